"""Checks of the slush set (tests/fixtures/exported/slush), written blind.

The brief of the set: schools, kindergartens and child welfare going digital. National
education agencies' pages and guidance (learning platforms, digital exams, pupils' data), a
municipality's school-tablet evaluation, a kindergarten app's privacy page and a parents'
association's statement on such apps, a child welfare service's report on a digital case
system and its supervisory authority's finding, an ombudsman for children's annual report
excerpt, a teachers' union's member survey report, a master's thesis abstract page and a
doctoral defence announcement, an edtech trade fair's programme, a school leaders' conference
programme with parallel sessions, a ministry's white paper chapter, a county's strategy for
school IT, a research project in a national catalogue, a journal article's abstract page, a
school's newsletter to parents and a local newspaper's report; English (UK, Ireland,
Scotland), Bokmål, Nynorsk, Danish and Swedish; about half saved HTML, one or two Markdown
pages. The tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run:
only the CSVs, the files' text (fixturesets.visible_lines, and the raw HTML for its head and
field lists) and the README are read.
"""

import re
from collections import Counter

import pytest
from fixturesets import (
    GLUED_TIME,
    SETS,
    LabelledSet,
    files_check,
    label_check,
    language_check,
    missing_genres,
    placement_check,
    readme_check,
    size_check,
    trap_check,
)

FOLDER = SETS / "slush"
SET = LabelledSet(FOLDER)
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.created", "dcterms.issued", "dcterms.modified"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"national education agency": 4, "learning platform": 3, "digital exam": 1,
          "pupils' data": 2, "school-tablet evaluation": 1, "kindergarten app's privacy page": 1,
          "parents' association's statement": 1, "child welfare service's report": 1,
          "supervisory authority's finding": 1, "barnevern": 2, "socialtjänst": 1,
          "ombudsman for children's annual report": 1, "teachers' union's member survey": 1,
          "master's thesis abstract page": 1, "doctoral defence announcement": 1,
          "edtech trade fair's programme": 2, "school leaders' conference programme": 1,
          "parallel sessions": 1, "ministry's white paper chapter": 1,
          "county's strategy for school it": 1, "national catalogue": 1,
          "journal article's abstract page": 2, "school's newsletter to parents": 1,
          "local newspaper's report": 1, "ireland": 3, "scotland": 3}
# Every note says which school, kindergarten, child welfare, education, union, research or
# news host the document comes from.
HOST = re.compile(r"school|kindergarten|child welfare|barnevern|socialtjänst|education|teacher|"
                  r"union|ombudsman|universit|college|journal|conference|ministry|county|"
                  r"municipality|parents|edtech|research|newspaper", re.IGNORECASE)
# Identifiers in their real formats; the part that would name a real record is zero-filled.
IDENTIFIERS = {
    "case number": re.compile(r"^20\d\d/(?P<id>\d{5})$"),
    "council case": re.compile(r"\bsak (?P<id>\d{3})/\d\d\b"),
    "report number": re.compile(r"Rapport (?P<id>\d\d)/20\d\d|ECS/\d\d/(?P<ecs>\d+)"),
    "white paper": re.compile(r"Meld\. St\. (?P<id>\d+) \("),
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[\dX-]+)"),
    "handle": re.compile(r"hdl\.handle\.net/\d+/(?P<id>\d+)"),
    "DiVA URN": re.compile(r"urn:nbn:se:\w+:diva-(?P<id>\d+)"),
    "org.nr.": re.compile(r"Org\.nr\. (?P<id>[\d ]+)"),
    "grant": re.compile(r"ES/X(?P<id>\d+)/\d|project no\. (?P<no>\d+)|CHY (?P<chy>\d+)"),
    "postbox": re.compile(r"Postboks (?P<id>\d+)"),
    "phone": re.compile(r"(?:Telefon|Tlf\.|Sentralbord|Telephone|Kontaktcenter):? "
                        r"(?P<id>[\d -]{7,})"),
}


def zero_filled(kind: str, ident: str) -> bool:
    """ISBNs keep their group digits, phones their area code; the rest is all zeros."""
    if kind == "ISBN":
        return bool(re.fullmatch(r"97[89]-\d{1,2}-0+-0+-0", ident))
    if kind == "phone":
        return re.sub(r"\D", "", ident)[-6:] == "000000"
    return set(ident) <= set("0 -")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(FOLDER, SET.labels)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(SET.labels, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(SET.labels, GENRES) == {}, "genres of the brief missing from the notes"
    hostless = [name for name, label in SET.labels.items() if not HOST.search(label["notes"])]
    assert hostless == [], "a document whose notes name no host of the brief"


def test_english_and_norwegian_lead_with_danish_swedish_and_bilingual_documents():
    language_check(SET.labels, {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3}, alone_least=3)


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(FOLDER, SET.labels, SET.debris, SET.prose)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(SET.labels, SET.prose, SET.lines)


def test_programme_lines_with_glued_times_are_content_not_debris():
    glued = [(name, line) for name, lines in SET.lines.items() for line in lines
             if GLUED_TIME.search(line) and line in SET.debris_of(name)]
    assert glued == [], "a timetable's body line is listed as debris"
    parallel = [name for name, lines in SET.lines.items()
                if sum(bool(GLUED_TIME.search(line)) for line in lines if "11:00" in line) >= 3]
    assert parallel, "no programme with parallel sessions at the same time"


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = Counter(), []
    for name, lines in SET.lines.items():
        for line in lines:
            for kind, pattern in IDENTIFIERS.items():
                for match in pattern.finditer(line):
                    seen[kind] += 1
                    ident = next(group for group in match.groups() if group is not None)
                    if not zero_filled(kind, ident.strip()):
                        wrong.append((name, line))
    assert wrong == [], "an identifier that is not zero-filled"
    assert set(seen) == set(IDENTIFIERS), seen


@pytest.mark.parametrize("name", SET.pages)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    SET.page_check(name, META_DATES)


def test_catalogue_pages_carry_field_lists_and_markdown_field_lines_are_debris():
    assert SET.field_pages() >= 5
    bold = [(name, line) for name in SET.on_disk if name.endswith(".md")
            for line in SET.lines[name]
            if re.match(r"\*\*[^*]+:\*\*", line) and line not in SET.debris_of(name)]
    assert bold == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", SET.on_disk)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(SET.labels[name], SET.lines[name], SET.debris_of(name))
    assert not SET.labels[name]["title"].startswith("#"), "a Markdown title keeps its '#'"
    placement_check(FOLDER, SET.labels[name], SET.debris, SET.prose)
