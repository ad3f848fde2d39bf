"""A Word file as a document (:func:`docx_read`), its text as Word shows it: the body in
reading order, with the text python-docx's ``paragraph.text`` leaves out.

Organisations write letters, minutes and reports from templates whose fields are content
controls (``w:sdt``: "Vår dato", "Saksnr.", the title on a cover page), keep tracked changes
(an insertion is a ``w:ins`` around its runs) and set covers in text boxes; python-docx reads
only the runs directly in a paragraph, so all of that was lost. Here a paragraph's text is every
``w:t`` in it, in order, but deleted or moved-away text and the fallback copy of a text box
(``mc:Fallback``, which repeats the box for older readers); a text box's paragraphs and a
content control's paragraphs and tables are blocks of their own, where they stand.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from digiwelfare.readers import (
    Record,
    Skip,
    text_limit,
    title_plausible,
    title_shown,
    year_of,
    zip_size_check,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: text that is not shown: deleted or moved away in tracked changes, a text box's copy for
#: older readers, and a paragraph's or run's properties (whose w:tab are tab stops)
_HIDDEN = {_W + "del", _W + "moveFrom", _MC + "Fallback", _W + "pPr", _W + "rPr"}
#: Word's styles for a document's title, in the languages of the corpus
_TITLE_STYLES = {"title", "tittel", "titel", "rubrik"}
_CONTENTS_STYLES = ("toc", "contents", "innh", "inneh", "indh")


def _inline(element, boxes: list) -> str:
    """The text of a paragraph's runs (text boxes inside it go to ``boxes`` as blocks)."""
    out = []
    for child in element:
        tag = child.tag
        if tag in _HIDDEN:
            continue
        if tag == _W + "txbxContent":
            boxes += list(_blocks(child))
        elif tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        else:
            out.append(_inline(child, boxes))
    return "".join(out)


def _blocks(container):
    """(kind, element, text) for the blocks of a body, a cell, a text box or a content control:
    "p" a paragraph, "row" a table's row (its distinct cell texts joined by " | ")."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            boxes: list = []
            text = _inline(child, boxes)
            yield from boxes
            yield "p", child, text
        elif tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                cells = [" ".join(t for _, _, t in _blocks(cell) if t.strip()).strip()
                         for cell in row.iterchildren(_W + "tc")]
                yield "row", row, " | ".join(dict.fromkeys(cells))
        elif tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins"):
            yield from _blocks(child)


def docx_blocks(document) -> tuple[list[str], str]:
    """A Word document's body in reading order (a paragraph a block, a table a block a row), a
    contents entry's tab leader drawn as the dots Word shows ("2 Metode ........ 4"), and the
    text of its first paragraph in the Title style ("")."""
    from docx.enum.text import WD_TAB_LEADER
    from docx.text.paragraph import Paragraph

    blocks, title = [], ""
    for kind, element, text in _blocks(document.element.body):
        if kind == "p":
            para = Paragraph(element, document)
            style = para.style
            stops = list(para.paragraph_format.tab_stops) + (
                list(style.paragraph_format.tab_stops) if style is not None else [])
            leader = any(t.leader not in (None, WD_TAB_LEADER.SPACES) for t in stops)
            name = (style.name or "").lower() if style is not None else ""
            entry = re.fullmatch(r"(.*\S)\t+\s*(\d{1,4})", text)
            if entry and (leader or name.startswith(_CONTENTS_STYLES)):
                text = f"{entry.group(1)} {'.' * 10} {entry.group(2)}"
            # (not a template's placeholder, "[Dokumentets titel]", "Click here to enter ...")
            if not title and name in _TITLE_STYLES and text.strip() and not re.fullmatch(
                    r"(?is)\s*\[.*\]\s*|\s*(click|klikk|klik|klicka) (here|her|här).*", text):
                title = " ".join(text.split())
        blocks.append(text)
    return blocks, title


def docx_read(path: Path, data: bytes, source: str) -> list[Record]:
    """A Word ``.docx`` as one document: its body (:func:`docx_blocks`), the title in the
    Title style or the title property a first line shows, the year its creation date."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            zip_size_check(archive, "the .docx")
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise Skip(f"not a valid Word .docx file ({type(err).__name__})") from None
    blocks, styled_title = docx_blocks(document)
    text = text_limit("\n\n".join(b for b in blocks if b.strip()))
    props = document.core_properties
    # python-docx stamps files it makes from its own template with that template's date.
    made_by_library = (props.last_modified_by or "") == "python-docx"
    year = None if made_by_library or not props.created else year_of(str(props.created.year))
    title = styled_title or title_shown(props.title or "", text)
    return [Record(source, 0, text, title=title_plausible(title),
                   year=year, year_source="file properties" if year else "")]
