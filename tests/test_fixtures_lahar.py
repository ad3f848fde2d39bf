"""Checks of the lahar fixture set (tests/fixtures/exported/lahar), written blind.

Brief: unemployment benefits and job-seeking services going digital (dagpenger and meldekort,
a-kasse and joblog, arbetslöshetsersättning and tidrapporter, Jobseeker's Allowance; digital CVs,
activity logs, profiling of jobseekers). 32 documents leaning to the web: 16 saved HTML pages,
three pages saved by Chrome as one file (.mhtml), two pages printed to PDF by the browser, four
word-processor PDFs, two Word files, four text copies and one Markdown page. English, Bokmål,
Nynorsk, Danish and Swedish, five bilingual documents and two monolingual pages whose only other
language is boilerplate.

This set is smaller than the 36 to 40 documents that fixturesets.size_check expects and has two
programmes with glued clock times instead of three, so its sizes and traps are checked here. The
import is never run: labels, debris and prose are held to the shared conventions of fixturesets
and then to the brief.
"""

import email
import re
from email import policy

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "lahar")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|guide page|news item|blog post|press release|written question|"
             r"call for proposals|tender notice|minutes|newsletter|annual report",
    "policy_document": r"policy statement|consultation response|strategy",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"(?:seminar|conference|meeting) programme|event page",
}.items()}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"as a pdf": 4, "printed to pdf by the browser": 2, "saved as one file": 3,
         "as a word file": 2, "copied": 3, "saved as markdown": 1, "consultation response": 2,
         "journal abstract": 2, "clock times glued to talk titles": 2, "later year": 4,
         "labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "portal": ("government portal's policy statement",
               {"Skip to main content", "Accept all cookies", "Tel: +350 000 00000",
                "Print this page", "Related content"},
               {"What is changing", "Who this affects"}, "en", "Published 14 March 2025"),
    "municipal": ("municipality's service page on digital job seeking",
                  {"Skip to content", "We use cookies", "Start chat", "Logg inn med ID-porten",
                   "Sentralbord: 73 00 00 00", "Kvalifiseringsprogrammet - Malvik kommune"},
                  {"Slik kommer du i gang", "Åpningstider",
                   "Logg inn med BankID og åpne aktivitetsplanen."}, "nb", "no year: no 19xx"),
    "swedish": ("swedish organisation's guide page",
                {"Hoppa till innehållet", "Godkänn alla", "In English", "Växel: 08-000 000 00",
                 "Senast uppdaterad 2024-09-02"},
                {"Steg för steg", "Skicka tidrapporter varannan vecka."}, "sv",
                "Senast uppdaterad 2024"),
    "portal record": ("university research portal's record",
                      {"Contribution to conference", "peer-review", "Profiling 100%",
                       "Original language", "Publication date", "BibTeX"},
                      {"Abstract"}, "en", "Publication date 6 Sept 2023"),
    "catalogue": ("research project's catalogue page",
                  {"TEMA-ARBEID", "Prosjektnummer", "300000", "Prosjektperiode", "2022–2026",
                   "Ingen publikasjoner registrert"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal abstract on an article page",
                {"1,204 Views", "3 CrossRef citations to date", "Altmetric", "ORCID Icon",
                 "Download PDF", "Correspondence: [email protected]"},
                {"Abstract"}, "en", "Published online: 11 June 2024"),
    "event": ("event page", {"Tid", "Meld deg på", "Legg til i kalender"},
              {"Program", "08.30", "Frokost og mingling"}, "nb", "Tid: Tirsdag 4. februar 2025"),
    "news": ("news item with reader comments",
             {"Kommentarer (2)", "Skriv en kommentar", "Les også", "Publisert 22.10.2024 06:30"},
             set(), "nb", "Publisert 22.10.2024"),
    "blog": ("blog post of a research group",
             {"Comments are closed.", "Posted on 9 May 2023 by Lab team",
              "Proudly powered by WordPress"}, set(), "en", "Posted on 9 May 2023"),
    "nynorsk page": ("municipality's service page on help with reporting cards",
                     {"Hopp til hovudinnhald", "Telefon: 57 00 00 00", "[email protected]"},
                     {"Slik får du hjelp", "Opningstider"}, "nn", "no year: no 19xx"),
    "virke": ("consultation response of an employers' organisation",
              {"Høringssvar", "Last ned høringssvaret (PDF)", "Flere høringssvar"},
              {"Til Arbeids- og inkluderingsdepartementet", "Med vennlig hilsen"}, "nb",
              "Publisert 30.08.2024"),
    "press": ("press release", {"Notes to editors", "Press office: 0116 000 0000",
                                "Registered charity no. 0000000"}, set(), "en",
              "Press release dated 27 January 2025"),
    "question": ("parliamentary written question",
                 {"Asked by", "Answered by", "Date of answer", "18 April 2024"},
                 {"Question", "Answer"}, "en", "Date of answer: 18 April 2024"),
    "call": ("call for proposals", {"Application deadline", "15 March 2027, 13:00 CET",
                                    "Personvern og informasjonskapsler", "Apply now"},
             set(), "en", "no year: only the deadline year 2027"),
    "tender": ("tender notice", {"CPV-kode", "00000000-0", "Tilbudsfrist", "Referanse"},
               {"Kort beskrivelse"}, "nb", "Publisert: 03.06.2025"),
    "thesis": ("master's thesis record", {"Author", "Date issued", "Download full text (PDF)",
                                          "Powered by DSpace"},
               {"Abstract", "Sammendrag"}, "en;nb", "Date issued: 2022"),
    "conference": ("conference programme saved as one file",
                   {"Book your place", "Our sponsors", "Employability Futures 2024 | ERSA"},
                   {"Programme", "Registration and coffee"}, "en", "Thursday 7 November 2024"),
    "a-kasse cv": ("a-kasse's guide page on the digital cv",
                   {"Gå til indhold", "Tillad alle", "CVR 00 00 00 00", "Start chat"},
                   {"Sådan gør du", "Log ind på Jobnet med MitID."}, "da", "no year: no 19xx"),
    "final report": ("project page with a final report",
                     {"Prosjektperiode", "2021–2023", "Last ned sluttrapporten (PDF)"},
                     {"Sluttrapport", "Summary in English"}, "nn;en",
                     "Sluttrapport publisert 15. desember 2023"),
    "print": ("service page printed to pdf", {"Last updated: 3 October 2024",
                                              "Helpline: 0800 000 0000"},
              {"Questions"}, "en", "Last updated: 3 October 2024"),
    "strategy": ("municipal strategy page printed", {"Vedtatt i kommunestyret 12.03.2024",
                                                     "Skriv ut Del"},
                 {"Mål", "Tiltak"}, "nb", "Vedtatt i kommunestyret 12.03.2024"),
    "evaluation": ("evaluation report with an english summary",
                   {"AFI-rapport 2023:00", "Oktober 2023",
                    "Evaluering av digital jobbsøkerstøtte | AFI-rapport 2023:00"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "Oktober 2023"),
    "minutes": ("council minutes", {"Møtedato: 19.09.2024", "Hamrefjord kommune – Møtebok"},
                {"Vedtak", "Sak 000/24 Digitale tenester for arbeidssøkjarar"}, "nn",
                "Møtedato: 19.09.2024"),
    "paper": ("working paper of the research project digijobb",
              {"DIGIJOBB Working Paper 0/2023", "September 2023",
               "² Compare the rule change of 2019 on digital reporting."},
              {"Contents", "1 Introduction"}, "en", "September 2023"),
    "book of abstracts": ("conference abstract on a book-of-abstracts page",
                          {"Nordiska arbetsmarknadskonferensen, Visby 23–24 maj 2024",
                           "Jobbcoacher på distans: en studie av videomöten"},
                          {"Abstract"}, "sv;en", "Visby 23–24 maj 2024"),
    "municipal response": ("consultation response of a municipality",
                           {"Flekkefjord kommune", "Vår ref.: | 24/000", "Dato: | 28.08.2024"},
                           {"Med hilsen", "Kommunedirektøren"}, "nb", "Dato: 28.08.2024"),
    "annual report": ("annual report excerpt", {"Jobbverkstedet Trøndelag AS – Årsrapport"},
                      {"Nøkkeltall | Antall", "Trondheim, 14. mars 2024"}, "nb",
                      "Trondheim, 14. mars 2024"),
    "seminar": ("seminar programme copied", {"Torsdag 14. november", "Meld deg på", "Dato"},
                {"Program", "11:30Lunsj"}, "nb", "no year: no 19xx"),
    "newsletter": ("newsletter e-mail", {"Meld deg av nyhetsbrevet",
                                         "Sendt: mandag 3. februar 2025 08:02"},
                   {"Hei!", "Vennlig hilsen"}, "nb", "Sendt: mandag 3. februar 2025"),
    "journal copy": ("journal abstract copied", {"843 views", "How to cite",
                                                 "Published: 12 November 2021"},
                     {"Abstract"}, "en", "Published: 12 November 2021"),
    "joblog": ("a-kasse's guide page copied", {"Log ind", "Ring til os: 70 00 00 00"},
               {"Det skal du skrive"}, "da", "no year: only 2019"),
    "markdown": ("network meeting programme saved as markdown",
                 {"**Dato:** 10. april 2025", "*   [Hjem](/)"}, {"## Program"}, "nb",
                 "Dato: 10. april 2025"),
}

# PDFs: pages, /Title (None: absent), year of /CreationDate (None: absent), and whether the
# browser printed it (Chromium stamps the day of printing, never the page's date).
PDFS = {
    "c01_fairstart_online_job_search_record_print_en.pdf":
        (1, "Your job search record | Fair Start Scotland", "print", True),
    "c02_melhus_strategi_arbeid_inkludering_mot_2030_print_nb.pdf":
        (1, "Strategi mot 2030 - Melhus kommune", "print", True),
    "p01_afi_evaluering_digital_jobbsokerstotte_nb_en.pdf":
        (4, "Evaluering av digital jobbsøkerstøtte i arbeidsmarkedsbedrifter", "2023", False),
    "p02_hamrefjord_kommunestyre_mote_nn.pdf": (1, None, None, False),
    "p03_digijobb_working_paper_discretion_en.pdf": (3, "DIGIJOBB Working Paper", "2025", False),
    "p04_arbetsmarknadskonferensen_book_of_abstracts_sv_en.pdf":
        (1, "Microsoft Word - abstracts_v3.docx", "2024", False),
}
# Word files: author, last_modified_by, year created and modified.
WORD = {"w01_flekkefjord_horingssvar_meldeplikt_nb.docx":
        ("Flekkefjord kommune", "Sakshandsamar", 2024),
        "w02_jobbverkstedet_arsrapport_utdrag_nb.docx":
        ("Jobbverkstedet Trøndelag AS", "Daglig leder", 2024)}
IDS = {
    "phone": r"(?:Tel|Telefon|Sentralbord|Helpline|Press office|Växel|Ring til os): "
             r"(?P<id>[+\d][\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
    "DOI": r"10\.0000/(?:njlmp\.)?(?P<id>\d+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "working paper": r"Working Paper (?P<id>\d+)/20\d\d",
    "case number": r"Sak (?P<id>\d+)/\d\d",
    "reference": r"ref\.: \| \d\d/(?P<id>\d+)$",
    "handle": r"hdl\.handle\.net/(?P<id>[\d/]+)",
    "project number": r"^(?P<id>\d{6})$",
}
FORMS = {"phone": r"\+350 0+ 0+|0116 0+ 0+|0800 0+ 0+|[1-9]\d(?: 00){3}|08-0+ 0+ 0+",
         "organisation number": r"9?[0 ]+", "project number": r"30{5}"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The one document of the set that holds ``role`` (its notes open with the role's
    words)."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def kept_lines(name: str) -> set[str]:
    """Visible lines of ``name`` left when its debris rows are taken away."""
    return set(SET.lines[name]).difference(SET.debris_of(name))


@pytest.mark.parametrize("document", sorted(SET.labels))
def test_each_document(document):
    """fixturesets' rules for one file (title and prose placement, debris as whole lines,
    codebook values, year rules, an HTML page's head and dt/dd fields), plus one type named by
    the genre opening its notes and any later prose year named in its evidence."""
    SET.each_document_check(document, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; every type four
    times or more; languages and bilingual documents as asked; genres named; year situations;
    consultation responses typed policy_document; every role held by a document of its own."""
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    counts = SET.by_column
    assert dict(counts["format"]) == FORMATS and len(SET.labels) == 32
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(SET.labels)
    assert parts["nb"] >= 13 and parts["en"] >= 10 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    assert sum(openers.values()) >= 4 and len(openers) >= 3
    boilerplate = [lab for lab in SET.labels.values() if "labelled monolingual" in lab["notes"]]
    assert len(boilerplate) >= 2 and all(";" not in lab["languages"] for lab in boilerplate)
    assert fs.missing_genres(SET.labels, NAMED) == {}
    SET.consultations_check(2)
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []


def test_programmes_identifiers_and_contents():
    """Glued clock times only in the copied programmes (four kept lines or more each, none
    debris); every programme keeps its timetable; identifiers present and zero-filled; five
    pages with field lists; no kept Markdown field line; seven dot-leader lines, all debris."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued == sorted([holder("seminar"), holder("markdown")])
    for name in glued:
        lines = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(lines) >= 4 and not lines & SET.debris_of(name), name
    programmes = [n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"]
    assert len(programmes) == 4
    for name in programmes:
        assert len([line for line in kept_lines(name)
                    if re.match(r"\d\d[:.]\d\d", line)]) >= 4, name
    SET.identifiers_check(IDS, FORMS)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role of the brief: its page furniture is listed as debris, its headings, steps and
    timetable lines are kept, and its language label and the opening of its year evidence are
    those of the table; none of its prose sentences sits on a debris line."""
    name = holder(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    opening, must_go, must_stay, languages, evidence = ROLES[role]
    missing = sorted(line for line in must_go if line not in debris)
    kept_wrongly = sorted(line for line in must_stay if line in debris or
                          line not in SET.lines[name])
    assert (missing, kept_wrongly) == ([], []), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert label["notes"].lower().startswith(opening)
    assert not [s for s in SET.sentences(name) if any(s in line for line in debris)]


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: a browser's print carries the day it was
    printed (never the labelled year); the word-processor PDFs carry their own /Title and
    /CreationDate or none; the re-exported one is two years or more after its cover date,
    which its evidence names."""
    from pypdf import PdfReader

    pages, title, created, printed = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = dict(reader.metadata or {})
    label = SET.labels[name]
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    if printed:
        assert "HeadlessChrome" in meta["/Creator"] and meta["/Producer"].startswith("Skia")
        assert meta["/CreationDate"][2:6] != label["year"]
        assert {line for line in SET.lines[name] if re.fullmatch(r"\d+/\d+", line)} \
            <= SET.debris_of(name)
    else:
        assert meta["/Producer"].startswith("LibreOffice") and "/Author" in meta
        assert (meta["/CreationDate"][2:6] if "/CreationDate" in meta else None) == created
        if created and created != label["year"]:
            assert int(created) - int(label["year"]) >= 2
            assert "/CreationDate" in label["year_evidence"]
        if created is None:
            assert "no /CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or a role as author and last editor (never
    python-docx), created and modified in the labelled year; header and footer lines debris."""
    import docx

    author, editor, year = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.created < props.modified
    document = docx.Document(str(SET.folder / name))
    furniture = [p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()]
    assert furniture and set(furniture) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers (From, Snapshot-Content-Location,
    Subject equal to the page's <title>, Date), a quoted-printable HTML part and at least one
    resource part; the <title> is debris and not the title."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n")
    assert message.get_content_type() == "multipart/related"
    assert message["Snapshot-Content-Location"].startswith("https://") and message["Date"]
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
    page = fs.BeautifulSoup(parts[0].get_content(), "html.parser")
    assert page.title.get_text() == message["Subject"] != SET.labels[name]["title"]
    assert message["Subject"] in SET.debris_of(name)
