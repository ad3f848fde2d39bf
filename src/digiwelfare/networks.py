"""Networks of categories that meet in the same sentence: concept pairs, and actors tied to
concepts. Ties are weighted by observed against expected co-occurrence, so that a frequent
actor is not tied to everything merely by being frequent; the counts stay in the table.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd


def _association(both, n_a, n_b, n) -> dict[str, np.ndarray]:
    """Lift ``both * n / (n_a * n_b)`` (1: as often as chance) and PMI = log2(lift) of two
    categories seen in ``n_a`` and ``n_b`` of ``n`` sentences, together in ``both``."""
    both, n_a, n_b = (np.asarray(x, float) for x in (both, n_a, n_b))
    expected = n_a * n_b / n  # every pair listed meets at least once: both >= 1, no log2(0)
    return {"expected": expected, "lift": both / expected, "pmi": np.log2(both / expected)}


def _sentence_sets(sentence_categories: pd.DataFrame) -> pd.Series:
    return sentence_categories.groupby(["id", "sentence"])["category"].apply(frozenset)


def textstat_cooccurrence(sentence_categories: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """Pairs of categories in the same sentence: ``category_a, category_b, both,
    sentences_a, sentences_b, n_sentences, expected, lift, pmi`` (lift 1: as often as chance
    would have it; Church & Hanks 1990 for PMI)."""
    sets = _sentence_sets(sentence_categories)
    single = Counter(c for s in sets for c in s)
    pairs = Counter((a, b) for s in sets for a in sorted(s) for b in sorted(s) if a < b)
    table = pd.DataFrame([(a, b, k, single[a], single[b]) for (a, b), k in sorted(pairs.items())],
                         columns=["category_a", "category_b", "both", "sentences_a",
                                  "sentences_b"])
    table["n_sentences"] = n_sentences
    for name, values in _association(table["both"], table["sentences_a"], table["sentences_b"],
                                     n_sentences).items():
        table[name] = values
    return table


NETWORK_COLUMNS = ["actor", "concept", "both", "sentences_actor", "sentences_concept",
                   "n_sentences", "expected", "lift", "pmi"]


def textstat_network(actor_sentences: pd.DataFrame, concept_sentences: pd.DataFrame,
                     n_sentences: int) -> pd.DataFrame:
    """The bipartite actor-concept network: one row per actor and concept that share a
    sentence. Columns :data:`NETWORK_COLUMNS`: ``both`` sentences with both, the sentences
    of each alone, ``expected = sentences_actor * sentences_concept / n_sentences``, ``lift``
    and ``pmi = log2(lift)``. PMI is the tie's weight: positive when the two meet more often
    than their frequencies predict. Sorted by PMI, strongest first.
    """
    a = actor_sentences[["id", "sentence", "category"]].drop_duplicates().rename(
        columns={"category": "actor"})
    c = concept_sentences[["id", "sentence", "category"]].drop_duplicates().rename(
        columns={"category": "concept"})
    both = a.merge(c, on=["id", "sentence"]).groupby(["actor", "concept"]).size()
    table = both.rename("both").reset_index()
    table["sentences_actor"] = table["actor"].map(a["actor"].value_counts()).astype(int)
    table["sentences_concept"] = table["concept"].map(c["concept"].value_counts()).astype(int)
    table["n_sentences"] = n_sentences
    for name, values in _association(table["both"], table["sentences_actor"],
                                     table["sentences_concept"], n_sentences).items():
        table[name] = values
    return table[NETWORK_COLUMNS].sort_values(["pmi", "actor", "concept"],
                                              ascending=[False, True, True]).reset_index(drop=True)


def network_projection(edges: pd.DataFrame, side: str, min_both: int = 1) -> pd.DataFrame:
    """One-mode projection of the bipartite network onto ``side`` (``actor`` or ``concept``),
    on the same measure as the ties: two nodes are tied through every node of the other side
    that both are attracted to (PMI > 0, in at least ``min_both`` sentences); the weight sums,
    over those, the smaller of the two PMIs. Columns ``source, target, weight, shared``.
    """
    if side not in ("actor", "concept"):
        raise ValueError(f"side = {side!r}: expected 'actor' or 'concept'")
    other = "concept" if side == "actor" else "actor"
    kept = edges[(edges["pmi"] > 0) & (edges["both"] >= min_both)]
    merged = kept.merge(kept, on=other, suffixes=("_1", "_2"))
    merged = merged[merged[f"{side}_1"] < merged[f"{side}_2"]]
    merged = merged.assign(w=merged[["pmi_1", "pmi_2"]].min(axis=1))
    table = merged.groupby([f"{side}_1", f"{side}_2"]).agg(weight=("w", "sum"),
                                                          shared=(other, "nunique"))
    table = table.reset_index().rename(columns={f"{side}_1": "source", f"{side}_2": "target"})
    return table.sort_values(["weight", "source", "target"], ascending=[False, True, True]
                             ).reset_index(drop=True)
