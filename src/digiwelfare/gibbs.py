"""How long the topic engine's Gibbs chain runs (:func:`digiwelfare.engine.engine_fit`), and
how it is shown whether it settled.

A collapsed Gibbs sampler started from the anchor words' topics refines them; how many sweeps
that takes depends on the corpus. On planted corpora with sparse mixtures (alpha 0.1) the
start is close and 25 sweeps suffice; with dense mixtures (alpha 0.5) the start is poor and
the chain needs a hundred sweeps or more; on a corpus of a hundred documents it climbs for
hundreds. A fixed number of sweeps either wastes time or publishes a chain still on its way.

So after every sweep the chain's log joint probability of words and topics is computed
(:func:`loglik`, Griffiths & Steyvers 2004, eqs. 2 and 3 with the document side's Dirichlet-
multinomial), per token. With ``sweeps="auto"`` the chain stops at the first check (every
:data:`CHECK_EVERY` sweeps from :data:`MIN_SWEEPS`) where the mean of the last quarter of
the trace exceeds the mean of the quarter before it by less than :data:`TOL` of its size
(:func:`chain_settled`: the trace has stopped rising; the comparison of two windows of the
chain's later half is Geweke's 1992 idea, with a tolerance instead of a test because the
sweeps of one chain are not independent). It stops at :data:`MAX_SWEEPS` otherwise, and
says so. The check reads only the trace, which the seed fixes, so the stopping sweep and the
model are the same bytes on every run; the chain that stopped at sweep ``s`` is the chain of
``sweeps=s``, since the sweeps' random keys do not depend on how many are drawn.

Reference: Geweke, J. (1992). Evaluating the accuracy of sampling-based approaches to the
calculation of posterior moments. In *Bayesian Statistics 4*, 169-193. Oxford University
Press.
"""

from __future__ import annotations

import math

import numba
import numpy as np

#: Sweeps before the first check (the engine's fixed number before checks existed).
MIN_SWEEPS = 25
#: Sweeps between checks.
CHECK_EVERY = 5
#: The most sweeps ``"auto"`` runs.
MAX_SWEEPS = 1000
#: The relative rise of the last quarter's mean log-likelihood below which the chain has settled.
TOL = 1e-3


@numba.njit(cache=True, nogil=True)
def loglik(n_dk, n_wk, n_k, alpha, beta):  # pragma: no cover - compiled
    """``log p(w, z)`` of a collapsed LDA state with symmetric priors: for each topic,
    ``lgamma(V beta) - lgamma(n_k + V beta) + sum_w [lgamma(n_wk + beta) - lgamma(beta)]``;
    for each document, ``lgamma(K alpha) - lgamma(n_d + K alpha) + sum_k [lgamma(n_dk +
    alpha) - lgamma(alpha)]``. Zero counts add nothing and are skipped."""
    n_words, n_topics = n_wk.shape
    total = 0.0
    for t in range(n_topics):
        total += math.lgamma(n_words * beta) - math.lgamma(n_k[t] + n_words * beta)
    lb = math.lgamma(beta)
    for w in range(n_words):
        for t in range(n_topics):
            if n_wk[w, t] > 0:
                total += math.lgamma(n_wk[w, t] + beta) - lb
    la, ka = math.lgamma(alpha), math.lgamma(n_topics * alpha)
    for d in range(n_dk.shape[0]):
        n = 0
        for t in range(n_topics):
            if n_dk[d, t] > 0:
                n += n_dk[d, t]
                total += math.lgamma(n_dk[d, t] + alpha) - la
        total += ka - math.lgamma(n + n_topics * alpha)
    return total


def chain_settled(trace, tol: float = TOL) -> bool:
    """Whether a log-likelihood trace (one value a sweep) has stopped rising: the mean of its
    last quarter exceeds the mean of the quarter before by less than ``tol`` of the latter's
    size. A trace shorter than 8 sweeps has not.

    >>> chain_settled([-9.0, -8.0, -7.0, -6.5, -6.2, -6.1, -6.05, -6.04])
    False
    >>> chain_settled([-9.0, -7.0, -6.5, -6.1, -6.0, -6.001, -6.0, -6.002])
    True
    """
    rise = chain_rise(trace)
    return rise is not None and rise < tol


def chain_run(sweep, state, alpha: float, beta: float, keys, sweeps, average: int):
    """Run a chain: ``sweep(*state, alpha, beta, key)`` once a sweep with ``keys[s + 1]``,
    ``state`` being ``(words, docs, z, n_dk, n_wk, n_k)``, changed in place. ``sweeps`` is a
    number, or ``"auto"`` (module docstring). Returns ``(sum_dk, sum_wk, trace)``: the counts
    summed over the last ``average`` sweeps, in their order (the same bytes as summing them
    as they come), and the log-likelihood per token after each sweep."""
    words, _, _, n_dk, n_wk, n_k = state
    n_tokens = max(int(words.size), 1)
    auto = sweeps == "auto"
    limit = MAX_SWEEPS if auto else int(sweeps)
    kept: list[tuple[np.ndarray, np.ndarray]] = []
    trace: list[float] = []
    for s in range(limit):
        sweep(*state, float(alpha), float(beta), keys[s + 1])
        trace.append(loglik(n_dk, n_wk, n_k, float(alpha), float(beta)) / n_tokens)
        if auto or s >= limit - average:
            kept.append((n_dk.copy(), n_wk.copy()))
            del kept[:-average]
        done = s + 1
        if auto and done >= MIN_SWEEPS and (done - MIN_SWEEPS) % CHECK_EVERY == 0 and \
                chain_settled(trace):
            break
    sum_dk, sum_wk = np.zeros(n_dk.shape), np.zeros(n_wk.shape)
    for dk, wk in kept:
        sum_dk += dk
        sum_wk += wk
    return sum_dk, sum_wk, trace


def chain_rise(trace) -> float | None:
    """The relative rise of the last quarter's mean log-likelihood over the quarter before
    (what :func:`chain_settled` compares with its tolerance), or None for fewer than 8
    sweeps."""
    n = len(trace)
    if n < 8:
        return None
    q = n // 4
    before = float(np.mean(trace[n - 2 * q:n - q]))
    return (float(np.mean(trace[n - q:])) - before) / abs(before)


def chain_report(model) -> str:
    """A sentence on a fitted model's chain: sweeps run, the last quarter's rise and whether
    it settled, with what to do if not. A model without a trace (gensim's) says so."""
    trace = getattr(model, "settings", {}).get("loglik")
    if not trace:
        return ("This model has no sampling chain (gensim's variational fit); its convergence "
                "is gensim's, set by `passes` and `iterations`.")
    rise = chain_rise(trace)
    head = (f"The kept chain ran {len(trace)} sweeps; its log-likelihood per token ended at "
            f"{trace[-1]:.3f}")
    if rise is None:
        return head + ", too few sweeps to tell whether it settled."
    if rise < TOL:
        return (head + f", and the mean of its last quarter rose {100 * rise:.3f}% over the "
                f"quarter before (under {100 * TOL:.1f}%): it had settled.")
    return (head + f", and the mean of its last quarter still rose {100 * rise:.3f}% over the "
            f"quarter before (the tolerance is {100 * TOL:.1f}%): it had NOT settled. Read "
            f"the topics as provisional, or set `sweeps` higher than {len(trace)} in this "
            f"notebook's parameter file.")
