"""Checks of the dreikanter fixture set (tests/fixtures/exported/dreikanter), written blind.

Brief: digital follow-up of young people outside work and education (youth guarantee, chat with
caseworkers, activity-plan apps, school dropout, outreach services), leaning to the web: sixteen
pages saved as HTML, three saved by Chrome as one file (.mhtml), two pages printed to PDF by the
browser, four PDFs made by a word processor, two Word files, four text copies and one page saved
as Markdown (32 documents). English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check (36 to 40) is replaced by the counts below.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "dreikanter")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|agency page|press release|news item|blog post|tender notice|"
             r"call for proposals|minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved by chrome as one file": 3,
         "printed to pdf by the browser": 2, "made by a word processor": 4, "as a word file": 2,
         "copied": 2, "pasted": 2, "saved as markdown": 1, "consultation response": 2,
         "monolingual": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGE_PARTS = {"nb": 15, "en": 14, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "county": ("county service page on outreach for school dropouts",
               {"We use cookies", "Skip to content", "Accept all", "Start chat",
                "Sentralbord: 35 00 00 00"}, {"Slik jobber vi", "Åpningstider"}, "nb",
               "no year: no 19xx"),
    "youth team": ("municipal service page on the youth team",
                   {"Logg inn på nav.no", "Sist oppdatert 12.03.2025", "Telefon: 35 00 00 00"},
                   {"Aktivitetsplanen på nav.no"}, "nb", ""),
    "press": ("press release of a danish municipality", {"Pressemeddelelse", "Gå til indhold"},
              set(), "da", ""),
    "portal": ("conference paper abstract on a university research portal",
               {"Fingerprint", "Caseworker 100%", "Contribution to conference", "Cite this"},
               {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page", {"Project period", "2022–2026",
                                                        "No outputs registered yet"},
                  {"Summary"}, "en", "no year: only"),
    "journal": ("journal abstract on a journal's article page",
                {"1,204 Views", "3 CrossRef citations to date", "12 Altmetric", "Download PDF"},
                {"Abstract"}, "en", ""),
    "news": ("news item with reader comments",
             {"Kommentarer (2)", "Skriv en kommentar", "Mest lest"}, set(), "nb", ""),
    "thesis": ("master's thesis record", {"Author", "Date", "2023-06-01"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "response": ("consultation response of a youth organisation", {"Høringssvar", "Del"},
                 {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb", ""),
    "tender": ("tender notice", {"Tilbudsfrist", "15.01.2027 kl. 12:00", "CPV-kode"},
               {"Kort beskrivelse"}, "nb", "no year: only"),
    "call": ("call for proposals", {"Sista ansökningsdag", "Utlysning"}, set(), "sv", ""),
    "evaluation": ("evaluation report with an english summary", {"Rapport 00/2022", "Oktober 2022"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "paper": ("working paper of the research project",
              {"Reaching Out Online Working Paper 0/2025",
               "¹ Funded by the Fund for Youth Employment."},
              {"Contents"}, "en", ""),
    "newsletter": ("newsletter e-mail", {"Unsubscribe", "View this e-mail in your browser"},
                   {"Dear members,"}, "en", "no year: no 19xx"),
}


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


def pdf_of(role_or_name: str) -> PdfReader:
    name = holder(role_or_name) if role_or_name in ROLES else role_or_name
    return PdfReader(SET.folder / name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields), the
    type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats, all five types
    four times or more; languages; genres named; year situations and traps; consultation
    responses typed policy_document; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert len(SET.labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(SET.labels)
    assert dict(parts) == LANGUAGE_PARTS, parts
    firsts = Counter(tag.split(";")[0] for tag in tags.elements())
    assert [firsts[code] for code in ("nb", "en", "nn", "da", "sv")] == [14, 11, 3, 2, 2]
    assert sum(openers.values()) >= 4
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """Programmes, and only they, glue clock times to titles (four kept lines or more each);
    dot-leader contents lines (six or more, in two PDFs) are all debris."""
    SET.glued_check()
    leaders = re.compile(r"\.{10,} \d+$")
    SET.contents_check(leaders, 6)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if leaders.search(line)}) >= 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are the
    expected ones, and its prose survives."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    label = SET.labels[name]
    missing = {"debris": gone - SET.debris_of(name), "kept": stay - kept_lines(name)}
    assert missing == {"debris": set(), "kept": set()}, name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


def test_binaries():
    """Page counts and PDF metadata as the README states; Chromium's print furniture is debris;
    the Word files' core properties; the .mhtml files are Blink snapshots."""
    expect = {  # file prefix: (pages, /CreationDate year or None, /Title or None)
        "p01": (1, "2025", "Møteprotokoll Oppvekstutvalget"),
        "p02": (3, "2025", "Evaluering av Ungdomslos på nett"),
        "p03": (3, "2025", "Microsoft Word - wp1_reaching_out_v3.docx"),
        "p04": (2, None, None),
        "c01": (1, "2026", "Finnmark Dagblad"),
        "c02": (1, "2026", "Ungdomslos - Vardø kommune"),
    }
    for prefix, (pages, created, title) in expect.items():
        (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
        reader = PdfReader(SET.folder / name)
        meta = reader.metadata or {}
        assert len(reader.pages) == pages, name
        assert (meta.get("/CreationDate") or "D:None")[2:6] == str(created)[:4], name
        assert meta.get("/Title") == title, name
        if created and prefix.startswith("p") and SET.labels[name]["year"] != created:
            assert "/CreationDate" in SET.labels[name]["year_evidence"], name
    for prefix in ("c01", "c02"):
        (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
        stamps = [line for line in SET.lines[name]
                  if re.match(r"\d{1,2}/\d{1,2}/\d\d, \d", line) or "le:///" in line]
        assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)
    for name in (n for n in SET.on_disk if n.endswith(".docx")):
        props = docx.Document(str(SET.folder / name)).core_properties
        assert props.created.year == props.modified.year == int(SET.labels[name]["year"])
        assert props.last_modified_by not in ("", "python-docx") and props.author
        assert not re.search(r"\(invented\)|\(oppdiktet\)", props.author)
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        head = (SET.folder / name).read_bytes().split(b"\r\n\r\n")[0].decode()
        assert "From: <Saved by Blink>" in head and "Snapshot-Content-Location: https://" in head
        assert "multipart/related" in head
