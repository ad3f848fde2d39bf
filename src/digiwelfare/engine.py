"""A topic engine for LDA that does not depend on a lucky start: anchor words, then collapsed
Gibbs sampling.

1. **Anchor words** (Arora et al. 2013). The word co-occurrence matrix ``Q`` (each document's
   pairs of distinct tokens, weighted by ``1 / (n_d (n_d - 1))``) is row-normalised into
   ``Qbar``; row ``i`` is the distribution of words that co-occur with word ``i``. If every
   topic has an *anchor*, a word that occurs in it alone, every row of ``Qbar`` is a convex
   combination of the ``K`` anchor rows, so the anchors are the vertices of the hull. They are
   found greedily (FastAnchorWords: the row farthest from the origin, then repeatedly the row
   farthest from the span of those chosen, Gram-Schmidt), among words in at least
   ``anchor_min_docs`` documents, with no random projection, so the choice is deterministic.
2. **RecoverL2** (Arora et al. 2013; :mod:`digiwelfare.recover`): for each word, the convex
   weights ``C_i`` that best rebuild its row from the anchor rows (least squares on the
   simplex, solved here by accelerated projected gradient, Beck & Teboulle 2009, with the
   simplex projection of Duchi et al. 2008); then ``p(word | topic) ~ C_ik p(word)``.
3. **Collapsed Gibbs sampling** (Griffiths & Steyvers 2004), started from those topics: each
   token's first topic is drawn in proportion to ``(n_dk + alpha) * phi0_kw``, then
   sweeps draw every token's topic given all others, until the chain's log-likelihood has
   stopped rising (:mod:`digiwelfare.gibbs`) or for a given number. The anchor start puts the
   sampler near the right topics, so the sweeps mostly refine; where the start is poor (dense
   mixtures, few documents) they take longer. The estimates average the counts of the last
   ``average`` sweeps.

Random numbers come from a counter-based generator (SplitMix64, Steele, Lea & Flood 2014)
keyed by the seed, the sweep, the document and the token's position, so a document's draws
never depend on which thread handles it: held-out inference runs documents in parallel
and gives the same bytes with any number of workers. Training sweeps are single-threaded.

References: Arora, S., Ge, R., Halpern, Y., Mimno, D., Moitra, A., Sontag, D., Wu, Y. & Zhu,
M. (2013). A practical algorithm for topic modeling with provable guarantees. *ICML*, PMLR 28(2),
280-288. Griffiths, T. L. & Steyvers, M. (2004). Finding scientific topics. *PNAS* 101,
5228-5235. Beck, A. & Teboulle, M. (2009). A fast iterative shrinkage-thresholding algorithm.
*SIAM J. Imaging Sciences* 2(1), 183-202. Duchi, J., Shalev-Shwartz, S., Singer, Y. & Chandra,
T. (2008). Efficient projections onto the l1-ball. *ICML*, 272-279.
"""

from __future__ import annotations

import threading

import numba
import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from digiwelfare.bags import BagsOfWords
from digiwelfare.checks import ParameterError, int_check
from digiwelfare.gibbs import MAX_SWEEPS, MIN_SWEEPS, chain_run, chain_verdict
from digiwelfare.recover import topics_recover


@numba.njit(inline="always")
def _uniform(key, counter):  # pragma: no cover - compiled
    """A uniform in [0, 1) from SplitMix64 of ``key + counter * golden``."""
    x = key + np.uint64(counter) * np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    x = x ^ (x >> np.uint64(31))
    return float(x >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@numba.njit(inline="always")
def _draw(weights, total, u):  # pragma: no cover - compiled
    """Index of the first cumulative weight above ``u * total``."""
    x, acc = u * total, 0.0
    for t in range(weights.shape[0] - 1):
        acc += weights[t]
        if acc > x:
            return t
    return weights.shape[0] - 1


@numba.njit(cache=True, nogil=True)
def _start(words, docs, phi0, n_dk, n_wk, n_k, z, alpha, key):  # pragma: no cover
    """Each token's first topic, in order, with weight ``(n_dk + alpha) * phi0[k, w]``."""
    n_topics = n_k.shape[0]
    p = np.empty(n_topics)
    for i in range(words.shape[0]):
        w, d = words[i], docs[i]
        total = 0.0
        for t in range(n_topics):
            p[t] = (n_dk[d, t] + alpha) * phi0[t, w]
            total += p[t]
        k = _draw(p, total, _uniform(key, i))
        z[i] = k
        n_dk[d, k] += 1
        n_wk[w, k] += 1
        n_k[k] += 1


@numba.njit(cache=True, nogil=True)
def _sweep(words, docs, z, n_dk, n_wk, n_k, alpha, beta, key):  # pragma: no cover
    """One collapsed Gibbs pass over every token (Griffiths & Steyvers 2004, eq. 5)."""
    n_topics = n_k.shape[0]
    v_beta = n_wk.shape[0] * beta
    inv = np.empty(n_topics)  # 1 / (n_k + V beta), kept up to date: two divisions a token
    for t in range(n_topics):
        inv[t] = 1.0 / (n_k[t] + v_beta)
    cum = np.empty(n_topics)
    for i in range(words.shape[0]):
        w, d, k = words[i], docs[i], z[i]
        n_dk[d, k] -= 1
        n_wk[w, k] -= 1
        n_k[k] -= 1
        inv[k] = 1.0 / (n_k[k] + v_beta)
        total = 0.0
        for t in range(n_topics):
            total += (n_dk[d, t] + alpha) * (n_wk[w, t] + beta) * inv[t]
            cum[t] = total
        x = _uniform(key, i) * total
        k = 0
        while k < n_topics - 1 and cum[k] <= x:
            k += 1
        z[i] = k
        n_dk[d, k] += 1
        n_wk[w, k] += 1
        n_k[k] += 1
        inv[k] = 1.0 / (n_k[k] + v_beta)


@numba.njit(cache=True, parallel=True)
def _infer(words, starts, phi, alpha, sweeps, burn, seed):  # pragma: no cover - compiled
    """Topic counts of each document with ``phi`` fixed, averaged over the sweeps after
    ``burn``; documents are independent and keyed by their index, so threads cannot matter."""
    n_docs, n_topics = starts.shape[0] - 1, phi.shape[0]
    out = np.zeros((n_docs, n_topics))
    for d in numba.prange(n_docs):
        lo, hi = starts[d], starts[d + 1]
        z = np.empty(hi - lo, dtype=np.int64)
        n_k = np.zeros(n_topics)
        p = np.empty(n_topics)
        key = np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(d)
        for s in range(sweeps + 1):
            skey = key ^ (np.uint64(s + 1) << np.uint64(40))
            for i in range(lo, hi):
                w = words[i]
                if s > 0:
                    n_k[z[i - lo]] -= 1
                total = 0.0
                for t in range(n_topics):
                    p[t] = (n_k[t] + alpha) * phi[t, w]
                    total += p[t]
                k = _draw(p, total, _uniform(skey, i - lo))
                z[i - lo] = k
                n_k[k] += 1
            if s > burn:
                for t in range(n_topics):
                    out[d, t] += n_k[t]
    return out / max(sweeps - burn, 1)


def _tokens(bow, n_words: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token arrays (word, document) and each document's first token, from gensim bags of
    words ``[(word_id, count), ...]`` or their :class:`BagsOfWords`."""
    packed = BagsOfWords.of(bow)
    ids, counts = packed.ids, packed.counts
    if ids.size and (ids.min() < 0 or ids.max() >= n_words):
        bad = int(ids.max() if ids.max() >= n_words else ids.min())
        raise ParameterError("bow", f"word id {bad}",
                             f"word ids from 0 to {n_words - 1} (the vocabulary's size)")
    if counts.size and counts.min() < 0:
        raise ParameterError("bow", "a negative count", "counts of zero or more")
    words, docs = packed.tokens()
    lengths = np.bincount(docs, minlength=len(packed))
    return words, docs, np.concatenate([[0], np.cumsum(lengths)])


def cooccurrence_build(h: sp.csr_matrix) -> np.ndarray:
    """The word co-occurrence matrix ``Q`` of Arora et al. (2013), V x V, summing to one, from
    the document-term counts ``h`` (D x V): ``sum_d (H_d H_d' - diag(H_d)) / (n_d (n_d - 1))``
    over documents of two tokens or more."""
    n_docs, n_words = h.shape
    n = np.asarray(h.sum(axis=1)).ravel()
    keep = n >= 2
    scale = np.zeros(n_docs)
    scale[keep] = 1.0 / (n[keep] * (n[keep] - 1))
    hs = sp.diags(np.sqrt(scale)) @ h
    q = (hs.T @ hs).toarray()
    q[np.diag_indices(n_words)] -= h.T @ scale  # a token does not co-occur with itself
    return q / q.sum()


def anchors_find(qbar: np.ndarray, candidates: np.ndarray, n_topics: int) -> np.ndarray:
    """Greedy anchor words (FastAnchorWords, Arora et al. 2013, without random projection):
    the candidate row of ``qbar`` farthest from the origin, then, ``n_topics - 1`` times, the
    candidate farthest from the span of the rows chosen so far. Ties go to the lower index."""
    rows, chosen = qbar[candidates].copy(), []
    _anchors_extend(rows, chosen, n_topics)
    return candidates[np.array(chosen)]


def _anchors_extend(rows: np.ndarray, chosen: list[int], n_topics: int) -> None:
    """Go on with the greedy choice of :func:`anchors_find` until ``chosen`` (indices of
    ``rows``, the candidates' rows less their projections on the rows chosen) has
    ``n_topics``: the first K anchors of a larger K are the K anchors, to the bit."""
    while len(chosen) < n_topics:
        norms = np.einsum("ij,ij->i", rows, rows)
        norms[chosen] = -1.0
        j = int(np.argmax(norms))
        if norms[j] <= 1e-30:
            raise ParameterError("num_topics", n_topics, f"at most {len(chosen)} topics: the "
                                 "word co-occurrences span no more directions")
        chosen.append(j)
        basis = rows[j] / np.sqrt(norms[j])
        rows -= np.outer(rows @ basis, basis)


class AnchorStart:
    """What every fit on the same documents shares, whatever its K and seed: the
    co-occurrence matrix ``q``, the candidate anchor words and the greedy anchors chosen so
    far (extended when a larger K asks; a smaller K takes the first ones). Built by
    :func:`engine_start`, so that a model selection's fits on one training set build it
    once per process."""

    def __init__(self, key: bytes, q: np.ndarray, candidates: np.ndarray):
        self.key, self.q, self.candidates = key, q, candidates
        p_w = q.sum(axis=1)
        self._rows = (q / np.where(p_w > 0, p_w, 1.0)[:, None])[candidates]
        self._chosen: list[int] = []

    def anchors(self, n_topics: int) -> np.ndarray:
        with _LOCK, threadpool_limits(1):  # one thread extends it; BLAS with one thread
            if n_topics > len(self._chosen):
                # extended on a copy, kept only once done: an extension stopped midway (an
                # interrupt, a memory error, too few directions) leaves the start as it was
                rows, chosen = self._rows.copy(), list(self._chosen)
                _anchors_extend(rows, chosen, n_topics)
                self._rows, self._chosen = rows, chosen
            return self.candidates[np.array(self._chosen[:n_topics])]


#: The last anchor start built in this process (one only: it holds a V x V matrix), and the
#: lock that lets one thread at a time build, take or extend it (Dask workers with threads).
_STARTS: list[AnchorStart] = []
_LOCK = threading.RLock()


def engine_start(words: np.ndarray, docs: np.ndarray, n_docs: int, n_words: int,
                 min_docs: int) -> AnchorStart:
    """The anchor start of these tokens (``words``, ``docs``: one entry per token): this
    process's last one when it was built from the same inputs (compared by a BLAKE2 digest
    of the token arrays and the sizes), otherwise a new one, kept in its place."""
    import hashlib

    digest = hashlib.blake2b(digest_size=32)
    for part in (words, docs, [n_docs, n_words, min_docs]):
        digest.update(np.ascontiguousarray(part, dtype=np.int64).tobytes())
    key = digest.digest()
    with _LOCK:
        if _STARTS and _STARTS[0].key == key:
            return _STARTS[0]
        _STARTS.clear()  # the old matrix goes before the new one is built
        with threadpool_limits(1):  # BLAS with one thread: the same bytes on any load
            h = sp.csr_matrix((np.ones(words.size), (docs, words)), shape=(n_docs, n_words))
            q = cooccurrence_build(h)
            df = np.bincount(h.indices, minlength=n_words)  # documents each word occurs in
            candidates = np.flatnonzero((df >= min_docs) & (q.sum(axis=1) > 0))
            _STARTS.append(AnchorStart(key, q, candidates))
        return _STARTS[0]


def engine_start_forget() -> None:
    """Let go of this process's kept anchor start and its matrix (after a model selection)."""
    with _LOCK:
        _STARTS.clear()


class EngineModel:
    """A fitted model: ``phi`` (K x V topic-word), ``theta`` (D x K, the training documents),
    the priors and the seed, plus the reading methods the pipeline uses on a gensim
    ``LdaModel`` (``num_topics``, ``id2word``, ``get_topics``, ``get_topic_terms``,
    ``inference``, ``save``)."""

    def __init__(self, phi, theta, alpha, beta, seed, id2word=None, settings=None):
        self.phi, self.theta = np.asarray(phi), np.asarray(theta)
        self.alpha, self.beta, self.seed = float(alpha), float(beta), int(seed)
        self.id2word, self.settings = id2word, dict(settings or {})

    @property
    def num_topics(self) -> int:
        return self.phi.shape[0]

    def get_topics(self) -> np.ndarray:
        return self.phi

    def get_topic_terms(self, k: int, topn: int = 10) -> list[tuple[int, float]]:
        order = np.argsort(-self.phi[k], kind="stable")[:topn]
        return [(int(w), float(self.phi[k, w])) for w in order]

    def doc_counts(self, bow: list, sweeps: int = 50, workers: int = 1) -> np.ndarray:
        """Expected topic counts of each document of ``bow`` (D x K), ``phi`` fixed; the
        same documents give the same bytes whatever ``workers``."""
        return engine_infer(self.phi, bow, self.alpha, seed=self.seed, sweeps=sweeps,
                            workers=workers)

    def inference(self, bow: list) -> tuple[np.ndarray, None]:
        """``(gamma, None)`` as gensim's: each document's posterior Dirichlet parameters
        given its topic counts, ``counts + alpha``."""
        return self.doc_counts(bow) + self.alpha, None

    def save(self, path: str) -> None:
        vocab = np.array([self.id2word[i] for i in range(len(self.id2word))] if self.id2word
                         else [], dtype=str)
        with open(path, "wb") as f:  # a file object: numpy adds no ".npz" to the name
            np.savez(f, phi=self.phi, theta=self.theta, vocab=vocab,
                     scalars=np.array([self.alpha, self.beta, self.seed]),
                     loglik=np.asarray(self.settings.get("loglik", []), dtype=float),
                     topic_shift=np.asarray(self.settings.get("topic_shift", []), dtype=float))

    @classmethod
    def load(cls, path: str) -> EngineModel:
        from gensim.corpora import Dictionary

        with np.load(path, allow_pickle=False) as f:
            alpha, beta, seed = f["scalars"]
            vocab = list(f["vocab"])
            model = cls(f["phi"], f["theta"], alpha, beta, int(seed))
            if "loglik" in f.files and f["loglik"].size:
                trace = [float(x) for x in f["loglik"]]
                shifts = [float(x) for x in f["topic_shift"]] if "topic_shift" in f.files else []
                model.settings.update(loglik=trace, sweeps=len(trace), topic_shift=shifts,
                                      **chain_verdict(trace, shifts))
        if vocab:
            model.id2word = Dictionary([vocab])
            model.id2word.token2id = {w: i for i, w in enumerate(vocab)}
            model.id2word.id2token = {}
        return model


def anchor_capacity(bow, n_words: int, anchor_min_docs: int | None = None) -> int:
    """The most topics :func:`engine_fit` can find in ``bow``: its anchor candidates, the
    words that occur in ``anchor_min_docs`` documents or more (default ``max(5, D / 1000)``,
    as the fit's). The start is kept for the fits that follow (:func:`engine_start`)."""
    words, docs, _ = _tokens(bow, n_words)
    if words.size == 0:
        return 0
    n_docs = len(bow)
    min_docs = max(5, n_docs // 1000) if anchor_min_docs is None else anchor_min_docs
    return int(engine_start(words, docs, n_docs, n_words, min_docs).candidates.size)


def engine_fit(bow: list, n_words: int, num_topics: int, seed: int = 1, sweeps="auto",
               average: int = 5, alpha: float | None = None, beta: float = 0.01,
               anchor_min_docs: int | None = None, id2word=None,
               share_start: bool = False) -> EngineModel:
    """Fit LDA by anchor words then collapsed Gibbs sampling (module docstring).

    ``bow``: documents as gensim bags of words over word ids ``0 .. n_words - 1``;
    ``alpha``: symmetric document-topic prior (default ``1 / num_topics``, gensim's
    ``"symmetric"``); ``beta``: topic-word prior; ``anchor_min_docs``: fewest documents an
    anchor word must occur in (default ``max(5, D / 1000)``: a rare word's row is noise and
    would look like a vertex). An empty document gets the prior's even proportions. Runs
    single-threaded; the same inputs give the same bytes. ``share_start``: keep the anchor
    start (:func:`engine_start`) for the next fit on the same documents, as a model
    selection's fits and a fit's restarts do (the caller lets it go with
    :func:`engine_start_forget`); otherwise it is let go when the fit ends. ``sweeps``:
    ``"auto"`` runs until the chain has settled (:mod:`digiwelfare.gibbs`), a number runs
    that many. ``settings`` records ``sweeps`` (run), ``loglik`` (per token, a sweep each)
    and ``settled``.

    >>> m = engine_fit([[(0, 3), (1, 2)], [(2, 4), (3, 1)], [(0, 2), (1, 2)], [(2, 3), (3, 2)]],
    ...                4, 2, sweeps=5, average=2, anchor_min_docs=1)
    >>> m.phi.shape, m.theta.shape
    ((2, 4), (4, 2))
    """
    int_check("num_topics", num_topics, 2, 10_000)
    if sweeps != "auto":
        int_check("sweeps", sweeps, 1, 100_000)
    int_check("average", average, 1, MIN_SWEEPS if sweeps == "auto" else sweeps)
    if num_topics > n_words:
        raise ParameterError("num_topics", num_topics, f"at most the vocabulary's size "
                             f"({n_words} words); choose fewer topics or keep more words")
    alpha = 1.0 / num_topics if alpha is None else alpha
    for name, value in (("alpha", alpha), ("beta", beta)):
        if not (isinstance(value, (int, float)) and value > 0):
            raise ParameterError(name, value, "a positive number")
    words, docs, _ = _tokens(bow, n_words)
    if words.size == 0:
        raise ParameterError("bow", f"{len(bow)} documents with no token", "documents with "
                             "words of the vocabulary (check the token filters and the "
                             "language)")
    n_docs = len(bow)
    min_docs = max(5, n_docs // 1000) if anchor_min_docs is None else anchor_min_docs
    start = engine_start(words, docs, n_docs, n_words, min_docs)
    try:
        if start.candidates.size < num_topics:
            raise ParameterError("num_topics", num_topics, f"at most {start.candidates.size}: "
                                 f"only so many words occur in {min_docs} or more documents")
        anchors = start.anchors(num_topics)
        with threadpool_limits(1):  # BLAS with one thread: the same bytes on any load
            phi0 = topics_recover(start.q, anchors) + 1e-12
    finally:
        if not share_start:
            engine_start_forget()
    limit = MAX_SWEEPS if sweeps == "auto" else sweeps
    # the first keys do not depend on how many are drawn: "auto" stopped at s is sweeps=s
    seeds = np.random.SeedSequence(seed).generate_state(limit + 1, dtype=np.uint64)
    n_dk = np.zeros((n_docs, num_topics), dtype=np.int64)
    n_wk = np.zeros((n_words, num_topics), dtype=np.int64)
    n_k = np.zeros(num_topics, dtype=np.int64)
    z = np.empty(words.size, dtype=np.int64)
    _start(words, docs, phi0, n_dk, n_wk, n_k, z, float(alpha), seeds[0])
    sum_dk, sum_wk, trace, shifts = chain_run(_sweep, (words, docs, z, n_dk, n_wk, n_k), alpha,
                                              beta, seeds, sweeps, average)
    phi = (sum_wk.T / average + beta)
    phi /= phi.sum(axis=1, keepdims=True)
    theta = sum_dk / average + alpha
    theta /= theta.sum(axis=1, keepdims=True)
    return EngineModel(phi, theta, alpha, beta, seed, id2word=id2word,
                       settings={"sweeps": len(trace), "average": average, "anchors": anchors,
                                 "anchor_min_docs": min_docs, "loglik": trace,
                                 "topic_shift": shifts}
                       | chain_verdict(trace, shifts))


def engine_infer(phi: np.ndarray, bow: list, alpha: float, seed: int = 1, sweeps: int = 50,
                 workers: int = 1) -> np.ndarray:
    """Expected topic counts (D x K) of documents given fixed topics ``phi``: Gibbs sampling
    of each document's tokens (Griffiths & Steyvers 2004, with ``phi`` in place of the word
    counts), averaged over the second half of the sweeps. An empty document gets zeros. Runs
    documents on ``workers`` threads; the result does not depend on ``workers``."""
    int_check("workers", workers, 1, 1024)
    int_check("sweeps", sweeps, 2, 100_000)
    words, _, starts = _tokens(bow, phi.shape[1])
    previous = numba.get_num_threads()
    numba.set_num_threads(min(workers, numba.config.NUMBA_NUM_THREADS))
    try:
        return _infer(words, starts, np.ascontiguousarray(phi), float(alpha), sweeps,
                      sweeps // 2, int(seed) % 2**63)
    finally:
        numba.set_num_threads(previous)
