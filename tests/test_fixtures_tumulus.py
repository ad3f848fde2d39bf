"""Checks of the tumulus fixture set (tests/fixtures/exported/tumulus), written blind.

Brief: child maintenance and agreements between separated parents going digital (barnebidrag,
børnebidrag, underhållsstöd, the UK Child Maintenance Service; calculators, digital agreements,
automated collection). 32 documents leaning to the web: 16 saved pages, 3 pages saved by Chrome
as one .mhtml file, 2 pages printed to PDF by Chromium, 4 word processor PDFs, 2 Word files,
4 text copies and 1 Markdown page. English, Bokmål, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so fixturesets' size_check and trap_check (36 to 40 documents)
are replaced by the counts below.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "tumulus")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|written question|call for proposals|"
             r"tender notice|family law office's page|press release|newsletter|minutes",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|final report|evaluation report|working paper",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "clock times glued to talk titles": 4,
         "saved as one file": 3, "printed to pdf by the browser": 2,
         "word processor's pdf": 4, "word file": 2, "journal abstract": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages
# label, opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("agency service page of the child maintenance service",
               {"Accept analytics cookies", "Skip to main content", "Start webchat",
                "Sign in to your account", "Phone: 0800 000 0000"},
               {"How to sign in", "Choose the case you want to see if you have more than one."},
               "en", "no year: no 19xx"),
    "municipal": ("municipal service page on private child maintenance agreements",
                  {"We use cookies", "Skip to content", "Accept all", "Telefon: 32 00 00 00",
                   "Sist oppdatert 12.03.2024"}, {"Bruk kalkulatoren først"}, "nb", ""),
    "danish": ("danish municipality's service page",
               {"Gå til indhold", "Log på med MitID", "CVR 00 00 00 00"},
               {"Sådan gør du", "Log ind med MitID."}, "da", "no year: no 19xx"),
    "portal": ("conference abstract on a university research portal",
               {"Contribution to conference", "Fingerprint", "100%", "Original language",
                "Drevet av Pure og Scopus"}, {"Abstract"}, "en", ""),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektnummer", "300000", "2024–2028", "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on a publisher's article page",
                {"CrossRef citations to date", "Altmetric", "ORCID Icon", "Download PDF"},
                {"Abstract"}, "en", ""),
    "bilingual": ("bilingual journal abstract", {"Sitér", "Last ned PDF", "Publisert 19.02.2024"},
                  {"Sammendrag", "Abstract"}, "nb;en", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar",
              "kari_h: Endelig slapp vi å vente i månedsvis."},
             set(), "nb", ""),
    "tender": ("tender notice with catalogue fields",
               {"CPV-kode", "Frist for tilbud", "20.01.2026 12:00"}, {"Kort beskrivelse"}, "nb",
               "no year: only"),
    "thesis": ("thesis record", {"Författare", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2022", "Side 3",
                    "1 Sammendrag ........................................ 3"},
                   {"Innhold", "3 English summary"}, "nb;en", ""),
    "strategy pdf": ("municipal strategy as a word processor's pdf re-exported later",
                     {"Vedtatt av kommunestyret 16. september 2021", "Trysil kommune | side 2"},
                     {"2 Mål"}, "nb", ""),
    "minutes": ("council minutes", {"Møtedato: 14.06.2023", "Sak 23/00000",
                                    "Møtebok 14.06.2023 – side 2"},
                {"Vedtak: Orienteringa blir teken til vitande."}, "nn", ""),
    "response word": ("consultation response as a word file",
                      {"Enlige Forsørgeres Forening", "Jeres j.nr. | 2022-0000"},
                      {"Med venlig hilsen", "Til Social- og Ældreministeriet"}, "da", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"View this email in your browser", "Unsubscribe | Update your preferences"},
                   {"Dear friends of the lab,"}, "en", ""),
    "markdown": ("network meeting programme saved as markdown",
                 {"**Dato:** torsdag 16. oktober", "*   [Bidragsforum](/)"},
                 {"## Program"}, "nb", "no year: only"),
}

# Each PDF: pages, /Title (None: absent), year of /CreationDate (None: absent), printed by
# Chromium; each Word file: author, last_modified_by, year created and modified.
PDFS = {
    "c01_ncsa_annual_report_digital_en.pdf":
        (2, "Annual report: digital services | NCSA", "2026", True),
    "c02_cmnet_webinar_programme_en.pdf": (1, "Webinar: Agreements by app – CMRN", "2026", True),
    "p01_analysehuset_evaluering_bidragsveiledning_nb_en.pdf":
        (4, "Evaluering av digital bidragsveiledning", "2022", False),
    "p02_heggnes_motebok_oppvekst_nn.pdf":
        (2, "Microsoft Word - motebok_hu_oppvekst_v3.docx", "2023", False),
    "p03_bidragsdigi_working_paper_en.pdf":
        (2, "Signing alone: digital child maintenance agreements in Norway", None, False),
    "p04_trysil_strategi_familietjenester_nb.pdf": (3, None, "2024", False),
}
WORD = {"w01_enlige_horingssvar_opkraevning_da.docx":
        ("Enlige Forsørgeres Forening", "Sekretariatet", 2022),
        "w02_bidragsforum_styremote_referat_nb.docx": ("Bidragsforum", "Sekretær", 2024)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")
CHROMIUM = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M |^(?:ﬁ|fi)le://.* \d+/\d+$")


def role_report(role: str) -> dict:
    """What a role's holder shows: furniture that is not debris, headings or steps that are
    not kept, its languages label, whether its evidence opens as expected, its prose count and
    prose listed as debris."""
    opening, gone, stay, _, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    return {"not debris": gone - debris, "not kept": stay - (set(SET.lines[name]) - debris),
            "languages": label["languages"],
            "evidence": label["year_evidence"].startswith(evidence),
            "prose": min(len(SET.sentences(name)), 3),
            "prose as debris": set(SET.sentences(name)) & debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document by the set-wide rules of fixturesets (labels, placement, the saved
    page's head and fields, type named by the genre, later prose years in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs, README tables and roles agree; 32 documents in the formats, types and
    languages of the brief; the genres are named; the year situations and traps; the
    consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    formats, types = SET.by_column["format"], SET.by_column["doc_type"]
    assert len(labels) == 32
    assert dict(formats) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert (parts["nb"], parts["en"], parts["nn"], parts["da"], parts["sv"]) == (14, 15, 3, 2, 2)
    assert (tags["nb"], tags["en"]) == (11, 11)
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(3)
    assert Counter(lab["doc_type"] for lab in labels.values()
                   if "consultation response" in lab["notes"]) == {"policy_document": 3}


def test_programmes_and_contents():
    """Glued clock times in the four programmes only, four kept lines or more each; six
    dot-leader contents lines, all debris, in two PDFs."""
    SET.glued_check()
    assert SET.by_column["doc_type"]["event_programme"] == 4
    SET.contents_check(DOT_LEADER, 6)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) == 2


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    assert role_report(role) == {"not debris": set(), "not kept": set(),
                                 "languages": ROLES[role][3], "evidence": True, "prose": 3,
                                 "prose as debris": set()}


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; Chromium's furniture lines (one print
    date with the <title>, an address with the page count a page) are debris; the re-exported
    strategy names its /CreationDate in its evidence and keeps the cover's year."""
    pages, title, created, printed = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    assert (str(info["/CreationDate"])[2:6] if "/CreationDate" in info else None) == created
    furniture = {line for line in SET.lines[name] if CHROMIUM.search(line)}
    assert len(furniture) == (1 + pages if printed else 0)
    assert furniture <= SET.debris_of(name)
    label = SET.labels[name]
    if created and not printed and created != label["year"]:
        assert "/CreationDate" in label["year_evidence"] and int(created) - int(label["year"]) >= 2
    if printed:
        assert created not in label["year_evidence"].split("'")[1]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word file's core properties: an organisation as author, a role as last editor,
    created and modified in the labelled year; its header and footer are debris."""
    import docx

    author, editor, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.last_modified_by != "python-docx"
    assert {SET.lines[name][0], SET.lines[name][-1]} <= SET.debris_of(name)


def test_mhtml():
    """The pages saved as one file carry Blink's headers in Blink's order, a quoted-printable
    HTML part and at least one more part."""
    import email
    from email import policy

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert b"From: <Saved by Blink>" in data.splitlines()
        names = [line.split(b":")[0] for line in data.split(b"\r\n\r\n")[0].splitlines()
                 if not line[:1].isspace()]
        assert names == [b"From", b"Snapshot-Content-Location", b"Subject", b"Date",
                         b"MIME-Version", b"Content-Type"]
        assert message["Snapshot-Content-Location"]
        assert message["Subject"] and message["Date"] and message.get_content_subtype() == "related"
        parts = list(message.iter_parts())
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
