"""Checks of the pahoehoe fixture set (tests/fixtures/exported/pahoehoe), written blind.

Brief: electronic identification and digital power of attorney in welfare services (login
levels, relatives acting for older people, eIDAS, accessibility complaints, support desks), in a
round that leans to the web: 32 documents, of them 16 saved pages, 3 pages saved by Chrome as one
file (.mhtml), 2 pages printed to PDF by Chromium, 4 PDFs made by a word processor, 2 Word files,
4 text copies and 1 Markdown page. Bokmål, English, Nynorsk, Danish and Swedish, four bilingual
documents and two monolingual pages whose only other language is boilerplate.

The import is never run here: the labels, debris and prose are held to the shared conventions of
fixturesets (LabelledSet and its checks), then to the brief. The set has 32 documents and one
glued programme, so fixturesets.size_check and trap_check (36 to 40 documents, three glued
programmes) do not fit it: its own counts are checked here instead.
"""

import datetime as dt
import email
import re
from collections import Counter
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "pahoehoe")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified", "dc.date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency's explainer page|municipality's (?:service )?page|news item|blog post|"
             r"swedish agency's page|support desk page|product page|press release|"
             r"newsletter e-mail|tender notice|call for proposals|council minutes",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|final report|evaluation report|working paper",
    "abstract": r"journal abstract|conference abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"as a pdf made by a word processor": 4, "printed to pdf by the browser": 2,
         "as one file": 3, "as a word file": 2, "saved as markdown": 1, "copied": 2,
         "pasted": 2, "consultation response": 3, "clock times glued to talk titles": 1,
         "boilerplate only: labelled monolingual": 2}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
# Each document's first language (the first code of its label), as the brief asks.
FIRST_LANGUAGES = {"nb": 14, "en": 10, "nn": 3, "da": 2, "sv": 3}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "agency": ("agency's explainer page on representation",
               {"Skip to main content", "Accept all cookies", "Published 14 March 2025",
                "Phone: +30 00 0000 0000"}, {"What the regulation asks"}, "en", ""),
    "nynorsk municipality": (
        "municipality's service page in nynorsk",
        {"Skip to content", "We use cookies", "Accept", "Måndag–fredag 08.00–15.30",
         "Chat med oss", "Sentralbord: 70 00 00 00"},
        {"Slik gjer du det", "Den som skal gje fullmakt, loggar inn med BankID eller MinID."},
        "nn", "no year: no 19xx"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også", "Publisert 2. september 2025"},
             {"– Vi fikk over hundre henvendelser den første uka, sier en utvikler i en "
              "interkommunal IT-enhet (oppdiktet)."}, "nb", ""),
    "portal": ("journal abstract on a university research portal",
               {"Fingerprint", "Power of Attorney 100%", "Journal article", "Original language"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "catalogue": ("research project's catalogue page",
                  {"Project period", "2025–2028", "No publications yet", "Project number",
                   "000000"}, {"Project summary", "Partners"}, "en", "no year: only"),
    "bilingual journal": ("journal abstract in two languages",
                          {"Views 0 000", "Citations 0", "Altmetric 00", "Download PDF"},
                          {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "danish event": ("conference programme on an event page",
                     {"Tirsdag 8. oktober 2024", "Tilmeld dig her", "Gå til indhold"},
                     {"Program", "10.15", "Hvad siger reglerne om fuldmagt?"}, "da", ""),
    "blog": ("blog post of a research group",
             {"Kommentarer er stengt.", "Arkiv", "desember 2022",
              "© 2024 Forskergruppen Digital velferd"}, {"Sikkerhet for hvem?"}, "nb", ""),
    "book of abstracts": ("conference abstract on a book-of-abstracts page",
                          {"« Previous abstract", "Download the Book of Abstracts (PDF)",
                           "Danube University Krems, 22–24 May 2024"}, set(), "en", ""),
    "swedish agency": ("swedish agency's page",
                       {"Lättläst", "Var informationen till hjälp?", "Växel: 08-000 000 00",
                        "Senast uppdaterad: 2017-04-03"}, {"Vad gäller för e-tjänster?"}, "sv", ""),
    "support desk": ("support desk page of an e-id provider",
                     {"Logg inn på Min side", "Åpent hverdager 08–16", "Spør chatboten",
                      "Telefon: 21 00 00 00"}, {"Slik går du fram", "Logg inn med din egen e-ID."},
                     "nb", "no year: no 19xx"),
    "government portal": ("strategy page on a government portal",
                          {"On this page", "Last update: 9 October 2023", "Deutsch"},
                          {"Why it matters", "Who is left out"}, "en", ""),
    "meetup": ("meetup programme", {"Torsdag 20. november 2025", "Meld deg på"},
               {"17.30", "Representasjon i praksis: fra papirfullmakt til API", "Program"},
               "nb", ""),
    "norwegian footer": ("english product page of an e-id provider with a norwegian footer",
                         {"Hopp til hovedinnhold", "Personvernerklæring", "Norsk"}, set(),
                         "en", ""),
    "web consultation": ("consultation response published as a web page",
                         {"Publisert 28.02.2025", "Vår ref.: 0000/00"},
                         {"Med vennlig hilsen",
                          "Til Digitaliserings- og forvaltningsdepartementet"},
                         "nb", ""),
    "final report": ("final report on a university project page",
                     {"Prosjektperiode: 2020–2024", "Status: Avsluttet"},
                     {"Sammendrag av sluttrapporten", "Resultater"}, "nb", ""),
    "press release": ("press release saved by a browser as one file",
                      {"Press release", "Media contact", "About the Agency"},
                      {"Athens, 11 December 2024"}, "en", ""),
    "login levels": ("municipality's service page on login levels saved as one file",
                     {"Logg inn på Min side", "Sist oppdatert: 14.01.2025",
                      "Servicetorget er åpent 08.00–15.00"},
                     {"Hvis du hjelper noen andre", "Velg «Representer en annen person»."},
                     "nb", ""),
    "thesis": ("master's thesis record",
               {"Forfatter", "Utgivelsesdato", "2022-06-01", "Last ned fulltekst (PDF)"},
               {"Sammendrag", "Abstract"}, "nb;en", ""),
    "seminar": ("seminar programme copied from a university page",
                {"Onsdag 7. mai 2025", "Meld deg på her", "Legg til i kalender"},
                {"Program", "10:30–10:45Pause"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Frå: Skodje kommune <[email protected]>", "Meld deg av nyhendebrevet",
                    "Vis denne e-posten i nettlesaren"},
                   {"Kjære innbyggjar,", "Helsing", "Kva skal du ha med?"}, "nn", ""),
    "tender": ("tender notice with catalogue fields",
               {"Tilbudsfrist", "12.01.2026 kl. 12:00", "CPV-kode", "00000000-0"},
               {"Kort beskrivelse"}, "nb", "no year: only"),
    "annual report": ("annual report excerpt pasted out of a pdf",
                      {"E-legitimationsnämnden – Årsredovisning 2016", "2016 2015",
                       "1 Förvaltningsberättelse .......... 3"},
                      {"Stockholm den 22 februari 2017", "1 Förvaltningsberättelse"}, "sv", ""),
    "call": ("call for proposals saved as markdown",
             {"**Deadline:** 15 March 2027, 14:00 CET", "| Norway | EUR 0 000 000 |",
              "*   [Calls](/calls)"}, {"## Scope"}, "en", "no year: only"),
    "printed programme": ("conference programme page printed to pdf by the browser",
                          {"Registration closes two weeks before the conference.",
                           "Danube University Krems, 21–23 May 2025"},
                          {"Wednesday", "09:00–09:30 Opening and welcome"}, "en", ""),
    "printed complaints": ("municipality's page on accessibility complaints printed to pdf",
                           {"Hopp til innhold", "Sentralbord: 32 00 00 00"}, {"Slik klager du"},
                           "nb", "no year: no 19xx"),
    "danish consultation": ("consultation response of an association of municipalities",
                            {"Sagsnr. 00-00000", "18. juni 2024", "KL – Kommunernes Landsforening",
                             "Side 1"}, {"Med venlig hilsen", "1. Generelle bemærkninger"},
                            "da", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022, desember 2022", "Side 2",
                    "Sammendrag ........................................ 2",
                    "Evaluering av veiledning om digital fullmakt"},
                   {"English summary", "Sammendrag", "Kommune A 000 00 %"}, "nb;en", ""),
    "working paper": ("working paper of the research project",
                      {"MANDATE Working Paper",
                       "¹ Interviews were held with six register owners (invented).", "Page 3"},
                      {"1 Introduction", "Contents"}, "en", ""),
    "strategy": ("strategy with a horizon year",
                 {"Krødsherad kommune – Digitaliseringsstrategi",
                  "Vedtatt i kommunestyret 12. september 2024, sak 000/00",
                  "1 Mål ............................................... 2"},
                 {"1 Mål", "2 Tiltak"}, "nb", ""),
    "minutes": ("council minutes", {"Møtedato: | 11.03.2025", "Skodje kommune – Eldrerådet",
                                    "Protokollen er godkjend elektronisk og har difor ingen "
                                    "underskrift."},
                {"Vedtak: Samrøystes vedteke."}, "nn", ""),
    "municipal consultation": ("consultation response of a municipality as a word file",
                               {"Vår ref.: | 0000/00", "Servicetorget",
                                "Krødsherad kommune · Sentralbord: 32 00 00 00 · "
                                "Org.nr. 900 000 000"},
                               {"Til Digitaliserings- og forvaltningsdepartementet", "Med hilsen"},
                               "nb", ""),
}

# The PDFs: pages, and their document-information dictionary as the README states it
# (key -> a value's opening, or None where the key must be absent).
PDFS = {
    "p25_cedem_programme_print_en.pdf": (2, {"/Title": "Programme – CeDEM",
                                             "/Producer": "Skia/PDF"}),
    "p26_krodsherad_klage_uu_print_nb.pdf": (1, {"/Title": "Klage på universell utforming",
                                                 "/Producer": "Skia/PDF"}),
    "p27_kl_hoeringssvar_fuldmagt_da.pdf": (2, {"/Title": "Microsoft Word - hoeringssvar",
                                                "/CreationDate": "D:2024", "/Author": "KL"}),
    "p28_uit_evaluering_servicetorg_nb_en.pdf": (4, {"/CreationDate": "D:2025",
                                                     "/ModDate": "D:2025",
                                                     "/Title": "Evaluering av veiledning"}),
    "p29_mandate_working_paper_en.pdf": (4, {"/CreationDate": None, "/ModDate": None,
                                             "/Title": "Who holds the mandate?"}),
    "p30_krodsherad_digitaliseringsstrategi_2030_nb.pdf": (4, {"/CreationDate": "D:2024",
                                                               "/Title": None}),
}
# The Word files' core properties: author, last_modified_by, created and modified days.
WORD = {
    "p31_skodje_eldreraad_protokoll_nn.docx": (
        "Skodje kommune, politisk sekretariat", "Politisk sekretariat", dt.date(2025, 3, 12),
        dt.date(2025, 3, 14)),
    "p32_krodsherad_hoeringsuttalelse_fullmakt_nb.docx": (
        "Krødsherad kommune", "Servicetorget", dt.date(2025, 5, 22), dt.date(2025, 5, 30)),
}
IDENTIFIERS = {
    "phone": r"(?:Phone|Telefon|Sentralbord|Tlf\.|Växel): (?P<id>[+\d][\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "ISBN": r"ISBN (?P<id>[\d-]+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "DOI": r"10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)",
    "case number": r"(?:Sagsnr\.|Dnr|Vår ref\.:|sak) (?P<id>\d[\d/-]*\d)",
    "handle": r"hdl\.handle\.net/(?P<id>[\d/]+)",
}
FORMS = {"phone": r"\+30 0[0 ]+|(?:21|32|70|77) [0 ]+|00 [0 ]+|08-[0 ]+",
         "organisation number": r"9[0 ]+|[0 ]+", "ISBN": r"978-82-[0-]+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


# Each role's document, found once by the opening of its notes.
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each file on its own: fixturesets' placement, label and page rules, and its genre's type."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; first languages, four bilingual documents and two boilerplate-only
    monolingual pages; the genres named; the year situations; consultation responses typed
    policy_document; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    first = Counter(label["languages"].split(";")[0] for label in labels.values())
    assert dict(first) == FIRST_LANGUAGES
    assert len([lab for lab in labels.values() if ";" in lab["languages"]]) == 4
    boilerplate = [lab for lab in labels.values() if "boilerplate only" in lab["notes"]]
    assert len(boilerplate) == 2 and all(";" not in lab["languages"] for lab in boilerplate)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == {
        "bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_identifiers_and_contents():
    """The copied seminar programme is the only document with clock times glued to titles (four
    kept lines or more); every identifier kind present and zero-filled; five pages with field
    lists; no kept Markdown field line; ten dot-leader contents lines, all debris."""
    assert fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"] == [HOLDERS["seminar"]]
    seminar = HOLDERS["seminar"]
    glued = {line for line in SET.lines[seminar]
             if fs.GLUED_TIME.search(line) and line not in SET.debris_of(seminar)}
    assert len(glued) >= 4
    SET.identifiers_check(IDENTIFIERS, FORMS)
    assert SET.field_pages() >= 1 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 10)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's document: its furniture listed as debris, its headings and steps left in place,
    the expected languages label and year situation, at least three prose sentences."""
    opening, must_go, must_stay, languages, evidence = ROLES[role]
    name = HOLDERS[role]
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = (sorted(must_go - debris), sorted(must_stay - (set(SET.lines[name]) - debris)))
    assert missing == ([], []), missing
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert label["notes"].lower().startswith(opening) and len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and document information as the README states them; a date that differs from
    the label's year is named in the year evidence (the re-exported report, the prints)."""
    pages, expected = PDFS[name]
    reader = PdfReader(SET.folder / name)
    info = dict(reader.metadata or {})
    assert len(reader.pages) == pages
    for key, opening in expected.items():
        if opening is None:
            assert key not in info, key
        else:
            assert str(info[key]).startswith(opening), (key, info.get(key))
    label = SET.labels[name]
    made = str(info.get("/CreationDate", ""))[2:6]
    if made and made != label["year"]:
        assert label["year"] == "" or "/CreationDate" in label["year_evidence"] or \
            "print day" in label["year_evidence"], name


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties: an organisation or a role as author, a last editor who is not
    python-docx, created and modified in the labelled year."""
    import docx

    author, editor, created, modified = WORD[name]
    core = docx.Document(str(SET.folder / name)).core_properties
    assert (core.author, core.last_modified_by) == (author, editor)
    assert (core.created.date(), core.modified.date()) == (created, modified)
    assert str(created.year) == SET.labels[name]["year"]


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers, the Subject the page's <title> (and
    debris, never the title), a quoted-printable HTML part and one more part or two."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: ")
    assert message["Snapshot-Content-Location"].startswith("https://")
    assert message.get_content_type() == "multipart/related" and message["Date"]
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert 2 <= len(parts) - 1 <= 3
    title_tag = re.search(r"<title>(.*?)</title>", parts[0].get_content()).group(1)
    assert message["Subject"] == title_tag and title_tag in SET.debris_of(name)
    assert title_tag != SET.labels[name]["title"]
