"""Choosing K, reading models, planted truth, guided topics."""

import numpy as np
import pandas as pd
import pytest
from gensim.models import CoherenceModel

from digiwelfare.tokens import dictionary_build
from digiwelfare.topics import (
    k_choose,
    k_grid,
    model_load,
    model_save,
    phi_in_vocabulary,
    textstat_doc_topics,
    textstat_doc_topics_long,
    textstat_representative,
    textstat_topic_words,
    topic_diversity,
    topics_fit,
    topics_fit_best,
    topics_match,
    topics_recovery,
    topics_simulate,
    topics_sweep,
)


@pytest.fixture(scope="module")
def planted():
    docs, phi, theta = topics_simulate(seed=1)
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    bow = [dictionary.doc2bow(d) for d in docs]
    vocab = sorted(dictionary.token2id)
    return docs, phi[:, [int(w[1:]) for w in vocab]], dictionary, bow, vocab


def test_planted_topics_are_recovered(planted):
    _, true_phi, dictionary, bow, vocab = planted
    model = topics_fit_best(bow, dictionary, 5, restarts=3, seed=1, passes=30)
    score, per_topic = topics_recovery(true_phi, phi_in_vocabulary(model, vocab))
    assert score >= 0.9, per_topic
    # and the recovery measure itself tells a bad fit from a good one
    shuffled = np.random.default_rng(0).permuted(true_phi, axis=1)
    assert topics_recovery(true_phi, shuffled)[0] < 0.5


def test_recovery_matches_one_to_one():
    eye = np.eye(3)
    assert topics_recovery(eye, eye[[2, 0, 1]])[0] == pytest.approx(1.0)
    merged = np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], float)
    assert topics_recovery(eye, merged)[0] < 0.9  # two true topics cannot share one fit


def test_coherence_ranks_good_topics_above_bad_ones():
    rng = np.random.default_rng(3)
    groups = [["nurse", "home", "alarm", "visit", "sensor"],
              ["caseworker", "claim", "benefit", "rule", "appeal"],
              ["manager", "dashboard", "indicator", "target", "report"]]
    texts = [list(rng.choice(groups[i % 3], 12)) + list(rng.choice(sum(groups, []), 2))
             for i in range(150)]
    dictionary = dictionary_build(texts, no_below=1, no_above=1.0)
    good = [g[:4] for g in groups]
    bad = [[groups[0][i], groups[1][i], groups[2][i], groups[0][i + 1]] for i in range(3)]
    for measure in ("c_v", "c_npmi", "u_mass"):
        scores = [CoherenceModel(topics=t, texts=texts, dictionary=dictionary, coherence=measure,
                                 processes=1).get_coherence() for t in (good, bad)]
        assert scores[0] > scores[1], (measure, scores)


def test_diversity_and_matching_by_hand():
    assert topic_diversity([["a", "b"], ["c", "d"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "c"]]) == 0.75
    a = [{"a", "b"}, {"c", "d"}]
    assert topics_match(a, [{"c", "d"}, {"a", "b"}]) == 1.0
    assert topics_match(a, [{"a", "x"}, {"c", "d"}]) == pytest.approx((1 / 3 + 1) / 2)


def test_k_grid_and_rule():
    assert k_grid([12, 4, 6, 30], 40) == [4, 6, 12]
    assert k_grid([8, 10, 12], 13) == [2, 3, 4, 5, 6]  # a small corpus gets a grid it supports
    assert k_grid([4, 6], 3) == []
    table = pd.DataFrame({"k": [4, 4, 6, 6, 8, 8], "seed": [1, 2] * 3,
                          "c_v": [.4, .4, .5, .5, .3, .3], "c_npmi": [0, 0, .1, .1, -.1, -.1],
                          "u_mass": [-1] * 6, "diversity": [.9, .9, .8, .8, .5, .5],
                          "stability": [.5, .5, .6, .6, .2, .2], "perplexity": [9] * 6})
    choice = k_choose(table)
    assert choice.loc[choice.chosen, "k"].tolist() == [6]
    tie = table.assign(c_v=0.4, c_npmi=0.0, diversity=0.8, stability=0.5)
    assert k_choose(tie).loc[lambda c: c.chosen, "k"].tolist() == [4]  # the smaller K


def test_sweep_is_the_same_in_parallel(planted):
    docs, _, dictionary, bow, _ = planted
    small = bow[:120]
    texts = docs[:120]
    one = topics_sweep(small, texts, dictionary, [3, 5], [1, 2], passes=2, iterations=20,
                       workers=1)
    two = topics_sweep(small, texts, dictionary, [3, 5], [1, 2], passes=2, iterations=20,
                       workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert list(one.columns) == ["k", "seed", "c_v", "c_npmi", "u_mass", "diversity",
                                 "stability", "perplexity"]
    assert one["stability"].between(0, 1).all() and (one["perplexity"] > 1).all()


def test_relevance_by_hand_and_tidy_tables(planted, tmp_path):
    _, _, dictionary, bow, _ = planted
    model = topics_fit(bow[:100], dictionary, 3, passes=2, seed=1)
    words = textstat_topic_words(model, bow[:100], n=5, lam=0.6)
    row = words.iloc[0]
    phi = model.get_topics()
    phi = phi / phi.sum(axis=1, keepdims=True)
    wid = dictionary.token2id[row.word]
    counts = np.zeros(len(dictionary))
    for doc in bow[:100]:
        for w, c in doc:
            counts[w] += c
    p_w = counts[wid] / counts.sum()
    expected = 0.6 * np.log(phi[0, wid]) + 0.4 * np.log(phi[0, wid] / p_w)
    assert row.relevance == pytest.approx(expected)
    assert (words.groupby("topic")["rank_relevance"].min() == 1).all()
    ids = [f"d{i:03d}" for i in range(100)]
    wide = textstat_doc_topics(model, bow[:100], ids)
    long = textstat_doc_topics_long(wide)
    assert len(long) == 300 and long.groupby("id")["proportion"].sum().round(6).eq(1).all()
    meta = pd.DataFrame({"id": ids, "title": ids, "doc_type": "abstract", "year": 2020})
    rep = textstat_representative(wide, meta, n=2)
    assert rep.groupby("topic").size().eq(2).all()
    assert rep.iloc[0]["proportion"] >= rep.iloc[1]["proportion"]
    model_save(model, tmp_path / "lda")
    again = model_load(tmp_path / "lda")
    assert np.allclose(again.get_topics(), model.get_topics())
    with pytest.raises(FileNotFoundError, match="04_fit_topics"):
        model_load(tmp_path / "nothing")
