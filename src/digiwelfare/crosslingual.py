"""Topics across languages: which topic of one language's model corresponds to which topic
of the other's, when the two were fitted separately.

Two routes, each with its own evidence:

* **documents**: documents that hold both languages have topic proportions in both models;
  a pair of topics that rise and fall together over those documents (Pearson correlation of
  their proportions, with a Fisher *z* interval) is likely the same theme. Proportions of
  one document sum to one, which pulls correlations slightly below zero; the matching below
  compares pairs with each other, which that shift does not change.
* **dictionary**: the bilingual dictionary names the same categories in both languages; a
  topic's *category profile* is the probability mass it gives to each category's words, and
  two topics with similar profiles (cosine similarity) speak of the same concepts. Only
  one-word entries (exact or ``prefix*``) are looked up in the vocabulary, since a topic
  model counts words, not phrases.

Pairs are then matched one to one by the Hungarian algorithm (Kuhn 1955; scipy's
``linear_sum_assignment``), as topics are matched across seeds in notebook 03.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment


def _topic_columns(theta: pd.DataFrame) -> list:
    return [c for c in theta.columns if c != "id"]


def textstat_topic_correlation(theta_a: pd.DataFrame, theta_b: pd.DataFrame,
                               languages: tuple[str, str] = ("en", "nb"),
                               confidence: float = 0.95) -> pd.DataFrame:
    """Correlation of every topic of model A with every topic of model B over the documents
    both models hold (wide document-topic tables: ``id`` then one column per topic).

    Columns: ``topic_<a>, topic_<b>, documents, value`` (Pearson's r), ``ci_low, ci_high``
    (Fisher's z transform, as ``scipy.stats.pearsonr``'s interval). Fewer than four shared
    documents give no interval; fewer than three give no correlation.
    """
    from scipy.stats import norm

    a, b = languages
    cols_a = {c: f"a{c}" for c in _topic_columns(theta_a)}
    cols_b = {c: f"b{c}" for c in _topic_columns(theta_b)}
    joined = theta_a.rename(columns=cols_a).merge(theta_b.rename(columns=cols_b), on="id",
                                                   how="inner")
    n = len(joined)
    ta = joined[list(cols_a.values())].to_numpy(float)
    tb = joined[list(cols_b.values())].to_numpy(float)
    z_crit = norm.ppf(0.5 + confidence / 2)
    rows = []
    for i in range(ta.shape[1]):
        for j in range(tb.shape[1]):
            r = low = high = np.nan
            if n >= 3 and ta[:, i].std() > 0 and tb[:, j].std() > 0:
                r = float(np.corrcoef(ta[:, i], tb[:, j])[0, 1])
                if n >= 4:
                    z, se = np.arctanh(np.clip(r, -1 + 1e-12, 1 - 1e-12)), 1 / np.sqrt(n - 3)
                    low, high = np.tanh(z - z_crit * se), np.tanh(z + z_crit * se)
            rows.append((i + 1, j + 1, n, r, low, high))
    return pd.DataFrame(rows, columns=[f"topic_{a}", f"topic_{b}", "documents", "value",
                                       "ci_low", "ci_high"])


def textstat_topic_categories(phi: np.ndarray, vocabulary: list[str], dictionary: dict,
                              language: str) -> pd.DataFrame:
    """Each topic's probability mass on each dictionary category's one-word entries:
    ``topic, category, mass`` (every topic and category, zeros too). A word matched by
    entries of several categories counts for each."""
    index = {w: i for i, w in enumerate(vocabulary)}
    rows = []
    for category in sorted(dictionary):
        words = set()
        for entry in dictionary[category].get(language, []):
            if len(entry.parts) != 1:
                continue
            part = entry.parts[0]
            if part.endswith("*"):
                words |= {i for w, i in index.items() if w.startswith(part[:-1])}
            elif part in index:
                words.add(index[part])
        mass = phi[:, sorted(words)].sum(axis=1) if words else np.zeros(phi.shape[0])
        rows += [(k + 1, category, float(m)) for k, m in enumerate(mass)]
    return pd.DataFrame(rows, columns=["topic", "category", "mass"])


def textstat_topic_profile_similarity(profile_a: pd.DataFrame, profile_b: pd.DataFrame,
                                      languages: tuple[str, str] = ("en", "nb")) -> pd.DataFrame:
    """Cosine similarity of the category profiles (:func:`textstat_topic_categories`) of
    every pair of topics: ``topic_<a>, topic_<b>, categories, value``. A topic that puts no
    mass on any category has no similarity (empty)."""
    a, b = languages
    shared = sorted(set(profile_a["category"]) & set(profile_b["category"]))
    wa = profile_a.pivot(index="topic", columns="category", values="mass")[shared]
    wb = profile_b.pivot(index="topic", columns="category", values="mass")[shared]
    rows = []
    for i, va in wa.iterrows():
        for j, vb in wb.iterrows():
            norm = np.linalg.norm(va) * np.linalg.norm(vb)
            rows.append((int(i), int(j), len(shared),
                         float(va @ vb / norm) if norm > 0 else np.nan))
    return pd.DataFrame(rows, columns=[f"topic_{a}", f"topic_{b}", "categories", "value"])


def topics_match(similarity: pd.DataFrame) -> pd.DataFrame:
    """Mark the one-to-one pairing of topics that maximises the summed ``value`` (Hungarian
    algorithm) in a column ``matched``; a missing value counts as no similarity."""
    col_a, col_b = similarity.columns[:2]
    wide = similarity.pivot(index=col_a, columns=col_b, values="value")
    rows, cols = linear_sum_assignment(-wide.fillna(-1.0).to_numpy())
    pairs = {(wide.index[r], wide.columns[c]) for r, c in zip(rows, cols, strict=True)}
    matched = [(x, y) in pairs for x, y in zip(similarity[col_a], similarity[col_b],
                                                strict=True)]
    return similarity.assign(matched=matched)


def textstat_topic_match(correlation: pd.DataFrame, profiles: pd.DataFrame,
                         labels_a: dict[int, str], labels_b: dict[int, str]) -> pd.DataFrame:
    """Both routes in one table, one row per pair of topics and route: ``route, topic_<a>,
    label_<a>, topic_<b>, label_<b>, value, ci_low, ci_high, documents, matched``."""
    col_a, col_b = correlation.columns[:2]
    by_docs = topics_match(correlation).assign(route="documents")
    by_dict = topics_match(profiles).assign(route="dictionary", ci_low=np.nan, ci_high=np.nan,
                                            documents=np.nan)
    table = pd.concat([by_docs, by_dict.drop(columns="categories")], ignore_index=True)
    table.insert(2, f"label_{col_a.split('_')[1]}", table[col_a].map(labels_a))
    table.insert(4, f"label_{col_b.split('_')[1]}", table[col_b].map(labels_b))
    return table[["route", col_a, f"label_{col_a.split('_')[1]}", col_b,
                  f"label_{col_b.split('_')[1]}", "value", "ci_low", "ci_high", "documents",
                  "matched"]]
