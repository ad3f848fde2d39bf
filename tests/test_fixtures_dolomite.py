"""Checks of the dolomite fixture set (tests/fixtures/exported/dolomite), written blind.

Brief: digital services for carers and relatives (care allowance applied for online, respite
booking, digital access to a relative's case, municipal carer programmes, evaluations), leaning
to the web: 16 saved HTML pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to
PDF by the browser, 4 word-processor PDFs, 2 Word files, 4 text copies and 1 Markdown page, 32
in all. The set is smaller than the 36 to 40 documents `size_check` and `trap_check` expect, so
its counts are checked here. The import is never run here.
"""

import datetime as dt
import email
import re
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "dolomite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|agency's page|news item|blog post|written question|call for proposals|"
             r"tender notice|press release|minutes|newsletter",
    "policy_document": r"consultation response|plan|strategy|programme page|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme (?:of|copied|saved)|seminar programme",
}.items()}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2, "saved as one file": 3,
         "printed to pdf by the browser": 2, "word-processor pdf": 4, "word file": 2,
         "labelled monolingual": 2, "horizon year": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "carer centre": ("carer centre's service page",
                     {"We use cookies", "Skip to content", "Accept all",
                      "Sentralbord: 51 00 00 00"},
                     {"Før du søker",
                      "Snakk med den du gir omsorg til, og avtal hvem som skal søke."},
                     "nb", "Sist oppdatert"),
    "respite": ("municipality's service page on booking respite online",
                {"Chat med oss", "Start chat", "Logg inn med BankID", "Hopp til hovedinnhold"},
                {"Slik bestiller du", "Åpningstider", "Logg inn på Min side med BankID."}, "nb",
                "no year: no 19xx"),
    "agency": ("agency's page on acting for a relative",
               {"Informasjonskapsler", "Godta", "Personvernerklæring", "Tilgjengelighet"},
               {"What you can see"}, "en", "Published 3 June 2024"),
    "portal": ("conference paper abstract on a university research portal",
               {"Contribution to conference", "Fingerprint", "Respite Care 100%",
                "Original language", "Publication date", "Cite this"},
               {"Abstract"}, "en", "Publication date"),
    "catalogue": ("research project's catalogue page",
                  {"PARFORSK-HELSE", "Prosjektperiode", "2024 - 2028", "300000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"}, "nb;en",
                  "no year: only"),
    "journal": ("journal abstract page in two languages",
                {"ORCID Icon", "Visningar: 000", "Altmetric", "Last ned PDF"},
                {"Samandrag", "Abstract"}, "nn;en", "citation_publication_date 2024"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Publisert 22.01.2025 07:30", "Mest lest"},
             set(), "nb", "Publisert 22.01.2025"),
    "call": ("call for proposals with a future deadline",
             {"Ansøgningsfrist", "15. september 2027 kl. 12.00", "Gå til indhold"},
             {"Sådan søger du"}, "da", "no year: only the application deadline"),
    "tender": ("tender notice with catalogue fields",
               {"Oppdragsgiver", "CPV-kode", "Tilbudsfrist", "Konkurransegrunnlag.pdf"},
               {"Kort beskrivelse"}, "nb", "Kunngjøringsdato"),
    "plan": ("municipal carers' plan with a horizon year",
             {"Sist endra 06.05.2025", "Hopp til hovudinnhald"}, {"Tiltak"}, "nn", "Sist endra"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2023", "Side 3", "Evaluering av digital avlastning – side 3"},
                   {"Sammendrag", "English summary"}, "nb;en", "November 2023"),
    "minutes": ("minutes of a municipal council", {"Side 1 av 1", "Saksnummer 00/000"},
                {"Møtebok", "Vedtak"}, "nn", "no year: no 19xx"),
    "annual": ("annual report excerpt", {"Mars 2022", "Sida 2"}, {"Ordföranden har ordet"}, "sv",
               "Mars 2022"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences"},
                   {"New guides", "Dear reader,"}, "en", "no year: no 19xx"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Pårørendestrategi mot 2030 2", "Innhold", "Brekkestad kommune (oppdiktet)"},
                 {"1 Innledning", "2 Mål"}, "nb", "no year: only the horizon 2030"),
}

# The binaries: (pages, /Title or None, year of /CreationDate or None) by file-name opening.
PDFS = {"p01": (4, "Microsoft Word - evaluering_avlastning_v3.docx", "2023"),
        "p02": (4, "DIGIPÅR Working Paper 0/2025", "2025"),
        "p03": (1, None, None),
        "p04": (3, "Verksamhetsberättelse", "2025"),
        "c01": (2, "Pårørendeprogram - Lindesvik kommune", None),
        "c02": (1, "Abstract – Care Futures Symposium", None)}
WORD = {"w01": ("Pårørendeforeningen Vest", 2024),
        "w02": ("Skarvøy kommune, helse og omsorg", 2023)}
STAMP = re.compile(r"\d+/\d+/\d+, \d+:\d+ [AP]M ")
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def named(opening: str) -> str:
    """The one document whose file name starts with `opening`."""
    found = [n for n in SET.on_disk if n.startswith(opening)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document (labels, placement, year, the saved page's head and field
    list), the type its genre names, and later prose years named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents by format as the brief asks; all five
    types four times or more; languages near the issue's mix with four bilingual documents; the
    genres named; three documents of each year situation and trap; responses typed policy."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert dict(formats) == FORMATS
    assert set(types) == fs.TYPES and min(types.values()) >= 4
    tags, parts, _ = fs.language_counts(SET.labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(SET.labels, NAMED) == {}
    found = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert all(len(found[key]) >= 3 for key in ("bare", "other_years", "ahead", "glued"))
    assert found["repeated"] == []
    SET.consultations_check(2)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 10)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year evidence
    are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label = SET.debris_of(name), SET.labels[name]
    visible = set(SET.lines[name])
    assert sorted(gone - debris) == [] and sorted(stay - (visible - debris)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("opening", sorted(PDFS))
def test_pdf(opening):
    """Each PDF's page count, /Title and /CreationDate as the README states; the browser's
    prints carry the print stamp and address as debris and a creation date that is not the
    page's year; the re-exported report names /CreationDate in its evidence."""
    name = named(opening)
    pages, title, year = PDFS[opening]
    reader = PdfReader(fs.SETS / "dolomite" / name)
    meta, label = reader.metadata, SET.labels[name]
    assert len(reader.pages) == pages
    assert (meta or {}).get("/Title") == title
    if opening.startswith("c"):
        stamps = [line for line in SET.lines[name] if STAMP.match(line)]
        address = [line for line in SET.lines[name] if re.search(r"^\S+:///\S+ \d/\d$", line)]
        assert len(stamps) == len(address) == pages and {*stamps, *address} <= SET.debris_of(name)
        assert meta["/CreationDate"][2:6] != label["year"]
    elif year is None:
        assert meta is None and "no metadata" in label["year_evidence"]
    else:
        assert meta["/CreationDate"][2:6] == year
        assert (year != label["year"]) == ("re-export" in label["year_evidence"])
        assert f"/CreationDate {year}" in label["year_evidence"]


@pytest.mark.parametrize("opening", sorted(WORD))
def test_word_file(opening):
    """A Word file's core properties: an organisation as author, an editor that is not
    python-docx, created and modified in the labelled year; its header and footer are debris."""
    from docx import Document

    name = named(opening)
    core = Document(str(fs.SETS / "dolomite" / name)).core_properties
    author, year = WORD[opening]
    assert core.author == author and core.last_modified_by not in ("", "python-docx")
    assert core.created.year == core.modified.year == year == int(SET.labels[name]["year"])
    assert isinstance(core.created, dt.datetime) and core.created <= core.modified
    lines = SET.lines[name]
    assert lines[0] in SET.debris_of(name) and lines[-1] in SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers, the page's <title> as Subject (and a
    debris line), an HTML part in quoted-printable and at least one more part."""
    data = (fs.SETS / "dolomite" / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\n") and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related" and message["Date"]
    parts = list(message.iter_parts())
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
    assert message["Subject"] in SET.debris_of(name)
    assert message["Subject"] != SET.labels[name]["title"]
