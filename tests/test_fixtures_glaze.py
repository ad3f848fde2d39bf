"""Checks of the glaze set (tests/fixtures/exported/glaze), written blind.

The brief of the set: disability, accessibility and assistive technology. A supervisory
authority's report on web accessibility of public services and its audit page, accessibility
statements of municipalities and agencies, a disability organisation's survey report and its
press release, an assistive technology centre's catalogue entry (with fields) and service
page, a sign-language interpreting service's page, an easy-read version of a benefit guide, a
ministry's action plan for universal design, a user panel's minutes, a research project's
page and its final report, a conference on universal design with its programme, a journal
article's abstract page, a thesis abstract, an app's accessibility help page and a local
newspaper's story; English, Bokmål and Nynorsk mostly, some Danish and Swedish, several
bilingual documents; about half saved HTML, one or two Markdown pages.

Held here: that brief, the dev set's conventions (tests/fixtures/exported/dev/README.md) and
the tables of this set's README. No document goes through the package's import; the checks
read the three CSV files, the visible lines of every document, the markup of the saved pages
(their head and <dt>/<dd> fields) and the README.
"""

import re

import fixturesets as fs
import pytest

GLAZE = fs.LabelledSet(fs.SETS / "glaze")
# The <head> fields that date a saved page of this set (each names the labelled year first).
PAGE_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "event:start_time", "citation_publication_date", "dc.date"}
# Phrases of the brief that the notes of labels.csv must name, each at least this often.
GENRES = {"supervisory authority": 2, "web accessibility": 3, "audit page": 1,
          "accessibility statement": 3, "disability organisation": 2, "survey report": 2,
          "press release": 1, "assistive technology centre": 2, "catalogue entry": 1,
          "service page": 1, "sign-language": 1, "interpreting service": 1, "easy-read": 1,
          "benefit guide": 1, "ministry": 1, "action plan": 1, "universal design": 4,
          "user panel": 1, "minutes": 1, "research project": 2, "final report": 2,
          "conference": 3, "programme": 5, "journal article abstract": 2,
          "thesis abstract": 2, "app's accessibility help page": 1, "local newspaper": 1,
          "field labels": 5}
# The kind of body behind each document, as its note names it.
BODY = re.compile(r"supervisory|monitoring body|municipality|agency|disability organisation|"
                  r"assistive technology|interpreting|ministry|user panel|research|conference|"
                  r"journal|thesis|app's|newspaper|meetup|special-needs", re.IGNORECASE)
# Identifiers in real formats; the id group holds zeros and separators, or fits the kind's
# pattern below (case and report numbers may carry a year, phones an area or country code).
IDENTIFIERS = {
    "case number": re.compile(r"(?:ESAVI/|Saksnummer |sak )(?P<id>\d[\d/]*)"),
    "report number": re.compile(r"(?:Rapport |NHF-rapport |NR-notat DART/|Agency )"
                                r"(?P<id>\d[\d:/]*)"),
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[\dX-]+)"),
    "postal box": re.compile(r"(?:Postboks|\bBox|\bPB) (?P<id>\d+)"),
    "organisation number": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>[\d ]+)"),
    "project number": re.compile(r"(?:Prosjektnummer: |Project number NPAD-20\d\d/)"
                                 r"(?P<id>\d+)"),
    "phone": re.compile(r"(?:Telefon|telefon|Phone|Sentralbord|Växel|Kundesenter|SMS|"
                        r"Call us free on) (?P<id>\+?\d[\d -]*)"),
}
WITH_YEAR = re.compile(r"(?:[0./:-]|20\d\d|2\d(?=/)|(?<=/)2\d$)+")
ZERO_FILLED = {"case number": WITH_YEAR, "report number": WITH_YEAR,
               "ISBN": re.compile(r"97[89]-\d{2,3}-0+-0+-0"),
               "phone": re.compile(r"(?:\+(?:45|46|47|353|358) (?:1 )?)?"
                                   r"(?:\d\d |0\d{1,3}[- ])?[0 ]+")}
# Field labels that copies and PDF texts leave on lines of their own: debris wherever seen.
COPIED_LABELS = {"Telefon:", "Öppettider:", "E-post:", "Dato", "Sted", "Pris", "Kundtjänst"}


def test_the_csvs_name_the_documents_on_disk_and_end_lines_with_crlf():
    fs.files_check(GLAZE.folder, GLAZE.labels)


def test_size_formats_types_genres_and_bodies_follow_the_brief():
    fs.size_check(GLAZE.labels, {"html": (17, 21), "txt": (14, 19), "md": (1, 2)})
    assert fs.missing_genres(GLAZE.labels, GENRES) == {}, "a genre of the brief is missing"
    nameless = [name for name, label in GLAZE.labels.items() if not BODY.search(label["notes"])]
    assert nameless == [], "a note that names no body of the brief"


def test_accessibility_statements_and_easy_read_guides_are_typed_other():
    kinds = ("accessibility statement (", "easy-read version")
    typed = {GLAZE.labels[name]["doc_type"] for name, label in GLAZE.labels.items()
             if any(kind in label["notes"].lower() for kind in kinds)}
    assert typed == {"other"}, typed


def test_english_bokmal_and_nynorsk_lead_danish_and_swedish_follow():
    fs.language_check(GLAZE.labels, {"en": 12, "nb": 9, "nn": 6, "da": 4, "sv": 5}, alone_least=3)
    norwegian_english = sum(code in {"en", "nb", "nn"} for label in GLAZE.labels.values()
                            for code in label["languages"].split(";"))
    other = sum(code in {"da", "sv"} for label in GLAZE.labels.values()
                for code in label["languages"].split(";"))
    assert norwegian_english > 2 * other, (norwegian_english, other)


def test_the_readme_tables_and_overview_agree_with_the_csvs():
    fs.readme_check(GLAZE.folder, GLAZE.labels, GLAZE.debris, GLAZE.prose)


def test_undated_documents_glued_programmes_and_later_years_in_prose_occur():
    fs.trap_check(GLAZE.labels, GLAZE.prose, GLAZE.lines)


def test_glued_timetable_lines_are_kept_and_belong_to_programmes():
    listed = [(name, line) for name, lines in GLAZE.lines.items() for line in lines
              if fs.GLUED_TIME.search(line) and line in GLAZE.debris_of(name)]
    assert listed == [], "a glued timetable line is listed as debris"
    glued = {name for name, lines in GLAZE.lines.items() if any(map(fs.GLUED_TIME.search, lines))}
    assert {GLAZE.labels[name]["doc_type"] for name in glued} == {"event_programme"}
    assert len(glued) >= 3


def test_identifiers_are_zero_filled_in_their_real_formats():
    seen, wrong = fs.identifier_misses(GLAZE.lines, IDENTIFIERS, ZERO_FILLED, "0 /-.")
    assert wrong == [], "an identifier that is not zero-filled"
    assert set(seen) == set(IDENTIFIERS), seen


def test_copied_field_labels_are_debris_wherever_they_stand_alone():
    kept = [(name, line) for name, lines in GLAZE.lines.items() for line in lines
            if line in COPIED_LABELS and line not in GLAZE.debris_of(name)]
    assert kept == [], "a copied field label is kept"
    assert sum(any(line in COPIED_LABELS for line in lines)
               for lines in GLAZE.lines.values()) >= 2


def test_field_lists_on_five_pages_and_markdown_field_lines_all_listed():
    with_fields = GLAZE.field_pages()
    kept = GLAZE.kept_markdown_fields()
    assert (with_fields >= 5, kept) == (True, []), (with_fields, kept)


@pytest.mark.parametrize("name", GLAZE.on_disk)
def test_each_document_keeps_the_dev_conventions_and_each_page_its_head(name):
    """Codebook values, year rules and placement for every document; for a saved page also
    its <head> (the <title> debris and not the title, dates agreeing) and <dt>/<dd> fields."""
    GLAZE.document_check(name)
    if name in GLAZE.pages:
        GLAZE.page_check(name, PAGE_DATES)
