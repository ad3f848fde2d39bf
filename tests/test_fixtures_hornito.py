"""Checks of the hornito fixture set (tests/fixtures/exported/hornito), written blind.

Brief: debt advice and financial counselling going digital (økonomisk rådgivning and
gjeldsrådgivning at welfare offices and on chat, Gjeldsregisteret, Danish gældsrådgivning, Swedish
budget- och skuldrådgivning, UK moratoria and online debt solutions). 32 documents leaning to the
web: 16 pages saved as HTML, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF
by Chromium, 4 PDFs made by a word processor, 2 Word files, 4 text copies and a Markdown page.
The set is smaller than the 36 to 40 that ``fixturesets.size_check`` and ``trap_check`` assume, and
only two of its programmes glue clock times to titles, so sizes and traps are counted here.

The import is never run here: the labels, debris and prose are held to the shared conventions
of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import datetime as dt
import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "hornito")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipal (?:service )?page|agency page|news item|blog post|press release|"
             r"call for proposals|tender notice|council minutes|newsletter",
    "policy_document": r"consultation response|agency guidance|strategy|annual report",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 2, "news item": 2, "journal abstract": 1,
         "conference abstract": 3, "thesis record": 1, "catalogue page": 1, "working paper": 1,
         "seminar programme": 4, "clock times glued to talk titles": 2, "strategy \"mot 2030\"": 1,
         "annual report excerpt": 1, "council minutes": 1, "press release": 1,
         "newsletter e-mail": 1, "call for proposals with a future deadline": 1,
         "tender notice": 1, "book-of-abstracts": 1, "evaluation report with an english summary": 1,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "pdf made by a word processor": 4, "as a word file": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "register": ("municipal page on checking your debt in gjeldsregisteret",
                 {"This website uses cookies", "Accept all", "Skip to content",
                  "Sentralbord: 00 00 00 00", "Sist oppdatert 12.03.2024"},
                 {"Slik gjør du det", "Godkjenn innloggingen med BankID."}, "nb", "Sist oppdatert"),
    "webchat": ("agency page on debt advice by webchat",
                {"Start chat", "Chat with an adviser", "Accept analytics cookies"},
                {"Before you start", "Opening hours"}, "en", "no year: no 19xx"),
    "service": ("municipal service page on debt advice",
                {"Logg inn med BankID", "Chatten er åpen mandag–fredag 09.00–14.00",
                 "Hopp til hovedinnhold", "Åpent: 08.00–15.00"},
                {"Slik får du hjelp", "Legg ved oversikten fra Gjeldsregisteret."}, "nb",
                "no year: no 19xx"),
    "swedish": ("municipal page on budget and debt advice",
                {"Lättläst", "Other languages", "Var sidan till hjälp?", "Växel: 0220-00 00 00"},
                {"Så går det till"}, "sv", "no year: only 2016"),
    "portal": ("conference abstract on a university research portal",
               {"Research output: Contribution to conference › Paper › peer-review", "Fingerprint",
                "100%", "Original language", "Cite this"}, {"Abstract"}, "en", "Published"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "2024–2026", "Fair and sustainable economy",
                   "No outputs have been published yet."}, {"About the project"}, "en",
                  "no year: only the project period"),
    "journal": ("journal abstract in two languages",
                {"Visninger: 0000", "Altmetric", "ORCID Icon", "Last ned PDF",
                 "Fagfellevurdert artikkel"}, {"Sammendrag", "Abstract"}, "nb;en", "Publisert"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "NYHETER", "Les også"}, set(), "nb",
             "Publisert"),
    "english news": ("university news item in english",
                     {"Høgskolen i Innlandet", "Personvernerklæring"}, set(), "en", "Published"),
    "call": ("call for proposals with a future deadline",
             {"Deadline", "12 noon, 15 January 2027", "Apply online"}, set(), "en",
             "no year: only the deadline"),
    "tender": ("tender notice", {"CPV-kode", "Tilbudsfrist", "Kunngjøring av konkurranse"},
               {"Kort beskrivelse"}, "nb", "Publisert"),
    "thesis": ("master's thesis record", {"Utgivelsesdato", "Masteroppgave.pdf (0.000Mb)"},
               {"Sammendrag", "Abstract"}, "nb;en", "Utgivelsesdato"),
    "final report": ("project page with a final report",
                     {"Projekt afsluttet", "Projektperiode", "2021–2024", "Gå til indhold"},
                     {"Slutrapport", "Summary in English"}, "da;en", "Opdateret"),
    "seminar": ("seminar programme with clock times glued to talk titles, copied",
                {"Tirsdag 11. mars 2025", "Meld deg på her"}, {"Program"}, "nb", "Tirsdag"),
    "remissvar": ("consultation response pasted from a pdf",
                  {"1 (3)", "Dnr SN 2024/000", "HALLSTAHAMMARS KOMMUN"},
                  {"Sammanfattning", "För socialnämnden", "Finansdepartementet"},
                  "sv", "Datum"),
    "strategy": ("municipal strategy \"mot 2030\"",
                 {"Side 2", "Storevik kommune – Strategi for digital økonomisk rådgjeving"},
                 {"Innhald", "2 Mål mot 2030"}, "nn", "Vedteken"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2022", "Kystforsk – Rapport 00/2022   2"},
                   {"Sammendrag", "English summary",
                    "Tabell 1. Henvendelser og oppmøte ved kontorene"},
                   "nb;en", "Oktober 2022"),
    "minutes": ("council minutes", {"Dato: | 22.01.2025", "Gamvik kommune – Møteprotokoll"},
                {"Vedtak"}, "nb", "Dato"),
}
# Pages whose only other-language text is boilerplate, labelled monolingual.
BOILERPLATE = {"register": "Skip to content", "english news": "Sentralbord: 00 00 00 00"}

# Each PDF: pages, /Title (None: absent), the year of /CreationDate (None: absent, "printed":
# the day Chromium printed it, never the labelled year).
PDFS = {
    "b01_nord_conference_abstract_printed_en.pdf": (2, "Abstract – NCPR Conference", "printed"),
    "b02_rennebu_fagdag_printed_nb.pdf": (2, "Fagdag - Rennebu kommune", "printed"),
    "p01_storevik_strategi_mot_2030_nn.pdf": (4, "Digital økonomisk rådgjeving mot 2030", "2024"),
    "p02_kystforsk_evaluering_chat_nb_en.pdf": (4, "Chat som inngang til økonomisk rådgivning",
                                                "2025"),
    "p03_aib_annual_report_excerpt_en.pdf": (2, None, None),
    "p04_settleon_working_paper_en.pdf": (3, "Microsoft Word - wp_settleon_v3.docx", "2025"),
}
WORD = {
    "d01_beiarn_horingssvar_gjeldsordning_nb.docx": ("Beiarn kommune", "Helse og velferd", 2024),
    "d02_gamvik_formannskap_protokoll_nb.docx": ("Gamvik kommune", "Politisk sekretariat", 2025),
}
CHROMIUM_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M .+")
DOT_LEADER = re.compile(r"\.{10,} \d+$")


# The file holding each role (notes opening with the role's phrase).
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


def holder(role: str) -> str:
    return HOLDERS[role]


def kept_lines(name: str) -> set[str]:
    """Lines of a document left in place by its debris rows (the title, headings, prose)."""
    return set(SET.lines[name]).difference(SET.debris_of(name))


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document (label, placement, a saved page's head and fields), the
    type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks (four bilingual, two of them abstracts); the
    genres are named; year situations and traps; consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    assert set(parts) == fs.LANGUAGES
    assert parts["nb"] >= 13 and parts["en"] >= 11 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] == 2
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and sum(lab["doc_type"] == "abstract" for lab in bilingual) >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    evidence are the expected ones, and three or more prose sentences survive."""
    _, gone, stay, languages, evidence = ROLES[role]
    name = holder(role)
    label, debris, kept = SET.labels[name], SET.debris_of(name), kept_lines(name)
    assert [line for line in sorted(gone) if line not in debris] == []
    assert [line for line in sorted(stay) if line not in kept] == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) in (3, 4)


def test_boilerplate_and_programmes():
    """The two monolingual pages with other-language boilerplate keep it as debris; the copied
    programmes glue clock times to four kept lines or more, and only programmes glue them; the
    comments of the news item are debris; contents lines with dot leaders are debris."""
    for role, line in BOILERPLATE.items():
        name = holder(role)
        assert line in SET.debris_of(name) and ";" not in SET.labels[name]["languages"]
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert len(glued) == 2
    for name in glued:
        assert SET.labels[name]["doc_type"] == "event_programme"
        lines = {line for line in kept_lines(name) if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4, name
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"(?:[a-zæøå0-9]+|\w+_\w+): ", line)}
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    SET.contents_check(DOT_LEADER, 6)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states; Chromium's printed pages carry
    its date stamp and the address with the page count, all debris, and their /CreationDate is
    the day of printing, not the labelled year; the re-exported report's /CreationDate is later
    than its cover and the evidence names the property."""
    pages, title, created = PDFS[name]
    reader = PdfReader(fs.SETS / "hornito" / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    if created is None:
        assert "/CreationDate" not in meta and "no /CreationDate" in label["year_evidence"]
    elif created == "printed":
        assert meta["/CreationDate"][2:6] != label["year"]
        stamps = [line for line in SET.lines[name] if CHROMIUM_STAMP.fullmatch(line)]
        feet = [line for line in SET.lines[name] if re.search(rf"le:///.* \d/{pages}$", line)]
        assert len(stamps) == len(feet) == pages
        assert set(stamps + feet) <= SET.debris_of(name)
    else:
        assert meta["/CreationDate"][2:6] == created
        if created != label["year"]:
            assert int(created) - int(label["year"]) >= 2
            assert "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation as author, a role or office as last
    editor (never python-docx), created and modified in the labelled year; header and footer
    lines and the field rows of a table are debris."""
    author, last, year = WORD[name]
    props = docx.Document(str(fs.SETS / "hornito" / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, last)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.created <= props.modified and props.created > dt.datetime(2000, 1, 1,
                                                                              tzinfo=props.created.tzinfo)
    document = docx.Document(str(fs.SETS / "hornito" / name))
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)
    rows = [line for line in SET.lines[name] if " | " in line]
    assert rows and set(rows) <= SET.debris_of(name)


def test_identifiers_zero_filled():
    """Phone numbers, organisation numbers, postal boxes and case numbers are zero-filled."""
    pattern = re.compile(r"(?:Sentralbord|Telefon|Telephone|Helpline|Växel|Kundeservice): "
                         r"(?P<id>[\d -]+\d)|Org\.nr\. (?P<org>[\d ]+\d)|"
                         r"(?:Postboks|Box) (?P<box>\d+)|CVR (?P<cvr>[\d ]+\d)")
    found = Counter()
    for name, lines in SET.lines.items():
        for line in lines:
            for match in pattern.finditer(line):
                ident = next(v for v in match.groupdict().values() if v)
                digits = re.sub(r"^0220-", "", ident)  # a Swedish area code stays
                digits = re.sub(r"^(0800|0300) ", "", digits)
                found[match.lastgroup] += 1
                assert set(digits) <= set("0 -"), (name, line)
    assert set(found) == {"id", "org", "box", "cvr"}, found
