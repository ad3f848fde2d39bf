"""Checks of the gabbro fixture set (tests/fixtures/exported/gabbro), written blind.

Brief: digital registration and activity reporting for job seekers (registration forms, the
fortnightly report, digital CVs, job-matching algorithms, sanctions, young people and immigrants,
evaluations). 32 documents leaning to the web: 16 saved pages, 3 pages Chrome saved as one file
(.mhtml), 2 pages printed to PDF by the browser, 4 PDFs made by a word processor, 2 Word files,
4 text copies and 1 page saved as Markdown. Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "gabbro")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"employment service's page|municipality's (?:page|jobcentre page)|news item|"
             r"blog post|tender notice|analysis page|call for proposals|council minutes|"
             r"newsletter e-mail",
    "policy_document": r"agency report|consultation response|strategy|annual report excerpt",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3, "as a pdf": 4,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "as a word file": 2, "copied": 2, "saved as markdown": 1, "in two languages": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "portal": ("employment service's page on registering",
               {"Skip to main content", "Accept all cookies", "Start chat",
                "Telephone: 0295 000 000"}, {"Before you start", "How to register"}, "en",
               "no year: no 19xx"),
    "municipal": ("municipality's page for young job seekers",
                  {"Skip to content", "This website uses cookies to improve your experience.",
                   "Sist oppdatert 12.03.2024", "Sentralbord: 32 00 00 00"},
                  {"Slik gjør du det", "Åpningstider"}, "nb", "2024"),
    "agency": ("agency report landing page", {"Rapport 2023:00", "Publicerad 20 juni 2023"},
               {"Sammanfattning", "Rekommendationer"}, "sv", "2023"),
    "research portal": ("conference paper abstract on a university research portal",
                        {"Fingerprint", "Jobseekers 100%",
                         "Research output: Conference contribution",
                         "Original language", "8 Sept 2022"}, {"Abstract"}, "en", "2022"),
    "catalogue": ("research project's catalogue page",
                  {"ARBLIN-FORSK", "Prosjektperiode", "2023–2026", "300000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"Views: 1 000", "CrossRef citations to date: 0", "Altmetric", "ORCID Icon",
                 "Download PDF"}, {"Abstract", "Sammendrag"}, "en;nb", "2024"),
    "event": ("seminar programme on an event page", {"Tid", "Meld deg på", "Legg til i kalender"},
              {"Program"}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"Publisert 03.02.2025 06:00", "Skriv ein kommentar", "Les òg"}, {"Kommentarar"},
             "nn", "2025"),
    "blog": ("blog post of a research group",
             {"Drevet med WordPress", "Legg igjen en kommentar", "Publiser kommentar"},
             {"Hva vi spør om videre"}, "nb", "2023"),
    "tender": ("tender notice", {"Time limit for receipt of tenders", "AO/DSL/000/00"},
               {"Description", "Documents"}, "en", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2021, mars 2021", "Evaluering av digital aktivitetsplan",
                    "Kvistad analyse – Rapport 0/2021 – side 2"},
                   {"Sammendrag", "English summary", "Kommune A 120 71 %"}, "nb;en", "2021"),
    "minutes": ("council minutes", {"Møtedato: 04.03.2024", "Medlem Parti Møtt"},
                {"Vedtak", "Saksframstilling"}, "nn", "2024"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Vedtatt i kommunestyret 18. juni 2025", "Hole kommune | 2"},
                 {"Innhold", "2 Mål mot 2030"}, "nb", "2025"),
    "working paper": ("working paper of the research project digimeld",
                      {"DIGIMELD Working Paper 0/2025 – Reporting rhythms",
                       "² The interview guide is available from the project."},
                      {"Summary", "DIGIMELD Working Paper 0/2025"}, "en", "2025"),
    "newsletter": ("newsletter e-mail",
                   {"Meld deg av nyhetsbrevet", "Vis denne e-posten i nettleseren"},
                   {"Hei!"}, "nb", "2024"),
    "conference abstract": ("conference abstract in two languages",
                            {"Sesjon 3B: Arbeid og inkludering", "Tilbake til abstraktlista"},
                            {"Samandrag", "Abstract"}, "nn;en", "2024"),
    "annual report": ("annual report excerpt", {"Mangfold i arbeidslivet – Årsrapport 2023", "2"},
                      {"Oslo, 20. mars 2024", "Tall og nøkkeltall"}, "nb", "2024"),
    "call": ("call for proposals", {"Share this page"}, {"Deadline: 27 February 2027 at 17:00"},
             "en", "no year: only"),
}

# PDF file opening: (pages, /Title as "absent", "junk" or the exact title, year of
# /CreationDate or None when absent).
PDFS = {
    "c01": (2, "Introdeltakarar må lære meldekortet – Vest-Telemark Blad", "print"),
    "c02": (2, "Research funding calls | University College Cork", "print"),
    "p01": (4, "Evaluering av digital aktivitetsplan", "2024"),
    "p02": (2, "absent", "2024"),
    "p03": (3, "Strategi for kvalifisering og arbeid mot 2030", None),
    "p04": (2, "junk", "2025"),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


def by_prefix(prefix: str) -> str:
    """The one document whose file name opens with ``prefix`` and an underscore."""
    found = [n for n in SET.on_disk if n.split("_", 1)[0] == prefix]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """One document against the shared conventions (LabelledSet.each_document_check): labels,
    placement of title, debris and prose, a page's head, genre and type, later prose years."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; every type
    four times or more; languages; genres named; year situations and traps; consultation
    responses typed policy_document; glued programmes; contents lines are debris."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert len(SET.labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(SET.labels)
    assert parts["nb"] >= 13 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(3)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 7)


def test_boilerplate_pages_are_monolingual():
    """A Bokmål page with an English cookie banner and skip link, and an English page with a
    Norwegian menu and footer, are labelled with one language and their boilerplate is debris."""
    municipal = holder("municipal")
    assert SET.labels[municipal]["languages"] == "nb"
    assert {"Decline", "Accept", "Skip to content"} <= SET.debris_of(municipal)
    news = fs.by_notes(SET.labels, "news item on an organisation's english page")
    assert SET.labels[news]["languages"] == "en"
    assert {"Personvernerklæring", "Hopp til hovedinnhold", "Følg oss på Facebook"} <= \
        SET.debris_of(news)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are
    the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    label, (_, gone, stay, languages, evidence) = SET.labels[name], ROLES[role]
    found = {"not debris": sorted(gone - SET.debris_of(name)),
             "not kept": sorted(stay - kept_lines(name)),
             "languages": label["languages"] == languages,
             "evidence": label["year_evidence"].startswith(evidence),
             "prose": len(SET.sentences(name)) >= 3}
    assert found == {"not debris": [], "not kept": [], "languages": True, "evidence": True,
                     "prose": True}


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states; a browser's print keeps its
    stamp (the time and the page's title on top, the address and the page count below) as
    debris, and its /CreationDate is the day of printing, never the labelled year."""
    from pypdf import PdfReader

    name = by_prefix(prefix)
    pages, title, created = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if title == "absent":
        assert "/Title" not in info
    elif title == "junk":
        assert info["/Title"].startswith("Microsoft Word - ") and info["/Title"].endswith(".docx")
    else:
        assert info["/Title"] == title
    stamp = info.get("/CreationDate")
    if created is None:
        assert stamp is None
    elif created == "print":
        assert stamp[2:6] != SET.labels[name]["year"] and stamp[2:6] in \
            SET.labels[name]["year_evidence"]
        debris = SET.debris_of(name)
        assert any(line.endswith(title) and re.match(r"\d+/\d+/\d\d, ", line) for line in debris)
        assert {f" {page}/{pages}" for page in range(1, pages + 1)} == \
            {line[line.rindex(" "):] for line in debris if "://" in line}
    else:
        assert stamp[2:6] == created
        if created != SET.labels[name]["year"]:
            assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("prefix", ["w01", "w02"])
def test_word_file(prefix):
    """The Word files' core properties: an organisation as author, a role as last editor, and
    created and modified in the labelled year; letterhead and footer are debris."""
    import docx

    name = by_prefix(prefix)
    props = docx.Document(str(SET.folder / name)).core_properties
    year = int(SET.labels[name]["year"])
    assert props.author in SET.labels[name]["notes"] and "(invented)" not in props.author
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    assert props.created.year == props.modified.year == year
    feet = fs.docx_visible_text(SET.folder / name).splitlines()[-1]
    assert feet in SET.debris_of(name)


@pytest.mark.parametrize("prefix", ["x01", "x02", "x03"])
def test_mhtml(prefix):
    """A page Chrome saved as one file: Blink's headers (From, Snapshot-Content-Location,
    Subject the page's <title>, Date the day it was saved, never before the labelled year), a
    quoted-printable HTML part first, and a stylesheet and an image part after it."""
    import email
    from email.header import decode_header, make_header
    from email.utils import parsedate_to_datetime

    name = by_prefix(prefix)
    message = email.message_from_bytes((SET.folder / name).read_bytes())
    parts = message.get_payload()
    assert message["From"] == "<Saved by Blink>"
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert str(make_header(decode_header(message["Subject"]))) in SET.debris_of(name)
    saved = parsedate_to_datetime(message["Date"]).year
    assert saved >= int(SET.labels[name]["year"])
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert parts[0]["Content-Location"] == message["Snapshot-Content-Location"]
