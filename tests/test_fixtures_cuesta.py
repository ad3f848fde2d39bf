"""Checks of the cuesta fixture set (tests/fixtures/exported/cuesta), written blind.

Brief: how reduced public transport fares for low-income people and benefit recipients are
applied for and checked digitally (honnørbillett, socialt kort, nedsatt pris, proof of benefit
status in apps). 32 documents in six formats: saved pages, pages Chrome saved as one file
(.mhtml), pages the browser printed to PDF, PDFs from a word processor, Word files, text copies
and Markdown. The import is never run here: labels, debris and prose are held to the shared
conventions of fixturesets and then to the brief, and the binaries' page counts and metadata to
what the README states.
"""

import datetime as dt
import re
from collections import Counter

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "cuesta")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dcterms.modified"}

GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|news item|slide deck|board minutes|call for proposals|"
             r"newsletter|press release|tender notice|blog post",
    "policy_document": r"strategy|consultation response|annual report|written question",
    "project_report": r"catalogue page|evaluation report|working paper|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
NAMED = {"clock times glued to talk titles": 3, "journal abstract": 2,
         "consultation response": 1, "word processor": 6, "slide deck exported": 1,
         "printed to pdf by the browser": 2,
         "saved by chrome as one file": 2, "word file": 4, "copied": 4, "saved as markdown": 2,
         "in two languages": 2}

# role: (opening of notes, lines that must be debris, lines that must stay, languages, evidence)
ROLES = {
    "agency": ("agency page on reduced fares in the app",
               {"Hopp til hovedinnhold", "Godta alle", "Start chat", "Hverdager 07.00–21.00",
                "Logg inn med BankID"},
               {"Slik gjør du", "Velg Honnør som reisendekategori under Profil."}, "nb", "Sist"),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Les også",
              "bussmor: Endelig slutt på papirlappene."},
             {"Kommentarer"}, "nb", "Publisert"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2024–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjoner funnet"}, {"Om prosjektet", "Summary in English"},
                  "nb;en", "no year: only"),
    "paper": ("working paper of the research project",
              {"RABATTSPOR Working Paper 0/2025", "Figure 1: Share of approved checks by month",
               "50%"}, {"Summary", "Contents"}, "en", "Transportforskning"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024", "Side 3 av 5", "¹ Tallene omfatter ikke skolereiser.",
                    "Tabell 1: Søknader om digital honnør per kvartal"},
                   {"English summary", "Innhold"}, "nb;en", "Stavanger"),
    "strategy": ("strategy with a horizon year",
                 {"Kringom – strategi for rabattar mot 2030",
                  "Vedteken av fylkestinget 14. juni 2023"},
                 {"1 Mål", "Innhald"}, "nn", "Vedteken"),
    "letter": ("consultation response as a two-page letter",
               {"RÅDET FOR SOCIALT UDSATTE", "J.nr. 2024-0000", "Side 2 af 2"},
               {"Med venlig hilsen", "Transportministeriet"}, "da", "København"),
    "slides": ("slide deck exported as a pdf",
               {"Nordic Transport Research Days, Linköping | 4", "October 2024"},
               {"What we found"}, "en", "October 2024"),
    "minutes": ("board minutes as a word file",
                {"Møtedato | 12.03.2024", "Saksnr. | 2024/000", "Fjord1 AS – Brukarrådet"},
                {"Vedtak"}, "nn", "Møtedato"),
    "programme table": ("seminar programme as a word file with a table of times and talks",
                        {"Tid | Punkt", "Sydtrafik · Temadag"},
                        {"09.30 | Velkomst og kaffe", "Program"}, "da", "Torsdag"),
    "question": ("parliamentary written question with the minister's answer",
                 {"WQ.000/2023", "Tabled by: Deputy (invented)"}, {"Question", "Answer"},
                 "en", "Answer to be tabled"),
    "call": ("call for proposals with a future deadline",
             {"Søknadsfrist: 1. mars 2027", "Ruter – Utlysning"}, {"Slik søker dere"}, "nb",
             "no year: only the deadline"),
    "tender": ("tender notice with catalogue fields",
               {"Referansenummer", "2024/000000", "Tilbodsfrist", "15.01.2025 12:00"},
               {"Kort skildring"}, "nn", "Kunngjort"),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Meld deg av", "Vis i nettleser"}, {"Matutdeling"}, "nb", "no year: no 19xx"),
    "bilingual abstract": ("journal abstract in two languages",
                           {"FAGFELLEVURDERT ARTIKKEL", "DOI: 10.0000/tfv.2022.00.00"},
                           {"Samandrag", "Abstract"}, "nn;en", "Årgang"),
}

# The binaries as the README states them: pages, and the PDF's /Title and /CreationDate year
# (None: absent).
PDFS = {
    "p01_vy_honnorbevis_tog_printed_nb.pdf": (1, "Honnør på tog | Vy", "2026"),
    "p02_innlandstrafikk_sluttrapport_rabatt_uten_papir_printed_nb.pdf":
        (1, "Prosjekt | Innlandstrafikk", "2026"),
    "w01_kolumbus_evaluering_digital_honnor_rapport_nb_en.pdf":
        (5, "Evaluering av digital honnør", "2024"),
    "w02_kringom_strategi_rabattar_mot_2030_nn.pdf":
        (4, "Microsoft Word - strategi_rabatt_v7_endeleg.docx", "2023"),
    "w03_rabattspor_slides_checking_the_discount_en.pdf": (5, "PowerPoint Presentation", "2024"),
    "w04_raadet_socialt_udsatte_hoeringssvar_digital_rabat_da.pdf": (2, None, None),
    "w05_rabattspor_working_paper_consent_as_a_ticket_en.pdf":
        (4, "Microsoft Word - rapport_v7_endelig.docx", "2025"),
    "w06_hallandstrafiken_verksamhetsberattelse_rabatter_sv.pdf": (3, None, "2024"),
    "w07_poster_half_price_full_paperwork_en.pdf": (1, "Untitled", None),
}
# Word files: created year, modified year, title, author.
DOCX = {
    "d01_fjord1_protokoll_brukarradet_honnorbevis_nn.docx":
        (2024, 2024, "Protokoll brukarrådet", "Sekretær brukarrådet"),
    "d02_sydtrafik_temadag_socialt_kort_program_da.docx":
        (2025, 2025, "Temadag socialt kort", "Sydtrafik Kommunikation"),
    "d03_states_jersey_written_question_bus_concessions_en.docx":
        (2023, 2023, "", "States Greffe"),
    "d04_ruter_utlysning_piloter_rabattkontroll_nb.docx":
        (2019, 2026, "Utlysning", "Ruter Innovasjon"),
}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}
DOT_LEADER = re.compile(r"\.{10,}\d+$")
RUNNING = re.compile(r"^(Side \d+ a[vf] \d+|\d|.+ \| \d|Protokoll brukarrådet · side \d|"
                     r"WQ\.000/2023 · Page \d)$")


def staying(name: str) -> set[str]:
    """The visible lines of a document that are not listed as its debris."""
    gone = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in gone}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, debris, prose, saved page head), the type its
    genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; all five types
    four times or more; every language alone three times and five bilingual documents opened by
    four languages; the genres are named; year situations three times each; the consultation
    response is a policy document; every role held by a document of its own."""
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    labels = SET.labels
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) for key, found in traps.items() if len(found) < 3} == {"repeated": 0}
    SET.consultations_check(1)


def test_programmes_contents_and_running_lines():
    """Three programmes glue clock times to talk titles (four kept lines each, none debris);
    dot-leader contents lines in three PDFs, all debris; every running head, foot or page
    number line of the binaries is debris."""
    glued = {n: {line for line in SET.lines[n] if fs.GLUED_TIME.search(line)} for n in SET.on_disk}
    glued = {n: found for n, found in glued.items() if found}
    assert len(glued) == 3 and all(SET.labels[n]["doc_type"] == "event_programme" for n in glued)
    assert all(len(found) >= 4 and not found & SET.debris_of(n) for n, found in glued.items())
    leaders = {(n, line) for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}
    assert len({n for n, _ in leaders}) >= 3
    assert all(line in SET.debris_of(n) for n, line in leaders)
    binaries = [n for n in SET.on_disk if n.endswith((".pdf", ".docx"))]
    running = [(n, line) for n in binaries for line in SET.lines[n] if RUNNING.match(line)]
    assert len(running) >= 20 and [p for p in running if p[1] not in SET.debris_of(p[0])] == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings stay, its languages and year evidence are the
    expected ones, and three or more prose sentences survive."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label = SET.labels[name]
    assert sorted(furniture - SET.debris_of(name)) == []
    assert sorted(headings - staying(name)) == []
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count, /Title and the year of /CreationDate as stated (the browser's prints carry
    the page's <title> and the day of printing); the prints keep Chromium's head and foot
    (print date with the <title>, address and n/n) as debris; a word processor's PDF dated
    other than its label is a re-export two years later or more, named in its evidence."""
    pages, title, created = PDFS[name]
    reader = PdfReader(fs.SETS / "cuesta" / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    assert (meta.get("/CreationDate") or "D:")[2:6] == (created or "")
    label = SET.labels[name]
    if name.startswith("p0"):
        assert "Chromium" in meta.get("/Creator", "") or "Skia" in meta.get("/Producer", "")
        stamp = [line for line in SET.lines[name] if re.match(r"\d+/\d+/\d+, \d", line)]
        foot = [line for line in SET.lines[name] if line.endswith(" 1/1")]
        assert len(stamp) == len(foot) == 1 and {*stamp, *foot} <= SET.debris_of(name)
    elif created and label["year"] and created != label["year"]:
        assert int(created) - int(label["year"]) >= 2 and "/CreationDate" in label["year_evidence"]


@pytest.mark.parametrize("name", sorted(DOCX))
def test_docx(name):
    """Core properties as stated: created and modified years, title, an organisation or role as
    author, never python-docx as last editor; header and footer lines are debris."""
    import docx

    created, modified, title, author = DOCX[name]
    document = docx.Document(str(fs.SETS / "cuesta" / name))
    props = document.core_properties
    assert (props.created.year, props.modified.year, props.title, props.author) == \
        (created, modified, title, author)
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    section = document.sections[0]
    furniture = {p.text.strip() for part in (section.header, section.footer)
                 for p in part.paragraphs if p.text.strip()}
    assert furniture and furniture <= SET.debris_of(name)
    label = SET.labels[name]
    if label["year"]:
        assert str(created) == label["year"]
    else:
        assert str(created) in label["year_evidence"] and isinstance(props.created, dt.datetime)


def test_mhtml():
    """The two pages Chrome saved as one file are multipart/related messages from Blink with
    the page as quoted-printable HTML and an image and a stylesheet part."""
    import email
    from email import policy

    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (fs.SETS / "cuesta" / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"]
        assert message["Subject"] in SET.debris_of(name) and message["Date"]
        kinds = Counter(part.get_content_type() for part in message.iter_parts())
        assert kinds == Counter({"text/html": 1, "image/png": 1, "text/css": 1})
        html = next(p for p in message.iter_parts() if p.get_content_type() == "text/html")
        assert html["Content-Transfer-Encoding"] == "quoted-printable"
