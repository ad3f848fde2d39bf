"""Checks of the doline fixture set (tests/fixtures/exported/doline), written blind.

Brief: carers' allowances for relatives who care for an adult going digital (omsorgsstønad,
plejevederlag, anhörigbidrag and anhöriganställning, Carer's Allowance): applications,
assessments, payments and carers' experiences, in 32 documents of six formats: saved HTML pages,
pages saved by Chrome as one file (.mhtml), pages printed to PDF by Chromium, PDF files made by a
word processor (LibreOffice from a Word file, metadata set afterwards), Word files, text copies
and pages saved as Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets' size_check and trap_check (36 to 40 documents) are replaced by counts
of its own.
"""

import email
import re
from datetime import datetime
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "doline")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"welfare charity's page|municipality's (?:page|news page)|news item|press release|"
             r"slide deck|minutes|tender notice|newsletter|call for proposals",
    "policy_document": r"consultation response|strategy|annual report|written question",
    "project_report": r"catalogue page|working paper|evaluation report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 3, "consultation response": 2, "as a pdf": 6,
         "printed to pdf by the browser": 2, "saved as one file": 2, "as a word file": 4,
         "copied": 4, "saved as markdown": 2, "contents with dot leaders": 4,
         "journal abstract in two languages": 1, "thesis record": 2, "book-of-abstracts": 1,
         "with reader comments": 1, "horizon year": 2, "annual report": 1, "minutes": 1,
         "written question": 1, "press release": 1, "newsletter": 1, "call for proposals": 1,
         "tender notice": 1, "poster": 1, "slide deck": 1, "evaluation report": 1}

FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}
TYPES = {"other": 12, "policy_document": 6, "abstract": 6, "project_report": 4,
         "event_programme": 4}
CHROMIUM = {"c01_rebild_nyhed_plejevederlag_da.pdf", "c02_carerswales_press_release_en.pdf"}

# The word-processor PDFs: (pages, /Title or None, year of /CreationDate or None).
PDFS = {
    "p01_evaluering_digital_omsorgsstonad_nb_en.pdf":
        (4, "Microsoft Word - rapport_v7_endelig.docx", "2023"),
    "p02_working_paper_carers_allowance_en.pdf": (4, None, "2027"),
    "p03_horingssvar_lpp_omsorgsstonad_nb.pdf":
        (2, "Høringssvar – forslag om digital søknad om omsorgsstønad", "2024"),
    "p04_strategi_parorande_mot_2030_nn.pdf": (3, "Untitled", None),
    "p05_slides_anhorigbidrag_sv.pdf": (3, "PowerPoint Presentation", "2024"),
    "p06_arsberetning_plejevederlag_da.pdf": (3, None, None),
    "p07_poster_carers_digital_en.pdf": (1, "Who helps the carer fill in the form?", "2025"),
}
# The Word files: (author, title, year created, year modified).
WORD = {
    "w01_referat_parorandeutval_nb.docx": ("Sekretariatet", "", 2024, 2024),
    "w02_program_anhorigseminarium_sv.docx": ("Anhörigcentrum", "Program", 2024, 2024),
    "w03_anbod_digital_omsorgsstonad_nn.docx": ("Innkjøpstenesta", "Kunngjering", 2026, 2026),
    "w04_skriftleg_sporsmal_omsorgsstonad_nb.docx": ("Saksbehandler", "", 2023, 2025),
}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "charity": ("welfare charity's page on applying online",
                {"Accept all cookies", "Skip to main content", "Start chat",
                 "Advice line: 0800 000 0000", "Monday to Friday 9am to 6pm"},
                {"Step by step", "Step 4: Read the declaration and send the form."}, "en",
                "2025: 'Page updated"),
    "catalogue": ("research project's catalogue page with field labels",
                  {"Projektperiode", "2023–2026", "Projektnummer", "000000"},
                  {"Om projektet", "Summary in English"}, "da;en", "no year: only"),
    "login": ("municipality's page on omsorgsstønad",
              {"Logg inn på Min side", "Passord", "Måndag–fredag 08.00–15.30"},
              {"Slik søkjer du"}, "nn", "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "maria_k: Samma sak hos oss, ingen kom hem till oss."},
             {"Kommentarer"}, "sv", "2024"),
    "mhtml page": ("municipality's page on applying digitally",
                   {"Chat med oss", "Sist oppdatert 12.08.2024"}, set(), "nb", "2024"),
    "printed": ("municipality's news page printed to pdf",
                {"Opdateret 4. maj 2023", "Del nyheden"}, set(), "da", "2023"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023 | 2", "Kommune Søknader Dager til vedtak",
                    "Tabell 1: Søknader og saksbehandlingstid per kommune"},
                   {"Sammendrag", "English summary"}, "nb;en", "2023"),
    "paper": ("working paper of the research project",
              {"CARECLAIM Working Paper", "Page 3 of 4",
               "¹ The interviews were anonymised before analysis."},
              {"3 Findings"}, "en", "2024"),
    "letter": ("consultation response of a relatives' organisation",
               {"Deres ref.: 24/0000", "Side 2 av 2", "Generalsekretær"},
               {"Med vennlig hilsen", "Til Helse- og omsorgsdepartementet"}, "nb", "2024"),
    "slides": ("slide deck", {"Anhörigdagarna 2024 | 1", "Anhörigdagarna 2024 | 3"},
               {"Vad hände?", "Kortare väntan"}, "sv", "2024"),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Lurøy kommune – Brukerutvalget"},
                {"Sak 0/24 Digital søknad om omsorgsstønad"}, "nb", "2024"),
    "word programme": ("seminar programme as a word file", {"Onsdag 16 oktober 2024"},
                       {"09.30 | Välkomna: anhöriganställning i kommunen"}, "sv", "2024"),
    "tender": ("tender notice", {"Frist for tilbod | 15.01.2027", "Referansenummer | 00/0000"},
               set(), "nn", "no year: only the deadline"),
    "question": ("parliamentary written question", {"Besvart | 28.02.2023"},
                 {"Spørsmål", "Svar"}, "nb", "2023"),
    "copied programme": ("seminar programme copied as text",
                         {"Torsdag 14. november", "Påmelding"},
                         {"10.30Korleis vurderer vi omsorgsbehov digitalt?"}, "nn",
                         "no year: no 19xx"),
    "thesis md": ("master's thesis record saved as markdown",
                  {"**Author:** Tor Haugland (invented)", "*   [Home](/)"},
                  {"## Abstract", "## Sammendrag"}, "en;nb", "2021"),
}
DOT_LEADER = re.compile(r"\.{10,}\d+$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


def pdf_year(value) -> str | None:
    return str(value)[2:6] if value else None


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head, the type its genre names, and
    every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; formats, types and languages as the brief asks;
    the genres are named; year situations and traps; consultation responses are policy
    documents."""
    labels = SET.labels
    SET.roles_check({key: value[0] for key, value in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert dict(counts["format"]) == FORMATS and dict(counts["doc_type"]) == TYPES
    tags, parts, openers = fs.language_counts(labels)
    assert all(tags[code] >= 3 for code in fs.LANGUAGES), tags
    assert sum(openers.values()) >= 4 and len(openers) >= 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    situations = fs.year_traps(labels, SET.prose, SET.lines)
    short = {key: names for key, names in situations.items()
             if key != "repeated" and len(names) < 3}
    assert (short, situations["repeated"]) == ({}, [])
    SET.consultations_check(2)


def test_programmes_and_contents():
    """Glued clock times in the copied and saved programmes, none of them debris; dot-leader
    contents lines in four PDFs, all debris."""
    glued_by_file = {name: {line for line in found if fs.GLUED_TIME.search(line)}
                     for name, found in SET.lines.items()}
    glued_by_file = {name: found for name, found in glued_by_file.items() if found}
    assert len(glued_by_file) == 3
    assert {SET.labels[name]["doc_type"] for name in glued_by_file} == {"event_programme"}
    assert min(map(len, glued_by_file.values())) >= 4
    assert all(found.isdisjoint(SET.debris_of(name)) for name, found in glued_by_file.items())
    SET.contents_check(DOT_LEADER, 10)
    with_contents = {name for name, found in SET.lines.items()
                     if any(DOT_LEADER.search(line) for line in found)}
    assert len(with_contents) == 4 and all(name.endswith(".pdf") for name in with_contents)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are
    the expected ones, and three or more prose sentences survive."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    label = SET.labels[holder(role)]
    debris = SET.debris_of(label["file"])
    found = {"furniture kept": sorted(furniture - debris),
             "headings lost": sorted(headings - kept_lines(label["file"])),
             "languages": label["languages"],
             "evidence fits": label["year_evidence"].startswith(evidence),
             "enough prose": len(SET.sentences(label["file"])) >= 3}
    assert found == {"furniture kept": [], "headings lost": [], "languages": languages,
                     "evidence fits": True, "enough prose": True}, opening


def test_catalogue_and_working_paper():
    """The working paper belongs to the catalogue page's project: CARECLAIM is a catalogue field
    (debris) of the page and the running head of the paper (debris), and the paper's prose is
    about the page's subject, plejevederlag."""
    page, paper = holder("catalogue"), holder("paper")
    assert "CARECLAIM" in SET.debris_of(page) and "CARECLAIM Working Paper" in SET.debris_of(paper)
    assert any("plejevederlag" in sentence for sentence in SET.sentences(paper))


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /Title and the year of /CreationDate as the README states; a running foot or
    slide footer with a page number on every page; the re-exported paper names its property."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title and pdf_year(meta.get("/CreationDate")) == created
    label = SET.labels[name]
    if created and label["year"] and created != label["year"]:
        assert int(created) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]
    if pages > 1:
        for number, page in enumerate(reader.pages, 1):
            lines = [line.strip() for line in page.extract_text().splitlines()]
            assert any(line in SET.debris_of(name) and re.search(rf"\b{number}\b", line)
                       for line in lines), (name, number)


def test_pdf_dates_overall():
    """Two word-processor PDFs carry no dates, one was re-exported later, the others were
    created in their document's year; the browser's PDFs keep Chromium's own print metadata."""
    undated = [n for n, (_, _, year) in PDFS.items() if year is None]
    later = [n for n, (_, _, year) in PDFS.items() if year and year != SET.labels[n]["year"]]
    assert len(undated) == 2 and len(later) == 1
    for name in CHROMIUM:
        meta = PdfReader(SET.folder / name).metadata
        assert "Skia" in meta["/Producer"]
        assert pdf_year(meta["/CreationDate"]) != SET.labels[name]["year"]
        assert any(line.startswith(("file:", "ﬁle:")) for line in SET.debris_of(name))


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: an organisation or role as author, never python-docx as last editor,
    a title in some, created and modified in the years the README states."""
    author, title, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.title) == (author, title)
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    assert (props.created.year, props.modified.year) == (created, modified)
    assert isinstance(props.created, datetime)


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A Blink single-file save: its headers, a quoted-printable HTML part and one more part."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\n") and message["Snapshot-Content-Location"]
    assert message["Subject"] in SET.debris_of(name) and message["Date"]
    parts = [part for part in message.walk() if not part.is_multipart()]
    assert message.get_content_type() == "multipart/related" and len(parts) >= 2
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
