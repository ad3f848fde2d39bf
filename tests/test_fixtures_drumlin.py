"""Checks of the drumlin fixture set (tests/fixtures/exported/drumlin), written blind.

Its brief: homelessness services and digital welfare. A city's page on applying for emergency
housing online (a step list, a cookie banner); a night shelter's page with opening hours, a
chat widget and a donation box; a Danish municipality's page on digital mail exemptions for
homeless citizens; a Swedish city mission's page on help with e-ID and digital applications;
a national human rights institution's statement on homeless people shut out of digital
services; a ministry's national strategy excerpt on homelessness (a PDF with contents and
footnotes); an evaluation report's summary of a Housing First scheme with an English summary;
a research project's catalogue page and its working paper; a seminar programme with clock
times glued to talk titles; journal abstracts (one bilingual); a master's thesis record from a
university archive; a street paper's news item with reader comments; a Nynorsk guide for
volunteers. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

DRUMLIN = fs.LabelledSet(fs.SETS / "drumlin")
NAMES = DRUMLIN.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "citation_conference_date", "event:start_time", "dcterms.modified"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "city": "city's page on applying for emergency housing online",
    "shelter": "night shelter's page with opening hours, a chat widget and a donation box",
    "danish": "danish municipality's page on digital mail exemptions",
    "mission": "swedish city mission's page on help with e-id",
    "rights": "national human rights institution's statement",
    "strategy": "ministry's national strategy excerpt",
    "evaluation": "evaluation report's summary of a housing first scheme",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "street paper's news item with reader comments",
    "guide": "nynorsk guide for volunteers",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 5,
          "consultation response": 5, "as a pdf": 8, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"city's page|night shelter's page|municipality's page|city mission's page|"
             r"institution's statement|news item|guide for volunteers|faq page|blog post",
    "policy_document": r"national strategy excerpt|consultation response|action plan",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"journal abstract|conference abstract|thesis record",
    "event_programme": r"programme with clock times",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for some kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon|Phone|Tel): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)
charity or company number := (?:Charity Number|charity number|Company number) (?P<id>\w+)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := Rapport 20\d\d:(?P<id>\d+)
numbered report := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper 20\d\d:(?P<id>\d+)
DOI := 10\.0000/[a-z.]*(?:20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|Box|PL) (?P<id>\d+)
grant number := MMW 20\d\d\.(?P<id>\d+)
case number := (?:Sak |J\.nr\. 20\d\d-)(?P<id>\d+)
ministry reference := S20\d\d/(?P<id>\d+)
Swish number := Swish (?P<id>\d[\d ]*\d)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
register id := Transparency Register: (?P<id>[\d-]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:\+\d{2,3} )?(?:[1-9]\d{0,2}|0\d{0,3})[- ][0 -]+",
         "ISBN": r"978-(?:82|87)-[0-]+", "charity or company number": r"(?:SC)?0+",
         "Swish number": r"900 [0 ]+"}
LEADERS = re.compile(r"\.{10,} \d+$")


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(DRUMLIN.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = DRUMLIN.sentences(name)
    return len(found) >= 3 and not set(found) & DRUMLIN.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    DRUMLIN.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    DRUMLIN.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone four times or more, seven bilingual
    documents opened by five languages, two abstracts among them); genres; year situations and
    traps (five dated documents with a later year in prose); every consultation response typed
    policy_document."""
    labels = DRUMLIN.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 14, "nb": 10, "nn": 5, "da": 5, "sv": 7}, 4)
    DRUMLIN.bilingual_check(7, 2)
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, DRUMLIN.prose, DRUMLIN.lines)
    assert len(fs.year_traps(labels, DRUMLIN.prose, DRUMLIN.lines)["ahead"]) >= 5
    DRUMLIN.consultations_check(5)


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    DRUMLIN.glued_check()
    DRUMLIN.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """Six saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and seven dot-leader contents lines or more, all debris."""
    assert DRUMLIN.field_pages() >= 6
    assert DRUMLIN.kept_markdown_fields() == []
    DRUMLIN.contents_check(LEADERS, 7)


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "city": ({"Godta alle", "Hopp til hovedinnhold", "Sist oppdatert 12.09.2025",
              "Telefon: 69 00 00 00"}, {"Slik søker du", "Logg inn med BankID eller MinID."},
             "nb", ""),
    "shelter": ({"Chat with us", "Start chat", "Donate now", "£15",
                 "Scottish Charity Number SC000000"}, {"Opening hours", "21:00 every night"},
                "en", ""),
    "danish": ({"Hent blanket om fritagelse (PDF)", "Læs mere på borger.dk", "Gå til indhold",
                "Tillad alle"}, {"In English", "Sådan søger du"}, "da;en", "no year: no 19xx"),
    "mission": ({"Swish 900 000 00 00", "Publicerad 20 februari 2025", "Ge en gåva"},
                {"Det här kan vi hjälpa till med"}, "sv", ""),
    "rights": ({"Uttalelse", "Kopier lenke", "Flere uttalelser"}, {"Våre anbefalinger"}, "nb",
               ""),
    "strategy": ({"December 2024", "3", "4", "5",
                  "Social-, Bolig- og Ældreministeriet · Strategi mod hjemløshed"},
                 {"Indhold", "2 Digital adgang til hjælp"}, "da", ""),
    "catalogue": ({"Diarienummer", "MMW 2023.0000", "Projektperiod", "2024–2027",
                   "Tillbaka till projektlistan"}, {"Om projektet", "Summary in English"},
                  "sv;en", "no year: only"),
    "paper": ({"Working Paper 2025:0", "Stockholm, September 2025"},
              {"Abstract", "Sammanfattning"}, "en;sv", ""),
    "evaluation": ({"Proba samfunnsanalyse", "Rapport 2025:00", "Oslo, mars 2025"},
                   {"Sammendrag", "English summary"}, "nb;en", ""),
    "seminar": ({"Dato", "Torsdag 20. november 2025", "Meld deg på"}, {"Program", "12.00Lunsj"},
                "nb", ""),
    "bilingual abstract": ({"Fagfellevurdert artikkel", "Last ned PDF",
                            "Keywords: homelessness, digitalisation, housing allowance, casework"},
                           {"Sammendrag", "Abstract"}, "nb;en", ""),
    "thesis": ({"Forfatter", "Veileder", "Permanent lenke", "https://hdl.handle.net/00000/0000"},
               {"Sammendrag", "Abstract"}, "nb;en", ""),
    "news": ({"3 kommentarer", "Skriv en kommentar", "Les også"}, {"Kommentarer"}, "nb", ""),
    "guide": ({"Telefon: 55 00 00 00", "[email protected]"},
              {"La gjesten logge inn sjølv med BankID."}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for the undated ones, the kind of its year evidence)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = DRUMLIN.labels[name]
    assert gone <= DRUMLIN.debris_of(name), gone - DRUMLIN.debris_of(name)
    assert kept <= set(DRUMLIN.lines[name]) - DRUMLIN.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_hours_steps_and_signed_comments():
    """The shelter keeps its closing hour in a sentence and drops its chat and donation box; the
    city's page keeps five steps and the guide four; the news item's three handle-signed
    comments go and a quoted sentence stays."""
    shelter = role("shelter")
    assert any("08:00" in s for s in DRUMLIN.sentences(shelter))
    assert {"Our chat is offline. We answer between 10am and 4pm.",
            "Other amount"} <= DRUMLIN.debris_of(shelter)
    for key, openings in (("city", ("Logg inn", "Velg «", "Skriv kort", "Legg ved", "Send søk")),
                          ("guide", ("Finn skjemaet", "Les spørsmåla", "La gjesten", "Sjekk at"))):
        steps = {line for line in DRUMLIN.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & DRUMLIN.debris_of(role(key)), key
    news = role("news")
    signed = {line for line in DRUMLIN.lines[news] if re.match(r"[a-zæøå]+: ", line)}
    assert len(signed) == 3 and signed <= DRUMLIN.debris_of(news)
    assert any(s.startswith("– ") for s in DRUMLIN.sentences(news))


def test_strategy_footnotes_and_the_project_name():
    """The strategy's two footnotes go, the two sentences calling them are prose, its four
    contents lines are debris; DIGIHEM titles the catalogue page and shows in the working
    paper, a project report."""
    strategy = role("strategy")
    notes = {line for line in DRUMLIN.lines[strategy] if line[0] in "¹²"}
    calls = {line for line in DRUMLIN.lines[strategy] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= DRUMLIN.debris_of(strategy) and calls <= set(DRUMLIN.sentences(strategy))
    assert sum(bool(LEADERS.search(line)) for line in DRUMLIN.debris_of(strategy)) == 4
    paper = role("paper")
    assert "DIGIHEM" in DRUMLIN.labels[role("catalogue")]["title"]
    assert DRUMLIN.labels[paper]["doc_type"] == "project_report"
    assert any("DIGIHEM" in s for s in DRUMLIN.sentences(paper))
