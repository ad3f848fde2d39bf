"""Estimates with their intervals as error bars (:func:`errorbar_intervals`), for every figure
that draws intervals: never failing on a rounding error, never clipping an interval. Split
from :mod:`digiwelfare.figures`, which draws with it as the validation and discourse figures
do."""

from __future__ import annotations

import numpy as np

#: How far outside its interval rounding may put an estimate (a Wilson interval's upper
#: bound at k = n comes out as 0.9999999999999999 while the share is 1.0).
ROUNDING = 1e-9


def errorbar_intervals(ax, x, y, low, high, axis: str = "x", **style):
    """``ax.errorbar`` of estimates ``x`` at positions ``y`` with their intervals ``[low,
    high]`` along ``axis`` ("x": horizontal bars, "y": vertical), never failing and never
    clipping an interval: an estimate a rounding error outside its interval gets an arm of
    length 0 there (matplotlib refuses a negative one), and an interval that truly leaves
    its estimate outside (a bootstrap percentile interval can) is drawn whole as a line
    from ``low`` to ``high`` beside the marker on its arm of 0. Returns the errorbar's
    container."""
    x, y, low, high = (np.asarray(v, float) for v in (x, y, low, high))
    below, above = x - low, high - x
    arms = [np.clip(below, 0, None), np.clip(above, 0, None)]
    container = ax.errorbar(*((x, y) if axis == "x" else (y, x)),
                            **{f"{axis}err": arms}, **style)
    outside = (below < -ROUNDING) | (above < -ROUNDING)
    if outside.any():
        lines = ax.hlines if axis == "x" else ax.vlines
        lines(y[outside], low[outside], high[outside], color=container[0].get_color(),
              linewidth=1.0)
    return container
