"""The final blind set of exported documents (tests/fixtures/exported/final) keeps the labelling
conventions of tests/fixtures/exported/dev/README.md: every title, debris line and prose sentence
is where the conventions say, so that a score on the set measures the import, not the labels."""

from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows

FINAL = SETS / "final"


LABELS = rows(FINAL, "labels.csv")
DEBRIS = rows(FINAL, "debris.csv")
PROSE = rows(FINAL, "prose.csv")


def test_every_document_is_labelled_once_and_every_label_has_its_file():
    files = sorted(p.name for p in FINAL.iterdir() if p.suffix in {".html", ".txt", ".md"}
                   and p.name != "README.md")
    labelled = [row["file"] for row in LABELS]
    assert sorted(labelled) == files
    assert len(set(labelled)) == len(labelled)
    assert {row["file"] for row in DEBRIS} <= set(files)
    assert {row["file"] for row in PROSE} == set(files)


def test_the_label_values_follow_the_codebook():
    for row in LABELS:
        assert row["doc_type"] in TYPES, row["file"]
        assert row["languages"] and set(row["languages"].split(";")) <= LANGUAGES, row["file"]
        assert row["year"] == "" or 1990 <= int(row["year"]) <= 2030, row["file"]
        assert row["year_evidence"], row["file"]
    counts = Counter(row["doc_type"] for row in LABELS)
    assert all(counts[t] >= 4 for t in TYPES), counts


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_are_where_the_conventions_say(label):
    placement_check(FINAL, label, DEBRIS, PROSE)
