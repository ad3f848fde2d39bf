"""Checks of the kolk fixture set (tests/fixtures/exported/kolk), written blind.

Its brief: citizens' access to their own welfare case files and records online (innsyn,
aktindsigt, partsinsyn). A welfare agency's page on seeing your own case documents online (a
step list, a login box, a cookie banner); a municipality's child welfare page on requesting
access to your file with opening hours and a chat widget; a Danish municipality's page on
digital access to records; a Swedish municipality's page on requesting your social services
file by e-service; an ombudsman's statement on logs and access; a ministry's consultation paper
excerpt on a new access right (a PDF with contents and footnotes); an evaluation report's
summary with an English summary; a research project's catalogue page and its working paper; a
seminar programme with clock times glued to talk titles; journal abstracts (one bilingual); a
master's thesis record from a university archive; a news item with reader comments; a Nynorsk
guide for caseworkers. English, Bokmål, Nynorsk, Danish, Swedish.

Nothing here runs the import. The set is read once by fixturesets.LabelledSet; the shared rules
of fixturesets are applied first (per document, then for the whole set), the brief's own
checks after them.
"""

import re

import fixturesets as fs
import pytest

KOLK = fs.LabelledSet(fs.SETS / "kolk")
NAMES = KOLK.on_disk
HEAD_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Each role of the brief: the opening of the notes of the one document that holds it.
ROLES = {
    "welfare": "welfare agency's page on seeing your own case documents online",
    "municipality": "municipality's child welfare page on requesting access to your file",
    "danish": "danish municipality's page on digital access to records",
    "swedish": "swedish municipality's page on requesting your social services file",
    "ombudsman": "ombudsman's statement on logs and access",
    "consultation": "ministry's consultation paper excerpt on a new access right",
    "evaluation": "evaluation report's summary with an english summary",
    "catalogue": "research project's catalogue page",
    "paper": "working paper of the research project",
    "seminar": "seminar programme with clock times glued to talk titles",
    "bilingual abstract": "journal abstract in two languages",
    "thesis": "master's thesis record from a university archive",
    "news": "news item with reader comments",
    "guide": "nynorsk guide for caseworkers",
}
# Genres the notes must name, with the least number of documents naming each.
GENRES = {"clock times glued to talk titles": 4, "journal abstract": 6,
          "consultation response": 5, "as a pdf": 8, "copied": 8, "saved as markdown": 2}

# The words of a notes' opening genre (text before " (") for each type; exactly one must match.
TYPE_WORDS = {
    "other": r"welfare agency's page|child welfare page|danish municipality's page|"
             r"swedish municipality's page|ombudsman's statement|news item|guide for caseworkers|"
             r"faq page|blog post",
    "policy_document": r"consultation paper|consultation response|action plan|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}
TYPE_RULES = {kind: re.compile(words) for kind, words in TYPE_WORDS.items()}

# Identifiers, one kind a row: its name, then after " := " the pattern that finds it (group
# `id` is its number part). FORMS gives the exact form of the number for the phones; for the
# rest the number may hold zeros and separators only.
IDENTIFIER_TABLE = r"""
phone := (?:Telephone|Telefon): (?P<id>\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISBN := ISBN 978-82-(?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := Rapport 20\d\d:(?P<id>\d+)
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z.]*(?:20\d\d\.)?(?P<id>\d+)
postal box := (?:Postboks|PO Box|Box) (?P<id>\d+)
case number := (?:Saksnummer \d\d/|Deres ref\.: \d\d/|J\.nr\. 20\d\d-|KS 20\d\d\.)(?P<id>\d+)
reference := Vår ref\.: 20\d\d/(?P<id>\d+)
handle := hdl\.handle\.net/(?P<id>[\d/]+)
journal reference := U 20\d\dB\.(?P<id>\d+)
"""
FINDERS = dict(row.split(" := ", 1) for row in IDENTIFIER_TABLE.strip().splitlines())
FORMS = {"phone": r"(?:0\d{1,3}-|0800 |[1-9]\d )[0 -]+"}
LEADERS = re.compile(r"\.{10,} \d+$")


def role(name: str) -> str:
    """The document holding a role of the brief (fixturesets.by_notes: exactly one)."""
    return fs.by_notes(KOLK.labels, ROLES[name])


def prose_kept(name: str) -> bool:
    found = KOLK.sentences(name)
    return len(found) >= 3 and not set(found) & KOLK.debris_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document(name):
    """Shared label and placement rules, the saved page's head and fields, the type named by the
    genre that opens its notes, and later years of its prose named in its evidence."""
    KOLK.each_document_check(name, HEAD_DATES, TYPE_RULES)


def test_files_readme_and_roles():
    """One label row a document in file order, CRLF CSVs, README tables that agree, and every
    role of the brief held by one document."""
    KOLK.roles_check(ROLES)


def test_mix_languages_traps_and_consultations():
    """Size, formats and types; languages (each alone at least three times, seven bilingual
    documents opened by five languages, abstracts among them); genres; year situations and
    traps; every consultation response typed policy_document."""
    labels = KOLK.labels
    fs.size_check(labels, {"html": (17, 20), "txt": (14, 18), "md": (1, 2)})
    fs.language_check(labels, {"en": 12, "nb": 9, "nn": 5, "da": 5, "sv": 5}, 3)
    KOLK.bilingual_check(7, 3)
    assert fs.missing_genres(labels, GENRES) == {}
    fs.trap_check(labels, KOLK.prose, KOLK.lines)
    KOLK.consultations_check(5)


def test_glued_timetables_and_zero_filled_identifiers():
    """Programmes, and only they, glue clock times to titles (four lines or more each, none of
    them debris); every identifier kind occurs, zero-filled."""
    KOLK.glued_check()
    KOLK.identifiers_check(FINDERS, FORMS)


def test_fields_markdown_and_contents():
    """Three saved pages with field lists (debris by page_check), no kept bold field line in
    Markdown, and ten dot-leader contents lines or more, all debris."""
    assert KOLK.field_pages() >= 3
    assert KOLK.kept_markdown_fields() == []
    KOLK.contents_check(LEADERS, 10)


# For a role of the brief: lines that must be debris, visible lines that must stay (neutral or
# prose), the languages label and, if set, the opening of its year evidence.
ROLE_LINES = {
    "welfare": ({"Accept analytics cookies", "Cookies on this website", "Skip to main content",
                 "Sign in to your account", "Username", "Password"},
                {"How to see your documents", "Before you start"}, "en", ""),
    "municipality": ({"Chat med oss", "Start chat", "Godta alle", "Hopp til hovedinnhold",
                      "Chatten er åpen mandag til fredag 09.00–14.00"},
                     {"Åpningstider", "Mandag til fredag 08.00–15.30"}, "nb", "no year: no 19xx"),
    "danish": ({"Søg om aktindsigt (MitID)", "Gå til indhold", "Opdateret 3. september 2024"},
               {"Sådan søger du digitalt"}, "da", ""),
    "swedish": ({"Till e-tjänsten", "Lättläst", "Till innehållet"},
                {"Så gör du", "Vad händer sedan?"}, "sv", "no year: no 19xx"),
    "ombudsman": ({"Statement", "Share this page", "Related news"}, set(), "en", ""),
    "consultation": ({"Høringsnotat", "Saksnummer 21/000", "3", "4", "5",
                      "Høringsnotat – innsyn i logg"},
                     {"Innhold", "1 Innledning", "2 Gjeldende rett"}, "nb", ""),
    "catalogue": ({"Projektperiod", "2023–2026", "Diarienummer", "0000-00000",
                   "Inga publikationer hittades"},
                  {"Om projektet", "Summary in English"}, "sv;en", "no year: only"),
    "evaluation": ({"Analyse & Strategi", "Rapport 2023:00", "ISBN 978-82-0000-000-0"},
                   {"English summary"}, "nb;en", ""),
    "thesis": ({"Author", "Issue Date", "Download full text (PDF)", "Files in This Item"},
               {"Abstract", "Sammendrag på norsk"}, "en;nb", ""),
    "news": ({"3 kommentarer", "Relaterte artikler", "Skriv en kommentar"}, {"Kommentarer"},
             "nb", ""),
    "guide": ({"Telefon: 32 00 00 00", "[email protected]", "Tenestetorget"},
              {"Når nokon ber om innsyn", "Registrer kravet i sakssystemet same dag."}, "nn",
              "no year: no 19xx"),
}


@pytest.mark.parametrize("key", sorted(ROLE_LINES))
def test_role_lines(key):
    """Each listed role drops its furniture, keeps its headings or steps and its prose, and has
    its languages (and, for the undated ones, the kind of its year evidence)."""
    name = role(key)
    gone, kept, languages, evidence = ROLE_LINES[key]
    label = KOLK.labels[name]
    assert gone <= KOLK.debris_of(name), gone - KOLK.debris_of(name)
    assert kept <= set(KOLK.lines[name]) - KOLK.debris_of(name)
    assert (label["languages"], label["year_evidence"].startswith(evidence)) == (languages, True)
    assert prose_kept(name)


def test_steps_login_box_and_signed_comments():
    """The welfare page keeps its four steps and the guide its four; the news item's three
    handle-signed comments go and the quoted sentence stays."""
    for key, openings in (("welfare", ("Sign in to your account with", "Choose '", "Select a",
                                       "Open a")),
                          ("guide", ("Registrer", "Finn alle", "Vurder", "Send innsynet"))):
        steps = {line for line in KOLK.lines[role(key)] if line.startswith(openings)}
        assert len(steps) == len(openings) and not steps & KOLK.debris_of(role(key)), key
    news = role("news")
    signed = {line for line in KOLK.lines[news] if re.match(r"[a-zæøå][a-zæøå_0-9]*: ", line)}
    assert len(signed) == 3 and signed <= KOLK.debris_of(news)
    assert any(s.startswith("– ") for s in KOLK.sentences(news))


def test_consultation_footnotes_and_the_project_name():
    """The consultation paper's two footnotes go, the two sentences calling them are prose, its
    four contents lines are debris; MINAKT titles the catalogue page and shows in the working
    paper, a project report."""
    paper_ = role("consultation")
    notes = {line for line in KOLK.lines[paper_] if line[0] in "¹²"}
    calls = {line for line in KOLK.lines[paper_] if line[-1] in "¹²"}
    assert len(notes) == len(calls) == 2
    assert notes <= KOLK.debris_of(paper_) and calls <= set(KOLK.sentences(paper_))
    assert sum(bool(LEADERS.search(line)) for line in KOLK.debris_of(paper_)) == 4
    paper = role("paper")
    assert "MINAKT" in KOLK.labels[role("catalogue")]["title"]
    assert KOLK.labels[paper]["doc_type"] == "project_report"
    assert any("MINAKT" in s for s in KOLK.sentences(paper))
