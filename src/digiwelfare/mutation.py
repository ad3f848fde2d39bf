"""The mutation-testing report of ``make mutate``: per-module scores from mutmut's results,
with the surviving mutants judged equivalent taken out of the count.

A mutant is *equivalent* when no input can tell it from the original (say ``max(0, x)``
mutated to ``max(0, x)`` on a value that is never negative): no test can kill it, so it does
not count against the tests (Jia & Harman 2011, "An analysis and survey of the development
of mutation testing", sec. II). Each one is judged by hand and listed, with the mutated line
and one sentence of reason, in ``results/mutation/equivalent.csv``. The score is

    (killed + timeout) / (mutants - skipped - equivalent).

``make mutate`` runs one or several modules at a time; the modules of this run replace their
rows of ``score.csv`` and their blocks of ``survivors.txt``, the other modules' stay.

Usage (what ``make mutate`` calls; ``show`` in the folder mutmut ran in)::

    python -m digiwelfare.mutation show RESULTS > SURVIVORS
    python -m digiwelfare.mutation report RESULTS SURVIVORS OUTDIR [README]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

COUNTED = ("killed", "timeout", "survived", "no tests", "skipped")
SCORE_COLUMNS = ["module", "mutants", "killed", "timeout", "survived", "no_tests", "skipped",
                 "other", "equivalent", "score"]
EQUIVALENT_COLUMNS = ["module", "mutant", "change", "reason"]
_RESULT = re.compile(r"^\s*(\S+): (.+?)\s*$")
_BLOCK = re.compile(r"^## (\S+)$", re.M)


def mutant_module(mutant: str) -> str:
    """The module of a mutmut mutant name: ``digiwelfare.pvalues.x_f__mutmut_3`` ->
    ``digiwelfare.pvalues``."""
    return mutant.rsplit(".", 1)[0]


def results_parse(text: str) -> pd.DataFrame:
    """``mutmut results --all true`` as a table: ``mutant, module, status``."""
    rows = [(m[1], mutant_module(m[1]), m[2]) for line in text.splitlines()
            if (m := _RESULT.match(line)) and "__mutmut_" in m[1]]
    return pd.DataFrame(rows, columns=["mutant", "module", "status"])


def survivors_parse(text: str) -> dict[str, str]:
    """Blocks of a survivors file, ``## <mutant>`` then its diff, by mutant name."""
    parts = _BLOCK.split(text)
    return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}


def diff_change(diff: str) -> str:
    """The mutated lines of a mutant's diff (its ``+`` lines, stripped, joined by `` / ``)."""
    return " / ".join(line[1:].strip() for line in diff.splitlines()
                      if line.startswith("+") and not line.startswith("+++"))


def equivalent_check(equivalent: pd.DataFrame, results: pd.DataFrame,
                     diffs: dict[str, str], source: str = "equivalent.csv") -> None:
    """Raise ValueError, naming the row, when an equivalent mutant of a module in
    ``results`` is not a survivor there, or its mutated line is no longer ``change`` (mutmut
    numbers mutants anew when a function changes, so the judgement must be made again)."""
    status = dict(zip(results["mutant"], results["status"], strict=True))
    for i, row in enumerate(equivalent.itertuples(index=False), start=2):
        if row.module not in set(results["module"]):
            continue
        where = f"{source}, line {i} ({row.mutant})"
        if not str(row.reason).strip() or row.module != mutant_module(row.mutant):
            raise ValueError(f"{where}: give the mutant's module and a reason")
        if status.get(row.mutant) not in ("survived", "no tests"):
            raise ValueError(f"{where}: this run has it as {status.get(row.mutant, 'absent')}, "
                             "not a survivor; remove the row or judge the mutant again")
        if diff_change(diffs.get(row.mutant, "")) != row.change:
            raise ValueError(f"{where}: the mutant now changes "
                             f"{diff_change(diffs.get(row.mutant, ''))!r}, not {row.change!r}; "
                             "judge it again (see survivors.txt)")


def textstat_mutation_score(results: pd.DataFrame, equivalent: pd.DataFrame) -> pd.DataFrame:
    """Per module: mutants, each status's count, equivalent survivors and the score
    ``(killed + timeout) / (mutants - skipped - equivalent)`` (NaN when nothing counts)."""
    eq = set(equivalent["mutant"])
    rows = []
    for module, g in results.groupby("module", sort=True):
        n = g["status"].value_counts()
        counts = {s: int(n.get(s, 0)) for s in COUNTED}
        other = len(g) - sum(counts.values())
        n_eq = int(g["mutant"].isin(eq).sum())
        counted = len(g) - counts["skipped"] - n_eq
        score = (counts["killed"] + counts["timeout"]) / counted if counted else float("nan")
        rows.append((module, len(g), counts["killed"], counts["timeout"], counts["survived"],
                     counts["no tests"], counts["skipped"], other, n_eq, round(score, 3)))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def score_merge(new: pd.DataFrame, old: pd.DataFrame | None) -> pd.DataFrame:
    """``new`` rows, plus the rows of ``old`` for modules this run did not test."""
    if old is None or old.empty:
        return new.reset_index(drop=True)
    kept = old[~old["module"].isin(new["module"])]
    return pd.concat([kept, new]).sort_values("module", ignore_index=True)[SCORE_COLUMNS]


def readme_table(score: pd.DataFrame) -> str:
    """The per-module scores as the README's Markdown table."""
    lines = ["| module | mutants | killed | survived | no tests | equivalent | score |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in score.itertuples(index=False):
        lines.append(f"| {r.module.removeprefix('digiwelfare.')} | {r.mutants} | "
                     f"{r.killed + r.timeout} | {r.survived} | {r.no_tests} | {r.equivalent} "
                     f"| {100 * r.score:.1f} % |")
    return "\n".join(lines)


def readme_update(readme: str, score: pd.DataFrame) -> str:
    """``readme`` with the text between ``<!-- mutation-score -->`` and
    ``<!-- /mutation-score -->`` replaced by :func:`readme_table`."""
    start, end = "<!-- mutation-score -->", "<!-- /mutation-score -->"
    if start not in readme or end not in readme:
        raise ValueError(f"README: no {start} ... {end} block to write the scores into")
    head, rest = readme.split(start, 1)
    return f"{head}{start}\n{readme_table(score)}\n{end}{rest.split(end, 1)[1]}"


def report_write(results_txt: Path, survivors_txt: Path, outdir: Path,
                 readme: Path | None = None) -> pd.DataFrame:
    """Merge this run into ``outdir``'s ``score.csv`` and ``survivors.txt`` (equivalent
    mutants marked there), after checking ``outdir/equivalent.csv``; rewrite the README's
    table when ``readme`` is given. Returns the merged score table."""
    results = results_parse(Path(results_txt).read_text(encoding="utf-8"))
    if results.empty:
        raise ValueError(f"{results_txt}: no mutant in mutmut's results")
    eq_path = outdir / "equivalent.csv"
    equivalent = (pd.read_csv(eq_path, dtype=str, keep_default_na=False) if eq_path.exists()
                  else pd.DataFrame(columns=EQUIVALENT_COLUMNS))
    if list(equivalent.columns) != EQUIVALENT_COLUMNS:
        raise ValueError(f"{eq_path}: expected the columns {','.join(EQUIVALENT_COLUMNS)}")
    diffs = survivors_parse(Path(survivors_txt).read_text(encoding="utf-8"))
    equivalent_check(equivalent, results, diffs, str(eq_path))
    score_path, surv_path = outdir / "score.csv", outdir / "survivors.txt"
    old = pd.read_csv(score_path) if score_path.exists() else None
    if old is not None and "equivalent" not in old.columns:  # a report from before this step
        old = None
    score = score_merge(textstat_mutation_score(results, equivalent), old)
    score.to_csv(score_path, index=False, lineterminator="\n")
    reasons = dict(zip(equivalent["mutant"], equivalent["reason"], strict=True))
    status = dict(zip(results["mutant"], results["status"], strict=True))
    blocks = {m: d for m, d in (survivors_parse(surv_path.read_text(encoding="utf-8"))
                                if surv_path.exists() else {}).items()
              if mutant_module(m) not in set(results["module"])}
    for m, d in diffs.items():
        note = f"# {status.get(m, '?')}" + (f"; equivalent: {reasons[m]}" if m in reasons
                                            else "")
        blocks[m] = note + "\n" + "\n".join(line for line in d.splitlines()
                                            if not line.startswith("# "))
    surv_path.write_text("".join(f"## {m}\n{blocks[m]}\n\n" for m in sorted(blocks)),
                         encoding="utf-8")
    if readme is not None:
        readme.write_text(readme_update(readme.read_text(encoding="utf-8"), score),
                          encoding="utf-8")
    return score


def survivors_show(results_txt: Path) -> str:
    """``mutmut show`` of every surviving or untested mutant, each under ``## <mutant>``: one
    process for all (a ``mutmut show`` each takes seconds). Run in mutmut's folder."""
    from click.testing import CliRunner
    from mutmut.__main__ import cli

    results = results_parse(Path(results_txt).read_text(encoding="utf-8"))
    runner, out = CliRunner(), []
    for mutant in results.loc[results["status"].isin(["survived", "no tests"]), "mutant"]:
        shown = runner.invoke(cli, ["show", mutant])
        if shown.exit_code:
            raise ValueError(f"mutmut show {mutant} failed: {shown.output[-300:]}")
        out.append(f"## {mutant}\n{shown.output.rstrip()}\n\n")
    return "".join(out)


def main(argv: list[str]) -> int:
    usage = __doc__.rsplit("::", 1)[1].strip()
    if not (argv[:1] == ["show"] and len(argv) == 2
            or argv[:1] == ["report"] and len(argv) in (4, 5)):
        print(f"usage:\n{usage}", file=sys.stderr)
        return 2
    try:
        if argv[0] == "show":
            sys.stdout.write(survivors_show(Path(argv[1])))
            return 0
        score = report_write(Path(argv[1]), Path(argv[2]), Path(argv[3]),
                             Path(argv[4]) if len(argv) == 5 else None)
    except (OSError, ValueError) as err:
        print(f"make mutate: {err}", file=sys.stderr)
        return 1
    print(score.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
