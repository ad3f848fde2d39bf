"""Checks of the ignimbrite fixture set (tests/fixtures/exported/ignimbrite), written blind.

Brief: mental health and substance-use services going digital (psykisk helse- og rusarbeid,
internet-delivered therapy, chat services for young people, digital follow-up after addiction
treatment), leaning to the web: saved pages, a page saved as one .mhtml file, a page printed to PDF
by the browser, a word processor's PDF, a Word file, a copied text and a Markdown page. The set was
has 32 documents, fewer than fixturesets.size_check allows, so this test checks its own counts
instead (trap_check still fits).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "ignimbrite")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time",
              "dc.date.modified", "dc.date.issued", "citation_date"}

# The genres that open a document's notes (up to " ("), listed under the one type each names.
GENRES_BY_TYPE = """
other: agency's page, agency's chat service page, hospital's page, clinic's page, press release,
    news item, blog post, tender notice, newsletter
policy_document: strategy, council minutes, consultation response, annual report
project_report: catalogue page, working paper, evaluation report
abstract: abstract, thesis record
event_programme: programme
"""
GENRE_TYPES = {
    kind: re.compile("|".join(map(re.escape, re.split(r",\s*", genres.strip()))))
    for kind, genres in re.findall(r"^(\w+): ([^:]+?)(?=^\w+:|\Z)", GENRES_BY_TYPE, re.M | re.S)
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved as one file": 3, "printed to pdf": 2,
         "pdf from a word processor": 4, "word file": 2, "copied": 2, "pasted": 2,
         "saved as markdown": 1, "consultation response": 1, "news item with reader comments": 1,
         "horizon year": 2, "council minutes": 1, "annual report": 1, "press release": 1,
         "newsletter": 1, "tender notice": 1, "book-of-abstracts": 2, "evaluation report": 1,
         "working paper": 1, "thesis record": 1, "labelled monolingual": 2}

# One role a row: name || opening of its notes || lines that must be debris || lines that must
# stay || languages label || opening of its year evidence; lines within a cell part with " ;; ";
# an indented line goes on with the row above.
ROLE_TABLE = """
agency || agency's page on digital low-threshold services || Accept all cookies ;;
    Sentralbord: 73 00 00 00 ;; Skip to content || Hva kommunene gjør || nb || Publisert
chat || agency's chat service page for young people || Chatten er stengd no ;;
    Hopp til hovudinnhald ;; Start chat || Slik fungerer chatten || nn || no year: no 19xx
journal || journal abstract in two languages || Altmetric 7 ;; Last ned PDF ;; Siteringer 3 ;;
    Visninger 1 204 || Abstract ;; Sammendrag || nb;en || Publisert
seminar || seminar programme copied with select all (napha || Dato ;; Meld deg på ;;
    Tirsdag 21. oktober 2025 || 11.30Lunsj ;; Program || nb || Tirsdag
project || research project's catalogue page saved as markdown || **Project period:** 2024–2027 ;;
    [Skip to content](#main) || ## Sammendrag ;; ## Summary || en;nb || no year: only
mhtml || hospital's page on internet-delivered therapy saved as one file || Godkänn kakor ;;
    Till huvudinnehåll ;; Växel: 031-000 00 00 || Så går det till || sv || Senast
strategy || municipal strategy with a horizon year ||
    1 Innledning ............................................ 2 ;;
    Langvik kommune · strategi mot 2030 || 2 Mål og tiltak ;; Innhold || nb || Vedtatt
minutes || council minutes as a word file || Møtedato: | 12.09.2023 ;; Sak 000/23 – side 1 ||
    Vedtak: || nn || Møtedato
press || press release printed to pdf by the browser || Share on LinkedIn ;;
    Skip to main content ||  || en || Press release
danish agency || agency's page on internet-delivered therapy || Accepter alle ;; Gå til indhold ;;
    Log ind med MitID || Sådan foregår det || da || Senest
theme day || event page with a programme (rigshospitalet || Dato ;; Tilmeld dig her ;;
    Torsdag den 7. november 2024 || 12.00Frokost ;; Program || da || Torsdag
book page || conference abstract on a book-of-abstracts page || Next abstract ;;
    Presented 16 October 2024 ;; Previous abstract || Abstract || en || Presented
widgets || journal abstract with citation widgets || Altmetric 19 ;; Citations 12 ;;
    Download PDF ;; Views 2 311 || Abstract || en || Available online
thesis || master's thesis record || 2021-06-01 ;; Author ;; Download full text (PDF) ||
    Abstract ;; Sammendrag || en;nb || Date
funder || funder's project catalogue page || 000000 ;; 2023–2026 ;; Prosjektperiode ||
    Om prosjektet || nb || no year: only
news || news item with reader comments || 3 kommentarer ;; NYHET ;; Skriv en kommentar ||
    Kommentarer || nb || Publisert
blog || research group's blog post || Drevet med WordPress ;; Neste innlegg → ||  || nb ||
    no year: no 19xx
dps || hospital's page on digital dps || Godta alle ;; Mandag–fredag 08.00–15.30 ||
    Du logger inn i appen med BankID. ;; Slik foregår det || nb || Sist oppdatert
english page || hospital's page in english with a norwegian footer || Chat med oss ;;
    Personvernerklæring ;; Sentralbord: 77 00 00 00 ||  || en || Last updated
swedish strategy || agency strategy page with a horizon year || Hoppa till innehållet ;;
    Ladda ner strategin (pdf, 1 MB) || Mål ;; Åtgärder || sv || Publicerad
tender || tender notice || 15.01.2027 kl. 12:00 ;; CPV-kode ;; Tilbudsfrist || Beskrivelse ||
    nb || no year: only the tender deadline
aftercare || clinic's page on digital aftercare saved as one file || Hopp til hovedinnhold ;;
    Sentralbord: 35 00 00 00 ||  || nb || no year: only 2019
nad || journal abstract saved as one file || Download PDF ;; Views 640 || Abstract || en ||
    First published
conference || conference programme printed to pdf || Privacy ;;
    Thursday 25 September 2025, Stockholm || 12.00Lunch || en || Thursday
consultation || consultation response || Side 1 ;; Tyrili – høringssvar ||
    Helse- og omsorgsdepartementet ;; Med vennlig hilsen || nb || Dato
evaluation || evaluation report with an english summary || Rusforsk rapport 0/2022 ;;
    Sammendrag ............................................. 2 || English summary ;; Innhold ||
    nb;en || November 2022
paper || working paper of the research project || APPVEI Working Paper 0/2025 ;; Page 1 ||
    3 Findings ;; Contents || en || Rusforsk, February 2025
annual || annual report excerpt || Sahlgrenska Universitetssjukhuset | Psykiatri ||
    Påbörjade behandlingar | 1 840 || sv || Verksamhetsberättelse 2022
newsletter || newsletter e-mail || Emne: Nyhetsbrev desember ;; Meld deg av ;; Vis i nettleser ||
     || nb || Sendt
abstract book || book-of-abstracts page pasted || 34 ;; 35 ;; ISRII 2024 – Book of abstracts ||
    Background ;; Methods ;; Results || en || ISRII 2024
nynorsk seminar || seminar programme copied with select all (invented brattli ||
    Hopp til hovudinnhald ;; Torsdag 14. mai || 11.30Lunsj || nn || no year: no 19xx
"""


def role_row(row: str) -> tuple[str, tuple]:
    name, opening, gone, stay, languages, evidence = re.split(r"\s*\|\|\s*", row)
    def cell(text: str) -> set[str]:
        return set(re.split(r"\s*;;\s*", text)) - {""}
    return name, (opening, cell(gone), cell(stay), languages, evidence)


ROLES = dict(role_row(row) for row in re.sub(r"\n\s+", " ", ROLE_TABLE).strip().splitlines())
# Each PDF: (pages, /Title or None, the year /CreationDate starts with, or None).
PDFS = {
    "strategy": (2, "Microsoft Word - strategi_psyk_rus_v4.docx", "2024"),
    "consultation": (1, "Høringssvar digitale tjenester", None),
    "evaluation": (3, "Chat for unge om rus og psykisk helse", "2025"),
    "paper": (1, "Messages between visits", "2025"),
}
# Each Word file: (author, created and modified year).
WORD = {"minutes": ("Politisk sekretariat", 2023),
        "annual": ("Sahlgrenska Universitetssjukhuset, psykiatri", 2023)}


# The file holding each role: the one whose notes open with the role's words.
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document, its page's head, its type named by its genre."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README agree; 32 documents in the formats, types and languages of the
    brief; the genres named; the year situations and traps (three or more each); consultation
    responses typed policy_document; the programmes alone glue clock times."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert len(SET.labels) == 32
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                      "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    _, parts, openers = fs.language_counts(SET.labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(openers.values()) >= 4
    assert fs.missing_genres(SET.labels, NAMED) == {}
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(1)
    SET.glued_check()


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings and steps are visible and not debris, and its
    languages label and year evidence are the ones the table gives."""
    label, debris = SET.labels[HOLDERS[role]], SET.debris_of(HOLDERS[role])
    _, gone, stay, languages, evidence = ROLES[role]
    assert sorted(gone - debris) == []
    visible = set(SET.lines[label["file"]])
    assert sorted(line for line in stay if line in debris or line not in visible) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)


def test_binaries():
    """Each PDF's page count and metadata as the README states; the browser's PDFs have one
    stamp line (date, time, <title>) and one address line ("file:///… 1/1"), both debris; the
    Word files' core properties; the .mhtml files' Blink headers and parts."""
    import email
    from email import policy

    import docx
    from pypdf import PdfReader

    for role, (pages, title, created) in PDFS.items():
        reader = PdfReader(SET.folder / HOLDERS[role])
        meta = reader.metadata or {}
        assert len(reader.pages) == pages, role
        assert meta.get("/Title") == title, role
        assert (meta.get("/CreationDate") or "")[2:6] == (created or ""), role
    for role in ("press", "conference"):
        lines, debris = SET.lines[HOLDERS[role]], SET.debris_of(HOLDERS[role])
        stamps = [line for line in lines if re.match(r"\d+/\d+/\d+, \d+:\d+ [AP]M ", line)]
        addresses = [line for line in lines if re.search(r":///\S+ \d+/\d+$", line)]
        assert len(stamps) == len(addresses) == 1 and {*stamps, *addresses} <= debris, role
    for role, (author, year) in WORD.items():
        props = docx.Document(str(SET.folder / HOLDERS[role])).core_properties
        assert props.created.year == props.modified.year == year, role
        assert props.author == author and props.last_modified_by != "python-docx", role
    mhtml = [name for name in SET.on_disk if name.endswith(".mhtml")]
    for name in mhtml:
        message = email.message_from_bytes((SET.folder / name).read_bytes(), policy=policy.default)
        assert (SET.folder / name).read_bytes().startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message["Subject"] in SET.debris_of(name)
        parts = list(message.walk())[1:]
        assert [p.get_content_type() for p in parts] == ["text/html", "text/css"]
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
