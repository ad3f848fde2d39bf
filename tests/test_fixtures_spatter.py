"""Checks of the spatter fixture set (tests/fixtures/exported/spatter), written blind.

Brief: support for disabled people in working life applied for and delivered digitally
(tilrettelegging, hjelpemidler på arbeidsplassen, arbeids- og utdanningsreiser, funksjonsassistanse,
handicapkompenserende ordninger and personlig assistance, lönebidrag and arbetshjälpmedel, the UK
Access to Work online application). 32 documents leaning to the web: 16 saved HTML pages, 3 pages
saved by Chrome as one .mhtml file, 2 pages printed to PDF by Chromium, 4 PDFs made by a word
processor, 2 Word files, 4 text copies and 1 Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so fixturesets' size_check is replaced by counts of its own.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "spatter")
META_DATES = {"article:published_time", "citation_publication_date", "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|advice page|guide|news item|blog post|press release|call for proposals|"
             r"tender notice|written question|minutes|newsletter",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"project page|catalogue page|working paper|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3, "as a pdf": 4,
         "printed to pdf by the browser": 2, "saved by chrome as one file": 3, "as a word file": 2,
         "copied": 2, "pasted": 2, "saved as markdown": 1, "with reader comments": 1,
         "fingerprint": 2, "field labels and values": 1, "citation widgets": 1, "mot 2030": 1,
         "press release": 1, "call for proposals": 1, "tender notice": 1, "written question": 1,
         "minutes": 2, "annual report": 1, "newsletter": 1, "book of abstracts": 1,
         "book-of-abstracts": 1, "evaluation report": 1, "working paper": 1, "thesis record": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipality's service page on applying for funksjonsassistanse",
                  {"Skip to main content", "Accept all", "Chatten er åpen 09–14", "Logg inn",
                   "Sentralbord: 70 00 00 00"},
                  {"Slik søker du", "Logg inn med BankID eller MinID.", "Åpningstider"}, "nb", ""),
    "portal": ("journal abstract on a research portal",
               {"Hopp til hovedinnhold", "Workplace adaptation 100%", "Contribution to journal",
                "Personvernerklæring", "BibTeX"}, {"Abstract"}, "en", ""),
    "project": ("research portal's project page with a final report",
                {"Online application 72%", "Research output per year", "2020", "Powered by Pure"},
                {"Final report", "Project details"}, "en", ""),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektnummer", "000000", "Prosjektperiode", "2024–2027",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "paper": ("working paper of the research project", {"HJELPDIGI Working Paper 0/2025", "Page 2"},
              {"Contents", "1 Introduction"}, "en", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "kari_n: Endelig!", "Skriv en kommentar", "Les også"}, set(),
             "nb", ""),
    "blog": ("blog post of a research group", {"Drevet av WordPress", "Relaterte innlegg"}, set(),
             "nb", "no year: no 19xx"),
    "journal": ("journal abstract on an article page with citation widgets",
                {"Views 0,000", "Altmetric 00", "Download PDF", "ORCID Icon"}, {"Abstract"},
                "en", ""),
    "event": ("seminar programme on an event page",
              {"Meld deg på", "Dato", "Torsdag 16. oktober 2025"}, {"Program", "11.30Lunsj"},
              "nb", ""),
    "conference": ("conference abstract in two languages",
                   {"Neste abstrakt", "Nøkkelord: arbeidsreise, digital søknad"},
                   {"Samandrag", "Abstract"}, "nn;en", ""),
    "thesis": ("master's thesis record", {"Download full text (PDF)", "Author", "Degree"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "strategy": ("municipal strategy page with a horizon year", {"Sist endra 20.06.2024"},
                 {"Tiltak"}, "nn", ""),
    "call": ("call for proposals with a future deadline", {"Søknadsfrist", "15.03.2026"},
             {"Frist", "Hvem kan søke"}, "nb", "no year: only the deadline"),
    "tender": ("tender notice with catalogue fields",
               {"CPV-kode: 00000000", "Publisert: 12.03.2025"},
               {"Beskrivelse", "Levering"}, "nb", ""),
    "question": ("parliamentary written question",
                 {"Tabled: 4 March 2024", "Answered: 18 March 2024"},
                 {"Question", "Answer"}, "en", ""),
    "evaluation": ("evaluation report as a pdf with an english summary",
                   {"Juni 2023", "Vestnorsk arbeidslivsforsking – side 2"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", ""),
    "minutes pdf": ("council minutes as a pdf",
                    {"Møtedato 9. oktober 2024", "Rett utskrift stadfestar"},
                    {"Orienteringar"}, "nn", ""),
    "annual": ("annual report excerpt", {"Stiftelsen Arbeidsliv for alle – 2"},
               {"Styrets beretning", "Tildelinger"}, "nb", ""),
    "response docx": ("consultation response as a word file",
                      {"Vår ref. | 00/000", "Dato | 14.11.2024",
                       "Org.nr. 000 000 000 | [email protected]"},
                      {"Med vennlig hilsen", "Til Arbeids- og inkluderingsdepartementet"},
                      "nb", ""),
    "board": ("board minutes as a word file",
              {"Dato | 3. februar 2025", "Protokoll – styremøte – intern"},
              {"Sak 2/25 Neste møte"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences"},
                   {"Dear members,", "Best wishes,"}, "en", ""),
    "seminar copy": ("seminar programme copied",
                     {"Add to calendar", "Home / Events / Research seminar"},
                     {"Programme", "10:30Break"}, "en", ""),
    "swedish abstract": ("conference abstract pasted out of a pdf", {"Session 4", "12"},
                         {"Sammanfattning"}, "sv", "no year: only 2018"),
    "markdown": ("seminar programme saved as markdown",
                 {"*   [Heim](/)", "**Dato:** tysdag 14. oktober 2025"},
                 {"## Program", "*   12.00Lunsj"}, "nn", ""),
}

# Binaries: file prefix -> (pages, /Title or None, year of /CreationDate or None).
PDFS = {"c01": (1, "Kunngjøring av konkurranse", "2026"),
        "c02": (1, "Written question and answer", "2026"),
        "p01": (3, "Digital søknad om tilrettelegging", "2023"),
        "p02": (3, "Microsoft Word - wp_hjelpdigi_v3.docx", "2025"),
        "p03": (1, "Møteprotokoll", None), "p04": (3, None, "2024")}
WORD = {"d01": ("Brukernes Hjelpemiddelforum", "Sekretariatet", 2024),
        "d02": ("Nettverk for arbeidsinkludering", "Styresekretær", 2025)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def named(prefix: str) -> str:
    (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
    return name


def staying(name: str) -> set[str]:
    """Visible lines of a document that no debris row names."""
    gone = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in gone}


@pytest.mark.parametrize("name", SET.on_disk)
def test_each_file(name):
    """fixturesets' per-document rules (labels, placement, page head, <dt>/<dd> fields), the type
    named by the genre words of its notes, and no later prose year left out of the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; five types four
    times or more; languages and bilingual documents; genres named; year situations and traps;
    programmes glue clock times; consultation responses are policy documents."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    formats = SET.by_column["format"]
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert len([n for n in SET.on_disk if n.startswith("c")]) == 2
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(SET.labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert dict(first) == {"nb": 14, "en": 10, "nn": 4, "da": 2, "sv": 2}, first
    assert parts["en"] >= 11 and parts["nn"] >= 3, parts
    bilingual = [lab for lab in SET.labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4
    assert any(lab["doc_type"] == "abstract" and "conference" in lab["notes"] for lab in bilingual)
    boiler = [lab for lab in SET.labels.values() if "are boilerplate" in lab["notes"]]
    assert len(boiler) >= 2 and all(";" not in lab["languages"] for lab in boiler)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    fs.trap_check(SET.labels, SET.prose, SET.lines)
    SET.consultations_check(3)
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 7)
    assert len({n for n, found in SET.lines.items() if any(map(DOT_LEADER.search, found))}) >= 3


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role of the brief: its named furniture lines are listed as debris and its headings
    are not; its languages label and the opening of its year evidence are the ones expected."""
    name = holder(role)
    label, (_, debris, kept, languages, evidence) = SET.labels[name], ROLES[role]
    missing = (sorted(debris - SET.debris_of(name)), sorted(kept - staying(name)))
    assert missing == ([], []), missing
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) in (3, 4)


def test_pdfs():
    """Each PDF's page count and metadata as the README states: Chromium's prints carry the day
    of printing, the word-processor PDFs their own year but one (none) and one re-exported; the
    re-export's label names /CreationDate; the Chromium stamp and the address are debris."""
    from pypdf import PdfReader

    for prefix, (pages, title, created) in PDFS.items():
        name = named(prefix)
        reader = PdfReader(SET.folder / name)
        meta = reader.metadata or {}
        assert len(reader.pages) == pages, name
        assert meta.get("/Title") == title, name
        assert (meta.get("/CreationDate") or "D:None")[2:6] == str(created), name
        if created and prefix.startswith("p") and created != SET.labels[name]["year"]:
            assert "/CreationDate" in SET.labels[name]["year_evidence"], name
    for prefix in ("c01", "c02"):
        name = named(prefix)
        stamp = [line for line in SET.lines[name]
                 if re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", line)]
        address = [line for line in SET.lines[name] if line.endswith(" 1/1")]
        assert len(stamp) == len(address) == 1 and set(stamp + address) <= SET.debris_of(name)
        assert SET.labels[name]["year"] != PDFS[prefix][2]
    assert any(row for row in SET.lines[named("p01")] if row.startswith("År Digitalt Papir"))
    assert any(line.startswith("¹ ") for line in SET.debris_of(named("p02")))


def test_word_and_mhtml():
    """The Word files' core properties (an organisation as author, a role as last editor, created
    and modified in the document's year) and their header and footer lines are debris; each
    .mhtml file is a Blink snapshot with its page, a stylesheet and an image."""
    import email
    from email import policy

    import docx

    for prefix, (author, editor, year) in WORD.items():
        name = named(prefix)
        props = docx.Document(str(SET.folder / name)).core_properties
        assert (props.author, props.last_modified_by) == (author, editor)
        assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
        assert "python-docx" not in (props.comments + props.last_modified_by)
        assert SET.lines[name][-1] in SET.debris_of(name)
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        assert email.message_from_bytes(data)["From"] == "<Saved by Blink>"
        message = email.message_from_bytes(data, policy=policy.default)
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message["Subject"] and message["Date"]
        kinds = [part.get_content_type() for part in message.walk()][1:]
        assert kinds == ["text/html", "text/css", "image/png"], kinds
        html = next(p for p in message.walk() if p.get_content_type() == "text/html")
        assert html["Content-Transfer-Encoding"] == "quoted-printable"
