"""An OpenDocument text as a word processor shows it: ``.odt`` (a zip of XML parts, LibreOffice's
own format) and ``.fodt`` (the same document as one XML file).

The body is read in order, as a Word file's is (:mod:`digiwelfare.docx_text`): a paragraph or
heading a block, a list item a block, a table a block a row with its distinct cell texts joined
by " | ", a text box's paragraphs blocks of their own where the box stands; a contents entry's
tab leader is drawn as the dots a reader sees ("2 Metode .......... 4"). Left out, as a Word
file's are: headers and footers (they live with the page styles), footnotes and endnotes
(inline in the paragraph in ODF, where they would split its sentence), comments, and the
deleted text tracked changes keep. White space inside a paragraph collapses as the format
says; ``text:s``, ``text:tab`` and ``text:line-break`` give spaces, tabs and line ends.
The title is the first paragraph in the Title style; the year the file's creation date.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from digiwelfare.readers import (
    Record,
    Skip,
    text_limit,
    title_plausible,
    title_shown,
    year_of,
    zip_size_check,
)

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
#: not shown in the body's flow: notes, comments, deleted text kept by tracked changes,
#: ruby annotations
_HIDDEN = {_TEXT + "note", _OFFICE + "annotation", _OFFICE + "annotation-end",
           _TEXT + "tracked-changes", _TEXT + "ruby-text"}
#: blocks whose children are blocks
_CONTAINERS = {_TEXT + "section", _TEXT + "list", _TEXT + "list-item", _TEXT + "list-header",
               _TEXT + "table-of-content", _TEXT + "index-body", _TEXT + "index-title",
               _TEXT + "illustration-index", _TEXT + "table-index", _TEXT + "object-index",
               _TEXT + "user-index", _TEXT + "alphabetical-index", _TEXT + "bibliography",
               _DRAW + "text-box", _DRAW + "frame", _OFFICE + "text"}
_TITLE_STYLES = {"title", "tittel", "titel", "rubrik"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _collapse(text: str) -> str:
    """ODF's white-space rule: runs of spaces, tabs and line ends in the XML are one space; a
    tab or line end the document holds was written as an element and survives."""
    return re.sub(r"[ \r\n\t]+", " ", text)


def _paragraph(element, boxes: list) -> str:
    return "".join(_inline_marked(element, boxes)).strip(" ")


def _inline_marked(element, boxes: list):
    """The paragraph's pieces: text collapsed by ODF's rule, the document's own spaces, tabs
    and line ends as they are."""
    if element.text:
        yield _collapse(element.text)
    for child in element:
        tag = child.tag
        if tag == _DRAW + "frame":
            boxes += list(_blocks(child, False))
        elif tag == _TEXT + "s":
            yield " " * max(1, int(child.get(_TEXT + "c", "1") or 1))
        elif tag == _TEXT + "tab":
            yield "\t"
        elif tag == _TEXT + "line-break":
            yield "\n"
        elif tag not in _HIDDEN and isinstance(tag, str):
            yield from _inline_marked(child, boxes)
        if child.tail:
            yield _collapse(child.tail)


def _blocks(container, in_contents: bool):
    """(kind, element, text, in_contents) for the blocks under ``container``: "p" a paragraph
    or heading, "row" a table's row."""
    for child in container:
        tag = child.tag
        if tag in (_TEXT + "p", _TEXT + "h"):
            boxes: list = []
            text = _paragraph(child, boxes)
            yield from boxes
            yield "p", child, text, in_contents
        elif tag == _TABLE + "table":
            yield from _rows(child)
        elif tag in _CONTAINERS:
            yield from _blocks(child, in_contents or tag == _TEXT + "table-of-content")


def _rows(table):
    """A table's rows, those under its header and row groups too (a table inside a cell is
    read with its cell)."""
    for row in table:
        if row.tag in (_TABLE + "table-header-rows", _TABLE + "table-rows",
                       _TABLE + "table-row-group"):
            yield from _rows(row)
            continue
        if row.tag != _TABLE + "table-row":
            continue
        cells = [" ".join(t for _, _, t, _ in _blocks(cell, False) if t.strip()).strip()
                 for cell in row.iterchildren(_TABLE + "table-cell")]
        cells = [c for c in cells if c]
        if cells:
            yield "row", row, " | ".join(dict.fromkeys(cells)), False


def _styles(*roots) -> dict[str, tuple[str, str, bool]]:
    """Paragraph style name → (display name, parent name, has a tab leader)."""
    styles = {}
    for root in roots:
        for style in root.iter(_STYLE + "style"):
            leader = any(stop.get(_STYLE + "leader-style", "none") != "none"
                         or stop.get(_STYLE + "leader-text", " ").strip()
                         for stop in style.iter(_STYLE + "tab-stop"))
            name = style.get(_STYLE + "name", "")
            styles[name] = (style.get(_STYLE + "display-name") or name,
                            style.get(_STYLE + "parent-style-name", ""), leader)
    return styles


def _style_chain(name: str, styles: dict) -> list[tuple[str, bool]]:
    """(display name, has a leader) of a style and its parents, nearest first."""
    chain, seen = [], set()
    while name and name not in seen:
        seen.add(name)
        # a style the file uses without defining it is LibreOffice's own, by its name
        display, parent, leader = styles.get(name, (name, "", False))
        chain.append((display.lower().replace("_20_", " "), leader))
        name = parent
    return chain


def odf_blocks(body, styles: dict) -> tuple[list[str], str]:
    """The blocks of an OpenDocument body (``office:text``) in reading order, contents
    entries with their dots, and the text of the first paragraph in the Title style ("")."""
    blocks, title = [], ""
    for kind, element, text, in_contents in _blocks(body, False):
        if kind == "p":
            chain = _style_chain(element.get(_TEXT + "style-name", ""), styles)
            entry = re.fullmatch(r"(.*\S)\t+\s*(\d{1,4})", text)
            if entry and (in_contents or any(leader for _, leader in chain)
                          or any(n.startswith("contents") for n, _ in chain)):
                text = f"{entry.group(1)} {'.' * 10} {entry.group(2)}"
            if not title and any(n in _TITLE_STYLES for n, _ in chain) and text.strip():
                title = " ".join(text.split())
        blocks.append(text)
    return blocks, title


def _parse(data: bytes, what: str):
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise Skip(f"not a valid OpenDocument file ({what}: {str(err)[:80]}); open it in "
                   "LibreOffice and save it again") from None


def odf_read(path: Path, data: bytes, source: str) -> list[Record]:
    """An ``.odt`` (zip) or ``.fodt`` (one XML file) as one document."""
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                zip_size_check(archive, "the OpenDocument file")
                names = set(archive.namelist())
                if "content.xml" not in names:
                    raise Skip("an OpenDocument file without its text (no content.xml); open "
                               "it in LibreOffice and save it again")
                content = _parse(archive.read("content.xml"), "content.xml")
                parts = [content] + [_parse(archive.read(n), n) for n in ("styles.xml",)
                                     if n in names]
                meta = _parse(archive.read("meta.xml"), "meta.xml") \
                    if "meta.xml" in names else None
        except zipfile.BadZipFile:
            raise Skip("not a valid OpenDocument file (a damaged zip); open it in "
                       "LibreOffice and save it again") from None
    else:
        content = _parse(data, "the XML")
        parts, meta = [content], content
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise Skip("an OpenDocument file with no text body (a spreadsheet or a "
                   "presentation?); save it as PDF to import it")
    blocks, styled_title = odf_blocks(body, _styles(*parts))
    text = text_limit("\n\n".join(b for b in blocks if b.strip()))
    created, prop_title = "", ""
    if meta is not None:
        created = meta.findtext(f".//{_META}creation-date") or ""
        prop_title = meta.findtext(f".//{_DC}title") or ""
    year = year_of(created[:4]) if re.match(r"\d{4}-", created) else None
    title = styled_title or title_shown(prop_title, text)
    return [Record(source, 0, text, title=title_plausible(title), year=year,
                   year_source="file properties" if year else "")]
