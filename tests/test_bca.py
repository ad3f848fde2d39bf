"""The BCa intervals of pooled rates against scipy.stats.bootstrap's, resample for resample."""

import warnings

import numpy as np
import pytest
from scipy.stats import bootstrap

from digiwelfare.bca import rates_difference_bca


def _scipy(a, b, n_boot, seed):
    def statistic(ia, ib, axis=-1):
        with np.errstate(divide="ignore", invalid="ignore"):
            ra = 1000 * a[0][ia].sum(-1) / a[1][ia].sum(-1)
            rb = 1000 * b[0][ib].sum(-1) / b[1][ib].sum(-1)
            return np.stack([ra - rb, np.log(ra / rb)])

    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")
        ci = bootstrap((np.arange(len(a[0])), np.arange(len(b[0]))), statistic,
                       n_resamples=n_boot, method="BCa", vectorized=True,
                       rng=np.random.default_rng(seed), batch=500).confidence_interval
    return np.asarray(ci.low, float), np.asarray(ci.high, float)


def _group(rng, n, rate):
    tokens = rng.integers(50, 400, n).astype(float)
    return rng.binomial(tokens.astype(int), rate).astype(float), tokens


@pytest.mark.parametrize("n_a, n_b, rate_a, rate_b, n_boot", [
    (25, 30, 0.01, 0.02, 2000), (120, 7, 0.005, 0.005, 1200), (40, 40, 0.0, 0.01, 1000),
    (3, 200, 0.05, 0.001, 700)])
def test_intervals_are_scipys(n_a, n_b, rate_a, rate_b, n_boot):
    rng = np.random.default_rng(n_a + n_b)
    a, b = _group(rng, n_a, rate_a), _group(rng, n_b, rate_b)
    low, high = rates_difference_bca(a, b, n_boot, np.random.default_rng(9))
    ref_low, ref_high = _scipy(a, b, n_boot, 9)
    np.testing.assert_allclose(low, ref_low, rtol=1e-9, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(high, ref_high, rtol=1e-9, atol=1e-12, equal_nan=True)
    assert np.isfinite(low[0]) and low[0] < high[0]  # the difference always has an interval


def test_every_resample_the_same_gives_no_interval():
    same = (np.array([2.0, 2.0, 2.0]), np.array([100.0, 100.0, 100.0]))
    low, high = rates_difference_bca(same, same, 300, np.random.default_rng(1))
    assert np.isnan(low[0]) and np.isnan(high[0])
