"""Checks of the vesicle fixture set (tests/fixtures/exported/vesicle), written blind.

Brief: data sharing between welfare agencies, registers and health services (consent, privacy
impact assessments, procurement of platforms, evaluations), leaning to the web: 16 saved pages,
three pages saved by Chrome as one .mhtml file, two pages printed to PDF by the browser, four
PDFs made by a word processor, two Word files, four text copies and one Markdown page; about 14
documents in Bokmål, 11 in English, Nynorsk, Danish and Swedish; four bilingual documents and two
monolingual pages whose only other-language text is boilerplate. The set has 32 documents and one
programme with glued clock times, so fixturesets' size_check and trap_check (36 to 40 documents,
three glued programmes) do not fit it: its own counts are checked here instead.

The import is never run here: the labels, debris and prose of the set are held to the shared
conventions of fixturesets (LabelledSet and its checks), then to the brief, then the binaries'
pages and metadata are checked.
"""

import email
import re
from collections import Counter
from email import policy

import docx
import fixturesets as fs
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "vesicle")
# <meta> keys (lower case) whose date must name the labelled year first.
META_DATES = set(
    "article:published_time article:modified_time citation_publication_date "
    "event:start_time dc.date dc.date.modified".split()
)

# Genre words opening a document's notes (up to " (") and the one type they stand for.
GENRE_TYPES = {
    kind: re.compile(words)
    for kind, words in {
        "other": r"government portal's page|municipal site's page|news item|blog post|"
        r"call for proposals|tender notice|press release|service page|minutes|newsletter|"
        r"written question",
        "policy_document": r"agency report|action plan|guidance page|strategy|"
        r"consultation response",
        "project_report": r"catalogue page|working paper|final report|evaluation report",
        "abstract": r"abstract|thesis record",
        "event_programme": r"programme",
    }.items()
}
# Phrases the notes must name, and in how many documents at least.
NAMED = {
    "saved by chrome as one .mhtml file": 3,
    "printed to pdf by the browser": 2,
    "made by a word processor as a pdf": 4,
    "as a word file": 2,
    "copied": 2,
    "pasted": 2,
    "saved as markdown": 1,
    "consultation response": 2,
    "monolingual": 2,
    "clock times glued to talk titles": 1,
    "catalogue fields": 1,
    "reader comments": 1,
    "horizon year": 1,
    "future deadline": 1,
    "english summary": 2,
    "fingerprint": 1,
}
FORMATS = {"html": 16, "mhtml": 3, "pdf": 6, "docx": 2, "txt": 4, "md": 1}

# role: (opening of its notes, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence or "" when dated).
ROLES = {
    "portal": (
        "government portal's page",
        {
            "We use cookies",
            "Accept all",
            "Skip to main content",
            "Sist oppdatert 14. mars 2025",
            "Fant du det du lette etter?",
        },
        {"Slik søker du", "Logg inn i søknadsportalen med ID-porten."},
        "nb",
        "",
    ),
    "municipal": (
        "municipal site's page",
        {
            "Chat med servicetorget",
            "Start chat",
            "Mandag–fredag 08.00–15.30",
            "Logg inn for å se samtykkene dine",
            "Hopp til hovedinnhold",
            "Telefon: 32 00 00 00",
        },
        {"Slik gir du samtykke", "Åpningstider", "Signer erklæringen."},
        "nb",
        "no year: no 19xx",
    ),
    "dpia": (
        "agency report summary of a data protection impact assessment",
        {
            "Privacy notice",
            "Published: 9 October 2024",
            "Share this page",
            "Accept analytics cookies",
        },
        {"Summary", "Risks we identified", "Review"},
        "en",
        "",
    ),
    "research portal": (
        "conference paper abstract on a university research portal",
        {
            "Contribution to conference",
            "peer-review",
            "Fingerprint",
            "Consent 100%",
            "Original language",
            "Cite this",
            "Powered by Pure",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "catalogue": (
        "research project's catalogue page",
        {
            "Projektperiode",
            "2024–2027",
            "Projektnummer",
            "00-000",
            "Ingen publikationer endnu",
            "Tilbage til projektoversigten",
        },
        {"Om projektet", "Summary in English"},
        "da;en",
        "no year: only",
    ),
    "journal": (
        "journal abstract on a journal article page",
        {
            "Views",
            "1 204",
            "Citations",
            "Altmetric",
            "ORCID Icon",
            "Download PDF",
            "People also read",
            "[email protected]",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "event": (
        "event page",
        {
            "Dato",
            "Tirsdag 23. september 2025",
            "Påmeldingsfrist",
            "Meld deg på",
            "Legg til i kalender",
        },
        {"Program", "Registrering og kaffe", "Lunsj"},
        "nb",
        "",
    ),
    "news": (
        "news item with reader comments",
        {"2 kommentarer", "Skriv en kommentar", "Läs också", "Av Karin Holm (påhittad)"},
        {"Kommentarer"},
        "sv",
        "",
    ),
    "blog": (
        "blog post of a research group",
        {
            "av Registerlab",
            "Stikkord: registerforskning, kobling, ventetid",
            "← Forrige innlegg",
            "Drevet med WordPress",
            "Siste innlegg",
        },
        set(),
        "nb",
        "no year: only",
    ),
    "thesis": (
        "thesis record",
        {"Author", "Download full text (PDF)", "Master's thesis"},
        {"Abstract", "Sammendrag"},
        "en;nb",
        "",
    ),
    "plan": (
        "action plan page",
        {"Publisert 20.06.2025", "Sist endra 24.06.2025", "Hopp til hovudinnhald"},
        {"Mål", "Tiltak"},
        "nn",
        "",
    ),
    "guidance": (
        "agency guidance page",
        {"Lyssna", "Hittade du det du sökte?", "Senast uppdaterad: 2024-04-08", "Till innehållet"},
        {"Så går det till", "Innan uppgifterna lämnas ut"},
        "sv",
        "",
    ),
    "call": (
        "call for proposals",
        {"Closing date", "16:00 UK time on 4 March 2027", "Apply now"},
        {"Who can apply"},
        "en",
        "no year: only",
    ),
    "tender": (
        "tender notice",
        {
            "Oppdragsgiver",
            "CPV-kode",
            "Tilbudsfrist",
            "17.03.2025 12:00",
            "Last ned konkurransegrunnlaget",
        },
        {"Beskrivelse"},
        "nb",
        "",
    ),
    "english page": (
        "event programme on an agency's english page",
        {
            "Personvernerklæring",
            "Informasjonskapsler",
            "Kreftregisteret er en del av Folkehelseinstituttet.",
            "Register here",
        },
        {"Programme", "09:00 Welcome and coffee"},
        "en",
        "",
    ),
    "press": (
        "press release",
        {"Pressemelding", "Pressevakt: 73 00 00 00", "Last ned som PDF"},
        {"For mer informasjon"},
        "nb",
        "",
    ),
    "service mhtml": (
        "agency service page saved by chrome",
        {"Contact the research coordinators", "Related pages", "Reject non-essential"},
        {"Before you apply", "How it works"},
        "en",
        "no year: no 19xx",
    ),
    "response mhtml": (
        "consultation response of a municipality",
        {"Høyringssvar", "Saksnummer 24/000 · Publisert 18.10.2024"},
        {"Til Helse- og omsorgsdepartementet", "Med helsing"},
        "nn",
        "",
    ),
    "printed abstract": (
        "conference abstract on a book-of-abstracts page",
        {
            "Next abstract: Public attitudes to data trusts in Wales",
            "1. Home",
            "12/5/26, 4:48 PM Abstract 3B-04 | IPDLN Conference",
        },
        {"Abstract"},
        "en",
        "",
    ),
    "printed news": (
        "news item of a patients' organisation",
        {"Publisert 5. juni 2024", "Del saken", "Les også"},
        set(),
        "nb",
        "",
    ),
    "evaluation": (
        "evaluation report with an english summary",
        {
            "Bergen, september 2023",
            "Rapport 00/2023",
            "Side 3",
            "Evaluering av felles samtykkeløsning",
        },
        {"Sammendrag", "English summary", "Innhold", "Tjeneste Før Etter"},
        "nb;en",
        "",
    ),
    "strategy": (
        "strategy with a horizon year",
        {
            "Vedteken i kommunestyret 15. desember 2022, sak 000/22",
            "Heggbotn kommune · Digitaliseringsstrategi mot 2030",
        },
        {"Innhald", "2 Mål"},
        "nn",
        "",
    ),
    "final report": (
        "final report of a municipal project",
        {"Lier, juni 2024", "Sluttrapport DELEKLAR"},
        {"1 Bakgrunn", "2 Resultater"},
        "nb",
        "",
    ),
    "paper": (
        "working paper of the research project",
        {"CP-DATA Working Paper 0/2025", "ELSASS Fonden · CP-DATA"},
        {"Summary", "1 Findings"},
        "en",
        "",
    ),
    "response docx": (
        "consultation response of an industry organisation",
        {"Deres ref. | Vår ref. | Dato", "24/0000 | 2024/000 | 12.04.2024"},
        {"Til Digitaliserings- og forvaltningsdepartementet", "Med vennlig hilsen"},
        "nb",
        "",
    ),
    "minutes": (
        "board minutes",
        {"Møtedato | 12.03.2025", "Referent | Styresekretær", "Neste møte: 23.04.2025"},
        {"Vedtak: Styret tar orienteringen til etterretning."},
        "nb",
        "",
    ),
    "seminar": (
        "seminar programme copied",
        {"Dato: Onsdag 8. oktober 2025", "Meld deg på", "FROKOSTSEMINAR"},
        {"Program", "08.00Frokost og mingling"},
        "nb",
        "",
    ),
    "bilingual abstract": (
        "conference abstract in two languages",
        {"Nøkkelord: samtykke, registerkopling, kohort, Nav", "34"},
        {"Samandrag", "Abstract"},
        "nn;en",
        "",
    ),
    "newsletter": (
        "newsletter e-mail",
        {
            "Sent: 21 May 2025 10:02",
            "View this email in your browser",
            "Unsubscribe | Update your preferences",
        },
        {"Also this month"},
        "en",
        "",
    ),
    "question": (
        "parliamentary written question",
        {"Question No. 0000", "Asked: 14 August 2024", "Back to top"},
        {"Question", "Answer"},
        "en",
        "",
    ),
    "markdown": (
        "seminar programme saved as markdown",
        {"**Dag:** Torsdag 12. februar", "*   [Heim](/)", "[Tilbake til samlingane](/samlingar)"},
        {"## Program", "| 10.00 | Eitt samtykke for fleire tenester? |"},
        "nn",
        "no year: no 19xx",
    ),
}

# Identifier kind := pattern; its `id` group holds zeros and separators only, unless SHAPES
# gives the exact zero-filled form of that kind.
IDS = {
    kind: re.compile(pattern)
    for kind, pattern in (
        row.split(" := ")
        for row in r"""
phone := (?:Phone|Telefon|Sentralbord|Tlf\.|Växel|Pressevakt): ?(?P<id>\d[\d -]*\d)
organisation number := (?:Org\.nr\.|CVR) (?P<id>\d[\d ]*\d)
ISBN := ISBN (?P<id>[\d-]+)
ISSN := ISSN (?P<id>[\d-]+)
report number := Rapport (?P<id>\d+)/20\d\d
working paper := Working Paper (?P<id>\d+)/20\d\d
DOI := 10\.0000/[a-z]+\.20\d\d\.(?P<id>\d+)
postal box := (?:Postboks|Box) (?P<id>\d+)
case number := (?:Saksnummer \d\d/|sak |Sak )(?P<id>\d+)(?:/\d\d)?
question number := Question No\. (?P<id>\d+)
charity number := (?:No SC|number SC|charity number )(?P<id>\d+)
""".strip().splitlines()
    )
}
SHAPES = {
    kind: re.compile(pattern)
    for kind, pattern in {
        "phone": r"[1-9]\d( 00){3}|0\d{3} 000 0000|0\d0-000 00 00",
        "ISBN": r"978-82-0000-000-0",
    }.items()
}
DOT_LEADER = re.compile(r"\.{10,} \d+$")

# The binaries: pages, and the PDF metadata the README states (year of /CreationDate or None,
# and the kind of /Title: "real", "junk" or None).
PDFS = {
    "p01_ipdln_abstract_dynamic_consent_printed_en.pdf": (1, "printed", "printed"),
    "p02_revmatikerforbundet_nyhet_kvalitetsregister_printed_nb.pdf": (1, "printed", "printed"),
    "w01_analysegruppa_vest_evaluering_samtykkelosning_nb_en.pdf": (5, "2023", "junk"),
    "w02_heggbotn_digitaliseringsstrategi_mot_2030_nn.pdf": (4, "2025", "real"),
    "w03_lier_kommune_sluttrapport_deleklar_nb.pdf": (2, "2024", None),
    "w04_cp_data_working_paper_one_story_many_systems_en.pdf": (2, None, "junk"),
}
WORD_AUTHORS = {
    "d01_ikt_norge_horingssvar_deling_av_data_nb.docx": "IKT-Norge",
    "d02_ikt_agder_protokoll_styremote_nb.docx": "IKT Agder IKS",
}


# Each role's document, and each document's kept lines (visible lines no debris row names).
HOLDERS = {role: fs.by_notes(SET.labels, spec[0]) for role, spec in ROLES.items()}
KEPT = {name: set(found) - SET.debris_of(name) for name, found in SET.lines.items()}
holder, kept_lines = HOLDERS.__getitem__, KEPT.__getitem__


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    """Each document by the shared rules of fixturesets (labels, placement of debris and prose,
    a saved page's head and fields, its genre's one type, later prose years in the evidence)."""
    assert name in SET.labels
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; 32 documents in the formats of the brief, all five
    types four times or more; the languages; the genres named; year situations and traps; the
    consultation responses are policy documents; each role is held by a document of its own."""
    labels = SET.labels
    SET.roles_check({role: opening for role, (opening, *_rest) in ROLES.items()})
    assert len(labels) == 32 and dict(SET.by_column["format"]) == FORMATS
    types = SET.by_column["doc_type"]
    assert set(types) == fs.TYPES and min(types.values()) >= 4, types
    tags, parts, openers = fs.language_counts(labels)
    assert parts["nb"] >= 12 and parts["en"] >= 10 and parts["nn"] >= 3, parts
    assert parts["da"] == 2 and parts["sv"] == 2, parts
    bilingual = [lab for lab in labels.values() if ";" in lab["languages"]]
    assert (
        len(bilingual) >= 4
        and len(openers) >= 4
        and any(lab["doc_type"] == "abstract" for lab in bilingual)
    )
    monolingual = [lab for lab in labels.values() if "monolingual" in lab["notes"]]
    assert len(monolingual) >= 2 and all(";" not in lab["languages"] for lab in monolingual)
    assert fs.missing_genres(labels, NAMED) == {}
    traps = fs.year_traps(labels, SET.prose, SET.lines)
    assert min(len(traps[key]) for key in ("bare", "other_years", "ahead")) >= 3, traps
    assert traps["repeated"] == []
    SET.consultations_check(2)


def test_programmes_identifiers_fields_and_contents():
    """Glued clock times only in programmes, the copied programme with four kept glued lines or
    more; every kind of identifier present and zero-filled; six pages with field lists; no kept
    Markdown field line; seven dot-leader contents lines, all debris."""
    programmes = {n for n, lab in SET.labels.items() if lab["doc_type"] == "event_programme"}
    glued = fs.year_traps(SET.labels, SET.prose, SET.lines)["glued"]
    assert glued and set(glued) <= programmes
    for name in glued:
        found = {line for line in SET.lines[name] if fs.GLUED_TIME.search(line)}
        assert len(found) >= 4 and not found & SET.debris_of(name), name
    seen, wrong = fs.identifier_misses(SET.lines, IDS, SHAPES, "0 /-.")
    assert (wrong, set(IDS) - set(seen)) == ([], set())
    assert SET.field_pages() >= 6 and SET.kept_markdown_fields() == []
    SET.contents_check(DOT_LEADER, 7)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    """One role of the brief: its furniture lines are debris, its headings, steps or timetable
    lines are kept, its languages label and the opening of its year evidence are as expected, and
    at least three prose sentences, none of them debris, are listed for it."""
    name, (_opening, furniture, headings, languages, evidence) = holder(role), ROLES[role]
    label, debris = SET.labels[name], SET.debris_of(name)
    missing = sorted(line for line in furniture if line not in debris)
    dropped = sorted(line for line in headings if line not in kept_lines(name))
    assert (missing, dropped) == ([], []), name
    assert (label["languages"], label["year_evidence"][: len(evidence)]) == (languages, evidence)
    sentences = SET.sentences(name)
    assert len(sentences) >= 3 and debris.isdisjoint(sentences)


def test_brief_details():
    """The municipal page keeps its four steps and its opening hours in a sentence; the news
    item's two signed comments go and its quotation stays; the final report drops its two
    footnotes and keeps the sentences calling them; CP-DATA titles the catalogue page and shows
    in the working paper's prose; the re-exported strategy names /CreationDate in its evidence."""
    municipal = holder("municipal")
    steps = ("Logg inn på Min side", "Velg Samtykker", "Kryss av", "Signer")
    assert len({line for line in kept_lines(municipal) if line.startswith(steps)}) == 4
    assert any("klokken 08.00 til 15.30" in s for s in SET.sentences(municipal))
    news = holder("news")
    comments = {line for line in SET.lines[news] if re.match(r"[a-z_]+: ", line)}
    assert len(comments) == 2 and comments <= SET.debris_of(news)
    assert any(s.startswith("– ") for s in SET.sentences(news))
    report = holder("final report")
    notes = {line for line in SET.lines[report] if line[0] in "¹²"}
    callers = {line for line in SET.lines[report] if line[-1] in "¹²"}
    assert len(notes) == len(callers) == 2 and notes <= SET.debris_of(report)
    assert not callers & SET.debris_of(report)
    assert "CP-DATA" in SET.labels[holder("catalogue")]["title"]
    assert any("CP-DATA" in s for s in SET.sentences(holder("paper")))
    assert "/CreationDate" in SET.labels[holder("strategy")]["year_evidence"]


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf(name):
    """A PDF's page count and metadata as the README states them: Chromium's own for the printed
    pages (its producer, the page's <title>, a print date that is not the labelled year), and
    for the word-processor files the /CreationDate year (none in one) and a real, junk or
    missing /Title."""
    pages, created, title = PDFS[name]
    reader = PdfReader(SET.folder / name)
    meta, label = reader.metadata or {}, SET.labels[name]
    assert len(reader.pages) == pages
    if created == "printed":
        assert meta["/Producer"].startswith("Skia/PDF")
        assert any(meta["/Title"] in line for line in SET.debris_of(name))
        assert meta["/CreationDate"][2:6] != label["year"]
        return
    assert meta.get("/Producer", "").startswith("LibreOffice")
    assert (meta.get("/CreationDate", "")[2:6] or None) == created
    if created and created != label["year"]:
        assert "/CreationDate" in label["year_evidence"] and int(created) - int(label["year"]) >= 2
    kind = (
        None
        if "/Title" not in meta
        else ("junk" if meta["/Title"].startswith("Microsoft Word - ") else "real")
    )
    assert kind == title
    if kind == "real":
        assert meta["/Title"] == label["title"]


@pytest.mark.parametrize("name", sorted(WORD_AUTHORS))
def test_word(name):
    """A Word file's core properties: an organisation as author, created and modified in the
    labelled year, last modified by someone other than python-docx; header and footer lines are
    debris."""
    props = docx.Document(str(SET.folder / name)).core_properties
    year = int(SET.labels[name]["year"])
    assert props.author == WORD_AUTHORS[name]
    assert props.created.year == props.modified.year == year
    assert props.last_modified_by and props.last_modified_by != "python-docx"
    document = docx.Document(str(SET.folder / name))
    furniture = [
        p.text
        for s in document.sections
        for p in s.header.paragraphs + s.footer.paragraphs
        if p.text.strip()
    ]
    assert furniture and set(furniture) <= SET.debris_of(name)


@pytest.mark.parametrize("name", sorted(n for n in SET.on_disk if n.endswith(".mhtml")))
def test_mhtml(name):
    """A page saved by Chrome as one file: Blink's headers (From, Snapshot-Content-Location,
    Subject = the page's <title>, Date), a quoted-printable HTML part whose <title> is debris
    and not the title, and an image or stylesheet part besides."""
    data = (SET.folder / name).read_bytes()
    message = email.message_from_bytes(data, policy=policy.default)
    assert data.startswith(b"From: <Saved by Blink>\r\n") and message["Date"]
    assert message["Snapshot-Content-Location"].startswith("https://")
    parts = [p for p in message.walk() if not p.is_multipart()]
    html = parts[0]
    assert html.get_content_type() == "text/html"
    assert html["Content-Transfer-Encoding"] == "quoted-printable"
    page = BeautifulSoup(html.get_content(), "html.parser")
    title = page.head.title.get_text().strip()
    assert str(message["Subject"]) == title and title in SET.debris_of(name)
    assert title != SET.labels[name]["title"]
    assert Counter(p.get_content_maintype() for p in parts[1:]).keys() & {"image", "text"}
    assert all(
        line in SET.debris_of(name)
        for line in SET.lines[name]
        if line.startswith(("Hopp til", "Skip to"))
    )
