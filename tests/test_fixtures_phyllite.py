"""Checks of the phyllite fixture set (tests/fixtures/exported/phyllite), written blind.

Brief: how digital mailboxes and digital-by-default letters reach benefit recipients (Digipost
and e-Boks, Kivra, Digital Post, opting out, letters nobody opened). 32 documents leaning to the
web: saved pages, pages saved as one file (.mhtml), pages printed to PDF by the browser,
word-processor PDFs, Word files, text copies and one Markdown page. English, Bokmål, Nynorsk,
Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so the size and its formats are checked here rather than by ``fs.size_check``.
"""

import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

DOCS = fs.LabelledSet(fs.SETS / "phyllite")
# <head> fields that carry a date; where a page has one, it must give the labelled year.
HEAD_DATES = frozenset(("article:published_time", "article:modified_time", "event:start_time",
                        "citation_publication_date"))

# The type each genre stands for: its words are sought in the notes' opening genre.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|municipal page|news item|blog post|call for proposals|tender notice|"
             r"written question|press release|course page|minutes|newsletter",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2, "mhtml": 3,
         "printed to pdf by the browser": 2, "word-processor pdf": 4, "word file": 2,
         "copied": 2, "pasted": 2, "saved as markdown": 1, "boilerplate only: monolingual": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("agency service page on getting letters",
               {"Skip to main content", "Accept all cookies", "Logg inn på Min side", "Start chat",
                "Sentralbord: 55 00 00 00"},
               {"Slik velger du digital postkasse", "Godta vilkårene for postkassen."}, "nb", ""),
    "opt-out": ("municipal page on opting out of digital post",
                {"Gå til indhold", "Tillad alle", "Publiceret 2. maj 2024", "CVR 00 00 00 00"},
                {"Sådan søger du", "Hvem kan blive fritaget?"}, "da", ""),
    "portal": ("conference abstract on a university research portal",
               {"Research output: Contribution to conference", "Fingerprint", "Digital Mail",
                "Original language", "Cite this"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"VELF-DIGI", "Project Period:", "2024 - 2028", "No publications found"},
                  {"Summary", "Sammendrag"}, "en;nb", "no year: only"),
    "journal": ("journal abstract on an article page",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon", "Download PDF"},
                {"ABSTRACT"}, "en", ""),
    "news": ("news item with reader comments",
             {"4 kommentarer", "Skriv en kommentar", "Publisert 08.10.2024 06:30", "NYHETER"},
             set(), "nb", ""),
    "blog": ("blog post of a research group",
             {"Skip to content", "Forskergruppen for digital velferd, Institutt for sosialfag",
              "Leave a Reply"}, set(), "en", ""),
    "thesis": ("thesis record", {"Författare", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2022", "Evaluering av papirbrevordningen", "Side 2 av 4"},
                   {"Innhold", "English summary"}, "nb;en", ""),
    "response": ("consultation response of a pensioners' association",
                 {"Dnr 0000-00000", "Sida 1 av 1", "¹ Se promemorians avsnitt 5."},
                 {"Till Finansdepartementet", "Styrelsen"}, "sv", ""),
    "programme": ("seminar programme with clock times glued",
                  {"Heiabygd kommune – Helse og omsorg", "Tysdag 4. mars, Kommunehuset"},
                  {"Program"}, "nn", "no year: no 19xx"),
}

# PDF: (pages, /Title or None, /CreationDate year or None, printed by the browser). Chromium
# writes the page's <title> and the day of printing (5 December 2026) and nothing was changed.
PDFS = {
    "c01_kjelvik_digital_post_heimeteneste_nn.pdf":
        (1, "Digital post og heimetenesta | Kjelvik kommune", "2026", True),
    "c02_vestdal_seniorsenter_postkurs_nn.pdf":
        (1, "Kurs i digital post | Vestdal seniorsenter", "2026", True),
    "p01_evaluering_papirbrev_ordning_nb_en.pdf":
        (4, "Evaluering av ordningen med papirbrev", "2022", False),
    "p02_heiabygd_eldrerad_protokoll_nn.pdf":
        (1, "Microsoft Word - protokoll_eldrerad_v3.docx", "2024", False),
    "p03_postles_working_paper_en.pdf": (3, "Delivered but not read", "2027", False),
    "p04_pensionarsforening_remissvar_digital_post_sv.pdf": (1, None, None, False),
}
# Word file: (author, last_modified_by, created year, modified year).
WORD = {"w01_brukerrad_referat_digital_post_nb.docx":
        ("Lørdal kommune", "Sekretariatet", 2024, 2024),
        "w02_fagdag_digital_post_program_nn.docx":
        ("Helse og omsorg", "Fagkoordinator", 2025, 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def owner(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    return fs.by_notes(DOCS.labels, ROLES[role][0])


def staying(name: str) -> set[str]:
    """Visible lines of a document that are not labelled debris."""
    return {line for line in DOCS.lines[name] if line not in DOCS.debris_of(name)}


@pytest.mark.parametrize("name", DOCS.on_disk)
def test_document(name):
    """Each file: shared label and placement rules, page head and fields, genre type, later
    prose years named (``LabelledSet.each_document_check``)."""
    DOCS.each_document_check(name, HEAD_DATES, GENRE_TYPES)


def test_whole_set():
    """The set as a whole: files, CSVs and README agree and every role has its own file; 32
    documents in the brief's formats, each type four times or more; languages and bilingual
    abstracts; genres in the notes; year situations; consultation responses as policy."""
    labels = DOCS.labels
    DOCS.roles_check({role: row[0] for role, row in ROLES.items()})
    assert len(labels) == 32 and dict(DOCS.by_column["format"]) == FORMATS
    types = DOCS.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    fs.language_check(labels, {"en": 11, "nb": 14, "nn": 3, "da": 2, "sv": 2}, 2)
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and [lab["doc_type"] for lab in two].count("abstract") >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, DOCS.prose, DOCS.lines)
    DOCS.consultations_check(2)


def test_programmes_fields_and_contents():
    """Glued clock times in the programmes only; pages with field lists; no kept Markdown field
    line; the dot-leader contents lines all debris."""
    DOCS.glued_check()
    assert DOCS.field_pages() >= 6 and DOCS.kept_markdown_fields() == []
    DOCS.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The furniture named for a role is debris and its headings are not; its languages label
    and the opening of its year evidence are as the table says."""
    _, furniture, headings, languages, evidence = ROLES[role]
    name = owner(role)
    label = DOCS.labels[name]
    assert furniture <= DOCS.debris_of(name), furniture - DOCS.debris_of(name)
    assert headings <= staying(name), headings - staying(name)
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; a browser print keeps its stamp and
    address lines as debris and is labelled by the page's own date."""
    pages, title, created, printed = PDFS[name]
    reader = PdfReader(DOCS.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    assert (info.get("/CreationDate") or "D:")[2:6] == (created or "")
    if created and created != DOCS.labels[name]["year"]:
        assert "/CreationDate" in DOCS.labels[name]["year_evidence"]
    stamps = {line for line in DOCS.lines[name] if re.match(r"\d+/\d+/\d\d, \d", line)
              or "file:///" in line.replace("\ufb01", "fi")}
    assert bool(stamps) == printed and stamps <= DOCS.debris_of(name)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or role as author, never python-docx; dates in the
    document's year or, for the undated programme, the year it was written."""
    author, editor, created, modified = WORD[name]
    props = docx.Document(str(DOCS.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert "python-docx" not in (props.author + props.last_modified_by)


def test_mhtml():
    """The three single-file pages carry Blink's headers and a second part."""
    import email
    from email import policy

    for name in (n for n in DOCS.on_disk if n.endswith(".mhtml")):
        data = (DOCS.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert b"\nFrom: <Saved by Blink>\n" in data and message["Snapshot-Content-Location"]
        assert message["Subject"] in DOCS.debris_of(name)
        parts = [p.get_content_type() for p in message.walk()][1:]
        assert parts[0] == "text/html" and len(parts) >= 2
