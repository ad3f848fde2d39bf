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

Nothing here imports the documents: the checks read the folder, its CSVs and its README. The
set is read once into fixturesets.LabelledSet, whose shared rules each document and the whole set
must meet; the tests further down are this brief's own.
"""

import re

import fixturesets as fs
import pytest

PENITENTE = fs.LabelledSet(fs.SETS / "penitente")
DOCS = PENITENTE.on_disk
# Head fields that date a page; where present, the labelled year is the first year in them.
META_DATES = {"article:published_time", "article:modified_time", "dcterms.modified",
              "citation_publication_date", "event:start_time"}

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

# Identifiers: kind, where it stands (its digits in `id`), and its zero-filled form (None: the
# digits are zeros and separators only).
IDENTIFIERS = [
    ("phone", r"(?:Telefon|Telephone|Phone|Tlf\.|Sentralbord): (?P<id>\d[\d -]*\d)",
     r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    ("ISBN", r"ISBN (?P<id>[\d-]+)", r"978-8[27]-[0-]+"),
    ("ISSN", r"ISSN (?P<id>[\d-]+)", None),
    ("report number", r"Rapport 20\d\d:(?P<id>\d+)", None),
    ("working paper number", r"Working Paper (?P<id>\d+)/20\d\d", None),
    ("DOI", r"10\.0000/[a-z.]+(?P<id>[\d.\-]*\d)", None),
    ("postal box", r"(?:Postboks|Box) (?P<id>\d+)", None),
    ("project number", r"^(?P<id>\d{5,6})(?:-20\d\d)?$", None),
    ("case number", r"Dnr SN/20\d\d:(?P<id>\d+)", None),
    ("agenda item", r"^§ (?P<id>\d+)$", None),
]
WHERE = {kind: re.compile(where) for kind, where, _ in IDENTIFIERS}
FILLED = {kind: re.compile(form) for kind, _, form in IDENTIFIERS if form}
LEADERS = re.compile(r"\.{10,} \d+$")
PROSE_OF: dict[str, list[str]] = {name: [] for name in DOCS}
for row in PENITENTE.prose:
    PROSE_OF[row["file"]].append(row["sentence"])
# The documents the tests below hold to the brief, found by how their notes open.
OPENINGS = {
    "union page": "union's page on dashboards", "home care": "municipality's page on its home",
    "statement": "danish union's statement", "minutes": "swedish municipality's decision",
    "audit": "national audit's report summary", "catalogue": "research project's catalogue",
    "final report": "final report of the research project", "news": "news item with a quote",
    "guide": "nynorsk intranet-style guide", "vendor": "vendor's product page",
    "working paper": "research institute's working paper",
    "project page": "research project's page",
}
ROLE = {role: [name for name in DOCS if PENITENTE.labels[name]["notes"].lower().startswith(start)]
        for role, start in OPENINGS.items()}


def kept_prose(name: str) -> None:
    """The document has three or more prose sentences and none is a debris line."""
    assert len(PROSE_OF[name]) >= 3 and not set(PROSE_OF[name]) & PENITENTE.debris_of(name)


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, one type named by the
    genre the notes open with (up to " (") and equal to the label, and later years in prose
    named in the evidence."""
    label = PENITENTE.labels[name]
    PENITENTE.document_check(name)
    if name in PENITENTE.pages:
        PENITENTE.page_check(name, META_DATES)
    genre = label["notes"].lower().split(" (")[0]
    named = [kind for kind, words in TYPE_OF_GENRE.items() if words.search(genre)]
    assert named == [label["doc_type"]], (genre, named)
    later = [y for s in PROSE_OF[name] for y in fs.YEAR.findall(s)
             if label["year"] and int(y) > int(label["year"]) and y not in label["year_evidence"]]
    assert later == [], later


def test_set_as_a_whole():
    """One label row a document in file order, CRLF, the README's tables and overview; 36 to 40
    documents in the asked mix, the brief's genres in the notes, the languages (six bilingual
    documents, a journal abstract among them), the year situations and traps; and each role of
    the brief held by exactly one document."""
    labels = PENITENTE.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    bilingual = [label["doc_type"] for label in labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6 and "abstract" in bilingual, bilingual
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    assert fs.missing_genres(labels, WANTED) == {}
    fs.trap_check(labels, PENITENTE.prose, PENITENTE.lines)
    fs.files_check(PENITENTE.folder, labels)
    fs.readme_check(PENITENTE.folder, labels, PENITENTE.debris, PENITENTE.prose)
    assert {role: len(names) for role, names in ROLE.items()} == dict.fromkeys(OPENINGS, 1)


def test_glued_times_identifiers_fields_and_contents():
    """Programmes, and only they, glue clock times to titles in four kept lines or more; every
    kind of identifier occurs and is zero-filled; five saved pages or more carry field lists;
    Markdown field lines and all dot-leader contents lines (eight or more) are debris."""
    glued = fs.year_traps(PENITENTE.labels, PENITENTE.prose, PENITENTE.lines)["glued"]
    programmes = [n for n in DOCS if PENITENTE.labels[n]["doc_type"] == "event_programme"]
    assert sorted(glued) == programmes
    for name in programmes:
        timed = {line for line in PENITENTE.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(timed) >= 4 and not timed & PENITENTE.debris_of(name), name
    seen, wrong = fs.identifier_misses(PENITENTE.lines, WHERE, FILLED, "0 /-.")
    assert set(seen) == set(WHERE) and wrong == [], (seen, wrong)
    assert PENITENTE.field_pages() >= 5 and PENITENTE.kept_markdown_fields() == []
    contents = [(n, line) for n in DOCS for line in PENITENTE.lines[n] if LEADERS.search(line)]
    assert len(contents) >= 8
    assert [pair for pair in contents if pair[1] not in PENITENTE.debris_of(pair[0])] == []


def test_union_page_widgets():
    """The union's page drops its cookie banner, member login and share bar and keeps its
    sentences."""
    name = ROLE["union page"][0]
    assert {"Godta alle", "Kun nødvendige", "Logg inn på Min side", "Bli medlem",
            "Del på Facebook", "Del på LinkedIn", "Kopier lenke"} <= PENITENTE.debris_of(name)
    kept_prose(name)


def test_home_care_dashboard_page():
    """The municipal page keeps its horizon sentence and heading, drops stamp and feedback."""
    name = ROLE["home care"][0]
    gone = PENITENTE.debris_of(name)
    assert {"Sist oppdatert: 14.10.2024", "Fant du det du lette etter?"} <= gone
    assert "Hva tavlen ikke viser" not in gone
    assert any("innen 2027" in s for s in PROSE_OF[name])


def test_danish_union_statement():
    """The Danish statement is a Danish `other` page; its login and cookie lines go."""
    name = ROLE["statement"][0]
    label, gone = PENITENTE.labels[name], PENITENTE.debris_of(name)
    assert (label["languages"], label["doc_type"]) == ("da", "other")
    assert {"Log ind på Mit Djøf", "Tillad alle", "Udtalelse"} <= gone
    assert "Tre krav til ledelsesinformation" not in gone


def test_minutes_excerpt():
    """The minutes drop the agenda item, case number, page and signature lines; the decision
    and its heading stay."""
    name = ROLE["minutes"][0]
    lines, gone = PENITENTE.lines[name], PENITENTE.debris_of(name)
    assert {"§ 00", "Dnr SN/2025:000", "Justerandes signatur", "Utdragsbestyrkande",
            "Ordförande", "Sida 1 av 2"} <= gone
    assert not {"Beslut", "Ärendebeskrivning"} & gone
    assert lines.index("Beslut") < lines.index("Justerandes signatur")
    kept_prose(name)


def test_audit_pdf_furniture():
    """The audit summary drops its footnotes, contents and running heads but keeps its table
    and the sentences ending in a footnote mark."""
    name = ROLE["audit"][0]
    gone = PENITENTE.debris_of(name)
    footnotes = [line for line in PENITENTE.lines[name] if line[0] in "¹²"]
    callers = [line for line in PENITENTE.lines[name] if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2
    for line in callers:
        assert line not in gone and any(sentence in line for sentence in PROSE_OF[name]), line
    rows = [line for line in PENITENTE.lines[name] if line.startswith("Council ")]
    assert len(rows) == 3 and gone.isdisjoint(rows)
    assert len([line for line in gone if LEADERS.search(line)]) == 3


def test_catalogue_page_and_final_report():
    """The catalogue page's fields are debris and its summary headings are not; the invented
    DATAVAGT shows in the titles of the catalogue page and its final report."""
    page = ROLE["catalogue"][0]
    gone = PENITENTE.debris_of(page)
    assert {"Projektnummer", "00000-2023", "Projektperiode", "2023–2026"} <= gone
    assert not {"Resumé", "Summary in English"} & gone
    report = ROLE["final report"][0]
    assert all("DATAVAGT" in PENITENTE.labels[name]["title"] for name in (page, report))
    assert PENITENTE.labels[page]["languages"] == PENITENTE.labels[report]["languages"] == "da;en"


def test_news_quote_box_and_comments():
    """The comments (signed with handles), their count and the share line go; the quote box and
    the comments' heading stay."""
    name = ROLE["news"][0]
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
    guide = ROLE["guide"][0]
    vendor = ROLE["vendor"][0]
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
    paper = ROLE["working paper"][0]
    assert PENITENTE.labels[paper]["doc_type"] == "project_report"
    assert any("METRICS AT WORK" in s for s in PROSE_OF[paper])
    page = ROLE["project page"][0]
    assert "METRICS AT WORK" in PENITENTE.labels[page]["title"]
