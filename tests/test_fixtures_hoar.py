"""Checks of the hoar set (tests/fixtures/exported/hoar), written blind.

The brief of the set: migration, integration and language services going digital.
Immigration and asylum agencies' pages on digital applications and self-service (residence
permits, citizenship, appointment booking), an agency's evaluation report on automated case
sorting, a national integration directorate's report on the introduction programme's digital
tools, a municipality's refugee service page and its action plan, an interpreting service's
page on video interpreting and a research report on it, a hearing response from a refugee
council, an ombudsman's case summary, a language-learning app's page for newcomers, a
voluntary organisation's homework-help and digital-help cafe page, a research centre's project
page in a catalogue with field labels, a conference on migration and welfare with its
programme, a journal article's abstract page, a newspaper feature and a multilingual
information page; English, Bokmål and Nynorsk mostly, some Danish and Swedish, several
bilingual documents; about half saved HTML, one or two Markdown pages.

What is held here: the brief above, the conventions of the dev set's README and this set's own
README (its count tables and overview). Nothing imports a document through the package; the
checks read the CSV files, the visible lines of each document (HTML pages also as parsed
markup, for their head and their <dt>/<dd> fields) and the README.
"""

import re
from collections import Counter

import pytest
from fixturesets import (
    GLUED_TIME,
    SETS,
    LabelledSet,
    files_check,
    identifier_misses,
    language_check,
    missing_genres,
    readme_check,
    size_check,
    trap_check,
)

HOAR = LabelledSet(SETS / "hoar")
# Head fields that date a saved page; where a page has one, it names the labelled year.
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date", "dcterms.issued", "dcterms.modified"}
# The genres of the brief as the labels' notes name them, with how often at least.
GENRES = {"immigration agency": 5, "self-service": 4, "residence permit": 4, "citizenship": 1,
          "appointment booking": 2, "evaluation report": 1, "automated case sorting": 2,
          "integration directorate": 1, "introduction programme": 4, "refugee service": 2,
          "action plan": 2, "interpreting service": 1, "video interpreting": 4,
          "research report": 1, "hearing response": 2, "refugee council": 2, "ombudsman": 1,
          "case summary": 1, "language-learning app": 2, "voluntary organisation": 1,
          "homework help": 1, "digital-help cafe": 1, "project page in a catalogue": 3,
          "field labels": 3, "conference": 4, "programme": 6, "journal article abstract": 4,
          "newspaper feature": 1, "multilingual information page": 1, "final report": 2}
# Every note names the kind of body behind the document.
HOST = re.compile(r"immigration|asylum|integration|municipality|municipal|interpreting|refugee|"
                  r"ombudsman|police|app\b|voluntary|research|conference|journal|newspaper|"
                  r"county|university college|national centre", re.IGNORECASE)
# Identifiers in their real formats, zero-filled: the id group holds only zeros and
# separators, or matches the kind's pattern (case and report numbers may carry their year).
IDENTIFIERS = {
    "case number": re.compile(r"(?:Dnr|Diarienummer:|Saksnummer|sak|ref\.:|J\.nr\.) "
                              r"(?P<id>\d[\d./-]*)"),
    "report number": re.compile(r"(?:Rapport|TF-rapport nr\.:?) (?P<id>\d[\d:]*)"),
    "ISBN": re.compile(r"ISBN:? (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN(?: online)?:? (?P<id>[\dX-]+)"),
    "postal box": re.compile(r"(?:Postboks|P\.O\. Box|\bBox) (?P<id>\d+)"),
    "organisation number": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>[\d ]+)"),
    "project number": re.compile(r"Prosjektnummer: (?P<id>\d+)"),
    "phone": re.compile(r"(?:Telefon|Telephone|Phone|[Ss]entralbord|Switchboard) "
                        r"(?P<id>\+?[\d][\d -]*)"),
}
WITH_YEAR = re.compile(r"(?:[0./:-]|20\d\d|2\d(?=[/-])|(?<=/)2\d$)+")
ZERO_FILLED = {"case number": WITH_YEAR, "report number": WITH_YEAR,
               "ISBN": re.compile(r"97[89]-\d{1,2}-0+-0+-0"),
               "phone": re.compile(r"(?:\+(?:45|46|47|358) )?(?:0\d{0,3}-)?[0 ]+")}
CLOCK = re.compile(r"^(\d\d[:.]\d\d)[A-ZÆØÅÄÖ]")


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    files_check(HOAR.folder, HOAR.labels)


def test_size_formats_types_and_genres_follow_the_brief():
    size_check(HOAR.labels, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert missing_genres(HOAR.labels, GENRES) == {}, "genres of the brief missing from the notes"
    hostless = [name for name, label in HOAR.labels.items() if not HOST.search(label["notes"])]
    assert hostless == [], "a document whose notes name no body of the brief"


def test_english_bokmal_and_nynorsk_lead_with_danish_swedish_and_bilingual_documents():
    language_check(HOAR.labels, {"en": 12, "nb": 10, "nn": 5, "da": 3, "sv": 3}, alone_least=3)
    multilingual = [name for name, label in HOAR.labels.items()
                    if "multilingual information page" in label["notes"].lower()]
    assert multilingual and all(";" in HOAR.labels[name]["languages"] for name in multilingual)


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    readme_check(HOAR.folder, HOAR.labels, HOAR.debris, HOAR.prose)


def test_the_year_situations_and_traps_of_the_brief_occur():
    trap_check(HOAR.labels, HOAR.prose, HOAR.lines)


def test_timetable_lines_with_glued_times_are_content_and_one_day_has_parallel_panels():
    kept = [(name, line) for name, lines in HOAR.lines.items() for line in lines
            if GLUED_TIME.search(line) and line in HOAR.debris_of(name)]
    assert kept == [], "a timetable's body line is listed as debris"
    parallel = [name for name, lines in HOAR.lines.items()
                if max(Counter(m[1] for m in map(CLOCK.match, lines) if m).values(),
                       default=0) >= 3]
    assert parallel, "no programme with three glued lines at the same hour"


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = identifier_misses(HOAR.lines, IDENTIFIERS, ZERO_FILLED, "0 /-.")
    assert wrong == [], "an identifier that is not zero-filled"
    assert len(seen) == len(IDENTIFIERS), seen


@pytest.mark.parametrize("name", HOAR.pages)
def test_a_saved_page_has_a_head_and_its_fields_and_head_title_are_debris(name):
    HOAR.page_check(name, META_DATES)


def test_five_pages_carry_field_lists_and_no_markdown_field_line_is_kept():
    assert HOAR.field_pages() >= 5, "fewer than five saved pages with <dt>/<dd> fields"
    assert HOAR.kept_markdown_fields() == [], "a Markdown field line is kept"


@pytest.mark.parametrize("name", HOAR.on_disk)
def test_each_document_keeps_the_dev_conventions(name):
    HOAR.document_check(name)
