"""Checks of the fjell fixture set (tests/fixtures/exported/fjell), written blind.

Brief: sick notes and sickness-absence follow-up going digital (digital sykmelding, dialogmøte and
oppfølgingsplan, sygemelding and opfølgningssamtale, läkarintyg and sjukskrivning, fit notes). The
round leans to the web: 16 saved HTML pages of varied CMS shapes, 3 pages saved by Chrome as one
.mhtml file, 2 pages printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word files, 4
text copies and 1 Markdown page; 32 documents, so the shared size and language checks of
fixturesets (36 to 40 documents) are replaced by the counts of this brief below.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "fjell")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"government portal's guide|municipal site's (?:page|nynorsk page)|"
             r"agency's (?:page|guidance page)|news item|blog post|tender notice|"
             r"call for proposals|press release|newsletter e-mail|council minutes",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"project catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "made by a word processor as a pdf": 4, "as a word file": 2, "copied with select all": 3,
         "saved as markdown": 1, "monolingual although": 2, "journal abstract": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "portal": ("government portal's guide",
               {"Hopp til hovedinnhold", "Godta alle", "Sist oppdatert: 3. september 2024",
                "Logg inn i selvbetjeningsportalen"},
               {"Slik lager du oppfølgingsplanen",
                "Åpne saken til medarbeideren under Mine oppgaver."},
               "nb", "2024"),
    "municipal": ("municipal site's page on sick notes",
                  {"Skip to content", "Accept all cookies", "Chat med oss", "Start chat",
                   "Telefon: 38 00 00 00"}, {"Åpningstider", "Dette må du ha med"}, "nb",
                  "no year: no 19xx"),
    "agency": ("agency's page for gps", {"Fastlege", "Publisert 14.01.2025",
                                         "Behandlertelefon: 23 00 00 00"},
               {"Slik sender du kravet"}, "nb", "2025"),
    "portal abstract": ("university research portal",
                        {"Research output", "Contribution to conference", "Meeting Abstract",
                         "peer-review", "Fingerprint", "Sick Leave", "100%", "Original language",
                         "Published - 21 Jun 2023", "Cite this"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("funder's project catalogue page",
                  {"Award ID", "NIHR000000", "Start date", "01/02/2023", "End date", "31/07/2026",
                   "No outputs have been published for this award yet."},
                  {"Scientific abstract", "Plain English summary"}, "en", "no year: a running"),
    "journal page": ("journal abstract on a journal article page",
                     {"1342 Accesses", "3 Citations", "12 Altmetric", "Download PDF",
                      "Published: 04 October 2022"}, {"Background", "Conclusions"}, "en", "2022"),
    "event": ("event page", {"Fagdag", "Tid", "Torsdag 27. mars 2025, kl. 09.00–15.30",
                             "Meld deg på"}, {"Program", "11.45–12.30Lunsj"}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "skogsløper77", "Skriv en kommentar", "Mest lest",
              "Publisert 18.11.2024 06:30"}, {"Kommentarer"}, "nb", "2024"),
    "blog": ("blog post", {"Skip to the content", "Proudly powered by WordPress",
                           "Legg igjen en kommentar", "Sykefravær"}, set(), "nb",
             "no year: a blog"),
    "guidance": ("agency's guidance page",
                 {"Skip to content", "Accept recommended cookies", "Is this page useful?",
                  "Related content"},
                 {"Reading the fit note", "discuss phased hours or lighter duties"}, "en",
                 "no year: no 19xx"),
    "remissvar": ("consultation response of an employers' organisation",
                  {"Remissvar", "Dnr S2024/00000", "Ladda ner som PDF"},
                  {"Till Socialdepartementet", "Sammanfattning"}, "sv", "2024"),
    "høringssvar": ("consultation response of a patients' organisation",
                    {"Høringssvar", "2. oktober 2023", "Del på Facebook"},
                    {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb",
                    "2023"),
    "thesis": ("master's thesis record", {"Student", "Award date", "30 Sept 2021",
                                          "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2021"),
    "tender": ("tender notice", {"Oppdragsgiver", "Tilbudsfrist", "08.01.2026 12:00",
                                 "Last ned alle dokumenter"}, {"Kort beskrivelse"}, "nb", "2025"),
    "call": ("call for proposals", {"Öppen utlysning", "Sista ansökningsdag: 4 mars 2026",
                                    "Till ansökningsportalen"}, {"Så ansöker du"}, "sv",
             "no year: an open call"),
    "nynorsk page": ("municipal site's nynorsk page",
                     {"Hopp til hovudinnhald", "Spørsmål?", "Personalavdelinga: 37 00 00 00",
                      "Var denne sida nyttig?"}, {"Slik gjer vi det"}, "nn", "no year: no 19xx"),
    "danish page": ("municipal site's page on the follow-up interview",
                    {"Gå til indhold", "Senest opdateret 11. juni 2024", "Telefon: 36 00 00 00",
                     "CVR 00 00 00 00"}, {"Før samtalen"}, "da", "2024"),
    "press release": ("press release", {"Press release", "12 July 2023",
                                        "Media enquiries: [email protected]"},
                      {"Notes to editors"}, "en", "2023"),
    "strategy": ("strategy with a horizon year", {"Vedtatt i kommunestyret 3. april 2025",
                                                  "Last ned strategien (PDF)"},
                 {"Mål", "Tiltak", "Risiko"}, "nb", "2025"),
    "book of abstracts": ("book-of-abstracts page",
                          {"EUMASS Congress, 4–6 June 2025", "Book of Abstracts",
                           "J. de Wit (invented), K. Eriksen (invented)"}, set(), "en", "2025"),
    "bilingual abstract": ("conference abstract in two languages",
                           {"Arbeidsmedisinsk vårmøte, 18. april 2024",
                            "Frie foredrag · Abstrakt 17"}, {"Samandrag", "Abstract"}, "nn;en",
                           "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Oslo, juni 2023", "Side 2",
                    "Vivento | Evaluering av digitale dialogmøter | Rapport 0/2023"},
                   {"Sammendrag", "English summary",
                    "Erfaringer fra sykmeldte, ledere og fastleger"},
                   "nb;en", "2023"),
    "minutes": ("council minutes", {"Møtedato 05.03.2024", "Hægebostad kommune – Møteprotokoll",
                                    "Side 1"},
                {"Vedtak", "Sak 00/24 Digital oppfølging av sjukmelde tilsette"}, "nn", "2024"),
    "working paper": ("working paper of the research project",
                      {"FITDIG Working Paper 0/2023", "November 2023", "2"},
                      {"Summary", "Sammendrag på norsk"}, "en;nb", "2023"),
    "annual report": ("annual report excerpt",
                      {"Utdrag · Behandlet i kommunestyret 13. mars 2025",
                       "Tjenesteområde 2023 2024", "Side 2"},
                      {"HMS, nærvær og oppfølging av sykmeldte", "3.1 Digital oppfølging"}, "nb",
                      "2025"),
    "word response": ("consultation response as a word file",
                      {"DANSK ARBEJDSGIVERFORENING", "Vores ref. | 2024-0000",
                       "Dato | 19. august 2024"}, {"Med venlig hilsen"}, "da", "2024"),
    "final report": ("final report as a word file",
                     {"Farsund kommune – Nærværsprosjektet", "Prosjektperiode | 2021–2023"},
                     {"Resultater", "Bakgrunn"}, "nb", "2023"),
    "conference programme": ("conference programme copied",
                             {"KONFERANSE", "Tirsdag 21. oktober 2025", "Meld deg på her"},
                             {"Program", "11.15–12.00Lunsj"}, "nb", "2025"),
    "newsletter": ("newsletter e-mail", {"Date: Thu, 6 Mar 2025 08:02:15 +0000", "Register now",
                                         "Unsubscribe | Update your preferences"},
                   {"Dear colleague,", "Best wishes,"}, "en", "2025"),
    "nynorsk programme": ("seminar programme copied", {"Dato: Onsdag 12. november 2025",
                                                       "Meld deg på"},
                          {"Program", "11.45–12.30Lunsj"}, "nn", "2025"),
    "journal copy": ("journal abstract copied", {"Views 1,208", "Citations 4", "Altmetric 9",
                                                 "Download PDF", "Published: 14 July 2021"},
                     {"Abstract", "Background", "Results"}, "en", "2021"),
    "markdown programme": ("workshop programme saved as markdown",
                           {"**Date:** Friday 16 May 2025",
                            "[Register on Eventbrite](https://www.eventbrite.co.uk/)"},
                           {"## Programme", "- 11:45Coffee"}, "en", "2025"),
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
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


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
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert (parts["nb"], parts["en"]) >= (14, 11) and parts["nn"] >= 3, parts
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
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3 and not set(SET.sentences(name)) & SET.debris_of(name)


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
