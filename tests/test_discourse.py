import math

import numpy as np
import pandas as pd
import pytest

from digiwelfare.discourse import (
    g2_two_term,
    log_ratio,
    p_adjust_holm,
    term_pattern,
    textstat_concordance,
    textstat_keyness,
)


def test_reference_values_from_the_keyness_literature():
    # 52 hits in 50,000 tokens against 57 in 75,000: G2 about 2.65, log ratio about 0.45.
    assert float(g2_two_term(52, 57, 50_000, 75_000)) == pytest.approx(2.652, abs=5e-4)
    assert float(log_ratio(52, 57, 50_000, 75_000)) == pytest.approx(0.4525, abs=5e-4)


def test_g2_by_hand_with_a_zero_cell():
    # E_a = 100 * 10 / 400 = 2.5; the zero cell adds nothing: G2 = 2 * 10 * ln(10 / 2.5)
    assert float(g2_two_term(10, 0, 100, 300)) == pytest.approx(2 * 10 * math.log(4))
    assert float(g2_two_term(5, 15, 100, 300)) == pytest.approx(0.0, abs=1e-12)


def test_log_ratio_zero_adjustment_and_sign():
    assert float(log_ratio(8, 0, 1000, 1000)) == pytest.approx(math.log2(8 / 0.5))
    assert float(log_ratio(2, 8, 1000, 1000)) == pytest.approx(-2.0)


def test_holm_adjustment_by_hand():
    adjusted = p_adjust_holm([0.01, 0.04, 0.03, 0.5])
    assert np.allclose(adjusted, [0.04, 0.09, 0.09, 0.5])


def test_keyness_table_carries_its_counts():
    a = [["care", "care", "home"], ["care", "data"]]
    b = [["data", "data", "home"], ["data", "report", "home"]]
    table = textstat_keyness(a, b, min_freq=1)
    assert list(table.columns) == ["term", "freq_a", "freq_b", "total_a", "total_b", "g2",
                                   "p_value", "p_holm", "p_bh", "chi2", "log_ratio",
                                   "pct_diff", "key_for"]
    care = table.set_index("term").loc["care"]
    assert (care.freq_a, care.freq_b, care.total_a, care.total_b) == (3, 0, 5, 6)
    assert care.g2 == pytest.approx(float(g2_two_term(3, 0, 5, 6)))
    assert care.key_for == "A"
    assert table.set_index("term").loc["data", "key_for"] == "B"
    assert table["g2"].is_monotonic_decreasing


def test_keyness_min_freq_and_empty_group():
    table = textstat_keyness([["a"] * 5 + ["b"]], [["a"] * 5], min_freq=2)
    assert list(table["term"]) == ["a"]
    with pytest.raises(ValueError, match="tokens in both groups"):
        textstat_keyness([], [["a"]])


def test_concordance_context_wildcard_and_punctuation():
    docs = pd.DataFrame({"id": ["d2", "d1"],
                         "text": ["One two Discretion, three four.", "digitalisation and digital"]})
    kwic = textstat_concordance(docs, "discretion", window=2)
    assert kwic.to_dict("records") == [
        {"id": "d2", "position": 2, "left": "One two", "node": "Discretion,",
         "right": "three four."}]
    wildcard = textstat_concordance(docs, "digital*", window=1)
    assert list(wildcard["node"]) == ["digitalisation", "digital"]
    assert textstat_concordance(docs, "absent").empty
    assert term_pattern("a.b").fullmatch("axb") is None
