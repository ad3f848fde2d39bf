"""Checks of the maar fixture set (tests/fixtures/exported/maar), written blind.

Brief: how assistive technology and aids for disabled and older people are applied for and
delivered digitally (hjelpemidler and Hjelpemiddelsentralen, hjælpemidler, hjälpmedel, Disabled
Facilities Grants; online forms, occupational therapists' assessments, digital follow-up). A round
that leans to the web: 16 saved pages of varied CMS shapes, 3 pages saved by Chrome as one
.mhtml file, 2 pages printed to PDF by the browser, 4 PDFs from a word processor, 2 Word files,
4 text copies and 1 Markdown page. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and two glued timetables, so fixturesets.size_check and trap_check (36 to 40
documents, three glued programmes) do not fit; its own counts are checked here instead.
"""

import datetime as dt
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "maar")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dcterms.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|government portal|news item|blog post|agency page|press release|"
             r"tender notice|call for proposals|council minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report|action plan",
    "project_report": r"catalogue page|working paper|evaluation report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "saved as one file": 3, "printed to pdf by the browser": 2,
         "as a pdf from a word processor": 4, "as a word file": 2, "copied with select-all": 2,
         "saved as markdown": 1, "clock times glued to talk titles": 2, "english summary": 3,
         "news item with reader comments": 1, "tender notice": 1, "call for proposals": 1,
         "council minutes": 1, "annual report": 1, "press release": 1, "newsletter e-mail": 1,
         "thesis record": 1, "book-of-abstracts": 1, "horizon year": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "council": ("municipal service page on applying online for a disabled facilities grant",
                {"Cookies on the Cornwall Council website", "Skip to main content", "Start chat",
                 "Sign in to your account", "Telephone: 0300 000 0000",
                 "Last updated: 14 March 2024"},
                {"How to apply", "Monday to Friday, 9am to 5pm", "Before you start"}, "en", "2024"),
    "skiptvet": ("municipal service page on applying for assistive aids",
                 {"Skip to content", "This website uses cookies", "Accept all",
                  "Sentralbord: 69 00 00 00"},
                 {"Slik går du fram", "Tirsdag og torsdag kl. 12.00–14.30"}, "nb",
                 "no year: no 19xx"),
    "portal": ("government portal page", {"Sign in", "Service type", "Online request",
                                          "Page reviewed 2 October 2023"},
               {"What happens next"}, "en", "2023"),
    "research portal": ("conference abstract on a university research portal",
                        {"Research output: Contribution to conference", "Fingerprint", "100%",
                         "Cite this", "Publication date", "22 Jun 2022"}, {"Abstract"}, "en",
                        "2022"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023–2026", "Prosjektnummer", "000000",
                   "Ingen publikasjoner registrert ennå"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views: 000", "CrossRef citations to date: 0", "Altmetric", "ORCID Icon",
                 "Download PDF", "[email protected]"}, {"Abstract"}, "en", "2023"),
    "event": ("event page with a programme, clock times glued",
              {"Date", "Thursday 6 November 2025", "Book your place", "Add to calendar"},
              {"Programme", "12:00Lunch"}, "en", "2025"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Publisert 21.08.2024 14:05", "NYHETER",
              "Les også"}, {"Kommentarer"}, "nb", "2024"),
    "blog": ("blog post of a research group",
             {"Leave a Reply", "Post Comment", "Recent Posts", "Proudly powered by WordPress",
              "Posted on 4 December 2024 by atrg_admin"},
             {"Measuring a doorway on a screen"}, "en", "2024"),
    "strategy": ("municipal strategy page with a horizon year",
                 {"Hopp til hovudinnhald", "Vedteken i kommunestyret 14.05.2019"},
                 {"Tiltak", "Kommunen skal ha eit felles lager for korttidslån."}, "nn", "2019"),
    "tender": ("tender notice", {"We value your privacy", "Accept all", "Tilbudsfrist",
                                 "10.03.2025 kl. 12:00", "CPV-kode", "Konkurranse"},
               {"Kort beskrivelse"}, "nb", "2025"),
    "thesis": ("master's thesis record", {"Author", "Date Issued", "2021-09-30",
                                          "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2021"),
    "evaluation": ("evaluation report with an english summary",
                   {"Impello Management AS", "Rapport 0/2022", "November 2022", "Side 2",
                    "Impello – Evaluering av digital hjelpemiddelsøknad"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2022"),
    "minutes": ("council minutes", {"Stordal kommune – Møtebok", "Dato: 12.04.2018", "Side 1"},
                {"Vedtak:", "Samrøystes vedteke."}, "nn", "2018"),
    "call": ("call for proposals with a future deadline",
             {"Deadline", "23 January 2026, 5pm", "Apply now", "Subscribe"},
             set(), "en", "no year: only"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences",
                    "To: [email protected]"},
                   {"Equipment, apps and your right to an assessment"}, "en", "2024"),
    "book of abstracts": ("conference abstract on a book-of-abstracts page",
                          {"Nasjonal hjelpemiddelkonferanse 2023 – Sammendrag", "14",
                           "Digitale hjelpemidler og pårørende: en kartlegging"},
                          {"Abstract"}, "nb;en", "2023"),
    "action plan": ("action plan page of a municipality",
                    {"Skip to main content", "We use cookies to improve your experience. Accept",
                     "English"}, {"Tiltak"}, "nb", "no year: no 19xx"),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless FORMS gives
# the exact zero-filled form of that kind.
FINDERS = dict(row.split(" := ") for row in r"""
phone := (?:Telephone|Telefon|Sentralbord|Switchboard|Växel|Kundesenter):? (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
charity number := Registered charity number (?P<id>\d+)
ISSN := ISSN (?P<id>[\d-]+)
DOI := 10\.0000/[a-z]+\.(?P<id>\d+)
report number := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
postal box := Postboks (?P<id>\d+)
case number := (?:Sak |ref\.: \| 24/)(?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
tender reference := 20\d\d-(?P<id>0{6})$
""".strip().splitlines())
FORMS = {"phone": r"(?:\+350 |0\d{2,3}[ -]?)?[0 -]+|[1-9]\d [0 ]+|0\d{3} 0{6}|0611-[0 ]+|08-[0 ]+|"
                   r"023 8000 0000|01392 0{6}"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# The binaries as the README states them: pages, and the PDF's metadata (None: absent).
PDFS = {
    "p01_rendalen_ergoterapi_hjelpemidler_print_nb.pdf":
        (1, "print", "Ergoterapi - Rendalen kommune"),
    "p02_asnes_temadag_hjelpemidler_program_print_nb.pdf":
        (1, "print", "Temadag om hjelpemidler - Åsnes kommune"),
    "p03_impello_evaluering_digital_hjelpemiddelsoknad_nb_en.pdf":
        (4, "2022", "Microsoft Word - evaluering_hjelpemidler_v3.docx"),
    "p04_stordal_motebok_levekarsutvalet_nn.pdf": (1, "2018", "Møtebok levekårsutvalet 12.04.2018"),
    "p05_mobilhjelp_working_paper_app_reports_en.pdf": (2, None, None),
    "p06_rnib_consultation_response_dfg_delivery_en.pdf":
        (2, "2023", "Consultation response: Delivering the Disabled Facilities Grant"),
}
WORD = {"d01_folldal_horingssvar_hjelpemidler_nb.docx":
            ("Folldal kommune", "Helse og omsorg", 2024),
        "d02_norddal_fagdag_hjelpemiddel_program_nn.docx":
            ("Norddal kommune", "Helse og omsorg, sakshandsamar", 2019)}


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that no debris row names."""
    gone = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in gone}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' per-document rules (labels, placement, saved page head and fields, genre
    and type, later prose years in the evidence) hold for this file."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    at least four times; the brief's languages; four or more bilingual documents; the genres
    are named; year situations and traps; the consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types, tags = (fs.column_counts(labels)[key] for key in
                            ("format", "doc_type", "languages (label)"))
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    firsts = {code: sum(n for tag, n in tags.items() if tag.startswith(code))
              for code in fs.LANGUAGES}
    assert firsts["nb"] >= 12 and firsts["en"] >= 10 and firsts["nn"] >= 3, firsts
    assert firsts["da"] == 2 and firsts["sv"] == 2, firsts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}, traps
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_boilerplate_languages():
    """Two monolingual Bokmål pages carry English boilerplate only (cookie banner, skip link),
    all of it debris; an English page's Norwegian sammendrag makes it bilingual."""
    english = re.compile(r"\b(?:cookies?|Skip|Accept|privacy|Customize)\b", re.I)
    for role in ("skiptvet", "tender", "action plan"):
        name = holder(role)
        found = {line for line in SET.lines[name] if english.search(line)}
        assert len(found) >= 2 and found <= SET.debris_of(name), (name, found)
        assert SET.labels[name]["languages"] == "nb"


def test_programmes_identifiers_and_contents():
    """Glued clock times in the two glued timetables only (four kept lines or more each, none
    debris); the Word and printed programmes keep their spaced times; every kind of identifier
    present and zero-filled; seven dot-leader contents lines, all debris."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued == sorted([holder("event"), fs.by_notes(SET.labels, "seminar programme copied")])
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    word = fs.by_notes(SET.labels, "seminar programme as a word file")
    assert len({line for line in kept_lines(word) if re.match(r"\d\d\.\d\d \| ", line)}) == 5
    SET.identifiers_check(FINDERS, FORMS)
    SET.contents_check(DOT_LEADER, 7)
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """For each role of the brief: the furniture named in ROLES went to debris, the named
    headings or steps were kept, and the label's languages, year evidence and prose match."""
    name = holder(role)
    label, gone = SET.labels[name], SET.debris_of(name)
    _, furniture, headings, languages, evidence = ROLES[role]
    sentences = set(SET.sentences(name))
    found = {"furniture kept": sorted(furniture - gone),
             "headings lost": sorted(headings - kept_lines(name)),
             "languages": label["languages"],
             "evidence opens as expected": label["year_evidence"][:len(evidence)] == evidence,
             "prose": len(sentences) >= 3 and sentences.isdisjoint(gone)}
    assert found == {"furniture kept": [], "headings lost": [], "languages": languages,
                     "evidence opens as expected": True, "prose": True}


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: browser prints carry Chromium's
    own print-day dates and the page's <title>, with the print header (time and <title>) and
    footer (address and page count) as debris lines; word-processor PDFs carry the labelled
    /CreationDate year, a re-export's later year, or none."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    label = SET.labels[name]
    if created == "print":
        assert "HeadlessChrome" in meta["/Creator"] and meta["/CreationDate"][2:6] != label["year"]
        heads = [line for line in SET.lines[name] if line.endswith(title)]
        feet = [line for line in SET.lines[name] if re.search(r"le:///.* 1/1$", line)]
        assert len(heads) == len(feet) == 1 and set(heads + feet) <= SET.debris_of(name)
    elif created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert meta["/CreationDate"][2:6] == created
        assert created == label["year"] or f"/CreationDate is {created}" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation as author, a role as last editor (never
    python-docx), created and modified in the labelled year; header and footer lines are debris."""
    author, editor, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.created < props.modified <= dt.datetime(year, 12, 31, tzinfo=props.modified.tzinfo)
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs}
    assert furniture and furniture <= SET.debris_of(name)


def test_brief_details():
    """The council page keeps its four steps; the news item's three handle-signed comments go
    and its quotation stays; the RNIB response drops its footnotes and keeps the sentences that
    call them; the catalogue page's MOBILHJELP shows in the working paper's prose."""
    council = holder("council")
    assert len({line for line in kept_lines(council)
                if line.startswith(("Sign in to your council", "Choose the", "Upload",
                                    "Check"))}) == 4
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-zæøå_]+: ", line)}
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    assert "– Papirene lå og ventet på en underskrift, sier han." in kept_lines(news)
    rnib = fs.by_notes(SET.labels, "consultation response of a sight loss charity")
    notes = {line for line in SET.lines[rnib] if line.startswith("[")}
    assert len(notes) == 2 and notes <= SET.debris_of(rnib)
    assert "MOBILHJELP" in SET.labels[holder("catalogue")]["title"]
    paper = fs.by_notes(SET.labels, "working paper of the research project")
    assert any("MOBILHJELP" in s for s in SET.sentences(paper))
