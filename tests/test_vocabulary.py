"""The vocabulary of the topic models (gensim's Dictionary with rare and common words cut)."""

from digiwelfare.vocabulary import dictionary_build


def test_dictionary_filters_rare_and_ubiquitous_words():
    docs = [["care", "home", "rare"], ["care", "home"], ["care", "data"], ["care", "data"]]
    dictionary = dictionary_build(docs, no_below=2, no_above=0.9)
    assert sorted(dictionary.token2id) == ["data", "home"]
