"""Checks of the diorite fixture set (tests/fixtures/exported/diorite), written blind.

Brief: how voluntary organisations and libraries offer digital help for welfare services (library
help desks, volunteer helpers, courses for Nav and tax services, Danish IT help, Swedish Digidel).
32 documents leaning to the web: 16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2
pages printed to PDF by the browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies
and one Markdown page. Bokmål, English, Nynorsk, Danish and Swedish; four bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so fixturesets.size_check (36 to 40) does not fit; its counts are
checked here instead.
"""

import re
from datetime import datetime

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "diorite")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.modified", "dcterms.issued", "dc.date.issued"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = dict((kind, re.compile("|".join(words))) for kind, *words in (
    ("other", "press release", "service page", "agency page", "news item", "blog post",
     "call for proposals", "tender notice", "written question", "minutes", "newsletter"),
    ("policy_document", "consultation response", "strategy", "annual report"),
    ("project_report", "catalogue page", "working paper", "final report", "evaluation report"),
    ("abstract", "abstract", "thesis record"),
    ("event_programme", "programme"),
))
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved by chrome as one file": 3,
         "printed to pdf by the browser": 2, "made by a word processor": 4, "as a word file": 2,
         "copied": 2, "pasted": 2, "saved as markdown": 1, "monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "press": ("press release of a government portal",
              {"Skip to main content", "We use cookies to improve this website",
               "Accept all cookies", "Sentralbord: 22 00 00 00"}, {"Kontakt"}, "nb", "2024"),
    "municipal": ("municipal service page with a step list",
                  {"Hopp til hovedinnhold", "Chat med oss", "Sentralbord: 62 00 00 00",
                   "Var denne siden nyttig?"},
                  {"Slik får du hjelp", "Åpningstider", "Tirsdag og torsdag 12.00–15.00"}, "nb",
                  "no year: no 19xx"),
    "portal": ("conference abstract on a university research portal",
               {"Contribution to conference", "peer-review", "Fingerprint", "100%",
                "Original language", "Powered by Pure"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023–2026", "Tildelt 2023", "Ingen publikasjoner funnet",
                   "BIBLOS"}, {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views: 1 204", "Citations: 7", "Altmetric", "Download PDF", "ISSN 0000-0000"},
                {"Abstract"}, "en", "2023"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar", "Les også"},
             {"Kommentarer"}, "nb", "2024"),
    "call": ("call for proposals", {"Read the FAQ", "Questions?"}, {"Who can apply"}, "en",
             "no year: only"),
    "tender": ("tender notice", {"Tilbudsfrist", "CPV-kode", "80500000", "Referanse"}, set(),
               "nb", "2025"),
    "english": ("library service page in english",
                {"Gå til indhold", "Tilgængelighed", "Telefon 99 00 00 00"}, {"When and where"},
                "en", "no year: no 19xx"),
    "question": ("council written question", {"Skriftlig fråga Dnr KS 0000/000",
                                              "Svar 20 november 2024"}, {"Fråga", "Svar"}, "sv",
                 "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024", "Mai 2024", "Side 1",
                    "Sammendrag ................................ 3"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2024"),
    "board": ("board minutes", {"Møtedato: 12. februar 2025", "Side 1"},
              {"Sak 1/25 Digital hjelp på biblioteket"}, "nb", "2025"),
    "newsletter": ("newsletter e-mail", {"Meld deg av nyhetsbrevet", "Emne: Nyhetsbrev mars",
                                         "Dato: 3. mars 2025"}, set(), "nb", "2025"),
    "council": ("council minutes in nynorsk", {"Møtedato | 8. april 2025",
                                               "Fjordly kommune (oppdikta)"},
                {"Sak 12/25 Digitalhjelp på biblioteket"}, "nn", "2025"),
    "thesis": ("master's thesis record", {"Forfattar", "Download full text (PDF)"},
               {"Samandrag", "Abstract"}, "nn;en", "2022"),
}

# Each binary: page count (PDF) and its metadata as the README states: the year of /CreationDate
# (None: absent) and what /Title is ("real", "junk", "page title" or None).
PDFS = {
    "c01": (1, "2026", "page title"), "c02": (1, "2026", "page title"),
    "p01": (4, "2024", "real"), "p02": (1, None, None), "p03": (3, "2026", "junk"),
    "p04": (2, "2024", "junk"),
}
WORD = {"w01": ("Fjordly kommune", "Sekretariatet", 2025),
        "w02": ("Lokalforeningen for digital hjælp", "Sekretær", 2023)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Everything fixturesets asks of a single file of the set (labels, placement of debris and
    prose, the saved page's head, the type named by its notes, later prose years in evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def by_prefix(prefix: str) -> str:
    """The one document whose file name starts with ``prefix`` and an underscore."""
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats, all five types
    at least four times; languages; four bilingual documents opened by two languages; genres
    named; year situations and traps; consultation responses typed policy_document."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                      "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 2
    assert any(lab["doc_type"] == "abstract" and ";" in lab["languages"]
               for lab in labels.values())
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 6)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's furniture lines are all debris, its headings are visible and none of them
    debris, its languages and year-evidence opening are as in ROLES, and it has prose."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    problems = (sorted(gone - debris), sorted(stay & debris), sorted(stay - set(SET.lines[name])))
    assert problems == ([], [], [])
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count, the year of its /CreationDate and the kind of its /Title as the
    README states them; where the property's year is not the labelled one, the evidence says why
    (a browser's print stamp or a later re-export)."""
    from pypdf import PdfReader

    name = by_prefix(prefix)
    label = SET.labels[name]
    pages, created, title = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    stamp, found = info.get("/CreationDate"), info.get("/Title")
    kind = (None if not found else "junk" if found.startswith("Microsoft Word - ")
            else "page title" if any(line.endswith(" PM " + found) for line in SET.debris_of(name))
            else "real")
    assert (len(reader.pages), stamp[2:6] if stamp else None, kind) == (pages, created, title)
    assert (found == label["title"]) == (kind == "real")
    if created and created != label["year"]:
        assert "print stamp" in label["year_evidence"] or "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """The Word files' core properties: an organisation as author, a role as last editor, created
    and modified in the labelled year; header and footer lines are debris."""
    import docx

    name = by_prefix(prefix)
    author, editor, year = WORD[prefix]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.last_modified_by != "python-docx"
    assert isinstance(props.created, datetime) and props.created.year == year
    assert props.modified.year == year == int(SET.labels[name]["year"])
    section = docx.Document(str(SET.folder / name)).sections[0]
    for part in (section.header, section.footer):
        assert {p.text for p in part.paragraphs if p.text} <= SET.debris_of(name)


def test_mhtml():
    """The three single-file pages are Blink's multipart/related messages with the page as
    quoted-printable HTML and a further part, and their Subject is the page's <title>, debris."""
    import email
    from email import policy

    saved = [n for n in SET.on_disk if n.endswith(".mhtml")]
    assert len(saved) == 3
    for name in saved:
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message.get_content_type() == "multipart/related"
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
        assert message["Subject"] in SET.debris_of(name)
        assert message["Subject"] != SET.labels[name]["title"]
