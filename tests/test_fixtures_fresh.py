"""Checks of the labels of the fresh set (tests/fixtures/exported/fresh) against the
conventions of tests/fixtures/exported/dev/README.md. The set was written blind, for a single
scoring of the import after its rules change today; nothing here runs the import, so a failure
means a label breaks a convention, not that the import is wrong."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "fresh"
LABELS = rows(FOLDER, "labels.csv")
DEBRIS = rows(FOLDER, "debris.csv")
PROSE = rows(FOLDER, "prose.csv")
FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
SUFFIXES = {".html", ".txt", ".md"}
NO_NUMBER = "no 19xx/20xx number"


def years_seen(label: dict) -> set[str]:
    """Every 19xx/20xx number in the visible text of a labelled document."""
    return set(FOUR_DIGIT_YEAR.findall("\n".join(visible_lines(FOLDER / label["file"]))))


def test_labels_debris_and_prose_cover_exactly_the_documents_of_the_folder():
    on_disk = sorted(p.name for p in FOLDER.iterdir()
                     if p.suffix in SUFFIXES and p.name != "README.md")
    assert sorted(label["file"] for label in LABELS) == on_disk
    assert sorted({row["file"] for row in DEBRIS}) == on_disk
    assert sorted({row["file"] for row in PROSE}) == on_disk
    assert 36 <= len(on_disk) <= 45


def test_no_type_holds_more_than_thirty_percent_and_every_kind_is_there():
    per_type = Counter(label["doc_type"] for label in LABELS)
    per_suffix = Counter(Path(label["file"]).suffix for label in LABELS)
    assert set(per_type) == TYPES, per_type
    assert all(5 <= n <= 0.3 * len(LABELS) for n in per_type.values()), per_type
    assert set(per_suffix) == SUFFIXES and min(per_suffix.values()) >= 4, per_suffix


def test_each_language_stands_alone_somewhere_and_bilingual_pages_occur():
    tags = [label["languages"] for label in LABELS]
    assert LANGUAGES <= set(tags), Counter(tags)
    assert len([tag for tag in tags if ";" in tag]) >= 4, Counter(tags)


def test_undated_documents_include_both_reasons():
    reasons = [label["year_evidence"] for label in LABELS if label["year"] == ""]
    without_numbers = [reason for reason in reasons if NO_NUMBER in reason]
    assert len(without_numbers) >= 2 and len(reasons) - len(without_numbers) >= 2, reasons


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_type_languages_and_year_take_codebook_values(label):
    assert label["doc_type"] in TYPES, label["doc_type"]
    codes = label["languages"].split(";")
    assert codes != [""] and len(codes) == len(set(codes)) and set(codes) <= LANGUAGES
    if label["year"]:
        assert label["year"].isdigit() and 2000 <= int(label["year"]) <= 2030
    assert label["year_evidence"].strip()


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_year_evidence_tells_the_truth_about_the_text(label):
    """A given year is in the text and quoted in the evidence. A missing year either has no
    19xx/20xx number in the text at all, or names every such number as not the date."""
    found = years_seen(label)
    evidence = label["year_evidence"]
    if label["year"]:
        assert {label["year"]} <= found and label["year"] in evidence
        return
    assert evidence.startswith("no year")
    if NO_NUMBER in evidence:
        assert found == set(), found
    else:
        assert found and not [year for year in found if year not in evidence], found


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_follow_the_dev_conventions(label):
    placement_check(FOLDER, label, DEBRIS, PROSE)
