"""Checks of the tombolo fixture set (tests/fixtures/exported/tombolo), written blind.

Brief: services for people with dementia and their relatives going digital (GPS and safety
alarms, digital applications for day care and respite, dementia coordinators' online advice,
pårørendeskole, demenskoordinator, anhörigstöd), in 32 documents of real binary formats and
browsers' saves: saved HTML pages, pages Chrome saved as one file (.mhtml), pages the browser
printed to PDF, PDFs made by a word processor (a slide deck, a two-page letter, a poster and
reports among them), Word files, text copies and Markdown saves. English, Bokmål, Nynorsk,
Danish and Swedish.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks) and then to the brief. The set has 32
documents, so fs.size_check and fs.trap_check (made for 36 to 40) are replaced by counts of
its own below.
"""

import email
import re
from collections import Counter
from datetime import datetime
from email import policy

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "tombolo")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"municipal service page|charity's advice page|municipality's page|news item|"
             r"council minutes|slide deck|press release|newsletter e-mail|call for proposals|"
             r"nurse service page",
    "policy_document": r"consultation response|strategy|annual report",
    "project_report": r"catalogue page|working paper|evaluation report|final report",
    "abstract": r"abstract|thesis record|poster",
    "event_programme": r"programme",
}.items()}
# Phrases the notes must name, and in how many documents at least.
NAMED = {"consultation response": 3, "clock times glued to talk titles": 2,
         "saved by chrome as one file": 2, "printed to pdf by the browser": 2,
         "as a word file": 4, "saved as markdown": 2, "pasted": 4, "copied with select all": 2}

FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "alarm": ("municipal service page on safety alarms and gps",
              {"Hopp til hovedinnhold", "Godta alle", "Logg inn med ID-porten", "Start chat",
               "Telefon: 61 00 00 00"},
              {"Slik søker du", "Send søknaden. Svaret kommer i Digipost."}, "nb",
              "no year: no 19xx"),
    "coordinator": ("municipality's page on video advice from the dementia coordinator",
                    {"Log ind med MitID", "Opdateret 12. februar 2025", "CVR 00 00 00 00"},
                    {"Sådan booker du en videosamtale", "Åbningstider"}, "da", ""),
    "anhorig": ("municipality's page on support for relatives",
                {"Var sidan till hjälp?", "Godkänn alla kakor", "Telefon: 0515-00 00 00"},
                {"Digitala anhörigträffar", "Så anmäler du dig"}, "sv", "no year: no 19xx"),
    "catalogue": ("research project's catalogue page",
                  {"Prosjektperiode", "2023–2027", "Prosjektnummer", "000000",
                   "Ingen publikasjoner registrert ennå"},
                  {"Om prosjektet", "Summary in English"}, "nb;en", "no year: only"),
    "paper": ("working paper of the research project",
              {"DEMTRYGG Working Paper 0/2025", "3"}, {"1 Introduction", "Contents"}, "en", ""),
    "news": ("news item with reader comments",
             {"3 kommentarer", "Skriv en kommentar", "Af Mette Lund (opdigtet)"},
             {"Kommentarer"}, "da", ""),
    "thesis": ("master's thesis record",
               {"Författare", "Utgivningsdatum", "Ladda ner fulltext (PDF)"},
               {"Sammanfattning", "Abstract"}, "sv;en", ""),
    "book": ("book-of-abstracts page saved by chrome",
             {"Parallel session: Technology and care",
              "Next abstract: Smart door sensors in rural home care: a feasibility study"},
             set(), "en", ""),
    "dagtilbod": ("municipal service page on applying online for day care",
                  {"Berre naudsynte", "Logg inn på Mi side", "Chat med oss"},
                  {"Slik søkjer du", "Vel «Dagtilbod demens» i lista over tenester."}, "nn",
                  "no year: only"),
    "strategy": ("municipal strategy mot 2030",
                 {"Demensplan mot 2030 | Side 3 av 5", "Nordre Aurdal kommune"},
                 {"Innhald", "3 Mål og tiltak"}, "nn", "no year: only"),
    "evaluation": ("evaluation report with an english summary",
                   {"Rapport 0/2024 | 3", "Tabell 1. Deltakere per kommune", "Mai 2024",
                    "¹ Kursmodellen og samlingene er beskrevet nærmere i vedlegg 2."},
                   {"Sammendrag", "English summary"}, "nb;en", ""),
    "slides": ("slide deck exported to pdf",
               {"Nordiskt demensforum 2024 · Svenskt Demenscentrum · 2"},
               {"Råd till kommunen", "Anhöriga oroar sig mest på kvällen och natten."}, "sv", ""),
    "letter": ("consultation response as a two-page letter",
               {"Sagsnr. 2024-0000", "Side 2 af 2", "København, 15. maj 2024"},
               {"Med venlig hilsen", "Sundhedsministeriet", "Direktør"}, "da", ""),
    "poster": ("conference poster", {"Figur 1. Mottaker av GPS-varsler i 64 vedtak"},
               {"Bakgrunn", "Konklusjon"}, "nb", ""),
    "minutes": ("council minutes", {"Møtedato | 12.03.2024", "Møtetid | 10.00–13.00"},
                {"Sak 0/24 Digital pårørendeskole", "Eventuelt"}, "nb", ""),
    "word programme": ("seminar programme as a word file",
                       {"Tid | Punkt | Medverkande"}, {"Program", "11.45–12.45 | Lunch |"},
                       "sv", ""),
    "call": ("call for proposals", {"Deadline | 15 March 2027, 13:00 CET"},
             {"Who can apply"}, "en", "no year: only the future deadline"),
    "newsletter": ("newsletter e-mail",
                   {"Skickat: den 6 maj 2024 09:12", "Avsluta prenumerationen"},
                   {"Digitala anhörigträffar sprider sig"}, "sv", ""),
    "webinar": ("webinar programme", {"Wednesday 14 May", "Book your place"},
                {"10:00Welcome and how the session works"}, "en", "no year: no 19xx"),
    "printed response": ("consultation response page printed to pdf",
                         {"Published 14 June 2023", "Download our full response (PDF, 350 KB)"},
                         {"Question 2: Carers and respite"}, "en", ""),
}

# PDFs: pages, /Title (None: absent), year of /CreationDate (None: no dates), and whether the
# browser made it (its dates are the printing day, so only their presence is checked).
PDFS = {
    "b01_alzheimer_scotland_consultation_response_tec_en.pdf": (2, "browser", "browser"),
    "b02_vejen_aflastning_dagtilbud_digital_ansoegning_da.pdf": (2, "browser", "browser"),
    "p01_nordre_aurdal_demensplan_mot_2030_nn.pdf": (5, None, None),
    "p02_aldersforskning_ost_evaluering_parorendeskole_nb_en.pdf":
        (5, "Microsoft Word - rapport_v7_endelig.docx", "2027"),
    "p03_demtrygg_working_paper_consent_location_en.pdf":
        (5, "Consent, location data and everyday safety", "2025"),
    "p04_demenscentrum_bildspel_gps_larm_sv.pdf": (4, "PowerPoint Presentation", "2024"),
    "p05_alzheimerforeningen_hoeringssvar_velfaerdsteknologi_da.pdf":
        (2, "Høringssvar om udkast til vejledning om velfærdsteknologi til borgere med demens",
         "2024"),
    "p06_geriatrisk_varmote_poster_gps_hjemmetjeneste_nb.pdf": (1, "Untitled", "2024"),
    "p07_videnscenter_demens_aarsrapport_uddrag_da.pdf": (4, None, None),
}
# Word files: author, last_modified_by, year created, year modified.
WORD = {
    "w01_gausdal_eldreraadet_protokoll_nb.docx": ("Gausdal kommune", "Servicetorget", 2024, 2024),
    "w02_demensforbundet_anhorigdag_program_sv.docx": ("Demensförbundet", "Kansliet", 2025, 2025),
    "w03_vestre_toten_horingssvar_lokaliseringsteknologi_nb.docx":
        ("Saksbehandler", "Helse og omsorg", 2019, 2023),
    "w04_nordic_dementia_fund_call_respite_en.docx":
        ("Nordic Dementia Innovation Fund", "Secretariat", 2026, 2026),
}
DOT_LEADER = re.compile(r"(?:\.{10,}|\. \. |\.{3,} )\s*\d+$")
PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ")


def holder(role: str) -> str:
    """The one document whose notes open as the role says."""
    return fs.by_notes(SET.labels, ROLES[role][0])


def kept_lines(name: str) -> set[str]:
    """The visible lines of a document that the labels leave in (kept or neutral)."""
    return {line for line in SET.lines[name] if line not in SET.debris_of(name)}


def pdf_year(value) -> str | None:
    return str(value)[2:6] if value else None


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document (labels, placement, saved page's head and fields),
    the type its genre names, and every later year of its prose named in its evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the asked formats; all five types
    four times or more; every language alone three times or more; five bilingual documents
    opened by four languages; the genres are named; the year situations three times each; no
    prose sentence twice; consultation responses are policy documents."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert min(tags[code] for code in fs.LANGUAGES) >= 3, tags
    assert sum(openers.values()) >= 4 and len(openers) >= 4, openers
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert all(len(traps[key]) >= 3 for key in ("bare", "other_years", "ahead")), traps
    assert traps["repeated"] == []
    SET.consultations_check(3)


def test_programmes_and_contents():
    """Clock times are glued to titles only in the two copied programmes (four kept lines or
    more each); every programme is an event_programme; four documents hold dot-leader
    contents lines, all of them debris; no Markdown field line is kept."""
    glued = sorted(fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"])
    assert glued == ["t01_alzheimerforeningen_temadag_program_copy_da.txt",
                     "t02_age_uk_webinar_programme_copy_en.txt"]
    for name in glued:
        assert len({line for line in kept_lines(name) if fs.GLUED_TIME.search(line)}) >= 4
        assert not any(fs.GLUED_TIME.search(line) for line in SET.debris_of(name)), name
    assert all(SET.labels[name]["doc_type"] == "event_programme" for name in glued)
    leaders = {(n, line) for n, found in SET.lines.items() for line in found
               if DOT_LEADER.search(line)}
    assert len({n for n, _ in leaders}) >= 4
    assert all(line in SET.debris_of(n) for n, line in leaders)
    assert SET.kept_markdown_fields() == []


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """A role's furniture is debris, its headings or steps stay, its languages and year
    situation are the expected ones, and three or more prose sentences survive."""
    opening, gone, stay, languages, evidence = ROLES[role]
    name = holder(role)
    label = SET.labels[name]
    missing = sorted(line for line in gone if line not in SET.debris_of(name))
    dropped = sorted(line for line in stay if line not in kept_lines(name))
    assert (missing, dropped) == ([], []), name
    assert (label["languages"], label["year_evidence"][:len(evidence)]) == (languages, evidence)
    assert len(SET.sentences(name)) >= 3 and label["notes"].lower().startswith(opening)


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """Each PDF's page count and document information as the README states; a browser's print
    has its date-and-title head and its address-and-'n/N' foot on every page, all debris; a
    word processor's PDF with dates carries the /CreationDate year the README gives, and the
    re-exported report's is two or more years after its labelled year."""
    reader = PdfReader(SET.folder / name)
    pages, title, year = PDFS[name]
    info = reader.metadata or {}
    assert len(reader.pages) == pages
    if title == "browser":
        assert info.get("/Producer", "").startswith("Skia/PDF") and info.get("/CreationDate")
        stamps = [line for line in SET.lines[name] if PRINT_STAMP.match(line)]
        feet = [line for line in SET.lines[name] if re.search(rf" \d/{pages}$", line)]
        assert len(stamps) == len(feet) == pages
        assert set(stamps + feet) <= SET.debris_of(name)
        return
    assert info.get("/Title") == title
    assert pdf_year(info.get("/CreationDate")) == year
    if year is None:
        assert "/ModDate" not in info
    label_year = SET.labels[name]["year"]
    if year and int(year) - int(label_year) >= 2:
        assert "/CreationDate" in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", sorted(WORD))
def test_word_file(name):
    """Each Word file's core properties as the README states: an organisation or a role as
    author, no 'python-docx' anywhere, created and modified years; a header or footer line in
    its debris; a table row with ' | ' in its visible text."""
    import docx

    props = docx.Document(str(SET.folder / name)).core_properties
    author, modifier, created, modified = WORD[name]
    assert (props.author, props.last_modified_by) == (author, modifier)
    assert (props.created.year, props.modified.year) == (created, modified)
    assert not any("python-docx" in (value or "") for value in
                   (props.author, props.last_modified_by, props.comments, props.title))
    assert any(" | " in line for line in SET.lines[name])
    if created < modified - 2:
        assert str(created) in SET.labels[name]["year_evidence"]


@pytest.mark.parametrize("name", [n for n in SET.on_disk if n.endswith(".mhtml")])
def test_mhtml(name):
    """A page Chrome saved as one file: Blink's headers, a quoted-printable HTML part first and
    a stylesheet and an image after it; the Subject is the page's <title>, debris and no title;
    the save date is later than the labelled year (or the page undated) and no visible line."""
    data = (SET.folder / name).read_bytes()
    head = data.split(b"\r\n\r\n", 1)[0].decode("ascii").replace("\r\n", "\n")
    assert head.startswith("From: <Saved by Blink>\n")
    assert "\nSnapshot-Content-Location: https://" in head
    message = email.message_from_bytes(data, policy=policy.default)
    parts = [part for part in message.walk() if not part.is_multipart()]
    assert [p.get_content_type() for p in parts] == ["text/html", "text/css", "image/png"]
    assert parts[0]["Content-Transfer-Encoding"] == "quoted-printable"
    subject = str(message["Subject"])
    assert subject in SET.debris_of(name) and subject != SET.labels[name]["title"]
    saved = message["Date"].datetime
    assert isinstance(saved, datetime) and str(saved.year) not in " ".join(SET.lines[name])
    label_year = SET.labels[name]["year"]
    assert not label_year or saved.year > int(label_year)


def test_binary_year_cases():
    """The binary metadata cases of the brief: most word-processor PDFs dated in their year,
    two with no dates, one re-exported two or more years later, /Title real in two, junk in
    three and absent in two; a Word file created years before its letter."""
    made = {n: v for n, v in PDFS.items() if v[1] != "browser"}
    titles = Counter("absent" if t is None else "junk" if t in
                     {"Untitled", "PowerPoint Presentation"} or t.startswith("Microsoft Word - ")
                     else "real" for _, t, _ in made.values())
    assert titles == Counter({"real": 2, "junk": 3, "absent": 2})
    undated = [n for n, (_, _, y) in made.items() if y is None]
    later = [n for n, (_, _, y) in made.items()
             if y and int(y) - int(SET.labels[n]["year"] or y) >= 2]
    same = [n for n, (_, _, y) in made.items() if y and y == SET.labels[n]["year"]]
    assert len(undated) == 2 and len(later) == 1 and len(same) == 4
    off = [n for n, (_, _, c, m) in WORD.items() if m - c >= 2]
    assert off == ["w03_vestre_toten_horingssvar_lokaliseringsteknologi_nb.docx"]
