"""Concordances: context, wildcards, lemmas, sorting, punctuation-only words, HTML."""

import pandas as pd
import pytest

from digiwelfare.concordances import concordance_html, term_pattern, textstat_concordance


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


def test_concordance_modes_sorting_and_metadata():
    docs = pd.DataFrame({"id": ["d1", "d2"], "text": [
        "Managers read dashboards. The manager read a dashboard daily.",
        "Caseworkers used discretion; discretionary choices vary."]})
    lemma = textstat_concordance(docs, "dashboard", language="en", match="lemma", window=2)
    assert list(lemma["node"]) == ["dashboards.", "dashboard"]
    regex = textstat_concordance(docs, r"discretion\w*", match="regex")
    assert list(regex["node"]) == ["discretion;", "discretionary"]
    phrase = textstat_concordance(docs, "manager read", window=1)
    assert phrase.iloc[0].to_dict() == {"id": "d1", "position": 4, "left": "The",
                                        "node": "manager read", "right": "a"}
    by_right = textstat_concordance(docs, "read", sort="right1", window=2)
    assert list(by_right["right"].str.split().str[0]) == ["a", "dashboards."]
    by_left = textstat_concordance(docs, "read", sort="left1", window=2)
    assert list(by_left["left"].str.split().str[-1]) == ["manager", "Managers"]
    meta = pd.DataFrame({"id": ["d1", "d2"], "year": [2015, 2020]})
    assert "year" in textstat_concordance(docs, "read", meta=meta).columns
    with pytest.raises(ValueError, match="needs the language"):
        textstat_concordance(docs, "read", match="lemma")
    with pytest.raises(ValueError, match="sort"):
        textstat_concordance(docs, "read", sort="right9")


def test_punctuation_only_words_empty_texts_and_queries():
    docs = pd.DataFrame({"id": ["a", "b", "c"], "text": [
        "Tjenester – • & § for brukerne § 12.", "", "ukjentordxyz –"]})
    for language in ("nb", "en"):
        lines = textstat_concordance(docs, "tjeneste", language=language, match="lemma")
        assert len(lines) <= 1
    assert list(textstat_concordance(docs, "bruker", language="nb", match="lemma")["id"]) == ["a"]
    assert textstat_concordance(docs, ".*", match="regex")["node"].str.len().min() > 0
    with pytest.raises(ValueError, match="query is empty"):
        textstat_concordance(docs, "  ")


def test_concordance_html_escapes_document_text():
    docs = pd.DataFrame({"id": ["x<1>"], "text": [
        'Before <script>alert("x")</script> the node <b>word</b> after']})
    html = concordance_html(textstat_concordance(docs, "node", window=3))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>node</b>" in html and "&lt;b&gt;word&lt;/b&gt;" in html
    assert "x&lt;1&gt;" in html
    assert "No lines." in concordance_html(textstat_concordance(docs, "absent"))
