"""Tests of the floe fixture set (tests/fixtures/exported/floe), written blind.

The brief: disability benefits and work capacity assessments going digital. A social insurance
agency's page on applying for a disability pension online (a step list and a "was this page
useful" widget); a Swedish agency's page on activity compensation for young people; a Danish
municipality's page on the rehabilitation team and its digital case file; a ministry's
consultation paper excerpt (a PDF with contents, tables and footnotes); a national audit
office's report summary; a disability organisation's consultation response; an appeals body's
anonymised decision; a research project's catalogue page and its final report summary; a
seminar programme with clock times glued to talk titles; journal abstracts (one in two
languages at least); a regional newspaper's news item with reader comments; a patient forum
thread; and a doctors' association's guidance on digital medical certificates. English,
Bokmål, Nynorsk, Danish and Swedish.

Nothing here runs the import: the helpers of tests/fixturesets.py read the CSVs, the visible
lines of the documents, the markup of the saved pages and the README.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

FLOE = fs.LabelledSet(fs.SETS / "floe")

META_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# Phrases the labels' notes hold, each with the least number of documents that name it.
GENRES_ASKED = {
    "social insurance agency's page on applying for a disability pension online": 1,
    "step list": 1, "'was this page useful' widget": 1,
    "swedish agency's page on activity compensation for young people": 1,
    "danish municipality's page on the rehabilitation team and its digital case file": 1,
    "ministry's consultation paper excerpt": 1, "a table, footnotes": 1,
    "national audit office's report summary": 1,
    "disability organisation's consultation response": 2,
    "appeals body's anonymised decision": 1,
    "research project's catalogue page": 2, "research project's final report summary": 2,
    "clock times glued to talk titles": 6, "journal abstract": 7, "in two languages": 7,
    "regional newspaper's news item with reader comments": 1, "patient forum thread": 2,
    "doctors' association's guidance on digital medical certificates": 2,
    "contents with dot leaders": 4, "colophon": 2, "field labels": 2,
    "in bokmål": 8, "in nynorsk": 7, "in danish": 8, "in swedish": 4, "in english": 8,
}

# The genre a note opens with (its words before the first " (") and the one type it fits.
TYPE_OF_GENRE = {
    "other": re.compile(r"page on|guidance|news item|forum thread|anonymised decision|"
                        r"service page"),
    "policy_document": re.compile(r"consultation response|audit office's report summary|"
                                  r"action plan|consultation paper|agency report"),
    "project_report": re.compile(r"research project"),
    "abstract": re.compile(r"abstract"),
    "event_programme": re.compile(r"programme"),
}

# Each kind of identifier, how it is found and (a pattern, or None for only zeros and
# separators) what its zero-filled form looks like.
ID_KINDS = {
    "phone": (r"(?:Telefon|Phone): (?P<id>\+?\d[\d -]*\d)",
              r"(?:\+\d{2,3} |[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    "organisation number": (r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    "ISBN": (r"ISBN (?P<id>[\d-]+)", r"978-(?:82|87|91)-[0-]+"),
    "ISSN": (r"ISSN (?P<id>[\dX-]+)", None),
    "report number": (r"(?:Rapport 20\d\d:|Rapport (?:nr\. )?|Reports |Notat nr\. )(?P<id>\d+)",
                      None),
    "reference": (r"(?:Saksnr\.: 2\d/|Vår ref\.: 2\d/|J\.nr\. 20\d\d-|Diarienummer: 20\d\d/|"
                  r"Appeal number: 20\d\d/|OSIG-)(?P<id>[\d/-]+)", None),
    "postal box": (r"(?:Postboks|Box) (?P<id>\d+)", None),
}

# Field labels left on a line of their own by a copy: debris wherever they are.
LONE_LABELS = {"Dato:", "Stad:", "Pris:", "Date:", "Venue:", "Price:"}

DOT_LEADERS = re.compile(r"\.{8,} \d+$")

# Two documents about the same project, body or host, and the text both show.
PAIRS = (
    ("h04_helsefonden_projekt_digital_rehabilitering_katalogside_da_en.html",
     "t04_marselisborg_center_slutrapport_digirehab_sammenfatning_pdf_da_en.txt", "DIGIREHAB"),
    ("h05_elaketurvakeskus_research_project_work_capacity_assessment_en_sv.html",
     "t14_elaketurvakeskus_workcap_final_report_summary_pdf_en.txt", "WORKCAP"),
    ("h02_myndigheten_for_delaktighet_aktivitetsersattning_unga_sv.html",
     "t09_myndigheten_for_delaktighet_rapport_digitala_ansokningar_pdf_sv_en.txt",
     "Myndigheten för delaktighet"),
    ("h01_keva_apply_disability_pension_online_steps_feedback_en.html",
     "t07_keva_seminar_disability_pension_digital_programme_copy_en.txt", "Keva"),
    ("h03_randers_kommune_rehabiliteringsteam_digital_sag_da.html",
     "h14_marselisborg_center_konference_rehabilitering_program_da.html", "Randers Kommune"),
)


def kept(name: str, *lines: str) -> bool:
    """None of these lines is listed as debris of the document."""
    return FLOE.debris_of(name).isdisjoint(lines)


def dropped(name: str, *lines: str) -> bool:
    """Every one of these lines is listed as debris of the document."""
    return FLOE.debris_of(name).issuperset(lines)


def note_opening(prefix: str) -> str:
    """The one document whose labelled notes open with this (lower-case) prefix."""
    names = {n for n in FLOE.on_disk if FLOE.labels[n]["notes"].lower().startswith(prefix)}
    assert len(names) == 1, (prefix, sorted(names))
    return names.pop()


def all_lines(pattern: re.Pattern) -> list[tuple[str, str]]:
    """(document, line) for every visible line of the set that the pattern finds."""
    return [(n, text) for n in FLOE.on_disk for text in FLOE.lines[n] if pattern.search(text)]


@pytest.mark.parametrize("name", FLOE.on_disk)
def test_each_document_against_its_labels(name):
    """Codebook values, year rules, title, debris and prose placement of one document."""
    FLOE.document_check(name)


@pytest.mark.parametrize("name", FLOE.pages)
def test_each_saved_page_head(name):
    FLOE.page_check(name, META_DATES)


def test_folder_csvs_sizes_and_readme_tables():
    fs.files_check(FLOE.folder, FLOE.labels)
    fs.readme_check(FLOE.folder, FLOE.labels, FLOE.debris, FLOE.prose)
    fs.size_check(FLOE.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})


def test_notes_name_the_brief_and_type_it_once():
    assert fs.missing_genres(FLOE.labels, GENRES_ASKED) == {}
    for name in FLOE.on_disk:
        label = FLOE.labels[name]
        genre = label["notes"].partition(" (")[0].lower()
        fits = sorted(kind for kind, pattern in TYPE_OF_GENRE.items() if pattern.search(genre))
        assert fits == [label["doc_type"]], (name, fits)


def test_languages_and_bilingual_documents():
    fs.language_check(FLOE.labels, {"en": 14, "nb": 8, "nn": 6, "da": 6, "sv": 5},
                      alone_least=3)
    two = Counter(label["doc_type"] for label in FLOE.labels.values()
                  if len(label["languages"].split(";")) == 2)
    assert sum(two.values()) >= 7 and two["abstract"] >= 2, two


def test_year_traps_and_named_later_years():
    fs.trap_check(FLOE.labels, FLOE.prose, FLOE.lines)
    for row in FLOE.prose:
        label = FLOE.labels[row["file"]]
        later = {y for y in fs.YEAR.findall(row["sentence"]) if label["year"] < y}
        if label["year"]:
            assert later <= set(fs.YEAR.findall(label["year_evidence"])), row


def test_timetable_lines_stay_in_programmes():
    slots = all_lines(fs.GLUED_TIME)
    assert len({n for n, _ in slots}) >= 6
    assert {FLOE.labels[n]["doc_type"] for n, _ in slots} == {"event_programme"}
    assert all(kept(n, text) for n, text in slots)


def test_identifiers_are_zero_filled():
    finders = {kind: re.compile(find) for kind, (find, _) in ID_KINDS.items()}
    forms = {kind: re.compile(form) for kind, (_, form) in ID_KINDS.items() if form}
    seen, wrong = fs.identifier_misses(FLOE.lines, finders, forms)
    assert not wrong, wrong
    assert sorted(seen) == sorted(finders), seen


def test_lone_labels_leaders_and_fields_are_dropped():
    lone = [(n, text) for n in FLOE.on_disk for text in FLOE.lines[n] if text in LONE_LABELS]
    assert len(lone) >= 6 and all(dropped(n, text) for n, text in lone)
    leaders = all_lines(DOT_LEADERS)
    assert len(leaders) >= 12 and all(dropped(n, text) for n, text in leaders)
    assert FLOE.field_pages() >= 5 and not FLOE.kept_markdown_fields()


def test_application_page_keeps_steps_and_drops_widget():
    name = note_opening("social insurance agency's page on applying")
    steps = [line for line in FLOE.lines[name] if re.match(r"\d\. ", line)]
    assert len(steps) == 4 and kept(name, *steps)
    assert dropped(name, "Was this page useful?", "Yes", "No", "Send feedback")
    assert sum(row["file"] == name for row in FLOE.prose) >= 3


def test_consultation_paper_footnotes_and_table():
    name = note_opening("ministry's consultation paper excerpt")
    notes = [line for line in FLOE.lines[name] if line[0] in "¹²³"]
    assert len(notes) >= 2 and dropped(name, *notes)
    rows = [line for line in FLOE.lines[name] if re.fullmatch(r"20\d\d  \d+ %  \d+ %", line)]
    assert len(rows) >= 2 and kept(name, *rows)


def test_newspaper_comments_are_debris():
    name = note_opening("regional newspaper's news item with reader comments")
    assert dropped(name, "Kommentarer (4)", "Vis flere kommentarer",
                   "Grenlandsjente: Videomøte er ikke for alle. Hva med dem som ikke har pc?")
    quote = "– Jeg hadde ventet i et halvt år, så jeg trodde det var en feil, sier hun til Varden."
    assert quote in FLOE.lines[name] and kept(name, quote)


def test_forum_threads_keep_posts_and_drop_stamps():
    for name, label in FLOE.labels.items():
        if not label["notes"].startswith("patient forum thread"):
            continue
        stamps = [line for line in FLOE.lines[name]
                  if re.match(r"(Skrevet|Oprettet|Svar fra) ", line)]
        assert len(stamps) >= 2 and dropped(name, *stamps), name
        assert sum(row["file"] == name for row in FLOE.prose) >= 3, name


@pytest.mark.parametrize("first, second, shared", PAIRS)
def test_related_documents_show_a_shared_text(first, second, shared):
    for name in (first, second):
        assert any(shared in text for text in FLOE.lines[name]), (name, shared)
