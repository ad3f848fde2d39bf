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

import pytest
from bs4 import BeautifulSoup
from fixturesets import (
    SETS,
    debris_by_file,
    files_check,
    label_check,
    language_check,
    load,
    missing_genres,
    page_check,
    placement_check,
    readme_check,
    size_check,
    trap_check,
)

FOLDER = SETS / "drizzle"
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

LABELS, DEBRIS, PROSE, LINES = load(FOLDER)
ON_DISK = list(LINES)
DEBRIS_OF = debris_by_file(DEBRIS)
PAGES = [name for name in ON_DISK if name.endswith(".html")]


def soup(name: str) -> BeautifulSoup:
    return BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"), "html.parser")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(FOLDER, LABELS)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(LABELS, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(LABELS, GENRES) == {}, "genres of the brief missing from the notes"
    direct = [name for name, label in LABELS.items() if not PLATFORM.search(label["notes"])]
    assert direct == [], "a document whose notes name no platform"


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_pages():
    language_check(LABELS, {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3})


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(FOLDER, LABELS, DEBRIS, PROSE)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(LABELS, PROSE, LINES)


@pytest.mark.parametrize("name", PAGES)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    page_check(FOLDER / name, LABELS[name], DEBRIS_OF.get(name, set()), META_DATES)


def test_catalogue_pages_carry_field_lists():
    assert sum(bool(soup(name).find("dt")) for name in PAGES) >= 5


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(LABELS[name], LINES[name], DEBRIS_OF.get(name, set()))
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)
