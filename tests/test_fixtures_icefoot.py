"""Checks of the icefoot fixture set (tests/fixtures/exported/icefoot), written blind.

Its brief: social assistance (economic assistance of last resort) and its digital casework. A
municipality's NAV office page on applying online (a step list, a login box and a chat widget);
a Swedish municipality's page on automated decisions in ekonomiskt bistånd; a Danish job
centre's page on digital appointments; a county governor's supervision report excerpt (a PDF
with running headers, page numbers and footnotes); a directorate's guidance on documentation in
the case system; a social workers' union's position paper; a welfare researchers' network's
call for papers; a research project's catalogue page and its working paper; a webinar
programme with clock times glued to talk titles; journal abstracts (one bilingual); a news item
from a trade magazine for social workers with comments; a master's thesis record in a
university archive (with its fields); a Nynorsk user guide. English, Bokmål, Nynorsk, Danish,
Swedish.

The import is never run: the set is read once through fixturesets.LabelledSet (labels,
debris and prose rows, visible lines, saved pages) and checked by its shared helpers.
"""

import re

import fixturesets as fs
import pytest

ICEFOOT = fs.LabelledSet(fs.SETS / "icefoot")
NAMES = ICEFOOT.on_disk
# The head fields that carry a date on these saved pages; each must name the labelled year.
HEAD_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

# The brief's phrases (lower case) that the notes must name, each followed by how many
# documents' notes must name it at least.
ASKED_LINES = """
municipality's nav office page on applying for social assistance online 1
with a step list, a login box and a chat widget 1
swedish municipality's page on automated decisions 1
danish job centre's page on digital appointments 1
county governor's supervision report excerpt 1
running headers, page numbers and footnotes 1
directorate's guidance on documentation in the case system 1
social workers' union's position paper 1
welfare researchers' network's call for papers 1
research project's catalogue page 3
research project's working paper 1
clock times glued to talk titles 5
journal abstract 5
journal abstract in two languages 2
news item from a trade magazine for social workers with comments 1
master's thesis record in a university archive 1
nynorsk user guide 1
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type.
GENRE_LINES = r"""
other: page on|page in|call for papers|news item|user guide|blog post
policy_document: guidance|position paper|supervision report|policy brief|plan|agency report
project_report: research project's|final report
abstract: abstract|thesis record
event_programme: programme
"""
GENRE_TYPE = {kind: re.compile(rule) for kind, rule in
              (line.split(": ", 1) for line in GENRE_LINES.strip().splitlines())}

# Identifiers by kind: the pattern (its digits in the group `id`) after " := ", and for some
# kinds the zero-filled form after " ~ ". Every kind must occur, every one zero-filled.
IDENTIFIER_LINES = r"""
phone := (?:Telefon|Phone): (?P<id>\d[\d -]*\d) ~ (?:[1-9]\d |0\d{1,3}[- ])[0 -]+
organisation number := (?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])
ISBN := ISBN (?P<id>[0-9-]+) ~ 978-82-[0-]+
ISSN := ISSN (?P<id>[0-9-]+)
report number := (?:Rapport|Report|Working Paper) (?P<id>[0-9]+)/20\d\d
case number := Saksnummer: 20\d\d/(?P<id>[0-9]+)$ ~ 0{5}
DOI := 10\.0000/[a-z]+\.(?P<id>[0-9.]*[0-9])
postal box := (?:Postboks|Box) (?P<id>[0-9]+)
project number := (?:^)(?P<id>[0-9]{6})$
"""
RULES = [(kind, *rule.partition(" ~ ")[::2]) for kind, rule in
         (entry.split(" := ") for entry in IDENTIFIER_LINES.strip().splitlines())]
IDENTIFIERS = {kind: re.compile(found) for kind, found, _ in RULES}
FILLED = {kind: re.compile(filled) for kind, _, filled in RULES if filled}
LEADERS = re.compile(r"\.{10,} \d+$")
DIGISOS = ("h07_nordvik_prosjekt_digisos_katalogside_en_nb.html",
           "t02_nordvik_working_paper_digisos_baseline_en_nb.txt")

PROSE = {name: [row["sentence"] for row in ICEFOOT.prose if row["file"] == name] for name in NAMES}
TRAPS = fs.year_traps(ICEFOOT.labels, ICEFOOT.prose, ICEFOOT.lines)


def by_genre(start: str) -> str:
    """The one document whose notes open with this phrase."""
    found = [name for name, label in ICEFOOT.labels.items()
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
    label = ICEFOOT.labels[name]
    ICEFOOT.document_check(name)
    if name.endswith(".html"):
        ICEFOOT.page_check(name, HEAD_DATES)
    assert typed_by_notes(label["notes"]) == {label["doc_type"]}
    assert later_unnamed(label, PROSE[name]) == set()


def test_set_as_a_whole():
    """Files, CSV line ends and README tables; size, formats and types; the brief's genres;
    languages and bilingual abstracts; the year situations and traps."""
    labels = ICEFOOT.labels
    fs.files_check(ICEFOOT.folder, labels)
    fs.readme_check(ICEFOOT.folder, labels, ICEFOOT.debris, ICEFOOT.prose)
    fs.size_check(labels, {"html": (17, 20), "txt": (15, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, ASKED) == {}
    fs.language_check(labels, {"en": 14, "nb": 11, "nn": 5, "da": 5, "sv": 5}, 3)
    two = [label["doc_type"] for label in labels.values() if ";" in label["languages"]]
    assert len(two) >= 6 and two.count("abstract") >= 3
    fs.trap_check(labels, ICEFOOT.prose, ICEFOOT.lines)
    least = {"bare": 4, "other_years": 4, "ahead": 6}
    assert {key: len(TRAPS[key]) for key in least if len(TRAPS[key]) < least[key]} == {}


def test_programmes_and_markup():
    """Programmes and only they glue times to titles, and keep those lines; identifiers are
    zero-filled; six saved pages hold field lists; Markdown field lines and dot-leader lines
    are debris."""
    programmes = {name for name, label in ICEFOOT.labels.items()
                  if label["doc_type"] == "event_programme"}
    assert set(TRAPS["glued"]) == programmes
    for name in programmes:
        glued = {line for line in ICEFOOT.lines[name] if fs.GLUED_TIME.search(line)}
        assert not glued & ICEFOOT.debris_of(name), name
    seen, wrong = fs.identifier_misses(ICEFOOT.lines, IDENTIFIERS, FILLED, "0 /-.")
    assert sorted(seen) == sorted(IDENTIFIERS) and not wrong, wrong
    assert ICEFOOT.field_pages() >= 6 and not ICEFOOT.kept_markdown_fields()
    leaders = {(name, line) for name in NAMES for line in ICEFOOT.lines[name]
               if LEADERS.search(line)}
    assert leaders and all(line in ICEFOOT.debris_of(name) for name, line in leaders)


def test_nav_office_page():
    """The three steps and the heading stay; the login box and the chat widget go."""
    name = by_genre("municipality's nav office page on applying")
    lines, gone = ICEFOOT.lines[name], ICEFOOT.debris_of(name)
    steps = [line for line in lines if line.startswith(("Logg inn med BankID", "Fyll ut", "Send "))]
    assert len(steps) == 3 and not gone & {*steps, "Slik søker du"}
    assert "Slik søker du" in lines
    assert {"Logg inn med ID-porten", "Chat med Nav", "Start chat"} <= gone


def test_trade_magazine_comments():
    """Comments signed with handles and their count go; the heading and the quotation stay."""
    name = by_genre("news item from a trade magazine")
    gone = ICEFOOT.debris_of(name)
    signed = {line for line in ICEFOOT.lines[name] if re.match(r"\w+: ", line)}
    assert len(signed) >= 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    assert [s for s in PROSE[name] if s.startswith("– ")]


def test_supervision_report_furniture():
    """Footnotes, running head and page numbers go; the lines with footnote marks stay."""
    name = by_genre("county governor's supervision report")
    lines, gone = ICEFOOT.lines[name], ICEFOOT.debris_of(name)
    footnotes = {line for line in lines if line.startswith(("¹", "²"))}
    marked = {line for line in lines if line.endswith(("¹", "²"))}
    assert len(footnotes) == len(marked) == 2
    assert footnotes <= gone and not marked & gone
    assert {"Tilsynsrapport – Nav Nordkyst", "2", "3", "4"} <= gone


def test_thesis_record_fields():
    """The thesis record's fields are debris; its two abstracts' headings stay."""
    gone = ICEFOOT.debris_of(by_genre("master's thesis record"))
    assert {"Forfatter", "Dato", "Type", "Emneord"} <= gone
    assert not {"Sammendrag", "Abstract"} & gone


def test_shared_project():
    """One invented project, DIGISOS, shows in its catalogue page and working paper."""
    for name in DIGISOS:
        assert "DIGISOS" in ICEFOOT.labels[name]["title"] + ICEFOOT.labels[name]["notes"]
