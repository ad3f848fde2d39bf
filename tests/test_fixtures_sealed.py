"""The sealed set of exported documents (tests/fixtures/exported/sealed) follows the labelling
conventions of tests/fixtures/exported/dev/README.md: each title is a visible line, each debris
line is a whole visible line listed once, and each prose sentence sits on one visible line and
is never debris. The set was written without seeing the import rules, so these tests check the
labels only; the lead scores the import on it."""

from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

SEALED = SETS / "sealed"


LABELS = rows(SEALED, "labels.csv")
DEBRIS = rows(SEALED, "debris.csv")
PROSE = rows(SEALED, "prose.csv")


def test_every_file_has_one_label_row_and_prose():
    files = sorted(p.name for p in SEALED.iterdir() if p.suffix in {".html", ".txt", ".md"}
                   and p.name != "README.md")
    labelled = [row["file"] for row in LABELS]
    assert sorted(labelled) == files
    assert len(set(labelled)) == len(labelled)
    assert {row["file"] for row in DEBRIS} == set(files)
    assert {row["file"] for row in PROSE} == set(files)
    assert 24 <= len(files) <= 30


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


def test_a_year_is_written_in_its_document():
    """A labelled year occurs in the visible text; an empty year has its reason given."""
    for row in LABELS:
        text = "\n".join(visible_lines(SEALED / row["file"]))
        if row["year"]:
            assert row["year"] in text, row["file"]
        else:
            assert row["year_evidence"].startswith("no year"), row["file"]


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_sit_where_the_conventions_say(label):
    placement_check(SEALED, label, DEBRIS, PROSE)
