"""Checks of corrie's blind set of funder and register exports (files only, no import).

The set lives in tests/fixtures/exports_blind/corrie/. Each export is parsed here with a
minimal reader of its own format, and its record count must match records.csv; the
expected text starts and ends must occur in the decoded file; names must be marked as
invented and no e-mail address may appear.
"""

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "corrie"
RECORDS = HERE / "records.csv"
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")

# file -> how to read it: kind, delimiter, encoding, leading bytes, line end,
# sheet and header row (xlsx), columns that hold person names
FORMATS = {
    "prosjektbanken.xlsx": dict(kind="xlsx", sheet="Prosjekter", header=1,
                                names=["Prosjektleder"]),
    "project.csv": dict(kind="csv", delim=";", enc="utf-8", lead=b'"id";"acronym"',
                        eol=b"\n", names=[]),
    "project.xlsx": dict(kind="xlsx", sheet="project", header=1, names=[]),
    "projectsearch-1764930000000.csv": dict(kind="csv", delim=",", enc="utf-8",
                                            lead=b'"FundingOrgName"', eol=b"\r\n",
                                            names=["PISurname", "PIFirstName",
                                                   "StudentSurname", "StudentFirstName"]),
    "projects.json": dict(kind="json", names=[]),
    "swecris_export.csv": dict(kind="csv", delim=";", enc="utf-8-sig",
                               lead=b"\xef\xbb\xbfProjektId;", eol=b"\r\n",
                               names=["Projektledare"]),
    "dff_bevillinger_2023.csv": dict(kind="csv", delim=";", enc="cp1252",
                                     lead="Bevillingsår;".encode("cp1252"), eol=b"\r\n",
                                     names=["Bevillingsmodtager"]),
    "nordforsk_projects.csv": dict(kind="csv", delim=",", enc="utf-8",
                                   lead=b"Project number,", eol=b"\n",
                                   names=["Project leader"]),
    "SearchResult_Export_05Dec2026_103912.csv": dict(
        kind="csv", delim=",", enc="utf-8", lead=b'"Title","Contact PI', eol=b"\r\n",
        names=["Contact PI / Project Leader", "Other PI or Project Leader(s)"]),
    "Fornyingsmidler_tildelinger_2024.xlsx": dict(kind="xlsx", sheet="Tildelinger 2024",
                                                  header=4, names=["Kontaktperson"]),
    "vinnova_beviljade_projekt.xlsx": dict(kind="xlsx", sheet="Projekt", header=1,
                                           names=["Projektledare"]),
    "Dam_tildelinger_2023.txt": dict(kind="csv", delim="\t", enc="utf-16",
                                     lead=b"\xff\xfe", eol="\r\n".encode("utf-16-le"),
                                     names=["Prosjektleder"]),
}


def load_records():
    with RECORDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_table(name):
    """Header and records of one export, as lists of strings."""
    spec = FORMATS[name]
    path = HERE / name
    if spec["kind"] == "csv":
        text = path.read_bytes().decode(spec["enc"])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=spec["delim"]))
        return rows[0], rows[1:]
    if spec["kind"] == "xlsx":
        ws = openpyxl.load_workbook(path, read_only=True)[spec["sheet"]]
        rows = [["" if v is None else str(v) for v in row]
                for row in ws.iter_rows(values_only=True)]
        header = rows[spec["header"] - 1]
        body = []
        for row in rows[spec["header"]:]:
            if not any(row):  # a blank row ends the table (a sum row may follow)
                break
            body.append(row)
        return header, body
    doc = json.loads(path.read_text(encoding="utf-8"))
    return None, doc["project"]


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def haystack(name):
    """All text of a file after decoding, as one string."""
    spec = FORMATS[name]
    path = HERE / name
    if spec["kind"] == "csv":
        return path.read_bytes().decode(spec["enc"])
    if spec["kind"] == "xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None)
    return "\n".join(strings(json.loads(path.read_text(encoding="utf-8"))))


def words(text):
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_records_csv_has_crlf_and_columns():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 40
    assert raw.split(b"\r\n")[0] == (b"file,record,expect,title,year,doc_type,language,"
                                     b"text_start,text_end,note")


def test_files_and_records_csv_agree():
    listed = {r["file"] for r in load_records()}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present == set(FORMATS)
    assert 12 <= len(present) <= 14


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_bytes_as_the_tool_writes_them(name):
    spec = FORMATS[name]
    raw = (HERE / name).read_bytes()
    if spec["kind"] == "csv":
        assert raw.startswith(spec["lead"])
        assert spec["eol"] in raw
        if spec["eol"] == b"\n":
            assert b"\r\n" not in raw
    if name == "dff_bevillinger_2023.csv":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_record_count_and_numbering(name):
    _, body = read_table(name)
    rows = [r for r in load_records() if r["file"] == name]
    assert len(body) == len(rows) >= 3
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_text_start_and_end_occur(name):
    hay = words(haystack(name))
    for r in load_records():
        if r["file"] != name:
            continue
        if r["expect"] == "imported":
            assert 6 <= len(r["text_start"].split()) <= 10
            assert 4 <= len(r["text_end"].split()) <= 8
            assert words(r["text_start"]) in hay, (r["record"], r["text_start"])
            assert words(r["text_end"]) in hay, (r["record"], r["text_end"])
            assert r["doc_type"] in {"abstract", "project_report", "policy_document"}
            assert r["language"] in {"en", "nb", "nn", "da", "sv"}
        else:
            assert r["expect"] == "skipped" and not r["text_start"] and r["note"]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_email_and_names_marked(name):
    assert not EMAIL.search(haystack(name))
    header, body = read_table(name)
    for col in FORMATS[name]["names"]:
        i = header.index(col)
        for row in body:
            if row[i]:
                assert any(m in row[i] for m in MARKERS), (col, row[i])


def test_titles_occur_in_their_files():
    for r in load_records():
        assert words(r["title"]) in words(haystack(r["file"])), r["title"]
