"""Metadata a careful reader would derive from a document: its year, its type and its title,
each with the rule that gave it, or missing when nothing says.

- **Year** (:func:`year_derive`): from explicit evidence only, in order of trust: a
  ``metadata.csv`` beside the file; a bibliographic record's year; the file's own properties
  (PDF, Word) or a web page's date markup; then dates the text labels as its own
  ("Published 12.03.2024", "Vedtatt i kommunestyret", "Sist endret", "Publication date", an
  event's date, a cover's "Mai 2023", a report number such as "NOU 2023: 4"). A year after the
  import date is never taken, nor one that is not labelled: "towards 2035", a call deadline,
  a menu's "Academic year: 2022", a project period, a site's copyright line or a cited
  work's year are not a document's date. Otherwise the year is missing.
- **Type**: in :mod:`digiwelfare.doctypes` (:func:`~digiwelfare.doctypes.doc_type_classify`).
- **Title**: in :mod:`digiwelfare.titles` (:func:`~digiwelfare.titles.title_find`).
"""

from __future__ import annotations

import re
from datetime import date

from digiwelfare.clean import text_normalize
from digiwelfare.linetypes import HEAD_LINES, YEAR, line_is_sentence, notice_cues
from digiwelfare.year_rules import YEAR_RULES

#: Words that make a date in a line someone else's: a deadline, a horizon, a period.
_NOT_OURS = re.compile(r"\b(frist|deadline|innen|innan|senest|by|before|until|towards|mot|"
                       r"senast(?!\s+(?:ändrad|ändrat|uppdaterad|uppdaterat|publicerad|granskad|reviderad))|"
                       r"mod|fram|frem|inntil|apply|søk|registr\w*|påmelding\w*|tilmelding|"
                       r"anmälan|call|utlysning|next|neste|næste|nästa|start\w*|oppstart|"
                       # an application's or a tender's last day ("Sista ansökningsdag",
                       # "Sista anbudsdag"), or the date of
                       # the one a decision answers ("Er ansökan daterad den ..."); the words
                       # alone head benefit pages ("Søknad om sykepenger" over its date)
                       r"sista (?:ansöknings|anbuds|svars|anmälnings)dag\w*|sista dag|"
                       r"ansökningsdag\w*|anbudsdag\w*|ansökan daterad|"
                       r"søknaden datert|søknad datert|ansøgningen dateret|application dated|"
                       r"last day to apply|last day for applications|"
                       r"begin\w*|tiltræd\w*|tiltred\w*|tilträd\w*|tiltrer|tiltre|"
                       r"tilsetting\w*|tilsettjing\w*|ansættelse\w*|anställning\w*|"
                       r"employment|appointment|commenc\w*|expir\w*|utløp\w*|udløb\w*|"
                       r"gyldig\w*|giltig\w*|valid|virkning|verkan|effective|"
                       r"ikrafttred\w*|ikrafttræd\w*|ikraftträd\w*|"
                       # a course's term ("Choose semester" over "Autumn 2026")
                       r"semester|termin|term|academic year|studieår\w*|läsår\w*|"
                       # a funder's round that awarded a project ("Bevillingsrunde" over
                       # "Efterår 2024"): when the money was given, not the page's date
                       r"\w*runde|\w*rundan?|\w*omgång\w*|grant round|funding round|"
                       r"bevilling\w*|bevilget|bevilga|beviljad\w*|tildel\w*)\b",
                       re.IGNORECASE)
#: Labels of a record's own fields on a project catalogue page: when it was decided, awarded,
#: submitted, registered, last updated, or when its period ends. On such a page (the import
#: ignores "modified" there) a date under one of them dates the record's administration or
#: its plan, not a report.
_RECORD_FIELD = re.compile(r"\b(?:decision|decided|vedtak\w*|vedtaks\w*|beslut\w*|afgørelse\w*|"
                           r"tildel\w*|bevilg\w*|bevilj\w*|innvilg\w*|awarded|granted|"
                           r"submitted|registered|received|innsendt|mottatt|"
                           r"update\w*|modified|oppdatert|opdateret|uppdaterad|endret|endra|"
                           r"ændret|ändrad|revised|revidert|"
                           # the end of the project's period: a plan, not a report's date
                           r"end date|end|ends|ending|sluttdato|slutdato|slutdatum|"
                           r"prosjektslutt|projektslut|avslutningsdato)\b", re.IGNORECASE)
#: Words that make a "place, date" line a label and its date rather than a dateline.
_DATELINE_NOT = re.compile(r"(?i)\w*(dato|date|datum|start|slutt|frist|tid|when|closing|"
                           r"lest|lese|hentet|hämtad|besøgt|besökt|retrieved|accessed|visited|"
                           r"født|född|fødd)\w*|\b(dag|day|publi\w*|udgivet|utgitt|oppdatert|"
                           r"opdateret|uppdaterad|updated|endret|endra|ændret|ändrad|sist|senest|"
                           r"senast|last|modified|revidert|revised|mottatt|modtaget|mottaget|"
                           r"received|registrert|registreret|registrerad|registered|vedtatt|"
                           r"vedtaget|beslutad|antatt|godkjent|godkendt|godkänd|approved|"
                           r"adopted|opprettet|oprettet|skapad|created|innsendt|submitted)\b")
#: A line that opens "From <date>" announces a change that takes effect then ("Fra 1. juli
#: 2026 ændres reglerne"): the date is the change's, not the page's.
_FROM_DATE = re.compile(r"\s*(?:fra|frå|från|from|fom|f\.o\.m\.)\s*", re.IGNORECASE)
#: A date that something has run since or takes effect from, in a sentence ("... sedan den
#: 1 september 2024", "gjeldende fra 1. juli 2025"): when a thing began, never the page's date.
_SINCE_DATE = re.compile(r"\b(?:since|siden|sidan|sia|fra og med|frå og med|"
                         r"with effect from|effective from|med virkning fra|med verknad frå|"
                         r"gjeldende fra|gjeldande frå|gällande från|gældende fra|"
                         # what changes or applies from a day ("Kva endrar seg frå 1. januar
                         # 2026?", "Vad ändras från den 1 juli?"): a change to come
                         r"(?:endrar seg|endrer seg|endres|endrast|ændrer sig|ændres|ändras|"
                         r"förändras|changes?|gjeld|gjelder|gäller|gælder|applies|apply)\s+"
                         r"(?:fra|frå|från|from))\s+(?:den\s+|"
                         r"the\s+)?$", re.IGNORECASE)
#: Swedish "sedan" is "since" in a sentence in the perfect ("har haft i uppdrag ... sedan den
#: 1 september 2024") or opening one ("Sedan den 1 juli 2024 gäller ..."), and "then" after a
#: verb in the past ("publicerades sedan den 3 mars 2025").
_SEDAN_DATE = re.compile(r"(?:\b(?:har|hade)\b.*(?<!ades)(?<!des)(?<!tes)\s|^\s*|[.!?]\s+)"
                         r"sedan\s+(?:den\s+)?$", re.IGNORECASE)
#: A date a sentence says rules or a law were changed on ("Reglerne blev sidst ændret den 1.
#: juli 2019"): the rules' history, not the page's; a page's own stamp ("Sist endret 3. mars
#: 2025", "Siden ble sist endret ...") names no rules.
_CHANGED_DATE = re.compile(r"(?:\S+\s+){2,}(?:ændret|ændredes|endret|endra|ändrad|ändrades|"
                           r"changed|amended)\s+(?:den\s+|on\s+)?$", re.IGNORECASE)
_PAGE_WORDS = re.compile(r"(?i)\b(siden|sida|sidan|side|page|artikkelen|artiklen|"
                         r"artikeln|teksten|texten|the text|this page)\b")




#: The fields of a colophon, near which a copyright line is the report's own.
_COLOPHON_NEAR = re.compile(r"(?i)\b(isbn|issn|utgiver|utgivar|udgiver|utgivare|publisher|"
                            r"published by|trykk|tryk|tryck|printed|all rights reserved|alle "
                            r"rettigheter|rapport\s*(nr|no)\.?|report\s*(no|nr)\.?|"
                            r"serie|series)\b")


def _in_colophon(text: str, line_start: int) -> bool:
    """Whether the line starting at ``line_start`` stands in a colophon: a colophon's field
    within three lines of it, and it is not among the text's last five lines with words (a
    site's footer, under which a short page ends)."""
    filled = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
    if len(filled) < 5 or line_start >= filled[-5]:
        return False
    near = text[:line_start].split("\n")[-3:] + text[line_start:].split("\n")[:4]
    return _COLOPHON_NEAR.search("\n".join(near)) is not None


#: Words by which a page says it is (or gives) a project's final report.
FINAL_REPORT = re.compile(r"\b(final report|sluttrapport(en)?|slutrapport(en)?|"
                          r"afsluttende rapport|slutrapporten|final project report)\b",
                          re.IGNORECASE)


#: A deadline named in so many words: narrower than :data:`_NOT_OURS`, whose prepositions
#: and genre words ("by", "mot", "utlysning") mark a date beside them on its line, but would
#: take a whole heading above a date for a deadline's label.
_DEADLINE_NAMED = re.compile(r"(?i)deadline|frist\b|\w+frist|closing date|due date|last day|"
                             r"siste dag|sista dag")


def _label_above(text: str, line_start: int) -> str:
    """The line above the one starting at ``line_start``, if it is a short label (a field's
    name printed above its value: "Søknadsfrist" over "15.01.2026", "Deadline for receipt of
    tenders" over "12/03/2026 12:00"), else ""."""
    above = text[:max(line_start - 1, 0)].rstrip("\n").rsplit("\n", 1)[-1]
    if re.search(r"\d", above) or not 0 < len(above.split()) <= 6:
        return ""
    # a longer label only when it names a deadline itself (:data:`_DEADLINE_NAMED`): a
    # heading over its date ("Utlysning av midler til digitale tjenester" / "3. mars 2024")
    # is the page's date
    return above if len(above.split()) <= 3 or _DEADLINE_NAMED.search(above) else ""


def _record_field(before: str, text: str, line_start: int) -> bool:
    """Whether a date is the value of a record's field (:data:`_RECORD_FIELD`): its label of
    at most three words before it on the line ("**Decision date:**") or on the line above
    ("Last Update Posted"). A sentence that says the page was updated is no field."""
    label = before if before.strip() else _label_above(text, line_start)
    return len(re.findall(r"\w+", label)) <= 3 and _RECORD_FIELD.search(label) is not None


#: A page that calls for papers, abstracts or proposals names itself so in a heading of its
#: own: the call and its subject on one line ("Call for Papers: Comparing Digital Welfare
#: States", "Utlysning av midler til ..."), not a menu's "Call for papers" or a digest's
#: numbered item ("2. Call for contributions: ...").
_CALL = re.compile(r"^[ \t#*>]*(?:call for (?:papers|abstracts|proposals|contributions|"
                   r"submissions|chapters|participants)|calls? for papers|utlysning\w*|"
                   r"utlysing\w*|indkaldelse af (?:abstracts|bidrag|papers|artikler))"
                   r"(?:[ \t]*[:–—-][ \t]*|[ \t]+(?:av|af|of|til|till|for|för|om|on|to)[ \t]+)\S",
                   re.IGNORECASE | re.MULTILINE)


def _deadline_label(label: str) -> bool:
    """Whether a label names a deadline or what a date is not the page's own, compounds
    included ("Søknadsfrist", "Ansøgningsfrist", "Application deadline", "Prosjektstart")."""
    return bool(_NOT_OURS.search(label) or re.search(
        r"\w(?:frist|deadline|start|oppstart|slutt|slut|periode|period)\b", label, re.I))


def _head(text: str) -> str:
    """The start of ``text`` up to its :data:`HEAD_LINES`-th line that is not blank: a PDF's
    or a copied page's paragraphs come with a blank line between them, a web page's shown
    lines without, and the head is the same stretch of the document in both."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    end = filled[HEAD_LINES - 1] + 1 if len(filled) >= HEAD_LINES else len(lines)
    return "\n".join(lines[:end])


def year_derive(text: str, today: date | None = None,
                ignore: frozenset[str] = frozenset(),
                first: tuple[str, ...] = (), last: tuple[str, ...] = ()
                ) -> tuple[int | None, str]:
    """The year a text labels as its own, and the rule that found it (``YEAR_RULES``);
    ``(None, "")`` when there is none. Years after ``today`` are never taken, nor those of
    the rules named in ``ignore`` (the import ignores "modified" on project pages). The
    rules named in ``first`` are tried before the others, in the order given (the import
    dates an event's programme by the event, "event date" and "date label", before the
    day the page was published); those named in ``last`` after all the others (on a page
    that is no programme, a seminar its text announces dates it only when nothing else
    does). A project's completion ("avsluttet i 2023") counts only on a page that calls itself a
    final report (:data:`FINAL_REPORT`).

    >>> year_derive("Strategi mot 2035\\nPublisert 12.03.2024\\nSøknadsfrist 2026")
    (2024, 'published')
    >>> year_derive("Academic year: 2022. Towards 2035, all services will be digital.")
    (None, '')
    """
    this_year = (today or date.today()).year
    text = text_normalize(text)
    final = FINAL_REPORT.search(text) is not None
    # a heading or label that opens with the words ("Final report summary"), or names them
    # after a project's name or acronym in a short line that is no sentence ("CARELINK final
    # report summary"), not a mention in prose ("a final report will follow")
    final_heading = re.search(rf"^[ \t#*>|]*{FINAL_REPORT.pattern}", text,
                              re.IGNORECASE | re.MULTILINE) is not None or any(
        re.match(rf"[ \t#*>|]*(?:[\w-]+\s+){{1,2}}{FINAL_REPORT.pattern}", line, re.IGNORECASE)
        and len(line.split()) <= 8 and not line_is_sentence(line) for line in text.split("\n"))
    head = _head(text)
    # a call for papers or proposals: every date with a label in its head is a deadline or a
    # milestone ("Extended abstracts: 15 October 2025", "Full papers: 31 March 2026"); a
    # date alone on its line under the heading is still the page's own
    call = _CALL.search(head) is not None
    # the dates an ignored rule would have taken are not taken by a later rule either
    # (head is the start of text, so spans in it are spans in text)
    spans = [m.span("date") for rule in YEAR_RULES if rule.source in ignore
             for m in rule.label.finditer(text)]
    rules = sorted(YEAR_RULES, key=lambda r: first.index(r.source) if r.source in first
                   else len(first) + 1 + last.index(r.source) if r.source in last
                   else len(first))  # stable: the others keep their order of trust
    for rule in rules:
        if rule.source in ignore:
            continue
        where = head if rule.head_only else text
        for found in rule.label.finditer(where):
            year = int(re.search(YEAR, found.group("date")).group())
            line_start = where.rfind("\n", 0, found.start()) + 1
            before = where[line_start:found.start()]
            after = where[found.end():found.end() + 4]
            if any(a <= found.start("date") < b for a, b in spans):
                continue
            if rule.source == "completed" and not final or (
                    rule.final_heading and not final_heading):
                break  # an ongoing or a finished project's page is no report of its end
            if rule.source == "date in the head" and (
                    call and before.strip() or _deadline_label(before)
                    or _FROM_DATE.fullmatch(before)
                    or _SINCE_DATE.search(before) or _SEDAN_DATE.search(before)
                    or _CHANGED_DATE.search(before) and not _PAGE_WORDS.search(before)
                    or re.match(r"[ \t]*[-–—→]", after)
                    # the period's other end on the next line ("1. mars 2023" / "– 2026");
                    # a dash that opens a line of no date ("— 00 —", a page's ornament) is
                    # no period's
                    or re.match(r"\s*\n[ \t]*[-–—→][ \t]*(?:\d{1,2}\.?[ \t]*)?(?:[^\W\d_]+\.?"
                                r"[ \t]+)?\d{4}\b", where[found.end():found.end() + 40])
                    # ... and its end under a start that ends the line above ("1. mars 2023 –")
                    or not before.strip() and re.search(
                        r"\d{4}[ \t]*[-–—→][ \t]*$", where[:line_start].rstrip("\n")[-40:])
                    or re.search(r"[-–—→]\s*$", before)
                    and not re.search(r"(?:^|\s)\d{1,2}\.?\s*[-–—]\s*$", before)
                    or not before.strip() and _deadline_label(_label_above(where, line_start))
                    or "modified" in ignore and _record_field(before, where, line_start)):
                # a deadline (its label on the line above), a horizon, or one end of a
                # period; a span of days ("4–5 March 2026") is one date; on a project
                # page, a field of the record (decided, awarded, last updated)
                continue
            if rule.source == "dateline" and (
                    _deadline_label(before + found.group(0)[:found.start("date") - found.start()])
                    or _DATELINE_NOT.search(found.group(0)[:found.start("date") - found.start()])):
                continue  # a label and its date ("Søknadsfrist 15.01.2026", "Oppdatert ...")
            if rule.source == "copyright" and not _in_colophon(text, line_start):
                continue  # a site's footer, a picture's or a map's credit
            if rule.cover_only and (len(rule.label.findall(head)) > 1 or any(
                    line_is_sentence(ln) for ln in where[:line_start].split("\n"))):
                continue  # a chart's source under text, a list of earlier venues
            if rule.top_only and (len([ln for ln in where[:line_start].split("\n")
                                       if ln.strip()]) >= 3 or notice_cues()["references"]
                                  .search(where[:line_start])):
                continue  # further down: a reference, a programme's item, a cited issue
            if rule.no_prose_above and any(line_is_sentence(ln)
                                           for ln in where[:line_start].split("\n")):
                continue  # a list's item under the page's text
            if rule.nothing_dated_above and re.search(YEAR, where[:line_start]):
                continue  # "Nyheter 2024" over an older report's number
            if rule.repeated and text.count(where[line_start:found.end()]) < 2:
                continue  # printed once: a case number, a revision date
            if rule.source == "cover date" and (
                    _deadline_label(before) or
                    _deadline_label(_label_above(where, line_start))
                    or re.match(r"[ \t]*\n[ \t]*[.,;:)]", where[found.end():])):
                # a term under its selector ("Choose semester" / "Autumn 2026"); a link set
                # in a sentence ("... released in <a>May 2008</a>. Then ...")
                continue
            if 1950 <= year <= this_year:
                return year, rule.source
    return None, ""
