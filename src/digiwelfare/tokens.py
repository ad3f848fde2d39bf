"""Tokens: Unicode-aware tokenising, lower-casing, stop words and lemmas, per language.

Preprocessing is a list of small pure functions composed by :func:`tokens_from_text`
(the pattern of gensim's ``preprocess_string``). Nothing here needs downloaded data: the
tokeniser is NLTK's ``RegexpTokenizer``, lemmas come from simplemma (its dictionaries ship
inside the package), stop words from the curated lists in
``lexicon/`` (:data:`digiwelfare.config.LEXICON`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain

import pandas as pd
import simplemma

from digiwelfare.checks import choice_check
from digiwelfare.config import lexicon_file
from digiwelfare.runs import LANGUAGES

# Letters only (any script: æ, ø, å survive), with inner hyphens and apostrophes kept, so
# "NAV-kontor" and "user-oriented" stay one token; digits and punctuation are dropped.
TOKEN_PATTERN = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"


@cache
def _tokenizer():
    """NLTK's ``RegexpTokenizer`` for :data:`TOKEN_PATTERN`, made at first use: importing
    NLTK takes about a second, which a notebook that only reads tokens need not spend."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


@cache
def stopwords_read(language: str) -> frozenset[str]:
    """The curated stop-word list of ``language`` (one of :data:`LANGUAGES`)."""
    choice_check("language", language, LANGUAGES)
    text = lexicon_file(f"stopwords_{language}.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


def text_tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``.

    >>> text_tokenize("Brukerne møtte NAV-kontoret i 2019.")
    ['brukerne', 'møtte', 'nav-kontoret', 'i']
    """
    return _by_chunk(text, _WORD_CHUNKS, _chunk_words)


def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The tokens of one whitespace-free chunk of lower-cased text: letters only
    (``str.isalpha``) is one token whole; the rest goes through the tokeniser."""
    return (chunk,) if chunk.isalpha() else tuple(_tokenizer().tokenize(chunk))


def _by_chunk(text: str, cache: dict[str, tuple[str, ...]], make) -> list[str]:
    """What ``text`` gives, lower-cased, as the concatenation of what each chunk between
    spaces gives (``make(chunk)``), each chunk worked out once and kept in ``cache``. No
    token spans whitespace, so the tokeniser and every step after it that depends on the word
    type alone can go chunk by chunk; a corpus then costs a dictionary look-up a word rather
    than a pass of NLTK's tokeniser (whose regex module, with its guard against runaway
    patterns, takes tens of microseconds a sentence). A cache past :data:`_CHUNKS_MAX`
    entries starts again."""
    chunks = text.lower().split()
    try:  # most texts hold no chunk not seen before: no set of them is needed
        return list(chain.from_iterable(map(cache.__getitem__, chunks)))
    except KeyError:
        new = set(chunks).difference(cache)
    if len(cache) > _CHUNKS_MAX:
        cache.clear()
        new = set(chunks)
    for chunk in new:
        cache[chunk] = make(chunk)
    return list(chain.from_iterable(map(cache.__getitem__, chunks)))


# The tokens of each chunk of text, for :func:`text_tokenize`.
_WORD_CHUNKS: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def lemma_overrides() -> dict[str, dict[str, str]]:
    """Corrections to simplemma's lemmas, from ``lexicon/lemma_overrides.yaml``."""
    import yaml

    text = lexicon_file("lemma_overrides.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=500_000)
def word_lemmatize(word: str, language: str) -> str:
    """Lemma of one lower-cased word (cached by word type: simplemma is slow on unknown forms).

    >>> word_lemmatize("ai", "en"), word_lemmatize("tjenestene", "nb")
    ('ai', 'tjeneste')
    """
    fixed = lemma_overrides().get(language, {}).get(word)
    return fixed or simplemma.lemmatize(word, lang=language).lower()


def tokens_lemmatize(tokens: Iterable[str], language: str) -> list[str]:
    return [word_lemmatize(t, language) for t in tokens]


def tokens_remove(tokens: Iterable[str], stopwords: frozenset[str], min_len: int = 2) -> list[str]:
    """Drop stop words and tokens shorter than ``min_len`` characters."""
    return [t for t in tokens if len(t) >= min_len and t not in stopwords]


def _type_token(word: str, language: str, lemmatize: bool, min_len: int,
                stop: frozenset[str]) -> str:
    """What one word type becomes: its lemma, or "" when it or its lemma is dropped."""
    if len(word) < min_len or word in stop:
        return ""
    lemma = word_lemmatize(word, language) if lemmatize else word
    return "" if len(lemma) < min_len or lemma in stop else lemma


# What each chunk of text ("nav-kontoret," or "2019.") becomes, per (language, lemmatize,
# min_len): its tokens after every step (:func:`_by_chunk`).
_CHUNKS: dict[tuple[str, bool, int], dict[str, tuple[str, ...]]] = {}
_CHUNKS_MAX = 2_000_000  # distinct chunks kept per setting before the cache starts again


def tokens_from_text(text: str, language: str, lemmatize: bool = True,
                     min_len: int = 2) -> list[str]:
    """Tokenise, lower-case, remove stop words, lemmatise, and remove stop words again.

    Stop words are removed after lemmatising too, because a lemma can be one (``ble`` → ``bli``).
    What each chunk of text between spaces gives is cached, so that lemmas are looked up
    once per word type.

    >>> tokens_from_text("Kommunene tok i bruk nye tjenester.", "nb")
    ['kommune', 'ta', 'bruke', 'ny', 'tjeneste']
    """
    stop = stopwords_read(language)
    return _by_chunk(text, _CHUNKS.setdefault((language, lemmatize, min_len), {}),
                     lambda chunk: tuple(t for t in (
                         _type_token(w, language, lemmatize, min_len, stop)
                         for w in _chunk_words(chunk)) if t))


# What each chunk of text becomes as running lemmas (stop words and short words kept), per
# language, for :func:`text_lemmas`.
_LEMMA_CHUNKS: dict[str, dict[str, tuple[str, ...]]] = {}


def text_lemmas(text: str, language: str) -> list[str]:
    """Every word of ``text`` as a lemma, in order, stop words kept, digits and punctuation
    dropped: ``tokens_lemmatize(text_tokenize(text), language)``, with what each chunk of text
    between spaces gives worked out once (as :func:`text_tokenize` does).

    >>> text_lemmas("Kommunene tok i bruk nye tjenester.", "nb")
    ['kommune', 'ta', 'i', 'bruke', 'ny', 'tjeneste']
    """
    return _by_chunk(text, _LEMMA_CHUNKS.setdefault(language, {}), lambda chunk: tuple(
        word_lemmatize(w, language) for w in _chunk_words(chunk)))


def textstat_frequency(token_lists: Iterable[list[str]], n: int | None = None) -> pd.DataFrame:
    """Term and document frequencies: ``term, frequency, docfreq``, most frequent first."""
    freq: dict[str, int] = {}
    docfreq: dict[str, int] = {}
    for toks in token_lists:
        for t in toks:
            freq[t] = freq.get(t, 0) + 1
        for t in set(toks):
            docfreq[t] = docfreq.get(t, 0) + 1
    table = pd.DataFrame({"term": list(freq), "frequency": list(freq.values())})
    table["docfreq"] = table["term"].map(docfreq)
    table = table.sort_values(["frequency", "term"], ascending=[False, True], kind="stable")
    return table.head(n).reset_index(drop=True) if n else table.reset_index(drop=True)
