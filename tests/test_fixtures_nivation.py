"""Checks of the nivation fixture set (tests/fixtures/exported/nivation), written blind.

Brief: how interpreting for deaf, deafblind and hard-of-hearing people is booked and delivered
digitally (tolketjenesten, skrivetolk, tegnspråktolk via video, tolkcentral, remote sign-language
interpreting, relay services). 32 documents in real formats: saved pages (.html), pages saved by
Chrome as one file (.mhtml), pages printed to PDF by Chromium, PDFs made by a word processor
(LibreOffice from Word files, their metadata set afterwards), Word files (.docx), text copies
and Markdown. English, Bokmål, Nynorsk, Danish and Swedish, each alone three times or more, and
five bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, and the binaries to
the page counts, metadata and core properties the set's README states.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "nivation")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's service page|municipality's service page|news item|press release|"
             r"charity's page|call for proposals|slide deck|board minutes|written question|"
             r"newsletter|tender notice|blog post",
    "policy_document": r"consultation response|strategy|agency report page|regulator's statement",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"journal abstract|thesis record|conference poster|book-of-abstracts page",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "journal abstract": 3, "word processor's pdf": 5,
         "as a word file": 4, "printed to pdf by chromium": 2, "as one .mhtml file": 2,
         "copied": 5, "saved as markdown": 2, "clock times glued to talk titles": 2,
         "contents with dot leaders": 4}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "booking page": ("agency's service page on booking an interpreter online",
                     {"Till huvudinnehåll", "Godkänn alla kakor", "Logga in med BankID",
                      "Starta chatt", "Växel: 08-000 000 00"},
                     {"Så bokar du", "Logga in med BankID i bokningsportalen.", "Öppettider"},
                     "sv", "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Læs også", "Publiceret 18. september 2024"},
             {"Kommentarer"}, "da", "2024"),
    "charity": ("charity's page on getting a bsl interpreter",
                {"Skip to content", "Start BSL video chat", "Last updated 3 February 2025"},
                {"What to do", "Ask the provider to confirm the booking in writing."},
                "en", "2025"),
    "press release": ("press release", {"Pressemelding", "Publisert 11.05.2023", "Del på Facebook"},
                      {"For mer informasjon"}, "nb", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "1 Sep 2023 → 31 Aug 2026", "Grant reference",
                   "No research output found for this project."},
                  {"Description", "Sammendrag"}, "en;nb", "no year: only"),
    "thesis": ("thesis record", {"Författare", "Utgivningsdatum", "2021-05-27"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2021"),
    "municipal page": ("municipality's service page",
                       {"Hopp til hovudinnhald", "Telefon: 70 00 00 00", "Skriv ut"},
                       {"Slik gjer du", "Opningstider"}, "nn", "no year: no 19xx"),
    "consultation page": ("consultation response (danske",
                          {"Dato: 4. december 2023", "Sagsnr. 2023-0000", "Høringssvar"},
                          {"Med venlig hilsen", "Til Social- og Boligministeriet"}, "da", "2023"),
    "call": ("call for proposals", {"Sista ansökningsdag: 15 mars 2027", "Dela sidan"},
             {"Vem kan söka?"}, "sv", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2022", "Rapport 0/2022 | 3", "Skrivetolking på video – evaluering",
                    "¹ Se vedlegg A for en beskrivelse av forsøksfylkene.",
                    "Tabell 1. Oppdrag etter kanal i forsøksperioden"},
                   {"Sammendrag", "English summary"}, "nb;en", "2022"),
    "strategy": ("strategy with a horizon year",
                 {"Side 2 av 4", "Vedteken i bystyret 17. juni 2021"},
                 {"Strategi for tolk og tilgjenge mot 2030", "2 Mål"}, "nn", "2021"),
    "slides": ("slide deck", {"efsli Conference 2023 | Slide 4"}, {"What we found"}, "en", "2023"),
    "letter": ("consultation response as a two-page letter",
               {"Deres ref.: 24/0000", "Oslo, 12. april 2024", "Side 2 av 2",
                "Foreningen Norges Døvblinde"},
               {"Med vennlig hilsen", "Arbeids- og inkluderingsdepartementet"}, "nb", "2024"),
    "poster": ("conference poster", {"Scan QR-koden for referencer"},
               {"Baggrund", "Poster præsenteret ved Nordisk Tolkeforum, Nyborg, juni 2024"}, "da",
               "2024"),
    "minutes": ("board minutes", {"Møtedato | 12.03.2024", "Referent | Sekretariatet"},
                {"Sak 00/24 Tegnspråktolk på skjerm i direktesendinger"}, "nb", "2024"),
    "word programme": ("seminar programme as a word file", {"Dato: tysdag 4. mars 2025"},
                       {"Program", "12.00 | Lunsj"}, "nn", "2025"),
    "written question": ("written question", {"Answered | 15/03/2022", "Question number | WQ00000"},
                         {"Question", "Answer", "Deputy Minister for Social Services"}, "en",
                         "2022"),
    "newsletter": ("newsletter e-mail", {"Dato: 3. februar 2025", "Afmeld nyhedsbrevet"},
                   {"Kære læser", "Venlig hilsen"}, "da", "2025"),
    "tender": ("tender notice", {"Sista anbudsdag", "2025-09-30", "Publicerad: 2025-08-20"},
               {"Beskrivning"}, "sv", "2025"),
    "blog": ("blog post", {"**Stikkord:** tolk, bestilling, tegnspråk"}, {"## Les rapporten"},
             "nb", "no year: only"),
}
# Documents of the brief whose role is only that they exist, once.
OTHER_ROLES = ["journal abstract (american", "seminar programme (signo", "agency report page",
               "regulator's statement", "working paper", "final report",
               "consultation response as a word file", "seminar programme copied",
               "conference programme copied", "book-of-abstracts page",
               "journal abstract copied", "journal abstract saved as markdown"]

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless SHAPES
# gives the exact zero-filled form of that kind.
IDS = {kind: pattern for kind, pattern in (row.split(" := ") for row in r"""
phone := (?:Växel|Texttelefon|Telefon|Phone):? (?P<id>\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
charity number := charity number (?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
case number := (?:Sagsnr\. 20\d\d-|Deres ref\.: \d\d/|Vår ref\.: 20\d\d/|^Sak )(?P<id>\d+)
reference row := ^\d\d/(?P<id>\d{4}) \| 20\d\d/
report number := Rapport 20\d\d:(?P<id>\d+)
report series := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>\d+)
grant reference := AH/X(?P<id>\d+)/
URN := URN:NBN:fi-fe(?P<id>\d+)
question number := WQ(?P<id>\d+)
tender reference := RV 20\d\d-(?P<id>\d+)
""".strip().splitlines())}
SHAPES = {"phone": r"0\d{1,2}-[0 ]+|[1-9]\d(?: 00){3}|[0 ]+"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")

# PDF: (pages, /Title or None when absent, /CreationDate year or None when it has no dates).
PDFS = {
    "c01": (1, "Video relay services: our review | Ofcom", 2026),
    "c02": (1, "Utlysning – Region Västerbotten", 2026),
    "p01": (6, "Evaluering av skrivetolking på video", 2022),
    "p02": (4, "Microsoft Word - wp_remotesign_v3.docx", 2024),
    "p03": (4, None, 2024),
    "p04": (6, "PowerPoint Presentation", 2023),
    "p05": (2, None, None),
    "p06": (1, "Untitled", None),
    "p07": (4, "Distanstolkning i primärvården", 2023),
}
# Word: (created year, modified year, author, title).
WORD = {"w01": (2024, 2024, "Sekretariatet", "Protokoll styremøte"),
        "w02": (2025, 2025, "Kurssenteret", "Tolkeseminar"),
        "w03": (2022, 2022, "Table Office", ""),
        "w04": (2019, 2023, "Kontoret", "Høyringsfråsegn")}


def holder(role: str) -> str:
    """The document whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def named(prefix: str) -> str:
    """The document whose file name starts with ``prefix`` and an underscore."""
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


def kept_lines(name: str) -> set[str]:
    """Visible lines of a document that no debris row removes."""
    return {line for line in SET.lines[name] if line not in SET.debris_of(name)}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """LabelledSet's shared rules for each document (see fixturesets)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree and every role is held by one document; formats,
    types and languages as the brief asks; genres named; year situations; the consultation
    responses are policy documents; glued timetables only in programmes; identifiers zero-filled;
    field lists and dot-leader contents lines are debris."""
    SET.roles_check({**{key: value[0] for key, value in ROLES.items()},
                     **{opening: opening for opening in OTHER_ROLES}})
    assert len(SET.labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4 and max(types.values()) <= 12
    fs.language_check(SET.labels, {"en": 10, "nb": 7, "nn": 5, "da": 5, "sv": 5}, 3)
    SET.bilingual_check(5, 3)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(3)
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert set(traps["glued"]) <= programmes and len(traps["glued"]) == 2
    for name in traps["glued"]:
        glued = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 4 and not glued & SET.debris_of(name), name
    SET.identifiers_check(IDS, SHAPES)
    assert SET.field_pages() == 3 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 16)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    evidence are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label = SET.labels[name]
    missing = {"debris": gone - SET.debris_of(name), "kept": stay - kept_lines(name)}
    assert missing == {"debris": set(), "kept": set()}, name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states: Chromium's prints carry the
    day of printing (never the labelled year) and their <title>; the word processor's PDFs a
    /CreationDate in the document's year, none at all, or (the re-export) two years or more
    later; their /Title real, junk or absent; every page of a report has its footer."""
    name = named(prefix)
    pages, title, created = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    meta = dict(reader.metadata or {})
    assert len(reader.pages) == pages and meta.get("/Title") == title
    year = SET.labels[name]["year"]
    if created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert meta["/CreationDate"][2:6] == str(created)
    if prefix.startswith("c"):
        assert meta["/Producer"].startswith("Skia/PDF") and str(created) != year
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)]
        assert len(stamps) == pages and set(stamps) <= SET.debris_of(name)
    else:
        assert meta["/Producer"].startswith("LibreOffice")
    if prefix == "p03":
        assert created - int(year) >= 2 and "/CreationDate" in SET.labels[name]["year_evidence"]
    feet = {"p01": r"Rapport 0/2022 \| \d", "p03": r"Side \d av 4", "p04": r"efsli .* Slide \d",
            "p05": r"Side \d av 2", "p07": r"Sida \d"}
    if prefix in feet:
        for number, page in enumerate(reader.pages, 1):
            lines = [line.strip() for line in (page.extract_text() or "").split("\n")]
            footer = [line for line in lines if re.fullmatch(feet[prefix], line)]
            assert footer or (number == 1 and prefix in ("p01", "p03", "p07")), (prefix, number)
            assert set(footer) <= SET.debris_of(name)


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """The Word files' core properties as the README states: an organisation or a role as
    author, never python-docx; dates in the document's year but one created years earlier."""
    name = named(prefix)
    props = docx.Document(str(SET.folder / name)).core_properties
    created, modified, author, title = WORD[prefix]
    assert (props.created.year, props.modified.year, props.author, props.title) == \
        (created, modified, author, title)
    assert "python-docx" not in (props.last_modified_by + props.comments + props.author)
    assert str(modified) == SET.labels[name]["year"]


def test_mhtml():
    """The pages saved as one file carry Blink's headers, a quoted-printable HTML part whose
    <title> is the Subject, and a second part; the saved day is later than the labelled year."""
    for prefix in ("s01", "s02"):
        name = named(prefix)
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: ")
        assert message["Snapshot-Content-Location"].startswith("https://")
        parts = [part for part in message.walk() if not part.is_multipart()]
        assert parts[0].get_content_type() == "text/html" and len(parts) >= 2
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
        page = fs.BeautifulSoup(parts[0].get_content(), "html.parser")
        assert str(message["Subject"]) == page.title.get_text()
        assert page.title.get_text() in SET.debris_of(name)
        assert message["Date"].datetime.year > int(SET.labels[name]["year"])


def test_brief_details():
    """The booking page keeps its four steps; the news item's three handle-signed comments go
    and its quoted sentence stays; the evaluation drops both footnotes and keeps the sentence
    calling the second; REMOTESIGN titles the catalogue page and is in the working paper."""
    steps = [line for line in kept_lines(holder("booking page"))
             if line.startswith(("Logga in med BankID i", "Välj typ", "Ange datum", "Skicka"))]
    assert len(steps) == 4
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    assert any(line.startswith("– ") for line in kept_lines(news))
    evaluation = holder("evaluation")
    notes = {line for line in SET.lines[evaluation] if line[0] in "¹²"}
    assert len(notes) == 2 and notes <= SET.debris_of(evaluation)
    assert any(s.endswith("²") for s in SET.sentences(evaluation))
    assert SET.labels[holder("catalogue")]["title"].startswith("REMOTESIGN")
    assert "REMOTESIGN" in SET.labels[named("p02")]["year_evidence"]
