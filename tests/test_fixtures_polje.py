"""Checks of the polje fixture set (tests/fixtures/exported/polje), written blind.

Brief: seasonal and migrant workers meeting digital welfare and tax services (D-number,
skattekort, MitID for foreigners, samordningsnummer, digital post they cannot open), in real
binary formats and browsers' saves: saved HTML pages, a page Chrome saved as one .mhtml file, a
page printed to PDF by Chromium, PDF files made by a word processor (an evaluation report with
a cover, contents and a table; a two-page consultation letter), Word files (minutes with a
heading table; a programme as a table), text copies and a page saved as Markdown.

The set has the brief's 32 documents, so the shared size_check and trap_check, which assume 36 to
40 documents and three glued programmes, are replaced by the set's own counts.
The import is never run here.
"""

import re
from datetime import datetime

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "polje")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's (?:service )?page|news item|board minutes|guidance page|"
             r"call for proposals|press release|slide deck|tender notice|newsletter|"
             r"council minutes|growers' association's guidance page",
    "policy_document": r"consultation response|strategy|parliamentary written question|"
                       r"annual report",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# The set's own counts (README "Counts"), in place of size_check.
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence, "" when dated).
ROLES = {
    'service page': (
        "municipality's service page for seasonal workers",
        {'Godta alle', 'Hopp til hovedinnhold', 'Sentralbord: 72 00 00 00', 'Start chat'},
        {'Slik går du fram', 'Ta med pass og arbeidskontrakt.', 'Åpningstider'},
        'nb', 'no year: no 19xx'),
    'news': (
        'news item with reader comments',
        {'2 kommentarer', 'Läs också', 'Skriv en kommentar'},
        {'Kommentarer'},
        'sv', ''),
    'catalogue': (
        "research project's catalogue page",
        {'000000', '2024–2027', 'No publications found', 'Project period'},
        {'Sammendrag på norsk', 'Summary'},
        'en;nb', 'no year: only'),
    'mhtml': (
        "employers' organisation's guidance page saved by chrome",
        {'Accepter', 'CVR 00 00 00 00', 'Gå til indhold'},
        {'Sådan hjælper du som arbejdsgiver'},
        'da', ''),
    'printed': (
        "municipality's page printed to pdf",
        {'12/5/26, 9:33 AM Hitra kommune - Digital mail'},
        {'What you can do'},
        'en', 'no year: no 19xx'),
    'evaluation': (
        'evaluation report with an english summary',
        {'Rapport 0/2023', 'Side 2 av 3'},
        {'English summary', 'Innhold', 'Sammendrag'},
        'nb;en', '2023'),
    'letter': (
        "consultation response of a growers'",
        {'Org.nr. 000 000 000 · Side 2', 'Vår ref.: 00/0000'},
        {'Med venleg helsing', 'Til Finansdepartementet', 'Våre merknader'},
        'nn', '2024'),
    'minutes': (
        'board minutes',
        {'Mødedato | 12.03.2024', 'Referent | Sekretariatet'},
        {'2. Beslutninger'},
        'da', '2024'),
    'programme table': (
        'seminar programme as a table',
        {'SLU Alnarp · Institutionen för arbetsvetenskap'},
        {'10.00 | Samordningsnummer i praktiken', '11.30 | Lunch'},
        'sv', 'no year: no 19xx'),
    'glued': (
        'seminar programme copied with clock times glued',
        {'Meld deg på', 'Tirsdag 18. mars 2025'},
        {'10:30-10:45Pause', 'Program'},
        'nb', '2025'),
    'bilingual abstract': (
        'journal abstract in two languages',
        {'Download PDF', 'ISSN 0000-0000'},
        {'Abstract', 'Resumé'},
        'da;en', '2022'),
    'markdown abstract': (
        'conference abstract saved as markdown',
        {'*   [Home](/)'},
        set(),
        'en', 'no year: no 19xx'),
    'call': (
        'call for proposals with a future deadline',
        {'15 October 2027 at 15:00 CET', 'Deadline'},
        {'How to apply'},
        'en', 'no year: only'),
    'thesis': (
        'thesis record of a bachelor project',
        {'Downloads: 0', 'Forfatter', 'Hent PDF'},
        {'Resumé'},
        'da', '2023'),
    'press release': (
        'press release',
        {'Presskontakt', 'Pressmeddelande'},
        set(),
        'sv', '2024'),
    'slides': (
        'slide deck',
        {'Frokostseminar Sjømatens hus | 4'},
        {'Våre forslag'},
        'nb', 'no year: no 19xx'),
    'final report': (
        'final report',
        {'Prosjektperiode | 2020–2022', 'Side 1'},
        {'Samandrag'},
        'nn', '2022'),
    'strategy': (
        'municipal strategy with a horizon year',
        {'Vågan kommune | Side 3'},
        {'2 Mål'},
        'nn', 'no year: only'),
    'question': (
        'parliamentary written question',
        {'Indleveret', '4.11.2024', 'Landsstyremedlem (opdigtet)',
         'Skriftligt spørgsmål nr. 0/2024'},
        {'Spørgsmål', 'Svar'},
        'da', '2024'),
    'working paper': (
        'working paper of the research project',
        {'SEASONDIGI Working Paper 0/2025 | 3', 'Sveriges lantbruksuniversitet, Alnarp'},
        {'Contents', 'Sammanfattning', 'May 2025'},
        'en;sv', '2025'),
    'saved programme': (
        'workshop programme saved by chrome',
        {'Alnarp, 9 October 2025', 'Programme - SLU'},
        {'09:30', 'Identity checks as gatekeeping', 'Lunch'},
        'en', '2025'),
    'markdown programme': (
        'gathering programme saved as markdown',
        {'**Stad:** Kulturhuset, Hitra', '[Tilbake til oversikta](/samlingar)'},
        {'| 10.15 | Kva skjer på skattekontoret? |', '| Tid | Innslag |'},
        'nn', 'no year: no 19xx'),
    'tender': (
        'tender notice',
        {'Tilbudsfrist', 'CPV', '00000000', 'ﬁle:///tmp/polje-scratch/src/c2.html 1/1'},
        set(),
        'nb', '2024'),
    'newsletter': (
        'newsletter e-mail',
        {'Dato: 6. juni 2024', 'Meld deg av nyhetsbrevet', 'Les mer på nettsidene våre.'},
        set(),
        'nb', '2024'),
    'poster': (
        'conference poster',
        {'Figure 1: Contacts with authorities by who made them'},
        {'Background', 'Method', 'Results', 'Conclusion', 'Poster presented in August 2024.'},
        'en', '2024'),
    'book of abstracts': (
        'book-of-abstracts page',
        {'42', '43', 'Parallellsesjon 3: Digitale tenester'},
        {'When the tax card comes after the wage'},
        'nn;en', '2023'),
    'danish response': (
        "consultation response of an employers'",
        {'Sagsnr. 2023-0000', 'Side 1'},
        {'Skatteministeriet', 'Med venlig hilsen'},
        'da', '2023'),
}

# PDF: pages, and its /Title and /CreationDate year as the README states (None: absent); a
# /CreationDate is never the labelled year but in the PDFs of DATED_BY_FILE.
PDFS = {"c01_hitra_digital_mail_en.pdf": (1, "Hitra kommune - Digital mail", "2026"),
        "p01_smola_evaluering_mottakstjenesten_nb_en.pdf":
            (3, "Microsoft Word - rapport_v7_endelig.docx", "2026"),
        "p02_gartnerforbund_hoyringssvar_skattekort_nn.pdf": (2, None, None),
        "p03_nhomat_lysark_frokostseminar_nb.pdf": (4, "PowerPoint Presentation", None),
        "p04_slu_working_paper_seasondigi_en_sv.pdf":
            (3, "Registered but unreachable: seasonal workers and the digital mailbox", "2025"),
        "c02_vagan_kunngjoring_tolketjenester_nb.pdf": (1, "Anskaffelser - Vågan kommune", "2026"),
        "p05_lf_hoeringssvar_skattekort_da.pdf": (1, "Untitled", "2023"),
        "p06_nmr_poster_employers_brokers_en.pdf": (1, None, "2024"),
        "p07_smola_moteprotokoll_kommunestyret_nb.pdf": (2, None, "2024")}
DATED_BY_FILE = {"p04_slu_working_paper_seasondigi_en_sv.pdf",
                 "p05_lf_hoeringssvar_skattekort_da.pdf",
                 "p06_nmr_poster_employers_brokers_en.pdf",
                 "p07_smola_moteprotokoll_kommunestyret_nb.pdf"}
# Word file: (title or "", author, created year, modified year).
WORD = {"d01_lf_referat_udvalgsmoede_da.docx": ("Referat udvalgsmøde", "Sekretariatet", 2024, 2024),
        "d02_slu_temadag_program_sv.docx": ("", "Institutionen för arbetsvetenskap", 2021, 2021),
        "d03_nbs_sluttrapport_sesongklar_nn.docx": ("", "Norsk Bonde- og Småbrukarlag", 2022, 2022),
        "d04_froya_arsmelding_servicetorget_nb.docx":
            ("Årsmelding servicetorget", "Frøya kommune", 2024, 2024)}
DOT_LEADER = re.compile(r"\.{10,} ?\d+$")


# Each role's document, and the visible lines of each document that are not debris.
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}
KEPT = {name: set(found) - SET.debris_of(name) for name, found in SET.lines.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; the formats, types and languages as the README
    counts them; year situations; consultation responses are policy documents."""
    fs.files_check(SET.folder, SET.labels)
    fs.readme_check(SET.folder, SET.labels, SET.debris, SET.prose)
    assert dict(SET.by_column["format"]) == FORMATS
    assert set(SET.by_column["doc_type"]) == fs.TYPES
    assert min(SET.by_column["doc_type"].values()) >= 2
    tags, parts, _ = fs.language_counts(SET.labels)
    assert set(parts) == fs.LANGUAGES and len([t for t in tags if ";" in t]) >= 3
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert len(traps["bare"]) >= 3 and len(traps["other_years"]) >= 3
    assert len(traps["ahead"]) >= 2 and traps["repeated"] == []
    SET.consultations_check(2)
    assert len(set(HOLDERS.values())) == len(ROLES)


def test_glued_and_contents():
    """The copied programme glues four times or more to titles, none of them debris; the
    contents lines with dot leaders (eleven) are all debris."""
    glued = HOLDERS["glued"]
    assert len({line for line in KEPT[glued] if fs.GLUED_TIME.search(line)}) >= 4
    assert fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"] == [glued]
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len(leaders) == 11 and all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones."""
    name = HOLDERS[role]
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - KEPT[name] == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's pages and metadata: the word processor's files carry the /Title and the
    /CreationDate the README states (or none); the browser's print keeps its own."""
    from pypdf import PdfReader

    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    found = info.get("/CreationDate")
    assert (found[2:6] if found else None) == created
    assert (created == SET.labels[name]["year"]) == (name in DATED_BY_FILE)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: title, an organisation or role as author and last
    editor (never python-docx), and the created and modified years."""
    import docx

    props = docx.Document(str(SET.folder / name)).core_properties
    title, author, created, modified = WORD[name]
    assert (props.title, props.author, props.last_modified_by) == (title, author, author)
    assert isinstance(props.created, datetime)
    assert (props.created.year, props.modified.year) == (created, modified)
