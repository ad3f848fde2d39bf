"""Catalogue exports as researchers download them (tests/fixtures/exports, our own records):
Web of Science's plain-text and tab-delimited files (savedrecs.txt, the second in UTF-16 as
its "Win" option writes it), PubMed's MEDLINE file (.nbib), a Zotero library exported as CSV,
a project register's CSV shaped as CORDIS's open data, and a project catalogue's Excel export
with Norwegian headers (the last three written by make_tables.py). Each record is a document,
with its year, journal, language and type from its fields; a record without an abstract is
reported, not imported; the columns that name people are never read."""

from pathlib import Path

import pytest

from digiwelfare import bibliography
from digiwelfare.bibliography import abstract_clean, export_kind, header_fold, language_code
from digiwelfare.corpus import corpus_read
from digiwelfare.ingest import corpus_import
from digiwelfare.readers import Record, Skip, readers_registry

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def read(name: str) -> list:
    path = EXPORTS / name
    return readers_registry()[path.suffix](path, path.read_bytes(), name)


def test_web_of_science_plain_text_gives_a_document_a_record():
    records = read("savedrecs.txt")
    assert [type(r) for r in records] == [Record, Record, Skip]
    first, second, third = records
    # a field wrapped over lines indented by three spaces is one field
    assert first.title == ("Who fills in the form? Relatives and online applications for home "
                           "care in four Norwegian municipalities")
    assert first.text.startswith("Online application forms for home care were introduced in "
                                 "four municipalities. We find")
    assert (first.year, first.meta["language"], first.meta["provenance"]) == (
        2022, "en", "JOURNAL OF INVENTED WELFARE STUDIES")
    assert (second.year, second.meta["language"]) == (2021, "sv")
    assert third.record == 3 and "no abstract" in str(third)


def test_web_of_science_tab_delimited_in_utf16():
    records = read("savedrecs_tab.txt")
    assert [(r.title, r.year, r.meta["language"]) for r in records] == [
        ("Digital allocation of nursing home places", 2023, "en"),
        ("Søknad om sykehjemsplass på nett", 2024, "nb")]


def test_pubmed_medline_records():
    records = read("pubmed.nbib")
    assert [(r.year, r.meta["language"], r.meta["provenance"]) for r in records] == [
        (2022, "en", "Journal of Invented Gerontology"),
        (2021, "sv", "Påhittad tidskrift för äldreomsorg")]
    assert records[0].text.endswith("Results: Relatives filed most applications.")
    assert "FAU" not in records[0].text and "Invented, Author" not in records[0].text


def test_an_import_of_the_exports_lists_every_record(tmp_path):
    files = sorted(p for p in EXPORTS.iterdir() if p.suffix != ".py")
    result = corpus_import(files, tmp_path / "c", echo=lambda line: None)
    report = result.report
    assert sorted(report["status"]) == ["imported"] * 16 + ["skipped"] * 4
    skipped = report[report["status"] == "skipped"]
    assert sorted(Path(s).name for s in skipped["source"]) == [
        "prosjektkatalog_eksport.xlsx", "savedrecs.txt", "scopus.csv", "zotero_library.csv"]
    assert skipped["reason"].str.contains("no abstract").all()
    docs = corpus_read(tmp_path / "c")
    by_title = docs.set_index("title")
    # the report's record is typed from its text by the cues; every other by its export
    assert list(docs.loc[docs["doc_type_source"] != "record", "title"]) == [
        "Digitale søknader om bostøtte"]
    assert by_title.loc["Welfare services as digital platforms", "doc_type"] == "project_report"
    assert by_title.loc["Digital allocation of nursing home places", "doc_type"] == "abstract"
    # a year comes from a record's field or is missing: no project's start is taken
    assert set(docs["year_source"].fillna("")) == {"record", ""}
    assert by_title["year"].isna().sum() == 5


@pytest.mark.parametrize("text, kind", [
    ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU X\n", "wos"),
    ("\ufeffPT J\nAU Dahl, O\nTI A title\n", "wos"),
    ("PT\tAU\tTI\tAB\tPY\nJ\tX\tT\tA\t2020\n", "wos-tab"),
    ("PMID- 12345\nDP  - 2020\n", "medline"),
    # documents that start like one: a report's first line, a programme, a plain letter
    ("PT Barnehage AS\nTildeling av plass\n", ""),
    ("PMID is a field of PubMed records.\n", ""),
    ("Rapport 2/2024\n\nAU: Agder universitet\n", ""),
])
def test_export_kind_reads_the_first_lines(text, kind):
    assert export_kind(text) == kind


@pytest.mark.parametrize("value, code", [
    ("English", "en"), ("eng", "en"), ("Swedish", "sv"), ("swe", "sv"), ("Norwegian", "nb"),
    ("nob", "nb"), ("nno", "nn"), ("Danish", "da"), ("dan", "da"), ("English; Norwegian", "en"),
    ("German", ""), ("", ""), ("Spanish", "")])
def test_language_code(value, code):
    assert language_code(value) == code


def test_a_zotero_library_types_its_records_by_item_type():
    records = read("zotero_library.csv")
    assert [type(r) for r in records] == [Record, Record, Record, Skip, Record]
    article, paper, report, skip, chapter = records
    assert (article.title, article.year, article.meta["language"]) == (
        "Caseworkers and the digital activity plan", 2023, "en")
    assert article.text.startswith("Activity plans moved from paper") and \
        article.meta["provenance"] == "Journal of Invented Welfare Studies"
    # journalArticle, conferencePaper and bookSection are abstracts; a report is typed from
    # its text at import, like any document
    assert [r.meta.get("doc_type") for r in (article, paper, report, chapter)] == [
        "abstract", "abstract", None, "abstract"]
    assert [r.meta["language"] for r in (paper, report, chapter)] == ["nb", "nb", "da"]
    assert chapter.year is None  # no publication year in the record: missing, not skipped
    assert skip.record == 4 and "no abstract" in str(skip)
    assert not any("invented" in r.text or "opdigtet" in r.text or "AAAA" in r.text
                   for r in (article, paper, report, chapter))


def test_a_project_register_gives_project_summaries_without_dates():
    """CORDIS's shape: semicolons, camelCase names, the summary as "objective". The project's
    start and end are no date of its summary, so the year is missing, not its start."""
    records = read("cordis_project.csv")
    assert [(r.title, r.year, r.meta["doc_type"]) for r in records] == [
        ("Welfare services as digital platforms", None, "project_report"),
        ("Data sharing in home care", None, "project_report")]
    assert records[1].text.startswith("Home care services increasingly depend on data")
    assert "HORIZON" not in records[1].text and "000002" not in records[1].text


def test_an_excel_export_with_a_banner_and_a_notes_sheet():
    """The notes sheet has no header and is passed over; on the data sheet the header stands
    under a banner and a blank row; numbers, people and places stay out of the text."""
    records = read("prosjektkatalog_eksport.xlsx")
    assert [type(r) for r in records] == [Record, Record, Skip]
    first, second, skip = records
    assert (first.title, first.year, first.meta["doc_type"]) == (
        "Digital samhandling i sosialtjenesten", None, "project_report")
    assert second.text.startswith("Prosjektet følgjer innføringa av digitale tilsyn")
    assert "no abstract" in str(skip) and skip.record == 3
    for r in (first, second):
        assert not any(word in r.text for word in ("oppdikt", "300000", "Vestland", "12000000"))


def test_a_bibtex_or_ris_report_is_typed_from_its_text(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@techreport{r1, title={Digital post}, year={2022}, abstract={Kommunen "
                   "sender vedtak som digital post. Rapporten beskriver erfaringene.}}\n"
                   "@inproceedings{c1, title={Chat}, year={2021}, abstract={We studied a chat "
                   "service for benefit claimants in two offices.}}\n", encoding="utf-8")
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - RPRT\nTI  - Bostøtte på nett\nAB  - Evalueringen viser at de "
                   "fleste søker digitalt.\nER  - \n\nTY  - JOUR\nTI  - Forms\nAB  - We "
                   "read online forms as documents of welfare.\nER  - \n", encoding="utf-8")
    for path in (bib, ris):
        kinds = [r.meta.get("doc_type") for r in
                 readers_registry()[path.suffix](path, path.read_bytes(), path.name)]
        assert kinds == [None, "abstract"], path.name


@pytest.mark.parametrize("name, folded", [
    ("startDate", "start date"), ("ecMaxContribution", "ec max contribution"),
    ("Publication_Year", "publication year"), ("\ufeffKey", "key"),
    ("  Abstract  Note ", "abstract note"), ("Fra år", "fra år"), ('"Title"', "title"),
    ("Item-Type", "item type"), ("DOI", "doi")])
def test_header_names_are_folded(name, folded):
    assert header_fold(name) == folded


def test_an_export_without_an_abstract_column_names_its_columns(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Tittel;Prosjektleder;År\nEt prosjekt;Navn (oppdiktet);2024\n",
                    encoding="utf-8")
    with pytest.raises(Skip, match=r"without a title and an abstract column \(its columns: "
                       r"Tittel, Prosjektleder, År\); add .*lexicon/export_columns.yaml"):
        readers_registry()[".csv"](path, path.read_bytes(), path.name)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(Skip, match="not a readable Excel workbook.*save it again"):
        readers_registry()[".xlsx"](broken, broken.read_bytes(), broken.name)


def test_a_researcher_adds_a_catalogue_s_column_names(tmp_path, monkeypatch):
    """lexicon/export_columns.yaml is research data: a copy with one more name for the
    abstract reads an export the shipped file does not."""
    path = tmp_path / "export.csv"
    path.write_text("Titulo,Resumen\nUn proyecto,Los servicios sociales se digitalizan en "
                    "tres municipios.\n", encoding="utf-8")
    with pytest.raises(Skip, match="without a title"):
        read_path(path)
    shipped = (bibliography.lexicon_file("export_columns.yaml")).read_text("utf-8")
    edited = shipped.replace("title:\n  [", "title:\n  [titulo, ").replace(
        "abstract:\n  [", "abstract:\n  [resumen, ")
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "export_columns.yaml").write_text(edited, "utf-8")
    monkeypatch.setattr(bibliography, "lexicon_file", lambda name: lexicon / name)
    [record] = read_path(path)
    # an export that gives no kind: the record is typed from its text at import
    assert record.title == "Un proyecto" and "doc_type" not in record.meta


def read_path(path: Path) -> list:
    return readers_registry()[path.suffix](path, path.read_bytes(), path.name)


def test_a_citation_database_s_additions_to_abstracts_stay_out():
    """Scopus's shape: "[No abstract available]" is no abstract; a publisher's rights
    statement at an abstract's end is not the authors' text (it would make "rights" and
    "reserved" key terms)."""
    records = read("scopus.csv")
    assert [type(r) for r in records] == [Record, Skip, Record]
    article, skip, swedish = records
    assert article.text.endswith("letters rarely name the data used.")
    assert swedish.text.endswith("ladda upp underlag.") and swedish.meta["language"] == "sv"
    assert "no abstract" in str(skip)
    assert (article.meta["doc_type"], article.year, article.meta["provenance"]) == (
        "abstract", 2024, "Invented Journal of Social Policy")


@pytest.mark.parametrize("field, kept", [
    ("We read letters. © 2021 Invented Press Ltd. All rights reserved.", "We read letters."),
    ("We read letters. Copyright © 2021 The Authors.", "We read letters."),
    ("We read letters. (C) 2019 Invented B.V. All rights reserved.", "We read letters."),
    ("We read letters. Copyright the Authors. Published under CC BY.", "We read letters."),
    ("No abstract available.", ""), ("[Abstract not available]", ""),
    # prose that only mentions copyright, a list's "(c)", a statement opening the field
    ("Rules on copyright limit reuse. We ask how (c) applies in 2020.",
     "Rules on copyright limit reuse. We ask how (c) applies in 2020."),
    ("Aims: (a) mapping, (b) testing and (c) 2020 follow-up.",
     "Aims: (a) mapping, (b) testing and (c) 2020 follow-up."),
    ("We met. Copyright 2019 reforms changed how data are reused in six offices.",
     "We met. Copyright 2019 reforms changed how data are reused in six offices."),
    ("© 2020 Invented Press. We studied chat services in two offices.",
     "© 2020 Invented Press. We studied chat services in two offices."),
])
def test_an_abstract_loses_only_what_the_catalogue_added(field, kept):
    assert abstract_clean(field) == kept


# --- exports as the blind sets ablation and corrie showed them (our own records) -------------

def test_summaries_in_two_languages_are_one_text_in_the_header_s_order(tmp_path):
    """A register that gives a title and a summary per language ("Projekttitel (en)",
    "Sammanfattning (sv)"): the first title with a value, both summaries; a project id column
    makes it a register; a total row under the records is none."""
    path = tmp_path / "swecris.csv"
    path.write_text(
        "\ufeffProjektId;Projekttitel (en);Projekttitel (sv);Sammanfattning (en);"
        "Sammanfattning (sv);Projektstart\r\n"
        "0000-00000;Night visits on screen;Nattbesök på skärm;Municipalities replace night "
        "visits with cameras.;Kommuner ersätter nattbesök med kameror.;2022-01-01\r\n"
        ";;Endast svensk titel;;Bara en svensk sammanfattning finns här.;2023-01-01\r\n"
        "Summa;;;;;\r\n", encoding="utf-8")
    first, second = read_path(path)
    assert (first.title, first.meta["doc_type"], first.year) == (
        "Night visits on screen", "project_report", None)
    assert first.text == ("Municipalities replace night visits with cameras.\n\n"
                          "Kommuner ersätter nattbesök med kameror.")
    assert (second.title, second.text) == ("Endast svensk titel",
                                           "Bara en svensk sammanfattning finns här.")


def test_a_register_s_label_tags_and_capitals(tmp_path):
    """A register's abstract that opens with its own label ("PROJECT SUMMARY/ABSTRACT") and
    holds HTML paragraphs; a title in capitals is the catalogue's title as written."""
    path = tmp_path / "reporter.csv"
    path.write_text(
        '"Title","Project Number","Project Abstract"\r\n"VIDEO VISITS AT HOME","0R00AG000000",'
        '"PROJECT SUMMARY/ABSTRACT <p>Older adults living alone get video visits.</p><p>We '
        'compare loneliness after six months.</p>"\r\n', encoding="utf-8")
    [record] = read_path(path)
    assert record.title == "VIDEO VISITS AT HOME"
    assert record.text == ("Older adults living alone get video visits.\n\n"
                           "We compare loneliness after six months.")


@pytest.mark.parametrize("field, kept", [
    ("<jats:title>Abstract</jats:title><jats:p>We read letters &amp; forms.</jats:p>",
     "We read letters & forms."),
    ("Syfte och mål: Projektet prövar digital tillsyn.", "Projektet prövar digital tillsyn."),
    # the authors' own heading of a structured abstract stays
    ("BACKGROUND: Few studies exist. METHODS: We interviewed staff.",
     "BACKGROUND: Few studies exist. METHODS: We interviewed staff."),
    ("Abstract thinking about services helps caseworkers plan.",
     "Abstract thinking about services helps caseworkers plan."),
])
def test_an_abstract_loses_its_tags_and_its_field_s_label(field, kept):
    assert abstract_clean(field) == kept


def test_json_pages_and_an_inverted_index(tmp_path):
    """A page of an API's answer (the records a field of it) and OpenAlex's abstract, given as
    its words with their places."""
    import json

    gtr = tmp_path / "projects.json"
    gtr.write_text(json.dumps({"page": 1, "project": [
        {"title": "Home care after discharge", "grantCategory": "Research Grant",
         "abstractText": "People sent home with monitoring kits were followed for a week.",
         "links": {"link": [{"rel": "PI_PER"}]}}]}), encoding="utf-8")
    [record] = read_path(gtr)
    assert (record.title, record.meta["doc_type"]) == ("Home care after discharge",
                                                       "project_report")
    works = tmp_path / "works.json"
    works.write_text(json.dumps({"results": [
        {"display_name": "Chatbots and trust", "publication_year": 2023, "type": "article",
         "language": "en", "abstract_inverted_index": {"We": [0], "studied": [1], "two": [2],
                                                       "chatbots.": [3]}}]}), encoding="utf-8")
    [paper] = read_path(works)
    assert (paper.title, paper.text, paper.year, paper.meta["doc_type"]) == (
        "Chatbots and trust", "We studied two chatbots.", 2023, "abstract")


def test_endnote_tagged_export_in_windows_1252(tmp_path):
    path = tmp_path / "My Library.enw"
    path.write_bytes(
        "%0 Journal Article\r\n%A Holm, Ida (opdigtet)\r\n%T Når algoritmen vurderer\r\n"
        "%J Invented Journal\r\n%D 2022\r\n%K algoritmer\r\njobcenter\r\n%X Artiklen viser, "
        "hvordan sagsbehandlere bruger en vurdering.\r\n%G Danish\r\n\r\n%0 Report\r\n"
        "%T Strategi for digital inklusion\r\n%8 Maj 2021\r\n%X Strategien beskriver hjælp i "
        "borgerservice og samarbejde med frivillige.\r\n\r\n".encode("cp1252"))
    article, report = read_path(path)
    assert (article.title, article.year, article.meta["language"], article.meta["doc_type"]) \
        == ("Når algoritmen vurderer", 2022, "da", "abstract")
    assert "opdigtet" not in article.text and "jobcenter" not in article.text
    assert report.year == 2021 and "doc_type" not in report.meta  # a report: typed from text
    txt = tmp_path / "export.txt"  # the same saved as text
    txt.write_bytes(path.read_bytes())
    assert [r.title for r in read_path(txt)] == [article.title, report.title]


def test_a_table_saved_as_unicode_text(tmp_path):
    """Excel's "Unicode text": UTF-16, tab-separated; read as a table when its header names a
    title and an abstract column, as a document otherwise."""
    path = tmp_path / "tildelinger.txt"
    path.write_text("Søknadsnummer\tProsjektnavn\tInnvilget beløp\tSammendrag\r\n"
                    "2023/000001\tTrygg med nettbrett\t1 000 000\tEldre lærer å bruke "
                    "nettbrett til videosamtaler.\r\n", encoding="utf-16")
    [record] = read_path(path)
    assert (record.title, record.meta["doc_type"]) == ("Trygg med nettbrett", "project_report")
    letter = tmp_path / "letter.txt"
    letter.write_text("Til\tkommunen\tOslo\nVi takker for svaret om digitale søknader.\n",
                      encoding="utf-8")
    assert [r.record for r in read_path(letter)] == [0]


def test_a_medline_translation_in_brackets_gives_way_to_the_title_as_written(tmp_path):
    path = tmp_path / "pubmed.nbib"
    path.write_text("PMID- 00000001\nTI  - [Digital consultations in general practice].\n"
                    "AB  - Vi undersøkte videokonsultasjoner hos fastleger.\nLA  - nor\n"
                    "DP  - 2021 Mar\nTT  - Digitale konsultasjoner i allmennpraksis.\n\n"
                    "PMID- 00000002\nTI  - [Chat with the municipality].\nAB  - Vi studerte "
                    "en chat.\nDP  - 2022\n", encoding="utf-8")
    first, second = read_path(path)
    assert first.title == "Digitale konsultasjoner i allmennpraksis."
    assert second.title == "Chat with the municipality"


@pytest.mark.parametrize("kind, doc_type", [
    ("Article in journal", "abstract"), ("Doctoral thesis, comprehensive summary", "abstract"),
    ("conferencePaper", "abstract"), ("Research project", "project_report"),
    ("Report", ""), ("Policy brief", ""), ("Web page", "")])
def test_a_record_s_kind_as_its_words_hold_it(kind, doc_type):
    from digiwelfare.bibliography import kind_type

    assert kind_type(kind) == doc_type


def test_a_publication_list_with_an_empty_project_column_is_no_register(tmp_path):
    """A repository's export (DiVA's shape) has a project id column, mostly empty; its
    records' kinds type them, not the column."""
    path = tmp_path / "export.csv"
    path.write_text("PID,Title,PublicationType,Year,Abstract,ProjectId\n"
                    "diva2:000001,Chat i socialtjänsten,Article in journal,2023,Vi studerade "
                    "en chatt i två kommuner.,\n", encoding="utf-8")
    [record] = read_path(path)
    assert record.meta["doc_type"] == "abstract"


# --- parliaments' open data, library and repository exports (tephra, lapilli) --------------

def test_a_written_question_and_its_answer_from_an_api_page(tmp_path):
    """A page of a parliament's API: each result's fields under "value", the question and
    its answer (HTML) one text, the heading its title, the year the day it was answered."""
    import json

    path = tmp_path / "writtenquestions.json"
    path.write_text(json.dumps({"totalResults": 1, "results": [{"value": {
        "id": 0, "heading": "Benefits: Chatbots", "dateTabled": "2023-12-12T00:00:00",
        "dateAnswered": "2024-01-09T00:00:00", "askingMember": None,
        "questionText": "To ask the Secretary of State whether chatbots answer claimants.",
        "answerText": "<p>A chatbot answers general questions only.</p>"},
        "links": [{"rel": "self", "href": "https://example.invalid/0"}]}]}),
        encoding="utf-8")
    [record] = read_path(path)
    assert (record.title, record.year) == ("Benefits: Chatbots", 2024)
    assert record.text == ("To ask the Secretary of State whether chatbots answer claimants."
                           "\n\nA chatbot answers general questions only.")
    assert "doc_type" not in record.meta  # no kind given: typed from the text at import


def test_xml_lists_a_feed_and_a_search_answer(tmp_path):
    """Riksdagen's document list (its type code a kind), an OData feed (fields nested in the
    entry), a Solr answer (fields named by attribute, a list's items by the list's name)."""
    lista = tmp_path / "dokumentlista.xml"
    lista.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><dokumentlista traffar="2"><dokument>'
        "<datum>2022-03-15</datum><titel>Interpellation om digitala möten</titel><doktyp>ip"
        "</doktyp><summary>Många arbetssökande har svårt att delta i digitala möten.</summary>"
        "</dokument><dokument><datum>2023-05-02</datum><titel>Proposition om digital "
        "förvaltning</titel><doktyp>prop</doktyp><summary>Regeringen föreslår en ny lag om "
        "digitala tjänster.</summary></dokument></dokumentlista>", encoding="utf-8")
    question, bill = read_path(lista)
    assert [(r.year, r.meta["doc_type"]) for r in (question, bill)] == [
        (2022, "other"), (2023, "policy_document")]
    feed = tmp_path / "Dokument.xml"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/'
        'ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/'
        'dataservices/metadata"><entry><id>x</id><content><m:properties><d:titel>Spm. om '
        "MitID</d:titel><d:dato>2024-02-01T00:00:00</d:dato><d:spørgsmålsordlyd>Vil "
        "ministeren redegøre for hjælpen til borgere uden MitID?</d:spørgsmålsordlyd>"
        "</m:properties></content></entry></feed>", encoding="utf-8")
    [spm] = read_path(feed)
    assert (spm.title, spm.year) == ("Spm. om MitID", 2024) and spm.text.startswith("Vil")
    solr = tmp_path / "base.xml"
    solr.write_text(
        '<response><lst name="responseHeader"><int name="status">0</int></lst><result><doc>'
        '<str name="dctitle">Service design labs</str><arr name="dccreator"><str>Berg, Ola '
        '(invented)</str></arr><arr name="dcdescription"><str>We followed two labs.</str>'
        '</arr><int name="dcyear">2020</int></doc></result></response>', encoding="utf-8")
    [doc] = read_path(solr)
    assert (doc.title, doc.text, doc.year) == ("Service design labs", "We followed two labs.",
                                               2020)
    assert "Berg" not in doc.text


def test_marcxml_records_of_a_library_catalogue(tmp_path):
    path = tmp_path / "BIBLIOGRAPHIC_1.xml"
    path.write_text(
        '<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam</leader>'
        '<controlfield tag="008">210614s2021    no a    ob   000 0 nob d</controlfield>'
        '<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Innbyggerpanel i NAV :'
        '</subfield><subfield code="b">sluttrapport fra en utprøving /</subfield></datafield>'
        '<datafield tag="520" ind1=" " ind2=" "><subfield code="a">Rapporten oppsummerer en '
        "utprøving av faste innbyggerpanel.</subfield></datafield></record><record>"
        '<leader>00000nam</leader><datafield tag="245" ind1="1" ind2="0"><subfield code="a">'
        "Delaktighet på distans</subfield></datafield></record></collection>",
        encoding="utf-8")
    report, title_only = read_path(path)
    assert (report.title, report.year, report.meta["language"]) == (
        "Innbyggerpanel i NAV: sluttrapport fra en utprøving", 2021, "nb")
    assert isinstance(title_only, Skip) and "no abstract" in str(title_only)


def test_nested_json_records_keep_their_administration_apart(tmp_path):
    """A repository's API nests title, abstract and date; a summary per language; "created"
    is when the record was made, never its year; lists of people are left out."""
    import json

    path = tmp_path / "projects.json"
    path.write_text(json.dumps([
        {"title": {"en": "User panels in NAV", "nb": "Brukerpaneler i NAV"},
         "created": {"date": "2019-02-11T10:15:00Z"}, "start_date": "2019-01-01",
         "participants": [{"first_name": "Liv (oppdiktet)"}],
         "academic_summary": {"en": "The project examined user panels.",
                              "no": "Prosjektet undersøkte brukerpaneler."}},
        {"entityDescription": {"mainTitle": "Å lytte eller å dele makt?",
                               "publicationDate": {"year": "2023"},
                               "abstract": "Artikkelen analyserer designlaber.",
                               "alternativeAbstracts": {"en": "The article analyses labs."}},
         "createdDate": "2023-05-02"}]), encoding="utf-8")
    project, article = read_path(path)
    assert (project.title, project.year) == ("User panels in NAV", None)
    assert project.text == ("The project examined user panels.\n\n"
                            "Prosjektet undersøkte brukerpaneler.")
    assert "Liv" not in project.text
    assert (article.title, article.year) == ("Å lytte eller å dele makt?", 2023)
    assert article.text == "Artikkelen analyserer designlaber.\n\nThe article analyses labs."


def test_a_language_named_before_the_field(tmp_path):
    path = tmp_path / "prosjektbanken.csv"
    path.write_text("Prosjektnummer;Tittel;Engelsk tittel;Sammendrag;Engelsk sammendrag\n"
                    "300001;Medvirkning i digitale tjenester;Participation online;Prosjektet "
                    "utvikler kunnskap om medvirkning.;The project studies participation.\n",
                    encoding="utf-8")
    [record] = read_path(path)
    assert record.title == "Medvirkning i digitale tjenester"
    assert record.text == ("Prosjektet utvikler kunnskap om medvirkning.\n\n"
                           "The project studies participation.")


# --- reviewers' tools and grey-literature catalogues (bomb, scoria) -------------------------

def test_an_ovid_text_export(tmp_path):
    path = tmp_path / "ovid.txt"
    path.write_bytes(
        "Database: Ovid MEDLINE(R) ALL\r\nSearch Strategy:\r\n1     exp Social Work/ (00)\r\n"
        "\r\n<1>\r\nAuthor\r\n  Rød M (invented).\r\nTitle\r\n  Tasks without reasons: a shared "
        "care plan.\r\nAbstract\r\n  Aims: To explore a shared plan.\r\n  Findings: The plan "
        "lost the reasons.\r\nYear of Publication\r\n  2022\r\n\r\n<2>\r\nTitle\r\n  A title "
        "alone.\r\nYear of Publication\r\n  2021\r\n".encode("cp1252"))
    first, second = read_path(path)
    assert (first.title, first.year) == ("Tasks without reasons: a shared care plan.", 2022)
    assert first.text == "Aims: To explore a shared plan. Findings: The plan lost the reasons."
    assert "Rød" not in first.text and isinstance(second, Skip)


def test_an_endnote_xml_export(tmp_path):
    """EndNote's XML wraps every value in a <style> element and names the kind by attribute."""
    def styled(text: str) -> str:
        return f'<style face="normal" font="default" size="100%">{text}</style>'

    path = tmp_path / "My EndNote Library.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><rec-number>1'
        '</rec-number><ref-type name="Journal Article">17</ref-type><contributors><authors>'
        f"<author>{styled('Ek, Sara (påhittad)')}</author></authors></contributors><titles>"
        f"<title>{styled('Between the fields')}</title><secondary-title>"
        f"{styled('Nordic Social Work Research')}</secondary-title></titles><dates><year>"
        f"{styled('2021')}</year></dates><abstract>{styled('We read free text in a template.')}"
        '</abstract></record><record><rec-number>2</rec-number><ref-type name="Grant">31'
        f"</ref-type><titles><title>{styled('Decision support in child welfare')}</title>"
        f"</titles><abstract>{styled('The project tests a decision support tool.')}</abstract>"
        "</record></records></xml>", encoding="utf-8")
    article, grant = read_path(path)
    assert (article.title, article.year, article.meta["doc_type"]) == (
        "Between the fields", 2021, "abstract")
    assert "Sara" not in article.text
    assert (grant.title, grant.meta["doc_type"]) == ("Decision support in child welfare",
                                                     "project_report")


def test_records_keyed_by_id_and_a_wrapped_abstract(tmp_path):
    """The World Bank's documents API: records under their ids beside an aggregate, the
    abstract a text wrapped alone ({"cdata!": "<p>...</p>"}), the date under "docdt"."""
    import json

    path = tmp_path / "wds.json"
    path.write_text(json.dumps({"rows": 2, "documents": {
        "D1": {"id": "1", "display_title": "Digital delivery of social protection",
               "abstracts": {"cdata!": "<p>Assisted channels reach older people.</p>"},
               "docdt": "2023-06-30T00:00:00Z", "docty": "Report"},
        "D2": {"id": "2", "display_title": "Help desks", "abstracts": {"cdata!": ""},
               "docdt": "2022-01-01T00:00:00Z", "docty": "Working Paper"},
        "facets": {"count": {"World": 2}}}}), encoding="utf-8")
    first, second = read_path(path)
    assert (first.title, first.text, first.year) == (
        "Digital delivery of social protection", "Assisted channels reach older people.", 2023)
    assert isinstance(second, Skip)


def test_a_feed_s_posts_without_the_blog_s_footer(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Invented blog</title><item>'
        "<title>Offline and on benefits</title><pubDate>Tue, 12 Mar 2024 09:00:00 +0000"
        "</pubDate><description><![CDATA[<p>Our report looks at people told to apply online."
        '</p><p>The post <a href="https://example.invalid/1">Offline and on benefits</a> '
        'appeared first on <a href="https://example.invalid">Invented blog</a>.</p>]]>'
        "</description></item></channel></rss>", encoding="utf-8")
    [post] = read_path(path)
    assert (post.title, post.year) == ("Offline and on benefits", 2024)
    assert post.text == "Our report looks at people told to apply online."


def test_a_bibliography_without_kinds_is_one_of_abstracts(tmp_path):
    """A screening tool's export (a journal and a volume, no kind column) holds articles; a
    publication list with neither is typed from its texts."""
    rayyan = tmp_path / "articles.csv"
    rayyan.write_text("key,title,authors,journal,volume,year,abstract\n1,Risk tools,Dal O "
                      "(invented),Invented Journal,3,2022,We studied a risk tool in two "
                      "offices.\n", encoding="utf-8")
    [article] = read_path(rayyan)
    assert article.meta["doc_type"] == "abstract"
    listing = tmp_path / "publikasjoner.csv"
    listing.write_text("Tittel;Publisert;Sammendrag\nDigitale møter;2023-05-11;Rapporten "
                       "beskriver digitale møter med veiledere.\n", encoding="utf-8")
    [report] = read_path(listing)
    assert "doc_type" not in report.meta


# --- national libraries, open-government lists, reference managers (pumice, obsidian) ------

def test_a_refworks_tagged_export_with_two_abstracts(tmp_path):
    path = tmp_path / "RefWorks_Export.txt"
    path.write_text("\ufeffRT Book, Section\nA1 Vik (invented), Anders\nT1 Fair automated "
                    "decisions\nYR 2023\nAB This chapter asks what fairness means.\nAB Kapitlet "
                    "spør hva rettferd betyr.\nLA English\n\nRT Journal Article\nT1 A title "
                    "alone\nYR 2021\n", encoding="utf-8")
    chapter, alone = read_path(path)
    assert (chapter.title, chapter.year, chapter.meta["doc_type"]) == (
        "Fair automated decisions", 2023, "abstract")
    assert chapter.text == "This chapter asks what fairness means.\n\nKapitlet spør hva " \
        "rettferd betyr."
    assert isinstance(alone, Skip) and "Vik" not in chapter.text


def test_zotero_rdf_items_without_their_journal_and_attachments(tmp_path):
    path = tmp_path / "Exported Items.rdf"
    path.write_text(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:z="http://'
        'www.zotero.org/namespaces/export#" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:bib="http://purl.org/net/biblio#">'
        '<bib:BookSection rdf:about="#1"><z:itemType>bookSection</z:itemType>'
        "<dcterms:isPartOf><bib:Book><dc:title>A Book of Chapters</dc:title></bib:Book>"
        "</dcterms:isPartOf><dc:title>Thresholds by design</dc:title><dcterms:abstract>We "
        "follow exception queues in a housing allowance system.</dcterms:abstract><dc:date>"
        '2024</dc:date></bib:BookSection><bib:Journal rdf:about="urn:issn:0000-0000">'
        "<dc:title>Invented Journal</dc:title></bib:Journal><z:Attachment rdf:about=\"#2\">"
        "<z:itemType>attachment</z:itemType><dc:title>Full Text PDF</dc:title></z:Attachment>"
        "</rdf:RDF>", encoding="utf-8")
    [chapter] = read_path(path)
    assert (chapter.title, chapter.year, chapter.meta["doc_type"]) == (
        "Thresholds by design", 2024, "abstract")


def test_linked_data_a_word_bibliography_and_a_government_list(tmp_path):
    """Libris' JSON-LD (title and summary as lists of objects), Word's Sources.xml (the text in
    its comments), a ministry's document list (its lead as the text, "Meld. St." a kind)."""
    import json

    jsonld = tmp_path / "find.jsonld"
    jsonld.write_text(json.dumps({"@context": "x", "items": [
        {"@id": "1", "@type": "Instance", "hasTitle": [{"@type": "Title", "mainTitle":
                                                        "Föräldrars digitala vardag"}],
         "publication": [{"@type": "PrimaryPublication", "year": "2022"}],
         "summary": [{"@type": "Summary", "label": ["Boken följer tjugo familjer."]}]}]}),
        encoding="utf-8")
    [book] = read_path(jsonld)
    assert (book.title, book.year, book.text) == ("Föräldrars digitala vardag", 2022,
                                                  "Boken följer tjugo familjer.")
    sources = tmp_path / "Sources.xml"
    sources.write_text(
        '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
        'bibliography"><b:Source><b:Tag>Sol20</b:Tag><b:SourceType>JournalArticle'
        "</b:SourceType><b:Title>Reasons for automated decisions</b:Title><b:Year>2020"
        "</b:Year><b:JournalName>Invented Journal</b:JournalName><b:Comments>Applicants must "
        "be told why a system decided.</b:Comments></b:Source></b:Sources>", encoding="utf-8")
    [article] = read_path(sources)
    assert (article.title, article.year, article.text) == (
        "Reasons for automated decisions", 2020, "Applicants must be told why a system decided.")
    listing = tmp_path / "dokumenter.csv"
    listing.write_bytes("Tittel;Dokumenttype;Dato;Ingress\r\nDigitale tjenester for "
                        "barnefamilier;Meld. St.;12.05.2023;Meldingen legger fram mål for "
                        "digitale tjenester.\r\n".encode("cp1252"))
    [white_paper] = read_path(listing)
    assert (white_paper.year, white_paper.meta["doc_type"]) == (2023, "policy_document")
