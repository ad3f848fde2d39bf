"""The topic tables and reading functions on small models whose numbers are worked by hand
(an anchor-engine model built from a given phi and theta), the fit's defaults against the
calls they stand for, and the planted-truth simulation against numpy's own draws."""

import math
import os

import numpy as np
import pandas as pd
import pytest
from gensim.corpora import Dictionary
from gensim.models import LdaModel

from digiwelfare import topics
from digiwelfare.checks import ParameterError
from digiwelfare.engine import EngineModel, engine_fit
from digiwelfare.topics import (
    k_check,
    model_read,
    model_write,
    representatives_select,
    restart_seeds,
    textstat_doc_topics,
    textstat_doc_topics_long,
    textstat_prevalence,
    textstat_topic_words,
    textstat_topics,
    textstat_word_probabilities,
    topics_fit,
    topics_fit_best,
    topics_label,
    topics_recovery,
    topics_score,
    topics_simulate,
    topics_word_matrix,
)


def model_make(phi, theta=None, alpha=0.5):
    """An anchor-engine model with the given topic-word matrix and words ``v00, v01, ...``."""
    phi = np.asarray(phi, float)
    theta = np.full((1, phi.shape[0]), 1 / phi.shape[0]) if theta is None else theta
    return EngineModel(phi, theta, alpha, 0.01, 1,
                       id2word={i: f"v{i:02d}" for i in range(phi.shape[1])})


def test_k_check_edges_and_messages():
    assert k_check(2, 4) == 2  # 4 documents: two topics of two documents each
    assert k_check(3, 7) == 3  # 7 // 2 = 3
    with pytest.raises(ParameterError, match=r"'num_topics' = 4 .* from 2 to 3\.$"):
        k_check(4, 7)
    with pytest.raises(ParameterError, match=r"'num_topics' = 2 .*only 3 document\(s\) in this "
                       r"language; a topic model needs at least 4\.$"):
        k_check(2, 3)
    with pytest.raises(ParameterError, match=r"^Parameter 'k_max' = 9 "):
        k_check(9, 10, name="k_max")


def test_score_of_the_anchor_engine_is_the_log_likelihood_by_hand():
    phi = [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7]]
    theta = np.array([[0.6, 0.4], [0.5, 0.5], [0.2, 0.8]])
    bow = [[(0, 2), (2, 1)], [], [(1, 3)]]
    # word 0 in document 0: 0.6 * 0.5 + 0.4 * 0.1 = 0.34; word 2: 0.6 * 0.2 + 0.4 * 0.7 = 0.40;
    # the empty document adds nothing; word 1 in document 2: 0.2 * 0.3 + 0.8 * 0.2 = 0.22
    expected = 2 * math.log(0.34) + math.log(0.40) + 3 * math.log(0.22)
    assert topics_score(model_make(phi, theta), bow) == pytest.approx(expected, rel=1e-12)


def test_fit_best_fits_one_model_per_derived_seed_and_keeps_the_best(monkeypatch):
    bow, dictionary = [[(0, 1)]], object()

    class Bound:
        def __init__(self, value):
            self.value = value

        def bound(self, documents):
            assert documents is bow
            return self.value

    calls = []

    def fit(documents, words, num_topics, seed, **kwargs):
        calls.append((documents, words, num_topics, seed, kwargs))
        return Bound({0: -7.0, 1: -3.0, 2: -5.0}[len(calls) - 1])

    monkeypatch.setattr(topics, "topics_fit", fit)
    best = topics_fit_best(bow, dictionary, 4, engine="anchor", sweeps=3)  # 3 restarts, seed 1
    # numpy's spawned children of SeedSequence(1) have spawn keys (0,), (1,), (2,)
    seeds = [int(np.random.SeedSequence(1, spawn_key=(i,)).generate_state(1)[0])
             for i in range(3)]
    assert calls == [(bow, dictionary, 4, s, {"engine": "anchor", "sweeps": 3,
                                              "share_start": True}) for s in seeds]
    assert best.value == -3.0
    assert restart_seeds(8, 2) == [int(np.random.SeedSequence(8, spawn_key=(i,))
                                       .generate_state(1)[0]) for i in range(2)]


def small_bow(n_docs=60, n_words=30, seed=4):
    docs, _, _ = topics_simulate(n_docs, 3, n_words, 20, alpha=0.1, beta=0.05, seed=seed)
    dictionary = Dictionary([[f"w{i:03d}" for i in range(n_words)]])
    return [dictionary.doc2bow(d) for d in docs], dictionary


def test_fit_defaults_are_the_calls_they_stand_for():
    bow, dictionary = small_bow()
    gensim_model = topics_fit(bow, dictionary, 3)
    today = LdaModel(corpus=bow, id2word=dictionary, num_topics=3, passes=20, iterations=200,
                     random_state=1, alpha="symmetric", chunksize=len(bow), eval_every=None)
    assert gensim_model.get_topics().tobytes() == today.get_topics().tobytes()
    tilted = topics_fit(bow, dictionary, 3, passes=2, alpha="asymmetric")  # gensim's prior
    today = LdaModel(corpus=bow, id2word=dictionary, num_topics=3, passes=2, iterations=200,
                     random_state=1, alpha="asymmetric", chunksize=len(bow), eval_every=None)
    assert tilted.get_topics().tobytes() == today.get_topics().tobytes()
    np.testing.assert_allclose(tilted.alpha, today.alpha)
    # "auto" by default; the last min(5, sweeps) sweeps are averaged
    for sweeps, average in (("auto", 5), (3, 3)):
        kwargs = {} if sweeps == "auto" else {"sweeps": sweeps}
        model = topics_fit(bow, dictionary, 3, engine="anchor", **kwargs)
        direct = engine_fit(bow, len(dictionary), 3, seed=1, sweeps=sweeps, average=average)
        assert model.phi.tobytes() == direct.phi.tobytes()
        assert model.settings["average"] == average and model.id2word is dictionary
    model = topics_fit(bow, dictionary, 3, seed=2, alpha=0.3, engine="anchor", sweeps=4)
    direct = engine_fit(bow, len(dictionary), 3, seed=2, sweeps=4, average=4, alpha=0.3)
    assert model.alpha == 0.3 and model.phi.tobytes() == direct.phi.tobytes()


def test_gensim_fit_is_one_batch_beyond_gensims_default_chunk():
    dictionary = Dictionary([["care", "data", "case"]])
    bow = [[(i % 3, 1), ((i + 1) % 3, 2)] for i in range(2001)]  # gensim's chunks: 2000
    model = topics_fit(bow, dictionary, 2, passes=1, iterations=5, seed=3)
    batch = LdaModel(corpus=bow, id2word=dictionary, num_topics=2, passes=1, iterations=5,
                     random_state=3, chunksize=2001, eval_every=None)
    assert model.get_topics().tobytes() == batch.get_topics().tobytes()


def test_word_probabilities_are_each_topics_top_words_by_hand():
    phi = np.array([np.arange(1, 13), np.arange(12, 0, -1)]) / 78
    table = textstat_word_probabilities(model_make(phi))  # ten words a topic by default
    expected = pd.DataFrame(
        [(1, r, f"v{12 - r:02d}", (13 - r) / 78) for r in range(1, 11)]
        + [(2, r, f"v{r - 1:02d}", (13 - r) / 78) for r in range(1, 11)],
        columns=["topic", "rank", "word", "probability"])
    pd.testing.assert_frame_equal(table, expected)


def test_labels_take_the_first_three_words_by_rank_whatever_the_row_order():
    top = pd.DataFrame({"topic": [2, 1, 1, 2, 1, 1, 2, 2],
                        "rank": [2, 4, 1, 1, 3, 2, 3, 4],
                        "word": ["y", "d", "a", "x", "c", "b", "z", "q"]})
    assert topics_label(top) == {1: "T1 a, b, c", 2: "T2 x, y, z"}


def test_doc_topics_of_the_anchor_engine_are_counts_plus_alpha_normalised():
    class Counted(EngineModel):
        def doc_counts(self, bow, sweeps=50, workers=1):
            return np.array([[3.0, 1.0], [0.0, 4.0], [2.0, 2.0]])

    model = Counted(np.full((2, 3), 1 / 3), np.full((3, 2), 0.5), 0.5, 0.01, 1)
    table = textstat_doc_topics(model, [[(0, 4)], [(1, 4)], [(2, 4)]], ["a", "b", "c"])
    # (3 + 0.5, 1 + 0.5) / 5, (0.5, 4.5) / 5, (2.5, 2.5) / 5
    expected = pd.DataFrame({"id": ["a", "b", "c"], 1: [0.7, 0.1, 0.5], 2: [0.3, 0.9, 0.5]})
    pd.testing.assert_frame_equal(table, expected, check_exact=False, rtol=1e-12)


def test_prevalence_by_hand_with_groups_out_of_order_and_extra_metadata():
    theta = pd.DataFrame({"id": ["d1", "d2", "d3", "d4"], 1: [0.8, 0.6, 0.2, 0.3],
                          2: [0.2, 0.4, 0.8, 0.7]})
    meta = pd.DataFrame({"id": ["d4", "d5", "d3", "d2", "d1"],
                         "doc_type": ["abstract", "abstract", "report", "abstract", "report"],
                         "year": [2020] * 5})
    table = textstat_prevalence(theta, meta, "doc_type")  # d5 has no topics: not counted
    assert list(table.columns) == ["group", "topic", "prevalence", "documents"]
    assert table["group"].tolist() == ["abstract", "abstract", "report", "report"]
    assert table["topic"].tolist() == [1, 2, 1, 2]
    np.testing.assert_allclose(table["prevalence"], [0.45, 0.55, 0.5, 0.5])
    assert table["documents"].tolist() == [2, 2, 2, 2]
    twice = pd.concat([meta, meta.iloc[[0]]])
    with pytest.raises(pd.errors.MergeError):  # a document with two metadata rows
        textstat_prevalence(theta, twice, "doc_type")


def test_word_matrix_normalises_each_topic():
    got = topics_word_matrix(model_make([[1, 1, 2], [3, 0, 1]]))
    np.testing.assert_allclose(got, [[0.25, 0.25, 0.5], [0.75, 0.0, 0.25]], rtol=1e-15)


def test_topic_words_relevance_and_ranks_by_hand():
    model = model_make([[0.4, 0.3, 0.2, 0.1], [0.1, 0.1, 0.3, 0.5]])
    bow = [[(0, 5), (1, 1)], [(2, 4)]]  # p_w = 0.5, 0.1, 0.4, and word 3 never occurs
    table = textstat_topic_words(model, bow, n=2)  # lam = 0.6 by default

    def rel(p, lift):
        return 0.6 * math.log(p) + 0.4 * math.log(lift)

    # topic 1: relevance b > a > c; topic 2: c > b > a, and v03 (absent) last whatever its phi;
    # in topic 2 the tie of v00 and v01 on probability goes to the lower word id
    expected = [(1, "v01", 0.3, 3.0, rel(0.3, 3.0), 2, 1),
                (1, "v00", 0.4, 0.8, rel(0.4, 0.8), 1, 2),
                (2, "v02", 0.3, 0.75, rel(0.3, 0.75), 2, 1),
                (2, "v01", 0.1, 1.0, rel(0.1, 1.0), 4, 2),
                (2, "v03", 0.5, None, -math.inf, 1, 4)]
    assert list(table.columns) == ["topic", "word", "probability", "lift", "relevance",
                                   "rank_probability", "rank_relevance"]
    assert len(table) == len(expected)
    for got, want in zip(table.itertuples(index=False), expected, strict=True):
        assert (got.topic, got.word, got.rank_probability, got.rank_relevance) == (
            want[0], want[1], want[5], want[6])
        assert got.probability == pytest.approx(want[2], rel=1e-12)
        assert got.relevance == pytest.approx(want[4], rel=1e-12)
        if want[3] is not None:
            assert got.lift == pytest.approx(want[3], rel=1e-12)
    assert table.lift.iloc[-1] > 1e9  # a word absent from the documents: no share to divide by


def test_topic_words_of_a_corpus_of_one_token():
    table = textstat_topic_words(model_make([[0.7, 0.3], [0.2, 0.8]]), [[(1, 1)]], n=1)
    only = table[(table.topic == 1) & (table.word == "v01")].iloc[0]
    # the one token is all the corpus: p_w = 1, so the lift is phi and relevance log(phi)
    assert only.lift == pytest.approx(0.3, rel=1e-12)
    assert only.relevance == pytest.approx(math.log(0.3), rel=1e-12)


def test_topic_words_defaults_and_ties_over_many_words():
    rng = np.random.default_rng(5)
    phi = rng.dirichlet(np.ones(45), size=2)
    phi[1] = np.repeat([3.0, 2.0, 1.0], 15) / 90  # ties of fifteen words each
    counts = np.full(45, 2)
    counts[[3, 17, 40]] = 7
    bow = [[(w, int(c)) for w, c in enumerate(counts)]]
    table = textstat_topic_words(model_make(phi), bow)  # n = 30, lam = 0.6
    p_w = counts / counts.sum()
    for k in (0, 1):
        rel = {w: 0.6 * math.log(phi[k, w]) + 0.4 * math.log(phi[k, w] / p_w[w])
               for w in range(45)}
        # Python's sort is stable: ties keep the lower word id first
        by_p = sorted(range(45), key=lambda w: -phi[k, w])
        by_r = sorted(range(45), key=lambda w: -rel[w])
        words = sorted(set(by_p[:30]) | set(by_r[:30]),
                       key=lambda w: (by_r.index(w), by_p.index(w)))
        got = table[table.topic == k + 1]
        assert got.word.tolist() == [f"v{w:02d}" for w in words]
        assert got.rank_probability.tolist() == [by_p.index(w) + 1 for w in words]
        assert got.rank_relevance.tolist() == [by_r.index(w) + 1 for w in words]
        np.testing.assert_allclose(got.relevance, [rel[w] for w in words], rtol=1e-12)


def test_doc_topics_long_is_sorted_by_id_then_topic():
    wide = pd.DataFrame({"id": ["b", "a"], 1: [0.3, 0.6], 2: [0.7, 0.4]})
    long = textstat_doc_topics_long(wide)
    expected = pd.DataFrame({"id": ["a", "a", "b", "b"], "topic": [1, 2, 1, 2],
                             "proportion": [0.6, 0.4, 0.3, 0.7]})
    pd.testing.assert_frame_equal(long, expected)


def test_representatives_are_the_largest_shares_ties_by_id():
    wide = pd.DataFrame({"id": ["d1", "d2", "d3", "d4", "d5"],
                         1: [0.5, 0.9, 0.5, 0.2, 0.75], 2: [0.5, 0.1, 0.5, 0.8, 0.25]})
    meta = pd.DataFrame({"id": ["d9", "d5", "d4", "d3", "d2", "d1"],
                         "title": ["T9", "T5", "T4", "T3", "T2", "T1"],
                         "doc_type": ["abstract"] * 3 + ["report"] * 3,
                         "year": [2019, 2020, 2021, 2022, 2023, 2024],
                         "language": "en"})
    got = representatives_select(wide, meta)  # three a topic by default
    # topic 1: d2 0.9, d5 0.75, then d1 and d3 tie at 0.5 and d1 comes first;
    # topic 2: d4 0.8, then d1 and d3 at 0.5
    expected = pd.DataFrame({
        "topic": [1, 1, 1, 2, 2, 2], "rank": [1, 2, 3, 1, 2, 3],
        "id": ["d2", "d5", "d1", "d4", "d1", "d3"],
        "proportion": [0.9, 0.75, 0.5, 0.8, 0.5, 0.5],
        "title": ["T2", "T5", "T1", "T4", "T1", "T3"],
        "doc_type": ["report", "abstract", "report", "abstract", "report", "report"],
        "year": [2023, 2020, 2024, 2021, 2024, 2022]})
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    unknown = representatives_select(wide, meta[meta.id != "d2"], n=1)  # d2 lost its metadata
    assert unknown.id.tolist() == ["d2", "d4"] and unknown.title.isna().tolist() == [True, False]


def test_topics_table_by_hand():
    rows = [(1, f"a{i:02d}", i, 12 - i) for i in range(1, 12)]  # eleven words in topic 1
    rows += [(2, "x", 2, 1), (2, "y", 1, 2)]
    words = pd.DataFrame(rows[::-1], columns=["topic", "word", "rank_probability",
                                              "rank_relevance"])
    doc_topics = pd.DataFrame({"id": ["d1", "d2"], 1: [0.2, 0.6], 2: [0.8, 0.4]})
    got = textstat_topics(words, doc_topics, {1: "T1 Care"})  # ten words by default
    assert list(got.columns) == ["topic", "label", "by_probability", "by_relevance",
                                 "prevalence"]
    assert got.topic.tolist() == [1, 2] and got.label.tolist() == ["T1 Care", "T2"]
    assert got.by_probability.tolist() == [", ".join(f"a{i:02d}" for i in range(1, 11)),
                                           "y, x"]
    assert got.by_relevance.tolist() == [", ".join(f"a{i:02d}" for i in range(11, 1, -1)),
                                         "x, y"]
    np.testing.assert_allclose(got.prevalence, [0.4, 0.6])


def test_recovery_cosines_by_hand():
    true = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0]])
    fitted = np.array([[0.0, 1.0, 2.0], [1.0, 2.0, 1.0]])
    # cosines: true 0 with fitted 0 is 2/5, with fitted 1 5/sqrt(30); true 1 with fitted 0 is
    # 3/sqrt(10), with fitted 1 3/sqrt(12): the best one-to-one match crosses them
    score, per_topic = topics_recovery(true, fitted)
    np.testing.assert_allclose(per_topic, [5 / math.sqrt(30), 3 / math.sqrt(10)], rtol=1e-12)
    assert score == pytest.approx((5 / math.sqrt(30) + 3 / math.sqrt(10)) / 2, rel=1e-12)


def simulate_by_choice(n_docs, n_topics, n_words, doc_length, alpha, beta, seed):
    """LDA's generative process drawn with numpy's ``choice`` one token at a time."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, beta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    docs = []
    for d in range(n_docs):
        z = rng.choice(n_topics, size=doc_length, p=theta[d])
        docs.append([f"w{rng.choice(n_words, p=phi[k]):03d}" for k in z])
    return docs, phi, theta


def test_simulation_is_ldas_generative_process():
    got = topics_simulate(7, 3, 12, 9, alpha=0.5, beta=0.3, seed=4)
    want = simulate_by_choice(7, 3, 12, 9, 0.5, 0.3, 4)
    assert got[0] == want[0]
    np.testing.assert_array_equal(got[1], want[1])
    np.testing.assert_array_equal(got[2], want[2])


def test_simulation_defaults():
    docs, phi, theta = topics_simulate()
    # 600 documents of 80 tokens, 5 topics over 400 words, alpha 0.2, beta 0.05, seed 1
    rng = np.random.default_rng(1)
    np.testing.assert_array_equal(phi, rng.dirichlet(np.full(400, 0.05), size=5))
    np.testing.assert_array_equal(theta, rng.dirichlet(np.full(5, 0.2), size=600))
    assert len(docs) == 600 and {len(d) for d in docs} == {80}


def test_model_write_replaces_an_earlier_model_and_keeps_other_files(tmp_path):
    bow, dictionary = small_bow(n_docs=20)
    folder = tmp_path / "build" / "lda_en"  # neither folder exists yet
    path = model_write(LdaModel(bow, id2word=dictionary, num_topics=2, passes=1,
                                random_state=1), folder)
    assert path == folder / "model" and len(list(folder.iterdir())) > 1  # gensim's files
    (folder / "notes.txt").write_text("kept")
    (folder / "model.old").mkdir()
    (folder / "model.old" / "part").write_text("an earlier model's folder")
    anchor = model_make([[0.5, 0.5], [0.2, 0.8]], np.full((3, 2), 0.5))
    assert model_write(anchor, folder) == folder / "model"
    assert sorted(p.name for p in folder.iterdir()) == ["model", "notes.txt"]
    assert sorted(p.name for p in folder.parent.iterdir()) == ["lda_en"]  # no scratch left
    os.utime(folder / "model", ns=(10**18, 10**18))
    model_write(anchor, folder)  # the same model again: the file is not rewritten
    assert (folder / "model").stat().st_mtime_ns == 10**18
    np.testing.assert_array_equal(model_read(folder).phi, anchor.phi)
