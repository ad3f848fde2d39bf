"""Checks of the squall set (tests/fixtures/exported/squall), written blind.

The brief of the set: a teacher's and students' folder for a course on welfare
digitalisation: parliamentary papers (a standing committee's recommendation, a budget
proposition's chapter, a question time transcript), a public inquiry's summary, EU and OECD
pages, a syllabus and a lecture page, podcast episodes, newsletters, blog posts, a
social-media post, library catalogue and bibliographic-database records, a poster, a
dissertation summary, a teaching case, a student conference programme and a guest lecture;
mostly English, Bokmål and Nynorsk with some Danish and Swedish; about half saved HTML, one
or two Markdown pages. The tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run:
only the CSVs, the visible text (fixturesets.visible_lines) and the README are read.
"""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "squall"
FORMATS = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_BOUNDS = {"html": (16, 21), "txt": (13, 19), "md": (1, 2)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_ON_TITLE = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
NO_NUMBER = "no 19xx/20xx number"
PLACEHOLDER = "[email protected]"
TABLE_ROW = re.compile(r"^\| ([^|]+?) \| (\d+)")
DOI = re.compile(r"\b10\.(\d{4,9})/")
# Each genre of the brief, as the labels' notes name it.
GENRES = ("standing committee", "budget", "question time", "public inquiry", "European",
          "OECD", "syllabus", "lecture page", "podcast", "newsletter", "blog",
          "social-media", "catalogue record", "bibliographic database", "poster",
          "PhD thesis", "teaching case", "student conference", "guest lecture")
BRIEF_TWICE = ("podcast", "newsletter", "blog")

LABEL_ROWS = rows(FOLDER, "labels.csv")
LABELS = {row["file"]: row for row in LABEL_ROWS}
DEBRIS = rows(FOLDER, "debris.csv")
PROSE = rows(FOLDER, "prose.csv")
FILES = sorted(LABELS)
README = (FOLDER / "README.md").read_text(encoding="utf-8").splitlines()


def tally(column: str) -> Counter:
    """Documents per format ('format') or per value of a labels.csv column."""
    if column == "format":
        return Counter(FORMATS[(FOLDER / name).suffix] for name in FILES)
    return Counter(row[column] for row in LABEL_ROWS)


def counts_in_readme(header: str) -> dict[str, int]:
    """The count table of the README whose header row opens with `| header |`."""
    start = next(i for i, line in enumerate(README) if line.startswith(f"| {header} |"))
    found = {}
    for line in README[start + 2:]:
        match = TABLE_ROW.match(line)
        if match is None:
            break
        found[match.group(1)] = int(match.group(2))
    return found


def years_in(name: str) -> set[str]:
    """The 19xx/20xx numbers of one document's visible text."""
    return {year for line in visible_lines(FOLDER / name) for year in YEARLIKE.findall(line)}


def test_the_three_csvs_cover_exactly_the_documents_on_disk():
    documents = sorted(p.name for p in FOLDER.iterdir()
                       if p.suffix in FORMATS and p.name != "README.md")
    assert [row["file"] for row in LABEL_ROWS] == documents, "labels.csv order or content"
    assert sorted({row["file"] for row in DEBRIS}) == documents, "debris.csv"
    assert sorted({row["file"] for row in PROSE}) == documents, "prose.csv"


@pytest.mark.parametrize("csv_name", ["labels.csv", "debris.csv", "prose.csv"])
def test_every_csv_line_ends_with_crlf(csv_name):
    data = (FOLDER / csv_name).read_bytes()
    bare = data.replace(b"\r\n", b"")
    assert data.endswith(b"\r\n") and b"\n" not in bare, csv_name


def test_size_formats_and_types_follow_the_brief():
    assert 36 <= len(FILES) <= 40, len(FILES)
    formats = tally("format")
    assert all(low <= formats[kind] <= high for kind, (low, high) in FORMAT_BOUNDS.items()), formats
    types = tally("doc_type")
    assert set(types) == TYPES, types
    assert 4 <= min(types.values()) and max(types.values()) <= 12, types


def test_every_genre_of_the_brief_is_in_the_folder():
    notes = [row["notes"].lower() for row in LABEL_ROWS]
    missing = [genre for genre in GENRES if not any(genre.lower() in note for note in notes)]
    assert missing == []
    once = [genre for genre in BRIEF_TWICE if sum(genre in note for note in notes) < 2]
    assert once == [], "the brief names these in the plural"


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_the_readme_counts_agree_with_the_csvs(header, column):
    assert counts_in_readme(header) == dict(tally(column)), header


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_pages():
    tags = tally("languages")
    present = Counter(code for tag in tags.elements() for code in set(tag.split(";")))
    assert set(present) == LANGUAGES, present
    assert present["nb"] + present["nn"] >= 15 and present["en"] >= 15, present
    assert present["da"] + present["sv"] <= present["en"], present
    assert all(tags[code] >= 1 for code in ("da", "sv")), tags
    assert all(tags[code] >= 4 for code in ("en", "nb", "nn")), tags
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 5, mixed
    assert len({tag.split(";")[0] for tag in mixed}) >= 4, mixed


def test_each_kind_of_undated_document_occurs_at_least_three_times():
    undated = [row for row in LABEL_ROWS if not row["year"]]
    bare = [row["file"] for row in undated if NO_NUMBER in row["year_evidence"]]
    assert len(bare) >= 3, bare
    assert len(undated) - len(bare) >= 3, [row["file"] for row in undated]


def test_three_or_more_documents_glue_clock_times_to_titles():
    glued = {name for name in FILES
             if any(TIME_ON_TITLE.search(line) for line in visible_lines(FOLDER / name))}
    assert len(glued) >= 3, sorted(glued)


def test_three_or_more_dated_documents_name_a_later_year_in_prose():
    later = {row["file"] for row in PROSE
             if LABELS[row["file"]]["year"]
             and max(map(int, YEARLIKE.findall(row["sentence"])), default=0)
             > int(LABELS[row["file"]]["year"])}
    assert len(later) >= 3, sorted(later)


def test_no_prose_sentence_is_shared_by_two_documents():
    repeated = Counter(row["sentence"] for row in PROSE)
    assert [text for text, n in repeated.items() if n > 1] == []


@pytest.mark.parametrize("name", FILES)
def test_e_mail_placeholders_stand_only_on_debris_lines(name):
    debris = {row["line"] for row in DEBRIS if row["file"] == name}
    lines = visible_lines(FOLDER / name)
    assert [line for line in lines if PLACEHOLDER in line and line not in debris] == []


@pytest.mark.parametrize("name", FILES)
def test_doi_prefixes_are_zero_filled_placeholders(name):
    prefixes = {prefix for line in visible_lines(FOLDER / name) for prefix in DOI.findall(line)}
    assert prefixes <= {"0000"}, prefixes


@pytest.mark.parametrize("name", FILES)
def test_label_values_come_from_the_codebook(name):
    label = LABELS[name]
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES, label["doc_type"]
    assert set(codes) <= LANGUAGES and len(codes) == len(set(codes)), codes
    assert label["title"].strip() and label["year_evidence"].strip()
    if label["year"]:
        assert 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("name", FILES)
def test_the_year_and_its_evidence_match_the_visible_text(name):
    label, years = LABELS[name], years_in(name)
    evidence = label["year_evidence"]
    if label["year"]:
        assert label["year"] in years and label["year"] in evidence, (evidence, sorted(years))
    elif NO_NUMBER in evidence:
        assert evidence.startswith("no year") and not years, sorted(years)
    else:
        assert evidence.startswith("no year") and years, evidence
        unnamed = sorted(year for year in years if year not in evidence)
        assert unnamed == [], evidence


@pytest.mark.parametrize("name", FILES)
def test_title_debris_and_prose_are_placed_by_the_conventions(name):
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)


def test_the_readme_overview_has_one_true_row_a_document():
    debris, prose = Counter(r["file"] for r in DEBRIS), Counter(r["file"] for r in PROSE)
    expected = [f"| {name} | {LABELS[name]['doc_type']} | {LABELS[name]['languages']} | "
                f"{LABELS[name]['year'] or '—'} | {debris[name]} | {prose[name]} |"
                for name in FILES]
    assert [row for row in expected if row not in README] == []
