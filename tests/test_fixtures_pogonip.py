"""Checks of the pogonip set (tests/fixtures/exported/pogonip), written blind.

The brief of the set: law and courts of automated welfare decisions. A legal database's pages
of court judgments and their summaries (case numbers, parties anonymised, field labels), a
ministry's bill on automated case handling (a PDF extract with chapter headings and
footnotes), a parliamentary committee's recommendation on it, consultation responses from a
bar association and a disability organisation, an appeals board's decision, law journal
abstracts (bilingual), a law firm's newsletter post and its event page, a faculty of law's
seminar programme with clock times glued to talk titles, a research project's catalogue page
and final report on legal certainty in algorithmic administration, a newspaper op-ed by a law
professor and a Swedish administrative court's press release; English, Bokmål, Nynorsk,
Danish and Swedish.

The import of the package is never run here: the checks read the CSVs, each document's
visible lines, the saved pages' markup and the set's README.
"""

import re

import fixturesets as fs
import pytest

POGONIP = fs.LabelledSet(fs.SETS / "pogonip")

# Head fields of the saved pages that carry a date: they must name the labelled year.
HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# The brief, as phrases the notes must name, each followed by how often at least.
BRIEF = (
    "legal database 4; court judgment 4; parties anonymised 5; field labels 8; "
    "ministry's bill 3; footnotes 1; parliamentary committee's recommendation 1; "
    "consultation response 2; bar association 2; disability organisation 1; "
    "appeals board's decision 1; law journal 5; bilingual abstract 3; "
    "law firm's newsletter post 2; law firm's event page 1; "
    "faculty of law's seminar programme 3; glued to talk titles 5; "
    "research project's catalogue page 1; final report 2; "
    "legal certainty in algorithmic administration 1; newspaper op-ed 1; law professor 1; "
    "swedish administrative court's press release 1; in danish 3; in nynorsk 4"
)
ASKED = {phrase: int(least) for phrase, least in
         (item.strip().rsplit(" ", 1) for item in BRIEF.split(";"))}

# The identifiers as the documents write them: kind :: pattern with an `id` group :: what
# the id must look like (empty: zeros and separators only).
IDENTIFIER_TABLE = r"""
case number :: \b(?:LB|TRR|HR|TOSLO)-20\d\d-(?P<id>\d+) ::
court's own case number :: \b2\d-(?P<id>\d+)(?:ASD|TVI)- ::
reference :: (?:ref\.|nr\.:|Mål nr|BS-) ?(?P<id>[\d/-]+) :: (?:2\d[/-])?0+(?:[/-][02]\d*)?
bill or recommendation :: \b(?:Prop\.|Innst\.) (?P<id>\d+) L\b ::
report or circular number :: \b(?:Simula Report|Rundskriv H-)(?P<id>[\d/ ]+) :: 0+(?:/2\d)?
ISBN :: \bISBN (?P<id>[\d-]+) :: 978-(?:82|91|92)-0+-0+-0
ISSN :: \bISSN (?P<id>[\dX-]+) ::
postal box :: \b(?:Postboks|Box) (?P<id>\d+) ::
organisation number :: \b(?:Org\.nr\.?|CVR) (?P<id>[\d -]+\d) ::
phone :: (?:fon|bord|tjänst|service|Phone) (?P<id>\+?\d[\d -]*\d) :: (?:\+45 |0\d-|[2-7]\d )[0 ]+
"""
TABLE_ROWS = [[cell.strip() for cell in row.split(" ::")]
              for row in IDENTIFIER_TABLE.strip().splitlines()]
IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern, _ in TABLE_ROWS}
ZERO_FILLED = {kind: re.compile(filled) for kind, _, filled in TABLE_ROWS if filled}

# Lines a copy, a PDF or a saved page's field list leaves as a label alone: debris.
LABEL_LINES = ("Tid:", "Sted:", "Pris:", "Dato:", "Date:", "Venue:", "Organiser:", "Datum:",
               "Plats:", "Arrangör:", "Domstol:", "Avsagt:", "Saksnr.:", "Stikkord:",
               "Prosjektperiode:", "Timer:")

# Things two documents tell about, and the line (or part of a line) both hold.
SHARED = (
    ("h13_riksbankens_jubileumsfond_projekt_rattssakerhet_algoritmisk_forvaltning_en_sv.html",
     "t05_uppsala_universitet_slutrapport_lecalg_pdf_sv_en.txt", "LECALG"),
    ("h17_simula_project_explainable_welfare_decisions_en.html",
     "t09_simula_final_report_explain_pdf_en.txt", "EXPLAIN"),
    ("h19_domstol_supreme_court_summary_automated_decision_en.html",
     "t12_wikborg_rein_newsletter_supreme_court_automated_decisions_copy_en.txt",
     "HR-2025-0000-A"),
    ("t01_justisdepartementet_prop_automatiserte_vedtak_utdrag_pdf_nn.txt",
     "h08_stortinget_innstilling_justiskomiteen_automatiserte_vedtak_nb.html",
     "Prop. 000 L (2024–2025)"),
    ("h05_kluge_nyhetsbrev_ny_forvaltningslov_automatisering_nb.html",
     "h06_kluge_frokostseminar_automatiserte_vedtak_program_nb.html",
     "Frokostseminar: Automatiserte vedtak i praksis"),
)

# What a court, an appeals body, a newspaper or a law firm publishes about a case or a
# bill is a page of news or record, not one of the four research genres.
RECORD_NOTES = re.compile(r"court judgment|appeals board's decision|press release|op-ed|"
                          r"newsletter post")


@pytest.mark.parametrize("name", sorted(POGONIP.labels))
def test_document_labels_and_placement(name):
    """Per document: a saved page's head (its <title> debris, date fields naming the year,
    every <dt>/<dd> field debris), then codebook values, year rules and the placement of
    title, debris and prose."""
    if name.endswith(".html"):
        POGONIP.page_check(name, HEAD_DATES)
    POGONIP.document_check(name)


def test_folder_csvs_readme_size_and_brief():
    folder, labels = POGONIP.folder, POGONIP.labels
    fs.files_check(folder, labels)
    fs.readme_check(folder, labels, POGONIP.debris, POGONIP.prose)
    fs.size_check(labels, {"html": (17, 21), "txt": (13, 17), "md": (1, 2)})
    short = fs.missing_genres(labels, ASKED)
    assert not short, short


def test_judgments_decisions_and_news_are_other():
    typed = {name: label["doc_type"] for name, label in POGONIP.labels.items()
             if RECORD_NOTES.search(label["notes"])}
    assert len(typed) >= 8 and set(typed.values()) == {"other"}, typed


def test_languages_of_all_five_with_bilingual_abstracts():
    fs.language_check(POGONIP.labels, {"en": 12, "nb": 12, "nn": 4, "da": 4, "sv": 4},
                      alone_least=3)
    pairs = {name: label["doc_type"] for name, label in POGONIP.labels.items()
             if ";" in label["languages"]}
    assert len(pairs) >= 5 and list(pairs.values()).count("abstract") >= 3, pairs


def later_years_left_out() -> list[tuple[str, str]]:
    """(file, year) for each year in a dated document's prose that is later than its date
    and not named in its year evidence."""
    found = []
    for row in POGONIP.prose:
        year, evidence = (POGONIP.labels[row["file"]][key] for key in ("year", "year_evidence"))
        named = set(fs.YEAR.findall(evidence))
        found += [(row["file"], y) for y in fs.YEAR.findall(row["sentence"])
                  if year and y > year and y not in named]
    return found


def test_year_situations_and_traps():
    fs.trap_check(POGONIP.labels, POGONIP.prose, POGONIP.lines)
    assert later_years_left_out() == []


def test_timetables_glued_kept_and_only_in_programmes():
    glued = [(name, line) for name, lines in POGONIP.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)]
    programmes = {name for name, _ in glued}
    assert len(programmes) >= 5, programmes
    assert {POGONIP.labels[name]["doc_type"] for name in programmes} == {"event_programme"}
    assert [pair for pair in glued if pair[1] in POGONIP.debris_of(pair[0])] == []


def test_identifiers_field_labels_and_shared_lines():
    seen, wrong = fs.identifier_misses(POGONIP.lines, IDENTIFIERS, ZERO_FILLED, "0 -")
    assert not wrong, wrong
    assert sorted(seen) == sorted(IDENTIFIERS), seen
    labels = [(name, line) for name in POGONIP.on_disk for line in POGONIP.lines[name]
              if line in LABEL_LINES]
    assert len(labels) >= 8 and {name[0] for name, _ in labels} == {"h", "t"}, labels
    assert all(line in POGONIP.debris_of(name) for name, line in labels)
    assert POGONIP.field_pages() >= 8 and POGONIP.kept_markdown_fields() == []
    for pair, part in ((pair[:2], pair[2]) for pair in SHARED):
        holders = [name for name in pair if any(part in line for line in POGONIP.lines[name])]
        assert holders == list(pair), (pair, part)
