"""Checks of the arete fixture set (tests/fixtures/exported/arete), written blind.

Brief: booking appointments online in municipal health and care services and what missed
appointments cost (helsestasjon, fysioterapi, legevakt, tandpleje, vårdcentral; digital booking,
SMS reminders, no-show fees). 32 documents in seven formats: saved pages (HTML and Chrome's
single-file .mhtml), pages printed to PDF by the browser, PDF files made by a word processor,
Word files, text copies and Markdown pages. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, then to the binary
files' own properties (PDF pages and metadata, Word core properties, MHTML headers).
"""

import email
import re
from email import policy
from email.utils import parsedate_to_datetime

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "arete")
# The <head> fields whose date must be the labelled year (saved pages and .mhtml parts).
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# The genre that opens a document's notes (text up to " (") names its type by these words.
_GENRE_WORDS = (
    ("other", "service page|news item|call for proposals|press release|newsletter|tender notice"),
    ("policy_document", "strategy|consultation response|annual report|council minutes"),
    ("project_report", "catalogue page|evaluation report|working paper|final report|project page"),
    ("abstract", "abstract|thesis record|slide deck|poster"),
    ("event_programme", "programme"),
)
GENRE_TYPES = {kind: re.compile(words) for kind, words in _GENRE_WORDS}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"as a pdf": 6, "exported to pdf": 1, "printed to pdf by the browser": 2,
         "as a word file": 4, "saved as one file (.mhtml)": 2, "saved as markdown": 2,
         "consultation response": 2, "journal abstract": 2, "seminar programme": 5}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "service": ("municipal service page on booking the child health centre",
                {"Hopp til hovedinnhold", "Godta alle", "Start chat", "Logg inn med ID-porten",
                 "Mandag–fredag 08.00–15.30", "Sentralbord: 51 00 00 00"},
                {"Slik bestiller du", "Logg inn med BankID eller MinID.", "Åpningstider"},
                "nb", "Sist oppdatert"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Läs också", "NYHETER"},
             {"Kommentarer"}, "sv", "Publicerad"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjonar funne"},
                  {"Om prosjektet", "Summary in English"}, "nn;en", "no year: only"),
    "bilingual abstract": ("journal abstract in two languages",
                           {"Videnskabelig artikel", "Download PDF",
                            "Nøgleord: tandpleje, fremmøde, gebyr, unge"},
                           {"Resumé", "Abstract"}, "da;en", "Udgivet"),
    "thesis": ("master's thesis record", {"Författare", "Utgivningsår", "2022"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2022"),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist", "15. mars 2027 kl. 13.00", "Gå til søknadsskjemaet"},
             {"Dette vektlegger vi"}, "nb", "no year: only the deadline"),
    "single file": ("municipal service page saved as one file",
                    {"Publisert 03.09.2024", "Legevaktsentralen: 77 00 00 00"},
                    {"Egenandel"}, "nb", "Publisert"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Vedteken av kommunestyret 12. juni 2024", "Gå til hovudinnhald"},
                 {"Mål", "Tiltak", "Risiko"}, "nn", "Vedteken"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2017", "Desember 2017", "Rapport 0/2017 | 3",
                    "Tabell 1. Timer uten oppmøte, prosent av bestilte timer"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "Desember 2017"),
    "slides": ("slide deck exported to pdf",
               {"Fysioterapikongressen 2025 | 1", "Fysioterapikongressen 2025 | 5"},
               {"Bakgrunn", "Hva virker?", "Takk!"}, "nb", "Fysioterapikongressen 2025"),
    "letter": ("consultation response as a pdf, a two-page letter",
               {"Dnr S2025/00000", "Stockholm 2025-04-22", "Sida 2 av 2",
                "Box 0000, 100 00 Stockholm | Telefon: 08-000 000 00"},
               {"Till Socialdepartementet", "Med vänlig hälsning", "Ordförande"}, "sv",
               "Stockholm 2025-04-22"),
    "working paper": ("working paper of the research project",
                      {"SMS-PÅMINN Working Paper 0/2024", "2", "3",
                       "Figure 1. Missed appointments by reminder timing, per cent"},
                      {"Contents", "Summary"}, "en", "SMS-PÅMINN Working Paper 0/2024"),
    "annual report": ("annual report excerpt",
                      {"Hvidå Kommune · Årsrapport 2023 · Side 2 af 3",
                       "Godkendt i Børne- og Ungeudvalget den 9. april 2024"},
                      {"Indhold", "2 Udeblivelser"}, "da", "Godkendt"),
    "poster": ("conference poster",
               {"Poster presented at the Nordic Primary Care Research Meeting, Visby, June "
                "2025"}, {"Background", "Methods", "Results", "Conclusion"}, "en",
               "Poster presented"),
    "book of abstracts": ("book-of-abstracts page",
                          {"Session 4B: Access and booking", "37", "38",
                           "Reminder timing at Norwegian child health centres"},
                          set(), "en", "Nordic Primary Care Research Meeting 2024"),
    "minutes": ("council minutes",
                {"Møtedato | 12.03.2024", "Saksnr. 24/00000", "Straumsnes kommune"},
                {"Vedtak", "Sak 15/24 Referatsaker"}, "nn", "Møtedato 12.03.2024"),
    "programme table": ("seminar programme as a word file with a table",
                        {"Tysdag 21. oktober 2025, Bergen"},
                        {"09.00–09.30 | Registrering og kaffi", "11.45–12.30 | Lunsj"}, "nn",
                        "Tysdag 21. oktober 2025"),
    "press release": ("press release", {"Pressmeddelande", "2025-02-18", "[email protected]"},
                      set(), "sv", "2025-02-18"),
    "glued programme": ("seminar programme copied with clock times glued",
                        {"Tid", "Tirsdag 9. september 2025", "Meld deg på"},
                        {"08.00–08.30Frokost og registrering", "Program"}, "nb", "Tirsdag"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Sent: 12 June 2025 09:14",
                    "Unsubscribe | Update your preferences"},
                   {"Next meeting"}, "en", "Sent: 12 June 2025"),
    "tender": ("tender notice with catalogue fields",
               {"Publiceringsdatum: 2025-05-12", "CPV-kod: 00000000", "Annons 2 (2)"},
               {"Beskrivning", "Krav"}, "sv", "Publiceringsdatum"),
}

# Each PDF: pages, its /Title ("" when absent) and the year of its /CreationDate ("" when none).
PDFS = {
    "b01": (2, "Strategi for digital timebestilling - Straumsnes kommune", "2026"),
    "b02": (1, "Workshop programme | EHMA", "2026"),
    "p01": (4, "Microsoft Word - rapport_v7_endelig.docx", "2017"),
    "p02": (5, "PowerPoint Presentation", ""),
    "p03": (2, "Remissvar om avgifter för uteblivna besök i tandvården", "2025"),
    "p04": (3, "", "2026"),
    "p05": (3, "Årsrapport 2023 – Den kommunale tandpleje", "2024"),
    "p06": (1, "Untitled", ""),
    "p07": (2, "", "2024"),
}
# Each Word file: the year of its core properties' created date.
WORD_CREATED = {"w01": "2024", "w02": "2021", "w03": "2025", "w04": "2025"}
DOT_LEADER = re.compile(r"\.{10,} ?\d+$")


def holder(role: str) -> str:
    """The document holding a role of ROLES (found by the opening of its notes)."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def named(prefix: str) -> str:
    """The one document whose file name starts with ``prefix`` and an underscore."""
    matches = [n for n in SET.on_disk if n.split("_", 1)[0] == prefix]
    assert len(matches) == 1, prefix
    return matches[0]


def kept_lines(name: str) -> set[str]:
    """The visible lines of a document that are not listed as debris."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """One document: the shared label and placement rules, a saved page's head and fields, the
    one type its genre names, and any later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; every
    type four times or more; each language alone three times or more and four bilingual
    documents; the genres are named; year situations and traps; consultation responses are
    policy documents; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = SET.by_column
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags = counts["languages (label)"]
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4, tags
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {k: len(v) for k, v in traps.items() if k in ("bare", "other_years", "ahead")
            and len(v) < 3} == {}
    assert traps["repeated"] == []
    responses = [lab["doc_type"] for lab in labels.values()
                 if lab["notes"].startswith("consultation response")]
    assert len(responses) == 2 and set(responses) == {"policy_document"}


def test_programmes_contents_and_identifiers():
    """Only the copied programme glues times to titles (four kept lines or more); dot-leader
    contents lines in three PDFs and one text, all debris; identifiers zero-filled."""
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    glued = holder("glued programme")
    assert traps["glued"] == [glued]
    assert len({line for line in kept_lines(glued) if fs.GLUED_TIME.search(line)}) >= 4
    SET.contents_check(DOT_LEADER, 15)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) == 4
    SET.identifiers_check(
        {"phone": r"(?:Telefon|Sentralbord|Kundtjänst|Kundservice|telefon): ?(?P<id>\d[\d -]*\d)",
         "case number": r"(?:Saksnr\. \d\d/|Dnr S20\d\d/|KS 20\d\d/)(?P<id>\d+)",
         "report number": r"Rapport (?P<id>\d+)/20\d\d",
         "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
         "ISBN": r"ISBN (?P<id>[\d-]+)", "DOI": r"10\.0000/bmjopen-20\d\d-(?P<id>\d+)",
         "postal box": r"(?:Postboks|Box) (?P<id>\d+)", "CPV": r"CPV-kod: (?P<id>\d+)"},
        {"phone": r"(?:0\d\d?-)?\d\d[0 ]+|\d\d[0 -]+", "ISBN": r"978-82-[0-]+"})


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are
    the expected ones, and three or more prose sentences survive."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = holder(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = sorted(line for line in furniture if line not in debris)
    lost = sorted(line for line in headings if line not in kept_lines(name))
    assert (missing, lost) == ([], []), opening
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states: browser prints carry the day
    they were printed, never the page's date; the re-export's /CreationDate is two or more years
    after its cover and named in its evidence; two PDFs carry no dates."""
    name = named(prefix)
    pages, title, created = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert (meta.get("/Title") or "") == title
    assert (str(meta.creation_date.year) if "/CreationDate" in meta else "") == created
    label = SET.labels[name]
    if prefix.startswith("b"):
        assert created != label["year"] and meta["/Creator"].startswith("Mozilla/5.0")
        assert any(line.endswith(f"1/{pages}") for line in SET.debris_of(name))
    elif created and created != label["year"]:
        assert int(created) - int(label["year"]) >= 2 and "/CreationDate" in \
            label["year_evidence"] and created in label["year_evidence"]
    if not created:
        assert "/ModDate" not in meta and "no dates" in label["year_evidence"]


@pytest.mark.parametrize("prefix", sorted(WORD_CREATED))
def test_word(prefix):
    """Word files' core properties: an organisation or role as author, no python-docx as last
    editor, created in the labelled year but for the one made from an old template."""
    name = named(prefix)
    core = docx.Document(str(SET.folder / name)).core_properties
    assert core.author and "(invented)" not in core.author and "python-docx" not in (
        core.last_modified_by or "python-docx")
    assert str(core.created.year) == WORD_CREATED[prefix]
    assert str(core.modified.year) == SET.labels[name]["year"]
    assert (str(core.created.year) == SET.labels[name]["year"]) == (prefix != "w02")


@pytest.mark.parametrize("prefix", ["c01", "c02"])
def test_mhtml(prefix):
    """Pages saved by Chrome as one file: Blink's headers, the page's title as Subject and as
    a debris line, a quoted-printable HTML part and two resource parts, and the saving day
    after the page's own date."""
    name = named(prefix)
    data = (SET.folder / name).read_bytes()
    assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message["Subject"] in SET.debris_of(name)
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert parsedate_to_datetime(message["Date"]).year >= int(SET.labels[name]["year"])
