"""OpenDocument text (.odt, .fodt): LibreOffice's files read as the Word files they were made
from, and the format's own shapes (white space, notes, tracked changes, lists, text boxes,
contents, tables) read as a word processor shows them."""

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from digiwelfare.docx_text import docx_read
from digiwelfare.ingest import corpus_import
from digiwelfare.odf_text import odf_read
from digiwelfare.readers import Skip

BINARY = Path(__file__).parent / "fixtures" / "binary"


def read(path: Path, reader=odf_read):
    return reader(path, path.read_bytes(), path.name)[0]


@pytest.mark.parametrize("odf, word", [("report_nn.odt", "report_nn.docx"),
                                       ("letter_da.fodt", "letter_da.docx")])
def test_libreoffices_file_reads_as_the_word_file_it_was_made_from(odf, word):
    # make.py had LibreOffice convert our Word files; the text, title and year are the same
    ours, theirs = read(BINARY / odf), read(BINARY / word, docx_read)
    assert ours.text == theirs.text
    assert ours.title == theirs.title
    assert (ours.year, ours.year_source) == (theirs.year, "file properties")


def test_report_odt_contents_dots_title_style_and_table_rows():
    record = read(BINARY / "report_nn.odt")
    lines = record.text.split("\n\n")
    assert record.title == "Søknad om sjukeheimsplass på nett: kven fyller ut skjemaet?"
    assert "2 Data og metode .......... 3" in lines  # a tab leader, drawn as dots
    assert "Kommune | Søknader i 2022" in lines and "Fjordbygd | 212" in lines
    assert record.year == 2023


_HEAD = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
         'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
         'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" '
         'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">')
_STYLES = ('<office:automatic-styles><style:style style:name="P7" style:family="paragraph" '
           'style:parent-style-name="Title"/></office:automatic-styles>')
_BODY = """<office:body><office:text>
  <text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
    <text:p>Slettet avsnitt som ikke skal leses.</text:p></text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:p text:style-name="P7">Digital   post
     til alle</text:p>
  <text:table-of-content><text:index-body>
    <text:index-title><text:p>Innhold</text:p></text:index-title>
    <text:p>1 Innledning<text:tab/>2</text:p>
  </text:index-body></text:table-of-content>
  <text:section><text:h text:outline-level="1">1 Innledning</text:h>
  <text:p>Brevene fra kommunen går til<text:s text:c="2"/>den digitale postkassen<text:note
    text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
    <text:p>En fotnote om tall fra 2019.</text:p></text:note-body></text:note>, og mange
    leser dem aldri.<office:annotation><text:p>Kommentar fra en saksbehandler.</text:p>
    </office:annotation><text:change text:change-id="c1"/></text:p>
  <text:p>Første linje<text:line-break/>andre linje<draw:frame><draw:text-box>
    <text:p>Faktaboks: tre av ti åpner ikke posten.</text:p></draw:text-box></draw:frame></text:p>
  <text:list><text:list-item><text:p>Varsel på SMS</text:p></text:list-item>
    <text:list-item><text:list><text:list-item><text:p>Varsel på e-post</text:p>
    </text:list-item></text:list></text:list-item></text:list>
  <table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Kanal</text:p>
    </table:table-cell><table:table-cell><text:p>Andel</text:p></table:table-cell>
    </table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell><text:p>Digital post</text:p></table:table-cell>
    <table:table-cell><text:p>70 %</text:p></table:table-cell></table:table-row></table:table>
  </text:section>
</office:text></office:body></office:document-content>"""


def odt(content: str, meta: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        if meta is not None:
            archive.writestr("meta.xml", meta)
    return buffer.getvalue()


def test_the_formats_shapes_as_a_word_processor_shows_them():
    meta = (_HEAD.replace("office:document-content", "office:document-meta")
            + "<office:meta><meta:creation-date>2022-05-04T10:00:00</meta:creation-date>"
              "<dc:title>mal_v2</dc:title></office:meta></office:document-meta>")
    record = odf_read(Path("post.odt"), odt(_HEAD + _STYLES + _BODY, meta), "post.odt")[0]
    lines = record.text.split("\n\n")
    # the XML's white space collapses; text:s is the document's own spaces
    assert record.title == "Digital post til alle"  # Title style through an automatic style
    assert "Brevene fra kommunen går til  den digitale postkassen, og mange leser dem aldri." \
        in lines  # no footnote, no comment inside the sentence
    assert "Første linje\nandre linje" in lines
    assert lines.index("Faktaboks: tre av ti åpner ikke posten.") < lines.index(
        "Første linje\nandre linje")  # a text box is a block where it stands
    assert "1 Innledning .......... 2" in lines and "Innhold" in lines
    assert "Varsel på SMS" in lines and "Varsel på e-post" in lines
    assert "Kanal | Andel" in lines and "Digital post | 70 %" in lines
    text = record.text
    assert "Slettet" not in text and "fotnote" not in text and "Kommentar" not in text
    assert (record.year, record.year_source) == (2022, "file properties")


def test_a_flat_file_is_read_from_its_one_xml_and_its_meta():
    flat = (_HEAD.replace("office:document-content", "office:document")
            + "<office:meta><meta:creation-date>2021-11-30T08:00:00</meta:creation-date>"
              "</office:meta>" + _STYLES + _BODY.replace("office:document-content",
                                                         "office:document"))
    record = odf_read(Path("post.fodt"), flat.encode(), "post.fodt")[0]
    assert record.title == "Digital post til alle" and record.year == 2021


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04 not really a zip", "damaged zip"),
    (odt("<x/>").replace(b"content.xml", b"contents.xm"), "no content.xml"),
    (odt(_HEAD + "<office:body><office:spreadsheet/></office:body></office:document-content>"),
     "a spreadsheet or a presentation"),
    (b"<office:document><unclosed>", "not a valid OpenDocument file"),
])
def test_a_broken_or_other_opendocument_file_says_why(data, reason):
    with pytest.raises(Skip, match=reason):
        odf_read(Path("x.odt"), data, "x.odt")


def test_import_takes_odt_and_advises_on_formats_it_cannot_read(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "post.odt").write_bytes(odt(_HEAD + _STYLES + _BODY))
    (tmp_path / "in" / "gammel.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    (tmp_path / "in" / "skann.png").write_bytes(b"\x89PNG")
    corpus_import([tmp_path / "in"], tmp_path / "out")
    report = pd.read_csv(tmp_path / "out" / "import_report.csv").set_index("source")
    assert report.loc[str(tmp_path / "in" / "post.odt"), "status"] == "imported"
    doc_reason = report.loc[str(tmp_path / "in" / "gammel.doc"), "reason"]
    assert "'.doc'" in doc_reason and "--convert-to docx" in doc_reason
    assert "OCR" in report.loc[str(tmp_path / "in" / "skann.png"), "reason"]
