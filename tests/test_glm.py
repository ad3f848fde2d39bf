import math
import warnings

import numpy as np
import pytest
from scipy.special import expit as expit_scipy

from digiwelfare.glm import expit, glm_logit_fit

# --- the regression -------------------------------------------------------------------------

def _assert_matches_statsmodels(x, y, beta, cov, atol=0.0):
    """Every column of a fit against statsmodels' quasi-binomial GLM (a binomial family with
    the scale estimated by Pearson's chi-square): coefficients and their covariance."""
    import statsmodels.api as sm

    for k in range(y.shape[1]):
        ref = sm.GLM(y[:, k], x, family=sm.families.Binomial()).fit(scale="X2")
        np.testing.assert_allclose(beta[:, k], ref.params, rtol=1e-7, atol=atol)
        np.testing.assert_allclose(cov[k], ref.cov_params(), rtol=1e-6)


def test_glm_matches_statsmodels_quasi_binomial():

    rng = np.random.default_rng(3)
    n = 150
    x = np.column_stack([np.ones(n), rng.integers(0, 2, n), rng.normal(size=n)])
    y = np.column_stack([expit_scipy(x @ b + rng.normal(0, 0.4, n))
                         for b in ([-1.0, 0.8, 0.3], [-2.5, -0.5, 1.0])])
    beta, cov = glm_logit_fit(x, y)
    _assert_matches_statsmodels(x, y, beta, cov)


def test_glm_on_repeated_design_rows_matches_statsmodels():
    # Categorical covariates only: many documents share a design row, which the fit groups;
    # the columns of y converge at different speeds (one is nearly constant).

    rng = np.random.default_rng(5)
    n = 90
    grp, region = rng.integers(0, 2, n), rng.integers(0, 3, n)
    x = np.column_stack([np.ones(n), grp, region == 1, region == 2]).astype(float)
    y = np.column_stack([expit_scipy(x @ [-1.2, 0.7, 0.4, -0.3] + rng.normal(0, 0.5, n)),
                         np.clip(0.02 + rng.normal(0, 0.002, n), 0, 1),
                         rng.uniform(0, 1, n)])
    assert len(np.unique(x, axis=0)) == 6
    beta, cov = glm_logit_fit(x, y, start=np.full((4, 3), 0.5))
    _assert_matches_statsmodels(x, y, beta, cov, atol=1e-9)


def test_fast_expit_matches_scipy_including_the_tails():
    v = np.array([-800.0, -40.0, -1.5, 0.0, 2.0, 35.0, 800.0])
    np.testing.assert_allclose(expit(v), expit_scipy(v), rtol=1e-15, atol=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # exp(800) overflows to inf without a warning
        out = expit(v)
    assert out.dtype == float and v[0] == -800.0  # the input is left as it was


# --- the compiled pieces of the fit -----------------------------------------------------------

def _packed(a):
    return a[np.triu_indices(a.shape[0])]


def test_packed_cholesky_solve_and_inverse_match_numpy():
    from digiwelfare.glm import _cov_scaled, _newton_solve

    rng = np.random.default_rng(11)
    p = 5
    mats = [(lambda m: m @ m.T + p * np.eye(p))(rng.normal(size=(p, p))) for _ in range(4)]
    tri = np.array([_packed(m) for m in mats])
    which = np.array([0, 3, 3, 1, 2, 0])  # several right-hand sides share a matrix
    rhs = rng.normal(size=(len(which), p))
    step = _newton_solve(tri, which, rhs, p)
    for m, j in enumerate(which):
        np.testing.assert_allclose(step[m], np.linalg.solve(mats[j], rhs[m]), rtol=1e-12)
    phi = np.array([0.5, 1.0, 2.0, 3.0])
    cov = _cov_scaled(tri, phi, p)
    for m in range(4):
        np.testing.assert_allclose(cov[m], np.linalg.inv(mats[m]) * phi[m], rtol=1e-12,
                                   atol=1e-15)
        assert np.array_equal(cov[m], cov[m].T)


def test_a_matrix_that_is_not_positive_definite_falls_back_to_lu():
    from digiwelfare.glm import _cov_scaled, _newton_solve

    indefinite = np.array([[1.0, 2.0], [2.0, 1.0]])  # eigenvalues 3 and -1: no Cholesky
    tri = _packed(indefinite)[None]
    step = _newton_solve(tri, np.array([0]), np.array([[1.0, 0.0]]), 2)
    # by hand: the inverse is [[-1, 2], [2, -1]] / 3
    np.testing.assert_allclose(step[0], [-1 / 3, 2 / 3])
    np.testing.assert_allclose(_cov_scaled(tri, np.array([3.0]), 2)[0], [[-1, 2], [2, -1]])
    singular = _packed(np.array([[1.0, 1.0], [1.0, 1.0]]))[None]
    with pytest.raises(np.linalg.LinAlgError):
        _newton_solve(singular, np.array([0]), np.array([[1.0, 0.0]]), 2)


def test_columns_grouped_as_numpy_unique_even_when_the_first_row_ties():
    from digiwelfare.glm import _columns_group

    b = np.array([[1.0, 1.0, 0.0, 1.0, 0.0],
                  [2.0, 3.0, 5.0, 2.0, 5.0]])  # columns 0 and 1 share the first row only
    for cols in (b, b[:, [2, 0, 4]]):
        shared, which = _columns_group(cols)
        ref, ref_which = np.unique(cols, axis=1, return_inverse=True)
        assert np.array_equal(shared[:, which], cols)
        assert shared.shape == ref.shape
        assert len(set(which)) == len(set(ref_which.reshape(-1)))


def test_pearson_chi_square_per_column_by_hand():
    from digiwelfare.glm import _pearson

    y = np.array([[0.2, 0.5], [0.4, 0.1], [0.3, 0.3]])
    mu = np.array([[0.25, 0.4], [0.3, 0.2]])  # two distinct rows; docs 0 and 2 share row 0
    w = mu * (1 - mu)
    inverse = np.array([0, 1, 0])
    by_hand = [(0.05 ** 2 + 0.05 ** 2) / 0.1875 + 0.1 ** 2 / 0.21,
               (0.1 ** 2 + 0.1 ** 2) / 0.24 + 0.1 ** 2 / 0.16]
    np.testing.assert_allclose(_pearson(y, mu, w, inverse), by_hand, rtol=1e-12)


def test_glm_with_starts_alike_on_the_first_coefficient_only_matches_statsmodels():
    # Simulations start at their topic's estimate: columns that start alike share the first
    # iteration's work; starts that tie on the intercept only must not be merged.

    rng = np.random.default_rng(8)
    n = 80
    x = np.column_stack([np.ones(n), rng.integers(0, 2, n), rng.normal(size=n)])
    y = np.column_stack([expit_scipy(x @ [-1.0, b, 0.5] + rng.normal(0, 0.3, n))
                         for b in (0.4, -0.6, 0.4, 1.2)])
    start = np.array([[-1.0, -1.0, -1.0, -1.0], [0.3, -0.5, 0.3, 0.9], [0.4, 0.4, 0.4, 0.4]])
    beta, cov = glm_logit_fit(x, y, start=start)
    _assert_matches_statsmodels(x, y, beta, cov)


def test_one_irls_step_is_weighted_least_squares_from_the_start():
    # One iteration from a given start is the weighted least-squares fit of the working
    # response z = eta + (y - mu) / w on x with weights w = mu (1 - mu) (McCullagh & Nelder
    # 1989, sec. 2.5), written out here with lstsq; two columns share a start, one does not.
    rng = np.random.default_rng(8)
    n = 40
    x = np.column_stack([np.ones(n), rng.normal(size=n), rng.integers(0, 2, n)])
    y = rng.uniform(0.05, 0.6, (n, 3))
    start = np.array([[-1.0, -1.0, 0.4], [0.5, 0.5, -0.2], [0.3, 0.3, 1.0]])
    beta, _ = glm_logit_fit(x, y, start=start, max_iter=1)
    for k in range(3):
        eta = x @ start[:, k]
        mu = expit_scipy(eta)
        w = mu * (1 - mu)
        z = eta + (y[:, k] - mu) / w
        ref = np.linalg.lstsq(x * np.sqrt(w)[:, None], z * np.sqrt(w), rcond=None)[0]
        np.testing.assert_allclose(beta[:, k], ref, rtol=1e-10)
    assert np.array_equal(start[:, 0], [-1.0, 0.5, 0.3])  # the start is left as it was


def test_a_step_to_minus_the_start_is_not_taken_for_convergence():
    # Intercept only, mean 0.6: from this start (found by root-finding) the first IRLS step
    # lands exactly on minus the start; the fit must go on to the MLE, logit(0.6).
    from scipy.optimize import brentq
    from scipy.special import logit

    def step(s):
        mu = expit_scipy(s)
        return s + (0.6 - mu) / (mu * (1 - mu))

    s = brentq(lambda s: step(s) + s, -1.0, 0.0, xtol=1e-15)
    assert abs(step(s) + s) < 1e-12 and abs(s) > 0.4
    beta, _ = glm_logit_fit(np.ones((3, 1)), np.array([[0.5], [0.6], [0.7]]),
                            start=np.array([[s]]))
    np.testing.assert_allclose(beta[0, 0], logit(0.6), rtol=1e-10)


@pytest.mark.parametrize("max_iter", [None, 800])
def test_separated_groups_stop_after_max_iter_with_huge_variances(max_iter):
    # A group whose proportions are all 0 (or all 1) has its MLE at minus (plus) infinity:
    # the fit takes max_iter steps (50 by default) and returns finite coefficients with a
    # variance so large the interval spans every proportion. With one indicator per group,
    # X'WX is diagonal and each step is the group's own scalar IRLS step, eta + (ybar - mu)
    # / w with mu clipped to [1e-10, 1 - 1e-10], computed here in plain Python; past eta =
    # 37 (upwards) and -745 (downwards) the unclipped w would be 0 and X'WX singular.
    groups = [[0.0] * 4, [1.0] * 3, [0.2, 0.35, 0.5, 0.3, 0.15]]
    x = np.vstack([np.eye(3)[[g] * len(v)] for g, v in enumerate(groups)])
    y = np.concatenate(groups)[:, None]
    steps = 50 if max_iter is None else max_iter
    beta, cov = glm_logit_fit(x, y) if max_iter is None else glm_logit_fit(x, y,
                                                                          max_iter=max_iter)

    def mean(eta):
        return min(max(1 / (1 + math.exp(-eta)) if eta > -700 else 0.0, 1e-10), 1 - 1e-10)

    etas = []
    for v in groups:
        eta, ybar = 0.0, sum(v) / len(v)
        for _ in range(steps):
            mu = mean(eta)
            eta += (ybar - mu) / (mu * (1 - mu))
        etas.append(eta)
    mus = [mean(e) for e in etas]
    phi = sum((yi - mus[g]) ** 2 / (mus[g] * (1 - mus[g]))
              for g, v in enumerate(groups) for yi in v) / (len(y) - 3)
    variance = [phi / (len(v) * mus[g] * (1 - mus[g])) for g, v in enumerate(groups)]
    np.testing.assert_allclose(beta[:, 0], etas, rtol=1e-6)
    np.testing.assert_allclose(np.diag(cov[0]), variance, rtol=1e-6)
    assert min(variance[:2]) > 1e7 and abs(etas[0]) > steps


def test_fewer_documents_than_coefficients_plus_one_is_refused_with_a_reason():
    with pytest.raises(ValueError, match=r"^3 documents for 3 coefficients: the effects need "
                       r"more documents than coefficients; drop a covariate or add documents$"):
        glm_logit_fit(np.eye(3), np.full((3, 1), 0.5))


def test_an_integer_start_is_taken_as_a_float_start():
    # a start given as integers (zeros, say) is a start like any other: the fit must not keep
    # the integer type (the coefficients would be truncated or the update refused)

    rng = np.random.default_rng(3)
    n = 60
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    eta = np.column_stack([x @ [-0.5, 0.8], x @ [0.3, -0.4]])
    y = expit_scipy(eta + rng.normal(0, 0.2, (n, 2)))
    beta, cov = glm_logit_fit(x, y, start=np.zeros((2, 2), dtype=int))
    _assert_matches_statsmodels(x, y, beta, cov)
