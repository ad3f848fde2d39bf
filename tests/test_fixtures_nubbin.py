"""Checks of the nubbin fixture set (tests/fixtures/exported/nubbin), written blind.

Brief: psychosocial crisis support and emergency social services after disasters and serious
accidents going digital (kommunale kriseteam, psykososial beredskap, krisestøtte, digital crisis
information, helplines and chat, follow-up of bereaved and survivors). 32 documents in real
binary formats as well as text: saved HTML pages, pages Chrome saved as one .mhtml file, pages
printed to PDF by Chromium, PDF files made by a word processor (LibreOffice from Word files),
Word .docx files, text copies and Markdown saves.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief's counts (the set is
smaller than the 36 to 40 that size_check assumes, so the counts are checked here), its roles
and the metadata of its binary files.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "nubbin")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"helpline service page|municipality's page|news item|call for proposals|"
             r"tender notice|agency information page|press release|newsletter|slide deck|"
             r"minutes|blog post",
    "policy_document": r"consultation response|strategy|guidance|crisis support plan",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "made by a word processor": 7, "as a word file": 4,
         "printed to pdf": 2, "saved by chrome as one file": 2, "saved as markdown": 2,
         "clock times glued to talk titles": 3, "contents with dot leaders": 3}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "helpline": ("helpline service page",
                 {"Hopp til hovedinnhold", "Tillat alle", "Start chat", "Ring 22 00 00 00",
                  "Chat: mandag–søndag 18.00–23.00"},
                 {"Slik starter du en samtale", "Åpningstider"}, "nb", "no year: no 19xx"),
    "municipal": ("municipality's page on crisis support after accidents",
                  {"Gå til indhold", "Accepter", "Opdateret 3. februar 2025", "CVR 00 00 00 00"},
                  {"Sådan får du hjælp", "Log ind med MitID på selvbetjeningen."}, "da", "2025"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Läs också"}, {"Kommentarer"}, "sv", "2024"),
    "journal": ("journal abstract in two languages", {"Fagartikkel", "Last ned PDF"},
                {"Sammendrag", "Abstract"}, "nb;en", "2023"),
    "thesis": ("thesis record", {"Utgivningsdatum", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2022"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Ingen publikasjoner registrert"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "paper": ("working paper", {"KRISEDIGI Working Paper 0/2025", "Working paper, May 2025"},
              {"Summary", "1 Background"}, "en", "2025"),
    "seminar": ("seminar programme with clock", {"Dato", "Torsdag 23. oktober 2025", "Meld deg på"},
                {"Program"}, "nn", "2025"),
    "letter": ("consultation response as a two-page letter",
               {"J.nr. 2024-0000", "Side 1 af 2", "København, 4. marts 2024"},
               {"Med venlig hilsen", "Formand"}, "da", "2024"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Side 1 av 4", "Vedteken i kommunestyret 20. juni 2023, sak 000/23"},
                 {"Innhald", "2 Mål"}, "nn", "2023"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024", "Mars 2024", "Rapport 0/2024 | 3"},
                   {"Sammendrag", "English summary"}, "nb;en", "2024"),
    "slides": ("slide deck", {"Krisstödsdagarna 2024 · Örebro | 2"}, {"Lärdomar", "Tack!"}, "sv",
               "2024"),
    "minutes": ("council or board minutes", {"Møtedato | 12.03.2024", "Internt referat"},
                {"Sak 1: Erfaringar med chat"}, "nn", "2024"),
    "programme table": ("seminar programme as a word file", {"Datum | Torsdag 13 mars 2025"},
                        {"08.00 | Välkommen", "Program"}, "sv", "2025"),
    "press": ("press release", {"PRESSEMELDING", "14.01.2025"}, set(), "nb", "2025"),
    "call": ("call for proposals", {"Søknadsfrist", "15. mars 2027"}, {"Hvem kan søke?"}, "nb",
             "no year: only"),
    "tender": ("tender notice", {"CPV-kode", "Udbudsnummer", "2025/S 000-0000000"}, set(), "da",
               "2025"),
    "newsletter": ("newsletter e-mail", {"Unsubscribe", "View this e-mail in your browser"},
                   {"Chat after disasters"}, "en", "2025"),
    "poster": ("conference poster", {"Figure 1: Share of chats by hour of the day"},
               {"Background", "Results"}, "en", "2025"),
    "book of abstracts": ("conference abstract from a book-of-abstracts page",
                          {"3B-2 Videosamtaler med unge efterladte", "34"}, {"Abstract"},
                          "da;en", "2024"),
}

# The binaries as the README states them: PDF pages, /CreationDate year (None: no dates),
# /Title (None: absent); Word files' core-property created year and title ("" when none).
PDFS = {
    "c01_fjellvik_kommune_kriseteam_side_utskrift_nn.pdf": (1, "printed", None),
    "c02_ejpt_abstract_video_follow_up_bereaved_utskrift_en.pdf": (1, "printed", None),
    "p01_fjordvik_evaluering_digital_krisestotte_rapport_pdf_nb_en.pdf":
        (5, "2024", "Microsoft Word - rapport_v7_endelig.docx"),
    "p02_krisedigi_working_paper_early_findings_pdf_en.pdf":
        (3, "2025", "Who opens the follow-up plan? Early findings from KRISEDIGI"),
    "p03_fjellvik_strategi_psykososial_beredskap_mot_2030_pdf_nn.pdf": (4, "2026", None),
    "p04_dansk_psykolog_forening_hoeringssvar_krisestoette_pdf_da.pdf": (2, None, None),
    "p05_krisstodsdagarna_bildspel_digitalt_krisstod_pdf_sv.pdf":
        (4, "2024", "PowerPoint Presentation"),
    "p06_krisehjaelpen_vejledning_psykosocial_foerstehjaelp_pdf_da.pdf":
        (4, None, "Vejledning om psykosocial førstehjælp og digital opfølgning"),
    "p07_nordic_crisis_support_poster_night_chat_pdf_en.pdf": (1, "2025", "Untitled"),
}
WORD = {
    "w01_sveriges_psykologforbund_frukostseminarium_program_sv.docx":
        (2025, "Program frukostseminarium"),
    "w02_kriseforum_vest_horingssvar_digital_kriseinformasjon_nb.docx": (2024, ""),
    "w03_municipal_psychosocial_crisis_support_plan_en.docx": (2019, "Crisis support plan"),
    "w04_fjellvik_kriseteam_motereferat_nn.docx": (2024, "Referat kriseteam"),
}
CHROME_STAMP = re.compile(r"\d+/\d+/\d\d, \d+:\d\d [AP]M .*|(?:ﬁ|fi)le:///.* \d+/\d+")


# each role's document, found once by the opening of its notes
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document (labels, placement, saved page's head and fields), the
    type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats, types, languages and
    year situations of the brief; genres named; consultation responses are policy documents."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert counts["format"] == Counter(html=9, mhtml=2, pdf=9, docx=4, txt=6, md=2)
    chrome = [n for n in labels if n.startswith("c")]
    assert len(chrome) == 2 and all(n.endswith(".pdf") for n in chrome)
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, _, _ = fs.language_counts(labels)
    assert all(tags[code] >= 3 for code in fs.LANGUAGES), tags
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(3)
    # the three copied or saved programmes glue times to titles (four kept lines or more); the
    # Word programme keeps its times in table cells, so glued_check (all programmes) is not used
    glued = fs.year_traps(labels, SET.prose, SET.lines)["glued"]
    programmes = [n for n, lab in labels.items() if lab["doc_type"] == "event_programme"]
    assert sorted(glued) == sorted(n for n in programmes if not n.endswith(".docx"))
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    assert len(set(HOLDERS.values())) == len(ROLES)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and the opening of its
    year evidence are the expected ones, and three or more prose sentences survive."""
    name, (_, gone, stay, languages, evidence) = HOLDERS[role], ROLES[role]
    debris = SET.debris_of(name)
    assert gone <= debris, gone - debris
    assert stay <= set(SET.lines[name]) and not stay & debris, stay
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; a page-number line on every page of the
    word-processor PDFs (the poster has one page and a session foot); Chromium's stamp of
    printing time, title and address are debris and the labelled year is not the print year."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title or created == "printed"
    debris = SET.debris_of(name)
    if created == "printed":
        assert info["/Producer"].startswith("Skia/PDF")
        stamps = {line for line in SET.lines[name] if CHROME_STAMP.fullmatch(line)}
        assert len(stamps) == 2 * pages and stamps <= debris
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
        return
    assert info.get("/CreationDate", "D:")[2:6] == (created or "")
    assert ("/ModDate" in info) == bool(created)
    if created and created != SET.labels[name]["year"]:
        assert int(created) - int(SET.labels[name]["year"]) >= 2
        assert "/CreationDate" in SET.labels[name]["year_evidence"]
    for page in reader.pages:
        last = [line.strip() for line in page.extract_text().split("\n") if line.strip()][-1]
        assert last in debris, (name, last)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: created year and title as stated, author and last editor not the
    library's default, header and footer lines debris."""
    year, title = WORD[name]
    document = docx.Document(str(SET.folder / name))
    props = document.core_properties
    assert props.created.year == year and props.title == title
    assert "python-docx" not in (props.author, props.last_modified_by) and props.author
    furniture = [p.text for s in document.sections for p in (*s.header.paragraphs,
                                                            *s.footer.paragraphs) if p.text]
    assert furniture and set(furniture) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """Blink's headers, the page's <title> as Subject, a quoted-printable HTML part and at least
    one stylesheet or image part."""
    data = (SET.folder / name).read_bytes()
    assert email.message_from_bytes(data)["From"] == "<Saved by Blink>"
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message["Subject"] in SET.debris_of(name) and message["Date"]
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert {p.get_content_type() for p in parts[1:]} & {"text/css", "image/png"}
