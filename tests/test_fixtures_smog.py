"""Checks of the smog set (tests/fixtures/exported/smog), written blind.

The brief of the set: international and comparative bodies on digital welfare. An
intergovernmental economic organisation's policy paper and working paper landing pages, a UN
special procedure's thematic report and press release, a development bank's project appraisal
record, a European parliament research service's briefing, a Council of Europe body's
recommendation, a European agency's survey report summary, an international labour body's
working paper, a Nordic council's decision and session programme, a comparative research
network's country report, a think tank's blog post and event page, a webinar with time zones,
a multilingual summary page, a standards body's news item, a conference's book of abstracts
and a journal's special-issue call; mostly English, with Danish, Swedish, Bokmål and Nynorsk
versions and summaries; about half saved HTML, one or two Markdown pages. The tests hold the
set to that brief, to the labelling conventions of tests/fixtures/exported/dev/README.md and
to the set's own README. The import is never run: only the CSVs, the files' text
(fixturesets.visible_lines, and the raw HTML for its head and field lists) and the README are
read.
"""

import re

import pytest
from fixturesets import (
    GLUED_TIME,
    LANGUAGES,
    SETS,
    LabelledSet,
    files_check,
    identifier_misses,
    label_check,
    language_counts,
    missing_genres,
    placement_check,
    readme_check,
    size_check,
    trap_check,
)

SMOG = LabelledSet(SETS / "smog")
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.issued", "dcterms.modified"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"intergovernmental economic organisation": 2, "policy paper landing page": 1,
          "working paper landing page": 1, "citation box": 2, "disclaimer block": 2,
          "related publications": 2, "un special procedure": 2, "thematic report": 2,
          "press release": 1, "development bank": 2, "project appraisal": 1,
          "catalogue fields": 1, "european parliament research service": 1,
          "council of europe body": 1, "european agency": 1, "survey report summary": 1,
          "international labour body": 1, "working paper": 2, "nordic council": 2,
          "decision": 2, "session programme": 1, "comparative research network": 2,
          "country report": 1, "think tank": 2, "blog post": 1, "event page": 1, "webinar": 1,
          "time zones": 1, "multilingual summary page": 1, "standards body": 1, "news item": 1,
          "book of abstracts": 1, "special-issue call": 1}
# Every note names the international or comparative body behind the document, or the
# journal, conference or Nordic host that reports on one.
HOST = re.compile(r"intergovernmental|un special procedure|development bank|european|council of "
                  r"europe|labour body|nordic|comparative|think tank|unu-egov|standards body|"
                  r"journal|conference", re.IGNORECASE)
# Identifiers in their real formats, zero-filled: the id group holds only zeros and separators.
IDENTIFIERS = {
    "IMF series": re.compile(r"(?:WP/\d\d/|Policy Paper No\. \d{4}/)(?P<id>\d+)"),
    "World Bank": re.compile(r"\b(?:P|PAD|ICR|IBRD-)(?P<id>\d{4,6})\b"),
    "UN symbol": re.compile(r"(?:A/HRC/\d\d/|GE\.\d\d-)(?P<id>\d+)"),
    "EP": re.compile(r"PE (?P<id>\d{3}\.\d{3})"),
    "COST": re.compile(r"\bCA(?P<id>\d{5})\b"),
    "Nordic council": re.compile(r"(?:\bA |Rekommanda(?:tion|sjon) |Betänkande )(?P<id>\d+)/"),
    "ETUI": re.compile(r"(?:Working Paper |WP )\d{4}\.(?P<id>\d+)"),
    "Council of Europe": re.compile(r"Recommendation (?P<id>\d+) \(\d{4}\)"),
    "ISBN": re.compile(r"ISBN:? (?P<id>[\d-]+)"), "ISSN": re.compile(r"ISSN:? (?P<id>[\dX-]+)"),
    "org.nr.": re.compile(r"Org\.nr\. (?P<id>[\d ]+)"),
}
ZERO_FILLED = {"ISBN": re.compile(r"97[89]-\d{1,2}-0+-0+-0")}
TIME_ZONES = re.compile(r"\b(?:WEST|CEST|CET|EDT|IST|UTC)\b")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(SMOG.folder, SMOG.labels)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(SMOG.labels, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(SMOG.labels, GENRES) == {}, "genres of the brief missing from the notes"
    hostless = [name for name, label in SMOG.labels.items() if not HOST.search(label["notes"])]
    assert hostless == [], "a document whose notes name no body of the brief"


def test_english_leads_with_nordic_versions_summaries_and_a_multilingual_page():
    tags, parts, openers = language_counts(SMOG.labels)
    assert set(parts) == LANGUAGES, parts
    assert parts["en"] * 2 > len(SMOG.labels), "mostly English"
    assert all(parts["en"] > parts[code] for code in LANGUAGES - {"en"}), parts
    assert {code: tags[code] for code in LANGUAGES if tags[code] < 2} == {}, tags
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers
    assert any(len(tag.split(";")) >= 4 for tag in tags), "no multilingual summary page"


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(SMOG.folder, SMOG.labels, SMOG.debris, SMOG.prose)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(SMOG.labels, SMOG.prose, SMOG.lines)


def test_programme_lines_with_glued_times_or_time_zones_are_content_not_debris():
    kept = [(name, line) for name, lines in SMOG.lines.items() for line in lines
            if (GLUED_TIME.search(line) or len(TIME_ZONES.findall(line)) >= 2)
            and line in SMOG.debris_of(name)]
    assert kept == [], "a timetable's body line is listed as debris"
    zoned = [name for name, lines in SMOG.lines.items()
             if sum(len(TIME_ZONES.findall(line)) >= 3 for line in lines) >= 3]
    assert zoned, "no programme gives its times in several time zones"


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = identifier_misses(SMOG.lines, IDENTIFIERS, ZERO_FILLED, "0 /-.")
    assert wrong == [], "an identifier that is not zero-filled"
    assert len(seen) == len(IDENTIFIERS), seen


@pytest.mark.parametrize("name", SMOG.pages)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    SMOG.page_check(name, META_DATES)


def test_catalogue_pages_carry_field_lists_and_markdown_field_lines_are_debris():
    assert SMOG.field_pages() >= 5
    bold = [(name, line) for name in SMOG.on_disk if name.endswith(".md")
            for line in SMOG.lines[name]
            if re.match(r"\*\*[^*]+:\*\*", line) and line not in SMOG.debris_of(name)]
    assert bold == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", SMOG.on_disk)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(SMOG.labels[name], SMOG.lines[name], SMOG.debris_of(name))
    placement_check(SMOG.folder, SMOG.labels[name], SMOG.debris, SMOG.prose)
