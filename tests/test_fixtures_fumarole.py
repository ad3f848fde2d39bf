"""Checks of the fumarole fixture set (tests/fixtures/exported/fumarole), written blind.

Brief: economic social assistance applied for and handled digitally (økonomisk sosialhjelp and
digital søknad at Nav offices, nødhjelp, kontanthjælp and uddannelseshjælp, ekonomiskt bistånd
and e-tjänster, Universal Credit advances and hardship payments; consent to fetch bank
statements, automated calculations, caseworkers' discretion). 32 documents leaning to the web:
16 saved pages, 3 pages saved by Chrome as one .mhtml file, 2 pages printed to PDF by Chromium,
4 PDFs from a word processor, 2 Word files, 4 text copies and a Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than the 36 to 40 documents size_check and trap_check assume, so its own counts are
checked here instead.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "fumarole")
# <head> fields that carry a page's date (keys in lower case), checked against the label.
META_DATES = set(
    "article:published_time article:modified_time citation_publication_date event:start_time "
    "dc.date dcterms.modified".split()
)

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {
    kind: re.compile(words)
    for kind, words in {
        "other": r"page on|news item|blog post|written question|call for proposals|tender notice|"
        r"press release|newsletter|council minutes|page saved by chrome|page printed",
        "policy_document": r"consultation response|strategy|annual report",
        "project_report": r"catalogue page|working paper|evaluation report|final report",
        "abstract": r"abstract|thesis record",
        "event_programme": r"programme",
    }.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "clock times glued to talk titles": 2,
    "consultation response": 3,
    "saved by chrome": 3,
    "printed to pdf by the browser": 2,
    "from a word processor": 4,
    "a word file": 2,
    "copied": 1,
    "pasted": 3,
    "saved as markdown": 1,
    "english cookie banner": 2,
}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGE_PARTS = {"nb": 14, "en": 14, "nn": 4, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "council": (
        "city council's page on universal credit advances",
        {
            "Skip to main content",
            "Accept additional cookies",
            "Phone: 0116 000 0000",
            "Was this page helpful?",
        },
        {"How to ask for an advance", "Sign in to your online Universal Credit account."},
        "en",
        "",
    ),
    "danish": (
        "municipality's page on applying digitally for kontanthjælp",
        {"Gå til indhold", "Tillad alle", "CVR 00 00 00 00", "Telefon 43 00 00 00"},
        {"Sådan søger du", "Meld dig ledig på jobnet.dk med MitID."},
        "da",
        "no year: no 19xx",
    ),
    "boilerplate": (
        "municipality's page on applying digitally for økonomisk sosialhjelp",
        {
            "Skip to content",
            "This site uses cookies",
            "Accept all",
            "Start chat",
            "Mandag–fredag 09.00–14.00",
        },
        {"Søk digitalt", "Nødhjelp"},
        "nb",
        "no year: no 19xx",
    ),
    "journal": (
        "journal abstract on an article page with citation widgets",
        {
            "Views: 1,204",
            "CrossRef citations to date: 3",
            "Altmetric: 27",
            "ORCID Icon",
            "Download PDF",
            "People also read",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "catalogue": (
        "funder's project catalogue page",
        {"Prosjektperiode", "2024–2027", "Prosjektnummer", "Ingen publikasjoner registrert"},
        {"Om prosjektet", "Summary in English"},
        "nb;en",
        "no year: only",
    ),
    "portal": (
        "conference abstract on a university research portal",
        {
            "Fingerprint",
            "Social Assistance 100%",
            "Original language",
            "Contribution to conference",
        },
        {"Abstract", "Sammendrag"},
        "en;nb",
        "",
    ),
    "news": (
        "news item with reader comments",
        {"3 kommentarer", "Skriv en kommentar", "Les også", "NYHETER"},
        {"Kommentarer"},
        "nb",
        "",
    ),
    "question": (
        "parliamentary written question",
        {"Related questions", "UIN 000000, tabled on 29 January 2024"},
        {"Asked by Jane Porter (invented)"},
        "en",
        "",
    ),
    "call": (
        "call for proposals with a future deadline",
        {"Deadline", "Midday, 14 January 2027", "Call for proposals"},
        {"How to apply"},
        "en",
        "no year: only",
    ),
    "tender": (
        "tender notice with catalogue fields",
        {"CPV-kode", "Tilbudsfrist", "Konkurransegrunnlag.pdf"},
        {"Beskrivelse"},
        "nb",
        "",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {"Rapport 00/2022", "Oktober 2022", "Trøndelag velferdsanalyse   Side 3"},
        {"Sammendrag", "English summary"},
        "nb;en",
        "",
    ),
    "strategy": (
        "strategy with a horizon year",
        {"Strategi for sosiale tjenester mot 2030", "Vedtatt i kommunestyret 12. juni 2025"},
        {"2 Mål", "Strategi for sosiale tjenester i Kragerø mot 2030"},
        "nb",
        "",
    ),
    "minutes": (
        "council minutes",
        {"Dato: 04.06.2024", "Side 1"},
        {"Møteprotokoll", "Rett utskrift:"},
        "nn",
        "",
    ),
    "paper": (
        "working paper of the research project",
        {
            "DIGISKJØNN Working Paper 0/2025",
            "² Files were anonymised by the offices before we read them.",
        },
        {"1 Introduction", "Table 1. Decisions that departed from the proposed amount."},
        "en",
        "",
    ),
    "seminar": (
        "seminar programme copied with clock times glued",
        {"Påmeldingsfrist", "Onsdag 24. september 2025", "Meld deg på"},
        {"Program", "11.45Lunsj"},
        "nb",
        "",
    ),
    "abstracts": (
        "conference abstract from a book of abstracts",
        {"42", "43", "Kalkulatoren i skranken"},
        {"Samandrag", "Abstract"},
        "nn;en",
        "",
    ),
    "newsletter": (
        "newsletter e-mail pasted as text",
        {"View this email in your browser", "Unsubscribe | Update your preferences"},
        {"What you can do"},
        "en",
        "",
    ),
    "printed": (
        "municipality's page printed to pdf by the browser",
        {"Spring til indhold", "Jobcenter Vallensbæk"},
        {"Nye regler"},
        "da",
        "no year: only",
    ),
}

# PDF: pages, /Title (None when absent), year of /CreationDate (None when absent).
PDFS = {
    "c01_vallensbaek_uddannelseshjaelp_print_da.pdf": (
        1,
        "Uddannelseshjælp | Vallensbæk Kommune",
        "printed",
    ),
    "c02_gjeldsoffer_horingssvar_print_nb.pdf": (
        1,
        "Høringssvar | Gjeldsoffer-Alliansen",
        "printed",
    ),
    "p01_evaluering_digital_soknad_rapport_nb_en.pdf": (
        5,
        "Digital søknad om økonomisk sosialhjelp",
        "2025",
    ),
    "p02_kragero_strategi_sosiale_tjenester_mot_2030_nb.pdf": (
        4,
        "Digital og rettferdig sosialtjeneste",
        "2025",
    ),
    "p03_nordvikbygd_moteprotokoll_helse_velferd_nn.pdf": (1, None, None),
    "p04_digiskjonn_working_paper_en.pdf": (2, "Microsoft Word - wp_digiskjonn_v3.docx", "2025"),
}
# Word file: author, last_modified_by, year created, year modified.
WORD = {
    "w01_oppdal_horingsuttalelse_sosialhjelp_nb.docx": (
        "Oppdal kommune",
        "Saksbehandler helse og velferd",
        2024,
        2024,
    ),
    "w02_bydel_alna_fagdag_program_nb.docx": (
        "Nav Alna fagutvikling",
        "Fagkoordinator",
        2025,
        2025,
    ),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
SLOT = re.compile(r"\d\d[:.]\d\d( \| .+)?$")
CHROME_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")


HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


def holder(role: str) -> str:
    """The one document whose notes open with the role's phrase."""
    return HOLDERS[role]


def kept_lines(document: str) -> set[str]:
    """A document's visible lines that are not listed as debris."""
    gone = SET.debris_of(document)
    return {line for line in SET.lines[document] if line not in gone}


@pytest.mark.parametrize("name", sorted(SET.labels))
def test_each_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields),
    the type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; every type four
    times or more; languages as asked, with four bilingual documents; genres named; year
    situations and traps; every consultation response a policy document; one holder a role."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    formats, types = fs.column_counts(labels)["format"], fs.column_counts(labels)["doc_type"]
    assert len(labels) == 32 and dict(formats) == FORMATS
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert dict(parts) == LANGUAGE_PARTS, parts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(names) >= 3 for key, names in traps.items() if key != "repeated"} == {
        "bare": True,
        "other_years": True,
        "glued": False,
        "ahead": True,
    }
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_and_contents():
    """Glued clock times only in the two programmes that glue them (four kept lines or more each,
    none debris); the table programmes keep their timetables; dot-leader contents lines (seven
    or more, in two PDFs) are all debris."""
    programmes = sorted(n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme")
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert len(programmes) == 4 and len(glued) == 2 and set(glued) <= set(programmes)
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    for name in set(programmes) - set(glued):
        slots = {line for line in kept_lines(name) if SLOT.match(line)}
        assert len(slots) >= 5, name
    SET.contents_check(DOT_LEADER, 7)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) == 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and its prose survives."""
    document = holder(role)
    label, debris, prose = SET.labels[document], SET.debris_of(document), SET.sentences(document)
    _, furniture, headings, languages, evidence = ROLES[role]
    missing = (furniture - debris, headings - kept_lines(document))
    assert missing == (set(), set()), missing
    assert (label["languages"], label["year_evidence"][: len(evidence)]) == (languages, evidence)
    assert len(prose) >= 3 and not debris.intersection(prose)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states; Chromium's prints keep their
    date-and-title stamp and address line as debris, and their labelled year is never the
    printing date; a re-exported PDF's /CreationDate is not its labelled year."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    if created == "printed":
        assert fs.flat(meta.get("/Title", "")) == title
        stamps = [line for line in SET.lines[name] if CHROME_STAMP.match(line)]
        addresses = [line for line in SET.lines[name] if line.startswith("http://")]
        assert len(stamps) == pages and stamps[0].endswith(title.replace("ff", "ﬀ"))
        assert set(stamps + addresses) <= SET.debris_of(name)
        assert meta["/CreationDate"][2:6] != label["year"] and "printed" in label["year_evidence"]
        return
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    if created and label["year"] != created:
        assert "/CreationDate" in label["year_evidence"], name


def test_word_files():
    """The Word files' core properties: an organisation or a role as author, never python-docx,
    created and modified in the document's year; their header and footer lines are debris."""
    import docx

    for name, (author, modifier, made, changed) in WORD.items():
        props = docx.Document(str(SET.folder / name)).core_properties
        assert (props.author, props.last_modified_by) == (author, modifier)
        assert (
            "python-docx"
            not in f"{props.author}{props.last_modified_by}{props.comments}{props.title}"
        )
        assert (
            (props.created.year, props.modified.year)
            == (made, changed)
            == (int(SET.labels[name]["year"]),) * 2
        )
        document = docx.Document(str(SET.folder / name))
        furniture = {
            p.text.strip()
            for s in document.sections
            for p in s.header.paragraphs + s.footer.paragraphs
            if p.text.strip()
        }
        assert furniture and furniture <= SET.debris_of(name)


def test_brief_details():
    """Two monolingual pages keep only English boilerplate around Bokmål or Nynorsk text; the
    news item's three handle-signed comments go; the working paper names DIGISKJØNN like the
    catalogue page; the thesis record's and tender's fields are debris."""
    english = [
        n for n, lab in SET.labels.items() if "english cookie banner" in lab["notes"].lower()
    ]
    assert len(english) == 2 and {SET.labels[n]["languages"] for n in english} <= {"nb", "nn"}
    news = holder("news")
    comments = {
        line for line in SET.lines[news] if re.match(r"[A-Za-z]*[_0-9][A-Za-z_0-9]*: ", line)
    }
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    assert "DIGISKJØNN" in SET.labels[holder("catalogue")]["title"]
    assert "DIGISKJØNN" in SET.labels[holder("paper")]["notes"]
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    assert Counter(SET.labels[n]["doc_type"] for n in PDFS)["project_report"] == 2
