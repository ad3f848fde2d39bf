"""Self-checks of the blind export set `tests/fixtures/exports_blind/ablation/`.

These tests read only the set's own files; they never run the importer. Each export is
parsed by a small reader of its own format, and the counts, text spans, titles, byte
shapes and the absence of personal identifiers are compared with `records.csv`.
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "ablation"
RECORDS = HERE / "records.csv"
COLUMNS = ["file", "record", "expect", "title", "year", "doc_type", "language",
           "text_start", "text_end", "note"]

# file -> (reader, encoding, starts with a UTF-8 BOM, line end); encoding "utf-16" keeps its own BOM
SHAPES = {
    "scopus.csv": ("csv", "utf-8", True, "\n"),
    "scopus.ris": ("ris", "utf-8", False, "\r\n"),
    "savedrecs.txt": ("wos", "utf-8", True, "\n"),
    "savedrecs(1).txt": ("tab", "utf-16", False, "\r\n"),
    "pubmed-welfaretec-set.nbib": ("nbib", "utf-8", False, "\n"),
    "csv-welfaretec-set.csv": ("csv", "utf-8", False, "\n"),
    "My Library.csv": ("csv", "utf-8", True, "\r\n"),
    "Exported Items.ris": ("ris", "utf-8", False, "\r\n"),
    "My EndNote Library.enw": ("enw", "cp1252", False, "\r\n"),
    "library.bib": ("bib", "utf-8", False, "\n"),
    "works-2026-12-05T10-42-17.json": ("openalex", "utf-8", False, "\n"),
    "Dimensions-Grant-2026-12-05_10-42-50.xlsx": ("xlsx", None, False, None),
    "export.csv": ("csv", "utf-8", False, "\n"),
}

# Columns or tags that hold people, per file, and how one field splits into persons.
PERSON_COLUMNS = {
    "scopus.csv": ["Authors", "Author full names", "Authors with affiliations", "Editors",
                   "Correspondence Address:first"],
    "csv-welfaretec-set.csv": ["Authors", "First Author"],
    "My Library.csv": ["Author", "Editor", "Rights"],
    "export.csv": ["Name", "Opponents", "Supervisors", "Examiners"],
    "savedrecs(1).txt": ["AU", "AF", "BE", "RP", "OI"],
    "Dimensions-Grant-2026-12-05_10-42-50.xlsx": ["Researchers"],
}
PERSON_TAGS = {
    "ris": ["AU", "A1", "A2", "A3", "ED"],
    "wos": ["AU", "AF", "BE", "RP", "OI"],
    "nbib": ["FAU", "AU"],
    "enw": ["A", "E"],
}
MARKERS = ("(invented", "(påhittad", "(oppdiktet", "(opdigtet")  # ")" may be split off
ORGANISATIONS = {"Arbeids- og velferdsdirektoratet", "KS", "Digitaliseringsdirektoratet",
                 "Digitaliseringsstyrelsen"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def records():
    with RECORDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def rows_by_file():
    out = {}
    for r in records():
        out.setdefault(r["file"], []).append(r)
    return out


def raw_text(name):
    """The decoded text of a file (cell values joined for a workbook)."""
    reader, encoding, _bom, _end = SHAPES[name]
    if reader == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(HERE / name, read_only=True)
        cells = [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                 for c in row if c is not None]
        return "\n".join(cells)
    data = (HERE / name).read_bytes()
    if encoding == "utf-8":
        return data.decode("utf-8-sig")
    return data.decode(encoding)


def tagged(text, tag_re):
    """(tag, value) pairs of a tagged format, continuation lines joined to their field."""
    pairs = []
    for line in text.splitlines():
        m = tag_re.match(line)
        if m:
            pairs.append([m.group(1), m.group(2)])
        elif pairs and line.startswith(" ") and line.strip():
            pairs[-1][1] += " " + line.strip()
        elif pairs and pairs[-1][0] in ("K", "X") and line.strip():  # EndNote multi-line fields
            pairs[-1][1] += "; " + line.strip()
    return pairs


RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")
WOS_TAG = re.compile(r"^([A-Z][A-Z0-9]) ?(.*)$")
NBIB_TAG = re.compile(r"^([A-Z]{2,4}) *- (.*)$")
ENW_TAG = re.compile(r"^%(\S) (.*)$")


def table(name):
    """Header and data rows of a delimited file or the workbook."""
    reader, encoding, _bom, _end = SHAPES[name]
    if reader == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(HERE / name, read_only=True).active
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        assert len(rows[0]) == 1 or all(v is None for v in rows[0][1:]), "row 1 is the banner"
        assert str(rows[0][0]).startswith("About the data")
        return rows[1], rows[2:]
    text = raw_text(name)
    if reader == "tab":
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    else:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], [r for r in rows[1:] if r]


def count_records(name):
    reader = SHAPES[name][0]
    text = raw_text(name)
    lines = text.splitlines()
    if reader in ("csv", "tab", "xlsx"):
        header, rows = table(name)
        assert all(len(r) == len(header) for r in rows), "ragged rows"
        return len(rows)
    if reader == "ris":
        starts = sum(1 for ln in lines if ln.startswith("TY  - "))
        ends = sum(1 for ln in lines if ln.rstrip() == "ER  -")
        assert starts == ends
        return starts
    if reader == "wos":
        assert lines[0] == "FN Clarivate Analytics Web of Science" and lines[-1] == "EF"
        starts = sum(1 for ln in lines if ln.startswith("PT "))
        assert starts == sum(1 for ln in lines if ln == "ER")
        return starts
    if reader == "nbib":
        return sum(1 for ln in lines if ln.startswith("PMID- "))
    if reader == "enw":
        return sum(1 for ln in lines if ln.startswith("%0 "))
    if reader == "bib":
        return sum(1 for ln in lines if re.match(r"^@\w+\{", ln))
    if reader == "openalex":
        return len(json.loads(text)["results"])
    raise AssertionError(name)


def openalex_abstracts(name):
    out = []
    for work in json.loads(raw_text(name))["results"]:
        index = work["abstract_inverted_index"]
        if not index:
            continue
        slots = {pos: word for word, positions in index.items() for pos in positions}
        out.append(" ".join(slots[i] for i in range(len(slots))))
    return out


def words(text):
    text = re.sub(r"<[^>]+>", " ", text)
    return re.findall(r"\w+", text.lower())


def contains(haystack, needle):
    n = words(needle)
    h = words(haystack)
    return bool(n) and any(h[i:i + len(n)] == n for i in range(len(h) - len(n) + 1))


def searchable(name):
    text = raw_text(name)
    if SHAPES[name][0] == "openalex":
        text += "\n" + "\n".join(openalex_abstracts(name))
    return text


def person_values(name):
    """Every field value of a file that names people."""
    reader = SHAPES[name][0]
    if name in PERSON_COLUMNS:
        header, rows = table(name)
        values = []
        for column in PERSON_COLUMNS[name]:
            col, _, part = column.partition(":")
            assert col in header, (name, col)
            i = header.index(col)
            for r in rows:
                if r[i]:  # "first": only the name before the address (Scopus)
                    values.append(str(r[i]).split(";")[0] if part == "first" else str(r[i]))
        return values
    text = raw_text(name)
    if reader in PERSON_TAGS:
        tag_re = {"ris": RIS_TAG, "wos": WOS_TAG, "nbib": NBIB_TAG, "enw": ENW_TAG}[reader]
        if reader == "wos":  # each continuation line of AU/AF is one more person
            vals, tag = [], None
            for line in text.splitlines():
                m = WOS_TAG.match(line)
                if m and not line.startswith(" "):
                    tag = m.group(1)
                    value = m.group(2)
                else:
                    value = line.strip()
                if tag in PERSON_TAGS["wos"] and value:
                    vals.append(value)
            return vals
        return [v for t, v in tagged(text, tag_re) if t in PERSON_TAGS[reader]]
    if reader == "bib":
        return re.findall(r"^author = \{(.*)\},$", text, flags=re.M)
    if reader == "openalex":
        authorships = [a for w in json.loads(text)["results"] for a in w["authorships"]]
        return [a["raw_author_name"] for a in authorships] + [
            a["author"]["display_name"] for a in authorships]
    raise AssertionError(name)


def split_persons(value):
    for sep in (";", " and "):
        if sep in value:
            return [p for p in value.split(sep) if p.strip()]
    if value.count("(invented)") > 1:  # PubMed CSV: "A B (invented), C D (invented)."
        return [p for p in value.split("),") if p.strip()]
    return [value]


# ------------------------------------------------------------------------------------ tests

def test_records_csv_shape_and_crlf():
    data = RECORDS.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"", "records.csv must end with CRLF"
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF in records.csv"
    rows = records()
    assert list(rows[0].keys()) == COLUMNS
    for r in rows:
        assert r["expect"] in ("imported", "skipped")
        assert r["doc_type"] in ("abstract", "project_report", "policy_document")
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"])
        if r["expect"] == "skipped":
            assert r["text_start"] == r["text_end"] == "" and r["note"], r
        else:
            assert r["language"] in ("en", "nb", "nn", "da", "sv"), r
            assert 6 <= len(words(r["text_start"])) <= 10, r["text_start"]
            assert 4 <= len(words(r["text_end"])) <= 8, r["text_end"]
        if r["doc_type"] == "project_report":
            assert r["year"] == "", "a project's period is not its year"


def test_record_numbers_run_from_one():
    for name, rows in rows_by_file().items():
        assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1)), name


def test_files_listed_and_present():
    listed = set(rows_by_file())
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert listed == set(SHAPES)
    assert 12 <= len(listed) <= 14


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_byte_shape(name):
    _reader, encoding, bom, end = SHAPES[name]
    data = (HERE / name).read_bytes()
    if encoding is None:
        assert data.startswith(b"PK\x03\x04")
        return
    if encoding == "utf-16":
        assert data.startswith(b"\xff\xfe")
        text = data.decode("utf-16")
    else:
        assert data.startswith(b"\xef\xbb\xbf") == bom
        text = data.decode(encoding)
    if end == "\r\n":
        assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    else:
        assert "\r" not in text and "\n" in text
    if encoding == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_record_count_matches(name):
    assert count_records(name) == len(rows_by_file()[name])


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_spans_and_titles_occur(name):
    text = searchable(name)
    for r in rows_by_file()[name]:
        assert contains(text, r["title"]), (name, r["record"], r["title"])
        for key in ("text_start", "text_end"):
            if r[key]:
                assert contains(text, r[key]), (name, r["record"], key, r[key])


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_no_email_and_every_person_marked(name):
    text = raw_text(name)
    assert not EMAIL.search(text), EMAIL.search(text)
    values = person_values(name)
    assert values, f"{name}: expected some person fields"
    for value in values:
        for person in split_persons(value):
            person = person.strip().rstrip(".")
            if person in ORGANISATIONS:
                continue
            assert any(m in person for m in MARKERS), (name, person)


def test_orcids_and_identifiers_zero_filled():
    for name in SHAPES:
        text = raw_text(name)
        for orcid in re.findall(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b", text):
            assert orcid == "0000-0000-0000-0000", (name, orcid)
        for doi in re.findall(r"\b10\.(\d{4,})/", text):
            assert set(doi) == {"0"}, (name, doi)
