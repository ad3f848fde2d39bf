"""Whole-pipeline benchmarks (issue #14): the README's table of ``make all`` runs on planted
corpora (:func:`pipeline_table`) and the guided chains' cost on a planted corpus as if its
dictionary held seed words (:func:`guided_cost`). Split from :mod:`digiwelfare.bench`, whose
command line (``--guided``) calls the second."""

from __future__ import annotations

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
