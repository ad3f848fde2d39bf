"""Checks of the tafoni fixture set (tests/fixtures/exported/tafoni), written blind.

Its brief: care benefits for parents of sick children going digital (pleiepenger,
omsorgspenger, tillfällig föräldrapenning/VAB, børnesygedage). A welfare agency's page on
applying online for care allowance (a step list, a cookie banner); a hospital's page for parents
of children in long treatment with opening hours and a chat widget; a Danish municipality's page
on digital applications for loss of earnings when caring for a sick child; a Swedish agency's
page on reporting VAB in the app; a parents' organisation's consultation response; a ministry's
bill excerpt (a PDF with contents and footnotes); an evaluation report's summary with an English
summary; a research project's catalogue page and its working paper; a seminar programme with
clock times glued to talk titles; journal abstracts (one bilingual); a master's thesis record
from a university archive; a news item with reader comments; a Nynorsk guide for employers.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets come first (per document, then for the whole set), the brief's own checks after.
"""

import re

import fixturesets as fs
import pytest

TAFONI = fs.LabelledSet(fs.SETS / "tafoni")
NAMES = TAFONI.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "welfare": "welfare agency's page on applying online for care allowance",
    "hospital": "hospital's page for parents of children in long treatment",
    "danish": "danish municipality's page on digital applications for loss of earnings",
    "swedish": "swedish agency's page on reporting vab in the app",
    "parents": "consultation response of a parents' organisation",
    "bill": "ministry's bill excerpt",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "news item with reader comments",
    "guide": "nynorsk guide for employers",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 6,
          "consultation response": 4, "as a pdf": 7, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"welfare agency's page|hospital's (?:page|information page)|municipality's page|"
             r"swedish agency's page|news item|guide for employers|faq page|blog post",
    "policy_document": r"bill excerpt|consultation response|action plan|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part, which may hold zeros and separators only, or the form in FORMS).
IDENTIFIER_TABLE = r"""
phone := (?:Phone|Textphone|Telefon|Sentralbord|Växel|Kundservice): (?P<id>\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := (?:FoU-rapport nr\.|Rapport) (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
project number := ^(?P<id>\d{6})$
bill number := L (?P<id>\d+)(?: - \d)?$
case number := (?:Sak |Sagsnr\. 20\d\d-|Dnr S20\d\d/)(?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:18001 )?0800 [0 ]+|[1-9]\d [0 ]+|08-[0 ]+",
         "organisation number": r"9[0 ]+|[0 ]+",
         "ISBN": r"978-82-[0-]+", "project number": r"30{5}", "bill number": r"0{3}"}
LEADERS = re.compile(r"\.{10,} \d+$")


def sentences(name: str) -> list[str]:
    return [row["sentence"] for row in TAFONI.prose if row["file"] == name]


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(TAFONI.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = sentences(name)
    return len(found) >= 3 and not set(found) & TAFONI.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    label = TAFONI.labels[name]
    TAFONI.document_check(name)
    if name in TAFONI.pages:
        TAFONI.page_check(name, HEAD_DATES)
    assert fs.genre_types(label["notes"], TYPE_RULES) == {label["doc_type"]}
    if label["year"]:
        later = {y for s in sentences(name) for y in fs.YEAR.findall(s) if y > label["year"]}
        assert {y for y in later if y not in label["year_evidence"]} == set()


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    fs.files_check(TAFONI.folder, TAFONI.labels)
    fs.readme_check(TAFONI.folder, TAFONI.labels, TAFONI.debris, TAFONI.prose)
    holders = {key: role(key) for key in ROLES}
    assert len(set(holders.values())) == len(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, five bilingual
    documents opened by five languages, two abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = TAFONI.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 14, "nn": 5, "da": 6, "sv": 4}, 4)
    bilingual = {n: lab for n, lab in labels.items() if ";" in lab["languages"]}
    assert len(bilingual) >= 5
    assert len({lab["languages"].split(";")[0] for lab in bilingual.values()}) == 4
    assert sum(lab["doc_type"] == "abstract" for lab in bilingual.values()) >= 2
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, TAFONI.prose, TAFONI.lines)
    responses = [lab["doc_type"] for lab in labels.values()
                 if lab["notes"].lower().startswith("consultation response")]
    assert len(responses) >= 4 and set(responses) == {"policy_document"}


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    programmes = [n for n in NAMES if TAFONI.labels[n]["doc_type"] == "event_programme"]
    traps = fs.year_traps(TAFONI.labels, TAFONI.prose, TAFONI.lines)
    assert sorted(traps["glued"]) == sorted(programmes)
    for name in programmes:
        glued = {line for line in TAFONI.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(glued) >= 4 and not glued & TAFONI.debris_of(name), name
    seen, wrong = fs.identifier_misses(
        TAFONI.lines, {k: re.compile(p) for k, p in FINDERS.items()},
        {k: re.compile(p) for k, p in FORMS.items()}, "0 /-.")
    assert wrong == [] and set(seen) == set(FINDERS), (seen, wrong)


def test_fields_markdown_and_contents():
    """Five saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and ten dot-leader contents lines or more, all debris."""
    assert TAFONI.field_pages() >= 5
    assert TAFONI.kept_markdown_fields() == []
    leaders = [(n, line) for n in NAMES for line in TAFONI.lines[n] if LEADERS.search(line)]
    assert len(leaders) >= 10
    assert [pair for pair in leaders if pair[1] not in TAFONI.debris_of(pair[0])] == []


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "welfare": ({"Accept analytics cookies", "Tell us whether you accept cookies",
                 "Skip to main content", "Phone: 0800 000 0000"},
                {"How to apply", "Check your answers and send the form."}, "en", ""),
    "hospital": ({"Chat med foreldreveileder", "Start chat", "Mandag–fredag 08.00–15.30",
                  "Sentralbord: 51 00 00 00"}, {"Foreldresenteret", "Åpningstider"}, "nb", ""),
    "danish": ({"Søg om tabt arbejdsfortjeneste", "Gå til indhold", "CVR 00 00 00 00"},
               {"Sådan søger du", "Log ind med MitID."}, "da", ""),
    "swedish": ({"Lättläst", "Var sidan till hjälp?", "Växel: 08-000 000 00"},
                {"Så gör du", "Välj Vård av barn och ange datum."}, "sv", "no year: no 19xx"),
    "parents": ({"Høringssvar", "Del på Facebook", "Les også"},
                {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb", ""),
    "bill": ({"Lovforslag nr. L 000", "L 000 - 3", "¹ Jf. servicelovens § 42."},
             {"Indholdsfortegnelse", "1. Indledning"}, "da", ""),
    "catalogue": ({"Prosjektperiode", "2024–2027", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "evaluation": ({"Agderforskning, mars 2018", "FoU-rapport nr. 0/2018"},
                   {"English summary", "Sammendrag"}, "nb;en", ""),
    "thesis": ({"Author", "Publication date", "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "news": ({"2 kommentarer", "Skriv en kommentar", "Läs också"}, {"Kommentarer"}, "sv", ""),
    "guide": ({"Telefon: 22 00 00 00", "[email protected]", "Spørsmål?"},
              {"Slik gjer du det", "Send refusjonskravet på nav.no via Altinn."}, "nn",
              "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for the undated ones, the kind of its year evidence)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = TAFONI.labels[name]
    assert gone <= TAFONI.debris_of(name), gone - TAFONI.debris_of(name)
    assert kept <= set(TAFONI.lines[name]) - TAFONI.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_steps_hours_and_signed_comments():
    """The welfare page keeps its five steps and the guide its three; the hospital's opening
    hours survive in a sentence; the news item's two handle-signed comments go while its quoted
    sentence stays."""
    for key, openings in (("welfare", ("Create", "Choose '", "Tell us about", "Add details",
                                       "Check your")),
                          ("guide", ("Registrer", "Send refusjonskravet", "Ta vare"))):
        steps = {line for line in TAFONI.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & TAFONI.debris_of(role(key)), key
    assert any("klokken 08.00 til 15.30" in s for s in sentences(role("hospital")))
    news = role("news")
    signed = {line for line in TAFONI.lines[news] if re.match(r"[a-zæøåäö0-9]+: ", line)}
    assert len(signed) == 2 and signed <= TAFONI.debris_of(news)
    assert any(s.startswith("– ") for s in sentences(news))


def test_bill_footnotes_and_the_project_name():
    """The bill's two footnotes go, the two sentences calling them are prose, its four contents
    lines are debris; PLEIEDIGI titles the catalogue page and shows in the working paper, a
    project report."""
    bill = role("bill")
    notes = {line for line in TAFONI.lines[bill] if line[0] in "¹²"}
    calls = {line for line in TAFONI.lines[bill] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= TAFONI.debris_of(bill) and calls <= set(sentences(bill))
    assert sum(bool(LEADERS.search(line)) for line in TAFONI.debris_of(bill)) == 4
    paper = role("paper")
    assert "PLEIEDIGI" in TAFONI.labels[role("catalogue")]["title"]
    assert TAFONI.labels[paper]["doc_type"] == "project_report"
    assert any("PLEIEDIGI" in s for s in sentences(paper))
