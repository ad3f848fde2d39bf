"""Checks of the uvala fixture set (tests/fixtures/exported/uvala), written blind.

Brief: online applications for parking permits and other mobility support for disabled people
(HC-kort, parkeringstillstånd för rörelsehindrade, handicapparkeringskort, Blue Badge), with real
binary formats: saved pages (.html, .mhtml), pages printed to PDF by Chromium, PDFs converted
from Word files by LibreOffice (metadata set with pypdf), Word files, text copies and Markdown.
The set holds 32 documents, fewer than the 36 to 40 that fixturesets.size_check and trap_check
assume (and one of its programmes is a table, not glued text), so its own counts are checked
here. The import is never run here.
"""

import datetime as dt
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "uvala")
META_DATES = {"article:modified_time", "article:published_time", "citation_publication_date",
              "event:start_time"}
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's page|municipal page|agency's|press release|slide deck|"
             r"organisation's page|news item|newsletter|guide page|minutes|call for proposals|"
             r"tender notice",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"thesis record|conference abstract|journal abstract|conference poster|"
                r"book-of-abstracts",
    "event_programme": r"programme",
}.items()}
NAMED = {"consultation response": 3, "as a pdf": 6, "exported to pdf": 1, "copied": 5,
         "saved as markdown": 1,
         "word file": 4, "printed to pdf by the browser": 2, "saved by chrome as one file": 2,
         "clock times glued to talk titles": 3, "in two languages": 2}
LEADER = re.compile(r"\.{10,}\s*\d+$")

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence)
ROLES = {
    "municipal": ("municipality's page",
                  {"Till huvudinnehållet", "Godkänn alla kakor", "Chatta med oss",
                   "Växel: 040-00 00 00"}, {"Så gör du"}, "sv", "no year: no 19xx"),
    "seminar": ("seminar programme with clock times", {"Meld deg på"},
                {"09.00Kaffi og registrering", "11.45Lunsj"}, "nn", "2025"),
    "thesis": ("master's thesis record", {"Forfatter", "Last ned fulltekst (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2023"),
    "catalogue": ("research project's catalogue page saved", {"**Prosjektnummer:** 000000"},
                  {"## Om prosjektet"}, "en;nb", "no year: only"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar"},
             {"Kommentarer"}, "da", "2024"),
    "evaluation": ("evaluation report", {"Side 3 af 5", "Tabel 1. Sagsbehandlingstid i uger"},
                   {"English summary", "Indhold"}, "da;en", "2022: cover"),
    "letter": ("consultation response as a pdf",
               {"Vår ref.: 23/00000", "Org.nr. 000 000 000 | Side 2"},
               {"Med vennlig hilsen"}, "nb", "2023"),
    "minutes": ("minutes", {"Mötesdatum | 12.03.2024", "Protokoll 0/2024"}, set(), "sv", "2024"),
    "slides": ("slide deck", {"Nätverksträff tillgänglighet, Umeå 2024 | bild 2"},
               {"Våra krav"}, "sv", "2024"),
    "paper": ("working paper", {"DIGIMOB Working Paper 0/2024", "Figure 1. Weeks from "
              "application to decision"}, {"3 Findings", "Contents"}, "en", "2024"),
    "table programme": ("workshop programme as a word file",
                        {"Programme subject to change"}, {"09:30 | Who signs the medical "
                        "statement?"}, "en", "no year: no 19xx"),
    "call": ("call for proposals", {"**Deadline:** 15 March 2027"}, set(), "en",
             "no year: only the deadline"),
    "tender": ("tender notice", {"Tilbudsfrist 1. marts 2024", "Aarhus Kommune"}, set(), "da",
               "2024"),
}
# PDF: (pages, /Title or None when absent, year of /CreationDate or None when absent)
PDFS = {
    "p01_dr_nyhed_parkeringskort_app_da.pdf": (1, "Handicapkort på mobilen | DR", "2026"),
    "p02_transportstyrelsen_fragor_svar_sv.pdf": (1, "Frågor och svar – Transportstyrelsen",
                                                  "2026"),
    "r01_sdu_evaluering_digital_ansoegning_da_en.pdf": (
        5, "Microsoft Word - rapport_v7_endelig.docx", "2025"),
    "r02_ffo_horingssvar_parkeringstillatelse_nb.pdf": (2, None, None),
    "r03_dhr_bildspel_parkeringstillstand_sv.pdf": (3, "PowerPoint Presentation", "2024"),
    "r04_uit_digimob_working_paper_en.pdf": (4, "Uploading the doctor", "2024"),
    "r05_nhf_arsrapport_utdrag_nb.pdf": (4, None, "2024"),
    "r06_lu_poster_blue_badge_comparison_en.pdf": (1, "Untitled", None),
    "r07_aarhus_udbud_digital_blanket_da.pdf": (1, "Udbud digital ansøgningsløsning", "2024"),
}
# Word file: (author, title, created, modified)
WORD = {
    "w01_skr_protokoll_parkeringstillstand_sv.docx": ("Sekreterare", "Protokoll",
                                                      (2024, 3, 12), (2024, 3, 14)),
    "w02_brattoy_strategi_mot_2030_nn.docx": ("Kommunedirektøren",
                                              "Strategi for digitale tenester mot 2030",
                                              (2024, 1, 15), (2024, 2, 2)),
    "w03_sdu_workshop_programme_en.docx": ("Conference secretariat", "Programme",
                                           (2024, 8, 1), (2024, 8, 9)),
    "w04_dhf_hoeringssvar_kortordning_da.docx": ("Sekretariatet", "", (2021, 2, 4),
                                                 (2024, 5, 30)),
}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared rules, the saved page's head and fields, the type its genre names, later years
    of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README tables; 32 documents by format; every type four times or more; every
    language alone three times or more; five bilingual documents opened by four languages;
    the genres named; the year situations; consultation responses typed policy_document;
    dot-leader contents lines all debris; every role held by a document of its own."""
    SET.roles_check({key: value[0] for key, value in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert len(SET.labels) == 32
    assert counts["format"] == {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, _, openers = fs.language_counts(SET.labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert traps["repeated"] == []
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert len(traps["glued"]) == 3 and set(traps["glued"]) < programmes
    SET.consultations_check(3)
    SET.contents_check(LEADER, 12)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - (set(SET.lines[name]) - SET.debris_of(name)) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count, /Title and /CreationDate as the README states; a re-exported or printed
    PDF's creation year is not the labelled year."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    if created and created > (SET.labels[name]["year"] or "9999"):
        assert created in SET.labels[name]["year_evidence"] or name.startswith("p")


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or role as author, never python-docx as last editor."""
    author, title, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.title, props.last_modified_by) == (author, title, author)
    assert props.created.replace(tzinfo=None) == dt.datetime(*created)
    assert props.modified.replace(tzinfo=None) == dt.datetime(*modified)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """Blink's headers, a quoted-printable HTML part and one more part; the Subject is the
    page's <title> (debris), never the label."""
    raw = (SET.folder / name).read_text(encoding="ascii")
    head = raw.split("\n\n", 1)[0]
    assert head.startswith("From: <Saved by Blink>") and "Snapshot-Content-Location:" in head
    subject = re.search(r"^Subject: (.+)$", head, re.M)[1]
    assert subject in SET.debris_of(name) and subject != SET.labels[name]["title"]
    assert "Content-Transfer-Encoding: quoted-printable" in raw and raw.count("Content-Type:") >= 3
