import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit, logit

from digiwelfare.design import contrasts_select, design_build
from digiwelfare.effects import (
    effects_caveats,
    textstat_effects,
    topics_posterior,
)
from digiwelfare.figures import plot_effects_difference, plot_effects_time
from digiwelfare.topics import textstat_prevalence

SHARP = 1e7  # posteriors so concentrated that a draw is the data itself


def two_groups(n_a=120, n_b=80, seed=0):
    rng = np.random.default_rng(seed)
    group = np.array(["a"] * n_a + ["b"] * n_b)
    p = np.where(group == "a", 0.3, 0.5) + rng.normal(0, 0.05, n_a + n_b)
    meta = pd.DataFrame({"grp": group, "year": np.tile(np.arange(2012, 2022), 20),
                         "country": "NO"})
    return meta, p


def quiet_design(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no aliasing expected in these designs
        return design_build(*args, **kwargs)


# --- the method of composition, against cases worked by hand --------------------------------

def test_sharp_posteriors_give_group_means_and_delta_intervals():
    # One categorical covariate: the logit GLM reproduces each group's mean proportion, and
    # the prediction for the reference group is expit(intercept), with the intercept's
    # standard error sqrt(phi / (n_a mu_a (1 - mu_a))) and phi the Pearson X2 / (n - 2).
    meta, p = two_groups()
    design, dropped = quiet_design(meta, ["grp", "country"], year=None)
    assert dropped == ["country"]  # one level only
    effects = textstat_effects(np.column_stack([p, 1 - p]) * SHARP, design, n_sims=4000)
    a, b = p[meta.grp == "a"], p[meta.grp == "b"]
    mu = np.where(meta.grp == "a", a.mean(), b.mean())
    phi = ((p - mu) ** 2 / (mu * (1 - mu))).sum() / (len(p) - 2)
    se = np.sqrt(phi / (len(a) * a.mean() * (1 - a.mean())))
    pred = effects[(effects.topic == 1) & (effects.level == "a")].iloc[0]
    assert pred.kind == "prediction"
    assert pred.estimate == pytest.approx(a.mean(), abs=0.001)
    assert pred.ci_low == pytest.approx(expit(logit(a.mean()) - 1.96 * se), abs=0.002)
    assert pred.ci_high == pytest.approx(expit(logit(a.mean()) + 1.96 * se), abs=0.002)
    diff = effects[(effects.topic == 1) & (effects.kind == "difference")].iloc[0]
    assert diff.level == "b - a"
    assert diff.estimate == pytest.approx(b.mean() - a.mean(), abs=0.002)
    ols_se = np.sqrt((((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum())
                     / (len(p) - 2) * (1 / len(a) + 1 / len(b)))
    # for proportions far from 0 and 1 the two scales give nearly the same interval
    assert diff.ci_high - diff.ci_low == pytest.approx(2 * 1.96 * ols_se, rel=0.1)


def test_prediction_averages_over_the_other_covariates():
    # Two crossed covariates, no interaction in the truth: the prediction for grp = a is the
    # mean over all documents of expit(b0 + b_country), checked against statsmodels.
    import statsmodels.api as sm

    rng = np.random.default_rng(5)
    n = 200
    meta = pd.DataFrame({"grp": rng.choice(["a", "b"], n), "country": rng.choice(["NO", "SE"], n)})
    x = np.column_stack([np.ones(n), meta.grp == "b", meta.country == "SE"]).astype(float)
    y = expit(x @ [-1.5, 1.0, -0.7] + rng.normal(0, 0.3, n))
    design, _ = quiet_design(meta, ["grp", "country"], year=None)
    effects = textstat_effects(np.column_stack([y, 1 - y]) * SHARP, design, n_sims=400)
    fit = sm.GLM(y, x, family=sm.families.Binomial()).fit(scale="X2")
    x_a = x.copy()
    x_a[:, 1] = 0
    expected = fit.predict(x_a).mean()
    got = effects[(effects.topic == 1) & (effects.covariate == "grp") & (effects.level == "a")]
    assert got.estimate.iloc[0] == pytest.approx(expected, abs=0.002)


def test_predictions_stay_proportions_where_a_linear_model_would_not():
    # A topic that nearly vanishes in one group, with vague posteriors: OLS intervals for
    # that group reach below zero, the logit ones cannot.
    rng = np.random.default_rng(1)
    n = 60
    meta = pd.DataFrame({"grp": ["a"] * 45 + ["b"] * 15, "year": np.tile(range(2015, 2021), 10)})
    p = np.where(meta.grp == "a", 0.4, 0.01) * rng.uniform(0.5, 1.5, n)
    gamma = np.column_stack([p, 1 - p]) * 40
    design, _ = quiet_design(meta, ["grp"], year="year")
    effects = textstat_effects(gamma, design, n_sims=300)
    pred = effects[effects.kind == "prediction"]
    assert (pred.ci_low >= 0).all() and (pred.ci_high <= 1).all()
    assert (pred.ci_low <= pred.estimate).all() and (pred.estimate <= pred.ci_high).all()
    b = pred[(pred.topic == 1) & (pred.level == "b")].iloc[0]
    assert 0 < b.ci_low < b.estimate < 0.1


def test_topic_uncertainty_widens_the_intervals():
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year=None)
    sharp = textstat_effects(np.column_stack([p, 1 - p]) * SHARP, design, n_sims=300)
    vague = textstat_effects(np.column_stack([p, 1 - p]) * 5, design, n_sims=300)
    width = lambda t: (t.ci_high - t.ci_low)[t.kind == "difference"].mean()  # noqa: E731
    assert width(vague) > 1.5 * width(sharp)


def test_bounds_are_stable_across_seeds_with_the_default_draws():
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year="year")
    gamma = np.column_stack([p, 1 - p]) * 30
    one = textstat_effects(gamma, design, seed=1)
    two = textstat_effects(gamma, design, seed=2)
    assert np.abs(one[["ci_low", "ci_high"]] - two[["ci_low", "ci_high"]]).max().max() < 0.005


# --- contrasts ------------------------------------------------------------------------------

def three_types(n=240, seed=2):
    rng = np.random.default_rng(seed)
    doc_type = np.array(["abstract", "policy_document", "project_report"] * (n // 3))
    year = rng.integers(2012, 2023, n)
    means = {"abstract": 0.2, "policy_document": 0.45, "project_report": 0.3}
    p = np.array([means[t] for t in doc_type]) + 0.02 * (year - 2012) + rng.normal(0, 0.04, n)
    return pd.DataFrame({"doc_type": doc_type, "year": year}), p


def test_contrasts_between_any_two_levels_and_two_years():
    meta, p = three_types()
    design, _ = quiet_design(meta, ["doc_type"], year="year")
    gamma = np.column_stack([p, 1 - p]) * SHARP
    effects = textstat_effects(gamma, design, n_sims=200, contrasts=[
        ("doc_type", "policy_document", "project_report"), ("year", 2022, 2014)])
    diffs = effects[(effects.kind == "difference") & (effects.topic == 1)].set_index("level")
    assert list(diffs.index) == ["policy_document - project_report", "2022 - 2014"]
    pol = diffs.loc["policy_document - project_report"]
    assert pol.estimate == pytest.approx(0.15, abs=0.02)
    assert pol.ci_low > 0.1  # a clear difference: the interval excludes zero
    years = diffs.loc["2022 - 2014"]
    assert years.estimate == pytest.approx(0.16, abs=0.03)  # 8 years at 0.02 a year
    pred = effects[(effects.kind == "prediction") & (effects.topic == 1)].set_index("level")
    assert years.estimate == pytest.approx(pred.estimate["2022"] - pred.estimate["2014"],
                                           abs=1e-9)
    default = textstat_effects(gamma, design, n_sims=20)
    assert sorted(default[default.kind == "difference"].level.unique()) == [
        "2022 - 2012", "policy_document - abstract", "project_report - abstract",
        "project_report - policy_document"]


def test_a_contrast_with_an_unknown_level_is_named():
    meta, p = three_types()
    design, _ = quiet_design(meta, ["doc_type"], year=None)
    with pytest.raises(ValueError, match=r"contrasts\[0\].*'leaflet'.*abstract"):
        textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=5,
                         contrasts=[("doc_type", "leaflet", "abstract")])
    # the whole message: the levels there are, or that the covariate is not in the design
    with pytest.raises(ValueError) as caught:
        textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=5,
                         contrasts=[("doc_type", "abstract", "leaflet")])
    assert str(caught.value) == ("contrasts[0] = ('doc_type', 'abstract', 'leaflet'): "
                                 "doc_type='leaflet' is not estimated here. Levels of doc_type: "
                                 "abstract, policy_document, project_report.")
    with pytest.raises(ValueError) as caught:
        textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=5,
                         contrasts=[("doc_type", "abstract", "policy_document"),
                                    ("country", "NO", "SE")])
    assert str(caught.value) == ("contrasts[1] = ('country', 'NO', 'SE'): country='NO' is not "
                                 "estimated here. country is not a covariate of this design "
                                 "(see design.notes).")


# --- checks on the design -------------------------------------------------------------------

def test_aliased_covariates_are_named_before_fitting():
    # every policy document is from SE and every SE document a policy document
    meta, p = three_types()
    meta["country"] = np.where(meta.doc_type == "policy_document", "SE", "NO")
    with pytest.warns(UserWarning, match=r"country=SE.*doc_type=policy_document") as caught:
        design, dropped = design_build(meta, ["doc_type", "country"], year="year")
    assert "remove doc_type" in str(caught[0].message)
    assert dropped == ["country"] and design.categorical == ["doc_type"]
    assert any("aliased" in note for note in design.notes)
    effects = textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=10)
    assert set(effects.covariate) == {"doc_type", "year"}


def test_missing_metadata_is_left_out_and_counted():
    meta, p = three_types(n=60)
    meta["year"] = meta["year"].astype("Int64")
    meta.loc[[0, 1, 2], "year"] = pd.NA
    meta.loc[[2, 3], "doc_type"] = ""
    meta.loc[4, "doc_type"] = pd.NA
    as_text = meta.assign(year=meta.year.astype("string").fillna("n.d."))
    assert quiet_design(as_text, ["doc_type"], year="year")[0].notes == [
        "left out 5 of 60 documents with no value for: doc_type (3), year (3)"]
    design, _ = quiet_design(meta, ["doc_type"], year="year")
    assert len(design.meta) == 60 - 5 and design.rows.sum() == 55
    assert "left out 5 of 60 documents with no value for: doc_type (3), year (3)" in design.notes
    gamma = np.column_stack([p, 1 - p]) * 50  # for all 60 documents: rows are picked
    effects = textstat_effects(gamma, design, n_sims=10)
    assert "" not in set(effects.level) and "<NA>" not in set(effects.level)
    with pytest.raises(ValueError, match="gamma has 7 rows"):
        textstat_effects(gamma[:7], design, n_sims=10)


def test_single_level_absent_and_sparse_covariates_are_reported():
    meta, p = three_types(n=60)
    meta["country"] = "NO"
    meta.loc[0, "doc_type"] = "other"
    design, dropped = quiet_design(meta, ["doc_type", "country", "sector"], year="year")
    assert dropped == ["sector", "country"]
    assert "sector is not a metadata column: dropped" in design.notes
    assert "country has a single value here ('NO'): dropped" in design.notes
    assert any("fewer than 5 documents for 'other' (1)" in n for n in design.notes)


def test_nothing_left_to_estimate_gives_an_empty_table_and_figures():
    meta = pd.DataFrame({"doc_type": ["abstract"] * 10, "year": [pd.NA] * 10})
    design, dropped = quiet_design(meta, ["doc_type"], year="year")
    assert dropped == ["year", "doc_type"]
    effects = textstat_effects(np.ones((10, 3)), design, n_sims=5)
    assert effects.empty and list(effects.columns) == ["topic", "covariate", "level", "kind",
                                                       "estimate", "ci_low", "ci_high",
                                                       "docs_carrying", "caveat"]
    bare = pd.DataFrame({"id": [f"d{i}" for i in range(10)], "title": "t"})  # no metadata
    design, dropped = quiet_design(bare, ["doc_type", "country"], year="year")
    assert dropped == ["doc_type", "country", "year"] and len(design.meta) == 10
    assert textstat_effects(np.ones((10, 3)), design, n_sims=5).empty
    assert plot_effects_time(effects, {}).axes[0].texts
    assert plot_effects_difference(effects, {}).axes[0].texts


def test_year_spline_and_table_shape():
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year="year")
    basis = design.year_basis(np.arange(2012, 2022))
    assert basis.shape[0] == 10 and np.all(basis >= 0)
    effects = textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=50)
    years = effects[(effects.covariate == "year") & (effects.topic == 1)
                    & (effects.kind == "prediction")]
    assert sorted(years.level.astype(int)) == list(range(2012, 2022))
    again = textstat_effects(np.column_stack([p, 1 - p]) * 50, design, n_sims=50)
    pd.testing.assert_frame_equal(effects, again)  # seeded


def test_topics_carried_by_few_documents_are_flagged():
    # 40 documents, 3 topics. Topic 3 has an expected share of 0.3 in documents 0-2 and
    # 0.01 elsewhere, so by hand exactly 3 documents carry it (share >= 0.1): fewer than
    # min_carry = 5, so every row of topic 3 is flagged. Topics 1 and 2 share the rest
    # (0.35/0.35 or 0.495/0.495): all 40 documents carry each, and their intervals, from
    # sharp posteriors, are far narrower than 0.5, so they are not flagged.
    n = 40
    meta = pd.DataFrame({"grp": ["a", "b"] * (n // 2)})
    third = np.where(np.arange(n) < 3, 0.3, 0.01)
    shares = np.column_stack([(1 - third) / 2, (1 - third) / 2, third])
    design, _ = quiet_design(meta, ["grp"], year=None)
    effects = textstat_effects(shares * SHARP, design, n_sims=200)
    carrying = effects.groupby("topic")["docs_carrying"].agg(["min", "max"])
    assert carrying.to_numpy().tolist() == [[40, 40], [40, 40], [3, 3]]
    assert effects.loc[effects.topic == 3, "caveat"].all()
    assert not effects.loc[effects.topic < 3, "caveat"].any()
    assert effects_caveats(effects)[["topic", "docs_carrying"]].to_numpy().tolist() == [[3, 3]]
    # the share threshold is inclusive: 0.1 exactly carries (a topic at 0.1 in 5 documents)
    edge = np.where(np.arange(n) < 5, 0.1, 0.01)
    shares = np.column_stack([(1 - edge) / 2, (1 - edge) / 2, edge])
    edge_fx = textstat_effects(shares * SHARP, design, n_sims=50, min_carry=5)
    assert (edge_fx.loc[edge_fx.topic == 3, "docs_carrying"] == 5).all()
    assert not edge_fx.loc[edge_fx.topic == 3, "caveat"].any()


def test_wide_intervals_are_flagged():
    # Vague posteriors (Dirichlet parameters summing to 2) over 12 documents: a single
    # draw's proportion is Beta(1, 1), uniform on [0, 1], so the group predictions' intervals
    # are wide. Every row wider than 0.5 is flagged, whatever carries it; rows are flagged
    # exactly when wider (all 12 documents carry both topics in expectation).
    meta = pd.DataFrame({"grp": ["a"] * 6 + ["b"] * 6})
    design, _ = quiet_design(meta, ["grp"], year=None)
    effects = textstat_effects(np.ones((12, 2)), design, n_sims=400)
    width = effects.ci_high - effects.ci_low
    assert (effects.docs_carrying == 12).all() and (width > 0.5).any()
    assert (effects.caveat == (width > 0.5)).all()
    assert effects_caveats(effects).widest.iloc[0] == pytest.approx(width.max())


def test_too_few_documents():
    design, _ = design_build(pd.DataFrame({"grp": ["a", "b"]}), ["grp"], year=None)
    with pytest.raises(ValueError, match="2 documents cannot support 2 regression"):
        textstat_effects(np.ones((2, 2)), design)


# --- figures --------------------------------------------------------------------------------

def test_figures_hold_every_interval():
    effects = pd.DataFrame({
        "topic": [1, 1, 2, 2, 1, 2],
        "covariate": ["year"] * 4 + ["doc_type"] * 2,
        "level": ["2014", "2015", "2014", "2015", "policy_document - abstract"] * 1
        + ["policy_document - abstract"],
        "kind": ["prediction"] * 4 + ["difference"] * 2,
        "estimate": [0.02, 0.5, 0.1, 0.2, -0.3, 0.05],
        "ci_low": [0.0, 0.3, 0.05, 0.1, -0.62, 0.01],
        "ci_high": [0.05, 0.93, 0.2, 0.3, -0.1, 0.4]})
    time = plot_effects_time(effects, {1: "T1 care", 2: "T2 data"})
    low, high = time.axes[0].get_ylim()
    assert low <= 0.0 and high >= 0.93
    assert "proportion" in time._supylabel.get_text()
    diff = plot_effects_difference(effects, {1: "T1 care", 2: "T2 data"})
    low, high = diff.axes[0].get_xlim()
    assert low <= -0.62 and high >= 0.4
    assert diff.axes[0].get_xlabel().startswith("Difference in expected topic proportion")


# --- topic prevalence (topics.textstat_prevalence), worked by hand ---------------------------

def test_prevalence_by_group_worked_by_hand():
    # ids in a different order in the two tables; three groups of 2, 1 and 2 documents:
    # x = (d1, d4): topic 1 (0.5 + 0.1) / 2 = 0.3, topic 2 (0.2 + 0.6) / 2 = 0.4
    # y = (d3):     topic 1 0.9, topic 2 0.05
    # z = (d2, d5): topic 1 (0.25 + 0.35) / 2 = 0.3, topic 2 (0.25 + 0.45) / 2 = 0.35
    theta = pd.DataFrame({"id": ["d1", "d2", "d3", "d4", "d5"],
                          1: [0.5, 0.25, 0.9, 0.1, 0.35], 2: [0.2, 0.25, 0.05, 0.6, 0.45],
                          3: [0.3, 0.5, 0.05, 0.3, 0.2]})
    meta = pd.DataFrame({"id": ["d5", "d3", "d1", "d4", "d2"],
                         "doc_type": ["z", "y", "x", "x", "z"]})
    got = textstat_prevalence(theta, meta, "doc_type").set_index(["group", "topic"])
    hand = {("x", 1): 0.3, ("x", 2): 0.4, ("x", 3): 0.3, ("y", 1): 0.9, ("y", 2): 0.05,
            ("y", 3): 0.05, ("z", 1): 0.3, ("z", 2): 0.35, ("z", 3): 0.35}
    for key, value in hand.items():
        assert got.loc[key, "prevalence"] == pytest.approx(value), key
    assert got.loc[("x", 1), "documents"] == 2 and got.loc[("y", 3), "documents"] == 1
    assert len(got) == 9


def test_a_semi_definite_covariance_still_gives_draws_with_that_covariance():
    """A nearly saturated design leaves a covariance Cholesky refuses; the root used instead
    reproduces it (checked against the matrix itself)."""
    from digiwelfare.effects import _cov_sqrt

    v = np.array([[1.0, 2.0], [2.0, 4.0]])  # rank 1: Cholesky fails
    root = _cov_sqrt(v[None])[0]
    assert np.allclose(root @ root.T, v)
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.cholesky(v)
    # [[1, a], [a, 1]] has the eigenvalues 1 + a and 1 - a: with a just above 1, one is
    # slightly negative (as rounding leaves them), and is taken as zero
    w = np.array([[1.0, 1 + 1e-12], [1 + 1e-12, 1.0]])
    root = _cov_sqrt(w[None])[0]
    assert np.isfinite(root).all()
    np.testing.assert_allclose(root @ root.T, w, atol=1e-11)


def test_caveats_summary_by_hand():
    # Topics 3 and 1 flagged, each widest at 0.6 (a tie: by topic number), topic 2 not;
    # topic 1's rows: widths 0.6 and 0.2, one of them flagged.
    table = pd.DataFrame({"topic": [3, 3, 1, 1, 2], "ci_low": [0.1, 0.2, 0.0, 0.3, 0.1],
                          "ci_high": [0.7, 0.5, 0.6, 0.5, 0.2],
                          "docs_carrying": [2, 2, 30, 30, 40],
                          "caveat": [True, True, True, False, False]})
    got = effects_caveats(table)
    assert list(got.columns) == ["topic", "docs_carrying", "widest"]
    assert got.index.tolist() == [0, 1]
    assert got[["topic", "docs_carrying"]].values.tolist() == [[1, 30], [3, 2]]
    assert got["widest"].tolist() == pytest.approx([0.6, 0.6])
    # widest first whatever the topic order: topic 2 (0.5 wide) before topic 1 (0.25)
    got = effects_caveats(table.assign(ci_high=[0.2, 0.5, 0.25, 0.5, 0.6],
                                       caveat=[False, False, True, False, True]))
    assert got.index.tolist() == [0, 1]
    assert got[["topic", "docs_carrying"]].values.tolist() == [[2, 40], [1, 30]]
    assert got["widest"].tolist() == pytest.approx([0.5, 0.25])


# --- added when mutation testing found them untested ----------------------------------------

def test_topics_posterior_returns_the_models_inference_as_an_array():
    # the engines' interface: inference(bow) returns (gamma, statistics)
    class Engine:
        def inference(self, bow):
            self.given = bow
            return [[1.5, 0.5], [0.2, 2.8]], None

    engine, bow = Engine(), [[(0, 2)], [(1, 1), (3, 4)]]
    gamma = topics_posterior(engine, bow)
    assert isinstance(gamma, np.ndarray) and gamma.tolist() == [[1.5, 0.5], [0.2, 2.8]]
    assert engine.given is bow


def test_contrasts_select_adds_the_wanted_ones_it_can_estimate_and_says_which_it_cannot():
    meta, _ = three_types()
    design, _ = quiet_design(meta, ["doc_type"], year="year")
    default = [("doc_type", "policy_document", "abstract"),
               ("doc_type", "project_report", "abstract"),
               ("doc_type", "project_report", "policy_document"), ("year", "2022", "2012")]
    assert contrasts_select(design, None) == (default, [])
    got, notes = contrasts_select(design, [
        ("doc_type", "policy_document", "project_report"),  # new: the reverse of a default
        ("doc_type", "project_report", "abstract"),  # a default already
        ("doc_type", "leaflet", "abstract"), ("year", 2022, 2014), ("year", 2030, 2014)])
    assert got == [*default, ("doc_type", "policy_document", "project_report"),
                   ("year", "2022", "2014")]
    assert notes == ["contrast doc_type: leaflet - abstract left out: not both levels are "
                     "estimated in these documents",
                     "contrast year: 2030 - 2014 left out: not both levels are estimated in "
                     "these documents"]


def test_a_year_aliased_with_a_covariate_is_named_with_its_spline_column():
    # Four distinct years: no interior knot, and the three spline columns (Bernstein
    # polynomials B1, B2, B3 of t = (year - 2015) / 3) with the intercept span every function
    # of the year. By hand, B3 = 1 - early + 7/6 B1 - 13/6 B2 at t = 0, 1/3, 2/3, 1 ("late",
    # the more frequent level, is the reference), so the third spline column is the first
    # that is a combination of earlier ones, and the year (last) is dropped.
    meta = pd.DataFrame({"year": np.repeat([2015, 2016, 2017, 2018], [5, 5, 7, 7])})
    meta["period"] = np.where(meta.year <= 2016, "early", "late")
    message = ("covariates are aliased: the column year (spline 3) equals a combination of "
               "intercept and period=early and year (spline 1) and year (spline 2) in these "
               "documents, so their effects cannot be told apart. year is dropped; to keep it, "
               "remove period from the covariates or merge levels")
    with pytest.warns(UserWarning) as caught:
        design, dropped = design_build(meta, ["period"], year="year")
    assert [str(w.message) for w in caught] == [message]
    assert dropped == ["year"] and design.year is None and design.notes == [message]
    kept, _ = quiet_design(meta.assign(period=np.tile(["x", "y"], 12)), ["period"], year="year")
    assert kept.names() == [("(intercept)", "intercept"), ("period", "period=y"),
                            ("year", "year (spline 1)"), ("year", "year (spline 2)"),
                            ("year", "year (spline 3)")]
    assert len(kept.names()) == kept.matrix().shape[1]


def test_year_predictions_match_statsmodels_with_patsys_spline_basis():
    # A year effect that rises and falls, and a group: each year's prediction is the mean
    # over the documents of the fitted proportion with every document set to that year, here
    # from statsmodels' quasi-binomial GLM on patsy's cubic B-spline basis with the same
    # knots (one interior knot at the median year): the same column space as design_build's.
    import patsy
    import statsmodels.api as sm

    rng = np.random.default_rng(4)
    n = 200
    year = np.tile(np.arange(2012, 2022), n // 10)
    grp = rng.choice(["a", "b"], n, p=[0.6, 0.4])
    t = (year - 2012) / 9
    y = expit(-1.2 + 0.6 * (grp == "b") + 3 * t - 4 * t ** 2 + rng.normal(0, 0.1, n))
    meta = pd.DataFrame({"grp": grp, "year": year})
    design, _ = quiet_design(meta, ["grp"], year="year")
    effects = textstat_effects(np.column_stack([y, 1 - y]) * SHARP, design, n_sims=200)
    got = effects[(effects.topic == 1) & (effects.covariate == "year")
                  & (effects.kind == "prediction")].set_index("level").estimate
    formula = (f"C(grp) + bs(year, knots=[{np.median(year)}], degree=3, lower_bound=2012, "
               "upper_bound=2021)")
    fit = sm.GLM(y, np.asarray(patsy.dmatrix(formula, meta)),
                 family=sm.families.Binomial()).fit(scale="X2")
    for when in range(2012, 2022):
        expected = fit.predict(np.asarray(patsy.dmatrix(formula, meta.assign(year=when))))
        assert got[str(when)] == pytest.approx(expected.mean(), abs=0.0015), when


def test_year_basis_is_held_at_the_first_and_last_year_outside_the_data():
    # A clamped cubic B-spline basis is (1, 0, ..., 0) at the first knot and (0, ..., 0, 1)
    # at the last; the first function is dropped against the intercept. Years may come as
    # the effects table's levels, strings.
    meta, _ = two_groups()  # years 2012-2021
    design, _ = quiet_design(meta, ["grp"], year="year")
    basis = design.year_basis(["2005", 2012, "2021", 2030])
    np.testing.assert_allclose(basis, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
                               atol=1e-12)


def test_vague_posteriors_match_an_independent_simulation_of_the_method_of_composition():
    # Two groups, no other covariate: the design is saturated, so each simulation's fit is
    # closed-form: the group's mean draw ybar, and a logit with variance phi / (n ybar
    # (1 - ybar)) (phi the Pearson X2 over n - 2), independently per group. Simulated here
    # with numpy's beta draws (Dirichlet of two topics) and its own random numbers. The
    # posteriors are vague (parameters summing to 0.5), so draws lie far from the point
    # estimate the fits start from: every fit must be iterated to convergence. Bounds are
    # compared on the logit scale (they reach 0.001 and 0.99).
    meta = pd.DataFrame({"grp": ["a"] * 5 + ["b"] * 4})
    shares = np.array([0.1, 0.3, 0.2, 0.4, 0.15, 0.6, 0.8, 0.7, 0.5])
    gamma = np.column_stack([shares, 1 - shares]) * 0.5
    design, _ = quiet_design(meta, ["grp"], year=None)
    sims = 20_000
    effects = textstat_effects(gamma, design, n_sims=sims, seed=3)
    _matches_closed_form_composition(effects, meta, gamma, sims, seed=11)


def _matches_closed_form_composition(effects, meta, gamma, sims, seed):
    """The two-group composition simulated in closed form with numpy's own random numbers:
    each draw's group means ybar, the Pearson phi over n - 2, and a logit-normal draw around
    each mean; the table's estimate and bounds must agree with it."""
    got = effects[(effects.topic == 1) & (effects.kind == "prediction")].set_index("level")
    rng = np.random.default_rng(seed)
    y = rng.beta(gamma[:, 0], gamma[:, 1], (sims, len(gamma)))
    g = (meta.grp == "b").to_numpy().astype(int)
    ybar = np.column_stack([y[:, g == j].mean(axis=1) for j in (0, 1)])
    mu = ybar[:, g]
    phi = ((y - mu) ** 2 / (mu * (1 - mu))).sum(axis=1) / (len(g) - 2)
    for j, level in enumerate("ab"):
        sd = np.sqrt(phi / ((g == j).sum() * ybar[:, j] * (1 - ybar[:, j])))
        pred = expit(logit(ybar[:, j]) + sd * rng.standard_normal(sims))
        assert got.estimate[level] == pytest.approx(pred.mean(), abs=0.01)
        low, high = np.percentile(pred, [2.5, 97.5])
        assert logit(got.ci_low[level]) == pytest.approx(logit(low), abs=0.25)
        assert logit(got.ci_high[level]) == pytest.approx(logit(high), abs=0.25)


def test_a_zero_level_interval_is_the_median_draw():
    # level = 0: both bounds are the 50th percentile of the draws. With sharp posteriors a
    # group's prediction is expit of a normal draw around logit(group mean), whose median is
    # the group mean itself.
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year=None)
    effects = textstat_effects(np.column_stack([p, 1 - p]) * SHARP, design, n_sims=1000,
                               level=0.0)
    assert list(effects.columns) == ["topic", "covariate", "level", "kind", "estimate",
                                     "ci_low", "ci_high", "docs_carrying", "caveat"]
    assert (effects.ci_low == effects.ci_high).all()
    pred = effects[(effects.topic == 1) & (effects.kind == "prediction")].set_index("level")
    for level in ("a", "b"):
        assert pred.ci_low[level] == pytest.approx(p[meta.grp == level].mean(), abs=0.002)


def test_the_same_bytes_whatever_blas_threads_the_caller_allows():
    # Deterministic whatever the number of workers: the regressions run on one BLAS thread,
    # so a caller allowing two gets the same bytes (with two threads the sums of the matrix
    # products are split and differ in the last bits on a design of this size).
    threadpoolctl = pytest.importorskip("threadpoolctl")
    rng = np.random.default_rng(2)
    n = 300
    meta = pd.DataFrame({"grp": rng.choice(list("abc"), n), "year": rng.integers(2010, 2024, n)})
    gamma = rng.gamma(2, 1, (n, 8)) * 5
    design, _ = quiet_design(meta, ["grp"], year="year")
    runs = []
    for threads in (1, 2):
        with threadpoolctl.threadpool_limits(threads):
            runs.append(textstat_effects(gamma, design, n_sims=100, seed=4))
    pd.testing.assert_frame_equal(runs[0], runs[1], check_exact=True)


def test_the_same_bytes_with_any_number_of_worker_threads_and_new_draws_with_a_new_seed():
    rng = np.random.default_rng(3)
    n = 200
    meta = pd.DataFrame({"grp": rng.choice(list("ab"), n), "year": rng.integers(2012, 2024, n)})
    gamma = rng.gamma(2, 1, (n, 5)) * 4
    design, _ = quiet_design(meta, ["grp"], year="year")
    # 450 draws: four full batches and a short one, so the batches finish out of order
    runs = [textstat_effects(gamma, design, n_sims=450, seed=9, workers=w) for w in (1, 2, 3)]
    for other in runs[1:]:
        pd.testing.assert_frame_equal(runs[0], other, check_exact=True)
    moved = textstat_effects(gamma, design, n_sims=450, seed=10, workers=2)
    assert not np.allclose(moved["ci_low"], runs[0]["ci_low"])
    # the estimates of two seeds agree within their Monte Carlo error all the same
    assert np.abs(moved["estimate"] - runs[0]["estimate"]).max() < 0.02


def test_a_number_of_draws_that_is_not_a_multiple_of_the_batch():
    # 150 simulations: a batch of 100, then one of 50. With sharp posteriors each group's
    # prediction is close to its mean proportion, worked out here from the data.
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year=None)
    effects = textstat_effects(np.column_stack([p, 1 - p]) * SHARP, design, n_sims=150)
    pred = effects[(effects.topic == 1) & (effects.kind == "prediction")].set_index("level")
    for level in ("a", "b"):
        assert pred.estimate[level] == pytest.approx(p[meta.grp == level].mean(), abs=0.002)


def test_design_build_takes_the_year_column_by_default():
    # year="year" by default: with the years 2012-2021 the spline has one interior knot (the
    # median, 2016.5), so three knots and four columns beside the intercept and grp=b
    meta, _ = two_groups()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        design, dropped = design_build(meta, ["grp"])
    assert dropped == [] and design.year == "year"
    assert design.knots.tolist() == [2012, 2016.5, 2021]
    assert design.matrix().shape == (200, 6)


def test_alias_find_worked_by_hand():
    # a = (0, 1, 0, 1) and d = (1, -1, -1, 1) are orthogonal to the intercept and to each
    # other, so a column a + e d is a combination of (1, a) up to a residual of exactly |e|.
    # The tolerance is 1e-8 times the column's largest absolute value (at least 1).
    from digiwelfare.design import _alias_find

    one, a, d = np.ones(4), np.array([0.0, 1, 0, 1]), np.array([1.0, -1, -1, 1])
    assert _alias_find(np.column_stack([one, a, a + 1.5e-8 * d])) is None  # 1.5e-8 > 1e-8
    assert _alias_find(np.column_stack([one, a, a + 0.5e-8 * d])) == (2, [1])
    # a column of scale 4: the tolerance is 4e-8, so a residual of 2e-8 is aliasing
    assert _alias_find(np.column_stack([one, a, 4 * a + 2e-8 * d])) == (2, [1])
    assert _alias_find(np.column_stack([one, a, 2 * one - a])) == (2, [0, 1])
    assert _alias_find(np.column_stack([one, 3 * one, a])) == (1, [0])  # the second column
    assert _alias_find(np.column_stack([one, a, d])) is None


def test_design_notes_in_order_worked_by_hand():
    # sector has no values (dropped first), one document has no doc_type (left out), country
    # has one value (dropped before doc_type is looked at), doc_type has levels of 1 and 2
    # documents (reported, in one sentence) and one of exactly 5 (min_docs: not reported).
    meta, _ = three_types(n=60)
    meta["country"], meta["sector"] = "NO", " "
    meta.loc[0, "doc_type"] = "leaflet"
    meta.loc[1:2, "doc_type"] = "memo"
    meta.loc[3:7, "doc_type"] = "brief"
    meta.loc[10, "doc_type"] = pd.NA
    design, dropped = quiet_design(meta, ["country", "sector", "doc_type"], year=None)
    assert dropped == ["sector", "country"]
    assert design.notes == [
        "sector has no values in these documents: dropped",
        "left out 1 of 60 documents with no value for: doc_type (1)",
        "country has a single value here ('NO'): dropped",
        "doc_type: fewer than 5 documents for 'leaflet' (1), 'memo' (2); their estimates rest "
        "on very little"]
    assert design.categorical == ["doc_type"] and design.year is None and design.knots is None
    # the documents used, numbered anew, with the columns they were given
    assert list(design.meta.columns) == list(meta.columns)
    assert design.meta.index.tolist() == list(range(59))
    assert design.meta["doc_type"].tolist() == meta["doc_type"].drop(10).tolist()
    assert design.rows.tolist() == [i != 10 for i in range(60)]


def test_year_knots_by_the_number_of_distinct_years():
    # five distinct years: one interior knot, at the median year; three: no spline, a note
    grp = np.tile(["a", "b"], 10)
    five = pd.DataFrame({"grp": grp, "year": np.repeat(np.arange(2010, 2015), 4)})
    design, dropped = quiet_design(five, ["grp"], year="year")
    assert dropped == [] and design.knots.tolist() == [2010, 2012, 2014]
    skewed = five.assign(year=[2010] * 12 + [2011, 2011, 2012, 2012, 2013, 2013, 2014, 2014])
    assert quiet_design(skewed, ["grp"], year="year")[0].knots.tolist() == [2010, 2014]
    three = pd.DataFrame({"grp": grp, "year": np.repeat([2010, 2011, 2012], [7, 7, 6])})
    design, dropped = quiet_design(three, ["grp"], year="year")
    assert dropped == ["year"] and design.year is None and design.knots is None
    assert design.notes == ["year has 3 distinct values here, a spline needs 4: dropped"]


def test_aliasing_advice_names_every_partner_or_says_the_values_are_too_few():
    # scheme is s2 exactly where funded or pilot is yes (never both): its column is the sum
    # of theirs, worked by hand, so the advice names both partners
    meta = pd.DataFrame({"funded": ["no"] * 10 + ["yes"] * 4 + ["no"] * 4,
                         "pilot": ["no"] * 14 + ["yes"] * 4,
                         "scheme": ["s1"] * 10 + ["s2"] * 8})
    with pytest.warns(UserWarning) as caught:
        _, dropped = design_build(meta, ["funded", "pilot", "scheme"], year=None)
    assert dropped == ["scheme"]
    assert [str(w.message) for w in caught] == [
        "covariates are aliased: the column scheme=s2 equals a combination of funded=yes and "
        "pilot=yes in these documents, so their effects cannot be told apart. scheme is "
        "dropped; to keep it, remove funded or pilot from the covariates or merge levels"]
    # four distinct years, two of them 1e-10 apart: in effect three years for an intercept
    # and three spline columns, so the year is aliased with nothing but itself
    years = pd.DataFrame({"grp": np.tile(["a", "b"], 8),
                          "year": np.repeat([2010, 2011, 2012, 2012 + 1e-10], 4)})
    with pytest.warns(UserWarning) as caught:
        design, dropped = design_build(years, ["grp"], year="year")
    assert dropped == ["year"] and design.year is None
    assert str(caught[0].message).startswith("covariates are aliased: the column year (spline")
    assert str(caught[0].message).endswith(
        "year is dropped; its levels or years are too few to separate")


def test_the_aliasing_warning_names_the_callers_line():
    # stacklevel: the warning points at the line that called design_build, not at design.py.
    # Under mutmut each function is called through a trampoline, two frames more, so there
    # the line cannot be checked.
    import digiwelfare.design as design

    if hasattr(design, "x_design_build__mutmut_orig"):
        pytest.skip("mutmut's trampolines add frames between the caller and design_build")
    meta, _ = three_types()
    meta["country"] = np.where(meta.doc_type == "policy_document", "SE", "NO")
    with pytest.warns(UserWarning) as caught:
        design_build(meta, ["doc_type", "country"], year="year")
    assert caught[0].filename == __file__


def test_every_draw_follows_the_seeds_spawned_streams_worked_with_numpy():
    # The batch loop against numpy used directly. Two groups and no other covariate: the
    # design (intercept, b) is saturated, so each simulation's fit is closed-form: the group
    # means of the Dirichlet draw, and the covariance phi (X'WX)^-1 with W = mu (1 - mu) and
    # phi the Pearson X2 over n - 2. Batch i of 100 simulations draws from
    # default_rng(SeedSequence(1).spawn(3)[i]): first the gammas (simulation, document,
    # topic), then the normals (coefficient, simulation-major column). 250 draws: two full
    # batches and a half one. level = 1 makes the bounds the smallest and largest draw, so
    # one draw left out, unset or from another stream shows. The first call takes the
    # default seed (1) and workers (1), the second two threads.
    meta = pd.DataFrame({"grp": ["a"] * 5 + ["b"] * 4})
    shares = np.array([[0.1, 0.3, 0.6], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3], [0.4, 0.2, 0.4],
                       [0.15, 0.25, 0.6], [0.6, 0.1, 0.3], [0.5, 0.2, 0.3], [0.7, 0.1, 0.2],
                       [0.45, 0.35, 0.2]])
    gamma = shares * 20
    design, _ = quiet_design(meta, ["grp"], year=None)
    x = np.column_stack([np.ones(9), (meta.grp == "b").to_numpy(float)])
    np.testing.assert_array_equal(design.matrix(), x)
    sims, k = 250, 3
    pred = np.empty((sims, 2, k))  # levels a, b
    for i, stream in enumerate(np.random.SeedSequence(1).spawn(3)):
        rng = np.random.default_rng(stream)
        b = min(100, sims - 100 * i)
        g = rng.standard_gamma(np.broadcast_to(gamma, (b, 9, k)))
        y = g / g.sum(axis=2, keepdims=True)  # b x 9 x k
        z = rng.standard_normal((2, b * k))
        for s in range(b):
            for t in range(k):
                mu_a, mu_b = y[s, :5, t].mean(), y[s, 5:, t].mean()
                mu = np.where(x[:, 1] == 1, mu_b, mu_a)
                phi = ((y[s, :, t] - mu) ** 2 / (mu * (1 - mu))).sum() / (9 - 2)
                cov = phi * np.linalg.inv(x.T @ (x * (mu * (1 - mu))[:, None]))
                coef = np.array([logit(mu_a), logit(mu_b) - logit(mu_a)])
                coef = coef + np.linalg.cholesky(cov) @ z[:, s * k + t]
                pred[100 * i + s, :, t] = expit([coef[0], coef[0] + coef[1]])
    diff = pred[:, 1] - pred[:, 0]
    for got in (textstat_effects(gamma, design, n_sims=sims, level=1.0),
                textstat_effects(gamma, design, n_sims=sims, seed=1, level=1.0, workers=2)):
        for t in range(k):
            rows = got[got.topic == t + 1].set_index("kind")
            for j, level in enumerate("ab"):
                row = rows.loc["prediction"].set_index("level").loc[level]
                want = pred[:, j, t]
                assert row.estimate == pytest.approx(want.mean(), abs=1e-9)
                assert row.ci_low == pytest.approx(want.min(), abs=1e-9)
                assert row.ci_high == pytest.approx(want.max(), abs=1e-9)
            row = rows.loc["difference"]
            assert row.level == "b - a"
            assert row.estimate == pytest.approx(diff[:, t].mean(), abs=1e-9)
            assert row.ci_low == pytest.approx(diff[:, t].min(), abs=1e-9)
            assert row.ci_high == pytest.approx(diff[:, t].max(), abs=1e-9)


# --- fewer fits than draws (theta_draws) ----------------------------------------------------

def test_fits_shared_by_several_draws_still_match_an_independent_composition():
    # The vague case of the independent simulation above, where the topic proportions' own
    # uncertainty is most of the interval: 2,000 fits with 10 coefficient draws each must
    # give the intervals of the closed-form composition simulated with numpy alone.
    meta = pd.DataFrame({"grp": ["a"] * 5 + ["b"] * 4})
    shares = np.array([0.1, 0.3, 0.2, 0.4, 0.15, 0.6, 0.8, 0.7, 0.5])
    gamma = np.column_stack([shares, 1 - shares]) * 0.5
    design, _ = quiet_design(meta, ["grp"], year=None)
    effects = textstat_effects(gamma, design, n_sims=20_000, seed=5, theta_draws=2_000)
    _matches_closed_form_composition(effects, meta, gamma, 20_000, seed=12)


def test_one_fit_a_draw_is_the_default_and_shared_fits_repeat_their_draws_in_order():
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year="year")
    gamma = np.column_stack([p, 1 - p]) * 30
    base = textstat_effects(gamma, design, n_sims=300, seed=4)
    pd.testing.assert_frame_equal(
        base, textstat_effects(gamma, design, n_sims=300, seed=4, theta_draws=300),
        check_exact=True)
    # with SHARP posteriors every fit is the same, so 1 fit and 300 fits must agree within
    # the coefficient draws' Monte Carlo error, and one fit may never widen the interval
    sharp = np.column_stack([p, 1 - p]) * SHARP
    many = textstat_effects(sharp, design, n_sims=3000, seed=4)
    one = textstat_effects(sharp, design, n_sims=3000, seed=4, theta_draws=1)
    assert np.abs(many["estimate"] - one["estimate"]).max() < 0.005
    assert np.abs((many["ci_high"] - many["ci_low"]) - (one["ci_high"] - one["ci_low"])
                  ).max() < 0.01


def test_a_number_of_fits_that_does_not_divide_the_draws_is_named():
    meta, p = two_groups()
    design, _ = quiet_design(meta, ["grp"], year=None)
    with pytest.raises(ValueError, match="theta_draws=7 must divide n_sims=100"):
        textstat_effects(np.column_stack([p, 1 - p]) * 30, design, n_sims=100, theta_draws=7)


def test_theta_draws_auto_by_hand():
    from digiwelfare.effects import theta_draws_auto
    # 2,000,000 / 240 = 8,333 -> capped at 1,000; / 10,000 = 200; / 100,000 = 20 -> raised
    # to 25; / 3,000 = 666 -> 625, the largest divisor of 50,000 below it; never above n_sims
    assert [theta_draws_auto(n) for n in (240, 10_000, 100_000, 3_000)] == [1000, 200, 25, 625]
    assert theta_draws_auto(240, n_sims=30) == 30
    assert theta_draws_auto(100_000, n_sims=49) == 7
