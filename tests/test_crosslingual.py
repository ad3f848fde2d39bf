"""Topics matched across languages: correlations and intervals as scipy gives them, the
Hungarian pairing recovers a planted permutation, and category profiles by hand."""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import pearsonr

from digiwelfare.crosslingual import (
    textstat_topic_categories,
    textstat_topic_correlation,
    textstat_topic_match,
    textstat_topic_profile_similarity,
    topics_match,
)
from digiwelfare.dictionaries import Entry


def wide(theta, ids):
    table = pd.DataFrame(theta, columns=[str(k) for k in range(1, theta.shape[1] + 1)])
    table.insert(0, "id", ids)
    return table


def planted(n_docs=60, k=4, permutation=(2, 0, 3, 1), noise=0.05, seed=0):
    """English proportions, and Norwegian ones that are the same topics in another order,
    with noise, for the shared documents (plus documents each model holds alone)."""
    rng = np.random.default_rng(seed)
    theta = rng.dirichlet(np.full(k, 0.5), size=n_docs)
    other = theta[:, np.argsort(permutation)] + rng.normal(0, noise, size=theta.shape)
    other = np.clip(other, 1e-6, None)
    other /= other.sum(1, keepdims=True)
    ids = [f"d{i:03d}" for i in range(n_docs)]
    en = wide(np.vstack([theta, rng.dirichlet(np.ones(k), size=5)]),
              ids + [f"en{i}" for i in range(5)])
    nb = wide(np.vstack([other, rng.dirichlet(np.ones(k), size=7)]),
              ids + [f"nb{i}" for i in range(7)])
    return en, nb, theta, other


def test_correlations_and_intervals_are_scipys_over_the_shared_documents():
    en, nb, theta, other = planted()
    table = textstat_topic_correlation(en, nb)
    assert len(table) == 16 and (table["documents"] == 60).all()
    for row in table.itertuples(index=False):
        ref = pearsonr(theta[:, row.topic_en - 1], other[:, row.topic_nb - 1])
        ci = ref.confidence_interval(0.95)
        assert row.value == pytest.approx(ref.statistic)
        assert (row.ci_low, row.ci_high) == pytest.approx((ci.low, ci.high))


def test_hungarian_matching_recovers_the_planted_pairs():
    en, nb, *_ = planted(permutation=(2, 0, 3, 1))
    matched = topics_match(textstat_topic_correlation(en, nb)).query("matched")
    # English topic t is Norwegian topic permutation[t - 1] + 1
    assert dict(zip(matched.topic_en, matched.topic_nb, strict=True)) == {1: 3, 2: 1, 3: 4, 4: 2}
    assert (matched["value"] > 0.9).all()


def test_matching_takes_the_best_total_not_each_rows_best():
    sim = pd.DataFrame({"topic_en": [1, 1, 2, 2], "topic_nb": [1, 2, 1, 2],
                        "value": [0.9, 0.8, 0.85, 0.1]})
    matched = topics_match(sim).query("matched")
    # greedy would pair 1-1 (0.9) and 2-2 (0.1) = 1.0; the best total is 0.8 + 0.85
    assert set(zip(matched.topic_en, matched.topic_nb, strict=True)) == {(1, 2), (2, 1)}


def test_category_profiles_and_their_similarity_by_hand():
    vocab = ["care", "caregiver", "stress", "kontroll", "omsorg", "omsorgs", "x"]
    phi = np.array([[0.5, 0.1, 0.1, 0.0, 0.0, 0.0, 0.3],
                    [0.0, 0.0, 0.6, 0.2, 0.0, 0.0, 0.2]])
    lexicon = {"care": {"en": [Entry("care*", ("care*",)), Entry("home care", ("home", "care"))]},
               "strain": {"en": [Entry("stress", ("stress",))]},
               "empty": {"en": [Entry("nothing", ("nothing",))]}}
    profile = textstat_topic_categories(phi, vocab, lexicon, "en")
    mass = profile.set_index(["topic", "category"])["mass"]
    assert mass[(1, "care")] == pytest.approx(0.6)  # care + caregiver; the phrase is skipped
    assert mass[(2, "strain")] == pytest.approx(0.6) and mass[(1, "empty")] == 0
    sim = textstat_topic_profile_similarity(profile, profile)
    value = sim.set_index(["topic_en", "topic_nb"])["value"]
    a, b = np.array([0.0, 0.6, 0.1]), np.array([0.0, 0.0, 0.6])  # empty, care, strain
    assert value[(1, 2)] == pytest.approx(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
    assert value[(1, 1)] == pytest.approx(1.0)


def test_the_match_table_holds_both_routes_with_labels():
    en, nb, *_ = planted()
    profile = pd.DataFrame({"topic": [1, 1, 2, 2, 3, 3, 4, 4], "category": ["a", "b"] * 4,
                            "mass": [1, 0, 0, 1, 1, 1, 0.5, 0]})
    table = textstat_topic_match(textstat_topic_correlation(en, nb),
                                 textstat_topic_profile_similarity(profile, profile),
                                 {k: f"E{k}" for k in range(1, 5)},
                                 {k: f"N{k}" for k in range(1, 5)})
    assert list(table.columns) == ["route", "topic_en", "label_en", "topic_nb", "label_nb",
                                   "value", "ci_low", "ci_high", "documents", "matched"]
    assert table.groupby("route")["matched"].sum().to_dict() == {"dictionary": 4, "documents": 4}
    assert table.loc[0, "label_en"] == "E1"
    assert table["ci_low"][table.route == "dictionary"].isna().all()


def test_models_with_different_numbers_of_topics():
    en, nb, theta, other = planted()
    table = textstat_topic_correlation(en, nb[["id", "1", "2", "3"]])
    assert len(table) == 12 and table.topic_nb.max() == 3
    row = table[(table.topic_en == 4) & (table.topic_nb == 2)].iloc[0]
    assert row.value == pytest.approx(pearsonr(theta[:, 3], other[:, 1]).statistic)


def test_too_few_shared_documents_give_no_interval():
    en, nb, *_ = planted()
    table = textstat_topic_correlation(en.iloc[:3].assign(id=["a", "b", "c"]),
                                       nb.iloc[:3].assign(id=["a", "b", "c"]))
    assert table["ci_low"].isna().all() and table["value"].notna().all()
