"""Tokens: Unicode-aware tokenising, lower-casing, stop words and lemmas, per language.

Preprocessing is a list of small pure functions composed by :func:`tokens_from_text`
(the pattern of gensim's ``preprocess_string``). Nothing here needs downloaded data: the
tokeniser is NLTK's ``RegexpTokenizer``, lemmas come from simplemma (its dictionaries ship
inside the package), stop words from the curated lists in
``lexicon/`` (:data:`digiwelfare.config.LEXICON`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

import pandas as pd
import simplemma
from nltk.tokenize import RegexpTokenizer

from digiwelfare.config import (
    choice_check,
    file_write_changed,
    int_check,
    lexicon_file,
    product_check,
)
from digiwelfare.language import corpus_language_parts
from digiwelfare.products import vocabulary_read
from digiwelfare.runs import LANGUAGES, MIN_DOCS, language_left_out

# Letters only (any script: æ, ø, å survive), with inner hyphens and apostrophes kept, so
# "NAV-kontor" and "user-oriented" stay one token; digits and punctuation are dropped.
_TOKENIZER = RegexpTokenizer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


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
    return _TOKENIZER.tokenize(text.lower())


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


# What each whitespace-separated chunk of lower-cased text ("nav-kontoret," or "2019.")
# becomes, per (language, lemmatize, min_len): its tokens after every step. No token spans
# whitespace, and every step after the tokeniser depends on the word type alone, so each
# chunk is worked out once and a token then costs one dictionary look-up.
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
    chunks = text.lower().split()
    cache = _CHUNKS.setdefault((language, lemmatize, min_len), {})
    new = set(chunks).difference(cache)
    if new:
        if len(cache) > _CHUNKS_MAX:
            cache.clear()
            new = set(chunks)
        stop = stopwords_read(language)
        for chunk in new:
            # letters only (str.isalpha) is one token whole; the rest goes through the
            # tokeniser (NLTK compiles it with the regex module, whose \w differs from re's)
            words = [chunk] if chunk.isalpha() else _TOKENIZER.tokenize(chunk)
            cache[chunk] = tuple(t for t in (_type_token(w, language, lemmatize, min_len, stop)
                                             for w in words) if t)
    return list(chain.from_iterable(map(cache.__getitem__, chunks)))


def _partition_tokens(job) -> pd.DataFrame:
    """One partition of documents: cleaned (with the corpus-wide repeated lines), split by
    language, tokenised; rows sorted by language and id; each part's text kept on request."""
    from digiwelfare.clean import text_clean

    corpus, repeated, lemmatize, min_len, keep_text = job
    if repeated is not None:
        corpus = corpus.assign(text=[text_clean(t, repeated)[0] for t in corpus["text"]])
    parts = corpus_language_parts(corpus)
    tokens = [tokens_from_text(p.text, p.language, lemmatize, min_len)
              if p.language in LANGUAGES else [] for p in parts.itertuples(index=False)]
    n_words = [len(text.split()) for text in parts["text"]]
    table = parts.assign(n_words=pd.Series(n_words, index=parts.index, dtype="int64"),
                         tokens=pd.Series(tokens, index=parts.index, dtype=object))
    return table if keep_text else table.drop(columns="text")


def tokens_build(corpus: pd.DataFrame, lemmatize: bool = True, min_len: int = 2,
                 clean: bool = True, workers: int = 1, partition_docs: int = 2000,
                 keep_text: bool = False) -> pd.DataFrame:
    """One row per document and language part: ``id, language, n_words, tokens``, sorted by
    language and id. With ``clean``, navigation and catalogue debris is removed first
    (:func:`digiwelfare.clean.corpus_clean`). With ``keep_text``, each part's text too
    (column ``text`` after ``language``): its ``id, language, text`` columns are then the
    table of :func:`digiwelfare.language.corpus_language_parts` of the cleaned corpus, so
    notebook 02 splits every document by language once for both products.

    Every document is split paragraph by paragraph by language
    (:func:`digiwelfare.language.text_languages_split`), so each part meets only its own
    language's stop words and lemmatiser. Parts in a language without stop words and lemmas
    here keep their row with no tokens, so that :func:`tokens_unmodelled` can say why.

    The documents are worked in partitions of ``partition_docs`` on ``workers`` processes (or
    a Dask cluster, :func:`digiwelfare.parallel.tasks_run`); lines repeated across documents
    are counted over the whole corpus first, so the table is the same whatever the number
    of partitions and workers.
    """
    from digiwelfare.clean import lines_count, lines_repeated
    from digiwelfare.parallel import tasks_run

    int_check("partition_docs", partition_docs, 1, 10_000_000)
    chunks = [corpus.iloc[i:i + partition_docs][["id", "language", "text"]]
              for i in range(0, len(corpus), partition_docs)] or [corpus[["id", "language",
                                                                          "text"]]]
    repeated = None
    if clean:
        counts = tasks_run(lines_count, [list(c["text"]) for c in chunks], workers)
        for more in counts[1:]:
            counts[0].update(more)
        repeated = lines_repeated([], counts=counts[0])
    label = (lambda job: f"{len(job[0])} documents") if len(chunks) > 1 else None
    tables = tasks_run(_partition_tokens, [(c, repeated, lemmatize, min_len, keep_text)
                                            for c in chunks],
                       workers, label=label, what="tokens")
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    return table.sort_values(["language", "id"], kind="stable").reset_index(drop=True)


def tokens_modelled(tokens: pd.DataFrame, params: str | Path | None = None,
                    min_docs: int = MIN_DOCS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a :func:`tokens_build` table into the parts the models see and those they do
    not: ``(modelled, unmodelled)``, the second as ``id, language, n_words, reason`` (a
    language without runs, see :func:`digiwelfare.runs.language_left_out`, or no token left).
    """
    counts = tokens.groupby("language")["id"].nunique().to_dict()
    reasons = {code: language_left_out(code, counts, params, min_docs) for code in counts}
    why = pd.Series([reasons[lang] or ("no word left after cleaning and stop words"
                                       if not len(toks) else None)
                     for lang, toks in zip(tokens["language"], tokens["tokens"], strict=True)],
                    index=tokens.index, dtype=object)
    unmodelled = tokens.assign(reason=why)[why.notna()]
    return (tokens[why.isna()].reset_index(drop=True),
            unmodelled[["id", "language", "n_words", "reason"]].reset_index(drop=True))


def tokens_write(table: pd.DataFrame, path: Path) -> Path:
    """Cache a :func:`tokens_build` table as Parquet (written whole or not at all, and only
    when its content changed, so that make reruns nothing that reads it)."""
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    file_write_changed(path, buffer.getvalue())
    return Path(path)


def tokens_read(path: Path, language: str | None = None) -> pd.DataFrame:
    """Read a token cache; with ``language``, only that language's rows (``tokens`` as lists)."""
    table = pd.read_parquet(product_check(path, "tokens"))
    if language is not None:
        choice_check("language", language, sorted(table["language"].unique()))
        table = table[table["language"] == language].reset_index(drop=True)
    return table.assign(tokens=table["tokens"].apply(list))


def bow_read(paths, language: str):
    """The cached tokens, vocabulary and bag-of-words of one language, as notebook 02 left
    them: ``(tokens, dictionary, bow)``, documents in the order of ``tokens``."""
    tokens = tokens_read(paths.tokens_file(), language)
    dictionary = vocabulary_read(paths.vocabulary_file(language))
    return tokens, dictionary, [dictionary.doc2bow(t) for t in tokens["tokens"]]


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
