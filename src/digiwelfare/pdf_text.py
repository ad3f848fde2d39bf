"""A PDF's text as a reader sees it: lines with their place and size on the page, running heads
and page numbers dropped, and lines joined into paragraphs where the layout says they belong
together.

pypdf reads the text layer; its ``visitor_text`` hook gives each piece of text with the matrices
that place it, so every line has its height on the page (``y``), its font size and whether it
is set in a bold face. A word processor's PDF (Word, LibreOffice, InDesign) separates a
paragraph from the next by a larger step down the page, and sets a title or a heading in a
larger or bolder face; reading those two signs keeps a cover's lines, a contents list, a
heading and the paragraph under it apart, where joining every line that does not end a
sentence glued a whole cover and its contents into one line. A PDF whose pieces pypdf cannot
give with their places falls back to the text alone and the older joining by punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digiwelfare.clean import ligatures_expand
from digiwelfare.linetypes import CLOCK_ALONE, CLOCK_START

_PAGE_NUMBER = re.compile(r"(?i)(page|side|sida|s\.)?\s*\d{1,4}(\s*(of|av|af|/)\s*\d{1,4})?")
_KEEP_HYPHEN_BEFORE = {"og", "eller", "and", "or", "to", "til", "samt", "nor"}
_BOLD = re.compile(r"(?i)bold|black|heavy|semibold|demi")
#: a contents entry's leader: dots (or spaced dots) running to its page's number at the end
#: of the line, not a quotation's ellipsis (". . . ")
_LEADER = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){4,}\.?)\s*\d{0,4}\s*$")
#: a line that ends in an abbreviation's full stop ("bl.a.", "e.g.", "jf."), no sentence's end
_ABBREVIATION_END = re.compile(r"(?i)(?:\b\w{1,4}\.){2,}$|\b(?:ca|nr|jf|jfr|dvs|osv|mv|etc|vs|"
                               r"kap|pkt|fig|tab|ref|mfl|iflg|ifølge|bl|s)\.$")
#: a list item's mark at the start of a line: each item is a paragraph of its own
#: (not a dash: a quotation or a reply opens with one, "– after two years ...")
_BULLET = re.compile(r"[•▪◦●■□○➢➤✓✔►▸‣⁃]\s")
#: a step down the page this many times a size's usual line pitch starts a new paragraph
_GAP = 1.25


@dataclass(frozen=True)
class Line:
    """One line of a page; ``y`` is None for a line known only as text."""

    text: str
    y: float | None = None
    size: float = 0.0
    bold: bool = False


def _place(cm, tm) -> tuple[float, float]:
    """The height on the page and the rendered size factor of a piece of text."""
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1.0
    return y, scale


def page_lines(page) -> list[Line]:
    """The lines of a pypdf page with their height, size and boldness (from the first piece of
    text of each line that holds a letter or digit), or as text alone when the pieces pypdf
    reports do not add up to the text it extracts. A table's cells, which pypdf joins with a
    space, are joined with " | " where the next cell starts far to the right of where the
    short text before it ends (as a Word file's table row is read)."""
    pieces: list[tuple[str, float, float, bool, float]] = []

    def visit(text, cm, tm, font, size):
        y, scale = _place(cm, tm)
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        name = str((font or {}).get("/BaseFont", "")) if font else ""
        pieces.append((text, y, size * scale, bool(_BOLD.search(name)), x))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(p[0] for p in pieces) != text:
        return [Line(ligatures_expand(ln.strip())) for ln in text.splitlines() if ln.strip()]
    lines: list[Line] = []
    current, place, bolds = "", None, []
    last = None  # the last piece with text on this line: (its text, x, size)
    spaced = False
    for piece, y, size, bold, x in pieces:
        for k, part in enumerate(piece.split("\n")):
            if k:  # a line end inside or at the start of a piece
                if current.strip():
                    lines.append(Line(ligatures_expand(current.strip()), *(place or (None, 0.0)),
                                      bool(bolds) and all(bolds)))
                current, place, bolds, last, spaced = "", None, [], None, False
            far = last is not None and x > last[1] + 0.5 * last[2] * len(last[0]) + 1.5 * size
            if part.strip() and far and (spaced or part[:1].isspace()) and len(last[0]) <= 25:
                # the next cell of a table's row (pypdf's space alone, or glued to the cell)
                current, part = current.rstrip() + " | ", part.lstrip()
            # pypdf sets a space of its own between two pieces placed apart on a line
            spaced = not part.strip() and part != "" and piece.strip() == "" or (
                spaced and not part)
            current += part
            if re.search(r"\w", part):
                place = place or (y, size)
                bolds.append(bold)
                last = (part.strip(), x, size)
    if current.strip():
        lines.append(Line(ligatures_expand(current.strip()), *(place or (None, 0.0)),
                          bool(bolds) and all(bolds)))
    return lines


def _pitches(pages: list[list[Line]]) -> dict[float, float]:
    """The usual step from one line to the next within a paragraph, for each font size (to
    half a point): the smallest step between two lines of that size that follow each other on
    a page (between 0.9 and 2.5 times the size) that is common, a tenth of such steps or more
    and at least two (paragraph spacing only ever adds to the pitch); the commonest otherwise."""
    steps: dict[float, Counter] = {}
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            if a.y is None or b.y is None or abs(a.size - b.size) > 0.6 or not a.size:
                continue
            step = a.y - b.y
            if 0.9 * a.size <= step <= 2.5 * a.size:
                steps.setdefault(round(a.size * 2) / 2, Counter())[round(step * 2) / 2] += 1
    pitches = {}
    for size, counted in steps.items():
        common = [s for s, n in counted.items() if n >= max(2, 0.1 * counted.total())]
        pitches[size] = min(common) if common else counted.most_common(1)[0][0]
    return pitches


def _full_width(lines: list[Line]) -> float:
    """How wide a full line of the document is, in letters times points: the 90th percentile
    of its lines' widths so measured (a paragraph's lines run to the margin but its last),
    leaving out a contents list's lines, whose leader dots run wider than any text."""
    widths = sorted(len(ln.text) * ln.size for ln in lines if ln.y is not None and ln.size
                    and not _LEADER.search(ln.text))
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0.0


def _apart(prev: Line, ln: Line, pitches: dict[float, float], same_page: bool,
           median: int, full: float = 0.0) -> bool | None:
    """Whether the layout puts two consecutive lines in different paragraphs (a change of size
    or of bold face; on one page, a step down larger than the size's pitch, or a step up, as
    to a new column, after a finished sentence; over a page break, after a finished sentence
    or a short line); None when it cannot tell (lines known as text alone)."""
    if _LEADER.search(prev.text) or _LEADER.search(ln.text):
        return True  # a contents list's entry is a line of its own
    if prev.y is None or ln.y is None or not prev.size or not ln.size:
        return None
    if abs(prev.size - ln.size) > 0.6 or prev.bold != ln.bold:
        return True
    if _BULLET.match(ln.text):
        return True  # a list's next item ("• Four local authorities")
    if (CLOCK_START.match(ln.text) and not CLOCK_ALONE.fullmatch(ln.text)) or (
            CLOCK_START.match(prev.text) and not ln.text[:1].islower()):
        # a programme's slot is a line of its own, and goes on only in lower case: a sentence
        # under the last slot of a page ("Presenters are asked to ...") is no part of it; a
        # time alone with a full stop ends a wrapped sentence ("... hevet klokken" / "18.45.")
        return True
    if full and len(prev.text) * prev.size < 0.6 * full and not (
            ln.text[:1].islower() or ln.text.startswith(("http", "www."))):
        # a line that stops well short of the margin ends its paragraph (unless what follows
        # goes on in lower case, or is a long web address that would not fit on it)
        return True
    if not same_page:
        # a paragraph that runs on over a page break fills its last line and ends no sentence
        return (prev.text.endswith((".", "!", "?", ":"))
                and not _ABBREVIATION_END.search(prev.text)) or len(prev.text) < 0.6 * median
    step = prev.y - ln.y
    if step <= 0:
        return prev.text.endswith((".", "!", "?", ":"))
    pitch = pitches.get(round(prev.size * 2) / 2, 1.2 * prev.size)
    return step > _GAP * pitch


def _as_lines(pages: list[str] | list[list[Line]]) -> list[list[Line]]:
    return [[Line(ln.strip()) for ln in page.splitlines() if ln.strip()]
            if isinstance(page, str) else page for page in pages]


def _running(page_lines_: list[list[Line]]) -> set[str]:
    """The shapes (digits as "#") of the lines repeated at the top or the bottom of at least
    half the pages, two pages or more: running heads and feet."""
    edges: dict[str, int] = {}
    for lines in page_lines_:
        for ln in {re.sub(r"\d+", "#", x.text) for x in lines[:2] + lines[-2:]}:
            edges[ln] = edges.get(ln, 0) + 1
    return {k for k, n in edges.items() if n >= 2 and n >= len(page_lines_) / 2}


def _edges(page_lines_: list[list[Line]]):
    """(page, line, kind) for every line: "running" a running head or foot, "number" a page
    number at a page's top or foot, "" a line of the page's own."""
    running = _running(page_lines_)
    for k, page in enumerate(page_lines_):
        n = len(page)
        for i, ln in enumerate(page):
            edge = i < 2 or i >= n - 2
            kind = "number" if edge and _PAGE_NUMBER.fullmatch(ln.text) else \
                "running" if edge and re.sub(r"\d+", "#", ln.text) in running else ""
            yield k, ln, kind


def pdf_running_heads(pages: list[str] | list[list[Line]]) -> list[str]:
    """The running heads and feet :func:`pdf_pages_join` drops, each once as first printed
    (a series' name and number, "PERMPLAN Working Paper 0/2025", says what the document is,
    though it is no part of the text to read)."""
    found: dict[str, str] = {}
    for _, ln, kind in _edges(_as_lines(pages)):
        if kind == "running":
            found.setdefault(re.sub(r"\d+", "#", ln.text), ln.text)
    return list(found.values())


def pdf_pages_join(pages: list[str] | list[list[Line]]) -> str:
    """Text of a PDF's pages (each its text, or its :func:`page_lines`): running headers and
    footers (lines repeated at the top or bottom of at least half the pages) and page numbers
    dropped, words hyphenated at line ends rejoined, lines joined into paragraphs."""
    page_lines_ = _as_lines(pages)
    kept: list[list[Line]] = [[] for _ in page_lines_]
    for k, ln, kind in _edges(page_lines_):
        if not kind:
            kept[k].append(ln)
    pitches = _pitches(kept)
    flat = [(ln, k) for k, page in enumerate(kept) for ln in page]
    if not flat:
        return ""
    median = sorted(len(ln.text) for ln, _ in flat)[len(flat) // 2]
    full = _full_width([ln for ln, _ in flat])
    out = flat[0][0].text
    for (prev, kp), (ln, k) in zip(flat, flat[1:], strict=False):
        apart = _apart(prev, ln, pitches, kp == k, median, full)
        if kp == 0 and k == 1 and len(kept[0]) <= 6 and len(kept[1]) >= 2 * len(kept[0]):
            apart = True  # a cover of a few lines over a fuller page: it goes on on no other
        first_word = ln.text.split()[0].lower()
        if apart:
            out += "\n\n" + ln.text
        elif re.search(r"[^\W\d_]-$", prev.text) and ln.text[0].islower() and first_word not in (
                _KEEP_HYPHEN_BEFORE):
            out = out[:-1] + ln.text
        elif prev.text.endswith((".", "!", "?", ":")) and len(prev.text) < 0.8 * median:
            out += "\n\n" + ln.text
        else:
            out += " " + ln.text
    return out


def cover_title(pages: list[list[Line]]) -> str:
    """The title a PDF's first page prints largest: its lines in the largest size on that page,
    when they follow each other (one to four lines, wrapped as a long title is) and that size
    is at least 1.3 times the body's (the size most of the document's letters are set in);
    "" otherwise (a page of one size, lines known as text alone, a large word here and there)."""
    letters: Counter = Counter()
    for lines in pages:
        for ln in lines:
            if ln.y is not None:
                letters[round(ln.size * 2) / 2] += len(ln.text)
    first = [ln for ln in (pages[0] if pages else []) if ln.y is not None and ln.size]
    if not letters or not first:
        return ""
    body = letters.most_common(1)[0][0]
    top = max(ln.size for ln in first)
    at = [i for i, ln in enumerate(first) if abs(ln.size - top) <= 0.6]
    if top < 1.3 * body or len(at) > 4 or at != list(range(at[0], at[0] + len(at))):
        return ""
    # a wider step between two of the lines parts a title from its subtitle, set in the same
    # size ("Evaluering av ... i" / "introduksjonsprogrammet", then "Sluttrapport til ...")
    steps = [first[i].y - first[j].y for i, j in zip(at, at[1:], strict=False)]
    blocks, block = [], [at[0]]
    for j, step in zip(at[1:], steps, strict=True):
        if len(steps) > 1 and step > 1.2 * min(steps):
            blocks.append(block)
            block = []
        block.append(j)
    blocks.append(block)
    return ": ".join(" ".join(" ".join(first[i].text for i in b).split()) for b in blocks)


#: A PDF a web browser printed (Chrome's Skia, Firefox, Safari's WebKit, wkhtmltopdf; not cairo
#: alone, which many programs write with, Firefox naming itself in the creator besides)
BROWSER_PRINT = re.compile(r"(?i)skia/pdf|chrome|chromium|mozilla|firefox|webkit|safari|"
                           r"wkhtmltopdf")
#: An editor that exports its documents with a browser's engine (Google Docs writes with Skia)
EDITOR_EXPORT = re.compile(r"(?i)google docs|docs renderer|microsoft|\bword\b|writer|libreoffice|"
                           r"openoffice|indesign|acrobat|powerpoint|keynote|pages")
#: the stamp a browser prints over each page: the date and time of printing, then the page's
#: <title> ("12/5/26, 7:38 AM Tabt arbejdsfortjeneste | ...", "05.12.2026, 07:38 ...")
_PRINT_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(\s*[AP]M)?\b.*")
#: ... and under it: the page's address and the page's number of the print ("https://... 1/3")
_PRINT_FOOT = re.compile(r"(?i)(https?|file)://\S+(\s+(\d+\s*/\s*\d+|page \d+ of \d+))?|"
                         r"(page|side|sida) \d+ (of|av|af) \d+")


def browser_furniture_drop(pages: list[list[Line]]) -> list[list[Line]]:
    """A browser's print of a web page without the stamp it prints at the top of each page (the
    time of printing and the page's <title>) and the address and page number at the bottom."""
    out = []
    for lines in pages:
        n = len(lines)
        out.append([ln for i, ln in enumerate(lines) if not (
            (i < 2 and _PRINT_STAMP.fullmatch(ln.text)) or (i >= n - 2 and (
                _PRINT_FOOT.fullmatch(ln.text) or _PRINT_STAMP.fullmatch(ln.text))))])
    return out
