"""Checks of the verglas set (tests/fixtures/exported/verglas), written blind.

The brief of the set: rural, Sámi and minority-language communities and digital welfare
services. A Sámi parliament's statement and report on digital services in Sámi languages
(with short North Sámi passages, which the codebook does not cover), a municipality's page on
digital services in a rural district with its service-point hours, a national minority's
organisation's consultation response, a county's broadband and digital inclusion plan, an
ombudsman's report on equal access, a mobile library and digital help bus page, a research
project's catalogue page and its final report, an Arctic conference's programme, a journal
abstract, a regional newspaper's report and a Greenlandic agency's page in Danish; English,
Bokmål and Nynorsk mostly, some Danish and Swedish, several bilingual documents.

The import of the package is never run here: the checks read the CSVs, each document's
visible lines, the saved pages' markup and the set's README.
"""

import re

import fixturesets as fs
import pytest

VERGLAS = fs.LabelledSet(fs.SETS / "verglas")

# Head fields of the saved pages that carry a date: they must name the labelled year.
HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# The brief, as phrases the notes must name: "<least> <phrase>" on each line.
ASKED = """
2 sámi parliament
2 digital services in sámi languages
4 north sámi
5 municipality
1 rural district
2 service-point hours
3 national minority
2 consultation response
2 broadband and digital inclusion plan
2 ombudsman
1 equal access
2 mobile library
1 digital help bus
4 research project
1 catalogue page
2 final report
4 arctic conference
4 journal abstract
3 regional newspaper
2 greenlandic agency
3 in danish
4 field labels
"""

# Identifiers as the documents write them, "<kind>: <pattern>" a line; the `id` group of
# each match must be zero-filled.
WRITTEN = r"""
case or diary number: (?:Deres ref\.|Dnr Fi20\d\d/|Saksnr\.|Sag nr\. 20\d\d-) ?(?P<id>[\d/-]+)
report or note number: \b(?:Rapport|Notat) (?P<id>\d+[:/]\d+)
project number: ^(?:Prosjektnummer )?(?P<id>\d{6})$
ISBN: \bISBN (?P<id>[\d-]+)
ISSN: \bISSN (?P<id>[\dX-]+)
postal box: \b(?:Postboks|Box) (?P<id>\d+)
organisation number: \bOrg\.nr\.? (?P<id>[\d -]+\d)
phone: \b(?:Telefon|Sentralbord|Kundtjänst) (?P<id>\+?\d[\d -]*\d)
"""
IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern in
               (line.split(": ", 1) for line in WRITTEN.strip().splitlines())}
ZERO_FILLED = {
    "case or diary number": re.compile(r"(?:2\d/)?0+(?:-0+)?"),
    "report or note number": re.compile(r"20\d\d:0+|0+/20\d\d"),
    "ISBN": re.compile(r"978-(?:82|91)-0+-0+-0"),
    "phone": re.compile(r"(?:\+299 |0\d{3}-|[3-8]\d )[0 ]+"),
}

# Lines a copy or a PDF leaves as a field label alone: debris wherever they stand.
LABEL_LINES = ("Stad:", "Sted:", "Pris:", "Room:", "Organiser:")

# Things two documents tell about, and the line (or part of a line) both hold.
SHARED = (
    ("t03_finnmark_fylkeskommune_plan_bredband_digital_inkludering_pdf_nb.txt",
     "h04_finnmark_fylkeskommune_plan_bredband_side_nb.html",
     "Regional plan for bredbånd og digital inkludering"),
    ("h09_rff_arktis_prosjektkatalog_samisk_digital_tjeneste_en_nb.html",
     "t05_sami_allaskuvla_sluttrapport_samdigi_pdf_nb_en.txt", "2023–2026"),
    ("h11_arctic_frontiers_programme_digital_welfare_session_en.html",
     "t07_arctic_frontiers_programme_day_three_copy_en.txt", "Arctic Frontiers 2026"),
)

# North Sámi and Kven lines: body text in a language outside the codebook, never prose
# and never debris (neutral), on the documents whose notes say so.
OUTSIDE_CODEBOOK = {
    "h01_sametinget_stallningstagande_digitala_tjanster_samiska_sv.html":
        "Sámi namat galget sáhttit čállot riekta buot skoviide.",
    "t01_sametinget_rapport_samiska_i_digitala_tjanster_pdf_sv_en.txt":
        "Dát raporta čájeha man guhkás stáhta eiseválddit leat boahtán sámegiela bálvalusaiguin.",
    "t05_sami_allaskuvla_sluttrapport_samdigi_pdf_nb_en.txt":
        "Prošeakta čájeha ahte unnán gielddalaš e-bálvalusat doibmet ollásit davvisámegillii.",
    "h18_porsanger_kommune_digital_post_tre_sprak_nb.html":
        "Sie saat valita kirjeen kväänin kielelä.",
}


def asked() -> dict[str, int]:
    pairs = (line.split(" ", 1) for line in ASKED.strip().splitlines())
    return {phrase: int(least) for least, phrase in pairs}


def test_csvs_and_readme_agree_with_the_folder():
    fs.files_check(VERGLAS.folder, VERGLAS.labels)
    fs.readme_check(VERGLAS.folder, VERGLAS.labels, VERGLAS.debris, VERGLAS.prose)


@pytest.mark.parametrize("name", VERGLAS.on_disk)
def test_each_document(name):
    """Codebook values, year rules, placement of title, debris and prose; for a saved page
    also its head (the <title> debris, date fields agreeing) and its <dt>/<dd> fields."""
    VERGLAS.document_check(name)
    if name in VERGLAS.pages:
        VERGLAS.page_check(name, HEAD_DATES)


def test_size_formats_types_and_what_the_brief_asks_for():
    fs.size_check(VERGLAS.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(VERGLAS.labels, asked()) == {}


def test_languages_lean_on_english_and_norwegian():
    fs.language_check(VERGLAS.labels, {"en": 12, "nb": 12, "nn": 5, "da": 4, "sv": 4},
                      alone_least=3)
    tags, parts, openers = fs.language_counts(VERGLAS.labels)
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 6, tags
    assert parts["en"] + parts["nb"] + parts["nn"] > 3 * (parts["da"] + parts["sv"]), parts


def test_north_sami_and_kven_lines_are_neutral_body_text():
    prose = {(row["file"], row["sentence"]) for row in VERGLAS.prose}
    for name, line in OUTSIDE_CODEBOOK.items():
        assert line in VERGLAS.lines[name], name
        assert line not in VERGLAS.debris_of(name) and (name, line) not in prose, name
        assert re.search(r"north sámi|kven", VERGLAS.labels[name]["notes"], re.I), name


def test_year_situations_traps_and_later_years_in_evidence():
    fs.trap_check(VERGLAS.labels, VERGLAS.prose, VERGLAS.lines)
    missing = set()
    for row in VERGLAS.prose:
        label = VERGLAS.labels[row["file"]]
        if label["year"]:
            later = {y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]}
            missing |= {(row["file"], y) for y in later - set(fs.YEAR.findall(
                label["year_evidence"]))}
    assert not missing, sorted(missing)


def test_glued_times_only_in_programmes_and_kept():
    holders = {name for name, lines in VERGLAS.lines.items()
               if any(fs.GLUED_TIME.search(line) for line in lines)}
    assert len(holders) >= 5
    types = {VERGLAS.labels[name]["doc_type"] for name in holders}
    assert types == {"event_programme"}, types
    kept = all(line not in VERGLAS.debris_of(name) for name in holders
               for line in VERGLAS.lines[name] if fs.GLUED_TIME.search(line))
    assert kept, "a glued timetable line is listed as debris"


def test_identifiers_zero_filled_and_each_kind_present():
    seen, wrong = fs.identifier_misses(VERGLAS.lines, IDENTIFIERS, ZERO_FILLED, "0 -")
    assert (wrong, set(seen)) == ([], set(IDENTIFIERS)), (wrong, seen)


def test_field_labels_are_debris_on_every_format():
    hits = [(name, line) for name in VERGLAS.on_disk for line in VERGLAS.lines[name]
            if line in LABEL_LINES]
    assert len(hits) >= 4
    assert [hit for hit in hits if hit[1] not in VERGLAS.debris_of(hit[0])] == []
    assert (VERGLAS.field_pages() >= 5, VERGLAS.kept_markdown_fields()) == (True, [])


def test_related_documents_share_a_line():
    for first, second, part in SHARED:
        for name in (first, second):
            assert any(part in line for line in VERGLAS.lines[name]), (name, part)
