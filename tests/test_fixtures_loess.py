"""Checks of the loess fixture set (tests/fixtures/exported/loess), written blind.

Its brief: home adaptation grants and assistive housing for older and disabled people going
digital. A housing bank's page on applying online for an adaptation grant (a step list, a
cookie banner); a municipality's page on home adaptation advice with opening hours and a chat
widget; a Danish municipality's page on digital applications for housing adaptation; a Swedish
municipality's page on the housing adaptation grant e-service; a pensioners' organisation's
consultation response; a ministry's white paper excerpt on ageing at home (a PDF with contents
and footnotes); an evaluation report's summary with an English summary; a research project's
catalogue page and its working paper; a seminar programme with clock times glued to talk
titles; journal abstracts (one bilingual); a master's thesis record from a university archive;
a local news item with reader comments; a Nynorsk guide for occupational therapists. English,
Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

LOESS = fs.LabelledSet(fs.SETS / "loess")
NAMES = LOESS.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "bank": "housing bank's page on applying online for an adaptation grant",
    "advice": "municipality's page on home adaptation advice with opening hours and a chat widget",
    "danish": "danish municipality's page on digital applications for housing adaptation",
    "swedish": "swedish municipality's page on the housing adaptation grant e-service",
    "pensioners": "pensioners' organisation's consultation response",
    "white paper": "ministry's white paper excerpt on ageing at home",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "local news item with reader comments",
    "guide": "nynorsk guide for occupational therapists",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 5,
          "consultation response": 3, "as a pdf": 8, "copied": 7, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"housing bank's page|advice with opening|danish municipality's page|"
             r"swedish municipality's page|charity's page|news item|guide for|faq page|blog post",
    "policy_document": r"consultation response|white paper|action plan|guidelines",
    "project_report": r"catalogue page|working paper|final report|evaluation report|"
                      r"project page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for some kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon|Kundtjänst|Call us): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := Rapport 20\d\d:(?P<id>\d+)
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)
postal box := (?:Postboks|PO Box) (?P<id>\d+)
danish case number := (?:Sagsnr\.|J\.nr\.) 20\d\d-(?P<id>\d+)
swedish diary number := Dnr 20\d\d/(?P<id>\d+)
norwegian case number := Saksnr\. \d\d/(?P<id>\d+)
charity number := charity number (?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:\+\d{3} )?(?:[1-9]\d{0,2}|0\d{2,3})[- ][0 -]+",
         "ISBN": r"978-(?:1|82)-[0-]+"}
LEADERS = re.compile(r"\.{10,} \d+$")


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in LOESS.prose if row["file"] == name]


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(LOESS.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = sentences(name)
    return len(found) >= 3 and not set(found) & LOESS.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    label = LOESS.labels[name]
    LOESS.document_check(name)
    if name in LOESS.pages:
        LOESS.page_check(name, HEAD_DATES)
    assert fs.genre_types(label["notes"], TYPE_RULES) == {label["doc_type"]}
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s) if y > label["year"]}
        assert {y for y in later if y not in label["year_evidence"]} == set()


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    fs.files_check(LOESS.folder, LOESS.labels)
    fs.readme_check(LOESS.folder, LOESS.labels, LOESS.debris, LOESS.prose)
    holders = {key: role(key) for key in ROLES}
    assert len(set(holders.values())) == len(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, six bilingual
    documents opened by four languages, abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = LOESS.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 9, "nn": 5, "da": 6, "sv": 5}, 4)
    bilingual = {n: lab for n, lab in labels.items() if ";" in lab["languages"]}
    assert len(bilingual) >= 6
    assert len({lab["languages"].split(";")[0] for lab in bilingual.values()}) == 4
    assert sum(lab["doc_type"] == "abstract" for lab in bilingual.values()) >= 3
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, LOESS.prose, LOESS.lines)
    responses = [lab["doc_type"] for lab in labels.values()
                 if "consultation response" in lab["notes"].lower().partition(" (")[0]]
    assert len(responses) >= 3 and set(responses) == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    programmes = [n for n in NAMES if LOESS.labels[n]["doc_type"] == "event_programme"]
    traps = fs.year_traps(LOESS.labels, LOESS.prose, LOESS.lines)
    assert sorted(traps["glued"]) == sorted(programmes)
    for name in programmes:
        glued = {line for line in LOESS.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 4 and not glued & LOESS.debris_of(name), name
    seen, wrong = fs.identifier_misses(
        LOESS.lines, {k: re.compile(p) for k, p in FINDERS.items()},
        {k: re.compile(p) for k, p in FORMS.items()}, "0 /-.")
    assert wrong == [] and set(seen) == set(FINDERS), (seen, wrong)


def test_fields_markdown_and_contents():
    """Seven saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and seven dot-leader contents lines or more, all debris."""
    assert LOESS.field_pages() >= 7
    assert LOESS.kept_markdown_fields() == []
    leaders = [(n, line) for n in NAMES for line in LOESS.lines[n] if LEADERS.search(line)]
    assert len(leaders) >= 7
    assert [pair for pair in leaders if pair[1] not in LOESS.debris_of(pair[0])] == []


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "bank": ({"Accept all cookies", "This website uses cookies", "Skip to content"},
             {"How to apply online", "Do not start the work before you apply"}, "en", ""),
    "advice": ({"Chat med oss", "Start chat", "Chatten er stengt nå", "Godta alle"},
               {"Åpningstider", "Mandag–fredag 08.00–15.30"}, "nb", ""),
    "danish": ({"Søg om boligændring (kræver MitID)", "Gå til indhold", "Accepter alle"},
               {"Kan du ikke søge digitalt?"}, "da", "no year: no 19xx"),
    "swedish": ({"Till e-tjänsten Bostadsanpassningsbidrag", "Lättläst", "Lyssna"},
                {"Så här söker du"}, "sv", ""),
    "pensioners": ({"Sagsnr. 2025-00000", "København, 3. marts 2025", "Side 1 af 1"},
                   {"Vores anbefalinger"}, "da", ""),
    "white paper": ({"Published June 2025", "CP 000", "10", "2"},
                    {"Contents", "2 Faster adaptations"}, "en", ""),
    "catalogue": ({"Projektstart", "2024-01-01", "Diarienummer", "2023-00000"},
                  {"Sammanfattning", "Summary in English"}, "sv;en", "no year: only"),
    "evaluation": ({"Rapport 2024:00", "RAMBOLL"}, {"English summary"}, "nb;en", ""),
    "thesis": ({"Author", "Date issued", "Show full item record"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "news": ({"3 kommentarer", "Les også", "Skriv en kommentar"}, {"Kommentarer"}, "nb", ""),
    "guide": ({"Telefon: 56 00 00 00", "[email protected]"},
              {"Slik gjer du"}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for the undated ones, the kind of its year evidence)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = LOESS.labels[name]
    assert gone <= LOESS.debris_of(name), gone - LOESS.debris_of(name)
    assert kept <= set(LOESS.lines[name]) - LOESS.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_chat_hours_steps_and_signed_comments():
    """The chat's hours survive in a sentence; the bank's page keeps five steps and the guide
    three; the news item's three handle-signed comments go and a quoted sentence stays."""
    assert any("klokken 09.00 og 14.00" in s for s in sentences(role("advice")))
    for key, openings in (("bank", ("Sign in", "Fill in", "Attach", "Send the", "Follow")),
                          ("guide", ("Gjer ei", "Opne", "Legg ved"))):
        steps = {line for line in LOESS.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & LOESS.debris_of(role(key)), key
    news = role("news")
    signed = {line for line in LOESS.lines[news] if re.match(r"[a-zæøå]+: ", line)}
    assert len(signed) == 3 and signed <= LOESS.debris_of(news)
    assert any(s.startswith("– ") for s in sentences(news))


def test_white_paper_footnotes_and_the_project_name():
    """The white paper's two footnotes go, the lines calling them stay with their prose, its
    four contents lines are debris; DIGIBOA titles the catalogue page and shows in the working
    paper, a project report."""
    paper_doc = role("white paper")
    notes = {line for line in LOESS.lines[paper_doc] if line[0] in "¹²"}
    calls = {line for line in LOESS.lines[paper_doc] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2 and notes <= LOESS.debris_of(paper_doc)
    assert all(any(s in line for s in sentences(paper_doc)) for line in calls)
    assert sum(bool(LEADERS.search(line)) for line in LOESS.debris_of(paper_doc)) == 4
    paper = role("paper")
    assert "DIGIBOA" in LOESS.labels[role("catalogue")]["title"]
    assert LOESS.labels[paper]["doc_type"] == "project_report"
    assert any("DIGIBOA" in s for s in sentences(paper))
