"""How long the engine's Gibbs chain runs (digiwelfare.gibbs): the log-likelihood against a
formula written here with scipy and a case worked by hand, the stopping rule on traces
made by hand, and ``sweeps="auto"`` against fixed sweeps on mixtures the fixed number
leaves unfinished."""

import math

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.special import gammaln

from digiwelfare import gibbs
from digiwelfare.engine import EngineModel, engine_fit
from digiwelfare.figures_validation import plot_chain_trace
from digiwelfare.gibbs import chain_report, chain_rise, chain_settled, loglik
from digiwelfare.params import value_problem


def _reference(n_dk, n_wk, alpha, beta):
    """log p(w, z) from Dirichlet-multinomial marginals, zero counts included (they add
    lgamma(x) - lgamma(x) = 0), with scipy's gammaln."""
    n_words, n_topics = n_wk.shape
    topic = (gammaln(n_words * beta) - gammaln(n_wk.sum(0) + n_words * beta)
             + (gammaln(n_wk + beta) - gammaln(beta)).sum(0)).sum()
    doc = (gammaln(n_topics * alpha) - gammaln(n_dk.sum(1) + n_topics * alpha)
           + (gammaln(n_dk + alpha) - gammaln(alpha)).sum(1)).sum()
    return topic + doc


def test_loglik_matches_a_case_worked_by_hand():
    # one document, one topic, two tokens of the first of two words, alpha = beta = 1:
    # p(w) = 1/2 * 2/3 (Polya urn) and p(z) = 1, so log p(w, z) = log(1/3)
    n_dk, n_wk, n_k = np.array([[2]]), np.array([[2], [0]]), np.array([2])
    assert loglik(n_dk, n_wk, n_k, 1.0, 1.0) == pytest.approx(math.log(1 / 3), abs=1e-12)


def test_loglik_matches_scipy_on_random_states():
    rng = np.random.default_rng(4)
    for _ in range(5):
        n_dk = rng.integers(0, 6, size=(7, 3))
        n_wk = np.zeros((11, 3), dtype=np.int64)
        for k in range(3):  # the same tokens, spread over words
            n_wk[:, k] = rng.multinomial(n_dk[:, k].sum(), np.full(11, 1 / 11))
        got = loglik(n_dk, n_wk, n_wk.sum(0), 0.3, 0.05)
        assert got == pytest.approx(_reference(n_dk, n_wk, 0.3, 0.05), rel=1e-12)


def test_a_trace_still_rising_has_not_settled_and_a_flat_one_has():
    rising = list(-8 + 0.01 * np.arange(40))  # 0.1 nats a quarter: about 1.3%
    flat = [-9.0, -8.0] + [-6.0 + 0.0001 * (i % 3) for i in range(38)]
    assert not chain_settled(rising) and chain_rise(rising) == pytest.approx(
        (np.mean(rising[30:]) - np.mean(rising[20:30])) / abs(np.mean(rising[20:30])))
    assert chain_settled(flat)
    assert chain_rise(rising[:7]) is None and not chain_settled(rising[:7])


def _creeping(drift: int):
    """A fake sweep: each sweep moves one count of each of 200 documents from topic 1 to topic
    0 (the trace keeps rising) and, every ``drift`` sweeps (0: never), 5 counts of word 0
    from topic 0 to topic 1 (the topics drift, a little at a time)."""
    n_dk = np.full((200, 2), 50)
    n_wk = np.array([[1000, 1000], [1000, 1000]])
    calls = [0]

    def sweep(words, docs, z, n_dk, n_wk, n_k, alpha, beta, key):
        calls[0] += 1
        n_dk[:, 0] += 1
        n_dk[:, 1] -= 1
        if drift and calls[0] % drift == 0:
            n_wk[0, 0] -= 5
            n_wk[0, 1] += 5
    return sweep, (np.zeros(4000), None, None, n_dk, n_wk, np.array([2000, 2000]))


def test_still_topics_stop_a_chain_whose_trace_still_changes():
    from digiwelfare.gibbs import chain_run

    sweep, state = _creeping(drift=0)
    _, _, trace, shifts = chain_run(sweep, state, 0.5, 0.01, np.zeros(1001, dtype=np.uint64),
                                    "auto", 5)
    # the first check with three topic comparisons: blocks 1 and 6, ..., 3 and 8 (sweep 40)
    assert len(trace) == 40 and shifts == [0.0, 0.0, 0.0]
    assert not chain_settled(trace)  # the trace alone would have gone on


def test_topics_drifting_slowly_do_not_count_as_still():
    from digiwelfare.gibbs import chain_run

    # 5 counts of topic 0's 2,000 every 2 sweeps: two neighbouring blocks of 5 sweeps differ
    # by about 0.003 in total variation, blocks 25 sweeps apart by about 0.016: the lag lets
    # the drift add up where a comparison of neighbours would call the topics still
    sweep, state = _creeping(drift=2)
    _, _, trace, shifts = chain_run(sweep, state, 0.5, 0.01, np.zeros(1001, dtype=np.uint64),
                                    200, 5)
    assert len(trace) == 200 and min(shifts) > gibbs.TOPIC_TOL
    assert not gibbs.topics_settled(shifts)


def test_topic_shifts_are_total_variation_25_sweeps_apart_worked_by_hand():
    from digiwelfare.gibbs import chain_run

    # a fake sweep that moves one token of word 0 from topic 0 to topic 1 each sweep: topic
    # 0 holds words 0 and 1 (100 each at the start), topic 1 word 1 only
    n_wk = np.array([[100, 0], [100, 100]])
    def sweep(words, docs, z, n_dk, n_wk, n_k, alpha, beta, key):
        n_wk[0, 0] -= 1
        n_wk[0, 1] += 1
    state = (np.zeros(300), None, None, np.zeros((1, 2), dtype=np.int64), n_wk,
             np.array([200, 100]))
    _, _, trace, shifts = chain_run(sweep, state, 0.5, 0.0, np.zeros(101, dtype=np.uint64),
                                    60, 1)
    assert len(trace) == 60 and len(shifts) == 60 // 5 - 5
    # blocks of sweeps 1-5 and 26-30: topic 1's word 0 averages 3 and 28 of 103 and 128
    first = np.array([3, 100]) / 103
    later = np.array([28, 100]) / 128
    assert shifts[0] == pytest.approx(0.5 * np.abs(first - later).sum())


def test_a_dip_is_not_a_level_trace():
    # a chain that starts above where it goes: it falls for 20 sweeps, then climbs; at the
    # bottom of the dip the two quarters are level, the checks before were not
    dip = [-8.59 + 0.008 * abs(s - 18.5) for s in range(50)]  # lowest between 18 and 19
    assert abs(chain_rise(dip[:25])) < gibbs.TOL  # one check at the bottom passes
    assert not chain_settled(dip[:25])  # three in a row do not
    assert not chain_settled(dip[:40])  # and the climb after it does not pass either
    falling = list(-6 - 0.01 * np.arange(40))
    assert chain_rise(falling) < 0 and not chain_settled(falling)


def _mixtures(n_docs, n_words, n_topics, alpha, seed):
    """LDA's generative process, drawn here: dense mixtures when ``alpha`` is large."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, 0.01), size=n_topics)
    bow = []
    for theta in rng.dirichlet(np.full(n_topics, alpha), size=n_docs):
        counts = sum(rng.multinomial(c, phi[k]) for k, c in
                     enumerate(rng.multinomial(rng.poisson(150), theta)) if c)
        bow.append([(int(w), int(counts[w])) for w in np.flatnonzero(counts)])
    return phi, bow


def _recovery(true, fitted):
    a = true / np.linalg.norm(true, axis=1, keepdims=True)
    b = fitted / np.linalg.norm(fitted, axis=1, keepdims=True)
    rows, cols = linear_sum_assignment(-(a @ b.T))
    return float((a @ b.T)[rows, cols].mean())


def test_auto_runs_until_dense_mixtures_are_found_where_25_sweeps_stop_short():
    phi, bow = _mixtures(3000, 800, 20, 0.5, seed=11)
    auto = engine_fit(bow, 800, 20, seed=1)
    fixed = engine_fit(bow, 800, 20, seed=1, sweeps=25)
    assert auto.settings["settled"] and auto.settings["sweeps"] > 25
    assert not fixed.settings["settled"]
    assert _recovery(phi, auto.phi) > 0.98 > 0.9 > _recovery(phi, fixed.phi)
    # the chain that stopped at sweep s is the chain of sweeps=s, byte for byte
    again = engine_fit(bow, 800, 20, seed=1, sweeps=auto.settings["sweeps"])
    assert again.phi.tobytes() == auto.phi.tobytes()
    assert again.theta.tobytes() == auto.theta.tobytes()
    assert len(auto.settings["loglik"]) == auto.settings["sweeps"]


def test_a_chain_stopped_by_the_cap_says_it_did_not_settle(monkeypatch):
    monkeypatch.setattr(gibbs, "MAX_SWEEPS", 30)
    monkeypatch.setattr("digiwelfare.engine.MAX_SWEEPS", 30)
    _, bow = _mixtures(800, 300, 10, 0.8, seed=2)
    model = engine_fit(bow, 300, 10, seed=3)
    assert model.settings["sweeps"] == 30 and not model.settings["settled"]
    report = chain_report(model)
    assert "neither the trace had levelled off" in report and "higher than 30" in report
    assert "`sweeps`" in report


def test_the_trace_survives_saving_and_loading(tmp_path):
    _, bow = _mixtures(300, 100, 4, 0.1, seed=5)
    model = engine_fit(bow, 100, 4, seed=2, sweeps=12, average=3, anchor_min_docs=2)
    model.save(str(tmp_path / "model"))
    back = EngineModel.load(str(tmp_path / "model"))
    assert back.settings["loglik"] == model.settings["loglik"]
    assert back.settings["sweeps"] == 12


def test_a_gensim_model_is_said_to_have_no_chain():
    class Variational:  # what chain_report reads of a gensim LdaModel: no settings
        pass
    assert "no sampling chain" in chain_report(Variational())
    flat = chain_report(EngineModel(np.ones((2, 3)) / 3, np.ones((1, 2)) / 2, 0.5, 0.01, 1,
                                    settings={"loglik": [-7.0] * 40}))
    assert "met the stopping rule" in flat and "has not thereby found" in flat


def test_sweeps_takes_a_number_or_auto_and_names_what_is_allowed():
    rule = {"type": ["int", "str"], "min": 1, "max": 100_000, "words": ["auto"]}
    assert value_problem("auto", rule) is None and value_problem(40, rule) is None
    assert "'auto'" in value_problem("fast", rule)
    assert value_problem(0, rule) == "out of range"


def test_the_trace_figure_labels_its_axes_and_shades_the_compared_quarters():
    fig = plot_chain_trace(list(-8 + 0.01 * np.arange(40)), "trace")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Sweep" and "per token" in ax.get_ylabel()
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "window before (sweeps 21-30)", "last window (sweeps 31-40)"]
    assert plot_chain_trace(None, "none").axes[0].texts


def test_the_sweep_report_names_the_fits_that_did_not_settle():
    import pandas as pd

    from digiwelfare.gibbs import sweep_report

    table = pd.DataFrame({"k": [4, 4, 8], "seed": [1, 2, 1], "sweeps": [110, 1000, 45],
                          "settled": [True, False, True]})
    report = sweep_report(table)
    assert report.startswith("The 3 fits ran 45 to 1,000 sweeps; 1 had NOT settled: "
                             "K = 4 (seed 2).")
    assert sweep_report(table.assign(settled=True, sweeps=30)) == (
        "The 3 fits ran 30 sweeps each; every chain had settled.")
    assert "no sampling chain" in sweep_report(table.assign(sweeps=None, settled=None))


def test_a_long_chain_is_judged_on_windows_of_at_most_50_sweeps():
    # the same slope gives the same change at 400 and at 800 sweeps: (mean of the last 50)
    # over (mean of the 50 before) is 50 sweeps of slope, whatever the chain's length
    line = list(-7 + 0.00002 * np.arange(800))
    for n in (400, 800):
        last, before = np.mean(line[n - 50:n]), np.mean(line[n - 100:n - 50])
        assert chain_rise(line[:n]) == pytest.approx((last - before) / abs(before))
    assert chain_rise(line[:400]) == pytest.approx(chain_rise(line), rel=5e-3)
    assert chain_rise(line[:40]) == pytest.approx(
        (np.mean(line[30:40]) - np.mean(line[20:30])) / abs(np.mean(line[20:30])))
