"""Checks of the obsidian blind export set: its own files only, never the importer.

Each export is counted by a minimal parser of its format, written here for this set,
and records.csv is checked against those counts and against the raw text.
"""

import csv
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

FOLDER = Path(__file__).parent / "fixtures" / "exports_blind" / "obsidian"
RECORDS = FOLDER / "records.csv"
ENCODING = {"My EndNote Library.txt": "cp1252"}
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
ORGANISATIONS = {
    "Arbeids- og velferdsdirektoratet",
    "Department for Work and Pensions",
    "Styrelsen for Arbejdsmarked og Rekruttering",
}
RDF_Z = "{http://www.zotero.org/namespaces/export#}"
BIB_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}"
DOC_TYPES = {"abstract", "project_report", "policy_document", "event_programme", "other"}
LANGUAGES = {"en", "nb", "nn", "da", "sv"}


def read_rows():
    with RECORDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def decoded(name):
    return (FOLDER / name).read_bytes().decode(ENCODING.get(name, "utf-8-sig"))


def csv_rows(name):
    return list(csv.DictReader(decoded(name).splitlines(keepends=True), delimiter=","))


def front_matter(name):
    text = decoded(name)
    assert text.startswith("---\n"), name
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


def count_records(name):
    """Number of records a minimal parser of the file's format finds."""
    text = decoded(name)
    if name.endswith(".ris"):
        starts = len(re.findall(r"^TY  - ", text, re.M))
        assert starts == len(re.findall(r"^ER  - ", text, re.M)), "TY and ER lines do not pair"
        return starts
    if name.endswith(".bib"):
        return len(re.findall(r"^@\w+\{", text, re.M))
    if name.endswith(".rdf"):
        root = ET.fromstring(text)
        kinds = [el.findtext(RDF_Z + "itemType") for el in root]
        return sum(1 for kind in kinds if kind and kind not in ("attachment", "note"))
    if name == "Sources.xml":
        return len(ET.fromstring(text).findall(BIB_NS + "Source"))
    if name.endswith(".csv"):
        return len(csv_rows(name))
    if name.endswith(".md"):
        return 1 if front_matter(name).get("title") else 0
    if text.startswith("%0 "):
        return len(re.findall(r"^%0 ", text, re.M))
    if text.startswith("RT "):
        return len(re.findall(r"^RT ", text, re.M))
    raise AssertionError(f"no parser for {name}")


def author_names(name):
    """Every person or organisation named as an author in the file."""
    text = decoded(name)
    if name.endswith(".ris"):
        return re.findall(r"^AU  - (.+)$", text, re.M)
    if name.endswith(".bib"):
        found = re.findall(r"^\tauthor = \{(.+)\},$", text, re.M)
        return [part for value in found for part in value.split(" and ")]
    if name.endswith(".rdf"):
        return re.findall(r"<foaf:surname>(.+?)</foaf:surname>", text)
    if name == "Sources.xml":
        return re.findall(r"<b:(?:Last|Corporate)>(.+?)</b:", text)
    if name == "Exported Items.csv":
        return [part for row in csv_rows(name) for part in row["Author"].split("; ")]
    if name.startswith("Paperpile"):
        return [part for row in csv_rows(name) for part in re.split(r",(?=\S)", row["Authors"])]
    if name == "PoPCites.csv":
        return [part for row in csv_rows(name) for part in row["Authors"].split(", ")]
    if name.endswith(".md"):
        return front_matter(name)["authors"]
    if text.startswith("%0 "):
        return re.findall(r"^%A (.+)$", text, re.M)
    if text.startswith("RT "):
        return re.findall(r"^A1 (.+)$", text, re.M)
    raise AssertionError(f"no author parser for {name}")


def words(text):
    return " " + " ".join(re.findall(r"\w+", html.unescape(text).lower())) + " "


def export_files():
    return sorted(
        str(path.relative_to(FOLDER))
        for path in FOLDER.rglob("*")
        if path.is_file() and path.name not in ("records.csv", "README.md")
    )


ROWS = read_rows()
FILES = sorted({row["file"] for row in ROWS})


def test_records_csv_has_crlf_line_ends():
    data = RECORDS.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > len(ROWS)


def test_every_listed_file_exists_and_every_file_is_listed():
    assert FILES == export_files()
    assert 12 <= len(FILES) <= 14


@pytest.mark.parametrize("name", FILES)
def test_record_count_matches_parser(name):
    rows = [row for row in ROWS if row["file"] == name]
    assert [int(row["record"]) for row in rows] == list(range(1, len(rows) + 1))
    assert count_records(name) == len(rows)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['file']}#{r['record']}")
def test_row_is_consistent_and_its_text_is_in_the_file(row):
    assert row["expect"] in ("imported", "skipped")
    assert row["doc_type"] in DOC_TYPES
    assert row["year"] == "" or re.fullmatch(r"(19|20)\d\d", row["year"])
    assert row["title"] and words(row["title"]).strip()
    if row["expect"] == "skipped":
        assert row["note"], "a skipped record needs its reason"
        assert row["text_start"] == row["text_end"] == "" == row["language"]
        return
    assert row["language"] in LANGUAGES
    assert 6 <= len(row["text_start"].split()) <= 10
    assert 4 <= len(row["text_end"].split()) <= 8
    raw = words(decoded(row["file"]))
    assert words(row["text_start"]) in raw
    assert words(row["text_end"]) in raw


@pytest.mark.parametrize("name", FILES)
def test_no_mail_address_or_unmarked_person(name):
    text = decoded(name)
    assert not re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text.replace("[email protected]", ""))
    names = author_names(name)
    assert names, f"no authors found in {name}"
    for person in (n.strip() for n in names):
        assert person in ORGANISATIONS or any(mark in person for mark in MARKERS), person
