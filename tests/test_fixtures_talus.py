"""Checks of the talus fixture set (tests/fixtures/exported/talus), written blind.

Brief: how long-term care is applied for and allocated online (nursing home places, home care and
respite care through municipal e-services; allocation offices, needs assessment, waiting lists and
digital decisions: tildelingskontor, biståndshandläggare, visitation, local authority care
assessments). The first set with real binary formats: eight PDF files made by LibreOffice from
Word files (cover pages, running heads or feet with page numbers, contents with dot leaders, a
table, captions and a footnote line, a slide deck, a two-page letter, a poster) whose metadata
was set with pypdf, and four Word files with headers, footers, tables and core properties.

The import is never run here: labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief and to the binaries' own properties.
"""

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "talus")
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# The one type each genre phrase stands for, when the phrase is in the genre opening a
# document's notes (up to " (").
GENRES = {
    "other": ("local authority's page", "municipality's page", "news item", "press release",
              "call for proposals", "slide deck", "minutes", "newsletter", "written question"),
    "policy_document": ("strategy", "consultation response", "annual report", "guidelines"),
    "project_report": ("catalogue page", "working paper", "final report", "evaluation report"),
    "abstract": ("abstract", "thesis record", "poster"),
    "event_programme": ("programme",),
}
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, phrases)))
               for kind, phrases in GENRES.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"as a pdf": 7, "word file": 3, "copied": 5, "pasted": 2, "saved as markdown": 2,
         "clock times glued to talk titles": 3, "consultation response": 2, "english summary": 1,
         "slide deck": 1, "poster": 1, "minutes": 1, "written question": 1, "press release": 1,
         "newsletter": 1, "call for proposals": 1, "annual report": 1, "book-of-abstracts": 1,
         "thesis record": 1, "working paper": 1, "catalogue page": 1, "news item with reader": 1}
FORMATS = {"html": 11, "pdf": 8, "docx": 4, "txt": 7, "md": 2}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")

class Role(NamedTuple):
    """A role of the brief: the opening of its holder's notes, its languages label, the opening
    of its year evidence, lines that must be debris and lines that must stay."""

    opening: str
    languages: str
    evidence: str
    gone: frozenset
    stay: frozenset


def role(opening: str, languages: str, evidence: str, gone: set, stay: set) -> Role:
    return Role(opening, languages, evidence, frozenset(gone), frozenset(stay))


ROLES = {
    "council": role(
        "local authority's page", "en", "2025",
        gone={"Accept analytics cookies", "Create an account", "Phone: 0113 000 0000", "Sign in",
              "Skip to main content"},
        stay={"Check your answers and send the form.", "How to ask online"}),
    "nursing home": role(
        "municipality's page on applying for a long-term", "nb", "2024",
        gone={"Chatten er bemannet mandag–fredag 09.00–14.00", "Godta alle", "Start chat"},
        stay={"Venteliste", "Åpningstider"}),
    "care home": role(
        "danish municipality's page", "da", "no year: no 19xx",
        gone={"CVR 00 00 00 00", "Gå til indhold", "Søg om plejebolig"},
        stay={"Ansøg digitalt"}),
    "home care": role(
        "swedish municipality's page", "sv", "2025",
        gone={"Ansök om hemtjänst via e-tjänst", "Fick du svar på din fråga?"},
        stay={"Skicka ansökan.", "Så ansöker du"}),
    "news": role(
        "news item with reader comments", "nb", "2024",
        gone={"3 kommentarer", "Les også", "NYHETER", "Skriv en kommentar"},
        stay={"Kommentarer", "– Vi fikk aldri vite hvor på ventelisten han sto, sier Dahl."}),
    "journal": role(
        "journal abstract in two languages", "nb;en", "2023",
        gone={"DOI: 10.0000/tidsskr.00.0000", "Last ned PDF", "Originalartikkel"},
        stay={"Abstract", "Sammendrag"}),
    "catalogue": role(
        "research project's catalogue page", "sv;en", "no year: only",
        gone={"2023–2026", "Inga publikationer ännu", "Projektperiod"},
        stay={"Om projektet", "Summary in English"}),
    "paper": role(
        "working paper of the research project", "en", "2025",
        gone={"Figure 1. Share of cases with a home visit, by route of application.",
              "TILLDELA Working Paper 0/2025"},
        stay={"2 First findings", "Summary"}),
    "thesis": role(
        "doctoral thesis record", "en;nb", "2022",
        gone={"Author", "Award date", "Download full text (PDF)"},
        stay={"Abstract", "Sammendrag"}),
    "evaluation": role(
        "evaluation report with an english summary", "nn;en", "2021",
        gone={"Rapport 0/2021", "Rapport 0/2021 | 3",
              "Tabell 1. Søknader etter søknadsveg, første driftsår.",
              "¹ Fræna og Eide vart slegne saman til Hustadvika kommune 1. januar 2020."},
        stay={"Digitalt skjema 54 %", "English summary", "Samandrag"}),
    "letter": role(
        "consultation response as a two-page letter", "sv", "2023",
        gone={"Dnr SN 2023/000", "Remissvar", "Sida 2 av 2", "VÄRMDÖ KOMMUN"},
        stay={"Anna Ek (påhittad)", "Socialdepartementet", "Socialnämndens ordförande"}),
    "word letter": role(
        "consultation response as a word letter", "nn", "2024",
        gone={"Dato: 27.05.2024", "Sør-Aurdal kommune", "Vår ref.: 24/000"},
        stay={"Kommunedirektøren", "Med helsing"}),
    "slides": role(
        "slide deck", "en", "2024",
        gone={"BSG Annual Conference 2024 · 3"},
        stay={"Findings", "What we did"}),
    "minutes": role(
        "council committee minutes", "nb", "2024",
        gone={"Møtedato | 12.03.2024", "Rælingen kommune | Møteprotokoll"},
        stay={"Vedtak"}),
    "word programme": role(
        "theme day programme as a word file", "da", "2025",
        gone={"Torsdag den 8. maj 2025, kl. 9.30–15.30"},
        stay={"10.00 | Velkomst ved formanden", "Program"}),
    "question": role(
        "parliamentary written question", "en", "2024",
        gone={"Date answered: 19 March 2024", "Question reference: WQ.000/2024"},
        stay={"Answer", "Question"}),
    "seminar": role(
        "seminar programme copied", "sv", "no year: no 19xx",
        gone={"Anmäl dig här", "Tisdag 14 oktober"},
        stay={"14.45Kaffe", "Program"}),
    "newsletter": role(
        "newsletter e-mail", "nb", "no year: no 19xx",
        gone={"Meld deg av nyhetsbrevet | Endre innstillinger", "Vis denne e-posten i nettleseren"},
        stay={"Med vennlig hilsen", "Senior Norge"}),
    "strategy": role(
        "municipal strategy with a horizon year", "nb", "2024",
        gone={"Side 3 av 5", "Stange kommune | Helse og omsorg mot 2030",
              "Vedtatt av kommunestyret 5. juni 2024"},
        stay={"3 Mål mot 2030", "Innhold"}),
    "annual report": role(
        "annual report excerpt", "da", "2024",
        gone={"Tabel 1. Ansøgninger og bevillinger fordelt på ydelse.", "Udgivet marts 2024"},
        stay={"Indhold", "Plejebolig 212 168"}),
    "call": role(
        "call for proposals", "nb", "2025",
        gone={"4. februar 2026 kl. 13.00", "Søknadsfrist"},
        stay={"Krav til søknaden"}),
    "poster": role(
        "conference poster", "en", "no year: only",
        gone={"References: Ellison (2019); Marsh and Young (2021)"},
        stay={"Conclusion", "Results"}),
}

# PDF (file opening): pages, /Title (None: absent), year of /CreationDate (None: no dates).
PDFS = {"p01": (5, "Helse og omsorg mot 2030", 2024),
        "p02": (5, "Microsoft Word - rapport_v7_endelig.docx", 2024),
        "p03": (2, None, None), "p04": (6, "PowerPoint Presentation", 2024),
        "p05": (1, None, None), "p06": (4, "Årsrapport 2023 for Visitationen", 2024),
        "p07": (4, "Untitled", 2025), "p08": (4, None, 2022)}
# Word file (file opening): author, title ("" when none), year created.
DOCXS = {"d01": ("Politisk sekretariat", "Møteprotokoll HHO 12.03.2024", 2024),
         "d02": ("Sekretariatet", "", 2025), "d03": ("Sakshandsamar", "Høyringsfråsegn", 2024),
         "d04": ("Socialförvaltningen", "Riktlinjer för handläggning inom äldreomsorgen", 2019)}


def role_holder(key: str) -> str:
    """The document whose notes open as the role's first field says."""
    return fs.by_notes(SET.labels, ROLES[key].opening)


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields), the
    type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree and every role is held by a document of its own; the
    mix of formats and types; languages (each alone three times or more, five bilingual
    documents opened by all five languages, three abstracts among them); the genres named; year
    situations and traps; consultation responses typed policy_document; contents lines debris."""
    labels = SET.labels
    SET.roles_check({key: want.opening for key, want in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert dict(formats) == FORMATS and len(labels) == sum(FORMATS.values())
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    fs.language_check(labels, {"en": 10, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    SET.bilingual_check(5, 3)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.contents_check(DOT_LEADER, 15)


def test_glued_times():
    """Clock times glued to talk titles occur only in programmes: the two copied programmes and
    the Markdown one keep four or more such lines each, none of them debris; the saved page and
    the Word file set times apart from titles (a space, a table cell)."""
    glued = {n for n, found in SET.lines.items() if any(map(fs.GLUED_TIME.search, found))}
    assert {SET.labels[n]["doc_type"] for n in glued} == {"event_programme"}
    assert sorted(Path(n).suffix for n in glued) == [".md", ".txt", ".txt"]
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name


@pytest.mark.parametrize("key", sorted(ROLES))
def test_role(key):
    """A role's furniture is debris, its headings, steps or sign-offs stay, its languages and
    year evidence are the expected ones, and none of its prose is debris."""
    name = role_holder(key)
    want, label, gone = ROLES[key], SET.labels[name], SET.debris_of(name)
    visible = set(SET.lines[name])
    problems = {
        "furniture kept": sorted(want.gone - gone),
        "lines lost": sorted(want.stay - (visible - gone)),
        "languages": sorted({label["languages"]} - {want.languages}),
        "evidence": [] if label["year_evidence"].startswith(want.evidence) else [key],
        "prose as debris": sorted(set(SET.sentences(name)) & gone),
    }
    assert {k: v for k, v in problems.items() if v} == {}, (want.opening, name)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """A PDF's page count and metadata are as the README states; its /CreationDate is in the
    labelled year but for the one re-exported file (two or more years later, named in the
    evidence); each page of a document of several pages ends with a debris line holding the
    page number."""
    from pypdf import PdfReader

    name = named(key)
    pages, title, created = PDFS[key]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    if created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert int(meta["/CreationDate"][2:6]) == created
        if label["year"] and created != int(label["year"]):
            assert created - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]
    if pages > 1:
        for number, page in enumerate(reader.pages, 1):
            last = page.extract_text().strip().split("\n")[-1].strip()
            assert last in SET.debris_of(name) and str(number) in last, (number, last)


def test_pdf_metadata_mix():
    """Most PDFs are dated in their year, two carry no dates, one was re-exported later; the
    /Title is real in some, junk in others and absent in some."""
    dated = Counter()
    for key, (_, _, created) in PDFS.items():
        year = SET.labels[named(key)]["year"]
        dated["none" if created is None else "same" if str(created) == year else "later"] += 1
    assert dated == Counter({"same": 5, "none": 2, "later": 1})
    titles = [title for _, title, _ in PDFS.values()]
    real = {SET.labels[named(k)]["title"] for k in PDFS}
    assert sum(t in real for t in titles) >= 2 and titles.count(None) >= 2
    assert sum(t is not None and t not in real for t in titles) >= 3


@pytest.mark.parametrize("key", sorted(DOCXS))
def test_docx(key):
    """A Word file's core properties are as the README states (an organisation or a role as
    author, never python-docx as last editor, created in the document's year but one file years
    off, no trace of python-docx in the last editor or the comments), and its header or footer
    lines are debris."""
    import docx

    name = named(key)
    author, title, created = DOCXS[key]
    props = docx.Document(str(SET.folder / name)).core_properties
    year = int(SET.labels[name]["year"])
    assert (props.author, props.title, props.created.year) == (author, title, created)
    assert props.last_modified_by and "python-docx" not in props.last_modified_by + props.comments
    assert props.modified.year == year
    evidence = SET.labels[name]["year_evidence"]
    assert created == year or (year - created >= 2 and "created" in evidence)
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)


def test_sources_left_out():
    """Only documents, the three CSVs and the README are in the folder: no Word source of a
    PDF, no ODT."""
    extra = {p.name for p in Path(SET.folder).iterdir()} - set(SET.on_disk) - {
        "labels.csv", "debris.csv", "prose.csv", "README.md"}
    assert extra == set()
    stems = {Path(n).stem for n in SET.on_disk if n.endswith(".docx")}
    assert not stems & {Path(n).stem for n in SET.on_disk if n.endswith(".pdf")}
