"""Checks of the littoral fixture set (tests/fixtures/exported/littoral), written blind.

Brief: electricity and energy support for households and benefit recipients applied for and paid
digitally (strømstøtte, ekstra sosialhjelp til strøm, varmecheck and energitillæg, elstöd and
högkostnadsskydd, the Energy Bills Support Scheme and the Warm Home Discount; automated payments
and claims for those the automation missed). 32 documents leaning to the web: 16 saved pages, 3
pages saved by Chrome as one MHTML file, 2 pages printed to PDF by the browser, 4 PDFs made by a
word processor, 2 Word files, 4 text copies and a Markdown page. The shared size and trap checks
of fixturesets assume 36 to 40 documents with three glued programmes, so this set's own counts
are checked here instead.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "littoral")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dcterms.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|service page|grid company's page|news page|news item|blog post|"
             r"danish municipality's page|press release|call for proposals|tender notice|"
             r"council minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|project page|evaluation report|working paper",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "conference abstract": 3, "journal abstract": 1,
         "thesis record": 1, "news item with reader comments": 1, "clock times glued": 2,
         "horizon year": 1, "annual report": 1, "council minutes": 1, "press release": 1,
         "newsletter": 1, "call for proposals": 1, "tender notice": 1, "book-of-abstracts": 1,
         "evaluation report with an english summary": 1, "working paper": 1,
         "catalogue page": 1, "saved by chrome as one mhtml file": 3,
         "printed to pdf by the browser": 2, "pdf made by a word processor": 4,
         "as a word file": 2, "saved as markdown": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence)
ROLES = {
    "agency": ("agency page on a rebate paid automatically",
               {"Accept all cookies", "Skip to main content", "Switchboard: 020 0000 0000"},
               {"If you think you were missed", "Wait for the letter that tells you whether "
                "the match worked."}, "en", "'Last updated"),
    "municipal": ("municipality's service page",
                  {"Skip to content", "Accept all cookies", "Start chat",
                   "Sentralbord: 00 00 00 00", "Del på Facebook"},
                  {"Slik søker du", "Last opp regningen og send søknaden."}, "nb", "'Publisert"),
    "grid": ("grid company's page", {"Logg inn på Min side", "Les også", "Hopp til hovedinnhold"},
             set(), "nb", "no year: no 19xx"),
    "portal": ("conference abstract on a university research portal",
               {"Fingerprint", "Electricity Social Sciences 100%", "Cite this", "Original language",
                "Research output: Contribution to conference › Paper › Research › peer-review"},
               {"Abstract"}, "en", "citation_publication_date"),
    "catalogue": ("research project's catalogue page",
                  {"Projektnummer", "2023–2026", "Inga publikationer hittades",
                   "ENERGIFORSK-SAMHÄLLE-00", "Tillbaka till projektlistan"},
                  {"Summary in English", "Sammanfattning"}, "sv;en", "no year: only"),
    "journal": ("journal abstract on an article page",
                {"Views: 412", "CrossRef citations to date: 0", "Altmetric: 3", "Download PDF",
                 "Research article"}, {"Abstract"}, "en", "citation_publication_date"),
    "event": ("seminar programme on an event page", {"Dato", "Meld deg på", "Legg til i kalender"},
              {"Program", "08.30", "Velkommen ved forumets leder"}, "nb", "event date"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "NYHETER", "Mest lest"}, set(), "nb",
             "'Publisert"),
    "blog": ("blog post of a research group",
             {"Skip to content", "Personvernerklæring", "Leave a Reply", "Previous post"},
             set(), "en", "no year: no 19xx"),
    "strategy": ("municipal strategy with a horizon year",
                 {"Vedteken i kommunestyret 20.06.2024", "Last ned strategien (PDF)"},
                 {"Mål", "Tiltak"}, "nn", "'Vedteken"),
    "call": ("call for proposals", {"Søknadsfrist", "15. april 2026 kl. 13:00",
                                    "Gå til søknadsskjema"}, set(), "nb", "no year: only"),
    "tender": ("tender notice", {"CPV-kode", "Tilbudsfrist", "02.03.2026 12:00", "2026–2029"},
               set(), "nb", "no year: only"),
    "thesis": ("master's thesis record", {"Forfattar", "Last ned fulltekst (PDF)",
                                          "Drive av DSpace"},
               {"Samandrag", "Abstract"}, "nn;en", "'Dato 2024'"),
    "glued": ("seminar programme with clock times glued to talk titles, copied from",
              {"Register for this event", "Tuesday 12 November 2024", "Venue"},
              {"Programme", "11:10Discussion"}, "en", "event date"),
    "undated programme": ("seminar programme with clock times glued to talk titles, copied "
                          "without", {"Meld deg på her", "Påmelding"},
                          {"Program", "11.30Lunsj"}, "nb", "no year: no 19xx"),
    "newsletter": ("newsletter e-mail", {"Unsubscribe from this list", "Sent: 15 March 2023 10:02",
                                         "View this email in your browser"},
                   {"Dear member,", "Best wishes,"}, "en", "'Sent:"),
    "bilingual abstract": ("conference abstract in two languages",
                           {"Nordic Social Policy Days 2023", "Next abstract: Digital inclusion "
                            "and older claimants"}, {"Abstract", "Sammendrag"}, "en;nb",
                           "the running head"),
    "word response": ("consultation response as a word file",
                      {"Vår ref.: 22/00000", "Dato | 14.10.2022", "Høringssvar"},
                      {"Med vennlig hilsen"}, "nb", "date field"),
    "word programme": ("seminar programme as a word file",
                       {"Nav Nordbygd – Kompetansedag", "Dato | Tirsdag 21. januar 2025"},
                       {"09.15 | Nye rutiner for digitale søknader", "Program"}, "nb",
                       "event date"),
    "minutes": ("council minutes", {"Side 1 av 1", "Arkivsak 22/00000", "Møtedato 17.11.2022"},
                {"Møteprotokoll: Formannskapet"}, "nn", "meeting date"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023 – side 2", "Nordbygd kommune, oktober 2023", "Innhold"},
                   {"English summary", "Sammendrag"}, "nb;en", "cover line"),
    "paper": ("working paper", {"ELSTÖDSSPÅR Working Paper 0/2024", "Page 2", "Contents"},
              {"1 Introduction"}, "en", "cover line"),
    "annual": ("annual report excerpt", {"¹ Tallene omfatter ikke nødhjelp utbetalt samme dag.",
                                         "Side 2", "Nav Nordbygd – Årsrapport 2023"},
               {"3 Strømhjelp"}, "nb", "cover line"),
    "danish response": ("consultation response saved by chrome",
                        {"Gå til indhold", "CVR 00 00 00 00", "20. september 2022"}, set(),
                        "da", "date line"),
    "printed news": ("news page printed to pdf",
                     {"Share on FacebookShare on LinkedIn", "3 October 2022"}, set(), "en",
                     "date line"),
}

DOT_LEADER = re.compile(r"\.{10,} \d+$")
PDFS = {  # file opening: (pages, /CreationDate year or None, /Title kind)
    "c01": (1, "print", "chromium"), "c02": (1, "print", "chromium"),
    "p01": (1, None, None), "p02": (3, "2025", "real"), "p03": (3, "2024", "junk"),
    "p04": (2, "2024", "real"),
}


def holder(role: str) -> str:
    """The one document whose notes open with the role's phrase."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document, its page's head and fields, its type named by its genre,
    and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, README tables, roles; sizes by format; types; languages; bilingual documents;
    genres named; year situations; consultation responses typed policy_document."""
    SET.roles_check({key: value[0] for key, value in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert counts["format"] == Counter({"html": 16, "pdf": 6, "txt": 4, "mhtml": 3, "docx": 2,
                                        "md": 1})
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(SET.labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert first == Counter({"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2})
    bilingual = [lab for lab in SET.labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and sum(lab["doc_type"] == "abstract" for lab in bilingual) >= 2
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "glued"} == {
        "bare": True, "other_years": True, "ahead": True, "repeated": False}
    SET.consultations_check(3)


def test_boilerplate_languages_programmes_and_contents():
    """Two monolingual pages carry only boilerplate in another language; the copied programmes
    glue clock times to titles and keep them; every dot-leader contents line is debris."""
    for role, foreign in (("municipal", "Skip to content"), ("blog", "Personvernerklæring")):
        name = holder(role)
        assert ";" not in SET.labels[name]["languages"] and foreign in SET.debris_of(name)
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert sorted(glued) == sorted({holder("glued"), holder("undated programme")})
    for name in glued:
        times = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(times) >= 4 and not times & SET.debris_of(name)
    SET.contents_check(DOT_LEADER, 7)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) == 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three prose sentences or more survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    debris, label = SET.debris_of(name), SET.labels[name]
    found = {"missing debris": gone - debris, "lost headings": stay & debris,
             "absent headings": stay - set(SET.lines[name])}
    assert found == {key: set() for key in found}
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("opening", sorted(PDFS))
def test_pdf(opening):
    """Each PDF's page count and metadata as the README states them: the browser's PDFs carry
    the day of printing and a print stamp line; p01 has no /CreationDate and no /Title; p02 was
    re-exported two years after its cover; p03 has a junk /Title."""
    (name,) = [n for n in SET.on_disk if n.startswith(opening) and n.endswith(".pdf")]
    pages, created, title = PDFS[opening]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if created is None:
        assert "/CreationDate" not in info and "/Title" not in info
    elif created == "print":
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
        assert any(re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", line)
                   for line in SET.debris_of(name))
    else:
        assert info["/CreationDate"][2:6] == created
        assert "/CreationDate" in SET.labels[name]["year_evidence"]
    if title == "junk":
        assert info["/Title"].startswith("Microsoft Word - ") and info["/Title"].endswith(".docx")
    elif title == "real":
        assert info["/Title"] in SET.labels[name]["title"] or info["/Title"].startswith(
            SET.labels[name]["title"][:8])
    if opening == "p02":
        assert int(created) - int(SET.labels[name]["year"]) >= 2


def test_word_files():
    """Core properties of an organisation or role, created or modified in the document's
    year, never last modified by python-docx; furniture in header and footer, fields in tables."""
    for name in (n for n in SET.on_disk if n.endswith(".docx")):
        props = docx.Document(str(SET.folder / name)).core_properties
        year = int(SET.labels[name]["year"])
        assert year in {props.created.year, props.modified.year}
        assert props.last_modified_by not in {"python-docx", ""} and props.author
        assert not re.search(r"\(invented\)|\(oppdiktet\)", props.author)
        assert sum(" | " in line for line in SET.debris_of(name)) >= 2


def test_mhtml():
    """Blink's headers, a quoted-printable HTML part and a stylesheet part, and a Date header
    that is the day the page was saved, not the labelled year."""
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        raw = (SET.folder / name).read_bytes()
        assert b"From: <Saved by Blink>" in raw and b"Snapshot-Content-Location: https://" in raw
        assert b"Content-Transfer-Encoding: quoted-printable" in raw and b"text/css" in raw
        assert b"multipart/related" in raw
