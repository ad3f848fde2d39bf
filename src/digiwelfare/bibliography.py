"""Bibliographic and catalogue exports, one document per record: what every reader shares
(a record from its fields, :func:`abstract_clean`, the export columns' research data and a
record's kind, :func:`export_columns`, :func:`kind_type`), RIS and BibTeX, and which
export a text file is (:func:`export_kind`). Web of Science, PubMed's MEDLINE, EndNote's
and RefWorks' tagged exports are read by :mod:`digiwelfare.export_tagged`; tables (CSV,
Excel, tab-separated text, Ovid's text) by :mod:`digiwelfare.export_tables`; JSON and XML
by :mod:`digiwelfare.export_trees`.

A record without an abstract, or one cut off, is a :class:`~digiwelfare.readers.Skip` of its
own (with its record number); the other records of the file are imported.
"""

from __future__ import annotations

import html
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
#: Published by ...", "Copyright © 2021 ...", "© European Union, 2021". It starts a
#: sentence after the abstract's last, opens with the sign (followed by a year, "the
#: authors", or a holder and a year), or "Copyright" and a year or the sign, or "(C)" and a
#: year, and runs to the end in at most 300 characters; one that opens the field is left
#: (the abstract would follow it).
_RIGHTS_TAIL = re.compile(
    r"(?<=[.!?\]\)])\s+(?:©\s*(?=(?:19|20)\d\d|the authors?\b|the author\(s\)|"
    r"[^.!?\n]{1,80}?\b(?:19|20)\d\d\b)|"
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
    text = field_unwrap(_tags_strip(text).strip())
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


def field_unwrap(text: str) -> str:
    r"""An export field's text with the line breaks a tool wrapped it at made spaces (arXiv's
    answer and some RIS files wrap an abstract near 80 characters): a line that ends no
    sentence and has at least five words, or that the next line goes on from in lower case,
    goes on in that next line. Blank lines (paragraphs), a heading or a label on a line of its
    own ("BACKGROUND", "Methods:") and a line after a finished sentence keep their break.

    >>> field_unwrap("We audit a profiling model\ntrained on invented data. It\nerrs.")
    'We audit a profiling model trained on invented data. It errs.'
    >>> field_unwrap("BACKGROUND\nUsers differ.\nMETHODS: We asked 12 staff.")
    'BACKGROUND\nUsers differ.\nMETHODS: We asked 12 staff.'
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        above, here = out[-1].rstrip(), line.strip()
        if above and here and (here[:1].islower() or (
                not re.search(r"[.!?:;]['\"”’)\]]?$", above) and len(above.split()) >= 5)):
            out[-1] = f"{above} {here}"
        else:
            out.append(line)
    return "\n".join(out)


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
    "_", "-", "." and spaces as one space, a byte-order mark, quotes and colons dropped,
    brackets a space ("startDate" and "Start_date" are "start date", DSpace's
    "dc.title[en_US]" is "dc title en us")."""
    name = re.sub(r"(?<=[a-zæøåäö])(?=[A-ZÆØÅÄÖ])", " ", name.replace("\ufeff", ""))
    name = re.sub(r"[()\[\]{}]", " ", re.sub(r"[\"':]", "", name.lower()))
    return " ".join(re.sub(r"[_\-.\s]+", " ", name).split())


@lru_cache(maxsize=4)
def _export_columns(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    fields = ("title", "identifier", "abstract", "more_text", "year", "venue", "language",
              "kind", "project", "bibliography")
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
    list, a statistics agency's) are typed from their text, as any document is, and as a
    ``policy_document`` where no cue of the text speaks (``doc_type_fallback``: the labelled
    export sets type a catalogue's untyped report so, never a web page's ``other``)."""
    doc_type = kind_type(kind) if kind else ""
    if doc_type == "none":  # a file's format, not a kind (kinds "none" of export_columns)
        kind, doc_type = None, ""
    if not doc_type and project and not kind:
        doc_type = "project_report"
    if doc_type:
        record.meta["doc_type"] = doc_type
    else:
        record.meta.pop("doc_type", None)
        record.meta.pop("doc_type_source", None)
        # a catalogue's record that no cue of its text types is a publication of the body
        # that lists it (a statistics office's, a ministry's, an institute's report), not a
        # web page: the import takes this where the text shows no cue at all
        record.meta["doc_type_fallback"] = "policy_document"
    return record


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
    from digiwelfare.export_tables import _header_find

    if lines[0].count("\t") >= 2 and _header_find(
            [lines[0].split("\t")], export_columns()["columns"]) is not None:
        return "table"
    return ""
