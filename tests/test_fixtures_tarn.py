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

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

TARN = fs.LabelledSet(fs.SETS / "tarn")
NAMES = TARN.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
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
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 5,
          "consultation response": 4, "as a pdf": 8, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"welfare agency's page|job centre page|unemployment insurance fund's page|"
             r"public employment service's page|jobseekers' organisation's statement|news item|"
             r"guide for young job seekers|faq page|blog post",
    "policy_document": r"consultation paper|consultation response|audit office's report|"
                       r"action plan|business organisation's report",
    "project_report": r"catalogue page|working paper|final report|project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

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


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in TARN.prose if row["file"] == name]


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(TARN.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = sentences(name)
    return len(found) >= 3 and not set(found) & TARN.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    label = TARN.labels[name]
    TARN.document_check(name)
    if name in TARN.pages:
        TARN.page_check(name, HEAD_DATES)
    assert fs.genre_types(label["notes"], TYPE_RULES) == {label["doc_type"]}
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s) if y > label["year"]}
        assert {y for y in later if y not in label["year_evidence"]} == set()


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    fs.files_check(TARN.folder, TARN.labels)
    fs.readme_check(TARN.folder, TARN.labels, TARN.debris, TARN.prose)
    holders = {key: role(key) for key in ROLES}
    assert len(set(holders.values())) == len(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by five languages, abstracts among them); genres; year situations and
    traps; every consultation paper and response typed policy_document."""
    labels = TARN.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 14, "nb": 9, "nn": 6, "da": 5, "sv": 7}, 4)
    bilingual = {n: lab for n, lab in labels.items() if ";" in lab["languages"]}
    assert len(bilingual) >= 7
    assert len({lab["languages"].split(";")[0] for lab in bilingual.values()}) == 5
    assert sum(lab["doc_type"] == "abstract" for lab in bilingual.values()) >= 2
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, TARN.prose, TARN.lines)
    responses = [lab["doc_type"] for lab in labels.values()
                 if lab["notes"].lower().startswith(("consultation response",
                                                      "ministry's consultation paper"))]
    assert len(responses) == 5 and set(responses) == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    programmes = [n for n in NAMES if TARN.labels[n]["doc_type"] == "event_programme"]
    traps = fs.year_traps(TARN.labels, TARN.prose, TARN.lines)
    assert sorted(traps["glued"]) == sorted(programmes)
    for name in programmes:
        glued = {line for line in TARN.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 4 and not glued & TARN.debris_of(name), name
    seen, wrong = fs.identifier_misses(
        TARN.lines, {k: re.compile(p) for k, p in FINDERS.items()},
        {k: re.compile(p) for k, p in FORMS.items()}, "0 /-.")
    assert wrong == [] and set(seen) == set(FINDERS), (seen, wrong)


def test_fields_markdown_and_contents():
    """Seven saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and fourteen dot-leader contents lines or more, all debris."""
    assert TARN.field_pages() >= 7
    assert TARN.kept_markdown_fields() == []
    leaders = [(n, line) for n in NAMES for line in TARN.lines[n] if LEADERS.search(line)]
    assert len(leaders) >= 14
    assert [pair for pair in leaders if pair[1] not in TARN.debris_of(pair[0])] == []


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


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and the opening of its year evidence where one is set)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = TARN.labels[name]
    assert gone <= TARN.debris_of(name), gone - TARN.debris_of(name)
    assert kept <= set(TARN.lines[name]) - TARN.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_steps_login_and_signed_comments():
    """The welfare page keeps its four steps and drops its login box; the guide keeps its three
    steps; the news item's four handle-signed comments go and its quoted sentence stays."""
    for key, openings in (("welfare", ("Sign in with your", "Open the card", "Answer the",
                                       "Check your answers")),
                          ("guide", ("Les meldingane", "Send meldekortet", "Skriv inn"))):
        steps = {line for line in TARN.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & TARN.debris_of(role(key)), key
    assert {"Sign in", "Create an account"} <= TARN.debris_of(role("welfare"))
    news = role("news")
    signed = {line for line in TARN.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(signed) == 4 and signed <= TARN.debris_of(news)
    assert any(s.startswith("– ") or "sier mannen" in s for s in sentences(news))


def test_footnotes_and_the_project_name():
    """The consultation paper's two footnotes go, the two sentences calling them are prose, its
    four contents lines are debris; PROFILMATCH titles the catalogue page and shows in the
    working paper, a project report."""
    paper = role("consultation")
    notes = {line for line in TARN.lines[paper] if line[0] in "¹²"}
    calls = {line for line in TARN.lines[paper] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= TARN.debris_of(paper) and calls <= set(sentences(paper))
    assert sum(bool(LEADERS.search(line)) for line in TARN.debris_of(paper)) == 4
    working = role("paper")
    assert "PROFILMATCH" in TARN.labels[role("catalogue")]["title"]
    assert TARN.labels[working]["doc_type"] == "project_report"
    assert any("PROFILMATCH" in s for s in sentences(working))
