"""Checks of the bergy fixture set (tests/fixtures/exported/bergy), written blind.

Its brief: substance use services and digital follow-up. A municipality's page on its
low-threshold service with a chat and an opening-hours box; a health directorate's guideline
chapter on digital follow-up in addiction treatment; a hospital trust's page on an app for
patients in treatment (cookie banner, "read more" panel); a Swedish region's press release; a
Danish municipality's report on a pilot (a PDF with contents, tables and footnotes); a user
organisation's consultation response; a research project's catalogue page and its working
paper; a seminar programme with clock times glued to talk titles; journal abstracts (one in
two languages at least); a newspaper's news item with reader comments; a peer worker's blog
post; a Nynorsk municipal council case document. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here: the shared helpers of tests/fixturesets.py read the CSVs, the
visible lines, the saved pages' markup and the set README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

BERGY = fs.LabelledSet(fs.SETS / "bergy")
NAMES = BERGY.on_disk

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# How many documents' notes must name each phrase of the brief (lower case), one phrase a
# line with its least number at the end.
ASKED_LINES = """
municipality's page on its low-threshold service 1
with a chat and an opening-hours box 1
health directorate's guideline chapter 1
hospital trust's page on an app for patients 1
cookie banner and a "read more" panel 1
swedish region's press release 1
danish municipality's report on a pilot 1
contents, tables and footnotes 1
user organisation's consultation response 2
research project's catalogue page 3
research project's working paper 1
clock times glued to talk titles 6
journal abstract 6
journal abstract in two languages 3
news item with reader comments 1
peer worker's blog post 1
nynorsk municipal council case document 1
contents with dot leaders 4
colophon 3
field labels 12
in english 15
in bokmål 13
in nynorsk 5
in danish 4
in swedish 6
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type: each line
# gives a type and the pattern of its genres.
GENRE_LINES = r"""
other: low-threshold|app for patients|press release|news item|blog post|patient page
policy_document: guideline|consultation response|report on a pilot|council case document|action plan
project_report: research project's
abstract: abstract
event_programme: programme
"""
GENRE_TYPE = {kind: re.compile(rule) for kind, rule in
              (line.split(": ", 1) for line in GENRE_LINES.strip().splitlines())}

# Identifiers by kind, their digits in the group `id`; all must be zero-filled.
IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern in (
    ("phone", r"(?:Telefon|Phone): (?P<id>[0-9][0-9 -]*[0-9])"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    ("ISBN", r"ISBN (?P<id>[0-9-]+)"),
    ("ISSN", r"ISSN (?P<id>[0-9-]+)"),
    ("report number", r"(?:Rapport|Working Paper) (?P<id>[0-9]+)/20\d\d"),
    ("reference", r"(?:^|Deres ref\.: )(?P<id>2[0-9]/[0-9]{4,5})$"),
    ("postal box", r"(?:Postboks|Box) (?P<id>[0-9]+)"),
)}
FILLED = {"phone": re.compile(r"(?:[1-9][0-9] |0[0-9]{1,3}[- ]|[1-9][0-9]{2} )[0 -]+"),
          "ISBN": re.compile(r"978-82-[0-]+"),
          "reference": re.compile(r"2[0-9]/0+")}

LABELS_ALONE = {"Saksnr.:", "Utval:", "Møtedato:", "Sakshandsamar:", "Vedlegg:", "Dato:",
                "Sted:", "Stad:", "Tid:", "Pris:", "Til:", "Høringsfrist:", "Date:",
                "Place:", "Language:", "Projektperiod:", "Finansiär:", "Projektledare:"}
LEADERS = re.compile(r"\.{10,} \d+$")

SHARED = (("h06_seraf_uio_prosjekt_katalogside_digitrapp_en_nb.html",
           "t02_seraf_working_paper_digitrapp_baseline_pdf_en_nb.txt", "DIGITRAPP"),
          ("h05_prolar_nett_horingssvar_digital_oppfolging_lar_nb.html",
           "h11_actis_frokostseminar_apper_behandling_program_nb.html", "proLAR Nett"),
          ("t03_tysvaer_kommune_saksframlegg_digital_oppfolging_rusteneste_nn.txt",
           "m01_vestlandsnettverket_samling_digital_oppfolging_program_nn.md", "Tysvær"))


def dropped(name: str) -> set[str]:
    return BERGY.debris_of(name)


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in BERGY.prose if row["file"] == name]


def opening(words: str) -> str:
    """The one document whose notes open with these lower-case words."""
    found = [name for name in NAMES if BERGY.labels[name]["notes"].lower().startswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


def everywhere(test) -> list[tuple[str, str]]:
    return [(name, line) for name in NAMES for line in BERGY.lines[name] if test(line)]


def not_dropped(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, line) for name, line in found if line not in dropped(name)]


@pytest.mark.parametrize("name", NAMES)
def test_document(name):
    """Shared label and placement checks, the saved page's head and fields, the type the
    notes' genre names, and later years in prose named in the evidence."""
    label = BERGY.labels[name]
    BERGY.document_check(name)
    if name.endswith(".html"):
        BERGY.page_check(name, HEAD_DATES)
    genre = label["notes"].lower().split(" (", 1)[0]
    assert [t for t, rule in GENRE_TYPE.items() if rule.search(genre)] == [label["doc_type"]]
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s)
                 if int(y) > int(label["year"])}
        assert all(y in label["year_evidence"] for y in later), later


def bilingual_types() -> Counter:
    return Counter(label["doc_type"] for label in BERGY.labels.values()
                   if ";" in label["languages"])


def enough_undated() -> bool:
    traps = fs.year_traps(BERGY.labels, BERGY.prose, BERGY.lines)
    return len(traps["bare"]) >= 4 and len(traps["other_years"]) >= 4


# Checks of the whole set, by name: the files and README tables, size and formats, the
# brief's genres, the languages, the bilingual documents and the year situations.
WHOLE_SET = {
    "files": lambda: fs.files_check(BERGY.folder, BERGY.labels),
    "readme": lambda: fs.readme_check(BERGY.folder, BERGY.labels, BERGY.debris, BERGY.prose),
    "size": lambda: fs.size_check(BERGY.labels,
                                  {"html": (17, 19), "txt": (15, 17), "md": (1, 2)}),
    "languages": lambda: fs.language_check(
        BERGY.labels, {"en": 15, "nb": 13, "nn": 5, "da": 4, "sv": 6}, alone_least=2),
    "traps": lambda: fs.trap_check(BERGY.labels, BERGY.prose, BERGY.lines),
}


@pytest.mark.parametrize("check", sorted(WHOLE_SET))
def test_whole_set(check):
    WHOLE_SET[check]()


def test_brief_genres_bilingual_documents_and_undated():
    assert fs.missing_genres(BERGY.labels, ASKED) == {}
    two = bilingual_types()
    assert two.total() >= 9, two
    assert min(two["abstract"], two["project_report"]) >= 3, two
    assert enough_undated()


def test_glued_timetables_belong_to_programmes_and_stay():
    glued = everywhere(fs.GLUED_TIME.search)
    owners = {name for name, _ in glued}
    assert len(owners) >= 6
    assert {BERGY.labels[name]["doc_type"] for name in owners} == {"event_programme"}
    assert not_dropped(glued) == glued


@pytest.mark.parametrize("kind", sorted(IDENTIFIERS))
def test_identifier_kind_occurs_zero_filled(kind):
    seen, wrong = fs.identifier_misses(BERGY.lines, {kind: IDENTIFIERS[kind]}, FILLED)
    assert seen[kind] > 0, kind
    assert wrong == [], wrong


def test_lone_labels_and_leaders_dropped():
    alone = everywhere(lambda line: line in LABELS_ALONE)
    leaders = everywhere(lambda line: bool(LEADERS.search(line)))
    assert (len(alone) >= 20, len(leaders) >= 12) == (True, True), (len(alone), len(leaders))
    assert not_dropped(alone + leaders) == []


def test_field_lists_and_markdown_fields_dropped():
    assert BERGY.field_pages() >= 8
    assert BERGY.kept_markdown_fields() == []


def test_low_threshold_page_chat_box_and_hours():
    name = opening("municipality's page on its low-threshold service")
    gone = dropped(name)
    assert {"Start chat", "Chatten er stengt nå. Den åpner igjen kl. 10.00.",
            "Mandag–torsdag", "10.00–15.00", "Chat: hverdager 10.00–14.30"} <= gone
    assert not {"Chat med oss", "Åpningstider", "Kontakt"} & gone
    assert [s for s in sentences(name) if "anonym" in s]


def test_hospital_app_page_banner_and_read_more_panel():
    name = opening("hospital trust's page on an app for patients")
    gone = dropped(name)
    banner = [line for line in BERGY.lines[name] if "informasjonskapsler" in line]
    assert len(banner) == 2 and set(banner) <= gone
    assert {"Jeg forstår", "Les mer", "Rettigheter som pasient"} <= gone
    assert "Slik kommer du i gang" not in gone


def test_news_item_comments_dropped_quotation_kept():
    name = opening("newspaper's news item with reader comments")
    gone = dropped(name)
    said = [line for line in BERGY.lines[name] if " skrev: " in line]
    assert len(said) == 2 and set(said) <= gone
    assert "2 kommentarer" in gone and "Kommentarer" not in gone
    assert [s for s in sentences(name) if s.startswith("– ")]


def test_pilot_report_footnote_table_and_summary():
    name = opening("danish municipality's report on a pilot")
    gone, shown = dropped(name), BERGY.lines[name]
    notes = [line for line in shown if line.startswith("¹")]
    marked = [line for line in shown if line.endswith("¹") and not line.startswith("¹")]
    rows = [line for line in shown if re.search(r"\d %$", line)]
    assert len(notes) == 1 and set(notes) <= gone
    assert marked and not set(marked) & gone
    assert len(rows) == 2 and not set(rows) & gone
    assert "English summary" not in gone and [s for s in sentences(name) if "inden 2027" in s]


def test_council_case_fields_dropped_proposal_kept():
    name = opening("nynorsk municipal council case document")
    assert {"Saksnr.:", "25/00000", "Møtedato:", "03.06.2025", "Side 1 av 1"} <= dropped(name)
    kept = {"Framlegg til vedtak",
            "Kommunestyret godkjenner plan for digital oppfølging i rus- og psykiatritenesta."}
    assert kept <= set(BERGY.lines[name]) and not kept & dropped(name)


def test_guideline_chapter_contents_and_strengths_dropped():
    name = opening("health directorate's guideline chapter")
    gone = dropped(name)
    assert {"Contents of the guideline", "1. Scope", "Strong recommendation",
            "Weak recommendation", "Print chapter"} <= gone
    assert not {"Recommendation 4.1", "Practical advice"} & gone


def test_blog_post_byline_and_tags_dropped():
    name = opening("peer worker's blog post")
    gone = dropped(name)
    assert "*Publisert 8. august 2024*" in gone and "3 kommentarer" in gone
    assert [line for line in gone if line.startswith("**Stikkord:**")]


@pytest.mark.parametrize("one, other, text", SHARED)
def test_related_documents_share_a_name(one, other, text):
    for name in (one, other):
        assert any(text in line for line in BERGY.lines[name]), name
