"""Checks of the hail set (tests/fixtures/exported/hail), written blind: its shape against the
brief it was written to (Nordic hosts, Nynorsk municipalities, about half HTML, one or two
Markdown pages), its labels against the conventions of tests/fixtures/exported/dev/README.md,
and its README's tables against its CSV files.

No import is run here: every check reads only the folder's CSVs, the visible text of its
documents (fixturesets.visible_lines) and its README."""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

HAIL = SETS / "hail"
KINDS = {".html": "html", ".txt": "txt", ".md": "md"}
WANTED_KINDS = {"html": (19, 23), "txt": (15, 19), "md": (1, 2)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_ON_TITLE = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
BARE = "no 19xx/20xx number"
CSV_NAMES = ("labels.csv", "debris.csv", "prose.csv")

LABELS = rows(HAIL, "labels.csv")
LABEL_OF = {row["file"]: row for row in LABELS}
DEBRIS = rows(HAIL, "debris.csv")
PROSE = rows(HAIL, "prose.csv")
FILES = sorted(LABEL_OF)
README = (HAIL / "README.md").read_text(encoding="utf-8")


def years_in(file: str) -> set[str]:
    """The 19xx/20xx numbers anywhere in one document's visible text."""
    return {year for line in visible_lines(HAIL / file) for year in YEARLIKE.findall(line)}


def tally(field: str) -> Counter:
    """Documents per format ('format') or per value of a label column."""
    if field == "format":
        return Counter(KINDS[(HAIL / file).suffix] for file in FILES)
    return Counter(LABEL_OF[file][field] for file in FILES)


def readme_counts(header: str) -> dict[str, int]:
    """The README's two-column table whose first header cell is `header`."""
    counts: dict[str, int] = {}
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    for line in lines[start + 1:]:
        if not line.startswith("|"):
            break
        if not line.startswith("|---"):
            first, second = (cell.strip() for cell in line.strip("|").split("|")[:2])
            counts[first] = int(second.split()[0])
    return counts


def test_the_three_csvs_cover_exactly_the_documents_of_the_folder():
    documents = sorted(path.name for path in HAIL.iterdir()
                       if path.suffix in KINDS and path.name != "README.md")
    assert [row["file"] for row in LABELS] == documents, "labels.csv: order or coverage"
    assert sorted({row["file"] for row in DEBRIS}) == documents, "debris.csv"
    assert sorted({row["file"] for row in PROSE}) == documents, "prose.csv"


@pytest.mark.parametrize("name", CSV_NAMES)
def test_each_csv_ends_its_lines_with_crlf_like_the_other_sets(name):
    raw = (HAIL / name).read_bytes()
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), name


def test_size_formats_and_types_follow_the_brief():
    assert len(FILES) == 40, len(FILES)
    formats = tally("format")
    for kind, (low, high) in WANTED_KINDS.items():
        assert low <= formats[kind] <= high, (kind, formats)
    types = tally("doc_type")
    assert set(types) == TYPES and 7 <= min(types.values()) <= max(types.values()) <= 9, types


@pytest.mark.parametrize("header,field", [("format", "format"), ("doc_type", "doc_type"),
                                          ("languages (label)", "languages")])
def test_the_readme_tables_count_what_the_labels_say(header, field):
    assert readme_counts(header) == dict(tally(field)), header


def test_languages_alone_mixed_and_nynorsk_as_the_brief_asks():
    tags = tally("languages")
    assert all(tags[code] >= 2 for code in LANGUAGES), tags
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 7, mixed
    assert {"en", "nb"} <= {tag.split(";")[0] for tag in mixed}, mixed
    assert "nb;en" in mixed, "no Bokmål page with an English summary"
    nynorsk = [tag for tag in tags.elements() if "nn" in tag.split(";")]
    assert len(nynorsk) >= 4, nynorsk


def test_undated_documents_of_both_kinds_occur_at_least_three_times():
    undated = [LABEL_OF[file] for file in FILES if not LABEL_OF[file]["year"]]
    bare = [label for label in undated if BARE in label["year_evidence"]]
    assert len(bare) >= 3, [label["file"] for label in bare]
    assert len(undated) - len(bare) >= 3, [label["file"] for label in undated]


def test_timetables_glue_clock_times_to_titles_in_several_documents():
    glued = {file for file in FILES if any(TIME_ON_TITLE.search(line)
                                           for line in visible_lines(HAIL / file))}
    assert len(glued) >= 2, sorted(glued)


def test_dated_documents_look_beyond_their_year_in_prose():
    ahead = {row["file"] for row in PROSE if LABEL_OF[row["file"]]["year"]
             and any(int(year) > int(LABEL_OF[row["file"]]["year"])
                     for year in YEARLIKE.findall(row["sentence"]))}
    assert len(ahead) >= 3, sorted(ahead)


def test_no_prose_sentence_is_shared_by_two_documents():
    owners = Counter(row["sentence"] for row in PROSE)
    assert [sentence for sentence, count in owners.items() if count > 1] == []


@pytest.mark.parametrize("file", FILES)
def test_each_label_takes_codebook_values(file):
    label = LABEL_OF[file]
    assert label["doc_type"] in TYPES, label["doc_type"]
    codes = label["languages"].split(";")
    assert set(codes) <= LANGUAGES and len(codes) == len(set(codes)), codes
    assert label["title"].strip() and label["year_evidence"].strip()
    if label["year"]:
        assert 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("file", FILES)
def test_each_year_or_its_absence_is_backed_by_the_text(file):
    label, numbers = LABEL_OF[file], years_in(file)
    year, evidence = label["year"], label["year_evidence"]
    if year:
        assert year in numbers and year in evidence, (year, sorted(numbers))
    elif BARE in evidence:
        assert evidence.startswith("no year") and not numbers, sorted(numbers)
    else:
        assert evidence.startswith("no year") and numbers, evidence
        assert sorted(n for n in numbers if n not in evidence) == [], "a year the evidence skips"


@pytest.mark.parametrize("file", FILES)
def test_each_document_places_title_debris_and_prose_by_the_conventions(file):
    placement_check(HAIL, LABEL_OF[file], DEBRIS, PROSE)


def test_the_readme_overview_has_one_agreeing_row_per_document():
    debris, prose = Counter(r["file"] for r in DEBRIS), Counter(r["file"] for r in PROSE)
    expected = set()
    for file in FILES:
        label = LABEL_OF[file]
        cells = [file, label["doc_type"], label["languages"], label["year"] or "—",
                 str(debris[file]), str(prose[file])]
        expected.add("| " + " | ".join(cells) + " |")
    assert sorted(expected - set(README.splitlines())) == []
