"""Checks of the tonalite fixture set (tests/fixtures/exported/tonalite), written blind.

Brief: how home care services are planned, booked and documented digitally (care apps for
home-care workers, digital visit schedules, relatives' portals, hjemmepleje apps, hemtjänst
planning). 32 documents leaning to the web: saved pages, pages saved by Chrome as one file
(.mhtml), pages printed to PDF by the browser, PDFs made by a word processor, Word files, text
copies and a Markdown page. The import is never run here: the labels, debris and prose are held
to the shared conventions of fixturesets and then to the brief.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "tonalite")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|call for proposals|tender notice|"
             r"relatives' portal|press release|minutes|faq page|newsletter",
    "policy_document": r"strategy|agency report|consultation response|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record|journal article page",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved by chrome as one file": 3,
         "printed to pdf by the browser": 2, "made by a word processor": 4, "as a word file": 2,
         "copied with select all": 2, "saved as markdown": 1, "labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence, or "" when it starts with the year).
ROLES = {
    "municipal": ("municipality's service page on the digital visit schedule",
                  {"Skip to content", "We use cookies to improve this site", "Accept all",
                   "Start chat", "Mandag–fredag 08.00–15.30", "Logg inn"},
                  {"Slik tar du i bruk besøksplanen", "Logg inn med BankID."}, "nb",
                  "no year: no 19xx"),
    "portal": ("abstract of a conference contribution on a university's research portal",
               {"Research output: Contribution to conference", "Fingerprint", "64%",
                "Personvern og informasjonskapsler"}, set(), "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Project Number:", "300000", "2025 - 2028", "No publications found"},
                  {"Summary", "Sammendrag"}, "en;nb", "no year: only"),
    "journal": ("journal article page with citation widgets",
                {"Views", "1 248", "Altmetric", "Citations", "Download PDF"}, {"Abstract"},
                "en", ""),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar", "Les også"},
             {"Kommentarer"}, "nb", ""),
    "call": ("call for proposals", {"Søknadsfrist", "15. oktober 2026"}, set(), "nb",
             "no year: only"),
    "tender": ("tender notice", {"CPV-kode", "Tilbudsfrist", "2026–2029"}, set(), "nb", ""),
    "annual": ("annual report excerpt", {"Årsrapport 2022 – Hjemmetjenesten", "Side 2"},
               {"1 Året i korte trekk"}, "nb", ""),
    "minutes": ("council minutes", {"Møtedato: | 03.09.2024", "Side 1 av 1"}, {"Vedtak:"},
                "nb", ""),
    "newsletter": ("newsletter e-mail", {"Unsubscribe", "View this e-mail in your browser"},
                   set(), "en", ""),
}
# Each PDF: pages, /CreationDate year (None: absent), /Title (None: absent; "browser": the
# page's <title>, as Chromium writes it).
PDFS = {"c01": (1, "print", "browser"), "c02": (1, "print", "browser"),
        "p01": (2, "2024", "Evaluering av digital planlegging i hjemmetjenesten"),
        "p02": (2, "2026", "Microsoft Word - wp_hjemplan_v3.docx"),
        "p03": (2, "2025", "Årsrapport hjemmetjenesten"), "p04": (2, None, None)}
WORD = {"w01": ("Søre Lauvdal kommune", "Politisk sekretariat", 2024),
        "w02": ("Prosjektkontoret", "Rådgiver helse og omsorg", 2023)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


# The holder of each role, and each binary by its prefix (h01, p02, w01, ...).
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}
BY_PREFIX = {name.partition("_")[0]: name for name in SET.on_disk}


def kept_lines(name: str) -> set[str]:
    """The visible lines of a document that are not debris."""
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document and its saved page, the type its genre names, later
    years of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README tables; 32 documents in the brief's formats; all five types four times
    or more; languages; bilingual documents; genres named; year situations and traps."""
    SET.roles_check({key: opening for key, (opening, *_) in ROLES.items()})
    labels = SET.labels
    formats = SET.by_column["format"]
    assert len(labels) == 32
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 10 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and any(lab["doc_type"] == "abstract" for lab in two)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(1)
    SET.glued_check()
    assert sum(DOT_LEADER.search(line) is not None
               for n in SET.on_disk for line in SET.lines[n]) >= 5
    SET.contents_check(DOT_LEADER, 5)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, languages and year situation."""
    name = HOLDERS[role]
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    if evidence:
        assert SET.labels[name]["year_evidence"].startswith(evidence)
    else:
        assert SET.labels[name]["year_evidence"].startswith(SET.labels[name]["year"])


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Page count and metadata as the README states; Chromium's print stamp and address are
    debris; a re-exported file is labelled by its cover, and the file without a creation date
    is undated."""
    name = BY_PREFIX[prefix]
    pages, created, title = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    if created is None:
        assert "/CreationDate" not in meta and "/Title" not in meta
        assert SET.labels[name]["year"] == ""
    elif created == "print":
        # the day of printing, never the page's date
        assert meta["/CreationDate"][2:6] != SET.labels[name]["year"]
        assert [line for line in SET.lines[name] if "file:///" in line.replace("ﬁ", "fi")]
        assert all(line in SET.debris_of(name) for line in SET.lines[name]
                   if re.match(r"\d+/\d+/\d+, ", line) or "1/1" in line)
    else:
        assert meta["/CreationDate"][2:6] == created
        year = SET.labels[name]["year"]
        assert created == year or f"/CreationDate is {created}" in SET.labels[name]["year_evidence"]
    if title == "browser":
        assert meta["/Title"] != SET.labels[name]["title"]
        assert any(meta["/Title"] in line for line in SET.debris_of(name))
    elif title:
        assert meta["/Title"] == title


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """Core properties: an organisation or role as author, a last editor that is not
    python-docx, created in the labelled year; header, footer and field table rows debris."""
    name = BY_PREFIX[prefix]
    author, editor, year = WORD[prefix]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by, props.created.year) == (author, editor, year)
    assert props.last_modified_by != "python-docx"
    assert str(year) == SET.labels[name]["year"]
    rows = [line for line in SET.lines[name] if " | " in line]
    assert len(rows) >= 3 and set(rows) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """Blink's headers and a second part besides the page."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>\n" in data and message["Snapshot-Content-Location"]
    assert message["Subject"] and message["Date"]
    kinds = Counter(part.get_content_type() for part in message.walk())
    assert kinds["text/html"] == 1 and kinds["text/css"] == 1
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert html["Content-Transfer-Encoding"] == "quoted-printable"
    assert str(message["Subject"]) in SET.debris_of(name)
