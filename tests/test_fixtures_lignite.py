"""Checks of the lignite fixture set (tests/fixtures/exported/lignite), written blind.

Brief: digitally booked transport for disabled and older people (transport cards, on-demand
buses booked by app, municipal transport schemes, complaints, evaluations). 32 documents leaning
to the web: 16 saved pages, three pages saved by Chrome as one .mhtml file, two pages printed to
PDF by the browser, four PDFs from a word processor, two Word files, four text copies and one
Markdown page; Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks) and then to the brief. The set has 32 documents and four
programmes, so fixturesets.size_check and trap_check (36 to 40 documents, three glued
programmes) do not fit it: test_whole_set checks its own counts instead.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "lignite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"page on booking|page on the transport card|page with a login box|news item|"
             r"blog post|press release|tender notice|call for proposals|board minutes|"
             r"council minutes|newsletter",
    "policy_document": r"agency report landing page|consultation response|annual report excerpt|"
                       r"strategy|written question",
    "project_report": r"catalogue page|project's page|working paper|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "journal abstract": 2, "consultation response": 2,
         "as a pdf from a word processor": 4, "printed to pdf by the browser": 2, "copied": 3,
         "saved by chrome as one .mhtml file": 3, "as a word file": 2, "saved as markdown": 1}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "operator app": ("transport operator's page on booking on-demand transport",
                     {"Skip to content", "We use cookies", "Accept all", "Start chat",
                      "Kundeservice: 75 00 00 00", "Mandag–fredag 07.00–20.00"},
                     {"Slik bestiller du", "Åpningstider", "Last ned appen Reis Bestilling."},
                     "nb", ""),
    "tt card": ("municipality's page on the transport card scheme",
                {"Hopp til hovudinnhald", "Logg inn med ID-porten", "Telefon: 57 00 00 00"},
                {"Kven kan søkje?", "Søk her"}, "nn", "no year: no 19xx"),
    "agency report": ("agency report landing page",
                      {"Last ned rapporten (PDF, 2 MB)", "Publisert 3. september 2024", "Rapport"},
                      {"Hovedfunn"}, "nb", ""),
    "portal": ("conference abstract on a university research portal",
               {"Fingerprint", "Flex transport 100%", "Research output: Contribution to conference",
                "Publication date", "2023"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjoner registrert"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"Visninger: 0000", "Altmetric", "Last ned PDF", "ORCID Icon"},
                {"Sammendrag", "Abstract"}, "nb;en", ""),
    "fagdag": ("seminar programme with clock times glued",
               {"Meld deg på", "Torsdag 6. mars 2025", "Legg til i kalender"},
               {"Program", "10:00Velkommen ved Svipper"}, "nb", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også", "Publisert 12.04.2024 10:41"},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group",
             {"Kontakt oss", "Personvernerklæring", "Comments are closed.",
              "Posted on 9 October 2023"},
             set(), "en", ""),
    "flextur": ("municipality's page on booking flex transport",
                {"Gå til indhold", "Vi bruger cookies", "CVR 00 00 00 00"},
                {"Sådan bestiller du", "Vælg adresse og tidspunkt."}, "da", ""),
    "fardtjanst": ("swedish municipality's page", {"Lättläst", "Var sidan till hjälp?",
                                                  "Logga in med BankID"},
                   {"Logga in"}, "sv", "no year: no 19xx"),
    "book of abstracts": ("conference abstract on a book-of-abstracts page",
                          {"Next abstract",
                           "Wheelchair users and the algorithm that plans the route",
                           "Session 4: Booking, apps and access"}, set(), "en", ""),
    "press": ("press release", {"Pressekontakt", "Last ned pressebilder",
                                "Pressemelding 27.01.2025"}, set(), "nb", ""),
    "tender": ("tender notice", {"Reference", "Deadline for tenders", "15.01.2026",
                                 "Download tender documents"}, {"Description"}, "en", ""),
    "municipal response": ("consultation response of a municipality",
                           {"Sak 000/23", "Vedteke i formannskapet 14.11.2023"},
                           {"Til Vestland fylkeskommune", "Med helsing"}, "nn", ""),
    "call": ("call for proposals", {"Apply now", "Share", "Print"}, {"How to apply"}, "en",
             "no year: the page"),
    "login": ("transport operator's page with a login box", {"Send kode", "Chat med kundesenteret",
                                                            "Sist endret 19. august 2024"},
              {"Logg inn"}, "nb", ""),
    "webinar": ("webinar programme", {"Register", "Wednesday 20 November 2024"},
                {"Programme", "13:00Welcome and introduction"}, "en", ""),
    "thesis": ("thesis record", {"Publiceringsår", "Fulltext (pdf)", "Antal nedladdningar: 000"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "printed project": ("research project's page printed", {"Projektperiode: 2024–2027",
                                                           "Ingen output fundet"},
                        {"Projektbeskrivelse"}, "da", "no year: only"),
    "annual report": ("annual report excerpt", {"Publisert 28. mars 2024",
                                                "Last ned hele årsrapporten (PDF)"},
                      {"Veien videre"}, "nb", ""),
    "working paper": ("working paper", {"BESTILLBUSS Working Paper 0/2025", "Page 2"},
                      {"Contents", "3 Findings"}, "en", ""),
    "evaluation": ("evaluation report",
                   {"Rapport 0/2023", "Evaluering av bestillingsbuss", "Side 3"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year", {"Mobilitetsstrategi – side 1",
                                                  "¹ Jf. vedtak i fylkestinget om felles takstar."},
                 {"2 Mål"}, "nn", ""),
    "board": ("board minutes", {"Møtedato: 5. desember 2024", "Side 1"},
              {"Vedtak: Orienteringen tas til orientering."}, "nb", ""),
    "remissvar": ("consultation response of a pensioners'",
                  {"Diarienummer: | Dnr S2025/00000", "RPG – Riksförbundet Pensionärsgemenskap"},
                  {"Till Regeringskansliet", "För RPG"}, "sv", ""),
    "eldreråd": ("council minutes", {"Møtedato: | 17.09.2024", "Saksnr.: | Sak 000/24"},
                 {"Orientering om bestillingstransport"}, "nn", ""),
    "newsletter": ("newsletter e-mail",
                   {"Les mer", "Meld deg av nyhetsbrevet", "Emne: Nyhetsbrev februar"},
                   {"Kort fortalt"}, "nb", ""),
    "farte": ("seminar programme copied", {"Tysdag 4. mars", "Meld deg på"},
              {"10.00Velkomen", "Program"}, "nn", "no year: no 19xx"),
    "rural day": ("conference programme copied", {"Register now", "Thursday 12 September 2024"},
                  {"12:00Lunch"}, "en", ""),
    "question": ("written question", {"Sagsnr. 2024-000", "Besvaret 14. januar 2025"},
                 {"Spørgsmål", "Svar"}, "da", ""),
    "markdown abstract": ("journal abstract saved as markdown",
                          {"*   [View PDF](/pdf)", "**Available online:** 2 May 2024"},
                          {"## Abstract"}, "en", ""),
}

# The binaries as the README states them: PDF pages, the year of /CreationDate ("" none,
# "print" the day Chromium printed it) and how /Title starts (None: absent).
PDFS = {"p01": (3, "2025", "Calling the bus"), "p02": (4, "2026", "Microsoft Word - "),
        "p03": (2, "", "Microsoft Word - strategi_v3"), "p04": (1, "2024", None),
        "c01": (1, "print", "FLEXBOOK"), "c02": (1, "print", "Årsrapport")}
WORD = {"d01": ("RPG förbundskansliet", "2025", "Kansliet"),
        "d02": ("Politisk sekretariat", "2024", "Sekretariatet")}
PHONE = re.compile(r"(?:Telefon|Phone|Sentralbord|Kundeservice|Kundesenter|Växel): "
                   r"(?:0521-|08-|\d\d )?(?P<id>[\d ]+)")
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The document whose notes open the way the role's row says."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def remaining(name: str) -> set[str]:
    """Visible lines of a document that the labels do not mark as debris."""
    lines, gone = SET.lines[name], SET.debris_of(name)
    return {line for line in lines if line not in gone}


def one(prefix: str) -> str:
    """The one file on disk named with ``prefix`` and an underscore."""
    found = [n for n in SET.on_disk if n.split("_", 1)[0] == prefix]
    assert len(found) == 1, (prefix, found)
    return found[0]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' rules for one lignite document: its label, debris and prose placement, the
    head and field list of a saved page, the type its notes name, later prose years named."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """The set as the brief orders it: CSVs, README tables and files agree; 32 documents in
    the six formats; every type at least four times; language parts and four bilingual labels;
    genres named in notes; each year situation and trap three times or more; consultation
    responses typed policy_document; only programmes glue clock times; one role a document."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    assert (len(labels), dict(SET.by_column["format"])) == (32, FORMATS)
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    least = {"nb": 12, "en": 11, "nn": 3, "da": 2, "sv": 2}
    assert {code: parts[code] for code in least if parts[code] < least[code]} == {}, parts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    short = sorted(key for key, found in traps.items() if key != "repeated" and len(found) < 3)
    assert (short, traps["repeated"]) == ([], [])
    SET.consultations_check(2)
    SET.glued_check()
    assert sorted(holder(role) for role in ROLES) == sorted(labels)


def test_identifiers_fields_and_contents():
    """Switchboard numbers are zero-filled after their area part; h05 and h14 carry field lists;
    m01's bold field lines are all debris; seven dot-leader contents lines, each one debris."""
    seen, wrong = fs.identifier_misses(SET.lines, {"phone": PHONE}, {}, "0 ")
    assert seen["phone"] >= 20 and wrong == []
    assert SET.field_pages() >= 2 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Per role: the furniture named is debris, the headings and steps named remain, the
    languages label and the year evidence's opening are as written, and 3-4 prose sentences
    are labelled, none of them a debris line."""
    _, gone, stay, languages, evidence = ROLES[role]
    name = holder(role)
    label, sentences = SET.labels[name], SET.sentences(name)
    assert (gone & SET.debris_of(name), stay & remaining(name)) == (gone, stay)
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert 3 <= len(sentences) <= 4 and SET.debris_of(name).isdisjoint(sentences)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Each PDF's page count and metadata as the README states; a re-exported or printed file's
    /CreationDate is never the labelled year, which its evidence names otherwise."""
    name = one(key)
    pages, created, title = PDFS[key]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    label = SET.labels[name]
    if created == "":
        assert "/CreationDate" not in meta and "no /CreationDate" in label["year_evidence"]
    elif created == "print":
        assert "/CreationDate" in meta and "print" in label["year_evidence"]
        assert "/Chromium" in str(meta.get("/Creator", "")) or "Skia" in str(meta.get("/Producer"))
    else:
        assert str(meta["/CreationDate"])[2:6] == created
        assert created == label["year"] or f"/CreationDate is {created}" in label["year_evidence"]
    assert (title is None) == ("/Title" not in meta)
    assert title is None or str(meta["/Title"]).startswith(title)
    assert not str(meta.get("/Title", "")) == label["title"]


@pytest.mark.parametrize("key", sorted(WORD))
def test_word(key):
    """The Word files' core properties: an organisation as author, created and modified in the
    document's year, last saved by a role, never python-docx; letterhead and footer debris."""
    name = one(key)
    author, year, last = WORD[key]
    core = docx.Document(str(SET.folder / name)).core_properties
    assert (core.author, core.last_modified_by) == (author, last)
    assert str(core.created.year) == str(core.modified.year) == year == SET.labels[name]["year"]
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in [*s.header.paragraphs, *s.footer.paragraphs]}
    assert furniture and furniture <= SET.debris_of(name)


def test_mhtml():
    """The .mhtml files carry the headers Blink writes, their Subject is the page's <title> and
    is debris, and a stylesheet and an image part besides the page."""
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: http")
        message = email.message_from_bytes(data, policy=policy.default)
        assert message["Subject"] in SET.debris_of(name)
        kinds = Counter(part.get_content_type() for part in message.walk())
        assert kinds["text/html"] == 1 and kinds["text/css"] == 1 and kinds["image/png"] == 1
        assert message["Date"] and fs.YEAR.search(message["Date"])
