"""Checks of the nunatak set (tests/fixtures/exported/nunatak), written blind.

Brief: digital identity, e-ID, digital mail and power of attorney for people who need help with
welfare services. Agencies' pages on getting an e-ID without a bank, on digital mail and
exemption from it and on giving someone a power of attorney online; an ombudsman's statement; a
pensioners' organisation's consultation response and its member magazine article; a bank
association's press release; a municipality's page about its digital help desk with opening
hours; a research report on proxies in digital services (a PDF extract with contents, summary
and colophon) and its landing page; a library's course programme with clock times glued to
titles; a journal abstract; a national broadcaster's news item with reader comments; and a
government's action plan excerpt. English, Bokmål, Nynorsk, Danish and Swedish. The rules for
every set add catalogue pages with field labels and values (h20, h18, h12).

Nothing here runs the import: the set's CSVs, its documents' visible lines, the saved pages'
markup and its README are read through tests/fixturesets.py.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

NUNATAK = fs.LabelledSet(fs.SETS / "nunatak")

DATED_HEAD_FIELDS = {"dcterms.issued", "dcterms.modified", "article:published_time",
                     "citation_publication_date", "event:start_time"}

# What the brief asks the labels' notes to name, and how many documents at least.
ASKED_IN_NOTES = {
    "e-id without a bank": 3, "digital mail": 6, "exemption": 2, "power of attorney": 5,
    "ombudsman's statement": 1, "pensioners' organisation's consultation response": 2,
    "member magazine article": 1, "bank association's press release": 1,
    "digital help desk with opening hours": 1,
    "research report on proxies in digital services": 1, "colophon": 2,
    "contents with dot leaders": 5, "research report's landing page": 1,
    "library's course programme": 3, "clock times glued to": 6, "journal abstract": 4,
    "national broadcaster's news item with reader comments": 1,
    "government's action plan excerpt": 2, "field labels": 5,
    "research project's catalogue page": 1, "in bokmål": 5,
    "in nynorsk": 4, "in danish": 4, "in swedish": 4,
}

# The genre each label's notes open with (before the host in brackets), and its type. The
# research report's landing page is a project's report, an ombud's report landing page policy.
TYPED_BY_GENRE = (
    (re.compile(r"research report|research project|working paper"), "project_report"),
    (re.compile(r"programme"), "event_programme"),
    (re.compile(r"abstract"), "abstract"),
    (re.compile(r"ombudsman's statement|consultation response|action plan|"
                r"^report's landing page"), "policy_document"),
    (re.compile(r"agency's page|municipality's page|magazine article|press release|"
                r"news item"), "other"),
)

# Identifiers as the documents write them: kind, pattern with an `id` group, and the shape a
# zero-filled id has (None: zeros, spaces and dashes only).
ZERO = None
IDENTIFIER_KINDS = (
    ("phone", r"\b(?:Telefon|Sentralbord|Phone|Kontaktcenter|Brukerservice|Support:) "
              r"(?P<id>\+?\d[\d -]*\d)", r"(?:\+\d{2,3} )?(?:[1-9]\d |0\d{1,3}-)?[0 ]+"),
    ("organisation number", r"\b(?:Org\.nr\.?|CVR) (?P<id>[\d -]+\d)", ZERO),
    ("ISBN", r"\bISBN (?P<id>[\d-]+)", r"978-(?:82|952)-[0-]+"),
    ("ISSN", r"\bISSN (?P<id>[\dX-]+)", ZERO),
    ("report or paper number",
     r"\b(?:SIFO-rapport |TF-rapport nr\. |Working Paper |Finance 20\d\d:|Ds 20\d\d:)"
     r"(?P<id>\d+)", ZERO),
    ("case or letter reference",
     r"(?:Vår ref\.: 2\d/|Dnr |Fi20\d\d/|J\.nr\. 20\d\d-|Saksnummer:\*\* 2\d/|H-|decision no\. )"
     r"(?P<id>\d+)", ZERO),
    ("postal box", r"\b(?:Postboks|Box|PO Box) (?P<id>\d+)", ZERO),
)

# Label lines that a copy leaves alone on a line: each is debris where it stands.
LONE_LABELS = {"Plats:", "Pris:", "Dato:", "Tid:", "Sted:", "Projektperiode:",
               "Projektleder:", "Finansiering:"}

# Pairs of documents about the same thing, and a text both show.
PAIRS = (
    ("h12_sifo_oslomet_rapport_fullmakt_digitale_tjenester_landingsside_nb_en.html",
     "t01_sifo_rapport_naar_andre_logger_inn_for_deg_pdf_nb_en.txt", "PROXYNOR"),
    ("t01_sifo_rapport_naar_andre_logger_inn_for_deg_pdf_nb_en.txt",
     "t05_sifo_frokostseminar_lansering_proxynor_program_copy_nb.txt",
     "Når andre logger inn for deg"),
    ("h09_senioren_spf_artikel_ombud_digitala_tjanster_sv.html",
     "t02_spf_seniorerna_remissvar_ombud_digitala_tjanster_pdf_sv.txt", "Ds 2025:00"),
    ("h20_research_fi_funded_project_record_digirep_en.html",
     "t15_university_of_turku_working_paper_authorisations_older_people_pdf_en.txt", "DIGIREP"),
    ("h10_finans_norge_pressemelding_fullmakt_bank_nb.html",
     "t05_sifo_frokostseminar_lansering_proxynor_program_copy_nb.txt", "Finans Norge"),
)

DOT_LEADER = re.compile(r"\.{6,}\s*\d+$")


def _kept(name: str, line: str) -> bool:
    return line not in NUNATAK.debris_of(name)


def _kinds_of(notes: str) -> list[str]:
    """The types whose genre pattern the notes' opening genre (before the host) matches."""
    genre = notes.lower().split(" (")[0]
    return [kind for pattern, kind in TYPED_BY_GENRE if pattern.search(genre)]


@pytest.mark.parametrize("name", NUNATAK.on_disk)
def test_document(name):
    """Codebook, years, title, debris and prose of one document; a saved page's head too."""
    NUNATAK.document_check(name)
    if name.endswith(".html"):
        NUNATAK.page_check(name, DATED_HEAD_FIELDS)


def test_size_files_readme_and_genres_asked():
    fs.size_check(NUNATAK.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    fs.files_check(NUNATAK.folder, NUNATAK.labels)
    fs.readme_check(NUNATAK.folder, NUNATAK.labels, NUNATAK.debris, NUNATAK.prose)
    short = fs.missing_genres(NUNATAK.labels, ASKED_IN_NOTES)
    assert not short, short


def test_each_genre_one_type():
    wrong = {name: (label["doc_type"], _kinds_of(label["notes"]))
             for name, label in NUNATAK.labels.items()
             if _kinds_of(label["notes"]) != [label["doc_type"]]}
    assert not wrong, wrong


def test_languages_and_bilingual_abstracts():
    fs.language_check(NUNATAK.labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5},
                      alone_least=4)
    bilingual = Counter(label["doc_type"] for label in NUNATAK.labels.values()
                        if ";" in label["languages"])
    assert sum(bilingual.values()) >= 6 and bilingual["abstract"] >= 3, bilingual


def test_year_traps_and_later_years_in_evidence():
    fs.trap_check(NUNATAK.labels, NUNATAK.prose, NUNATAK.lines)
    dated = {name: label for name, label in NUNATAK.labels.items() if label["year"]}
    missing = {(row["file"], year) for row in NUNATAK.prose if row["file"] in dated
               for year in fs.YEAR.findall(row["sentence"])
               if year > dated[row["file"]]["year"]
               and year not in dated[row["file"]]["year_evidence"]}
    assert not missing, missing


def test_glued_timetables_are_programme_body():
    hits = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
            for name, lines in NUNATAK.lines.items()}
    hits = {name: found for name, found in hits.items() if found}
    assert len(hits) >= 6
    assert {NUNATAK.labels[name]["doc_type"] for name in hits} == {"event_programme"}
    assert all(_kept(name, line) for name, found in hits.items() for line in found)


def test_identifiers_zero_filled():
    patterns = {kind: re.compile(pattern) for kind, pattern, _ in IDENTIFIER_KINDS}
    shapes = {kind: re.compile(shape) for kind, _, shape in IDENTIFIER_KINDS if shape}
    seen, wrong = fs.identifier_misses(NUNATAK.lines, patterns, shapes, "0 -")
    assert wrong == []
    assert set(seen) == set(patterns)


def test_furniture_lines_are_debris():
    lone = [(name, line) for name, lines in NUNATAK.lines.items() for line in lines
            if line in LONE_LABELS]
    assert len(lone) >= 10 and not [pair for pair in lone if _kept(*pair)]
    leaders = [(name, line) for name, lines in NUNATAK.lines.items() for line in lines
               if DOT_LEADER.search(line)]
    assert len(leaders) >= 15 and not [pair for pair in leaders if _kept(*pair)]
    assert NUNATAK.field_pages() >= 6
    assert NUNATAK.kept_markdown_fields() == []


def test_reader_comments_and_comment_count_are_debris():
    name = "h15_svt_nyheter_digital_brevlada_aldre_kommentarer_sv.html"
    comments = [line for line in NUNATAK.lines[name] if line.startswith("Kommentarer (")]
    assert comments and not [line for line in comments if _kept(name, line)]
    assert not _kept(name, "Lena K: Varför kan man inte få välja papper från början?")


def test_pairs_show_the_same_thing():
    for first, second, text in PAIRS:
        for name in (first, second):
            assert any(text in line for line in NUNATAK.lines[name]), (name, text)
