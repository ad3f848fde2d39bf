"""Collocations against an independent brute-force windowed count and scipy."""

import math

import pytest
from scipy.stats import chi2_contingency

from digiwelfare.collocations import COLLOCATION_COLUMNS, textstat_collocations

DOCS = [("the nurse met the data manager and the data manager read the data report while "
         "the nurse read the care plan and the data manager met the nurse").split(),
        "data data and care data plan nurse".split(),
        "a short document with no node at all".split()]


def brute_force(docs, node, left, right):
    """Counts written position by position, without sets of spans: a token outside every
    node occurrence is in the window when it lies within ``left`` words before or ``right``
    words after some node occurrence."""
    target = node.split()
    k = len(target)
    found, window, n, f_node = {}, 0, 0, 0
    totals = {}
    for doc in docs:
        starts = [i for i in range(len(doc) - k + 1) if doc[i:i + k] == target]
        f_node += len(starts)
        for p, word in enumerate(doc):
            if any(s <= p < s + k for s in starts):
                continue
            n += 1
            totals[word] = totals.get(word, 0) + 1
            near = any(s - left <= p < s or s + k <= p < s + k + right for s in starts)
            if near:
                window += 1
                found[word] = found.get(word, 0) + 1
    return found, window, n, f_node, totals


@pytest.mark.parametrize(("node", "left", "right"), [("data", 4, 4), ("data", 0, 1),
                                                     ("nurse", 2, 3), ("data manager", 1, 2)])
def test_counts_and_measures_match_a_brute_force_count(node, left, right):
    found, window, n, f_node, totals = brute_force(DOCS, node, left, right)
    table = textstat_collocations(DOCS, node, left, right, min_freq=1)
    assert list(table.columns) == COLLOCATION_COLUMNS
    assert dict(zip(table["collocate"], table["freq"], strict=True)) == found
    for row in table.itertuples():
        o, fc = found[row.collocate], totals[row.collocate]
        assert (row.window, row.n_tokens, row.freq_node, row.freq_collocate) == (
            window, n, f_node, fc)
        e = window * fc / n
        assert row.expected == pytest.approx(e)
        assert row.mi == pytest.approx(math.log2(o / e))
        assert row.mi3 == pytest.approx(math.log2(o ** 3 / e))
        assert row.t_score == pytest.approx((o - e) / math.sqrt(o))
        assert row.log_dice == pytest.approx(14 + math.log2(2 * o / (f_node + fc)))
        cells = [[o, window - o], [fc - o, n - window - fc + o]]
        g2 = chi2_contingency(cells, correction=False, lambda_="log-likelihood")[0]
        assert row.log_likelihood == pytest.approx(math.copysign(g2, o - e), abs=1e-9)


def test_node_is_never_its_own_collocate_and_overlaps_count_once():
    # "data data x": the two nodes' spans overlap on x; x is counted once, data not at all
    table = textstat_collocations([["data", "data", "x"]], "data", 2, 2, min_freq=1)
    assert table[["collocate", "freq", "window", "n_tokens"]].values.tolist() == [["x", 1, 1, 1]]


def test_signed_log_likelihood_is_negative_below_expectation():
    doc = ["the"] * 50 + ["node", "the", "a", "b", "c"] * 4
    table = textstat_collocations([doc], "node", 1, 1, min_freq=1).set_index("collocate")
    the = table.loc["the"]
    assert the.freq < the.expected and the.mi < 0 and the.log_likelihood < 0
    assert table.loc["c"].log_likelihood > 0


def test_exclude_hides_collocates_but_keeps_them_in_the_span():
    full = textstat_collocations(DOCS, "nurse", 2, 2, min_freq=1)
    short = textstat_collocations(DOCS, "nurse", 2, 2, min_freq=1, exclude={"the", "and"})
    assert "the" not in set(short["collocate"])
    assert short["window"].iloc[0] == full["window"].iloc[0]


def test_no_node_or_no_collocates_gives_an_empty_table_and_a_note(capsys):
    for node, words in (("absent", "occurs nowhere"), ("data", "no word occurs"), ("", "empty")):
        table = textstat_collocations(DOCS, node, min_freq=99)
        assert table.empty and list(table.columns) == COLLOCATION_COLUMNS
        assert words in capsys.readouterr().out
    assert textstat_collocations([], "data").empty
    assert textstat_collocations([[]], "data").empty


def test_defaults_sorting_and_notes(capsys):
    # The defaults are 4 words each side and at least 3 occurrences: the brute-force count
    # with those settings, the same words and frequencies.
    found, window, *_ = brute_force(DOCS, "data", 4, 4)
    table = textstat_collocations(DOCS, "data")
    assert table["window"].iloc[0] == window
    assert dict(zip(table["collocate"], table["freq"], strict=True)) == {
        w: o for w, o in found.items() if o >= 3}
    assert (table["node"] == "data").all()
    # sorted by logDice, strongest first; equal logDice by collocate, a to z: "b" and "a"
    # each once beside each of two nodes, so both have O = 2 and frequency 2
    tie = textstat_collocations([["b", "node", "a", "x", "x", "b", "node", "a"]], "node", 1, 1,
                                min_freq=1)
    assert tie[["collocate", "freq", "freq_collocate"]].values.tolist() == [["a", 2, 2],
                                                                           ["b", 2, 2]]
    many = textstat_collocations(DOCS, "data", 2, 2, min_freq=1)
    assert many["log_dice"].is_monotonic_decreasing
    # the notes say what to do, in these words
    textstat_collocations(DOCS, "")
    assert capsys.readouterr().out == (
        "collocations: the node is empty; give a lemma such as 'data'\n")
    textstat_collocations(DOCS, "absent")
    assert capsys.readouterr().out.endswith("choose a lemma that does (see the keyness table)\n")


def test_no_warnings_where_a_cell_of_the_table_is_empty():
    # "x" occurs only beside the node (O21 = 0) and fills the whole window (O12 = 0): the
    # zero cells add nothing to G2 (0 log 0 = 0), with no numpy warning on the way.
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = textstat_collocations([["node", "x", "y", "y", "node", "x"]], "node", 0, 1,
                                      min_freq=1)
    x = table.set_index("collocate").loc["x"]
    g2 = chi2_contingency([[2, 0], [0, 2]], correction=False, lambda_="log-likelihood")[0]
    assert (x.freq, x.window, x.freq_collocate, x.n_tokens) == (2, 2, 2, 4)
    assert x.log_likelihood == pytest.approx(g2)
