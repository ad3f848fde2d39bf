"""Checks of the arroyo fixture set (tests/fixtures/exported/arroyo), written blind.

Brief: chatbots and AI assistants in municipal and agency citizen service (pilots, procurement,
data protection and archiving guidance, language models, user testing, staff views), leaning to
the web: 16 saved HTML pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF
by the browser, 4 word-processor PDFs, 2 Word files, 4 text copies and 1 Markdown page; 32
documents in all, about 14 in Bokmål, 11 in English, Nynorsk, Danish and Swedish, with bilingual
documents and monolingual pages whose only other language is boilerplate.

The import is never run here: the labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief. The set has 32 documents, so its sizes
and language counts are checked here rather than by fs.size_check and fs.language_check.
"""

import datetime as dt
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "arroyo")
META_DATES = {"article:published_time", "citation_publication_date", "dc.date", "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {
    kind: re.compile(words)
    for kind, words in {
        "other": r"agency's page|municipality's (?:service page|pilot page|privacy notice)|"
        r"news item|blog post|press release|tender notice|call for proposals|council minutes|"
        r"newsletter",
        "policy_document": r"strategy|agency guidance|consultation response|"
        r"annual report excerpt|parliamentary written question",
        "project_report": r"catalogue page|project page with final report|evaluation report|"
        r"working paper",
        "abstract": r"conference paper record|journal article page|thesis record|"
        r"conference abstract|book-of-abstracts",
        "event_programme": r"programme",
    }.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "saved by chrome as one file": 3,
    "printed to pdf by the browser": 2,
    "word-processor pdf": 4,
    "word file": 2,
    "copied": 2,
    "pasted": 2,
    "glued to talk titles": 4,
    "consultation response": 2,
    "labelled monolingual": 2,
    "saved as markdown": 1,
}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "accessibility": (
        "agency's page on accessibility requirements",
        {
            "We use cookies",
            "Accept all",
            "Skip to content",
            "Sentralbord: 22 00 00 00",
            "Sist oppdatert 4. april 2024",
        },
        {"Hvem gjelder kravene for?", "Den kan brukes med tastatur alene."},
        "nb",
        "",
    ),
    "assistant": (
        "municipality's service page on its digital assistant",
        {
            "Chat med Vika",
            "Logg inn med ID-porten",
            "Hopp til hovedinnhold",
            "Åpningstider: mandag–fredag 08.00–15.30",
        },
        {"Slik bruker du Vika", "Skriv spørsmålet ditt med vanlige ord."},
        "nb",
        "no year: no 19xx",
    ),
    "strategy": (
        "strategy of a regional digitalisation network",
        {"Hopp til hovudinnhald", "Vedteken i styret 14. mars 2025"},
        {"Mål", "Tiltak"},
        "nn",
        "",
    ),
    "portal": (
        "conference paper record on a university research portal",
        {
            "Fingerprint",
            "Chatbots 100%",
            "Contribution to conference",
            "peer-review",
            "Cite this",
            "Original language",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "catalogue": (
        "research project's catalogue page",
        {
            "KOMINNOV-KOMINNOV",
            "Project number",
            "000000",
            "No publications found",
            "Publications from Cristin",
        },
        {"Summary", "Sammendrag"},
        "en;nb",
        "no year: only",
    ),
    "journal": (
        "journal article page with citation widgets",
        {
            "1,204 Views",
            "3 CrossRef citations to date",
            "17 Altmetric",
            "ORCID Icon",
            "Download PDF",
        },
        {"Abstract", "Sammendrag"},
        "en;nb",
        "",
    ),
    "news": (
        "news item with reader comments",
        {
            "2 kommentarer",
            "tor_b: Typisk at ingen sjekket dette.",
            "Skriv en kommentar",
            "Les også",
        },
        {"Kommentarer"},
        "nb",
        "",
    ),
    "blog": (
        "research group's blog post",
        {"Personvernerklæring", "Kontakt oss", "Leave a Reply", "Proudly powered by WordPress"},
        set(),
        "en",
        "",
    ),
    "response page": (
        "consultation response on a draft guide",
        {"Høringssvar", "Last ned som PDF"},
        {"Med vennlig hilsen", "Til departementet"},
        "nb",
        "",
    ),
    "call": (
        "call for proposals with a future deadline",
        {"Deadline", "15 September 2026, 13:00 CET", "Apply now"},
        set(),
        "en",
        "no year: only",
    ),
    "thesis": (
        "master's thesis record",
        {"Last ned fulltekst (PDF)", "Utgjevingsdato", "2022"},
        {"Samandrag", "Abstract"},
        "nn;en",
        "",
    ),
    "seminar": (
        "seminar programme copied",
        {"Meld deg på", "Torsdag 6. februar 2025"},
        {"Program"},
        "nb",
        "",
    ),
    "newsletter": (
        "newsletter e-mail pasted",
        {"View this email in your browser", "Unsubscribe"},
        {"Dear members,"},
        "en",
        "no year: no 19xx",
    ),
    "book": (
        "book-of-abstracts page",
        {
            "42",
            "Chatbots in child welfare: a scoping review",
            "Nordic e-Government Days 2023 · Book of Abstracts",
            "Keywords: chatbots, older adults, usability, trust",
        },
        {
            "Usability tests of public chatbots are usually carried out with young and "
            "experienced users."
        },
        "en",
        "",
    ),
    "markdown": (
        "programme saved as markdown",
        {"**Dato:** Onsdag 12. november", "*   [Heim](/)"},
        {"## Program"},
        "nn",
        "no year: no 19xx",
    ),
    "privacy": (
        "municipality's privacy notice",
        {"Vi bruger cookies", "CVR 00 00 00 00"},
        {"Dine rettigheder"},
        "da",
        "no year: no 19xx",
    ),
    "workshop": (
        "programme of a research workshop",
        {"Register here", "Thursday 27 March 2025"},
        {"Programme"},
        "en",
        "",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {"Rapport 0/2024", "Side 2", "Innhold", "English summary .............................. 3"},
        {"Sammendrag", "English summary"},
        "nb;en",
        "",
    ),
    "paper": (
        "working paper of the research project langtalk",
        {"LANGTALK Working Paper 0/2025", "1 Introduction .............................. 2"},
        {"3 Findings"},
        "en",
        "",
    ),
    "minutes": (
        "council minutes",
        {"Saksnr. 24/00000", "Møtedato: 11.03.2024"},
        {"Sak 00/24 Pilot med chatbot i servicetorget"},
        "nn",
        "",
    ),
    "annual": (
        "annual report excerpt",
        {"Norrå kommun · Årsredovisning", "Sida 2"},
        {"1 Året i korthet", "Utdrag ur årsredovisningen för 2022"},
        "sv",
        "",
    ),
    "question": (
        "parliamentary written question",
        {"Dokument nr. | 15:0000 (2023–2024)", "Besvart | 20.02.2024 av digitaliseringsministeren"},
        {"Spørsmål", "Svar"},
        "nb",
        "",
    ),
    "response file": (
        "consultation response as a word file",
        {"J.nr. | 2023-000000", "Foreningen af Borgerservicechefer"},
        {"Med venlig hilsen"},
        "da",
        "",
    ),
    "magazine": (
        "magazine news item",
        {"Publicerad 22 oktober 2024", "Växel: 08-000 000 00"},
        set(),
        "sv",
        "",
    ),
    "abstract": (
        "conference abstract in swedish and english",
        {"Tillbaka till alla abstracts", "Presenterad"},
        {"Sammanfattning", "Abstract"},
        "sv;en",
        "",
    ),
}

# Identifiers, one "kind => pattern" a row; the `id` group may hold zeros and separators only,
# unless FORMS spells the exact zero-filled form of that kind.
IDS = dict(
    row.split(" => ")
    for row in r"""
tender reference => ^(?P<id>\d{4}-\d{6})$
document number => Dokument nr\. \| 15:(?P<id>\d+)
handle => hdl\.handle\.net/(?P<id>[\d/]+)
project number => (?:^|project number )(?P<id>\d{6})$
report number => (?:Rapport|Working Paper) (?P<id>\d+)/20\d\d
case number => (?:Saksnr\. \d\d/|J\.nr\. \| 20\d\d-)(?P<id>\d+)
postal box => (?:Postboks|Postbox) (?P<id>\d+)
ISBN => ISBN (?P<id>\d[\d-]*)
organisation number => (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
phone => (?:Telefon|Sentralbord|Phone|Switchboard|Växel): (?P<id>\d[\d -]*\d)
desk phone => (?:Pressevagt|Brukerstøtte): (?P<id>\d[\d -]*\d)
""".strip().splitlines()
)
FORMS = {
    "phone": r"[1-9]\d [0 ]+|08-[0 ]+",
    "desk phone": r"[1-9]\d [0 ]+",
    "ISBN": r"978-82-[0-]+",
}
LEADER = re.compile(r"\.{10,} \d+$")

# PDF: pages, /CreationDate year (None: absent), /Title (None: absent)
PDFS = {
    "w01_evaluering_spor_kommunen_chatbot_nb_en.pdf": (
        4,
        "2024",
        "Evaluering av pilotprosjektet Spør kommunen",
    ),
    "w02_langtalk_working_paper_same_question_en.pdf": (4, None, None),
    "w03_brekkvik_protokoll_formannskapet_nn.pdf": (
        2,
        "2024",
        "Microsoft Word - protokoll_formannskap_v3.docx",
    ),
    "w04_norraa_kontaktcenter_arsredovisning_utdrag_sv.pdf": (3, "2025", "Årsredovisning utdrag"),
}
PRINTED = {
    "p01_workshop_ai_public_service_programme_print_en.pdf": 2,
    "p02_vesteraa_kommune_chatbot_persondata_print_da.pdf": 1,
}
# Word file: (author, created, modified)
WORD = {
    "d01_skriftlig_sporsmal_chatboter_servicetorg_nb.docx": (
        "Dokumentsenteret",
        dt.datetime(2024, 2, 20, 9, 30),
        dt.datetime(2024, 2, 21, 14, 5),
    ),
    "d02_hoeringssvar_vejledning_chatbots_da.docx": (
        "Foreningen af Borgerservicechefer",
        dt.datetime(2023, 5, 12, 10, 0),
        dt.datetime(2023, 5, 15, 8, 45),
    ),
}


def role_file(role: str) -> str:
    """The document whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_document(name):
    """fixturesets' rules for one document (labels, placement, saved-page head, genre type,
    later prose years named), and the notes name how the file was made."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)
    made = {
        "html": "",
        "mhtml": "saved by chrome",
        "docx": "word file",
        "md": "markdown",
        "txt": "",
        "pdf": "pdf",
    }[name.rsplit(".", 1)[1]]
    assert made in SET.labels[name]["notes"].lower()


def test_set_as_a_whole():
    """Size and formats (32 documents as the brief counts them), five types of four or more,
    the brief's languages and bilingual openers, genres in the notes, the roles each with a file
    of their own, README tables, year situations and traps, typed consultation responses and
    glued programmes."""
    counts = fs.column_counts(SET.labels)
    assert (len(SET.labels), dict(counts["format"])) == (32, FORMATS)
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    _, parts, openers = fs.language_counts(SET.labels)
    least = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
    assert set(parts) == set(least) and all(parts[code] >= n for code, n in least.items())
    assert len(openers) >= 4 and sum(openers.values()) >= 4
    assert not fs.missing_genres(SET.labels, NAMED)
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.glued_check()


def test_identifiers_and_contents():
    """Every kind of identifier present and zero-filled; four pages with field lists; no kept
    Markdown field line; nine dot-leader contents lines, all debris."""
    SET.identifiers_check(IDS, FORMS)
    assert SET.field_pages() >= 4 and SET.kept_markdown_fields() == []
    SET.contents_check(LEADER, 9)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's furniture lines are debris and its headings or steps are visible and kept;
    its languages label and the opening of its year evidence; three or four prose sentences."""
    _, must_go, must_stay, tag, evidence_start = ROLES[role]
    name = role_file(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = {line for line in must_go if line not in debris}
    lost = {line for line in must_stay if line not in SET.lines[name] or line in debris}
    assert (missing, lost) == (set(), set()), name
    assert (
        label["languages"] == tag
        and label["year_evidence"][: len(evidence_start)] == evidence_start
    )
    assert len(SET.sentences(name)) in (3, 4)


def test_boilerplate_pages_are_monolingual():
    """The Bokmål page with an English cookie banner and skip link, and the English blog with a
    Norwegian footer, are labelled with one language; their other-language lines are debris."""
    assert {"We use cookies", "Only necessary"} <= SET.debris_of(role_file("accessibility"))
    assert {"Personvernerklæring", "Kontakt oss"} <= SET.debris_of(role_file("blog"))
    notes = [lab for lab in SET.labels.values() if "labelled monolingual" in lab["notes"]]
    assert len(notes) == 2 and all(";" not in lab["languages"] for lab in notes)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /CreationDate year and /Title as the README states; a re-export's creation
    year is named in the evidence and differs from the labelled year."""
    pages, year, title = PDFS[name]
    reader = PdfReader(fs.SETS / "arroyo" / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert (info.get("/CreationDate") or "")[2:6] == (year or "")
    assert info.get("/Title") == title and info.get("/Creator") == "Writer"
    label = SET.labels[name]
    if year and year != label["year"]:
        assert "/CreationDate" in label["year_evidence"] and year in label["year_evidence"]
        assert int(year) - int(label["year"]) >= 2


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_browser_printed_pdf(name):
    """Chromium's own metadata kept: its /Title is the page's <title>, not the labelled title, and
    its /CreationDate is the print day, not the labelled year; the print stamp lines are debris."""
    reader = PdfReader(fs.SETS / "arroyo" / name)
    info = reader.metadata
    assert len(reader.pages) == PRINTED[name] and "HeadlessChrome" in info["/Creator"]
    assert info["/Title"] != SET.labels[name]["title"]
    assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
    stamps = {line for line in SET.lines[name] if re.match(r"\d{1,2}/\d{1,2}/\d\d, ", line)}
    assert len(stamps) == PRINTED[name] or stamps, name
    assert stamps <= SET.debris_of(name) and any(info["/Title"] in s for s in stamps)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: an organisation as author, created and modified in the labelled year,
    last modified by someone other than python-docx; header and footer lines are debris."""
    author, created, modified = WORD[name]
    props = docx.Document(str(fs.SETS / "arroyo" / name)).core_properties
    assert (
        props.author,
        props.created.replace(tzinfo=None),
        props.modified.replace(tzinfo=None),
    ) == (author, created, modified)
    assert props.last_modified_by not in ("", "python-docx")
    assert str(created.year) == SET.labels[name]["year"]
    document = docx.Document(str(fs.SETS / "arroyo" / name))
    furniture = {
        p.text for s in document.sections for p in s.header.paragraphs + s.footer.paragraphs
    }
    assert furniture and furniture <= SET.debris_of(name)


def test_mhtml_headers():
    """The three single-file pages carry Blink's headers: From, Snapshot-Content-Location, a
    Subject that is the page's <title> (debris), a Date after the labelled year or in it, and an
    image or stylesheet part besides the page."""
    import email
    from email import policy

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (fs.SETS / "arroyo" / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
        assert message["Subject"] in SET.debris_of(name)
        assert message["Date"].datetime.year >= int(SET.labels[name]["year"])
        kinds = [part.get_content_type() for part in message.walk()]
        assert kinds[:2] == ["multipart/related", "text/html"] and len(kinds) >= 4
