"""Methods held against a corpus's design plan: which planned themes a topic model or a
dictionary recovers, and what chance alone would give.

A composed corpus can carry its plan (``design/plan.csv``: each document's themes and their
shares). The plan is then a ground truth of a kind real corpora never have: a method that
works should give document scores (topic proportions, dictionary rates) that rise and fall
with the planned shares of some theme. Recovery is measured as in the validation of topic
models against hand-coded material (Grimmer & Stewart 2013, on validating unsupervised
methods; Chang et al. 2009): for every pair of planned theme and score, the Pearson
correlation over documents; themes and scores are paired one to one so that the summed
correlation is largest (the Hungarian algorithm, Kuhn 1955, as scipy's
``linear_sum_assignment``), so no topic can stand in for two themes.

Chance. With many scores to choose from, the best pairing finds some correlation even in
noise. The reference is a permutation test (Good 2005): the documents' scores are shuffled
against the plan, the same pairing is made, and each theme's matched correlation is kept;
``chance_95`` is its 95th percentile over the permutations and ``p_value`` the share of
permutations (with the observed one counted) that match it or do better.

References: Grimmer, J. & Stewart, B. M. (2013). Text as data. *Political Analysis* 21(3),
267-297. Chang, J., Boyd-Graber, J., Gerrish, S., Wang, C. & Blei, D. (2009). Reading tea
leaves. *NIPS* 22. Kuhn, H. W. (1955). The Hungarian method for the assignment problem.
*Naval Research Logistics Quarterly* 2, 83-97. Good, P. (2005). *Permutation, Parametric and
Bootstrap Tests of Hypotheses*, 3rd ed. Springer.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from digiwelfare.checks import ParameterError, int_check

#: A theme counts as recovered when its matched correlation is at least this ...
RECOVERED_R = 0.5
#: ... and the permutation test puts it above chance at this level.
RECOVERED_P = 0.05
#: Shares of one document's themes may sum to 1 within this (the plan rounds to 2 decimals).
SHARE_TOLERANCE = 0.02


class PlanError(ValueError):
    """A design plan that cannot be read; the message names the file and row."""


def plan_read(path: str | Path) -> pd.DataFrame:
    """Read a design plan: a CSV with ``id`` and ``themes`` written as
    ``name:share;name:share`` (shares in (0, 1], summing to one per document).

    Returns a wide table: one row per document (index ``id``, sorted), one column per theme
    (sorted by name), the planned share, 0 where a document does not have the theme.

    >>> import io
    >>> plan_read(io.StringIO("id,themes\\nd1,a:0.6;b:0.4\\nd2,b:1\\n")).to_dict("index")
    {'d1': {'a': 0.6, 'b': 0.4}, 'd2': {'a': 0.0, 'b': 1.0}}
    """
    name = getattr(path, "name", str(path))
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise PlanError(f"{name}: not found; a design plan is a CSV with columns id and "
                        "themes (only composed corpora have one)") from None
    missing = {"id", "themes"} - set(raw.columns)
    if missing:
        raise PlanError(f"{name}: no column {', '.join(sorted(missing))}; expected id and "
                        "themes ('name:share;name:share')")
    doubled = raw["id"][raw["id"].duplicated()]
    if len(doubled):
        raise PlanError(f"{name}: id '{doubled.iloc[0]}' appears in more than one row; give "
                        "each document one row")
    rows = []
    for line, (doc, themes) in enumerate(zip(raw["id"], raw["themes"], strict=True), start=2):
        where = f"{name}, row {line} ({doc or 'no id'})"
        shares = {}
        for item in filter(None, (t.strip() for t in themes.split(";"))):
            theme, _, share = item.partition(":")
            try:
                value = float(share)
            except ValueError:
                raise PlanError(f"{where}: '{item}' is not name:share; write e.g. "
                                "'trust:0.4'") from None
            if not theme or not 0 < value <= 1 or theme in shares:
                raise PlanError(f"{where}: '{item}' needs a theme name, once, and a share in "
                                "(0, 1]")
            shares[theme] = value
        if not doc or not shares:
            raise PlanError(f"{where}: a row needs an id and at least one theme")
        if abs(sum(shares.values()) - 1) > SHARE_TOLERANCE:
            raise PlanError(f"{where}: shares sum to {sum(shares.values()):.3f}, not 1")
        rows += [(doc, theme, value) for theme, value in shares.items()]
    long = pd.DataFrame(rows, columns=["id", "theme", "share"])
    wide = long.pivot(index="id", columns="theme", values="share").fillna(0.0)
    return wide.sort_index().sort_index(axis=1).rename_axis(columns=None)


def _aligned(scores: pd.DataFrame, plan: pd.DataFrame) -> tuple[np.ndarray, np.ndarray,
                                                                   list, list]:
    """Scores and plan for the documents both hold, themes absent from them dropped."""
    if "id" not in scores.columns:
        raise ParameterError("scores", list(scores.columns)[:5], "a table with an id column "
                             "and one column per topic or category")
    common = [i for i in scores["id"] if i in plan.index]
    if len(common) < 4:
        raise ParameterError("scores", f"{len(common)} documents in the plan",
                             "at least 4 documents that the design plan lists")
    s = scores.set_index("id").loc[common]
    p = plan.loc[common]
    p = p.loc[:, p.sum() > 0]
    s = s.loc[:, s.std(ddof=0) > 0]
    return p.to_numpy(float), s.to_numpy(float), list(p.columns), list(s.columns)


def _standardise(x: np.ndarray) -> np.ndarray:
    centred = x - x.mean(axis=0)
    return centred / np.sqrt((centred ** 2).sum(axis=0))


def correlation_cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pearson correlations of every column of ``a`` (n x p) with every column of ``b``
    (n x q), as a p x q matrix."""
    return _standardise(a).T @ _standardise(b)


def _matched(corr: np.ndarray, one_to_one: bool) -> np.ndarray:
    """The score matched to each theme (row): one to one by the Hungarian algorithm, or each
    theme's best score."""
    if not one_to_one:
        return corr.argmax(axis=1)
    rows, cols = linear_sum_assignment(-corr)
    match = np.full(corr.shape[0], -1)
    match[rows] = cols
    return match


def textstat_plan_correlations(scores: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """Every pair of planned theme and score: ``theme, score, correlation`` (Pearson, over
    the documents both tables hold), tidy, sorted by theme and score."""
    p, s, themes, names = _aligned(scores, plan)
    corr = correlation_cross(p, s)
    return pd.DataFrame([(t, n, float(corr[i, j])) for i, t in enumerate(themes)
                         for j, n in enumerate(names)], columns=["theme", "score",
                                                                  "correlation"])


def textstat_plan_recovery(scores: pd.DataFrame, plan: pd.DataFrame, one_to_one: bool = True,
                           n_perm: int = 1000, seed: int = 1, min_r: float = RECOVERED_R,
                           alpha: float = RECOVERED_P) -> pd.DataFrame:
    """Which planned themes the scores recover, against chance.

    ``scores``: ``id`` and one column per topic or category (document-topic proportions from
    :func:`digiwelfare.topics.textstat_doc_topics`, or dictionary rates in wide form);
    ``plan``: :func:`plan_read`'s table. Only documents in both are used, and only themes
    some of them have. Each theme is matched to a score one to one (Hungarian algorithm on
    the correlations; with more themes than scores some themes get none), or with
    ``one_to_one=False`` to its most correlated score.

    Returns one row per theme: ``theme, documents, planned_docs`` (documents with a share of
    the theme), ``score`` (matched column name, empty if none), ``correlation``,
    ``chance_95``, ``p_value`` (permutation test, ``n_perm`` shuffles of the documents'
    scores against the plan, the matching redone each time) and ``recovered``
    (``correlation >= min_r`` and ``p_value < alpha``), sorted by correlation, best first.
    """
    int_check("n_perm", n_perm, 19, 1_000_000)
    p, s, themes, names = _aligned(scores, plan)
    zp, zs = _standardise(p), _standardise(s)
    corr = zp.T @ zs
    match = _matched(corr, one_to_one)
    observed = np.where(match >= 0, corr[np.arange(len(themes)), np.maximum(match, 0)], np.nan)
    rng = np.random.default_rng(seed)
    null = np.empty((n_perm, len(themes)))
    for b in range(n_perm):
        c = zp.T @ zs[rng.permutation(len(zs))]
        m = _matched(c, one_to_one)
        null[b] = np.where(m >= 0, c[np.arange(len(themes)), np.maximum(m, 0)], np.nan)
    with np.errstate(invalid="ignore"):
        beats = (null >= observed - 1e-12).sum(axis=0)
    p_value = (1 + beats) / (1 + n_perm)
    table = pd.DataFrame({
        "theme": themes, "documents": len(p), "planned_docs": (p > 0).sum(axis=0),
        "score": [str(names[j]) if j >= 0 else "" for j in match],
        "correlation": observed, "chance_95": np.nanquantile(null, 0.95, axis=0),
        "p_value": np.where(match >= 0, p_value, np.nan)})
    table["recovered"] = (table["correlation"] >= min_r) & (table["p_value"] < alpha)
    return table.sort_values(["correlation", "theme"], ascending=[False, True],
                             na_position="last", kind="stable").reset_index(drop=True)


def plan_summary(recovery: pd.DataFrame, labels: dict | None = None) -> str:
    """One paragraph, from a :func:`textstat_plan_recovery` table, saying which planned
    themes were recovered, by which score (named by ``labels``, e.g. ``{"3": "T3 care,
    home"}``, or by itself), and which not."""
    got = recovery[recovery["recovered"]]
    missed = recovery[~recovery["recovered"]]
    names = labels or {}

    def listed(t: pd.DataFrame) -> str:
        return "; ".join(f"{r.theme} ({names.get(r.score, r.score)}: {r.correlation:.2f})"
                         if r.score != "" else f"{r.theme} (nothing left to match)"
                         for r in t.itertuples())

    text = (f"{len(got)} of {len(recovery)} planned themes are recovered (matched correlation "
            f"at least {RECOVERED_R} and above chance, p < {RECOVERED_P})")
    text += f": {listed(got)}." if len(got) else "."
    if len(missed):
        text += (f" Not recovered: {listed(missed)}; by chance alone the best match reaches "
                 f"{recovery['chance_95'].median():.2f} (median of the themes' 95th "
                 "percentiles).")
    return text
