"""Checks of the cirque fixture set (tests/fixtures/exported/cirque), written blind.

Its brief: occupational injury and work accident insurance going digital. A welfare agency's
page on reporting an occupational injury online (a step list, a cookie banner); an insurer's
page on digital accident reports with a chat widget; a Danish agency's page on digital reports
of work accidents; a Swedish agency's page on the e-service for occupational injury
compensation; a trade union's statement on automated assessment of claims; a ministry's bill
excerpt (a PDF with contents and footnotes); an evaluation report's summary with an English
summary; a research project's catalogue page and its working paper; a seminar programme with
clock times glued to talk titles; journal abstracts (one bilingual); a PhD thesis record from a
university archive; a news item with reader comments and a related-articles panel; a Nynorsk
guide for employers in the fishing industry. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

CIRQUE = fs.LabelledSet(fs.SETS / "cirque")
NAMES = CIRQUE.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "welfare": "welfare agency's page on reporting an occupational injury online",
    "insurer": "insurer's page on digital accident reports with a chat widget",
    "danish": "danish agency's page on digital reports of work accidents",
    "swedish": "swedish agency's page on the e-service for occupational injury compensation",
    "union": "trade union's statement on automated assessment of claims",
    "bill": "ministry's bill excerpt",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "phd thesis record from a university archive",
    "news": "news item with reader comments and a related-articles panel",
    "guide": "nynorsk guide for employers in the fishing industry",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 6,
          "consultation response": 4, "as a pdf": 7, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"welfare agency's page|insurer's page|danish agency's page|swedish agency's page|"
             r"trade union's statement|news item|guide for employers|faq page|blog post",
    "policy_document": r"bill excerpt|consultation response|action plan|industry report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for three kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Textphone|Telefon|Phone|Tel|Kundservice): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := (?:Rapport|rapportserie) 20\d\d:(?P<id>\d+)
numbered report := rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|Box|PL) (?P<id>\d+)
project number := ^(?:Prosjektnummer )?(?P<id>\d{6})$
bill number := Prop\. 20\d\d/\d\d:(?P<id>\d+)
case number := (?:Sak |J\.nr\. 20\d\d-)(?P<id>\d+)
journal reference := Ugeskr Læger 20\d\d;\d+:V(?P<id>\d+)
register id := Register ID: (?P<id>[\d-]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:\+\d{2,3} )?(?:[1-9]\d{0,2}|0\d{0,3})[- ][0 -]+",
         "ISBN": r"978-(?:82|91)-[0-]+", "project number": r"(?:90|22)0{4}"}
LEADERS = re.compile(r"\.{10,} \d+$")


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(CIRQUE.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = CIRQUE.sentences(name)
    return len(found) >= 3 and not set(found) & CIRQUE.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    CIRQUE.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    CIRQUE.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by five languages, abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = CIRQUE.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 9, "nn": 5, "da": 5, "sv": 6}, 4)
    CIRQUE.bilingual_check(7, 2)
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, CIRQUE.prose, CIRQUE.lines)
    CIRQUE.consultations_check(4)


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    CIRQUE.glued_check()
    CIRQUE.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """Six saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and ten dot-leader contents lines or more, all debris."""
    assert CIRQUE.field_pages() >= 6
    assert CIRQUE.kept_markdown_fields() == []
    CIRQUE.contents_check(LEADERS, 10)


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "welfare": ({"Accept analytics cookies", "Cookies on nidirect", "Skip to main content"},
                {"How to report", "Describe what happened in your own words."}, "en", ""),
    "insurer": ({"Chat med oss", "Start chat", "Chatten er stengt nå", "Godta alle"},
                {"Spørsmål om meldingen?"}, "nb", ""),
    "danish": ({"Gå til EASY Arbejdsskade", "Anmeld som borger", "Gå til indhold"},
               {"Hvis skadelidte selv vil anmelde"}, "da", ""),
    "swedish": ({"Till e-tjänsten", "Lättläst"}, {"Så går det till"}, "sv", "no year: no 19xx"),
    "union": ({"Uttalande", "Dela på Facebook", "Kopiera länk"}, set(), "sv", ""),
    "bill": ({"Prop. 2025/26:000", "3", "5", "Regeringens proposition"},
             {"Innehållsförteckning", "4 Automatiserade beslut"}, "sv", ""),
    "catalogue": ({"Prosjektperiode", "2024–2027", "Prosjektnummer", "900000"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "evaluation": ({"Kantar Public", "Rapport 2024:00"}, {"English summary"}, "nb;en", ""),
    "thesis": ({"Author", "Publication date", "Download full text (PDF)"},
               {"Abstract", "Populärvetenskaplig sammanfattning"}, "en;sv", ""),
    "news": ({"3 kommentarer", "Relaterte artikler", "Skriv en kommentar"}, {"Kommentarer"},
             "nb", ""),
    "guide": ({"Telefon: 73 00 00 00", "[email protected]"},
              {"Opne skademeldinga på nett og logg inn med BankID."}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for the undated ones, the kind of its year evidence)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = CIRQUE.labels[name]
    assert gone <= CIRQUE.debris_of(name), gone - CIRQUE.debris_of(name)
    assert kept <= set(CIRQUE.lines[name]) - CIRQUE.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_chat_hours_steps_and_signed_comments():
    """The chat's hours survive in a sentence; the welfare page keeps five steps and the guide
    three; the news item's three handle-signed comments go and a quoted sentence stays."""
    assert any("klokken 08.00 og 15.30" in s for s in CIRQUE.sentences(role("insurer")))
    for key, openings in (("welfare", ("Sign in with", "Choose '", "Describe", "Upload", "Check")),
                          ("guide", ("Gi førstehjelp", "Opne", "Send kopi"))):
        steps = {line for line in CIRQUE.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & CIRQUE.debris_of(role(key)), key
    news = role("news")
    signed = {line for line in CIRQUE.lines[news] if re.match(r"[a-zæøå]+: ", line)}
    assert len(signed) == 3 and signed <= CIRQUE.debris_of(news)
    assert any(s.startswith("– ") for s in CIRQUE.sentences(news))


def test_bill_footnotes_and_the_project_name():
    """The bill's two footnotes go, the two sentences calling them are prose, its four contents
    lines are debris; DIGISKADE titles the catalogue page and shows in the working paper, a
    project report."""
    bill = role("bill")
    notes = {line for line in CIRQUE.lines[bill] if line[0] in "¹²"}
    calls = {line for line in CIRQUE.lines[bill] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= CIRQUE.debris_of(bill) and calls <= set(CIRQUE.sentences(bill))
    assert sum(bool(LEADERS.search(line)) for line in CIRQUE.debris_of(bill)) == 4
    paper = role("paper")
    assert "DIGISKADE" in CIRQUE.labels[role("catalogue")]["title"]
    assert CIRQUE.labels[paper]["doc_type"] == "project_report"
    assert any("DIGISKADE" in s for s in CIRQUE.sentences(paper))
