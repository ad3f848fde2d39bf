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

# The brief, as phrases the notes must name: "<least> <phrase>" on each line.
ASKED = """
4 legal database
4 court judgment
5 parties anonymised
8 field labels
3 ministry's bill
1 footnotes
1 parliamentary committee's recommendation
2 consultation response
2 bar association
1 disability organisation
1 appeals board's decision
5 law journal
3 bilingual abstract
2 law firm's newsletter post
1 law firm's event page
3 faculty of law's seminar programme
5 glued to talk titles
1 research project's catalogue page
2 final report
1 legal certainty in algorithmic administration
1 newspaper op-ed
1 law professor
1 swedish administrative court's press release
3 in danish
4 in nynorsk
"""

# Identifiers as the documents write them, "<kind>: <pattern>" a line; the `id` group of
# each match must be zero-filled.
WRITTEN = r"""
case number: \b(?:LB|TRR|HR|TOSLO)-20\d\d-(?P<id>\d+)
court's own case number: \b2\d-(?P<id>\d+)(?:ASD|TVI)-
reference or case file: (?:Deres ref\.|Vår ref\.|Saksnr\.:|Mål nr|BS-) ?(?P<id>[\d/-]+)
bill or recommendation: \b(?:Prop\.|Innst\.) (?P<id>\d+) L\b
report or circular number: \b(?:NR Report|Rundskriv H-)(?P<id>[\d/ ]+)
ISBN: \bISBN (?P<id>[\d-]+)
ISSN: \bISSN (?P<id>[\dX-]+)
postal box: \b(?:Postboks|Box) (?P<id>\d+)
organisation number: \b(?:Org\.nr\.?|CVR) (?P<id>[\d -]+\d)
phone: \b(?:Telefon|Sentralbord|Kundtjänst|Kundeservice|Phone) (?P<id>\+?\d[\d -]*\d)
"""
IDENTIFIERS = {kind: re.compile(pattern) for kind, pattern in
               (line.split(": ", 1) for line in WRITTEN.strip().splitlines())}
ZERO_FILLED = {
    "reference or case file": re.compile(r"(?:2\d[/-])?0+(?:[/-](?:0+|20\d\d|2\d))?"),
    "report or circular number": re.compile(r"0+(?:/2\d)?"),
    "ISBN": re.compile(r"978-(?:82|91|92)-0+-0+-0"),
    "phone": re.compile(r"(?:\+45 |0\d-|[2-7]\d )[0 ]+"),
}

# Lines a copy, a PDF or a saved page's field list leaves as a label alone: debris.
LABEL_LINES = ("Tid:", "Sted:", "Pris:", "Dato:", "Date:", "Venue:", "Organiser:", "Datum:",
               "Plats:", "Arrangör:", "Domstol:", "Avsagt:", "Saksnr.:", "Stikkord:",
               "Prosjektperiode:", "Timer:")

# Things two documents tell about, and the line (or part of a line) both hold.
SHARED = (
    ("h13_riksbankens_jubileumsfond_projekt_rattssakerhet_algoritmisk_forvaltning_en_sv.html",
     "t05_uppsala_universitet_slutrapport_lecalg_pdf_sv_en.txt", "LECALG"),
    ("h17_norsk_regnesentral_project_explainable_welfare_decisions_en.html",
     "t09_norsk_regnesentral_final_report_explain_pdf_en.txt", "EXPLAIN"),
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


def asked() -> dict[str, int]:
    pairs = (line.split(" ", 1) for line in ASKED.strip().splitlines())
    return {phrase: int(least) for least, phrase in pairs}


def test_csvs_and_readme_agree_with_the_folder():
    fs.files_check(POGONIP.folder, POGONIP.labels)
    fs.readme_check(POGONIP.folder, POGONIP.labels, POGONIP.debris, POGONIP.prose)


@pytest.mark.parametrize("name", POGONIP.on_disk)
def test_each_document(name):
    """Codebook values, year rules, placement of title, debris and prose; for a saved page
    also its head (the <title> debris, date fields agreeing) and its <dt>/<dd> fields."""
    POGONIP.document_check(name)
    if name in POGONIP.pages:
        POGONIP.page_check(name, HEAD_DATES)


def test_size_formats_types_and_what_the_brief_asks_for():
    fs.size_check(POGONIP.labels, {"html": (17, 21), "txt": (13, 17), "md": (1, 2)})
    assert fs.missing_genres(POGONIP.labels, asked()) == {}


def test_judgments_decisions_and_news_are_other():
    typed = {name: label["doc_type"] for name, label in POGONIP.labels.items()
             if RECORD_NOTES.search(label["notes"])}
    assert len(typed) >= 8 and set(typed.values()) == {"other"}, typed


def test_languages_of_all_five_with_bilingual_abstracts():
    fs.language_check(POGONIP.labels, {"en": 12, "nb": 12, "nn": 4, "da": 4, "sv": 4},
                      alone_least=3)
    tags, parts, openers = fs.language_counts(POGONIP.labels)
    bilingual = [name for name, label in POGONIP.labels.items() if ";" in label["languages"]]
    assert len(bilingual) >= 5, tags
    abstracts = [name for name in bilingual if POGONIP.labels[name]["doc_type"] == "abstract"]
    assert len(abstracts) >= 3, abstracts


def test_year_situations_traps_and_later_years_in_evidence():
    fs.trap_check(POGONIP.labels, POGONIP.prose, POGONIP.lines)
    missing = set()
    for row in POGONIP.prose:
        label = POGONIP.labels[row["file"]]
        if label["year"]:
            later = {y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]}
            missing |= {(row["file"], y) for y in later - set(fs.YEAR.findall(
                label["year_evidence"]))}
    assert not missing, sorted(missing)


def test_glued_times_only_in_programmes_and_kept():
    holders = {name for name, lines in POGONIP.lines.items()
               if any(fs.GLUED_TIME.search(line) for line in lines)}
    assert len(holders) >= 5
    assert {POGONIP.labels[name]["doc_type"] for name in holders} == {"event_programme"}
    kept = all(line not in POGONIP.debris_of(name) for name in holders
               for line in POGONIP.lines[name] if fs.GLUED_TIME.search(line))
    assert kept, "a glued timetable line is listed as debris"


def test_identifiers_zero_filled_and_each_kind_present():
    seen, wrong = fs.identifier_misses(POGONIP.lines, IDENTIFIERS, ZERO_FILLED, "0 -")
    assert (wrong, set(seen)) == ([], set(IDENTIFIERS)), (wrong, seen)


def test_field_labels_are_debris_on_pages_and_copies():
    hits = [(name, line) for name in POGONIP.on_disk for line in POGONIP.lines[name]
            if line in LABEL_LINES]
    assert len(hits) >= 8 and {name.split("_")[0][0] for name, _ in hits} == {"h", "t"}, hits
    assert [hit for hit in hits if hit[1] not in POGONIP.debris_of(hit[0])] == []
    assert (POGONIP.field_pages() >= 8, POGONIP.kept_markdown_fields()) == (True, [])


def test_related_documents_share_a_line():
    for first, second, part in SHARED:
        for name in (first, second):
            assert any(part in line for line in POGONIP.lines[name]), (name, part)
