"""The regression design of :mod:`digiwelfare.effects`: which documents and covariates a
model of topic prevalence can use, and the scenarios its predictions and contrasts are made
for.

:func:`design_build` keeps the documents complete on every covariate and says how many it left
out, drops covariates with one level, reports sparse levels, enters year as a cubic B-spline
(one interior knot, at the median year) and names covariates that coincide (a rank check,
then the later one dropped with a warning). :func:`contrasts_default` and
:func:`contrasts_select` say which differences are estimated; :func:`scenarios_rows` sets every
document to each level in turn, so that a prediction averages over the documents' other
covariates as observed (standardisation, Hernán & Robins 2020, ch. 13).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.interpolate import BSpline

#: Levels with fewer documents than this are reported: their estimates rest on very little.
MIN_DOCS = 5

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


def scenarios_make(design: Design, contrasts) -> tuple[list[tuple[str, str]], list[tuple]]:
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


def scenarios_rows(design: Design, preds) -> tuple[np.ndarray, np.ndarray]:
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
