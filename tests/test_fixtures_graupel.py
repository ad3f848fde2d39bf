"""Checks of the graupel set (tests/fixtures/exported/graupel), written blind.

The brief of the set: the health and care sector's side of welfare digitalisation, as a
researcher collects it: hospital trusts' and regional health authorities' pages on remote
follow-up and digital home hospital, patient portals' help pages, national e-health
agencies' pages (Norwegian, Danish, Swedish, Finnish), GP practices' and pharmacies' pages
on video consultations and medicine dispensers, vendors' product pages, customer stories and
white papers with their marketing furniture, procurement framework and tender pages,
standards and interoperability pages, a health-tech trade association's report, clinical or
professional guidelines on digital follow-up, a patient organisation's brochure, a nursing
journal's news, an e-health conference with its programme and project pages of a regional
innovation programme; English, Bokmål and Nynorsk mostly, some Danish and Swedish; about half
saved HTML, one or two Markdown pages. The tests hold the set to that brief, to the labelling
conventions of tests/fixtures/exported/dev/README.md and to the set's own README. The import
is never run: only the CSVs, the files' text (fixturesets.visible_lines, and the raw HTML for
its head and field lists) and the README are read.
"""

import re

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "graupel")
LABELS, LINES = SET.labels, SET.lines
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "citation_online_date",
              "citation_date", "event:start_time", "dc.date", "dcterms.modified", "pubdate"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"hospital trust": 4, "regional health authority": 2, "remote follow-up": 2,
          "home hospital": 2, "patient portal": 2, "national e-health": 2, "gp practice": 1,
          "pharmacy": 1, "vendor's product page": 1, "customer case story": 1,
          "white paper": 1, "procurement framework": 1, "standards and interoperability": 1,
          "trade association": 1, "guideline": 2, "patient organisation": 1,
          "nursing journal": 1, "e-health conference": 2, "regional innovation programme": 4}
# The national e-health bodies of the brief's four countries, by name.
AGENCIES = ("Norsk helsenett", "MedCom", "Inera", "Kanta")
# Case, notice, journal, report, standard, article and poster numbers and ISBNs.
IDENTIFIER = re.compile(r"ISBN [\d-]+|\b\d{4}/\d{5}\b|\b\d{4}-\d{6}\b|\b[A-Z][A-Z-]+-\d{3}\b"
                        r"|\bSak \d{3}/\d\d\b|\b\d\d-\d{6}\b|\b\d\d?/\d{4}\b|\b\d{4}:\d\d\b"
                        r"|Article number: \d+|Poster \d+")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    assert list(LABELS) == SET.on_disk, "labels.csv: one row a document, in file order"
    fs.crlf_check(SET.folder, SET.on_disk)


def test_size_formats_types_and_genres_follow_the_brief():
    bounds = {"html": (17, 21), "txt": (14, 19), "md": (1, 2)}
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert 36 <= len(LABELS) <= 40
    assert all(low <= formats[key] <= high for key, (low, high) in bounds.items()), formats
    assert set(types) == fs.TYPES and all(4 <= n <= 12 for n in types.values()), types
    assert fs.missing_genres(LABELS, GENRES) == {}, "genres of the brief missing from the notes"
    notes = " ".join(label["notes"] for label in LABELS.values())
    assert [agency for agency in AGENCIES if agency not in notes] == []


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_documents():
    tags, parts, openers = fs.language_counts(LABELS)
    assert set(parts) == fs.LANGUAGES, parts
    least = {"en": 12, "nb": 10, "nn": 5, "da": 4, "sv": 4}
    assert {code: n for code, n in least.items() if parts[code] < n} == {}, parts
    assert max(parts["da"], parts["sv"]) < min(parts["en"], parts["nb"]), parts
    assert parts["en"] <= parts["nb"] + parts["nn"], parts
    alone = {code: tags[code] for code in fs.LANGUAGES}
    assert min(alone[c] for c in ("en", "nb")) >= 5 and min(alone.values()) >= 3, alone
    assert sum(openers.values()) >= 6 and len(openers) >= 4, openers


@pytest.mark.parametrize("header", sorted(SET.by_column))
def test_the_readme_count_tables_agree_with_the_csvs(header):
    assert fs.readme_tables(SET.folder)[header] == dict(SET.by_column[header])


def test_the_readme_overview_has_one_true_row_a_document():
    assert fs.overview_misses(SET.folder, LABELS, SET.debris, SET.prose) == []


def test_the_year_situations_and_traps_of_the_brief_occur():
    found = fs.year_traps(LABELS, SET.prose, LINES)
    short = {key: names for key, names in found.items() if key != "repeated" and len(names) < 3}
    assert short == {}, "fewer than three documents of a year situation or trap"
    assert found["repeated"] == [], "a prose sentence in two documents"


def zero_filled(token: str) -> bool:
    """An identifier's digits are all zeros once its years, a trailing two-digit year and
    an ISBN's prefix (978 and the country group) are taken out."""
    rest = re.sub(r"^ISBN 978-\d\d-|/\d\d$", "", fs.YEAR.sub("", token) if "ISBN" not in token
                  else token)
    return set(re.sub(r"\D", "", rest)) <= {"0"}


def test_identifiers_are_zero_filled_placeholders_in_real_formats():
    found = {token for lines in LINES.values() for line in lines
             for token in IDENTIFIER.findall(line)}
    assert len(found) >= 12, found
    assert sorted(token for token in found if not zero_filled(token)) == []


@pytest.mark.parametrize("name", SET.pages)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    SET.page_check(name, META_DATES)


def test_catalogue_pages_carry_field_lists():
    assert SET.field_pages() >= 5


@pytest.mark.parametrize("name", SET.on_disk)
def test_the_document_follows_the_labelling_conventions(name):
    fs.label_check(LABELS[name], LINES[name], SET.debris_of(name))
    fs.placement_check(SET.folder, LABELS[name], SET.debris, SET.prose)
