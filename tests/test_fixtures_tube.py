"""Checks of the tube fixture set (tests/fixtures/exported/tube), written blind.

Brief: how transport services for disabled and older people are applied for and booked
digitally (TT-kort, Danish flextrafik and handicapkørsel, Swedish riksfärdtjänst, the UK's Blue
Badge and concessionary travel). The brief asked for 32 documents, most of them saved web pages;
all 32 are here, but some counts by format and language differ from the brief's (README), so
the size, format, type and language checks below are this set's own, not fixturesets'
size_check and trap_check (which assume 36 to 40 documents).

Nothing here imports the documents: what is checked is the hand-made labelling (labels.csv,
debris.csv, prose.csv, README.md) against the files, first by the house rules in fixturesets,
then by what this set's brief and README promise.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

# Head fields whose date must agree with the labelled year when a saved page carries them.
META_DATES = frozenset({"dc.date", "citation_publication_date", "article:modified_time",
                        "article:published_time", "event:start_time"})
SET = fs.LabelledSet(fs.SETS / "tube")

# The genre that opens a label's notes, as words, mapped to the doc_type it implies.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's page|municipality's page|news item|press release|newsletter|"
             r"minutes|internal guide|tender notice|blog post|call for proposals",
    "policy_document": r"action plan|consultation response|strategy|annual report excerpt|"
                       r"statutory guidance",
    "project_report": r"catalogue page|final report|evaluation report",
    "abstract": r"abstract|journal article page|thesis record",
    "event_programme": r"programme",
}.items()}
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2, "as a pdf": 3,
         "printed to pdf": 2, "call for proposals": 2, "with reader comments": 2,
         "copied": 4, "pasted": 4, "saved as markdown": 1, "word file": 2,
         "saved as one file": 3}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "riksfardtjanst": ("swedish agency's page on applying for riksfärdtjänst",
                       {"Till huvudinnehåll", "Godkänn alla kakor", "Var sidan till hjälp?",
                        "Växel: 0771-000 000"},
                       {"Så går ansökan till", "Logga in i kommunens e-tjänst med BankID."},
                       "sv", "no year: no 19xx"),
    "blue badge": ("action plan of a government department",
                   {"Skip to main content", "Cookies on GOV.UK", "Print this page",
                    "Published 18 June 2024"}, {"What we will do", "Summary"}, "en", "'Published"),
    "tt card": ("municipality's page on applying for a tt card",
                {"Skip to content", "This website uses cookies", "Accept all",
                 "Telefon: 62 00 00 00", "Chat med oss"},
                {"Slik søker du", "Last opp legeerklæringen hvis du har en."}, "nb", "'Sist"),
    "portal abstract": ("conference abstract on a university research portal",
                        {"Contribution to conference", "Fingerprint", "71%", "Cite this",
                         "Original language"}, {"Abstract", "Sammendrag"}, "en;nb", ""),
    "news": ("news item with reader comments from a danish",
             {"3 kommentarer", "Skriv en kommentar", "Læs også", "Gå til indhold"},
             {"Flextrafik får ny bestillingsapp"}, "da", ""),
    "press release": ("press release of a passenger watchdog",
                      {"Press release", "Accept cookies", "Switchboard: 0300 000 0000"},
                      {"Notes to editors"}, "en", ""),
    "seminar": ("seminar programme with clock times glued to talk titles, copied",
                {"Meld deg på", "Torsdag 20. november 2025", "[email protected]"},
                {"Program", "11.45–12.30Lunsj"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "View this email in your browser", "Sent: Tuesday 09:12"},
                   {"How to apply"}, "en", "no year: only"),
    "project page": ("research project's catalogue page saved as markdown",
                     {"**Prosjektperiode:** 2024–2027", "*   [Personvern](/personvern)"},
                     {"## Om prosjektet", "## Summary in English"}, "nb;en", "no year: only"),
    "strategy": ("strategy with a horizon year",
                 {"2 Mål ........................ 3", "Side 3"}, {"Innhald", "3 Tiltak"},
                 "nn", "no year: only"),
    "book of abstracts": ("book-of-abstracts page",
                          {"Paper 4B-3", "27", "Book of abstracts"}, set(), "en", ""),
    "final report": ("final report's summary with an english summary",
                     {"Side 1 av 12", "Rapport 0/2023"}, {"Sammendrag", "Summary in English"},
                     "nb;en", ""),
    "research day": ("event programme with clock times glued to talk titles",
                     {"Register now", "Add to calendar"}, {"11:15Coffee", "Programme"}, "en",
                     "no year: no 19xx"),
    "consultation": ("consultation response of a municipal council for the elderly",
                     {"Høringssvar om TT-ordningen – side 2", "Vår ref. 0000/00"},
                     {"Med vennlig hilsen", "Høringssvar", "Innhold"}, "nb", ""),
    "printed programme": ("seminar programme with clock times glued to talk titles, a web page",
                          {"Hopp til hovudinnhald", "Sentralbord: 22 00 00 00"},
                          {"Program", "11.45–12.30Lunsj"}, "nn", ""),
    "minutes": ("council minutes", {"Saksnummer | Sak 000/25", "Møtedato | 4. februar 2025"},
                {"Sak 4: Eventuelt"}, "nb", ""),
    "journal": ("journal article page with citation widgets",
                {"Views", "Altmetric", "Download PDF", "Open Access", "Volume 16"},
                {"Abstract"}, "en", ""),
    "funder catalogue": ("research project's catalogue page of a funder",
                         {"Projektperiod", "2025-01-01 – 2027-12-31", "Diarienummer",
                          "Inga publikationer registrerade"},
                         {"Sammanfattning", "Summary in English"}, "sv;en", "no year: only"),
    "danish programme": ("event page programme", {"Tilmeld dig her", "Gå til indhold"},
                         {"Program", "11.30Frokost"}, "da", ""),
    "tender": ("tender notice", {"Deadline for receipt of tenders", "31/03/2025", "Buyer"},
               set(), "en", "'Publication date"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022 – side 2",
                    "English summary ........................................ 2"},
                   {"Samandrag", "English summary", "Evaluering av digital TT-søknad"},
                   "nn;en", ""),
    "annual report": ("annual report excerpt", {"Årsrapport – uddrag", "Side 2"},
                      {"Flextrafik og handicapkørsel", "Telefon 00 000 64 %"}, "da", ""),
    "thesis": ("thesis record", {"Date of award", "11 December 2023", "Export citation"},
               {"Abstract"}, "en", "'Date of award"),
    "blog": ("blog post of a research group",
             {"Drevet av WordPress", "Stikkord: TT, apper, bestilling", "Legg igjen en kommentar"},
             set(), "nb", "no year: no 19xx"),
    "news site": ("news item with reader comments on a news site",
                  {"Kommentarer (2)", "Mest lest", "Vis flere kommentarer"}, set(), "nb", ""),
    "call": ("call for proposals with a future deadline on a charity's",
             {"Closing date", "15 January 2026", "Accept analytics cookies"}, {"How to apply"},
             "en", "'Published"),
    "bus pass": ("municipality's page on a disabled person's bus pass",
                 {"Skip to content", "Was this page helpful?", "Council tax"},
                 {"Apply online", "Check that you are eligible."}, "en", "no year: no 19xx"),
    "council response": ("consultation response of a municipal council on a page",
                         {"Høringsuttalelse", "Publisert 28.11.2024", "Høringer"}, set(), "nb",
                         "'Publisert"),
    "nynorsk news": ("news item after a seminar saved as one file",
                     {"Hopp til hovudinnhald", "Del saka"}, set(), "nn", "'Publisert"),
    "guidance print": ("statutory guidance of a government department",
                       {"Guidance", "Updated 4 March 2024", "© Crown copyright"}, set(), "en",
                       "'Updated"),
    "municipal press release": ("press release of a municipality",
                                {"Pressemelding", "Del på e-post", "Publisert 03.03.2025"}, set(),
                                "nb", "'Publisert"),
    "guide": ("internal guide for staff", {"Versjon 3 · Kun til intern bruk",
                                           "Ansvarlig | Tjenesteleder"},
              {"Før du starter"}, "nb", "no year: no 19xx"),
}

# The binaries as the README states them: page count, and metadata keys with the opening
# their value must have.
PDFS = {
    "p01_nordodal_eldreraad_horingssvar_tt_ordningen_nb.pdf":
        (3, {"/Title": "Microsoft Word - horingssvar_v3.docx", "/CreationDate": "D:2024"}),
    "p02_nynorskhuset_seminar_tt_print_nn.pdf":
        (1, {"/Producer": "Skia/PDF", "/Title": "Seminar om TT-kort | Nynorskhuset"}),
    "p05_dft_concessionary_renewals_print_en.pdf":
        (1, {"/Producer": "Skia/PDF", "/Title": "Concessionary travel: online renewals - GOV.UK",
             "/CreationDate": "D:2026"}),
    "p03_hedmarken_evaluering_digital_tt_soknad_nn_en.pdf":
        (3, {"/Title": "Evaluering av digital TT-søknad", "/CreationDate": "D:2025"}),
    "p04_nt_aarsrapport_uddrag_flextrafik_da.pdf":
        (2, {"/Producer": "LibreOffice", "/CreationDate": "", "/Title": ""}),
}
WORD = {
    "d01_nordodal_eldreraad_protokoll_nb.docx": ("Eldrerådets sekretariat", 2025, 2025),
    "d02_servicetorget_veileder_tt_kort_nb.docx": ("Servicetorget", 2024, 2025),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    """A document's visible lines that are not listed as its debris."""
    return {line for line in SET.lines[name] if line not in SET.debris_of(name)}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (fixturesets), its saved page's head and fields, the
    type its genre names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; this set's own size, formats, types and languages;
    the genres are named; year situations and traps; the consultation response is a policy
    document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert counts["format"] == Counter(html=13, txt=8, pdf=5, mhtml=3, docx=2, md=1)
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(labels)
    assert set(parts) == fs.LANGUAGES and parts["en"] >= parts["nb"] >= parts["nn"] >= 3
    assert min(parts["da"], parts["sv"]) >= 2
    assert sum(";" in tag for tag in tags.elements()) >= 5 and len(openers) == 4
    situations = fs.year_traps(labels, SET.prose, SET.lines)
    short = sorted(key for key in ("bare", "other_years", "glued", "ahead")
                   if len(situations[key]) < 3)
    assert (short, situations["repeated"], fs.missing_genres(labels, NAMED)) == ([], [], {})
    SET.consultations_check(2)


def test_programmes_contents_and_boilerplate_pages():
    """Glued clock times in the programmes only; dot-leader contents lines all debris; the two
    monolingual pages with other-language boilerplate have it as debris."""
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 10)
    tt_card, print_page = holder("tt card"), holder("printed programme")
    assert {"Skip to content", "We use cookies to improve your experience and to analyse "
            "traffic."} <= SET.debris_of(tt_card)
    assert SET.labels[tt_card]["languages"] == "nb"
    assert SET.labels[print_page]["languages"] == "nn"


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role's document: its furniture listed as debris, its headings and steps kept, the
    languages and the start of the year evidence as the table gives them, and at least three
    prose sentences none of which is debris."""
    opening, furniture, headings, languages, evidence_start = ROLES[role]
    name = holder(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    problems = {
        "furniture not debris": sorted(furniture - debris),
        "heading not kept": sorted(headings - kept_lines(name)),
        "languages": [] if label["languages"] == languages else [label["languages"]],
        "evidence": [] if label["year_evidence"].startswith(evidence_start) else [evidence_start],
        "prose": [s for s in SET.sentences(name) if s in debris],
    }
    assert {key: found for key, found in problems.items() if found} == {}, opening
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; the browser's print line (date and
    <title>) and its foot (address and page of pages) are in the text, as debris."""
    from pypdf import PdfReader

    reader = PdfReader(SET.folder / name)
    pages, meta = PDFS[name]
    assert len(reader.pages) == pages
    for key, opening in meta.items():
        value = str(reader.metadata.get(key, ""))
        assert value.startswith(opening) and (opening or not value), key
    if name.startswith("p03"):
        label = SET.labels[name]
        assert label["year"] == "2022" and "/CreationDate" in label["year_evidence"]
    if name.startswith(("p02", "p05")):
        top, foot = SET.lines[name][-2:]
        assert re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", top) and foot.endswith(" 1/1")
        assert {top, foot} <= SET.debris_of(name)
        assert SET.labels[name]["year"] in ("2024", "2025") and not fs.YEAR.search(top)


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or role as author, not python-docx as last editor,
    created and modified in the years the README gives."""
    import docx

    props = docx.Document(str(SET.folder / name)).core_properties
    author, created, modified = WORD[name]
    assert props.author == author and props.last_modified_by not in ("", "python-docx")
    assert (props.created.year, props.modified.year) == (created, modified)
