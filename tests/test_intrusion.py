"""Intrusion tasks: what each task shows, that the key points at the intruder, that seeds
reproduce tasks, and that the scores match hand-worked cases, scipy, and simulated coders
of known accuracy."""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

from digiwelfare.intrusion import (
    answers_scored,
    answers_simulate,
    tasks_topic_intrusion,
    tasks_word_intrusion,
    tasks_wordset_intrusion,
    textstat_model_precision,
    textstat_topic_log_odds,
)


def block_phi(k=4, per_topic=10, noise=1e-4):
    """Topic k puts almost all its mass on words k*per_topic ... (k+1)*per_topic - 1,
    decreasing, so every topic's top words and every other topic's are known."""
    vocab = [f"t{t}w{i}" for t in range(k) for i in range(per_topic)]
    phi = np.full((k, len(vocab)), noise)
    for t in range(k):
        phi[t, t * per_topic:(t + 1) * per_topic] = np.linspace(1.0, 0.5, per_topic)
    return phi / phi.sum(1, keepdims=True), vocab


def options(tasks):
    return tasks[[c for c in tasks.columns if c.startswith("option_")]]


def test_word_intrusion_shows_top_words_and_an_intruder_from_another_topic():
    phi, vocab = block_phi()
    tasks, key = tasks_word_intrusion(phi, vocab, "en", n_words=5, n_top=5, per_topic=3, seed=3)
    assert len(tasks) == 12 and list(tasks["task"]) == list(range(1, 13))
    for (_, row), (_, k) in zip(options(tasks).iterrows(), key.iterrows(), strict=True):
        shown = list(row)
        assert shown[k["answer"] - 1] == k["intruder"]
        own = {f"t{k['topic'] - 1}w{i}" for i in range(5)}
        assert set(shown) - {k["intruder"]} == own
        assert not k["intruder"].startswith(f"t{k['topic'] - 1}w")
        assert int(k["intruder"].split("w")[1]) < 5  # a top word of its own topic
    # shuffled: the intruder is not always in the same place
    assert key["answer"].nunique() > 2


def test_tasks_are_the_same_for_a_seed_and_differ_for_another():
    phi, vocab = block_phi()
    a = tasks_word_intrusion(phi, vocab, "en", per_topic=2, seed=1)
    b = tasks_word_intrusion(phi, vocab, "en", per_topic=2, seed=1)
    c = tasks_word_intrusion(phi, vocab, "en", per_topic=2, seed=2)
    assert a[0].equals(b[0]) and a[1].equals(b[1])
    assert not a[0].equals(c[0])


def test_word_intrusion_without_candidates_says_what_to_change():
    phi = np.full((2, 4), 0.25)
    with pytest.raises(ValueError, match="no intruder candidate"):
        tasks_word_intrusion(phi, list("abcd"), "en", n_words=2, n_top=2)


def test_wordset_intrusion_sets_are_disjoint_and_the_odd_one_comes_from_elsewhere():
    phi, vocab = block_phi(k=3, per_topic=20)
    tasks, key = tasks_wordset_intrusion(phi, vocab, "en", set_size=4, n_sets=3, n_top=20,
                                         per_topic=2, seed=5)
    for (_, row), (_, k) in zip(options(tasks).iterrows(), key.iterrows(), strict=True):
        sets = [s.split(", ") for s in row]
        words = [w for s in sets for w in s]
        assert len(words) == len(set(words)) == 16
        odd = sets[k["answer"] - 1]
        assert all(w.startswith(f"t{k['intruder_topic'] - 1}w") for w in odd)
        for i, s in enumerate(sets):
            if i != k["answer"] - 1:
                assert all(w.startswith(f"t{k['topic'] - 1}w") for w in s)


def doc_table(theta):
    ids = [f"d{i}" for i in range(len(theta))]
    wide = pd.DataFrame(theta, columns=[str(k) for k in range(1, theta.shape[1] + 1)])
    wide.insert(0, "id", ids)
    texts = pd.DataFrame({"id": ids, "title": [f"Title {i}" for i in ids],
                          "text": ["word " * 300] * len(ids)})
    return wide, texts


def test_topic_intrusion_shows_the_top_topics_and_a_low_one():
    phi, vocab = block_phi(k=6)
    rng = np.random.default_rng(0)
    theta = rng.dirichlet(np.full(6, 0.5), size=30)
    wide, texts = doc_table(theta)
    tasks, key = tasks_topic_intrusion(wide, phi, vocab, texts, "en", n_docs=10, n_topics=3,
                                       n_words=4, excerpt_words=50, seed=2)
    assert len(tasks) == 10
    for (_, row), (_, k) in zip(tasks.iterrows(), key.iterrows(), strict=True):
        d = int(k["id"][1:])
        shown = [int(t) for t in k["topics"].split(";")]
        top3 = set(np.argsort(-theta[d])[:3] + 1)
        assert set(shown) - {k["intruder_topic"]} == top3
        assert shown[k["answer"] - 1] == k["intruder_topic"]
        assert theta[d, k["intruder_topic"] - 1] <= np.median(theta[d])
        assert row[f"option_{k['answer']}"] == ", ".join(
            f"t{k['intruder_topic'] - 1}w{i}" for i in range(4))
        assert row["prompt"].startswith(f"Title d{d}\n\n") and row["prompt"].count("word") == 50


def test_model_precision_is_the_share_right_with_wilson_interval_as_scipy():
    key = pd.DataFrame({"task_set": "s", "task": [1, 2, 3], "kind": "word", "language": "en",
                        "topic": [1, 1, 2], "answer": [2, 4, 1]})
    answers = pd.DataFrame({"task_set": "s", "task": [1, 2, 3, 1, 2, 3, 1, 2, 3],
                            "coder": ["a"] * 3 + ["b"] * 3 + ["c"] * 3,
                            "answer": [2, 4, 1, 2, 1, 1, 3, 3, 2]})
    table = textstat_model_precision(answers_scored(answers, key))
    t1 = table.set_index("topic").loc[1]
    # topic 1: tasks 1 and 2, six answers, right: a, a, b = 3 (b's 1 on task 2, c's 3s wrong)
    assert (t1["answers"], t1["right"], t1["precision"]) == (6, 3, 0.5)
    ci = binomtest(3, 6).proportion_ci(confidence_level=0.95, method="wilson")
    assert t1["ci_low"] == pytest.approx(ci.low) and t1["ci_high"] == pytest.approx(ci.high)
    t2 = table.set_index("topic").loc[2]
    assert (t2["answers"], t2["right"]) == (3, 2)


def test_answers_to_tasks_the_key_lacks_are_named():
    key = pd.DataFrame({"task_set": "s", "task": [1], "answer": [1]})
    answers = pd.DataFrame({"task_set": "s", "task": [7], "coder": ["a"], "answer": [1]})
    with pytest.raises(ValueError, match="task 7 of task set 's'"):
        answers_scored(answers, key)


def test_topic_log_odds_by_hand():
    key = pd.DataFrame({"task_set": "s", "task": [1], "kind": "topic", "language": "en",
                        "id": ["d1"], "intruder_topic": [4], "answer": [4],
                        "topics": ["1;2;3;4"], "proportions": ["0.5;0.3;0.15;0.05"]})
    answers = pd.DataFrame({"task_set": "s", "task": [1, 1], "coder": ["a", "b"],
                            "answer": [4, 3]})
    table = textstat_topic_log_odds(answers_scored(answers, key))
    # coder a: right, 0; coder b took topic 3: log 0.05 - log 0.15
    assert table["log_odds"].iloc[0] == pytest.approx((0 + np.log(0.05 / 0.15)) / 2)
    assert table["right"].iloc[0] == 1 and table["coders"].iloc[0] == 2


@pytest.mark.parametrize("accuracy", [[0.9, 0.6], [0.75, 0.75, 0.4]])
def test_simulated_coders_have_the_accuracy_they_were_given(accuracy):
    phi, vocab = block_phi(k=10, per_topic=12)
    tasks, key = tasks_word_intrusion(phi, vocab, "en", n_words=5, n_top=10, per_topic=40,
                                      seed=4)
    answers = answers_simulate(key, "s", accuracy, n_options=6, seed=9)
    scored = answers_scored(answers, key.assign(task_set="s"))
    n = len(key)
    for i, acc in enumerate(accuracy, start=1):
        share = scored.loc[scored.coder == f"simulated {i}", "right"].mean()
        assert abs(share - acc) < 4 * np.sqrt(acc * (1 - acc) / n)
    precision = textstat_model_precision(scored)
    # pooled over coders, each topic's precision is the mean accuracy up to sampling error
    expected = np.mean(accuracy)
    assert abs(precision["precision"].mean() - expected) < 0.05
    # wrong answers are spread over the other options, never the key
    wrong = scored[~scored.right]
    assert (wrong["answer"] != wrong["correct"]).all() and wrong["answer"].nunique() == 6


def test_wordset_intrusion_draws_another_topic_when_one_shares_its_top_words():
    import warnings

    import numpy as np

    from digiwelfare.intrusion import tasks_wordset_intrusion

    # topics 1 and 2 share their 20 top words; topic 3 has words of its own. Topic 1 must
    # take its odd set from topic 3, never from 2, whatever the seed
    v = 60
    phi = np.full((3, v), 1e-6)
    phi[0, :20] = np.linspace(2, 1, 20)
    phi[1, :20] = np.linspace(1, 2, 20)
    phi[2, 20:40] = 1.0
    phi /= phi.sum(axis=1, keepdims=True)
    vocab = [f"w{i}" for i in range(v)]
    for seed in range(8):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            _, key = tasks_wordset_intrusion(phi, vocab, "en", seed=seed)
        assert set(key.loc[key.topic == 1, "intruder_topic"]) == {3}
        assert set(key.loc[key.topic == 2, "intruder_topic"]) == {3}
    # with only the two alike topics, neither gets a task, and the warning says why
    with pytest.warns(UserWarning, match="topic [12] shares too many"):
        tasks, key = tasks_wordset_intrusion(phi[:2], vocab, "en", seed=0)
    assert len(key) == 0
