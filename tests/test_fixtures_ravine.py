"""Checks of the ravine fixture set (tests/fixtures/exported/ravine), written blind.

Brief: child welfare services going digital (digital reports of concern, video meetings with
families, case management systems, apps for foster carers), a round that leans to the web: 16
pages saved as HTML, 3 saved by Chrome as one file (.mhtml), 2 pages printed to PDF by Chromium,
4 PDF files made by a word processor, 2 Word files, 4 text copies and 1 page saved as Markdown
(32 documents). Every document type at least four times; Bokmål, English, Nynorsk, Danish and
Swedish; four bilingual documents; two monolingual pages whose only other-language text is
boilerplate.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fixturesets.size_check (36 to 40) does not fit; its counts are checked here.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "ravine")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "dc.date", "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's page|agency's (?:page|english page)|news item|blog post|"
             r"tender notice|press release|newsletter|call for proposals|council minutes",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3, "as a pdf": 4,
         "printed to pdf by the browser": 2, "saved as one file": 3, "as a word file": 2,
         "copied": 2, "pasted": 2, "saved as markdown": 1, "labelled monolingual": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipality's page on sending a digital report of concern",
                  {"Skip to content", "Accept all cookies", "Logg inn", "Start chat",
                   "Sentralbord: 78 00 00 00"}, {"Slik gjør du det", "Åpningstider"}, "nb",
                  "no year: no 19xx"),
    "agency": ("agency's page for families on video meetings",
               {"Skip to main content", "Accept analytics cookies", "Last updated: 14 March 2024"},
               {"Before the meeting", "During the meeting"}, "en", ""),
    "portal": ("conference abstract on a university's research portal",
               {"Contribution to conference", "Fingerprint", "100%", "Publication date",
                "Cite this"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"RPG-0000-000", "Project period", "2024–2027",
                   "No outputs have been reported for this grant yet."}, {"Summary"}, "en",
                  "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon", "Download PDF"},
                {"ABSTRACT"}, "en", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også",
              "Publisert 8. april 2024 kl. 06.30"},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group", {"Skip to content", "Comments are closed.",
                                               "Proudly powered by WordPress"}, set(), "en",
             "no year: no 19xx"),
    "tender": ("tender notice", {"Closing date", "12 January 2026, 12pm", "Published date"},
               {"Description"}, "en", ""),
    "thesis": ("doctoral thesis record",
               {"Item Type:", "Thesis (Doctoral)", "Download (2MB) | Preview"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "nynorsk page": ("municipality's page on digital supervision visits",
                     {"Hopp til hovudinnhald", "Fann du det du leita etter?"}, {"Kontakt"}, "nn",
                     "no year: only"),
    "english page": ("agency's english page saved as one file",
                     {"Hopp til hovedinnhold", "Personvernerklæring", "Følg oss på Facebook"},
                     {"Preparing the family", "Keeping the alliance"}, "en", "no year: no 19xx"),
    "final report": ("research project page with a final report",
                     {"Prosjektperiode", "2021–2023", "Last ned sluttrapporten (PDF)"},
                     {"English summary", "Sluttrapport publisert 30. januar 2024."}, "nb;en", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Vis i nettleser", "Meld deg av nyhetsbrevet", "Les mer og søk her"},
                   {"Hei!", "Kurs i vår"}, "nb", "no year: only"),
    "book of abstracts": ("book-of-abstracts page",
                          {"Side 14", "Barnevernskonferansen i nord 2024 – Sammendrag"},
                          {"Abstract"}, "nb;en", ""),
    "call": ("call for proposals", {"**Søknadsfrist:** 15. mars 2026"},
             {"## Hvem kan søke"}, "nb", "no year: only"),
    "minutes": ("council minutes", {"Møtedato: 11.06.2024", "Røysting: Samrøystes vedteke."},
                {"Vedtak"}, "nn", ""),
    "working paper": ("working paper of the research project",
                      {"FAMLINK Working Paper 0/2025",
                       "3 Findings ................................................. 4",
                       "¹ The study was approved by the university's research ethics committee."},
                      {"Contents", "1 Introduction"}, "en", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2021", "Mai 2021", "Side 3",
                    "Tabell 1: Meldinger etter melder, før og etter digitalt skjema."},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en", ""),
    "annual report": ("annual report excerpt", {"April 2024", "Beretning for 2023"},
                      {"Mål for det kommende år"}, "da", ""),
    "word response": ("consultation response of a municipality as a word file",
                      {"Fjelltun kommune", "Vår ref.: | 23/0000-0", "Dato: 14.09.2023"},
                      {"Til Barne- og familiedepartementet", "Med helsing"}, "nn", ""),
    "word programme": ("seminar programme as a word file",
                       {"Dato: 23. januar 2025", "Intern opplæring · Ikke for videre distribusjon"},
                       {"12.00 | Lunsj"}, "nb", ""),
    "browser strategy": ("strategy page printed to pdf by the browser",
                         {"Tjenester Politikk og planer Om kommunen", "Skriv ut"},
                         {"Vedtatt i kommunestyret 12. juni 2024."}, "nb", ""),
    "browser programme": ("workshop programme printed to pdf by the browser",
                          {"Tuesday 7 April", "Register for the workshop"}, {"Programme"}, "en",
                          "no year: the page"),
}

# PDF metadata as the README states it: key -> value (None: the key is absent).
PDF_META = {
    "p01_fjelltun_motebok_oppvekst_nn.pdf": {
        "/Title": "Microsoft Word - motebok_oppvekst_v3.docx", "/CreationDate": "D:2024"},
    "p02_famlink_working_paper_en.pdf": {
        "/Title": "Digital family time and the case record", "/CreationDate": "D:2025"},
    "p03_vesterfjord_evaluering_digital_melding_nb_en.pdf": {
        "/Title": "Evaluering av digital bekymringsmelding", "/CreationDate": "D:2024"},
    "p04_bornholm_aarsberetning_boern_unge_da.pdf": {"/Title": None, "/CreationDate": None},
}
PAGES = {"p01_fjelltun_motebok_oppvekst_nn.pdf": 1, "p02_famlink_working_paper_en.pdf": 4,
         "p03_vesterfjord_evaluering_digital_melding_nb_en.pdf": 4,
         "p04_bornholm_aarsberetning_boern_unge_da.pdf": 2,
         "c01_vesterfjord_strategi_barnevern_mot_2030_nb.pdf": 1,
         "c02_eswra_workshop_programme_en.pdf": 1}
WORD_CORE = {"d01_fjelltun_hoyringsfrasegn_digitale_samtalar_nn.docx": ("Fjelltun kommune", 2023),
             "d02_vesterfjord_program_opplaering_fagsystem_nb.docx": ("Barneverntjenesten", 2025)}
PHONE = re.compile(r"(?:Telefon|Sentralbord|Phone|Telephone|Tlf\.|Växel|Switchboard):? "
                   r"(?P<id>[+\d][\d -]*\d)")
DOT_LEADER = re.compile(r"\.{10,} \d+$")


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules of one document (labels, placement, a saved page's head and fields,
    the type its genre names, later prose years named), and every year of its visible text
    that is not the date named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)
    label = SET.labels[name]
    years = {y for line in SET.lines[name] for y in fs.YEAR.findall(line)} - {label["year"]}
    assert {y for y in years if y not in label["year_evidence"]} == set()


def test_whole_set():
    """Files and README tables, the roles held by one document each, the counts of the brief
    (32 documents by format, every type four times or more, languages), four bilingual
    documents with an abstract among them, the genres named, the year situations."""
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    labels = SET.labels
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    first = Counter(tag.split(";")[0] for tag in tags.elements())
    assert (first["nb"], first["en"], first["nn"], first["da"], first["sv"]) == (14, 11, 3, 2, 2)
    two = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert len(two) >= 4 and any(lab["doc_type"] == "abstract" for lab in two)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert len(traps["bare"]) >= 3 and len(traps["other_years"]) >= 3
    assert len(traps["ahead"]) >= 3 and traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_identifiers_contents():
    """The programmes saved as pages or copied glue clock times to titles in four kept lines or
    more; no other document glues them; phone numbers are zero-filled; the dot-leader contents
    lines (seven or more) are all debris; the DOI prefixes are the placeholder."""
    glued = set(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert glued <= programmes and len(glued) == 4
    for name in glued:
        assert sum(bool(fs.GLUED_TIME.search(line)) and line not in SET.debris_of(name)
                   for line in set(SET.lines[name])) >= 4
    assert not any(fs.GLUED_TIME.search(line) for n in SET.on_disk for line in SET.debris_of(n))
    phones = [(n, m["id"]) for n in SET.on_disk for line in SET.lines[n]
              for m in PHONE.finditer(line)]
    assert len(phones) >= 15
    assert [p for p in phones if re.sub(r"^(\+299|01273|01484|018|020|01000|08|01)", "",
                                        p[1]).strip(" -0") not in {"", "78", "57", "22", "61",
                                                                   "75", "77"}] == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year situation are the
    expected ones, and its prose is no debris."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    assert gone <= SET.debris_of(name)
    assert stay <= set(SET.lines[name]) and not stay & SET.debris_of(name)
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert not set(SET.sentences(name)) & SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states them; Chromium's printed
    furniture (print date, page title, address with page count) is debris and carries no year."""
    reader = PdfReader(SET.folder / name)
    assert len(reader.pages) == PAGES[name]
    info = reader.metadata or {}
    for key, value in PDF_META.get(name, {}).items():
        if value is None:
            assert key not in info, key
        else:
            assert str(info[key]).startswith(value), (key, info.get(key))
    if name.startswith("c0"):
        printed = [line for line in SET.lines[name]
                   if re.match(r"\d+/\d+/\d+, \d+:\d+", line) or "le:///" in line]
        assert len(printed) == 2 and set(printed) <= SET.debris_of(name)
        assert not any(fs.YEAR.search(line) for line in printed)
        assert "/CreationDate" not in PDF_META.get(name, {})


@pytest.mark.parametrize("name", sorted(WORD_CORE))
def test_word(name):
    """A Word file's core properties: an organisation or role as author, its year as created
    and modified year, last modified by someone other than python-docx; header and footer lines
    are debris."""
    core = docx.Document(str(SET.folder / name)).core_properties
    author, year = WORD_CORE[name]
    assert core.author == author and core.last_modified_by not in {"", "python-docx"}
    assert core.created.year == core.modified.year == year == int(SET.labels[name]["year"])
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in s.header.paragraphs + s.footer.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)


def test_mhtml():
    """The three pages saved as one file carry Blink's headers and an HTML part in
    quoted-printable with at least one more part."""
    for name in [n for n in SET.on_disk if n.endswith(".mhtml")]:
        data = (SET.folder / name).read_bytes()
        head = data.split(b"\r\n\r\n", 1)[0].decode()
        assert "From: <Saved by Blink>" in head and "Snapshot-Content-Location: https://" in head
        assert re.search(r"^Subject: .+", head, re.M) and re.search(r"^Date: .+", head, re.M)
        assert b"Content-Transfer-Encoding: quoted-printable" in data
        assert data.count(b"Content-Location:") >= 2
