"""Consistency checks of the rime set (tests/fixtures/exported/rime), written blind.

The set holds Norwegian (Bokmål and Nynorsk) material on NAV and municipal welfare
digitalisation, with a few English and Danish documents. These tests compare the set with
the brief it was written to, its labels with the conventions of
tests/fixtures/exported/dev/README.md and its README's tables with its CSV files. They never
run the import: they read only the CSVs, the documents' visible text
(fixturesets.visible_lines) and the README."""

import re
from collections import Counter

import pytest
from fixturesets import SETS, TYPES, placement_check, rows, visible_lines

RIME = SETS / "rime"
FORMAT_OF = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_RANGES = {"html": range(18, 23), "txt": range(15, 21), "md": range(1, 3)}
CODES = {"en", "nb", "nn", "da"}  # the brief: Norwegian, plus a few English and Danish
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅ]")
NO_NUMBER = "no 19xx/20xx number"

LABELS = rows(RIME, "labels.csv")
BY_FILE = {label["file"]: label for label in LABELS}
DEBRIS = rows(RIME, "debris.csv")
PROSE = rows(RIME, "prose.csv")
DOCUMENTS = sorted(BY_FILE)
README_LINES = (RIME / "README.md").read_text(encoding="utf-8").splitlines()


def lines_of(file: str) -> list[str]:
    return visible_lines(RIME / file)


def counts_by(column: str) -> Counter:
    """Documents per file format ('format') or per value of one labels.csv column."""
    if column == "format":
        return Counter(FORMAT_OF[(RIME / file).suffix] for file in DOCUMENTS)
    return Counter(BY_FILE[file][column] for file in DOCUMENTS)


def readme_table(first_header: str) -> dict[str, int]:
    """A two-column count table of the README, found by its first header cell."""
    start = README_LINES.index(next(line for line in README_LINES
                                    if line.startswith(f"| {first_header} |")))
    table: dict[str, int] = {}
    for line in README_LINES[start + 2:]:
        if not line.startswith("|"):
            break
        key, value = (cell.strip() for cell in line.strip("|").split("|")[:2])
        table[key] = int(value.split()[0])
    return table


def test_csvs_name_each_document_of_the_folder_and_nothing_else():
    on_disk = sorted(p.name for p in RIME.iterdir() if p.suffix in FORMAT_OF
                     and p.name != "README.md")
    assert [label["file"] for label in LABELS] == on_disk
    assert sorted({row["file"] for row in DEBRIS}) == on_disk
    assert sorted({row["file"] for row in PROSE}) == on_disk


@pytest.mark.parametrize("name", ["labels.csv", "debris.csv", "prose.csv"])
def test_csv_line_ends_are_crlf(name):
    data = (RIME / name).read_bytes()
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), f"{name}: a bare LF"


def test_forty_documents_in_the_formats_and_types_the_brief_asks_for():
    assert len(DOCUMENTS) == 40
    formats = counts_by("format")
    assert all(formats[kind] in wanted for kind, wanted in FORMAT_RANGES.items()), formats
    types = counts_by("doc_type")
    assert set(types) == TYPES, types
    assert max(types.values()) - min(types.values()) <= 2, types


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_readme_count_tables_match_the_csvs(header, column):
    assert readme_table(header) == dict(counts_by(column))


def test_language_mix_is_mostly_norwegian_with_english_and_danish():
    tags = counts_by("languages")
    assert all(tags[code] >= 2 for code in CODES), tags
    norwegian = [t for t in tags.elements() if {"nb", "nn"} & set(t.split(";"))]
    assert len(norwegian) >= 30, len(norwegian)
    assert sum(1 for t in tags.elements() if "nn" in t.split(";")) >= 5
    mixed = [t for t in tags.elements() if ";" in t]
    assert len(mixed) >= 6, mixed
    assert {"nb;en", "en;nb", "nn;en"} <= set(mixed), mixed


def test_both_kinds_of_undated_document_occur():
    undated = [BY_FILE[f] for f in DOCUMENTS if not BY_FILE[f]["year"]]
    without_numbers = [u for u in undated if NO_NUMBER in u["year_evidence"]]
    assert len(without_numbers) >= 3
    assert len(undated) - len(without_numbers) >= 3


def test_clock_times_are_glued_to_titles_in_at_least_three_documents():
    glued = [f for f in DOCUMENTS if any(GLUED_TIME.search(line) for line in lines_of(f))]
    assert len(glued) >= 3, glued


def test_some_dated_documents_name_a_later_year_in_a_prose_sentence():
    later = {row["file"] for row in PROSE if BY_FILE[row["file"]]["year"]
             and any(int(y) > int(BY_FILE[row["file"]]["year"])
                     for y in YEAR.findall(row["sentence"]))}
    assert len(later) >= 3, sorted(later)


def test_prose_sentences_are_unique_across_the_set():
    repeated = [s for s, n in Counter(row["sentence"] for row in PROSE).items() if n > 1]
    assert repeated == []


def test_e_mail_placeholders_sit_only_on_debris_lines():
    debris = {(row["file"], row["line"]) for row in DEBRIS}
    for file in DOCUMENTS:
        for line in lines_of(file):
            if "@" in line or "[email" in line:
                assert (file, line) in debris, (file, line)


@pytest.mark.parametrize("file", DOCUMENTS)
def test_labels_use_codebook_values(file):
    label = BY_FILE[file]
    assert label["doc_type"] in TYPES
    codes = label["languages"].split(";")
    assert set(codes) <= CODES and len(set(codes)) == len(codes), codes
    assert label["title"].strip() and label["year_evidence"].strip()
    assert not label["year"] or 2000 <= int(label["year"]) <= 2030


@pytest.mark.parametrize("file", DOCUMENTS)
def test_year_and_its_evidence_agree_with_the_visible_text(file):
    label = BY_FILE[file]
    found = {y for line in lines_of(file) for y in YEAR.findall(line)}
    if label["year"]:
        assert label["year"] in found and label["year"] in label["year_evidence"]
        return
    assert label["year_evidence"].startswith("no year")
    if NO_NUMBER in label["year_evidence"]:
        assert not found, sorted(found)
    else:
        assert found, "say 'no 19xx/20xx number' when there is none"
        assert [y for y in sorted(found) if y not in label["year_evidence"]] == []


@pytest.mark.parametrize("file", DOCUMENTS)
def test_title_debris_and_prose_are_placed_by_the_conventions(file):
    placement_check(RIME, BY_FILE[file], DEBRIS, PROSE)


def test_readme_overview_row_per_document():
    debris = Counter(row["file"] for row in DEBRIS)
    prose = Counter(row["file"] for row in PROSE)
    for file in DOCUMENTS:
        label = BY_FILE[file]
        row = (f"| {file} | {label['doc_type']} | {label['languages']} | "
               f"{label['year'] or '—'} | {debris[file]} | {prose[file]} |")
        assert row in README_LINES, row
