"""Checks of the peridot fixture set (tests/fixtures/exported/peridot), written blind.

Brief: open data, dashboards and statistics on welfare services (municipal key figures portals,
data quality, researchers' access to register data, agencies' statistics releases), leaning to
the web: 16 pages saved as HTML, 3 saved by Chrome as one file (.mhtml), 2 printed to PDF by the
browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies and 1 Markdown page, 32 in
all. The set is smaller than the 36 to 40 that ``fixturesets.size_check`` expects, so its sizes
are checked here.

The import is never run here: labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "peridot")
# Head fields that date a page; each names the labelled year where it occurs.
META_DATES = set("article:published_time citation_publication_date dc.date event:start_time"
                 .split())

# The genre words that may open a document's notes, by the one type they stand for.
GENRE_WORDS = (
    ("other", "municipal page|agency page|help page|news item|press release|member organisation"
              "|call for proposals|blog post|tender notice|council minutes|newsletter"),
    ("policy_document", "strategy|consultation response|statistics release"),
    ("project_report", "project catalogue page|project page|working paper|evaluation report"),
    ("abstract", "abstract|thesis record"),
    ("event_programme", "programme"),
)
GENRE_TYPES = {kind: re.compile(words) for kind, words in GENRE_WORDS}
NAMED = {"consultation response": 2, "saved as one file by chrome": 3,
         "printed to pdf by the browser": 2, "pdf made by a word processor": 4,
         "as a word file": 2, "copied with select all": 2, "pasted": 2, "saved as markdown": 1,
         "clock times glued to talk titles": 2, "in two languages": 2}
SIZES = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence).
ROLES = {
    "municipal": ("municipal page on the key figures dashboard",
                  {"Skip to content", "Accept all cookies", "Sentralbord: 37 00 00 00",
                   "Sist oppdatert 14.02.2025"}, {"Slik bruker du dashbordet"}, "nb", "2025"),
    "agency": ("agency page on the health atlases", {"Hopp til hovedinnhold", "Godta alle"},
               {"Om datagrunnlaget"}, "nb", "no year: no 19xx"),
    "journal": ("journal abstract on a journal article page",
                {"Views", "Citations", "Altmetric", "Download PDF",
                 "First published: 03 June 2024"},
                {"Abstract"}, "en", "2024"),
    "thesis": ("thesis record on a university's research portal",
               {"Doctoral Thesis", "Fingerprint", "Social Care 100%", "Award date 14 Nov 2023"},
               {"Abstract"}, "en", "2023"),
    "catalogue": ("funder's project catalogue page",
                  {"Grant reference", "Project period", "2024–2027", "Amount awarded"},
                  {"About the project"}, "en", "no year: only"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Læs også",
              "hanne_k: Det samme sker hos os hvert forår."}, set(), "da", "2023"),
    "strategy": ("strategy page with a horizon year", {"Vedtatt i kommunestyret 19.06.2024"},
                 {"Mål", "Tiltak"}, "nb", "2024"),
    "call": ("call for proposals", {"Deadline", "4 March 2027", "Apply now"},
             {"Who can apply"}, "en", "no year: only"),
    "tender": ("tender notice", {"Oppdragsgiver", "Referansenummer", "2025/000", "Tilbudsfrist"},
               {"Beskrivelse av anskaffelsen"}, "nb", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2021", "Rapport 0/2021", "Samandrag ........................ 2"},
                   {"Samandrag", "English summary"}, "nn;en", "2021"),
    "minutes": ("council minutes", {"Møtedato: 05.12.2023 Sted: Kommunehuset, møterom 1",
                                    "Sak 000/23 Orienteringssaker"},
                {"Saksliste", "Vedtaket ble fattet enstemmig."}, "nb", "2023"),
    "newsletter": ("newsletter e-mail pasted",
                   {"Unsubscribe", "Date: Tue, 2 Sep 2025 08:00:12 +0000"},
                   {"14:00Webinar: publishing care data responsibly"}, "en", "2025"),
    "abstracts book": ("book-of-abstracts page", {"14", "Parallellsesjon 3: Velferdsstatens data"},
                       {"Abstract"}, "nb;en", "no year: only"),
    "response": ("consultation response on open data", {"Oslo, 25. januar 2024",
                                                         "Norsk statistisk forening"},
                 {"Med vennlig hilsen"}, "nb", "2024"),
}

# Binaries by the first three letters of their file name. A PDF: its pages, its /Title (None:
# absent) and the year its /CreationDate opens with (None: absent; "printed": the printing day).
PDFS = {"c01": (1, "Høringssvar - Norsk sosiologforening", "printed"),
        "c02": (1, "Events | Royal Statistical Society", "printed"),
        "p01": (4, "Strategi for bruk av data i helse og omsorg mot 2030", "2024"),
        "p02": (4, "Microsoft Word - evaluering_dashbord_v3.docx", "2024"),
        "p03": (1, None, None),
        "p04": (4, "LINKCARE Working Paper: Linkage quality", "2025")}
# A Word file: its author and the year it was created and last saved.
DOCX = {"d01": ("Norsk statistisk forening", 2024), "d02": ("Norsk sosiologforening", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def named(prefix: str) -> str:
    """The one document whose file name starts with ``prefix``."""
    (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
    return name


def holder(role: str) -> str:
    """The document that holds a role of the brief (found by the opening of its notes)."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document, its page head, its type named by its genre, and every
    later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five
    types four times or more; the brief's languages; year situations and traps; genres named."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    assert len(labels) == 32 and dict(SET.by_column["format"]) == SIZES
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    SET.bilingual_check(4, 2)
    SET.consultations_check(2)
    fs.trap_check(labels, SET.prose, SET.lines)
    assert fs.missing_genres(labels, NAMED) == {}
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    SET.contents_check(DOT_LEADER, 9)


def test_boilerplate_languages():
    """Two monolingual pages whose only other-language text is boilerplate."""
    assert SET.labels[holder("municipal")]["languages"] == "nb"
    banner = "We use cookies to improve your experience on this site."
    assert banner in SET.debris_of(holder("municipal"))
    ons = named("x03")
    assert SET.labels[ons]["languages"] == "en"
    assert Counter(lab["languages"] for lab in SET.labels.values())["nb"] == 12


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three or more prose sentences survive."""
    name, (_, furniture, headings, languages, evidence) = holder(role), ROLES[role]
    debris, label = SET.debris_of(name), SET.labels[name]
    assert sorted(furniture - debris) == []
    assert sorted(line for line in headings if line in debris or line not in SET.lines[name]) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


def test_pdfs():
    """Each PDF's page count, /Title and /CreationDate as the README states; the browser's
    prints carry their printing day, which is not the labelled year."""
    from pypdf import PdfReader

    for prefix, (pages, title, created) in PDFS.items():
        pdf = PdfReader(SET.folder / named(prefix))
        info = dict(pdf.metadata or {})
        opened = (info.get("/CreationDate") or "D:")[2:6] or None
        assert (len(pdf.pages), info.get("/Title")) == (pages, title), prefix
        if created == "printed":
            assert opened and opened != SET.labels[named(prefix)]["year"], prefix
            stamps = [line for line in SET.debris_of(named(prefix))
                      if re.match(r"\d+/\d+/\d+, \d+:\d+ [AP]M", line)]
            assert len(stamps) == 1, prefix
        else:
            assert opened == created, prefix
    p02 = SET.labels[named("p02")]
    assert int(PDFS["p02"][2]) - int(p02["year"]) >= 2
    assert "/CreationDate" in p02["year_evidence"]


def test_word_files():
    """The Word files' core properties: an organisation as author, not python-docx as last
    editor, created and modified in the document's year."""
    import docx

    for prefix, (author, year) in DOCX.items():
        name = named(prefix)
        core = docx.Document(str(SET.folder / name)).core_properties
        assert core.author == author and core.last_modified_by != "python-docx"
        assert core.created.year == core.modified.year == year == int(SET.labels[name]["year"])


def test_mhtml():
    """The Chrome single-file pages carry Blink's headers and more than one part."""
    import email

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        message = email.message_from_bytes((SET.folder / name).read_bytes())
        assert message["From"] == "<Saved by Blink>" and message["Snapshot-Content-Location"]
        assert message["Subject"] in SET.debris_of(name)
        assert len([p for p in message.walk() if not p.is_multipart()]) >= 2
