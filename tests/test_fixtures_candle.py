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

Nothing here imports a document: fixturesets.LabelledSet reads the set once, and the checks
below are its shared helpers plus a few of this brief's own.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

CANDLE = fs.LabelledSet(fs.SETS / "candle")
NAMES = CANDLE.on_disk
# Date fields in the saved pages' <head>; where present they name the labelled year first.
HEAD_DATES = set("dcterms.modified article:published_time article:modified_time "
                 "citation_publication_date event:start_time".split())

# What the brief asks for, as phrases of the notes (lower case) and the fewest documents
# whose notes must hold each phrase.
ASKED = {
    "pension agency's page on the online pension calculator": 1,
    "with a login box, a chat widget and a cookie banner": 1,
    "danish pension information portal's page": 1,
    "swedish pension authority's page on the digital pension forecast": 1,
    "occupational pension fund's news item": 2,
    "pensioners' association's statement on paper letters": 2,
    "ministry's white paper excerpt": 1,
    "contents, dot leaders and footnotes": 1,
    "evaluation report's summary": 1,
    "research project's catalogue page": 2,
    "research project's report": 2,
    "seminar programme for pensioners' advisers": 5,
    "clock times glued to talk titles": 6,
    "journal abstract": 6,
    "journal abstract in two languages": 3,
    "local newspaper's news item with reader comments": 1,
    "nynorsk municipal faq on help with digital pension applications": 1,
}

# Each genre word the notes may open with, and the one type it stands for.
GENRE_TYPE = {
    "other": re.compile(r"page on|portal's page|news item|faq|blog post"),
    "policy_document": re.compile(r"statement|white paper|evaluation report|action plan"
                                  r"|strategy|position|agency report"),
    "project_report": re.compile(r"research project's"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Identifier kinds: a pattern whose group `id` holds the number, and (for a few) the
# zero-filled shape that number must have; the others may hold only zeros and separators.
IDENTIFIERS = {
    "phone": re.compile(r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)"),
    "organisation number": re.compile(r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    "ISBN": re.compile(r"ISBN (?P<id>[0-9-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[0-9-]+)"),
    "report number": re.compile(r"(?:Rapport|Report|Working Paper) (?P<id>[0-9]+)/20\d\d"),
    "white paper number": re.compile(r"Meld\. St\. (?P<id>[0-9]+)"),
    "case number": re.compile(r"sak (?P<id>[0-9]+)/\d\d"),
    "DOI": re.compile(r"10\.0000/[a-z]+\.(?P<id>[0-9.]*[0-9])"),
    "postal box": re.compile(r"(?:Postboks|Box) (?P<id>[0-9]+)"),
    "project number": re.compile(r"^(?P<id>[0-9]{6})$"),
}
FILLED = {"phone": re.compile(r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
          "ISBN": re.compile(r"978-8[27]-[0-]+")}
LEADERS = re.compile(r"\.{10,} \d+$")
# Two invented projects, each shown in two documents (title or notes name it).
PROJECTS = {"PENSIDIG": ("h07_aldring_helse_prosjekt_pensidig_katalogside_en_nb.html",
                         "t03_aldring_helse_rapport_pensidig_sammendrag_pdf_nb_en.txt"),
            "SENIORLOG": ("t11_nordic_institute_ageing_final_report_summary_pdf_en.txt",
                          "t13_nordic_institute_ageing_working_paper_seniorlog_pdf_en.txt")}

SENTENCES: dict[str, list[str]] = {}
for _row in CANDLE.prose:
    SENTENCES.setdefault(_row["file"], []).append(_row["sentence"])
SITUATIONS = fs.year_traps(CANDLE.labels, CANDLE.prose, CANDLE.lines)
PROGRAMMES = sorted(name for name in NAMES if CANDLE.labels[name]["doc_type"] == "event_programme")


def opened_by(phrase: str) -> str:
    """The file of the single document whose notes begin with `phrase`."""
    hits = [name for name in NAMES if CANDLE.labels[name]["notes"].lower().startswith(phrase)]
    assert len(hits) == 1, (phrase, hits)
    return hits[0]


def unnamed_later_years(name: str) -> list[str]:
    """Years in the document's prose, after its labelled year, that its evidence leaves out."""
    label = CANDLE.labels[name]
    if not label["year"]:
        return []
    years = fs.YEAR.findall(" ".join(SENTENCES.get(name, [])))
    return sorted({y for y in years if int(y) > int(label["year"])
                   and y not in label["year_evidence"]})


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """The shared rules for labels and placement, the saved page's head and fields, the
    type named by the genre the notes open with, later years in prose named as evidence."""
    CANDLE.document_check(name)
    if name in CANDLE.pages:
        CANDLE.page_check(name, HEAD_DATES)
    assert fs.genre_types(CANDLE.labels[name]["notes"], GENRE_TYPE) == {
        CANDLE.labels[name]["doc_type"]}
    assert not unnamed_later_years(name)


def test_set_as_a_whole():
    """Files, CRLF and the README's tables; size, formats and types; the brief's genres; the
    languages with bilingual abstracts; year situations and traps."""
    labels = CANDLE.labels
    fs.files_check(CANDLE.folder, labels)
    fs.readme_check(CANDLE.folder, labels, CANDLE.debris, CANDLE.prose)
    fs.size_check(labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    assert not fs.missing_genres(labels, ASKED)
    fs.language_check(labels, {"en": 14, "nb": 11, "nn": 5, "da": 5, "sv": 5}, 4)
    bilingual = Counter(label["doc_type"] for label in labels.values()
                        if ";" in label["languages"])
    assert sum(bilingual.values()) >= 6 and bilingual["abstract"] >= 3, bilingual
    fs.trap_check(labels, CANDLE.prose, CANDLE.lines)
    short = [key for key, least in (("bare", 4), ("other_years", 3), ("ahead", 6))
             if len(SITUATIONS[key]) < least]
    assert not short, short


def test_programmes_and_markup():
    """Only the programmes glue clock times to titles, three lines or more each, all kept;
    identifiers are zero-filled; a saved page holds a field list; Markdown field lines and
    contents lines with dot leaders (in three documents) are debris."""
    assert sorted(SITUATIONS["glued"]) == PROGRAMMES
    for name in PROGRAMMES:
        slots = [line for line in CANDLE.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(slots) >= 3, name
        assert CANDLE.debris_of(name).isdisjoint(slots), name
    seen, wrong = fs.identifier_misses(CANDLE.lines, IDENTIFIERS, FILLED, "0 /-.")
    assert set(seen) == set(IDENTIFIERS), seen
    assert wrong == [], wrong
    assert CANDLE.field_pages() >= 1
    assert CANDLE.kept_markdown_fields() == []
    contents = [(name, line) for name, lines in CANDLE.lines.items()
                for line in lines if LEADERS.search(line)]
    assert len({name for name, _ in contents}) >= 3
    assert [pair for pair in contents if pair[1] not in CANDLE.debris_of(pair[0])] == []


def test_calculator_page():
    """The calculator page keeps its heading and sentences; the login box, the chat widget
    and the cookie banner go."""
    name = opened_by("pension agency's page on the online pension calculator")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    assert "Slik bruker du kalkulatoren" in lines and "Slik bruker du kalkulatoren" not in gone
    assert {"Logg inn med BankID", "Logg inn med MinID", "Min side"} <= gone
    assert {"Chat med oss", "Start chat", "Godta alle", "Bare nødvendige"} <= gone
    kept = [line for line in lines if "Du logger inn med BankID" in line]
    assert len(kept) == 1 and not set(kept) & gone, "the sentence beside the login box goes"


def test_newspaper_comments():
    """Comments signed with handles and their count go; the heading and the quoted line stay."""
    name = opened_by("local newspaper's news item with reader comments")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    signed = {line for line in lines if re.match(r"[\w]+: ", line)}
    assert len(signed) >= 4 and signed <= gone
    assert "4 kommentarer" in gone and "Kommentarer" in lines and "Kommentarer" not in gone
    quoted = [line for line in lines if line.startswith("– ")]
    assert quoted and not set(quoted) & gone
    assert any(sentence in line for line in quoted for sentence in SENTENCES[name])


def test_white_paper_furniture():
    """The footnotes, the running head, the cover number and the page numbers go; each line
    ending in a footnote mark stays, one for each footnote."""
    name = opened_by("ministry's white paper excerpt")
    gone = CANDLE.debris_of(name)
    by_mark = {mark: ([line for line in CANDLE.lines[name] if line[:1] == mark],
                      [line for line in CANDLE.lines[name] if line[-1:] == mark])
               for mark in "¹²"}
    for mark, (notes, callers) in by_mark.items():
        assert len(notes) == len(callers) == 1, mark
        assert notes[0] in gone and callers[0] not in gone, mark
    head = "Meld. St. 00 (2024–2025) Melding til Stortinget"
    assert gone >= {head, "Meld. St. 00", "(2024–2025)", "5", "7", "9"}


def test_faq_questions():
    """The Nynorsk FAQ keeps its four questions; its contact block goes."""
    name = opened_by("nynorsk municipal faq")
    lines, gone = CANDLE.lines[name], CANDLE.debris_of(name)
    questions = [line for line in lines if line.endswith("?")]
    assert len(questions) == 4 and not set(questions) & gone
    assert {"Servicetorget", "Telefon: 53 00 00 00"} <= gone


def test_shared_projects():
    """The invented projects PENSIDIG and SENIORLOG each show in two documents."""
    for project, names in PROJECTS.items():
        for name in names:
            assert project in CANDLE.labels[name]["title"] + CANDLE.labels[name]["notes"]
