"""Checks of the drizzle set (tests/fixtures/exported/drizzle), written blind.

The brief of the set: pages from platforms and intermediaries rather than from the
institutions themselves, as a researcher saves them while collecting how welfare
digitalisation is talked about across the web: a professional networking post, a blogging
platform's essay, a newsletter platform's issue, a video page and its transcript, ticketing
and meetup pages, slide-sharing and document-viewer pages, preprint-server and repository
records, an academic social network's paper page, two encyclopedia articles (Bokmål and
Nynorsk), a Q&A thread, a code repository's README, a podcast directory, a citizens'
proposal, a consultation portal and a news aggregator, and around them reports, strategies
and programmes hosted on such platforms; mostly English, Bokmål and Nynorsk with some Danish
and Swedish; about half saved HTML, one or two Markdown pages. The tests hold the set to that
brief, to the labelling conventions of tests/fixtures/exported/dev/README.md and to the
set's own README. The import is never run: only the CSVs, the files' text
(fixturesets.visible_lines, and the raw HTML for its head and field lists) and the README
are read.
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

FOLDER = SETS / "drizzle"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "citation_online_date",
              "citation_date", "uploaddate", "event:start_time", "dc.created", "pubdate"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"professional networking": 1, "blogging-platform": 1, "newsletter-platform": 1,
          "video-sharing": 2, "transcript": 1, "event-ticketing": 2, "meetup page": 2,
          "slide-sharing": 2, "document-viewer": 3, "preprint-server": 2, "ssrn-like": 2,
          "socarxiv-like": 2, "zenodo-like": 3, "osf-like": 3,
          "academic social-network": 2, "online encyclopedia": 2, "bokmål": 1, "nynorsk": 1,
          "q&a forum": 1, "code repository": 1, "podcast directory": 1,
          "citizen-proposal": 1, "consultation portal": 2, "news aggregator": 1}
# Every document comes through a platform or an intermediary, and its notes say which.
PLATFORM = re.compile(r"-like|platform|forge|directory|aggregator|server")

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
    direct = [name for name, label in LABELS.items() if not PLATFORM.search(label["notes"])]
    assert direct == [], "a document whose notes name no platform"


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_pages():
    tags, parts, openers = language_counts(LABELS)
    assert set(parts) == LANGUAGES, parts
    least = {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3}
    assert {code: n for code, n in least.items() if parts[code] < n} == {}, parts
    assert parts["da"] + parts["sv"] <= parts["en"] <= parts["nb"] + parts["nn"], parts
    alone = {code: tags[code] for code in LANGUAGES}
    assert min(alone[c] for c in ("en", "nb", "nn")) >= 4 and min(alone.values()) >= 1, alone
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers


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


@pytest.mark.parametrize("name", PAGES)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    page, debris, year = soup(name), debris_of(name), LABELS[name]["year"]
    assert page.head and page.head.title and page.head.title.get_text().strip() in debris
    assert page.head.title.get_text().strip() != LABELS[name]["title"], "<title> is the title"
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in META_DATES:
            assert YEAR.findall(meta["content"])[:1] == [year], f"{key} disagrees with {year!r}"
    fields = [tag.get_text().strip() for tag in page.find_all(["dt", "dd"])]
    assert all(field in debris for field in fields), "a <dt>/<dd> field is not debris"


def test_catalogue_pages_carry_field_lists():
    assert sum(bool(soup(name).find("dt")) for name in PAGES) >= 5


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(LABELS[name], LINES[name], debris_of(name))
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)
