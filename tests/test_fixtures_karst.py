"""Checks of the karst fixture set (tests/fixtures/exported/karst), written blind.

Brief: how home-delivered meals and meal services for older people are applied for and ordered
digitally (matombringing, madservice, matdistribution, meals on wheels; ordering apps and
tablets, municipal allocation). 32 documents in six formats: saved pages, pages saved by
Chrome as one .mhtml file, pages printed to PDF by the browser, PDFs made by a word processor,
Word files, text copies and Markdown. The import is never run here: the labels, debris and prose
are held to the shared conventions of fixturesets and then to the brief, and the binaries'
page counts and properties to what the set's README states.
"""

import datetime
import re

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "karst")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|written question|municipality's (?:page|news item)|news item|"
             r"service page|newsletter|tender notice|blog post|council minutes|press release|"
             r"slide deck|call for proposals",
    "policy_document": r"consultation response|strategy|"
                       r"annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report page",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
NAMED = {"as a pdf": 6, "exported to pdf": 1, "printed to pdf by the browser": 2,
         "as a word file": 4, "copied": 4,
         "pasted": 2, "saved as markdown": 2, "clock times glued to talk titles": 3,
         "consultation response": 2}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages,
# opening of the year evidence).
ROLES = {
    "agency": ("agency page on ordering home-delivered meals online",
               {"Hopp til hovedinnhold", "Godta alle", "Start chat", "Sist oppdatert 14.05.2024"},
               {"Slik gjør du", "Velg dager og retter for neste uke."}, "nb", "«Sist oppdatert"),
    "madservice": ("municipality's page on applying for madservice",
                   {"Log ind med MitID", "Åbningstider", "Fredag 8.00–13.00",
                    "Denne side bruger cookies"},
                   {"Sådan søger du"}, "da", "no year: no 19xx"),
    "comments": ("news item with reader comments",
                 {"2 kommentarer", "seniorkari: Min far fikk feil middag tre uker på rad."},
                 {"Kommentarer"}, "nb", "«Publisert"),
    "question": ("council member's written question",
                 {"Spørgsmål nr. 000", "Besvaret: 14. april 2023"}, {"Spørgsmål", "Svar"},
                 "da", "«Besvaret"),
    "tender": ("tender notice", {"Tilbudsfrist", "15.01.2027", "Kontraktperiode"},
               {"Beskrivelse"}, "da", "no year: only"),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Saksnr. | 24/00000",
                                    "Protokoll 12.03.2024"}, {"Vedtak"}, "nb", "«Møtedato"),
    "evaluation": ("evaluation report with an english summary",
                   {"Side 3 av 4", "Rapport 0/2020", "Nordvest analyse – Rapport 0/2020",
                    "¹ Tall fra kommunens fagsystem.",
                    "Tabell 1: Bestillinger etter måte, siste kvartal"},
                   {"Sammendrag", "Summary in English", "Nettbrett 41 %"}, "nb;en",
                   "«Rapport 0/2020"),
    "slides": ("slide deck", {"Nordic Meals Forum 2024 · Slide 2"}, {"Why tablets?"}, "en",
               "«Nordic Meals Forum 2024"),
    "letter": ("consultation response as a two-page letter",
               {"Sagsnr. 25/00000", "Side 2 af 2", "18. februar 2025"},
               {"Med venlig hilsen", "Formand for Ældrerådet"}, "da", "«18. februar 2025"),
    "call": ("call for proposals", {"Deadline: 14 April 2027", "Call for proposals | page 2"},
             {"Contents", "2 Who can apply"}, "en", "no year: only"),
    "printed": ("conference programme page printed to pdf",
                {"Skip to content", "Contact: [email protected]"},
                {"12:00Lunch", "09:00Registration and coffee"}, "en", "«Thursday 18 April 2024"),
}

# file: (pages, /Title or None when absent, year of /CreationDate or None when absent)
PDFS = {
    "c01_meal_forum_programme_print_en.pdf": (1, "Nordic Meals Forum – Nordic Meals Forum",
                                              "print"),
    "c02_matdigi_final_report_page_print_en_sv.pdf": (1, "MÅLTID-IT – Tablets at the table",
                                                      "print"),
    "p01_evaluering_digital_matombringing_nb_en.pdf": (4,
                                                       "Microsoft Word - rapport_v7_endelig.docx",
                                                       "2023"),
    "p02_strategi_mat_og_maltid_mot_2030_nn.pdf": (4, "Mat og måltid i heimetenesta mot 2030",
                                                   "2024"),
    "p03_arsredovisning_utdrag_maltid_sv.pdf": (4, "Untitled", None),
    "p04_slides_meals_on_wheels_tablets_en.pdf": (4, "PowerPoint Presentation", "2024"),
    "p05_hoeringssvar_madordning_brev_da.pdf": (2, None, "2025"),
    "p06_poster_matlador_surfplatta_sv.pdf": (1, "poster_final_A0", "2023"),
    "p07_call_meal_services_innovation_en.pdf": (3, None, None),
}
# file: (author, title or "", created year, last_modified_by)
DOCX = {
    "d01_eldreraad_protokoll_matombringing_nb.docx": ("Politisk sekretariat",
                                                      "Protokoll eldrerådet 12.03.2024", 2024,
                                                      "Saksbehandler"),
    "d02_halvdag_matdistribution_program_sv.docx": ("Länsnätverket för äldreomsorg", "", 2025,
                                                    "Samordnare"),
    "d03_matdigi_working_paper_en.docx": ("MATDIGI project group", "Who orders the dinner?", 2025,
                                          "Project coordinator"),
    "d04_pressemeddelelse_madservice_app_da.docx": ("Kommunikation", "Pressemeddelelse", 2019,
                                                    "Kommunikation"),
}
DOT_LEADER = re.compile(r"\.{10,}\d+$")
PAGE_FOOT = re.compile(
    r"^(?:Side \d av \d|Sida \d av \d|Side \d af \d|.* \| \d|.*page \d|.*Slide \d)$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head, its genre's type, and every
    later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files and README tables; 32 documents in the brief's formats; all five types four times
    or more; each language alone three times and four bilingual documents; the genres named;
    three documents of each year situation; consultation responses typed policy_document."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats, types, tags = (SET.by_column[key] for key in ("format", "doc_type",
                                                           "languages (label)"))
    alone = {code: tags[code] for code in sorted(fs.LANGUAGES)}
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert (len(labels), dict(formats), set(types)) == (32, FORMATS, fs.TYPES)
    assert min(types.values()) >= 4 and min(alone.values()) >= 3, (types, alone)
    assert len(bilingual) >= 4 and len({tag[:2] for tag in bilingual}) >= 3, bilingual
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "glued", "ahead")} == \
        dict.fromkeys(("bare", "other_years", "glued", "ahead"), True)
    assert traps["repeated"] == []
    responses = [lab["doc_type"] for lab in labels.values()
                 if "consultation response" in lab["notes"].lower().partition(" (")[0]]
    assert len(responses) >= 2 and set(responses) == {"policy_document"}


def test_programmes_contents_and_feet():
    """Glued clock times only in programmes, kept; three PDFs with dot-leader contents, all
    debris; every page foot or slide number of the word processor's PDFs is debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert {SET.labels[n]["doc_type"] for n in glued} == {"event_programme"}
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    leaders = {(n, line) for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}
    assert len({n for n, _ in leaders}) >= 3
    assert all(line in SET.debris_of(n) for n, line in leaders)
    feet = {(n, line) for n in SET.on_disk if n.startswith("p")
            for line in SET.lines[n] if PAGE_FOOT.match(line)}
    assert len(feet) >= 15 and all(line in SET.debris_of(n) for n, line in feet)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    found = (gone <= debris, stay <= set(SET.lines[name]) - debris, label["languages"],
             label["year_evidence"][:len(evidence)], len(SET.sentences(name)) >= 3)
    assert found == (True, True, languages, evidence, True), (name, gone - debris, stay & debris)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: browser prints keep Chromium's own
    properties (the printing day, never the page's year); the word processor's PDFs carry the
    /Title and /CreationDate year given, or none; the re-exported one is dated after its
    cover."""
    from pypdf import PdfReader

    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = dict(reader.metadata or {})
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    label_year = SET.labels[name]["year"]
    if created == "print":
        assert "HeadlessChrome" in info["/Creator"] and info["/CreationDate"][2:6] != label_year
    elif created is None:
        assert "/CreationDate" not in info and "/ModDate" not in info
    else:
        assert info["/CreationDate"][2:6] == created
        if created != label_year:
            assert int(created) - int(label_year) >= 2 and "/CreationDate" in \
                SET.labels[name]["year_evidence"]
    if title is not None:
        assert title != SET.labels[name]["title"] or name.startswith("p02")


@pytest.mark.parametrize("name", sorted(DOCX))
def test_docx(name):
    """Core properties: an organisation or role as author, never python-docx as last editor,
    created in the labelled year except the one reused template, and header and footer lines
    debris."""
    import docx

    author, title, year, editor = DOCX[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.title, props.created.year, props.last_modified_by) == \
        (author, title, year, editor)
    assert props.modified >= props.created and isinstance(props.created, datetime.datetime)
    label_year = SET.labels[name]["year"]
    assert (str(year) == label_year) != (str(year) in SET.labels[name]["year_evidence"]
                                         and "properties" in SET.labels[name]["year_evidence"])
    lines = SET.lines[name]
    assert lines[0] in SET.debris_of(name) and lines[-1] in SET.debris_of(name)
