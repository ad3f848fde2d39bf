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
