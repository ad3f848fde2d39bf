"""Checks of the kopje fixture set (tests/fixtures/exported/kopje), written blind.

Brief: free legal aid and legal advice for welfare claimants going digital (fri rettshjelp, fri
proces, rättshjälp, legal aid agency portals, student-run legal aid clinics and their online
intake, chat-based legal advice). 32 documents in the formats a researcher saves: saved HTML
pages, pages saved by Chrome as one file (.mhtml), web pages printed to PDF by the browser, PDF
files made by a word processor (a slide deck, a two-page consultation letter, reports with
contents), Word files, text copies and Markdown pages. English, Bokmål, Nynorsk, Danish and
Swedish each alone at least three times, and four bilingual documents or more.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. fixturesets'
size_check and trap_check assume 36 to 40 documents with three glued programmes; this set has 32
documents and one programme as a Word table, so its counts are checked here instead.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "kopje")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"legal aid agency's page|legal aid clinic's page|news item|municipality's page|"
             r"press release|call for proposals|slide deck|board minutes|written question|"
             r"newsletter e-mail|tender notice",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|evaluation report|working paper|final report|"
                      r"research project's page",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"saved html": 9, "saved by chrome as one file": 2, "printed to pdf by the browser": 2,
         "word processor": 6, "word file": 4, "copied with select all": 4, "pasted": 2,
         "saved as markdown": 2, "consultation response": 2, "clock times glued": 3}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "agency": ("legal aid agency's page on applying online",
               {"Skip to main content", "Accept all cookies", "Log in to MyLegalAid"},
               {"How to apply", "Create an account with your email address."}, "en", "no year"),
    "clinic": ("student-run legal aid clinic's page on chat advice",
               {"Start chat", "Tirsdag 17.00–20.00", "Telefon: 22 00 00 00"}, {"Åpningstider"},
               "nb", "no year: no 19xx"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar",
                                                "borger_k: Hvad med dem uden computer?"},
             {"Kommentarer"}, "da", "Publiceret"),
    "thesis": ("master's thesis record", {"Publiceringsdatum", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", "Publiceringsdatum"),
    "catalogue": ("research project's catalogue page", {"Projektperiode", "2024–2027",
                                                        "Bevilget 2023"},
                  {"Om projektet", "Summary in English"}, "da;en", "no year: only"),
    "paper": ("working paper of the research project",
              {"Digital legal aid – Working Paper 0/2025", "2", "3"},
              {"Working Paper 0/2025", "Contents"}, "en", "Working Paper"),
    "bar": ("consultation response of a bar association", {"Dnr R-2024/0000", "Skriv ut"},
            {"Till Justitiedepartementet"}, "sv", "Datum"),
    "letter": ("consultation response as a two-page letter",
               {"Vår ref.: 24/000", "Org.nr. 900 000 000 | Side 2 av 2",
                "JURK · Juridisk rådgivning for kvinner · Postboks 0000 Sentrum, 0000 Oslo"},
               {"Med vennlig hilsen", "Justis- og beredskapsdepartementet"}, "nb", "Oslo"),
    "strategy": ("strategy with a horizon year, re-exported",
                 {"Side 1 av 3", "Vedteken i kommunestyret 16. juni 2021"},
                 {"1 Mål", "Innhald"}, "nn", "Vedteken"),
    "slides": ("slide deck exported to pdf", {"Fagdag om fri rettshjelp, Kvernvik | 3"},
               {"• Fleire søknader", "Vegen vidare"}, "nn", "no year: no 19xx"),
    "minutes": ("board minutes as a word file",
                {"Møtedato | 12.03.2024", "Referent | Saksbehandler"},
                {"Sak 1/24 Chat for klienter"}, "nb", "Møtedato"),
    "word programme": ("programme as a word file", {"Tilmelding: [email protected]"},
                       {"10.00 | Sådan virker vores nye chat"}, "da", "Tirsdag"),
    "question": ("parliamentary written question", {"Spørgsmål nr. S 0000"},
                 {"Spørgsmål:", "Svar:"}, "da", "Besvaret"),
    "newsletter": ("newsletter e-mail pasted as text", {"Unsubscribe", "Date: 4 February 2025"},
                   set(), "en", "Sent"),
    "tender": ("tender notice with catalogue fields", {"Tilbudsfrist", "15.01.2026 12:00"},
               {"Beskrivelse"}, "nb", "no year: only"),
    "annual": ("annual report excerpt", {"Retshjælpen · Årsberetning 2023", "2"},
               {"Forord", "Indhold"}, "da", "Marts 2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023 | 3", "¹ Skjemaet kan fortsatt lastes ned fra nettsiden."},
                   {"English summary", "Tabell 1: Søknader etter kanal"}, "nb;en", "Rapport"),
}

# PDF: (pages, /Title or None, year of /CreationDate or None); browser prints keep Chromium's own.
PDFS = {
    "c01_rettshjelpsfondet_utlysning_nb.pdf": (1, "Utlysning | Rettshjelpsfondet", "printed"),
    "c02_nclac_book_of_abstracts_en.pdf": (1, "Book of abstracts", "printed"),
    "p01_rettsforsk_evaluering_digital_soknad_nb_en.pdf":
        (4, "Microsoft Word - rapport_v7_endelig.docx", 2023),
    "p02_kvernvik_fagdag_lysark_nn.pdf": (4, "PowerPoint Presentation", None),
    "p03_jurk_horingssvar_nb.pdf": (2, "Høringssvar – forslag til ny lov om fri rettshjelp", 2024),
    "p04_clar_working_paper_en.pdf": (3, None, 2025),
    "p05_kvernvik_digitaliseringsstrategi_mot_2030_nn.pdf":
        (3, "Digitaliseringsstrategi mot 2030", 2024),
    "p06_juridiska_byran_styrelseprotokoll_sv.pdf": (2, "Untitled", None),
    "p07_nclac_poster_en.pdf": (1, None, 2024),
}
# Word file: (created, modified, title, author, last modified by).
WORD = {
    "w01_rettshjelpskontoret_nord_referat_nb.docx":
        ("2024-03-13", "2024-03-14", "Referat styremøte mars", "Rettshjelpskontoret Nord",
         "Saksbehandler"),
    "w02_retshjaelpen_temadag_program_da.docx":
        ("2025-09-30", "2025-10-02", "Program temadag", "Retshjælpen", "Sekretariatet"),
    "w03_ft_spoergsmaal_retshjaelp_da.docx":
        ("2023-10-04", "2023-10-06", "", "Social- og Ældreministeriet", "Fuldmægtig"),
    "w04_kvernvik_sluttrapport_studentrettshjelp_nn.docx":
        ("2019-01-10", "2022-12-15", "Sluttrapport", "Kvernvik kommune", "Prosjektleiar"),
}
DOT_LEADER = re.compile(r"\.{10,} ?\d+$")


HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase (HOLDERS)."""
    return HOLDERS[role]


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that no debris row removes."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each file against the shared conventions: placement of title, debris and prose, the
    label's values and years, the head of a saved page, the type named by its genre, later
    prose years named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; each language alone three times or more and four bilingual
    documents (two of them abstracts); the genres named; year situations and traps three times
    each; consultation responses typed policy_document; every role held by its own document."""
    labels = SET.labels
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and sum(lab["doc_type"] == "abstract" for lab in bilingual) >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "glued", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """The three programmes copied or saved from a page glue clock times to titles (four kept
    lines or more each, none debris), the Word programme keeps its table rows; nothing else
    glues; ten dot-leader contents lines or more in four documents, all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued < programmes and programmes - glued == {holder("word programme")}
    for name in glued:
        assert len({line for line in kept_lines(name) if fs.GLUED_TIME.search(line)}) >= 4, name
        assert not any(fs.GLUED_TIME.search(line) for line in SET.debris_of(name))
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len(leaders) >= 10 and len({n for n, _ in leaders}) >= 4
    assert all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's holder removes the furniture named for it, keeps the lines named for it,
    has the languages and the opening of year evidence given in ROLES, and has prose."""
    name = holder(role)
    label, (_, furniture, keep, codes, opening) = SET.labels[name], ROLES[role]
    missing = sorted(furniture.difference(SET.debris_of(name)))
    lost = sorted(keep.difference(kept_lines(name)))
    assert (missing, lost) == ([], []), name
    assert (label["languages"], label["year_evidence"][:len(opening)]) == (codes, opening)
    assert 3 <= len(SET.sentences(name)) <= 4


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: a word processor's PDF carries its
    /Title (real, junk or none) and a /CreationDate in the stated year or no date at all; a
    browser's print keeps Chromium's own metadata and its print stamp on every page."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    if created == "printed":
        assert meta.get("/Producer", "").startswith("Skia/PDF")
        assert all("file:///" in page.extract_text().replace("ﬁ", "fi") for page in reader.pages)
    elif created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert meta["/CreationDate"].startswith(f"D:{created}")
    if name == holder("strategy"):
        label = SET.labels[name]
        assert int(meta["/CreationDate"][2:6]) - int(label["year"]) >= 2
        assert "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """The Word file's core properties as the README states: dates in the document's year but
    one (a reused template), an organisation or a role as author, never python-docx."""
    created, modified, title, author, last = WORD[name]
    core = docx.Document(str(SET.folder / name)).core_properties
    assert (str(core.created.date()), str(core.modified.date()), core.title, core.author,
            core.last_modified_by) == (created, modified, title, author, last)
    assert "python-docx" not in {core.author, core.last_modified_by}
    off = Counter(WORD[n][0][:4] != SET.labels[n]["year"] for n in WORD)
    assert off[True] == 1 and SET.labels[name]["year"] in {created[:4], modified[:4]}
