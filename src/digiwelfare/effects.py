"""Effects of document covariates on topic prevalence, with topic uncertainty carried into
the intervals: the method of composition (Tanner 1996), as STM's ``estimateEffect`` uses it
(Roberts, Stewart & Tingley 2019).

For each of ``n_sims`` simulations: draw every document's topic proportions from its
variational posterior (a Dirichlet with the model's ``gamma``), regress the proportions of
each topic on the covariates, and draw coefficients from their sampling distribution.
Predictions and contrasts are computed per draw; the estimate is their mean and the interval
their 2.5 and 97.5 percentiles.

The regression is a quasi-binomial generalised linear model with a logit link (Papke &
Wooldridge 1996, fractional logit; McCullagh & Nelder 1989, ch. 9): a proportion is modelled
as ``expit(x'b)``, its variance as ``phi * mu * (1 - mu)`` with ``phi`` estimated from the
Pearson residuals. Every prediction therefore lies between 0 and 1, which a linear model on
the proportions does not promise. Year enters as a cubic B-spline, so prevalence may rise and
fall over time (one interior knot, at the median year).
"""

from __future__ import annotations

import contextlib
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.interpolate import BSpline

from digiwelfare.glm import expit, glm_logit_fit

try:  # in the lock (scikit-learn needs it), not a declared dependency
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover - slower on a busy machine, same numbers
    def threadpool_limits(limits):
        return contextlib.nullcontext()

#: Levels with fewer documents than this are reported: their estimates rest on very little.
MIN_DOCS = 5
#: Draws of the method of composition. Measured on the demo corpus (README, "Covariate
#: effects"): with 50,000 draws the 2.5 % and 97.5 % bounds from two seeds differ by less than
#: 0.005 everywhere (by up to 0.045 with 1,000 draws, 0.009 with 10,000).
N_SIMS = 50_000
#: Draws of the topic proportions (each regressed once) by default: at most
#: ``THETA_DRAWS_MAX``, fewer on a large corpus so that draws x documents stay within
#: ``THETA_BUDGET``, never fewer than ``THETA_DRAWS_MIN`` (STM's ``estimateEffect`` default).
#: On the demo corpus, 1,000 such draws for 50,000 coefficient draws left the bounds of two
#: seeds as far apart as 50,000 fits did (README, "Covariate effects").
THETA_DRAWS_MAX = 1_000
THETA_DRAWS_MIN = 25
THETA_BUDGET = 2_000_000
#: Simulations per batched regression (changing it changes which random numbers a seed gives).
BATCH = 100
#: A document "carries" a topic when its expected share of the topic is at least this.
CARRY_SHARE = 0.1
#: A row is flagged (``caveat``) when its interval is wider than this, in proportion points,
#: or when fewer than ``min_carry`` documents carry its topic: such a topic's year curve can
#: span nearly 0 to 1 and says little.
CAVEAT_WIDTH = 0.5
COLUMNS = ["topic", "covariate", "level", "kind", "estimate", "ci_low", "ci_high",
           "docs_carrying", "caveat"]


def topics_posterior(model, bow: list) -> np.ndarray:
    """Each document's posterior Dirichlet parameters (D x K): gensim's variational ones, or
    for the anchor engine its Gibbs topic counts plus ``alpha``. Infer once and reuse:
    gensim's inference draws from the model's random state."""
    gamma, _ = model.inference(bow)
    return np.asarray(gamma)


@dataclass
class Design:
    """A design matrix and how to rebuild it for a scenario (every document set to a level).

    ``meta`` holds the documents used (complete on every covariate), ``rows`` marks them among
    the documents given to :func:`design_build`, and ``notes`` says, in sentences, what was left
    out and why.
    """

    meta: pd.DataFrame
    categorical: list[str]
    year: str | None
    references: dict[str, str]
    knots: np.ndarray | None = None
    rows: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)

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

    def names(self) -> list[tuple[str, str]]:
        """(covariate, what the column is) for each column of :meth:`matrix`."""
        out = [("(intercept)", "intercept")]
        out += [(c, f"{c}={level}") for c in self.categorical for level in self.levels(c)[1:]]
        if self.year:
            out += [(self.year, f"{self.year} (spline {j + 1})")
                    for j in range(len(self.knots) + 1)]
        return out

    def levels(self, column: str) -> list[str]:
        """Levels of a categorical covariate, the reference first."""
        ref = self.references[column]
        return [ref, *sorted(set(self.meta[column].astype(str)) - {ref})]


def _missing(values: pd.Series) -> pd.Series:
    """True where a metadata value is unknown: <NA>/NaN or an empty or blank string."""
    return values.isna() | (values.astype("string").str.strip().fillna("") == "")


def _rows_complete(meta: pd.DataFrame, columns: list[str], notes: list[str]) -> pd.Series:
    """Documents with a value for every column; what is left out is said in ``notes``."""
    missing = pd.DataFrame({c: _missing(meta[c]) for c in columns}, index=meta.index)
    keep = ~missing.any(axis=1)
    if (~keep).any():
        per = ", ".join(f"{c} ({int(n)})" for c, n in missing.sum().items() if n)
        notes.append(f"left out {int((~keep).sum())} of {len(meta)} documents with no value "
                     f"for: {per}")
    return keep


def _alias_find(x: np.ndarray, tol: float = 1e-8) -> tuple[int, list[int]] | None:
    """The first column of ``x`` that is a linear combination of earlier ones, and those
    columns (a rank check in the column order); None when ``x`` has full column rank."""
    for j in range(1, x.shape[1]):
        earlier = x[:, :j]
        coef, *_ = np.linalg.lstsq(earlier, x[:, j], rcond=None)
        if np.abs(earlier @ coef - x[:, j]).max() < tol * max(1.0, np.abs(x[:, j]).max()):
            # the first such column: the earlier ones are independent, the combination unique
            return j, [int(i) for i in np.flatnonzero(np.abs(coef) > 1e-6)]
    return None


def design_build(meta: pd.DataFrame, covariates: list[str], year: str | None = "year",
                 min_docs: int = MIN_DOCS) -> tuple[Design, list[str]]:
    """A :class:`Design` for ``covariates`` (categorical; the most frequent level is the
    reference) and a cubic spline in ``year``, checked before any fit.

    - Documents with no value (``<NA>``, empty; for ``year`` also not a number) for a
      covariate in use are left out.
    - A covariate that is not a column, has no values, or has a single level in these
      documents is dropped (a spline in ``year`` needs four distinct years).
    - Levels with fewer than ``min_docs`` documents are reported.
    - If a covariate's column is a combination of earlier ones (say a ``doc_type`` level
      that only occurs in one country, and that country only with it), the design cannot be
      estimated: a :class:`UserWarning` names the aliased columns, and the later covariate in
      ``covariates`` (year last) is dropped.

    Every such decision is a sentence in ``design.notes``; the second value lists the dropped
    covariates.
    """
    notes: list[str] = []
    dropped: list[str] = []
    wanted = list(dict.fromkeys([*covariates, *([year] if year else [])]))
    for c in list(wanted):
        if c not in meta.columns:
            notes.append(f"{c} is not a metadata column: dropped")
        elif _missing(meta[c]).all():
            notes.append(f"{c} has no values in these documents: dropped")
        else:
            continue
        wanted.remove(c)
        dropped.append(c)
    if year not in wanted:
        year = None
    else:  # a year that is not a number ("n.d.") counts as missing
        meta = meta.assign(**{year: pd.to_numeric(meta[year].astype("string").str.strip(),
                                                 errors="coerce")})
    keep = _rows_complete(meta, wanted, notes) if wanted else pd.Series(True, meta.index)
    used = meta[keep].reset_index(drop=True).copy()
    for c in wanted:
        if c == year:
            used[c] = pd.to_numeric(used[c], errors="coerce").astype(float)
        else:
            used[c] = used[c].astype(str).str.strip()
    categorical = [c for c in wanted if c != year]
    for c in list(categorical):
        counts = used[c].value_counts()
        if len(counts) < 2:
            notes.append(f"{c} has a single value here ({counts.index[0]!r}): dropped")
            categorical.remove(c)
            dropped.append(c)
            continue
        few = counts[counts < min_docs].sort_index()
        if len(few):
            listed = ", ".join(f"{lev!r} ({n})" for lev, n in few.items())
            notes.append(f"{c}: fewer than {min_docs} documents for {listed}; their estimates "
                         f"rest on very little")
    refs = {c: used[c].value_counts().sort_index().idxmax() for c in categorical}
    knots = None
    if year and used[year].nunique() >= 4:
        # One interior knot, at the median year (m knots give m + 3 columns beside the
        # intercept, which must stay below the number of distinct years). Two knots made the
        # first and last years' intervals wider still, on a demo corpus of 120 documents.
        y = used[year]
        m = min(1, used[year].nunique() - 4)
        inner = np.quantile(y, np.arange(1, m + 1) / (m + 1))
        knots = np.unique(np.concatenate([[y.min()], inner, [y.max()]]))
    elif year:
        notes.append(f"{year} has {used[year].nunique()} distinct values here, a spline needs "
                     f"4: dropped")
        dropped.append(year)
        year = None
    design = Design(used, categorical, year, refs, knots, keep.to_numpy(), notes)
    return _design_dealias(design, dropped)


def _design_dealias(design: Design, dropped: list[str]) -> tuple[Design, list[str]]:
    """Drop covariates, later ones first, until the design matrix has full column rank."""
    while (found := _alias_find(design.matrix())) is not None:
        j, others = found
        names = design.names()
        culprit, column = names[j]
        combination = " and ".join(names[i][1] for i in others)
        partners = sorted({names[i][0] for i in others} - {"(intercept)", culprit})
        advice = (f"to keep it, remove {' or '.join(partners)} from the covariates or merge "
                  f"levels" if partners else "its levels or years are too few to separate")
        message = (f"covariates are aliased: the column {column} equals a combination of "
                   f"{combination} in these documents, so their effects cannot be told apart. "
                   f"{culprit} is dropped; {advice}")
        warnings.warn(message, UserWarning, stacklevel=3)
        design.notes.append(message)
        dropped.append(culprit)
        if culprit == design.year:
            design.year, design.knots = None, None
        else:
            design.categorical.remove(culprit)
            del design.references[culprit]
    return design, dropped


def _predictions(design: Design) -> list[tuple[str, str]]:
    """(covariate, level) of every prediction: each categorical level, each whole year."""
    preds = [(c, lev) for c in design.categorical for lev in design.levels(c)]
    if design.year:
        lo, hi = int(design.meta[design.year].min()), int(design.meta[design.year].max())
        preds += [(design.year, str(y)) for y in range(lo, hi + 1)]
    return preds


def contrasts_default(design: Design) -> list[tuple[str, str, str]]:
    """Every pair of levels of each categorical covariate (later level minus earlier, the
    reference first), and the last year minus the first."""
    out = [(c, b, a) for c in design.categorical for a, b in combinations(design.levels(c), 2)]
    years = [lev for c, lev in _predictions(design) if c == design.year]
    if years:
        out.append((design.year, years[-1], years[0]))
    return out


def contrasts_select(design: Design, wanted: list | None) -> tuple[list[tuple], list[str]]:
    """For a notebook on any corpus: the default contrasts plus those of ``wanted`` whose
    levels this design estimates, and a sentence for each one left out."""
    have = set(_predictions(design))
    out, notes = contrasts_default(design), []
    for item in wanted or []:
        cov, a, b = item[0], str(item[1]), str(item[2])
        if (cov, a) in have and (cov, b) in have:
            if (cov, a, b) not in out:
                out.append((cov, a, b))
        else:
            notes.append(f"contrast {cov}: {a} - {b} left out: not both levels are estimated "
                         f"in these documents")
    return out, notes


def _scenarios(design: Design, contrasts) -> tuple[list[tuple[str, str]], list[tuple]]:
    """Predictions to make, (covariate, level), and contrasts as pairs of their indices."""
    preds = _predictions(design)
    index = {p: i for i, p in enumerate(preds)}
    pairs = []
    for i, item in enumerate(contrasts_default(design) if contrasts is None else contrasts):
        cov, a, b = item[0], str(item[1]), str(item[2])
        for lev in (a, b):
            if (cov, lev) not in index:
                have = sorted({lv for c, lv in preds if c == cov})
                raise ValueError(
                    f"contrasts[{i}] = {tuple(item)!r}: {cov}={lev!r} is not estimated here. "
                    + (f"Levels of {cov}: {', '.join(have)}." if have else
                       f"{cov} is not a covariate of this design (see design.notes)."))
        pairs.append((cov, f"{a} - {b}", index[(cov, a)], index[(cov, b)]))
    return preds, pairs


def theta_draws_auto(n_docs: int, n_sims: int = N_SIMS) -> int:
    """How many draws of the topic proportions :func:`textstat_effects` fits for ``n_docs``
    documents: ``THETA_BUDGET / n_docs`` held between ``THETA_DRAWS_MIN`` and
    ``THETA_DRAWS_MAX``, then lowered to the nearest divisor of ``n_sims``.

    >>> theta_draws_auto(240), theta_draws_auto(10_000), theta_draws_auto(100_000)
    (1000, 200, 25)
    """
    want = min(THETA_DRAWS_MAX, n_sims, max(THETA_DRAWS_MIN, THETA_BUDGET // max(n_docs, 1)))
    return next(d for d in range(want, 0, -1) if n_sims % d == 0)


def textstat_effects(gamma: np.ndarray, design: Design, n_sims: int = N_SIMS, seed: int = 1,
                     level: float = 0.95, contrasts: list[tuple] | None = None,
                     min_carry: int = MIN_DOCS, workers: int = 1,
                     theta_draws: int | None = None) -> pd.DataFrame:
    """Expected topic proportions by covariate level, and contrasts between two levels, with
    intervals that include topic uncertainty (the method of composition, fractional logit).

    ``gamma`` is the D x K posterior of :func:`topics_posterior` for the documents given to
    :func:`design_build` (rows it left out are skipped here). ``contrasts`` lists
    ``(covariate, a, b)`` for ``a - b``, e.g. ``("doc_type", "policy_document",
    "project_report")`` or ``("year", 2022, 2014)``; by default every pair of levels of each
    categorical covariate (later level minus earlier, the reference first) and the last year
    minus the first.

    Columns: ``topic, covariate, level, kind, estimate, ci_low, ci_high`` where ``kind`` is
    ``prediction`` (mean over documents of the predicted proportion with every document set to
    the level, its other covariates as observed: always in [0, 1]) or ``difference`` (a
    contrast, named ``a - b``, in proportion points). ``docs_carrying`` is the number of
    documents whose expected share of the topic is at least ``CARRY_SHARE``; ``caveat`` flags
    a row whose interval is wider than ``CAVEAT_WIDTH`` or whose topic fewer than
    ``min_carry`` documents carry. Empty when nothing is left to estimate.

    ``theta_draws`` (a divisor of ``n_sims``; by default ``n_sims``) is the number of draws of
    the topic proportions. Each is regressed once and gives ``n_sims / theta_draws`` draws of
    the coefficients from that fit's sampling distribution. Every draw is still one of the
    method of composition, so the estimate and the bounds aim at the same values; draws that
    share a fit are alike, so the bounds vary more from seed to seed than with as many
    independent draws. The fits are what grows with the number of documents; the coefficient
    draws do not, so fewer fits make a large corpus affordable (STM's ``estimateEffect``
    fits 25 by default, with one coefficient draw each).

    The proportions are drawn in batches of ``BATCH``, each with its own random stream spawned
    from ``seed`` (numpy's ``SeedSequence``), on ``workers`` threads: the table is the same,
    to the byte, whatever the number of workers.
    """
    gamma = np.asarray(gamma, float)
    if design.rows is not None and len(gamma) == len(design.rows):
        gamma = gamma[design.rows]
    if len(gamma) != len(design.meta):
        raise ValueError(f"gamma has {len(gamma)} rows but the design {len(design.meta)} "
                         f"documents: give the posterior of the documents passed to design_build")
    theta_draws = n_sims if theta_draws is None else theta_draws
    if not 1 <= theta_draws <= n_sims or n_sims % theta_draws:
        raise ValueError(f"theta_draws={theta_draws} must divide n_sims={n_sims}: give a "
                         f"divisor, such as {max(1, n_sims // 10)} (or None for one fit a draw)")
    reps = n_sims // theta_draws
    preds, pairs = _scenarios(design, contrasts)
    if not preds:
        return pd.DataFrame(columns=COLUMNS)
    x = design.matrix()
    n, p = x.shape
    if n <= p:
        raise ValueError(f"{n} documents cannot support {p} regression coefficients: use "
                         f"fewer covariates or a larger corpus")
    rows, weights = _scenario_rows(design, preds)
    k = gamma.shape[1]
    draws = np.empty((n_sims, len(preds), k))
    start, _ = glm_logit_fit(x, gamma / gamma.sum(axis=1, keepdims=True))
    # Simulations run in batches: each batch's K x B regressions are one batched IRLS, which
    # is many times faster than a Python loop over draws. The batch size is fixed and each
    # batch has its own stream, so a seed gives the same draws on every machine and with any
    # number of threads (numpy and the compiled solvers release the GIL).
    firsts = range(0, theta_draws, BATCH)
    streams = np.random.SeedSequence(seed).spawn(len(firsts))

    def batch(i: int) -> None:
        first, b = firsts[i], min(BATCH, theta_draws - firsts[i])
        draws[first * reps:(first + b) * reps] = _draws_batch(
            x, rows, weights, gamma, start, np.random.default_rng(streams[i]), b, reps)

    with threadpool_limits(1):  # small matrices: BLAS threads only contend on a busy machine
        if workers > 1:
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(batch, range(len(firsts))))
        else:
            for i in range(len(firsts)):
                batch(i)
    table = _summarise(draws, preds, pairs, level)
    carrying = (gamma / gamma.sum(axis=1, keepdims=True) >= CARRY_SHARE).sum(axis=0)
    table["docs_carrying"] = carrying[table["topic"].to_numpy() - 1]
    table["caveat"] = ((table["ci_high"] - table["ci_low"] > CAVEAT_WIDTH)
                       | (table["docs_carrying"] < min_carry))
    return table


def effects_caveats(effects: pd.DataFrame) -> pd.DataFrame:
    """The topics with a flagged row in a :func:`textstat_effects` table, one row each:
    ``topic, docs_carrying, widest`` (the widest interval of the topic), widest first."""
    flagged = effects[effects["caveat"].astype(bool)]
    out = (flagged.assign(width=flagged["ci_high"] - flagged["ci_low"])
           .groupby("topic", as_index=False)
           .agg(docs_carrying=("docs_carrying", "first"), widest=("width", "max")))
    return out.sort_values(["widest", "topic"], ascending=[False, True], ignore_index=True)


def _scenario_rows(design: Design, preds) -> tuple[np.ndarray, np.ndarray]:
    """Every document set to each level in turn, so that a prediction averages over the
    documents' other covariates as observed (standardisation on the proportion scale).
    Returns the distinct design rows (U x P, each once whichever scenarios share it) and the
    S x U weights that average them."""
    blocks, weights = [], []
    for c, lev in preds:
        scen = design.matrix(design.meta.assign(**{c: float(lev) if c == design.year else lev}))
        distinct, counts = np.unique(scen, axis=0, return_counts=True)
        blocks.append(distinct)
        weights.append(counts / len(scen))
    rows, inverse = np.unique(np.vstack(blocks), axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    out = np.zeros((len(preds), len(rows)))
    ends = np.cumsum([0, *(len(b) for b in blocks)])
    for i, w in enumerate(weights):
        out[i, inverse[ends[i]:ends[i + 1]]] = w
    return rows, out


def _cov_sqrt(cov: np.ndarray) -> np.ndarray:
    """A square root of each covariance matrix: Cholesky's, or, where a nearly saturated
    design (a few documents per coefficient) leaves a matrix only semi-definite, the
    symmetric root with negative rounding-error eigenvalues set to zero."""
    try:
        return np.linalg.cholesky(cov)
    except np.linalg.LinAlgError:
        vals, vecs = np.linalg.eigh((cov + np.swapaxes(cov, -1, -2)) / 2)
        return vecs * np.sqrt(np.clip(vals, 0, None))[..., None, :]


def _draws_batch(x, rows, weights, gamma, start, rng, b: int, reps: int = 1) -> np.ndarray:
    """``b`` draws of the proportions, each fitted once and followed by ``reps`` draws of the
    coefficients: (B * reps) x S x K predictions, each draw's ``reps`` rows together."""
    (n, p), k = x.shape, gamma.shape[1]
    g = rng.standard_gamma(np.broadcast_to(gamma, (b, n, k)))
    theta = g / g.sum(axis=2, keepdims=True)  # a Dirichlet draw per document and simulation
    y = theta.transpose(1, 0, 2).reshape(n, b * k)  # columns: simulation-major, then topic
    # a Newton step under 1e-6 leaves the coefficients within about 1e-12 of a stop at 1e-8
    # (convergence is quadratic; measured on the demo corpus), a fifth fewer iterations
    beta, cov = glm_logit_fit(x, y, start=np.tile(start, b), tol=1e-6)
    chol = _cov_sqrt(cov)  # BK x P x P
    z = rng.standard_normal((reps, p, b * k))  # reps == 1: the numbers of one draw a fit
    pred = np.stack([weights @ expit(rows @ (beta + np.einsum("mpq,qm->pm", chol, zr)))
                     for zr in z])  # reps x S x BK
    return pred.reshape(reps, len(weights), b, k).transpose(2, 0, 1, 3).reshape(
        b * reps, len(weights), k)


def _summarise(draws: np.ndarray, preds, pairs, level: float) -> pd.DataFrame:
    q = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    records = []
    for i, (cov, lev) in enumerate(preds):
        lo, hi = np.percentile(draws[:, i, :], q, axis=0)
        for t in range(draws.shape[2]):
            records.append((t + 1, cov, lev, "prediction", draws[:, i, t].mean(), lo[t], hi[t]))
    for cov, name, a, b in pairs:
        d = draws[:, a, :] - draws[:, b, :]
        lo, hi = np.percentile(d, q, axis=0)
        for t in range(draws.shape[2]):
            records.append((t + 1, cov, name, "difference", d[:, t].mean(), lo[t], hi[t]))
    table = pd.DataFrame(records, columns=COLUMNS[:7])
    return table.sort_values(["topic", "covariate", "kind"], kind="stable").reset_index(drop=True)
