"""Checks of the tillite fixture set (tests/fixtures/exported/tillite), written blind.

Brief: rehabilitation and coordinated services for people with long-term needs going digital
(individual plans and coordinators, digital rehabilitation at home, habilitation services,
municipal coordinating units). 32 documents leaning to the web: 16 saved HTML pages, three pages
saved by Chrome as one .mhtml file, two pages printed to PDF by the browser, four PDFs made by a
word processor, two Word files, four text copies and one page saved as Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check (36 to 40) does not fit; its sizes are checked here.
"""

import email
import re
from collections import Counter
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "tillite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|theme page|call for proposals|tender notice|"
             r"press release|newsletter|health service page",
    "policy_document": r"strategy|consultation response|written question|council minutes|"
                       r"annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "as a pdf from a word processor": 4, "printed to pdf by the browser": 2,
         "saved by chrome as one .mhtml file": 3, "as a word file": 2, "later year in prose": 3,
         "labelled monolingual": 2, "saved as markdown": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence: "" when dated).
ROLES = {
    "strategy": ("strategy landing page", {"Publisert 14. mai 2025", "Sist oppdatert 14. mai 2025",
                                           "Hopp til hovedinnhold", "Sentralbord: 22 00 00 00"},
                 {"Fire innsatsområder", "Hva skjer videre?"}, "nb", "2025"),
    "municipal": ("municipality's service page on a coordinator",
                  {"We use cookies", "Skip to main content", "Accept all cookies",
                   "Mandag–fredag kl. 08.00–15.30"},
                  {"Slik søker du", "Logg inn med BankID og send søknaden digitalt."}, "nb",
                  "no year: no 19xx"),
    "habilitation": ("habilitation centre's service page", {"Start chat", "Chat med oss",
                                                          "Mandag–fredag 09.00–14.00"},
                     {"Åpningstider", "Før samtalen"}, "nb", "2024"),
    "portal": ("journal abstract on a university research portal",
               {"Fingerprint", "100%", "Research output: Contribution to journal › Article › "
                "peer-review", "Publication status", "BIBTEX"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page", {"Prosjektperiode", "2024–2028",
                                                        "Prosjektnummer", "300000",
                                                        "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views", "CrossRef citations to date", "Altmetric", "Download PDF",
                 "Utgitt av Tindvik universitetsforlag (oppdiktet)"}, {"Abstract"}, "en", "2022"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar",
                                                "Les også"}, {"Kommentarer"}, "nb", "2024"),
    "call": ("call for proposals", {"Deadline", "15 October 2027, 13:00 CET", "Apply now"},
             {"Who can apply", "What we fund"}, "en", "no year: only"),
    "tender": ("tender notice", {"CPV-kode", "Tilbudsfrist", "20.05.2025 12:00"},
               {"Beskrivelse av anskaffelsen"}, "nb", "2025"),
    "question": ("parliamentary written question", {"Besvart", "Dokumentnummer"},
                 {"Spørsmål", "Svar", "Begrunnelse"}, "nb", "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Side 2", "Oktober 2023",
                    "Sammendrag ........................................ 2"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2023"),
    "minutes": ("council minutes", {"Møtedato 19.09.2024", "Protokoll 19.09.2024 – side 1"},
                {"Vedtak", "Vedtaket var enstemmig."}, "nb", "2024"),
    "newsletter": ("newsletter e-mail", {"Unsubscribe | Update your preferences",
                                         "View this email in your browser"},
                   {"Dear members,", "From the working groups"}, "en", "2025"),
    "bilingual abstract": ("conference abstract in two languages",
                           {"Parallellsesjon 2B", "34", "35"}, {"Samandrag", "Abstract"},
                           "nn;en", "2024"),
}

IDS = {kind: re.compile(pattern) for kind, pattern in (row.split(" := ") for row in r"""
phone := (?:Telefon|Telephone|Switchboard|Sentralbord|Växel|Kundeservice): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISBN := ISBN (?P<id>[\d-]+)
postal box := (?:Postboks|Box) (?P<id>\d+)
working paper := Working Paper (?P<id>\d+)/20\d\d
report number := Rapport (?P<id>\d+)/20\d\d
case number := (?:Arkivsak|Vår ref\.(?: \|)?) (?P<id>\d\d/\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
DOI := 10\.0000/[a-z]+\.(?P<id>\d+)
""".strip().splitlines())}
SHAPES = {kind: re.compile(pattern) for kind, pattern in {
    "phone": r"\+46 [0 ]+|[1-9]\d [0 ]+|0000-[0 ]+|[0 ]+",
    "organisation number": r"9[0 ]+|[0 ]+", "ISBN": r"978-82-[0-]+",
    "case number": r"2[34]/0+"}.items()}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# Each binary: pages, and its PDF metadata (None: absent) as the README states.
PDFS = {
    "b01_telerehab_network_workshop_programme_print_en.pdf": (
        2, "Workshop programme – Telerehabilitation Network", "D:2026"),
    "b02_region_tindvik_digital_rehabilitering_hemma_print_sv.pdf": (
        2, "Digital rehabilitering – Region Tindvik", "D:2026"),
    "p01_evaluering_koordinatorordningen_sammendrag_nb_en.pdf": (
        4, "Evaluering av koordinatorordningen i kommunene", "D:2026"),
    "p02_skarvdal_rehabiliteringsplan_mot_2030_nn.pdf": (4, "Microsoft Word - plan_v3.docx",
                                                         "D:2024"),
    "p03_kohere_working_paper_digital_plans_en.pdf": (1, None, None),
    "p04_funksjonsradet_protokoll_digital_rehabilitering_nb.pdf": (
        1, "Protokoll - råd for personer med funksjonsnedsettelse", "D:2024"),
}
WORD = {"d01_brukerforeningen_horingssvar_rehabilitering_nb.docx": ("2024", "Sekretariatet"),
        "d02_homerehab_final_report_summary_en.docx": ("2023", "Project leader")}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document: labels, placement, a saved page's head and fields, the
    type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_single_file_page(name):
    """A Chrome single-file page: Blink's headers, the page as quoted-printable HTML whose
    <title> is the Subject and is debris, and at least one more part."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\r\nFrom: <Saved by Blink>\r\n" in data and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related"
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert parts[0].get_content_type() == "text/html" and len(parts) >= 2
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert message["Subject"] in SET.debris_of(name)
    assert message["Subject"] != SET.labels[name]["title"]
    assert fs.YEAR.findall(message["Date"])[:1] == [SET.labels[name]["year"]]


def test_whole_set():
    """Files, CSVs and README tables agree; size, formats, types and languages as the brief
    asks; the genres are named; year situations and traps."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert len(labels) == 32
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert first == {"nb": 14, "en": 10, "nn": 4, "da": 2, "sv": 2}, first
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(2)
    unnamed = {name: years for name, label in labels.items()
               if (years := {y for line in SET.lines[name] for y in fs.YEAR.findall(line)}
                   - set(fs.YEAR.findall(label["year_evidence"])))}
    assert unnamed == {}, "a visible year not named in the year evidence"


def test_programmes_identifiers_and_contents():
    """Programmes, and only they, glue clock times to titles; identifiers zero-filled; dot-leader
    contents lines in three documents, all debris; every dt/dd page field is debris."""
    SET.glued_check()
    SET.identifiers_check({k: p.pattern for k, p in IDS.items()},
                          {k: p.pattern for k, p in SHAPES.items()})
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len({n for n, _ in leaders}) >= 3
    assert all(line in SET.debris_of(n) for n, line in leaders)
    assert SET.field_pages() >= 6


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are the
    expected ones."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    assert (gone - debris, stay - (set(SET.lines[name]) - debris)) == (set(), set())
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; a browser print keeps the browser's
    stamp (print time, <title>, address, page of pages) as debris, and its date is not the
    label's."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    assert (info.get("/CreationDate") or None) is None if created is None \
        else str(info["/CreationDate"]).startswith(created)
    if "_print_" in name:
        stamps = [line for line in SET.lines[name] if re.search(r" \d/\d$", line)]
        assert len(stamps) == pages and set(stamps) <= SET.debris_of(name)
        assert title in SET.debris_of(name) or any(title in d for d in SET.debris_of(name))
    if name.startswith("p01"):
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: created and modified in the labelled year, an organisation or role as
    author, last_modified_by not python-docx; header and footer lines are debris."""
    import docx

    year, editor = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert year == SET.labels[name]["year"]
    assert str(props.created.year) == str(props.modified.year) == year
    assert props.last_modified_by == editor and "python-docx" not in props.last_modified_by
    assert "(invented)" not in props.author and props.author
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)
