"""Collocations, concordances, dictionaries, sentences and networks."""

import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from scipy.stats import chi2_contingency

from digiwelfare.discourse import (
    Entry,
    chi2_two_term,
    concordance_html,
    dictionary_load,
    dictionary_match,
    lemmas_all,
    network_projection,
    p_adjust_bh,
    pct_diff,
    sentences_lemmatize,
    text_sentences,
    textstat_collocations,
    textstat_concordance,
    textstat_cooccurrence,
    textstat_dictionary,
    textstat_dictionary_groups,
    textstat_dictionary_lines,
    textstat_keyness,
    textstat_network,
    textstat_sentence_categories,
    textstat_topic_dictionary,
)

WORDS = ("the nurse met the data manager and the data manager read the data report while "
         "the nurse read the care plan and the data manager met the nurse").split()


def test_chi_square_agrees_with_scipy_without_yates():
    expected = chi2_contingency([[52, 57], [50_000 - 52, 75_000 - 57]], correction=False)[0]
    assert float(chi2_two_term(52, 57, 50_000, 75_000)) == pytest.approx(expected)


def test_pct_diff_and_bh_by_hand():
    # 20 per 1,000 against 10 per 1,000: 100 % more
    assert float(pct_diff(20, 10, 1000, 1000)) == pytest.approx(100.0)
    assert float(pct_diff(5, 0, 1000, 1000)) == pytest.approx(100 * (5 - 0.5) / 0.5)
    # sorted p: 0.01, 0.03, 0.04, 0.5 -> p*m/rank: 0.04, 0.06, 0.0533, 0.5 -> running minimum
    # from the largest: 0.04, 0.0533, 0.0533, 0.5; back in the original order:
    assert p_adjust_bh([0.01, 0.04, 0.03, 0.5]).tolist() == pytest.approx(
        [0.04, 0.16 / 3, 0.16 / 3, 0.5])
    table = textstat_keyness([["a"] * 6 + ["b"]], [["b"] * 6 + ["a"]], min_freq=1)
    assert {"chi2", "pct_diff", "p_bh"} <= set(table.columns)


def test_collocations_agree_with_nltk_for_adjacent_pairs():
    finder = BigramCollocationFinder.from_words(WORDS)
    measures = BigramAssocMeasures()
    table = textstat_collocations([WORDS], "data", left=0, right=1, min_freq=1)
    assert set(table["collocate"]) == {"manager", "report"}
    for row in table.itertuples():
        assert row.mi == pytest.approx(finder.score_ngram(measures.pmi, "data", row.collocate))
        assert row.t_score == pytest.approx(
            finder.score_ngram(measures.student_t, "data", row.collocate))
        assert row.log_likelihood == pytest.approx(
            finder.score_ngram(measures.likelihood_ratio, "data", row.collocate))


def test_collocation_window_and_logdice_by_hand():
    table = textstat_collocations([WORDS], "nurse", left=2, right=2, min_freq=1,
                                  stopwords=frozenset({"the", "and"}))
    row = table.set_index("collocate").loc["met"]
    # "nurse met", "the nurse" x3 ... "met the nurse" at the end: met within 2 words twice
    assert row.freq == 2 and row.freq_node == 3 and row.span == 4
    assert row.log_dice == pytest.approx(14 + __import__("math").log2(2 * 2 / (3 + 2)))
    phrase = textstat_collocations([WORDS], "data manager", left=1, right=1, min_freq=1)
    assert phrase["freq_node"].iloc[0] == 3
    assert textstat_collocations([WORDS], "absent").empty


def test_concordance_modes_sorting_and_metadata():
    docs = pd.DataFrame({"id": ["d1", "d2"], "text": [
        "Managers read dashboards. The manager read a dashboard daily.",
        "Caseworkers used discretion; discretionary choices vary."]})
    lemma = textstat_concordance(docs, "dashboard", language="en", match="lemma", window=2)
    assert list(lemma["node"]) == ["dashboards.", "dashboard"]
    regex = textstat_concordance(docs, r"discretion\w*", match="regex")
    assert list(regex["node"]) == ["discretion;", "discretionary"]
    phrase = textstat_concordance(docs, "manager read", window=1)
    assert phrase.iloc[0].to_dict() | {} == {"id": "d1", "position": 4, "left": "The",
                                             "node": "manager read", "right": "a"}
    by_right = textstat_concordance(docs, "read", sort="right1", window=2)
    assert list(by_right["right"].str.split().str[0]) == ["a", "dashboards."]
    meta = pd.DataFrame({"id": ["d1", "d2"], "year": [2015, 2020]})
    assert "year" in textstat_concordance(docs, "read", meta=meta).columns
    with pytest.raises(ValueError, match="needs the language"):
        textstat_concordance(docs, "read", match="lemma")


def test_concordance_html_escapes_document_text():
    docs = pd.DataFrame({"id": ["x<1>"], "text": [
        'Before <script>alert("x")</script> the node <b>word</b> after'] })
    html = concordance_html(textstat_concordance(docs, "node", window=3))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>node</b>" in html and "&lt;b&gt;word&lt;/b&gt;" in html
    assert "x&lt;1&gt;" in html


def test_sentences_respect_abbreviations():
    text = ("Vi brukte f.eks. intervjuer. Se St.meld. nr. 9 om dette! Data, e.g. logs, "
            "were read.\n\nNew paragraph without a stop")
    assert text_sentences(text) == ["Vi brukte f.eks. intervjuer.", "Se St.meld. nr. 9 om dette!",
                                    "Data, e.g. logs, were read.", "New paragraph without a stop"]


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "dict.yaml"
    path.write_text("categories:\n"
                    "  control:\n    en: [monitor, surveillance, \"performance measure*\"]\n"
                    "    nb: [overvåking, \"kontroll*\"]\n"
                    "  barriers:\n    en: [\"sick leave\", turnover, \"staff shortage*\"]\n"
                    "    nb: [sykefravær, turnover]\n", encoding="utf-8")
    return dictionary_load(path)


def test_dictionary_matching_longest_first(lexicon):
    lemmas = lemmas_all("Managers monitored sick leave and performance measurement, and "
                        "staff shortages grew.", "en")
    hits = dictionary_match(lemmas, lexicon, "en")
    assert [(c, e) for _, _, c, e in hits] == [("control", "monitor"), ("barriers", "sick leave"),
                                               ("control", "performance measure*"),
                                               ("barriers", "staff shortage*")]
    assert Entry("kontroll*", ("kontroll*",)).matches_at(["kontrollrutine"], 0)


def test_dictionary_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  control: [monitor]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="category 'control' must map languages"):
        dictionary_load(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a mapping 'categories:'"):
        dictionary_load(bad)


def test_rates_groups_cooccurrence_and_topics(lexicon):
    parts = pd.DataFrame({"id": ["a", "b", "c"], "text": [
        "Managers monitor staff. Sick leave rose.",
        "Surveillance and sick leave go together here.",
        "Nothing relevant in this text at all."]})
    rates = textstat_dictionary(parts, lexicon, "en")
    got = rates.set_index(["id", "category"])
    assert got.loc[("a", "control"), "hits"] == 1 and got.loc[("a", "control"), "tokens"] == 6
    assert got.loc[("a", "control"), "rate"] == pytest.approx(1000 / 6)
    assert got.loc[("c", "barriers"), "hits"] == 0
    meta = pd.DataFrame({"id": ["a", "b", "c"], "doc_type": ["x", "x", "y"]})
    groups = textstat_dictionary_groups(rates, meta, "doc_type", n_boot=200)
    x = groups.set_index(["group", "category"]).loc[("x", "control")]
    assert x.hits == 2 and x.rate == pytest.approx(1000 * 2 / (6 + 7))
    assert x.ci_low <= x.rate <= x.ci_high
    lemmatized = sentences_lemmatize(parts, "en")
    assert len(lemmatized) == 4 and lemmatized["lemmas"].iloc[0][:2] == ["manager", "monitor"]
    sentences = textstat_sentence_categories(lemmatized, lexicon, "en")
    pairs = textstat_cooccurrence(sentences, n_sentences=len(lemmatized))
    assert pairs.to_dict("records") == [{"category_a": "barriers", "category_b": "control",
                                         "both": 1, "sentences_a": 2, "sentences_b": 2,
                                         "n_sentences": 4, "lift": 1.0}]
    lines = textstat_dictionary_lines(parts, lexicon, "en", n=1)
    assert sorted(lines["category"]) == ["barriers", "control"]
    doc_topics = pd.DataFrame({"id": ["a", "b", "c"], "1": [1.0, 0.0, 0.5], "2": [0.0, 1.0, 0.5]})
    by_topic = textstat_topic_dictionary(rates, doc_topics).set_index(["topic", "category"])
    assert by_topic.loc[(1, "control"), "rate"] == pytest.approx(1000 * 1 / (6 + 0.5 * 7))


def test_network_and_projections():
    actors = pd.DataFrame({"id": ["a", "a", "b"], "sentence": [0, 1, 0],
                           "category": ["managers", "caseworkers", "managers"], "hits": 1})
    concepts = pd.DataFrame({"id": ["a", "a", "a", "b"], "sentence": [0, 0, 1, 0],
                             "category": ["control", "care", "control", "control"], "hits": 1})
    edges = textstat_network(actors, concepts)
    assert edges.to_dict("records") == [
        {"actor": "managers", "concept": "control", "weight": 2},
        {"actor": "caseworkers", "concept": "control", "weight": 1},
        {"actor": "managers", "concept": "care", "weight": 1}]
    actor_pairs = network_projection(edges, "actor")
    assert actor_pairs.to_dict("records") == [
        {"source": "caseworkers", "target": "managers", "weight": 1, "shared": 1}]
    concept_pairs = network_projection(edges, "concept")
    assert concept_pairs.iloc[0][["source", "target", "weight"]].tolist() == ["care", "control", 1]
