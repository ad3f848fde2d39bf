"""The frost set (tests/fixtures/exported/frost), written blind, checked against its brief and
against the labelling conventions of tests/fixtures/exported/dev/README.md.

Nothing here runs the import: each check reads the three CSV files, the documents' visible
text and the set's README, and names the label, line or share that breaks a rule."""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "frost"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
BRIEF_FORMATS = {"html": range(22, 27), "txt": range(10, 15), "md": range(4, 7)}
YEAR_PATTERN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
WITHOUT_NUMBERS = "no 19xx/20xx number"

LABELS = {row["file"]: row for row in rows(FOLDER, "labels.csv")}
DEBRIS = rows(FOLDER, "debris.csv")
PROSE = rows(FOLDER, "prose.csv")
NAMES = sorted(LABELS)


def text_years(name: str) -> set[str]:
    """The 19xx/20xx numbers anywhere in a document's visible lines."""
    return {year for line in visible_lines(FOLDER / name) for year in YEAR_PATTERN.findall(line)}


def sentences_of(name: str) -> list[str]:
    return [row["sentence"] for row in PROSE if row["file"] == name]


def test_labels_debris_and_prose_name_the_documents_of_the_folder():
    present = sorted(path.name for path in FOLDER.iterdir() if path.suffix in SUFFIXES
                     and path.name != "README.md")
    assert list(LABELS) == present, "labels.csv is out of order or misses a document"
    assert sorted({row["file"] for row in DEBRIS}) == present, "debris.csv"
    assert sorted({row["file"] for row in PROSE}) == present, "prose.csv"


def test_the_set_has_the_size_and_formats_of_the_brief():
    assert len(NAMES) in range(40, 45), len(NAMES)
    formats = Counter(SUFFIXES[FOLDER.joinpath(name).suffix] for name in NAMES)
    off = [kind for kind, allowed in BRIEF_FORMATS.items() if formats[kind] not in allowed]
    assert off == [], formats


def test_each_document_type_holds_seven_to_nine_documents():
    types = Counter(label["doc_type"] for label in LABELS.values())
    assert set(types) == TYPES and all(7 <= count <= 9 for count in types.values()), types


def test_languages_occur_alone_and_in_bilingual_documents():
    tags = Counter(label["languages"] for label in LABELS.values())
    assert all(tags[code] >= 2 for code in LANGUAGES), tags
    bilingual = [label["languages"] for label in LABELS.values() if ";" in label["languages"]]
    assert len(bilingual) >= 7, bilingual
    first_languages = {tag.split(";")[0] for tag in bilingual}
    assert {"en", "nb"} <= first_languages, first_languages


def test_undated_documents_of_both_kinds():
    undated = [label for label in LABELS.values() if not label["year"]]
    bare = [label["file"] for label in undated if WITHOUT_NUMBERS in label["year_evidence"]]
    assert len(bare) >= 3, bare
    assert len(undated) - len(bare) >= 3, [label["file"] for label in undated]


def test_a_timetable_glues_clock_times_to_titles():
    glued = [name for name in NAMES
             if any(GLUED_TIME.search(line) for line in visible_lines(FOLDER / name))]
    assert len(glued) >= 2, glued


def test_some_prose_names_a_year_after_the_document_date():
    later = [name for name in NAMES if LABELS[name]["year"] and any(
        int(year) > int(LABELS[name]["year"])
        for sentence in sentences_of(name) for year in YEAR_PATTERN.findall(sentence))]
    assert len(later) >= 3, later


@pytest.mark.parametrize("name", NAMES)
def test_label_fields_take_codebook_values(name):
    label = LABELS[name]
    assert label["doc_type"] in TYPES, label["doc_type"]
    languages = label["languages"].split(";")
    assert len(languages) == len(set(languages)) and set(languages) <= LANGUAGES, languages
    assert label["title"].strip() and label["year_evidence"].strip()
    assert label["year"] == "" or 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("name", NAMES)
def test_the_year_and_its_evidence_fit_the_text(name):
    label, years = LABELS[name], text_years(name)
    evidence = label["year_evidence"]
    if label["year"]:
        assert label["year"] in years, f"{label['year']} is not in the text ({sorted(years)})"
        assert label["year"] in evidence, "the evidence does not quote the year"
        return
    assert evidence.startswith("no year"), evidence
    if WITHOUT_NUMBERS in evidence:
        assert not years, sorted(years)
    else:
        assert years, "said to hold other years, yet no year-like number is in the text"
        assert {year for year in years if year not in evidence} == set(), evidence


@pytest.mark.parametrize("name", NAMES)
def test_title_debris_and_prose_are_placed_by_the_conventions(name):
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)


def test_the_readme_table_has_a_matching_row_for_every_document():
    readme_lines = set((FOLDER / "README.md").read_text(encoding="utf-8").splitlines())
    missing = []
    for name, label in LABELS.items():
        debris_count = sum(row["file"] == name for row in DEBRIS)
        cells = [name, label["doc_type"], label["languages"], label["year"] or "—",
                 str(debris_count), str(len(sentences_of(name)))]
        if "| " + " | ".join(cells) + " |" not in readme_lines:
            missing.append(name)
    assert missing == [], f"README rows disagree with the CSVs: {missing}"
