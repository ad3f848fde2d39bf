"""Checks of the caldera fixture set (tests/fixtures/exported/caldera), written blind.

Brief: how pensions and old-age benefits are applied for and managed digitally (alderspensjon and
the pension calculator, folkepension and ældrecheck, bostadstillägg, State Pension and Pension
Credit online; older people's digital skills and proxies). 32 documents leaning to the web:
saved pages, pages saved by Chrome as one .mhtml file, pages printed to PDF by the browser, word
processors' PDFs and Word files, text copies and a Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, fewer than fixturesets.size_check allows, so sizes and languages are counted here.
"""

import email
import re
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "caldera")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"guide page|service page|municipality's page|advice page|news item|blog post|"
             r"tender notice|call for proposals|press release|council minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "saved as one file by chrome": 3, "printed to pdf by the browser": 2,
         "word processor's pdf": 4, "as a word file": 2, "copied": 2, "pasted": 2,
         "saved as markdown": 1, "catalogue fields": 1, "citation widgets": 1,
         "fingerprint panel": 1, "reader comments": 1, "labelled monolingual": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "portal": ("government portal's guide page",
               {"Skip to content", "Accept all cookies", "Telefon: 22 00 00 00"},
               {"Før du begynner", "Ha BankID eller MinID klar."}, "nb", ""),
    "municipal": ("municipal service page",
                  {"Start chat", "Logg inn på Min side", "Sentralbord: 00 00 00 00"},
                  {"Åpningstider", "Dette trenger du"}, "nb", "no year: no 19xx"),
    "footer": ("pension provider's english guide page",
               {"Personvern og informasjonskapsler", "Kontakt oss"},
               {"Where to find your pension"}, "en", ""),
    "portal abstract": ("journal abstract on a university research portal",
                        {"Contribution to journal", "Fingerprint", "Pensions 100%"}, set(),
                        "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "300000", "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on the journal's article page",
                {"Views", "Altmetric", "Download PDF", "Related articles"}, set(), "en", ""),
    "event": ("event page with a programme", {"Book your place", "Share this event"},
              {"Programme", "10:00Welcome and introduction"}, "en", ""),
    "news": ("news item with reader comments", {"2 kommentarer", "Skriv en kommentar"}, set(),
             "nb", ""),
    "tender": ("tender notice", {"Tilbudsfrist", "15.01.2026", "Sak 000/00"}, {"Beskrivelse"},
               "nb", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Side 2", "Rapport 0/2022, oktober 2022",
                    "1 Bakgrunn ......................................... 4"},
                   {"English summary", "Sammendrag"}, "nb;en", ""),
    "minutes": ("council minutes", {"Hallingvåg kommune – Møtebok", "Møtedato: 11.09.2024"},
                {"Vedtak"}, "nn", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "View this email in your browser"},
                   set(), "en", ""),
}


def kept_lines(name: str) -> set[str]:
    """The visible lines of a document that are not listed as its debris."""
    return {line for line in SET.lines[name] if line not in SET.debris_of(name)}


def holder(role: str) -> str:
    """The document that holds a role of ROLES (by the opening of its notes)."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document by the shared rules of fixturesets (each_document_check: placement,
    labels, years, the head of a saved page, the genre's type, later prose years named)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks; genres named; year traps; consultation
    responses typed policy_document."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 13 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 5)
    assert len({holder(role) for role in ROLES}) == len(ROLES)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """One role of the brief: its furniture listed as debris, its headings and steps kept, the
    expected language label and year situation, and 3 or 4 prose sentences none of which is
    debris."""
    opening, furniture, headings, tag, year_opening = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = {line for line in furniture if line not in debris}
    lost = {line for line in headings if line not in kept_lines(name)}
    assert (missing, lost) == (set(), set()), name
    assert (label["languages"], label["year_evidence"][:len(year_opening)]) == (tag, year_opening)
    sentences = SET.sentences(name)
    assert 3 <= len(sentences) <= 4 and debris.isdisjoint(sentences)


# file stem -> (pages, /Title or None, year of /CreationDate or None)
PDFS = {
    "c01": (1, "Claiming your State Pension | MoneyHelper", "2026"),
    "c02": (1, "Planer - Lyngbrekke kommune", "2026"),
    "p01": (3, "Microsoft Word - evaluering_endelig_v3.docx", "2022"),
    "p02": (2, "Møtebok eldrerådet", None),
    "p03": (3, None, "2026"),
    "p04": (2, "Årsrapport 2023", "2024"),
}


@pytest.mark.parametrize("stem", sorted(PDFS))
def test_pdf(stem):
    """Each PDF's page count and metadata as the README states; the browser's PDFs carry its
    print stamp (debris) and their dates are never the labelled year; the re-exported working
    paper names its /CreationDate in the evidence."""
    (name,) = [n for n in SET.on_disk if n.startswith(stem + "_")]
    reader = PdfReader(SET.folder / name)
    pages, title, created = PDFS[stem]
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    assert (str(info["/CreationDate"])[2:6] if "/CreationDate" in info else None) == created
    label = SET.labels[name]
    if stem.startswith("c"):
        stamps = [line for line in SET.lines[name]
                  if re.match(r"\d+/\d+/\d+, \d+:\d+ [AP]M ", line)]
        assert stamps and set(stamps) <= SET.debris_of(name)
        assert label["year"] != created
    if stem == "p03":
        assert label["year"] == "2024" and "/CreationDate (2026)" in label["year_evidence"]


def test_word_and_mhtml():
    """The Word files' core properties: an organisation as author, a role as last editor, dates
    in the labelled year; header and footer lines are debris. The .mhtml files are Blink's
    multipart/related messages with a quoted-printable HTML part and one more part or two."""
    import docx

    for name in [n for n in SET.on_disk if n.endswith(".docx")]:
        document = docx.Document(str(SET.folder / name))
        core, year = document.core_properties, SET.labels[name]["year"]
        assert core.last_modified_by not in ("python-docx", "", core.author)
        assert core.author in SET.labels[name]["notes"]
        assert str(core.created.year) == year and str(core.modified.year) == year
        section = document.sections[0]
        furniture = {p.text for p in section.header.paragraphs + section.footer.paragraphs
                     if p.text}
        assert furniture and furniture <= SET.debris_of(name)
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>") and message["Snapshot-Content-Location"]
        assert message.get_content_type() == "multipart/related"
        assert message["Subject"] in SET.debris_of(name)
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
