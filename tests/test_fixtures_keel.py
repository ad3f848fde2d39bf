"""Checks of the keel fixture set (tests/fixtures/exported/keel), written blind.

Its brief: housing allowances and social housing going digital. A state housing bank's page on
the housing allowance's automatic income check (a calculator widget and a cookie banner); a
municipality's page on applying for a council flat through a digital form; a Danish page on
boligstøtte; a Swedish agency's page on bostadsbidrag and its data exchange with the tax agency;
a national audit office's report excerpt (a PDF with contents, dot leaders and footnotes); a
tenants' union's statement; a ministry's white paper excerpt; a research project's catalogue
page and its final report's summary; a housing conference's programme with clock times glued to
talk titles; journal abstracts (one bilingual); a local newspaper's news item with a reader
poll; a Nynorsk municipal FAQ. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here imports a document. fixturesets.py reads the three CSVs, each file's visible
lines and each saved page's markup, and the README's tables.
"""

import re

import fixturesets as fs
import pytest

KEEL = fs.LabelledSet(fs.SETS / "keel")
NAMES = KEEL.on_disk
# The head fields whose dates must give the labelled year first.
HEAD_DATES = set("""dcterms.modified article:published_time article:modified_time
citation_publication_date event:start_time""".split())

# How many documents' notes must name each phrase of the brief (lower case), one phrase a
# line with its least number at the end.
ASKED_LINES = """
state housing bank 1
automatic income check 1
calculator widget 1
cookie banner 1
page on applying for a council flat through a digital form 1
page on boligstøtte 1
page on bostadsbidrag and its data exchange with the tax agency 1
national audit office's report excerpt 1
contents with dot leaders 1
footnote 1
tenants' union's statement 1
ministry's white paper excerpt 1
research project's catalogue page 1
final report summary 1
clock times glued to talk titles 5
journal abstract 5
journal abstract in two languages 2
news item with a reader poll 1
faq in nynorsk 1
field labels 3
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type.
GENRE_LINES = r"""
other: 's page on|citizen-service page|news item|faq
policy_document: statement|response|report excerpt|white paper|action plan|fund's report|position
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
ISBN := ISBN (?P<id>[0-9-]+) ~ 978-(?:82|952)-[0-]+
ISSN := ISSN (?P<id>[0-9-]+)
report number := (?:Rapport|Granskningsberättelser) (?P<id>[0-9]+)/20\d\d
white paper number := Meld\. St\. (?P<id>[0-9]+) \(
case number := (?:Saksnummer: 2\d/|Fi 20\d\d/)(?P<id>[0-9]+)$
postal box := (?:Postboks|Box) (?P<id>[0-9]+)
project number := (?:number:(?:\*\*)? |^)(?P<id>[0-9]{6})$
"""
IDENTIFIERS, FILLED = {}, {}
for entry in IDENTIFIER_LINES.strip().splitlines():
    kind, rule = entry.split(" := ")
    pattern, _, filled = rule.partition(" ~ ")
    IDENTIFIERS[kind] = re.compile(pattern)
    if filled:
        FILLED[kind] = re.compile(filled)
LEADERS = re.compile(r"\.{10,} \d+$")
DIGIBUST = ("h10_uia_prosjekt_digibust_katalogside_en_nb.html",
            "t08_uia_sluttrapport_digibust_sammendrag_nb_en.txt",
            "m01_digibust_project_notes_work_packages_en.md")


PROSE: dict[str, list[str]] = {}
for row in KEEL.prose:
    PROSE.setdefault(row["file"], []).append(row["sentence"])
OPENING = {label["notes"].split(" (", 1)[0].lower(): name for name, label in KEEL.labels.items()}


def dropped(name: str) -> set[str]:
    return KEEL.debris_of(name)


def by_genre(genre: str) -> str:
    """The one document whose notes open with exactly this genre."""
    assert genre in OPENING and list(OPENING.values()).count(OPENING[genre]) == 1, genre
    return OPENING[genre]


def genre_types(label: dict) -> list[str]:
    genre = label["notes"].lower().split(" (", 1)[0]
    return [kind for kind, rule in GENRE_TYPE.items() if rule.search(genre)]


def unnamed_later_years(name: str) -> set[str]:
    """Years in the document's prose after its labelled year that its evidence does not name."""
    label = KEEL.labels[name]
    if not label["year"]:
        return set()
    years = {y for sentence in PROSE[name] for y in fs.YEAR.findall(sentence)}
    return {y for y in years if int(y) > int(label["year"]) and y not in label["year_evidence"]}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules; for saved pages the head and field rules; one type
    named by the notes' genre; later years in prose named in the evidence."""
    KEEL.document_check(name)
    if name in KEEL.pages:
        KEEL.page_check(name, HEAD_DATES)
    assert genre_types(KEEL.labels[name]) == [KEEL.labels[name]["doc_type"]]
    assert unnamed_later_years(name) == set()


FORMAT_BOUNDS = {"html": (17, 20), "txt": (15, 18), "md": (1, 2)}


def test_whole_set():
    """The files in order with CRLF CSVs, the README's tables, size and formats, and the
    brief's genres named in the notes as often as asked."""
    folder, labels = KEEL.folder, KEEL.labels
    fs.files_check(folder, labels)
    fs.size_check(labels, FORMAT_BOUNDS)
    assert fs.missing_genres(labels, ASKED) == {}
    fs.readme_check(folder, labels, KEEL.debris, KEEL.prose)


def test_languages():
    fs.language_check(KEEL.labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 6}, 3)
    bilingual = [label for label in KEEL.labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6
    assert sum(label["doc_type"] == "abstract" for label in bilingual) >= 2


def test_years_and_traps():
    fs.trap_check(KEEL.labels, KEEL.prose, KEEL.lines)
    traps = fs.year_traps(KEEL.labels, KEEL.prose, KEEL.lines)
    assert len(traps["bare"]) >= 3 and len(traps["other_years"]) >= 3
    assert len(traps["ahead"]) >= 3


def test_glued_programmes():
    """Every programme glues times to titles, and no glued line is debris."""
    programmes = [n for n, label in KEEL.labels.items()
                  if label["doc_type"] == "event_programme"]
    glued = fs.year_traps(KEEL.labels, KEEL.prose, KEEL.lines)["glued"]
    assert sorted(programmes) == sorted(glued)
    assert not [(n, line) for n in glued for line in KEEL.lines[n]
                if fs.GLUED_TIME.search(line) and line in dropped(n)]


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(KEEL.lines, IDENTIFIERS, FILLED)
    assert set(seen) == set(IDENTIFIERS) and wrong == []


def test_fields_and_leaders():
    """Field lists on three saved pages, Markdown field lines and dot-leader contents lines
    all debris."""
    assert KEEL.field_pages() >= 3
    assert KEEL.kept_markdown_fields() == []
    kept = [(n, line) for n in NAMES for line in KEEL.lines[n]
            if LEADERS.search(line) and line not in dropped(n)]
    assert kept == []


def test_income_check_page():
    """The calculator widget and cookie banner go; the heading and the income sentences stay."""
    name = by_genre("agency's page on the housing benefit's automatic income check")
    assert {"Benefit calculator", "Calculate", "Monthly rent", "Accept all",
            "Cookie settings"} <= dropped(name)
    assert "What happens when your income changes" not in dropped(name)
    assert any("Skatturinn" in s for s in PROSE[name])


def test_news_poll():
    name = by_genre("local newspaper's news item with a reader poll")
    question = [line for line in KEEL.lines[name] if line.endswith("?")]
    assert question and set(question) <= dropped(name)
    assert {"1 204 har stemt", "Se resultat", "Ja", "Nei"} <= dropped(name)
    assert any(s.startswith("–") for s in PROSE[name])


def test_audit_report_furniture():
    """The audit report's footnote, running head, page numbers and contents go; the line with
    the footnote mark stays."""
    name = by_genre("national audit office's report excerpt")
    lines = KEEL.lines[name]
    notes = [line for line in lines if line[:1] in "¹²"]
    marked = [line for line in lines if line[-1:] in "¹²"]
    assert len(notes) == 1 and set(notes) <= dropped(name)
    assert len(marked) == 1 and not set(marked) & dropped(name)
    assert {"Innehåll", "3", "5"} <= dropped(name)


def test_faq_questions_stay():
    name = by_genre("faq in nynorsk")
    questions = [line for line in KEEL.lines[name] if line.endswith("?")]
    kept = [q for q in questions if q not in dropped(name)]
    assert len(kept) == 4 and "Var denne sida nyttig?" in dropped(name)


def test_shared_project():
    """One invented project, DIGIBUST, shows in its catalogue page, final report and notes."""
    for name in DIGIBUST:
        assert "DIGIBUST" in KEEL.labels[name]["title"] + KEEL.labels[name]["notes"]
