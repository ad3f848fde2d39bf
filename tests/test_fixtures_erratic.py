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
from typing import NamedTuple

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "erratic")
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# The genre that opens a document's notes (its text up to " (") names one type by these phrases.
GENRE_PHRASES = {
    "other": ("service page", "news item", "press release", "tender notice", "newsletter",
              "slide deck", "council minutes", "call for proposals"),
    "policy_document": ("consultation response", "strategy", "annual report", "grant guidelines"),
    "project_report": ("catalogue page", "working paper", "evaluation report", "final report"),
    "abstract": ("abstract", "thesis record", "poster"),
    "event_programme": ("programme",),
}
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, phrases)))
               for kind, phrases in GENRE_PHRASES.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"pdf": 11, "as a word file": 4, "copied": 3, "pasted": 4, "saved as markdown": 2,
         "consultation response": 3, "clock times glued to talk titles": 3, "debris": 25}

class Role(NamedTuple):
    """A role of the brief: the opening of its holder's notes, lines that must be debris, lines
    that must stay, its languages label and the opening of its year evidence."""

    opening: str
    gone: set
    stay: set
    languages: str
    evidence: str


ROLES = {
    "agency": Role(
        opening="agency service page",
        gone={"Godta alle", "Hopp til hovedinnhold", "Logg inn med ID-porten for å åpne skjemaet.",
              "Sist oppdatert 3. februar 2025"},
        stay={"Slik søker du", "Velg forenklet eller dokumentert modell."},
        languages="nb", evidence="page stamp"),
    "municipal": Role(
        opening="municipal service page on föreningsbidrag",
        gone={"Logga in med BankID", "Måndag–torsdag 08.00–16.30", "Starta chatten",
              "Till innehållet"},
        stay={"Så här ansöker ni"},
        languages="sv", evidence="no year: no 19xx"),
    "paragraph 18": Role(
        opening="municipal service page on applying for § 18 funds",
        gone={"Gå til indhold", "Tlf. 89 00 00 00"},
        stay={"Afrapportering", "Sådan søger I"},
        languages="da", evidence="no year: the only year is 2021"),
    "news": Role(
        opening="news item with reader comments",
        gone={"3 kommentarar", "Les òg", "Skriv ein kommentar"},
        stay={"Kommentarar"},
        languages="nn", evidence="news stamp"),
    "bilingual abstract": Role(
        opening="journal abstract in two languages",
        gone={"Download PDF", "Videnskabelig artikel", "Årgang 00, nr. 0, 2023"},
        stay={"Abstract", "Resumé"},
        languages="da;en", evidence="issue line"),
    "catalogue": Role(
        opening="research project's catalogue page",
        gone={"2023–2026", "Inga publikationer registrerade ännu.", "Projektperiod"},
        stay={"Om projektet", "Summary in English"},
        languages="sv;en", evidence="no year: only"),
    "webinar": Role(
        opening="webinar programme",
        gone={"Meld deg på", "Tirsdag 8. april 2025"},
        stay={"09.50", "Program", "Rapportering i portalen: erfaringer fra tre lag"},
        languages="nb", evidence="event date"),
    "thesis": Role(
        opening="master's thesis record",
        gone={"Author", "Download full text (PDF)", "Publication date"},
        stay={"Abstract", "Sammendrag"},
        languages="en;nb", evidence="record field"),
    "press": Role(
        opening="press release",
        gone={"Press release", "Published: 20 May 2025", "Related news"},
        stay={"Notes to editors"},
        languages="en", evidence="dateline"),
    "tender": Role(
        opening="tender notice",
        gone={"2026-01-15", "48000000-0", "CPV-kod", "Sista anbudsdag"},
        stay={"Beskrivning"},
        languages="sv", evidence="field"),
    "response page": Role(
        opening="consultation response as a page",
        gone={"12. september 2024", "Høringssvar"},
        stay={"Med venlig hilsen", "Til Social- og Boligministeriets høringsportal"},
        languages="da", evidence="date line"),
    "evaluation": Role(
        opening="evaluation report with an english summary",
        gone={"ISBN 978-82-0000-000-0", "Rapport 0/2023", "Rapport 0/2023 | 3",
              "Tabell 1: Tal på søknader frå store og små lag før og etter portalen"},
        stay={"English summary", "Innhald", "Samandrag"},
        languages="nn;en", evidence="cover date"),
    "letter": Role(
        opening="consultation response as a two-page pdf letter",
        gone={"Deres ref.: 24/0000", "Norges idrettsforbund", "Oslo, 14. juni 2024", "Side 2 av 2"},
        stay={"Kultur- og likestillingsdepartementet", "Med vennlig hilsen"},
        languages="nb", evidence="place-date"),
    "slides": Role(
        opening="slide deck",
        gone={"11 September 2024", "Researching the Voluntary Sector Conference 2024 | 3"},
        stay={"Compared 212 questions", "What we found"},
        languages="en", evidence="title-slide date"),
    "strategy": Role(
        opening="strategy with a horizon year",
        gone={"Frivillighetsstrategi mot 2030", "Levanger kommune | Side 3 av 4"},
        stay={"2 Mål", "Innhold"},
        languages="nb", evidence="adoption line"),
    "paper": Role(
        opening="working paper of the research project",
        gone={"DIGILOK Working Paper 0/2025", "¹ The grant is known as lokalt aktivitetsstöd."},
        stay={"Contents", "Elin Berg (invented) and Oskar Lund (invented)"},
        languages="en", evidence="cover date"),
    "poster": Role(
        opening="conference poster",
        gone={"Figure 1. Number of required fields per portal, by funder type"},
        stay={"Conclusion", "Findings"},
        languages="en", evidence="conference line"),
    "annual": Role(
        opening="annual report excerpt",
        gone={"Marts 2024", "Tabel 2: Antal behandlede ansøgninger",
              "Årsrapport 2023 | Slots- og Kulturstyrelsen"},
        stay={"2.1 Tilskudsadministration"},
        languages="da", evidence="cover date"),
    "re-exported": Role(
        opening="final report of a project as a pdf",
        gone={"Fra papir til portal · side 2", "Marts 2021",
              "² Tallene bygger på centrenes egne registreringer."},
        stay={"Resumé"},
        languages="da", evidence="cover date"),
    "minutes": Role(
        opening="council minutes",
        gone={"Arkivsak | 24/000", "Møtedato | 12.03.2024", "Side 1 av 1"},
        stay={"Vedtak"},
        languages="nn", evidence="heading table"),
    "table programme": Role(
        opening="workshop programme as a word file",
        gone={"Date: Wednesday 14 May 2025", "SCVO"},
        stay={"10.30 | What funders actually do with your report", "Programme"},
        languages="en", evidence="date line"),
    "remissvar": Role(
        opening="consultation response as a word file",
        gone={"Diarienummer Ku2023/00000", "Stockholm den 28 september 2023"},
        stay={"Med vänliga hälsningar", "Till Kulturdepartementet"},
        languages="sv", evidence="place-date"),
    "word report": Role(
        opening="final report of a voluntary organisation's project",
        gone={"Prosjektnummer | 2021/0000", "Prosjektperiode | 2021–2022"},
        stay={"Resultat"},
        languages="nn", evidence="place-date"),
    "newsletter": Role(
        opening="newsletter e-mail",
        gone={"Meld deg av nyheitsbrevet", "Sendt: tysdag 4. februar 2025 10:14"},
        stay={"Treng laget hjelp?"},
        languages="nn", evidence="e-mail header"),
    "guidelines": Role(
        opening="grant guidelines",
        gone={"Borlänge kommun", "Riktlinjer för föreningsbidrag | Sida 2 av 4"},
        stay={"Antagna av kultur- och fritidsnämnden", "Återrapportering"},
        languages="sv", evidence="no year: no 19xx"),
    "book of abstracts": Role(
        opening="book-of-abstracts page",
        gone={"41", "Sesjon 7: Sivilsamfunn og velferdsstat"},
        stay=set(),
        languages="nb", evidence="running head"),
    "call": Role(
        opening="call for proposals",
        gone={"**Søknadsfrist:** 15. januar 2027", "[Spørsmål og svar](/faq)"},
        stay={"## Slik søker dere"},
        languages="nb", evidence="no year: the only year"),
}

# Identifier kinds: the words that lead to one and the form of its `id` group (zeros and
# separators, unless SHAPES gives the zero-filled form of the kind).
IDS = {kind: f"{lead}(?P<id>{body})" for kind, lead, body in (
    ("phone", r"(?:Telefon:?|Tlf\.|Växel:|Kundtjänst:|Media enquiries:|Tips oss:) ",
     r"\d[\d -]*\d"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) ", r"\d[\d -]*\d"),
    ("ISBN", "ISBN ", r"[\d-]+"),
    ("ISSN", "ISSN ", r"[\d-]+"),
    ("DOI", r"10\.0000/(?:[a-z]+\.20\d\d\.)?", r"[\d.]+"),
    ("postal box", "(?:Postboks|Box) ", r"\d+"),
    ("case number", r"(?:Arkivsak \| \d\d/|Deres ref\.: \d\d/|Vår ref\.: 20\d\d/|KFN 20\d\d/|"
                    r"Ku20\d\d/|[Ss]ak )", r"\d+"),
    ("handle", r"hdl\.handle\.net/", r"[\d/]+"),
    ("series number", "(?:Working Paper|Rapport) ", r"\d+(?=/20\d\d)"),
    ("charity number", "(?:charity number |Scottish Charity SC)", r"\d+"),
    ("project number", r"(?:Prosjektnummer \| 20\d\d/|D20\d\d-)", r"\d+"),
)}
SHAPES = {"phone": r"(?:[1-9]\d|0\d?)[ -]?[0 -]*", "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")

# PDF: pages, /Title (None when absent), the year of /CreationDate (None when absent).
PDFS = {
    "p01": (5, "Microsoft Word - rapport_v7_endelig.docx", "2023"),
    "p02": (2, None, "2024"),
    "p03": (6, "PowerPoint Presentation", None),
    "p04": (4, "Frivillighetsstrategi for Levanger kommune mot 2030", "2024"),
    "p05": (4, "Counting sessions: first findings on how sports clubs report activity grants",
            "2025"),
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
    return fs.by_notes(SET.labels, ROLES[role].opening)


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
    SET.roles_check({key: role.opening for key, role in ROLES.items()})
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
    expected = ROLES[role]
    name = holder(role)
    label = SET.labels[name]
    found = {"gone": expected.gone & SET.debris_of(name),
             "stay": expected.stay & kept_lines(name), "languages": label["languages"],
             "evidence": label["year_evidence"][:len(expected.evidence)]}
    assert found == {"gone": expected.gone, "stay": expected.stay,
                     "languages": expected.languages, "evidence": expected.evidence}
    assert set(SET.sentences(name)).isdisjoint(SET.debris_of(name))


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
    texts = (props.author, props.last_modified_by, props.title, props.comments, props.subject,
             props.keywords, props.category)
    assert not [text for text in texts if "python-docx" in text]
    label = SET.labels[name]
    if created != int(label["year"]):
        evidence = label["year_evidence"]
        assert str(created) in evidence and "core properties" in evidence
    header = docx.Document(str(SET.folder / name)).sections[0].header.paragraphs[0].text
    assert header and header in SET.debris_of(name)
