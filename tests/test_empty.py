"""Empty and degenerate inputs, in quanteda's manner: every public function of the statistics
and text modules either returns a well-formed result (an empty table with the columns it has
on real input, an empty list, NaN for an undefined measure) or raises a ValueError that names
the problem and what to do. Never an IndexError, KeyError, ZeroDivisionError or a numpy
"zero-size array" crash from deep inside.

A result counts as well-formed when it has the same columns as the result of the same
function on one ordinary document, so a table's shape is checked against the code's own
non-empty path, not against a list typed here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from digiwelfare import (
    clean,
    collocations,
    concordances,
    corpus,
    dictionaries,
    explorers,
    keyness,
    keywords,
    language,
    networks,
    pvalues,
    selection,
    tokens,
    tokentable,
    topics,
    vocabulary,
)
from digiwelfare.design import design_build
from digiwelfare.glm import glm_logit_fit

TEXT = ("Caseworkers use discretion when the system flags a case. The system stores data "
        "about every case, and caseworkers read the data before they decide.")
PARTS_NONE = pd.DataFrame(columns=["id", "language", "text"])
PARTS_ONE = pd.DataFrame({"id": ["d1"], "language": ["en"], "text": [TEXT]})
PARTS_NO_TOKENS = pd.DataFrame({"id": ["d1"], "language": ["en"], "text": ["12 34 -- !! 2020"]})
META_NONE = pd.DataFrame(columns=["id", "title", "year", "doc_type"])
META_ONE = pd.DataFrame({"id": ["d1"], "title": ["One"], "year": [2020],
                         "doc_type": ["abstract"]})
CORPUS_NONE = pd.DataFrame(columns=[*corpus.COLUMNS, "text"])
CORPUS_ONE = pd.DataFrame([{**{c: "" for c in corpus.COLUMNS}, "id": "d1", "title": "One",
                            "language": "en", "doc_type": "abstract", "year": 2020,
                            "text": TEXT}])


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "dict.yaml"
    path.write_text("categories:\n  data:\n    en: [data, system]\n"
                    "  judgement:\n    en: [discretion, decide]\n", encoding="utf-8")
    return dictionaries.dictionary_read(path)


def same_columns(empty: pd.DataFrame, full: pd.DataFrame) -> None:
    assert isinstance(empty, pd.DataFrame) and empty.empty
    assert list(empty.columns) == list(full.columns)


# --- text: tokens, cleaning, language ----------------------------------------------------

def test_text_functions_give_nothing_for_no_text():
    assert tokens.text_tokenize("") == []
    assert tokens.tokens_from_text("12 34 !!", "en") == []
    assert tokens.tokens_remove([], frozenset()) == []
    assert tokens.tokens_lemmatize([], "en") == []
    assert dictionaries.lemmas_all("", "en") == []
    assert dictionaries.text_sentences("") == []
    assert clean.text_clean("") == ("", [])
    assert clean.lines_repeated([]) == frozenset()
    assert language.paragraphs_split("\n\n  \n") == []
    assert language._paragraphs_language([]) == []
    assert language.text_languages_split("") == {}


def test_language_of_no_words_is_the_first_candidate_not_a_crash():
    # lingua finds no language in digits alone; the documented fallback is the first candidate
    assert language.language_detect("12 34", ("nb", "en")) == "nb"
    assert language.language_tag("", ("en", "nb")) == "en"


def test_token_tables_of_an_empty_corpus_keep_their_columns():
    one = tokentable.tokens_build(CORPUS_ONE)
    same_columns(tokentable.tokens_build(CORPUS_NONE), one)
    modelled, unmodelled = tokentable.tokens_modelled(one.iloc[:0])
    assert modelled.empty and unmodelled.empty and "reason" in unmodelled
    full = tokens.textstat_frequency([["data", "case"]])
    same_columns(tokens.textstat_frequency([]), full)
    same_columns(tokens.textstat_frequency([[], []]), full)
    assert len(vocabulary.dictionary_build([])) == 0


def test_a_document_with_no_tokens_is_reported_not_modelled():
    only_stop_words = CORPUS_ONE.assign(id="d2", text="It is what it is, and that is it.")
    table = tokentable.tokens_build(pd.concat([CORPUS_ONE, only_stop_words]))
    _, unmodelled = tokentable.tokens_modelled(table, min_docs=1)
    assert unmodelled["id"].tolist() == ["d2"]
    assert "no word left" in unmodelled["reason"].iloc[0]


def test_cleaning_and_language_parts_of_an_empty_corpus():
    cleaned = clean.corpus_clean(CORPUS_NONE)
    assert cleaned.empty and set(CORPUS_NONE.columns) <= set(cleaned.columns)
    same_columns(clean.textstat_debris(CORPUS_NONE), clean.textstat_debris(CORPUS_ONE))
    same_columns(language.corpus_language_parts(CORPUS_NONE),
                 language.corpus_language_parts(CORPUS_ONE))


# --- corpus ------------------------------------------------------------------------------

def test_corpus_tables_of_no_documents():
    same_columns(corpus.textstat_counts(CORPUS_NONE, ["doc_type"]),
                 corpus.textstat_counts(CORPUS_ONE, ["doc_type"]))
    same_columns(corpus.textstat_metadata(CORPUS_NONE), corpus.textstat_metadata(CORPUS_ONE))


@pytest.mark.parametrize("call", [
    lambda: corpus.corpus_subset(CORPUS_NONE, "doc_type", ["abstract"]),
    lambda: corpus.corpus_groups(CORPUS_NONE, "doc_type", "abstract"),
])
def test_subsets_of_an_empty_corpus_say_it_is_empty(call):
    with pytest.raises(ValueError, match="no documents"):
        call()


def test_a_level_absent_from_the_corpus_lists_the_levels_present():
    with pytest.raises(ValueError, match="values present are abstract"):
        corpus.corpus_subset(CORPUS_ONE, "doc_type", ["policy_document"])


# --- keyness, collocations, concordances ---------------------------------------------------

@pytest.mark.parametrize("a, b", [([], []), ([[]], [[]]), ([["data"] * 10], []),
                                  ([], [["data"] * 10])])
def test_keyness_without_tokens_in_a_group_names_the_group(a, b):
    with pytest.raises(ValueError, match="tokens in both groups.*choose groups"):
        keyness.textstat_keyness(a, b)


def test_keyness_with_no_term_frequent_enough_is_an_empty_table():
    table = keyness.textstat_keyness([["data", "case"]], [["case", "form"]], min_freq=5)
    assert table.empty and list(table.columns) == keyness.KEYNESS_COLUMNS


def test_keyness_measures_of_zero_counts_are_defined_or_nan():
    with np.errstate(all="ignore"):
        assert keyness.g2_keyness([0], [0], 10, 10)[0] == 0.0  # no evidence either way
        assert keyness.log_ratio([0], [0], 10, 10)[0] == 0.0  # 0.5 against 0.5
    assert np.isnan(keyness.dispersion_dp([0, 0], [5, 5]))  # DP of a term with no hits
    assert keyness.dispersion_dp(np.zeros((2, 0)), [5, 5]).shape == (0,)


def test_groups_choose_on_empty_metadata_names_the_column():
    with pytest.raises(ValueError, match="'doc_type'.*no document has a value"):
        keyness.groups_choose(META_NONE, "doc_type", "abstract")


@pytest.mark.parametrize("docs", [[], [[]], [["case", "flag"]]], ids=["none", "empty", "absent"])
def test_collocations_of_a_node_found_nowhere_are_empty(docs, capsys):
    table = collocations.textstat_collocations(docs, "data", min_freq=1)
    assert table.empty and list(table.columns) == collocations.COLLOCATION_COLUMNS
    assert "occurs nowhere" in capsys.readouterr().out


def test_concordance_of_nothing():
    full = concordances.concordance_build(PARTS_ONE, "data")
    assert len(full) == 2
    same_columns(concordances.concordance_build(PARTS_NONE, "data"), full)
    same_columns(concordances.concordance_build(PARTS_ONE, "absentword"), full)
    html = explorers.concordance_html(full.iloc[:0])
    assert html.startswith("<") and "data" not in html
    with pytest.raises(ValueError, match="query is empty"):
        concordances.concordance_build(PARTS_ONE, "  ")


# --- dictionaries and networks -------------------------------------------------------------

def test_dictionary_tables_of_no_documents(lexicon):
    full = dictionaries.textstat_dictionary(PARTS_ONE, lexicon, "en")
    empty = dictionaries.textstat_dictionary(PARTS_NONE, lexicon, "en")
    same_columns(empty, full)
    groups_full = dictionaries.textstat_dictionary_groups(full, META_ONE, "doc_type")
    groups = dictionaries.textstat_dictionary_groups(empty, META_NONE, "doc_type")
    same_columns(groups, groups_full)
    same_columns(dictionaries.textstat_dictionary_difference(empty, META_NONE, "doc_type",
                                                             "abstract"),
                 dictionaries.textstat_dictionary_difference(full, META_ONE, "doc_type",
                                                             "abstract"))
    highest = dictionaries.textstat_dictionary_highest(groups)
    assert highest.empty and list(highest.columns)[:2] == ["category", "group"]
    same_columns(dictionaries.dictionary_lines_sample(PARTS_NONE, lexicon, "en"),
                 dictionaries.dictionary_lines_sample(PARTS_ONE, lexicon, "en"))
    doc_topics = pd.DataFrame({"id": ["d1"], 1: [0.7], 2: [0.3]})  # textstat_doc_topics
    same_columns(dictionaries.textstat_topic_dictionary(empty, doc_topics.iloc[:0]),
                 dictionaries.textstat_topic_dictionary(full, doc_topics))


def test_a_document_with_no_tokens_has_rates_of_zero_hits(lexicon):
    table = dictionaries.textstat_dictionary(PARTS_NO_TOKENS, lexicon, "en")
    assert (table["hits"] == 0).all() and (table["tokens"] == 0).all()


def test_one_group_of_one_document_gets_no_interval(lexicon):
    rates = dictionaries.textstat_dictionary(PARTS_ONE, lexicon, "en")
    groups = dictionaries.textstat_dictionary_groups(rates, META_ONE, "doc_type")
    assert groups["few_docs"].all() and groups["ci_low"].isna().all()
    assert dictionaries.textstat_dictionary_highest(groups).empty  # one group: none is highest


def test_sentences_dispersion_and_periods_of_nothing(lexicon):
    sentences = dictionaries.sentences_lemmatize(PARTS_NONE, "en")
    same_columns(sentences, dictionaries.sentences_lemmatize(PARTS_ONE, "en"))
    cats = dictionaries.sentences_match(sentences, lexicon, "en")
    assert cats.empty and {"id", "sentence", "category"} <= set(cats.columns)
    full = dictionaries.terms_locate(PARTS_ONE, META_ONE, ["data"], "en")
    assert len(full) == 2
    for parts, meta, terms in ((PARTS_NONE, META_NONE, ["data"]),
                               (PARTS_ONE, META_ONE, ["absentword"]),
                               (PARTS_ONE, META_ONE, [])):
        same_columns(dictionaries.terms_locate(parts, meta, terms, "en"), full)
    periods = dictionaries.textstat_term_periods(full.iloc[:0], PARTS_NONE, META_NONE, ["data"],
                                                 2015)
    assert (periods["documents"] == 0).all() and periods["share"].isna().all()


def test_networks_of_no_sentence():
    none = pd.DataFrame(columns=["id", "sentence", "category"])
    edges = networks.textstat_network(none, none, n_sentences=0)
    assert edges.empty and list(edges.columns) == networks.NETWORK_COLUMNS
    assert networks.textstat_cooccurrence(none, 0).empty
    projection = networks.network_projection(edges, "actor")
    assert projection.empty and list(projection.columns) == ["source", "target", "weight",
                                                             "shared"]


# --- keywords, p-values, topics, selection, effects ------------------------------------------

def test_keywords_of_an_empty_corpus_say_no_seed_occurs():
    table = keywords.textstat_keywords([], {"data": ["data"]}, [])
    assert table["in_vocabulary"].eq(False).all() and table["frequency"].eq(0).all()
    assert keywords.seeds_expand([], ["data"]) == []


def test_p_adjustments_of_no_tests_are_empty():
    assert pvalues.p_adjust_holm([]).shape == (0,)
    assert pvalues.p_adjust_bh([]).shape == (0,)


def test_topic_tables_of_no_documents():
    doc_topics = pd.DataFrame({"id": ["d1"], 1: [0.7], 2: [0.3]})  # textstat_doc_topics
    none = doc_topics.iloc[:0]
    same_columns(topics.textstat_prevalence(none, META_NONE, "doc_type"),
                 topics.textstat_prevalence(doc_topics, META_ONE, "doc_type"))
    same_columns(topics.representatives_select(none, META_NONE),
                 topics.representatives_select(doc_topics, META_ONE))
    same_columns(topics.textstat_doc_topics_long(none),
                 topics.textstat_doc_topics_long(doc_topics))
    assert topics.topics_label(pd.DataFrame(columns=["topic", "rank", "word"])) == {}


@pytest.mark.parametrize("k", [0, 1])
def test_fewer_than_two_topics_is_refused_with_the_range(k):
    with pytest.raises(ValueError, match="from 2 to"):
        topics.k_check(k, 10)


def test_relevance_of_an_empty_topic_table_says_what_to_give():
    with pytest.raises(ValueError, match="topic-word table is empty"):
        explorers.textstat_relevance(pd.DataFrame(columns=["topic", "word", "probability",
                                                           "lift"]), 1)


def test_held_out_measures_without_held_out_tokens_say_so():
    beta = np.full((2, 4), 0.25)
    for bow in ([], [[]]):
        with pytest.raises(ValueError, match="no held-out tokens"):
            selection.heldout_completion(bow, beta, 0.1)
    assert selection.theta_estimate([], beta, 0.1).shape == (0, 2)
    assert selection.k_grid([5, 10], 3) == []  # under four documents: no K fits


def test_effects_with_one_level_or_no_documents_drop_the_covariate():
    meta = pd.DataFrame({"id": list("abcdefgh"), "doc_type": ["x"] * 8, "year": [2020] * 8})
    for table in (meta, meta.iloc[:0]):
        design, dropped = design_build(table, ["doc_type"])
        assert dropped == ["doc_type", "year"]
        assert design.categorical == [] and design.year is None


def test_a_glm_with_no_residual_degree_of_freedom_is_refused():
    with pytest.raises(ValueError, match="more documents than coefficients"):
        glm_logit_fit(np.ones((1, 1)), np.full((1, 2), 0.5))
