"""Checks of the penitente fixture set (tests/fixtures/exported/penitente), written blind.

Its brief: data-driven management of welfare staff. A union's page on dashboards that measure
caseworkers (a cookie banner, a member login, a share bar); a municipality's page on its
home-care management dashboard; a Danish union's statement on productivity figures; a Swedish
municipality's decision minutes excerpt (a PDF with an agenda item number and signatures); a
national audit's report summary (a PDF with contents, footnotes and a table); a research
institute's working paper; a research project's catalogue page (field labels and values) and its
final report; a workshop programme with clock times glued to talk titles; journal abstracts (one
bilingual); a news item with a quote box and comments; a Nynorsk intranet-style guide for team
leaders; a vendor's product page. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder once; its shared checks
(labels, placement, pages, README tables, mix, languages, traps) come first, and the tests after
them hold the documents to the brief of this set.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

PENITENTE = fs.LabelledSet(fs.SETS / "penitente")
DOCS = PENITENTE.on_disk
# The <head> fields that date a saved page (each must name the labelled year first).
META_DATES = {f"article:{kind}_time" for kind in ("published", "modified")} | {
    "dcterms.modified", "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 union's page on dashboards that measure caseworkers
1 with a cookie banner, a member login and a share bar
1 municipality's page on its home-care management dashboard
1 danish union's statement on productivity figures
1 swedish municipality's decision minutes excerpt
1 a pdf with an agenda item number and signatures
1 national audit's report summary
1 a pdf with contents with dot leaders, footnotes and a table
1 research institute's working paper
1 research project's catalogue page
1 with field labels and values
1 final report of the research project
1 workshop programme
5 clock times glued to talk titles
5 journal abstract
1 journal abstract in two languages
1 news item with a quote box and comments
1 nynorsk intranet-style guide for team leaders
1 vendor's product page
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"union's (?:page|statement|faq page)|municipality's page|news item|"
                        r"intranet-style guide|vendor's product page|blog post"),
    "policy_document": re.compile(r"decision minutes|national audit's report|agency report|"
                                  r"municipal (?:strategy|action plan|quality report)"),
    "project_report": re.compile(r"catalogue page|research project's page|working paper|"
                                 r"final report|evaluation report"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Identifier kinds: (pattern with the digits in `id`, zero-filled form or None for zeros only).
KINDS = {
    "phone": (r"(?:Telefon|Telephone|Phone|Tlf\.|Sentralbord): (?P<id>\d[\d -]*\d)",
              r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-8[27]-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\d-]+)", None),
    "report number": (r"Rapport 20\d\d:(?P<id>\d+)", None),
    "working paper number": (r"Working Paper (?P<id>\d+)/20\d\d", None),
    "DOI": (r"10\.0000/[a-z.]+(?P<id>[\d.\-]*\d)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
    "project number": (r"^(?P<id>\d{5,6})(?:-20\d\d)?$", None),
    "diary number": (r"Dnr SN/20\d\d:(?P<id>\d+)", None),
    "agenda item": (r"^§ (?P<id>\d+)$", None),
}
PATTERNS = {kind: tuple(re.compile(p) if p else None for p in pair) for kind, pair in KINDS.items()}
CONTENTS_LINE = re.compile(r"\.{10,} \d+$")
TRAPS = fs.year_traps(PENITENTE.labels, PENITENTE.prose, PENITENTE.lines)
PROSE_OF = {name: [row["sentence"] for row in PENITENTE.prose if row["file"] == name]
            for name in DOCS}
PROGRAMMES = sorted(name for name, label in PENITENTE.labels.items()
                    if label["doc_type"] == "event_programme")


def genre_types(notes: str) -> set[str]:
    """The types whose genre words occur in the notes' opening genre (up to " (")."""
    genre = notes.lower().partition(" (")[0]
    return {kind for kind, words in TYPE_OF_GENRE.items() if words.search(genre)}


def by_notes(opening: str) -> str:
    """The one document whose notes start with `opening` (lower case)."""
    (name,) = [n for n, label in PENITENTE.labels.items()
               if label["notes"].lower().startswith(opening)]
    return name


def kept_prose(name: str) -> None:
    """The document has three or more prose sentences and none is a debris line."""
    assert len(PROSE_OF[name]) >= 3 and not set(PROSE_OF[name]) & PENITENTE.debris_of(name)


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, one type named by the
    genre and equal to the label, and later years in prose named in the evidence."""
    label = PENITENTE.labels[name]
    PENITENTE.document_check(name)
    if name in PENITENTE.pages:
        PENITENTE.page_check(name, META_DATES)
    assert genre_types(label["notes"]) == {label["doc_type"]}, label["notes"]
    ahead = {year for sentence in PROSE_OF[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]}
    assert not {year for year in ahead if year not in label["year_evidence"]}, ahead


def test_files_and_readme_tables():
    """One label row a document in file order, CRLF, and the README's tables and overview."""
    fs.files_check(PENITENTE.folder, PENITENTE.labels)
    fs.readme_check(PENITENTE.folder, PENITENTE.labels, PENITENTE.debris, PENITENTE.prose)


def test_size_genres_languages_and_traps():
    """36 to 40 documents in the asked mix, the brief's genres in the notes, the languages (six
    bilingual documents, one of them a journal abstract at least) and the year situations and
    traps."""
    labels = PENITENTE.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    two = Counter(label["doc_type"] for label in labels.values() if ";" in label["languages"])
    assert sum(two.values()) >= 6 and two["abstract"] >= 1, two
    fs.trap_check(labels, PENITENTE.prose, PENITENTE.lines)


def test_programmes_glue_times():
    """The programmes, and nothing else, glue clock times to titles, in four lines or more that
    are not debris."""
    assert sorted(TRAPS["glued"]) == PROGRAMMES
    for name in PROGRAMMES:
        glued = [line for line in PENITENTE.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4, name
        assert PENITENTE.debris_of(name).isdisjoint(glued), name


def test_identifiers_zero_filled():
    """Every kind of identifier occurs, and each is zero-filled in its real format."""
    found = {kind: pair[0] for kind, pair in PATTERNS.items()}
    filled = {kind: pair[1] for kind, pair in PATTERNS.items() if pair[1]}
    seen, wrong = fs.identifier_misses(PENITENTE.lines, found, filled, "0 /-.")
    assert sorted(seen) == sorted(KINDS), seen
    assert not wrong, wrong


def test_fields_and_contents_are_debris():
    """Five saved pages or more carry field lists; Markdown field lines and every dot-leader
    contents line (eight or more) are debris."""
    assert PENITENTE.field_pages() >= 5
    assert not PENITENTE.kept_markdown_fields()
    leaders = {(name, line) for name in DOCS for line in PENITENTE.lines[name]
               if CONTENTS_LINE.search(line)}
    assert len(leaders) >= 8
    assert all(line in PENITENTE.debris_of(name) for name, line in leaders)


def test_union_page_widgets():
    """The union's page drops its cookie banner, member login and share bar and keeps its
    sentences."""
    name = by_notes("union's page on dashboards")
    assert {"Godta alle", "Kun nødvendige", "Logg inn på Min side", "Bli medlem",
            "Del på Facebook", "Del på LinkedIn", "Kopier lenke"} <= PENITENTE.debris_of(name)
    kept_prose(name)


def test_home_care_dashboard_page():
    """The municipal page keeps its horizon sentence and heading, drops stamp and feedback."""
    name = by_notes("municipality's page on its home-care")
    gone = PENITENTE.debris_of(name)
    assert {"Sist oppdatert: 14.10.2024", "Fant du det du lette etter?"} <= gone
    assert "Hva tavlen ikke viser" not in gone
    assert any("innen 2027" in s for s in PROSE_OF[name])


def test_danish_union_statement():
    """The Danish statement is a Danish `other` page; its login and cookie lines go."""
    name = by_notes("danish union's statement")
    label, gone = PENITENTE.labels[name], PENITENTE.debris_of(name)
    assert (label["languages"], label["doc_type"]) == ("da", "other")
    assert {"Log ind på Mit Djøf", "Tillad alle", "Udtalelse"} <= gone
    assert "Tre krav til ledelsesinformation" not in gone


def test_minutes_excerpt():
    """The minutes drop the agenda item, case number, page and signature lines; the decision
    and its heading stay."""
    name = by_notes("swedish municipality's decision minutes")
    lines, gone = PENITENTE.lines[name], PENITENTE.debris_of(name)
    assert {"§ 00", "Dnr SN/2025:000", "Justerandes signatur", "Utdragsbestyrkande",
            "Ordförande", "Sida 1 av 2"} <= gone
    assert not {"Beslut", "Ärendebeskrivning"} & gone
    assert lines.index("Beslut") < lines.index("Justerandes signatur")
    kept_prose(name)


def test_audit_pdf_furniture():
    """The audit summary drops its footnotes, contents and running heads but keeps its table
    and the sentences ending in a footnote mark."""
    name = by_notes("national audit's report summary")
    lines, gone = PENITENTE.lines[name], PENITENTE.debris_of(name)
    notes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(notes) == len(marked) == 2 and notes <= gone and not marked & gone
    assert all(any(s in line for s in PROSE_OF[name]) for line in marked)
    table = [line for line in lines if line.endswith("%")]
    assert len(table) == 2 and not set(table) & gone
    assert sum(bool(CONTENTS_LINE.search(line)) for line in gone) == 3


def test_catalogue_page_and_final_report():
    """The catalogue page's fields are debris and its summary headings are not; the invented
    DATAVAGT shows in the titles of the catalogue page and its final report."""
    page = by_notes("research project's catalogue page")
    gone = PENITENTE.debris_of(page)
    assert {"Projektnummer", "00000-2023", "Projektperiode", "2023–2026"} <= gone
    assert not {"Resumé", "Summary in English"} & gone
    report = by_notes("final report of the research project")
    assert all("DATAVAGT" in PENITENTE.labels[name]["title"] for name in (page, report))
    assert PENITENTE.labels[page]["languages"] == PENITENTE.labels[report]["languages"] == "da;en"


def test_news_quote_box_and_comments():
    """The comments (signed with handles), their count and the share line go; the quote box and
    the comments' heading stay."""
    name = by_notes("news item with a quote box")
    lines, gone = PENITENTE.lines[name], PENITENTE.debris_of(name)
    signed = {line for line in lines if re.match(r"[\w]+: ", line)}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    quote = [line for line in lines if line.startswith("– Vi vil")]
    assert len(quote) == 1 and quote[0] not in gone
    assert any(s.startswith("– ") for s in PROSE_OF[name])


def test_nynorsk_guide_and_vendor_page():
    """The Nynorsk guide and the vendor page are undated `other` pages without any year; the
    guide keeps its steps and drops its contact block, the vendor page drops its sales calls."""
    guide = by_notes("nynorsk intranet-style guide")
    vendor = by_notes("vendor's product page")
    assert PENITENTE.labels[guide]["languages"] == "nn"
    for name in (guide, vendor):
        assert fs.BARE in PENITENTE.labels[name]["year_evidence"]
    steps = [line for line in PENITENTE.lines[guide]
             if line.startswith(("Opne", "Sjå", "Skriv ned"))]
    assert len(steps) == 3 and not set(steps) & PENITENTE.debris_of(guide)
    assert {"Telefon: 56 00 00 00", "[email protected]"} <= PENITENTE.debris_of(guide)
    assert {"Book a demo", "Download product sheet"} <= PENITENTE.debris_of(vendor)
    kept_prose(vendor)


def test_working_paper_and_project():
    """The working paper is a project report of the invented METRICS AT WORK, whose page shows
    too."""
    paper = by_notes("research institute's working paper")
    assert PENITENTE.labels[paper]["doc_type"] == "project_report"
    assert any("METRICS AT WORK" in s for s in PROSE_OF[paper])
    page = by_notes("research project's page")
    assert "METRICS AT WORK" in PENITENTE.labels[page]["title"]
