"""Whether one line can be a title at all (:func:`title_is_plausible`): not a code, a date, a
label, a price, a journal's source line, an affiliation, an author list, a footnote or a
sentence of text. Split from :mod:`digiwelfare.titles`, which finds the title among the lines
that can be one and still offers this name."""

from __future__ import annotations

import re

from digiwelfare.clean import line_debris
from digiwelfare.linetypes import (
    JOURNAL_AFTER_YEAR,
    JOURNAL_VOLUME,
    JOURNAL_VOLUME_ISSUE,
    line_ends_in_date,
    line_is_affiliation,
    line_is_author_list,
    line_is_sentence,
)

#: Kinds of debris line that are never a title, however they stand.
NEVER_TITLE = frozenset({"skip link", "navigation back", "language switch", "share or print",
                          "cookie or script notice", "breadcrumb", "read more or download",
                          "login link", "funding acknowledgement", "funder's disclaimer"})
#: What only a web page's furniture is, so that a report's cover with one above it is no
#: cover (a funder's line stands on a report's cover too)
WEB_FURNITURE = NEVER_TITLE - {"funding acknowledgement", "funder's disclaimer"}


#: An amount of money ("kr 2 900", "NOK 450", "1 200 kr", "€50") and the words of a price.
_MONEY = re.compile(r"(?i)(?:\b(?:kr\.?|nok|sek|dkk|eur|usd|gbp)|[€£$])\s?\d[\d  .,]*|"
                    r"\d[\d  .,]*\s?(?:kr|nok|sek|dkk|euro|eur|€)\b")
_PRICE_WORD = re.compile(r"(?i)(pris|price|prices|avgift|deltakaravgift|deltakeravgift|"
                         r"deltagaravgift|fee|fees|kostnad|kostar|koster|medlem|medlemmer|"
                         r"members?|ikke-medlem\w*|non-members?)\b")


#: A journal's source line, in Vancouver style ("2024; 32 (1): 00–00", "2025, 42(1)") or with
#: its volume and issue or supplement ("..., Volume 34, Supplement 3, 2024", "..., årg. 30,
#: nr 2, 2024").
_SOURCE_LINE = re.compile(rf"(?i)\b(?:19|20)\d\d{JOURNAL_AFTER_YEAR}|{JOURNAL_VOLUME_ISSUE}\b|"
                          # a journal's name with its volume and the article's pages
                          # ("Journal of Child and Family Studies volume 33, pages 000–000")
                          rf"\b{JOURNAL_VOLUME}[ \t]*\d{{1,4}}[ \t]*,[ \t]*(?:pages?|pp?\.|s\.|"
                          rf"sider|sidor)[ \t]*\d+(?:[ \t]*[–-][ \t]*\d+)?")


#: A field naming the people who wrote, edited or lead a work ("Forfattere:", "Authors:",
#: "Redaktør:"): its value is names, never the title.
_PEOPLE_LABEL = re.compile(r"(?i)\s*(forfatter(e|ne)?|forfattar(ar|ane)?|författare|"
                           r"authors?|redaktør(er|ar)?|redaktör(er)?|editors?|skrevet av|"
                           r"skriven av|written by|tekst og foto|text och foto)\s*:")


def title_is_plausible(line: str) -> bool:
    """Whether a line can be a title: 1 to 30 words, not a code, a date, a label, an
    affiliation, an author list, a footnote (a line opening with a superscript mark) or a
    citation with a DOI, nor a sentence of text (one ending with a full stop, or a long one).

    >>> title_is_plausible("How should the agency meet its users in 2030?")
    True
    >>> title_is_plausible("HELSEVEL-HELSEVEL"), title_is_plausible("Project Number:")
    (False, False)
    >>> title_is_plausible("Skip to main content"), title_is_plausible("Adopted 3 May 2022")
    (False, False)
    """
    words = line.split()
    if not 1 <= len(words) <= 30 or line.endswith(":"):
        return False
    if line_debris(line) in NEVER_TITLE or line_ends_in_date(line):
        return False  # a skip link, a menu's language switch; a dated line ("Vedtatt 3. mai 2022")
    if re.match(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079†‡]", line) or line_is_affiliation(line) \
            or line_is_author_list(line):
        return False  # a footnote or an affiliation opening with its mark, an author list
    if re.search(r"\b(doi:?\s*|doi\.org/)10\.\d{4,}/", line, re.IGNORECASE):
        return False  # a citation of the work, with its DOI
    if _SOURCE_LINE.search(line):
        return False  # a journal's source line: "Norsk Epidemiologi 2024; 32 (1): 00–00"
    if _PEOPLE_LABEL.match(line):
        return False  # the people who wrote or edited it: "Forfattere: Anne Berg, Per Dahl"
    amounts = _MONEY.findall(line)
    if len(amounts) >= 2 or amounts and "?" not in line and (
            _PRICE_WORD.match(line.strip()) or re.search(r"(?<!\d)\s/\s|(?<![\d\s])/(?!\d)", line)):
        return False  # a price line ("Medlem kr 2 900 / ikkje medlem kr 3 900")
    if not re.search(r"[^\W\d_]{2}", line) or not re.search(r"[^\W\d_A-ZÆØÅÄÖ]{2}", line):
        return False  # no word, or capitals only: a code such as HELSEVEL-HELSEVEL
    if not re.match(r"[\W\d]*[^\W\d_]", line) or line.lstrip("«\"'“‘(")[:1].islower() and \
            not re.match(r"[a-zæøåäö]{1,3}[A-ZÆØÅÄÖ]", line.lstrip("«\"'“‘(")):
        # a title starts with a capital: a lower-case start is a wrapped line, unless it is a
        # name written so ("eKommune 2026: ...", "mHelse i praksis")
        return False
    sentence = line_is_sentence(line)
    return not (sentence and (line.rstrip().endswith(".") or len(words) > 22))
