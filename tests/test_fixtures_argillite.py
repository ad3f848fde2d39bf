"""Checks of the argillite fixture set (tests/fixtures/exported/argillite), written blind.

Brief: children's and young people's digital access to welfare and health services (digital ID
for minors, consent in school and youth health apps, parents' access, youth councils), leaning to
the web: 16 saved HTML pages, 3 pages saved by Chrome as one .mhtml file, 2 pages printed to PDF
by the browser, 4 PDFs made by a word processor, 2 Word files, 4 text copies and 1 Markdown page,
32 documents in Bokmål, English, Nynorsk, Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, fewer than fixturesets.size_check and language_check assume, so its sizes and
languages are checked here.
"""

import email
import re
from email import policy

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "argillite")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date", "dcterms.modified"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|health information page|news item|blog post|page on its youth "
             r"council|guidance page|press release|call for proposals|help page|tender notice|"
             r"council minutes|written question|newsletter",
    "policy_document": r"^strategy|report landing page|consultation response",
    "project_report": r"catalogue page|final report|evaluation report|working paper",
    "abstract": r"abstract|thesis record|journal article page",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"clock times glued to talk titles": 4, "saved by chrome as one file": 3,
         "printed to pdf by the browser": 2, "pdf made by a word processor": 4,
         "as a word file": 2, "consultation response": 2, "later year in a prose sentence": 4,
         "labelled monolingual": 2, "copied": 2, "pasted": 2, "saved as markdown": 1}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}
LANGUAGE_LABELS = {"nb": 13, "en": 10, "nn": 2, "da": 2, "sv": 1,
                   "nb;en": 1, "en;nb": 1, "nn;en": 1, "sv;en": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "school nurse": ("municipality's service page on an anonymous school nurse service",
                     {"Skip to content", "Accept all", "Sentralbord: 69 00 00 00",
                      "Org.nr. 900 000 000"},
                     {"Slik gjør du det", "Åpne skjemaet på kommunens nettside."}, "nb",
                     "no year: no 19xx"),
    "strategy page": ("strategy on a government portal",
                      {"Gå til hovedinnhold", "Del denne siden", "Publisert 14. mars 2024"},
                      {"Mål", "Innsatsområder"}, "nb", "'Publisert"),
    "english page": ("health information page in english",
                     {"Om NHI", "Personvernerklæring", "Hopp til innhold"},
                     {"What the research says"}, "en", "no year: only"),
    "portal": ("conference paper abstract on a university research portal",
               {"Fingerprint", "Consent 100%", "Original language", "peer-review", "Cite this"},
               {"Abstract"}, "en", "'Publication date 2023'"),
    "catalogue": ("funder's project catalogue page",
                  {"Prosjektperiode", "2022–2026", "Ingen publikasjoner registrert",
                   "Tilbake til søkeresultatet"},
                  {"About the project", "Om prosjektet"}, "en;nb", "no year: only"),
    "journal": ("journal article page with citation widgets",
                {"Views", "CrossRef citations to date", "Altmetric", "ORCID Icon",
                 "Download PDF", "First published online May 21, 2024"},
                {"Abstract"}, "en", "'First published online May 21, 2024'"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Svar", "Mamma til to (oppdiktet)"},
             set(), "nb", "'Publisert 4. november 2024'"),
    "youth council": ("municipality's page on its youth council",
                      {"Hopp til hovudinnhald", "Fann du det du leita etter?",
                       "Telefon: 57 00 00 00"},
                      {"Kontakt ungdomsrådet"}, "nn", "no year: no 19xx"),
    "help page": ("school app's help page saved by chrome",
                  {"Logg inn med Feide", "Start chat", "Chat med oss",
                   "Sist oppdatert 2. februar 2024"},
                  {"Slik gir eleven samtykke", "Eleven logger inn med Feide."}, "nb",
                  "'Sist oppdatert 2. februar 2024'"),
    "tender": ("tender notice with catalogue fields",
               {"CPV-kode", "Tilbudsfrist", "12.01.2026", "Kunngjøring 000000-2025"},
               {"Kort beskrivelse"}, "nb", "'Publiseringsdato 24.10.2025'"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2022", "Oktober 2022", "Sopra Steria | Rapport 0/2022 | Side 3"},
                   {"English summary", "Sammendrag", "Innhold"}, "nb;en", "cover date"),
    "re-exported strategy": ("strategy with a horizon year as a pdf",
                             {"Side 3", "Vedteken i kommunestyret 14. juni 2023"},
                             {"Innhald", "3 Tiltak"}, "nn", "'Vedteken i kommunestyret"),
    "minutes": ("council minutes of a youth council",
                {"Møtedato: 12.03.2024", "Saksnr. 24/00000 | Side 1", "Tid: 17.00–19.00"},
                {"Sak 00/24 Eventuelt"}, "nb", "'Møtedato: 12.03.2024'"),
    "word response": ("consultation response of a children's rights organisation",
                      {"Vår ref.: | 24/00000", "Dato: | 15. april 2024", "[email protected]"},
                      {"Med vennlig hilsen", "Barnets egen stemme"}, "nb", "'Dato: 15. april"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "View this email in your browser", "Follow us"},
                   {"Dear reader,", "With best regards,"}, "en", "no year: no 19xx"),
    "book of abstracts": ("conference abstract on a book-of-abstracts page",
                          {"Children's data and the school: a survey of teachers",
                           "¹ Department of Health Sciences"},
                          set(), "en", "'ISCI Conference 2023"),
}

# Identifier kind: pattern with an `id` group; zero-filled forms where zeros alone are not it.
FINDERS = {
    "phone": r"(?:Telefon|Sentralbord|Phone|Växel): (?P<id>\+?\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)",
    "case number": r"(?:Saksnr\.|Sagsnr\.|Vår ref\.: \|) (?P<id>\d\d/\d+)",
    "DOI": r"10\.0000/(?P<id>\d+)",
    "postal box": r"(?:Postboks|Box) (?P<id>\d+)",
}
FORMS = {"phone": r"\+45 [0 ]+|[1-9]\d(?: 00){3}|010-[0 ]+",
         "organisation number": r"9[0 ]+|[0 ]+", "case number": r"2[34]/0+"}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# The binaries: each PDF's page count and the /Title and /CreationDate year it carries (None:
# absent); each Word file's author, last_modified_by, created and modified years.
PDFS = {
    "b01_nr_trusted_adults_online_final_report_en.pdf":
        (1, "Trusted Adults Online – Norsk Regnesentral", "2026"),
    "b02_voksneforbarn_horingssvar_foreldres_tilgang_nb.pdf":
        (1, "Høringssvar – Voksne for Barn", "2026"),
    "p01_soprasteria_evaluering_digital_helsestasjon_nb_en.pdf":
        (5, "Digital helsestasjon for ungdom – evaluering", "2022"),
    "p02_lyngstad_strategi_digital_medverknad_mot_2030_nn.pdf": (4, None, "2025"),
    "p03_ovre_eiker_protokoll_ungdomsrad_nb.pdf": (1, "Protokoll ungdomsrådet", None),
    "p04_vid_youngvoice_working_paper_en.pdf":
        (2, "Microsoft Word - wp_youngvoice_v3.docx", "2024"),
}
WORD = {
    "d01_plan_norge_horingssvar_samtykke_laeremidler_nb.docx":
        ("Plan International Norge", "Rådgiver barns rettigheter", 2024, 2024),
    "d02_skulehelse_abstract_ungdom_seier_nei_nn_en.docx":
        ("Institutt for helse og omsorg", "Programkomiteen", 2025, 2025),
}


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields, the
    type its genre names, later prose years named in the evidence)."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; the languages the brief asks for, with four bilingual documents opened by
    four languages; the genres named; year situations and traps; consultation responses typed
    policy_document; each role held by its own document."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    assert [sum(n.startswith(k) for n in labels) for k in "bp"] == [2, 4]
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    assert dict(SET.by_column["languages (label)"]) == LANGUAGE_LABELS
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nn"] >= 3 and parts["da"] == 2 and parts["sv"] == 2
    assert sum(openers.values()) == 4 and len(openers) == 4
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)


def test_programmes_identifiers_and_contents():
    """Glued clock times in the four programmes only; every kind of identifier zero-filled;
    pages with field lists; no kept Markdown field line; seven dot-leader lines, all debris."""
    SET.glued_check()
    SET.identifiers_check(FINDERS, FORMS)
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """The document holding a role: its named furniture all listed as debris, its named body
    lines all kept, the expected languages label and evidence opening, 3 or more sentences."""
    opening, furniture, body, tag, evidence_start = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label, debris = SET.labels[name], SET.debris_of(name)
    assert not furniture - debris, sorted(furniture - debris)
    assert not body - kept_lines(name), sorted(body - kept_lines(name))
    assert (label["languages"], label["year_evidence"][:len(evidence_start)]) == \
        (tag, evidence_start)
    assert len(SET.sentences(name)) in (3, 4)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: word-processor PDFs carry the set /Title
    (real, junk or none) and /CreationDate (the document's year, a later re-export, or none);
    browser prints keep what Chromium wrote, with its print stamp and address on the page."""
    pages, title, created = PDFS[name]
    reader = PdfReader(fs.SETS / "argillite" / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "")[2:6] == (created or "")
    if name.startswith("b"):
        assert "Chrome" in meta["/Creator"] and created != SET.labels[name]["year"]
        assert any(re.match(r"\d+/\d+/\d\d, \d+:\d\d [AP]M ", line) for line in SET.lines[name])
        assert any(line.endswith(" 1/1") for line in SET.debris_of(name))
    if name.startswith("p02"):
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word(name):
    """Core properties: an organisation or a role as author, not python-docx as last editor,
    created and modified in the document's year; header and footer lines are debris."""
    author, editor, created, modified = WORD[name]
    props = docx.Document(str(fs.SETS / "argillite" / name)).core_properties
    assert (props.author, props.last_modified_by) == (author, editor)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert str(created) == SET.labels[name]["year"]
    document = docx.Document(str(fs.SETS / "argillite" / name))
    feet = [p.text.strip() for s in document.sections for p in s.footer.paragraphs
            if p.text.strip()]
    assert feet and set(feet) <= SET.debris_of(name)


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, a quoted-printable text/html part whose
    address is the snapshot's, a stylesheet or image part besides, and the Subject (the page's
    <title>) a debris line, not the title."""
    data = (fs.SETS / "argillite" / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert b"\r\nFrom: <Saved by Blink>\r\n" in data and message["Date"]
    parts = list(message.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    assert parts[0]["Content-Location"] == message["Snapshot-Content-Location"]
    assert len(parts) >= 2
    assert message["Subject"] in SET.debris_of(name)
    assert message["Subject"] != SET.labels[name]["title"]
