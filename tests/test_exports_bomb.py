"""Checks of the bomb blind export set: the files themselves, never the importer.

Each export in tests/fixtures/exports_blind/bomb/ is read with a minimal parser of its
format, and compared with records.csv (one row per record, in file order).
"""

import csv
import html
import io
import re
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "bomb"
RECORDS = HERE / "records.csv"

# file -> (format, encoding, delimiter or None, author columns / tags)
FORMATS = {
    "review_000000_included_csv_20261204101500.csv": ("csv", "utf-8", ",", ["Authors"]),
    "review_000000_included_ris_20261204101800.ris": ("ris", "utf-8", None, ["AU"]),
    "articles.csv": ("csv", "utf-8", ",", ["authors", "notes"]),
    "delivery.ris": ("ris", "utf-8", None, ["AU"]),
    "export.csv": ("csv", "utf-8-sig", ",", ["Authors"]),
    "ProQuestDocuments-2026-12-04.ris": ("ris", "utf-8", None, ["AU"]),
    "ProQuestDocuments-2026-12-04.xlsx": ("xlsx", None, None, ["Authors"]),
    "ovid.txt": ("ovid", "cp1252", None, ["Author"]),
    "citation-export.ris": ("ris", "utf-8", None, ["AU"]),
    "My EndNote Library.xml": ("endnote", "utf-8", None, ["author"]),
    "export.ris": ("ris", "utf-8", None, ["A1"]),
    "Digital saksbehandling.xlsx": ("xlsx", None, None, ["Author, Editor, Organization"]),
    "references.bib": ("bib", "utf-8", None, ["author"]),
    "citation.ris": ("ris", "utf-8", None, ["AU"]),
}
# organisations that stand as authors (not persons)
ORGS = {"Arbeids- og velferdsdirektoratet", "Barne-, ungdoms- og familiedirektoratet"}
MARK = r"\((?:invented|oppdiktet|oppdikta|påhittad|opdigtet)\)"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def load_records():
    with open(RECORDS, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = load_records()
FILES = sorted({r["file"] for r in ROWS})


def raw_text(name):
    kind, enc, _, _ = FORMATS[name]
    path = HERE / name
    if kind == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        cells = [str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
                 for c in r if c is not None]
        return "\n".join(cells)
    return path.read_bytes().decode(enc)


def tokens(text):
    text = re.sub(r"<[^>]+>", " ", html.unescape(text))
    return re.findall(r"\w+", text.lower())


def contains_words(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def parse(name):
    """Return a list of records, each a dict of field -> list of values."""
    kind, enc, delim, _ = FORMATS[name]
    text = raw_text(name)
    recs = []
    if kind == "csv":
        for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=delim):
            recs.append({k: [v] for k, v in r.items()})
    elif kind == "xlsx":
        wb = openpyxl.load_workbook(HERE / name, read_only=True)
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        hdr = rows[0]
        for r in rows[1:]:
            if any(c not in (None, "") for c in r):
                recs.append({h: [c or ""] for h, c in zip(hdr, r, strict=True)})
    elif kind == "ris":
        lines = text.splitlines()
        ty = sum(1 for ln in lines if ln.startswith("TY  - "))
        er = sum(1 for ln in lines if re.match(r"ER  -\s*$", ln))
        assert ty == er, f"{name}: {ty} TY lines but {er} ER lines"
        cur = None
        for ln in lines:
            m = re.match(r"([A-Z][A-Z0-9])  -(?: (.*))?$", ln)
            if not m:
                continue
            if m.group(1) == "TY":
                cur = {}
            if cur is None:
                continue
            cur.setdefault(m.group(1), []).append(m.group(2) or "")
            if m.group(1) == "ER":
                recs.append(cur)
                cur = None
    elif kind == "ovid":
        chunks = re.split(r"^<\d+>\r?$", text, flags=re.M)[1:]
        for ch in chunks:
            rec, field = {}, None
            for ln in ch.splitlines():
                if ln.startswith("  "):
                    rec.setdefault(field, []).append(ln.strip())
                elif ln.strip():
                    field = ln.strip()
            recs.append(rec)
    elif kind == "endnote":
        for body in re.findall(r"<record>(.*?)</record>", text, flags=re.S):
            authors = [re.sub(r"<[^>]+>", "", a)
                       for a in re.findall(r"<author>(.*?)</author>", body)]
            recs.append({"author": [html.unescape(a) for a in authors]})
    elif kind == "bib":
        for typ, body in re.findall(r"^@(\w+)\{(.*?)^\}", text, flags=re.M | re.S):
            if typ.lower() in {"comment", "string", "preamble"}:
                continue
            m = re.search(r"^\s*author\s*=\s*\{(.*?)\},?\s*$", body, flags=re.M)
            recs.append({"author": m.group(1).split(" and ") if m else []})
    return recs


def test_files_and_rows_match():
    on_disk = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert set(FILES) == on_disk
    assert set(FORMATS) == on_disk
    assert 12 <= len(FILES) <= 14


def test_records_csv_is_crlf_and_well_formed():
    data = RECORDS.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")
    assert data.endswith(b"\r\n")
    for r in ROWS:
        assert r["expect"] in {"imported", "skipped"}
        assert r["note"] or r["expect"] == "imported", r
        if r["expect"] == "imported":
            assert r["text_start"] and r["text_end"], r
            assert r["language"] in {"en", "nb", "nn", "da", "sv"}, r
            assert r["doc_type"] in {"abstract", "project_report", "policy_document"}, r
            assert 6 <= len(r["text_start"].split()) <= 10, r
            assert 4 <= len(r["text_end"].split()) <= 8, r
        else:
            assert not r["text_start"] and not r["text_end"], r
        assert re.fullmatch(r"(|\d{4})", r["year"]), r
        if r["doc_type"] == "project_report":
            assert r["year"] == "", r


@pytest.mark.parametrize("name", FILES)
def test_record_count_and_order(name):
    rows = [r for r in ROWS if r["file"] == name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert 3 <= len(rows) <= 8
    assert len(parse(name)) == len(rows)


@pytest.mark.parametrize("name", FILES)
def test_text_start_and_end_occur(name):
    hay = tokens(raw_text(name))
    for r in ROWS:
        if r["file"] == name and r["expect"] == "imported":
            assert contains_words(hay, tokens(r["text_start"])), r["text_start"]
            assert contains_words(hay, tokens(r["text_end"])), r["text_end"]


@pytest.mark.parametrize("name", FILES)
def test_encoding_as_the_tool_writes_it(name):
    kind, enc, _, _ = FORMATS[name]
    data = (HERE / name).read_bytes()
    if kind == "xlsx":
        assert data[:2] == b"PK"
        return
    assert data.startswith(b"\xef\xbb\xbf") == (enc == "utf-8-sig")
    data.decode(enc)
    if enc == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


@pytest.mark.parametrize("name", FILES)
def test_no_email_and_no_unmarked_person(name):
    text = raw_text(name)
    for m in EMAIL.findall(text):
        assert m == "[email protected]", m
    fields = FORMATS[name][3]
    seen = 0
    for rec in parse(name):
        for f in fields:
            for val in rec.get(f, []):
                if not val or val in ORGS:
                    continue
                seen += 1
                if f == "notes":  # Rayyan names each reviewer: {"Name"=>"Decision"}
                    for who in re.findall(r'\{"([^"]+)"=>', val):
                        assert re.search(MARK, who), (name, who)
                    continue
                rest = re.sub(r"[^;]*?" + MARK, "", val)
                rest = re.sub(r"[\W\d_]|\band\b", "", rest)
                assert rest == "", (name, val)
    assert seen > 0
