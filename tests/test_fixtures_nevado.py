"""Checks of the nevado fixture set (tests/fixtures/exported/nevado), written blind.

Its brief: child welfare services and digital documentation. A directorate's page on a national
case-management system (a version history table and a language switch); a municipality's child
welfare service page with a chat widget; a Danish municipality's page on digital reporting of
concerns; a Swedish agency's page on e-services for families; an ombudsman's statement; a
ministry's bill excerpt (a PDF with contents and footnotes); an evaluation report's summary; a
research project's catalogue page and its working paper; a seminar programme with clock times
glued to talk titles; journal abstracts (one bilingual); a master's thesis record from a
university archive; a news item with comments; a Nynorsk guide for foster parents. English,
Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder (documents, the three
CSVs) once; its shared rules are applied to every document and to the set, and the brief's own
checks follow them.
"""

import re

import fixturesets as fs
import pytest

NEVADO = fs.LabelledSet(fs.SETS / "nevado")
DOCS = NEVADO.on_disk
META_DATES = {"article:published_time", "article:modified_time", "dcterms.modified",
              "citation_publication_date", "event:start_time"}  # the labelled year comes first

# The brief as phrases the notes must hold, each after the least number of documents naming it.
BRIEF = """
1 directorate's page on a national case-management system
1 with a language switch and a version history table
1 municipality's child welfare service page with a chat widget
1 danish municipality's page on digital reporting of concerns
1 swedish agency's page on e-services for families
1 ombudsman's statement
1 ministry's bill excerpt
1 a pdf with a bill number, contents with dot leaders
1 evaluation report's summary
1 research project's catalogue page
1 working paper of the research project
1 seminar programme with clock times glued to talk titles
5 clock times glued to talk titles
4 journal abstract
1 journal abstract in two languages
1 master's thesis record from a university archive
1 news item with comments
1 nynorsk guide for foster parents
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# The doc_type that the opening genre of a document's notes (text before the first " (") must
# name, and the words that name it.
GENRE_WORDS = {
    "other": r"directorate's page|municipality's (?:child welfare service )?page|agency's page|"
             r"ombudsman's statement|news item|faq page|guide for foster parents|blog post",
    "policy_document": r"bill excerpt|agency report|municipal (?:plan|strategy|action plan)",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
GENRE = {kind: re.compile(words) for kind, words in GENRE_WORDS.items()}

# Identifier kinds of this set: the pattern that finds one (group `id` holds its number part)
# and, for a few kinds, the exact form its number must take; for the rest the number may hold
# zeros and separators only.
ID_PATTERNS = {
    "phone": r"(?:Telefon|Telephone|Sentralbord|rådgivningstelefonen): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"(?:Rapport|rapport|rapporterar|Skriftserie) 20\d\d:(?P<id>\d+)",
    "working paper number": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>[\d.\-]*\d)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "project number": r"^(?:Projekt )?(?P<id>\d{6})$",
    "bill number": r"L (?P<id>\d{3})\b",
    "section of an act": r"§ (?P<id>\d+)",
}
ID_FORMS = {"phone": r"(?:[1-9]\d{0,2} |0\d{1,3}[- ])[0 -]+", "ISBN": r"978-(?:8[27]|91)-[0-]+"}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")
SENTENCES = {name: [row["sentence"] for row in NEVADO.prose if row["file"] == name]
             for name in DOCS}
# Each role of the brief and how the notes of the one document holding it begin.
ROLE_NOTES = {
    "directorate": "directorate's page on a national", "chat": "municipality's child welfare",
    "danish reporting": "danish municipality's page", "swedish agency": "swedish agency's page",
    "ombudsman": "ombudsman's statement", "bill": "ministry's bill excerpt",
    "evaluation": "evaluation report's summary", "catalogue": "research project's catalogue",
    "working paper": "working paper of the research project",
    "thesis": "master's thesis record", "news": "news item with comments",
    "guide": "nynorsk guide for foster parents",
}
HOLDERS = {role: [n for n in DOCS if NEVADO.labels[n]["notes"].lower().startswith(opening)]
           for role, opening in ROLE_NOTES.items()}


def holder(role: str) -> str:
    """The one document that holds a role of the brief."""
    return HOLDERS[role][0]


def keeps_its_prose(name: str) -> bool:
    """Three prose sentences or more, none of them listed as debris."""
    return len(SENTENCES[name]) >= 3 and set(SENTENCES[name]).isdisjoint(NEVADO.debris_of(name))


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """The shared rules of fixturesets for one document (and its head and fields if it is a
    saved page); the genre its notes open with names its labelled type and no other; no prose
    sentence of a dated document names a later year that the evidence leaves out."""
    label = NEVADO.labels[name]
    NEVADO.document_check(name)
    if name in NEVADO.pages:
        NEVADO.page_check(name, META_DATES)
    opening = label["notes"].lower().split(" (")[0]
    assert [k for k, words in GENRE.items() if words.search(opening)] == [label["doc_type"]]
    if label["year"]:
        ahead = {y for s in SENTENCES[name] for y in fs.YEAR.findall(s) if y > label["year"]}
        assert all(y in label["year_evidence"] for y in ahead), ahead


def test_files_readme_and_roles():
    """labels.csv has a row for each document in file order, the CSVs end lines with CRLF, the
    README's count tables and overview agree with them, and each role of the brief has exactly
    one holder."""
    fs.files_check(NEVADO.folder, NEVADO.labels)
    fs.readme_check(NEVADO.folder, NEVADO.labels, NEVADO.debris, NEVADO.prose)
    assert {role: len(found) for role, found in HOLDERS.items()} == dict.fromkeys(ROLE_NOTES, 1)


def test_mix_languages_and_year_situations():
    """36 to 40 documents in the asked formats and types; the codebook languages (each alone four
    times or more) with six bilingual documents or more, a journal abstract among them; the
    brief's genres named in the notes; three documents or more of each year situation and trap."""
    labels = NEVADO.labels
    assert fs.missing_genres(labels, WANTED) == {}
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 6, "da": 5, "sv": 5}, 4)
    two = {name: label["doc_type"] for name, label in labels.items() if ";" in label["languages"]}
    assert len(two) >= 6 and "abstract" in two.values(), two
    fs.trap_check(labels, NEVADO.prose, NEVADO.lines)


def test_timetables_and_identifiers():
    """Only programmes glue a clock time to a title, each in four lines or more, none of them
    debris; every identifier kind of this set is present and zero-filled."""
    programmes = sorted(n for n, label in NEVADO.labels.items()
                        if label["doc_type"] == "event_programme")
    assert sorted(fs.year_traps(NEVADO.labels, NEVADO.prose, NEVADO.lines)["glued"]) == programmes
    for name in programmes:
        glued = [line for line in NEVADO.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4 and set(glued).isdisjoint(NEVADO.debris_of(name)), name
    finders = {kind: re.compile(pattern) for kind, pattern in ID_PATTERNS.items()}
    forms = {kind: re.compile(form) for kind, form in ID_FORMS.items()}
    seen, wrong = fs.identifier_misses(NEVADO.lines, finders, forms, "0 /-.")
    assert wrong == [] and sorted(seen) == sorted(ID_PATTERNS), (seen, wrong)


def test_fields_and_contents_lines():
    """Four saved pages or more have field lists (all debris by page_check); no bold Markdown
    field line is kept; fifteen dot-leader contents lines or more, every one of them debris."""
    assert NEVADO.field_pages() >= 4
    assert NEVADO.kept_markdown_fields() == []
    leaders = {(n, line) for n, found in NEVADO.lines.items() for line in found
               if DOT_LEADERS.search(line)}
    assert len(leaders) >= 15
    assert {(n, line) for n, line in leaders if line not in NEVADO.debris_of(n)} == set()


def test_directorate_page_version_table_and_switch():
    """The directorate's page drops its language switch and keeps its version table rows; it is
    dated by its stamp, newer than every version in the table."""
    name = holder("directorate")
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    assert {"Íslenska", "English", "Polski", "Last updated 3 March 2025"} <= gone
    versions = [line for line in lines if re.fullmatch(r"3\.\d", line)]
    assert len(versions) == 3 and not set(versions) & gone
    assert "Version history" not in gone and NEVADO.labels[name]["year"] == "2025"
    assert keeps_its_prose(name)


def test_chat_widget_and_reporting_pages():
    """The chat widget's lines go and the sentence naming the chat's hours stays; the Danish page
    keeps its sentences and drops its form links; the Swedish agency's page is undated."""
    chat = holder("chat")
    assert {"Chat med barnevernet", "Start chat", "Godta alle"} <= NEVADO.debris_of(chat)
    assert any("klokken 09.00 og 14.00" in s for s in SENTENCES[chat])
    danish = holder("danish reporting")
    assert NEVADO.labels[danish]["languages"] == "da"
    assert {"Gå til formularen", "Underret anonymt", "Gå til indhold"} <= NEVADO.debris_of(danish)
    assert keeps_its_prose(danish)
    swedish = holder("swedish agency")
    assert NEVADO.labels[swedish]["languages"] == "sv"
    assert fs.BARE in NEVADO.labels[swedish]["year_evidence"]


def test_bill_pdf_furniture():
    """The bill drops its number, contents, running heads, page numbers and footnotes but keeps
    the sentences ending in a footnote mark."""
    name = holder("bill")
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and not set(callers) & gone
    assert all(any(line == s for s in SENTENCES[name]) for line in callers)
    assert {"Lovforslag nr. L 000", "2", "3"} <= gone
    assert len([line for line in gone if DOT_LEADERS.search(line)]) == 4


def test_catalogue_page_and_working_paper():
    """The catalogue page's fields are debris and its summary heading is not; the invented
    DOKUBARN titles the catalogue page and shows in the working paper, a project report."""
    page = holder("catalogue")
    gone = NEVADO.debris_of(page)
    assert {"Projektperiode", "2025–2028", "Projektnummer", "000000"} <= gone
    assert not {"Om projektet", "Summary in English"} & gone
    assert "DOKUBARN" in NEVADO.labels[page]["title"]
    paper = holder("working paper")
    assert NEVADO.labels[paper]["doc_type"] == "project_report"
    assert any("DOKUBARN" in s for s in SENTENCES[paper])


def test_evaluation_thesis_and_bilingual_abstracts():
    """The evaluation summary and the thesis record are bilingual; the thesis record's fields
    are debris and its abstracts' headings are not."""
    assert NEVADO.labels[holder("evaluation")]["languages"] == "nb;en"
    thesis = holder("thesis")
    assert NEVADO.labels[thesis]["languages"] == "nn;en"
    assert {"Forfattar", "Utgjevingsdato", "Vis full innførsel"} <= NEVADO.debris_of(thesis)
    assert not {"Samandrag", "Abstract"} & NEVADO.debris_of(thesis)


def test_news_comments_and_ombudsman():
    """The news item's three comments (signed with handles) and their count go, its heading
    stays; the ombudsman's statement drops its kicker and share bar."""
    name = holder("news")
    lines, gone = NEVADO.lines[name], NEVADO.debris_of(name)
    signed = {line for line in lines if re.match(r"[\wø]+: ", line)}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    assert any(s.startswith("– ") for s in SENTENCES[name])
    ombudsman = holder("ombudsman")
    assert {"Uttalelse", "Del på Facebook", "Kopier lenke"} <= NEVADO.debris_of(ombudsman)
    assert keeps_its_prose(ombudsman)


def test_nynorsk_foster_parent_guide():
    """The Nynorsk guide has no year at all, keeps its steps and drops its contact block."""
    guide = holder("guide")
    assert NEVADO.labels[guide]["languages"] == "nn"
    assert fs.BARE in NEVADO.labels[guide]["year_evidence"]
    steps = [line for line in NEVADO.lines[guide] if line.startswith(("Opne", "Sjå", "Skriv ned"))]
    assert len(steps) == 3 and not set(steps) & NEVADO.debris_of(guide)
    assert {"Telefon: 71 00 00 00", "[email protected]"} <= NEVADO.debris_of(guide)
