"""Keyness against scipy, Rayson's reference values and cases worked by hand."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from scipy.stats import chi2_contingency, mannwhitneyu

from digiwelfare.keyness import (
    KEYNESS_COLUMNS,
    chi2_keyness,
    dispersion_dp,
    g2_keyness,
    groups_choose,
    log_ratio,
    pct_diff,
    textstat_keyness,
)

TABLES = [(52, 57, 50_000, 75_000), (10, 0, 100, 300), (3, 40, 1_000, 1_200), (7, 7, 20, 30)]


@pytest.mark.parametrize(("fa", "fb", "ta", "tb"), TABLES)
def test_g2_and_chi2_agree_with_scipy(fa, fb, ta, tb):
    table = [[fa, fb], [ta - fa, tb - fb]]
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    assert float(g2_keyness(fa, fb, ta, tb)) == pytest.approx(g2)
    yates = chi2_contingency(table, correction=True, lambda_="log-likelihood")[0]
    assert float(g2_keyness(fa, fb, ta, tb, correction="yates")) == pytest.approx(yates)
    assert float(chi2_keyness(fa, fb, ta, tb)) == pytest.approx(
        chi2_contingency(table, correction=False)[0])
    assert float(chi2_keyness(fa, fb, ta, tb, correction="yates")) == pytest.approx(
        chi2_contingency(table, correction=True)[0])


def test_rayson_reference_values():
    # Rayson's log-likelihood wizard: 52 in 50,000 against 57 in 75,000 gives LL 2.65 and
    # log ratio 0.45; its two-cell form and the full table differ by under 0.005 here.
    assert float(g2_keyness(52, 57, 50_000, 75_000)) == pytest.approx(2.65, abs=0.005)
    assert float(log_ratio(52, 57, 50_000, 75_000)) == pytest.approx(0.4525, abs=5e-4)


def test_williams_correction_by_hand():
    # 10 of 100 tokens against 0 of 300: cells 10, 0, 90, 300; expectations 2.5, 7.5, 97.5,
    # 292.5. q = 1 + (N/R1 + N/R2 - 1)(N/C1 + N/C2 - 1) / 6N with N = 400.
    g2 = 2 * (10 * math.log(10 / 2.5) + 90 * math.log(90 / 97.5) + 300 * math.log(300 / 292.5))
    q = 1 + (400 / 10 + 400 / 390 - 1) * (400 / 100 + 400 / 300 - 1) / (6 * 400)
    assert float(g2_keyness(10, 0, 100, 300)) == pytest.approx(g2)
    assert float(g2_keyness(10, 0, 100, 300, correction="williams")) == pytest.approx(g2 / q)
    with pytest.raises(ValueError, match="correction"):
        g2_keyness(1, 2, 10, 10, correction="bonferroni")


def test_many_terms_at_once_and_no_warnings():
    # All of TABLES as one vector of terms: each term's value is its own table's (scipy;
    # Williams's q by hand as above), and zero cells (10 against 0, a term absent from both
    # groups) add nothing and raise no numpy warning.
    import warnings

    fa, fb, ta, tb = (np.array(column) for column in zip(*TABLES, strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g2 = {c: g2_keyness(fa, fb, ta, tb, correction=c) for c in ("none", "yates",
                                                                      "williams")}
        chi = chi2_keyness(fa, fb, ta, tb)
        absent = g2_keyness(0, 0, 100, 300, correction="williams")
        chi2_keyness(0, 0, 100, 300)
    assert float(absent) == 0
    for i, (a, b, n_a, n_b) in enumerate(TABLES):
        table = [[a, b], [n_a - a, n_b - b]]
        ref = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        assert g2["none"][i] == pytest.approx(ref)
        assert g2["yates"][i] == pytest.approx(
            chi2_contingency(table, correction=True, lambda_="log-likelihood")[0])
        n = n_a + n_b
        rows, cols = (a + b, n - a - b), (n_a, n_b)
        q = 1 + (n / rows[0] + n / rows[1] - 1) * (n / cols[0] + n / cols[1] - 1) / (6 * n)
        assert g2["williams"][i] == pytest.approx(ref / q)
        assert chi[i] == pytest.approx(chi2_contingency(table, correction=False)[0])
    for test in (g2_keyness, chi2_keyness):
        with pytest.raises(ValueError, match="^correction = 'Yates': expected one of none, "
                                             "yates, williams$"):
            test(1, 2, 10, 10, correction="Yates")


def test_effect_sizes_by_hand():
    assert float(log_ratio(8, 0, 1000, 1000)) == pytest.approx(math.log2(8 / 0.5))
    assert float(log_ratio(2, 8, 1000, 1000)) == pytest.approx(-2.0)
    assert float(log_ratio(0, 8, 1000, 1000)) == pytest.approx(math.log2(0.5 / 8))
    assert float(pct_diff(20, 10, 1000, 1000)) == pytest.approx(100.0)
    assert float(pct_diff(5, 0, 1000, 1000)) == pytest.approx(100 * (5 - 0.5) / 0.5)


def test_dp_worked_by_hand():
    # parts of 10, 20 and 70 tokens; hits 5, 5, 0: 0.5 * (|.5-.1| + |.5-.2| + |0-.7|) = 0.7
    assert float(dispersion_dp([5, 5, 0], [10, 20, 70])) == pytest.approx(0.7)
    # five equal parts, hits 1..5 of 15: 0.5 * (2/15 + 1/15 + 0 + 1/15 + 2/15) = 0.2
    assert float(dispersion_dp([1, 2, 3, 4, 5], [20] * 5)) == pytest.approx(0.2)
    both = dispersion_dp(np.array([[5, 2], [5, 2], [0, 0]]), [10, 20, 70])
    assert both[0] == pytest.approx(0.7) and np.isnan(dispersion_dp([0, 0], [1, 1]))
    rng = np.random.default_rng(5)
    counts = rng.poisson(0.3, size=(40, 30)) * (rng.random((40, 30)) < 0.4)
    sizes = rng.integers(1, 500, 40)
    assert dispersion_dp(sparse.csr_matrix(counts), sizes) == pytest.approx(
        dispersion_dp(counts, sizes), nan_ok=True)


def _docs(spec):
    """Documents of filler with ``k`` copies of a word: spec = [(word, k, length), ...]."""
    return [[w] * k + ["filler"] * (n - k) for w, k, n in spec]


def test_a_word_in_one_document_is_not_key_by_documents():
    a = _docs([("x", 20, 100)] + [("x", 0, 100)] * 9 + [("y", 5, 100)] * 10)
    b = _docs([("x", 0, 100)] * 10 + [("y", 0, 100)] * 10)
    table = textstat_keyness(a, b, min_freq=1).set_index("term")
    x, y = table.loc["x"], table.loc["y"]
    assert x.p_value < 1e-6 and x.docs_a == 1 and x.few_docs
    assert x.p_docs > 0.05 and y.p_docs < 0.001 and not y.few_docs
    assert x.dp_a > 0.9 and y.dp_a == pytest.approx(0.5)
    assert x.zero_count and not table.loc["filler"].zero_count
    two = textstat_keyness(_docs([("z", 5, 50)] * 2 + [("z", 0, 50)] * 3),
                           _docs([("z", 0, 50)] * 5), min_freq=1).set_index("term")
    assert two.loc["z", "docs_a"] == 2 and two.loc["z", "few_docs"]  # two documents: flagged


def test_document_test_agrees_with_scipy():
    a = [["a", "b", "a"], ["b", "b"], ["a", "c", "c", "b"], ["a"]]
    b = [["b", "c"], ["c", "c", "a"], ["b", "b", "b", "c"]]
    table = textstat_keyness(a, b, min_freq=1).set_index("term")
    for term in "abc":
        ra = [d.count(term) / len(d) for d in a]
        rb = [d.count(term) / len(d) for d in b]
        expected = mannwhitneyu(ra, rb, alternative="two-sided", method="asymptotic").pvalue
        assert table.loc[term, "p_docs"] == pytest.approx(expected)


def test_document_test_past_the_first_chunk_of_terms():
    rng = np.random.default_rng(8)
    vocab = [f"w{i:04d}" for i in range(700)]  # terms are tested 500 at a time
    a = [list(rng.choice(vocab, 120)) for _ in range(12)]
    b = [list(rng.choice(vocab[300:], 120)) for _ in range(9)]
    table = textstat_keyness(a, b, min_freq=1).set_index("term")
    assert len(table) > 600
    for term in sorted(table.index)[-3:]:
        expected = mannwhitneyu([d.count(term) / len(d) for d in a],
                                [d.count(term) / len(d) for d in b],
                                alternative="two-sided", method="asymptotic").pvalue
        assert table.loc[term, "p_docs"] == pytest.approx(expected)


def test_keyness_table_carries_its_counts():
    a = [["care", "care", "home"], ["care", "data"]]
    b = [["data", "data", "home"], ["data", "report", "home"]]
    table = textstat_keyness(a, b, min_freq=1)
    assert list(table.columns) == KEYNESS_COLUMNS
    care = table.set_index("term").loc["care"]
    assert (care.freq_a, care.freq_b, care.total_a, care.total_b) == (3, 0, 5, 6)
    assert (care.docs_a, care.docs_b, care.n_docs_a, care.n_docs_b) == (2, 0, 2, 2)
    assert care.g2 == pytest.approx(chi2_contingency([[3, 0], [2, 6]], correction=False,
                                                     lambda_="log-likelihood")[0])
    assert care.key_for == "A" and table.set_index("term").loc["data", "key_for"] == "B"
    assert table["g2"].is_monotonic_decreasing


def test_keyness_filters_and_errors():
    table = textstat_keyness([["a"] * 5 + ["b"]], [["a"] * 5], min_freq=2)
    assert list(table["term"]) == ["a"]
    spread = textstat_keyness([["a", "b"], ["a", "b"], ["a"]], [["b", "c", "c", "c"]],
                              min_freq=1, min_docs=2)
    assert set(spread["term"]) == {"a", "b"}
    with pytest.raises(ValueError, match="tokens in both groups"):
        textstat_keyness([], [["a"]])
    with pytest.raises(ValueError, match="correction"):
        textstat_keyness([["a"]], [["a"]], correction="yes")
    empty = textstat_keyness([["a"]], [["b"]], min_freq=5)
    assert empty.empty and list(empty.columns) == KEYNESS_COLUMNS


def test_groups_choose_falls_back_and_leaves_out_missing():
    docs = pd.DataFrame({"id": list("abcdef"),
                         "doc_type": ["report", "report", "abstract", "", None, "report"]})
    kept, a, b, notes = groups_choose(docs, "doc_type", "policy_document")
    assert list(kept["id"]) == ["a", "b", "c", "f"]
    assert (a, b) == ("report", None)
    assert "2 documents have no 'doc_type'" in notes[0] and "'report' (3 documents)" in notes[1]
    _, a, b, notes = groups_choose(docs, "doc_type", "abstract", "policy_document")
    assert (a, b) == ("abstract", None) and "every other document" in notes[-1]
    with pytest.raises(ValueError, match="nothing to compare"):
        groups_choose(docs[docs["doc_type"] == "report"], "doc_type", "x")
    with pytest.raises(ValueError, match="no such metadata column"):
        groups_choose(docs, "sector", "x")
    years = pd.DataFrame({"id": list("abcd"),
                          "year": pd.array([2020, None, 2021, 2020], dtype="Int64")})
    kept, a, b, notes = groups_choose(years, "year", 2020)
    assert list(kept["id"]) == ["a", "c", "d"] and (a, b) == (2020, None)
    assert notes == ["1 documents have no 'year' and are left out"]


def test_every_column_against_scipy_statsmodels_and_hand():
    from statsmodels.stats.multitest import multipletests

    # 15 tokens a side (an empty document in each, a one-token document in B). "same" and
    # "tie": 2 and 2, so equally frequent (key for A on a tie) with equal G2, sorted by
    # name; "care": 3 documents of A (not "few", which is under 3); "one": 1 against 2, no
    # zero count; "onlyb": a zero count.
    a = [["care", "care", "same", "one", "pad"], ["care", "same", "pad", "pad"],
         ["care", "tie", "pad"], [], ["tie", "five", "five"]]
    b = [["same", "onlyb", "pad", "pad", "pad"], ["same", "tie", "one", "pad"], ["tie"],
         ["onlyb", "five", "five", "five", "one"], []]
    table = textstat_keyness(a, b, min_freq=1, correction="yates")
    ta, tb = 15, 15
    assert (table.total_a.iloc[0], table.total_b.iloc[0]) == (ta, tb)
    assert table.term.tolist()[-2:] == ["same", "tie"]  # G2 = 0 for both: by name
    got = table.set_index("term")
    for term, r in got.iterrows():
        fa, fb = r.freq_a, r.freq_b
        cells = [[fa, fb], [ta - fa, tb - fb]]
        g2, p = chi2_contingency(cells, correction=True, lambda_="log-likelihood")[:2]
        assert r.g2 == pytest.approx(g2, abs=1e-12) and r.p_value == pytest.approx(p)
        assert r.chi2 == pytest.approx(chi2_contingency(cells, correction=True)[0], abs=1e-12)
        za, zb = fa or 0.5, fb or 0.5
        assert r.log_ratio == pytest.approx(math.log2((za / ta) / (zb / tb)))
        assert r.pct_diff == pytest.approx(100 * (fa / ta - zb / tb) / (zb / tb))
        assert r.zero_count == (fa == 0 or fb == 0)
        assert r.key_for == ("A" if fa >= fb else "B")  # equal totals
        for docs, dp in ((a, r.dp_a), (b, r.dp_b)):
            sizes = [len(d) for d in docs]
            hits = [d.count(term) for d in docs]
            by_hand = 0.5 * sum(abs((h / sum(hits) if sum(hits) else float("nan"))
                                    - s / sum(sizes)) for h, s in zip(hits, sizes, strict=True))
            assert dp == pytest.approx(by_hand, nan_ok=True)
        rel_a = [d.count(term) / len(d) for d in a if d]  # the empty document has no rate
        rel_b = [d.count(term) / len(d) for d in b if d]
        assert r.p_docs == pytest.approx(mannwhitneyu(
            rel_a, rel_b, alternative="two-sided", method="asymptotic").pvalue)
    assert got.loc["care", "docs_a"] == 3 and not got.loc["care", "few_docs"]
    assert got.loc["onlyb", "few_docs"] and got.loc["same", "key_for"] == "A"
    assert table.p_holm.tolist() == pytest.approx(multipletests(table.p_value, method="holm")[1])
    assert table.p_bh.tolist() == pytest.approx(multipletests(table.p_value, method="fdr_bh")[1])
    assert table.p_docs_bh.tolist() == pytest.approx(
        multipletests(table.p_docs, method="fdr_bh")[1])
    assert table.p_docs.dtype == float
    # the default keeps terms seen at least 5 times: "five" (2 + 3) and "pad" (4 + 4)
    assert sorted(textstat_keyness(a, b).term) == ["five", "pad"]
    williams = textstat_keyness(a, b, min_freq=1, correction="williams")
    assert (williams.g2 <= textstat_keyness(a, b, min_freq=1).g2.to_numpy() + 1e-12).all()
    with pytest.raises(ValueError, match="^correction = 'x': expected one of none, yates, "
                                         "williams$"):
        textstat_keyness(a, b, correction="x")


def test_sparse_dispersion_of_a_term_without_hits_and_no_warnings():
    # A column with no hits is NaN (not 0.5, not None), sparse or dense, without warnings.
    import warnings

    counts = np.array([[2, 0], [0, 0], [1, 0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dense = dispersion_dp(counts, [10, 20, 30])
        sparse_dp = dispersion_dp(sparse.csc_matrix(counts), [10, 20, 30])
    # hits 2, 0, 1 of 3 in parts of 10, 20, 30 of 60: 0.5 (|2/3-1/6| + 1/3 + |1/3-1/2|) = 0.5
    for dp in (dense, sparse_dp):
        assert dp.dtype == float and dp[0] == pytest.approx(0.5) and np.isnan(dp[1])


def test_groups_choose_messages_and_lists():
    docs = pd.DataFrame({"id": ["a", "b", "c"], "doc_type": ["x", "y", "y"]})
    same, a, b, notes = groups_choose(docs, "query", "term", None)
    assert same is docs and (a, b, notes) == ("term", None, [])
    _, a, b, notes = groups_choose(docs, "doc_type", ["x", "z"], None)  # a list of levels
    assert a == ["x", "z"] and notes == []
    with pytest.raises(ValueError, match=r"^group_column = 'nope': no such metadata column; "
                                         r"choose one of id, doc_type or 'query'$"):
        groups_choose(docs, "nope", "x")
    with pytest.raises(ValueError, match=r"^group_column = 'doc_type': no document has a "
                                         r"value; choose another$"):
        groups_choose(docs.assign(doc_type=""), "doc_type", "x")
    with pytest.raises(ValueError, match=r"nothing to compare; choose another column or a "
                                         r"query$"):
        groups_choose(docs.assign(doc_type="x"), "doc_type", "x")


def test_document_test_in_chunks_is_the_asymptotic_test():
    # Five terms, two at a time: every chunk is tested. Rates 0.1, 0.2, 0.3 against 0.4,
    # 0.5, 0.6 (no ties) for term 0: scipy's exact p would be 0.1, the asymptotic one (with
    # continuity correction) 0.081, the one documents of a corpus call for.
    from digiwelfare.keyness import _docs_test

    counts_a = sparse.csc_matrix(np.array([[1, 2, 0, 1, 3], [2, 0, 1, 1, 0], [3, 1, 1, 0, 2]]))
    counts_b = sparse.csc_matrix(np.array([[4, 0, 2, 1, 1], [5, 1, 0, 3, 0], [6, 2, 1, 0, 1]]))
    sizes = np.full(3, 10.0)
    got = _docs_test(counts_a, sizes, counts_b, sizes, chunk=2)
    for j in range(5):
        ref = mannwhitneyu(counts_a[:, j].toarray().ravel() / 10,
                           counts_b[:, j].toarray().ravel() / 10,
                           alternative="two-sided", method="asymptotic").pvalue
        assert got[j] == pytest.approx(ref)
    assert got[0] == pytest.approx(0.0809, abs=1e-4)


def test_the_document_test_and_counts_do_not_depend_on_how_they_are_built():
    """Each term's document-level p-value is the same whatever the chunk of terms ranked at
    once (the default is set by the corpus's size, to bound memory), and the per-document
    counts built from flat arrays are the counts of a Counter per document."""
    from collections import Counter

    from digiwelfare.keyness import _doc_counts, _docs_test

    rng = np.random.default_rng(4)
    words = [f"w{i}" for i in range(40)]
    docs_a = [list(rng.choice(words, size=rng.integers(0, 30))) for _ in range(25)]
    docs_b = [list(rng.choice(words, size=rng.integers(1, 30))) for _ in range(30)]
    terms = sorted(set(words[:35]))
    ca, sa = _doc_counts(docs_a, terms)
    cb, sb = _doc_counts(docs_b, terms)
    for i, doc in enumerate(docs_a):
        counted = Counter(doc)
        assert [ca[i, j] for j in range(len(terms))] == [counted[t] for t in terms]
    assert sa.tolist() == [len(d) for d in docs_a]
    whole = _docs_test(ca, sa, cb, sb, chunk=500)
    for chunk in (0, 1, 7):
        assert np.array_equal(_docs_test(ca, sa, cb, sb, chunk=chunk), whole, equal_nan=True)
