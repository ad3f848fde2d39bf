"""Checks of the candle fixture set (tests/fixtures/exported/candle), written blind.

Its brief: pensions and retirement going digital. A pension agency's page on the online
pension calculator (a login box, a chat widget and a cookie banner); a Danish pension
information portal's page; a Swedish pension authority's page on the digital pension forecast;
an occupational pension fund's news item; a pensioners' association's statement on paper
letters; a ministry's white paper excerpt on digital self-service for older people (a PDF with
contents, dot leaders and footnotes); an evaluation report's summary; a research project's
catalogue page and its report; seminar programmes for pensioners' advisers with clock times
glued to talk titles; journal abstracts (bilingual ones too); a local newspaper's news item
with reader comments; a Nynorsk municipal FAQ on help with digital pension applications.
English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run: the set is read once through fixturesets.LabelledSet (labels,
debris and prose rows, visible lines, saved pages) and checked by its shared helpers.
"""

import re

import fixturesets as fs
import pytest

CANDLE = fs.LabelledSet(fs.SETS / "candle")
NAMES = CANDLE.on_disk
# The head fields that carry a date on these saved pages; each must name the labelled year.
HEAD_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

# The brief's phrases (lower case) that the notes must name, each followed by how many
# documents' notes must name it at least.
ASKED_LINES = """
pension agency's page on the online pension calculator 1
with a login box, a chat widget and a cookie banner 1
danish pension information portal's page 1
swedish pension authority's page on the digital pension forecast 1
occupational pension fund's news item 2
pensioners' association's statement on paper letters 2
ministry's white paper excerpt 1
contents, dot leaders and footnotes 1
evaluation report's summary 1
research project's catalogue page 2
research project's report 2
seminar programme for pensioners' advisers 5
clock times glued to talk titles 6
journal abstract 6
journal abstract in two languages 3
local newspaper's news item with reader comments 1
nynorsk municipal faq on help with digital pension applications 1
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type.
GENRE_LINES = r"""
other: page on|portal's page|news item|faq|blog post
policy_document: statement|white paper|evaluation report|action plan|strategy|position|agency report
project_report: research project's
abstract: abstract
event_programme: programme
"""
GENRE_TYPE = {kind: re.compile(rule) for kind, rule in
              (line.split(": ", 1) for line in GENRE_LINES.strip().splitlines())}

# Identifiers by kind: the pattern (its digits in the group `id`) after " := ", and for some
# kinds the zero-filled form after " ~ ". Every kind must occur, every one zero-filled.
IDENTIFIER_LINES = r"""
phone := (?:Telefon|Phone): (?P<id>\d[\d -]*\d) ~ (?:[1-9]\d |0\d{1,3}[- ])[0 -]+
organisation number := (?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])
ISBN := ISBN (?P<id>[0-9-]+) ~ 978-8[27]-[0-]+
ISSN := ISSN (?P<id>[0-9-]+)
report number := (?:Rapport|Report|Working Paper) (?P<id>[0-9]+)/20\d\d
white paper number := Meld\. St\. (?P<id>[0-9]+)
case number := sak (?P<id>[0-9]+)/\d\d
DOI := 10\.0000/[a-z]+\.(?P<id>[0-9.]*[0-9])
postal box := (?:Postboks|Box) (?P<id>[0-9]+)
project number := (?:^)(?P<id>[0-9]{6})$
"""
RULES = [(kind, *rule.partition(" ~ ")[::2]) for kind, rule in
         (entry.split(" := ") for entry in IDENTIFIER_LINES.strip().splitlines())]
IDENTIFIERS = {kind: re.compile(found) for kind, found, _ in RULES}
FILLED = {kind: re.compile(filled) for kind, _, filled in RULES if filled}
LEADERS = re.compile(r"\.{10,} \d+$")
# Two invented projects, each shown in two documents (title or notes name it).
PROJECTS = {"PENSIDIG": ("h07_aldring_helse_prosjekt_pensidig_katalogside_en_nb.html",
                         "t03_aldring_helse_rapport_pensidig_sammendrag_pdf_nb_en.txt"),
            "SENIORLOG": ("t11_nordic_institute_ageing_final_report_summary_pdf_en.txt",
                          "t13_nordic_institute_ageing_working_paper_seniorlog_pdf_en.txt")}

PROSE = {name: [row["sentence"] for row in CANDLE.prose if row["file"] == name] for name in NAMES}
TRAPS = fs.year_traps(CANDLE.labels, CANDLE.prose, CANDLE.lines)


def by_genre(start: str) -> str:
    """The one document whose notes open with this phrase."""
    found = [name for name, label in CANDLE.labels.items()
             if label["notes"].lower().startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def typed_by_notes(notes: str) -> set[str]:
    """The types whose genre rule matches the notes up to their first " (" ."""
    genre = notes.lower().partition(" (")[0]
    return {kind for kind, rule in GENRE_TYPE.items() if rule.search(genre)}


def later_unnamed(label: dict, sentences: list[str]) -> set[str]:
    """Years after the labelled one in the prose sentences, not named in the evidence."""
    if not label["year"]:
        return set()
    found = set(fs.YEAR.findall(" ".join(sentences)))
    return {year for year in found if year > label["year"] and year not in label["year_evidence"]}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the head and fields of saved pages, the type the
    notes' genre names, and later years in prose named in the evidence."""
    label = CANDLE.labels[name]
    CANDLE.document_check(name)
    if name.endswith(".html"):
        CANDLE.page_check(name, HEAD_DATES)
    assert typed_by_notes(label["notes"]) == {label["doc_type"]}
    assert later_unnamed(label, PROSE[name]) == set()


def test_set_as_a_whole():
    """Files, CSV line ends and README tables; size, formats and types; the brief's genres;
    languages and bilingual abstracts; the year situations and traps."""
    labels = CANDLE.labels
    fs.files_check(CANDLE.folder, labels)
    fs.readme_check(CANDLE.folder, labels, CANDLE.debris, CANDLE.prose)
    fs.size_check(labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    assert fs.missing_genres(labels, ASKED) == {}
    fs.language_check(labels, {"en": 14, "nb": 11, "nn": 5, "da": 5, "sv": 5}, 4)
    two = [label["doc_type"] for label in labels.values() if ";" in label["languages"]]
    assert len(two) >= 6 and two.count("abstract") >= 3
    fs.trap_check(labels, CANDLE.prose, CANDLE.lines)
    least = {"bare": 4, "other_years": 3, "ahead": 6}
    assert {key: len(TRAPS[key]) for key in least if len(TRAPS[key]) < least[key]} == {}


def test_programmes_and_markup():
    """Programmes and only they glue times to titles, and keep those lines; identifiers are
    zero-filled; two saved pages hold field lists; Markdown field lines and dot-leader lines
    are debris."""
    programmes = {name for name, label in CANDLE.labels.items()
                  if label["doc_type"] == "event_programme"}
    assert set(TRAPS["glued"]) == programmes
    for name in programmes:
        glued = {line for line in CANDLE.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 3 and not glued & CANDLE.debris_of(name), name
    seen, wrong = fs.identifier_misses(CANDLE.lines, IDENTIFIERS, FILLED, "0 /-.")
    assert sorted(seen) == sorted(IDENTIFIERS) and not wrong, wrong
    assert CANDLE.field_pages() >= 1 and not CANDLE.kept_markdown_fields()
    leaders = {(name, line) for name in NAMES for line in CANDLE.lines[name]
               if LEADERS.search(line)}
    assert len({name for name, _ in leaders}) >= 3
    assert all(line in CANDLE.debris_of(name) for name, line in leaders)


def test_calculator_page():
    """The calculator page keeps its heading and sentences; the login box, the chat widget
    and the cookie banner go."""
    name = by_genre("pension agency's page on the online pension calculator")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    assert "Slik bruker du kalkulatoren" in lines and "Slik bruker du kalkulatoren" not in gone
    assert {"Logg inn med BankID", "Logg inn med MinID", "Min side"} <= gone
    assert {"Chat med oss", "Start chat", "Godta alle", "Bare nødvendige"} <= gone
    kept = [line for line in lines if "Du logger inn med BankID" in line]
    assert len(kept) == 1 and not set(kept) & gone, "the sentence beside the login box goes"


def test_newspaper_comments():
    """Comments signed with handles and their count go; the heading and the quoted line stay."""
    name = by_genre("local newspaper's news item with reader comments")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    signed = {line for line in lines if re.match(r"[\w]+: ", line)}
    assert len(signed) >= 4 and signed <= gone
    assert "4 kommentarer" in gone and "Kommentarer" in lines and "Kommentarer" not in gone
    quoted = [line for line in lines if line.startswith("– ")]
    assert quoted and not set(quoted) & gone
    assert any(sentence in line for line in quoted for sentence in PROSE[name])


def test_white_paper_furniture():
    """Footnotes, running head, cover number and page numbers go; the lines with footnote
    marks stay."""
    name = by_genre("ministry's white paper excerpt")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    footnotes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(footnotes) == len(marked) == 2
    assert footnotes <= gone and not marked & gone
    assert {"Meld. St. 00 (2024–2025) Melding til Stortinget", "5", "7", "9"} <= gone


def test_faq_questions():
    """The Nynorsk FAQ keeps its four questions; its contact block goes."""
    name = by_genre("nynorsk municipal faq")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    questions = [line for line in lines if line.endswith("?")]
    assert len(questions) == 4 and not set(questions) & gone
    assert {"Servicetorget", "Telefon: 53 00 00 00"} <= gone


def test_shared_projects():
    """The invented projects PENSIDIG and SENIORLOG each show in two documents."""
    for project, names in PROJECTS.items():
        for name in names:
            assert project in CANDLE.labels[name]["title"] + CANDLE.labels[name]["notes"]
