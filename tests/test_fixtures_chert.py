"""Checks of the chert fixture set (tests/fixtures/exported/chert), written blind.

Brief: digital debt counselling and economic advice for households (debt registers, municipal
financial counselling, digital budgets, debt collection, apps and chat, evaluations), leaning to
the web: 16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF by
the browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies and 1 Markdown page;
32 documents in Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check (36 to 40) and language_check (Nynorsk alone four times)
do not fit; the counts are checked here instead.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "chert")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"guidance page|service page|news item|blog post|help page|tender notice|"
             r"call for proposals|press release|minutes|newsletter",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
# each language's documents (wherever it has a part), as the brief asks
PARTS = {"nb": 14, "en": 14, "nn": 4, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("agency's guidance page on debt collection notices",
               {"We use cookies", "Accept all", "Skip to content", "Sentralbord: 23 00 00 00",
                "Sist oppdatert 11.06.2024"}, {"Dette bør du sjekke"}, "nb", ""),
    "municipal": ("municipality's service page on financial counselling",
                  {"Hopp til hovedinnhold", "Logg inn for å søke", "Chat med oss",
                   "Hei! Hva lurer du på?", "Org.nr. 900 000 000"},
                  {"Slik søker du", "Åpningstider", "Logg inn med BankID."}, "nb",
                  "no year: no 19xx"),
    "portal": ("conference paper abstract on a university research portal",
               {"Fingerprint", "Cite this", "Research output", "Contribution to conference",
                "Paper", "Original language", "Debt Advice"}, {"Abstract"}, "en", ""),
    "catalogue": ("catalogue page of a funded research project",
                  {"Prosjektperiode", "2022 - 2025", "Ingen publikasjoner funnet",
                   "GJELDSPOR-FORSK", "Prosjektnummer"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"1,204 Views", "3 CrossRef citations to date", "Altmetric", "ORCID Icon",
                 "Download PDF", "People also read"}, {"Abstract"}, "en", ""),
    "event": ("event page with a seminar programme",
              {"Dato", "Torsdag 24. april 2025", "Meld deg på"}, {"Program", "12.00Lunsj"},
              "nb", ""),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Les også", "PRIVATØKONOMI"},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group",
             {"Proudly powered by WordPress", "Leave a Reply", "Skip to content"}, set(), "en",
             "no year: only"),
    "thesis": ("master's thesis record",
               {"Author", "Download full text (PDF)", "Show full item record"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "10.06.2025 kl. 12:00", "CPV", "Kunngjøring"}, set(), "nb", ""),
    "call": ("call for proposals with a future deadline",
             {"Deadline", "15 September 2026", "Apply now"}, set(), "en", ""),
    "press": ("press release of a debt collection company",
              {"Press release", "Les mer om hvordan vi behandler personopplysninger"}, set(),
              "en", ""),
    "annual": ("annual report excerpt of an ombudsman",
               {"Publisert 20.03.2025", "Last ned hele årsrapporten (PDF)"},
               {"Tall fra årsrapporten for 2024"}, "nb", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Sammendrag .................................................. 3",
                    "Rapport 0000-00 | Side 2", "Fjordanalyse AS", "Juni 2024"},
                   {"Sammendrag", "English summary"}, "nb;en", ""),
    "minutes": ("council minutes of a municipality",
                {"Brekkvoll kommune – Møtebok", "Protokoll kommunestyret | Side 1",
                 "Møtedato: 12.02.2025"}, {"Vedtak"}, "nb", ""),
    "paper": ("working paper of the research project",
              {"GJELDSPOR Working Paper 0/2023", "Page 2"}, {"Contents"}, "en", ""),
    "response": ("consultation response of a debt collection company",
                 {"Vår ref. | 25/000", "Dato | 15.01.2025", "Kredinor AS"},
                 {"Med vennlig hilsen", "Til Barne- og familiedepartementet"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "Sent: 02 October 2025 10:14",
                    "View this email in your browser"},
                   set(), "en", ""),
}

# PDFs: pages, /Title (None: absent), year of /CreationDate (None: absent), made by
PDFS = {
    "c01": (2, "Gjeldsrådgjeving - Rauddal kommune", "print", "chromium"),
    "c02": (2, "Budget- och skuldrådgivning - Älvstrands kommun", "print", "chromium"),
    "p01": (3, "Digital økonomisk rådgivning i NAV-kontor", "2024", "office"),
    "p02": (1, "Microsoft Word - protokoll_ks_v3.docx", None, "office"),
    "p03": (3, "What the register leaves out", "2025", "office"),
    "p04": (3, "Microsoft Word - strategi_v3.docx", "2024", "office"),
}
PRINT_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M .+")


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields),
    the type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; every role held by a document of its own; the mix
    of formats, types and languages the brief asks for; year situations and traps; the
    consultation responses are policy documents; programmes glue times to titles."""
    labels = SET.labels
    SET.roles_check({key: opening for key, (opening, *_rest) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    parts = fs.language_counts(labels)[1]
    assert dict(parts) == PARTS, parts
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and len({lab["languages"][:2] for lab in two}) >= 3
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == \
        {"bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)
    SET.glued_check()
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    SET.contents_check(re.compile(r"\.{10,} \d+$"), 13)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    label = SET.labels[fs.by_notes(SET.labels, opening)]
    debris, visible = SET.debris_of(label["file"]), set(SET.lines[label["file"]])
    missing = {"not debris": gone - debris, "not kept": stay - (visible - debris)}
    assert missing == {"not debris": set(), "not kept": set()}
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(label["file"])) in (3, 4)


@pytest.mark.parametrize("key", sorted(PDFS))
def test_pdf(key):
    """Page count and metadata as the README states. Browser prints: Chromium's stamp of the
    printing day and the page's <title> on a line, the address and page count on another,
    both debris, and the labelled year is the page's own date, never the printing day's.
    Word-processor PDFs: the running feet with page numbers are debris; p03 was re-exported
    two years after its cover date and its evidence names /CreationDate."""
    name = named(key)
    reader = PdfReader(fs.SETS / "chert" / name)
    pages, title, created, maker = PDFS[key]
    meta = reader.metadata or {}
    label = SET.labels[name]
    assert len(reader.pages) == pages and meta.get("/Title") == title
    if maker == "chromium":
        assert "HeadlessChrome" in meta["/Creator"]
        stamps = [line for line in SET.lines[name] if PRINT_STAMP.fullmatch(line)]
        assert len(stamps) == pages and set(stamps) <= SET.debris_of(name)
        assert meta["/CreationDate"][2:6] not in label["year_evidence"]
        assert any(line.endswith(f"1/{pages}") for line in SET.debris_of(name))
    else:
        assert (meta.get("/CreationDate") or "D:None")[2:6] == str(created)
        feet = [line for line in SET.lines[name] if re.search(r"(?:Side|Page) \d+$", line)]
        assert len(feet) == pages and set(feet) <= SET.debris_of(name)
    if key == "p03":
        assert label["year"] == "2023" and "/CreationDate 2025" in label["year_evidence"]
    if key == "p02":
        assert "no /CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("key", ["w01", "w02"])
def test_word_file(key):
    """Core properties: an organisation or a role as author, not the library as last editor,
    created and modified in the labelled year; header and footer lines and table rows of
    fields are debris."""
    name = named(key)
    document = docx.Document(str(fs.SETS / "chert" / name))
    core = document.core_properties
    assert core.author in {"Kredinor AS", "GJELDSPOR project"}
    assert core.last_modified_by and core.last_modified_by != "python-docx"
    label = SET.labels[name]
    assert str(core.created.year) == str(core.modified.year) == label["year"]
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    rows = [line for line in SET.lines[name] if " | " in line and not line.startswith("Kredinor")]
    assert furniture and set(furniture) <= SET.debris_of(name)
    assert rows and set(rows) <= SET.debris_of(name)


@pytest.mark.parametrize("key", ["x01", "x02", "x03"])
def test_single_file_page(key):
    """A page saved by Chrome as one file: Blink's headers, its page a quoted-printable HTML
    part, a stylesheet or image beside it; the Subject is the <title>, debris, not the title."""
    name = named(key)
    data = (fs.SETS / "chert" / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>\n" in data.replace(b"\r\n", b"\n")
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message.get_content_type() == "multipart/related"
    parts = [part for part in message.iter_parts()]
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert {p.get_content_type() for p in parts[1:]} & {"text/css", "image/png"}
    subject = str(message["Subject"])
    assert subject in SET.debris_of(name) and subject != SET.labels[name]["title"]
    assert re.search(r"\d{4}", str(message["Date"]))


def test_counts_of_the_readme():
    """Debris and prose in all, as the README's Counts section gives them."""
    text = (fs.SETS / "chert" / "README.md").read_text(encoding="utf-8")
    debris, prose = len(SET.debris), len(SET.prose)
    assert f"{debris} debris lines" in text and f"{prose} prose sentences" in text
    assert Counter(lab["year"] == "" for lab in SET.labels.values())[True] == \
        len(fs.year_traps(SET.labels, SET.prose, SET.lines)["bare"]) + \
        len(fs.year_traps(SET.labels, SET.prose, SET.lines)["other_years"])
