"""Held-out likelihood by document completion (Wallach, Murray, Salakhutdinov & Mimno 2009;
the estimate stm's ``searchK`` reports), the first measure of :mod:`digiwelfare.selection`:
half of each held-out document's tokens estimates its topic proportions with the fitted
topic-word matrix fixed, the other half is scored.

The proportions come from LDA's variational E-step (Blei, Ng & Jordan 2003, eq. 6-7), run
document by document in compiled code (numba): a model selection runs it once for each of
its dozens of fits. Its digamma function is the classic recurrence and asymptotic series
(Bernardo 1976, algorithm AS 103, with more terms of the series), checked against SciPy's.

References: Wallach, H. M., Murray, I., Salakhutdinov, R. & Mimno, D. (2009). Evaluation
methods for topic models. *ICML*, 1105-1112. Blei, D. M., Ng, A. Y. & Jordan, M. I. (2003).
Latent Dirichlet allocation. *JMLR* 3, 993-1022. Bernardo, J. M. (1976). Algorithm AS 103:
Psi (digamma) function. *Applied Statistics* 25(3), 315-317.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numba
import numpy as np

if TYPE_CHECKING:
    import pandas as pd


def holdout_split(n_docs: int, share: float = 0.1, seed: int = 1) -> np.ndarray:
    """A fixed boolean mask of held-out documents (``share`` of them, at least one)."""
    rng = np.random.default_rng(seed)
    held = np.zeros(n_docs, dtype=bool)
    held[rng.permutation(n_docs)[:max(1, round(share * n_docs))]] = True
    return held


def fit_sample(n_docs: int, limit: int | None, seed: int = 1) -> np.ndarray | None:
    """The documents a model selection fits when it is limited to ``limit`` of them: their
    indices, sorted, drawn at random without replacement with ``seed`` (a stream apart from
    the held-out split's, which is then drawn among them), or None when ``limit`` is None or
    the corpus has no more documents than that (every document is fitted)."""
    if limit is None or n_docs <= limit:
        return None
    rng = np.random.default_rng([seed, 0x5A4D])
    return np.sort(rng.permutation(n_docs)[:limit])


def sweep_documents(bow, sample: int | None, holdout: float, seed: int):
    """What a model selection fits and scores: ``(fitted, held, halves)``, the documents it
    fits (all of ``bow``, or :func:`fit_sample`'s) as a
    :class:`digiwelfare.bags.BagsOfWords`, the mask of those held out (:func:`holdout_split`)
    and their two halves (:func:`heldout_halves`). ``bow``: gensim bags of words or the same
    packed."""
    from digiwelfare.bags import BagsOfWords

    fitted = BagsOfWords.of(bow)
    used = fit_sample(len(fitted), sample, seed)
    if used is not None:  # the sample's indices are sorted: a mask keeps them in that order
        fitted = fitted.subset(np.isin(np.arange(len(fitted)), used))
    held = holdout_split(len(fitted), holdout, seed)
    return fitted, held, heldout_halves(fitted.subset(held).to_list(), seed)


def sweep_fitted(selection: pd.DataFrame, n_docs: int) -> tuple[int, int]:
    """``(used, n_docs)``: how many of the ``n_docs`` document parts a
    :func:`digiwelfare.selection.topics_sweep`'s fits used (its ``documents`` column; all of
    them for an empty table), as :func:`fit_sample_report` and the verdict's ``fitted`` read
    it."""
    return (int(selection["documents"].iloc[0]) if len(selection) else n_docs), n_docs


def bow_split_half(bow: list, seed: int = 1) -> tuple[list, list]:
    """Split each document's tokens at random into two halves: ``(observed, scored)``.

    The tokens are shuffled with a generator seeded by ``seed``; the first half (rounded
    down) is observed, the rest scored. Both come back as gensim bags of words.
    """
    rng = np.random.default_rng(seed)
    observed, scored = [], []
    for doc in bow:
        tokens = np.repeat([w for w, _ in doc], [c for _, c in doc]).astype(int)
        tokens = rng.permutation(tokens)
        half = len(tokens) // 2
        for part, out in ((tokens[:half], observed), (tokens[half:], scored)):
            ids, counts = np.unique(part, return_counts=True)
            out.append([(int(w), int(c)) for w, c in zip(ids, counts, strict=True)])
    return observed, scored


@numba.njit(cache=True, nogil=True)
def digamma(x: float) -> float:  # pragma: no cover - compiled
    """The digamma function of ``x > 0``: ``psi(x) = psi(x + 1) - 1 / x`` until ``x >= 10``,
    then ``log x - 1/(2x) - sum B_2n / (2n x^2n)`` to ``n = 7`` (the next term is under
    5e-17 there)."""
    if x == 0.0:
        return -np.inf  # as SciPy's: the limit from above
    shift = 0.0
    while x < 10.0:
        shift -= 1.0 / x
        x += 1.0
    f = 1.0 / (x * x)
    series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (
        1.0 / 132 - f * (691.0 / 32760 - f * (1.0 / 12)))))))
    return shift + np.log(x) - 0.5 / x - series


@numba.njit(cache=True, nogil=True)
def _e_step(ids, counts, starts, beta, alpha, iterations, tol, theta):  # pragma: no cover
    k = beta.shape[0]
    gamma = np.empty(k)
    new = np.empty(k)
    e = np.empty(k)
    alpha_sum = alpha.sum()
    for d in range(starts.size - 1):
        lo, hi = starts[d], starts[d + 1]
        if lo == hi:
            theta[d] = alpha / alpha_sum
            continue
        n_total = 0.0
        for j in range(lo, hi):
            n_total += counts[j]
        for t in range(k):
            gamma[t] = alpha[t] + n_total / k
        for _ in range(iterations):
            for t in range(k):
                e[t] = np.exp(digamma(gamma[t]))
                new[t] = alpha[t]
            for j in range(lo, hi):
                w = ids[j]
                total = 0.0
                for t in range(k):
                    total += e[t] * beta[t, w]
                total = max(total, 1e-300)
                for t in range(k):
                    new[t] += e[t] * beta[t, w] / total * counts[j]
            change = 0.0
            for t in range(k):
                change = max(change, abs(new[t] - gamma[t]))
                gamma[t] = new[t]
            if change < tol:
                break
        s = gamma.sum()
        for t in range(k):
            theta[d, t] = gamma[t] / s


def theta_estimate(bow: list, beta: np.ndarray, alpha, iterations: int = 200,
                   tol: float = 1e-8) -> np.ndarray:
    """Topic proportions of each document with the topic-word matrix ``beta`` (K x V) fixed.

    LDA's variational E-step (Blei, Ng & Jordan 2003, eq. 6-7) under the Dirichlet prior
    ``alpha`` (a number or K numbers); returns the posterior means ``gamma / sum(gamma)``,
    D x K; an empty document keeps the prior's mean. Every document starts from the same
    point, ``alpha + N / K``, and stops once no ``gamma`` moves by ``tol`` or more, or after
    ``iterations``, so it needs no random numbers.
    """
    k = beta.shape[0]
    alpha = np.ascontiguousarray(np.broadcast_to(np.asarray(alpha, dtype=float), (k,)))
    sizes = np.fromiter((len(doc) for doc in bow), dtype=np.int64, count=len(bow))
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    ids = np.fromiter((w for doc in bow for w, _ in doc), dtype=np.int64, count=starts[-1])
    counts = np.fromiter((c for doc in bow for _, c in doc), dtype=float, count=starts[-1])
    if ids.size and (ids.min() < 0 or ids.max() >= beta.shape[1]):
        raise ValueError(f"theta_estimate: word id {int(ids.max())} in the documents, but the "
                         f"topics have {beta.shape[1]} words; use the bag of words of the "
                         "model's own dictionary")
    theta = np.empty((len(bow), k))
    _e_step(ids, counts, starts, np.ascontiguousarray(beta, dtype=float), alpha,
            int(iterations), float(tol), theta)
    return theta


def loglik_per_word(bow: list, theta: np.ndarray, beta: np.ndarray) -> float:
    """Mean log-likelihood per token (natural log) of the documents in ``bow`` given their
    topic proportions ``theta`` (D x K) and ``beta`` (K x V): the sum over tokens of
    ``log(sum_k theta_dk beta_kw)``, divided by the number of tokens."""
    total, words = 0.0, 0
    for d, doc in enumerate(bow):
        if not doc:
            continue
        ids = np.array([w for w, _ in doc])
        n = np.array([c for _, c in doc], dtype=float)
        total += float(n @ np.log(theta[d] @ beta[:, ids]))
        words += int(n.sum())
    if words == 0:
        raise ValueError("no held-out tokens to score: every held-out document has fewer than "
                         "two tokens; use a larger corpus or a larger hold-out share")
    return total / words


def heldout_halves(bow: list, seed: int = 1) -> tuple[list, list]:
    """The two halves document completion uses (:func:`bow_split_half` of the documents of
    two tokens or more): drawn once, they serve every fit scored on the same documents."""
    return bow_split_half([d for d in bow if sum(c for _, c in d) >= 2], seed)


def heldout_score(halves: tuple[list, list], beta: np.ndarray, alpha) -> float:
    """The per-token log-likelihood of the scored halves given the topic proportions the
    observed halves give (:func:`theta_estimate`, then :func:`loglik_per_word`); ``halves``
    as :func:`heldout_halves` draws them, once for every fit scored on the same documents."""
    observed, scored = halves
    return loglik_per_word(scored, theta_estimate(observed, beta, alpha), beta)


def heldout_completion(bow: list, beta: np.ndarray, alpha, seed: int = 1) -> float:
    """Document completion (Wallach et al. 2009): half of each document's tokens estimates
    its topic proportions, the other half is scored (:func:`heldout_score` of
    :func:`heldout_halves`); documents of fewer than two tokens are left out. Returns the
    per-token log-likelihood in natural log; the perplexity is ``exp(-value)``."""
    return heldout_score(heldout_halves(bow, seed), beta, alpha)


def fit_sample_report(selection: pd.DataFrame, n_docs: int) -> str:
    """A sentence on which documents a :func:`digiwelfare.selection.topics_sweep`'s fits used,
    read from its ``documents`` column, of the ``n_docs`` it was given."""
    used, _ = sweep_fitted(selection, n_docs)
    if used >= n_docs:
        return f"The fits used all {n_docs:,} document parts."
    return (f"K was chosen on a random sample of {used:,} of the {n_docs:,} document parts "
            f"({used / n_docs:.0%}; `sample_docs`), a tenth of it held out; coherence is "
            "counted in all of them. A sample can choose another K than all the parts "
            "would: to check, run again with a larger `sample_docs` or with None and "
            "compare the tables.")
