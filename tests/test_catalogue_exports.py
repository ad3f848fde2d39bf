"""Catalogue exports saved as text, as researchers download them (tests/fixtures/exports, our
own records): Web of Science's plain-text and tab-delimited files (savedrecs.txt, the second in
UTF-16 as its "Win" option writes it) and PubMed's MEDLINE file (.nbib). Each record is a
document, with its year, journal and language from its fields; a record without an abstract
is reported, not imported."""

from pathlib import Path

import pytest

from digiwelfare.bibliography import export_kind, language_code
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
    result = corpus_import(sorted(EXPORTS.iterdir()), tmp_path / "c", echo=lambda line: None)
    report = result.report
    assert sorted(report["status"]) == ["imported"] * 6 + ["skipped"]
    skipped = report[report["status"] == "skipped"].iloc[0]
    assert Path(skipped["source"]).name == "savedrecs.txt" and "no abstract" in skipped["reason"]
    docs = corpus_read(tmp_path / "c")
    assert set(docs["doc_type"]) == {"abstract"} and set(docs["year_source"]) == {"record"}


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
