"""Self-checks of the cinder blind export set (tests/fixtures/exports_blind/cinder).

These tests read only the fixture files and records.csv; they never run the importer.
Each format is counted by a minimal parser of its own, independent of the project's code.
"""

import csv
import functools
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "cinder"
RECORDS = HERE / "records.csv"
MARK = "(invented)"
FIELDS = "file record expect title year doc_type language text_start text_end note".split()
ATOM = "{http://www.w3.org/2005/Atom}"

# where each JSON export keeps its list of records
JSON_LISTS = {
    "preprints.json": ("data",),
    "paper_search.json": ("data",),
    "works.json": ("message", "items"),
    "europepmc.json": ("resultList", "result"),
    "core_search.json": ("results",),
    "base_search.json": ("response", "docs"),
    "doaj_articles.json": ("results",),
}
# the encoding each file is written in (utf-8-sig where the tool writes a BOM)
ENCODING = {"PoPCites.csv": "utf-8-sig", "export.ris": "utf-8-sig"}
# keys whose values name people, below a key that holds authors
PERSON_KEYS = {"name", "fullName", "lastName", "family", "dccreator"}
AUTHOR_HOLDERS = {"authors", "author", "authorList", "investigator", "dccreator"}
NOT_PEOPLE = {"affiliation", "authorAffiliationDetailsList"}
# corporate authors, the only creators that are not people
ORGANISATIONS = {"Arbeids- og velferdsdirektoratet"}
# OSF's JSON:API keeps contributors behind a relationship link, so that file names no one
NO_PEOPLE = {"preprints.json"}


def rows():
    """records.csv as dictionaries, in file order."""
    text = RECORDS.read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def decoded(name):
    """A fixture file's text, decoded the way its tool wrote it."""
    raw = (HERE / name).read_bytes()
    return raw.decode(ENCODING.get(name, "utf-8"))


def json_records(name):
    """The list of records inside a JSON export, found by its path of keys."""
    return functools.reduce(
        lambda node, key: node[key], JSON_LISTS[name], json.loads(decoded(name))
    )


def count_records(name):
    """Number of records a minimal parser of the file's format finds."""
    text = decoded(name)
    if name.endswith(".json"):
        return len(json_records(name))
    if name == "query.xml":
        return len(ET.fromstring(text.encode("utf-8")).findall(f"{ATOM}entry"))
    if name == "europepmc.xml":
        return len(ET.fromstring(text.encode("utf-8")).findall("./resultList/result"))
    if name.endswith(".ris"):
        lines = text.split("\r\n")
        starts = [ln for ln in lines if ln.startswith("TY  - ")]
        ends = [ln for ln in lines if ln.rstrip() == "ER  -"]
        assert len(starts) == len(ends), name
        return len(starts)
    if name.endswith(".csv"):
        return len(list(csv.DictReader(io.StringIO(text, newline=""), delimiter=",")))
    raise AssertionError(f"no parser for {name}")


def all_strings(node):
    """Every string in a parsed JSON tree, depth first."""
    stack = [node]
    while stack:
        top = stack.pop()
        if isinstance(top, str):
            yield top
        elif isinstance(top, (dict, list)):
            values = top.values() if isinstance(top, dict) else top
            stack.extend(reversed(list(values)))


def plain_text(name):
    """The file's text after decoding: JSON strings unescaped, entities and tags removed."""
    text = decoded(name)
    if name.endswith(".json"):
        text = "\n".join(all_strings(json.loads(text)))
    text = html.unescape(html.unescape(text))
    return re.sub(r"<[^>]+>", " ", text)


def word_list(text):
    return re.findall(r"\w+", text.lower())


def contains_words(haystack, needle):
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def person_names(name):
    """Every value of an author, editor or investigator field in the file."""
    text = decoded(name)
    if name.endswith(".ris"):
        return [ln[6:] for ln in text.split("\r\n") if ln[:2] in {"AU", "A1", "A2", "ED"}]
    if name.endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [a for row in reader for a in row["Authors"].split(", ") if a]
    if name == "query.xml":
        root = ET.fromstring(text.encode("utf-8"))
        return [n.text for n in root.iter(f"{ATOM}name")]
    if name == "europepmc.xml":
        root = ET.fromstring(text.encode("utf-8"))
        found = [n.text for tag in ("fullName", "lastName") for n in root.iter(tag)]
        for s in root.iter("authorString"):
            found += s.text.rstrip(".").split(", ")
        return found
    found = []

    def walk(node, under_author):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "authorString":
                    found.extend(value.rstrip(".").split(", "))
                elif under_author and key in PERSON_KEYS and isinstance(value, str):
                    found.append(value)
                elif key in NOT_PEOPLE:
                    continue
                elif key == "dccreator":
                    found.extend(value)
                else:
                    walk(value, under_author or key in AUTHOR_HOLDERS)
        elif isinstance(node, list):
            for value in node:
                walk(value, under_author)

    walk(json.loads(text), False)
    return found


def export_files():
    return sorted(p.name for p in HERE.iterdir() if p.name not in {"records.csv", "README.md"})


def test_records_csv_shape():
    raw = RECORDS.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert not raw.startswith(b"\xef\xbb\xbf")
    data = rows()
    assert list(data[0].keys()) == FIELDS
    for r in data:
        assert r["expect"] in {"imported", "skipped"}, r
        assert r["doc_type"] in {"abstract", "project_report", "policy_document", ""}, r
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r


def test_skipped_rows_have_a_reason_and_no_text():
    skipped = [r for r in rows() if r["expect"] == "skipped"]
    assert skipped and all(r["note"] for r in skipped)
    assert not any(r["text_start"] or r["text_end"] or r["language"] for r in skipped)


def test_imported_rows_carry_language_and_text_spans():
    for r in (r for r in rows() if r["expect"] == "imported"):
        n_start, n_end = len(r["text_start"].split()), len(r["text_end"].split())
        assert r["language"] in {"en", "nb", "nn", "da", "sv"}, r
        assert 6 <= n_start <= 10 and 4 <= n_end <= 8, r


def test_files_and_records_csv_agree():
    listed = {r["file"] for r in rows()}
    assert listed == set(export_files()), listed ^ set(export_files())
    assert 12 <= len(listed) <= 14


@pytest.mark.parametrize("name", export_files())
def test_record_count_and_numbering(name):
    mine = [r for r in rows() if r["file"] == name]
    assert [int(r["record"]) for r in mine] == list(range(1, len(mine) + 1))
    assert 3 <= len(mine) <= 8
    assert count_records(name) == len(mine)


@pytest.mark.parametrize("name", export_files())
def test_text_start_and_end_occur_in_file(name):
    words = word_list(plain_text(name))
    for r in rows():
        if r["file"] == name and r["expect"] == "imported":
            assert contains_words(words, word_list(r["text_start"])), (name, r["record"], "start")
            assert contains_words(words, word_list(r["text_end"])), (name, r["record"], "end")


@pytest.mark.parametrize("name", export_files())
def test_titles_occur_in_file(name):
    words = word_list(plain_text(name))
    for r in rows():
        if r["file"] == name:
            assert contains_words(words, word_list(r["title"])), (name, r["record"])


@pytest.mark.parametrize("name", export_files() + ["records.csv"])
def test_no_email_address(name):
    text = decoded(name) if name != "records.csv" else RECORDS.read_text(encoding="utf-8")
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)


@pytest.mark.parametrize("name", export_files())
def test_every_person_is_marked_invented(name):
    people = person_names(name)
    assert bool(people) == (name not in NO_PEOPLE), name
    unmarked = [p for p in people if MARK not in p and p not in ORGANISATIONS]
    assert not unmarked, unmarked


@pytest.mark.parametrize("name", export_files())
def test_identifiers_are_zero_filled(name):
    text = decoded(name)
    for orcid in re.findall(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", text):
        assert orcid == "0000-0000-0000-0000", orcid
    for doi in re.findall(r"10\.\d{4,9}/", text):
        assert set(doi[3:-1]) == {"0"} or doi in {"10.13039/", "10.31235/"}, doi
