"""Choosing the number of topics K: a sweep over K and seeds, its measures, and a rule.

Every measure is computed per fit (one K, one seed) and summarised per K as a mean and a
standard error over seeds, because the differences between K are only worth reading where
they are larger than the differences between seeds at the same K.

- Held-out likelihood by *document completion* (Wallach, Murray, Salakhutdinov & Mimno
  2009; the estimate stm's ``searchK`` reports; :mod:`digiwelfare.heldout`): every fit leaves
  out the same tenth of the documents, split in the same halves; half of each held-out
  document's tokens estimates its topic proportions with the fitted topic-word matrix
  fixed, the other half is scored.
- NPMI (Bouma 2009) and semantic coherence (Mimno, Wallach, Talley, Leenders & McCallum
  2011), both from document co-occurrence of each topic's top 10 words.
- Exclusivity as stm reports it: the summed FREX of a topic's top 10 words (Bischof &
  Airoldi 2012; Roberts, Stewart & Airoldi 2016).
- Topic diversity (Dieng, Ruiz & Blei 2020) and stability across seeds (topics matched one
  to one by the Hungarian algorithm).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary

from digiwelfare.checks import ParameterError, int_check
from digiwelfare.heldout import (  # noqa: F401 - theirs, long imported from here
    bow_split_half,
    fit_sample,
    fit_sample_report,
    heldout_completion,
    heldout_halves,
    heldout_score,
    holdout_split,
    loglik_per_word,
    sweep_documents,
    sweep_fitted,
    theta_estimate,
)
from digiwelfare.topics import topics_fit, topics_word_matrix

#: Each measure of the sweep and the direction that is better (+1 higher, -1 lower).
METRIC_DIRECTIONS = {"perplexity": -1, "heldout_loglik": 1, "npmi": 1,
                     "semantic_coherence": 1, "exclusivity": 1, "diversity": 1, "stability": 1}

#: The measure the rule uses. Held-out perplexity is the one measure taken on documents the
#: model did not see, so it penalises too many topics as well as too few, and every K is
#: scored on the same held-out words, so differences between K are not differences between
#: samples. It says how well a model predicts words, not how readable its topics are (Chang
#: et al. 2009): the other measures are shown beside it for that.
PRIMARY = "perplexity"


# --- coherence, exclusivity, diversity, stability -----------------------------------------

def cooccurrence_docs(bow, word_ids) -> np.ndarray:
    """Document co-occurrence of ``word_ids``: ``C[i, j]`` is the number of documents in
    ``bow`` holding both words ``i`` and ``j``; ``C[i, i]`` the number holding word ``i``.
    ``bow``: gensim bags of words, or the same packed (:class:`digiwelfare.bags.BagsOfWords`,
    read in arrays)."""
    from scipy.sparse import csr_matrix

    from digiwelfare.bags import BagsOfWords

    word_ids = np.asarray(word_ids, dtype=int)
    bags = BagsOfWords.of(bow)  # each document's word ids, one array for all of them
    ids, docs = bags.ids, np.repeat(np.arange(len(bags)), bags.sizes())
    largest = max(int(word_ids.max(initial=-1)), int(ids.max(initial=-1)))
    column = np.full(largest + 1, -1)
    column[word_ids] = np.arange(len(word_ids))
    found = column[ids]
    kept = found >= 0
    present = csr_matrix((np.ones(int(kept.sum())), (docs[kept], found[kept])),
                         shape=(len(bow), len(word_ids)))
    return (present.T @ present).toarray()


def topics_npmi(top: np.ndarray, cooc: np.ndarray, n_docs: int) -> np.ndarray:
    """Mean normalised PMI (Bouma 2009) over the pairs of each topic's top words, from
    document co-occurrence: ``log(p_ij / (p_i p_j)) / -log(p_ij)``, -1 for a pair that never
    meets. ``top`` is K x M, indices into ``cooc`` (:func:`cooccurrence_docs`). One value per
    topic, from -1 to 1; 0 means the words meet as often as chance would have it."""
    top = np.asarray(top)
    sub = cooc[top[:, :, None], top[:, None, :]] / n_docs
    single = np.diagonal(sub, axis1=1, axis2=2)
    i, j = np.triu_indices(top.shape[1], 1)
    p_ij, p_i, p_j = sub[:, i, j], single[:, i], single[:, j]
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.log(p_ij / (p_i * p_j)) / -np.log(p_ij)
    npmi = np.where(p_ij == 0, -1.0, np.where(p_ij >= 1, 1.0, npmi))
    return npmi.mean(axis=1)


def topics_semantic_coherence(top: np.ndarray, cooc: np.ndarray, eps: float = 1.0
                              ) -> np.ndarray:
    """Semantic coherence (Mimno et al. 2011, eq. 1) of each topic: the sum over its top
    words ``v_1..v_M`` (by probability) of ``log((D(v_m, v_l) + eps) / D(v_l))`` for
    ``l < m``, with ``D`` document counts from ``cooc``. ``eps = 1`` as in the paper (stm
    uses 0.01). Always at most ``M(M-1)/2 * log(1 + eps)``; values nearer 0 are better."""
    top = np.asarray(top)
    sub = cooc[top[:, :, None], top[:, None, :]]
    m, l_ = np.tril_indices(top.shape[1], -1)  # m > l: v_l ranks above v_m
    single = np.diagonal(sub, axis1=1, axis2=2)[:, l_]
    return np.log((sub[:, m, l_] + eps) / np.maximum(single, 1)).sum(axis=1)


def topics_exclusivity(beta: np.ndarray, n: int = 10, weight: float = 0.7) -> np.ndarray:
    """Exclusivity of each topic as stm's ``exclusivity`` computes it: the sum of FREX over
    the topic's top ``n`` words by probability. FREX is the weighted harmonic mean of a
    word's rank (as a share of V, ties averaged) by exclusivity ``beta_kw / sum_j beta_jw``
    and by frequency ``beta_kw`` within the topic, ``1 / (weight / ex + (1 - weight) / fr)``
    (Bischof & Airoldi 2012). The largest possible value is ``n``."""
    from scipy.stats import rankdata

    v = beta.shape[1]
    ex = rankdata(beta / beta.sum(axis=0, keepdims=True), axis=1) / v
    fr = rankdata(beta, axis=1) / v
    frex = 1.0 / (weight / ex + (1 - weight) / fr)
    top = np.argsort(-beta, axis=1, kind="stable")[:, :n]
    return np.take_along_axis(frex, top, axis=1).sum(axis=1)


def topic_diversity(top_words: list[list[str]]) -> float:
    """Share of unique words among all topics' top words (Dieng, Ruiz & Blei 2020): 1 means
    no two topics share a top word."""
    words = [w for topic in top_words for w in topic]
    return len(set(words)) / len(words) if words else 0.0


def topics_match(a: list[set], b: list[set]) -> float:
    """How much two runs agree: the mean share of top words a topic of ``a`` has in common
    with its partner in ``b`` (``|A & B| / max(|A|, |B|)``), with topics paired one to one
    so that the total is largest (Hungarian algorithm, Kuhn 1955). Pairing each topic with
    its best partner in turn (greedy) can leave the last ones badly paired."""
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[len(x & y) / max(len(x), len(y), 1) for y in b] for x in a])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean())


# --- the sweep ----------------------------------------------------------------------------

def _sweep_fit(job) -> dict:
    bow, dictionary, k, seed, passes, iterations, held, halves, engine, sweeps = job
    train = bow.subset(~np.asarray(held, dtype=bool))  # a BagsOfWords (topics_sweep)
    if engine != "anchor":
        train = train.to_list()
    model = topics_fit(train, dictionary, k, passes=passes, iterations=iterations, seed=seed,
                       engine=engine, sweeps=sweeps, share_start=True)
    beta = topics_word_matrix(model)
    # both engines are scored alike: their topics fixed, their (symmetric) alpha as prior
    loglik = heldout_score(halves, beta, model.alpha)
    chain = getattr(model, "settings", {})  # the anchor engine's chain; gensim has none
    return {"k": k, "seed": seed, "heldout_loglik": loglik, "perplexity": math.exp(-loglik),
            "exclusivity": float(topics_exclusivity(beta).mean()),
            "top": np.argsort(-beta, axis=1, kind="stable")[:, :25],
            "sweeps": chain.get("sweeps"), "settled": chain.get("settled")}


#: Below this much work (tokens times fits) the sweep's fits run one after another in this
#: process: starting worker processes would cost more than it saves (the demo corpus's 27
#: fits take under a second each).
PARALLEL_WORK = 5e6


def topics_sweep(bow, dictionary: Dictionary, ks, seeds, passes: int = 20,
                 iterations: int = 200, holdout: float = 0.1, workers: int = 2,
                 split_seed: int = 1, progress=None, engine: str = "gensim",
                 sweeps="auto", sample: int | None = None) -> pd.DataFrame:
    """Fit one model per (K, seed) and measure it. One row per fit, sorted by K and seed:
    ``k, seed, perplexity, heldout_loglik, npmi, semantic_coherence, exclusivity,
    diversity, stability, sweeps, settled, documents`` (``documents``: how many were fitted
    or held out, all of them or the sample's).

    Every fit leaves out the same share ``holdout`` of the documents it is given, or of its
    sample (at least one; drawn, and their tokens halved, with ``split_seed``), fits on the
    rest and scores the held-out ones by document completion (:func:`heldout_completion`;
    ``perplexity = exp(-heldout_loglik)``), so the standard error over seeds measures what
    the seed changes. NPMI, semantic coherence and exclusivity use each topic's top 10
    words, NPMI and coherence counted in all documents; diversity uses the top 25; stability
    is the mean matched share of top-20 words (:func:`topics_match`) with each other seed's
    run at the same K. Values are means over topics. The fits run in ``workers`` processes,
    or on the Dask cluster at ``DASK_SCHEDULER_ADDRESS``
    (:func:`digiwelfare.parallel.tasks_run`, which also reports each fit and its seconds; in
    this process when the work is small, :data:`PARALLEL_WORK`), each seeded, so the table
    does not depend on where they ran; ``progress``, if given, is called with a line of text
    per fit, in the order of the fits, when they are all done.

    ``bow``: gensim bags of words, or the same packed (:class:`digiwelfare.bags.BagsOfWords`;
    the same table, from a tenth of the memory).

    ``sample``: at most this many documents are fitted, drawn at random with ``split_seed``
    (:func:`digiwelfare.heldout.fit_sample`; None: all), the held-out tenth drawn among them;
    NPMI and coherence are still counted in all documents. A fit's time grows with its
    tokens, so on a large corpus this bounds the sweep's time; the price is that K is judged
    on fewer documents than the final model has, and held-out likelihood can support more
    topics with more documents, so a sample can favour a smaller K, by more than one step of
    a grid, and where the fits differ between seeds it can move the choice either way
    (:mod:`digiwelfare.bench_sample`). The standard errors over seeds do not show that
    (every seed fits the same sample); fitting again with a larger sample, or all documents,
    does.

    ``engine`` and ``sweeps`` go to :func:`digiwelfare.topics.topics_fit`, so K is chosen
    with the engine that is then fitted. Both engines are scored the same way, with their
    topics and their symmetric ``alpha`` (a number; gensim's is K equal numbers) fixed. The
    anchor engine's starting topics (Arora et al. 2013) do not depend on the seed, only its
    Gibbs sweeps (Griffiths & Steyvers 2004) do, so its standard errors over seeds and its
    instability are smaller than gensim's: they measure what the seed changes in that engine.
    """
    from digiwelfare.checks import choice_check
    from digiwelfare.topics import ENGINES

    choice_check("engine", engine, ENGINES)

    if sample is not None:
        int_check("sample", sample, 20, 10**9)  # enough to hold out a tenth and fit the rest
    # packed as three arrays for every job: quick to send to a worker
    packed, held, halves = sweep_documents(bow, sample, holdout, split_seed)
    try:  # fits in this process share one anchor start (digiwelfare.engine.engine_start)
        rows = _sweep_rows(packed, dictionary, ks, seeds, passes, iterations, held, halves,
                           engine, sweeps, workers, progress)
    finally:
        from digiwelfare.engine import engine_start_forget

        engine_start_forget()
    if progress:  # the lines notebook 03 has always printed, in the order of the fits
        for i, row in enumerate(rows, 1):
            progress(f"fitted K = {row['k']}, seed {row['seed']} ({i}/{len(rows)})")
    return _sweep_measures(rows, bow).assign(documents=len(packed))


def _sweep_rows(packed, dictionary, ks, seeds, passes, iterations, held, halves, engine,
                sweeps, workers, progress) -> list[dict]:
    """The fits of :func:`topics_sweep`, a K the anchor engine cannot find left out."""
    from digiwelfare.parallel import tasks_run, workers_for

    if engine == "anchor":
        # the anchor engine finds at most as many topics as the training documents have
        # anchor words; a K above that is left out (and said), not a failed run
        from digiwelfare.engine import anchor_capacity

        capacity = anchor_capacity(packed.subset(~np.asarray(held, dtype=bool)),
                                   len(dictionary))
        dropped = [k for k in ks if k > capacity]
        ks = [k for k in ks if k <= capacity]
        if dropped and progress:
            progress(f"K = {', '.join(map(str, dropped))} left out: only {capacity} words "
                     "occur in enough training documents to anchor a topic")
        if not ks:
            from digiwelfare.checks import ParameterError

            raise ParameterError("ks", dropped, f"at most {capacity} topics: only so many "
                                 "words occur in enough documents to anchor one (a corpus "
                                 "this small needs fewer topics, or the gensim engine)")
    jobs = [(packed, dictionary, k, s, passes, iterations, held, halves, engine, sweeps)
            for k in ks for s in seeds]
    tokens = int(packed.counts.sum())
    return tasks_run(_sweep_fit, jobs, workers_for(workers, tokens * len(jobs), PARALLEL_WORK),
                     label=lambda job: f"K = {job[2]}, seed {job[3]}", what="fit",
                     threads=engine == "anchor")


def _sweep_measures(rows: list[dict], bow) -> pd.DataFrame:
    """The measures of :func:`topics_sweep`'s fits that need all of them (coherence on one
    count of co-occurrences, stability against the other seeds)."""
    union = np.unique(np.concatenate([r["top"][:, :10].ravel() for r in rows]))
    cooc = cooccurrence_docs(bow, union)
    for row in rows:
        top10 = np.searchsorted(union, row["top"][:, :10])
        row["npmi"] = float(topics_npmi(top10, cooc, len(bow)).mean())
        row["semantic_coherence"] = float(topics_semantic_coherence(top10, cooc).mean())
        row["diversity"] = topic_diversity([[int(w) for w in t] for t in row["top"]])
        row["top20"] = [set(t[:20].tolist()) for t in row["top"]]
    for row in rows:
        others = [r["top20"] for r in rows if r["k"] == row["k"] and r["seed"] != row["seed"]]
        row["stability"] = (float(np.mean([topics_match(row["top20"], o) for o in others]))
                            if others else np.nan)
    table = pd.DataFrame(rows)[["k", "seed", *METRIC_DIRECTIONS, "sweeps", "settled"]]
    return table.sort_values(["k", "seed"]).reset_index(drop=True)


def k_grid(ks, n_docs: int) -> list[int]:
    """The values of ``ks`` the corpus supports (2 to ``n_docs // 2``), sorted. When fewer
    than two of them fit, up to five values spread over 2 to ``n_docs // 2`` are used instead,
    so that a small corpus still gets a comparison; empty only below four documents."""
    high = n_docs // 2
    fitting = sorted({int(k) for k in ks if 2 <= int(k) <= high})
    if len(fitting) >= 2 or high < 2:
        return fitting if high >= 2 else []
    return sorted({int(round(k)) for k in np.linspace(2, high, min(5, high - 1))})


# --- the rule -----------------------------------------------------------------------------

def textstat_k(selection: pd.DataFrame) -> pd.DataFrame:
    """Each measure's mean and standard error over seeds, per K, tidy:
    ``metric, k, mean, se, seeds`` (``se`` = sample standard deviation / sqrt(seeds); empty
    with a single seed). Metrics in the order of :data:`METRIC_DIRECTIONS`."""
    metrics = [m for m in METRIC_DIRECTIONS if m in selection.columns]
    long = selection.melt(id_vars=["k", "seed"], value_vars=metrics, var_name="metric")
    long = long.dropna(subset=["value"])
    table = long.groupby(["metric", "k"]).agg(mean=("value", "mean"), sd=("value", "std"),
                                              seeds=("value", "size")).reset_index()
    table["se"] = table["sd"] / np.sqrt(table["seeds"])
    table["metric"] = pd.Categorical(table["metric"], metrics, ordered=True)
    table = table.sort_values(["metric", "k"]).reset_index(drop=True)
    table["metric"] = table["metric"].astype(str)
    return table[["metric", "k", "mean", "se", "seeds"]]


def k_choose(selection: pd.DataFrame, primary: str = PRIMARY) -> pd.DataFrame:
    """The one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani & Friedman 2009,
    sect. 7.10) on the measure ``primary``: find the K with the best mean over seeds, then
    choose the smallest K whose mean is within one standard error (of the best K's mean) of
    it. A smaller model that predicts as well within the noise between seeds is preferred.

    The choice depends only on each K's own mean and on the best K's mean and standard
    error, so adding values of K that are not within the band leaves it unchanged.

    Returns one row per K: ``k, seeds``, then ``<metric>`` and ``<metric>_se`` for every
    measure, then ``best`` (the best mean of ``primary``), ``within_1se`` and ``chosen``.
    """
    if primary not in METRIC_DIRECTIONS:
        raise ParameterError("primary", primary, "expected one of "
                             + ", ".join(METRIC_DIRECTIONS))
    summary = textstat_k(selection)
    wide = summary.pivot(index="k", columns="metric", values=["mean", "se"])
    metrics = [m for m in METRIC_DIRECTIONS if m in set(summary["metric"])]
    table = pd.DataFrame({"k": wide.index,
                          "seeds": selection.groupby("k")["seed"].nunique().loc[wide.index]})
    for m in metrics:
        table[m] = wide[("mean", m)].to_numpy()
        table[f"{m}_se"] = wide[("se", m)].to_numpy()
    table = table.reset_index(drop=True)
    sign = METRIC_DIRECTIONS[primary]
    score = sign * table[primary].round(12)
    best = int(score.idxmax())  # first of equals, that is the smaller K
    se_best = table.loc[best, f"{primary}_se"]
    se_best = 0.0 if pd.isna(se_best) else float(se_best)
    table["best"] = table.index == best
    table["within_1se"] = score >= score[best] - se_best
    table["chosen"] = table.index == table.index[table["within_1se"]].min()
    return table


def k_verdict(choice: pd.DataFrame, primary: str = PRIMARY, stable_share: float = 0.5,
              npmi_low: float = 0.05, margin: float = 0.01,
              fitted: tuple[int, int] | None = None) -> str:
    """What a :func:`k_choose` table shows, in sentences whose numbers come from it.

    The choice is called clear only when no other K is within one standard error of the
    best, every other K is worse by at least two standard errors of the difference
    (``sqrt(se_best**2 + se_k**2)``: the one-standard-error rule looks at the best K's error
    only), no other K comes within ``margin`` (a share of the best value) of it, the chosen
    K's topics share at least ``stable_share`` of their top-20 words across seeds, and its
    mean NPMI is at least ``npmi_low``; otherwise the text says which of these fails and that
    the K is a working choice. The margin matters when the seeds hardly differ (an engine
    with a deterministic start): the standard error is then small, and a difference of a
    fraction of a per cent between two K is no evidence for either. ``fitted``: the document
    parts the fits used and those there were (:func:`digiwelfare.heldout.sweep_fitted`); when
    fewer were used, the text says the choice rests on that one sample.
    """
    row = choice.loc[choice["chosen"]].iloc[0]
    best = choice.loc[choice["best"]].iloc[0]
    k, within = int(row["k"]), [int(x) for x in choice.loc[choice["within_1se"], "k"]]
    se_known = not pd.isna(best[f"{primary}_se"])
    name = "held-out perplexity" if primary == "perplexity" else primary.replace("_", " ")
    text = [f"By {name}, the best K in the grid is {int(best['k'])} ({best[primary]:.4g}"
            + (f", standard error {best[f'{primary}_se']:.2g} over {int(best['seeds'])} seeds)"
               if se_known else ", one seed: no standard error)") + "."]
    doubts = []
    low, high = choice.loc[choice[primary].idxmin()], choice.loc[choice[primary].idxmax()]
    if len(choice) > 1:
        text.append(f"Over the grid, the means run from {low[primary]:.4g} (K = {int(low['k'])})"
                    f" to {high[primary]:.4g} (K = {int(high['k'])}).")
    if len(within) > 1:
        others = [str(x) for x in within if x != int(best["k"])]
        text.append(f"K = {', '.join(others)} {'is' if len(others) == 1 else 'are'} also within "
                    f"one standard error of the best; the rule takes the smallest, K = {k}.")
        doubts.append("the differences between these K are within the noise between seeds")
    else:
        text.append(f"No other K is within one standard error of it, so K = {k}.")
    near = [int(x) for x in choice["k"] if x not in within and abs(
        float(choice.loc[choice["k"] == x, primary].iloc[0]) - float(best[primary]))
        <= margin * abs(float(best[primary]))]
    if se_known:
        se_b = float(best[f"{primary}_se"])
        close = []
        for _, other in choice.iterrows():
            if int(other["k"]) in within or int(other["k"]) in near:
                continue
            se_k = 0.0 if pd.isna(other[f"{primary}_se"]) else float(other[f"{primary}_se"])
            spread = math.hypot(se_b, se_k)
            if abs(float(other[primary]) - float(best[primary])) < 2 * spread:
                close.append(int(other["k"]))
        if close:
            text.append(f"K = {', '.join(map(str, close))} {'is' if len(close) == 1 else 'are'}"
                        " worse than the best by less than two standard errors of the "
                        "difference.")
            doubts.append("the best K is not two standard errors of the difference better "
                          "than every other")
    if near:
        text.append(f"K = {', '.join(map(str, near))} {'is' if len(near) == 1 else 'are'} "
                    f"outside that band but within {margin:.0%} of the best value.")
        doubts.append(f"other K come within {margin:.0%} of the best {name}")
    if len(choice) > 1 and k == int(choice["k"].min()):
        text.append(f"K = {k} is the smallest K in the grid: smaller K were not fitted and "
                    "might do as well.")
    if len(choice) > 1 and int(best["k"]) == int(choice["k"].max()):
        text.append(f"The best, K = {int(best['k'])}, is the largest K in the grid: larger K "
                    "were not fitted and might do better.")
        doubts.append("the best K is the largest fitted")
    if not se_known:
        doubts.append("with one seed the noise between seeds is unknown")
    if "stability" in choice and not pd.isna(row["stability"]):
        share = float(row["stability"])
        text.append(f"At K = {k}, a topic shares on average {share * 20:.0f} of its 20 top "
                    f"words ({share:.0%}) with its matched topic in another seed's run.")
        if share < stable_share:
            doubts.append(f"fewer than {stable_share:.0%} of the top words recur across seeds")
    if "npmi" in choice:
        text.append(f"Its mean NPMI is {row['npmi']:.3f}" + (
            f" (standard error {row['npmi_se']:.2g})" if not pd.isna(row["npmi_se"]) else "")
            + "; 0 would mean top words meet in documents only as often as chance has it.")
        if row["npmi"] < npmi_low:
            doubts.append(f"the top words hardly co-occur (NPMI below {npmi_low})")
    sampled = fitted is not None and fitted[0] < fitted[1]
    if sampled:
        text.append(f"Every fit used the same random sample of {fitted[0]:,} of the "
                    f"{fitted[1]:,} document parts (`sample_docs`): the standard errors show "
                    "what the seed changes, not what another sample would.")
    if doubts:
        text.append(f"No K is clearly supported by these data: {'; '.join(doubts)}. "
                    f"K = {k} is a working choice, not a finding; read the topics of "
                    "neighbouring K as well before relying on them.")
    else:
        text.append(f"The data support K = {k} clearly" + (", on that sample." if sampled
                                                            else "."))
    return " ".join(text)
