"""Checks of the moulin fixture set (tests/fixtures/exported/moulin), written blind.

Its brief: child benefit and family allowances paid automatically. A welfare agency's page on
the automatic child benefit with a step list, a login box and a cookie banner; a municipality's
page on the supplementary child allowance with opening hours and a chat widget; a Danish
agency's page on the child and youth benefit paid without application; a Swedish agency's page
on the child allowance and the large-family supplement; a single parents' organisation's
consultation response; a ministry's bill excerpt (a PDF with contents and footnotes); an
evaluation report's summary with an English summary; a research project's catalogue page and
its working paper; a seminar programme with clock times glued to talk titles; journal abstracts
(one bilingual); a master's thesis record from a university archive; a news item with reader
comments; a Nynorsk guide for new parents. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

MOULIN = fs.LabelledSet(fs.SETS / "moulin")
NAMES = MOULIN.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "welfare": "welfare agency's page on the automatic child benefit",
    "municipality": "municipality's page on the supplementary child allowance",
    "danish": "danish agency's page on the child and youth benefit",
    "swedish": "swedish agency's page on the child allowance and the large-family supplement",
    "single parents": "single parents' organisation's consultation response",
    "bill": "ministry's bill excerpt",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "news item with reader comments",
    "guide": "nynorsk guide for new parents",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 6, "journal abstract": 5,
          "consultation response": 3, "as a pdf": 8, "copied": 7, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"welfare agency's page|municipality's page|danish agency's page|"
             r"swedish agency's page|news item|guide for new parents|faq page|blog post",
    "policy_document": r"bill excerpt|consultation response|action plan|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for some kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon|Tlf\.): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
DOI := 10\.0000/[a-z.]+(?P<id>\d+)
postal box := (?:Postboks|Postbox|Box) (?P<id>\d+)
project number := ^(?:Prosjekt )?(?P<id>\d{6})$
bill number := Prop\. (?P<id>\d+) L
case reference := (?:Vår ref\.:|J\.nr\.|Dnr) (?P<id>[\d/-]+)
working paper := Working Paper (?P<id>\d+)/20\d\d
numbered report := [Rr]apport (?P<id>\d+)/20\d\d
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:[1-9]\d{0,2}|0\d{0,4})[- ][0 -]+", "ISBN": r"978-82-[0-]+",
         "project number": r"[1-9]0{5}", "case reference": r"(?:\d\d|20\d\d)[/-]0+"}
LEADERS = re.compile(r"\.{10,} \d+$")


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(MOULIN.labels, ROLES[name])


def kept(name: str) -> set[str]:
    return set(MOULIN.lines[name]) - MOULIN.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    MOULIN.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    MOULIN.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by five languages, two abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = MOULIN.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 13, "nb": 9, "nn": 7, "da": 6, "sv": 7}, 4)
    MOULIN.bilingual_check(7, 2)
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, MOULIN.prose, MOULIN.lines)
    responses = [lab["doc_type"] for lab in labels.values()
                 if "consultation response" in lab["notes"].lower()]
    assert len(responses) >= 3 and set(responses) == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    MOULIN.glued_check()
    MOULIN.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """Three saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and twelve dot-leader contents lines or more, all debris."""
    assert MOULIN.field_pages() >= 3
    assert MOULIN.kept_markdown_fields() == []
    MOULIN.contents_check(LEADERS, 12)


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "welfare": ({"Accept analytics cookies", "Cookies on gov.im", "Sign in",
                 "Your benefits account"},
                {"What happens next", "Sign in to your benefits account and check the bank "
                 "details we hold."}, "en", ""),
    "municipality": ({"Chat med oss", "Start chat", "Chatten er åpen hverdager 09.00–14.00"},
                     {"Åpningstider i servicetorget", "Mandag til fredag 08.00–15.30"}, "nb", ""),
    "danish": ({"Gå til indhold", "Tillad alle", "Relaterede sider"}, {"Det skal du have klar"},
               "da", "no year: no 19xx"),
    "swedish": ({"Lyssna", "Senast uppdaterad: 2025-01-20"}, {"Så här fungerar det"}, "sv", ""),
    "single parents": ({"Vår ref.: 24/00000", "Side 1 av 1"}, {"Med vennlig hilsen"}, "nb", ""),
    "bill": ({"Prop. 000 L", "5", "7", "(2018–2019)"},
             {"Innhald", "3 Automatisk vedtak om barnetrygd"}, "nn", ""),
    "catalogue": ({"Prosjektperiode", "2024–2028", "Prosjektnummer", "300000"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "evaluation": ({"BDO", "ISBN 978-82-000-0000-0"}, {"English summary", "Sammendrag"}, "nb;en",
                   ""),
    "thesis": ({"Forfatter", "Udgivelsesdato", "2024-06-14", "Download fuld tekst (PDF)"},
               {"Resumé", "Abstract"}, "da;en", "date field"),
    "news": ({"3 kommentarer", "Mest læste", "Skriv en kommentar"}, {"Kommentarer"}, "da", ""),
    "guide": ({"Telefon: 51 00 00 00", "[email protected]"},
              {"Dette kjem av seg sjølv", "Dette må du gjere sjølv"}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for some, the kind of its year evidence)."""
    name = role(key)
    gone, stay, languages, evidence = ROLE_LINES[key]
    label = MOULIN.labels[name]
    assert gone <= MOULIN.debris_of(name), gone - MOULIN.debris_of(name)
    assert stay <= kept(name), stay - kept(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    found = MOULIN.sentences(name)
    assert len(found) >= 3 and not set(found) & MOULIN.debris_of(name)


def test_steps_comments_footnotes_and_the_project_name():
    """The welfare page keeps four steps; the news item's three handle-signed comments go; the
    bill's two footnotes go while the sentences calling them stay; AUTOBARN titles the catalogue
    page and shows in the working paper, a project report."""
    welfare = role("welfare")
    steps = {line for line in MOULIN.lines[welfare]
             if line.startswith(("The birth is", "We write", "Sign in to your", "Tell us"))}
    assert len(steps) == 4 and steps <= kept(welfare)
    news = role("news")
    signed = {line for line in MOULIN.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(signed) == 3 and signed <= MOULIN.debris_of(news)
    bill = role("bill")
    notes = {line for line in MOULIN.lines[bill] if line[0] in "¹²"}
    calls = {line for line in MOULIN.lines[bill] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= MOULIN.debris_of(bill) and calls <= set(MOULIN.sentences(bill))
    assert "AUTOBARN" in MOULIN.labels[role("catalogue")]["title"]
    paper = role("paper")
    assert MOULIN.labels[paper]["doc_type"] == "project_report"
    assert "AUTOBARN" in MOULIN.labels[paper]["notes"]
