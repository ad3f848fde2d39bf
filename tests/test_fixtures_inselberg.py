"""Checks of the inselberg fixture set (tests/fixtures/exported/inselberg), written blind.

Brief: charges for long-term care and financial assessments going digital (egenandel for
sykehjem and hjemmetjenester, maxtaxa and avgifter i äldreomsorgen, betaling for plejebolig,
councils' online financial assessments for adult social care). 32 documents in real formats:
saved pages, pages saved by Chrome as one file (.mhtml), pages printed to PDF by the browser,
word-processor PDFs (reports, a letter, a slide deck, a poster), Word files, text copies and
Markdown. The import is never run here: the labels, debris and prose are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, and the binaries'
page counts, metadata and core properties to what the README states.
"""

import datetime as dt
import re
from collections import Counter

import fixturesets as fs
import pytest

SET = fs.LabelledSet(fs.SETS / "inselberg")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date"}

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {
    kind: re.compile(words)
    for kind, words in {
        "other": r"welfare charity's page|municipality's page|council's service page|news item|"
        r"written question|press release|explainer|slide deck|minutes|call for proposals|"
        r"newsletter|tender notice|blog post",
        "policy_document": r"strategy|consultation response|annual report",
        "project_report": r"catalogue page|working paper|evaluation report|final report",
        "abstract": r"abstract|thesis record|poster",
        "event_programme": r"programme",
    }.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "clock times glued to talk titles": 3,
    "journal abstract": 2,
    "consultation response": 2,
    "as a pdf": 5,
    "printed to pdf by the browser": 2,
    "saved as one file": 2,
    "as a word file": 4,
    "copied": 4,
    "saved as markdown": 2,
    "dot leaders": 3,
}
FORMATS = {"html": 9, "mhtml": 2, "pdf": 9, "docx": 4, "txt": 6, "md": 2}
ALONE = {"en": 11, "nb": 6, "nn": 4, "da": 3, "sv": 3}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence).
ROLES = {
    "charity": (
        "welfare charity's page",
        {
            "Skip to main content",
            "Accept all cookies",
            "Call us free on 0800 000 0000",
            "Last reviewed: 14 March 2025",
        },
        {"Filling in the form step by step", "Check your answers and submit the form."},
        "en",
        "2025",
    ),
    "municipal": (
        "municipality's page on the co-payment for home services",
        {
            "Hopp til hovedinnhold",
            "Logg inn med ID-porten",
            "Start chat",
            "Mandag–fredag 08.00–15.30",
            "Åpningstider",
        },
        {"Slik søker du om redusert egenandel", "Logg inn på Min side med BankID."},
        "nb",
        "no year: no 19xx",
    ),
    "maxtaxa": (
        "municipality's page on care charges and the maxtaxa",
        {"Lättläst", "Logga in med BankID", "Senast uppdaterad: 2024-02-12"},
        {"Förbehållsbelopp", "Skicka in och spara kvittensen."},
        "sv",
        "2024",
    ),
    "plejebolig": (
        "municipality's page on paying for a care home place",
        {"Gå til indhold", "CVR 00 00 00 00", "Opdateret 5. september 2023"},
        {"Sådan søger du om boligstøtte", "Log ind med MitID."},
        "da",
        "2023",
    ),
    "thesis": (
        "master's thesis record",
        {"Kandidatspeciale", "Udgivelsesår", "Download (PDF)"},
        {"Resumé", "Abstract"},
        "da;en",
        "2024",
    ),
    "news": (
        "news item with reader comments",
        {"3 comments", "Leave a comment", "Related stories", "8 October 2024"},
        set(),
        "en",
        "2024",
    ),
    "catalogue": (
        "research project's catalogue page",
        {"Project period", "2023–2027", "Grant reference", "No publications yet"},
        {"About the project", "Sammendrag på norsk"},
        "en;nb",
        "no year: only",
    ),
    "journal": (
        "journal abstract in two languages",
        {"Fagfellevurdert artikkel", "Publisert 15. mai 2024", "Last ned PDF"},
        {"Sammendrag", "Abstract"},
        "nb;en",
        "2024",
    ),
    "question": (
        "parliamentary written question",
        {"Written question for answer", "WQ 000/24", "Print this page"},
        {"Question", "Answer"},
        "en",
        "2024",
    ),
    "single file": (
        "council's service page saved as one file",
        {"Sign in", "Last updated: 30 May 2024", "Contact Centre: 03451 00 00 00"},
        {"Apply online", "Sign in to your myFife account."},
        "en",
        "2024",
    ),
    "press": (
        "press release",
        {"Pressmeddelande", "Publicerad 24 september 2024", "Presskontakt"},
        set(),
        "sv",
        "2024",
    ),
    "explainer": (
        "think tank's explainer printed",
        {"Explainer", "Published: 21 November 2024"},
        {"What we suggest"},
        "en",
        "2024",
    ),
    "project": (
        "municipal project page with final report",
        {"Prosjektperiode", "2021–2023", "Sluttrapport publisert 12. februar 2024"},
        {"Anbefalinger"},
        "nb",
        "2024",
    ),
    "strategy": (
        "strategy with a horizon year",
        {"Vedtatt av kommunestyret 14. september 2023", "Side 2 av 4"},
        {"Innhold", "3 Egenandeler og betaling"},
        "nb",
        "2023",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {
            "Juni 2022",
            "Rapport 0/2022 | 3",
            "Tabell 1: Søknader om redusert eigenbetaling etter kanal",
        },
        {"English summary", "Samandrag"},
        "nn;en",
        "2022",
    ),
    "paper": (
        "working paper of the research project",
        {"CHARGEDIG Working Paper 0/2025", "March 2025", "CHARGEDIG working paper"},
        {"Contents", "3 First findings"},
        "en",
        "2025",
    ),
    "letter": (
        "consultation response as a two-page letter",
        {"Morsø Kommune", "Sagsnr.: 24-000000", "Side 2 af 2"},
        {"Med venlig hilsen", "Til Ministeriet"},
        "da",
        "2024",
    ),
    "slides": (
        "slide deck",
        {"Eigenbetalingsforum Vest | 3", "Takk for merksemda!"},
        {"Kven les vedtaka?", "Vegen vidare"},
        "nn",
        "no year: no 19xx",
    ),
    "poster": (
        "conference poster",
        {"Lund, 4–6 June 2025", "Contact: [email protected]"},
        {"Results", "Conclusion"},
        "en",
        "2025",
    ),
    "annual": (
        "annual report excerpt",
        {"Behandlet i kommunestyret 18. april 2024", "Årsmelding 2023 | Helse og omsorg | 2"},
        {"Utfordringer", "Utdrag: Helse og omsorg"},
        "nb",
        "2024",
    ),
    "minutes": (
        "council minutes",
        {"Møtedato | 12.03.2024", "Side 1 av 1"},
        {"Vedtak", "Sak 00/24 Digital søknad om redusert eigenbetaling"},
        "nn",
        "2024",
    ),
    "word programme": (
        "seminar programme as a word file",
        {"Tisdag 11 mars 2025, Karlstad och digitalt", "Region Värmland"},
        {"Program", "08.45 | Maxtaxan och förbehållsbeloppet – vad e-tjänsten måste klara"},
        "sv",
        "2025",
    ),
    "response": (
        "consultation response as a word file",
        {"Vår ref.: 23/000", "Dato: 15.11.2023"},
        {"Med vennlig hilsen", "Kommunenes kostnader"},
        "nb",
        "2023",
    ),
    "call": (
        "call for proposals",
        {"Reference | CFP-000", "Page 1 of 1"},
        {"How to apply", "What we will fund"},
        "en",
        "no year: only",
    ),
    "seminar": (
        "seminar programme copied from the page",
        {"Dato", "Torsdag 6. februar 2025", "Meld deg på"},
        {"Program"},
        "nb",
        "2025",
    ),
    "newsletter": (
        "newsletter e-mail",
        {"Afmeld nyhedsbrev", "Emne: Nyhedsbrev til pårørende: Betalingsoversigten bliver digital"},
        {"Fuldmagt til pårørende", "Med venlig hilsen"},
        "da",
        "no year: no 19xx",
    ),
    "book of abstracts": (
        "conference abstract in two languages",
        {"Session 4B: Avgifter och digital förvaltning", "Maria Lund (påhittad)"},
        set(),
        "sv;en",
        "2024",
    ),
    "fagdag": (
        "seminar programme copied from a network's page",
        {"Torsdag 6. mars", "Påmelding"},
        {"12.30Heimetenesta i 2030: kven gjer papirarbeidet?Paneldebatt"},
        "nn",
        "no year: only",
    ),
    "tender": (
        "tender notice",
        {"Notice reference", "OCT000000", "Published date", "CPV codes"},
        {"Description"},
        "en",
        "2025",
    ),
    "copied abstract": (
        "journal abstract copied",
        {"Published: 14 September 2023", "DOI: 10.0000/jltc.000"},
        {"Abstract"},
        "en",
        "2023",
    ),
    "workshop": (
        "workshop programme saved as markdown",
        {"**Date:** Wednesday 14 May 2025"},
        {"## Programme", "09:30Arrival and coffee"},
        "en",
        "2025",
    ),
    "blog": (
        "blog post",
        {"[« Eldre innlegg](/innlegg/eldre)", "*Skrive av ein sakshandsamar i heimetenesta*"},
        {"## Kva vi har lært"},
        "nn",
        "no year: no 19xx",
    ),
}

# PDF: pages, /Title (None: absent), year of /CreationDate (None: no dates at all).
PDFS = {
    "b01": (1, "Means tests online | Nuffield Trust", 2026),
    "b02": (1, "Prosjekt: Digital egenandel | Brønnøy kommune", 2026),
    "p01": (4, "Digitaliseringsstrategi for helse og omsorg mot 2030", 2023),
    "p02": (4, "Microsoft Word - rapport_v7_endelig.docx", 2025),
    "p03": (3, None, None),
    "p04": (2, "Untitled", 2024),
    "p05": (5, "PowerPoint Presentation", None),
    "p06": (1, "Faster but less final? Online financial assessments for residential care", 2025),
    "p07": (3, None, 2024),
}
# Word file: author, created, modified (dates), title ("" when none), last_modified_by.
WORD = {
    "d01": (
        "Sirdal kommune",
        "2024-03-13",
        "2024-03-18",
        "Møtebok eldrerådet",
        "Politisk sekretariat",
    ),
    "d02": ("Region Värmland", "2025-01-20", "2025-02-03", "", "Kommunikatör"),
    "d03": ("Saksbehandler", "2019-06-03", "2023-11-15", "", "Saksbehandler"),
    "d04": (
        "Social Care Wales",
        "2026-10-27",
        "2026-11-02",
        "Call for proposals",
        "Research and Data team",
    ),
}
IDS = {
    "phone": r"(?:Telefon|Telephone|Sentralbord|Växel|Contact Centre|Call us free on):? "
    r"(?P<id>\d[\d -]*\d)",
    "organisation number": r"(?:Org\.nr\.|CVR) (?P<id>\d[\d -]*\d)",
    "case number": r"(?:Sagsnr\.: 24-|Vår ref\.: 23/|WQ |Sak )(?P<id>\d+)",
    "report number": r"Rapport (?P<id>\d+)/2022",
    "working paper": r"Working Paper (?P<id>\d+)/2025",
    "DOI": r"10\.0000/[a-z.]+(?:2024\.)?(?P<id>\d+)",
    "ISSN": r"ISSN (?P<id>[\d-]+)",
    "notice": r"^OCT(?P<id>\d+)$",
    "grant": r"ES/X(?P<id>\d+)/\d",
    "charity number": r"number (?P<id>\d+)",
}
FORMS = {"phone": r"0800 [0 ]+|0\d{3,4}[- ]?[0 ]+|[1-9]\d [0 ]+|01624 0+"}
LEADERS = re.compile(r"\.{10,}\s*\d+$")


def holder(role: str) -> str:
    """The one document whose notes open with the role's phrase."""
    opening = ROLES[role][0]
    return fs.by_notes(SET.labels, opening)


def by_prefix(prefix: str) -> str:
    """The one document whose file name starts with ``prefix`` and an underscore."""
    found = [n for n in SET.on_disk if n.split("_", 1)[0] == prefix]
    assert len(found) == 1, (prefix, found)
    return found[0]


def survivors(name: str) -> set[str]:
    """The visible lines of a document that cleaning must keep (all but its debris)."""
    debris = SET.debris_of(name)
    return {line for line in SET.lines[name] if line not in debris}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """The shared rules for one document, its saved page's head and fields, the type its genre
    names, and every later year of its prose named in its year evidence."""
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs, README tables and roles agree; the mix of formats, types and languages the
    brief asks for; the genres are named; year situations and traps; consultation responses are
    policy documents; identifiers zero-filled; every dot-leader contents line is debris."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    counts = fs.column_counts(labels)
    assert len(labels) == 32 and dict(counts["format"]) == FORMATS
    assert set(counts["doc_type"]) == fs.TYPES and min(counts["doc_type"].values()) >= 4
    alone = fs.language_counts(labels)[0]
    assert {code: alone[code] for code in ALONE} == ALONE and min(ALONE.values()) >= 3
    SET.bilingual_check(5, 3)
    assert fs.missing_genres(labels, NAMED) == {}
    fs.trap_check(labels, SET.prose, SET.lines)
    SET.consultations_check(2)
    SET.identifiers_check(IDS, FORMS)
    SET.contents_check(LEADERS, 12)
    assert (
        sum(
            bool(LEADERS.search(line))
            for name in SET.on_disk
            for line in SET.lines[name]
            if name.startswith(("p01", "p02", "p03"))
        )
        == 12
    )


def test_programmes_glue_times():
    """Copied and Markdown programmes glue clock times to titles (four kept lines or more each);
    no other document does; the Word programme keeps its times in table rows."""
    glued = {n for n in SET.on_disk if any(fs.GLUED_TIME.search(line) for line in SET.lines[n])}
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    assert glued == programmes - {by_prefix("d02")} and len(glued) == 3
    for name in glued:
        assert len({line for line in survivors(name) if fs.GLUED_TIME.search(line)}) >= 4, name
    rows = [line for line in SET.lines[by_prefix("d02")] if re.match(r"\d\d\.\d\d \| ", line)]
    assert len(rows) == 7 and not set(rows) & SET.debris_of(by_prefix("d02"))


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """Per role: the furniture named in ROLES is debris, the headings named there survive, the
    label's languages and the opening of its year evidence are as stated, and the document has
    three prose sentences or more, none of them debris."""
    opening, furniture, headings, languages, evidence = ROLES[role]
    name = holder(role)
    label = SET.labels[name]
    missing = {line for line in furniture if line not in SET.debris_of(name)}
    dropped = {line for line in headings if line not in survivors(name)}
    assert (missing, dropped) == (set(), set()), role
    assert (label["languages"], label["year_evidence"][: len(evidence)]) == (languages, evidence)
    sentences = SET.sentences(name)
    assert len(sentences) >= 3
    assert all(sentence not in SET.debris_of(name) for sentence in sentences)


@pytest.mark.parametrize("prefix", sorted(PDFS))
def test_pdf(prefix):
    """Each PDF's page count and metadata as the README states; a browser's print stamps the
    day it was printed, never the labelled year; a re-export is named in the evidence."""
    from pypdf import PdfReader

    name = by_prefix(prefix)
    pages, title, created = PDFS[prefix]
    reader = PdfReader(SET.folder / name)
    meta = reader.metadata or {}
    assert len(reader.pages) == pages
    assert meta.get("/Title") == title
    stamp = meta.get("/CreationDate")
    assert (int(stamp[2:6]) if stamp else None) == created
    label = SET.labels[name]
    assert "python-docx" not in str(meta.get("/Author", ""))
    if prefix.startswith("b"):
        stamps = [
            line for line in SET.lines[name] if re.match(r"\d+/\d+/\d+, \d+:\d+ [AP]M ", line)
        ]
        assert len(stamps) == pages and set(stamps) <= SET.debris_of(name)
        assert str(created) not in label["year"]
    if prefix.startswith("p") and created and label["year"] and created - int(label["year"]) >= 2:
        assert "/CreationDate" in label["year_evidence"], name
    if pages >= 3 and prefix != "p05":
        assert label["title"] in fs.flat(fs.visible_text(SET.folder / name))


def test_pdf_brief():
    """Two PDFs without dates, one re-exported two years or more after its cover, junk titles
    in three, the real title in two or more, and none in two."""
    titles = [PDFS[p][1] for p in PDFS if p.startswith("p")]
    assert sum(PDFS[p][2] is None for p in PDFS) == 2
    assert [
        p
        for p in PDFS
        if p.startswith("p")
        and PDFS[p][2]
        and SET.labels[by_prefix(p)]["year"]
        and PDFS[p][2] - int(SET.labels[by_prefix(p)]["year"]) >= 2
    ] == ["p02"]
    assert titles.count(None) == 2
    junk = {"Microsoft Word - rapport_v7_endelig.docx", "Untitled", "PowerPoint Presentation"}
    assert len(junk & set(titles)) == 3


@pytest.mark.parametrize("prefix", sorted(WORD))
def test_word(prefix):
    """The Word files' core properties: an organisation or role as author, dates, title and a
    last editor that is not python-docx; the created date in the labelled year but for one."""
    import docx

    name = by_prefix(prefix)
    core = docx.Document(str(SET.folder / name)).core_properties
    author, created, modified, title, by = WORD[prefix]
    assert (
        core.author,
        core.created.date(),
        core.modified.date(),
        core.title or "",
        core.last_modified_by,
    ) == (author, dt.date.fromisoformat(created), dt.date.fromisoformat(modified), title, by)
    assert core.last_modified_by != "python-docx"
    year = SET.labels[name]["year"]
    if year and created[:4] != year:
        assert created[:4] in SET.labels[name]["year_evidence"]


def test_word_brief():
    """Headers and footers carry furniture (debris); the minutes' heading table and the
    programme's table of times; one Word file created years off its date."""
    for prefix in WORD:
        name = by_prefix(prefix)
        assert SET.lines[name][0] in SET.debris_of(name) and SET.lines[name][-1] in SET.debris_of(
            name
        )
    assert "Møtedato | 12.03.2024" in SET.lines[by_prefix("d01")]
    offs = [
        p
        for p, row in WORD.items()
        if SET.labels[by_prefix(p)]["year"] and row[1][:4] != SET.labels[by_prefix(p)]["year"]
    ]
    assert offs == ["d03"]


def test_brief_details():
    """Saved pages carry field lists (debris); no Markdown field line is kept; the news item's
    three handle-signed comments go and its quotation stays; the .mhtml files are Blink's."""
    import email
    from email import policy

    assert SET.field_pages() >= 3 and SET.kept_markdown_fields() == []
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[A-Za-z_.]+: ", line)}
    assert len(comments) == 3 and comments <= SET.debris_of(news)
    assert any(s.startswith("“") for s in SET.sentences(news))
    for name in (n for n in SET.on_disk if n.endswith(".mhtml")):
        data = (SET.folder / name).read_bytes()
        assert data.startswith(b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://")
        message = email.message_from_bytes(data, policy=policy.default)
        kinds = Counter(part.get_content_type() for part in message.walk())
        assert kinds["text/html"] == 1 and kinds["text/css"] + kinds["image/png"] >= 2
        assert message["Subject"].split(" | ")[0].split(" - ")[0] in SET.labels[name]["title"]
    assert "CHARGEDIG" in SET.labels[holder("catalogue")]["title"]
    assert any("CHARGEDIG" in s for s in SET.sentences(holder("paper")))
