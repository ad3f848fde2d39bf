"""Checks of the moraine set (tests/fixtures/exported/moraine), written blind.

Brief: prisons, probation and reintegration going digital. A correctional service's pages on
inmates' access to digital services and on electronic monitoring; a parliamentary ombudsman's
visit report on a prison (a PDF extract with findings, recommendations and footnotes); the
welfare agency's page on help for people leaving prison; a ministry's strategy excerpt; a
prison education project's catalogue page and its final report; a probation officers' union's
article and its seminar programme (clock times glued to titles); criminology journal abstracts
(one bilingual); a regional newspaper's feature and a former inmate's op-ed (bylines, "read
also", comment counts); an NGO's report landing page (headline, date, download button, blurb)
and a podcast episode page. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: documents, CSVs, page markup and README are read through the
shared helpers of tests/fixturesets.py.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

MORAINE = fs.LabelledSet(fs.SETS / "moraine")

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes must hold, with the least number of documents naming each.
BRIEF_IN_NOTES = {
    "inmates' access to digital services": 3, "electronic monitoring": 4,
    "parliamentary ombudsman's visit report": 1, "findings, recommendations and footnotes": 1,
    "help for people leaving prison": 1, "ministry's strategy excerpt": 1,
    "prison education project's catalogue page": 1,
    "prison education project's final report": 1, "probation officers' union's article": 1,
    "seminar programme": 3, "clock times glued to talk titles": 5,
    "criminology journal abstract": 2, "in two languages": 2,
    "regional newspaper's feature": 2, "former inmate's op-ed": 2,
    "byline, read also and comment count": 4, "ngo's report": 2, "download button": 2,
    "podcast episode page": 1, "field labels": 4, "contents with dot leaders": 4,
    "colophon": 2, "in bokmål": 5, "in nynorsk": 5, "in danish": 4, "in swedish": 5,
    "in english": 5,
}

# The opening genre of a note (before its host in brackets) decides the type; exactly one
# of these patterns may match it.
GENRE_TYPES = {
    "project_report": re.compile(r"project's|final report|research report"),
    "event_programme": re.compile(r"programme"),
    "abstract": re.compile(r"abstract"),
    "policy_document": re.compile(r"visit report|strategy excerpt|ngo's report|"
                                  r"agency's report landing page|consultation response"),
    "other": re.compile(r"'s page on|'s article|feature|op-ed|podcast episode"),
}

# Identifier kinds: the pattern (with an `id` group) and, where zeros alone are not the
# form, the zero-filled shape of the id.
NUMBERS = {
    "phone": (r"\b(?:Telefon:?|Sentralbord|Phone|Switchboard|Kundtjänst) "
              r"(?P<id>\+?\d[\d -]*\d)", r"(?:\+\d\d )?(?:[1-9]\d |0\d{1,3}-)?[0 ]+"),
    "organisation number": (r"\b(?:Org\.nr\.|CVR) (?P<id>[\d ]+\d)", None),
    "ISBN": (r"\bISBN (?P<id>[\d-]+)", r"978-(?:82|91)-[0-]+"),
    "ISSN": (r"\bISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:KRUS-rapport |Report series no\. |Rapport 20\d\d:)(?P<id>\d+)",
                      None),
    "case or project reference": (r"(?:Dnr O |Vår ref\.: 2\d/|NPAD-20\d\d/)(?P<id>\d+)",
                                  None),
    "postal box": (r"\b(?:Postboks|Box|PO Box) (?P<id>\d+)", None),
    "street number": (r"\b(?:Strandgade|Banegårdspladsen) (?P<id>\d+)", None),
}

# Field labels a copy or a page leaves on a line of their own.
FIELD_LABELS = {"Dato:", "Stad:", "Sted:", "Pris:", "Påmelding:", "Prosjektperiode:",
                "Prosjektleiar:", "Samarbeidspartnarar:", "Project period:", "Funder:",
                "Conference:", "Date:", "Venue:", "Publicerad:", "Rapportnummer:",
                "Keywords:", "Nøgleord:", "Medvirkende:", "Finansiering:", "Prosjektleder:"}

LEADERS = re.compile(r"\.{6,}\s*\d+$")
COMMENT_COUNT = re.compile(r"^(?:Kommentarer \(\d+\)|\d+ (?:kommentarar|kommentarer))$")
READ_ALSO = {"Les også", "Læs også", "Läs också"}
DOWNLOAD = re.compile(r"^(?:Last ned|Ladda ner|Download)\b")

# Documents that belong together, and a text each of the two shows.
TOGETHER = (
    ("h06_nordplus_project_digilearn_inside_catalogue_en_nb.html",
     "t03_rogaland_fylkeskommune_sluttrapport_digilearn_inside_pdf_nn_en.txt",
     "DigiLearn Inside"),
    ("h13_wayback_rapport_loslatt_digital_velferdsstat_landingsside_nb.html",
     "t11_wayback_rapport_loslatt_digital_velferdsstat_pdf_nb.txt",
     "Løslatt til en digital velferdsstat"),
    ("h07_nff_artikkel_digital_friomsorg_nb.html",
     "h08_nff_fagseminar_digital_straffegjennomforing_program_nb.html",
     "Norsk Fengsels- og Friomsorgsforbund"),
    ("h14_krus_podkast_episode_fotlenke_nb.html",
     "h18_krus_forskningsprosjekt_digital_tilbakeforing_nb_en.html",
     "Kriminalomsorgens høgskole og utdanningssenter"),
    ("t05_kriminalomsorgen_region_vest_fagdag_program_copy_nn.txt",
     "t15_kriminalomsorgen_region_vest_prosjekt_digital_kvardag_copy_nn.txt", "Region vest"),
)


def _debris(name: str, line: str) -> bool:
    return line in MORAINE.debris_of(name)


def _genre_types(notes: str) -> list[str]:
    opening = notes.lower().split(" (")[0]
    return [kind for kind, pattern in GENRE_TYPES.items() if pattern.search(opening)]


def _lines_where(test) -> list[tuple[str, str]]:
    return [(name, line) for name, lines in MORAINE.lines.items() for line in lines
            if test(line)]


@pytest.mark.parametrize("name", MORAINE.on_disk)
def test_each_document(name):
    MORAINE.document_check(name)
    if name in MORAINE.pages:
        MORAINE.page_check(name, HEAD_DATES)


def test_set_shape_readme_and_brief():
    fs.size_check(MORAINE.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    fs.files_check(MORAINE.folder, MORAINE.labels)
    fs.readme_check(MORAINE.folder, MORAINE.labels, MORAINE.debris, MORAINE.prose)
    assert fs.missing_genres(MORAINE.labels, BRIEF_IN_NOTES) == {}


def test_type_follows_the_genre():
    mistyped = {}
    for name, label in MORAINE.labels.items():
        kinds = _genre_types(label["notes"])
        if kinds != [label["doc_type"]]:
            mistyped[name] = (label["doc_type"], kinds)
    assert mistyped == {}


def test_languages_and_bilingual_documents():
    fs.language_check(MORAINE.labels, {"en": 12, "nb": 12, "nn": 6, "da": 5, "sv": 6},
                      alone_least=4)
    bilingual_types = Counter(label["doc_type"] for label in MORAINE.labels.values()
                              if len(label["languages"].split(";")) == 2)
    assert bilingual_types.total() >= 5 and bilingual_types["abstract"] >= 2, bilingual_types


def _horizons_unnamed(row: dict) -> set[str]:
    """Years in a prose sentence later than its dated document's year and not in its evidence."""
    label = MORAINE.labels[row["file"]]
    if not label["year"]:
        return set()
    return {year for year in fs.YEAR.findall(row["sentence"])
            if int(year) > int(label["year"]) and year not in label["year_evidence"]}


def test_years_traps_and_horizons_named():
    fs.trap_check(MORAINE.labels, MORAINE.prose, MORAINE.lines)
    assert {row["file"]: found for row in MORAINE.prose
            if (found := _horizons_unnamed(row))} == {}


def test_glued_timetables_stay():
    glued = _lines_where(fs.GLUED_TIME.search)
    names = {name for name, _ in glued}
    assert len(names) >= 5
    assert {MORAINE.labels[name]["doc_type"] for name in names} == {"event_programme"}
    assert [pair for pair in glued if _debris(*pair)] == []


def test_numbers_are_zero_filled():
    patterns = {kind: re.compile(pattern) for kind, (pattern, _) in NUMBERS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in NUMBERS.items() if shape}
    seen, wrong = fs.identifier_misses(MORAINE.lines, patterns, shapes, "0 -")
    assert wrong == [] and set(seen) == set(NUMBERS)


def test_page_furniture_is_debris():
    for test, least in ((lambda line: line in FIELD_LABELS, 15), (LEADERS.search, 15),
                        (COMMENT_COUNT.match, 4), (lambda line: line in READ_ALSO, 4),
                        (DOWNLOAD.match, 6)):
        found = _lines_where(test)
        assert len(found) >= least, found
        assert [pair for pair in found if not _debris(*pair)] == []
    assert MORAINE.field_pages() >= 7
    assert MORAINE.kept_markdown_fields() == []


def test_visit_report_footnotes_are_debris_and_findings_stay():
    name = "t01_jo_protokoll_inspektion_anstalten_skogome_pdf_sv.txt"
    notes = [line for line in MORAINE.lines[name] if re.match(r"\d \S.*\.$", line)]
    assert len(notes) == 2 and all(_debris(name, line) for line in notes)
    assert any("rekommenderar" in row["sentence"] for row in MORAINE.prose
               if row["file"] == name)


def test_related_documents_share_a_text():
    for first, second, text in TOGETHER:
        for name in (first, second):
            assert any(text in line for line in MORAINE.lines[name]), (name, text)
