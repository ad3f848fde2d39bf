"""Checks of the coulee fixture set (tests/fixtures/exported/coulee), written blind.

Brief: how appeals and complaints against welfare decisions are lodged and handled online (klage
and anke to Nav and Trygderetten, Danish klager to Ankestyrelsen, överklagande to
Försäkringskassan and förvaltningsrätten, mandatory reconsideration and tribunals in the UK), in
32 documents of seven formats: saved pages (.html), pages Chrome saved as one file (.mhtml),
pages the browser printed to PDF, word-processor PDFs, Word files, text copies and Markdown.

The import is never run here: the labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief: the mix, the roles, and the binary
files' own properties (page counts, PDF metadata, Word core properties, the .mhtml headers).
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "coulee")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"welfare agency's page|court's page|municipality's page|news item|tender notice|"
             r"written question|press release|slide deck|council minutes|call for proposals|"
             r"newsletter|legal commentary",
    "policy_document": r"strategy|consultation response|annual report|statistics release",
    "project_report": r"catalogue page|working paper|evaluation report|research project's page",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"saved by chrome as one file": 2, "printed to pdf by the browser": 2, "as a pdf": 5,
         "as a word file": 4, "pasted": 2, "copied": 3, "saved as markdown": 2,
         "consultation response": 2, "clock times glued to talk titles": 3}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "welfare": ("welfare agency's page on appealing a benefit decision online",
                {"Accept additional cookies", "Skip to main content", "Sign in", "Webchat",
                 "Monday to Friday, 8:30am to 5pm", "Telephone: 0300 000 0000"},
                {"How to appeal", "5. Check your answers and submit the appeal."}, "en", ""),
    "court": ("court's page on appealing a social insurance decision",
              {"Till innehållet", "Överklaga via e-tjänsten", "Måndag–fredag 08.00–16.00"},
              {"Så gör du", "Berätta varför du anser att beslutet är fel."}, "sv",
              "no year: no 19xx"),
    "danish page": ("municipality's page on complaints against decisions",
                    {"Gå til indhold", "Klag digitalt", "Senest opdateret 3. september 2024"},
                    {"Sådan klager du"}, "da", ""),
    "nynorsk page": ("municipality's page on appeals against social assistance decisions",
                     {"Hopp til hovudinnhald", "Logg inn", "Chat med oss"},
                     {"Slik klagar du", "Logg inn på nav.no og vel «Klage»."}, "nn",
                     "no year: no 19xx"),
    "news": ("news item with reader comments", {"4 kommentarar", "Skriv ein kommentar",
                                                "Publisert 11.10.2024", "Les òg"},
             {"Kommentarar", "– Eg visste ikkje om nokon i det heile hadde opna ho, seier han."},
             "nn", ""),
    "journal": ("journal abstract in two languages (tidsskrift for rettsvitenskap",
                {"Last ned PDF", "DOI: 10.0000/tfr.2023.00"}, {"Sammendrag", "Abstract"},
                "nb;en", ""),
    "thesis": ("doctoral thesis record", {"Date of award", "Download (PDF)"}, {"Abstract"},
               "en", ""),
    "catalogue": ("research project's catalogue page", {"Project period", "2023–2026",
                                                        "Grant number", "JUS/00000"},
                  {"About the project"}, "en", "no year: only"),
    "paper": ("working paper of the research project appealdig",
              {"APPEALDIG Working Paper 0/2025 | Page 2",
               "¹ The paper form remained available on request throughout."},
              {"1 Introduction", "Contents"}, "en", ""),
    "tender": ("tender notice", {"Submission deadline", "12 January 2026, 12:00pm", "CPV code"},
               {"Description"}, "en", ""),
    "mhtml programme": ("seminar programme saved by chrome", {"Meld deg på",
                                                              "Torsdag 20. mars 2025"},
                        {"Program", "08.30–09.00"}, "nb", ""),
    "question": ("parliamentary written question", {"AQW 0000/22-27",
                                                    "Answered on: 18 June 2024"},
                 {"Question", "Answer", "Minister for Communities"}, "en", ""),
    "press release": ("press release printed", {"Pressmeddelande", "Publicerad 7 februari 2023"},
                      {"Målnummer 0000-00"}, "sv", ""),
    "project page": ("research project's page printed", {"Status: Afsluttet",
                                                         "Læs hele rapporten"},
                     {"Om projektet", "Anbefalinger"}, "da", "no year: the page"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024", "Oslo, oktober 2024", "Rapport 0/2024 | 3",
                    "Tabell 1 Klager etter kanal i evalueringsperioden"},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year", {"Side 2 av 3", "Brekkestrand kommune",
                                                  "Vedteken i kommunestyret 18. april 2024"},
                 {"Innhald", "3 Tiltak"}, "nn", ""),
    "slides": ("slide deck", {"Socialchefsdagarna 2025 | 3", "Borlänge kommun"},
               {"Vad hände?", "Tack!"}, "sv", ""),
    "letter": ("consultation response as a two-page letter",
               {"Advokatsamfundet", "Jeres j.nr. 0000-00000", "Side 2 af 2"},
               {"Med venlig hilsen", "Til Social-, Bolig- og Ældreministeriet"}, "da", ""),
    "annual report": ("annual report excerpt",
                      {"2", "Administrative Justice Council | Annual Report"},
                      {"Digital appeals"}, "en", ""),
    "poster": ("conference poster", {"[email protected]"}, {"Sammanfattning", "Background"},
               "en;sv", ""),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Protokollen godkjennes i neste møte"},
                {"Sak 00/24 Eventuelt"}, "nb", ""),
    "table programme": ("theme day programme", {"Tirsdag den 30. september 2025"},
                        {"Program", "09.30 | Genvurdering i praksis: hvad skal vi se efter?"},
                        "da", ""),
    "call": ("call for proposals", {"Sista ansökningsdag: 15 mars 2026"}, {"Villkor"}, "sv",
             "no year: the call"),
    "word response": ("consultation response as a word file",
                      {"Vår ref. | 00/2022", "Org.nr. 000 000 000"}, {"Med helsing"}, "nn", ""),
    "newsletter": ("newsletter e-mail", {"View this email in your browser", "Unsubscribe",
                                         "Bulletin 00, 27 February 2025"},
                   {"If you advise appellants, please tell us what you see."}, "en", ""),
    "conference abstract": ("conference abstract in two languages",
                            {"43", "Algoritmer i jobcentret: medarbejdernes erfaringer"},
                            set(), "da;en", ""),
    "statistics": ("statistics release", {"Published 12 September 2024", "Next update: December"},
                   {"Main points"}, "en", ""),
    "commentary": ("legal commentary", {"**Emner:** klage, digital post, socialret"}, set(), "da",
                   "no year: the page"),
}

# Word-processor PDFs: pages, /CreationDate year (None: no dates), /Title (None: absent).
PDFS = {
    "p01_uio_evaluering_digital_klage_nb_en.pdf": (5, "2027", None),
    "p02_york_working_paper_appealdig_en.pdf": (4, "2025", "Lodging an appeal without a letterbox"),
    "p03_brekkestrand_strategi_klage_2030_nn.pdf": (
        3, "2024", "Strategi for digital klagehandsaming mot 2030"),
    "p04_borlange_bildspel_digitala_overklaganden_sv.pdf": (4, "2025", "PowerPoint Presentation"),
    "p05_advokatsamfundet_hoeringssvar_digital_klage_da.pdf": (2, None, None),
    "p06_ajc_annual_report_excerpt_en.pdf": (3, "2024",
                                             "Microsoft Word - ajc_annual_report_v7_final.docx"),
    "p07_sheffield_poster_mandatory_reconsideration_en_sv.pdf": (1, None, "Untitled"),
}
BROWSER_PDFS = ["c01_kammarratten_goteborg_pressmeddelande_sv.pdf",
                "c02_justitia_projekt_digitale_klager_da.pdf"]
# Word files: author, created year, modified year, title.
WORD = {
    "d01_tvedestrand_protokoll_brukerrad_nb.docx": ("Tvedestrand kommune", 2019, 2024, ""),
    "d02_rodovre_temadag_klager_program_da.docx": ("Socialafdelingen", 2025, 2025,
                                                    "Temadag om digitale klager"),
    "d03_rattsvagen_utlysning_sv.docx": ("Stiftelsen Rättsvägen", 2025, 2025, ""),
    "d04_smabrukarlaget_hoyringsfrasegn_anke_nn.docx": ("Norsk Bonde- og Småbrukarlag", 2022,
                                                        2022, "Høyringsfråsegn"),
}
PDF_DATE = re.compile(r"D:(\d{4})")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


# The visible lines of each document that are not debris.
KEPT = {name: set(found) - SET.debris_of(name) for name, found in SET.lines.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """LabelledSet.each_document_check: labels, placement, head and fields, genre, later years."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; every type four
    times or more; each language alone three times or more and four bilingual documents or more
    opened by four languages; the genres named; year situations and traps; consultation
    responses typed policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 4 and len(openers) >= 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_glued_programmes():
    """Only programmes glue clock times to titles; each copied or Markdown programme does so in
    four kept lines or more; the Word programme's times sit in table cells instead."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert len(glued) == 3
    assert all(SET.labels[name]["doc_type"] == "event_programme" for name in glued)
    for name in glued:
        lines = {line for line in KEPT[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    table = holder("table programme")
    assert len([line for line in KEPT[table] if re.match(r"\d\d\.\d\d \| ", line)]) == 4


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are
    the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - KEPT[name] == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /CreationDate year and /Title as the README states; a dated file's
    /CreationDate is the labelled year, or two or more years later and then named in the
    evidence; three or more contents lines with dot leaders are debris in the set."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title and meta.get("/Producer", "").startswith("LibreOffice")
    found = PDF_DATE.match(meta.get("/CreationDate") or "")
    assert (found and found[1]) == (created or None)
    assert "/ModDate" not in meta or created
    label = SET.labels[name]
    if created and created != label["year"]:
        assert int(created) >= int(label["year"]) + 2 and "/CreationDate" in label["year_evidence"]
    if title:
        assert title == label["title"] or fs.flat(title) not in fs.flat(label["title"])


def test_contents_and_browser_pdfs():
    """Dot-leader contents lines (three documents or more) are all debris; the two pages the
    browser printed carry the print stamp and address as debris and Chrome's own metadata, whose
    date is the day of printing, never the labelled one."""
    SET.contents_check(re.compile(r"\.{10,}\d+$"), 13)
    assert len({n for n in SET.on_disk for line in SET.lines[n]
                if re.search(r"\.{10,}\d+$", line)}) >= 3
    for name in BROWSER_PDFS:
        meta = PdfReader(SET.folder / name).metadata
        assert meta["/Producer"].startswith("Skia/PDF") and "HeadlessChrome" in meta["/Creator"]
        assert PDF_DATE.match(meta["/CreationDate"])[1] != SET.labels[name]["year"]
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)
                  or "le:///" in line]
        assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states: an organisation or role as author and last editor
    (never python-docx), created and modified years; headers and footers are debris."""
    author, created, modified, title = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.created.year, props.modified.year, props.title) == \
        (author, created, modified, title)
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    assert "(" not in props.author
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections for p in (*s.header.paragraphs,
                                                             *s.footer.paragraphs) if p.text}
    assert furniture and furniture <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, the page's title as Subject (debris,
    not the label), the page as quoted-printable HTML and two more parts (stylesheet, image)."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n") and message["Snapshot-Content-Location"]
    assert message["Subject"] in SET.debris_of(name) and message["Subject"] != \
        SET.labels[name]["title"]
    assert message["Date"] and message.get_content_type() == "multipart/related"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
