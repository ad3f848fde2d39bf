"""``make bench``, second part: the topic engine on corpora drawn by a generator that is not
the compendium's own, with sparse and with dense mixtures.

:mod:`digiwelfare.synth` writes the planted corpora of :mod:`digiwelfare.bench`; an engine
tuned on them might do well there only. So the corpora here are drawn by
:func:`mixtures_draw`, written apart from ``synth`` (numpy's legacy ``RandomState``, every
document's counts drawn as multinomials, no covariates, no texts): ``phi_k ~
Dirichlet(0.01)`` over ``V`` words, ``theta_d ~ Dirichlet(alpha)``, a length ``~
Poisson(150)``. The grid (:data:`GRID`): 10,000 documents, K = 20, ``V`` 1,500 and 5,000
(the ends of issue #14's range) with ``alpha`` 0.1 (the issue's); ``alpha`` 0.5 and 1.0
(documents that mix many topics, as long reports do); 2,000 documents; and K = 50; seeds 0,
1 and 2.

Each corpus is fitted by the engine as it stands (``sweeps="auto"``), by the engine with
its former fixed 25 sweeps, by gensim's ``LdaModel`` with its defaults and by tomotopy's
LDA (one worker, 500 iterations). Recovery is
:func:`digiwelfare.topics.topics_recovery` (mean cosine of matched rows) and its worst
matched topic; seconds are CPU seconds. ``results/bench/mixtures.json`` keeps the runs;
:func:`mixtures_table` prints the README's table from it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

#: (documents, words, alpha, topics): issue #14's corpus at both ends of its vocabulary range,
#: then dense mixtures, very dense ones, a small corpus and many topics.
GRID = ((10_000, 1500, 0.1, 20), (10_000, 5000, 0.1, 20), (10_000, 3000, 0.5, 20),
        (10_000, 2000, 1.0, 20), (2_000, 3000, 0.1, 20), (10_000, 3000, 0.1, 50))
LENGTH, BETA = 150, 0.01
FITS = ("engine_auto", "engine_25_sweeps", "gensim_defaults", "tomotopy")


def mixtures_draw(n_docs: int, n_words: int, n_topics: int, alpha: float, seed: int,
                  beta: float = BETA, length: int = LENGTH):
    """``(phi, bow)``: LDA's generative process with numpy's legacy generator seeded
    ``seed + 1000``; each document's topic counts, then each topic's word counts, as
    multinomials."""
    rng = np.random.RandomState(seed + 1000)
    phi = rng.dirichlet(np.full(n_words, beta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    bow = []
    for d in range(n_docs):
        counts = np.zeros(n_words, dtype=np.int64)
        for k, c in enumerate(rng.multinomial(rng.poisson(length), theta[d])):
            if c:
                counts += rng.multinomial(c, phi[k])
        bow.append([(int(w), int(counts[w])) for w in np.flatnonzero(counts)])
    return phi, bow


def _fit(name: str, bow, n_words: int, n_topics: int, seed: int):
    """The topic-word rows of one fit and its settings (sweeps run, for the engine)."""
    from digiwelfare.bench import _gensim_defaults, _tomotopy
    from digiwelfare.engine import engine_fit

    if name.startswith("engine"):
        model = engine_fit(bow, n_words, n_topics, seed=seed,
                           sweeps="auto" if name == "engine_auto" else 25)
        return model.phi, {"sweeps": model.settings["sweeps"],
                           "settled": bool(model.settings["settled"])}
    fit = _gensim_defaults if name == "gensim_defaults" else _tomotopy
    return fit(bow, n_words, seed, n_topics), {}


def mixtures_run(out: Path, grid=GRID, seeds=(0, 1, 2)) -> dict:
    """Every corpus of the grid and seed, every fit; written to ``out/mixtures.json``."""
    from digiwelfare.topics import topics_recovery

    runs = []
    for n_docs, n_words, alpha, n_topics in grid:
        for seed in seeds:
            phi, bow = mixtures_draw(n_docs, n_words, n_topics, alpha, seed)
            run = {"docs": n_docs, "words": n_words, "alpha": alpha, "topics": n_topics,
                   "seed": seed, "fits": {}}
            for name in FITS:
                start = time.process_time()
                fitted, extra = _fit(name, bow, n_words, n_topics, seed)
                mean, per_topic = topics_recovery(phi, fitted)
                run["fits"][name] = {"cpu_seconds": round(time.process_time() - start, 2),
                                     "recovery": round(mean, 4),
                                     "worst_topic": round(float(per_topic.min()), 4)} | extra
            runs.append(run)
            print(f"mixtures: D {n_docs}, V {n_words}, alpha {alpha}, K {n_topics}, seed {seed}: "
                  + "; ".join(
                f"{k} {v['recovery']} ({v['cpu_seconds']} s)" for k, v in run["fits"].items()),
                flush=True)
    result = {"generator": "digiwelfare.bench_mixtures.mixtures_draw", "beta": BETA,
              "length": f"Poisson({LENGTH})", "runs": runs}
    out.mkdir(parents=True, exist_ok=True)
    (out / "mixtures.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


def mixtures_table(result: dict) -> str:
    """The README's table: one row per corpus (words, alpha, seed), each fit's recovery with
    its worst topic in brackets and its CPU seconds; the engine's sweeps run."""
    rows = []
    for r in result["runs"]:
        f = r["fits"]
        cells = [f"{r['docs']:,}", f"{r['words']:,}", f"{r['alpha']}", str(r["topics"]),
                 str(r["seed"])]
        for name in FITS:
            cells.append(f"{f[name]['recovery']:.4f} ({f[name]['worst_topic']:.2f}); "
                         f"{f[name]['cpu_seconds']:.1f} s")
        auto = f["engine_auto"]
        cells.insert(6, f"{auto['sweeps']}{'' if auto['settled'] else ' (cap)'}")
        rows.append("| " + " | ".join(cells) + " |")
    head = ("| documents | words | alpha | K | seed | engine, auto: recovery (worst topic); CPU "
            "| sweeps run | engine, 25 sweeps | gensim defaults | tomotopy |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    return head + "\n" + "\n".join(rows)


def mixtures_summary(result: dict) -> pd.DataFrame:
    """Per grid cell and fit: the lowest and highest recovery over the seeds."""
    rows = [(r["docs"], r["words"], r["alpha"], r["topics"], name, v["recovery"])
            for r in result["runs"] for name, v in r["fits"].items()]
    d = pd.DataFrame(rows, columns=["docs", "words", "alpha", "topics", "fit", "recovery"])
    return d.groupby(["docs", "words", "alpha", "topics", "fit"], sort=False)["recovery"].agg(
        ["min", "max"])
