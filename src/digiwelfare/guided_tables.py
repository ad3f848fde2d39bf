"""What a fitted keyword-assisted topic model (:mod:`digiwelfare.guided`) found, as tables:
how much of each seed list a topic holds on the tokens the final sample assigned
(:func:`textstat_retention`), which keyword topics are retained
(:func:`textstat_keyword_topics`), each topic's top words, each document's topic shares, and
the guided topics side by side with the unguided model's."""

from __future__ import annotations

import numpy as np
import pandas as pd

from digiwelfare.guided import GuidedModel

#: A keyword topic counts as *retained* when the data put at least this share of its tokens
#: through the keyword distribution (pi) ...
RETAINED_PI = 0.1
#: ... and in the documents that use its seed words the topic holds at least this share of
#: their other words (``context_share``) ...
RETAINED_CONTEXT_SHARE = 0.15
#: ... which is at least this many times its share in documents without the seeds
#: (``context_lift``, see textstat_retention).
RETAINED_CONTEXT_LIFT = 3.0


def textstat_retention(model: GuidedModel, seeds: dict[str, list[str]] | None = None,
                       topics: dict[str, int] | None = None) -> pd.DataFrame:
    """How much of each seed list a topic holds, measured on the tokens the final sample
    assigned (the data's counts), never on the prior.

    ``seeds``: ``{name: words}`` (default: the model's own keyword lists); ``topics``: the
    topic (0-based) to read each list off; by default the topic holding most of the list's
    tokens (how an unguided model is read). Returns ``name, topic`` (1-based) and

    - ``seed_tokens``: tokens of the seed words in the corpus; ``topic_tokens``,
      ``topic_share``: the topic's tokens and its share of all tokens;
    - ``seed_share``: share of the topic's tokens that are its seed words (how much of the
      topic is its seeds); ``seed_capture``: share of the seed words' tokens the topic took;
    - ``context_share``: the topic's share of the *other* (non-seed) tokens of the documents
      that use the seeds, each document weighted by its seed tokens; ``context_lift``: that
      share over the topic's share of the tokens of documents that use none of the seeds
      (add-one smoothed). A keyword topic can take seed tokens by construction (its keyword
      distribution admits only them), so capture alone proves little; ``context_lift`` asks
      whether the documents that use the seeds also speak the topic's other words more than
      documents without the seeds do. It is about 1 when they do not.
    """
    seeds = model.keywords if seeds is None else seeds
    index = {w: i for i, w in enumerate(model.vocabulary)}
    tok = model.tokens
    words, docs, z = (tok[c].to_numpy() for c in ("word", "doc", "topic"))
    n_docs = model.theta.shape[0]
    counts = model.counts
    total = counts.sum()
    per_topic = counts.sum(axis=1)
    rows = []
    for name, seed_words in seeds.items():
        ids = np.array([index[w] for w in seed_words if w in index], dtype=np.int64)
        in_topic = counts[:, ids].sum(axis=1)
        k = topics[name] if topics is not None else int(np.argmax(in_topic))
        seed_tokens = int(in_topic.sum())
        held = int(in_topic[k])
        is_seed = np.isin(words, ids)
        per_doc_seed = np.bincount(docs[is_seed], minlength=n_docs)
        per_doc_other = np.bincount(docs[~is_seed], minlength=n_docs)
        per_doc_other_k = np.bincount(docs[~is_seed & (z == k)], minlength=n_docs)
        use = per_doc_other > 0
        weight = per_doc_seed[use]
        context = (float(weight @ (per_doc_other_k[use] / per_doc_other[use])) / weight.sum()
                   if weight.sum() else 0.0)
        # the baseline: the topic's share of the tokens of documents using none of the
        # seeds (add-one smoothed over the topics, so a topic absent there gives a large
        # but finite lift, and a corpus where every document uses a seed gives share 1/K)
        rest = per_doc_seed == 0
        base = (per_doc_other_k[rest].sum() + 1) / (per_doc_other[rest].sum() + len(counts))
        rows.append((name, k + 1, seed_tokens, int(per_topic[k]), per_topic[k] / total,
                     held / per_topic[k] if per_topic[k] else 0.0,
                     held / seed_tokens if seed_tokens else 0.0,
                     context, context / base if base else 0.0))
    return pd.DataFrame(rows, columns=["name", "topic", "seed_tokens", "topic_tokens",
                                       "topic_share", "seed_share", "seed_capture",
                                       "context_share", "context_lift"])


def textstat_keyword_topics(model: GuidedModel) -> pd.DataFrame:
    """One row per keyword topic: ``name, topic, seeds, pi``, the columns of
    :func:`textstat_retention` read off the topic the list seeded, and ``retained``.

    A keyword topic is *retained* when ``pi >= RETAINED_PI`` (the data sent a real share of
    its tokens through the keyword distribution), ``context_share >=
    RETAINED_CONTEXT_SHARE`` (the documents that use the seeds give the topic a real share
    of their other words too) and ``context_lift >= RETAINED_CONTEXT_LIFT`` (at least three
    times its share in documents without the seeds). On planted data correct seeds pass;
    seeds from an absent topic fail on pi, and random noise words fail on pi or, when spare
    topics let the keyword topic become a small sink for them, on context share
    (``tests/test_guided.py``).
    """
    topics = {name: k for k, name in enumerate(model.keywords)}
    table = textstat_retention(model, topics=topics)
    table.insert(2, "seeds", [len(v) for v in model.keywords.values()])
    table.insert(3, "pi", model.pi)
    table["retained"] = ((table["pi"] >= RETAINED_PI)
                         & (table["context_share"] >= RETAINED_CONTEXT_SHARE)
                         & (table["context_lift"] >= RETAINED_CONTEXT_LIFT))
    return table


def textstat_guided_words(model: GuidedModel, n: int = 10) -> pd.DataFrame:
    """The ``n`` most probable words of every topic: ``topic`` (1-based), ``name``, ``kind``
    (keyword or free), ``rank``, ``word``, ``probability``, ``seed`` (a seed of this topic)."""
    rows = []
    for k, name in enumerate(model.names):
        seeds = set(model.keywords.get(name, []))
        order = np.argsort(-model.phi[k], kind="stable")[:n]
        for rank, w in enumerate(order, start=1):
            word = model.vocabulary[w]
            rows.append((k + 1, name, "keyword" if k < model.n_keyword else "free", rank, word,
                         float(model.phi[k, w]), word in seeds))
    return pd.DataFrame(rows, columns=["topic", "name", "kind", "rank", "word", "probability",
                                       "seed"])


def textstat_guided_doc_topics(model: GuidedModel, ids: list[str]) -> pd.DataFrame:
    """Document-topic proportions: ``id`` and one column per topic, named ``1..K``."""
    if len(ids) != model.theta.shape[0]:
        raise ValueError(f"textstat_guided_doc_topics: {len(ids)} ids for "
                         f"{model.theta.shape[0]} documents; pass the ids of the fitted bow")
    table = pd.DataFrame(model.theta, columns=[k + 1 for k in range(model.theta.shape[1])])
    table.insert(0, "id", list(ids))
    return table


def textstat_guided_compare(guided: GuidedModel, unguided: GuidedModel, n: int = 10
                            ) -> pd.DataFrame:
    """Each keyword topic beside the unguided topic (same K) that holds most of its seed
    words' tokens: retention of both, ``pi``, ``retained``, the cosine similarity of the
    two topics' word distributions, and their top ``n`` words."""
    kept = textstat_keyword_topics(guided)
    found = textstat_retention(unguided, guided.keywords)
    cols = ["topic", "seed_share", "seed_capture", "context_share", "context_lift"]
    side = kept[["name", "seeds", "pi", "retained", *cols]].merge(
        found[["name", *cols]], on="name", suffixes=("_guided", "_unguided"))
    a = guided.phi / np.linalg.norm(guided.phi, axis=1, keepdims=True)
    b = unguided.phi / np.linalg.norm(unguided.phi, axis=1, keepdims=True)
    side["cosine"] = [float(a[g - 1] @ b[u - 1]) for g, u in
                      zip(side["topic_guided"], side["topic_unguided"], strict=True)]
    top_g = textstat_guided_words(guided, n).groupby("topic")["word"].apply(", ".join)
    top_u = textstat_guided_words(unguided, n).groupby("topic")["word"].apply(", ".join)
    side["words_guided"] = side["topic_guided"].map(top_g)
    side["words_unguided"] = side["topic_unguided"].map(top_u)
    return side
