import numpy as np
import pytest
from scipy.special import expit as expit_scipy

from digiwelfare.glm import expit, glm_logit_fit

# --- the regression -------------------------------------------------------------------------

def test_glm_matches_statsmodels_quasi_binomial():
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    n = 150
    x = np.column_stack([np.ones(n), rng.integers(0, 2, n), rng.normal(size=n)])
    y = np.column_stack([expit_scipy(x @ b + rng.normal(0, 0.4, n))
                         for b in ([-1.0, 0.8, 0.3], [-2.5, -0.5, 1.0])])
    beta, cov = glm_logit_fit(x, y)
    for k in range(2):
        ref = sm.GLM(y[:, k], x, family=sm.families.Binomial()).fit(scale="X2")
        np.testing.assert_allclose(beta[:, k], ref.params, rtol=1e-7)
        np.testing.assert_allclose(cov[k], ref.cov_params(), rtol=1e-6)



def test_glm_on_repeated_design_rows_matches_statsmodels():
    # Categorical covariates only: many documents share a design row, which the fit groups;
    # the columns of y converge at different speeds (one is nearly constant).
    import statsmodels.api as sm

    rng = np.random.default_rng(5)
    n = 90
    grp, region = rng.integers(0, 2, n), rng.integers(0, 3, n)
    x = np.column_stack([np.ones(n), grp, region == 1, region == 2]).astype(float)
    y = np.column_stack([expit_scipy(x @ [-1.2, 0.7, 0.4, -0.3] + rng.normal(0, 0.5, n)),
                         np.clip(0.02 + rng.normal(0, 0.002, n), 0, 1),
                         rng.uniform(0, 1, n)])
    assert len(np.unique(x, axis=0)) == 6
    beta, cov = glm_logit_fit(x, y, start=np.full((4, 3), 0.5))
    for k in range(3):
        ref = sm.GLM(y[:, k], x, family=sm.families.Binomial()).fit(scale="X2")
        np.testing.assert_allclose(beta[:, k], ref.params, rtol=1e-7, atol=1e-9)
        np.testing.assert_allclose(cov[k], ref.cov_params(), rtol=1e-6)


def test_fast_expit_matches_scipy_including_the_tails():
    v = np.array([-800.0, -40.0, -1.5, 0.0, 2.0, 35.0, 800.0])
    np.testing.assert_allclose(expit(v), expit_scipy(v), rtol=1e-15, atol=0)
    assert expit(v).dtype == float and v[0] == -800.0  # the input is left as it was


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
    import statsmodels.api as sm

    rng = np.random.default_rng(8)
    n = 80
    x = np.column_stack([np.ones(n), rng.integers(0, 2, n), rng.normal(size=n)])
    y = np.column_stack([expit_scipy(x @ [-1.0, b, 0.5] + rng.normal(0, 0.3, n))
                         for b in (0.4, -0.6, 0.4, 1.2)])
    start = np.array([[-1.0, -1.0, -1.0, -1.0], [0.3, -0.5, 0.3, 0.9], [0.4, 0.4, 0.4, 0.4]])
    beta, cov = glm_logit_fit(x, y, start=start)
    for k in range(4):
        ref = sm.GLM(y[:, k], x, family=sm.families.Binomial()).fit(scale="X2")
        np.testing.assert_allclose(beta[:, k], ref.params, rtol=1e-7)
        np.testing.assert_allclose(cov[k], ref.cov_params(), rtol=1e-6)
