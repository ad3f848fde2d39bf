"""Checks of the porphyry fixture set (tests/fixtures/exported/porphyry), written blind.

Brief: applying for and following up sickness and work-capacity benefits through digital
self-service in Sweden, Denmark and Norway (sjukpenning, sygedagpenge via virk.dk and borger.dk,
sykepenger, arbeidsavklaringspenger). A web-heavy set of 32 documents: 16 saved pages, three
pages saved by Chrome as one file (.mhtml), two pages printed to PDF by the browser, four PDFs
from a word processor, two Word files, four text copies and one Markdown page.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set is
smaller than the 36 to 40 documents fixturesets.size_check and trap_check assume, so its own
counts are checked here.
"""

import datetime as dt
import email
import re
from collections import Counter
from email import policy

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "porphyry")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dcterms.modified", "dc.date.issued"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|blog post|call for proposals|tender notice|press release|"
             r"faq page|newsletter|minutes",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|evaluation report|working paper|final report|project's page",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "consultation response": 3,
         "saved by chrome as one file": 3, "printed to pdf by the browser": 2,
         "pdf from a word processor": 4, "as a word file": 2, "copied": 2, "pasted": 2,
         "saved as markdown": 1, "journal abstract": 2, "boilerplate": 3}
SIZES = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
FIRST_LANGUAGES = {"nb": 15, "en": 10, "nn": 3, "da": 2, "sv": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "municipal": ("municipal service page (storhella",
                  {"Skip to content", "We value your privacy", "Accept all", "Start chat",
                   "Mandag–fredag 09.00–14.00", "Logg inn med BankID", "Sentralbord: 75 00 00 00"},
                  {"Slik gjør du det", "Logg inn på Min side med BankID."}, "nb", ""),
    "cross-border": ("cross-border service page",
                     {"Skip to main content", "Personvernerklæring", "Følg oss på Facebook",
                      "Phone: 00 00 00 00"}, {"What you need to do"}, "en", "no year: no 19xx"),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektperiode", "2024–2028", "Prosjektnummer", "300000",
                   "Ingen publikasjoner funnet", "VELFERD-FORSKER"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "portal": ("conference paper abstract on a university research portal",
               {"Contribution to conference", "Fingerprint", "100%", "Cite this",
                "Original language"},
               {"Abstract"}, "en", ""),
    "journal": ("journal abstract on a journal article page",
                {"1,204 Views", "3 CrossRef citations to date", "12 Altmetric", "ORCID Icon",
                 "Download PDF", "[email protected]"}, {"Abstract"}, "en", ""),
    "event": ("event page of a seminar programme",
              {"Dato", "Torsdag 6. februar 2025", "Meld deg på"},
              {"Program", "09.00Velkommen ved instituttleder Kari Moe (oppdiktet)"}, "nb", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Publisert 11. mars 2024", "Les også"},
             {"Kommentarer"}, "nb", ""),
    "blog": ("blog post of a research group",
             {"Publisert 22. november 2023", "Forrige innlegg", "Drevet av WordPress"}, set(),
             "nb", ""),
    "strategy": ("strategy with a horizon year",
                 {"Publisert 4. juni 2024", "Last ned strategien (PDF)"},
                 {"Mål", "Tiltak"}, "nb", ""),
    "call": ("call for proposals",
             {"Application deadline", "15 September 2026, 13:00 CET", "2027–2029"},
             {"Who can apply"}, "en", "no year: only"),
    "tender": ("tender notice", {"Notice type", "Contract notice", "CPV code", "Published"},
               {"Description"}, "en", ""),
    "book of abstracts": ("book-of-abstracts page",
                          {"Book of Abstracts, Nordic Conference on Welfare Work, Bergen 2022",
                           "Next abstract: Waiting for the algorithm"}, set(), "en", ""),
    "response page": ("consultation response of a patients' association (landsforeningen",
                      {"Høringssvar", "Publisert 30. august 2024", "Accept all"},
                      {"Til Digitaliseringsrådet", "Med vennlig hilsen"}, "nb", ""),
    "thesis": ("master's thesis record", {"Author", "Date issued", "Show full item record"},
               {"Abstract", "Sammendrag"}, "en;nb", ""),
    "evaluation": ("evaluation report with an english summary",
                   {"Juni 2023", "Rapport 0/2023 · side 2",
                    "Samandrag .................................... 3"},
                   {"Samandrag", "English summary"}, "nn;en", ""),
    "annual report": ("annual report excerpt", {"Vedtatt av styret 15. mars 2023", "Side 2",
                                                "Telefon 412"}, {"2 Nøkkeltall"}, "nb", ""),
    "working paper": ("working paper of the research project sykdigi",
                      {"SYKDIGI Arbeidsnotat 0/2025", "Høgmyr universitet, januar 2025"},
                      {"Sammendrag", "Første funn fra SYKDIGI"}, "nb", ""),
    "minutes": ("minutes of a council committee", {"Møtedato | 14.11.2024", "Saksnr. | Sak 000/24"},
                {"Vedtak"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted",
                   {"Unsubscribe", "Subject: Newsletter: new projects on digital sick leave"},
                   {"Upcoming"}, "en", ""),
    "final report": ("final report as text pasted out of a pdf",
                     {"Report series 00/2022", "ISBN 978-82-0000-000-0"}, {"Summary"}, "en", ""),
}

# Each binary: (pages, /Title or None, /CreationDate year or None).
PDFS = {
    "b01_nsbf_conference_programme_printed_en.pdf": (1, "Programme – NSBF", "print"),
    "b02_naeringsradet_faq_sykepenger_selvstendige_printed_nb.pdf":
        (1, "Selvstendig og syk – ofte stilte spørsmål", "print"),
    "p01_austmarka_evaluering_digitalt_sjukefravaer_nn_en.pdf":
        (3, "Digitalt sjukefråvær i kommunane", "2023"),
    "p02_sykepengeombudet_arsrapport_2022_nb.pdf": (3, "Årsrapport 2022", "2025"),
    "p03_sykdigi_arbeidsnotat_samtalen_skjema_nb.pdf":
        (2, "Microsoft Word - notat_v3.docx", "2025"),
    "p04_danske_sygemeldte_hoeringssvar_da.pdf": (1, None, None),
}
WORD = {"w01_storhella_amu_protokoll_digital_oppfolging_nb.docx": ("Storhella kommune", 2024),
        "w02_allmennlegeforumet_nord_horingsuttalelse_nb.docx": ("Allmennlegeforumet Nord", 2023)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """One document against the shared rules of fixturesets: label values and year rules,
    placement of title, debris and prose, a saved page's head and fields, the one type its
    genre words name, later prose years named in the evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """The set as the brief orders it: files and README tables, formats, first languages,
    five types (four or more each), bilingual documents, named genres, year situations,
    responses typed policy_document, and one holder a role."""
    labels = list(SET.labels.values())
    fs.files_check(SET.folder, SET.labels)
    fs.readme_check(SET.folder, SET.labels, SET.debris, SET.prose)
    formats = Counter(fs.SUFFIXES[name[name.rindex("."):]] for name in SET.labels)
    firsts = Counter(lab["languages"].partition(";")[0] for lab in labels)
    kinds = Counter(lab["doc_type"] for lab in labels)
    assert (formats, firsts) == (Counter(SIZES), Counter(FIRST_LANGUAGES))
    assert set(kinds) == fs.TYPES and min(kinds.values()) >= 4
    mixed = [lab["doc_type"] for lab in labels if ";" in lab["languages"]]
    assert len(mixed) >= 4 and "abstract" in mixed
    assert not fs.missing_genres(SET.labels, NAMED)
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3
    assert not traps["repeated"]
    responses = [lab["doc_type"] for lab in labels
                 if lab["notes"].startswith("consultation response")]
    assert len(responses) >= 3 and set(responses) == {"policy_document"}
    assert len(set(HOLDERS.values())) == len(ROLES)


def test_programmes_and_contents():
    """Glued clock times only in programmes, four kept lines each (glued_check); dot-leader
    contents lines in three documents, none of them kept."""
    SET.glued_check()
    found = [(name, line) for name in SET.on_disk for line in SET.lines[name]
             if DOT_LEADER.search(line)]
    assert len(dict(found)) >= 3
    assert [pair for pair in found if pair[1] not in SET.debris_of(pair[0])] == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's holder: its furniture in debris, its headings and steps not, the languages
    label and year-evidence opening of the table, three prose sentences at least."""
    name = HOLDERS[role]
    label, debris = SET.labels[name], SET.debris_of(name)
    must_go, must_stay, languages, opening = ROLES[role][1:]
    assert must_go <= debris, must_go - debris
    assert must_stay <= set(SET.lines[name]) and not must_stay & debris
    assert (label["languages"], label["year_evidence"][:len(opening)]) == (languages, opening)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and metadata as the README states: the browser's print date is
    never the label, the re-exported report is labelled by its cover, one file has no date."""
    from pypdf import PdfReader

    reader = PdfReader(SET.folder / name)
    pages, title, created = PDFS[name]
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    label = SET.labels[name]
    if created is None:
        assert "/CreationDate" not in meta and label["year"]
    elif created == "print":
        assert "HeadlessChrome" in meta["/Creator"]
        assert meta["/CreationDate"][2:6] != label["year"]
        assert re.search(r"\d+/\d+/\d\d, \d+:\d\d [AP]M", fs.visible_text(SET.folder / name))
    else:
        assert meta["/CreationDate"][2:6] == created
        if created != label["year"]:
            evidence = label["year_evidence"]
            assert "/CreationDate" in evidence or "re-export" in evidence


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """The Word files' core properties: an organisation as author, not python-docx as the last
    editor, created and modified in the labelled year; header and footer lines are debris."""
    import docx

    props = docx.Document(str(SET.folder / name)).core_properties
    org, year = WORD[name]
    assert props.author.startswith(org) and props.last_modified_by != "python-docx"
    assert props.created.year == props.modified.year == year == int(SET.labels[name]["year"])
    assert props.created <= props.modified < dt.datetime(2026, 1, 1, tzinfo=props.created.tzinfo)
    lines = SET.lines[name]
    assert {lines[0], lines[-1]} <= SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, the page quoted-printable, a
    stylesheet or image part, and a Subject that is the `<title>`, not the label."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\nFrom: <Saved by Blink>\n" in data and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related"
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert {p.get_content_type() for p in parts[1:]} & {"text/css", "image/png"}
    assert message["Subject"] != SET.labels[name]["title"]
    assert message["Subject"] in SET.debris_of(name)
