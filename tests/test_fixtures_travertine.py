"""Checks of the travertine fixture set (tests/fixtures/exported/travertine), written blind.

Brief: student finance and educational support going digital (Lånekassen's loans and grants, SU in
Denmark, CSN in Sweden, Student Finance England; online applications, automated income checks
against tax data, conversion of loans to grants, adult learners and retraining). The round leans to
the web: 16 saved pages, 3 pages saved by Chrome as one MHTML file, 2 pages printed to PDF by
Chromium, 4 PDFs from a word processor, 2 Word files, 4 text copies and one Markdown page, 32 in
all. Fourteen roles must each be held by one document (table ROLES).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, fewer than ``size_check`` and ``trap_check`` expect, so its own counts are checked here.
"""

import email
import re
from collections import Counter
from email import policy

import fixturesets as fs
import pytest
from bs4 import BeautifulSoup

SET = fs.LabelledSet(fs.SETS / "travertine")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dc.date.issued", "dc.date.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's page|county's page|news item|press release|blog post|"
             r"written question|call for proposals|tender notice|board minutes|"
             r"council minutes|newsletter|web article",
    "policy_document": r"strategy|consultation response",
    "project_report": r"catalogue page|working paper|evaluation report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3,
         "from a word processor": 4, "printed to pdf by the browser": 2,
         "saved by chrome as one file": 3, "as a word file": 2, "copied": 3,
         "saved as markdown": 1, "minutes": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence ("" when any)).
ROLES = {
    "agency": ("agency's page on applying online for student finance",
               {"Skip to main content", "Accept additional cookies", "Sign in",
                "Phone: 0300 000 0000", "Last updated: 11 February 2025"},
               {"Before you start", "How to apply", "Check your answers and send the application."},
               "en", "\"Last updated"),
    "county": ("county's page on loans and grants for adult learners",
               {"Skip to content", "English", "Chat med oss", "Sentralbord: 22 00 00 00"},
               {"Slik søker du", "Trenger du hjelp?"}, "nb", "no year: no 19xx"),
    "portal": ("conference abstract on a university research portal",
               {"Contribution to conference", "Fingerprint", "100%", "Original language",
                "14 Sept 2023", "Powered by Pure"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektnummer", "300000", "Prosjektperiode", "2025–2028",
                   "Ingen publikasjoner registrert"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract with citation widgets",
                {"Views 1,204", "Citations 3", "Altmetric 12", "Download PDF",
                 "Keywords: automation, discretion, student finance, tax data"},
                {"Abstract"}, "en", ""),
    "news": ("news item with reader comments",
             {"Kommentarer (2)", "Skriv en kommentar", "Les også",
              "Publisert 2. oktober 2024 kl. 14.12"}, set(), "nb", ""),
    "question": ("parliamentary written question",
                 {"UIN HL0000, tabled on 4 March 2025", "Baroness Grey (invented)"},
                 {"Answered on 18 March 2025"}, "en", "\"Answered on 18 March 2025\""),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist", "15. mars 2027 kl. 13.00", "Gå til søknadsportalen"},
             {"Slik søker du"}, "nb", "no year: only the deadline"),
    "tender": ("tender notice with catalogue fields",
               {"Notice reference", "DFE-000000", "CPV code", "72000000"}, {"Description"},
               "en", ""),
    "strategy": ("strategy with a horizon year", {"Last ned strategien (PDF)"}, {"Mål", "Tiltak"},
                 "nb", "no year: only the horizon"),
    "working paper": ("working paper of the research project",
                      {"STUDIEGJELD Working Paper 0/2025", "Senter for økonomisk forskning | 2",
                       "1 Introduction ........................................ 2"},
                      {"Contents", "1 Introduction"}, "en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2023", "Fjordanalyse AS – Rapport 00/2023 | Side 2",
                    "English summary ...................................... 2"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "\"Oktober 2023\""),
    "minutes": ("board minutes", {"Side 1", "Vedtak: Styret tek orienteringa til vitande."},
                {"Styret slutta seg til forslaget."}, "nn", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "View this email in your browser",
                    "Subject: OfS News: student finance for part-time and adult learners"},
                   {"Dear colleague,", "Best wishes,"}, "en", "no year: no 19xx"),
}

IDENTIFIERS = {
    "phone": r"(?:Phone|Telefon|telefon|Sentralbord|Växel): ?(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "DOI": r"10\.0000/[a-z.]+(?P<id>[\d.-]+)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "case number": r"(?:Sak |Arkivsak \| 24/|ref\. \| 2[45]/|Dnr U2023/)(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
}
FORMS = {"phone": r"0300 0{3} 0{4}|0117 0{3} 0{4}|0370 0{3} 0{4}|01 0{3} 0{4}|[2-7]\d[0 ]+"
                  r"|010-0{3} 00 00",
         "organisation number": r"9[0 ]+|[0 ]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
# Page count and metadata of each PDF as the README states: pages, the year of /CreationDate
# (None: none), and /Title (None: none).
PDFS = {
    "c01_wonkhe_adult_learners_printed_en.pdf": (2, "2026", "Wonkhe"),
    "c02_uniped_sammendrag_omgjoring_printed_nb_en.pdf": (2, "2026", "Uniped"),
    "p01_sof_working_paper_studiegjeld_en.pdf": (4, "2025", "Student debt and the first home"),
    "p02_fjordanalyse_evaluering_omgjoring_nb_en.pdf":
        (4, "2025", "Microsoft Word - evaluering_omgjoring_v3.docx"),
    "p03_studentsamskipnaden_styremote_protokoll_nn.pdf": (1, None, None),
    "p04_sfs_remissvar_studiemedel_sv.pdf": (1, "2023", "Remissvar"),
}


def holder(role: str) -> str:
    """The file whose notes open with the role's genre phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def kept_lines(name: str) -> set[str]:
    """The visible lines of a document that are not listed as debris."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


def mhtml_message(name: str):
    data = (SET.folder / name).read_bytes()
    return email.message_from_bytes(data, policy=policy.default)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields, the
    type its genre names, later prose years named in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, the page's <title> as Subject (and as a
    debris line, never the title), a quoted-printable HTML part and a stylesheet and an image."""
    message = mhtml_message(name)
    head = (SET.folder / name).read_bytes().split(b"\n\n", 1)[0]
    assert head.startswith(b"From: <Saved by Blink>\r\n") and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related" and fs.YEAR.search(message["Date"])
    parts = [p.get_content_type() for p in message.walk()][1:]
    assert parts == ["text/html", "text/css", "image/png"]
    html_part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert html_part["Content-Transfer-Encoding"] == "quoted-printable"
    page = BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser")
    assert page.head.title.get_text() == message["Subject"]
    subject = message["Subject"]
    assert subject in SET.debris_of(name) and subject != SET.labels[name]["title"]
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in META_DATES:
            assert fs.YEAR.findall(meta["content"])[:1] == [SET.labels[name]["year"]]


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types four
    times or more; the languages of the brief; six bilingual documents, three of them abstracts; the
    genres named; year situations and traps; consultation responses typed policy_document; each role
    held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types, _ = SET.by_column.values()
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    first = Counter(lab["languages"].split(";")[0] for lab in labels.values())
    assert first == {"nb": 13, "en": 12, "nn": 3, "da": 2, "sv": 2}, first
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) == 6 and sum(lab["doc_type"] == "abstract" for lab in two) == 3
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) for key, found in traps.items()} == {
        "bare": 4, "other_years": 4, "glued": 4, "ahead": 4, "repeated": 0}
    SET.consultations_check(3)
    # monolingual pages whose other-language text is boilerplate only
    for name, line in (("h02_akershus_voksenopplaering_stipend_nb.html", "Skip to content"),
                       ("w01_hepi_conference_programme_en.mhtml", "Heim"),
                       ("w02_myh_studiemedel_yrkeshogskola_sv.mhtml", "Other languages")):
        assert ";" not in labels[name]["languages"] and line in SET.debris_of(name)


def test_programmes_identifiers_and_contents():
    """Glued clock times in the four programmes only, none of them debris; every kind of identifier
    present and zero-filled; field lists on six saved pages; no kept Markdown field; eight
    dot-leader contents lines, all debris."""
    SET.glued_check()
    SET.identifiers_check(IDENTIFIERS, FORMS)
    assert SET.field_pages() == 6 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 8)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year situation
    are the expected ones, and three or more prose sentences survive."""
    name, (_, gone, stay, languages, evidence) = holder(role), ROLES[role]
    label, debris = SET.labels[name], SET.debris_of(name)
    assert sorted(gone - debris) == [] and sorted(stay - kept_lines(name)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) in (3, 4)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: the browser's prints keep
    Chromium's own metadata (the day of printing) and its stamp lines as debris; the word
    processor's PDFs carry the /CreationDate and /Title set after conversion, one re-exported two
    years after its cover, one with neither."""
    from pypdf import PdfReader

    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    stamp = re.match(r"D:(\d{4})", info.get("/CreationDate", ""))
    assert (stamp and stamp[1]) == created
    assert info.get("/Title") == title
    year = SET.labels[name]["year"]
    if created and created != year:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]
    if name.startswith("c"):
        assert "Skia/PDF" in info["/Producer"]
        stamp = re.compile(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ")
        stamps = {line for line in SET.lines[name] if stamp.match(line)}
        feet = {line for line in SET.lines[name] if re.search(r" [12]/2$", line)}
        assert len(feet) == 2 and len(stamps) == 1 and (stamps | feet) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".docx")])
def test_word_file(name):
    """A Word file's core properties: an organisation as author, a role as last editor (never
    python-docx), created and modified in the labelled year; its header and footer lines debris and
    its field table rows debris."""
    import docx

    core = docx.Document(str(SET.folder / name)).core_properties
    assert "kommune" in core.author and core.last_modified_by not in ("", "python-docx")
    year = int(SET.labels[name]["year"])
    assert core.created.year == core.modified.year == year
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs}
    assert furniture <= SET.debris_of(name)
    rows = {line for line in SET.lines[name] if " | " in line}
    assert len(rows) >= 3 and rows <= SET.debris_of(name)


def test_brief_details():
    """The agency's four steps and the county's three stay; the news item's two signed comments go
    while its quotation stays; the evaluation keeps its table-free summaries and drops its four
    contents lines; the remissvar keeps its table of positions; STUDIEGJELD names the catalogue page
    and is in the working paper's prose."""
    for role, starts in (("agency", ("Create", "Choose '", "Give permission", "Check your")),
                         ("county", ("Logg inn", "Velg «", "Last opp"))):
        assert len({line for line in kept_lines(holder(role)) if line.startswith(starts)}) \
            == len(starts), role
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(comments) == 2 and comments <= SET.debris_of(news)
    assert any(line.startswith("– ") for line in kept_lines(news))
    leaders = [line for line in SET.debris_of(holder("evaluation")) if DOT_LEADER.search(line)]
    assert len(leaders) == 4
    remiss = "p04_sfs_remissvar_studiemedel_sv.pdf"
    assert {"Förslag Ståndpunkt Kommentar", "Tillstyrker Med rätt att begära"} <= kept_lines(remiss)
    assert "STUDIEGJELD" in SET.labels[holder("catalogue")]["title"]
    assert any("STUDIEGJELD" in s for s in SET.sentences(holder("working paper")))
