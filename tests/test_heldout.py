"""Document completion's compiled parts against independent references: its digamma
against SciPy's, its E-step against the update equations written out with SciPy."""

import numpy as np
import pytest
from scipy.special import digamma as scipy_digamma

from digiwelfare.heldout import (
    bow_split_half,
    digamma,
    heldout_completion,
    heldout_halves,
    heldout_score,
    theta_estimate,
)


@pytest.mark.parametrize("x", [0.0, 1e-4, 0.01, 0.1, 0.5, 1.0, 1.5, 2.0, 5.999, 6.0, 7.25, 42.0,
                               1e3, 1e7])
def test_digamma_matches_scipy(x):
    assert digamma(x) == pytest.approx(scipy_digamma(x), rel=1e-13, abs=1e-13)


def _e_step_written_out(doc, beta, alpha, iterations=200, tol=1e-8):
    """Blei, Ng & Jordan (2003), eq. 6-7, with beta fixed: phi_nk ~ beta_k,w_n exp(psi(gamma_k)),
    gamma_k = alpha_k + sum_n phi_nk, from gamma_k = alpha_k + N / K."""
    words = [w for w, c in doc for _ in range(c)]  # one entry per token
    k = beta.shape[0]
    gamma = alpha + len(words) / k
    for _ in range(iterations):
        phi = np.array([beta[:, w] * np.exp(scipy_digamma(gamma)) for w in words])
        phi /= phi.sum(axis=1, keepdims=True)
        new = alpha + phi.sum(axis=0)
        if np.abs(new - gamma).max() < tol:
            return new / new.sum()
        gamma = new
    return gamma / gamma.sum()


def test_the_compiled_e_step_gives_the_equations_answers():
    rng = np.random.default_rng(3)
    beta = rng.dirichlet(np.full(30, 0.3), size=4)
    alpha = np.array([0.1, 0.2, 0.3, 0.4])
    bow = [[(int(w), int(c)) for w, c in zip(*np.unique(rng.integers(0, 30, n),
                                                         return_counts=True), strict=True)]
           for n in (1, 5, 40, 200)] + [[]]
    theta = theta_estimate(bow, beta, alpha)
    for d, doc in enumerate(bow[:-1]):
        np.testing.assert_allclose(theta[d], _e_step_written_out(doc, beta, alpha), rtol=1e-7)
    np.testing.assert_allclose(theta[-1], alpha / alpha.sum())  # an empty document: prior mean


def test_halves_drawn_once_score_as_halves_drawn_each_time():
    rng = np.random.default_rng(5)
    beta = rng.dirichlet(np.full(20, 0.5), size=3)
    bow = [[(int(w), 2) for w in rng.choice(20, 6, replace=False)] for _ in range(12)]
    bow.append([(0, 1)])  # one token: left out either way
    assert heldout_score(heldout_halves(bow, 7), beta, 0.3) == \
        heldout_completion(bow, beta, 0.3, 7)
    assert heldout_completion(bow, beta, 0.3, 8) != heldout_completion(bow, beta, 0.3, 7)
    # the halves leave out the one-token document and split the rest as bow_split_half does
    assert heldout_halves(bow, 7) == bow_split_half(bow[:-1], 7)


def test_word_ids_beyond_the_topics_are_refused():
    beta = np.full((2, 5), 0.2)
    with pytest.raises(ValueError, match="word id 7"):
        theta_estimate([[(1, 2), (7, 1)]], beta, 0.1)
