"""The type of a document (project report, policy document, abstract, event programme or
other), by a transparent score over editable cues (``lexicon/doc_type_cues.yaml``): each cue is a
pattern and where it is looked for (the title, the head, the text, or the page's furniture as
shown), and each is also counted apart when it stands in the page's lead
(:func:`doc_type_features`). A type's score is its intercept plus the weights of the features
present, from ``lexicon/doc_type_weights.csv`` (fitted by ``python -m digiwelfare
doctype-fit``, :mod:`digiwelfare.doctype_fit`; editable); the highest wins, ``other`` when no
cue fires, and the feature that added most is recorded. Cues are looked for in the title,
headings and text a reader reads, never in menus, breadcrumbs, skip links or footers
(:func:`text_for_cues`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.config import lexicon_file
from digiwelfare.linetypes import CLOCK_TIME, FULL_DATE, HEAD_LINES, line_is_sentence


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
    #: False keeps the cue's own weight: ``doctype-fit`` leaves it out of the fit (a genre
    #: the labelled sets hold too few pages of to weigh it)
    fit: bool = True




@lru_cache(maxsize=1)
def doc_type_cues() -> tuple[Cue, ...]:
    """The cues of ``lexicon/doc_type_cues.yaml``, compiled."""
    text = lexicon_file("doc_type_cues.yaml").read_text("utf-8")
    return tuple(Cue(c["name"], c["type"], re.compile(c["pattern"], re.IGNORECASE | re.MULTILINE),
                     float(c["weight"]), c.get("where", "text"), int(c.get("min_count", 1)),
                     bool(c.get("fit", True)))
                 for c in yaml.safe_load(text))


#: Kinds of debris line a reader's eye passes over: menus, breadcrumbs, skip links, footers,
#: notices and widgets. A cue word in them ("Projects", "News", "Strategies" as menu items)
#: says what the site holds, not what the page is, so type cues never count there. Debris
#: that describes the page itself (catalogue fields, portal panels, timetables, keywords)
#: stays: it is structural evidence of the genre.
NAVIGATION_REASONS = frozenset({
    "skip link", "cookie or script notice", "navigation back", "language switch",
    "share or print", "read more or download", "breadcrumb", "repeated", "running header",
    "feedback widget", "contact line", "copyright line", "licence notice", "comments closed",
    "chat widget", "listen button",
    "site description",
    # a reference list names the genres of the works it cites ("Journal of Social Policy"),
    # not the genre of the page that cites them (a wiki page, slides, a report)
    "reference", "reference with pages", "reference, authors first",
    "reference, Vancouver style", "reference without a year"})


#: Kinds of short line that, three or more in a row, make a menu. Catalogue fields and
#: portal panels are runs of short lines too, but they describe the page, so they are not here.
_MENU_REASONS = frozenset({"header or footer", "running header", "short-line run", "field block",
                           "numbers or code", "language switch", "publications list header",
                           *NAVIGATION_REASONS})


#: A field's value alone on its line: a date, or a number ("300", "1 250 000").
_FIELD_VALUE = re.compile(rf"\s*(?:{FULL_DATE}|\d[\d \u00a0.,]*)\s*", re.IGNORECASE)


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
    # a label over its value (a date or a number), as a registry or catalogue record prints
    # its fields ("Study Start" over "2023-09-01"), is a field of the page, never a menu item
    value = [_FIELD_VALUE.fullmatch(ln) is not None for ln in lines]
    field = [v or i + 1 < len(lines) and value[i + 1] for i, v in enumerate(value)]
    # a clock time alone on its line is a programme's slot, with its talk on the next line,
    # never a menu item: a run of slots and short talk titles is a programme, not a menu
    menu = [why in _MENU_REASONS and len(ln.split()) <= 3 and not CLOCK_TIME.fullmatch(ln.strip())
            and not field[i] for i, (ln, why) in enumerate(zip(lines, reasons, strict=True))]
    drop = [why in NAVIGATION_REASONS and not CLOCK_TIME.fullmatch(ln.strip()) and not value[i]
            for i, (ln, why) in enumerate(zip(lines, reasons, strict=True))]
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


#: The document types, in the order ties are broken (the codebook's order in the cue file).
DOC_TYPE_ORDER = ("policy_document", "project_report", "abstract", "event_programme", "other")

def _kicker(shown: list[str], title: str) -> str:
    """The short label a page sets right above its title, with a line break after it, or "":
    the kind the publisher gives the document ("Policy paper", "Corporate report",
    "Høringsnotat"), which cleaning may have taken for a header line (on a page that repeats
    its head for print, it is)."""
    key = " ".join(title.split()).lower()
    for i, line in enumerate(shown[1:HEAD_LINES * 4], start=1):
        if key and " ".join(line.split()).lower() == key:
            above = shown[i - 1].strip()
            if len(above.split()) <= 4 and not line_is_sentence(above) and \
                    above.lower() != key:
                return above + "\n"
            return ""
    return ""


def _lead(title: str, lines: list[str]) -> str:
    """The title, the first heading and the first paragraph: the lines up to and including
    the first sentence (at most the first five lines), where a page says what it is."""
    lead = [title]
    for line in lines[:5]:
        lead.append(line)
        if line_is_sentence(line):
            break
    return "\n".join(lead)


def _in_lead(cue: Cue) -> bool:
    return cue.where in ("head", "text", "page") and cue.min_count == 1


def doc_type_feature_names(fitted_only: bool = False) -> list[str]:
    """Every feature :func:`doc_type_features` can give, in the cue file's order (with
    ``fitted_only``, those of the cues ``doctype-fit`` weighs: not ``fit: false``)."""
    return [name for c in doc_type_cues() if c.fit or not fitted_only
            for name in (c.name, f"{c.name} in the lead")[:1 + _in_lead(c)]]


def doc_type_features(text: str, title: str = "", furniture: str = "") -> dict[str, float]:
    """The evidence the type is decided on, as named features (1.0 when present):

    - each cue of ``lexicon/doc_type_cues.yaml`` that fires where the cue file says (its
      ``name``);
    - for each cue looked for in the head, the text or the page, whether it also stands in the
      *lead* (the title, the first heading and the first paragraph: ``"<name> in the lead"``):
      a page that *is* a strategy says so there, a news item that *talks about* one says it
      further down.

    The page's shape (its length, its share of sentences) was tried as well and left out: it
    did not raise the leave-one-set-out accuracy (:mod:`digiwelfare.doctype_fit`).
    """
    shown = [ln for ln in text_normalize(text).split("\n") if ln.strip()]
    page = "\n".join(shown[:HEAD_LINES])
    read = text_for_cues(text)
    lines = read.split("\n")
    kicker = _kicker(shown, title)
    head = title + "\n" + kicker + "\n".join(lines[:HEAD_LINES])
    lead = kicker + _lead(title, lines)
    # the page as shown, with what a reader dropped from it (a PDF's running heads)
    page = page + "\n" + furniture if furniture.strip() else page
    zones = {"title": title, "head": head, "furniture": page, "page": "\n".join(shown)}
    # the text with its title, the title counted once (it is often the text's first line)
    whole = read if title.strip() and title.strip() in (ln.strip() for ln in lines) \
        else title + "\n" + read
    features: dict[str, float] = {}
    for cue in doc_type_cues():
        where = zones.get(cue.where, whole)
        n = len(cue.pattern.findall(where)) if cue.min_count > 1 else int(
            bool(cue.pattern.search(where)))
        if n >= cue.min_count:
            features[cue.name] = 1.0
            if _in_lead(cue) and cue.pattern.search(lead):
                features[f"{cue.name} in the lead"] = 1.0
    return features


@lru_cache(maxsize=1)
def doc_type_weights() -> dict[str, dict[str, float]]:
    """The fitted weights of ``lexicon/doc_type_weights.csv`` (written by ``python -m
    digiwelfare doctype-fit``): for each feature (and ``(intercept)``), a weight per type.
    Empty when the file is absent: the cue file's own weights are then used."""
    try:  # through lexicon_file, so that make knows the import reads it (rundeps)
        path = lexicon_file("doc_type_weights.csv")
    except FileNotFoundError:
        return {}
    rows = list(csv.DictReader(path.read_text("utf-8").splitlines()))
    bad = [r.get("feature", "?") for r in rows if set(DOC_TYPE_ORDER) - set(r)]
    if bad or not rows:
        raise ValueError(f"{path}: needs the columns feature, {', '.join(DOC_TYPE_ORDER)}; "
                         "write it again with `python -m digiwelfare doctype-fit`")
    return {r["feature"]: {t: float(r[t]) for t in DOC_TYPE_ORDER} for r in rows}


def _scores(features: dict[str, float], weights: dict[str, dict[str, float]]
            ) -> dict[str, tuple[float, str]]:
    hand = {c.name: c for c in doc_type_cues()}
    scores = {t: [weights["(intercept)"][t] if weights else 0.0, "", float("-inf")]
              for t in DOC_TYPE_ORDER}
    for name, value in sorted(features.items()):
        if name in weights:
            pairs = weights[name].items()
        elif name in hand:
            pairs = [(hand[name].doc_type, hand[name].weight)]
        else:
            continue
        for kind, w in pairs:
            scores[kind][0] += w * value
            if w * value > scores[kind][2]:
                scores[kind][1], scores[kind][2] = name, w * value
    return {k: (v[0], v[1]) for k, v in scores.items()}


def doc_type_scores(text: str, title: str = "") -> dict[str, tuple[float, str]]:
    """Each type's score on ``text`` and ``title`` and the feature that adds most to it, as
    :func:`doc_type_decide` scores them (``""`` when no feature adds to the type)."""
    return _scores(doc_type_features(text, title), doc_type_weights())


def doc_type_decide(features: dict[str, float], weights: dict[str, dict[str, float]] | None = None
                    ) -> tuple[str, str]:
    """The type :func:`doc_type_features` speak for, and the feature that adds most to it.
    With fitted ``weights`` (default: :func:`doc_type_weights`) every type is scored: its
    intercept plus the weights of the features present. A feature the weights do not know (a
    cue added since the last fit) counts with the cue file's weight for the cue's type; so do
    all cues when there are no fitted weights. ``("other", "no cue")`` when no cue fires; ties
    go to the type listed first in :data:`DOC_TYPE_ORDER`. A cue with a negative weight (one
    that only speaks against a type) does not count as a cue that fires."""
    weights = doc_type_weights() if weights is None else weights
    # a cue that only speaks against a type (a negative hand weight, "a report's summary or
    # findings heading" against `other`) is no evidence for any type: alone it leaves the
    # page `other`, as a page with no cue is
    names = {c.name for c in doc_type_cues() if c.weight > 0}
    if not any(f.removesuffix(" in the lead") in names for f in features):
        return "other", "no cue"
    scores = _scores(features, weights)
    best = max(DOC_TYPE_ORDER, key=lambda t: (scores[t][0], -DOC_TYPE_ORDER.index(t)))
    return best, f"cue: {scores[best][1]}" if scores[best][1] else "prior"


def doc_type_classify(text: str, title: str = "", furniture: str = "") -> tuple[str, str]:
    """The document type and the evidence that added most to it (``"cue: <name>"``), by
    :func:`doc_type_decide` over :func:`doc_type_features`; ``("other", "no cue")`` when no
    cue fires.

    >>> doc_type_classify("Meld. St. 5 (2022–2023)\\nDigital first", "Digital for alle")[0]
    'policy_document'
    """
    return doc_type_decide(doc_type_features(text, title, furniture))
