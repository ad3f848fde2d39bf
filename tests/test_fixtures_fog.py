"""Checks of the fog set (tests/fixtures/exported/fog), written blind.

The brief of the set: documents as PDF extraction and OCR leave them, in the archive of a
researcher of older and harder-to-get texts (2004 to 2019 mostly, a few recent): scanned
municipal case papers, older white and green papers (St.meld., betænkning, Ds), county annual
reports, a hearing letter, an old conference's proceedings, slide decks exported as text,
interleaved two-column layouts, line-end hyphenation, ligatures and OCR errors, running heads,
footnote numbers glued to words, flattened tables, scanned stamps, and a few recent
born-digital PDFs; mostly .txt with some HTML viewer pages and one Markdown file; Bokmål,
Nynorsk, Danish, Swedish and English. The tests hold the set to that brief, to the labelling
conventions of tests/fixtures/exported/dev/README.md and to the set's own README. The import
is never run: only the CSVs, the visible text (fixturesets.visible_lines) and the README are
read.
"""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from fixturesets import LANGUAGES, SETS, TYPES, placement_check, rows, visible_lines

FOLDER = SETS / "fog"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
DOI_PREFIX = re.compile(r"\b10\.(\d{4,9})/")
DOT_LEADER = re.compile(r"\.{6,}\s*\d+$")
HYPHEN_END = re.compile(r"[a-zæøåäö]-$")
GLUED_NOTE = re.compile(r"[^\W\d_][¹²³⁴⁵⁶⁷⁸⁹]")
COLUMN_GAP = re.compile(r"\S {4,}\S")
ISSN = re.compile(r"\bISSN (\d{4}-\d{3}[\dX])")
ISBN = re.compile(r"\bISBN (?:978-)?\d\d-([\d-]+)")
CASE_NUMBER = re.compile(r"(?<![\d.])(?:\d\d|20\d\d)/(\d{5,6})\b")
BARE = "no 19xx/20xx number"
MAIL = "[email protected]"
# The kinds of the brief as the labels' notes name them, with the least number of documents.
KINDS = {"case paper": 2, "white paper": 1, "betænkning": 1, "(ds)": 1, "annual report": 3,
         "hearing letter": 1, "proceedings": 2, "slide deck": 2, "two-column": 2,
         "hyphenation": 3, "ligature": 1, "ocr": 8, "running head": 8, "footnote": 3,
         "flattened": 3, "stamp": 2, "born-digital": 3, "viewer": 2, "markdown": 1}

LABELS = {row["file"]: row for row in rows(FOLDER, "labels.csv")}
DEBRIS, PROSE = rows(FOLDER, "debris.csv"), rows(FOLDER, "prose.csv")
FILES = list(LABELS)
ON_DISK = sorted(p.name for p in FOLDER.iterdir() if p.suffix in SUFFIXES and p.stem != "README")
LINES = {name: visible_lines(FOLDER / name) for name in ON_DISK}
DEBRIS_OF = {name: {row["line"] for row in DEBRIS if row["file"] == name} for name in ON_DISK}
TAGS = Counter(label["languages"] for label in LABELS.values())
BY_COLUMN = {
    "format": Counter(SUFFIXES[name[name.rindex("."):]] for name in FILES),
    "doc_type": Counter(label["doc_type"] for label in LABELS.values()),
    "languages (label)": TAGS,
}


def count_tables() -> dict[str, dict[str, int]]:
    """The README's two-column count tables, keyed by the header's first cell."""
    tables, header = {}, None
    for line in (FOLDER / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        header = (cells[0] if header is None else header) if line.startswith("|") else None
        if header and cells[0] != header and len(cells) == 2 and cells[1].isdigit():
            tables.setdefault(header, {})[cells[0]] = int(cells[1])
    return tables


def documents_with(test) -> list[str]:
    return [name for name, lines in LINES.items() if any(map(test, lines))]


@pytest.mark.parametrize("csv_name", ["labels.csv", "debris.csv", "prose.csv"])
def test_each_csv_covers_the_documents_on_disk_with_crlf_lines(csv_name):
    data = (FOLDER / csv_name).read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), csv_name
    named = [row["file"] for row in rows(FOLDER, csv_name)]
    # labels.csv has one row a document in file order; the other two at least one each.
    assert (named if csv_name == "labels.csv" else sorted(set(named))) == ON_DISK


def test_size_formats_types_and_kinds_follow_the_brief():
    formats, types = BY_COLUMN["format"], BY_COLUMN["doc_type"]
    assert 36 <= len(FILES) <= 40
    assert formats["txt"] > len(FILES) / 2 and 9 <= formats["html"] <= 14, formats
    assert formats["md"] == 1, formats
    assert set(types) == TYPES and all(4 <= n <= 12 for n in types.values()), types
    notes = [label["notes"].lower() for label in LABELS.values()]
    short = {kind: sum(kind in note for note in notes) for kind, least in KINDS.items()
             if sum(kind in note for note in notes) < least}
    assert short == {}, "kinds of the brief missing from the notes"


def test_the_five_languages_occur_with_bilingual_documents():
    parts = Counter(code for tag in TAGS.elements() for code in tag.split(";"))
    assert set(parts) == LANGUAGES, parts
    assert parts["nb"] + parts["nn"] >= 15 and parts["en"] >= 10, parts
    assert min(parts["nn"], parts["da"], parts["sv"]) >= 4, parts
    assert min(TAGS[code] for code in LANGUAGES) >= 2, TAGS
    openers = Counter(tag.split(";")[0] for tag in TAGS.elements() if ";" in tag)
    assert sum(openers.values()) >= 6 and len(openers) >= 4, openers


def test_the_years_are_mostly_older_with_a_few_recent():
    years = [int(label["year"]) for label in LABELS.values() if label["year"]]
    assert min(years) >= 2004 and sum(y <= 2019 for y in years) >= 0.75 * len(years), years
    assert 3 <= sum(y >= 2020 for y in years) <= 5, years


def overview_rows() -> dict[str, tuple[str, ...]]:
    """The README's per-document table: file name -> the other five cells."""
    found = {}
    for line in (FOLDER / "README.md").read_text(encoding="utf-8").splitlines():
        cells = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        if len(cells) == 6 and cells[0] in LABELS:
            found[cells[0]] = cells[1:]
    return found


def year_situation(label: dict) -> str:
    if label["year"]:
        return "dated"
    return "bare" if BARE in label["year_evidence"] else "other years"


@pytest.mark.parametrize("header", sorted(BY_COLUMN))
def test_the_readme_count_tables_agree_with_the_csvs(header):
    assert count_tables()[header] == dict(BY_COLUMN[header])


def test_the_readme_overview_agrees_with_the_csvs():
    debris, prose = Counter(r["file"] for r in DEBRIS), Counter(r["file"] for r in PROSE)
    expected = {name: (label["doc_type"], label["languages"], label["year"] or "—",
                       str(debris[name]), str(prose[name])) for name, label in LABELS.items()}
    assert overview_rows() == expected


def test_the_year_situations_and_traps_of_the_brief_occur():
    situations = Counter(map(year_situation, LABELS.values()))
    assert situations["bare"] >= 3 and situations["other years"] >= 3, situations
    assert len(documents_with(GLUED_TIME.search)) >= 3
    later = {row["file"] for row in PROSE if LABELS[row["file"]]["year"] and max(
        map(int, YEAR.findall(row["sentence"])), default=0) > int(LABELS[row["file"]]["year"])}
    assert len(later) >= 3, sorted(later)
    assert len({row["sentence"] for row in PROSE}) == len(PROSE), "a sentence listed twice"


def test_the_pdf_and_ocr_furniture_of_the_brief_occurs_and_is_labelled():
    # Tables of contents with dot leaders, stamps and footnote lines are debris wherever found.
    for test, least in ((DOT_LEADER.search, 5), (lambda line: line == "MOTTATT", 2),
                        (lambda line: line[0] in "¹²³⁴⁵", 3)):
        found = documents_with(test)
        assert len(found) >= least, found
        kept = [(n, line) for n in found for line in LINES[n]
                if test(line) and line not in DEBRIS_OF[n]]
        assert kept == [], kept
    # Running heads and footers: a debris line that stands on the page more than once.
    repeated = [n for n, lines in LINES.items() if any(
        count > 1 and line in DEBRIS_OF[n] for line, count in Counter(lines).items())]
    assert len(repeated) >= 10, repeated
    # Body lines broken by a hyphen, footnote numbers glued to words, interleaved columns
    # (a wide gap inside a body line) and ligatures left by the extraction.
    body = {n: [line for line in LINES[n] if line not in DEBRIS_OF[n]] for n in ON_DISK}
    counts = {name: sum(any(map(test, lines)) for lines in body.values()) for name, test in (
        ("hyphen", HYPHEN_END.search), ("note", GLUED_NOTE.search),
        ("columns", COLUMN_GAP.search), ("ligature", lambda line: "ﬁ" in line or "ﬂ" in line))}
    assert counts["hyphen"] >= 15 and counts["note"] >= 3, counts
    assert counts["columns"] >= 3 and counts["ligature"] >= 1, counts


def test_html_viewer_fields_are_debris():
    with_fields = 0
    for name in (n for n in ON_DISK if n.endswith(".html")):
        soup = BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"), "html.parser")
        fields = [tag.get_text().strip() for tag in soup.find_all(["dt", "dd"])]
        with_fields += bool(fields)
        kept = [f for f in fields if f and f not in DEBRIS_OF[name] and f != LABELS[name]["title"]]
        assert kept == [], (name, kept)
    assert with_fields >= 3


@pytest.mark.parametrize("name", ON_DISK)
def test_the_year_label_follows_the_year_rules(name):
    label = LABELS[name]
    seen = set(YEAR.findall("\n".join(LINES[name])))
    quoted = YEAR.findall(label["year_evidence"])
    situation = year_situation(label)
    assert (situation == "dated") != label["year_evidence"].startswith("no year")
    if situation == "dated":
        # A visible year, and the first one the evidence quotes.
        assert 2004 <= int(label["year"]) <= 2030 and label["year"] in seen, label["year"]
        assert quoted[:1] == [label["year"]], label["year_evidence"]
    elif situation == "bare":
        assert seen == set(), seen
    else:
        assert seen and seen <= set(quoted), seen - set(quoted)


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label, text = LABELS[name], "\n".join(LINES[name])
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES and label["title"].strip(), label
    assert LANGUAGES.issuperset(codes) and len(codes) == len(set(codes)), codes
    kept = [line for line in LINES[name] if MAIL in line and line not in DEBRIS_OF[name]]
    assert kept == [], "e-mail placeholder outside debris"
    numbers = (DOI_PREFIX.findall(text) + ISSN.findall(text) + ISBN.findall(text)
               + CASE_NUMBER.findall(text))
    assert [n for n in numbers if set(n) - {"0", "-"}] == [], "identifier not zero-filled"
    placement_check(FOLDER, label, DEBRIS, PROSE)
