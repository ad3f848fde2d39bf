"""How well the import does on labelled documents: a folder of exported pages with
``labels.csv`` (true title, year, type and languages of each file), ``debris.csv`` (lines
that must not survive) and ``prose.csv`` (sentences that must), as in
``tests/fixtures/exported/``.

:func:`textstat_import_check` imports the folder into a scratch corpus and compares, file by
file; :func:`textstat_import_accuracy` sums that up. ``python -m digiwelfare check-import
FOLDER...`` prints both; ``make all`` publishes the summary as
``results/tables/import_accuracy.csv``.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pandas as pd

from digiwelfare.clean import line_is_sentence, text_normalize
from digiwelfare.corpus import corpus_read
from digiwelfare.identifiers import Masker
from digiwelfare.ingest import corpus_import
from digiwelfare.runs import LANGUAGES


def _norm(text: str) -> str:
    return " ".join(text_normalize(text).split()).lower()


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def title_matches(found: str, label: str) -> bool:
    """Whether a derived title counts as the labelled one: the same words, or one of the two is
    the other followed by ": " and a subtitle (after a title's own "?" or "!", a space). The
    sets' conventions differ on covers that split title and subtitle (the dev labels give the
    main title, the held-out labels "Title: subtitle"); either is the title a reader would
    give, but a title that only shares a start with the label ("Title — other words", "Title
    and more") does not count."""
    a, b = _norm(found), _norm(label)
    if not a or not b:
        return a == b
    if _words(a) == _words(b):
        return True
    short, long = sorted((a, b), key=len)
    # a title that asks or exclaims ends in its own mark, which stands for the colon
    # ("Who falls outside? Early evidence ..."), as a cover prints it
    stems = [short.rstrip(" :") + ": "] + ([short + " "] if short.endswith(("?", "!")) else [])
    return any(long.startswith(stem) and bool(_words(long[len(stem):])) for stem in stems)


def _debris_left(lines: list[str], text: str, masker: Masker) -> list[str]:
    """The debris lines still in ``text``: a line of it equal to one, or (for a debris line of
    three words or more) a line that holds it and is no sentence, as when two lines were
    glued. A one- or two-word debris line ("Norsk", "Status") inside a longer line of text
    ("Norsk sammendrag") is a word of that line, not the debris."""
    out_lines = [_norm(ln) for ln in text.split("\n") if ln.strip()]
    left = []
    for line in lines:
        key = _norm(masker.mask(line))
        if not key:
            continue  # nothing of it survives normalisation (an e-mail protection mark)
        for out in out_lines:
            if out == key or (len(key.split()) >= 3 and key in out and not line_is_sentence(out)
                              and re.search(rf"(^|\W){re.escape(key)}($|\W)", out)):
                left.append(line)
                break
    return left


def _analysed(tag: str) -> str:
    """A language tag's codes of the languages the compendium analyses, in their order."""
    return ";".join(c for c in tag.split(";") if c in LANGUAGES)


def textstat_import_check(folder: str | Path, into: str | Path | None = None) -> pd.DataFrame:
    """Import the labelled files of ``folder`` and compare each with its labels: ``file,
    status, title_ok, year_true, year_found, year_source, year_result (right, missing, wrong,
    invented, none), type_true, type_found, type_source, languages_true, languages_found,
    languages_other, debris_lines, debris_left, prose_sentences, prose_lost, left`` (the
    debris lines left, joined by " | "). The sets label the five languages the compendium
    analyses (a Polish notice on a Bokmål page is no label's part), so ``languages_found``
    holds the found tag's codes of those five, compared with the label, and
    ``languages_other`` the codes of other languages the importer named."""
    folder = Path(folder)
    labels = pd.read_csv(folder / "labels.csv", dtype=str, keep_default_na=False)
    debris = pd.read_csv(folder / "debris.csv", dtype=str, keep_default_na=False)
    prose = pd.read_csv(folder / "prose.csv", dtype=str, keep_default_na=False)
    with tempfile.TemporaryDirectory(prefix="import-check-") as tmp:
        target = Path(into) if into else Path(tmp) / "corpus"
        files = [folder / f for f in labels["file"]]
        result = corpus_import(files, target, echo=lambda line: None)
        docs = corpus_read(target).set_index("id") if (target / "metadata.csv").is_file() \
            else pd.DataFrame()
        masker = Masker((target / ".mask_key").read_bytes().strip())
    report = result.report.assign(file=[Path(s).name for s in result.report["source"]])
    rows = []
    for label in labels.itertuples(index=False):
        got = report[report["file"] == label.file]
        status = got["status"].iloc[0] if len(got) else "missing"
        doc = docs.loc[got["id"].iloc[0]] if status == "imported" else None
        year = "" if doc is None or pd.isna(doc["year"]) else str(int(doc["year"]))
        if label.year and year == label.year:
            year_result = "right"
        elif label.year and not year:
            year_result = "missing"
        elif label.year:
            year_result = "wrong"
        else:
            year_result = "invented" if year else "none"
        text = "" if doc is None else doc["text"]
        lines = debris.loc[debris["file"] == label.file, "line"].tolist()
        left = _debris_left(lines, text, masker)
        sentences = prose.loc[prose["file"] == label.file, "sentence"].tolist()
        lost = [s for s in sentences if _words(masker.mask(s)) not in _words(text)]
        rows.append({
            "file": label.file, "status": status,
            "title_ok": doc is not None and title_matches(doc["title"], label.title),
            "title_found": "" if doc is None else doc["title"],
            "year_true": label.year, "year_found": year,
            "year_source": "" if doc is None else doc.get("year_source", ""),
            "year_result": year_result, "type_true": label.doc_type,
            "type_found": "" if doc is None else doc["doc_type"],
            "type_source": "" if doc is None else doc.get("doc_type_source", ""),
            "languages_true": label.languages,
            "languages_found": _analysed(found_tag := "" if doc is None else doc["language"]),
            "languages_other": ";".join(c for c in found_tag.split(";")
                                        if c and c not in LANGUAGES),
            "debris_lines": len(lines), "debris_left": len(left), "prose_sentences": len(sentences),
            "prose_lost": len(lost), "left": " | ".join(left), "lost": " | ".join(lost)})
    return pd.DataFrame(rows)


def textstat_import_accuracy(check: pd.DataFrame, name: str = "") -> pd.DataFrame:
    """One row of rates from :func:`textstat_import_check`: ``set, documents, imported,
    years_labelled, year_right, year_missing, year_wrong, year_invented, type_accuracy,
    title_accuracy, languages_accuracy, debris_lines, debris_left, prose_sentences,
    prose_lost``."""
    ok = check["status"] == "imported"
    years = check["year_result"]
    return pd.DataFrame([{
        "set": name, "documents": len(check), "imported": int(ok.sum()),
        "years_labelled": int((check["year_true"] != "").sum()),
        "year_right": int((years == "right").sum()),
        "year_missing": int((years == "missing").sum()),
        "year_wrong": int((years == "wrong").sum()),
        "year_invented": int((years == "invented").sum()),
        "type_accuracy": float((check["type_true"] == check["type_found"]).mean()),
        "title_accuracy": float(check["title_ok"].mean()),
        "languages_accuracy": float((check["languages_true"] == check["languages_found"]).mean()),
        "debris_lines": int(check["debris_lines"].sum()),
        "debris_left": int(check["debris_left"].sum()),
        "prose_sentences": int(check["prose_sentences"].sum()),
        "prose_lost": int(check["prose_lost"].sum())}])


def textstat_import_misses(check: pd.DataFrame) -> pd.DataFrame:
    """The files of :func:`textstat_import_check` with a miss (debris left, a year not right,
    a wrong type), with what went wrong."""
    miss = check.debris_left.gt(0) | ~check.year_result.isin(["right", "none"]) | \
        check.type_true.ne(check.type_found)
    return check[miss][["file", "year_result", "type_true", "type_found", "debris_left", "left"]]


def export_import_misses(check: pd.DataFrame) -> pd.DataFrame:
    """The records of :func:`export_import_check` with a miss: kept or left out against the
    labels, or kept with a wrong title, text, type, year or language."""
    right = check["title_ok"] & check["text_ok"] & check["type_true"].eq(check["type_found"]) \
        & check["year_result"].isin(["right", "none"]) \
        & check["language_true"].eq(check["language_found"])
    miss = check["expect"].ne(check["status"]) | (check["status"].eq("imported") & ~right)
    return check[miss][["file", "record", "expect", "status", "title_ok", "year_result",
                        "type_true", "type_found", "language_found", "text_ok", "reason"]]


def export_import_check(folder: str | Path) -> pd.DataFrame:
    """Import a labelled set of catalogue exports (``tests/fixtures/exports_blind/<set>``: the
    export files and ``records.csv``, one row per record of each file: ``file, record, expect,
    title, year, doc_type, language, text_start, text_end``) and compare record by record:
    ``file, record, expect, status, title_ok, title_found, year_true, year_found, year_result,
    type_true, type_found, language_true, language_found, text_ok, reason``. A record is found
    by its file and number in the import's report; a file the import read as no export at all
    counts as one document, its first record; ``text_ok`` says that the first and the last
    words the labels give stand in the document's text."""
    folder = Path(folder)
    labels = pd.read_csv(folder / "records.csv", dtype=str, keep_default_na=False)
    files = list(dict.fromkeys(folder / f for f in labels["file"]))  # in the labels' order
    with tempfile.TemporaryDirectory(prefix="export-check-") as tmp:
        target = Path(tmp) / "corpus"
        result = corpus_import(files, target, echo=lambda line: None)
        docs = corpus_read(target).set_index("id") if (target / "metadata.csv").is_file() \
            else pd.DataFrame()
        masker = Masker((target / ".mask_key").read_bytes().strip())
    # a record's file as records.csv names it: its path inside the set's folder (a folder of
    # notes, "reading-notes/note.md"), else its name
    def inside(source: str) -> str:
        path = Path(source.split("#")[0])
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            return path.name

    report = result.report.assign(file=[inside(s) for s in result.report["source"]])
    rows = []
    for label in labels.itertuples(index=False):
        got = report[(report["file"] == label.file) & (report["record"] == label.record)]
        if got.empty:  # a file read as one document, or refused as a whole
            whole = report[(report["file"] == label.file) & (report["record"] == "0")]
            got = whole if label.record == "1" or whole["status"].eq("skipped").all() else got
        status = got["status"].iloc[0] if len(got) else "missing"
        doc = docs.loc[got["id"].iloc[0]] if status == "imported" else None
        year = "" if doc is None or pd.isna(doc["year"]) else str(int(doc["year"]))
        if label.year and year == label.year:
            year_result = "right"
        elif label.year and not year:
            year_result = "missing"
        elif label.year:
            year_result = "wrong"
        else:
            year_result = "invented" if year else "none"
        text = "" if doc is None else _words(doc["text"])
        ends = [_words(masker.mask(s)) for s in (label.text_start, label.text_end) if s.strip()]
        rows.append({
            "file": label.file, "record": label.record, "expect": label.expect,
            "status": status,
            "title_ok": doc is not None and title_matches(doc["title"], label.title),
            "title_found": "" if doc is None else doc["title"],
            "year_true": label.year, "year_found": year, "year_result": year_result,
            "type_true": label.doc_type, "type_found": "" if doc is None else doc["doc_type"],
            "language_true": label.language,
            # the labels give a record's first language; the corpus tags each ("en;nb")
            "language_found": "" if doc is None else doc["language"].split(";")[0],
            "text_ok": doc is not None and bool(ends) and all(e in text for e in ends),
            "reason": got["reason"].iloc[0] if len(got) else ""})
    return pd.DataFrame(rows)


def export_import_accuracy(check: pd.DataFrame, name: str = "") -> pd.DataFrame:
    """One row of counts from :func:`export_import_check`: ``set, records, to_import,
    imported, duplicates`` (to import, and found the same text as another record: the same
    article in two databases' exports), ``lost`` (to import, left out otherwise), ``junk``
    (to leave out, imported), then among the records both labelled and imported:
    ``titles_right, years_labelled, year_right, year_missing, year_wrong, year_invented,
    types_right, languages_right, texts_right``."""
    want = check["expect"] == "imported"
    got = check["status"] == "imported"
    dupe = check["status"] == "duplicate"
    both = check[want & got]
    years = both["year_result"]
    return pd.DataFrame([{
        "set": name, "records": len(check), "to_import": int(want.sum()),
        "imported": int((want & got).sum()), "duplicates": int((want & dupe).sum()),
        "lost": int((want & ~got & ~dupe).sum()), "junk": int((~want & (got | dupe)).sum()),
        "titles_right": int(both["title_ok"].sum()),
        "years_labelled": int((both["year_true"] != "").sum()),
        "year_right": int((years == "right").sum()),
        "year_missing": int((years == "missing").sum()),
        "year_wrong": int((years == "wrong").sum()),
        "year_invented": int((years == "invented").sum()),
        "types_right": int((both["type_true"] == both["type_found"]).sum()),
        "languages_right": int((both["language_true"] == both["language_found"]).sum()),
        "texts_right": int(both["text_ok"].sum())}])


def first_scores_table(path: str | Path) -> str:
    """The README's table of each labelled set's first blind scoring, from the record
    ``tests/fixtures/exported/first_scores.csv`` (one row per set: the commit whose rules
    scored it, then counts), with a last row pooling the sets: every count summed, so a
    percentage there is of all documents, not a mean of the sets' percentages. An empty
    count (the README of an early set never stated it) stays empty and is left out of the
    pool, which then says over how many documents it is."""
    table = pd.read_csv(path, dtype={"scored_with": str, "set_from": str})

    def cell(row, num: str, den: str, share: bool = False) -> str:
        if pd.isna(row[num]) or pd.isna(row[den]):
            return "–"
        n, d = int(row[num]), int(row[den])
        return f"{n} of {d} ({100 * n / d:.0f} %)" if share else f"{n} of {d}"

    def years(row) -> str:
        parts = [f"{int(row['years_right'])} of {int(row['years_labelled'])}"]
        for col, word in (("years_missing", "missing"), ("years_wrong", "wrong"),
                          ("years_invented", "invented")):
            parts.append(f"{word} {'–' if pd.isna(row[col]) else int(row[col])}")
        return ", ".join(parts)

    lines = ["| set | scored with | years right (of labelled) | types right | titles right | "
             "debris lines left | prose sentences lost |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for _, row in table.iterrows():
        commit = row["scored_with"] if isinstance(row["scored_with"], str) else "–"
        lines.append(f"| {row['set']} | {commit} | {years(row)} | "
                     f"{cell(row, 'types_right', 'documents', True)} | "
                     f"{cell(row, 'titles_right', 'documents', True)} | "
                     f"{cell(row, 'debris_left', 'debris_lines')} | "
                     f"{cell(row, 'prose_lost', 'prose_sentences')} |")
    pool = {}
    for num, den in (("years_right", "years_labelled"), ("types_right", "documents"),
                     ("titles_right", "documents"), ("debris_left", "debris_lines"),
                     ("prose_lost", "prose_sentences")):
        both = table[[num, den]].dropna()
        pool[num], pool[den] = int(both[num].sum()), int(both[den].sum())
    for col in ("years_missing", "years_wrong", "years_invented"):
        pool[col] = int(table[col].fillna(0).sum())
    lines.append(f"| all {len(table)} sets | | {years(pool)} | "
                 f"{cell(pool, 'types_right', 'documents', True)} | "
                 f"{cell(pool, 'titles_right', 'documents', True)} | "
                 f"{cell(pool, 'debris_left', 'debris_lines')} | "
                 f"{cell(pool, 'prose_lost', 'prose_sentences')} |")
    return "\n".join(lines) + "\n"
