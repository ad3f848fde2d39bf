"""Checks of the polynya set (tests/fixtures/exported/polynya), written blind.

Brief: sickness benefits, return to work and social insurance going digital. Agencies' pages
on applying for sickness benefit online, a parliament's written question on digital sick
notes with the minister's answer, a municipal council's case document (saksframlegg) with
its proposed resolution, an agency's press release, a regional newspaper's news item and a
GP's op-ed, an occupational health service's blog post, report landing pages, a research
project's catalogue page and its final report, seminar programmes with clock times glued to
talk titles, journal abstracts and FAQ pages; English, Bokmål, Nynorsk, Danish and Swedish.

Nothing here runs the import: the checks read the three CSVs, the documents' visible lines,
the saved pages' markup and the README of the set, through the shared helpers of
tests/fixturesets.py.
"""

import re

import fixturesets as fs
import pytest

POLYNYA = fs.LabelledSet(fs.SETS / "polynya")
LABELS = POLYNYA.labels

DATE_FIELDS = {"dcterms.issued", "dcterms.modified", "article:published_time",
               "citation_publication_date"}

# Phrase the notes must name | least count. One phrase a line.
GENRES_ASKED = """
applying online for sickness benefit | 3
written question | 1
minister's answer | 1
case document (saksframlegg) | 1
proposed resolution | 1
press release | 1
regional newspaper's news item | 2
op-ed by a gp | 1
byline | 3
read also | 3
comment count | 3
occupational health service's blog post | 1
report's landing page | 2
download button | 2
research project's catalogue page | 1
final report | 2
seminar programme | 3
glued to talk titles | 5
journal abstract | 4
faq page | 2
field labels | 8
bilingual | 5
in nynorsk | 5
in danish | 4
in swedish | 4
"""
GENRES = {phrase.strip(): int(n) for phrase, n in
          (row.split("|") for row in GENRES_ASKED.strip().splitlines())}

# Which type a genre named in the notes must carry.
TYPED_BY_NOTES = {
    "other": re.compile(r"page on applying online|written question|press release|news item|"
                        r"op-ed|blog post|faq page"),
    "policy_document": re.compile(r"case document|report's landing page|action plan|"
                                  r"action programme|political agreement"),
    "event_programme": re.compile(r"glued to talk titles"),
    "abstract": re.compile(r"journal abstract|conference abstract"),
}

# Identifier kind :: pattern with an `id` group :: what the id may be (empty: zeros and
# separators only).
ID_ROWS = r"""
parliament document :: Dokument nr\. 15:(?P<id>\d+) ::
archive case :: Arkivsak-dok\.: (?P<id>[\d/-]+) :: 2\d/0+-1
committee case :: (?P<id>\d+)/25$ ::
registration number :: diarienummer (?P<id>\d+)$ ::
ISBN :: ISBN (?P<id>[\d-]+) :: 978-952-0+-0+-0
ISSN :: ISSN (?P<id>[\d-]+) :: (?:0803-)?0+-?0*
report number :: Reports (?P<id>\d+)/2024 ::
postal box :: (?:Postboks|PB) (?P<id>\d+) ::
organisation number :: (?:Org\.nr\.|CVR) (?P<id>[\d ]+\d) ::
phone :: (?:bord|fon|center|tfn|service) (?P<id>\+?[\d -]*\d) :: (?:\+45 |0\d+-? ?|[2-5]\d )[0 ]+
"""
KINDS = [[cell.strip() for cell in (row + " ::").split(" ::")[:3]]
         for row in ID_ROWS.strip().splitlines()]
ID_PATTERNS = {kind: re.compile(pattern) for kind, pattern, _ in KINDS}
ID_FILLED = {kind: re.compile(filled) for kind, _, filled in KINDS if filled}

FIELD_LABELS = {"Dato:", "Sted:", "Pris:", "Datum:", "Plats:", "Arrangör:", "Date:", "Venue:",
                "Fra:", "Til:", "Datert:", "Besvart:", "Timer:", "Projektperiod:",
                "Prosjektperiode:", "Duration:"}

# Two documents about one thing, and a part of a line both hold.
PAIRS = (("h11_afa_forsakring_projekt_digital_atergang_i_arbete_sv_en.html",
          "t04_afa_forsakring_slutrapport_digater_pdf_sv_en.txt", "DIGÅTER"),
         ("h12_fioh_project_digital_rtw_pathways_en.html",
          "h18_fioh_seminar_online_work_ability_services_programme_en.html", "RTW-DIGI"))


def named(fragment: str) -> str:
    """The one document whose name holds `fragment`."""
    found = [name for name in LABELS if fragment in name]
    assert len(found) == 1, (fragment, found)
    return found[0]


@pytest.mark.parametrize("name", sorted(LABELS))
def test_each_document(name):
    """Head of a saved page, codebook values, year rules, and where title, debris and prose
    sit (the shared LabelledSet checks)."""
    if name in POLYNYA.pages:
        POLYNYA.page_check(name, DATE_FIELDS)
    POLYNYA.document_check(name)


def test_set_files_size_readme_and_genres():
    fs.files_check(POLYNYA.folder, LABELS)
    fs.size_check(LABELS, {"html": (17, 21), "txt": (13, 17), "md": (1, 2)})
    fs.readme_check(POLYNYA.folder, LABELS, POLYNYA.debris, POLYNYA.prose)
    assert fs.missing_genres(LABELS, GENRES) == {}


@pytest.mark.parametrize("doc_type", sorted(TYPED_BY_NOTES))
def test_types_follow_the_genre(doc_type):
    matched = {name: label["doc_type"] for name, label in LABELS.items()
               if TYPED_BY_NOTES[doc_type].search(label["notes"].lower())}
    assert len(matched) >= 4 and set(matched.values()) == {doc_type}, matched


def test_languages_and_bilingual_documents():
    fs.language_check(LABELS, {"en": 10, "nb": 8, "nn": 5, "da": 4, "sv": 4}, alone_least=4)
    bilingual = [name for name, label in LABELS.items() if ";" in label["languages"]]
    assert len(bilingual) >= 5
    assert all(LABELS[name]["languages"].endswith(";en") for name in bilingual), bilingual


def test_year_situations_and_later_years_named():
    fs.trap_check(LABELS, POLYNYA.prose, POLYNYA.lines)
    unnamed = []
    for row in POLYNYA.prose:
        label = LABELS[row["file"]]
        later = [y for y in fs.YEAR.findall(row["sentence"])
                 if label["year"] and y > label["year"]]
        unnamed += [(row["file"], y) for y in later if y not in label["year_evidence"]]
    assert unnamed == []


def test_glued_timetables_are_programme_body():
    """Clock times glued to talk titles stand only in programmes and are never debris."""
    programmes = fs.year_traps(LABELS, POLYNYA.prose, POLYNYA.lines)["glued"]
    glued_debris = [(name, line) for name in programmes for line in POLYNYA.debris_of(name)
                    if fs.GLUED_TIME.search(line)]
    assert len(programmes) >= 5 and glued_debris == []
    assert {LABELS[name]["doc_type"] for name in programmes} == {"event_programme"}


def test_identifiers_are_zero_filled_and_every_kind_occurs():
    seen, wrong = fs.identifier_misses(POLYNYA.lines, ID_PATTERNS, ID_FILLED, "0 -")
    assert wrong == []
    assert set(seen) == set(ID_PATTERNS), seen


def test_field_labels_and_markdown_fields_are_debris():
    alone = [(name, line) for name, lines in POLYNYA.lines.items() for line in lines
             if line in FIELD_LABELS]
    assert len(alone) >= 10 and all(line in POLYNYA.debris_of(name) for name, line in alone)
    assert {name[0] for name, _ in alone} == {"h", "t"}
    assert POLYNYA.field_pages() >= 8
    assert POLYNYA.kept_markdown_fields() == []


def test_question_case_document_and_pairs():
    question = named("skriftlig_sporsmal")
    assert "Dokument nr. 15:0000 (2024–2025)" in POLYNYA.debris_of(question)
    assert {"03.02.2025", "11.02.2025"} <= POLYNYA.debris_of(question)
    case = named("saksframlegg")
    resolution = [line for line in POLYNYA.lines[case] if re.match(r"[123]\. ", line)]
    assert len(resolution) == 3 and not set(resolution) & POLYNYA.debris_of(case)
    assert "Framlegg til vedtak" in POLYNYA.lines[case]
    for first, second, part in PAIRS:
        assert all(any(part in line for line in POLYNYA.lines[name]) for name in (first, second))
