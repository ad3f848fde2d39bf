"""The README's generated tables of the import's accuracy, written from the tables that
measured it, so that no number in them is typed.

The blocks, each between ``<!-- name -->`` and ``<!-- /name -->`` in ``README.md``:

- ``import-accuracy``: each labelled set as the rules stand now
  (``results/tables/import_accuracy.csv``, written by ``make all``);
- ``first-scores``: each set's first, blind scoring, from the record
  ``tests/fixtures/exported/first_scores.csv`` (:func:`digiwelfare.importcheck.first_scores_table`);
- ``doctype-crossval``: the document types' leave-one-set-out accuracy
  (``results/tables/doctype_crossval.csv``);
- ``export-accuracy`` and ``export-first-scores``: the labelled sets of catalogue exports,
  record by record, as the rules stand now (``results/tables/export_accuracy.csv``) and the
  first time each was scored (``tests/fixtures/exports_blind/first_scores.csv``);
- ``real-pages``: the importer on web pages annotated by others, as last scored
  (``tests/fixtures/real_pages/snippet_scores.csv``, :mod:`digiwelfare.snippetcheck`).

The benchmarks' blocks (issue #14), each between ``<!-- name -->`` and ``<!-- end name -->``,
are written from the committed files in ``results/bench`` (:func:`bench_blocks`; the file
each reads is in :data:`BENCH_SOURCES`).

``python -m digiwelfare readme-blocks`` rewrites both kinds (``make readme``); with
``--check`` it only says whether the README is out of date. A block's lines take the
indentation of its opening marker, as the README's list items need.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from digiwelfare.importcheck import first_scores_table

#: The tables each block is written from, relative to the repository's root.
SOURCES = {"import-accuracy": Path("results/tables/import_accuracy.csv"),
           "first-scores": Path("tests/fixtures/exported/first_scores.csv"),
           "doctype-crossval": Path("results/tables/doctype_crossval.csv"),
           "export-accuracy": Path("results/tables/export_accuracy.csv"),
           "export-first-scores": Path("tests/fixtures/exports_blind/first_scores.csv"),
           "real-pages": Path("tests/fixtures/real_pages/snippet_scores.csv")}


def import_accuracy_table(table: pd.DataFrame) -> str:
    """The ``import-accuracy`` block: one row per set of ``import_accuracy.csv`` (percentages
    rounded to whole numbers; "years where none is" are the years the import gave a document
    labelled undated)."""
    lines = ["| set | documents | skipped | years right / labelled | years wrong | "
             "years where none is | type accuracy | title accuracy | debris lines left | "
             "prose sentences lost |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in table.itertuples(index=False):
        lines.append(
            f"| {r.set} | {r.documents} | {r.documents - r.imported} | "
            f"{r.year_right} / {r.years_labelled} | {r.year_wrong} | {r.year_invented} | "
            f"{round(100 * r.type_accuracy)} % | {round(100 * r.title_accuracy)} % | "
            f"{r.debris_left} of {r.debris_lines} | {r.prose_lost} of {r.prose_sentences} |")
    return "\n".join(lines) + "\n"


def doctype_crossval_table(table: pd.DataFrame) -> str:
    """The ``doctype-crossval`` block: each set of ``doctype_crossval.csv`` typed by the cue
    file's own weights and by weights fitted on the other sets (its last row pools them)."""
    lines = ["| set | documents | cues, right | fitted on the other sets, right |",
             "| --- | --- | --- | --- |"]
    for r in table.itertuples(index=False):
        lines.append(f"| {r.set} | {r.documents} | "
                     f"{r.cues_right} ({round(100 * r.cues_accuracy)} %) | "
                     f"{r.fitted_right} ({round(100 * r.fitted_accuracy)} %) |")
    return "\n".join(lines) + "\n"


def export_accuracy_table(table: pd.DataFrame) -> str:
    """The ``export-accuracy`` and ``export-first-scores`` blocks: per labelled set of
    catalogue exports (:func:`digiwelfare.importcheck.export_import_accuracy`), the records
    kept and left out, then the fields of the records both labelled and imported; a table
    with a ``scored_with`` column (the first-scores record) names the commit, and either ends
    with a row pooling its sets."""
    first = "scored_with" in table.columns
    lines = ["| set |" + (" scored with |" if first else "") + " records | to import | "
             "imported | the same as another | lost | imported, to leave out | titles right | "
             "years right (of labelled) | types right | languages right | texts right |",
             "| --- |" + (" --- |" if first else "") + " --- | --- | --- | --- | --- | --- | "
             "--- | --- | --- | --- | --- |"]

    def row(r, name: str, commit: str | None) -> str:
        years = (f"{r['year_right']} of {r['years_labelled']} (wrong {r['year_wrong']}, "
                 f"invented {r['year_invented']})")
        cells = [name] + ([commit] if first else []) + [
            str(r["records"]), str(r["to_import"]), str(r["imported"]), str(r["duplicates"]),
            str(r["lost"]), str(r["junk"]), f"{r['titles_right']} of {r['imported']}", years,
            f"{r['types_right']} of {r['imported']}", f"{r['languages_right']} of {r['imported']}",
            f"{r['texts_right']} of {r['imported']}"]
        return "| " + " | ".join(cells) + " |"

    for _, r in table.iterrows():
        lines.append(row(r, r["set"], str(r["scored_with"]) if first else None))
    if len(table) > 1:
        pool = table.drop(columns=[c for c in ("set", "scored_with", "set_from", "note")
                                   if c in table.columns]).sum()
        lines.append(row(pool, f"all {len(table)} sets", "" if first else None))
    return "\n".join(lines) + "\n"


def real_pages_table(table: pd.DataFrame) -> str:
    """The ``real-pages`` block: the record of ``check-snippets`` on pages annotated by others
    (:mod:`digiwelfare.snippetcheck`), all pages and each first language of five pages or
    more, the importer beside trafilatura's extraction alone, with the commit scored."""
    lines = ["| pages | scored with | documents | imported | snippets of the text found | "
             "the same, trafilatura alone | snippets of debris left | the same, trafilatura "
             "alone |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in table.itertuples(index=False):
        if r.pages != "all" and r.documents < 5:
            continue
        lines.append(f"| {r.pages} | {r.scored_with} | {r.documents} | {r.imported} | "
                     f"{r.with_found} of {r.with_} ({round(100 * r.with_found / r.with_)} %) | "
                     f"{r.with_found_alone} ({round(100 * r.with_found_alone / r.with_)} %) | "
                     f"{r.without_left} of {r.without} | {r.without_left_alone} |")
    return "\n".join(lines) + "\n"


#: The benchmarks' blocks and the files in ``results/bench`` each is written from.
BENCH_SOURCES = {"sample check": ("sample_check.csv",),
                 "bench prose": ("bench.json",), "bench table": ("bench.json",),
                 "mixtures table": ("mixtures.json",),
                 "targets": ("bench.json", "pipeline_runs.csv", "pipeline_stages.csv",
                             "guided_cost.json"),
                 "prepare parts": ("prepare_parts.json",),
                 "pipeline runs": ("pipeline_runs.csv",)}


def block_replace(readme: str, name: str, body: str, end: str | None = None) -> str:
    """``readme`` with the lines between ``<!-- name -->`` and ``<!-- /name -->`` (or the
    marker ``end``) replaced by ``body``, each line indented as the opening marker is. A
    README without the pair, or with it twice, is an error that names the block."""
    start, end = f"<!-- {name} -->", end or f"<!-- /{name} -->"
    if readme.count(start) != 1 or readme.count(end) != 1 or \
            readme.index(start) > readme.index(end):
        raise ValueError(f"README: needs exactly one {start} ... {end} block (in that order) "
                         f"to write the {name} table into")
    head, rest = readme.split(start, 1)
    indent = head[head.rfind("\n") + 1:]
    if indent.strip():
        raise ValueError(f"README: {start} must stand on a line of its own")
    tail = rest.split(end, 1)[1]
    lines = "".join(f"{indent}{line}\n" if line else "\n" for line in body.splitlines())
    return f"{head}{start}\n{lines}{indent}{end}{tail}"


def readme_blocks(readme: str, root: Path) -> str:
    """``readme`` with its generated blocks written from the tables under ``root``; a
    table not there yet is named with the command that writes it."""
    missing = [str(p) for p in SOURCES.values() if not (root / p).is_file()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)}: not written yet; run `make all` "
                                "(and `make results/tables/doctype_crossval.csv`) first")
    bodies = {
        "import-accuracy": import_accuracy_table(pd.read_csv(root / SOURCES["import-accuracy"])),
        "first-scores": first_scores_table(root / SOURCES["first-scores"]),
        "doctype-crossval": doctype_crossval_table(pd.read_csv(root / SOURCES["doctype-crossval"])),
        "export-accuracy": export_accuracy_table(pd.read_csv(root / SOURCES["export-accuracy"])),
        "export-first-scores": export_accuracy_table(pd.read_csv(
            root / SOURCES["export-first-scores"], dtype={"scored_with": str})),
        "real-pages": real_pages_table(pd.read_csv(
            root / SOURCES["real-pages"], dtype={"scored_with": str}).rename(
                columns={"with": "with_"})),
    }
    for name, body in bodies.items():
        readme = block_replace(readme, name, body)
    return readme


def bench_blocks(readme: str, root: Path) -> str:
    """``readme`` with the benchmarks' blocks (:data:`BENCH_SOURCES`) written from the
    committed files in ``root / "results" / "bench"``; a file not there is named with the
    command that writes it."""
    import json

    from digiwelfare.bench import bench_prose, bench_table
    from digiwelfare.bench_mixtures import mixtures_table
    from digiwelfare.bench_pipeline import pipeline_table, targets_table
    from digiwelfare.bench_prepare import prepare_parts_table
    from digiwelfare.bench_sample import sample_check_table

    folder = root / "results" / "bench"
    missing = sorted({name for names in BENCH_SOURCES.values() for name in names
                      if not (folder / name).is_file()})
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)}: not in {folder}; `python -m "
                                "digiwelfare.bench --help` lists the options that write them")

    def read(name: str) -> dict:
        return json.loads((folder / name).read_text("utf-8"))

    write = {"sample check": lambda: sample_check_table(pd.read_csv(folder /
                                                                    "sample_check.csv")),
             "bench prose": lambda: bench_prose(read("bench.json")),
             "bench table": lambda: bench_table(read("bench.json")),
             "mixtures table": lambda: mixtures_table(read("mixtures.json")),
             "targets": lambda: targets_table(folder),
             "prepare parts": lambda: prepare_parts_table(read("prepare_parts.json")),
             "pipeline runs": lambda: pipeline_table(folder / "pipeline_runs.csv")}
    assert write.keys() == BENCH_SOURCES.keys()
    for name, body in write.items():
        readme = block_replace(readme, name, body(), end=f"<!-- end {name} -->")
    return readme
