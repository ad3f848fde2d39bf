"""Checks of the pingo fixture set (tests/fixtures/exported/pingo), written blind.

Its brief: parental benefits and kindergarten admission going digital. A welfare agency's page
on applying for parental benefit online (a step list, a language switch, a cookie banner); a
municipality's kindergarten admission portal page (deadlines table, login button); a Swedish
agency's page on the parental benefit app; a Danish municipality's page on digital childcare
place allocation; a parents' association's statement; a ministry's white paper excerpt (a PDF
with contents and footnotes); an evaluation report's summary from a research institute; a
research project's catalogue page (field labels and values) and its working paper; a seminar
programme with clock times glued to talk titles; journal abstracts (one bilingual); a news item
with reader comments; a Nynorsk guide for new parents. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import: the set is read once by fixturesets.LabelledSet and held to the
shared checks there, then to what this brief adds.
"""

import re

import fixturesets as fs
import pytest

PINGO = fs.LabelledSet(fs.SETS / "pingo")
DOCS = PINGO.on_disk
META_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 welfare agency's page on applying for parental benefit online
1 with a step list, a language switch and a cookie banner
1 municipality's kindergarten admission portal page
1 deadlines table, login button
1 swedish agency's page on the parental benefit app
1 danish municipality's page on digital childcare place allocation
2 parents' association's statement
1 ministry's white paper excerpt
4 contents with dot leaders
1 footnote
1 evaluation report's summary from a research institute
2 research project's catalogue page
1 research project's working paper
4 seminar programme
4 clock times glued to talk titles
6 journal abstract
3 journal abstract in two languages
1 news item with reader comments
1 nynorsk guide for new parents
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# The genre a document's notes open with (up to the first " (") names its type.
GENRE_TYPES = [
    ("event_programme", r"programme(?: saved as markdown)?$"),
    ("abstract", r"abstract"),
    ("project_report", r"research project's|evaluation report|final report"),
    ("policy_document", r"statement|policy proposal|white paper|strategy|agency report|"
                        r"position paper|\bplan\b"),
    ("other", r"page on|portal page|kindergarten page|service page|news item|guide for|"
              r"blog post"),
]

# Where each kind of identifier stands (its digits in the group `id`) ...
FOUND = {kind: re.compile(pattern) for kind, pattern in {
    "phone": r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"(?:Rapport|Working Paper) (?P<id>\d+)/20\d\d",
    "Swedish report number": r"(?:Rapport|Diarienummer) 20\d\d:(?P<id>\d+)",
    "white paper number": r"^Meld\. St\. (?P<id>\d+)$",
    "case number": r"sak (?P<id>\d+)/\d\d",
    "DOI": r"10\.0000/[a-z]+\.(?P<id>[\d.]*\d)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "project number": r"^(?P<id>\d{6})$",
}.items()}
# ... and, where its real form keeps some digits, the zero-filled form it must take (the
# others hold zeros and separators only).
FILLED = {"phone": re.compile(r"(?:[1-9]\d{1,2} |0\d{1,3}[- ])[0 -]+"),
          "ISBN": re.compile(r"978-82-[0-]+")}
CONTENTS_LINE = re.compile(r"\.{10,} \d+$")

SITUATIONS = fs.year_traps(PINGO.labels, PINGO.prose, PINGO.lines)
PROSE = {name: [row["sentence"] for row in PINGO.prose if row["file"] == name]
         for name in DOCS}


def the_one(opening: str) -> str:
    """The file of the only document whose notes start with `opening`."""
    (found,) = [name for name, label in PINGO.labels.items()
                if label["notes"].lower().startswith(opening)]
    return found


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """The shared rules of fixturesets; for a saved page its head and field list; the type
    named by the genre its notes open with; every year in its prose later than its labelled
    year is accounted for in the evidence."""
    PINGO.document_check(name)
    if name.endswith(".html"):
        PINGO.page_check(name, META_DATES)
    label = PINGO.labels[name]
    genre = label["notes"].lower().split(" (")[0]
    assert [kind for kind, rule in GENRE_TYPES if re.search(rule, genre)] == [
        label["doc_type"]], genre
    ahead = {year for sentence in PROSE[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]}
    assert {year for year in ahead if year not in label["year_evidence"]} == set(), ahead


def test_whole_set():
    """Files, CRLF and the README's tables; size and mix; the brief's genres; languages with
    at least eight bilingual documents (four abstracts); year situations and traps, with at
    least six dated documents naming a later year in a prose sentence."""
    labels = PINGO.labels
    fs.files_check(PINGO.folder, labels)
    fs.readme_check(PINGO.folder, labels, PINGO.debris, PINGO.prose)
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 14, "nb": 10, "nn": 6, "da": 6, "sv": 6}, 4)
    bilingual = [label for label in labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 8
    assert sum(label["doc_type"] == "abstract" for label in bilingual) >= 4
    fs.trap_check(labels, PINGO.prose, PINGO.lines)
    assert len(SITUATIONS["ahead"]) >= 6


def test_timetables_identifiers_and_markup():
    """Only programmes glue times to titles, in at least four lines each, and keep those lines;
    identifiers of every kind occur, zero-filled; seven saved pages carry field lists; Markdown
    field lines and every dot-leader contents line are debris."""
    programmes = sorted(name for name in DOCS
                        if PINGO.labels[name]["doc_type"] == "event_programme")
    assert sorted(SITUATIONS["glued"]) == programmes
    for name in programmes:
        slots = {line for line in PINGO.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(slots) >= 4 and not slots & PINGO.debris_of(name), name
    seen, wrong = fs.identifier_misses(PINGO.lines, FOUND, FILLED, "0 /-.")
    assert set(seen) == set(FOUND) and wrong == [], (seen, wrong)
    assert PINGO.field_pages() >= 7 and PINGO.kept_markdown_fields() == []
    contents = [(name, line) for name in DOCS for line in PINGO.lines[name]
                if CONTENTS_LINE.search(line)]
    assert len(contents) >= 12
    assert [pair for pair in contents if pair[1] not in PINGO.debris_of(pair[0])] == []


def test_parental_benefit_page():
    """The five steps and their heading stay; the cookie banner and language switch go."""
    name = the_one("welfare agency's page on applying for parental benefit online")
    lines, gone = PINGO.lines[name], PINGO.debris_of(name)
    steps = [line for line in lines if re.match(r"(Log in|Choose|Enter|Upload|Send) ", line)]
    assert len(steps) == 5 and not gone & set(steps)
    assert "How to apply, step by step" in lines and "How to apply, step by step" not in gone
    assert {"Accept all", "Only necessary", "Íslenska", "English", "Polski"} <= gone


def test_admission_portal_and_allocation_pages():
    """The portal page keeps its deadlines table and drops its login button; the Danish page
    drops its login button and contact block but keeps the sentence naming MitID."""
    portal = the_one("municipality's kindergarten admission portal page")
    lines, gone = PINGO.lines[portal], PINGO.debris_of(portal)
    table = {"Søknadsfrist for hovedopptaket", "1. mars 2026", "Klage på vedtak"}
    assert table <= set(lines) and not table & gone
    assert "Logg inn i opptaksportalen" in gone
    danish = the_one("danish municipality's page on digital childcare place allocation")
    assert {"Log ind og skriv op", "Pladsanvisningen", "Telefon: 55 00 00 00"} <= \
        PINGO.debris_of(danish)
    assert any("MitID" in sentence for sentence in PROSE[danish])


def test_news_comments():
    """The comments (signed with handles) and their count go; the heading and the quotation
    opened with a dash stay."""
    name = the_one("news item with reader comments")
    gone = PINGO.debris_of(name)
    signed = {line for line in PINGO.lines[name] if re.match(r"[\w]+: ", line)}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    assert any(line.startswith("– ") and line not in gone for line in PINGO.lines[name])


def test_white_paper_pdf_furniture():
    """The white paper drops its footnotes, cover number, running heads, page numbers and
    contents but keeps (as prose) the sentences ending in a footnote mark."""
    name = the_one("ministry's white paper excerpt")
    lines, gone = PINGO.lines[name], PINGO.debris_of(name)
    notes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(notes) == len(marked) == 2 and notes <= gone and not marked & gone
    assert marked <= set(PROSE[name])
    assert {"Meld. St. 00", "(2025–2026)", "5"} <= gone and "Innhold" not in gone


def test_catalogue_and_working_paper():
    """The catalogue page's field labels and values are debris, its summary headings are not;
    the invented FAMDIG project shows in its catalogue page, its working paper and the
    seminar."""
    page = the_one("research project's catalogue page (the invented famdig")
    gone = PINGO.debris_of(page)
    assert {"Project number", "000000", "Project period", "2024–2028"} <= gone
    assert not {"About the project", "Om prosjektet"} & gone
    paper = the_one("research project's working paper")
    assert "Who helps" in PINGO.labels[paper]["title"]
    for name in (page, paper):
        assert "FAMDIG" in PINGO.labels[name]["title"] + PINGO.labels[name]["notes"]
    assert sum("FAMDIG" in " ".join(PINGO.lines[name]) for name in DOCS) >= 3
