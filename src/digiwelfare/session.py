"""A notebook opened by hand: make the build products it reads when they are missing.

Notebooks 03 to 11 read what earlier notebooks left in ``build/`` (language parts, tokens,
vocabularies, the chosen K, the fitted model, its document-topic table). Under ``make``
those exist before a notebook starts; opened in JupyterLab on a fresh clone they may not.
:func:`needs_make` then asks the pipeline (``make``) for exactly the missing products, so
the student sees the pipeline's progress lines instead of a missing file. :data:`NEEDS` is
the run table's (the Makefile's prerequisites are generated from the same table;
``tests/test_session.py`` checks that it asks make for the same runs).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from digiwelfare.config import MAKERS, PRODUCTS, ROOT, Paths
from digiwelfare.rundeps import RUN_TABLE

#: The build products each notebook reads, by kind: the run table's ``reads``
#: (:data:`digiwelfare.rundeps.RUN_TABLE`; kinds in :data:`digiwelfare.config.PRODUCTS`).
NEEDS: dict[str, tuple[str, ...]] = {name: run.reads for name, run in RUN_TABLE.items()
                                     if run.reads}


def _per_language(kind: str) -> bool:
    return "{lang}" in PRODUCTS[kind][0]


def needs_files(paths: Paths, language: str | None) -> dict[str, list[Path]]:
    """The files of each build product ``paths.notebook`` reads, by kind (a per-language
    product only with ``language``)."""
    return {kind: [paths.product(kind, language)] for kind in NEEDS.get(paths.notebook or "", ())
            if language or not _per_language(kind)}


def _argument(path: Path) -> str:
    """A path as make should see it: relative to the project root when inside it, so that
    the pipeline's executed notebooks record ``out = "."``, never an absolute path."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix() or "."
    except ValueError:
        return str(Path(path).resolve())


def needs_targets(paths: Paths, kinds: list[str], language: str | None) -> list[str]:
    """The Makefile targets that make caches of ``kinds``, for the output folder they are
    read from."""
    out = _argument(_root(paths))
    return [f"{out}/build/{PRODUCTS[k][0].format(lang=language)}" for k in kinds]


def _root(paths: Paths) -> Path:
    return paths.upstream if paths.upstream is not None else paths.out


def needs_make(paths: Paths, language: str | None = None, run=subprocess.Popen) -> list[str]:
    """Make the caches ``paths.notebook`` reads that are missing, with ``make``; return the
    targets made (none when everything is there).

    Each line make prints (one per notebook run, with its wall time) is printed here too,
    so a notebook cell shows the progress. Under ``make`` itself (``MAKELEVEL`` is set) a
    missing cache is a broken rule, not something to paper over: it raises
    FileNotFoundError naming the file and the command that makes it.
    """
    missing = [kind for kind, files in needs_files(paths, language).items()
               if not all(f.is_file() for f in files)]
    if not missing:
        return []
    targets = needs_targets(paths, missing, language)
    root = _root(paths)
    command = ["make", "--no-print-directory", "-C", str(ROOT), f"OUT={_argument(root)}",
               f"CORPUS={_argument(paths.corpus)}", *targets]
    makers = sorted({MAKERS[k] for k in missing})
    wanted = ", ".join(f"{k} (made by {MAKERS[k]})" for k in missing)
    if os.environ.get("MAKELEVEL"):
        raise FileNotFoundError(
            f"{paths.notebook} reads {wanted}, which is missing from {root / 'build'}; "
            f"make it with `{' '.join(command[3:])}` (from {ROOT})")
    print(f"{paths.notebook} reads {wanted}, not in {root / 'build'} yet: the pipeline makes "
          f"it now (`make {' '.join(command[4:])}`: {' and '.join(makers)}, after the notebooks "
          f"{'it needs' if len(makers) == 1 else 'they need'}; a few minutes) ...", flush=True)
    process = run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:
        print(line.rstrip("\n"), flush=True)
    if process.wait():
        raise RuntimeError(f"the pipeline could not make {', '.join(targets)} (exit status "
                           f"{process.returncode}; the lines above say why)")
    print(f"{paths.notebook}: done; its inputs are in {root / 'build'}", flush=True)
    return targets
