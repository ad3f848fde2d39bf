"""Tests of the spring set (tests/fixtures/exported/spring): 41 exported documents written
blind, to score the import once. The labels follow tests/fixtures/exported/dev/README.md.
The import is never run here; a failing test points at a label, a debris line or a prose
sentence that breaks the conventions, or at a set that no longer meets its brief (size,
formats, type shares, languages, the two kinds of undated document)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

SPRING = SETS / "spring"
LABELS, DEBRIS, PROSE = (rows(SPRING, f"{kind}.csv") for kind in ("labels", "debris", "prose"))
OVERVIEW = set((SPRING / "README.md").read_text(encoding="utf-8").splitlines())
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NO_NUMBER = "no 19xx/20xx number"


def documents_on_disk() -> list[str]:
    """Names of the .html, .txt and .md documents in the folder (the README is not one)."""
    suffixes = (".html", ".txt", ".md")
    return sorted(path.name for path in SPRING.glob("*")
                  if path.name.endswith(suffixes) and path.name != "README.md")


def numbers_like_years(name: str) -> set[str]:
    """The 19xx/20xx numbers anywhere in a document's visible text."""
    return set(YEARLIKE.findall("\n".join(visible_lines(SPRING / name))))


def test_each_csv_covers_every_document_and_nothing_else():
    names = documents_on_disk()
    assert [label["file"] for label in LABELS] == names, "labels.csv is not one sorted row a file"
    for listed in (DEBRIS, PROSE):
        assert sorted({row["file"] for row in listed}) == names


def test_size_formats_and_type_shares_meet_the_brief():
    names = documents_on_disk()
    formats = Counter(Path(name).suffix.lstrip(".") for name in names)
    assert 38 <= len(names) <= 44, len(names)
    assert (22 <= formats["html"] <= 26, 10 <= formats["txt"] <= 14,
            4 <= formats["md"] <= 6) == (True, True, True), formats
    types = Counter(label["doc_type"] for label in LABELS)
    assert sorted(types) == sorted(TYPES), types
    assert min(types.values()) >= 7 and max(types.values()) <= 9, types


def test_languages_alone_and_bilingual_documents():
    tags = [label["languages"] for label in LABELS]
    alone = Counter(tag for tag in tags if ";" not in tag)
    assert {code for code in LANGUAGES if alone[code] < 2} == set(), alone
    mixed = [tag for tag in tags if ";" in tag]
    assert len(mixed) >= 7, mixed
    assert {"en", "nb"} <= {tag.partition(";")[0] for tag in mixed}, mixed


def test_both_kinds_of_undated_document_occur_three_times():
    undated = [label for label in LABELS if label["year"] == ""]
    without_numbers = sum(NO_NUMBER in label["year_evidence"] for label in undated)
    assert without_numbers >= 3, [label["file"] for label in undated]
    assert len(undated) - without_numbers >= 3, [label["file"] for label in undated]


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"])
def test_label_fields_use_codebook_values(label):
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES
    assert set(codes) <= LANGUAGES and len(set(codes)) == len(codes), codes
    if label["year"]:
        assert 2000 <= int(label["year"]) <= 2030
    assert label["title"].strip() != "" and label["year_evidence"].strip() != ""


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"])
def test_year_evidence_matches_the_visible_text(label):
    seen, evidence = numbers_like_years(label["file"]), label["year_evidence"]
    if label["year"]:
        assert label["year"] in seen, f"{label['year']} is not in the text: {seen}"
        assert label["year"] in evidence
    elif NO_NUMBER in evidence:
        assert evidence.startswith("no year") and not seen, seen
    else:
        unnamed = sorted(number for number in seen if number not in evidence)
        assert evidence.startswith("no year") and seen and not unnamed, unnamed


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"])
def test_title_debris_and_prose_are_placed_by_the_conventions(label):
    placement_check(SPRING, label, DEBRIS, PROSE)


BY_NAME = {label["file"]: label for label in LABELS}


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_readme_row_agrees_with_the_csvs(name):
    """Type, languages, year and the debris and prose counts of the README's row."""
    label = BY_NAME[name]
    counts = [sum(row["file"] == name for row in listed) for listed in (DEBRIS, PROSE)]
    cells = [name, label["doc_type"], label["languages"], label["year"] or "—", *map(str, counts)]
    assert "| " + " | ".join(cells) + " |" in OVERVIEW
