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


def is_debris(name: str, line: str) -> bool:
    return line in FLOE.debris_of(name)


def opened_by(notes_start: str) -> str:
    """The single document whose notes start with these words."""
    hits = [name for name, label in FLOE.labels.items()
            if label["notes"].lower().startswith(notes_start)]
    assert len(hits) == 1, (notes_start, hits)
    return hits[0]


def fitting_types(notes: str) -> set[str]:
    genre = notes.split(" (", 1)[0].lower()
    return {kind for kind, pattern in TYPE_OF_GENRE.items() if pattern.search(genre)}


@pytest.mark.parametrize("name", FLOE.on_disk)
def test_document(name):
    """Codebook values, years, title, debris and prose of one document."""
    FLOE.document_check(name)


@pytest.mark.parametrize("name", FLOE.pages)
def test_saved_page_head_and_fields(name):
    FLOE.page_check(name, META_DATES)


def test_files_counts_and_readme():
    fs.files_check(FLOE.folder, FLOE.labels)
    fs.size_check(FLOE.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    fs.readme_check(FLOE.folder, FLOE.labels, FLOE.debris, FLOE.prose)


def test_brief_genres_and_their_types():
    assert fs.missing_genres(FLOE.labels, GENRES_ASKED) == {}
    wrong = {name: (fitting_types(label["notes"]), label["doc_type"])
             for name, label in FLOE.labels.items()
             if fitting_types(label["notes"]) != {label["doc_type"]}}
    assert wrong == {}


def test_language_mix():
    fs.language_check(FLOE.labels, {"en": 14, "nb": 8, "nn": 6, "da": 6, "sv": 5},
                      alone_least=3)
    bilingual = [label["doc_type"] for label in FLOE.labels.values()
                 if ";" in label["languages"]]
    assert len(bilingual) >= 7 and bilingual.count("abstract") >= 2


def test_year_situations_and_later_years():
    fs.trap_check(FLOE.labels, FLOE.prose, FLOE.lines)
    for row in FLOE.prose:
        year = FLOE.labels[row["file"]]["year"]
        ahead = [y for y in fs.YEAR.findall(row["sentence"]) if year and y > year]
        assert all(y in FLOE.labels[row["file"]]["year_evidence"] for y in ahead), row


def test_glued_slots_are_programme_content():
    slots = [(name, line) for name, lines in FLOE.lines.items() for line in lines
             if fs.GLUED_TIME.search(line)]
    assert len({name for name, _ in slots}) >= 6
    assert {FLOE.labels[name]["doc_type"] for name, _ in slots} == {"event_programme"}
    assert not any(is_debris(name, line) for name, line in slots)


def test_identifiers_zero_filled():
    found = {kind: re.compile(pattern) for kind, (pattern, _) in ID_KINDS.items()}
    shapes = {kind: re.compile(shape) for kind, (_, shape) in ID_KINDS.items() if shape}
    seen, wrong = fs.identifier_misses(FLOE.lines, found, shapes)
    assert wrong == [], wrong
    assert set(seen) == set(found), seen


def test_labels_leaders_and_fields_are_debris():
    lone = [(n, line) for n, lines in FLOE.lines.items() for line in lines
            if line in LONE_LABELS]
    assert len(lone) >= 6 and all(is_debris(*pair) for pair in lone)
    leaders = [(n, line) for n, lines in FLOE.lines.items() for line in lines
               if DOT_LEADERS.search(line)]
    assert len(leaders) >= 12 and all(is_debris(*pair) for pair in leaders)
    assert FLOE.field_pages() >= 5
    assert FLOE.kept_markdown_fields() == []


def test_application_page_keeps_steps_and_drops_widget():
    name = opened_by("social insurance agency's page on applying")
    steps = [line for line in FLOE.lines[name] if re.match(r"\d\. ", line)]
    assert len(steps) == 4 and not any(is_debris(name, step) for step in steps)
    assert all(is_debris(name, line) for line in ("Was this page useful?", "Yes", "No",
                                                   "Send feedback"))
    assert sum(row["file"] == name for row in FLOE.prose) >= 3


def test_consultation_paper_footnotes_and_table():
    name = opened_by("ministry's consultation paper excerpt")
    notes = [line for line in FLOE.lines[name] if line[0] in "¹²³"]
    assert len(notes) >= 2 and all(is_debris(name, line) for line in notes)
    rows = [line for line in FLOE.lines[name] if re.fullmatch(r"20\d\d  \d+ %  \d+ %", line)]
    assert len(rows) >= 2 and not any(is_debris(name, line) for line in rows)


def test_newspaper_comments_are_debris():
    name = opened_by("regional newspaper's news item with reader comments")
    assert is_debris(name, "Kommentarer (4)")
    assert is_debris(name, "Grenlandsjente: Videomøte er ikke for alle. Hva med dem som ikke "
                           "har pc?")
    quote = "– Jeg hadde ventet i et halvt år, så jeg trodde det var en feil, sier hun til Varden."
    assert quote in FLOE.lines[name] and not is_debris(name, quote)


def test_forum_threads_keep_posts_and_drop_stamps():
    for name, label in FLOE.labels.items():
        if not label["notes"].startswith("patient forum thread"):
            continue
        stamps = [line for line in FLOE.lines[name]
                  if re.match(r"(Skrevet|Oprettet|Svar fra) ", line)]
        assert len(stamps) >= 2 and all(is_debris(name, s) for s in stamps), name
        assert sum(row["file"] == name for row in FLOE.prose) >= 3, name


@pytest.mark.parametrize("one, other, text", PAIRS)
def test_pairs_share_text(one, other, text):
    assert all(any(text in line for line in FLOE.lines[name]) for name in (one, other))
