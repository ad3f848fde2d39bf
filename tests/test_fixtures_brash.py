"""Tests of the brash fixture set (tests/fixtures/exported/brash), written blind.

The brief: young people's mental health and digital services. Municipal school health
services' chat and digital health station pages with opening hours; a helpline's page and an
excerpt of its annual report (a PDF with contents and colophon); a directorate's guidance on
digital follow-up of youth; a parliament committee's hearing record; a research project's
catalogue page and its working paper; a conference programme with clock times glued to talk
titles; journal abstracts (one in two languages at least); a youth organisation's
consultation response; a national broadcaster's news item with reader comments and a
psychologist's op-ed; a school's newsletter; and an app's privacy statement. English, Bokmål,
Nynorsk, Danish and Swedish.

The import is never run here: the CSVs, the documents' visible lines, the pages' markup and
the README are read with the helpers of tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

BRASH = fs.LabelledSet(fs.SETS / "brash")

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes must hold, with the least number of documents naming each.
BRIEF_GENRES = {
    "school health service": 5, "opening hours": 6, "digital health station": 2,
    "helpline's page": 1, "helpline's annual report excerpt": 1, "colophon": 2,
    "contents with dot leaders": 6, "guidance on digital follow-up of youth": 1,
    "parliament committee's hearing record": 1, "research project's catalogue page": 1,
    "working paper": 1, "clock times glued to talk titles": 6, "journal abstract": 4,
    "youth organisation's consultation response": 1,
    "national broadcaster's news item with reader comments": 1, "psychologist's op-ed": 1,
    "school's newsletter": 1, "app's privacy statement": 1, "field labels": 8,
    "in bokmål": 5, "in nynorsk": 5, "in danish": 5, "in swedish": 5, "in english": 8,
}

# A note opens with its genre (the words before the first " ("); each genre belongs to one type.
GENRE_TYPES = {
    "project_report": re.compile(r"research project|working paper"),
    "event_programme": re.compile(r"programme"),
    "abstract": re.compile(r"abstract"),
    "policy_document": re.compile(r"hearing record|guidance|action plan|consultation response"),
    "other": re.compile(r"municipality's page|helpline's|news item|op-ed|newsletter|"
                        r"privacy statement"),
}

# How each kind of identifier is written, and what a zero-filled one looks like (None: only
# zeros, spaces, slashes and dashes).
IDENTIFIERS = {
    "phone": (r"(?:Telefon|Phone|Kontaktcenter):(?:\*\*)? (?P<id>\+?\d[\d -]*\d)",
              r"(?:\+358 18 |0\d{1,2}-|[1-9]\d )[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-8[27]-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:Working Paper |VID-rapport |Hörande nr )(?P<id>\d+)/", None),
    "reference": (r"(?:ref\.: 2\d/|Dnr |j\.nr\. |prosjektnummer |Artikelnummer )(?P<id>\d+)",
                  None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Label lines a copy or a saved page leaves on their own; wherever they stand they are debris.
FIELD_LABELS = {"Dato:", "Stad:", "Sted:", "Pris:", "Date:", "Time:", "Where:", "Plats:",
                "Datum:", "Project period:", "Project leader:", "Partners:", "Måndag:",
                "Onsdag:", "Prosjektperiode:", "Prosjektleder:", "Publicerad:"}

LEADERS = re.compile(r"\.{8,} \d+$")
HOURS = re.compile(r"\d\d[.:]\d\d–\d\d[.:]\d\d")

# Documents that show the same project, report or person: (one, other, shared text).
SHARED = (
    ("h08_kavlifondet_prosjekt_digital_oppfolging_ungdom_nb_en.html",
     "t04_rkbu_ntnu_working_paper_digung_chat_pdf_en.txt", "DIGUNG"),
    ("h09_jmir_pediatrics_abstract_chat_school_nurses_en.html",
     "t04_rkbu_ntnu_working_paper_digung_chat_pdf_en.txt", "Per Nystø (invented)"),
    ("h05_mental_helse_hjelpetelefonen_chat_for_unge_nb.html",
     "t01_mental_helse_hjelpetelefonen_aarsrapport_pdf_nb_en.txt", "Hjelpetelefonen"),
    ("h20_aarhus_universitet_konferencebidrag_digital_sundhedspleje_da.html",
     "t15_aarhus_universitet_delrapport_ungchat_pdf_da_en.txt", "UNGCHAT"),
)


def _debris(name: str, line: str) -> bool:
    return line in BRASH.debris_of(name)


def _genre_types(notes: str) -> set[str]:
    """The types whose genre pattern matches the words a note opens with."""
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in GENRE_TYPES.items() if pattern.search(genre)}


@pytest.mark.parametrize("name", BRASH.on_disk)
def test_each_document(name):
    """Codebook, year rules, title, debris and prose placement; for a saved page its head."""
    BRASH.document_check(name)
    if name in BRASH.pages:
        BRASH.page_check(name, HEAD_DATES)


def test_set_shape_and_readme():
    fs.size_check(BRASH.labels, {"html": (18, 21), "txt": (13, 17), "md": (1, 2)})
    fs.files_check(BRASH.folder, BRASH.labels)
    fs.readme_check(BRASH.folder, BRASH.labels, BRASH.debris, BRASH.prose)
    assert fs.missing_genres(BRASH.labels, BRIEF_GENRES) == {}


def test_genre_decides_type():
    mistyped = [(name, label["doc_type"]) for name, label in BRASH.labels.items()
                if _genre_types(label["notes"]) != {label["doc_type"]}]
    assert mistyped == []


def test_languages():
    fs.language_check(BRASH.labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5},
                      alone_least=4)
    two = [label for label in BRASH.labels.values() if ";" in label["languages"]]
    assert len(two) >= 6
    assert sum(label["doc_type"] == "abstract" for label in two) >= 2


def test_years():
    fs.trap_check(BRASH.labels, BRASH.prose, BRASH.lines)
    for row in BRASH.prose:
        label = BRASH.labels[row["file"]]
        later = [y for y in fs.YEAR.findall(row["sentence"])
                 if label["year"] and y > label["year"]]
        assert all(y in label["year_evidence"] for y in later), (row["file"], later)


def test_timetables_glued_and_kept():
    glued = {(name, line) for name, lines in BRASH.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)}
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 6
    assert {BRASH.labels[name]["doc_type"] for name in programmes} == {"event_programme"}
    assert [pair for pair in glued if _debris(*pair)] == []


def test_identifiers_are_zero_filled():
    kinds = {kind: re.compile(pattern) for kind, (pattern, _) in IDENTIFIERS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in IDENTIFIERS.items() if shape}
    seen, wrong = fs.identifier_misses(BRASH.lines, kinds, shapes, "0 /-")
    assert wrong == [] and set(seen) == set(kinds), (wrong, seen)


def test_page_furniture():
    labels = [(n, line) for n, lines in BRASH.lines.items() for line in lines
              if line in FIELD_LABELS]
    assert len(labels) >= 12 and all(_debris(*pair) for pair in labels)
    leaders = [(n, line) for n, lines in BRASH.lines.items() for line in lines
               if LEADERS.search(line)]
    assert len(leaders) >= 20 and all(_debris(*pair) for pair in leaders)
    assert BRASH.field_pages() >= 8 and BRASH.kept_markdown_fields() == []


def test_opening_hours_are_fields_around_prose():
    pages = [name for name, label in BRASH.labels.items() if "opening hours" in label["notes"]]
    for name in pages:
        hours = [line for line in BRASH.lines[name] if HOURS.search(line)]
        assert hours and all(_debris(name, line) for line in hours), name
        assert any(row["file"] == name for row in BRASH.prose)


def test_news_comments_are_debris():
    name = "h13_svenska_yle_nyhet_chatt_kurator_kommentarer_sv.html"
    counts = [line for line in BRASH.lines[name] if line.startswith("Kommentarer (")]
    assert counts and all(_debris(name, line) for line in counts)
    assert _debris(name, "kvällstrött: Varför stänger allt klockan fyra?")
    quote = "– Det är då tankarna kommer, säger en abiturient som vill vara anonym."
    assert quote in BRASH.lines[name] and not _debris(name, quote)


@pytest.mark.parametrize("one, other, text", SHARED)
def test_related_documents_share_text(one, other, text):
    for name in (one, other):
        assert any(text in line for line in BRASH.lines[name]), (name, text)
