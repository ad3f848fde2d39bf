"""Checks of the spring set (tests/fixtures/exported/spring): documents written blind for one
scoring of the import, labelled by the conventions of tests/fixtures/exported/dev/README.md.
Nothing here runs the import: a failure means a label, debris line or prose sentence breaks a
convention or the brief of the set (its size, formats, types, languages and year situations)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

SPRING = SETS / "spring"
LABELS = rows(SPRING, "labels.csv")
DEBRIS = rows(SPRING, "debris.csv")
PROSE = rows(SPRING, "prose.csv")
README = (SPRING / "README.md").read_text(encoding="utf-8")
YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
BARE = "no 19xx/20xx number"


def spring_files() -> list[str]:
    """The documents of the set: every .html, .txt and .md file except the README."""
    return sorted(p.name for p in SPRING.iterdir()
                  if p.suffix in {".html", ".txt", ".md"} and p.name != "README.md")


def years_shown(name: str) -> set[str]:
    """Every 19xx/20xx number in the visible text of one document."""
    return set(YEAR_NUMBER.findall(" ".join(visible_lines(SPRING / name))))


def test_labels_debris_and_prose_cover_exactly_the_documents():
    files = spring_files()
    assert [row["file"] for row in LABELS] == files
    assert {row["file"] for row in DEBRIS} == set(files)
    assert {row["file"] for row in PROSE} == set(files)


def test_formats_and_types_follow_the_brief():
    files = spring_files()
    assert 38 <= len(files) <= 44
    by_format = Counter(Path(name).suffix for name in files)
    assert 22 <= by_format[".html"] <= 26 and 10 <= by_format[".txt"] <= 14, by_format
    assert 4 <= by_format[".md"] <= 6, by_format
    by_type = Counter(row["doc_type"] for row in LABELS)
    assert set(by_type) == TYPES and all(7 <= n <= 9 for n in by_type.values()), by_type


def test_each_language_alone_and_seven_bilingual_documents():
    tags = Counter(row["languages"] for row in LABELS)
    assert all(tags[code] >= 2 for code in LANGUAGES), tags
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert len(bilingual) >= 7 and {tag.split(";")[0] for tag in bilingual} >= {"en", "nb"}


def test_undated_documents_of_both_kinds():
    undated = [row for row in LABELS if not row["year"]]
    bare = [row for row in undated if BARE in row["year_evidence"]]
    assert len(bare) >= 3 and len(undated) - len(bare) >= 3, [r["file"] for r in undated]


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_label_values_are_in_the_codebook(label):
    languages = label["languages"].split(";")
    assert label["doc_type"] in TYPES and set(languages) <= LANGUAGES
    assert len(languages) == len(set(languages))
    assert not label["year"] or 2000 <= int(label["year"]) <= 2030
    assert label["title"].strip() and label["year_evidence"].strip()


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_year_and_its_evidence_agree_with_the_text(label):
    shown, evidence = years_shown(label["file"]), label["year_evidence"]
    if label["year"]:
        assert label["year"] in shown and label["year"] in evidence, shown
        return
    assert evidence.startswith("no year")
    if BARE in evidence:
        assert shown == set(), shown
    else:
        assert shown and {n for n in shown if n not in evidence} == set(), shown


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_title_debris_and_prose_sit_where_the_conventions_say(label):
    placement_check(SPRING, label, DEBRIS, PROSE)


@pytest.mark.parametrize("label", LABELS, ids=lambda row: row["file"])
def test_readme_overview_row_matches_the_csvs(label):
    """The README's per-document row gives the type, languages, year and counts of the CSVs."""
    name = label["file"]
    debris = sum(row["file"] == name for row in DEBRIS)
    prose = sum(row["file"] == name for row in PROSE)
    row = (f"| {name} | {label['doc_type']} | {label['languages']} | "
           f"{label['year'] or '—'} | {debris} | {prose} |")
    assert row in README.splitlines()
