import numpy as np
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
