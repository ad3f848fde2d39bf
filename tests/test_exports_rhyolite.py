"""Checks of the rhyolite blind export set: the files themselves, never the importer."""

import collections
import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "rhyolite"
RECORDS = HERE / "records.csv"
OWN = {"records.csv", "README.md"}

# how each file is read: (encoding, kind)
FORMATS = {
    "Velferdsteknologi.xml": ("utf-8-sig", "citavi"),
    "library.bib": ("utf-8", "bibtex"),
    "Papers Library Export.ris": ("utf-8", "ris"),
    "Dimensions-Publication-2026-12-05_13-22-41.xlsx": (None, "xlsx"),
    "Dimensions-Grant-2026-12-05_13-24-03.xlsx": (None, "xlsx"),
    "savedrecs.txt": ("utf-16", "tsv_header"),
    "scopus.bib": ("utf-8", "bibtex"),
    "scholar.bib": ("utf-8", "bibtex"),
    "scholar.ris": ("utf-8", "ris"),
    "My EndNote Library.txt": ("cp1252", "tsv_noheader"),
    "ResearchRabbit_Export_welfare-technology.csv": ("utf-8", "csv"),
    "litmaps-export.ris": ("utf-8", "ris"),
    "inoreader-starred-articles.json": ("utf-8", "json"),
}

GIVEN = [
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Astrid",
    "Johan",
    "Karin",
    "Mads",
    "Erik",
    "Sofie",
    "Tom",
    "Sarah",
]
SURNAMES = [
    "Haugen",
    "Lund",
    "Berg",
    "Dahl",
    "Holm",
    "Ek",
    "Lindqvist",
    "Sørensen",
    "S{\\o}rensen",
    "Moen",
    "Bakke",
    "Nygaard",
    "Foster",
]


def read_records():
    text = RECORDS.read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def by_file():
    grouped = collections.defaultdict(list)
    for rec in read_records():
        grouped[rec["file"]].append(rec)
    return dict(grouped)


def xlsx_rows(path):
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    # row 1 is Dimensions' "About the data" banner, row 2 the header
    assert str(rows[0][0]).startswith("About the data")
    assert rows[1][0] == "Rank"
    return rows[1], [r for r in rows[2:] if any(c not in (None, "") for c in r)]


def count_records(name):
    enc, kind = FORMATS[name]
    path = HERE / name
    if kind == "xlsx":
        return len(xlsx_rows(path)[1])
    text = path.read_bytes().decode(enc)
    if kind == "citavi":
        return len(ET.fromstring(text).findall("./References/Reference"))
    if kind == "bibtex":
        types = re.findall(r"^@(\w+)\{", text, flags=re.M)
        return len([t for t in types if t.lower() not in {"comment", "string", "preamble"}])
    if kind == "ris":
        ty = re.findall(r"^TY  - ", text, flags=re.M)
        er = re.findall(r"^ER  - ?\r?$", text, flags=re.M)
        assert len(ty) == len(er), name
        return len(ty)
    if kind == "json":
        return len(json.loads(text)["items"])
    delim = "\t" if kind.startswith("tsv") else ","
    quoting = csv.QUOTE_NONE if kind.startswith("tsv") else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quoting=quoting)
    rows = [r for r in reader if r]
    if kind == "tsv_header":
        assert rows[0][:2] == ["PT", "AU"]
        rows = rows[1:]
    elif kind == "csv":
        assert rows[0][:2] == ["Title", "Abstract"]
        rows = rows[1:]
    return len(rows)


def _strings(obj):
    """Every string value in a parsed JSON document, depth first."""
    stack, found = [obj], []
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, (dict, list)):
            stack.extend(reversed(list(node.values() if isinstance(node, dict) else node)))
    return found


def decoded(name):
    enc, kind = FORMATS[name]
    path = HERE / name
    if kind == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        return "\n".join(
            str(c)
            for ws in wb.worksheets
            for r in ws.iter_rows(values_only=True)
            for c in r
            if c is not None
        )
    text = path.read_bytes().decode(enc)
    if kind == "json":
        return "\n".join(_strings(json.loads(text)))
    if kind == "citavi":
        return html.unescape(text)
    return text


def words(text):
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_files_match_records_csv():
    listed = set(by_file())
    present = {p.name for p in HERE.iterdir()} - OWN
    assert listed == present == set(FORMATS)
    assert 12 <= len(present) <= 14


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_record_counts_and_numbering(name):
    rows = by_file()[name]
    assert 3 <= len(rows) <= 8
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert count_records(name) == len(rows)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_text_and_title_occur_in_file(name):
    body = words(decoded(name))
    for r in by_file()[name]:
        assert words(r["title"]) in body, (name, r["record"], r["title"])
        if r["expect"] == "imported":
            assert r["text_start"] and r["text_end"]
            assert 6 <= len(r["text_start"].split()) <= 10
            assert 4 <= len(r["text_end"].split()) <= 8
            assert words(r["text_start"]) in body, (name, r["record"], r["text_start"])
            assert words(r["text_end"]) in body, (name, r["record"], r["text_end"])
        else:
            assert r["expect"] == "skipped" and r["note"]
            assert not r["text_start"] and not r["text_end"]


def test_records_csv_values():
    for r in read_records():
        assert r["doc_type"] in {"abstract", "project_report", "policy_document", "other"}
        languages = {"en", "nb", "nn", "da", "sv"} if r["expect"] == "imported" else {""}
        assert r["language"] in languages
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"])
        if r["doc_type"] == "project_report":
            assert r["year"] == ""


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_email_and_no_unmarked_person(name):
    text = decoded(name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[A-Za-z]", text), name
    for person in GIVEN + SURNAMES:
        for m in re.finditer(r"(?<!\w)" + re.escape(person) + r"(?!\w)", text):
            window = text[max(0, m.start() - 60) : m.end() + 60]
            assert "(invented)" in window, (name, person, window)


def test_encodings_and_line_ends():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 0
    assert (HERE / "savedrecs.txt").read_bytes()[:2] == b"\xff\xfe"
    assert (HERE / "Velferdsteknologi.xml").read_bytes()[:3] == b"\xef\xbb\xbf"
    endnote = (HERE / "My EndNote Library.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        endnote.decode("utf-8")
    assert endnote.count(b"\r\n") == endnote.count(b"\n")
    for name in ("Papers Library Export.ris", "library.bib"):
        data = (HERE / name).read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n"), name
