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
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from fixturesets import (
    GLUED_TIME,
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

FOLDER = SETS / "brume"
SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md"}
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
    stateless = [name for name, label in LABELS.items() if not HOST.search(label["notes"])]
    assert stateless == [], "a document whose notes name no host of the brief"


def test_english_and_norwegian_lead_with_some_danish_swedish_and_bilingual_documents():
    tags, parts, openers = language_counts(LABELS)
    assert set(parts) == LANGUAGES, parts
    least = {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3}
    assert {code: n for code, n in least.items() if parts[code] < n} == {}, parts
    assert parts["da"] + parts["sv"] <= parts["en"] <= parts["nb"] + parts["nn"], parts
    alone = {code: tags[code] for code in LANGUAGES}
    assert min(alone[c] for c in ("en", "nb", "nn")) >= 4 and min(alone.values()) >= 2, alone
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


def test_programme_lines_with_glued_times_are_content_not_debris():
    glued = [(name, line) for name, lines in LINES.items() for line in lines
             if GLUED_TIME.search(line) and line in debris_of(name)]
    assert glued == [], "a timetable's body line is listed as debris"


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = Counter(), []
    for name, lines in LINES.items():
        for line in lines:
            for kind, pattern in IDENTIFIERS.items():
                for match in pattern.finditer(line):
                    seen[kind] += 1
                    ident = match["id"].strip()
                    real = ZERO_FILLED.get(kind)
                    if (real and not real.fullmatch(ident)) or (
                            not real and set(ident) - set("0 /-")):
                        wrong.append((name, line))
    assert wrong == [], "an identifier that is not zero-filled"
    assert len(seen) == len(IDENTIFIERS), seen


@pytest.mark.parametrize("name", PAGES)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    page, debris, year = soup(name), debris_of(name), LABELS[name]["year"]
    assert page.head and page.head.title and page.head.title.get_text().strip() in debris
    assert page.head.title.get_text().strip() != LABELS[name]["title"], "<title> is the title"
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in META_DATES:
            assert YEAR.findall(meta["content"])[:1] == [year], f"{key} disagrees with {year!r}"
    fields = [tag.get_text().strip() for tag in page.find_all(["dt", "dd"])]
    assert all(field in debris for field in fields), "a <dt>/<dd> field is not debris"


def test_catalogue_pages_carry_field_lists_and_markdown_field_lines_are_debris():
    assert sum(bool(soup(name).find("dt")) for name in PAGES) >= 5
    bold = [(name, line) for name in ON_DISK if name.endswith(".md") for line in LINES[name]
            if re.match(r"\*\*[^*]+:\*\*", line) and line not in debris_of(name)]
    assert bold == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", ON_DISK)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(LABELS[name], LINES[name], debris_of(name))
    placement_check(FOLDER, LABELS[name], DEBRIS, PROSE)
