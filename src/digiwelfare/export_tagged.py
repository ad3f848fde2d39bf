"""Catalogue exports in tagged text, one document per record: Web of Science's plain text,
PubMed's MEDLINE, EndNote's tagged export (``.enw``) and RefWorks' tagged export, each a
field's tag opening its line (:func:`_tagged_records`)."""

from __future__ import annotations

import re
from pathlib import Path

from digiwelfare.bibliography import _bib_record, _typed
from digiwelfare.readers import Record, Skip, bytes_decode


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
