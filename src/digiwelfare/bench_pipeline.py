"""Whole-pipeline benchmarks (issue #14): the README's table of ``make all`` runs on planted
corpora (:func:`pipeline_table`), its table of the issue's targets against what was measured
(:func:`targets_table`), and the guided chains' cost on a planted corpus as if its
dictionary held seed words (:func:`guided_cost`). Split from :mod:`digiwelfare.bench`, whose
command line (``--guided``, ``--targets``) calls them."""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd


def pipeline_table(path: str | Path) -> str:
    """The README's table of whole-pipeline runs (``results/bench/pipeline_runs.csv``: each
    run of ``make all CORPUS=<planted> OUT=<empty folder>`` timed by ``/usr/bin/time`` with
    ``free -m`` sampled every 3 s; ``cpu_seconds`` summed from ``OUT/build/timings``), then
    per spelling of the planted words the log-log slope of wall time from the last run of
    its smallest size to the last run of its largest."""
    runs = pd.read_csv(path)
    lines = ["| run | documents | planted spelling | wall | CPU seconds | peak memory in use "
             "(idle) | note |", "|---|---:|---:|---:|---:|---:|---|"]
    for r in runs.itertuples():
        memory = "–" if pd.isna(r.peak_used_gb) else f"{r.peak_used_gb:.1f} GB ({r.idle_gb:.1f})"
        lines.append(f"| `{r.out}` | {r.docs:,} | {r.spelling} | {int(r.wall_seconds) // 60} "
                     f"min {int(r.wall_seconds) % 60} s | {r.cpu_seconds:,.0f} | {memory} | "
                     f"{r.note} |")
    slopes = []
    for spelling, group in runs.groupby("spelling", sort=True):
        last = group.groupby("docs").tail(1).set_index("docs")["wall_seconds"].sort_index()
        if len(last) > 1:
            slope = np.log(last.iloc[-1] / last.iloc[0]) / np.log(last.index[-1] / last.index[0])
            slopes.append(f"spelling {spelling}: {slope:.2f} ({last.index[0]:,} to "
                          f"{last.index[-1]:,} documents)")
    return "\n".join(lines) + "\n\nLog-log slope of wall time: " + "; ".join(slopes) + ".\n"


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60} min {int(seconds) % 60} s"


def targets_table(folder: str | Path) -> str:
    """The README's table of issue #14's targets on this machine, each with the bar, what
    was measured and whether it meets the bar, every figure read from the committed files
    in ``folder`` (``results/bench``): ``bench.json`` (:mod:`digiwelfare.bench`: the engine
    and the token stages), ``pipeline_runs.csv`` (whole ``make all`` runs; the last run of
    each size counts, of the planted corpora's latest spelling), ``pipeline_stages.csv``
    (those runs' seconds per notebook, from ``OUT/build/timings``) and
    ``guided_cost.json`` (:func:`guided_cost`)."""
    folder = Path(folder)
    bench = json.loads((folder / "bench.json").read_text("utf-8"))
    runs = pd.read_csv(folder / "pipeline_runs.csv")
    runs = runs[runs["spelling"] == runs["spelling"].max()].groupby("docs").tail(1)
    runs = runs.set_index("docs").sort_index()
    stages = pd.read_csv(folder / "pipeline_stages.csv")
    guided = json.loads((folder / "guided_cost.json").read_text("utf-8"))
    at = {n: [r for r in bench["runs"] if r["docs"] == n] for n in (10_000, 100_000)}
    rows = []

    def row(what, bar, measured, met):
        rows.append(f"| {what} | {bar} | {measured} | {'yes' if met else '**no**'} |")

    recovery = [r["recovery"] for r in at[10_000]]
    seeds = ", ".join(str(r["seed"]) for r in at[10_000])
    row(f"Topic engine: recovery, 10,000 documents, K = 20 (seeds {seeds})",
        "at least 0.99 on each seed", f"{min(recovery):.4f} to {max(recovery):.4f}",
        min(recovery) >= 0.99)
    fit = max(r["stages"]["fit"]["seconds"] for r in at[10_000])
    row("Topic engine: fitting, 10,000 documents (slowest seed)", "under 15 s",
        f"{fit:.1f} s", fit < 15)
    small = runs.loc[10_000, "out"]
    sweep = stages[(stages["out"] == small) & stages["notebook"].str.startswith("03_")]
    row(f"Model selection: notebook 03's K × seed sweeps, 10,000 documents, both languages "
        f"(`{small}`)", "within 3 min", f"{_clock(sweep['wall_seconds'].sum())}",
        sweep["wall_seconds"].sum() <= 180)
    big = at[100_000][0]["stages"]
    row("Token stage (tokens, stop words, lemmas, Parquet), 100,000 documents, two workers",
        "at least 2,000,000 tokens/s", f"{big['tokens_2_workers']['tokens_per_s']:,} tokens/s",
        big["tokens_2_workers"]["tokens_per_s"] >= 2e6)
    row("Notebook 02's whole stage (cleaning and each paragraph's language as well), "
        "100,000 documents, one worker", "at least 2,000,000 tokens/s",
        f"{big['prepare']['tokens_per_s']:,} tokens/s", big["prepare"]["tokens_per_s"] >= 2e6)
    last = runs.loc[runs.index.max()]
    row(f"Whole pipeline, {runs.index.max():,} planted documents (`{last['out']}`)",
        "within 10 min", _clock(last["wall_seconds"]), last["wall_seconds"] <= 600)
    row(f"Peak memory in use on the machine during that run (in use before it: "
        f"{last['idle_gb']:.1f} GB)", "under 4 GB", f"{last['peak_used_gb']:.1f} GB",
        last["peak_used_gb"] < 4)
    slope = np.log(runs["wall_seconds"].iloc[-1] / runs["wall_seconds"].iloc[0]) / \
        np.log(runs.index[-1] / runs.index[0])
    row(f"Log-log slope of wall time, {runs.index[0]:,} to {runs.index[-1]:,} documents",
        "at most 1.1", f"{slope:.2f}", slope <= 1.1)
    total = last["wall_seconds"] + guided["seconds"]
    row(f"Whole pipeline with the guided chains busy: that run plus one language's chains "
        f"({guided['language']}, {guided['tokens']:,} tokens, {guided['keyword_topics']} "
        f"keyword topics; the planted words hold no seed word, so the run fitted none)",
        "within 10 min", f"{_clock(total)} ({guided['seconds']:.0f} s of chains)",
        total <= 600)
    return "\n".join(["| target (issue #14) | bar | measured | met |", "|---|---|---|---|",
                      *rows]) + "\n"


def guided_cost(corpus: Path, out: Path, language: str = "nb", categories: int = 6,
                per_category: int = 3, workers: int = 2) -> dict:
    """The guided chains' cost on a planted corpus as if its dictionary held seed words: the
    planted words hold none of the real dictionary's, so notebook 06 runs no chain on them
    (no keyword topic). Here ``categories`` keyword topics are seeded with the
    ``per_category`` most probable words (in the vocabulary of ``language``) of as many
    planted topics, and fitted with notebook 06's settings on the tokens a pipeline run into
    ``out`` left: wall and CPU seconds, sweeps of the kept chains, peak memory."""
    import yaml

    from digiwelfare.config import ROOT, paths_resolve
    from digiwelfare.guided_chains import guided_pair_fit
    from digiwelfare.products import bow_read

    settings = yaml.safe_load((ROOT / "params" / f"06_guide_topics__{language}.yaml")
                              .read_text("utf-8"))
    paths = paths_resolve(str(corpus), str(out), "06_guide_topics", language)
    _tokens, dictionary, bow = bow_read(paths, language)
    vocabulary = [dictionary[i] for i in range(len(dictionary))]
    phi = np.load(Path(corpus) / "truth" / "phi.npy")
    words = pd.read_csv(Path(corpus) / "truth" / "vocabulary.csv")[language].tolist()
    known = set(vocabulary)
    seeds = {f"category {k + 1}": [words[w] for w in np.argsort(-phi[k], kind="stable")
                                   if words[w] in known][:per_category]
             for k in range(categories)}
    start, cpu = time.perf_counter(), time.process_time()
    fits = guided_pair_fit(bow, vocabulary, seeds, settings["n_free"],
                           restarts=settings["restarts"], seed=settings["seed"],
                           workers=workers, iterations=settings["iterations"],
                           alpha=settings["alpha"], beta=settings["beta"],
                           beta_key=settings["beta_key"],
                           gamma=(settings["gamma1"], settings["gamma2"]), tol=1e-4)
    return {"language": language, "documents": len(bow),
            "tokens": int(sum(c for doc in bow for _, c in doc)), "keyword_topics": categories,
            "workers": workers, "seconds": round(time.perf_counter() - start, 1),
            "cpu_seconds": round(time.process_time() - cpu, 1),
            "sweeps": {name: fit.settings["sweeps"] for name, fit in fits.items()},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
