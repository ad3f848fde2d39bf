"""The labelled dates a text may give as its own, in order of trust (:data:`YEAR_RULES`), for
:func:`digiwelfare.metadata.year_derive`: each rule a pattern with a group ``date`` and the
conditions under which its date counts (only in the head, only on a cover, only on a page
that calls itself a final report ...). Split from :mod:`digiwelfare.metadata`, which keeps
the reading of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digiwelfare.linetypes import (
    BOOK_OF_ABSTRACTS,
    FULL_DATE,
    JOURNAL_AFTER_YEAR,
    JOURNAL_ISSUE,
    JOURNAL_VOLUME,
    JOURNAL_VOLUME_ISSUE,
    MONTHS,
    YEAR,
)

#: Seasons, as covers, terms and issues are dated ("Spring 2023", "Høsten 2022", "Efterår 2021").
SEASONS = (r"spring|summer|autumn|fall|winter|vår(?:en)?|sommer(?:en)?|sommar(?:en)?|"
           r"høst(?:en)?|haust(?:en)?|vinter(?:en)?|forår(?:et)?|efterår(?:et)?|höst(?:en)?")
#: A date, or a year alone, as labels are followed by them.
_DATE = rf"(?:{FULL_DATE}|(?:{MONTHS})\.?\s+{YEAR}|(?:0?[1-9]|1[0-2])\s?[./]\s?{YEAR}|{YEAR})"

_SEP = r"\s*(?:[:\-–—|]|\bon\b|\bden\b)?\s*"
_WEEKDAYS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|"
             r"torsdag|fredag|lørdag|søndag|måndag|tisdag|tysdag|laurdag|sundag|lördag|"
             r"söndag")


@dataclass(frozen=True)
class YearRule:
    source: str
    label: re.Pattern
    #: taken only on a page whose heading or label line says it is a final report
    final_heading: bool = False
    #: looked for only in the first lines of the text (``HEAD_LINES``)
    head_only: bool = False
    #: taken only when its line stands at least twice in the text (a running head, printed
    #: on every page), not once (a case number, a revision date)
    repeated: bool = False
    #: taken only on a cover: no sentence of text above it, and the only line of its shape in
    #: the head (a list of places and years is a conference's history, not an imprint)
    cover_only: bool = False
    #: taken only when no line above it holds a year (a page's own dated heading first)
    nothing_dated_above: bool = False
    #: taken only when no sentence of text stands above it (a report's number on its cover,
    #: not in a project page's list of outputs under its text)
    no_prose_above: bool = False
    #: taken only among the first three lines that hold text (a page's running head, a
    #: journal's head over the article), and under no heading of a reference list
    top_only: bool = False


def _rule(source: str, labels: str, line_start: bool = True, prefix: str = "",
          end: str = "") -> YearRule:
    """A label followed by a date on the same or the next line. With ``line_start``, the
    label must open a line or follow a separator ("Published 3 May 2021 | Updated ..."), as
    page furniture prints it, so that prose ("the report published 2019 by ...") is no date;
    ``prefix`` is what may stand before the label at the line's start, ``end`` what must
    follow the date."""
    start = r"(?:^|(?<=[|·•;,\t]))[ \t]*" if line_start else r"(?<![\w])"
    pattern = re.compile(rf"{start}{prefix}(?:{labels}){_SEP}(?:\n\s*)?(?P<date>{_DATE}){end}",
                         re.IGNORECASE | re.MULTILINE)
    return YearRule(source, pattern)


#: Labelled dates in a text, in order of trust. The year in the group ``date`` of the first
#: match of the most trusted rule found is the year. Two kinds of evidence are left out on
#: purpose, though pages are full of them: a project period (a plan, and its end is no date
#: of the page) and a site's copyright line (written anew each year); only a report's
#: colophon dates it by its copyright, as the least trusted rule. A careful reader does not
#: date a document by them, and a missing year is better than a wrong one.
YEAR_RULES = (
    # a portal's status field and its value in one line, however they were separated (tab,
    # colon, line): "Publication status<TAB>Published - 2020"
    _rule("published", r"(?:publication status|udgivelsesstatus|publiceringsstatus|"
          r"publiseringsstatus|publikasjonsstatus)\s*:?\s*(?:published|udgivet|publicerad|"
          r"publisert|publicert)|published online|published|publisert|publicert|publiceret|"
          r"publicerad|published online by [^:\n]{2,60}?:|"
          r"udgivet|utgitt|utgiven|first published|date of publication|publication date|"
          r"publiseringsdato|publikasjonsdato|publikationsdato|publiceringsdatum|"
          r"udgivelsesdato|utgivelsesdato|utgivingsdato|utgivningsdatum|utgivelsesår|"
          r"udgivelsesår|utgivningsår|year of publication|publication year|publiseringsår|"
          r"publiceringsår|publikasjonsår|posted date|date posted|posted|"
          r"publiseret|publicerat|date issued|date of issue|issued"),
    # the document named before the label, as a page's foot states it ("Abstract published
    # 18 September 2024", "Artikkelen ble publisert 3. mai 2022"), the date ending the line
    # (a sentence that goes on, "The report was published 3 May 2022 by ...", is prose)
    _rule("published", r"published|publisert|publicert|publiceret|publicerad|udgivet|utgitt|"
          r"utgiven|posted", end=r"(?=[ \t]*(?:[|·•]|$))",
          prefix=r"(?:(?:this |the |denne |dette |detta |denna )?(?:abstract|article|report|"
                 r"paper|page|post|story|item|abstrakt|artikkel|artikkelen|artikel|artikeln|"
                 r"artiklen|rapport|rapporten|saken|saka|sagen|siden|sida|sidan|innlegget|"
                 r"innlegget|indlægget|inlägget|notatet)\s+(?:(?:was|is|ble|blei|vart|blev|"
                 r"var|är|er|blir|bliver)\s+)?)?"),
    # a date under a bare "Date" label: the page's date, or on an event's page the event's
    # (a letter's "Vår dato" is its own date; "Deres dato", the one it answers, is not)
    _rule("date label", r"dato|date|datum|vår dato|vores dato|vårt datum|our date|datert|dateret|"
          r"daterad|dated"),
    YearRule("adopted", re.compile(
        rf"(?:^|(?<=[|·•;,(]))[ \t]*(?:vedtatt|vedteke|vedtaget|adopted|approved|antagen|"
        rf"antaget|beslutad|fastsatt|fastsett|godkjent|godkjend)\b[^\n\d]{{0,60}}?"
        rf"(?P<date>{FULL_DATE})", re.IGNORECASE | re.MULTILINE)),
    # the same on a cover with a month or a year alone, the line ending there ("Vedtatt juni
    # 2021", "Vedtatt på landsmøtet 2021", "Adopted by the board in March 2024"); a sentence
    # that goes on ("Vedtatt i 2021 og revidert i 2023.") is no cover's line, and a
    # committee's approval of a study ("Approved by the Regional Ethics Committee in May
    # 2021") dates the study, not the page
    YearRule("adopted", re.compile(
        rf"^[ \t]*(?:vedtatt|vedteke|vedtaget|adopted|antagen|antaget|beslutad|"
        rf"fastsatt|fastsett)\b(?![^\n]*(?i:ethic|etisk|etikk|etik))[^\n\d]{{0,60}}?"
        rf"(?P<date>(?:{MONTHS})\.?[ \t]+{YEAR}|{YEAR})[ \t]*\.?[ \t]*$",
        re.IGNORECASE | re.MULTILINE)),
    # a written question's answer, the date the question and its answer were published
    # together ("Besvart 4. juni 2024", "Answered on 18 June 2024", "Besvarad 16 oktober
    # 2023"), never the day it was asked ("Stillet 9. december 2024", "Tabled ...")
    _rule("answered", r"answered|answered on|date answered|answer date|besvart|besvaret|"
          r"besvarad|besvarat|svar gitt|svar gjeve|svar givet|svarsdatum|svardato"),
    _rule("modified", r"(?:(?:this|the) page (?:was|is|has been) |(?:denne )?(?:siden|sida|sidan) "
          r"(?:er|ble|blei|vart|blev|är|var) )?(?:sidst |sist |senest |senast |last )?"
          r"(?:opdateret|oppdatert|uppdaterad|updated|endret|endra|ændret|ändrad|edited|"
          r"redigert|redigeret|redigerad)|"
          r"last modified|last updated|last update|last edited|updated|sist endret|sist endra|"
          r"sist oppdatert|oppdatert|senest opdateret|opdateret|senast uppdaterad|"
          r"senast ändrad|uppdaterad|endret|revised|revidert|"
          # a page's review stamp ("Last reviewed: January 2025", "Sist gjennomgått")
          r"last reviewed|page last reviewed|reviewed|sist gjennomgått|"
          r"senast granskad|senest gennemgået"),
    _rule("event date", _WEEKDAYS + r"|held on|takes place on|arrangeres|finner sted|"
          r"conference date|seminar date|tid og sted|tid og stad|time and place",
          line_start=False),
    # the days of a course or a workshop under a plural label, often a span of days:
    # "Dates: 4–5 March 2026", "Datoer: 3.–4. juni 2025"; a series' weekday in a month
    # ("Dates" over "Tuesdays in November 2025", "Datoer: tirsdager i mars 2025")
    YearRule("event date", re.compile(
        rf"^[ \t]*(?:dates|datoer|datoar|datoene|datum|kursdatoer|course dates|workshop dates)"
        rf"{_SEP}(?:\n\s*)?(?:\d{{1,2}}\.?\s*[-–—]\s*)?"
        rf"(?:(?:{_WEEKDAYS})(?:s|er|ar|e|ane|ene)?\s+(?:in|i)\s+)?(?P<date>{_DATE})",
        re.IGNORECASE | re.MULTILINE)),
    # an event's line, perhaps after its name ("ESPAnet Conference 2025 · 3–5 September 2025",
    # "Digital Welfare and Public Services Symposium, 14 September 2023")
    YearRule("event date", re.compile(
        rf"^(?:(?-i:[A-ZÆØÅ])[\w&.-]*\s+|(?:and|og|och|for|for|of|on|om|the|&)\s+){{0,6}}"
        rf"(?:event|conference|konferanse|konference|konferens|seminar|arrangement|begivenhed|"
        rf"evenemang|symposium|workshop|congress|kongress|webinar)\b[^\n]{{0,120}}?"
        # the date ends the line, a place or a time after it at most: a sentence about an
        # event on a day ("The workshop on 12 March 2019 set out ...") dates nothing
        rf"(?P<date>{FULL_DATE})(?=[ \t]*(?:[,·|–—-][^\n.!?]{{0,40}})?\.?[ \t]*$)",
        re.IGNORECASE | re.MULTILINE)),
    # a cover's or an issue's date line: "Mai 2023", "Oslo, May 2023", "Spring 2023",
    # "No. 2 · Autumn 2022", a record's kicker "Conference Paper · September 2023" (a season
    # dates a thesis, a term paper or an issue as a month does); the words before the date
    # open with a capital (a name or a place) and are no edition ("Første utgave, ...")
    YearRule("cover date", re.compile(
        rf"^(?:(?:(?-i:[A-ZÆØÅÄÖ])(?![\w .-]{{0,30}}\b(?:utgave|utgåve|udgave|upplaga|"
        rf"edition|opplag|oplag)\b)[\w .-]{{1,30}}(?:,|\s*[·•|])\s*){{1,2}}|"
        rf"(?:no\.?|nr\.?|issue|#)\s*\d{{1,3}}\s*[·•|,–—/-]\s*)?"
        rf"(?P<date>(?:{MONTHS}|{SEASONS})\.?\s+{YEAR})\s*$",
        re.IGNORECASE | re.MULTILINE), head_only=True),
    # an issue line of a newsletter or a magazine: "Nyhetsbrev nr. 4 – oktober 2023"
    YearRule("cover date", re.compile(
        rf"^\s*(?:newsletter|nyhetsbrev|nyheitsbrev|nyhedsbrev|nyhetsbrevet|magasin|magazine|"
        rf"tidning|blad|bulletin|issue|utgave|utgåve|udgave|nummer)\b[^\n\d]{{0,30}}?"
        rf"(?:nr\.?|no\.?|issue|#)?\s*\d{{1,3}}\s*[–—/,-]\s*"
        rf"(?P<date>(?:{MONTHS})\.?\s+{YEAR})\s*$", re.IGNORECASE | re.MULTILINE),
        head_only=True),
    # an edition's year alone on a cover's line, the only such line in the head ("Utgåve
    # 2025", "Edition: 2024", "2. utgave 2023", "Revised edition 2024"): the year of the text
    # in hand; a first edition's line is left out (a later printing's colophon keeps it), and
    # so is a list of editions
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?:(?:[2-9](?:\.|nd|rd|th)|1\d(?:\.|th)|second|third|fourth|new|revised|"
        rf"ny|nye|revidert|reviderte|reviderad|reviderade|revideret|reviderede|andre|andra|"
        rf"anden|tredje|fjerde|fjärde)[ \t]+)?"
        rf"(?:utgave|utgåve|udgave|utgåva|upplaga|edition|opplag|oplag)[ \t]*:?[ \t]*"
        rf"(?P<date>{YEAR})[ \t]*$", re.IGNORECASE | re.MULTILINE), head_only=True,
        cover_only=True),
    # a book of abstracts' running head over the abstract ("EECERA 2025 · 35th Annual
    # Conference · Book of Abstracts   214"): the year of the conference it was given at;
    # among the first lines only, a dozen words at most, no full stop inside (a reference)
    # and no more than two words in lower case besides the collection's own (a sentence)
    YearRule("cover date", re.compile(
        rf"^(?=[^\n]*\b(?:{BOOK_OF_ABSTRACTS})\b)(?![^\n]*[.!?][ \t]*$)(?![^\n]*\.[ \t])"
        rf"(?=[ \t]*(?:\S+[ \t]+){{0,11}}\S+[ \t]*$)"
        rf"(?!(?:[^\n]*?(?<![\w-])(?!(?:of|and|book|abstracts?|proceedings)\b)"
        rf"(?-i:[a-zæøåäö])[\w-]*){{3}})"
        rf"[^\n]{{0,80}}?(?P<date>{YEAR})[^\n]*$", re.IGNORECASE | re.MULTILINE),
        head_only=True, top_only=True),
    # a meeting's running head over one of its abstracts, its parts set apart by dots or bars,
    # the meeting and its year between the body's name and the collection's ("Norsk
    # sosiologforening | Vintermøtet 2024 | Sammendrag", "... · Kongres 2024 · Resuméer")
    YearRule("cover date", re.compile(
        rf"^[ \t]*[^\n·|]{{2,60}}[·|][ \t]*[^\n·|]{{2,60}}?[ \t](?P<date>{YEAR})[ \t]*[·|][ \t]*"
        rf"(?:sammendrag|samandrag|abstracts?|abstrakter|sammanfattningar|resuméer|resumeer|"
        rf"{BOOK_OF_ABSTRACTS})[ \t]*\d{{0,4}}[ \t]*$", re.IGNORECASE | re.MULTILINE),
        head_only=True, top_only=True),
    # the same without the body's name: the meeting, its year and the collection
    # ("Nasjonal hjelpemiddelkonferanse 2023 – Sammendrag", "Nordic Care Days 2024 |
    # Abstracts"); added after maar
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?-i:[A-ZÆØÅÄÖ])[^\n\d·|]{{0,80}}?(?:konferanse\w*|konferens\w*|"
        rf"konference\w*|conference|kongres\w*|congress|seminar\w*|symposi\w*|møtet|mötet|"
        rf"mødet|dagene|dagane|dagarna|days|forum|workshop)[ \t]+(?P<date>{YEAR})[ \t]*"
        rf"[·|–—-][ \t]*(?:sammendrag|samandrag|abstracts?|abstrakter|sammanfattningar|"
        rf"resuméer|resumeer|{BOOK_OF_ABSTRACTS})[ \t]*\d{{0,4}}[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # a journal's name with its year and issue as a PDF's first page heads it
    # ("Förvaltningsrättslig tidskrift 2024:2", "Tidsskrift for velferdsforskning 2023/1"),
    # its page numbers perhaps after it: the issue the article came out in; among the first
    # lines only, the name opening the line (no author, no "See"), an issue up to 12 (not
    # "2023/24", a span of years)
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?=[^\n\d]*\w*(?:tidskrift|tidsskrift|journal|review|aikakauskirja|"
        rf"aikakauslehti)\b)(?!(?:see|se|jf|cf|vgl|in|i)\b)(?-i:[A-ZÆØÅÄÖ])[^\n\d,;()]{{2,100}}?"
        rf"[ \t]+(?P<date>{YEAR})[ \t]*[:/][ \t]*(?:0?[1-9]|1[0-2])(?:[ \t]+\d{{1,4}})?[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # the same with the issue first ("Nordisk Forsikringstidsskrift 3/2024", "Tidsskrift for
    # omsorgsforskning nr. 2/2023")
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?=[^\n\d]*\w*(?:tidskrift|tidsskrift|journal|review)\b)"
        rf"(?!(?:see|se|jf|cf|vgl|in|i)\b)(?-i:[A-ZÆØÅÄÖ])[^\n\d,;()]{{2,100}}?"
        rf"[ \t]+(?:(?:nr|no)\.?[ \t]*)?(?:0?[1-9]|1[0-2])[ \t]*[/:-][ \t]*(?P<date>{YEAR})[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # a journal's issue after its name, the name printed alone right above it (blank lines
    # aside) as the site's head ("Spesialpedagogikk" ... "Spesialpedagogikk 3/2024"): a
    # journal with no journal word in its name
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?P<name>(?-i:[A-ZÆØÅÄÖ])[^\n\d,;:()]{{2,60}}?)[ \t]*\n(?:[ \t]*\n)*"
        rf"[ \t]*(?P=name)[ \t]+(?:(?:nr|no)\.?[ \t]*)?(?:0?[1-9]|1[0-2])[ \t]*[/:-][ \t]*"
        rf"(?P<date>{YEAR})[ \t]*$", re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # a conference's name and year heading the page of one of its abstracts
    # ("Arbeidsmiljøkonferansen 2025", "Sociologidagarna 2024", "Nordic Welfare Conference
    # 2024"), the first lines only: the year the abstract was given
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?:(?-i:[A-ZÆØÅÄÖ])[\w&-]*[ \t]+){{0,4}}(?-i:[A-ZÆØÅÄÖ]?)[\w-]*"
        rf"(?:konferanse|konferansen|konferense|konferensen|konferens|konference|konferencen|"
        rf"conference|dagarna|dagane|dagene|dagen|days|symposium|symposiet|kongress|"
        rf"kongressen|congress|summit)"
        # its field after it ("Nordisk kongress i gerontologi 2024", "Congress on Ageing 2024")
        rf"(?:[ \t]+(?:i|om|för|for|on|in|of|på|til)(?:[ \t]+[\w-]+){{1,2}})?"
        # and perhaps its place after a comma or a dot ("ISTR Conference 2024, Antwerp")
        rf"[ \t]+(?P<date>{YEAR})(?:[ \t]*[,·|][ \t]*(?-i:[A-ZÆØÅÄÖ])[^\W\d_]+"
        rf"(?:[ \t]+(?-i:[A-ZÆØÅÄÖ])[^\W\d_]+)?)?[ \t]*$"
        # (not when the head names the same conference with another year: a link to last
        # year's over this year's call)
        rf"(?![\s\S]*?(?:konferanse|konferansen|konferense|konferensen|konferens|konference|"
        rf"konferencen|conference|dagarna|dagane|dagene|dagen|days|symposium|symposiet|"
        rf"kongress|kongressen|congress|summit)[ \t]+(?!(?P=date))(?:19|20)\d\d)",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # a journal's citation line heading an article's page, in the APA order: the journal,
    # volume(issue), year, pages ("Scandinavian Journal of Disability Research, 22(1), 2020,
    # pp. 000–000"); the first lines only
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?-i:[A-ZÆØÅÄÖ])[^\n\d]{{3,90}}?,[ \t]*\d{{1,3}}[ \t]*\([ \t]*\d{{1,2}}"
        rf"(?:[–-]\d{{1,2}})?[ \t]*\)[ \t]*,[ \t]*(?P<date>{YEAR})[ \t]*"
        rf"(?:,[ \t]*(?:pp?\.|s\.|sid\.|side)?[ \t]*[\d–-]+)?[ \t]*\.?[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
    # a poster or a paper saying where and when it was presented ("Poster presented at the
    # Research Day on Care, Dublin, June 2024", "Presentert på Velferdskonferansen, Bergen,
    # 12. mai 2025"): the day it was given
    YearRule("event date", re.compile(
        rf"^[ \t]*(?:poster[ \t]+)?(?:presented|presentert|presenterad|presenterat|præsenteret|"
        rf"shown)[ \t]+(?:at|på|vid|ved)[ \t]+[^\n]{{3,150}}?[ \t,][ \t]*(?P<date>{FULL_DATE}|"
        rf"(?:{MONTHS})\.?[ \t]+{YEAR}|{YEAR})[ \t]*\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)),
    # a poster's line naming the conference it was shown at, with its year, under the title
    # and authors ("SPA Annual Conference 2025 · Poster 12", "Nordic Care Days 2024 | Poster")
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?-i:[A-ZÆØÅÄÖ])[^\n\d]{{0,60}}?(?:konferanse\w*|konferens\w*|konference\w*|"
        rf"conference|congress|kongress\w*|symposium|days|dagarna|dagene|dagane|dagen)"
        rf"[^\n\d]{{0,30}}?[ \t](?P<date>{YEAR})[ \t]*[,·|–—-][ \t]*(?:poster|posters)\b"
        rf"[^\n]{{0,20}}$", re.IGNORECASE | re.MULTILINE), head_only=True),
    # a journal's source line on the article's record ("Volume 27, Issue 3, Pages 1-20,
    # 2024", "Årgang 12, nr. 2, 2023"): the issue the article came out in; a reference list
    # names its authors first, so a line that opens with the volume is the record's own (in
    # the head: a reference wrapped after its authors may open with the volume further down)
    YearRule("cover date", re.compile(
        rf"^\s*{JOURNAL_VOLUME}\s*\d{{1,4}}\s*[,(]"
        rf"[^\n]{{0,60}}?\b(?P<date>{YEAR})\)?(?:\s*,\s*(?:article\s+)?\d{{1,7}})?\s*\.?\s*$",
        re.IGNORECASE | re.MULTILINE),
        head_only=True),
    # a journal's source line as a PDF's first page prints it, near the top: Vancouver style
    # ("Norsk Epidemiologi 2024; 32 (1): 00–00") or the journal's name with its volume and
    # issue or supplement ("The European Journal of Public Health, Volume 34, Supplement 3,
    # 2024")
    # (the journal's name before the year holds no citation's ". Title": a reference to
    # another work, its authors and title first, is no source line of this one)
    YearRule("cover date", re.compile(
        rf"^\s*(?-i:[A-ZÆØÅÄÖ])(?:(?!\.[ \t]+(?-i:[A-ZÆØÅÄÖ]))[^\n;]){{2,80}}?[.,]?[ \t]+"
        rf"(?P<date>{YEAR}){JOURNAL_AFTER_YEAR}", re.IGNORECASE | re.MULTILINE), head_only=True),
    YearRule("cover date", re.compile(
        rf"^\s*(?-i:[A-ZÆØÅÄÖ])[^\n]{{2,80}}?{JOURNAL_VOLUME_ISSUE},[ \t]*(?P<date>{YEAR})"
        rf"[ \t]*$", re.IGNORECASE | re.MULTILINE), head_only=True),
    # a journal's line with its volume, year and issue between dots or bars, near the top
    # ("Statsvetenskaplig tidskrift · Årgång 127 · 2025 · nr 1")
    YearRule("cover date", re.compile(
        rf"^[^\n]{{0,60}}\b{JOURNAL_VOLUME}[ \t]*\d{{1,4}}[ \t]*[·•|,][ \t]*(?P<date>{YEAR})[ \t]*"
        rf"[·•|,][ \t]*{JOURNAL_ISSUE}[ \t]*\d{{1,3}}[ \t]*$", re.IGNORECASE | re.MULTILINE),
        head_only=True),
    # a publication series' number after its name ("Publications of the Ministry of Finance
    # 2025:00", "Skriftserie fra ... 2024:3")
    YearRule("report number", re.compile(
        rf"^\s*(?=[^\n]*\b(?:publications?|publikasjoner|publikationer|julkaisuja|skrifter|"
        rf"skriftserie|rapportserie|series|serie)\b)[^\n]{{3,80}}?[ \t](?P<date>{YEAR})[ \t]*:"
        rf"[ \t]*\d{{1,3}}[ \t]*$", re.IGNORECASE | re.MULTILINE), head_only=True),
    # a journal's issue line with the article's pages, near the top ("Nr 3 2024 s. 401-428",
    # "Juristen nr. 2/2025, s. 12-30", "Årgang 41, nr. 2-2025, s. 5-22"): the pages make it
    # the article's own issue, not a case number ("Sak nr. 12/2025")
    YearRule("cover date", re.compile(
        rf"^\s*(?!(?i:rundskriv|cirkulære|cirkulär|circular|sak|saksnr|ärende|vedtak|lov|"
        rf"forskrift|förordning|bekendtgørelse|prop|meld|innst|rapport|report|dokument|"
        rf"document)\b)(?:[A-ZÆØÅÄÖ][\w .,-]{{0,40}}\s)?(?:nr\.?|no\.?|issue|hefte|häfte)\s*"
        rf"\d{{1,2}}\s*[-/–,]?\s*(?P<date>{YEAR})\s*,?\s*(?:s\.|pp?\.|pages?|sider|sidor)\s*"
        rf"\d+\s*(?:[-–]\s*\d+)?\s*\.?\s*$", re.IGNORECASE | re.MULTILINE), head_only=True),
    # a title page's line of the degree-giving or publishing institution and the year
    # ("Universitetet i Stavanger, 2025", "Faculty of Social Sciences, Nord University 2024");
    # not a document's name with its year ("Universitetet i Agder – årsrapport 2023")
    YearRule("print line", re.compile(
        rf"^\s*(?=[^\n]*\b(?i:univers\w*|høgsk\w*|högsk\w*|hogsk\w*|college|faculty|"
        rf"fakultet\w*|institutt\w*|institut\w*)\b)(?![^\n]*(?i:rapport|report|plan|strategi|"
        rf"strategy|budsjett|budget|melding|program))[A-ZÆØÅÄÖ][^\n\d:.]{{3,80}}?,?[ \t]+"
        rf"(?P<date>{YEAR})\s*\.?\s*$", re.MULTILINE), head_only=True),
    # a paper's running head in a conference's proceedings ("Proceedings of IRIS 28, 2005":
    # a name and a year, no sentence that announces them) or a journal's in capitals with its
    # issue, printed on every page ("VÅRD I NORDEN 2/2007. PUBL. NO. ..."; once, such a line
    # is as often a case number or a revision date), in the head: the issue it came out in
    YearRule("cover date", re.compile(
        rf"^[ \t]*(?:in[ \t]+)?(?:proceedings of|proceedings from|konferanserapport fra|"
        rf"konferensrapport från)\b(?:[ \t]+[^\s.]+){{1,5}}?,?[ \t]+(?P<date>{YEAR})[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True),
    YearRule("cover date", re.compile(
        rf"^\s*[A-ZÆØÅÄÖ]{{2,}}(?:[ \t]+[A-ZÆØÅÄÖ]+){{0,5}}[ \t]+\d{{1,2}}\s*/\s*"
        rf"(?P<date>{YEAR})\b", re.MULTILINE), head_only=True, repeated=True),
    YearRule("report number", re.compile(
        rf"\b(?:NOU|SOU|Ds|Rapport|Report|Rapportserie|Notat|Working paper|Arbeidsnotat)\s+"
        rf"(?P<date>{YEAR})\s*[:/]\s*\d{{1,3}}\b", re.IGNORECASE)),
    YearRule("report number", re.compile(
        # (its publisher or project before it, perhaps after a dot: "SMS-PÅMINN Working Paper
        # 0/2024", "Äldrecentrum · TILLDELA Working Paper 0/2025"; its month after it:
        # "..., October 2024")
        rf"^\s*(?:(?-i:[A-ZÆØÅÄÖ])[\w&.-]*[ \t·|–]+(?:[\w&.-]+[ \t·|–]+){{0,3}})?"
        rf"(?:Rapport|Report|Rapportserie|Notat|"
        rf"Working paper|Arbeidsnotat|Skriftserie)\s+"
        rf"(?:nr\.?\s*|no\.?\s*)?\d{{1,3}}\s*[/–|-]\s*(?P<date>{YEAR})"
        rf"(?:[ \t]*[,·|][ \t]*(?:(?:{MONTHS})\.?[ \t]+)?(?P=date))?\s*$",
        re.IGNORECASE | re.MULTILINE), no_prose_above=True),
    # the same series named in the plural on a cover ("Reports 00/2025", "Rapporter
    # 3/2024"): as often a publication list's item, so only alone in the head, with no
    # sentence and no other year above it
    YearRule("report number", re.compile(
        rf"^\s*(?:Rapporter|Reports|Notater|Working papers)\s+(?:nr\.?\s*|no\.?\s*)?"
        rf"\d{{1,3}}\s*[/–|-]\s*(?P<date>{YEAR})\s*$", re.IGNORECASE | re.MULTILINE),
        head_only=True, cover_only=True, nothing_dated_above=True),
    # a colophon's print line ("Trykk: Printer AS, Bergen 2021"): the year the report was
    # printed.
    YearRule("print line", re.compile(
        rf"^\s*(?:trykk|trykt|tryk|trykt hos|tryck|tryckt|tryckeri|print|printed|printed by|"
        rf"sats og trykk|grafisk produktion)\s*:?[^\n\d]{{0,80}}?(?P<date>{YEAR})\s*\.?\s*$",
        re.IGNORECASE | re.MULTILINE)),
    # a title page's imprint, place, publisher and year ("Luxembourg: Publications Office of
    # the European Union, 2024"; "Oslo: Universitetsforlaget, 2021"; the publisher named by a
    # publisher's word), in the head only: a reference list's lines may open the same way
    # further down
    YearRule("print line", re.compile(
        rf"^\s*[A-ZÆØÅ][\w .-]{{1,30}}:\s*(?=[^\n,]*\b(?i:press|forlag\w*|förlag\w*|"
        rf"publish\w*|publications?|publikation\w*|publikasjon\w*|office|verlag|books|"
        rf"akademisk|universitet\w*|"
        rf"university|institut\w*)\b)[^\n\d:,]{{3,90}},\s*(?P<date>{YEAR})\s*\.?\s*$",
        re.MULTILINE), head_only=True),
    # a title page's imprint of a place and a year alone ("Brussels, 2025", "Stockholm,
    # 2008"), on a cover only: no sentence above it (a chart's source, "Eurostat, 2019",
    # stands under text) and no other such line (a list of earlier venues)
    YearRule("print line", re.compile(
        rf"^\s*[A-ZÆØÅ][^\W\d_]+(?:[ -][A-ZÆØÅ][^\W\d_]+)?,\s*(?P<date>{YEAR})\s*$",
        re.MULTILINE), head_only=True, cover_only=True),
    # a sentence that says when a project's final report came out ("Slutrapporten blev
    # offentliggjort i marts 2025", "The final report was published in May 2024"): the date
    # of the report the page gives, before the end of the period it reports on, but after
    # the page's own labelled dates, cover and report number (a report may recall an
    # earlier final report in its background); a present tense ("is published") is a plan
    YearRule("final report", re.compile(
        rf"\b(?:the final report|final report|sluttrapporten|slutrapporten|sluttrapport|"
        rf"slutrapport|den afsluttende rapport)\s+(?:was |were |has been |blev |ble |blei |"
        rf"vart |har blitt |har blivit )?"
        rf"(?:published|released|presented|offentliggjort|offentliggjord|publisert|"
        rf"publiceret|publicerad|publicerades|presentert|presenteret|presenterad|lagt fram|"
        rf"lagd fram|fremlagt|udgivet|utgitt|utgiven|"
        # a catalogue's field: "Sluttrapport levert: 15.02.2024", "Final report submitted"
        rf"delivered|submitted|levert|leveret|levererad|innlevert|indleveret|innsendt|"
        rf"insendt)\s*:?\s*(?:i |in |on |den |the )?"
        rf"(?P<date>{_DATE})", re.IGNORECASE)),
    # a dateline: a place and a full date alone on a line, as a letter, a bill or a
    # decision is signed in Swedish and Danish ("Stockholm den 18 september 2025",
    # "København, den 3. maj 2024"): one word, then "den" or "d." and the date. Without the
    # "den", a word and a date ("Ola, 3. mars 2024", "Lest 12.03.2024") is as often a comment
    # or a label as a place; with it, after the page's own dates, covers and numbers
    YearRule("dateline", re.compile(
        rf"^[ \t]*(?-i:[A-ZÆØÅÄÖ])[\w-]{{2,30}},?[ \t]+"
        rf"(?:den[ \t]+|d\.[ \t]*)(?P<date>{FULL_DATE})[ \t]*\.?[ \t]*$",
        re.IGNORECASE | re.MULTILINE)),
    # a project's end, only on a page that says it is the project's final report (see
    # year_derive), and after the report's own dates: a project page that gives no other
    # date is dated by the end of the period it reports on
    YearRule("completed", re.compile(
        rf"\b(?:ble avsluttet|blei avslutta|vart avslutta|vart avslutta|avsluttet|avslutta|"
        rf"afsluttet|afsluttedes|avslutades|avslutat|completed|concluded|ended|finished|"
        rf"was completed|slutført|sluttført|fullført|gennemført|genomfört)\s+"
        rf"(?:i|in|on|den|ved utgangen av|ved udgangen af|at the end of|i slutet av)?\s*"
        rf"(?P<date>{FULL_DATE}|(?:{MONTHS})\.?\s+{YEAR}|{YEAR})(?!\s*[-–—]\s*\d)",
        re.IGNORECASE)),
    # the same on a fact sheet: the end of the period a final report reports on ("End date:
    # 31 August 2022", "Project period 2019 - 2023"), never its start
    YearRule("completed", re.compile(
        rf"^[ \t*#>•-]*(?:end date|project end|slutdato|sluttdato|slutdatum|prosjektslutt|"
        rf"projektslut|avslutningsdato)\**\s*:?\**[ \t]*(?:\n\s*)?(?P<date>{_DATE})",
        re.IGNORECASE | re.MULTILINE), final_heading=True),
    YearRule("completed", re.compile(
        rf"^[ \t*#>•-]*(?:project period|project duration|prosjektperiode|prosjektperiod|"
        rf"projektperiode|projektperiod|duration|varighet|varighed|periode|period)\**\s*:?\**"
        rf"[ \t]*(?:\n\s*)?(?:{_DATE})\s*[-–—]\s*(?P<date>{_DATE})",
        re.IGNORECASE | re.MULTILINE), final_heading=True),
    YearRule("date in the head", re.compile(rf"(?P<date>{FULL_DATE})", re.IGNORECASE),
             head_only=True),
    # a report's colophon in its first lines ("© NOVA 2008" beside its ISBN), when nothing
    # else dates it; a copyright line with no colophon's field near it (a picture's or a
    # map's credit) or among a text's last lines (a site's footer, renewed every year) never
    # dates it (see year_derive)
    YearRule("copyright", re.compile(
        rf"^[ \t]*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?P<date>{YEAR})\b[^\n\d]{{0,60}}$",
        re.IGNORECASE | re.MULTILINE), head_only=True),
    YearRule("copyright", re.compile(
        rf"^[ \t]*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?-i:[A-ZÆØÅÄÖ])[^\n\d]{{1,60}}?,?"
        rf"\s+(?P<date>{YEAR})\s*\.?\s*$", re.IGNORECASE | re.MULTILINE), head_only=True),
    # last of all, an annual report's name and year alone among its first lines ("Årsrapport
    # 2023", "Helsesenteret - årsmelding 2023"), when nothing else dates it, not even the
    # file's properties (ingest); "Årsrapport 2023 er klar" says more: news about one
    YearRule("annual report", re.compile(
        rf"^[ \t]*(?:(?-i:[A-ZÆØÅÄÖ])[\w&.-]*[ \t]+(?:[\w&.-]+[ \t]+){{0,4}}?"
        rf"(?:[–—|·:-][ \t]*)?)?(?:årsrapport|årsmelding|årsberetning|annual report|"
        rf"annual review|årsredovisning|verksamhetsberättelse|årsberättelse)"
        rf"(?:[ \t]+(?:for|för|for året|för år))?[ \t]+(?P<date>{YEAR})[ \t]*$",
        re.IGNORECASE | re.MULTILINE), head_only=True, top_only=True),
)
