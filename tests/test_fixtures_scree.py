"""Checks of the scree fixture set (tests/fixtures/exported/scree), written blind.

Brief: follow-up services for young people leaving child welfare care going digital (ettervern,
efterværn, eftervård, care leavers' personal advisers, leaving-care grants and housing), in real
binary formats and browsers' saves: saved HTML pages, pages Chrome saved as one .mhtml file, pages
Chromium printed to PDF, PDFs made by a word processor (reports, a two-page letter, a slide deck,
a poster), Word files, text copies and Markdown pages. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, fewer than size_check and trap_check assume, so its counts are checked here.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "scree")
META_DATES = {"article:published_time", "citation_publication_date", "dcterms.modified"}

# The type each genre (the notes' opening, before " (") stands for, by its words.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|municipality's page|news item|press release|charity's advice page|"
             r"call for proposals|slide deck|minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report|written question|"
                       r"action plan",
    "project_report": r"catalogue page|working paper|final report|evaluation report|project page",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# How many documents' notes must name each phrase, at the least.
NAMED = {"consultation response": 2, "printed to pdf by the browser": 2,
         "saved by chrome as one file": 2, "a pdf made by a word processor": 7,
         "word file": 4, "copied": 5, "saved as markdown": 2, "glued to talk titles": 3}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# Each role of the brief -> the opening of the notes of the document holding it, its furniture
# (debris lines), its kept lines, its languages label and how its year evidence begins.
ROLES = {
    "service": ("municipality's service page on digital contact in ettervern",
                {"Hopp til hovedinnhold", "Godta alle", "Logg inn med BankID", "Start chat",
                 "Mandag–fredag 08.00–15.30", "Sentralbord: 66 00 00 00"},
                {"Slik søker du", "Velg Ettervern og fyll ut skjemaet."}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"2 comments", "jo_leaver: Video is great until your data runs out.",
              "Add a comment"}, {"Comments"}, "en", "2024"),
    "bilingual abstract": ("journal abstract in two languages", {"Download PDF", "Views"},
                           {"Abstract", "Sammanfattning"}, "en;sv", "2023"),
    "thesis": ("thesis record", {"Författare", "Publiceringsdatum", "2022-06-10"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2022"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "2023–2026", "Project reference", "No outputs yet"},
                  {"About the project"}, "en", "no year: only"),
    "paper": ("working paper of the research project",
              {"DIGILEAVE Working Paper 0/2025",
               "¹ The project is funded by an invented foundation."},
              {"Contents", "1 Introduction"}, "en", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023, november 2023", "Rapport 0/2023 | 3",
                    "Tabell 1. Kontaktkanal i ettervernet, andel unge (n = 31)."},
                   {"Sammendrag", "English summary", "Meldinger 68 %"}, "nb;en", "2023"),
    "strategy": ("strategy with a horizon year", {"Årdal kommune | Side 3 av 4"},
                 {"Innhald"}, "nn", "2024"),
    "letter": ("consultation response as a two-page letter",
               {"Forum for Barnevern", "Deres ref.: 24/0000", "Side 2 av 2",
                "Kari Nord (invented)"}, {"Med vennlig hilsen", "for Forum for Barnevern",
                "Barne- og familiedepartementet"},
               "nb", "2024"),
    "slides": ("slide deck", {"Nordic Leaving Care Conference 2024 | 4"},
               {"Why apps?", "Questions?"}, "en", "2024"),
    "poster": ("conference poster", {"Kontakt: [email protected]"}, {"Metode"}, "da", "2024"),
    "minutes": ("council committee minutes", {"Møtedato | 12.03.2024", "Sak | 000/24"},
                {"Vedtak"}, "nn", "2024"),
    "programme table": ("seminar programme as a word file",
                        {"Torsdag den 9. oktober 2025"}, {"09.00 | Velkomst og kaffe"}, "da",
                        "2025"),
    "question": ("parliamentary written question", {"Besvart 05.11.2024"}, {"Svar"}, "nb",
                 "2024"),
    "newsletter": ("newsletter e-mail", {"Sendt: 3. februar 2025", "Meld deg av nyhetsbrevet"},
                   {"Neste nettverksmøte"}, "nb", "2025"),
    "call": ("call for proposals", {"Publicerad: 10 mars 2025"}, {"Vem kan söka?"}, "sv",
             "2025"),
    "mhtml page": ("charity's advice page", {"Accept cookies", "Start chat"},
                   {"How to apply"}, "en", "2024"),
}

# PDFs: (pages, /Title or None, year of /CreationDate or None).
PDFS = {
    "c01_mucf_utlysning_sv.pdf": (1, None, None),
    "c02_ardal_bustad_ettervern_nn.pdf": (1, None, None),
    "p01_evaluering_digitalt_ettervern_nb_en.pdf": (4, "Digitalt ettervern i tre kommuner", "2023"),
    "p02_digileave_working_paper_en.pdf": (4, "Microsoft Word - wp_v7_endelig.docx", "2027"),
    "p03_ardal_strategi_mot_2030_nn.pdf": (4, None, None),
    "p04_forum_barnevern_horingssvar_brev_nb.pdf": (2, None, None),
    "p05_nordic_leaving_care_slides_en.pdf": (4, "PowerPoint Presentation", "2024"),
    "p06_koge_poster_da.pdf": (1, "Untitled", "2024"),
    "p07_kungsbacka_arsberattelse_utdrag_sv.pdf": (3, "Verksamhetsberättelse 2023 socialnämnden",
                                                    "2023"),
}
# Word files: (author, year created, last modified by).
WORD = {
    "w01_ardal_motereferat_ungdomsutval_nn.docx": ("Årdal kommune", 2024, "Sekretariatet"),
    "w02_hoersholm_programme_temadag_da.docx": ("Socialforvaltningen", 2025, "Sekretariat"),
    "w03_skriftlig_sporsmal_ettervern_nb.docx": ("Departementet", 2024, "Saksbehandler"),
    "w04_hoersholm_slutrapport_da.docx": ("Projektgruppen", 2025, "Socialforvaltningen"),
}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that are not listed as debris."""
    listed = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in listed}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Every shared check of fixturesets for one file (LabelledSet.each_document_check)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats the brief asks for; all
    five types four times or more; each language alone three times or more and four bilingual
    documents or more; genres named; year situations; consultation responses typed
    policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32
    assert dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4, tags
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(1)
    assert SET.field_pages() >= 1 and SET.kept_markdown_fields() == []
    assert {lab["doc_type"] for lab in labels.values()
            if "consultation response" in lab["notes"]} == {"policy_document"}


def test_programmes_and_contents():
    """The copied programmes glue clock times to talk titles (four kept lines each, none debris),
    and no other document does; the Word programme keeps its times in table rows; dot-leader
    contents lines stand in three PDFs, every one debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    copied = sorted(n for n in SET.on_disk if n.endswith(".txt")
                    and SET.labels[n]["doc_type"] == "event_programme")
    assert sorted(glued) == copied and len(copied) == 3
    for name in copied:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    table = holder("programme table")
    assert len([line for line in kept_lines(table) if re.match(r"\d\d\.\d\d \| ", line)]) == 5
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len({n for n, _ in leaders}) >= 3
    assert all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's document: its furniture listed as debris, its headings or steps kept, the
    languages label and the start of the year evidence the role expects, 3+ prose sentences."""
    name = holder(role)
    label, furniture, headings = SET.labels[name], ROLES[role][1], ROLES[role][2]
    assert sorted(furniture - SET.debris_of(name)) == []
    assert sorted(headings - kept_lines(name)) == []
    assert (label["languages"], label["year_evidence"][:len(ROLES[role][4])]) == \
        (ROLES[role][3], ROLES[role][4])
    assert len(SET.sentences(name)) in (3, 4)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states; the browser's prints carry its
    stamp (time and <title> at the top, address and "n/m" at the foot) as debris, and their
    metadata is Chromium's own (/Title the page's <title>, dates of printing); the labelled
    year is never the print stamp's."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    if name.startswith("c"):
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)]
        feet = [line for line in SET.lines[name] if re.search(r"le:///\S+ \d+/\d+$", line)]
        assert len(stamps) == len(feet) == pages and set(stamps + feet) <= SET.debris_of(name)
        assert meta["/Producer"].startswith("Skia/PDF") and all(meta["/Title"] in s for s in stamps)
        assert meta["/CreationDate"][2:6] != SET.labels[name]["year"]
        return
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    assert ("/ModDate" in meta) == bool(created)
    label = SET.labels[name]
    if created and created != label["year"]:
        assert int(created) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation or role as author, created in the year
    the README states, last modified by someone other than python-docx; the furniture in
    headers and footers is debris."""
    author, year, modifier = WORD[name]
    document = docx.Document(str(SET.folder / name))
    props = document.core_properties
    assert (props.author, props.created.year, props.last_modified_by) == (author, year, modifier)
    furniture = {p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
    label = SET.labels[name]
    if str(year) != label["year"]:
        assert abs(year - int(label["year"])) >= 2 and "core properties" in label["year_evidence"]


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, the page as quoted-printable HTML, and
    a stylesheet and an image part; its Subject (the <title>) is debris."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>\n" in data and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related" and message["Date"]
    kinds = [part.get_content_type() for part in message.iter_parts()]
    assert kinds == ["text/html", "text/css", "image/png"]
    assert next(message.iter_parts())["Content-Transfer-Encoding"] == "quoted-printable"
    assert str(message["Subject"]) in SET.debris_of(name)
