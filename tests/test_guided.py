"""Keyword-assisted topic models: the sampler's conditionals worked by hand, determinism,
planted truth (correct seeds help, unrelated seeds are not reported as retained), the
keyword diagnostic and the retention measures counted by hand."""

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linear_sum_assignment

from digiwelfare.checks import ParameterError
from digiwelfare.figures import plot_guided_compare, plot_keywords
from digiwelfare.guided import GuidedModel, _sweep, guided_fit
from digiwelfare.guided_chains import guided_fit_best
from digiwelfare.guided_tables import (
    RETAINED_CONTEXT_LIFT,
    RETAINED_CONTEXT_SHARE,
    RETAINED_PI,
    textstat_guided_compare,
    textstat_guided_doc_topics,
    textstat_guided_words,
    textstat_keyword_topics,
    textstat_retention,
)
from digiwelfare.keywords import textstat_keyword_categories, textstat_keywords


def _planted(n_topics=6, rare=0.1, n_docs=300, length=60, n_words=300, seed=4,
             noise_words=0, noise_rate=0.0):
    """Documents from LDA's generative process with topic 0 rare; one extra topic is drawn
    but never used (its words are 'seeds from an absent topic'); optional noise words
    ``n00..`` sprinkled uniformly at ``noise_rate``."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, 0.05), size=n_topics + 1)
    theta = rng.dirichlet([rare] + [0.4] * (n_topics - 1), size=n_docs)
    vocab = [f"w{i:03d}" for i in range(n_words)] + [f"n{i:02d}" for i in range(noise_words)]
    bow = []
    for d in range(n_docs):
        z = rng.choice(n_topics, size=length, p=theta[d])
        ws = [int(rng.choice(n_words, p=phi[t])) for t in z]
        if noise_words:
            ws += list(n_words + rng.integers(noise_words, size=rng.binomial(length, noise_rate)))
        ids, counts = np.unique(ws, return_counts=True)
        bow.append(list(zip(ids.tolist(), counts.tolist(), strict=True)))
    return bow, vocab, phi


@pytest.fixture(scope="module")
def planted():
    return _planted()


def _matched_cosine(true_phi, fitted_phi, topic):
    """Cosine of a true topic with the fitted topic Hungarian matching pairs it with."""
    a = true_phi / np.linalg.norm(true_phi, axis=1, keepdims=True)
    b = fitted_phi / np.linalg.norm(fitted_phi, axis=1, keepdims=True)
    sim = a @ b.T
    rows, cols = linear_sum_assignment(-sim)
    pairs = dict(zip(rows, cols, strict=True))
    return sim[topic, pairs[topic]] if topic in pairs else 0.0


# --- the sampler's conditionals, worked by hand ---------------------------------------------

def _state():
    """A hand-made state: 2 topics (topic 0 a keyword topic with seed word 0), 3 words,
    one document; the token under test is word 0 in document 0, currently z=1, s=0."""
    words = np.array([0], dtype=np.int64)
    docs = np.array([0], dtype=np.int64)
    n_dk = np.array([[2, 4]], dtype=np.int64)  # includes the token (topic 1)
    n_kw = np.array([[1, 2, 0], [3, 1, 2]], dtype=np.int64)  # regular, includes the token
    m_kw = np.array([[5, 0, 0], [0, 0, 0]], dtype=np.int64)
    is_key = np.array([[True, False, False]])
    return words, docs, n_dk, n_kw, m_kw, is_key


def test_topic_draw_follows_the_keyatm_conditional():
    words, docs, n_dk, n_kw, m_kw, is_key = _state()
    alpha, beta, beta_key, g1, g2 = 0.5, 0.1, 0.2, 1.0, 2.0
    # By hand, after removing the token (n_dk -> [2, 3], topic 1's word-0 count -> 2,
    # regular totals -> [3, 5], keyword totals -> [5, 0]); s = 0, so for topic 0
    # (n_dk + alpha)(n_kw + beta)/(n_k + V beta) * (n_k + g2)/(n_k + m_k + g1 + g2)
    # = 2.5 * 1.1 / 3.3 * 5 / 11, and for topic 1 (free) 3.5 * 2.1 / 5.3.
    p0 = 2.5 * 1.1 / 3.3 * 5 / 11
    p1 = 3.5 * 2.1 / 5.3
    threshold = p0 / (p0 + p1)
    for u0, expected in ((threshold - 1e-6, 0), (threshold + 1e-6, 1)):
        w, d, ndk, nkw, mkw, key = _state()
        z, s = np.array([1]), np.array([0])
        n_k, m_k = nkw.sum(axis=1), mkw.sum(axis=1)
        u = np.array([u0, 0.999999])  # second uniform: keep s = 0 if topic 0 is drawn
        _sweep(w, d, z, s, ndk, nkw, n_k, mkw, m_k, key, key.sum(axis=1), alpha, beta,
               beta_key, g1, g2, u, np.zeros(2))
        assert z[0] == expected
        assert ndk.sum() == 6 and nkw.sum() + mkw.sum() == 14  # counts conserved


def test_switch_draw_follows_the_keyatm_conditional():
    words, docs, n_dk, n_kw, m_kw, is_key = _state()
    alpha, beta, beta_key, g1, g2 = 0.5, 0.1, 0.2, 1.0, 2.0
    # Given z = 0 for word 0: P(s=1) is proportional to (m_kw + beta_key)/(m_k + L beta_key)
    # * (m_k + g1) = 5.2/5.2 * 6, and P(s=0) to (n_kw + beta)/(n_k + V beta) * (n_k + g2) =
    # 1.1/3.3 * 5, with topic 0's counts after the token is removed.
    q1 = 5.2 / 5.2 * 6
    q0 = 1.1 / 3.3 * 5
    cut = q0 / (q0 + q1)
    for u1, expected in ((cut - 1e-6, 0), (cut + 1e-6, 1)):
        w, d, ndk, nkw, mkw, key = _state()
        z, s = np.array([1]), np.array([0])
        n_k, m_k = nkw.sum(axis=1), mkw.sum(axis=1)
        u = np.array([0.0, u1])  # first uniform 0: topic 0 is drawn
        _sweep(w, d, z, s, ndk, nkw, n_k, mkw, m_k, key, key.sum(axis=1), alpha, beta,
               beta_key, g1, g2, u, np.zeros(2))
        assert z[0] == 0 and s[0] == expected
        assert m_k[0] == 5 + expected and n_k[0] == 3 + (1 - expected)


def test_without_keywords_the_sampler_is_lda():
    # the plain LDA conditional (n_dk + alpha)(n_kw + beta)/(n_k + V beta): no switch term
    w, d, ndk, nkw, mkw, _ = _state()
    key = np.zeros((0, 3), dtype=np.bool_)
    p0 = 2.5 * 1.1 / 3.3
    p1 = 3.5 * 2.1 / 5.3
    z, s = np.array([1]), np.array([0])
    n_k, m_k = nkw.sum(axis=1), mkw.sum(axis=1) * 0
    u = np.array([p0 / (p0 + p1) - 1e-6, 0.5])
    _sweep(w, d, z, s, ndk, nkw, n_k, mkw * 0, m_k, key, np.zeros(0, dtype=np.int64),
           0.5, 0.1, 0.2, 1.0, 2.0, u, np.zeros(2))
    assert z[0] == 0 and s[0] == 0


# --- fitting ----------------------------------------------------------------------------------

def test_same_seed_same_model_to_the_bit():
    bow, vocab, _ = _planted(n_docs=40, n_words=60)
    a = guided_fit(bow, vocab, {"k": ["w001", "w002"]}, 3, iterations=20, seed=7)
    b = guided_fit(bow, vocab, {"k": ["w001", "w002"]}, 3, iterations=20, seed=7)
    c = guided_fit(bow, vocab, {"k": ["w001", "w002"]}, 3, iterations=20, seed=8)
    assert a.phi.tobytes() == b.phi.tobytes() and a.theta.tobytes() == b.theta.tobytes()
    assert a.phi.tobytes() != c.phi.tobytes()
    assert np.allclose(a.phi.sum(axis=1), 1) and np.allclose(a.theta.sum(axis=1), 1)
    assert a.counts.sum() == sum(c for doc in bow for _, c in doc)


def test_unguided_sampler_recovers_planted_topics():
    bow, vocab, phi = _planted(n_topics=5, rare=0.4, seed=2)
    model = guided_fit(bow, vocab, {}, 5, iterations=300, seed=1)
    scores = [_matched_cosine(phi[:5], model.phi, t) for t in range(5)]
    assert np.mean(scores) >= 0.9, scores


def test_correct_seeds_recover_a_rare_topic_the_unguided_model_merges(planted):
    # six true topics, topic 0 rare; both models get K = 5, so one true topic has no room
    bow, vocab, phi = planted
    distinctive = np.argsort(-(phi[0] - phi[1:6].max(axis=0)))[:5]
    seeds = {"planted": [vocab[i] for i in distinctive]}
    guided = guided_fit(bow, vocab, seeds, 4, iterations=300, seed=1)
    unguided = guided_fit(bow, vocab, {}, 5, iterations=300, seed=1)
    g = _matched_cosine(phi[:6], guided.phi, 0)
    u = _matched_cosine(phi[:6], unguided.phi, 0)
    assert g >= 0.9 and g > u + 0.3, (g, u)
    kept = textstat_keyword_topics(guided)
    assert kept["retained"].all() and kept["pi"].iloc[0] >= RETAINED_PI, kept
    side = textstat_guided_compare(guided, unguided)
    assert side.loc[0, "context_lift_guided"] >= RETAINED_CONTEXT_LIFT
    assert side.loc[0, "context_share_guided"] >= RETAINED_CONTEXT_SHARE
    assert side.loc[0, "topic_guided"] == 1


def test_seeds_of_an_absent_topic_are_not_retained(planted):
    bow, vocab, phi = planted
    absent = {"absent": [vocab[i] for i in np.argsort(-phi[6])[:5]]}  # topic 6 is never used
    model = guided_fit(bow, vocab, absent, 4, iterations=300, seed=1)
    kept = textstat_keyword_topics(model)
    assert not kept["retained"].any(), kept
    assert kept["pi"].iloc[0] < RETAINED_PI  # the seed words are mostly left to other topics


@pytest.mark.parametrize("n_free", [4, 5, 6])
def test_rare_noise_seeds_are_not_retained(n_free):
    # noise words sprinkled at random over the documents of five planted topics; with
    # n_free = 5 or 6 the model has one or two topics more than the data need, which invites
    # the keyword topic to become a small sink for the noise
    bow, vocab, _ = _planted(n_topics=5, rare=0.4, seed=3, noise_words=20, noise_rate=0.02)
    noise = {"noise": [f"n{i:02d}" for i in range(5)]}
    model = guided_fit(bow, vocab, noise, n_free, iterations=300, seed=1)
    kept = textstat_keyword_topics(model).iloc[0]
    assert not kept["retained"], kept
    if n_free == 4:  # as many topics as the data have: the keyword topic is a real topic
        assert kept["pi"] < RETAINED_PI and kept["context_lift"] < RETAINED_CONTEXT_LIFT
    else:
        # spare topics: the keyword topic becomes a small topic around the noise, whose
        # documents it holds a little more of (self-reinforcement, context lift near 4
        # here) but only a small share of their other words
        assert kept["topic_share"] < 0.1
        assert kept["context_share"] < RETAINED_CONTEXT_SHARE


def test_fit_errors_name_the_problem():
    bow = [[(0, 2), (1, 1)]]
    with pytest.raises(ParameterError, match="zzz"):
        guided_fit(bow, ["a", "b"], {"k": ["a", "zzz"]}, 1, iterations=2)
    with pytest.raises(ParameterError, match="empty"):
        guided_fit(bow, ["a", "b"], {"k": []}, 1, iterations=2)
    with pytest.raises(ParameterError, match="n_free"):
        guided_fit(bow, ["a", "b"], {}, 0, iterations=2)
    with pytest.raises(ValueError, match="no tokens"):
        guided_fit([[], []], ["a", "b"], {}, 2, iterations=2)


# --- tables, counted by hand -------------------------------------------------------------------

def _hand_model():
    """Three documents, vocabulary a b c d, topic 0 a keyword topic seeded with 'a'.
    doc 0: a a b c (topics 0 0 0 1); doc 1: a d d c (1 1 1 1); doc 2: b d (0 1)."""
    tokens = pd.DataFrame({"doc": [0, 0, 0, 0, 1, 1, 1, 1, 2, 2],
                           "word": [0, 0, 1, 2, 0, 3, 3, 2, 1, 3],
                           "topic": [0, 0, 0, 1, 1, 1, 1, 1, 0, 1],
                           "switch": [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]})
    counts = np.zeros((2, 4), dtype=np.int64)
    np.add.at(counts, (tokens["topic"], tokens["word"]), 1)
    keyword_counts = np.zeros_like(counts)
    keyword_counts[0, 0] = 2
    theta = np.array([[0.7, 0.3], [0.1, 0.9], [0.5, 0.5]])
    phi = np.full((2, 4), 0.25)
    return GuidedModel(names=["a-topic", "free 1"], vocabulary=["a", "b", "c", "d"],
                       keywords={"a-topic": ["a"]}, phi=phi, theta=theta, pi=np.array([0.6]),
                       counts=counts, keyword_counts=keyword_counts,
                       trace=pd.DataFrame(), tokens=tokens)


def test_retention_counted_by_hand():
    row = textstat_retention(_hand_model(), topics={"a-topic": 0}).iloc[0]
    assert row["topic"] == 1 and row["seed_tokens"] == 3 and row["topic_tokens"] == 4
    assert row["topic_share"] == pytest.approx(4 / 10)
    assert row["seed_share"] == pytest.approx(2 / 4)  # a a of a a b b
    assert row["seed_capture"] == pytest.approx(2 / 3)  # 2 of the 3 a's
    # non-seed tokens of the documents with an 'a': doc 0 b c (1 of 2 in topic 0), doc 1
    # d d c (0 of 3); weighted by their 2 and 1 seed tokens: (2 * 1/2 + 1 * 0) / 3.
    # Baseline, doc 2 (no 'a'): 1 of 2 tokens in topic 0, add-one over 2 topics: 2/4.
    assert row["context_share"] == pytest.approx(1 / 3)
    assert row["context_lift"] == pytest.approx((1 / 3) / (2 / 4))
    found = textstat_retention(_hand_model(), {"d-list": ["d"]}).iloc[0]
    assert found["topic"] == 2 and found["seed_capture"] == 1.0  # topic holding most d's


def test_keyword_topics_table_and_retained_rule():
    table = textstat_keyword_topics(_hand_model())
    assert list(table.columns[:4]) == ["name", "topic", "seeds", "pi"]
    assert table.loc[0, "pi"] == 0.6
    assert not table.loc[0, "retained"]  # context lift 2/3 is below the threshold


def test_words_and_doc_topics_tables():
    model = _hand_model()
    model.phi = np.array([[0.5, 0.3, 0.1, 0.1], [0.1, 0.1, 0.2, 0.6]])
    words = textstat_guided_words(model, n=2)
    assert list(words["word"]) == ["a", "b", "d", "c"]
    assert list(words["seed"]) == [True, False, False, False]
    assert list(words["kind"]) == ["keyword", "keyword", "free", "free"]
    docs = textstat_guided_doc_topics(model, ["x", "y", "z"])
    assert list(docs.columns) == ["id", 1, 2] and docs.loc[1, 2] == 0.9
    with pytest.raises(ValueError, match="ids"):
        textstat_guided_doc_topics(model, ["x"])


def test_initial_state_puts_seeds_in_their_topics():
    # two keyword topics (seeds: word 0; words 1 and 2) and one free topic; document 1 has
    # no seed, so its tokens can only start in the free topic
    from digiwelfare.guided import _initial_state

    words = np.array([0, 1, 2, 3, 3, 4, 4], dtype=np.int64)
    docs = np.array([0, 0, 0, 0, 0, 1, 1], dtype=np.int64)
    is_key = np.zeros((2, 5), dtype=np.bool_)
    is_key[0, 0] = is_key[1, [1, 2]] = True
    z, s = _initial_state(words, docs, 2, is_key, 3, np.random.default_rng(1))
    assert list(z[:3]) == [0, 1, 1] and list(s) == [1, 1, 1, 0, 0, 0, 0]
    assert list(z[5:]) == [2, 2]
    z, s = _initial_state(words, docs, 2, is_key[:0], 3, np.random.default_rng(1))
    assert not s.any() and set(z) <= {0, 1, 2}  # no keywords: LDA's uniform start


def test_empty_inputs():
    # a language the dictionary has no entries for, and a model with no keyword topics
    table = textstat_keywords([["a", "b"]], {"care": []}, {"a", "b"})
    assert table.empty and "token_share" in table.columns
    assert textstat_keyword_categories(table, [["a"]]).empty
    assert plot_keywords(table)._suptitle.get_text() == "No dictionary entries for this language"
    model = guided_fit([[(0, 2)], [(1, 3)]], ["a", "b"], {}, 2, iterations=5)
    assert textstat_keyword_topics(model).empty
    side = textstat_guided_compare(model, model)
    assert side.empty
    assert "No keyword topic" in plot_guided_compare(side, RETAINED_PI).axes[0].texts[0].get_text()


def _log_joint(z, s, words, docs, n_topics, n_words, is_key, alpha, beta, beta_key, g1, g2):
    """log p(w, z, s) of the keyATM base model with theta, both word distributions and pi
    integrated out (Dirichlet-multinomial and Beta-Bernoulli marginals), written out
    from the model's definition independently of the sampler."""
    from scipy.special import betaln, gammaln

    total = 0.0
    for d in np.unique(docs):
        n_dk = np.bincount(z[docs == d], minlength=n_topics)
        total += (gammaln(n_topics * alpha) - gammaln(n_dk.sum() + n_topics * alpha)
                  + np.sum(gammaln(n_dk + alpha) - gammaln(alpha)))
    for k in range(n_topics):
        regular = (z == k) & (s == 0)
        n_kw = np.bincount(words[regular], minlength=n_words)
        total += (gammaln(n_words * beta) - gammaln(n_kw.sum() + n_words * beta)
                  + np.sum(gammaln(n_kw + beta) - gammaln(beta)))
        if k < is_key.shape[0]:
            keyed = (z == k) & (s == 1)
            m_kw = np.bincount(words[keyed], minlength=n_words)[is_key[k]]
            size = is_key[k].sum()
            total += (gammaln(size * beta_key) - gammaln(m_kw.sum() + size * beta_key)
                      + np.sum(gammaln(m_kw + beta_key) - gammaln(beta_key)))
            total += betaln(keyed.sum() + g1, regular.sum() + g2) - betaln(g1, g2)
    return total


def test_sampler_draws_from_the_exact_posterior():
    # four tokens, two topics (topic 0 a keyword topic seeded with words 0 and 1): enumerate
    # every allowed (z, s), compute the exact posterior, and compare with 100,000 sweeps.
    # A wrong gamma, beta_key or alpha in the sampler moves the distance to 0.07 or more.
    import itertools

    words = np.array([0, 1, 0, 2], dtype=np.int64)
    docs = np.array([0, 0, 1, 1], dtype=np.int64)
    is_key = np.array([[True, True, False]])
    prior = (0.5, 0.1, 0.3, 1.0, 2.0)  # alpha, beta, beta_key, gamma1, gamma2
    options = [[(0, 0), (0, 1), (1, 0)] if is_key[0, w] else [(0, 0), (1, 0)] for w in words]
    states = list(itertools.product(*options))
    logp = np.array([_log_joint(np.array([a for a, _ in st]), np.array([b for _, b in st]),
                                words, docs, 2, 3, is_key, *prior) for st in states])
    exact = np.exp(logp - logp.max())
    exact /= exact.sum()

    z = np.array([1, 1, 1, 1], dtype=np.int64)
    s = np.zeros(4, dtype=np.int64)
    n_dk = np.array([[0, 2], [0, 2]], dtype=np.int64)
    n_kw = np.array([[0, 0, 0], [2, 1, 1]], dtype=np.int64)
    m_kw = np.zeros((2, 3), dtype=np.int64)
    n_k, m_k = n_kw.sum(axis=1), m_kw.sum(axis=1)
    rng = np.random.default_rng(5)
    index = {st: i for i, st in enumerate(states)}
    seen = np.zeros(len(states))
    for _ in range(100_000):
        _sweep(words, docs, z, s, n_dk, n_kw, n_k, m_kw, m_k, is_key, np.array([2]),
               *prior, rng.random(8), np.zeros(2))
        seen[index[tuple(zip(z.tolist(), s.tolist(), strict=True))]] += 1
    assert 0.5 * np.abs(seen / seen.sum() - exact).sum() < 0.02


def test_restarts_of_neighbouring_user_seeds_share_no_chain(monkeypatch):
    import digiwelfare.guided as guided

    bow, vocab, _ = _planted(n_docs=40, n_words=60)
    used: dict[int, list[int]] = {}
    fit = guided.guided_fit

    def recording(*args, seed, **kwargs):
        used.setdefault(current, []).append(seed)
        return fit(*args, seed=seed, **kwargs)

    monkeypatch.setattr(guided, "guided_fit", recording)
    chosen = {}
    for current in (1, 2):
        chosen[current] = guided_fit_best(bow, vocab, {"k": ["w001", "w002"]}, 2,
                                                 restarts=3, seed=current, iterations=5)
    assert len(used[1]) == len(used[2]) == 3
    assert not set(used[1]) & set(used[2])  # seed, seed + 1, ... would share two chains
    assert len(set(used[1])) == 3
    for current in (1, 2):
        assert chosen[current].settings["seed"] in used[current]


def test_doc_topics_keep_the_ids_and_name_the_mismatch():
    docs = textstat_guided_doc_topics(_hand_model(), ["x", "y", "z"])
    assert docs["id"].tolist() == ["x", "y", "z"]
    with pytest.raises(ValueError, match="1 ids for 3 documents"):
        textstat_guided_doc_topics(_hand_model(), ["x"])


def _wide_hand_model(phi, swap=False):
    """The hand model over twelve words (a..l, only a..d used); ``swap`` exchanges the two
    topics of every token, so the 'a' tokens sit mostly in the second topic."""
    model = _hand_model()
    model.vocabulary = list("abcdefghijkl")
    if swap:
        model.tokens = model.tokens.assign(topic=1 - model.tokens["topic"])
    model.counts = np.zeros((2, 12), dtype=np.int64)
    np.add.at(model.counts, (model.tokens["topic"], model.tokens["word"]), 1)
    model.keyword_counts = np.zeros_like(model.counts)
    model.phi = np.asarray(phi, dtype=float)
    return model


def test_compare_pairs_topics_and_measures_their_cosine():
    from scipy.spatial.distance import cosine

    rising = np.arange(1, 13, dtype=float)
    guided = _wide_hand_model([rising[::-1] / rising.sum(), np.full(12, 1 / 12)])
    unguided = _wide_hand_model([np.full(12, 1 / 12), rising ** 2 / (rising ** 2).sum()],
                                swap=True)
    side = textstat_guided_compare(guided, unguided)
    # the a's are mostly in the unguided model's second topic: 2 of 3 (counted by hand)
    assert side.loc[0, "topic_guided"] == 1 and side.loc[0, "topic_unguided"] == 2
    assert side.loc[0, "cosine"] == pytest.approx(1 - cosine(guided.phi[0], unguided.phi[1]))
    # ten words by default, the most probable first: a..j in the guided topic, l..c unguided
    assert side.loc[0, "words_guided"] == ", ".join("abcdefghij")
    assert side.loc[0, "words_unguided"] == ", ".join("lkjihgfedc")
    three = textstat_guided_compare(guided, unguided, n=3)
    assert three.loc[0, ["words_guided", "words_unguided"]].tolist() == ["a, b, c", "l, k, j"]


def test_keyword_topics_read_the_seeded_topic_even_where_another_holds_more_seeds():
    # swapped: two of the three 'a' tokens sit in topic 2, yet 'a-topic' is topic 1
    flat = np.full((2, 12), 1 / 12)
    row = textstat_keyword_topics(_wide_hand_model(flat, swap=True)).iloc[0]
    assert row["topic"] == 1 and row["seed_capture"] == pytest.approx(1 / 3)


def test_retention_of_a_list_with_no_word_in_the_vocabulary():
    # no seed token anywhere (counted by hand): topic 1 by the first of equal counts, with
    # 4 of the 10 tokens; no document uses the seeds, so context share and lift are 0
    row = textstat_retention(_hand_model(), {"none": ["zzz"]}).iloc[0]
    assert row.tolist() == ["none", 1, 0, 4, pytest.approx(0.4), 0.0, 0.0, 0.0, 0.0]


def test_retention_weighs_documents_by_their_seed_tokens():
    # counted by hand on the hand model; both lists are read off topic 2, which holds most
    # of their tokens. b, d: documents 0, 1, 2 have 1, 2, 2 seed tokens and 3, 2, 0 other
    # tokens, of which 1, 2, 0 in topic 2; document 2 has no other token and is left out:
    # (1 * 1/3 + 2 * 2/2) / 3 = 7/9. No document lacks the seeds: baseline (0 + 1) / (0 + 2).
    # a, d: 2, 3, 1 seed tokens; other tokens 2, 1, 1, of which 1, 1, 0 in topic 2:
    # (2 * 1/2 + 3 * 1/1 + 1 * 0/1) / 6 = 2/3.
    table = textstat_retention(_hand_model(), {"bd": ["b", "d"], "ad": ["a", "d"]})
    assert table["topic"].tolist() == [2, 2] and table["topic_tokens"].tolist() == [6, 6]
    assert table["seed_tokens"].tolist() == [5, 6]
    assert table["seed_share"].tolist() == pytest.approx([3 / 6, 4 / 6])
    assert table["seed_capture"].tolist() == pytest.approx([3 / 5, 4 / 6])
    assert table["context_share"].tolist() == pytest.approx([7 / 9, 2 / 3])
    assert table["context_lift"].tolist() == pytest.approx([14 / 9, 4 / 3])


def test_retention_off_a_topic_with_no_tokens():
    # a third topic that holds no token: every share is 0 (counted by hand); the baseline is
    # (0 + 1) / (2 + 3) in document 2, the one without an 'a'
    model = _hand_model()
    model.counts = np.vstack([model.counts, np.zeros(4, dtype=np.int64)])
    model.theta = np.hstack([model.theta, np.zeros((3, 1))])
    row = textstat_retention(model, topics={"a-topic": 2}).iloc[0]
    assert row.tolist() == ["a-topic", 3, 3, 0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_estimates_are_the_posterior_means_worked_by_hand():
    from digiwelfare.guided import _estimates

    # the counts of _state(); gamma (1.5, 2.5) so that gamma1 and gamma2 differ from 1
    n_dk = np.array([[2, 4]])
    n_kw, m_kw = np.array([[1, 2, 0], [3, 1, 2]]), np.array([[5, 0, 0], [0, 0, 0]])
    is_key = np.array([[True, False, False]])
    phi, theta, pi = _estimates(n_dk, n_kw, n_kw.sum(axis=1), m_kw, m_kw.sum(axis=1), is_key,
                                np.array([1]), 0.5, 0.1, 0.2, 1.5, 2.5)
    # pi = (m_k + g1) / (n_k + m_k + g1 + g2) = 6.5 / 12; topic 0 mixes its regular
    # distribution (n_kw + beta) / (n_k + V beta) with its keyword one (all on word 0)
    p = 6.5 / 12
    assert pi == pytest.approx([p])
    assert phi[0] == pytest.approx((1 - p) * np.array([1.1, 2.1, 0.1]) / 3.3 + [p, 0, 0])
    assert phi[1] == pytest.approx(np.array([3.1, 1.1, 2.1]) / 6.3)
    assert theta[0] == pytest.approx([2.5 / 7, 4.5 / 7])  # (n_dk + alpha) / (6 + 2 alpha)


def test_retained_means_at_least_each_threshold(monkeypatch):
    import digiwelfare.guided_tables as guided

    # the hand model's keyword topic: pi 0.6, context share 1/3, context lift 2/3 (counted
    # by hand in test_retention_counted_by_hand); thresholds set exactly there pass
    at = {"RETAINED_PI": 0.6, "RETAINED_CONTEXT_SHARE": 1 / 3, "RETAINED_CONTEXT_LIFT": 2 / 3}
    for name, value in at.items():
        monkeypatch.setattr(guided, name, value)
    table = textstat_keyword_topics(_hand_model())
    assert table["seeds"].tolist() == [1] and table["retained"].tolist() == [True]
    for name, value in at.items():  # any one threshold a little higher fails
        monkeypatch.setattr(guided, name, value * (1 + 1e-9))
        assert not textstat_keyword_topics(_hand_model())["retained"].iloc[0], name
        monkeypatch.setattr(guided, name, value)


def test_guided_words_rank_from_one_and_keep_ties_in_vocabulary_order():
    tied = np.array([2, 1] * 6) / 18  # a c e g i k at 2/18, b d f h j l at 1/18
    words = textstat_guided_words(_wide_hand_model([tied, np.arange(12, 0, -1) / 78]))
    assert list(words.columns) == ["topic", "name", "kind", "rank", "word", "probability",
                                   "seed"]
    assert words["topic"].tolist() == [1] * 10 + [2] * 10  # ten words by default
    assert words["rank"].tolist() == list(range(1, 11)) * 2
    assert words["word"].tolist() == list("acegikbdfh") + list("abcdefghij")
    assert words["probability"].tolist()[:10] == pytest.approx([2 / 18] * 6 + [1 / 18] * 4)


def test_fit_best_keeps_the_best_chain_with_derived_seeds(monkeypatch):
    import types

    import digiwelfare.guided as guided

    calls = []
    finals = iter([-5.0, -4.0, -4.0, -6.0])

    def fake(bow, vocabulary, keywords, n_free, *, seed, **kwargs):
        calls.append((seed, kwargs))
        trace = pd.DataFrame({"loglik_per_token": [-9.0, next(finals)]})
        return types.SimpleNamespace(trace=trace, seed=seed)

    monkeypatch.setattr(guided, "guided_fit", fake)
    best = guided_fit_best([], [], {}, 2, iterations=5)
    # defaults: three restarts, seeds from numpy's SeedSequence(1).spawn(3)
    expected = [int(c.generate_state(1)[0]) for c in np.random.SeedSequence(1).spawn(3)]
    assert [s for s, _ in calls] == expected
    assert all(kwargs == {"iterations": 5} for _, kwargs in calls)
    assert best.seed == expected[1]  # the highest final log-likelihood; of equals the first
    calls.clear()
    guided_fit_best([], [], {}, 2, restarts=1, seed=3)
    assert [s for s, _ in calls] == [
        int(np.random.SeedSequence(3).spawn(1)[0].generate_state(1)[0])]
    for bad in (0, 101):
        with pytest.raises(ParameterError, match="'restarts'"):
            guided_fit_best([], [], {}, 2, restarts=bad)


def test_state_and_token_table_are_whole_numbers():
    # the sampler's state holds ids and switches: integers, so the token table says 1, not 1.0
    from digiwelfare.guided import _initial_state

    words, docs = np.array([0, 1, 2], dtype=np.int64), np.array([0, 0, 1], dtype=np.int64)
    is_key = np.array([[True, False, False]])
    for key in (is_key, is_key[:0]):
        z, s = _initial_state(words, docs, 2, key, 2, np.random.default_rng(1))
        assert z.dtype == np.int64 and s.dtype == np.int64
    model = guided_fit([[(0, 2), (1, 1)], [(2, 3)]], ["a", "b", "c"], {"A": ["a"]}, 1,
                       iterations=3)
    assert all(np.issubdtype(t, np.integer) for t in model.tokens.dtypes), model.tokens.dtypes


def test_initial_topics_of_other_tokens_follow_the_stated_weights():
    # 20,000 non-seed tokens: the share starting in a topic is within 0.02 (over five
    # binomial standard deviations) of the weight worked by hand
    from digiwelfare.guided import _initial_state

    n = 20_000
    is_key = np.array([[True, False, False, False], [False, True, False, False]])
    # one free topic; document 0 has one seed token of keyword topic 0, none of topic 1:
    # weights 1 (its seed count), 0, 1 (free), so half start in topic 0
    words = np.array([0] + [3] * n, dtype=np.int64)
    docs = np.zeros(n + 1, dtype=np.int64)
    z, _ = _initial_state(words, docs, 1, is_key, 3, np.random.default_rng(2))
    assert abs(np.mean(z[1:] == 0) - 0.5) < 0.02 and not (z[1:] == 1).any()
    # no free topic: a document without seeds starts its tokens evenly over the two
    words = np.array([0, 1] + [3] * n, dtype=np.int64)
    docs = np.array([0, 0] + [1] * n, dtype=np.int64)
    z, _ = _initial_state(words, docs, 2, is_key, 2, np.random.default_rng(2))
    assert abs(np.mean(z[2:] == 1) - 0.5) < 0.02


def test_keyword_errors_in_full():
    bow = [[(0, 2), (1, 1)]]
    tail = "expand entries with keywords.seeds_expand and leave out empty lists)."
    with pytest.raises(ParameterError) as missing:
        guided_fit(bow, ["a", "b"], {"k": ["a", "zzz", "yyy"]}, 1, iterations=2)
    assert str(missing.value) == (
        "Parameter 'keywords' = {'k': ['a', 'zzz', 'yyy']} cannot be used: seed words that "
        "are in the vocabulary (not there: zzz, yyy; " + tail)
    with pytest.raises(ParameterError) as empty:
        guided_fit(bow, ["a", "b"], {"k": []}, 1, iterations=2)
    assert str(empty.value) == ("Parameter 'keywords' = {'k': []} cannot be used: seed words "
                                "that are in the vocabulary (the list is empty; " + tail)


def test_a_uniform_draw_of_zero_never_starts_a_token_in_a_topic_of_weight_zero():
    # the start draws a topic with probability proportional to its weight, so a topic of
    # weight 0 is never drawn, even by a uniform of exactly 0 (numpy's random() can return
    # 0.0): document 1 has no seed, so keyword topic 0 has weight 0 there and free topic 1
    # weight 1; the seed token of document 0 has weight 1 in topic 0 only
    from digiwelfare.guided import _initial_state

    class Zeros:
        def random(self, size):
            return np.zeros(size)

    words, docs = np.array([0, 1, 1], dtype=np.int64), np.array([0, 1, 1], dtype=np.int64)
    z, s = _initial_state(words, docs, 2, np.array([[True, False]]), 2, Zeros())
    assert z.tolist() == [0, 1, 1] and s.tolist() == [1, 0, 0]


def test_compare_reads_the_guided_seed_lists_off_a_model_without_keywords():
    # a real unguided model has no keyword lists of its own: the compare table still reads
    # the guided lists off it (the 'a' tokens: 2 of 3 in its second topic, counted by hand)
    flat = np.full((2, 12), 1 / 12)
    unguided = _wide_hand_model(flat, swap=True)
    unguided.keywords, unguided.names = {}, ["free 1", "free 2"]
    side = textstat_guided_compare(_wide_hand_model(flat), unguided)
    assert side["name"].tolist() == ["a-topic"]
    assert side.loc[0, "topic_unguided"] == 2
    assert side.loc[0, "seed_capture_unguided"] == pytest.approx(2 / 3)


def test_token_arrays_are_the_bags_of_words_token_by_token_and_fit_the_same_model():
    """The arrays a chain reads are each pair of the bags of words repeated by its count, in
    order (checked against a plain loop), and a model fitted on them is the model fitted on
    the bags of words, to the bit."""
    from digiwelfare.guided import tokens_from_bow
    bow = [[(0, 3), (2, 1)], [], [(5, 2)], [(1, 1), (4, 2), (0, 1)]]
    words, docs = [], []
    for d, doc in enumerate(bow):
        for w, c in doc:
            words += [w] * c
            docs += [d] * c
    arrays = tokens_from_bow(bow)
    assert arrays.words.tolist() == words and arrays.docs.tolist() == docs
    assert arrays.n_docs == 4
    vocabulary = ["a", "b", "c", "d", "e", "f"]
    one = guided_fit(bow, vocabulary, {"A": ["a"]}, 2, iterations=20, seed=3)
    two = guided_fit(arrays, vocabulary, {"A": ["a"]}, 2, iterations=20, seed=3)
    assert np.array_equal(one.theta, two.theta) and np.array_equal(one.phi, two.phi)
    assert one.trace.equals(two.trace)


def test_the_samplers_start_in_blocks_is_the_start_in_one_piece(monkeypatch):
    """The start is drawn a block of tokens at a time (memory), and each token reads its own
    row only, so blocks of any size give the same topics and switches to the bit."""
    import numpy as np

    from digiwelfare import guided

    rng = np.random.default_rng(4)
    words = rng.integers(0, 30, size=1000)
    docs = np.sort(rng.integers(0, 40, size=1000))
    is_key = np.zeros((2, 30), dtype=bool)
    is_key[0, [1, 2, 3]] = is_key[1, [4, 5]] = True
    starts = []
    for block in (7, 1000, 1 << 20):
        monkeypatch.setattr(guided, "_START_BLOCK", block)
        starts.append(guided._initial_state(words, docs, 40, is_key, 5,
                                            np.random.default_rng(9)))
    for z, s in starts[:2]:
        assert z.tobytes() == starts[2][0].tobytes() and s.tobytes() == starts[2][1].tobytes()
    assert set(starts[2][0][starts[2][1] == 1]) <= {0, 1}  # keyword tokens in keyword topics
