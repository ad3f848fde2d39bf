"""Checks of the hornfels fixture set (tests/fixtures/exported/hornfels), written blind.

Brief: guardianship and lasting powers of attorney going digital (vergemål, fremtidsfullmakt,
fremtidsfuldmagt, god man, attorney accounts), leaning to the web: 16 saved pages, 3 pages saved by
Chrome as one file (.mhtml), 2 pages printed to PDF by the browser, 4 PDFs made by a word
processor, 2 Word files, 4 text copies and 1 Markdown page; 32 documents, every type four times or
more, 14 Bokmål, 11 English, 3 Nynorsk, 2 Danish and 2 Swedish by first language, five bilingual.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is smaller
than the 36 to 40 documents `size_check` and `language_check` assume, so its own counts are
checked here instead.
"""

import email
import re
from email.header import decode_header, make_header

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "hornfels")
META_DATES = {
    "article:published_time",
    "article:modified_time",
    "citation_publication_date",
    "event:start_time",
}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {
    kind: re.compile(words)
    for kind, words in {
        "other": r"agency's (?:service|information) page|municipality's page|news item|blog post|"
        r"press release|call for proposals|tender notice|newsletter e-mail|guidance text|"
        r"council minutes",
        "policy_document": r"strategy|consultation response|annual report excerpt|"
        r"internal guideline",
        "project_report": r"catalogue page|working paper|evaluation report|final report",
        "abstract": r"abstract|thesis record",
        "event_programme": r"programme",
    }.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "clock times glued to talk titles": 4,
    "consultation response": 2,
    "a word processor's file as a pdf": 4,
    "printed to pdf by the browser": 2,
    "saved as one file (.mhtml)": 3,
    "as a word file": 2,
    "saved as markdown": 1,
    "pasted": 2,
    "copied": 2,
    "boilerplate, monolingual": 2,
}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGES = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "agency": (
        "agency's service page on becoming a guardian",
        {
            "We use cookies",
            "Skip to content",
            "Logg inn i vergeportalen",
            "Start chat",
            "Sentralbord: 73 00 00 00",
            "Sist endret 14.06.2018",
        },
        {"Slik gjør du det", "Åpningstider"},
        "nb",
        '"Sist endret',
    ),
    "attorney account": (
        "agency's information page for attorneys",
        {"Attorney sign in", "Sign in to your account", "Phone: 1300 000 000"},
        {"How to set up the account", "Before you start"},
        "en",
        "no year: no 19xx",
    ),
    "danish": (
        "municipality's page on making a lasting power of attorney online",
        {"Gå til indhold", "Sidst opdateret: 9. marts 2023", "CVR 00 00 00 00"},
        {"Sådan gør du", "Log ind på tinglysning.dk med MitID."},
        "da",
        "",
    ),
    "nynorsk": (
        "municipality's page in nynorsk",
        {"Hopp til hovudinnhald", "Chatt med servicetorget"},
        {"Opningstider", "Kva kan kommunen gjere?"},
        "nn",
        "no year: only",
    ),
    "portal": (
        "conference abstract on a university research portal",
        {
            "Fingerprint",
            "Attorneys 100%",
            "Contribution to conference",
            "Publication date",
            "5 Dec 2022",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "catalogue": (
        "research project's catalogue page",
        {
            "Prosjektperiode",
            "2023–2027",
            "Prosjektnummer",
            "000000",
            "Ingen publikasjoner registrert",
        },
        {"Om prosjektet", "Summary in English"},
        "nb;en",
        "no year: only",
    ),
    "journal": (
        "journal abstract in two languages",
        {"Visninger: 1 204", "Siteringer: 3", "Altmetric", "Last ned PDF", "ORCID Icon"},
        {"Sammendrag", "Abstract"},
        "nb;en",
        "",
    ),
    "news": (
        "news item with reader comments",
        {"3 kommentarer", "Skriv en kommentar", "Läs också", "Lyssna på artikeln"},
        {"Kommentarer"},
        "sv",
        "",
    ),
    "thesis": (
        "master's thesis record",
        {"Author", "Download full text (PDF)", "Thesis type"},
        {"Abstract", "Sammendrag"},
        "en;nb",
        "",
    ),
    "press": (
        "press release in english",
        {"Hopp til hovedinnhold", "Personvernerklæring"},
        {"Contact"},
        "en",
        "",
    ),
    "call": (
        "call for proposals",
        {"Søknadsfrist", "15. mars 2027 kl. 13.00", "Gå til søknadsportalen"},
        {"Hva vi legger vekt på"},
        "nb",
        "no year: only",
    ),
    "tender": (
        "tender notice",
        {"Publisert dato", "03.06.2025", "CPV-kode", "Last ned konkurransegrunnlag"},
        {"Beskrivelse"},
        "nb",
        "",
    ),
    "strategy": (
        "municipal strategy with a horizon year",
        {"Vedtatt i kommunestyret 19. september 2024"},
        {"Mål", "Tiltak"},
        "nb",
        "",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {
            "Rapport 00/2023 · Oktober 2023",
            "Side 2",
            "Midtnorsk velferdsforskning – Rapport 00/2023",
        },
        {"English summary", "Sammendrag", "Innhold"},
        "nb;en",
        "",
    ),
    "working paper": (
        "working paper of the research project",
        {"VERGEDIGI Working Paper 0/2024, June 2024", "VERGEDIGI Working Paper", "3"},
        {"Contents", "Summary"},
        "en",
        "",
    ),
    "minutes": (
        "council minutes",
        {"Møtedato 12.03.2024", "Aurvik kommune – Møtebok", "Side 1"},
        {"Vedtak", "Vedtaket var samrøystes."},
        "nn",
        "",
    ),
    "newsletter": (
        "newsletter e-mail",
        {"View this email in your browser", "Unsubscribe | Update your preferences"},
        {"Best wishes,"},
        "en",
        "",
    ),
    "guideline": (
        "internal guideline",
        {"Dokumenttype | Retningslinje", "Side 1"},
        {"Formål", "Slik veileder du"},
        "nb",
        "no year: no 19xx",
    ),
    "markdown": (
        "workshop programme saved as markdown",
        {"**Date:** Thursday 6 March", "*   [Home](/)"},
        {"## Programme", "09:00Welcome and introductions"},
        "en",
        "no year: no 19xx",
    ),
}

IDENTIFIERS = {
    "phone": r"(?:Sentralbord|Telefon|Phone|Växel|Kundeservice): (?P<id>\+?\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "DOI": r"10\.0000/jv\.20\d\d\.(?P<id>[\d.]+)",
    "postal box": r"(?:Postboks|PO Box|Box) (?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "project number": r"^(?P<id>\d{6})$",
    "case number": r"(?:^Sak |Deres ref\.: \d\d/|Vår ref\.: 20\d\d/)(?P<id>\d+)",
    "CRICOS": r"CRICOS (?:No\. )?(?P<id>\d+)X",
}
FORMS = {
    "phone": r"(?:\+61 7 |07 )?(?:[1-9]\d |021-|1300 )?[0 ]+",
    "organisation number": r"9?[0 ]+",
    "ISBN": r"978-82-[0-]+",
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# PDFs: (pages, /Title as it is, or None when absent; year of /CreationDate or None when absent)
PDFS = {
    "c01_sparebankalliansen_pressemelding_digital_fullmakt_nb.pdf": (
        2,
        "Pressemelding – Sparebankalliansen Midt",
        "print",
    ),
    "c02_aurvik_arsmelding_okonomisk_radgjeving_nn.pdf": (
        2,
        "Årsmelding - Aurvik kommune",
        "print",
    ),
    "p01_midtnorsk_evaluering_digital_vergekonto_nb_en.pdf": (
        4,
        "Evaluering av digital vergekonto",
        "2023",
    ),
    "p02_vergedigi_working_paper_en.pdf": (4, "Microsoft Word - wp_vergedigi_final.docx", "2026"),
    "p03_aurvik_eldreradet_motebok_nn.pdf": (1, None, None),
    "p04_vergeforeningen_horingssvar_digital_fremtidsfullmakt_nb.pdf": (
        1,
        "Microsoft Word - horingssvar_v3.docx",
        "2025",
    ),
}
DOCX = {
    "w01_vergekontor_retningslinje_digital_vergekonto_nb.docx": ("Trøndelag vergekontor", 2023),
    "w02_fullmaktskafeen_sluttrapport_nb.docx": ("Biblioteket", 2022),
}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (and a saved page's head and fields), the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs, README tables and roles agree; 32 documents in the formats, types and first
    languages of the brief; five bilingual documents, two of them abstracts; two monolingual
    pages with other-language boilerplate; genres named; year situations and traps; the
    consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    first = {
        code: sum(lab["languages"].split(";")[0] == code for lab in labels.values())
        for code in FIRST_LANGUAGES
    }
    assert first == FIRST_LANGUAGES
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and sum(lab["doc_type"] == "abstract" for lab in two) >= 2
    boiler = [lab for lab in labels.values() if "boilerplate, monolingual" in lab["notes"]]
    assert len(boiler) == 2 and all(";" not in lab["languages"] for lab in boiler)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_identifiers_contents():
    """Glued clock times in the programmes only (four kept lines or more each); every kind of
    identifier present and zero-filled; the field lists of the saved pages are debris; nine
    dot-leader contents lines, all debris."""
    SET.glued_check()
    SET.identifiers_check(IDENTIFIERS, FORMS)
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 9)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3 and not set(SET.sentences(name)) & SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: the browser's prints keep
    Chromium's own /Title (the page's <title>), its print stamp and its page counter; the word
    processor's files carry a real, a junk or no /Title and a /CreationDate in the document's
    year, none, or (p02) one two years later that the evidence names."""
    from pypdf import PdfReader

    pages, title, created = PDFS[name]
    reader = PdfReader(fs.SETS / "hornfels" / name)
    info, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages and info.get("/Title") == title
    stamp = info.get("/CreationDate")
    if created == "print":
        assert (
            "Skia" in info["/Producer"] and label["year"] not in stamp and title != label["title"]
        )
        counters = [line for line in SET.lines[name] if re.search(rf" {1}/{pages}$", line)]
        assert counters and set(counters) <= SET.debris_of(name)
        assert f"{pages}/{pages}" in SET.lines[name][-1]
    elif created is None:
        assert stamp is None
    else:
        assert stamp[2:6] == created
        if created != label["year"]:
            assert (
                int(created) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]
            )


@pytest.mark.parametrize("name", sorted(DOCX))
def test_docx(name):
    """The Word files' core properties: an organisation as author, a role as last editor,
    created and modified in the year the README gives; header and footer lines are debris."""
    import docx

    author, year = DOCX[name]
    props = docx.Document(str(fs.SETS / "hornfels" / name)).core_properties
    assert props.author == author and props.last_modified_by not in ("python-docx", "")
    assert props.created.year == props.modified.year == year
    assert SET.lines[name][0] in SET.debris_of(name) and SET.lines[name][-1] in SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers, the page's <title> as Subject, a
    quoted-printable HTML part and at least one more part."""
    message = email.message_from_bytes((fs.SETS / "hornfels" / name).read_bytes())
    assert message["From"] == "<Saved by Blink>" and message[
        "Snapshot-Content-Location"
    ].startswith("https://")
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject in SET.debris_of(name) and message["Date"]
    parts = [part for part in message.walk() if not part.is_multipart()]
    assert (
        message.get_content_type() == "multipart/related"
        and parts[0].get_content_type() == "text/html"
    )
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
