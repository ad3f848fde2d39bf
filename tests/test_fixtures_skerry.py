"""Checks of the skerry fixture set (tests/fixtures/exported/skerry), written blind.

Brief: funeral grants and the paperwork after a death going digital (gravferdsstønad, skifte
and dødsbo online, begravelseshjælp and skifteretten, begravningshjälp and dödsbo, the Funeral
Expenses Payment and Tell Us Once). 32 documents leaning to the web: 16 saved pages, 3 pages
saved by Chrome as one .mhtml file, 2 pages printed to PDF by Chromium, 4 PDFs made from Word
files, 2 Word files, 4 text copies and 1 Markdown page. Every role of the brief is held by one
document (ROLES); the binaries carry the page counts and metadata the set's README states.

The import is never run here: the labels, debris and prose are held to the shared conventions
of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32 documents and
three glued programmes among five, so size_check and glued_check of fixturesets (36 to 40
documents, every programme glued) do not fit; the counts are checked here instead.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "skerry")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipal page|government portal page|agency page|news item|blog post|"
             r"church's page|probate court's page|press release|tender notice|"
             r"call for proposals|council minutes|newsletter",
    "policy_document": r"consultation response|action plan|strategy",
    "project_report": r"project catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record|journal article page",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 3, "consultation response": 3,
         "saved as one file": 3, "printed to pdf": 2, "as a pdf": 2, "as a word file": 2,
         "pasted": 3, "copied": 1, "saved as markdown": 1, "labelled monolingual": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
PARTS = {"nb": 12, "en": 10, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipal page on what to do after a death",
                  {"We use cookies", "Accept all", "Skip to main content",
                   "Sist oppdatert 12.03.2025", "Sentralbord: 74 00 00 00"},
                  {"Dette må gjøres de første dagene", "Søk digitalt"}, "nb", ""),
    "portal": ("government portal page on the funeral expenses payment",
               {"Accept analytics cookies", "Start webchat", "Last updated: 4 February 2025",
                "Phone: 0800 000 0000"}, {"How to claim", "Tell Us Once"}, "en", ""),
    "agency": ("agency page on registering inherited property",
               {"Hopp til hovudinnhald", "Sist endra 20. august 2024", "Telefon: 32 00 00 00"},
               {"Slik gjer du det", "Hent skifteattesten frå tingretten."}, "nn", ""),
    "research portal": ("research portal record of a journal article abstract",
                        {"Research output: Contribution to journal", "peer-review",
                         "Bereavement 100%", "Original language", "Publication date"},
                        {"Abstract", "Fingerprint"}, "en", ""),
    "catalogue": ("funder's project catalogue page",
                  {"Project period", "2024–2027", "Grant reference", "MCRGS-00000-000",
                   "No outputs have been added yet."}, {"Lay summary"}, "en", "no year: only"),
    "journal": ("journal article page with citation widgets",
                {"1,482 Views", "3 CrossRef citations to date", "17 Altmetric", "Download PDF",
                 "Sarah Lindley (invented) ORCID Icon"}, {"Abstract"}, "en", ""),
    "event": ("conference event page with a programme",
              {"Date", "Wednesday 10 – Friday 12 September 2025", "Register now"},
              {"Programme: Wednesday", "10.15", "Opening address: the bureaucracy of bereavement"},
              "en", ""),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Les også", "NYHETER"}, {"Kommentarer"}, "nb",
             ""),
    "blog": ("research group's blog post",
             {"← Eldre innlegg", "Stikkord: gravferd, digitalisering, sorg, forvaltning",
              "Drevet av WordPress"}, set(), "nb", "no year: no 19xx"),
    "church": ("church's page on funeral fees",
               {"Lyssna", "Var sidan till hjälp?", "Växel: 018-00 00 00"}, {"Så gör dödsboet"},
               "sv", "no year: no 19xx"),
    "probate": ("probate court's page",
                {"Skip to content", "Accept", "Senest opdateret 02.05.2024"}, {"Sådan gør du"},
                "da", ""),
    "press": ("press release of a charity",
              {"Press release", "Published 21 January 2025", "Press office: 020 0000 0000"},
              {"Notes to editors"}, "en", ""),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "16.02.2026 kl. 12.00", "CPV-kode",
                "Last ned konkurransegrunnlaget"}, set(), "nb", "no year: only"),
    "action plan": ("action plan page of a municipality",
                    {"Vedtatt i kommunestyret 19. juni 2024"}, {"Mål", "Tiltak"}, "nb", ""),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist", "1. mars 2027", "Søk no"}, set(), "nn", "no year: only"),
    "one-file page": ("municipal page on funeral grants saved as one file",
                      {"Chat med kommunen", "Start chat", "Måndag–fredag 08.00–15.30",
                       "Telefon: 52 00 00 00"}, {"Opningstider"}, "nn", ""),
    "one-file programme": ("seminar programme saved as one file",
                           {"Dato", "Tirsdag 18. november 2025", "Meld deg på"}, {"Program"},
                           "nb", ""),
    "thesis": ("master's thesis record saved as one file",
               {"Author", "Publication date", "Download full text (PDF)", "Master thesis"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "printed programme": ("seminar programme printed to pdf",
                          {"Onsdag 22. oktober 2025", "Meld deg på her"}, {"Program"}, "nb", ""),
    "printed page": ("municipal page printed to pdf",
                     {"Senast uppdaterad 2024-05-13", "Kontaktcenter: 0510-00 00 00"},
                     {"Vad behöver du skicka med?"}, "sv", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Juni 2023", "Side 2",
                    "Evaluering av digital veiledning ved dødsfall"},
                   {"English summary", "Innhold"}, "nb;en", ""),
    "strategy": ("strategy towards 2030",
                 {"Vedteken i kommunestyret 12. desember 2024",
                  "Bokn kommune – strategi mot 2030 – side 2"}, {"Innhald", "2 Mål"}, "nn", ""),
    "minutes": ("council minutes",
                {"Møtedato: 10.04.2025", "Lyngen kommune – Møteprotokoll", "Side 1"}, {"Vedtak"},
                "nb", ""),
    "paper": ("working paper of the funded project",
              {"DIGIFUNERAL Working Paper 0/2025", "May 2025", "2"}, {"Summary"}, "en", ""),
    "charity response": ("consultation response of a bereavement charity",
                         {"Cruse Bereavement Support", "Date | 14 March 2024",
                          "Registered charity number 0000000 · Company number 00000000"},
                         {"Yours sincerely"}, "en", ""),
    "danish response": ("consultation response of a danish municipality",
                        {"Sagsnr. | 23-00000", "Dato | 9. oktober 2023"},
                        {"Til Justitsministeriet", "Med venlig hilsen"}, "da", ""),
    "municipal response": ("consultation response of a municipality",
                           {"Høringssvar", "Vår ref.: 24/0000", "Askøy, 15. november 2024"},
                           {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"},
                           "nb", ""),
    "copied programme": ("seminar programme copied",
                         {"Dato", "Torsdag 12. mars", "Meld deg på"},
                         {"Program", "08.00Frokost og kaffe"}, "nb", "no year: only"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Sent: Monday, 3 March 2025 09:12", "View this email in your browser",
                    "Unsubscribe | Update your preferences"}, set(), "en", ""),
    "book of abstracts": ("book-of-abstracts page",
                          {"Death Online Research Symposium 2024 · Book of abstracts",
                           "Session 4B: Bureaucracy and the digital dead", "37",
                           "Posthumous profiles and the platform economy"},
                          {"Abstract", "Sammendrag"}, "en;nb", ""),
    "final report": ("final report pasted out of a pdf",
                     {"November 2022", "1 Om prosjektet ........................... 2",
                      "Sluttrapport – Gravferd uten papir"},
                     {"Summary in English", "Innhold"}, "nb;en", ""),
    "markdown": ("network meeting programme saved as markdown",
                 {"**Dato:** Torsdag 4. juni", "*   [Heim](/)"},
                 {"## Program", "10.00Velkomen og kaffi"}, "nn", "no year: no 19xx"),
}

# Identifier kind: pattern whose `id` group must hold zeros and separators only, unless
# SHAPES gives the exact zero-filled form of that kind.
IDS = {
    "phone": r"(?:Sentralbord|Telefon|Phone|Switchboard|Support line|Press office|Växel|"
             r"Kontaktcenter): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "charity or company number": r"(?:charity number|charity no\.|Company number),? "
                                 r"(?:number )?(?P<id>\d+)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "DOI": r"10\.0000/(?:[a-z]+\.)?(?P<id>\d+)",
    "case number": r"(?:Vår ref\.: 24/|Saksnr\. 24/|Sagsnr\. \| 23-|Sak )(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "handle": r"hdl\.handle\.net/(?P<id>[\d/]+)",
    "grant reference": r"MCRGS-(?P<id>[\d-]+)",
    "tender reference": r"HAM-(?P<id>\d+)",
}
SHAPES = {"phone": r"(?:[1-9]\d|0\d{2,4}-?)[0 ]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
CHROMIUM_HEAD = re.compile(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d (?:AM|PM) (?P<title>.+)")
CHROMIUM_FOOT = re.compile(r"\S+:///\S+\.html (?P<page>\d+)/(?P<pages>\d+)")
# PDF made from a Word file: (pages, /CreationDate year or None, /Title or None, or "label"
# when /Title is the labelled title).
WORD_PDFS = {
    "p01_nordkyst_analyse_evaluering_digital_gravferdshjelp_namsos_nb_en.pdf":
        (4, "2023", "Microsoft Word - evaluering_gravferd_v3.docx"),
    "p02_bokn_kommune_strategi_gravferd_gravplass_mot_2030_nn.pdf": (3, "2026", "label"),
    "p03_lyngen_kommune_kommunestyret_protokoll_digital_gravferd_nb.pdf": (1, None, None),
    "p04_open_university_digifuneral_working_paper_en.pdf": (2, "2025", "label"),
}
# Authors of the Word files: organisations, never a person.
AUTHORS = {"Cruse Bereavement Support", "Kalundborg Kommune"}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


def mhtml_message(name: str):
    return email.message_from_bytes((SET.folder / name).read_bytes(), policy=policy.default)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, a saved page's head and fields (also the page inside
    an .mhtml file), the type its genre names, and later years of its prose in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)
    if name.endswith(".mhtml"):
        label, debris = SET.labels[name], SET.debris_of(name)
        page = BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser")
        assert page.head.title.get_text().strip() in debris
        assert page.head.title.get_text().strip() != label["title"]
        for meta in page.head.find_all("meta"):
            key = (meta.get("name") or meta.get("property") or "").lower()
            if key in META_DATES:
                assert fs.YEAR.findall(meta["content"])[:1] == [label["year"]], key
        assert all(tag.get_text().strip() in debris for tag in page.find_all(["dt", "dd"]))


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; the languages; four bilingual documents; the genres named; the year
    situations and traps; the three consultation responses are policy documents; one role each."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert len(labels) == 32 and dict(formats) == FORMATS, formats
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert {code: n for code, n in PARTS.items() if parts[code] < n} == {}, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 2, openers
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(3)


def test_programmes_identifiers_contents_and_boilerplate():
    """Glued clock times only in programmes (three of the five), four kept lines each and none
    debris; every identifier kind zero-filled; dot-leader contents lines all debris; the two
    pages whose only other language is boilerplate are labelled monolingual and that
    boilerplate is debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert len(glued) == 3 and glued < programmes
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    SET.identifiers_check(IDS, SHAPES)
    SET.contents_check(DOT_LEADER, 10)
    for role, english in (("municipal", {"We use cookies", "Skip to main content",
                                         "Read more about cookies"}),
                          ("probate", {"Skip to content", "Decline", "Accept"})):
        name = holder(role)
        assert ";" not in SET.labels[name]["languages"] and "labelled monolingual" in \
            SET.labels[name]["notes"]
        assert english <= SET.debris_of(name)


@pytest.mark.parametrize(("role", "spec"), sorted(ROLES.items()))
def test_role(role, spec):
    """The document holding a role: its named furniture goes, its named headings, steps or
    timetable lines stay, its label has the role's languages and kind of year evidence, and
    its three or four prose sentences are no debris."""
    name = holder(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = {"debris": spec[1] - debris, "kept": spec[2] - kept_lines(name)}
    assert missing == {"debris": set(), "kept": set()}, role
    assert (label["languages"], label["year_evidence"][:len(spec[4])]) == (spec[3], spec[4])
    sentences = set(SET.sentences(name))
    assert len(sentences) in (3, 4) and sentences.isdisjoint(debris)


@pytest.mark.parametrize("name", sorted(WORD_PDFS))
def test_word_pdf(name):
    """A PDF made from a Word file: its page count, /CreationDate year and /Title as the README
    states; a re-exported file's evidence names the property and the cover's date."""
    pages, created, title = WORD_PDFS[name]
    reader, label = PdfReader(SET.folder / name), SET.labels[name]
    info = dict(reader.metadata or {})
    assert len(reader.pages) == pages
    assert (info["/CreationDate"][2:6] if created else None) == created
    if created:
        assert info["/CreationDate"][2:6] == label["year"] or \
            "/CreationDate" in label["year_evidence"]
    assert info.get("/Title") == (label["title"] if title == "label" else title)
    assert label["year"] not in (info.get("/Title") or "")


def test_printed_pages_and_one_file_pages():
    """Chromium's print: on every page a head line with the print time and the page's <title>
    and a foot line with the address and page number, all debris, and a print date that is not
    the labelled year; Blink's single files: the saved-by header, the address, the subject as the
    page's <title>, a quoted-printable page and a second part."""
    printed = [n for n in SET.on_disk if n.startswith("w")]
    assert len(printed) == 2
    for name in printed:
        lines, debris = SET.lines[name], SET.debris_of(name)
        heads = [m for m in map(CHROMIUM_HEAD.fullmatch, lines) if m]
        feet = [m for m in map(CHROMIUM_FOOT.fullmatch, lines) if m]
        assert len(heads) == len(feet) == len(PdfReader(SET.folder / name).pages)
        assert {m.string for m in heads + feet} <= debris
        assert heads[0]["title"] != SET.labels[name]["title"]
        assert feet[-1]["page"] == feet[-1]["pages"]
        info = PdfReader(SET.folder / name).metadata
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
    one_file = [n for n in SET.on_disk if n.endswith(".mhtml")]
    assert len(one_file) == 3
    for name in one_file:
        message = mhtml_message(name)
        assert (SET.folder / name).read_bytes().startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        parts = [p for p in message.walk() if not p.is_multipart()]
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
        page = BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser")
        assert message["Subject"] == page.head.title.get_text().strip()
        assert message["Date"].datetime is not None


def test_word_files():
    """The Word files' core properties: an organisation or role as author, never python-docx
    as last editor, created and modified in the labelled year; header and footer lines are
    debris and the table's field rows are debris."""
    files = [n for n in SET.on_disk if n.endswith(".docx")]
    assert len(files) == 2
    for name in files:
        props, label = docx.Document(str(SET.folder / name)).core_properties, SET.labels[name]
        assert props.author in AUTHORS
        assert props.last_modified_by not in ("", "python-docx")
        assert str(props.created.year) == str(props.modified.year) == label["year"]
        document = docx.Document(str(SET.folder / name))
        furniture = [p.text for s in document.sections
                     for p in s.header.paragraphs + s.footer.paragraphs
                     if p.text and not p.text.split()[-1].isdigit()]
        assert furniture and set(furniture) <= SET.debris_of(name)
        rows = {" | ".join(dict.fromkeys(c.text.strip() for c in row.cells))
                for table in document.tables for row in table.rows}
        assert rows and rows <= SET.debris_of(name)
