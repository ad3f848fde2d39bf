"""Checks of the aplite fixture set (tests/fixtures/exported/aplite), written blind.

Brief: how cash-for-care benefit (kontantstøtte) and kindergarten places (samordnet opptak,
pladsanvisning, förskoleplats) are applied for and allocated digitally. A web-heavy set of 32:
16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF by the
browser, 4 PDF files from a word processor, 2 Word files, 4 text copies and 1 Markdown page.

The import is never run here: labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief, then the binaries' page counts and
properties are held to what the set's README states.
"""

import datetime as dt
import email
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "aplite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "citation_conference_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|press release|written question|call for "
             r"proposals|tender notice|page in english printed|minutes|newsletter",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record|conference paper",
    "event_programme": r"programme",
}.items()}
NAMED = {"consultation response": 3, "printed to pdf by the browser": 2, "saved as one file": 3,
         "as a pdf": 4, "as a word file": 2, "copied": 2, "glued": 4, "monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence)
ROLES = {
    "municipal": ("municipality's service page on applying for a kindergarten place",
                  {"Skip to content", "We use cookies to improve this site. Accept all cookies",
                   "Sentralbord: 00 00 00 00"}, {"Slik søker du"}, "nb", "Sist endret"),
    "agency": ("welfare agency's service page on applying for cash-for-care",
               {"Chat med oss", "Logg inn med BankID", "Var denne siden nyttig?"},
               {"Før du søker", "Logg inn for å søke"}, "nb", "no year: no 19xx"),
    "portal": ("university research portal's record",
               {"Research output: Contribution to conference › Paper › Research › peer-review",
                "Fingerprint", "Kindergarten admission 100%", "Cite this"}, {"Abstract"}, "en",
               "Publication date"),
    "catalogue": ("funder's project catalogue page",
                  {"Project period", "2024–2028", "Project number", "000000",
                   "No publications found"}, {"Summary", "Norsk sammendrag"}, "en;nb",
                  "no year: only"),
    "journal": ("journal abstract on an article page",
                {"Views 0", "Citations 0", "Altmetric", "Download PDF", "[email protected]"},
                {"Abstract"}, "en", "Published"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "foreldre88: Samme her, vi ventet i seks uker.",
              "Skriv en kommentar"},
             {"Kommentarer"}, "nb", "Publisert"),
    "blog": ("blog post of a research group",
             {"Leave a comment", "Kontakt oss", "Personvernerklæring"}, set(), "en",
             "no year: only"),
    "question": ("parliamentary written question",
                 {"Besvart: 8. oktober 2024", "Datert: 30. september 2024"}, {"Spørsmål", "Svar"},
                 "nb", "Besvart"),
    "call": ("call for proposals with a future deadline",
             {"Deadline: 12 March 2027, 13:00 CET", "Apply now"}, set(), "en", "no year: only"),
    "tender": ("tender notice with catalogue fields",
               {"Prosedyre", "Åpen anbudskonkurranse", "CPV-kode", "00000000"}, set(), "nb",
               "Kunngjort"),
    "thesis": ("master's thesis record", {"Forfatter", "Last ned fulltekst (PDF)"},
               {"Sammendrag", "Abstract"}, "nb;en", "Utgivelsesdato"),
    "evaluation": ("evaluation report's summary with an english summary",
                   {"Rapport 00/2023", "Sammendrag .................... 2"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "cover"),
    "minutes": ("board minutes", {"Møtedato: 21. november 2024", "Side 1"}, {"Vedtak"}, "nn",
                "Møtedato"),
    "word programme": ("seminar programme as a word file",
                       {"Dato | Torsdag 20. februar 2025", "Barnehageforum Nord (oppdiktet)"},
                       {"Program", "10.15Hva er et rettferdig opptak?"}, "nb", "Torsdag"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Meld deg av nyhetsbrevet", "Emne: Nyhetsbrev april"}, set(), "nb", "Sendt"),
}

# The binaries as the README states them: pages, /CreationDate year (None: absent), /Title
# ("" absent, a string: starts so), Word files' created year and author.
PDFS = {"p01": (1, "2026", "Søk barnehageplass –"), "p02": (1, "2026", "Cash-for-care allowance –"),
        "p03": (2, None, "Priority rules as code"), "p04": (2, "2026", "Microsoft Word - "),
        "p05": (2, "2025", "Årsrapport 2024"), "p06": (1, "2024", "")}
WORD = {"d01": (2025, "Barnehageforum Nord"), "d02": (2024, "Forældrenetværket Øst")}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The document whose notes open as the role's first field says."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def named(prefix: str) -> str:
    """The one document whose file name starts with a key such as "p03"."""
    found = [n for n in SET.on_disk if n.startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0]


def staying(name: str) -> set[str]:
    """Visible lines of a document that its debris rows leave in place."""
    gone = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in gone}


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_document(name):
    """LabelledSet's own per-document rules (labels, placement, page head, genre -> type, later
    prose years named) hold for every file of the set, binaries included."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; the brief's languages; genres named; year situations and traps;
    consultation responses are policy documents; each role held by a document of its own."""
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    labels = SET.labels
    by_format = fs.column_counts(labels)["format"]
    assert sum(by_format.values()) == 32
    assert [by_format[kind] for kind in ("html", "mhtml", "pdf", "docx", "txt", "md")] == \
        [16, 3, 6, 2, 4, 1]
    types = fs.Counter(lab["doc_type"] for lab in labels.values())
    assert sorted(types) == sorted(fs.TYPES) and all(n >= 4 for n in types.values())
    firsts = fs.Counter(lab["languages"].split(";")[0] for lab in labels.values())
    assert firsts == {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
    pairs = {name: lab["languages"] for name, lab in labels.items() if ";" in lab["languages"]}
    assert len(pairs) >= 4
    assert "abstract" in {labels[name]["doc_type"] for name in pairs}
    assert len([lab for lab in labels.values() if "monolingual" in lab["notes"]]) >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    situations = fs.year_traps(labels, SET.prose, SET.lines)
    short = [key for key in ("bare", "other_years", "glued", "ahead") if len(situations[key]) < 3]
    assert short == [] and not situations["repeated"]
    SET.consultations_check(3)


def test_programmes_and_contents():
    """Programmes, and only they, glue clock times to titles in four kept lines each; at least
    seven dot-leader contents lines in two PDFs or more, all debris."""
    SET.glued_check()
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len(leaders) >= 7 and len({n for n, _ in leaders}) >= 2
    assert all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three or more prose sentences survive."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - staying(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Each PDF's page count, /CreationDate year and /Title as the README states; the browser's
    print stamp (a date and time, and "1/1" after the address) is debris, and a PDF's creation
    year is never its label's year unless the README says they agree (p05, p06)."""
    name = named(key)
    pages, created, title = PDFS[key]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    found = meta.get("/CreationDate")
    assert (found[2:6] if found else None) == created
    assert (meta.get("/Title") or "").startswith(title) and bool(title) == bool(meta.get("/Title"))
    if key in ("p01", "p02"):
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, \d+:\d\d", line)
                  or line.endswith(" 1/1")]
        assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)
    if created and key not in ("p05", "p06"):
        assert SET.labels[name]["year"] != created


@pytest.mark.parametrize("key", sorted(WORD))
def test_word(key):
    """The Word files' core properties: an organisation as author and last editor (never
    python-docx), created and modified in the document's year."""
    name = named(key)
    year, author = WORD[key]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == props.last_modified_by == author
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.modified - props.created < dt.timedelta(days=30)


@pytest.mark.parametrize("key", ["w01", "w02", "w03"])
def test_mhtml(key):
    """A page saved by Chrome as one file: Blink's headers, an HTML part in quoted-printable
    and at least one more part (a stylesheet or an image)."""
    message = email.message_from_bytes((SET.folder / named(key)).read_bytes())
    assert message["From"] == "<Saved by Blink>" and message["Snapshot-Content-Location"]
    assert message["Subject"] and message["Date"] and message.is_multipart()
    parts = list(message.walk())[1:]
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
