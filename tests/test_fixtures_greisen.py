"""Checks of the greisen fixture set (tests/fixtures/exported/greisen), written blind.

Brief: how people with little Norwegian, Danish or Swedish get welfare information and services
digitally (interpreters by video, translated and plain-language letters, multilingual pages and
chatbots). 32 documents leaning to the web: 16 saved HTML pages, 3 pages Chrome saved as one
file (.mhtml), 2 pages printed to PDF by Chromium, 4 word processors' PDFs, 2 Word files, 4
text copies and a Markdown page. Every document holds one role of the brief (a table below).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief and to the binaries'
pages and properties as the README states them.
"""

import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "greisen")
# The head fields of a saved page that carry its date (checked against the labelled year).
META_DATES = frozenset(("event:start_time", "citation_publication_date",
                        "article:modified_time", "article:published_time"))

# For each type, the genre words that may open a document's notes (the text before " (").
GENRE_WORDS = (
    ("event_programme", ["programme"]),
    ("abstract", ["abstract", "conference contribution", "journal article page", "thesis record"]),
    ("project_report", ["catalogue page", "project page with final report", "evaluation report",
                        "working paper"]),
    ("policy_document", ["action plan", "strategy", "annual report", "consultation response"]),
    ("other", ["service page", "portal page", "news item", "blog post", "tender notice",
               "call for proposals", "press release", "council minutes", "newsletter"]),
)
GENRE_TYPES = dict((kind, re.compile("|".join(map(re.escape, words))))
                   for kind, words in GENRE_WORDS)
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2, "press release": 2,
         "saved as one file by chrome": 3, "printed to pdf by chromium": 2,
         "word processor's pdf": 4, "word file": 2, "labelled monolingual": 2,
         "a later year": 4}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGE = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence).
ROLES = {
    "portal": ("government portal page on the right to an interpreter",
               {"Godkänn alla kakor", "Gå direkt till innehållet", "Växel: 010-000 00 00",
                "Lyssna", "Senast uppdaterad: 2025-02-10"},
               {"Så gör du", "Berätta vilket språk du talar."}, "sv", "2025"),
    "municipal": ("municipal service page on booking an interpreter",
                  {"Skip to content", "Accept all", "Start chat", "Logg inn med BankID",
                   "Sentralbord: 00 00 00 00", "Chatten er bemannet hverdager 09–14."},
                  {"Slik gjør du", "Åpningstider Servicetorget",
                   "Mandag til fredag kl. 08.00–15.00"}, "nb", "no year: no 19xx"),
    "agency": ("agency service page on video interpreting",
               {"Hopp til hovedinnhold", "Sist oppdatert 3. mai 2024", "Logg inn for ansatte",
                "Les også", "Kopier lenke"}, {"Når passer videotolk?"}, "nb", "2024"),
    "research portal": ("conference contribution on a university research portal",
                        {"Contribution to conference", "Fingerprint", "Machine translation 100%",
                         "Publication date", "Cite this", "peer-review"}, {"Abstract"}, "en",
                        "2023"),
    "catalogue": ("funder's project catalogue page of klartekst",
                  {"VELFERD-SPRÅK", "Prosjektperiode", "2024–2027", "Ingen publikasjoner funnet",
                   "Tilbake til prosjektoversikten"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal article page in comparative migration studies",
                {"2184 Accesses", "7 Citations", "19 Altmetric", "Download PDF",
                 "Cite this article", "Published: 21 March 2024"}, {"Abstract"}, "en", "2024"),
    "seminar": ("seminar programme with clock times glued to talk titles",
                {"Dato", "Torsdag 24. april 2025", "Meld deg på her", "Påmeldingsfrist"},
                {"Program", "11.15Lunsj"}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"NYHETER", "3 kommentarer", "Skriv en kommentar", "Mest lest",
              "Publisert 18.11.2024 06:30"},
             {"Kommunen har inngått avtale med et tolkebyrå om skjermtolk på over 40 språk."},
             "nb", "2024"),
    "blog": ("research group blog post",
             {"Skip to content", "Recent posts", "Proudly powered by WordPress", "Fieldnotes"},
             {"What we found"}, "en", "no year: only"),
    "danish portal": ("government portal page on interpreter assistance",
                      {"Gå til indhold", "Senest opdateret 29. august 2024", "Læs op"},
                      {"Sådan får du en tolk"}, "da", "2024"),
    "plan": ("action plan page",
             {"Hopp til hovudinnhald", "Last ned planen (PDF)", "Sist endra 14.03.2025",
              "Vedteken i heradsstyret 12. mars 2025, sak 000/25"}, {"Mål", "Tiltak"}, "nn",
             "2025"),
    "thesis": ("master's thesis record from a university archive",
               {"Master thesis", "Author", "Download full text (PDF)", "Downloads: 312"},
               {"Abstract", "Sammendrag"}, "en;nb", "2022"),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "14.02.2026 kl. 12:00", "CPV-kode", "Gå til konkurransegrunnlaget"},
               {"Beskrivelse"}, "nb", "no year: only"),
    "call": ("call for proposals with a future deadline",
             {"Publisert 3. november 2025", "Gå til søknadsskjema"}, {"Hvem kan søke?", "Frist"},
             "nb", "2025"),
    "press": ("press release (",
              {"Press release", "9 September 2025", "Norsk", "Personvernerklæring",
               "Sentralbord: 00 00 00 00", "Contact"},
              {"One in four misread translated benefit letters, study finds"}, "en", "2025"),
    "bilingual abstract": ("journal abstract in two languages",
                           {"Publisert 2023-10-02", "Emneord: klarspråk, vedtaksbrev, innvandrere",
                            "Visninger: 0 411"}, {"Sammendrag", "Abstract"}, "nb;en", "2023"),
    "plain language": ("municipal service page on reading a decision letter",
                       {"Var denne siden nyttig?", "Lytt", "Hopp til hovedinnhold"},
                       {"Hva betyr ordene?", "Vil du ha hjelp?"}, "nb", "no year: no 19xx"),
    "swedish press": ("press release of a municipality",
                      {"Pressmeddelande", "Publicerad 20 november 2024", "Presskontakt"},
                      {"– Det handlar om att alla ska förstå sitt eget ärende, säger socialchef "
                       "Lena Holm (påhittad)."}, "sv", "2024"),
    "workshop": ("workshop programme with clock times glued to talk titles",
                 {"Date", "17 October 2024", "Register", "Add to calendar"},
                 {"Programme", "12.00Lunch"}, "en", "2024"),
    "final report page": ("project page with final report",
                          {"Prosjektperiode 2020–2023 · Sluttrapport publisert 12.01.2024",
                           "Sentralbord: 00 00 00 00"}, {"Bakgrunn", "Resultater"}, "nb", "2024"),
    "book of abstracts": ("book-of-abstracts page of a conference",
                          {"Session 3B · Interpreting",
                           "Next abstract: Plain language and the right to be heard"},
                          {"Interpreters on screen: trust and"}, "en", "2023"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2022", "Rapport 0/2022", "Side 2",
                    "Rapport 0/2022 · Skjermtolking i Kobbervik", "Legevakten 188 71 %"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2022"),
    "strategy": ("strategy with a horizon year",
                 {"Vedtatt av kommunestyret 20. juni 2023", "Kobbervik kommune – strategidokument"},
                 {"2 Mål", "3 Tiltak", "mot 2030"}, "nb", "2023"),
    "paper": ("working paper of the research project klartekst",
              {"KLARTEKST Working Paper 0/2025", "Lindhavn, May 2025", "Page 2",
               "[1] The letters were tested at four local offices."},
              {"Summary", "Findings", "Notes"}, "en", "2025"),
    "annual report": ("annual report excerpt",
                      {"Godkjend av styret 14. mars 2024", "Tolketenesta Vest IKS · Årsmelding"},
                      {"Årsmelding 2023", "Frå dagleg leiar"}, "nn", "2024"),
    "minutes": ("council minutes in a word file",
                {"Møtedato | 11.06.2024", "Brattfjell kommune", "Protokoll HHO 11.06.2024",
                 "Saksnr. | PS 00/24"}, {"Vedtak"}, "nb", "2024"),
    "danish response": ("consultation response in a word file",
                        {"København, 6. maj 2024", "§ 7 | Videotolkning: bør være et tilbud, "
                         "ikke et krav", "Tolkeforeningen Øst"},
                        {"Med venlig hilsen", "Til Indenrigs- og Sundhedsministeriet"}, "da",
                        "2024"),
    "copied seminar": ("seminar programme copied",
                       {"Thursday 6 March 2025", "Register here", "Home / Events / Seminar"},
                       {"Programme", "11.15Lunch"}, "en", "2025"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this e-mail in your browser", "Unsubscribe | Update your preferences",
                    "Sent: 2 October 2025 10:14"}, {"Dear friends of MULTIWEL,", "Best wishes,"},
                   "en", "2025"),
    "conference abstract": ("conference abstract copied",
                            {"Presented: 12 June 2024, 13:30–13:50, Room B000",
                             "Download abstract (PDF)", "Nordic Welfare Research Conference 2024"},
                            {"Abstract"}, "en", "2024"),
    "norwegian response": ("consultation response pasted out of a pdf",
                           {"Deres ref.: 21/0000", "Lindhavn, 3. september 2021", "Side 1 av 1"},
                           {"Til Kommunal- og distriktsdepartementet", "Med vennlig hilsen"}, "nb",
                           "2021"),
    "markdown programme": ("staff gathering programme saved as markdown",
                           {"**Dato:** Torsdag 12. juni", "[Hopp til hovudinnhald](#main)"},
                           {"## Program", "09.00Velkomen og kaffi"}, "nn", "no year: no 19xx"),
}

# The binaries as the README states them: PDF pages, /CreationDate year (None: absent) and
# /Title (None: absent); Chromium's PDFs carry the day they were printed.
PDFS = {
    "p01_kobbervik_evaluering_skjermtolking_nb_en.pdf":
        (4, "2022", "Microsoft Word - evaluering_skjermtolk_v3.docx"),
    "p02_kobbervik_strategi_likeverdige_tjenester_mot_2030_nb.pdf":
        (3, "2025", "Strategi for likeverdige tjenester mot 2030"),
    "p03_klartekst_working_paper_letters_en.pdf": (2, None, None),
    "p04_tolketenesta_vest_arsmelding_2023_nn.pdf": (2, "2024", "Årsmelding 2023"),
}
CHROMIUM = ["c01_kobbervik_prosjekt_chat_flere_sprak_sluttrapport_nb.pdf",
            "c02_language_access_conference_book_of_abstracts_page_en.pdf"]
WORD = {"w01_brattfjell_protokoll_hovedutvalg_helse_nb.docx": "Politisk sekretariat",
        "w02_tolkeforeningen_ost_hoeringssvar_tolkeloven_da.docx": "Tolkeforeningen Øst"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
PRINT_HEAD = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")
PRINT_FOOT = re.compile(r"^\S+:///?\S+ \d+/\d+$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared checks of each file (labels, placement, an HTML page's head and fields, genre and
    type agreeing, later prose years named); a single-file page's Blink headers in their order,
    and its title and fields as debris."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)
    if name.endswith(".mhtml"):
        data = (SET.folder / name).read_bytes()
        heads = [line.split(b":")[0] for line in data.split(b"\n")[:12] if line[:1].isalpha()]
        assert heads[:6] == [b"From", b"Snapshot-Content-Location", b"Subject", b"Date",
                             b"MIME-Version", b"Content-Type"]
        assert data.startswith(b"From: <Saved by Blink>")
        page = fs.BeautifulSoup(fs.mhtml_page(data), "html.parser")
        assert page.head.title.get_text().strip() in SET.debris_of(name)
        assert page.head.title.get_text().strip() != SET.labels[name]["title"]
        assert all(tag.get_text().strip() in SET.debris_of(name)
                   for tag in page.find_all(["dt", "dd"]))


def test_whole_set():
    """Files, CSVs and README tables; 32 documents in the brief's formats; all five types four
    times or more; languages by first language and four bilingual documents; the genres
    named; year situations and traps; the consultation responses are policy documents; each
    role held by a document of its own."""
    openings = {key: row[0] for key, row in ROLES.items()}
    SET.roles_check(openings)
    labels, columns = SET.labels, SET.by_column
    assert (len(labels), dict(columns["format"])) == (32, FORMATS)
    assert sorted(columns["doc_type"]) == sorted(fs.TYPES), columns["doc_type"]
    assert all(count >= 4 for count in columns["doc_type"].values())
    openers = fs.Counter(lab["languages"].partition(";")[0] for lab in labels.values())
    assert dict(openers) == FIRST_LANGUAGE, openers
    mixed = {lab["file"]: lab["doc_type"] for lab in labels.values() if ";" in lab["languages"]}
    assert len(mixed) >= 4 and {"abstract", "project_report"} <= set(mixed.values())
    assert fs.missing_genres(labels, NAMED) == {}
    monolingual = [lab for lab in labels.values() if "labelled monolingual" in lab["notes"]]
    assert len(monolingual) == 2 and all(";" not in lab["languages"] for lab in monolingual)
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    assert len(ROLES) == len(labels)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith((".html", ".mhtml"))])
def test_cms_markup(name):
    """A saved page carries the whole markup a CMS writes: doctype, meta description, Open
    Graph and Dublin Core or citation_* tags, JSON-LD, inline and linked scripts, a header with
    a menu and a footer; none of it reaches the visible lines but the `<title>`."""
    path = SET.folder / name
    raw = fs.mhtml_page(path.read_bytes()) if name.endswith(".mhtml") else path.read_text("utf-8")
    page = fs.BeautifulSoup(raw, "html.parser")
    assert raw.startswith("<!DOCTYPE html>")
    keys = [meta.get("name") or meta.get("property") or "" for meta in page.head.find_all("meta")]
    assert "description" in keys and any(k.startswith("og:") for k in keys)
    assert any(k.startswith(("DC.", "citation_")) for k in keys)
    scripts = page.find_all("script")
    assert any(s.get("type") == "application/ld+json" for s in scripts)
    assert any(s.get("src") for s in scripts) and any(not s.get("src") and not s.get("type")
                                                       for s in scripts)
    assert page.find("header").find("ul") and page.find("footer")
    assert not any("schema.org" in line or "dataLayer" in line for line in SET.lines[name])


def test_programmes_fields_and_contents():
    """Glued clock times in the programmes only, four kept lines or more each; five saved
    pages with field lists; no kept Markdown field line; seven dot-leader contents lines, all
    debris; every e-mail address the placeholder."""
    SET.glued_check()
    assert len([n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"]) == 4
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)
    mails = {m for lines in SET.lines.values() for line in lines
             for m in re.findall(r"\S+@\S+", line)}
    assert mails == set()


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and kind of
    year evidence are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris = SET.debris_of(name)
    assert not gone - debris, gone - debris
    assert stay <= set(SET.lines[name]) and not stay & debris, stay
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3 and not set(SET.sentences(name)) & SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Pages and metadata as the README states; the re-exported PDF names its property in the
    evidence; running heads and page numbers are debris."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    stamp = meta.get("/CreationDate")
    assert (stamp[2:6] if stamp else None) == created
    if created and int(created) - int(label["year"]) >= 2:
        assert "/CreationDate" in label["year_evidence"] and created in label["year_evidence"]
    numbers = {line for line in SET.lines[name] if re.fullmatch(r"(?:Side|Page) \d+", line)}
    assert len(numbers) == pages and numbers <= SET.debris_of(name)
    assert meta.get("/Producer") != "pypdf"


@pytest.mark.parametrize("name", CHROMIUM)
def test_chromium_pdf(name):
    """Chromium's print head (date, time, page title) and foot (address, page count) are kept
    as written and debris; the PDF's dates are the day it was printed, never the label."""
    reader = PdfReader(SET.folder / name)
    lines, label = SET.lines[name], SET.labels[name]
    heads = [line for line in lines if PRINT_HEAD.match(line)]
    feet = [line for line in lines if PRINT_FOOT.match(line)]
    assert len(heads) == len(feet) == len(reader.pages) >= 1
    assert set(heads + feet) <= SET.debris_of(name)
    assert reader.metadata["/Title"] in heads[0] and reader.metadata["/Title"] != label["title"]
    assert "HeadlessChrome" in reader.metadata["/Creator"]
    assert reader.metadata["/CreationDate"][2:6] != label["year"]
    assert "the day it was printed" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: created and modified in the document's year, an organisation as
    author, not python-docx as last editor; header and footer lines are debris; a table row
    is debris."""
    document = docx.Document(str(SET.folder / name))
    props, label = document.core_properties, SET.labels[name]
    assert str(props.created.year) == str(props.modified.year) == label["year"]
    assert props.author == WORD[name] and props.last_modified_by not in ("", "python-docx")
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
    assert any(" | " in line for line in SET.debris_of(name))
