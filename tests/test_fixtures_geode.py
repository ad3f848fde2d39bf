"""Checks of the geode fixture set (tests/fixtures/exported/geode), written blind.

Brief: digital inclusion and assisted self-service for older people, disabled people and newly
arrived immigrants (libraries, welfare offices, volunteer helpers, easy-read pages), leaning to
the web: 16 saved HTML pages of varied CMS shapes, 3 pages saved by Chrome as one .mhtml file,
2 pages printed to PDF by the browser, 4 PDFs from a word processor, 2 Word files, 4 text
copies and 1 Markdown page; 32 documents in all. Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so `size_check` (36 to 40) does not fit: the counts are checked
here instead.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "geode")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's service page|agency's guidance page|news item|blog post|"
             r"danish municipality's page|company's help page|easy-read page|call for proposals|"
             r"tender notice|press release|county council's library page|newsletter e-mail|"
             r"council minutes",
    "policy_document": r"strategy page|parliamentary written question|consultation response|"
                       r"annual report excerpt",
    "project_report": r"project catalogue page|evaluation report|working paper|final report",
    "abstract": r"conference paper abstract|journal article page|thesis record|"
                r"conference abstract|book-of-abstracts page|journal abstract",
    "event_programme": r"programme",
}.items()}
# How many labels' notes must mention each of these phrases (the formats and traps of the brief).
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "saved as a single file": 3, "printed to pdf by the browser": 2,
         "pdf from a word processor": 4, "word file": 2, "copied": 3, "saved as markdown": 1,
         "boilerplate (monolingual)": 1, "monolingual)": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# Each role of the brief, held by one document: the words its notes begin with, furniture that
# the debris list must hold, headings or lines that must be kept, the expected languages label and
# how its year evidence begins (the year itself for a dated document).
ROLES = {
    "strategy": ("strategy page of a ministry",
                 {"Hopp til hovedinnhold", "Godta alle", "Sentralbord: 22 00 00 00",
                  "Publisert 14.05.2024", "Strategier og planer"},
                 {"Hvorfor en strategi", "Tiltak"}, "nb", "2024"),
    "municipal": ("municipality's service page",
                  {"Skip to content", "Accept all cookies", "Tirsdag 11.00–14.00",
                   "Sentralbord: 76 00 00 00", "Fant du det du lette etter?"},
                  {"Slik går du fram", "Ta med telefon eller nettbrett og ladeledning."}, "nb",
                  "2025"),
    "agency": ("agency's guidance page", {"Chat med oss", "Start chat", "Gå til hovedinnhold"},
               {"Før du logger inn", "Få hjelp på ditt språk"}, "nb", "no year: no 19xx"),
    "portal": ("research portal's conference paper abstract",
               {"Contribution to conference", "Fingerprint", "Original language", "Cite this",
                "Publication date", "Welfare Services"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektperiode", "2023–2026", "Ingen publikasjoner registrert",
                   "BIBLIOTEKUTVIKLING"}, {"Summary", "Sammendrag"}, "en;nb", "no year: only"),
    "journal": ("journal article page", {"Visninger 412", "Altmetric", "Last ned PDF",
                                         "Siteringer 3"},
                {"Sammendrag", "Abstract"}, "nb;en", "2022"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "We value your privacy", "I accept",
              "Les også"}, {"Kommentarer"}, "nb", "2024"),
    "blog": ("blog post of a research group",
             {"Proudly powered by WordPress", "Leave a Reply", "Archives", "Skip to content"},
             set(), "en", "2023"),
    "call": ("call for proposals", {"Deadline", "5 March 2026, 12 noon", "Apply now"}, set(),
             "en", "no year: only"),
    "tender": ("tender notice", {"Tilbodsfrist", "15.08.2025 12:00", "CPV-kode"},
               {"Kort skildring"}, "nn", "2025"),
    "question": ("parliamentary written question",
                 {"Skriftlig fråga nr 0/2024-2025", "Mariehamn den 4 november 2024"},
                 {"Frågan", "Svar"}, "sv", "2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"Side 2", "Rapport 0/2023", "Oktober 2023",
                    "Respons Analyse · Evaluering av Digihjelp",
                    "1 Innledning ............................................. 3"},
                   {"English summary", "Sammendrag"}, "nb;en", "2023"),
    "minutes": ("council minutes", {"Møtedato: 05.03.2024", "Side 1", "Brattvik kommune – Møtebok",
                                    "Sak 00/24 Referatsaker"},
                {"Vedtak", "Vedtaket var samrøystes."}, "nn", "2024"),
    "municipal response": ("consultation response of an invented municipality",
                           {"Vår ref. | 2025/000", "Ytre Sula, 14.02.2025"},
                           {"Med helsing", "Til Digitaliserings- og forvaltningsdepartementet"},
                           "nn", "2025"),
    "newsletter": ("newsletter e-mail", {"Unsubscribe | Update your preferences",
                                         "View this email in your browser", "Book your place"},
                   {"In this issue"}, "en", "2025"),
    "easy-read": ("easy-read page", {"Lytt til siden", "Hopp til innhold"}, {"Hvem kan hjelpe?"},
                  "nb", "no year: no 19xx"),
    "thesis": ("master's thesis record", {"Författare", "Publiceringsdatum", "2021-06-14",
                                          "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", "2021"),
}

# The binaries: PDF pages and metadata (/CreationDate year or None, /Title kind), Word core
# properties (author, year created).
PDFS = {
    "w01": (4, "2023", "real"), "w02": (3, "2026", "junk"), "w03": (1, None, None),
    "w04": (3, "2023", "junk"), "p01": (1, "printed", "page"), "p02": (1, "printed", "page"),
}
WORD = {"d01": ("Ytre Sula kommune", "2025"), "d02": ("Risør frivilligsentral", "2024")}
PHONE = re.compile(r"(?:Telefon|Sentralbord|Phone|Växel): (?P<id>[\d -]+\d)")


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, a saved page's head and fields),
    the type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats and languages of the
    brief; all five types four times or more; the genres are named; year situations and traps;
    the consultation responses are policy documents."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    assert len(labels) == 32
    formats = Counter(fs.SUFFIXES["." + n.rsplit(".", 1)[1]] for n in labels)
    assert dict(formats) == FORMATS
    types = Counter(lab["doc_type"] for lab in labels.values())
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    firsts = Counter(lab["languages"].split(";")[0] for lab in labels.values())
    assert firsts["nb"] >= 13 and firsts["en"] >= 10 and firsts["nn"] >= 3, firsts
    assert firsts["da"] == 2 and firsts["sv"] == 2, firsts
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and sum(lab["doc_type"] == "abstract" for lab in two) >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(2)
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})


def test_programmes_phones_fields_and_contents():
    """Programmes, and only they, glue times to titles (four kept lines or more each); phone
    numbers are zero-filled; field lists on five pages; dot-leader contents lines in three PDFs,
    all debris; no kept Markdown field line."""
    SET.glued_check()
    found = [m["id"] for lines in SET.lines.values() for line in lines
             for m in PHONE.finditer(line)]
    assert len(found) >= 10 and all(re.fullmatch(r"[1-9]\d[0 ]+|0[38]00 [0 ]+|018-[0 ]+", p)
                                    for p in found), found
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(re.compile(r"\.{10,} \d+$"), 8)
    assert len({n for n, lines in SET.lines.items()
                if any(re.search(r"\.{10,} \d+$", line) for line in lines)}) == 3


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """One role's document: its named furniture is listed as debris and its named headings are
    left out of the debris; its languages label and the start of its year evidence are as the
    table says; it has three prose sentences or more, none of them debris."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label = SET.debris_of(name), SET.labels[name]
    missing = sorted(line for line in furniture if line not in debris)
    lost = sorted(line for line in headings if line in debris or line not in SET.lines[name])
    assert (missing, lost) == ([], []), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    sentences = SET.sentences(name)
    assert len(sentences) >= 3 and not any(s in debris for s in sentences)


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states: the word processor's files with
    /CreationDate in the document's year, two years later (re-exported, year from the cover and
    the property named in the evidence) or none; the browser's prints stamped with the day of
    printing (never the labelled year), their stamp and address lines debris."""
    name = named(prefix)
    pages, created, title = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    info, label = dict(reader.metadata or {}), SET.labels[name]
    assert len(reader.pages) == pages
    stamp = info.get("/CreationDate")
    if created is None:
        assert stamp is None and "/Title" not in info
        assert "no /CreationDate" in label["year_evidence"]
    elif created == "printed":
        assert stamp[2:6] != label["year"] and info["/Title"] != label["title"]
        printed = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)]
        address = [line for line in SET.lines[name] if line.startswith("http")]
        assert len(printed) == len(address) == pages
        assert set(printed + address) <= SET.debris_of(name)
    else:
        assert stamp[2:6] == created
        assert (created == label["year"]) == (prefix != "w02")
        if created != label["year"]:
            assert "/CreationDate" in label["year_evidence"] and created in label["year_evidence"]
        assert info["/Title"].startswith("Microsoft Word - ") == (title == "junk")


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """The Word files' core properties: an organisation as author, a role (not python-docx) as
    last editor, created and modified in the labelled year; header and footer lines debris."""
    name = named(prefix)
    author, year = WORD[prefix]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert str(props.created.year) == str(props.modified.year) == year == SET.labels[name]["year"]
    document = docx.Document(str(SET.folder / name))
    furniture = {par.text for sec in document.sections
                 for par in sec.header.paragraphs + sec.footer.paragraphs if par.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
