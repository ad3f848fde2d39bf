"""Checks of the serac set (tests/fixtures/exported/serac), written blind.

Brief: registers, statistics and research data in welfare. A statistics office's articles and
tables pages (with "updated", "next update" and table notes), an ethics committee's approval
summary, a research microdata service's pages on applying for access, a ministry's white
paper chapter on sharing data between agencies (a PDF extract with footnotes and running
heads), a county's report on its own welfare statistics, a research project's catalogue page
and its technical report, a methods seminar's programme with clock times glued to talk
titles, journal abstracts (one in two languages), a data journalist's news item and a
researcher's op-ed (bylines, "read also", tag lines) and a data catalogue's dataset page;
English, Bokmål, Nynorsk, Danish and Swedish.

Nothing here runs the import: the set's CSVs, its documents' visible lines, the saved pages'
markup and its README are read through tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

SERAC = fs.LabelledSet(fs.SETS / "serac")

DATED_HEAD_FIELDS = {"dcterms.issued", "dcterms.modified", "article:published_time",
                     "citation_publication_date", "event:start_time"}

# What the brief asks the labels' notes to name, and how many documents at least.
ASKED_IN_NOTES = {
    "statistics office's article": 2, "statistics office's tables page": 1,
    "\"updated\"": 1, "\"next update\"": 2, "table notes": 4,
    "ethics committee's approval summary": 1,
    "research microdata service's page on applying for access": 3,
    "ministry's white paper chapter": 1, "footnotes": 1, "running heads": 6,
    "county's report on its own welfare statistics": 2,
    "research project's catalogue page": 1, "research project's technical report": 1,
    "methods seminar programme": 5, "glued to talk titles": 5,
    "journal abstract": 4, "journal abstract in two languages": 2,
    "data journalist's news item": 2, "researcher's op-ed": 2, "byline": 6,
    "read also": 4, "tag line": 4, "data catalogue's dataset page": 1, "field labels": 8,
    "dot leaders": 5, "in danish": 5, "in swedish": 5, "in nynorsk": 4,
}

# The genre each label's notes open with, and the type it must have: statistics releases
# and tables, decisions, access pages, media and catalogue records are `other`; the
# ministry's, the county's and the municipality's texts are policy; a project's pages and
# reports are project reports.
TYPED_BY_GENRE = (
    (re.compile(r"statistics office|approval summary|microdata service|news item|op-ed|"
                r"dataset page"), "other"),
    (re.compile(r"white paper|strategy|report on its own|agency's report"), "policy_document"),
    (re.compile(r"programme"), "event_programme"),
    (re.compile(r"abstract"), "abstract"),
    (re.compile(r"project"), "project_report"),
)

# Identifiers as the documents write them: kind, pattern with an `id` group, and the shape a
# zero-filled id has (None: zeros, spaces and dashes only).
ZERO = None
IDENTIFIER_KINDS = (
    ("diary number", r"\bDnr (?P<id>20\d\d-[\d-]+)", r"20\d\d-0+-01"),
    ("table or report number",
     r"\b(?:SO|VR|KY|Rapport 20\d\d:|Frisch Report |Arbejdspapir nr\. |HVL-rapport nr\. |"
     r"Nr\. )(?P<id>\d+)", ZERO),
    ("white paper number", r"\bMeld\. St\. (?P<id>\d+)", ZERO),
    ("project number", r"^(?P<id>\d{6})$", ZERO),
    ("ISBN", r"\bISBN (?P<id>[\d-]+)", r"978-(?:82|91)-0+-0+-0"),
    ("ISSN", r"\bISSN (?P<id>[\dX-]+)", ZERO),
    ("organisation number", r"\b(?:Org\.nr\.?|CVR) (?P<id>[\d -]+\d)", ZERO),
    ("postal box", r"\b(?:Postboks|Box|PO Box) (?P<id>\d+)", ZERO),
    ("phone", r"\b(?:tlf\.|Tlf\.|Telefon|Sentralbord|Phone|phone) "
              r"(?P<id>\+?\d[\d -]*\d)", r"(?:\+45 |0\d\d?-|[2-9]\d |0\d\d )[0 ]+"),
    ("DOI", r"\b10\.(?P<id>\d+)/", ZERO),
    ("street number", r"\b(?:Sejrøgade|Gaustadalléen|Akersgata|Kronprinsessegade) (?P<id>\d+)",
     ZERO),
)

# Label lines that a copy leaves alone on a line: each is debris where it stands.
LONE_LABELS = {"Dato:", "Tid:", "Sted:", "Påmeldingsfrist:", "Nøkkelord", "Keywords",
               "Datum:", "Plats:", "Tabellnummer", "Uppdaterad:", "Nästa uppdatering:"}

# Pairs of documents about the same thing, and a text both show.
PAIRS = (
    ("h06_frischsenteret_prosjekt_registerdata_sosialhjelp_nb_en.html",
     "t03_frischsenteret_technical_report_sosliv_linkage_pdf_en_nb.txt", "SOSLIV"),
    ("h15_telemark_fylkeskommune_rapport_levekar_landing_page_nb.html",
     "t02_telemark_fylkeskommune_rapport_levekar_velferd_pdf_nb.txt",
     "Levekår og velferd i Telemark"),
    ("h16_hvl_prosjekt_registerdata_barnevern_nn.html",
     "t15_hvl_delrapport_barnevern_registerdata_pdf_nn_en.txt", "Barnevernet i tal"),
    ("h17_rockwool_fonden_projekt_ydelseshistorik_da.html",
     "t04_rockwool_fonden_arbejdspapir_ydelsesforloeb_dream_pdf_da.txt", "DREAM"),
    ("h04_danmarks_statistik_forskningsservice_adgang_mikrodata_da.html",
     "t09_danmarks_statistik_brugerdag_forskere_program_copy_da.txt", "forskermaskine"),
    ("h02_scb_tabell_ekonomiskt_bistand_kommun_sv.html",
     "t12_scb_mona_vanliga_fragor_copy_sv.txt", "SCB"),
)

DOT_LEADER = re.compile(r"\.{6,}\s*\d+$")
NEXT_UPDATE = re.compile(r"^(?:Næste udgivelse|Nästa uppdatering|Next release)")


def _kept(name: str, line: str) -> bool:
    return line not in SERAC.debris_of(name)


@pytest.mark.parametrize("name", SERAC.on_disk)
def test_each_document(name):
    """Codebook values, year rules and the places of title, debris and prose; for a saved
    page also its head and its field list."""
    SERAC.document_check(name)
    if name in SERAC.pages:
        SERAC.page_check(name, DATED_HEAD_FIELDS)


def test_set_shape_and_readme():
    fs.files_check(SERAC.folder, SERAC.labels)
    fs.size_check(SERAC.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    fs.readme_check(SERAC.folder, SERAC.labels, SERAC.debris, SERAC.prose)
    assert fs.missing_genres(SERAC.labels, ASKED_IN_NOTES) == {}


def test_genres_carry_their_type():
    """The notes open with the document's genre, before the host in brackets."""
    genres = {name: label["notes"].lower().split(" (")[0]
              for name, label in SERAC.labels.items()}
    typed = [(name, kind) for name, genre in genres.items()
             for pattern, kind in TYPED_BY_GENRE if pattern.search(genre)]
    assert sorted(name for name, _ in typed) == sorted(SERAC.labels)
    assert [(name, kind) for name, kind in typed
            if SERAC.labels[name]["doc_type"] != kind] == []


def test_languages():
    fs.language_check(SERAC.labels, {"en": 12, "nb": 10, "nn": 4, "da": 6, "sv": 6},
                      alone_least=4)
    two = [label for label in SERAC.labels.values() if ";" in label["languages"]]
    assert sum(label["doc_type"] == "abstract" for label in two) >= 2


def test_years_and_later_years_named():
    fs.trap_check(SERAC.labels, SERAC.prose, SERAC.lines)
    unnamed = []
    for row in SERAC.prose:
        label = SERAC.labels[row["file"]]
        if not label["year"]:
            continue
        later = {y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]}
        unnamed += sorted(later - set(fs.YEAR.findall(label["year_evidence"])))
    assert unnamed == []


def test_next_updates_are_debris_and_never_the_year():
    """A statistics page's "next update" line names a later year than the page's own."""
    found = [(name, line) for name, lines in SERAC.lines.items() for line in lines
             if NEXT_UPDATE.match(line)]
    assert len(found) >= 3 and not [pair for pair in found if _kept(*pair)]
    dated = [(name, fs.YEAR.findall(line)[0]) for name, line in found if fs.YEAR.search(line)]
    assert len(dated) >= 2 and all(year > SERAC.labels[name]["year"] for name, year in dated)


def test_glued_timetables_are_programme_body():
    hits = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
            for name, lines in SERAC.lines.items()}
    hits = {name: found for name, found in hits.items() if found}
    assert len(hits) >= 5
    assert {SERAC.labels[name]["doc_type"] for name in hits} == {"event_programme"}
    assert all(_kept(name, line) for name, found in hits.items() for line in found)


def test_identifiers_zero_filled():
    patterns = {kind: re.compile(pattern) for kind, pattern, _ in IDENTIFIER_KINDS}
    shapes = {kind: re.compile(shape) for kind, _, shape in IDENTIFIER_KINDS if shape}
    seen, wrong = fs.identifier_misses(SERAC.lines, patterns, shapes, "0 -")
    assert wrong == []
    assert set(seen) == set(patterns)


def test_furniture_lines_are_debris():
    lone = [(name, line) for name, lines in SERAC.lines.items() for line in lines
            if line in LONE_LABELS]
    assert len(lone) >= 10 and not [pair for pair in lone if _kept(*pair)]
    leaders = [(name, line) for name, lines in SERAC.lines.items() for line in lines
               if DOT_LEADER.search(line)]
    assert len(leaders) >= 15 and not [pair for pair in leaders if _kept(*pair)]
    assert SERAC.field_pages() >= 8
    assert SERAC.kept_markdown_fields() == []


def test_pairs_show_the_same_thing():
    for first, second, text in PAIRS:
        for name in (first, second):
            assert any(text in line for line in SERAC.lines[name]), (name, text)
