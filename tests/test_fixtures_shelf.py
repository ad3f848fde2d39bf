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

# Where each kind of identifier stands (its digits in the group `id`) ...
ID_FOUND = {kind: re.compile(pattern) for kind, pattern in (
    ("phone", r"(?:Telefon|Phone): (?P<id>[0-9][0-9 -]*[0-9])"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>[0-9][0-9 -]*[0-9])"),
    ("ISBN", r"ISBN (?P<id>[0-9-]+)"),
    ("ISSN", r"ISSN (?P<id>[0-9X-]+)"),
    ("report number", r"(?:Rapport |TFoU-rapport |HLB-rapport )(?P<id>[0-9]+)"),
    ("reference", r"(?:Saksnr\. 2[0-9]/|Dnr RH 20[0-9]{2}-|J\.nr\. 20[0-9]{2}-|"
                  r"project number )(?P<id>[0-9]+)"),
    ("postal box", r"(?:Postboks|Box) (?P<id>[0-9]+)"),
)}
# ... and, where zeros and separators alone are not its form, what a zero-filled one looks like.
ID_SHAPE = {"phone": re.compile(r"(?:[1-9][0-9] |0[0-9]{1,3}[- ])[0 -]+"),
            "ISBN": re.compile(r"978-82-[0-]+")}

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


DEBRIS = {name: SHELF.debris_of(name) for name in SHELF.on_disk}
PROSE: dict[str, list[str]] = {}
for _row in SHELF.prose:
    PROSE.setdefault(_row["file"], []).append(_row["sentence"])


def lines_where(test) -> list[tuple[str, str]]:
    """Every (file, visible line) of the set for which `test(line)` is true."""
    return [(name, line) for name, seen in SHELF.lines.items() for line in seen if test(line)]


def kept(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs whose line is not listed as debris for its file."""
    return [(name, line) for name, line in pairs if line not in DEBRIS[name]]


def notes_open(words: str) -> list[str]:
    """The documents whose notes open with these lower-case words."""
    return [name for name, label in SHELF.labels.items()
            if label["notes"].lower().startswith(words)]


def the_one(words: str) -> str:
    names = notes_open(words)
    assert len(names) == 1, (words, names)
    return names[0]


@pytest.mark.parametrize("name", SHELF.on_disk)
def test_each_document(name):
    """The shared document check (and page check for a saved page); the genre the notes open
    with fits the labelled type and no other; any later year in its prose is in its evidence."""
    label = SHELF.labels[name]
    SHELF.document_check(name)
    if name.endswith(".html"):
        SHELF.page_check(name, META_DATES)
    genre = re.split(r" \(", label["notes"].lower(), maxsplit=1)[0]
    assert [kind for kind, pattern in TYPE_OF_GENRE.items() if pattern.search(genre)] == [
        label["doc_type"]], genre
    if label["year"]:
        ahead = {year for sentence in PROSE[name] for year in fs.YEAR.findall(sentence)
                 if int(year) > int(label["year"])}
        assert all(year in label["year_evidence"] for year in ahead), ahead


def test_set_files_sizes_readme_and_genres():
    fs.files_check(SHELF.folder, SHELF.labels)
    fs.readme_check(SHELF.folder, SHELF.labels, SHELF.debris, SHELF.prose)
    fs.size_check(SHELF.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    assert fs.missing_genres(SHELF.labels, GENRES_ASKED) == {}


def test_set_languages_and_year_traps():
    fs.language_check(SHELF.labels, {"en": 12, "nb": 14, "nn": 5, "da": 5, "sv": 6},
                      alone_least=4)
    bilingual = Counter(label["doc_type"] for label in SHELF.labels.values()
                        if len(label["languages"].split(";")) == 2)
    assert bilingual.total() >= 7, bilingual
    assert bilingual["abstract"] >= 2 and bilingual["project_report"] >= 3, bilingual
    fs.trap_check(SHELF.labels, SHELF.prose, SHELF.lines)


def test_timetables_glued_only_in_programmes_and_kept():
    glued = lines_where(fs.GLUED_TIME.search)
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 6, programmes
    assert all(SHELF.labels[name]["doc_type"] == "event_programme" for name in programmes)
    assert kept(glued) == glued


def test_identifiers_zero_filled():
    seen, wrong = fs.identifier_misses(SHELF.lines, ID_FOUND, ID_SHAPE)
    assert wrong == [], wrong
    assert sorted(seen) == sorted(ID_FOUND), seen


def test_field_labels_contents_and_field_lists_are_debris():
    lone = lines_where(lambda line: line in LONE_LABELS)
    leaders = lines_where(lambda line: bool(DOT_LEADERS.search(line)))
    assert len(lone) >= 25 and len(leaders) >= 10, (len(lone), len(leaders))
    assert kept(lone) == [] and kept(leaders) == []
    assert SHELF.field_pages() >= 8
    assert SHELF.kept_markdown_fields() == []


def test_portal_page_drops_login_and_comments():
    name = the_one("municipality's e-participation portal page")
    dropped = DEBRIS[name]
    comments = [line for line in SHELF.lines[name] if " skrev " in line]
    assert len(comments) == 2 and set(comments) <= dropped
    assert {"Logg inn med ID-porten for å gi innspill", "Logg inn", "14 innspill",
            "Du må være logget inn for å kommentere."} <= dropped
    assert "Innspill fra innbyggere" not in dropped
    assert [s for s in PROSE[name] if "innen 2028" in s]


def test_news_item_drops_comments_and_keeps_quotation():
    name = the_one("local newspaper's news item with reader comments")
    dropped = DEBRIS[name]
    comments = [line for line in SHELF.lines[name] if " skrev:" in line]
    assert len(comments) == 2 and set(comments) <= dropped
    assert "2 kommentarer" in dropped and "Kommentarer" not in dropped
    assert [s for s in PROSE[name] if s.startswith("– ")]


def test_minutes_item_drops_fields_and_keeps_decision():
    name = the_one("user council's meeting minutes item")
    assert {"Møtebok", "Møtedato:", "10.06.2025", "Møtestad:"} <= DEBRIS[name]
    decision = {"Vedtak", "Rådet sluttar seg til høyringa med merknadene over.",
                "Samrøystes vedteke."}
    assert decision <= set(SHELF.lines[name]) and not decision & DEBRIS[name]


@pytest.mark.parametrize("name", notes_open("op-ed by a councillor"))
def test_op_ed_drops_byline_and_opinion_note(name):
    furniture = lines_where(lambda line: bool(re.search(
        r"\((?:oppdiktet|påhittad)\), |skribent", line)))
    own = [(doc, line) for doc, line in furniture if doc == name]
    assert len(own) == 2 and kept(own) == []
    assert len(PROSE[name]) >= 3


def test_two_op_eds_and_two_customer_stories():
    assert len(notes_open("op-ed by a councillor")) == 2
    stories = notes_open("civic-tech company's customer story")
    assert len(stories) == 2
    calls = {"Book a demo", "Want results like these?", "Vil du vite mer?", "Ta kontakt"}
    for name in stories:
        shown = calls & set(SHELF.lines[name])
        assert shown and shown <= DEBRIS[name], name


def test_citizen_budget_page_button_heading_and_mitid():
    name = the_one("danish municipality's page on a digital citizen budget")
    assert "Gå til afstemningen" in DEBRIS[name] and "Sådan gør du" not in DEBRIS[name]
    assert [s for s in PROSE[name] if "MitID" in s]


def test_county_plan_colophon_headings_and_page_numbers():
    plan = the_one("county's plan for user involvement")
    shown = SHELF.lines[plan]
    colophon = {line for line in shown if line.split(" ")[0] in {"Utgitt", "ISBN", "Design:"}}
    numbers = {line for line in shown if line.isdigit()}
    assert len(colophon) == 3 and len(numbers) == 3
    assert colophon | numbers <= DEBRIS[plan]
    assert not {"1 Innledning", "2 Mål og prinsipper", "3 Tiltak"} & DEBRIS[plan]
    footers = lines_where(lambda line: bool(re.fullmatch(r"Side \d+ av \d+", line)))
    assert footers and kept(footers) == []


@pytest.mark.parametrize("one, other, text", PAIRS)
def test_related_documents_share_a_name(one, other, text):
    for name in (one, other):
        assert [line for line in SHELF.lines[name] if text in line], name
