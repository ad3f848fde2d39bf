"""Checks of the talik fixture set (tests/fixtures/exported/talik), written blind.

Brief: welfare services for military veterans and their families going digital (Veteranstyrelsen,
Forsvarets veterantjeneste, Försvarsmakten, veterans' charities, the Office for Veterans'
Affairs), in 32 documents of six formats: saved pages, pages saved by Chrome as one file (.mhtml),
pages printed to PDF by the browser, PDFs made by a word processor (reports, a strategy, a slide
deck, a two-page letter, a working paper, a poster), Word files, text copies and Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, then the binaries'
page counts, metadata and core properties to what the README states.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "talik")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"welfare agency's page|helpline and chat page|armed forces' (?:nynorsk )?page|"
             r"news item|press release|charity's page|call for proposals|slide deck|"
             r"newsletter e-mail|home guard's page|board minutes|blog post",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 2, "annual report": 1, "board minutes": 1, "press release": 1,
         "newsletter e-mail": 1, "call for proposals with a future deadline": 1, "poster": 1,
         "slide deck": 1, "book-of-abstracts": 1, "evaluation report with an english summary": 1,
         "clock times glued to talk titles": 4, "saved as one file": 2,
         "printed to pdf by the browser": 2, "made by a word processor": 4, "word file": 4,
         "copied": 4, "saved as markdown": 2, "news item with reader comments": 1,
         "strategy with a horizon year": 1, "thesis record": 1, "in two languages": 2}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "welfare": ("welfare agency's page on applying for compensation online",
                {"Gå til indhold", "Accepter alle", "Start chat",
                 "Log ind på Mit Veteranstyrelsen med MitID"},
                {"Sådan søger du", "Log ind med MitID.", "Åbningstider",
                 "Telefonen er åben mandag til torsdag kl. 9-15 og fredag kl. 9-13."},
                "da", "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Læs også",
              "veteran_77: Jeg ventede over et år på min sag."},
             {"– Man føler sig glemt, når systemet ikke svarer, siger han."}, "da", "2025"),
    "journal": ("journal abstract in two languages", {"Download PDF", "DOI: 10.0000/mt.2022.0000"},
                {"Resumé", "Abstract"}, "da;en", "2022"),
    "thesis": ("master's thesis record", {"Forfatter", "Last ned fulltekst (PDF)"},
               {"Sammendrag", "Abstract"}, "nb;en", "2024"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "2023–2026", "No outputs found", "000000"},
                  {"Summary"}, "en", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023 | 3", "Tabell 1: Henvendelser fordelt på kanal",
                    "¹ Se Forsvarsdepartementets oppdragsbrev, sak 00/0000.", "September 2023"},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en", "2023"),
    "strategy": ("strategy with a horizon year", {"Side 2 av 4", "Vedteken juni 2024"},
                 {"Innhald", "2 Mål"}, "nn", "2024"),
    "slides": ("slide deck", {"Veterankonferencen 2024 | 3", "Veteranstyrelsen"},
               {"Hvad har vi lært?", "Tak for ordet"}, "da", "2024"),
    "letter": ("consultation response as a two-page letter",
               {"Dnr Fö2025/00000", "Sida 2 av 2", "Stockholm den 3 mars 2025",
                "Sveriges Veteranförbund · Box 0000 · 000 00 Stockholm"},
               {"Med vänlig hälsning", "Till Försvarsdepartementet", "Ordförande"}, "sv", "2025"),
    "annual": ("annual report excerpt", {"4", "Help for Heroes Annual Report and Accounts",
                                         "Figure 2: Contacts by channel, 2024"},
               {"Contents", "Looking ahead"}, "en", "2024"),
    "paper": ("working paper of the research project", {"VETDIGI Working Paper 0/2025"},
              {"Summary", "1 Introduction"}, "en", "2025"),
    "minutes": ("board minutes", {"Mötesdatum | 12.03.2024", "Sida 1 av 1"},
                {"§ 2 Digitala tjänster för medlemmar"}, "sv", "2024"),
    "call": ("call for proposals with a future deadline",
             {"Print this page", "Skip to main content"},
             {"How to apply", "Who can apply"}, "en", "no year: only"),
    "single file": ("charity's page on help with compensation claims online",
                    {"Accept all cookies", "Open chat", "Page last reviewed: 4 March 2025"},
                    {"What you need", "Your service number."}, "en", "2025"),
    "table programme": ("programme as a table of times and talks",
                        {"Bergenhus festning, 2. og 3. september 2025",
                         "Forsvarets veterantjeneste"},
                        {"10.30 | Korleis når vi veteranane digitalt?", "Program, dag 1"}, "nn",
                        "2025"),
}

# PDF: (pages, year of /CreationDate or None, /Title or None). The browser's prints carry the
# day they were printed, checked apart (PRINTED).
PDFS = {
    "p01_fjellheim_evaluering_digital_veteranoppfolging_rapport_nb_en.pdf":
        (4, "2023", "Microsoft Word - rapport_v7_endelig.docx"),
    "p02_forsvarets_veterantjeneste_strategi_mot_2030_nn.pdf":
        (4, "2026", "Digital veteranteneste mot 2030"),
    "p03_veteranstyrelsen_oplaeg_digital_ansoegning_slides_da.pdf":
        (4, "2024", "PowerPoint Presentation"),
    "p04_sveriges_veteranforbund_remissvar_digital_veteranservice_sv.pdf": (2, None, None),
    "p05_help_for_heroes_annual_report_excerpt_en.pdf": (4, "2024", None),
    "p06_kcl_vetdigi_working_paper_en.pdf": (2, None, "Untitled"),
    "p07_forsvarets_hogskole_poster_veterankontaktar_nn.pdf": (1, "2025", "Eitt namn å ringje til"),
}
PRINTED = ["c01_office_veterans_affairs_call_for_proposals_print_en.pdf",
           "c02_forsvarshogskolan_konferensabstrakt_print_sv_en.pdf"]
# Word file: (year created, year modified, title or "", author).
WORD = {
    "d01_sveriges_veteranforbund_styrelseprotokoll_digitala_tjanster_sv.docx":
        (2024, 2024, "Styrelseprotokoll", "Förbundskansliet"),
    "d02_forsvarets_veterantjeneste_fagsamling_veterankontaktar_program_nn.docx":
        (2025, 2025, "", "Forsvarets veterantjeneste"),
    "d03_sivas_horingssvar_digital_veteranportal_nb.docx":
        (2023, 2023, "Høringssvar veteranportal", "Saksbehandler"),
    "d04_forsvarsakademiet_slutrapport_digitale_veje_veteranstoette_da.docx":
        (2019, 2022, "DIGIVET slutrapport", "Forsvarsakademiet"),
}
DOT_LEADER = re.compile(r"\.{10,}\d+$")


def document_of(role: str) -> str:
    """The file whose notes open with the phrase of a role."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def surviving(name: str) -> list[str]:
    """The visible lines of a document that cleaning has to leave in place, in order."""
    gone = SET.debris_of(name)
    return [line for line in SET.lines[name] if line not in gone]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' per-document rules (labels, placement, saved-page head, genre and type,
    later prose years) for one file of the set."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; each language alone three times or more and four bilingual
    documents; the genres named; year situations and traps; consultation responses typed
    policy_document; every role held by a document of its own."""
    SET.roles_check({role: row[0] for role, row in ROLES.items()})
    by_format, by_type, by_tag = (fs.column_counts(SET.labels)[key] for key in
                                  ("format", "doc_type", "languages (label)"))
    assert (len(SET.labels), dict(by_format)) == (32, FORMATS)
    assert sorted(by_type) == sorted(fs.TYPES) and all(n >= 4 for n in by_type.values()), by_type
    alone = {code: by_tag[code] for code in fs.LANGUAGES}
    two = [tag for tag in by_tag.elements() if ";" in tag]
    assert (min(alone.values()) >= 3, len(two) >= 4) == (True, True), by_tag
    assert not fs.missing_genres(SET.labels, NAMED)
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    short = [key for key in ("bare", "other_years", "glued", "ahead") if len(traps[key]) < 3]
    assert short == [], traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """Glued clock times only in programmes (four kept lines or more in each that glues); the
    Word programme keeps its times in table rows; at least twelve dot-leader contents lines in
    three PDFs, all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued <= programmes and len(glued) == 4
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    table = document_of("table programme")
    assert len([line for line in surviving(table) if re.match(r"\d\d\.\d\d \| ", line)]) == 4
    leaders = [(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)]
    assert len(leaders) >= 10 and len({n for n, _ in leaders}) == 3
    assert all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """For one role of the brief: the named furniture is listed, the named headings and steps
    survive, the language tag and the start of the year evidence are as the table says."""
    _, must_go, must_stay, tag, opens = ROLES[role]
    name = document_of(role)
    unlisted = sorted(must_go - SET.debris_of(name))
    lost = sorted(must_stay - set(surviving(name)))
    assert (unlisted, lost) == ([], []), name
    label = SET.labels[name]
    assert (label["languages"], label["year_evidence"][:len(opens)]) == (tag, opens)
    kept_text = fs.flat(" ".join(surviving(name)))
    sentences = SET.sentences(name)
    assert len(sentences) >= 3 and [s for s in sentences if fs.flat(s) not in kept_text] == []


def creation_year(meta) -> str | None:
    value = (meta or {}).get("/CreationDate")
    return value[2:6] if value else None


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /CreationDate year and /Title as the README states; a dated file's
    /CreationDate is the labelled year except the re-exported strategy (two or more years
    later, named in its evidence); running feet or heads with page numbers on every page of a
    report of three pages or more."""
    pages, year, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert (len(reader.pages), creation_year(meta), meta.get("/Title")) == (pages, year, title)
    label = SET.labels[name]
    if year and "re-exported" in label["notes"]:
        assert int(year) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]
    elif year:
        assert year == label["year"]
    else:
        assert "/ModDate" not in meta and "no dates" in label["year_evidence"]
    if pages >= 3:
        texts = [page.extract_text() for page in reader.pages]
        numbered = [t for i, t in enumerate(texts, 1)
                    if any(re.search(rf"(?<!\d){i}(?!\d)", line) and line in SET.debris_of(name)
                           for line in t.splitlines())]
        assert len(numbered) == pages


def test_browser_prints_and_single_files():
    """The browser's prints: /Title the page's <title> (not the label, and in the print
    header), /CreationDate not the labelled year, a print header and a foot with the file address
    and "n/N" on every page, all debris. The
    single-file pages: Blink's headers, a quoted-printable HTML part and at least one more part."""
    for name in PRINTED:
        reader = PdfReader(SET.folder / name)
        meta = reader.metadata
        assert meta["/Producer"].startswith("Skia/PDF")
        assert meta["/Title"] != SET.labels[name]["title"]
        assert creation_year(meta) != SET.labels[name]["year"]
        stamps = [line for line in SET.lines[name] if line.startswith("ﬁle://")
                  or re.match(r"\d+/\d+/\d+, \d+:\d+ [AP]M ", line)]
        pages = len(reader.pages)
        assert len(stamps) == 2 * pages and set(stamps) <= SET.debris_of(name)
        heads = {line for line in stamps if not line.startswith("ﬁle://")}
        feet = {line[-3:] for line in stamps if line.startswith("ﬁle://")}
        assert len(heads) == 1 and meta["/Title"][:12] in heads.pop()
        assert feet == {f"{n}/{pages}" for n in range(1, pages + 1)}
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert b"From: <Saved by Blink>" in data and message["Snapshot-Content-Location"]
        assert message["Subject"] in SET.debris_of(name) and message["Date"]
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states: created and modified years, title, an
    organisation or a role as author, never python-docx as last editor; the header and footer
    lines are debris."""
    created, modified, title, author = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.created.year, props.modified.year, props.title, props.author) == \
        (created, modified, title, author)
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)


def test_word_years():
    """One Word file's properties are years off its labelled date; the others agree or are
    undated."""
    off = Counter(WORD[n][0] != int(SET.labels[n]["year"] or WORD[n][0]) for n in WORD)
    assert off[True] == 1
