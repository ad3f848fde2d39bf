"""Checks of the littoral fixture set (tests/fixtures/exported/littoral), written blind.

Brief: electricity and energy support for households paid or applied for digitally
(strømstøtte, ekstra sosialhjelp til strøm, varmecheck, elstöd, Warm Home Discount, the Energy
Bills Support Scheme), mostly web pages. The set was cut short by its deadline (14 documents of
the 32 asked for; see its README), so the shared size, language and trap checks of fixturesets,
built for 36 to 40 documents, are replaced by counts of this set's own.

The import is never run here.
"""

import re

import fixturesets as fs
import pytest
from pypdf import PdfReader

SET = fs.LabelledSet(fs.SETS / "littoral")
META_DATES = {"article:published_time", "article:modified_time", "citation_publication_date",
              "event:start_time", "dc.date"}
GENRE_TYPES = {kind: re.compile(words) for kind, words in {
    "other": r"agency page|service page|grid company's page|newsletter|council minutes",
    "policy_document": r"consultation response",
    "project_report": r"catalogue page|project page",
    "abstract": r"abstract",
    "event_programme": r"programme",
}.items()}
# role: (notes opening, lines that must be debris, lines that must stay, languages label,
# opening of the year evidence)
ROLES = {
    "agency": ("agency page on a rebate paid automatically",
               {"Accept all cookies", "Skip to main content", "Switchboard: 020 0000 0000"},
               {"If you think you were missed"}, "en", "'Last updated"),
    "municipal": ("municipality's service page",
                  {"Skip to content", "Start chat", "Sentralbord: 00 00 00 00"},
                  {"Slik søker du"}, "nb", "'Publisert"),
    "catalogue": ("research project's catalogue page",
                  {"Projektnummer", "2023–2026", "Inga publikationer hittades"},
                  {"Summary in English", "Sammanfattning"}, "sv;en", "no year: only"),
    "portal": ("conference abstract on a university research portal",
               {"Fingerprint", "Electricity Social Sciences 100%", "Cite this"}, {"Abstract"},
               "en", "citation_publication_date"),
    "programme": ("seminar programme with clock times glued to talk titles, copied from",
                  {"Register for this event", "Tuesday 12 November 2024"}, {"Programme"}, "en",
                  "event date"),
    "response": ("consultation response as a word file",
                 {"Vår ref.: 22/00000", "Dato | 14.10.2022"},
                 {"Med vennlig hilsen"}, "nb", "date field"),
    "minutes": ("council minutes as a pdf", {"Side 1 av 1", "Arkivsak 22/00000"},
                {"Møteprotokoll: Formannskapet"}, "nn", "meeting date"),
}


@pytest.mark.parametrize("name", SET.on_disk)
def test_document(name):
    SET.each_document_check(name, META_DATES, GENRE_TYPES)


def test_whole_set():
    """Files, CSVs and README tables agree; every type and format present; the year situations."""
    SET.roles_check({key: value[0] for key, value in ROLES.items()})
    counts = fs.column_counts(SET.labels)
    assert set(counts["doc_type"]) == fs.TYPES
    assert set(counts["format"]) == {"html", "txt", "md", "pdf", "docx", "mhtml"}
    traps = fs.year_traps(SET.labels, SET.prose, SET.lines)
    assert len(traps["bare"]) >= 2 and len(traps["other_years"]) >= 2
    assert len(traps["glued"]) >= 2 and traps["repeated"] == []
    assert sum(";" in lab["languages"] for lab in SET.labels.values()) >= 1
    SET.consultations_check(2)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_role(role):
    name = fs.by_notes(SET.labels, ROLES[role][0])
    _, gone, stay, languages, evidence = ROLES[role]
    assert gone - SET.debris_of(name) == set()
    assert stay - (set(SET.lines[name]) - SET.debris_of(name)) == set()
    assert SET.labels[name]["languages"] == languages
    assert SET.labels[name]["year_evidence"].startswith(evidence)


def test_binaries():
    """The minutes' PDF has one page, no /CreationDate and no /Title; the Word response's core
    properties are the organisation's and of the letter's year; the MHTML is Blink's."""
    pdf = PdfReader(SET.folder / "p01_havbakken_formannskap_moteprotokoll_straumstotte_pdf_nn.pdf")
    assert len(pdf.pages) == 1
    assert "/CreationDate" not in pdf.metadata and "/Title" not in pdf.metadata
    import docx

    word = SET.folder / "d01_lo_horingssvar_stromstotte_husleie_docx_nb.docx"
    props = docx.Document(str(word)).core_properties
    assert props.created.year == props.modified.year == 2022
    assert props.author.startswith("LO") and props.last_modified_by != "python-docx"
    raw = (SET.folder / "x01_raadet_for_socialt_udsyn_hoeringssvar_varmecheck_mhtml_da.mhtml"
           ).read_bytes()
    assert b"From: <Saved by Blink>" in raw and b"Snapshot-Content-Location:" in raw
