"""Checks of the kettle fixture set (tests/fixtures/exported/kettle), written blind.

Its brief: people with intellectual disabilities and digital welfare services. A municipality's
page on welfare technology in supported housing (sensors, tablets) with an application form link
and a cookie banner; a user organisation's page on easy-read digital services with a chat widget;
a Danish national board's page on digital self-determination for residents; a Swedish agency's
page on accessible e-services with a language switch; a user organisation's consultation response
on a guardianship regulation; a directorate's guidance excerpt (a PDF with contents and
footnotes); an evaluation report's summary with an English summary; a research project's
catalogue page and its working paper; a seminar programme with clock times glued to talk titles;
journal abstracts (one bilingual); a PhD thesis record from a university archive; a news item
with reader comments and a related-articles panel; a Nynorsk guide for staff. English, Bokmål,
Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

KETTLE = fs.LabelledSet(fs.SETS / "kettle")
NAMES = KETTLE.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "municipality": "municipality's page on welfare technology in supported housing",
    "user organisation": "user organisation's page on easy-read digital services with a chat",
    "danish": "danish national board's page on digital self-determination",
    "swedish": "swedish agency's page on accessible e-services with a language switch",
    "consultation": "consultation response of a user organisation on a guardianship regulation",
    "guidance": "directorate's guidance excerpt as a pdf with contents and footnotes",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "phd thesis record from a university archive",
    "news": "news item with reader comments and a related-articles panel",
    "guide": "nynorsk guide for staff",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 5, "journal abstract": 5,
          "consultation response": 3, "as a pdf": 8, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"municipality's page|user organisation's page|national board's page|agency's page|"
             r"news item|guide for staff|faq page|blog post",
    "policy_document": r"consultation response|guidance excerpt|action plan|municipal plan|"
                       r"position paper",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for two kinds; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telefon|Phone): (?P<id>\+?\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d -]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
DOI := 10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
project number := ^(?P<id>\d{6})$
case number := (?:Sagsnr\. 20\d\d-|Vår ref\.: \d\d/|^Sak )(?P<id>\d+)
report number := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
charity number := (?:charity number |Charity No\. SC)(?P<id>\d+)
register id := Register ID: (?P<id>[\d-]+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:[1-9]\d|0\d{1,3})[- ][0 -]+", "ISBN": r"978-82-[0-]+"}
LEADERS = re.compile(r"\.{10,} \d+$")


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(KETTLE.labels, ROLES[name])


def kept(name: str) -> set[str]:
    """A document's visible lines that are not debris (neutral lines and prose lines)."""
    return set(KETTLE.lines[name]) - KETTLE.debris_of(name)


def later_years_unnamed(name: str) -> set[str]:
    """Years after the labelled one in the document's prose that its evidence does not name."""
    label = KETTLE.labels[name]
    found = {y for s in KETTLE.sentences(name) for y in fs.YEAR.findall(s)}
    return {y for y in found if label["year"] and y > label["year"]
            and y not in label["year_evidence"]}


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the one type named by
    the genre that opens its notes, and no later year in its prose left out of its evidence."""
    KETTLE.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and the
    fourteen roles of the brief held by fourteen documents."""
    KETTLE.roles_check(ROLES)


def test_shared_set_rules():
    """The shared rules for a whole set: size and formats, types, languages, genres in the
    notes, year situations and traps, and zero-filled identifiers of every kind."""
    fs.size_check(KETTLE.labels, {"html": (17, 19), "txt": (15, 17), "md": (1, 2)})
    fs.language_check(KETTLE.labels, {"en": 14, "nb": 9, "nn": 5, "da": 5, "sv": 4}, 2)
    assert fs.missing_genres(KETTLE.labels, GENRES) == {}
    fs.trap_check(KETTLE.labels, KETTLE.prose, KETTLE.lines)
    seen, wrong = fs.identifier_misses(
        KETTLE.lines, {kind: re.compile(p) for kind, p in FINDERS.items()},
        {kind: re.compile(p) for kind, p in FORMS.items()}, "0 /-.")
    assert (sorted(seen), wrong) == (sorted(FINDERS), [])


def set_facts() -> dict:
    """What the brief asks of the set as a whole, counted: bilingual documents and their
    openers, the types of consultation responses, glued timetables, field lists, Markdown field
    lines kept, and dot-leader contents lines."""
    labels = KETTLE.labels
    pairs = [lab for lab in labels.values() if ";" in lab["languages"]]
    programmes = sorted(n for n, lab in labels.items() if lab["doc_type"] == "event_programme")
    glued = {n: {line for line in KETTLE.lines[n] if fs.GLUED_TIME.search(line)} for n in NAMES}
    leaders = [(n, line) for n in NAMES for line in KETTLE.lines[n] if LEADERS.search(line)]
    return {
        "bilingual": len(pairs),
        "openers": len({lab["languages"].split(";")[0] for lab in pairs}),
        "bilingual abstracts": sum(lab["doc_type"] == "abstract" for lab in pairs),
        "response types": {lab["doc_type"] for lab in labels.values()
                           if lab["notes"].lower().startswith("consultation response")},
        "glue only in programmes": sorted(n for n, lines in glued.items() if lines) == programmes,
        "fewest glued lines": min(len(glued[n]) for n in programmes),
        "glued debris": [n for n in programmes if glued[n] & KETTLE.debris_of(n)],
        "field pages": KETTLE.field_pages(),
        "kept markdown fields": KETTLE.kept_markdown_fields(),
        "contents lines": len(leaders),
        "kept contents lines": [pair for pair in leaders if pair[1] in kept(pair[0])],
    }


def test_set_facts():
    """Six bilingual documents opened by four languages, two of them abstracts; three
    consultation responses, all policy_document; programmes alone glue times to titles, four
    lines or more each and none debris; five pages with field lists; no Markdown field line
    kept; twelve dot-leader contents lines, all debris."""
    assert set_facts() == {
        "bilingual": 6, "openers": 4, "bilingual abstracts": 2,
        "response types": {"policy_document"},
        "glue only in programmes": True, "fewest glued lines": 5, "glued debris": [],
        "field pages": 5, "kept markdown fields": [],
        "contents lines": 12, "kept contents lines": [],
    }


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "municipality": ({"Godta alle", "Hopp til hovedinnhold", "Sist oppdatert 12.03.2025",
                      "Søk om velferdsteknologi (elektronisk skjema)"},
                     {"Slik søker du", "Hva kan du få?"}, "nb", ""),
    "user organisation": ({"Snakk med oss", "Start chat", "Chatten er åpen hverdager 10–14",
                           "Les også"}, {"Dette kan du be om"}, "nb", ""),
    "danish": ({"Tillad alle", "Fandt du det, du søgte?", "Gå til indhold", "English"},
               {"Det skal personalet være opmærksomme på"}, "da", ""),
    "swedish": ({"English", "Suomi", "Lättläst", "Lyssna"},
                {"Så gör du e-tjänsten begriplig", "Visa ett steg i taget."}, "sv",
                "no year: no 19xx"),
    "consultation": ({"Høringssvar", "Sagsnr. 2024-00000", "Del på LinkedIn"},
                     {"Med venlig hilsen"}, "da", ""),
    "guidance": ({"Mai 2025", "ISBN 978-82-0000-000-0",
                  "Direktoratet for samfunnssikkerhet og beredskap"},
                 {"Innhold", "1 Innledning"}, "nb", ""),
    "evaluation": ({"Asplan Viak", "Rapport 00/2024", "Desember 2024"},
                   {"English summary", "Sammendrag"}, "nb;en", ""),
    "catalogue": ({"Prosjektnummer", "000000", "Prosjektperiode", "2024–2027",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "paper": ({"NETTBO Working Paper 0/2025", "June 2025"}, {"Summary", "1 Introduction"},
              "en", ""),
    "seminar": ({"Dato", "Torsdag 23. oktober 2025", "Meld deg på"},
                {"Program", "11.45Lunsj"}, "nb", ""),
    "thesis": ({"Author", "Issue date", "Download full text (PDF)", "På svenska"},
               {"Abstract", "Sammanfattning"}, "en;sv", ""),
    "news": ({"3 kommentarer", "Relaterte artikler", "Skriv en kommentar"}, {"Kommentarer"},
             "nb", ""),
    "guide": ({"Telefon: 56 00 00 00", "[email protected]", "Spørsmål?"},
              {"Slik gjer du det"}, "nn", "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """A role's furniture is all debris, its headings or steps all stay, its languages label is
    the one expected, its evidence opens as expected, and it keeps three prose sentences or
    more, none of them debris."""
    name = role(key)
    gone, stay, languages, evidence = ROLE_LINES[key]
    label, debris, prose = KETTLE.labels[name], KETTLE.debris_of(name), set(KETTLE.sentences(name))
    misses = {"furniture kept": gone - debris, "lines lost": stay - kept(name),
              "prose lost": prose & debris}
    assert misses == {"furniture kept": set(), "lines lost": set(), "prose lost": set()}
    assert label["languages"] == languages and label["year_evidence"].startswith(evidence)
    assert len(prose) >= 3


def test_steps_signed_comments_and_the_later_years():
    """The municipality's page keeps its three kinds of technology and the guide its three
    steps; the news item's three handle-signed comments go and a quoted sentence stays; the
    municipality, the Danish board and the guidance name a later year in a prose sentence."""
    for key, openings in (("municipality", ("Dørsensor", "Fallsensor", "Nettbrett med")),
                          ("guide", ("Snakk med bebuaren", "Skriv ned", "Sjå over"))):
        steps = {line for line in kept(role(key)) if line.startswith(openings)}
        assert len(steps) == len(openings), key
    news = role("news")
    signed = {line for line in KETTLE.lines[news] if re.match(r"[a-z_0-9]+: ", line)}
    assert len(signed) == 3 and signed <= KETTLE.debris_of(news)
    assert any(s.startswith("– ") for s in KETTLE.sentences(news))
    ahead = fs.year_traps(KETTLE.labels, KETTLE.prose, KETTLE.lines)["ahead"]
    assert {role(key) for key in ("municipality", "danish", "guidance")} <= set(ahead)


def test_guidance_footnotes_and_the_project_name():
    """The guidance drops both footnotes and its four contents lines and keeps the two sentences
    calling the footnotes; NETTBO titles the catalogue page and shows in the working paper, a
    project report."""
    guidance = role("guidance")
    notes = {line for line in KETTLE.lines[guidance] if line[0] in "¹²"}
    calls = {line for line in KETTLE.lines[guidance] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= KETTLE.debris_of(guidance) and calls <= set(KETTLE.sentences(guidance))
    assert sum(bool(LEADERS.search(line)) for line in KETTLE.debris_of(guidance)) == 4
    paper = role("paper")
    assert KETTLE.labels[role("catalogue")]["title"].startswith("NETTBO")
    assert KETTLE.labels[paper]["doc_type"] == "project_report"
    assert any("NETTBO" in s for s in KETTLE.sentences(paper))
