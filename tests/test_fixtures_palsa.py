"""Checks of the palsa fixture set (tests/fixtures/exported/palsa), written blind.

Brief: services for victims of domestic violence and crisis centres going digital (crisis
centres' online chat, protected addresses in digital registers and digital post, e-ID and
shared devices, digital reporting to police and child welfare; krisesenter, kvinnojour,
krisecenter, Women's Aid). The first set with real binary formats: eleven saved pages, eight
PDF files made by a word processor (LibreOffice) with their metadata set afterwards, four Word
files, seven text copies and two Markdown pages.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, then to the
binaries' page counts and metadata as the set's README states them.
"""

import re

import fixturesets as fs
import pytest
from docx import Document
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "palsa")
# The <head> fields of the saved pages that carry a date (they must name the labelled year).
META_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())

# For each type, the genres (as the notes open, up to " (") that stand for it and only for it.
GENRES = (
    ("other", ["agency service page", "municipal service page", "news item", "call for proposals",
               "slide deck", "board minutes", "newsletter", "press release", "written question",
               "tender notice"]),
    ("policy_document", ["action plan", "strategy", "consultation response", "annual report",
                         "internal routine"]),
    ("project_report", ["catalogue page", "evaluation report", "working paper", "final report"]),
    ("abstract", ["abstract", "thesis record", "conference poster"]),
    ("event_programme", ["programme"]),
)
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in GENRES}

# Phrases the notes must name, and in how many documents at least.
NAMED = {"seminar programme": 4, "clock times glued to talk titles": 3, "journal abstract": 2,
         "consultation response": 2, "word file": 4, "copied": 6, "saved as markdown": 2,
         "book-of-abstracts": 1, "slide deck": 1, "conference poster": 1, "board minutes": 1,
         "annual report": 1, "press release": 1, "newsletter": 1, "call for proposals": 1,
         "tender notice": 1, "written question": 1, "thesis record": 1, "news item": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "chat page": ("agency service page with a chat widget",
                  {"Accept all cookies", "Skip to main content", "Leave this site quickly",
                   "Start a chat", "Monday to Friday: 10:00–18:00", "Log in"},
                  {"How to start a chat",
                   "Press Start a chat and wait for a support worker to join."}, "en", ""),
    "protected address": ("agency service page on protected addresses",
                          {"Hopp til hovedinnhold", "Forlat siden raskt", "Start chat",
                           "Telefon: 22 00 00 00"},
                          {"Slik går du fram", "Søk om sperret adresse via politiet."}, "nb",
                          "no year: no 19xx"),
    "police": ("agency service page on digital reporting to the police",
               {"Gå direkt till innehållet", "Logga in med BankID", "Dela sidan"},
               {"Så gör du", "Beskriv vad som hänt och när."}, "sv", "no year: only"),
    "danish page": ("municipal service page on hidden addresses",
                    {"Gå til indhold", "Torsdag kl. 10–17", "CVR 00 00 00 00"},
                    {"Sådan søger du", "Log ind med MitID på Borgerservice."}, "da",
                    "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Les også", "Publisert 11. februar 2025"},
             {"Kommentarer"}, "nb", ""),
    "catalogue": ("research project's catalogue page",
                  {"Duration", "2023–2026", "Project no.", "000000",
                   "No publications found"}, {"Summary", "Sammendrag"}, "en;nb", "no year: only"),
    "thesis": ("thesis record", {"Date of award", "Degree", "Export citation"}, {"Abstract"},
               "en", ""),
    "call": ("call for proposals", {"Sista ansökningsdag", "30 april 2027"},
             {"Vad vi prioriterar"}, "sv", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Mars 2021", "På oppdrag fra Krisesentersekretariatet", "Rapport 0/2021 | 3",
                    "08–16 31 %"}, {"English summary", "Sammendrag", "Innhold"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year",
                 {"Side 3 av 6", "Vedteken av representantskapet 5. juni 2024"},
                 {"Innhald", "3 Tiltak"}, "nn", ""),
    "letter": ("consultation response as a two-page letter",
               {"Sagsnr. 2024-0000", "København, 14. august 2024"},
               {"Til CPR-kontoret", "Med venlig hilsen"}, "da", ""),
    "slides": ("slide deck", {"Digital Safety Forum 2025 | Slide 4"}, {"What staff told us"},
               "en", ""),
    "minutes": ("board minutes", {"Møtedato | 12.03.2024", "Referent | Daglig leder"},
                {"Sak 000/24: Eventuelt"}, "nb", ""),
    "word programme": ("seminar programme as a word file",
                       {"Torsdag den 20. marts 2025", "Sted: Dannerhuset, København"},
                       {"09.30 | Kaffe og registrering", "12.00 | Frokost"}, "da", ""),
    "routine": ("internal routine", {"Versjon | 3", "Dokumenttype | Rutine"}, {"Risiko"}, "nn",
                "no year: no 19xx"),
    "tender": ("tender notice", {"CPV-kode", "00000000-0", "Publisert: 14.02.2025"},
               {"Beskrivelse"}, "nb", ""),
}

# PDF: (pages, year of /CreationDate or None when the file carries no dates, /Title: "real"
# for the labelled title, a junk string, or None when absent).
PDFS = {
    "p01_damvad_evaluering_chat_krisesentre_nb_en.pdf":
        (7, 2024, "Microsoft Word - evaluering_chat_v7_endelig.docx"),
    "p02_fjordkrisesenteret_strategi_mot_2030_nn.pdf": (6, 2024, "real"),
    "p03_lokk_hoeringssvar_adressebeskyttelse_da.pdf": (2, 2024, None),
    "p04_scottish_womens_aid_slides_tech_abuse_en.pdf": (6, 2025, "PowerPoint Presentation"),
    "p05_tcd_poster_shared_logins_en.pdf": (1, None, "Untitled"),
    "p06_unizon_verksamhetsberattelse_2023_sv.pdf": (4, 2024, None),
    "p07_nkvts_working_paper_skjult_en.pdf": (4, 2025, "real"),
    "p08_fjordkrisesenteret_sluttrapport_digital_post_nn_en.pdf": (5, None, None),
}
# Word file: (author, last modified by, created year, modified year, core title or None).
WORDS = {
    "d01_nordre_vidde_krisesenter_styremote_protokoll_nb.docx":
        ("Krisesenteret i Nordre Vidde IKS", "Styresekretær", 2024, 2024,
         "Protokoll styremøte mars"),
    "d02_danner_temadag_program_da.docx":
        ("Danner", "Kommunikation", 2025, 2025, "Program temadag digital vold"),
    "d03_roks_remissvar_skyddade_personuppgifter_sv.docx":
        ("Roks kansli", "Roks kansli", 2019, 2023, None),
    "d04_fjordkrisesenteret_rutine_digital_kontakt_nn.docx":
        ("Kvalitetsleiar", "Fagleiar", 2022, 2024, "Rutine digital kontakt"),
}

# Identifier kind: pattern whose `id` group holds zeros and separators only, unless FORMS gives
# the exact zero-filled form of that kind.
IDS = {
    "phone": r"(?:Telefon|Sentralbord|Växel|Tlf\.):? (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d -]*\d)",
    "charity number": r"(?:charity number |Wales \()(?P<id>\d+)",
    "case number": r"(?:Sagsnr\. 20\d\d-|Sak )(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z]+\.(?:v\d+i\d\.|20\d\d\.)(?P<id>[\d.]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "project number": r"^(?P<id>\d{6})$",
    "CPV code": r"^(?P<id>\d{8}-\d)$",
    "written question": r"WQ\.(?P<id>\d+)/20\d\d",
    "referral": r"Ds 20\d\d:(?P<id>\d+)",
}
FORMS = {"phone": r"0[19]0-[0 ]+|[1-9]\d[0 ]+"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree, each role held by a document of its own; the mix of
    formats, types and languages the brief asks for; the genres named; the year situations and
    traps; the two consultation responses are policy documents."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert len(SET.labels) == 32
    assert dict(formats) == {"html": 11, "pdf": 8, "docx": 4, "txt": 7, "md": 2}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    fs.language_check(SET.labels, {"en": 10, "nb": 6, "nn": 4, "da": 4, "sv": 4}, 3)
    SET.bilingual_check(5, 2)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_identifiers_and_contents():
    """Copied and saved programmes glue times to titles in four kept lines or more, no other
    document glues, and the Word programme keeps its times in table rows; every kind of
    identifier occurs zero-filled; every dot-leader contents line (ten or more) is debris."""
    programmes = [n for n in SET.on_disk if SET.labels[n]["doc_type"] == "event_programme"]
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    word = [n for n in programmes if n.endswith(".docx")]
    assert len(word) == 1 and glued == sorted(set(programmes) - set(word))
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    rows = [line for line in kept_lines(word[0]) if re.match(r"\d\d\.\d\d \| \w", line)]
    assert len(rows) >= 6
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 10)
    assert {n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)} == {
        n for n in PDFS if n.startswith(("p01", "p02", "p06", "p08"))}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The furniture named for a role is debris and its named headings or steps are not; its
    languages label and the opening of its year evidence are as the table says; it keeps three
    prose sentences or more."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    missed = (furniture - debris, headings & debris, headings - set(SET.lines[name]))
    assert missed == (set(), set(), set()), missed
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states them; the labelled year is the cover's
    (the re-exported file's /CreationDate is named in its evidence, two or more years later);
    every page of a multi-page PDF carries a debris line with its page number."""
    pages, created, title = PDFS[name]
    reader, label = PdfReader(fs.SETS / "palsa" / name), SET.labels[name]
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if created is None:
        assert "/CreationDate" not in info and "/ModDate" not in info
    else:
        year = int(info["/CreationDate"][2:6])
        assert year == created
        if year - int(label["year"]) >= 2:
            assert "/CreationDate" in label["year_evidence"] and "re-exported" in label["notes"]
        else:
            assert year == int(label["year"])
    expected = label["title"] if title == "real" else title
    assert info.get("/Title") == expected
    debris = SET.debris_of(name)
    for number, page in enumerate(reader.pages, 1):
        if pages == 1:
            break
        lines = [line.strip() for line in page.extract_text().split("\n")]
        assert any(line in debris and re.search(rf"(?<!\d){number}(?!\d)", line)
                   for line in lines), (name, number)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_word(name):
    """Core properties as the README states them: an organisation or a role as author, never
    python-docx; created and modified in the document's year but for the one file years off;
    header and footer lines debris."""
    author, modifier, created, modified, title = WORDS[name]
    props, label = Document(str(fs.SETS / "palsa" / name)).core_properties, SET.labels[name]
    assert (props.author, props.last_modified_by) == (author, modifier)
    texts = (props.author, props.last_modified_by, props.comments, props.title, props.subject,
             props.keywords, props.category)
    assert not any("python-docx" in text for text in texts)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert (props.title or None) == title
    if label["year"]:
        assert modified == int(label["year"])
        assert (created == modified) != name.startswith("d03")
    document = Document(str(fs.SETS / "palsa" / name))
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)
