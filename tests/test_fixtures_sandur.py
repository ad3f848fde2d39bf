"""Checks of the sandur fixture set (tests/fixtures/exported/sandur), written blind.

Its brief: transport services for disabled people going digital (TT-ordning, färdtjänst,
flextrafik). A county's page on applying online for the door-to-door transport scheme (a step
list, a cookie banner); a transport operator's page on booking rides in an app with a chat widget
and opening hours; a Danish transport company's page on flex transport booking; a Swedish
region's page on the färdtjänst e-service; a disability organisation's consultation response on
a new booking system; a ministry's report excerpt (a PDF with contents and footnotes); an
evaluation report's summary with an English summary; a research project's catalogue page and its
working paper; a seminar programme with clock times glued to talk titles; journal abstracts (one
bilingual); a master's thesis record from a university archive; a news item with reader
comments; a Nynorsk guide for users. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

SANDUR = fs.LabelledSet(fs.SETS / "sandur")
NAMES = SANDUR.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "county": "county's page on applying online for the door-to-door transport scheme",
    "operator": "transport operator's page on booking rides in an app",
    "danish": "danish transport company's page on flex transport booking",
    "swedish": "swedish region's page on the färdtjänst e-service",
    "response": "disability organisation's consultation response on a new booking system",
    "ministry": "ministry's report excerpt",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles "
               "(kollektivtrafikkforeningen",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "news item with reader comments",
    "guide": "nynorsk guide for users",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 4,
          "consultation response": 5, "as a pdf": 8, "copied": 7, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"county's page|operator's page|company's page|region's page|authority's page|"
             r"news item|guide for users|faq page|blog post",
    "policy_document": r"report excerpt|consultation response|action plan|progress report|"
                       r"agency report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for two kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon|Kundesenter|Kundecenter|Kundservice): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := Rapport 20\d\d:(?P<id>\d+)
working paper := Working Paper 20\d\d:(?P<id>\d+)
DOI := 10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
project number := ^Projektnummer (?P<id>\d+)$
Danish case number := Sagsnr\. 20\d\d-(?P<id>\d+)
Swedish diary number := Dnr 20\d\d/(?P<id>\d+)
Norwegian reference := Vår ref\.: \d\d/(?P<id>\d+)
charity number := charity number (?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:[1-9]\d{0,2}|0\d{0,3})[- ][0 -]+", "ISBN": r"978-(?:82|1)-[0-]+"}
LEADERS = re.compile(r"\.{10,} \d+$")


# Prose sentences by document, and the document holding each role of the brief (by_notes
# finds exactly one), both worked out once for the whole module.
PROSE = {name: [row["sentence"] for row in SANDUR.prose if row["file"] == name]
         for name in NAMES}
HOLDER = {key: fs.by_notes(SANDUR.labels, opening) for key, opening in ROLES.items()}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """The shared rules first (labels and placement, and for a saved page its head and fields);
    then the notes' opening genre must name the labelled type and nothing else, and any year in
    the prose later than the labelled one must stand in the evidence."""
    SANDUR.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """files_check and readme_check of fixturesets, and fourteen roles held by fourteen
    different documents."""
    SANDUR.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by four languages, abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = SANDUR.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 9, "nn": 5, "da": 5, "sv": 6}, 4)
    bilingual = {n: lab for n, lab in labels.items() if ";" in lab["languages"]}
    assert len(bilingual) >= 7
    assert len({lab["languages"].split(";")[0] for lab in bilingual.values()}) >= 4
    assert sum(lab["doc_type"] == "abstract" for lab in bilingual.values()) >= 3
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, SANDUR.prose, SANDUR.lines)
    responses = [lab["doc_type"] for lab in labels.values()
                 if "consultation response" in lab["notes"].lower().partition(" (")[0]]
    assert len(responses) >= 5 and set(responses) == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    SANDUR.glued_check()
    SANDUR.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """Five saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and fifteen dot-leader contents lines or more, all debris."""
    assert SANDUR.field_pages() >= 5
    assert SANDUR.kept_markdown_fields() == []
    SANDUR.contents_check(LEADERS, 15)


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "county": ({"Vi bruker informasjonskapsler", "Godta alle", "Hopp til hovedinnhold",
                "Sist oppdatert 11.02.2025"}, {"Slik søker du"}, "nb", "Sist oppdatert"),
    "operator": ({"Chat med oss", "Start chat", "Chatten er åpen hverdager 08–16",
                  "Last ned i App Store"},
                 {"Åpningstider for bestillingstelefonen", "Mandag–fredag 07.00–21.00"}, "nb", ""),
    "danish": ({"Gå til indhold", "Bestil på flextur.dk", "CVR 00 00 00 00"},
               {"Det skal du vide før du bestiller"}, "da", ""),
    "swedish": ({"Till e-tjänsten", "Lättläst", "Lyssna"}, {"Så går det till"}, "sv",
                "no year: no 19xx"),
    "response": ({"Høringssvar", "Publisert 15.11.2024", "Del"},
                 {"Til Samferdselsdepartementet", "Med vennlig hilsen"}, "nb", ""),
    "ministry": ({"Samferdselsdepartementet", "3", "6", "Oktober 2024"}, {"Innhold"}, "nb", ""),
    "catalogue": ({"Projektperiod", "2023–2026", "Projektnummer", "Projektnummer 000000",
                   "Inga publikationer ännu"}, {"Om projektet", "Summary in English"}, "sv;en",
                  "no year: only"),
    "evaluation": ({"Sweco Norge AS", "Rapport 2025:00", "ISBN 978-82-000-0000-0"},
                   {"English summary"}, "nb;en", ""),
    "thesis": ({"Forfatter", "Dato", "Åpne PDF", "Master's thesis"}, {"Sammendrag", "Abstract"},
               "nb;en", ""),
    "news": ({"3 kommentarer", "Les også", "Skriv en kommentar"}, {"Kommentarer"}, "nb", ""),
    "guide": ({"Telefon: 32 00 00 00", "[email protected]", "Tenestekontoret"},
              {"Slik gjer du", "Spørsmål?"}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for some, the opening of its year evidence)."""
    name = HOLDER[key]
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = SANDUR.labels[name]
    assert gone <= SANDUR.debris_of(name), gone - SANDUR.debris_of(name)
    assert kept <= set(SANDUR.lines[name]) - SANDUR.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert len(PROSE[name]) >= 3 and not set(PROSE[name]) & SANDUR.debris_of(name)


def test_chat_hours_steps_and_signed_comments():
    """The phone line's hours survive in a sentence; the county page keeps four steps and the
    guide three; the news item's three handle-signed comments go and a quoted sentence stays."""
    assert any("klokken 07.00 til 21.00" in s for s in PROSE[HOLDER["operator"]])
    for key, openings in (("county", ("Logg inn", "Fyll ut", "Velg om", "Send søknaden")),
                          ("guide", ("Last ned", "Vel kvar", "Stadfest"))):
        steps = {line for line in SANDUR.lines[HOLDER[key]] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & SANDUR.debris_of(HOLDER[key]), key
    news = HOLDER["news"]
    signed = {line for line in SANDUR.lines[news] if re.match(r"[a-z0-9_]+: ", line)}
    assert len(signed) == 3 and signed <= SANDUR.debris_of(news)
    assert any(s.startswith("– ") for s in PROSE[news])


def test_report_footnotes_and_the_project_name():
    """The ministry's report drops its two footnotes, keeps the two sentences calling them as
    prose, and its four contents lines are debris; FLEXMOBIL titles the catalogue page and shows
    in the working paper, a project report."""
    report = HOLDER["ministry"]
    notes = {line for line in SANDUR.lines[report] if line[0] in "¹²"}
    calls = {line for line in SANDUR.lines[report] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= SANDUR.debris_of(report) and calls <= set(PROSE[report])
    assert sum(bool(LEADERS.search(line)) for line in SANDUR.debris_of(report)) == 4
    paper = HOLDER["paper"]
    assert "FLEXMOBIL" in SANDUR.labels[HOLDER["catalogue"]]["title"]
    assert SANDUR.labels[paper]["doc_type"] == "project_report"
    assert any("FLEXMOBIL" in s for s in PROSE[paper])
