"""The importer scored on web pages annotated elsewhere: for each page, snippets that belong to
its text and snippets that do not (the annotation format of trafilatura's evaluation set, a
JSON object of ``{url: {"file": ..., "with": [...], "without": [...]}}``). Each page is
imported as a researcher would import it, and its title and cleaned text are searched for the
snippets; beside it, trafilatura's own extraction of the same page, as a reference. The pages
are not ours and are never committed: ``check-snippets`` reads them where they lie.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pandas as pd

from digiwelfare.ingest import corpus_import


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _extraction_alone(path: Path) -> str:
    """trafilatura's main text of a page, with the options its evaluation uses."""
    import trafilatura

    try:
        return trafilatura.extract(path.read_bytes(), include_comments=False,
                                   include_tables=True, include_formatting=False) or ""
    except Exception:  # noqa: BLE001 - a reference only; a page it cannot read scores 0
        return ""


def snippets_check(pages: str | Path, annotations: str | Path) -> pd.DataFrame:
    """One row a page of ``annotations`` found under ``pages``: ``file, status, language,
    with, with_found, without, without_left`` for the importer, and ``with_found_alone,
    without_left_alone`` for trafilatura's extraction alone. A page the importer skipped
    finds no snippet (its status says why)."""
    pages = Path(pages)
    items = json.loads(Path(annotations).read_text("utf-8"))
    if not isinstance(items, dict):
        raise ValueError(f"{annotations}: expected a JSON object of url -> {{file, with, "
                         "without}} (trafilatura's evaldata.json format)")
    # a page saved under a name without its suffix (".../colours.alhelm.net") is read from a
    # copy with ".html" added, as the importer reads a file by its suffix
    files = {name: v for v in items.values()
             for name in (v["file"], v["file"] + ".html") if (pages / name).is_file()}
    if not files:
        raise ValueError(f"{pages}: none of the {len(items)} annotated files is there; "
                         "point to the folder that holds them")
    with tempfile.TemporaryDirectory(prefix="snippets-") as tmp:
        result = corpus_import([pages / f for f in sorted(files)], Path(tmp) / "corpus",
                               echo=lambda line: None)
        meta = pd.read_csv(Path(tmp) / "corpus" / "metadata.csv", dtype=str,
                           keep_default_na=False) if (Path(tmp) / "corpus" /
                                                      "metadata.csv").is_file() else None
        texts = {}
        if meta is not None:
            for row in meta.itertuples(index=False):
                body = (Path(tmp) / "corpus" / "texts" / f"{row.id}.txt").read_text("utf-8")
                texts[Path(row.source).name] = (_norm(row.title + " " + body), row.language)
    report = result.report.assign(file=[Path(s).name for s in result.report["source"]])
    rows = []
    for name in sorted(files):
        item = files[name]
        got = report[report["file"] == name]
        text, language = texts.get(name, ("", ""))
        alone = _norm(_extraction_alone(pages / name))
        withs, withouts = [_norm(s) for s in item["with"]], [_norm(s) for s in item["without"]]
        rows.append({
            "file": name, "status": got["status"].iloc[0] if len(got) else "missing",
            "language": language, "with": len(withs),
            "with_found": sum(s in text for s in withs), "without": len(withouts),
            "without_left": sum(s in text for s in withouts),
            "with_found_alone": sum(s in alone for s in withs),
            "without_left_alone": sum(s in alone for s in withouts)})
    return pd.DataFrame(rows)


def snippets_summary(table: pd.DataFrame) -> pd.DataFrame:
    """The check's totals, for all pages and by the first language the importer found in
    each (``de;nb`` counts as ``de``)."""
    rows = []
    first = table["language"].str.split(";").str[0]
    groups = [("all", table), *((lang, part) for lang, part in table.groupby(first) if lang)]
    for name, part in groups:
        rows.append({"pages": name, "documents": len(part),
                     "imported": int((part["status"] == "imported").sum()),
                     "with": int(part["with"].sum()),
                     "with_found": int(part["with_found"].sum()),
                     "with_found_alone": int(part["with_found_alone"].sum()),
                     "without": int(part["without"].sum()),
                     "without_left": int(part["without_left"].sum()),
                     "without_left_alone": int(part["without_left_alone"].sum())})
    return pd.DataFrame(rows)
