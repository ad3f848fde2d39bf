"""The vocabulary a topic model is fitted on: a gensim ``Dictionary`` of token lists.

A module of its own, apart from :mod:`digiwelfare.tokens`, because notebook 07 builds
vocabularies of synthetic documents and reads no stop list, lemma correction or debris rule:
the run table (:mod:`digiwelfare.rundeps`) follows imports, so a notebook that imported
``tokens`` for this one function would rerun whenever those research data changed.
The vocabulary notebook 02 writes is read back with
:func:`digiwelfare.products.vocabulary_read`.
"""

from __future__ import annotations

from collections.abc import Iterable

from gensim.corpora import Dictionary


def dictionary_build(token_lists: Iterable[list[str]], no_below: int = 2, no_above: float = 0.5,
                     keep_n: int | None = None) -> Dictionary:
    """A gensim Dictionary of the token lists, without words in fewer than ``no_below``
    documents or in more than the share ``no_above`` of them (gensim's ``filter_extremes``;
    ``keep_n=None`` keeps every word that passes).

    >>> docs = [["nav", "post"], ["nav", "digital"], ["post", "brev"]]
    >>> sorted(dictionary_build(docs, no_below=2, no_above=1.0).token2id)
    ['nav', 'post']
    """
    dictionary = Dictionary(token_lists)
    dictionary.filter_extremes(no_below=no_below, no_above=no_above, keep_n=keep_n)
    return dictionary
