"""Bibliographic and catalogue exports: RIS, BibTeX, CSV and Excel files of abstracts and
project summaries, Web of Science and PubMed exports; one document per record.

A record without an abstract, or one cut off, is a :class:`~digiwelfare.readers.Skip` of its
own (with its record number); the other records of the file are imported.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from digiwelfare.config import lexicon_file
from digiwelfare.readers import Record, Skip, bytes_decode, year_of

#: What a catalogue writes in a record's abstract field when it has none ("[No abstract
#: available]", Scopus).
_NO_ABSTRACT = re.compile(r"\W*(?:no abstract(?: is)? available|no abstract|abstract not "
                          r"available|ingen sammendrag|inget sammandrag|intet resumé)\W*",
                          re.IGNORECASE)

#: A publisher's rights statement that a catalogue appends to an abstract, in the abstract's
#: own paragraph: "© 2023 Elsevier Ltd. All rights reserved.", "(C) 2019 The Authors.
#: Published by ...", "Copyright © 2021 ...". It starts a sentence after the abstract's
#: last, opens with the sign (or "Copyright" and a year or the sign, or "(C)" and a year) and
#: runs to the end in at most 300 characters; one that opens the field is left (the abstract
#: would follow it).
_RIGHTS_TAIL = re.compile(
    r"(?<=[.!?\]\)])\s+(?:©\s*(?=(?:19|20)\d\d|the authors?\b|the author\(s\))|"
    r"\(c\)\s*(?=(?:19|20)\d\d)|copyright\s*(?=©|\(c\)|(?:19|20)\d\d|the authors?\b))"
    r"[\s\S]{0,300}$", re.IGNORECASE)


def abstract_clean(text: str) -> str:
    """A record's abstract without what the catalogue added to it: the publisher's rights
    statement at its end, or the whole field when it says there is no abstract.

    >>> abstract_clean("We studied chat. © 2023 Invented Press Ltd. All rights reserved.")
    'We studied chat.'
    >>> abstract_clean("[No abstract available]")
    ''
    """
    text = _tags_strip(text).strip()
    text = _ABSTRACT_LABEL.sub("", text, count=1).strip()
    # a blog's feed repeats where the post first appeared ("The post ... appeared first on
    # ...")
    text = re.sub(r"\n\nThe post .{1,300} appeared first on [^\n]{1,120}$", "", text).strip()
    if _NO_ABSTRACT.fullmatch(text):
        return ""
    tail = _RIGHTS_TAIL.search(text)
    # without the sign itself, "Copyright 2019 ..." is a statement only if it reads as one
    if tail and ("©" in tail.group() or _RIGHTS_WORDS.search(tail.group())):
        return text[:tail.start()].strip()
    return text


#: A field's own label at the start of an abstract, as some registers print it: in capitals
#: ("PROJECT SUMMARY/ABSTRACT", "BAKGRUNN"), or with a colon ("Abstract:", "Syfte och mål:",
#: "Sammendrag:"); a heading of a structured abstract ("BACKGROUND:") stays, being the authors'
_ABSTRACT_LABEL = re.compile(
    r"^\s*(?:(?-i:PROJECT SUMMARY/ABSTRACT|PROJECT SUMMARY|PROJECT ABSTRACT|ABSTRACT|SUMMARY|"
    r"SAMMENDRAG|SAMANDRAG|SAMMANFATTNING|RESUMÉ|PROJEKTBESKRIVNING)\b\s*:?|"
    r"(?:project summary/abstract|project summary|abstract|summary|sammendrag|samandrag|"
    r"sammanfattning|sammenfatning|resumé|resume|syfte och mål|formål|purpose|"
    r"populærvidenskabelig beskrivelse|projektbeskrivning|prosjektbeskrivelse)\s*:)\s*",
    re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")


def _tags_strip(text: str) -> str:
    """An abstract without the HTML or JATS tags a database leaves in it (``<p>``,
    ``<jats:p>``, ``<br/>``): paragraphs parted by a blank line, a title element's words (a
    "jats:title" saying "Abstract") dropped, entities as characters."""
    if not _TAG.search(text):
        return text
    text = re.sub(r"(?is)<(jats:)?title\b[^>]*>.*?</(jats:)?title>", " ", text)
    text = re.sub(r"(?i)</?(?:jats:)?(?:p|sec|br|div|li)\b[^>]*>", "\n\n", text)
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", text).strip()


#: Words of a rights statement (:data:`_RIGHTS_TAIL` opened by "Copyright" or "(C)").
_RIGHTS_WORDS = re.compile(r"\b(?:rights reserved|all rights|published by|licen[cs]ed under|"
                           r"the authors?|the author\(s\)|creative commons|cc[ -]by|open access|"
                           r"ltd|inc|b\.v|gmbh|llc|plc|elsevier|springer|wiley|taylor & francis|"
                           r"sage publications|press)(?!\w)", re.IGNORECASE)


def _bib_record(source: str, n: int, fields: dict[str, str], title_keys, abstract_keys,
                year_keys, venue_keys, language_keys=()) -> Record:
    def first(keys):
        return next((fields[k].strip() for k in keys if fields.get(k, "").strip()), "")

    title, abstract = first(title_keys), abstract_clean(first(abstract_keys))
    # a translation the catalogue adds in brackets after a title in another language
    # ("Skærmbesøg i hjemmeplejen [Screen visits in home care]"): the title is the first
    title = re.sub(r"(?<=\S)\s*\[[^\[\]]{3,}\]\s*$", "", title)
    title = re.sub(r"^\[([^\[\]]+)\]\.?$", r"\1", title)  # a translation is all there is
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
            fields, last = {"TY": (tag.group(3) or "").strip()}, None
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
        return _typed(_bib_record(source, n, fields, ("TI", "T1", "CT", "BT"), ("AB", "N2"),
                                  ("PY", "Y1", "DA", "Y2"), ("JO", "JF", "T2", "JA", "SO"),
                                  ("LA",)), fields.get("TY", ""))
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
    """Entries of a BibTeX file as ``(line, fields)``, the entry's type ("article") under
    ``ENTRYTYPE``; a broken entry is a :class:`Skip`."""
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
        fields: dict[str, str] = {"ENTRYTYPE": kind}  # field names are lower case
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
            records.append(_typed(_bib_record(source, n, fields, ("title",), ("abstract",),
                                              ("year", "date"),
                                              ("journal", "booktitle", "publisher"),
                                              ("language",)), fields["ENTRYTYPE"]))
        except Skip as skip:
            records.append(skip)
    return records


def header_fold(name: str) -> str:
    """A column's name as :data:`export_columns` compares it: camelCase parted, lower case,
    "_", "-", "." and spaces as one space, a byte-order mark, quotes and brackets dropped
    ("startDate" and "Start_date" are "start date")."""
    name = re.sub(r"(?<=[a-zæøåäö])(?=[A-ZÆØÅÄÖ])", " ", name.replace("\ufeff", ""))
    name = re.sub(r"[\"'()\[\]{}:]", "", name.lower())
    return " ".join(re.sub(r"[_\-.\s]+", " ", name).split())


@lru_cache(maxsize=4)
def _export_columns(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    fields = ("title", "abstract", "more_text", "year", "venue", "language", "kind", "project",
              "bibliography")
    bad = [f for f in fields if not isinstance(data.get(f), list)]
    if bad or not isinstance(data.get("kinds"), dict):
        raise ValueError(f"{path}: needs a list of column names under each of "
                         f"{', '.join(fields)} and a mapping 'kinds' (missing or not a list: "
                         f"{', '.join(bad) or 'kinds'}); restore it with git checkout lexicon/")
    columns = {f: tuple(header_fold(str(n)) for n in data[f]) for f in fields}
    kinds = {header_fold(str(k)): doc_type for doc_type, names in data["kinds"].items()
             for k in names}
    return {"columns": columns, "kinds": kinds}


def export_columns() -> dict:
    """``lexicon/export_columns.yaml``: for each field of a document (title, abstract, the text
    after it, year, venue, language, the record's kind, a project register's marks) the column
    names that give it, folded (:func:`header_fold`), and ``kinds``: a folded record kind to its
    type."""
    return _export_columns(lexicon_file("export_columns.yaml"))


def kind_type(kind: str) -> str:
    """The codebook's type of a record's kind as ``kinds`` of :func:`export_columns` maps it:
    the kind itself ("Journal Article", "conferencePaper", "JOUR"), else the longest mapped
    kind its words hold ("Doctoral thesis, comprehensive summary" holds "thesis", "Article in
    journal" is one); "" for a kind the table does not map (a report, a web page)."""
    kinds = export_columns()["kinds"]
    folded = header_fold(kind.split(";")[0])  # "Article; Early Access": its first kind
    if folded in kinds:
        return kinds[folded]
    words = " " + " ".join(re.sub(r"[^\w ]", " ", folded).split()) + " "
    held = [k for k in kinds if len(k) > 2 and f" {k} " in words]
    return kinds[max(held, key=len)] if held else ""


def _typed(record: Record, kind: str | None, project: bool = False) -> Record:
    """``record`` typed by the kind its export gives it (:func:`kind_type`), or as a project's
    summary when it comes from a register of funded projects (``project``) and its kind says
    nothing else. A kind the table does not map (a report, a web page), a register's record of
    another kind, and a record whose export gives no kind (``None``: a parliament's document
    list, a statistics agency's) are typed from their text, as any document is."""
    doc_type = kind_type(kind) if kind else ""
    if not doc_type and project and not kind:
        doc_type = "project_report"
    if doc_type:
        record.meta["doc_type"] = doc_type
    else:
        record.meta.pop("doc_type", None)
        record.meta.pop("doc_type_source", None)
    return record


#: The words a column's name may end in to say which language it holds ("Sammendrag
#: (engelsk)", "Projekttitel (sv)", "Summary English"), folded.
_LANGUAGE_QUALIFIER = ("en", "eng", "english", "engelsk", "engelska", "no", "nb", "nn", "nor",
                       "norsk", "norwegian", "bokmål", "nynorsk", "sv", "swe", "svensk",
                       "svenska", "swedish", "da", "dan", "dansk", "danish", "original")


def _columns_of(header: list[str], names: tuple[str, ...]) -> list[list[int]]:
    """The columns of ``header`` that may give a field, a group for each of its ``names`` the
    header has (in the names' order), each group the name's columns alone or with a language
    after or before it ("sammendrag engelsk", "engelsk sammendrag"), in the header's order.
    A row takes the first group it has a value in (:func:`table_records`): an "Abstract"
    left empty gives way to a "Description", a record of one shape in a JSON list to its own
    field."""
    groups = []
    for name in names:
        found = [i for i, h in enumerate(header) if h == name or (
            h.startswith(name + " ") and h[len(name) + 1:] in _LANGUAGE_QUALIFIER) or (
            h.endswith(" " + name) and h[:-len(name) - 1] in _LANGUAGE_QUALIFIER)]
        if found and found not in groups:
            groups.append(found)
    return groups


def _header_find(rows: list[list[str]], columns: dict) -> tuple[int, list[str], dict] | None:
    """The first of ``rows`` that names a title and an abstract column: its index, its folded
    names, and each field's groups of columns (:func:`_columns_of`; none where the header has
    none)."""
    for at, row in enumerate(rows):
        header = [header_fold(str(h)) for h in row]
        where = {key: _columns_of(header, names) for key, names in columns.items()
                 if key not in ("project", "bibliography")}
        if where["title"] and where["abstract"]:
            return at, header, where
    return None


def _is_project_register(header: list[str], marks: tuple[str, ...]) -> bool:
    """Whether a header is a register of funded projects': a column named by one of
    ``marks`` or starting with one ("tildelt beløp nok", "project start date")."""
    return any(h == m or h.startswith(m + " ") for h in header for m in marks)


def table_records(source: str, rows: list[list[str]], what: str,
                  offset: int = 0) -> list[Record | Skip]:
    """The documents of an export read as rows of cells (a CSV file's, a sheet's): the header
    is the first of the first ten rows that names a title and an abstract column
    (:func:`export_columns`), one document per later row. A register of projects (a column
    such as a project number) gives project summaries (``project_report``); otherwise a
    record's kind column types it where the table maps the kind, and other records are typed
    from their text like any document. ``what`` names the file's kind in messages; records
    are numbered from ``offset`` + 1 (a workbook's later sheets go on from the earlier)."""
    columns = export_columns()["columns"]
    found = _header_find(rows[:10], columns)
    if found is None:
        first = next((r for r in rows[:10] if any(str(c).strip() for c in r)), [])
        raise Skip(f"{what} without a title and an abstract column (its columns: "
                   + (", ".join(str(h).strip() for h in first if str(h).strip())[:160] or "none")
                   + "); add your catalogue's names to lexicon/export_columns.yaml")
    at, header, where = found
    project = _is_project_register(header, columns["project"])
    # a bibliography of articles (a journal, a DOI, a volume column) is one of abstracts
    # where it gives no kind; any other list without kinds is typed from its text
    articles = not project and any(h in columns["bibliography"] for h in header)
    records: list[Record | Skip] = []
    for k, row in enumerate(rows[at + 1:]):
        n = offset + k + 1  # records are numbered on from the sheets before (offset)
        if not any(str(cell).strip() for cell in row):
            continue
        if len(row) != len(header):
            records.append(Skip(f"{what}: row {at + k + 2} has {len(row)} fields, the header "
                                f"{len(header)} (a field holding the delimiter or a line break "
                                "needs quotes: export it again, or fix the row)", record=n))
            continue
        cells = {key: next((values for group in groups if (values := [
            str(row[i]).strip() for i in group if str(row[i]).strip()])), [])
            for key, groups in where.items()}
        if not cells["title"] and not cells["abstract"]:
            continue  # a sheet's total or a note under the records: no record at all
        # the abstract in each of its languages, in the header's order; any other field
        # from the first of its columns that has a value
        # the text a record holds after its abstract (a written question's answer, an
        # abstract in another language given in a field of its own)
        cells["abstract"] = cells["abstract"] + cells.pop("more_text", [])
        fields = {key: ("\n\n".join(abstract_clean(v) for v in values) if key == "abstract"
                        else values[0]) for key, values in cells.items() if values}
        try:
            record = _bib_record(source, n, fields, ("title",), ("abstract",), ("year",),
                                 ("venue",), ("language",))
        except Skip as skip:
            records.append(skip)
            continue
        # an empty kind cell says nothing: the row is an abstract (or a register's project)
        records.append(_typed(record, fields.get("kind") or ("article" if articles else None),
                              project))
    return records


def csv_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's or a reference manager's CSV export (comma, semicolon or tab): one
    document per row with a title and an abstract (:func:`table_records`)."""
    text = bytes_decode(data).lstrip("\ufeff")
    # Excel's own hint on the first line ("sep=;"), else the delimiter the sample shows; the
    # quoting is always the CSV standard's (a sniffer that saw no doubled quote in the
    # sample would read a later one wrong)
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:
        delimiter, text = hint.group(1), text[hint.end():]
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:5000], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"',
                        doublequote=True, strict=True)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise Skip(f"malformed CSV at line {reader.line_num} ({err}); export it again, or "
                   "fix that line") from None
    if not rows:
        raise Skip("empty CSV")
    return table_records(source, rows, "CSV")


def _cell(value) -> str:
    """A spreadsheet cell as text: a date as its ISO form, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's export saved as an Excel workbook (``.xlsx``, read with openpyxl): every
    sheet whose header names a title and an abstract column (a year a sheet: "2023",
    "2024"), read as :func:`table_records` reads a CSV file (values, not formulas), its
    records numbered on across the sheets; a notes sheet without such a header is passed
    over, and a workbook with none is refused with each sheet's columns."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zipfile, KeyError and its own errors
        raise Skip(f"not a readable Excel workbook ({type(err).__name__}: {err}); save it "
                   "again as .xlsx or as CSV") from None
    try:
        records: list[Record | Skip] = []
        refused: list[str] = []
        offset = 0
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # a streaming writer's "A1" size would cut the rows
            rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            width = max(map(len, rows), default=0)
            rows = [r + [""] * (width - len(r)) for r in rows]
            while width and not any(r[width - 1].strip() for r in rows):
                width -= 1  # columns empty in every row, as a sheet's used range leaves them
            rows = [r[:width] for r in rows]
            try:
                found = table_records(source, rows, f"sheet '{sheet.title}'", offset)
            except Skip:
                first = next((r for r in rows[:10] if any(c.strip() for c in r)), [])
                refused.append(f"sheet '{sheet.title}': "
                               + (", ".join(c.strip() for c in first if c.strip())[:120]
                                  or "empty"))
                continue
            records += found
            # every sheet with a header is read; records go on numbered across them
            offset += len(rows) - _header_find(rows[:10], export_columns()["columns"])[0] - 1
        if not records and refused:
            raise Skip("a workbook with no sheet naming a title and an abstract column ("
                       + "; ".join(refused)[:300] + "); add your catalogue's names to "
                       "lexicon/export_columns.yaml")
        if not records:
            raise Skip("an Excel workbook with no sheet")
        return records
    finally:
        book.close()


def _json_records(value, depth: int = 0) -> list[dict] | None:
    """The records of a JSON export: the value itself when it is a list of objects, else the
    first such list among an object's fields (a page of an API's answer: Gateway to
    Research's "project", OpenAlex's "results"), looked for three levels down at most."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value
    if isinstance(value, dict) and depth > 0 and len(value) >= 2:
        # records keyed by their ids (the World Bank's "documents": {"D000": {...}}), beside
        # an aggregate or two ("facets")
        records = [v for v in value.values() if isinstance(v, dict) and len(v) >= 3]
        if len(records) >= max(1, len(value) // 2) and all(
                sum(not isinstance(x, dict | list) for x in r.values()) >= 3 for r in records):
            return records
    if isinstance(value, dict) and depth < 3:
        for inner in value.values():
            found = _json_records(inner, depth + 1)
            if found is not None:
                return found
    return None


def _inverted_index_text(index: dict) -> str:
    """An abstract given as OpenAlex gives it, each word with the places it stands at."""
    places = sorted((at, word) for word, ats in index.items() for at in ats)
    return " ".join(word for _, word in places)


_LANGUAGE_KEYS = frozenset({"en", "nb", "nn", "no", "sv", "da", "und", "eng", "nob", "nno",
                            "swe", "dan"})


#: Objects that say when and by whom a record was handled, not what it is (folded names).
_ADMIN_KEYS = frozenset({"created", "last modified", "modified", "updated", "accessed",
                         "indexed", "deposited", "changed", "date added", "date modified",
                         "status changed", "date completed", "date revised", "date created"})


def _scalars(value) -> list[str]:
    """The texts and numbers of a value, lists of lists included ("date-parts": [[2021, 9]])."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [s for v in value if not isinstance(v, dict) for s in _scalars(v)]
    return []


def _json_flat(record: dict, prefix: str = "", depth: int = 0,
               flat: dict[str, str] | None = None) -> dict[str, str]:
    """A JSON record's fields as text, under their own names and, for a field of an object
    within it, also under "object field" (an API nests the title and the abstract:
    "entityDescription" → "mainTitle"): a list of values joined by "; ", a text per language
    ({"en": ..., "nb": ...}) as "field en", "field nb", an inverted index as its text. Lists
    of objects (authors, contributors, funders) are left out: they name people."""
    flat = {} if flat is None else flat
    # the object's own values first, then its objects': a record's own title before its
    # journal's ({"journal": {"title": ...}, "title": ...})
    items = sorted(record.items(), key=lambda kv: isinstance(kv[1], dict | list))
    for key, value in items:
        name = f"{prefix} {key}".strip()
        if isinstance(value, dict) and header_fold(key) == "abstract inverted index":
            flat.setdefault(key, _inverted_index_text(value))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(
                (only := next(iter(value.values()))), str):
            flat.setdefault(key, only)  # a text wrapped alone ({"cdata!": ...}, {"#text": ...})
        elif isinstance(value, dict) and value and set(value) <= _LANGUAGE_KEYS:
            for lang, text in value.items():
                if isinstance(text, str) and text.strip():
                    flat.setdefault(f"{key} {lang}", text)
        elif isinstance(value, dict) and depth < 4:
            if header_fold(key) in _ADMIN_KEYS or header_fold(key) in _OTHER_ENTITIES:
                # a record's own administration ("created": {"date": ...}), or another
                # entity in it (its journal, its owner): under prefixed names only, never as
                # the record's "date", "title" or "description"
                for sub, inner in value.items():
                    if values := _scalars(inner):
                        flat.setdefault(f"{key} {sub}", "; ".join(values))
            else:
                _json_flat(value, key, depth + 1, flat)
        elif isinstance(value, list) and value and isinstance(value[0], dict) and \
                header_fold(key) in _RECORD_PARTS and depth < 4:
            # a linked-data record's parts as lists of objects (Libris' "hasTitle": [{
            # "mainTitle": ...}], "summary": [{"label": ...}], "publication": [{"year": ...}])
            part = {k: v for k, v in value[0].items() if not str(k).startswith("@")}
            if header_fold(key) == "summary" and "label" in part:
                flat.setdefault("summary", "; ".join(_scalars(part["label"])))
            else:
                _json_flat(part, key, depth + 1, flat)
        elif not isinstance(value, dict) and (values := _scalars(value)):
            if not (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
                flat.setdefault(key, "; ".join(values))
                if prefix:
                    flat.setdefault(name, "; ".join(values))
    return flat


#: Lists of objects that hold a record's own parts, not people (folded names).
_RECORD_PARTS = frozenset({"has title", "summary", "publication", "titles", "abstracts"})


def json_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's JSON export, or a page of its API saved as a file: its records
    (:func:`_json_records`), each read as a row of a table (:func:`table_records`)."""
    try:
        value = json.loads(bytes_decode(data))
    except ValueError as err:
        raise Skip(f"not readable JSON ({str(err)[:80]}); save the export again") from None
    found = _json_records(value)
    if found is None:
        raise Skip("JSON without a list of records (objects with a title and an abstract)")
    flats = [_json_flat(r) for r in found]
    header = list(dict.fromkeys(k for f in flats for k in f))
    return table_records(source, [header] + [[f.get(k, "") for k in header] for f in flats],
                         "JSON")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _marc_records(root) -> list[dict[str, str]]:
    """MARC 21 records (MARCXML, a library catalogue's export) as fields: the title (245 $a
    and $b, the catalogue's closing " /" and " :" dropped), the summary (520 $a), the year
    (264 or 260 $c, else the fixed field 008) and the language (008)."""
    out = []
    for rec in (e for e in root.iter() if _local(e.tag) == "record"):
        fields: dict[str, list[str]] = {}
        control = {}
        for field in rec:
            tag = field.get("tag", "")
            if _local(field.tag) == "controlfield":
                control[tag] = field.text or ""
            for sub in field:
                fields.setdefault(f"{tag}{sub.get('code', '')}", []).append(
                    (sub.text or "").strip())

        title = re.sub(r"\s*[/:;,.]\s*$", "", _subfield(fields, "245a"))
        rest = re.sub(r"\s*[/:;,.]\s*$", "", _subfield(fields, "245b"))
        fixed = control.get("008", "")
        out.append({"title": f"{title}: {rest}" if rest else title,
                    "abstract": "\n\n".join(v for v in fields.get("520a", []) if v),
                    "year": _subfield(fields, "264c", "260c") or fixed[7:11],
                    "language": _marc_language(fixed) or _subfield(fields, "041a")})
    return out


def _marc_language(fixed: str) -> str:
    """The language code of a MARC record's fixed field 008 (its places 35-37), or of the
    last three-letter code the field ends with when a catalogue shifted it."""
    if language_code(fixed[35:38]):
        return fixed[35:38]
    found = re.findall(r"(?<![a-z])([a-z]{3})(?![a-z])", fixed[28:])
    return next((code for code in reversed(found) if language_code(code)), "")


def _subfield(fields: dict[str, list[str]], *keys: str) -> str:
    """The first value of the first of a MARC record's subfields ("245a") that has one."""
    return next((v[0] for k in keys if (v := fields.get(k)) and v[0]), "")


#: Elements that only format the text of the element around them.
_WRAPPERS = frozenset({"style", "span", "b", "i", "em", "strong", "sup", "sub"})


#: Elements inside a field that only shape its text (a paragraph, a line break): the field
#: is the element around them, read whole.
_INLINE = _WRAPPERS | {"p", "br", "sc", "u", "title-group"}
#: Elements that name someone or something else than the record (its authors, its journal,
#: its source), whose fields are never the record's own (folded names).
_OTHER_ENTITIES = frozenset({"author", "authors", "author list", "creator", "creators",
                             "contributor", "contributors", "editor", "editors", "name",
                             "person", "journal", "source", "publisher", "series", "host",
                             "container", "owner", "organisation", "organization",
                             "institution", "funder", "affiliation"})


def _field_like(element) -> bool:
    """Whether an element is one field: no elements under it, or only inline ones (an
    abstract with <i> or <p> in it)."""
    return all(_local(c.tag) in _INLINE for c in element.iter() if c is not element)


def _field_text(element) -> str:
    """A field element's whole text (inline elements' words and the text between them), its
    paragraphs parted by a blank line."""
    if len(element) == 0:
        return (element.text or "").strip()
    parts = [element.text or ""]
    for child in element:
        text = "".join(child.itertext())
        parts.append(f"\n\n{text}\n\n" if _local(child.tag) in ("p", "br") else text)
        parts.append(child.tail or "")
    return re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", "".join(parts)).strip()


def _record_fields(element) -> dict[str, str]:
    """A record element's fields (:func:`_xml_records`): its own first, shallower before
    deeper, values of one list joined by "; "; the fields of another entity in it (an
    author, its journal, a feed entry's source) and of its administration ("created",
    "DateRevised") left out."""
    fields: dict[str, str] = {}
    owners: dict[str, int] = {}
    level = [(element, c, "") for c in element]
    while level:
        deeper = []
        for parent, child, entity in level:
            local = _local(child.tag)
            folded = header_fold(local)
            if folded in _ADMIN_KEYS:
                continue
            if folded in _OTHER_ENTITIES and len(child):
                # another entity's fields under its name ("journal title"); only its date
                # is the record's too (PubMed's issue date)
                deeper += [(child, c, entity or folded) for c in child]
                continue
            if local == "ref-type":
                name, text = local, (child.get("name") or child.text or "").strip()
            elif _field_like(child):
                # a list's items take the list's name (<arr name="dcdescription"><str>), a
                # formatting wrapper its element's (EndNote's <title><style>)
                name = (_local(parent.tag) if local in _WRAPPERS and parent is not element
                        else child.get("name") or (parent.get("name")
                        if parent is not element else None) or local)
                text = _field_text(child)
            else:
                deeper += [(child, c, entity) for c in child]
                continue
            if not text:
                continue
            if entity and header_fold(name) not in ("year", "date", "pub date", "medline date"):
                name = f"{entity} {name}"
            if name not in fields:
                fields[name], owners[name] = text, id(parent)
            elif owners[name] == id(parent):
                # items of one list: keywords joined by "; ", an abstract's sections (a
                # finished sentence before) as paragraphs
                glue = "\n\n" if re.search(r"[.!?]$", fields[name]) else "; "
                fields[name] = f"{fields[name]}{glue}{text}"
        level = deeper
    return fields


def _xml_records(root) -> list[dict[str, str]]:
    """The records of an XML export or API answer: the elements of the name that stands most
    often among those that hold both a title and an abstract field (a list's "dokument", a
    feed's "entry", PubMed's "PubmedArticle"; an author, with its three name fields, holds
    neither), the innermost of equals; failing any, among those holding three fields. Each
    record's fields as :func:`_record_fields` reads them. A document with no list (one
    report) is its own record."""
    columns = export_columns()["columns"]
    titles, abstracts = set(columns["title"]), set(columns["abstract"])

    def names(element) -> set[str]:
        return {header_fold(e.get("name") or _local(e.tag)) for e in element.iter()
                if e is not element and _field_like(e)}

    depth = {root: 0}
    for element in root.iter():
        for child in element:
            depth[child] = depth[element] + 1
    full: dict[str, list] = {}
    some: dict[str, list] = {}
    for element in root.iter():
        if element is root or _field_like(element):
            continue
        held = names(element)
        tag = _local(element.tag)
        if held & titles and held & abstracts:
            full.setdefault(tag, []).append(element)
        elif len(held) >= 3:
            some.setdefault(tag, []).append(element)
    found = full or some
    if not found:
        return [_record_fields(root)] if names(root) & titles else []
    # of equals the innermost: a feed's channel or a PubMed citation holds one record's
    # fields as its record does
    record_tag = max(found, key=lambda k: (len(found[k]), min(depth[e] for e in found[k])))
    # every element of that name is a record, one with a title alone too (to be reported)
    return [_record_fields(e) for e in root.iter()
            if e is not root and _local(e.tag) == record_tag and not _field_like(e)]


def _rdf_records(root) -> list[dict[str, str]]:
    """An RDF/XML export's records (Zotero's "Exported Items.rdf"): the top's elements of any
    kind (an article, a book, a report), each with its own fields before those of what it is
    part of; where the items name their type, the journals, attachments and notes beside them
    are left out, elsewhere the elements without a title."""
    out = []
    for element in root:
        fields: dict[str, str] = {}
        # the record's own fields first, then those of what it is part of (a chapter's book)
        for child in [*element, *(c for c in element.iter() if c is not element)]:
            if len(child) == 0 and (child.text or "").strip():
                fields.setdefault(_local(child.tag), child.text.strip())
        out.append(fields)
    out = [f for f, e in zip(out, root, strict=True)
           if _local(e.tag) not in ("channel", "image", "textinput")]  # RSS 1.0's own parts
    typed = [f for f in out if "itemType" in f]
    # Zotero names each item's type; a journal, an attachment or a note is no record
    return [f for f in typed if f["itemType"] not in ("attachment", "note")] if typed else \
        [f for f in out if "title" in f]


def xml_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's XML export or a saved page of its API (parsed with defusedxml, which
    refuses entity bombs): MARCXML (:func:`_marc_records`), or any list of records
    (:func:`_xml_records`), each read as a row of a table (:func:`table_records`)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as err:
        raise Skip(f"not readable XML ({str(err)[:80]}); save the export again") from None
    marc = any(_local(e.tag) == "datafield" for e in root.iter())
    found = _marc_records(root) if marc else _rdf_records(root) if _local(root.tag) == "RDF" \
        else _xml_records(root)
    if not found:
        raise Skip("XML without a list of records (elements with a title and an abstract)")
    header = list(dict.fromkeys(k for f in found for k in f))
    return table_records(source, [header] + [[f.get(k, "") for k in header] for f in found],
                         "XML")


def table_text_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A table saved as tab-separated text (Excel's "Unicode text", in UTF-16): its rows read
    as a CSV file's (:func:`table_records`)."""
    rows = list(csv.reader(io.StringIO(bytes_decode(data)), delimiter="\t"))
    return table_records(source, rows, "tab-separated text")


def _tagged_records(text: str, tag: re.Pattern, start: str, end: str | None,
                    indent: int, paragraphs: tuple[str, ...] = ()
                    ) -> list[tuple[int, dict[str, str], bool]]:
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
            # repeated tags (authors, keywords) are joined; a title or abstract is one field,
            # an abstract given twice (two languages) two paragraphs
            glue = "\n\n" if last in paragraphs else "; "
            fields[last] = f"{fields[last]}{glue}{value}" if last in fields else value
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
        if re.fullmatch(r"\[.*\]\.?", fields.get("TI", "")) and fields.get("TT"):
            fields["TI"] = fields["TT"]  # "[English translation]." over the title as written
        try:
            out.append(_bib_record(source, n, fields, ("TI", "BTI"), ("AB",), ("DP", "DEP"),
                                   ("JT", "TA"), ("LA",)))
        except Skip as skip:
            out.append(skip)
    if not out:
        raise Skip("a MEDLINE export with no record (no line 'PMID- ...')")
    return out


_ENDNOTE_TAG = re.compile(r"^%([0-9A-Z@!#$&()*+^~>\]|?])(?: (.*))?$")


def endnote_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """EndNote's tagged export (``.enw``, or text: ``%0 Journal Article`` opens each record,
    ``%T`` its title, ``%X`` its abstract, ``%D`` its year or ``%8`` its date, ``%G`` its
    language; a line without a tag goes on with the field above; a blank line ends it)."""
    out: list[Record | Skip] = []
    for n, fields, _ in _tagged_records(bytes_decode(data), _ENDNOTE_TAG, "0", None, 0):
        try:
            out.append(_typed(_bib_record(source, n, fields, ("T",), ("X",), ("D", "8"),
                                          ("J", "B"), ("G",)), fields.get("0", "")))
        except Skip as skip:
            out.append(skip)
    if not out:
        raise Skip("an EndNote export with no record (no line '%0 ...')")
    return out


def ovid_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """Ovid's text export: a search strategy, then records opened by "<1>", "<2>" ..., each
    field's name on a line of its own and its value indented under it."""
    records: list[dict[str, str]] = []
    field = None
    for line in bytes_decode(data).splitlines():
        if re.fullmatch(r"<\d+>\s*", line):
            records.append({})
            field = None
        elif not records or not line.strip():
            continue
        elif not line[:1].isspace():
            field = line.strip()
        elif field is not None:
            value = line.strip()
            records[-1][field] = f"{records[-1][field]} {value}".strip() \
                if field in records[-1] else value
    if not records:
        raise Skip("an Ovid export with no record (no line '<1>')")
    header = list(dict.fromkeys(k for r in records for k in r))
    return table_records(source, [header] + [[r.get(k, "") for k in header] for r in records],
                         "Ovid export")


_REFWORKS_TAG = re.compile(r"^([A-Z][A-Z0-9]) (.*)$")


def refworks_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """RefWorks' tagged export (``RT Journal Article`` opens each record, ``T1`` its title,
    ``AB`` its abstract, ``YR`` its year, ``LA`` its language; a blank line ends it)."""
    out: list[Record | Skip] = []
    for n, fields, _ in _tagged_records(bytes_decode(data).lstrip("\ufeff"), _REFWORKS_TAG,
                                        "RT", None, 0, paragraphs=("AB",)):
        try:
            out.append(_typed(_bib_record(source, n, fields, ("T1", "T2"), ("AB",),
                                          ("YR", "FD"), ("JF", "T2"), ("LA",)),
                              fields.get("RT", "")))
        except Skip as skip:
            out.append(skip)
    if not out:
        raise Skip("a RefWorks export with no record (no line 'RT ...')")
    return out


def export_kind(text: str) -> str:
    """Which catalogue export a text file is, from its first lines: "wos" (Web of Science plain
    text), "wos-tab" (its tab-delimited file, whose header names the same two-letter fields),
    "medline" (PubMed), "endnote" (EndNote's tagged export), "refworks" (RefWorks' tagged
    export), "ovid" (Ovid's text export),
    "table" (another table saved
    as tab-separated text whose header names a title and an abstract column), or "" (a
    document)."""
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
    if re.match(r"%0 \w", lines[0]) and any(re.match(r"%[TAX] ", ln) for ln in lines[1:]):
        return "endnote"
    tagged = {ln[:3] for ln in head.splitlines()[:40]
              if ln[:3] in ("T1 ", "A1 ", "AB ", "YR ", "JF ", "SR ", "ID ", "PB ", "K1 ")}
    if re.match(r"RT \w", lines[0].lstrip("\ufeff")) and len(tagged) >= 3:
        return "refworks"
    if re.search(r"(?m)^<1>[ \t]*\r?\n\S[^\n]*\r?\n[ \t]+\S", text[:20000]) and (
            lines[0].strip() == "<1>" or re.match(r"(?i)database:", lines[0]) and
            re.search(r"(?im)^search strategy:", head)):
        return "ovid"
    if lines[0].count("\t") >= 2 and _header_find(
            [lines[0].split("\t")], export_columns()["columns"]) is not None:
        return "table"
    return ""
