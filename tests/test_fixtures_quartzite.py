"""Checks of the quartzite fixture set (tests/fixtures/exported/quartzite), written blind.

Brief: parental benefits and leave applied for and planned digitally (foreldrepenger and
engangsstønad, leave planners, employer reports, barselsdagpenge, föräldrapenning), leaning to
the web: sixteen saved pages, three pages saved as one file (.mhtml), two pages printed to PDF by
the browser, four PDFs from a word processor, two Word files, four text copies and one Markdown
page; 32 documents in Bokmål, English, Nynorsk, Danish and Swedish, all five types.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief's counts (the set is
smaller than fixturesets.size_check assumes, so the sizes are checked here), roles and binaries.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "quartzite")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "event_programme": r"programme",
    "abstract": r"thesis record|abstract",
    "project_report": r"(?:catalogue page|working paper|final report|evaluation report)",
    "policy_document": r"annual report|agency report|written question|strategy|"
                       r"consultation response",
    "other": r"newsletter|board minutes|tender notice|call for proposals|municipal page|"
             r"blog post|news item|agency page|service page|press release",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "journal abstract": 3, "consultation response": 2,
         "as a pdf": 4, "printed to pdf": 2, "saved as one file": 3, "copied": 2,
         "saved as markdown": 1, "as a word file": 2, "pasted": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "government": ("press release on a government portal",
                   {"Pressemelding", "Publisert 14. mars 2025", "Sentralbord: 22 00 00 00"},
                   {"Dette endres", "Kontakt"}, "nb", "Publisert"),
    "municipal": ("municipal service page",
                  {"Skip to content", "We use cookies", "Accept all", "Logg inn med BankID"},
                  {"Slik går du fram", "Gi beskjed til arbeidsgiveren om når du kommer tilbake."},
                  "nb", "no year: no 19xx"),
    "agency": ("agency page for employers",
               {"Skip to main content", "Tilgængelighedserklæring", "Start chat",
                "CVR 00 00 00 00"},
               {"What you need to report"}, "en", "Last updated"),
    "portal": ("journal abstract on a university's research portal",
               {"Fingerprint", "Parental Leave 100%", "Contribution to journal", "Cite this",
                "Publication date", "2023"}, {"Abstract", "Sammendrag"}, "en;nb", "Publication"),
    "catalogue": ("research project's catalogue page",
                  {"REGINN-FORKOMMUNE", "Prosjektperiode", "2023–2027", "300000",
                   "Bevilget", "Publikasjoner fra Cristin", "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"12 Altmetric", "1,204 Views", "People also read", "Research Article",
                 "3 CrossRef citations to date"}, {"Abstract"}, "en", "Published online"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også", "Publisert: 03.06.2025 07:12"},
             set(), "nb", "Publisert"),
    "blog": ("blog post of a research group", {"Proudly powered by WordPress", "← Older posts"},
             {"In the next post we will write about employers."}, "en", "no year: the post"),
    "tender": ("tender notice", {"Tilbudsfrist", "12.01.2026 12:00", "Kontraktsperiode"},
               {"Kort beskrivelse"}, "nb", "no year: only"),
    "strategy": ("municipal strategy page printed to pdf",
                 {"Hopp til hovudinnhald", "Telefon: 57 00 00 00"},
                 {"Mål mot 2030", "Vedteken i kommunestyret 20. juni 2024"}, "nn", "Vedteken"),
    "question": ("parliamentary written question",
                 {"Spørgsmål S 0000", "Besvaret 4. april 2024"}, {"Spørgsmål", "Svar"}, "da",
                 "Besvaret"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oslo, november 2022", "Rapport 0/2022", "Side 2",
                    "Oslo Analyse (oppdiktet) – Rapport 0/2022"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "cover date"),
    "minutes": ("board minutes", {"Møtedato 4. februar 2025", "Org.nr. 000 000 000", "Side 1"},
                {"Sak 01/25 Innspill om digital permisjonsplanlegger"}, "nb", "Møtedato"),
    "response": ("consultation response as a word file",
                 {"Vår ref. | 24/00000", "Førde, 30. august 2024",
                  "Vestkyst fagforbund (oppdikta)"},
                 {"Med helsing", "Til Arbeidsdepartementet (oppdiktet)"}, "nn", "place-date"),
    "newsletter": ("newsletter e-mail pasted", {"Unsubscribe", "Date: 2 September 2025"},
                   {"Dear members,"}, "en", "Date:"),
    "bilingual": ("journal abstract in two languages", {"Download PDF", "Udgivet: 15-06-2023"},
                  {"Resumé", "Abstract"}, "da;en", "Udgivet"),
}

# Binaries: pages, and the metadata the README states (None: no such key).
PDFS = {
    "p01": (4, {"/Title": "Evaluering av den digitale søknaden om foreldrepenger",
                "/CreationDate": "D:2025"}),
    "p02": (1, {"/Title": "Microsoft Word - protokoll_styremote_v3.docx",
                "/CreationDate": "D:2025"}),
    "p03": (4, {"/Title": "Leave planning in small firms", "/CreationDate": "D:2025"}),
    "p04": (2, {"/Title": None, "/CreationDate": None}),
    "w01": (1, {"/Producer": "Skia/PDF"}),
    "w02": (1, {"/Producer": "Skia/PDF"}),
}
WORD = {"d01": ("Vestkyst fagforbund", "Sekretariatet", 2024),
        "d02": ("Centre for Family Research", "Seminar coordinator", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


def holder(role: str) -> str:
    """The file that holds a role (its notes open with the role's words)."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    """What a cleaner should leave of a file: its lines less its debris."""
    return set(SET.lines[name]).difference(SET.debris_of(name))


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (fixturesets.LabelledSet.each_document_check)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; the languages; the genres named; year situations and traps."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    _, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and any(lab["doc_type"] == "abstract" for lab in bilingual)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {k: len(v) >= 3 for k, v in traps.items() if k != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """Glued clock times in the four programmes only, four kept lines each; at least six
    dot-leader contents lines, all debris; the pages' field lists are debris."""
    SET.glued_check()
    assert sum(lab["doc_type"] == "event_programme" for lab in SET.labels.values()) == 4
    SET.contents_check(DOT_LEADER, 6)
    assert SET.field_pages() >= 6


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are the
    expected ones, and three or more prose sentences survive."""
    _opening, gone, stay, languages, evidence = ROLES[role]
    name = holder(role)
    label = SET.labels[name]
    assert sorted(gone - SET.debris_of(name)) == []
    assert sorted(stay - kept_lines(name)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


def test_boilerplate_pages_are_monolingual():
    """The Bokmål page with an English cookie banner and the English page with a Danish footer
    are labelled with one language, and that boilerplate is debris."""
    assert SET.labels[holder("municipal")]["languages"] == "nb"
    banner = "This website uses cookies to improve your experience."
    assert banner in SET.debris_of(holder("municipal"))
    assert SET.labels[holder("agency")]["languages"] == "en"
    assert "Privatlivspolitik" in SET.debris_of(holder("agency"))


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states; the browser's print header and
    address line are debris; a re-exported report's /CreationDate is not its year."""
    from pypdf import PdfReader

    name = named(prefix)
    reader = PdfReader(SET.folder / name)
    pages, meta = PDFS[prefix]
    assert len(reader.pages) == pages
    info = dict(reader.metadata or {})
    for key, value in meta.items():
        if value is None:
            assert key not in info, key
        else:
            assert str(info.get(key, "")).startswith(value), key
    if prefix.startswith("w"):
        printed = [line for line in SET.lines[name] if "file:" in line.replace("\ufb01", "fi")
                   or re.match(r"\d+/\d+/\d+, ", line)]
        assert len(printed) == 2 and set(printed) <= SET.debris_of(name)
    if prefix == "p01":
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word_file(prefix):
    """The Word files' core properties: an organisation as author, no python-docx editor, created
    in the document's year; header and footer lines are debris."""
    import docx

    name = named(prefix)
    props = docx.Document(str(SET.folder / name)).core_properties
    author, editor, year = WORD[prefix]
    assert (props.author, props.last_modified_by, props.created.year) == (author, editor, year)
    assert str(year) == SET.labels[name]["year"]
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


def test_mhtml_files():
    """The three single-file pages carry Blink's headers and an HTML part plus two others."""
    import email
    from email import policy

    found = Counter()
    for name in SET.on_disk:
        if name.endswith(".mhtml"):
            data = (SET.folder / name).read_bytes()
            message = email.message_from_bytes(data, policy=policy.default)
            assert data.startswith(b"From: <Saved by Blink>\r\n")
            assert message["Snapshot-Content-Location"] and message["Date"]
            kinds = [p.get_content_type() for p in message.walk() if not p.is_multipart()]
            found[len(kinds)] += 1
            assert kinds[0] == "text/html" and len(kinds) == 3
    assert found == {3: 3}
