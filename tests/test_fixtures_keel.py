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

The test reads the set only through fixturesets.py (CSV rows, visible lines, saved pages'
markup, README tables); it never runs the import.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

KEEL = fs.LabelledSet(fs.SETS / "keel")
NAMES = KEEL.on_disk
HEAD_DATES = {"dcterms.modified", "article:published_time", "article:modified_time",
              "citation_publication_date", "event:start_time"}

# Phrases of the brief (lower case) and how many documents' notes must name each at least.
ONCE = ("state housing bank", "automatic income check", "calculator widget", "cookie banner",
        "page on applying for a council flat through a digital form", "page on boligstøtte",
        "page on bostadsbidrag and its data exchange with the tax agency",
        "national audit office's report excerpt", "contents with dot leaders", "footnote",
        "tenants' union's statement", "ministry's white paper excerpt",
        "research project's catalogue page", "final report summary",
        "news item with a reader poll", "faq in nynorsk")
ASKED = dict.fromkeys(ONCE, 1) | {"clock times glued to talk titles": 5, "journal abstract": 5,
                                  "journal abstract in two languages": 2, "field labels": 3}

# Words in the genre a note opens with (up to its first " (") that name each type.
GENRE_TYPE = {
    "other": re.compile(r"'s page on|citizen-service page|news item|faq"),
    "policy_document": re.compile(
        r"statement|response|report excerpt|white paper|action plan|fund's report|position"),
    "project_report": re.compile(r"research project's"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Each kind of identifier: its pattern (digits in the group `id`) and, where the zeros sit in
# a fixed frame, the zero-filled form; without one, the id may hold only zeros and separators.
PHONE_FILLED = r"(?:[1-9]\d |0\d{1,3}[- ]|[1-9]\d\d )[0 -]+"
IDENTIFIERS = {
    "phone": re.compile(r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)"),
    "organisation number": re.compile(r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    "ISBN": re.compile(r"ISBN (?P<id>[0-9-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[0-9-]+)"),
    "report number": re.compile(r"(?:Rapport|Granskningsberättelser) (?P<id>[0-9]+)/20\d\d"),
    "white paper number": re.compile(r"Meld\. St\. (?P<id>[0-9]+) \("),
    "case number": re.compile(r"(?:Saksnummer: 2\d/|Fi 20\d\d/)(?P<id>[0-9]+)$"),
    "postal box": re.compile(r"(?:Postboks|Box) (?P<id>[0-9]+)"),
    "project number": re.compile(r"(?:number:(?:\*\*)? |^)(?P<id>[0-9]{6})$"),
}
FILLED = {"phone": re.compile(PHONE_FILLED), "ISBN": re.compile(r"978-(?:82|952)-[0-]+")}
LEADERS = re.compile(r"\.{10,} \d+$")
DIGIBUST = ("h10_uia_prosjekt_digibust_katalogside_en_nb.html",
            "t08_uia_sluttrapport_digibust_sammendrag_nb_en.txt",
            "m01_digibust_project_notes_work_packages_en.md")


SENTENCES = fs.debris_by_file(
    [{"file": row["file"], "line": row["sentence"]} for row in KEEL.prose])
GENRE_OF = {name: label["notes"].split(" (", 1)[0].lower()
            for name, label in KEEL.labels.items()}
DATED = {name: int(label["year"]) for name, label in KEEL.labels.items() if label["year"]}


def the_one(genre: str) -> tuple[str, list[str], set[str]]:
    """The single document whose notes open with `genre`: its name, visible lines, debris."""
    matches = [name for name, opening in GENRE_OF.items() if opening == genre]
    assert len(matches) == 1, (genre, matches)
    return matches[0], KEEL.lines[matches[0]], KEEL.debris_of(matches[0])


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules; for saved pages the head and field rules; the genre
    the notes open with names the labelled type and no other; every year in a prose sentence
    later than the labelled year is quoted in the evidence."""
    label = KEEL.labels[name]
    KEEL.document_check(name)
    if name.endswith(".html"):
        KEEL.page_check(name, HEAD_DATES)
    named = {kind for kind, rule in GENRE_TYPE.items() if rule.search(GENRE_OF[name])}
    assert named == {label["doc_type"]}, (GENRE_OF[name], named)
    later = {year for sentence in SENTENCES[name] for year in fs.YEAR.findall(sentence)
             if name in DATED and int(year) > DATED[name]}
    assert all(year in label["year_evidence"] for year in later), later


def test_set_files_tables_and_brief():
    """CSV files (CRLF, one label row a document in file order), the README's count tables and
    overview, the size and formats, the brief's genres in the notes, and the languages."""
    fs.files_check(KEEL.folder, KEEL.labels)
    fs.readme_check(KEEL.folder, KEEL.labels, KEEL.debris, KEEL.prose)
    fs.size_check(KEEL.labels, {"html": (17, 20), "txt": (15, 18), "md": (1, 2)})
    assert not fs.missing_genres(KEEL.labels, ASKED)
    fs.language_check(KEEL.labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 6}, 3)
    two = Counter(label["doc_type"] for label in KEEL.labels.values()
                  if ";" in label["languages"])
    assert sum(two.values()) >= 6 and two["abstract"] >= 2, two


def test_year_situations_and_timetables():
    """Three or more documents of each year situation; every programme, and only programmes,
    glue clock times to talk titles, and no glued line is debris."""
    fs.trap_check(KEEL.labels, KEEL.prose, KEEL.lines)
    found = fs.year_traps(KEEL.labels, KEEL.prose, KEEL.lines)
    assert min(len(found[key]) for key in ("bare", "other_years", "ahead")) >= 3
    programmes = {name for name, label in KEEL.labels.items()
                  if label["doc_type"] == "event_programme"}
    assert set(found["glued"]) == programmes
    for name in programmes:
        glued = {line for line in KEEL.lines[name] if fs.GLUED_TIME.search(line)}
        assert not glued & KEEL.debris_of(name), name


def test_identifiers_fields_and_contents():
    """Every kind of identifier occurs and is zero-filled; three saved pages hold field lists;
    Markdown field lines and dot-leader contents lines are debris."""
    seen, wrong = fs.identifier_misses(KEEL.lines, IDENTIFIERS, FILLED)
    assert sorted(seen) == sorted(IDENTIFIERS), seen
    assert not wrong, wrong
    assert KEEL.field_pages() >= 3 and not KEEL.kept_markdown_fields()
    for name in NAMES:
        leaders = {line for line in KEEL.lines[name] if LEADERS.search(line)}
        assert leaders <= KEEL.debris_of(name), name


def test_income_check_page():
    """The calculator widget and cookie banner go; the heading and the income sentences stay."""
    name, _, debris = the_one("agency's page on the housing benefit's automatic income check")
    assert {"Benefit calculator", "Calculate", "Monthly rent", "Accept all",
            "Cookie settings"} <= debris
    assert "What happens when your income changes" not in debris
    assert any("Skatturinn" in sentence for sentence in SENTENCES[name])


def test_news_poll():
    """The reader poll (question, answers, count) is debris; a quotation is prose."""
    name, lines, debris = the_one("local newspaper's news item with a reader poll")
    asked = {line for line in lines if line.endswith("?")}
    assert asked and asked <= debris
    assert {"1 204 har stemt", "Se resultat", "Ja", "Nei"} <= debris
    assert any(sentence.startswith("–") for sentence in SENTENCES[name])


def test_audit_report_furniture():
    """The audit report's footnote, contents and page numbers go; the line with the footnote
    mark stays."""
    _, lines, debris = the_one("national audit office's report excerpt")
    footnotes = [line for line in lines if line.startswith("¹")]
    marked = [line for line in lines if line.endswith("¹")]
    assert len(footnotes) == len(marked) == 1
    assert footnotes[0] in debris and marked[0] not in debris
    assert {"Innehåll", "3", "5"} <= debris


def test_faq_questions_stay():
    _, lines, debris = the_one("faq in nynorsk")
    questions = {line for line in lines if line.endswith("?")}
    assert len(questions - debris) == 4 and "Var denne sida nyttig?" in debris


def test_shared_project():
    """One invented project, DIGIBUST, shows in its catalogue page, final report and notes."""
    for name in DIGIBUST:
        label = KEEL.labels[name]
        assert "DIGIBUST" in label["title"] or "DIGIBUST" in label["notes"], name
