"""Checks of the felsen fixture set (tests/fixtures/exported/felsen), written blind.

Brief: outreach and follow-up services for young people outside work and education going
digital (ungdomsgaranti, oppfølgingstjenesten, Ungdomens Hus, the municipal activity
responsibility KAA, youth guarantee schemes): chat and social-media outreach, digital activity
plans, apps for young people and their caseworkers. 32 documents in real formats: saved HTML
pages, pages saved by Chrome as one .mhtml file, pages printed to PDF by the browser, PDF files
made by a word processor, Word files, text copies and Markdown pages. English, Bokmål, Nynorsk,
Danish and Swedish, each alone three times or more, and six bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), to the brief's mix, and to what the
README says of the binary files (page counts, PDF metadata, Word core properties).
"""

import email
import re
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "felsen")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|municipality's page|news item|tender notice|call for proposals|"
             r"youth centre page|press release|written question|slide deck|minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"news item with reader comments": 1, "journal abstract": 2, "conference abstract": 1,
         "thesis record": 1, "catalogue page": 1, "working paper": 1, "seminar programme": 2,
         "clock times glued to talk titles": 3, "consultation response": 3,
         "strategy with a horizon year": 1, "annual report": 1, "minutes": 1,
         "written question": 1, "press release": 1, "newsletter e-mail": 1,
         "call for proposals": 1, "tender notice": 1, "poster": 1, "slide deck": 1,
         "book-of-abstracts": 1, "evaluation report with an english summary": 1,
         "printed to pdf by the browser": 2, "saved by chrome as one .mhtml file": 2,
         "made by a word processor": 6, "as a word file": 4, "copied": 4,
         "saved as markdown": 2, "pasted": 2}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence).
ROLES = {
    "service": ("county's follow-up service page",
                {"Hopp til hovedinnhold", "Godta alle", "Logg inn med BankID", "Start chat",
                 "Sentralbord: 74 00 00 00", "Sist oppdatert 11.02.2025"},
                {"Slik starter du en samtale", "Åpningstider",
                 "Trykk på chatboblen nederst til høyre på siden."}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Les også", "Publisert 08.10.2024 06:00"},
             {"Kommentarer"}, "nb", "2024"),
    "bilingual abstract": ("journal abstract in two languages",
                           {"Last ned PDF", "DOI: https://doi.org/10.0000/tfu.0000",
                            "Fagfellevurdert artikkel"}, {"Sammendrag", "Abstract"}, "nb;en",
                           "2023"),
    "thesis": ("master's thesis record", {"Author", "Date of award", "2024", "Download (PDF)"},
               {"Abstract", "Samandrag"}, "en;nn", "2024"),
    "catalogue": ("research project's catalogue page",
                  {"Projektperiode", "2024–2027", "Projektnummer", "Tilbage til projektoversigten"},
                  {"Om projektet", "Summary in English"}, "da;en", "no year: only"),
    "tender": ("tender notice", {"Tilbudsfrist", "12. januar 2026 kl. 12.00", "CPV-kode"},
               {"Udbudsmateriale"}, "da", "2025"),
    "call": ("call for proposals", {"Søknadsfrist: 1. mars 2027 kl. 13.00", "Søk her"},
             {"Hvem kan søke?", "Prosjektperiode"}, "nb", "no year: only"),
    "youth centre": ("youth centre page", {"Acceptera", "Telefon: 08-000 000 00"},
                     {"Öppettider", "Måndag–torsdag 15.00–21.00"}, "sv", "no year: only"),
    "press release": ("press release", {"Pressemelding", "Publisert 04.04.2024"},
                      {"For meir informasjon"}, "nn", "2024"),
    "written question": ("parliamentary written question",
                         {"Answered on: 18 March 2024", "Question reference: AQW 0000/22-27"},
                         {"Question", "Answer"}, "en", "2024"),
    "book of abstracts": ("book-of-abstracts page",
                          {"Next abstract", "Keywords: youth guarantee, counselling, apps, NEET"},
                          set(), "en", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024 | 3", "Juni 2024",
                    "¹ Spørreundersøkelsen ble besvart av 81 av 97 rådgivere."},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2024"),
    "working paper": ("working paper", {"UNGDIGI Working Paper 0/2025", "August 2025"},
                      {"Summary", "References"}, "en", "2025"),
    "strategy": ("strategy with a horizon year",
                 {"Alle unge med – side 3 av 5",
                  "Vedteken i kommunestyret 14. desember 2023, sak 000/23"},
                 {"Innhald", "Strategi for ungdom utanfor skule og arbeid mot 2030"}, "nn",
                 "2023"),
    "slides": ("slide deck", {"Ungdomskonferensen i Väst 2024 | 4"},
               {"Varför digitalt?", "Tack!"}, "sv", "2024"),
    "letter": ("consultation response as a two-page letter",
               {"Side 2 av 2", "Deres ref.: 24/0000 | Vår ref.: 2024/000 | Dato: 20.09.2024"},
               {"Med vennlig hilsen", "Marte Dahl (oppdiktet)",
                "Arbeids- og inkluderingsdepartementet"}, "nb", "2024"),
    "poster": ("conference poster",
               {"Poster presented at the Youth Transitions Symposium, Belfast, June 2025"},
               {"Background", "Methods", "Results", "Conclusion"}, "en", "2025"),
    "annual report": ("annual report excerpt",
                      {"Februari 2025", "Upplands-Bro kommun | Verksamhetsberättelse 2024 | 3"},
                      {"Tabell 1. Unga i aktivitetsansvaret"}, "sv", "2025"),
    "minutes": ("council minutes",
                {"Møtedato | 12.03.2024", "Lauvdal kommune", "Rett utskrift: Politisk sekretariat"},
                {"Vedtak:"}, "nn", "2024"),
    "word programme": ("seminar programme as a word file",
                       {"Tirsdag 15. september 2020 | Digitalt på Teams"},
                       {"Program", "09.00 | Velkommen og innledning"}, "nb", "2020"),
    "newsletter": ("newsletter e-mail", {"Se nyhedsbrevet i din browser", "Afmeld nyhedsbrev"},
                   {"Ny vejledning om beskeder til elever"}, "da", "no year: no 19xx"),
}

# The PDFs as the README states them: pages, the year of /CreationDate (None: no dates at
# all) and /Title (None: absent).
PDFS = {
    "p01_niassembly_written_question_neet_digital_printed_en.pdf":
        (1, "2026", "Written Question AQW 0000/22-27 | Northern Ireland Assembly"),
    "p02_esa_book_of_abstracts_counselling_app_printed_en.pdf":
        (1, "2026", "Book of Abstracts – RN30 Youth and Generation"),
    "w01_analysehuset_midt_evaluering_aktivitetsplan_nb_en.pdf":
        (7, "2024", "Evaluering av den digitale aktivitetsplanen i oppfølgingstjenesten"),
    "w02_ungdigi_working_paper_first_findings_en.pdf":
        (6, "2025", "Microsoft Word - wp_ungdigi_v7_endelig.docx"),
    "w03_lauvdal_strategi_alle_unge_med_mot_2030_nn.pdf": (5, "2025", None),
    "w04_uddevalla_presentation_digitalt_uppsokande_kaa_sv.pdf":
        (6, None, "PowerPoint Presentation"),
    "w05_unge_utenfor_horingssvar_ungdomsgarantien_nb.pdf": (2, "2024", None),
    "w06_ulster_poster_counselling_app_neet_en.pdf": (1, None, "Untitled"),
    "w07_upplands_bro_verksamhetsberattelse_kaa_sv.pdf":
        (4, "2025", "Verksamhetsberättelse 2024 KAA"),
}
# Running feet a page at a time: the PDF, and the foot of page n.
FEET = {"w01_analysehuset_midt_evaluering_aktivitetsplan_nb_en.pdf": "Rapport 0/2024 | {n}",
        "w03_lauvdal_strategi_alle_unge_med_mot_2030_nn.pdf": "Alle unge med – side {n} av 5",
        "w04_uddevalla_presentation_digitalt_uppsokande_kaa_sv.pdf":
            "Ungdomskonferensen i Väst 2024 | {n}",
        "w05_unge_utenfor_horingssvar_ungdomsgarantien_nb.pdf": "Side {n} av 2",
        "w07_upplands_bro_verksamhetsberattelse_kaa_sv.pdf":
            "Upplands-Bro kommun | Verksamhetsberättelse 2024 | {n}"}
# Word files: core properties (author, last modified by, title, created year, modified year).
WORD = {
    "d01_lauvdal_moteprotokoll_oppvekst_nn.docx":
        ("Lauvdal kommune", "Politisk sekretariat", "Møteprotokoll", 2024, 2024),
    "d02_kompetanse_norge_fagdag_program_nb.docx": ("Kompetanse Norge", "Rådgiver", "", 2020, 2020),
    "d03_tarnby_slutrapport_digital_vejledning_da.docx":
        ("Ungeindsatsen", "Projektleder", "Slutrapport", 2021, 2023),
    "d04_tyreso_remissvar_aktivitetsansvar_sv.docx":
        ("Kommunstyrelsens förvaltning", "Handläggare", "", 2025, 2025),
}

IDENTIFIERS = {
    "phone": r"(?:Sentralbord|Telefon|telefon|Växel|Contact us)[: ]+(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)", "ISSN": r"ISSN (?P<id>[\d-]+)",
    "DOI": r"10\.0000/[a-z.]+(?P<id>\d+)",
    "case number": r"(?:Sagsnr\. 2024-|[Ss]ak |Arkivsak \| 24/|Diarienummer KS 2025/|"
                   r"Dnr U2025/|Deres ref\.: 24/|Vår ref\.: 2024/)(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d", "working paper": r"Working Paper (?P<id>\d+)/",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)", "question": r"AQW (?P<id>\d+)/",
    "SOU": r"SOU 2025:(?P<id>\d+)", "record": r"cronfa(?P<id>\d+)",
    "street": r"(?:Esplanaden|Scherfigsvej|Rådhusvegen) (?P<id>\d+)",
    "project number": r"^(?P<id>\d{5})$", "tender": r"^(?P<id>\d{4}-\d{4})$",
}
FORMS = {"phone": r"[1-9]\d(?: 00){3}|00(?: 00){3}|08-000 000 00|028 0000 0000",
         "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{5,}\s*\d+$")
PRINT_HEAD = re.compile(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M .+")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, the saved page's head and fields),
    the type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five
    types four times or more; each language alone three times or more and four bilingual
    documents or more; the genres named; the year situations; the consultation responses
    typed policy_document; each role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags = SET.by_column["languages (label)"]
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4, tags
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(3)


def test_programmes_identifiers_and_contents():
    """The copied and Markdown programmes glue times to titles in four kept lines or more and
    are the only documents that do; the Word programme keeps its table rows; every kind of
    identifier occurs, zero-filled; dot-leader contents lines in four PDFs, all debris."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    programmes = sorted(n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme")
    assert glued == [n for n in programmes if not n.endswith(".docx")] and len(glued) == 3
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    table = {line for line in kept_lines(holder("word programme"))
             if re.match(r"\d\d\.\d\d \| ", line)}
    assert len(table) == 6
    SET.identifiers_check(IDENTIFIERS, FORMS)
    SET.contents_check(DOT_LEADER, 15)
    leaders = {n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}
    assert len(leaders) == 4 and all(n.endswith(".pdf") for n in leaders)
    assert SET.kept_markdown_fields() == [] and SET.field_pages() == 3


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role's document: its named furniture is listed as debris, its named headings or
    lines are kept, its languages label and the start of its year evidence are as the brief
    has them, and none of its (three or more) prose sentences is debris."""
    opening, furniture, headings, tag, evidence_start = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label = SET.debris_of(name), SET.labels[name]
    missing = sorted(line for line in furniture if line not in debris)
    lost = sorted(line for line in headings if line in debris or line not in SET.lines[name])
    assert (missing, lost) == ([], []), name
    assert (label["languages"], label["year_evidence"][:len(evidence_start)]) == \
        (tag, evidence_start)
    sentences = SET.sentences(name)
    assert len(sentences) >= 3 and not any(s in debris for s in sentences)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states them; the re-exported strategy's
    /CreationDate two years or more after its labelled year, named in its evidence; the
    browser's prints keep Chromium's own metadata, print head and address foot (debris);
    running feet on every page where the README says so."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = dict(reader.metadata or {}), SET.labels[name]
    assert len(reader.pages) == pages
    if created is None:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert meta["/CreationDate"][2:6] == created
    assert meta.get("/Title") == title
    if name.startswith("p"):
        assert "HeadlessChrome" in meta["/Creator"] and created > label["year"]
        lines = SET.lines[name]
        ends = [line for line in lines if PRINT_HEAD.fullmatch(line) or line.endswith(" 1/1")]
        assert len(ends) == 2 and set(ends) <= SET.debris_of(name)
    elif created and int(created) >= int(label["year"]) + 2:
        assert name.startswith("w03") and "/CreationDate" in label["year_evidence"]
    elif created:
        assert created == label["year"]
    if name in FEET:
        for n, page in enumerate(reader.pages, 1):
            foot = FEET[name].format(n=n)
            assert foot in page.extract_text().splitlines() and foot in SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties as the README states them: an organisation or role, never python-docx;
    created and modified years (one file created years before its date)."""
    import docx

    core = docx.Document(str(SET.folder / name)).core_properties
    author, by, title, created, modified = WORD[name]
    assert (core.author, core.last_modified_by, core.title) == (author, by, title)
    assert (core.created.year, core.modified.year) == (created, modified)
    assert "python-docx" not in (core.author + core.last_modified_by + core.comments)
    assert str(modified) == SET.labels[name]["year"]


def test_brief_details():
    """The news item's two signed comments go and its quotation stays; the minutes' heading
    table rows go; the letter is two pages with its signature kept; the .mhtml files are
    MIME messages as Blink writes them, with a quoted-printable HTML part and a second part."""
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(comments) == 2 and comments <= SET.debris_of(news)
    assert any(line.startswith("– ") for line in kept_lines(news))
    minutes = holder("minutes")
    rows = {line for line in SET.lines[minutes] if " | " in line}
    assert len(rows) == 5 and rows <= SET.debris_of(minutes)
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
        message = email.message_from_bytes(data, policy=policy.default)
        assert message["Subject"] in SET.debris_of(name) and message["Date"]
        parts = [p for p in message.walk() if not p.is_multipart()]
        assert parts[0].get_content_type() == "text/html"
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
