"""Checks of the kaolin fixture set (tests/fixtures/exported/kaolin), written blind.

Brief: digital case management and documentation in child welfare services (case systems,
documentation duties, supervisory audits, families' access to their own records, procurement).
32 documents leaning to the web: 16 saved pages, 3 pages saved as one file (.mhtml), 2 pages
printed to PDF by Chromium, 4 PDFs from a word processor, 2 Word files, 4 text copies and 1
Markdown page. Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and glued times in two copied programmes only, so fixturesets' size_check and
trap_check (36 to 40 documents, three glued programmes) are replaced by the counts below.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "kaolin")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's page|municipality's page|news item|blog post|tender notice|"
             r"call for proposals|press release|newsletter|council minutes",
    "policy_document": r"consultation response|report landing page|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 2, "journal abstract": 2, "conference abstract": 1,
         "as a pdf from a word processor": 4, "printed to pdf by the browser": 2,
         "saved as one file": 3, "as a word file": 2, "copied": 3, "pasted": 1,
         "saved as markdown": 1, "clock times glued to talk titles": 2,
         "labelled monolingual": 2, "in two languages": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence).
ROLES = {
    "inspection": ("agency's page on how inspectors sample",
                   {"Skip to main content", "Accept all cookies", "Updated 14 March 2024",
                    "Phone: 0300 000 0000"},
                   {"What happens during record sampling"}, "en", "'Updated 14 March 2024'"),
    "response": ("consultation response from a leaders' forum",
                 {"Skip to content", "Accept all cookies", "Høringssvar", "Del på Facebook"},
                 {"Med vennlig hilsen", "Til Barne- og familiedepartementet"}, "nb",
                 "'Publisert 6. oktober 2023'"),
    "supervisor": ("agency's page for providers",
                   {"Gå til indhold", "CVR 00 00 00 00", "Var siden nyttig?"},
                   {"Før tilsynsbesøget", "Telefontid"}, "da", "no year: no 19xx"),
    "news": ("news item with reader comments on social workers'",
             {"3 kommentarer", "Skriv en kommentar", "Läs också", "Text: Karin Berg (påhittad)"},
             {"Kommentarer"}, "sv", "'Publicerad 11 februari 2025'"),
    "portal": ("conference abstract on a university research portal",
               {"Fingerprint", "Case records 100%", "Original language", "English",
                "Publication date", "14 Jun 2023"}, {"Abstract"}, "en", "'Publication date"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "2023–2026", "Granted", "2022",
                   "No publications registered yet."}, {"About the project"}, "en",
                  "no year: only the project period"),
    "journal": ("journal abstract on a journal article page",
                {"Views 1,204", "CrossRef citations to date 3", "Altmetric 12", "Download PDF",
                 "[email protected]"}, {"Abstract"}, "en", "'Published: 02 May 2024'"),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "15. august 2025", "CPV-kode", "Konkurransegrunnlag (PDF)"},
               {"Kort beskrivelse"}, "nb", "'Publisert 2. juni 2025'"),
    "strategy": ("strategy with a horizon year",
                 {"Hopp til hovudinnhald", "Vedteken 12. juni 2024", "Last ned strategien (PDF)"},
                 {"Mål", "Tiltak"}, "nn", "'Vedteken 12. juni 2024'"),
    "portal page": ("municipality's page saved as one file",
                    {"Chat med oss", "Start chat", "Logg inn på Min side",
                     "Chatten er åpen på hverdager 09.00–14.00"},
                    {"Slik logger du inn", "Åpningstider", "Mandag–fredag 08.00–15.30"}, "nb",
                    "no year: no 19xx"),
    "programme copy": ("seminar programme copied with select all",
                       {"Meld deg på", "Påmeldingsfrist 1. september", "Webinar"},
                       {"Program"}, "nb", "no year: no 19xx"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Bergen, september 2023", "Side 3",
                    "Evaluering av strukturerte journalmaler | Rapport 0/2023"},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en",
                   "'Bergen, september 2023'"),
    "minutes": ("council minutes",
                {"Møtedato: 27.05.2019", "PS 00/19 Nytt fagsystem for barnevernstenesta",
                 "Radøy kommune – Møteprotokoll", "Side 2"},
                {"Saker til handsaming", "Vedtak: Levekårsutvalet tek orienteringa til vitande."},
                "nn", "'Møtedato: 27.05.2019'"),
    "paper": ("working paper of the research project",
              {"DOKSPOR Working Paper 0/2023", "Page 2"}, {"Summary", "Sammendrag"}, "en;nb",
              "'Working Paper 0/2023, December 2023'"),
    "letter": ("consultation response of a municipality as a word file",
               {"Radøy kommune", "Vår ref.: 19/000 | Dykkar ref.: 19/0000 | Dato: 02.07.2019"},
               {"Med helsing", "Barne- og likestillingsdepartementet"}, "nn", "'Dato: 02.07.2019'"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences"},
                   {"Dear colleague,", "Best wishes,"}, "en", "'Sent: Tuesday, 22 October 2024"),
}

# PDF: (pages, /Title or None, year of /CreationDate or None, Chromium-printed)
PDFS = {
    "c01_kskonsulent_pressemelding_innsyn_nb.pdf": (2, None, None, True),
    "c02_barnevernlederforum_abstraktbok_nb.pdf": (1, None, None, True),
    "p01_bus_evaluering_journalmaler_nb_en.pdf": (
        7, "Evaluering av strukturerte journalmaler i barnevernet", "2023", False),
    "p02_radoy_protokoll_levekarsutvalet_nn.pdf": (
        2, "Microsoft Word - protokoll_v3.docx", "2019", False),
    "p03_dokspor_working_paper_en_nb.pdf": (5, "DOKSPOR Working Paper", "2025", False),
    "p04_socialtilsynet_aarsrapport_uddrag_da.pdf": (4, None, None, False),
}
DOCX = {"d01_radoy_hoyringsfrasegn_barnevernslov_nn.docx": ("Radøy kommune", 2019),
        "d02_barnevernlederforum_samling_program_nb.docx": ("Norsk barnevernlederforum", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks; four bilingual documents; genres named;
    year situations; consultation responses are policy documents; every role held once."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert counts["format"] == Counter(html=16, mhtml=3, pdf=6, docx=2, txt=4, md=1), counts
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    parts = fs.language_counts(labels)[1]
    least = {"nb": 13, "en": 11, "nn": 3, "da": 2, "sv": 2}
    assert {code: parts[code] for code in least if parts[code] < least[code]} == {}, parts
    assert len([lab for lab in labels.values() if ";" in lab["languages"]]) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """Glued clock times only in programmes and in the two copied programmes four times or more,
    none of them debris; every dot-leader contents line is debris, twelve or more."""
    glued = {n for n in SET.on_disk if any(map(fs.GLUED_TIME.search, SET.lines[n]))}
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert len(glued) == 2 and glued <= programmes
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    SET.contents_check(DOT_LEADER, 12)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    assert gone - SET.debris_of(name) == set()
    assert stay - (set(SET.lines[name]) - SET.debris_of(name)) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; Chromium's head and foot are debris."""
    pages, title, year, chromium = PDFS[name]
    reader = PdfReader(fs.SETS / "kaolin" / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    if chromium:
        assert "/CreationDate" in meta and "/Title" in meta  # Chromium's own, left as written
        foot = [line for line in SET.lines[name] if re.search(r" \d/\d$", line)]
        head = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)]
        assert len(foot) == pages and head and set(foot + head) <= SET.debris_of(name)
    else:
        assert meta.get("/Title") == title
        created = meta.get("/CreationDate")
        assert (created[2:6] if created else None) == year
    label_year = SET.labels[name]["year"]
    if year and year != label_year:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(DOCX))
def test_docx(name):
    """Core properties: an organisation as author, a last editor that is not python-docx, and
    created and modified dates around the labelled year."""
    import docx

    props = docx.Document(str(fs.SETS / "kaolin" / name)).core_properties
    author, year = DOCX[name]
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert props.modified.year == year == int(SET.labels[name]["year"])
    assert year - 1 <= props.created.year <= year
