"""Importing documents: every format, every kind of bad input, nothing lost."""

import io
import subprocess
import sys
from pathlib import Path

import docx
import pandas as pd
import pytest
from conftest import EN_1, EN_2, NB_1, NB_2, pdf_bytes
from pypdf import PdfReader, PdfWriter

from digiwelfare.bibliography import bibtex_entries, latex_to_text
from digiwelfare.corpus import corpus_read
from digiwelfare.ingest import corpus_import, id_slug
from digiwelfare.readers import Skip, bytes_decode, pdf_pages_join

PROSE_EN = f"{EN_1} {EN_2} The team wrote a report in 2021 about it."
PROSE_NB = f"{NB_1} {NB_2} Rapporten kom i 2022."


def docx_bytes(paragraphs, title=""):
    document = docx.Document()
    document.core_properties.title = title
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Page title | Catalogue</title>
<script>var tracking = "console.log('x')";</script><style>p {color: red}</style></head><body>
<header><nav class="main-nav"><ul><li>Home</li><li>Projects</li><li>Contact</li></ul></nav>
</header>
<div class="breadcrumb">Home / Projects / DIGIT</div>
<meta name="citation_publication_date" content="2019-05-02">
<main><h1>Digital dialogue in welfare offices</h1><p>%s</p><p>%s</p>
<p>The catalogue page adds that the offices shared their chat logs with the research team.</p>
<div class="share-buttons">Share on social media</div></main>
<footer><p>Copyright the catalogue. Cookies and privacy.</p></footer></body></html>""".replace(
    "%s", EN_1, 1).replace("%s", EN_2, 1)

RIS = """TY  - JOUR
TI  - Dashboards and discretion in Danish jobcentres
AB  - %s
PY  - 2021
JO  - Nordic Journal of Welfare Research
ER  -

TY  - CONF
TI  - A record with no abstract
PY  - 2020
ER  -

TY  - JOUR
T1  - Digital dialogue and trust
N2  - %s
  It continues on a second line.
Y1  - 2019///
ER  -
""".replace("%s", EN_2, 1).replace("%s", EN_1, 1)

BIB = r"""@article{hansen2020,
  title = {Omsorg og {\o}konomi i hjemmetjenesten},
  abstract = {%s},
  year = 2020,
  journal = "Tidsskrift for velferdsforskning"
}
@comment{ignored}
@inproceedings{broken2021,
  title = {Unbalanced {braces,
  year = 2021
""".replace("%s", NB_1)


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "in"
    (src / "sub folder").mkdir(parents=True)
    (src / "plain.txt").write_text(PROSE_EN + "\n\nTilbake til søk\n", encoding="utf-8")
    (src / "bom.txt").write_bytes("\ufeff".encode() + PROSE_NB.encode())
    (src / "windows æøå.txt").write_bytes(
        (PROSE_NB.replace("Rapporten", "Blåbærrapporten") + " Ærlig talt.").encode("cp1252"))
    utf16 = ("Veilederne skrev aktivitetsplaner sammen med brukerne i chatten, og mange "
             "satte pris på det i 2020.")
    (src / "utf16.txt").write_bytes(utf16.encode("utf-16"))
    (src / "notes.md").write_text(f"# Notes on dialogue\n\n**{EN_1}** [link](http://x.y) 2018",
                                  encoding="utf-8")
    (src / "report.pdf").write_bytes(pdf_bytes([
        ["Welfare report 2020", "The municipality introduced a new digi-",
         "talisation strategy for home care services in", "2020 and trained all the staff.", "1"],
        ["Welfare report 2020", "Caseworkers described the helse- og",
         "omsorgstjenester as stretched, yet hopeful about it.", "2"]]))
    (src / "sub folder" / "Rapport om Ørsta.docx").write_bytes(
        docx_bytes([NB_1, NB_2, "Kontakt: kari@example.no, fnr 01010012356."],
                   title="Rapport om Ørsta"))
    (src / "page.html").write_text(HTML, encoding="utf-8")
    # exports end a record with "ER  - " (trailing space) or "ER  -": both are read
    (src / "export.ris").write_text(RIS.replace("ER  -\n\nTY  - CONF", "ER  - \n\nTY  - CONF"),
                                    encoding="utf-8")
    (src / "refs.bib").write_text(BIB, encoding="utf-8")
    pd.DataFrame({"Article Title": ["Platforms in municipal services", "No abstract here"],
                  "Abstract": [EN_2 + " " + EN_1, ""], "Publication Year": [2023, 2022],
                  "Source Title": ["Journal of E-Government", "X"]}).to_csv(
        src / "scopus.csv", index=False)
    # bad input, one of each kind
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (src / "truncated.pdf").write_bytes(pdf_bytes([["Some text here"]])[:120])
    (src / "scanned.pdf").write_bytes(pdf_bytes([[]]))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["Secret text"]]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    (src / "locked.pdf").write_bytes(buffer.getvalue())
    (src / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (src / "bad.ris").write_text("This is not RIS at all\n", encoding="utf-8")
    (src / "bad.bib").write_text("no entries in here\n", encoding="utf-8")
    (src / "bad.csv").write_text("name,colour\nx,blue\n", encoding="utf-8")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (src / "huge.txt").write_text("word " * 300_000, encoding="utf-8")
    (src / "copy of plain.txt").write_text("Back to search\n\n" + PROSE_EN + "\n\nPrint",
                                           encoding="utf-8")
    (src / "noyear.txt").write_text(EN_2 + " Nobody wrote down when.\n\nTowards 2035, the "
                                    "services will be digital by default.", encoding="utf-8")
    return src


@pytest.fixture
def imported(inputs, tmp_path):
    messages = []
    result = corpus_import([inputs], tmp_path / "corpus", echo=messages.append,
                           max_bytes=1_000_000)
    return result, messages, tmp_path / "corpus"


def test_every_input_is_accounted_for(imported, inputs):
    result, messages, folder = imported
    report = pd.read_csv(folder / "import_report.csv", dtype=str, keep_default_na=False)
    files = {str(p) for p in inputs.rglob("*") if p.is_file()}
    assert set(report["source"]) == files
    imported_ids = set(report.loc[report.status == "imported", "id"])
    docs = corpus_read(folder)  # the result is a valid corpus
    assert set(docs["id"]) == imported_ids
    assert len(messages) == (report.status == "skipped").sum()
    assert report["status"].isin(["imported", "duplicate", "skipped"]).all()


def test_reasons_for_bad_input(imported, inputs):
    report = pd.read_csv(imported[2] / "import_report.csv", dtype=str, keep_default_na=False)
    reason = {(r.source.split("/")[-1], r.record): r.reason for r in report.itertuples()}
    assert reason[("empty.txt", "0")] == "empty file"
    assert reason[("junk.txt", "0")] == "binary data, not text"
    assert "not a readable PDF" in reason[("truncated.pdf", "0")]
    assert "no text layer" in reason[("scanned.pdf", "0")]
    assert "password-protected" in reason[("locked.pdf", "0")]
    assert "not a valid Word .docx" in reason[("broken.docx", "0")]
    assert "malformed RIS" in reason[("bad.ris", "0")]
    assert "malformed BibTeX" in reason[("bad.bib", "0")]
    assert "without a title and an abstract column" in reason[("bad.csv", "0")]
    assert "unsupported file type '.png'" in reason[("image.png", "0")]
    assert "larger than the limit" in reason[("huge.txt", "0")]
    assert "no abstract" in reason[("export.ris", "2")]
    assert "unbalanced braces" in reason[("refs.bib", "2")]
    assert "no abstract" in reason[("scopus.csv", "2")]
    messages = "\n".join(imported[1])
    assert "skipped: " + str(inputs / "locked.pdf") + ": password-protected" in messages


def test_formats_give_clean_text_and_metadata(imported):
    folder = imported[2]
    docs = corpus_read(folder).set_index("id")
    assert docs.loc["windows-aeoa", "text"].count("Blåbærrapporten") == 1
    assert "Ærlig" in docs.loc["windows-aeoa", "text"]
    assert docs.loc["bom", "text"].startswith("Saksbehandlerne")
    assert docs.loc["utf16", "language"] == "nb"
    pdf = docs.loc["report", "text"]
    assert "digitalisation strategy" in pdf and "Welfare report" not in pdf
    assert "helse- og omsorgstjenester" in pdf and not pdf.rstrip().endswith("2")
    html = docs.loc["page", "text"]
    assert EN_1 in html and EN_2 in html
    for noise in ("tracking", "Projects", "Copyright", "Share on", "color"):
        assert noise not in html
    assert docs.loc["page", "title"] == "Digital dialogue in welfare offices"
    word = docs.loc["rapport-om-orsta"]
    assert word["title"] == "Rapport om Ørsta" and word["language"] == "nb"
    assert "kari@example.no" not in word["text"] and "01010012356" not in word["text"]
    cleaned = docs.loc["copy-of-plain", "text"]
    assert "Back to search" not in cleaned and not cleaned.endswith("Print")
    assert cleaned.startswith(EN_1[:40])
    assert "**" not in docs.loc["notes", "text"] and "http" not in docs.loc["notes", "text"]
    ris = docs.loc["export-1"]
    assert (ris["doc_type"], ris["year"], ris["title"]) == (
        "abstract", 2021, "Dashboards and discretion in Danish jobcentres")
    assert ris["provenance"] == "Nordic Journal of Welfare Research"
    assert "second line" in docs.loc["export-3", "text"]
    bib = docs.loc["refs-1"]
    assert bib["title"] == "Omsorg og økonomi i hjemmetjenesten" and bib["year"] == 2020
    assert docs.loc["scopus-1", "year"] == 2023
    assert set(docs.loc["copy-of-plain", "derived"].split(";")) == {"title", "language",
                                                                    "doc_type"}
    # a year only in the prose ("in 2021") or a horizon ("Towards 2035") is no date: missing
    assert pd.isna(docs.loc["copy-of-plain", "year"]) and pd.isna(docs.loc["noyear", "year"])
    assert docs.loc["noyear", "year_source"] == "" and docs.loc["export-1", "year_source"] == (
        "record")
    assert pd.isna(docs.loc["report", "year"])  # "Welfare report 2020" is a running header


def test_duplicates_are_kept_once_and_named(imported):
    report = pd.read_csv(imported[2] / "import_report.csv", dtype=str, keep_default_na=False)
    pair = report[report.source.str.endswith("plain.txt")].set_index("status")
    assert sorted(pair.index) == ["duplicate", "imported"]  # the first one met is kept
    assert pair.loc["duplicate", "duplicate_of"] == pair.loc["imported", "id"]


def test_identifiers_are_counted_and_never_stored(imported):
    folder = imported[2]
    report = pd.read_csv(folder / "import_report.csv", dtype=str, keep_default_na=False)
    row = report[report.source.str.endswith("Ørsta.docx")].iloc[0]
    assert (row.masked_email, row.masked_no_fnr) == ("1", "1")
    stored = "".join(p.read_text("utf-8") for p in folder.rglob("*.txt"))
    stored += (folder / "metadata.csv").read_text("utf-8")
    stored += (folder / "import_report.csv").read_text("utf-8")
    assert "kari@example.no" not in stored and "01010012356" not in stored


def test_importing_again_changes_nothing(imported, inputs):
    folder = imported[2]
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    again = corpus_import([inputs], folder, echo=lambda m: None, max_bytes=1_000_000)
    assert again.counts().get("imported", 0) == 0
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_changed_file_needs_replace(imported, inputs):
    folder = imported[2]
    (inputs / "bom.txt").write_text(PROSE_NB + " En ny setning om tillit kom til i 2024.",
                                    encoding="utf-8")
    kept = corpus_import([inputs / "bom.txt"], folder, echo=lambda m: None)
    assert kept.counts() == {"skipped": 1}
    assert "--replace" in kept.report["reason"].iloc[0]
    assert "tillit" not in (folder / "texts" / "bom.txt").read_text()
    replaced = corpus_import([inputs / "bom.txt"], folder, replace=True, echo=lambda m: None)
    assert replaced.counts() == {"replaced": 1}
    assert "tillit" in (folder / "texts" / "bom.txt").read_text()


def test_metadata_beside_the_files_and_duplicate_ids(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE_EN, encoding="utf-8")
    (src / "b.txt").write_text(PROSE_NB, encoding="utf-8")
    (src / "c.txt").write_text(f"{EN_1}\n\n{NB_2}\n\n{EN_2}\n\n{NB_1}", encoding="utf-8")
    pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt"], "id": ["doc1", "doc1", "doc3"],
                  "doc_type": ["policy_document", "abstract", "memo"],
                  "year": ["2015", "2016", "2017"]}).to_csv(src / "metadata.csv", index=False)
    result = corpus_import([src], tmp_path / "out", echo=lambda m: None)
    report = result.report.set_index("id")
    assert report.loc["doc1", "status"].tolist() == ["imported", "skipped"]
    assert "already used" in report.loc["doc1", "reason"].iloc[1]
    # a value the codebook does not allow is left empty, with a warning: the text is not lost
    assert result.report.status.iloc[2] == "imported"
    assert "doc_type 'memo' is not one of" in result.report.reason.iloc[2]
    docs = corpus_read(tmp_path / "out").set_index("id")
    assert docs.loc["doc1", "doc_type"] == "policy_document" and docs.loc["doc1", "year"] == 2015


def test_bilingual_text_is_tagged_in_reading_order(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(f"Back to search\n\n{EN_1} It ended in 2020.\n\n{EN_2}\n\nNorsk sammendrag\n\n"
                   f"{NB_1}\n\n{NB_2}\n\nPublished 01.02.2021",
                   encoding="utf-8")
    corpus_import([src], tmp_path / "out", echo=lambda m: None)
    doc = corpus_read(tmp_path / "out").iloc[0]
    # the labelled date is the year; "ended in 2020" in the prose is no date of the document
    assert doc["language"] == "en;nb" and doc["year"] == 2021


def test_helpers():
    assert id_slug("Sluttrapport – Ålesund & Bærum v2.PDF") == "sluttrapport-alesund-baerum-v2"
    assert latex_to_text(r"Br{\o}nn{\o}ysund, K{\aa}re and G\"{o}ran {\AE}r{\o} \& co") == (
        "Brønnøysund, Kåre and Göran Ærø & co")
    assert bytes_decode("Blåbær – søt".encode("cp1252")) == "Blåbær – søt"
    assert bytes_decode("Blåbær".encode("latin-1")) == "Blåbær"
    with pytest.raises(Skip, match="binary"):
        bytes_decode(b"\x00\x01\x02\x03\x04\x05" * 50)
    entries = bibtex_entries('@book{k, title="A {B} c", year={1999}}')
    assert entries == [(1, {"ENTRYTYPE": "book", "title": "A B c", "year": "1999"})]
    assert pdf_pages_join(["Header\nfirst line\n1", "Header\nsecond line\n2"]) == (
        "first line second line")


def test_command_line_exit_status(inputs, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "digiwelfare", "import", *args],
                              capture_output=True, text=True)

    ok = run(str(inputs / "plain.txt"), str(inputs / "empty.txt"), "--into", str(tmp_path / "c"))
    assert ok.returncode == 0
    assert "2 inputs: 1 imported, 1 skipped" in ok.stdout
    assert "empty.txt: empty file" in ok.stderr and "Traceback" not in ok.stderr
    bad = run(str(inputs / "empty.txt"), str(inputs / "junk.txt"), "--into", str(tmp_path / "d"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_an_unforeseen_reader_failure_is_reported_not_raised(tmp_path, monkeypatch):
    import digiwelfare.ingest as ingest

    def explode(path, data, source):
        raise RuntimeError("library bug")

    monkeypatch.setattr(ingest, "readers_registry", lambda: {".txt": explode})
    (tmp_path / "a.txt").write_text("some text", encoding="utf-8")
    result = corpus_import([tmp_path / "a.txt"], tmp_path / "out", echo=lambda m: None)
    assert result.report["status"].tolist() == ["skipped"]
    assert "could not be read (RuntimeError)" in result.report["reason"].iloc[0]


def test_a_broken_csv_row_is_reported_under_its_own_record_number(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("title,abstract,year\n"
                      f"First,{EN_1},2020\n"
                      "Second,only two fields\n"
                      f'Third,"{EN_2}",2021\n', encoding="utf-8")
    result = corpus_import([export], tmp_path / "out", echo=lambda m: None)
    by_record = result.report.set_index("record")
    assert by_record.loc["1", "status"] == "imported" and by_record.loc["3", "status"] == "imported"
    assert by_record.loc["2", "status"] == "skipped"
    assert "row 3 has 2 fields" in by_record.loc["2", "reason"]


def _import_one(tmp_path, name: str, text: str) -> pd.Series:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / name).write_text(text, encoding="utf-8")
    corpus_import([src / name], tmp_path / name.replace(".", "_"), echo=lambda m: None)
    return pd.read_csv(tmp_path / name.replace(".", "_") / "metadata.csv", dtype=str,
                       keep_default_na=False).iloc[0]


_PROJECT_BODY = ("Prosjektnummer\n\n301122\n\nProsjektperiode\n\n2022 - 2026\n\n"
                 "Om prosjektet\n\nProsjektet følger saksbehandlere i fire kommuner som tar i "
                 "bruk et nytt fagsystem for sosialhjelp. Vi intervjuer ansatte og brukere hvert "
                 "halvår og ser på hvordan arbeidet endrer seg.\n\n")


def test_a_project_pages_modified_stamp_gives_no_year_a_news_pages_does(tmp_path):
    project = _import_one(tmp_path, "prosjekt.txt",
                          "Nytt fagsystem i sosialtjenesten\n\n" + _PROJECT_BODY
                          + "Sist endret 14.02.2024\n")
    assert (project["doc_type"], project["year"]) == ("project_report", "")
    news = _import_one(tmp_path, "nyhet.txt",
                       "Nytt fagsystem i sosialtjenesten\n\nSist endret 14.02.2024\n\n"
                       "Kommunene tar i bruk et nytt fagsystem for sosialhjelp i vår. De ansatte "
                       "har fått opplæring i hvordan de skal bruke det.\n")
    assert (news["year"], news["year_source"]) == ("2024", "modified")


def test_a_visible_publication_date_wins_over_a_disagreeing_markup_date(tmp_path):
    page = ('<html><head><meta name="DC.date" content="{meta}"><title>Site</title></head><body>'
            "<h1>Tjenester for alle</h1><p>Publisert 3. mars 2021</p><p>Kommunen har laget en "
            "plan for digitale tjenester som alle innbyggere skal kunne bruke.</p>"
            "<p>Planen gjelder fra neste år og skal følges opp hvert år.</p></body></html>")
    other = _import_one(tmp_path, "a.html", page.format(meta="2019-05-01"))
    assert (other["year"], other["year_source"]) == ("2021", "published")
    same = _import_one(tmp_path, "b.html", page.format(meta="2021-05-01"))
    assert (same["year"], same["year_source"]) == ("2021", "html meta")


def test_a_final_reports_period_end_wins_over_its_markup_date(tmp_path):
    page = ('<html><head><meta name="DC.date" content="2016-09-01"><title>Site</title></head>'
            "<body><h1>Shared case files in social services</h1><h4>Project period</h4>"
            "<p>2016 - 2020</p><h2>{head}</h2><p>The project followed four social services "
            "offices while they moved their case files to a shared system.</p><p>Staff spent "
            "less time searching for papers but more time correcting entries.</p></body></html>")
    final = _import_one(tmp_path, "a.html", page.format(head="Final report summary"))
    assert (final["year"], final["year_source"]) == ("2020", "completed")
    # a running project's page keeps its markup date: the period's end is a plan
    running = _import_one(tmp_path, "b.html", page.format(head="About the project"))
    assert (running["year"], running["year_source"]) == ("2016", "html meta")


def test_a_page_saved_complete_brings_its_page_not_its_frames(tmp_path):
    """A browser's "Webpage, Complete" writes "Page.html" and "Page_files" with the page's
    images, scripts and frames; a frame is an HTML file with words (a consent dialog), but no
    document. The folder is one row of the report; an ordinary folder whose name merely ends
    in "_files" is read as any other."""
    src = tmp_path / "saved"
    resources = src / "Chat i sosialtjenesten_files"
    resources.mkdir(parents=True)
    (src / "Chat i sosialtjenesten.html").write_text(
        "<html><head><title>Chat</title></head><body><main><h1>Chat i sosialtjenesten</h1>"
        "<p>Kommunen har prøvd en chat for spørsmål om økonomisk stønad i to år. Mange "
        "innbyggere brukte den om kvelden, når kontoret var stengt.</p></main></body></html>",
        encoding="utf-8")
    (resources / "saved_resource.html").write_text(
        "<html><body><p>We and our partners store and read information on your device to "
        "measure how the site is used and to show content you may like.</p>"
        "<button>Accept all</button></body></html>", encoding="utf-8")
    (resources / "app.js").write_text("window.dataLayer = [];", encoding="utf-8")
    (resources / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    other = src / "interview_files"
    other.mkdir()
    (other / "notes.txt").write_text("Notes from the visit. The office opened a chat service "
                                     "for questions about benefits last spring.",
                                     encoding="utf-8")
    result = corpus_import([src], tmp_path / "c", echo=lambda line: None)
    report = result.report.assign(name=[Path(s).name for s in result.report["source"]])
    rows = dict(zip(report["name"], zip(report["status"], report["reason"], strict=True),
                    strict=True))
    assert set(rows) == {"Chat i sosialtjenesten.html", "Chat i sosialtjenesten_files",
                         "notes.txt"}
    assert rows["Chat i sosialtjenesten.html"][0] == "imported"
    assert rows["notes.txt"][0] == "imported"
    status, reason = rows["Chat i sosialtjenesten_files"]
    assert status == "skipped" and "Webpage, Complete" in reason and "3 files" in reason and \
        "Chat i sosialtjenesten.html" in reason
    texts = " ".join(corpus_read(tmp_path / "c")["text"])
    assert "partners store" not in texts and "dataLayer" not in texts
