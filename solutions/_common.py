"""Shared by the solution scripts: where the pipeline's tables are, and how to rerun a
notebook with other parameters into its scratch folder (never the published outputs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from digiwelfare.config import ROOT, SCRATCH, paths_resolve

#: The pipeline's output folder the solutions read (``make all`` writes it); another with
#: ``DIGIWELFARE_OUT=/path``.
PATHS = paths_resolve("corpus", ".")


def table(name: str) -> pd.DataFrame:
    """A published table of the pipeline run, e.g. ``table("keyness_en")``."""
    path = PATHS.tables / f"{name}.csv"
    if not path.is_file():
        sys.exit(f"{path} is missing: run `make all` (or `make nb NB=...`) first")
    return pd.read_csv(path)


def variant(run: str, **params) -> Path:
    """Run notebook ``run`` (``"04_fit_topics__en"``) with its parameter file and ``params``
    on top, into the notebook's scratch folder; return that folder's ``results/tables``."""
    notebook = run.split("__")[0]
    command = [sys.executable, "-m", "digiwelfare", "run", f"notebooks/{notebook}.ipynb",
               str(SCRATCH / "solutions" / f"{run}.ipynb"), "--params", f"params/{run}.yaml",
               "-p", "out", "null"]
    for name, value in params.items():
        command += ["-p", name, _yaml(value)]
    print(f"  (running {run} with {params} into {SCRATCH / notebook}; a minute or more)",
          flush=True)
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    env.pop("DIGIWELFARE_OUT", None)  # that would send the run to the pipeline's folder
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return SCRATCH / notebook / "results" / "tables"


def _yaml(value: object) -> str:
    import yaml

    return yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()


#: Exercises that rerun a notebook (a minute or several each) run only with ``--rerun``.
RERUN = "--rerun" in sys.argv


def rerun_or_say(run: str, **params) -> Path | None:
    """:func:`variant` with ``--rerun``; else print the command that would do it."""
    if RERUN:
        return variant(run, **params)
    settings = " ".join(f"-p {k} '{_yaml(v)}'" for k, v in params.items())
    print(f"  (rerun needed: add --rerun, or run `python -m digiwelfare run "
          f"notebooks/{run.split('__')[0]}.ipynb build/scratch/solutions/{run}.ipynb "
          f"--params params/{run}.yaml -p out null {settings}`)")
    return None


def heading(text: str) -> None:
    print(f"\n{text}\n{'-' * len(text)}")
