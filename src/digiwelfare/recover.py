"""RecoverL2 (Arora et al. 2013): the topics from the word co-occurrence matrix and the
anchor words, step 2 of :mod:`digiwelfare.engine`. For each word, the convex weights that best
rebuild its co-occurrence row from the anchor rows are found by accelerated projected
gradient (FISTA, Beck & Teboulle 2009) with the simplex projection of Duchi et al. (2008);
then ``p(word | topic) ~ C_ik p(word)``.
"""

from __future__ import annotations

import numpy as np


def _simplex_project(y: np.ndarray) -> np.ndarray:
    """Euclidean projection of each row of ``y`` onto the probability simplex (Duchi et al.
    2008)."""
    u = -np.sort(-y, axis=1)
    css = np.cumsum(u, axis=1) - 1.0
    ind = np.arange(1, y.shape[1] + 1)
    rho = np.count_nonzero(u - css / ind > 0, axis=1)
    tau = css[np.arange(y.shape[0]), rho - 1] / rho
    return np.maximum(y - tau[:, None], 0.0)


def topics_recover(q: np.ndarray, anchors: np.ndarray, iterations: int = 50) -> np.ndarray:
    """RecoverL2 (Arora et al. 2013): topic-word probabilities, K x V, rows summing to one,
    from ``Q`` and the anchor words."""
    p_w = q.sum(axis=1)
    qbar = q / np.where(p_w > 0, p_w, 1.0)[:, None]
    x = qbar[anchors]  # K x V
    xx = x @ x.T
    xy = qbar @ x.T  # V x K
    step = 1.0 / np.linalg.eigvalsh(xx)[-1]
    c = np.full((q.shape[0], len(anchors)), 1.0 / len(anchors))
    y, t = c, 1.0
    for _ in range(iterations):  # FISTA on 0.5 ||qbar_i - c_i' x||^2 over the simplex
        c_next = _simplex_project(y - step * (y @ xx - xy))
        t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
        y = c_next + (t - 1) / t_next * (c_next - c)
        c, t = c_next, t_next
    a = c * p_w[:, None]
    return (a / np.maximum(a.sum(axis=0), 1e-300)).T
