"""Choosing K: held-out likelihood, coherence, exclusivity, stability and the rule.

Every measure is checked against a case worked by hand or against gensim's own
implementation; the rule is checked for its direction, its grid invariance and its wording.
"""

import math

import numpy as np
import pandas as pd
import pytest
from gensim.models import CoherenceModel

from digiwelfare.checks import ParameterError
from digiwelfare.selection import (
    METRIC_DIRECTIONS,
    bow_split_half,
    cooccurrence_docs,
    heldout_completion,
    k_choose,
    k_grid,
    k_verdict,
    loglik_per_word,
    textstat_k,
    theta_estimate,
    topic_diversity,
    topics_exclusivity,
    topics_match,
    topics_npmi,
    topics_semantic_coherence,
    topics_sweep,
)
from digiwelfare.topics import topics_simulate
from digiwelfare.vocabulary import dictionary_build


@pytest.fixture(scope="module")
def planted():
    docs, phi, _ = topics_simulate(n_docs=300, n_topics=5, n_words=200, doc_length=80, seed=2)
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    return docs, dictionary, [dictionary.doc2bow(d) for d in docs]


# --- held-out likelihood ------------------------------------------------------------------

def test_loglik_per_word_by_hand():
    beta = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5]])
    theta = np.array([[0.5, 0.5], [1.0, 0.0]])
    # document 1: p(w0) = .25, p(w1) = .5, p(w2) = .25; counts 1, 2, 1
    one = loglik_per_word([[(0, 1), (1, 2), (2, 1)]], theta[:1], beta)
    assert one == pytest.approx((2 * math.log(0.25) + 2 * math.log(0.5)) / 4)
    assert math.exp(-one) == pytest.approx(2 ** 1.5)  # the perplexity
    # pooled over tokens, not averaged over documents: document 2 adds two tokens at p = .5
    two = loglik_per_word([[(0, 1), (1, 2), (2, 1)], [(0, 2)]], theta, beta)
    assert two == pytest.approx((2 * math.log(0.25) + 4 * math.log(0.5)) / 6)
    with pytest.raises(ValueError, match="no held-out tokens"):
        loglik_per_word([[]], theta[:1], beta)


def test_theta_estimate_by_hand():
    # words 0, 1 belong to topic 1 only, words 2, 3 to topic 2 only: every token's topic is
    # known, so the posterior is Dirichlet(alpha + n_k) and its mean (alpha + n_k) / (2 alpha + N)
    beta = np.array([[0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5]])
    theta = theta_estimate([[(0, 2), (1, 1), (2, 1)], []], beta, alpha=0.5)
    assert theta[0] == pytest.approx([3.5 / 5, 1.5 / 5])
    assert theta[1] == pytest.approx([0.5, 0.5])  # an empty document keeps the prior mean
    # words both topics give equally, under a symmetric prior: no topic is preferred
    flat = theta_estimate([[(0, 6), (1, 2)]], np.array([[0.5, 0.5], [0.5, 0.5]]), alpha=0.3)
    assert flat[0] == pytest.approx([0.5, 0.5])


def test_bow_split_half_is_seeded_and_complete():
    bow = [[(0, 3), (4, 2), (7, 1)], [(1, 1)], []]
    observed, scored = bow_split_half(bow, seed=5)
    for doc, a, b in zip(bow, observed, scored, strict=True):
        total = dict(doc)
        merged = {w: dict(a).get(w, 0) + dict(b).get(w, 0) for w in total}
        assert merged == total
        assert sum(c for _, c in a) == sum(total.values()) // 2
    assert bow_split_half(bow, seed=5) == (observed, scored)
    splits = {str(bow_split_half(bow, seed=s)[0][0]) for s in range(10)}
    assert len(splits) > 1  # the seed matters


def test_document_completion_does_not_rise_steeply_with_k(planted):
    docs, dictionary, bow = planted
    table = topics_sweep(bow, dictionary, [2, 5, 10], [1, 2], passes=20, iterations=200,
                         workers=2)
    perplexity = table.groupby("k")["perplexity"].mean()
    assert perplexity[5] < perplexity[2]  # too few topics predict worse
    assert perplexity[10] < 1.1 * perplexity[5]  # twice the topics, no steep rise
    assert perplexity.idxmin() in (5, 10)
    assert k_choose(table).loc[lambda c: c.chosen, "k"].tolist() == [5]


# --- coherence and exclusivity ------------------------------------------------------------

DOCS = [["a", "b"], ["a", "b", "c"], ["a"], ["c"]]


def test_npmi_and_semantic_coherence_by_hand():
    # D(a) = 3, D(b) = 2, D(c) = 2, D(a, b) = 2, D(a, c) = 1, D(b, c) = 1, N = 4
    index = {"a": 0, "b": 1, "c": 2}
    bow = [[(index[w], 1) for w in d] for d in DOCS]
    cooc = cooccurrence_docs(bow, [0, 1, 2])
    assert cooc.tolist() == [[3, 2, 1], [2, 2, 1], [1, 1, 2]]
    top = np.array([[0, 1, 2]])
    npmi_ab = math.log(0.5 / (0.75 * 0.5)) / -math.log(0.5)
    npmi_ac = math.log(0.25 / (0.75 * 0.5)) / -math.log(0.25)
    npmi_bc = 0.0  # p(b, c) = p(b) p(c)
    assert topics_npmi(top, cooc, 4)[0] == pytest.approx((npmi_ab + npmi_ac + npmi_bc) / 3)
    # Mimno et al. (2011): log((D(b, a) + 1) / D(a)) + log((D(c, a) + 1) / D(a))
    #                      + log((D(c, b) + 1) / D(b)) = log(3/3) + log(2/3) + log(2/2)
    assert topics_semantic_coherence(top, cooc)[0] == pytest.approx(math.log(2 / 3))
    # the order matters: the higher-ranked word is the condition
    assert topics_semantic_coherence(np.array([[2, 1, 0]]), cooc)[0] == pytest.approx(
        math.log((1 + 1) / 2) + math.log((1 + 1) / 2) + math.log((2 + 1) / 2))
    # a pair that never meets has NPMI -1
    apart = cooccurrence_docs([[(0, 1)], [(1, 1)]], [0, 1])
    assert topics_npmi(np.array([[0, 1]]), apart, 2)[0] == -1.0


def test_coherence_agrees_with_gensim():
    rng = np.random.default_rng(3)
    groups = [["nurse", "home", "alarm", "visit", "sensor"],
              ["caseworker", "claim", "benefit", "rule", "appeal"],
              ["manager", "dashboard", "indicator", "target", "report"]]
    texts = [list(rng.choice(groups[i % 3], 6)) + list(rng.choice(sum(groups, []), 3))
             for i in range(150)]
    dictionary = dictionary_build(texts, no_below=1, no_above=1.0)
    bow = [dictionary.doc2bow(t) for t in texts]
    good = [g[:4] for g in groups]
    bad = [[groups[0][i], groups[1][i], groups[2][i], groups[0][i + 1]] for i in range(3)]
    ids = sorted(dictionary.token2id.values())
    cooc = cooccurrence_docs(bow, ids)
    scores = {}
    for name, topics in (("good", good), ("bad", bad)):
        top = np.array([[dictionary.token2id[w] for w in t] for t in topics])
        # a window longer than every document makes gensim count documents
        ref = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary,
                             coherence="c_npmi", window_size=100, processes=1)
        npmi = topics_npmi(top, cooc, len(bow))
        assert npmi == pytest.approx(ref.get_coherence_per_topic(), abs=1e-6)
        # gensim's u_mass is the mean over pairs, with 1e-12 of a document added to D(v_m, v_l)
        ref = CoherenceModel(topics=topics, corpus=bow, dictionary=dictionary,
                             coherence="u_mass", processes=1)
        ours = topics_semantic_coherence(top, cooc, eps=1e-12 * len(bow)) / 6
        assert ours == pytest.approx(ref.get_coherence_per_topic(), rel=1e-9)
        scores[name] = npmi.mean(), topics_semantic_coherence(top, cooc).mean()
    assert scores["good"][0] > scores["bad"][0] and scores["good"][1] > scores["bad"][1]


def test_exclusivity_by_hand():
    beta = np.array([[0.5, 0.4, 0.1], [0.7, 0.1, 0.2]])
    # topic 1: by exclusivity (.5/1.2, .4/.5, .1/.3) the ranks are 2, 3, 1 -> 2/3, 1, 1/3;
    # by probability 3, 2, 1 -> 1, 2/3, 1/3. Its top two words are w0 and w1.
    frex_w0 = 1 / (0.7 / (2 / 3) + 0.3 / 1)
    frex_w1 = 1 / (0.7 / 1 + 0.3 / (2 / 3))
    # topic 2: exclusivity ranks 2, 1, 3 -> 2/3, 1/3, 1; probability ranks 3, 1, 2; top w0, w2
    frex_w2 = 1 / (0.7 / 1 + 0.3 / (2 / 3))
    got = topics_exclusivity(beta, n=2)
    assert got == pytest.approx([frex_w0 + frex_w1, frex_w0 + frex_w2])
    # with all weight on exclusivity, a word found only in its topic scores 1
    only = topics_exclusivity(np.array([[0.9, 0.1, 1e-9], [1e-9, 0.1, 0.9]]), n=1, weight=1.0)
    assert only == pytest.approx([1.0, 1.0])


def test_diversity_by_hand():
    assert topic_diversity([["a", "b"], ["c", "d"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "c"]]) == 0.75


def test_matching_is_one_to_one_where_greedy_is_not():
    a = [set(f"a{i}" for i in range(10)), {"b1", "b2", "b3", *(f"d{i}" for i in range(7))}]
    b = [{*(f"a{i}" for i in range(5)), *(f"b{i}" for i in range(1, 6))},  # 5 with a[0], 3 a[1]
         {*(f"a{i}" for i in range(5, 9)), *(f"c{i}" for i in range(6))}]  # 4 with a[0], 0 a[1]
    # greedy pairs a[0] with b[0] (5 of 10) and leaves a[1] with b[1] (0): mean .25;
    # the best one-to-one pairing is a[0]-b[1] (4) and a[1]-b[0] (3): mean .35
    assert topics_match(a, b) == pytest.approx(0.35)
    assert topics_match(a, list(reversed(b))) == pytest.approx(0.35)
    assert topics_match(a, a) == 1.0


# --- the rule -----------------------------------------------------------------------------

def seeds_table(means: dict, spread: float = 0.01, metric: str = "perplexity") -> pd.DataFrame:
    """Three seeds per K with the given mean and standard error ``spread`` for ``metric``;
    the other measures constant."""
    rows = []
    for k, mean in means.items():
        for off in (-1, 0, 1):
            row = {m: 1.0 for m in METRIC_DIRECTIONS} | {"k": k, "seed": off + 2}
            row[metric] = mean + off * spread * math.sqrt(3)  # sd = spread * sqrt(3)
            rows.append(row)
    return pd.DataFrame(rows)


def test_one_standard_error_rule():
    table = seeds_table({4: 10.0, 6: 9.0, 8: 8.995, 10: 8.0, 12: 8.5})
    choice = k_choose(table)
    assert choice["perplexity_se"].round(12).eq(0.01).all()
    assert choice.loc[choice.best, "k"].tolist() == [10]
    assert choice.loc[choice.chosen, "k"].tolist() == [10]
    wide = seeds_table({4: 10.0, 6: 8.4, 8: 8.005, 10: 8.0, 12: 8.6}, spread=0.5)
    choice = k_choose(wide)  # 6, 8 and 10 are within 0.5 of the best: the smallest wins
    assert choice.loc[choice.within_1se, "k"].tolist() == [6, 8, 10]
    assert choice.loc[choice.chosen, "k"].tolist() == [6]
    with pytest.raises(ParameterError, match="primary"):
        k_choose(table, primary="c_v")


@pytest.mark.parametrize("metric", list(METRIC_DIRECTIONS))
def test_each_measure_points_the_right_way(metric):
    # the measure rises with K; K = 12 is best if higher is better, K = 4 if lower is
    table = seeds_table({4: 0.1, 6: 0.2, 8: 0.3, 10: 0.4, 12: 0.5}, spread=0.001, metric=metric)
    expected = {"perplexity": 4}.get(metric, 12)
    choice = k_choose(table, primary=metric)
    assert choice.loc[choice.best, "k"].tolist() == [expected]


def test_textstat_k_by_hand():
    # two measures of the seven, given out of their order, beside a column that is not a
    # measure; NPMI missing for one fit. Means and standard errors (sd / sqrt(n)) by hand.
    table = pd.DataFrame({"k": [3, 3, 2, 2, 2], "seed": [1, 2, 1, 2, 3],
                          "npmi": [0.1, 0.3, 0.2, np.nan, 0.4],
                          "engine": ["gensim"] * 5,
                          "perplexity": [9.0, 11.0, 20.0, 24.0, 22.0]})
    got = textstat_k(table)
    assert list(got.columns) == ["metric", "k", "mean", "se", "seeds"]
    assert got["metric"].tolist() == ["perplexity", "perplexity", "npmi", "npmi"]
    assert not isinstance(got["metric"].dtype, pd.CategoricalDtype)
    assert got["k"].tolist() == [2, 3, 2, 3] and got["seeds"].tolist() == [3, 2, 2, 2]
    assert got["mean"].tolist() == pytest.approx([22.0, 10.0, 0.3, 0.2])
    # sd of (20, 24, 22) is 2, of (9, 11) sqrt(2), of (0.2, 0.4) and (0.1, 0.3) sqrt(0.02)
    assert got["se"].tolist() == pytest.approx([2 / math.sqrt(3), 1.0, 0.1, 0.1])
    assert list(got.index) == [0, 1, 2, 3]


def test_k_choose_message_and_ties_within_rounding():
    with pytest.raises(ParameterError) as error:
        k_choose(seeds_table({4: 9.0, 6: 8.0}), primary="c_v")
    assert str(error.value) == (
        "Parameter 'primary' = 'c_v' cannot be used: expected one of perplexity, "
        "heldout_loglik, npmi, semantic_coherence, exclusivity, diversity, stability.")
    # means that differ only in the 13th decimal are equal (float noise in a mean): the
    # smaller K is then the best; a difference in the 11th decimal is not noise
    for gap, best in ((4e-13, 4), (4e-11, 6)):
        one = seeds_table({4: 8.0 + gap, 6: 8.0, 8: 9.0}).query("seed == 2")
        assert k_choose(one).loc[lambda c: c.best, "k"].tolist() == [best], gap


def test_rule_does_not_depend_on_far_values_of_k():
    base = {6: 8.0, 8: 8.3, 10: 8.6}
    chosen = k_choose(seeds_table(base, spread=0.1)).loc[lambda c: c.chosen, "k"].tolist()
    assert chosen == [6]
    for extra in ({2: 12.0, 3: 10.0}, {20: 9.5, 30: 11.0}, {2: 12.0, 3: 10.0, 30: 11.0}):
        again = k_choose(seeds_table(base | extra, spread=0.1))
        assert again.loc[again.chosen, "k"].tolist() == chosen, extra
        assert again.set_index("k").loc[[6, 8, 10], "within_1se"].tolist() == [True, False,
                                                                                False]


def test_ties_and_single_seed():
    flat = seeds_table({4: 8.0, 6: 8.0, 8: 8.0}, spread=0.0)
    assert k_choose(flat).loc[lambda c: c.chosen, "k"].tolist() == [4]
    one = seeds_table({4: 9.0, 6: 8.0}).query("seed == 2")
    choice = k_choose(one)
    assert choice["perplexity_se"].isna().all()
    assert choice.loc[choice.chosen, "k"].tolist() == [6]
    assert "one seed" in k_verdict(choice)


def test_verdict_reads_the_table():
    table = seeds_table({4: 10.0, 6: 8.0, 8: 8.05}, spread=0.1)
    table["stability"], table["npmi"] = 0.45, 0.01
    choice = k_choose(table)
    text = k_verdict(choice)
    assert "best K in the grid is 6 (8," in text and "K = 8 is also within" in text
    assert "from 8 (K = 6) to 10 (K = 4)" in text
    behind = seeds_table({4: 8.05, 6: 8.0, 8: 8.3}, spread=0.1)  # chosen 4, best 6
    assert "K = 4 is also within one standard error of the best; the rule takes the " \
        "smallest, K = 4." in k_verdict(k_choose(behind))
    assert "K = 4 is the smallest K in the grid" in k_verdict(k_choose(behind))
    assert "smallest K in the grid" not in text
    assert "9 of its 20 top words (45%)" in text and "0.010" in text
    assert "No K is clearly supported" in text and "within the noise" in text
    clear = seeds_table({4: 10.0, 6: 8.0, 8: 9.0}, spread=0.1)
    clear["stability"], clear["npmi"] = 0.8, 0.2
    text = k_verdict(k_choose(clear))
    assert "No other K is within one standard error" in text
    assert "The data support K = 6 clearly." in text and "No K is" not in text


# --- the sweep ----------------------------------------------------------------------------

def test_sweep_is_the_same_in_parallel(planted, monkeypatch):
    import digiwelfare.selection as selection

    monkeypatch.setattr(selection, "PARALLEL_WORK", 0)  # worker threads even for this
    _, dictionary, bow = planted
    small = bow[:120]
    one = topics_sweep(small, dictionary, [3, 5], [1, 2], passes=2, iterations=20, workers=1)
    two = topics_sweep(small, dictionary, [3, 5], [1, 2], passes=2, iterations=20, workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert list(one.columns) == ["k", "seed", *METRIC_DIRECTIONS, "sweeps", "settled",
                                 "documents"]
    assert (one["documents"] == 120).all()
    assert one["stability"].between(0, 1).all() and (one["perplexity"] > 1).all()
    assert one["sweeps"].isna().all()  # gensim's fits (the default engine here): no chain
    anchor = topics_sweep(small, dictionary, [3], [1, 2], engine="anchor", workers=1)
    assert (anchor["sweeps"] >= 25).all() and anchor["settled"].dtype == bool
    assert np.allclose(one["perplexity"], np.exp(-one["heldout_loglik"]))
    assert one["npmi"].between(-1, 1).all() and (one["semantic_coherence"] <= 45 * math.log(2)
                                                 ).all()


def test_k_grid():
    assert k_grid([12, 4, 6, 30], 40) == [4, 6, 12]
    assert k_grid([8, 10, 12], 13) == [2, 3, 4, 5, 6]  # a small corpus gets a grid it supports
    assert k_grid([4, 6], 3) == []


def test_k_grid_edges():
    # worked by hand: K runs from 2 to high = n_docs // 2, both ends allowed; with fewer than
    # two such K the grid is min(5, high - 1) values spread evenly from 2 to high, rounded
    assert k_grid([2, 4], 20) == [2, 4]  # K = 2 is allowed, and two K are enough
    assert k_grid([4, 10], 20) == [4, 10]  # K = n_docs // 2 is allowed
    assert k_grid([30], 20) == [2, 4, 6, 8, 10]  # 5 values from 2 to 10
    assert k_grid([8], 11) == [2, 3, 4, 5]  # high = 5, not 5.5: 4 values from 2 to 5
    assert k_grid([3], 4) == [2]  # high = 2: the one K such a corpus supports


def test_heldout_completion_needs_tokens():
    beta = np.full((2, 3), 1 / 3)
    with pytest.raises(ValueError, match="hold-out share"):
        heldout_completion([[(0, 1)]], beta, 0.5)


def test_selection_figure_shows_the_uncertainty():
    from digiwelfare.figures import plot_model_selection

    table = seeds_table({4: 10.0, 6: 8.0, 8: 8.3}, spread=0.5)
    table["stability"] = table["k"] / 10
    choice = k_choose(table)
    fig = plot_model_selection(table, choice)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 6
    for ax in shown:
        assert ax.get_xlabel() == "Number of topics K" and ax.get_title()
        assert "is better" in ax.get_ylabel()
    first = shown[0]
    assert "chooses K" in first.get_title() and "lower is better" in first.get_ylabel()
    low, high = first.get_ylim()  # no interval is clipped
    assert low <= (choice.perplexity - choice.perplexity_se).min()
    assert high >= (choice.perplexity + choice.perplexity_se).max()
    band = [p for p in first.patches if p.get_label() == "within 1 SE of the best"]
    y0, y1 = sorted((band[0].get_y(), band[0].get_y() + band[0].get_height()))
    assert (y0, y1) == pytest.approx((8.0, 8.5))
    dashed = [ln for ln in first.get_lines() if ln.get_linestyle() == "--"]
    assert [ln.get_xdata()[0] for ln in dashed] == [6]
    assert "lower" not in shown[-1].get_ylabel()  # stability: higher is better


def test_anchor_sweep_finds_the_planted_k_and_is_the_same_in_parallel(planted, monkeypatch):
    import digiwelfare.selection as selection

    monkeypatch.setattr(selection, "PARALLEL_WORK", 0)  # worker threads even for this
    _, dictionary, bow = planted
    one = topics_sweep(bow, dictionary, [2, 5, 10], [1, 2], workers=1, engine="anchor",
                       sweeps=10)
    two = topics_sweep(bow, dictionary, [2, 5, 10], [1, 2], workers=2, engine="anchor",
                       sweeps=10)  # two threads of this process
    pd.testing.assert_frame_equal(one, two, check_exact=True)
    perplexity = one.groupby("k")["perplexity"].mean()
    assert perplexity[5] < perplexity[2]  # the planted five predict better than two
    assert k_choose(one).loc[lambda c: c.chosen, "k"].tolist() == [5]
    assert one["stability"].between(0, 1).all() and one["npmi"].between(-1, 1).all()
    assert (one["exclusivity"] <= 10).all()
    gensim = topics_sweep(bow[:120], dictionary, [3], [1, 2], passes=2, iterations=20,
                          workers=1)
    anchor = topics_sweep(bow[:120], dictionary, [3], [1, 2], workers=1, engine="anchor",
                          sweeps=5)
    assert not np.allclose(gensim["perplexity"], anchor["perplexity"])  # the engine is used
    with pytest.raises(ParameterError, match="engine"):
        topics_sweep(bow, dictionary, [3], [1], engine="mallet")


def test_verdict_weighs_differences_too_small_to_matter():
    # Seeds that hardly differ give a tiny standard error: K = 8 is then outside the band,
    # yet 8.05 against 8.0 is 0.6 % of the best value, no evidence for K = 6 over K = 8.
    table = seeds_table({4: 10.0, 6: 8.0, 8: 8.05}, spread=0.001)
    table["stability"], table["npmi"] = 0.8, 0.2
    choice = k_choose(table)
    assert choice.loc[choice.chosen, "k"].tolist() == [6]
    text = k_verdict(choice)
    assert "K = 8 is outside that band but within 1% of the best value." in text
    assert "No K is clearly supported" in text and "within 1% of the best" in text
    strict = k_verdict(choice, margin=0.005)
    assert "The data support K = 6 clearly." in strict and "outside that band" not in strict


def test_verdict_compares_the_difference_with_its_own_standard_error():
    # Best K = 6 at 8.0 and K = 8 at 8.5, each with standard error 0.2: 0.5 is outside the
    # best's one-standard-error band, but the difference's standard error is
    # sqrt(0.2**2 + 0.2**2) = 0.283, and 0.5 < 2 * 0.283 = 0.566 (worked by hand).
    table = seeds_table({4: 12.0, 6: 8.0, 8: 8.5}, spread=0.2)
    table["stability"], table["npmi"] = 0.8, 0.2
    text = k_verdict(k_choose(table))
    assert "No other K is within one standard error of it, so K = 6." in text
    assert "K = 8 is worse than the best by less than two standard errors" in text
    assert "No K is clearly supported" in text and "K = 4 is" not in text
    apart = seeds_table({4: 12.0, 6: 8.0, 8: 8.6}, spread=0.2)  # 0.6 > 0.566
    apart["stability"], apart["npmi"] = 0.8, 0.2
    assert "The data support K = 6 clearly." in k_verdict(k_choose(apart))


def choice_by_hand(rows: list[tuple], primary: str = "perplexity", **measures) -> pd.DataFrame:
    """A :func:`k_choose` table written out by hand: ``rows`` of ``(k, seeds, mean, se)`` of
    ``primary``, in order of K; ``best`` is the K with the lowest mean (highest for a measure
    where higher is better), ``within_1se`` the K within the best's standard error of it,
    ``chosen`` the smallest of those; ``measures`` (stability, npmi, npmi_se) the same at
    every K."""
    table = pd.DataFrame(rows, columns=["k", "seeds", primary, f"{primary}_se"])
    score = METRIC_DIRECTIONS[primary] * table[primary]
    best = int(score.idxmax())
    table["best"] = table.index == best
    table["within_1se"] = score >= score[best] - table.loc[best, f"{primary}_se"]
    table.loc[best, "within_1se"] = True
    table["chosen"] = table.index == table.index[table["within_1se"]].min()
    for name, value in measures.items():
        table[name] = value
    return table


def test_verdict_text_in_full():
    # Every sentence written out by hand from the table. Best K = 4 (8.0, se 0.75): K = 2
    # (8.5) and K = 3 (8.75, on the edge) are within 0.75 of it, and the rule takes K = 2.
    # With margin 0.25, K within 2.0 of 8.0 and outside the band are "near": K = 5 (9.0) and
    # K = 6 (10.0, on the edge). Of the rest, K = 8 (10.25, se 1) and K = 10 (10.4, se 1.5)
    # are less than 2 * sqrt(0.75^2 + se^2) = 2.5 and 3.35 from the best; K = 7 (10.5, se 1)
    # is exactly 2.5 from it, so it is not; K = 12 (20.0) is far.
    choice = choice_by_hand([(2, 3, 8.5, 0.75), (3, 3, 8.75, 0.75), (4, 3, 8.0, 0.75),
                             (5, 3, 9.0, 0.75), (6, 3, 10.0, 0.75), (7, 3, 10.5, 1.0),
                             (8, 3, 10.25, 1.0), (10, 3, 10.4, 1.5), (12, 3, 20.0, 0.75)],
                            stability=0.42, npmi=0.03, npmi_se=0.012)
    assert choice.loc[choice.within_1se, "k"].tolist() == [2, 3, 4]
    assert k_verdict(choice, margin=0.25) == (
        "By held-out perplexity, the best K in the grid is 4 (8, standard error 0.75 over 3 "
        "seeds). Over the grid, the means run from 8 (K = 4) to 20 (K = 12). K = 2, 3 are "
        "also within one standard error of the best; the rule takes the smallest, K = 2. "
        "K = 8, 10 are worse than the best by less than two standard errors of the "
        "difference. K = 5, 6 are outside that band but within 25% of the best value. K = 2 "
        "is the smallest K in the grid: smaller K were not fitted and might do as well. At "
        "K = 2, a topic shares on average 8 of its 20 top words (42%) with its matched topic "
        "in another seed's run. Its mean NPMI is 0.030 (standard error 0.012); 0 would mean "
        "top words meet in documents only as often as chance has it. No K is clearly "
        "supported by these data: the differences between these K are within the noise "
        "between seeds; the best K is not two standard errors of the difference better than "
        "every other; other K come within 25% of the best held-out perplexity; fewer than "
        "50% of the top words recur across seeds; the top words hardly co-occur (NPMI below "
        "0.05). K = 2 is a working choice, not a finding; read the topics of neighbouring K "
        "as well before relying on them.")
    # Best K = 4 (8.0, se 0.5); K = 6 and 8 have one seed each, so no standard error: K = 6
    # (8.75) is less than 2 * 0.5 from the best, K = 8 (9.5) is not. A stability of exactly
    # stable_share and an NPMI of exactly npmi_low raise no doubt.
    choice = choice_by_hand([(2, 3, 12.0, 0.5), (4, 3, 8.0, 0.5), (6, 1, 8.75, np.nan),
                             (8, 1, 9.5, np.nan)], stability=0.5, npmi=0.05, npmi_se=0.01)
    assert k_verdict(choice, stable_share=0.5, npmi_low=0.05) == (
        "By held-out perplexity, the best K in the grid is 4 (8, standard error 0.5 over 3 "
        "seeds). Over the grid, the means run from 8 (K = 4) to 12 (K = 2). No other K is "
        "within one standard error of it, so K = 4. K = 6 is worse than the best by less than "
        "two standard errors of the difference. At K = 4, a topic shares on average 10 of its "
        "20 top words (50%) with its matched topic in another seed's run. Its mean NPMI is "
        "0.050 (standard error 0.01); 0 would mean top words meet in documents only as often "
        "as chance has it. No K is clearly supported by these data: the best K is not two "
        "standard errors of the difference better than every other. K = 4 is a working "
        "choice, not a finding; read the topics of neighbouring K as well before relying on "
        "them.")


def test_verdict_names_the_sample_the_fits_used():
    # a clear choice (K = 4 far ahead, stable, coherent), fitted on all parts, then on 20,000
    # of 57,120: the text says so before its conclusion, and the conclusion is qualified
    choice = choice_by_hand([(2, 3, 12.0, 0.1), (4, 3, 8.0, 0.1), (6, 3, 11.0, 0.1)],
                            stability=0.9, npmi=0.2, npmi_se=0.01)
    whole = k_verdict(choice, fitted=(57_120, 57_120))
    assert whole == k_verdict(choice) and whole.endswith("The data support K = 4 clearly.")
    sampled = k_verdict(choice, fitted=(20_000, 57_120))
    assert sampled == whole.replace(
        "The data support K = 4 clearly.",
        "Every fit used the same random sample of 20,000 of the 57,120 document parts "
        "(`sample_docs`): the standard errors show what the seed changes, not what another "
        "sample would. The data support K = 4 clearly, on that sample.")
    doubtful = choice_by_hand([(2, 3, 8.05, 0.1), (4, 3, 8.0, 0.1)], stability=0.9, npmi=0.2,
                              npmi_se=0.01)
    text = k_verdict(doubtful, fitted=(20_000, 57_120))
    assert "random sample of 20,000 of the 57,120 document parts" in text
    assert text.index("random sample") < text.index("No K is clearly supported")


def test_verdict_text_with_one_seed_or_one_k():
    two = choice_by_hand([(2, 1, 8.0, np.nan), (4, 1, 9.0, np.nan)], stability=np.nan,
                         npmi=0.2, npmi_se=np.nan)
    assert k_verdict(two) == (
        "By held-out perplexity, the best K in the grid is 2 (8, one seed: no standard "
        "error). Over the grid, the means run from 8 (K = 2) to 9 (K = 4). No other K is "
        "within one standard error of it, so K = 2. K = 2 is the smallest K in the grid: "
        "smaller K were not fitted and might do as well. Its mean NPMI is 0.200; 0 would mean "
        "top words meet in documents only as often as chance has it. No K is clearly "
        "supported by these data: with one seed the noise between seeds is unknown. K = 2 is "
        "a working choice, not a finding; read the topics of neighbouring K as well before "
        "relying on them.")
    one = choice_by_hand([(5, 1, 8.0, np.nan)])  # no grid to compare, no other measures
    assert k_verdict(one) == (
        "By held-out perplexity, the best K in the grid is 5 (8, one seed: no standard "
        "error). No other K is within one standard error of it, so K = 5. No K is clearly "
        "supported by these data: with one seed the noise between seeds is unknown. K = 5 is "
        "a working choice, not a finding; read the topics of neighbouring K as well before "
        "relying on them.")


def test_verdict_text_names_another_primary_measure():
    # semantic coherence: higher is better, so K = 6 (-20) is best and clearly so
    choice = choice_by_hand([(4, 3, -30.0, 1.0), (6, 3, -20.0, 1.0), (8, 3, -26.0, 1.0)],
                            primary="semantic_coherence", stability=0.8, npmi=0.2,
                            npmi_se=0.02)
    assert k_verdict(choice, primary="semantic_coherence") == (
        "By semantic coherence, the best K in the grid is 6 (-20, standard error 1 over 3 "
        "seeds). Over the grid, the means run from -30 (K = 4) to -20 (K = 6). No other K is "
        "within one standard error of it, so K = 6. At K = 6, a topic shares on average 16 of "
        "its 20 top words (80%) with its matched topic in another seed's run. Its mean NPMI is "
        "0.200 (standard error 0.02); 0 would mean top words meet in documents only as often "
        "as chance has it. The data support K = 6 clearly.")


def _held_out_by_hand(docs, dictionary, k, seed, split_seed):
    """A sweep row's held-out score from its documented parts: a tenth of ``docs`` held out
    with ``split_seed``, gensim's model (3 passes, 30 iterations) fitted on the others, the
    held-out ones scored by document completion. Returns ``(loglik, beta)``."""
    from digiwelfare.selection import holdout_split
    from digiwelfare.topics import topics_fit, topics_word_matrix

    held = holdout_split(len(docs), 0.1, split_seed)
    model = topics_fit([d for d, h in zip(docs, held, strict=True) if not h], dictionary, k,
                       passes=3, iterations=30, seed=seed)
    beta = topics_word_matrix(model)
    return heldout_completion([d for d, h in zip(docs, held, strict=True) if h], beta,
                              model.alpha, split_seed), beta


def test_sweep_scores_held_out_documents_with_a_model_fitted_on_the_rest(planted):
    # the sweep's row, recomputed from its documented parts (each checked by hand above)
    _, dictionary, bow = planted
    small = bow[:60]
    table = topics_sweep(small, dictionary, [3], [4], passes=3, iterations=30, workers=1,
                         split_seed=2)
    loglik, beta = _held_out_by_hand(small, dictionary, 3, 4, 2)
    assert table.loc[0, "heldout_loglik"] == pytest.approx(loglik, rel=1e-9)
    assert table.loc[0, "perplexity"] == pytest.approx(math.exp(-loglik), rel=1e-9)
    assert table.loc[0, "exclusivity"] == pytest.approx(topics_exclusivity(beta).mean())


def test_a_k_the_anchor_engine_cannot_find_is_left_out_and_said():
    """A small corpus in which only six words occur in five documents or more: the anchor
    engine can find at most six topics, so K = 8 is left out with a line saying why (the
    Danish run of an imported corpus had failed on it); no K it can find leaves a clear
    error naming the parameter."""
    common = ["digital", "søknad", "kommune", "hjelp", "skjema", "vedtak"]
    docs = [[common[i % 6], common[(i + 1) % 6], common[(i + 2) % 6], f"sjelden{i}",
             f"ord{i}"] for i in range(40)]
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    bow = [dictionary.doc2bow(d) for d in docs]
    said = []
    table = topics_sweep(bow, dictionary, [2, 4, 8], [1, 2], engine="anchor", sweeps=5,
                         workers=1, progress=said.append)
    assert sorted(set(table["k"])) == [2, 4]
    assert said[0].startswith("K = 8 left out: only 6 words occur")
    with pytest.raises(ParameterError, match="ks.*at most 6 topics"):
        topics_sweep(bow, dictionary, [8, 10], [1], engine="anchor", sweeps=5, workers=1)


def test_sweep_on_a_sample_fits_the_sample_and_counts_coherence_in_all(planted):
    """With ``sample``, the fits see a random sample of the documents (the held-out tenth
    drawn among them) while NPMI is counted in every document: the row, recomputed by hand
    from those parts, and the sample itself (sorted, distinct, seeded, None when the corpus
    is no larger than the limit)."""
    from digiwelfare.heldout import fit_sample
    from digiwelfare.selection import fit_sample_report

    _, dictionary, bow = planted
    small = bow[:80]
    used = fit_sample(80, 50, 3)
    assert used.size == 50 and (np.diff(used) > 0).all() and 0 <= used.min() <= used.max() < 80
    assert fit_sample(80, 80, 3) is None and fit_sample(80, None, 3) is None
    assert not np.array_equal(used, fit_sample(80, 50, 4))
    table = topics_sweep(small, dictionary, [3], [4], passes=3, iterations=30, workers=1,
                         split_seed=3, sample=50)
    assert table["documents"].tolist() == [50]
    assert fit_sample_report(table, 80) == (
        "K was chosen on a random sample of 50 of the 80 document parts (62%; `sample_docs`), "
        "a tenth of it held out; coherence is counted in all of them. A sample can choose "
        "another K than all the parts would: to check, run again with a larger `sample_docs` "
        "or with None and compare the tables.")
    loglik, beta = _held_out_by_hand([small[i] for i in used], dictionary, 3, 4, 3)
    assert table.loc[0, "heldout_loglik"] == pytest.approx(loglik, rel=1e-9)
    # NPMI by hand, in all 80 documents: each pair of a topic's ten top words
    present = [{w for w, _ in doc} for doc in small]
    npmis = []
    for row in np.argsort(-beta, axis=1, kind="stable")[:, :10]:
        pairs = []
        for a in range(10):
            for b in range(a + 1, 10):
                wa, wb = int(row[a]), int(row[b])
                p_a = sum(wa in s for s in present) / 80
                p_b = sum(wb in s for s in present) / 80
                p_ab = sum(wa in s and wb in s for s in present) / 80
                pairs.append(-1.0 if p_ab == 0 else 1.0 if p_ab == 1 else
                             math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
        npmis.append(sum(pairs) / len(pairs))
    assert table.loc[0, "npmi"] == pytest.approx(sum(npmis) / len(npmis), rel=1e-9)


def test_a_sample_no_smaller_than_the_corpus_fits_it_whole(planted):
    """``sample`` at or above the number of documents gives the very table of no sample (the
    demo corpus's case), with the anchor engine, notebook 03's default; a sample too small
    to hold out a tenth and fit the rest is refused, naming the parameter."""
    from digiwelfare.selection import fit_sample_report

    _, dictionary, bow = planted
    small = bow[:60]
    whole = topics_sweep(small, dictionary, [3, 4], [1, 2], engine="anchor", sweeps=30,
                         workers=1)
    for sample in (60, 1000):
        pd.testing.assert_frame_equal(
            topics_sweep(small, dictionary, [3, 4], [1, 2], engine="anchor", sweeps=30,
                         workers=1, sample=sample), whole)
    assert fit_sample_report(whole, 60) == "The fits used all 60 document parts."
    sampled = topics_sweep(small, dictionary, [3], [1], engine="anchor", sweeps=30, workers=1,
                           sample=40)
    assert sampled["documents"].tolist() == [40]
    assert sampled.loc[0, "heldout_loglik"] != whole.loc[0, "heldout_loglik"]
    with pytest.raises(ParameterError, match="sample"):
        topics_sweep(small, dictionary, [3], [1], engine="anchor", workers=1, sample=5)


def test_verdict_says_when_the_best_k_is_the_largest_fitted():
    # perplexity falling all the way to the grid's top: the best (K = 8) is the largest K
    # fitted, K = 6 is within its standard error and chosen; larger K might do better
    choice = choice_by_hand([(4, 3, 12.0, 0.2), (6, 3, 10.1, 0.2), (8, 3, 10.0, 0.2)],
                            stability=0.9, npmi=0.2, npmi_se=0.01)
    text = k_verdict(choice)
    assert ("The best, K = 8, is the largest K in the grid: larger K were not fitted and "
            "might do better.") in text
    assert "No K is clearly supported by these data: " in text
    assert text.index("the best K is the largest fitted") > text.index("No K is clearly")
    interior = choice_by_hand([(4, 3, 12.0, 0.2), (6, 3, 10.0, 0.2), (8, 3, 11.0, 0.2)],
                              stability=0.9, npmi=0.2, npmi_se=0.01)
    assert "largest" not in k_verdict(interior)


@pytest.mark.parametrize("sample", [None, 150])
def test_a_sweep_of_packed_bags_of_words_is_the_sweep_of_the_lists(planted, sample):
    # notebook 03 gives the sweep its bags of words as three arrays (a tenth of the memory);
    # the table must be the one the lists give, bit for bit, with a sample drawn or not
    from digiwelfare.bags import BagsOfWords

    _, dictionary, bow = planted
    args = {"ks": [3, 5], "seeds": [1, 2], "engine": "anchor", "sweeps": 10, "workers": 1,
            "sample": sample}
    lists = topics_sweep(bow, dictionary, **args)
    arrays = topics_sweep(BagsOfWords.of(bow), dictionary, **args)
    pd.testing.assert_frame_equal(lists, arrays, check_exact=True)
    assert lists["documents"].eq(len(bow) if sample is None else sample).all()


def test_co_occurrence_from_packed_bags_of_words_is_that_of_the_lists(planted):
    from digiwelfare.bags import BagsOfWords

    _, _, bow = planted
    for ids in ([0, 5, 17, 199], [3], [], list(range(0, 200, 7))):
        assert np.array_equal(cooccurrence_docs(BagsOfWords.of(bow), ids),
                              cooccurrence_docs(bow, ids))
        # the reference: each pair's documents counted one by one
        held = [{w for w, _ in doc} for doc in bow]
        by_hand = [[sum(i in d and j in d for d in held) for j in ids] for i in ids]
        assert cooccurrence_docs(bow, ids).tolist() == by_hand
    # a document without any of the words, and an empty one, count for nothing
    packed = BagsOfWords.of([[(1, 2), (4, 1)], [], [(2, 1)], [(1, 1), (2, 3)]])
    assert cooccurrence_docs(packed, [1, 2]).tolist() == [[2, 1], [1, 2]]
