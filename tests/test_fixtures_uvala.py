"""Checks of the uvala fixture set (tests/fixtures/exported/uvala), written blind.

Brief: online applications for parking permits and other mobility support for disabled people
(HC-kort, parkeringstillstånd för rörelsehindrade, handicapparkeringskort, Blue Badge). The set
was cut short by the deadline: 11 documents, not 32 (see its README), so the shared size and
trap checks are replaced by the set's own counts. The import is never run here.
"""

import datetime as dt
import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "uvala")
META_DATES = {"article:modified_time", "citation_publication_date", "event:start_time"}
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's page|organisation's page|news item|newsletter|guide page|minutes|"
             r"call for proposals",
    "policy_document": r"consultation response|strategy",
    "project_report": r"catalogue page|evaluation report",
    "abstract": r"thesis record|conference abstract",
    "event_programme": r"programme",
}.items()}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence)
ROLES = {
    "municipal": ("municipality's page",
                  {"Till huvudinnehållet", "Godkänn alla kakor", "Chatta med oss",
                   "Växel: 040-00 00 00"}, {"Så gör du"}, "sv", "no year: no 19xx"),
    "seminar": ("seminar programme with clock times", {"Meld deg på"},
                {"09.00Kaffi og registrering", "11.45Lunsj"}, "nn", "2025"),
    "thesis": ("master's thesis record", {"Forfatter", "Last ned fulltekst (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2023"),
    "catalogue": ("research project's catalogue page saved", {"**Prosjektnummer:** 000000"},
                  {"## Om prosjektet"}, "en;nb", "no year: only"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar"},
             {"Kommentarer"}, "da", "2024"),
    "evaluation": ("evaluation report", {"Side 3 af 5", "Tabel 1. Sagsbehandlingstid i uger"},
                   {"English summary", "Indhold"}, "da;en", "2022: cover"),
    "response": ("consultation response", {"Vår ref.: 23/00000", "Org.nr. 000 000 000 | Side 2"},
                 {"Med vennlig hilsen"}, "nb", "2023"),
    "minutes": ("minutes", {"Mötesdatum | 12.03.2024", "Protokoll 0/2024"}, set(), "sv", "2024"),
}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README agree; the set's own counts (cut short); every type and language."""
    fs.files_check(SET.folder, SET.labels)
    fs.readme_check(SET.folder, SET.labels, SET.debris, SET.prose)
    assert len(SET.labels) == 16
    counts = fs.column_counts(SET.labels)
    assert set(counts["doc_type"]) == fs.TYPES
    assert counts["format"] == {"html": 6, "pdf": 3, "md": 2, "txt": 2, "mhtml": 1, "docx": 2}
    _, parts, _ = fs.language_counts(SET.labels)
    assert set(parts) == fs.LANGUAGES
    assert sum(";" in lab["languages"] for lab in SET.labels.values()) == 4
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert traps["repeated"] == [] and len(traps["ahead"]) >= 3
    assert traps["bare"] and traps["other_years"]
    SET.contents_check(DOT_LEADER, 4)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - (set(SET.lines[name]) - SET.debris_of(name)) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)


def test_binaries():
    """PDF pages and metadata and the Word file's core properties as the README states."""
    report = PdfReader(SET.folder / holder("evaluation"))
    assert len(report.pages) == 5
    assert report.metadata["/Title"] == "Microsoft Word - rapport_v7_endelig.docx"
    assert report.metadata["/CreationDate"].startswith("D:2025")
    letter = PdfReader(SET.folder / holder("response"))
    assert len(letter.pages) == 2
    assert not any(k in (letter.metadata or {}) for k in ("/CreationDate", "/ModDate"))
    assert len(PdfReader(SET.folder / holder("news")).pages) == 1
    props = docx.Document(str(SET.folder / holder("minutes"))).core_properties
    assert props.author == "Sekreterare" and props.last_modified_by != "python-docx"
    assert props.created.replace(tzinfo=None) == dt.datetime(2024, 3, 12)
    page = fs.visible_text(SET.folder / "s01_disabilityrightsuk_blue_badge_en.mhtml")
    assert "Applying for a Blue Badge online" in page
    raw = (SET.folder / "s01_disabilityrightsuk_blue_badge_en.mhtml").read_text()
    assert raw.startswith("From: <Saved by Blink>") and "Snapshot-Content-Location:" in raw
