"""The fresh set of exported documents (tests/fixtures/exported/fresh) follows the labelling
conventions of tests/fixtures/exported/dev/README.md: each title is a visible line, each debris
line is a whole visible line listed once, and each prose sentence sits on one visible line and
is never debris. The set was written blind, to score the import once after its rules change,
so these tests check the labels only; the lead scores the import on it."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FRESH = SETS / "fresh"
LABELS = rows(FRESH, "labels.csv")
DEBRIS = rows(FRESH, "debris.csv")
PROSE = rows(FRESH, "prose.csv")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
KINDS = (".html", ".txt", ".md")


def text_of(label: dict) -> str:
    """The visible text of a labelled document, one stripped line a line."""
    return "\n".join(visible_lines(FRESH / label["file"]))


def test_the_three_lists_name_the_same_documents_as_the_folder():
    documents = {p.name for p in FRESH.glob("*") if p.suffix in KINDS and p.stem != "README"}
    named = Counter(label["file"] for label in LABELS)
    assert set(named) == documents and max(named.values()) == 1
    assert {row["file"] for row in DEBRIS} == documents == {row["file"] for row in PROSE}
    assert len(documents) in range(36, 46)


def test_types_and_file_kinds_are_spread_with_no_type_above_thirty_percent():
    types = Counter(label["doc_type"] for label in LABELS)
    kinds = Counter(Path(label["file"]).suffix for label in LABELS)
    assert set(types) == TYPES and min(types.values()) >= 5, types
    assert max(types.values()) <= 0.3 * len(LABELS), types
    assert set(kinds) == set(KINDS) and min(kinds.values()) >= 4, kinds


def test_every_language_occurs_alone_and_some_documents_are_bilingual():
    languages = Counter(label["languages"] for label in LABELS)
    assert LANGUAGES <= set(languages), languages
    assert sum(n for key, n in languages.items() if ";" in key) >= 4, languages


def test_both_kinds_of_missing_year_occur():
    undated = [label["year_evidence"] for label in LABELS if not label["year"]]
    assert sum("no 19xx/20xx number" in evidence for evidence in undated) >= 2
    assert sum("no 19xx/20xx number" not in evidence for evidence in undated) >= 2


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_labels_use_the_codebook(label):
    assert label["doc_type"] in TYPES
    assert label["languages"] and set(label["languages"].split(";")) <= LANGUAGES
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030
    assert label["year_evidence"]


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_the_year_and_its_evidence_agree_with_the_text(label):
    """A labelled year stands in the visible text and in its quoted evidence. An empty year
    says why: "no 19xx/20xx number" must be true of the text, and otherwise every year the
    text holds is named in the evidence as not the date."""
    years = set(YEAR.findall(text_of(label)))
    if label["year"]:
        assert label["year"] in years and label["year"] in label["year_evidence"]
    elif "no 19xx/20xx number" in label["year_evidence"]:
        assert label["year_evidence"].startswith("no year") and not years, years
    else:
        assert label["year_evidence"].startswith("no year") and years
        assert all(year in label["year_evidence"] for year in years), years


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_sit_where_the_conventions_say(label):
    placement_check(FRESH, label, DEBRIS, PROSE)
