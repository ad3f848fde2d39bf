"""Checks of the sleet set (tests/fixtures/exported/sleet), written blind: its shape against
the brief it was written to, its labels against the conventions of
tests/fixtures/exported/dev/README.md, and its README's tables against its CSV files.

No import is run; the checks read the set's CSVs, the visible text of its documents
(fixturesets.visible_lines) and its README only."""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

SLEET = SETS / "sleet"
FORMAT_OF = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_RANGE = {"html": (19, 23), "txt": (15, 19), "md": (1, 2)}
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
MAIL = re.compile(r"\S+@\S+")
NO_NUMBER = "no 19xx/20xx number"

LABELS, DEBRIS, PROSE = (rows(SLEET, f"{name}.csv") for name in ("labels", "debris", "prose"))
LABEL = {row["file"]: row for row in LABELS}
DOCUMENTS = sorted(LABEL)
README_LINES = (SLEET / "README.md").read_text(encoding="utf-8").splitlines()


def years_in(file: str) -> set[str]:
    """The 19xx/20xx numbers of a document's visible text."""
    return {year for line in visible_lines(SLEET / file) for year in YEAR.findall(line)}


def tally(column: str) -> Counter:
    """Documents per format ('format') or per value of a labels.csv column."""
    if column == "format":
        return Counter(FORMAT_OF[(SLEET / file).suffix] for file in DOCUMENTS)
    return Counter(LABEL[file][column] for file in DOCUMENTS)


def counts_in_readme(first_header: str) -> dict[str, int]:
    """The README's count table whose first column is headed `first_header`."""
    start = README_LINES.index(f"| {first_header} | documents |")
    table = {}
    for line in README_LINES[start + 2:]:
        if not line.startswith("|"):
            break
        name, number = (cell.strip() for cell in line.strip("|").split("|")[:2])
        table[name] = int(number.split()[0])
    return table


def test_the_three_csvs_cover_exactly_the_documents_of_the_folder():
    on_disk = sorted(path.name for path in SLEET.iterdir()
                     if path.suffix in FORMAT_OF and path.name != "README.md")
    assert [row["file"] for row in LABELS] == on_disk
    assert sorted({row["file"] for row in DEBRIS}) == on_disk
    assert sorted({row["file"] for row in PROSE}) == on_disk


def test_the_csvs_end_their_lines_like_the_other_sets():
    for name in ("labels.csv", "debris.csv", "prose.csv"):
        raw = (SLEET / name).read_bytes()
        assert raw.count(b"\n") == raw.count(b"\r\n") > 0, name


def test_the_set_has_the_size_formats_and_types_of_the_brief():
    assert len(DOCUMENTS) == 40
    formats = tally("format")
    assert all(low <= formats[kind] <= high for kind, (low, high) in FORMAT_RANGE.items()), formats
    types = tally("doc_type")
    assert set(types) == TYPES and all(7 <= n <= 9 for n in types.values()), types


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_the_readme_counts_are_those_of_the_labels(header, column):
    assert counts_in_readme(header) == dict(tally(column))


def test_languages_alone_and_mixed_in_both_orders():
    labels = tally("languages")
    assert all(labels[code] >= 2 for code in LANGUAGES), labels
    mixed = [label for label in labels.elements() if ";" in label]
    assert len(mixed) >= 7, mixed
    openers = {label.split(";")[0] for label in mixed}
    assert "en" in openers and "nb" in openers, mixed


def test_undated_documents_of_both_kinds():
    undated = [LABEL[file] for file in DOCUMENTS if not LABEL[file]["year"]]
    bare = sum(NO_NUMBER in label["year_evidence"] for label in undated)
    assert bare >= 3 and len(undated) - bare >= 3, [label["file"] for label in undated]


def test_timetables_glue_clock_times_to_titles_in_several_documents():
    glued = [file for file in DOCUMENTS
             if any(GLUED_TIME.search(line) for line in visible_lines(SLEET / file))]
    assert len(glued) >= 3, glued


def test_dated_documents_look_ahead_in_prose_sentences():
    def looks_ahead(row: dict) -> bool:
        date = LABEL[row["file"]]["year"]
        return bool(date) and max(map(int, YEAR.findall(row["sentence"])), default=0) > int(date)

    ahead = sorted({row["file"] for row in PROSE if looks_ahead(row)})
    assert len(ahead) >= 3, ahead


def test_mail_addresses_sit_only_on_debris_lines():
    debris = {(row["file"], row["line"]) for row in DEBRIS}
    stray = [(file, line) for file in DOCUMENTS for line in visible_lines(SLEET / file)
             if MAIL.search(line) and (file, line) not in debris]
    assert stray == []


@pytest.mark.parametrize("file", DOCUMENTS)
def test_labels_take_codebook_values(file):
    label = LABEL[file]
    assert label["doc_type"] in TYPES
    codes = label["languages"].split(";")
    assert len(codes) == len(set(codes)) and set(codes) <= LANGUAGES, codes
    assert label["title"].strip() and label["year_evidence"].strip()
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("file", DOCUMENTS)
def test_the_year_and_its_evidence_agree_with_the_text(file):
    year, evidence, found = LABEL[file]["year"], LABEL[file]["year_evidence"], years_in(file)
    if year:
        assert year in found and year in evidence, (year, sorted(found))
        return
    assert evidence.startswith("no year"), evidence
    if NO_NUMBER in evidence:
        assert found == set(), sorted(found)
    else:
        assert found and all(number in evidence for number in found), sorted(found)


@pytest.mark.parametrize("file", DOCUMENTS)
def test_title_debris_and_prose_are_placed_by_the_conventions(file):
    placement_check(SLEET, LABEL[file], DEBRIS, PROSE)


def test_the_readme_has_one_agreeing_overview_row_per_document():
    debris, prose = Counter(r["file"] for r in DEBRIS), Counter(r["file"] for r in PROSE)
    for file in DOCUMENTS:
        label = LABEL[file]
        row = (f"| {file} | {label['doc_type']} | {label['languages']} | {label['year'] or '—'}"
               f" | {debris[file]} | {prose[file]} |")
        assert row in README_LINES, row
