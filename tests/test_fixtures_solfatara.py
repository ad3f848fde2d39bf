"""Checks of the solfatara fixture set (tests/fixtures/exported/solfatara), written blind.

Brief: how welfare agencies and municipalities use chatbots, virtual assistants and AI tools in
contact with citizens (municipal chatbots, agency assistants, Danish and Swedish services, UK
council and DWP pilots; procurement, evaluations, data-protection impact assessments,
language-model guidance). 32 documents leaning to the web: 16 saved pages, 3 pages saved by
Chrome as one file (.mhtml), 2 pages printed to PDF by the browser, 4 PDFs made by a word
processor, 2 Word files, 4 text copies and one Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than the 36 to 40 documents fixturesets.size_check expects and has four programmes, so
sizes, languages and year traps are counted here.
"""

import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "solfatara")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's page|agency's page|press release|news item|blog post|"
             r"tender notice|call for proposals|newsletter|minutes|written question",
    "policy_document": r"consultation response|annual report|strategy|impact assessment|guidance",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "as a pdf made by a word processor": 4,
         "printed to pdf by the browser": 2, "saved as one file": 3, "as a word file": 2,
         "copied": 1, "pasted": 3, "saved as markdown": 1, "with reader comments": 2,
         "consultation response": 2, "english summary": 2, "boilerplate": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGE_LABELS = {"nb": 11, "en": 11, "nn": 2, "da": 2, "sv": 2, "nb;en": 3, "nn;en": 1,
                   "en;nb": 0}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "municipal chatbot": ("municipality's page on its chatbot",
                          {"Skip to content", "We use cookies", "Accept all",
                           "Sentralbord: 72 00 00 00", "Sist oppdatert 12.03.2024"},
                          {"Slik bruker du den", "Klikk på snakkeboblen nede til høyre."},
                          "nb", "2024"),
    "danish municipality": ("municipality's page on its digital assistant",
                            {"This website uses cookies", "Allow all", "Skip to main content",
                             "Senest opdateret 27. januar 2025"},
                            {"Åbningstider i Borgerservice", "Det kan den ikke"}, "da", "2025"),
    "agency": ("agency's page on its virtual assistant",
               {"Hopp til hovedinnhold", "Godta alle", "Fant du det du lette etter?",
                "Telefon: 57 00 00 00"},
               {"Dette kan den ikke", "hvilke organisasjoner som kan søke"}, "nb",
               "no year: no 19xx"),
    "swedish agency": ("swedish agency's page on its digital assistant",
                       {"Till huvudinnehåll", "Lättläst", "Kundcenter: 0771-00 00 00"},
                       {"Bra att veta"}, "sv", "no year: no 19xx"),
    "press release": ("press release on a government portal",
                      {"Pressemeddelelse", "18. september 2024", "Tillad alle",
                       "Yderligere oplysninger: Pressetjenesten, tlf. 33 00 00 00"}, set(), "da",
                      "2024"),
    "portal": ("conference paper abstract on a university research portal",
               {"Research output:", "Contribution to conference", "Fingerprint", "Chatbot",
                "100%", "Published - 14 Jun 2023", "Cite this"}, {"Abstract"}, "en", "2023"),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "April 2024 – March 2026", "Back to search results",
                   "Project number", "AAA-0000-00"},
                  {"About the project", "Expected outcomes"}, "en", "no year: only"),
    "journal": ("journal abstract on a publisher's article page",
                {"Views: 1,204", "Citations: 3", "Altmetric score: 27", "ORCID Icon",
                 "Correspondence: [email protected]"}, {"Abstract"}, "en", "2024"),
    "event": ("event page with a programme",
              {"Book your place", "Wednesday 21 May 2025", "09:30 – 13:30"},
              {"Programme", "09:30Registration and coffee", "11:40Break"}, "en", "2025"),
    "news": ("news item with reader comments",
             {"Comments (2)", "Officer_in_the_shires | 8 November 2023 10:12am",
              "By Helen Marsh (invented)", "8 November 2023"},
             {"Early adopters say the assistants answer routine questions but push harder "
              "cases back to contact centres"}, "en", "2023"),
    "swedish news": ("swedish news item with reader comments",
                     {"Kommentarer", "kommunit_anna", "Läs också", "16 april 2024 06:00"},
                     set(), "sv", "2024"),
    "blog": ("blog post of a research group",
             {"Publisert 2. oktober 2024", "Drevet av WordPress", "oktober 2024",
              "Legg igjen en kommentar"},
             {"Tre spørsmål vi vil undersøke", "Hvem har ansvaret når et maskinforslag sendes "
              "uendret?"}, "nb", "2024"),
    "tender": ("tender notice with catalogue fields",
               {"Deadline for tenders", "16 February 2026, 12:00", "Express interest"},
               {"Description", "How to respond"}, "en", "no year: only"),
    "thesis": ("master's thesis record", {"Utgivelsesdato", "2022", "Masteroppgave (1.8Mb)"},
               {"Sammendrag", "Abstract"}, "nb;en", "2022"),
    "consultation": ("consultation response of a municipality on a page",
                     {"Høringssvar", "Vår ref.: 24/00000", "Publisert 29.11.2024"},
                     {"Til Kommunal- og distriktsdepartementet", "Med hilsen",
                      "Kommunedirektøren"}, "nb", "2024"),
    "nynorsk page": ("municipality's page on a home-care chatbot in nynorsk",
                     {"Hopp til hovudinnhald", "Sist endra 21.08.2023"},
                     {"Slik fungerer det"}, "nn", "2023"),
    "mhtml programme": ("seminar programme saved as one file",
                        {"Torsdag 13. mars 2025", "Meld deg på her", "Påmeldingsfrist 6. mars"},
                        {"Program", "12.00–12.45Lunsj"}, "nn", "2025"),
    "annual report": ("annual report excerpt", {"Årsrapport 2024", "Publisert 24.04.2025",
                                                "3. Digitalisering og tjenesteutvikling"},
                      {"Mål og resultater"}, "nb", "2025"),
    "call": ("call for proposals", {"Closing date: 12 March 2026, 17:00", "Apply now"},
             {"Who can apply", "How to apply"}, "en", "no year: only"),
    "copied programme": ("seminar programme copied",
                         {"Tid", "Tirsdag 14. oktober, kl. 09.00–15.00", "Påmeldingsskjema"},
                         {"Program", "11.45–12.30Lunsj"}, "nb", "no year: no 19xx"),
    "book of abstracts": ("conference abstract from a book-of-abstracts page",
                          {"NORDIGI 2024 – Sammendrag / Book of abstracts", "34", "35",
                           "Språkmodeller som skrivestøtte i Nav-kontoret: en pilotstudie"},
                          {"English abstract"}, "nb;en", "2024"),
    "final report": ("final report pasted from a pdf",
                     {"Fjordforsking rapport 00/2022", "ISBN 978-82-0000-000-0",
                      "Fjordforsking, desember 2022"},
                     {"Samandrag", "English summary", "Innhald"}, "nn;en", "2022"),
    "newsletter": ("newsletter e-mail", {"Sent: 11 June 2025 09:02",
                                         "Subject: Digital Services Update – June",
                                         "Unsubscribe | Manage preferences"},
                   {"What we have changed", "Get involved"}, "en", "2025"),
    "markdown": ("seminar programme saved as markdown",
                 {"**Dato:** 5. desember 2024", "*   [Aktuelt](/aktuelt)"},
                 {"## Program", "08.00Frokost og mingling"}, "nb", "2024"),
    "working paper": ("working paper of the research project",
                      {"FRONTDOOR-AI Working Paper 0/2025", "May 2025", "Page 2"},
                      {"Summary", "2 Next steps"}, "en", "2025"),
    "evaluation": ("evaluation report with an english summary",
                   {"Oktober 2023", "Side 2", "Evaluering av Spør Skaun – Midtnorsk Analyse"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "2023"),
    "strategy": ("municipal strategy mot 2030",
                 {"Vedtatt i kommunestyret 19. juni 2024, sak 00/24", "2", "3",
                  "Digitaliseringsstrategi mot 2030 – Lierne kommune"},
                 {"2 Mål", "3 Tiltak"}, "nb", "2024"),
    "minutes": ("council minutes", {"Møtedato: 18.02.2025", "PS 00/25 Digital assistent",
                                    "Saksnr. Tittel"}, {"Saksliste", "Vedtak:"}, "nb", "2025"),
    "written question": ("parliamentary written question",
                         {"Answered on | 12 March 2024", "UIN | 000000",
                          "UK Parliament – Written questions, answers and statements"},
                         {"Question", "Answer"}, "en", "2024"),
    "dpia": ("data-protection impact assessment",
             {"Dato | 15.01.2024", "Personvernombud | [email protected]",
              "Intern – unntatt offentlighet"},
             {"2 Risiko", "Risiko | Sannsynlighet | Konsekvens"}, "nb", "2024"),
    "guidance": ("language-model guidance page printed",
                 {"Last updated: 9 September 2024", "Related pages"},
                 {"What you must not do"}, "en", "2024"),
    "printed response": ("consultation response of a municipality printed",
                         {"Publisert 04.06.2024", "Høringsuttalelse", "Flere høringsuttalelser"},
                         {"Kommunens merknader", "Med vennlig hilsen"}, "nb", "2024"),
}

# Each PDF: pages, its /CreationDate year (None: absent), and how its /Title starts (None: absent).
PDFS = {
    "p01_frontdoor_ai_working_paper_chatbot_logs_en.pdf": (2, "2025", "Counting the people"),
    "p02_skaun_evaluering_spor_skaun_nb_en.pdf": (4, "2025", "Microsoft Word - "),
    "p03_lierne_digitaliseringsstrategi_mot_2030_nb.pdf": (4, None, None),
    "p04_grong_formannskap_protokoll_digital_assistent_nb.pdf": (2, "2025", "Microsoft Word - "),
    "c01_towerhamlets_generative_ai_guidance_print_en.pdf": (3, "printed", "Using generative AI"),
    "c02_grong_horingsuttalelse_ki_offentlig_sektor_print_nb.pdf": (2, "printed",
                                                                     "Høringsuttalelse - Grong"),
}
# Each Word file: author, last_modified_by, created year, modified year.
WORD = {
    "d01_ukparliament_written_question_dwp_ai_en.docx": ("UK Parliament", "Project researcher",
                                                         2024, 2024),
    "d02_skaun_dpia_digital_assistent_nb.docx": ("Skaun kommune", "Personvernombud", 2023, 2024),
}
STAMP = re.compile(r"\d+/\d+/\d+, \d+:\d+ [AP]M ")
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def holder(role: str) -> str:
    """The file whose notes open with the role's phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Shared rules of fixturesets for each file (labels, placement of debris and prose, the
    saved page's head and fields, type named by the genre, later prose years in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats, types and languages the
    brief asks; the genres are named; year situations and traps; consultation responses typed
    policy_document; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert len(SET.labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, _ = fs.language_counts(SET.labels)
    assert {tag: tags[tag] for tag in LANGUAGE_LABELS} == LANGUAGE_LABELS
    assert sum(";" in tag for tag in tags.elements()) >= 4
    firsts = Counter(tag.split(";")[0] for tag in tags.elements())
    assert firsts == {"nb": 14, "en": 11, "nn": 3, "da": 2, "sv": 2}
    assert fs.missing_genres(SET.labels, NAMED) == {}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead", "glued"))
    assert traps["repeated"] == []
    SET.consultations_check(2)
    SET.glued_check()


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """For each role: the furniture named is listed as debris, the headings and steps named
    are visible and not debris, the language label is the one given, the year evidence opens
    as given, and the document has prose to keep."""
    name = holder(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    must_go, must_stay, languages, evidence = ROLES[role][1:]
    missing = {line for line in must_go if line not in debris}
    wrongly_gone = {line for line in must_stay if line in debris or line not in SET.lines[name]}
    assert (missing, wrongly_gone) == (set(), set()), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert SET.sentences(name), name


def test_boilerplate_pages_are_monolingual():
    """The Bokmål and Danish pages whose cookie banner and skip link are English are labelled
    with one language, and that English is debris."""
    for role, english in (("municipal chatbot", "We use cookies to make the site work and, if you "
                                                "agree, to measure how it is used."),
                          ("danish municipality", "We use cookies to personalise content and to "
                                                  "analyse our traffic. You can change your "
                                                  "consent at any time.")):
        name = holder(role)
        assert ";" not in SET.labels[name]["languages"] and english in SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states; a browser print keeps its stamp (date and
    time with the page's <title>) and its address line with "n/N" on every page, all debris."""
    from pypdf import PdfReader

    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    found = meta.get("/CreationDate")
    if created is None:
        assert found is None
    elif created == "printed":
        assert found and found[2:6] != SET.labels[name]["year"]
        stamps = [line for line in SET.lines[name] if STAMP.match(line)]
        feet = [line for line in SET.lines[name] if re.search(rf" \d/{pages}$", line)]
        assert len(stamps) == len(feet) == pages
        assert set(stamps + feet) <= SET.debris_of(name)
    else:
        assert found[2:6] == created
    assert (meta.get("/Title") is None) if title is None else meta["/Title"].startswith(title)
    if created not in (None, "printed") and created != SET.labels[name]["year"]:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states: an organisation or role as author, never
    python-docx as last editor, created and modified years."""
    import docx

    author, editor, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert props.modified.year == int(SET.labels[name]["year"])


def test_contents_and_identifiers():
    """Dot-leader contents lines in two PDFs and the pasted report, all debris; e-mail
    placeholders only in debris (shared check); phone numbers zero-filled."""
    SET.contents_check(DOT_LEADER, 10)
    leaders = {n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}
    assert len({n for n in leaders if n.endswith(".pdf")}) >= 2
    SET.identifiers_check(
        {"phone": r"(?:Sentralbord|Telefon|Telephone|Kundcenter|Switchboard):? (?P<id>[\d -]+\d)",
         "org number": r"Org\.nr\. (?P<id>[\d -]+\d)"},
        {"phone": r"(?:0\d{2,4}|[1-9]\d)[ -]?[0 -]+", "org number": r"9[0 ]+|[0-]+"})
