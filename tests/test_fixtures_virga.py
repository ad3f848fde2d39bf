"""Checks of the virga set (tests/fixtures/exported/virga), written blind.

The brief of the set: oversight of algorithms and data in welfare. Data protection
authorities' decisions and their press releases, a regulatory sandbox's exit report on an AI
project in a welfare service, a national audit office's report on algorithms, algorithm
register entries with their fields, a court's judgment summary on an automated benefit
decision, an ombudsman's statement, an equality body's report, a ministry's guidance on AI in
the public sector and its consultation draft, agencies' "how we use AI" pages, a civil-liberties
NGO's report and its blog post, a research project's page and its final report, a workshop's
programme with glued times, a law faculty's seminar page, journal articles and conference
abstracts, and a standards and a certification body's news items; English, Bokmål and Nynorsk
mostly, some Danish and Swedish, several bilingual documents; about half saved HTML, one or two
Markdown pages. The tests hold the set to that brief, to the labelling conventions of
tests/fixtures/exported/dev/README.md and to the set's own README. The import is never run:
only the CSVs, the files' text (fixturesets.visible_lines, and the raw HTML for its head,
field lists and footer) and the README are read.
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

VIRGA = LabelledSet(SETS / "virga")
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.issued", "dcterms.modified"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"data protection authority decision": 1, "data protection appeal board decision": 1,
          "data protection authority press release": 2, "regulatory sandbox exit report": 1,
          "national audit office report": 1, "audit report": 1, "algorithm register entr": 3,
          "court's judgment summary": 1, "ombudsman's statement": 1, "equality body report": 2,
          "ministry guidance on ai in the public sector": 1, "consultation draft": 2,
          "agency transparency page": 2, "civil-liberties ngo's report": 1,
          "civil-liberties ngo's blog post": 1, "research project page": 2,
          "research project grant record": 1, "research project's final report": 1,
          "workshop programme with glued times": 2, "law faculty's seminar page": 1,
          "journal article": 4, "conference abstract": 2, "standards body news item": 1,
          "certification body news item": 1}
# Every note names the overseeing body, register, agency, NGO, research or event behind it.
HOST = re.compile(r"authority|appeal board|sandbox|audit|register|court|ombudsman|equality "
                  r"body|ministry|agency|ngo|research project|workshop|law faculty|journal|"
                  r"conference|seminar|standards body|certification body", re.IGNORECASE)
# Identifiers in their real formats, zero-filled: the id group holds only zeros and separators.
IDENTIFIERS = {
    "IMY case": re.compile(r"\bIMY-\d{4}-(?P<id>\d+)"),
    "IMY report": re.compile(r"Rapport \d{4}:(?P<id>\d+)"),
    "report number": re.compile(r"(?:Rapport|EFN-rapport|rettsinformatikk) (?P<id>\d+)/\d{4}"),
    "Personvernnemnda": re.compile(r"\bPVN-\d{4}-(?P<id>\d+)"),
    "Trygderetten": re.compile(r"\bTRR-\d{4}-(?P<id>\d+)"),
    "JO": re.compile(r"^(?P<id>\d{4})-\d{4}$"),
    "ICO": re.compile(r"\bINV/(?P<id>\d+)/\d{4}"),
    "Carlsberg": re.compile(r"\bCF\d\d-(?P<id>\d+)"),
    "journal number": re.compile(r"J\.nr\. \d{4}-(?P<id>\d+)"),
    "ISBN": re.compile(r"ISBN:? (?P<id>[\d-]+)"),
    "CVR": re.compile(r"\bCVR (?P<id>\d+)"),
    "postal box": re.compile(r"\b(?:Postboks|Box) (?P<id>\d+)"),
    "phone": re.compile(r"(?:Telefon|Telephone|Tlf\.|Customer service|Forum för Dataskydd \|.*\|)"
                        r":? (?P<id>0[\d -]+\d)"),
}
ZERO_FILLED = {"ISBN": re.compile(r"97[89]-\d{2}-0+-0+-0"),
               "phone": re.compile(r"0\d{0,3}[- ]?[0 -]+")}
# A field label copied onto a line of its own: "Saksnummer:", "Dato:", "Stad:".
FIELD_LABEL = re.compile(r"^[A-ZÆØÅÄÖ][\w .-]{1,30}:$")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(VIRGA.folder, VIRGA.labels)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(VIRGA.labels, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(VIRGA.labels, GENRES) == {}, "genres of the brief missing from the notes"
    hostless = [name for name, label in VIRGA.labels.items() if not HOST.search(label["notes"])]
    assert hostless == [], "a document whose notes name no body of the brief"


def test_english_bokmal_and_nynorsk_lead_with_danish_swedish_and_bilingual_documents():
    tags, parts, openers = language_counts(VIRGA.labels)
    assert set(parts) == LANGUAGES, parts
    assert parts["en"] + parts["nb"] + parts["nn"] > 2 * (parts["da"] + parts["sv"]), parts
    assert all(parts[code] >= 5 for code in LANGUAGES), parts
    assert {code: tags[code] for code in LANGUAGES if tags[code] < 3} == {}, tags
    assert sum(openers.values()) >= 6 and len(openers) >= 4, openers


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(VIRGA.folder, VIRGA.labels, VIRGA.debris, VIRGA.prose)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(VIRGA.labels, VIRGA.prose, VIRGA.lines)


def test_programme_lines_with_glued_times_are_content_not_debris():
    kept = [(name, line) for name, lines in VIRGA.lines.items() for line in lines
            if GLUED_TIME.search(line) and line in VIRGA.debris_of(name)]
    assert kept == [], "a timetable's body line is listed as debris"
    programmes = [name for name, label in VIRGA.labels.items()
                  if label["doc_type"] == "event_programme"
                  and any(map(GLUED_TIME.search, VIRGA.lines[name]))]
    assert len(programmes) >= 4, programmes


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = identifier_misses(VIRGA.lines, IDENTIFIERS, ZERO_FILLED, "0 /-.")
    assert wrong == [], "an identifier that is not zero-filled"
    assert len(seen) == len(IDENTIFIERS), seen


@pytest.mark.parametrize("name", VIRGA.pages)
def test_a_saved_page_has_a_head_and_its_fields_head_title_and_footer_are_debris(name):
    VIRGA.page_check(name, META_DATES)
    footer = VIRGA.soup(name).find("footer")
    assert footer, "a saved page without its footer"
    lines = [line.strip() for line in footer.get_text("\n").split("\n") if line.strip()]
    assert set(lines) <= VIRGA.debris_of(name), "a footer line is kept"


def test_catalogue_fields_are_debris_in_pages_copies_and_markdown():
    assert VIRGA.field_pages() >= 5
    copied = {name: [line for line in VIRGA.lines[name] if FIELD_LABEL.match(line)]
              for name in VIRGA.on_disk if name.endswith(".txt")}
    assert sum(bool(found) for found in copied.values()) >= 2, "no copy with field labels"
    kept = [(name, line) for name, found in copied.items() for line in found
            if line not in VIRGA.debris_of(name)]
    assert kept == [], "a copied field label is kept"
    bold = [(name, line) for name in VIRGA.on_disk if name.endswith(".md")
            for line in VIRGA.lines[name]
            if re.match(r"\*\*[^*]+:\*\*", line) and line not in VIRGA.debris_of(name)]
    assert bold == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", VIRGA.on_disk)
def test_the_document_follows_the_labelling_conventions(name):
    label_check(VIRGA.labels[name], VIRGA.lines[name], VIRGA.debris_of(name))
    placement_check(VIRGA.folder, VIRGA.labels[name], VIRGA.debris, VIRGA.prose)
