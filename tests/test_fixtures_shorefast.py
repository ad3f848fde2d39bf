"""Checks of the shorefast fixture set (tests/fixtures/exported/shorefast), written blind.

Its brief: public dental care and welfare. A county's public dental service page with digital
booking and opening hours; a Swedish region's page on the dental care allowance; a Danish
municipality's page on children's dental care by app; a directorate's report on dental health
among people on social assistance (a PDF with contents, tables and footnotes); a dental
association's consultation response; an ombudsman's statement; a research project's catalogue
page and its final report summary; a conference programme with clock times glued to talk
titles; journal abstracts (one bilingual); a local newspaper's news item with reader comments;
a patient's blog post; a Nynorsk municipal council case document. English, Bokmål, Nynorsk,
Danish, Swedish.

The import is never run here: the shared helpers of tests/fixturesets.py read the CSVs, the
visible lines, the saved pages' markup and the set README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SHOREFAST = fs.LabelledSet(fs.SETS / "shorefast")
NAMES = SHOREFAST.on_disk

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# How many documents' notes must name each phrase of the brief (lower case), one phrase a
# line with its least number at the end.
ASKED_LINES = """
county's public dental service page with digital booking and opening hours 1
swedish region's page on the dental care allowance 1
danish municipality's page on children's dental care by app 1
directorate's report on dental health among people on social assistance 1
contents with dot leaders 4
a table, a footnote 1
dental association's consultation response 1
ombudsman's statement 1
research project's catalogue page 5
research project's final report summary 2
clock times glued to talk titles 6
journal abstract 6
journal abstract in two languages 3
local newspaper's news item with reader comments 1
patient's blog post 1
nynorsk municipal council case document 1
field labels 7
in english 9
in bokmål 10
in nynorsk 6
in danish 6
in swedish 6
"""
ASKED = {phrase: int(least) for phrase, least in
         (line.rsplit(" ", 1) for line in ASKED_LINES.strip().splitlines())}

# The genre a note opens with (up to its first " (") names exactly one type.
GENRE_LINES = r"""
other: service page|allowance|by app|news item|blog post
policy_document: directorate's|consultation|ombudsman|guideline|council case|action plan
project_report: research project's
abstract: abstract
event_programme: programme
"""
GENRE_TYPE = {kind: re.compile(rule) for kind, rule in
              (line.split(": ", 1) for line in GENRE_LINES.strip().splitlines())}

# Identifiers by kind, their digits in the group `id`; all must be zero-filled.
IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern in (
    ("phone", r"Telefon: (?P<id>[0-9][0-9 -]*[0-9])"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    ("ISBN", r"ISBN (?P<id>[0-9-]+)"),
    ("ISSN", r"ISSN (?P<id>[0-9-]+)"),
    ("report number", r"(?:Rapport|rapport|report) (?P<id>[0-9]+)/20\d\d"),
    ("reference", r"^(?P<id>2[0-9]/[0-9]{4,5})$"),
    ("postal box", r"(?:Postboks|Box) (?P<id>[0-9]+)"),
    ("project number", r"^(?P<id>0{6})$"),
    ("DOI", r"10\.0000/[a-z]+\.(?P<id>[0-9]+)"),
)}
FILLED = {"phone": re.compile(r"(?:[1-9][0-9] |0[0-9]{1,3}-)[0 ]+"),
          "ISBN": re.compile(r"978-[0-9]{2}-0+-0+-0"),
          "reference": re.compile(r"2[0-9]/0+")}

LABELS_ALONE = {"Saksnr.:", "Utval:", "Møtedato:", "Sakshandsamar:", "Dato:", "Sted:",
                "Stad:", "Til:", "Jeres ref.:", "Projektperiod:", "Projektledare:",
                "Finansiär:"}
LEADERS = re.compile(r"\.{10,} \d+$")


def dropped(name: str) -> set[str]:
    return SHOREFAST.debris_of(name)


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in SHOREFAST.prose if row["file"] == name]


def opening(words: str) -> str:
    """The one document whose notes open with these lower-case words."""
    found = [name for name in NAMES
             if SHOREFAST.labels[name]["notes"].lower().startswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


def everywhere(test) -> list[tuple[str, str]]:
    return [(name, line) for name in NAMES for line in SHOREFAST.lines[name] if test(line)]


def not_dropped(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, line) for name, line in found if line not in dropped(name)]


@pytest.mark.parametrize("name", NAMES)
def test_document(name):
    """Shared label and placement checks, the saved page's head and fields, the type the
    notes' genre names, and later years in prose named in the evidence."""
    label = SHOREFAST.labels[name]
    SHOREFAST.document_check(name)
    if name.endswith(".html"):
        SHOREFAST.page_check(name, HEAD_DATES)
    genre = label["notes"].lower().split(" (", 1)[0]
    assert [t for t, rule in GENRE_TYPE.items() if rule.search(genre)] == [label["doc_type"]]
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s)
                 if int(y) > int(label["year"])}
        assert all(y in label["year_evidence"] for y in later), later


WHOLE_SET = {
    "files": lambda: fs.files_check(SHOREFAST.folder, SHOREFAST.labels),
    "readme": lambda: fs.readme_check(SHOREFAST.folder, SHOREFAST.labels, SHOREFAST.debris,
                                      SHOREFAST.prose),
    "size": lambda: fs.size_check(SHOREFAST.labels,
                                  {"html": (17, 19), "txt": (15, 17), "md": (1, 2)}),
    "languages": lambda: fs.language_check(
        SHOREFAST.labels, {"en": 15, "nb": 10, "nn": 6, "da": 6, "sv": 6}, alone_least=4),
    "traps": lambda: fs.trap_check(SHOREFAST.labels, SHOREFAST.prose, SHOREFAST.lines),
}


@pytest.mark.parametrize("check", sorted(WHOLE_SET))
def test_whole_set(check):
    WHOLE_SET[check]()


def test_brief_genres_bilingual_documents_and_undated():
    assert fs.missing_genres(SHOREFAST.labels, ASKED) == {}
    two = Counter(label["doc_type"] for label in SHOREFAST.labels.values()
                  if ";" in label["languages"])
    assert two.total() >= 7 and two["abstract"] >= 4 and two["project_report"] >= 2, two
    traps = fs.year_traps(SHOREFAST.labels, SHOREFAST.prose, SHOREFAST.lines)
    assert len(traps["bare"]) >= 4 and len(traps["other_years"]) >= 5, traps
    assert len(traps["ahead"]) >= 5, traps


def test_glued_timetables_belong_to_programmes_and_stay():
    glued = everywhere(fs.GLUED_TIME.search)
    owners = {name for name, _ in glued}
    assert len(owners) >= 6
    assert {SHOREFAST.labels[name]["doc_type"] for name in owners} == {"event_programme"}
    assert not_dropped(glued) == glued


@pytest.mark.parametrize("kind", sorted(IDENTIFIERS))
def test_identifier_kind_occurs_zero_filled(kind):
    seen, wrong = fs.identifier_misses(SHOREFAST.lines, {kind: IDENTIFIERS[kind]}, FILLED)
    assert seen[kind] > 0, kind
    assert wrong == [], wrong


def test_lone_labels_and_leaders_dropped():
    alone = everywhere(lambda line: line in LABELS_ALONE)
    leaders = everywhere(lambda line: bool(LEADERS.search(line)))
    assert (len(alone) >= 15, len(leaders) >= 10) == (True, True), (len(alone), len(leaders))
    assert not_dropped(alone + leaders) == []


def test_field_lists_and_markdown_fields_dropped():
    assert SHOREFAST.field_pages() >= 8
    assert SHOREFAST.kept_markdown_fields() == []


def test_dental_service_page_booking_and_hours():
    name = opening("county's public dental service page")
    gone = dropped(name)
    assert {"Bestill time", "Mandag–fredag", "08.00–15.30", "Telefontid: 08.30–11.30",
            "Godta alle"} <= gone
    assert not {"Åpningstider", "Klinikker"} & gone
    assert [s for s in sentences(name) if "BankID" in s]


def test_news_item_comments_dropped_quotation_kept():
    name = opening("local newspaper's news item with reader comments")
    gone = dropped(name)
    said = [line for line in SHOREFAST.lines[name] if " skrev: " in line]
    assert len(said) == 2 and set(said) <= gone
    assert "2 kommentarer" in gone and "Kommentarer" not in gone
    assert [s for s in sentences(name) if s.startswith("– ")]


def test_directorate_report_footnote_table_and_summary():
    name = opening("directorate's report on dental health")
    gone, shown = dropped(name), SHOREFAST.lines[name]
    notes = [line for line in shown if line.startswith("¹")]
    marked = [line for line in shown if line.endswith("¹")]
    rows = [line for line in shown if re.search(r"\d %$", line)]
    assert len(notes) == 1 and set(notes) <= gone
    assert marked and not set(marked) & gone
    assert len(rows) == 2 and not set(rows) & gone
    assert "Summary in English" not in gone and [s for s in sentences(name) if "2030" in s]


def test_council_case_fields_dropped_proposal_kept():
    name = opening("nynorsk municipal council case document")
    assert {"Saksnr.:", "25/00000", "Møtedato:", "12.06.2025", "Side 1 av 1"} <= dropped(name)
    kept = {"Framlegg til vedtak", "Kommunestyret vedtek retningsliner for stønad til "
            "tannbehandling."}
    assert kept <= set(SHOREFAST.lines[name]) and not kept & dropped(name)


def test_blog_post_byline_and_tags_dropped():
    name = opening("patient's blog post")
    gone = dropped(name)
    assert "*Publisert 9. mars 2025*" in gone and "4 kommentarer" in gone
    assert [line for line in gone if line.startswith("**Stikkord:**")]


def test_catalogue_page_and_final_report_share_the_project():
    pages = [name for name in NAMES if any("TANNSOS" in line for line in SHOREFAST.lines[name])]
    assert {SHOREFAST.labels[name]["doc_type"] for name in pages} == {"project_report"}
    assert len(pages) == 2
