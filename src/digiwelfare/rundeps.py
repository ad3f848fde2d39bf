"""The run table: what each notebook reads and writes, and the Makefile dependencies made from it.

:data:`RUN_TABLE` is the one place that says, for every notebook, which build products
(:data:`digiwelfare.config.PRODUCTS`) it reads and writes, whether it reads the corpus, and
which of its parameters name research data files (in ``lexicon/`` or elsewhere). The rest is
computed, never listed by hand:

- the package modules a notebook reads are its ``from digiwelfare.x import`` lines and,
  recursively, every ``digiwelfare`` module those import (at the top or inside a function);
- the research data a module reads are the ``lexicon_file("...")`` calls in its source (an
  f-string such as ``f"stopwords_{language}.txt"`` stands for every file it can name);
- the data files a run reads are the values of its data parameters in its parameter file;
- this module itself is no prerequisite of a run. At run time a notebook reads only its own
  row (:data:`digiwelfare.session.NEEDS`, the products it asks make for when one is missing),
  so each run depends on its row's file, ``build/rows/<notebook>.txt``, which ``makedeps``
  rewrites only when the row changed: an edit of the table reruns the notebooks whose rows
  changed, and an edit of this module's code reruns none (it changes ``build/deps.mk``, which
  make remakes and reads again, and so the dependencies themselves).

``python3 -m digiwelfare.rundeps makedeps PARAMS "LANGS" BUILD`` writes the rows into
``BUILD/rows/`` and prints the Makefile rules (the Makefile includes them as
``build/deps.mk``), so an edit reruns exactly the runs that read
the edited file; ``python3 -m digiwelfare.rundeps show`` prints the table as text.
Standard library only, like :mod:`digiwelfare.runs`: make asks before the environment exists.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from digiwelfare.config import LEXICON, PRODUCTS, ROOT
from digiwelfare.runs import LANGUAGES

PACKAGE = ROOT / "src" / "digiwelfare"
NOTEBOOKS = ROOT / "notebooks"
#: This module: in the run table's place, each run reads its own row's file (see above).
TABLE_FILE = PACKAGE / "rundeps.py"


@dataclass(frozen=True)
class Run:
    """One notebook's row of the run table.

    ``reads`` and ``writes`` name build products (keys of :data:`PRODUCTS`); a per-language
    product is the run's own language's, or every language's for a run that is not per
    language. ``data`` names the parameters whose values are data files the run reads.
    """

    per_language: bool = False
    corpus: bool = False
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    data: tuple[str, ...] = ()


#: Every notebook: what it reads and writes. Package modules and lexicon files are computed.
RUN_TABLE: dict[str, Run] = {
    "01_explore_corpus": Run(corpus=True),
    "02_prepare_tokens": Run(corpus=True, writes=("parts", "tokens", "vocabulary")),
    "03_select_model": Run(per_language=True, reads=("tokens", "vocabulary"),
                           writes=("choice",)),
    "04_fit_topics": Run(per_language=True, corpus=True,
                         reads=("tokens", "vocabulary", "choice"),
                         writes=("model", "doc_topics", "posterior")),
    "05_estimate_effects": Run(per_language=True, corpus=True, reads=("model", "posterior")),
    "06_guide_topics": Run(per_language=True, reads=("tokens", "vocabulary"),
                           data=("dictionary_file",)),
    "07_validate_topics": Run(),
    "08_compare_keyness": Run(per_language=True, corpus=True, reads=("tokens", "parts")),
    "09_read_concordances": Run(per_language=True, corpus=True, reads=("parts", "doc_topics"),
                                data=("dictionary_file",)),
    "10_map_actors": Run(per_language=True, corpus=True, reads=("parts",),
                         data=("actors_file", "concepts_file")),
    "11_validate_coding": Run(corpus=True, reads=("parts", "model", "doc_topics"),
                              data=("dictionary_file",)),
}

#: Modules every notebook run reads besides its imports: the runner and its parameter checks.
RUNNER = ("digiwelfare.notebook", "digiwelfare.params")
#: What ``results/tables/import_accuracy.csv`` (``digiwelfare check-import``) reads.
IMPORT_CHECK = ("digiwelfare.importcheck",)


def _imports(tree: ast.AST, name: str) -> set[str]:
    """The ``digiwelfare`` modules a module's syntax tree imports, anywhere in it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("digiwelfare")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            module = node.module
            if node.level:  # relative: from .x import y
                module = ".".join(name.split(".")[:-node.level] + [module])
            if module.startswith("digiwelfare"):
                found.add(module)
                found |= {f"{module}.{a.name}" for a in node.names
                          if _module_file(f"{module}.{a.name}").is_file()}
    return found


@cache
def _module_imports(module: str) -> frozenset[str]:
    path = _module_file(module)
    if not path.is_file():
        return frozenset()
    return frozenset(_imports(ast.parse(path.read_text(encoding="utf-8")), module))


def _module_file(module: str) -> Path:
    parts = module.split(".")[1:]
    folder = PACKAGE.joinpath(*parts)
    return folder / "__init__.py" if folder.is_dir() else PACKAGE.joinpath(*parts[:-1],
                                                                           f"{parts[-1]}.py") \
        if parts else PACKAGE / "__init__.py"


def modules_closure(roots: set[str]) -> list[Path]:
    """The files of the ``roots`` modules and of every ``digiwelfare`` module they import,
    recursively (the package's ``__init__.py`` included: Python runs it first)."""
    seen: set[str] = set()
    todo = sorted(roots | {"digiwelfare"})
    while todo:
        module = todo.pop()
        if module in seen or not _module_file(module).is_file():
            continue
        seen.add(module)
        todo += sorted(_module_imports(module) - seen)
    return sorted(_module_file(m) for m in seen)


def notebook_imports(notebook: str) -> set[str]:
    """The ``digiwelfare`` modules a notebook's code cells import (magics skipped)."""
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    return _imports(ast.parse(code), "notebook")


@cache
def lexicon_reads(module_file: Path) -> list[Path]:
    """The research data files a module reads through ``lexicon_file(...)``."""
    found = []
    for node in ast.walk(ast.parse(module_file.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "lexicon_file"
                and node.args):
            arg = node.args[0]
            if isinstance(arg, ast.Constant):
                pattern = str(arg.value)
            elif isinstance(arg, ast.JoinedStr):  # f"stopwords_{language}.txt"
                pattern = "".join(v.value if isinstance(v, ast.Constant) else "*"
                                  for v in arg.values)
            else:
                continue
            found += sorted(LEXICON.glob(pattern))
    return found


def param_value(params_file: Path, name: str) -> str | None:
    """A top-level scalar of a parameter file, read without YAML (``name: value  # note``)."""
    for line in params_file.read_text(encoding="utf-8").splitlines():
        m = re.match(rf"{re.escape(name)}\s*:\s*(.*?)\s*(#.*)?$", line)
        if m:
            return m.group(1).strip("'\"") or None
    return None


def run_names(params: Path, langs: list[str]) -> list[str]:
    """The runs the Makefile makes: one per parameter file, a language's only if in ``langs``."""
    names = sorted(p.stem for p in Path(params).glob("*.yaml"))
    return [n for n in names if "__" not in n or n.split("__")[-1] in langs]


def run_reads(run: str, params: Path, langs: list[str]) -> dict[str, list]:
    """What one run reads: ``products`` (kind, language), ``modules``, ``lexicon`` and
    ``data`` files, and ``corpus`` (True or False)."""
    notebook, _, language = run.partition("__")
    row = RUN_TABLE[notebook]
    languages = [language] if row.per_language else [x for x in langs if x in LANGUAGES]
    products = [(kind, lang if "{lang}" in PRODUCTS[kind][0] else None)
                for kind in row.reads for lang in (languages if "{lang}" in PRODUCTS[kind][0]
                                                   else [None])]
    modules = [m for m in modules_closure(notebook_imports(notebook) | set(RUNNER))
               if m != TABLE_FILE]
    lexicon = sorted({f for m in modules for f in lexicon_reads(m)})
    params_file = Path(params) / f"{run}.yaml"
    data = []
    for name in row.data:
        value = param_value(params_file, name) if params_file.is_file() else None
        if value:
            data.append(Path(value) if Path(value).is_absolute() else ROOT / value)
    return {"products": list(dict.fromkeys(products)), "modules": modules, "lexicon": lexicon,
            "data": data, "corpus": row.corpus}


def row_text(notebook: str) -> str:
    """A notebook's row of the run table as the text of its row file."""
    return f"{notebook}: {RUN_TABLE[notebook]!r}\n"


def rows_write(build: Path) -> list[Path]:
    """Write each notebook's row into ``build/rows/<notebook>.txt``, a file only when its text
    changed (so its time says when the row last changed); return the files written.

    A row file written for the first time gets this module's time, not the present: the row
    changed no later than the file that holds it, so a ``build/`` without rows (a first run
    after this scheme came in, or rows deleted) reruns only what an edit of the module
    would have rerun, not every notebook."""
    folder = Path(build) / "rows"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for notebook in RUN_TABLE:
        path = folder / f"{notebook}.txt"
        new = not path.is_file()
        if new or path.read_text(encoding="utf-8") != row_text(notebook):
            path.write_text(row_text(notebook), encoding="utf-8")
            if new:
                os.utime(path, ns=(TABLE_FILE.stat().st_mtime_ns,) * 2)
            written.append(path)
    return written


def _make_path(path: Path) -> str:
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _languages(kind: str, language: str, langs: list[str]) -> list[str | None]:
    """The languages of a product a run writes: its own, or every one of ``langs`` for a run
    that is not per language; ``[None]`` for a product that is not per language."""
    if "{lang}" not in PRODUCTS[kind][0]:
        return [None]
    return [language] if language else [x for x in langs if x in LANGUAGES]


def product_target(kind: str, language: str | None) -> str:
    """A build product as a Makefile target, under ``$(BUILD)``."""
    return "$(BUILD)/" + PRODUCTS[kind][0].format(lang=language)


def makedeps(params: Path, langs: list[str]) -> str:
    """The Makefile rules of the run table (see the module's docstring)."""
    lines = ["# Made by `python3 -m digiwelfare.rundeps makedeps` from the run table",
             "# (src/digiwelfare/rundeps.py); do not edit, make remakes it.", ""]
    runs = run_names(params, langs)
    made: dict[str, str] = {}
    for run in runs:
        notebook, _, language = run.partition("__")
        if notebook not in RUN_TABLE:
            raise SystemExit(f"makedeps: {params}/{run}.yaml is for notebook {notebook}, "
                             "which the run table (src/digiwelfare/rundeps.py) does not list")
        reads = run_reads(run, params, langs)
        prereqs = [f"$(BUILD)/rows/{notebook}.txt"]
        prereqs += [product_target(k, lang) for k, lang in reads["products"]]
        prereqs += [_make_path(p) for p in [*reads["modules"], *reads["lexicon"], *reads["data"]]]
        prereqs += ["$(CORPUS_STAMP)"] if reads["corpus"] else []
        lines.append(f"$(NB_OUT)/{run}.ipynb: " + " \\\n  ".join(prereqs))
        for kind in RUN_TABLE[notebook].writes:
            for lang in _languages(kind, language, langs):
                made[product_target(kind, lang)] = run
    lines.append("")
    for target, run in made.items():
        lines += [f"{target}: $(NB_OUT)/{run}.ipynb",
                  f"\t@test -e $@ || $(call RUN_EXECUTED,{run})"]
    lines += ["", ".PRECIOUS: " + " ".join(made), f"PRODUCTS := {' '.join(made)}"]
    check = [m for m in modules_closure(set(IMPORT_CHECK)) if m != TABLE_FILE]
    check_lexicon = sorted({f for m in check for f in lexicon_reads(m)})
    lines.append("IMPORT_CHECK_READS := " + " ".join(_make_path(p) for p in [*check,
                                                                             *check_lexicon]))
    return "\n".join(lines) + "\n"


def table_show(params: Path, langs: list[str]) -> str:
    """The run table as text: one block per run, with what it reads and writes."""
    out = []
    for run in run_names(params, langs):
        notebook, _, language = run.partition("__")
        row, reads = RUN_TABLE[notebook], run_reads(run, params, langs)
        writes = [PRODUCTS[k][0].format(lang=lang) for k in row.writes
                  for lang in _languages(k, language, langs)]
        out += [f"{run}", f"  writes:   build/{', build/'.join(writes)}" if writes else
                "  writes:   (no build product)",
                "  reads:    " + ", ".join(f"build/{PRODUCTS[k][0].format(lang=lang)}"
                                          for k, lang in reads["products"]),
                "  corpus:   " + ("yes" if reads["corpus"] else "no"),
                "  data:     " + ", ".join(_make_path(p) for p in
                                           [*reads["lexicon"], *reads["data"]]),
                "  modules:  " + ", ".join(p.stem for p in reads["modules"]
                                           if p.stem != "__init__"), ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("makedeps", "show"):
        print("usage: python3 -m digiwelfare.rundeps makedeps|show [PARAMS [LANGS [BUILD]]]",
              file=sys.stderr)
        return 2
    params = Path(argv[1]) if len(argv) > 1 else ROOT / "params"
    langs = argv[2].split() if len(argv) > 2 else ["en", "nb"]
    if argv[0] == "makedeps" and len(argv) > 3:
        rows_write(Path(argv[3]))
    print((makedeps if argv[0] == "makedeps" else table_show)(params, langs), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
