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

The import is never run here: fixturesets.LabelledSet reads the folder once, the shared rules
of fixturesets check each document and the whole set, and the checks of this brief follow.
"""

import re

import fixturesets as fs
import pytest

LOESS = fs.LabelledSet(fs.SETS / "loess")
NAMES = LOESS.on_disk
# The head fields whose date must name the labelled year first (fixturesets.page_check).
HEAD_DATES = {"citation_publication_date", "dcterms.modified", "event:start_time",
              "article:modified_time", "article:published_time"}
# The roles of the brief, each by how the notes of its one document begin.
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
SET_LABELS = LOESS.labels


def role(key: str) -> str:
    """The one document whose notes open with the role's words (fixturesets.by_notes)."""
    return fs.by_notes(SET_LABELS, ROLES[key])


def kept(name: str) -> set[str]:
    """The visible lines of a document that are not debris."""
    return set(LOESS.lines[name]) - LOESS.debris_of(name)


def later_years(name: str) -> set[str]:
    """Years in a dated document's prose that come after its labelled year."""
    year = SET_LABELS[name]["year"]
    return {y for s in LOESS.sentences(name) for y in fs.YEAR.findall(s) if year and y > year}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """The shared rules of a document (and of a saved page's head and fields); the genre that
    opens its notes names its labelled type and no other; a later year in its prose is named
    in its evidence."""
    LOESS.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """Label rows in file order, CRLF CSVs and README tables that agree with them; each role of
    the brief belongs to a document of its own."""
    LOESS.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Formats and types within bounds; each language alone four times or more; six bilingual
    documents or more, opened by four languages, three of them abstracts; the brief's genres;
    the year situations and traps; consultation responses are policy documents."""
    fs.size_check(SET_LABELS, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(SET_LABELS, {"en": 12, "nb": 9, "nn": 5, "da": 6, "sv": 5}, 4)
    two = [lab for lab in SET_LABELS.values() if ";" in lab["languages"]]
    openers = {lab["languages"].partition(";")[0] for lab in two}
    assert (len(two) >= 6, len(openers)) == (True, 4)
    assert len([lab for lab in two if lab["doc_type"] == "abstract"]) >= 3
    assert fs.missing_genres(SET_LABELS, GENRES) == {}
    fs.trap_check(SET_LABELS, LOESS.prose, LOESS.lines)
    typed = {lab["doc_type"] for lab in SET_LABELS.values()
             if "consultation response" in lab["notes"].lower().partition(" (")[0]}
    assert typed == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Glued times only in programmes, at least four kept lines in each; every kind of
    identifier in the table occurs and is zero-filled."""
    LOESS.glued_check()
    LOESS.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """At least seven saved pages with `<dt>`/`<dd>` fields, no bold Markdown field line kept,
    and every dot-leader contents line (seven or more) listed as debris."""
    assert LOESS.field_pages() >= 7 and not LOESS.kept_markdown_fields()
    found = {(n, line) for n, lines in LOESS.lines.items() for line in lines
             if LEADERS.search(line)}
    assert len(found) >= 7 and all(line in LOESS.debris_of(n) for n, line in found)


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
    """A role's furniture is debris, its headings or steps are not, its languages label is the
    expected one, its evidence opens as expected, and three prose sentences or more stay."""
    gone, stay, languages, opening = ROLE_LINES[key]
    name = role(key)
    assert not gone - LOESS.debris_of(name), gone - LOESS.debris_of(name)
    assert stay <= kept(name)
    assert SET_LABELS[name]["languages"] == languages
    assert SET_LABELS[name]["year_evidence"].startswith(opening)
    found = LOESS.sentences(name)
    assert len(found) >= 3 and not LOESS.debris_of(name).intersection(found)


def test_chat_hours_steps_and_signed_comments():
    """The chat's hours stay in a prose sentence; the bank keeps its five steps and the guide
    its three; the news item drops its three handle-signed comments and keeps a quotation."""
    assert [s for s in LOESS.sentences(role("advice")) if "klokken 09.00 og 14.00" in s]
    steps = {"bank": ("Sign in", "Fill in", "Attach", "Send the", "Follow"),
             "guide": ("Gjer ei", "Opne", "Legg ved")}
    for key, openings in steps.items():
        found = [line for line in kept(role(key)) if line.startswith(openings)]
        assert len(found) == len(openings), key
    news = role("news")
    handles = {line for line in LOESS.lines[news] if re.match(r"[a-zæøå]+: ", line)}
    assert len(handles) == 3 and not handles - LOESS.debris_of(news)
    assert [s for s in LOESS.sentences(news) if s[:2] == "– "]


def test_white_paper_footnotes_and_the_project_name():
    """The white paper's two footnotes are debris and both lines carrying a mark hold prose;
    four contents lines are debris; DIGIBOA names the catalogue page and is in the working
    paper's prose, which is a project report."""
    white = role("white paper")
    marks = "¹²"
    footnotes = [line for line in LOESS.lines[white] if line[0] in marks]
    callers = [line for line in LOESS.lines[white] if line[-1] in marks]
    assert (len(footnotes), len(callers)) == (2, 2)
    assert set(footnotes) <= LOESS.debris_of(white)
    assert all(any(s in line for s in LOESS.sentences(white)) for line in callers)
    assert len([line for line in LOESS.debris_of(white) if LEADERS.search(line)]) == 4
    assert "DIGIBOA" in SET_LABELS[role("catalogue")]["title"]
    paper = role("paper")
    assert SET_LABELS[paper]["doc_type"] == "project_report"
    assert [s for s in LOESS.sentences(paper) if "DIGIBOA" in s]
