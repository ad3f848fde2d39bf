"""Checks of the summer set (tests/fixtures/exported/summer): 41 exported documents written
blind so that the import can be scored once on documents no rule was tuned on. The labels
follow the conventions of tests/fixtures/exported/dev/README.md. Nothing here runs the
import: a failure points at a label, a debris line or a prose sentence that breaks those
conventions, or at a set that has drifted from its brief."""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "summer"
DOCUMENT_SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NUMBERLESS = "no 19xx/20xx number"


def load_set() -> tuple[list[dict], list[dict], list[dict]]:
    """labels.csv, debris.csv and prose.csv of the set, in that order."""
    return tuple(rows(FOLDER, f"{name}.csv") for name in ("labels", "debris", "prose"))


LABELS, DEBRIS, PROSE = load_set()
LABEL_OF = {label["file"]: label for label in LABELS}


def list_documents() -> list[str]:
    """File names of the set's documents: every .html, .txt and .md file but the README."""
    return sorted(path.name for path in FOLDER.iterdir()
                  if path.suffix in DOCUMENT_SUFFIXES and path.name != "README.md")


def year_numbers(name: str) -> set[str]:
    """Every 19xx/20xx number in the visible text of one document."""
    return {match for line in visible_lines(FOLDER / name) for match in YEAR_NUMBER.findall(line)}


def count_rows(listed: list[dict], name: str) -> int:
    return sum(1 for row in listed if row["file"] == name)


def test_labels_debris_and_prose_name_the_same_documents():
    on_disk = list_documents()
    assert [label["file"] for label in LABELS] == on_disk
    assert sorted({row["file"] for row in DEBRIS}) == on_disk
    assert sorted({row["file"] for row in PROSE}) == on_disk


def test_set_size_and_formats():
    kinds = Counter(DOCUMENT_SUFFIXES[name[name.rindex("."):]] for name in list_documents())
    assert 40 <= sum(kinds.values()) <= 44, kinds
    assert 22 <= kinds["html"] <= 26, kinds
    assert 10 <= kinds["txt"] <= 14, kinds
    assert 4 <= kinds["md"] <= 6, kinds


def test_every_type_holds_seven_to_nine_documents():
    per_type = Counter(label["doc_type"] for label in LABELS)
    assert set(per_type) == TYPES, per_type
    out_of_range = {kind: n for kind, n in per_type.items() if not 7 <= n <= 9}
    assert out_of_range == {}, per_type


def test_each_language_alone_twice_and_seven_bilingual():
    tags = Counter(label["languages"] for label in LABELS)
    for code in sorted(LANGUAGES):
        assert tags[code] >= 2, (code, tags)
    bilingual = {tag: n for tag, n in tags.items() if ";" in tag}
    assert sum(bilingual.values()) >= 7, bilingual
    first_languages = {tag.split(";")[0] for tag in bilingual}
    assert {"en", "nb"}.issubset(first_languages), bilingual


def test_undated_documents_of_both_kinds():
    undated = [label for label in LABELS if not label["year"]]
    numberless = [label["file"] for label in undated if NUMBERLESS in label["year_evidence"]]
    with_other_years = [label["file"] for label in undated if label["file"] not in numberless]
    assert len(numberless) >= 3, numberless
    assert len(with_other_years) >= 3, with_other_years


@pytest.mark.parametrize("name", sorted(LABEL_OF))
def test_codebook_values(name):
    label = LABEL_OF[name]
    languages = label["languages"].split(";")
    assert label["doc_type"] in TYPES, label["doc_type"]
    assert len(languages) == len(set(languages)) and set(languages) <= LANGUAGES, languages
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030, label["year"]
    assert label["title"].strip(), "empty title"
    assert label["year_evidence"].strip(), "empty year evidence"


@pytest.mark.parametrize("name", sorted(LABEL_OF))
def test_year_and_its_evidence_against_the_text(name):
    label = LABEL_OF[name]
    found, evidence = year_numbers(name), label["year_evidence"]
    if label["year"]:
        assert label["year"] in found and label["year"] in evidence, (label["year"], found)
        return
    assert evidence.startswith("no year"), evidence
    if NUMBERLESS in evidence:
        assert found == set(), found
    else:
        assert found, "undated with other years, but no year-like number in the text"
        assert [number for number in sorted(found) if number not in evidence] == [], found


@pytest.mark.parametrize("name", sorted(LABEL_OF))
def test_placement_of_title_debris_and_prose(name):
    placement_check(FOLDER, LABEL_OF[name], DEBRIS, PROSE)


README_LINES = set((FOLDER / "README.md").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name", sorted(LABEL_OF))
def test_readme_table_row(name):
    label = LABEL_OF[name]
    row = (f"| {name} | {label['doc_type']} | {label['languages']} | {label['year'] or '—'} "
           f"| {count_rows(DEBRIS, name)} | {count_rows(PROSE, name)} |")
    assert row in README_LINES, row
