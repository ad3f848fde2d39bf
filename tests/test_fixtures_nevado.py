"""Checks of the nevado fixture set (tests/fixtures/exported/nevado), written blind.

Its brief: child welfare services and digital documentation. A directorate's page on a national
case-management system (a version history table and a language switch); a municipality's child
welfare service page with a chat widget; a Danish municipality's page on digital reporting of
concerns; a Swedish agency's page on e-services for families; an ombudsman's statement; a
ministry's bill excerpt (a PDF with contents and footnotes); an evaluation report's summary; a
research project's catalogue page and its working paper; a seminar programme with clock times
glued to talk titles; journal abstracts (one bilingual); a master's thesis record from a
university archive; a news item with comments; a Nynorsk guide for foster parents. English,
Bokmål, Nynorsk, Danish, Swedish.

Nothing here imports the documents: the checks read the folder, its CSVs and its README. The
set is read once into fixturesets.LabelledSet, whose shared rules each document and the whole set
must meet; the tests further down are this brief's own.
"""

import re

import fixturesets as fs
import pytest

NEVADO = fs.LabelledSet(fs.SETS / "nevado")
DOCS = NEVADO.on_disk
# Head fields that date a page; where present, the labelled year is the first year in them.
META_DATES = {"article:published_time", "article:modified_time", "dcterms.modified",
              "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 directorate's page on a national case-management system
1 with a language switch and a version history table
1 municipality's child welfare service page with a chat widget
1 danish municipality's page on digital reporting of concerns
1 swedish agency's page on e-services for families
1 ombudsman's statement
1 ministry's bill excerpt
1 a pdf with a bill number, contents with dot leaders
1 evaluation report's summary
1 research project's catalogue page
1 working paper of the research project
1 seminar programme with clock times glued to talk titles
5 clock times glued to talk titles
4 journal abstract
1 journal abstract in two languages
1 master's thesis record from a university archive
1 news item with comments
1 nynorsk guide for foster parents
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"directorate's page|municipality's (?:child welfare service )?page|"
                        r"agency's page|ombudsman's statement|news item|faq page|"
                        r"guide for foster parents|blog post"),
    "policy_document": re.compile(r"bill excerpt|agency report|municipal (?:plan|strategy|action plan)"),
    "project_report": re.compile(r"catalogue page|working paper|final report|evaluation report"),
    "abstract": re.compile(r"abstract|thesis record"),
    "event_programme": re.compile(r"programme"),
}

# Identifiers: kind, where it stands (its digits in `id`), and its zero-filled form (None: the
# digits are zeros and separators only).
IDENTIFIERS = [
    ("phone", r"(?:Telefon|Telephone|Sentralbord|rådgivningstelefonen): (?P<id>\d[\d -]*\d)",
     r"(?:[1-9]\d{0,2} |0\d{1,3}[- ])[0 -]+"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    ("ISBN", r"ISBN (?P<id>[\d-]+)", r"978-(?:8[27]|91)-[0-]+"),
    ("ISSN", r"ISSN (?P<id>[\d-]+)", None),
    ("report number", r"(?:Rapport|rapport|rapporterar|Skriftserie) 20\d\d:(?P<id>\d+)", None),
    ("working paper number", r"Working Paper (?P<id>\d+)/20\d\d", None),
    ("DOI", r"10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>[\d.\-]*\d)", None),
    ("postal box", r"(?:Postboks|Box) (?P<id>\d+)", None),
    ("project number", r"^(?:Projekt )?(?P<id>\d{6})$", None),
    ("bill number", r"L (?P<id>\d{3})\b", None),
    ("section of an act", r"§ (?P<id>\d+)", None),
]
WHERE = {kind: re.compile(where) for kind, where, _ in IDENTIFIERS}
FILLED = {kind: re.compile(form) for kind, _, form in IDENTIFIERS if form}
LEADERS = re.compile(r"\.{10,} \d+$")
PROSE_OF: dict[str, list[str]] = {name: [] for name in DOCS}
for row in NEVADO.prose:
    PROSE_OF[row["file"]].append(row["sentence"])
# The documents the tests below hold to the brief, found by how their notes open.
OPENINGS = {
    "directorate": "directorate's page on a national", "chat": "municipality's child welfare",
    "danish reporting": "danish municipality's page", "swedish agency": "swedish agency's page",
    "ombudsman": "ombudsman's statement", "bill": "ministry's bill excerpt",
    "evaluation": "evaluation report's summary", "catalogue": "research project's catalogue",
    "working paper": "working paper of the research project",
    "thesis": "master's thesis record", "news": "news item with comments",
    "guide": "nynorsk guide for foster parents",
}
ROLE = {role: [name for name in DOCS if NEVADO.labels[name]["notes"].lower().startswith(start)]
        for role, start in OPENINGS.items()}


def kept_prose(name: str) -> None:
    """The document has three or more prose sentences and none is a debris line."""
    assert len(PROSE_OF[name]) >= 3 and not set(PROSE_OF[name]) & NEVADO.debris_of(name)


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, one type named by the
    genre the notes open with (up to " (") and equal to the label, and later years in prose
    named in the evidence."""
    label = NEVADO.labels[name]
    NEVADO.document_check(name)
    if name in NEVADO.pages:
        NEVADO.page_check(name, META_DATES)
    genre = label["notes"].lower().split(" (")[0]
    named = [kind for kind, words in TYPE_OF_GENRE.items() if words.search(genre)]
    assert named == [label["doc_type"]], (genre, named)
    later = [y for s in PROSE_OF[name] for y in fs.YEAR.findall(s)
             if label["year"] and int(y) > int(label["year"]) and y not in label["year_evidence"]]
    assert later == [], later


def test_set_as_a_whole():
    """One label row a document in file order, CRLF, the README's tables and overview; 36 to 40
    documents in the asked mix, the brief's genres in the notes, the languages (six bilingual
    documents or more, a journal abstract among them), the year situations and traps; and each
    role of the brief held by exactly one document."""
    labels = NEVADO.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    bilingual = [label["doc_type"] for label in labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6 and "abstract" in bilingual, bilingual
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 6, "da": 5, "sv": 5}, 4)
    assert fs.missing_genres(labels, WANTED) == {}
    fs.trap_check(labels, NEVADO.prose, NEVADO.lines)
    fs.files_check(NEVADO.folder, labels)
    fs.readme_check(NEVADO.folder, labels, NEVADO.debris, NEVADO.prose)
    assert {role: len(names) for role, names in ROLE.items()} == dict.fromkeys(OPENINGS, 1)


def test_glued_times_identifiers_fields_and_contents():
    """Programmes, and only they, glue clock times to titles in four kept lines or more; every
    kind of identifier occurs and is zero-filled; five saved pages or more carry field lists;
    Markdown field lines and all dot-leader contents lines (fifteen or more) are debris."""
    glued = fs.year_traps(NEVADO.labels, NEVADO.prose, NEVADO.lines)["glued"]
    programmes = [n for n in DOCS if NEVADO.labels[n]["doc_type"] == "event_programme"]
    assert sorted(glued) == programmes
    for name in programmes:
        timed = {line for line in NEVADO.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(timed) >= 4 and not timed & NEVADO.debris_of(name), name
    seen, wrong = fs.identifier_misses(NEVADO.lines, WHERE, FILLED, "0 /-.")
    assert set(seen) == set(WHERE) and wrong == [], (seen, wrong)
    assert NEVADO.field_pages() >= 4 and NEVADO.kept_markdown_fields() == []
    contents = [(n, line) for n in DOCS for line in NEVADO.lines[n] if LEADERS.search(line)]
    assert len(contents) >= 15
    assert [pair for pair in contents if pair[1] not in NEVADO.debris_of(pair[0])] == []


def test_directorate_page_version_table_and_switch():
    """The directorate's page drops its language switch and keeps its version table rows; it is
    dated by its stamp, newer than every version in the table."""
    name = ROLE["directorate"][0]
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    assert {"Íslenska", "English", "Polski", "Last updated 3 March 2025"} <= gone
    versions = [line for line in lines if re.fullmatch(r"3\.\d", line)]
    assert len(versions) == 3 and not set(versions) & gone
    assert "Version history" not in gone and NEVADO.labels[name]["year"] == "2025"
    kept_prose(name)


def test_chat_widget_and_reporting_pages():
    """The chat widget's lines go and the sentence naming the chat's hours stays; the Danish page
    keeps its sentences and drops its form links; the Swedish agency's page is undated."""
    chat = ROLE["chat"][0]
    assert {"Chat med barnevernet", "Start chat", "Godta alle"} <= NEVADO.debris_of(chat)
    assert any("klokken 09.00 og 14.00" in s for s in PROSE_OF[chat])
    danish = ROLE["danish reporting"][0]
    assert NEVADO.labels[danish]["languages"] == "da"
    assert {"Gå til formularen", "Underret anonymt", "Gå til indhold"} <= NEVADO.debris_of(danish)
    kept_prose(danish)
    swedish = ROLE["swedish agency"][0]
    assert NEVADO.labels[swedish]["languages"] == "sv"
    assert fs.BARE in NEVADO.labels[swedish]["year_evidence"]


def test_bill_pdf_furniture():
    """The bill drops its number, contents, running heads, page numbers and footnotes but keeps
    the sentences ending in a footnote mark."""
    name = ROLE["bill"][0]
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and not set(callers) & gone
    assert all(any(line == s for s in PROSE_OF[name]) for line in callers)
    assert {"Lovforslag nr. L 000", "2", "3"} <= gone
    assert len([line for line in gone if LEADERS.search(line)]) == 4


def test_catalogue_page_and_working_paper():
    """The catalogue page's fields are debris and its summary heading is not; the invented
    DOKUBARN titles the catalogue page and shows in the working paper, a project report."""
    page = ROLE["catalogue"][0]
    gone = NEVADO.debris_of(page)
    assert {"Projektperiode", "2025–2028", "Projektnummer", "000000"} <= gone
    assert not {"Om projektet", "Summary in English"} & gone
    assert "DOKUBARN" in NEVADO.labels[page]["title"]
    paper = ROLE["working paper"][0]
    assert NEVADO.labels[paper]["doc_type"] == "project_report"
    assert any("DOKUBARN" in s for s in PROSE_OF[paper])


def test_evaluation_thesis_and_bilingual_abstracts():
    """The evaluation summary and the thesis record are bilingual; the thesis record's fields
    are debris and its abstracts' headings are not."""
    assert NEVADO.labels[ROLE["evaluation"][0]]["languages"] == "nb;en"
    thesis = ROLE["thesis"][0]
    assert NEVADO.labels[thesis]["languages"] == "nn;en"
    assert {"Forfattar", "Utgjevingsdato", "Vis full innførsel"} <= NEVADO.debris_of(thesis)
    assert not {"Samandrag", "Abstract"} & NEVADO.debris_of(thesis)


def test_news_comments_and_ombudsman():
    """The news item's three comments (signed with handles) and their count go, its heading
    stays; the ombudsman's statement drops its kicker and share bar."""
    name = ROLE["news"][0]
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    signed = {line for line in lines if re.match(r"[\wø]+: ", line)}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    assert any(s.startswith("– ") for s in PROSE_OF[name])
    ombudsman = ROLE["ombudsman"][0]
    assert {"Uttalelse", "Del på Facebook", "Kopier lenke"} <= NEVADO.debris_of(ombudsman)
    kept_prose(ombudsman)


def test_nynorsk_foster_parent_guide():
    """The Nynorsk guide has no year at all, keeps its steps and drops its contact block."""
    guide = ROLE["guide"][0]
    assert NEVADO.labels[guide]["languages"] == "nn"
    assert fs.BARE in NEVADO.labels[guide]["year_evidence"]
    steps = [line for line in NEVADO.lines[guide] if line.startswith(("Opne", "Sjå", "Skriv ned"))]
    assert len(steps) == 3 and not set(steps) & NEVADO.debris_of(guide)
    assert {"Telefon: 71 00 00 00", "[email protected]"} <= NEVADO.debris_of(guide)
