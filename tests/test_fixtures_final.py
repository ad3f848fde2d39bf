"""The final blind set of exported documents (tests/fixtures/exported/final) keeps the labelling
conventions of tests/fixtures/exported/dev/README.md: every title, debris line and prose sentence
is where the conventions say, so that a score on the set measures the import, not the labels."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from digiwelfare.config import ROOT

FINAL = ROOT / "tests" / "fixtures" / "exported" / "final"
TYPES = {"project_report", "policy_document", "abstract", "event_programme", "other"}
LANGUAGES = {"en", "nb", "nn", "da", "sv"}


def _rows(name: str) -> list[dict]:
    with open(FINAL / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


LABELS = _rows("labels.csv")
DEBRIS = _rows("debris.csv")
PROSE = _rows("prose.csv")


def _visible_lines(path: Path) -> list[str]:
    """The visible text of the dev README: get_text("\\n") for HTML, the raw file otherwise;
    whole lines with surrounding whitespace stripped, empty ones left out."""
    raw = path.read_text(encoding="utf-8")
    text = BeautifulSoup(raw, "html.parser").get_text("\n") if path.suffix == ".html" else raw
    return [line.strip() for line in text.split("\n") if line.strip()]


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
    lines = _visible_lines(FINAL / label["file"])
    as_heading = {re.sub(r"^#+\s+", "", line) for line in lines}
    assert label["title"] in lines or label["title"] in as_heading, "title is no visible line"
    debris = [row["line"] for row in DEBRIS if row["file"] == label["file"]]
    assert len(debris) == len(set(debris)), "a debris line is listed twice"
    for line in debris:
        assert line in lines, f"debris is no whole visible line: {line!r}"
        assert re.search(r"\w", line), f"debris line without a letter or digit: {line!r}"
    assert label["title"] not in debris
    sentences = [row["sentence"] for row in PROSE if row["file"] == label["file"]]
    assert 3 <= len(sentences) <= 4
    for sentence in sentences:
        assert any(sentence in line for line in lines), f"prose not on one line: {sentence!r}"
        assert sentence not in debris, f"prose listed as debris: {sentence!r}"
