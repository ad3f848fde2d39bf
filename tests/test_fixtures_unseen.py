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


def test_every_file_has_one_label_row_and_prose():
    files = sorted(p.name for p in UNSEEN.iterdir() if p.suffix in {".html", ".txt", ".md"}
                   and p.name != "README.md")
    labelled = [row["file"] for row in LABELS]
    assert sorted(labelled) == files
    assert len(set(labelled)) == len(labelled)
    assert {row["file"] for row in DEBRIS} == set(files)
    assert {row["file"] for row in PROSE} == set(files)
    assert 28 <= len(files) <= 32


def test_labels_use_the_codebook_and_cover_every_type():
    for row in LABELS:
        assert row["doc_type"] in TYPES, row["file"]
        assert set(row["languages"].split(";")) <= LANGUAGES, row["file"]
        assert row["year"] == "" or 2000 <= int(row["year"]) <= 2030, row["file"]
        assert row["year_evidence"], row["file"]
    counts = Counter(row["doc_type"] for row in LABELS)
    assert all(counts[t] >= 4 for t in TYPES), counts
    formats = Counter(Path(row["file"]).suffix for row in LABELS)
    assert all(formats[s] >= 4 for s in (".html", ".txt", ".md")), formats


def test_a_year_is_written_in_its_document_and_in_its_evidence():
    """A labelled year occurs in the visible text and in the quoted evidence; an empty year
    has its reason given."""
    for row in LABELS:
        text = "\n".join(visible_lines(UNSEEN / row["file"]))
        if row["year"]:
            assert row["year"] in text, row["file"]
            assert row["year"] in row["year_evidence"], row["file"]
        else:
            assert row["year_evidence"].startswith("no year"), row["file"]


def test_documents_said_to_hold_no_year_hold_none():
    """Evidence "no 19xx/20xx number" is true of the visible text; other undated documents
    do hold years (the ones their evidence names as not the date)."""
    for row in LABELS:
        if row["year"]:
            continue
        years = set(YEAR.findall("\n".join(visible_lines(UNSEEN / row["file"]))))
        if "no 19xx/20xx number" in row["year_evidence"]:
            assert not years, (row["file"], years)
        else:
            assert years and all(y in row["year_evidence"] for y in years), (row["file"], years)


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_sit_where_the_conventions_say(label):
    placement_check(UNSEEN, label, DEBRIS, PROSE)
