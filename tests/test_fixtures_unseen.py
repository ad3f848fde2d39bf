"""The unseen set of exported documents (tests/fixtures/exported/unseen) follows the labelling
conventions of tests/fixtures/exported/dev/README.md: each title is a visible line, each debris
line is a whole visible line listed once, and each prose sentence sits on one visible line and
is never debris. The set was written blind, after the sealed set had been used for tuning, so
these tests check the labels only; the lead scores the import on it."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

UNSEEN = SETS / "unseen"
LABELS = rows(UNSEEN, "labels.csv")
DEBRIS = rows(UNSEEN, "debris.csv")
PROSE = rows(UNSEEN, "prose.csv")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
KINDS = (".html", ".txt", ".md")


def text_of(label: dict) -> str:
    """The visible text of a labelled document, one stripped line a line."""
    return "\n".join(visible_lines(UNSEEN / label["file"]))


def test_the_three_lists_name_the_same_documents_as_the_folder():
    documents = {p.name for p in UNSEEN.glob("*") if p.suffix in KINDS and p.stem != "README"}
    named = Counter(label["file"] for label in LABELS)
    assert set(named) == documents and max(named.values()) == 1
    assert {row["file"] for row in DEBRIS} == documents == {row["file"] for row in PROSE}
    assert len(documents) in range(28, 33)


def test_every_type_and_file_kind_has_at_least_four_documents():
    types = Counter(label["doc_type"] for label in LABELS)
    kinds = Counter(Path(label["file"]).suffix for label in LABELS)
    assert set(types) == TYPES and min(types.values()) >= 4, types
    assert set(kinds) == set(KINDS) and min(kinds.values()) >= 4, kinds


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
    placement_check(UNSEEN, label, DEBRIS, PROSE)
