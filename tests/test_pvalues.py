"""Holm and Benjamini-Hochberg against statsmodels and a case worked by hand."""

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from digiwelfare.pvalues import p_adjust_bh, p_adjust_holm


def test_holm_and_bh_by_hand():
    assert np.allclose(p_adjust_holm([0.01, 0.04, 0.03, 0.5]), [0.04, 0.09, 0.09, 0.5])
    # sorted p: 0.01, 0.03, 0.04, 0.5 -> p*m/rank: 0.04, 0.06, 0.0533, 0.5 -> running minimum
    # from the largest: 0.04, 0.0533, 0.0533, 0.5; back in the original order:
    assert p_adjust_bh([0.01, 0.04, 0.03, 0.5]).tolist() == pytest.approx(
        [0.04, 0.16 / 3, 0.16 / 3, 0.5])


def test_adjustments_agree_with_statsmodels():
    p = np.random.default_rng(3).uniform(0, 0.2, 40) ** 2
    assert p_adjust_holm(p) == pytest.approx(multipletests(p, method="holm")[1])
    assert p_adjust_bh(p) == pytest.approx(multipletests(p, method="fdr_bh")[1])


def test_nan_and_empty_inputs():
    out = p_adjust_holm([0.01, np.nan, 0.02])
    assert np.isnan(out[1]) and out[[0, 2]].tolist() == pytest.approx([0.02, 0.02])
    assert np.isnan(p_adjust_bh([np.nan, 0.5])[0])
    assert len(p_adjust_holm([])) == 0 and len(p_adjust_bh([])) == 0


def test_holm_caps_at_one_and_missing_values_may_be_none():
    # Holm by hand: sorted 0.4, 0.5, 0.6 times 3, 2, 1 = 1.2, 1.0, 0.6; running maximum
    # 1.2, 1.2, 1.2; capped at 1. BH: 0.4 * 3 / 1, 0.5 * 3 / 2, 0.6 = 1.2, 0.75, 0.6; running
    # minimum from the largest: 0.6 everywhere.
    p = [0.6, 0.4, 0.5]
    assert p_adjust_holm(p).tolist() == [1.0, 1.0, 1.0]
    assert multipletests(p, method="holm")[1].tolist() == [1.0, 1.0, 1.0]
    assert p_adjust_bh(p).tolist() == pytest.approx([0.6, 0.6, 0.6])
    # None (a missing p-value from an object column) is NaN, as NaN is
    for adjust, method in ((p_adjust_holm, "holm"), (p_adjust_bh, "fdr_bh")):
        out = adjust([0.01, None, 0.03, 0.02])
        assert np.isnan(out[1])
        assert out[[0, 2, 3]] == pytest.approx(multipletests([0.01, 0.03, 0.02], method=method)[1])
