"""Checks of the lapilli blind export set (its own files only; the importer is never run).

Each export is read with a minimal parser of its own format, and the count of records found
must equal the rows that records.csv gives the file. The labelled text starts and ends must
occur in the decoded file (compared on words, so tags between words do not matter), and every
person in an author field must be marked as invented.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "lapilli"
RECORDS = HERE / "records.csv"
COLUMNS = [
    "file",
    "record",
    "expect",
    "title",
    "year",
    "doc_type",
    "language",
    "text_start",
    "text_end",
    "note",
]
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
# Corporate authors are organisations, not people.
ORGANISATIONS = {
    "Arbeids- og velferdsdirektoratet",
    "Digitaliseringsdirektoratet",
    "Drammen kommune",
}
MARC = "{http://www.loc.gov/MARC21/slim}"


def _rows() -> list[dict[str, str]]:
    with RECORDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _ris(raw: bytes) -> list[list[str]]:
    lines = raw.decode("utf-8").splitlines()
    starts = sum(1 for line in lines if line.startswith("TY  - "))
    ends = sum(1 for line in lines if line.rstrip() == "ER  -")
    assert starts == ends, "every RIS record opens with TY and closes with ER"
    return _ris_records(lines)


def _ris_records(lines: list[str]) -> list[list[str]]:
    records, current = [], None
    for line in lines:
        if line.startswith("TY  - "):
            current = []
        elif line.rstrip() == "ER  -":
            records.append(current)
            current = None
        elif current is not None and line[:2] in ("AU", "A1", "ED"):
            current.append(line[6:])
    return records


def _csv(raw: bytes, encoding: str, delimiter: str, author_col: str) -> list[list[str]]:
    reader = csv.DictReader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delimiter)
    return [[a.strip() for a in re.split(r"[;]", row[author_col]) if a.strip()] for row in reader]


def _marc(raw: bytes) -> list[list[str]]:
    root = ET.fromstring(raw)
    out = []
    for rec in root.findall(f"{MARC}record"):
        names = [
            sf.text or ""
            for df in rec.findall(f"{MARC}datafield")
            if df.get("tag") in ("100", "700")
            for sf in df.findall(f"{MARC}subfield")
            if sf.get("code") == "a"
        ]
        out.append(names)
    return out


def _bibtex(raw: bytes) -> list[list[str]]:
    text = raw.decode("utf-8")
    entries = re.split(r"^@\w+\{", text, flags=re.M)[1:]
    out = []
    for entry in entries:
        m = re.search(r'^author = "(.*)",$', entry, flags=re.M)
        out.append(m.group(1).split(" and ") if m else [])
    return out


def _json(raw: bytes) -> object:
    return json.loads(raw.decode("utf-8"))


def _cristin(raw: bytes) -> list[list[str]]:
    return [
        [f"{p['first_name']} {p['surname']}" for p in r.get("participants", [])] for r in _json(raw)
    ]


def _nva(raw: bytes) -> list[list[str]]:
    return [
        [c["identity"]["name"] for c in h["entityDescription"]["contributors"]]
        for h in _json(raw)["hits"]
    ]


def _eprints(raw: bytes) -> list[list[str]]:
    return [[c["name"]["family"] for c in r.get("creators", [])] for r in _json(raw)]


def _core(raw: bytes) -> list[list[str]]:
    return [[a["name"] for a in r["authors"]] for r in _json(raw)["results"]]


def _base(raw: bytes) -> list[list[str]]:
    root = ET.fromstring(raw)
    out = []
    for doc in root.iter("doc"):
        names = [
            s.text or ""
            for arr in doc.findall("arr")
            if arr.get("name") == "dccreator"
            for s in arr
        ]
        out.append(names)
    return out


def _zotero(raw: bytes) -> list[list[str]]:
    return [
        [p.get("family") or p.get("literal", "") for p in r.get("author", []) + r.get("editor", [])]
        for r in _json(raw)
    ]


def _xlsx_rows(path: Path) -> list[dict[str, object]]:
    ws = load_workbook(path, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Prosjektnummer")
    header = rows[head]
    return [
        dict(zip(header, r, strict=False))
        for r in rows[head + 1 :]
        if any(v is not None for v in r)
    ]


def _prosjektbanken(path: Path) -> list[list[str]]:
    return [[str(r["Prosjektleder"])] for r in _xlsx_rows(path)]


PARSERS = {
    "export.ris": _ris,
    "research-output.ris": _ris,
    "primo_export.csv": lambda raw: _csv(raw, "utf-8-sig", ",", "Author"),
    "swepub_export.csv": lambda raw: _csv(raw, "utf-8", ",", "Creators"),
    "BIBLIOGRAPHIC_0000000000000_1.xml": _marc,
    "research-output.bib": _bibtex,
    "projects.json": _cristin,
    "resources.json": _nva,
    "export_oro_JSON.js": _eprints,
    "core_search_works.json": _core,
    "base_search_results.xml": _base,
    "My Library.json": _zotero,
}
XLSX = {"Prosjektbanken.xlsx": _prosjektbanken}


def _strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def _decoded(name: str) -> str:
    path = HERE / name
    if name.endswith(".xlsx"):
        ws = load_workbook(path, read_only=True).active
        text = "\n".join(
            str(v) for r in ws.iter_rows(values_only=True) for v in r if isinstance(v, str)
        )
    else:
        text = path.read_bytes().decode("utf-8-sig")
        if name.endswith((".json", ".js")):
            text = "\n".join(_strings(json.loads(text)))
        elif name.endswith(".xml"):
            text = html.unescape(text)
    return re.sub(r"<[^>]+>", " ", text)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _records_of(name: str) -> list[list[str]]:
    if name in XLSX:
        return XLSX[name](HERE / name)
    return PARSERS[name]((HERE / name).read_bytes())


FILES = sorted(set(PARSERS) | set(XLSX))


def test_records_csv_shape_and_crlf():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > 0, "records.csv must use CRLF line ends"
    rows = _rows()
    assert list(rows[0].keys()) == COLUMNS
    for r in rows:
        assert r["expect"] in ("imported", "skipped"), r
        assert r["doc_type"] in (
            "abstract",
            "project_report",
            "policy_document",
            "event_programme",
            "other",
            "",
        ), r
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r
        if r["expect"] == "imported":
            assert r["language"] in ("en", "nb", "nn", "da", "sv"), r
            assert 6 <= len(r["text_start"].split()) <= 10, r
            assert 4 <= len(r["text_end"].split()) <= 8, r
        else:
            assert r["text_start"] == r["text_end"] == "" and r["note"], r


def test_every_file_listed_and_present():
    listed = {r["file"] for r in _rows()}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert listed == set(FILES), "every export needs a parser in this test"
    assert 12 <= len(listed) <= 14


@pytest.mark.parametrize("name", FILES)
def test_record_count_and_numbering(name):
    rows = [r for r in _rows() if r["file"] == name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert len(_records_of(name)) == len(rows)
    assert 3 <= len(rows) <= 8


@pytest.mark.parametrize("name", FILES)
def test_text_start_and_end_occur_in_file(name):
    words = _words(_decoded(name))
    for r in _rows():
        if r["file"] != name or r["expect"] != "imported":
            continue
        for key in ("text_start", "text_end"):
            assert _words(r[key]) in words, (name, r["record"], key, r[key])


@pytest.mark.parametrize("name", FILES)
def test_people_are_marked_and_identifiers_zero_filled(name):
    for authors in _records_of(name):
        for a in authors:
            assert a in ORGANISATIONS or any(m in a for m in MARKERS), (name, a)
    text = _decoded(name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", text), f"e-mail address in {name}"
    for orcid in re.findall(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b", text):
        assert set(orcid) <= {"0", "-"}, (name, orcid)
    for doi in re.findall(r"\b10\.\d{4,9}/", text):
        assert doi == "10.0000/", (name, doi)


def test_format_details():
    assert (HERE / "primo_export.csv").read_bytes().startswith(b'\xef\xbb\xbf"Title","Author"')
    ris = (HERE / "export.ris").read_bytes()
    assert ris.count(b"\n") == ris.count(b"\r\n")
    assert b"\r" not in (HERE / "research-output.ris").read_bytes()
    assert b"\n<record>" not in (HERE / "BIBLIOGRAPHIC_0000000000000_1.xml").read_bytes()
    assert (HERE / "My Library.json").read_bytes().startswith(b'[\n\t{\n\t\t"id"')
