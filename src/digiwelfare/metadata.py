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
- **Title** (:func:`title_find`): the title a file gives, else the first heading-like line
  that is neither debris nor a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from digiwelfare.clean import line_debris, lines_classify, text_normalize
from digiwelfare.linetypes import (
    FULL_DATE,
    MONTHS,
    YEAR,
    line_ends_in_date,
    line_is_affiliation,
    line_is_author_list,
    line_is_sentence,
    notice_cues,
)

#: Lines of a text that count as its head, where cover dates and genre cues are printed.
HEAD_LINES = 25

_MONTHS, _YEAR, _FULL_DATE = MONTHS, YEAR, FULL_DATE
#: A date, or a year alone, as labels are followed by them.
_DATE = rf"(?:{_FULL_DATE}|(?:{_MONTHS})\.?\s+{_YEAR}|{_YEAR})"
#: Words that make a date in a line someone else's: a deadline, a horizon, a period.
_NOT_OURS = re.compile(r"\b(frist|deadline|innen|innan|senest|by|before|until|towards|mot|"
                       r"mod|fram|frem|inntil|apply|søk|registr\w*|påmelding\w*|tilmelding|"
                       r"anmälan|call|utlysning|next|neste|næste|nästa|start\w*|oppstart|"
                       r"begin\w*)\b", re.IGNORECASE)
_SEP = r"\s*(?:[:\-–—]|\bon\b|\bden\b)?\s*"
_WEEKDAYS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|"
             r"torsdag|fredag|lørdag|søndag|måndag|tisdag|laurdag|sundag|måndag")


@dataclass(frozen=True)
class YearRule:
    source: str
    label: re.Pattern
    #: taken only on a page whose heading or label line says it is a final report
    final_heading: bool = False


def _rule(source: str, labels: str, line_start: bool = True) -> YearRule:
    """A label followed by a date on the same or the next line. With ``line_start``, the
    label must open a line or follow a separator ("Published 3 May 2021 | Updated ..."), as
    page furniture prints it, so that prose ("the report published 2019 by ...") is no date."""
    start = r"(?:^|(?<=[|·•;,\t]))[ \t]*" if line_start else r"(?<![\w])"
    pattern = re.compile(rf"{start}(?:{labels}){_SEP}(?:\n\s*)?(?P<date>{_DATE})",
                         re.IGNORECASE | re.MULTILINE)
    return YearRule(source, pattern)


#: Labelled dates in a text, in order of trust. The year in the group ``date`` of the first
#: match of the most trusted rule found is the year. Two kinds of evidence are left out on
#: purpose, though pages are full of them: a project period (a plan, and its end is no date
#: of the page) and a copyright line (a site's footer, written anew each year). A careful
#: reader does not date a document by them, and a missing year is better than a wrong one.
YEAR_RULES = (
    # a portal's status field and its value in one line, however they were separated (tab,
    # colon, line): "Publication status<TAB>Published - 2020"
    _rule("published", r"(?:publication status|udgivelsesstatus|publiceringsstatus|"
          r"publiseringsstatus|publikasjonsstatus)\s*:?\s*(?:published|udgivet|publicerad|"
          r"publisert|publicert)|published online|published|publisert|publicert|publiceret|"
          r"publicerad|"
          r"udgivet|utgitt|utgiven|first published|date of publication|publication date|"
          r"publiseringsdato|publikasjonsdato|publikationsdato|publiceringsdatum|"
          r"udgivelsesdato|utgivelsesdato|utgivingsdato|utgivningsdatum|utgivelsesår|"
          r"udgivelsesår|utgivningsår|year of publication|dato|date|datum"),
    YearRule("adopted", re.compile(
        rf"(?:^|(?<=[|·•;,]))[ \t]*(?:vedtatt|vedteke|vedtaget|adopted|approved|antagen|"
        rf"antaget|beslutad|fastsatt|fastsett|godkjent|godkjend)\b[^\n\d]{{0,60}}?"
        rf"(?P<date>{_FULL_DATE})", re.IGNORECASE | re.MULTILINE)),
    _rule("modified", r"last modified|last updated|last update|updated|sist endret|sist endra|"
          r"sist oppdatert|oppdatert|senest opdateret|opdateret|senast uppdaterad|"
          r"senast ändrad|uppdaterad|endret|revised|revidert"),
    _rule("event date", _WEEKDAYS + r"|held on|takes place on|arrangeres|finner sted|"
          r"conference date|seminar date|tid og sted|tid og stad|time and place",
          line_start=False),
    YearRule("event date", re.compile(
        rf"^(?:event|conference|konferanse|konference|konferens|seminar|arrangement|"
        rf"begivenhed|evenemang)\b[^\n]{{0,120}}?(?P<date>{_FULL_DATE})",
        re.IGNORECASE | re.MULTILINE)),
    YearRule("cover date", re.compile(
        rf"^(?:[A-ZÆØÅ][\w .-]{{1,30}},\s*)?(?P<date>(?:{_MONTHS})\.?\s+{_YEAR})\s*$",
        re.IGNORECASE | re.MULTILINE)),
    # an issue line of a newsletter or a magazine: "Nyhetsbrev nr. 4 – oktober 2023"
    YearRule("cover date", re.compile(
        rf"^\s*(?:newsletter|nyhetsbrev|nyheitsbrev|nyhedsbrev|nyhetsbrevet|magasin|magazine|"
        rf"tidning|blad|bulletin|issue|utgave|utgåve|udgave|nummer)\b[^\n\d]{{0,30}}?"
        rf"(?:nr\.?|no\.?|issue|#)?\s*\d{{1,3}}\s*[–—/,-]\s*"
        rf"(?P<date>(?:{_MONTHS})\.?\s+{_YEAR})\s*$", re.IGNORECASE | re.MULTILINE)),
    YearRule("report number", re.compile(
        rf"\b(?:NOU|SOU|Ds|Rapport|Report|Rapportserie|Notat|Working paper|Arbeidsnotat)\s+"
        rf"(?P<date>{_YEAR})\s*[:/]\s*\d{{1,3}}\b", re.IGNORECASE)),
    YearRule("report number", re.compile(
        rf"^\s*(?:Rapport|Report|Rapportserie|Notat|Working paper|Arbeidsnotat|Skriftserie)\s+"
        rf"(?:nr\.?\s*|no\.?\s*)?\d{{1,3}}\s*[/–-]\s*(?P<date>{_YEAR})\s*$",
        re.IGNORECASE | re.MULTILINE)),
    # a colophon's print line ("Trykk: Printer AS, Bergen 2021"): the year the report was
    # printed. A copyright line alone stays no date (a site's footer renews it each year).
    YearRule("print line", re.compile(
        rf"^\s*(?:trykk|trykt|tryk|trykt hos|tryck|tryckt|tryckeri|print|printed|printed by|"
        rf"sats og trykk|grafisk produktion)\s*:?[^\n\d]{{0,80}}?(?P<date>{_YEAR})\s*\.?\s*$",
        re.IGNORECASE | re.MULTILINE)),
    # a project's end, only on a page that says it is the project's final report (see
    # year_derive), and after the report's own dates: a project page that gives no other
    # date is dated by the end of the period it reports on
    YearRule("completed", re.compile(
        rf"\b(?:ble avsluttet|blei avslutta|vart avslutta|vart avslutta|avsluttet|avslutta|"
        rf"afsluttet|afsluttedes|avslutades|avslutat|completed|concluded|ended|finished|"
        rf"was completed|slutført|sluttført|fullført|gennemført|genomfört)\s+"
        rf"(?:i|in|on|den|ved utgangen av|ved udgangen af|at the end of|i slutet av)?\s*"
        rf"(?P<date>{_FULL_DATE}|(?:{_MONTHS})\.?\s+{_YEAR}|{_YEAR})(?!\s*[-–—]\s*\d)",
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
    YearRule("date in the head", re.compile(rf"(?P<date>{_FULL_DATE})", re.IGNORECASE)),
)


#: Words by which a page says it is (or gives) a project's final report.
FINAL_REPORT = re.compile(r"\b(final report|sluttrapport(en)?|slutrapport(en)?|"
                          r"afsluttende rapport|slutrapporten|final project report)\b",
                          re.IGNORECASE)


def year_derive(text: str, today: date | None = None,
                ignore: frozenset[str] = frozenset()) -> tuple[int | None, str]:
    """The year a text labels as its own, and the rule that found it (``YEAR_RULES``);
    ``(None, "")`` when there is none. Years after ``today`` are never taken, nor those of
    the rules named in ``ignore`` (the import ignores "modified" on project pages). A
    project's completion ("avsluttet i 2023") counts only on a page that calls itself a
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
    head = "\n".join(text.split("\n")[:HEAD_LINES])
    # the dates an ignored rule would have taken are not taken by a later rule either
    # (head is the start of text, so spans in it are spans in text)
    spans = [m.span("date") for rule in YEAR_RULES if rule.source in ignore
             for m in rule.label.finditer(text)]
    for rule in YEAR_RULES:
        if rule.source in ignore:
            continue
        where = head if rule.source in ("cover date", "date in the head") else text
        for found in rule.label.finditer(where):
            year = int(re.search(_YEAR, found.group("date")).group())
            line_start = where.rfind("\n", 0, found.start()) + 1
            before = where[line_start:found.start()]
            after = where[found.end():found.end() + 4]
            if any(a <= found.start("date") < b for a, b in spans):
                continue
            if rule.source == "completed" and not final or (
                    rule.final_heading and not final_heading):
                break  # an ongoing or a finished project's page is no report of its end
            if rule.source == "date in the head" and (
                    _NOT_OURS.search(before) or re.match(r"\s*[-–—→]", after)
                    or re.search(r"[-–—→]\s*$", before)):
                continue  # a deadline, a horizon, or one end of a period
            if 1950 <= year <= this_year:
                return year, rule.source
    return None, ""


# --- title --------------------------------------------------------------------------------

#: Kinds of debris line that are never a title, however they stand.
_NEVER_TITLE = frozenset({"skip link", "navigation back", "language switch", "share or print",
                          "cookie or script notice", "breadcrumb", "read more or download"})


def title_is_plausible(line: str) -> bool:
    """Whether a line can be a title: 1 to 30 words, not a code, a date, a label, an
    affiliation, an author list or a footnote (a line opening with a superscript mark), nor a
    sentence of text (one ending with a full stop, or a long one).

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
    if line_debris(line) in _NEVER_TITLE or line_ends_in_date(line):
        return False  # a skip link, a menu's language switch; a dated line ("Vedtatt 3. mai 2022")
    if re.match(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079†‡]", line) or line_is_affiliation(line) \
            or line_is_author_list(line):
        return False  # a footnote or an affiliation opening with its mark, an author list
    if not re.search(r"[^\W\d_]{2}", line) or not re.search(r"[^\W\d_A-ZÆØÅÄÖ]{2}", line):
        return False  # no word, or capitals only: a code such as HELSEVEL-HELSEVEL
    if not re.match(r"[\W\d]*[^\W\d_]", line) or line.lstrip("«\"'“‘(")[:1].islower():
        return False  # a title starts with a capital: a lower-case start is a wrapped line
    sentence = line_is_sentence(line)
    return not (sentence and (line.rstrip().endswith(".") or len(words) > 22))


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
        if not title_is_plausible(line) or re.search(r"\s[|·•›>]\s|\|", line):
            continue  # separators: a breadcrumb, a running header, a menu
        if why == "field label":  # no bonus for the colon; a value listing places loses more
            score = _title_score(line, lines) - 2 - 3 * ("," in line.split(":", 1)[1])
        else:
            score = _title_score(line, lines)
        if score > best_score:
            best, best_score, at = line, score, i
    if best and at + 1 < len(lines):
        # a title wrapped onto the next line: a few words going on in lower case, no sentence
        more = lines[at + 1].strip()
        if more[:1].islower() and len(more.split()) <= 6 and not line_is_sentence(more) \
                and not best.endswith((".", "?", "!", ":")):
            best = f"{best} {more}"
    return best


#: A field that labels the title ("Title:", "Tittel:", "Title of master's thesis:").
_TITLE_LABEL = re.compile(r"(?i)\s*(?:title|tittel|titel|title of [^:]{1,40}|tittel på [^:]{1,40}|"
                          r"titel på [^:]{1,40})\s*:\s*(.*)")


def _title_field(lines: list[str], i: int) -> str:
    """The value of a title field at line ``i`` (a thesis's front page, a colophon, a record
    printed as fields), on the same line or the next, when it is a plausible title; else ""."""
    found = _TITLE_LABEL.fullmatch(lines[i].strip())
    if not found:
        return ""
    value = found.group(1).strip() or next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")
    return value if title_is_plausible(value) and not _TITLE_LABEL.fullmatch(value) else ""


def _is_headline_question(i: int, lines: list[str], reasons: list[str | None]) -> bool:
    """Whether line ``i`` is a headline asked as a question ("Who answers the chatbot?"):
    a plausible title of at most 15 words ending in "?", with page furniture (a date, a
    byline) right under it rather than text. Such a line reads as a sentence, but a
    question over a publication date is the page's heading."""
    line = lines[i].strip()
    under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return line.endswith("?") and len(line.split()) <= 15 and title_is_plausible(line) and \
        under is not None and reasons[under] is not None


#: Reasons a line may have and still be a title (it stands in a page's header zone; a title
#: printed twice, in a breadcrumb and as the heading, is a "running header").
_TITLE_ZONE = (None, "header or footer", "short-line run", "between debris", "running header")
#: Words that, alone on a cover line, name the kind of document rather than the document
#: ("ERFARINGSRAPPORT" above the title).
_GENRE_WORD = re.compile(r"(?i)\w*(rapport|report|strategi|strategy|plan|notat|utredning|"
                         r"utgreiing|redegørelse|evaluering|evaluation|veileder|rettleiar|"
                         r"vägledning|vejledning)")


#: The fields of a report's colophon, printed after its cover.
_COLOPHON = re.compile(r"(?i)(tittel|title|titel|isbn|issn|utgiver|utgivar|udgiver|utgivare|"
                       r"publisher|forfattere?|forfattarar|författare|authors?)\b\s*:?\s*\S")
#: A person's name on a cover: two to four capitalised words ("Anne Grete Fossheim").
_NAMES = r"[A-ZÆØÅÄÖ][\w.'-]+(\s+[A-ZÆØÅÄÖ][\w.'-]+){1,3}"


def _is_organisation(line: str) -> bool:
    """Whether a cover line names an organisation: it ends with an organisation word
    ("Sogndal kommune"), starts with an institution's stem ("Institutet för
    välfärdsanalys"), or is a short name of capitalised words holding one ("Nordic Centre
    for Welfare and Social Issues", "Social- og Ældreministeriet"); never when its first
    word names a kind of document ("Handlingsplan for Lia kommune" is a plan's title)."""
    words = line.split()
    if not words or len(words) > 8 or re.search(r"[:?!–—]", line):
        return False
    if _GENRE_WORD.fullmatch(words[0]) and len(words) > 1:
        return False  # a document named by its kind first: "Handlingsplan for Lia kommune"
    stem = notice_cues()["institution"]
    if re.search(r"(?i)\b(kommune|kommun|municipality|county|fylkeskommune|region|"
                 r"ministeriet|departementet|direktoratet|styrelsen|universitet|"
                 r"university|høgskule|høgskole|college|institute|institutt)$", line) or \
            stem.match(words[0]):
        return True
    named = all(w[:1].isupper() or w.lower() in ("og", "i", "for", "of", "and", "för", "på",
                                                  "och", "af", "og", "fra", "från",
                                                  "the", "&", "-") for w in words)
    # a name of capitalised words ending in an organisation word in the plural or a union
    # ("Sveriges Kommuner och Regioner"); "i fire kommunar" in a subtitle is no name
    if named and re.search(r"(?i)\b(kommuner|kommunar|regioner|regionar|municipalities|"
                           r"regions|landsforening|förbund|forbund|organisasjon)$", line):
        return True
    return named and any(stem.search(w) or re.search(
        r"(?i)(ministeri|direktorat|styrelse|forsk|centre|center|senter|council|agency|"
        r"authority|board)", w) for w in words)


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
    contents = next((i for i, (ln, why) in enumerate(zip(lines[:HEAD_LINES * 2], reasons,
                                                         strict=False))
                     if why == "contents dot leaders" or _COLOPHON.match(ln.strip())), None)
    if contents is None or any(why in _NEVER_TITLE for why in reasons[:contents]):
        return ""  # skip links or a language switch above: a web page's fields, no cover
    blocks: list[list[str]] = [[]]
    for line in lines[:contents]:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    for block in blocks:
        if all(_is_organisation(ln) or (len(ln.split()) <= 3 and all(
                w[:1].isupper() for w in ln.split())) for ln in block):
            continue  # an organisation's block: "Vestland County Municipality / KS Vestland"
        title: list[str] = []
        acronym = ""  # a project's name in capitals above its title ("DIGIHJEM")
        for line in block:
            if not title and re.fullmatch(r"[A-ZÆØÅÄÖ][A-ZÆØÅÄÖ0-9-]{2,}", line) and \
                    not _GENRE_WORD.fullmatch(line):
                acronym = line
                continue
            number = re.search(rf"(?i)\b(nr|no)\.?\s*\d|{_YEAR}\s*[:/]\s*\d{{1,3}}\b|"
                               r"\b(rapport|report|notat|note|paper|serie|series)\w*\s+\d", line)
            dated = re.search(rf"(?i){_FULL_DATE}|\b(?:{_MONTHS})\.?\s+{_YEAR}", line)
            if title and line[:1].islower() and not dated:
                title[-1] += " " + line  # a title wrapped onto the next line
                continue
            if not title and (number or _is_organisation(line) or
                              (len(line.split()) == 1 and _GENRE_WORD.fullmatch(line))
                              or not title_is_plausible(line)):
                acronym = ""  # a series' name in capitals ("NOU") is not the project's
                continue  # above the title: an organisation, a report number, a kicker
            if number or dated or _is_organisation(line) or not title_is_plausible(line) or \
                    re.fullmatch(rf"{_NAMES}((,|\s+(og|and|och|&))\s+{_NAMES})+", line) \
                    or len(title) == 3:
                break  # under the title: a report number, a date, the authors
            title.append(line)
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
        found = re.fullmatch(r"([^:]{2,80}):\s+(.+)", line.strip())
        value = found.group(2) if found else ""
        return len(value.split()) >= 3 and not re.search(r"\d", value) and \
            bool(re.search(r"(?<![\w-])[^\W\d_A-ZÆØÅÄÖ]{2,}", value))
    if why == "running header":
        near = [ln.strip() for ln in lines[max(0, i - 4):i + 5] if ln.strip()]
        return near.count(line.strip()) > 1
    return False


def _title_score(line: str, lines: list[str]) -> float:
    """How much a line looks like a title rather than a site name or a menu item: longer
    (up to 20 words), printed twice (breadcrumb and heading), with a subtitle after a colon
    or dash; one or two words, or an organisation's name, count against it."""
    words = len(line.split())
    score = min(words, 20) + 3 * (sum(ln.strip() == line for ln in lines) > 1)
    score += 2 * bool(re.search(r":\s|\s[–—-]\s", line))
    if words <= 2:
        score -= 6
    if re.search(r"(?i)\b(kommune|municipality|universitet\w*|university|høgskule\w*|"
                 r"høgskole\w*|college|ministeriet|departement\w*|ministry|direktorat\w*|"
                 r"logo|network|nettverk\w*|nätverk\w*|institutt\w*|institute)\b$", line):
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
