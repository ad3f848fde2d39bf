"""Tests of the pancake fixture set (tests/fixtures/exported/pancake), written blind.

The brief: AI assistants, chatbots and generative AI in front-line welfare services. A
municipality's chatbot page with its "was this helpful" widget and opening hours; a labour and
welfare agency's guidelines for staff use of generative AI (a PDF with contents and colophon); a
data protection authority's regulatory sandbox exit report; a government's national AI
strategy's summary page; an EU AI Act explainer from a ministry; a vendor's customer story; a
hackathon's programme with clock times glued to talk titles; a research project's catalogue
page and its conference paper; journal abstracts (one bilingual at least); a trade union's
consultation response; a tech newspaper's news item with reader comments; a caseworker's blog
post; and a parliamentary written question with the minister's answer. English, Bokmål,
Nynorsk, Danish and Swedish.

The import is never run here: the CSVs, the documents' visible lines, the pages' markup and
the README are read with the helpers of tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

PANCAKE = fs.LabelledSet(fs.SETS / "pancake")

META_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes must hold, with the least number of documents naming each.
BRIEF_GENRES = {
    "municipality's chatbot page": 5, "was this helpful widget": 5, "opening hours": 5,
    "labour and welfare agency's guidelines for staff use of generative ai": 1,
    "contents with dot leaders": 6, "colophon": 3,
    "data protection authority's regulatory sandbox exit report": 1,
    "national ai strategy's summary page": 1, "ministry's eu ai act explainer": 1,
    "vendor's customer story": 1, "hackathon's programme": 1,
    "clock times glued to talk titles": 6, "research project's catalogue page": 1,
    "conference paper": 1, "journal abstract": 5, "in two languages": 3,
    "trade union's consultation response": 1,
    "tech newspaper's news item with reader comments": 1, "caseworker's blog post": 1,
    "parliamentary written question with the minister's answer": 1, "field labels": 12,
    "in bokmål": 8, "in nynorsk": 5, "in danish": 4, "in swedish": 7, "in english": 10,
}

# A note opens with its genre (the words before the first " ("); each genre has one type.
GENRE_TYPES = {
    "project_report": re.compile(r"research project|final report|interim report|project report"),
    "event_programme": re.compile(r"programme"),
    "abstract": re.compile(r"abstract|conference paper"),
    "policy_document": re.compile(r"strategy|explainer|guidelines|sandbox|consultation response|"
                                  r"written question|action plan"),
    "other": re.compile(r"chatbot page|customer story|news item|blog post|press release"),
}

# How each kind of identifier is written, and what a zero-filled one looks like (None: only
# zeros, spaces, slashes and dashes).
IDENTIFIERS = {
    "phone": (r"(?:Telefon|Phone|Kontaktcenter):(?:\*\*)? (?P<id>\+?\d[\d -]*\d)",
              r"(?:\+\d{2,3} \d{2} |0\d{1,2}-|[1-9]\d )[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-(?:82|91)-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:NIFU-rapport 2025:|RISE Rapport 2024:|Proba-rapport nr\. )(?P<id>\d+)",
                      None),
    "reference": (r"(?:ref\.: 2\d/|Dnr AMS |Dnr TSV/|SS |prosjektnummer )(?P<id>\d+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Label lines a copy or a saved page leaves on their own; wherever they stand they are debris.
FIELD_LABELS = {"Dato:", "Sted:", "Stad:", "Pris:", "Datum:", "Tid:", "Plats:", "Påmelding:",
                "Påmeldingsfrist:", "Öppettider:", "Opningstider:", "Project period:", "Call:",
                "Project leader:", "Partners:", "Grant:", "Prosjektperiode:", "Prosjektleder:",
                "Finansiering:", "Tilsynsmyndighed:", "Gælder for:", "Kontakt for presse:",
                "Lunchstängt:", "Åbningstider i chatten:"}

# The questions of the "was this helpful" widgets.
WIDGETS = {"Var denne siden nyttig?", "Var denne sida nyttig?", "Hjalp siden dig?",
           "Fick du svar på din fråga?", "Var sidan till hjälp?"}

LEADERS = re.compile(r"\.{8,} \d+$")
HOURS = re.compile(r"\d\d[.:]\d\d–\d\d[.:]\d\d")

NEWS = "h06_digi_no_nyhet_kommuner_sprakmodell_sosialhjelp_kommentarer_nb.html"

# Documents that show the same project, report, chatbot or seminar: (one, other, shared text).
SHARED = (
    ("h09_wasp_hs_project_catalogue_frontai_en_sv.html",
     "t10_scis_conference_paper_frontai_repair_work_pdf_en.txt", "FRONTAI"),
    ("h16_dataombudsmannens_byra_sandbox_exit_report_sosiaaliapu_landing_en.html",
     "t03_dataombudsmannens_byra_sandbox_exit_report_sosiaaliapu_pdf_en_sv.txt", "SosiaaliApu"),
    ("h05_boost_ai_customer_story_bodo_kommune_en.html",
     "t17_bodo_kommune_pressemelding_chatboten_bodil_copy_nb.txt", "Bodil"),
    ("t04_ntl_horingssvar_lov_om_kunstig_intelligens_pdf_nb.txt",
     "t16_ntl_fagseminar_kunstig_intelligens_statlig_saksbehandling_program_copy_nb.txt",
     "intelligens i statlig saksbehandling"),
)


def _is_debris(name: str, line: str) -> bool:
    return line in PANCAKE.debris_of(name)


def _lines_where(test) -> list[tuple[str, str]]:
    """(file, line) pairs of the set's visible lines that pass `test`."""
    return [(name, line) for name, lines in PANCAKE.lines.items() for line in lines if test(line)]


def _types_of_genre(notes: str) -> set[str]:
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in GENRE_TYPES.items() if pattern.search(genre)}


def _noted(phrase: str) -> list[str]:
    return [name for name, label in PANCAKE.labels.items() if phrase in label["notes"]]


@pytest.mark.parametrize("name", PANCAKE.on_disk)
def test_document_labels_and_lines(name):
    """Codebook, year rules, title, debris and prose placement of one document."""
    PANCAKE.document_check(name)


@pytest.mark.parametrize("name", PANCAKE.pages)
def test_saved_page_head_and_fields(name):
    """A saved page's <title> and meta dates, and its <dt>/<dd> fields as debris."""
    PANCAKE.page_check(name, META_DATES)


def test_set_against_brief_and_readme():
    """Files, CSVs and README agree; size, formats, types, genres named, and genre decides type."""
    fs.files_check(PANCAKE.folder, PANCAKE.labels)
    fs.readme_check(PANCAKE.folder, PANCAKE.labels, PANCAKE.debris, PANCAKE.prose)
    fs.size_check(PANCAKE.labels, {"html": (16, 19), "txt": (15, 18), "md": (1, 2)})
    assert fs.missing_genres(PANCAKE.labels, BRIEF_GENRES) == {}
    mistyped = sorted(name for name, label in PANCAKE.labels.items()
                      if _types_of_genre(label["notes"]) != {label["doc_type"]})
    assert mistyped == []


def test_languages():
    fs.language_check(PANCAKE.labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 8},
                      alone_least=3)
    bilingual = {name: label["doc_type"] for name, label in PANCAKE.labels.items()
                 if ";" in label["languages"]}
    assert len(bilingual) >= 6 and list(bilingual.values()).count("abstract") >= 2


def test_year_situations_and_later_years_named():
    fs.trap_check(PANCAKE.labels, PANCAKE.prose, PANCAKE.lines)
    unnamed = []
    for row in PANCAKE.prose:
        label = PANCAKE.labels[row["file"]]
        for year in fs.YEAR.findall(row["sentence"]):
            if label["year"] and year > label["year"] and year not in label["year_evidence"]:
                unnamed.append((row["file"], year))
    assert unnamed == []


def test_glued_timetables_are_programme_content():
    glued = _lines_where(fs.GLUED_TIME.search)
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 6
    assert {PANCAKE.labels[name]["doc_type"] for name in programmes} == {"event_programme"}
    assert [pair for pair in glued if _is_debris(*pair)] == []


def test_identifiers_zero_filled():
    kinds = {kind: re.compile(pattern) for kind, (pattern, _) in IDENTIFIERS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in IDENTIFIERS.items() if shape}
    seen, wrong = fs.identifier_misses(PANCAKE.lines, kinds, shapes, "0 /-")
    assert wrong == [] and set(seen) == set(kinds), (wrong, seen)


def test_labels_leaders_and_fields_are_debris():
    labels = _lines_where(FIELD_LABELS.__contains__)
    assert len(labels) >= 20 and all(_is_debris(*pair) for pair in labels)
    leaders = _lines_where(LEADERS.search)
    assert len(leaders) >= 20 and all(_is_debris(*pair) for pair in leaders)
    assert PANCAKE.field_pages() >= 8 and PANCAKE.kept_markdown_fields() == []


def test_chatbot_pages_hours_and_widgets():
    pages = _noted("opening hours")
    assert len(pages) >= 5 and set(pages) == set(_noted("was this helpful widget"))
    for name in pages:
        hours = [line for line in PANCAKE.lines[name] if HOURS.search(line)]
        assert hours and all(_is_debris(name, line) for line in hours), name
        widget = WIDGETS & set(PANCAKE.lines[name])
        assert widget and all(_is_debris(name, line) for line in widget), name
        assert sum(row["file"] == name for row in PANCAKE.prose) >= 3


def test_news_comments_are_debris_and_quote_is_not():
    lines = PANCAKE.lines[NEWS]
    assert _is_debris(NEWS, "Kommentarer (7)")
    comments = [line for line in lines if re.match(r"\w+: ", line) and "?" in line]
    assert comments and all(_is_debris(NEWS, line) for line in comments)
    quote = next(line for line in lines if line.startswith("– Vi sparer tid"))
    assert not _is_debris(NEWS, quote)


@pytest.mark.parametrize("one, other, text", SHARED)
def test_related_documents_share_text(one, other, text):
    for name in (one, other):
        assert any(text in line for line in PANCAKE.lines[name]), (name, text)
