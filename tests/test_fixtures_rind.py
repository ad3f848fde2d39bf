"""The rind fixture set (tests/fixtures/exported/rind), written blind, held to its brief.

Brief: cross-border welfare and the electronic exchange of social security information in the
EU and the Nordic countries. A social insurance agency's page for cross-border commuters (with
a country selector and a contact form), the European Commission's page on the electronic
exchange system, a Nordic council's report on obstacles to mobility (a PDF with contents,
tables and footnotes), a tax agency's page on a Nordic e-service, a Danish agency's guidance on
benefits when moving abroad, an ombudsman's decision summary, a research project's catalogue
page and its working paper, a conference programme with clock times glued to talk titles,
journal abstracts (one bilingual), a trade union's consultation response, a border
newspaper's news item with reader comments and an FAQ in Nynorsk; English, Bokmål, Nynorsk,
Danish and Swedish.

The import is never run here. Everything is read through tests/fixturesets.py.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

RIND = fs.LabelledSet(fs.SETS / "rind")
DATED_METAS = {"dcterms.modified", "dcterms.issued", "article:published_time",
               "citation_publication_date", "event:start_time"}

# How many documents' notes must name each phrase of the brief (lower case).
BRIEF_PHRASES = {
    "social insurance agency's page for cross-border commuters": 1,
    "european commission's page on the electronic exchange system": 1,
    "nordic council's report on obstacles to mobility": 1,
    "tax agency's page on a nordic e-service": 1,
    "danish agency's guidance on benefits when moving abroad": 1,
    "ombudsman's decision summary": 1,
    "research project's catalogue page": 3,
    "research project's working paper": 1,
    "clock times glued to talk titles": 6,
    "journal abstract": 6,
    "journal abstract in two languages": 3,
    "trade union's consultation response": 2,
    "border newspaper's news item with reader comments": 3,
    "faq in nynorsk": 1,
    "contents with dot leaders": 6,
    "colophon": 5,
    "field labels": 10,
    "country selector": 1, "contact form": 1, "a table": 1, "footnotes": 1,
    "in english": 15, "in bokmål": 10, "in nynorsk": 5, "in danish": 7, "in swedish": 7,
}

# A note opens with its genre (the words before " ("); each genre fits exactly one type.
GENRE_PATTERNS = [
    ("other", r"page for cross-border commuters|page on the electronic exchange|"
              r"page on a nordic e-service|guidance on benefits|decision summary|news item|"
              r"^faq|page for commuters"),
    ("policy_document", r"consultation response|report on obstacles|action plan|"
                        r"regional strategy|agency report"),
    ("project_report", r"research project"),
    ("abstract", r"abstract"),
    ("event_programme", r"programme"),
]

# kind: (where the identifier sits, and None or the shape of its zero-filled form)
ZERO_FILLED_KINDS = {
    "phone": (r"(?:Telefon|Phone|Tfn):? (?P<id>\+?\d[\d -]*\d)",
              r"(?:\+\d\d )?\d{2,4}(?:[ -][1-9]\d)?(?:[ -]0+)+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-\d\d-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:[Rr]apport|Working Paper) (?P<id>\d+)", None),
    "reference": (r"(?:EOAK/|J\.nr\. 20\d\d-|ref\.: \d\d/|Ä 20\d\d-|P00-|Projektnummer: |"
                  r"project number |Project number: )(?P<id>[\d-]+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

LABEL_LINES = {"Dato:", "Stad:", "Sted:", "Pris:", "Date:", "Venue:", "Registration:",
               "Projektledare:", "Lärosäte:", "Projektperiod:", "Beviljat belopp:",
               "Diarienummer:", "Beslut:", "Påmeldingsfrist:", "Project period:",
               "Project leader:", "Funding:", "Project number:", "Finansiär:"}
LEADER_LINE = re.compile(r"\s\.{6,}\s+\d+$")

SHARED_TEXT = [
    ("h06_hogskolan_vast_projekt_pendla_gransarbete_katalogsida_sv_en.html",
     "t02_pendla_working_paper_waiting_across_the_border_pdf_en.txt", "PENDLA"),
    ("h07_svinesundskommitten_gransekonferanse_program_nb.html",
     "t09_ostfold_fylkeskommune_regional_strategi_grenseregion_pdf_nb.txt", "Svinesundskommittén"),
    ("h13_oresunddirekt_bor_i_sverige_arbejder_i_danmark_da.html",
     "m02_greater_copenhagen_handlingsplan_mobilitet_markdown_da.md", "Greater Copenhagen"),
    ("h14_halden_kommune_frokostseminar_grensependling_program_nb.html",
     "m01_grensetjansten_webinar_trygd_pendlere_program_markdown_nb.md", "Grensetjänsten"),
]


def dropped(name: str, *lines: str) -> bool:
    """Every one of these lines is listed as debris of the document."""
    return all(line in RIND.debris_of(name) for line in lines)


def kept(name: str, *lines: str) -> bool:
    """No one of these lines is listed as debris of the document."""
    return not any(line in RIND.debris_of(name) for line in lines)


def file_for(genre: str) -> list[str]:
    """The documents whose notes open with this genre (lower case)."""
    return [name for name, label in RIND.labels.items()
            if label["notes"].lower().startswith(genre)]


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in RIND.prose if row["file"] == name]


def matching_lines(test) -> list[tuple[str, str]]:
    return [(name, line) for name in RIND.on_disk for line in RIND.lines[name] if test(line)]


@pytest.mark.parametrize("name", RIND.on_disk)
def test_each_document(name):
    RIND.document_check(name)
    if name.endswith(".html"):
        RIND.page_check(name, DATED_METAS)


def test_set_shape_and_readme():
    fs.files_check(RIND.folder, RIND.labels)
    fs.size_check(RIND.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    fs.readme_check(RIND.folder, RIND.labels, RIND.debris, RIND.prose)
    assert fs.missing_genres(RIND.labels, BRIEF_PHRASES) == {}


@pytest.mark.parametrize("name", RIND.on_disk)
def test_genre_gives_the_type(name):
    genre = RIND.labels[name]["notes"].lower().split(" (")[0]
    fits = [kind for kind, pattern in GENRE_PATTERNS if re.search(pattern, genre)]
    assert fits == [RIND.labels[name]["doc_type"]], (genre, fits)


def test_languages_years_and_traps():
    fs.language_check(RIND.labels, {"en": 14, "nb": 9, "nn": 5, "da": 5, "sv": 5},
                      alone_least=3)
    bilingual = Counter(label["doc_type"] for label in RIND.labels.values()
                        if ";" in label["languages"])
    assert sum(bilingual.values()) >= 8 and bilingual["abstract"] >= 3, bilingual
    fs.trap_check(RIND.labels, RIND.prose, RIND.lines)
    for row in RIND.prose:
        label = RIND.labels[row["file"]]
        if label["year"]:
            ahead = [y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]]
            assert all(y in label["year_evidence"] for y in ahead), row


def test_timetables_glued_and_kept():
    glued = matching_lines(fs.GLUED_TIME.search)
    owners = {name for name, _ in glued}
    assert len(owners) >= 6
    assert all(RIND.labels[name]["doc_type"] == "event_programme" for name in owners)
    assert all(kept(name, line) for name, line in glued)


def test_identifiers_are_zero_filled():
    where = {kind: re.compile(found) for kind, (found, _) in ZERO_FILLED_KINDS.items()}
    shape = {kind: re.compile(form) for kind, (_, form) in ZERO_FILLED_KINDS.items() if form}
    seen, wrong = fs.identifier_misses(RIND.lines, where, shape)
    assert wrong == [] and set(seen) == set(ZERO_FILLED_KINDS), (wrong, seen)


def test_field_labels_contents_and_fields_dropped():
    labels = matching_lines(LABEL_LINES.__contains__)
    leaders = matching_lines(LEADER_LINE.search)
    assert len(labels) >= 15 and len(leaders) >= 15, (len(labels), len(leaders))
    assert all(dropped(*pair) for pair in labels + leaders)
    assert RIND.field_pages() >= 5 and RIND.kept_markdown_fields() == []


def test_commuters_page_selector_and_form():
    [name] = file_for("social insurance agency's page for cross-border commuters")
    assert dropped(name, "Denmark", "Norway", "Sweden", "Your name", "Send",
                   "Show what applies")
    assert kept(name, "Choose the country you live in", "Contact form")
    assert len(sentences(name)) == 3


def test_council_report_footnote_table_and_colophon():
    [name] = file_for("nordic council's report on obstacles to mobility")
    lines = RIND.lines[name]
    notes = [line for line in lines if line.startswith("¹")]
    marked = [line for line in lines if line.endswith("¹")]
    rows = [line for line in lines if re.search(r"\s20\d\d\s+20\d\d$|\s\d\d\s+\d\d$", line)]
    colophon = [line for line in lines if line.startswith(("Utgitt av", "ISBN", "Omslagsfoto"))]
    assert notes and marked and rows and len(colophon) == 3
    assert dropped(name, *notes, *colophon) and kept(name, *marked, *rows)


def test_newspapers_drop_comments_and_keep_the_story():
    papers = file_for("border newspaper's news item with reader comments")
    assert len(papers) == 3
    for name in papers:
        comments = [line for line in RIND.lines[name]
                    if re.search(r"\((?:påhittad|opdigtet)\)(?: skrev)?:|kl\. \d\d\.\d\d:", line)]
        count = [line for line in RIND.lines[name] if line.startswith("Kommentarer (")]
        assert len(comments) == 2 and count and dropped(name, *comments, *count), name
        assert len(sentences(name)) == 3
    [haparanda] = [name for name in papers if name.startswith("h11")]
    quote = [line for line in RIND.lines[haparanda] if line.startswith("– ")]
    assert quote and kept(haparanda, *quote, "Kommentarer")


def test_faq_questions_stay_and_widget_goes():
    [name] = file_for("faq in nynorsk")
    questions = [line for line in RIND.lines[name] if line.endswith("?")
                 and line != "Fann du det du leita etter?"]
    assert len(questions) == 3 and kept(name, *questions)
    assert dropped(name, "Fann du det du leita etter?", "Ja", "Nei")


def test_responses_and_decision_keep_their_text():
    for name in file_for("trade union's consultation response"):
        closing = [line for line in RIND.lines[name] if line.startswith("Med ven")]
        refs = [line for line in RIND.lines[name] if re.match(r"(?:J\.nr\.|Deres ref\.)", line)]
        assert closing and kept(name, *closing) and refs and dropped(name, *refs), name
    [decision] = file_for("ombudsman's decision summary")
    fields = [tag.get_text().strip() for tag in RIND.soup(decision).find_all(["dt", "dd"])]
    assert len(fields) == 6 and dropped(decision, *fields)


@pytest.mark.parametrize("first, second, text", SHARED_TEXT)
def test_related_documents_share_a_text(first, second, text):
    for name in (first, second):
        assert any(text in line for line in RIND.lines[name]), name
