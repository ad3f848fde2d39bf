"""Reading models, planted truth, guided topics (choosing K: tests/test_selection.py)."""

import numpy as np
import pandas as pd
import pytest

from digiwelfare.topics import (
    model_read,
    model_write,
    phi_in_vocabulary,
    representatives_select,
    textstat_doc_topics,
    textstat_doc_topics_long,
    textstat_topic_words,
    topics_fit,
    topics_fit_best,
    topics_recovery,
    topics_simulate,
)
from digiwelfare.vocabulary import dictionary_build


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
    rep = representatives_select(wide, meta, n=2)
    assert rep.groupby("topic").size().eq(2).all()
    assert rep.iloc[0]["proportion"] >= rep.iloc[1]["proportion"]
    model_write(model, tmp_path / "lda")
    again = model_read(tmp_path / "lda")
    assert np.allclose(again.get_topics(), model.get_topics())
    with pytest.raises(FileNotFoundError, match="04_fit_topics"):
        model_read(tmp_path / "nothing")
