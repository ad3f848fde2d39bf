"""Checks of the yardang fixture set (tests/fixtures/exported/yardang), written blind.

Brief: social security for the self-employed and freelancers going digital (sick pay, parental
benefit and unemployment insurance for selvstendig næringsdrivende, egenföretagare, selvstændige
and freelancers; income reporting, digital applications, platform workers' status). 32
documents in real formats: saved pages, pages Chrome saved as one file (.mhtml), pages the
browser printed to PDF, PDFs a word processor made (reports with contents, a slide deck, a
two-page letter, minutes, a poster), Word files, text copies and Markdown.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents and two glued programmes, so fixturesets' size_check and trap_check (36 to 40
documents, three glued programmes) are replaced by the counts below.
"""

import re
from collections import Counter

import docx
import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "yardang")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"service page|news item|press release|call for proposals|slide deck|board minutes|"
             r"written question|newsletter|tender notice",
    "policy_document": r"strategy|consultation response|annual report",
    "project_report": r"catalogue page|final report|evaluation report|working paper",
    "abstract": r"abstract|thesis record",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"saved as one file": 2, "printed to pdf": 2, "as a pdf": 5, "as a word file": 4,
         "copied": 4, "saved as markdown": 2, "consultation response": 2,
         "clock times glued to talk titles": 2, "in two languages": 2}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "service": ("organisation's service page on sick pay for freelancers",
                {"Hopp til hovedinnhold", "Godta alle", "Sist oppdatert 12.02.2024",
                 "Kontakt oss: 22 00 00 00"},
                {"Slik søker du", "Logg inn på nav.no med BankID."}, "nb", ""),
    "login": ("agency service page on unemployment benefit",
              {"Log på med MitID Erhverv", "Denne side bruger cookies", "Var siden nyttig?"},
              {"Sådan gør du", "Hvem kan få dagpenge?"}, "da", "no year: no 19xx"),
    "chat": ("agency service page on sick pay for egenföretagare",
             {"Chatta med oss", "Starta chatt", "Kundtjänst: 0771-00 00 00"},
             {"Öppettider", "Telefon och chatt måndag–fredag 08.00–16.30"}, "sv",
             "no year: no 19xx"),
    "news": ("news item with reader comments", {"2 kommentarer", "Skriv en kommentar", "Les også"},
             {"Kommentarer"}, "nb", ""),
    "bilingual abstract": ("journal abstract in two languages", {"Last ned PDF", "ISSN 0000-0000"},
                           {"Samandrag", "Abstract"}, "nn;en", ""),
    "thesis": ("master's thesis record", {"Författare", "Utgivningsdatum", "2021-06-10"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektnummer", "300000", "Prosjektperiode", "2023–2026",
                   "Ingen publikasjoner funnet"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "single file": ("union's service page on parental benefit",
                    {"Barsel for freelancere | Dansk Journalistforbund", "Bliv medlem"}, set(),
                    "da", ""),
    "call": ("call for proposals with a future deadline",
             {"Privacy policy", "Contact: [email protected]"}, {"Deadline: 15 January 2027"},
             "en", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2023", "Oslo, oktober 2023", "Rapport 0/2023 | 3",
                    "Digital inntektsrapportering"},
                   {"English summary", "Sammendrag", "Tabell 1. Datagrunnlaget etter gruppe."},
                   "nb;en", ""),
    "paper": ("working paper of the research project",
              {"FRISTØTT Working Paper 0/2025", "Bodø, May 2025"}, {"1 Introduction"}, "en", ""),
    "slides": ("slide deck exported to pdf", {"Selvstændigdagen 2024 | 2"},
               {"Tre fund", "Næste skridt"}, "da", ""),
    "letter": ("consultation response as a two-page letter",
               {"Vår ref. 24/00000", "Dato: 14.06.2024", "Side 2",
                "Fylkeshuset, Postboks 0000, 0000 Bodø"},
               {"Til Arbeids- og velferdsdirektoratet", "Med venleg helsing"}, "nn", ""),
    "minutes": ("board minutes as a word file",
                {"Møtedato | 12.03.2024", "Referent | Sekretariatet", "Side"},
                {"Sak 3/24 Digitale sykepenger"}, "nb", ""),
    "word programme": ("seminar programme as a word file", {"Kunstnarnettverket"},
                       {"09.15 | Korleis søkjer frilansarar om sjukepengar?", "11.00 | Lunsj"},
                       "nn", ""),
    "question": ("written question in a county council", {"Skriftlig spørsmål nr. 00"},
                 {"Spørsmål", "Svar"}, "nb", ""),
    "newsletter": ("newsletter e-mail pasted as text",
                   {"Unsubscribe", "Subject: Newsletter February",
                    "Sent: 3 February 2025 08:00"}, {"Digital claims in three countries"},
                   "en", ""),
    "tender": ("tender notice with catalogue fields",
               {"**Tilbodsfrist:** 15.01.2027", "**Kontraktsperiode:** 2027–2029"},
               {"## Skildring"}, "nn", "no year: only"),
}

# file: (pages, year of /CreationDate or None, /Title or None) of each PDF, as the README says.
PDFS = {
    "c01_creo_call_freelance_welfare_en.pdf": (1, "print", "Call for proposals | Creo"),
    "c02_agder_fk_strategi_mot_2030_nn.pdf": (1, "print", "Strategi | Agder fylkeskommune"),
    "p01_fjellvak_evaluering_digital_inntektsrapportering_nb_en.pdf":
        (5, "2026", "Microsoft Word - rapport_v7_endelig.docx"),
    "p02_fristott_working_paper_en.pdf":
        (4, "2025", "Income that does not fit: freelancers and digital sick pay claims"),
    "p03_selvstaendigdagen_slides_indkomst_da.pdf": (4, "2024", "PowerPoint Presentation"),
    "p04_bodo_horingsfraasegn_nn.pdf": (2, None, None),
    "p05_akassa_styrelseprotokoll_sv.pdf": (1, "2023", None),
    "p06_det_faglige_hus_aarsrapport_selvstaendige_da.pdf":
        (4, "2024", "Årsrapport om selvstændige i dagpengesystemet"),
    "p07_poster_gig_workers_sick_pay_en.pdf": (1, None, "Untitled"),
}
# file: (author, last_modified_by, title, year created, year modified) of each Word file.
WORD = {
    "w01_frilansforbund_styremote_referat_nb.docx":
        ("Sekretariatet", "Sekretariatet", "Referat styremøte", 2024, 2024),
    "w02_kunstnarnettverket_fagdag_program_nn.docx":
        ("Kunstnarnettverket", "Sekretariatet", "", 2025, 2025),
    "w03_nordland_fylkesting_skriftlig_sporsmal_nb.docx":
        ("Fylkestingets sekretariat", "Saksbehandler", "Skriftlig spørsmål", 2025, 2025),
    "w04_svenskt_naringsliv_remissvar_sv.docx":
        ("Svenskt Näringsliv", "Handläggare", "Remissvar", 2021, 2024),
}
DOT_LEADER = re.compile(r"\.{10,}\d+$")
PAGE_FOOT = re.compile(r"^(?:Rapport 0/2023 \| |Selvstændigdagen 2024 \| |Side |Protokoll \| )?\d$")


def holder(role: str) -> str:
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    return set(SET.lines[name]) - SET.debris_of(name)


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the brief's formats; every type four
    times or more; each language alone three times or more and five bilingual documents; the
    genres are named; three documents or more in each year situation; no prose repeated; the
    consultation responses are policy documents; every role held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    tags, parts, openers = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 4 and len(openers) >= 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert {key: len(found) >= 3 for key, found in traps.items() if key != "repeated"} == {
        "bare": True, "other_years": True, "glued": False, "ahead": True}
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_and_contents():
    """The two copied programmes, and only they, glue times to titles (four kept lines each);
    the Word and Markdown programmes keep their timetable rows; at least nine dot-leader contents
    lines in three PDFs, all debris; every page-number foot of the PDFs is debris."""
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert sorted(glued) == sorted(n for n in SET.on_disk if n.startswith(("t01", "t02")))
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name)
    assert len([line for line in kept_lines(holder("word programme")) if " | " in line]) == 4
    markdown = next(n for n in SET.on_disk if n.startswith("m02"))
    assert len([line for line in kept_lines(markdown) if re.match(r"\| \d\d:\d\d \|", line)]) == 4
    SET.contents_check(DOT_LEADER, 9)
    assert len({n for n in SET.on_disk for line in SET.lines[n] if DOT_LEADER.search(line)}) == 3
    feet = [(n, line) for n in PDFS for line in SET.lines[n] if PAGE_FOOT.match(line)]
    assert len(feet) >= 20 and all(line in SET.debris_of(n) for n, line in feet)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or fields stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    name = holder(role)
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - kept_lines(name) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)
    assert len(SET.sentences(name)) >= 3


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Page count and metadata as the README states: the browser's prints carry its own title
    and the printing date (never the label's year); the word processor's carry LibreOffice as
    producer and the dates and titles set afterwards."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    stamp = meta.get("/CreationDate")
    if created == "print":
        assert "HeadlessChrome" in meta["/Creator"] and stamp[2:6] != SET.labels[name]["year"]
        assert SET.lines[name][-1].endswith(f"{name[:-4]}.html {pages}/{pages}")
    elif created is None:
        assert stamp is None and "/ModDate" not in meta
    else:
        assert stamp[2:6] == created and meta["/Producer"].startswith("LibreOffice")
    if name.startswith("p01"):
        assert int(created) - int(SET.labels[name]["year"]) >= 2
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Core properties as the README states: an organisation or role as author, never a person
    or python-docx; created and modified in the document's year except w04's template date."""
    author, modifier, title, created, modified = WORD[name]
    props = docx.Document(str(SET.folder / name)).core_properties
    assert (props.author, props.last_modified_by, props.title) == (author, modifier, title)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert modified == int(SET.labels[name]["year"]) and props.last_modified_by != "python-docx"


def test_mhtml():
    """The two single-file pages are Blink's MIME messages: saved-by header, snapshot address,
    subject equal to the page's <title> (debris), an HTML part in quoted-printable and one more
    part."""
    import email
    from email import policy

    found = Counter()
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        message = email.message_from_bytes(data, policy=policy.default)
        assert data.startswith(b"From: <Saved by Blink>\r\n")
        assert message["Snapshot-Content-Location"].startswith("https://")
        assert message.get_param("type") == "text/html"
        assert message["Subject"] in SET.debris_of(name) and message["Date"]
        parts = [p for p in message.walk() if not p.is_multipart()]
        assert parts[0].get_content_type() == "text/html"
        assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable" and len(parts) >= 2
        found[message.get_content_type()] += 1
    assert found == {"multipart/related": 2}
