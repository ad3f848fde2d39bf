"""Checks of the fjord fixture set (tests/fixtures/exported/fjord), written blind.

Brief: how child benefit, cash-for-care and parental benefit are applied for online (barnetrygd,
kontantstøtte, foreldrepenger, børne- og ungeydelse, barselsdagpenge, barnbidrag, föräldrapenning,
Child Benefit): automatic grants, applications, parents' and caseworkers' experience. A web-heavy
round of 32 documents: 16 saved pages in varied CMS shapes, 3 pages saved by Chrome as one file
(.mhtml), 2 pages printed to PDF by Chromium, 4 word-processor PDFs, 2 Word files, 4 text copies
and one Markdown page. Every document holds a role of its own (the table ROLES).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so fixturesets' size_check and trap_check (made for 36 to 40
documents) are replaced by the counts of test_whole_set.
"""

import email
import re
from email import policy

import fixturesets as fs
import pytest
from bs4 import BeautifulSoup

SET = fs.LabelledSet(fs.SETS / "fjord")
META_DATES = {
    "article:published_time",
    "article:modified_time",
    "citation_publication_date",
    "event:start_time",
    "dc.date",
}

# The genre that opens a document's notes (its text up to " (") names one type by these phrases.
GENRE_WORDS = (
    (
        "other",
        (
            "government portal's page",
            "municipal service page",
            "agency page",
            "news item",
            "blog post",
            "charity's benefit guide",
            "charity's campaign page",
            "press release",
            "call for proposals",
            "tender notice",
            "municipality's page",
            "council minutes",
            "newsletter",
        ),
    ),
    ("policy_document", ("consultation response", "strategy", "annual report")),
    ("project_report", ("catalogue page", "working paper", "evaluation report", "final report")),
    ("abstract", ("abstract", "thesis record")),
    ("event_programme", ("programme",)),
)
GENRE_TYPES = dict(
    (kind, re.compile("|".join(map(re.escape, words)))) for kind, words in GENRE_WORDS
)
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "clock times glued to talk titles": 4,
    "consultation response": 3,
    "as a pdf": 4,
    "printed to pdf": 2,
    "saved as one file": 3,
    "as a word file": 2,
    "copied with select all": 2,
    "in two languages": 3,
    "saved as markdown": 1,
}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence, "" for any).
ROLES = {
    "portal": (
        "government portal's page",
        {
            "Accept additional cookies",
            "Skip to main content",
            "Cymraeg",
            "Phone: 0300 000 0000",
            "Last updated: 18 September 2024",
        },
        {"How to claim", "Check your answers and send the claim."},
        "en",
        "'Last updated",
    ),
    "municipal": (
        "municipal service page with an english cookie banner",
        {
            "We use cookies",
            "Accept all",
            "Skip to content",
            "Chat med oss",
            "Start chat",
            "Sentralbord: 56 00 00 00",
        },
        {"Åpningstider", "Ta med BankID eller MinID."},
        "nb",
        "no year: no 19xx",
    ),
    "agency": (
        "agency page",
        {"Hopp til hovedinnhold", "Fant du det du lette etter?", "Sist oppdatert 2. november 2023"},
        {"Dette må dere gjøre"},
        "nb",
        "",
    ),
    "portal abstract": (
        "research portal's conference abstract",
        {
            "Research output: Contribution to conference › Paper › peer-review",
            "Fingerprint",
            "Child Benefit",
            "100%",
            "Original language",
            "Cite this",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "catalogue": (
        "funder's research project catalogue page",
        {
            "Project period",
            "2021–2024",
            "Project number",
            "000-000-000",
            "No outputs registered yet",
        },
        {"Summary", "Outputs"},
        "en",
        "no year: only",
    ),
    "journal": (
        "journal abstract on an article page",
        {
            "Views",
            "Citations",
            "Altmetric attention score",
            "Download PDF",
            "Published online by Cambridge University Press: 14 March 2023",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "event": (
        "event page with a seminar programme",
        {"Register now", "Add to calendar", "Wednesday 26 February 2025"},
        {"Programme", "11:45Coffee break"},
        "en",
        "event date",
    ),
    "news": (
        "news item with reader comments",
        {
            "3 kommentarer",
            "Skriv en kommentar",
            "pernille_k",
            "Læs også",
            "Af Sofie Kragh (opdigtet)",
        },
        {"Ministeriet oplyser, at løsningen bliver gennemgået med brugerne i løbet af året."},
        "da",
        "",
    ),
    "blog": (
        "research group's blog post",
        {"← Forrige innlegg", "Legg igjen en kommentar", "Drevet med WordPress"},
        {"English summary"},
        "nb;en",
        "",
    ),
    "guide": (
        "charity's benefit guide page",
        {"Need help? Chat to an adviser", "Page last reviewed: 27 January 2025"},
        {"Step by step", "Register the birth."},
        "en",
        "",
    ),
    "press": (
        "press release",
        {"Pressemelding", "4. mars 2025", "[email protected]"},
        {"For mer informasjon, kontakt"},
        "nb",
        "",
    ),
    "call": (
        "call for proposals",
        {"Deadline", "15 March 2027, 12:00 CET", "Personvernerklæring", "Følg oss"},
        {"How to apply"},
        "en",
        "no year: only",
    ),
    "tender": (
        "tender notice",
        {"Tilbudsfrist", "16.06.2025 kl. 12:00", "CPV-kode", "00000000", "Kontraktsperiode"},
        {"Beskrivelse av anskaffelsen"},
        "nb",
        "",
    ),
    "family response": (
        "consultation response of a family organisation",
        {"Høringssvar", "Publisert 28. oktober 2022", "Les også"},
        {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"},
        "nb",
        "",
    ),
    "strategy": (
        "municipal strategy",
        {"Hopp til hovudinnhald", "Informasjonskapslar"},
        {"Mål", "Tiltak"},
        "nn",
        "no year: only",
    ),
    "thesis": (
        "master's thesis record",
        {"Author", "Handle", "hdl.handle.net/0000/00000", "Downloads: 214"},
        {"Abstract", "Sammendrag"},
        "en;nb",
        "",
    ),
    "swedish page": (
        "swedish municipality's page saved as one file",
        {
            "Till innehållet",
            "Godkänn alla",
            "Senast uppdaterad: 26 augusti 2024",
            "Växel: 046-00 00 00",
        },
        {"Så bokar du en tid"},
        "sv",
        "",
    ),
    "book of abstracts": (
        "book-of-abstracts page",
        {
            "Next abstract",
            "Paying for care: cash benefits and childcare choices – Laura Petit (invented)",
            "Book of abstracts · Session 2: Claiming",
        },
        set(),
        "en",
        "conference date",
    ),
    "danish page": (
        "danish municipality's page",
        {"Gå til indhold", "Senest opdateret 3. februar 2025", "CVR 00 00 00 00"},
        {"Sådan hjælper Borgerservice"},
        "da",
        "",
    ),
    "printed programme": (
        "seminar programme printed to pdf",
        {"Når", "Hvor", "DelLegg til i kalender"},
        {"Program", "14.15Pause"},
        "nb",
        "event date",
    ),
    "printed page": (
        "charity's campaign page printed to pdf",
        {"Skip to content", "Share this pagePrint", "Helpline: 0808 000 0000"},
        {"What we are asking for"},
        "en",
        "no year: only",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {
            "Rapport 0/2023",
            "September 2023",
            "Evaluering av automatisk barnetrygd ved fødsel",
            "Analysegruppen Nord · Rapport 0/2023 · Side 3",
        },
        {"English summary", "Sammendrag", "Innhold"},
        "nb;en",
        "cover",
    ),
    "minutes": (
        "council minutes",
        {"Møtedato 10.04.2024", "Side 1", "Gjerdrum kommune – Møteprotokoll"},
        {"Vedtak", "Saksliste"},
        "nb",
        "meeting date",
    ),
    "parents' response": (
        "consultation response of a parents' association",
        {"Stockholm den 22 maj 2023", "Er referens: S2023/00000", "Sida 1"},
        {"Med vänlig hälsning", "Socialdepartementet"},
        "sv",
        "'Stockholm",
    ),
    "working paper": (
        "working paper",
        {
            "AUTOGRANT Working Paper 0/2024",
            "June 2024",
            "¹ The project is funded by the NORFACE programme on welfare and digital "
            "transformation.",
        },
        {"Contents", "3 Findings"},
        "en",
        "cover",
    ),
    "annual report": (
        "annual report excerpt",
        {"Saksnummer | 25/000", "Vedtatt | Kommunestyret 13.03.2025"},
        {"Nøkkeltall", "Veiledning om barnetrygd | 58"},
        "nb",
        "adopted",
    ),
    "municipal response": (
        "consultation response of a municipality",
        {"Vår ref. | 22/000", "Dato | 30.09.2022"},
        {"Med helsing", "Til Arbeids- og inkluderingsdepartementet"},
        "nn",
        "",
    ),
    "seminar copy": (
        "breakfast seminar programme",
        {"Dato", "Torsdag 24. oktober 2024", "Meld deg på her"},
        {"Program", "10.10Pause"},
        "nb",
        "event date",
    ),
    "newsletter": (
        "newsletter e-mail",
        {"Ser du ikke nyhetsbrevet riktig? Åpne i nettleseren", "Meld deg av", "Hei!"},
        {"Kort nytt"},
        "nb",
        "no year: no 19xx",
    ),
    "conference abstract": (
        "conference abstract in two languages",
        {"Sesjon 3B", "34", "Nøkkelord: barnetrygd, automatisering, innvandring"},
        {"Sammendrag", "Abstract"},
        "nb;en",
        "conference",
    ),
    "final report": (
        "municipal project's final report page",
        {"Prosjektperiode:", "2021–2023", "Last ned sluttrapporten (PDF)"},
        {"Sluttrapport", "Sluttrapporten ble lagt fram for hovedutvalget 15. november 2023."},
        "nb",
        "final report",
    ),
    "markdown programme": (
        "theme day programme saved as markdown",
        {"**Stad:** Kommunestyresalen, Aure rådhus", "[Skriv ut](#print)"},
        {"## Program", "11.45Lunsj"},
        "nn",
        "no year: no 19xx",
    ),
}

# Identifier kinds, each found by a pattern whose `id` group must be zeros and separators (or
# match the kind's shape in FORMS).
IDS = dict(
    sorted(
        {
            "agenda item": r"PS (?P<id>\d+)/\d\d",
            "case number": r"(?:Saksnummer \| \d\d|ref\. \| \d\d|S20\d\d)/(?P<id>\d+)",
            "charity number": r"charity (?:no\.|number) (?P<id>\d+)",
            "CPV code": r"\A(?P<id>\d{8})\Z",
            "DOI": r"doi\.org/10\.0000/s(?P<id>\d+)",
            "handle": r"hdl\.handle\.net/(?P<id>[\d/]+)",
            "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
            "phone": r"(?:Phone|Telefon|Sentralbord|Tel|Tlf\.|Växel|Helpline|Switchboard)[:.]? "
            r"(?P<id>\d[\d -]*\d)",
            "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
            "project number": r"\A(?P<id>\d{3}-\d{3}-\d{3})\Z",
            "report number": r"Rapport (?P<id>\d+)/20\d\d",
            "tender reference": r"\A20\d\d/(?P<id>\d{4})\Z",
            "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
        }.items()
    )
)
FORMS = {"phone": r"[1-9]\d(?: 00){3}|0\d{2,4}[ -][0 ]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGES = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}  # by the label's first language
# PDF: pages, /Title (None: absent), year of /CreationDate (None: absent)
PDFS = {
    "c01": (2, "Seminar: Foreldrepenger i selvbetjeningens tid - NHH", "2026"),
    "c02": (2, "Gingerbread", "2026"),
    "p01": (6, "Barnetrygd uten søknad", "2023"),
    "p02": (1, None, None),
    "p03": (1, "Remissvar: Enklare ansökan om föräldrapenning", "2025"),
    "p04": (4, "Microsoft Word - autogrant_wp_v3.docx", "2024"),
}
WORD = {
    "d01": ("Lunner kommune", "Kommunalsjef oppvekst", 2025),
    "d02": ("Straumvik kommune", "Sakshandsamar", 2022),
}


def by_prefix(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree and every role has a document of its own; 32
    documents in the formats, types and languages of the brief; four bilingual documents and two
    monolingual pages with other-language boilerplate; genres named; year situations and traps;
    consultation responses typed policy_document."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(ROLES) == len(SET.labels) == 32
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert dict(formats) == FORMATS
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    first = {
        code: sum(lab["languages"].split(";")[0] == code for lab in SET.labels.values())
        for code in LANGUAGES
    }
    assert first == LANGUAGES
    two = [lab for lab in SET.labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and {"abstract", "project_report"} <= {lab["doc_type"] for lab in two}
    boilerplate = [
        n for n, lab in SET.labels.items() if "does not make it bilingual" in lab["notes"]
    ]
    assert len(boilerplate) >= 2 and all(";" not in SET.labels[n]["languages"] for n in boilerplate)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_identifiers_and_contents():
    """Glued clock times in the four programmes only (four kept lines or more each); every kind of
    identifier present and zero-filled; all nine dot-leader contents lines debris; no kept
    Markdown field line; four saved pages with field lists."""
    SET.glued_check()
    assert sum(lab["doc_type"] == "event_programme" for lab in SET.labels.values()) == 4
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 9)
    assert SET.kept_markdown_fields() == [] and SET.field_pages() >= 4


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The holder of a role loses the furniture the table names and keeps its headings, steps or
    sentences; its languages label and the start of its year evidence are the table's; at least
    three of its sentences are prose and none of them is debris."""
    opening, must_go, must_stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    kept = set(SET.lines[name]) - debris
    problems = {"kept furniture": sorted(must_go - debris), "lost lines": sorted(must_stay - kept)}
    assert problems == {"kept furniture": [], "lost lines": []}
    assert (label["languages"], label["year_evidence"][: len(evidence)]) == (languages, evidence)
    sentences = SET.sentences(name)
    assert len(sentences) >= 3 and debris.isdisjoint(sentences)


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states; no labelled year comes from
    /CreationDate unless the README says the two agree; Chromium's stamps are debris."""
    from pypdf import PdfReader

    name = by_prefix(prefix)
    reader = PdfReader(SET.folder / name)
    info = dict(reader.metadata or {})
    stamp = re.match(r"D:(\d{4})", str(info.get("/CreationDate", "")))
    assert (len(reader.pages), info.get("/Title"), stamp and stamp.group(1)) == PDFS[prefix]
    label, created = SET.labels[name], PDFS[prefix][2]
    if created and created != label["year"] and label["year"]:
        assert "/CreationDate" in label["year_evidence"]
    if prefix.startswith("c"):
        stamps = [
            line
            for line in SET.lines[name]
            if re.match(r"\d+/\d+/\d\d, \d", line) or "le:///" in line
        ]
        assert len(stamps) == 4 and set(stamps) <= SET.debris_of(name)
        assert label["year"] != created


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """The Word files' core properties: an organisation as author, a role as last editor, created
    in the labelled year; header, footer and field rows are debris."""
    import docx

    name = by_prefix(prefix)
    props = docx.Document(str(SET.folder / name)).core_properties
    author, editor, year = WORD[prefix]
    assert (props.author, props.last_modified_by, props.created.year) == (author, editor, year)
    assert props.last_modified_by != "python-docx" and str(year) == SET.labels[name]["year"]
    rows = {line for line in SET.lines[name] if " | " in line}
    assert SET.lines[name][0] in SET.debris_of(name) and SET.lines[name][-1] in SET.debris_of(name)
    assert len(rows & SET.debris_of(name)) == 3


@pytest.mark.parametrize("prefix", ["w01", "w02", "w03"])
def test_mhtml(prefix):
    """A page Chrome saved as one file: Blink's headers, the subject is the page's <title> (debris,
    not the title), a quoted-printable HTML part and two more parts; dated pages carry the year
    in their head's date fields."""
    name = by_prefix(prefix)
    message = email.message_from_bytes((SET.folder / name).read_bytes(), policy=policy.default)
    assert b"\r\nFrom: <Saved by Blink>\r\n" in b"\r\n" + (SET.folder / name).read_bytes()
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message.get_content_type() == "multipart/related" and message["Date"]
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    page = BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser")
    assert message["Subject"] == page.title.get_text() and message["Subject"] in SET.debris_of(name)
    assert message["Subject"] != SET.labels[name]["title"]
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in META_DATES:
            assert fs.YEAR.findall(meta["content"])[:1] == [SET.labels[name]["year"]]
