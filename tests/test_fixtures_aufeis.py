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

# The brief as phrases the notes must hold, each after the least number of documents naming it.
BRIEF = """
1 welfare agency's page for employers on the digital follow-up plan
1 login box and cookie banner
1 gp practice's page on requesting a sick note by video consultation
1 opening hours and a chat widget
1 danish municipality's page on reporting sickness absence digitally
1 swedish agency's page on applying for sickness benefit online
1 medical association's hearing response
1 a pdf with numbered points and footnotes
1 ministry's white paper excerpt
2 contents with dot leaders
1 research institute's report summary
1 algorithmic risk prediction of long-term sick leave, with an english summary
1 research project's catalogue page
1 working paper of the research project
1 conference programme with clock times glued to talk titles
5 clock times glued to talk titles
4 journal abstract
1 journal abstract in two languages
1 master's thesis record from a university archive
1 news item with comments
1 nynorsk guide for small employers
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

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
HOLDERS = {role: [n for n in DOCS if AUFEIS.labels[n]["notes"].lower().startswith(opening)]
           for role, opening in ROLE_NOTES.items()}


def holder(role: str) -> str:
    """The one document that holds a role of the brief."""
    return HOLDERS[role][0]


def keeps_its_prose(name: str) -> bool:
    """Three prose sentences or more, none of them listed as debris."""
    return len(SENTENCES[name]) >= 3 and set(SENTENCES[name]).isdisjoint(AUFEIS.debris_of(name))


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """The shared rules of fixturesets for one document (and its head and fields if it is a
    saved page); the genre its notes open with names its labelled type and no other; no prose
    sentence of a dated document names a later year that the evidence leaves out."""
    label = AUFEIS.labels[name]
    AUFEIS.document_check(name)
    if name in AUFEIS.pages:
        AUFEIS.page_check(name, META_DATES)
    opening = label["notes"].lower().split(" (")[0]
    assert [k for k, words in GENRE.items() if words.search(opening)] == [label["doc_type"]]
    if label["year"]:
        ahead = {y for s in SENTENCES[name] for y in fs.YEAR.findall(s) if y > label["year"]}
        assert all(y in label["year_evidence"] for y in ahead), ahead


def test_files_readme_and_roles():
    """labels.csv has a row for each document in file order, the CSVs end lines with CRLF, the
    README's count tables and overview agree with them, and each role of the brief has exactly
    one holder."""
    fs.files_check(AUFEIS.folder, AUFEIS.labels)
    fs.readme_check(AUFEIS.folder, AUFEIS.labels, AUFEIS.debris, AUFEIS.prose)
    assert {role: len(found) for role, found in HOLDERS.items()} == dict.fromkeys(ROLE_NOTES, 1)


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


def test_timetables_and_identifiers():
    """Only programmes glue a clock time to a title, each in four lines or more, none of them
    debris; every identifier kind of this set is present and zero-filled."""
    programmes = sorted(n for n, label in AUFEIS.labels.items()
                        if label["doc_type"] == "event_programme")
    assert sorted(fs.year_traps(AUFEIS.labels, AUFEIS.prose, AUFEIS.lines)["glued"]) == programmes
    for name in programmes:
        glued = [line for line in AUFEIS.lines[name] if fs.GLUED_TIME.search(line)]
        assert len(set(glued)) >= 4 and set(glued).isdisjoint(AUFEIS.debris_of(name)), name
    finders = {kind: re.compile(pattern) for kind, pattern in ID_PATTERNS.items()}
    forms = {kind: re.compile(form) for kind, form in ID_FORMS.items()}
    seen, wrong = fs.identifier_misses(AUFEIS.lines, finders, forms, "0 /-.")
    assert wrong == [] and sorted(seen) == sorted(ID_PATTERNS), (seen, wrong)


def test_fields_and_contents_lines():
    """Three saved pages or more have field lists (all debris by page_check); no bold Markdown
    field line is kept; eighteen dot-leader contents lines or more, every one of them debris."""
    assert AUFEIS.field_pages() >= 3
    assert AUFEIS.kept_markdown_fields() == []
    leaders = {(n, line) for n, found in AUFEIS.lines.items() for line in found
               if DOT_LEADERS.search(line)}
    assert len(leaders) >= 18
    assert {(n, line) for n, line in leaders if line not in AUFEIS.debris_of(n)} == set()


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
