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

The import is never run here. The set is read once, through fixturesets.LabelledSet, and
every check is on its labels, its debris and prose rows, the files' visible lines, the saved
pages' markup and the README's tables.
"""

import re

import fixturesets as fs
import pytest

SERAC = fs.LabelledSet(fs.SETS / "serac")

# Head fields that date a saved page: where a page has one, it names the labelled year.
DATED_HEAD_FIELDS = {"citation_publication_date", "article:published_time", "dcterms.issued",
                     "dcterms.modified", "event:start_time"}

# Phrases of the brief and the least number of labels' notes that must name each.
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


def _where(keep) -> list[tuple[str, str]]:
    """The (file, line) pairs of the set's visible lines for which `keep(line)` is true."""
    return [(name, line) for name in SERAC.on_disk for line in SERAC.lines[name] if keep(line)]


def _not_debris(pairs) -> list[tuple[str, str]]:
    return [(name, line) for name, line in pairs if line not in SERAC.debris_of(name)]


@pytest.mark.parametrize("name", SERAC.on_disk)
def test_document_and_page(name):
    """Codebook values, year rules and the places of title, debris and prose; a saved page's
    head and field list besides."""
    SERAC.document_check(name)
    if name.endswith(".html"):
        SERAC.page_check(name, DATED_HEAD_FIELDS)


def test_folder_readme_and_brief():
    """Files, CRLF and README tables; size and formats; the brief's genres in the notes, and
    each note's opening genre matched by one pattern that names the document's type."""
    fs.files_check(SERAC.folder, SERAC.labels)
    fs.readme_check(SERAC.folder, SERAC.labels, SERAC.debris, SERAC.prose)
    fs.size_check(SERAC.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(SERAC.labels, ASKED_IN_NOTES) == {}
    for name, label in SERAC.labels.items():
        opening = label["notes"].lower().split(" (")[0]
        kinds = [kind for pattern, kind in TYPED_BY_GENRE if pattern.search(opening)]
        assert kinds == [label["doc_type"]], (name, opening, kinds)


def test_languages_and_bilingual_abstracts():
    fs.language_check(SERAC.labels, {"en": 12, "nb": 10, "nn": 4, "da": 6, "sv": 6},
                      alone_least=4)
    bilingual_abstracts = [name for name, label in SERAC.labels.items()
                           if label["doc_type"] == "abstract" and ";" in label["languages"]]
    assert len(bilingual_abstracts) >= 2


def test_year_situations_and_named_horizons():
    """Three documents at least of each year situation; a later year in a dated document's
    prose is one its evidence names; "next update" lines are debris and name a later year."""
    fs.trap_check(SERAC.labels, SERAC.prose, SERAC.lines)
    for row in SERAC.prose:
        label = SERAC.labels[row["file"]]
        year, evidence = label["year"], label["year_evidence"]
        ahead = {found for found in fs.YEAR.findall(row["sentence"]) if year and found > year}
        assert ahead <= set(fs.YEAR.findall(evidence)), (row["file"], ahead)
    updates = _where(NEXT_UPDATE.match)
    assert len(updates) >= 3 and _not_debris(updates) == []
    dated = [(name, fs.YEAR.findall(line)[0]) for name, line in updates if fs.YEAR.search(line)]
    assert len(dated) >= 2
    assert all(found > SERAC.labels[name]["year"] for name, found in dated)


def test_timetables_glued_and_kept():
    glued = _where(fs.GLUED_TIME.search)
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 5 and _not_debris(glued) == glued
    assert {SERAC.labels[name]["doc_type"] for name in programmes} == {"event_programme"}


def test_identifiers_zero_filled():
    kinds = {kind: re.compile(pattern) for kind, pattern, _ in IDENTIFIER_KINDS}
    shapes = {kind: re.compile(shape) for kind, _, shape in IDENTIFIER_KINDS if shape}
    seen, wrong = fs.identifier_misses(SERAC.lines, kinds, shapes, "0 -")
    assert (sorted(seen), wrong) == (sorted(kinds), [])


def test_lone_labels_leaders_and_fields_are_debris():
    lone, leaders = _where(LONE_LABELS.__contains__), _where(DOT_LEADER.search)
    assert len(lone) >= 10 and len(leaders) >= 15
    assert _not_debris(lone + leaders) == []
    assert SERAC.field_pages() >= 8 and SERAC.kept_markdown_fields() == []


@pytest.mark.parametrize("first,second,text", PAIRS)
def test_pair_shares_a_text(first, second, text):
    assert [name for name in (first, second)
            if not any(text in line for line in SERAC.lines[name])] == []
