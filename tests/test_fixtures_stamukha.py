"""Checks of the stamukha fixture set (tests/fixtures/exported/stamukha), written blind.

Its brief: debt counselling and enforcement services going digital. A municipal debt advisory
service's page (a booking widget, opening hours, a cookie banner); a national debt register's
help page (step list, FAQ accordion, a language switch); a Swedish enforcement authority's page
on its e-service for payment plans; a Danish debt counselling charity's page; a consumer
organisation's consultation response; a ministry's proposition excerpt (a PDF with contents,
footnotes and a table); an evaluation report's summary; a research project's catalogue page and
its report; a conference programme with clock times glued to talk titles; journal abstracts (one
bilingual); a news item with a fact box and comments; a Nynorsk leaflet on digital letters from
the bailiff. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder once; its shared checks
(labels, placement, pages, README tables, mix, languages, traps) come first, and the tests after
them hold the documents to the brief of this set.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

STAMUKHA = fs.LabelledSet(fs.SETS / "stamukha")
DOCS = STAMUKHA.on_disk
# The <head> fields that date a saved page (each must name the labelled year first).
META_DATES = {f"article:{kind}_time" for kind in ("published", "modified")} | {
    "dcterms.modified", "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 municipal debt advisory service's page
1 with a booking widget, opening hours and a cookie banner
1 national debt register's help page
1 step list, faq accordion, a language switch
1 swedish enforcement authority's page on its e-service for payment plans
1 danish debt counselling charity's page
1 consumer organisation's consultation response
1 ministry's proposition excerpt
3 contents with dot leaders
1 a footnote to each of two sentences, a table
1 evaluation report's summary
2 research project's catalogue page
1 research project's report
2 conference programme
6 clock times glued to talk titles
5 journal abstract
3 journal abstract in two languages
1 news item with a fact box and comments
1 nynorsk leaflet on digital letters from the bailiff
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"'s page|help page|page in|news item|leaflet|blog post|service page"),
    "policy_document": re.compile(r"consultation response|proposition|agency report|"
                                  r"government assignment|council's report|action plan"),
    "project_report": re.compile(r"catalogue page|evaluation report|project's report|"
                                 r"final report"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme(?: saved as markdown)?$"),
}

# Identifier kinds: (pattern with the digits in `id`, zero-filled form or None for zeros only).
KINDS = {
    "phone": (r"(?:Telefon|Phone|Kundtjänst): (?P<id>\d[\d -]*\d)",
              r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-8[27]-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\d-]+)", None),
    "report number": (r"(?:Rapport|Report) (?P<id>\d+)/20\d\d", None),
    "Swedish report number": (r"FI-rapport 20\d\d:(?P<id>\d+)", None),
    "bill number": (r"^L (?P<id>\d+)", None),
    "DOI": (r"10\.0000/[a-z]+\.(?P<id>[\d.]*\d)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
    "project number": (r"^(?P<id>\d{6})$", None),
    "diary number": (r"Fi(?P<id>\d{4}/\d+)", None),
}
PATTERNS = {kind: tuple(re.compile(p) if p else None for p in pair) for kind, pair in KINDS.items()}
CONTENTS_LINE = re.compile(r"\.{10,} \d+$")
TRAPS = fs.year_traps(STAMUKHA.labels, STAMUKHA.prose, STAMUKHA.lines)
PROSE_OF = {name: [row["sentence"] for row in STAMUKHA.prose if row["file"] == name]
            for name in DOCS}
PROGRAMMES = sorted(name for name, label in STAMUKHA.labels.items()
                    if label["doc_type"] == "event_programme")


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, one type named by the
    genre and equal to the label, and later years in prose named in the evidence."""
    label = STAMUKHA.labels[name]
    STAMUKHA.document_check(name)
    if name in STAMUKHA.pages:
        STAMUKHA.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], TYPE_OF_GENRE) == {label["doc_type"]}, \
        label["notes"]
    ahead = {year for sentence in PROSE_OF[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]}
    assert not {year for year in ahead if year not in label["year_evidence"]}, ahead


def test_files_and_readme_tables():
    """One label row a document in file order, CRLF, and the README's tables and overview."""
    fs.files_check(STAMUKHA.folder, STAMUKHA.labels)
    fs.readme_check(STAMUKHA.folder, STAMUKHA.labels, STAMUKHA.debris, STAMUKHA.prose)


def test_size_genres_languages_and_traps():
    """36 to 40 documents in the asked mix, the brief's genres in the notes, the languages (six
    bilingual documents, three of them abstracts) and the year situations and traps."""
    labels = STAMUKHA.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 4, "sv": 6}, 3)
    two = Counter(label["doc_type"] for label in labels.values() if ";" in label["languages"])
    assert sum(two.values()) >= 6 and two["abstract"] >= 3, two
    fs.trap_check(labels, STAMUKHA.prose, STAMUKHA.lines)


def test_programmes_glue_times():
    """The programmes, and nothing else, glue clock times to titles, in four lines or more that
    are not debris."""
    assert sorted(TRAPS["glued"]) == PROGRAMMES
    for name in PROGRAMMES:
        glued = [line for line in STAMUKHA.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4, name
        assert STAMUKHA.debris_of(name).isdisjoint(glued), name


def test_identifiers_zero_filled():
    """Every kind of identifier occurs, and each is zero-filled in its real format."""
    found = {kind: pair[0] for kind, pair in PATTERNS.items()}
    filled = {kind: pair[1] for kind, pair in PATTERNS.items() if pair[1]}
    seen, wrong = fs.identifier_misses(STAMUKHA.lines, found, filled, "0 /-.")
    assert sorted(seen) == sorted(KINDS), seen
    assert not wrong, wrong


def test_fields_and_contents_are_debris():
    """Six saved pages or more carry field lists; Markdown field lines and every dot-leader
    contents line (eight or more) are debris."""
    assert STAMUKHA.field_pages() >= 6
    assert not STAMUKHA.kept_markdown_fields()
    leaders = {(name, line) for name in DOCS for line in STAMUKHA.lines[name]
               if CONTENTS_LINE.search(line)}
    assert len(leaders) >= 8
    assert all(line in STAMUKHA.debris_of(name) for name, line in leaders)


def test_advisory_page_widgets():
    """The municipal page keeps its sentences and drops its booking widget, opening hours and
    cookie banner."""
    name = fs.by_notes(STAMUKHA.labels, "municipal debt advisory service's page")
    gone = STAMUKHA.debris_of(name)
    assert {"Bestill time", "Neste ledige time", "Åpningstider", "Mandag–fredag 09.00–15.00",
            "Godta alle", "Bare nødvendige"} <= gone
    assert len(PROSE_OF[name]) >= 3 and not set(PROSE_OF[name]) & gone


def test_register_help_page():
    """The help page keeps its four steps and its FAQ questions and drops its language switch."""
    name = fs.by_notes(STAMUKHA.labels, "national debt register's help page")
    lines, gone = STAMUKHA.lines[name], STAMUKHA.debris_of(name)
    steps = [line for line in lines if re.match(r"(Logg inn|Godta|Velg|Last ned) ", line)]
    questions = [line for line in lines if line.endswith("?") and line.startswith(("Hv", "Ka"))]
    assert len(steps) == 4 and len(questions) == 3 and not gone & set(steps + questions)
    assert {"Norsk", "English"} <= gone


def test_news_fact_box_and_comments():
    """The comments (signed with handles) and their count go; the fact box, the comments'
    heading and the quotation opened with a dash stay."""
    name = fs.by_notes(STAMUKHA.labels, "news item with a fact box")
    lines, gone = STAMUKHA.lines[name], STAMUKHA.debris_of(name)
    signed = {line for line in lines if re.match(r"[\w\-æøå]+: ", line)
              and not line.startswith("Telefon")}
    assert len(signed) == 4 and signed <= gone
    assert "4 kommentarer" in gone and not {"Kommentarer", "FAKTA"} & gone
    fact = lines[lines.index("FAKTA") + 1]
    assert fact.startswith("Namsfogden") and fact not in gone
    assert any(s.startswith("– ") for s in PROSE_OF[name])


def test_proposition_pdf_furniture():
    """The ministry's bill drops its footnotes, running heads, page number and contents but
    keeps its table and the sentences ending in a footnote mark."""
    name = fs.by_notes(STAMUKHA.labels, "ministry's proposition excerpt")
    lines, gone = STAMUKHA.lines[name], STAMUKHA.debris_of(name)
    notes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(notes) == len(marked) == 2 and notes <= gone and not marked & gone
    assert all(any(s in line for s in PROSE_OF[name]) for line in marked)
    table = [line for line in lines if line.endswith("pct.")]
    assert len(table) == 3 and not set(table) & gone
    assert {"L 000", "4"} <= gone


def test_catalogue_page_and_report():
    """The catalogue page's fields are debris and its summary headings are not; the invented
    NAMSDIG project shows in the catalogue page and its report."""
    page = fs.by_notes(STAMUKHA.labels, "research project's catalogue page (the invented namsdig")
    gone = STAMUKHA.debris_of(page)
    assert {"Project number", "000000", "Project period", "2024–2028"} <= gone
    assert not {"About the project", "Om prosjektet"} & gone
    report = fs.by_notes(STAMUKHA.labels, "research project's report")
    for name in (page, report):
        assert "NAMSDIG" in STAMUKHA.labels[name]["title"] + STAMUKHA.labels[name]["notes"]


def test_bailiff_leaflet():
    """The Nynorsk leaflet is undated, keeps its steps and drops its contact block."""
    name = fs.by_notes(STAMUKHA.labels, "nynorsk leaflet")
    label, gone = STAMUKHA.labels[name], STAMUKHA.debris_of(name)
    assert label["languages"] == "nn" and not label["year"]
    assert "Logg inn på norge.no og sjå kva postkasse du har valt." not in gone
    assert {"Telefon: 55 00 00 00", "[email protected]"} <= gone
