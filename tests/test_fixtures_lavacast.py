"""Checks of the lavacast fixture set (tests/fixtures/exported/lavacast), written blind.

Brief: algorithmic profiling and risk scoring in public employment services and unemployment
benefits. 32 documents leaning to the web: 16 saved pages, 3 pages saved by Chrome as one
.mhtml file, 2 pages printed to PDF by the browser, 4 PDF files made by a word processor, 2
Word files, 4 text copies and 1 page saved as Markdown; Bokmål, English, Nynorsk, Danish and
Swedish, five bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than fixturesets.size_check and language_check assume (36 to 40 documents, Nynorsk
alone four times), so its own counts are checked here.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "lavacast")
# Contents lines with dot leaders, and the date-and-title line Chromium prints atop each page.
DOT_LEADER = re.compile(r"\.{10,} \d+$")
CHROMIUM_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|municipal service page|court ruling|news item|blog post|vendor page|"
             r"tender notice|investigation|press release|minutes|newsletter|call for proposals",
    "policy_document": r"action plan|ngo report|consultation response|audit report|"
                       r"annual report excerpt|strategy",
    "project_report": r"catalogue page|evaluation report|working paper|project page",
    "abstract": r"abstract|conference paper record|journal article page|thesis record",
    "event_programme": r"seminar programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "printed to pdf by the browser": 2, "made by a word processor": 4, "as a word file": 2,
         "saved by chrome as one .mhtml file": 3, "saved as markdown": 1, "copied": 2,
         "pasted": 2, "boilerplate": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("agency page on how job seekers' chances are scored",
               {"Skip to content", "This website uses cookies", "Service line: 0000 000 000"},
               {"What the estimate is", "What you can do"}, "en", "no year: no 19xx"),
    "municipal": ("municipal service page on digital mapping",
                  {"We use cookies", "Skip to content", "Logg inn", "Start chat",
                   "Chatten er bemannet mandag til fredag 09.00–14.00"},
                  {"Slik gjør du det", "Åpningstider", "Mandag til fredag 09.00–15.00",
                   "Logg inn på Ditt Nav med BankID."}, "nb", "no year: no 19xx"),
    "catalogue": ("funder's catalogue page",
                  {"Prosjektnummer", "000000", "Prosjektperiode", "2023–2026",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal article page", {"Visninger 1 204", "Altmetric 7", "Last ned PDF",
                                         "ORCID Icon", "Publisert 20. juni 2023"},
                {"Sammendrag", "Abstract"}, "nb;en", ""),
    "news": ("news item with reader comments", {"4 kommentarer", "Skriv en kommentar",
                                                "jesperv: Hvem har egentlig testet det værktøj?"},
             {"Kommentarer"}, "da", ""),
    "vendor": ("vendor page", {"Personvernerklæring", "Alle rettigheter forbeholdt", "Book a demo"},
               {"How it works"}, "en", "no year: only"),
    "tender": ("tender notice", {"Tilbudsfrist", "10.01.2026 12:00", "CPV-kode"}, set(), "nb", ""),
    "press": ("press release", {"13 November 2024", "Print  Share", "Amnesty International"},
              {"What Amnesty International is calling for"}, "en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"November 2023", "OR 00.23", "OR 00.23 – side 2",
                    "2 Funn ...................................................... 4"},
                   {"English summary", "Sammendrag", "Innhold", "Kontor A 120 22"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year",
                 {"Sak 000/25", "Side 2", "¹ Se kartleggingen av digitale verktøy i Nav Risør."},
                 {"1 Bakgrunn", "Innhold"}, "nb", ""),
    "minutes": ("council minutes", {"Møtedato | 12.03.2025", "Vegårshei kommune – Møtebok"},
                {"Vedtak", "Vedtaket var samrøystes."}, "nn", ""),
    "newsletter": ("newsletter e-mail", {"Meld deg av", "Vis i nettleser"},
                   {"Dette kan du lese:"}, "nb", ""),
    "call": ("call for proposals", {"Søknadsfrist", "4. mars 2026 kl. 13.00"},
             {"Hvem kan søke?"}, "nb", "no year: only"),
    "thesis": ("thesis record", {"Bachelorprojekt", "Udgivet: 15. juni 2022"},
               {"Resumé", "Abstract"}, "da;en", ""),
}

# The PDFs: pages, /Title (None: absent) and the year of /CreationDate (None: absent).
PDFS = {
    "b01_amnesty_press_release_fraud_algorithms_en.pdf": (2, "browser", None),
    "b02_amli_fagdag_program_nn.pdf": (2, "browser", None),
    "w01_sor_odal_arsmelding_nav_utdrag_nb.pdf":
        (2, "Microsoft Word - arsmelding_nav_v3.docx", "2025"),
    "w02_ostfoldforskning_evaluering_behovsvurdering_nb_en.pdf":
        (3, "Evaluering av et verktøy for behovsvurdering i Nav", "2025"),
    "w03_risor_strategi_digital_oppfolging_mot_2030_nb.pdf":
        (3, "Digital oppfølging i Risør mot 2030", None),
    "w04_innlandsinstituttet_arbeidsnotat_riskvekt_nb.pdf":
        (2, "Microsoft Word - RISKVEKT_arbeidsnotat_v3.docx", "2024"),
}
# The Word files: author, last_modified_by, years created and modified.
WORD = {
    "d01_ringebu_horingssvar_varsel_risiko_nb.docx":
        ("Ringebu kommune", "Kommunedirektørens kontor", 2024, 2024),
    "d02_vegarshei_motebok_hovudutval_nn.docx":
        ("Politisk sekretariat", "Utvalssekretær", 2025, 2025),
}


def holder(role: str) -> str:
    """The document whose notes open with the role's genre phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared rules of fixturesets for one document: labels, placement, a saved page's head and
    fields, the type its genre names, later prose years named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; formats, types, languages and genres as the brief
    asks; year situations and traps; roles held once; consultation responses typed policy."""
    fs.files_check(SET.folder, SET.labels)
    fs.readme_check(SET.folder, SET.labels, SET.debris, SET.prose)
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert (len(SET.labels), dict(formats)) == (32, FORMATS)
    assert sorted(types) == sorted(fs.TYPES) and min(types.values()) >= 4, types
    _, parts, openers = fs.language_counts(SET.labels)
    least = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
    assert {code: parts[code] for code in least if parts[code] < least[code]} == {}, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert not fs.missing_genres(SET.labels, NAMED)
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    assert len(set(map(holder, ROLES))) == len(ROLES)


def test_programmes_boilerplate_and_contents():
    """Programmes, and only they, glue times to titles; two monolingual pages carry another
    language's boilerplate (debris); dot-leader contents lines, all debris."""
    SET.glued_check()
    marked = {n: lab["languages"] for n, lab in SET.labels.items() if "boilerplate" in lab["notes"]}
    assert len(marked) == 2 and not any(";" in tag for tag in marked.values())
    SET.contents_check(DOT_LEADER, 7)
    assert SET.field_pages() >= 2 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Named furniture is debris, named headings and lines stay (visible, not debris), the
    languages label and the year evidence's opening are the expected ones, prose is labelled."""
    name, (_, gone, stay, languages, evidence) = holder(role), ROLES[role]
    debris, visible = SET.debris_of(name), set(SET.lines[name])
    label = SET.labels[name]
    assert (gone - debris, stay - visible, stay & debris) == (set(), set(), set())
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; the browser's prints keep Chromium's stamp
    and address lines (debris) and their dates are the printing day, never the label's year."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if title == "browser":
        stamps = [line for line in SET.lines[name] if CHROMIUM_STAMP.match(line)]
        assert len(stamps) == pages and set(stamps) <= SET.debris_of(name)
        feet = [line for line in SET.lines[name] if re.search(r" \d/\d$", line)]
        assert len(feet) == pages and set(feet) <= SET.debris_of(name)
        assert info.get("/Producer", "").startswith("Skia/PDF")
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
    else:
        assert info.get("/Title") == title
        assert (info.get("/CreationDate") or "")[2:6] == (created or "")
        if created and created != SET.labels[name]["year"]:
            assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or role as author, never python-docx as last editor,
    created and modified in the labelled year; header and footer lines are debris."""
    author, editor, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert "python-docx" not in props.last_modified_by
    assert (props.created.year, props.modified.year) == (created, modified)
    assert str(created) == SET.labels[name]["year"]
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs}
    assert furniture and furniture <= SET.debris_of(name)
    rows = [line for line in SET.lines[name] if " | " in line]
    assert len(rows) >= 3 and set(rows) <= SET.debris_of(name)


def test_mhtml_headers():
    """The three single-file pages carry Blink's headers, an HTML part in quoted-printable and
    at least one more part."""
    import email

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        message = email.message_from_bytes((SET.folder / name).read_bytes())
        assert message["From"] == "<Saved by Blink>" and message["Snapshot-Content-Location"]
        assert message["Subject"] and message["Date"]
        parts = [p for p in message.walk() if not p.is_multipart()]
        assert parts[0].get_content_type() == "text/html"
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
        assert len(parts) >= 2
        assert Counter(p.get_content_maintype() for p in parts)["text"] >= 1
