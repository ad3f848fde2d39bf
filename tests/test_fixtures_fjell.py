"""Checks of the fjell fixture set (tests/fixtures/exported/fjell), written blind.

Brief: sick notes and sickness-absence follow-up going digital (digital sykmelding, dialogmøte and
oppfølgingsplan, sygemelding and opfølgningssamtale, läkarintyg and sjukskrivning, fit notes). The
round leans to the web: 16 saved HTML pages of varied CMS shapes, 3 pages saved by Chrome as one
.mhtml file, 2 pages printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word files, 4
text copies and 1 Markdown page; 32 documents, so the shared size and language checks of
fixturesets (36 to 40 documents) are replaced by the counts of this brief below.

Nothing here imports the documents: the three CSVs are read with LabelledSet and held first to
the conventions every set shares (fixturesets), then to the counts, roles and binaries of the
brief.
"""

import email
import re
from email import policy
from typing import NamedTuple

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "fjell")
# The <head> fields that carry a date and must then name the labelled year first.
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# The type a document's genre stands for: the genre is its notes' text up to " (", and each
# type's words are listed with "|" between them.
_GENRES = [
    ("other", "government portal's guide|municipal site's page|municipal site's nynorsk page|"
              "agency's page|agency's guidance page|news item|blog post|tender notice|"
              "call for proposals|press release|newsletter e-mail|council minutes"),
    ("policy_document", "consultation response|strategy|annual report"),
    ("project_report", "project catalogue page|working paper|evaluation report|final report"),
    ("abstract", "abstract|thesis record"),
    ("event_programme", "programme"),
]
GENRE_TYPES = {kind: re.compile(words) for kind, words in _GENRES}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "made by a word processor as a pdf": 4, "as a word file": 2, "copied with select all": 3,
         "saved as markdown": 1, "monolingual although": 2, "journal abstract": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# Each role of the brief: the opening of its holder's notes, its languages label, how its year
# evidence opens, the furniture lines that must be debris and the lines that must stay.
class Role(NamedTuple):
    opening: str
    languages: str
    evidence: str
    gone: set
    stay: set


ROLES = {
    'portal': Role(
        "government portal's guide", 'nb', '2024',
        gone={'Godta alle', 'Hopp til hovedinnhold', 'Logg inn i selvbetjeningsportalen',
              'Sist oppdatert: 3. september 2024'},
        stay={'Slik lager du oppfølgingsplanen',
              'Åpne saken til medarbeideren under Mine oppgaver.'}),
    'municipal': Role(
        "municipal site's page on sick notes", 'nb', 'no year: no 19xx',
        gone={'Accept all cookies', 'Chat med oss', 'Skip to content', 'Start chat',
              'Telefon: 38 00 00 00'},
        stay={'Dette må du ha med', 'Åpningstider'}),
    'agency': Role(
        "agency's page for gps", 'nb', '2025',
        gone={'Behandlertelefon: 23 00 00 00', 'Fastlege', 'Publisert 14.01.2025'},
        stay={'Slik sender du kravet'}),
    'portal abstract': Role(
        'university research portal', 'en', '2023',
        gone={'100%', 'Cite this', 'Contribution to conference', 'Fingerprint',
              'Meeting Abstract', 'Original language', 'Published - 21 Jun 2023',
              'Research output', 'Sick Leave', 'peer-review'},
        stay={'Abstract'}),
    'catalogue': Role(
        "funder's project catalogue page", 'en', 'no year: a running',
        gone={'01/02/2023', '31/07/2026', 'Award ID', 'End date', 'NIHR000000',
              'No outputs have been published for this award yet.', 'Start date'},
        stay={'Plain English summary', 'Scientific abstract'}),
    'journal page': Role(
        'journal abstract on a journal article page', 'en', '2022',
        gone={'12 Altmetric', '1342 Accesses', '3 Citations', 'Download PDF',
              'Published: 04 October 2022'},
        stay={'Background', 'Conclusions'}),
    'event': Role(
        'event page', 'nb', '2025',
        gone={'Fagdag', 'Meld deg på', 'Tid', 'Torsdag 27. mars 2025, kl. 09.00–15.30'},
        stay={'11.45–12.30Lunsj', 'Program'}),
    'news': Role(
        'news item with reader comments', 'nb', '2024',
        gone={'3 kommentarer', 'Mest lest', 'Publisert 18.11.2024 06:30', 'Skriv en kommentar',
              'skogsløper77'},
        stay={'Kommentarer'}),
    'blog': Role(
        'blog post', 'nb', 'no year: a blog',
        gone={'Legg igjen en kommentar', 'Proudly powered by WordPress', 'Skip to the content',
              'Sykefravær'},
        stay=set()),
    'guidance': Role(
        "agency's guidance page", 'en', 'no year: no 19xx',
        gone={'Accept recommended cookies', 'Is this page useful?', 'Related content',
              'Skip to content'},
        stay={'Reading the fit note', 'discuss phased hours or lighter duties'}),
    'remissvar': Role(
        "consultation response of an employers' organisation", 'sv', '2024',
        gone={'Dnr S2024/00000', 'Ladda ner som PDF', 'Remissvar'},
        stay={'Sammanfattning', 'Till Socialdepartementet'}),
    'høringssvar': Role(
        "consultation response of a patients' organisation", 'nb', '2023',
        gone={'2. oktober 2023', 'Del på Facebook', 'Høringssvar'},
        stay={'Med vennlig hilsen', 'Til Arbeids- og inkluderingsdepartementet'}),
    'thesis': Role(
        "master's thesis record", 'en;nb', '2021',
        gone={'30 Sept 2021', 'Award date', 'Download full text (PDF)', 'Student'},
        stay={'Abstract', 'Sammendrag'}),
    'tender': Role(
        'tender notice', 'nb', '2025',
        gone={'08.01.2026 12:00', 'Last ned alle dokumenter', 'Oppdragsgiver', 'Tilbudsfrist'},
        stay={'Kort beskrivelse'}),
    'call': Role(
        'call for proposals', 'sv', 'no year: an open call',
        gone={'Sista ansökningsdag: 4 mars 2026', 'Till ansökningsportalen', 'Öppen utlysning'},
        stay={'Så ansöker du'}),
    'nynorsk page': Role(
        "municipal site's nynorsk page", 'nn', 'no year: no 19xx',
        gone={'Hopp til hovudinnhald', 'Personalavdelinga: 37 00 00 00', 'Spørsmål?',
              'Var denne sida nyttig?'},
        stay={'Slik gjer vi det'}),
    'danish page': Role(
        "municipal site's page on the follow-up interview", 'da', '2024',
        gone={'CVR 00 00 00 00', 'Gå til indhold', 'Senest opdateret 11. juni 2024',
              'Telefon: 36 00 00 00'},
        stay={'Før samtalen'}),
    'press release': Role(
        'press release', 'en', '2023',
        gone={'12 July 2023', 'Media enquiries: [email protected]', 'Press release'},
        stay={'Notes to editors'}),
    'strategy': Role(
        'strategy with a horizon year', 'nb', '2025',
        gone={'Last ned strategien (PDF)', 'Vedtatt i kommunestyret 3. april 2025'},
        stay={'Mål', 'Risiko', 'Tiltak'}),
    'book of abstracts': Role(
        'book-of-abstracts page', 'en', '2025',
        gone={'Book of Abstracts', 'EUMASS Congress, 4–6 June 2025',
              'J. de Wit (invented), K. Eriksen (invented)'},
        stay=set()),
    'bilingual abstract': Role(
        'conference abstract in two languages', 'nn;en', '2024',
        gone={'Arbeidsmedisinsk vårmøte, 18. april 2024', 'Frie foredrag · Abstrakt 17'},
        stay={'Abstract', 'Samandrag'}),
    'evaluation': Role(
        'evaluation report with an english summary', 'nb;en', '2023',
        gone={'Oslo, juni 2023', 'Rapport 0/2023', 'Side 2',
              'Vivento | Evaluering av digitale dialogmøter | Rapport 0/2023'},
        stay={'English summary', 'Erfaringer fra sykmeldte, ledere og fastleger', 'Sammendrag'}),
    'minutes': Role(
        'council minutes', 'nn', '2024',
        gone={'Hægebostad kommune – Møteprotokoll', 'Møtedato 05.03.2024', 'Side 1'},
        stay={'Sak 00/24 Digital oppfølging av sjukmelde tilsette', 'Vedtak'}),
    'working paper': Role(
        'working paper of the research project', 'en;nb', '2023',
        gone={'2', 'FITDIG Working Paper 0/2023', 'November 2023'},
        stay={'Sammendrag på norsk', 'Summary'}),
    'annual report': Role(
        'annual report excerpt', 'nb', '2025',
        gone={'Side 2', 'Tjenesteområde 2023 2024',
              'Utdrag · Behandlet i kommunestyret 13. mars 2025'},
        stay={'3.1 Digital oppfølging', 'HMS, nærvær og oppfølging av sykmeldte'}),
    'word response': Role(
        'consultation response as a word file', 'da', '2024',
        gone={'DANSK ARBEJDSGIVERFORENING', 'Dato | 19. august 2024', 'Vores ref. | 2024-0000'},
        stay={'Med venlig hilsen'}),
    'final report': Role(
        'final report as a word file', 'nb', '2023',
        gone={'Farsund kommune – Nærværsprosjektet', 'Prosjektperiode | 2021–2023'},
        stay={'Bakgrunn', 'Resultater'}),
    'conference programme': Role(
        'conference programme copied', 'nb', '2025',
        gone={'KONFERANSE', 'Meld deg på her', 'Tirsdag 21. oktober 2025'},
        stay={'11.15–12.00Lunsj', 'Program'}),
    'newsletter': Role(
        'newsletter e-mail', 'en', '2025',
        gone={'Date: Thu, 6 Mar 2025 08:02:15 +0000', 'Register now',
              'Unsubscribe | Update your preferences'},
        stay={'Best wishes,', 'Dear colleague,'}),
    'nynorsk programme': Role(
        'seminar programme copied', 'nn', '2025',
        gone={'Dato: Onsdag 12. november 2025', 'Meld deg på'},
        stay={'11.45–12.30Lunsj', 'Program'}),
    'journal copy': Role(
        'journal abstract copied', 'en', '2021',
        gone={'Altmetric 9', 'Citations 4', 'Download PDF', 'Published: 14 July 2021',
              'Views 1,208'},
        stay={'Abstract', 'Background', 'Results'}),
    'markdown programme': Role(
        'workshop programme saved as markdown', 'en', '2025',
        gone={'**Date:** Friday 16 May 2025',
              '[Register on Eventbrite](https://www.eventbrite.co.uk/)'},
        stay={'## Programme', '- 11:45Coffee'}),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless SHAPES
# gives the exact zero-filled form of that kind.
IDS = {kind: re.compile(pattern) for kind, pattern in (row.split(" := ") for row in r"""
phone := (?:Sentralbord|Telefon|Behandlertelefon|Brukerstøtte|Switchboard|Telephone|Tel|Växel|\
Personalavdelinga): (?P<id>[+\d][\d ()+-]*\d)
organisation number := (?:Org\.nr\.?|CVR|Registered charity (?:number|no\.)) (?P<id>\d[\d -]*\d)
postal box := (?:Postboks|Box) (?P<id>\d+)
case number := (?:Dnr S20\d\d/|Sak |Vores ref\. \| 20\d\d-)(?P<id>\d+)
report number := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
award := NIHR(?P<id>\d+)
DOI := 10\.0000/[a-z]+/[a-z]+(?P<id>\d+)
ISSN := ISSN: (?P<id>[\d-]+)
EAN := EAN (?P<id>\d+)
article number := Article number: (?P<id>\d+)
""".replace("\\\n", "").strip().splitlines())}
SHAPES = {"phone": re.compile(r"(?:\+44 \(0\)\d{2,3} |0\d{2,4}[ -]|08-|[1-9]\d )[0 ]+")}
DOT_LEADER = re.compile(r"\.{10,}\d+$")
CHROMIUM = (re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d (?:AM|PM) "),
            re.compile(r"^(?:file|ﬁle):///\S+ \d+/\d+$"))

# PDF by the first three letters of its name: (pages, /Title or None, year of /CreationDate, or
# "printed" for the day Chromium printed it, or None; maker).
PDFS = {
    "b01": (1, "Book of Abstracts | EUMASS", "printed", "chromium"),
    "b02": (1, "Abstrakt – Norsk Arbeidsmedisinsk Forening", "printed", "chromium"),
    "p01": (4, "Evaluering av digitale dialogmøter", "2023", "word"),
    "p02": (2, None, None, "word"),
    "p03": (3, "Microsoft Word - wp1_fitdig_v3.docx", "2025", "word"),
    "p04": (2, "Årsrapport - HMS, nærvær og oppfølging", "2025", "word"),
}
# Word file by the first three letters of its name: (author, last modified by, year created).
WORD = {
    "w01": ("Dansk Arbejdsgiverforening", "Sekretariatet", 2024),
    "w02": ("Prosjektleder, Farsund kommune", "Personalavdelingen", 2023),
}


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


def holder(role: str) -> str:
    """The document whose notes open with the role's phrase."""
    return fs.by_notes(SET.labels, ROLES[role].opening)


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that are not debris (body, headings and neutral lines)."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields), the
    type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; the languages of the brief; the genres named; year situations and
    traps; the consultation responses are policy documents; every role held by one document."""
    labels = SET.labels
    SET.roles_check({role: spec.opening for role, spec in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] == 2 and parts["sv"] == 2, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    boilerplate = [n for n, lab in labels.items() if "monolingual although" in lab["notes"]]
    assert len(boilerplate) >= 2 and all(";" not in labels[n]["languages"] for n in boilerplate)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(3)


def test_programmes_identifiers_fields_and_contents():
    """Glued clock times in the programmes only; every kind of identifier present and zero-filled;
    three pages with field lists; no kept Markdown field line; nine dot-leader contents lines, all
    debris."""
    SET.glued_check()
    SET.identifiers_check({k: p.pattern for k, p in IDS.items()},
                          {k: p.pattern for k, p in SHAPES.items()})
    assert SET.field_pages() >= 3 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 9)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year situation
    are the expected ones, and three or more prose sentences survive."""
    name, spec = holder(role), ROLES[role]
    label, debris, prose = SET.labels[name], SET.debris_of(name), set(SET.sentences(name))
    assert not spec.gone - debris, spec.gone - debris
    assert not spec.stay - kept_lines(name), spec.stay - kept_lines(name)
    assert (label["languages"], label["year_evidence"][:len(spec.evidence)]) == \
        (spec.languages, spec.evidence)
    assert len(prose) >= 3 and prose.isdisjoint(debris)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Each PDF's page count and metadata as the README states: Chromium's own (the page's
    <title> and the day it was printed, never the labelled year) with its print header and
    footer as debris; the word processor's set afterwards (a real, a junk or no /Title; a
    /CreationDate in the document's year, none, or one re-exported two years later)."""
    name, (pages, title, created, maker) = named(key), PDFS[key]
    label, reader = SET.labels[name], PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages and meta.get("/Title") == title
    year = (meta.get("/CreationDate") or "")[2:6] or None
    if maker == "chromium":
        assert "HeadlessChrome" in meta["/Creator"] and year and year != label["year"]
        stamped = [ln for ln in SET.lines[name] if any(p.search(ln) for p in CHROMIUM)]
        assert len(stamped) == 2 * pages and set(stamped) <= SET.debris_of(name)
        assert title != label["title"] and any(line.endswith(f" {title}") for line in stamped)
    else:
        assert year == created
        if year and year != label["year"]:
            assert int(year) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("key", sorted(WORD))
def test_word_file(key):
    """The Word files' core properties: an organisation or a role as author, not python-docx as
    the last editor, created and modified in the labelled year; furniture in header and footer."""
    name, (author, editor, year) = named(key), WORD[key]
    document = docx.Document(str(SET.folder / name))
    core = document.core_properties
    assert (core.author, core.last_modified_by) == (author, editor)
    assert core.created.year == core.modified.year == year == int(SET.labels[name]["year"])
    heads = {p.text for s in document.sections for p in s.header.paragraphs if p.text}
    feet = {p.text for s in document.sections for p in s.footer.paragraphs if p.text}
    assert heads and feet and heads | feet <= SET.debris_of(name)
    assert document.tables and all(" | " in ln for ln in SET.debris_of(name) if ln[0].isupper()
                                   and ln not in heads | feet and "|" in ln)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """The pages Chrome saved as one file: Blink's headers, the page as quoted-printable HTML,
    and one stylesheet and one image part beside it; the Subject is the page's <title>."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n")
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message.get_content_type() == "multipart/related"
    parts = [p for p in message.iter_parts()]
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    title = re.search(r"<title>(.*?)</title>", parts[0].get_content()).group(1)
    assert message["Subject"] == title and title in SET.debris_of(name)
    assert message["Date"].datetime.year >= int(SET.labels[name]["year"])
