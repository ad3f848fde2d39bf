"""Multiple-testing adjustments shared by every statistic that tests many terms at once."""

from __future__ import annotations

import numpy as np


def p_adjust_holm(p_values) -> np.ndarray:
    """Holm's (1979) step-down adjustment (family-wise error rate).

    The k-th smallest of m p-values is multiplied by ``m - k + 1``; a running maximum keeps
    the order, and nothing exceeds 1. NaN p-values stay NaN and do not count in m.

    >>> p_adjust_holm([0.01, 0.04, 0.03, 0.5]).round(2).tolist()
    [0.04, 0.09, 0.09, 0.5]
    """
    p = np.asarray(p_values, float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    order = ok[np.argsort(p[ok], kind="stable")]
    scaled = np.minimum(1.0, (m - np.arange(m)) * p[order])
    out[order] = np.maximum.accumulate(scaled)
    return out


def p_adjust_bh(p_values) -> np.ndarray:
    """Benjamini & Hochberg's (1995) adjustment (false discovery rate).

    The k-th smallest of m p-values is multiplied by ``m / k``; a running minimum from the
    largest keeps the order, and nothing exceeds 1. NaN p-values stay NaN and do not count.
    """
    p = np.asarray(p_values, float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    order = ok[np.argsort(p[ok], kind="stable")]
    ranked = p[order] * m / np.arange(1, m + 1)
    out[order] = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    return out
