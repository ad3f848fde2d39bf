"""Tests of the shuga fixture set (tests/fixtures/exported/shuga), written blind.

The brief: employment services, job seekers' digital activity plans and algorithmic profiling
across the Nordic and Baltic countries. A public employment service's page on the digital
activity plan (with a login box and a chat widget); a Swedish employment agency's
assessment-tool explainer; an Estonian unemployment insurance fund's profiling page (English);
a Danish jobcentre's page on digital job interviews; a ministry's evaluation report excerpt (a
PDF with contents, tables and footnotes); an ombudsman's decision summary; a research
project's catalogue page and its working paper; a seminar programme with clock times glued to
talk titles; journal abstracts (one in two languages at least); a trade union's consultation
response; a national newspaper's news item with reader comments; a job seekers' forum thread;
and a municipality's meeting minutes item (Nynorsk). English, Bokmål, Nynorsk, Danish and
Swedish.

The import is never run here: the CSVs, the documents' visible lines, the pages' markup and
the README are read with the helpers of tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

SHUGA = fs.LabelledSet(fs.SETS / "shuga")

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "article:modified_time", "citation_publication_date", "event:start_time"}

# Phrases the labels' notes must hold, with the least number of documents naming each.
BRIEF_GENRES = {
    "public employment service's page on the digital activity plan": 1, "login box": 1,
    "chat widget": 1, "swedish employment agency's assessment-tool explainer": 1,
    "unemployment insurance fund's profiling page": 1,
    "danish jobcentre's page on digital job interviews": 1,
    "ministry's evaluation report excerpt": 1, "footnotes": 1,
    "ombudsman's decision summary": 1, "research project's catalogue page": 1,
    "research project's working paper": 1, "clock times glued to talk titles": 5,
    "journal abstract": 6, "in two languages": 2, "trade union's consultation response": 1,
    "national newspaper's news item with reader comments": 1, "job seekers' forum thread": 1,
    "municipality's meeting minutes item": 1, "with contents": 5, "colophon": 3,
    "in bokmål": 7, "in nynorsk": 6, "in danish": 5, "in swedish": 4, "in english": 10,
}

# A note opens with its genre (the words before the first " ("); each genre belongs to one type.
GENRE_TYPES = {
    "project_report": re.compile(r"research project"),
    "event_programme": re.compile(r"programme"),
    "abstract": re.compile(r"abstract"),
    "policy_document": re.compile(r"evaluation report|meeting minutes|employment plan|"
                                  r"plan for work|development plan|report excerpt|"
                                  r"strategy summary|consultation response"),
    "other": re.compile(r"page on|explainer|profiling page|decision summary|news item|"
                        r"forum thread|guidance page|english page"),
}

# How each kind of identifier is written, and what a zero-filled one looks like (None: only
# zeros, spaces, slashes and dashes).
IDENTIFIERS = {
    "phone": (r"(?:Telefon|Phone|Telephone): (?P<id>\+?\d[\d -]*\d)",
              r"(?:\+(?:372|47) )?(?:[1-9]\d |0\d{1,3}[- ])?[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", r"(?:556)?[0 -]+"),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-(?:82|91|952)-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:publikationer 2025:|Working Paper |TF-rapport nr\. |Rapport 2023:)"
                      r"(?P<id>\d+)", None),
    "reference": (r"(?:ref\.:\*\* 2\d/|Diarienummer: 2023/|order No\. V-|TEM/)(?P<id>\d[\d-]*)",
                  None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Label lines a copy or a saved page leaves on their own; wherever they stand they are debris.
FIELD_LABELS = {"Dato:", "Sted:", "Stad:", "Pris:", "Tid:", "Påmelding:", "Date:", "Time:",
                "Where:", "Price:", "Project period:", "Project leader:", "Funding:",
                "Partners:", "Projektperiode:", "Projektleder:", "Prosjektperiode:",
                "Prosjektleder:", "Finansiering:", "Utval:", "Møtedato:", "Saksnr.:"}

LEADERS = re.compile(r"\.{8,} \d+$")

# Documents that show the same body, project, report or person: (one, other, shared text).
SHARED = (
    ("h01_vasaregionens_sysselsattningsomrade_digital_aktivitetsplan_inloggning_chatt_sv.html",
     "t16_vasaregionens_sysselsattningsomrade_english_page_copy_en.txt", "Vasaregionen"),
    ("h06_rockwool_fonden_projekt_profilnord_katalogside_da_en.html",
     "t03_profilnord_working_paper_profiling_four_countries_pdf_en.txt", "PROFILNORD"),
    ("h03_tootukassa_profiling_tool_ott_english_page_en.html",
     "t05_tootukassa_development_plan_excerpt_pdf_en.txt", "profiling tool OTT"),
    ("t04_telemarksforsking_sluttrapport_aktivitetsplan_sosialhjelp_nn_en.txt",
     "t15_telemarksforsking_prosjektside_digiplan_copy_nb.txt", "DIGIPLAN"),
    ("h04_jobcenter_horsens_digitale_jobsamtaler_da.html",
     "h14_horsens_kommune_beskaeftigelsesplan_digital_indsats_da.html", "Jobcenter Horsens"),
    ("h07_frischsenteret_seminar_profilering_aktivitetsplan_program_nb.html",
     "h13_frischsenteret_prosjekt_risk_scores_activity_plans_en_nb.html", "Tor Aasland"),
    ("m01_akademikerne_horingssvar_profilering_arbeidssokere_markdown_nb.md",
     "m02_akademikerne_frokostseminar_kunstig_intelligens_nav_program_markdown_nb.md",
     "Akademikerne"),
)


def _debris(name: str, line: str) -> bool:
    return line in SHUGA.debris_of(name)


def _genre_types(notes: str) -> set[str]:
    """The types whose genre pattern matches the words a note opens with."""
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in GENRE_TYPES.items() if pattern.search(genre)}


def _named(notes_part: str) -> str:
    """The one document whose notes open with the given words."""
    found = [name for name, label in SHUGA.labels.items()
             if label["notes"].lower().startswith(notes_part)]
    assert len(found) == 1, (notes_part, found)
    return found[0]


def _prose_count(name: str) -> int:
    return sum(row["file"] == name for row in SHUGA.prose)


@pytest.mark.parametrize("name", SHUGA.on_disk)
def test_each_document(name):
    """Codebook, year rules, title, debris and prose placement; for a saved page its head."""
    SHUGA.document_check(name)
    if name in SHUGA.pages:
        SHUGA.page_check(name, HEAD_DATES)


def test_set_shape_and_readme():
    fs.size_check(SHUGA.labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.files_check(SHUGA.folder, SHUGA.labels)
    fs.readme_check(SHUGA.folder, SHUGA.labels, SHUGA.debris, SHUGA.prose)
    assert fs.missing_genres(SHUGA.labels, BRIEF_GENRES) == {}


def test_genre_decides_type():
    mistyped = [(name, label["doc_type"]) for name, label in SHUGA.labels.items()
                if _genre_types(label["notes"]) != {label["doc_type"]}]
    assert mistyped == []


def test_languages():
    fs.language_check(SHUGA.labels, {"en": 12, "nb": 8, "nn": 6, "da": 5, "sv": 4},
                      alone_least=3)
    two = [label for label in SHUGA.labels.values() if ";" in label["languages"]]
    assert len(two) >= 6
    assert sum(label["doc_type"] == "abstract" for label in two) >= 2


def test_years():
    fs.trap_check(SHUGA.labels, SHUGA.prose, SHUGA.lines)
    for row in SHUGA.prose:
        label = SHUGA.labels[row["file"]]
        later = [y for y in fs.YEAR.findall(row["sentence"])
                 if label["year"] and y > label["year"]]
        assert all(y in label["year_evidence"] for y in later), (row["file"], later)


def test_timetables_glued_and_kept():
    glued = {(name, line) for name, lines in SHUGA.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)}
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 5
    assert {SHUGA.labels[name]["doc_type"] for name in programmes} == {"event_programme"}
    assert [pair for pair in glued if _debris(*pair)] == []


def test_identifiers_are_zero_filled():
    kinds = {kind: re.compile(pattern) for kind, (pattern, _) in IDENTIFIERS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in IDENTIFIERS.items() if shape}
    seen, wrong = fs.identifier_misses(SHUGA.lines, kinds, shapes, "0 /-")
    assert wrong == [] and set(seen) == set(kinds), (wrong, seen)


def test_page_furniture():
    labels = [(n, line) for n, lines in SHUGA.lines.items() for line in lines
              if line in FIELD_LABELS]
    assert len(labels) >= 12 and all(_debris(*pair) for pair in labels)
    leaders = [(n, line) for n, lines in SHUGA.lines.items() for line in lines
               if LEADERS.search(line)]
    assert len(leaders) >= 12 and all(_debris(*pair) for pair in leaders)
    assert SHUGA.field_pages() >= 5 and SHUGA.kept_markdown_fields() == []


def test_login_box_and_chat_widget_are_debris():
    name = _named("public employment service's page on the digital activity plan")
    form = SHUGA.soup(name).find("form")
    boxed = [line.strip() for line in form.get_text("\n").split("\n") if line.strip()]
    assert boxed and all(_debris(name, line) for line in boxed)
    for line in ("Chatta med oss", "Starta chatten", "Skriv ditt meddelande här"):
        assert line in SHUGA.lines[name] and _debris(name, line)
    assert _prose_count(name) >= 3


def test_evaluation_footnotes_and_table():
    name = _named("ministry's evaluation report excerpt")
    notes = [line for line in SHUGA.lines[name] if line[0] in "¹²³"]
    assert len(notes) >= 2 and all(_debris(name, line) for line in notes)
    table = [line for line in SHUGA.lines[name]
             if line.startswith(("Region ", "Nyland ", "Österbotten ", "Lappland "))]
    assert len(table) >= 4 and not any(_debris(name, line) for line in table)


def test_news_comments_are_debris():
    name = _named("national newspaper's news item with reader comments")
    counts = [line for line in SHUGA.lines[name] if line.startswith("Kommentarer (")]
    assert counts and all(_debris(name, line) for line in counts)
    assert _debris(name, "Bergensbua: Typisk at dette skjer på en fredag.")
    quote = [line for line in SHUGA.lines[name] if line.startswith("– Jeg trodde")]
    assert quote and not _debris(name, quote[0])


def test_forum_posts_kept_and_their_stamps_dropped():
    name = _named("job seekers' forum thread")
    stamps = [line for line in SHUGA.lines[name] if line.startswith("Skrevet ")]
    assert stamps and all(_debris(name, line) for line in stamps)
    assert _prose_count(name) >= 3


def test_minutes_item_in_nynorsk():
    name = _named("municipality's meeting minutes item")
    assert SHUGA.labels[name]["languages"] == "nn"
    decision = [line for line in SHUGA.lines[name] if line.startswith("Kommunestyret vidarefører")]
    assert len(decision) == 2 and not any(_debris(name, line) for line in decision)


@pytest.mark.parametrize("one, other, text", SHARED)
def test_related_documents_share_text(one, other, text):
    for name in (one, other):
        assert any(text in line for line in SHUGA.lines[name]), (name, text)
