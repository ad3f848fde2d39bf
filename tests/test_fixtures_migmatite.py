"""Checks of the migmatite fixture set (tests/fixtures/exported/migmatite), written blind.

Brief: how activity requirements for young recipients of social assistance are planned and
followed up digitally (aktivitetsplikt, digital activity plans, attendance apps, the Danish
uddannelsespålæg). 32 documents leaning to the web: 16 saved pages, 3 pages saved by Chrome as
one .mhtml file, 2 pages printed to PDF by the browser, 4 PDFs made by a word processor, 2 Word
files, 4 text copies and one page saved as Markdown. Bokmål, English, Nynorsk, Danish and
Swedish, five bilingual documents and two Bokmål pages whose only English is boilerplate.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "migmatite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|press release|news item|blog post|call for proposals|tender notice|"
             r"council minutes|newsletter",
    "policy_document": r"guideline|strategy|consultation response|annual report",
    "project_report": r"research project's|working paper|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"as a pdf made by a word processor": 4, "printed to pdf by the browser": 2,
         "saved by chrome as one file": 3, "as a word file": 2, "saved as markdown": 1,
         "clock times glued to talk titles": 3, "consultation response": 2, "journal abstract": 2,
         "conference abstract": 2, "press release": 1, "newsletter e-mail": 1, "tender notice": 1,
         "call for proposals": 1, "council minutes": 1, "annual report": 1, "evaluation report": 1,
         "book-of-abstracts page": 2, "thesis record": 1, "reader comments": 1, "blog post": 1}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "service": ("municipality's service page on the activity requirement",
                {"We use cookies", "Accept all cookies", "Skip to content", "Chat med oss",
                 "Sentralbord: 69 00 00 00"},
                {"Slik gjør du det", "Åpningstider",
                 "Logg inn med BankID og åpne aktivitetsplanen."}, "nb", "2025"),
    "press": ("press release", {"Skip to main content", "Print", "Related links",
                                "Phone: 01 000 0000"}, {"Notes for editors"}, "en", "2024"),
    "guideline": ("guideline page of a directorate", {"Hopp til hovedinnhold", "Godta alle",
                                                      "English"}, {"Anbefalinger"}, "nb",
                  "no year: no 19xx"),
    "portal": ("journal abstract on a university research portal",
               {"Contribution to journal", "peer-review", "Fingerprint", "Social Assistance 100%",
                "Cite this", "Original language"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Projektperiode", "2024–2027", "Projektnummer", "00000", "Bevilget beløb"},
                  {"Summary in English"}, "da;en", "no year: only"),
    "journal": ("journal abstract on a publisher's article page",
                {"Views", "Citations", "Altmetric", "ORCID Icon", "[email protected]",
                 "Cite this article"}, {"Abstract", "Evidence for Practice"}, "en", "2024"),
    "event": ("event page with a seminar programme", {"Når", "Meld deg på", "Påmeldingsfrist"},
              {"10.00–10.45", "Lunsj"}, "nb", "2025"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "fjordgutten", "Your privacy", "Accept all"},
             {"Unge på sosialhjelp skal melde oppmøte i app"}, "nb", "2024"),
    "blog": ("blog post of a research group",
             {"Drevet med WordPress", "Hopp til innholdet", "Publisert 27. november 2023"},
             {"Når aktivitetsplanen flytter inn i telefonen"}, "nb", "2023"),
    "thesis": ("master's thesis record", {"Item Type:", "Thesis (Masters)", "Download (1MB)"},
               {"Abstract", "Sammendrag"}, "en;nb", "2022"),
    "call": ("call for proposals", {"Posted on 2 October 2025", "Allow all"}, {"How to submit"},
             "en", "2025"),
    "tender": ("tender notice", {"Contracting authority", "Submission deadline", "Tender notice",
                                 "Notice identifier: 2025/S 000-000000"},
               {"Description of the procurement"}, "en", "2025"),
    "strategy": ("municipal strategy page", {"Suomeksi", "Sámegillii"}, {"Mål", "Tiltak"}, "nb",
                 "2024"),
    "glued page": ("seminar programme with clock times glued to talk titles, saved by chrome",
                   {"Påmelding"}, {"12.00Lunsj"}, "nb", "2025"),
    "book of abstracts": ("conference abstract on a book-of-abstracts page with an english",
                          {"Side 42 av 118", "Sesjon 4: Aktivering og velferd",
                           "Neste abstrakt: Sanksjoner i sosialhjelpen – Lene Dahl (oppdiktet)"},
                          {"English abstract"}, "nb;en", "2025"),
    "printed project": ("research project's page of an invented municipality",
                        {"Prosjektperiode: 2024–2026", "Tenester", "Del Skriv ut"},
                        {"Korleis arbeider vi?"}, "nn", "no year: only"),
    "response": ("consultation response of an invented municipality",
                 {"Dykkar ref.: 24/0000 · Vår ref.: 24/0000", "Brattøy, 12. september 2024",
                  "Side 1"}, {"Arbeids- og inkluderingsdepartementet", "Med helsing"}, "nn",
                 "2024"),
    "working paper": ("working paper of the research project ungplan",
                      {"UNGPLAN Working Paper 0/2025 · Plans on screen", "Page 2",
                       "ISSN 0000-0000"}, {"Contents", "3 Early findings"}, "en", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Mai 2022", "ISBN 978-82-0000-000-0", "Side 2"},
                   {"English summary", "Sammendrag"}, "nb;en", "2022"),
    "annual": ("annual report excerpt",
               {"Vedteken av kommunestyret 14. mars 2024, sak 00/24",
                "Årsmelding · Sosialtenesta i Brattøy"}, {"Unge med aktivitetsplikt"}, "nn",
               "2024"),
    "minutes": ("council minutes", {"Dato: | 22.10.2024", "Utval: | Formannskapet", "Side 1"},
                {"Vedtak"}, "nn", "2024"),
    "routine": ("guideline of a municipality as a word file",
                {"Gjelder fra: | 01.09.2023", "Våler kommune – Kvalitetssystem"}, {"Formål"},
                "nb", "2023"),
    "copied programme": ("seminar programme with clock times glued to talk titles, copied",
                         {"Tirsdag 9. september 2025", "Meld deg på"}, {"12.00–12.45Lunsj"},
                         "nb", "2025"),
    "newsletter": ("newsletter e-mail", {"Unsubscribe | Update your preferences",
                                         "Subject: NARN Newsletter – February"},
                   {"Dear members,"}, "en", "2025"),
    "pdf abstract": ("conference abstract on a book-of-abstracts page, text taken out of a pdf",
                     {"57", "EGPA Annual Conference 2024 · Book of Abstracts"},
                     {"Keywords: activation; dashboards; street-level bureaucracy; youth"}, "en",
                     "2024"),
    "youth council": ("consultation response of a youth council",
                      {"Deres ref.: 24/0000", "Emne: Høringssvar – endringer i sosialtjenesteloven "
                       "(aktivitetsplikt)"}, {"Med vennlig hilsen"}, "nb", "2024"),
    "markdown": ("research project's page saved as markdown",
                 {"**Project period:** 2023–2026", "*   [Home](/)"},
                 {"## About the project", "## Om prosjektet"}, "en;nb", "no year: only"),
}

# PDF: (pages, /Title or None, year of /CreationDate or None) as the README states.
PDFS = {
    "c01_vadso_frokostmote_aktivitetsplaner_printed_nb.pdf":
        (1, "Frokostmøte - Vadsø kommune", "print"),
    "c02_brattoy_prosjekt_digakt_printed_nn.pdf": (1, "DIGAKT - Brattøy kommune", "print"),
    "p01_brattoy_hoyringsfrasegn_aktivitetsplikt_nn.pdf":
        (1, "Microsoft Word - horingsfrasegn_v3.docx", "2024"),
    "p02_ungplan_working_paper_plans_on_screen_en.pdf":
        (3, "Plans on screen: early findings from three Danish job centres", "2025"),
    "p03_nordhamn_evaluering_digital_aktivitetsplan_nb_en.pdf":
        (3, "Evaluering av digital aktivitetsplan for unge sosialhjelpsmottakere", "2025"),
    "p04_brattoy_arsmelding_sosialtenesta_nn.pdf": (1, None, None),
}
# Word file: (author, last_modified_by, year created)
WORD = {"d01_brattoy_motebok_formannskapet_nn.docx":
            ("Brattøy kommune", "Politisk sekretariat", 2024),
        "d02_valer_rutine_digital_oppfolging_aktivitetsplikt_nb.docx":
            ("Våler kommune", "Kvalitetsrådgiver", 2023)}
STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")


def holder(role: str) -> str:
    """The one document whose notes open with the role's words."""
    return fs.by_notes(SET.labels, ROLES[role][0])


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared label, placement and page rules; the type named by the notes' genre; later years
    of the prose named in the evidence (LabelledSet.each_document_check does all three)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats, all five types
    four times or more; languages, bilingual documents and boilerplate-only pages; the genres are
    named; year situations and traps; the consultation responses are policy documents; every
    role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({key: row[0] for key, row in ROLES.items()})
    by_format, by_type = (fs.column_counts(labels)[key] for key in ("format", "doc_type"))
    assert (len(labels), dict(by_format)) == (32, FORMATS)
    assert sorted(by_type) == sorted(fs.TYPES) and all(n >= 4 for n in by_type.values())
    tags, _, openers = fs.language_counts(labels)
    first = {code: sum(t.split(";")[0] == code for t in tags.elements()) for code in fs.LANGUAGES}
    assert first == {"nb": 13, "en": 11, "nn": 4, "da": 2, "sv": 2}, first
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(bilingual) >= 4 and len(openers) >= 3
    assert {lab["doc_type"] for lab in bilingual} >= {"abstract", "project_report"}
    for role in ("service", "news"):   # English boilerplate on a Bokmål page: labelled nb
        name = holder(role)
        english = {"Accept all cookies", "Skip to content", "Your privacy", "Accept all"}
        assert labels[name]["languages"] == "nb" and set(SET.lines[name]) & english
        assert "labelled nb" in labels[name]["notes"]
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_and_contents():
    """The glued programmes (a copy, a saved .mhtml page and a printed page) keep four glued
    lines or more and no programme glues a debris line; the HTML programmes keep their times in
    cells of their own; eight dot-leader contents lines, all debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert {holder("glued page"), holder("copied programme")} < set(glued)
    assert sorted(n[:3] for n in glued) == ["c01", "t01", "x02"]
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
        assert SET.labels[name]["doc_type"] == "event_programme"
    SET.contents_check(re.compile(r"\.{10,} \d+$"), 8)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Per role of the brief: the named furniture is listed as debris, the named headings and
    steps are visible and not debris, the languages label and the evidence opening are as the
    table says, and the document has at least three prose sentences."""
    doc = holder(role)
    must_go, must_stay, tag, opening = ROLES[role][1:]
    debris = SET.debris_of(doc)
    assert not must_go - debris, must_go - debris
    assert must_stay <= set(SET.lines[doc]) and not must_stay & debris
    label = SET.labels[doc]
    assert (label["languages"], label["year_evidence"][:len(opening)]) == (tag, opening)
    assert len(SET.sentences(doc)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: the printed pages carry
    Chromium's stamp (debris) and dates of the printing day, never the labelled year; the
    re-exported report's /CreationDate is later than its labelled cover year and named in the
    evidence; the annual report has no /CreationDate and no /Title."""
    pages, title, created = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    if created == "print":
        assert "HeadlessChrome" in meta["/Creator"] and meta["/CreationDate"][2:6] != label["year"]
        stamps = [line for line in SET.lines[name] if STAMP.match(line)]
        ends = [line for line in SET.lines[name] if line.endswith(f"1/{pages}")]
        assert len(stamps) == pages and stamps[0].endswith(meta["/Title"])
        assert set(stamps + ends) <= SET.debris_of(name)
    elif created is None:
        assert "/CreationDate" not in meta
    else:
        made = meta["/CreationDate"][2:6]
        assert made == created
        # a re-export: the property is two or more years after the labelled cover date
        assert made == label["year"] or (
            int(made) >= int(label["year"]) + 2 and "/CreationDate" in label["year_evidence"])


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states (an organisation as author, never python-docx as
    last editor, created in the labelled year); header, table fields and footer are debris."""
    author, editor, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by, props.created.year) == (author, editor, year)
    assert str(year) == SET.labels[name]["year"] and props.last_modified_by != "python-docx"
    assert {line for line in SET.lines[name] if " | " in line} <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A Chrome single-file page: Blink's headers, its Subject the page's <title> (debris), a
    quoted-printable HTML part first and at least one stylesheet or image part."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\n") and message["Snapshot-Content-Location"]
    assert message["Date"] and message.get_content_type() == "multipart/related"
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert {p.get_content_type() for p in parts[1:]} & {"text/css", "image/png"}
    assert message["Subject"] in SET.debris_of(name)
    assert message["Subject"] != SET.labels[name]["title"]
