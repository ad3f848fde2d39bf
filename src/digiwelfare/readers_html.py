"""The web-page reader: the main text of a saved page (trafilatura), its title and the year
its own date markup gives; tables used for layout are read as blocks, and pages nested
deeper than any person makes are refused. Split from :mod:`digiwelfare.readers`, which
still offers these names and maps ``.html`` to :func:`html_read`.
"""

from __future__ import annotations

import re
from pathlib import Path

from digiwelfare.readers import (
    MAX_HTML_DEPTH,
    MAX_TEXT_CHARS,
    Record,
    Skip,
    bytes_decode,
    text_limit,
    year_of,
)


def html_read(path: Path, data: bytes, source: str) -> list[Record]:
    """The main text of a web page, found by trafilatura (menus, headers, footers, cookie
    banners and link lists are left behind), one block a paragraph; the title from the page's
    main heading (``<h1>``), else its ``og:title`` or ``<title>`` without the site's name; the
    year from the page's own date markup (meta tags, structured data), never from its text."""
    import lxml.html
    import trafilatura

    html = bytes_decode(data)
    if len(html) > 4 * MAX_TEXT_CHARS:
        raise Skip(f"the page holds {len(html):,} characters (limit {4 * MAX_TEXT_CHARS:,})")
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        raise Skip(f"elements nested {depth:,} deep (limit {MAX_HTML_DEPTH}); no real page is, "
                   "so it is broken or hostile")
    try:
        # the page was decoded above; its bytes are handed on as UTF-8 and said to be so,
        # or lxml takes a page without a charset declaration for Latin-1 ("fÃ¸rti")
        tree = lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError) as err:
        raise Skip(f"not a readable web page ({type(err).__name__})") from None
    layout_tables_unwrap(tree)
    inline_runs_split(tree)
    text = trafilatura.extract(tree, include_tables=True, include_comments=False,
                               include_links=False, deduplicate=False, favor_recall=True,
                               output_format="txt", with_metadata=False) or ""
    blocks = [re.sub(r"^[-*•]\s+", "", line).strip() for line in text.splitlines()]
    text = text_limit("\n\n".join(b for b in blocks if b))
    if not text.strip():
        text = "\n\n".join(t.strip() for t in tree.xpath("//body//text()") if t.strip())
    year = html_published_year(tree)
    visible = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style) "
                         "and not(ancestor::noscript) and not(ancestor::template)]")
    evidence = "\n".join(t.strip() for t in visible if t.strip())
    return [Record(source, 0, text, title=html_title(tree, evidence.split("\n"),
                                                     text.split("\n\n")), year=year,
                   year_source="html meta" if year else "", evidence=evidence)]


#: Elements a browser sets in a line with their neighbours, and the containers in which a run
#: of them with nothing between is a list of widgets rather than a sentence.
_INLINE = frozenset({"a", "span", "button", "time", "small", "label", "strong", "b", "em", "i"})
_CONTAINERS = ("div", "section", "header", "footer", "nav", "aside", "li", "td", "th",
               "article", "main", "body", "dd", "dt", "figcaption", "form")


def inline_runs_split(tree) -> None:
    """Each of a run of inline elements (links, buttons, labels, stamps) that stand in a
    container with no running text between them is put in a block of its own, so that the
    main-text extraction sees them apart: a podcast directory's "Write a review" link, a
    forum's "Improve this question" button and its "asked 3 months ago" stamp are then each
    a line (and a link alone in its block is left behind as furniture) instead of one glued
    line with the text's words. A run is split only when it holds two links or buttons and
    is no sentence: a paragraph whose links sit in running text ("Read <a>the report</a>
    here"), a sentence set in spans and emphasis, or words whose spaces are inside their
    elements ("<span>Tilsynet </span><span>er erstattet</span>") are left as they are."""
    from lxml import etree

    for parent in list(tree.iter(*_CONTAINERS)):
        children = [c for c in parent if isinstance(c.tag, str)]
        inline = [c for c in children if c.tag in _INLINE]
        if sum(c.tag in ("a", "button") for c in inline) < 2 or (parent.text or "").strip() \
                or any((c.tail or "").strip() for c in children):
            continue  # fewer than two links or buttons: words set in spans and emphasis
        joined = " ".join(" ".join(c.text_content().split()) for c in inline)
        if re.search(r"[.!?…][\"'»”’)]*$", joined) or any(
                re.search(r"\s$", c.text_content()) for c in inline):
            continue  # a sentence, or words whose spaces are inside the elements
        for child in inline:
            block = etree.Element("div")
            child.addprevious(block)
            block.append(child)  # the child's tail (blank) moves with it


def layout_tables_unwrap(tree) -> None:
    """Turn tables used for layout (a cell holding paragraphs, headings, lists or divs, as an
    e-mail newsletter is built) into plain blocks, in place, so that each paragraph of a cell
    stays a line of its own instead of the row being read as one line of cells. A data table
    (cells of words and numbers) is left as it is."""
    blocks = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div", "table", "blockquote"}
    for table in reversed(tree.xpath("//table")):  # inner tables first
        rows = table.xpath("./tr | ./*/tr")
        cells = [c for r in rows for c in r if c.tag in ("td", "th")]
        if any(child.tag in blocks for c in cells for child in c):
            for el in [table, *table.xpath("./tbody | ./thead | ./tfoot"), *rows, *cells]:
                el.tag = "div"


#: Meta tags and structured data that state when a page's document was published (not when
#: the page was last changed), in order of trust.
_PUBLISHED_META = ("citation_publication_date", "citation_date", "citation_online_date",
                   "bepress_citation_date", "dc.date.issued", "dcterms.issued", "dc.date",
                   "dcterms.date", "article:published_time", "og:published_time",
                   "datepublished", "pubdate", "publication_date", "date")


def html_published_year(tree) -> int | None:
    """The year a page's own markup says its document was published: the first of
    :data:`_PUBLISHED_META` in ``<meta name|property|itemprop>``, then ``datePublished`` in
    JSON-LD; None when none says. (htmldate guesses further, from visible text and
    modification stamps; a page's markup is all a file property is.)"""
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        found.setdefault(key, meta.get("content"))
    for key in _PUBLISHED_META:
        if found.get(key) and year_of(found[key]):
            return year_of(found[key])
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        stamp = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if stamp and year_of(stamp.group(1)):
            return year_of(stamp.group(1))
    return None


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def html_depth(html: str) -> int:
    """How deep a page's elements nest, counted on its tags (void elements and self-closing
    tags do not nest), in one pass, before any parser sees it.

    >>> html_depth("<html><body><div><p>x<br></p></div></body></html>")
    4
    """
    depth = deepest = 0
    for found in re.finditer(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>", html):
        closing, name, self_closing = found.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def html_title(tree, shown: list[str] = (), main: list[str] | None = None) -> str:
    """A page's title: its first ``<h1>``, else ``og:title``, else ``<title>`` without the
    site name that follows a separator ("Digital boards | The Research Council"). A
    ``<title>`` is often short: when a line the page ``shown`` is that title (or that title
    after a site name and a colon, "DUO: Digital letters") followed by a colon or a dash and a
    subtitle, that line is the title.

    A page with no ``<h1>`` (its heading set as a paragraph) whose ``<title>`` has parts
    ("Barnebidrag | Søbjerg Kommune", "Prosjekt | Velferdsforskningsfondet") is read against
    its ``main`` text: the part that opens a line of it gives that line (the heading with its
    subtitle), the site's name (``og:site_name``) is never the title, and where no part opens
    a line of the main text none is taken ("": the title is found in the text, as a
    document's is)."""
    for h1 in tree.xpath("//h1"):
        heading = " ".join(h1.text_content().split())
        if heading:
            return heading
    og = tree.xpath("//meta[@property='og:title']/@content")
    title = " ".join((og[0] if og else " ".join(tree.xpath("//title//text()"))).split())
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+|\s+::\s+", title) if p.strip()]
    if len(parts) > 1 and main is not None:
        return _title_in_main(parts, tree, [" ".join(ln.split()) for ln in main if ln.strip()],
                              [" ".join(ln.split()) for ln in shown if ln.strip()])
    title = max(parts, key=len) if len(parts) > 1 else title
    site = re.fullmatch(r"([^:]{2,30}):\s+(.{6,})", title)
    stems = [title] + ([site.group(2)] if site and len(site.group(1).split()) <= 2 else [])
    for line in (" ".join(ln.split()) for ln in shown):
        if len(line.split()) <= 30 and not line.endswith(".") and any(
                _opens_with_subtitle(stem, line) for stem in stems if stem):
            return line
    return title


def _opens_with_subtitle(stem: str, line: str) -> bool:
    """Whether ``line`` is ``stem`` going on after a colon, a dash, or its own question or
    exclamation mark ("Barnebidrag – slik lager dere ...", "Who pays? Automated ...")."""
    return re.match(rf"{re.escape(stem)}(?::|\s[–—-]|(?<=[?!]))\s+\w", line,
                    re.IGNORECASE) is not None


def _title_in_main(parts: list[str], tree, main: list[str], shown: list[str]) -> str:
    """The title of a page without ``<h1>`` from its ``<title>``'s ``parts`` and its main
    text's lines (:func:`html_title`): the first line among the first ten that a part (not the
    site's name) opens, whole when it goes on after a colon or a dash ("Barnebidrag – slik
    lager dere en privat avtale"), or a short heading that holds a part of two words or more;
    failing that, the longest part of three words or more that the main text holds and that
    is no line of the page outside it (a site's name in its header or footer, ``shown`` but
    not ``main``); else "" (a part the text never shows, "Written question and answer:
    S0W-00000", names the page's kind, not its subject)."""
    site = {" ".join(s.split()).lower() for s in
            tree.xpath("//meta[@property='og:site_name']/@content")}
    outside = {ln.lower() for ln in shown} - {ln.lower() for ln in main}
    site |= outside
    for line in main[:10]:
        if len(line.split()) > 30 or line.endswith("."):
            continue
        for part in parts:
            if part.lower() in site:
                continue
            # a line that is only a short part is a kind's label over the heading ("Press
            # release", "Høringssvar"), not the heading
            if (line.lower() == part.lower() and len(part.split()) >= 3) or \
                    _opens_with_subtitle(part, line):
                return line
    # a short heading that holds a part ("Manage your child maintenance online" under
    # "Child maintenance online - Child Maintenance Service")
    for line in main[:10]:
        if len(line.split()) <= 12 and not line.endswith(".") and any(
                len(p.split()) >= 2 and p.lower() not in site and p.lower() != line.lower()
                and re.search(
                    rf"(?<!\w){re.escape(p)}(?!\w)", line, re.IGNORECASE) for p in parts):
            return line
    text = "\n".join(main).lower()
    left = [p for p in parts if p.lower() not in site and len(p.split()) >= 3
            and p.lower() in text]
    return max(left, key=len) if left else ""


def mhtml_read(path: Path, data: bytes, source: str) -> list[Record]:
    """A page a browser saved as one file (".mhtml", "Webpage, Single File"): a MIME message
    whose first HTML part is the page, read as :func:`html_read` reads a saved page. The
    message's own date is the day the page was saved, never the page's date, and is not
    taken."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(data, policy=policy.default)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        # a part that names its charset is decoded by it; one that does not (Chrome leaves it
        # to the page's own meta tag) is read from its bytes as a saved page is
        if part is None:
            page = b""
        elif part.get_content_charset():
            page = part.get_content().encode("utf-8")
        else:
            page = part.get_payload(decode=True) or b""
    except (LookupError, ValueError, UnicodeError) as err:
        raise Skip(f"not a readable .mhtml file ({type(err).__name__})") from None
    if not page.strip():
        raise Skip("an .mhtml file with no web page in it (no text/html part)")
    return html_read(path, page, source)
