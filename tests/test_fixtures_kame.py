"""Checks of the kame fixture set (tests/fixtures/exported/kame), written blind.

Its brief: household energy costs and welfare going digital. A consumer authority's page on the
electricity support scheme for households (a calculator widget and a cookie banner); a
municipality's social services page on emergency help with power bills (opening hours and a chat
widget); a Danish agency's page on the heating cheque paid automatically; a Swedish agency's page
on the electricity price compensation paid out automatically; a poverty organisation's statement
on people left out of automatic payments; a ministry's proposition excerpt (a PDF with contents
and footnotes); a research institute's report summary on energy poverty with an English summary;
a research project's catalogue page and its working paper; a seminar programme with clock times
glued to talk titles; journal abstracts (one bilingual); a master's thesis record from a
university archive; a news item with reader comments; a Nynorsk guide for tenants in municipal
housing. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder (documents, the three
CSVs) once; its shared rules are applied to every document and to the set, and the brief's own
checks follow them.
"""

import re

import fixturesets as fs
import pytest

KAME = fs.LabelledSet(fs.SETS / "kame")
DOCS = KAME.on_disk
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}  # the labelled year comes first

# The brief as phrases the notes must hold, each after the least number of documents naming it.
BRIEF = """
1 consumer authority's page on the electricity support scheme
1 with a calculator widget and a cookie banner
1 municipality's social services page on emergency help with power bills
1 with opening hours and a chat widget
1 danish agency's page on the heating cheque paid automatically
1 swedish agency's page on the electricity price compensation paid out automatically
1 poverty organisation's statement on people left out of automatic payments
1 ministry's proposition excerpt
1 a pdf with contents, running heads and footnotes
1 research institute's report summary on energy poverty with an english summary
1 research project's catalogue page
1 working paper of the research project
1 seminar programme with clock times glued to talk titles
5 clock times glued to talk titles
4 journal abstract
1 journal abstract in two languages
1 master's thesis record from a university archive
1 news item with reader comments
1 nynorsk guide for tenants in municipal housing
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# The doc_type that the genre opening a document's notes (text before the first " (") names.
GENRE = {kind: re.compile(words) for kind, words in {
    "other": r"consumer authority's page|social services page|agency's page|statement|"
             r"news item|guide for tenants|faq page|blog post",
    "policy_document": r"proposition excerpt|agency report|municipal (?:action )?plan",
    "project_report": r"report summary|catalogue page|working paper|final report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# Identifier kinds of this set: the pattern that finds one (group `id` holds its number part)
# and, for a few kinds, the exact form its number must take; for the rest the number may hold
# zeros and separators only.
ID_PATTERNS = {
    "phone": r"(?:Telefon|Telephone|Sentralbord): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"[Rr]apport 20\d\d:(?P<id>\d+)",
    "report number (number/year)": r"rapport (?P<id>\d+)/20\d\d",
    "working paper number": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>[\d.\-]*\d)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "project number": r"P20\d\d-(?P<id>\d+)",
    "proposition number": r"Prop\. (?P<id>\d+) L",
    "case number": r"saksnummer (?P<id>[\d/]+)",
    "section of an act": r"§ (?P<id>\d+)",
}
ID_FORMS = {"phone": r"(?:[1-9]\d{0,2} |0\d{1,3}[- ])[0 -]+", "ISBN": r"978-8[27]-[0-]+",
            "project number": r"0{5}"}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")
SENTENCES = {name: [row["sentence"] for row in KAME.prose if row["file"] == name]
             for name in DOCS}
# Each role of the brief and how the notes of the one document holding it begin.
ROLE_NOTES = {
    "consumer": "consumer authority's page", "chat": "municipality's social services page",
    "heating cheque": "danish agency's page", "compensation": "swedish agency's page",
    "statement": "poverty organisation's statement", "proposition": "ministry's proposition",
    "report summary": "research institute's report summary",
    "catalogue": "research project's catalogue page",
    "working paper": "working paper of the research project",
    "thesis": "master's thesis record", "news": "news item with reader comments",
    "guide": "nynorsk guide for tenants",
}
HOLDERS = {role: [n for n in DOCS if KAME.labels[n]["notes"].lower().startswith(opening)]
           for role, opening in ROLE_NOTES.items()}


def holder(role: str) -> str:
    """The one document that holds a role of the brief."""
    return HOLDERS[role][0]


def keeps_its_prose(name: str) -> bool:
    """Three prose sentences or more, none of them listed as debris."""
    return len(SENTENCES[name]) >= 3 and set(SENTENCES[name]).isdisjoint(KAME.debris_of(name))


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """The shared rules of fixturesets for one document (and its head and fields if it is a
    saved page); the genre its notes open with names its labelled type and no other; no prose
    sentence of a dated document names a later year that the evidence leaves out."""
    label = KAME.labels[name]
    KAME.document_check(name)
    if name in KAME.pages:
        KAME.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], GENRE) == {label["doc_type"]}
    if label["year"]:
        ahead = {y for s in SENTENCES[name] for y in fs.YEAR.findall(s) if y > label["year"]}
        assert all(y in label["year_evidence"] for y in ahead), ahead


def test_files_readme_and_roles():
    """labels.csv has a row for each document in file order, the CSVs end lines with CRLF, the
    README's count tables and overview agree with them, and each role of the brief has exactly
    one holder."""
    fs.files_check(KAME.folder, KAME.labels)
    fs.readme_check(KAME.folder, KAME.labels, KAME.debris, KAME.prose)
    assert {role: len(found) for role, found in HOLDERS.items()} == dict.fromkeys(ROLE_NOTES, 1)


def test_mix_languages_and_year_situations():
    """36 to 40 documents in the asked formats and types; the codebook languages (each alone four
    times or more) with six bilingual documents or more, a journal abstract among them; the
    brief's genres named in the notes; three documents or more of each year situation and trap."""
    labels = KAME.labels
    assert fs.missing_genres(labels, WANTED) == {}
    fs.size_check(labels, {"html": (17, 20), "txt": (15, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5}, 4)
    two = {name: label["doc_type"] for name, label in labels.items() if ";" in label["languages"]}
    assert len(two) >= 6 and "abstract" in two.values(), two
    assert labels[fs.by_notes(labels, "journal abstract in two languages")]["languages"] == "nb;en"
    fs.trap_check(labels, KAME.prose, KAME.lines)


def test_timetables_and_identifiers():
    """Only programmes glue a clock time to a title, each in four lines or more, none of them
    debris; every identifier kind of this set is present and zero-filled."""
    programmes = sorted(n for n, label in KAME.labels.items()
                        if label["doc_type"] == "event_programme")
    assert sorted(fs.year_traps(KAME.labels, KAME.prose, KAME.lines)["glued"]) == programmes
    for name in programmes:
        glued = [line for line in KAME.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4 and set(glued).isdisjoint(KAME.debris_of(name)), name
    finders = {kind: re.compile(pattern) for kind, pattern in ID_PATTERNS.items()}
    forms = {kind: re.compile(form) for kind, form in ID_FORMS.items()}
    seen, wrong = fs.identifier_misses(KAME.lines, finders, forms, "0 /-.")
    assert wrong == [] and sorted(seen) == sorted(ID_PATTERNS), (seen, wrong)


def test_fields_and_contents_lines():
    """Four saved pages or more have field lists (all debris by page_check); no bold Markdown
    field line is kept; fifteen dot-leader contents lines or more, every one of them debris."""
    assert KAME.field_pages() >= 4
    assert KAME.kept_markdown_fields() == []
    leaders = {(n, line) for n, found in KAME.lines.items() for line in found
               if DOT_LEADERS.search(line)}
    assert len(leaders) >= 15
    assert {(n, line) for n, line in leaders if line not in KAME.debris_of(n)} == set()


def test_consumer_page_calculator_and_cookies():
    """The consumer authority's page drops its calculator widget and cookie banner and keeps the
    sentence saying the support is deducted automatically."""
    name = holder("consumer")
    calculator = {"Regn ut strømstøtten din", "Forbruk i måneden (kWh)", "Beregn",
                  "Kalkulatoren gir et anslag og er ikke bindende."}
    cookies = {"Godta alle", "Bare nødvendige"}
    assert calculator | cookies <= KAME.debris_of(name)
    assert any("automatisk" in s for s in SENTENCES[name]) and keeps_its_prose(name)


def test_chat_widget_and_opening_hours():
    """The municipal page's chat widget and opening hours go; the sentence naming the chat's
    hours stays."""
    name = holder("chat")
    gone = KAME.debris_of(name)
    assert {"Chat med NAV Porsgrunn", "Start chat", "Mandag–fredag", "09.00–15.00"} <= gone
    assert any("klokken 10.00 og 14.00" in s for s in SENTENCES[name])
    assert "Åpningstider" not in gone


def test_automatic_payment_pages():
    """The Danish and Swedish agencies' pages keep their sentences on automatic payment and drop
    their skip links; the Swedish page is undated."""
    danish, swedish = holder("heating cheque"), holder("compensation")
    assert KAME.labels[danish]["languages"] == "da" and KAME.labels[swedish]["languages"] == "sv"
    assert "Gå til indhold" in KAME.debris_of(danish)
    assert "Till innehållet" in KAME.debris_of(swedish)
    for name in (danish, swedish):
        assert any("automati" in s for s in SENTENCES[name]) and keeps_its_prose(name)
    assert fs.BARE in KAME.labels[swedish]["year_evidence"]


def test_statement_and_news_comments():
    """The statement drops its kicker and share bar; the news item's four comments (signed with
    handles) and their count go, its heading stays, its quotation opened by a dash stays."""
    statement = holder("statement")
    assert {"Uttalelse", "Del på Facebook", "Kopier lenke"} <= KAME.debris_of(statement)
    assert keeps_its_prose(statement)
    name = holder("news")
    lines, gone = KAME.lines[name], KAME.debris_of(name)
    thread = lines[lines.index("Kommentarer"):lines.index("Skriv en kommentar")]
    signed = {line for line in thread if re.match(r"[\wø]+: ", line)}
    assert len(signed) == 4 and signed <= gone
    assert "4 kommentarer" in gone and "Kommentarer" not in gone
    assert any(s.startswith("– ") for s in SENTENCES[name])


def test_proposition_pdf_furniture():
    """The proposition drops its number, contents, running heads and footnotes but keeps the
    lines ending in footnote marks; its later year is when the change takes effect."""
    name = holder("proposition")
    lines, gone = KAME.lines[name], KAME.debris_of(name)
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and not set(callers) & gone
    assert any(s.endswith("¹") for s in SENTENCES[name])
    assert {"Prop. 000 L", "(2024–2025)"} <= gone
    assert len([line for line in gone if DOT_LEADERS.search(line)]) == 4
    assert "2026" in KAME.labels[name]["year_evidence"]


def test_report_summary_catalogue_and_working_paper():
    """The report summary is bilingual; the catalogue page's fields are debris and its summary
    headings are not; the invented KALLHEM titles the catalogue page and shows in the working
    paper, a project report."""
    assert KAME.labels[holder("report summary")]["languages"] == "nb;en"
    page = holder("catalogue")
    gone = KAME.debris_of(page)
    assert {"Diarienummer", "2024-000000", "Projektperiod", "2024–2027"} <= gone
    assert not {"Sammanfattning", "Summary in English"} & gone
    assert "KALLHEM" in KAME.labels[page]["title"] and KAME.labels[page]["year"] == ""
    paper = holder("working paper")
    assert KAME.labels[paper]["doc_type"] == "project_report"
    assert any("KALLHEM" in s for s in SENTENCES[paper])


def test_thesis_record_and_guide():
    """The thesis record is bilingual with its fields as debris and its abstract headings kept;
    the Nynorsk guide has no year at all, keeps its steps and drops its contact block."""
    thesis = holder("thesis")
    assert KAME.labels[thesis]["languages"] == "sv;en"
    assert {"Författare", "Publiceringsår", "Handledare"} <= KAME.debris_of(thesis)
    assert not {"Sammanfattning", "Abstract"} & KAME.debris_of(thesis)
    guide = holder("guide")
    assert KAME.labels[guide]["languages"] == "nn"
    assert fs.BARE in KAME.labels[guide]["year_evidence"]
    steps = [line for line in KAME.lines[guide] if line.startswith(("Opne", "Sjekk", "Ta kontakt"))]
    assert len(steps) == 3 and not set(steps) & KAME.debris_of(guide)
    assert {"Telefon: 35 00 00 00", "[email protected]"} <= KAME.debris_of(guide)
