"""Checks of the bergschrund fixture set (tests/fixtures/exported/bergschrund), written blind.

Its brief: procuring new case-management systems in welfare services. A procurement portal's
tender notice page (reference number, deadlines, CPV codes, lots); a municipality's news on
choosing a child welfare system (breadcrumbs, related links); a national agency's guidance on
involving users in procurement (step list, accordion); a Danish municipal association's page on
a joint system; a Swedish agency's evaluation report summary (a PDF with contents and
footnotes); a consultancy's market study (a PDF with running heads); a research project's
catalogue page and its article abstract; a conference programme with clock times glued to talk
titles; a master's thesis abstract page from a university archive; a supplier's press release;
a union's consultation response; a Nynorsk page on a regional cooperation. English, Bokmål,
Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder once; its shared checks
(labels, placement, pages, README tables, mix, languages, traps) come first, and the tests after
them hold the documents to the brief of this set.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

BERGSCHRUND = fs.LabelledSet(fs.SETS / "bergschrund")
DOCS = BERGSCHRUND.on_disk
# The <head> fields that date a saved page (each must name the labelled year first).
META_DATES = {f"article:{kind}_time" for kind in ("published", "modified")} | {
    "dcterms.modified", "citation_publication_date", "event:start_time", "dc.date"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 procurement portal's tender notice page
1 catalogue fields: reference number, deadlines, cpv codes, lots
1 municipality's news on choosing a child welfare system
1 national agency's guidance on involving users in procurement
1 danish municipal association's page on a joint system
1 swedish agency's evaluation report summary
1 consultancy's market study
2 research project's catalogue page
1 journal abstract of the research project's article
4 clock times glued to talk titles
2 master's thesis abstract page from a university archive
1 supplier's press release
1 union's consultation response
1 nynorsk page on a regional cooperation
3 contents with dot leaders
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"tender notice|news|guidance|association's page|press release|"
                        r"nynorsk page|product page|service page|blog post"),
    "policy_document": re.compile(r"consultation response|agency report|strategy|"
                                  r"agency's evaluation report|market study|"
                                  r"digitalisation plan|audit report|action plan"),
    "project_report": re.compile(r"catalogue page|final report"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Identifier kinds: (pattern with the digits in `id`, zero-filled form or None for zeros only).
KINDS = {
    "phone": (r"(?:Telefon|Sentralbord|Kundtjänst): (?P<id>\d[\d -]*\d)",
              r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "tender reference": (r"^LK 20\d\d/(?P<id>\d+)$", None),
    "CPV code": (r"^(?P<id>\d{8}-\d) ", r"[1-9]\d{3}0000-\d"),
    "diary number": (r"UHM-20\d\d-(?P<id>\d+)", None),
    "case number": (r"sak (?P<id>\d+)/\d\d", None),
    "our reference": (r"ref\.: \d\d/(?P<id>\d+)", None),
    "report number": (r"(?:Rapport|Notat) (?P<id>\d+)/20\d\d", None),
    "Swedish report number": (r"Rapport 20\d\d:(?P<id>\d+)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-82-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\d-]+)", None),
    "DOI": (r"doi\.org/10\.0000/\S*\.(?P<id>\d+)$", None),
    "handle": (r"hdl\.handle\.net/(?P<id>[\d/]+)", None),
    "grant": (r"grant (?P<id>[\d-]+)B", None),
    "project number": (r"[Pp]rosjektnummer (?P<id>\d+)", None),
    "postal box": (r"Postboks (?P<id>\d+)", None),
}
PATTERNS = {kind: tuple(re.compile(p) if p else None for p in pair) for kind, pair in KINDS.items()}
CONTENTS_LINE = re.compile(r"\.{10,} \d+$")
TRAPS = fs.year_traps(BERGSCHRUND.labels, BERGSCHRUND.prose, BERGSCHRUND.lines)
PROSE_OF = {name: [row["sentence"] for row in BERGSCHRUND.prose if row["file"] == name]
            for name in DOCS}
PROGRAMMES = sorted(name for name, label in BERGSCHRUND.labels.items()
                    if label["doc_type"] == "event_programme")


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, one type named by the
    genre and equal to the label, and later years in prose named in the evidence."""
    label = BERGSCHRUND.labels[name]
    BERGSCHRUND.document_check(name)
    if name in BERGSCHRUND.pages:
        BERGSCHRUND.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], TYPE_OF_GENRE) == {label["doc_type"]}, \
        label["notes"]
    ahead = {year for sentence in PROSE_OF[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]}
    assert not {year for year in ahead if year not in label["year_evidence"]}, ahead


def test_files_and_readme_tables():
    """One label row a document in file order, CRLF, and the README's tables and overview."""
    fs.files_check(BERGSCHRUND.folder, BERGSCHRUND.labels)
    fs.readme_check(BERGSCHRUND.folder, BERGSCHRUND.labels, BERGSCHRUND.debris,
                    BERGSCHRUND.prose)


def test_size_genres_languages_and_traps():
    """36 to 40 documents in the asked mix, the brief's genres in the notes, the languages (seven
    bilingual documents, three of them abstracts) and the year situations and traps."""
    labels = BERGSCHRUND.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    two = Counter(label["doc_type"] for label in labels.values() if ";" in label["languages"])
    assert sum(two.values()) >= 7 and two["abstract"] >= 3, two
    fs.trap_check(labels, BERGSCHRUND.prose, BERGSCHRUND.lines)


def test_programmes_glue_times():
    """The programmes, and nothing else, glue clock times to titles, in four lines or more that
    are not debris."""
    assert sorted(TRAPS["glued"]) == PROGRAMMES and len(PROGRAMMES) >= 4
    for name in PROGRAMMES:
        glued = [line for line in BERGSCHRUND.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4, name
        assert BERGSCHRUND.debris_of(name).isdisjoint(glued), name


def test_identifiers_zero_filled():
    """Every kind of identifier occurs, and each is zero-filled in its real format."""
    found = {kind: pair[0] for kind, pair in PATTERNS.items()}
    filled = {kind: pair[1] for kind, pair in PATTERNS.items() if pair[1]}
    seen, wrong = fs.identifier_misses(BERGSCHRUND.lines, found, filled, "0 /-.")
    assert sorted(seen) == sorted(KINDS), seen
    assert not wrong, wrong


def test_fields_and_contents_are_debris():
    """Six saved pages or more carry field lists; Markdown field lines and every dot-leader
    contents line (eight or more) are debris."""
    assert BERGSCHRUND.field_pages() >= 6
    assert not BERGSCHRUND.kept_markdown_fields()
    leaders = {(name, line) for name in DOCS for line in BERGSCHRUND.lines[name]
               if CONTENTS_LINE.search(line)}
    assert len(leaders) >= 8
    assert all(line in BERGSCHRUND.debris_of(name) for name, line in leaders)


def test_tender_notice_fields_and_lots():
    """The tender notice drops its catalogue fields (reference, deadlines, CPV codes, number of
    lots) and its cookie banner, and keeps the headings and text of its two lots."""
    name = fs.by_notes(BERGSCHRUND.labels, "procurement portal's tender notice page")
    lines, gone = BERGSCHRUND.lines[name], BERGSCHRUND.debris_of(name)
    assert {"Referensnummer", "LK 2025/000", "Sista anbudsdag", "2025-05-06", "CPV-koder",
            "48000000-8 Programvara och informationssystem", "Antal delar",
            "Acceptera alla kakor"} <= gone
    lots = [line for line in lines if re.match(r"Del \d: ", line)]
    assert len(lots) == 2 and not set(lots) & gone
    assert BERGSCHRUND.labels[name]["languages"] == "sv"


def test_news_breadcrumbs_and_related_links():
    """The municipality's news drops breadcrumbs, share lines and related links and keeps its
    quotation opened with a dash and its sub-heading."""
    name = fs.by_notes(BERGSCHRUND.labels, "municipality's news on choosing a child welfare system")
    lines, gone = BERGSCHRUND.lines[name], BERGSCHRUND.debris_of(name)
    assert {"Forsiden", "Nyheter", "Relaterte saker", "Del på Facebook", "Kopier lenke"} <= gone
    quote = [line for line in lines if line.startswith("– ")]
    assert len(quote) == 1 and not set(quote) & gone
    assert "Hva betyr dette for familiene?" not in gone


def test_guidance_steps_and_accordion():
    """The agency's guidance is undated, keeps its four steps and two accordion questions with
    their answers, and drops its feedback widget."""
    name = fs.by_notes(BERGSCHRUND.labels, "national agency's guidance")
    label, lines, gone = BERGSCHRUND.labels[name], BERGSCHRUND.lines[name], \
        BERGSCHRUND.debris_of(name)
    soup = BERGSCHRUND.soup(name)
    steps = [li.get_text().strip() for li in soup.find("ol").find_all("li")]
    questions = [line for line in lines if line.endswith("?") and line.startswith(("Må", "Kan"))]
    assert len(steps) == 4 and len(questions) == 2 and not gone & set(steps + questions)
    assert {"Var siden nyttig?", "Ja", "Nei"} <= gone and not label["year"]


def test_evaluation_pdf_furniture():
    """The agency's evaluation drops its footnotes, contents, running head and page number but
    keeps the sentences with footnote marks and has an English summary."""
    name = fs.by_notes(BERGSCHRUND.labels, "swedish agency's evaluation report summary")
    lines, gone = BERGSCHRUND.lines[name], BERGSCHRUND.debris_of(name)
    notes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(notes) == len(marked) == 2 and notes <= gone and not marked & gone
    assert {"Rapport 2024:00", "4"} <= gone
    assert BERGSCHRUND.labels[name]["languages"] == "sv;en"


def test_market_study_running_heads():
    """The market study drops its running heads, page number and copyright line."""
    name = fs.by_notes(BERGSCHRUND.labels, "consultancy's market study")
    lines, gone = BERGSCHRUND.lines[name], BERGSCHRUND.debris_of(name)
    heads = {line for line in lines if line.startswith("KPMG AS · ")}
    assert len(heads) == 2 and heads <= gone and "3" in gone
    assert any(line.startswith("©") for line in gone)


def test_catalogue_page_and_article():
    """The catalogue page's fields are debris and its descriptions' headings are not; the
    invented PROCURECARE project shows in its catalogue page and its article abstract."""
    page = fs.by_notes(BERGSCHRUND.labels,
                       "research project's catalogue page (the invented procurecare")
    gone = BERGSCHRUND.debris_of(page)
    assert {"Project period", "2024–2027", "Funding"} <= gone
    assert not {"Description", "Beskrivelse på dansk"} & gone
    article = fs.by_notes(BERGSCHRUND.labels, "journal abstract of the research project's article")
    for name in (page, article):
        assert "PROCURECARE" in BERGSCHRUND.labels[name]["title"] + \
            BERGSCHRUND.labels[name]["notes"]


def test_nynorsk_regional_page():
    """The Nynorsk page is undated, names its horizon in the evidence, keeps its member list and
    drops its contact block."""
    name = fs.by_notes(BERGSCHRUND.labels, "nynorsk page on a regional cooperation")
    label, gone = BERGSCHRUND.labels[name], BERGSCHRUND.debris_of(name)
    assert label["languages"] == "nn" and not label["year"] and "2027" in label["year_evidence"]
    assert not {"Hjelmeland", "Sauda"} & gone
    assert {"Telefon: 51 00 00 00", "[email protected]"} <= gone
