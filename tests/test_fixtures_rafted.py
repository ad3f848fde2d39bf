"""Checks of the rafted fixture set (tests/fixtures/exported/rafted), written blind.

Its brief: refugees' and newcomers' integration services going digital. A directorate's page on
the introduction programme's digital participant portal (a step list, a language switch, a
cookie banner); a municipality's refugee service page; a Danish municipality's page on digital
Danish courses; a Swedish agency's page on digital establishment planning; an interpreting
service's guidance on video interpreting; a voluntary organisation's statement; a ministry's
strategy excerpt (a PDF with contents and footnotes); an evaluation report's summary from a
research institute; a research project's catalogue page and its working paper; a webinar
programme with clock times glued to talk titles; journal abstracts (one bilingual); a news item
with comments; a Nynorsk guide for newly arrived. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import: the set is read once by fixturesets.LabelledSet and held to the
shared checks there, then to what this brief adds.
"""

import re

import fixturesets as fs
import pytest

RAFTED = fs.LabelledSet(fs.SETS / "rafted")
DOCS = RAFTED.on_disk
META_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 directorate's page on the introduction programme's digital participant portal
1 with a step list, a language switch and a cookie banner
1 municipality's refugee service page
1 danish municipality's page on digital danish courses
1 swedish agency's page on digital establishment planning
1 interpreting service's guidance on video interpreting
1 voluntary organisation's statement
1 ministry's strategy excerpt
3 contents with dot leaders
2 footnote
1 evaluation report's summary from a research institute
2 research project's catalogue page
1 research project's working paper
1 webinar programme
6 clock times glued to talk titles
5 journal abstract
3 journal abstract in two languages
1 news item with comments
1 nynorsk guide for newly arrived
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"page on|page in|service page|news item|guide for|blog post"),
    "policy_document": re.compile(r"guidance|statement|strategy|policy proposal|\bplan\b|"
                                  r"agency report"),
    "project_report": re.compile(r"research project's|evaluation report|final report"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme(?: saved as markdown)?$"),
}

# Identifier kinds: (pattern with the digits in `id`, zero-filled form or None for zeros only).
KINDS = {
    "phone": (r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)", r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-82-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\d-]+)", None),
    "report number": (r"(?:Rapport|Working Paper) (?P<id>\d+)/20\d\d", None),
    "Swedish report number": (r"Rapport 20\d\d:(?P<id>\d+)", None),
    "DOI": (r"10\.0000/[a-z]+\.(?P<id>[\d.]*\d)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
    "project number": (r"^(?P<id>\d{6})$", None),
}
FOUND = {kind: re.compile(found) for kind, (found, _) in KINDS.items()}
FILLED = {kind: re.compile(filled) for kind, (_, filled) in KINDS.items() if filled}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")

SITUATIONS = fs.year_traps(RAFTED.labels, RAFTED.prose, RAFTED.lines)


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in RAFTED.prose if row["file"] == name]


def named(opening: str) -> str:
    """The single document whose notes open with `opening`."""
    hits = [name for name in DOCS if RAFTED.labels[name]["notes"].lower().startswith(opening)]
    assert len(hits) == 1, (opening, hits)
    return hits[0]


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared rules, the saved page's head and fields, the type its genre names, and any year
    after the labelled one in a prose sentence named in the evidence."""
    label = RAFTED.labels[name]
    RAFTED.document_check(name)
    if name.endswith(".html"):
        RAFTED.page_check(name, META_DATES)
    genre = label["notes"].lower().split(" (")[0]
    assert {kind for kind, rule in TYPE_OF_GENRE.items() if rule.search(genre)} == {
        label["doc_type"]}, genre
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s) if y > label["year"]}
        assert all(year in label["year_evidence"] for year in later), later


def test_whole_set():
    """Files, CRLF and the README's tables; size and mix; the brief's genres; languages with
    at least six bilingual documents (three abstracts); year situations and traps."""
    labels = RAFTED.labels
    fs.files_check(RAFTED.folder, labels)
    fs.readme_check(RAFTED.folder, labels, RAFTED.debris, RAFTED.prose)
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5}, 3)
    bilingual = [label for label in labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6
    assert sum(label["doc_type"] == "abstract" for label in bilingual) >= 3
    fs.trap_check(labels, RAFTED.prose, RAFTED.lines)


def test_timetables_identifiers_and_markup():
    """Only programmes glue times to titles, and they keep those lines; identifiers of every
    kind occur, zero-filled; six saved pages carry field lists; Markdown field lines and
    dot-leader contents lines are debris."""
    programmes = sorted(name for name in DOCS
                        if RAFTED.labels[name]["doc_type"] == "event_programme")
    assert sorted(SITUATIONS["glued"]) == programmes
    for name in programmes:
        slots = {line for line in RAFTED.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(slots) >= 4 and not slots & RAFTED.debris_of(name), name
    seen, wrong = fs.identifier_misses(RAFTED.lines, FOUND, FILLED, "0 /-.")
    assert set(seen) == set(KINDS) and wrong == [], (seen, wrong)
    assert RAFTED.field_pages() >= 6 and RAFTED.kept_markdown_fields() == []
    contents = [(name, line) for name in DOCS for line in RAFTED.lines[name]
                if DOT_LEADERS.search(line)]
    assert len(contents) >= 8
    assert [pair for pair in contents if pair[1] not in RAFTED.debris_of(pair[0])] == []


def test_participant_portal_page():
    """The four steps and their heading stay; the cookie banner and language switch go."""
    name = named("directorate's page on the introduction programme")
    lines, gone = RAFTED.lines[name], RAFTED.debris_of(name)
    steps = [line for line in lines if re.match(r"(Log in|Choose|Check|Send) ", line)]
    assert len(steps) == 4 and not gone & set(steps)
    assert "How to start using the portal" in lines and "How to start using the portal" not in gone
    assert {"Accept all cookies", "Only necessary cookies", "Suomeksi", "På svenska",
            "English"} <= gone


def test_news_comments():
    """The comments (signed with handles) and their count go; the heading and the quotation
    opened with a dash stay."""
    name = named("news item with comments")
    gone = RAFTED.debris_of(name)
    signed = {line for line in RAFTED.lines[name] if re.match(r"[\wæøå]+: ", line)
              and not line.startswith(("Av ", "Publisert"))}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    assert any(s.startswith("– ") for s in sentences(name))


def test_strategy_pdf_furniture():
    """The ministry's strategy drops its footnotes, running head, page numbers and contents but
    keeps the sentences ending in a footnote mark."""
    name = named("ministry's strategy excerpt")
    lines, gone = RAFTED.lines[name], RAFTED.debris_of(name)
    notes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(notes) == len(marked) == 2 and notes <= gone and not marked & gone
    assert {"Strategi for digital inkludering av nyankomne", "3", "4"} <= gone
    assert marked <= set(sentences(name))


def test_catalogue_and_working_paper():
    """The catalogue page's field labels and values are debris, its summary headings are not;
    the invented DIGINTRO project shows in the catalogue page and the working paper."""
    page = named("research project's catalogue page (the invented digintro")
    gone = RAFTED.debris_of(page)
    assert {"Project number", "000000", "Project period", "2023–2027"} <= gone
    assert not {"About the project", "Om prosjektet"} & gone
    paper = named("research project's working paper")
    for name in (page, paper):
        assert "DIGINTRO" in RAFTED.labels[name]["title"] + RAFTED.labels[name]["notes"]
