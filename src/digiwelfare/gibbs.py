"""How long the topic engine's Gibbs chain runs (:func:`digiwelfare.engine.engine_fit`), and
how it is shown whether it settled.

A collapsed Gibbs sampler started from the anchor words' topics refines them; how many sweeps
that takes depends on the corpus. On planted corpora with sparse mixtures (alpha 0.1) the
start is close and 25 sweeps suffice; with dense mixtures (alpha 0.5) the start is poor and
the chain needs a hundred sweeps or more; on a corpus of a hundred documents it climbs for
hundreds. A fixed number of sweeps either wastes time or publishes a chain still on its way.

So after every sweep the chain's log joint probability of words and topics, log p(w, z), is
computed per token (:func:`loglik`, Griffiths & Steyvers 2004, eqs. 2 and 3 with the
document side's Dirichlet-multinomial). With ``sweeps="auto"`` the trace is checked every
:data:`CHECK_EVERY` sweeps from :data:`MIN_SWEEPS`: a check passes when the mean of the
trace's last quarter (at most :data:`WINDOW` sweeps) differs from the mean of the as many
sweeps before by less than :data:`TOL` of its size, up or down, and the chain stops when
:data:`CONFIRM` checks in a row have passed (:func:`chain_settled`). Up or down, because a
chain can start above where it goes and dip first; in a row, because one check can fall on
the bottom of that dip. Comparing two windows of a chain's later part is the idea of
Geweke's (1992) diagnostic, loosely: his compares them by a z-score with the chain's
autocorrelation in its standard errors, this rule by a tolerance. The chain also stops when
its topics have stopped moving, whatever the trace does (:func:`topics_settled`): at three
checks in a row, no topic's word distribution, averaged over the last block of
:data:`CHECK_EVERY` sweeps, is more than :data:`TOPIC_TOL` in total variation from the same
topic :data:`TOPIC_LAG` blocks (25 sweeps) before. On a large corpus the trace creeps up for
long after the topics are fixed (the sampler keeps refining which topic each token of a
document takes), and the topics are what the model publishes; comparing blocks 25 sweeps
apart, not neighbours, lets a slow drift of the topics add up where the sampling noise does
not. On a small corpus the noise between blocks is larger than :data:`TOPIC_TOL`, and the
trace decides. The chain stops at :data:`MAX_SWEEPS` otherwise, and says so.

What the rule shows and what it does not: a trace that has levelled off, in one chain. A
chain can sit on a plateau and climb again later, and a level trace does not show that the
chain has found the best topics; several chains from different starts agreeing would say
more. The check reads only the trace, which the seed fixes, so the stopping sweep and the
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
#: The relative change of the last window's mean log p(w, z) under which a check passes.
TOL = 5e-4
#: The most sweeps in either of the two windows a check compares.
WINDOW = 50
#: The largest total-variation distance of any topic's words from :data:`TOPIC_LAG` blocks
#: before under which the topics count as still.
TOPIC_TOL = 0.01
#: How many blocks of :data:`CHECK_EVERY` sweeps back a topic is compared with.
TOPIC_LAG = 5
#: Checks in a row that must pass (the stop comes ``(CONFIRM - 1) * CHECK_EVERY`` sweeps after
#: the first that passed).
CONFIRM = 3


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


def chain_settled(trace, tol: float = TOL, checks: int = CONFIRM) -> bool:
    """Whether a trace (log p(w, z) per token, one value a sweep) has levelled off: at each of
    the last ``checks`` checks (the trace as it stood now, :data:`CHECK_EVERY` sweeps
    before, and so on) the mean of its last window (:func:`chain_rise`) differs from the
    mean of the window
    before by less than ``tol`` of the latter's size, up or down. A trace that still falls is
    not level (a start above where the chain goes, then a dip), and one check alone can fall
    on the bottom of a dip; a trace shorter than 8 sweeps at its first check is not level.

    >>> chain_settled([-9.0, -8.0, -7.0, -6.5, -6.2, -6.1, -6.05, -6.04], checks=1)
    False
    >>> chain_settled([-9.0, -7.0, -6.5, -6.1, -6.0, -6.001, -6.0, -6.002], checks=1)
    True
    """
    n = len(trace)
    for j in range(checks):
        rise = chain_rise(trace[:n - j * CHECK_EVERY]) if n - j * CHECK_EVERY > 0 else None
        if rise is None or abs(rise) >= tol:
            return False
    return True


def topics_settled(shifts, tol: float = TOPIC_TOL, checks: int = CONFIRM) -> bool:
    """Whether the topics have stopped moving: at each of the last ``checks`` checks, no
    topic's word distribution (averaged over a block of :data:`CHECK_EVERY` sweeps) is more
    than ``tol`` in total variation from the same topic :data:`TOPIC_LAG` blocks before
    (``shifts``: the largest such distance at each check, :func:`chain_run`).

    >>> topics_settled([0.2, 0.05, 0.004, 0.006, 0.005]), topics_settled([0.004, 0.02, 0.005])
    (True, False)
    """
    return len(shifts) >= checks and max(shifts[-checks:]) < tol


def _topics(block, beta: float) -> np.ndarray:
    """Each topic's word distribution (a column) from a block's summed word-topic counts."""
    phi = block + beta
    return phi / phi.sum(axis=0, keepdims=True)


def chain_run(sweep, state, alpha: float, beta: float, keys, sweeps, average: int):
    """Run a chain: ``sweep(*state, alpha, beta, key)`` once a sweep with ``keys[s + 1]``,
    ``state`` being ``(words, docs, z, n_dk, n_wk, n_k)``, changed in place. ``sweeps`` is a
    number, or ``"auto"`` (module docstring). Returns ``(sum_dk, sum_wk, trace, shifts)``: the
    counts summed over the last ``average`` sweeps, in their order (the same bytes as summing
    them as they come); log p(w, z) per token after each sweep; and at each check from the
    :data:`TOPIC_LAG` + 1-th block on, the largest total-variation distance of a topic's
    words from :data:`TOPIC_LAG` blocks before (:func:`topics_settled`)."""
    words, _, _, n_dk, n_wk, n_k = state
    n_tokens = max(int(words.size), 1)
    auto = sweeps == "auto"
    limit = MAX_SWEEPS if auto else int(sweeps)
    kept: list[tuple[np.ndarray, np.ndarray]] = []
    trace: list[float] = []
    block, blocks, shifts = np.zeros(n_wk.shape), [], []
    for s in range(limit):
        sweep(*state, float(alpha), float(beta), keys[s + 1])
        trace.append(loglik(n_dk, n_wk, n_k, float(alpha), float(beta)) / n_tokens)
        if auto or s >= limit - average:
            kept.append((n_dk.copy(), n_wk.copy()))
            del kept[:-average]
        done = s + 1
        block += n_wk
        if done % CHECK_EVERY == 0:
            blocks = [*blocks[-TOPIC_LAG:], _topics(block, beta)]
            block[:] = 0
            if len(blocks) > TOPIC_LAG:
                shifts.append(float((0.5 * np.abs(blocks[-1] - blocks[0]).sum(axis=0)).max()))
        if auto and done >= MIN_SWEEPS + (CONFIRM - 1) * CHECK_EVERY and \
                (done - MIN_SWEEPS) % CHECK_EVERY == 0 and \
                (chain_settled(trace) or topics_settled(shifts)):
            break
    sum_dk, sum_wk = np.zeros(n_dk.shape), np.zeros(n_wk.shape)
    for dk, wk in kept:
        sum_dk += dk
        sum_wk += wk
    return sum_dk, sum_wk, trace, shifts


def chain_verdict(trace, shifts) -> dict:
    """``settled`` (the trace levelled off or the topics stopped moving) and ``settled_by``
    (``"trace"``, ``"topics"`` or None), as the chain's settings record them."""
    by = "trace" if chain_settled(trace) else "topics" if topics_settled(shifts) else None
    return {"settled": by is not None, "settled_by": by}


def window_size(n: int) -> int:
    """Sweeps in each of the two windows a check compares, for a trace of ``n`` sweeps: a
    quarter of them, at most :data:`WINDOW`."""
    return min(n // 4, WINDOW)


def chain_trace(model) -> list[float] | None:
    """A fitted model's trace (``settings["loglik"]``), or None for a model without a chain
    (gensim's)."""
    return getattr(model, "settings", {}).get("loglik") or None


def chain_rise(trace) -> float | None:
    """The relative change of the mean of the trace's last window over the window before (what
    :func:`chain_settled` compares with its tolerance), or None for fewer than 8 sweeps. A
    window is a quarter of the trace, at most :data:`WINDOW` sweeps: with wider windows the
    same slope would pass ever harder as the chain grows."""
    n = len(trace)
    if n < 8:
        return None
    q = window_size(n)
    before = float(np.mean(trace[n - 2 * q:n - q]))
    return (float(np.mean(trace[n - q:])) - before) / abs(before)


def chain_report(model) -> str:
    """A sentence on a fitted model's chain: sweeps run, the last window's change, which
    stopping rule it met (:func:`chain_verdict`), with what to do if none. A model without a
    trace (gensim's) says so."""
    settings = getattr(model, "settings", {})
    trace = chain_trace(model)
    if not trace:
        return ("This model has no sampling chain (gensim's variational fit); its convergence "
                "is gensim's, set by `passes` and `iterations`.")
    rise = chain_rise(trace)
    head = (f"The kept chain ran {len(trace)} sweeps; its log p(w, z) per token ended at "
            f"{trace[-1]:.3f}")
    if rise is None:
        return head + ", too few sweeps to tell whether it levelled off."
    q = window_size(len(trace))
    change = (f"the mean of its last {q} sweeps {'rose' if rise >= 0 else 'fell'} "
              f"{100 * abs(rise):.3f}% from the {q} before")
    shifts = settings.get("topic_shift") or []
    moved = (f"; no topic's words moved more than {max(shifts[-CONFIRM:]):.3f} in total "
             f"variation over {TOPIC_LAG * CHECK_EVERY} sweeps" if len(shifts) >= CONFIRM else "")
    by = chain_verdict(trace, shifts)["settled_by"]
    caveat = (" A chain that meets a stopping rule has not thereby found the best topics the "
              "model can find: a longer run (`sweeps`) or more `restarts` that give the same "
              "topics say more.")
    if by == "trace":
        return (head + f", and {change}{moved}: the trace met the stopping rule (under "
                f"{100 * TOL:.2f}% at {CONFIRM} checks in a row)." + caveat)
    if by == "topics":
        return (head + f", and {change}{moved}: the topics had stopped moving (under "
                f"{TOPIC_TOL} at {CONFIRM} checks in a row), though the trace still crept."
                + caveat)
    return (head + f", and {change}{moved}: neither the trace had levelled off (under "
            f"{100 * TOL:.2f}% at {CONFIRM} checks in a row) nor the topics stopped moving "
            f"(under {TOPIC_TOL}). Read the topics as provisional, or set `sweeps` higher than "
            f"{len(trace)} in this notebook's parameter file.")


def sweep_report(selection) -> str:
    """A sentence on a model selection's chains (``sweeps`` and ``settled`` of
    :func:`digiwelfare.selection.topics_sweep`): how many sweeps they ran and which, if any,
    did not settle, since a K judged on a chain still on its way is judged too early."""
    if "sweeps" not in selection or selection["sweeps"].isna().all():
        return "These fits have no sampling chain (gensim's variational fits)."
    sweeps = selection["sweeps"].astype(int)
    head = (f"The {len(selection)} fits ran {sweeps.min():,} to {sweeps.max():,} sweeps"
            if sweeps.min() != sweeps.max() else
            f"The {len(selection)} fits ran {sweeps.min():,} sweeps each")
    unsettled = selection[~selection["settled"].astype(bool)]
    if unsettled.empty:
        return head + "; every chain had settled."
    which = ", ".join(f"K = {r.k} (seed {r.seed})" for r in unsettled.itertuples())
    return (head + f"; {len(unsettled)} had NOT settled: {which}. Their measures come from "
            "chains still on their way; set `sweeps` higher in this notebook's parameter file "
            "before trusting the choice of K.")
