"""Checks of the butte fixture set (tests/fixtures/exported/butte), written blind.

Brief: free or subsidised school meals and related support for low-income families applied for
online (free school meals in England and Wales, skolemat and matordninger, madordning,
skolmåltider, automatic enrolment from benefit data), in real binary formats and browsers' saves:
saved HTML pages, a page saved by Chrome as one .mhtml file, a page printed to PDF by Chromium,
PDF files made by a word processor (a letter, a strategy, a working paper, a slide deck, an
evaluation report), Word files, text copies and a page saved as Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than the 36 to 40 documents fixturesets.size_check and trap_check assume, so its own
counts are checked here instead.
"""

import datetime as dt
import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "butte")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

GENRE_WORDS = (
    ("other", ("service page", "municipality's page", "information page", "news item",
               "newsletter", "minutes", "slide deck", "call for proposals", "press release",
               "tender notice", "faq page", "written question")),
    ("policy_document", ("consultation response", "strategy", "guidance page", "annual report")),
    ("project_report", ("catalogue page", "working paper", "final report", "evaluation report")),
    ("abstract", ("abstract", "thesis record", "poster")),
    ("event_programme", ("programme",)),
)
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in GENRE_WORDS}
NAMED = {"consultation response": 2, "clock times glued to talk titles": 3, "as a pdf": 6,
         "as a word file": 4, "printed to pdf by the browser": 2, "saved by chrome": 2,
         "copied": 4, "contents with dot leaders": 3}

# Each role of the brief names: how its document's notes begin; furniture that has to be in
# its debris; headings, steps or rows that have to stay; its languages label; and how its
# year evidence begins.
ROLES = {
    "council": ("municipality's service page on applying online for free school meals",
                {"Skip to main content", "Opening hours: Monday to Friday, 9am to 5pm",
                 "Chat with us", "Last updated: 3 March 2025"},
                {"Making a claim online", "Review what you entered and submit the claim."}, "en",
                "Last updated"),
    "danish": ("municipality's page on applying digitally",
               {"Gå til indhold", "Accepter alle", "Telefon: 63 00 00 00"},
               {"Sådan søger du", "Log ind med MitID."}, "da", "no year: no 19xx"),
    "news": ("news item with reader comments", {"2 comments", "Leave a comment"},
             {"Comments"}, "en", "7 November 2023"),
    "letter": ("consultation response as a pdf letter",
               {"Vår ref.: 24/000", "Side 1 av 2", "Side 2 av 2", "Norsk Folkehjelp"},
               {"Med vennlig hilsen", "Til Kunnskapsdepartementet"}, "nb", "Oslo, 3. juni 2024"),
    "strategy": ("strategy as a pdf with a horizon year",
                 {"Skulemat for alle | Side 2 av 4", "Fjellvik kommune"},
                 {"Innhald", "Strategi for gratis skulemat mot 2030"}, "nn", "Vedteken"),
    "paper": ("working paper of the research project",
              {"MATRETT Working Paper 0/2025 | 2", "May 2025"},
              {"Contents", "Table 1. Application steps by municipality"}, "en", "May 2025"),
    "slides": ("slide deck exported to pdf", {"Skolematseminaret, Fjellvik | 3"},
               {"Hvorfor?", "Resultat"}, "nb", "no year: no 19xx"),
    "evaluation": ("evaluation report as a pdf with an english summary",
                   {"Rapport 0/2023 | 2", "Vestfjell forskingsinstitutt (oppdikta)"},
                   {"Samandrag", "English summary"}, "nn;en", "Rapport 0/2023"),
    "printed": ("book-of-abstracts page printed to pdf by the browser",
                set(), {"Abstract"}, "sv;en", "no year: no 19xx"),
    "saved": ("guidance page for local authorities saved by chrome as one file",
              {"We use cookies on this site", "Published 12 May 2024"}, set(), "en",
              "Published 12 May 2024"),
    "tender": ("tender notice with catalogue fields",
               {"Diarienummer", "KS 0000/000", "Sista anbudsdag", "30 april 2026"}, set(), "sv",
               "no year: only 2026"),
    "poster": ("conference poster as a pdf", {"Nordens välfärdscenter"}, {"Sammanfattning"},
               "en;sv", "Nordic Welfare Research Conference, Malmö 2025"),
    "question": ("written question in the council", {"Sida 1 av 2", "Dnr KS 0000/000"},
                 {"Svar från kommunalrådet (påhittad)"}, "sv", "Piteå den 12 mars 2024"),
    "annual": ("annual report excerpt as a word file",
               {"Norsk Folkehjelp – Årsrapport 2024", "Årsrapport 2024 | utdrag"},
               {"Familier som fikk hjelp | 0 000"}, "nb", "Årsrapport 2024"),
    "minutes": ("board minutes as a word file", {"Møtedato | 12.03.2024", "Referat – side 1"},
                {"Punkt 1: Skolemad og økonomisk friplads"}, "da", "Møtedato"),
    "programme": ("seminar programme as a word file",
                  {"Fjellvik kommune – Oppvekst", "Program – fagdag"},
                  {"09.30 | Korleis søkjer foreldra om friplass?", "Tid | Innhald"}, "nn",
                  "no year: no 19xx"),
    "catalogue": ("research project's catalogue page",
                  {"**Prosjektperiode:** 2024–2027", "**Prosjektnummer:** 000000"},
                  {"## Om prosjektet", "## Summary in English"}, "nb;en", "no year: only"),
    "call": ("call for proposals with a future deadline", {"Apply now"}, set(), "en",
             "no year: only 2027"),
}

# Word files: (created, modified, title or None, last_modified_by)
WORD = {
    "d01_dlf_referat_bestyrelse_da.docx": (2024, 2024, "Referat", "Sekretariatet"),
    "d02_fjellvik_fagdag_program_nn.docx": (2021, 2021, "", "Rådgjevar"),
    "d03_dlf_hoeringssvar_skolemad_da.docx": (2019, 2024, "Høringssvar", "Konsulent"),
    "d04_folkehjelp_arsrapport_utdrag_nb.docx": (2025, 2025, "Årsrapport 2024", "Rådgiver"),
}
# PDFs: (pages, /Title or None, year of /CreationDate or None)
PDFS = {
    "c01_nvc_book_of_abstracts_printed_sv_en.pdf": (1, "Book of abstracts – Nordens välfärdscenter",
                                                    "printed"),
    "c02_epi_annual_report_printed_en.pdf": (1, "Annual report 2024 – Education Policy Institute",
                                             "printed"),
    "p01_folkehjelp_horingssvar_nb.pdf": (2, "Microsoft Word - horingssvar_skolemat_endelig.docx",
                                          "2024"),
    "p02_fjellvik_skulemat_strategi_mot_2030_nn.pdf": (4, "Skulemat for alle", "2025"),
    "p03_fjellvik_matrett_working_paper_en.pdf": (3, "Asking for lunch", "2025"),
    "p04_fjellvik_lysbilder_skolemat_nb.pdf": (4, "PowerPoint Presentation", None),
    "p05_vestfjell_evaluering_skulelunsj_nn_en.pdf": (3, "Untitled", None),
    "p06_nvc_poster_school_meals_en_sv.pdf": (1, None, "2025"),
    "p07_pitea_skriftlig_fraga_svar_sv.pdf": (2, None, "2024"),
}


def holder(role: str) -> str:
    """The file whose notes open as the role's notes do."""
    opening, *_ = ROLES[role]
    return fs.by_notes(SET.labels, opening)


# each document's visible lines that are not listed as its debris
KEPT = {name: set(SET.lines[name]) - SET.debris_of(name) for name in SET.on_disk}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document, its page's head, its type named by its genre, and
    later years of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README tables; size and formats; all five types four times or more; every
    language alone three times or more and four bilingual documents; year situations and traps;
    genres named; consultation responses typed policy_document; every role its own holder."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats = SET.by_column["format"]
    assert len(labels) == 32 and formats == {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4,
                                             "txt": 6, "md": 2}, formats
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 6 and len(openers) >= 5, openers
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(v) >= 3 for key, v in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    assert fs.missing_genres(labels, NAMED) == {}
    SET.consultations_check(2)


def test_glued_programmes_and_contents():
    """Glued clock times in three programmes only, four kept lines or more each; the Word
    programme keeps its times in table rows; the page numbers after the dot leaders
    of three PDFs' contents (the leaders extract as lines of dots alone) all debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert all(SET.labels[n]["doc_type"] == "event_programme" for n in glued) and len(glued) == 3
    for name in glued:
        assert len({line for line in KEPT[name] if fs.GLUED_TIME.search(line)}) >= 4
    leaders = [(n, found[i + 1]) for n, found in SET.lines.items() for i, line in enumerate(found)
               if re.fullmatch(r"\.{10,}", line)]
    assert len(leaders) >= 7 and len({n for n, _ in leaders}) == 3
    assert [(n, page) for n, page in leaders
            if not (page.isdigit() and page in SET.debris_of(n))] == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are
    the expected ones, and three or more prose sentences survive."""
    _, gone, stay, languages, evidence = ROLES[role]
    name = holder(role)
    label, kept = SET.labels[name], KEPT[name]
    missing = sorted(line for line in gone if line not in SET.debris_of(name))
    lost = sorted(line for line in stay if line not in kept)
    assert (missing, lost) == ([], [])
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: /Title, and /CreationDate in the year
    given (none in two files); the re-exported strategy is dated later than its cover."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title and "pypdf" not in meta.get("/Producer", "")
    if created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    elif created == "printed":
        assert "/CreationDate" in meta and "browser printed it" in SET.labels[name]["year_evidence"]
    else:
        assert meta["/CreationDate"][2:6] == created
    label = SET.labels[name]
    if created and created.isdigit() and label["year"] != created:
        assert int(created) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: creation and modification years, title, an organisation or role as
    author and last editor, never python-docx."""
    created, modified, title, editor = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.created.year, props.modified.year, props.title) == (created, modified, title)
    assert props.last_modified_by == editor and "python-docx" not in (props.author or "")
    assert isinstance(props.created, dt.datetime)


def test_saved_single_file():
    """Each .mhtml is a multipart/related message Blink wrote: its headers, a quoted-printable
    HTML part and a stylesheet part; its Date is the day it was saved, not the labelled year."""
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        saved_check(name)


def saved_check(name: str) -> None:
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"From: <Saved by Blink>" in data and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related"
    parts = Counter(p.get_content_type() for p in message.iter_parts())
    assert parts == {"text/html": 1, "text/css": 1}
    html = next(p for p in message.iter_parts() if p.get_content_type() == "text/html")
    assert html["Content-Transfer-Encoding"] == "quoted-printable"
    assert str(message["Date"].datetime.year) != SET.labels[name]["year"]


def test_printed_page():
    """Chromium's print stamp (date, time and the page's <title>) and its address line with
    "1/1" are debris; neither holds a 19xx/20xx year, so the page stays undated."""
    name = holder("printed")
    ends = ("Book of abstracts – Nordens välfärdscenter", "1/1")
    stamps = {line for line in SET.lines[name] if line.endswith(ends)}
    assert len(stamps) == 2 and stamps <= SET.debris_of(name)
    assert not any(fs.YEAR.search(line) for line in stamps)
