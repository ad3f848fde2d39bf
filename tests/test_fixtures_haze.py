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

HAZE = SETS / "haze"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
ALLOWED_FORMATS = {"html": range(17, 22), "txt": range(15, 22), "md": range(1, 3)}
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
IDENTIFIER = re.compile(r"10\.(\d{4,9})/|ISSN (\d{4}-\d{3}[\dX])")
BARE, MAIL = "no 19xx/20xx number", "[email protected]"

LABELLED, DEBRIS_ROWS, PROSE_ROWS = (rows(HAZE, f"{part}.csv")
                                     for part in ("labels", "debris", "prose"))
BY_FILE = {label["file"]: label for label in LABELLED}
NAMES = sorted(BY_FILE)
PAGES = [name for name in NAMES if name.endswith(".html")]
README_TEXT = (HAZE / "README.md").read_text(encoding="utf-8")


def per_document(column: str) -> Counter:
    """How many documents have each value of a labels.csv column, or of their format."""
    if column == "format":
        return Counter(SUFFIXES[name[name.rindex("."):]] for name in NAMES)
    return Counter(label[column] for label in LABELLED)


def readme_tables() -> dict[str, dict[str, int]]:
    """Every two-column count table of the README, keyed by its first header cell."""
    tables, current = {}, None
    for line in README_TEXT.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[1:] == ["documents"]:
            current = tables.setdefault(cells[0], {})
        elif current is not None and line.startswith("| ") and cells[1].isdigit():
            current[cells[0]] = int(cells[1])
        elif not line.startswith("|"):
            current = None
    return tables


def debris_of(name: str) -> set[str]:
    return {row["line"] for row in DEBRIS_ROWS if row["file"] == name}


def year_numbers(name: str) -> set[str]:
    return set(YEAR.findall("\n".join(visible_lines(HAZE / name))))


def test_labels_debris_and_prose_name_the_same_documents_as_the_folder():
    on_disk = sorted(path.name for path in HAZE.glob("*") if path.suffix in SUFFIXES
                     and path.name != "README.md")
    assert [label["file"] for label in LABELLED] == on_disk
    for table in (DEBRIS_ROWS, PROSE_ROWS):
        assert sorted(set(row["file"] for row in table)) == on_disk


@pytest.mark.parametrize("csv_name", ["labels.csv", "debris.csv", "prose.csv"])
def test_the_csv_files_use_crlf_only(csv_name):
    raw = (HAZE / csv_name).read_bytes()
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n"), csv_name


def test_the_set_has_the_size_formats_and_types_of_the_brief():
    assert len(NAMES) in range(36, 41), len(NAMES)
    formats = per_document("format")
    for kind, allowed in ALLOWED_FORMATS.items():
        assert formats[kind] in allowed, formats
    types = per_document("doc_type")
    assert sorted(types) == sorted(TYPES), types
    assert all(4 <= count <= 12 for count in types.values()), types


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_readme_count_tables_match(header, column):
    assert readme_tables()[header] == dict(per_document(column))


def test_english_and_norwegian_lead_with_danish_swedish_and_bilingual_pages():
    tags = per_document("languages")
    parts = Counter(code for tag in tags.elements() for code in set(tag.split(";")))
    assert set(parts) == LANGUAGES, parts
    main = sum(n for tag, n in tags.items() if set(tag.split(";")) & {"en", "nb", "nn"})
    assert main >= 0.75 * len(NAMES), tags
    assert parts["en"] >= 10 and parts["nb"] >= 15 and parts["nn"] >= 5, parts
    assert parts["da"] >= 3 and parts["sv"] >= 3, parts
    bilingual = [tag.split(";") for tag in tags.elements() if ";" in tag]
    assert len(bilingual) >= 5, bilingual
    assert len({first for first, *_ in bilingual}) >= 4, bilingual


def test_the_events_of_the_brief_are_there():
    titles = " | ".join(label["title"].lower() for label in LABELLED
                        if label["doc_type"] == "event_programme")
    for word in ("konferanse", "webinar", "frokostseminar", "fagdag"):
        assert word in titles, word


def test_both_kinds_of_undated_documents_occur_three_times_or_more():
    undated = [label for label in LABELLED if label["year"] == ""]
    without_numbers = sum(BARE in label["year_evidence"] for label in undated)
    assert without_numbers >= 3 and len(undated) - without_numbers >= 3, undated


def test_clock_times_are_glued_to_titles_in_three_documents_or_more():
    glued = [name for name in NAMES if GLUED_TIME.search("\n".join(visible_lines(HAZE / name)))]
    assert len(glued) >= 3, glued


def test_later_years_stand_in_prose_of_three_dated_documents_or_more():
    ahead = set()
    for row in PROSE_ROWS:
        year = BY_FILE[row["file"]]["year"]
        if year and any(int(found) > int(year) for found in YEAR.findall(row["sentence"])):
            ahead.add(row["file"])
    assert len(ahead) >= 3, sorted(ahead)


def test_prose_sentences_are_unique_across_the_set():
    sentences = [row["sentence"] for row in PROSE_ROWS]
    assert len(sentences) == len(set(sentences))


@pytest.mark.parametrize("name", NAMES)
def test_mail_placeholders_are_debris(name):
    kept = [line for line in visible_lines(HAZE / name) if MAIL in line]
    assert set(kept) <= debris_of(name), kept


@pytest.mark.parametrize("name", NAMES)
def test_identifiers_are_zero_filled(name):
    raw = (HAZE / name).read_text(encoding="utf-8")
    for doi, issn in IDENTIFIER.findall(raw):
        assert (doi + issn).strip("0-") == "", doi or issn


@pytest.mark.parametrize("name", PAGES)
def test_catalogue_fields_of_saved_pages_are_debris(name):
    soup = BeautifulSoup((HAZE / name).read_text(encoding="utf-8"), "html.parser")
    fields = {tag.get_text().strip() for tag in soup.find_all(["dt", "dd"])}
    assert fields <= debris_of(name), fields - debris_of(name)


def test_five_or_more_saved_pages_carry_field_lists():
    with_fields = [name for name in PAGES if "<dl>" in (HAZE / name).read_text(encoding="utf-8")]
    assert len(with_fields) >= 5, with_fields


@pytest.mark.parametrize("name", NAMES)
def test_labels_use_the_codebook(name):
    label = BY_FILE[name]
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES
    assert len(codes) == len(set(codes)) and set(codes) <= LANGUAGES, codes
    assert label["title"].strip() != "" and label["year_evidence"].strip() != ""
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("name", NAMES)
def test_year_labels_follow_the_visible_years(name):
    label, found = BY_FILE[name], year_numbers(name)
    evidence, year = label["year_evidence"], label["year"]
    if year:
        assert {year} <= found and year in evidence, (year, evidence, found)
        return
    assert evidence.startswith("no year"), evidence
    if BARE in evidence:
        assert found == set(), found
    else:
        assert found and all(number in evidence for number in found), (evidence, found)


@pytest.mark.parametrize("name", NAMES)
def test_placement_of_title_debris_and_prose(name):
    placement_check(HAZE, BY_FILE[name], DEBRIS_ROWS, PROSE_ROWS)


def test_readme_overview_rows_agree_with_the_csvs():
    lines = Counter(row["file"] for row in DEBRIS_ROWS)
    sentences = Counter(row["file"] for row in PROSE_ROWS)
    table = {}
    for line in README_TEXT.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 6 and cells[0] in BY_FILE:
            table[cells[0]] = cells[1:]
    for name in NAMES:
        label = BY_FILE[name]
        assert table.get(name) == [label["doc_type"], label["languages"], label["year"] or "—",
                                   str(lines[name]), str(sentences[name])], name
