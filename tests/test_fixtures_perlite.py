"""Checks of the perlite fixture set (tests/fixtures/exported/perlite), written blind.

Brief: digital self-service and automated decisions in housing benefits, social assistance and
child welfare, leaning to the web: 16 saved HTML pages, 3 pages saved by Chrome as one .mhtml
file, 2 pages printed to PDF by the browser, 4 word-processor PDFs, 2 Word files, 4 text copies
and 1 Markdown page; 32 documents in all, so the shared size_check and trap_check (36 to 40
documents, three glued programmes) are replaced by this set's own counts below.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "perlite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's|ombudsman statement|news item|blog post|tender notice|"
             r"call for proposals|press release|newsletter|council minutes",
    "policy_document": r"consultation response|municipal (?:strategy|plan|action plan)",
    "project_report": r"catalogue page|research project's page|working paper|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "social assistance": ("municipality's service page on applying for social assistance",
                          {"We use cookies to improve the site", "Skip to content",
                           "Sentralbord: 21 00 00 00"},
                          {"Slik søker du", "Logg inn med BankID eller MinID."}, "nb", "Sist"),
    "housing allowance": ("municipality's page on applying for housing allowance",
                          {"Hopp til hovudinnhald", "Chat med oss", "Org.nr. 000 000 000"},
                          {"Opningstider", "Opne søknaden og logg inn med ID-porten."}, "nn",
                          "no year: no 19xx"),
    "ombudsman": ("ombudsman statement", {"Sak 2022/0000", "Dato for uttale: 17.05.2023"},
                  {"Samandrag", "Ombodet si vurdering"}, "nn", "Dato for uttale"),
    "portal": ("conference paper abstract on a university research portal",
               {"Contribution to conference", "Social Assistance Social Sciences 100%", "BibTeX"},
               {"Abstract", "Fingerprint"}, "en", "Publication date"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2028", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract with a norwegian summary",
                {"Views: 000", "CrossRef citations: 0", "Altmetric", "Download PDF"},
                {"Abstract", "Sammendrag"}, "en;nb", "Published"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar", "Les også"},
             {"Kommentarer"}, "nb", "Publisert"),
    "tender": ("tender notice", {"Tilbudsfrist", "15.01.2026 12:00", "CPV-kode"},
               {"Kort beskrivelse"}, "nb", "no year: only"),
    "thesis": ("master's thesis record", {"Kontakt arkivet", "Author", "Show full item record"},
               {"Abstract"}, "en", "Date 2020"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Vedtatt i kommunestyret 15. juni 2022", "Last ned strategien (PDF)"},
                 {"Innsatsområder", "Åpne og forklarte vedtak"}, "nb", "Vedtatt"),
    "glued seminar": ("seminar programme copied with select all",
                      {"Torsdag 12. mars", "Meld deg på"},
                      {"Program", "11:15Pause"}, "nb", "no year: no 19xx"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Sent: Tuesday, 12 November 2024 08:02", "View this e-mail in your browser"},
                   {"Dear colleagues,", "In this issue"}, "en", "Sent"),
    "bilingual conference abstract": ("conference abstract in two languages",
                                      {"Abstrakt 00", "Session 3B, 23 maj 2022"}, {"Abstract"},
                                      "sv;en", "Session"),
    "evaluation": ("evaluation report with an english summary",
                   {"Side 2", "1 Innledning ........................ 4", "Oktober 2022"},
                   {"Sammendrag", "English summary"}, "nb;en", "Oktober 2022"),
    "minutes": ("council minutes", {"Møtedato 12.03.2024", "Side 1"}, {"Vedtak"}, "nn", "Møtedato"),
    "danish response": ("consultation response of a danish housing association",
                        {"Sagsnr. | 2024-0000", "Boligsocialt Forum (opdigtet)"},
                        {"Med venlig hilsen"}, "da", "Dato"),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only.
IDS = {kind: re.compile(pattern) for kind, pattern in (row.split(" := ") for row in r"""
phone := (?:Phone|Telefon|Sentralbord|Växel|Brukerstøtte|telefon):? (?P<id>(?:\+47 )?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
postal box := Postboks (?P<id>\d+)
case number := (?:Sak (?:20\d\d/)?|Sagsnr\. \| 2024-)(?P<id>\d+)
report number := (?:Rapport|Working Paper) (?P<id>\d+)/20\d\d
DOI := 10\.0000/jcsw\.v(?P<id>00i0\.000)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
ISSN := ISSN (?P<id>[\d-]+)
""".strip().splitlines())}
SHAPES = {"phone": re.compile(r"(?:\+47 )?(?:[1-9]\d )?[0 ]+|0\d{3}-[0 ]+")}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGES = {"nb": 13, "en": 10, "nn": 4, "da": 2, "sv": 3}
# name prefix: (pages, /CreationDate year or None, /Title: "real", "junk", None for absent)
PDFS = {"p01": (4, "2022", "real"), "p02": (2, "2026", "real"), "p03": (1, "2024", "junk"),
        "p04": (3, None, None)}
# Word files: (author, last_modified_by), an organisation and a role as the README states
AUTHORS = {"w01": ("Boligsocialt Forum", "Sekretariatet"),
           "w02": ("Fagnettverk Midtfjord", "Nettverkskoordinator")}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields, the
    type its genre names, later prose years named in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks; year situations and traps; consultation
    responses typed policy_document; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    labels = SET.labels
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    first = Counter(lab["languages"].split(";")[0] for lab in labels.values())
    assert dict(first) == FIRST_LANGUAGES
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and any(lab["doc_type"] == "abstract" for lab in two)
    # monolingual pages whose only other-language text is boilerplate
    assert SET.labels[holder("social assistance")]["languages"] == "nb"
    assert "Skip to content" in SET.debris_of(holder("social assistance"))
    assert "Personvernerklæring for arkivet" in SET.debris_of(holder("thesis"))
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(2)
    assert fs.missing_genres(labels, {"saved as one mhtml file": 3, "word processor pdf": 4,
                                      "printed to pdf by the browser": 2, "a word file": 2,
                                      "copied with select all": 2}) == {}


def test_programmes_identifiers_and_contents():
    """Glued clock times only in programmes (in three of them, four kept lines or more each);
    every kind of identifier present and zero-filled; field lists on five pages; dot-leader
    contents lines in two PDFs, all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued <= programmes and len(glued) >= 3
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    seen, wrong = fs.identifier_misses(SET.lines, IDS, SHAPES, "0 /-.i")
    assert (wrong, set(IDS) - set(seen)) == ([], set())
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 6)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) >= 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's document: what the table says goes is all debris, what it says stays is all
    kept, and its language label and the start of its year evidence are the table's."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = {line for line in gone if line not in debris}
    dropped = {line for line in stay if line in debris or line not in SET.lines[name]}
    assert (missing, dropped) == (set(), set()), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_word_processor_pdf(prefix):
    """Each word-processor PDF has the page count and metadata the README states; a re-exported
    file's /CreationDate is two years or more after its labelled date and named in the evidence."""
    from pypdf import PdfReader

    name = named(prefix)
    pages, created, title = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if created is None:
        assert "/CreationDate" not in info
    else:
        assert info["/CreationDate"][2:6] == created
    label = SET.labels[name]
    if created and int(created) - int(label["year"]) >= 2:
        assert "/CreationDate" in label["year_evidence"] and created in label["year_evidence"]
    if title is None:
        assert "/Title" not in info
    elif title == "junk":
        assert info["/Title"].startswith("Microsoft Word - ") and info["/Title"].endswith(".docx")
    else:
        assert info["/Title"] != label["title"] and not info["/Title"].startswith("Microsoft")
        assert not info["/Title"].endswith((".docx", ".pdf"))


@pytest.mark.parametrize("prefix", ["c01", "c02"])
def test_browser_pdf(prefix):
    """A page the browser printed: one page, Chromium's stamp (date, time, <title>) and the
    address with "1/1" are debris, and its print date is not the labelled year."""
    from pypdf import PdfReader

    name = named(prefix)
    reader = PdfReader(SET.folder / name)
    assert len(reader.pages) == 1 and "Chrom" in (reader.metadata or {}).get("/Creator", "")
    stamps = {line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", line)
              or line.endswith(" 1/1")}
    assert len(stamps) == 2 and stamps <= SET.debris_of(name)
    assert reader.metadata["/CreationDate"][2:6] != SET.labels[name]["year"]


def test_word_files_and_mhtml():
    """The Word files' core properties: an organisation or role as author, never python-docx,
    created and modified in the labelled year; the .mhtml files carry Blink's headers."""
    import email
    from email import policy

    import docx

    for prefix in ("w01", "w02"):
        name = named(prefix)
        props = docx.Document(str(SET.folder / name)).core_properties
        assert (props.author, props.last_modified_by) == AUTHORS[prefix]
        assert {props.created.year, props.modified.year} == {int(SET.labels[name]["year"])}
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message["Subject"] in SET.debris_of(name)
        parts = [p.get_content_type() for p in message.walk()]
        assert parts[:2] == ["multipart/related", "text/html"] and len(parts) >= 3
