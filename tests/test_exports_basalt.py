"""Checks of the blind export set `tests/fixtures/exports_blind/basalt` on its own files.

No import is run here: each file is read with a small parser of its own format and compared
with `records.csv` (record counts, text anchors, no personal data).
"""

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "basalt"
RECORDS = HERE / "records.csv"

# file name -> (how to count its records, encoding)
FORMATS = {
    "export.csv": ("csv,", "utf-8"),
    "export.xml": ("xml:mods", "utf-8"),
    "brage_oai_ListRecords.xml": ("xml:record", "utf-8"),
    "duo_oai_ListRecords.xml": ("xml:record", "utf-8"),
    "Primo_RIS_Export.ris": ("ris", "utf-8"),
    "forskningsportal_export_ddf_mxd.xml": ("xml:ddf_doc", "utf-8"),
    "swepub-export.json": ("json:hits", "utf-8"),
    "research_fi_funding_decisions.csv": ("csv;", "utf-8-sig"),
    "records.json": ("json:hits.hits", "utf-8"),
    "zenodo_oai_datacite.xml": ("xml:record", "utf-8"),
    "works.bib": ("bib", "utf-8"),
    "research-outputs.xml": ("xml:items/*", "utf-8"),
    "EThOS_export.csv": ("csv,", "cp1252"),
    "prosjektbanken_eksport.xlsx": ("xlsx:Prosjektnummer", None),
}

# every invented person in the set; each mention must carry "(invented)" nearby
SURNAMES = ["Lindqvist", "Berglund", "Rasmussen", "Østby", "Haugen", "Sørbø", "S{\\o}rb{\\o}",
            "Nygaard", "Pemberton", "Virtanen", "Korhonen", "Kjærgaard", "Whitfield"]


def rows():
    with RECORDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def sheet_rows(name):
    """The first sheet's rows below the header row (banner rows above it are not records)."""
    header = FORMATS[name][0].split(":", 1)[1]
    sheet = load_workbook(HERE / name, read_only=True).worksheets[0]
    cells = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(cells) if row and row[0] == header)
    return [row for row in cells[start + 1:] if any(v not in (None, "") for v in row)]


def decoded(name):
    if name.endswith(".xlsx"):
        book = load_workbook(HERE / name, read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets
                         for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    return (HERE / name).read_bytes().decode(FORMATS[name][1])


def count_records(name):
    how = FORMATS[name][0]
    if how.startswith("xlsx"):
        return len(sheet_rows(name))
    text = decoded(name)
    if how.startswith("csv"):
        return len(list(csv.DictReader(io.StringIO(text, newline=""), delimiter=how[3])))
    if how == "ris":
        ty = len(re.findall(r"^TY  - ", text, re.M))
        er = len(re.findall(r"^ER  - ?\r?$", text, re.M))
        assert ty == er, f"{name}: {ty} TY lines but {er} ER lines"
        return ty
    if how == "bib":
        return len(re.findall(r"^@\w+\{", text, re.M))
    if how.startswith("json:"):
        node = json.loads(text)
        for key in how[5:].split("."):
            node = node[key]
        return len(node)
    root = ET.fromstring(text.encode("utf-8"))
    local = how[4:]
    if local == "items/*":
        items = [e for e in root.iter() if e.tag.split("}")[-1] == "items"]
        return sum(len(list(e)) for e in items)
    return sum(1 for e in root.iter() if e.tag.split("}")[-1] == local)


def words(text):
    """Lower-cased words once entities are undone (twice: HTML kept escaped inside XML) and tags
    dropped, so an anchor matches whatever markup sits between its words."""
    plain = re.sub(r"<[^>]+>", " ", html.unescape(html.unescape(text)))
    return " " + " ".join(re.findall(r"\w+", plain.lower())) + " "


def test_records_csv_is_crlf_throughout():
    lines = RECORDS.read_bytes().split(b"\n")
    assert lines[-1] == b"", "records.csv ends with a line end"
    assert all(line.endswith(b"\r") for line in lines[:-1])
    header = lines[0].rstrip(b"\r").decode("ascii").split(",")
    assert header == ["file", "record", "expect", "title", "year", "doc_type", "language",
                      "text_start", "text_end", "note"]


def test_files_and_records_csv_agree():
    listed = {r["file"] for r in rows()}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert present == set(FORMATS)
    assert 12 <= len(present) <= 14


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_record_count_matches_records_csv(name):
    mine = [r for r in rows() if r["file"] == name]
    assert [int(r["record"]) for r in mine] == list(range(1, len(mine) + 1))
    assert 3 <= len(mine) <= 8
    assert count_records(name) == len(mine)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_text_anchors_occur_in_the_file(name):
    in_file = words(decoded(name))
    for r in rows():
        if r["file"] != name:
            continue
        if r["expect"] == "skipped":
            assert not r["text_start"] and not r["text_end"] and r["note"], r
            continue
        assert r["expect"] == "imported", r
        assert 6 <= len(r["text_start"].split()) <= 10, r["text_start"]
        assert 4 <= len(r["text_end"].split()) <= 8, r["text_end"]
        for anchor in (r["text_start"], r["text_end"]):
            assert words(anchor).strip() and words(anchor) in in_file, (name, anchor)
        assert r["doc_type"] in {"abstract", "project_report", "policy_document"}, r
        assert r["language"] in {"en", "nb", "nn", "da", "sv"}, r


def test_codes_in_records_csv():
    for r in rows():
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r
        if r["doc_type"] == "project_report":
            assert r["year"] == "", "a project's period is not its year"


@pytest.mark.parametrize("name", sorted(FORMATS) + ["records.csv"])
def test_no_email_and_no_unmarked_person(name):
    text = decoded(name) if name in FORMATS else RECORDS.read_text(encoding="utf-8")
    for mail in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text):
        assert mail == "[email protected]", mail
    for surname in SURNAMES:
        for m in re.finditer(re.escape(surname), text):
            window = text[max(0, m.start() - 60):m.end() + 60]
            assert "(invented)" in window, (name, surname, window)
    # ORCID iDs only in their zero-filled form
    for orcid in re.findall(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b", text):
        assert orcid.startswith("0000-0000-0000-000"), orcid
