"""Checks of the scarp fixture set (tests/fixtures/exported/scarp), written blind.

Brief: newly arrived refugees and immigrants meeting digital welfare and integration services
(introduksjonsprogram, integrationsprogram, resettlement support in the UK; digital language
courses, e-ID for newcomers, interpreters by video, caseworkers' digital follow-up). 32 documents
leaning to the web: 16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed
to PDF by the browser, 4 word-processor PDFs, 2 Word files, 4 text copies and 1 Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check (36 to 40) does not fit; its counts are checked here.
"""

import datetime
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "scarp")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|help page|knowledge page|interpreting agency's page|news item|"
             r"blog post|parliamentary written question|tender notice|press release|"
             r"call for proposals|newsletter e-mail|council minutes",
    "policy_document": r"strategy|consultation response|annual report excerpt",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"seminar programme|event page with a programme|programme of a theme day",
}.items()}

FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGES = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "clock times glued to talk titles": 4,
         "saved as one file": 3, "printed to pdf by the browser": 2, "word-processor pdf": 4,
         "as a word file": 2, "labelled monolingual": 2, "copied": 1, "pasted": 3,
         "saved as markdown": 1, "wordpress-like": 1, "fingerprint panel": 1,
         "citation widgets": 1, "reader comments": 1, "future deadline": 1,
         "book-of-abstracts": 1, "horizon year": 1, "english summary": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "municipal": ("municipality's service page on digital follow-up",
                  {"Skip to main content", "We use cookies", "Accept all cookies", "Start chat",
                   "Logg inn for å se planen din", "Sist oppdatert 12.03.2025",
                   "Sentralbord: 69 00 00 00"},
                  {"Slik logger du inn", "Åpningstider", "Logg inn med BankID eller MinID."},
                  "nb", "2025"),
    "eid": ("e-id provider's help page", {"Accept all", "Your privacy", "Hva er et D-nummer?"},
            {"Dette trenger du", "Gyldig pass eller reisedokument"}, "nb", "no year: no 19xx"),
    "strategy page": ("local government association's strategy page",
                      {"Published: 18 June 2024", "Accept analytics cookies", "Print this page"},
                      {"Our commitments"}, "en", "2024"),
    "portal": ("conference paper abstract on a university research portal",
               {"Fingerprint", "100%", "Contribution to conference", "peer-review",
                "Published - 7 Sept 2023", "Original language", "Cite this"},
               {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Grant reference", "RPG-2024-000", "Start date", "1 September 2024",
                   "31 August 2027", "No outputs have been reported for this grant yet."},
                  {"Summary", "Outputs"}, "en", "no year: only"),
    "journal": ("journal abstract on an article page",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon",
                 "[email protected]", "Download PDF", "People also read"},
                {"Abstract", "Sammendrag"}, "en;nb", "2024"),
    "event": ("event page with a programme",
              {"Wednesday 14 May 2025", "Book on Eventbrite", "Add to calendar"},
              {"Programme", "12:30Lunch"}, "en", "2025"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "NYHETER", "Publisert 23.01.2025 06:45",
              "Les også"}, set(), "nb", "2025"),
    "blog": ("blog post of a research group",
             {"Drevet med WordPress", "Del dette:", "← Forrige innlegg",
              "Kategorier: Introduksjonsprogram, Digitalisering"},
             set(), "nb", "no year: only"),
    "written question": ("parliamentary written question",
                         {"Tabled", "UIN 000000, 6 February 2024", "Answered", "20 February 2024"},
                         {"Question", "Answer"}, "en", "2024"),
    "tender": ("tender notice", {"Buyer", "Closing date", "9 May 2025, 12pm", "CPV code"},
               {"Description", "How to apply"}, "en", "2025"),
    "press release": ("press release", {"Pressemeddelelse", "7. maj 2024"}, set(), "da", "2024"),
    "call": ("call for proposals",
             {"Deadline", "12 noon, 14 January 2027", "Open for applications"},
             {"Who can apply"}, "en", "no year: only"),
    "newsletter": ("newsletter e-mail",
                   {"Sent: 03 June 2025 10:02", "Subject: Resettlement news: June",
                    "Unsubscribe | Update your preferences"},
                   {"Digital support fund"}, "en", "2025"),
    "book of abstracts": ("conference abstract from a book-of-abstracts page",
                          {"36", "Parallell 3B: Digitale tjenester",
                           "Digital norskopplæring i praksis"},
                          {"Abstract in English"}, "nb;en", "2024"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Sak 000/24", "Side 2", "Solvik kommune · Integreringsstrategi mot 2030",
                  "1 Innledning .................................................. 3"},
                 {"Innhold", "1 Innledning"}, "nb", "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2023", "Rapport 00/2023", "ISBN 978-82-0000-000-0",
                    "Nordvik forskning · Rapport 00/2023"},
                   {"English summary", "Sammendrag"}, "nb;en", "2023"),
    "minutes": ("council minutes", {"Møtedato: 19.09.2024", "Side 1", "Brekkeøy kommune – Møtebok"},
                {"Sak 000/24 Tolketenester over video"}, "nn", "2024"),
    "working paper": ("working paper of the research project",
                      {"NEWSTATE Working Paper 0/2025", "March 2025",
                       "¹ Time use was logged by the households in a shared diary."},
                      {"Summary", "1 Introduction"}, "en", "2025"),
    "thesis": ("thesis record",
               {"Item type", "Thesis (Masters)", "Full text available as: PDF (1MB)"},
               {"Abstract"}, "en", "2021"),
    "remissvar": ("consultation response as a word file",
                  {"Diarienummer | A2023/00000", "Datum | 2023-09-14", "REMISSVAR"},
                  {"Med vänlig hälsning"}, "sv", "2023"),
    "annual report": ("annual report excerpt", {"Årsmelding – utdrag", "Voksenopplæringen"},
                      {"Nøkkeltall | Antall", "Rakkestad, 14. februar 2025"}, "nb", "2025"),
}

# Identifier kind -> pattern; its `id` group holds zeros and separators only, unless FORMS
# gives the exact zero-filled form.
IDS = {
    "phone": r"(?:Telefon|Sentralbord|Tel\.?|Tlf\.|Växel|Kundservice):? (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z]+\.(?P<id>\d+)",
    "postal box": r"(?:Postboks|PO Box|Box) (?P<id>\d+)",
    "case number": r"Sak (?P<id>\d+)/\d\d",
    "grant reference": r"RPG-20\d\d-(?P<id>\d+)",
    "diary number": r"A20\d\d/(?P<id>\d+)",
    "charity number": r"(?:charity no\.|charity number) (?P<id>\d+)",
}
FORMS = {"phone": r"(?:0\d{1,4}[ -])?[1-9]?\d?[0 -]*", "organisation number": r"9?[0 -]+",
         "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
# file -> (pages, /CreationDate year or None, /Title kind: "real", "junk" or None)
PDFS = {
    "p01_acta_didactica_norden_digitalt_norskkurs_nb_en.pdf": (2, "printed", "page title"),
    "p02_qmu_thesis_record_caseworkers_keyboard_en.pdf": (2, "printed", "page title"),
    "w01_solvik_integreringsstrategi_mot_2030_nb.pdf": (4, "2024", "real"),
    "w02_nordvik_evaluering_digital_oppfolging_nb_en.pdf": (4, "2025", "junk"),
    "w03_brekkeoy_motebok_kommunestyret_nn.pdf": (2, None, None),
    "w04_sussex_working_paper_newstate_first_months_en.pdf": (2, "2025", "real"),
}
WORD = {"d01_abf_remissvar_digital_samhallsorientering_sv.docx": ("ABF förbundskansliet", "2023"),
        "d02_rakkestad_voksenopplaering_arsmelding_utdrag_nb.docx": ("Rakkestad kommune", "2025")}


ROLE_HELD = {"debris not listed": set(), "kept lines listed": set(), "languages": True,
             "evidence": True, "prose": True}


def role_outcome(role: str) -> dict:
    """How the labels of a role's document meet its row of ROLES: the named furniture not in
    its debris, the named headings or steps that are debris or absent, whether its languages
    and the opening of its year evidence are the expected ones, and whether three prose
    sentences or more survive with none of them in the debris."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    gone, label, prose = SET.debris_of(name), SET.labels[name], set(SET.sentences(name))
    return {"debris not listed": furniture - gone,
            "kept lines listed": headings - (set(SET.lines[name]) - gone),
            "languages": label["languages"] == languages,
            "evidence": label["year_evidence"].startswith(evidence),
            "prose": len(prose) >= 3 and not prose & gone}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document under the shared rules of fixturesets (labels, placement, a saved page's
    head and field list, the type its notes' genre names, later prose years in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats and first languages of
    the brief; all five types four times or more; bilingual documents and boilerplate-only
    monolingual pages; genres named; year situations and traps; consultation responses typed
    policy_document; programmes glue times; identifiers zero-filled; contents lines debris; every
    role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = SET.by_column
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS, counts["format"]
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    first = {code: sum(lab["languages"].split(";")[0] == code for lab in labels.values())
             for code in FIRST_LANGUAGES}
    assert first == FIRST_LANGUAGES, first
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and sum(lab["doc_type"] == "abstract" for lab in bilingual) >= 2
    boiler = [lab for lab in labels.values() if "labelled monolingual" in lab["notes"]]
    assert len(boiler) >= 2 and all(";" not in lab["languages"] for lab in boiler)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(3)
    SET.glued_check()
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 8)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """One role of the brief, held as its row of ROLES says (see role_outcome)."""
    assert role_outcome(role) == ROLE_HELD


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: Chromium's own dates (the day of
    printing, never the labelled year) on the browser prints, and on the word-processor PDFs
    /CreationDate in the document's year, a later re-export, or none; /Title real, junk or
    absent. Chromium's header and footer lines are debris."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = dict(reader.metadata or {}), SET.labels[name]
    assert len(reader.pages) == pages
    if created == "printed":
        assert meta["/Producer"].startswith("Skia/PDF") and meta["/Title"] == \
            fs.visible_lines(SET.folder / name)[-2].split(" ", 3)[-1]
        assert not meta["/CreationDate"].startswith(f"D:{label['year']}")
        stamps = [line for line in SET.lines[name]
                  if re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", line)
                  or re.search(r"\.html \d/\d$", line)]
        assert len(stamps) == 4 and set(stamps) <= SET.debris_of(name)
        return
    if created is None:
        assert "/CreationDate" not in meta
    else:
        assert meta["/CreationDate"].startswith(f"D:{created}")
        assert (created == label["year"]) != ("re-export" in label["year_evidence"])
    if title is None:
        assert "/Title" not in meta
    elif title == "junk":
        assert meta["/Title"].startswith("Microsoft Word - ") and meta["/Title"].endswith(".docx")
    else:
        assert meta["/Title"] == label["title"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: an organisation as author, no python-docx as last editor, created and
    modified in the labelled year; header and footer lines are debris, table rows in the
    visible text."""
    author, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert props.created.year == props.modified.year == int(year) == int(SET.labels[name]["year"])
    assert props.created <= props.modified
    assert props.modified < datetime.datetime(2026, 1, 1, tzinfo=props.created.tzinfo)
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs]
    assert furniture and set(furniture) <= SET.debris_of(name)
    assert len([line for line in SET.lines[name] if " | " in line]) == 3
