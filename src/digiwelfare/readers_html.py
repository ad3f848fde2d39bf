"""The web-page reader: the main text of a saved page (trafilatura), its title
(:mod:`digiwelfare.html_titles`) and the year its own date markup gives; tables used for
layout are read as blocks, and pages nested deeper than any person makes are refused. Split
from :mod:`digiwelfare.readers`, which still offers these names and maps ``.html`` to
:func:`html_read`.
"""

from __future__ import annotations

import re
from pathlib import Path

from digiwelfare.html_titles import html_title
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

    html = html_decode(data)
    if len(html) > 4 * MAX_TEXT_CHARS:
        raise Skip(f"the page holds {len(html):,} characters (limit {4 * MAX_TEXT_CHARS:,})")
    depth = html_depth(html)
    try:
        # the page was decoded above; its bytes are handed on as UTF-8 and said to be so,
        # or lxml takes a page without a charset declaration for Latin-1 ("fÃ¸rti")
        tree = lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError) as err:
        raise Skip(f"not a readable web page ({type(err).__name__})") from None
    # The count on the tags is a first look; whether the page is too deep is what the parser
    # built: real pages whose tags count deep (formatting tags never closed, which the parser
    # closes) are read, and only a tree that reached the depth at which lxml stops (and drops
    # what is deeper) is refused, since part of its text would be lost without a word.
    if depth > MAX_HTML_DEPTH and tree.xpath(
            f"boolean(//*[count(ancestor::*) >= {MAX_HTML_DEPTH - 1}])"):
        raise Skip(f"elements nested {depth:,} deep, deeper than the {MAX_HTML_DEPTH} levels "
                   "a parser keeps (what lies deeper would be lost); no page a person made "
                   "is, so it is broken or hostile")
    whitespace_collapse(tree)
    orphan_items_wrap(tree)
    layout_tables_unwrap(tree)
    inline_runs_split(tree)
    text = _main_text(tree)
    body = _structured_body(tree)
    if len(body.split()) >= 50 and len(body.split()) >= 3 * len(text.split()):
        # the article is in the page's structured data only (a page whose scripts write the
        # text in the browser, which a saved copy of the page does not run)
        text = body
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


def _main_text(tree) -> str:
    """The page's main text by trafilatura, favouring recall (a catalogue page's fields and
    short paragraphs are the record's); where that choice took a small part of the page for
    its main text (a teaser, a box) and the extraction's own balance finds more than twice as
    much, the latter is the text: on about a thousand real pages of a published evaluation
    set, whole articles had been lost that way."""
    import copy

    import trafilatura

    options = dict(include_tables=True, include_comments=False, include_links=False,
                   deduplicate=False, output_format="txt", with_metadata=False)
    recall = trafilatura.extract(copy.deepcopy(tree), favor_recall=True, **options) or ""
    balanced = trafilatura.extract(copy.deepcopy(tree), **options) or ""
    return balanced if len(balanced) > 2 * len(recall) else recall


#: Elements a browser sets in a line with their neighbours, and the containers in which a run
#: of them with nothing between is a list of widgets rather than a sentence.
_INLINE = frozenset({"a", "span", "button", "time", "small", "label", "strong", "b", "em", "i"})
_CONTAINERS = ("div", "section", "header", "footer", "nav", "aside", "li", "td", "th",
               "article", "main", "body", "dd", "dt", "figcaption", "form")


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)
#: Declared encodings that :func:`~digiwelfare.readers.bytes_decode` already reads as a browser
#: does (a page declared Latin-1 is read as Windows-1252, its superset, as browsers do).
_WESTERN = frozenset({"utf-8", "utf8", "iso-8859-1", "latin-1", "latin1", "windows-1252",
                      "cp1252", "us-ascii", "ascii"})


def html_decode(data: bytes) -> str:
    """A saved page's text: as :func:`~digiwelfare.readers.bytes_decode` reads any text file,
    unless the page is not UTF-8 and its ``<meta>`` declares another encoding (a Czech page in
    Windows-1250, a Chinese one in GB2312, a Russian one in KOI8-R), which is then used, as a
    browser uses it; without this, such a page became Windows-1252 letters ("Ð¡Ð»ÑƒÐ¶Ð±Ð°")."""
    import codecs

    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _CHARSET.search(data[:32_768])
        name = declared.group(1).decode("ascii").lower() if declared else ""
        if name and name not in _WESTERN:
            name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
            try:
                codecs.lookup(name)
            except LookupError:
                return bytes_decode(data)
            return data.decode(name, errors="replace")
    return bytes_decode(data)


#: Elements whose text a browser shows with its line breaks as written.
_PREFORMATTED = ("pre", "textarea", "listing", "plaintext", "xmp")


def whitespace_collapse(tree) -> None:
    """Every run of white space in the page's running text made one space, in place, as a
    browser shows it: a paragraph whose source is wrapped at a width (hand-written pages,
    static-site generators, a word processor's "Save as web page") is one paragraph, not a
    column of short lines each of which looks like a menu's. Preformatted text (``<pre>``,
    ``<textarea>``) keeps its breaks; line breaks the page makes (``<br>``, blocks) are
    elements and stay, and so does the source's indentation between elements."""
    keep = set(tree.xpath("|".join(f"//{tag} | //{tag}//*" for tag in _PREFORMATTED)))
    for el in tree.iter():
        if el not in keep and _wrapped(el.text):
            el.text = _WHITE.sub(" ", el.text)
        if _wrapped(el.tail) and el.getparent() is not None and el.getparent() not in keep:
            el.tail = _WHITE.sub(" ", el.tail)


def _wrapped(text: str | None) -> bool:
    """Whether a text node holds words and a line break (the white space alone between two
    elements, the source's indentation, is left to the extraction)."""
    return bool(text) and "\n" in text and not text.isspace()


_WHITE = re.compile(r"[ \t\r\n\f]+")


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


def orphan_items_wrap(tree) -> None:
    """Put list items written without their list (``<li>`` straight under a ``<main>`` or a
    ``<div>``, which browsers show as a list all the same) into one, in place: the
    extractor drops an item with no list around it, and with it a step of a page's
    instructions."""
    from lxml import etree

    for item in tree.xpath("//li[not(parent::ul or parent::ol or parent::menu)]"):
        before = item.getprevious()
        if before is not None and before.tag == "ul" and before.get("data-wrapped") and \
                not (before.tail or "").strip():
            before.append(item)  # (the item's tail goes with it, as it follows it)
            continue
        wrapper = etree.Element("ul", {"data-wrapped": "1"})
        item.addprevious(wrapper)
        wrapper.append(item)


#: Meta tags and structured data that state when a page's document was published (not when
#: the page was last changed), in order of trust.
_PUBLISHED_META = ("citation_publication_date", "citation_date", "citation_online_date",
                   "bepress_citation_date", "dc.date.issued", "dcterms.issued", "dc.date",
                   "dcterms.date", "article:published_time", "og:published_time",
                   "datepublished", "pubdate", "publication_date", "date")


def _structured_body(tree) -> str:
    """The longest ``articleBody`` of the page's JSON-LD (schema.org's Article, NewsArticle,
    BlogPosting; in a ``@graph`` too), its paragraphs on lines of their own; "" if none."""
    import json

    bodies: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("articleBody"), str):
                bodies.append(node["articleBody"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except (ValueError, RecursionError):
            continue  # a page's broken (or absurdly nested) JSON-LD is no text of it
    if not bodies:
        return ""
    import html

    body = html.unescape(max(bodies, key=len))
    return "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*|<br\s*/?>|</p>", body)
                     if p.strip())


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
    """How deep a page's elements nest as a browser builds them, counted on its tags in one
    pass before any parser sees it: void and self-closing tags do not nest, nor do elements
    whose end tag HTML lets a page leave out (``<p>``, ``<li>``, ``<td>``, ...); an end tag
    closes the elements left open inside its own, and what scripts, styles and comments hold
    is no tag. (Counting every start tag made real pages 300 to 1,500 deep: unclosed
    ``<font>`` or ``<p>`` tags, tags inside a script's strings.)

    >>> html_depth("<html><body><div><p>x<br></p></div></body></html>")
    3
    >>> html_depth("<html><body><div><font><b>x</div><div><font>y</div></body></html>")
    5
    """
    html = _NOT_MARKUP.sub("", html)
    stack: list[str] = []
    deepest = 0
    for found in re.finditer(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>", html):
        closing, name, self_closing = found.groups()
        name = name.lower()
        if name in _VOID or name in _OPTIONAL_END or self_closing:
            continue
        if not closing:
            stack.append(name)
            deepest = max(deepest, len(stack))
        elif name in stack:
            while stack.pop() != name:
                pass
    return deepest


#: What holds no tags: scripts, styles and comments.
_NOT_MARKUP = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->",
                         re.IGNORECASE | re.DOTALL)
#: Elements whose end tag HTML lets a page leave out (the next one, or its parent's end,
#: closes them).
_OPTIONAL_END = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot colgroup rt "
                          "rp rb rtc caption".split())


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
