"""Checks of the aufeis fixture set (tests/fixtures/exported/aufeis), written blind.

Its brief: sick leave and digital sickness certificates. A welfare agency's page for employers
on the digital follow-up plan (a login box and a cookie banner); a GP practice's page on
requesting a sick note by video consultation (opening hours and a chat widget); a Danish
municipality's page on reporting sickness absence digitally; a Swedish agency's page on applying
for sickness benefit online; a medical association's hearing response (a PDF with numbered points
and footnotes); a ministry's white paper excerpt (contents with dot leaders); a research
institute's report summary on algorithmic risk prediction of long-term sick leave, with an
English summary; a research project's catalogue page and its working paper; a conference
programme with clock times glued to talk titles; journal abstracts (one bilingual); a master's
thesis record from a university archive; a news item with reader comments; a Nynorsk guide for
small employers. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder (documents, the three
CSVs) once; its shared rules are applied to every document and to the set, and the brief's own
checks follow them.
"""

import re

import fixturesets as fs
import pytest

AUFEIS = fs.LabelledSet(fs.SETS / "aufeis")
DOCS = AUFEIS.on_disk
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dc.date.issued"}  # the labelled year comes first

# The brief as phrases its documents' notes must hold: once each, or as often as given.
WANTED = dict.fromkeys([
    "welfare agency's page for employers on the digital follow-up plan",
    "login box and cookie banner",
    "gp practice's page on requesting a sick note by video consultation",
    "opening hours and a chat widget",
    "danish municipality's page on reporting sickness absence digitally",
    "swedish agency's page on applying for sickness benefit online",
    "medical association's hearing response",
    "a pdf with numbered points and footnotes",
    "ministry's white paper excerpt",
    "research institute's report summary",
    "algorithmic risk prediction of long-term sick leave, with an english summary",
    "research project's catalogue page",
    "working paper of the research project",
    "conference programme with clock times glued to talk titles",
    "journal abstract in two languages",
    "master's thesis record from a university archive",
    "news item with comments",
    "nynorsk guide for small employers",
], 1) | {
    "contents with dot leaders": 2,
    "clock times glued to talk titles": 5,
    "journal abstract": 4,
}

# The doc_type that the opening genre of a document's notes (text before the first " (") must
# name, and the words that name it.
GENRE_WORDS = {
    "other": r"agency's page|practice's page|municipality's page|hearing response|news item|"
             r"guide for small employers|blog post",
    "policy_document": r"white paper excerpt|agency report|"
                       r"(?:municipal|regional) (?:action plan|policy|plan|strategy|report)",
    "project_report": r"catalogue page|working paper|final report|report summary",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
GENRE = {kind: re.compile(words) for kind, words in GENRE_WORDS.items()}

# Identifier kinds of this set: the pattern that finds one (group `id` holds its number part)
# and, for a few kinds, the exact form its number must take; for the rest the number may hold
# zeros and separators only.
ID_PATTERNS = {
    "phone": r"(?:Telefon|Phone|Växel|Sentralbord): (?P<id>\+?\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"Rapport 20\d\d:(?P<id>\d+)",
    "institute report number": r"SNF-rapport nr\. (?P<id>\d+)/\d\d",
    "white paper number": r"Meld\. St\. (?P<id>\d+) \(",
    "working paper number": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z]+\.20\d\d\.(?P<id>[\d.]*\d)",
    "postal box": r"(?:Postboks|Box|PB) (?P<id>\d+),",
    "project number": r"(?:project|prosjektnummer) (?P<id>\d{6})\b",
    "case number": r"(?:Sag nr\. 20\d\d-|Saksnummer \d\d/|Diarienummer 20\d\d/)(?P<id>\d+)",
    "section of an agreement": r"§ (?P<id>\d+)",
    "thesis URN": r"URN:NBN:fi:amk-20\d\d(?P<id>\d+)",
}
ID_FORMS = {"phone": r"(?:\+372 |[1-9]\d |0\d{1,3}[- ])[0 -]+",
            "ISBN": r"978-8[27]-[0-]+"}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")
SENTENCES = {name: [row["sentence"] for row in AUFEIS.prose if row["file"] == name]
             for name in DOCS}
# Each role of the brief and how the notes of the one document holding it begin.
ROLE_NOTES = {
    "employers": "welfare agency's page for employers", "gp": "gp practice's page",
    "danish": "danish municipality's page", "swedish": "swedish agency's page",
    "hearing": "medical association's hearing response", "white paper": "ministry's white paper",
    "institute": "research institute's report summary",
    "catalogue": "research project's catalogue page",
    "working paper": "working paper of the research project",
    "conference": "conference programme with clock times",
    "bilingual journal": "journal abstract in two languages",
    "thesis": "master's thesis record", "news": "news item with comments",
    "guide": "nynorsk guide for small employers",
}


def holder(role: str) -> str:
    """The one document whose notes open with the phrase of a role of the brief
    (fixturesets.by_notes fails unless exactly one does)."""
    return fs.by_notes(AUFEIS.labels, ROLE_NOTES[role])


def keeps_its_prose(name: str) -> bool:
    """Three prose sentences or more, none of them listed as debris."""
    sentences = set(SENTENCES[name])
    return len(sentences) >= 3 and not sentences & AUFEIS.debris_of(name)


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """One document: the shared label and placement rules, for a saved page also its head and
    fields; its notes open with a genre of its labelled type only (fixturesets.genre_types);
    every year of its prose later than its own is named in its evidence."""
    label = AUFEIS.labels[name]
    AUFEIS.document_check(name)
    if name in AUFEIS.pages:
        AUFEIS.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], GENRE) == {label["doc_type"]}
    later = {year for sentence in SENTENCES[name] for year in fs.YEAR.findall(sentence)
             if label["year"] and year > label["year"]}
    assert not {year for year in later if year not in label["year_evidence"]}, later


def test_files_readme_and_roles():
    """One labels.csv row a document in file order, CRLF lines, the README's count tables and
    overview as the CSVs give them, and one document for each of the fourteen roles, each of
    them a different one."""
    fs.files_check(AUFEIS.folder, AUFEIS.labels)
    fs.readme_check(AUFEIS.folder, AUFEIS.labels, AUFEIS.debris, AUFEIS.prose)
    assert len({holder(role) for role in ROLE_NOTES}) == len(ROLE_NOTES) == 14


def test_mix_languages_and_year_situations():
    """36 to 40 documents in the asked formats and types; the codebook languages (each alone four
    times or more) with six bilingual documents or more, a journal abstract and a report summary
    among them; the brief's genres named in the notes; three documents or more of each year
    situation and trap."""
    labels = AUFEIS.labels
    assert fs.missing_genres(labels, WANTED) == {}
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5}, 4)
    two = {name: label["doc_type"] for name, label in labels.items() if ";" in label["languages"]}
    assert len(two) >= 6 and {"abstract", "project_report"} <= set(two.values()), two
    fs.trap_check(labels, AUFEIS.prose, AUFEIS.lines)


def lines_matching(pattern: re.Pattern) -> dict[str, set[str]]:
    """The visible lines of each document that ``pattern`` finds something in (documents
    without any such line left out)."""
    found = {name: {line for line in lines if pattern.search(line)}
             for name, lines in AUFEIS.lines.items()}
    return {name: hits for name, hits in found.items() if hits}


def test_timetables_identifiers_fields_and_contents():
    """Glued clock times only in the programmes, at least four lines in each and no such line
    debris; every identifier kind of this set present and zero-filled; field lists on three
    saved pages or more and no bold Markdown field kept; eighteen dot-leader contents lines or
    more, all of them debris."""
    glued = lines_matching(fs.GLUED_TIME)
    programmes = {n for n, label in AUFEIS.labels.items() if label["doc_type"] == "event_programme"}
    assert set(glued) == programmes
    assert {n: len(hits) for n, hits in glued.items() if len(hits) < 4} == {}
    assert {n for n, hits in glued.items() if hits & AUFEIS.debris_of(n)} == set()
    seen, wrong = fs.identifier_misses(
        AUFEIS.lines, {kind: re.compile(p) for kind, p in ID_PATTERNS.items()},
        {kind: re.compile(form) for kind, form in ID_FORMS.items()}, "0 /-.")
    assert (set(seen), wrong) == (set(ID_PATTERNS), [])
    assert AUFEIS.field_pages() >= 3 and not AUFEIS.kept_markdown_fields()
    leaders = lines_matching(DOT_LEADERS)
    assert sum(map(len, leaders.values())) >= 18
    assert all(hits <= AUFEIS.debris_of(n) for n, hits in leaders.items())


def test_employer_page_login_box_and_cookie_banner():
    """The agency's page for employers drops its cookie banner, login box and stamp, keeps its
    headings and its steps, and is dated by the stamp."""
    name = holder("employers")
    gone = AUFEIS.debris_of(name)
    assert {"Accept all", "Necessary cookies only", "Self-service for employers", "Log in",
            "Log in with ID-card, Mobile-ID or Smart-ID", "Last updated: 14.04.2025"} <= gone
    assert not {"What the plan must contain", "How to submit the plan"} & gone
    assert AUFEIS.labels[name]["year"] == "2025" and keeps_its_prose(name)


def test_gp_page_hours_and_chat():
    """The GP practice's opening hours and chat widget go, the sentence naming the chat's hours
    stays, the three steps stay, and the page has no year at all."""
    name = holder("gp")
    gone = AUFEIS.debris_of(name)
    assert {"Åpningstider", "Mandag–fredag 08.00–15.30", "Chat med legekontoret", "Start chat",
            "Bestill time"} <= gone
    assert any("klokken 08.00 og 15.00" in s for s in SENTENCES[name])
    steps = [line for line in AUFEIS.lines[name] if line.startswith(("Bestill en", "Du får",
                                                                      "Sykmeldingen sendes"))]
    assert len(steps) == 3 and not set(steps) & gone
    assert fs.BARE in AUFEIS.labels[name]["year_evidence"]


def test_danish_and_swedish_pages():
    """The Danish municipality's page drops its Jobnet links and contact block and keeps its
    sentences; the Swedish agency's page is Swedish, undated and drops its e-service login."""
    danish = holder("danish")
    assert AUFEIS.labels[danish]["languages"] == "da"
    assert {"Meld dig syg på Jobnet", "Telefon: 58 00 00 00", "Gå til indhold"} <= \
        AUFEIS.debris_of(danish)
    assert keeps_its_prose(danish)
    swedish = holder("swedish")
    assert AUFEIS.labels[swedish]["languages"] == "sv"
    assert fs.BARE in AUFEIS.labels[swedish]["year_evidence"]
    assert {"Logga in i e-tjänsten", "Hittade du det du sökte?"} <= AUFEIS.debris_of(swedish)


def test_hearing_response_and_white_paper():
    """The hearing response drops its footnotes and letter lines and keeps its numbered points and
    the sentences ending in footnote marks; the white paper drops its number, contents, page
    numbers and footnote, and is dated 2021 with a later horizon in a prose sentence."""
    name = holder("hearing")
    lines, gone = AUFEIS.lines[name], AUFEIS.debris_of(name)
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and all(line in SENTENCES[name] for line in callers)
    points = [line for line in lines if re.match(r"\d\. [A-ZÆØÅ]", line)]
    assert len(points) == 3 and not set(points) & gone
    assert {"København, 14. marts 2025", "Med venlig hilsen"} <= gone
    paper = holder("white paper")
    gone = AUFEIS.debris_of(paper)
    assert {"Meld. St. 00 (2020–2021)", "5", "6"} <= gone
    assert len([line for line in gone if DOT_LEADERS.search(line)]) == 6
    assert any(line.startswith("¹") for line in gone)
    assert AUFEIS.labels[paper]["year"] == "2021"
    assert any("Innen 2025" in s for s in SENTENCES[paper])


def test_report_summary_catalogue_and_working_paper():
    """The institute's summary is bilingual and drops its ISBN and ISSN; the catalogue page's
    fields are debris and its headings not; the invented DIGIATTEST titles the catalogue page and
    shows in the working paper, a project report."""
    summary = holder("institute")
    assert AUFEIS.labels[summary]["languages"] == "nb;en"
    assert {"ISBN 978-82-000-0000-0 (elektronisk)", "ISSN 0000-0000"} <= \
        AUFEIS.debris_of(summary)
    page = holder("catalogue")
    gone = AUFEIS.debris_of(page)
    assert {"Projektperiode", "2024–2027", "Projektnummer", "000000",
            "Ingen publikationer registreret endnu"} <= gone
    assert not {"Om projektet", "Summary in English"} & gone
    assert "DIGIATTEST" in AUFEIS.labels[page]["title"]
    paper = holder("working paper")
    assert AUFEIS.labels[paper]["doc_type"] == "project_report"
    assert any("DIGIATTEST" in s for s in SENTENCES[paper])


def test_thesis_record_and_bilingual_abstract():
    """The thesis record is bilingual and its fields are debris, its abstracts' headings not; the
    bilingual journal abstract is `nb;en` and drops both keyword lines."""
    thesis = holder("thesis")
    assert AUFEIS.labels[thesis]["languages"] == "sv;en"
    assert {"Författare", "Datum", "Visa fullständig post"} <= AUFEIS.debris_of(thesis)
    assert not {"Sammandrag", "Abstract"} & AUFEIS.debris_of(thesis)
    journal = holder("bilingual journal")
    assert AUFEIS.labels[journal]["languages"] == "nb;en"
    keywords = [line for line in AUFEIS.lines[journal]
                if line.startswith(("Nøkkelord", "Keywords"))]
    assert len(keywords) == 2 and set(keywords) <= AUFEIS.debris_of(journal)


def test_news_comments_and_nynorsk_guide():
    """The news item's three comments (signed with handles) and their count go, its heading and
    quotation stay; the Nynorsk guide has no year at all, keeps its steps and drops its contact
    block."""
    name = holder("news")
    lines, gone = AUFEIS.lines[name], AUFEIS.debris_of(name)
    signed = {line for line in lines if re.match(r"\w+: [A-ZÆØÅ]", line)}
    assert len(signed) == 3 and signed <= gone
    assert {"3 kommentarer", "Skriv en kommentar"} <= gone and "Kommentarer" not in gone
    assert any(line.startswith("– ") and line not in gone for line in lines)
    guide = holder("guide")
    assert AUFEIS.labels[guide]["languages"] == "nn"
    assert fs.BARE in AUFEIS.labels[guide]["year_evidence"]
    steps = [line for line in AUFEIS.lines[guide] if line.startswith(("Ta kontakt", "Lag opp",
                                                                      "Sjå om"))]
    assert len(steps) == 3 and not set(steps) & AUFEIS.debris_of(guide)
    assert {"Telefon: 57 00 00 00", "[email protected]"} <= AUFEIS.debris_of(guide)
