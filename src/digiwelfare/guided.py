"""Keyword-assisted topic models: the base keyATM of Eshima, Imai & Sasaki (2024), fitted
by collapsed Gibbs sampling.

The model. Topics ``0 .. K_key-1`` are *keyword topics*, each with a list of seed words
``V_k``; the remaining ``K_free`` topics are ordinary LDA topics. A document has topic
proportions ``theta_d ~ Dirichlet(alpha)``; each token draws a topic ``z``. In a keyword
topic ``k`` the token then flips a switch ``s ~ Bernoulli(pi_k)``, ``pi_k ~ Beta(gamma1,
gamma2)``: with ``s = 1`` the word comes from the topic's *keyword distribution*, which puts
mass on ``V_k`` only (``Dirichlet(beta_key)`` over ``V_k``); with ``s = 0`` it comes from the
topic's *regular distribution* over the whole vocabulary (``Dirichlet(beta)``), as does
every token of a free topic. ``theta``, both word distributions and ``pi`` are integrated
out, and ``z`` and ``s`` are drawn token by token (Griffiths & Steyvers 2004 for the LDA
part; Eshima, Imai & Sasaki 2024, appendix, for the switch).

What the seeds can and cannot do. A seed word gets no pseudo-counts: it is only *allowed*
into a keyword distribution. How many tokens go through that door is ``pi_k``, learned from
the data; a keyword topic whose seeds the documents do not use, or use apart from each
other, ends with a small ``pi_k`` and behaves as a free topic. That is why retention is
measured here on the tokens the sampler assigned (:func:`textstat_retention`), never on the
prior.

With no keyword topics the sampler is plain collapsed-Gibbs LDA (the switch and its terms
drop out), so the same code fits the unguided comparison at the same K.

Simplifications against the keyATM package: ``alpha`` is fixed and symmetric (keyATM
samples an asymmetric alpha by slice sampling), words are not weighted (keyATM weights them
by information, Wilson & Chew 2010, by default), and estimates are read from the final
sample rather than averaged over thinned draws.

References: Eshima, S., Imai, K. & Sasaki, T. (2024). Keyword-assisted topic models.
*American Journal of Political Science* 68(2), 730-750. Griffiths, T. L. & Steyvers, M.
(2004). Finding scientific topics. *PNAS* 101, 5228-5235.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numba
import numpy as np
import pandas as pd

from digiwelfare.checks import ParameterError, int_check

# --- the sampler ----------------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def _sweep(words, docs, z, s, n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, alpha, beta,
           beta_key, gamma1, gamma2, u, cumulative):  # pragma: no cover - compiled
    """One pass over every token: take it out of the counts, draw its topic given its
    switch, draw its switch given its topic (keyword topics only), put it back.

    ``n_kw``/``n_k`` count regular (s = 0) tokens per topic and word, ``m_kw``/``m_k``
    keyword (s = 1) tokens; ``u`` holds two uniforms per token.
    """
    n_topics = n_dk.shape[1]
    n_keyword_topics = is_key.shape[0]
    v_beta = n_kw.shape[1] * beta
    for i in range(words.shape[0]):
        w = words[i]
        d = docs[i]
        k = z[i]
        n_dk[d, k] -= 1
        if s[i] == 1:
            m_kw[k, w] -= 1
            m_k[k] -= 1
        else:
            n_kw[k, w] -= 1
            n_k[k] -= 1
        total = 0.0
        for t in range(n_topics):
            p = 0.0
            if s[i] == 0:
                p = (n_dk[d, t] + alpha) * (n_kw[t, w] + beta) / (n_k[t] + v_beta)
                if t < n_keyword_topics:  # the switch's Beta-Bernoulli term, pi integrated out
                    p *= (n_k[t] + gamma2) / (n_k[t] + m_k[t] + gamma1 + gamma2)
            elif t < n_keyword_topics and is_key[t, w]:
                p = ((n_dk[d, t] + alpha) * (m_kw[t, w] + beta_key)
                     / (m_k[t] + n_key[t] * beta_key)
                     * (m_k[t] + gamma1) / (n_k[t] + m_k[t] + gamma1 + gamma2))
            total += p
            cumulative[t] = total
        x = u[2 * i] * total
        k = 0
        while k < n_topics - 1 and cumulative[k] <= x:
            k += 1
        z[i] = k
        new_s = 0
        if k < n_keyword_topics and is_key[k, w]:
            p0 = (n_kw[k, w] + beta) / (n_k[k] + v_beta) * (n_k[k] + gamma2)
            p1 = (m_kw[k, w] + beta_key) / (m_k[k] + n_key[k] * beta_key) * (m_k[k] + gamma1)
            if u[2 * i + 1] * (p0 + p1) >= p0:
                new_s = 1
        s[i] = new_s
        n_dk[d, k] += 1
        if new_s == 1:
            m_kw[k, w] += 1
            m_k[k] += 1
        else:
            n_kw[k, w] += 1
            n_k[k] += 1


@numba.njit(cache=True, nogil=True)
def _loglik(words, docs, theta, phi):  # pragma: no cover - compiled
    """Sum over tokens of log sum_k theta[d, k] phi[k, w]."""
    total = 0.0
    for i in range(words.shape[0]):
        p = 0.0
        for k in range(phi.shape[0]):
            p += theta[docs[i], k] * phi[k, words[i]]
        total += np.log(p)
    return total


def log_joint(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, alpha, beta, beta_key, g1,
              g2) -> float:
    """log p(w, z, s) of the current sample, with theta, both word distributions and pi
    integrated out, from the count matrices alone: Dirichlet-multinomial terms per document
    and per topic (Griffiths & Steyvers 2004, eq. 2-3), the keyword distributions' over their
    seed words, and the Beta-Bernoulli term of each keyword topic's switch. It costs
    O(D K + K V), not a pass over the tokens, so it can follow the chain closely; it is the
    quantity a Gibbs chain's convergence is judged on."""
    from scipy.special import betaln, gammaln

    n_topics, n_words = n_kw.shape
    n_keyword = is_key.shape[0]
    lengths = n_dk.sum(axis=1)
    total = float(n_dk.shape[0] * (gammaln(n_topics * alpha) - n_topics * gammaln(alpha))
                  - gammaln(lengths + n_topics * alpha).sum() + gammaln(n_dk + alpha).sum())
    total += float(n_topics * (gammaln(n_words * beta) - n_words * gammaln(beta))
                   - gammaln(n_k + n_words * beta).sum() + gammaln(n_kw + beta).sum())
    if n_keyword:
        keyed = m_kw[:n_keyword][is_key]  # counts of each topic's own seed words
        total += float((gammaln(n_key * beta_key) - n_key * gammaln(beta_key)).sum()
                       - gammaln(m_k[:n_keyword] + n_key * beta_key).sum()
                       + gammaln(keyed + beta_key).sum())
        total += float((betaln(m_k[:n_keyword] + g1, n_k[:n_keyword] + g2)
                        - betaln(g1, g2)).sum())
    return total


#: Sweeps between two readings of the log joint when the chain may stop early.
CHECK_EVERY = 10
#: A chain stops early (``tol``) only after this many sweeps.
MIN_ITERATIONS = 200


def _settled(joint: list[float], tol: float) -> bool:
    """Whether the chain has stopped climbing: the mean log joint of the last 100 sweeps
    (10 readings) is no more than ``tol`` (relative) above the mean of the 100 before."""
    if len(joint) < 20:
        return False
    last, before = np.mean(joint[-10:]), np.mean(joint[-20:-10])
    return bool(last - before <= tol * abs(before))


@dataclass
class GuidedModel:
    """A fitted keyword-assisted (or, with no keywords, plain LDA) topic model.

    ``names``: topic names (keyword topics first, then ``free 1``...); ``vocabulary``: words
    in column order; ``keywords``: seed words per keyword topic (in the vocabulary);
    ``phi`` (K x V) and ``theta`` (D x K): estimated topic-word and document-topic
    distributions; ``pi``: the switch probability of each keyword topic; ``counts`` (K x V):
    tokens the final sample assigned to each topic and word; ``keyword_counts``: the part
    of ``counts`` drawn through the keyword distributions; ``trace``: log-likelihood per
    token by iteration; ``tokens``: one row per token, ``doc, word, topic, switch`` (ids)
    of the final sample.
    """

    names: list[str]
    vocabulary: list[str]
    keywords: dict[str, list[str]]
    phi: np.ndarray
    theta: np.ndarray
    pi: np.ndarray
    counts: np.ndarray
    keyword_counts: np.ndarray
    trace: pd.DataFrame
    tokens: pd.DataFrame = field(repr=False, default=None)
    settings: dict = field(default_factory=dict)

    @property
    def n_keyword(self) -> int:
        return len(self.keywords)


@dataclass(frozen=True)
class TokenArrays:
    """A corpus's tokens as the sampler reads them: ``words`` and ``docs`` (one entry per
    token, in the order of the bags of words) and ``n_docs``. Made once by
    :func:`tokens_from_bow` and passed to every chain in place of the bags of words, so a
    worker process is sent two arrays rather than millions of pairs."""

    words: np.ndarray
    docs: np.ndarray
    n_docs: int


def tokens_from_bow(bow: list) -> TokenArrays:
    """The :class:`TokenArrays` of gensim bags of words (by
    :meth:`digiwelfare.bags.BagsOfWords.tokens`)."""
    from digiwelfare.bags import BagsOfWords

    packed = BagsOfWords.of(bow)
    words, docs = packed.tokens()
    return TokenArrays(words, docs, len(packed))


def _check_keywords(keywords: dict, vocabulary: list[str]) -> None:
    index = set(vocabulary)
    for name, words in keywords.items():
        missing = [w for w in words if w not in index]
        if not words or missing:
            raise ParameterError(
                "keywords", {name: words},
                "seed words that are in the vocabulary ("
                + (f"not there: {', '.join(missing)}; " if missing else "the list is empty; ")
                + "expand entries with keywords.seeds_expand and leave out empty lists)")


def guided_fit(bow: list, vocabulary: list[str], keywords: dict[str, list[str]],
               n_free: int, iterations: int = 1000, alpha: float = 0.1, beta: float = 0.01,
               beta_key: float = 0.1, gamma: tuple[float, float] = (1.0, 1.0),
               seed: int = 1, trace_every: int = 50, tol: float | None = None
               ) -> GuidedModel:
    """Fit a keyword-assisted topic model (keyATM base) by collapsed Gibbs sampling.

    ``bow``: documents as gensim bags of words ``[(word_id, count), ...]`` (or their
    :class:`TokenArrays`, the same to the bit); ``vocabulary``:
    the word of each id; ``keywords``: ``{topic name: seed words}`` (words in the
    vocabulary), one keyword topic each; ``n_free``: topics without keywords. ``alpha``:
    symmetric document-topic prior; ``beta`` and ``beta_key``: priors of the regular and
    keyword distributions; ``gamma``: ``(gamma1, gamma2)`` of the Beta prior on each keyword
    topic's switch probability (mean ``gamma1 / (gamma1 + gamma2)``). Keyword tokens start
    in one of their keyword topics with the switch on, other tokens in a random topic.
    The same inputs and ``seed`` give the same model, to the bit.

    ``iterations`` sweeps are run, or fewer with ``tol``: the chain then stops once it has
    run :data:`MIN_ITERATIONS` sweeps and its log joint (:func:`log_joint`, read every
    :data:`CHECK_EVERY` sweeps) has stopped climbing, the mean of the last 100 sweeps no
    more than ``tol`` (relative) above the mean of the 100 before (the burn-in is over; the
    final sample is then read as after ``iterations``). ``settings["sweeps"]`` says how many
    ran; ``trace`` holds the log joint per token too.

    >>> m = guided_fit([[(0, 3), (1, 1)], [(2, 4)]], ["a", "b", "c"], {"A": ["a"]}, 1,
    ...                iterations=5)
    >>> m.names, m.phi.shape, m.theta.shape
    (['A', 'free 1'], (2, 3), (2, 2))
    """
    n_keyword = len(keywords)
    n_topics = n_keyword + int_check("n_free", n_free, 0, 500)
    if n_topics == 0:
        raise ParameterError("n_free", n_free, "at least one topic (keyword or free)")
    int_check("iterations", iterations, 1, 1_000_000)
    for name, value in (("alpha", alpha), ("beta", beta), ("beta_key", beta_key),
                        ("gamma", gamma[0]), ("gamma", gamma[1])):
        if not value > 0:
            raise ParameterError(name, value, "a positive number")
    _check_keywords(keywords, vocabulary)
    n_words = len(vocabulary)
    tokens = bow if isinstance(bow, TokenArrays) else tokens_from_bow(bow)
    words, docs = tokens.words, tokens.docs
    if words.size == 0:
        raise ValueError("guided_fit: the documents have no tokens in the vocabulary; "
                         "check the bag of words and the vocabulary")
    token2id = {w: i for i, w in enumerate(vocabulary)}
    is_key = np.zeros((n_keyword, n_words), dtype=np.bool_)
    for k, seeds in enumerate(keywords.values()):
        is_key[k, [token2id[w] for w in seeds]] = True
    n_key = is_key.sum(axis=1).astype(np.int64)

    rng = np.random.default_rng(seed)
    n_docs = tokens.n_docs
    z, s = _initial_state(words, docs, n_docs, is_key, n_topics, rng)
    n_dk = np.zeros((n_docs, n_topics), dtype=np.int64)
    n_kw = np.zeros((n_topics, n_words), dtype=np.int64)
    m_kw = np.zeros((n_topics, n_words), dtype=np.int64)
    np.add.at(n_dk, (docs, z), 1)
    np.add.at(n_kw, (z[s == 0], words[s == 0]), 1)
    np.add.at(m_kw, (z[s == 1], words[s == 1]), 1)
    n_k, m_k = n_kw.sum(axis=1), m_kw.sum(axis=1)
    cumulative = np.zeros(n_topics)
    g1, g2 = float(gamma[0]), float(gamma[1])

    if tol is not None and not (isinstance(tol, (int, float)) and tol >= 0):
        raise ParameterError("tol", tol, "a number of 0 or more (or None: run every sweep)")
    trace, joint = [], []
    prior = (float(alpha), float(beta), float(beta_key), g1, g2)
    u = np.empty(2 * words.size)  # the sweep's uniforms, drawn anew into one buffer
    for it in range(1, iterations + 1):
        rng.random(out=u)
        _sweep(words, docs, z, s, n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, *prior[:3],
               g1, g2, u, cumulative)
        stop = False
        if tol is not None and it % CHECK_EVERY == 0:
            joint.append(log_joint(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, *prior))
            stop = it >= MIN_ITERATIONS and _settled(joint, tol)
        if it % trace_every == 0 or it == iterations or stop:
            phi, theta, _ = _estimates(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, alpha,
                                       beta, beta_key, g1, g2)
            trace.append((it, _loglik(words, docs, theta, phi) / words.size,
                          log_joint(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, *prior)
                          / words.size))
        if stop:
            break
    phi, theta, pi = _estimates(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, alpha, beta,
                                beta_key, g1, g2)
    names = [*keywords, *(f"free {i}" for i in range(1, n_topics - n_keyword + 1))]
    return GuidedModel(
        names=names, vocabulary=list(vocabulary),
        keywords={k: sorted(v) for k, v in keywords.items()}, phi=phi, theta=theta, pi=pi,
        counts=n_kw + m_kw, keyword_counts=m_kw,
        trace=pd.DataFrame(trace, columns=["iteration", "loglik_per_token",
                                           "log_joint_per_token"]),
        # (compact: a chain's final sample is kept for every chain until the best is chosen)
        tokens=pd.DataFrame({"doc": docs.astype(np.int32), "word": words.astype(np.int32),
                             "topic": z.astype(np.int16), "switch": s.astype(np.int8)}),
        settings={"n_free": n_free, "iterations": iterations, "alpha": alpha, "beta": beta,
                  "beta_key": beta_key, "gamma": [g1, g2], "seed": seed, "tol": tol,
                  "sweeps": it})


def _initial_state(words, docs, n_docs, is_key, n_topics, rng):
    """The sampler's starting point. A keyword token starts in one of its keyword topics
    (at random) with the switch on. Every other token starts in a topic drawn with weight 1
    for each free topic and, for each keyword topic, the number of that topic's keyword
    tokens in its document: a keyword topic starts as the documents that use its seeds,
    not as a random fifth of the corpus (a large random start makes its pi tiny, and the
    seeds then leave it for a free topic). With no keyword topics this is LDA's uniform
    start. The sampler then moves every token where the data take it."""
    n_keyword = is_key.shape[0]
    s = np.zeros(words.size, dtype=np.int64)
    if not n_keyword:
        return rng.integers(n_topics, size=words.size).astype(np.int64), s
    keyed = is_key[:, words]  # K_key x N: may token i come from topic k's keywords?
    has = keyed.any(axis=0)
    weights = np.zeros((n_docs, n_topics))
    weights[:, n_keyword:] = 1.0
    for k in range(n_keyword):
        weights[:, k] = np.bincount(docs[keyed[k]], minlength=n_docs)
    if n_topics == n_keyword:  # no free topic: documents without seeds start anywhere
        weights[weights.sum(axis=1) == 0] = 1.0
    pick = rng.random(words.size)
    z = np.empty(words.size, dtype=np.int64)
    # a block of tokens at a time: each token's draw reads its own row only, so the start is
    # the same as in one piece, without four tokens x topics matrices of the whole corpus
    # (2.4 GB a chain at 7.4 million tokens and 10 topics)
    for lo in range(0, words.size, _START_BLOCK):
        hi = min(lo + _START_BLOCK, words.size)
        own = np.zeros((hi - lo, n_topics))
        own[:, :n_keyword] = keyed[:, lo:hi].T
        cumulative = np.cumsum(np.where(has[lo:hi, None], own, weights[docs[lo:hi]]), axis=1)
        z[lo:hi] = np.argmax(cumulative > (pick[lo:hi] * cumulative[:, -1])[:, None], axis=1)
    s[has] = 1
    return z, s


#: Tokens per block of the sampler's start (:func:`_initial_state`).
_START_BLOCK = 1 << 18


def _estimates(n_dk, n_kw, n_k, m_kw, m_k, is_key, n_key, alpha, beta, beta_key, g1, g2):
    """Posterior means given the current sample: phi (K x V), theta (D x K), pi (K_key)."""
    n_topics, n_words = n_kw.shape
    n_keyword = is_key.shape[0]
    phi = (n_kw + beta) / (n_k[:, None] + n_words * beta)
    pi = (m_k[:n_keyword] + g1) / (n_k[:n_keyword] + m_k[:n_keyword] + g1 + g2)
    if n_keyword:
        key = np.where(is_key, (m_kw[:n_keyword] + beta_key)
                       / (m_k[:n_keyword, None] + n_key[:, None] * beta_key), 0.0)
        phi[:n_keyword] = (1 - pi[:, None]) * phi[:n_keyword] + pi[:, None] * key
    theta = (n_dk + alpha) / (n_dk.sum(axis=1, keepdims=True) + n_topics * alpha)
    return phi, theta, pi
