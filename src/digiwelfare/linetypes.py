"""What kind of line a line of an exported page is, by its shape alone: a sentence of prose,
an author list, an affiliation, fields written as sentences. The words these shapes look for
(function words, institution stems, declaration headings) are generic words of English,
Bokmål, Nynorsk, Danish and Swedish; the stems and headings are editable in
``lexicon/notice_cues.yaml``. :mod:`digiwelfare.clean` decides from these shapes, and from where
a line stands, whether it is debris.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from digiwelfare.config import lexicon_file

#: A sentence of at most this many words can be a notice (in the footer, under a declaration
#: heading, on a cover); a longer one is text.
NOTICE_WORDS = 30
#: Lines before a text's first sentence or after its last one, of at most this many words and
#: no sentence, are its header or footer.
ZONE_WORDS = 25
#: A line with a sentence of at least this many words is a paragraph of text: notices are
#: looked for only after the last one (footer) or before the first one (front matter).
PARAGRAPH_WORDS = 12
#: Lines of a text that count as its head, where cover dates, titles and genre cues are
#: printed.
HEAD_LINES = 25

# Function words of English, Bokmål, Nynorsk, Danish and Swedish: a line with some of them
# and a sentence ending reads as prose, whatever its language.
_FUNCTION_WORDS = frozenset("""
a an the of to in on at by for from with without and or but not no is are was were be been
being has have had do does did will would can could should may might must shall this that
these those it its we our they their them he she his her you your i which who whom whose what
when where how why as than then there here if so such into about over under between after
before during while because also only all any each more most other some very
og i på av til for fra med uten ikke er var har hadde blir ble vil skal kan kunne skulle må
den det de dem deres en et ei som at om når hvor hvordan hva hvorfor men eller også bare
seg sin sitt sine vi oss vår våre han hun hans hennes du dere meg jeg mellom etter før under
over gjennom mot ved hos slik så enn da dette disse noe noen alle hver mye mer mest
eg ikkje dei eit ein frå kva korleis kvifor berre òg vere vore sjølv heile noko nokon
kvar mykje meir mest medan saman me dykk hjå
af ikke jeg hvad hvem hvis nu være været blev bliver skal kan kunne mellem efter før
også kun alle hver meget mere mest sådan således ved hos
och att är var har hade blir blev ska kan kunde inte jag vad hur varför eller också bara
sig sin sitt sina vi oss vår han hon hans hennes du ni mig mellan efter före under över
genom mot vid hos så än då detta dessa något några alla varje mycket mer mest
""".split())

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

#: A clock time, or a span of two, as programmes print them: "09.30", "kl. 10:15",
#: "13.00–14.30" (match it at a line's start: the talk may follow on the same line); not a
#: date's day and month ("04.03.2024").
CLOCK_TIME = re.compile(r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?!\d)(?![.:/]\d)"
                        r"(?:\s*[-–—]\s*\d{1,2}[:.]\d{2}(?!\d))?", re.IGNORECASE)
#: A line opening with a clock time, as a programme's slots do ("09.30–10.15Welcome",
#: "10:00 Opening", "kl. 12.00 Lunsj"); "10.30 and closes ...": a sentence goes on.
CLOCK_START = re.compile(r"\s*(?:kl\.?\s*)?(?:[01]?\d|2[0-3])[.:][0-5]\d(?!\d)"
                         r"(?!\s*[a-zæøåäö])")
#: A clock time alone on its line, but for punctuation: the end of a wrapped sentence
#: ("... hevet klokken" / "18.45."), not a slot.
CLOCK_ALONE = re.compile(r"\s*(?:kl\.?\s*)?\d{1,2}[.:]\d\d\W*")

#: Dates as pages print them, in the five languages: "14. juni 2024", "2 May 2025",
#: "May 2, 2025", "15.06.2023", "2023-06-15".
MONTHS = (r"jan(uar[iy]?|\.)?|feb(ruar[iy]?|\.)?|mar(ch|s|ts|\.)?|apr(il|\.)?|ma[iyj]|"
          r"jun[ei]?|jul[iy]?|aug(ust[i]?|\.)?|sep(t(ember)?|\.)?|o[ck]t(ober|\.)?|"
          r"nov(ember|\.)?|de[cs](ember|\.)?")
YEAR = r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)"
# a day, or a range of days ("12–13"), English ones perhaps ordinal ("June 11th, 2025")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\.?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\.?)?"
FULL_DATE = (rf"(?:\d{{1,2}}[./-]\s?\d{{1,2}}[./-]\s?{YEAR}|{YEAR}-\d{{1,2}}-\d{{1,2}}|"
             rf"{_DAY}\s+(?:{MONTHS})\.?,?\s+{YEAR}|(?:{MONTHS})\.?\s+{_DAY},?\s+{YEAR})")
_FULL_DATE = re.compile(FULL_DATE, re.IGNORECASE)
#: A collection of conference papers' names ("Book of Abstracts", "Abstract book", "Book of
#: proceedings"): its running head over one paper dates the paper and names no title.
BOOK_OF_ABSTRACTS = (r"book of abstracts|abstract book|abstracts book|book of proceedings|"
                     r"abstrakter|abstraktbok|abstraktsamling|abstraktboken|abstraktbog|"
                     r"abstractbog|abstractbok|abstrakthefte|abstracthefte|"
                     r"boka? med (?:sammendrag|samandrag)|sammendragshefte|samandragshefte|"
                     r"boka? over (?:sammendrag|samandrag)|sammendragsbok|samandragsbok")
#: A journal's volume and issue words, as source lines print them ("Volume 34", "årg. 30";
#: "Issue 3", "Supplement 3", "nr 2").
JOURNAL_VOLUME = r"(?:volume|vol\.?|årg\.?|årgang|årgång|argang|jg\.?)"
JOURNAL_ISSUE = r"(?:issue|supplement|suppl\.?|number|no\.?|nr\.?|hefte|häfte)"
#: What follows the year in a journal's source line in Vancouver style: "; 32 (1)" (pages may
#: follow), or ", 42(1)" with nothing after it but pages (so "Frå 2020, 3(b) til i dag" is
#: no source line).
JOURNAL_AFTER_YEAR = (r"[ \t]*(?:;[ \t]*\d{1,4}[ \t]*:[ \t]*[\w-]{1,12}[ \t]*$|"
                      r";[ \t]*\d{1,4}[ \t]*\([ \t]*[\w-]{1,6}[ \t]*\)|,[ \t]*\d{1,4}"
                      r"[ \t]*\([ \t]*[\w-]{1,6}[ \t]*\)[ \t]*(?::[ \t]*\d+[ \t]*(?:[–-][ \t]*\d+)?"
                      r"[ \t]*)?$)")
#: A journal's name with its volume and issue: ", Volume 34, Supplement 3" (the year after).
JOURNAL_VOLUME_ISSUE = (rf",[ \t]*{JOURNAL_VOLUME}[ \t]*\d{{1,4}},[ \t]*{JOURNAL_ISSUE}[ \t]*"
                        r"[\w-]{1,6}")
_ENDS_IN_DATE = re.compile(rf"(?:{FULL_DATE})\s*[.!]?\s*$", re.IGNORECASE)


def line_ends_in_date(line: str) -> bool:
    """Whether a line ends in a full date ("Avgitt til departementet 2. mai 2025.")."""
    return bool(_ENDS_IN_DATE.search(line))


def line_has_date(line: str) -> bool:
    """Whether a line holds a full date (:data:`FULL_DATE`)."""
    return bool(_FULL_DATE.search(line))

# Affiliation marks after an author's name ("Holm¹", "Dahl*", "Berg2,3") and the words a name
# of an institution may hold besides its names ("University of Agder", "Høgskolen i Østfold").
_MARK = r"[\u00b9\u00b2\u00b3\u2070-\u2079*†‡]"
_MARKS = rf"(?:{_MARK}+(?:,{_MARK}+)*|(?<=[^\W\d_])\d{{1,2}}(?:,\d{{1,2}})*)"
_NAME_WORD = r"[A-ZÆØÅÄÖÜ](?:[^\W\d_]+|\.)(?:-[A-ZÆØÅÄÖÜ][^\W\d_]+)?"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:van|von|de|der|af|la|le)\s+)?{_NAME_WORD}){{1,3}}"
# a mark, or "(NTNU)", maybe with marks after it ("Kari Holm (NTNU)¹")
_AUTHOR = rf"{_NAME}(?:\s?{_MARKS}|\s\([^()]{{1,60}}\)(?:{_MARK}+(?:,{_MARK}+)*)?)?"
_AUTHOR_LIST = re.compile(rf"{_AUTHOR}(?:\s*(?:,|;|&|\band\b|\bog\b|\boch\b)\s*{_AUTHOR})*")
_CONNECTORS = frozenset("of for för and og och i in at the de der af på ved vid".split())
#: A line that opens with a person's name (:data:`_NAME`, a bracketed note after it aside),
#: then a comma: "Eli Nordby, Universitetet i Tromsø".
_NAME_FIRST = re.compile(rf"\s*{_NAME}(?:\s*\([^()]{{1,30}}\))?\s*,")


def line_opens_with_name(line: str) -> bool:
    """Whether a line opens with a person's name and a comma (a byline's shape).

    >>> line_opens_with_name("Eli Nordby (invented), Universitetet i Tromsø")
    True
    >>> line_opens_with_name("Universitetet i Bergen, Høgskulen på Vestlandet")
    False
    """
    return _NAME_FIRST.match(line) is not None


_NAME_WORD_RE = re.compile(_NAME_WORD)


def line_names_person_and_body(line: str) -> bool:
    """Whether a line is a person's name and then, without a comma, the body they come from
    (a speaker list's "Tove Lunde University of Stavanger").

    >>> line_names_person_and_body("Kari Holm (invented) Universitetet i Bergen")
    False
    >>> line_names_person_and_body("Kari Holm Universitetet i Bergen")
    True
    """
    from digiwelfare.organisations import line_is_organisation

    words = line.split()
    return any(len(words) > n and all(_NAME_WORD_RE.fullmatch(w) for w in words[:n])
               and line_is_organisation(" ".join(words[n:])) for n in (2, 3))


_SENTENCE_END = re.compile(
    r"[.!?…]['\"»”’)]*[\u00b9\u00b2\u00b3\u2070-\u2079†‡]*(\s?\[\d{1,3}\])*$")


def line_is_sentence(line: str) -> bool:
    """Whether a line reads as prose: at least three words with a function word and a
    sentence ending ("Fagdagen er gratis."), or eighteen words of which a quarter are
    function words (a title or a field line is rarely that long without a full stop).

    >>> line_is_sentence("The project has resulted in four publications."), line_is_sentence(
    ...     "No publications found")
    (True, False)
    """
    words = WORD.findall(line)
    if len(words) < 3:
        return False
    function = sum(map(_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    # (a footnote's mark may follow the end: "... ved kontoret.²")
    # (after its end, a note's superscript or its number in brackets: "... deltakerne.[2]")
    ends = _SENTENCE_END.search(line.strip())
    if ends and function >= 1:
        return True
    # no listed function word, but the shape of a sentence: a capital, four words or more of
    # which most are in lower case, an end ("Kommunen dekker tiltakene innenfor budsjettet.")
    if ends and len(words) >= 4 and line.strip()[:1].isupper() and ":" not in line and \
            sum(w[:1].islower() for w in words) >= 0.6 * len(words):
        return True
    return len(words) >= 18 and function >= 0.25 * len(words)



@lru_cache(maxsize=1)
def notice_cues() -> dict[str, re.Pattern]:
    """The cue words of ``lexicon/notice_cues.yaml``, compiled: ``heading`` matches a whole
    declaration heading (a reference list's heading among them), ``inline`` a line that opens
    with one and a colon, ``institution`` a word that starts with an institution's stem,
    ``text heading`` a word of a heading that announces text ("Norsk sammendrag"), ``widget``
    a word of a widget that counts readers, ``references`` a line that is a reference list's
    heading alone.
    """
    text = lexicon_file("notice_cues.yaml").read_text("utf-8")
    cues = yaml.safe_load(text)
    references = "|".join(f"(?:{c})" for c in cues["reference_headings"])
    heading = "|".join(f"(?:{c})" for c in [*cues["declaration_headings"],
                                             *cues["reference_headings"]])
    stems = "|".join(f"(?:{c})" for c in cues["institution_stems"])
    text = "|".join(f"(?:{c})" for c in cues["text_headings"])
    widget = "|".join(f"(?:{c})" for c in cues["widget_words"])
    return {"heading": re.compile(rf"(?:{heading})\s*:?", re.IGNORECASE),
            "inline": re.compile(rf"(?:{heading})\s*:\s+\S.*", re.IGNORECASE),
            "institution": re.compile(rf"(?<!\w)(?:{stems})", re.IGNORECASE),
            "text heading": re.compile(rf"(?<!\w)(?:{text})(?!\w)", re.IGNORECASE),
            "widget": re.compile(rf"(?<!\w)(?:{widget})(?!\w)", re.IGNORECASE),
            "references": re.compile(rf"^[ \t#*]*(?:{references})[ \t:]*$",
                                     re.IGNORECASE | re.MULTILINE)}


#: A mark, or a letter with a digit glued to it; searched as two patterns (the second only in
#: a line with a digit), which finds what one pattern of both would, about 3 times sooner.
_MARK_RE = re.compile(_MARK)
_GLUED_DIGIT = re.compile(r"[^\W\d_]\d")
_DIGIT = re.compile(r"\d")
_BRACKETS_JOINED = re.compile(r"\)\s*(,|&|\band\b|\bog\b|\boch\b)")


def line_is_author_list(line: str) -> bool:
    """Whether a line lists authors with affiliation marks: names of two to four capitalised
    words, each maybe followed by a superscript, an asterisk, a glued digit or an
    affiliation in brackets, joined by commas or "and" in one of the five languages, with at
    least one mark.

    >>> line_is_author_list("Kari Holm¹, Ola Dahl² og Siri Berg*")
    True
    >>> line_is_author_list("Digital Boards, Home Care and Welfare Technology")
    False
    """
    line = line.strip()
    marked = _MARK_RE.search(line) or (_DIGIT.search(line) and _GLUED_DIGIT.search(line)) or (
        # brackets: two names or more
        line.endswith(")") and _BRACKETS_JOINED.search(line))
    return bool(marked) and bool(_AUTHOR_LIST.fullmatch(line))


def line_is_affiliation(line: str) -> bool:
    """Whether a line has the shape of an affiliation: two or more comma-separated parts of at
    most eight words, none starting in lower case, one holding an institution's word
    (``lexicon/notice_cues.yaml``), and no function word but those names hold ("of", "i",
    "för"). Prose has verbs and pronouns; an affiliation has none.

    >>> line_is_affiliation("¹ Department of Social Work, University of Agder, Norway")
    True
    >>> line_is_affiliation("We interviewed staff at two hospitals, a university and NAV.")
    False
    """
    text = re.sub(rf"{_MARK}+|(?<!\w)\d{{1,2}}(?=\s)", " ", line).strip().rstrip(".")
    if re.match(r"[^\W\d][^:,;]{0,30}:\s", text):
        return False  # a labelled field ("Ansvarleg: Avdelingsleiar, Nav Sunnfjord")
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if len(parts) < 2 or len(line.split()) > NOTICE_WORDS:
        return False
    if any(len(p.split()) > 8 or p[:1].islower() for p in parts):
        return False
    if any(w.lower() in _FUNCTION_WORDS and w.lower() not in _CONNECTORS
           for w in WORD.findall(text)):
        return False
    return bool(notice_cues()["institution"].search(text))


def line_is_fields(line: str) -> bool:
    """Whether a line is fields printed as sentences ("Deadline: 15 January 2025.
    Notification: 1 March 2025."): two or more "Label: value" parts, each value short, with
    a number and no function word (a value is a date or an amount, not a clause: "Mål: Alle
    skal ha tilbud innen 2030." is text).

    >>> line_is_fields("Frist: 1. mars 2025. Svar: 1. april 2025."), line_is_fields(
    ...     "Mål: Alle skal ha tilbud innen 2030. Tiltak: Opplæring i 2025.")
    (True, False)
    """
    parts = [p.rstrip(".; ") for p in re.split(r"(?<=[.;])\s+(?=[A-ZÆØÅÄÖÜ])", line.strip())]
    if len(parts) < 2:
        return False
    found = [re.fullmatch(r"([^\W\d][^:!?]{0,40}):\s*(\S[^:]*)", p) for p in parts]
    return all(f and len(f.group(1).split()) <= 4 and len(f.group(2).split()) <= 6
               and re.search(r"\d", f.group(2)) and not any(
                   w.lower() in _FUNCTION_WORDS for w in WORD.findall(f.group(2)))
               for f in found)


@lru_cache(maxsize=200_000)
def line_key(line: str) -> str:
    """What two copies of a boilerplate line share: lower case, digits as ``#``, no edge
    punctuation, single spaces."""
    key = re.sub(r"\d+", "#", line.lower())
    return " ".join(key.split()).strip(" .,:;|-–—•·")


#: A document named by its kind and its year alone ("Årsrapport 2023", "Annual report 2024",
#: "Handlingsplan 2025-2028"): a title, not a code or a row of figures.
KIND_AND_YEAR = re.compile(r"(?i)\s*(?:\w+\s+){0,2}?\w*(?:rapport|report|melding|beretning|"
                            r"redovisning|strategi|strategy|plan|program|programme|"
                            r"handlingsplan|evaluering|evaluation)\s+(?:19|20)\d\d"
                            r"(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*")


def line_is_numbers_or_code(line: str, most_words: int) -> bool:
    """Whether a line is figures or a code rather than words: no letter at all, or at most
    ``most_words`` words of which none is in lower case or half hold a digit; a document
    named by its kind and year (:data:`KIND_AND_YEAR`) is none."""
    words = line.split()
    if words and not any(c.isalpha() for c in line) and any(c.isdigit() for c in line):
        return True  # a row of figures, however long ("38 % 22 % 45 % 17 %")
    if not words or len(words) > most_words or KIND_AND_YEAR.fullmatch(line):
        return False
    lower = [w for w in WORD.findall(line) if re.search(r"[^\W\d_A-ZÆØÅÄÖ]{2}", w)]
    digits = sum(any(c.isdigit() for c in w) for w in words)
    return not lower or digits * 2 >= len(words)


def line_is_label(line: str) -> bool:
    """A short line that is a field's label alone ("Prosjektleder:"), no clause that
    introduces what follows."""
    return bool(re.fullmatch(r"[^\W\d][^:!?]{0,40}:", line)) and len(line.split()) <= 5 \
        and not _introduces(line[:-1])


def line_is_label_value(line: str) -> bool:
    """A short label and its value in one line ("Project number: 2031")."""
    # a colon followed by a digit is a number's ("NOU 2023:19", "10:15"), not a label's
    found = re.fullmatch(r"([^\W\d][^:!?]{0,40}):(?!\d)\s*(\S.*)", line)
    return bool(found) and len(found.group(1).split()) <= 4 and len(line.split()) <= 12 \
        and not _introduces(found.group(1))


#: Finite forms of the verbs "be", "have" and the modals in the five languages: a field's
#: label names the field ("Project number", "Søknadsfrist") and holds none of them.
_FINITE = frozenset("""is are was were has have had will would can could should must does
did er var har hadde blir ble vil skal kan kunne skulle må vert vart hev havde bliver blev
är hade blir blev ska kommer finns""".split())


def _introduces(words: str) -> bool:
    """Whether the words before a colon are a clause that introduces what follows ("The
    project has three aims", "Prosjektet har tre mål"): four words or more with a finite verb
    of :data:`_FINITE` ("You are here" and "Hvem kan søke" stay labels)."""
    found = re.findall(r"\w+", words.lower())
    return len(found) >= 4 and any(w in _FINITE for w in found)


def line_is_field(line: str) -> bool:
    """Whether a line is a catalogue field: a short "Label:" or "Label: value" (a colon
    followed by a digit is a number's, "NOU 2023:19", "10:15")."""
    return line_is_label(line) or line_is_label_value(line)
