"""The fractional logit of :mod:`digiwelfare.effects`: a quasi-binomial generalised linear
model with a logit link (Papke & Wooldridge 1996; McCullagh & Nelder 1989, ch. 9), fitted
for many response columns at once by iteratively reweighted least squares.

The method of composition fits it thousands of times on the same design (one column per
topic and simulation), so the fit works on the design's distinct rows, lets each column stop
at its own convergence, and shares the work of columns that start alike. The weighted
cross-products of every column are one matrix product (BLAS); the small P x P systems are
solved by a compiled Cholesky factorisation (numba), which numpy's batched solver does several
times more slowly at this size.
"""

from __future__ import annotations

import numba
import numpy as np


def glm_logit_fit(x: np.ndarray, y: np.ndarray, start: np.ndarray | None = None,
                  tol: float = 1e-10, max_iter: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """Quasi-binomial GLM with logit link for every column of ``y`` at once, by iteratively
    reweighted least squares (McCullagh & Nelder 1989, sec. 2.5).

    ``x`` is N x P, ``y`` N x K proportions in [0, 1]. Returns the coefficients (P x K) and
    their covariance matrices (K x P x P): ``phi (X'WX)^-1`` with ``phi`` the Pearson
    chi-square over ``N - P``, as ``statsmodels`` ``GLM(family=Binomial()).fit(scale="X2")``.

    Each iteration is the Newton (Fisher scoring) step ``b + (X'WX)^-1 X'(y - mu)``, the
    IRLS update written so that ``X'y`` is computed once. Documents with the same row of
    ``x`` share their fitted mean and weight, so each iteration works on the U distinct rows
    (with their counts): the same sums as over all N documents, in another
    order. Each column stops once its own change is below ``tol``.
    """
    n, p = x.shape
    if n <= p:  # no residual degree of freedom: phi and the covariances are undefined
        raise ValueError(f"{n} documents for {p} coefficients: the effects need more documents "
                         "than coefficients; drop a covariate or add documents")
    y = np.ascontiguousarray(y, dtype=float)
    beta = np.zeros((p, y.shape[1])) if start is None else np.array(start, dtype=float)
    xu, inverse, counts = np.unique(x, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    xty = y.T @ x  # K x P: X'y, the same at every iteration
    c = counts.astype(float)[:, None]
    # X'WX of every column as one matrix product: the upper triangle of each row's x x'
    # (U x P(P+1)/2), weighted by count * w; the solver reads that packed triangle
    upper = np.triu_indices(p)
    outer = xu[:, upper[0]] * xu[:, upper[1]] * c

    active = np.arange(y.shape[1])
    for it in range(max_iter):
        b = beta[:, active]
        # Columns with the same coefficients share mu, w and X'WX: at the first iteration
        # those started alike (every simulation of a topic starts at its estimate)
        shared, column = _columns_group(b) if it == 0 else (b, None)
        mu, w = _mean_weight(xu @ shared)
        fitted = (c * mu).T @ xu  # X'mu
        if column is None:
            column = np.arange(len(active))
        else:
            fitted = fitted[column]
        step = _newton_solve(w.T @ outer, column, xty[active] - fitted, p)
        beta[:, active] = b + step.T
        active = active[np.abs(step).max(axis=1) >= tol]
        if not len(active):
            break
    mu, w = _mean_weight(xu @ beta)
    phi = _pearson(y, mu, w, inverse) / (n - p)
    return beta, _cov_scaled(w.T @ outer, phi, p)


def _columns_group(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns of ``b`` and, for each column, which one it is (as
    ``np.unique(b, axis=1, return_inverse=True)``, found on the first row and then checked,
    which is much faster when the first row tells the columns apart)."""
    _, first, which = np.unique(b[0], return_index=True, return_inverse=True)
    shared = b[:, first]
    if np.array_equal(shared[:, which], b):
        return shared, which.reshape(-1)
    shared, which = np.unique(b, axis=1, return_inverse=True)
    return shared, which.reshape(-1)


def _mean_weight(eta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The fitted mean, kept inside (1e-10, 1 - 1e-10), and the IRLS weight mu (1 - mu)."""
    mu = expit(eta)
    np.clip(mu, 1e-10, 1 - 1e-10, out=mu)
    return mu, mu * (1 - mu)


def _newton_solve(tri: np.ndarray, which: np.ndarray, rhs: np.ndarray, p: int) -> np.ndarray:
    """Solve ``A[which[m]] s = rhs[m]`` for every m, each A given by its packed upper triangle
    (a row of ``tri``); a system that is not numerically positive definite is handed to
    numpy's LU solver (which raises if it is singular)."""
    step, ok = _solve_packed(tri, which, rhs, p)
    for m in np.flatnonzero(~ok):
        step[m] = np.linalg.solve(_unpack(tri[which[m]], p), rhs[m])
    return step


def _cov_scaled(tri: np.ndarray, phi: np.ndarray, p: int) -> np.ndarray:
    """``phi[m] * inv(A[m])`` for each packed A (K x P x P), by Cholesky; numpy's inverse
    where a matrix is not numerically positive definite."""
    cov, ok = _inv_packed(tri, phi, p)
    for m in np.flatnonzero(~ok):
        cov[m] = np.linalg.inv(_unpack(tri[m], p)) * phi[m]
    return cov


def _unpack(packed: np.ndarray, p: int) -> np.ndarray:
    out = np.empty((p, p))
    upper = np.triu_indices(p)
    out[upper] = packed
    out[upper[1], upper[0]] = packed
    return out


@numba.njit(cache=True, nogil=True)
def _cholesky_packed(packed, p, low):
    """Lower Cholesky factor of the symmetric matrix whose upper triangle is ``packed``
    (row by row) into ``low``; False if a pivot is not positive."""
    for i in range(p):
        for j in range(i + 1):
            # element (j, i) of the upper triangle, row j starting at j * p - j * (j - 1) / 2
            s = packed[j * p - (j * (j - 1)) // 2 + i - j]
            for q in range(j):
                s -= low[i, q] * low[j, q]
            if i == j:
                if not s > 0.0:
                    return False
                low[i, i] = np.sqrt(s)
            else:
                low[i, j] = s / low[j, j]
    return True


@numba.njit(cache=True, nogil=True)
def _solve_packed(tri, which, rhs, p):
    m_all = rhs.shape[0]
    out = np.zeros((m_all, p))
    ok = np.ones(m_all, dtype=np.bool_)
    low = np.zeros((p, p))
    z = np.empty(p)
    for m in range(m_all):
        if not _cholesky_packed(tri[which[m]], p, low):
            ok[m] = False
            continue
        for i in range(p):  # L z = rhs
            s = rhs[m, i]
            for q in range(i):
                s -= low[i, q] * z[q]
            z[i] = s / low[i, i]
        for i in range(p - 1, -1, -1):  # L' s = z
            s = z[i]
            for q in range(i + 1, p):
                s -= low[q, i] * out[m, q]
            out[m, i] = s / low[i, i]
    return out, ok


@numba.njit(cache=True, nogil=True)
def _inv_packed(tri, phi, p):
    m_all = tri.shape[0]
    out = np.zeros((m_all, p, p))
    ok = np.ones(m_all, dtype=np.bool_)
    low = np.zeros((p, p))
    li = np.zeros((p, p))
    for m in range(m_all):
        if not _cholesky_packed(tri[m], p, low):
            ok[m] = False
            continue
        li[:, :] = 0.0  # inverse of the lower factor, by forward substitution
        for j in range(p):
            li[j, j] = 1.0 / low[j, j]
            for i in range(j + 1, p):
                s = 0.0
                for q in range(j, i):
                    s -= low[i, q] * li[q, j]
                li[i, j] = s / low[i, i]
        for i in range(p):  # inv(A) = inv(L)' inv(L)
            for j in range(i + 1):
                s = 0.0
                for q in range(i, p):
                    s += li[q, i] * li[q, j]
                out[m, i, j] = s * phi[m]
                out[m, j, i] = s * phi[m]
    return out, ok


@numba.njit(cache=True, nogil=True)
def _pearson(y, mu, w, inverse):
    """Pearson chi-square of every column: sum over documents of (y - mu)^2 / w, with each
    document's mu and w those of its distinct design row."""
    n, k = y.shape
    out = np.zeros(k)
    for i in range(n):
        u = inverse[i]
        for m in range(k):
            r = y[i, m] - mu[u, m]
            out[m] += r * r / w[u, m]
    return out


def expit(v: np.ndarray) -> np.ndarray:
    """The logistic function, as scipy's ``expit`` but several times faster on large arrays
    (``exp`` overflows to inf for v < -709, which gives the right limit, 0). In place on a
    copy: one temporary array instead of three."""
    out = np.negative(v)
    with np.errstate(over="ignore"):
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)
