"""Command line: ``python -m digiwelfare <command>``; ``--help`` lists the commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from digiwelfare.cli_checks import (
    cmd_check_exports,
    cmd_check_import,
    cmd_check_snippets,
    cmd_doctype_fit,
)


def _jsonschema_iri_skip() -> None:
    """Keep jsonschema from loading ``rfc3987_syntax`` in this process.

    nbformat imports jsonschema, whose "iri" format check builds a grammar from
    ``rfc3987_syntax`` (installed for JupyterLab) at import: about 4 CPU seconds on every
    notebook run. Notebook validation never uses format checks (nbformat's schemas have no
    "iri" format), and without the module jsonschema leaves that one check out, as it does
    when the package is not installed. A process that imported it already keeps it.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def _cmd_run(args) -> int:
    _jsonschema_iri_skip()
    import papermill

    from digiwelfare.notebook import NotebookFailed, notebook_run, params_read
    from digiwelfare.params import ParamsError

    if not Path(args.notebook).is_file():
        print(f"FAILED {args.notebook}: no such notebook", file=sys.stderr)
        return 1
    overrides, where = {}, {}
    for name, value in args.param:
        try:
            overrides[name] = yaml.safe_load(value)
        except yaml.YAMLError:
            overrides[name] = value  # not YAML: taken as text, and checked as such
        where[name] = f"the command line (-p {name} {value})"
    declared = papermill.inspect_notebook(args.notebook)
    # --corpus and --out go to every notebook that reads a corpus or writes outputs, and
    # quietly past one that does neither (the validation notebook makes its own data).
    for name, value in (("corpus", args.corpus), ("out", args.out)):
        if value is not None and name in declared:
            overrides[name], where[name] = value, f"the option --{name} {value}"
    # Every parameter is checked before papermill starts: a bad one stops here with a
    # message, never a traceback, and nothing (least of all a good output) is touched.
    try:
        params = params_read(args.params, overrides, notebook=args.notebook, where=where)
    except ParamsError as err:
        print(f"FAILED {Path(args.output).stem}: {err}", file=sys.stderr)
        return 2
    if "out" in declared and "out" not in params:
        # A notebook's default `out = None` is a scratch folder, for runs by hand; a
        # pipeline step writes the published tree unless told otherwise (`-p out null`:
        # the scratch folder, reading the published caches).
        params["out"] = "."
    name = Path(args.output).stem
    out_root = Path(args.out).resolve() if args.out else Path(args.output).resolve().parent
    timing = out_root / "build" / "timings" / f"{name}.txt"
    import resource
    import tempfile

    # A warm kernel is not this process's child: its launcher writes the kernel's CPU here
    handle, kernel_cpu = tempfile.mkstemp(prefix="digiwelfare-cpu-", suffix=".txt")
    os.close(handle)
    os.environ["DIGIWELFARE_KERNEL_CPU"] = kernel_cpu
    try:
        seconds = notebook_run(args.notebook, args.output, params,
                               progress=sys.stderr.isatty(),
                               cell_times=timing.with_suffix(".cells.txt"))
    except NotebookFailed as err:
        print(f"FAILED {name}: {err}", file=sys.stderr)
        return 1
    finally:
        os.environ.pop("DIGIWELFARE_KERNEL_CPU", None)
        forked = Path(kernel_cpu).read_text(encoding="utf-8").split()
        os.unlink(kernel_cpu)
    print(f"{name:<34} {seconds:7.1f} s", flush=True)
    # CPU seconds of this process and of the kernel it ran (a child, reaped by now, or a
    # warm kernel, whose launcher wrote its seconds): what a run costs on a busy machine,
    # where its wall time also counts the other runs' work
    cpu = sum(getattr(resource.getrusage(who), f) for who in (
        resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))
    cpu += sum(float(v) for v in forked)
    timing.parent.mkdir(parents=True, exist_ok=True)
    timing.write_text(f"{seconds:.1f}\n")
    timing.with_suffix(".cpu.txt").write_text(f"{cpu:.1f}\n")
    return 0


def _cmd_manifest(args) -> int:
    _jsonschema_iri_skip()
    import json

    from digiwelfare.config import ROOT
    from digiwelfare.files import file_write_atomic
    from digiwelfare.report import manifest_build

    out = Path(args.out).resolve()
    manifest = manifest_build(ROOT, Path(args.corpus).resolve(), out, Path(args.params).resolve())
    file_write_atomic(out / "results" / "manifest.json",
                      (json.dumps(manifest, indent=1, sort_keys=True, default=str) + "\n").encode())
    return 0


def _cmd_verify(args) -> int:
    """Rebuild every output from a clean copy of the committed sources and compare."""
    import shutil
    import subprocess
    import tempfile

    from digiwelfare.config import ROOT
    from digiwelfare.report import outputs_compare

    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    with tempfile.TemporaryDirectory(prefix="digiwelfare-verify-") as tmp:
        copy = Path(tmp) / "compendium"
        for rel in filter(None, tracked):
            if (ROOT / rel).is_file():
                (copy / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, copy / rel)
        # The environment is shared, not rebuilt: it must be up to date, or the copy's make
        # would reinstall the package into it.
        stamp = ROOT / ".venv" / ".installed"
        if not stamp.is_file() or any(stamp.stat().st_mtime < (ROOT / f).stat().st_mtime
                                      for f in ("requirements.lock", "pyproject.toml")):
            print("verify: run `make env` first: .venv is older than requirements.lock",
                  file=sys.stderr)
            return 1
        (copy / ".venv").symlink_to(ROOT / ".venv")
        # the copy's code, not ours; and a make of its own (with its own job slots), not one
        # that thinks it runs under `make verify`
        env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS",
                                                                "MFLAGS")}
        env["PYTHONPATH"] = str(copy / "src")
        print(f"verify: rebuilding everything in {copy} (a few minutes)", flush=True)
        subprocess.run(["make", "--no-print-directory", "clean"], cwd=copy, env=env, check=True,
                       capture_output=True)
        build = subprocess.run(["make", "--no-print-directory", "all"], cwd=copy, env=env)
        if build.returncode:
            print("verify: the rebuild failed (see above)", file=sys.stderr)
            return 1
        n, differences = outputs_compare(ROOT, copy)
    if differences:
        print(f"verify: {len(differences)} of {n} outputs differ:")
        for line in differences:
            print("  " + line)
        return 1
    print(f"verify: all {n} outputs reproduced")
    return 0


def _cmd_validate(args) -> int:
    from digiwelfare.corpus import CorpusError, corpus_read, textstat_counts

    try:
        corpus = corpus_read(args.corpus)
    except CorpusError as err:
        print(err, file=sys.stderr)
        return 1
    counts = textstat_counts(corpus, ["doc_type", "language"])
    print(f"{args.corpus}: {len(corpus)} documents, {int(counts['words'].sum())} words, valid")
    print(counts.to_string(index=False))
    return 0


def _cmd_import(args) -> int:
    from digiwelfare.ingest import ImportFailure, corpus_import

    def echo(line: str) -> None:
        print(line, file=sys.stderr)

    try:
        result = corpus_import(args.sources, args.into, replace=args.replace,
                               mask_names=args.mask_names, doc_type=args.doc_type,
                               max_bytes=int(args.max_mb * 1_000_000), echo=echo)
    except ImportFailure as err:
        print(f"import: {err}", file=sys.stderr)
        return 2
    counts = result.counts()
    total = sum(counts.values())
    if total == 0:
        print("import: no input files found in " + ", ".join(args.sources), file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    masked = result.report.filter(like="masked_").astype(int).sum()
    masked_text = ", ".join(f"{n} {k.removeprefix('masked_')}" for k, n in masked.items() if n)
    print(f"{total} inputs: {summary} -> {args.into} (report: {args.into}/import_report.csv)"
          + (f"; identifiers masked: {masked_text}" if masked_text else ""))
    return 0 if counts.get("skipped", 0) < total else 1


def _cmd_tasks(args) -> int:
    """Write the validation tasks of notebook 11 for coders, with the parameters it runs
    with, so that the tasks coders answer are the tasks it scores."""
    from digiwelfare.coding import descriptions_read
    from digiwelfare.config import ROOT, paths_resolve
    from digiwelfare.dictionaries import dictionary_read
    from digiwelfare.notebook import params_read
    from digiwelfare.params import ParamsError, notebook_parameters
    from digiwelfare.tasksets import tasksets_make, tasksets_write, texts_read
    from digiwelfare.topics import model_read

    notebook = ROOT / "notebooks" / "11_validate_coding.ipynb"
    overrides = {k: v for k, v in (("corpus", args.corpus), ("out", args.out)) if v is not None}
    if args.languages is not None:
        overrides["languages"] = args.languages.split()
    try:
        params = notebook_parameters(notebook) | params_read(args.params, overrides,
                                                             notebook=notebook)
    except ParamsError as err:
        print(f"tasks: {err}", file=sys.stderr)
        return 2
    paths = paths_resolve(params["corpus"], params["out"])
    dictionary = ROOT / params["dictionary_file"]
    try:
        for lang in params["languages"]:  # a missing model is named before the slow part
            model_read(paths.model_dir(lang))
        texts = texts_read(paths)
        made = [ts for lang in params["languages"] for ts in tasksets_make(
            paths, texts, lang, dictionary_read(dictionary), descriptions_read(dictionary),
            params["seed"], params["words_per_task"], params["word_tasks_per_topic"],
            params["wordset_tasks_per_topic"], params["topic_docs"],
            params["sentences_per_stratum"])]
    except (FileNotFoundError, ValueError) as err:
        print(f"tasks: {err}", file=sys.stderr)
        return 1
    into = Path(args.into) if Path(args.into).is_absolute() else ROOT / args.into
    for path in tasksets_write(made, into):
        print(path)
    print(f"tasks: hand the .html forms (or the .csv sheets) in {into / 'tasks'} to coders; "
          f"keep {into / 'key'} to yourself; put their answer files in {into / 'answers'} "
          "and run `make all`")
    return 0


def _cmd_report(args) -> int:
    from digiwelfare.config import ROOT
    from digiwelfare.report import report_build

    report_build(ROOT, Path(args.out).resolve())
    return 0


def _cmd_readme_blocks(args) -> int:
    from digiwelfare.config import ROOT
    from digiwelfare.readme_blocks import bench_blocks, readme_blocks

    path = ROOT / "README.md"
    before = path.read_text(encoding="utf-8")
    after = bench_blocks(readme_blocks(before, ROOT), ROOT)
    if after == before:
        print(f"{path.name}: the generated tables are up to date")
        return 0
    if args.check:
        print(f"{path.name}: the generated tables differ from the tables that measured them; "
              "run `make readme`")
        return 1
    path.write_text(after, encoding="utf-8")
    print(f"{path.name}: generated tables rewritten")
    return 0


def _cmd_synth(args) -> int:
    from digiwelfare.checks import ParameterError
    from digiwelfare.synth import corpus_synthesize, corpus_write

    try:
        planted = corpus_synthesize(args.docs, args.topics, seed=args.seed, n_words=args.words,
                                    doc_length=args.length, alpha=args.alpha, beta=args.beta,
                                    nb_share=args.nb_share)
        folder = corpus_write(planted, args.into)
    except (ParameterError, FileExistsError) as err:
        print(f"synth: {err}", file=sys.stderr)
        return 2
    print(f"{args.docs} planted documents in {folder}, their truth in {folder / 'truth'}")
    return 0


def parser_build() -> argparse.ArgumentParser:
    # Nothing here imports pandas: every notebook run starts this parser (the import checks
    # --doc-type against the codebook itself).
    parser = argparse.ArgumentParser(prog="python -m digiwelfare",
                                     description="The compendium's commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="execute a notebook with papermill, as one pipeline step")
    run.add_argument("notebook", help="the notebook to run, e.g. notebooks/01_explore_corpus.ipynb")
    run.add_argument("output", help="where the executed notebook goes")
    run.add_argument("--params", help="YAML file of parameters")
    run.add_argument("-p", "--param", nargs=2, action="append", default=[],
                     metavar=("NAME", "VALUE"), help="a parameter, over the file's (YAML value)")
    run.add_argument("--corpus", help="the corpus folder, for notebooks that read one")
    run.add_argument("--out", help="where outputs go, for notebooks that write them")
    run.set_defaults(func=_cmd_run)
    val = sub.add_parser("validate", help="check a corpus folder against the schema")
    val.add_argument("corpus", nargs="?", default="corpus")
    val.set_defaults(func=_cmd_validate)
    imp = sub.add_parser("import", help="turn PDF, Word, HTML, text and bibliographic files into "
                         "a corpus folder")
    imp.add_argument("sources", nargs="+", help="files or folders (searched recursively)")
    imp.add_argument("--into", required=True, help="the corpus folder to create or add to")
    imp.add_argument("--replace", action="store_true",
                     help="update documents whose file has changed since it was imported")
    imp.add_argument("--mask-names", action="store_true",
                     help="also mask personal names (first name + surname)")
    imp.add_argument("--doc-type", default=None,
                     help="one of the codebook's types (corpus/README.md): the type of files "
                     "that no metadata.csv types (default: derived from the text's cues)")
    imp.add_argument("--max-mb", type=float, default=20.0, help="largest file read (MB)")
    imp.set_defaults(func=_cmd_import)
    chk = sub.add_parser("check-import", help="import labelled folders of exported pages "
                         "(tests/fixtures/exported/*) and score title, year, type, debris")
    chk.add_argument("folders", nargs="+")
    chk.add_argument("--out", help="write the summary table (CSV) here")
    chk.add_argument("--details", action="store_true", help="list the files with a miss")
    chk.set_defaults(func=cmd_check_import)
    exp = sub.add_parser("check-exports", help="import labelled folders of catalogue exports "
                         "(tests/fixtures/exports_blind/*, records.csv) and score each record")
    exp.add_argument("folders", nargs="+")
    exp.add_argument("--out", help="write the summary table (CSV) here")
    exp.add_argument("--details", action="store_true", help="list the records with a miss")
    exp.set_defaults(func=cmd_check_exports)
    snp = sub.add_parser("check-snippets", help="import web pages annotated with snippets "
                         "that belong to their text and snippets that do not (trafilatura's "
                         "evaldata.json format) and count both, beside trafilatura alone")
    snp.add_argument("pages", help="the folder that holds the annotated pages")
    snp.add_argument("annotations", help="the JSON file of annotations")
    snp.add_argument("--out", help="write the table, a row a page (CSV), here")
    snp.add_argument("--summary", help="write the totals, a row a first language (CSV), here "
                     "(the README's record: tests/fixtures/real_pages/snippet_scores.csv)")
    snp.add_argument("--scored-with", default="", help="the commit the rules were at, for "
                     "the record's scored_with column")
    snp.set_defaults(func=cmd_check_snippets)
    fit = sub.add_parser("doctype-fit", help="fit the document-type weights on labelled "
                         "folders (lexicon/doc_type_weights.csv) and score them leave-one-set-out")
    fit.add_argument("folders", nargs="*", help="labelled folders (default: the twenty sets the "
                     "shipped weights were fitted on, digiwelfare.doctype_fit.DOCTYPE_FIT_SETS)")
    fit.add_argument("--c", type=float, default=1.0, help="inverse L2 penalty (default 1)")
    fit.add_argument("--table", default="results/tables/doctype_crossval.csv")
    fit.add_argument("--weights", help="where to write the weights (default: the lexicon's)")
    fit.add_argument("--crossval-only", action="store_true",
                     help="write only the table of held-out accuracies, not the weights")
    fit.set_defaults(func=cmd_doctype_fit)
    syn = sub.add_parser("synth", help="write a planted corpus (known topics and covariate "
                         "effects) and its truth, for checks and benchmarks")
    syn.add_argument("--docs", type=int, required=True, help="number of documents")
    syn.add_argument("--topics", type=int, required=True, help="number of planted topics K")
    syn.add_argument("--seed", type=int, default=1)
    syn.add_argument("--into", required=True, help="a new or empty corpus folder")
    syn.add_argument("--words", type=int, default=3000, help="vocabulary size")
    syn.add_argument("--length", type=int, default=150, help="mean tokens per document")
    syn.add_argument("--alpha", type=float, default=0.1, help="document-topic concentration")
    syn.add_argument("--beta", type=float, default=0.01, help="topic-word concentration")
    syn.add_argument("--nb-share", type=float, default=0.5,
                     help="share of documents spelled in Norwegian (nb) pseudo-words")
    syn.set_defaults(func=_cmd_synth)
    man = sub.add_parser("manifest", help="write results/manifest.json for a run")
    man.add_argument("--corpus", default="corpus")
    man.add_argument("--out", default=".")
    man.add_argument("--params", default="params")
    man.set_defaults(func=_cmd_manifest)
    rep = sub.add_parser("report", help="render the executed notebooks into an offline site")
    rep.add_argument("--out", default=".")
    rep.set_defaults(func=_cmd_report)
    tsk = sub.add_parser("tasks", help="write validation tasks for coders (offline HTML forms "
                         "and CSV sheets) and, apart, their answer keys")
    tsk.add_argument("--params", default="params/11_validate_coding.yaml")
    tsk.add_argument("--corpus", help="the corpus folder (default: the parameter file's)")
    tsk.add_argument("--out", help="where the fitted models are (default: the parameter file's)")
    tsk.add_argument("--languages", help="space-separated languages (default: the file's)")
    tsk.add_argument("--into", default="coding",
                     help="folder for tasks/ (to hand out) and key/ (to keep)")
    tsk.set_defaults(func=_cmd_tasks)
    rdm = sub.add_parser("readme-blocks", help="write the README's tables of the import's "
                         "accuracy and of the benchmarks from the tables that measured them")
    rdm.add_argument("--check", action="store_true",
                     help="only say whether they are up to date (exit 1 if not)")
    rdm.set_defaults(func=_cmd_readme_blocks)
    ver = sub.add_parser("verify", help="rebuild from a clean copy and compare every output")
    ver.set_defaults(func=_cmd_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser_build().parse_args(argv)
    return args.func(args)
