"""The token table of a corpus, notebook 02's stage: every document cleaned of debris
(:mod:`digiwelfare.clean`), split paragraph by paragraph by language
(:mod:`digiwelfare.language`) and tokenised with its own language's stop words and lemmas
(:func:`digiwelfare.tokens.tokens_from_text`), in partitions that can run in parallel
(:func:`tokens_build`); and the split of that table into what the models see and what they
do not (:func:`tokens_modelled`). Kept apart from :mod:`digiwelfare.tokens` so that the
notebooks that only tokenise or lemmatise a word do not depend on the cleaning rules.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from digiwelfare.checks import int_check
from digiwelfare.language import corpus_language_parts
from digiwelfare.runs import LANGUAGES, MIN_DOCS, language_left_out
from digiwelfare.tokens import tokens_from_text

#: The token stage's defaults: lemmas, and words of at least two letters.
LEMMATIZE, MIN_LEN = True, 2


def lines_repeated_in(partitions: list[list[str]], workers: int = 1) -> frozenset[str]:
    """The keys of the lines repeated across the documents of every partition (the texts
    of each, :func:`digiwelfare.clean.lines_repeated`), counted partition by partition on
    ``workers``: the counts add up, so the answer does not depend on the partitions."""
    from digiwelfare.clean import lines_count, lines_repeated
    from digiwelfare.parallel import tasks_run

    counts = tasks_run(lines_count, partitions, workers)
    for more in counts[1:]:
        counts[0].update(more)
    return lines_repeated([], counts=counts[0])


def texts_clean(corpus: pd.DataFrame, repeated: frozenset[str]
                ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The first step of a partition: ``corpus`` with each text cleaned of debris
    (:func:`digiwelfare.clean.text_clean`, with the corpus-wide ``repeated`` lines), and the
    ``(id, reason)`` of every line removed."""
    from digiwelfare.clean import text_clean

    removed: list[tuple[str, str]] = []
    cleaned = []
    for doc_id, text in zip(corpus["id"], corpus["text"], strict=True):
        kept, reasons = text_clean(text, repeated)
        cleaned.append(kept)
        removed += [(doc_id, reason) for reason in reasons]
    return corpus.assign(text=cleaned), removed


def parts_tokens(parts: pd.DataFrame, lemmatize: bool = LEMMATIZE,
                 min_len: int = MIN_LEN) -> list:
    """The tokens of each language part (:func:`corpus_language_parts`' table), none for a
    part in a language without stop words and lemmas here."""
    return [tokens_from_text(p.text, p.language, lemmatize, min_len)
            if p.language in LANGUAGES else [] for p in parts.itertuples(index=False)]


def parts_table(parts: pd.DataFrame, tokens: list, keep_text: bool) -> pd.DataFrame:
    """The token table of a partition's parts: ``id, language, [text,] n_words, tokens``."""
    n_words = [len(text.split()) for text in parts["text"]]
    table = parts.assign(n_words=pd.Series(n_words, index=parts.index, dtype="int64"),
                         tokens=pd.Series(tokens, index=parts.index, dtype=object))
    return table if keep_text else table.drop(columns="text")


def _partition_tokens(job) -> pd.DataFrame:
    """One partition of documents: cleaned (with the corpus-wide repeated lines), split by
    language, tokenised; rows sorted by language and id; each part's text kept on request."""
    corpus, repeated, lemmatize, min_len, keep_text = job
    removed: list[tuple[str, str]] = []
    if repeated is not None:
        corpus, removed = texts_clean(corpus, repeated)
    parts = corpus_language_parts(corpus)
    return parts_table(parts, parts_tokens(parts, lemmatize, min_len), keep_text), removed


def tables_join(done: list, with_debris: bool):
    """The partitions' ``(table, removed)`` joined: one table sorted by language and id,
    and with ``with_debris`` the removed lines counted by document and reason."""
    tables = [table for table, _ in done]
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    table = table.sort_values(["language", "id"], kind="stable").reset_index(drop=True)
    if not with_debris:
        return table
    removed = pd.DataFrame([row for _, rows in done for row in rows], columns=["id", "rule"])
    return table, removed.groupby(["id", "rule"]).size().rename("lines").reset_index()


def tokens_build(corpus: pd.DataFrame, lemmatize: bool = LEMMATIZE, min_len: int = MIN_LEN,
                 clean: bool = True, workers: int = 1, partition_docs: int = 2000,
                 keep_text: bool = False, with_debris: bool = False):
    """One row per document and language part: ``id, language, n_words, tokens``, sorted by
    language and id. With ``clean``, navigation and catalogue debris is removed first
    (:func:`digiwelfare.clean.corpus_clean`). With ``keep_text``, each part's text too
    (column ``text`` after ``language``): its ``id, language, text`` columns are then the
    table of :func:`digiwelfare.language.corpus_language_parts` of the cleaned corpus, so
    notebook 02 splits every document by language once for both products. With
    ``with_debris``, ``(table, debris)``: the second the lines the cleaning removed, the table
    of :func:`digiwelfare.clean.textstat_debris` (``id, rule, lines``), so that notebook 02
    cleans every text once.

    Every document is split paragraph by paragraph by language
    (:func:`digiwelfare.language.text_languages_split`), so each part meets only its own
    language's stop words and lemmatiser. Parts in a language without stop words and lemmas
    here keep their row with no tokens, so that :func:`tokens_unmodelled` can say why.

    The documents are worked in partitions of ``partition_docs`` on ``workers`` processes (or
    a Dask cluster, :func:`digiwelfare.parallel.tasks_run`); lines repeated across documents
    are counted over the whole corpus first, so the table is the same whatever the number
    of partitions and workers. The worker processes share one copy of the language models and
    lemma dictionaries (:mod:`digiwelfare.tokenworker`).
    """
    from digiwelfare.parallel import tasks_run

    int_check("partition_docs", partition_docs, 1, 10_000_000)
    chunks = [corpus.iloc[i:i + partition_docs][["id", "language", "text"]]
              for i in range(0, len(corpus), partition_docs)] or [corpus[["id", "language",
                                                                          "text"]]]
    repeated = lines_repeated_in([list(c["text"]) for c in chunks], workers) if clean else None
    label = (lambda job: f"{len(job[0])} documents") if len(chunks) > 1 else None
    done = tasks_run(_partition_tokens, [(c, repeated, lemmatize, min_len, keep_text)
                                          for c in chunks],
                     workers, label=label, what="tokens", preload="digiwelfare.tokenworker")
    return tables_join(done, with_debris)


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
