"""The anchor-word + Gibbs engine: co-occurrences and anchors on cases worked by hand, recovery
of planted topics, held-out inference against exact enumeration, determinism, bad input."""

import itertools

import numpy as np
import pytest
from scipy.special import gammaln

from digiwelfare.checks import ParameterError
from digiwelfare.engine import (
    EngineModel,
    _uniform,
    anchors_find,
    cooccurrence_build,
    engine_fit,
    engine_infer,
    engine_start,
    engine_start_forget,
    topics_recover,
)
from digiwelfare.topics import topics_recovery, topics_simulate


def _bow(docs, n_words):
    return [[(int(w), int(c)) for w, c in zip(*np.unique(d, return_counts=True), strict=True)]
            for d in docs]


def _planted(n_docs=800, n_topics=8, n_words=500, length=100, seed=1):
    docs, phi, _ = topics_simulate(n_docs, n_topics, n_words, length, alpha=0.1, beta=0.01,
                                   seed=seed)
    return _bow([[int(w[1:]) for w in d] for d in docs], n_words), phi


def test_splitmix64_matches_its_published_first_output():
    # SplitMix64 from state 0: the first output is 0xE220A8397B1DCDAF (Steele et al. 2014,
    # and every port of it); _uniform keeps its top 53 bits.
    assert _uniform(np.uint64(0), 1) == (0xE220A8397B1DCDAF >> 11) / 2.0**53


def test_cooccurrence_of_a_small_document_by_hand():
    # tokens a a b: the ordered pairs of distinct positions are (a,a) x2, (a,b) x2,
    # (b,a) x2; divided by n (n - 1) = 6. A one-token document adds nothing.
    import scipy.sparse as sp

    h = sp.csr_matrix(np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 1.0]]))
    np.testing.assert_allclose(cooccurrence_build(h), [[2 / 6, 2 / 6, 0], [2 / 6, 0, 0],
                                                       [0, 0, 0]])


def _separable():
    """Population Q = A R A' of three topics over six words; word k is topic k's anchor."""
    a = np.array([[0.4, 0.0, 0.0], [0.0, 0.5, 0.0], [0.0, 0.0, 0.3],
                  [0.3, 0.2, 0.1], [0.2, 0.1, 0.3], [0.1, 0.2, 0.3]])  # V x K, columns sum 1
    r = np.array([[0.20, 0.05, 0.03], [0.05, 0.25, 0.04], [0.03, 0.04, 0.31]])
    return a, a @ r @ a.T


def test_anchors_of_a_separable_case_are_its_anchor_words():
    a, q = _separable()
    qbar = q / q.sum(axis=1, keepdims=True)
    assert sorted(anchors_find(qbar, np.arange(6), 3)) == [0, 1, 2]


def test_recover_l2_returns_the_topics_of_a_separable_case():
    a, q = _separable()
    phi = topics_recover(q, np.array([0, 1, 2]), iterations=2000)
    np.testing.assert_allclose(phi, a.T, atol=1e-4)


def test_planted_topics_are_recovered():
    bow, phi = _planted()
    model = engine_fit(bow, 500, 8, seed=3)
    assert topics_recovery(phi, model.phi)[0] >= 0.99
    np.testing.assert_allclose(model.phi.sum(axis=1), 1)
    np.testing.assert_allclose(model.theta.sum(axis=1), 1)


def test_same_seed_same_bytes_and_another_seed_differs():
    bow, _ = _planted(n_docs=300, n_topics=5, n_words=300, seed=2)
    first, again = engine_fit(bow, 300, 5, seed=7), engine_fit(bow, 300, 5, seed=7)
    assert first.phi.tobytes() == again.phi.tobytes()
    assert first.theta.tobytes() == again.theta.tobytes()
    assert engine_fit(bow, 300, 5, seed=8).phi.tobytes() != first.phi.tobytes()


def test_a_kept_start_gives_the_fits_of_a_fresh_one_and_its_anchors_are_greedy_prefixes():
    # the anchors of K taken from a start that already chose more, and a fit after fits at
    # other K and seeds, are those of a start built for them alone
    bow, _ = _planted(n_docs=300, n_topics=6, n_words=300, seed=4)
    from digiwelfare import engine

    engine_start_forget()
    alone = {k: engine_fit(bow, 300, k, seed=5).phi.tobytes() for k in (3, 6)}
    assert not engine._STARTS  # a fit alone lets its start go
    engine_fit(bow, 300, 6, seed=9, share_start=True)  # the start has now chosen six anchors
    assert engine_fit(bow, 300, 3, seed=5, share_start=True).phi.tobytes() == alone[3]
    assert engine_fit(bow, 300, 6, seed=5, share_start=True).phi.tobytes() == alone[6]
    assert engine._STARTS
    words = np.repeat([w for d in bow for w, _ in d], [c for d in bow for _, c in d])
    docs = np.repeat(np.repeat(np.arange(len(bow)), [len(d) for d in bow]),
                     [c for d in bow for _, c in d])
    start = engine_start(words, docs, len(bow), 300, 5)
    assert engine_start(words, docs, len(bow), 300, 5) is start  # the same inputs: kept
    p_w = start.q.sum(axis=1)
    fresh = anchors_find(start.q / np.where(p_w > 0, p_w, 1.0)[:, None], start.candidates, 4)
    assert start.anchors(4).tolist() == fresh.tolist()
    assert start.anchors(2).tolist() == fresh[:2].tolist()
    assert engine_start(words, docs, len(bow), 300, 6) is not start  # another min_docs
    engine_start_forget()


def _start_of(bow, n_words=300, min_docs=5):
    words = np.repeat([w for d in bow for w, _ in d], [c for d in bow for _, c in d])
    docs = np.repeat(np.repeat(np.arange(len(bow)), [len(d) for d in bow]),
                     [c for d in bow for _, c in d])
    return engine_start(words, docs, len(bow), n_words, min_docs)


def test_threads_extending_one_start_get_the_serial_anchors():
    from concurrent.futures import ThreadPoolExecutor

    # large enough that numpy lets go of the GIL while a thread projects the rows
    bow, _ = _planted(n_docs=1500, n_topics=30, n_words=1500, length=60, seed=6)
    engine_start_forget()
    serial = _start_of(bow, 1500).anchors(30).tolist()
    ks = [30, 12, 30, 5, 30, 20, 30, 25]
    for _ in range(2):
        engine_start_forget()
        start = _start_of(bow, 1500)
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(start.anchors, ks))
        assert [g.tolist() for g in got] == [serial[:k] for k in ks]
    engine_start_forget()


def test_a_start_stopped_midway_is_left_as_it_was(monkeypatch):
    from digiwelfare import engine

    bow, _ = _planted(n_docs=300, n_topics=6, n_words=300, seed=4)
    engine_start_forget()
    right = _start_of(bow).anchors(6).tolist()
    engine_start_forget()
    start = _start_of(bow)
    calls, outer = [], np.outer

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return outer(*args)

    monkeypatch.setattr(engine.np, "outer", failing)
    with pytest.raises(KeyboardInterrupt):
        start.anchors(6)
    monkeypatch.setattr(engine.np, "outer", outer)
    assert engine._STARTS == [start]  # kept, as it was before the extension began
    assert start.anchors(6).tolist() == right
    engine_start_forget()


def test_fit_gives_the_same_bytes_with_one_or_two_threads():
    import numba
    from threadpoolctl import threadpool_limits

    bow, _ = _planted(n_docs=300, n_topics=5, n_words=300, seed=2)
    fits = []
    for threads in (1, 2):
        previous = numba.get_num_threads()
        numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS))
        try:
            with threadpool_limits(threads):
                fits.append(engine_fit(bow, 300, 5, seed=7).phi.tobytes())
        finally:
            numba.set_num_threads(previous)
    assert fits[0] == fits[1]


def test_inference_gives_the_same_bytes_on_one_or_two_workers():
    bow, _ = _planted(n_docs=300, n_topics=5, n_words=300, seed=2)
    model = engine_fit(bow, 300, 5, seed=1)
    one = engine_infer(model.phi, bow, 0.2, seed=4, workers=1)
    two = engine_infer(model.phi, bow, 0.2, seed=4, workers=2)
    assert one.tobytes() == two.tobytes()
    # and a document's result does not depend on the others
    np.testing.assert_array_equal(engine_infer(model.phi, bow[:10], 0.2, seed=4), one[:10])


def test_inference_matches_the_exact_posterior_by_enumeration():
    # three tokens, two topics, phi fixed: E[n_k] over all 2^3 assignments, each weighted by
    # prod phi[z_i, w_i] times the Dirichlet-multinomial of its counts.
    phi = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    alpha, doc = 0.5, [0, 1, 2]
    weights, expected = [], np.zeros(2)
    for z in itertools.product(range(2), repeat=3):
        n = np.bincount(z, minlength=2)
        wgt = (np.prod([phi[k, w] for k, w in zip(z, doc, strict=True)])
               * np.exp(gammaln(n + alpha).sum()))
        weights.append(wgt)
        expected += wgt * n
    expected /= sum(weights)
    got = engine_infer(phi, [[(0, 1), (1, 1), (2, 1)]], alpha, seed=1, sweeps=40_000)[0]
    np.testing.assert_allclose(got, expected, atol=0.02)


def test_empty_documents_get_even_proportions():
    bow, _ = _planted(n_docs=200, n_topics=4, n_words=200, seed=5)
    model = engine_fit([*bow, []], 200, 4, seed=1)
    np.testing.assert_allclose(model.theta[-1], 0.25)
    assert engine_infer(model.phi, [[]], 0.1).sum() == 0


def test_save_and_load_give_the_same_model(tmp_path):
    from gensim.corpora import Dictionary

    bow, _ = _planted(n_docs=200, n_topics=4, n_words=200, seed=5)
    words = [f"w{i:03d}" for i in range(200)]
    dictionary = Dictionary([words])
    model = engine_fit(bow, 200, 4, seed=1, id2word=dictionary)
    model.save(str(tmp_path / "model"))
    back = EngineModel.load(str(tmp_path / "model"))
    assert back.phi.tobytes() == model.phi.tobytes()
    assert (back.alpha, back.seed) == (model.alpha, model.seed)
    assert [back.id2word[i] for i in range(200)] == [dictionary[i] for i in range(200)]
    assert back.get_topic_terms(0, 3) == model.get_topic_terms(0, 3)


@pytest.mark.parametrize("bow, n_words, k, says", [
    ([[(0, 2), (1, 1)], [(1, 3)]], 2, 3, "at most the vocabulary's size"),
    ([[], []], 10, 2, "no token"),
    ([[(0, 2), (12, 1)]], 10, 2, "word ids from 0 to 9"),
])
def test_bad_input_is_named(bow, n_words, k, says):
    with pytest.raises(ParameterError, match=says):
        engine_fit(bow, n_words, k)


def test_too_few_frequent_words_for_k_is_named():
    bow, _ = _planted(n_docs=30, n_topics=3, n_words=50, seed=5)
    with pytest.raises(ParameterError, match="occur in 5 or more documents"):
        engine_fit(bow, 50, 40)


def test_packed_bags_of_words_are_the_lists_and_fit_the_same_model():
    """BagsOfWords keeps every pair in order: a subset is the list comprehension's subset,
    and back to lists it is the lists; a model fitted on the packed documents is the model
    fitted on the lists, to the bit (a model selection's workers get the packed form)."""
    from digiwelfare.bags import BagsOfWords
    from digiwelfare.engine import engine_fit
    rng = np.random.default_rng(5)
    bow = [sorted({int(w): int(c) for w, c in zip(rng.integers(0, 30, 12),
                                                   rng.integers(1, 4, 12), strict=True)}.items())
           for _ in range(60)]
    bow[7] = []
    packed = BagsOfWords.of(bow)
    assert len(packed) == 60 and packed.to_list() == bow
    keep = rng.random(60) < 0.7
    assert packed.subset(keep).to_list() == [d for d, k in zip(bow, keep, strict=True) if k]
    one = engine_fit(bow, 30, 3, seed=2, sweeps=6, average=2, anchor_min_docs=2)
    two = engine_fit(packed, 30, 3, seed=2, sweeps=6, average=2, anchor_min_docs=2)
    assert np.array_equal(one.phi, two.phi) and np.array_equal(one.theta, two.theta)
