"""The commands that score the importer and fit its type weights on labelled folders
(``check-import``, ``check-exports``, ``check-snippets``, ``doctype-fit``), split from
:mod:`digiwelfare.cli`, which builds their parser and dispatches to them."""

from __future__ import annotations

from pathlib import Path


def _sets_score(args, check, accuracy, misses) -> int:
    """Score labelled folders (``check-import``, ``check-exports``): a summary row each,
    printed, written to ``--out``; with ``--details`` the files or records with a miss."""
    import pandas as pd

    from digiwelfare.files import table_write

    rows = []
    for folder in args.folders:
        result = check(folder)
        rows.append(accuracy(result, Path(folder).name))
        if args.details:
            print(misses(result).to_string(index=False))
    table = pd.concat(rows, ignore_index=True)
    print(table.T.to_string(header=False))
    if args.out:
        table_write(table, Path(args.out))
    return 0


def cmd_check_import(args) -> int:
    from digiwelfare import importcheck as ic

    return _sets_score(args, ic.textstat_import_check, ic.textstat_import_accuracy,
                       ic.textstat_import_misses)


def cmd_check_exports(args) -> int:
    from digiwelfare import importcheck as ic

    return _sets_score(args, ic.export_import_check, ic.export_import_accuracy,
                       ic.export_import_misses)


def cmd_check_snippets(args) -> int:
    from digiwelfare.files import table_write
    from digiwelfare.snippetcheck import snippets_check, snippets_summary

    table = snippets_check(args.pages, args.annotations)
    summary = snippets_summary(table)
    print(summary.to_string(index=False))
    if args.out:
        table_write(table, Path(args.out))
    if args.summary:
        summary.insert(1, "scored_with", args.scored_with)
        table_write(summary, Path(args.summary))
    return 0


def cmd_doctype_fit(args) -> int:
    """Fit the type classifier's weights on labelled folders and write them, with the table of
    leave-one-set-out accuracies."""
    from digiwelfare.config import LEXICON
    from digiwelfare.doctype_fit import (
        DOCTYPE_FIT_SETS,
        doctype_design,
        doctype_examples,
        doctype_weights_fit,
        textstat_doctype_crossval,
    )
    from digiwelfare.files import table_write

    folders = args.folders or [f"tests/fixtures/exported/{s}" for s in DOCTYPE_FIT_SETS]
    examples = doctype_examples(folders)
    table = textstat_doctype_crossval(examples, args.c)
    print(table.to_string(index=False))
    table_write(table, Path(args.table))
    if args.crossval_only:
        print(f"wrote {args.table}")
        return 0
    weights = doctype_weights_fit(doctype_design(examples), examples["doc_type"], args.c)
    out = Path(args.weights) if args.weights else LEXICON / "doc_type_weights.csv"
    weights.to_csv(out, index=False, lineterminator="\n", float_format="%.2f")
    print(f"wrote {out} ({len(weights) - 1} features) and {args.table}")
    return 0
