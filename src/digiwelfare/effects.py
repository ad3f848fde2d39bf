"""Effects of document covariates on topic prevalence, with topic uncertainty carried into
the intervals: the method of composition (Tanner 1996), as STM's ``estimateEffect`` uses it
(Roberts, Stewart & Tingley 2019).

For each of ``n_sims`` simulations: draw every document's topic proportions from its
variational posterior (a Dirichlet with the model's ``gamma``), regress the proportions of
each topic on the covariates, and draw coefficients from their sampling distribution.
Predictions and contrasts are computed per draw; the estimate is their mean and the interval
their 2.5 and 97.5 percentiles.

The regression is a quasi-binomial generalised linear model with a logit link (Papke &
Wooldridge 1996, fractional logit; McCullagh & Nelder 1989, ch. 9): a proportion is modelled
as ``expit(x'b)``, its variance as ``phi * mu * (1 - mu)`` with ``phi`` estimated from the
Pearson residuals. Every prediction therefore lies between 0 and 1, which a linear model on
the proportions does not promise. The design, with year as a cubic B-spline so that
prevalence may rise and fall over time, and the scenarios predictions are made for, come from
:mod:`digiwelfare.design`.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from digiwelfare.design import MIN_DOCS, Design, scenarios_make, scenarios_rows
from digiwelfare.glm import expit, glm_logit_fit

#: Draws of the method of composition. Measured on the demo corpus (docs/effects_history.md):
#: with 50,000 draws the 2.5 % and 97.5 % bounds from two seeds differ by less than 0.005
#: everywhere (by up to 0.045 with 1,000 draws, 0.009 with 10,000).
N_SIMS = 50_000
#: Draws of the topic proportions (each regressed once) by default: at most
#: ``THETA_DRAWS_MAX``, fewer on a large corpus so that draws x documents stay within
#: ``THETA_BUDGET``, never fewer than ``THETA_DRAWS_MIN`` (STM's ``estimateEffect`` default).
#: On the demo corpus, 1,000 such draws for 50,000 coefficient draws left the bounds of two
#: seeds as far apart as 50,000 fits did (docs/effects_history.md).
THETA_DRAWS_MAX = 1_000
THETA_DRAWS_MIN = 25
THETA_BUDGET = 2_000_000
#: Simulations per batched regression (changing it changes which random numbers a seed gives).
BATCH = 100
#: A document "carries" a topic when its expected share of the topic is at least this.
CARRY_SHARE = 0.1
#: A row is flagged (``caveat``) when its interval is wider than this, in proportion points,
#: or when fewer than ``min_carry`` documents carry its topic: such a topic's year curve can
#: span nearly 0 to 1 and says little.
CAVEAT_WIDTH = 0.5
COLUMNS = ["topic", "covariate", "level", "kind", "estimate", "ci_low", "ci_high",
           "docs_carrying", "caveat"]


def topics_posterior(model, bow: list, workers: int = 1) -> np.ndarray:
    """Each document's posterior Dirichlet parameters (D x K): gensim's variational ones, or
    for the anchor engine its Gibbs topic counts plus ``alpha`` (on ``workers`` threads, the
    same bytes on any number). Infer once and reuse: gensim's inference draws from the
    model's random state."""
    if hasattr(model, "doc_counts"):
        return model.doc_counts(bow, workers=workers) + model.alpha
    with threadpool_limits(1):  # the same bytes on any load (topics.topics_fit)
        gamma, _ = model.inference(bow)
    return np.asarray(gamma)


def topics_posterior_saved(model, bow: list, folder, workers: int = 1) -> np.ndarray:
    """:func:`topics_posterior` of the model just saved in ``folder``, as notebook 04 keeps it
    for notebook 05 (``build/posterior_<language>.parquet``). The anchor engine's is a pure
    function of the model and is inferred from ``model``; gensim's from a fresh copy read
    from ``folder``, so that inferring with ``model`` before has not moved its random state
    and the result is what a reader of the saved model gets."""
    if hasattr(model, "doc_counts"):
        return topics_posterior(model, bow, workers=workers)
    from digiwelfare.topics import model_read

    return topics_posterior(model_read(folder), bow)


def theta_draws_auto(n_docs: int, n_sims: int = N_SIMS) -> int:
    """How many draws of the topic proportions :func:`textstat_effects` fits for ``n_docs``
    documents: ``THETA_BUDGET / n_docs`` held between ``THETA_DRAWS_MIN`` and
    ``THETA_DRAWS_MAX``, then lowered to the nearest divisor of ``n_sims``.

    >>> theta_draws_auto(240), theta_draws_auto(10_000), theta_draws_auto(100_000)
    (1000, 200, 25)
    """
    want = min(THETA_DRAWS_MAX, n_sims, max(THETA_DRAWS_MIN, THETA_BUDGET // max(n_docs, 1)))
    return next(d for d in range(want, 0, -1) if n_sims % d == 0)


def textstat_effects(gamma: np.ndarray, design: Design, n_sims: int = N_SIMS, seed: int = 1,
                     level: float = 0.95, contrasts: list[tuple] | None = None,
                     min_carry: int = MIN_DOCS, workers: int = 1,
                     theta_draws: int | None = None) -> pd.DataFrame:
    """Expected topic proportions by covariate level, and contrasts between two levels, with
    intervals that include topic uncertainty (the method of composition, fractional logit).

    ``gamma`` is the D x K posterior of :func:`topics_posterior` for the documents given to
    `digiwelfare.design.design_build` (rows it left out are skipped here). ``contrasts`` lists
    ``(covariate, a, b)`` for ``a - b``, e.g. ``("doc_type", "policy_document",
    "project_report")`` or ``("year", 2022, 2014)``; by default every pair of levels of each
    categorical covariate (later level minus earlier, the reference first) and the last year
    minus the first.

    Columns: ``topic, covariate, level, kind, estimate, ci_low, ci_high`` where ``kind`` is
    ``prediction`` (mean over documents of the predicted proportion with every document set to
    the level, its other covariates as observed: always in [0, 1]) or ``difference`` (a
    contrast, named ``a - b``, in proportion points). ``docs_carrying`` is the number of
    documents whose expected share of the topic is at least ``CARRY_SHARE``; ``caveat`` flags
    a row whose interval is wider than ``CAVEAT_WIDTH`` or whose topic fewer than
    ``min_carry`` documents carry. Empty when nothing is left to estimate.

    ``theta_draws`` (a divisor of ``n_sims``; by default ``n_sims``) is the number of draws of
    the topic proportions. Each is regressed once and gives ``n_sims / theta_draws`` draws of
    the coefficients from that fit's sampling distribution. Every draw is still one of the
    method of composition, so the estimate and the bounds aim at the same values; draws that
    share a fit are alike, so the bounds vary more from seed to seed than with as many
    independent draws. The fits are what grows with the number of documents; the coefficient
    draws do not, so fewer fits make a large corpus affordable (STM's ``estimateEffect``
    fits 25 by default, with one coefficient draw each).

    The proportions are drawn in batches of ``BATCH``, each with its own random stream spawned
    from ``seed`` (numpy's ``SeedSequence``), on ``workers`` threads: the table is the same,
    to the byte, whatever the number of workers.
    """
    gamma = np.asarray(gamma, float)
    if design.rows is not None and len(gamma) == len(design.rows):
        gamma = gamma[design.rows]
    if len(gamma) != len(design.meta):
        raise ValueError(f"gamma has {len(gamma)} rows but the design {len(design.meta)} "
                         f"documents: give the posterior of the documents passed to design_build")
    theta_draws = n_sims if theta_draws is None else theta_draws
    if not 1 <= theta_draws <= n_sims or n_sims % theta_draws:
        raise ValueError(f"theta_draws={theta_draws} must divide n_sims={n_sims}: give a "
                         f"divisor, such as {max(1, n_sims // 10)} (or None for one fit a draw)")
    reps = n_sims // theta_draws
    preds, pairs = scenarios_make(design, contrasts)
    if not preds:
        return pd.DataFrame(columns=COLUMNS)
    x = design.matrix()
    n, p = x.shape
    if n <= p:
        raise ValueError(f"{n} documents cannot support {p} regression coefficients: use "
                         f"fewer covariates or a larger corpus")
    rows, weights = scenarios_rows(design, preds)
    k = gamma.shape[1]
    draws = np.empty((n_sims, len(preds), k))
    start, _ = glm_logit_fit(x, gamma / gamma.sum(axis=1, keepdims=True))
    # Simulations run in batches: each batch's K x B regressions are one batched IRLS, which
    # is many times faster than a Python loop over draws. The batch size is fixed and each
    # batch has its own stream, so a seed gives the same draws on every machine and with any
    # number of threads (numpy and the compiled solvers release the GIL).
    firsts = range(0, theta_draws, BATCH)
    streams = np.random.SeedSequence(seed).spawn(len(firsts))

    def batch(i: int) -> None:
        first, b = firsts[i], min(BATCH, theta_draws - firsts[i])
        draws[first * reps:(first + b) * reps] = _draws_batch(
            x, rows, weights, gamma, start, np.random.default_rng(streams[i]), b, reps)

    with threadpool_limits(1):  # small matrices: BLAS threads only contend on a busy machine
        if workers > 1:
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(batch, range(len(firsts))))
        else:
            for i in range(len(firsts)):
                batch(i)
    table = _summarise(draws, preds, pairs, level)
    carrying = (gamma / gamma.sum(axis=1, keepdims=True) >= CARRY_SHARE).sum(axis=0)
    table["docs_carrying"] = carrying[table["topic"].to_numpy() - 1]
    table["caveat"] = ((table["ci_high"] - table["ci_low"] > CAVEAT_WIDTH)
                       | (table["docs_carrying"] < min_carry))
    return table


def effects_caveats(effects: pd.DataFrame) -> pd.DataFrame:
    """The topics with a flagged row in a :func:`textstat_effects` table, one row each:
    ``topic, docs_carrying, widest`` (the widest interval of the topic), widest first."""
    flagged = effects[effects["caveat"].astype(bool)]
    out = (flagged.assign(width=flagged["ci_high"] - flagged["ci_low"])
           .groupby("topic", as_index=False)
           .agg(docs_carrying=("docs_carrying", "first"), widest=("width", "max")))
    return out.sort_values(["widest", "topic"], ascending=[False, True], ignore_index=True)


def _cov_sqrt(cov: np.ndarray) -> np.ndarray:
    """A square root of each covariance matrix: Cholesky's, or, where a nearly saturated
    design (a few documents per coefficient) leaves a matrix only semi-definite, the
    symmetric root with negative rounding-error eigenvalues set to zero."""
    try:
        return np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        vals, vecs = np.linalg.eigh((cov + np.swapaxes(cov, -1, -2)) / 2)
        return vecs * np.sqrt(np.clip(vals, 0, None))[..., None, :]


def _draws_batch(x, rows, weights, gamma, start, rng, b: int, reps: int = 1) -> np.ndarray:
    """``b`` draws of the proportions, each fitted once and followed by ``reps`` draws of the
    coefficients: (B * reps) x S x K predictions, each draw's ``reps`` rows together."""
    (n, p), k = x.shape, gamma.shape[1]
    g = rng.standard_gamma(np.broadcast_to(gamma, (b, n, k)))
    theta = g / g.sum(axis=2, keepdims=True)  # a Dirichlet draw per document and simulation
    y = theta.transpose(1, 0, 2).reshape(n, b * k)  # columns: simulation-major, then topic
    # a Newton step under 1e-6 leaves the coefficients within about 1e-12 of a stop at 1e-8
    # (convergence is quadratic; measured on the demo corpus), a fifth fewer iterations
    beta, cov = glm_logit_fit(x, y, start=np.tile(start, b), tol=1e-6)
    chol = _cov_sqrt(cov)  # BK x P x P
    z = rng.standard_normal((reps, p, b * k))  # reps == 1: the numbers of one draw a fit
    pred = np.stack([weights @ expit(rows @ (beta + np.einsum("mpq,qm->pm", chol, zr)))
                     for zr in z])  # reps x S x BK
    return pred.reshape(reps, len(weights), b, k).transpose(2, 0, 1, 3).reshape(
        b * reps, len(weights), k)


def _summarise(draws: np.ndarray, preds, pairs, level: float) -> pd.DataFrame:
    q = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    records = []
    for i, (cov, lev) in enumerate(preds):
        lo, hi = np.percentile(draws[:, i, :], q, axis=0)
        for t in range(draws.shape[2]):
            records.append((t + 1, cov, lev, "prediction", draws[:, i, t].mean(), lo[t], hi[t]))
    for cov, name, a, b in pairs:
        d = draws[:, a, :] - draws[:, b, :]
        lo, hi = np.percentile(d, q, axis=0)
        for t in range(draws.shape[2]):
            records.append((t + 1, cov, name, "difference", d[:, t].mean(), lo[t], hi[t]))
    table = pd.DataFrame(records, columns=COLUMNS[:7])
    return table.sort_values(["topic", "covariate", "kind"], kind="stable").reset_index(drop=True)
