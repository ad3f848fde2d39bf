"""Checks of the thaw set (tests/fixtures/exported/thaw), written blind: its shape against the
brief it was written to, its labels against the conventions of
tests/fixtures/exported/dev/README.md, and its README's tables against its CSV files.

The import is never run here; every check reads only the folder's CSVs, its documents'
visible text (fixturesets.visible_lines) and its README."""

import re
from collections import Counter

import pytest
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

THAW = SETS / "thaw"
KINDS = {".html": "html", ".txt": "txt", ".md": "md"}
WANTED_KINDS = {"html": (22, 26), "txt": (10, 14), "md": (4, 6)}
YEARLIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_ON_TITLE = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
BARE = "no 19xx/20xx number"

LABEL_ROWS = rows(THAW, "labels.csv")
BY_FILE = {row["file"]: row for row in LABEL_ROWS}
DEBRIS_ROWS = rows(THAW, "debris.csv")
PROSE_ROWS = rows(THAW, "prose.csv")
FILES = sorted(BY_FILE)
README = (THAW / "README.md").read_text(encoding="utf-8")


def yearlike_numbers(file: str) -> set[str]:
    """Every 19xx/20xx number of one document's visible text."""
    found: set[str] = set()
    for line in visible_lines(THAW / file):
        found.update(YEARLIKE.findall(line))
    return found


def count_of(kind: str) -> Counter:
    """Documents per format ('format'), per type ('doc_type') or per label ('languages')."""
    if kind == "format":
        return Counter(KINDS[THAW.joinpath(file).suffix] for file in FILES)
    return Counter(BY_FILE[file][kind] for file in FILES)


def readme_table(header: str) -> dict[str, int]:
    """The two-column count table of the README whose first column is headed `header`."""
    table, inside = {}, False
    for line in README.splitlines():
        if line.startswith(f"| {header} |"):
            inside = True
        elif inside and line.startswith("|") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            table[cells[0]] = int(cells[1].split()[0])
        elif inside and not line.startswith("|"):
            break
    return table


def test_the_csvs_list_the_folder_and_nothing_else():
    documents = sorted(path.name for path in THAW.iterdir()
                       if path.suffix in KINDS and path.name != "README.md")
    assert [row["file"] for row in LABEL_ROWS] == documents, "labels.csv: order or coverage"
    for name, table in (("debris.csv", DEBRIS_ROWS), ("prose.csv", PROSE_ROWS)):
        assert sorted({row["file"] for row in table}) == documents, name


def test_size_formats_and_types_are_those_of_the_brief():
    assert 40 <= len(FILES) <= 44, len(FILES)
    formats = count_of("format")
    for kind, (low, high) in WANTED_KINDS.items():
        assert low <= formats[kind] <= high, (kind, formats)
    types = count_of("doc_type")
    assert set(types) == TYPES, types
    assert min(types.values()) >= 7 and max(types.values()) <= 9, types


@pytest.mark.parametrize("header,kind", [("format", "format"), ("doc_type", "doc_type"),
                                         ("languages (label)", "languages")])
def test_the_readme_count_tables_agree_with_the_labels(header, kind):
    assert readme_table(header) == dict(count_of(kind)), header


def test_every_language_stands_alone_and_bilingual_documents_open_both_ways():
    tags = count_of("languages")
    alone = {code: tags[code] for code in LANGUAGES}
    assert min(alone.values()) >= 2, alone
    mixed = [tag for tag in tags.elements() if ";" in tag]
    assert len(mixed) >= 7, mixed
    assert {"en", "nb"} <= {tag.split(";")[0] for tag in mixed}, mixed


def test_both_kinds_of_undated_document_occur_three_times():
    undated = [BY_FILE[file] for file in FILES if not BY_FILE[file]["year"]]
    bare = [label for label in undated if BARE in label["year_evidence"]]
    assert len(bare) >= 3 and len(undated) - len(bare) >= 3, [x["file"] for x in undated]


def test_two_timetables_glue_a_clock_time_to_a_title():
    glued = {file for file in FILES
             for line in visible_lines(THAW / file) if TIME_ON_TITLE.search(line)}
    assert len(glued) >= 2, sorted(glued)


def test_three_dated_documents_look_ahead_in_their_prose():
    ahead = set()
    for row in PROSE_ROWS:
        date = BY_FILE[row["file"]]["year"]
        if date and any(int(year) > int(date) for year in YEARLIKE.findall(row["sentence"])):
            ahead.add(row["file"])
    assert len(ahead) >= 3, sorted(ahead)


@pytest.mark.parametrize("file", FILES)
def test_each_label_uses_codebook_values_and_a_plausible_year(file):
    label = BY_FILE[file]
    assert label["doc_type"] in TYPES, label["doc_type"]
    codes = label["languages"].split(";")
    assert set(codes) <= LANGUAGES and len(set(codes)) == len(codes), codes
    assert label["title"].strip(), "empty title"
    assert label["year_evidence"].strip(), "empty year evidence"
    if label["year"]:
        assert 2000 <= int(label["year"]) <= 2030, label["year"]


@pytest.mark.parametrize("file", FILES)
def test_each_year_is_backed_by_the_text_and_its_evidence(file):
    label, numbers = BY_FILE[file], yearlike_numbers(file)
    evidence, year = label["year_evidence"], label["year"]
    if year:
        assert year in numbers, f"{year} not among the text's numbers {sorted(numbers)}"
        assert year in evidence, "the evidence does not quote the year"
    elif BARE in evidence:
        assert evidence.startswith("no year") and not numbers, sorted(numbers)
    else:
        assert evidence.startswith("no year") and numbers, evidence
        unnamed = sorted(number for number in numbers if number not in evidence)
        assert not unnamed, f"years of the text the evidence does not name: {unnamed}"


@pytest.mark.parametrize("file", FILES)
def test_each_document_places_title_debris_and_prose_by_the_conventions(file):
    placement_check(THAW, BY_FILE[file], DEBRIS_ROWS, PROSE_ROWS)


def test_the_readme_overview_holds_one_agreeing_row_per_document():
    debris, prose = Counter(r["file"] for r in DEBRIS_ROWS), Counter(r["file"] for r in PROSE_ROWS)
    wanted = {"| " + " | ".join([file, BY_FILE[file]["doc_type"], BY_FILE[file]["languages"],
                                 BY_FILE[file]["year"] or "—", str(debris[file]),
                                 str(prose[file])]) + " |" for file in FILES}
    assert sorted(wanted - set(README.splitlines())) == []
