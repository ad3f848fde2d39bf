"""Choosing K, the measures and the sweep on tiny inputs: each checked against a reference
written out here, token by token and document by document (loops over plain Python lists,
the definitions of the papers), never against the module's own output.

Every test runs in about a second or less (a few documents, a vocabulary of a few dozen
words, one worker), so that mutation testing can afford them for every mutant of the
measures; the slower sweeps on planted corpora are in ``test_selection.py``.
"""

import math
import warnings
from itertools import combinations, permutations
from types import SimpleNamespace

import numpy as np
import pytest
from scipy.special import digamma

from digiwelfare import parallel, selection
from digiwelfare.checks import ParameterError
from digiwelfare.selection import (
    bow_split_half,
    cooccurrence_docs,
    heldout_completion,
    holdout_split,
    loglik_per_word,
    theta_estimate,
    topic_diversity,
    topics_exclusivity,
    topics_match,
    topics_npmi,
    topics_semantic_coherence,
    topics_sweep,
)
from digiwelfare.topics import topics_fit, topics_simulate, topics_word_matrix
from digiwelfare.vocabulary import dictionary_build

# --- references, written from the papers' definitions -------------------------------------


def estep_by_tokens(doc: list, beta: np.ndarray, alpha, iterations: int, tol: float = -1.0
                    ) -> np.ndarray:
    """LDA's variational E-step (Blei, Ng & Jordan 2003, fig. 6) token by token: start at
    gamma_k = alpha_k + N / K; each iteration sets phi_nk proportional to
    beta_{k, w_n} exp(digamma(gamma_k)) and gamma_k = alpha_k + sum_n phi_nk; stop after
    ``iterations`` or once no gamma_k moved by ``tol`` or more. Returns gamma / sum(gamma)."""
    k = beta.shape[0]
    alpha = [float(a) for a in np.broadcast_to(np.asarray(alpha, dtype=float), (k,))]
    tokens = [w for w, c in doc for _ in range(c)]
    if not tokens:
        return np.array(alpha) / sum(alpha)
    gamma = [a + len(tokens) / k for a in alpha]
    for _ in range(iterations):
        weights = [math.exp(digamma(g)) for g in gamma]
        new = list(alpha)
        for w in tokens:
            phi = [weights[j] * beta[j, w] for j in range(k)]
            total = sum(phi)
            new = [new[j] + phi[j] / total for j in range(k)]
        moved = max(abs(a - b) for a, b in zip(new, gamma, strict=True))
        gamma = new
        if moved < tol:
            break
    return np.array(gamma) / sum(gamma)


def loglik_by_tokens(docs: list, thetas: list, beta: np.ndarray) -> float:
    """Mean over all tokens of log sum_k theta_dk beta_kw."""
    logs = [math.log(sum(theta[j] * beta[j, w] for j in range(beta.shape[0])))
            for doc, theta in zip(docs, thetas, strict=True) for w, c in doc for _ in range(c)]
    return sum(logs) / len(logs)


def completion_by_tokens(bow: list, beta: np.ndarray, alpha, seed: int) -> float:
    """Document completion (Wallach et al. 2009) from the references above: documents of
    two tokens or more, halved by :func:`bow_split_half` (checked on its own), the first
    half estimating theta to convergence, the second scored."""
    kept = [d for d in bow if sum(c for _, c in d) >= 2]
    observed, scored = bow_split_half(kept, seed)
    thetas = [estep_by_tokens(d, beta, alpha, 200, 1e-8) for d in observed]
    return loglik_by_tokens(scored, thetas, beta)


def doc_sets(bow: list) -> list[set]:
    return [{w for w, _ in d} for d in bow]


def npmi_by_docs(topic: list[int], docs: list[set]) -> float:
    """Mean NPMI of a topic's word pairs, counted document by document (Bouma 2009):
    log(p_ij / (p_i p_j)) / -log(p_ij); -1 for a pair that never meets and 1 for a pair in
    every document, the two limits of the measure."""
    n, values = len(docs), []
    for a, b in combinations(topic, 2):
        p_a = sum(a in d for d in docs) / n
        p_b = sum(b in d for d in docs) / n
        p_ab = sum(a in d and b in d for d in docs) / n
        values.append(-1.0 if p_ab == 0 else 1.0 if p_ab == 1
                      else math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
    return sum(values) / len(values)


def coherence_by_docs(topic: list[int], docs: list[set], eps: float = 1.0) -> float:
    """Mimno et al. (2011), eq. 1: sum over m = 2..M, l < m of
    log((D(v_m, v_l) + eps) / D(v_l)), with D counted document by document (a word in no
    document counts as in one, so that nothing is divided by zero)."""
    total = 0.0
    for m in range(1, len(topic)):
        for l_ in range(m):
            both = sum(topic[m] in d and topic[l_] in d for d in docs)
            alone = max(sum(topic[l_] in d for d in docs), 1)
            total += math.log((both + eps) / alone)
    return total


def rank_average(values: list[float], i: int) -> float:
    """Rank of values[i] among values, from 1, ties given their average rank."""
    below = sum(v < values[i] for v in values)
    equal = sum(v == values[i] for v in values)
    return below + (equal + 1) / 2


def exclusivity_by_words(beta: np.ndarray, n: int = 10, weight: float = 0.7) -> list[float]:
    """stm's ``exclusivity`` (Roberts, Stewart & Airoldi 2016) written out: per topic, FREX
    (Bischof & Airoldi 2012) summed over the topic's top n words by probability, FREX being
    1 / (weight / ex + (1 - weight) / fr) with ex the rank of beta_kw / sum_j beta_jw and fr
    the rank of beta_kw among the topic's words, both divided by V."""
    k, v = beta.shape
    out = []
    for t in range(k):
        shares = [beta[t, w] / sum(beta[j, w] for j in range(k)) for w in range(v)]
        probs = [beta[t, w] for w in range(v)]
        top = sorted(range(v), key=lambda w: (-probs[w], w))[:n]
        out.append(sum(1 / (weight / (rank_average(shares, w) / v)
                            + (1 - weight) / (rank_average(probs, w) / v)) for w in top))
    return out


def match_by_permutations(a: list[set], b: list[set]) -> float:
    """The best one-to-one pairing of a's topics with b's, by trying every permutation."""
    def share(x, y):
        return len(x & y) / max(len(x), len(y), 1)
    return max(sum(share(a[i], b[p[i]]) for i in range(len(a)))
               for p in permutations(range(len(b)), len(a))) / len(a)


# --- held-out likelihood by document completion -------------------------------------------

def test_holdout_split_by_hand():
    # the number held out is round(share * n) (Python's rounding: 2.5 -> 2, 3.5 -> 4), at
    # least one; the documents drawn depend on the seed only
    for n, share, count in ((20, 0.1, 2), (25, 0.1, 2), (35, 0.1, 4), (3, 0.1, 1), (1, 0.5, 1),
                            (10, 0.34, 3), (10, 1.0, 10)):
        held = holdout_split(n, share, seed=3)
        assert held.dtype == bool and held.shape == (n,) and held.sum() == count, (n, share)
    assert (holdout_split(40) == holdout_split(40, 0.1, 1)).all()  # the documented defaults
    assert holdout_split(40).sum() == 4
    masks = {tuple(holdout_split(40, 0.1, s)) for s in range(6)}
    assert len(masks) > 1 and (holdout_split(40, 0.2, 9) == holdout_split(40, 0.2, 9)).all()


def test_bow_split_half_defaults_and_types():
    bow = [[(0, 3), (4, 2), (7, 1)], [(2, 5)], [(1, 1), (3, 1)]]
    assert bow_split_half(bow) == bow_split_half(bow, seed=1)
    observed, scored = bow_split_half(bow, seed=1)
    # a document of one word repeated splits the same way whatever the draw: 2 and 3 of 5
    assert observed[1] == [(2, 2)] and scored[1] == [(2, 3)]
    for half in (observed, scored):
        for doc in half:
            assert all(type(w) is int and type(c) is int and c > 0 for w, c in doc)
            assert [w for w, _ in doc] == sorted({w for w, _ in doc})


BETA = np.array([[0.40, 0.30, 0.20, 0.05, 0.05],
                 [0.05, 0.10, 0.15, 0.30, 0.40],
                 [0.20, 0.20, 0.20, 0.20, 0.20]])


def test_theta_estimate_against_the_e_step_token_by_token():
    bow = [[(0, 3), (3, 1)], [], [(1, 2), (2, 2), (4, 5)], [(4, 1)]]
    for alpha in (0.1, 1.0, [0.2, 0.5, 1.5]):
        got = theta_estimate(bow, BETA, alpha)
        for d, doc in enumerate(bow):
            assert got[d] == pytest.approx(estep_by_tokens(doc, BETA, alpha, 5000, 1e-14),
                                           abs=1e-6), (alpha, d)
    # an empty document keeps the prior mean, alpha / sum(alpha)
    assert theta_estimate([[]], BETA, [0.2, 0.5, 1.5])[0] == pytest.approx(
        [0.2 / 2.2, 0.5 / 2.2, 1.5 / 2.2], rel=1e-12)


def test_theta_estimate_iteration_by_iteration():
    # one, two and three updates from the starting point alpha + N / K, compared exactly:
    # this checks the start, the weights and the update, not only the fixed point
    doc = [(0, 2), (1, 1), (3, 4)]
    for iterations in (1, 2, 3):
        for alpha in (0.3, [0.1, 0.7, 0.4]):
            got = theta_estimate([doc], BETA, alpha, iterations=iterations, tol=0.0)[0]
            assert got == pytest.approx(estep_by_tokens(doc, BETA, alpha, iterations),
                                        rel=1e-12), (iterations, alpha)
    # a tolerance larger than any change stops after the first update
    assert theta_estimate([doc], BETA, 0.3, iterations=50, tol=1e9)[0] == pytest.approx(
        estep_by_tokens(doc, BETA, 0.3, 1), rel=1e-12)
    # a word with probability zero in one topic: that topic gets none of it
    zero = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5]])
    assert theta_estimate([[(0, 1), (2, 3)]], zero, 0.5, iterations=1)[0] == pytest.approx(
        estep_by_tokens([(0, 1), (2, 3)], zero, 0.5, 1), rel=1e-12)


def test_theta_estimate_stops_at_its_documented_defaults():
    # two nearly equal topics converge slowly: with alpha = 0.5 this document needs about
    # 320 updates to move by less than 1e-8, so the default of 200 updates is visible
    beta = np.array([[0.52, 0.48], [0.48, 0.52]])
    doc = [(0, 30), (1, 10)]
    got = theta_estimate([doc], beta, 0.5)[0]
    assert got == pytest.approx(estep_by_tokens(doc, beta, 0.5, 200, 1e-8), rel=1e-12)
    assert abs(got[0] - estep_by_tokens(doc, beta, 0.5, 201, 1e-8)[0]) > 1e-9
    # a document that converges: stopped by the tolerance 1e-8, not by the 200 updates
    quick = [(0, 3), (1, 1)]
    assert theta_estimate([quick], BETA[:2], 0.1)[0] == pytest.approx(
        estep_by_tokens(quick, BETA[:2], 0.1, 200, 1e-8), rel=1e-12)
    assert theta_estimate([quick], BETA[:2], 0.1, tol=1e-3)[0] == pytest.approx(
        estep_by_tokens(quick, BETA[:2], 0.1, 200, 1e-3), rel=1e-12)


def test_loglik_per_word_against_tokens():
    rng = np.random.default_rng(4)
    theta = rng.dirichlet([1.0] * 3, size=4)
    bow = [[(0, 2), (4, 1)], [], [(1, 3), (2, 1), (3, 2)], [(4, 4)]]
    kept = [0, 2, 3]
    assert loglik_per_word(bow, theta, BETA) == pytest.approx(
        loglik_by_tokens([bow[d] for d in kept], [theta[d] for d in kept], BETA), rel=1e-12)
    # the whole message: what is wrong and what to do
    with pytest.raises(ValueError) as error:
        loglik_per_word([[], []], theta[:2], BETA)
    assert str(error.value) == ("no held-out tokens to score: every held-out document has "
                                "fewer than two tokens; use a larger corpus or a larger "
                                "hold-out share")
    # an empty document at the end scores nothing and still divides by the real count
    assert loglik_per_word([[(0, 2)], []], theta[:2], BETA) == pytest.approx(
        math.log(theta[0] @ BETA[:, 0]), rel=1e-12)


def test_heldout_completion_against_tokens():
    rng = np.random.default_rng(8)
    bow = [[(0, 2), (1, 3), (4, 1)], [(3, 1)], [(2, 1), (4, 1)], [(1, 4)],
           [(0, 1), (2, 2), (3, 3), (4, 2)], [], [(2, 3)]]
    # documents of one token or none are left out: [(3, 1)] and []; [(2, 1), (4, 1)] (two
    # tokens) is kept
    for alpha, seed in ((0.5, 3), ([0.2, 0.9, 0.4], 7)):
        assert heldout_completion(bow, BETA, alpha, seed) == pytest.approx(
            completion_by_tokens(bow, BETA, alpha, seed), rel=1e-9)
    assert heldout_completion(bow, BETA, 0.5) == pytest.approx(
        completion_by_tokens(bow, BETA, 0.5, 1), rel=1e-9)  # the default seed is 1
    # the two-token document counts: scored without it, the value moves
    without = [d for d in bow if d != [(2, 1), (4, 1)]]
    assert heldout_completion(without, BETA, 0.5, 3) != pytest.approx(
        heldout_completion(bow, BETA, 0.5, 3), rel=1e-6)
    del rng


# --- coherence, exclusivity, diversity, matching ------------------------------------------

def test_cooccurrence_against_counting():
    bow = [[(0, 2), (5, 1), (9, 1)], [(5, 3)], [], [(0, 1), (2, 1), (5, 1), (11, 2)],
           [(2, 1), (9, 4)]]
    docs = doc_sets(bow)
    for ids in ([9, 0, 5], [2, 14, 5, 0], [11], [3, 9]):  # unsorted; 14 and 3 in no document
        got = cooccurrence_docs(bow, ids)
        assert got.shape == (len(ids), len(ids))
        assert got.tolist() == [[sum(a in d and b in d for d in docs) for b in ids]
                                for a in ids], ids
    # no words asked for, or documents without words: counts of nothing, not an error
    assert cooccurrence_docs(bow, []).shape == (0, 0)
    assert cooccurrence_docs([[], []], [3, 1]).tolist() == [[0, 0], [0, 0]]


def test_npmi_against_counting_by_documents():
    rng = np.random.default_rng(11)
    docs = [set(rng.choice(7, size=rng.integers(1, 5), replace=False).tolist())
            for _ in range(9)]
    docs.append(set(range(7)))
    bow = [[(w, 1 + w % 2) for w in sorted(d)] for d in docs]
    topics = [[0, 1, 2, 3], [6, 5, 4, 3], [2, 4, 6, 0]]
    cooc = cooccurrence_docs(bow, list(range(7)))
    got = topics_npmi(np.array(topics), cooc, len(docs))
    assert got == pytest.approx([npmi_by_docs(t, docs) for t in topics], rel=1e-12)
    # the limits: a pair in every document has NPMI 1, a pair that never meets -1
    every = [{0, 1, 2}, {0, 1}, {0, 1, 3}]
    cooc = cooccurrence_docs([[(w, 1) for w in sorted(d)] for d in every], [0, 1, 2, 3])
    with warnings.catch_warnings():  # the limits come without numpy's warnings
        warnings.simplefilter("error")
        got = topics_npmi(np.array([[0, 1], [2, 3], [0, 2]]), cooc, 3)
    assert got.tolist() == [1.0, -1.0, pytest.approx(npmi_by_docs([0, 2], every))]
    assert got.tolist() == [npmi_by_docs([0, 1], every), npmi_by_docs([2, 3], every),
                            pytest.approx(math.log((1 / 3) / (1 * 1 / 3)) / -math.log(1 / 3))]


def test_semantic_coherence_against_counting_by_documents():
    rng = np.random.default_rng(12)
    docs = [set(rng.choice(8, size=rng.integers(1, 6), replace=False).tolist())
            for _ in range(12)]
    bow = [[(w, 1) for w in sorted(d)] for d in docs]
    present = sorted(set().union(*docs))
    topics = [present[:4], present[::-1][:4], [present[2], present[0], present[3],
                                                 present[1]]]
    cooc = cooccurrence_docs(bow, list(range(9)))  # word 8 is in no document
    for eps in (1.0, 0.01):
        got = topics_semantic_coherence(np.array(topics), cooc, eps=eps)
        assert got == pytest.approx([coherence_by_docs(t, docs, eps) for t in topics],
                                    rel=1e-12)
    got = topics_semantic_coherence(np.array(topics), cooc)  # eps = 1, as in Mimno et al.
    assert got == pytest.approx([coherence_by_docs(t, docs, 1.0) for t in topics], rel=1e-12)
    # a top word found in no document, ranked first
    lonely = [8, present[0], present[1]]
    assert topics_semantic_coherence(np.array([lonely]), cooc)[0] == pytest.approx(
        coherence_by_docs(lonely, docs), rel=1e-12)


def test_exclusivity_against_stm_written_out():
    rng = np.random.default_rng(5)
    beta = rng.dirichlet([0.3] * 14, size=3)
    beta[1, 4] = beta[1, 9]  # a tie within a topic: ranks are averaged
    beta /= beta.sum(axis=1, keepdims=True)
    assert topics_exclusivity(beta) == pytest.approx(exclusivity_by_words(beta), rel=1e-12)
    for n, weight in ((3, 0.5), (14, 0.7), (1, 0.9)):
        assert topics_exclusivity(beta, n=n, weight=weight) == pytest.approx(
            exclusivity_by_words(beta, n, weight), rel=1e-12), (n, weight)
    # many ties in a topic of 36 words: the top words are the tied ones of lower id first
    # (stm orders with R's order(), which keeps ties in place); an unstable sort of more
    # than 16 values would pick others
    levels = np.random.default_rng(6).choice([1.0, 2.0, 3.0], size=36)
    tied = np.vstack([levels / levels.sum(), np.random.default_rng(7).dirichlet([1.0] * 36)])
    assert topics_exclusivity(tied) == pytest.approx(exclusivity_by_words(tied), rel=1e-12)
    tied = np.array([[0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]])
    assert topics_exclusivity(tied, n=2) == pytest.approx(exclusivity_by_words(tied, 2),
                                                         rel=1e-12)


def test_diversity_and_matching_edges():
    assert topic_diversity([]) == 0.0
    assert topic_diversity([["a", "b", "c"], ["a", "d"]]) == pytest.approx(4 / 5)
    # the share is |A & B| / max(|A|, |B|), and two empty sets share nothing
    assert topics_match([{1, 2}], [{1, 2, 3, 4}]) == pytest.approx(2 / 4)
    assert topics_match([{1, 2, 3, 4}], [{1, 2}]) == pytest.approx(2 / 4)
    assert topics_match([set()], [set()]) == 0.0
    assert topics_match([{7}], [{7}]) == 1.0 and topics_match([{7}], [{8}]) == 0.0
    rng = np.random.default_rng(2)
    for _ in range(20):
        a = [set(rng.choice(12, 5, replace=False).tolist()) for _ in range(3)]
        b = [set(rng.choice(12, int(rng.integers(3, 7)), replace=False).tolist())
             for _ in range(3)]
        assert topics_match(a, b) == pytest.approx(match_by_permutations(a, b), rel=1e-12)


# --- the sweep, recomputed row by row -----------------------------------------------------

@pytest.fixture(scope="module")
def tiny():
    docs, _, _ = topics_simulate(n_docs=24, n_topics=3, n_words=40, doc_length=30, beta=0.2,
                                 seed=5)
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    return dictionary, [dictionary.doc2bow(d) for d in docs]


def row_by_hand(bow, dictionary, k, seed, holdout, split_seed, **fit) -> dict:
    """One row of the sweep from its documented parts: a model fitted on the documents
    that :func:`holdout_split` leaves in, then :func:`row_from_beta`."""
    held = holdout_split(len(bow), holdout, split_seed)
    model = topics_fit([d for d, h in zip(bow, held, strict=True) if not h], dictionary, k,
                       seed=seed, **fit)
    return row_from_beta(bow, topics_word_matrix(model), model.alpha, seed, held, split_seed)


def row_from_beta(bow, beta, alpha, seed, held, split_seed) -> dict:
    """A row's measures from the fitted topics ``beta``: the held-out documents scored by
    document completion, each topic's top words by probability (ties to the lower word id,
    as R's ``order`` in stm) and the measures on them counted in all documents. Everything
    but the halving is the references above."""
    k, v = beta.shape
    loglik = completion_by_tokens([d for d, h in zip(bow, held, strict=True) if h], beta,
                                  alpha, split_seed)
    top = [sorted(range(v), key=lambda w, t=t: (-beta[t, w], w)) for t in range(k)]
    docs = doc_sets(bow)
    return {"k": k, "seed": seed, "perplexity": math.exp(-loglik), "heldout_loglik": loglik,
            "npmi": np.mean([npmi_by_docs(t[:10], docs) for t in top]),
            "semantic_coherence": np.mean([coherence_by_docs(t[:10], docs) for t in top]),
            "exclusivity": np.mean(exclusivity_by_words(beta)),
            "diversity": (len({w for t in top for w in t[:25]})
                          / sum(len(t[:25]) for t in top)),
            "top20": [set(t[:20]) for t in top]}


def rows_check(table, expected: list[dict]) -> None:
    assert list(table.index) == list(range(len(expected)))
    for (_, got), want in zip(table.iterrows(), expected, strict=True):
        others = [r["top20"] for r in expected
                  if r["k"] == want["k"] and r["seed"] != want["seed"]]
        stability = (np.mean([match_by_permutations(want["top20"], o) for o in others])
                     if others else np.nan)
        assert (got["k"], got["seed"]) == (want["k"], want["seed"])
        for name in ("perplexity", "heldout_loglik", "npmi", "semantic_coherence",
                     "exclusivity", "diversity"):
            assert got[name] == pytest.approx(want[name], rel=1e-7), (name, want["k"],
                                                                        want["seed"])
        assert got["stability"] == pytest.approx(stability, rel=1e-12, nan_ok=True)


def test_sweep_rows_recomputed_by_hand(tiny):
    dictionary, bow = tiny
    assert len(dictionary) > 25  # so that the top 10, 20 and 25 words are not all words
    lines = []
    # K and seeds given out of order: the table comes sorted by K, then seed
    table = topics_sweep(bow, dictionary, [3, 2], [2, 1], passes=2, iterations=20,
                         holdout=0.2, workers=1, split_seed=4, progress=lines.append)
    assert list(table.columns) == ["k", "seed", "perplexity", "heldout_loglik", "npmi",
                                   "semantic_coherence", "exclusivity", "diversity",
                                   "stability", "sweeps", "settled", "documents"]
    assert table["sweeps"].isna().all()  # gensim's fits: no chain
    assert (table["documents"] == len(bow)).all()  # no sample: every document fitted
    expected = [row_by_hand(bow, dictionary, k, s, 0.2, 4, passes=2, iterations=20)
                for k, s in ((2, 1), (2, 2), (3, 1), (3, 2))]
    rows_check(table, expected)
    # progress: one line per fit, in the order the fits were asked for
    assert lines == ["fitted K = 3, seed 2 (1/4)", "fitted K = 3, seed 1 (2/4)",
                     "fitted K = 2, seed 2 (3/4)", "fitted K = 2, seed 1 (4/4)"]


def test_sweep_defaults_and_a_single_seed(tiny):
    dictionary, bow = tiny
    # the documented defaults: 20 passes of at most 200 iterations, a tenth held out,
    # split seed 1; one seed, so no stability
    with warnings.catch_warnings():  # no mean of nothing: the stability is simply missing
        warnings.filterwarnings("error", category=RuntimeWarning)
        table = topics_sweep(bow, dictionary, [2], [3], workers=1)
    rows_check(table, [row_by_hand(bow, dictionary, 2, 3, 0.1, 1, passes=20,
                                   iterations=200)])
    assert np.isnan(table.loc[0, "stability"])


def test_sweep_with_the_anchor_engine(tiny):
    dictionary, bow = tiny
    table = topics_sweep(bow, dictionary, [3], [1, 2], workers=1, engine="anchor", sweeps=4,
                         holdout=0.25, split_seed=2)
    rows_check(table, [row_by_hand(bow, dictionary, 3, s, 0.25, 2, engine="anchor", sweeps=4)
                       for s in (1, 2)])
    table = topics_sweep(bow, dictionary, [2], [5], workers=1, engine="anchor")
    rows_check(table, [row_by_hand(bow, dictionary, 2, 5, 0.1, 1, engine="anchor",
                                   sweeps="auto")])  # until the chain settles, by default


def test_sweep_passes_its_settings_on(tiny, monkeypatch):
    # what the sweep asks of the fits and of the task runner, seen by stand-ins that record
    # the calls and then do the work: the documented defaults (20 passes of at most 200
    # iterations, the gensim engine with "auto" sweeps for the anchor one, two worker
    # processes) and one labelled task per fit
    dictionary, bow = tiny
    fits, runs, run = [], [], parallel.tasks_run

    def fit_recorded(train, dictionary, k, **kwargs):
        fits.append((len(train), k, kwargs))
        return topics_fit(train, dictionary, k, **kwargs)

    def run_recorded(fn, jobs, workers=1, label=None, what="task", threads=False):
        runs.append((workers, [label(job) for job in jobs], what, threads))
        return run(fn, jobs, 1, label=label, what=what)

    monkeypatch.setattr(selection, "topics_fit", fit_recorded)
    monkeypatch.setattr(parallel, "tasks_run", run_recorded)
    topics_sweep(bow, dictionary, [2, 3], [7])
    # a tiny corpus's fits stay in one process (below PARALLEL_WORK tokens x fits)
    assert runs == [(1, ["K = 2, seed 7", "K = 3, seed 7"], "fit", False)]
    defaults = {"passes": 20, "iterations": 200, "seed": 7, "engine": "gensim",
                "sweeps": "auto", "share_start": True}
    assert fits == [(22, 2, defaults), (22, 3, defaults)]  # 24 documents, 2 held out
    runs.clear()
    tokens = sum(c for doc in bow for _, c in doc)
    monkeypatch.setattr(selection, "PARALLEL_WORK", 2 * tokens)  # two fits reach it
    topics_sweep(bow, dictionary, [2, 3], [7])
    assert runs == [(2, ["K = 2, seed 7", "K = 3, seed 7"], "fit", False)]  # gensim: processes
    runs.clear()
    topics_sweep(bow, dictionary, [2], [1, 4], workers=3, holdout=0.5)
    assert runs == [(3, ["K = 2, seed 1", "K = 2, seed 4"], "fit", False)]
    assert [f[0] for f in fits[4:]] == [12, 12]


def test_sweep_refuses_an_unknown_engine(tiny):
    dictionary, bow = tiny
    with pytest.raises(ParameterError, match="Parameter 'engine' = 'mallet'") as error:
        topics_sweep(bow, dictionary, [2], [1], workers=1, engine="mallet")
    assert error.value.name == "engine"


def test_sweep_scores_the_topics_it_is_given(tiny, monkeypatch):
    # the fits replaced by stand-ins that return given topics, with many ties: what is
    # left is the sweep's own work (the split, the scoring, the top words with ties to the
    # lower word id, the measures, the stability between seeds), recomputed by hand
    dictionary, bow = tiny
    v, rng = len(dictionary), np.random.default_rng(9)
    topics = {}
    for k in (2, 3):
        for seed in (1, 2):
            levels = rng.choice([1.0, 2.0, 4.0], size=(k, v))
            topics[k, seed] = levels / levels.sum(axis=1, keepdims=True)
    fitted = []

    def fit_standin(train, dictionary, k, seed, **kwargs):
        fitted.append((k, seed, len(train)))
        return SimpleNamespace(alpha=0.3, topics=topics[k, seed])

    monkeypatch.setattr(selection, "topics_fit", fit_standin)
    monkeypatch.setattr(selection, "topics_word_matrix", lambda model: model.topics)
    table = topics_sweep(bow, dictionary, [2, 3], [1, 2], workers=1, holdout=0.25,
                         split_seed=3)
    held = holdout_split(len(bow), 0.25, 3)
    assert fitted == [(2, 1, 18), (2, 2, 18), (3, 1, 18), (3, 2, 18)]
    rows_check(table, [row_from_beta(bow, topics[k, s], 0.3, s, held, 3)
                       for k, s in ((2, 1), (2, 2), (3, 1), (3, 2))])
