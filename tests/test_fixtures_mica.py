"""Checks of the mica fixture set (tests/fixtures/exported/mica), written blind.

Brief: prison and probation services going digital (release planning with welfare agencies,
digital ID for released prisoners, tablets in prisons, probation apps, evaluations). 32
documents leaning to the web: 16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2
pages printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word files, 4 text copies and
1 Markdown page. Bokmål, English, Nynorsk, Danish and Swedish; four bilingual documents.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check and language_check (written for 36 to 40) are replaced by
the counts below.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "mica")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"prison's page|municipality's page|news item|voluntary organisation's page|"
             r"blog post|press release|call for proposals|tender notice|council minutes|"
             r"board minutes|newsletter",
    "policy_document": r"policy page|consultation response|written question|annual report|"
                       r"strategy",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 2,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "made by a word processor": 4, "word file": 2, "copied": 1, "pasted": 2,
         "saved as markdown": 1, "labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "release": ("prison's page on release planning",
                {"Skip to main content", "We use cookies", "Accept all",
                 "Sentralbord: 33 00 00 00"},
                {"Dette trenger du før du går ut", "Et sted å bo den første måneden."}, "nb",
                "Publisert 14.03.2024"),
    "digital id": ("agency's policy page on digital identity",
                   {"Accept additional cookies", "Published 9 November 2023",
                    "Is this page useful?"},
                   {"What we will do"}, "en", "Published 9 November 2023"),
    "municipal": ("municipality's page on follow-up after release",
                  {"Chat med oss", "Start chat", "Mandag–fredag 09.00–15.00"},
                  {"Åpningstider", "Slik tar du kontakt"}, "nb", "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "leser_oslo: Endelig noe fornuftig.", "Skriv en kommentar"},
             set(), "nb", "Publisert 02.06.2025"),
    "portal": ("journal abstract on a university research portal",
               {"Fingerprint", "Probation Social Sciences 100%", "Contribution to journal",
                "Powered by Pure, Scopus & Elsevier Fingerprint Engine™"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023 - 2026", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"1,204 Views", "3 CrossRef citations to date", "12 Altmetric", "ORCID Icon"},
                {"Abstract"}, "en", ""),
    "blog": ("blog post of a research group", {"Legg att eit svar", "Drive med WordPress"},
             set(), "nn", "no year: no 19xx"),
    "consultation": ("consultation response of a voluntary organisation",
                     {"Skip to content", "This site uses cookies. OK"},
                     {"Med vennlig hilsen", "Til Justis- og beredskapsdepartementet"}, "nb", ""),
    "thesis": ("master's thesis record", {"Date issued", "Download full text (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist", "4. februar 2027 kl. 13.00"},
             {"Om utlysningen"}, "nb", "no year: only"),
    "question": ("parliamentary written question", {"UIN 00000, tabled on 3 March 2025"},
                 {"Question", "Answer"}, "en", "Answered on 11 March 2025"),
    "tender": ("tender notice with catalogue fields", {"CPV-kode", "30000000", "Tilbudsfrist"},
               {"Beskrivelse"}, "nb", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Nettbrett på cella | side 2"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "strategy": ("strategy with a horizon year", {"Vedtatt juni 2021", "Nordfengsel IKS | side 3"},
                 {"Innhold", "2 Mål"}, "nb", "Vedtatt juni 2021"),
    "paper": ("working paper of the research project", {"¹ The project period is 2023–2026."},
              {"1 Introduction"}, "en", ""),
    "newsletter": ("newsletter e-mail pasted as text", {"Meld deg av", "Vis i nettlesaren"},
                   {"Kalender"}, "nn", "no year: only"),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
PARTS_AT_LEAST = {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
# PDF file: (pages, /CreationDate year or None, /Title or None); Chromium's prints keep their own.
PDFS = {
    "w01_evaluering_nettbrett_fengsel_nb_en.pdf": (4, "2023", "Nettbrett på cella"),
    "w02_moteprotokoll_hovudutval_nn.pdf": (
        1, "2024", "Microsoft Word - protokoll_HHO_221024.docx"),
    "w03_strategi_kriminalomsorg_mot_2030_nb.pdf": (
        4, "2024", "Digital soning og løslatelse mot 2030"),
    "w04_working_paper_digisoning_en.pdf": (2, None, "Logged out at the gate"),
    "p01_book_of_abstracts_page_nb.pdf": (1, "chromium", None),
    "p02_probation_annual_report_excerpt_en.pdf": (1, "chromium", None),
}
WORD = {"d01_horingssvar_digital_soning_nb.docx": ("Fjordvik kommune", 2024, "Saksbehandler"),
        "d02_bestyrelsesreferat_kriminalforsorg_da.docx": ("Foreningen Ny Start", 2024, "Sekretær")}


HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document held to the shared rules: labels and placement, a saved page's head and
    fields, the type named by the genre opening its notes, later prose years in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats, types and languages of
    the brief; genres named; year situations and traps; consultation responses typed."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    _, parts, openers = fs.language_counts(labels)
    assert {c: n for c, n in PARTS_AT_LEAST.items() if parts[c] < n} == {}, parts
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert sum(lab["doc_type"] == "abstract" and ";" in lab["languages"]
               for lab in labels.values()) >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 6)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and its prose is no debris."""
    name, (_, gone, stay, languages, evidence) = HOLDERS[role], ROLES[role]
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = sorted(gone - debris)
    lost = sorted(line for line in stay if line in debris or line not in SET.lines[name])
    assert (missing, lost) == ([], [])
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert debris.isdisjoint(SET.sentences(name))


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: a word processor's PDF carries the
    /CreationDate and /Title set after conversion (none in one, a re-export in another); a
    Chromium print keeps Chromium's own metadata and its date, title and address stamps."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if created == "chromium":
        assert "Skia" in str(info.get("/Producer", "")) or "Chrom" in str(info.get("/Creator", ""))
        assert any(line.startswith("ﬁle:///") or line.startswith("file:///")
                   for line in SET.debris_of(name))
        return
    assert (str(info["/CreationDate"])[2:6] if "/CreationDate" in info else None) == created
    assert info.get("/Title") == title
    label = SET.labels[name]
    if created and created != label["year"]:
        assert "/CreationDate" in label["year_evidence"] and int(created) - int(label["year"]) >= 2


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties of an organisation's Word file: author, year created and modified, a
    last editor that is a role and not python-docx; header and footer lines are debris."""
    author, year, editor = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.created.year, props.modified.year, props.last_modified_by) == \
        (author, year, year, editor)
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


def test_mhtml_headers():
    """The Chrome single files carry Blink's headers and more than one part."""
    import email
    from email import policy

    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert b"From: <Saved by Blink>\r\n" in data and message["Snapshot-Content-Location"]
        assert message["Subject"] in SET.debris_of(name)
        types = Counter(part.get_content_type() for part in message.walk())
        assert types["text/html"] == 1 and sum(types.values()) >= 3
