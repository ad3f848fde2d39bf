"""Keyness: which terms one group of documents uses more than another.

One log-likelihood, the G2 of the full 2 x 2 table (term, other words) x (group A, group B)
(Dunning 1993; Rayson & Garside 2000), with Yates's or Williams's correction on request,
as quanteda's ``textstat_keyness`` offers. Frequency tests treat every token as independent,
so a word used 20 times in one document can look key; each row therefore also carries the
document frequencies, Gries's (2008) DP, and a document-level Mann-Whitney test on per-
document relative frequencies (Lijffijt et al. 2016). Every row carries the counts it was
computed from, so a reader can recompute it by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import chi2, mannwhitneyu

from digiwelfare.pvalues import p_adjust_bh, p_adjust_holm

#: Added to a zero frequency before the log ratio and %DIFF, so a word found in one group
#: only gets a finite effect size (Hardie 2014). Such rows are flagged ``zero_count``: their
#: effect size is set by this constant, not by the data.
ZERO_ADJUSTMENT = 0.5
CORRECTIONS = ("none", "yates", "williams")
#: A key term whose hits on its own side come from fewer documents than this is flagged.
FEW_DOCUMENTS = 3


def _table(freq_a, freq_b, total_a, total_b) -> np.ndarray:
    """Cells ``[[a, b], [c, d]]`` of the 2 x 2 table, last axes; terms along the first."""
    a, b = np.asarray(freq_a, float), np.asarray(freq_b, float)
    c, d = np.asarray(total_a, float) - a, np.asarray(total_b, float) - b
    a, b, c, d = np.broadcast_arrays(a, b, c, d)
    return np.stack([np.stack([a, b], -1), np.stack([c, d], -1)], -2)


def _expected(obs: np.ndarray) -> np.ndarray:
    rows, cols = obs.sum(-1, keepdims=True), obs.sum(-2, keepdims=True)
    return rows * cols / obs.sum((-1, -2), keepdims=True)


def _yates(obs: np.ndarray, exp: np.ndarray) -> np.ndarray:
    # Each cell moves half a unit towards its expectation, never past it (as scipy does).
    diff = exp - obs
    return obs + np.sign(diff) * np.minimum(0.5, np.abs(diff))


def _correction_check(correction: str) -> None:
    if correction not in CORRECTIONS:
        raise ValueError(f"correction = {correction!r}: expected one of {', '.join(CORRECTIONS)}")


def g2_keyness(freq_a, freq_b, total_a, total_b, correction: str = "none") -> np.ndarray:
    """Log-likelihood G2 of the full 2 x 2 table (term, other words) x (A, B).

    ``G2 = 2 * sum(O * ln(O / E))`` over the four cells, zero cells adding nothing, where
    ``E = row total * column total / N``. ``correction``: ``"none"``; ``"yates"`` (every
    observed cell moved 0.5 towards its expectation); ``"williams"`` (G2 divided by
    ``q = 1 + (N/R1 + N/R2 - 1)(N/C1 + N/C2 - 1) / (6N)``; Williams 1976).
    Rayson's two-cell form leaves out the two "other words" cells; on large corpora the two
    agree to about a hundredth.

    >>> round(float(g2_keyness(52, 57, 50_000, 75_000)), 3)
    2.654
    """
    _correction_check(correction)
    obs = _table(freq_a, freq_b, total_a, total_b)
    exp = _expected(obs)
    if correction == "yates":
        obs = _yates(obs, exp)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * np.where(obs > 0, obs * np.log(obs / exp), 0.0).sum((-1, -2))
    if correction == "williams":
        n = obs.sum((-1, -2))
        rows, cols = obs.sum(-1), obs.sum(-2)
        with np.errstate(divide="ignore", invalid="ignore"):
            nn = n[..., None]  # one N per term, against its two row and column totals
            q = 1 + ((nn / rows).sum(-1) - 1) * ((nn / cols).sum(-1) - 1) / (6 * n)
        g2 = g2 / q
    return g2


def chi2_keyness(freq_a, freq_b, total_a, total_b, correction: str = "none") -> np.ndarray:
    """Pearson's chi-square of the same 2 x 2 table; Yates's correction with
    ``correction="yates"`` (Williams's applies to G2 only and is ignored here)."""
    _correction_check(correction)
    obs = _table(freq_a, freq_b, total_a, total_b)
    exp = _expected(obs)
    if correction == "yates":
        obs = _yates(obs, exp)
    with np.errstate(divide="ignore", invalid="ignore"):
        return ((obs - exp) ** 2 / exp).sum((-1, -2))


def log_ratio(freq_a, freq_b, total_a, total_b, zero: float = ZERO_ADJUSTMENT):
    """Hardie's (2014) log ratio: ``log2`` of the ratio of relative frequencies, a zero
    frequency replaced by ``zero`` first. One unit means twice as frequent.

    >>> round(float(log_ratio(52, 57, 50_000, 75_000)), 2)
    0.45
    """
    fa = np.where(np.asarray(freq_a, float) == 0, zero, np.asarray(freq_a, float))
    fb = np.where(np.asarray(freq_b, float) == 0, zero, np.asarray(freq_b, float))
    return np.log2((fa / np.asarray(total_a, float)) / (fb / np.asarray(total_b, float)))


def pct_diff(freq_a, freq_b, total_a, total_b, zero: float = ZERO_ADJUSTMENT):
    """%DIFF (Gabrielatos & Marchi 2012): how much more frequent, in per cent, the term is
    in A than in B, relative frequencies compared; a zero in B is replaced by ``zero``."""
    fb = np.where(np.asarray(freq_b, float) == 0, zero, np.asarray(freq_b, float))
    nf_a = np.asarray(freq_a, float) / np.asarray(total_a, float)
    return 100 * (nf_a - fb / np.asarray(total_b, float)) / (fb / np.asarray(total_b, float))


def dispersion_dp(counts, sizes) -> np.ndarray:
    """Gries's (2008) deviation of proportions of a term over corpus parts.

    ``counts``: the term's hits in each part (parts along the first axis, terms along the
    second if 2-D; a scipy sparse matrix is fine); ``sizes``: the parts' lengths in tokens.
    ``DP = 0.5 * sum(|v_i - s_i|)`` with ``v_i`` the part's share of the hits and ``s_i`` its
    share of the tokens: 0 when the term is spread exactly as the text is, near 1 when it
    sits in one small part. NaN for a term with no hits.
    """
    sizes = np.asarray(sizes, float)
    s = sizes / sizes.sum()
    if sparse.issparse(counts):
        # Parts without the term add s_i each, and those s_i sum to 1 minus the rest.
        coo = counts.tocoo()
        total = np.asarray(coo.sum(0), float).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            v = coo.data / total[coo.col]
        step = np.abs(v - s[coo.row]) - s[coo.row]
        acc = np.bincount(coo.col, weights=step, minlength=coo.shape[1])
        return np.where(total > 0, 0.5 * (1 + acc), np.nan)
    counts = np.asarray(counts, float)
    if counts.ndim == 2:
        s = s[:, None]
    total = counts.sum(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = counts / total
        return np.where(total > 0, 0.5 * np.abs(v - s).sum(0), np.nan)


def _doc_counts(docs: list[list[str]], terms: list[str]) -> tuple[sparse.csc_matrix, np.ndarray]:
    """Counts of ``terms`` in each document (sparse: a large corpus would not fit dense).
    Built from two flat arrays, each token's term and document, whose repeated pairs the
    sparse matrix sums: a Python list per (document, term) pair held a gigabyte at 60,000
    documents."""
    index = {t: j for j, t in enumerate(terms)}
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    ids = np.fromiter((index.get(t, -1) for d in docs for t in d), dtype=np.int64,
                      count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    keep = ids >= 0
    counts = sparse.csc_matrix((np.ones(int(keep.sum())), (rows[keep], ids[keep])),
                               shape=(len(docs), len(terms)), dtype=float)
    counts.sum_duplicates()
    return counts, lengths.astype(float)


def _docs_test(counts_a, sizes_a, counts_b, sizes_b, chunk: int = 0) -> np.ndarray:
    """Two-sided Mann-Whitney p-value of each term's per-document relative frequency,
    ``chunk`` terms at a time (by default as many as make about 4 million cells of both
    groups' documents: SciPy ranks a dense block and keeps several copies of it, 1.9 GB at
    500 terms of 62,000 documents; each term's p-value does not depend on the chunk)."""
    n_terms = counts_a.shape[1]
    chunk = chunk or max(1, min(500, 4_000_000 // max(1, counts_a.shape[0] + counts_b.shape[0])))
    out = np.full(n_terms, np.nan)
    keep_a, keep_b = sizes_a > 0, sizes_b > 0
    if not keep_a.any() or not keep_b.any():
        return out
    ra = sparse.csc_matrix(counts_a[keep_a].multiply(1 / sizes_a[keep_a, None]))
    rb = sparse.csc_matrix(counts_b[keep_b].multiply(1 / sizes_b[keep_b, None]))
    for start in range(0, n_terms, chunk):
        part = slice(start, start + chunk)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[part] = mannwhitneyu(ra[:, part].toarray(), rb[:, part].toarray(), axis=0,
                                     alternative="two-sided", method="asymptotic").pvalue
    return out


KEYNESS_COLUMNS = ["term", "freq_a", "freq_b", "total_a", "total_b", "docs_a", "docs_b",
                   "n_docs_a", "n_docs_b", "g2", "p_value", "p_holm", "p_bh", "chi2",
                   "log_ratio", "pct_diff", "zero_count", "dp_a", "dp_b", "p_docs",
                   "p_docs_bh", "few_docs", "key_for"]


def textstat_keyness(tokens_a: Iterable[list[str]], tokens_b: Iterable[list[str]],
                     min_freq: int = 5, min_docs: int = 1, correction: str = "none"
                     ) -> pd.DataFrame:
    """Keyness of every term between group A and group B of tokenised documents.

    Columns (:data:`KEYNESS_COLUMNS`): the counts ``freq_a, freq_b`` and token totals;
    ``docs_a, docs_b`` documents of each group using the term, out of ``n_docs_a, n_docs_b``;
    ``g2`` (:func:`g2_keyness`, with ``correction``) and its chi-square (1 df) ``p_value``,
    adjusted for testing every listed term by Holm (``p_holm``, family-wise) and Benjamini &
    Hochberg (``p_bh``, false discovery rate); Pearson's ``chi2``; effect sizes ``log_ratio``
    and ``pct_diff``, whose value is set by :data:`ZERO_ADJUSTMENT` when ``zero_count`` is
    true; ``dp_a, dp_b`` Gries's DP over the documents of each group; ``p_docs`` the
    document-level Mann-Whitney test (BH-adjusted in ``p_docs_bh``): small only when the
    documents of one group use the term more, not when one document repeats it;
    ``few_docs`` flags a term whose hits on its key side come from fewer than
    :data:`FEW_DOCUMENTS` documents; ``key_for`` the group using it relatively more.

    Terms in fewer than ``min_freq`` tokens or ``min_docs`` documents (A and B together) are
    left out. Rows are sorted by G2, strongest first, then by term.
    """
    if correction not in CORRECTIONS:
        raise ValueError(f"correction = {correction!r}: expected one of {', '.join(CORRECTIONS)}")
    docs_a, docs_b = [list(d) for d in tokens_a], [list(d) for d in tokens_b]
    count_a = Counter(t for d in docs_a for t in d)
    count_b = Counter(t for d in docs_b for t in d)
    total_a, total_b = sum(count_a.values()), sum(count_b.values())
    if total_a == 0 or total_b == 0:
        raise ValueError(f"keyness needs tokens in both groups (A has {total_a}, B has "
                         f"{total_b}); choose groups that both hold documents in this language")
    df = Counter(t for d in docs_a + docs_b for t in set(d))
    terms = sorted(t for t in df if count_a[t] + count_b[t] >= min_freq and df[t] >= min_docs)
    ca, sa = _doc_counts(docs_a, terms)
    cb, sb = _doc_counts(docs_b, terms)
    table = pd.DataFrame({"term": terms, "freq_a": [count_a[t] for t in terms],
                          "freq_b": [count_b[t] for t in terms]})
    table["total_a"], table["total_b"] = total_a, total_b
    table["docs_a"], table["docs_b"] = np.diff(ca.indptr), np.diff(cb.indptr)
    table["n_docs_a"], table["n_docs_b"] = len(docs_a), len(docs_b)
    fa, fb = table["freq_a"].to_numpy(), table["freq_b"].to_numpy()
    table["g2"] = g2_keyness(fa, fb, total_a, total_b, correction)
    table["p_value"] = chi2.sf(table["g2"], df=1)
    table["p_holm"] = p_adjust_holm(table["p_value"])
    table["p_bh"] = p_adjust_bh(table["p_value"])
    table["chi2"] = chi2_keyness(fa, fb, total_a, total_b, correction)
    table["log_ratio"] = log_ratio(fa, fb, total_a, total_b)
    table["pct_diff"] = pct_diff(fa, fb, total_a, total_b)
    table["zero_count"] = (fa == 0) | (fb == 0)
    table["dp_a"], table["dp_b"] = dispersion_dp(ca, sa), dispersion_dp(cb, sb)
    table["p_docs"] = _docs_test(ca, sa, cb, sb)
    table["p_docs_bh"] = p_adjust_bh(table["p_docs"])
    table["key_for"] = np.where(fa * total_b >= fb * total_a, "A", "B")
    table["few_docs"] = np.where(table["key_for"] == "A", table["docs_a"],
                                 table["docs_b"]) < FEW_DOCUMENTS
    return table[KEYNESS_COLUMNS].sort_values(["g2", "term"], ascending=[False, True],
                                              kind="stable").reset_index(drop=True)


def groups_choose(docs: pd.DataFrame, column: str, group_a, group_b=None):
    """The documents and groups a comparison can use: ``(docs, group_a, group_b, notes)``.

    Documents whose ``column`` is missing (NA or empty) are left out. When no document has a
    value of ``group_a``, the most frequent value of ``column`` is compared with the rest
    instead; a ``group_b`` found nowhere becomes "every other document". ``notes`` says, in
    sentences for the notebook to print, what was left out or changed. With ``column =
    "query"`` everything passes through unchanged.
    """
    notes: list[str] = []
    if column == "query":
        return docs, group_a, group_b, notes
    if column not in docs.columns:
        raise ValueError(f"group_column = {column!r}: no such metadata column; choose one of "
                         f"{', '.join(map(str, docs.columns))} or 'query'")
    value = docs[column]
    missing = value.isna() | (value.astype("string").str.strip() == "")
    if missing.any():
        notes.append(f"{int(missing.sum())} documents have no '{column}' and are left out")
    docs = docs[~missing.to_numpy()]
    present = docs[column].astype(str).value_counts()
    if present.empty:
        raise ValueError(f"group_column = {column!r}: no document has a value; choose another")

    def found(group) -> bool:
        wanted = [group] if isinstance(group, str | int) else list(group)
        return any(str(g) in present.index for g in wanted)

    if not found(group_a):
        new = sorted(present.index, key=lambda v: (-present[v], v))[0]
        notes.append(f"no document has {column} = {group_a!r}; comparing the most frequent "
                     f"value, {new!r} ({present[new]} documents), with the rest instead")
        group_a, group_b = new, None
    elif group_b is not None and not found(group_b):
        notes.append(f"no document has {column} = {group_b!r}; group B is every other document")
        group_b = None
    if group_b is None and len(present) < 2:
        raise ValueError(f"group_column = {column!r}: every document has the same value "
                         f"({present.index[0]!r}), so there is nothing to compare; choose "
                         "another column or a query")
    return docs, group_a, group_b, notes
