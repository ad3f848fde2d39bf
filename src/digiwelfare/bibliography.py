"""Bibliographic exports: RIS, BibTeX and CSV files of abstracts, one document per record.

A record without an abstract, or one cut off, is a :class:`~digiwelfare.readers.Skip` of its
own (with its record number); the other records of the file are imported.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from digiwelfare.readers import Record, Skip, bytes_decode, year_of


def _bib_record(source: str, n: int, fields: dict[str, str], title_keys, abstract_keys,
                year_keys, venue_keys, language_keys=()) -> Record:
    def first(keys):
        return next((fields[k].strip() for k in keys if fields.get(k, "").strip()), "")

    title, abstract = first(title_keys), first(abstract_keys)
    if not abstract:
        raise Skip(f"record {n} has no abstract (a title alone is not analysed)", record=n)
    meta = {"doc_type": "abstract", "doc_type_source": "record"}
    venue = first(venue_keys)
    if venue:
        meta["provenance"] = venue
    lang = language_code(first(language_keys))
    if lang:
        meta["language"] = lang
    year = year_of(first(year_keys))
    return Record(source, n, abstract, title=title, year=year,
                  year_source="record" if year else "", meta=meta)


#: A record's language as catalogues write it (a name, an ISO 639 code of two or three letters)
_LANGUAGES = {"en": "en", "eng": "en", "english": "en", "no": "nb", "nor": "nb", "nb": "nb",
              "nob": "nb", "norwegian": "nb", "norsk": "nb", "bokmål": "nb",
              "norwegian bokmål": "nb", "norwegian bokmal": "nb", "nn": "nn", "nno": "nn",
              "nynorsk": "nn", "norwegian nynorsk": "nn", "da": "da", "dan": "da",
              "danish": "da", "dansk": "da", "sv": "sv", "swe": "sv", "swedish": "sv",
              "svenska": "sv", "svensk": "sv"}


def language_code(value: str) -> str:
    """The codebook's language of a record's language field ("English", "eng", "Swedish",
    "nob"), or "" for another language or none; of several ("English; Norwegian"), the first."""
    first = re.split(r"[;,/|]", value.strip().lower())[0].strip()
    return _LANGUAGES.get(first, "")


def ris_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """RIS records (``TY`` ... ``ER``); a record that is cut off or lacks an abstract is
    reported on its own, the others are imported."""
    records: list[Record | Skip] = []
    fields: dict[str, str] | None = None
    last = None
    n = 0
    for line_no, line in enumerate(bytes_decode(data).splitlines(), start=1):
        tag = re.match(r"^([A-Z][A-Z0-9])  -( (.*)|$)", line)
        if tag and tag.group(1) == "TY":
            if fields is not None:
                records.append(Skip(f"record {n} is not closed by ER before the next TY",
                                    record=n))
            n += 1
            fields, last = {}, None
        elif fields is None:
            if line.strip():
                raise Skip(f"malformed RIS: text on line {line_no}, before the first 'TY  - ' line")
        elif tag and tag.group(1) == "ER":
            records.append(_ris_record(source, n, fields))
            fields = None
        elif tag:
            last = tag.group(1)
            value = (tag.group(3) or "").strip()
            fields[last] = f"{fields[last]} {value}".strip() if last in fields else value
        elif last and line.strip():
            fields[last] += " " + line.strip()
    if fields is not None:
        records.append(Skip(f"record {n} is not closed by ER (file truncated?)", record=n))
    if n == 0:
        raise Skip("malformed RIS: no record (no line 'TY  - ...')")
    return records


def _ris_record(source: str, n: int, fields: dict[str, str]) -> Record | Skip:
    try:
        return _bib_record(source, n, fields, ("TI", "T1", "CT", "BT"), ("AB", "N2"),
                           ("PY", "Y1", "DA", "Y2"), ("JO", "JF", "T2", "JA", "SO"), ("LA",))
    except Skip as skip:
        return skip


_LATEX = {r"\o": "ø", r"\O": "Ø", r"\aa": "å", r"\AA": "Å", r"\ae": "æ", r"\AE": "Æ",
          r"\ss": "ß", r"\&": "&", r"\%": "%", r"\_": "_", "--": "–", "~": " "}
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303",
            "r": "\u030a", "c": "\u0327", "v": "\u030c"}


def latex_to_text(value: str) -> str:
    """BibTeX field value to plain text: accents and letters such as ``{\\o}`` become
    Unicode, braces go."""
    value = re.sub(r"\\([\"'`^~rcv])\s*\{?([A-Za-z])\}?",
                   lambda m: unicodedata.normalize("NFC", m.group(2) + _ACCENTS[m.group(1)]),
                   value)
    for macro, char in sorted(_LATEX.items(), key=lambda kv: -len(kv[0])):
        if macro[-1].isalpha():  # a letter macro such as \o swallows one following space
            value = re.sub(re.escape(macro) + r"(?![A-Za-z])\s?", char, value)
        else:
            value = value.replace(macro, char)
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def bibtex_entries(text: str) -> list[tuple[int, dict[str, str] | Skip]]:
    """Entries of a BibTeX file as ``(line, fields)``; a broken entry is a :class:`Skip`."""
    entries = []
    for match in re.finditer(r"@(\w+)\s*([{(])", text):
        kind = match.group(1).lower()
        line = text.count("\n", 0, match.start()) + 1
        if kind in ("comment", "preamble", "string"):
            continue
        close = "}" if match.group(2) == "{" else ")"
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0) if close == "}" else \
                {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if depth:
            entries.append((line, Skip(f"entry at line {line} has unbalanced braces")))
            continue
        body = text[match.end():i - 1]
        if "," not in body:
            entries.append((line, Skip(f"entry at line {line} has no fields")))
            continue
        fields: dict[str, str] = {}
        pos = body.index(",") + 1
        field_re = re.compile(r"\s*(\w[\w-]*)\s*=\s*")
        while pos < len(body):
            m = field_re.match(body, pos)
            if not m:
                break
            name, pos = m.group(1).lower(), m.end()
            value, pos = _bib_value(body, pos)
            fields[name] = latex_to_text(value)
            pos = body.find(",", pos)
            pos = len(body) if pos < 0 else pos + 1
        entries.append((line, fields))
    return entries


def _bib_value(body: str, pos: int) -> tuple[str, int]:
    if pos < len(body) and body[pos] == "{":
        depth, i = 0, pos
        while i < len(body):
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
            if depth == 0:
                break
        return body[pos + 1:i - 1], i
    if pos < len(body) and body[pos] == '"':
        end = body.find('"', pos + 1)
        end = len(body) if end < 0 else end
        return body[pos + 1:end], end + 1
    m = re.match(r"[^,]*", body[pos:])
    return m.group().strip(), pos + m.end()


def bibtex_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    entries = bibtex_entries(bytes_decode(data))
    if not entries:
        raise Skip("malformed BibTeX: no entry (no '@type{key, ...}')")
    records: list[Record | Skip] = []
    for n, (_, fields) in enumerate(entries, start=1):
        if isinstance(fields, Skip):
            records.append(Skip(f"record {n}: {fields}", record=n))
            continue
        try:
            records.append(_bib_record(source, n, fields, ("title",), ("abstract",),
                                       ("year", "date"), ("journal", "booktitle", "publisher"),
                                       ("language",)))
        except Skip as skip:
            records.append(skip)
    return records


_CSV_COLUMNS = {
    "title": ("title", "article title", "document title", "ti", "primary title"),
    "abstract": ("abstract", "ab", "description", "summary"),
    "year": ("year", "publication year", "py", "pubyear", "date", "publication date"),
    "venue": ("source title", "journal", "source", "publication title", "so", "journal title"),
    "language": ("language", "language of original document", "la"),
}


def csv_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A bibliographic CSV export: one record per row with title and abstract columns."""
    text = bytes_decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:5000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect, strict=True))
    except csv.Error as err:
        raise Skip(f"malformed CSV ({err})") from None
    if not rows:
        raise Skip("empty CSV")
    header = [h.strip().lower() for h in rows[0]]
    where = {key: next((header.index(n) for n in names if n in header), None)
             for key, names in _CSV_COLUMNS.items()}
    if where["title"] is None or where["abstract"] is None:
        raise Skip("CSV without title and abstract columns (found: "
                   + ", ".join(h for h in header if h)[:120] + ")")
    records: list[Record | Skip] = []
    for n, row in enumerate(rows[1:], start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            records.append(Skip(f"row {n + 1} has {len(row)} fields, the header {len(header)}",
                                record=n))
            continue
        fields = {key: row[i] for key, i in where.items() if i is not None}
        try:
            records.append(_bib_record(source, n, fields, ("title",), ("abstract",), ("year",),
                                       ("venue",), ("language",)))
        except Skip as skip:
            records.append(skip)
    return records




def _tagged_records(text: str, tag: re.Pattern, start: str, end: str | None,
                    indent: int) -> list[tuple[int, dict[str, str], bool]]:
    """Records of a field-tagged export: a line opening with a tag starts a field (the tag
    ``start`` starts a record), a line indented ``indent`` spaces goes on with the field above,
    ``end`` (or, with None, a blank line) closes the record. Each record as (number, fields,
    closed)."""
    records: list[tuple[int, dict[str, str], bool]] = []
    fields: dict[str, str] | None = None
    last = None
    for line in text.splitlines():
        found = tag.match(line)
        if found and found.group(1) == start:
            if fields is not None:
                records.append((len(records) + 1, fields, end is None))
            fields, last = {}, None
        if fields is None:
            continue
        if found and found.group(1) == end or (end is None and not line.strip()):
            records.append((len(records) + 1, fields, True))
            fields, last = None, None
        elif found:
            last = found.group(1)
            value = found.group(2).strip()
            # repeated tags (authors, keywords) are joined; a title or abstract is one field
            fields[last] = f"{fields[last]}; {value}" if last in fields else value
        elif last and line[:indent].strip() == "" and line.strip():
            fields[last] += " " + line.strip()
    if fields is not None:
        records.append((len(records) + 1, fields, end is None))
    return records


_WOS_TAG = re.compile(r"^([A-Z][A-Z0-9]) ?(.*)$")
_MEDLINE_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$")


def wos_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A Web of Science "Plain text" export (``FN``/``VR`` head, records ``PT`` ... ``ER``)."""
    out: list[Record | Skip] = []
    for n, fields, closed in _tagged_records(bytes_decode(data), _WOS_TAG, "PT", "ER", 3):
        if not closed:
            out.append(Skip(f"record {n} is not closed by ER (file truncated?)", record=n))
            continue
        try:
            out.append(_bib_record(source, n, fields, ("TI",), ("AB",), ("PY", "EA"), ("SO",),
                                   ("LA",)))
        except Skip as skip:
            out.append(skip)
    if not out:
        raise Skip("a Web of Science export with no record (no line 'PT ...')")
    return out


def medline_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A PubMed export in MEDLINE format (``.nbib`` or text: ``PMID- `` opens each record)."""
    out: list[Record | Skip] = []
    for n, fields, _ in _tagged_records(bytes_decode(data), _MEDLINE_TAG, "PMID", None, 6):
        try:
            out.append(_bib_record(source, n, fields, ("TI", "BTI"), ("AB",), ("DP", "DEP"),
                                   ("JT", "TA"), ("LA",)))
        except Skip as skip:
            out.append(skip)
    if not out:
        raise Skip("a MEDLINE export with no record (no line 'PMID- ...')")
    return out


def export_kind(text: str) -> str:
    """Which catalogue export a text file is, from its first lines: "wos" (Web of Science plain
    text), "wos-tab" (its tab-delimited file, whose header names the same two-letter fields),
    "medline" (PubMed), or "" (a document)."""
    head = text.lstrip("\ufeff")[:2000]
    lines = [ln for ln in head.splitlines() if ln.strip()][:3]
    if not lines:
        return ""
    if re.match(r"FN (Clarivate|Thomson|ISI)", lines[0]) or (
            lines[0].startswith("PT ") and any(ln.startswith(("AU ", "TI ")) for ln in lines)):
        return "wos"
    if lines[0].startswith("PT\t") and {"TI", "AB"} <= set(lines[0].split("\t")):
        return "wos-tab"
    if re.match(r"PMID- ?\d", lines[0]):
        return "medline"
    return ""
