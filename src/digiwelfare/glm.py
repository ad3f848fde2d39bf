"""The fractional logit of :mod:`digiwelfare.effects`: a quasi-binomial generalised linear
model with a logit link (Papke & Wooldridge 1996; McCullagh & Nelder 1989, ch. 9), fitted
for many response columns at once by iteratively reweighted least squares.

The method of composition fits it thousands of times on the same design (one column per
topic and simulation), so the fit works on the design's distinct rows, lets each column stop
at its own convergence, and shares the work of columns that start alike.
"""

from __future__ import annotations

import numpy as np


def glm_logit_fit(x: np.ndarray, y: np.ndarray, start: np.ndarray | None = None,
                  tol: float = 1e-10, max_iter: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """Quasi-binomial GLM with logit link for every column of ``y`` at once, by iteratively
    reweighted least squares (McCullagh & Nelder 1989, sec. 2.5).

    ``x`` is N x P, ``y`` N x K proportions in [0, 1]. Returns the coefficients (P x K) and
    their covariance matrices (K x P x P): ``phi (X'WX)^-1`` with ``phi`` the Pearson
    chi-square over ``N - P``, as ``statsmodels`` ``GLM(family=Binomial()).fit(scale="X2")``.

    Documents with the same row of ``x`` share their fitted mean and weight, so each iteration
    works on the U distinct rows (with their counts and summed ``y``): the same sums as over
    all N documents, in another order.
    """
    n, p = x.shape
    if n <= p:  # no residual degree of freedom: phi and the covariances are undefined
        raise ValueError(f"{n} documents for {p} coefficients: the effects need more documents "
                         "than coefficients; drop a covariate or add documents")
    beta = np.zeros((p, y.shape[1])) if start is None else start.copy()
    xu, inverse, counts = np.unique(x, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    group = np.zeros((len(xu), n))
    group[inverse, np.arange(n)] = 1.0
    y_sum = group @ y  # U x K: y summed over the documents of each distinct row
    c = counts.astype(float)[:, None]
    # X'WX of every column as one matrix product: the upper triangle of each row's x x'
    # (U x P(P+1)/2), weighted by count * w
    upper = np.triu_indices(p)
    outer = xu[:, upper[0]] * xu[:, upper[1]] * c

    def xtwx(w):
        tri = w.T @ outer
        out = np.empty((w.shape[1], p, p))
        out[:, upper[0], upper[1]] = tri
        out[:, upper[1], upper[0]] = tri
        return out

    # Each column stops once its own change is below tol (IRLS converges quadratically, so
    # what is left is of the order of tol squared); the others iterate on.
    active = np.arange(y.shape[1])
    for it in range(max_iter):
        b = beta[:, active]
        # Columns with the same coefficients share eta, mu, w and X'WX: at the first
        # iteration those started alike (every simulation of a topic starts at its estimate)
        shared, column = np.unique(b, axis=1, return_inverse=True) if it == 0 else (b, None)
        eta = xu @ shared
        mu = np.clip(expit(eta), 1e-10, 1 - 1e-10)
        w = mu * (1 - mu)
        a = xtwx(w)
        if column is not None:  # one matrix per group of columns, with their right-hand sides
            column = column.reshape(-1)
            eta, mu, w = eta[:, column], mu[:, column], w[:, column]
        xtwz = (c * (w * eta - mu) + y_sum[:, active]).T @ xu  # X'Wz, z = eta + (y - mu) / w
        if column is None:
            new = np.linalg.solve(a, xtwz[:, :, None])[..., 0].T
        else:
            new = np.empty_like(b)
            for j in range(len(a)):
                new[:, column == j] = np.linalg.solve(a[j], xtwz[column == j].T)
        change = np.abs(new - b).max(axis=0)
        beta[:, active] = new
        active = active[change >= tol]
        if not len(active):
            break
    mu = np.clip(expit(xu @ beta), 1e-10, 1 - 1e-10)
    w = mu * (1 - mu)
    phi = ((y - mu[inverse]) ** 2 / w[inverse]).sum(axis=0) / (n - p)
    return beta, np.linalg.inv(xtwx(w)) * phi[:, None, None]


def expit(v: np.ndarray) -> np.ndarray:
    """The logistic function, as scipy's ``expit`` but several times faster on large arrays
    (``exp`` overflows to inf for v < -709, which gives the right limit, 0). In place on a
    copy: one temporary array instead of three."""
    out = np.negative(v)
    with np.errstate(over="ignore"):
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)
