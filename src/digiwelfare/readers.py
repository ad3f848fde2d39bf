"""Format readers: each turns the bytes of one file into :class:`Record` objects (one per
document; a bibliographic export gives one per record) or raises :class:`Skip` with a reason
for people. :data:`READERS` maps a file suffix to its reader; a new format is a new entry.

Readers take what a file says about itself (a PDF's or Word file's properties, a web page's
meta tags and main heading) and leave everything else (year from the text, type, title from
the first line, cleaning) to :mod:`digiwelfare.metadata` and :mod:`digiwelfare.clean`.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from digiwelfare.linetypes import CLOCK_START
from digiwelfare.pdf_text import (  # noqa: F401 (pdf_pages_join re-exported)
    BROWSER_PRINT,
    EDITOR_EXPORT,
    browser_furniture_drop,
    cover_title,
    page_lines,
    pdf_pages_join,
    pdf_running_heads,
)

#: The largest text a file may expand to (characters), whatever its size on disk: a small
#: compressed Word file or a web page can hold far more text than its bytes suggest.
MAX_TEXT_CHARS = 5_000_000
#: Deeper nesting than this is no page a person made (lxml stops at 256 and drops the rest).
MAX_HTML_DEPTH = 250
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}


class Skip(Exception):
    """An input that cannot become a document; the message is the reason, for people, and
    ``record`` the record of a bibliographic export it concerns (0: the whole file)."""

    def __init__(self, reason: str, record: int = 0):
        super().__init__(reason)
        self.record = record


@dataclass
class Record:
    """One document found in an input file, before cleaning and masking. ``year`` comes with
    ``year_source`` (which property of the file gave it); ``meta`` holds fields the format
    itself gives (a bibliographic record's type, language and venue)."""

    source: str
    record: int
    text: str
    title: str = ""
    year: int | None = None
    year_source: str = ""
    meta: dict = field(default_factory=dict)
    #: All the text the file shows (a web page's menus and fields too), for the evidence of
    #: date and type; the main ``text`` when empty.
    evidence: str = ""
    #: What the reader dropped as furniture (a PDF's running heads), read for the type only.
    furniture: str = ""
    #: Something a person should check although the file was read (mixed encodings).
    warning: str = ""


# --- decoding ---------------------------------------------------------------------------

def bytes_decode(data: bytes) -> str:
    """Text of a file in UTF-8 (with or without BOM), UTF-16 (BOM, or the zero bytes of
    ASCII text), Windows-1252 or Latin-1, in that order; raises :class:`Skip` for binary."""
    return bytes_decode_checked(data)[0]


def bytes_decode_checked(data: bytes) -> tuple[str, str]:
    """:func:`bytes_decode`, and a warning for people when the file mixes encodings (lines in
    UTF-8 beside lines in Windows-1252, as files pasted together are): such a file is decoded
    line by line, so "Første" stays "Første" instead of becoming "FÃ¸rste"."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ""
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 3:
        zeros_odd = data[1::2].count(0) > len(data) // 3
        zeros_even = data[0::2].count(0) > len(data) // 3
        if zeros_odd != zeros_even:
            try:
                return data.decode("utf-16-le" if zeros_odd else "utf-16-be"), ""
            except UnicodeDecodeError:
                pass
    warning = ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        lines = data.split(b"\n")
        utf8 = [ln for ln in lines if re.search(rb"[\xc2-\xf4][\x80-\xbf]", ln)
                and _utf8_ok(ln)]
        if utf8:
            text = "\n".join(ln.decode("utf-8") if _utf8_ok(ln) else ln.decode("cp1252",
                              errors="replace") for ln in lines)
            warning = (f"mixes encodings: {len(utf8)} line(s) in UTF-8, the others in "
                       "Windows-1252; decoded line by line (check its special letters)")
        else:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise Skip("binary data, not text")
    return text, warning


def _utf8_ok(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def markdown_strip(text: str) -> str:
    """Markdown to plain text: headings, emphasis, links, code fences and list marks go."""
    text = re.sub(r"^```.*?$", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # an image (a logo) is no text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$", "", text, flags=re.MULTILINE)  # table rules
    return re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", text)


def markdown_title(text: str) -> str:
    """The first level-one heading of a Markdown text (``# Title``, outside code fences), as
    plain text: a saved page's own heading, which skip links, menus and logo links printed
    above it are not; "" when there is none.

    >>> markdown_title("[Skip to content](#main)\\n![Logo](/l.png)\\n## Menu\\n# Digital *care*")
    'Digital care'
    """
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        heading = None if fenced else re.match(r"\s{0,3}#\s+(.+?)\s*#*\s*$", line)
        if heading:
            return " ".join(markdown_strip(heading.group(1)).split())
    return ""


# --- readers, one per format ------------------------------------------------------------


def pdf_read(path: Path, data: bytes, source: str) -> list[Record]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Skip("password-protected PDF; save an unprotected copy to import it")
        pages = [page_lines(page) for page in reader.pages]
        info = reader.metadata or {}
    except Skip:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as err:
        raise Skip(f"not a readable PDF (truncated or corrupt: {type(err).__name__})") from None
    # a web page printed by a browser: its dates are the day it was printed, its /Title is the
    # page's <title> with the site's name, and each page carries the print's stamp and address
    # (Google Docs and other editors write with Chrome's Skia too: a document they exported
    # names them, and its dates are its own)
    made_by = f"{info.get('/Producer', '')} {info.get('/Creator', '')}"
    printed = bool(BROWSER_PRINT.search(made_by)) and not EDITOR_EXPORT.search(made_by)
    if printed:
        pages = browser_furniture_drop(pages)
    text = pdf_pages_join(pages)
    if not text.strip():
        raise Skip("PDF has no text layer (a scanned document?); run OCR on it first")
    text_limit(text)
    from digiwelfare.titles import title_is_plausible

    # a /Title its first lines print as a heading is the title (often it is a template's or a
    # tool's, "Rapportmal", "PowerPoint Presentation", and is then not taken), before the
    # cover's largest line (a magazine's masthead set larger than the article's title)
    title = next((t for t in ("" if printed else title_shown(str(info.get("/Title") or ""),
                                                              text), cover_title(pages))
                  if t and title_is_plausible(t)), "")
    year = None if printed else year_of(str(info.get("/CreationDate") or "")[2:6])
    return [Record(source, 0, text, title=title, year=year,
                   year_source="file properties" if year else "",
                   furniture="\n".join(pdf_running_heads(pages)))]


def zip_size_check(archive: zipfile.ZipFile, what: str) -> None:
    """:class:`Skip` when a zipped file (a Word or an OpenDocument file) expands to more than
    four times :data:`MAX_TEXT_CHARS`: no document to analyse, or a zip bomb."""
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > 4 * MAX_TEXT_CHARS:
        raise Skip(f"{what} expands to {expanded:,} bytes (limit {4 * MAX_TEXT_CHARS:,}); "
                   "a file this large is not a document to analyse, or a zip bomb")


def text_limit(text: str) -> str:
    """``text`` if it is within :data:`MAX_TEXT_CHARS`, else :class:`Skip`."""
    if len(text) > MAX_TEXT_CHARS:
        raise Skip(f"the file holds {len(text):,} characters of text (limit "
                   f"{MAX_TEXT_CHARS:,}); split it into documents first")
    return text


def title_shown(title: str, text: str) -> str:
    """A title from a file's properties, when one of the file's first lines prints it (the
    whole line, or its start before a colon or a dash and a subtitle), else "". A PDF's /Title
    or a Word file's title property is often its template's ("Remissvar mall"), a working name
    ("Program temadag"), a tool's default or an earlier draft's; one the text does not show
    as a heading (a sentence that mentions it is no heading) is no title a reader would give.
    One word counts only as the first line itself ("Digitaliseringsstrategi" heading the text;
    "Programme" over a programme's table names a kind of document, not this one)."""
    title = title_plausible(" ".join(title.split()))
    words = " ".join(re.findall(r"\w+", title.lower()))
    if not words:
        return ""
    # the first lines with words, each as printed and as its words
    heads = [(raw, key) for raw in (ln.strip() for ln in text.split("\n"))
             if (key := " ".join(re.findall(r"\w+", raw.lower())))][:15]
    if len(words.split()) == 1:
        # a kind of document in one word ("Slutrapport", "Protokoll") over the real title
        kind = re.search(r"(rapport|report|notat|note|paper|program|programme|protokoll|protokol|"
                         r"referat|minutes|svar|nyhetsbrev|newsletter|agenda|dagsorden|"
                         r"sammendrag|summary|abstract|invitasjon|invitation|vedlegg|bilag|"
                         r"brev|letter|memo)$", words)
        return title if heads[:1] and heads[0][1] == words and not kind else ""
    shown = any(key == words or (key.startswith(words + " ") and re.match(
        rf"(?i)\W*{re.escape(title)}\s*[:–—-]", raw)) for raw, key in heads)
    return title if shown else ""


def title_plausible(title: str) -> str:
    """A title a file's properties give, or "" when it is a file name or a tool's default
    ("Microsoft Word - rapport.docx", "untitled", "Document1")."""
    if re.fullmatch(r"(?i)(microsoft (word|powerpoint) - .*|untitled.*|document\d*|dokument\d*|"
                    r"(powerpoint[ -])?(presentation|presentasjon|præsentation)"
                    r"\d*|slide \d+|title|tittel|titel|"
                    r".*\.(docx?|pdf|pptx?|odt|html?|txt))", title.strip()):
        return ""
    return title



def year_of(text: str, today: date | None = None) -> int | None:
    """The first plausible year (1950 to this year) in a date string such as a PDF's
    ``D:20210314`` or a bibliographic ``2019///``; None if there is none.

    A value that is only a count of seconds (or milliseconds) since 1970, as feed readers'
    exports give a date (Inoreader's ``"published": 1709251200``), is that moment's year in UTC.

    >>> year_of("D:20210314120000"), year_of("2999-01-01"), year_of(""), year_of("1709251200")
    (2021, None, None, 2024)
    """
    this_year = (today or date.today()).year
    epoch = re.fullmatch(r"\s*(\d{10})(\d{3})?\s*", text or "")
    if epoch:
        found = datetime.fromtimestamp(int(epoch.group(1)), tz=UTC).year
        return found if 1950 <= found <= this_year else None
    for found in re.finditer(r"(?<!\d)(19[5-9]\d|20\d\d)", text or ""):
        if int(found.group()) <= this_year:
            return int(found.group())
    return None




def text_read(path: Path, data: bytes, source: str) -> list[Record]:
    text, warning = bytes_decode_checked(data)
    if path.suffix.lower() in (".txt", ".text"):
        # a catalogue's export saved as text (Web of Science's savedrecs.txt, PubMed's
        # MEDLINE file) holds many records, one document each, not one document
        from digiwelfare import export_tables, export_tagged
        from digiwelfare.bibliography import export_kind

        kind = export_kind(text)
        if kind:
            read = {"wos": export_tagged.wos_read, "medline": export_tagged.medline_read,
                    "wos-tab": export_tables.csv_export_read,
                    "table": export_tables.table_text_read,
                    "endnote": export_tagged.endnote_read,
                    "ovid": export_tables.ovid_read,
                    "refworks": export_tagged.refworks_read}[kind]
            return read(path, data, source)
    text = text_limit(text)
    title = ""
    if path.suffix.lower() in (".md", ".markdown"):
        title = markdown_title(text)
        text = markdown_strip(text)
    return [Record(source, 0, lines_unwrap(spaced_items_split(text)), title=title,
                   warning=warning)]


def spaced_items_split(text: str) -> str:
    """Text with each line of short items set apart by runs of two to four spaces (a menu
    or a table's header row as "select all" copies it: "Forside  Numre  Artikler  Om oss")
    broken into one line per item, as the page shows them; so a menu copied in one line is
    read as the menu it is, not as a heading. Three items or more, each of one to four words
    opening with a capital and ending no sentence; five spaces or more is a running header
    set in columns (:func:`lines_unwrap`), and a line of prose never looks like this.

    >>> spaced_items_split("Forside  Numre  Artikler\\nEn artikkel om  to mellomrom.")
    'Forside\\nNumre\\nArtikler\\nEn artikkel om  to mellomrom.'
    """
    out = []
    for line in text.split("\n"):
        parts = re.split(r"(?<=\S) {2,4}(?=\S)", line.strip())
        if len(parts) >= 3 and not re.search(r"\S {5,}\S", line) and all(
                1 <= len(p.split()) <= 4 and p[:1].isupper() and not re.search(r"[.!?:;,]$", p)
                for p in parts):
            out.extend(parts)
        else:
            out.append(line)
    return "\n".join(out)


def lines_unwrap(text: str) -> str:
    """Text whose paragraphs were wrapped at a fixed width (copied from a PDF, a mail, a
    terminal) with each paragraph on one line again; other text unchanged.

    A line is joined to the next when it reaches near the wrap width and the next goes on
    with a lower-case word, or when it does not end a sentence; shorter lines (headings,
    last lines of paragraphs, menu and field lines) keep their break. Words hyphenated at
    the break are rejoined. The width is the 90th percentile of line lengths, and nothing is
    done unless a third of the lines come that close to it.
    """
    lines = text.split("\n")
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if len(lengths) < 8:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = [n for n in lengths if n >= 0.8 * width]
    if width < 40 or len(near) < len(lengths) / 3:
        return text
    out: list[str] = []
    laid_out = False  # the previous line was set in columns
    for line in lines:
        line = line.rstrip()
        prev = out[-1] if out else ""
        # a table of contents, fields in a row ("Postboks 163 · 6851 Sogndal · ...") or a
        # breadcrumb, its steps capitalised ("Home / Archives / Vol. 26 No. 3 (2022) /
        # Articles"; "telefon / chat / oppmøte" in a sentence is none): no prose; nor is
        # a line set in columns by a wide gap, as a PDF's running header or footer with its
        # page number is ("Rapport 7                        12")
        columns = bool(re.search(r"\S {5,}\S", line))
        leaders = re.search(r"(\.\s?){4,}|…{2,}", prev + line) or any(
            len(re.findall(r"\s[|·•]\s", part)) >= 2
            or len(re.findall(r"\s[/>›»]\s(?=[A-ZÆØÅÄÖ0-9])", part)) >= 2
            for part in (prev, line)) or columns or laid_out
        laid_out = columns
        # a short line that starts with a capital and ends no sentence stands alone (a
        # heading, a name, a date on a cover); a paragraph's last line ends a sentence
        alone = (len(line) < 0.8 * width and line.lstrip()[:1].isupper()
                 and not re.search(r"[.!?…]['\"»”’)]*$", line))
        # a heading that happens to be long: a line with no punctuation at all under a line
        # that ends no sentence (a field, a date, a name), with a capital after it; a title
        # wrapped after a small word ("... for eldre i") goes on
        before = out[-2] if len(out) > 1 else ""
        # (an abbreviation's full stop inside it, "vedr. udkast", "jf. lov", is no sentence's)
        heading = (not re.search(r"[!?,;…]|\.(?!\s+[a-zæøåäö])", prev)
                   and line.lstrip()[:1].isupper()
                   and len(before) < 0.8 * width and not re.search(r"[.!?…]['\"»”’)]*$", before)
                   and not re.search(r"\s[^\W\d_]{1,3}$", prev) and prev[-1:] not in "-–—")
        # a paper's byline and its affiliations are lines of their own, however long: an
        # author list with its marks, an affiliation under it ("¹ Department of ...")
        byline = _byline(prev, line)
        # a programme's slots: a line opening with a clock time is the next slot, and a
        # slot goes on only in lower case ("10.15–11.00Digital queues ..." / "Lunch")
        slot = CLOCK_START.match(line) or CLOCK_START.match(prev) and \
            not line.lstrip()[:1].islower()
        # a Markdown table's rows ("| 10.15Velkomen |") are rows, never a wrapped paragraph
        table = line.lstrip().startswith("|") or prev.lstrip().startswith("|")
        joinable = (prev and line.strip() and not leaders and not alone and not heading
                    and not table
                    and not byline and not slot and len(prev) >= 0.8 * width
                    and (line.lstrip()[:1].islower()
                         or not re.search(r"[.!?:;…]['\"»”’)]*$", prev)))
        if joinable and re.search(r"[^\W\d_]-$", prev) and line.lstrip()[:1].islower():
            out[-1] = prev[:-1] + line.lstrip()
        elif joinable:
            out[-1] = prev + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _byline(prev: str, line: str) -> bool:
    """Whether two lines are kept apart as a paper's byline: either is an author list with
    marks, or ``line`` is an affiliation under an author list, another affiliation or a
    mark ("¹ Department of ..."), or ``prev`` is such an affiliation and ``line`` does not go
    on in lower case (:mod:`digiwelfare.linetypes`). An affiliation's shape in the middle of
    a wrapped sentence ("... blant andre" / "Universitetet i Bergen, Høgskulen på
    Vestlandet og Nord universitet" / "i samarbeid med ...") is prose."""
    from digiwelfare.linetypes import line_is_affiliation, line_is_author_list

    def author(text: str) -> bool:
        return bool(text.strip()) and line_is_author_list(text)

    def affiliation(text: str, above: str) -> bool:
        return bool(text.strip()) and line_is_affiliation(text) and (
            author(above) or bool(re.match(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079*†‡\d]", text))
            or line_is_affiliation(above))

    return author(prev) or author(line) or affiliation(line, prev) or (
        bool(prev.strip()) and line_is_affiliation(prev) and not line.lstrip()[:1].islower())


def readers_registry() -> dict:
    """File suffix → reader. A new format is a new entry here."""
    from digiwelfare.bibliography import bibtex_read, ris_read
    from digiwelfare.docx_text import docx_read
    from digiwelfare.export_tables import csv_export_read, xlsx_export_read
    from digiwelfare.export_tagged import endnote_read, medline_read
    from digiwelfare.export_trees import json_export_read, xml_export_read, yaml_export_read
    from digiwelfare.odf_text import odf_read
    from digiwelfare.readers_html import html_read, mhtml_read

    return {".pdf": pdf_read, ".docx": docx_read, ".odt": odf_read, ".fodt": odf_read,
            ".html": html_read, ".htm": html_read, ".xhtml": html_read, ".ris": ris_read,
            ".bib": bibtex_read, ".csv": csv_export_read, ".xlsx": xlsx_export_read,
            ".json": json_export_read, ".js": json_export_read, ".jsonld": json_export_read,
            ".enw": endnote_read, ".nbib": medline_read, ".xml": xml_export_read,
            ".rdf": xml_export_read, ".rss": xml_export_read, ".atom": xml_export_read,
            ".yaml": yaml_export_read, ".yml": yaml_export_read, ".mhtml": mhtml_read,
            ".mht": mhtml_read, **{s: text_read for s in TEXT_SUFFIXES}}

