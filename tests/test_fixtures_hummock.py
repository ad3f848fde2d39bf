"""Tests of the hummock fixture set (tests/fixtures/exported/hummock), written blind.

The brief: benefit fraud control, data matching and debt recovery in welfare. A control
unit's page on how registers are matched (with an FAQ accordion); a national audit office's
performance audit (a PDF with contents, tables and footnotes); a collection agency's page on
repayment plans with a contact box; a municipality's control routine (Nynorsk); an
ombudsman's statement on a case; a think tank's policy brief; a research project's catalogue
page and its final report summary; a seminar programme with clock times glued to talk
titles; journal abstracts (one in two languages at least); a claimants' union's consultation
response; a regional newspaper's news item with reader comments and an op-ed; a Danish
municipality's annual control report excerpt; and a Swedish agency's press release. English,
Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the CSVs, the documents' visible lines, the pages' markup and
the README are read with the helpers of tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

HUMMOCK = fs.LabelledSet(fs.SETS / "hummock")

HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes must hold, with the least number of documents naming each.
BRIEF_GENRES = {
    "control unit's page on register matching": 1, "faq accordion": 1,
    "national audit office's performance audit": 1, "footnotes": 1,
    "collection agency's page on repayment plans": 2, "contact box": 2,
    "municipality's control routine": 1, "ombudsman's statement on a case": 1,
    "think tank's policy brief": 1, "research project's catalogue page": 1,
    "research project's final report": 2, "clock times glued to talk titles": 5,
    "journal abstract": 6, "in two languages": 2,
    "claimants' union's consultation response": 1,
    "regional newspaper's news item with reader comments": 1,
    "op-ed in a regional newspaper": 1,
    "danish municipality's annual control report excerpt": 1,
    "swedish agency's press release": 1, "contents with dot leaders": 5, "colophon": 3,
    "field labels": 6, "in bokmål": 9, "in nynorsk": 5, "in danish": 6, "in swedish": 5,
    "in english": 7,
}

# A note opens with its genre (the words before the first " ("); each genre belongs to one type.
GENRE_TYPES = {
    "project_report": re.compile(r"research project|working paper"),
    "event_programme": re.compile(r"programme"),
    "abstract": re.compile(r"abstract"),
    "policy_document": re.compile(r"audit|control routine|think tank's|annual control report|"
                                  r"delegation's report|consultation response"),
    "other": re.compile(r"control unit's|collection agency's|ombudsman's statement|news item|"
                        r"op-ed|press release|municipality's page"),
}

# How each kind of identifier is written, and what a zero-filled one looks like (None: only
# zeros, spaces, slashes and dashes).
IDENTIFIERS = {
    "phone": (r"(?:Telefon|Phone): (?P<id>\+?\d[\d -]*\d)", r"(?:[1-9]\d |0\d{1,3}-)[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR|charity number|charity no\.) (?P<id>\d[\d -]*\d)",
                            None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-(?:82|91)-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:Beretning nr\. |Notat |Working Paper |HVL-rapport nr\. |Rapport )"
                      r"(?P<id>\d+)[/:]", None),
    "reference": (r"(?:Saksnummer: 2\d/|ref\.: 2\d/|Rutinenummer: )(?P<id>[\d-]+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Label lines a copy or a saved page leaves on their own; wherever they stand they are debris.
FIELD_LABELS = {"Dato:", "Sted:", "Stad:", "Pris:", "Date:", "Time:", "Where:", "Price:",
                "Tilmelding:", "Project period:", "Project leader:", "Funding:", "Partners:",
                "Prosjektperiode:", "Prosjektleder:", "Finansiering:"}

LEADERS = re.compile(r"\.{8,} \d+$")

# Documents that show the same project, report, body or article: (one, other, shared text).
SHARED = (
    ("h04_ragnar_soderbergs_stiftelse_projekt_matchade_register_katalogsida_sv_en.html",
     "t04_linneuniversitetet_slutrapport_korrekt_sammanfattning_pdf_sv_en.txt", "KORREKT"),
    ("h14_uib_prosjektside_kontroll_i_velferdsstaten_en_nb.html",
     "t12_uib_law_working_paper_data_matching_proportionality_pdf_en.txt", "CONTROLWEL"),
    ("h01_utbetalningsmyndigheten_registerkontroller_fragor_och_svar_sv.html",
     "t16_utbetalningsmyndigheten_english_page_copy_en.txt", "Utbetalningsmyndigheten"),
    ("h09_haugesunds_avis_nyhet_krav_bostotte_kommentarer_nb.html",
     "h10_haugesunds_avis_ytring_kontroll_utan_mistanke_nn.html",
     "Fikk krav på 60 000 kroner etter kontroll av bostøtten"),
    ("h16_herning_kommune_kontrolgruppen_da.html",
     "t06_herning_kommune_aarsrapport_kontrolindsats_pdf_da.txt", "Kontrolgruppen"),
)


def _debris(name: str, line: str) -> bool:
    return line in HUMMOCK.debris_of(name)


def _genre_types(notes: str) -> set[str]:
    """The types whose genre pattern matches the words a note opens with."""
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in GENRE_TYPES.items() if pattern.search(genre)}


def _named(notes_part: str) -> str:
    """The one document whose notes open with the given words."""
    found = [name for name, label in HUMMOCK.labels.items()
             if label["notes"].lower().startswith(notes_part)]
    assert len(found) == 1, (notes_part, found)
    return found[0]


@pytest.mark.parametrize("name", HUMMOCK.on_disk)
def test_each_document(name):
    """Codebook, year rules, title, debris and prose placement; for a saved page its head."""
    HUMMOCK.document_check(name)
    if name in HUMMOCK.pages:
        HUMMOCK.page_check(name, HEAD_DATES)


def test_set_shape_and_readme():
    fs.size_check(HUMMOCK.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    fs.files_check(HUMMOCK.folder, HUMMOCK.labels)
    fs.readme_check(HUMMOCK.folder, HUMMOCK.labels, HUMMOCK.debris, HUMMOCK.prose)
    assert fs.missing_genres(HUMMOCK.labels, BRIEF_GENRES) == {}


def test_genre_decides_type():
    mistyped = [(name, label["doc_type"]) for name, label in HUMMOCK.labels.items()
                if _genre_types(label["notes"]) != {label["doc_type"]}]
    assert mistyped == []


def test_languages():
    fs.language_check(HUMMOCK.labels, {"en": 12, "nb": 9, "nn": 5, "da": 6, "sv": 5},
                      alone_least=3)
    two = [label for label in HUMMOCK.labels.values() if ";" in label["languages"]]
    assert len(two) >= 7
    assert sum(label["doc_type"] == "abstract" for label in two) >= 2


def test_years():
    fs.trap_check(HUMMOCK.labels, HUMMOCK.prose, HUMMOCK.lines)
    for row in HUMMOCK.prose:
        label = HUMMOCK.labels[row["file"]]
        later = [y for y in fs.YEAR.findall(row["sentence"])
                 if label["year"] and y > label["year"]]
        assert all(y in label["year_evidence"] for y in later), (row["file"], later)


def test_timetables_glued_and_kept():
    glued = {(name, line) for name, lines in HUMMOCK.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)}
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 5
    assert {HUMMOCK.labels[name]["doc_type"] for name in programmes} == {"event_programme"}
    assert [pair for pair in glued if _debris(*pair)] == []


def test_identifiers_are_zero_filled():
    kinds = {kind: re.compile(pattern) for kind, (pattern, _) in IDENTIFIERS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in IDENTIFIERS.items() if shape}
    seen, wrong = fs.identifier_misses(HUMMOCK.lines, kinds, shapes, "0 /-")
    assert wrong == [] and set(seen) == set(kinds), (wrong, seen)


def test_page_furniture():
    labels = [(n, line) for n, lines in HUMMOCK.lines.items() for line in lines
              if line in FIELD_LABELS]
    assert len(labels) >= 12 and all(_debris(*pair) for pair in labels)
    leaders = [(n, line) for n, lines in HUMMOCK.lines.items() for line in lines
               if LEADERS.search(line)]
    assert len(leaders) >= 15 and all(_debris(*pair) for pair in leaders)
    assert HUMMOCK.field_pages() >= 5 and HUMMOCK.kept_markdown_fields() == []


def test_faq_questions_are_neutral():
    name = _named("control unit's page on register matching")
    questions = [tag.get_text().strip() for tag in HUMMOCK.soup(name).find_all("summary")]
    assert len(questions) >= 3 and not any(_debris(name, q) for q in questions)


def test_audit_footnotes_and_table():
    name = _named("national audit office's performance audit")
    notes = [line for line in HUMMOCK.lines[name] if line[0] in "¹²³"]
    assert len(notes) >= 2 and all(_debris(name, line) for line in notes)
    table = [line for line in HUMMOCK.lines[name] if line.startswith("Myndighed ")]
    assert len(table) >= 3 and not any(_debris(name, line) for line in table)


def test_contact_boxes_are_debris_around_prose():
    pages = [name for name, label in HUMMOCK.labels.items() if "contact box" in label["notes"]]
    for name in pages:
        phones = [line for line in HUMMOCK.lines[name] if line.startswith("Telefon:")]
        assert phones and all(_debris(name, line) for line in phones), name
        assert sum(row["file"] == name for row in HUMMOCK.prose) >= 3


def test_news_comments_are_debris():
    name = _named("regional newspaper's news item with reader comments")
    counts = [line for line in HUMMOCK.lines[name] if line.startswith("Kommentarer (")]
    assert counts and all(_debris(name, line) for line in counts)
    assert _debris(name, "Karmøybu: Godt at noen følger med på skattepengene.")
    quote = "– Jeg visste ikke at jeg skulle melde fra om hybelen i kjelleren, sier hun."
    assert quote in HUMMOCK.lines[name] and not _debris(name, quote)


@pytest.mark.parametrize("one, other, text", SHARED)
def test_related_documents_share_text(one, other, text):
    for name in (one, other):
        assert any(text in line for line in HUMMOCK.lines[name]), (name, text)
