"""Checks of the blind export set dacite (case-law, appeal-board and ombudsman exports).

These tests read only the fixture files themselves: each file is counted with a minimal
parser of its own format and compared with records.csv. Nothing here runs the importer.
"""

import csv
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "dacite"
RECORDS = HERE / "records.csv"
OWN_FILES = {"records.csv", "README.md"}

# encoding and delimiter of each delimited file, as the tool writes it
DELIMITED = dict(
    (name, (encoding, delimiter))
    for name, encoding, delimiter in [
        ("treffliste.csv", "utf-8-sig", ";"),
        ("Principmeddelelser_eksport.csv", "cp1252", ";"),
        ("search-results.csv", "utf-8-sig", ","),
        ("JO_beslut_export.txt", "utf-16", "\t"),
    ]
)
# where the list of records sits in each JSON export
JSON_LISTS = {
    "principmeddelelser.json": lambda d: d["items"],
    "uttalelser.json": lambda d: d,
    "rattspraxis-sok.json": lambda d: d["resultatLista"],
    "search.json": lambda d: d["results"],
    "hudoc-results.json": lambda d: d["results"],
}
ATOM = "{http://www.w3.org/2005/Atom}"

# every invented person named in the set; each mention must carry a marker
INVENTED_PEOPLE = ["Nordmann"]
MARKERS = ("(invented)", "(oppdiktet)", "(opdigtet)", "(påhittad)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def load_records():
    with open(RECORDS, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def rows_by_file():
    """records.csv grouped by file, in the order of first mention."""
    files = list(dict.fromkeys(row["file"] for row in load_records()))
    return {f: [row for row in load_records() if row["file"] == f] for f in files}


def count_records(path):
    """Number of records in an export, by a minimal parser of its format."""
    name = path.name
    if name in DELIMITED:
        encoding, delimiter = DELIMITED[name]
        with open(path, encoding=encoding, newline="") as fh:
            rows = list(csv.reader(fh, delimiter=delimiter))
        return len([r for r in rows[1:] if any(cell.strip() for cell in r)])
    if name.endswith(".xlsx"):
        ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r and r[0] == "Dokument")
        return len([r for r in rows[header + 1 :] if r and r[0]])
    if name in JSON_LISTS:
        return len(JSON_LISTS[name](json.loads(path.read_text(encoding="utf-8"))))
    if name.endswith(".rss"):
        return len(ET.parse(path).getroot().findall("./channel/item"))
    if name == "atom.xml":
        return len(ET.parse(path).getroot().findall(ATOM + "entry"))
    raise AssertionError(f"no parser for {name}")


def decoded(path):
    """The file's text after decoding (cells of a workbook joined)."""
    name = path.name
    if name in DELIMITED:
        return path.read_bytes().decode(DELIMITED[name][0])
    if name.endswith(".xlsx"):
        ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        cells = [str(c) for r in ws.iter_rows(values_only=True) for c in r if c is not None]
        return "\n".join(cells)
    return path.read_text(encoding="utf-8")


def words_of(text):
    """Words of a raw text: escapes undone, tags dropped, whitespace folded."""
    text = text.replace("\\n", " ")
    text = html.unescape(text)  # escaped markup in RSS descriptions
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("\xa0", " ")
    return " ".join(text.split())


def test_records_csv_has_crlf_line_ends():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\r\n") >= len(load_records()) + 1
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_files_in_folder_match_records_csv():
    listed = set(rows_by_file())
    present = {p.name for p in HERE.iterdir()} - OWN_FILES
    assert listed == present
    assert 12 <= len(listed) <= 14


@pytest.mark.parametrize("name", sorted(rows_by_file()))
def test_record_count_and_numbering(name):
    rows = rows_by_file()[name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert 3 <= len(rows) <= 8
    assert count_records(HERE / name) == len(rows)


def test_labels_are_well_formed():
    for row in load_records():
        assert row["expect"] in {"imported", "skipped"}
        assert row["doc_type"] in {"abstract", "project_report", "policy_document", "other"}
        assert row["year"] == "" or re.fullmatch(r"(19|20)\d\d", row["year"])
        assert row["note"], row
        if row["expect"] == "imported":
            assert row["language"] in {"en", "nb", "nn", "da", "sv"}
            assert 6 <= len(row["text_start"].split()) <= 10
            assert 4 <= len(row["text_end"].split()) <= 8
        else:
            assert row["text_start"] == row["text_end"] == ""


@pytest.mark.parametrize("name", sorted(rows_by_file()))
def test_text_ends_occur_in_the_file(name):
    text = words_of(decoded(HERE / name))
    for row in rows_by_file()[name]:
        if "no title field" in row["note"]:
            # a title composed from the court and case number: its parts must be there
            parts = [w for w in row["title"].split() if w not in {"mål", "nr"}]
            assert all(w in text for w in parts), row["title"]
        else:
            assert words_of(row["title"]) in text, row["title"]
        for key in ("text_start", "text_end"):
            if row[key]:
                assert " ".join(row[key].split()) in text, (row["record"], row[key])


@pytest.mark.parametrize("name", sorted(rows_by_file()) + ["records.csv"])
def test_no_email_or_unmarked_person(name):
    text = decoded(HERE / name) if name != "records.csv" else RECORDS.read_text("utf-8")
    for address in EMAIL.findall(text):
        assert address == "[email protected]", address
    for person in INVENTED_PEOPLE:
        for m in re.finditer(re.escape(person), text):
            after = text[m.end() : m.end() + 14]
            assert after.lstrip().startswith(MARKERS), (person, after)


def test_encodings_as_the_tools_write_them():
    assert (HERE / "treffliste.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (HERE / "JO_beslut_export.txt").read_bytes().startswith(b"\xff\xfe")
    raw = (HERE / "Principmeddelelser_eksport.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Gældende" in raw.decode("cp1252")
    with open(HERE / "udtalelser.rss", "rb") as fh:
        assert b"\r\n" not in fh.read()
