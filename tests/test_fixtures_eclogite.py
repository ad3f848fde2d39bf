"""Checks of the eclogite fixture set (tests/fixtures/exported/eclogite), written blind.

Brief: how overpayments are recovered and benefit control is done with data (tilbakekreving,
data matching, municipal control units, appeals against repayment claims), leaning to the web:
16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF by the
browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies and 1 Markdown page, 32
documents in all. Bokmål, English, Nynorsk, Danish and Swedish; four bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, fewer than `size_check` and `trap_check` expect, so its own counts are checked here.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "eclogite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|call for proposals|tender notice|press release|"
             r"board minutes|newsletter|written question",
    "policy_document": r"guideline page|consultation response|annual report|strategy",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|portal output page|journal article page",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 3, "consultation response": 2,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2, "as a pdf": 3,
         "as a word file": 2, "saved as markdown": 1, "copied": 2, "pasted": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipal service page on repaying social assistance",
                  {"We use cookies to make this website work and to understand how it is used.",
                   "Skip to content", "Sentralbord: 66 00 00 00", "Del siden"},
                  {"Slik går det for seg", "Åpningstider"}, "nb", "no year: no 19xx"),
    "portal": ("government portal service page",
               {"Cookies on this government service", "Skip to main content",
                "Telephone: 0800 000 0000", "Last updated 3 March 2025"},
               {"What you need to do", "Read the letter and check the dates it covers."}, "en", ""),
    "guideline": ("guideline page on data matching",
                  {"Gå til indhold", "Udgivet 12. september 2024", "CVR 00 00 00 00"},
                  {"Anbefalinger"}, "da", ""),
    "research portal": ("university research portal output page",
                        {"Fingerprint", "100%", "Contribution to conference", "Publication date",
                         "Powered by Pure"}, {"Abstract"}, "en", ""),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektnummer", "300000", "2024–2027", "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal article page with citation widgets",
                {"Views", "Citations", "Altmetric", "Download PDF", "First published: 08 May 2024"},
                {"Abstract"}, "en", ""),
    "event": ("event page with a seminar programme", {"Meld deg på", "Tirsdag 21. oktober 2025"},
              {"Program", "09.30 Velkommen ved kommunedirektøren"}, "nb", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "fjordgutt: Dette skjer altfor ofte."},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group",
             {"Leave a comment", "Proudly powered by WordPress",
              "Tags: risk scores, benefit control"}, set(), "en", ""),
    "appeal": ("municipal service page on appealing a repayment claim",
               {"Chat med oss", "Start samtale", "Hopp til hovudinnhald", "Logg inn på Min side"},
               {"Slik klagar du", "Opningstider", "Logg inn på Min side med BankID."}, "nn",
               "no year: no 19xx"),
    "creditors": ("consultation response of a creditors' association",
                  {"Høringssvar", "Del på Facebook", "Org.nr. 900 000 000"},
                  {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb", ""),
    "call": ("call for proposals with a future deadline", {"Apply now", "Download the guidelines"},
             {"Who can apply"}, "en", "no year: the page shows only the deadline"),
    "thesis": ("master's thesis record", {"Author", "Date issued", "Download full text (PDF)"},
               {"Sammendrag", "Abstract"}, "nb;en", ""),
    "annual": ("annual report excerpt",
               {"Last ned hele årsrapporten (PDF)", "Publisert 14. mars 2024"},
               {"Nøkkeltall"}, "nb", ""),
    "tender": ("tender notice with catalogue fields", {"Tilbudsfrist", "16.06.2025 kl. 12:00",
               "Last ned konkurransegrunnlag"}, {"Kort beskrivelse"}, "nb", ""),
    "swedish": ("municipal service page on repayment of social assistance",
                {"Till innehållet", "Lyssna", "Hittade du informationen du sökte?"},
                {"Så går det till"}, "sv", "no year: no 19xx"),
    "conference": ("conference programme page saved by chrome",
                   {"Register now", "Wednesday 19 November 2025"}, {"Morning", "Afternoon"},
                   "en", ""),
    "book": ("book-of-abstracts page",
             {"Next abstract", "Trust after a repayment claim: a panel study"},
             set(), "en", ""),
    "press": ("press release", {"Pressemelding", "Kopier lenke"}, {"Pressekontakt"}, "nb", ""),
    "bilingual abstract": ("conference abstract in two languages",
                           {"Velferdsdagane Vest, 8. november 2023", "Alle samandrag"},
                           {"Samandrag", "Abstract"}, "nn;en", ""),
    "council news": ("news item of a local council",
                     {"Bins and recycling", "Published 10 February 2025"},
                     set(), "en", ""),
    "paper": ("working paper", {"TILBAKEDATA Working Paper 0/2025", "April 2025"},
              {"Contents", "1 Introduction"}, "en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2024", "Oktober 2024", "ISBN 978-82-0000-000-0"},
                   {"Sammendrag", "English summary"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year", {"Side 1", "Side 2",
                 "Vedtatt i kommunestyret 19. juni 2024"}, {"Mål", "Tiltak"}, "nb", ""),
    "municipal response": ("consultation response of a municipality",
                           {"Vår ref.: Sak 000/24", "Lødingen, 12. november 2024"},
                           {"Med hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb", ""),
    "minutes": ("board minutes", {"Mødedato: | 9. maj 2023", "Sagsnr. | 2023-0000",
                "Vesterhavn Kommune"}, {"Beslutning"}, "da", ""),
    "final": ("final report of a local development project",
              {"Prosjektperiode: | 2022–2024", "Sluttrapport – intern versjon"},
              {"Hva vi gjorde", "Resultater"}, "nb", ""),
    "seminar": ("seminar programme copied with \"select all\", clock times glued to talk titles "
                "(invented welfare law network",
                {"Book your place", "Friday 6 June 2025"}, {"Programme", "11:15Coffee"}, "en", ""),
    "breakfast": ("seminar programme copied with \"select all\", clock times glued to talk titles "
                  "(invented region norrmark", {"Anmälan", "Tisdag 14 oktober 2025"},
                  {"Program", "08.00Frukost och mingel"}, "sv", ""),
    "newsletter": ("newsletter e-mail", {"Meld deg av", "Sendt: 4. september 2025 08:02",
                   "Vis i nettleser"}, {"Arrangementer"}, "nb", ""),
    "question": ("written question", {"Sida 1 av 2", "Dnr RS2024/0000", "Besvarad 22 mars 2024"},
                 {"Svar", "Till regionrådet för social välfärd"}, "sv", ""),
    "markdown": ("network meeting programme saved as markdown",
                 {"**Dato:** Torsdag 12. mars", "[Meld deg på](/pamelding)"},
                 {"## Program", "11.30Lunsj"}, "nn", "no year: the day"),
}

# file: (pages, /CreationDate year or None, /Title or None); printed ones carry the day printed.
PDFS = {
    "p01_tilbakedata_working_paper_early_findings_en.pdf":
        (3, "2025", "TILBAKEDATA Working Paper 0/2025"),
    "p02_vestmark_evaluering_kontrollenheter_nb_en.pdf":
        (3, "2026", "Evaluering av kommunale kontrollenheter"),
    "p03_marstein_strategi_trygg_forvaltning_mot_2030_nb.pdf":
        (2, "2024", "Microsoft Word - strategi_kontroll_v3.docx"),
    "p04_lodingen_horingsuttalelse_kontroll_sosialhjelp_nb.pdf": (1, None, None),
}
PRINTED = {"c01_velferdsdagane_vest_samandrag_kontrolleining_nn_en.pdf":
           "Samandrag 14 | Velferdsdagane Vest",
           "c02_northbridge_council_news_data_matching_pilot_en.pdf": "News - Northbridge Council"}
# Word file: (author, last modified by, created year, modified year).
WORD = {"w01_vesterhavn_referat_social_og_arbejdsmarkedsudvalget_da.docx":
        ("Vesterhavn Kommune, Sekretariatet", "Udvalgssekretær", 2023, 2023),
        "w02_ormvik_sluttrapport_tillitsbasert_kontroll_nb.docx":
        ("Ormvik kommune, NAV-kontoret", "Prosjektleder", 2025, 2025)}
CHROME_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d\d\s?[AP]M ")


def holder(role: str) -> str:
    """The one document whose notes open with the words of a role."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_document(name):
    """fixturesets' rules for one document (labels, placement, page head, genre, later years)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief, all five
    types four times or more; languages; genres named; year situations and traps; consultation
    responses typed policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 12 and parts["en"] >= 10 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    assert sum(openers.values()) >= 4
    two = [lab["doc_type"] for lab in labels.values() if ";" in lab["languages"]]
    assert two.count("abstract") >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    short = sorted(key for key in ("bare", "other_years", "glued", "ahead") if len(traps[key]) < 3)
    assert (short, traps["repeated"]) == ([], [])
    SET.consultations_check(2)
    # glued times in three programmes (copies and Markdown) and nowhere else; the saved pages'
    # programmes (h07, x01) set times apart, so fixturesets' glued_check does not fit
    programmes = {n for n, lab in labels.items() if lab["doc_type"] == "event_programme"}
    assert len(traps["glued"]) == 3 and set(traps["glued"]) < programmes
    glued = {name: [line for line in SET.lines[name] if fs.GLUED_TIME.search(line)]
             for name in traps["glued"]}
    assert min(map(len, glued.values())) >= 4
    assert [line for name, found in glued.items() for line in found
            if line in SET.debris_of(name)] == []
    SET.contents_check(re.compile(r"\.{10,} \d+$"), 6)


def test_boilerplate_only_pages_are_monolingual():
    """The English cookie banner and skip link of a Bokmål page and the Norwegian footer links
    of an English page are debris and do not make them bilingual; four documents are."""
    boilerplate = {"municipal": ({"Accept all cookies", "Skip to content"}, "nb"),
                   "research portal": ({"Tilgjengelighetserklæring",
                                        "Personvern og informasjonskapsler"}, "en")}
    for role, (lines, language) in boilerplate.items():
        assert lines <= SET.debris_of(holder(role))
        assert SET.labels[holder(role)]["languages"] == language
    assert len([lab for lab in SET.labels.values() if ";" in lab["languages"]]) == 4


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    debris, label, sentences = SET.debris_of(name), SET.labels[name], SET.sentences(name)
    gone, stay, languages, evidence = ROLES[role][1:]
    assert (gone - debris, stay & debris, stay - set(SET.lines[name])) == (set(), set(), set())
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(sentences) >= 3 and debris.isdisjoint(sentences)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /CreationDate year and /Title as the README states; a re-exported file's
    creation year is two or more years after its labelled date and named in its evidence."""
    pages, year, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert (info.get("/CreationDate") or "D:")[2:6] == (year or "")
    assert info.get("/Title") == title
    label = SET.labels[name]
    if year and int(year) >= int(label["year"]) + 2:
        assert "/CreationDate " + year in label["year_evidence"]
    elif year:
        assert year == label["year"]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_browser_printed_pdf(name):
    """Chromium's stamp (date, time and the page's <title>) heads the page and the address with
    "1/1" closes it, both debris; the file's own dates are the day printed, not the label."""
    lines, debris = SET.lines[name], SET.debris_of(name)
    stamp = [line for line in lines if CHROME_STAMP.match(line)]
    assert len(stamp) == 1 and stamp[0].endswith(PRINTED[name]) and stamp[0] in debris
    assert lines[-1].endswith(" 1/1") and "le:///" in lines[-1] and lines[-1] in debris
    info = PdfReader(SET.folder / name).metadata
    assert info["/CreationDate"][2:6] != SET.labels[name]["year"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states (an organisation or role, never python-docx); the
    header and footer lines are debris, the field rows of the table too."""
    author, by, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, by)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert props.created.year == int(SET.labels[name]["year"])
    lines = SET.lines[name]
    assert {lines[0], lines[-1]} <= SET.debris_of(name)
    assert len([line for line in lines if " | " in line and line in SET.debris_of(name)]) == 3


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_single_file_page(name):
    """Blink's headers, the page's <title> as Subject, a quoted-printable HTML part first and
    at least one stylesheet or image part after it."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>\n" in data
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message.get_content_type() == "multipart/related" and message["Date"]
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert Counter(p.get_content_maintype() for p in parts[1:]) & Counter({"text": 1, "image": 1})
    page = fs.BeautifulSoup(fs.mhtml_page((SET.folder / name).read_bytes()), "html.parser")
    assert page.title.get_text() == message["Subject"] and message["Subject"] in SET.debris_of(name)
