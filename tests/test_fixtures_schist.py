"""Checks of the schist fixture set (tests/fixtures/exported/schist), written blind.

Brief: digital services in introduction programmes for refugees and newly settled immigrants
(settlement, digital language courses, interpreters by video, information apps, municipal
follow-up). 32 documents leaning to the web: 16 saved pages, 3 pages saved as one .mhtml file,
2 pages printed to PDF by the browser, 4 PDFs made by a word processor, 2 Word files, 4 text
copies and 1 Markdown page. The import is never run here: the labels, debris and prose are held
to the shared conventions of fixturesets and then to the brief. The set has 32 documents and
four programmes, so fixturesets.size_check and trap_check (36 to 40 documents) are replaced by
the counts of test_whole_set.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "schist")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's page|service page|press release|news item|blog post|municipality's page|"
             r"call for proposals|tender notice|interpreting service's page|newsletter|"
             r"council minutes|written question",
    "policy_document": r"strategy|consultation response|policy brief|action plan|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"seminar programme|conference programme|event page",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "made by a word processor": 4, "printed to pdf by the browser": 2,
         "saved as one .mhtml file": 3, "as a word file": 2, "copied": 2, "pasted": 2,
         "saved as markdown": 1, "later year": 4}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence, "" when any).
ROLES = {
    "agency": ("agency's page on recognition",
               {"Skip to content", "We use cookies", "Accept all", "Sist oppdatert 12.03.2024",
                "Sentralbord: 21 00 00 00"}, {"Slik søker du"}, "nb", "'Sist oppdatert"),
    "municipal": ("municipality's service page on the introduction programme",
                  {"Chat med oss", "Hei! Lurer du på noe om introduksjonsprogrammet?",
                   "Åpningstider: mandag–fredag 08.00–15.30", "Logg inn med BankID"},
                  {"Slik kommer du i gang", "Møt opp på Voksenopplæringen for kartlegging."},
                  "nb", "no year: no 19xx"),
    "portal": ("conference abstract on a university's research portal",
               {"Contribution to conference", "Fingerprint", "100%", "Cite this",
                "Original language"},
               {"Abstract"}, "en", "'Publication date 2022'"),
    "catalogue": ("research project's catalogue page",
                  {"INKL-FORSK", "Prosjektperiode", "2023–2026", "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"Views", "CrossRef citations to date", "Altmetric", "Download PDF"},
                {"Abstract", "Sammendrag"}, "en;nb", "'Published 2024-05-21'"),
    "news": ("news item with reader comments",
             {"ola_n: Endelig en kommune som tenker effektivt.", "Skriv en kommentar", "Svar"},
             set(), "nb", "'Publisert"),
    "strategy": ("strategy of a municipality with a horizon year",
                 {"Hopp til hovudinnhald", "Last ned strategien (PDF, 1,2 MB)"}, {"Mål", "Tiltak"},
                 "nn", "no year: only"),
    "consultation": ("consultation response of an interpreters' association",
                     {"Høringssvar", "Les også"},
                     {"Med vennlig hilsen", "Til Integrerings- og mangfoldsdirektoratet"},
                     "nb", "'Publisert"),
    "call": ("call for proposals", {"Deadline", "12 February 2027, 13:00 CET"}, {"Who can apply"},
             "en", "no year: only the deadline"),
    "mhtml": ("interpreting service's page",
              {"Personvernerklæring", "Sentralbord: 55 00 00 00", "Last updated: 22 October 2024"},
              {"Before the meeting"}, "en", "'Last updated"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Side 2", "Oktober 2023"},
                   {"English summary", "Sammendrag", "Innhold"},
                   "nb;en", "cover date"),
    "paper": ("working paper of the research project",
              {"INNFLYT Working Paper 0/2024", "March 2024"}, {"Contents", "1 Introduction"}, "en",
              "cover date 'March 2024'"),
    "minutes": ("council minutes", {"Vindøy kommune – Møtebok", "Side 1"},
                {"Sak 00/24 Digital rettleiing for nybusette"}, "nn", "'Møtedato"),
    "question": ("parliamentary written question", {"Fråga nr: | 2023/24:000", "Sida 1 av 1"},
                 {"Stockholm den 20 mars 2024"}, "sv", "'Stockholm den 20 mars 2024'"),
    "newsletter": ("newsletter e-mail pasted", {"Meld deg av nyhetsbrevet", "Les mer"},
                   {"Ny app for timeplan og fravær"}, "nb", "'Sendt:"),
    "seminar copy": ("seminar programme copied", {"Meld deg på her", "Hopp til hovudinnhald"},
                     {"Program", "12.00–12.45Lunsj"}, "nn", "no year: no 19xx"),
}

DOT_LEADER = re.compile(r"\.{10,} \d+$")
# Identifier kind := pattern; its `id` group holds zeros and separators only, unless SHAPES
# gives the zero-filled form of that kind.
IDS = dict(row.split(" := ") for row in r"""
phone := (?:Telefon|Sentralbord|Phone|Kundeservice|Växel):? (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISSN := ISSN (?P<id>[\d-]+)
DOI := 10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
postal box := (?:Postboks|Box|P\.O\. Box) (?P<id>\d+)
report number := (?:Rapport|Working Paper) (?P<id>\d+)/20\d\d
case number := (?:Saksnummer:\*\* 20\d\d/|Sak )(?P<id>\d+)
letter reference := (?:ref\.: \| (?:20)?\d\d/|Fråga nr: \| 20\d\d/\d\d:)(?P<id>\d+)
project number := ^(?P<id>\d{6})$
notice reference := ^20\d\d-(?P<id>\d{6})$
""".strip().splitlines())
SHAPES = {"phone": r"(?:\+4[67] )?(?:[1-9]\d? )?[0 ]+|0000-00 00 00"}
# PDFs: (pages, /Title or None, year of /CreationDate or None)
PDFS = {
    "w01_evaluering_digital_introduksjon_nb_en.pdf":
        (4, "Evaluering av digital introduksjon", "2023"),
    "w02_motebok_hovudutval_integrering_nn.pdf": (1, "Microsoft Word - motebok_v3.docx", "2024"),
    "w03_innflyt_working_paper_en.pdf":
        (4, "Chat, timetables and video: digital follow-up after settlement", "2026"),
    "w04_soeholt_aarsberetning_uddrag_da.pdf": (2, "Årsberetning 2023", None),
    "p01_vestvik_frokostseminar_digital_oppfolging_nb.pdf": (1, None, None),
    "p02_nordfjord_language_cafe_final_report_en.pdf": (2, None, None),
}
WORD = {"d01_vestvik_horingsuttalelse_digital_opplaering_nb.docx": ("Vestvik kommune", 2025),
        "d02_skriftlig_fraga_tolkning_distans_sv.docx": ("Departementets registratur", 2024)}


def role_document(role: str) -> tuple[str, set[str]]:
    """The document holding a role and its visible lines that are not debris."""
    name = fs.by_notes(SET.labels, ROLES[role][0])
    return name, set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document (its saved page's head and fields too) and the type
    its genre names."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats, all five types
    four times or more; languages as the brief; five bilingual documents; genres named; the
    year situations and traps three times each; consultation responses are policy documents."""
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    labels, counts = SET.labels, SET.by_column
    assert len(labels) == 32
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                      "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert first["nb"] >= 12 and first["en"] >= 10 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    assert sum(";" in tag for tag in tags.elements()) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(1)
    assert {lab["doc_type"] for lab in labels.values()
            if "consultation response" in lab["notes"].partition(" (")[0]} == {"policy_document"}
    monolingual = [lab for lab in labels.values() if "monolingual" in lab["notes"]]
    assert len(monolingual) >= 2 and all(";" not in lab["languages"] for lab in monolingual)


def test_programmes_and_contents():
    """Glued clock times in the programmes only, four kept lines or more each; every kind of
    identifier present and zero-filled; seven dot-leader contents lines, all debris; no kept
    Markdown field line; field lists on eight pages or more."""
    SET.glued_check()
    SET.identifiers_check(IDS, SHAPES)
    SET.contents_check(DOT_LEADER, 7)
    assert SET.kept_markdown_fields() == []
    assert SET.field_pages() >= 8


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are the
    expected ones."""
    name, kept = role_document(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's pages and metadata as the README states; the browser's prints carry the print
    stamp and the address line, both debris."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    if name.startswith("w"):
        assert meta.get("/Title") == title
        assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    else:
        stamps = [line for line in SET.lines[name]
                  if re.match(r"\d+/\d+/\d+, \d+:\d\d [AP]M ", line)]
        feet = [line for line in SET.lines[name] if re.search(r" \d/\d$", line)]
        assert stamps and feet and set(stamps + feet) <= SET.debris_of(name)
        assert SET.labels[name]["year"] not in stamps[0]
    if created and created != SET.labels[name]["year"]:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """A Word file's core properties: an organisation as author, created and modified in the
    document's year, last modified by no python-docx; header and footer lines debris."""
    author, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == author and props.last_modified_by != "python-docx"
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs}
    assert furniture <= SET.debris_of(name)


def test_mhtml():
    """The three single-file pages carry Blink's headers and more than one part."""
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_text(encoding="ascii")
        head = data.split("\r\n\r\n", 1)[0]
        assert "From: <Saved by Blink>" in head and "Snapshot-Content-Location: http" in head
        assert "Subject: " in head and "Date: " in head and "multipart/related" in head
        assert data.count("Content-Location: ") >= 2
        assert "Content-Transfer-Encoding: quoted-printable" in data


def test_brief_details():
    """INNFLYT names the catalogue page and stands in the working paper's prose; the two
    monolingual pages' other-language boilerplate is debris; the news item's two signed
    comments go; the annual report's footnotes go while the sentences calling them stay."""
    catalogue, _ = role_document("catalogue")
    paper, _ = role_document("paper")
    assert "INNFLYT" in SET.labels[catalogue]["title"]
    assert any("INNFLYT" in sentence for sentence in SET.sentences(paper))
    english = {"We use cookies to measure traffic and improve the website.", "Only necessary"}
    norwegian = {"Besøksadresse: Strandgata 0, 0000 Vestvik", "Tilgjengelighetserklæring"}
    for role, boilerplate in (("agency", english), ("mhtml", norwegian)):
        name, _ = role_document(role)
        assert boilerplate <= SET.debris_of(name) and "monolingual" in SET.labels[name]["notes"]
    news, _ = role_document("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-z_0-9]+: ", line)}
    assert len(comments) == 2 and comments <= SET.debris_of(news)
    report = fs.by_notes(SET.labels, "annual report excerpt")
    footnotes = {line for line in SET.lines[report] if line[0] in "¹²"}
    assert len(footnotes) == 2 and footnotes <= SET.debris_of(report)
    assert sum(sentence[-1] in "¹²" for sentence in SET.sentences(report)) == 2
