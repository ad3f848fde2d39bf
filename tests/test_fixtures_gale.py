"""Checks of the gale set (tests/fixtures/exported/gale), written blind.

The set follows a brief: what a mixed research team saves when it maps digital welfare
practice through catalogues and exports (project records, a trial registry, procurement
notices, job adverts, parliamentary answers, council minutes, plans, programmes, data
catalogue and statistics pages, an app-store page, a talk page, a press release), in English,
Bokmål and Nynorsk with a few Swedish and Danish pages, about half saved HTML and one or two
Markdown pages. These tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to its own README. Nothing here runs the import:
the checks read the CSVs, the visible text (fixturesets.visible_lines) and the README only.
"""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

GALE = SETS / "gale"
SUFFIX_KIND = {".html": "html", ".txt": "txt", ".md": "md"}
KIND_RANGE = {"html": (15, 20), "txt": (12, 18), "md": (1, 2)}
YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
NO_NUMBER = "no 19xx/20xx number"
EMAIL = "[email protected]"

LABELS = {row["file"]: row for row in rows(GALE, "labels.csv")}
ORDER = [row["file"] for row in rows(GALE, "labels.csv")]
DEBRIS = rows(GALE, "debris.csv")
PROSE = rows(GALE, "prose.csv")
NAMES = sorted(LABELS)
README_LINES = (GALE / "README.md").read_text(encoding="utf-8").splitlines()


def year_numbers(name: str) -> set[str]:
    """Every 19xx/20xx number in the visible text of one document."""
    text = "\n".join(visible_lines(GALE / name))
    return set(YEAR_NUMBER.findall(text))


def per_document(column: str) -> Counter:
    """How many documents have each format (column 'format') or label value."""
    if column == "format":
        return Counter(SUFFIX_KIND[(GALE / name).suffix] for name in NAMES)
    return Counter(label[column] for label in LABELS.values())


def readme_table(first_header: str) -> dict[str, int]:
    """Rows of the README's count table opening with `| first_header |`, as name: count."""
    top = README_LINES.index(next(line for line in README_LINES
                                  if line.startswith(f"| {first_header} |")))
    table = {}
    for line in README_LINES[top + 2:]:
        if not line.startswith("| "):
            break
        cells = [cell.strip() for cell in line.split("|")[1:3]]
        table[cells[0]] = int(cells[1].split(" ")[0])
    return table


def test_csvs_list_the_documents_of_the_folder_and_nothing_else():
    on_disk = sorted(path.name for path in GALE.iterdir()
                     if path.suffix in SUFFIX_KIND and path.name != "README.md")
    assert ORDER == on_disk, "labels.csv: a document is missing, extra or out of order"
    for name, listed in (("debris.csv", DEBRIS), ("prose.csv", PROSE)):
        assert sorted({row["file"] for row in listed}) == on_disk, name


@pytest.mark.parametrize("name", ["labels.csv", "debris.csv", "prose.csv"])
def test_csv_line_ends_are_crlf(name):
    data = (GALE / name).read_bytes()
    assert data.endswith(b"\r\n"), name
    assert data.count(b"\n") == data.count(b"\r\n"), name


def test_the_set_has_the_size_formats_and_type_spread_of_the_brief():
    assert 30 <= len(NAMES) <= 40
    kinds = per_document("format")
    for kind, (fewest, most) in KIND_RANGE.items():
        assert fewest <= kinds[kind] <= most, kinds
    types = per_document("doc_type")
    assert set(types) == TYPES, types
    assert min(types.values()) >= 4 and max(types.values()) <= 12, types


@pytest.mark.parametrize("header,column", [("format", "format"), ("doc_type", "doc_type"),
                                           ("languages (label)", "languages")])
def test_readme_count_tables_match_the_labels(header, column):
    assert readme_table(header) == dict(per_document(column)), header


def test_english_and_norwegian_lead_with_nynorsk_and_bilingual_pages():
    tags = per_document("languages")
    parts = Counter(code for tag in tags.elements() for code in set(tag.split(";")))
    assert set(parts) == LANGUAGES, parts
    assert parts["nb"] + parts["nn"] >= 12 and parts["en"] >= 12, parts
    assert min(tags[code] for code in ("en", "nb", "nn")) >= 2, tags
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert len(bilingual) >= 4, bilingual
    assert {"en", "nb", "nn"} <= {tag.split(";")[0] for tag in bilingual}, bilingual


def test_both_kinds_of_undated_document_occur_three_times_or_more():
    undated = [label for label in LABELS.values() if not label["year"]]
    without_numbers = [label for label in undated if NO_NUMBER in label["year_evidence"]]
    assert len(without_numbers) >= 3, [label["file"] for label in without_numbers]
    assert len(undated) - len(without_numbers) >= 3, [label["file"] for label in undated]


def test_at_least_three_timetables_glue_times_to_titles():
    glued = [name for name in NAMES
             if any(GLUED_TIME.search(line) for line in visible_lines(GALE / name))]
    assert len(glued) >= 3, glued


def test_at_least_three_dated_documents_name_a_later_year_in_prose():
    later = set()
    for row in PROSE:
        year = LABELS[row["file"]]["year"]
        if year and any(int(found) > int(year) for found in YEAR_NUMBER.findall(row["sentence"])):
            later.add(row["file"])
    assert len(later) >= 3, sorted(later)


def test_prose_sentences_are_unique_across_documents():
    shared = [text for text, n in Counter(row["sentence"] for row in PROSE).items() if n > 1]
    assert shared == []


@pytest.mark.parametrize("name", NAMES)
def test_email_placeholders_sit_only_on_debris_lines(name):
    debris = {row["line"] for row in DEBRIS if row["file"] == name}
    stray = [line for line in visible_lines(GALE / name) if EMAIL in line and line not in debris]
    assert stray == []


@pytest.mark.parametrize("name", NAMES)
def test_labels_use_codebook_values(name):
    label = LABELS[name]
    assert label["doc_type"] in TYPES
    codes = label["languages"].split(";")
    assert set(codes) <= LANGUAGES and len(set(codes)) == len(codes), codes
    assert label["title"].strip() and label["year_evidence"].strip()
    assert not label["year"] or 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("name", NAMES)
def test_year_and_its_evidence_agree_with_the_text(name):
    label, found = LABELS[name], year_numbers(name)
    evidence = label["year_evidence"]
    if label["year"]:
        assert label["year"] in found, (label["year"], sorted(found))
        assert label["year"] in evidence, evidence
        return
    assert evidence.startswith("no year"), evidence
    if NO_NUMBER in evidence:
        assert found == set(), sorted(found)
    else:
        assert found, "undated with years, yet the text has none"
        assert [year for year in sorted(found) if year not in evidence] == [], evidence


@pytest.mark.parametrize("name", NAMES)
def test_title_debris_and_prose_sit_where_the_conventions_put_them(name):
    placement_check(GALE, LABELS[name], DEBRIS, PROSE)


def test_each_document_has_its_row_in_the_readme_overview():
    n_debris = Counter(row["file"] for row in DEBRIS)
    n_prose = Counter(row["file"] for row in PROSE)
    missing = []
    for name in NAMES:
        label = LABELS[name]
        row = (f"| {name} | {label['doc_type']} | {label['languages']} | "
               f"{label['year'] or '—'} | {n_debris[name]} | {n_prose[name]} |")
        if row not in README_LINES:
            missing.append(row)
    assert missing == []
