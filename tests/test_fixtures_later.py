"""Checks of the labels of the later set (tests/fixtures/exported/later), a set written blind
for one scoring of the import, against the conventions of tests/fixtures/exported/dev/README.md.
The import is never run here: a failing test means that a label, a debris line or a prose
sentence breaks a convention, not that the import is wrong."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

LATER = SETS / "later"
LABELS = rows(LATER, "labels.csv")
DEBRIS = rows(LATER, "debris.csv")
PROSE = rows(LATER, "prose.csv")
YEAR_LIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NO_NUMBER = "no 19xx/20xx number"
FORMATS = (".html", ".txt", ".md")


def documents_on_disk() -> list[str]:
    """Names of the documents in the folder (the README is no document)."""
    return sorted(path.name for path in LATER.iterdir()
                  if path.suffix in FORMATS and path.name != "README.md")


def year_numbers(file: str) -> set[str]:
    """The 19xx/20xx numbers a reader can see in one document."""
    return set(YEAR_LIKE.findall("\n".join(visible_lines(LATER / file))))


@pytest.mark.parametrize("table", [LABELS, DEBRIS, PROSE], ids=["labels", "debris", "prose"])
def test_every_csv_names_each_document_and_nothing_else(table):
    assert sorted({row["file"] for row in table}) == documents_on_disk()


def test_set_size_formats_and_type_shares_fit_the_brief():
    files = documents_on_disk()
    assert 36 <= len(files) <= 45 and len(LABELS) == len(files)
    formats = Counter(Path(name).suffix for name in files)
    assert formats[".html"] > len(files) / 2, formats
    assert min(formats[suffix] for suffix in FORMATS) >= 4, formats
    types = Counter(label["doc_type"] for label in LABELS)
    assert set(types) == TYPES, types
    assert min(types.values()) >= 5 and max(types.values()) <= 0.3 * len(files), types


def test_languages_alone_and_in_pairs():
    tags = Counter(label["languages"] for label in LABELS)
    assert all(tags[code] >= 1 for code in LANGUAGES), tags
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4, tags


def test_both_kinds_of_missing_year_occur_at_least_twice():
    missing = [label["year_evidence"] for label in LABELS if not label["year"]]
    bare = sum(NO_NUMBER in evidence for evidence in missing)
    assert bare >= 2 and len(missing) - bare >= 2, missing


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_codebook_values(label):
    assert label["doc_type"] in TYPES
    codes = label["languages"].split(";")
    assert set(codes) <= LANGUAGES and len(set(codes)) == len(codes)
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030
    assert label["year_evidence"].strip() and label["title"].strip()


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_year_evidence_matches_what_the_document_shows(label):
    """A dated document shows its year and quotes it. An undated one either shows no 19xx/20xx
    number at all or names each number it shows in the evidence."""
    shown = year_numbers(label["file"])
    evidence = label["year_evidence"]
    if label["year"]:
        assert label["year"] in shown and label["year"] in evidence
    elif NO_NUMBER in evidence:
        assert evidence.startswith("no year") and not shown, shown
    else:
        assert evidence.startswith("no year") and shown, shown
        assert all(number in evidence for number in shown), shown


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_placement_of_title_debris_and_prose(label):
    placement_check(LATER, label, DEBRIS, PROSE)
