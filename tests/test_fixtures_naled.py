"""Checks of the naled fixture set (tests/fixtures/exported/naled), written blind.

Its brief: patient travel and its reimbursement going digital. A health trust's page on claiming
patient travel expenses online (a step list, a login box, a cookie banner); a hospital's page on
booking patient transport (opening hours, a chat widget); a Danish region's page on digital
applications for transport reimbursement; a Swedish region's page on the travel allowance
e-service; a patients' ombudsman's statement on people who cannot use the digital claim; a
ministry's regulation consultation excerpt (a PDF with contents and footnotes); an evaluation
report's summary with an English summary; a research project's catalogue page and its working
paper; a seminar programme with clock times glued to talk titles; journal abstracts (one
bilingual); a master's thesis record from a university archive; a news item with reader comments;
a Nynorsk guide for patients in a rural municipality. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. fixturesets.LabelledSet reads the folder once; the shared rules
of fixturesets are applied to each document and to the set, and the brief's own checks follow.
"""

import re

import fixturesets as fs
import pytest

NALED = fs.LabelledSet(fs.SETS / "naled")
DOCS = NALED.on_disk
META_DATES = {"article:published_time", "article:modified_time", "dcterms.modified",
              "citation_publication_date", "event:start_time"}

# Phrases of the brief the notes must hold, with the least number of documents naming each.
WANTED = {
    "health trust's page on claiming patient travel expenses online": 1,
    "step list, login box, cookie banner": 1,
    "hospital's page on booking patient transport": 1,
    "opening hours, chat widget": 1,
    "danish region's page on digital applications for transport reimbursement": 1,
    "swedish region's page on the travel allowance e-service": 1,
    "patients' ombudsman's statement": 1,
    "ministry's regulation consultation excerpt": 1,
    "evaluation report's summary": 1,
    "research project's catalogue page": 1,
    "working paper of the research project": 1,
    "seminar programme with clock times glued to talk titles": 1,
    "clock times glued to talk titles": 6,
    "journal abstract": 3,
    "journal abstract in two languages": 1,
    "master's thesis record from a university archive": 1,
    "news item with reader comments": 1,
    "nynorsk guide for patients in a rural municipality": 1,
    "consultation response": 1,
}

# The genre that opens a document's notes (before the first " (") names exactly its type.
GENRE = {kind: re.compile(words) for kind, words in {
    "other": r"health trust's page|hospital's page|region's page on|health board's page|"
             r"ombudsman's statement|news item|guide for patients|faq page|blog post",
    "policy_document": r"consultation|action plan|municipal strategy|agency report",
    "project_report": r"catalogue page|working paper|final report|evaluation report|"
                      r"project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

# Identifier kinds (group `id` is the number part) and, for some, the exact zero-filled form;
# the others may hold zeros and separators only.
FINDERS = {kind: re.compile(p) for kind, p in {
    "phone": r"(?:Telefon|Telephone|Sentralbord): (?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "report number": r"Rapport 20\d\d:(?P<id>\d+)",
    "TØI report number": r"TØI-rapport (?P<id>\d+)/20\d\d",
    "working paper number": r"Working Paper (?P<id>\d+)/20\d\d",
    "DOI": r"10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>[\d.\-]*\d)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "project number": r"^(?:Prosjekt )?(?P<id>\d{6})$",
    "Danish case number": r"Sagsnr\. (?P<id>[\d-]+)",
    "Swedish diary number": r"Dnr (?P<id>[\d/]+)",
    "Norwegian reference": r"Vår ref\.: (?P<id>[\d/]+)",
    "section of an act": r"§ (?P<id>\d+)",
}.items()}
FORMS = {kind: re.compile(p) for kind, p in {
    "phone": r"(?:[1-9]\d{0,2} |0\d{1,4}[- ])[0 -]+",
    "ISBN": r"978-(?:8[27]|91)-[0-]+",
    "Danish case number": r"20\d\d-0+", "Swedish diary number": r"20\d\d/0+",
    "Norwegian reference": r"\d\d/0+",
}.items()}
DOT_LEADERS = re.compile(r"\.{10,} \d+$")
SENTENCES = {name: [row["sentence"] for row in NALED.prose if row["file"] == name]
             for name in DOCS}
ROLES = {
    "health trust": "health trust's page on claiming", "hospital": "hospital's page on booking",
    "danish region": "danish region's page", "swedish region": "swedish region's page",
    "ombudsman": "patients' ombudsman's statement",
    "consultation": "ministry's regulation consultation",
    "evaluation": "evaluation report's summary", "catalogue": "research project's catalogue",
    "working paper": "working paper of the research project",
    "seminar": "seminar programme", "bilingual journal": "journal abstract in two languages",
    "thesis": "master's thesis record", "news": "news item with reader comments",
    "guide": "nynorsk guide for patients", "response": "consultation response",
}
HOLDERS = {role: [n for n in DOCS if NALED.labels[n]["notes"].lower().startswith(opening)]
           for role, opening in ROLES.items()}


def role(name: str) -> tuple[str, set[str], list[str]]:
    """The one document holding a role of the brief, its debris and its visible lines."""
    (found,) = HOLDERS[name]
    return found, NALED.debris_of(found), NALED.lines[found]


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared rules (and head and fields for a saved page); the opening genre of the notes names
    the labelled type only; a later year in a dated document's prose is named in its evidence."""
    label = NALED.labels[name]
    assert fs.genre_types(label["notes"], GENRE) == {label["doc_type"]}
    NALED.document_check(name)
    for page in {name} & set(NALED.pages):
        NALED.page_check(page, META_DATES)
    own = int(label["year"] or 9999)
    prose_years = {int(y) for s in SENTENCES[name] for y in fs.YEAR.findall(s)}
    named = {int(y) for y in fs.YEAR.findall(label["year_evidence"])}
    assert {y for y in prose_years if y > own} <= named


def test_set_files_readme_mix_and_roles():
    """Files, CRLF, README tables and overview; 36 to 40 documents about half saved pages; the
    languages with seven bilingual documents or more; the brief's phrases; each role held once;
    three documents or more of each year situation and trap."""
    labels = NALED.labels
    fs.files_check(NALED.folder, labels)
    fs.readme_check(NALED.folder, labels, NALED.debris, NALED.prose)
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 10, "nn": 6, "da": 5, "sv": 6}, 4)
    assert sum(";" in label["languages"] for label in labels.values()) >= 7
    assert fs.missing_genres(labels, WANTED) == {}
    assert {r: len(found) for r, found in HOLDERS.items()} == dict.fromkeys(ROLES, 1)
    fs.trap_check(labels, NALED.prose, NALED.lines)


def test_glued_times_identifiers_fields_and_contents():
    """Only programmes glue times to titles, four kept lines each; every identifier kind occurs
    zero-filled; four pages with field lists; Markdown fields and all dot-leader lines debris."""
    programmes = sorted(n for n, lab in NALED.labels.items()
                        if lab["doc_type"] == "event_programme")
    assert sorted(fs.year_traps(NALED.labels, NALED.prose, NALED.lines)["glued"]) == programmes
    for name in programmes:
        glued = {line for line in NALED.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 4 and not glued & NALED.debris_of(name), name
    seen, wrong = fs.identifier_misses(NALED.lines, FINDERS, FORMS, "0 /-.")
    assert wrong == [] and set(seen) == set(FINDERS), (seen, wrong)
    assert NALED.field_pages() >= 4 and NALED.kept_markdown_fields() == []
    leaders = [(n, line) for n in DOCS for line in NALED.lines[n] if DOT_LEADERS.search(line)]
    assert len(leaders) >= 12 and all(line in NALED.debris_of(n) for n, line in leaders)


def test_claim_page_and_booking_page():
    """The health trust's page drops its cookie banner and login box and keeps its four steps;
    the hospital's page drops its chat widget, keeps its opening hours and the booking deadline."""
    _, gone, lines = role("health trust")
    assert {"Godta alle", "Logg inn på Dine pasientreiser", "Logg inn"} <= gone
    steps = [line for line in lines if line.startswith(("Logg inn med", "Velg", "Legg", "Send"))]
    assert len(steps) == 4 and not set(steps) & gone
    name, gone, lines = role("hospital")
    assert {"Chat med pasientreisekontoret", "Start chat"} <= gone
    assert {"Mandag–fredag", "08.00–15.30"} <= set(lines) and not {"Mandag–fredag"} & gone
    assert any("klokken 12.00" in s for s in SENTENCES[name])


def test_region_pages_and_ombudsman():
    """The Danish page is undated and drops its self-service buttons; the Swedish page drops its
    language tools and e-service button; the ombudsman's kicker and share bar go."""
    name, gone, _ = role("danish region")
    label = NALED.labels[name]
    assert label["languages"] == "da" and fs.BARE in label["year_evidence"]
    assert {"Søg befordringsgodtgørelse", "Hent papirblanket (PDF)"} <= gone
    name, gone, _ = role("swedish region")
    assert NALED.labels[name]["languages"] == "sv"
    assert {"Lyssna", "Lättläst", "Till e-tjänsten Sjukresor"} <= gone
    name, gone, _ = role("ombudsman")
    assert {"Uttalande", "Kopiera länk"} <= gone and NALED.labels[name]["doc_type"] == "other"


def test_consultation_excerpt_and_response():
    """The consultation excerpt drops its footnotes, contents, case number and running heads and
    keeps the sentences ending in footnote marks; the consultation response is a policy text."""
    name, gone, lines = role("consultation")
    footnotes = [line for line in lines if line[0] in "¹²"]
    callers = [line for line in lines if line[-1] in "¹²"]
    assert len(footnotes) == 2 and set(footnotes) <= gone
    assert len(callers) == 2 and set(callers) <= set(SENTENCES[name])
    assert "Sagsnr. 2025-00000" in gone
    assert len([line for line in gone if DOT_LEADERS.search(line)]) == 4
    response, gone, _ = role("response")
    assert NALED.labels[response]["doc_type"] == "policy_document"
    assert "Vår ref.: 25/00000" in gone


def test_project_evaluation_thesis_and_journal():
    """The catalogue page's fields go and its headings stay; REISEKLAR titles it and shows in the
    working paper; the evaluation, the thesis record and one journal abstract are bilingual."""
    page, gone, _ = role("catalogue")
    assert {"Prosjektperiode", "2024–2027", "Prosjektnummer", "000000"} <= gone
    assert not {"Om prosjektet", "Summary in English"} & gone
    assert NALED.labels[page]["title"].startswith("REISEKLAR")
    paper, _, _ = role("working paper")
    assert NALED.labels[paper]["doc_type"] == "project_report"
    assert any("REISEKLAR" in s for s in SENTENCES[paper])
    evaluation, gone, _ = role("evaluation")
    assert NALED.labels[evaluation]["languages"] == "nb;en" and "TØI-rapport 0000/2024" in gone
    thesis, gone, _ = role("thesis")
    assert NALED.labels[thesis]["languages"] == "da;en"
    assert {"Forfatter", "Udgivelsesdato", "Vis fuld post"} <= gone
    journal, _, _ = role("bilingual journal")
    label = NALED.labels[journal]
    assert label["doc_type"] == "abstract" and ";" in label["languages"]


def test_news_comments_and_nynorsk_guide():
    """The news item's three signed comments and their count go, its heading stays; the Nynorsk
    guide has no year, keeps its three steps and drops its contact block."""
    _, gone, lines = role("news")
    signed = {line for line in lines if re.match(r"[\w]+: ", line)}
    assert len(signed) == 3 and signed <= gone
    assert "3 kommentarer" in gone and "Kommentarer" not in gone
    guide, gone, lines = role("guide")
    assert NALED.labels[guide]["languages"] == "nn"
    assert fs.BARE in NALED.labels[guide]["year_evidence"]
    steps = [line for line in lines if line.startswith(("Ta vare", "Logg inn på", "Kom innom"))]
    assert len(steps) == 3 and not set(steps) & gone
    assert {"Telefon: 61 00 00 00", "[email protected]"} <= gone
