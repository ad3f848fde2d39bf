"""The autumn set (tests/fixtures/exported/autumn) held to its brief and to the labelling
conventions of tests/fixtures/exported/dev/README.md.

The set was written blind, to score the import once; these checks never run the import.
A failing check names a label, debris line or prose sentence that breaks a convention, or a
share of formats, types, languages or year situations that has left the brief."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

AUTUMN = SETS / "autumn"
FORMAT_OF_SUFFIX = {".html": "html", ".txt": "txt", ".md": "md"}
FORMAT_RANGES = {"html": (22, 26), "txt": (10, 14), "md": (4, 6)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NO_NUMBER_PHRASE = "no 19xx/20xx number"

LABEL_ROWS = rows(AUTUMN, "labels.csv")
DEBRIS_ROWS = rows(AUTUMN, "debris.csv")
PROSE_ROWS = rows(AUTUMN, "prose.csv")
BY_FILE = {row["file"]: row for row in LABEL_ROWS}
DOCUMENTS = sorted(BY_FILE)


def documents_on_disk() -> list[str]:
    """Names of the set's documents in its folder (the README is no document)."""
    return sorted(entry.name for entry in AUTUMN.iterdir()
                  if entry.suffix in FORMAT_OF_SUFFIX and entry.name != "README.md")


def format_of(name: str) -> str:
    return FORMAT_OF_SUFFIX[Path(name).suffix]


def yearlike_numbers(name: str) -> list[str]:
    """Sorted distinct 19xx/20xx numbers of a document's visible text."""
    found = {number for line in visible_lines(AUTUMN / name) for number in YEARLIKE.findall(line)}
    return sorted(found)


def rows_for(table: list[dict], name: str) -> int:
    return len([row for row in table if row["file"] == name])


def test_the_three_lists_cover_exactly_the_documents_in_the_folder():
    on_disk = documents_on_disk()
    assert [row["file"] for row in LABEL_ROWS] == on_disk, "labels.csv: not sorted or incomplete"
    for table, csv_name in ((DEBRIS_ROWS, "debris.csv"), (PROSE_ROWS, "prose.csv")):
        assert sorted({row["file"] for row in table}) == on_disk, csv_name


def test_size_and_format_shares_match_the_brief():
    per_format = Counter(format_of(name) for name in DOCUMENTS)
    assert 40 <= len(DOCUMENTS) <= 44, len(DOCUMENTS)
    outside = {kind: per_format[kind] for kind, (low, high) in FORMAT_RANGES.items()
               if not low <= per_format[kind] <= high}
    assert not outside, per_format


def test_doc_types_are_balanced():
    per_type = Counter(row["doc_type"] for row in LABEL_ROWS)
    assert set(per_type) == TYPES, per_type
    assert min(per_type.values()) >= 7 and max(per_type.values()) <= 9, per_type


def test_languages_alone_and_bilingual():
    tags = Counter(row["languages"] for row in LABEL_ROWS)
    too_rare = {code: tags[code] for code in LANGUAGES if tags[code] < 2}
    assert not too_rare, tags
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 7, tags
    openers = {tag.split(";", 1)[0] for tag in mixed}
    assert "en" in openers and "nb" in openers, openers


def test_both_kinds_of_undated_document_occur_three_times():
    undated = [row for row in LABEL_ROWS if row["year"] == ""]
    without_numbers = [row for row in undated if NO_NUMBER_PHRASE in row["year_evidence"]]
    assert len(without_numbers) >= 3, [row["file"] for row in without_numbers]
    assert len(undated) - len(without_numbers) >= 3, [row["file"] for row in undated]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_label_values_follow_the_codebook(name):
    row = BY_FILE[name]
    assert row["doc_type"] in TYPES, row["doc_type"]
    codes = row["languages"].split(";")
    assert set(codes) <= LANGUAGES and len(set(codes)) == len(codes), row["languages"]
    if row["year"]:
        assert row["year"].isdigit() and 2000 <= int(row["year"]) <= 2030, row["year"]
    for field in ("title", "year_evidence"):
        assert row[field].strip(), f"{field} is empty"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_year_agrees_with_the_text_and_the_evidence(name):
    row = BY_FILE[name]
    numbers, evidence = yearlike_numbers(name), row["year_evidence"]
    if row["year"]:
        assert row["year"] in numbers, f"year {row['year']} is not in the text: {numbers}"
        assert row["year"] in evidence, "the evidence does not quote the year"
    elif NO_NUMBER_PHRASE in evidence:
        assert evidence.startswith("no year") and numbers == [], numbers
    else:
        assert evidence.startswith("no year"), evidence
        assert numbers, "undated with other years, yet the text holds no year-like number"
        unexplained = [number for number in numbers if number not in evidence]
        assert unexplained == [], f"years the evidence does not name: {unexplained}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_title_debris_and_prose_sit_where_the_conventions_say(name):
    placement_check(AUTUMN, BY_FILE[name], DEBRIS_ROWS, PROSE_ROWS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_readme_overview_row_agrees(name):
    row = BY_FILE[name]
    readme = (AUTUMN / "README.md").read_text(encoding="utf-8").splitlines()
    expected = " | ".join(["", name, row["doc_type"], row["languages"], row["year"] or "—",
                           str(rows_for(DEBRIS_ROWS, name)), str(rows_for(PROSE_ROWS, name)), ""])
    assert expected.strip() in readme, expected
