"""Checks of the hogback fixture set (tests/fixtures/exported/hogback), written blind.

Brief: digital applications and automated decisions in child benefit, parental benefit and child
maintenance (single parents, immigrant families, appeals, agency statistics, ombudsman cases),
leaning to the web: 16 saved pages of varied CMS shapes, three pages saved by Chrome as one
.mhtml file, two pages printed to PDF by the browser, four PDF files made by a word processor, two
Word files, four text copies and one page saved as Markdown; 32 documents in Bokmål, English,
Nynorsk, Danish and Swedish, five of them bilingual.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and one glued programme, so fixturesets' size_check and trap_check (36 to 40 documents,
three glued programmes) do not fit; its counts are checked here instead.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "hogback")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|welfare agency's page|news item|blog post|ombudsman|press release|"
             r"call for proposals|tender notice|council minutes|newsletter|written question",
    "policy_document": r"strategy|consultation response|statistics page|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|project's page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "made by a word processor": 4, "as a word file": 2, "copied": 2, "pasted": 2,
         "saved as markdown": 1, "consultation response": 2, "boilerplate": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "strategy": ("strategy page on a government portal",
                 {"Hopp til hovedinnhold", "Godta alle", "Sentralbord: 22 00 00 00",
                  "Kopier lenke"},
                 {"Mål", "Tiltak"}, "nb", "'Publisert 3. april 2025'"),
    "municipal": ("municipality's service page on help with applying online",
                  {"Skip to content", "Got it!", "Mandag–fredag 08.00–15.00", "Sist oppdatert",
                   "Hjem › Helse og omsorg › NAV og økonomisk hjelp"},
                  {"Slik får du hjelp", "Bestill time på telefon eller kom innom servicetorget."},
                  "nb", "no year: no 19xx"),
    "agency": ("welfare agency's page on applying online",
               {"Skip to main content", "Accept additional cookies", "Sign in",
                "Textphone: 18001 0800 000 0000"},
               {"Before you start", "Check your answers and submit."}, "en", "'Last updated"),
    "portal": ("conference paper abstract on a university research portal",
               {"Contribution to conference", "Fingerprint", "Child Benefit 100%", "Cite this"},
               {"Abstract"}, "en", "'Published - 14 Jun 2023'"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract in two languages",
                {"Visninger: 412", "Siteringer: 3", "Altmetric", "Last ned PDF",
                 "[email protected]"},
                {"Sammendrag", "Abstract"}, "nb;en", "'Publisert 20.09.2022'"),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar", "Les også"},
             set(), "nb", "'Publisert 08.10.2024"),
    "blog": ("blog post of a research group",
             {"Skip to content", "Kontakt oss", "Share this:", "Leave a Reply"}, set(), "en",
             "'Posted on 22 November 2023'"),
    "ombudsman": ("ombudsman case summary page",
                  {"Case reference", "Upheld", "Print this page", "Freepost NIPSO"}, set(), "en",
                  "'Date of decision 30 May 2024'"),
    "call": ("call for proposals with a future deadline",
             {"Application deadline", "15 September 2026, 13:00 CET", "Apply in the portal"}, set(),
             "en", "no year: only the deadline"),
    "tender": ("tender notice with catalogue fields",
               {"CPV-kode", "72000000 IT-tjenester", "Tilbudsfrist"}, {"Kort beskrivelse"}, "nb",
               "'Kunngjøringsdato 03.02.2025'"),
    "evaluation": ("evaluation report with an english summary",
                   {"Nordvest Analyse | Foreldrepenger digitalt", "Rapport 0/2022", "Side 2"},
                   {"Sammendrag", "English summary", "Med sammendrag på engelsk"}, "nb;en",
                   "'Juni 2022'"),
    "paper": ("working paper of the research project bidragslys",
              {"BIDRAGSLYS Working Paper 0/2025", "2",
               "¹ The project is funded by Stiftelsen Fritt Ord."},
              {"Contents", "3 Findings"}, "en", "'March 2025'"),
    "minutes": ("council minutes in nynorsk", {"Møtedato 12.09.2024", "Arkivsak 24/0000", "Side 1"},
                {"Vedtak", "Samrøystes vedteke."}, "nn", "'Møtedato 12.09.2024'"),
    "response": ("consultation response of a single parents' network",
                 {"Enlige Forældres Netværk (opdigtet)", "Sagsnr. 2023-0000"},
                 {"Med venlig hilsen", "Til Familieministeriet (opdigtet)"}, "da",
                 "'København, 4. maj 2023'"),
    "seminar": ("seminar programme copied with clock times glued to talk titles",
                {"Dato", "Tirsdag 22. oktober 2024", "Meld deg på"}, {"Program"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences"},
                   {"What you can do"}, "en", "no year: only 2021"),
    "annual": ("annual report excerpt as a word file",
               {"Utdrag: del III", "Godkjent | 14. mars 2025", "Side"},
               {"3.2 Barnetrygd og kontantstøtte"}, "nb", "'Årsrapport 2024'"),
    "thesis": ("master's thesis record",
               {"Författare", "Magisteruppsats", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", "'Utgivningsår 2021'"),
    "question": ("written question with the regional executive's answer",
                 {"Fråga nr 00/2023", "Besvarad 16 oktober 2023"}, {"Fråga", "Svar"}, "sv",
                 "'Besvarad 16 oktober 2023'"),
}
# The binaries: pages, and the metadata the README states (None: the key is absent).
PDFS = {
    "p01_print_book_of_abstracts_child_benefit_en.pdf": (1, "Abstract 27 – Family Policy Days 2024",
                                                          "chromium"),
    "p02_print_skriftlig_fraga_foraldrapenning_sv.pdf": (1, "Skriftlig fråga – Region Västerfjäll",
                                                         "chromium"),
    "w01_evaluering_digital_foreldrepengesoknad_nb_en.pdf": (
        4, "Evaluering av digital søknad om foreldrepenger", "2025"),
    "w02_protokoll_levekarsutval_nn.pdf": (1, None, "2024"),
    "w03_bidragslys_working_paper_en.pdf": (4, "Microsoft Word - wp_bidragslys_v3.docx", "2025"),
    "w04_horingssvar_bornebidrag_da.pdf": (
        1, "Høringssvar om automatisk fastsættelse af børnebidrag", None),
}
WORD = {"d01_arsrapport_utdrag_familieytelser_nb.docx": ("Familiedirektoratet", 2025),
        "d02_fagdag_program_familievern_nb.docx": ("Familievernkontoret Sør", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


# Each role's file (the one whose notes open with its phrase) and each file's lines that stay.
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}
KEPT = {name: [ln for ln in found if ln not in SET.debris_of(name)]
        for name, found in SET.lines.items()}


def holder(role: str) -> str:
    return HOLDERS[role]


def kept_lines(name: str) -> set[str]:
    return set(KEPT[name])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared checks of one file (fixturesets' each_document_check with this set's meta dates
    and genre words)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; every type four
    times or more; languages as the brief asks; genres named; year situations and traps; the
    consultation responses are policy documents; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    assert len(labels) == 32
    assert SET.by_column["format"] == Counter(
        {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1})
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] == 2 and parts["sv"] == 2, parts
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert len(bilingual) >= 4
    assert sum(lab["doc_type"] == "abstract" and ";" in lab["languages"]
               for lab in labels.values()) >= 1
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    assert traps["glued"] == [holder("seminar")]
    SET.consultations_check(2)


def test_programmes_fields_and_contents():
    """The copied programme's glued times stay (five lines or more); four documents are
    programmes; five pages or more carry field lists; no kept Markdown field line; seven
    dot-leader contents lines, all debris."""
    seminar = holder("seminar")
    assert len({line for line in kept_lines(seminar) if fs.GLUED_TIME.search(line)}) >= 5
    assert SET.by_column["doc_type"]["event_programme"] == 4
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's named furniture is debris and its named headings stay; its languages label
    and the opening of its year evidence are as the table says; 3 or 4 prose sentences, none
    of them debris."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = holder(role)
    label, debris, sentences = SET.labels[name], SET.debris_of(name), SET.sentences(name)
    assert label["notes"].lower().startswith(opening)
    assert sorted(furniture - debris) == [] and sorted(headings - kept_lines(name)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert 3 <= len(sentences) <= 4 and debris.isdisjoint(sentences)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count, /Title and /CreationDate as the README states; a browser's print
    keeps its stamp (date, title, address, page count) as debris; a re-exported report's
    /CreationDate is later than its labelled year and named in its evidence."""
    pages, title, created = PDFS[name]
    meta = PdfReader(SET.folder / name).metadata or {}
    assert len(PdfReader(SET.folder / name).pages) == pages
    assert meta.get("/Title") == title
    label = SET.labels[name]
    if created == "chromium":
        assert meta["/Producer"].startswith("Skia/PDF")
        stamps = [line for line in SET.lines[name] if re.match(r"(?:ﬁ|fi)le:///", line)
                  or re.match(r"\d+/\d+/\d+, \d", line)]
        assert len(stamps) == 2 and set(stamps) <= SET.debris_of(name)
        assert "day of printing" in label["year_evidence"]
    elif created is None:
        assert "/CreationDate" not in meta and "no /CreationDate" in label["year_evidence"]
    else:
        assert meta["/CreationDate"][2:6] == created
        if created != label["year"]:
            assert "/CreationDate" in label["year_evidence"] and created in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation as author, a role (not python-docx) as
    last editor, created and modified in the year the README states; header and footer lines
    are debris."""
    author, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert props.created.year == props.modified.year == year
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
