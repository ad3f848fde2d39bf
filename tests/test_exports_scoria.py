"""Checks of the scoria blind export set: its own files only, never the importer."""

import csv
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "scoria"
RECORDS = HERE / "records.csv"

# file -> (format, encoding, delimiter)
FORMATS = {
    "FoU-rapporter_eksport_2024-03-14.xlsx": ("xlsx", None, None),
    "KS_FoU-prosjekter.csv": ("csv", "cp1252", ";"),
    "researchoutput.bib": ("bib", "utf-8", None),
    "swecris-projekt-export.csv": ("csv", "utf-8-sig", ";"),
    "projectsearch-1710000000000.csv": ("csv", "utf-8", ","),
    "citations.ris": ("ris", "utf-8", None),
    "wds.json": ("json", "utf-8", None),
    "Publikationer_Nordens_valfardscenter.xlsx": ("xlsx", None, None),
    "feed.xml": ("rss", "utf-8", None),
    "atom.xml": ("atom", "utf-8", None),
    "prosjektbanken-eksport.csv": ("csv", "utf-8-sig", ","),
    "export.csv": ("csv", "utf-8", ","),
}
MARKERS = r"\((?:invented|oppdiktet|opdigtet|påhittad)\)"
SURNAMES = [
    "Nordvik", "Åsli", "Haugen", "Brekke", "Mehdi", "Mortensen", "Bech", "Haddad", "Lund",
    "Kjær", "Lindqvist", "Berg", "Holm", "Karimi", "Hartley", "Okafor", "Price", "Moreau",
    "Silva", "Berger", "Nyström", "Olsen", "Dahl", "Shah", "Ellis", "Carter", "Eriksen",
    "Hassan", "Bakke", "Solberg", "Nilsson", "Ahmed", "Persson",
]


def load_records():
    with open(RECORDS, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def xlsx_rows(path):
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if r and r[0] in ("Tittel", "Titel"))
    return rows[head + 1:]


def count_records(name):
    fmt, enc, delim = FORMATS[name]
    path = HERE / name
    if fmt == "xlsx":
        return sum(1 for r in xlsx_rows(path) if r and r[0])
    text = path.read_bytes().decode(enc)
    if fmt == "csv":
        rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delim))
        return len([r for r in rows[1:] if any(r)])
    if fmt == "ris":
        ty = len(re.findall(r"^TY  - ", text, re.M))
        er = len(re.findall(r"^ER  - ", text, re.M))
        assert ty == er
        return ty
    if fmt == "bib":
        return len(re.findall(r"^@\w+\{", text, re.M))
    if fmt == "json":
        return len([k for k in json.loads(text)["documents"] if k != "facets"])
    root = ET.fromstring(text.encode("utf-8"))
    if fmt == "rss":
        return len(root.findall("./channel/item"))
    return len(root.findall("{http://www.w3.org/2005/Atom}entry"))


def raw_text(name):
    fmt, enc, _ = FORMATS[name]
    path = HERE / name
    if fmt == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        cells = [str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
                 for v in r if v is not None]
        return "\n".join(cells)
    return path.read_bytes().decode(enc)


def words(text):
    text = html.unescape(html.unescape(text))
    text = re.sub(r"<[^>]+>", " ", text)
    return re.findall(r"\w+", text.lower())


def contains(haystack, needle):
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def test_records_csv_has_crlf_and_columns():
    data = RECORDS.read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert load_records()[0].keys() == {
        "file", "record", "expect", "title", "year", "doc_type", "language", "text_start",
        "text_end", "note"}


def test_files_and_records_match():
    listed = {r["file"] for r in load_records()}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_record_count(name):
    rows = [r for r in load_records() if r["file"] == name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert count_records(name) == len(rows)


def test_labels_are_valid():
    for r in load_records():
        assert r["expect"] in ("imported", "skipped"), r
        assert r["doc_type"] in ("", "project_report", "policy_document", "abstract",
                                 "event_programme", "other"), r
        assert re.fullmatch(r"(\d{4})?", r["year"]), r
        if r["expect"] == "skipped":
            assert not r["text_start"] and not r["text_end"] and r["note"], r
        else:
            assert r["language"] in ("en", "nb", "nn", "da", "sv"), r
            assert 6 <= len(r["text_start"].split()) <= 10, r
            assert 4 <= len(r["text_end"].split()) <= 8, r


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_text_spans_occur(name):
    hay = words(raw_text(name))
    for r in load_records():
        if r["file"] == name and r["expect"] == "imported":
            assert contains(hay, words(r["text_start"])), (name, r["record"], r["text_start"])
            assert contains(hay, words(r["text_end"])), (name, r["record"], r["text_end"])
            assert contains(hay, words(r["title"])), (name, r["record"], r["title"])


@pytest.mark.parametrize("name", sorted(FORMATS) + ["records.csv"])
def test_no_personal_data(name):
    text = RECORDS.read_text(encoding="utf-8") if name == "records.csv" else raw_text(name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
    for surname in SURNAMES:
        for m in re.finditer(rf"\b{surname}\b", text):
            after = text[m.end():m.end() + 30]
            assert re.search(MARKERS, after), (name, surname, after)
    for orcid in re.findall(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", text):
        assert orcid == "0000-0000-0000-0000"


def test_author_fields_are_marked():
    ris = raw_text("citations.ris")
    for au in re.findall(r"^A[U1]  - (.*)$", ris, re.M):
        assert re.search(MARKERS, au), au
    bib = raw_text("researchoutput.bib")
    for au in re.findall(r"^(?:author|editor) = \"(.*)\"", bib, re.M):
        for person in au.split(" and "):
            assert re.search(MARKERS, person), person
    for name, col in (("export.csv", "Name"), ("prosjektbanken-eksport.csv", "Prosjektleder"),
                      ("swecris-projekt-export.csv", "Projektledare")):
        enc = FORMATS[name][1]
        delim = FORMATS[name][2]
        with open(HERE / name, encoding=enc, newline="") as f:
            for row in csv.DictReader(f, delimiter=delim):
                for person in row[col].split(";"):
                    assert re.search(MARKERS, person), person


def test_encodings_as_the_tools_write_them():
    ks = (HERE / "KS_FoU-prosjekter.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        ks.decode("utf-8")
    assert ks.count(b"\n") == ks.count(b"\r\n")
    for name in ("swecris-projekt-export.csv", "prosjektbanken-eksport.csv"):
        assert (HERE / name).read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (HERE / "export.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in (HERE / "export.csv").read_bytes()
    ris = (HERE / "citations.ris").read_bytes()
    assert ris.count(b"\n") == ris.count(b"\r\n")
