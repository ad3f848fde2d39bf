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

from digiwelfare.clean import line_is_field, lines_classify, text_normalize
from digiwelfare.identifiers import first_names_read
from digiwelfare.linetypes import (
    BOOK_OF_ABSTRACTS,
    FULL_DATE,
    HEAD_LINES,
    MONTHS,
    YEAR,
    line_is_sentence,
    notice_cues,
)
from digiwelfare.organisations import GENRE_WORD, PROPER_FIRST, line_is_organisation
from digiwelfare.title_lines import WEB_FURNITURE, title_is_plausible

__all__ = ["title_find", "title_from_cover", "title_is_plausible", "title_remove"]

def title_find(text: str, given: str = "", repeated: frozenset[str] = frozenset()) -> str:
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


#: A headline that names its kind before a colon ("Fagdag: Sosialhjelp i ein digital
#: kvardag", "Seminarium: Bostadsbidrag ..."): a title, though it reads as "label: value".
_GENRE_LABEL = re.compile(r"(?i)\s*(?:\w*(?:seminar|seminarium|webinar|konferanse|konferens|"
                          r"høringssvar|høyringssvar|høringsuttalelse|høyringsfråsegn|remissvar|"
                          r"remissyttrande|"
                          r"konference|conference|fagdag|temadag|workshop|frokostmøte|"
                          r"frukostmöte|kurs|symposium|rapport|report|notat|strategi|"
                          r"strategy|veileder|rettleiar|evaluering|evaluation)|"
                          r"sluttrapport|slutrapport)\s*:\s+\S")

#: A paper's kind on a cover's line of its own ("Position paper", "Policy brief"): a kicker.
_PAPER_KIND = re.compile(r"(?i)\s*(position|policy|discussion|working|white|green|briefing)\s+"
                         r"(paper|brief|note)\s*")

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
    a plausible title of at most 15 words ending in "?", with page furniture (a date, a
    byline) or a subtitle (a plausible title of five words or more that is no sentence; an
    FAQ's short answer, "Ja, via Husbanken", is none) right under it rather than
    text. Such a line reads as a sentence, but a question over a publication date or over
    its subtitle is the page's heading."""
    line = lines[i].strip()
    under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return line.endswith("?") and len(line.split()) <= 15 and title_is_plausible(line) and \
        under is not None and (reasons[under] is not None or _subtitle_under(i, lines, reasons)
                               or _person_line(lines[under], affiliation=True))


#: Reasons a line may have and still be a title (it stands in a page's header zone; a title
#: printed twice, in a breadcrumb and as the heading, is a "running header").
_TITLE_ZONE = (None, "header or footer", "short-line run", "between debris", "running header")
#: A cover line naming a series of government papers rather than the paper ("Melding til
#: Stortinget", "Norges offentlige utredninger", "Report to the Storting (white paper)").
_SERIES = re.compile(r"(?i)\s*((melding|meld|proposisjon|innstilling|innstilling frå|"
                     r"innstilling fra \w+) til stortinget(et)?|report to the storting"
                     r"( \(white paper\))?|white paper|proposition to the storting|"
                     r"norges offentlige utredninger|official norwegian reports|"
                     r"statens offentliga utredningar|regeringens (proposition|skrivelse)|"
                     r"betænkning|redegørelse til folketinget)\s*"
                     # its kind in brackets: "Proposisjon til Stortinget (forslag til lovvedtak)"
                     r"(\([^()]{1,40}\)\s*)?")
#: A kicker: the document's genre and its number on a cover ("Slutrapport, diarienummer
#: 000000", "Rapport nr. 7", "Report 2024:3"); a genre and a year alone ("Årsrapport 2024")
#: is a title.
_KICKER = re.compile(r"(?i)\s*\w*(rapport|report|notat|note|paper|utredning|evaluering|"
                     r"evaluation)\w*\s*[,:]?\s*((nr\.?|no\.?|nummer|number|diarienummer|dnr\.?|"
                     r"saksnummer|saksnr\.?|journalnummer|j\.nr\.?)\s*[\w/:.-]{1,12}|\d{1,4}\s*[/:]\s*"
                     r"\d{1,4})\s*$")
#: A line that says who made the document ("Prepared by Audit Scotland for ...",
#: "Utarbeidd av ...", "Udarbejdet af ..."): a byline, never a title.
_MADE_BY = re.compile(r"(?i)\s*(prepared|written|produced|compiled|commissioned|utarbeidet|"
                      r"utarbeidd|utarbetad|udarbejdet|skrevet|skriven|laget|laga)\s+"
                      r"(by|for|av|af|på oppdrag fra|på oppdrag frå|på oppdrag av)\s+"
                      r"(the\s+)?(?-i:[A-ZÆØÅÄÖ])")
#: Two words, the second a document's kind, the first no kind of report in general
#: ("Bustadsosial handlingsplan", "Digital strategi"; not "Final report", "Position paper"):
#: a cover with no other title line is titled by it.
_NAMED_KIND = re.compile(r"(?!(?i:final|annual|interim|short|full|technical|executive|"
                         r"position|policy|research|working|discussion|progress|status|"
                         r"summary|draft|ny|nye|new|årlig|årleg)\s)[A-ZÆØÅÄÖ][\w-]{3,}\s+"
                         r"\w*(?:plan|strategi|strategy|handlingsprogram|melding|politikk)")

#: A line that says who paid for the work ("Eit forskingsprosjekt finansiert av ...",
#: "Funded by the Research Council"), or a labelled number or date of the file ("Saksnummer:
#: 23/00000", "Dato: 18.10.2024"): never a title, nor its subtitle.
_FUNDED = re.compile(r"(?i).{0,50}\b(finansiert|finansieret|finansierat|finansierad|"
                     r"finansieras|funded|støtta|støttet|støttes|stöttat|stöds|supported)"
                     r"\s+(av|af|by|med|with|gjennom|genom)\b")
_ID_FIELD = re.compile(r"(?i)\s*[\w .-]{0,25}(nummer|number|nr\.?|no\.|isbn|issn|dato|date|"
                       r"datum|dnr\.?|j\.nr\.?)\s*:|"
                       # a case's or a diary's number without a colon ("Sagsnr. 2025-00000",
                       # "Dnr 2024/00000", "Saksnr. 24/0000", "J.nr. 2024-0000")
                       r"\s*(sagsnr|saksnr|sak nr|dnr|diarienr|diarienummer|journalnr|j\.\s?nr|"
                       r"arkivnr|vår ref|deres ref|our ref|your ref)\.?\s*:?\s*\d[\d/ .-]*\s*$")
#: A line under a title that names the document's kind and the project it comes from
#: ("Slutrapport från projektet LECALG 2022–2025", "Final report of the CARELINK project"):
#: the kind, not a subtitle.
_KIND_OF_PROJECT = re.compile(r"(?i)\s*\w*(rapport|report|notat|note|paper)\w*\s+(fra|frå|från|"
                              r"from|of|for|til|till)\s+(the\s+|det\s+)?(\w+\s+)?"
                              r"(prosjekt|projekt|project)")


#: The fields of a report's colophon, printed after its cover.
_COLOPHON = re.compile(r"(?i)(tittel|title|titel|isbn|issn|utgiver|utgivar|udgiver|utgivare|"
                       r"publisher|forfattere?|forfattarar|författare|authors?)\b\s*:?\s*\S")
#: A person's name on a cover: two to four capitalised words ("Anne Grete Fossheim").
_NAMES = r"[A-ZÆØÅÄÖ][\w.'-]+(\s+[A-ZÆØÅÄÖ][\w.'-]+){1,3}"
#: Two names or more, a byline ("Kari Holm og Ola Dahl", "A. Berg, K. Lund and P. Ek").
_AUTHORS = rf"{_NAMES}((,|\s+(og|and|och|&))\s+{_NAMES})+"


def _bare(line: str) -> str:
    """A line without a short note in brackets at its end ("Lygra bedriftshelseteneste
    (oppdikta)", "Kari Holm (red.)"): the note is no word of the name."""
    return re.sub(r"\s+\([^()]{1,30}\)\s*$", "", line.strip())


def _person_line(line: str, affiliation: bool = False) -> bool:
    """Whether a line is one person's name (its first word a known first name), perhaps with
    a note in brackets and, with ``affiliation``, an affiliation after a comma ("Kristin Lie,
    Oslo Metropolitan University", a name or an institution: an interviewee's role,
    "sykepleier", is none): a byline, never a title."""
    name, _, place = line.partition(",") if affiliation else (line, "", "")
    if re.fullmatch(rf"{_NAMES}\s*\((?:red|ed|eds|utg|hrsg|editor|redaktør|redaktör)\.?\)",
                    name.strip()):
        return True  # an editor, by the mark after the name ("Tuva Lindqvist (red.)")
    name = _bare(name)
    words = name.split()
    return bool(words) and words[0] in first_names_read() and \
        re.fullmatch(_NAMES, name) is not None and (not affiliation or place.strip()[:1].isupper()
                                                    or line_is_organisation(place.strip()) or
                                                    bool(notice_cues()["institution"].search(place)))


#: A report series' number on a cover ("Rapport 2023:00", "Notat nr. 7", "... 2025:00").
_SERIES_NUMBER = re.compile(
    rf"(?i)\b(nr|no)\.?\s*(?:[A-Z]\s+)?\d|{YEAR}\s*[:/]\s*(?!{YEAR}\b)\d{{1,6}}\b|"
    # a parliament's session ("Folketinget 2014-15", "Stortinget 2024–2025")
    rf"\b(?:folketinget|stortinget|riksdagen|althingi)\s+{YEAR}\s*[-–/]\s*\d{{2,4}}\b")
#: A number a cover prints above or under its title: a series' (:data:`_SERIES_NUMBER`), a
#: report's or a document's ("Rapport 7"), a government paper's ("Meld. St. 14", "NOU 2023: 4").
_COVER_NUMBER = re.compile(
    _SERIES_NUMBER.pattern + r"|\b(rapport|report|notat|note|paper|serie|series|dokument|"
    r"document)\w*\s+\d|\b(meld\.\s*st\.|st\.\s*meld\.|prop\.|innst\.|nou|sou|ds)\s*"
    r"(nr\.?\s*)?\d")


def title_from_cover(lines: list[str], reasons: list[str | None]) -> str:
    r"""The title a report's cover prints, when a table of contents or a colophon
    ("Title:", "ISBN", "Publisher:") follows the cover and no web page's furniture (a skip
    link, a language switch) stands above it: in the first block of cover lines
    (blank lines part blocks) that is not an organisation's, after the organisation's name,
    report numbers and a kicker naming the genre, the title line and the subtitle lines right
    under it, up to the authors, a date or an organisation. A subtitle is joined with ": ",
    as catalogues write "Title: subtitle"; a line that goes on in lower case with a space.
    "" when the text has no such cover.

    >>> title_from_cover(["Sygnefjell kommune", "", "Rapport nr. 7", "Digitale tavler",
    ...                   "Erfaringar frå fire team", "Kari Holm og Ola Dahl", "", "Innhald",
    ...                   "1 Bakgrunn ........ 3"], [None] * 7 + ["contents dot leaders"] * 2)
    'Digitale tavler: Erfaringar frå fire team'
    """
    # a table of contents has entries with their pages ("1 Bakgrunn ........ 3"); a web
    # page's tab named "Contents" over "Get access" is none
    contents = next((i for i, (ln, why) in enumerate(zip(lines[:HEAD_LINES * 2], reasons,
                                                         strict=False))
                     if why == "contents dot leaders" and (
                         re.search(r"\.{4,}|…{2,}|\d\s*$", ln) or any(
                             r == "contents dot leaders" and re.search(r"\.{4,}|…{2,}|\d\s*$", x)
                             for x, r in zip(lines[i + 1:i + 6], reasons[i + 1:i + 6],
                                             strict=False)))
                     or _COLOPHON.match(ln.strip())), None)
    if contents is None or any(why in WEB_FURNITURE for why in reasons[:contents]):
        return ""  # skip links or a language switch above: a web page's fields, no cover
    blocks: list[list[str]] = [[]]
    for line in lines[:contents]:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    # a title printed again after the cover (on the title page, or as a page's running head)
    # is the title: the cover's lines above it are the body's name, a series, a theme. A
    # name, a platform's stamp, a draft's notice ("Utkast – får ej citeras") is no such line.
    again = {ln.strip() for ln in lines[contents + 1:] if ln.strip()}
    for k, block in enumerate(blocks):
        at = next((j for j, ln in enumerate(block) if ln in again and len(ln.split()) >= 3
                   and (len(ln.split()) >= 4 or re.search(r"\s[^\W\d_A-ZÆØÅÄÖ]", ln))
                   and title_is_plausible(ln) and not line_is_organisation(ln)
                   and not re.search(r"\d|[·|•]|\w\.\w|\s[–—-]\s+[^\W\d_A-ZÆØÅÄÖ]", ln)),
                  None)
        if at is not None:
            blocks = [block[at:], *blocks[k + 1:]]
            break
    for block in blocks:
        if all(line_is_organisation(ln) or (len(ln.split()) <= 3 and all(
                w[:1].isupper() or w == "&" for w in ln.split())) or _SERIES_NUMBER.search(ln)
               for ln in block) and not all(_SERIES_NUMBER.search(ln) for ln in block):
            # an organisation's block: "Vestland County Municipality / KS Vestland", or its
            # name with the report's number ("Statskontoret" / "Rapport 2023:00")
            continue
        title: list[str] = []
        acronym = ""  # a project's name in capitals above its title ("DIGIHJEM")
        named_kind = ""  # a document named by its kind alone ("Bustadsosial handlingsplan")
        for k, line in enumerate(block):
            # the body's name over a title that names it again ("Arbetsförmedlingen" over
            # "It-strategi för Arbetsförmedlingen")
            named_below = k + 1 < len(block) and len(block[k + 1]) > len(line) and re.search(
                rf"(?i)(?<!\w){re.escape(line)}(?!\w)", block[k + 1]) is not None or (
                # a short name over a kicker that names the genre and its number, with the
                # title under them ("AFA Försäkring" / "Slutrapport, diarienummer 000000" /
                # "Digitalt stöd ..."): a name's words are capitalised, a title's are not
                k + 2 < len(block) and len(line.split()) <= 4 and _KICKER.match(block[k + 1])
                and all(w[:1].isupper() or not w[:1].isalpha() for w in line.split())
                and title_is_plausible(block[k + 2]) and not re.search(
                    rf"(?i){FULL_DATE}|\b(?:{MONTHS})\.?\s+{YEAR}|^\S+,?\s+{YEAR}$",
                    block[k + 2])) or (
                # a short name, whatever its case ("Svenska kraftnät"), over the report's
                # number with the title under it ("Rapport 2023:00" / "Utbetalningen av ...")
                k + 2 < len(block) and not title and 1 <= len(_bare(line).split()) <= 3 and
                not re.search(r"[\d:?!.]", _bare(line)) and (
                    PROPER_FIRST.fullmatch(line.split()[0]) or line_is_organisation(_bare(line))
                    or all(w[:1].isupper() or w == "&" for w in _bare(line).split()) or re.search(
                        r"(?i)(forsking|forskning|forskningsinstitutt|institutt|institute|"
                        r"institutet|instituttet|senter|senteret|center|centre|centret|rådet)$",
                        _bare(line)) and not re.search(
                            r"(?i)\b(i|og|for|av|om|på|in|of|and|och|för)\b", line)) and
                (_KICKER.match(block[k + 1]) or _COVER_NUMBER.search(block[k + 1])) and
                title_is_plausible(block[k + 2]) and
                len(block[k + 2].split()) >= len(_bare(line).split()) and not re.search(
                    rf"(?i){FULL_DATE}|\b(?:{MONTHS})\.?\s+{YEAR}", block[k + 2])) or (
                # a short name over the kicker naming the genre ("Inclusion Europe" over
                # "Position paper"), or over a title opening with its genre ("Begripsam" over
                # "Slutrapport: ..."), or a Scandinavian name in capitals over a title in
                # sentence case ("Svenskt Näringsliv" over "Rätt krav på rätt person")
                k + 1 < len(block) and not title and 1 <= len(_bare(line).split()) <= 3 and
                not re.search(r"[\d:?!.–—]", _bare(line)) and (
                    all(w[:1].isupper() or w == "&" for w in _bare(line).split())
                    or PROPER_FIRST.fullmatch(line.split()[0])
                    or line_is_organisation(_bare(line))) and (
                    len(block[k + 1].split()) <= 3 and (GENRE_WORD.fullmatch(
                        block[k + 1].split()[-1]) or _PAPER_KIND.fullmatch(block[k + 1]))
                    and not re.search(r"\d", block[k + 1])
                    and k + 2 < len(block) and title_is_plausible(block[k + 2])
                    or _GENRE_LABEL.match(block[k + 1]) is not None
                    or all(w[:1].isupper() or w == "&" for w in _bare(line).split()) and re.search(
                        r"\w:\s+\w", block[k + 1]) and len(block[k + 1].split()) >= 5
                    and title_is_plausible(block[k + 1])
                    or len(_bare(line).split()) >= 2
                    and (PROPER_FIRST.fullmatch(line.split()[0]) or re.fullmatch(
                        r"(?i)\w+skt", line.split()[0]) or line_is_organisation(_bare(line)))
                    and len(block[k + 1].split()) >= 3
                    and sum(w[:1].islower() for w in block[k + 1].split()[1:]) >= 2
                    and re.search(r"(?i)\b(og|och|på|av|af|for|för|til|till|om|med|i|frå|från|"
                                  r"fra)\b", block[k + 1]) is not None)) or (
                # one word that the cover's date line names again as the publisher
                # ("Klimarådet" over the title, "Klimarådet, november 2023" under it)
                not title and len(line.split()) == 1 and line[:1].isupper() and any(
                    re.match(rf"{re.escape(line)}\s*,?\s+\D{{0,20}}{YEAR}\s*$", other)
                    for other in block[k + 1:]))
            if not title and re.fullmatch(r"[A-ZÆØÅÄÖ][A-ZÆØÅÄÖ0-9-]{2,}", line) and \
                    not GENRE_WORD.fullmatch(line):
                acronym = line
                continue
            # a series' number: a report's, or a government paper's ("Meld. St. 14", "NOU 2023: 4")
            number = _COVER_NUMBER.search(line)
            dated = re.search(rf"(?i){FULL_DATE}|\b(?:{MONTHS})\.?\s+{YEAR}", line)
            if title and line[:1].islower() and not dated:
                title[-1] += " " + line  # a title wrapped onto the next line
                continue
            place_date = dated and (re.match(r"[A-ZÆØÅÄÖ][\w-]+(\s[A-ZÆØÅÄÖ][\w-]+)?,\s", line)
                                    or re.match(r"(?i)(fremsat|framsett|framlagt|lagt fram|"
                                                r"submitted|tilråding)\b", line))
            if not title and (number or line_is_organisation(line) or _SERIES.fullmatch(line) or
                              place_date or
                              _ID_FIELD.match(line) or _FUNDED.match(line) or
                              named_below or _MADE_BY.match(line) or _KICKER.match(line) or
                              (len(line.split()) <= 2 and GENRE_WORD.fullmatch(line.split()[-1]))
                              or _PAPER_KIND.fullmatch(line)
                              or not title_is_plausible(line) or _person_line(line) and (
                                  _bare(line) != line or k + 1 < len(block) and
                                  _person_line(block[k + 1]))):
                acronym = ""  # a series' name in capitals ("NOU") is not the project's
                if not named_kind and _NAMED_KIND.fullmatch(line):
                    named_kind = line
                continue  # above the title: an organisation, a report number, a kicker
            if number or dated or line_is_organisation(line) or not title_is_plausible(line) or \
                    _MADE_BY.match(line) or title and _KIND_OF_PROJECT.match(line) or \
                    _ID_FIELD.match(line) or _FUNDED.match(line) or \
                    re.fullmatch(_AUTHORS, line) or title and _person_line(line) \
                    or len(title) == 3:
                break  # under the title: a report number, a date, the authors
            title.append(line)
        if not title and named_kind:
            return named_kind  # no other title on the cover: the kind it names is the title
        if title and acronym:
            title.insert(0, acronym)
        if title:
            return "".join(t if k == 0 else (" " if title[k - 1][-1:] in "?!:." else ": ") + t
                           for k, t in enumerate(title))
    return ""


def _title_zone(line: str, why: str | None, i: int, lines: list[str]) -> bool:
    """Whether a line in a text's head may be its title, given why cleaning took it: a line
    of the header zone, a "Title: subtitle" line (taken for a field label, but its "value"
    is words, not a number or a code), or a heading printed twice within a few lines (a
    breadcrumb's last item and the heading; a site name printed in a header and again in a
    footer is far apart)."""
    if why in _TITLE_ZONE[:-1]:
        return True
    if why == "field label":
        before = next((ln.strip() for ln in reversed(lines[max(0, i - 3):i]) if ln.strip()), "")
        after = next((ln.strip() for ln in lines[i + 1:i + 4] if ln.strip()), "")
        if all(line_is_field(ln) for ln in (before, after)):
            return False  # inside a block of fields ("Project manager: ...", "Steering group: ...")
        found = re.fullmatch(r"([^:]{2,80}):\s+(.+)", line.strip())
        value = found.group(2) if found else ""
        return bool(_GENRE_SUBTITLE.fullmatch(line.strip())) or (
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
    if words <= 2:
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
