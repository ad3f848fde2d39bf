"""Checks of the amphibolite fixture set (tests/fixtures/exported/amphibolite), written blind.

Brief: how municipalities use digital tools in child and family services outside child welfare
(family centres, parenting-support apps, digital health-station services, online courses for
parents). A web-heavy set of 32 documents: 16 saved pages, 3 pages saved as one .mhtml file, 2
pages printed to PDF by the browser, 4 word-processor PDFs, 2 Word files, 4 text copies and one
Markdown page. The import is never run here: the labels, debris and prose are held to the shared
conventions of fixturesets and then to the brief. The set has 32 documents and two glued
programmes, so fixturesets' size_check and trap_check (36-40 documents, three glued programmes)
do not fit and the counts are checked here instead.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "amphibolite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|information (?:page|article)|call for proposals|"
             r"tender notice|written question|press release|newsletter|council minutes",
    "policy_document": r"guidance of|strategy|consultation response|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
NAMED = {"consultation response": 2, "word processor's pdf": 4, "printed to pdf by the browser": 2,
         "saved as one mhtml file": 3, "a word file": 2, "copied": 2, "pasted": 2,
         "clock times glued to talk titles": 2, "boilerplate, labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence).
ROLES = {
    "portal": ("guidance of a county council", {"Skip to main content", "Accept analytics cookies",
               "Telephone: 0300 000 0000", "Published 14 May 2024"},
               {"What the digital offer includes"}, "en", "Published 14 May 2024"),
    "municipal": ("municipality's service page", {"We use cookies", "Skip to content", "Start chat",
                  "Sentralbord: 61 00 00 00", "Sist oppdatert 3. april"},
                  {"Åpningstider", "Logg inn med BankID eller MinID."}, "nb", "no year: no 19xx"),
    "portal output": ("research portal output page", {"Fingerprint", "Health Visitors 100%",
                      "Contribution to journal", "Publication status"}, {"Abstract"}, "en",
                      "Publication status"),
    "catalogue": ("catalogue page of a research project", {"Prosjektperiode", "2024–2028",
                  "Prosjektnummer", "000000", "Ingen publikasjoner funnet", "FORSKNING-FAMILIE"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal article page", {"2,140 Accesses", "4 Citations", "12 Altmetric",
                "Download PDF"}, {"Abstract", "Background"}, "en", "Published: 08 November 2022"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar",
             "Gunnar_H: Hva med oss som ikke har BankID på mobilen?"}, set(), "nb", "Publisert"),
    "blog": ("blog post of a research group", {"Personvernerklæring", "Leave a Reply",
             "Posted on 21 March 2023 by famtech"}, set(), "en", "Posted on 21 March 2023"),
    "strategy": ("strategy with a horizon year", {"Sak 000/24", "Hopp til hovudinnhald"},
                 {"Mål", "Tiltak"}, "nn", "Vedteken i kommunestyret 19. november 2024"),
    "call": ("call for proposals", {"Søknadsfrist", "15.02.2026"}, {"Frist"}, "nb", "Publisert"),
    "tender": ("tender notice", {"Tilbudsfrist", "CPV-kode", "2025-000000"}, {"Kort beskrivelse"},
               "nb", "Publisert 02.04.2025"),
    "question": ("parliamentary written question", {"WQ 000/23", "Answered on"},
                 {"Question", "Answer"}, "en", "Answered on 24 October 2023"),
    "seminar": ("seminar programme copied", {"Dato", "Tirsdag 4. november 2025", "Meld deg på"},
                {"Program", "11.30–12.15Lunsj"}, "nb", "Dato: Tirsdag 4. november 2025"),
    "newsletter": ("newsletter e-mail", {"Avsluta prenumeration", "Visa i webbläsaren"},
                   {"Hej alla familjecentraler!"}, "sv", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Mjøsforsk – Rapport 00/2024 – side 3",
                    "Familieportalen – evaluering for tre kommuner"},
                   {"Sammendrag", "English summary"}, "nb;en", "Juni 2024"),
    "minutes": ("council minutes", {"Side 1", "Dato: 03.06.2025"}, {"Underskrifter"}, "nn",
                "Dato: 03.06.2025"),
    "working paper": ("working paper of the research project", {"FAMDIG Working Paper 1", "Page 2"},
                      {"Contents", "References"}, "en", "December 2023"),
    "annual": ("annual report excerpt", {"Storvika kommune – Oppvekst",
                                        "Enhet: | Familiens hus, Storvika kommune"},
               {"Nøkkeltall", "Tjeneste | Antall"}, "nb",
               "Behandlet: Oppvekstutvalget 11. mars 2025"),
}

# PDFs: pages, metadata as the README states (None: the key is absent).
PDFS = {
    "b01": (2, {"/CreationDate": "D:2026"}), "b02": (2, {"/CreationDate": "D:2026"}),
    "p01": (5, {"/Title": "Evaluering av Familieportalen", "/CreationDate": "D:2024"}),
    "p02": (2, {"/Title": "Microsoft Word - protokoll_oppvekst_v3.docx", "/CreationDate": None}),
    "p03": (3, {"/Title": "FAMDIG Working Paper 1", "/CreationDate": "D:2025"}),
    "p04": (1, {"/Title": None, "/CreationDate": "D:2024"}),
}
DOCX = {"d01": ("Storvika kommune", "Oppvekstetaten", 2025),
        "d02": ("Skole og Forældre", "Sekretariatet", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared rules (labels, placement, the saved page's head and fields), the type the genre of
    the notes names, and every later year of the prose named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables; 32 documents in the brief's formats; all five types at
    least four times; languages as asked; bilingual documents; the genres named; the year
    situations and traps; consultation responses typed policy_document; one holder a role."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    counts = SET.by_column
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                     "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    _, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 13 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {k: len(v) >= 3 for k, v in traps.items() if k in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})


def test_programmes_contents_and_mhtml():
    """The two copied programmes glue four or more times to titles, kept; no other document
    glues; dot-leader contents lines (two PDFs) are all debris; each .mhtml is Blink's shape."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued == [named("m01"), named("t01")]
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name)
    SET.contents_check(DOT_LEADER, 8)
    assert {n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)} == \
        {named("p01"), named("p03")}
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        raw = (SET.folder / name).read_bytes()
        assert raw.count(b"\r\n") == raw.count(b"\n")  # Blink writes CRLF
        head = raw.decode().replace("\r\n", "\n").split("\n\n")[0]
        assert head.startswith("From: <Saved by Blink>\nSnapshot-Content-Location: https://")
        assert "Subject: " in head and "\nDate: " in head and "multipart/related" in head
        assert (SET.folder / name).read_bytes().count(b"Content-Location:") >= 3


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three or more prose sentences survive."""
    name = fs.by_notes(SET.labels, ROLES[role][0])
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Page count and metadata of each PDF; a re-exported working paper is labelled by its cover."""
    from pypdf import PdfReader

    pages, meta = PDFS[prefix]
    reader = PdfReader(SET.folder / named(prefix))
    assert len(reader.pages) == pages
    info = reader.metadata or {}
    for key, value in meta.items():
        if value is None:
            assert key not in info, key
        else:
            assert str(info.get(key, "")).startswith(value), (key, info.get(key))
    label = SET.labels[named(prefix)]
    if prefix == "p03":
        assert label["year"] == "2023" and "/CreationDate 2025" in label["year_evidence"]


@pytest.mark.parametrize("prefix", sorted(DOCX))
def test_word_properties(prefix):
    """Core properties of the Word files: an organisation as author, a role as last editor,
    created in the document's year, never python-docx."""
    import docx

    author, editor, year = DOCX[prefix]
    props = docx.Document(str(SET.folder / named(prefix))).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.created.year == props.modified.year == year
    assert year == int(SET.labels[named(prefix)]["year"])
    assert "python-docx" not in {props.author, props.last_modified_by, props.comments}


def test_counts_of_debris():
    """Every document has debris and 3-4 prose sentences; 32 documents in all."""
    debris = Counter(row["file"] for row in SET.debris)
    assert len(SET.labels) == 32 and all(debris[n] >= 3 for n in SET.on_disk)
