"""Checks of the sastrugi set (tests/fixtures/exported/sastrugi), written blind.

The brief of the set: families, young people and student finance going digital. Parental
and child benefit applications, student loan and grant agencies' self-service, youth
guarantee services, a family counselling service's online booking, a children's and youth
council's statement, a student union's survey report, an agency's evaluation of an automated
grant decision, a ministry's consultation paper, a municipal youth service's action plan, a
research centre's project page and working paper, a youth research conference programme, a
journal abstract, a student newspaper's article and an agency's FAQ and chatbot page; in
English, Bokmål, Nynorsk, Danish and Swedish (the first three leading), several documents
bilingual; about half saved pages, the rest copied or PDF text, one or two Markdown pages.

What is held here: that brief, the conventions of tests/fixtures/exported/dev/README.md and
the tables of the set's own README. Nothing is imported with the package's import; the
checks read the CSVs, each document's visible lines, the saved pages' markup and the README.
"""

import re

import fixturesets as fs
import pytest

SASTRUGI = fs.LabelledSet(fs.SETS / "sastrugi")
LABELS = SASTRUGI.labels

# Brief phrase and how many notes must name it (notes are compared in lower case).
BRIEF_PHRASES = """
parental benefit | 2
child benefit | 2
student loan and grant agency | 4
self-service | 3
youth guarantee | 5
family counselling service | 1
online booking | 1
children's and youth council | 1
student union's survey report | 1
agency's evaluation of an automated grant decision | 1
ministry's consultation paper | 1
municipal youth service's action plan | 2
research centre | 2
project page | 2
working paper | 1
youth research conference | 2
journal article abstract page | 2
student newspaper's article | 2
faq and chatbot page | 1
field labels | 8
"""
BRIEF = {phrase: int(least) for phrase, least in
         (row.split(" | ") for row in BRIEF_PHRASES.strip().splitlines())}
# Each note names the kind of body behind its document.
BODIES = re.compile(r"agency|government portal|ministry|municipal|county|council|"
                    r"student union|research|foundation|journal|archive|newspaper|"
                    r"guidance centre|umbrella body|network|symposium", re.IGNORECASE)
# Genres the brief names, with the type a careful reader gives them.
TYPED = {"faq and chatbot page": "other", "student newspaper's article": "other",
         "family counselling service's online booking": "other",
         "ministry's consultation paper": "policy_document",
         "municipal youth service's action plan": "policy_document",
         "student union's survey report": "policy_document",
         "evaluation of an automated grant decision": "policy_document",
         "children's and youth council's statement": "policy_document",
         "conference programme": "event_programme", "thesis abstract": "abstract"}
# <head> fields that date a saved page here.
HEAD_DATES = {"dcterms.modified", "dcterms.issued", "article:published_time",
              "event:start_time", "citation_publication_date"}

# Identifiers in real formats. The named group `id` must match ZEROS[kind]: zeros and
# separators, with a year allowed in case and report numbers and a country, area or service
# prefix allowed in phone numbers.
KINDS = {
    "phone": re.compile(r"(?:Telefon:?\**|telefon|Phone|Sentralbord) (?P<id>\+?\d[\d -]*\d)"),
    "case or diary number": re.compile(r"(?:\bSak |\bDnr |\bU)(?P<id>\d[\d/-]*\d)"),
    "report number": re.compile(r"(?:Working papers |\bRapport |AFK-rapport |NSO-rapport |"
                                r"Proba-rapport nr\. )(?P<id>\d[\d/:-]*)"),
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[\dX-]+)"),
    "organisation number": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)"),
    "postal box": re.compile(r"(?:Postboks|\bBox) (?P<id>\d+)"),
}
DATED = re.compile(r"(?:20\d\d|(?<=/)2\d\b|[0/:-])+")
ZEROS = {"phone": re.compile(r"(?:\+\d{2,3} )?\d{1,4}[ -](?:0+[ -]?)*0"),
         "case or diary number": DATED, "report number": DATED,
         "ISBN": re.compile(r"978-\d{2,3}-0+-0+-0")}
# Field labels that copies and leaflets leave on a line of their own.
BARE_LABELS = {"Stad", "Pris", "Påmelding", "Datum", "Tid", "Plats", "Anmälan",
               "Telefon:", "Åpningstider:"}


def notes_naming(phrase: str) -> list[str]:
    return [name for name, label in LABELS.items() if phrase in label["notes"].lower()]


def test_folder_size_formats_and_types():
    fs.files_check(SASTRUGI.folder, LABELS)
    fs.size_check(LABELS, {"html": (16, 20), "txt": (14, 18), "md": (1, 2)})


def test_notes_cover_the_brief_and_name_a_body():
    assert fs.missing_genres(LABELS, BRIEF) == {}
    assert [name for name, label in LABELS.items() if not BODIES.search(label["notes"])] == []
    wrongly_typed = {phrase: {LABELS[name]["doc_type"] for name in notes_naming(phrase)}
                     for phrase, kind in TYPED.items()}
    assert all(found == {TYPED[phrase]} for phrase, found in wrongly_typed.items()), wrongly_typed


def test_languages_lead_with_english_and_norwegian_and_bilinguals_say_so():
    fs.language_check(LABELS, {"en": 14, "nb": 9, "nn": 6, "da": 5, "sv": 5}, alone_least=4)
    parts = fs.language_counts(LABELS)[1]
    assert parts["en"] + parts["nb"] + parts["nn"] > 2 * (parts["da"] + parts["sv"]), parts
    silent = [name for name, label in LABELS.items() if ";" in label["languages"]
              and not re.search(r"summary|sammanfattning|abstract", label["notes"], re.I)]
    assert silent == [], "a bilingual document whose note does not say what the second part is"


def test_year_situations_and_later_years_in_prose():
    fs.trap_check(LABELS, SASTRUGI.prose, SASTRUGI.lines)
    unnamed = [(row["file"], year) for row in SASTRUGI.prose
               if (dated := LABELS[row["file"]]["year"])
               for year in fs.YEAR.findall(row["sentence"])
               if year > dated and year not in LABELS[row["file"]]["year_evidence"]]
    assert unnamed == [], "a later year in prose that the evidence does not name"


def test_glued_times_stay_and_only_programmes_glue_them():
    glued = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
             for name, lines in SASTRUGI.lines.items()}
    glued = {name: lines for name, lines in glued.items() if lines}
    assert len(glued) >= 3
    assert {LABELS[name]["doc_type"] for name in glued} == {"event_programme"}
    assert [line for name, lines in glued.items() for line in lines
            if line in SASTRUGI.debris_of(name)] == []


def test_identifiers_are_zero_filled():
    seen, wrong = fs.identifier_misses(SASTRUGI.lines, KINDS, ZEROS, "0 -")
    assert (sorted(seen), wrong) == (sorted(KINDS), [])


def test_bare_field_labels_and_markdown_fields_are_debris():
    kept = [(name, line) for name, lines in SASTRUGI.lines.items()
            for line in lines if line in BARE_LABELS and line not in SASTRUGI.debris_of(name)]
    assert kept + SASTRUGI.kept_markdown_fields() == []
    assert SASTRUGI.field_pages() >= 5


def test_readme_tables_match_the_csvs():
    fs.readme_check(SASTRUGI.folder, LABELS, SASTRUGI.debris, SASTRUGI.prose)


@pytest.mark.parametrize("name", SASTRUGI.on_disk)
def test_document(name):
    """The dev conventions for one document; for a saved page also its head and fields."""
    SASTRUGI.document_check(name)
    if name.endswith(".html"):
        SASTRUGI.page_check(name, HEAD_DATES)
