"""The sealed set of exported documents (tests/fixtures/exported/sealed) follows the labelling
conventions of tests/fixtures/exported/dev/README.md: each title is a visible line, each debris
line is a whole visible line listed once, and each prose sentence sits on one visible line and
is never debris. The set was written without seeing the import rules, so these tests check the
labels only; the lead scores the import on it."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from digiwelfare.config import ROOT

SEALED = ROOT / "tests" / "fixtures" / "exported" / "sealed"
TYPES = {"project_report", "policy_document", "abstract", "event_programme", "other"}
LANGUAGES = {"en", "nb", "nn", "da", "sv"}


def _rows(name: str) -> list[dict]:
    with open(SEALED / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


LABELS = _rows("labels.csv")
DEBRIS = _rows("debris.csv")
PROSE = _rows("prose.csv")


def _visible_lines(path: Path) -> list[str]:
    """Visible text as the dev README defines it, split into stripped non-empty lines."""
    raw = path.read_text(encoding="utf-8")
    text = BeautifulSoup(raw, "html.parser").get_text("\n") if path.suffix == ".html" else raw
    return [line.strip() for line in text.split("\n") if line.strip()]


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
        text = "\n".join(_visible_lines(SEALED / row["file"]))
        if row["year"]:
            assert row["year"] in text, row["file"]
        else:
            assert row["year_evidence"].startswith("no year"), row["file"]


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_sit_where_the_conventions_say(label):
    lines = _visible_lines(SEALED / label["file"])
    headings = {re.sub(r"^#+\s+", "", line) for line in lines}
    assert label["title"] in lines or label["title"] in headings, "title is no visible line"
    debris = [row["line"] for row in DEBRIS if row["file"] == label["file"]]
    assert len(debris) == len(set(debris)), "a debris line is listed twice"
    assert label["title"] not in debris and f"# {label['title']}" not in debris
    for line in debris:
        assert line in lines, f"debris is no whole visible line: {line!r}"
        assert line == line.strip() and re.search(r"\w", line), f"bad debris line: {line!r}"
    sentences = [row["sentence"] for row in PROSE if row["file"] == label["file"]]
    assert 3 <= len(sentences) <= 4
    for sentence in sentences:
        assert any(sentence in line for line in lines), f"prose not on one line: {sentence!r}"
        assert not any(sentence in line for line in debris), f"prose inside debris: {sentence!r}"
