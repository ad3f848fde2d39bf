"""The BCa intervals of pooled rates against scipy.stats.bootstrap's, resample for resample."""

import warnings

import numpy as np
import pytest
from scipy.stats import bootstrap

from digiwelfare.bca import rates_difference_bca


def _scipy(a, b, n_boot, rng):
    def statistic(ia, ib, axis=-1):
        with np.errstate(divide="ignore", invalid="ignore"):
            ra = 1000 * a[0][ia].sum(-1) / a[1][ia].sum(-1)
            rb = 1000 * b[0][ib].sum(-1) / b[1][ib].sum(-1)
            return np.stack([ra - rb, np.log(ra / rb)])

    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")
        ci = bootstrap((np.arange(len(a[0])), np.arange(len(b[0]))), statistic,
                       n_resamples=n_boot, method="BCa", vectorized=True,
                       rng=rng, batch=500).confidence_interval
    return np.asarray(ci.low, float), np.asarray(ci.high, float)


def _group(rng, n, rate):
    tokens = rng.integers(50, 400, n).astype(float)
    return rng.binomial(tokens.astype(int), rate).astype(float), tokens


@pytest.mark.parametrize("n_a, n_b, rate_a, rate_b, n_boot, equal", [
    (25, 30, 0.01, 0.02, 2000, False), (120, 7, 0.005, 0.005, 1200, False),
    (40, 40, 0.0, 0.01, 1000, False), (3, 200, 0.05, 0.001, 700, False),
    # equal document lengths: many resamples tie with the estimate (z0 counts ties half)
    (6, 5, 0.02, 0.01, 999, True),
    # two documents a group, the fewest a resampling of documents can take
    (2, 2, 0.03, 0.01, 800, False)])
def test_intervals_are_scipys(n_a, n_b, rate_a, rate_b, n_boot, equal):
    rng = np.random.default_rng(n_a + n_b)
    a, b = _group(rng, n_a, rate_a), _group(rng, n_b, rate_b)
    if equal:
        a = (rng.binomial(100, rate_a, n_a).astype(float), np.full(n_a, 100.0))
        b = (rng.binomial(100, rate_b, n_b).astype(float), np.full(n_b, 100.0))
    low, high = rates_difference_bca(a, b, n_boot, np.random.default_rng(9))
    ref_low, ref_high = _scipy(a, b, n_boot, np.random.default_rng(9))
    np.testing.assert_allclose(low, ref_low, rtol=1e-9, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(high, ref_high, rtol=1e-9, atol=1e-12, equal_nan=True)
    assert np.isfinite(low[0]) and low[0] < high[0]  # the difference always has an interval


def test_every_resample_the_same_gives_no_interval():
    same = (np.array([2.0, 2.0, 2.0]), np.array([100.0, 100.0, 100.0]))
    low, high = rates_difference_bca(same, same, 300, np.random.default_rng(1))
    assert np.isnan(low[0]) and np.isnan(high[0])


def test_two_categories_drawn_from_one_generator_stay_in_step_with_scipy():
    rng = np.random.default_rng(4)
    groups = [(_group(rng, 30, 0.01), _group(rng, 20, 0.02)) for _ in range(2)]
    ours, theirs = np.random.default_rng(5), np.random.default_rng(5)
    for a, b in groups:
        mine = rates_difference_bca(a, b, 600, ours)
        ref = _scipy(a, b, 600, theirs)
        np.testing.assert_allclose(mine[0], ref[0], rtol=1e-9, equal_nan=True)
        np.testing.assert_allclose(mine[1], ref[1], rtol=1e-9, equal_nan=True)


def test_a_group_of_one_document_is_refused():
    one = (np.array([1.0]), np.array([100.0]))
    two = (np.array([1.0, 2.0]), np.array([100.0, 120.0]))
    with pytest.raises(ValueError, match="at least two"):
        rates_difference_bca(one, two, 100, np.random.default_rng(1))
