"""Checks of the tuff fixture set (tests/fixtures/exported/tuff), written blind.

Brief: applying online for housing support and social housing (bostøtte and startlån, kommunal
bolig, boligstøtte and almene boliger, bostadsbidrag and bostadstillägg, Housing Benefit and
social housing registers; digital waiting lists, income checks). 32 documents leaning to the web:
16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF by Chromium,
4 word-processor PDFs, 2 Word files, 4 text copies and 1 Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief's counts (the shared
size_check assumes 36 to 40 documents, so the counts are checked here), roles and binaries.
"""

import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "tuff")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|municipal page|news item|blog post|written question|tender notice|"
             r"call for proposals|press release|council minutes|board minutes|newsletter",
    "policy_document": r"consultation response|strategy page|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGE = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3,
         "printed to pdf by the browser": 2, "saved by chrome as one file": 3,
         "made by a word processor": 4, "as a word file": 2, "labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "agency": ("agency page on applying online for housing benefit",
               {"Accept analytics cookies", "Skip to main content", "Start webchat",
                "Sign in to your account", "Phone: 03448 000 000"},
               {"How to apply", "Opening hours", "Check your answers and submit the claim."},
               "en", "2025"),
    "municipal nn": ("municipal page on applying for a council flat online",
                     {"Skip to content", "Accept all", "Sentralbord: 56 00 00 00"},
                     {"Slik søkjer du", "Logg inn med ID-porten."}, "nn", "no year: no 19xx"),
    "waiting list": ("agency page of a municipal housing company",
                     {"I accept", "Hopp til hovedinnhold", "Sist oppdatert 3. september 2024"},
                     {"Hva du ser på Min side"}, "nb", "2024"),
    "portal": ("conference abstract on a university's research portal",
               {"Research output: Contribution to conference", "Fingerprint", "Waiting Lists 100%",
                "Original language", "Personvernerklæring"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Projektperiode", "2023–2026", "Ingen publikationer fundet", "BOLIG-FORSK-0000"},
                  {"Om projektet", "Summary in English"}, "da;en", "no year: only"),
    "journal": ("journal abstract on an article page",
                {"1,204 Views", "3 CrossRef citations to date", "Altmetric", "ORCID Icon",
                 "Download PDF"}, {"Abstract"}, "en", "2024"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Publisert 7. april 2025"},
             {"Kommentarer"}, "nb", "2025"),
    "blog": ("blog post of a research group",
             {"Drevet med WordPress", "Publiser kommentar",
              "Stikkord: avslag, inntektsgrunnlag, skjema"},
             set(), "nb", "no year: no 19xx"),
    "question": ("parliamentary written question",
                 {"Question No", "2024/0000", "Answered", "4 November 2024"},
                 {"Question", "Answer"}, "en", "2024"),
    "tender": ("tender notice with catalogue fields",
               {"CPV codes", "Deadline date", "10/03/2025", "Register interest"},
               {"Description"}, "en", "2025"),
    "call": ("call for proposals with a future deadline",
             {"Deadline", "15 January 2027, 13:00 CET", "Apply now"}, set(), "en", "no year: only"),
    "strategy": ("strategy page of a municipality with a horizon year",
                 {"Godta alle", "Last ned planen (PDF)"}, {"Mål", "Tiltak"}, "nb", "no year: only"),
    "minutes": ("council minutes as a pdf",
                {"Møtedato: 23.04.2024", "Side 1", "Nordvåg kommune"}, {"Vedtak"}, "nn", "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022, november 2022",
                    "Sammendrag ................................................. 3"},
                   {"Sammendrag", "English summary"}, "nb;en", "2022"),
    "working paper": ("working paper of the research project",
                      {"DIGIVENT Working Paper 0/2024, October 2024"}, {"1 Introduction"},
                      "en", "2024"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Meld deg av", "Vis i nettleser", "Emne: Nyhetsbrev februar"}, set(), "nb",
                   "no year: no 19xx"),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
# Each PDF: pages, and its document-information fields as the README states (None: absent).
PDFS = {
    "p01": (4, {"/Title": "Annual Report and Accounts 2022-23", "/CreationDate": "D:2023"}),
    "p02": (1, {"/Title": "Microsoft Word - protokoll_formannskap_v3.docx",
                "/CreationDate": "D:2024"}),
    "p03": (4, {"/Title": "Evaluering av digital søknad om bostøtte", "/CreationDate": "D:2025"}),
    "p04": (2, {"/Title": None, "/CreationDate": None}),
    "c01": (1, {"/Producer": "Skia/PDF"}),
    "c02": (1, {"/Producer": "Skia/PDF"}),
}
WORD = {"d01": ("Lindøy kommune, rådmannen", 2023), "d02": ("Politisk sekretariat", 2024)}


def holder(role: str) -> str:
    """The file whose notes open the way the role's first column says."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def staying(name: str) -> set[str]:
    """Visible lines of a document that no debris row names."""
    gone = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in gone}


def by_key(key: str) -> str:
    """The one file whose name starts with this key (h01, p03, ...)."""
    matches = [n for n in SET.on_disk if n.split("_", 1)[0] == key]
    assert len(matches) == 1, key
    return matches[0]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' per-document rules (labels, placement, a page's head, genre-named type,
    later prose years in the evidence) hold for this file."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats, all five types
    four times or more, the brief's languages, four bilingual documents (two abstracts), the
    genres named; year situations and traps; consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    first = {code: sum(lab["languages"].split(";")[0] == code for lab in labels.values())
             for code in FIRST_LANGUAGE}
    assert first == FIRST_LANGUAGE
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and [lab["doc_type"] for lab in two].count("abstract") >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_fields_and_contents():
    """Glued clock times in the programmes only (four kept lines or more each); four saved pages
    with field lists; four dot-leader contents lines or more, all debris; no kept e-mail line."""
    SET.glued_check()
    assert SET.field_pages() >= 4 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 4)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The holder of a role drops the furniture the table names, keeps the named headings,
    carries the expected languages tag and kind of year evidence, and has 3+ prose rows that
    are not debris."""
    name = holder(role)
    _, furniture, headings, tag, evidence_start = ROLES[role]
    label = SET.labels[name]
    missing = {line for line in furniture if line not in SET.debris_of(name)}
    lost = {line for line in headings if line not in staying(name)}
    assert (missing, lost) == (set(), set())
    assert label["languages"] == tag
    assert label["year_evidence"][:len(evidence_start)] == evidence_start
    prose = SET.sentences(name)
    assert len(prose) >= 3 and all(sentence not in SET.debris_of(name) for sentence in prose)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Each PDF's page count and metadata as the README states; a browser's print keeps its
    stamp (the page's <title> at the top, the address and "1/1" at the foot) as debris."""
    name = by_key(key)
    pages, fields = PDFS[key]
    reader = PdfReader(SET.folder / name)
    meta = dict(reader.metadata or {})
    assert len(reader.pages) == pages
    for field, value in fields.items():
        assert (meta.get(field) is None) if value is None else str(meta[field]).startswith(value)
    if key.startswith("c"):
        stamp = [line for line in SET.lines[name] if line.endswith(" 1/1")]
        assert len(stamp) == 1 and stamp[0].startswith("http") and stamp[0] in SET.debris_of(name)


@pytest.mark.parametrize("key", sorted(WORD))
def test_word_file(key):
    """The Word files' core properties: an organisation or role as author, not python-docx as
    last editor, created and modified in the document's year; header and footer are debris."""
    name = by_key(key)
    author, year = WORD[key]
    core = docx.Document(str(SET.folder / name)).core_properties
    assert core.author == author and core.last_modified_by not in ("", "python-docx")
    assert core.created.year == core.modified.year == year == int(SET.labels[name]["year"])
    assert core.created < core.modified
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for section in document.sections
                 for p in section.header.paragraphs + section.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


def test_saved_by_chrome():
    """The three .mhtml files are Blink's multipart/related messages with a quoted-printable
    HTML part and at least one more part; their Subject is the page's <title> (debris)."""
    import email
    from email import policy

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert b"\r\nFrom: <Saved by Blink>\r\n" in data and message["Snapshot-Content-Location"]
        assert message.get_content_type() == "multipart/related" and message["Date"]
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
        assert " ".join(message["Subject"].split()) in SET.debris_of(name)


def test_dates():
    """Binary metadata never gives the label: the re-exported evaluation's /CreationDate year
    is named in its evidence and differs from its year; the browser prints' dates are the day
    of printing, later than any labelled year."""
    name = by_key("p03")
    label = SET.labels[name]
    created = str(PdfReader(SET.folder / name).metadata["/CreationDate"])[2:6]
    assert created != label["year"] and created in label["year_evidence"]
    assert "/CreationDate" in label["year_evidence"]
    for key in ("c01", "c02"):
        printed = str(PdfReader(SET.folder / by_key(key)).metadata["/CreationDate"])[2:6]
        assert int(printed) > max(int(lab["year"]) for lab in SET.labels.values() if lab["year"])
