"""Hostile and broken inputs, concurrent and interrupted imports: every input accounted for
with a reason, no traceback, the corpus consistent afterwards."""

import io
import json
import os
import subprocess
import sys
import zipfile

import pandas as pd
from conftest import EN_1, EN_2, NB_1, pdf_bytes
from pypdf import PdfReader, PdfWriter

from digiwelfare.corpus import corpus_read
from digiwelfare.ingest import corpus_import
from digiwelfare.store import JOURNAL, journal_recover

PROSE = f"{EN_1} {EN_2}"


def _run(*args):
    return subprocess.run([sys.executable, "-m", "digiwelfare", "import", *map(str, args)],
                          capture_output=True, text=True)


def test_hostile_files_are_skipped_with_reasons(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    deep = "<html><body>" + "<div>" * 20_000 + f"<p>{PROSE}</p>" + "</div>" * 20_000
    (src / "deep.html").write_text(deep, encoding="utf-8")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:t>" + "a " * 12_000_000 + "</w:t>")
    (src / "bomb.docx").write_bytes(bomb.getvalue())
    (src / "mixed.txt").write_bytes(f"{NB_1} Første.\n".encode() +
                                    "Andre linje på norsk, skrevet i Windows.\n".encode("cp1252"))
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "loop").symlink_to(src)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([[EN_1, EN_2]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    (src / "aes.pdf").write_bytes(buffer.getvalue())
    run = _run(src, "--into", tmp_path / "corpus")
    assert "Traceback" not in run.stderr
    report = pd.read_csv(tmp_path / "corpus" / "import_report.csv", dtype=str,
                         keep_default_na=False)
    why = {r.source.split("/")[-1]: (r.status, r.reason) for r in report.itertuples()}
    assert "nested 20,00" in why["deep.html"][1]
    assert "expands to" in why["bomb.docx"][1]
    assert why["dangling.txt"][0] == "skipped" and "leads nowhere" in why["dangling.txt"][1]
    assert why["loop"][0] == "skipped"
    assert why["aes.pdf"][0] == "imported"  # AES with an empty user password opens
    assert why["mixed.txt"][0] == "imported" and "mixes encodings" in why["mixed.txt"][1]
    docs = corpus_read(tmp_path / "corpus").set_index("id")
    assert "Første" in docs.loc["mixed", "text"] and "Ã" not in docs.loc["mixed", "text"]
    assert "mixes encodings" in run.stderr


def test_broken_targets_and_options_speak_without_tracebacks(tmp_path):
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    into_file = _run(tmp_path / "a.txt", "--into", tmp_path / "afile")
    assert into_file.returncode == 2 and "is a file, not a folder" in into_file.stderr
    bad_type = _run(tmp_path / "a.txt", "--into", tmp_path / "c", "--doc-type", "memo")
    assert bad_type.returncode == 2 and "'memo' is not a document type" in bad_type.stderr
    assert "event_programme" in bad_type.stderr  # the allowed types are named
    corpus = tmp_path / "broken"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "metadata.csv").write_text('id,title\n"a,b\nc,"d,e\n', encoding="utf-8")
    broken = _run(tmp_path / "a.txt", "--into", corpus)
    assert broken.returncode == 2 and "cannot be read" in broken.stderr
    for run in (into_file, bad_type, broken):
        assert "Traceback" not in run.stderr


def test_a_metadata_file_beside_the_inputs_is_checked(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE, encoding="utf-8")
    pd.DataFrame({"file": ["a.txt", "gone.txt"], "year": ["2020", "2021"]}).to_csv(
        src / "metadata.csv", index=False)
    result = corpus_import([src], tmp_path / "c", echo=lambda m: None)
    assert "names a file 'gone.txt'" in " ".join(result.report["reason"])
    pd.DataFrame({"file": ["a.txt", "a.txt"], "year": ["2020", "2021"]}).to_csv(
        src / "metadata.csv", index=False)
    twice = corpus_import([src], tmp_path / "d", echo=lambda m: None).report.set_index("status")
    assert "described twice" in twice.loc["skipped", "reason"]  # one row, for metadata.csv
    assert twice.loc["imported", "source"].endswith("a.txt")  # the file itself is not lost
    pd.DataFrame({"file": ["a.txt"], "yaer": ["2020"]}).to_csv(src / "metadata.csv", index=False)
    unknown = corpus_import([src], tmp_path / "e", echo=lambda m: None).report
    assert "unknown column(s) yaer" in unknown["reason"].iloc[0]
    assert unknown["status"].tolist() == ["skipped", "imported"]


def test_changed_metadata_beside_the_files_updates_on_reimport(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PROSE, encoding="utf-8")
    corpus_import([src], tmp_path / "c", echo=lambda m: None)
    assert pd.isna(corpus_read(tmp_path / "c").iloc[0]["year"])
    pd.DataFrame({"file": ["a.txt"], "year": ["2019"], "doc_type": ["abstract"]}).to_csv(
        src / "metadata.csv", index=False)
    again = corpus_import([src], tmp_path / "c", echo=lambda m: None)
    assert again.report["status"].tolist() == ["updated"]
    assert "year" in again.report["reason"].iloc[0]
    doc = corpus_read(tmp_path / "c").iloc[0]
    assert (doc["year"], doc["doc_type"], doc["year_source"]) == (2019, "abstract",
                                                                  "metadata.csv")
    assert corpus_import([src], tmp_path / "c", echo=lambda m: None).counts() == {
        "unchanged": 1}


def test_concurrent_imports_lose_nothing(tmp_path):
    folders = []
    for k in range(2):
        folder = tmp_path / f"in{k}"
        folder.mkdir()
        for i in range(12):
            (folder / f"d{k}_{i}.txt").write_text(f"Document {k} {i}. {PROSE} Number {k}-{i} "
                                                  f"of the set, written for run {k}.",
                                                  encoding="utf-8")
        folders.append(folder)
    runs = [subprocess.Popen([sys.executable, "-m", "digiwelfare", "import", str(f), "--into",
                              str(tmp_path / "c")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for f in folders]
    for run in runs:
        run.wait(timeout=300)
        assert run.returncode == 0
    docs = corpus_read(tmp_path / "c")
    assert len(docs) == 24
    assert len(list((tmp_path / "c" / "texts").glob("*.txt"))) == 24


def test_an_import_killed_mid_write_is_finished_or_undone(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(PROSE, encoding="utf-8")
    corpus = tmp_path / "c"
    corpus_import([src], corpus, echo=lambda m: None)
    before = {p.name: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    # killed before metadata.csv was replaced: a staged text and a journal for other metadata
    (corpus / "texts" / ".a.txt.new").write_text("new text", encoding="utf-8")
    (corpus / "texts" / ".a.txt.x1.tmp").write_text("half", encoding="utf-8")
    (corpus / JOURNAL).write_text(json.dumps({"ids": ["a"], "meta": "0" * 64}))
    journal_recover(corpus)
    after = {p.name: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert after == before  # undone, strays removed
    # killed after metadata.csv was replaced: the staged text belongs to it, so it goes in
    import hashlib
    meta_hash = hashlib.sha256((corpus / "metadata.csv").read_bytes()).hexdigest()
    (corpus / "texts" / ".a.txt.new").write_text("new text", encoding="utf-8")
    (corpus / JOURNAL).write_text(json.dumps({"ids": ["a"], "meta": meta_hash}))
    journal_recover(corpus)
    assert (corpus / "texts" / "a.txt").read_text("utf-8") == "new text"
    assert not (corpus / JOURNAL).exists()
    assert not any(p.name.startswith(".") and p.suffix in (".new", ".tmp")
                   for p in (corpus / "texts").iterdir())
    assert os.stat(corpus / ".mask_key").st_mode & 0o077 == 0
