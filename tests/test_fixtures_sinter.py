"""Checks of the sinter fixture set (tests/fixtures/exported/sinter), written blind.

Brief: disability benefits and work assessment allowances applied for and assessed digitally
(uføretrygd and arbeidsavklaringspenger, førtidspension and ressourceforløb, sjukersättning and
aktivitetsersättning, PIP and ESA): 32 documents leaning to the web: 16 saved pages, three pages
saved by Chrome as one file (.mhtml), two pages printed to PDF by the browser, four PDFs made by
a word processor, two Word files, four text copies and one page saved as Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, not the 36 to 40 of fixturesets.size_check, and three glued programmes plus one event
page whose times sit in paragraphs of their own, so sizes and traps are counted here.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "sinter")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipal service page|news item|blog post|"
             r"call for proposals|press release|council minutes|board minutes|newsletter|"
             r"written question",
    "policy_document": r"consultation response|strategy|agency report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 3, "consultation response": 4, "as a pdf": 4,
         "printed to pdf by the browser": 2, "saved by chrome as one file": 3, "copied": 2,
         "as a word file": 2, "saved as markdown": 1, "in two languages": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "agency report": ("agency report landing page",
                      {"Skip to main content", "Accept additional cookies", "Print this page",
                       "Telephone: 020 0000 0000"}, {"What we found"}, "en", "2023"),
    "municipal nb": ("municipal service page (the invented storvollen",
                     {"This website uses cookies", "Accept all", "Start chat",
                      "Sentralbord: 00 00 00 00"},
                     {"Slik søker du", "Logg inn med BankID på kommunens søknadsside."}, "nb",
                     "no year: no 19xx"),
    "question": ("councillor's written question",
                 {"Question number", "CQ 000/24", "Answered on", "9 July 2024"},
                 {"Question", "Answer"}, "en", "2024"),
    "portal": ("conference abstract on a university research portal",
               {"Research output: Contribution to conference", "100%", "Disability Benefits",
                "Powered by Pure", "Original language"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Projektperiode", "2024–2027", "Bevilling", "DKK 0,0 mio."},
                  {"Om projektet", "Summary in English"}, "da;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon", "Download PDF"},
                {"Abstract"}, "en", "2024"),
    "event": ("event page with a conference programme",
              {"Meld deg på", "Torsdag 23. oktober 2025"},
              {"09.15 Når legeerklæringen blir et skjema"}, "nb", "2025"),
    "news comments": ("news item with reader comments",
                      {"3 comments", "Leave a comment", "greycat: My video call dropped twice and "
                       "nobody wrote it down."}, {"Comments"}, "en", "2024"),
    "blog": ("blog post of a research group", {"Drevet med WordPress", "Kommentarer er stengt."},
             set(), "nb", "2023"),
    "municipal nn": ("municipal service page in nynorsk", {"Skip to content", "Sist endra"},
                     {"Kommunen og Nav-kontoret samarbeider om deg som får "
                      "arbeidsavklaringspengar."}, "nn", "no year: only 2021"),
    "jobcentre": ("municipal service page of a danish job centre",
                  {"Gå til indhold", "Log ind med MitID", "Book et møde"}, set(), "da",
                  "no year: no 19xx"),
    "thesis": ("master's thesis record", {"Forfatter", "Vis enkel innførsel", "Last ned"},
               {"Sammendrag", "Abstract"}, "nb;en", "2022"),
    "call": ("call for proposals with a future deadline", {"Søknadsfrist", "15. mars 2027"}, set(),
             "nb", "no year: only the deadline"),
    "press": ("press release", {"Pressemelding", "Pressekontakt", "Abonner på nyhetsbrev"}, set(),
              "nb", "2025"),
    "strategy": ("strategy with a horizon year", {"Vedtatt av landsmøtet 12. november 2024"},
                 {"Mål", "Tiltak"}, "nb", "2024"),
    "evaluation": ("evaluation report with an english summary as a pdf",
                   {"STAMI-rapport 0/2023", "Side 2", "Innhold", "Oslo, desember 2023"},
                   {"Sammendrag", "English summary", "Kontor A 40 62 %"}, "nb;en", "2023"),
    "minutes": ("council minutes as a pdf", {"Sak 000/24", "Møtedato: 19.09.2024", "Side 1"},
                {"Referatsaker"}, "nn", "2024"),
    "paper": ("working paper of the research project as a pdf",
              {"Working Paper 0/2025", "Contents", "2", "3"}, {"1 Introduction"}, "en", "2025"),
    "board": ("board minutes as a word file",
              {"Arbeidsevneforum – Styret", "Dato: | 11. februar 2025"},
              {"Sak 1 Digitale søknader om uføretrygd"}, "nb", "2025"),
    "newsletter": ("newsletter e-mail pasted as text", {"Meld deg av", "Sendt: 3. juni 2025"},
                   {"Hei!"}, "nb", "2025"),
    "book of abstracts": ("book-of-abstracts page pasted from a pdf",
                          {"37", "Remote assessments and trust in the decision"},
                          {"A survey from 2019 found the same gap between outcome and reason."},
                          "en", "2024"),
}

# The binaries as the README states them: pages, and the /CreationDate year and /Title of a PDF
# (None: absent); for a Word file its core properties.
PDFS = {"c01_disability_news_service_esa_video_en.pdf": (2, "print", "Disability News Service"),
        "c02_handikapnytt_automatiske_brev_nb.pdf": (2, "print", "Handikapnytt"),
        "p01_stami_evaluering_digital_oppfolging_nb_en.pdf":
            (3, "2026", "Digital oppfølging av personer med AAP"),
        "p02_kvernes_kommunestyre_protokoll_nn.pdf":
            (1, "2024", "Møteprotokoll kommunestyret 19.09.2024"),
        "p03_velliv_working_paper_screen_en.pdf": (3, None, None),
        "p04_aap_foreningen_hoeringssvar_nb.pdf":
            (1, "2025", "Microsoft Word - hoeringssvar_aap_v3.docx")}
WORD = {"w01_arbeidsevneforum_styremote_referat_nb.docx":
        ("Arbeidsevneforum", "Sekretariatet", 2025),
        "w02_sjukhuslakarna_remissvar_sv.docx": ("Sjukhusläkarna", "Kansliet", 2024)}
MHTML = {"x01": "https://www.scope.org.uk/", "x02": "https://www.forsakringsmedicinskadagar.se/",
         "x03": "https://www.psykologforeningen.no/"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """fixturesets' rules for each document (LabelledSet.each_document_check: labels, placement,
    page head and fields, genre and type, later prose years named)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; languages as the brief asks (four bilingual documents, one of them
    an abstract); the genres are named; year situations and traps; consultation responses are
    policy documents; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32
    assert dict(counts["format"]) == {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4,
                                      "md": 1}
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] == 14 and parts["en"] >= 11 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and any(lab["doc_type"] == "abstract" for lab in two)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(4)


def test_programmes_and_contents():
    """Clock times glued to titles only in the three copied or Markdown programmes, four kept
    lines or more each; the event page's times are not glued; contents lines are debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert all(SET.labels[name]["doc_type"] == "event_programme" for name in glued)
    assert len(glued) == 3 and HOLDERS["event"] not in glued
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    SET.contents_check(DOT_LEADER, 7)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Per role: the furniture named is listed as debris, the lines named stay visible and
    unlisted, the language label and the start of the year evidence are as the table says."""
    doc = HOLDERS[role]
    label, debris = SET.labels[doc], SET.debris_of(doc)
    must_go, must_stay, tag, opening = ROLES[role][1:]
    missing = [line for line in sorted(must_go) if line not in debris]
    wrongly_gone = [line for line in sorted(must_stay)
                    if line in debris or line not in SET.lines[doc]]
    assert (missing, wrongly_gone) == ([], [])
    assert (label["languages"], label["year_evidence"][:len(opening)]) == (tag, opening)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's pages and metadata as the README states: Chromium's prints carry the day they
    were printed (never the labelled year) and the page's <title>; its stamps are debris."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    assert info.get("/Title") == title
    if created == "print":
        assert info["/CreationDate"][2:6] != SET.labels[name]["year"]
        stamps = {line for line in SET.lines[name] if re.search(r"\d/\d$|\d:\d\d (AM|PM)", line)}
        assert len(stamps) >= 3 and stamps <= SET.debris_of(name)
    elif created is None:
        assert "/CreationDate" not in info
    else:
        assert info["/CreationDate"][2:6] == created
        assert created == SET.labels[name]["year"] or created in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation as author, no python-docx, created and
    modified in the document's year; header and footer lines are debris."""
    author, modifier, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, modifier)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text.strip() for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


@pytest.mark.parametrize("prefix", sorted(MHTML))
def test_mhtml(prefix):
    """Each page saved by Chrome is a multipart/related message with Blink's headers, a
    quoted-printable HTML part and two more parts; its Subject is the <title>, which is debris."""
    (name,) = [n for n in SET.on_disk if n.startswith(prefix)]
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert message.get_content_type() == "multipart/related"
    assert b"\nFrom: <Saved by Blink>\r\n" in data and message["Date"]
    assert message["Snapshot-Content-Location"].startswith(MHTML[prefix])
    assert message["Subject"] in SET.debris_of(name)
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html" and len(parts) == 3
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
