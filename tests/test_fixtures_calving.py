"""Tests of the calving fixture set (tests/fixtures/exported/calving), written blind.

The brief: informal carers, relatives and proxy access in digital health and care services. A
municipality's page for relatives with its digital booking of respite care; a health
platform's help page on proxy access to a parent's records; a national carers' association's
annual report excerpt (a PDF with contents and colophon); a directorate's guideline chapter on
involving relatives; a Swedish region's page on digital access for guardians of children; a
parliament committee's hearing summary; a research project's catalogue page and its working
paper; a conference programme with clock times glued to talk titles; journal abstracts (one in
two languages at least); a carers' blog post with comments; a newspaper op-ed by a relative; a
press release from a care-app company; and an FAQ in Nynorsk. English, Bokmål, Nynorsk,
Danish and Swedish.

Nothing here runs the import: the helpers of tests/fixturesets.py read the CSVs, the visible
lines of the documents, the markup of the saved pages and the README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

CALVING = fs.LabelledSet(fs.SETS / "calving")

META_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes hold, each with the least number of documents that name it.
GENRES_ASKED = {
    "municipality's page for relatives with digital booking of respite care": 1,
    "health platform's help page on proxy access to a parent's records": 2,
    "national carers' association's annual report excerpt": 1,
    "directorate's guideline chapter on involving relatives": 1,
    "swedish region's page on digital access for guardians of children": 1,
    "parliament committee's hearing summary": 1,
    "research project's catalogue page": 4, "research project's working paper": 1,
    "clock times glued to talk titles": 6, "journal abstract": 6,
    "journal abstract in two languages": 3, "carers' blog post with comments": 1,
    "newspaper op-ed by a relative": 2, "press release from a care-app company": 1,
    "faq in nynorsk": 1, "contents with dot leaders": 7, "colophon": 3, "field labels": 13,
    "in bokmål": 11, "in nynorsk": 5, "in danish": 5, "in swedish": 6, "in english": 16,
}

# The genre a note opens with (its words before the first " (") and the one type it fits.
TYPE_OF_GENRE = {
    "other": re.compile(r"page for relatives|help page|annual report excerpt|"
                        r"page on digital access|blog post|op-ed|press release|faq|guide on"),
    "policy_document": re.compile(r"guideline chapter|hearing summary|policy for relatives|"
                                  r"action plan|strategy for relatives"),
    "project_report": re.compile(r"research project"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Each kind of identifier, how it is found and (a pattern, or None for only zeros and
# separators) what its zero-filled form looks like.
ID_KINDS = {
    "phone": (r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)", r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-82-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:Rapport |Working Paper |Veileder IE-)(?P<id>\d+)", None),
    "reference": (r"(?:Dnr 2\dRS|Saksnummer: 2\d/|HC |project number |:e|charity SC)"
                  r"(?P<id>\d+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Field labels left on a line of their own by a copy or a saved page: debris wherever they are.
LONE_LABELS = {"Dato:", "Sted:", "Stad:", "Pris:", "Date:", "Venue:", "Datum:", "Plats:",
               "Kostnad:", "Session:", "Inquiry:", "Reference:", "Project period:",
               "Project leader:", "Funding:", "Prosjektperiode:", "Prosjektleder:",
               "Finansiering:", "Projektperiode:", "Projektleder:", "Projektperiod:",
               "Projektledare:", "Finansiär:", "Tjeneste:", "Søknadsfrist:", "Inloggning:"}

DOT_LEADERS = re.compile(r"\.{8,} \d+$")

# Documents about the same project, place or person, and the text both show.
PAIRS = (
    ("h05_lovisenberg_prosjekt_partilgang_katalogside_en_nb.html",
     "t03_partilgang_working_paper_logging_in_for_mother_pdf_en.txt", "PÅRTILGANG"),
    ("t03_partilgang_working_paper_logging_in_for_mother_pdf_en.txt",
     "m02_ldh_prosjektnotat_partilgang_nettside_markdown_en_nb.md", "PÅRTILGANG"),
    ("h01_vefsn_kommune_parorende_avlastning_digital_booking_nb.html",
     "h06_aldring_og_helse_parorendekonferanse_program_nb.html", "Vefsn"),
    ("h05_lovisenberg_prosjekt_partilgang_katalogside_en_nb.html",
     "h18_eurocarers_conference_programme_digital_caring_en.html", "Ingrid Solbakk"),
)


def is_debris(name: str, line: str) -> bool:
    return line in CALVING.debris_of(name)


def opened_by(notes_start: str) -> str:
    """The one document whose notes open with these (lower-case) words."""
    found = [name for name in CALVING.labels
             if CALVING.labels[name]["notes"].lower().startswith(notes_start)]
    assert len(found) == 1, (notes_start, found)
    return found[0]


def genre_types(notes: str) -> set[str]:
    """The types whose pattern the note's genre (its words before the first " (") fits."""
    genre = notes.lower().partition(" (")[0]
    return {kind for kind in TYPE_OF_GENRE if TYPE_OF_GENRE[kind].search(genre)}


def prose_of(name: str) -> list[str]:
    return [row["sentence"] for row in CALVING.prose if row["file"] == name]


def every_line(keep) -> list[tuple[str, str]]:
    """(file, line) for each visible line of the set that `keep` accepts."""
    return [(name, line) for name in CALVING.on_disk for line in CALVING.lines[name]
            if keep(line)]


@pytest.mark.parametrize("name", CALVING.on_disk)
def test_document_and_page(name):
    """Codebook values, years, title, debris and prose; for a saved page also its head and
    its field list."""
    CALVING.document_check(name)
    if name in CALVING.pages:
        CALVING.page_check(name, META_DATES)


def test_files_counts_readme_and_genres():
    fs.files_check(CALVING.folder, CALVING.labels)
    fs.size_check(CALVING.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    fs.readme_check(CALVING.folder, CALVING.labels, CALVING.debris, CALVING.prose)
    assert fs.missing_genres(CALVING.labels, GENRES_ASKED) == {}
    mistyped = {}
    for name, label in CALVING.labels.items():
        if genre_types(label["notes"]) != {label["doc_type"]}:
            mistyped[name] = genre_types(label["notes"])
    assert mistyped == {}


def test_languages_and_years():
    least = {"en": 14, "nb": 10, "nn": 5, "da": 5, "sv": 5}
    fs.language_check(CALVING.labels, least, alone_least=3)
    two = Counter(label["doc_type"] for label in CALVING.labels.values()
                  if ";" in label["languages"])
    assert sum(two.values()) >= 7 and two["abstract"] >= 3, two
    fs.trap_check(CALVING.labels, CALVING.prose, CALVING.lines)
    for row in CALVING.prose:
        label = CALVING.labels[row["file"]]
        later = {y for y in fs.YEAR.findall(row["sentence"]) if label["year"] < y}
        unnamed = {y for y in later if label["year"] and y not in label["year_evidence"]}
        assert not unnamed, row


def test_glued_timetables_kept_in_programmes():
    glued = every_line(fs.GLUED_TIME.search)
    assert len({name for name, _ in glued}) >= 6
    assert {CALVING.labels[name]["doc_type"] for name, _ in glued} == {"event_programme"}
    assert [pair for pair in glued if is_debris(*pair)] == []


IDENTIFIERS = {kind: re.compile(found) for kind, (found, _) in ID_KINDS.items()}
ZERO_FILLED = {kind: re.compile(shape) for kind, (_, shape) in ID_KINDS.items() if shape}


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(CALVING.lines, IDENTIFIERS, ZERO_FILLED)
    assert (wrong, set(seen)) == ([], set(IDENTIFIERS)), (wrong, seen)


def test_lone_labels_leaders_and_fields_are_debris():
    lone = every_line(LONE_LABELS.__contains__)
    leaders = every_line(DOT_LEADERS.search)
    assert len(lone) >= 20 and len(leaders) >= 20
    assert [pair for pair in lone + leaders if not is_debris(*pair)] == []
    assert CALVING.field_pages() >= 8 and CALVING.kept_markdown_fields() == []


def test_respite_booking_page():
    name = opened_by("municipality's page for relatives with digital booking")
    assert all(is_debris(name, line) for line in (
        "Gå til pårørendeportalen", "Søknadsfrist:", "Løpende", "Sist oppdatert 14.10.2025"))
    assert any("bestiller selv de dagene" in sentence for sentence in prose_of(name))


def test_blog_comments_are_debris():
    name = opened_by("carers' blog post with comments")
    comments = [line for line in CALVING.lines[name] if " skrev " in line]
    assert len(comments) >= 2 and all(is_debris(name, line) for line in comments)
    assert is_debris(name, "3 kommentarer") and not is_debris(name, "Kommentarer")
    assert len(prose_of(name)) >= 3


def test_op_eds_drop_bylines_and_keep_the_argument():
    eds = [name for name, label in CALVING.labels.items()
           if label["notes"].startswith("newspaper op-ed by a relative")]
    assert len(eds) == 2
    for name in eds:
        bylines = [line for line in CALVING.lines[name]
                   if re.search(r"\((?:påhittad|opdigtet)\)", line)]
        assert bylines and all(is_debris(name, line) for line in bylines), name
        assert len(prose_of(name)) >= 3


def test_faq_keeps_questions_and_drops_feedback():
    name = opened_by("faq in nynorsk")
    questions = [line for line in CALVING.lines[name] if line.endswith("?")
                 and not line.startswith("Fann du")]
    assert len(questions) >= 3 and not any(is_debris(name, q) for q in questions)
    assert all(is_debris(name, line) for line in ("Fann du det du leita etter?", "Ja", "Nei"))


def test_press_release_contacts_are_debris_and_quote_kept():
    name = opened_by("press release from a care-app company")
    assert all(is_debris(name, line) for line in ("Kontaktpersoner", "Daglig leder", "Emner"))
    quote = [line for line in CALVING.lines[name] if line.startswith("– ")]
    assert quote and not any(is_debris(name, line) for line in quote)


def test_pdf_furniture_colophon_and_footnote():
    report = opened_by("national carers' association's annual report excerpt")
    colophon = [line for line in CALVING.lines[report]
                if line.startswith(("Utgitt ", "ISBN ", "Org.nr. ", "Design: "))]
    assert len(colophon) == 4 and all(is_debris(report, line) for line in colophon)
    guide = opened_by("directorate's guideline chapter on involving relatives")
    notes = [line for line in CALVING.lines[guide] if line.startswith("¹")]
    marked = [line for line in CALVING.lines[guide] if line.endswith("¹")]
    assert notes and all(is_debris(guide, line) for line in notes)
    assert marked and not any(is_debris(guide, line) for line in marked)
    pages = every_line(lambda line: re.fullmatch(r"Side \d+ av \d+", line))
    assert pages and all(is_debris(*pair) for pair in pages)


@pytest.mark.parametrize("one, other, text", PAIRS)
def test_pairs_share_text(one, other, text):
    assert all(any(text in line for line in CALVING.lines[name]) for name in (one, other))
