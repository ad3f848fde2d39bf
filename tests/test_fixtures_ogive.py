"""Checks of the ogive fixture set (tests/fixtures/exported/ogive), written blind.

Brief: user-controlled personal assistance going digital (BPA in Norway, personlig assistans in
Sweden, borgerstyret personlig assistance under § 96 in Denmark, direct payments in the UK):
timesheets, budgets, employer roles and the apps assistants and users meet. New in this set:
real binary formats, eight PDF files (made as Word files and converted by LibreOffice, their
metadata set afterwards) and four Word files, besides eleven saved pages, seven text copies and
two Markdown pages. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, then to what the
README says about the binaries (page counts, PDF metadata, Word core properties).
"""

import re

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "ogive")
# The <head> fields of the saved pages that carry a date (they must name the labelled year).
META_DATES = {f"article:{kind}_time" for kind in ("published", "modified")} | {
    "citation_publication_date", "event:start_time"}

# Each type and the genres (as the notes open, before " (") that stand for it.
GENRES = {
    "other": ("county council's page", "municipality's page", "news item", "tender notice",
              "slide deck", "council minutes", "call for proposals", "newsletter",
              "press release", "faq page", "blog post"),
    "policy_document": ("policy page", "consultation response", "strategy", "annual report"),
    "project_report": ("catalogue page", "evaluation report", "working paper", "report summary",
                       "final report"),
    "abstract": ("abstract", "thesis record", "poster"),
    "event_programme": ("programme",),
}
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in GENRES.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 2, "consultation response": 3, "pdf": 9,
         "word ": 4, "copied": 4, "pasted": 3, "saved as markdown": 2}
FORMATS = {"html": 11, "pdf": 8, "docx": 4, "txt": 7, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence).
ROLES = {
    "welfare": ("county council's page", {
        "Skip to main content", "Accept all cookies", "Sign in to your direct payment account",
        "Forgotten your password?", "Phone: 03000 000 000", "Was this page helpful?"},
        {"Approve a timesheet online", "Sign in to your direct payment account."}, "en",
        "no year: no 19xx"),
    "municipal": ("municipality's page on bpa", {
        "Hopp til hovedinnhold", "Chat med oss", "Start chat", "Sist oppdatert 14.02.2025",
        "Chatten er bemannet hverdager 09.00–14.00.", "Søk om BPA", "Telefon: 74 00 00 00"},
        {"Åpningstider servicetorget", "Logg inn med BankID.",
         "Mandag til fredag klokken 08.00–15.00. Telefonen er stengt på helligdager."},
        "nb", "2025"),
    "danish": ("danish municipality's page", {
        "Gå til indhold", "Søg om BPA", "Senest opdateret: 3. oktober 2024", "CVR 00 00 00 00"},
        {"Sådan søger du", "Log ind med MitID."}, "da", "2024"),
    "news": ("news item with reader comments", {
        "3 kommentarer", "Skriv en kommentar", "Läs också", "HALMSTAD",
        "Publicerad 18 mars 2025 kl. 06.30"}, set(), "sv", "2025"),
    "journal": ("journal abstract in two languages", {
        "Fagfellevurdert artikkel", "Last ned PDF", "DOI: 10.0000/arbrett.2023.00.00"},
        {"Sammendrag", "Abstract"}, "nb;en", "2023"),
    "catalogue": ("research project's catalogue page", {
        "Project period", "1 Sept 2023 – 31 Aug 2026", "Grant reference", "ES/0000000/0",
        "No research outputs found", "Outputs"}, {"Project summary"}, "en", "no year: only"),
    "thesis": ("master's thesis record", {"Author", "Date of award", "Download (1MB)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2024"),
    "policy": ("council's direct payments policy page", {
        "Skip to content", "Approved by the Executive Board, 22 July 2024",
        "Download this policy (PDF, 240KB)"}, {"Review", "Our commitments"}, "en", "2024"),
    "conference": ("conference programme", {
        "Book your place", "Add to calendar", "Thursday 26 June 2025"},
        {"Programme", "09:45", "What should direct payments look like in 2035?"}, "en", "2025"),
    "tender": ("tender notice", {
        "Tilbodsfrist", "15.10.2024 kl. 12.00", "CPV-kode", "Referanse", "2024/000"},
        {"Kort om oppdraget"}, "nn", "2024"),
    "cooperative": ("consultation response of a user cooperative", {
        "Høringssvar", "Del på Facebook", "Flere høringssvar"},
        {"Til Helse- og omsorgsdepartementet", "Med vennlig hilsen"}, "nb", "2024"),
    "evaluation": ("evaluation report", {
        "Rapport 0/2023", "Mars 2023", "Rapport 0/2023 | 3",
        "Tabell 1. Ordninger og andel timelister godkjent i app, etter kommune"},
        {"Sammendrag", "Summary in English", "Innhold"}, "nb;en", "2023"),
    "strategy": ("municipal strategy", {
        "Side 3 av 4", "Vedteken i kommunestyret 13.06.2024, sak 000/24"},
        {"Innhald", "3 Tiltak"}, "nn", "2024"),
    "paper": ("working paper", {"TIMEWORK Working Paper 0/2025", "March 2025", "2"},
              {"Summary", "1 Introduction"}, "en", "2025"),
    "letter": ("consultation response as a two-page letter", {
        "Muskelsvindfonden", "Jeres sagsnr. 2024-0000", "Side 2 af 2",
        "Aarhus, 4. september 2024"},
        {"Med venlig hilsen", "Social- og Boligministeriet"}, "da", "2024"),
    "slides": ("slide deck", {"Assistansdagen 2025 | Vårdföretagarna | 3"}, {"Slutsatser"},
               "sv", "2025"),
    "poster": ("conference poster", {"SPA Annual Conference 2025 · Poster 00"},
               {"Background", "Methods", "Results", "Conclusion"}, "en", "2025"),
    "annual": ("annual report excerpt", {"Föreningen JAG · Verksamhetsberättelse",
                                         "Stockholm, mars 2025"}, {"Innehåll"}, "sv", "2025"),
    "abstracts": ("book-of-abstracts page", {
        "Disability Studies Conference 2024 · Book of abstracts",
        "Care work at a distance: remote supervision of personal assistants"}, set(), "en",
        "2024"),
    "seminar": ("seminar programme with clock times", {
        "Tisdag 11 november 2025", "Anmäl dig här"}, {"Program", "10.30Avslutning"}, "sv",
        "2025"),
    "theme day": ("theme day programme", {"Dato: Torsdag den 12. marts", "Tilmeld dig"},
                  {"Program", "12.00Frokost"}, "da", "no year: no 19xx"),
    "copied abstract": ("journal abstract copied", {
        "Publicerad: 2022-06-20", "Nyckelord: personlig assistans, tidrapportering, "
        "omsorgsarbete, kön"}, {"Sammanfattning", "Abstract"}, "sv;en", "2022"),
    "newsletter": ("newsletter e-mail", {
        "Sent: 14 May 2025 10:02", "View this email in your browser", "Take the survey"},
        {"TLAP bulletin", "Share your experience"}, "en", "2025"),
    "press": ("press release", {"PRESSEMELDING", "Oslo, 5. juni 2024",
                                "Kommunikasjonsavdelingen, telefon 23 00 00 00"},
              {"Om Aleris"}, "nb", "2024"),
    "pasted report": ("research report summary", {
        "Implement Consulting Group   Analyse af administrationen af BPA-ordninger   3"},
        {"Resumé", "Anbefalinger"}, "da", "no year: only"),
    "faq": ("faq page", {"Fant du det du lette etter?", "Kontakt servicetorget: 76 00 00 00"},
            {"Hvem ser timelistene?"}, "nb", "no year: only"),
    "blog": ("blog post", {"*   [Arkiv](/arkiv)", "[Eldre innlegg](/arkiv/side/2)"},
             {"## Det eg har bede om"}, "nn", "no year: no 19xx"),
    "foundation": ("foundation's project page", {
        "**Projektperiode:** 2021–2023", "**Status:** Afsluttet"}, {"## Slutrapport"}, "da",
        "2023"),
    "minutes": ("council minutes", {"Mødedato | 12.03.2024", "Side 1 af 1"},
                {"2. Digitale timesedler i BPA-ordninger"}, "da", "2024"),
    "programme table": ("seminar programme as a word table", {
        "Tirsdag 21. oktober 2025, Næringslivets Hus, Oslo"},
        {"Program", "09.00 | Registrering og kaffe"}, "nb", "2025"),
    "nynorsk response": ("consultation response in nynorsk", {
        "Vår ref.: | 24/000", "Dato: | 27.11.2024"},
        {"Helse- og omsorgsdepartementet", "Med helsing"}, "nn", "2024"),
    "call": ("call for proposals", {"Sista ansökningsdag | 15 mars 2027"},
             {"Vem kan söka?"}, "sv", "no year: only"),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless FORMS
# gives the exact zero-filled form of that kind.
IDS = dict(row.split(" := ") for row in r"""
phone := (?:Phone|Telefon|telefon|Kundservice|Sentralbord):? (?P<id>\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR|EAN) (?P<id>\d[\d ]*\d)
ISSN := ISSN (?P<id>[\d-]+)
ISBN := ISBN (?P<id>[\d-]+)
DOI := 10\.(?P<id>\d+)/
report number := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
case number := (?:sak |sagsnr\. 20\d\d-|ref\.: \| 24/)(?P<id>\d+)
postal box := Postboks (?P<id>\d+)
grant reference := ES/(?P<id>\d+)/\d
item number := Item ID: (?P<id>\d+)
tender reference := ^20\d\d/(?P<id>\d+)$
poster number := Poster (?P<id>\d+)$
""".strip().splitlines())
FORMS = {"phone": r"03000 000 000|[1-9]\d [0 ]+|0\d\d?-[0 ]+|[0 ]+",
         "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,}\s*\d+$")

# The binaries as the README states them: pages, /Title ("" when absent), the year of
# /CreationDate ("" when the file carries no dates).
PDFS = {
    "p01_inventura_evaluering_digitale_timelister_bpa_nb_en.pdf":
        (5, "Microsoft Word - rapport_v7_endelig.docx", "2025"),
    "p02_sor_aurdal_strategi_bpa_mot_2030_nn.pdf":
        (4, "Brukarstyrt personleg assistanse mot 2030", "2024"),
    "p03_bath_working_paper_timework_en.pdf":
        (4, "Who sees the shift? Timesheet apps in direct payment employment", "2025"),
    "p04_muskelsvindfonden_hoeringssvar_tidsregistrering_bpa_da.pdf": (2, "", "2024"),
    "p05_vardforetagarna_bildspel_tidrapport_assistans_sv.pdf": (5, "PowerPoint Presentation", ""),
    "p06_spa_poster_paper_phone_platform_en.pdf": (1, "", ""),
    "p07_jag_verksamhetsberattelse_utdrag_tidrapport_sv.pdf":
        (4, "Verksamhetsberättelse 2024", "2025"),
    "p08_lancaster_book_of_abstracts_timesheets_en.pdf": (1, "Untitled", "2024"),
}
JUNK_TITLES = {"Microsoft Word - rapport_v7_endelig.docx", "PowerPoint Presentation", "Untitled"}
COVERS = {"p01_inventura_evaluering_digitale_timelister_bpa_nb_en.pdf",
          "p02_sor_aurdal_strategi_bpa_mot_2030_nn.pdf",
          "p03_bath_working_paper_timework_en.pdf",
          "p07_jag_verksamhetsberattelse_utdrag_tidrapport_sv.pdf"}
# Word files: author, title ("" when unset), created year, modified year.
WORDS = {
    "w01_hilleroed_handicapraad_referat_bpa_timesedler_da.docx":
        ("Hillerød Kommune", "Referat Handicaprådet", 2016, 2024),
    "w02_nho_geneo_fagdag_bpa_program_nb.docx": ("NHO Geneo", "Program fagdag BPA", 2025, 2025),
    "w03_utsira_hoyringsfrasegn_timelister_bpa_nn.docx": ("Saksbehandlar", "", 2024, 2024),
    "w04_promobilia_utlysning_digitala_verktyg_assistans_sv.docx":
        ("Stiftelsen Promobilia", "Utlysning digitala verktyg", 2026, 2026),
}


def document_of(role: str) -> str:
    """The file whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def staying(name: str) -> set[str]:
    """A document's visible lines that are not debris."""
    return {line for line in SET.lines[name] if line not in SET.debris_of(name)}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields,
    the type its genre names, later years of its prose named in its evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree and every role has a document of its own; the mix
    of formats, types and languages the brief asks for; genres named; year situations and
    traps; the consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(ROLES) == len(labels) == 32
    counts = fs.column_counts(labels)
    assert counts["format"] == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    assert all(tags[code] >= 3 for code in fs.LANGUAGES), tags
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert len(bilingual) >= 4 and set(parts) == fs.LANGUAGES
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == [] and len(traps["glued"]) == 2
    SET.consultations_check(3)


def test_programmes_identifiers_contents():
    """Only the copied programmes glue clock times to titles (four kept lines or more each,
    none debris); the table programmes keep their slots apart; every kind of identifier is
    present and zero-filled; thirteen dot-leader contents lines in three PDFs, all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    copied = {n for n in programmes if n.endswith(".txt")}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued == copied and len(copied) == 2 and len(programmes) == 4
    for name in copied:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(DOT_LEADER, 13)
    with_contents = {n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}
    assert len(with_contents) == 3 and all(n.endswith(".pdf") for n in with_contents)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """One row of the role table: its furniture in the debris, its headings, steps or rows
    visible and outside the debris, its languages and the kind of its year evidence, and three
    or four prose sentences."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = document_of(role)
    label, debris, visible = SET.labels[name], SET.debris_of(name), set(SET.lines[name])
    assert (sorted(gone - debris), sorted(stay & debris), sorted(stay - visible)) == ([], [], [])
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert label["notes"].lower().startswith(opening) and 3 <= len(SET.sentences(name)) <= 4


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """A PDF's page count and metadata as the README states them: /Title real (the labelled
    title), junk or absent; /CreationDate in the labelled year, absent with /ModDate in the two
    undated files, or two years or more after the cover in the re-exported one (whose evidence
    names the property); every page but a cover carries a debris line with its number
    ("… | 3", "3", "Side 3 av 4")."""
    pages, title, created = PDFS[name]
    reader, label = PdfReader(SET.folder / name), SET.labels[name]
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title", "") == title
    assert title in ("", label["title"]) or title in JUNK_TITLES
    assert "python-docx" not in str(dict(meta))
    if not created:
        assert "/CreationDate" not in meta and "/ModDate" not in meta
    else:
        assert meta["/CreationDate"][2:6] == created
        if created != label["year"]:
            assert int(created) - int(label["year"]) >= 2
            assert "/CreationDate" in label["year_evidence"]
    for number, page in enumerate(reader.pages, 1):
        lines = {line.strip() for line in (page.extract_text() or "").split("\n")}
        numbered = {line for line in lines & SET.debris_of(name)
                    if re.search(rf"(?<!\d){number}(?:$| av \d| af \d)", line)}
        assert numbered or (number == 1 and (name in COVERS or pages == 1)), (name, number)


def test_pdf_mix():
    """Most PDFs carry /CreationDate in their year; two carry no dates; one is re-exported;
    /Title real in three, junk in three, absent in two; reports of three pages or more."""
    created = [c for _, _, c in PDFS.values()]
    titles = [t for _, t, _ in PDFS.values()]
    assert created.count("") == 2
    assert sum(c != SET.labels[n]["year"] for n, (_, _, c) in PDFS.items() if c) == 1
    assert sum(t in JUNK_TITLES for t in titles) == 3 and titles.count("") == 2
    assert all(PDFS[n][0] >= 3 for n in COVERS)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_word(name):
    """A Word file's core properties as the README states them (an organisation or a role as
    author, never python-docx), and its header and footer lines are debris."""
    author, title, created, modified = WORDS[name]
    document = docx.Document(str(SET.folder / name))
    props = document.core_properties
    assert (props.author, props.title) == (author, title)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert "python-docx" not in " ".join(
        str(v) for v in (props.author, props.last_modified_by, props.comments))
    assert props.last_modified_by and props.revision > 1
    furniture = {p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
    year = SET.labels[name]["year"]
    assert not year or int(year) == modified


def test_brief_details():
    """The welfare page keeps its four steps; the news item's three handle-signed comments go
    and its quotation stays; the working paper drops both footnote lines, while the sentence
    that carries their marks stays in the text; the minutes' heading table is debris and the
    programme table's rows stay; the catalogue page and the working paper share the TIMEWORK
    project; one Word file's created year is years off."""
    welfare = document_of("welfare")
    steps = ("Sign in to", "Open Timesheets", "Check the hours", "Approve the timesheet")
    assert len({line for line in staying(welfare) if line.startswith(steps)}) == 4
    news = document_of("news")
    comments = {line for line in SET.lines[news] if re.match(r"[\w]+: ", line)
                and not line.startswith(("Kundservice", "Ansvarig"))}
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    assert any(s.startswith("– ") for s in SET.sentences(news))
    paper = document_of("paper")
    notes = {line for line in SET.lines[paper] if line[0] in "¹²"}
    assert len(notes) == 2 and notes <= SET.debris_of(paper)
    assert "apps.²" in fs.flat(fs.visible_text(SET.folder / paper))
    minutes, table = document_of("minutes"), document_of("programme table")
    assert len([line for line in SET.debris_of(minutes) if " | " in line]) == 5
    assert len([line for line in staying(table) if re.match(r"\d\d\.\d\d \| ", line)]) == 9
    assert "TIMEWORK" in SET.labels[document_of("catalogue")]["title"]
    assert any("TIMEWORK" in s for s in SET.sentences(paper))
    assert sum(created != modified for _, _, created, modified in WORDS.values()) == 1
