"""The type of a document (project report, policy document, abstract, event programme or
other), by a transparent score over editable cues (``lexicon/doc_type_cues.yaml``): each cue is a
pattern with a weight and where it is looked for (the title, the head, the text, or the page's
furniture as shown); the type with the highest score wins, ``other`` when no cue fires. Cues
are looked for in the title, headings and text a reader reads, never in menus, breadcrumbs,
skip links or footers (:func:`text_for_cues`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.config import lexicon_file
from digiwelfare.linetypes import HEAD_LINES, line_is_sentence


@dataclass(frozen=True)
class Cue:
    name: str
    doc_type: str
    pattern: re.Pattern
    weight: float
    #: "title", "head" (title and first lines), "text", or "furniture": the first lines as
    #: the page shows them, menus included, for cues that are a layout rather than a word
    #: (a news label with a date right under it); or "page": all of the page as shown, for a
    #: layout anywhere on it (a comment section under a post)
    where: str
    min_count: int = 1




@lru_cache(maxsize=1)
def doc_type_cues() -> tuple[Cue, ...]:
    """The cues of ``lexicon/doc_type_cues.yaml``, compiled."""
    text = lexicon_file("doc_type_cues.yaml").read_text("utf-8")
    return tuple(Cue(c["name"], c["type"], re.compile(c["pattern"], re.IGNORECASE | re.MULTILINE),
                     float(c["weight"]), c.get("where", "text"), int(c.get("min_count", 1)))
                 for c in yaml.safe_load(text))


#: Kinds of debris line a reader's eye passes over: menus, breadcrumbs, skip links, footers,
#: notices and widgets. A cue word in them ("Projects", "News", "Strategies" as menu items)
#: says what the site holds, not what the page is, so type cues never count there. Debris
#: that describes the page itself (catalogue fields, portal panels, timetables, keywords)
#: stays: it is structural evidence of the genre.
NAVIGATION_REASONS = frozenset({
    "skip link", "cookie or script notice", "navigation back", "language switch",
    "share or print", "read more or download", "breadcrumb", "repeated", "running header",
    "feedback widget", "contact line", "copyright line", "licence notice"})


#: Kinds of short line that, three or more in a row, make a menu. Catalogue fields and
#: portal panels are runs of short lines too, but they describe the page, so they are not here.
_MENU_REASONS = frozenset({"header or footer", "running header", "short-line run",
                           "numbers or code", "language switch", "publications list header",
                           *NAVIGATION_REASONS})


def text_for_cues(text: str) -> str:
    """``text`` without the lines a reader passes over, the text type cues are looked for
    in: lines of the kinds in :data:`NAVIGATION_REASONS`, and menus: three or more short
    debris lines in a row (blank lines aside), each of three words or fewer. A short line
    alone (a kicker such as "Sluttrapport", a section label above a heading) stays, and so does
    the last line of a run when a paragraph follows it: that is the paragraph's heading.

    >>> text_for_cues("Home\\nProjects\\nNews\\nPublished 3 May 2021\\n\\nThe office wrote to us.")
    'Published 3 May 2021\\nThe office wrote to us.'
    """
    lines = [ln for ln in text_normalize(text).split("\n") if ln.strip()]
    reasons = lines_classify(lines, frozenset())
    menu = [why in _MENU_REASONS and len(ln.split()) <= 3
            for ln, why in zip(lines, reasons, strict=True)]
    drop = [why in NAVIGATION_REASONS for why in reasons]
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and menu[i]:
            continue
        # the last short line right above a paragraph is its heading, not a menu item
        end = i - 1 if i < len(lines) and reasons[i] is None and line_is_sentence(lines[i]) \
            else i
        if i - start >= 3:
            drop[start:end] = [True] * (end - start)
        start = i + 1
    return "\n".join(ln for ln, gone in zip(lines, drop, strict=True) if not gone)


def doc_type_scores(text: str, title: str = "") -> dict[str, tuple[float, str]]:
    """Each type's score and its strongest cue's name, for the types some cue found, looked
    for in ``text`` without navigation lines (:func:`text_for_cues`) and in ``title``."""
    shown = [ln for ln in text_normalize(text).split("\n") if ln.strip()]
    page = "\n".join(shown[:HEAD_LINES])
    text = text_for_cues(text)
    head = title + "\n" + "\n".join(text.split("\n")[:HEAD_LINES])
    scores: dict[str, tuple[float, str, float]] = {}
    for cue in doc_type_cues():
        where = {"title": title, "head": head, "furniture": page,
                 "page": "\n".join(shown)}.get(cue.where, title + "\n" + text)
        n = len(cue.pattern.findall(where)) if cue.min_count > 1 else int(
            bool(cue.pattern.search(where)))
        if n >= cue.min_count:
            total, best, best_weight = scores.get(cue.doc_type, (0.0, "", 0.0))
            if cue.weight > best_weight:
                best, best_weight = cue.name, cue.weight
            scores[cue.doc_type] = (total + cue.weight, best, best_weight)
    return {k: (v[0], v[1]) for k, v in scores.items()}


def doc_type_classify(text: str, title: str = "") -> tuple[str, str]:
    """The document type and the cue that decided it (``"cue: <name>"``); ``("other",
    "no cue")`` when no cue fires. Ties go to the type listed first in the cue file.

    >>> doc_type_classify("Meld. St. 5 (2022–2023)\\nDigital first", "Digital for alle")[0]
    'policy_document'
    """
    scores = doc_type_scores(text, title)
    if not scores:
        return "other", "no cue"
    order = list(dict.fromkeys(c.doc_type for c in doc_type_cues()))
    best = max(scores, key=lambda t: (scores[t][0], -order.index(t)))
    return best, f"cue: {scores[best][1]}"
