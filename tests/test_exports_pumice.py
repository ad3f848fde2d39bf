"""Checks of the pumice blind export set: its own files only, no import.

Each export file is parsed by a minimal reader of its own format and compared with
records.csv: record counts, the text anchors, line ends and encodings as documented in
the set's README, and that no person appears unmarked and no e-mail address appears.
"""

import csv
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "pumice"
MARC = "{http://www.loc.gov/MARC21/slim}"
MARKERS = ("(invented)", "(oppdiktet)", "(oppdikta)", "(påhittad)", "(opdigtet)", "(keksitty)")

# file -> (encoding, line end of the file, CSV delimiter or None)
FORMATS = {
    "nb-items.json": ("utf-8", None, None),
    "libris-marcxml.xml": ("utf-8", "\n", None),
    "libris_export.ris": ("utf-8", "\r\n", None),
    "libris-find.jsonld": ("utf-8", "\n", None),
    "bibliotekdk.ris": ("utf-8", "\n", None),
    "finna-search.json": ("utf-8", "\n", None),
    "finna.ris": ("utf-8", "\n", None),
    "data-norge-datasets.json": ("utf-8", None, None),
    "dst-publikationer.csv": ("cp1252", "\r\n", ";"),
    "op-europa-export.xlsx": (None, None, None),
    "op-europa-export.csv": ("utf-8-sig", "\r\n", ","),
    "regjeringen-dokumenter.csv": ("cp1252", "\r\n", ";"),
}
JSON_LISTS = {
    "nb-items.json": lambda d: d["_embedded"]["items"],
    "libris-find.jsonld": lambda d: d["items"],
    "finna-search.json": lambda d: d["records"],
    "data-norge-datasets.json": lambda d: d["hits"],
}


def load_rows():
    with open(HERE / "records.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = load_rows()
FILES = sorted({r["file"] for r in ROWS})


def strings(obj):
    """Every string value of a JSON document, collected with an explicit stack."""
    found, stack = [], [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            found.append(node)
        else:
            children = node.values() if isinstance(node, dict) else node
            stack.extend(reversed(list(children)) if isinstance(node, (dict, list)) else [])
    return found


def xlsx_rows(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb["Search results"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Title")
    return rows[start], [r for r in rows[start + 1:] if r and r[0]]


def csv_rows(name):
    enc, _, delim = FORMATS[name]
    with open(HERE / name, encoding=enc, newline="") as fh:
        rows = list(csv.reader(fh, delimiter=delim))
    return rows[0], rows[1:]


def count_records(name):
    path = HERE / name
    if name.endswith((".json", ".jsonld")):
        return len(JSON_LISTS[name](json.loads(path.read_text(encoding="utf-8"))))
    if name.endswith(".xml"):
        return len(ET.parse(path).getroot().findall(f"{MARC}record"))
    if name.endswith(".ris"):
        lines = path.read_text(encoding="utf-8").splitlines()
        starts = sum(1 for ln in lines if ln.startswith("TY  - "))
        ends = sum(1 for ln in lines if ln.rstrip() == "ER  -")
        assert starts == ends, f"{name}: {starts} TY lines but {ends} ER lines"
        return starts
    if name.endswith(".xlsx"):
        return len(xlsx_rows(path)[1])
    return len(csv_rows(name)[1])


def decoded(name):
    """The file's text as a reader sees it: decoded, entities resolved."""
    path = HERE / name
    if name.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, read_only=True)
        cells = (c for ws in wb for r in ws.iter_rows(values_only=True) for c in r)
        text = "\n".join(str(c) for c in cells if c)
        wb.close()
        return text
    if name.endswith((".json", ".jsonld")):
        return "\n".join(strings(json.loads(path.read_text(encoding="utf-8"))))
    return html.unescape(path.read_bytes().decode(FORMATS[name][0]))


def words(text):
    return re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text).lower())


def occurs(phrase, text):
    """True when the words of phrase stand in text one after another (tags may sit between)."""
    p, t = words(phrase), words(text)
    return bool(p) and any(t[i:i + len(p)] == p for i in range(len(t) - len(p) + 1))


def authors(name):
    """Person-name fields of a file, by its format."""
    path = HERE / name
    if name.endswith(".ris"):
        lines = path.read_text(encoding="utf-8").splitlines()
        return [ln[6:] for ln in lines if ln[:2] in ("AU", "A1", "A2")]
    if name.endswith(".xml"):
        root = ET.parse(path).getroot()
        return [sf.text for df in root.iter(f"{MARC}datafield") if df.get("tag") in ("100", "700")
                for sf in df if sf.get("code") == "a"]
    if name.endswith((".json", ".jsonld")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out = []
        for item in JSON_LISTS[name](data):
            out += item.get("metadata", {}).get("creators", [])
            out += [a["name"] for a in item.get("nonPresenterAuthors", [])]
            for c in item.get("instanceOf", {}).get("contribution", []):
                out.append(c["agent"]["familyName"])
        return out
    header, rows = xlsx_rows(path) if name.endswith(".xlsx") else csv_rows(name)
    if "Author(s)" not in header:
        return []
    col = header.index("Author(s)")
    return [r[col] for r in rows if r[col]]


def test_files_and_records_csv_agree():
    on_disk = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert set(FILES) == on_disk
    assert set(FILES) == set(FORMATS)
    assert 12 <= len(FILES) <= 14


def test_records_csv_is_crlf_and_well_formed():
    raw = (HERE / "records.csv").read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > len(ROWS)
    assert list(ROWS[0]) == ["file", "record", "expect", "title", "year", "doc_type", "language",
                             "text_start", "text_end", "note"]
    for r in ROWS:
        assert r["expect"] in ("imported", "skipped"), r
        if r["expect"] == "imported":
            assert r["doc_type"] in ("abstract", "project_report", "policy_document", "other"), r
            assert r["language"] in ("en", "nb", "nn", "da", "sv"), r
            assert 6 <= len(r["text_start"].split()) <= 10, r
            assert 4 <= len(r["text_end"].split()) <= 8, r
        else:
            assert not r["text_start"] and not r["text_end"] and r["note"], r
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r


@pytest.mark.parametrize("name", FILES)
def test_record_numbers_and_count(name):
    numbers = [int(r["record"]) for r in ROWS if r["file"] == name]
    assert numbers == list(range(1, len(numbers) + 1))
    assert 3 <= len(numbers) <= 8
    assert count_records(name) == len(numbers)


@pytest.mark.parametrize("name", FILES)
def test_text_anchors_occur_in_file(name):
    text = decoded(name)
    for r in ROWS:
        if r["file"] == name and r["expect"] == "imported":
            assert occurs(r["text_start"], text), (r["record"], r["text_start"])
            assert occurs(r["text_end"], text), (r["record"], r["text_end"])


def test_word_matcher_rejects_a_changed_phrase():
    assert occurs("a <p>b</p> c", "x a b c y")
    assert not occurs("a c b", "x a b c y")


@pytest.mark.parametrize("name", FILES)
def test_encoding_line_ends_and_bom(name):
    enc, eol, _ = FORMATS[name]
    raw = (HERE / name).read_bytes()
    if enc is None:
        assert raw[:2] == b"PK"
        return
    if enc == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf") == (enc == "utf-8-sig")
    if eol == "\r\n" and name.endswith(".csv"):
        # rows end in CRLF; a line break inside a quoted cell is a bare LF, as Excel writes it
        header, rows = csv_rows(name)
        assert raw.count(b"\r\n") == len(rows) + 1
        inner = sum(cell.count("\n") for row in rows for cell in row)
        assert inner >= 1 and raw.count(b"\n") == len(rows) + 1 + inner
    elif eol == "\r\n":
        assert raw.count(b"\n") == raw.count(b"\r\n")
    elif eol == "\n":
        assert b"\r\n" not in raw and b"\n" in raw


@pytest.mark.parametrize("name", FILES)
def test_people_are_marked_and_no_email(name):
    for person in authors(name):
        if "," in person or name.endswith(".jsonld") or name.endswith(".json"):
            assert any(m in person for m in MARKERS), person
    text = decoded(name)
    for addr in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
        assert addr == "[email protected]", addr


def test_some_people_are_found():
    """The author readers must find names, or the check above proves nothing."""
    assert sum(len(authors(n)) for n in FILES) >= 20
