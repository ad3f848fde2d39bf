"""Checks of the tafoni fixture set (tests/fixtures/exported/tafoni), written blind.

Brief: care benefits for parents of sick children going digital (pleiepenger, omsorgspenger,
tillfällig föräldrapenning/VAB, børnesygedage). Fourteen roles must each be held by one document:
a welfare agency's page on applying online for care allowance (steps, cookie banner); a hospital's
page for parents of children in long treatment (opening hours, chat widget); a Danish
municipality's page on digital applications for loss of earnings; a Swedish agency's page on
reporting VAB in the app; a parents' organisation's consultation response; a ministry's bill
excerpt (PDF, contents, footnotes); an evaluation summary with an English summary; a research
project's catalogue page and its working paper; a seminar programme with glued clock times; a
bilingual journal abstract; a master's thesis record; a news item with reader comments; a Nynorsk
guide for employers. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "tafoni")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"welfare agency's page|hospital's (?:page|information page)|municipality's page|"
             r"swedish agency's page|news item|guide for employers|faq page|blog post",
    "policy_document": r"bill excerpt|consultation response|action plan|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 5, "journal abstract": 6, "consultation response": 4,
         "as a pdf": 7, "copied": 8, "saved as markdown": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "welfare": ("welfare agency's page on applying online for care allowance",
                {"Accept analytics cookies", "Tell us whether you accept cookies",
                 "Skip to main content", "Phone: 0800 000 0000"},
                {"How to apply", "Check your answers and send the form."}, "en", ""),
    "hospital": ("hospital's page for parents of children in long treatment",
                 {"Chat med foreldreveileder", "Start chat", "Mandag–fredag 08.00–15.30",
                  "Sentralbord: 51 00 00 00"}, {"Foreldresenteret", "Åpningstider"}, "nb", ""),
    "danish": ("danish municipality's page on digital applications for loss of earnings",
               {"Søg om tabt arbejdsfortjeneste", "Gå til indhold", "CVR 00 00 00 00"},
               {"Sådan søger du", "Log ind med MitID."}, "da", ""),
    "swedish": ("swedish agency's page on reporting vab in the app",
                {"Lättläst", "Var sidan till hjälp?", "Växel: 08-000 000 00"},
                {"Så gör du", "Välj Vård av barn och ange datum."}, "sv", "no year: no 19xx"),
    "parents": ("consultation response of a parents' organisation",
                {"Høringssvar", "Del på Facebook", "Les også"},
                {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"}, "nb", ""),
    "bill": ("ministry's bill excerpt",
             {"Lovforslag nr. L 000", "L 000 - 3", "¹ Jf. servicelovens § 42."},
             {"Indholdsfortegnelse", "1. Indledning"}, "da", ""),
    "evaluation": ("evaluation report's summary with an english summary",
                   {"Agderforskning, mars 2018", "FoU-rapport nr. 0/2018"},
                   {"English summary", "Sammendrag"}, "nb;en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "paper": ("working paper of the research project", {"PLEIEDIGI Working Paper 0/2025"},
              {"Summary"}, "en", ""),
    "seminar": ("seminar programme with clock times glued to talk titles",
                {"Dato", "Torsdag 13. mars 2025", "Meld deg på"}, {"Program"}, "nb", ""),
    "bilingual abstract": ("journal abstract in two languages",
                           {"Videnskabelig artikel", "Download PDF"}, {"Resumé", "Abstract"},
                           "da;en", ""),
    "thesis": ("master's thesis record from a university archive",
               {"Author", "Publication date", "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "news": ("news item with reader comments", {"2 kommentarer", "Skriv en kommentar", "Läs också"},
             {"Kommentarer"}, "sv", ""),
    "guide": ("nynorsk guide for employers",
              {"Telefon: 22 00 00 00", "[email protected]", "Spørsmål?"},
              {"Slik gjer du det", "Send refusjonskravet på nav.no via Altinn."}, "nn",
              "no year: no 19xx"),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless SHAPES
# gives the exact zero-filled form of that kind.
IDS = {kind: re.compile(pattern) for kind, pattern in (row.split(" := ") for row in r"""
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
""".strip().splitlines())}
SHAPES = {kind: re.compile(pattern) for kind, pattern in {
    "phone": r"(?:18001 )?0800 [0 ]+|[1-9]\d [0 ]+|08-[0 ]+",
    "organisation number": r"9[0 ]+|[0 ]+", "ISBN": r"978-82-[0-]+",
    "project number": r"30{5}", "bill number": r"0{3}"}.items()}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def prose_of(name: str) -> list[str]:
    return [row["sentence"] for row in SET.prose if row["file"] == name]


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    label = SET.labels[name]
    SET.document_check(name)
    if name.endswith(".html"):
        SET.page_check(name, META_DATES)
    assert fs.genre_types(label["notes"], GENRE_TYPES) == {label["doc_type"]}
    ahead = [y for s in prose_of(name) for y in fs.YEAR.findall(s)
             if label["year"] and y > label["year"] and y not in label["year_evidence"]]
    assert ahead == []


def test_whole_set():
    """Files, CSVs and README tables agree; size, formats, types and languages as the brief asks
    (five bilingual documents opened by four languages, two of them abstracts); the genres are
    named; year situations and traps; the four consultation responses are policy documents."""
    labels = SET.labels
    fs.files_check(SET.folder, labels)
    fs.readme_check(SET.folder, labels, SET.debris, SET.prose)
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 14, "nn": 5, "da": 6, "sv": 4}, 4)
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 5 and len({lab["languages"][:2] for lab in two}) == 4
    assert [lab["doc_type"] for lab in two].count("abstract") >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    typed = {lab["doc_type"] for lab in labels.values()
             if lab["notes"].startswith("consultation response")}
    assert typed == {"policy_document"}
    assert len({holder(role) for role in ROLES}) == len(ROLES)


def test_programmes_identifiers_fields_and_contents():
    """Glued clock times in the programmes only (four kept lines or more each); every kind of
    identifier present and zero-filled; five pages with field lists; no kept Markdown field
    line; ten dot-leader contents lines, all debris."""
    programmes = sorted(n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme")
    assert sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]) == programmes
    for name in programmes:
        assert len({line for line in kept_lines(name) if fs.GLUED_TIME.search(line)}) >= 4, name
    assert not any(fs.GLUED_TIME.search(line) for name in programmes
                   for line in SET.debris_of(name))
    seen, wrong = fs.identifier_misses(SET.lines, IDS, SHAPES, "0 /-.")
    assert (wrong, set(IDS) - set(seen)) == ([], set())
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len(leaders) >= 10 and all(line in SET.debris_of(n) for n, line in leaders)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(prose_of(name)) >= 3 and not set(prose_of(name)) & SET.debris_of(name)


def test_brief_details():
    """Five welfare steps and three guide steps stay; the hospital's hours stay in a sentence;
    the news item's two signed comments go and its quotation stays; the bill's footnotes go and
    the sentences calling them stay, with four contents lines gone; PLEIEDIGI names the catalogue
    page and is in the working paper's prose."""
    for role, starts in (("welfare", ("Create", "Choose '", "Tell us about", "Add details",
                                      "Check your")),
                         ("guide", ("Registrer", "Send refusjonskravet", "Ta vare"))):
        assert len({line for line in kept_lines(holder(role)) if line.startswith(starts)}) \
            == len(starts), role
    assert any("klokken 08.00 til 15.30" in s for s in prose_of(holder("hospital")))
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-zäö0-9]+: ", line)}
    assert len(comments) == 2 and comments <= SET.debris_of(news)
    assert any(s.startswith("– ") for s in prose_of(news))
    bill = holder("bill")
    footnotes = {line for line in SET.lines[bill] if line[0] in "¹²"}
    callers = {line for line in SET.lines[bill] if line[-1] in "¹²"}
    assert len(footnotes) == len(callers) == 2 and footnotes <= SET.debris_of(bill)
    assert callers <= set(prose_of(bill))
    assert len([line for line in SET.debris_of(bill) if DOT_LEADER.search(line)]) == 4
    assert "PLEIEDIGI" in SET.labels[holder("catalogue")]["title"]
    assert any("PLEIEDIGI" in s for s in prose_of(holder("paper")))
