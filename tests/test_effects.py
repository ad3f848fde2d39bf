import numpy as np
import pandas as pd
import pytest

from digiwelfare.effects import design_build, textstat_effects


def two_groups(n_a=120, n_b=80, seed=0):
    rng = np.random.default_rng(seed)
    group = np.array(["a"] * n_a + ["b"] * n_b)
    p = np.where(group == "a", 0.3, 0.5) + rng.normal(0, 0.05, n_a + n_b)
    meta = pd.DataFrame({"grp": group, "year": np.tile(np.arange(2012, 2022), 20),
                         "country": "NO"})
    return meta, p


def test_without_topic_uncertainty_the_difference_is_ols():
    meta, p = two_groups()
    gamma = np.column_stack([p, 1 - p]) * 1e7  # posteriors so sharp they are data
    design, dropped = design_build(meta, ["grp", "country"], year=None)
    assert dropped == ["country"]  # one level only
    effects = textstat_effects(gamma, design, n_sims=2000, seed=1)
    row = effects[(effects.topic == 1) & (effects.kind == "difference")].iloc[0]
    a, b = p[meta.grp == "a"], p[meta.grp == "b"]
    diff = b.mean() - a.mean()
    se = np.sqrt((((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum()) / (len(p) - 2)
                 * (1 / len(a) + 1 / len(b)))
    assert row.level == "b - a"
    assert row.estimate == pytest.approx(diff, abs=0.002)
    assert row.ci_low == pytest.approx(diff - 1.96 * se, abs=0.003)
    assert row.ci_high == pytest.approx(diff + 1.96 * se, abs=0.003)
    pred = effects[(effects.topic == 1) & (effects.level == "a")].iloc[0]
    assert pred.estimate == pytest.approx(a.mean(), abs=0.002)


def test_topic_uncertainty_widens_the_intervals():
    meta, p = two_groups()
    design, _ = design_build(meta, ["grp"], year=None)
    sharp = textstat_effects(np.column_stack([p, 1 - p]) * 1e7, design, n_sims=300)
    vague = textstat_effects(np.column_stack([p, 1 - p]) * 5, design, n_sims=300)
    width = lambda t: (t.ci_high - t.ci_low)[t.kind == "difference"].mean()  # noqa: E731
    assert width(vague) > 1.5 * width(sharp)


def test_year_spline_and_table_shape():
    meta, p = two_groups()
    design, _ = design_build(meta, ["grp"], year="year")
    basis = design.year_basis(np.arange(2012, 2022))
    assert basis.shape[0] == 10 and np.all(basis >= 0)
    effects = textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=50)
    assert list(effects.columns) == ["topic", "covariate", "level", "kind", "estimate",
                                     "ci_low", "ci_high"]
    years = effects[(effects.covariate == "year") & (effects.topic == 1)]
    assert sorted(years.level.astype(int)) == list(range(2012, 2022))
    assert (effects.ci_low <= effects.estimate).all()
    assert (effects.estimate <= effects.ci_high).all()
    again = textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=50)
    pd.testing.assert_frame_equal(effects, again)  # seeded


def test_too_few_documents():
    meta = pd.DataFrame({"grp": ["a", "b"], "year": [2012, 2013]})
    design, _ = design_build(meta, ["grp"], year=None)
    with pytest.raises(ValueError, match="cannot support"):
        textstat_effects(np.ones((2, 2)), design)
