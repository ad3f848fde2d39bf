import nltk
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiwelfare.checks import ParameterError
from digiwelfare.products import tokens_read, tokens_write
from digiwelfare.tokens import (
    stopwords_read,
    text_tokenize,
    textstat_frequency,
    tokens_from_text,
)
from digiwelfare.tokentable import tokens_build


@pytest.fixture(autouse=True)
def no_downloads(monkeypatch):
    """Nothing may download at run time: make any attempt fail loudly."""
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")
    monkeypatch.setattr(nltk, "download", refuse)


def test_tokenize_keeps_norwegian_letters_and_inner_hyphens():
    assert text_tokenize("Æresord: blåbær-søknad og Ørsta's NAV-kontor, 2024!") == [
        "æresord", "blåbær-søknad", "og", "ørsta's", "nav-kontor"]


def test_stopword_lists_are_curated_per_language():
    en, nb = stopwords_read("en"), stopwords_read("nb")
    assert {"the", "and", "of"} <= en and {"og", "det", "som", "bli"} <= nb
    # content words that generic lists wrongly treat as stop words stay in
    assert not {"information", "system", "work", "research"} & en
    assert not {"arbeid", "bruke", "tid"} & nb
    with pytest.raises(ParameterError):
        stopwords_read("de")


def test_norwegian_lemmas_and_stopwords_after_lemmatising():
    assert tokens_from_text("Tjenestene ble levert til kommunene og barna.", "nb") == [
        "tjeneste", "levere", "kommune", "barn"]
    assert tokens_from_text("Tjenestene ble levert", "nb", lemmatize=False) == [
        "tjenestene", "levert"]


def test_lemma_overrides_keep_key_words():
    # simplemma alone turns "AI" into "be", a stop word, and "eldre" into "gammel"
    assert tokens_from_text("AI and KPIs", "en") == ["ai", "kpi"]
    assert tokens_from_text("Tjenester for eldre", "nb") == ["tjeneste", "eldre"]


def test_english_lemmas():
    assert tokens_from_text("The caseworkers were using dashboards.", "en") == [
        "caseworker", "use", "dashboard"]


def test_empty_text_gives_no_tokens():
    assert tokens_from_text("", "en") == []
    assert tokens_from_text("2024 -- !!", "nb") == []


def test_tokens_build_splits_bilingual_documents(small_corpus, tmp_path):
    from digiwelfare.corpus import corpus_read

    table = tokens_build(corpus_read(small_corpus))
    assert list(table.columns) == ["id", "language", "n_words", "tokens"]
    assert sorted(table.loc[table.language == "nb", "id"]) == ["b1", "b2", "c1"]
    c1_nb = table[(table.id == "c1") & (table.language == "nb")]["tokens"].iloc[0]
    assert "saksbehandler" in c1_nb and "caseworker" not in c1_nb
    path = tokens_write(table, tmp_path / "tokens.parquet")
    back = tokens_read(path, "nb")
    assert back["tokens"].iloc[0] == table[table.language == "nb"]["tokens"].iloc[0]
    with pytest.raises(ParameterError, match="'language' = 'sv'"):
        tokens_read(path, "sv")


def test_tokens_read_names_the_missing_cache(tmp_path):
    with pytest.raises(FileNotFoundError, match="notebook 02_prepare_tokens makes it"):
        tokens_read(tmp_path / "build" / "tokens.parquet")


def test_frequency_table_counts_terms_and_documents():
    table = textstat_frequency([["a", "b", "a"], ["b"], ["c"]])
    assert table.to_dict("records") == [
        {"term": "a", "frequency": 2, "docfreq": 1},
        {"term": "b", "frequency": 2, "docfreq": 2},
        {"term": "c", "frequency": 1, "docfreq": 1}]


def test_chunk_cache_gives_what_the_regexp_tokenizer_and_lemmas_give():
    """The cached path against the steps spelled out one by one with NLTK's tokenizer."""
    from nltk.tokenize import RegexpTokenizer

    from digiwelfare.tokens import word_lemmatize

    tokenizer = RegexpTokenizer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
    text = ("NAV-kontoret (2019) ga brukerne «digitale» tjenester,og 3D-skjemaer;\u00a0"
            "x²-verdier, Ørsta's kommune—og e-post.\tI 12 år BLE det ble sagt: ok!\n\n"
            "Tjenestene__og   tjenestene' m² ’tis")
    for language in ("nb", "en"):
        stop = stopwords_read(language)
        expected = [t for t in tokenizer.tokenize(text.lower()) if len(t) >= 2 and t not in stop]
        expected = [word_lemmatize(t, language) for t in expected]
        expected = [t for t in expected if len(t) >= 2 and t not in stop]
        for _ in range(2):  # the second time from the cache
            assert tokens_from_text(text, language) == expected
        plain = [t for t in tokenizer.tokenize(text.lower()) if len(t) >= 3 and t not in stop]
        assert tokens_from_text(text, language, lemmatize=False, min_len=3) == plain


def test_tokens_build_keeps_the_parts_it_split(small_corpus):
    """With keep_text, the table's parts are those of splitting the cleaned corpus by language
    on its own (what notebook 02 wrote to parts.parquet when it split documents twice)."""
    from digiwelfare.clean import corpus_clean
    from digiwelfare.corpus import corpus_read
    from digiwelfare.language import corpus_language_parts

    corpus = corpus_read(small_corpus)
    table = tokens_build(corpus, keep_text=True, partition_docs=2)
    assert list(table.columns) == ["id", "language", "text", "n_words", "tokens"]
    pd.testing.assert_frame_equal(table[["id", "language", "text"]],
                                  corpus_language_parts(corpus_clean(corpus)), check_exact=True)
    pd.testing.assert_frame_equal(table.drop(columns="text"), tokens_build(corpus))


def test_tokens_build_gives_the_debris_it_removed_as_textstat_debris_counts_it():
    """With with_debris, the lines the cleaning removed come back counted by document and
    reason, the table textstat_debris makes by cleaning the corpus on its own: notebook 02
    then cleans every text once. The partitions see the corpus-wide repeated lines."""
    from digiwelfare.clean import textstat_debris

    body = ("The caseworkers in the {} office read every message twice before they answered, "
            "and they kept a notebook of the questions that came back each week.")
    texts = [f"Skip to main content\nThe welfare portal of the county\n\n{body.format(town)}"
             f"\n\nShare on social media\nPage last updated by the web team"
             for town in ("Bodø", "Tromsø", "Alta", "Mo", "Harstad", "Narvik")]
    corpus = pd.DataFrame({"id": [f"d{i}" for i in range(6)], "language": "en", "text": texts})
    table, debris = tokens_build(corpus, partition_docs=2, with_debris=True)
    pd.testing.assert_frame_equal(table, tokens_build(corpus))
    reference = textstat_debris(corpus)
    assert reference["lines"].sum() >= 12 and "repeated" in set(reference["rule"])
    pd.testing.assert_frame_equal(debris, reference, check_exact=True)


def test_the_reader_addressed_in_the_second_person_is_a_stop_word_in_every_language():
    """Service pages and guides speak to their reader: "you", "your" are English stop words,
    and so are their Scandinavian forms (a key term "din" or "dig" says only that a page
    addresses its reader); a page's tokens keep its content words."""
    second = {"en": {"you", "your"}, "nb": {"deg", "din", "dine", "dere"},
              "nn": {"deg", "din", "dykk", "dykkar"}, "da": {"dig", "din", "dine", "jer"},
              "sv": {"dig", "din", "dina", "er"}}
    for language, words in second.items():
        assert words <= stopwords_read(language), language
    assert tokens_from_text("Du kan sende søknaden din digitalt.", "nb") == [
        "sende", "søknad", "digital"]


# --- tokens and running lemmas: the chunk caches give what the tokeniser gives ----------

TRICKY = [
    "Brukerne møtte NAV-kontoret i 2019. NAV-kontoret, sa de, var stengt!",
    "user-oriented services — 'digital by default' (2016); users' rights",
    "e\u0301tat cafe\u0301 naïve ΟΔΟΣ ΟΔΟΣ. snake_case x2y a--b 'quoted' l’état",
    "tab\tseparated\u00a0nbsp\u2009thin\u3000ideographic\nnew line",
    "", "   ", "2024 1.5 %", "Ørsta's kommune-- -ledd vel-ferd-s-stat",
]


@pytest.mark.parametrize("language", ["en", "nb"])
def test_text_lemmas_is_the_tokeniser_then_the_lemmas(language):
    from digiwelfare.tokens import (
        _LEMMA_CHUNKS,
        _WORD_CHUNKS,
        _tokenizer,
        text_lemmas,
        tokens_lemmatize,
    )

    _LEMMA_CHUNKS.clear()
    _WORD_CHUNKS.clear()
    for _ in range(2):  # a cold cache, then a warm one
        for text in TRICKY:
            nltk_words = _tokenizer().tokenize(text.lower())  # NLTK on the whole text
            assert text_tokenize(text) == nltk_words, text
            assert text_lemmas(text, language) == tokens_lemmatize(nltk_words, language), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcæøå ÆØÅ-'’_1.,\u0301\u00a0\t\nΣσς")),
               max_size=60))
def test_text_lemmas_agrees_on_any_text(text):
    from digiwelfare.tokens import _tokenizer, text_lemmas, tokens_lemmatize

    nltk_words = _tokenizer().tokenize(text.lower())
    assert text_tokenize(text) == nltk_words
    assert text_lemmas(text, "nb") == tokens_lemmatize(nltk_words, "nb")
