"""Plan recovery: correlations against scipy's pearsonr, the matching against scipy's
linear_sum_assignment and a brute-force search, a case worked by hand, and the permutation
reference against the normal approximation of a permutation correlation."""

import io
import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.stats import pearsonr

from digiwelfare.checks import ParameterError
from digiwelfare.figures import plot_plan_recovery
from digiwelfare.plan import (
    PlanError,
    correlation_cross,
    plan_read,
    plan_summary,
    textstat_plan_correlations,
    textstat_plan_recovery,
)


def _plan(text: str) -> pd.DataFrame:
    return plan_read(io.StringIO(text))


HAND_PLAN = "id,themes\nd1,a:1\nd2,a:1\nd3,b:1\nd4,a:0.5;b:0.5\n"
# Columns deliberately in the other order: theme a belongs with column "2".
HAND_SCORES = pd.DataFrame({"id": ["d1", "d2", "d3", "d4"], "1": [0.1, 0.2, 0.9, 0.5],
                            "2": [0.9, 0.8, 0.1, 0.5]})


def test_hand_worked_case():
    # a = (1, 1, 0, .5), score 2 = (.9, .8, .1, .5): deviations from the means (.625, .575)
    # give sum of products .5125, sums of squares .6875 and .3875, r = .5125 / sqrt(.26640625)
    r = 0.5125 / np.sqrt(0.6875 * 0.3875)
    assert r == pytest.approx(0.99293, abs=1e-5)
    table = textstat_plan_recovery(HAND_SCORES, _plan(HAND_PLAN), n_perm=99)
    got = table.set_index("theme")
    assert got.loc["a", "score"] == "2" and got.loc["b", "score"] == "1"
    assert got.loc["a", "correlation"] == pytest.approx(r, abs=1e-12)
    assert got.loc["b", "correlation"] == pytest.approx(r, abs=1e-12)  # b = 1 - a, "1" = 1 - "2"
    assert list(got["planned_docs"]) == [3, 2] and set(got["documents"]) == {4}


def test_plan_load_wide_and_zero_filled():
    plan = _plan("id,themes,target_words\nd2,b:1,100\nd1, a:0.25 ;b:0.75,90\n")
    assert list(plan.index) == ["d1", "d2"] and list(plan.columns) == ["a", "b"]
    assert plan.loc["d2", "a"] == 0.0 and plan.loc["d1", "b"] == 0.75


@pytest.mark.parametrize("text, words", [
    ("id,themes\nd1,a:0.5;b:0.3\n", "sum to 0.800"),
    ("id,themes\nd1,a:x\n", "not name:share"),
    ("id,themes\nd1,a:0\n", "share in (0, 1]"),
    ("id,themes\nd1,a:0.5;a:0.5\n", "once"),
    ("id,themes\nd1,\n", "at least one theme"),
    ("id,themes\nd1,a:1\nd1,b:1\n", "more than one row"),
    ("id,topics\nd1,a:1\n", "no column themes"),
])
def test_plan_load_names_the_problem(text, words):
    with pytest.raises(PlanError, match="row|column") as err:
        _plan(text)
    assert words in str(err.value)


def test_plan_load_missing_file_says_so(tmp_path):
    with pytest.raises(PlanError, match="plan.csv: not found"):
        plan_read(tmp_path / "plan.csv")


def test_correlations_equal_scipy_pearsonr():
    rng = np.random.default_rng(3)
    a, b = rng.random((30, 4)), rng.random((30, 5))
    corr = correlation_cross(a, b)
    for i, j in itertools.product(range(4), range(5)):
        assert corr[i, j] == pytest.approx(pearsonr(a[:, i], b[:, j]).statistic, abs=1e-12)


def _random_case(rng, n=40, themes=4, scores=5):
    ids = [f"d{i}" for i in range(n)]
    shares = rng.dirichlet(np.full(themes, 0.3), size=n)
    plan = pd.DataFrame(shares, index=ids, columns=[f"t{k}" for k in range(themes)])
    table = pd.DataFrame(rng.random((n, scores)), columns=[str(k) for k in range(scores)])
    return plan, table.assign(id=ids)[["id", *table.columns]]


def test_matching_is_scipy_hungarian_and_the_best_by_brute_force():
    rng = np.random.default_rng(7)
    for _ in range(5):
        plan, scores = _random_case(rng)
        got = textstat_plan_recovery(scores, plan, n_perm=19).set_index("theme")
        corr = np.array([[pearsonr(plan[t], scores[s]).statistic for s in scores.columns[1:]]
                         for t in plan.columns])
        rows, cols = linear_sum_assignment(-corr)
        for r, c in zip(rows, cols, strict=True):
            assert got.loc[plan.columns[r], "score"] == scores.columns[1 + c]
        best = max(itertools.permutations(range(5), 4),
                   key=lambda p: sum(corr[i, p[i]] for i in range(4)))
        assert got["correlation"].sum() == pytest.approx(sum(corr[i, best[i]]
                                                             for i in range(4)))


def test_best_match_mode_may_reuse_a_score():
    # Score "1" is themes a and b together: the best match of both, but one to one only one
    # of them may have it.
    plan = _plan("id,themes\nd1,a:1\nd2,b:1\nd3,c:1\nd4,a:0.5;b:0.5\nd5,c:1\nd6,a:1\n")
    scores = pd.DataFrame({"id": [f"d{i}" for i in range(1, 7)], "1": [1, 1, 0, 1, 0, 1],
                           "2": [0, 0, 1, 0, 0.9, 0], "3": [0.3, 0.1, 0.2, 0.1, 0.3, 0.2]})
    one = textstat_plan_recovery(scores, plan, n_perm=19).set_index("theme")
    best = textstat_plan_recovery(scores, plan, n_perm=19, one_to_one=False).set_index("theme")
    assert sorted(one["score"]) == ["1", "2", "3"]
    assert best.loc["a", "score"] == best.loc["b", "score"] == "1"
    assert best.loc["c", "score"] == "2"


def test_more_themes_than_scores_leaves_a_theme_unmatched():
    rng = np.random.default_rng(11)
    plan, scores = _random_case(rng, themes=4, scores=2)
    table = textstat_plan_recovery(scores, plan, n_perm=19)
    assert (table["score"] == "").sum() == 2 and table["correlation"].isna().sum() == 2
    assert not table.loc[table["score"] == "", "recovered"].any()
    assert "nothing left to match" in plan_summary(table)


def test_chance_reference_matches_the_normal_approximation():
    # One theme and one score of noise: a permutation correlation over n documents is close
    # to normal with sd 1 / sqrt(n - 1), so its 95th percentile is near 1.645 / sqrt(n - 1).
    rng = np.random.default_rng(5)
    n = 400
    ids = [f"d{i}" for i in range(n)]
    share = rng.random(n)
    plan = pd.DataFrame({"t": share, "u": 1 - share}, index=ids)
    scores = pd.DataFrame({"id": ids, "x": rng.random(n)})
    table = textstat_plan_recovery(scores, plan[["t"]], n_perm=4000, seed=2)
    assert table.loc[0, "chance_95"] == pytest.approx(1.645 / np.sqrt(n - 1), abs=0.012)
    assert not table.loc[0, "recovered"]


def test_a_planted_score_is_recovered_with_the_smallest_p_value():
    rng = np.random.default_rng(9)
    plan, scores = _random_case(rng, n=60, themes=3, scores=3)
    scores["1"] = plan["t2"].to_numpy() + rng.normal(0, 0.05, len(plan))
    table = textstat_plan_recovery(scores, plan, n_perm=199).set_index("theme")
    assert table.loc["t2", "score"] == "1" and table.loc["t2", "recovered"]
    assert table.loc["t2", "p_value"] == pytest.approx(1 / 200)
    said = plan_summary(table.reset_index(), labels={"1": "T1 planted"}).split("Not recovered")[0]
    assert "t2 (T1 planted: " in said


def test_only_documents_in_both_and_too_few_is_an_error():
    plan = _plan(HAND_PLAN)
    extra = pd.concat([HAND_SCORES, pd.DataFrame({"id": ["zz"], "1": [5.0], "2": [5.0]})])
    assert textstat_plan_recovery(extra, plan, n_perm=19)["documents"].eq(4).all()
    with pytest.raises(ParameterError, match="at least 4 documents"):
        textstat_plan_recovery(HAND_SCORES.head(3), plan, n_perm=19)
    with pytest.raises(ParameterError, match="id column"):
        textstat_plan_recovery(HAND_SCORES.drop(columns="id"), plan)


def test_tidy_correlations_and_figure_labelled():
    plan = _plan(HAND_PLAN)
    corr = textstat_plan_correlations(HAND_SCORES, plan)
    assert list(corr.columns) == ["theme", "score", "correlation"] and len(corr) == 4
    fig = plot_plan_recovery(corr, textstat_plan_recovery(HAND_SCORES, plan, n_perm=19))
    ax = fig.axes[0]
    assert "Planned theme" in ax.get_ylabel() and "Topic" in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2", "1"]  # matches on the diagonal
