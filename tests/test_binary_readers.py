"""PDF and Word files as word processors write them (tests/fixtures/binary, made by LibreOffice
from Word files: see make.py there): the reader keeps a cover's lines, a contents list, a
heading and its paragraph apart by the page's layout, takes the title the cover prints largest
or the Word file's Title style over a tool's default title, and reads a Word file's tables
where they stand."""

import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from pypdf import PdfReader, PdfWriter

from digiwelfare.clean import text_clean
from digiwelfare.corpus import corpus_read
from digiwelfare.docx_text import docx_read
from digiwelfare.ingest import corpus_import
from digiwelfare.pdf_text import Line, cover_title, pdf_pages_join
from digiwelfare.readers import pdf_read, title_plausible

BINARY = Path(__file__).parent / "fixtures" / "binary"


def read(name: str):
    path = BINARY / name
    return (pdf_read if path.suffix == ".pdf" else docx_read)(path, path.read_bytes(), name)[0]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def test_report_pdf_cover_contents_and_headings_stay_apart():
    record = read("report_nn.pdf")
    lines = paragraphs(record.text)
    # the cover: each of its lines its own paragraph, not one line with the contents after it
    for line in ("Fjordbygd forskingsinstitutt (oppdikta)", "Rapport 0/2023",
                 "Søknad om sjukeheimsplass på nett: kven fyller ut skjemaet?",
                 "Ei evaluering av den digitale søknaden i fire kommunar", "Juni 2023",
                 "Innhald", "3 Funn", "Tabell 1: Digitale søknader etter kommune"):
        assert line in lines, line
    assert sum(line.startswith(("1 Bakgrunn....", "4 Tilrådingar....")) for line in lines) == 2
    # a heading is not glued to the paragraph under it, which starts a line of its own
    assert any(line.startswith("Pårørande fylte ut sju av ti søknader") for line in lines)
    # a paragraph running on over a page break is one line; the running head and foot are gone
    assert any(line.startswith("Døme 3") and line.endswith("i alle fire kommunane.")
               and "kjem inn i fagsystemet" in line for line in lines)
    assert not any("Side 3 av 5" in line or line == "Søknad om sjukeheimsplass på nett"
                   for line in lines)
    # the title the cover prints largest, not the tool's "Microsoft Word - ...docx"
    assert record.title == "Søknad om sjukeheimsplass på nett: kven fyller ut skjemaet?"
    assert (record.year, record.year_source) == (2023, "file properties")


def test_report_pdf_cleaning_sees_the_contents_and_keeps_the_prose():
    cleaned, reasons = text_clean(read("report_nn.pdf").text)
    assert reasons.count("contents dot leaders") >= 4
    assert "Vi rår kommunane til å spørje i skjemaet kven som fyller det ut." in cleaned
    assert "Tabellen viser at dei to største kommunane tok imot flest søknader." in cleaned
    assert "Bakgrunn......" not in cleaned


def test_slides_pdf_title_over_the_tool_default_and_footers_gone():
    record = read("slides_en.pdf")
    assert record.title == "Who applies for long-term care online?"
    lines = paragraphs(record.text)
    assert "What we found" in lines and "Thank you" in lines
    assert not any("Nordic Care Access Seminar" in line for line in lines)


def test_word_report_contents_leaders_title_style_and_tables_in_place():
    record = read("report_nn.docx")
    lines = paragraphs(record.text)
    assert record.title == "Søknad om sjukeheimsplass på nett: kven fyller ut skjemaet?"
    assert "1 Bakgrunn .......... 3" in lines and "4 Tilrådingar .......... 5" in lines
    _, reasons = text_clean(record.text)
    assert reasons.count("contents dot leaders") >= 4
    # the table is where it stands, between the last chapter and its caption
    assert lines.index("Kommune | Søknader i 2022") == lines.index(
        "Tabell 1: Digitale søknader etter kommune") - 3


def test_word_letter_reads_its_letterhead_table_first():
    lines = paragraphs(read("letter_da.docx").text)
    assert lines[:3] == ["Sagsnr. | 2024-0000", "Dato | 12. marts 2024",
                         "Til Indenrigs- og Sundhedsministeriet"]
    assert not any("Havnegade" in line for line in lines)  # the footer is no body text


@pytest.mark.parametrize("title", ["PowerPoint Presentation", "Presentasjon1", "Dokument2",
                                   "Microsoft Word - rapport_v3_endeleg.docx", "Slide 1",
                                   "Tittel"])
def test_tool_default_titles_are_none(title):
    assert title_plausible(title) == ""


def test_title_plausible_keeps_a_real_title():
    assert title_plausible("Presentation of the care allowance") == \
        "Presentation of the care allowance"


def line(text, y, size=11.0, bold=False):
    return Line(text, y, size, bold)


def test_layout_joins_a_paragraph_and_parts_on_a_larger_step_a_size_or_a_face():
    page = [line("Heading", 700, 14, True), line("a paragraph that goes on over", 680),
            line("two lines of the page", 665), line("A new one after a gap", 640),
            line("that wraps once", 625)]
    assert pdf_pages_join([page]) == ("Heading\n\na paragraph that goes on over two lines of the "
                                      "page\n\nA new one after a gap that wraps once")


def test_layout_over_a_page_break_joins_an_unfinished_line_only():
    one = [line("the paragraph runs on over the page and this line is long", 100),
           line("and it does not end here at the bottom of the page", 85)]
    two = [line("but goes on at the top of the next page.", 700), line("Short.", 685)]
    three = [line("A fresh paragraph.", 700)]
    assert pdf_pages_join([one, two, three]) == (
        "the paragraph runs on over the page and this line is long and it does not end here "
        "at the bottom of the page but goes on at the top of the next page. Short.\n\n"
        "A fresh paragraph.")


def test_cover_title_needs_one_run_of_large_lines():
    body = [line("body text " * 8, 600 - 15 * k) for k in range(10)]
    cover = [line("Kommune", 780), line("A title set large", 700, 24),
             line("over two lines", 672, 24), line("Mai 2023", 640)]
    assert cover_title([cover, body]) == "A title set large over two lines"
    scattered = [line("Big", 780, 24), line("small", 760), line("Big again", 740, 24)]
    assert cover_title([scattered, body]) == ""
    assert cover_title([[line("Only body", 700)], body]) == ""
    assert cover_title([[Line("no places")], body]) == ""


def test_a_web_page_printed_by_a_browser_dated_by_its_text_not_the_print(tmp_path):
    """Chromium's print of a page: its file dates are the day of printing (2026 here) and its
    /Title the page's <title>; the stamp over the page and the address under it are no text."""
    record = read("web_print_nb.pdf")
    assert record.year is None and record.title == "Søk om hjemmetjenester og trygghetsalarm"
    lines = paragraphs(record.text)
    assert not any(line.startswith(("file://", "https://")) or " AM " in line for line in lines)
    assert "1. Logg inn med BankID." in lines and "2. Fyll ut skjemaet." in lines
    result = corpus_import([BINARY / "web_print_nb.pdf"], tmp_path / "c", echo=lambda line: None)
    assert list(result.report["status"]) == ["imported"]
    doc = corpus_read(tmp_path / "c").iloc[0]
    assert (int(doc["year"]), doc["title"]) == (2024, "Søk om hjemmetjenester og trygghetsalarm")
    # the typeface's ligatures are letters again: "ﬁre", "ﬁnner" are "fire", "finner"
    assert "\ufb01" not in doc["text"] and "innen fire uker, fordi kommunen finner" in doc["text"]


def test_the_date_the_document_prints_beats_the_files_own_when_they_disagree(tmp_path):
    """A report exported again two years later (its /CreationDate 2025, its cover "Juni 2023")
    and a letter begun from an old Word file (created 2019, its head dated 12 March 2024) are
    dated by what they print; where the two agree, the file's date stays the source."""
    writer = PdfWriter(clone_from=PdfReader(BINARY / "report_nn.pdf"))
    writer.add_metadata({"/CreationDate": "D:20250102080000Z"})
    with open(tmp_path / "again.pdf", "wb") as handle:
        writer.write(handle)
    letter = docx.Document(str(BINARY / "letter_da.docx"))
    letter.core_properties.created = datetime.datetime(2019, 5, 1)
    letter.save(tmp_path / "old.docx")
    corpus_import([tmp_path / "again.pdf", tmp_path / "old.docx", BINARY / "slides_en.pdf"],
                  tmp_path / "c", echo=lambda line: None)
    docs = corpus_read(tmp_path / "c").assign(
        source=lambda d: [Path(s).name for s in d["source"]]).set_index("source")
    assert (docs.loc["again.pdf", "year"], docs.loc["again.pdf", "year_source"]) == \
        (2023, "cover date")
    assert docs.loc["old.docx", "year"] == 2024
    assert docs.loc["old.docx", "year_source"] == "date label"  # "Dato | 12. marts 2024"
    assert (docs.loc["slides_en.pdf", "year"], docs.loc["slides_en.pdf", "year_source"]) == \
        (2024, "file properties")


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_word_text_in_content_controls_tracked_changes_and_text_boxes(tmp_path):
    """A template's fields are content controls, an edit kept as a tracked change, a cover's
    lines in a text box (with the copy Word keeps for older readers): all read once, in place;
    deleted text is not."""
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Vår dato: 03.04.2024</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    cover = d.add_paragraph()
    cover._p.append(parse_xml(
        f'<w:r {W} {MC}><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>'
        f'<w:p><w:r><w:t>Tildeling av heimetenester</w:t></w:r></w:p></w:txbxContent>'
        f'</mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Tildeling av heimetenester'
        f'</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>'))
    p = d.add_paragraph("Kommunen har ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>ikkje </w:delText>'
                          f'</w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>no </w:t></w:r></w:ins>'))
    p.add_run("opna ein digital søknad for ")
    p._p.append(parse_xml(f'<w:sdt {W}><w:sdtContent><w:r><w:t>praktisk bistand</w:t></w:r>'
                          f'</w:sdtContent></w:sdt>'))
    p.add_run(".")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Saksnr."
    table.cell(0, 1)._tc.append(parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>24/00000</w:t></w:r></w:p></w:sdtContent>'
        f'</w:sdt>'))
    d.save(tmp_path / "mal.docx")
    lines = paragraphs(docx_read(tmp_path / "mal.docx", (tmp_path / "mal.docx").read_bytes(),
                                 "mal.docx")[0].text)
    assert lines == ["Vår dato: 03.04.2024", "Tildeling av heimetenester",
                     "Kommunen har no opna ein digital søknad for praktisk bistand.",
                     "Saksnr. | 24/00000"]


def _blink_mhtml(page: str) -> bytes:
    """A page as Chrome saves it as one file: Blink's headers, the page quoted-printable, an
    image part after it."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related", type="text/html")
    for key, value in (("From", "<Saved by Blink>"),
                       ("Snapshot-Content-Location", "https://fjordby.kommune.no/omsorg/sok"),
                       ("Subject", "Søk om hjemmetjenester | Fjordby kommune"),
                       ("Date", "Sat, 5 Dec 2026 07:40:00 -0000")):
        message[key] = value
    html = MIMEText(page, "html", "utf-8")
    html.replace_header("Content-Transfer-Encoding", "quoted-printable")
    html.set_payload(quopri_encode(page))
    html["Content-Location"] = "https://fjordby.kommune.no/omsorg/sok"
    message.attach(html)
    message.attach(MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "gif"))
    return message.as_bytes()


def quopri_encode(text: str) -> str:
    import quopri

    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def test_a_page_saved_as_one_mhtml_file_reads_as_the_page(tmp_path):
    """Chrome's "Webpage, Single File": the page's text, title and date markup, not the day it
    was saved (the message's Date) nor the image part."""
    page = ('<html><head><title>Søk om hjemmetjenester | Fjordby kommune</title>'
            '<meta property="article:published_time" content="2023-09-14"></head><body>'
            '<nav><a href="/">Hopp til hovedinnhold</a></nav><main>'
            '<h1>Søk om hjemmetjenester</h1><p>Du kan søke om praktisk bistand og '
            'hjemmesykepleie på nett, og kommunen svarer som regel innen fire uker.</p>'
            '<p>Har du ikke BankID, kan en pårørende søke for deg med fullmakt.</p></main>'
            '</body></html>')
    (tmp_path / "side.mhtml").write_bytes(_blink_mhtml(page))
    corpus_import([tmp_path / "side.mhtml"], tmp_path / "c", echo=lambda line: None)
    doc = corpus_read(tmp_path / "c").iloc[0]
    assert (doc["title"], doc["year"], doc["year_source"]) == (
        "Søk om hjemmetjenester", 2023, "html meta")
    assert "kommunen svarer som regel innen fire uker" in doc["text"]
    assert "GIF89a" not in doc["text"]


def test_an_mhtml_file_without_a_page_is_reported(tmp_path):
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message.attach(MIMEText("only a note", "plain"))
    (tmp_path / "tom.mhtml").write_bytes(message.as_bytes())
    result = corpus_import([tmp_path / "tom.mhtml"], tmp_path / "c", echo=lambda line: None)
    assert list(result.report["status"]) == ["skipped"]
    assert "no web page" in result.report["reason"].iloc[0]


def test_a_pdf_tables_cells_are_parted_as_a_word_files_are():
    lines = paragraphs(read("report_nn.pdf").text)
    assert "Kommune | Søknader i 2022" in lines and "Fjordbygd | 212" in lines
    # a sentence's words are never parted so
    assert not any(" | " in line for line in lines if line.endswith("."))


def test_layout_list_items_are_paragraphs_of_their_own():
    """A slide's or a report's bullets each stand alone (talus p04's findings were glued into
    one line with the next bullet, and cleaning took the line for furniture)."""
    page = [line("Findings", 700, 24), line("• One in five forms was never completed.", 660, 18),
            line("• Carers filled in most forms", 636, 18),
            line("• Staff phoned back to fill the gaps", 612, 18)]
    assert pdf_pages_join([page]).split("\n\n") == [
        "Findings", "• One in five forms was never completed.", "• Carers filled in most forms",
        "• Staff phoned back to fill the gaps"]


def test_layout_a_contents_lists_dots_do_not_make_the_text_lines_short():
    """The widest lines of a report are its contents entries' dot leaders; measured by them,
    every line of text looked short and a paragraph's first line stood alone (ogive p02)."""
    contents = [line(f"{k} Kapittel {'.' * 90} {k}", 700 - 24 * k) for k in range(1, 8)]
    text = [line("Kommunen har i dag elleve ordningar, og dei fleste arbeidsleiarane", 600),
            line("bur langt frå kommunesenteret, så dei treng digitale løysingar", 585),
            line("som fungerer på telefonen.", 570)]
    joined = pdf_pages_join([contents, text]).split("\n\n")
    assert joined[-1] == ("Kommunen har i dag elleve ordningar, og dei fleste arbeidsleiarane "
                          "bur langt frå kommunesenteret, så dei treng digitale løysingar som "
                          "fungerer på telefonen.")


@pytest.mark.parametrize("producer, creator, printed", [
    ("Skia/PDF m150", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome", True),
    ("Skia/PDF m120 Google Docs Renderer", "", False),
    ("macOS Version 14.1 Quartz PDFContext", "Safari", True),
    ("Microsoft: Print To PDF", "Microsoft Word", False),
    ("LibreOffice 7.4", "Writer", False),
])
def test_a_browsers_print_is_known_and_an_editors_export_is_not(tmp_path, producer, creator,
                                                                  printed):
    """Google Docs exports with Chrome's Skia: its PDF keeps its own date (2023 here), while a
    page a browser printed keeps none."""
    writer = PdfWriter(clone_from=PdfReader(BINARY / "report_nn.pdf"))
    writer.add_metadata({"/Producer": producer, "/Creator": creator})
    with open(tmp_path / "f.pdf", "wb") as handle:
        writer.write(handle)
    record = pdf_read(tmp_path / "f.pdf", (tmp_path / "f.pdf").read_bytes(), "f.pdf")[0]
    assert (record.year is None) is printed


def test_layout_a_covers_last_line_goes_on_on_no_other_page():
    """A cover of three lines over a contents page: its last line (a subtitle with no full
    stop) is not glued to the next page's first heading (mesa w03's title took "Innhald")."""
    cover = [line("Fjordvik kommune", 700), line("Samhandling mot 2030", 675),
             line("Strategi for elektronisk samhandling i helse- og omsorgstenestene", 650)]
    contents = [line("Innhald", 700)] + [line(f"{k} Kapittel {k}", 680 - 20 * k)
                                         for k in range(1, 7)]
    parts = pdf_pages_join([cover, contents]).split("\n\n")
    assert parts[0].endswith("omsorgstenestene") and parts[1] == "Innhald"
