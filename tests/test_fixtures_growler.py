"""Checks of the growler set (tests/fixtures/exported/growler), written blind.

Brief: platform work, gig workers and social protection in a digital labour market. An EU
directive's summary page, a ministry's consultation paper on implementing it (a PDF extract
with chapter headings and footnotes), a trade union's report and its campaign page, a labour
inspection authority's guidance page, labour courts' judgment summaries on a courier's
employment status (case numbers, parties anonymised, field labels), a platform company's
terms page and its press release, news items and a columnist's op-ed (bylines, "read also"
panels, tag lines), a research project's catalogue page and its working paper, journal
abstracts in two languages, conference and seminar programmes with clock times glued to talk
titles, and a podcast episode page; English, Bokmål, Nynorsk, Danish and Swedish.

Nothing here runs the import: the set's CSVs, its documents' visible lines, the saved pages'
markup and its README are read through tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

GROWLER = fs.LabelledSet(fs.SETS / "growler")

DATED_HEAD_FIELDS = {"dcterms.issued", "dcterms.modified", "article:published_time",
                     "citation_publication_date", "event:start_time"}

# What the brief asks the labels' notes to name, and how many documents at least.
ASKED_IN_NOTES = {
    "eu directive's summary page": 1, "ministry's consultation paper": 1,
    "chapter headings": 1, "footnotes": 1, "trade union's report": 1, "campaign page": 1,
    "labour inspection authority's guidance page": 1, "labour court's judgment summary": 2,
    "courier's employment status": 2, "parties anonymised": 2, "field labels": 6,
    "platform company's terms page": 1, "press release": 1, "news item": 3,
    "columnist's op-ed": 1, "byline": 4, "read also": 2, "tag line": 3,
    "research project's catalogue page": 1, "working paper": 1,
    "journal abstract in two languages": 3, "glued to talk titles": 5,
    "podcast episode page": 1, "in danish": 3, "in swedish": 3, "in nynorsk": 4,
}

# The genre each label's notes open with, and the type it must have: records, company
# pages and media are none of the four research genres; guidance, consultation papers and
# positions are policy; a project's pages and papers are project reports.
TYPED_BY_GENRE = (
    (re.compile(r"judgment summary|terms page|press release|news item|op-ed|podcast|"
                r"campaign page|blog post"), "other"),
    (re.compile(r"guidance page|consultation paper|consultation response|"
                r"trade union's report|policy brief|opinion|summary page"), "policy_document"),
    (re.compile(r"programme"), "event_programme"),
    (re.compile(r"abstract"), "abstract"),
    (re.compile(r"project|working paper"), "project_report"),
)

# Identifiers as the documents write them: kind, pattern with an `id` group, and the shape
# a zero-filled id has (None: zeros, spaces and dashes only).
ZERO = None
IDENTIFIER_KINDS = (
    ("case or judgment number", r"\b(?:AR20\d\d\.|Mål nr A |AD 20\d\d nr )(?P<id>\d+)", ZERO),
    ("paper or report number",
     r"\b(?:Ds 20\d\d:|Working Paper 20\d\d:|Rapport 20\d\d:|Rapport nr\. )(?P<id>\d+)", ZERO),
    ("opinion reference", r"\b(?:EESC 20\d\d/|SOC/)(?P<id>\d+)", ZERO),
    ("letter reference", r"\b(?:Deres|Vår) ref\.: (?P<id>[\d/-]+)", r"2\d[/-]0+"),
    ("ISBN", r"\bISBN (?P<id>[\d-]+)", r"978-82-0+-0+-0"),
    ("ISSN", r"\bISSN (?P<id>[\dX-]+)", ZERO),
    ("organisation number", r"\b(?:Org\.nr\.?|CVR) (?P<id>[\d -]+\d)", ZERO),
    ("postal box", r"\b(?:Postboks|Box) (?P<id>\d+)", ZERO),
    ("phone", r"\b(?:Tlf\.|Telefon|Sentralbord|Phone) (?P<id>\+?\d[\d -]*\d)",
     r"(?:\+45 |\+32 0 |0\d-|[2-9]\d )[0 ]+"),
)

# The one real identifier: the directive's own number, a public fact like a law's name.
EU_ACT = re.compile(r"\(EU\) (\d{4}/\d+)")
DIRECTIVE = "2024/2831"

# Label lines that a copy leaves alone on a line: each is debris where it stands.
LONE_LABELS = {"Domstol:", "Målnummer:", "Domsnummer:", "Meddelad:", "Parter:", "Dato:",
               "Tid:", "Sted:", "Pris:", "Påmeldingsfrist:"}

# Pairs of documents about the same thing, and a text both show.
PAIRS = (
    ("h04_fellesforbundet_kampanje_rettferdig_budlonn_nb.html",
     "t02_fellesforbundet_rapport_levert_paa_vilkaar_pdf_nb.txt", "Levert på vilkår"),
    ("h05_wolt_courier_partner_terms_en.html",
     "t04_wolt_pressemelding_copy_budpartnere_nb.txt", "Wolt"),
    ("h08_afa_forsakring_projekt_plattformsarbete_socialforsakring_sv_en.html",
     "t06_lund_sociology_of_law_working_paper_gigsoc_pdf_en_sv.txt", "GIGSOC"),
    ("h13_isf_prosjekt_plattformarbeid_trygderettigheter_nb.html",
     "t07_isf_rapport_plattformarbeid_trygderettigheter_pdf_nb_en.txt", "PLATRETT"),
    ("h11_nwlc_conference_programme_platform_stream_en.html",
     "t10_nwlc_book_of_abstracts_platform_stream_pdf_en.txt",
     "Sick pay for couriers: a comparison of three schemes"),
    ("h01_eurlex_summary_platform_work_directive_en.html",
     "t01_arbetsmarknadsdepartementet_ds_genomforande_plattformsdirektivet_pdf_sv.txt",
     DIRECTIVE),
)

DOT_LEADER = re.compile(r"\.{6,}\s*\d+$")


def _kept(name: str, line: str) -> bool:
    return line not in GROWLER.debris_of(name)


@pytest.mark.parametrize("name", GROWLER.on_disk)
def test_each_document(name):
    """Codebook values, year rules and the places of title, debris and prose; for a saved
    page also its head and its field list."""
    GROWLER.document_check(name)
    if name in GROWLER.pages:
        GROWLER.page_check(name, DATED_HEAD_FIELDS)


def test_set_shape_and_readme():
    fs.files_check(GROWLER.folder, GROWLER.labels)
    fs.size_check(GROWLER.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    fs.readme_check(GROWLER.folder, GROWLER.labels, GROWLER.debris, GROWLER.prose)
    assert fs.missing_genres(GROWLER.labels, ASKED_IN_NOTES) == {}


def test_genres_carry_their_type():
    """The notes open with the document's genre, before the host in brackets."""
    genres = {name: label["notes"].lower().split(" (")[0]
              for name, label in GROWLER.labels.items()}
    typed = [(name, kind) for name, genre in genres.items()
             for pattern, kind in TYPED_BY_GENRE if pattern.search(genre)]
    assert sorted(name for name, _ in typed) == sorted(GROWLER.labels)
    assert [(name, kind) for name, kind in typed
            if GROWLER.labels[name]["doc_type"] != kind] == []


def test_languages():
    fs.language_check(GROWLER.labels, {"en": 12, "nb": 12, "nn": 4, "da": 4, "sv": 4},
                      alone_least=3)
    two = [label for label in GROWLER.labels.values() if ";" in label["languages"]]
    assert sum(label["doc_type"] == "abstract" for label in two) >= 3


def test_years_and_later_years_named():
    fs.trap_check(GROWLER.labels, GROWLER.prose, GROWLER.lines)
    unnamed = []
    for row in GROWLER.prose:
        label = GROWLER.labels[row["file"]]
        if not label["year"]:
            continue
        later = {y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]}
        unnamed += sorted(later - set(fs.YEAR.findall(label["year_evidence"])))
    assert unnamed == []


def test_glued_timetables_are_programme_body():
    hits = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
            for name, lines in GROWLER.lines.items()}
    hits = {name: found for name, found in hits.items() if found}
    assert len(hits) >= 5
    assert {GROWLER.labels[name]["doc_type"] for name in hits} == {"event_programme"}
    assert all(_kept(name, line) for name, found in hits.items() for line in found)


def test_identifiers_zero_filled_and_the_real_act_number():
    patterns = {kind: re.compile(pattern) for kind, pattern, _ in IDENTIFIER_KINDS}
    shapes = {kind: re.compile(shape) for kind, _, shape in IDENTIFIER_KINDS if shape}
    seen, wrong = fs.identifier_misses(GROWLER.lines, patterns, shapes, "0 -")
    assert wrong == []
    assert set(seen) == set(patterns)
    acts = {act for lines in GROWLER.lines.values() for line in lines
            for act in EU_ACT.findall(line)}
    assert acts == {DIRECTIVE}


def test_furniture_lines_are_debris():
    lone = [(name, line) for name, lines in GROWLER.lines.items() for line in lines
            if line in LONE_LABELS]
    assert len(lone) >= 10 and not [pair for pair in lone if _kept(*pair)]
    leaders = [(name, line) for name, lines in GROWLER.lines.items() for line in lines
               if DOT_LEADER.search(line)]
    assert len(leaders) >= 12 and not [pair for pair in leaders if _kept(*pair)]
    assert GROWLER.field_pages() >= 5
    assert GROWLER.kept_markdown_fields() == []


def test_pairs_show_the_same_thing():
    for first, second, text in PAIRS:
        for name in (first, second):
            assert any(text in line for line in GROWLER.lines[name]), (name, text)
