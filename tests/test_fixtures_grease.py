"""Tests of the grease fixture set (tests/fixtures/exported/grease), written blind.

The brief: cyber incidents, data breaches and security in welfare services. A municipality's
incident notice after a ransomware attack (updated several times, with an FAQ); a data
protection authority's fine decision; a national security authority's annual risk report
excerpt (a PDF with contents, tables and footnotes); a sector CERT's advisory page; a hospital
trust's press release; a parliament's written question and the answer; a research project's
catalogue page and its final report summary; a conference programme with clock times glued to
talk titles; journal abstracts (one in two languages at least); a disability organisation's
statement; a national broadcaster's news item with reader comments; a vendor's security white
paper landing page; and a Danish agency's guidance on phishing for citizens. English, Bokmål,
Nynorsk, Danish and Swedish.

Nothing here runs the import: the helpers of tests/fixturesets.py read the CSVs, the visible
lines of the documents, the markup of the saved pages and the README.
"""

import re

import fixturesets as fs
import pytest

GREASE = fs.LabelledSet(fs.SETS / "grease")

META_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes hold, each with the least number of documents that name it.
GENRES_ASKED = {
    "municipality's incident notice after a ransomware attack": 2, "updated several times": 2,
    "faq accordion": 1, "data protection authority's fine decision": 1,
    "national security authority's annual risk report excerpt": 1, "footnotes": 1,
    "sector cert's advisory page": 1, "hospital trust's press release": 1,
    "parliament's written question and the answer": 1,
    "research project's catalogue page": 3, "research project's final report": 2,
    "clock times glued to talk titles": 6, "journal abstract": 5, "in two languages": 3,
    "disability organisation's statement": 2,
    "national broadcaster's news item with reader comments": 1,
    "vendor's security white paper landing page": 1,
    "danish agency's guidance on phishing for citizens": 1,
    "contents with dot leaders": 5, "colophon": 3, "field labels": 6,
    "in bokmål": 9, "in nynorsk": 4, "in danish": 5, "in swedish": 5, "in english": 8,
}

# The genre a note opens with (its words before the first " (") and the one type it fits.
TYPE_OF_GENRE = {
    "other": re.compile(r"incident notice|advisory|press release|news item|news release|"
                        r"statement|white paper|guidance"),
    "policy_document": re.compile(r"authority's fine decision|threat assessment|written question|"
                                  r"evaluation report|action plan|risk report|strategy|plan for"),
    "project_report": re.compile(r"research project|research institute"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Each kind of identifier, how it is found and (a pattern, or None for only zeros and
# separators) what its zero-filled form looks like.
ID_KINDS = {
    "phone": (r"(?:Telefon|Phone): (?P<id>\d[\d -]*\d)", r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-(?:82|91)-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:Rapport |PHS Forskning 20\d\d:|Notat nr\. NR-)(?P<id>\d+)", None),
    "reference": (r"(?:KCERT-20\d\d-|MSB 20\d\d-|RS 20\d\d/|Saksnummer:\*\* 2\d/|IN-2\d-0-|"
                  r"Question |:V)(?P<id>\d+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Field labels left on a line of their own by a copy or a saved page: debris wherever they are.
LONE_LABELS = {"Dato:", "Sted:", "Stad:", "Pris:", "Date:", "Venue:", "Referanse:",
               "Publisert:", "Projektperiod:", "Projektledare:", "Project period:", "Funding:",
               "Periode:", "Projektleder:", "Bevilling:"}

DOT_LEADERS = re.compile(r"\.{8,} \d+$")

# Two documents about the same case, project or body, and the text both show.
PAIRS = (
    ("h10_msb_forskningsprojekt_vardskydd_katalogsida_sv_en.html",
     "t09_hogskolan_i_skovde_slutrapport_vardskydd_sammanfattning_pdf_sv_en.txt", "VÅRDSKYDD"),
    ("h08_data_protection_commission_news_fine_home_care_provider_en.html",
     "t03_data_protection_commission_decision_brightwater_home_care_pdf_en.txt",
     "Brightwater Home Care Ltd (invented)"),
    ("t01_laerdal_kommune_dataangrep_informasjon_copy_nn.txt",
     "t06_laerdal_kommune_evalueringsrapport_dataangrepet_pdf_nn.txt", "Lærdal kommune"),
    ("h02_kommunecert_varsel_sarbarhet_journalsystem_nb.html",
     "t08_nsm_risiko_excerpt_welfare_pdf_nb.txt", "KommuneCERT"),
)


def is_debris(name: str, line: str) -> bool:
    return line in GREASE.debris_of(name)


def opened_by(notes_start: str) -> str:
    """The single document whose notes start with these words."""
    hits = [name for name, label in GREASE.labels.items()
            if label["notes"].lower().startswith(notes_start)]
    assert len(hits) == 1, (notes_start, hits)
    return hits[0]


def fitting_types(notes: str) -> set[str]:
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in TYPE_OF_GENRE.items() if pattern.search(genre)}


@pytest.mark.parametrize("name", GREASE.on_disk)
def test_document(name):
    """Codebook values, years, title, debris and prose of one document."""
    GREASE.document_check(name)


@pytest.mark.parametrize("name", GREASE.pages)
def test_saved_page_head_and_fields(name):
    GREASE.page_check(name, META_DATES)


def test_files_counts_and_readme():
    fs.files_check(GREASE.folder, GREASE.labels)
    fs.size_check(GREASE.labels, {"html": (16, 19), "txt": (15, 18), "md": (1, 2)})
    fs.readme_check(GREASE.folder, GREASE.labels, GREASE.debris, GREASE.prose)


def test_brief_genres_and_their_types():
    assert fs.missing_genres(GREASE.labels, GENRES_ASKED) == {}
    wrong = {name: (fitting_types(label["notes"]), label["doc_type"])
             for name, label in GREASE.labels.items()
             if fitting_types(label["notes"]) != {label["doc_type"]}}
    assert wrong == {}


def test_language_mix():
    fs.language_check(GREASE.labels, {"en": 14, "nb": 10, "nn": 5, "da": 5, "sv": 5},
                      alone_least=3)
    bilingual = [label["doc_type"] for label in GREASE.labels.values()
                 if ";" in label["languages"]]
    assert len(bilingual) >= 7 and bilingual.count("abstract") >= 2


def test_year_situations_and_later_years():
    fs.trap_check(GREASE.labels, GREASE.prose, GREASE.lines)
    for row in GREASE.prose:
        year = GREASE.labels[row["file"]]["year"]
        ahead = [y for y in fs.YEAR.findall(row["sentence"]) if year and y > year]
        assert all(y in GREASE.labels[row["file"]]["year_evidence"] for y in ahead), row


def test_glued_slots_are_programme_content():
    slots = [(name, line) for name, lines in GREASE.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)]
    assert len({name for name, _ in slots}) >= 6
    assert {GREASE.labels[name]["doc_type"] for name, _ in slots} == {"event_programme"}
    assert not any(is_debris(name, line) for name, line in slots)


def test_identifiers_zero_filled():
    found = {kind: re.compile(pattern) for kind, (pattern, _) in ID_KINDS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in ID_KINDS.items() if shape}
    seen, wrong = fs.identifier_misses(GREASE.lines, found, shapes)
    assert wrong == [], wrong
    assert set(seen) == set(found), seen


def test_labels_leaders_and_fields_are_debris():
    lone = [(n, line) for n, lines in GREASE.lines.items() for line in lines
            if line in LONE_LABELS]
    assert len(lone) >= 12 and all(is_debris(*pair) for pair in lone)
    leaders = [(n, line) for n, lines in GREASE.lines.items() for line in lines
               if DOT_LEADERS.search(line)]
    assert len(leaders) >= 15 and all(is_debris(*pair) for pair in leaders)
    assert GREASE.field_pages() >= 6
    assert GREASE.kept_markdown_fields() == []


def test_incident_notices_keep_updates_and_faq():
    for name, label in GREASE.labels.items():
        if not label["notes"].startswith("municipality's incident notice"):
            continue
        updates = [line for line in GREASE.lines[name] if line.startswith("Oppdatering ")]
        assert len(updates) >= 2 and not any(is_debris(name, u) for u in updates), name
        stamps = [line for line in GREASE.lines[name] if line.startswith("Sist ")]
        assert stamps and all(is_debris(name, s) for s in stamps), name
    page = opened_by("municipality's incident notice after a ransomware attack (updated "
                     "several times, with an faq")
    questions = [tag.get_text().strip() for tag in GREASE.soup(page).find_all("summary")]
    assert len(questions) >= 3 and not any(is_debris(page, q) for q in questions)


def test_risk_report_footnotes_and_table():
    name = opened_by("national security authority's annual risk report excerpt")
    notes = [line for line in GREASE.lines[name] if line[0] in "¹²³"]
    assert len(notes) >= 2 and all(is_debris(name, line) for line in notes)
    rows = [line for line in GREASE.lines[name] if re.fullmatch(r"[A-ZØ][a-zø]+ \d{1,3}", line)]
    assert len(rows) >= 2 and not any(is_debris(name, line) for line in rows)


def test_broadcaster_comments_are_debris():
    name = opened_by("national broadcaster's news item with reader comments")
    assert is_debris(name, "Kommentarer (9)")
    assert is_debris(name, "hemtjanstmamma: Min pappa fick ingen middag på tisdagen. Skandal.")
    quote = ("– Vi visste inte vilka brukare som behövde insulin förrän en sjuksköterska ringde "
             "runt, säger en undersköterska.")
    assert quote in GREASE.lines[name] and not is_debris(name, quote)


def test_widgets_and_forms_are_debris():
    guidance = opened_by("danish agency's guidance on phishing")
    assert all(is_debris(guidance, line) for line in ("Var siden nyttig?", "Ja", "Nej"))
    landing = opened_by("vendor's security white paper landing page")
    form = ("Download the white paper", "First name", "Work e-mail", "Organisation", "Submit")
    assert all(is_debris(landing, line) for line in form)
    assert sum(row["file"] == landing for row in GREASE.prose) >= 3


@pytest.mark.parametrize("one, other, text", PAIRS)
def test_pairs_share_text(one, other, text):
    assert all(any(text in line for line in GREASE.lines[name]) for name in (one, other))
