"""A web page's title as a reader gives it (:func:`html_title`), from its main heading, its
``og:title`` or its ``<title>``, read against the page's main text; never the site's name or
logo. Split from :mod:`digiwelfare.readers_html`, which reads the page and calls it.
"""

from __future__ import annotations

import re


def html_title(tree, shown: list[str] = (), main: list[str] | None = None) -> str:
    """A page's title: its first ``<h1>`` that is a line of its ``main`` text (else its first
    ``<h1>``), else ``og:title``, else ``<title>`` without the
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
    h1s = [(h, e) for h, e in ((" ".join(e.text_content().split()), e)
                               for e in tree.xpath("//h1")) if h]
    headings = [h for h, _ in h1s]
    og = tree.xpath("//meta[@property='og:title']/@content")
    title = " ".join((og[0] if og else " ".join(tree.xpath("//title//text()"))).split())
    if headings:
        # the first that heads the main text: a survey's or a cookie banner's heading, or a
        # site's name set as an <h1> in its header, comes first on many pages
        lines = {" ".join(ln.split()).lower() for ln in main or ()}
        heading = next((h for h in headings if h.lower() in lines), "")
        if heading or main is None:
            return heading or headings[0]
        # none is a line of the main text (the extractor left the headline out): not the
        # site's name or logo in the header; the one the page's og:title or <title> names
        # first; failing all, the og:title or <title> below
        names = {n.lower() for n in [title, *re.split(r"\s+[|–—-]\s+|\s+::\s+", title)]}
        kept = [h for h, e in h1s if not _branding(e, h, tree)]
        if kept:
            return next((h for h in kept if h.lower() in names), kept[0])
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+|\s+::\s+", title) if p.strip()]
    if len(parts) > 1 and main is not None:
        return _title_in_main(parts, tree, [" ".join(ln.split()) for ln in main if ln.strip()],
                              [" ".join(ln.split()) for ln in shown if ln.strip()])
    title = max(parts, key=len) if len(parts) > 1 else title
    site = re.fullmatch(r"([^:]{2,30}):\s+(.{6,})", title)
    stems = [title] + ([site.group(2)] if site and len(site.group(1).split()) <= 2 else [])
    for line in (" ".join(ln.split()) for ln in shown):
        # a subtitle, not the first sentences of a post that opens by repeating its title
        if len(line.split()) <= 30 and not line.endswith(".") and any(
                _opens_with_subtitle(stem, line) and len(line.split()) - len(stem.split()) <= 15
                and not re.search(r"[.!?]\s+[A-ZÆØÅÄÖ]", line[len(stem):])
                for stem in stems if stem):
            return line
    return title


def _branding(element, text: str, tree) -> bool:
    """Whether an ``<h1>`` is the site's name or logo in its header rather than a page's
    heading: the ``og:site_name``, a link to the site's front page, or set in a header or an
    element its class calls a logo, a brand or the site's title."""
    sites = {" ".join(s.split()).lower() for s in
             tree.xpath("//meta[@property='og:site_name']/@content")}
    if text.lower() in sites:
        return True
    links = element.xpath("descendant-or-self::a/@href | ancestor::a/@href")
    if any(h.strip() and re.fullmatch(r"(https?://[^/]+)?/?(index\.\w+)?", h.strip())
           for h in links):
        return True
    # a page header's (not an article's own <header>, which holds its headline)
    if element.xpath("ancestor::header[not(ancestor::article or ancestor::main)]"):
        return True
    lower = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    marks = " or ".join(f"contains({lower}, '{w}')" for w in _BRANDING_CLASSES)
    # the heading or one of its two nearest containers ("site-branding"; never the body's
    # classes, which a theme fills with words such as "wp-custom-logo")
    return bool(element.xpath(f"ancestor-or-self::*[position() <= 3][not(self::body)][{marks}]"))


#: the classes a site's name or logo is set in
_BRANDING_CLASSES = ("logo", "branding", "site-title", "site-name", "sitename")


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
