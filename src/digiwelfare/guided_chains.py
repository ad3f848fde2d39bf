"""Several Gibbs chains of the keyword-assisted topic model (:mod:`digiwelfare.guided`):
restarts with seeds derived from the user's, run side by side, and the best chain of each
model kept.

A chain is a pure function of its inputs and its seed, so running the chains in worker
processes (:func:`digiwelfare.parallel.tasks_run`: Dask's local scheduler, or a cluster at
``DASK_SCHEDULER_ADDRESS``) gives the same models, to the bit, as running them one after
another. The guided model and its unguided comparison are fitted in one batch, so two
workers share the six chains of the default settings evenly. Each finished chain is
reported with its seconds (in the ``make`` log, or as a bar in JupyterLab).
"""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd

from digiwelfare.checks import int_check
from digiwelfare.guided import GuidedModel

#: Below this much work (tokens times sweeps, for all chains together) the chains run one
#: after another in this process: starting worker processes would cost more than it saves.
PARALLEL_WORK = 2e8


def _spec(keywords: dict) -> tuple:
    """A model's keyword topics as a comparable value: names and their seed words, in order."""
    return tuple((name, tuple(words)) for name, words in keywords.items())


def _chain(job: tuple):
    """One chain: ``guided.guided_fit`` on the job's inputs (looked up at call time)."""
    from digiwelfare import guided

    _name, bow, vocabulary, keywords, n_free, seed, kwargs = job
    return guided.guided_fit(bow, vocabulary, keywords, n_free, seed=seed, **kwargs)


def guided_fits_best(bow: list, vocabulary: list[str], models: dict[str, tuple[dict, int]],
                     restarts: int = 3, seed: int = 1, workers: int = 1, **kwargs) -> dict:
    """Fit each of ``models`` (``{name: (keywords, n_free)}``) with ``restarts`` chains and
    keep, per model, the chain whose final sample explains the documents best (highest
    log-likelihood per token; of equals, the first). The chains' seeds are
    :func:`digiwelfare.topics.restart_seeds` of ``seed`` (so two user seeds share no chain),
    the same for every model. ``kwargs`` go to :func:`digiwelfare.guided.guided_fit`.

    ``workers`` processes run the chains when the work is large enough
    (:data:`PARALLEL_WORK`); the result never depends on it.

    A single Gibbs chain can settle with a keyword topic holding a large unrelated theme
    while a free topic holds the seeds' theme; chains that do so fit the documents worse.
    """
    from digiwelfare.parallel import tasks_run, workers_for
    from digiwelfare.topics import restart_seeds

    int_check("restarts", restarts, 1, 100)
    int_check("workers", workers, 1, 64)
    from digiwelfare.guided import tokens_from_bow

    seeds = restart_seeds(seed, restarts)
    arrays = tokens_from_bow(bow)  # once, for every chain (and two arrays to send a worker)
    tokens = arrays.words.size
    jobs = [(name, arrays, vocabulary, keywords, n_free, s, kwargs)
            for name, (keywords, n_free) in models.items() for s in seeds]
    # two models of the same specification (no seed word found in the documents makes the
    # guided model the unguided one: no keyword topic, the same number of free topics) have
    # the same chains to the bit, so each distinct chain runs once
    keys = [(_spec(job[3]), job[4], job[5]) for job in jobs]
    slot: dict = {}  # a distinct chain's place among the chains that run
    distinct = []
    for key, job in zip(keys, jobs, strict=True):
        if key not in slot:
            slot[key] = len(distinct)
            distinct.append(job)
    work = tokens * kwargs.get("iterations", 1000) * len(distinct)
    ran = tasks_run(_chain, distinct, workers_for(workers, work, PARALLEL_WORK),
                    label=lambda job: f"{job[0]} chain, seed {job[5]}", what="chain",
                    threads=True)
    fits, given = [], set()
    for key in keys:  # a second model of the same chain gets a copy of it
        fits.append(copy.deepcopy(ran[slot[key]]) if key in given else ran[slot[key]])
        given.add(key)
    best: dict = {}
    for job, model in zip(jobs, fits, strict=True):
        name = job[0]
        if name not in best or (model.trace["loglik_per_token"].iloc[-1]
                                > best[name].trace["loglik_per_token"].iloc[-1]):
            best[name] = model
    return best


def guided_fit_best(bow: list, vocabulary: list[str], keywords: dict[str, list[str]],
                    n_free: int, restarts: int = 3, seed: int = 1, workers: int = 1,
                    **kwargs):
    """One model's best of ``restarts`` chains: :func:`guided_fits_best` with this model
    alone."""
    return guided_fits_best(bow, vocabulary, {"model": (keywords, n_free)}, restarts, seed,
                            workers, **kwargs)["model"]


def guided_unfitted(vocabulary: list[str], n_docs: int) -> GuidedModel:
    """A model with no topic, for when no keyword topic can be made (no category has enough
    seed words in the documents): the guided model would then be plain LDA, the same chains
    as its unguided comparison, and there is nothing to guide, so no chain is run. Every
    table of :mod:`digiwelfare.guided_tables` reads it as empty (``settings["sweeps"]`` 0)."""
    n_words = len(vocabulary)
    return GuidedModel(
        names=[], vocabulary=list(vocabulary), keywords={}, phi=np.zeros((0, n_words)),
        theta=np.zeros((n_docs, 0)), pi=np.zeros(0), counts=np.zeros((0, n_words), np.int64),
        keyword_counts=np.zeros((0, n_words), np.int64),
        trace=pd.DataFrame(columns=["iteration", "loglik_per_token", "log_joint_per_token"]),
        tokens=pd.DataFrame({c: np.zeros(0, np.int64) for c in ("doc", "word", "topic",
                                                                 "switch")}),
        settings={"sweeps": 0})


def guided_pair_fit(bow: list, vocabulary: list[str], seeds: dict[str, list[str]],
                    n_free: int, restarts: int = 3, seed: int = 1, workers: int = 1,
                    **kwargs) -> dict:
    """The guided model of ``seeds`` (keyword topics) and ``n_free`` free topics, and its
    unguided comparison with as many topics and no keywords (:func:`guided_fits_best`):
    ``{"guided": ..., "unguided": ...}``. With no keyword topic both would be the same plain
    LDA, fitted to say nothing about the seeds, so neither is fitted: both are
    :func:`guided_unfitted`."""
    if not seeds:
        return {name: guided_unfitted(vocabulary, len(bow)) for name in ("guided", "unguided")}
    return guided_fits_best(bow, vocabulary, {"guided": (seeds, n_free),
                                              "unguided": ({}, len(seeds) + n_free)},
                            restarts=restarts, seed=seed, workers=workers, **kwargs)


def guided_fit_table(fits: dict):
    """One row per model of :func:`guided_pair_fit`: ``topics``, ``sweeps`` run by the kept
    chain, and the log-likelihood per token of its last sweep (missing when none ran)."""
    return pd.DataFrame.from_dict(
        {m: {"topics": len(x.names), "sweeps": x.settings["sweeps"],
             "log-likelihood per token (last sweep)":
             x.trace["loglik_per_token"].iloc[-1] if len(x.trace) else float("nan")}
         for m, x in fits.items()}, orient="index")
