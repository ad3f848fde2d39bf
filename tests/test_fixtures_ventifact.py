"""Checks of the ventifact fixture set (tests/fixtures/exported/ventifact), written blind.

Brief: welfare technology in municipal home care (sensors, medicine dispensers, digital night
supervision, remote follow-up, procurement, evaluations, staff and relatives), leaning to the web:
16 saved HTML pages of many CMS shapes, 3 pages saved by Chrome as one .mhtml file, 2 pages
printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word files, 4 text copies and a
Markdown page; 32 documents in Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief's counts, roles and
binary properties. The set has 32 documents, so fixturesets.size_check (36 to 40) and
language_check (every language alone, Nynorsk alone four times) are replaced by the counts below.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "ventifact")
# The head fields whose date must be the labelled year (page_check lowers their names).
META_DATES = set(
    "article:published_time article:modified_time citation_publication_date event:start_time "
    "dc.date dcterms.modified".split()
)

# The genres that open a document's notes (up to " ("), listed under the one type each names.
GENRE_WORDS = {
    "other": [
        "municipality's service page",
        "agency guidance page",
        "news item",
        "blog post",
        "tender notice",
        "call for proposals",
        "press release",
        "guide page",
        "board minutes",
        "newsletter e-mail",
    ],
    "policy_document": [
        "consultation response",
        "report landing page",
        "strategy page",
        "annual report excerpt",
        "council written question",
    ],
    "project_report": ["catalogue page", "evaluation report", "working paper", "final report"],
    "abstract": ["abstract", "thesis record"],
    "event_programme": ["programme"],
}
GENRE_TYPES = {
    kind: re.compile("|".join(re.escape(w) for w in words)) for kind, words in GENRE_WORDS.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "clock times glued to talk titles": 3,
    "consultation response": 2,
    "by a word processor": 4,
    "printed to pdf by the browser": 2,
    "saved as one file by chrome": 3,
    "as a word file": 2,
    "saved as markdown": 1,
    "copied": 3,
    "pasted as text": 1,
    "as boilerplate": 2,
    "english summary": 2,
    "journal abstract": 3,
    "thesis record": 1,
    "tender notice": 1,
    "call for proposals": 1,
    "press release": 1,
    "board minutes": 1,
    "annual report": 1,
    "council written question": 1,
    "book of abstracts": 1,
    "news item with reader comments": 1,
    "working paper": 1,
    "catalogue page": 1,
    "evaluation report": 1,
    "strategy": 1,
}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "municipal": (
        "municipality's service page (skarvik",
        {
            "Skip to content",
            "We use cookies",
            "Accept all",
            "Chat med oss",
            "Start chat",
            "Sentralbord: 00 00 00 00",
            "Sist endret: 11.02.2025",
        },
        {"Slik søker du", "Hva koster det?"},
        "nb",
        "2025: ",
    ),
    "agency": (
        "agency guidance page",
        {
            "Skip to main content",
            "Guidance",
            "Related guidance",
            "Was this page helpful?",
            "Phone: 0000 000 0000",
        },
        {"What good practice looks like"},
        "en",
        "no year: only",
    ),
    "portal": (
        "journal abstract on a university's research portal",
        {
            "Fingerprint",
            "Home Care Services 100%",
            "42 Downloads (Pure)",
            "Original language",
            "BIBTEX",
            "Research output: Contribution to journal › Article › Academic › peer-review",
        },
        {"Abstract"},
        "en",
        "2023: ",
    ),
    "catalogue": (
        "catalogue page of a research project",
        {
            "HELSE-OMSORG",
            "Prosjektnummer",
            "000000",
            "Prosjektperiode",
            "2024–2028",
            "Ingen publikasjoner registrert",
            "Tilbake til prosjektkatalogen",
        },
        {"Om prosjektet", "Summary in English"},
        "nb;en",
        "no year: only",
    ),
    "journal": (
        "journal abstract on a journal article page",
        {
            "Original research",
            "ORCID Icon",
            "Views: 1 120",
            "Citations: 4",
            "Altmetric: 9",
            "Download PDF",
            "Keywords: telecare; home care nursing; workarounds; remote monitoring",
        },
        {"Abstract"},
        "en",
        "2022: ",
    ),
    "event": (
        "conference event page",
        {
            "Date",
            "20 May 2025",
            "Add to calendar",
            "Register now",
            "Personvernerklæring",
            "Kontakt oss",
        },
        {"Opening and welcome", "12:15"},
        "en",
        "2025: ",
    ),
    "news": (
        "news item with reader comments",
        {
            "NYHETER",
            "Publisert 03.10.2024 06:30",
            "Del på Facebook",
            "Les også",
            "Kommentarer",
            "3 kommentarer",
            "Skriv en kommentar",
        },
        {
            "Det er tilsynsvakta på sykehjemmet som i dag tar imot varslene om natten, i tillegg "
            "til sine egne pasienter."
        },
        "nb",
        "2024: ",
    ),
    "blog": (
        "blog post of a research group",
        {
            "Hopp til innholdet",
            "Stikkord: dispenser, hjemmetjeneste, varsler",
            "← Forrige innlegg",
            "Legg igjen en kommentar",
            "Drevet med WordPress",
        },
        set(),
        "nb",
        "no year: no 19xx",
    ),
    "danish": (
        "municipality's service page (fredensborg",
        {
            "Gå til indhold",
            "Læs op",
            "CVR 00000000",
            "Log ind med MitID",
            "Min side",
            "Senest opdateret: 19. juni 2024",
        },
        {"Hvem kan få det?", "Sådan foregår det"},
        "da",
        "2024: ",
    ),
    "thesis": (
        "thesis record",
        {
            "Student thesis: Masters",
            "Date of Award",
            "31 Aug 2021",
            "Supervisor",
            "Download full text (PDF)",
        },
        {"Abstract"},
        "en",
        "2021: ",
    ),
    "cluster": (
        "consultation response of a business cluster",
        {"Høringssvar", "8. november 2023", "Del på LinkedIn"},
        {"Til Helsedirektoratet", "Våre innspill", "Med vennlig hilsen"},
        "nb",
        "2023: ",
    ),
    "tender": (
        "tender notice",
        {
            "Kunngjøring",
            "Referanse",
            "2025-000000",
            "Tilbudsfrist",
            "15.04.2025 12:00",
            "CPV-kode",
            "Gå til konkurransegrunnlaget",
        },
        {"Kort beskrivelse"},
        "nb",
        "2025: ",
    ),
    "call": (
        "call for proposals",
        {
            "Published 2 November 2026",
            "Status: Open",
            "Apply online",
            "Download the guidance notes",
        },
        {"What we will fund"},
        "en",
        "2026: ",
    ),
    "nynorsk page": (
        "municipality's service page in nynorsk",
        {
            "Hopp til hovudinnhald",
            "Kvardagar 08.00–15.00",
            "Fann du det du leita etter?",
            "Logg inn med ID-porten",
        },
        {"Korleis får eg dispenser?"},
        "nn",
        "no year: no 19xx",
    ),
    "press": (
        "press release",
        {"Pressmeddelande", "16 april 2024", "Presskontakt", "Org.nr 000000-0000"},
        set(),
        "sv",
        "2024: ",
    ),
    "report page": (
        "report landing page",
        {"Report", "9 July 2024", "Download report (PDF, 1.4MB)", "Related content"},
        {"Key findings", "Recommendations"},
        "en",
        "2024: ",
    ),
    "strategy": (
        "strategy page saved as one file",
        {"Vedtatt i kommunestyret 26.09.2024", "Last ned som PDF", "Relaterte planer"},
        {"Mål", "Tiltak", "Risiko"},
        "nb",
        "2024: ",
    ),
    "bilingual journal": (
        "journal abstract with a norwegian summary",
        {"Original Article", "First published online March 2, 2023", "Views: 612", "Download PDF"},
        {"Abstract", "Sammendrag"},
        "en;nb",
        "2023: ",
    ),
    "annual report": (
        "annual report excerpt",
        {"Publisert 10.04.2025", "Førre kapittel", "Neste kapittel"},
        {"English summary"},
        "nn;en",
        "2025: ",
    ),
    "printed guide": (
        "guide page of a workforce body printed",
        {"Skip to main content", "PrintShare", "Related resources"},
        {"Before installation", "After installation"},
        "en",
        "no year: only",
    ),
    "printed programme": (
        "seminar programme page printed",
        {"Tid", "Tirsdag 11. mars 2025, 09.00–15.00", "Meld deg på", "Flere arrangementer"},
        {"Program", "09.00 Velkommen", "12.00 Lunsj"},
        "nb",
        "2025: ",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {
            "Rapport 0/2023",
            "Mars 2023",
            "Side 2",
            "Utarbeidet på oppdrag fra fire kommuner",
            "Evaluering av digitalt nattilsyn | Devoteam",
        },
        {
            "Innhold",
            "Sammendrag",
            "English summary",
            "Evaluering av utprøvingen i hjemmetjenesten",
            "Kommune A 210 140",
        },
        "nb;en",
        "2023: ",
    ),
    "question": (
        "council written question",
        {
            "KOMMUNFULLMÄKTIGE",
            "Fråga nr 00/2024",
            "Datum: 2024-11-18",
            "Härnösand den 2 december 2024",
            "Sida 1",
        },
        {"Svar", "Till: Socialnämndens ordförande", "Socialnämndens ordförande (fiktiv)"},
        "sv",
        "2024: ",
    ),
    "working paper": (
        "working paper of the research project",
        {
            "MEDHJEM Working Paper 0/2025",
            "September 2025",
            "Ospelia forskningssenter (invented)",
            "2",
        },
        {"Contents", "3 First findings"},
        "en",
        "2025: ",
    ),
    "pensioners": (
        "consultation response of a pensioners",
        {
            "Granheim pensjonistlag (fiktivt)",
            "Vår ref.: 00/0000",
            "Granheim, 14. februar 2023",
            "Side 1",
        },
        {"Til Granheim kommune, eining for helse og omsorg", "Våre merknader", "Med helsing"},
        "nn",
        "2023: ",
    ),
    "minutes": (
        "board minutes",
        {
            "Brennvik kommune",
            "Dato | 12.05.2025",
            "Arkivsak | 25/00000",
            "Referatet er godkjent av brukerrådet.",
        },
        {"Sak 00/25 Digitalt tilsyn og samtykke", "Eventuelt"},
        "nb",
        "2025: ",
    ),
    "final report": (
        "final report of a municipal project",
        {"Prosjektperiode | 01.01.2022–31.12.2023", "Rapport levert | 15.03.2024", "Side 1 av 1"},
        {"Bakgrunn", "Resultater", "Videre drift"},
        "nb",
        "2024: ",
    ),
    "newsletter": (
        "newsletter e-mail",
        {
            "Sent: 14 January 2025 10:02",
            "View this email in your browser",
            "Read more",
            "Unsubscribe | Update your preferences",
        },
        {"Night-time technology: what providers told us", "New on our website"},
        "en",
        "2025: ",
    ),
    "seminar": (
        "seminar programme copied",
        {"Dato", "Torsdag 6. februar 2025", "Meld deg på", "Del arrangementet"},
        {"Program", "08.30Velkommen ved klyngeleder"},
        "nb",
        "2025: ",
    ),
    "book of abstracts": (
        "conference abstract in two languages",
        {
            "Session 3B: Tilsyn om natten",
            "Medicindispensere og pårørende: et casestudie",
            "Nøgleord: natligt tilsyn, hjemmepleje, kameraer",
        },
        {"Abstract in English"},
        "da;en",
        "2024: ",
    ),
    "nynorsk programme": (
        "seminar programme in nynorsk",
        {"Tysdag 14. oktober", "Kommunestyresalen", "Meld deg på"},
        {"Program", "12.00Lunsj"},
        "nn",
        "no year: no 19xx",
    ),
    "markdown": (
        "webinar programme saved as markdown",
        {
            "**Date:** Wednesday 17 September 2025",
            "*   [Home](/)",
            "[Book your free place](/events/technology-at-night/book)",
        },
        {"## Programme", "10:00Welcome and introductions"},
        "en",
        "2025: ",
    ),
}

# Identifier kind: pattern whose `id` group must be zero-filled (FORMS gives other real shapes).
IDS = {
    "phone": r"(?:Telefon|Sentralbord|Phone): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z]+[.-](?:20\d\d\.)?(?P<id>[\d.-]+)$",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "case number": r"(?:Arkivsak \| |Vår ref\.: )(?P<id>[\d/]+)",
    "postal box": r"Postboks (?P<id>\d+)",
}
FORMS = {"phone": r"(?:020 )?[0 -]+", "case number": r"(?:25/)?0+(?:/0+)?"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# PDF: pages, year of /CreationDate (None: absent), /Title ("page": the page's <title>,
# "junk": a Word file name, None: absent, else the exact value).
PDFS = {
    "c01_skills_for_care_guide_relatives_telecare_en.pdf": (2, "printed", "page"),
    "c02_omsorgsbiblioteket_fagdag_program_nb.pdf": (2, "printed", "page"),
    "p01_devoteam_evaluering_digitalt_nattilsyn_nb_en.pdf": (
        4,
        "2025",
        "Digitalt nattilsyn i fire kommuner",
    ),
    "p02_harnosands_kommun_fraga_nattillsyn_sv.pdf": (2, "2024", "junk"),
    "p03_ospelia_working_paper_medhjem_en.pdf": (4, None, "Refilling, fixing, reassuring"),
    "p04_granheim_pensjonistlag_horingsfrasegn_nn.pdf": (1, "2023", None),
}
WORD_AUTHORS = {
    "w01_brennvik_kommune_referat_brukerrad_nb.docx": "Brennvik kommune",
    "w02_solbrekke_sluttrapport_sensorteam_nb.docx": "Solbrekke kommune",
}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, a saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks; genres named; year situations and traps;
    consultation responses typed policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    assert sum(n.startswith("c") for n in PDFS) == 2 and sum(n.startswith("p") for n in PDFS) == 4
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert (
        parts["nb"] >= 13
        and parts["en"] >= 11
        and parts["nn"] >= 3
        and parts["da"] >= 2
        and parts["sv"] >= 2
    ), parts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4 and len(openers) >= 3, openers
    boiler = [lab for lab in labels.values() if "as boilerplate" in lab["notes"]]
    assert len(boiler) >= 2 and all(";" not in lab["languages"] for lab in boiler)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_identifiers_and_contents():
    """Glued clock times only in three copied programmes, four kept lines or more each and none
    debris; every kind of identifier present and zero-filled; two or more pages with field
    lists; no kept Markdown field line; seven dot-leader contents lines, all debris."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert len(glued) == 3 and all(SET.labels[n]["doc_type"] == "event_programme" for n in glued)
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    SET.identifiers_check(IDS, FORMS)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The document holding a role: its named furniture is debris, its named headings and lines
    are kept, its languages label and the opening of its year evidence are the table's, and it
    has three prose sentences or more, none of them debris."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label, sentences = SET.debris_of(name), SET.labels[name], set(SET.sentences(name))
    problems = {
        "not debris": sorted(gone - debris),
        "not kept": sorted(line for line in stay if line not in SET.lines[name] or line in debris),
        "languages": [] if label["languages"] == languages else [label["languages"]],
        "evidence": [] if label["year_evidence"].startswith(evidence) else [label["year_evidence"]],
        "prose": [] if len(sentences) >= 3 and not sentences & debris else sorted(sentences),
    }
    assert {key: found for key, found in problems.items() if found} == {}


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states; a browser's print keeps its
    stamps (date and title on top, address and "n/N" below) as debris and is labelled by the
    page, never by the print day; a re-export names /CreationDate in its evidence."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    stamp = meta.get("/CreationDate", "")[2:6] or None
    if created == "printed":
        assert stamp and stamp != label["year"] and meta["/Producer"].startswith("Skia")
        tops = {line for line in SET.lines[name] if STAMP.match(line)}
        feet = {line for line in SET.lines[name] if re.search(r" \d/\d$", line)}
        assert len(tops) == 1 and len(feet) == pages and tops | feet <= SET.debris_of(name)
        page_title = " ".join(next(iter(tops)).split()[3:])
        assert meta["/Title"] == page_title != label["title"]
        return
    assert stamp == created
    if created and int(created) >= int(label["year"]) + 2:
        assert "/CreationDate" in label["year_evidence"]
    if title == "junk":
        assert meta["/Title"].startswith("Microsoft Word - ") and meta["/Title"].endswith(".docx")
    else:
        assert meta.get("/Title") == title


@pytest.mark.parametrize("name", sorted(WORD_AUTHORS))
def test_word(name):
    """A Word file's core properties: an organisation as author, a role as last editor (never
    python-docx), created and modified in the document's year; header and footer lines debris."""
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == WORD_AUTHORS[name] and props.last_modified_by not in ("", "python-docx")
    year = int(SET.labels[name]["year"])
    assert props.created.year == props.modified.year == year and props.created < props.modified
    document = docx.Document(str(SET.folder / name))
    furniture = {
        p.text for s in document.sections for p in (*s.header.paragraphs, *s.footer.paragraphs)
    }
    assert furniture and furniture <= SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers (From, Snapshot-Content-Location,
    Subject as the page's <title>, Date), a quoted-printable HTML part and a stylesheet and an
    image part; the <title> is debris."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert (
        b"\r\nFrom: <Saved by Blink>\r\n" in data
        and message.get_content_type() == "multipart/related"
    )
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert (
        str(parts[0]["Content-Location"]).strip()
        == str(message["Snapshot-Content-Location"]).strip()
    )
    head_title = BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser").title
    assert str(
        message["Subject"]
    ) == head_title.get_text() and head_title.get_text() in SET.debris_of(name)
    assert fs.YEAR.search(str(message["Date"]))
