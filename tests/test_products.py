"""Build products: each is written only when its content changed, read back as written, and
named with its maker and the make command when missing."""

import os

import pandas as pd
import pytest
from gensim.corpora import Dictionary

from digiwelfare.config import ROOT, ProductMissing, paths_resolve
from digiwelfare.products import (
    doc_topics_read,
    doc_topics_write,
    k_read,
    k_write,
    parts_read,
    parts_write,
    posterior_read,
    posterior_write,
    vocabulary_read,
    vocabulary_write,
)


def _unchanged(write, value, path) -> bool:
    """Whether a second write of the same value leaves the file (and its time) alone."""
    assert write(value, path) if write is not k_write else write(path, value)
    os.utime(path, (1, 1))
    again = write(value, path) if write is not k_write else write(path, value)
    return not again and path.stat().st_mtime == 1


def test_k_is_written_only_when_it_changes(tmp_path):
    path = tmp_path / "build" / "chosen_k_en.txt"
    assert _unchanged(k_write, 6, path) and path.read_text() == "6\n"
    assert k_write(path, 8) and k_read(path) == 8


def test_parts_round_trip_and_keep_their_time(tmp_path):
    parts = pd.DataFrame({"id": ["a", "a", "b"], "language": ["en", "nb", "en"],
                          "text": ["Digital services.", "Digitale tjenester.", "Care work."]})
    path = tmp_path / "build" / "parts.parquet"
    assert _unchanged(parts_write, parts, path)
    pd.testing.assert_frame_equal(parts_read(path), parts)
    en = parts_read(path, "en")
    assert en["id"].tolist() == ["a", "b"] and en.index.tolist() == [0, 1]
    assert parts_write(parts.iloc[:2], path)  # other content: written


def test_vocabulary_round_trip_and_keeps_its_time(tmp_path):
    vocabulary = Dictionary([["care", "data"], ["care", "home"]])
    path = tmp_path / "build" / "vocabulary_en.txt"
    assert _unchanged(vocabulary_write, vocabulary, path)
    back = vocabulary_read(path)
    assert dict(back.token2id) == dict(vocabulary.token2id) and back.dfs == vocabulary.dfs
    assert not list(path.parent.glob(".*"))  # no scratch file left beside it


def test_doc_topics_round_trip_with_text_column_names(tmp_path):
    table = pd.DataFrame({"id": ["a", "b"], 0: [0.25, 0.5], 1: [0.75, 0.5]})
    path = tmp_path / "build" / "doc_topics_en.parquet"
    assert _unchanged(doc_topics_write, table, path)
    assert list(doc_topics_read(path).columns) == ["id", "0", "1"]


def test_the_posterior_round_trips_bit_for_bit(tmp_path):
    """Notebook 05 reads what notebook 04 inferred: the same ids, the same float64 bits
    (values no short decimal holds), topic columns named 1..K."""
    import numpy as np

    gamma = np.array([[0.1 + 0.2, 1 / 3], [2.0 ** -40, 7.0]])
    path = tmp_path / "build" / "posterior_en.parquet"
    assert posterior_write(["b", "a"], gamma, path)
    ids, back = posterior_read(path)
    assert ids == ["b", "a"] and back.tobytes() == gamma.tobytes()
    assert list(pd.read_parquet(path).columns) == ["id", "1", "2"]
    assert not posterior_write(["b", "a"], gamma.copy(), path)


@pytest.mark.parametrize("read, kind, maker", [
    (lambda p: parts_read(p.parts_file()), "parts", "02_prepare_tokens"),
    (lambda p: vocabulary_read(p.vocabulary_file("en")), "vocabulary", "02_prepare_tokens"),
    (lambda p: k_read(p.choice_file("en")), "choice", "03_select_model"),
    (lambda p: doc_topics_read(p.doc_topics_file("en")), "doc_topics", "04_fit_topics"),
    (lambda p: posterior_read(p.posterior_file("en")), "posterior", "04_fit_topics"),
])
def test_a_missing_product_names_its_notebook_and_the_make_command(small_corpus, tmp_path,
                                                                   read, kind, maker):
    paths = paths_resolve(small_corpus, tmp_path)
    with pytest.raises(ProductMissing) as caught:
        read(paths)
    message = str(caught.value)
    assert f"notebook {maker} makes it" in message
    assert f"make OUT={tmp_path.resolve()} {paths.product(kind, 'en')}" in message


def test_a_missing_model_and_tokens_say_the_same(small_corpus, tmp_path):
    from digiwelfare.products import tokens_read
    from digiwelfare.topics import model_read

    paths = paths_resolve(small_corpus, tmp_path)
    with pytest.raises(ProductMissing, match="notebook 04_fit_topics makes it"):
        model_read(paths.model_dir("en"))
    with pytest.raises(ProductMissing, match="notebook 02_prepare_tokens makes it"):
        tokens_read(paths.tokens_file())


def test_the_published_build_folder_gives_a_short_make_command():
    paths = paths_resolve("corpus", ".")
    missing = paths.build / "chosen_k_xx.txt"
    with pytest.raises(ProductMissing, match=r"`make build/chosen_k_xx.txt` \(from "):
        k_read(missing)
    assert ROOT in missing.parents


def test_bags_of_words_read_with_or_without_the_token_lists(small_corpus, tmp_path):
    """Without the token lists, the same ids, counts and bags of words (each a word's id and
    its count in the part, counted here from the lists)."""
    from digiwelfare.products import bow_read, tokens_write

    paths = paths_resolve(small_corpus, tmp_path)
    tokens = pd.DataFrame({"id": ["a", "b"], "language": ["en", "en"], "n_words": [5, 2],
                           "tokens": [["care", "data", "care", "office"], ["data"]]})
    tokens_write(tokens, paths.tokens_file())
    vocabulary_write(Dictionary([["care", "data", "office"]]), paths.vocabulary_file("en"))
    full, dictionary, bow = bow_read(paths, "en")
    lean, _, lean_bow = bow_read(paths, "en", token_lists=False)
    assert "tokens" in full.columns and "tokens" not in lean.columns
    assert lean.equals(full.drop(columns="tokens")) and lean_bow == bow
    from digiwelfare.bags import BagsOfWords

    packed = bow_read(paths, "en", token_lists=False, packed=True)[2]
    assert isinstance(packed, BagsOfWords) and packed.to_list() == bow and len(packed) == 2
    ids = dictionary.token2id
    assert bow == [sorted([(ids["care"], 2), (ids["data"], 1), (ids["office"], 1)]),
                   [(ids["data"], 1)]]


def test_bags_of_words_are_gensims_doc2bow_in_every_language_and_gap(small_corpus, tmp_path):
    """The bags counted in arrays equal gensim's ``doc2bow`` part by part: rows of another
    language between, words outside the vocabulary, an empty part, a part of unknown words
    only, a word repeated; and the rows come back in the cache's order."""
    from digiwelfare.products import bow_read, tokens_write

    paths = paths_resolve(small_corpus, tmp_path)
    lists = [["velferd", "data"], ["care", "zebra", "care", "data", "care"], [], ["zebra"],
             ["data", "office", "care", "office"], ["omsorg"], ["office"]]
    langs = ["nb", "en", "en", "en", "en", "nb", "en"]
    tokens = pd.DataFrame({"id": [f"d{i}" for i in range(7)], "language": langs,
                           "n_words": [len(t) + 1 for t in lists], "tokens": lists})
    tokens_write(tokens, paths.tokens_file())
    vocabulary = Dictionary([["office", "data"], ["care"]])
    vocabulary_write(vocabulary, paths.vocabulary_file("en"))
    table, dictionary, bow = bow_read(paths, "en")
    english = [t for t, lang in zip(lists, langs, strict=True) if lang == "en"]
    assert bow == [dictionary.doc2bow(t) for t in english]
    assert bow[1] == [] and bow[2] == [] and max(len(b) for b in bow) == 3
    assert table["id"].tolist() == ["d1", "d2", "d3", "d4", "d6"]
    assert table["tokens"].tolist() == english
