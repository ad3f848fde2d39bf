"""Checks of andesite's blind export fixtures on their own (no import is run).

Each export file is read with a small parser of its format; the record count must match
records.csv, every labelled text start and end must occur in the decoded file (compared on
words, so tags and line breaks between words do not matter), no e-mail address appears and
every person named in an author field is marked as invented.
"""

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

HERE = Path(__file__).parent / "fixtures" / "exports_blind" / "andesite"
RECORDS = HERE / "records.csv"
MARKERS = ("(invented)", "(oppdiktet)", "(påhittad)", "(opdigtet)")
ORGS = {"Fafo", "{OECD}", "OECD"}
FIELDS = "file record expect title year doc_type language text_start text_end note".split()


def _rows():
    with open(RECORDS, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _strings(obj):
    """Every string value in a decoded JSON document, depth first."""
    stack, found = [obj], []
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, (dict, list)):
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


def _csv(path, encoding, delimiter, skip, author_cols):
    text = path.read_bytes().decode(encoding)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[skip:]
    header, body = rows[0], [r for r in rows[1:] if any(r)]
    assert all(len(r) == len(header) for r in body), "ragged CSV rows"
    authors = []
    for r in body:
        for col in author_cols:
            authors += [a for a in re.split(r"\|\||;", r[header.index(col)]) if a.strip()]
    return len(body), text, authors


def _xlsx(path):
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "Titel"))
    body = [r for r in rows[header + 1 :] if any(c is not None for c in r)]
    text = "\n".join(str(c) for r in rows for c in r if c is not None)
    return len(body), text, []


def _json(path, key):
    data = json.loads(path.read_text(encoding="utf-8"))
    if key == "documents":
        recs = [v for k, v in data["documents"].items() if k != "facets"]
        authors = [a["author"] for d in recs for a in d.get("authors", {}).values()]
    else:
        recs = data[key]
        authors = [a["name"] for d in recs for a in d["authors"]]
    return len(recs), "\n".join(_strings(data)), authors


def _rss(path):
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))
    items = root.findall("./channel/item")
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    authors = [i.findtext(dc) for i in items if i.find(dc) is not None]
    body = "\n".join(t for i in items for t in i.itertext())
    return len(items), text + "\n" + body, authors


def _atom(path):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text.encode("utf-8"))
    entries = root.findall("a:entry", ns)
    authors = [n.text for n in root.iterfind(".//a:author/a:name", ns)]
    return len(entries), text, authors


def _ris(path):
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "RIS lines end in CRLF"
    text = raw.decode("utf-8")
    lines = text.split("\r\n")
    starts = sum(1 for ln in lines if ln.startswith("TY  - "))
    ends = sum(1 for ln in lines if ln == "ER  - ")
    assert starts == ends
    authors = [ln[6:] for ln in lines if ln.startswith(("AU  - ", "A1  - "))]
    return starts, text, authors


def _bib(path):
    text = path.read_text(encoding="utf-8")
    n = len(re.findall(r"^@\w+\{", text, flags=re.M))
    authors = []
    for field in re.findall(r"^author = \{(.*)\},$", text, flags=re.M):
        authors += field.split(" and ")
    return n, text, authors


PARSERS = {
    "ssb-publikasjoner.json": lambda p: _json(p, "publications"),
    "SCB_publikationer.csv": lambda p: _csv(p, "cp1252", ";", 3, []),
    "Danmarks_Statistik_publikationer.xlsx": _xlsx,
    "fafo-rapporter.rss": _rss,
    "nova-oda-export.csv": lambda p: _csv(p, "utf-8", ",", 0, ["dc.contributor.author"]),
    "vive-udgivelser.rss": _rss,
    "oecd-ilibrary-citation.ris": _ris,
    "oecd-ilibrary.bib": _bib,
    "eurostat-publications.rss": _rss,
    "export.csv": lambda p: _csv(p, "utf-8", ",", 0, ["Name"]),
    "wds.json": lambda p: _json(p, "documents"),
    "research-and-statistics.atom": _atom,
    "regjeringen-aid-publikasjoner.rss": _rss,
}


def _words(s):
    return re.findall(r"\w+", s.casefold())


def _plain(text):
    """Decoded file text with entities resolved and tags removed."""
    for _ in range(2):
        text = html.unescape(text)
    return re.sub(r"<[^>]*>", " ", text)


def _contains(hay, needle):
    h, n = _words(hay), _words(needle)
    return any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


def test_records_csv_shape():
    raw = RECORDS.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "records.csv must use CRLF"
    rows = _rows()
    assert list(rows[0].keys()) == FIELDS
    for r in rows:
        assert r["expect"] in {"imported", "skipped"}
        if r["expect"] == "imported":
            assert r["text_start"] and r["text_end"] and r["doc_type"] and r["language"]
            assert r["language"] in {"en", "nb", "nn", "da", "sv"}
            assert r["doc_type"] in {"abstract", "policy_document", "project_report"}
        else:
            assert not r["text_start"] and not r["text_end"] and r["note"]
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"])


def test_files_match_records_csv():
    listed = {r["file"] for r in _rows()}
    present = {p.name for p in HERE.iterdir()} - {"records.csv", "README.md"}
    assert listed == present
    assert set(PARSERS) == present
    assert 12 <= len(present) <= 14


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_record_counts_and_texts(name):
    count, text, _ = PARSERS[name](HERE / name)
    rows = [r for r in _rows() if r["file"] == name]
    assert [int(r["record"]) for r in rows] == list(range(1, len(rows) + 1))
    assert 3 <= count <= 8
    assert count == len(rows)
    plain = _plain(text)
    for r in rows:
        assert _contains(plain, r["title"]), r["title"]
        for key in ("text_start", "text_end"):
            if r[key]:
                assert _contains(plain, r[key]), (name, r["record"], key, r[key])


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_no_email_and_people_marked(name):
    _, text, authors = PARSERS[name](HERE / name)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", text)
    for a in authors:
        a = a.strip()
        assert a in ORGS or any(m in a for m in MARKERS), (name, a)


def test_encodings_and_line_ends():
    scb = (HERE / "SCB_publikationer.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        scb.decode("utf-8")  # Windows-1252, as the Excel-style list is written
    assert scb.count(b"\r\n") >= 8 and b"\x96" in scb  # CRLF rows and a cp1252 en dash
    assert scb.decode("cp1252").splitlines()[3].startswith('"Titel";')
    for name in ("nova-oda-export.csv", "export.csv", "oecd-ilibrary.bib"):
        raw = (HERE / name).read_bytes()
        assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf"), name
    ssb = (HERE / "ssb-publikasjoner.json").read_bytes()
    assert b"\n" not in ssb and "ø".encode() in ssb  # minified, UTF-8 unescaped
    ws = openpyxl.load_workbook(HERE / "Danmarks_Statistik_publikationer.xlsx").active
    assert ws.title == "Publikationer"
    dates = [c.value for c in ws["C"][4:]]
    assert dates and all(hasattr(d, "year") for d in dates)  # real Excel date cells
