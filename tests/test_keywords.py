"""The keyword diagnostic before a keyword-assisted fit: seed words named by entries, and
their counts and document shares counted by hand."""

import pytest

from digiwelfare.keywords import seeds_expand, textstat_keyword_categories, textstat_keywords


def test_keyword_diagnostic_counts_and_flags():
    docs = [["care", "stress", "stress", "other"], ["stress", "workload"], ["x"]]
    entries = {"care": ["stress*", "workload", "burn out", "nowhere"], "control": ["audit"]}
    table = textstat_keywords(docs, entries, {"care", "stress", "workload", "x", "other"})
    stress = table[table["word"] == "stress"].iloc[0]
    assert stress["frequency"] == 3 and stress["doc_frequency"] == 2
    assert stress["doc_share"] == pytest.approx(2 / 3)
    assert stress["token_share"] == pytest.approx(3 / 7)
    flagged = table.set_index("entry")
    assert not flagged.loc["burn out", "in_vocabulary"]
    assert "multi-word" in flagged.loc["burn out", "note"]
    assert "vocabulary" in flagged.loc["nowhere", "note"]
    assert not flagged.loc["audit", "in_vocabulary"]


def test_seeds_expand_prefixes_and_exact_words():
    vocab = ["styring", "styringsdata", "kontroll", "data"]
    assert seeds_expand(["styring*", "kontroll", "mangler", "to ord"], vocab) == [
        "kontroll", "styring", "styringsdata"]


def test_keyword_categories_summary():
    docs = [["stress", "x"], ["audit", "stress"], ["x"]]
    table = textstat_keywords(docs, {"care": ["stress", "gone"], "control": ["audit"]},
                              {"stress", "audit", "x"})
    summary = textstat_keyword_categories(table, docs).set_index("category")
    assert summary.loc["care", "entries"] == 2 and summary.loc["care", "entries_in_vocabulary"] == 1
    assert summary.loc["care", "seed_tokens"] == 2
    assert summary.loc["care", "doc_share"] == pytest.approx(2 / 3)
    assert summary.loc["control", "doc_share"] == pytest.approx(1 / 3)
