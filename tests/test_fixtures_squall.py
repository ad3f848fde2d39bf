"""Checks of the squall set (tests/fixtures/exported/squall), written blind.

The brief of the set: a teacher's and students' folder for a course on welfare
digitalisation: parliamentary papers (a standing committee's recommendation, a budget
proposition's chapter, a question time transcript), a public inquiry's summary, EU and OECD
pages, a syllabus and a lecture page, podcast episodes, newsletters, blog posts, a
social-media post, library catalogue and bibliographic-database records, a poster, a
dissertation summary, a teaching case, a student conference programme and a guest lecture;
mostly English, Bokmål and Nynorsk with some Danish and Swedish; about half saved HTML, one
or two Markdown pages. The tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run:
only the CSVs, the visible text (fixturesets.visible_lines) and the README are read.
"""

from collections import Counter

import pytest
from fixturesets import (
    BARE,
    DOI_PREFIX,
    GLUED_TIME,
    LANGUAGES,
    MAIL,
    SETS,
    TYPES,
    YEAR,
    column_counts,
    load,
    placement_check,
    readme_tables,
)

FOLDER = SETS / "squall"
# The genres of the brief as the labels' notes name them; the plural ones at least twice.
GENRES = {"standing committee": 1, "budget": 1, "question time": 1, "public inquiry": 1,
          "european": 1, "oecd": 1, "syllabus": 1, "lecture page": 1, "podcast": 2,
          "newsletter": 2, "blog": 2, "social-media": 1, "catalogue record": 1,
          "bibliographic database": 1, "poster": 1, "phd thesis": 1, "teaching case": 1,
          "student conference": 1, "guest lecture": 1}

LABELS, DEBRIS, PROSE, LINES = load(FOLDER)
FILES, ON_DISK = list(LABELS), list(LINES)
BY_COLUMN = column_counts(LABELS)
TAGS = BY_COLUMN["languages (label)"]


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    assert FILES == ON_DISK, "labels.csv: one row a document, in file order"
    for name, found in (("debris.csv", DEBRIS), ("prose.csv", PROSE)):
        assert sorted({row["file"] for row in found}) == ON_DISK, name
    for name in ("labels.csv", "debris.csv", "prose.csv"):
        data = (FOLDER / name).read_bytes()
        assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n"), name


def test_size_formats_types_and_genres_follow_the_brief():
    formats, types = BY_COLUMN["format"], BY_COLUMN["doc_type"]
    assert 36 <= len(FILES) <= 40
    assert 16 <= formats["html"] <= 21 and 13 <= formats["txt"] <= 19, formats
    assert 1 <= formats["md"] <= 2, formats
    assert set(types) == TYPES and all(4 <= n <= 12 for n in types.values()), types
    notes = " | ".join(label["notes"].lower() for label in LABELS.values())
    short = {genre: notes.count(genre) for genre, least in GENRES.items()
             if notes.count(genre) < least}
    assert short == {}, "genres of the brief missing from the notes"


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_pages():
    parts = Counter(code for tag in TAGS.elements() for code in tag.split(";"))
    assert set(parts) == LANGUAGES, parts
    assert parts["en"] >= 15 and parts["nb"] + parts["nn"] >= 15, parts
    assert 0 < TAGS["da"] and 0 < TAGS["sv"] and parts["da"] + parts["sv"] <= parts["en"], TAGS
    assert min(TAGS["en"], TAGS["nb"], TAGS["nn"]) >= 4, TAGS
    openers = Counter(tag.split(";")[0] for tag in TAGS.elements() if ";" in tag)
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers


@pytest.mark.parametrize("header", sorted(BY_COLUMN))
def test_the_readme_count_tables_agree_with_the_csvs(header):
    assert readme_tables(FOLDER)[header] == dict(BY_COLUMN[header])


def test_the_readme_overview_has_one_true_row_a_document():
    debris, prose = Counter(r["file"] for r in DEBRIS), Counter(r["file"] for r in PROSE)
    text = (FOLDER / "README.md").read_text(encoding="utf-8").splitlines()
    wrong = [name for name, label in LABELS.items()
             if f"| {name} | {label['doc_type']} | {label['languages']} | "
                f"{label['year'] or '—'} | {debris[name]} | {prose[name]} |" not in text]
    assert wrong == []


def test_the_year_situations_and_traps_of_the_brief_occur():
    undated = [label for label in LABELS.values() if not label["year"]]
    bare = sum(BARE in label["year_evidence"] for label in undated)
    assert bare >= 3 and len(undated) - bare >= 3, [label["file"] for label in undated]
    glued = [name for name, lines in LINES.items() if any(map(GLUED_TIME.search, lines))]
    assert len(glued) >= 3, glued
    dated = {name: int(label["year"]) for name, label in LABELS.items() if label["year"]}
    ahead = {row["file"] for row in PROSE if row["file"] in dated
             and any(int(y) > dated[row["file"]] for y in YEAR.findall(row["sentence"]))}
    assert len(ahead) >= 3, sorted(ahead)
    sentences = Counter(row["sentence"] for row in PROSE)
    assert [s for s, n in sentences.items() if n > 1] == [], "a prose sentence in two documents"


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label, lines = LABELS[name], LINES[name]
    debris = {row["line"] for row in DEBRIS if row["file"] == name}
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES and set(codes) <= LANGUAGES and len(set(codes)) == len(codes)
    assert label["title"].strip() and label["year_evidence"].strip()
    assert all(line in debris for line in lines if MAIL in line), "e-mail placeholder kept"
    assert {p for line in lines for p in DOI_PREFIX.findall(line)} <= {"0000"}, "real DOI prefix"
    years, evidence = {y for line in lines for y in YEAR.findall(line)}, label["year_evidence"]
    if label["year"]:
        # The evidence quotes the phrase that dates the document before any other year.
        assert 2000 <= int(label["year"]) <= 2030 and label["year"] in years, label["year"]
        assert YEAR.findall(evidence)[:1] == [label["year"]], evidence
    else:
        assert evidence.startswith("no year"), evidence
        assert (not years) if BARE in evidence else (years and years <= set(YEAR.findall(evidence)))
    placement_check(FOLDER, label, DEBRIS, PROSE)
