"""Tests of the shelf fixture set (tests/fixtures/exported/shelf), written blind.

The brief: citizen participation and user involvement in planning welfare services
digitally. A municipality's e-participation portal page with a login prompt and comments; a
user council's meeting minutes item in Nynorsk; a county's plan for user involvement (a PDF
with contents and colophon); a Swedish region's citizen panel report summary; a Danish
municipality's page on a digital citizen budget; a patients' organisation's statement; a
research project's catalogue page and its final report summary; a workshop programme with
clock times glued to talk titles; journal abstracts (one in two languages at least); a local
newspaper's news item with reader comments; an op-ed by a councillor; and a civic-tech
company's customer story. English, Bokmål, Nynorsk, Danish and Swedish.

Nothing here runs the import: the helpers of tests/fixturesets.py read the CSVs, the visible
lines of the documents, the markup of the saved pages and the README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SHELF = fs.LabelledSet(fs.SETS / "shelf")

META_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes hold, each with the least number of documents that name it.
GENRES_ASKED = {
    "municipality's e-participation portal page": 1, "login prompt and comments": 1,
    "user council's meeting minutes item": 1, "county's plan for user involvement": 1,
    "swedish region's citizen panel report summary": 1,
    "danish municipality's page on a digital citizen budget": 1,
    "patients' organisation's statement": 2, "research project's catalogue page": 3,
    "research project's final report": 2, "clock times glued to talk titles": 6,
    "journal abstract": 6, "journal abstract in two languages": 2,
    "local newspaper's news item with reader comments": 1, "op-ed by a councillor": 2,
    "civic-tech company's customer story": 2, "contents with dot leaders": 5, "colophon": 2,
    "field labels": 13, "in bokmål": 15, "in nynorsk": 5, "in danish": 5, "in swedish": 6,
    "in english": 8,
}

# The genre a note opens with (its words before the first " (") and the one type it fits.
TYPE_OF_GENRE = {
    "other": re.compile(r"e-participation portal|citizen budget|statement|news item|op-ed|"
                        r"customer story|meeting minutes|case study"),
    "policy_document": re.compile(r"plan for|citizen panel report|policy on|strategy for|"
                                  r"guidelines for"),
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
    "report number": (r"(?:Rapport |TFoU-rapport |HLB-rapport )(?P<id>\d+)", None),
    "reference": (r"(?:Saksnr\. 2\d/|Dnr RH 20\d\d-|J\.nr\. 20\d\d-|project number )"
                  r"(?P<id>\d+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Field labels left on a line of their own by a copy or a saved page: debris wherever they are.
LONE_LABELS = {"Høringsfrist:", "Status:", "Saksnr.:", "Afstemning åbner:",
               "Afstemning lukker:", "Pulje:", "Project period:", "Project leader:",
               "Funding:", "Call:", "Partners:", "Publicerad:", "Diarienummer:", "Svarande:",
               "Dato:", "Sted:", "Pris:", "Påmeldingsfrist:", "Datum:", "Plats:", "Kostnad:",
               "Projektperiod:", "Projektledare:", "Finansiär:", "Møtedato:", "Møtestad:",
               "Prosjektperiode:", "Prosjektleder:", "Finansiering:"}

DOT_LEADERS = re.compile(r"\.{8,} \d+$")

# Documents about the same project or person, and the text both show.
PAIRS = (
    ("h07_tfou_prosjekt_medstemme_katalogside_en_nb.html",
     "t02_tfou_medstemme_sluttrapport_sammendrag_pdf_nb_en.txt", "MEDSTEMME"),
    ("t02_tfou_medstemme_sluttrapport_sammendrag_pdf_nb_en.txt",
     "m02_medstemme_prosjektnotat_nettside_markdown_en_nb.md", "MEDSTEMME"),
    ("h01_lindesnes_kommune_innspillsportal_hoering_hjemmetjenester_nb.html",
     "h07_tfou_prosjekt_medstemme_katalogside_en_nb.html", "Lindesnes kommune"),
    ("h10_helseinnovasjonssenteret_verksted_innbyggerdialog_program_nb.html",
     "t16_nwdp_book_of_abstracts_citizen_dashboards_pdf_en.txt",
     "Trøndelag Forskning og Utvikling"),
)


def is_debris(name: str, line: str) -> bool:
    return line in SHELF.debris_of(name)


def opened_by(notes_start: str) -> list[str]:
    """The documents whose notes open with these (lower-case) words."""
    return [name for name in SHELF.labels
            if SHELF.labels[name]["notes"].lower().startswith(notes_start)]


def only(notes_start: str) -> str:
    found = opened_by(notes_start)
    assert len(found) == 1, (notes_start, found)
    return found[0]


def genre_types(notes: str) -> set[str]:
    """The types whose pattern the note's genre (its words before the first " (") fits."""
    genre = notes.lower().partition(" (")[0]
    return {kind for kind in TYPE_OF_GENRE if TYPE_OF_GENRE[kind].search(genre)}


def prose_of(name: str) -> list[str]:
    return [row["sentence"] for row in SHELF.prose if row["file"] == name]


def every_line(keep) -> list[tuple[str, str]]:
    """(file, line) for each visible line of the set that `keep` accepts."""
    return [(name, line) for name in SHELF.on_disk for line in SHELF.lines[name]
            if keep(line)]


@pytest.mark.parametrize("name", SHELF.on_disk)
def test_document_and_page(name):
    """Codebook values, years, title, debris and prose; for a saved page also its head and
    its field list."""
    SHELF.document_check(name)
    if name in SHELF.pages:
        SHELF.page_check(name, META_DATES)


def test_files_counts_readme_and_genres():
    fs.files_check(SHELF.folder, SHELF.labels)
    fs.size_check(SHELF.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    fs.readme_check(SHELF.folder, SHELF.labels, SHELF.debris, SHELF.prose)
    assert fs.missing_genres(SHELF.labels, GENRES_ASKED) == {}
    mistyped = {name: genre_types(label["notes"]) for name, label in SHELF.labels.items()
                if genre_types(label["notes"]) != {label["doc_type"]}}
    assert mistyped == {}


def test_languages_and_years():
    least = {"en": 12, "nb": 14, "nn": 5, "da": 5, "sv": 6}
    fs.language_check(SHELF.labels, least, alone_least=4)
    two = Counter(label["doc_type"] for label in SHELF.labels.values()
                  if ";" in label["languages"])
    assert sum(two.values()) >= 7 and two["abstract"] >= 2 and two["project_report"] >= 3, two
    fs.trap_check(SHELF.labels, SHELF.prose, SHELF.lines)
    for row in SHELF.prose:
        label = SHELF.labels[row["file"]]
        later = {y for y in fs.YEAR.findall(row["sentence"]) if label["year"] < y}
        unnamed = {y for y in later if label["year"] and y not in label["year_evidence"]}
        assert not unnamed, row


def test_glued_timetables_kept_in_programmes():
    glued = every_line(fs.GLUED_TIME.search)
    assert len({name for name, _ in glued}) >= 6
    assert {SHELF.labels[name]["doc_type"] for name, _ in glued} == {"event_programme"}
    assert [pair for pair in glued if is_debris(*pair)] == []


IDENTIFIERS = {kind: re.compile(found) for kind, (found, _) in ID_KINDS.items()}
ZERO_FILLED = {kind: re.compile(shape) for kind, (_, shape) in ID_KINDS.items() if shape}


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(SHELF.lines, IDENTIFIERS, ZERO_FILLED)
    assert (wrong, set(seen)) == ([], set(IDENTIFIERS)), (wrong, seen)


def test_lone_labels_leaders_and_fields_are_debris():
    lone = every_line(LONE_LABELS.__contains__)
    leaders = every_line(DOT_LEADERS.search)
    assert len(lone) >= 25 and len(leaders) >= 10
    assert [pair for pair in lone + leaders if not is_debris(*pair)] == []
    assert SHELF.field_pages() >= 8 and SHELF.kept_markdown_fields() == []


def test_portal_page_login_and_comments():
    name = only("municipality's e-participation portal page")
    comments = [line for line in SHELF.lines[name] if " skrev " in line]
    assert len(comments) == 2 and all(is_debris(name, line) for line in comments)
    assert all(is_debris(name, line) for line in (
        "Logg inn med ID-porten for å gi innspill", "Logg inn", "14 innspill",
        "Du må være logget inn for å kommentere."))
    assert not is_debris(name, "Innspill fra innbyggere")
    assert any("innen 2028" in sentence for sentence in prose_of(name))


def test_news_item_comments_are_debris_and_quote_kept():
    name = only("local newspaper's news item with reader comments")
    comments = [line for line in SHELF.lines[name] if " skrev:" in line]
    assert len(comments) == 2 and all(is_debris(name, line) for line in comments)
    assert is_debris(name, "2 kommentarer") and not is_debris(name, "Kommentarer")
    assert any(sentence.startswith("– ") for sentence in prose_of(name))


def test_minutes_item_keeps_its_decision():
    name = only("user council's meeting minutes item")
    assert all(is_debris(name, line) for line in ("Møtedato:", "10.06.2025", "Møtebok"))
    assert not any(is_debris(name, line) for line in (
        "Vedtak", "Rådet sluttar seg til høyringa med merknadene over.", "Samrøystes vedteke."))


def test_op_eds_drop_bylines_and_notes():
    eds = opened_by("op-ed by a councillor")
    assert len(eds) == 2
    for name in eds:
        bylines = [line for line in SHELF.lines[name]
                   if re.search(r"\((?:oppdiktet|påhittad)\), ", line)]
        assert bylines and all(is_debris(name, line) for line in bylines), name
        notes = [line for line in SHELF.lines[name] if "skribent" in line]
        assert notes and all(is_debris(name, line) for line in notes), name
        assert len(prose_of(name)) >= 3


def test_customer_stories_drop_calls_to_action():
    stories = opened_by("civic-tech company's customer story")
    assert len(stories) == 2
    calls = {"Book a demo", "Want results like these?", "Vil du vite mer?", "Ta kontakt"}
    for name in stories:
        found = [line for line in SHELF.lines[name] if line in calls]
        assert found and all(is_debris(name, line) for line in found), name


def test_citizen_budget_page():
    name = only("danish municipality's page on a digital citizen budget")
    assert is_debris(name, "Gå til afstemningen") and not is_debris(name, "Sådan gør du")
    assert any("MitID" in sentence for sentence in prose_of(name))


def test_pdf_contents_colophon_and_page_numbers():
    plan = only("county's plan for user involvement")
    colophon = [line for line in SHELF.lines[plan]
                if line.startswith(("Utgitt av ", "ISBN ", "Design: "))]
    assert len(colophon) == 3 and all(is_debris(plan, line) for line in colophon)
    headings = ("1 Innledning", "2 Mål og prinsipper", "3 Tiltak")
    assert not any(is_debris(plan, line) for line in headings)
    numbers = [line for line in SHELF.lines[plan] if line.isdigit()]
    assert len(numbers) == 3 and all(is_debris(plan, line) for line in numbers)
    pages = every_line(lambda line: re.fullmatch(r"Side \d+ av \d+", line))
    assert pages and all(is_debris(*pair) for pair in pages)


@pytest.mark.parametrize("one, other, text", PAIRS)
def test_pairs_share_text(one, other, text):
    assert all(any(text in line for line in SHELF.lines[name]) for name in (one, other))
