"""Catalogue exports as tables, one document per row: CSV (comma, semicolon or tab), Excel
workbooks, a table saved as tab-separated text and Ovid's text export. The header is found
by the column names of ``lexicon/export_columns.yaml``
(:func:`digiwelfare.bibliography.export_columns`); a field may come from several columns (a
summary per language), a row takes the first it has a value in."""

from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

from digiwelfare.bibliography import (
    _bib_record,
    _typed,
    abstract_clean,
    export_columns,
    header_fold,
    kind_type,
)
from digiwelfare.readers import Record, Skip, bytes_decode

#: Qualifiers of a column's name that say its language is one the compendium does not
#: analyse, whose fields a Nordic register gives beside the others ("projectNameFi", "Titel
#: (tysk)"); not "fra", the Nordic "from" ("Fra år" is a project's start).
_OTHER_QUALIFIER = frozenset({"fi", "fin", "finnish", "finsk", "finska", "suomi", "fi fi",
                              "is", "isl", "icelandic", "islandsk", "de", "ger", "deu",
                              "german", "tysk", "tyska", "fr", "fre", "french", "fransk",
                              "franska"})

#: The words a column's name may end in to say which language it holds ("Sammendrag
#: (engelsk)", "Projekttitel (sv)", "Summary English"), folded: the analysed languages',
#: DSpace's locales ("dc.title[en_US]", "[nb_NO]"), a field's translation beside it
#: (Dimensions' "Abstract translated"), and :data:`_OTHER_QUALIFIER`.
_LANGUAGE_QUALIFIER = frozenset({
    "en", "eng", "english", "engelsk", "engelska", "no", "nb", "nn", "nor", "norsk",
    "norwegian", "bokmål", "nynorsk", "sv", "swe", "svensk", "svenska", "swedish", "da", "dan",
    "dansk", "danish", "original",
    "en us", "en gb", "nb no", "nn no", "no no", "sv se", "da dk",
    "translated", "translation", "oversatt", "omsett", "oversat", "översatt", "översättning",
}) | _OTHER_QUALIFIER


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
    none). Where a header has an abstract but no title column, an identifier column
    (``identifier`` of :func:`export_columns`: a decision's or a document's number) is the
    title."""
    for at, row in enumerate(rows):
        header = [header_fold(str(h)) for h in row]
        where = {key: _columns_of(header, names) for key, names in columns.items()
                 if key not in ("project", "bibliography")}
        # a list of decisions by their numbers has no title column: the number names each
        identifier = where.pop("identifier")
        if not where["title"] and where["abstract"]:
            where["title"] = identifier
        if where["title"] and where["abstract"]:
            # a title in an analysed language before one in another (research.fi's
            # projectNameFi comes first in its header)
            where["title"] = [sorted(group, key=lambda i: _other_language(header[i]))
                              for group in where["title"]]
            return at, header, where
    return None


def _other_language(name: str) -> bool:
    """Whether a folded column name ends or starts with a qualifier of a language not
    analysed here ("project name fi")."""
    words = name.split()
    return any(" ".join(words[-k:]) in _OTHER_QUALIFIER or " ".join(words[:k]) in
               _OTHER_QUALIFIER for k in (1, 2) if len(words) > k)


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
        if len(row) == len(header) + 1 and not str(row[-1]).strip():
            row = row[:-1]  # a line that ends in the delimiter (Web of Science's rows)
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
        kind = fields.get("kind")
        if kind and kind_type(kind) == "none":
            kind = None  # a file's format in the kind's column (Publish or Perish's "PDF")
        records.append(_typed(record, kind or ("article" if articles else None), project))
    return records


def _header_delimiter(text: str) -> str:
    r"""The delimiter of a CSV export: the one a header shows most often (the first of the
    first ten lines with two or more of one of comma, semicolon and tab outside quotes; a
    banner line above the header has none), else the one :class:`csv.Sniffer` finds in the
    first 5,000 characters, else a comma. The header decides before the records do: an
    abstract's commas outnumber a tab-delimited file's tabs in a sample (Web of Science's
    tab-delimited export was read as one column).

    >>> _header_delimiter('PT\tAU\tTI\tAB\nJ\tX\tA title\t"One, two, three, four."\n')
    '\t'
    >>> _header_delimiter('Export;of 2 records\n"Title";"Abstract"\n')
    ';'
    """
    for line in [ln for ln in text.splitlines() if ln.strip()][:10]:
        bare = re.sub(r'"[^"]*"', "", line)  # quoted cells hold no delimiter of the header
        counts = {d: bare.count(d) for d in (",", ";", "\t")}
        best = max(counts, key=lambda d: (counts[d], d == "\t", d == ";"))
        if counts[best] >= 2:
            return best
    try:
        return csv.Sniffer().sniff(text[:5000], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


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
        delimiter = _header_delimiter(text)
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


def table_text_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A table saved as tab-separated text (Excel's "Unicode text", in UTF-16): its rows read
    as a CSV file's (:func:`table_records`)."""
    rows = list(csv.reader(io.StringIO(bytes_decode(data)), delimiter="\t"))
    return table_records(source, rows, "tab-separated text")


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
