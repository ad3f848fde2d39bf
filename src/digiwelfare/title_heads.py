"""A title refined by the lines under it (:func:`digiwelfare.titles.title_find`): the fuller
heading a running head names by its kind ("Stordal kommune – Møtebok" over "Møtebok for
levekårsutvalet"), and the subject under a cover titled by its genre's name alone
("Høringssvar" over "Forslag til nye retningslinjer ..."). Split from
:mod:`digiwelfare.titles`, which stays with finding the title line itself.
"""

from __future__ import annotations

import re

from digiwelfare.clean import text_normalize
from digiwelfare.linetypes import HEAD_LINES, line_is_sentence

#: A genre's bare name set as a cover's title, with the document's subject on the line under
#: it ("Høringssvar" over "Forslag til nye retningslinjer for TT-ordningen"). Narrower than
#: :data:`digiwelfare.organisations.GENRE_WORD` on purpose: a report's or a strategy's bare
#: name ("Rapport", "Strategi") is more often over a series' number or a period than a subject.
_GENRE_WORD = re.compile(r"(høringssvar|høyringssvar|høringsuttalelse|høyringsfråsegn|"
                         r"høringsinnspill|remissvar|remissyttrande|consultation response|"
                         r"uttalelse|uttale|fråsegn|udtalelse|yttrande|notat|memo|"
                         r"høringsnotat|høyringsnotat)\s*:?", re.IGNORECASE)

#: What may follow a running head's kind in the heading it names: the meeting's date
#: ("Protokoll frå styremøte 13. juni 2024", "Minutes 4 March 2025"), not a series' number.
_MEETING_DATE = re.compile(r"\s*[,:–-]?\s*(\d{1,2}\.?\s+[^\W\d]+\.?\s+\d{4}|\d{1,2}\.\d{1,2}\."
                           r"\d{2,4}|[^\W\d]+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*")


def title_refine(title: str, text: str) -> str:
    """``title``, or the line under it that a careful reader takes for the title: the
    fuller heading a running head names (:func:`_fuller_heading`), else the subject under a
    genre's bare name (:func:`_subject_under_genre`). Only a title that stands among the
    text's first lines is refined, by the three lines under it."""
    lines = [ln.strip() for ln in text_normalize(text).split("\n") if ln.strip()][:HEAD_LINES]
    if title not in lines:
        return title
    at = lines.index(title)
    below = lines[at + 1:at + 4]
    return _fuller_heading(title, below) or _subject_under_genre(title, below) or title


def _fuller_heading(title: str, below: list[str]) -> str:
    """The heading among ``below`` under a title of the shape "<body> – <kind>" ("Stordal
    kommune – Møtebok", a Word header's line) that opens with that kind and says more
    ("Møtebok for levekårsutvalet", "Møteprotokoll: Lyngen kommunestyre"; "Nordvest –
    Protokoll frå styremøte" over "Protokoll frå styremøte 13. juni 2024"); "" otherwise (a
    heading with a number other than a date, "Report 2/2024", is a series' line)."""
    found = re.fullmatch(r"(.+?)\s+[–—-]\s+(\w{4,}(?:\s+\w+){0,3})", title)
    if not found:
        return ""
    kind = found.group(2).lower()
    return next((ln for ln in below if ln.lower().startswith(kind)
                 and len(ln.split()) > len(kind.split()) and not line_is_sentence(ln)
                 and (not re.search(r"\d", ln) or _MEETING_DATE.fullmatch(ln[len(kind):]))),
                "")


def _subject_under_genre(title: str, below: list[str]) -> str:
    """The line right under a title that is only a genre's name ("Høringssvar", "Notat"),
    when it names a subject (three to twenty words, no sentence, not a number, a date or a
    reference); "" otherwise."""
    if not _GENRE_WORD.fullmatch(title) or not below:
        return ""
    line = below[0]
    if 3 <= len(line.split()) <= 20 and not line[:1].isdigit() and not line_is_sentence(line) \
            and not re.search(r"\b(ref\.?|referanse|saksnr|sak nr|dato|date)\b|\b(19|20)\d\d\b",
                              line, re.IGNORECASE):
        return line
    return ""
