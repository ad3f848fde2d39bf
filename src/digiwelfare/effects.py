"""Effects of document covariates on topic prevalence, with topic uncertainty carried into
the intervals: the method of composition (Tanner 1996), as STM's ``estimateEffect`` uses it
(Roberts, Stewart & Tingley 2019).

For each of ``n_sims`` simulations: draw every document's topic proportions from its
variational posterior (a Dirichlet with the model's ``gamma``), regress the proportions of
each topic on the covariates by OLS, and draw coefficients from their sampling distribution.
Predictions and differences are computed per draw; the estimate is their mean and the
interval their 2.5 and 97.5 percentiles. Year enters as a cubic B-spline, so prevalence may
rise and fall over time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.interpolate import BSpline


def topics_posterior(model, bow: list) -> np.ndarray:
    """Each document's variational Dirichlet parameters (D x K). Infer once and reuse:
    gensim's inference draws from the model's random state."""
    gamma, _ = model.inference(bow)
    return np.asarray(gamma)


@dataclass
class Design:
    """A design matrix and how to rebuild it for a scenario (every document set to a level)."""

    meta: pd.DataFrame
    categorical: list[str]
    year: str | None
    references: dict[str, str]
    knots: np.ndarray | None = None

    def year_basis(self, years) -> np.ndarray:
        x = np.asarray(years, float)
        lo, hi = self.knots[0], self.knots[-1]
        basis = BSpline.design_matrix(np.clip(x, lo, hi), self._t, 3).toarray()
        return basis[:, 1:]  # the B-splines sum to one: drop one against the intercept

    @property
    def _t(self) -> np.ndarray:
        return np.concatenate([[self.knots[0]] * 3, self.knots, [self.knots[-1]] * 3])

    def matrix(self, meta: pd.DataFrame | None = None) -> np.ndarray:
        meta = self.meta if meta is None else meta
        cols = [np.ones(len(meta))]
        for c in self.categorical:
            for level in self.levels(c)[1:]:
                cols.append((meta[c].astype(str) == level).to_numpy(float))
        out = np.column_stack(cols)
        if self.year:
            out = np.column_stack([out, self.year_basis(meta[self.year])])
        return out

    def levels(self, column: str) -> list[str]:
        """Levels of a categorical covariate, the reference first."""
        ref = self.references[column]
        return [ref, *sorted(set(self.meta[column].astype(str)) - {ref})]


def design_build(meta: pd.DataFrame, covariates: list[str], year: str | None = "year"
                 ) -> tuple[Design, list[str]]:
    """A :class:`Design` for ``covariates`` (categorical; the most frequent level is the
    reference) and a spline in ``year``. Covariates with a single level in these documents
    are dropped; their names come back as the second value."""
    dropped = [c for c in covariates if meta[c].astype(str).nunique() < 2]
    keep = [c for c in covariates if c not in dropped and c != year]
    refs = {c: meta[c].astype(str).value_counts().sort_index().idxmax() for c in keep}
    knots = None
    if year and meta[year].nunique() >= 4:
        y = meta[year].astype(float)
        knots = np.unique(np.concatenate([[y.min()], np.quantile(y, [1 / 3, 2 / 3]), [y.max()]]))
    elif year:
        dropped.append(year)
        year = None
    return Design(meta.reset_index(drop=True), keep, year, refs, knots), dropped


def _scenarios(design: Design) -> list[tuple[str, str, str, np.ndarray]]:
    """(covariate, level, kind, mean design row) for every prediction, then differences are
    made from predictions of the same covariate."""
    out = []
    for c in design.categorical:
        for level in design.levels(c):
            row = design.matrix(design.meta.assign(**{c: level})).mean(axis=0)
            out.append((c, level, "prediction", row))
    if design.year:
        lo, hi = int(design.meta[design.year].min()), int(design.meta[design.year].max())
        for y in range(lo, hi + 1):
            row = design.matrix(design.meta.assign(**{design.year: y})).mean(axis=0)
            out.append((design.year, str(y), "prediction", row))
    return out


def textstat_effects(gamma: np.ndarray, design: Design, n_sims: int = 100, seed: int = 1,
                     level: float = 0.95) -> pd.DataFrame:
    """Expected topic proportions by covariate level, and each level's difference from the
    reference level, with intervals that include topic uncertainty.

    Columns: ``topic, covariate, level, kind, estimate, ci_low, ci_high`` where ``kind`` is
    ``prediction`` (mean proportion with every document set to the level, the others as
    observed) or ``difference`` (level minus the reference level, named ``A - B``).
    """
    rng = np.random.default_rng(seed)
    x = design.matrix()
    n, p = x.shape
    if n <= p:
        raise ValueError(f"{n} documents cannot support {p} regression coefficients")
    xtx_inv = np.linalg.inv(x.T @ x)
    chol_base = np.linalg.cholesky(xtx_inv)
    scen = _scenarios(design)
    rows = np.array([s[3] for s in scen])  # S x P
    k = gamma.shape[1]
    draws = np.empty((n_sims, len(scen), k))
    for m in range(n_sims):
        theta = np.vstack([rng.dirichlet(g) for g in gamma])
        beta = xtx_inv @ x.T @ theta  # P x K
        resid = theta - x @ beta
        sigma = np.sqrt((resid ** 2).sum(axis=0) / (n - p))  # K
        beta_draw = beta + (chol_base @ rng.standard_normal((p, k))) * sigma
        draws[m] = rows @ beta_draw
    lo_q, hi_q = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    records = []
    for i, (cov, lev, kind, _) in enumerate(scen):
        for t in range(k):
            d = draws[:, i, t]
            records.append((t + 1, cov, lev, kind, d.mean(), *np.percentile(d, [lo_q, hi_q])))
    for c in design.categorical:
        ref = design.references[c]
        idx = {lev: i for i, (cov, lev, _, _) in enumerate(scen) if cov == c}
        for lev in design.levels(c)[1:]:
            for t in range(k):
                d = draws[:, idx[lev], t] - draws[:, idx[ref], t]
                records.append((t + 1, c, f"{lev} - {ref}", "difference", d.mean(),
                                *np.percentile(d, [lo_q, hi_q])))
    table = pd.DataFrame(records, columns=["topic", "covariate", "level", "kind", "estimate",
                                           "ci_low", "ci_high"])
    return table.sort_values(["topic", "covariate", "kind", "level"], kind="stable").reset_index(
        drop=True)
