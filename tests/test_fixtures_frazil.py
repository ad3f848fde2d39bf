"""The frazil set (tests/fixtures/exported/frazil), held to its brief without the import.

Frazil was written blind around money at the margins going digital: social assistance,
housing support, debt advice and benefit payments at local level. Its brief asks for municipal
social services' pages on digital applications for financial assistance, a housing bank's and
a benefits agency's pages on housing allowance, a payments agency's report on automated
checks, a debt advice service's page and annual report, a consumer agency's report, a
council's minutes and case paper, a local newspaper's article and a reader's letter, a welfare
researchers' network's seminar programme, a research institute's report, a project's
catalogue page, a journal abstract, a client organisation's statement, the FAQ of a digital
application form and a government's strategy excerpt; in English, Bokmål, Nynorsk, Danish and
Swedish, with several bilingual documents.

Only files are read here: the three CSVs, each document's visible lines (saved pages also as
markup, for the head and the <dt>/<dd> fields) and the set's README. The shared helpers of
fixturesets.py do the convention checks; what is particular to this brief is spelt out below.
"""

import re

import fixturesets as fs
import pytest

FRAZIL = fs.LabelledSet(fs.SETS / "frazil")
PAGE_DATE_FIELDS = {"article:published_time", "citation_publication_date", "event:start_time",
                    "dc.date", "dcterms.issued", "dcterms.modified"}
# Phrases of the brief that the notes must carry, and the fewest documents for each.
BRIEF = {"municipal social services page": 5, "financial assistance": 8, "housing allowance": 5,
         "housing bank": 1, "benefits agency": 1, "payments agency": 2, "automated checks": 2,
         "debt advice service": 2, "annual report": 1, "consumer agency": 2,
         "council's meeting minutes": 1, "council's case paper": 1, "local newspaper": 2,
         "reader's letter": 1, "welfare researchers' network": 2, "research institute": 2,
         "project page in a catalogue": 1, "journal article abstract": 2,
         "client organisation's statement": 1, "faq page of a digital application form": 1,
         "government's strategy excerpt": 1}
# The kind of body that stands behind a document, as its note names it.
BODY = re.compile(r"municipal|agency|housing bank|charity|newspaper|research|university|"
                  r"journal|organisation|government|consumer|network|forum|repository",
                  re.IGNORECASE)
# Identifiers as they are printed, with the part that must be zeros (a year may stand in it).
NUMBERS = {
    "case or diary number": re.compile(r"(?:Saksnr\.:|Dnr(?: UBM)?|UBM) (?P<id>\d[\d/:.-]*)"),
    "report number": re.compile(r"(?:Rapport|SIFO-rapport) (?P<id>\d[\d:-]*)"),
    "ISBN": re.compile(r"ISBN (?P<id>[\d-]+)"),
    "ISSN": re.compile(r"ISSN (?P<id>[\dX-]+)"),
    "postal box": re.compile(r"(?:Postboks|Box) (?P<id>\d+)"),
    "organisation number": re.compile(r"(?:Org\.nr\.|CVR) (?P<id>[\d ]+\d)"),
    "charity number": re.compile(r"charity no\. (?P<id>\d+)"),
    "phone": re.compile(r"(?:Telefon|Telephone|Switchboard|Call free on) (?P<id>\+?\d[\d -]*\d)"),
}
YEAR_ALLOWED = re.compile(r"(?:20\d\d|2\d(?=/)|0+|[/:.-])+")
PHONE = re.compile(r"(?:\+354 )?0[\d]{0,3}[- ]?[0 -]+")
NUMBER_FORMS = {"case or diary number": YEAR_ALLOWED, "report number": YEAR_ALLOWED,
                "ISBN": re.compile(r"978-\d\d-0+-0+-0"), "phone": PHONE}
# A label copied onto a line of its own, up to three words and a colon.
FIELD_LABEL = re.compile(r"[A-ZÆØÅ][\w-]*(?: [\w-]+){0,2}:")
# The minutes' own headings are neutral, unlike copied field labels.
MINUTES_HEADINGS = {"Handsaming i kommunestyret:", "Røysting:", "Vedtak:"}
SAME_HOUR = re.compile(r"^(\d\d[.:]\d\d)(?:–\d\d[.:]\d\d)?[A-ZÆØÅÄÖ]")


def notes_of(doc_type: str) -> dict[str, str]:
    return {name: row["notes"] for name, row in FRAZIL.labels.items()
            if row["doc_type"] == doc_type}


def test_folder_and_csvs_match_and_the_lines_end_in_crlf():
    fs.files_check(FRAZIL.folder, FRAZIL.labels)


def test_the_mix_of_formats_and_types_and_the_genres_of_the_brief():
    fs.size_check(FRAZIL.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    short = fs.missing_genres(FRAZIL.labels, BRIEF)
    assert not short, f"the notes name these genres too seldom: {short}"
    nameless = sorted(n for n, row in FRAZIL.labels.items() if not BODY.search(row["notes"]))
    assert not nameless, f"notes without the body behind the document: {nameless}"


def test_languages_lean_on_english_and_norwegian_and_bilinguals_say_what_the_second_part_is():
    fs.language_check(FRAZIL.labels, {"en": 12, "nb": 8, "nn": 6, "da": 4, "sv": 6}, alone_least=4)
    bilingual = {n: row["notes"] for n, row in FRAZIL.labels.items() if ";" in row["languages"]}
    vague = [n for n, note in bilingual.items()
             if not re.search(r"with (?:an English|a Swedish) (?:summary|abstract)", note)]
    assert len(bilingual) >= 6 and not vague, vague


def test_year_situations_later_years_in_prose_and_unique_sentences():
    fs.trap_check(FRAZIL.labels, FRAZIL.prose, FRAZIL.lines)
    # A later year in a dated document's prose is named in its evidence as a target.
    for row in FRAZIL.prose:
        label = FRAZIL.labels[row["file"]]
        later = [y for y in fs.YEAR.findall(row["sentence"]) if label["year"] and y > label["year"]]
        assert all(y in label["year_evidence"] for y in later), (row["file"], later)


def test_programmes_keep_their_glued_timetables_and_one_has_parallel_groups():
    programmes = notes_of("event_programme")
    glued = {n for n in programmes if any(fs.GLUED_TIME.search(line) for line in FRAZIL.lines[n])}
    assert len(glued) >= 4, glued
    dropped = [(n, line) for n in glued for line in FRAZIL.lines[n]
               if fs.GLUED_TIME.search(line) and line in FRAZIL.debris_of(n)]
    assert not dropped, dropped
    hours = {n: [m[1] for m in map(SAME_HOUR.match, FRAZIL.lines[n]) if m] for n in glued}
    assert any(max(map(hs.count, hs)) >= 3 for hs in hours.values()), "no parallel groups"


def test_numbers_are_zero_filled_and_every_kind_appears():
    seen, wrong = fs.identifier_misses(FRAZIL.lines, NUMBERS, NUMBER_FORMS, "0 /-.:")
    assert not wrong, wrong
    assert set(seen) == set(NUMBERS), seen


def test_minutes_and_case_paper_share_one_case_and_copied_field_labels_are_debris():
    minutes = [n for n, row in FRAZIL.labels.items() if "minutes" in row["notes"]]
    paper = [n for n, row in FRAZIL.labels.items() if "case paper" in row["notes"]]
    cases = [{line for line in FRAZIL.lines[n] if line.startswith("Saksnr.")}
             for n in minutes + paper]
    assert minutes and paper and set.intersection(*cases), "minutes and case paper differ"
    bare_labels = [(n, line) for n in FRAZIL.on_disk if n.endswith(".txt")
                   for line in FRAZIL.lines[n] if FIELD_LABEL.fullmatch(line)]
    assert len(bare_labels) >= 4, bare_labels
    kept = [(n, line) for n, line in bare_labels
            if line not in MINUTES_HEADINGS and line not in FRAZIL.debris_of(n)]
    assert not kept, kept


@pytest.mark.parametrize("name", FRAZIL.pages)
def test_saved_page_head_title_dates_and_fields(name):
    FRAZIL.page_check(name, PAGE_DATE_FIELDS)


def test_field_lists_on_pages_and_markdown_fields_are_debris():
    assert FRAZIL.field_pages() >= 5
    assert not FRAZIL.kept_markdown_fields()


@pytest.mark.parametrize("name", FRAZIL.on_disk)
def test_document_follows_the_dev_conventions(name):
    FRAZIL.document_check(name)


def test_readme_counts_and_overview_match():
    fs.readme_check(FRAZIL.folder, FRAZIL.labels, FRAZIL.debris, FRAZIL.prose)
