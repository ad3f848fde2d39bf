"""Shared reading and checks of the labelled sets of exported documents
(tests/fixtures/exported/<set>/: labels.csv, debris.csv, prose.csv), by the conventions of
tests/fixtures/exported/dev/README.md. Used by the test files of the blind-written sets."""

import csv
import re
from pathlib import Path

from bs4 import BeautifulSoup

from digiwelfare.config import ROOT

SETS = ROOT / "tests" / "fixtures" / "exported"
TYPES = {"project_report", "policy_document", "abstract", "event_programme", "other"}
LANGUAGES = {"en", "nb", "nn", "da", "sv"}


def set_names() -> list[str]:
    """The labelled sets, in the order of ``sets.txt`` (the README's import table; the
    Makefile reads the same file)."""
    text = (SETS / "sets.txt").read_text(encoding="utf-8")
    return [name for line in text.splitlines() if (name := line.split("#")[0].strip())]


def rows(folder: Path, name: str) -> list[dict]:
    """The rows of one of a set's CSV files."""
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def visible_text(path: Path) -> str:
    """The visible text of the dev README: get_text("\\n") for HTML, the raw file otherwise."""
    raw = path.read_text(encoding="utf-8")
    return BeautifulSoup(raw, "html.parser").get_text("\n") if path.suffix == ".html" else raw


def visible_lines(path: Path) -> list[str]:
    """Whole visible lines with surrounding whitespace stripped, empty ones left out."""
    return [line.strip() for line in visible_text(path).split("\n") if line.strip()]


def placement_check(folder: Path, label: dict, debris_rows: list[dict],
                    prose_rows: list[dict]) -> None:
    """The title is a visible line (or a Markdown heading's text) and no debris; each debris
    line is a whole visible line with a letter or digit, listed once; 3 or 4 prose sentences,
    each on one visible line and inside no debris line."""
    lines = visible_lines(folder / label["file"])
    headings = {re.sub(r"^#+\s+", "", line) for line in lines}
    assert label["title"] in lines or label["title"] in headings, "title is no visible line"
    debris = [row["line"] for row in debris_rows if row["file"] == label["file"]]
    assert len(debris) == len(set(debris)), "a debris line is listed twice"
    assert label["title"] not in debris and f"# {label['title']}" not in debris
    for line in debris:
        assert line in lines, f"debris is no whole visible line: {line!r}"
        assert line == line.strip() and re.search(r"\w", line), f"bad debris line: {line!r}"
    sentences = [row["sentence"] for row in prose_rows if row["file"] == label["file"]]
    assert 3 <= len(sentences) <= 4
    for sentence in sentences:
        assert any(sentence in line for line in lines), f"prose not on one line: {sentence!r}"
        assert sentence not in debris, f"prose listed as debris: {sentence!r}"
        assert not any(sentence in line for line in debris), f"prose inside debris: {sentence!r}"
