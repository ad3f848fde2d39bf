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
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from fixturesets import (
    LANGUAGES,
    SETS,
    TYPES,
    YEAR,
    crlf_check,
    label_check,
    language_counts,
    missing_genres,
    overview_misses,
    placement_check,
    readme_tables,
    rows,
    visible_lines,
    year_traps,
)

FOLDER = SETS / "graupel"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
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
# The hosts' countries the brief names for the national e-health agencies.
AGENCIES = ("Norsk helsenett", "MedCom", "Inera", "Kanta")
# Case, notice, journal, report, standard, article and poster numbers and ISBNs.
IDENTIFIER = re.compile(r"ISBN [\d-]+|\b\d{4}/\d{5}\b|\b\d{4}-\d{6}\b|\b[A-Z][A-Z-]+-\d{3}\b"
                        r"|\bSak \d{3}/\d\d\b|\b\d\d-\d{6}\b|\b\d\d?/\d{4}\b|\b\d{4}:\d\d\b"
                        r"|Article number: \d+|Poster \d+")

LABELS = {row["file"]: row for row in rows(FOLDER, "labels.csv")}
DEBRIS, PROSE = rows(FOLDER, "debris.csv"), rows(FOLDER, "prose.csv")
FILES = list(LABELS)
ON_DISK = sorted(p.name for p in FOLDER.iterdir() if p.suffix in SUFFIXES and p.stem != "README")
LINES = {name: visible_lines(FOLDER / name) for name in ON_DISK}
PAGES = [name for name in ON_DISK if name.endswith(".html")]
BY_COLUMN = {
    "format": Counter(SUFFIXES[name[name.rindex("."):]] for name in FILES),
    "doc_type": Counter(label["doc_type"] for label in LABELS.values()),
    "languages (label)": language_counts(LABELS)[0],
}


def soup(name: str) -> BeautifulSoup:
    return BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"), "html.parser")


def debris_of(name: str) -> set[str]:
    return {row["line"] for row in DEBRIS if row["file"] == name}


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    assert FILES == ON_DISK, "labels.csv: one row a document, in file order"
    crlf_check(FOLDER, ON_DISK)


def test_size_formats_types_and_genres_follow_the_brief():
    bounds = {"html": (17, 21), "txt": (14, 19), "md": (1, 2)}
    formats, types = BY_COLUMN["format"], BY_COLUMN["doc_type"]
    assert 36 <= len(FILES) <= 40
    assert all(low <= formats[key] <= high for key, (low, high) in bounds.items()), formats
    assert set(types) == TYPES and all(4 <= n <= 12 for n in types.values()), types
    assert missing_genres(LABELS, GENRES) == {}, "genres of the brief missing from the notes"
    notes = " ".join(label["notes"] for label in LABELS.values())
    assert [agency for agency in AGENCIES if agency not in notes] == []


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_documents():
    tags, parts, openers = language_counts(LABELS)
    assert set(parts) == LANGUAGES, parts
    least = {"en": 12, "nb": 10, "nn": 5, "da": 4, "sv": 4}
    assert {code: n for code, n in least.items() if parts[code] < n} == {}, parts
    assert max(parts["da"], parts["sv"]) < min(parts["en"], parts["nb"]), parts
    assert parts["en"] <= parts["nb"] + parts["nn"], parts
    alone = {code: tags[code] for code in LANGUAGES}
    assert min(alone[c] for c in ("en", "nb")) >= 5 and min(alone.values()) >= 3, alone
    assert sum(openers.values()) >= 6 and len(openers) >= 4, openers


@pytest.mark.parametrize("header", sorted(BY_COLUMN))
def test_the_readme_count_tables_agree_with_the_csvs(header):
    assert readme_tables(FOLDER)[header] == dict(BY_COLUMN[header])


def test_the_readme_overview_has_one_true_row_a_document():
    assert overview_misses(FOLDER, LABELS, DEBRIS, PROSE) == []


def test_the_year_situations_and_traps_of_the_brief_occur():
    found = year_traps(LABELS, PROSE, LINES)
    short = {key: names for key, names in found.items() if key != "repeated" and len(names) < 3}
    assert short == {}, "fewer than three documents of a year situation or trap"
    assert found["repeated"] == [], "a prose sentence in two documents"


def zero_filled(token: str) -> bool:
    """An identifier's digits are all zeros once its years, a trailing two-digit year and
    an ISBN's prefix (978 and the country group) are taken out."""
    rest = re.sub(r"^ISBN 978-\d\d-|/\d\d$", "", YEAR.sub("", token) if "ISBN" not in token
                  else token)
    return set(re.sub(r"\D", "", rest)) <= {"0"}


def test_identifiers_are_zero_filled_placeholders_in_real_formats():
    found = {token for lines in LINES.values() for line in lines for token in IDENTIFIER.findall(line)}
    assert len(found) >= 12, found
    assert sorted(token for token in found if not zero_filled(token)) == []


@pytest.mark.parametrize("name", PAGES)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    page, debris, year = soup(name), debris_of(name), LABELS[name]["year"]
    assert page.head and page.head.title and page.head.title.get_text().strip() in debris
    assert page.head.title.get_text().strip() != LABELS[name]["title"], "<title> is the title"
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in META_DATES:
            assert year and YEAR.findall(meta["content"])[:1] == [year], f"{key} vs {year!r}"
    fields = [tag.get_text().strip() for tag in page.find_all(["dt", "dd"])]
    assert all(field in debris for field in fields), "a <dt>/<dd> field is not debris"


def test_catalogue_pages_carry_field_lists():
    assert sum(bool(soup(name).find("dt")) for name in PAGES) >= 5


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(LABELS[name], LINES[name], debris_of(name))
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)
