"""Checks of the esker fixture set (tests/fixtures/exported/esker), written blind.

Its brief: prisons, probation and welfare services going digital. A correctional service's page
on electronic monitoring (ankle tags) with a step list and a language switch; a prison's page on
the Nav office inside the prison and digital release planning (with visiting hours); a Danish
probation service's page on digital reporting; a Swedish agency's page on digital tablets for
inmates; an ombudsman's visit report (a PDF with contents, numbered findings and footnotes); a
ministry's consultation paper excerpt; an evaluation report's summary with an English summary; a
research project's catalogue page and its working paper; a seminar programme with clock times
glued to talk titles; journal abstracts (one bilingual); a PhD thesis record from a university
archive; a news item with comments and a related-articles panel; a Nynorsk guide for relatives
of inmates. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here imports a document: the set is read once into a fixturesets.LabelledSet, the
helpers of fixturesets judge each document and the whole set, and the last tests hold the roles
of the brief to what their pages must drop and keep.
"""

import re

import fixturesets as fs
import pytest

ESKER = fs.LabelledSet(fs.SETS / "esker")
DOCS = ESKER.on_disk
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date.issued"}  # the labelled year comes first

# Phrases of the brief that the notes column must name, each with how many documents at least.
BRIEF = """
1 correctional service's page on electronic monitoring (ankle tags)
1 with a step list and a language switch
1 prison's page on the nav office inside the prison and digital release planning
1 with visiting hours
1 danish probation service's page on digital reporting
1 swedish agency's page on digital tablets for inmates
1 ombudsman's visit report, a pdf with contents, numbered findings and footnotes
1 ministry's consultation paper excerpt
1 evaluation report's summary with an english summary
1 research project's catalogue page
1 working paper of the research project
1 seminar programme with clock times glued to talk titles
6 clock times glued to talk titles
4 journal abstract
1 journal abstract in two languages
1 phd thesis record from a university archive
1 news item with comments and a related-articles panel
1 nynorsk guide for relatives of inmates
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Words of a genre, by the doc_type they stand for; the genre that opens a document's notes
# must call up its own type and no other (fixturesets.genre_types).
GENRE_WORDS = {
    "other": r"correctional service's page|prison's page|probation service's page|agency's page|"
             r"news item|faq page|guide for relatives|blog post",
    "policy_document": r"visit report|consultation paper|strategy page|municipal (?:action )?plan|"
                       r"agency report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
GENRE = {kind: re.compile(words) for kind, words in GENRE_WORDS.items()}

# How each kind of identifier in these documents is found (its number in the group `id`); a
# few kinds must take the exact form in ID_FORMS, the others hold only zeros and separators.
ID_PATTERNS = {
    "phone": r"(?:Telefon|Telephone):? (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"Rapport (?:20\d\d:)?(?P<id>\d+)(?:/20\d\d)?",
    "working paper number": r"Working Papers? (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/(?P<id>[a-z0-9.]+)",
    "postal box": r"(?:Postboks|Postbus|Box) (?P<id>\d+)",
    "project number": r"^(?P<id>\d{6})$",
    "case number": r"(?:Saksnummer |Diarienummer |EOAK/)(?P<id>[\d/-]+)",
    "handle": r"^(?P<id>\d{5}/\d{4})$",
    "charity number": r"Registered charity (?P<id>\d+)",
}
ID_FORMS = {"phone": r"(?:[1-9]\d{0,2} |0\d{1,3}[- ])[0 -]+", "ISBN": r"978-(?:82|91)-[0-]+",
            "DOI": r"(?:[a-z]+\.)?(?:0+\.)?(?:20\d\d\.)?0+(?:\.0+)?",
            "case number": r"(?:\d\d/|20\d\d-)?0+(?:/20\d\d)?"}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")
SENTENCES = {name: [row["sentence"] for row in ESKER.prose if row["file"] == name]
             for name in DOCS}
# Each role of the brief and how the notes of the one document holding it begin
# (fixturesets.by_notes finds that document and fails unless there is exactly one).
ROLE_NOTES = {
    "monitoring": "correctional service's page on electronic",
    "prison": "prison's page on the nav office", "danish": "danish probation service's page",
    "tablets": "swedish agency's page on digital tablets", "ombudsman": "ombudsman's visit report",
    "consultation": "ministry's consultation paper", "evaluation": "evaluation report's summary",
    "catalogue": "research project's catalogue", "working paper": "working paper of the research",
    "seminar": "seminar programme", "thesis": "phd thesis record",
    "news": "news item with comments", "guide": "nynorsk guide for relatives",
}


def holder(role: str) -> str:
    """The document holding a role of the brief, checked to be the only one."""
    return fs.by_notes(ESKER.labels, ROLE_NOTES[role])


def keeps_its_prose(name: str) -> bool:
    """Three prose sentences or more, none of them listed as debris."""
    return len(SENTENCES[name]) >= 3 and set(SENTENCES[name]).isdisjoint(ESKER.debris_of(name))


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """fixturesets' rules for one document, and for a saved page its head and fields; its notes
    open with a genre of its own type only; a dated document's evidence names each later year
    that its prose sentences hold."""
    label = ESKER.labels[name]
    ESKER.document_check(name)
    if name.endswith(".html"):
        ESKER.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], GENRE) == {label["doc_type"]}, label["notes"]
    later = {year for sentence in SENTENCES[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and int(year) > int(label["year"])}
    assert later <= set(fs.YEAR.findall(label["year_evidence"])), later


def test_set_files_readme_roles_mix_and_traps():
    """The files and CSVs, the README's tables and overview, one holder for each role; the asked
    formats, types and brief genres; the languages (each alone three times or more, six bilingual
    documents or more with a journal abstract); each year situation and trap three times."""
    labels = ESKER.labels
    fs.files_check(ESKER.folder, labels)
    fs.readme_check(ESKER.folder, labels, ESKER.debris, ESKER.prose)
    assert sorted(map(holder, ROLE_NOTES)) == sorted(set(map(holder, ROLE_NOTES)))
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(labels, WANTED) == {}
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    bilingual = [label["doc_type"] for label in labels.values() if ";" in label["languages"]]
    assert len(bilingual) >= 6 and "abstract" in bilingual, bilingual
    fs.trap_check(labels, ESKER.prose, ESKER.lines)


def test_glued_timetables_identifiers_fields_and_contents():
    """Glued clock times only in programmes, four lines or more in each and none debris; every
    identifier kind present and zero-filled; five saved pages with field lists, no bold Markdown
    field kept; fifteen dot-leader contents lines or more, all debris."""
    traps = fs.year_traps(ESKER.labels, ESKER.prose, ESKER.lines)
    kinds = {name: label["doc_type"] for name, label in ESKER.labels.items()}
    assert {kinds[name] for name in traps["glued"]} == {"event_programme"}
    assert len(traps["glued"]) == list(kinds.values()).count("event_programme")
    for name in traps["glued"]:
        timed = {line for line in ESKER.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(timed) >= 4 and not timed & ESKER.debris_of(name), name
    seen, wrong = fs.identifier_misses(
        ESKER.lines, {kind: re.compile(p) for kind, p in ID_PATTERNS.items()},
        {kind: re.compile(p) for kind, p in ID_FORMS.items()}, "0 /-.")
    assert not wrong and set(seen) == set(ID_PATTERNS), (seen, wrong)
    assert ESKER.field_pages() >= 5 and not ESKER.kept_markdown_fields()
    contents = [(name, line) for name in DOCS for line in ESKER.lines[name]
                if DOT_LEADERS.search(line)]
    assert len(contents) >= 15 and all(line in ESKER.debris_of(n) for n, line in contents)


def test_monitoring_page_steps_and_switch():
    """The electronic monitoring page drops its language switch and stamp and keeps its four
    steps; it is English and dated by its stamp."""
    name = holder("monitoring")
    lines, gone = ESKER.lines[name], ESKER.debris_of(name)
    assert {"Íslenska", "English", "Polski", "Last updated 11 February 2025"} <= gone
    steps = [line for line in lines if line.startswith(("Apply", "We check", "The tag is", "You "))]
    assert len(steps) == 4 and not set(steps) & gone
    assert ESKER.labels[name]["languages"] == "en" and ESKER.labels[name]["year"] == "2025"
    assert keeps_its_prose(name)


def test_prison_danish_and_tablet_pages():
    """The prison page keeps its visiting hours and drops its stamp; the Danish page has no year
    at all and drops its login link; the Swedish-language tablet page drops kicker and link."""
    prison = holder("prison")
    assert {"Tirsdag og torsdag", "17.00–19.30", "Besøkstider"}.isdisjoint(ESKER.debris_of(prison))
    assert {"Publisert 3. oktober 2024", "Del", "Skriv ut"} <= ESKER.debris_of(prison)
    assert any("Nav-kontor" in s for s in SENTENCES[prison])
    danish = holder("danish")
    assert ESKER.labels[danish]["languages"] == "da"
    assert fs.BARE in ESKER.labels[danish]["year_evidence"]
    assert {"Log på videosamtale", "Gå til indhold", "Kalaallisut"} <= ESKER.debris_of(danish)
    tablets = holder("tablets")
    assert ESKER.labels[tablets]["languages"] == "sv"
    assert {"Nyhet", "Läs också: Videobesök i fängelserna"} <= ESKER.debris_of(tablets)
    assert keeps_its_prose(danish) and keeps_its_prose(tablets)


def test_ombudsman_report_and_consultation_paper():
    """The visit report drops its contents, running heads, page numbers and two footnotes but
    keeps its numbered findings and the lines that call the footnotes; the consultation paper
    drops its deadline and case number and names its horizon in the evidence."""
    name = holder("ombudsman")
    lines, gone = ESKER.lines[name], ESKER.debris_of(name)
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[0] not in "¹²" and ("¹" in line or "²" in line)]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and not set(callers) & gone
    findings = [line for line in lines if re.match(r"3\.\d ", line)]
    assert len(findings) == 3 and not set(findings) & gone
    assert {"Inspection of Vantaa Prison", "2", "3", "4"} <= gone
    assert len([line for line in gone if DOT_LEADERS.search(line)]) == 4
    paper = holder("consultation")
    assert {"Høringsfrist: 1. september 2025", "Saksnummer 25/0000"} <= ESKER.debris_of(paper)
    assert "2027" in ESKER.labels[paper]["year_evidence"]


def test_catalogue_working_paper_evaluation_and_thesis():
    """The catalogue page's fields are debris and its headings not; the invented DIGIUT titles it
    and shows in the working paper, a project report; the evaluation summary is bilingual; the
    thesis record's fields are debris and its abstract heading is not."""
    page = holder("catalogue")
    gone = ESKER.debris_of(page)
    assert {"Projekttid", "2024–2027", "Projektnummer", "000000"} <= gone
    assert not {"Om projektet", "Summary in English"} & gone
    assert "DIGIUT" in ESKER.labels[page]["title"]
    paper = holder("working paper")
    assert ESKER.labels[paper]["doc_type"] == "project_report"
    assert any("DIGIUT" in s for s in SENTENCES[paper])
    assert ESKER.labels[holder("evaluation")]["languages"] == "nb;en"
    thesis = holder("thesis")
    assert {"Author", "Date issued", "View full record"} <= ESKER.debris_of(thesis)
    assert "Abstract" not in ESKER.debris_of(thesis)


def test_news_comments_related_and_guide():
    """The news item's four signed comments, their count and its related panel go, its comment
    heading stays and a quotation opened by a dash is prose; the Nynorsk guide has no year at
    all, keeps its steps and drops its contact block."""
    name = holder("news")
    lines, gone = ESKER.lines[name], ESKER.debris_of(name)
    signed = {line for line in lines if re.match(r"[\w]+: ", line)}
    assert len(signed) == 4 and signed <= gone
    assert {"4 kommentarer", "Les også", "Mest lest"} <= gone and "Kommentarer" not in gone
    assert any(s.startswith("– ") for s in SENTENCES[name])
    guide = holder("guide")
    assert ESKER.labels[guide]["languages"] == "nn"
    assert fs.BARE in ESKER.labels[guide]["year_evidence"]
    steps = [line for line in ESKER.lines[guide] if line.startswith(("Opne", "Vel ein", "Sjekk"))]
    assert len(steps) == 3 and not set(steps) & ESKER.debris_of(guide)
    assert {"Telefon: 55 00 00 00", "[email protected]"} <= ESKER.debris_of(guide)
