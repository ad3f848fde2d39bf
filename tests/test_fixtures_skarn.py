"""Checks of the skarn fixture set (tests/fixtures/exported/skarn), written blind.

Brief: assistive technology and aids for disabled people applied for and managed digitally
(application portals, assistive technology centres, user organisations' complaints, waiting times,
evaluations), leaning to the web: sixteen saved pages of varied CMS shapes, three pages saved by
Chrome as one .mhtml file, two pages printed to PDF by the browser, four PDFs made by a word
processor, two Word files, four text copies and one page saved as Markdown, in Bokmål, English,
Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so the counts that fixturesets.size_check and trap_check fix for sets of 36 to 40 are
checked here instead.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "skarn")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"government portal's page|municipality's page|swedish agency's page|news item|"
             r"blog post|press release|parliamentary written question|tender notice|"
             r"call for proposals|complaints|newsletter e-mail",
    "policy_document": r"consultation response|strategy|annual report|council minutes",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|conference paper record|journal article page|thesis record",
    "event_programme": r"programme",
}.items()}
NAMED = {"clock times glued to talk titles": 3, "consultation response": 2, "as a pdf": 4,
         "printed to pdf by the browser": 2, "saved by chrome as one file": 3, "copied": 2,
         "saved as markdown": 1, "as a word file": 2, "pasted": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "portal": ("government portal's page",
               {"Skip to content", "Accept all cookies", "Sentralbord: 55 00 00 00",
                "Sist oppdatert 12.03.2024"},
               {"Før du søker", "Send søknaden og følg saken under Mine saker."}, "nb", ""),
    "municipal": ("municipality's page on the municipal", {"Hopp til hovedinnhold", "Start chat",
                                                           "Mandag–torsdag 08.00–15.00"},
                  {"Bestille utlevering", "Levere tilbake"}, "nb", "no year: no 19xx"),
    "agency": ("swedish agency's page", {"Lättläst", "Var sidan till hjälp?", "Jag godkänner"},
               {"Så gör du", "Logga in med SITHS-kort."}, "sv", ""),
    "portal record": ("university research portal's conference paper record",
                      {"Contribution to conference", "Fingerprint", "100%", "Cite this",
                       "Publication date", "7 Jun 2022"}, {"Abstract"}, "en", ""),
    "catalogue": ("funder's project catalogue page", {"Project period", "2024–2027",
                                                     "No publications yet"},
                  {"Summary", "Resumé på dansk"}, "en;da", "no year: only"),
    "journal": ("journal article page", {"1,204 Views", "7 CrossRef citations to date",
                                         "Altmetric", "Download PDF"}, {"Abstract"}, "en", ""),
    "news": ("news item with reader comments", {"3 kommentarer", "Skriv en kommentar",
                                                "Les også"}, set(), "nb", ""),
    "blog": ("blog post of a research group", {"Proudly powered by WordPress",
                                               "Besøksadresse: Campusvegen 0, 0000 Lyngholm",
                                               "Leave a comment"}, set(), "en", "no year: no 19xx"),
    "thesis": ("thesis record", {"Utgivningsdatum", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "question": ("parliamentary written question", {"WQ.000/2023", "Answered by"},
                 {"Question", "Answer"}, "en", ""),
    "tender": ("tender notice", {"Tilbudsfrist", "14.01.2026 kl. 12:00", "CPV-kode"},
               {"Kort beskrivelse"}, "nb", "no year: only"),
    "call": ("call for proposals", {"Deadline date", "Accept all cookies"},
             {"Expected outcome", "Scope"}, "en", "no year: only"),
    "strategy": ("strategy with a horizon year", {"Vedteken i kommunestyret 13.06.2024"},
                 {"Mål", "Tiltak"}, "nn", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2023", "Side 2", "Sammendrag .......................... 3"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "minutes": ("council minutes", {"Møtedato | 04.09.2024", "Møteprotokoll"},
                {"Vedtak"}, "nb", ""),
    "newsletter": ("newsletter e-mail", {"View this email in your browser", "Unsubscribe"},
                   {"Events"}, "en", ""),
    "conference abstract": ("conference abstract in two languages",
                            {"Parallellsesjon 2: Brukarmedverknad"}, {"Samandrag", "Abstract"},
                            "nn;en", ""),
}

# The binaries as the README states them: pages, and the PDF's /Title and /CreationDate year
# (None: the key is absent).
PDFS = {
    "c01_aaate_book_of_abstracts_page_en.pdf": (1, "AAATE 2023 – Book of abstracts", "2026"),
    "c02_brukerstemmen_klage_vedtak_nb.pdf": (1, "Klage på vedtak – Brukerstemmen", "2026"),
    "p01_kvitstein_evaluering_digital_soknad_nb_en.pdf":
        (4, "Evaluering av digital søknad om hjelpemidler", "2023"),
    "p02_atlink_working_paper_en.pdf": (3, "Microsoft Word - atlink_wp_v3.docx", "2025"),
    "p03_dukh_horingssvar_digital_tolketjeneste_nb.pdf": (1, None, "2026"),
    "p04_brukerforum_arsrapport_utdrag_nb.pdf": (1, "Årsrapport for Brukerforum for hjelpemidler",
                                                 None),
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def role_file(role: str) -> str:
    """The document whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_document(name):
    """Per document: fixturesets' label and placement rules, a saved page's head and fields,
    the genre naming its type, later prose years named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats, types and languages
    of the brief; the genres named; the year situations and traps; consultation responses
    typed policy_document; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = SET.by_column
    assert len(SET.labels) == 32
    assert counts["format"] == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    first = Counter(label["languages"].split(";")[0] for label in SET.labels.values())
    assert first == {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
    bilingual = [lab for lab in SET.labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and sum(lab["doc_type"] == "abstract" for lab in bilingual) >= 2
    monolingual_boilerplate = [lab for lab in SET.labels.values()
                               if "boilerplate: monolingual" in lab["notes"]]
    assert len(monolingual_boilerplate) >= 2
    assert all(";" not in lab["languages"] for lab in monolingual_boilerplate)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_fields_and_contents():
    """Glued clock times only in programmes (four kept lines or more each); field lists on
    saved pages all debris; no kept Markdown field line; dot-leader contents lines all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued <= programmes and len(glued) == 3
    for name in glued:
        kept = set(SET.lines[name]) - SET.debris_of(name)
        assert len({line for line in kept if fs.GLUED_TIME.search(line)}) >= 4, name
        assert not any(fs.GLUED_TIME.search(line) for line in SET.debris_of(name))
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's named furniture is all debris and its named headings or steps are visible and
    kept; languages and the kind of year evidence as the table says; three or more prose
    sentences, none of them debris."""
    _, furniture, headings, languages, evidence = ROLES[role]
    name = role_file(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    sentences = set(SET.sentences(name))
    assert furniture <= debris, sorted(furniture - debris)
    assert headings <= set(SET.lines[name]) and headings.isdisjoint(debris)
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(sentences) >= 3 and sentences.isdisjoint(debris)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; a browser print carries its stamp and
    address lines as debris and no date of the page; a re-exported file names its property."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    assert (info["/CreationDate"][2:6] if "/CreationDate" in info else None) == created
    label = SET.labels[name]
    if name.startswith("c"):
        stamps = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d+, \d+:\d\d", line)]
        assert stamps and set(stamps) <= SET.debris_of(name)
        assert "print stamp" in label["year_evidence"]
    elif created and created != label["year"]:
        assert "/CreationDate is " + created in label["year_evidence"]


def test_word_and_mhtml():
    """Word files: core properties of an organisation or role, made in the labelled year, not
    last saved by python-docx; header and footer lines are debris, table fields too. MHTML
    files: Blink's headers, a quoted-printable page part and a second part."""
    for name in (n for n in SET.on_disk if n.endswith(".docx")):
        props = docx.Document(str(SET.folder / name)).core_properties
        assert str(props.created.year) == SET.labels[name]["year"] == str(props.modified.year)
        assert "python-docx" not in (props.last_modified_by or "") and props.author
        assert "(invented)" not in props.author
        document = docx.Document(str(SET.folder / name))
        furniture = {p.text for s in document.sections for p in
                     s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
        assert furniture and furniture <= SET.debris_of(name)
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message["Subject"] in SET.debris_of(name) and message["Date"]
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
