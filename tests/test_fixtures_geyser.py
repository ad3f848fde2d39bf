"""Checks of the geyser fixture set (tests/fixtures/exported/geyser), written blind.

Brief: how people who are offline are helped to use digital welfare services (digitalt
utenforskap, digital inkludering, Digihjelpen and library help desks, Digital Hjælp in
borgerservice, digital vardagshjälp, assisted digital support in the UK, proxy access and
fullmakt). 32 documents leaning to the web: 16 pages saved as HTML, 3 pages saved by Chrome as
one .mhtml file, 2 pages printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word
files, 4 text copies and 1 page saved as Markdown. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here: the labels, debris and prose are held to the shared conventions
of fixturesets (LabelledSet and its checks) and then to the brief: each document's role (a
table), the set's mix, year traps and the binaries' pages, metadata and properties.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

FOLDER = fs.SETS / "geyser"
SET = fs.LabelledSet(FOLDER)
# The <head> fields that date a saved page (page_check holds them to the labelled year).
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# The one type that each genre opening a document's notes stands for (fs.genre_types).
GENRE_WORDS = [("event_programme", "programme"),
               ("abstract", "abstract|thesis record"),
               ("project_report", "catalogue page|working paper|evaluation report|final report"),
               ("policy_document", "strategy|action plan|consultation response"),
               ("other", "help desk page|service page|news item|blog post|tender notice|"
                         "call for proposals|press release|minutes|newsletter")]
GENRE_TYPES = {kind: re.compile(words) for kind, words in GENRE_WORDS}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"glued to talk titles": 4, "saved as one file": 3, "printed to pdf by the browser": 2,
         "as a pdf": 4, "as a word file": 2, "copied": 2, "pasted": 2, "saved as markdown": 1,
         "consultation response": 2, "boilerplate, label": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
PARTS = {"nb": 13, "en": 11, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence).
ROLES = {
    "library": ("library help desk page (trondheim",
                {"We use cookies", "Skip to content", "Accept all", "Chat med en bibliotekar",
                 "Sentralbord: 72 00 00 00", "Søk i katalogen"},
                {"Slik fungerer Digihjelpen", "Åpningstider for Digihjelpen"}, "nb",
                "no year: no 19xx"),
    "english page": ("library help desk page saved as one file",
                     {"Åpningstider", "Personvernerklæring", "Telefon: 55 00 00 00", "Norsk"},
                     {"What we can help with"}, "en", "no year: no 19xx"),
    "danish": ("municipality's service page (rødovre",
               {"Gå til indhold", "Sidst opdateret: 12. september 2024", "CVR 00 00 00 00"},
               {"Sådan får du hjælp", "Fritagelse for Digital Post"}, "da", "2024"),
    "swedish": ("municipality's service page (vellinge",
                {"Lättläst", "Fick du svar på din fråga?", "Kontaktcenter: 040-00 00 00"},
                {"Så ansöker du"}, "sv", "no year: no 19xx"),
    "portal": ("government portal's strategy page",
               {"Skip to main content", "First published: 21 March 2023", "Cymraeg",
                "Is this page useful?"}, {"Our commitments"}, "en", "2023"),
    "agency": ("agency's service page",
               {"Logg inn med ID-porten", "Hopp til hovedinnhold", "Oppdatert 3. februar 2025",
                "Chatbot: Spør Vegard"}, {"Slik gjør du det", "Fullmakt"}, "nb", "2025"),
    "research portal": ("conference paper abstract on a university's research portal",
                        {"Contribution to conference", "Fingerprint", "Libraries 82%",
                         "Original language", "Published - 12 Jun 2024"}, {"Abstract"}, "en",
                        "2024"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektnummer", "2025–2028", "Ingen publikasjoner registrert", "SKF-VELFERD"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"Visninger: 1 204", "CrossRef-siteringer: 3", "Altmetric", "Last ned PDF",
                 "[email protected]"}, {"Sammendrag", "Abstract"}, "nb;en", "2023"),
    "event": ("event page with a seminar programme",
              {"Meld deg på", "Torsdag 17. oktober 2024", "Påmeldingsfrist"},
              {"Program", "12:00Lunsj"}, "nb", "2024"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også",
              "tussa_k: Nav burde betale for dette, ikke kommunen."}, set(), "nb", "2024"),
    "blog": ("blog post of a research group",
             {"Posted by Offline Lives team in Fieldnotes", "Leave a comment", "Recent posts",
              "← Previous post"}, set(), "en", "no year: only"),
    "plan": ("action plan page", {"Hopp til hovudinnhald", "Publisert 28.06.2024",
                                  "Last ned planen som PDF"}, {"Tiltak"}, "nn", "2024"),
    "tender": ("tender notice", {"Sista anbudsdag", "2026-01-15", "Diarienummer", "KS 2025/000"},
               {"Beskrivning av upphandlingen"}, "sv", "2025"),
    "call": ("call for proposals", {"Deadline", "5 March 2027, 12:00", "Apply now"},
             {"What we fund", "How to apply"}, "en", "no year: only"),
    "press": ("press release", {"13 May 2025", "Press release", "Media enquiries"},
              {"Notes to editors"}, "en", "2025"),
    "response page": ("consultation response of a municipality",
                      {"Høringssvar", "Vår ref.: 2024/000", "Publisert 30.04.2024"},
                      {"Til Kommunal- og distriktsdepartementet", "Med vennlig hilsen"}, "nb",
                      "2024"),
    "seminar": ("seminar programme saved as one file", {"Torsdag 6. februar 2025", "Meld deg på"},
                {"Program", "10.15Slutt"}, "nb", "2025"),
    "danish news": ("news item saved as one file",
                    {"Analyse", "Af Mette Holm (opdigtet)", "28. august 2023"}, set(), "da",
                    "2023"),
    "abstracts page": ("book-of-abstracts page printed",
                       {"Session 3: Proxies and helpers",
                        "Next abstract: 3.3 Library staff as digital caseworkers"}, set(), "en",
                       "2023"),
    "printed page": ("municipality's service page printed",
                     {"Sist oppdatert 9. januar 2025", "Del sidaSkriv ut", "Servicetorget"},
                     {"Opningstider"}, "nn", "2025"),
    "minutes pdf": ("council minutes as a pdf",
                    {"Side 1", "Askøy kommune – Møteprotokoll", "Møtedato: 12.03.2024"},
                    {"Vedtak", "Enstemmig vedtatt."}, "nb", "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Evaluering av Digihjelpen", "Norstat | side 2", "Oktober 2023",
                    "3 Funn ........................ 5"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2023"),
    "strategy": ("strategy as a pdf", {"Strategi for digital inkludering", "Side 3",
                                       "2 Mål ........................ 2"},
                 {"2 Mål", "3 Tiltak", "2030"}, "nb", "2024"),
    "paper": ("working paper of the research project", {"DIGIHJEM Working Paper 0/2025", "1", "2"},
              {"Summary", "First findings from volunteer centres in Agder"}, "en", "2025"),
    "response word": ("consultation response as a word file",
                      {"NORD-FRON KOMMUNE", "Vår ref.: | 23/000", "Dato: | 14.02.2023"},
                      {"Med helsing", "Nord-Fron kommune"}, "nn", "2023"),
    "minutes word": ("board minutes as a word file",
                     {"Date | 16 January 2024", "Minutes – not yet approved – Page 1"},
                     {"3. Any other business"}, "en", "2024"),
    "newsletter": ("newsletter e-mail pasted",
                   {"Unsubscribe | Update your preferences", "View this email in your browser",
                    "Sent: Thursday, 10 November 2022 10:02"},
                   {"Dear network partner,", "Best wishes,"}, "en", "2022"),
    "programme copy": ("seminar programme copied", {"Dato: Onsdag 12. mars",
                                                    "Påmelding: [email protected]"},
                       {"Program", "12.00Lunsj"}, "nn", "no year: only"),
    "thesis": ("master's thesis record copied", {"Item Type:\tThesis (Masters)",
                                                 "Deposited On:\t15 Nov 2021 14:05"},
               {"Abstract", "Sammendrag"}, "en;nb", "2021"),
    "final report": ("final report pasted from a pdf",
                     {"Kirkenes, juni 2024", "Sluttrapport Digihjelp — Sør-Varanger kommune",
                      "1 Bakgrunn ..................................... 2"},
                     {"1 Bakgrunn", "Sluttrapport"}, "nb", "2024"),
    "markdown": ("workshop programme saved as markdown",
                 {"**Date:** Thursday 6 March", "*   [Events](/events)"},
                 {"## Programme", "12:30Lunch"}, "en", "no year: no 19xx"),
}

# The word processor's PDFs: (pages, /Title: "real", "junk" or None, /CreationDate year or None).
WORD_PDFS = {"p01_askoy_kommune_moteprotokoll_helse_omsorg_nb.pdf": (2, "junk", 2024),
             "p02_norstat_evaluering_digihjelpen_trondheim_nb_en.pdf": (4, "real", 2025),
             "p03_bindal_kommune_digital_inkludering_mot_2030_nb.pdf": (4, "junk", 2024),
             "p04_vennesla_digihjem_working_paper_en.pdf": (2, None, None)}
BROWSER_PDFS = ["b01_northumbria_book_of_abstracts_borrowed_logins_en.pdf",
                "b02_averoy_kommune_digital_assistanse_servicetorget_nn.pdf"]
PEOPLE = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b(?<!Democratic Services)")

IDS = {
    "phone": r"(?:Telefon|Telephone|Sentralbord|Kundtjänst|Kontaktcenter|Press office): "
             r"(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "DOI": r"10\.0000/nmt\.20\d\d\.(?P<id>\d+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "postal box": r"Postboks (?P<id>\d+)",
    "case number": r"(?:Sak |Vår ref\.: (?:\| )?(?:20)?\d\d/|KS 20\d\d/)(?P<id>\d+)",
    "report number": r"(?:Rapport|Working Paper) (?P<id>\d+)/20\d\d",
    "charity number": r"(?:SC|charity \()(?P<id>\d+)",
}
FORMS = {"phone": r"(?:0191|0300|0000) [0 ]+|[1-9]\d [0 ]+|0\d\d?-[0 ]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


# Each role's document, found by the opening of its notes (one document a role).
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields),
    the type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages by part; four bilingual documents or more; the genres named;
    every year situation and trap three times or more; consultation responses typed
    policy_document; every document holds one role of the table."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(SET.labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    _, parts, openers = fs.language_counts(SET.labels)
    assert {code: n for code, n in PARTS.items() if parts[code] < n} == {}, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 2
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert {k: len(v) for k, v in traps.items() if k != "repeated" and len(v) < 3} == {}
    assert traps["repeated"] == []
    SET.consultations_check(2)
    assert sorted(HOLDERS.values()) == SET.on_disk


def test_programmes_identifiers_and_contents():
    """Programmes, and only they, glue times to titles (four kept lines each); eight kinds of
    identifier occur, all zero-filled; twelve dot-leader contents lines, all debris; three saved
    pages carry field lists and no Markdown field line is kept."""
    SET.glued_check()
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 12)
    assert SET.field_pages() >= 3 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize(("role", "spec"), ROLES.items(), ids=list(ROLES))
def test_role(role, spec):
    """A role's furniture is debris, its headings or lines are visible and stay, and its
    languages label and the opening of its year evidence are the expected ones."""
    label, debris = SET.labels[HOLDERS[role]], SET.debris_of(HOLDERS[role])
    _, furniture, headings, languages, evidence = spec
    missing = {line for line in furniture if line not in debris}
    dropped = {line for line in headings if line in debris or line not in SET.lines[label["file"]]}
    assert (missing, dropped) == (set(), set())
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


def test_boilerplate_only_pages_are_monolingual():
    """The Bokmål page with an English cookie banner and skip link, and the English page with a
    Norwegian footer, are labelled with one language, and that boilerplate is debris."""
    for role, foreign in (("library", {"We use cookies", "Skip to content"}),
                          ("english page", {"Åpningstider", "Kontakt oss"})):
        name = HOLDERS[role]
        assert ";" not in SET.labels[name]["languages"]
        assert foreign <= SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(WORD_PDFS))
def test_word_processor_pdf(name):
    """Pages and metadata as the README states: /Title real (the label), junk (a Word file
    name) or absent; /CreationDate in the given year or absent; the re-exported report's
    evidence names its /CreationDate."""
    pages, title, created = WORD_PDFS[name]
    reader = PdfReader(FOLDER / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    if title == "real":
        assert meta["/Title"] == label["title"]
    elif title == "junk":
        assert meta["/Title"].startswith("Microsoft Word - ") and meta["/Title"].endswith(".docx")
    else:
        assert "/Title" not in meta
    if created is None:
        assert "/CreationDate" not in meta and "no /CreationDate" in label["year_evidence"]
    else:
        assert meta["/CreationDate"][2:6] == str(created)
        if str(created) != label["year"]:
            assert created - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", BROWSER_PDFS)
def test_browser_pdf(name):
    """Printed by Chromium: one page, its /Title the page's <title> (a debris line, not the
    title), its dates the day of printing and not the labelled year; the stamp lines debris."""
    reader = PdfReader(FOLDER / name)
    meta, label = reader.metadata, SET.labels[name]
    assert len(reader.pages) == 1 and meta["/Producer"].startswith("Skia/PDF")
    assert meta["/Title"] != label["title"] and meta["/Title"] in " ".join(SET.debris_of(name))
    assert meta["/CreationDate"][2:6] != label["year"]
    stamps = [ln for ln in SET.lines[name]
              if re.match(r"\d+/\d+/\d\d, ", ln) or ln.endswith(" 1/1")]
    assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".docx")])
def test_word_file(name):
    """Core properties: author an organisation or a role, last_modified_by not python-docx,
    created and modified in the labelled year; header and footer lines are debris."""
    document = docx.Document(str(FOLDER / name))
    props, label = document.core_properties, SET.labels[name]
    assert props.author and not PEOPLE.fullmatch(props.author)
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    assert {props.created.year, props.modified.year} == {int(label["year"])}
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs}
    assert furniture <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """Saved by Chrome as one file: Blink's headers, the page as a quoted-printable text/html
    part, and at least one more part (a stylesheet or an image)."""
    data = (FOLDER / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n") and message["Subject"]
    assert message["Snapshot-Content-Location"].strip().startswith("https://")
    assert message["Date"]
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
    label = SET.labels[name]
    assert message["Subject"] != label["title"] or label["title"] in SET.debris_of(name)
