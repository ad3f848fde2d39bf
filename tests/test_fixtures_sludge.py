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

The import is never run here: the shared helpers of tests/fixturesets.py read the CSVs, the
visible lines, the saved pages' markup and the set README.
"""

import re

import fixturesets as fs
import pytest

SLUDGE = fs.LabelledSet(fs.SETS / "sludge")
NAMES = SLUDGE.on_disk

HEAD_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

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

IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern in (
    ("phone", r"(?:Telefon|Phone): (?P<id>[0-9][0-9 -]*[0-9])"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    ("ISBN", r"ISBN (?P<id>[0-9-]+)"),
    ("ISSN", r"ISSN (?P<id>[0-9-]+)"),
    ("report number", r"(?:Rapport|Working Paper) (?P<id>[0-9]+)/20\d\d"),
    ("reference", r"Deres ref\.: (?P<id>2[0-9]/[0-9]{4,5})$"),
    ("postal box", r"(?:Postboks|Box) (?P<id>[0-9]+)"),
    ("project number", r"(?:nummer: |^)(?P<id>[0-9]{6})$"),
)}
FILLED = {"phone": re.compile(r"(?:[1-9][0-9] |0[0-9]{1,3}[- ]|[1-9][0-9]{2} )[0 -]+"),
          "ISBN": re.compile(r"978-82-[0-]+"),
          "reference": re.compile(r"2[0-9]/0+")}
LEADERS = re.compile(r"\.{10,} \d+$")
DIGIDOD = ("h07_krisepsykologi_prosjekt_digidod_katalogside_en_nb.html",
           "t02_krisepsykologi_working_paper_digidod_baseline_en_nb.txt",
           "m02_digidod_project_notes_en.md")


def dropped(name: str) -> set[str]:
    return SLUDGE.debris_of(name)


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in SLUDGE.prose if row["file"] == name]


def opening(words: str) -> str:
    """The one document whose notes open with these lower-case words."""
    found = [name for name in NAMES if SLUDGE.labels[name]["notes"].lower().startswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


@pytest.mark.parametrize("name", NAMES)
def test_document(name):
    """Shared label and placement checks, the saved page's head and fields, the type the
    notes' genre names, and later years in prose named in the evidence."""
    label = SLUDGE.labels[name]
    SLUDGE.document_check(name)
    if name.endswith(".html"):
        SLUDGE.page_check(name, HEAD_DATES)
    genre = label["notes"].lower().split(" (", 1)[0]
    assert [t for t, rule in GENRE_TYPE.items() if rule.search(genre)] == [label["doc_type"]]
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s)
                 if int(y) > int(label["year"])}
        assert all(y in label["year_evidence"] for y in later), later


def test_files_readme_and_size():
    fs.files_check(SLUDGE.folder, SLUDGE.labels)
    fs.readme_check(SLUDGE.folder, SLUDGE.labels, SLUDGE.debris, SLUDGE.prose)
    fs.size_check(SLUDGE.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})


def test_brief_genres():
    assert fs.missing_genres(SLUDGE.labels, ASKED) == {}


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
    name = opening("social insurance agency's page on survivors' pension")
    lines = SLUDGE.lines[name]
    steps = [line for line in lines if line.startswith(("Log in to the self", "Choose "))]
    assert len(steps) == 2 and not set(steps) & dropped(name)
    assert "How to apply" in lines and "How to apply" not in dropped(name)
    assert {"Chat with us", "Start chat", "Was this page helpful?"} <= dropped(name)


def test_news_comments():
    name = opening("newspaper's news item with reader comments")
    comments = [line for line in SLUDGE.lines[name] if re.match(r"\w+: ", line)]
    assert len(comments) >= 2 and set(comments) <= dropped(name)
    assert "2 kommentarer" in dropped(name) and "Kommentarer" not in dropped(name)
    assert any(s.startswith("–") for s in sentences(name))


def test_consultation_paper_furniture():
    """The ministry paper's footnotes, running head and page numbers go; the lines carrying
    the footnote marks stay."""
    name = opening("ministry's consultation paper excerpt")
    lines = SLUDGE.lines[name]
    notes = [line for line in lines if line[:1] in "¹²"]
    marked = [line for line in lines if line[-1:] in "¹²"]
    assert len(notes) == 2 and set(notes) <= dropped(name)
    assert len(marked) == 2 and not set(marked) & dropped(name)
    assert {"Ds 2025:00", "3", "5", "7"} <= dropped(name)


def test_faq_questions_stay():
    name = opening("faq in nynorsk")
    questions = [line for line in SLUDGE.lines[name] if line.endswith("?")]
    kept = [q for q in questions if q not in dropped(name)]
    assert len(kept) == 4 and "Var denne sida nyttig?" in dropped(name)


def test_shared_project():
    """One invented project, DIGIDØD, shows in its catalogue page, working paper and notes."""
    for name in DIGIDOD:
        assert "DIGIDØD" in SLUDGE.labels[name]["title"] + SLUDGE.labels[name]["notes"]
