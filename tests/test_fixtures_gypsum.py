"""Checks of the gypsum fixture set (tests/fixtures/exported/gypsum), written blind.

Brief: digitalisation of disability benefits and work assessment (online medical forms,
automated case routing, user organisations' reports, appeals, agency plans), leaning to the web:
32 documents, of which 16 saved pages, 3 single-file pages (.mhtml), 2 pages printed to PDF by
the browser, 4 word-processor PDFs, 2 Word files, 4 text copies and 1 Markdown page. Bokmål,
English, Nynorsk, Danish and Swedish; five bilingual documents; two monolingual pages whose
only other-language text is boilerplate.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than fixturesets.size_check and trap_check assume (36 to 40 documents, three glued
programmes), so its own counts are checked here.
"""

import re
from datetime import datetime

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "gypsum")
# The head fields that date a saved page; each must name the labelled year first.
META_DATES = {"event:start_time", "citation_publication_date",
              "article:modified_time", "article:published_time"}

# For each type, the genre words that may open its documents' notes (the text up to " (").
GENRE_WORDS = {
    "other": r"service page|news item|blog post|agency page|tender notice|call for proposals|"
             r"parliamentary written question|press release|council minutes|newsletter",
    "policy_document": r"report page|strategy|action plan|consultation response|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
GENRE_TYPES = {kind: re.compile(pattern) for kind, pattern in GENRE_WORDS.items()}
NAMED = {"consultation response": 3, "saved by chrome as one .mhtml file": 3,
         "printed to pdf by the browser": 2, "as a pdf made by a word processor": 4,
         "as a word file": 2, "copied": 2, "pasted": 2, "saved as markdown": 1,
         "clock times glued to talk titles": 2, "monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence).
ROLES = {
    "user report": ("user organisation's report page",
                    {"Skip to main content", "Accept all", "Sentralbord: 22 00 00 00"},
                    {"Sammendrag", "Hva vi anbefaler"}, "nb", "Publisert 11. april 2024"),
    "municipal": ("municipal service page",
                  {"Chat med oss", "Mandag–fredag 08.00–15.00", "Logg inn på Min side"},
                  {"Slik gjør du", "Logg inn med BankID."}, "nb", "no year: no 19xx"),
    "portal": ("journal abstract on a university research portal",
               {"Fingerprint", "Disability benefit 100%", "Contribution to journal",
                "Original language"}, {"Abstract"}, "en", "Publication date"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2025–2028", "Ingen publikasjoner registrert"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"1,214 Views", "3 CrossRef citations to date", "12 Altmetric", "Download PDF"},
                {"Sammendrag", "Abstract"}, "nb;en", "Published online"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "Les også"}, set(), "nb", "Publisert"),
    "strategy": ("strategy with a horizon year", {"Share", "Print", "Suomeksi"},
                 {"Goals", "Measures"}, "en", "Published 18.6.2024"),
    "tender": ("tender notice", {"Deadline for receipt of tenders", "12/03/2026 12:00"},
               {"Description"}, "en", "no year: only"),
    "question": ("parliamentary written question", {"Spørgsmål nr.", "S 000", "Besvaret"},
                 {"Spørgsmål", "Svar"}, "da", "Besvaret 9. marts 2022"),
    "conference": ("conference abstract in a book-of-abstracts page",
                   {"Kontakt oss", "Personvernerklæring", "Next abstract"}, set(), "en",
                   "Conference"),
    "plan": ("action plan of a user organisation", {"Hopp til innhold", "Del"},
             {"Mål", "Tiltak"}, "nb", "Publisert 4. mars 2025"),
    "routing print": ("agency page on automated case routing", {"Sist oppdatert 14. mars 2024"},
                      set(), "nb", "Sist oppdatert"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023 – side 2", "1 Innledning " + "." * 50 + " 4"},
                   {"Sammendrag", "English summary"}, "nb;en", "Bergen, november 2023"),
    "minutes": ("council minutes", {"Side 1", "Møtedato: 10.09.2024"}, {"Vedtak"}, "nn",
                "Møtedato"),
    "annual": ("annual report excerpt", {"Årsmelding 2021", "Side 2"}, {"Leders forord"}, "nb",
               "Årsmelding 2021"),
    "newsletter": ("newsletter e-mail pasted as text", {"Meld deg av nyhetsbrevet"},
                   {"Hei!"}, "nb", "no year: no 19xx"),
}
# binary: (pages, /CreationDate year or None, /Title or None)
PDFS = {"w01_evaluering_digital_arbeidsevnevurdering_nb_en.pdf":
        (4, "2023", "Evaluering av digital arbeidsevnevurdering"),
        "w02_resdig_working_paper_en.pdf": (2, None, "Microsoft Word - RESDIG_WP_v4.docx"),
        "w03_protokoll_rad_funksjonsnedsetjing_nn.pdf": (1, "2024",
                                                         "Microsoft Word - protokoll_v3.docx"),
        "w04_arsmelding_utdrag_brukerorganisasjon_nb.pdf": (2, "2024", None)}
WORD = {"d01_horingssvar_digitale_vedtak_nb.docx": ("Funksjonshemmedes Fellesorganisasjon", 2025),
        "d02_hoyringsfrasegn_kommune_digitale_skjema_nn.docx": ("Kommunedirektøren", 2024)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that are not labelled debris."""
    lines, debris = SET.lines[name], SET.debris_of(name)
    return {line for line in lines if line not in debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document passes the shared checks of fixturesets: labels, placement of title,
    debris and prose, a saved page's head and fields, its genre's type, later prose years."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; every type
    four times or more; languages; genres named; year situations and traps; consultation
    responses typed policy_document; each role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                      "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 13 and parts["en"] >= 10 and parts["nn"] >= 3
    assert parts["da"] == 2 and parts["sv"] == 2
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_and_contents():
    """Clock times are glued to titles in the copied programmes only (four kept lines each);
    every dot-leader contents line is debris, ten or more of them."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert sorted(glued) == sorted(n for n in SET.on_disk if n.endswith(".txt")
                                   and SET.labels[n]["doc_type"] == "event_programme")
    for name in glued:
        assert len({line for line in kept_lines(name) if fs.GLUED_TIME.search(line)}) >= 4
    SET.contents_check(DOT_LEADER, 10)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are
    the expected ones."""
    name = holder(role)
    label = SET.labels[name]
    _, must_go, must_stay, languages, evidence = ROLES[role]
    assert sorted(must_go - SET.debris_of(name)) == []
    assert sorted(must_stay - kept_lines(name)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_word_processor_pdf(name):
    """Page count, /CreationDate year (or none) and /Title as the README states; the
    re-exported annual report's creation year is later than its labelled year and named."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert (info.get("/CreationDate") or "")[2:6] == (created or "")
    assert info.get("/Title") == title
    label = SET.labels[name]
    if created and created != label["year"]:
        assert int(created) > int(label["year"]) + 1 and "/CreationDate " + created in \
            label["year_evidence"]


def test_browser_prints_and_single_files():
    """The browser's prints carry its stamp (date and page title at the top, address and
    "1/1" at the bottom), all debris, and no PDF title; the .mhtml files are Blink's."""
    prints = [n for n in SET.on_disk if n.startswith("c0")]
    assert len(prints) == 2
    for name in prints:
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, \d", line)
                  or line.endswith("1/1")]
        assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        head = (SET.folder / name).read_bytes().split(b"\r\n\r\n")[0].decode()
        assert "From: <Saved by Blink>" in head and "Snapshot-Content-Location: https://" in head
        assert "multipart/related" in head


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: an organisation or role as author, not a person's name; not
    python-docx as last editor; created in the labelled year; header and footer lines debris."""
    author, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == author and props.last_modified_by != "python-docx"
    assert isinstance(props.created, datetime) and props.created.year == year
    assert str(year) == SET.labels[name]["year"]
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text for s in document.sections for p in (*s.header.paragraphs,
                                                             *s.footer.paragraphs) if p.text]
    assert furniture and set(furniture) <= SET.debris_of(name)
