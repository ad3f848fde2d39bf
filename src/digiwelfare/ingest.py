"""Importing documents: a folder of PDFs, Word files, web pages, text files and
bibliographic exports becomes a corpus folder, with nothing lost and nothing sensitive kept.

Every input file (and every record of a bibliographic export) ends up in
``import_report.csv`` as ``imported``, ``unchanged`` (already in the corpus), ``replaced``,
``duplicate`` (of another document, named) or ``skipped`` (with the reason), so the counts
always add up. Text is cleaned (:mod:`digiwelfare.clean`) and personal identifiers are masked
(:mod:`digiwelfare.identifiers`) before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from digiwelfare.clean import text_clean
from digiwelfare.config import file_write_atomic
from digiwelfare.corpus import COLUMNS, DOC_TYPES, SCHEMA
from digiwelfare.identifiers import KINDS, Masker
from digiwelfare.language import text_language_tag

MAX_BYTES = 20_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".html", ".htm", ".ris", ".bib", ".csv"}
REPORT_COLUMNS = ("source", "record", "status", "id", "duplicate_of", "reason",
                  *(f"masked_{k}" for k in KINDS))
EXTRA_COLUMNS = ("source", "derived")
NEAR_DUPLICATE = 0.8  # Jaccard similarity of word 5-gram sets above which texts are one


class Skip(Exception):
    """An input that cannot become a document; the message is the reason, for people, and
    ``record`` the record of a bibliographic export it concerns (0: the whole file)."""

    def __init__(self, reason: str, record: int = 0):
        super().__init__(reason)
        self.record = record


@dataclass
class Record:
    """One document found in an input file, before cleaning and masking."""

    source: str
    record: int
    text: str
    title: str = ""
    year: int | None = None
    meta: dict = field(default_factory=dict)


# --- decoding ---------------------------------------------------------------------------

def bytes_decode(data: bytes) -> str:
    """Text of a file in UTF-8 (with or without BOM), UTF-16 (BOM, or the zero bytes of
    ASCII text), Windows-1252 or Latin-1, in that order; raises :class:`Skip` for binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 3:
        zeros_odd = data[1::2].count(0) > len(data) // 3
        zeros_even = data[0::2].count(0) > len(data) // 3
        if zeros_odd != zeros_even:
            try:
                return data.decode("utf-16-le" if zeros_odd else "utf-16-be")
            except UnicodeDecodeError:
                pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise Skip("binary data, not text")
    return text


def markdown_strip(text: str) -> str:
    """Markdown to plain text: headings, emphasis, links, code fences and list marks go."""
    text = re.sub(r"^```.*?$", "", text, flags=re.MULTILINE)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", text)


# --- readers, one per format ------------------------------------------------------------

def read_text(path: Path, data: bytes, source: str) -> list[Record]:
    text = bytes_decode(data)
    if path.suffix.lower() in (".md", ".markdown"):
        text = markdown_strip(text)
    return [Record(source, 0, text)]


_PAGE_NUMBER = re.compile(r"(?i)(page|side|s\.)?\s*\d{1,4}(\s*(of|av|/)\s*\d{1,4})?")
_KEEP_HYPHEN_BEFORE = {"og", "eller", "and", "or", "to", "til", "samt", "nor"}


def pdf_pages_join(pages: list[str]) -> str:
    """Text of a PDF's pages: running headers and footers (lines repeated at the top or
    bottom of at least half the pages) and page numbers dropped, words hyphenated at line
    ends rejoined, lines joined into paragraphs."""
    page_lines = [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in pages]
    edges: dict[str, int] = {}
    for lines in page_lines:
        for ln in {re.sub(r"\d+", "#", x) for x in lines[:2] + lines[-2:]}:
            edges[ln] = edges.get(ln, 0) + 1
    running = {k for k, n in edges.items() if n >= 2 and n >= len(pages) / 2}
    lines: list[str] = []
    for page in page_lines:
        n = len(page)
        for i, ln in enumerate(page):
            at_edge = i < 2 or i >= n - 2
            if at_edge and (re.sub(r"\d+", "#", ln) in running or _PAGE_NUMBER.fullmatch(ln)):
                continue
            lines.append(ln)
    if not lines:
        return ""
    median = sorted(len(ln) for ln in lines)[len(lines) // 2]
    out = lines[0]
    for prev, ln in zip(lines, lines[1:], strict=False):
        first_word = ln.split()[0].lower()
        if re.search(r"[^\W\d_]-$", prev) and ln[0].islower() and first_word not in (
                _KEEP_HYPHEN_BEFORE):
            out = out[:-1] + ln
        elif prev.endswith((".", "!", "?", ":")) and len(prev) < 0.8 * median:
            out += "\n\n" + ln
        else:
            out += " " + ln
    return out


def read_pdf(path: Path, data: bytes, source: str) -> list[Record]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Skip("password-protected PDF; save an unprotected copy to import it")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except Skip:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as err:
        raise Skip(f"not a readable PDF (truncated or corrupt: {type(err).__name__})") from None
    text = pdf_pages_join(pages)
    if not text.strip():
        raise Skip("PDF has no text layer (a scanned document?); run OCR on it first")
    title = str(info.get("/Title") or "").strip()
    year = _year_of(str(info.get("/CreationDate") or "")[2:6])
    return [Record(source, 0, text, title=title, year=year)]


def read_docx(path: Path, data: bytes, source: str) -> list[Record]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise Skip(f"not a valid Word .docx file ({type(err).__name__})") from None
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append(" | ".join(dict.fromkeys(c.text.strip() for c in row.cells)))
    props = document.core_properties
    year = props.created.year if props.created else None
    return [Record(source, 0, "\n\n".join(b for b in blocks if b.strip()),
                   title=(props.title or "").strip(), year=year)]


_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "button", "svg", "iframe", "template", "menu", "select")
_HTML_DROP_ATTR = re.compile(r"(?i)\b(nav|navbar|menu|breadcrumbs?|footer|header|cookie|share|"
                             r"social|sidebar|skip|banner|related)\b")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th",
                "dd", "dt", "figcaption", "div", "section")


def read_html(path: Path, data: bytes, source: str) -> list[Record]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(bytes_decode(data), "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    year = None
    for name in ("citation_publication_date", "dc.date", "article:published_time", "date"):
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", property=name)
        if tag and tag.get("content"):
            year = _year_of(tag["content"][:4])
            break
    for tag in soup(_HTML_DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marks = " ".join([*tag.get("class", []), tag.get("id") or "", tag.get("role") or ""])
        if _HTML_DROP_ATTR.search(marks) or tag.get("role") in ("navigation", "contentinfo"):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.find(attrs={"role": "main"}) \
        or soup.body or soup
    blocks = []
    for tag in root.find_all(_HTML_BLOCKS):
        if tag.find(_HTML_BLOCKS):
            continue  # only the innermost blocks, so no text is taken twice
        text = tag.get_text(" ", strip=True)
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [root.get_text("\n", strip=True)]
    h1 = root.find("h1")
    return [Record(source, 0, "\n\n".join(blocks),
                   title=h1.get_text(" ", strip=True) if h1 else title, year=year)]


def _year_of(text: str) -> int | None:
    found = re.search(r"(19[5-9]\d|20\d\d)", text or "")
    return int(found.group()) if found else None


def _bib_record(source: str, n: int, fields: dict[str, str], title_keys, abstract_keys,
                year_keys, venue_keys, language_keys=()) -> Record:
    def first(keys):
        return next((fields[k].strip() for k in keys if fields.get(k, "").strip()), "")

    title, abstract = first(title_keys), first(abstract_keys)
    if not abstract:
        raise Skip(f"record {n} ('{title[:60]}') has no abstract", record=n)
    meta = {"doc_type": "abstract"}
    venue = first(venue_keys)
    if venue:
        meta["provenance"] = venue
    lang = first(language_keys).lower()[:2]
    if lang in ("en", "nb", "no", "nn", "da", "sv"):
        meta["language"] = "nb" if lang == "no" else lang
    return Record(source, n, abstract, title=title, year=_year_of(first(year_keys)), meta=meta)


def read_ris(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """RIS records (``TY`` ... ``ER``); a record that is cut off or lacks an abstract is
    reported on its own, the others are imported."""
    records: list[Record | Skip] = []
    fields: dict[str, str] | None = None
    last = None
    n = 0
    for line in bytes_decode(data).splitlines():
        tag = re.match(r"^([A-Z][A-Z0-9])  -( (.*)|$)", line)
        if tag and tag.group(1) == "TY":
            if fields is not None:
                records.append(Skip(f"record {n} is not closed by ER before the next TY",
                                    record=n))
            n += 1
            fields, last = {}, None
        elif fields is None:
            if line.strip():
                raise Skip(f"malformed RIS: text before the first TY line: '{line[:40]}'")
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


def read_bibtex(path: Path, data: bytes, source: str) -> list[Record | Skip]:
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


def read_csv_export(path: Path, data: bytes, source: str) -> list[Record | Skip]:
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


READERS = {".pdf": read_pdf, ".docx": read_docx, ".html": read_html, ".htm": read_html,
           ".ris": read_ris, ".bib": read_bibtex, ".csv": read_csv_export,
           **{s: read_text for s in TEXT_SUFFIXES}}


# --- from files to documents ------------------------------------------------------------

def sources_list(sources: Iterable[str | Path]) -> list[Path]:
    """Input files: files as given, folders searched recursively (hidden files and the
    ``metadata.csv`` of a folder left out), in sorted order, each once."""
    found: list[Path] = []
    for src in sources:
        path = Path(src)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts)
                            and p.name != "metadata.csv")
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def id_slug(name: str) -> str:
    """An id from a file name: ASCII letters and digits, Norwegian letters spelled out.

    >>> id_slug("Rapport om Ørsta kommune (2021).pdf")
    'rapport-om-orsta-kommune-2021'
    """
    stem = Path(name).stem.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ß", "ss"), ("đ", "d"), ("ł", "l")):
        stem = stem.replace(a, b)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:56] or "doc"


def beside_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of a ``metadata.csv`` next to input files, by the file name in its ``file`` column."""
    path = folder / "metadata.csv"
    if not path.is_file():
        return {}
    table = pd.read_csv(io.StringIO(bytes_decode(path.read_bytes())), dtype=str,
                        keep_default_na=False)
    if "file" not in table.columns:
        raise Skip(f"{path}: needs a 'file' column naming each file it describes")
    return {row["file"]: {k: v for k, v in row.items() if v != "" and k != "file"}
            for row in table.to_dict("records")}


def words_shingles(text: str, n: int = 5) -> frozenset[int]:
    words = re.findall(r"\w+", text.lower())
    return frozenset(hash(" ".join(words[i:i + n])) for i in range(max(1, len(words) - n + 1)))


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.lower())).encode()).hexdigest()


def corpus_key(folder: Path) -> bytes:
    """The corpus's masking key (``.mask_key``), made on first use. Keep it private: with it,
    a guessed identifier can be checked against a placeholder."""
    path = folder / ".mask_key"
    if not path.is_file():
        file_write_atomic(path, secrets.token_hex(32).encode())
    return path.read_bytes().strip()


@dataclass
class ImportResult:
    report: pd.DataFrame
    corpus: Path

    def counts(self) -> dict[str, int]:
        return self.report["status"].value_counts().to_dict()


def _check_meta(meta: dict[str, str]) -> str | None:
    for col in SCHEMA:
        value = meta.get(col.name)
        if value not in (None, "") and not col.check(str(value)):
            return f"metadata.csv beside it: {col.name} {value!r} is not {col.rule}"
    return None


def corpus_import(sources: Iterable[str | Path], into: str | Path, replace: bool = False,
                  mask_names: bool = False, doc_type: str = "project_report",
                  max_bytes: int = MAX_BYTES, echo=print) -> ImportResult:
    """Import ``sources`` (files or folders) into the corpus folder ``into``.

    Adds documents, never overwrites or deletes one unless ``replace`` is set (then a
    document imported earlier from the same file is replaced); importing the same files
    again changes nothing. ``echo`` receives one line per problem.
    """
    into = Path(into)
    (into / "texts").mkdir(parents=True, exist_ok=True)
    meta_path, report_path = into / "metadata.csv", into / "import_report.csv"
    existing = (pd.read_csv(meta_path, dtype=str, keep_default_na=False)
                if meta_path.is_file() else pd.DataFrame(columns=[*COLUMNS, *EXTRA_COLUMNS]))
    old_report = (pd.read_csv(report_path, dtype=str, keep_default_na=False)
                  if report_path.is_file() else pd.DataFrame(columns=REPORT_COLUMNS))
    masker_key = corpus_key(into)
    texts = {i: (into / "texts" / f"{i}.txt").read_text("utf-8")
             for i in existing["id"] if (into / "texts" / f"{i}.txt").is_file()}
    fingerprints = {text_fingerprint(t): i for i, t in texts.items()}
    shingles = {i: words_shingles(t) for i, t in texts.items()}
    id_by_source = {src: i for i, src in zip(existing["id"], existing.get(
        "source", [""] * len(existing)), strict=True) if src}
    rows = {r["id"]: r for r in existing.to_dict("records")}
    report: list[dict] = []
    folders_meta: dict[Path, dict] = {}

    def outcome(source, record, status, doc_id="", reason="", duplicate_of="", counts=None):
        if status == "skipped":
            echo(f"skipped: {source}{f' (record {record})' if record else ''}: {reason}")
        report.append({"source": source, "record": str(record), "status": status, "id": doc_id,
                       "duplicate_of": duplicate_of, "reason": reason,
                       **{f"masked_{k}": str((counts or {}).get(k, 0)) for k in KINDS}})

    for path in sources_list(sources):
        source = str(path)
        try:
            records = _records_of(path, source, max_bytes)
            if path.parent not in folders_meta:
                folders_meta[path.parent] = beside_metadata(path.parent)
        except Skip as skip:
            outcome(source, 0, "skipped", reason=str(skip))
            continue
        except Exception as err:  # a reader's library failed in a way nobody foresaw
            outcome(source, 0, "skipped", reason=f"could not be read ({type(err).__name__}: "
                    f"{str(err)[:120]}); please report this file's kind")
            continue
        given_all = folders_meta[path.parent].get(path.name, {})
        for rec in records:
            if isinstance(rec, Skip):
                outcome(source, rec.record, "skipped", reason=str(rec))
                continue
            given = given_all if rec.record == 0 else {}
            problem = _check_meta(given)
            if problem:
                outcome(source, rec.record, "skipped", reason=problem)
                continue
            masker = Masker(masker_key, names=mask_names)
            text = masker.mask(text_clean(rec.text)[0])
            if len(re.findall(r"\w+", text)) < 5:
                outcome(source, rec.record, "skipped", reason="no text (fewer than 5 words "
                        "after cleaning)")
                continue
            try:
                row, derived = _row_for(rec, given, text, masker, doc_type)
            except Skip as skip:
                outcome(source, rec.record, "skipped", reason=str(skip))
                continue
            src_label = source if not rec.record else f"{source}#{rec.record}"
            fp = text_fingerprint(text)
            doc_id = id_by_source.get(src_label)
            if doc_id:  # imported from this very file (or record) before
                if texts.get(doc_id) == text:
                    outcome(source, rec.record, "unchanged", doc_id, counts=masker.counts)
                    continue
                if not replace:
                    outcome(source, rec.record, "skipped", doc_id, reason="changed since it was "
                            f"imported as {doc_id}; import with --replace to update it")
                    continue
                status = "replaced"
            else:
                dupe = fingerprints.get(fp) or _near_duplicate(words_shingles(text), shingles)
                if dupe:
                    outcome(source, rec.record, "duplicate", duplicate_of=dupe,
                            reason="same text as " + dupe, counts=masker.counts)
                    continue
                doc_id = given.get("id") or id_slug(path.name) + (
                    f"-{rec.record}" if rec.record else "")
                if doc_id in rows:
                    if given.get("id"):
                        outcome(source, rec.record, "skipped", doc_id,
                                reason=f"id {doc_id} is already used in the corpus")
                        continue
                    base, k = doc_id, 2
                    while f"{base}-{k}" in rows:
                        k += 1
                    doc_id = f"{base}-{k}"
                status = "imported"
            row.update(id=doc_id, source=src_label, derived=";".join(derived))
            rows[doc_id], texts[doc_id], id_by_source[src_label] = row, text, doc_id
            fingerprints[fp] = doc_id
            shingles[doc_id] = words_shingles(text)
            outcome(source, rec.record, status, doc_id, counts=masker.counts)

    for doc_id in rows:
        path = into / "texts" / f"{doc_id}.txt"
        if not path.is_file() or path.read_text("utf-8") != texts[doc_id]:
            file_write_atomic(path, texts[doc_id].encode("utf-8"))
    columns = [*COLUMNS, *[c for c in existing.columns if c not in COLUMNS]]
    columns += [c for c in EXTRA_COLUMNS if c not in columns]
    table = pd.DataFrame(list(rows.values()), columns=columns).fillna("").sort_values("id")
    file_write_atomic(meta_path, table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    merged = {(r["source"], r["record"]): r for r in old_report.to_dict("records")}
    for r in report:
        key = (r["source"], r["record"])
        if r["status"] == "unchanged" and key in merged:
            continue  # a rerun keeps the row that says how the document first came in
        merged[key] = r
    full = pd.DataFrame(sorted(merged.values(), key=lambda r: (r["source"], int(r["record"]))),
                        columns=REPORT_COLUMNS)
    file_write_atomic(report_path, full.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return ImportResult(pd.DataFrame(report, columns=REPORT_COLUMNS), into)


def _records_of(path: Path, source: str, max_bytes: int) -> list:
    if not path.is_file():
        raise Skip("no such file")
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise Skip(f"unsupported file type '{suffix or path.name}' (supported: "
                   + ", ".join(sorted(SUFFIXES)) + ")")
    size = path.stat().st_size
    if size == 0:
        raise Skip("empty file")
    if size > max_bytes:
        raise Skip(f"larger than the limit ({size:,} bytes > {max_bytes:,}); raise --max-mb")
    return READERS[suffix](path, path.read_bytes(), source)


def _near_duplicate(sh: frozenset[int], shingles: dict[str, frozenset[int]]) -> str | None:
    for doc_id in sorted(shingles):
        other = shingles[doc_id]
        if sh and other and len(sh & other) / len(sh | other) >= NEAR_DUPLICATE:
            return doc_id
    return None


def _row_for(rec: Record, given: dict, text: str, masker: Masker, doc_type: str):
    """The metadata row of a record and the names of the fields that were derived; raises
    :class:`Skip` when a required field cannot be had."""
    derived = []
    meta = {**rec.meta, **given}
    title = meta.get("title") or rec.title
    if not title:
        first = text.split("\n", 1)[0].strip()
        title = first if len(first.split()) <= 20 else Path(rec.source).stem
        derived.append("title")
    year = meta.get("year") or rec.year
    if not year:
        years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b",
                                            " ".join(text.split()[:1000]))]
        if not years:
            raise Skip("no year in the file or its text; give it in a metadata.csv beside "
                       "the file (columns file, year)", record=rec.record)
        year = max(years)
        derived.append("year")
    language = meta.get("language")
    if not language:
        language = text_language_tag(text)
        derived.append("language")
    kind = meta.get("doc_type")
    if not kind:
        kind = doc_type if doc_type in DOC_TYPES else "project_report"
        derived.append("doc_type")
    row = {c: str(meta.get(c, "")) for c in COLUMNS}
    row.update(title=masker.mask(" ".join(str(title).split())), year=str(year),
               language=language, doc_type=kind)
    row["provenance"] = row["provenance"] or "imported"
    return row, derived
