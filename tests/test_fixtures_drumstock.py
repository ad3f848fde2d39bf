"""Checks of the drumstock fixture set (tests/fixtures/exported/drumstock), written blind.

Brief: welfare agencies' letters and decisions rewritten in plain language and sent digitally
(klarspråk, klart sprog, begripliga beslut, plain English in benefit letters, digital post read
on phones), with real binary formats: saved HTML pages, pages Chrome saved as one .mhtml file,
a page printed to PDF by Chromium, PDFs made by a word processor (report, letter, slide deck,
strategy, working paper, poster), Word files, text copies and pages saved as Markdown. The
brief asked for 32 documents; the set holds 32; the whole-set
checks hold the set to its own counts in the README rather than to fixturesets.size_check and
trap_check.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re
from datetime import datetime

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "drumstock")
META_DATES = {"article:published_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"language council's page|news item|campaign's guidance page|municipality's page|"
             r"board minutes|slide deck|newsletter e-mail|call for proposals|written question|"
             r"tender notice|press release|service page",
    "policy_document": r"consultation response|municipal strategy|annual report excerpt|"
                       r"action plan",
    "project_report": r"evaluation report|catalogue page|working paper|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("language council's page on writing decisions",
               {"Hopp til hovedinnhold", "Godta alle", "Start chat",
                "Åpningstider: mandag–fredag 09.00–15.00"},
               {"Fem steg", "Skriv konklusjonen først."}, "nb", "no year: no 19xx"),
    "news": ("news item with reader comments", {"2 kommentarer", "Skriv en kommentar", "Läs också"},
             {"Kommentarer"}, "sv", ""),
    "mhtml": ("campaign's guidance page saved by chrome as one file",
              {"Skip to content", "Accept and close", "Last updated: 14 November 2024"},
              {"What changed"}, "en", ""),
    "printed": ("municipality's page printed to pdf by the browser",
                {"Hopp til hovudinnhald", "Sist endra: 12.02"}, set(), "nn", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024", "Side 2", "Tabell 1. Leste brev etter kontor"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "letter": ("consultation response as a two-page pdf letter", {"Vår ref.: 2025/00000", "Side 1",
                                                                  "Side 2"},
               {"Til Kommunal- og distriktsdepartementet", "Med venleg helsing"}, "nn", ""),
    "minutes": ("board minutes as a word file",
                {"Mødedato | 12.03.2024", "Referent | Sekretariatet"},
                {"Punkt 1. Klart sprog i kommunernes afgørelser"}, "da", ""),
    "programme": ("seminar programme as a word file", {"Tirsdag 21. januar 2025, Oslo"},
                  {"09.30 | Vedtaket på mobilen: hva leserne gjør", "11.30 | Lunsj"}, "nb", ""),
    "glued": ("seminar programme copied with clock times glued to talk titles",
              {"Meld deg på", "Torsdag 6. november 2025"},
              {"Program", "11:00Vedtaksmaler i fagsystemeneReidar Vik (oppdiktet)"}, "nb", ""),
    "bilingual abstract": ("journal abstract in two languages", {"Download PDF", "Published: 2023"},
                           {"Abstract", "Sammanfattning"}, "en;sv", ""),
    "catalogue": ("research project's catalogue page", {"**Project period:** 2023–2026"},
                  {"## Summary", "## Resumé på dansk"}, "en;da", "no year: only"),
    "slides": ("conference slide deck", {"Klarspråksdagen, Stockholm | 4"},
               {"Tre råd", "Klarspråksdagen 14 maj 2024"}, "sv", ""),
    "strategy": ("municipal strategy with a horizon year",
                 {"Strategi for klart språk i Nordvik kommune | 5"},
                 {"Strategi for klart språk i kommunens brev mot 2030"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text", {"Afmeld nyhedsbrevet"},
                   {"Kære medlemmer", "Med venlig hilsen"}, "da", "no year: no 19xx"),
    "call": ("call for proposals with a future deadline", {"Deadline", "1 March 2027, 13:00 CET"},
             set(), "en", "no year: only"),
    "remissvar": ("consultation response as a word file", {"Diarienummer: S2024/00000"},
                  {"Med vänliga hälsningar"}, "sv", ""),
    "conference abstract": ("conference abstract in two languages", {"Alle samandrag"},
                            {"Samandrag", "Abstract"}, "nn;en", ""),
    "thesis": ("master's thesis record", {"Udgivelsesdato", "30 jun. 2022"}, {"Resumé", "Abstract"},
               "da;en", ""),
    "book of abstracts": ("book-of-abstracts page", {"Previous abstract"},
                          {"Anna Berg (invented), Tom Lie (invented)"}, "en", ""),
    "question": ("parliamentary written question", {"Datert", "15:0000"}, {"Spørsmål", "Svar"},
                 "nb", ""),
    "tender": ("tender notice", {"Sista anbudsdag", "2025-02-28"}, set(), "sv", ""),
    "breakfast": ("breakfast seminar programme", {"Anmäl dig här"},
                  {"08:30Varför ringer medborgarna efter beslutet?Maria Ek (påhittad)"}, "sv", ""),
    "theme day": ("theme day programme", {"**Dato:** Tirsdag 4. marts"}, {"| 09.30 | Velkomst |"},
                  "da", "no year: no 19xx"),
    "working paper": ("working paper", {"KLARBREV arbeidsnotat 0/2025"}, {"Foreløpige funn"},
                      "nb", ""),
    "final report": ("final report copied", {"Side 3"}, {"Sluttrapport", "Samandrag"}, "nn;en", ""),
    "danish page": ("municipality's page saved by chrome", {"Accepter"}, set(), "da",
                    "no year: no"),
    "poster": ("conference poster", {"Poster 00 · Nordic Social Work Conference, Oslo"},
               {"Background", "Conclusion"}, "en", "no year: only"),
    "login": ("agency service page with a login box", {"Logg inn med BankID"},
              {"Logg inn på Min side.", "Velg Dokumenter."}, "nb", "no year: no 19xx"),
    "action plan": ("action plan as a word file", {"Saksnummer 23/00000"}, set(), "nn",
                    "no year: no 19xx"),
    "press release pdf": ("press release printed to pdf", {"12/5/26, 9:14 AM Pressemelding"},
                          set(), "nn", ""),
    "annual report": ("annual report excerpt", {"12", "13"}, {"Chapter 3"}, "en", ""),
}

# Binary file (its number and suffix) := its metadata as the README states it: a PDF's page
# count, /Title ("-" when absent) and /CreationDate year ("-" when it has no dates); a Word
# file's author, created and modified years and title ("-" when empty).
BINARIES = {next(n for n in SET.on_disk if n.startswith(key.split(".")[0])): value
            for key, value in (row.split(" := ") for row in """
d04.pdf := 1 ; Brev frå kommunen – Fjordvik kommune ; 2026
d05.pdf := 4 ; Microsoft Word - rapport_v7_endelig.docx ; 2027
d06.pdf := 2 ; Høyringsfråsegn om digitale vedtak ; -
d12.pdf := 4 ; PowerPoint Presentation ; 2024
d13.pdf := 5 ; - ; 2023
d25.pdf := 3 ; Untitled ; 2025
d28.pdf := 1 ; - ; 2024
d29.pdf := 1 ; Pressemelding ; 2026
d30.docx := Rådmannens stab ; 2023 ; 2023 ; -
d07.docx := Sekretariatet ; 2024 ; 2024 ; -
d08.docx := Kommunenes Sentralforbund ; 2021 ; 2024 ; Program fagdag klarspråk
d16.docx := Kansliet ; 2024 ; 2024 ; Remissvar digitala beslut
""".strip().splitlines())}
DOT_LEADER = re.compile(r"\.{10,}\d+$")
# Each role's document, found once by the opening of its notes.
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


def stated(name: str) -> list[str]:
    """A binary's metadata as BINARIES states it, "-" read as empty."""
    return ["" if cell == "-" else cell for cell in BINARIES[name].split(" ; ")]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; the set's own sizes by format, types and languages;
    year situations and traps; consultation responses typed policy_document."""
    labels = SET.labels
    SET.roles_check({key: role[0] for key, role in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert dict(counts["format"]) == {"html": 10, "mhtml": 2, "pdf": 8, "docx": 4, "txt": 6,
                                      "md": 2}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    assert set(parts) == fs.LANGUAGES and all(tags[code] >= 2 for code in fs.LANGUAGES)
    assert sum(";" in tag for tag in tags.elements()) == 6
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert (len(traps["bare"]), len(traps["other_years"]), len(traps["ahead"])) == (6, 4, 5)
    copied = sorted([HOLDERS["glued"], HOLDERS["breakfast"]])
    assert traps["repeated"] == [] and sorted(traps["glued"]) == copied
    SET.consultations_check(2)


@pytest.mark.parametrize(("role", "name"), sorted(HOLDERS.items()))
def test_role(role, name):
    """A role's furniture is debris, its headings or lines survive cleaning, and its languages
    and the start of its year evidence are the expected ones."""
    gone, stay, languages, evidence = ROLES[role][1:]
    debris = SET.debris_of(name)
    assert {line for line in gone if line not in debris} == set(), "furniture kept"
    assert {line for line in stay if line in debris or line not in SET.lines[name]} == set()
    label = SET.labels[name]
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


def test_contents_and_identifiers():
    """Seven dot-leader contents lines, all debris; zero-filled case and report numbers."""
    SET.contents_check(DOT_LEADER, 7)
    SET.identifiers_check(
        {"case number": r"(?:Vår ref\.: 20\d\d/|Diarienummer: S20\d\d/)(?P<id>\d+)",
         "report number": r"Rapport (?P<id>\d+)/20\d\d",
         "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
         "organisation number": r"Org\.nr (?P<id>[\d-]+)"}, {})


@pytest.mark.parametrize("name", sorted(n for n in BINARIES if n.endswith(".pdf")))
def test_pdf(name):
    """Page count, /Title and the year of /CreationDate as the README states; a PDF without
    dates has no /ModDate either; a /CreationDate two or more years after the labelled year is
    named in the year evidence."""
    pages, title, created = stated(name)
    reader = PdfReader(SET.folder / name)
    info = dict(reader.metadata or {})
    found = [str(len(reader.pages)), info.get("/Title", ""), info.get("/CreationDate", "")[2:6]]
    assert found == [pages, title, created]
    assert created or "/ModDate" not in info
    year = SET.labels[name]["year"]
    if created and year and int(created) - int(year) >= 2:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(n for n in BINARIES if n.endswith(".docx")))
def test_word(name):
    """Core properties as the README states: an organisation or role as author, never
    python-docx as last editor."""
    core = docx.Document(str(SET.folder / name)).core_properties
    assert isinstance(core.created, datetime) and isinstance(core.modified, datetime)
    found = [core.author, str(core.created.year), str(core.modified.year), core.title]
    assert found == stated(name)
    assert core.last_modified_by not in ("", "python-docx")


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file carries Blink's headers, the page as its first part and
    a stylesheet or an image after it."""
    import email

    message = email.message_from_bytes((SET.folder / name).read_bytes())
    assert message["From"] == "<Saved by Blink>" and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related" and message["Date"]
    kinds = [p.get_content_type() for p in message.walk()][1:]
    assert kinds[0] == "text/html" and kinds[1] in ("text/css", "image/png")
