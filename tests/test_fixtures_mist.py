"""Checks of the mist set (tests/fixtures/exported/mist), written blind.

The brief of the set: Danish and Swedish material on welfare digitalisation (agencies,
regions and municipalities, funders, repositories, magazines, local newspapers, Almedalen and
Folkemødet) with some English and Norwegian pages; about half saved HTML, one or two Markdown
pages. The tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run
here: only the CSVs, the visible text (fixturesets.visible_lines) and the README are read.
"""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

MIST = SETS / "mist"
FORMAT_OF = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_LIMITS = {"html": (14, 20), "txt": (13, 19), "md": (1, 2)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_GLUED_TO_TITLE = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
NO_YEARLIKE = "no 19xx/20xx number"
EMAIL_PLACEHOLDER = "[email protected]"

LABEL_ROWS = rows(MIST, "labels.csv")
LABEL = {row["file"]: row for row in LABEL_ROWS}
DEBRIS_ROWS = rows(MIST, "debris.csv")
PROSE_ROWS = rows(MIST, "prose.csv")
FILES = sorted(LABEL)
README = (MIST / "README.md").read_text(encoding="utf-8").splitlines()


def lines_of(name: str) -> list[str]:
    """The stripped, non-empty visible lines of one document of the set."""
    return visible_lines(MIST / name)


def tally(field: str) -> Counter:
    """Documents per value of a label field, or per file format for field 'format'."""
    if field == "format":
        return Counter(FORMAT_OF[(MIST / name).suffix] for name in FILES)
    return Counter(row[field] for row in LABEL_ROWS)


def counts_in_readme(header: str) -> dict[str, int]:
    """The README table whose header row starts with `| header |`, as {first cell: count}."""
    start = next(i for i, line in enumerate(README) if line.startswith(f"| {header} |"))
    found = {}
    for line in README[start + 2:]:
        if not line.startswith("| "):
            return found
        key, value = (cell.strip() for cell in line.split("|")[1:3])
        found[key] = int(value.split()[0])
    return found


def test_the_three_csvs_cover_exactly_the_documents_on_disk():
    documents = sorted(path.name for path in MIST.iterdir()
                       if path.suffix in FORMAT_OF and path.name != "README.md")
    assert [row["file"] for row in LABEL_ROWS] == documents, "labels.csv rows or their order"
    assert sorted({row["file"] for row in DEBRIS_ROWS}) == documents, "debris.csv"
    assert sorted({row["file"] for row in PROSE_ROWS}) == documents, "prose.csv"


@pytest.mark.parametrize("csv_name", ["labels.csv", "debris.csv", "prose.csv"])
def test_every_csv_line_ends_in_crlf(csv_name):
    raw = (MIST / csv_name).read_bytes()
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == raw.count(b"\n"), "a bare LF line end"


def test_size_formats_and_types_follow_the_brief():
    assert 30 <= len(FILES) <= 40, len(FILES)
    formats = tally("format")
    for fmt, (low, high) in FORMAT_LIMITS.items():
        assert low <= formats[fmt] <= high, (fmt, formats)
    types = tally("doc_type")
    assert set(types) == TYPES, types
    assert max(types.values()) - min(types.values()) <= 2, types


@pytest.mark.parametrize("header,field", [("format", "format"), ("doc_type", "doc_type"),
                                          ("languages (label)", "languages")])
def test_readme_counts_are_those_of_the_labels(header, field):
    assert counts_in_readme(header) == dict(tally(field)), header


def test_danish_and_swedish_lead_with_some_english_and_norwegian():
    tags = tally("languages")
    parts = Counter(code for tag in tags.elements() for code in tag.split(";"))
    assert tags["da"] >= 8 and tags["sv"] >= 8, tags
    assert parts["da"] + parts["sv"] >= 0.6 * len(FILES), parts
    assert tags["en"] >= 3 and parts["nb"] >= 2, tags
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 3, mixed
    assert {"sv", "nb"} <= {tag.split(";")[0] for tag in mixed}, mixed


def test_undated_documents_of_both_kinds_occur_three_times_at_least():
    undated = [row for row in LABEL_ROWS if not row["year"]]
    bare = [row["file"] for row in undated if NO_YEARLIKE in row["year_evidence"]]
    assert len(bare) >= 3, bare
    assert len(undated) - len(bare) >= 3, [row["file"] for row in undated]


def test_three_or_more_timetables_glue_a_time_to_a_title():
    glued = [name for name in FILES if any(map(TIME_GLUED_TO_TITLE.search, lines_of(name)))]
    assert len(glued) >= 3, glued


def test_three_or_more_dated_documents_look_ahead_in_prose():
    ahead = {row["file"] for row in PROSE_ROWS
             if LABEL[row["file"]]["year"]
             and max(map(int, YEARLIKE.findall(row["sentence"])), default=0)
             > int(LABEL[row["file"]]["year"])}
    assert len(ahead) >= 3, sorted(ahead)


def test_no_sentence_is_prose_of_two_documents():
    twice = Counter(row["sentence"] for row in PROSE_ROWS)
    assert [sentence for sentence, n in twice.items() if n > 1] == []


def test_email_placeholders_sit_only_on_debris_lines():
    listed = {(row["file"], row["line"]) for row in DEBRIS_ROWS}
    stray = [(name, line) for name in FILES for line in lines_of(name)
             if EMAIL_PLACEHOLDER in line and (name, line) not in listed]
    assert stray == []


@pytest.mark.parametrize("name", FILES)
def test_label_values_come_from_the_codebook(name):
    row = LABEL[name]
    assert row["doc_type"] in TYPES, row["doc_type"]
    languages = row["languages"].split(";")
    assert set(languages) <= LANGUAGES, languages
    assert len(languages) == len(set(languages)), languages
    assert row["title"].strip() and row["year_evidence"].strip()
    if row["year"]:
        assert 2000 <= int(row["year"]) <= 2030, row["year"]


@pytest.mark.parametrize("name", FILES)
def test_year_label_is_backed_by_the_text_and_its_evidence(name):
    row = LABEL[name]
    yearlike = set(YEARLIKE.findall("\n".join(lines_of(name))))
    evidence = row["year_evidence"]
    if row["year"]:
        assert row["year"] in yearlike, (row["year"], sorted(yearlike))
        assert row["year"] in evidence, evidence
    elif NO_YEARLIKE in evidence:
        assert evidence.startswith("no year") and not yearlike, sorted(yearlike)
    else:
        assert evidence.startswith("no year") and yearlike, evidence
        unexplained = sorted(year for year in yearlike if year not in evidence)
        assert unexplained == [], evidence


@pytest.mark.parametrize("name", FILES)
def test_title_debris_and_prose_are_placed_by_the_conventions(name):
    placement_check(MIST, LABEL[name], DEBRIS_ROWS, PROSE_ROWS)


def test_readme_overview_has_a_true_row_for_each_document():
    debris, prose = (Counter(row["file"] for row in listed)
                     for listed in (DEBRIS_ROWS, PROSE_ROWS))
    wanted = [f"| {name} | {LABEL[name]['doc_type']} | {LABEL[name]['languages']} | "
              f"{LABEL[name]['year'] or '—'} | {debris[name]} | {prose[name]} |"
              for name in FILES]
    assert [row for row in wanted if row not in README] == []
