"""Checks of tephra's blind export set on its own files (no import is run).

Each export is read with a small parser of its own format; the records it finds must match
records.csv one to one, and every label must be found in its own record.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "tephra"
NOT_EXPORTS = {"records.csv", "README.md"}
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
# every surname (or placeholder name) the set gives a person; each must carry a marker
SURNAMES = [
    "Fjellstad",
    "Bakkeli",
    "Statsrådsen",
    "Haugland",
    "Lindqvist",
    "Sandström",
    "Berg, Jonas",
    "Lars Berg",
    "Ek",
    "Persson",
    "Example",
    "Placeholder",
    "Testperson",
    "Lord Minister",
    "Minister Sample",
    "Hansen",
    "Moen",
    "Lunde",
    "Strand",
    "Holm",
    "Nyström",
    "Wik",
    "Åberg",
]
CSV_FORMATS = {  # file: (encoding, delimiter)
    "dokumentlista.csv": ("utf-8", ","),
    "written-questions.csv": ("utf-8-sig", ","),
    "search-results.csv": ("utf-8-sig", ","),
    "publikationer.csv": ("cp1252", ";"),
}
PERSON_COLUMNS = {"Asking member", "Answering member", "Författare", "Forfattere"}


def strings(obj):
    """All string values of a JSON value, depth first, as one flat list."""
    if isinstance(obj, str):
        return [obj]
    children = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list) else []
    return [text for child in children for text in strings(child)]


def json_records(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    if "sporsmal_liste" in data:
        items = data["sporsmal_liste"]
    elif "dokumentlista" in data:
        items = data["dokumentlista"]["dokument"]
    elif "odata.metadata" in data:
        items = data["value"]
    else:
        items = data["results"]
    return [" ".join(strings(item)) for item in items]


def xml_records(path):
    root = ET.parse(path).getroot()
    local = root.tag.rsplit("}", 1)[-1]
    if local == "feed":
        items = root.findall("{http://www.w3.org/2005/Atom}entry")
    elif local == "sporsmal_oversikt":
        ns = "{http://data.stortinget.no}"
        items = root.findall(f"{ns}sporsmal_liste/{ns}sporsmal")
    else:
        items = root.findall("dokument")
    return [" ".join(item.itertext()) for item in items]


def csv_rows(path):
    encoding, delimiter = CSV_FORMATS[path.name]
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def xlsx_rows(path):
    sheet = openpyxl.load_workbook(path, read_only=True)["Publikasjoner"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r and r[0] == "Tittel")
    head = rows[at]
    return [
        dict(zip(head, r, strict=False))
        for r in rows[at + 1 :]
        if any(c not in (None, "") for c in r)
    ]


def records_of(path):
    """One string per record of the export, in the file's order."""
    if path.suffix == ".json":
        return json_records(path)
    if path.suffix == ".xml":
        return xml_records(path)
    rows = xlsx_rows(path) if path.suffix == ".xlsx" else csv_rows(path)
    return [" ".join(str(v) for v in row.values() if v is not None) for row in rows]


def decoded(path):
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        return " ".join(
            str(c)
            for ws in book
            for r in ws.iter_rows(values_only=True)
            for c in r
            if c is not None
        )
    if path.suffix == ".json":
        return " ".join(strings(json.loads(path.read_text(encoding="utf-8"))))
    if path.suffix == ".xml":
        return " ".join(ET.parse(path).getroot().itertext())
    encoding = CSV_FORMATS[path.name][0]
    return path.read_bytes().decode(encoding)


def words(text):
    text = re.sub(r"<[^>]+>", " ", text)
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def labels():
    with (HERE / "records.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


LABELS = labels()
FILES = sorted({row["file"] for row in LABELS})


def test_records_csv_is_crlf_with_its_header():
    raw = (HERE / "records.csv").read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") > 1
    assert raw.split(b"\r\n", 1)[0] == (
        b"file,record,expect,title,year,doc_type,language,text_start,text_end,note"
    )


def test_listed_files_and_folder_agree():
    on_disk = {p.name for p in HERE.iterdir()} - NOT_EXPORTS
    assert on_disk == set(FILES)
    assert 12 <= len(FILES) <= 14


@pytest.mark.parametrize("name", FILES)
def test_parser_finds_every_labelled_record(name):
    rows = [r for r in LABELS if r["file"] == name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert 3 <= len(rows) <= 8
    assert len(records_of(HERE / name)) == len(rows)


@pytest.mark.parametrize("name", FILES)
def test_labels_are_found_in_their_own_record(name):
    found = records_of(HERE / name)
    for row in (r for r in LABELS if r["file"] == name):
        record = words(found[int(row["record"]) - 1])
        where = f"{name} record {row['record']}"
        assert row["expect"] in {"imported", "skipped"}, where
        assert row["doc_type"] in {
            "project_report",
            "policy_document",
            "abstract",
            "event_programme",
            "other",
        }, where
        assert row["language"] in {"en", "nb", "nn", "da", "sv"}, where
        assert words(row["title"]) in record, where
        if row["year"]:
            assert re.fullmatch(r"(19|20)\d\d", row["year"]) and row["year"] in record, where
        if row["expect"] == "skipped":
            assert not row["text_start"] and not row["text_end"] and row["note"], where
            continue
        assert 6 <= len(row["text_start"].split()) <= 10, where
        assert 4 <= len(row["text_end"].split()) <= 8, where
        assert words(row["text_start"]) in record, where
        assert words(row["text_end"]) in record, where


def undertitlar(path):
    """Riksdagen's undertitel values: 'av <asker> (<party>)' names a member."""
    if path.suffix == ".csv":
        return [row["undertitel"] for row in csv_rows(path)]
    if path.suffix == ".xml":
        return [e.text or "" for e in ET.parse(path).getroot().iter("undertitel")]
    data = json.loads(path.read_text(encoding="utf-8"))
    return [d["undertitel"] for d in data["dokumentlista"]["dokument"]]


@pytest.mark.parametrize("name", FILES)
def test_no_mail_address_or_unmarked_person(name):
    text = decoded(HERE / name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", text.replace("[email protected]", ""))
    for surname in SURNAMES:
        for hit in re.finditer(rf"\b{re.escape(surname)}\b", text):
            tail = text[hit.end() : hit.end() + 24]
            assert any(m in tail for m in MARKERS), f"{name}: {surname!r} unmarked"
    path = HERE / name
    people = []
    if path.name.startswith("dokumentlista"):
        people = [line.split("\n")[0] for line in undertitlar(path) if line.startswith("av ")]
    elif path.name.startswith("skriftligesporsmal"):
        people = re.findall(r'"?etternavn"?[:>]"?([^"<]+)', path.read_text(encoding="utf-8"))
    elif path.suffix == ".csv" or path.suffix == ".xlsx":
        rows = xlsx_rows(path) if path.suffix == ".xlsx" else csv_rows(path)
        people = [v for row in rows for k, v in row.items() if k in PERSON_COLUMNS and v]
    assert people or path.name in {
        "Sag.json",
        "Dokument.xml",
        "writtenquestions.json",
        "search.json",
        "search-results.csv",
    }
    for value in people:
        for person in re.split(r";|\bm\.fl\.", value):
            person = re.sub(r"\((S|M|V|C|KD|L|MP|SD)\)|m\.fl\.", "", person).strip()
            if person and person != "av":
                assert any(m in person for m in MARKERS), f"{name}: {person!r}"


def test_encodings_are_the_tools():
    raw = {name: (HERE / name).read_bytes() for name in FILES}
    assert raw["written-questions.csv"].startswith(b"\xef\xbb\xbf")
    assert raw["search-results.csv"].startswith(b"\xef\xbb\xbf")
    assert not raw["dokumentlista.csv"].startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        raw["publikationer.csv"].decode("utf-8")
    assert b"\r\n" in raw["publikationer.csv"] and b"\r\n" not in raw["dokumentlista.csv"]
    io.TextIOWrapper(io.BytesIO(raw["Dokument.xml"]), encoding="utf-8").read()
