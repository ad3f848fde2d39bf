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

Nothing here runs the import. What is checked is the set itself, through the helpers of
tests/fixturesets.py: its three CSV files, the visible lines of each document, the markup of
the saved pages and the tables of the set's README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SHOREFAST = fs.LabelledSet(fs.SETS / "shorefast")
NAMES = SHOREFAST.on_disk

# The <head> fields that date a saved page; where one is present it names the labelled year.
HEAD_DATES = {"article:published_time", "citation_publication_date", "dcterms.issued",
              "dcterms.modified", "event:start_time"}

# Phrases of the brief (lower case) that the notes of the labels must name, each followed by
# the least number of documents whose notes name it.
ASKED_LINES = """
in english 9
in bokmål 10
in nynorsk 6
in danish 6
in swedish 6
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
"""
ASKED = dict((phrase, int(least)) for phrase, _, least in
             (line.rpartition(" ") for line in ASKED_LINES.strip().splitlines()))

# Which type each genre stands for: the words before the first " (" of a document's notes
# must match exactly one of these patterns, and it must be the labelled type.
GENRE_TYPE = {
    "other": re.compile(r"service page|allowance|by app|news item|blog post"),
    "policy_document": re.compile(
        r"directorate's|consultation|ombudsman|guideline|council case|action plan"),
    "project_report": re.compile(r"research project's"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# The identifiers of the set, a pattern a kind with the digits in its group `id`: each kind
# occurs, and each is zero-filled (FILLED gives the real shapes that are not only zeros).
IDENTIFIERS = {
    "phone": re.compile(r"Telefon: (?P<id>\d[\d -]*\d)"),
    "organisation number": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)"),
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[\d-]+)"),
    "report number": re.compile(r"[Rr](?:apport|eport) (?P<id>\d+)/20\d\d"),
    "case reference": re.compile(r"^(?P<id>2\d/\d{4,5})$"),
    "postal box": re.compile(r"(?:Postboks|Box) (?P<id>\d+)"),
    "project number": re.compile(r"^(?P<id>0{6})$"),
    "DOI": re.compile(r"10\.0000/[a-z]+\.(?P<id>\d+)"),
}
FILLED = {"phone": re.compile(r"(?:[1-9][0-9] |0[0-9]{1,3}-)[0 ]+"),
          "ISBN": re.compile(r"978-[0-9]{2}-0+-0+-0"),
          "case reference": re.compile(r"2[0-9]/0+")}

LABELS_ALONE = {"Saksnr.:", "Utval:", "Møtedato:", "Sakshandsamar:", "Dato:", "Sted:",
                "Stad:", "Til:", "Jeres ref.:", "Projektperiod:", "Projektledare:",
                "Finansiär:"}
LEADERS = re.compile(r"\.{10,} \d+$")


# Every visible line of the set with its document, read once.
ALL_LINES = [(name, line) for name in NAMES for line in SHOREFAST.lines[name]]


def kept(pairs) -> list[tuple[str, str]]:
    """The (document, line) pairs that the set's debris list leaves in place."""
    return [pair for pair in pairs if pair[1] not in SHOREFAST.debris_of(pair[0])]


def prose_of(name: str) -> list[str]:
    return [row["sentence"] for row in SHOREFAST.prose if row["file"] == name]


def named_by(words: str) -> str:
    """The single document whose notes begin with the given lower-case genre words."""
    hits = [name for name, label in SHOREFAST.labels.items()
            if label["notes"].lower().startswith(words)]
    assert len(hits) == 1, (words, hits)
    return hits[0]


@pytest.mark.parametrize("name", NAMES)
def test_document(name):
    """The shared document and page checks, the one type the genre of the notes names, and
    every year in a prose sentence that is later than the label named in the evidence."""
    SHOREFAST.document_check(name)
    if name in SHOREFAST.pages:
        SHOREFAST.page_check(name, HEAD_DATES)
    label = SHOREFAST.labels[name]
    genre = label["notes"].lower().partition(" (")[0]
    assert {kind for kind, rule in GENRE_TYPE.items() if rule.search(genre)} == {label["doc_type"]}
    ahead = [year for sentence in prose_of(name) for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]]
    assert not [year for year in ahead if year not in label["year_evidence"]], ahead


WHOLE_SET = {
    "files": lambda: fs.files_check(SHOREFAST.folder, SHOREFAST.labels),
    "readme": lambda: fs.readme_check(SHOREFAST.folder, SHOREFAST.labels, SHOREFAST.debris,
                                      SHOREFAST.prose),
    "size": lambda: fs.size_check(SHOREFAST.labels,
                                  {"html": (17, 19), "txt": (15, 17), "md": (1, 2)}),
    "languages": lambda: fs.language_check(
        SHOREFAST.labels, {"en": 15, "nb": 10, "nn": 6, "da": 6, "sv": 6}, alone_least=4),
    "traps": lambda: fs.trap_check(SHOREFAST.labels, SHOREFAST.prose, SHOREFAST.lines),
    "genres": lambda: fs.missing_genres(SHOREFAST.labels, ASKED) == {} or pytest.fail("genres"),
}


@pytest.mark.parametrize("check", sorted(WHOLE_SET))
def test_whole_set(check):
    WHOLE_SET[check]()


def test_bilingual_documents_and_year_situations():
    pairs = Counter(label["doc_type"] for label in SHOREFAST.labels.values()
                    if ";" in label["languages"])
    assert pairs.total() >= 7, pairs
    assert pairs["abstract"] >= 4 and pairs["project_report"] >= 2, pairs
    found = fs.year_traps(SHOREFAST.labels, SHOREFAST.prose, SHOREFAST.lines)
    wanted = {"bare": 4, "other_years": 5, "ahead": 5}
    assert {key: len(found[key]) for key in wanted if len(found[key]) < wanted[key]} == {}


def test_glued_times_only_in_programmes_and_never_debris():
    glued = [pair for pair in ALL_LINES if fs.GLUED_TIME.search(pair[1])]
    types = Counter(SHOREFAST.labels[name]["doc_type"] for name, _ in glued)
    assert set(types) == {"event_programme"}
    assert len({name for name, _ in glued}) >= 6
    assert kept(glued) == glued


@pytest.mark.parametrize("kind", sorted(IDENTIFIERS))
def test_identifiers_zero_filled(kind):
    counts, unfilled = fs.identifier_misses(SHOREFAST.lines, {kind: IDENTIFIERS[kind]}, FILLED)
    assert (counts[kind] >= 1, unfilled) == (True, [])


def test_field_furniture_is_debris():
    """Lone field labels, contents lines with dot leaders, `<dt>`/`<dd>` fields of at least
    eight saved pages and the Markdown pages' bold field lines are all debris."""
    labels = [pair for pair in ALL_LINES if pair[1] in LABELS_ALONE]
    leaders = [pair for pair in ALL_LINES if LEADERS.search(pair[1])]
    assert len(labels) >= 15 and len(leaders) >= 10, (len(labels), len(leaders))
    assert kept(labels) == [] and kept(leaders) == []
    assert SHOREFAST.field_pages() >= 8 and SHOREFAST.kept_markdown_fields() == []


# Documents the brief names, by the words their notes begin with: lines that must be
# debris, lines that must stay (neither debris nor missing), and a word one of its prose
# sentences holds.
PARTICULAR = {
    "county's public dental service page": (
        {"Bestill time", "Mandag–fredag", "08.00–15.30", "Telefontid: 08.30–11.30",
         "Godta alle", "E-post:"},
        {"Åpningstider", "Klinikker"}, "BankID"),
    "local newspaper's news item with reader comments": (
        {"2 kommentarer", "LES OGSÅ", "Skriv en kommentar",
         "Nordlending skrev: Dette har vært et problem i mange år."},
        {"Kommentarer"}, "– Vi prioriterer"),
    "directorate's report on dental health": (
        {"Innehåll", "¹ Uppgifterna bygger på registret över tandhälsa och kommunernas "
         "registrering av bistånd."},
        {"Skillnaden har ökat under perioden 2019–2023.¹", "Ekonomiskt bistånd 41 %",
         "Övriga vuxna 78 %", "Summary in English"}, "till 2030"),
    "nynorsk municipal council case document": (
        {"Saksnr.:", "25/00000", "Møtedato:", "12.06.2025", "Side 1 av 1"},
        {"Framlegg til vedtak",
         "Kommunestyret vedtek retningsliner for stønad til tannbehandling."}, "innan 2028"),
    "patient's blog post": (
        {"*Publisert 9. mars 2025*", "4 kommentarer", "**Stikkord:** tannangst, tannhelse"},
        set(), "på nett"),
    "danish municipality's page on children's dental care by app": (
        {"Hent i App Store", "Hent i Google Play", "Læs også", "Opdateret 14. august 2024"},
        set(), "inden 2026"),
}


@pytest.mark.parametrize("words", sorted(PARTICULAR))
def test_particular_document(words):
    name = named_by(words)
    gone, stays, hint = PARTICULAR[words]
    assert gone - SHOREFAST.debris_of(name) == set()
    assert stays <= set(SHOREFAST.lines[name]) and not stays & SHOREFAST.debris_of(name)
    assert any(hint in sentence for sentence in prose_of(name)), hint


def test_tannsos_named_by_its_catalogue_page_and_final_report_only():
    holders = sorted({name for name, line in ALL_LINES if "TANNSOS" in line})
    assert [SHOREFAST.labels[name]["doc_type"] for name in holders] == ["project_report"] * 2
