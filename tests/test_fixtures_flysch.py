"""Checks of the flysch fixture set (tests/fixtures/exported/flysch), written blind.

Brief: digital mental health and e-health services for people receiving welfare benefits (online
therapy, video consultations, individual placement and support, self-help apps, evaluations),
leaning to the web: 16 saved pages, 3 pages saved by Chrome as one file (.mhtml), 2 pages printed
to PDF by the browser, 4 PDFs from a word processor, 2 Word files, 4 text copies and a page saved
as Markdown; 32 documents in Bokmål, English, Nynorsk, Danish and Swedish. The set has 32
documents and four programmes, so its sizes and traps are checked here rather than by
``size_check`` and ``trap_check`` (which assume 36 to 40 documents).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "flysch")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dc.date.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipality's page|agency page on|news item|blog post|press release|"
             r"call for proposals|newsletter",
    "policy_document": r"strategy|written question|consultation response|action plan|minutes",
    "project_report": r"catalogue page|working paper|final report|evaluation report",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved by chrome as one file": 3,
         "printed to pdf by the browser": 2, "as a pdf from a word processor": 4,
         "as a word file": 2, "consultation response": 2, "journal abstract": 3}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipality's page on video consultations",
                  {"We use cookies to improve your experience on our website.", "Skip to content",
                   "Mandag–fredag 08.00–15.30", "Sentralbord: 75 00 00 00"},
                  {"Slik gjør du", "Åpningstider", "Avtal tidspunkt med behandleren din."},
                  "nb", ""),
    "ips": ("agency page on individual placement and support",
            {"Chat med oss", "Start chat", "Hopp til hovedinnhold"}, {"Digital oppfølging"}, "nb",
            "no year: no 19xx"),
    "strategy": ("strategy landing page",
                 {"Publisert 6. februar 2025", "Last ned strategien (PDF)"},
                 {"Mål", "Tiltak"}, "nb", ""),
    "portal": ("journal abstract on a university research portal",
               {"Research output: Contribution to journal › Article › peer-review",
                "Welfare Benefit 64%", "Fingerprint"}, {"Abstract"}, "en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2028", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "journal": ("journal abstract on a journal article page",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon", "Download PDF"},
                {"ABSTRACT"}, "en", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "marit88: Hva med dem som ikke har PC?"},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group",
             {"Personvernerklæring", "Sentralbord: 55 00 00 00", "Leave a comment"}, set(),
             "en", ""),
    "question": ("parliamentary written question",
                 {"Dokument nr. 15:0000 (2023-2024)", "Innlevert: 13.05.2024"},
                 {"Spørsmål", "Svar"}, "nb", ""),
    "mhtml page": ("agency page on guided self-help online saved by chrome",
                   {"Trenger du hjelp?", "Ring oss på 55 00 00 00"},
                   {"Logg inn med BankID."}, "nb", "no year: only"),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist: 4. februar 2027 kl. 13.00", "Gå til søknadsskjema"},
             {"Hva kan det søkes om?"}, "nb", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2023", "Nordvik, juni 2023", "Side 2",
                    "1 Innledning ............................................ 3"},
                   {"English summary", "Sammendrag"}, "nb;en", ""),
    "minutes": ("council minutes in nynorsk", {"Møtedato: 22.11.2022"}, {"Vedtak"}, "nn", ""),
    "remissvar": ("consultation response of a swedish user organisation",
                  {"Dnr S2023/00000", "Remissinstans | Riksföreningen Psykisk Hälsa (påhittad)"},
                  {"Till Socialdepartementet", "Med vänlig hälsning"}, "sv", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "View this email in your browser"}, set(), "en", ""),
    "markdown": ("blog post saved as markdown", {"*   [Hjem](/)", "**Publisert av:** Redaksjonen"},
                 {"## Hva bør du spørre om?"}, "nb", "no year: no 19xx"),
}

# PDF: (pages, /CreationDate year or None, /Title or None).
PDFS = {
    "c01_cwh_seminar_digital_mental_health_en.pdf": (
        2, "2026", "Seminar programme – Centre for Work and Health"),
    "c02_vff_utlysning_digitale_tjenester_nb.pdf": (
        1, "2026", "Utlysning – Velferdsforskningsfondet"),
    "p01_nordvik_evaluering_veiledet_nettbehandling_nb_en.pdf": (
        3, "2023", "Veiledet nettbehandling i arbeidsrettet oppfølging"),
    "p02_appstotte_arbeidsnotat_appene_nb.pdf": (3, "2025", "Microsoft Word - notat_v3.docx"),
    "p03_vestnes_moteprotokoll_digital_helsehjelp_nn.pdf": (1, "2025", "Møteprotokoll"),
    "p04_nordwel_book_of_abstracts_digital_front_doors_en.pdf": (1, None, None),
}
# Word file: (author, last_modified_by, created year, modified year).
WORD = {
    "d01_riksforeningen_remissvar_digitala_vardbesok_sv.docx": (
        "Riksföreningen Psykisk Hälsa", "Kansliet", 2023, 2023),
    "d02_mestringssenteret_sluttrapport_jobbstotte_video_nb.docx": (
        "Mestringssenteret Nord", "Prosjektleder", 2022, 2022)}


def role_file(role: str) -> str:
    """The document whose notes open as the role's first entry says."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """One document under the shared rules: labels and placement, a saved page's head and
    fields, its genre's single type, later prose years named as evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; languages as the brief asks; genres named; year situations and traps;
    consultation responses are policy documents; each role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, _ = fs.language_counts(labels)
    assert parts["nb"] >= 14 and parts["en"] >= 11 and parts["nn"] >= 3, parts
    assert parts["da"] >= 2 and parts["sv"] >= 2, parts
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 4
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == \
        {"bare": True, "other_years": True, "glued": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_identifiers():
    """Glued clock times in the four programmes only, four kept lines or more each; every
    identifier zero-filled."""
    SET.glued_check()
    assert Counter(lab["doc_type"] for lab in SET.labels.values())["event_programme"] == 4
    SET.identifiers_check(
        {"phone": r"(?:Sentralbord|Telefon|Switchboard|Växel|Phone): (?P<id>[\d -]*\d)",
         "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
         "ISBN": r"ISBN (?P<id>[\d-]+)", "DOI": r"10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)",
         "postal box": r"(?:Postboks|Box) (?P<id>\d+)", "project number": r"^(?P<id>\d{6})$"},
        {"phone": r"[1-9]\d [0 ]+|08-[0 ]+|00 00 00 00", "ISBN": r"978-82-[0-]+",
         "organisation number": r"9[0 ]+|[0 ]+", "project number": r"30{5}"})


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Each role of the brief: named furniture gone, named headings or steps kept, the
    languages label and the opening of the year evidence as given, and 3+ prose sentences
    none of which is debris."""
    name = role_file(role)
    label, debris = SET.labels[name], SET.debris_of(name)
    _, furniture, headings, languages, evidence = ROLES[role]
    assert sorted(furniture - debris) == []
    assert sorted(headings & debris) == [] and headings <= set(SET.lines[name])
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    kept = [s for s in SET.sentences(name) if s not in debris]
    assert len(kept) == len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states; a browser print's stamp is debris
    and its /CreationDate is never the labelled year."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert (meta.get("/CreationDate") or "D:None")[2:6] == str(created)
    assert meta.get("/Title") == title
    if name.startswith("c"):
        assert created != SET.labels[name]["year"]
        stamps = {line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)}
        assert stamps and stamps <= SET.debris_of(name)
    if created and SET.labels[name]["year"] and created != SET.labels[name]["year"]:
        assert "CreationDate" in SET.labels[name]["year_evidence"] or name.startswith("c")


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation or role as author, a human editor, and
    created and modified in the labelled year."""
    props = docx.Document(str(SET.folder / name)).core_properties
    author, editor, created, modified = WORD[name]
    assert (props.author, props.last_modified_by) == (author, editor)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert str(created) == SET.labels[name]["year"] and editor != "python-docx"
