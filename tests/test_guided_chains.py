"""Chains of the guided sampler: the log joint it is judged on (against the model's own
definition written out in test_guided), the rule that stops a chain once it has settled,
and chains run in worker processes giving the same models as run one after another."""

import numpy as np
import pytest
from test_guided import _log_joint, _planted

import digiwelfare.guided_chains as chains
from digiwelfare.checks import ParameterError
from digiwelfare.guided import CHECK_EVERY, MIN_ITERATIONS, _settled, guided_fit, log_joint


def _counts(z, s, words, docs, n_docs, n_topics, n_words):
    n_dk = np.zeros((n_docs, n_topics), dtype=np.int64)
    n_kw = np.zeros((n_topics, n_words), dtype=np.int64)
    m_kw = np.zeros((n_topics, n_words), dtype=np.int64)
    np.add.at(n_dk, (docs, z), 1)
    np.add.at(n_kw, (z[s == 0], words[s == 0]), 1)
    np.add.at(m_kw, (z[s == 1], words[s == 1]), 1)
    return n_dk, n_kw, n_kw.sum(axis=1), m_kw, m_kw.sum(axis=1)


@pytest.mark.parametrize("n_keyword", [0, 1, 2])
def test_the_log_joint_from_counts_is_the_models_written_out(n_keyword):
    rng = np.random.default_rng(n_keyword)
    n_docs, n_topics, n_words = 5, 3, 8
    words = rng.integers(n_words, size=60)
    docs = rng.integers(n_docs, size=60)
    is_key = np.zeros((n_keyword, n_words), dtype=bool)
    for k in range(n_keyword):
        is_key[k, rng.choice(n_words, size=3, replace=False)] = True
    z = rng.integers(n_topics, size=60)
    # a token may have its switch on only in a keyword topic whose seeds hold its word
    s = np.array([int(z[i] < n_keyword and is_key[z[i], words[i]] and rng.random() < 0.6)
                  for i in range(60)])
    prior = (0.3, 0.05, 0.2, 1.5, 0.5)
    counts = _counts(z, s, words, docs, n_docs, n_topics, n_words)
    got = log_joint(*counts, is_key, is_key.sum(axis=1), *prior)
    assert got == pytest.approx(_log_joint(z, s, words, docs, n_topics, n_words, is_key,
                                           *prior), rel=1e-12)


def test_a_chain_has_settled_when_its_last_100_sweeps_climb_no_more_than_tol():
    climbing = [-1000.0 + 10 * i for i in range(20)]  # readings 10 sweeps apart
    assert not _settled(climbing, 1e-4)
    flat = [-1000.0] * 10 + [-999.95] * 10  # the last 10 above the 10 before by 5e-5
    assert _settled(flat, 1e-4) and not _settled(flat, 1e-5)
    assert not _settled(flat[:19], 1e-4)  # fewer than 20 readings: too early to say


def test_an_early_stop_is_the_same_chain_cut_short_and_says_where():
    bow, vocab, _ = _planted(n_docs=80, n_words=80)
    stopped = guided_fit(bow, vocab, {"k": ["w001", "w002"]}, 3, iterations=2000, seed=5,
                         tol=1e-3)
    sweeps = stopped.settings["sweeps"]
    assert MIN_ITERATIONS <= sweeps < 2000 and sweeps % CHECK_EVERY == 0
    assert stopped.trace["iteration"].iloc[-1] == sweeps
    full = guided_fit(bow, vocab, {"k": ["w001", "w002"]}, 3, iterations=sweeps, seed=5)
    for name in ("phi", "theta", "pi", "counts"):
        assert getattr(stopped, name).tobytes() == getattr(full, name).tobytes(), name
    with pytest.raises(ParameterError, match="'tol'"):
        guided_fit(bow, vocab, {}, 2, iterations=5, tol=-1.0)


def test_chains_in_two_worker_processes_give_the_models_of_one_process(monkeypatch):
    bow, vocab, _ = _planted(n_docs=60, n_words=60)
    models = {"guided": ({"k": ["w001", "w002"]}, 2), "unguided": ({}, 3)}
    serial = chains.guided_fits_best(bow, vocab, models, restarts=2, seed=3, iterations=30)
    monkeypatch.setattr(chains, "PARALLEL_WORK", 0)
    parallel = chains.guided_fits_best(bow, vocab, models, restarts=2, seed=3, workers=2,
                                       iterations=30)
    assert list(parallel) == ["guided", "unguided"]
    for name in models:
        assert serial[name].settings == parallel[name].settings
        assert serial[name].phi.tobytes() == parallel[name].phi.tobytes()
    # each model's pick is its own best chain, as if fitted alone
    alone = chains.guided_fits_best(bow, vocab, {"x": models["unguided"]}, restarts=2, seed=3,
                                    iterations=30)["x"]
    assert alone.phi.tobytes() == serial["unguided"].phi.tobytes()
    with pytest.raises(ParameterError, match="'workers'"):
        chains.guided_fits_best(bow, vocab, models, workers=0)


def test_a_guided_model_without_keyword_topics_reuses_the_unguided_chains(monkeypatch):
    """When no seed word is in the documents, the guided model is the unguided one (no
    keyword topic, the same free topics): its chains would be the same to the bit, so each
    distinct chain runs once and both models get its result (as copies), the one a model
    fitted alone picks. Models that differ run all their chains."""
    from digiwelfare import guided

    bow, vocab, _ = _planted(n_docs=40, n_words=40)
    alone = chains.guided_fits_best(bow, vocab, {"x": ({}, 3)}, restarts=2, seed=5,
                                    iterations=20)["x"]
    ran = []
    original = guided.guided_fit

    def counting(*args, **kwargs):
        ran.append(kwargs.get("seed"))
        return original(*args, **kwargs)

    monkeypatch.setattr(guided, "guided_fit", counting)
    same = {"guided": ({}, 3), "unguided": ({}, 3)}
    fits = chains.guided_fits_best(bow, vocab, same, restarts=2, seed=5, iterations=20)
    assert len(ran) == 2 and len(set(ran)) == 2
    assert fits["guided"] is not fits["unguided"]
    for name in same:
        assert fits[name].phi.tobytes() == alone.phi.tobytes()
        assert fits[name].settings == alone.settings
    ran.clear()
    differ = {"guided": ({"k": ["w001", "w002"]}, 2), "unguided": ({}, 3)}
    chains.guided_fits_best(bow, vocab, differ, restarts=2, seed=5, iterations=20)
    assert len(ran) == 4


def test_with_no_keyword_topic_the_pair_runs_no_chain_and_its_tables_are_empty(monkeypatch):
    """No keyword topic: the guided model would be plain LDA, the same as its comparison, so
    no chain runs (a chain run here fails the test), and every table reads the two models as
    having no topic. With keyword topics the pair is guided_fits_best's models to the bit."""
    from digiwelfare import guided
    from digiwelfare.guided_tables import (
        textstat_guided_compare,
        textstat_guided_doc_topics,
        textstat_guided_words,
        textstat_keyword_topics,
    )

    bow, vocab, _ = _planted(n_docs=40, n_words=40)
    seeds = {"k": ["w001", "w002"]}
    fitted = chains.guided_pair_fit(bow, vocab, seeds, 2, restarts=2, seed=5, iterations=20)
    direct = chains.guided_fits_best(bow, vocab, {"guided": (seeds, 2), "unguided": ({}, 3)},
                                     restarts=2, seed=5, iterations=20)
    for name in ("guided", "unguided"):
        assert fitted[name].phi.tobytes() == direct[name].phi.tobytes()
    table = chains.guided_fit_table(fitted)
    assert table["topics"].tolist() == [3, 3] and (table["sweeps"] == 20).all()

    def refuse(*args, **kwargs):
        raise AssertionError("a chain ran")

    monkeypatch.setattr(guided, "guided_fit", refuse)
    none = chains.guided_pair_fit(bow, vocab, {}, 2, restarts=2, seed=5, iterations=20)
    table = chains.guided_fit_table(none)
    assert table["topics"].tolist() == [0, 0] and table["sweeps"].tolist() == [0, 0]
    assert table.iloc[:, 2].isna().all()
    assert textstat_keyword_topics(none["guided"]).empty
    assert textstat_guided_compare(none["guided"], none["unguided"]).empty
    assert textstat_guided_words(none["guided"], 30).empty
    ids = [f"d{i}" for i in range(len(bow))]
    assert textstat_guided_doc_topics(none["guided"], ids).columns.tolist() == ["id"]
