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


def test_seeds_expand_keeps_every_entry_and_the_whole_prefix():
    # a multi-word entry first must not end the list; an exact word before a prefix entry
    # stays; "data*" names words starting with "data", not "dat" or "d"
    vocab = ["dato", "data", "dataflyt", "kontroll", "dokument", "sick leave"]
    assert seeds_expand(["sick leave", "kontroll", "data*"], vocab) == [
        "data", "dataflyt", "kontroll"]
    # multi-word entries are left out even when the vocabulary holds the phrase
    assert seeds_expand(["sick leave", "sick leave*"], vocab) == []


def test_keyword_table_columns_zero_counts_notes_and_order():
    # two documents, five modelled tokens ("zzz" is outside the vocabulary); "audit" is in
    # the vocabulary but never used; counted by hand
    docs = [["stress", "care", "zzz", "care"], ["care", "stress"]]
    vocab = {"stress", "care", "audit", "burnout"}
    entries = {"b": ["stress", "care", "audit", "burn out"], "a": ["burnout", "gone"]}
    table = textstat_keywords(docs, entries, vocab)
    assert list(table.columns) == ["category", "entry", "word", "in_vocabulary", "frequency",
                                   "doc_frequency", "token_share", "doc_share", "note"]
    # categories ascending, then frequency descending, ties by word
    assert table[["category", "word", "frequency", "doc_frequency"]].values.tolist() == [
        ["a", "burnout", 0, 0], ["a", "gone", 0, 0], ["b", "care", 3, 2],
        ["b", "stress", 2, 2], ["b", "audit", 0, 0], ["b", "burn out", 0, 0]]
    assert table["token_share"].tolist() == pytest.approx([0, 0, 3 / 5, 2 / 5, 0, 0])
    assert table["doc_share"].tolist() == pytest.approx([0, 0, 1, 1, 0, 0])
    notes = dict(zip(table["word"], table["note"], strict=True))
    assert notes["care"] == notes["audit"] == notes["burnout"] == ""
    assert notes["gone"] == "not in this language's modelled vocabulary"
    assert notes["burn out"] == "multi-word entry: topic models see single words"


def test_keyword_shares_of_a_single_token_and_a_single_document():
    table = textstat_keywords([["audit"]], {"control": ["audit"]}, {"audit"})
    assert (table["token_share"].iloc[0], table["doc_share"].iloc[0]) == (1.0, 1.0)
    summary = textstat_keyword_categories(table, [["audit"]])
    assert summary["doc_share"].iloc[0] == 1.0


def test_keyword_categories_count_a_word_once_and_keep_the_table_order():
    # "stress" is named by two entries of "care": its 3 tokens count once
    docs = [["stress", "stress", "audit"], ["stress"]]
    table = textstat_keywords(docs, {"care": ["stress*", "stress"], "control": ["audit"]},
                              {"stress", "audit"})
    summary = textstat_keyword_categories(table, docs)
    care = summary.set_index("category").loc["care"]
    assert (care["seed_words"], care["seed_tokens"], care["entries"]) == (1, 3, 2)
    # categories come in the order of the table given, not sorted anew
    reverse = textstat_keyword_categories(table.iloc[::-1], docs)
    assert reverse["category"].tolist() == ["control", "care"]
