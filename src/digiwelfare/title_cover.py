"""A report's cover and the lines around its title (:func:`title_from_cover`): the series,
numbers, kickers, publishers, authors and dates a cover prints above and under its title, and
how :mod:`digiwelfare.titles` tells them from the title. Split from :mod:`digiwelfare.titles`.
"""

from __future__ import annotations

import re

from digiwelfare.identifiers import first_names_read
from digiwelfare.linetypes import (
    FULL_DATE,
    HEAD_LINES,
    MONTHS,
    YEAR,
    notice_cues,
)
from digiwelfare.organisations import GENRE_WORD, PROPER_FIRST, line_is_organisation
from digiwelfare.title_lines import WEB_FURNITURE, title_is_plausible

#: A headline that names its kind before a colon ("Fagdag: Sosialhjelp i ein digital
#: kvardag", "Seminarium: Bostadsbidrag ..."): a title, though it reads as "label: value".
_GENRE_LABEL = re.compile(r"(?i)\s*(?:\w*(?:seminar|seminarium|webinar|konferanse|konferens|"
                          r"høringssvar|høyringssvar|høringsuttalelse|høyringsfråsegn|remissvar|"
                          r"remissyttrande|"
                          r"konference|conference|fagdag|temadag|workshop|frokostmøte|"
                          r"frukostmöte|kurs|symposium|rapport|report|notat|strategi|"
                          r"strategy|veileder|rettleiar|evaluering|evaluation|referat|protokoll|"
                          r"protokol|minutes|møtebok)|"
                          r"sluttrapport|slutrapport)\s*:\s+\S")

#: A paper's kind on a cover's line of its own ("Position paper", "Policy brief"): a kicker.
_PAPER_KIND = re.compile(r"(?i)\s*(position|policy|discussion|working|white|green|briefing)\s+"
                         r"(paper|brief|note)\s*")

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
