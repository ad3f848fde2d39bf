"""Checks of the haze set (tests/fixtures/exported/haze), written blind.

The brief of the set: what a researcher saves when mapping how organised civil society and
the welfare workforce talk about digitalisation: trade unions and professional associations
(reports, member surveys, hearing responses, journals), user, patient and disability
organisations, think tanks and consultancies (notes, evaluations, commissioned reports),
local and regional news sites (news, op-eds, letters), inter-municipal cooperation bodies,
and a few Icelandic, Finnish and Faroese hosts; events such as a union conference, an NGO
webinar and a breakfast seminar. Mostly English, Bokmål and Nynorsk, some Danish and
Swedish, several bilingual documents; about half saved HTML, one or two Markdown pages. The
tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run:
only the CSVs, the visible text (fixturesets.visible_lines), the raw HTML and the README are
read.
"""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "haze"
FORMATS = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_BOUNDS = {"html": (17, 21), "txt": (15, 21), "md": (1, 2)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_ON_TITLE = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
DOI = re.compile(r"10\.(\d{4,9})/")
ISSN = re.compile(r"ISSN (\d{4}-\d{3}[\dX])")
NO_NUMBER = "no 19xx/20xx number"
PLACEHOLDER = "[email protected]"
TABLE_ROW = re.compile(r"^\| ([^|]+?) \| (\d+)")

LABEL_ROWS = rows(FOLDER, "labels.csv")
LABELS = {row["file"]: row for row in LABEL_ROWS}
DEBRIS = rows(FOLDER, "debris.csv")
PROSE = rows(FOLDER, "prose.csv")
FILES = sorted(LABELS)
HTML_FILES = [name for name in FILES if name.endswith(".html")]
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


def debris_of(name: str) -> set[str]:
    return {row["line"] for row in DEBRIS if row["file"] == name}


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


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_the_readme_counts_agree_with_the_csvs(header, column):
    assert counts_in_readme(header) == dict(tally(column)), header


def test_english_and_norwegian_lead_with_danish_swedish_and_bilingual_pages():
    tags = tally("languages")
    present = Counter(code for tag in tags.elements() for code in set(tag.split(";")))
    assert set(present) == LANGUAGES, present
    main = sum(n for tag, n in tags.items() if set(tag.split(";")) & {"en", "nb", "nn"})
    assert main >= 0.75 * len(FILES), tags
    assert present["en"] >= 10 and present["nb"] >= 15 and present["nn"] >= 5, present
    assert present["da"] >= 3 and present["sv"] >= 3, present
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 5, mixed
    assert len({tag.split(";")[0] for tag in mixed}) >= 4, mixed
    assert all(tag.split(";")[1] != tag.split(";")[0] for tag in mixed)


def test_the_events_of_the_brief_are_there():
    titles = [row["title"].lower() for row in LABEL_ROWS if row["doc_type"] == "event_programme"]
    for word in ("konferanse", "webinar", "frokostseminar", "fagdag"):
        assert any(word in title for title in titles), word


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
    debris = debris_of(name)
    lines = visible_lines(FOLDER / name)
    assert [line for line in lines if PLACEHOLDER in line and line not in debris] == []


@pytest.mark.parametrize("name", FILES)
def test_identifiers_are_zero_filled(name):
    text = "\n".join(visible_lines(FOLDER / name))
    raw = (FOLDER / name).read_text(encoding="utf-8")
    for found in DOI.findall(text) + DOI.findall(raw) + ISSN.findall(text):
        assert set(found) <= {"0", "-"}, found


@pytest.mark.parametrize("name", HTML_FILES)
def test_catalogue_fields_of_saved_pages_are_debris(name):
    soup = BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"), "html.parser")
    debris = debris_of(name)
    fields = [tag.get_text().strip() for tag in soup.find_all(["dt", "dd"])]
    assert [field for field in fields if field not in debris] == []


def test_five_or_more_saved_pages_carry_field_lists():
    pages = [name for name in HTML_FILES
             if BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"),
                              "html.parser").find("dl")]
    assert len(pages) >= 5, pages


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
