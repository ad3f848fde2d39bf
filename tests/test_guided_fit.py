"""``guided_fit`` on tiny corpora (a handful of documents, a few words, a few sweeps), checked
against references written from the keyATM model's definition rather than against its own
output: a whole chain replayed token by token from the log joint of the model (theta, the
word distributions and pi integrated out), the posterior means written out from the model,
counts that must add up to the tokens, a keyword distribution with mass on seeds only, and
every parameter's check. Quick, so that mutation testing of ``guided_fit`` takes minutes."""

import numpy as np
import pytest
from test_guided import _log_joint

from digiwelfare.checks import ParameterError
from digiwelfare.guided import guided_fit

# four documents over seven words; "care" and "nav" seed topic "welfare", "app" and "nav"
# seed "digital" ("nav" is a seed of both); document 3 uses no seed
VOCAB = ["care", "nav", "app", "form", "queue", "letter", "phone"]
BOW = [[(0, 2), (1, 1), (3, 2)], [(2, 2), (1, 1), (4, 1), (6, 1)], [(0, 1), (5, 2), (6, 1)],
       [(3, 1), (4, 2), (5, 1)]]
KEYWORDS = {"welfare": ["nav", "care"], "digital": ["app", "nav"]}


def _tokens(bow):
    words = [w for doc in bow for w, c in doc for _ in range(c)]
    docs = [d for d, doc in enumerate(bow) for _, c in doc for _ in range(c)]
    return np.array(words, dtype=np.int64), np.array(docs, dtype=np.int64)


def _reference_start(words, docs, n_docs, is_key, n_topics, rng):
    """The documented start: a seed token in one of its keyword topics (equal weights) with
    the switch on; another token in a topic drawn with weight 1 per free topic and, per
    keyword topic, the topic's seed tokens in its document (weight 1 for every topic when
    there is no free topic and the document has no seed). No keyword topic: uniform."""
    n_keyword = is_key.shape[0]
    if n_keyword == 0:
        return rng.integers(n_topics, size=words.size), np.zeros(words.size, dtype=int)
    pick = rng.random(words.size)
    z, s = np.zeros(words.size, dtype=int), np.zeros(words.size, dtype=int)
    for i, (w, d) in enumerate(zip(words, docs, strict=True)):
        weight = np.zeros(n_topics)
        if is_key[:, w].any():
            weight[:n_keyword] = is_key[:, w]
            s[i] = 1
        else:
            weight[n_keyword:] = 1
            for k in range(n_keyword):
                weight[k] = sum(is_key[k, words[j]] for j in range(words.size) if docs[j] == d)
            if not weight.any():
                weight[:] = 1
        cum = np.cumsum(weight)
        z[i] = int(np.searchsorted(cum, pick[i] * cum[-1], side="right"))
    return z, s


def _reference_means(z, s, words, docs, n_docs, n_topics, is_key, alpha, beta, beta_key, g1,
                     g2):
    """Posterior means of the keyATM base model given a sample (z, s): pi from the Beta
    prior, each word distribution from its Dirichlet prior, a keyword topic's phi the
    mixture (1 - pi) regular + pi keyword."""
    n_words = is_key.shape[1]
    phi, pi = np.zeros((n_topics, n_words)), np.zeros(is_key.shape[0])
    for k in range(n_topics):
        regular = np.bincount(words[(z == k) & (s == 0)], minlength=n_words)
        phi[k] = (regular + beta) / (regular.sum() + n_words * beta)
        if k < is_key.shape[0]:
            keyed = np.bincount(words[(z == k) & (s == 1)], minlength=n_words)
            pi[k] = (keyed.sum() + g1) / (keyed.sum() + regular.sum() + g1 + g2)
            key = np.where(is_key[k], (keyed + beta_key)
                           / (keyed.sum() + is_key[k].sum() * beta_key), 0.0)
            phi[k] = (1 - pi[k]) * phi[k] + pi[k] * key
    theta = np.array([(np.bincount(z[docs == d], minlength=n_topics) + alpha)
                      / ((docs == d).sum() + n_topics * alpha) for d in range(n_docs)])
    return phi, theta, pi


def _reference_chain(bow, vocab, keywords, n_free, iterations, alpha, beta, beta_key, gamma,
                     seed, trace_every):
    """Replay the chain: the start above from ``default_rng(seed)``, then per sweep two
    uniforms a token; token i takes its topic from the first (inverse CDF over the topics,
    given its switch) and its switch from the second (on when the uniform is at least
    P(s = 0)), each conditional read off the model's log joint."""
    words, docs = _tokens(bow)
    n_docs, n_words, n_keyword = len(bow), len(vocab), len(keywords)
    n_topics = n_keyword + n_free
    is_key = np.array([[w in seeds for w in vocab] for seeds in keywords.values()],
                      dtype=bool).reshape(n_keyword, n_words)
    prior = (alpha, beta, beta_key, *gamma)
    rng = np.random.default_rng(seed)
    z, s = _reference_start(words, docs, n_docs, is_key, n_topics, rng)

    def joint(i, t, switch):
        z2, s2 = z.copy(), s.copy()
        z2[i], s2[i] = t, switch
        return _log_joint(z2, s2, words, docs, n_topics, n_words, is_key, *prior)

    trace = []
    for it in range(1, iterations + 1):
        u = rng.random(2 * words.size)
        for i, w in enumerate(words):
            allowed = [t for t in range(n_topics)
                       if s[i] == 0 or (t < n_keyword and is_key[t, w])]
            logp = np.full(n_topics, -np.inf)
            logp[allowed] = [joint(i, t, s[i]) for t in allowed]
            cum = np.cumsum(np.exp(logp - logp.max()))
            z[i] = min(int(np.searchsorted(cum, u[2 * i] * cum[-1], side="right")),
                       n_topics - 1)
            if z[i] < n_keyword and is_key[z[i], w]:
                p_off = 1 / (1 + np.exp(joint(i, z[i], 1) - joint(i, z[i], 0)))
                s[i] = int(u[2 * i + 1] >= p_off)
            else:
                s[i] = 0
        if it % trace_every == 0 or it == iterations:
            phi, theta, _ = _reference_means(z, s, words, docs, n_docs, n_topics, is_key,
                                             *prior)
            trace.append((it, np.mean(np.log((theta[docs] * phi[:, words].T).sum(axis=1)))))
    return z, s, trace, _reference_means(z, s, words, docs, n_docs, n_topics, is_key, *prior)


CASES = {
    "two keyword topics and a free one": (KEYWORDS, 1, 7, 0.3, 0.05, 0.2, (1.5, 0.5), 11, 3),
    "keyword topics only": (KEYWORDS, 0, 5, 0.7, 0.02, 0.4, (0.5, 2.0), 3, 2),
    "plain LDA": ({}, 3, 6, 0.2, 0.1, 0.1, (1.0, 1.0), 5, 4),
}


@pytest.mark.parametrize("case", CASES)
def test_the_chain_is_the_keyatm_chain_replayed_from_the_log_joint(case):
    keywords, n_free, iterations, alpha, beta, beta_key, gamma, seed, every = CASES[case]
    model = guided_fit(BOW, VOCAB, keywords, n_free, iterations=iterations, alpha=alpha,
                       beta=beta, beta_key=beta_key, gamma=gamma, seed=seed,
                       trace_every=every)
    z, s, trace, (phi, theta, pi) = _reference_chain(
        BOW, VOCAB, keywords, n_free, iterations, alpha, beta, beta_key, gamma, seed, every)
    words, docs = _tokens(BOW)
    assert model.tokens["word"].tolist() == words.tolist()
    assert model.tokens["doc"].tolist() == docs.tolist()
    assert model.tokens["topic"].tolist() == z.tolist()
    assert model.tokens["switch"].tolist() == s.tolist()
    assert model.phi == pytest.approx(phi, rel=1e-12)
    assert model.theta == pytest.approx(theta, rel=1e-12)
    assert model.pi == pytest.approx(pi, rel=1e-12)
    assert model.trace["iteration"].tolist() == [it for it, _ in trace]
    assert model.trace["loglik_per_token"].tolist() == pytest.approx(
        [v for _, v in trace], rel=1e-12)


@pytest.mark.parametrize("case", CASES)
def test_counts_add_up_to_the_final_sample(case):
    keywords, n_free, *_ = CASES[case]
    model = guided_fit(BOW, VOCAB, keywords, n_free, iterations=4, seed=2)
    tok = model.tokens
    expected = np.zeros((len(keywords) + n_free, len(VOCAB)), dtype=int)
    np.add.at(expected, (tok["topic"], tok["word"]), 1)
    assert model.counts.tolist() == expected.tolist()
    assert model.counts.sum() == sum(c for doc in BOW for _, c in doc) == 18
    keyed = np.zeros_like(expected)
    on = tok["switch"] == 1
    np.add.at(keyed, (tok["topic"][on], tok["word"][on]), 1)
    assert model.keyword_counts.tolist() == keyed.tolist()
    # a switched-on token sits in a keyword topic that has its word as a seed
    for k, name in enumerate(keywords):
        allowed = [VOCAB.index(w) for w in keywords[name]]
        assert set(np.flatnonzero(model.keyword_counts[k])) <= set(allowed)
    assert not model.keyword_counts[len(keywords):].any()
    assert np.allclose(model.phi.sum(axis=1), 1) and np.allclose(model.theta.sum(axis=1), 1)
    assert all(np.issubdtype(a.dtype, np.integer) for a in (model.counts,
                                                             model.keyword_counts))


def test_names_keywords_vocabulary_trace_and_settings():
    vocab = list(VOCAB)
    model = guided_fit(BOW, vocab, {"welfare": ["nav", "care"], "digital": ["app"]}, 2,
                       iterations=7, alpha=0.3, beta=0.05, beta_key=0.2, gamma=(1.5, 0.5),
                       seed=9, trace_every=3)
    assert model.names == ["welfare", "digital", "free 1", "free 2"]
    assert model.keywords == {"welfare": ["care", "nav"], "digital": ["app"]}  # sorted
    assert model.vocabulary == VOCAB and model.vocabulary is not vocab
    assert model.n_keyword == 2
    assert model.phi.shape == (4, 7) and model.theta.shape == (4, 4) and model.pi.shape == (2,)
    assert list(model.trace.columns) == ["iteration", "loglik_per_token",
                                         "log_joint_per_token"]
    assert model.trace["iteration"].tolist() == [3, 6, 7]
    assert list(model.tokens.columns) == ["doc", "word", "topic", "switch"]
    assert model.settings == {"n_free": 2, "iterations": 7, "alpha": 0.3, "beta": 0.05,
                              "beta_key": 0.2, "gamma": [1.5, 0.5], "seed": 9, "tol": None,
                              "sweeps": 7}
    one = guided_fit(BOW, VOCAB, {}, 1, iterations=1)
    assert one.trace["iteration"].tolist() == [1] and one.names == ["free 1"]


def test_the_defaults_are_the_documented_ones():
    # the signature's defaults: 1000 sweeps, alpha 0.1, beta 0.01, beta_key 0.1, gamma
    # (1, 1), seed 1, a trace point every 50 sweeps, no early stop; the same model as
    # passing them
    default = guided_fit(BOW, VOCAB, KEYWORDS, 1)
    given = guided_fit(BOW, VOCAB, KEYWORDS, 1, iterations=1000, alpha=0.1, beta=0.01,
                       beta_key=0.1, gamma=(1.0, 1.0), seed=1, trace_every=50, tol=None)
    assert default.settings == given.settings == {
        "n_free": 1, "iterations": 1000, "alpha": 0.1, "beta": 0.01, "beta_key": 0.1,
        "gamma": [1.0, 1.0], "seed": 1, "tol": None, "sweeps": 1000}
    for name in ("phi", "theta", "pi", "counts", "keyword_counts"):
        assert getattr(default, name).tobytes() == getattr(given, name).tobytes(), name
    assert default.trace["iteration"].tolist() == list(range(50, 1001, 50))


def test_same_inputs_same_bytes_and_another_seed_another_chain():
    a, b = (guided_fit(BOW, VOCAB, KEYWORDS, 1, iterations=20, seed=3) for _ in range(2))
    c = guided_fit(BOW, VOCAB, KEYWORDS, 1, iterations=20, seed=4)
    assert a.phi.tobytes() == b.phi.tobytes() and a.tokens.equals(b.tokens)
    assert not a.tokens.equals(c.tokens)


def test_a_single_token_and_the_widest_topic_range_fit():
    one = guided_fit([[(1, 1)]], ["a", "b"], {}, 1, iterations=2)
    assert one.counts.tolist() == [[0, 1]] and one.tokens["topic"].tolist() == [0]
    wide = guided_fit([[(0, 1), (1, 1)]], ["a", "b"], {}, 500, iterations=1)
    assert wide.phi.shape == (500, 2)
    keyed = guided_fit([[(0, 1), (1, 1)]], ["a", "b"], {"A": ["a"]}, 0, iterations=1)
    assert keyed.names == ["A"] and keyed.tokens["topic"].tolist() == [0, 0]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"n_free": -1}, "Parameter 'n_free' = -1 cannot be used: expected a whole number from 0 "
                     "to 500."),
    ({"n_free": 501}, "Parameter 'n_free' = 501 cannot be used: expected a whole number from 0 "
                      "to 500."),
    ({"keywords": {}, "n_free": 0}, "Parameter 'n_free' = 0 cannot be used: at least one topic "
                                    "(keyword or free)."),
    ({"iterations": 0}, "Parameter 'iterations' = 0 cannot be used: expected a whole number "
                        "from 1 to 1000000."),
    # no tokens either: a bound wrongly widened would then fail at once on them
    ({"iterations": 1_000_001, "bow": [[], []]},
     "Parameter 'iterations' = 1000001 cannot be used: expected a whole number from 1 to "
     "1000000."),
    ({"alpha": 0}, "Parameter 'alpha' = 0 cannot be used: a positive number."),
    ({"beta": 0.0}, "Parameter 'beta' = 0.0 cannot be used: a positive number."),
    ({"beta_key": -0.5}, "Parameter 'beta_key' = -0.5 cannot be used: a positive number."),
    ({"gamma": (0.0, 1.0)}, "Parameter 'gamma' = 0.0 cannot be used: a positive number."),
    ({"gamma": (1.0, -2.0)}, "Parameter 'gamma' = -2.0 cannot be used: a positive number."),
])
def test_each_parameter_check_names_it(kwargs, message):
    args = {"bow": BOW, "vocabulary": VOCAB, "keywords": KEYWORDS, "n_free": 1,
            "iterations": 2, **kwargs}
    with pytest.raises(ParameterError) as error:
        guided_fit(**args)
    assert str(error.value) == message


def test_no_tokens_is_a_clear_error():
    with pytest.raises(ValueError) as error:
        guided_fit([[], []], ["a"], {"A": ["a"]}, 1, iterations=2)
    assert str(error.value) == ("guided_fit: the documents have no tokens in the vocabulary; "
                                "check the bag of words and the vocabulary")
