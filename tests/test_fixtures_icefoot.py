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

Nothing here imports a document. fixturesets.py reads the three CSVs, each file's visible
lines and each saved page's markup, and the README's tables.
"""

import re

import fixturesets as fs
import pytest

ICEFOOT = fs.LabelledSet(fs.SETS / "icefoot")
NAMES = ICEFOOT.on_disk
HEAD_DATES = set("""dcterms.modified article:published_time article:modified_time
citation_publication_date event:start_time""".split())

# How many documents' notes must name each phrase of the brief (lower case), one phrase a
# line with its least number at the end.
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
IDENTIFIERS, FILLED = {}, {}
for entry in IDENTIFIER_LINES.strip().splitlines():
    kind, rule = entry.split(" := ")
    pattern, _, filled = rule.partition(" ~ ")
    IDENTIFIERS[kind] = re.compile(pattern)
    if filled:
        FILLED[kind] = re.compile(filled)
LEADERS = re.compile(r"\.{10,} \d+$")
DIGISOS = ("h07_nordvik_prosjekt_digisos_katalogside_en_nb.html",
           "t02_nordvik_working_paper_digisos_baseline_en_nb.txt")

PROSE: dict[str, list[str]] = {}
for row in ICEFOOT.prose:
    PROSE.setdefault(row["file"], []).append(row["sentence"])
OPENING = {label["notes"].split(" (", 1)[0].lower(): name for name, label in ICEFOOT.labels.items()}


def dropped(name: str) -> set[str]:
    return ICEFOOT.debris_of(name)


def by_genre(start: str) -> str:
    """The one document whose notes open with this phrase."""
    found = [name for genre, name in OPENING.items() if genre.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def genre_types(label: dict) -> list[str]:
    genre = label["notes"].lower().split(" (", 1)[0]
    return [kind for kind, rule in GENRE_TYPE.items() if rule.search(genre)]


def unnamed_later_years(name: str) -> set[str]:
    """Years in the document's prose after its labelled year that its evidence does not name."""
    label = ICEFOOT.labels[name]
    if not label["year"]:
        return set()
    years = {y for sentence in PROSE[name] for y in fs.YEAR.findall(sentence)}
    return {y for y in years if int(y) > int(label["year"]) and y not in label["year_evidence"]}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules; for saved pages the head and field rules; one type
    named by the notes' genre; later years in prose named in the evidence."""
    ICEFOOT.document_check(name)
    if name in ICEFOOT.pages:
        ICEFOOT.page_check(name, HEAD_DATES)
    assert genre_types(ICEFOOT.labels[name]) == [ICEFOOT.labels[name]["doc_type"]]
    assert unnamed_later_years(name) == set()


FORMAT_BOUNDS = {"html": (17, 20), "txt": (15, 18), "md": (1, 2)}


def test_whole_set():
    """The files in order with CRLF CSVs, the README's tables, size and formats, and the
    brief's genres named in the notes as often as asked."""
    folder, labels = ICEFOOT.folder, ICEFOOT.labels
    fs.files_check(folder, labels)
    fs.size_check(labels, FORMAT_BOUNDS)
    assert fs.missing_genres(labels, ASKED) == {}
    fs.readme_check(folder, labels, ICEFOOT.debris, ICEFOOT.prose)


def test_languages():
    fs.language_check(ICEFOOT.labels, {"en": 14, "nb": 11, "nn": 5, "da": 5, "sv": 5}, 3)
    bilingual = [label for label in ICEFOOT.labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6
    assert sum(label["doc_type"] == "abstract" for label in bilingual) >= 3


def test_years_and_traps():
    fs.trap_check(ICEFOOT.labels, ICEFOOT.prose, ICEFOOT.lines)
    traps = fs.year_traps(ICEFOOT.labels, ICEFOOT.prose, ICEFOOT.lines)
    assert len(traps["bare"]) >= 4 and len(traps["other_years"]) >= 4
    assert len(traps["ahead"]) >= 6


def test_glued_programmes():
    """Every programme glues times to titles, and no glued line is debris."""
    programmes = [n for n, label in ICEFOOT.labels.items()
                  if label["doc_type"] == "event_programme"]
    glued = fs.year_traps(ICEFOOT.labels, ICEFOOT.prose, ICEFOOT.lines)["glued"]
    assert sorted(programmes) == sorted(glued)
    assert not [(n, line) for n in glued for line in ICEFOOT.lines[n]
                if fs.GLUED_TIME.search(line) and line in dropped(n)]


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(ICEFOOT.lines, IDENTIFIERS, FILLED, "0 /-.")
    assert set(seen) == set(IDENTIFIERS) and wrong == []


def test_fields_and_leaders():
    """Field lists on at least six saved pages, Markdown field lines and dot-leader contents
    lines all debris."""
    assert ICEFOOT.field_pages() >= 6
    assert ICEFOOT.kept_markdown_fields() == []
    kept = [(n, line) for n in NAMES for line in ICEFOOT.lines[n]
            if LEADERS.search(line) and line not in dropped(n)]
    assert kept == []


def test_nav_office_page():
    """The three steps and the heading stay; the login box and the chat widget go."""
    name = by_genre("municipality's nav office page on applying")
    lines = ICEFOOT.lines[name]
    steps = [line for line in lines if line.startswith(("Logg inn med BankID", "Fyll ut", "Send "))]
    assert len(steps) == 3 and not set(steps) & dropped(name)
    assert "Slik søker du" in lines and "Slik søker du" not in dropped(name)
    assert {"Logg inn med ID-porten", "Chat med Nav", "Start chat"} <= dropped(name)


def test_trade_magazine_comments():
    name = by_genre("news item from a trade magazine")
    comments = [line for line in ICEFOOT.lines[name] if re.match(r"\w+: ", line)]
    assert len(comments) >= 3 and set(comments) <= dropped(name)
    assert "3 kommentarer" in dropped(name) and "Kommentarer" not in dropped(name)
    assert any(s.startswith("–") for s in PROSE[name])


def test_supervision_report_furniture():
    """The report's footnotes, running head and page numbers go; the lines carrying the
    footnote marks stay."""
    name = by_genre("county governor's supervision report")
    lines = ICEFOOT.lines[name]
    notes = [line for line in lines if line[:1] in "¹²"]
    marked = [line for line in lines if line[-1:] in "¹²"]
    assert len(notes) == 2 and set(notes) <= dropped(name)
    assert len(marked) == 2 and not set(marked) & dropped(name)
    assert {"Tilsynsrapport – Nav Nordkyst", "2", "3", "4"} <= dropped(name)


def test_thesis_record_fields():
    """The thesis record's fields are debris; its two abstracts' headings stay."""
    name = by_genre("master's thesis record")
    assert {"Forfatter", "Dato", "Type", "Emneord"} <= dropped(name)
    assert not {"Sammendrag", "Abstract"} & dropped(name)


def test_shared_project():
    """One invented project, DIGISOS, shows in its catalogue page and working paper."""
    for name in DIGISOS:
        assert "DIGISOS" in ICEFOOT.labels[name]["title"] + ICEFOOT.labels[name]["notes"]
