"""Checks of the pillow fixture set (tests/fixtures/exported/pillow), written blind.

Brief: welfare services for people in prison and after release going digital (NAV in prison and
tilbakeføring, the Danish kommunal handleplan after release, Swedish frigivningsförberedelser, UK
prison leavers and Universal Credit advance claims; tablets in cells, ID on release, video
meetings with caseworkers). 32 documents leaning to the web: 16 saved HTML pages, 3 pages saved
by Chrome as one .mhtml file, 2 pages printed to PDF by the browser, 4 PDF files made by a word
processor, 2 Word files, 4 text copies and 1 Markdown page. Bokmål, English, Nynorsk, Danish and
Swedish; six bilingual documents; two monolingual pages whose only other-language text is
boilerplate.

The import is never run here: the labels, debris and prose are held to the shared conventions
of fixturesets (LabelledSet and its checks), then to the brief. The set has 32 documents, not
36 to 40, so the size and language counts are checked here and not by fs.size_check.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "pillow")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"news item|advice page|service page|blog post|press release|call for proposals|"
             r"tender notice|guide page|municipality's page|newsletter|council minutes",
    "policy_document": r"consultation response|agency report|action plan|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "journal abstract": 4,
         "consultation response": 2, "made by a word processor": 4,
         "printed to pdf by the browser": 2, "saved as one .mhtml file": 3, "as a word file": 2,
         "copied": 3, "saved as markdown": 1, "labelled monolingual": 2,
         "horizon year mot 2030": 2, "later year": 5}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGE_PARTS = {"nb": 13, "en": 11, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Del på Facebook", "Sentralbord: 00 00 00 00"},
             {"Kommentarer"}, "nb", "article:published_time 2025"),
    "advice": ("charity's advice page for prison leavers",
               {"Start chat", "Monday to Friday, 9am to 5pm", "Accept analytics cookies"},
               {"What to do", "Bring any ID you have, such as a passport or a birth certificate."},
               "en", "'Last updated"),
    "response": ("consultation response of a penal reform charity",
                 {"Download the response (PDF, 310 KB)", "Related publications"},
                 {"Summary", "Our recommendations"}, "en", "citation_publication_date 2023"),
    "municipal": ("municipality's service page for people about to be released",
                  {"Skip to content", "Accept all cookies", "Logg inn med ID-porten",
                   "Mandag–fredag 08.00–15.30"},
                  {"Slik går du fram", "Søk om kommunal bolig så tidlig som mulig."}, "nb",
                  "no year: no 19xx"),
    "portal": ("journal abstract on a university research portal",
               {"Fingerprint", "Prison Education 100%",
                "Research output: Contribution to journal › Article › Research › peer-review"},
               {"Abstract"}, "en", "citation_publication_date 2023"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "paper": ("working paper of the research project",
              {"DIGITILBAKE Working Paper 0/2025", "Page 1"}, {"Summary"}, "en", "cover"),
    "event": ("event page with a seminar programme",
              {"Book your place", "Wednesday 8 October 2025"},
              {"Programme", "09.30Registration and coffee"}, "en", "event:start_time 2025"),
    "bilingual journal": ("journal abstract in two languages, danish",
                          {"Videnskabelig artikel", "Download PDF"}, {"Resumé", "Abstract"},
                          "da;en", "citation_publication_date 2023"),
    "thesis": ("master's thesis record",
               {"Show full item record", "Date issued: 2024-06-15", "View/Open"},
               {"Abstract", "Sammendrag"}, "en;nb", "'Date issued"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022", "Rapport 0/2022 – side 2", "ISBN 978-82-0000-000-0"},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en", "cover date"),
    "minutes": ("council minutes in nynorsk",
                {"Møtedato: 02.04.2025", "Side 1", "Nordbrekke kommune – Møtebok"},
                {"Sak 0/25 Rapport om digital tilbakeføring"}, "nn", "'Møtedato"),
    "strategy": ("strategy with a horizon year mot 2030 as a word file",
                 {"Vedtatt | 05.12.2024", "Havsund kommune | Strategi"}, {"Visjon", "Tiltak"},
                 "nb", "'Vedtatt"),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "15.01.2026 12:00", "CPV-kode"}, {"Kort beskrivelse"}, "nb",
               "no year: the notice"),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist", "1. mars 2026", "Søk her"}, set(), "nb", "no year: the page"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "Date: Thu, 6 Feb 2025 at 10:03",
                    "View this email in your browser"},
                   {"Member spotlight"}, "en", "e-mail header"),
    "print": ("final report page of a peer-mentor project printed to pdf",
              {"Project period: 2020–2022", "Download the final report"}, {"What we found"},
              "en", "'Final report published March 2023'"),
}

IDS = {
    "phone": r"(?:Telefon|Phone|Sentralbord|Växel|Kundeservice|Freephone|Media enquiries): "
             r"(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "charity number": r"[Cc]harity (?:number|no\.) (?P<id>\d+)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "report number": r"Rapport (?P<id>\d+)/20\d\d",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "case number": r"(?:Vår ref\.: |Saksnummer \| )\d\d/(?P<id>\d+)",
    "project number": r"^(?P<id>\d{6})$",
}
FORMS = {"phone": r"(?:020 |031-|01634 |08-|0800 )?[0 -]+", "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
# PDF metadata as the README states it: file -> (pages, /CreationDate year or None, /Title kind).
PDFS = {"c01": (1, "chromium", "chromium"), "c02": (1, "chromium", "chromium"),
        "w01": (3, "2024", "junk"), "w02": (4, "2025", "real"), "w03": (2, None, "real"),
        "w04": (2, "2025", None)}
DOCX = {"d01": ("Havsund kommune, Helse og velferd", "Kommunalsjef helse og velferd", 2024),
        "d02": ("Lysefjell forskning", "Prosjektleiar", 2023)}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


# Each document by the prefix of its file name (h01, x02, w03 ...).
PREFIXED = {name.partition("_")[0]: name for name in SET.on_disk}


def by_prefix(prefix: str) -> str:
    return PREFIXED[prefix]


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' rules for each file (labels, placement, years, a page's head and <dt>/<dd>
    fields), with its genre words naming exactly its doc_type."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; languages as asked, six bilingual documents opened by four
    languages; genres named; year situations and traps; consultation responses typed
    policy_document; every role held by a document of its own."""
    labels, columns = SET.labels, SET.by_column
    assert (len(labels), dict(columns["format"])) == (32, FORMATS)
    assert set(columns["doc_type"]) == fs.TYPES and min(columns["doc_type"].values()) >= 4
    SET.roles_check({key: spec[0] for key, spec in ROLES.items()})
    _, parts, openers = fs.language_counts(labels)
    assert {code: n for code, n in LANGUAGE_PARTS.items() if parts[code] < n} == {}, parts
    assert sum(openers.values()) >= 4 and len(openers) == 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_identifiers_fields_and_contents():
    """Glued clock times in the programmes only; every identifier kind zero-filled; field lists
    on five pages; six dot-leader contents lines, all debris; no kept Markdown field line."""
    SET.glued_check()
    SET.identifiers_check(IDS, FORMS)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 6)


def test_boilerplate_only_pages_are_monolingual():
    """The two pages with another language's boilerplate only are labelled with one language,
    and that boilerplate is debris."""
    for prefix, boiler in (("h04", {"We use cookies to improve your experience.",
                                    "Skip to content"}),
                           ("x02", {"Personvernerklæring", "Hopp til hovedinnhold"})):
        name = by_prefix(prefix)
        assert ";" not in SET.labels[name]["languages"] and "labelled monolingual" in \
            SET.labels[name]["notes"]
        assert boiler <= SET.debris_of(name)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    evidence are the expected ones, and three or more prose sentences survive."""
    name, (_, gone, stay, languages, evidence) = holder(role), ROLES[role]
    label, debris, sentences = SET.labels[name], SET.debris_of(name), SET.sentences(name)
    missing = (gone - debris, stay - kept_lines(name), set(sentences) & debris)
    assert missing == (set(), set(), set()), missing
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(sentences) >= 3


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Page count and metadata as the README states them: Chromium's own print (its stamp and
    address lines debris, no year in the stamp), word-processor PDFs with /CreationDate in the
    document's year, one re-exported later, one without; /Title real, junk or absent."""
    from pypdf import PdfReader

    name = by_prefix(prefix)
    pages, created, title = PDFS[prefix]
    reader = PdfReader(fs.SETS / "pillow" / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    label = SET.labels[name]
    if created == "chromium":
        stamp = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, \d+:\d\d", line)]
        address = [line for line in SET.lines[name]
                   if re.search(r"(?:file|\ufb01le):///.* 1/1$", line)]
        assert len(stamp) == 1 and len(address) == 1 and set(stamp + address) <= SET.debris_of(name)
        made = str(info.get("/Creator", "")) + str(info.get("/Producer", ""))
        assert "Chromium" in made or "Skia" in made
        assert info["/CreationDate"][2:6] != label["year"], "the print date is not the page's"
        return
    found = info.get("/CreationDate")
    assert (found[2:6] if found else None) == created
    if created and created != label["year"]:
        assert "/CreationDate" in label["year_evidence"] and created in label["year_evidence"]
    shown = info.get("/Title")
    assert {"junk": lambda t: t and t.startswith("Microsoft Word - ") and t.endswith(".docx"),
            "real": lambda t: t == label["title"], None: lambda t: t is None}[title](shown)


@pytest.mark.parametrize("prefix", sorted(DOCX))
def test_word_file(prefix):
    """Core properties: an organisation or a role as author and last editor (never python-docx),
    created and modified in the labelled year; header and footer lines are debris."""
    import docx

    name = by_prefix(prefix)
    author, editor, year = DOCX[prefix]
    props = docx.Document(str(fs.SETS / "pillow" / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    document = docx.Document(str(fs.SETS / "pillow" / name))
    furniture = {p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


def test_counts_of_debris_and_prose():
    """Every document has debris and 3 or 4 prose sentences; no sentence is shared."""
    debris = Counter(row["file"] for row in SET.debris)
    assert min(debris[n] for n in SET.on_disk) >= 5
    assert sum(1 for _ in SET.prose) >= 3 * len(SET.on_disk)


@pytest.mark.parametrize("prefix", ["x01", "x02", "x03"])
def test_mhtml(prefix):
    """A page Chrome saved as one file: Blink's headers, the page's title as Subject (debris,
    not the label), the page as a quoted-printable text/html part, and a stylesheet and an
    image part after it."""
    import email
    from email import policy

    name = by_prefix(prefix)
    data = (fs.SETS / "pillow" / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
    assert message.get_content_type() == "multipart/related" and message["Date"]
    assert message["Subject"] in SET.debris_of(name) and message["Subject"] != \
        SET.labels[name]["title"]
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/html", "text/css", "image/png"]
    assert next(message.iter_parts())["Content-Transfer-Encoding"] == "quoted-printable"
