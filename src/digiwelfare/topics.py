"""Topic models: seeded gensim LDA and tidy tables of what it found.

LDA as in Blei, Ng & Jordan (2003), fitted by online variational Bayes (Hoffman, Blei &
Bach 2010) in gensim's ``LdaModel``. ``LdaMulticore`` is avoided on purpose: its result
depends on process scheduling, so it is not reproducible byte for byte.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary
from gensim.models import LdaModel

from digiwelfare.config import ParameterError, int_check


def k_check(num_topics: object, n_docs: int, name: str = "num_topics") -> int:
    """Check that the corpus can support ``num_topics`` topics: 2 to ``n_docs // 2``.

    Fewer than two documents per topic on average gives topics that are single documents.
    """
    high = n_docs // 2
    if high < 2:
        raise ParameterError(name, num_topics, f"the corpus has only {n_docs} document(s) in this "
                             "language; a topic model needs at least 4")
    return int_check(name, num_topics, 2, high)


def topics_fit(bow: list, dictionary: Dictionary, num_topics: int, passes: int = 20,
               iterations: int = 200, seed: int = 1, alpha="symmetric", eta=None) -> LdaModel:
    """Fit a seeded LDA model on a bag-of-words corpus; the same inputs give the same model."""
    return LdaModel(corpus=bow, id2word=dictionary, num_topics=num_topics, passes=passes,
                    iterations=iterations, random_state=seed, alpha=alpha, eta=eta,
                    chunksize=max(len(bow), 1), eval_every=None)


def textstat_top_words(model: LdaModel, n: int = 10) -> pd.DataFrame:
    """Top ``n`` words of each topic: ``topic, rank, word, probability`` (topics from 1)."""
    rows = []
    for k in range(model.num_topics):
        for rank, (word_id, prob) in enumerate(model.get_topic_terms(k, topn=n), start=1):
            rows.append((k + 1, rank, model.id2word[word_id], float(prob)))
    return pd.DataFrame(rows, columns=["topic", "rank", "word", "probability"])


def topics_label(top_words: pd.DataFrame, n: int = 3) -> dict[int, str]:
    """Short labels such as ``"T1 care, home, nurse"`` from a :func:`textstat_top_words` table."""
    first = top_words[top_words["rank"] <= n].sort_values(["topic", "rank"])
    return {k: f"T{k} " + ", ".join(g["word"]) for k, g in first.groupby("topic")}


def textstat_doc_topics(model: LdaModel, bow: list, ids: list[str]) -> pd.DataFrame:
    """Document-topic proportions as a wide table: ``id`` then one column per topic (1..K).

    Inferred once with ``minimum_probability=0`` so every row sums to one; reuse the table
    rather than inferring again (gensim's inference draws from the model's random state).
    """
    theta = np.zeros((len(bow), model.num_topics))
    for i, doc in enumerate(bow):
        for k, p in model.get_document_topics(doc, minimum_probability=0.0):
            theta[i, k] = p
    table = pd.DataFrame(theta, columns=list(range(1, model.num_topics + 1)))
    table.insert(0, "id", ids)
    return table


def textstat_prevalence(doc_topics: pd.DataFrame, meta: pd.DataFrame, by: str) -> pd.DataFrame:
    """Mean topic proportion per group of ``by``: ``group, topic, prevalence, documents``."""
    joined = doc_topics.merge(meta[["id", by]], on="id", how="left", validate="one_to_one")
    long = joined.melt(id_vars=["id", by], var_name="topic", value_name="proportion")
    table = (long.groupby([by, "topic"], sort=True)
             .agg(prevalence=("proportion", "mean"), documents=("id", "nunique")).reset_index())
    return table.rename(columns={by: "group"})
