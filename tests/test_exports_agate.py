"""Checks of the agate blind export set: its own files only, no import is run."""

import csv
import html
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "agate"
RECORDS = HERE / "records.csv"
OWN = {"records.csv", "README.md"}

# file name -> (encoding, delimiter) for the CSV exports
CSV_FORMATS = {
    "citations.csv": ("utf-8", ","),
    "Connected Papers - Citizen panels and the redesign of digital welfare services.csv": (
        "utf-8", ","),
    "Literature 00000000000000000000000000000000.csv": ("utf-8-sig", ","),
    "Papers-Grid view.csv": ("utf-8", ","),
    "screening_round2.csv": ("cp1252", ";"),
}
# surnames of the invented people; each mention must carry a marker close by
INVENTED = ["Haugland", "Berntsen", "Lind", "Solbakken", "Kvale", "Moen", "Holm",
            "Dubois", "Aas", "Strand", "Bakke", "Rud", "Lund", "Vik", "Sand", "Li",
            "Øye", "Berg", "Dahl", "Foss", "Krog", "Nes", "Alm", "Ek"]
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)")


def rows():
    with RECORDS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def decoded(name):
    path = HERE / name
    if name.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, read_only=True)
        cells = [str(c) for ws in wb for r in ws.iter_rows(values_only=True)
                 for c in r if c is not None]
        return "\n".join(cells)
    enc = CSV_FORMATS.get(name, ("utf-8", ","))[0]
    text = path.read_bytes().decode(enc)
    if name.endswith(".json"):
        strings = []

        def walk(v):
            if isinstance(v, str):
                strings.append(v)
            elif isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
        walk(json.loads(text))
        text = "\n".join(strings)
    return text


def words(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.findall(r"\w+", text.lower())


def count_records(name):
    path = HERE / name
    if name in CSV_FORMATS:
        enc, delim = CSV_FORMATS[name]
        data = path.read_bytes().decode(enc)
        return len(list(csv.reader(io.StringIO(data, newline=""), delimiter=delim))) - 1
    if name.endswith(".xlsx"):
        ws = openpyxl.load_workbook(path, read_only=True)["Screening"]
        return sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if any(r))
    text = path.read_text(encoding="utf-8")
    if name == "works.json":
        return len(json.loads(text)["bulk"])
    if name == "figshare_project_000000.json":
        return len(json.loads(text))
    if name == "osf_nodes.json":
        return len(json.loads(text)["data"])
    if name == "hal_search.json":
        return len(json.loads(text)["response"]["docs"])
    if name == "dblp.xml":
        return len(re.findall(r"<hit ", text))
    if name == "ssoar_oai.xml":
        return len(re.findall(r"<record>", text))
    if name.startswith("jwd-"):
        return len(re.findall(r"<journal_article ", text))
    raise AssertionError(f"no parser for {name}")


def test_records_csv_has_crlf_and_header():
    raw = RECORDS.read_bytes()
    assert b"\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert raw.split(b"\r\n")[0] == (
        b"file,record,expect,title,year,doc_type,language,text_start,text_end,note")


def test_files_match_records_csv():
    listed = {r["file"] for r in rows()}
    present = {p.name for p in HERE.iterdir()} - OWN
    assert listed == present
    assert 12 <= len(present) <= 14


@pytest.mark.parametrize("name", sorted({r["file"] for r in rows()}))
def test_record_count_and_order(name):
    mine = [r for r in rows() if r["file"] == name]
    assert [int(r["record"]) for r in mine] == list(range(1, len(mine) + 1))
    assert 3 <= len(mine) <= 8
    assert count_records(name) == len(mine)


@pytest.mark.parametrize("row", rows(), ids=lambda r: f"{r['file'][:20]}#{r['record']}")
def test_labels_and_text_bounds(row):
    assert row["expect"] in {"imported", "skipped"}
    if row["expect"] == "skipped":
        assert not (row["text_start"] or row["text_end"] or row["doc_type"] or row["language"])
        assert row["note"]
        return
    assert row["doc_type"] in {"abstract", "project_report", "policy_document"}
    assert row["language"] in {"en", "nb", "nn", "da", "sv"}
    assert re.fullmatch(r"|\d{4}", row["year"])
    assert 6 <= len(row["text_start"].split()) <= 10
    assert 4 <= len(row["text_end"].split()) <= 8
    body = " ".join(words(decoded(row["file"])))
    for bound in (row["text_start"], row["text_end"]):
        assert " ".join(words(bound)) in body, bound


@pytest.mark.parametrize("name", sorted({r["file"] for r in rows()}))
def test_no_email_or_unmarked_person(name):
    text = decoded(name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
    for surname in INVENTED:
        for m in re.finditer(rf"\b{surname}\b", text):
            near = text[m.end():m.end() + 30]
            assert any(k in near for k in MARKERS), f"{surname} unmarked in {name}"
