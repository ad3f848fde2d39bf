"""Checks of the firn set (tests/fixtures/exported/firn), written blind.

The brief of the set: taxes, pensions and automated payments. Tax administrations' pages on
pre-filled returns and automated assessments and an annual report excerpt, a pensions
agency's pages on digital pension planning and its evaluation of a self-service app, a
pensioners' association's survey and statement, a parliamentary question with the minister's
answer, an audit of an automated payments system, a digital identity provider's news on
proxies for older people, a bank's help page on digital identity for seniors, a research
project's catalogue page and its report, a conference on public sector automation with its
programme, a journal abstract, a radio programme or podcast page and a newspaper's explainer;
English, Bokmål and Nynorsk mostly, some Danish and Swedish, several bilingual documents;
about half saved HTML, one or two Markdown pages.

What is held: that brief, the conventions of tests/fixtures/exported/dev/README.md and the
tables of the set's own README. The import of the package is never run here: the checks read
the CSVs, each document's visible lines, the saved pages' markup and the README.
"""

import re

import fixturesets as fs
import pytest

FIRN = fs.LabelledSet(fs.SETS / "firn")

# Head fields of this set's saved pages that carry a date (the labelled year first).
DATED_HEAD_FIELDS = {"dcterms.modified", "dcterms.issued", "article:published_time",
                     "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name, and how many documents at least.
BRIEF = {"tax administration": 4, "pre-filled returns": 3, "automated assessments": 2,
         "annual report excerpt": 1, "pensions agency": 3, "digital pension planning": 2,
         "self-service app": 1, "pensioners' association": 3, "survey": 2, "statement": 1,
         "parliamentary question": 2, "minister's answer": 2, "audit of an automated payments": 2,
         "digital identity provider": 1, "proxies for older people": 1,
         "bank's help page on digital identity for seniors": 2, "research project": 4,
         "catalogue page": 1, "conference on public sector automation": 2, "journal abstract": 3,
         "radio programme": 1, "podcast": 1, "newspaper's explainer": 1, "field labels": 6}

# A note must say who stands behind the document.
WHO = re.compile(r"administration|agency|association|parliament|assembly|audit|identity provider|"
                 r"bank|research|conference|journal|radio|podcast|newspaper|municipality|"
                 r"forum|webinar|book of abstracts", re.IGNORECASE)

# Identifiers as they are written on these documents; `id` must be zero-filled.
KINDS = {
    "case number": re.compile(r"(?:\bAQW |\bSS |\bP2\d-)(?P<id>\d[\d/:-]*)"),
    "report number": re.compile(r"(?:\bRapport |DFØ-rapport )(?P<id>\d[\d:/]*)"),
    "ISBN": re.compile(r"\bISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"\bISSN(?: online)?:? (?P<id>[\dX-]+)"),
    "postal box": re.compile(r"(?:\bPostboks|\bPO Box|\bBox) (?P<id>\d+)"),
    "organisation number": re.compile(r"(?:\bOrg\.nr\.?|\bCVR|charity no\.) (?P<id>[\d -]+\d)"),
    "phone": re.compile(r"(?:Telefon|Telephone|Phone|Service number|Kundtjänst|Kundeservice|"
                        r"Sentralbord|Skatteupplysningen|växel) (?P<id>\+?\d[\d -]*\d)"),
}
FILLED = {
    "case number": re.compile(r"0+(?:/2\d-2\d|/20\d\d|:1)?"),
    "report number": re.compile(r"20\d\d:0+|0+/20\d\d"),
    "ISBN": re.compile(r"97[89]-\d\d-0+-0+-0"),
    "phone": re.compile(r"(?:\+45 )?(?:0\d{1,3}[- ]|028 9|[2-9]\d )?[0 ]+"),
}

# Field labels that a copy leaves on a line of their own: never kept.
LONE_LABELS = {"Sted:", "Pris:", "Inlämnat", "Undertecknare", "Riksdagsärenden"}

# Documents that come in pairs about the same thing, and the line both must show.
PAIRS = [("h07_audit_scotland_report_page_social_security_payments_en.html",
          "t05_audit_scotland_report_automated_payments_pdf_en.txt",
          "Social security payments: automated checks and the people they miss"),
         ("h11_tekna_konferanse_automatisering_offentlig_sektor_nb.html",
          "t07_tekna_konferanse_program_dag_2_copy_nb.txt",
          "Automatisering i offentlig sektor 2025")]
SHARED_CASE = ("h10_rj_projekt_automatiserade_pensionsbeslut_sv_en.html",
               "t06_rj_slutrapport_automated_pension_decisions_pdf_en_sv.txt", "P20-0000:1")


def notes_with(phrase: str) -> list[str]:
    return [name for name, label in FIRN.labels.items() if phrase in label["notes"].lower()]


def test_csv_files_match_the_folder_with_crlf_endings():
    fs.files_check(FIRN.folder, FIRN.labels)


def test_the_brief_sets_size_formats_types_and_genres():
    fs.size_check(FIRN.labels, {"html": (17, 21), "txt": (13, 18), "md": (1, 2)})
    short = fs.missing_genres(FIRN.labels, BRIEF)
    anonymous = sorted(name for name, label in FIRN.labels.items()
                       if not WHO.search(label["notes"]))
    assert (short, anonymous) == ({}, []), (short, anonymous)


def test_parliamentary_records_are_other_and_show_question_and_answer():
    records = notes_with("parliamentary question")
    assert len(records) == 2
    for name in records:
        assert FIRN.labels[name]["doc_type"] == "other", name
        headings = set(FIRN.lines[name])
        assert headings & {"Question", "Till riksdagens talman"}, name
        assert headings & {"Answer", "Svar"}, name


def test_languages_lean_on_english_and_norwegian():
    fs.language_check(FIRN.labels, {"en": 14, "nb": 11, "nn": 5, "sv": 5, "da": 4},
                      alone_least=3)
    _, parts, openers = fs.language_counts(FIRN.labels)
    assert parts["en"] + parts["nb"] + parts["nn"] >= 3 * (parts["da"] + parts["sv"]), parts
    assert set(openers) == fs.LANGUAGES, "every language opens one bilingual document"


def test_year_situations_and_later_years_named_in_the_evidence():
    fs.trap_check(FIRN.labels, FIRN.prose, FIRN.lines)
    unnamed = []
    for row in FIRN.prose:
        label = FIRN.labels[row["file"]]
        ahead = [y for y in fs.YEAR.findall(row["sentence"])
                 if label["year"] and int(y) > int(label["year"])]
        unnamed += [(row["file"], y) for y in ahead if y not in label["year_evidence"]]
    assert unnamed == [], "a later year in prose that the evidence does not name"


def test_programmes_glue_times_and_keep_those_lines():
    glued = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
             for name, lines in FIRN.lines.items()}
    glued = {name: found for name, found in glued.items() if found}
    assert len(glued) >= 4
    assert all(FIRN.labels[name]["doc_type"] == "event_programme" for name in glued), glued
    dropped = [line for name, found in glued.items() for line in found
               if line in FIRN.debris_of(name)]
    assert dropped == [], "a glued programme line is listed as debris"


def test_identifiers_are_zero_filled_and_every_kind_occurs():
    seen, wrong = fs.identifier_misses(FIRN.lines, KINDS, FILLED, "0 -")
    assert wrong == [], wrong
    assert sorted(seen) == sorted(KINDS), seen


def test_lone_field_labels_are_debris():
    found = [(name, line) for name, lines in FIRN.lines.items() for line in lines
             if line in LONE_LABELS]
    assert found and all(line in FIRN.debris_of(name) for name, line in found), found


def test_paired_documents_share_their_title_or_conference_and_project_number():
    for first, second, line in PAIRS:
        assert line in FIRN.lines[first] and line in FIRN.lines[second], line
    page, report, case = SHARED_CASE
    assert all(any(case in line for line in FIRN.lines[name]) for name in (page, report))


def test_pages_have_field_lists_and_markdown_fields_are_debris():
    assert FIRN.field_pages() >= 6
    assert FIRN.kept_markdown_fields() == []


def test_readme_counts_and_overview_rows_match():
    fs.readme_check(FIRN.folder, FIRN.labels, FIRN.debris, FIRN.prose)


@pytest.mark.parametrize("name", FIRN.on_disk)
def test_document_labels_placement_and_saved_page_head(name):
    """Codebook values, year rules, title, debris and prose placement; for saved pages also
    the head (its <title> debris, its date fields agreeing) and the <dt>/<dd> fields."""
    FIRN.document_check(name)
    if name.endswith(".html"):
        FIRN.page_check(name, DATED_HEAD_FIELDS)
