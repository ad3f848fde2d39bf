"""Checks of the gneiss fixture set (tests/fixtures/exported/gneiss), written blind.

Brief: digital sick notes, automated pension and sickness-benefit calculations and digital
mailboxes (Auditor General reviews, IT project overruns, user surveys, appeals), leaning to
the web: 16 saved pages, 3 pages saved by Chrome as one .mhtml file, 2 pages printed to PDF by
the browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies and 1 Markdown page,
32 in all. Thirty-two roles, one a document (the table ROLES).

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and four programmes, so fixturesets.size_check (36 to 40) does not fit: the counts are
checked here instead.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "gneiss")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}

# The words of each genre (the notes up to " (") and the codebook type that genre stands for.
GENRE_WORDS = (
    ("abstract", ("abstract", "thesis record", "research portal record", "journal article page")),
    ("event_programme", ("programme",)),
    ("project_report", ("catalogue page", "evaluation report", "working paper", "final report")),
    ("policy_document", ("agency report page", "action plan", "review page", "strategy",
                         "consultation response", "annual report")),
    ("other", ("service page", "municipal page for employees", "news item", "blog post",
               "parliamentary written question", "press release", "call for proposals",
               "tender notice", "board minutes", "newsletter")),
)
GENRE_TYPES = {kind: re.compile("|".join(words)) for kind, words in GENRE_WORDS}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
# Phrases of the notes := the least number of documents whose notes use them.
NAMED = dict(line.rsplit(" := ", 1) for line in """
clock times glued to talk titles := 4
consultation response := 2
as a pdf made by a word processor := 4
saved as one file := 3
printed to pdf by the browser := 2
as a word file := 2
copied := 2
pasted := 2
saved as markdown := 1
labelled monolingual := 2
""".strip().splitlines())
NAMED = {phrase: int(least) for phrase, least in NAMED.items()}

# ROLES, a row a role of the brief: the opening of the notes that finds the document, its
# furniture (to drop), its headings or steps (to keep), its languages label, and the first
# words of its year evidence.
ROLES = {
    "mailbox": ("service page of a digital mailbox provider",
                {"Skip to content", "Accept all cookies", "Start chat", "Logg inn med BankID",
                 "Kundeservice: 00 00 00 00"},
                {"Slik gjør du det", "Logg inn med BankID eller MinID."}, "nb", "no year: no 19xx"),
    "municipal hr": ("municipal page for employees on digital sick notes",
                     {"Hopp til hovedinnhold", "Sist oppdatert 12.03.2024",
                      "Sentralbord: 78 00 00 00"},
                     {"Åpningstider for lønn og personal"}, "nb", '"Sist oppdatert'),
    "agency": ("agency report page on it project overruns",
               {"Gå direkt till innehållet", "Publicerad 2023-06-20",
                "Ladda ner rapporten (pdf, 1,2 MB)"},
               {"Viktigaste iakttagelser"}, "sv", '"Publicerad'),
    "portal": ("research portal record",
               {"Contribution to conference", "Paper", "Fingerprint", "Sickness Benefit 100%",
                "Original language"}, {"Abstract"}, "en", '"Publication date'),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023–2026", "Prosjektnummer", "000000",
                   "Ingen publikasjoner funnet", "VELFERD-2023"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "journal": ("journal article page with citation widgets",
                {"1 046 Views", "3 CrossRef citations to date", "12 Altmetric", "ORCID Icon",
                 "Download PDF", "People also read"}, {"Abstract"}, "en", '"Published online'),
    "event": ("event page with a seminar programme",
              {"Dato", "Torsdag 20. mars 2025", "Meld deg på"}, {"Program"}, "nb", "event date"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også", "NYHETER"}, {"Kommentarer"},
             "nb", '"Publisert'),
    "blog": ("blog post of a research group",
             {"Eldre innlegg", "Drive med WordPress", "Stikkord: automatisering, vedtak"}, set(),
             "nn", "no year: no 19xx"),
    "question": ("parliamentary written question",
                 {"Question number", "Answered", "21 May 2024", "Back to search results"},
                 {"Question", "Answer"}, "en", '"Answered'),
    "press": ("press release", {"Pressmeddelande", "Presskontakt", "Ladda ner pressbild"}, set(),
              "sv", '"2025'),
    "call": ("call for proposals",
             {"Personvernerklæring", "Kontakt oss", "Go to the application portal"},
             {"Who can apply", "Deadline"}, "en", "no year: only"),
    "tender": ("tender notice", {"Tilbudsfrist:", "14.10.2024 kl. 12:00", "CPV-kode",
                                 "Last ned konkurransegrunnlag"}, {"Kort beskrivelse"}, "nb",
               '"Publisert'),
    "ministry": ("government portal page of an action plan",
                 {"Gå til indhold", "Offentliggjort 7. november 2023"}, {"Mål", "Indsatser"}, "da",
                 '"Offentliggjort'),
    "audit": ("auditor general review page",
              {"Performance audit", "Published 9 March 2023", "Download report (PDF)"},
              {"Key messages"}, "en", '"Published'),
    "thesis": ("master's thesis record", {"Author", "Date", "Master thesis", "Download (PDF)"},
               {"Abstract", "Sammendrag"}, "en;nb", '"Date'),
    "digital post": ("municipal service page on digital post",
                     {"Reserver deg mot digital post", "Sist endret 28.08.2023"},
                     {"Hvis du ikke finner brevet"}, "nb", '"Sist endret'),
    "repository": ("conference paper abstract on a repository page",
                   {"Date Issued", "Views 214", "Downloads 97"}, {"Abstract"}, "en",
                   '"Date Issued'),
    "strategy": ("municipal strategy page with a horizon year",
                 {"Vedteken i kommunestyret 13.06.2024", "Les heile strategien (pdf)"},
                 {"Mål", "Tiltak"}, "nn", '"Vedteken'),
    "printed programme": ("seminar programme page printed to pdf",
                          {"Tirsdag 4. februar 2025, Kommunestyresalen", "Påmelding"},
                          {"Program"}, "nb", "event date"),
    "printed abstracts": ("book-of-abstracts page printed to pdf",
                          {"Session 3B: Appeals and legal certainty",
                           "Next: Chatbots at the front desk of the pension agency"},
                          set(), "en", '"NordWel'),
    "provider response": ("consultation response of a digital mailbox provider",
                          {"Sagsnr. 2023-0000", "København, 15. september 2023", "CVR 00 00 00 00"},
                          {"Med venlig hilsen", "Til Digitaliseringsstyrelsen"}, "da",
                          "place-date"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 00/2022", "Desember 2022", "ISBN 978-82-0000-000-0",
                    "Evaluering av digital sykmelding · Polarsirkel forskning"},
                   {"Sammendrag", "English summary", "Innhold"}, "nb;en", "cover date"),
    "municipal response": ("consultation response of a municipality",
                           {"Vår ref.: 24/000", "Sjøvik, 2. mai 2024", "Side 1"},
                           {"Med helsing", "Til Arbeids- og inkluderingsdepartementet"}, "nn",
                           "date line"),
    "paper": ("working paper of the research project",
              {"DIGISYK Working Paper 0/2025", "DIGISYK Working Paper",
               "² Based on 24 interviews."},
              {"Contents", "Summary"}, "en", "series line"),
    "annual": ("annual report excerpt", {"Mottatte klager | 1 240", "Utdrag – kun til intern bruk"},
               {"Hovedtrekk", "Nøkkeltall"}, "nb", 'title "Årsrapport'),
    "minutes": ("board minutes", {"Dato: | 24.09.2024", "Org.nr. 900 000 000"},
                {"Sak 00/24 Status for nytt pensjonssystem"}, "nb", "meeting date"),
    "newsletter": ("newsletter e-mail", {"Dato: 3. juni 2025", "Meld deg av nyhetsbrevet",
                                         "Emne: Nyhetsbrev juni"}, {"Ny utlysning"}, "nb",
                   "e-mail header"),
    "copied programme": ("seminar programme copied",
                         {"Thursday 12 March, Room 4, Faculty of Law", "Register here", "Home"},
                         {"Programme"}, "en", "no year: no 19xx"),
    "conference abstract": ("conference abstract copied",
                            {"Parallellsesjon 2: Innbyggjarar og vedtak",
                             "Nøkkelord: automatisering, sjukepengar, tillit"},
                            {"Samandrag", "Abstract"}, "nn;en", "conference line"),
    "survey report": ("final report of a municipal user survey",
                      {"SLUTTRAPPORT – BRUKARUNDERSØKING", "2", "3",
                       "Sjøvik kommune, november 2022"},
                      {"1 Bakgrunn", "2 Funn"}, "nn", "colophon"),
    "markdown programme": ("seminar programme saved as markdown",
                           {"**Dato:** onsdag 8. oktober", "[Meld deg på](/pamelding)"},
                           {"## Program"}, "nb", "no year: only"),
}

# The binaries: pages and metadata of the PDFs, core properties of the Word files.
PDF_PAGES = {"p01": 1, "p02": 1, "w01": 1, "w02": 3, "w03": 1, "w04": 3}
PDF_META = {  # key: (/Title or None, year of /CreationDate or None)
    "w01": (None, None),
    "w02": ("Evaluering av digital sykmelding i Nord-Norge", "2025"),
    "w03": ("Høyringsfråsegn digital sjukmelding", "2024"),
    "w04": ("Microsoft Word - wp_digisyk_draft_v3.docx", "2025"),
}
WORD_CORE = {"d01": ("Pensjonsklagenemnda", "Sekretariatet", 2025, 2025),
             "d02": ("Pensjonskassen Vestrand", "Styresekretær", 2024, 2024)}
DOT_LEADER = re.compile(r"\.{10,} \d+$")


def by_key(key: str) -> str:
    """The document whose file name starts with ``key`` ("w02", "x01", ...)."""
    (name,) = [n for n in SET.on_disk if n.startswith(key + "_")]
    return name


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document against fixturesets' shared rules (labels, placement, page head and
    fields, the type its genre words give, later prose years named as not the date)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief; all five
    types four times or more; the languages; the genres named; year situations and traps;
    the consultation responses are policy documents; every role held by its own document."""
    SET.roles_check({key: row[0] for key, row in ROLES.items()})
    labels, counts = SET.labels, SET.by_column
    kinds = counts["doc_type"]
    assert (len(labels), dict(counts["format"])) == (32, FORMATS)
    assert sorted(kinds) == sorted(fs.TYPES) and all(n >= 4 for n in kinds.values()), kinds
    _, parts, openers = fs.language_counts(labels)
    assert sorted(parts) == sorted(fs.LANGUAGES), parts
    assert parts["nb"] >= 13 and parts["en"] >= 11 and parts["nn"] >= 3
    assert parts["da"] >= 2 and parts["sv"] >= 2
    assert sum(openers.values()) >= 4 and len(openers) >= 3
    two = [lab["doc_type"] for lab in labels.values() if ";" in lab["languages"]]
    assert two.count("abstract") >= 2
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")} == \
        {"bare": True, "other_years": True, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_contents_and_identifiers():
    """Programmes, and only they, glue clock times to titles; seven dot-leader contents lines
    or more, every one debris; five saved pages with field lists; no Markdown field kept."""
    SET.glued_check()
    SET.contents_check(DOT_LEADER, 7)
    assert SET.field_pages() >= 5 and SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The role's document drops the furniture named for it and keeps the named headings; its
    languages label and the start of its year evidence are those of the table; it has prose."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, dropped = SET.labels[name], SET.debris_of(name)
    missing = sorted(furniture - dropped) + sorted(h for h in headings
                                                   if h not in SET.lines[name] or h in dropped)
    assert missing == [], missing
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert SET.sentences(name) and len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("key", sorted(PDF_PAGES))
def test_pdf(key):
    """Page count and metadata of each PDF; the word processor's PDFs carry /Title and
    /CreationDate as the README says (none, real, junk, re-exported); the printed pages keep
    Chromium's stamp (the date of printing, never the labelled year) and their address line."""
    name = by_key(key)
    reader = PdfReader(SET.folder / name)
    assert len(reader.pages) == PDF_PAGES[key]
    info = reader.metadata or {}
    label = SET.labels[name]
    if key in PDF_META:
        title, created = PDF_META[key]
        assert info.get("/Title") == title
        assert (info.get("/CreationDate") or "")[2:6] == (created or "")
        if created and created != label["year"]:
            assert "/CreationDate" in label["year_evidence"]
    else:
        stamp = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d\d, ", line)]
        address = [line for line in SET.lines[name] if "://" in line and line.endswith("1/1")]
        assert len(stamp) == len(address) == 1
        assert set(stamp + address) <= SET.debris_of(name)
        assert "print stamp" in label["year_evidence"]


@pytest.mark.parametrize("key", sorted(WORD_CORE))
def test_word_file(key):
    """Core properties of the Word files: an organisation as author, a role as last editor (not
    python-docx), created and modified in the years the README gives; header and footer
    lines are debris."""
    name = by_key(key)
    props = docx.Document(str(SET.folder / name)).core_properties
    author, editor, created, modified = WORD_CORE[key]
    assert (props.author, props.last_modified_by) == (author, editor)
    assert (props.created.year, props.modified.year) == (created, modified)
    document = docx.Document(str(SET.folder / name))
    furniture = {p.text for s in document.sections
                 for p in [*s.header.paragraphs, *s.footer.paragraphs]}
    assert furniture and furniture <= SET.debris_of(name)


@pytest.mark.parametrize("key", ["x01", "x02", "x03"])
def test_mhtml(key):
    """The pages saved by Chrome as one file: Blink's headers, a quoted-printable HTML part
    and at least one more part; the Subject is the page's <title> (debris), never the title."""
    name = by_key(key)
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n") and message["Snapshot-Content-Location"]
    assert message.get_content_type() == "multipart/related" and message["Date"]
    parts = [p for p in message.walk() if not p.is_multipart()]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
    assert str(message["Subject"]) in SET.debris_of(name)
    assert str(message["Subject"]) != SET.labels[name]["title"]
    assert Counter(p.get_content_type() for p in parts)["text/html"] == 1
