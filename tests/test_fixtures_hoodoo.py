"""Checks of the hoodoo fixture set (tests/fixtures/exported/hoodoo), written blind.

Brief: income-related reductions of municipal fees going digital (redusert foreldrebetaling and
gratis kjernetid, fripladstilskud, maxtaxa, council tax reduction): automatic income checks
against tax registers, online applications, families who fall outside. 32 documents in six
formats: saved pages (.html), pages saved by Chrome as one file (.mhtml), PDFs made by a word
processor and two printed by the browser, Word files, text copies and Markdown pages.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and one programme that is a table (not glued), so size_check, glued_check and
bilingual_check do not fit; the counts are checked here instead.
"""

import datetime as dt
import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "hoodoo")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time"}

GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|newsletter|tender notice|slide deck|minutes|call for "
             r"proposals|written question|press release",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report|project page",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
NAMED = {"consultation response": 2, "clock times glued to talk titles": 3, "as a pdf": 6,
         "as a word file": 4, "saved by chrome as one file": 2, "printed to pdf by the browser": 2,
         "copied": 4, "saved as markdown": 2, "journal abstract": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence)
ROLES = {
    "service": ("municipal service page on reduced kindergarten fees",
                {"Hopp til hovedinnhold", "Tillat alle", "Start chat", "Sentralbord: 51 00 00 00"},
                {"Slik søker du", "Åpningstider", "Logg inn i foreldreportalen med BankID."},
                "nb", "no year: no 19xx"),
    "council": ("council service page on applying for council tax reduction",
                {"Sign in", "Password", "Accept additional cookies"},
                {"How to apply", "Tell us who lives with you."}, "en", "no year: no 19xx"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar",
                                                "Publiceret 14. maj 2024"},
             {"Kommentarer"}, "da", "2024"),
    "catalogue": ("research project's catalogue page", {"Prosjektperiode", "2025–2028", "300000",
                                                        "Ingen publikasjonar funne"},
                  {"Om prosjektet", "Summary in English"}, "nn;en", "no year: only"),
    "paper": ("working paper of the research project", {"KJERNETID-DIGI Working Paper 0/2025"},
              {"Introduction", "Findings"}, "en", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024 | 3", "Tabell 1. Andel digitale søknader i kommunene",
                    "Kommune A 92 %"}, {"English summary", "Sammendrag", "Innhold"}, "nb;en",
                   "2024"),
    "strategy": ("municipal strategy with a horizon year mot 2030 as a pdf",
                 {"Side 2 av 4", "Oppvekststrategi mot 2030"}, {"Innhald", "2 Mål"}, "nn", "2025"),
    "letter": ("consultation response letter", {"Dnr KS0000/0000 | Sida 2 av 2",
                                                "Vår beteckning: Dnr KS0000/0000",
                                                "Växel: 08-000 000 00"},
               {"Till Utbildningsdepartementet", "För Täby kommun"}, "sv", "2023"),
    "slides": ("slide deck", {"Temadag om friplads | Dias 2"},
               {"Baggrund", "Ingen ansøgning for de fleste"}, "da", "no year: no 19xx"),
    "annual": ("annual report excerpt",
               {"Side 3", "Årsberetning 2021 | Børne- og Ungeforvaltningen"},
               {"Indhold"}, "da", "2021"),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Saksnr. | Sak 000/24"},
                {"Vedtak", "Rett utskrift bekreftes."}, "nb", "2024"),
    "table programme": ("seminar programme as a word file with a table of times",
                        {"Torsdag 15 maj 2025"}, {"Tid | Punkt", "09.00 | Välkommen"}, "sv",
                        "2025"),
    "newsletter": ("newsletter e-mail pasted",
                   {"Meld deg av", "Emne: Ukens nyheter fra barnehagefeltet"},
                   {"Flere får redusert pris uten å søke"}, "nb", "2024"),
    "tender": ("tender notice with catalogue fields", {"Sista anbudsdag", "2026-01-30"},
               {"Beskrivning"}, "sv", "no year: only"),
    "call": ("call for proposals", {"Deadline: 31 January 2027"}, set(), "en", "no year: only"),
    "question": ("parliamentary written question", {"Spørgsmål nr. 000"},
                 {"Spørgsmål", "Svar"}, "da", "2022"),
    "thesis": ("thesis record", {"Författare:", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2022"),
    "poster": ("conference poster", {"Contact: [email protected]"}, {"Background", "Results"},
               "en", "2024"),
}

# PDFs: pages, /Title (None: absent), year of /CreationDate (None: absent).
PDFS = {
    "p01_evaluering_redusert_foreldrebetaling_nb_en.pdf":
        (5, "Evaluering av redusert foreldrebetaling", 2024),
    "p02_working_paper_kjernetid_en.pdf":
        (3, "Microsoft Word - wp_kjernetid_v7_endelig.docx", 2025),
    "p03_strategi_gratis_kjernetid_mot_2030_nn.pdf": (4, "Digital oppvekst mot 2030", 2025),
    "p04_foredrag_friplads_slides_da.pdf": (3, "PowerPoint Presentation", None),
    "p05_remissvar_maxtaxa_sv.pdf": (2, "Untitled", 2023),
    "p06_aarsberetning_uddrag_da.pdf": (4, None, 2024),
    "p07_poster_afterschool_fees_en.pdf": (1, None, None),
}
PRINTED = ["w01_sfo_for_alle_pressemelding_nb.pdf", "w02_fup_frokostseminar_program_nb.pdf"]
# Word files: author, year created, year modified.
WORD = {
    "d01_styremote_referat_nb.docx": ("Politisk sekretariat", 2024, 2024),
    "d02_seminarium_program_tabell_sv.docx": ("Förskoleförvaltningen", 2025, 2025),
    "d03_call_for_proposals_en.docx": ("Commissioning team", 2024, 2024),
    "d04_skriftligt_spoergsmaal_da.docx": ("Ministeriets sekretariat", 2019, 2022),
}
IDS = {
    "phone": r"(?:Phone|Sentralbord|Växel): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "ISSN": r"ISSN (?P<id>[\d-]+)", "DOI": r"10\.0000/[a-z]+\.(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20",
    "case number": r"(?:Sak |Dnr KS)(?P<id>\d+)", "postal box": r"Box (?P<id>\d+)",
    "project number": r"^(?P<id>\d{6})$",
}
FORMS = {"phone": r"0\d0[0 -]+|\d\d [0 ]+|0\d-[0 ]+|046-[0 ]+",
         "organisation number": r"9[0 ]+|[0 ]+",
         "project number": r"30{5}"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_document(name):
    """fixturesets' rules for one file: labels, placement, saved-page head, the type its
    genre names, later prose years named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README tables; 32 documents by format and type as the brief asks; languages;
    genres named; year situations; consultation responses typed policy_document; one holder
    for each role."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    labels = SET.labels
    assert len(labels) == 32
    assert SET.by_column["format"] == Counter(html=9, mhtml=2, pdf=9, docx=4, txt=6, md=2)
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert all(tags[code] >= 3 for code in fs.LANGUAGES), tags
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_identifiers_contents():
    """Four programmes glue clock times to titles (four kept lines or more, none debris), the
    table programme does not; identifiers zero-filled; eleven dot-leader contents
    lines, all debris; the saved pages carry field lists."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    programmes = sorted(n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme")
    assert glued == [n for n in programmes if not n.endswith(".docx")] and len(glued) == 4
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 11)
    assert SET.field_pages() == 0 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label = SET.debris_of(name), SET.labels[name]
    missing = {line for line in gone if line not in debris}
    lost = {line for line in stay if line in debris or line not in SET.lines[name]}
    assert (missing, lost) == (set(), set()), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count and metadata as the README states; running feet on every page; the
    re-exported report's /CreationDate two years or more after its labelled year, named in
    its evidence; the others' in the labelled year."""
    reader = PdfReader(fs.SETS / "hoodoo" / name)
    pages, title, created = PDFS[name]
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    year = int(info["/CreationDate"][2:6]) if "/CreationDate" in info else None
    assert year == created
    label = SET.labels[name]
    if year and label["year"] and year - int(label["year"]) >= 2:
        assert "/CreationDate" in label["year_evidence"] and str(year) in label["year_evidence"]
    elif year:
        assert str(year) == label["year"]
    if pages > 1:
        feet = [page.extract_text().strip().splitlines()[-1].strip() for page in reader.pages]
        assert all(foot in SET.debris_of(name) for foot in feet), feet


@pytest.mark.parametrize("name", PRINTED)
def test_printed_pdf(name):
    """Chromium's stamps are kept as printed and are debris; its /CreationDate is the day
    of printing, later than the labelled year of the page."""
    reader = PdfReader(fs.SETS / "hoodoo" / name)
    info = reader.metadata
    assert "HeadlessChrome" in info["/Creator"] and info["/Title"] != SET.labels[name]["title"]
    assert int(info["/CreationDate"][2:6]) > int(SET.labels[name]["year"])
    stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d+, \d+:\d\d [AP]M", line)
              or "le:///" in line]
    pages = len(reader.pages)
    assert len(stamps) == 2 * pages and set(stamps) <= SET.debris_of(name)
    assert all(f" {n}/{pages}" in " ".join(stamps) for n in range(1, pages + 1))


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states: an organisation or role as author, no
    python-docx trace; created and modified years; the header and footer lines are debris."""
    document = docx.Document(str(fs.SETS / "hoodoo" / name))
    props = document.core_properties
    author, created, modified = WORD[name]
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert "python-docx" not in " ".join(map(str, (props.comments, props.title, props.subject)))
    assert (props.created.year, props.modified.year) == (created, modified)
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and all(line in SET.debris_of(name) for line in furniture)
    if created != int(SET.labels[name]["year"] or 0):
        assert str(created) not in SET.labels[name]["year_evidence"][:4]


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers, a quoted-printable HTML part, a
    stylesheet and an image part; its Subject (the <title>) is debris, and its save date is
    not the labelled year unless the page shows it."""
    data = (fs.SETS / "hoodoo" / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>" in data and message["Snapshot-Content-Location"]
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert message["Subject"] in SET.debris_of(name)
    saved = email.utils.parsedate_to_datetime(message["Date"])
    assert isinstance(saved, dt.datetime) and saved.year == 2025
