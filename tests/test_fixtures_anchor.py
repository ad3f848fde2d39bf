"""Tests of the anchor fixture set (tests/fixtures/exported/anchor), written blind.

The brief: child maintenance, family law and separated parents' digital services. An
agency's page on applying for child maintenance online (a calculator widget and a step
list), a Danish agency's page on digital applications after separation, a Swedish
authority's guidance on maintenance support, a family counselling service's page on digital
mediation, a ministry's white paper chapter excerpt (contents and footnotes), a parents'
organisation's statement, a court administration's news item, a research project's
catalogue page and its final report summary, a conference programme with clock times glued
to talk titles, journal abstracts (one bilingual), a newspaper op-ed by a father, a forum
thread and an FAQ in Nynorsk. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: tests/fixturesets.py reads the CSVs, the documents' visible
lines, the saved pages' markup and this set's README.
"""

import re

import fixturesets as fs
import pytest

ANCHOR = fs.LabelledSet(fs.SETS / "anchor")
HEAD_DATES = {"dcterms.modified", "dcterms.issued", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Each genre the brief names (as the notes word it), with how many documents must name it.
BRIEF = {
    "agency's page on applying for child maintenance online": 1, "calculator widget": 1,
    "step list": 2, "danish agency's page on digital applications after separation": 1,
    "swedish authority's guidance on maintenance support": 1,
    "family counselling service's page on digital mediation": 1,
    "ministry's white paper chapter excerpt": 1, "footnotes": 1,
    "parents' organisation's statement": 2, "court administration's news item": 2,
    "research project's catalogue page": 3, "research project's final report": 3,
    "clock times glued to talk titles": 5, "journal abstract": 6,
    "journal abstract in two languages": 3, "newspaper op-ed by a father": 1,
    "forum thread": 1, "faq in nynorsk": 1, "contents with dot leaders": 4, "colophon": 2,
    "field labels": 10, "in english": 14, "in bokmål": 11, "in nynorsk": 5, "in danish": 7,
    "in swedish": 7,
}

# Words in the genre a note opens with (before " (") and the one type they belong to.
GENRE_TYPES = (
    ("other", re.compile(r"agency's page|authority's guidance|counselling service|statement|"
                         r"news item|op-ed|forum thread|faq|guidance page")),
    ("policy_document", re.compile(r"white paper|agency report|report on|action plan")),
    ("project_report", re.compile(r"^research project")),
    ("abstract", re.compile(r"abstract")),
    ("event_programme", re.compile(r"programme")),
)

# Identifier kinds: the text before the digits, and the zero-filled shape of the digits.
IDENTIFIERS = {
    "phone": (r"(?:Telefon|Phone): ", r"\d{2,4}(?:[ -]\d\d)?[ -][0 ]+"),
    "organisation number": (r"(?:Org\.nr\.|CVR) ", r"[0 ]+"),
    "ISBN": (r"ISBN ", r"978-82-[0-]+"),
    "ISSN": (r"ISSN ", r"0000-0000"),
    "report number": (r"(?:KUN-rapport|Rapport|Forsking rapport) ", r"0/20\d\d|20\d\d:0"),
    "case number": (r"(?:Saksnr\.|MFoF) ", r"(?:2\d/0+|0\.0\.0-000/2\d)"),
    "postal box": (r"(?:Postboks|Box) ", r"0+"),
    "DOI": (r"doi\.org/", r"10\.0000/[a-z]+\.[0-9-]+"),
}
ID_AT = {kind: re.compile(before + r"(?P<id>[0-9][0-9A-Za-z.:/ -]*[0-9])")
         for kind, (before, _) in IDENTIFIERS.items()}
ID_FORM = {kind: re.compile(shape) for kind, (_, shape) in IDENTIFIERS.items()}

LEADERS = re.compile(r" \.{10,} \d+$")
BARE_LABEL = re.compile(r"^[A-ZÆØÅÄÖ][\w.-]*(?: [\w.-]+)?:$")

# Pairs of documents that name the same project or service, and what both show.
SHARED = (
    ("h07_kun_prosjekt_foreldrespor_katalogside_en_nb.html",
     "t02_kun_foreldrespor_sluttrapport_sammendrag_pdf_nb_en.txt", "FORELDRESPOR"),
    ("t02_kun_foreldrespor_sluttrapport_sammendrag_pdf_nb_en.txt",
     "m01_kun_foreldrespor_prosjektnotat_markdown_nb.md", "FORELDRESPOR"),
    ("h07_kun_prosjekt_foreldrespor_katalogside_en_nb.html",
     "m01_kun_foreldrespor_prosjektnotat_markdown_nb.md", "Ingrid Halvorsen (oppdiktet)"),
    ("h05_foreningen_2_foreldre_uttalelse_digital_barnebidrag_nb.html",
     "t01_bfd_meldst_kapittel_digitale_tjenester_foreldre_pdf_nb.txt", "kalkulator"),
)


def gone(name: str) -> set[str]:
    return ANCHOR.debris_of(name)


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in ANCHOR.prose if row["file"] == name]


def by_note(start: str) -> list[str]:
    """The documents whose notes begin with `start` (lower case)."""
    return [name for name, label in ANCHOR.labels.items()
            if label["notes"].lower().startswith(start)]


def single(start: str) -> str:
    found = by_note(start)
    assert len(found) == 1, (start, found)
    return found[0]


def everywhere(keep) -> list[tuple[str, str]]:
    """(file, line) for every visible line of the set that `keep` accepts."""
    return [(name, line) for name in ANCHOR.on_disk for line in ANCHOR.lines[name] if keep(line)]


def not_dropped(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, line) for name, line in found if line not in gone(name)]


@pytest.mark.parametrize("name", ANCHOR.on_disk)
def test_document(name):
    """The shared checks; the note's opening genre names the labelled type and no other;
    later years in prose are named in the evidence of a dated document."""
    label = ANCHOR.labels[name]
    ANCHOR.document_check(name)
    if name.endswith(".html"):
        ANCHOR.page_check(name, HEAD_DATES)
    genre = label["notes"].lower().split(" (")[0]
    assert [kind for kind, words in GENRE_TYPES if words.search(genre)] == [label["doc_type"]]
    if label["year"]:
        later = [y for s in sentences(name) for y in fs.YEAR.findall(s) if y > label["year"]]
        assert all(y in label["year_evidence"] for y in later), later


def test_files_readme_size_and_brief():
    fs.files_check(ANCHOR.folder, ANCHOR.labels)
    fs.readme_check(ANCHOR.folder, ANCHOR.labels, ANCHOR.debris, ANCHOR.prose)
    fs.size_check(ANCHOR.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    assert fs.missing_genres(ANCHOR.labels, BRIEF) == {}


def test_languages_and_years():
    fs.language_check(ANCHOR.labels, {"en": 14, "nb": 11, "nn": 5, "da": 7, "sv": 7},
                      alone_least=4)
    two = [label for label in ANCHOR.labels.values() if ";" in label["languages"]]
    assert len(two) >= 8
    assert sum(label["doc_type"] == "abstract" for label in two) >= 3
    fs.trap_check(ANCHOR.labels, ANCHOR.prose, ANCHOR.lines)


def test_glued_timetables_belong_to_programmes_and_stay():
    glued = everywhere(fs.GLUED_TIME.search)
    where = {name for name, _ in glued}
    assert len(where) >= 5
    assert {ANCHOR.labels[name]["doc_type"] for name in where} == {"event_programme"}
    assert not_dropped(glued) == glued


def test_identifiers_are_zero_filled_and_each_kind_occurs():
    seen, wrong = fs.identifier_misses(ANCHOR.lines, ID_AT, ID_FORM)
    assert wrong == []
    assert set(seen) == set(IDENTIFIERS), seen


def test_labels_leaders_fields_and_markdown_fields_are_debris():
    labels = everywhere(BARE_LABEL.match)
    leaders = everywhere(LEADERS.search)
    assert len(labels) >= 10 and len(leaders) >= 12, (len(labels), len(leaders))
    assert not_dropped(labels) == [] and not_dropped(leaders) == []
    assert ANCHOR.field_pages() >= 8
    assert ANCHOR.kept_markdown_fields() == []


def test_calculator_widget_dropped_and_steps_kept():
    name = single("agency's page on applying for child maintenance online")
    widget = {"Number of children", "Age of the youngest child", "Calculate",
              "Estimated monthly support: ISK 0"}
    steps = [line for line in ANCHOR.lines[name] if re.match(r"\d\. ", line)]
    assert widget <= gone(name)
    assert len(steps) == 4 and not set(steps) & gone(name)
    assert {"Estimate the amount", "How to apply"} & gone(name) == set()


def test_white_paper_drops_footnotes_and_keeps_marked_sentences():
    name = single("ministry's white paper chapter excerpt")
    notes = [line for line in ANCHOR.lines[name] if line[0] in "¹²"]
    marked = [line for line in ANCHOR.lines[name] if line[-1] in "¹²"]
    assert len(notes) == 2 and set(notes) <= gone(name)
    assert len(marked) == 2 and not set(marked) & gone(name)
    assert not {"5.1 Dagens tjenester", "5.2 Regjeringens mål"} & gone(name)


def test_forum_thread_keeps_posts_and_drops_stamps():
    name = single("forum thread")
    stamps = {"3 dagar sedan", "2 dagar sedan", "i går"}
    authors = {line for line in ANCHOR.lines[name] if line.startswith(("Svar från", "Trådstart"))}
    assert stamps | authors <= gone(name) and len(authors) == 3
    assert len(sentences(name)) == 3


def test_faq_keeps_questions_and_drops_feedback():
    name = single("faq in nynorsk")
    questions = [line for line in ANCHOR.lines[name] if line.endswith("?")]
    assert "Fann du det du leita etter?" in gone(name)
    assert len([q for q in questions if q not in gone(name)]) == 3


def test_op_ed_drops_byline_and_note():
    name = single("newspaper op-ed by a father")
    byline = [line for line in ANCHOR.lines[name] if "(oppdikta)" in line]
    note = [line for line in ANCHOR.lines[name] if line.startswith("Dette er eit lesarinnlegg")]
    assert len(byline) == 1 and len(note) == 1 and set(byline + note) <= gone(name)


@pytest.mark.parametrize("first, second, text", SHARED)
def test_related_documents_show_a_shared_text(first, second, text):
    for name in (first, second):
        assert any(text in line for line in ANCHOR.lines[name]), name
