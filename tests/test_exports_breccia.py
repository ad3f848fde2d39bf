"""Checks of the blind export set breccia: its own files only, no import.

Each export is read with a small parser of its own format; the number of records found must
equal the rows of records.csv, every text_start and text_end must occur in the decoded file
(compared on words, tags ignored), and every person field must carry an "invented" marker.
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "breccia"
RECORDS = HERE / "records.csv"
MARKERS = ("(invented)", "(påhittad)", "(opdigtet)", "(oppdiktet)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

# Keys (JSON) and columns (CSV, Excel) that hold a person's name.
PERSON_KEYS = {
    "first_name",
    "surname",
    "name",
    "firstName",
    "lastName",
    "fullName",
    "authorsText",
    "authorFirstNames",
    "authorLastName",
    "fundingGroupPersonFirstNames",
    "fundingGroupPersonLastName",
}
PERSON_COLS = {"Forfattere", "Projektledare", "Project leader", "Authors"}
# Parents under which a "name" key is a person's name (not a journal's or an event's).
PERSON_PARENTS = {"identity", "personAssociations"}
# Organisations that stand in an author column as authors.
CORPORATE = {"Nordic Welfare Centre (editor)"}


def rows():
    return list(csv.DictReader(io.StringIO(RECORDS.read_text(encoding="utf-8"), newline="")))


def by_file():
    table = rows()
    return {
        f: [r for r in table if r["file"] == f] for f in dict.fromkeys(r["file"] for r in table)
    }


def read_csv(path, delimiter, encoding):
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def walk(obj, parent=""):
    """Yield (key, parent key, value) for every string in a JSON tree."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str):
                yield k, parent, v
            else:
                yield from walk(v, k)
    elif isinstance(obj, list):
        for v in obj:
            yield from walk(v, parent)


def json_records(name):
    data = json.loads((HERE / name).read_bytes().decode("utf-8"))
    if name in ("results.json", "cristin_projects.json", "swecris_projects.json"):
        return data  # Cristin and SweCRIS answer with a bare array
    if name == "resources.json":
        return data["hits"]  # NVA search
    if name.startswith("researchfi_"):
        return [h["_source"] for h in data["hits"]["hits"]]  # Elasticsearch answer
    if name == "research-outputs.json":
        return data["items"]  # Pure web service
    raise AssertionError(name)


def xlsx_records(name):
    sheet = load_workbook(HERE / name, read_only=True)["Projects"]
    found, header = [], None
    for line in sheet.iter_rows(values_only=True):
        if header is None:
            # banner lines come before the header row
            header = line if line and line[0] == "Project number" else None
        elif any(c is not None for c in line):
            found.append(dict(zip(header, line, strict=False)))
    return found


def ris_records(name):
    text = (HERE / name).read_bytes().decode("utf-8")
    starts = re.findall(r"^TY  - ", text, flags=re.M)
    ends = re.findall(r"^ER  - ", text, flags=re.M)
    assert len(starts) == len(ends)
    return [block for block in re.split(r"^ER  - .*$", text, flags=re.M) if "TY  - " in block]


CSV_FORMATS = {
    "forskningsportal_export.csv": (";", "utf-8-sig"),
    "swecris_export.csv": (";", "utf-8-sig"),
    "norden_publications.csv": (",", "cp1252"),
}


def records_of(name):
    if name in CSV_FORMATS:
        return read_csv(HERE / name, *CSV_FORMATS[name])
    if name.endswith(".json"):
        return json_records(name)
    if name.endswith(".xlsx"):
        return xlsx_records(name)
    if name.endswith(".ris"):
        return ris_records(name)
    raise AssertionError(f"no parser for {name}")


def decoded_text(name):
    """The file's text after decoding its format: strings, cells, lines."""
    if name in CSV_FORMATS:
        return "\n".join(v or "" for r in records_of(name) for v in r.values())
    if name.endswith(".json"):
        data = json.loads((HERE / name).read_bytes().decode("utf-8"))
        return "\n".join(v for _, _, v in walk(data))
    if name.endswith(".xlsx"):
        return "\n".join(str(v) for r in records_of(name) for v in r.values() if v is not None)
    return (HERE / name).read_bytes().decode("utf-8")


def words(text):
    return re.sub(r"<[^>]+>", " ", text).split()


def contains_words(haystack, needle):
    h, n = words(haystack), words(needle)
    return any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


FILES = sorted(by_file())


def test_records_csv_is_crlf_and_complete():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 40
    listed = set(FILES)
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert 12 <= len(listed) <= 14


@pytest.mark.parametrize("name", FILES)
def test_record_count_and_numbering(name):
    expected = by_file()[name]
    assert [int(r["record"]) for r in expected] == list(range(1, len(expected) + 1))
    assert 3 <= len(expected) <= 8
    assert len(records_of(name)) == len(expected)


@pytest.mark.parametrize("name", FILES)
def test_text_start_and_end_occur(name):
    text = decoded_text(name)
    for r in by_file()[name]:
        if r["expect"] == "skipped":
            assert r["text_start"] == r["text_end"] == "", r
            assert r["note"], r
            continue
        assert r["expect"] == "imported", r
        assert 6 <= len(r["text_start"].split()) <= 10, r
        assert 4 <= len(r["text_end"].split()) <= 8, r
        assert contains_words(text, r["text_start"]), (name, r["record"], r["text_start"])
        assert contains_words(text, r["text_end"]), (name, r["record"], r["text_end"])
        assert contains_words(text, r["title"]), (name, r["record"], r["title"])


@pytest.mark.parametrize("name", FILES)
def test_no_email_and_every_person_marked(name):
    text = decoded_text(name)
    assert not [m for m in EMAIL.findall(text) if m != "[email protected]"]
    people = []
    if name.endswith(".json"):
        data = json.loads((HERE / name).read_bytes().decode("utf-8"))
        for key, parent, value in walk(data):
            if key == "name" and parent not in PERSON_PARENTS:
                continue
            if key in PERSON_KEYS:
                people.append(value)
    elif name.endswith(".ris"):
        people = re.findall(r"^AU  - (.*)$", text, flags=re.M)
    else:
        people = [str(r[c]) for r in records_of(name) for c in PERSON_COLS if r.get(c)]
    assert people, f"{name}: no person field found"
    for value in people:
        split = name.endswith(("csv", "xlsx"))
        for person in re.split(r"[;,](?![^()]*\))\s*(?=\S)", value) if split else [value]:
            assert person in CORPORATE or any(m in person for m in MARKERS), (name, person)


def test_types_and_languages_are_the_codebook_s():
    for r in rows():
        assert r["doc_type"] in {"abstract", "project_report", "policy_document", ""}, r
        assert r["language"] in {"en", "nb", "nn", "da", "sv", ""}, r
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r
        if r["expect"] == "imported":
            assert r["language"], r
