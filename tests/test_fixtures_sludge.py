"""Checks of the sludge fixture set (tests/fixtures/exported/sludge), written blind.

Its brief: when someone dies, survivors' benefits, funeral grants and estates going digital. A
social insurance agency's page on survivors' pension (a step list and a chat widget); a Danish
page on the funeral grant's digital application; a Swedish page on the estate inventory; a
court administration's guidance on probate forms; a ministry's consultation paper excerpt (a
PDF with contents and footnotes); a funeral directors' association's statement; a bank
association's press release; a research project's catalogue page and its working paper; a
seminar programme with clock times glued to talk titles; journal abstracts (one bilingual); a
newspaper's news item with reader comments; an FAQ in Nynorsk. English, Bokmål, Nynorsk,
Danish, Swedish.

Nothing here imports a document. fixturesets.py reads the three CSVs, each file's visible
lines and each saved page's markup, and the README's tables.
"""

import re

import fixturesets as fs
import pytest

SLUDGE = fs.LabelledSet(fs.SETS / "sludge")
NAMES = SLUDGE.on_disk
# The head fields whose dates must give the labelled year first.
HEAD_DATES = set("""dcterms.modified article:published_time article:modified_time
citation_publication_date event:start_time""".split())

# How many documents' notes must name each phrase of the brief (lower case), one phrase a
# line with its least number at the end.
ASKED_LINES = """
social insurance agency's page on survivors' pension 1
with a step list and a chat widget 1
page on the funeral grant's digital application 1
estate inventory 1
court administration's guidance on probate forms 1
ministry's consultation paper excerpt 1
contents with dot leaders 3
footnote 2
funeral directors' association's statement 2
bank association's press release 2
research project's catalogue page 3
research project's working paper 1
clock times glued to talk titles 5
journal abstract 6
journal abstract in two languages 3
news item with reader comments 1
faq in nynorsk 1
field labels 3
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type.
GENRE_LINES = r"""
other: 's page on|press release|news item|faq|advice page|council's page|company's page
policy_document: guidance|statement|consultation|agency report
project_report: research project's
abstract: abstract
event_programme: programme
"""
GENRE_TYPE = {kind: re.compile(rule) for kind, rule in
              (line.split(": ", 1) for line in GENRE_LINES.strip().splitlines())}

# Identifiers by kind: the pattern (its digits in the group `id`) after " := ", and for some
# kinds the zero-filled form after " ~ ". Every kind must occur, every one zero-filled.
IDENTIFIER_LINES = r"""
phone := (?:Telefon|Phone): (?P<id>\d[\d -]*\d) ~ (?:[1-9]\d |0\d{1,3}[- ]|[1-9]\d\d )[0 -]+
organisation number := (?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])
ISBN := ISBN (?P<id>[0-9-]+) ~ 978-82-[0-]+
ISSN := ISSN (?P<id>[0-9-]+)
report number := (?:Rapport|Working Paper) (?P<id>[0-9]+)/20\d\d
reference := Deres ref\.: (?P<id>2[0-9]/[0-9]{4,5})$ ~ 2[0-9]/0+
postal box := (?:Postboks|Box) (?P<id>[0-9]+)
project number := (?:nummer: |^)(?P<id>[0-9]{6})$
"""
IDENTIFIERS, FILLED = {}, {}
for entry in IDENTIFIER_LINES.strip().splitlines():
    kind, rule = entry.split(" := ")
    pattern, _, filled = rule.partition(" ~ ")
    IDENTIFIERS[kind] = re.compile(pattern)
    if filled:
        FILLED[kind] = re.compile(filled)
LEADERS = re.compile(r"\.{10,} \d+$")
DIGIDOD = ("h07_krisepsykologi_prosjekt_digidod_katalogside_en_nb.html",
           "t02_krisepsykologi_working_paper_digidod_baseline_en_nb.txt",
           "m02_digidod_project_notes_en.md")


PROSE: dict[str, list[str]] = {}
for row in SLUDGE.prose:
    PROSE.setdefault(row["file"], []).append(row["sentence"])
OPENING = {label["notes"].split(" (", 1)[0].lower(): name for name, label in SLUDGE.labels.items()}


def dropped(name: str) -> set[str]:
    return SLUDGE.debris_of(name)


def by_genre(genre: str) -> str:
    """The one document whose notes open with exactly this genre."""
    assert genre in OPENING and list(OPENING.values()).count(OPENING[genre]) == 1, genre
    return OPENING[genre]


def genre_types(label: dict) -> list[str]:
    genre = label["notes"].lower().split(" (", 1)[0]
    return [kind for kind, rule in GENRE_TYPE.items() if rule.search(genre)]


def unnamed_later_years(name: str) -> set[str]:
    """Years in the document's prose after its labelled year that its evidence does not name."""
    label = SLUDGE.labels[name]
    if not label["year"]:
        return set()
    years = {y for sentence in PROSE[name] for y in fs.YEAR.findall(sentence)}
    return {y for y in years if int(y) > int(label["year"]) and y not in label["year_evidence"]}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules; for saved pages the head and field rules; one type
    named by the notes' genre; later years in prose named in the evidence."""
    SLUDGE.document_check(name)
    if name in SLUDGE.pages:
        SLUDGE.page_check(name, HEAD_DATES)
    assert genre_types(SLUDGE.labels[name]) == [SLUDGE.labels[name]["doc_type"]]
    assert unnamed_later_years(name) == set()


FORMAT_BOUNDS = {"html": (17, 19), "txt": (15, 17), "md": (1, 2)}


def test_whole_set():
    """The files in order with CRLF CSVs, the README's tables, size and formats, and the
    brief's genres named in the notes as often as asked."""
    folder, labels = SLUDGE.folder, SLUDGE.labels
    fs.files_check(folder, labels)
    fs.size_check(labels, FORMAT_BOUNDS)
    assert fs.missing_genres(labels, ASKED) == {}
    fs.readme_check(folder, labels, SLUDGE.debris, SLUDGE.prose)


def test_languages():
    fs.language_check(SLUDGE.labels, {"en": 15, "nb": 11, "nn": 5, "da": 6, "sv": 6}, 4)
    bilingual = [label for label in SLUDGE.labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 8
    assert sum(label["doc_type"] == "abstract" for label in bilingual) >= 3


def test_years_and_traps():
    fs.trap_check(SLUDGE.labels, SLUDGE.prose, SLUDGE.lines)
    traps = fs.year_traps(SLUDGE.labels, SLUDGE.prose, SLUDGE.lines)
    assert len(traps["bare"]) >= 4 and len(traps["other_years"]) >= 4
    assert len(traps["ahead"]) >= 5


def test_glued_programmes():
    """Every programme glues times to titles, and no glued line is debris."""
    programmes = [n for n, label in SLUDGE.labels.items()
                  if label["doc_type"] == "event_programme"]
    glued = fs.year_traps(SLUDGE.labels, SLUDGE.prose, SLUDGE.lines)["glued"]
    assert sorted(programmes) == sorted(glued)
    assert not [(n, line) for n in glued for line in SLUDGE.lines[n]
                if fs.GLUED_TIME.search(line) and line in dropped(n)]


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(SLUDGE.lines, IDENTIFIERS, FILLED)
    assert set(seen) == set(IDENTIFIERS) and wrong == []


def test_fields_and_leaders():
    """Field lists on at least eight saved pages, Markdown field lines and dot-leader contents
    lines all debris."""
    assert SLUDGE.field_pages() >= 8
    assert SLUDGE.kept_markdown_fields() == []
    kept = [(n, line) for n in NAMES for line in SLUDGE.lines[n]
            if LEADERS.search(line) and line not in dropped(n)]
    assert kept == []


def test_survivors_pension_page():
    """The step list and the heading stay; the chat widget and feedback go."""
    name = by_genre("social insurance agency's page on survivors' pension")
    lines = SLUDGE.lines[name]
    steps = [line for line in lines if line.startswith(("Log in to the self", "Choose "))]
    assert len(steps) == 2 and not set(steps) & dropped(name)
    assert "How to apply" in lines and "How to apply" not in dropped(name)
    assert {"Chat with us", "Start chat", "Was this page helpful?"} <= dropped(name)


def test_news_comments():
    name = by_genre("newspaper's news item with reader comments")
    comments = [line for line in SLUDGE.lines[name] if re.match(r"\w+: ", line)]
    assert len(comments) >= 2 and set(comments) <= dropped(name)
    assert "2 kommentarer" in dropped(name) and "Kommentarer" not in dropped(name)
    assert any(s.startswith("–") for s in PROSE[name])


def test_consultation_paper_furniture():
    """The ministry paper's footnotes, running head and page numbers go; the lines carrying
    the footnote marks stay."""
    name = by_genre("ministry's consultation paper excerpt")
    lines = SLUDGE.lines[name]
    notes = [line for line in lines if line[:1] in "¹²"]
    marked = [line for line in lines if line[-1:] in "¹²"]
    assert len(notes) == 2 and set(notes) <= dropped(name)
    assert len(marked) == 2 and not set(marked) & dropped(name)
    assert {"Ds 2025:00", "3", "5", "7"} <= dropped(name)


def test_faq_questions_stay():
    name = by_genre("faq in nynorsk")
    questions = [line for line in SLUDGE.lines[name] if line.endswith("?")]
    kept = [q for q in questions if q not in dropped(name)]
    assert len(kept) == 4 and "Var denne sida nyttig?" in dropped(name)


def test_shared_project():
    """One invented project, DIGIDØD, shows in its catalogue page, working paper and notes."""
    for name in DIGIDOD:
        assert "DIGIDØD" in SLUDGE.labels[name]["title"] + SLUDGE.labels[name]["notes"]
