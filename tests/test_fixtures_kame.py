"""Checks of the kame fixture set (tests/fixtures/exported/kame), written blind.

Its brief: household energy costs and welfare going digital. A consumer authority's page on the
electricity support scheme for households (a calculator widget and a cookie banner); a
municipality's social services page on emergency help with power bills (opening hours and a chat
widget); a Danish agency's page on the heating cheque paid automatically; a Swedish agency's page
on the electricity price compensation paid out automatically; a poverty organisation's statement
on people left out of automatic payments; a ministry's proposition excerpt (a PDF with contents
and footnotes); a research institute's report summary on energy poverty with an English summary;
a research project's catalogue page and its working paper; a seminar programme with clock times
glued to talk titles; journal abstracts (one bilingual); a master's thesis record from a
university archive; a news item with reader comments; a Nynorsk guide for tenants in municipal
housing. English, Bokmål, Nynorsk, Danish, Swedish.

The import is never run here. The set is read once (fixturesets.LabelledSet); the shared rules
of fixturesets run per document and over the set, then the brief's own roles are checked, each
found by how its notes begin (fixturesets.by_notes).
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

KAME = fs.LabelledSet(fs.SETS / "kame")
LABELS = KAME.labels

# Head fields that date a saved page here; where one is present it names the labelled year.
DATED_BY = {"article:published_time", "article:modified_time", "citation_publication_date",
            "event:start_time"}

# Phrases of the brief and how many documents' notes must name each.
BRIEF = {
    "consumer authority's page on the electricity support scheme": 1,
    "with a calculator widget and a cookie banner": 1,
    "municipality's social services page on emergency help with power bills": 1,
    "with opening hours and a chat widget": 1,
    "danish agency's page on the heating cheque paid automatically": 1,
    "swedish agency's page on the electricity price compensation paid out automatically": 1,
    "poverty organisation's statement on people left out of automatic payments": 1,
    "ministry's proposition excerpt": 1,
    "a pdf with contents, running heads and footnotes": 1,
    "research institute's report summary on energy poverty with an english summary": 1,
    "research project's catalogue page": 1,
    "working paper of the research project": 1,
    "seminar programme with clock times glued to talk titles": 1,
    "clock times glued to talk titles": 5,
    "journal abstract": 4,
    "journal abstract in two languages": 1,
    "master's thesis record from a university archive": 1,
    "news item with reader comments": 1,
    "nynorsk guide for tenants in municipal housing": 1,
}

# Words of the genre that opens a document's notes, for each type.
KINDS = {
    "other": "consumer authority's page|social services page|agency's page|statement|"
             "news item|guide for tenants|faq page|blog post",
    "policy_document": "proposition excerpt|agency report|municipal (?:action )?plan",
    "project_report": "report summary|catalogue page|working paper|final report|project page",
    "abstract": "abstract|thesis record",
    "event_programme": "programme",
}
KIND_RULES = {kind: re.compile(words) for kind, words in KINDS.items()}

# The roles of the brief: each is held by the one document whose notes begin so.
ROLES = {
    "consumer": "consumer authority's page", "chat": "municipality's social services page",
    "heating cheque": "danish agency's page", "compensation": "swedish agency's page",
    "statement": "poverty organisation's statement", "proposition": "ministry's proposition",
    "report summary": "research institute's report summary",
    "catalogue": "research project's catalogue page",
    "working paper": "working paper of the research project",
    "thesis": "master's thesis record", "news": "news item with reader comments",
    "guide": "nynorsk guide for tenants",
}

# Identifiers: (kind, finder with an `id` group, exact form of the id or None for zeros and
# separators only).
IDENTIFIERS = [
    ("phone", r"(?:Telefon|Telephone|Sentralbord): (?P<id>\d[\d -]*\d)",
     r"(?:[1-9]\d{0,2} |0\d{1,3}[- ])[0 -]+"),
    ("organisation number", r"(?:Org\.nr\.?|CVR) (?P<id>\d[\d -]*\d)", None),
    ("ISBN", r"ISBN (?P<id>[\d-]+)", r"978-8[27]-[0-]+"),
    ("ISSN", r"ISSN (?P<id>[\d-]+)", None),
    ("report number", r"[Rr]apport 20\d\d:(?P<id>\d+)", None),
    ("report number by year", r"rapport (?P<id>\d+)/20\d\d", None),
    ("working paper", r"Working Paper (?P<id>\d+)/20\d\d", None),
    ("DOI", r"10\.0000/[a-z.]+(?:20\d\d\.)?(?P<id>[\d.\-]*\d)", None),
    ("postal box", r"(?:Postboks|Box) (?P<id>\d+)", None),
    ("project number", r"P20\d\d-(?P<id>\d+)", r"0{5}"),
    ("proposition", r"Prop\. (?P<id>\d+) L", None),
    ("case number", r"saksnummer (?P<id>[\d/]+)", None),
    ("section", r"§ (?P<id>\d+)", None),
]
LEADER_LINE = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    return fs.by_notes(LABELS, ROLES[role])


def prose_survives(name: str) -> bool:
    """Three prose sentences or more and none of them a debris line."""
    found = KAME.sentences(name)
    return len(found) >= 3 and not KAME.debris_of(name).intersection(found)


@pytest.mark.parametrize("name", KAME.on_disk)
def test_document(name):
    """Shared label and placement rules, the saved page's head and fields, the notes' genre
    naming the labelled type alone, and later years of prose named in the year evidence."""
    KAME.document_check(name)
    if name.endswith(".html"):
        KAME.page_check(name, DATED_BY)
    label = LABELS[name]
    assert fs.genre_types(label["notes"], KIND_RULES) == {label["doc_type"]}
    later = [y for s in KAME.sentences(name) for y in fs.YEAR.findall(s)
             if label["year"] and int(y) > int(label["year"])]
    assert [y for y in later if y not in label["year_evidence"]] == []


def test_set_files_tables_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables and overview true, and
    every role of the brief held once."""
    fs.files_check(KAME.folder, LABELS)
    fs.readme_check(KAME.folder, LABELS, KAME.debris, KAME.prose)
    held = [holder(role) for role in ROLES]
    assert len(set(held)) == len(ROLES)


def test_set_mix():
    """Size, formats and types; languages; the brief's genres; year situations and traps; a
    bilingual journal abstract among six bilingual documents or more."""
    assert fs.missing_genres(LABELS, BRIEF) == {}
    fs.size_check(LABELS, {"html": (17, 20), "txt": (15, 18), "md": (1, 2)})
    fs.language_check(LABELS, {"en": 12, "nb": 10, "nn": 5, "da": 5, "sv": 5}, 4)
    fs.trap_check(LABELS, KAME.prose, KAME.lines)
    pairs = Counter(label["doc_type"] for label in LABELS.values() if ";" in label["languages"])
    assert sum(pairs.values()) >= 6 and pairs["abstract"] >= 1, pairs
    assert LABELS[fs.by_notes(LABELS, "journal abstract in two languages")]["languages"] == "nb;en"


def test_programmes_glue_times_and_keep_them():
    """The documents gluing a clock time to a title are the programmes, each with four glued
    lines or more, and no glued line is debris."""
    glued = {name: {line for line in lines if fs.GLUED_TIME.search(line)}
             for name, lines in KAME.lines.items()}
    with_glue = {name for name, found in glued.items() if found}
    assert with_glue == {n for n in LABELS if LABELS[n]["doc_type"] == "event_programme"}
    assert min(len(glued[name]) for name in with_glue) >= 4
    assert all(glued[name].isdisjoint(KAME.debris_of(name)) for name in with_glue)


def test_identifiers_zero_filled():
    """Every identifier kind of the set occurs, each zero-filled in its real format."""
    finders = {kind: re.compile(finder) for kind, finder, _ in IDENTIFIERS}
    forms = {kind: re.compile(form) for kind, _, form in IDENTIFIERS if form}
    seen, wrong = fs.identifier_misses(KAME.lines, finders, forms, "0 /-.")
    assert wrong == []
    assert set(seen) == set(finders), set(finders) - set(seen)


def test_field_lists_and_contents_are_debris():
    """Field lists on four saved pages or more, no Markdown field line kept, and fifteen
    dot-leader contents lines or more, all debris."""
    assert KAME.field_pages() >= 4 and not KAME.kept_markdown_fields()
    leaders = [(name, line) for name, lines in KAME.lines.items() for line in lines
               if LEADER_LINE.search(line)]
    assert len(leaders) >= 15
    assert all(line in KAME.debris_of(name) for name, line in leaders)


def test_consumer_page_calculator_and_cookies():
    """The consumer authority's page drops its calculator widget and cookie banner and keeps the
    sentence saying the support is deducted automatically."""
    name = holder("consumer")
    widget = {"Regn ut strømstøtten din", "Forbruk i måneden (kWh)", "Beregn",
              "Kalkulatoren gir et anslag og er ikke bindende.", "Godta alle", "Bare nødvendige"}
    assert widget <= KAME.debris_of(name)
    assert prose_survives(name) and any("automatisk" in s for s in KAME.sentences(name))


def test_chat_widget_and_opening_hours():
    """The municipal page's chat widget and opening hours go; its heading over the hours and the
    sentence naming the chat's hours stay."""
    page = holder("chat")
    assert {"Chat med NAV Porsgrunn", "Start chat", "Mandag–fredag", "09.00–15.00"} <= \
        KAME.debris_of(page)
    assert "Åpningstider" not in KAME.debris_of(page)
    assert [s for s in KAME.sentences(page) if "klokken 10.00 og 14.00" in s]


@pytest.mark.parametrize("role,language,skip_link", [
    ("heating cheque", "da", "Gå til indhold"), ("compensation", "sv", "Till innehållet")])
def test_automatic_payment_pages(role, language, skip_link):
    """The Danish and Swedish agencies' pages keep their sentences on automatic payment and drop
    their skip links; the Swedish page has no year at all."""
    page = holder(role)
    assert LABELS[page]["languages"] == language and skip_link in KAME.debris_of(page)
    assert prose_survives(page) and any("automati" in s for s in KAME.sentences(page))
    assert language == "da" or fs.BARE in LABELS[page]["year_evidence"]


def test_statement_kicker_and_share_bar():
    statement = holder("statement")
    assert {"Uttalelse", "Del på Facebook", "Kopier lenke"} <= KAME.debris_of(statement)
    assert prose_survives(statement)


def test_news_comments():
    """The four comments (signed with handles) and their count go; the heading over them and
    the quotation opened by a dash stay."""
    news = holder("news")
    text = KAME.lines[news]
    thread = text[text.index("Kommentarer") + 1:text.index("Skriv en kommentar")]
    handles = [line for line in thread if re.match(r"[\wø]+: ", line)]
    assert len(handles) == 4 and set(handles) | {"4 kommentarer"} <= KAME.debris_of(news)
    assert "Kommentarer" not in KAME.debris_of(news)
    assert any(s.startswith("– ") for s in KAME.sentences(news))


def test_proposition_pdf_furniture():
    """The proposition drops its number and session, contents lines and footnotes and keeps the
    lines that end in footnote marks; its later year is when the change takes effect."""
    prop = holder("proposition")
    marks = "¹²"
    notes = {line for line in KAME.lines[prop] if line[0] in marks}
    callers = {line for line in KAME.lines[prop] if line[-1] in marks}
    gone = KAME.debris_of(prop)
    assert len(notes) == len(callers) == 2 and notes <= gone and not callers & gone
    assert [s for s in KAME.sentences(prop) if s.endswith("¹")]
    assert {"Prop. 000 L", "(2024–2025)"} <= gone
    assert sum(bool(LEADER_LINE.search(line)) for line in gone) == 4
    assert "2026" in LABELS[prop]["year_evidence"]


def test_report_summary_catalogue_and_working_paper():
    """The report summary is bilingual; the catalogue page is undated, its fields are debris and
    its summary headings are not; KALLHEM titles it and shows in the working paper, a project
    report."""
    assert LABELS[holder("report summary")]["languages"] == "nb;en"
    page = holder("catalogue")
    assert {"Diarienummer", "2024-000000", "Projektperiod", "2024–2027"} <= KAME.debris_of(page)
    assert not {"Sammanfattning", "Summary in English"} & KAME.debris_of(page)
    assert "KALLHEM" in LABELS[page]["title"] and not LABELS[page]["year"]
    paper = holder("working paper")
    assert LABELS[paper]["doc_type"] == "project_report"
    assert any("KALLHEM" in s for s in KAME.sentences(paper))


def test_thesis_record_and_guide():
    """The thesis record is bilingual with its fields as debris and its abstract headings kept;
    the Nynorsk guide has no year at all, keeps its steps and drops its contact block."""
    thesis = holder("thesis")
    assert LABELS[thesis]["languages"] == "sv;en"
    assert {"Författare", "Publiceringsår", "Handledare"} <= KAME.debris_of(thesis)
    assert not {"Sammanfattning", "Abstract"} & KAME.debris_of(thesis)
    guide = holder("guide")
    assert LABELS[guide]["languages"] == "nn" and fs.BARE in LABELS[guide]["year_evidence"]
    steps = [line for line in KAME.lines[guide] if line.startswith(("Opne", "Sjekk", "Ta kontakt"))]
    assert len(steps) == 3 and not set(steps) & KAME.debris_of(guide)
    assert {"Telefon: 35 00 00 00", "[email protected]"} <= KAME.debris_of(guide)
