"""Checks of the brume set (tests/fixtures/exported/brume), written blind.

The brief of the set: civil society, adult learning and digital inclusion seen from outside
the state. Charities' and church organisations' reports and pages on digital exclusion (food
banks, city missions, Red Cross chapters), public libraries' digital-help services and their
course calendars, adult education associations' course pages, seniors' computer clubs and
their newsletters, a volunteer centre's annual report, a parliamentary committee's open
hearing transcript and written submissions, a municipal council's webcast transcript,
Erasmus+ and Interreg project pages, a Nordic cooperation body's policy brief, Finnish,
Estonian and Icelandic hosts writing in English, a radio programme's page with listener
comments and a crowd-sourced map of help points; English, Bokmål and Nynorsk mostly, some
Danish and Swedish; about half saved HTML, one or two Markdown pages. The tests hold the set
to that brief, to the labelling conventions of tests/fixtures/exported/dev/README.md and to
the set's own README. The import is never run: only the CSVs, the files' text
(fixturesets.visible_lines, and the raw HTML for its head and field lists) and the README are
read.
"""

import re

import pytest
from bs4 import BeautifulSoup
from fixturesets import (
    GLUED_TIME,
    SETS,
    debris_by_file,
    files_check,
    identifier_misses,
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

FOLDER = SETS / "brume"
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.created", "dcterms.issued", "dcterms.modified"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"food bank": 1, "city mission": 2, "red cross chapter": 2, "church organisation": 3,
          "public library": 4, "adult education association": 3, "studieförbund": 2,
          "folkeuniversitetet": 1, "seniors' computer club newsletter": 2,
          "volunteer centre's annual report": 1,
          "parliamentary committee's open hearing transcript": 1, "written submission": 2,
          "municipal council's webcast transcript": 1, "erasmus+": 2, "interreg": 2,
          "nordic cooperation body's policy brief": 1, "finnish host writing in english": 1,
          "estonian host writing in english": 1, "icelandic host writing in english": 1,
          "radio programme page": 1, "listener comments": 1, "crowd-sourced map": 1}
# Seen from outside the state: every note says which civil-society, learning, library,
# parliamentary, council, project or research host the document comes from.
HOST = re.compile(r"charity|city mission|red cross|food bank|church|library|adult (?:education|"
                  r"learning)|seniors'|volunteer|parliament|council|erasmus\+|interreg|nordic "
                  r"cooperation|host writing in english|radio|crowd-sourced|civil society|"
                  r"journal|yearbook|repository|conference abstract", re.IGNORECASE)
# Identifiers in their real formats, zero-filled where they would name a real record.
IDENTIFIERS = {
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"), "ISSN": re.compile(r"ISSN (?P<id>[\dX-]+)"),
    "Erasmus+": re.compile(r"\d{4}-\d-[A-Z]{2}\d\d-KA\d{3}-[A-Z]{3}-(?P<id>\d+)"),
    "org.nr./CVR": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>[\d ]+)"),
    "ref.": re.compile(r"ref\.: (?P<id>\d+)(?:/\d\d)?"),
}
ZERO_FILLED = {"ISBN": re.compile(r"97[89]-\d{2}-0+-0+-0"), "ISSN": re.compile(r"0000-0000")}

LABELS, DEBRIS, PROSE, LINES = load(FOLDER)
ON_DISK = list(LINES)
DEBRIS_OF = debris_by_file(DEBRIS)
PAGES = [name for name in ON_DISK if name.endswith(".html")]


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(FOLDER, LABELS)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(LABELS, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(LABELS, GENRES) == {}, "genres of the brief missing from the notes"
    stateless = [name for name, label in LABELS.items() if not HOST.search(label["notes"])]
    assert stateless == [], "a document whose notes name no host of the brief"


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_documents():
    language_check(LABELS, {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3}, alone_least=2)


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(FOLDER, LABELS, DEBRIS, PROSE)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(LABELS, PROSE, LINES)


def test_programme_lines_with_glued_times_are_content_not_debris():
    glued = [(name, line) for name, lines in LINES.items() for line in lines
             if GLUED_TIME.search(line) and line in DEBRIS_OF.get(name, set())]
    assert glued == [], "a timetable's body line is listed as debris"


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = identifier_misses(LINES, IDENTIFIERS, ZERO_FILLED)
    assert wrong == [], "an identifier that is not zero-filled"
    assert len(seen) == len(IDENTIFIERS), seen


@pytest.mark.parametrize("name", PAGES)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    page_check(FOLDER / name, LABELS[name], DEBRIS_OF.get(name, set()), META_DATES)


def test_catalogue_pages_carry_field_lists_and_markdown_field_lines_are_debris():
    pages = [BeautifulSoup((FOLDER / name).read_text(encoding="utf-8"), "html.parser")
             for name in PAGES]
    assert sum(bool(page.find("dt")) for page in pages) >= 5
    bold = [(name, line) for name in ON_DISK if name.endswith(".md") for line in LINES[name]
            if re.match(r"\*\*[^*]+:\*\*", line) and line not in DEBRIS_OF.get(name, set())]
    assert bold == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(LABELS[name], LINES[name], DEBRIS_OF.get(name, set()))
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)
