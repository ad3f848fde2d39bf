"""Checks of the erratic fixture set (tests/fixtures/exported/erratic), written blind.

Brief: how grants for voluntary organisations and social enterprises in welfare are applied for
and reported online (grant portals, activity grants for children in low-income families,
föreningsbidrag, puljemidler, § 18-midler, lottery-funded grant-makers, digital reporting). The
first set with real binary formats: eight PDF files made by a word processor (cover, running heads
and feet, contents with dot leaders, a slide deck, a poster, a two-page letter) and four Word
files (headers, footers, tables), next to saved pages, text copies and Markdown.

The import is never run here: labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief, then to the binaries' own metadata.
"""

import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "erratic")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|press release|tender notice|newsletter|slide deck|"
             r"council minutes|call for proposals",
    "policy_document": r"consultation response|strategy|annual report|grant guidelines",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"pdf": 11, "as a word file": 4, "copied": 3, "pasted": 4, "saved as markdown": 2,
         "consultation response": 3, "clock times glued to talk titles": 3, "debris": 25}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "agency": ("agency service page",
               {"Hopp til hovedinnhold", "Godta alle", "Logg inn med ID-porten for å åpne skjemaet.",
                "Sist oppdatert 3. februar 2025"},
               {"Slik søker du", "Velg forenklet eller dokumentert modell."}, "nb", "page stamp"),
    "municipal": ("municipal service page on föreningsbidrag",
                  {"Logga in med BankID", "Starta chatten", "Måndag–torsdag 08.00–16.30",
                   "Till innehållet"}, {"Så här ansöker ni"}, "sv", "no year: no 19xx"),
    "paragraph 18": ("municipal service page on applying for § 18 funds",
                     {"Gå til indhold", "Tlf. 89 00 00 00"}, {"Sådan søger I", "Afrapportering"},
                     "da", "no year: the only year is 2021"),
    "news": ("news item with reader comments", {"3 kommentarar", "Skriv ein kommentar", "Les òg"},
             {"Kommentarar"}, "nn", "news stamp"),
    "bilingual abstract": ("journal abstract in two languages",
                           {"Videnskabelig artikel", "Download PDF", "Årgang 00, nr. 0, 2023"},
                           {"Resumé", "Abstract"}, "da;en", "issue line"),
    "catalogue": ("research project's catalogue page",
                  {"Projektperiod", "2023–2026", "Inga publikationer registrerade ännu."},
                  {"Om projektet", "Summary in English"}, "sv;en", "no year: only"),
    "webinar": ("webinar programme", {"Tirsdag 8. april 2025", "Meld deg på"},
                {"Program", "09.50", "Rapportering i portalen: erfaringer fra tre lag"}, "nb",
                "event date"),
    "thesis": ("master's thesis record", {"Author", "Publication date", "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", "record field"),
    "press": ("press release", {"Press release", "Published: 20 May 2025", "Related news"},
              {"Notes to editors"}, "en", "dateline"),
    "tender": ("tender notice", {"CPV-kod", "48000000-0", "Sista anbudsdag", "2026-01-15"},
               {"Beskrivning"}, "sv", "field"),
    "response page": ("consultation response as a page", {"Høringssvar", "12. september 2024"},
                      {"Med venlig hilsen", "Til Social- og Boligministeriets høringsportal"}, "da",
                      "date line"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Rapport 0/2023 | 3", "ISBN 978-82-0000-000-0",
                    "Tabell 1: Tal på søknader frå store og små lag før og etter portalen"},
                   {"Samandrag", "English summary", "Innhald"}, "nn;en", "cover date"),
    "letter": ("consultation response as a two-page pdf letter",
               {"Norges idrettsforbund", "Deres ref.: 24/0000", "Oslo, 14. juni 2024", "Side 2 av 2"},
               {"Med vennlig hilsen", "Kultur- og likestillingsdepartementet"}, "nb", "place-date"),
    "slides": ("slide deck", {"Researching the Voluntary Sector Conference 2024 | 3", "11 September 2024"},
               {"What we found", "Compared 212 questions"}, "en", "title-slide date"),
    "strategy": ("strategy with a horizon year",
                 {"Levanger kommune | Side 3 av 4", "Frivillighetsstrategi mot 2030"},
                 {"2 Mål", "Innhold"}, "nb", "adoption line"),
    "paper": ("working paper of the research project",
              {"DIGILOK Working Paper 0/2025", "¹ The grant is known as lokalt aktivitetsstöd."},
              {"Contents", "Elin Berg (invented) and Oskar Lund (invented)"}, "en", "cover date"),
    "poster": ("conference poster", {"Figure 1. Number of required fields per portal, by funder type"},
               {"Findings", "Conclusion"}, "en", "conference line"),
    "annual": ("annual report excerpt",
               {"Årsrapport 2023 | Slots- og Kulturstyrelsen", "Tabel 2: Antal behandlede ansøgninger",
                "Marts 2024"}, {"2.1 Tilskudsadministration"}, "da", "cover date"),
    "re-exported": ("final report of a project as a pdf",
                    {"Fra papir til portal · side 2", "Marts 2021",
                     "² Tallene bygger på centrenes egne registreringer."}, {"Resumé"}, "da", "cover date"),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Arkivsak | 24/000", "Side 1 av 1"},
                {"Vedtak"}, "nn", "heading table"),
    "table programme": ("workshop programme as a word file",
                        {"Date: Wednesday 14 May 2025", "SCVO"},
                        {"Programme", "10.30 | What funders actually do with your report"}, "en",
                        "date line"),
    "remissvar": ("consultation response as a word file",
                  {"Diarienummer Ku2023/00000", "Stockholm den 28 september 2023"},
                  {"Till Kulturdepartementet", "Med vänliga hälsningar"}, "sv", "place-date"),
    "word report": ("final report of a voluntary organisation's project",
                    {"Prosjektnummer | 2021/0000", "Prosjektperiode | 2021–2022"},
                    {"Resultat"}, "nn", "place-date"),
    "newsletter": ("newsletter e-mail", {"Meld deg av nyheitsbrevet",
                                         "Sendt: tysdag 4. februar 2025 10:14"},
                   {"Treng laget hjelp?"}, "nn", "e-mail header"),
    "guidelines": ("grant guidelines", {"Riktlinjer för föreningsbidrag | Sida 2 av 4", "Borlänge kommun"},
                   {"Återrapportering", "Antagna av kultur- och fritidsnämnden"}, "sv",
                   "no year: no 19xx"),
    "book of abstracts": ("book-of-abstracts page",
                          {"Sesjon 7: Sivilsamfunn og velferdsstat", "41"}, set(), "nb", "running head"),
    "call": ("call for proposals", {"**Søknadsfrist:** 15. januar 2027", "[Spørsmål og svar](/faq)"},
             {"## Slik søker dere"}, "nb", "no year: the only year"),
}

# Identifier kinds (pattern with an `id` group) and, where zeros alone do not fit, their shape.
IDS = {
    "phone": r"(?:Telefon:|Tlf\.|Växel:|Kundtjänst:|Media enquiries:|Tips oss:|Telefon) "
             r"(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "DOI": r"10\.0000/(?:[a-z]+\.20\d\d\.)?(?P<id>[\d.]+)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "case number": r"(?:Arkivsak \| \d\d/|Deres ref\.: \d\d/|Vår ref\.: 20\d\d/|KFN 20\d\d/|"
                   r"Ku20\d\d/|[Ss]ak )(?P<id>\d+)",
    "handle": r"hdl\.handle\.net/(?P<id>[\d/]+)",
    "series number": r"(?:Working Paper|Rapport) (?P<id>\d+)/20\d\d",
    "charity number": r"(?:charity number |Scottish Charity SC)(?P<id>\d+)",
    "project number": r"(?:Prosjektnummer \| 20\d\d/|D20\d\d-)(?P<id>\d+)",
}
SHAPES = {"phone": r"(?:[1-9]\d|0\d?)[ -]?[0 -]*", "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")

# PDF: pages, /Title (None when absent), the year of /CreationDate (None when absent).
PDFS = {
    "p01": (5, "Microsoft Word - rapport_v7_endelig.docx", "2023"),
    "p02": (2, None, "2024"),
    "p03": (6, "PowerPoint Presentation", None),
    "p04": (4, "Frivillighetsstrategi for Levanger kommune mot 2030", "2024"),
    "p05": (4, "Counting sessions: first findings on how sports clubs report activity grants", "2025"),
    "p06": (1, "Untitled", None),
    "p07": (4, "Årsrapport 2023", "2024"),
    "p08": (3, None, "2024"),
}
# Word: author, last_modified_by, title, created year, modified year.
WORD = {
    "w01": ("Nord-Aurdal kommune", "Utvalssekretær", "", 2024, 2024),
    "w02": ("SCVO Events", "Events team", "Programme", 2025, 2025),
    "w03": ("Kansliet", "Kansliet", "Remissvar mall", 2019, 2020),
    "w04": ("Prosjektleiar", "Dagleg leiar", "Sluttrapport", 2022, 2022),
}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document: label and placement rules, the saved page's head and
    fields, the type its genre names, later years of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's mix of formats; all five
    types four times or more; each language alone three times or more; five bilingual documents
    opened by five languages (two abstracts); genres named; year situations and traps; the
    consultation responses are policy documents; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert len(SET.labels) == 32
    assert dict(formats) == {"html": 11, "pdf": 8, "docx": 4, "txt": 7, "md": 2}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    alone = SET.by_column["languages (label)"]
    assert min(alone[code] for code in fs.LANGUAGES) >= 3, alone
    SET.bilingual_check(5, 2)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(3)


def test_programmes_identifiers_and_contents():
    """Clock times glued to talk titles only in the three copied or Markdown programmes (four
    kept lines or more each); the saved and Word programmes keep times apart; every kind of
    identifier occurs, zero-filled; thirteen dot-leader contents lines, all debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert sorted(glued) == [named("m01"), named("t01"), named("t02")]
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert programmes - set(glued) == {named("h07"), named("w02")}
    SET.identifiers_check(IDS, SHAPES)
    SET.contents_check(DOT_LEADER, 13)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or lines stay, its languages label and the
    kind of its year evidence are the expected ones, and its prose is no debris."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert not set(SET.sentences(name)) & SET.debris_of(name)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Each PDF's page count and metadata as the README states; a cover date or text year is
    the label, and a /CreationDate that disagrees with it is named in the evidence."""
    name = named(key)
    pages, title, created = PDFS[key]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    assert ("/ModDate" in meta) == bool(created)
    label = SET.labels[name]
    if created and created != label["year"]:
        assert int(created) - int(label["year"]) >= 2 and created in label["year_evidence"]
        assert "/CreationDate" in label["year_evidence"]
    if title and title != label["title"]:
        assert title not in label["title"] and label["title"] not in title
    assert fs.flat(fs.visible_text(SET.folder / name)).count(label["title"]) >= 1


def test_pdf_mix():
    """Most PDFs are dated by /CreationDate in their year, two carry no dates, one was
    re-exported; /Title real in three, junk in three, absent in two; running feet on every page
    after the cover of the reports (page numbers rise)."""
    years = {k: (v[2], SET.labels[named(k)]["year"]) for k, v in PDFS.items()}
    assert sum(c == y for c, y in years.values()) == 5
    assert sum(c is None for c, _ in years.values()) == 2
    assert [k for k, (c, y) in years.items() if c and c != y] == ["p08"]
    titles = [(v[1], SET.labels[named(k)]["title"]) for k, v in PDFS.items()]
    assert sum(t == lab for t, lab in titles) == 3 and sum(t is None for t, _ in titles) == 2
    for key, foot in (("p01", r"Rapport 0/2023 \| (\d)"), ("p04", r"Side (\d) av 4"),
                      ("p05", r"0/2025 \| (\d)"), ("p03", r"Conference 2024 \| (\d)")):
        found = [int(m[1]) for line in SET.lines[named(key)] if (m := re.search(foot, line))]
        assert found == sorted(found) and len(found) >= PDFS[key][0] - 1, key


@pytest.mark.parametrize("key", sorted(WORD))
def test_word(key):
    """Each Word file's core properties: an organisation or a role as author, no python-docx
    trace, created and modified in the labelled year except the one whose evidence names them."""
    name = named(key)
    props = docx.Document(str(SET.folder / name)).core_properties
    author, last, title, created, modified = WORD[key]
    assert (props.author, props.last_modified_by, props.title) == (author, last, title)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert "python-docx" not in {props.author, props.last_modified_by, props.comments}
    label = SET.labels[name]
    if created != int(label["year"]):
        assert str(created) in label["year_evidence"] and "core properties" in label["year_evidence"]
    header = docx.Document(str(SET.folder / name)).sections[0].header.paragraphs[0].text
    assert header and header in SET.debris_of(name)
