"""The corpus folder as an import finds and leaves it: read and checked, changed in memory,
then written in one transaction (texts staged, a journal naming them and the metadata they
belong to, ``metadata.csv`` replaced, texts moved in), so that an import killed at any point
leaves the corpus as it was or as it will be; the next import finishes or undoes it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from digiwelfare.corpus import COLUMNS
from digiwelfare.files import file_write_atomic
from digiwelfare.identifiers import KINDS

REPORT_COLUMNS = ("source", "record", "status", "id", "duplicate_of", "reason",
                  *(f"masked_{k}" for k in KINDS))
EXTRA_COLUMNS = ("source", "derived")
JOURNAL = ".import-journal.json"


class ImportFailure(RuntimeError):
    """The corpus folder itself cannot be imported into; the message says why and what to do."""


def words_shingles(text: str, n: int = 5) -> frozenset[str]:
    words = re.findall(r"\w+", text.lower())
    return frozenset(" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.lower())).encode()).hexdigest()


@dataclass
class CorpusState:
    folder: Path
    rows: dict[str, dict]
    texts: dict[str, str]
    report: pd.DataFrame
    columns: list[str]
    debris: dict[str, list[str]] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    shingles: dict[str, frozenset[str]] = field(default_factory=dict)
    by_source: dict[str, str] = field(default_factory=dict)

    def add(self, doc_id: str, row: dict, text: str) -> None:
        self.rows[doc_id], self.texts[doc_id] = row, text
        self.fingerprints[text_fingerprint(text)] = doc_id
        self.shingles[doc_id] = words_shingles(text)
        if row.get("source"):
            self.by_source[row["source"]] = doc_id


def csv_strict_read(text: str) -> pd.DataFrame:
    """A CSV table (all strings) that must be well formed: quotes balanced, every row as long
    as the header; raises ValueError saying where it is not."""
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as err:
        raise ValueError(f"{err} (an unbalanced quote?)") from None
    if not rows:
        raise ValueError("no header")
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]) and any(cell.strip() for cell in row):
            raise ValueError(f"row {n} has {len(row)} fields, the header {len(rows[0])}")
    return pd.DataFrame([r for r in rows[1:] if any(c.strip() for c in r)], columns=rows[0],
                        dtype=str)


def table_read(path: Path, what: str) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        return csv_strict_read(path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise ImportFailure(f"{path}: the corpus's {what} cannot be read ("
                            f"{str(err).splitlines()[0][:80]}); restore it from a copy or "
                            "import into a new folder") from None


def store_open(into: Path) -> CorpusState:
    """Check the corpus folder, finish or undo an import that was killed, and read it."""
    if into.exists() and not into.is_dir():
        raise ImportFailure(f"--into {into}: is a file, not a folder; give a corpus folder")
    (into / "texts").mkdir(parents=True, exist_ok=True)
    journal_recover(into)
    meta = table_read(into / "metadata.csv", "metadata.csv")
    if meta is not None and "id" not in meta.columns:
        raise ImportFailure(f"{into / 'metadata.csv'}: has no 'id' column; it is not a corpus "
                            "made by import")
    meta = meta if meta is not None else pd.DataFrame(columns=[*COLUMNS, *EXTRA_COLUMNS])
    report = table_read(into / "import_report.csv", "import_report.csv")
    report = report if report is not None else pd.DataFrame(columns=REPORT_COLUMNS)
    columns = [*COLUMNS, *[c for c in meta.columns if c not in COLUMNS]]
    columns += [c for c in EXTRA_COLUMNS if c not in columns]
    state = CorpusState(into, {}, {}, report, columns)
    for row in meta.to_dict("records"):
        path = into / "texts" / f"{row['id']}.txt"
        if path.is_file():
            state.add(row["id"], {c: row.get(c, "") for c in columns}, path.read_text("utf-8"))
    return state


def journal_recover(into: Path) -> None:
    """Finish an import killed after it wrote metadata.csv, or undo one killed before."""
    journal = into / JOURNAL
    for tmp in (into / "texts").glob(".*.tmp"):
        tmp.unlink(missing_ok=True)  # half-written by a killed run
    if not journal.is_file():
        return
    plan = json.loads(journal.read_text("utf-8"))
    meta = into / "metadata.csv"
    committed = meta.is_file() and hashlib.sha256(meta.read_bytes()).hexdigest() == plan["meta"]
    for doc_id in plan["ids"]:
        staged = into / "texts" / f".{doc_id}.txt.new"
        if committed and staged.is_file():
            os.replace(staged, into / "texts" / f"{doc_id}.txt")
        staged.unlink(missing_ok=True)
    journal.unlink()


def store_write(state: CorpusState, changed: list[str], report: list[dict]) -> None:
    """Texts and metadata change together: new texts are staged, a journal names them and the
    metadata they belong to, metadata.csv is replaced, then the texts; a run killed at any
    point is finished or undone by the next (:func:`journal_recover`)."""
    into = state.folder
    table = pd.DataFrame(list(state.rows.values()), columns=state.columns).fillna("")
    meta_bytes = table.sort_values("id").to_csv(index=False, lineterminator="\n").encode()
    for doc_id in changed:
        file_write_atomic(into / "texts" / f".{doc_id}.txt.new", state.texts[doc_id].encode())
    file_write_atomic(into / JOURNAL, json.dumps(
        {"ids": changed, "meta": hashlib.sha256(meta_bytes).hexdigest()}).encode())
    file_write_atomic(into / "metadata.csv", meta_bytes)
    journal_recover(into)
    merged = {(r["source"], r["record"]): r for r in state.report.to_dict("records")}
    for r in report:
        key = (r["source"], r["record"])
        if r["status"] == "unchanged" and key in merged:
            continue  # a rerun keeps the row that says how the document first came in
        merged[key] = r
    full = pd.DataFrame(sorted(merged.values(), key=lambda r: (r["source"], int(r["record"]))),
                        columns=REPORT_COLUMNS)
    file_write_atomic(into / "import_report.csv",
                      full.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    debris_write(into / "import_debris.csv", state.debris)


def debris_write(path: Path, debris: dict[str, list[str]]) -> None:
    """Lines the import removed, per document and reason (``id, rule, lines``), merged with
    what earlier imports recorded for other documents."""
    old = table_read(path, "import_debris.csv")
    rows = [] if old is None else [r for r in old.to_dict("records") if r["id"] not in debris]
    for doc_id, reasons in debris.items():
        rows += [{"id": doc_id, "rule": rule, "lines": str(reasons.count(rule))}
                 for rule in sorted(set(reasons))]
    table = pd.DataFrame(rows, columns=["id", "rule", "lines"]).sort_values(["id", "rule"])
    file_write_atomic(path, table.to_csv(index=False, lineterminator="\n").encode("utf-8"))


