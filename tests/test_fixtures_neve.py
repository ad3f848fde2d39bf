"""Checks of the neve set (tests/fixtures/exported/neve), written blind.

Brief: welfare digitalisation in the media and public debate. Newspapers' news articles and
features with bylines, photo credits, "read also" boxes and comment counts; op-eds, readers'
letters and an editorial; a TV programme's web article with a transcript excerpt, a radio
debate's page and a podcast episode page with show notes; a press release and the news story
made of it; a fact-check, a magazine's interview in a trade journal, a columnist's blog and a
press council's decision; media researchers' journal abstracts and seminar programmes. English,
Bokmål, Nynorsk, Danish and Swedish, several documents bilingual; about half saved HTML.

Held here: the brief, the conventions of tests/fixtures/exported/dev/README.md and the tables
of the set's README. Nothing here runs the import; only the CSVs, the visible lines of each
document, the saved pages' markup and the README are read.
"""

import re

import fixturesets as fs
import pytest

NEVE = fs.LabelledSet(fs.SETS / "neve")
HEAD_DATES = {"dcterms.issued", "article:published_time", "citation_publication_date",
              "event:start_time"}

# Phrases of the brief that the notes must name, with the least number of documents.
ASKED = {"newspaper": 6, "op-ed": 1, "readers' letter": 1, "editorial": 1, "columnist's blog": 1,
         "tv programme's web article": 1, "transcript excerpt": 1, "radio debate": 1,
         "podcast episode page": 1, "show notes": 1, "press release": 2, "news story made of": 1,
         "fact-check": 1, "magazine's interview": 1, "trade journal": 1, "press council": 1,
         "media researcher's journal abstract": 4, "seminar programme": 2, "research project": 5,
         "byline": 3, "photo credit": 2, "read also": 2, "comment count": 3, "field labels": 4}

# Who stands behind a document: every note names one of these.
BEHIND = re.compile("|".join((
    "newspaper", "columnist", "agency", "fact-check", "press council", "journal", "tv", "radio",
    "podcast", "university", "school", "grants", "regulator", "ministry", "inquiry",
    "association", "centre", "almedalen", "folkemødet", "nordmedia", "redaktørforening")), re.I)

# Identifiers on these documents: kind, what stands before the number, the number itself and,
# where zeros alone do not say it, the zero-filled form the number must take.
ID_TABLE = (
    ("case number", r"\bPFU-sak |\bCF\d\d-|\bES/", r"[\d/]+", r"0+(?:/2\d|/1)?"),
    ("diary number", r"^", r"20\d\d-\d{5}$", r"20\d\d-0{5}"),
    ("report number", r"\bRapport |\bSOU |\bMeld\. St\. |Skriftserien nr\. ", r"\d[\d:/]*",
     r"0+(?:/20\d\d)?|20\d\d:0+"),
    ("ISBN", r"\bISBN ", r"[\d-]+", r"97[89]-\d\d-0+-0+-0"),
    ("ISSN", r"\bISSN ", r"[\dX-]+", None),
    ("project number", r"\bProsjektnummer ", r"\d+", None),
    ("organisation number", r"\bOrg\.nr\. |\bCVR ", r"[\d ]+\d", None),
    ("postal box", r"\bPostboks |\bBox ", r"\d+", None),
    ("phone", r"Telefon |Sentralbord |Pressevakt: ", r"\+?\d[\d ]*\d",
     r"(?:\+45 )?(?:[2-9]\d )?[0 ]+"),
    ("journal pages", r"Sidetall: ", r"[\d–]+", None),
)
IDS = {kind: re.compile(f"(?:{before})(?P<id>{number})") for kind, before, number, _ in ID_TABLE}
ZEROS = {kind: re.compile(form) for kind, _, _, form in ID_TABLE if form}

# Copied labels standing alone on a line: always debris.
LABELS_ALONE = {"Dato:", "Tid:", "Sted:", "Arrangør:", "Les også:"}

# A press release and its news story, a report's page and its PDF: the line both show.
SAME_STORY = {("h07_digdir_pressemelding_sprakmodell_nb_en.html",
               "h01_bt_nyhet_chatboter_testes_nb.html"): "innen 2027",
              ("h15_medietilsynet_rapport_tillit_offentleg_info_nb.html",
               "t06_medietilsynet_rapport_tillit_pdf_nb_en.txt"): "Rapport 0/2025"}

COMMENTS = re.compile(r"^(?:Kommentarer \(\d+\)|\d+ kommentarer)$")
CREDIT = re.compile(r"^Foto: ")
READ_ALSO = {"Les også", "Les også:", "Læs også"}


def test_folder_and_csvs_agree():
    fs.files_check(NEVE.folder, NEVE.labels)


def test_size_formats_types_and_what_the_notes_name():
    fs.size_check(NEVE.labels, {"html": (17, 21), "txt": (12, 17), "md": (1, 2)})
    assert fs.missing_genres(NEVE.labels, ASKED) == {}
    nameless = [name for name, label in NEVE.labels.items() if not BEHIND.search(label["notes"])]
    assert nameless == []


def test_five_languages_mostly_english_and_norwegian():
    tags, parts, openers = fs.language_counts(NEVE.labels)
    assert set(parts) == fs.LANGUAGES and min(parts.values()) >= 5, parts
    assert parts["en"] + parts["nb"] + parts["nn"] >= 2 * (parts["da"] + parts["sv"]), parts
    assert all(tags[code] >= 3 for code in fs.LANGUAGES), tags
    assert sum(openers.values()) >= 6 and len(openers) == len(fs.LANGUAGES), openers


def test_year_situations_and_horizons_named():
    fs.trap_check(NEVE.labels, NEVE.prose, NEVE.lines)
    missing = {(row["file"], year) for row in NEVE.prose
               for year in fs.YEAR.findall(row["sentence"])
               if NEVE.labels[row["file"]]["year"]
               and year > NEVE.labels[row["file"]]["year"]
               and year not in NEVE.labels[row["file"]]["year_evidence"]}
    assert not missing, missing


def test_glued_times_only_in_programmes_and_kept():
    found = {name: {line for line in lines if fs.GLUED_TIME.search(line)}
             for name, lines in NEVE.lines.items()}
    found = {name: glued for name, glued in found.items() if glued}
    assert len(found) >= 4, found
    assert {NEVE.labels[name]["doc_type"] for name in found} == {"event_programme"}
    assert all(not glued & NEVE.debris_of(name) for name, glued in found.items())


def test_zero_filled_identifiers_of_every_kind():
    counts, unfilled = fs.identifier_misses(NEVE.lines, IDS, ZEROS, "0 /-–")
    assert not unfilled, unfilled
    assert set(counts) == set(IDS), counts


def test_field_labels_and_markdown_fields_are_debris():
    alone = [(name, line) for name, lines in NEVE.lines.items() for line in lines
             if line in LABELS_ALONE]
    assert len(alone) >= 4
    assert [pair for pair in alone if pair[1] not in NEVE.debris_of(pair[0])] == []
    assert NEVE.field_pages() >= 5 and NEVE.kept_markdown_fields() == []


def test_newspaper_furniture_is_debris():
    papers = [name for name, label in NEVE.labels.items() if "newspaper" in label["notes"]]
    def with_debris(test):
        return [name for name in papers if any(map(test, NEVE.debris_of(name)))]
    assert len(with_debris(COMMENTS.match)) >= 3
    assert len(with_debris(CREDIT.match)) >= 1
    assert len(with_debris(READ_ALSO.__contains__)) >= 2


def test_related_documents_show_the_same_line():
    for pair, text in SAME_STORY.items():
        assert all(any(text in line for line in NEVE.lines[name]) for name in pair), pair


def test_readme_tables_match():
    fs.readme_check(NEVE.folder, NEVE.labels, NEVE.debris, NEVE.prose)


@pytest.mark.parametrize("name", NEVE.on_disk)
def test_each_document(name):
    """Codebook values, the year rules, title, debris and prose placement, and for saved
    pages their head and <dt>/<dd> fields."""
    NEVE.document_check(name)
    if name.endswith(".html"):
        NEVE.page_check(name, HEAD_DATES)
