"""Self-checks of the blind export set tests/fixtures/exports_blind/xenolith.

These tests read only the fixture files themselves (never the importer): each file is
counted by a minimal parser of its own format and compared with records.csv, the labelled
text ends are looked up in the decoded file, and people are checked to be marked invented.
"""

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
import yaml

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "xenolith"

# file -> (parser, encoding, delimiter, author columns)
FORMATS = {
    "overton-export-2026-12-05.csv": ("csv", "utf-8-sig", ",", ["Authors"]),
    "overton-export-2026-12-05.xlsx": ("xlsx", None, None, ["Authors"]),
    "policycommons-citations.ris": ("ris", "utf-8", None, None),
    "policycommons-export.csv": ("csv", "utf-8", ",", ["Authors"]),
    "apo-citation-export.ris": ("ris", "utf-8", None, None),
    "cl2-citations.ris": ("ris", "utf-8", None, None),
    "EPPI-Reviewer_tab_export.txt": ("csv", "utf-8-sig", "\t", ["Authors", "ParentAuthors"]),
    "NICE Evidence Search results.csv": ("csv", "cp1252", ",", []),
    "Exported Items.json": ("json", "utf-8", None, None),
    "references.yaml": ("yaml", "utf-8", None, None),
    "nordicwelfare-publikationer.csv": ("csv", "utf-8-sig", ";", []),
    "My Library.csv": ("csv", "utf-8-sig", ",", ["Author", "Editor", "Contributor"]),
}
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
TYPES = {"project_report", "policy_document", "abstract", "event_programme", "other"}
LANGS = {"en", "nb", "nn", "da", "sv"}


def _records():
    with open(HERE / "records.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


RECORDS = _records()


def _rows(name):
    return [r for r in RECORDS if r["file"] == name]


def parse(name):
    """Return (records as dicts or lists, decoded text, author strings) for one file."""
    kind, enc, delim, cols = FORMATS[name]
    path = HERE / name
    if kind == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        head, body = rows[0], rows[1:]
        recs = [dict(zip(head, r, strict=True)) for r in body]
        text = "\n".join(" ".join("" if v is None else str(v) for v in r) for r in rows)
        authors = [a for r in recs for c in cols for a in (r.get(c) or "").split(";")]
        return recs, text, authors
    text = path.read_bytes().decode(enc)
    if kind == "csv":
        recs = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delim))
        authors = [a for r in recs for c in cols for a in (r.get(c) or "").split(";")]
        return recs, text, authors
    if kind == "ris":
        starts = [ln for ln in text.splitlines() if ln.startswith("TY  - ")]
        ends = [ln for ln in text.splitlines() if ln.startswith("ER  -")]
        assert len(starts) == len(ends), f"{name}: TY and ER lines do not pair"
        authors = [ln[6:] for ln in text.splitlines() if re.match(r"A[U12]  - ", ln)]
        return starts, text, authors
    if kind == "json":
        recs = json.loads(text)
        authors = [_person(a) for r in recs for a in r.get("author", [])]
        return recs, text, authors
    if kind == "yaml":
        recs = yaml.safe_load(text)["references"]
        authors = [_person(a) for r in recs for a in r.get("author", [])]
        return recs, text, authors
    raise AssertionError(kind)


def _person(a):
    return a.get("family", "") + ", " + a.get("given", "")


def _words(s):
    s = re.sub(r"<[^>]+>", " ", s)
    return " ".join(s.split())


def test_folder_and_records_csv_agree():
    listed = {r["file"] for r in RECORDS}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert set(FORMATS) == present
    assert 12 <= len(present) <= 14


def test_records_csv_is_crlf_utf8():
    raw = (HERE / "records.csv").read_bytes()
    raw.decode("utf-8")
    assert raw.count(b"\n") == raw.count(b"\r\n") > len(RECORDS)
    assert list(RECORDS[0]) == ["file", "record", "expect", "title", "year", "doc_type", "language",
                                "text_start", "text_end", "note"]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_record_count_matches(name):
    recs, _, _ = parse(name)
    rows = _rows(name)
    assert len(recs) == len(rows), name
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert 3 <= len(rows) <= 8


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_labels_are_well_formed_and_found(name):
    _, text, _ = parse(name)
    flat = _words(text)
    for r in _rows(name):
        assert r["title"] and r["title"] in text, (name, r["title"])
        assert not r["year"] or re.fullmatch(r"(19|20)\d\d", r["year"])
        if r["expect"] == "skipped":
            assert not (r["doc_type"] or r["language"] or r["text_start"] or r["text_end"])
            assert r["note"], "a skipped record says why"
            continue
        assert r["expect"] == "imported"
        assert r["doc_type"] in TYPES and r["language"] in LANGS
        start, end = _words(r["text_start"]), _words(r["text_end"])
        assert 6 <= len(start.split()) <= 10 and 4 <= len(end.split()) <= 8
        assert start in flat, (name, start)
        assert end in flat, (name, end)
        assert flat.index(start) < flat.rindex(end)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_email_or_unmarked_person(name):
    _, text, authors = parse(name)
    for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
        pytest.fail(f"{name}: e-mail address {m}")
    for orcid in re.findall(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b", text):
        assert orcid == "0000-0000-0000-0000", orcid
    for a in authors:
        a = a.strip()
        if a:
            assert a.endswith(MARKERS), f"{name}: unmarked person {a!r}"
