"""A document's title, as a careful reader finds it: the title a file gives (PDF or Word
properties, a page's main heading, a Markdown file's first heading) when it is plausible; a
title field ("Tittel:", "Title of master's thesis:"); a report cover's title and subtitle; else
the line before the text's first sentence that looks most like a title and not like a site
name, a menu item, an organisation (:mod:`digiwelfare.organisations`), a code or a field
(:func:`title_find`). Split from
:mod:`digiwelfare.metadata` (years), which still offers these names.
"""

from __future__ import annotations

import re

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.identifiers import first_names_read
from digiwelfare.linetypes import (
    BOOK_OF_ABSTRACTS,
    FULL_DATE,
    HEAD_LINES,
    KIND_AND_YEAR,
    MONTHS,
    YEAR,
    line_is_field,
    line_is_sentence,
)
from digiwelfare.organisations import GENRE_WORD, line_is_organisation
from digiwelfare.title_cover import (
    _AUTHORS,
    _FUNDED,
    _GENRE_LABEL,
    _MADE_BY,
    _NAMES,
    _bare,
    _person_line,
    title_from_cover,
)
from digiwelfare.title_heads import title_refine
from digiwelfare.title_lines import WEB_FURNITURE, title_is_plausible

__all__ = ["title_find", "title_from_cover", "title_is_plausible", "title_remove"]

def title_find(text: str, given: str = "", repeated: frozenset[str] = frozenset()) -> str:
    r"""A document's title (:func:`_title_find`), or the line under it a reader takes for it:
    the fuller heading a running head names by its kind, or the subject under a genre's bare
    name (:func:`digiwelfare.title_heads.title_refine`).

    >>> title_find("HELSEVEL-HELSEVEL\nDigital boards at home\n\nWe studied four teams.")
    'Digital boards at home'
    """
    return title_refine(_title_find(text, given, repeated), text)


def _title_find(text: str, given: str = "", repeated: frozenset[str] = frozenset()) -> str:
    r"""A document's title: ``given`` (from metadata, file properties or a page's main
    heading) when it is plausible; otherwise the line before the text's first sentence that
    looks most like a title (:func:`title_is_plausible`, scored by :func:`_title_score`:
    site names, menus and running headers lose); else "".

    >>> title_find("HELSEVEL-HELSEVEL\nDigital boards at home\n\nWe studied four teams.")
    'Digital boards at home'
    """
    given = " ".join(given.split())
    if given and title_is_plausible(given):
        return given
    lines = text_normalize(text).split("\n")
    # a title field ("Tittel:", "Title of master's thesis:") says what the title is; a
    # cover's title that begins with it (and adds the subtitle) is the same title, fuller
    labelled = next((t for t in (_title_field(lines[:HEAD_LINES * 2], i)
                                 for i in range(min(len(lines), HEAD_LINES * 2))) if t), "")
    heading = _subject_heading(lines[:HEAD_LINES * 2])
    if heading:
        return heading
    reasons = lines_classify(lines, repeated)
    cover = title_from_cover(lines, reasons)
    if cover and (not labelled or " ".join(re.findall(r"\w+", cover.lower())).startswith(
            " ".join(re.findall(r"\w+", labelled.lower())))):
        return cover
    if labelled:
        return labelled
    first_sentence = next((i for i, (ln, why) in enumerate(zip(lines, reasons, strict=True))
                           if why is None and line_is_sentence(ln)
                           and not _is_headline_question(i, lines, reasons)), len(lines))
    best, best_score, at = "", 0.0, 0
    head = HEAD_LINES * 3  # a journal page's menus and widgets can run long before the title
    for i, (line, why) in enumerate(zip(lines[:head], reasons[:head], strict=False)):
        if i >= first_sentence or not line.strip() or not _title_zone(line, why, i, lines):
            continue
        line = line.strip()
        if not title_is_plausible(line) or re.search(r"\s[|·•›>]\s|\|", line) or \
                len(re.findall(r"\s/\s", line)) >= 2:
            continue  # separators: a breadcrumb, a running header, a menu (one slash may part
            # a bilingual title: "Velferdsteknologiens dag / Welfare Technology Day")
        if why == "field label" and not _GENRE_LABEL.match(line) and \
                not _GENRE_SUBTITLE.fullmatch(line):
            # no bonus for the colon; a value listing places loses more (but an event or a
            # report named by its kind first, "Fagdag: ...", "Seminarium: ...", is no field)
            score = _title_score(line, lines) - 2 - 3 * ("," in line.split(":", 1)[1]) - \
                4 * bool(_FIELD_NAME.match(line))
        else:
            score = _title_score(line, lines)
        if _is_headline_question(i, lines, reasons) and _subtitle_under(i, lines, reasons):
            score += 10  # the heading asked as a question over its subtitle
        if score > best_score:
            best, best_score, at = line, score, i
    if not best:
        # nothing but a name before the text: a body's own page is titled by its name
        # ("Seksjon for velferd og digitalisering", "Digitale Velferdstjenester AS")
        best, at = next(((ln.strip(), i) for i, (ln, why) in enumerate(
            zip(lines[:min(head, first_sentence)], reasons, strict=False))
            if ln.strip() and _title_zone(ln, why, i, lines) and title_is_plausible(ln.strip())
            and line_is_organisation(ln.strip())), ("", 0))
    if not best:
        # a short heading (one or two words, "Digital hjelp") that is all there is before the
        # text: a note's or a short page's title, not a site's name among menus, a section's
        # heading ("Abstract", "Bakgrunn"), a menu word, a greeting or a person's name
        filled = [i for i in range(min(head, first_sentence)) if lines[i].strip()]
        line = lines[filled[0]].strip() if len(filled) == 1 else ""
        if line and first_sentence < len(lines) and len(line.split()) <= 2 and \
                _title_zone(lines[filled[0]], reasons[filled[0]], filled[0], lines) and \
                title_is_plausible(line) and not re.search(r"[›»>|/·•]|[,!:]$", line) and \
                not _NO_SHORT_TITLE.fullmatch(line) and not _person_line(line):
            best, at = line, filled[0]
    if best and at > 0 and not any(why in WEB_FURNITURE for why in reasons[:at]) and \
            _title_over_subtitle(lines[at - 1], reasons[at - 1], best, at - 1, lines):
        return f"{lines[at - 1].strip()}: {best}"
    if best and at + 1 < len(lines):
        # a title wrapped onto the next line: a few words going on in lower case, no sentence
        more = lines[at + 1].strip()
        if more[:1].islower() and len(more.split()) <= 6 and not line_is_sentence(more) \
                and not best.endswith((".", "?", "!", ":")) and not re.search(
                    rf"(?i)\b\d{{1,2}}\.?\s+(?:{MONTHS})\b", more):  # not the event's day
            best = f"{best} {more}"
    return best




#: A title whose subtitle names its kind ("Digital Probation: A Webinar Series", "Skjerm og
#: skjønn: en rapport om ..."): a title, though it reads as "label: value".
_GENRE_SUBTITLE = re.compile(
    r"(?i)(?!\s*\S+\s*:)(?![^:]*\b(type|format|kind|category|kategori|form|art)\s*:)[^:]{3,80}:"
    r"\s+(a|an|the|en|ei|et|ett|ein|eit)\s+([\w-]+\s+){0,3}(seminar|webinar|series|"
    r"webbinarieserie|webinarserie|seminarieserie|seminarserie|föreläsningsserie|"
    r"foredragsserie|conference|workshop|course|report|guide|toolkit|programme|study|review|"
    r"evaluation|handbook|seminarserie|webinarserie|konferanse|konferens|konference|rapport|"
    r"veileder|rettleiar|vejledning|vägledning|kurs|studie|evaluering|utvärdering|håndbok|"
    r"handbok|undersøkelse|undersøking|undersøgelse|undersökning)(s|er|ar|e)?\b.*")

#: A page's field named by its kind ("Format: A webinar series in four parts", "Målgruppe:
#: ...", "Venue: ..."): what the page is about is elsewhere.
_FIELD_NAME = re.compile(r"(?i)\s*(format|type|kind|category|kategori|målgruppe|målgrupp|"
                         r"target group|audience|venue|sted|stad|plats|location|language|språk|"
                         r"sprog|pris|price|cost|kostnad|arrangør|arrangör|organi[sz]er|tema|"
                         r"theme|topic|emne|ämne)\s*:")

#: A field that labels the title ("Title:", "Tittel:", "Title of master's thesis:").
_TITLE_LABEL = re.compile(r"(?i)\s*(?:title|tittel|titel|title of [^:]{1,40}|tittel på [^:]{1,40}|"
                          r"titel på [^:]{1,40})\s*:\s*(.*)")


def _title_over_subtitle(upper: str, why: str | None, best: str, i: int,
                         lines: list[str]) -> bool:
    """Whether ``upper``, the line right above the line that won on its length, is the title
    and that line its subtitle ("Placering i förskola via e-tjänst" over "En granskning av
    kommunernas information till vårdnadshavare"): a shorter line of three words or more
    that may be a title, in the title's zone, no name, number, kicker or label, nor a
    section's two nouns ("Helse og velferd"), a search box's prompt or the start of the line
    under it; and that line no headline naming its kind ("Fagdag: ...", a title whole, the
    organiser above it) and no issue's date. Only where no web page's furniture stands above
    (a page's section and menu lines sit there)."""
    upper = upper.strip()
    words = _bare(upper).split()
    return bool(upper) and len(words) >= 3 and len(words) < len(best.split()) and \
        not re.fullmatch(r"(?i)\w+,?\s+(og|and|och|&|und)\s+\w+", upper) and \
        not best.lower().startswith(upper.lower()) and not _GENRE_LABEL.match(best) and \
        not re.search(rf"(?i){FULL_DATE}|\b(?:{MONTHS})\.?\s+{YEAR}", best) and \
        not re.match(r"(?i)(search|søg|søk|sök|switch|skip|hopp)\b", upper) and \
        _title_zone(upper, why, i, lines) and title_is_plausible(upper) and \
        not line_is_organisation(upper) and not re.search(r"\d|[·|•›>/]", upper) and \
        not upper.endswith((":", ".", "?", "!", ",")) and \
        not GENRE_WORD.fullmatch(words[0]) and not _COLLECTION.search(upper) and \
        not _FUNDED.match(upper) and not _MADE_BY.match(upper) and \
        not _UPPER_LABEL.match(upper) and not re.fullmatch(
            _AUTHORS, upper) and not (
            words[0] in first_names_read() and re.fullmatch(_NAMES, upper))


#: A line over a heading that labels it rather than titles it: a series' name ("Working
#: Papers in ...", "Rapportserie i ..."), an article's kind ("Original research article",
#: "Fagfellevurdert artikkel").
_UPPER_LABEL = re.compile(r"(?i)\s*((working|occasional|discussion) papers?\b|\w*(serie|series|"
                          r"serien)\b|[\w-]+(\s+[\w-]+)?\s+(article|artikkel|artikel|paper)\s*$)")


def _title_field(lines: list[str], i: int) -> str:
    """The value of a title field at line ``i`` (a thesis's front page, a colophon, a record
    printed as fields), on the same line or the next, when it is a plausible title; else ""."""
    found = _TITLE_LABEL.fullmatch(lines[i].strip())
    if not found:
        return ""
    value = found.group(1).strip() or next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")
    return value if title_is_plausible(value) and not _TITLE_LABEL.fullmatch(value) else ""


def _subtitle_under(i: int, lines: list[str], reasons: list[str | None]) -> bool:
    """Whether the next line after ``i`` is a subtitle: no debris, a plausible title of five
    words or more, no sentence."""
    under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return under is not None and reasons[under] is None and \
        title_is_plausible(lines[under].strip()) and not line_is_sentence(lines[under]) and \
        len(lines[under].split()) >= 5


def _is_headline_question(i: int, lines: list[str], reasons: list[str | None]) -> bool:
    """Whether line ``i`` is a headline asked as a question ("Who answers the chatbot?"):
    a plausible title of at most 15 words ending in "?" (or of at most 25 with a subtitle
    after the question, :data:`_QUESTION_AND_SUBTITLE`), with page furniture (a date, a
    byline) or a subtitle (a plausible title of five words or more that is no sentence; an
    FAQ's short answer, "Ja, via Husbanken", is none) right under it rather than
    text. Such a line reads as a sentence, but a question over a publication date or over
    its subtitle is the page's heading."""
    line = lines[i].strip()
    under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    asked = line.endswith("?") and len(line.split()) <= 15 or (
        _QUESTION_AND_SUBTITLE.fullmatch(line) is not None and len(line.split()) <= 25)
    return asked and title_is_plausible(line) and \
        under is not None and (reasons[under] is not None or _subtitle_under(i, lines, reasons)
                               or _person_line(lines[under], affiliation=True))


def _subject_heading(lines: list[str]) -> str:
    """A copied e-mail's heading that its subject names: the line under the mail's header
    that is the subject ("Subject: Resettlement news: June" over "Resettlement news: June"),
    or its end after the newsletter's name ("Subject: Work and Health Update: what happens
    after the note?" over "What happens after the note?"); "" for a text that is no mail,
    or whose message does not repeat its subject."""
    subject = next((m.group(1).strip() for ln in lines
                    if (m := re.match(r"(?i)\s*(?:subject|emne|ämne)\s*:\s*(\S.*)$", ln))), "")
    if not subject:
        return ""
    wanted = subject.lower()
    for line in lines:
        text = line.strip()
        if not text or _MAIL_HEADER.match(text) or text.lower() == f"subject: {wanted}":
            continue
        low = text.lower()
        if low == wanted or (len(text.split()) >= 3 and wanted.endswith((": " + low, " – " + low,
                                                                         " - " + low))):
            return text
    return ""


#: Short lines that head a text without naming it: a section's heading, a menu's or a
#: page's furniture word, an advertisement's mark.
_NO_SHORT_TITLE = re.compile(
    r"(?i)(abstract|summary|sammendrag|samandrag|sammanfattning|sammenfatning|resumé|"
    r"introduction|innledning|innleiing|inledning|indledning|background|bakgrunn|bakgrund|"
    r"baggrund|contents|innhold|innehåll|indhold|menu|meny|home|hjem|heim|forside|startside|"
    r"search|søk|sök|søg|contact|contact us|kontakt|kontakt oss|kontakt os|kontakta oss|"
    r"hovedinnhold|main content|til hovedinnhold|skip to content|annonse|annons|annonce|"
    r"advertisement|sponsored|notes|notater|notat|note)")


#: A journal's title asked as a question with its subtitle on the same line, the subtitle
#: with no full stop ("Who answers the chatbot? A study of two benefit offices").
_QUESTION_AND_SUBTITLE = re.compile(r"[^?!.]{3,150}\?\s+(?-i:[A-ZÆØÅÄÖ])[^?!.]{3,150}")


#: Reasons a line may have and still be a title (it stands in a page's header zone; a title
#: printed twice, in a breadcrumb and as the heading, is a "running header").
_TITLE_ZONE = (None, "header or footer", "short-line run", "between debris", "running header")
#: An e-mail's header field, as a mail copied out of a mail client starts
_MAIL_HEADER = re.compile(r"(?i)\s*(from|fra|från|sent|sendt|skickat|to|til|till|subject|emne|"
                          r"ämne|cc|bcc|kopi|date|dato|datum|reply-to|svar til)\s*:")


def _title_zone(line: str, why: str | None, i: int, lines: list[str]) -> bool:
    """Whether a line in a text's head may be its title, given why cleaning took it: a line
    of the header zone, a "Title: subtitle" line (taken for a field label, but its "value"
    is words, not a number or a code), or a heading printed twice within a few lines (a
    breadcrumb's last item and the heading; a site name printed in a header and again in a
    footer is far apart)."""
    if why in _TITLE_ZONE[:-1]:
        return True
    if _MINUTES_HEADING.match(line) and i < HEAD_LINES:
        return True  # the minutes' heading, though it carries the meeting's date
    if why == "field label":
        if _MAIL_HEADER.match(line):
            return False  # an e-mail's header ("Subject: ...", "Emne: ..."): the mail's, not
            # the newsletter's heading under it
        if _GENRE_LABEL.match(line) and not re.search(r"\d", line.split(":", 1)[1]):
            return True  # named by its kind first ("Møtereferat: digitalt ettervern"), even
            # among the minutes' fields
        before = next((ln.strip() for ln in reversed(lines[max(0, i - 3):i]) if ln.strip()), "")
        after = next((ln.strip() for ln in lines[i + 1:i + 4] if ln.strip()), "")
        if all(line_is_field(ln) for ln in (before, after)):
            return False  # inside a block of fields ("Project manager: ...", "Steering group: ...")
        found = re.fullmatch(r"([^:]{2,80}):\s+(.+)", line.strip())
        value = found.group(2) if found else ""
        return bool(_GENRE_SUBTITLE.fullmatch(line.strip()) or _GENRE_LABEL.match(line)) or (
            len(value.split()) >= 3 and not re.search(r"\d", value) and
            bool(re.search(r"(?<![\w-])[^\W\d_A-ZÆØÅÄÖ]{2,}", value)))
    if why == "running header":
        near = [ln.strip() for ln in lines[max(0, i - 4):i + 5] if ln.strip()]
        if near.count(line.strip()) > 1:
            return True
        # a report's title on its first page, printed again as the running head of the
        # pages after it, beside their numbers ("Digital udlejning ..." over "Side 2")
        copies = [j for j, ln in enumerate(lines) if ln.strip() == line.strip()]
        beside = [_PAGE_NUMBER.fullmatch(_filled(lines, i, step).strip()) for step in (-1, 1)]
        return copies[0] == i and not any(beside) and not _COLLECTION.search(line) and any(
            _PAGE_NUMBER.fullmatch(ln.strip()) for j in copies[1:]
            for ln in (_filled(lines, j, -1), _filled(lines, j, 1)))
    return False


#: A collection of papers whose name heads each of its pages (a part's title is its own), and
#: more widely a running head naming a collection the text is part of (a conference, a
#: journal): its name, not the part's title.
_PART_OF_WORDS = rf"{BOOK_OF_ABSTRACTS}|abstracts|proceedings"
_PART_OF = re.compile(rf"(?i)\b({_PART_OF_WORDS})\b")
_COLLECTION = re.compile(rf"(?i)\b({_PART_OF_WORDS}|conference|konferanse|konferens|konference|"
                         r"congress|kongress|symposium|journal|tidsskrift|tidskrift)\b")




#: A page's number alone on its line ("2", "Side 2", "Page 2 of 10", "s. 2").
_PAGE_NUMBER = re.compile(r"(?i)((side|page|sida|s\.)\s*)?\d{1,4}(\s*(av|of|af)\s*\d{1,4})?")


def _filled(lines: list[str], j: int, step: int) -> str:
    """The nearest line with text from ``j`` in direction ``step`` (-1 up, 1 down), or ""."""
    j += step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return lines[j] if 0 <= j < len(lines) else ""


#: An agenda item's number before its heading ("Sak 012/24: ...", "PS 4/24 ...", "Sag nr. 7",
#: "Ärende 5", "Item 3:", "Punkt 2.").
_AGENDA_ITEM = re.compile(r"(?i)\s*((sak|sag|ärende|item|agenda item|punkt|ps|fs)\s+(nr\.?\s*)?"
                          r"\d{1,4}(/\d{2,4})?|§\s*\d{1,3})\s*[:.–-]?\s+\w")
#: The heading of a meeting's minutes ("Referat fra styremøte", "Protokoll från
#: styrelsemöte", "Møtereferat: digitalt ettervern", "Minutes of the board meeting")
_MINUTES_HEADING = re.compile(r"(?i)\s*(\w*møte|\w*möte|\w*styrelse|\w*styre)?(referat|protokoll|"
                              r"protokol|møtebok|minutes)\b\W*\w+")


def _agenda_items(lines: list[str]) -> int:
    """How many agenda items a text holds: item lines with a heading of two words or more
    ("Sak 13/25: Budsjett for 2026"), above the text's last sentence (a case's history, "PS
    45/24 Formannskapet", and links to the neighbouring items at a page's foot are none)."""
    last = max((i for i, ln in enumerate(lines) if line_is_sentence(ln)), default=len(lines))
    return sum(1 for ln in lines[:last]
               if (m := _AGENDA_ITEM.match(ln)) and len(ln[m.end() - 1:].split()) >= 2)


def _title_score(line: str, lines: list[str]) -> float:
    """How much a line looks like a title rather than a site name or a menu item: longer
    (up to 20 words), printed twice (breadcrumb and heading), with a subtitle after a colon
    or dash; one or two words, or an organisation's name, count against it."""
    words = len(line.split())
    score = min(words, 20) + 3 * (sum(ln.strip() == line for ln in lines) > 1)
    if _PART_OF.search(line):
        score -= 8  # a book of abstracts' or proceedings' name: the collection, not the part
    if _FUNDED.match(line) or _MADE_BY.match(line):
        score -= 8  # who paid for it or made it ("Finansiert med midlar frå ...")
    score += 2 * bool(re.search(r":\s|\s[–—-]\s", line))
    if _AGENDA_ITEM.match(line) and (_agenda_items(lines) > 1 or any(
            _MINUTES_HEADING.match(ln) for ln in lines[:HEAD_LINES])):
        # one item of a meeting's several ("Sak 012/24: ...", "§ 2 ..."), or under the
        # minutes' own heading: a part of the minutes (a page that holds one item alone,
        # under no such heading, is titled by it)
        score -= 8
    if words <= 2 and not KIND_AND_YEAR.fullmatch(line):  # "Årsrapport 2023" names one
        score -= 6
    # a site's or an organisation's name; a title that ends in such a word ("Who follows
    # up? Remote follow-up between hospital and municipality") asks or says more
    if line_is_organisation(line) or words <= 6 and not re.search(r"[?!:]", line) and re.search(
            r"(?i)\b(kommune|municipality|universitet\w*|university|høgskule\w*|"
            r"høgskole\w*|college|ministeriet|departement\w*|ministry|direktorat\w*|"
            r"logo|network|nettverk\w*|nätverk\w*|institutt\w*|institute)\b$", line):
        score -= 6
    # a venue's street address ("Olof Palmes gata 17, Stockholm", "Storgata 5") or a postal
    # one ("Postboks 8011 Dep", "Box 1234", "P.O. Box 12")
    if re.search(r"(?i)(gata|gatan|gate|gaten|gade|vej|vei|veien|vegen|väg|vägen|street|road|"
                 r"avenue|allé|alle|plass|plads|torg|torget|stræde|strede|gränd|gränden)"
                 r"\s+\d{1,4}[a-z]?\b", line) or \
            re.search(r",\s*(?:[A-Z]{1,2}-)?(?:\d{4}|\d{3} \d{2})\s+[A-ZÆØÅÄÖ]\w+", line) or \
            re.match(r"(?i)\s*(postboks|postbox|postadresse:?|boks|box|p\.\s?o\.\s?box|"
                     r"pb\.?)\s+\d", line):
        score -= 6
    return score


def title_remove(text: str, title: str) -> str:
    r"""``text`` without the line that repeats ``title`` among its first lines, so the title is
    not counted twice.

    >>> title_remove("Digital boards\n\nWe studied four teams.", "Digital Boards")
    'We studied four teams.'
    """
    lines = text.split("\n")
    key = re.sub(r"\W+", " ", title.lower()).strip()
    for i, line in enumerate(lines[:HEAD_LINES]):
        if key and re.sub(r"\W+", " ", line.lower()).strip() == key:
            del lines[i]
            break
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
