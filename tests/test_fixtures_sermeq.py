"""Checks of the sermeq fixture set (tests/fixtures/exported/sermeq), written blind.

Its brief: digital home follow-up and welfare technology in municipal care (sensors, medicine
dispensers, remote consultations). A municipality's service page with an application form link
and a cookie banner; a regional competence centre's news with tags; a Danish municipality's page
on screen visits; a Swedish region's page on digital supervision at night; a vendor's case
study; an organisation for older people's statement; a directorate's guidance excerpt (a PDF
with contents and footnotes); an evaluation report's summary; a research project's catalogue
page and a journal article's first page; a network meeting programme with clock times glued to
talk titles; conference abstracts (one bilingual); a news item with comments; a Nynorsk
information leaflet. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here imports the documents: the checks read the folder, its CSVs and its README. The
set is read once into fixturesets.LabelledSet, whose shared rules each document and the whole set
must meet; the tests further down are this brief's own.
"""

import re

import fixturesets as fs
import pytest

SERMEQ = fs.LabelledSet(fs.SETS / "sermeq")
DOCS = SERMEQ.on_disk
# Head fields that date a page; where present, the labelled year is the first year in them.
META_DATES = {"article:published_time", "article:modified_time", "dcterms.modified",
              "citation_publication_date", "event:start_time"}

# What the brief asks the notes to name: "<least documents> <phrase>".
BRIEF = """
1 municipality's service page with an application form link and a cookie banner
1 regional competence centre's news item with tags
1 danish municipality's page on screen visits
1 swedish region's page on digital supervision at night
1 vendor's case study
1 organisation for older people's statement
1 directorate's guidance excerpt, a pdf with contents and footnotes
1 evaluation report's summary
1 research project's catalogue page
1 journal article's first page
1 network meeting programme
4 clock times glued to talk titles
3 conference abstract
1 conference abstract in two languages
1 news item with comments
1 nynorsk information leaflet
"""
WANTED = {phrase: int(least) for least, phrase in
          (row.split(" ", 1) for row in BRIEF.strip().splitlines())}

# Each type and the genres (the notes up to their first " (") that name it.
TYPE_OF_GENRE = {
    "other": re.compile(r"service page|news item|page on screen visits|page on digital "
                        r"supervision|case study|statement|leaflet|blog post|faq page"),
    "policy_document": re.compile(r"guidance excerpt|action plan|strategy|plan for welfare|"
                                  r"agency report"),
    "project_report": re.compile(r"catalogue page|project's page|evaluation report|"
                                 r"final report"),
    "abstract": re.compile(r"abstract|article's first page"),
    "event_programme": re.compile(r"programme"),
}

# Identifiers: kind, where it stands (its digits in `id`), and its zero-filled form (None: the
# digits are zeros and separators only).
IDENTIFIERS = [
    ("phone", r"(?:Telefon|Telephone|Phone): (?P<id>\d[\d -]*\d)",
     r"(?:[1-9]\d |0\d{1,3}[- ])[0 -]+"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    ("ISBN", r"ISBN (?P<id>[\d-]+)", r"978-82-[0-]+"),
    ("ISSN", r"ISSN (?P<id>[\d-]+)", None),
    ("report number", r"Rapport 20\d\d:(?P<id>\d+)", None),
    ("DOI", r"10\.0000/[a-z.]+(?P<id>[\d.\-]*\d)", None),
    ("postal box", r"(?:Postboks|Box) (?P<id>\d+)", None),
    ("project number", r"^(?P<id>\d{6})$", None),
    ("diary number", r"Dnr 20\d\d/(?P<id>\d+)", None),
    ("case number", r"sak (?P<id>\d+)/\d\d", None),
    ("DiVA identifier", r"diva-(?P<id>\d+)", None),
]
WHERE = {kind: re.compile(where) for kind, where, _ in IDENTIFIERS}
FILLED = {kind: re.compile(form) for kind, _, form in IDENTIFIERS if form}
LEADERS = re.compile(r"\.{10,} \d+$")
PROSE_OF = {name: [row["sentence"] for row in SERMEQ.prose if row["file"] == name]
            for name in DOCS}
# The documents the tests below hold to the brief, found by how their notes open.
OPENINGS = {
    "service page": "municipality's service page", "centre news": "regional competence centre",
    "screen visits": "danish municipality's page on screen", "night": "swedish region's page",
    "case study": "vendor's case study", "statement": "organisation for older people",
    "guidance": "directorate's guidance excerpt", "evaluation": "evaluation report's summary",
    "catalogue": "research project's catalogue page", "first page": "journal article's first",
    "network": "network meeting programme", "bilingual abstract": "conference abstract in two",
    "news": "news item with comments", "leaflet": "nynorsk information leaflet",
}


def holders(start: str) -> list[str]:
    """The documents whose notes open with `start`."""
    return [name for name, label in SERMEQ.labels.items()
            if label["notes"].lower().startswith(start)]


ROLE = {role: holders(start) for role, start in OPENINGS.items()}


def types_named(label: dict) -> list[str]:
    """The types whose genre words occur in the notes' opening genre (up to the first " (")."""
    genre = label["notes"].lower().partition(" (")[0]
    return [kind for kind, words in TYPE_OF_GENRE.items() if words.search(genre)]


def unnamed_later_years(name: str) -> list[str]:
    """Years in the document's prose sentences after its labelled year that its evidence does
    not name."""
    label = SERMEQ.labels[name]
    if not label["year"]:
        return []
    return [year for sentence in PROSE_OF[name] for year in fs.YEAR.findall(sentence)
            if year > label["year"] and year not in label["year_evidence"]]


def keeps_prose(name: str) -> None:
    """Three prose sentences or more, none of them listed as debris."""
    sentences = set(PROSE_OF[name])
    assert len(sentences) >= 3, name
    assert sentences.isdisjoint(SERMEQ.debris_of(name)), name


@pytest.mark.parametrize("name", DOCS)
def test_document(name):
    """Shared label and placement rules, a saved page's head and fields, exactly the labelled
    type named by the genre the notes open with, and later years in prose named in the
    evidence."""
    SERMEQ.document_check(name)
    if name.endswith(".html"):
        SERMEQ.page_check(name, META_DATES)
    assert types_named(SERMEQ.labels[name]) == [SERMEQ.labels[name]["doc_type"]]
    assert unnamed_later_years(name) == []


def test_set_as_a_whole():
    """One label row a document in file order, CRLF, the README's tables and overview; 36 to 40
    documents in the asked mix, the brief's genres in the notes, the languages (six bilingual
    documents, a conference abstract among them), the year situations and traps; and each role
    of the brief held by exactly one document."""
    labels = SERMEQ.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    bilingual = [name for name, label in labels.items() if ";" in label["languages"]]
    assert len(bilingual) >= 6 and ROLE["bilingual abstract"][0] in bilingual, bilingual
    fs.language_check(labels, {"en": 12, "nb": 8, "nn": 5, "da": 5, "sv": 5}, 3)
    assert fs.missing_genres(labels, WANTED) == {}
    fs.trap_check(labels, SERMEQ.prose, SERMEQ.lines)
    fs.files_check(SERMEQ.folder, labels)
    fs.readme_check(SERMEQ.folder, labels, SERMEQ.debris, SERMEQ.prose)
    assert {role: len(names) for role, names in ROLE.items()} == dict.fromkeys(OPENINGS, 1)


def test_glued_times_identifiers_fields_and_contents():
    """Programmes, and only they, glue clock times to titles in four kept lines or more; every
    kind of identifier occurs and is zero-filled; four saved pages or more carry field lists;
    Markdown field lines and all dot-leader contents lines (twelve or more) are debris."""
    timed = {name: {line for line in SERMEQ.lines[name] if fs.GLUED_TIME.search(line)}
             for name in DOCS}
    for name, lines in timed.items():
        if SERMEQ.labels[name]["doc_type"] == "event_programme":
            assert len(lines) >= 4 and lines.isdisjoint(SERMEQ.debris_of(name)), name
        else:
            assert not lines, name
    seen, wrong = fs.identifier_misses(SERMEQ.lines, WHERE, FILLED, "0 /-.")
    assert sorted(seen) == sorted(WHERE) and not wrong, (seen, wrong)
    assert SERMEQ.field_pages() >= 4 and not SERMEQ.kept_markdown_fields()
    leaders = {name: [line for line in SERMEQ.lines[name] if LEADERS.search(line)]
               for name in DOCS}
    assert sum(map(len, leaders.values())) >= 12
    assert all(set(lines) <= SERMEQ.debris_of(name) for name, lines in leaders.items())


def test_service_page_form_link_and_cookie_banner():
    """The service page drops its cookie banner, form links, stamp and contact block and keeps
    its target sentence and headings."""
    name = ROLE["service page"][0]
    gone = SERMEQ.debris_of(name)
    assert {"Godta alle", "Bare nødvendige", "Søknadsskjema helse- og omsorgstjenester "
            "(elektronisk)", "Sist oppdatert: 12.03.2025", "Telefon: 66 00 00 00"} <= gone
    assert not {"Slik søker du", "Hva koster det?"} & gone
    assert any("innen 2028" in s for s in PROSE_OF[name])
    keeps_prose(name)


def test_centre_news_tags():
    """The centre's news drops its tags, byline and related news and keeps its quotation."""
    name = ROLE["centre news"][0]
    lines, gone = SERMEQ.lines[name], SERMEQ.debris_of(name)
    assert {"Stikkord:", "medisindispenser", "velferdsteknologi", "Flere nyheter"} <= gone
    quote = [line for line in lines if line.startswith("– Vi trodde")]
    assert len(quote) == 1 and quote[0] not in gone


def test_danish_screen_visits_and_nynorsk_leaflet():
    """The Danish page and the Nynorsk leaflet are undated `other` texts without any year;
    their contact blocks go."""
    page, leaflet = ROLE["screen visits"][0], ROLE["leaflet"][0]
    assert (SERMEQ.labels[page]["languages"], SERMEQ.labels[leaflet]["languages"]) == ("da", "nn")
    for name in (page, leaflet):
        assert SERMEQ.labels[name]["doc_type"] == "other"
        assert fs.BARE in SERMEQ.labels[name]["year_evidence"]
        assert "[email protected]" in SERMEQ.debris_of(name)
        keeps_prose(name)
    assert {"Accepter alle", "Var denne side nyttig?"} <= SERMEQ.debris_of(page)


def test_guidance_pdf_furniture():
    """The guidance drops its footnotes, contents, running heads and page numbers, keeps the
    sentences ending in a footnote mark."""
    name = ROLE["guidance"][0]
    gone, lines = SERMEQ.debris_of(name), SERMEQ.lines[name]
    marks = "¹²"
    notes = {line for line in lines if line.startswith(tuple(marks))}
    marked = {line for line in lines if line.endswith(tuple(marks))}
    assert len(notes) == len(marked) == 2 and notes <= gone and marked.isdisjoint(gone)
    assert all(any(s in line for s in PROSE_OF[name]) for line in marked), marked
    assert {"DMP | Veileder medisindispensere", "3", "4"} <= gone
    assert sum(bool(LEADERS.search(line)) for line in gone) == 4


def test_catalogue_page_fields():
    """The catalogue page's fields are debris, its summary headings are not."""
    name = ROLE["catalogue"][0]
    gone = SERMEQ.debris_of(name)
    assert {"Projektnummer", "000000", "Projektperiode", "2024–2027"} <= gone
    assert not {"Om projektet", "Summary in English"} & gone
    assert SERMEQ.labels[name]["languages"] == "da;en" and not SERMEQ.labels[name]["year"]


def test_news_comments():
    """The comments (signed with handles), their count and the login go; the heading stays."""
    name = ROLE["news"][0]
    gone = SERMEQ.debris_of(name)
    handles = re.compile(r"(?:[a-z]\w*|\w+_\w+): ")
    comments = [line for line in SERMEQ.lines[name] if handles.match(line)]
    assert len(comments) == 3 and gone.issuperset(comments)
    assert gone >= {"3 kommentarer", "Logg inn"} and "Kommentarer" not in gone
    keeps_prose(name)


def test_bilingual_abstract_and_first_page():
    """The bilingual conference abstract is Nynorsk then English; the journal article's first
    page drops its running head, DOI and licence and is an abstract."""
    abstract = ROLE["bilingual abstract"][0]
    assert SERMEQ.labels[abstract]["languages"] == "nn;en"
    page = ROLE["first page"][0]
    gone = SERMEQ.debris_of(page)
    assert SERMEQ.labels[page]["doc_type"] == "abstract"
    assert any(line.startswith("Nordisk sygeplejeforskning, 2023") for line in gone)
    assert any(line.startswith("https://doi.org/") for line in gone)
    assert not {"Sammendrag", "Abstract"} & gone
