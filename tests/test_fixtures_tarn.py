"""Checks of the tarn fixture set (tests/fixtures/exported/tarn), written blind.

Its brief: unemployment benefits and job seekers' digital obligations. A welfare agency's page
on the digital employment status card (reporting every fortnight) with a step list, a login box
and a cookie banner; a municipality's job centre page on digital activity plans with opening
hours and a chat widget; a Danish unemployment insurance fund's page on the digital job log; a
Swedish public employment service's page on the activity report e-service; a jobseekers'
organisation's statement on automatic sanctions; a ministry's consultation paper excerpt on
statistical profiling (a PDF with contents and footnotes); an audit office's report summary with
an English summary; a research project's catalogue page and its working paper; a seminar
programme with clock times glued to talk titles; journal abstracts (one bilingual); a master's
thesis record from a university archive; a news item with reader comments; a Nynorsk guide for
young job seekers. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here: fixturesets.LabelledSet reads the folder once, its shared rules
check each document and the whole set, and the tests below add what this brief asks for.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

HEAD_DATES = set("article:published_time article:modified_time citation_publication_date "
                 "event:start_time".split())
TARN = fs.LabelledSet(fs.SETS / "tarn")
NAMES = TARN.on_disk

# The fourteen roles of the brief, each by the words its holder's notes open with.
ROLES = {
    "welfare": "welfare agency's page on the digital employment status card",
    "job centre": "municipality's job centre page on digital activity plans",
    "danish": "danish unemployment insurance fund's page on the digital job log",
    "swedish": "swedish public employment service's page on the activity report e-service",
    "statement": "jobseekers' organisation's statement on automatic sanctions",
    "consultation": "ministry's consultation paper excerpt on statistical profiling",
    "audit": "audit office's report summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "news item with reader comments",
    "guide": "nynorsk guide for young job seekers",
}
# Genres the notes must name, each with the least number of documents naming it.
GENRES = dict(clock_times_glued_to_talk_titles=5, journal_abstract=5, consultation_response=4,
              as_a_pdf=8, copied=8, saved_as_markdown=2)
GENRES = {key.replace("_", " "): least for key, least in GENRES.items()}

# For each type (before " := "), the words of the genres that open its documents' notes (the
# notes up to " ("; a type may take several rows); every document's genre names exactly one.
TYPE_TABLE = r"""
other := welfare agency's page|job centre page|unemployment insurance fund's page
other := public employment service's page|jobseekers' organisation's statement|news item
other := guide for young job seekers|faq page|blog post
policy_document := consultation paper|consultation response|audit office's report
policy_document := action plan|business organisation's report
project_report := catalogue page|working paper|final report|project page
abstract := abstract|thesis record
event_programme := programme
"""
TYPE_WORDS: dict[str, list[str]] = {}
for row in TYPE_TABLE.strip().splitlines():
    TYPE_WORDS.setdefault(row.split(" := ")[0], []).append(row.split(" := ")[1])
TYPE_RULES = {kind: re.compile("|".join(words)) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for three kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon|Tel): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
numbered report := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?:20\d\d:)?(?P<id>\d+)
DOI := 10\.0000/(?:[a-z]+\.20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
project number := ^Projektnummer (?P<id>\d+)$
case number := (?:[Ss]ak |J\.nr\. 20\d\d-|ref\.: \d\d/|ÅLR 20\d\d/)(?P<id>\d+)
URN := URN:NBN:fi-fe(?P<id>\d+)
street number := (?:gata|gade|Vej|veien|Street|katu|plats|flaten) (?P<id>\d+),
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:\+\d{2,3} )?(?:[1-9]\d{0,2}|0\d{0,3})[- ][0 -]+",
         "ISBN": r"978-(?:82|91)-[0-]+", "project number": r"0{6}"}
LEADERS = re.compile(r"\.{10,} \d+$")


PROSE = {name: [row["sentence"] for row in TARN.prose if row["file"] == name] for name in NAMES}


def holder(key: str) -> str:
    """The one document whose notes open with the role's words (fixturesets.by_notes)."""
    return fs.by_notes(TARN.labels, ROLES[key])


def unnamed_later_years(label: dict) -> set[str]:
    """Years after the labelled one in the document's prose that its evidence does not name."""
    year, evidence = label["year"], label["year_evidence"]
    return {found for sentence in PROSE[label["file"]] for found in fs.YEAR.findall(sentence)
            if year and found > year and found not in evidence}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the one type named by
    the genre that opens the notes, and no later year of the prose left out of the evidence."""
    TARN.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """labels.csv in file order with CRLF CSVs, README tables that agree with them, and fourteen
    roles of the brief held by fourteen different documents."""
    TARN.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by five languages, two abstracts among them); genres; year situations and
    traps; the consultation paper and every consultation response typed policy_document."""
    labels = TARN.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 14, "nb": 9, "nn": 6, "da": 5, "sv": 7}, 4)
    pairs = [lab for lab in labels.values() if ";" in lab["languages"]]
    openers = {lab["languages"].partition(";")[0] for lab in pairs}
    abstracts = [lab for lab in pairs if lab["doc_type"] == "abstract"]
    assert (len(pairs) >= 7, len(openers), len(abstracts) >= 2) == (True, 5, True)
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, TARN.prose, TARN.lines)
    consulted = Counter(lab["doc_type"] for lab in labels.values() if lab["notes"].lower()
                        .startswith(("consultation response", "ministry's consultation paper")))
    assert consulted == Counter(policy_document=5)


def test_glued_timetables_and_zero_filled_identifiers():
    """The programmes, and no other document, glue clock times to titles, in four lines or more
    each and none of those lines debris; all twelve identifier kinds occur, zero-filled."""
    TARN.glued_check()
    TARN.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """At least seven saved pages with field lists (debris by page_check), no kept bold field
    line in Markdown, and fourteen dot-leader contents lines or more, every one debris."""
    leaders = {(n, line) for n in NAMES for line in TARN.lines[n] if LEADERS.search(line)}
    kept = {(n, line) for n, line in leaders if line not in TARN.debris_of(n)}
    assert (TARN.field_pages() >= 7, TARN.kept_markdown_fields(), len(leaders) >= 14, kept) == (
        True, [], True, set())


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "welfare": ({"Cookies on gov.ie", "Accept all cookies", "Skip to main content",
                 "Sign in with MyGovID", "Forgotten password?"},
                {"How to confirm", "Check your answers and press Submit."}, "en", "Last updated"),
    "job centre": ({"Chat med jobbsenteret", "Start chat", "Hopp til hovedinnhold",
                    "Ikke skriv sensitive opplysninger i chatten."},
                   {"Åpningstider", "Mandag–fredag 09.00–15.00"}, "nb", "no year: no 19xx"),
    "danish": ({"Gå til indhold", "Tillad alle", "Ledig / Jobsøgning / Joblog",
                "Opdateret 12. marts 2025"}, {"Hvad sker der, hvis du glemmer det?"}, "da", ""),
    "swedish": ({"Till e-tjänsten", "Lättläst", "In English"}, {"Så lämnar du rapporten"}, "sv",
                "no year: no 19xx"),
    "statement": ({"Press statement", "Share:", "More statements"},
                  {"Siobhán Carey (invented), Policy Officer"}, "en", ""),
    "consultation": ({"Remiss ÅLR 2025/0000", "3", "5", "ÅLANDS LANDSKAPSREGERING"},
                     {"Innehåll", "3 Förslag"}, "sv", ""),
    "audit": ({"Revisjon Midt-Norge SA", "FORVALTNINGSREVISJON", "Side 3"},
              {"English summary", "Sammendrag"}, "nb;en", "cover date"),
    "catalogue": ({"Projektperiod", "2024–2027", "Projektnummer 000000",
                   "Tillbaka till projektlistan", "Inga publikationer registrerade ännu."},
                  {"Om projektet", "Summary in English"}, "sv;en", "no year: only"),
    "thesis": ({"Author", "Issue date", "2025-05-28", "Download full text (PDF)"},
               {"Abstract", "Sammandrag"}, "en;sv", ""),
    "news": ({"4 kommentarer", "Relaterte artikler", "Skriv en kommentar", "NYHETER"},
             {"Kommentarer"}, "nb", ""),
    "guide": ({"Telefon: 56 00 00 00", "[email protected]", "Ungdomskontakten"},
              {"Slik gjer du det", "Skriv inn jobbane du har søkt på."}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize(("key", "expected"), sorted(ROLE_LINES.items()))
def test_role_lines(key, expected):
    """A role of the table drops its furniture, keeps its headings or steps and three prose
    sentences or more, and has its languages label and the opening of its year evidence."""
    gone, kept, languages, evidence = expected
    name = holder(key)
    debris, label = TARN.debris_of(name), TARN.labels[name]
    missing = gone - debris
    lost = kept - (set(TARN.lines[name]) - debris)
    assert (missing, lost, label["languages"]) == (set(), set(), languages)
    assert label["year_evidence"].startswith(evidence)
    assert len(PROSE[name]) >= 3 and not debris.intersection(PROSE[name])


def test_steps_login_and_signed_comments():
    """The welfare page keeps its four steps and drops its login box; the guide keeps its three
    steps; the news item's four handle-signed comments go and its quoted sentence stays."""
    for key, openings in (("welfare", ("Sign in with your", "Open the card", "Answer the",
                                       "Check your answers")),
                          ("guide", ("Les meldingane", "Send meldekortet", "Skriv inn"))):
        steps = {line for line in TARN.lines[holder(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & TARN.debris_of(holder(key)), key
    assert {"Sign in", "Create an account"} <= TARN.debris_of(holder("welfare"))
    news = holder("news")
    signed = {line for line in TARN.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(signed) == 4 and signed <= TARN.debris_of(news)
    assert any(s.startswith("– ") or "sier mannen" in s for s in PROSE[news])


def test_footnotes_and_the_project_name():
    """The consultation paper's two footnotes go, the two sentences calling them are prose, its
    four contents lines are debris; PROFILMATCH titles the catalogue page and shows in the
    working paper, a project report."""
    paper = holder("consultation")
    notes = {line for line in TARN.lines[paper] if line[0] in "¹²"}
    calls = {line for line in TARN.lines[paper] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= TARN.debris_of(paper) and calls <= set(PROSE[paper])
    assert sum(bool(LEADERS.search(line)) for line in TARN.debris_of(paper)) == 4
    working = holder("paper")
    assert "PROFILMATCH" in TARN.labels[holder("catalogue")]["title"]
    assert TARN.labels[working]["doc_type"] == "project_report"
    assert any("PROFILMATCH" in s for s in PROSE[working])
