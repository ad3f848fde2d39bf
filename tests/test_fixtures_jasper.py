"""Checks of the jasper fixture set (tests/fixtures/exported/jasper), written blind.

Brief: digital homelessness and housing services (housing allowance portals, municipal housing
queues, digital tenancy support, outreach apps, evaluations). 32 documents leaning to the web:
16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed to PDF by the
browser, 4 PDFs from a word processor, 2 Word files, 4 text copies and 1 Markdown page; Bokmål,
English, Nynorsk, Danish and Swedish, five of them bilingual.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than the 36 to 40 documents fs.size_check expects, so its sizes are checked here.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "jasper")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"government portal's page|municipal site's page|municipality's page|news|"
             r"blog post|tender notice|call for proposals|tenancy support|press release|"
             r"newsletter|minutes",
    "policy_document": r"consultation response|strategy|written question|agency report|"
                       r"annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}

FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
NAMED = {"clock times glued to talk titles": 4, "as a pdf from a word processor": 4,
         "printed to pdf by the browser": 2, "saved by chrome as one file": 3,
         "as a word file": 2, "copied": 2, "pasted": 2, "saved as markdown": 1,
         "consultation response": 2, "monolingual": 2, "in two languages": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "portal": ("government portal's page on applying for housing allowance online",
               {"Skip to content", "Accept all cookies", "We use cookies", "Start chat",
                "Sist oppdatert 14.03.2025", "Sentralbord: 22 00 00 00"},
               {"Slik søker du", "Logg inn med BankID.", "Last opp husleiekontrakten."}, "nb",
               "2025"),
    "municipal": ("municipal site's page on temporary accommodation",
                  {"Hopp til hovedinnhold", "Mandag–fredag 09.00–15.00", "Bydel Sagene"},
                  {"Åpningstider", "Hva kan du få hjelp til?"}, "nb", "no year: no 19xx"),
    "agency": ("agency report landing page",
               {"Kontakt oss", "Personvernerklæring", "Report 00/2023", "Download report (PDF)"},
               {"Main recommendations"}, "en", "2023"),
    "portal paper": ("university research portal's conference paper abstract",
                     {"Fingerprint", "Housing queue 100%", "Original language", "Paper",
                      "Contribution to conference", "Cite this"}, set(), "en", "2022"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2028", "Prosjektnummer", "000000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal article page's abstract",
                {"Views 000", "CrossRef citations to date 0", "Altmetric", "Download PDF"},
                {"Abstract"}, "en", "2024"),
    "news": ("news item with reader comments",
             {"2 kommentarer", "Skriv en kommentar", "kari_b: Det samme skjedde med min mor."},
             set(), "nb", "2024"),
    "question": ("written question to a regional council",
                 {"Spørgsmål nr. S 000", "Besvaret 17. april 2024"}, {"Spørgsmål", "Svar"}, "da",
                 "2024"),
    "tender": ("tender notice", {"Diarienummer", "KS 0000/00", "CPV-kod"}, set(), "sv", "2025"),
    "call": ("call for proposals", {"Apply now"}, set(), "en", "no year: only the deadline"),
    "strategy": ("strategy of a municipality with a horizon year",
                 {"Hopp til hovudinnhald", "Les meir"}, {"Mål"}, "nn", "no year: only the horizon"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022", "Oktober 2022", "Sammendrag ............................ 2"},
                   {"Sammendrag", "English summary"}, "nb;en", "2022"),
    "paper": ("working paper of the research project digibolig",
              {"DIGIBOLIG Working Paper 0/2025", "¹ Field notes, housing office A."},
              {"Summary"}, "en", "2025"),
    "minutes": ("council minutes", {"Møtedato: 11.11.2024", "Sak 000/24"}, {"Vedtak"}, "nn",
                "2024"),
    "response": ("consultation response of a tenants' organisation",
                 {"Vår ref. 0000/25", "Dato: | 10.03.2025", "Org.nr. 000 000 000"},
                 {"Til departementet", "Med vennlig hilsen"}, "nb", "2025"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Meld deg av", "Se nyhetsbrevet i nettleseren"}, {"Nytt fra nettverket"},
                   "nb", "no year: no 19xx"),
}

# file: (pages, /Title or None, year of /CreationDate or None)
PDFS = {
    "b01_horingssvar_bostotte_digital_nb.pdf": (2, "Høringssvar – Fontenehuset", "printed"),
    "b02_thesis_record_digital_homelessness_en_nb.pdf": (2, "Thesis record | Thesis archive",
                                                         "printed"),
    "w01_arsrapport_boligkontoret_utdrag_nb.pdf": (3, "Årsrapport 2024 – Boligkontoret", "2025"),
    "w02_evaluering_oppsokende_app_nb_en.pdf": (3, "Evaluering av oppsøkende app", "2025"),
    "w03_working_paper_digibolig_en.pdf": (2, "Microsoft Word - wp_digibolig_v3.docx", None),
    "w04_motebok_bustadutval_nn.pdf": (2, None, "2024"),
}
WORD = {"d01_horingssvar_leieboere_digital_husleie_nb.docx": ("Leieboerorganisasjonen Sør "
                                                               "(oppdiktet)", 2025),
        "d02_board_minutes_housing_foundation_en.docx": ("Board secretariat", 2024)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


@pytest.mark.parametrize("document", SET.on_disk)
def test_each_document(document):
    """fixturesets' rules for one file of the set (labels, placement of title, debris and
    prose, the page head of a saved page), the one type named by its genre, and later years
    of its prose named in its evidence: all of it in LabelledSet.each_document_check."""
    SET.each_document_check(document, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; every
    type four times or more; the language mix; the genres named; year situations and traps;
    consultation responses typed policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert first["nb"] >= 12 and first["en"] >= 10 and first["nn"] >= 3, first
    assert first["da"] == 2 and first["sv"] == 2, first
    assert sum(openers.values()) >= 4 and len(openers) >= 3, openers
    assert fs.missing_genres(labels, NAMED) == {}
    found = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(found[key]) >= 3 for key in ("bare", "other_years", "ahead")), found
    assert found["repeated"] == []
    SET.consultations_check(2)
    monolingual = [n for n, lab in labels.items() if "monolingual" in lab["notes"]]
    assert len(monolingual) >= 2 and all(";" not in labels[n]["languages"] for n in monolingual)


def test_programmes_fields_and_contents():
    """Glued clock times in the programmes only; three saved pages with field lists; no kept
    Markdown field line; six dot-leader contents lines, all debris."""
    SET.glued_check()
    assert SET.field_pages() >= 3 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 6)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The document holding a role: its furniture is debris, its headings, steps and sign-off
    lines are kept, and its languages and the start of its year evidence are as expected."""
    opening, gone, stay, languages, evidence = ROLES[role]
    label = SET.labels[fs.by_notes(SET.labels, opening)]
    debris = SET.debris_of(label["file"])
    assert not gone - debris, gone - debris
    kept = set(SET.lines[label["file"]]).difference(debris)
    assert stay <= kept, stay - kept
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; the browser's prints carry its print
    stamp (date, time and <title> at the head, file address and "n/2" at the foot) as debris,
    and a re-exported or released report names its /CreationDate in the year evidence."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    stamp = meta.get("/CreationDate")
    if created == "printed":
        assert stamp.startswith("D:2026") and "HeadlessChrome" in meta["/Creator"]
        feet = {line for line in SET.lines[name] if re.search(r" [12]/2$", line)}
        heads = {line for line in SET.lines[name] if line.endswith(title)}
        assert len(feet) == 2 and len(heads) == 1 and (feet | heads) <= SET.debris_of(name)
    else:
        assert (stamp[2:6] if stamp else None) == created
        if created and created != SET.labels[name]["year"]:
            assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or role as author, not python-docx as last editor,
    created in the document's year; header and footer lines and table rows are debris."""
    author, year = WORD[name]
    core = docx.Document(str(SET.folder / name)).core_properties
    assert core.author == author and core.last_modified_by not in ("python-docx", "")
    assert core.created.year == year == int(SET.labels[name]["year"])
    assert {line for line in SET.lines[name] if " | " in line} <= SET.debris_of(name)


def test_mhtml_headers():
    """The one-file pages carry Blink's headers; Subject is the page's <title>, which is
    debris."""
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
        assert message.get_content_type() == "multipart/related"
        kinds = [p.get_content_type() for p in message.walk()][1:]
        assert kinds[0] == "text/html" and len(kinds) >= 2
        assert str(message["Subject"]) in SET.debris_of(name)
