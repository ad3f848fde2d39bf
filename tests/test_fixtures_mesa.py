"""Checks of the mesa fixture set (tests/fixtures/exported/mesa), written blind.

Brief: electronic messages between municipal care services, GPs and hospitals (PLO-meldinger,
MedCom messages, informationsöverföring and samordnad vårdplanering, discharge summaries), as care
workers and patients meet them. New in this set: real binary formats and browsers' saves (saved
HTML pages, a page Chrome saved as one .mhtml file, a page the browser printed to PDF, PDFs a word
processor made, Word files), besides text copies and a Markdown page.

The set holds the brief's 32 documents, so the shared size and trap checks (made for 36 to 40
documents with three glued programmes) are replaced by the set's own counts.
The import is never run here: the labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "mesa")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"hospital's page|news item|agency's page|newsletter|call for proposals|minutes|"
             r"tender notice|press release|university college's page|municipality's page|"
             r"slide deck",
    "policy_document": r"consultation response|strategy|action plan|annual report|"
                       r"written question",
    "project_report": r"catalogue page|evaluation report|working paper",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "hospital": ("hospital's page for patients on discharge messages",
                 {"Hopp til hovedinnhold", "Godta alle", "Chat med oss",
                  "Åpningstider chat: hverdager 08–15", "Sentralbord: 03 00 00 00"},
                 {"Slik går det for seg", "Kommunen svarer med helseopplysninger om deg."},
                 "nb", ""),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Gå til indhold"}, {"Kommentarer"}, "da", ""),
    "thesis": ("thesis record", {"Forfattar", "Publiseringsdato", "Last ned fulltekst (PDF)"},
               {"Samandrag", "Abstract"}, "nn;en", ""),
    "swedish": ("swedish agency's page", {"Till innehållet", "Jag förstår", "Växel: 08-000 000 00"},
                set(), "sv", "no year: no 19xx"),
    "seminar": ("seminar programme copied", {"Dato", "Tirsdag 11. mars 2025", "Meld deg på"},
                {"Program", "11:45Lunsj"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "Subject: Newsletter 0/2024"}, set(), "en", ""),
    "call": ("call for proposals", {"**Deadline:** 15 April 2027", "[Apply now](/apply)"}, set(),
             "en", "no year: only a deadline"),
    "mhtml": ("research project's catalogue page saved by chrome",
              {"Projekt | VIVE", "Projektperiode", "2024–2027"}, {"Om projektet"}, "da",
              "no year: only the project period"),
    "printed": ("conference abstract printed to pdf",
                {"Research output: Contribution to conference › Abstract",
                 "Related research outputs"}, {"Abstract"}, "en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Indhold", "Side 3",
                    "Evaluering af elektroniske meddelelser | Region Midtjylland"},
                   {"English summary", "Sammenfatning", "Tabel 1. Meddelelser i udvalget"},
                   "da;en", ""),
    "letter": ("consultation response of a nurses' union",
               {"Vår ref.: 24/00000", "Org.nr. 000 000 000", "Side 1 av 2", "Side 2 av 2"},
               {"Med vennlig hilsen", "Til Helse- og omsorgsdepartementet"}, "nb", ""),
    "strategy": ("municipal strategy with a horizon year",
                 {"Fjordvik kommune (oppdikta) | Strategi", "Side 4"}, {"2 Tiltak"}, "nn",
                 "no year: only the horizon"),
    "minutes": ("board minutes as a word file",
                {"Møtedato | 12.03.2024", "Referat – ikkje godkjent"},
                {"Vedtak", "Sak 0/24 Meldingar ved utskriving"}, "nn", ""),
    "abstract": ("journal abstract copied", {"Vetenskaplig artikel", "Ladda ner PDF"},
                 {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "tender": ("tender notice saved as markdown", {"**Tilbudsfrist:** 1. februar 2027 kl. 12:00",
                                                   "**CPV-kode:** 00000000-0"},
               {"## Beskrivelse"}, "nb", "no year: only the deadline"),
    "press": ("press release", {"Press release · 9 May 2023", "Share on X"}, set(), "en", ""),
    "paper": ("working paper", {"Working paper – draft for comments"},
              {"Working Paper 0/2025", "Summary"}, "en", ""),
    "question": ("parliamentary written question", {"Written question WQ.000/2024",
                                                     "Lodged: 5 February 2024", "Page 2 of 2"},
                 {"Question", "Answer"}, "en", ""),
    "slides": ("slide deck", {"Vårdkonferensen Norr 2024 | 3"}, {"Vad vi såg"}, "sv", ""),
    "annual": ("annual report excerpt", {"Indhold", "Udgivet april 2024",
                                         "¹ Opgjort på baggrund af kommunens egne registreringer."},
               {"4 Det videre arbejde"}, "da", ""),
    "poster": ("conference poster", {"Department of Health and Care Sciences, University of "
                                     "Gothenburg"}, {"Methods", "Results"}, "en", ""),
    "remiss": ("consultation response of a swedish municipality",
               {"Remissvar | Dnr KS 0000/000", "Datum | 2023-05-22"},
               {"Till Socialdepartementet"}, "sv", ""),
    "book": ("book-of-abstracts page pasted", {"14", "15", "Nøkkelord: dialogmelding, "
                                               "hjemmetjeneste, fastlege"}, set(), "nb;en", ""),
    "login": ("municipality's page on coming home", {"Logg inn med ID-porten",
                                                      "Vaktsykepleier: 00 00 00 00"},
              {"Dette kan du gjøre selv"}, "nb", "no year: no 19xx"),
    "study day": ("study day programme", {"Torsdag 6. november"}, {"11:45Lunsj"}, "nn",
                  "no year: no 19xx"),
    "programme": ("seminar programme as a word file", {"Tid | Punkt", "Sida"},
                  {"09.15 | Vad händer när meddelandet inte läses?"}, "sv", ""),
}

# PDF: (pages, /Title or None, year of /CreationDate or None).
PDFS = {
    "c01_lu_abstract_informationsoverforing_printed_en.pdf": (2, "Lund University Research Portal",
                                                              "printed"),
    "w01_rm_evaluering_meddelelser_da_en.pdf": (5, "Microsoft Word - evaluering_meddelelser_v7_"
                                                   "endelig.docx", "2026"),
    "w02_sykepleier_nord_horingssvar_plo_nb.pdf": (2, "Microsoft Word - Høringssvar PLO v3.docx",
                                                   "2024"),
    "w03_fjordvik_samhandling_mot_2030_nn.pdf": (5, None, None),
    "c02_via_praktik_korrespondance_printed_da.pdf": (2, "Praktik | VIA University College",
                                                      "printed"),
    "w04_ltu_bildspel_informationsoverforing_sv.pdf": (5, "PowerPoint Presentation", "2024"),
    "w05_nordkyst_aarsberetning_sammenhaeng_da.pdf": (4, None, "2024"),
    "w06_gu_poster_discharge_information_en.pdf": (1, "Untitled", None),
    "w07_guernsey_written_question_discharge_en.pdf": (
        2, "Electronic discharge letters and care at home", "2024"),
}
# Word file: (created year, modified year, title, author).
WORD = {
    "x01_vestreviken_brukarutval_referat_nn.docx": (2024, 2024, "",
                                                    "Sekretariatet for brukarutvalet"),
    "x02_vgregion_seminarium_program_sv.docx": (2019, 2025, "Program",
                                                "Regionens utvecklingsenhet"),
    "x03_ku_working_paper_messages_en.docx": (2025, 2025, "", "Department of Public Health"),
    "x04_norrdala_remissvar_informationsoverforing_sv.docx": (2023, 2023, "Remissvar",
                                                              "Handläggare"),
}


def role_file(role: str) -> str:
    """The document whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def survivors(name: str) -> set[str]:
    """A document's visible lines that are not labelled debris."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


# File-name prefix: the format a document of that letter is saved in.
PREFIX = {"c": ".pdf", "w": ".pdf", "h": ".html", "m": ".md", "s": ".mhtml", "t": ".txt",
          "x": ".docx"}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared rules of fixturesets for one document (labels, placement, head and fields of a
    saved page, the type its genre names, later prose years named); its prefix fits its
    format and its language tag ends its name."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)
    stem, suffix = name.rsplit(".", 1)
    assert PREFIX[name[0]] == "." + suffix
    assert stem.endswith("_" + SET.labels[name]["languages"].replace(";", "_"))


def test_whole_set():
    """Files, CSVs and README tables agree; the brief's size, formats, types (each four times or
    more), languages (each alone three times or more, four bilingual documents opened by four
    languages); every role held by a document of its own; consultation responses typed
    policy_document; the year situations and traps; glued clock times in the copied programmes
    only; no prose sentence repeated."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert SET.by_column["format"] == {"html": 9, "pdf": 9, "txt": 6, "docx": 4, "md": 2,
                                       "mhtml": 2}
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4 and max(types.values()) <= 12
    tags, parts, openers = fs.language_counts(SET.labels)
    assert set(parts) == fs.LANGUAGES and min(tags[code] for code in fs.LANGUAGES) >= 3
    assert sum(openers.values()) == 4 and len(openers) == 4
    SET.consultations_check(2)
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert (len(traps["bare"]), len(traps["other_years"]), traps["repeated"]) == (4, 4, [])
    ahead = ("newsletter", "abstract", "press", "paper", "question")
    assert traps["ahead"] == sorted(map(role_file, ahead))
    copied = sorted(n for n in SET.on_disk if n.endswith(".txt")
                    and SET.labels[n]["doc_type"] == "event_programme")
    assert traps["glued"] == copied and len(copied) == 3
    for name in copied:
        glued = [line for line in survivors(name) if fs.GLUED_TIME.search(line)]
        assert len(glued) >= 4 and not set(glued) & SET.debris_of(name), name
    printed = [n for n, (_, _, year) in PDFS.items() if year == "printed"]
    bare = [n for n, (_, _, year) in PDFS.items() if year is None]
    assert len(printed) == 2 and len(bare) == 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role's furniture is labelled debris and its headings or steps are not; its
    languages label and the opening of its year evidence are the expected ones."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    assert {"not debris": gone - debris, "not kept": stay - survivors(name)} == {
        "not debris": set(), "not kept": set()}
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: the browser's print keeps its
    own /Title and creation date of printing; one report re-exported years after its cover; the
    strategy carries no dates."""
    pages, title, year = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    created = meta.get("/CreationDate")
    if year is None:
        assert created is None and meta.get("/ModDate") is None
    elif year == "printed":
        assert created and created[2:6] not in SET.labels[name]["year"]
    else:
        assert created[2:6] == year
        if int(year) > int(SET.labels[name]["year"]):
            assert int(year) - int(SET.labels[name]["year"]) >= 2
            assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: dates, title, an organisation or role as author, and
    no python-docx trace."""
    created, modified, title, author = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.created.year, props.modified.year, props.title, props.author) == (
        created, modified, title, author)
    assert props.last_modified_by and "python-docx" not in props.last_modified_by


def test_mhtml_headers():
    """The page Chrome saved as one file carries Blink's headers and more parts than the page."""
    data = (SET.folder / role_file("mhtml")).read_bytes().decode("ascii").replace("\r\n", "\n")
    head = data.split("\n\n", 1)[0]
    for field in ("From: <Saved by Blink>", "Snapshot-Content-Location: https://",
                  "Subject: Projekt | VIVE", "Date: "):
        assert field in head
    assert Counter(re.findall(r"Content-Type: ([\w/+-]+)", data))["text/html"] == 1
    assert "quoted-printable" in data and "image/png" in data and "text/css" in data
