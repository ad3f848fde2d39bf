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

# The genres a document's notes may open with (the text up to " ("), grouped by the one type
# each stands for; a genre is matched as a phrase anywhere in that opening.
GENRES = (
    ("other", ("service page", "news item", "press release", "call for proposals", "slide deck",
               "board minutes", "written question", "newsletter", "tender notice")),
    ("policy_document", ("strategy", "consultation response", "annual report")),
    ("project_report", ("catalogue page", "final report", "evaluation report", "working paper")),
    ("abstract", ("abstract", "thesis record")),
    ("event_programme", ("programme",)),
)
GENRE_TYPES = {kind: re.compile("|".join(map(re.escape, phrases))) for kind, phrases in GENRES}
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


def kept(name: str) -> set[str]:
    """The visible lines of a document that are not debris."""
    return set(SET.lines[name]).difference(SET.debris_of(name))


def test_whole_set():
    """Files, CSVs and README tables agree and every role has a document of its own; 32
    documents in the brief's formats; every type four times or more; each language alone three
    times or more and four bilingual openers; the genres are named; three documents or more in
    each year situation, no prose repeated; the consultation responses are policy documents."""
    SET.roles_check({role: spec[0] for role, spec in ROLES.items()})
    SET.consultations_check(2)
    by_format, by_type = SET.by_column["format"], SET.by_column["doc_type"]
    alone, _, openers = fs.language_counts(SET.labels)
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    summary = {
        "documents": len(SET.labels), "formats": dict(by_format),
        "types": sorted(by_type), "fewest of a type": min(by_type.values()) >= 4,
        "fewest alone": min(alone[code] for code in sorted(fs.LANGUAGES)) >= 3,
        "bilingual openers": len(openers) >= 4,
        "unnamed genres": fs.missing_genres(SET.labels, NAMED),
        "year situations": {key: len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")},
        "repeated prose": traps["repeated"],
    }
    assert summary == {
        "documents": 32, "formats": FORMATS, "types": sorted(fs.TYPES), "fewest of a type": True,
        "fewest alone": True, "bilingual openers": True, "unnamed genres": {},
        "year situations": {"bare": True, "other_years": True, "ahead": True},
        "repeated prose": [],
    }


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """One document against the shared rules (labels, placement, the saved page's head), the
    type named by the genre its notes open with, and any later year of its prose named in its
    year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_programmes_and_contents():
    """The two copied programmes, and only they, glue times to titles (four kept lines each);
    the Word and Markdown programmes keep their timetable rows; nine dot-leader contents lines
    or more, in three PDFs, all debris; every page-number foot of the PDFs is debris."""
    copied = sorted(n for n in SET.on_disk if n[:3] in ("t01", "t02"))
    assert sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]) == copied
    glued = {n: {x for x in SET.lines[n] if fs.GLUED_TIME.search(x)} for n in copied}
    assert {n: (len(found), found <= kept(n)) for n, found in glued.items()} == {
        n: (4, True) for n in copied}
    word = fs.by_notes(SET.labels, ROLES["word programme"][0])
    markdown = next(n for n in SET.on_disk if n[:3] == "m02")
    rows = (sum(" | " in x for x in kept(word)),
            sum(bool(re.match(r"\| \d\d:\d\d \|", x)) for x in kept(markdown)))
    assert rows == (4, 4)
    SET.contents_check(DOT_LEADER, 9)
    assert len({n for n in SET.on_disk if any(map(DOT_LEADER.search, SET.lines[n]))}) == 3
    feet = {(n, x) for n in PDFS for x in SET.lines[n] if PAGE_FOOT.match(x)}
    assert len(feet) >= 20 and {(n, x) for n, x in feet if x not in SET.debris_of(n)} == set()


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """For each role: its furniture lines are debris, its headings, steps or fields are visible
    and kept, its languages and the opening of its year evidence are the table's, and three
    prose sentences or more are labelled."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = fs.by_notes(SET.labels, opening)
    label = SET.labels[name]
    seen = {"furniture kept": gone - SET.debris_of(name), "content lost": stay - kept(name),
            "languages": label["languages"], "evidence": label["year_evidence"][:len(evidence)],
            "three prose": len(SET.sentences(name)) >= 3}
    assert seen == {"furniture kept": set(), "content lost": set(), "languages": languages,
                    "evidence": evidence, "three prose": True}


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
