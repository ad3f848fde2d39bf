"""Cleaning text: Unicode normalisation, white space, and the navigation and catalogue debris
that exported web pages and documents carry.

A line is removed when one of these says it is debris, checked in this order:

1. an editable rule (``lexicon/debris.yaml``): a pattern for a whole line, up to a length;
2. ``repeated``: the line stands in several documents of the corpus (or of one import), as
   menus, footers, field labels and notices do (Kohlschütter et al. 2010 and jusText use the
   same sign: boilerplate repeats, text does not); ``running header``: it stands twice or
   more in the same text (page headers and footers of a report, a title in a breadcrumb),
   or a line of the text stands in it again with a page number before or after it;
3. ``field label`` and ``field value``: a short "Label:" line and the value on the line after
   it, or "Label: value" on one short line, as catalogue pages print their fields;
4. ``numbers or code``: a short line made of numbers, codes or amounts ("301234",
   "HELSEVEL-HELSEVEL", "NOK 9,9 mill.");
5. ``header or footer``: short lines that are not sentences, before the first sentence of a
   text or after its last one (menus, breadcrumbs, panels, link lists);
6. ``short-line run``: three or more short lines in a row, none of them a sentence (tag
   panels, link lists, menus in the middle of a page);
7. line shapes that are never prose, sentence or not (:mod:`digiwelfare.linetypes`): ``page
   header`` (a PDF's running head or foot: a few words that are no sentence and a page
   number, before or after a gap of four spaces or more, which normalisation keeps as one
   tab); ``author list`` (names with affiliation marks, "Kari Holm¹, Ola Dahl²"),
   ``affiliation`` (short comma-separated names with an institution word, next to other
   debris), ``fields in a line`` ("Deadline: 15 January 2025. Notification: 1 March 2025."),
   ``date line`` (a short line that is no sentence and holds a full date), ``truncated
   copy`` (a breadcrumb's "The title: first words ...");
8. structure (:mod:`digiwelfare.debris_context`): ``declaration`` (a funding,
   conflict-of-interest, acknowledgement or disclaimer heading and the paragraph under it,
   words in ``lexicon/notice_cues.yaml``, when
   debris and no paragraph of text follow; :mod:`digiwelfare.debris_blocks`: ``about the
   publisher``, a press release's "About the Agency" heading right under debris and the
   few lines to the page's end, a cookie dialog's sentences between its notice and its
   buttons, and minutes' case items, "PS 12/24 ...", when there are two or more);
   ``notice in the footer`` (one or two short
   sentences after the page's last paragraph of text, once three lines of web debris have
   come between them, a list's phrases not counted, and not under a heading that announces
   text: "Programme subject to
   change.", a blog's disclaimer, a widget's explanation); ``widget`` (a short sentence that
   counts readers, outside the text); ``title of another work`` (a line followed by an
   author list or an affiliation after the text); ``front matter`` (before the first
   paragraph of text, two short sentences together, or one among debris, that end in a
   date, as the cover of an
   official report prints "Submitted to the Ministry on 2 May 2025."); ``registration
   terms`` (a short sentence right under a registration label, outside the text: "Free, but
   places are limited."); ``comments`` (a comments heading under the text and the thread
   below it); ``footnote`` (a line opening with a superscript number that the
   text calls, glued to a word or a sentence's end: "... the hardest ones.²"; in text taken
   out of a PDF, a plain number that a line above it on the same page calls).

A line that reads as a sentence (:func:`line_is_sentence`) is never removed by 2-6, nor by a
rule unless the rule is marked ``sentence_ok`` (cookie notices are written as sentences); 7
and 8 take sentences only by their shape or place, never a paragraph of text (a notice of 8
has at most :data:`~digiwelfare.linetypes.NOTICE_WORDS` words and no sentence of
:data:`~digiwelfare.linetypes.PARAGRAPH_WORDS`, and never
stands between two paragraphs of text; a footnote may, as a PDF prints it at the foot of a page,
but only with its superscript number and the text's call of it).
Cleaning is idempotent, and it is applied both when documents are imported and when tokens are
prepared, so a corpus that still carries debris (like the demo corpus, on purpose) is analysed
without it. :func:`textstat_debris` counts every removed line by document and reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import yaml

from digiwelfare.config import lexicon_file
from digiwelfare.debris_blocks import (
    bracket_notes_mark,
    case_items_mark,
    contact_headings_mark,
    cookie_dialogs_mark,
    field_blocks_mark,
    mail_headers_mark,
    publisher_notes_mark,
    related_items_mark,
    signatures_mark,
)
from digiwelfare.debris_context import (
    affiliations_mark,
    citations_mark,
    comments_mark,
    declarations_mark,
    footnotes_mark,
    notices_mark,
    sandwiched_mark,
)
from digiwelfare.linetypes import (
    PARAGRAPH_WORDS,
    ZONE_WORDS,
    line_has_date,
    line_is_author_list,
    line_is_fields,
    line_is_label,
    line_is_label_value,
    line_is_numbers_or_code,
    line_is_sentence,
    line_key,
)
from digiwelfare.literals import LiteralIndex

#: A line repeated in at least this many documents is boilerplate (when it is no sentence).
MIN_REPEATS = 3
#: Lines of at most this many words count as short.
SHORT_WORDS = 6
@dataclass(frozen=True)
class DebrisRule:
    name: str
    pattern: re.Pattern
    max_words: int
    sentence_ok: bool = False


@lru_cache(maxsize=1)
def debris_rules() -> tuple[DebrisRule, ...]:
    """The rules of ``lexicon/debris.yaml``, compiled."""
    text = lexicon_file("debris.yaml").read_text("utf-8")
    return tuple(DebrisRule(r["name"], re.compile(r["pattern"], re.IGNORECASE),
                            int(r["max_words"]), bool(r.get("sentence_ok", False)))
                 for r in yaml.safe_load(text))


#: A PDF's running head or foot as text extraction leaves it: a name or a title, a gap of four
#: spaces or more (or a tab), and the page number, perhaps after "Page", "Side", "Sida" or
#: "s." ("Proceedings of IRIS 28      1105", "Survey of members      Page 3").
_PAGE_LINE = re.compile(r"(?=.*[^\W\d_]{2})(?:\S.{2,120}?\S\t(?:(?:page|side|sida|s\.)\s*)?"
                        r"\d{1,4}|\d{1,4}\t\S.{2,120})", re.IGNORECASE)


def _page_line(line: str) -> bool:
    """Whether a line is a PDF's running head or foot (:data:`_PAGE_LINE`): its words are no
    sentence, and there are at most 14 of them."""
    stripped = line.strip()
    return "\t" in stripped and _PAGE_LINE.fullmatch(stripped) is not None and \
        len(stripped.split()) <= 14 and not _sentence(max(stripped.split("\t"), key=len))


def _page_lines_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A page line (:func:`_page_line`) is a page's head or foot when it stands alone: one
    with another such line right above or below it is a table's row ("Antall brukere
    1204"), left to the other rules."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    page = {i for i in filled if _page_line(lines[i])}
    for k, i in enumerate(filled):
        if i in page and reasons[i] is None and not (
                k > 0 and filled[k - 1] in page or k + 1 < len(filled) and filled[k + 1] in page):
            reasons[i] = "page header"


def _line_shape(line: str, sentence: bool, others: list[str]) -> str | None:
    """The reason a line's shape makes it debris, sentence or not (point 7 of the module's
    list), or None. ``others`` are the text's lines, lower case, single-spaced."""
    stripped = line.strip()
    cut = re.fullmatch(r"(.*\w)\s*(?:\.{3,}|…)", stripped) if stripped.endswith(("...", "…")) \
        else None
    if cut and len(cut.group(1).split()) >= 2:
        stem = " ".join(cut.group(1).lower().split())
        # the line itself matches when its dots follow a space ("... Mit ..."): a breadcrumb's
        # cut title is still copy, a paragraph cut off (sentences in it) is a teaser's text
        whole = " ".join(stripped.lower().split())
        teaser = len(stripped.split()) >= 12 and re.search(r"[.!?]\s+[^\W\d_]", cut.group(1))
        if any(o.startswith(stem) and len(o) > len(stem) + 3 and (o != whole or not teaser)
               for o in others):
            return "truncated copy"  # a breadcrumb's or a sidebar's shortened title
    if line_is_author_list(stripped):
        return "author list"
    if line_is_fields(stripped):
        return "fields in a line"
    if not sentence and len(stripped.split()) <= 12 and line_has_date(stripped):
        return "date line"
    return None


_INDEX: list = [None, None, -1]  # the rules an index was made for, the index, most words


def _rules_index(rules: tuple[DebrisRule, ...]) -> LiteralIndex:
    """The index that tells which rules can match a line at all (:mod:`digiwelfare.literals`:
    a line without any of a rule's words is not tried against its pattern), made again when
    the rules are read again."""
    if _INDEX[0] is not rules:
        _INDEX[:] = [rules, LiteralIndex([rule.pattern for rule in rules]),
                     max((rule.max_words for rule in rules), default=-1)]
    return _INDEX[1]


@lru_cache(maxsize=200_000)
def _sentence(line: str) -> bool:
    """:func:`line_is_sentence`, cached by line (a line is asked about several times)."""
    return line_is_sentence(line)


@lru_cache(maxsize=200_000)
def line_debris(line: str) -> str | None:
    """The name of the editable rule a line matches, or None (cached by line: boilerplate
    lines repeat across documents).

    >>> line_debris("Skip to main content"), line_debris("We followed 12 caseworkers.")
    ('skip link', None)
    """
    stripped, sentence, rules = line.strip(), None, debris_rules()
    n, index = len(stripped.split()), _rules_index(rules)
    if n > _INDEX[2]:  # more words than any rule allows
        return None
    for i in sorted(index.candidates(stripped)):  # the rules it holds a word of, in order
        rule = rules[i]
        if n <= rule.max_words and rule.pattern.fullmatch(stripped):
            if not rule.sentence_ok:
                sentence = _sentence(stripped) if sentence is None else sentence
                if sentence:
                    continue
            return rule.name
    return None


def lines_count(texts: Iterable[str]) -> Counter[str]:
    """In how many of ``texts`` each line key (:func:`line_key`) stands. Counts of parts of a
    corpus add up to the corpus's (``sum`` of Counters), so parts can be counted apart."""
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({line_key(ln) for ln in text_normalize(text).split("\n") if ln.strip()})
    return seen


def lines_repeated(texts: Iterable[str], min_docs: int = MIN_REPEATS,
                   counts: Counter[str] | None = None) -> frozenset[str]:
    """Keys (:func:`line_key`) of the lines that stand in at least ``min_docs`` of ``texts``
    (or of the texts ``counts`` was made of, :func:`lines_count`)."""
    seen = lines_count(texts) if counts is None else counts
    return frozenset(k for k, n in seen.items() if n >= min_docs and k)


_PAGE_GAP = re.compile(r"(?<=\S)(?:[ \t\u00a0\u2007\u202f]{4,}|[ \u00a0]*\t[ \t\u00a0]*)"
                       r"(?=(?:(?:page|side|sida|s\.)\s*)?\d{1,4}$)", re.IGNORECASE)


#: The same with the page number first ("48      YEARBOOK OF ADULT LEARNING 2024").
_PAGE_GAP_FIRST = re.compile(r"^(\d{1,4})[ \t\u00a0\u2007\u202f]{4,}(?=\S)")


_LIGATURES = re.compile("[\ufb00-\ufb06]")


def ligatures_expand(text: str) -> str:
    """A typeface's Latin ligatures ("ﬁ", "ﬂ", "ﬀ") as the letters they join ("ﬂere" is
    "flere"), the rest of the text as it is."""
    if not _LIGATURES.search(text):
        return text
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def text_normalize(text: str) -> str:
    """NFC, Latin ligatures as their letters, no control characters, one space between words,
    paragraphs kept (lines inside a paragraph keep their breaks; blank lines collapse to one)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = ligatures_expand(text)  # a PDF's "ﬁ", "ﬂ": letters of their words
    if not text.replace("\n", " ").replace("\t", " ").isprintable():
        # isprintable() is False for every control or format character (and for some spaces),
        # so the character by character pass runs only where it may remove something
        text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    text = re.sub(r"\[\s*e-?mail(&#160;|\s)*protected\s*\]", "", text, flags=re.IGNORECASE)
    # a page number after a wide gap (a PDF's running head or foot) keeps one tab before it,
    # the sign by which cleaning knows the line; every other run of spaces becomes one space
    lines = [_line_normalize(line) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
#: What :data:`_SPACES` changes: a space other than the plain one, or two in a row.
_SPACES_TO_CHANGE = re.compile(r"[\t\u00a0\u2007\u202f]|  ")
_TABLE_EDGES = re.compile(r"^\|\s*|\s*\|$")
_TABLE_RULE = re.compile(r"[|:\- ]+")


def _line_normalize(line: str) -> str:
    """One line of :func:`text_normalize`: stripped; a page number after or before a wide gap
    kept with one tab; other runs of spaces one space; a table row's edge bars gone, a
    table's rule line empty. Each pattern is tried only on a line that can hold its match
    (the page-gap patterns end or start in a digit), which leaves the result as it was."""
    line = line.strip()
    if line[:1].isdigit():
        line = _PAGE_GAP_FIRST.sub("\\1\0", line)
    if line[-1:].isdigit():
        line = _PAGE_GAP.sub("\0", line)
    if _SPACES_TO_CHANGE.search(line):
        line = _SPACES.sub(" ", line)
    if "\0" in line:
        line = line.replace("\0", "\t")
    if line.startswith("|"):  # table rows as exporters print them ("| 10.00 | Welcome |")
        line = _TABLE_EDGES.sub("", line)
    return "" if "-" in line and _TABLE_RULE.fullmatch(line) else line


def _page_numbered_copy(line: str, own: Counter) -> bool:
    """Whether ``line`` is another line of the same text with a page number before or after
    it, as a PDF prints its title or its publisher in the running header of one page
    ("Jobsamtaler på skærm    5" under the cover's "Jobsamtaler på skærm")."""
    key = line_key(line)
    bare = re.sub(r"^# | #$", "", key)
    return bare != key and bool(re.search(r"[^\W\d_]", bare)) and own[bare] > 0


def lines_classify(lines: list[str], repeated: frozenset[str]) -> list[str | None]:
    """The reason each line is debris (None for text)."""
    reasons: list[str | None] = []
    after_label = False
    heads: list[str | None] = [None] * len(lines)
    _page_lines_mark(lines, heads)  # PDF page heads and feet, before any other rule
    own = Counter(line_key(ln) for ln in lines if ln.strip())
    others = [" ".join(ln.lower().split()) for ln in lines if ln.strip()]
    for line in lines:
        if not line.strip():
            reasons.append(None)
            continue
        sentence = _sentence(line)
        reason = line_debris(line) or heads[len(reasons)]
        if reason is None and not sentence:
            if line_key(line) in repeated:
                reason = "repeated"
            elif (own[line_key(line)] > 1 or _page_numbered_copy(line, own)) and \
                    len(line.split()) <= ZONE_WORDS:
                reason = "running header"
            elif line_is_label(line):
                reason = "field label"
            elif after_label and len(line.split()) <= 8:
                reason = "field value"
            elif line_is_label_value(line):
                reason = "field label"
            elif line_is_numbers_or_code(line, SHORT_WORDS + 2):
                reason = "numbers or code"
        if reason is None:
            reason = _line_shape(line, sentence, others)
        after_label = reason == "field label" and line_is_label(line)
        reasons.append(reason)
    declarations_mark(lines, reasons)
    cookie_dialogs_mark(lines, reasons)
    case_items_mark(lines, reasons)
    field_blocks_mark(lines, reasons)
    mail_headers_mark(lines, reasons)
    sentences = [i for i, ln in enumerate(lines) if ln.strip() and reasons[i] is None
                 and _sentence(ln)]
    if not sentences:
        return reasons
    first, last = sentences[0], sentences[-1]
    short = [bool(ln.strip()) and reasons[i] is None and not _sentence(ln)
             and len(ln.split()) <= ZONE_WORDS for i, ln in enumerate(lines)]
    for i in range(len(lines)):
        if short[i] and (i < first or i > last):
            reasons[i] = "header or footer"
    # a run: three or more lines in a row (blank lines aside) that are debris already or short
    # and no sentence, at least one of them unexplained: a menu, a panel, a list of links
    run: list[int] = []
    for i in [*range(first, last + 1), None]:
        if i is not None and not lines[i].strip():
            continue
        if i is not None and (reasons[i] or (short[i] and len(lines[i].split()) <= 6)):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                reasons[j] = reasons[j] or "short-line run"
        run = []
    sandwiched_mark(lines, reasons, short)
    contact_headings_mark(lines, reasons)
    related_items_mark(lines, reasons)
    comments_mark(lines, reasons)
    signatures_mark(lines, reasons)
    affiliations_mark(lines, reasons)
    bracket_notes_mark(lines, reasons)
    notices_mark(lines, reasons)
    publisher_notes_mark(lines, reasons)
    citations_mark(lines, reasons)
    footnotes_mark(lines, reasons)
    # once more: notices and footnotes found just now can enclose a short line (a speaker's
    # name between two bios)
    sandwiched_mark(lines, reasons, short)
    _wrapped_tails_mark(lines, reasons)
    return reasons


def _wrapped_tails_mark(lines: list[str], reasons: list[str | None]) -> None:
    """The rest of a debris line that a PDF wrapped onto the next line goes with it: a line
    right under a debris line that ends with no full stop, which opens in lower case and
    has at most :data:`~digiwelfare.linetypes.PARAGRAPH_WORDS` words ("Tilråding frå ...
    12. mars 2025," / "godkjend i statsråd same dagen."). A blank line between them, or a
    capital, starts something else."""
    for i in range(1, len(lines)):
        above, line = lines[i - 1].rstrip(), lines[i].strip()
        if reasons[i] is None and reasons[i - 1] and reasons[i - 1] not in _PAGE_BREAK and \
                line[:1].islower() and above[-1:] not in ".!?" and \
                len(above.split()) >= 4 and len(line.split()) <= PARAGRAPH_WORDS and \
                not _text_goes_on(lines, reasons, i - 1):
            reasons[i] = reasons[i - 1]


#: Debris a page break leaves between two parts of one sentence: a running head or foot, a
#: page number. A line in lower case under it is the text going on, not the debris's tail.
_PAGE_BREAK = frozenset({"running header", "page number or running header", "page header",
                         "numbers or code", "repeated", "header or footer"})


def _text_goes_on(lines: list[str], reasons: list[str | None], i: int) -> bool:
    """Whether the text above the debris line ``i`` stops in mid-sentence (its last line
    of text ends with no full stop), so that a line in lower case under ``i`` may be its
    rest."""
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    return above is not None and reasons[above] is None and \
        lines[above].rstrip()[-1:] not in ".!?:"


def text_clean(text: str, repeated: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """Normalised text without debris lines; also the reasons the removed lines had.
    ``repeated`` holds the keys of lines repeated across documents (:func:`lines_repeated`).

    >>> text_clean("Back to search\\n\\nThe study followed 12 caseworkers.\\n\\nPrint")
    ('The study followed 12 caseworkers.', ['navigation back', 'share or print'])
    """
    lines = text_normalize(text).split("\n")
    reasons = lines_classify(lines, repeated)
    # a page number's gap that stayed (a sentence with a number after it) is a space again
    kept = [ln.replace("\t", " ") for ln, why in zip(lines, reasons, strict=True) if why is None]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), [r for r in reasons if r]


def corpus_clean(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus with every text cleaned by :func:`text_clean`, lines repeated across its
    documents included."""
    repeated = lines_repeated(corpus["text"])
    return corpus.assign(text=[text_clean(t, repeated)[0] for t in corpus["text"]])


def textstat_debris(corpus: pd.DataFrame) -> pd.DataFrame:
    """Debris lines removed per document and reason: ``id, rule, lines`` (documents with none
    are left out)."""
    repeated = lines_repeated(corpus["text"])
    rows = [(doc.id, name) for doc in corpus.itertuples(index=False)
            for name in text_clean(doc.text, repeated)[1]]
    table = pd.DataFrame(rows, columns=["id", "rule"])
    return table.groupby(["id", "rule"]).size().rename("lines").reset_index()
