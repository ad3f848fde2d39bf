"""Seed words before a keyword-assisted model is fitted: which vocabulary words a dictionary
entry names (:func:`seeds_expand`), and how often each seed occurs in the documents the model
will see (:func:`textstat_keywords`, per category :func:`textstat_keyword_categories`), so a
reader sees which seeds can carry a topic, as keyATM's ``visualize_keywords`` shows (Eshima,
Imai & Sasaki 2024). The model itself is :mod:`digiwelfare.guided`.
"""

from __future__ import annotations

import pandas as pd


def seeds_expand(patterns: list[str], vocabulary) -> list[str]:
    """The vocabulary words an entry list names: exact lemmas, and ``prefix*`` for every word
    starting with the prefix; multi-word entries are left out (topics see single lemmas).
    ``vocabulary``: any collection of words (a gensim ``Dictionary``'s ``token2id`` works).
    """
    vocab = sorted(vocabulary)
    known = set(vocab)
    found = []
    for p in patterns:
        if " " in p:
            continue
        if p.endswith("*"):
            found += [w for w in vocab if w.startswith(p[:-1])]
        elif p in known:
            found.append(p)
    return sorted(set(found))


def textstat_keywords(token_lists: list[list[str]], entries: dict[str, list[str]],
                      vocabulary) -> pd.DataFrame:
    """Before fitting: how often each seed entry's words occur, so a reader sees which seeds
    can carry a topic (as keyATM's ``visualize_keywords``).

    ``token_lists``: each document's tokens as the model sees them (words outside
    ``vocabulary`` are not counted); ``entries``: ``{category: dictionary entries}``.
    One row per category and word an entry expands to, or per entry that expands to none:
    ``category, entry, word, in_vocabulary, frequency, doc_frequency, token_share,
    doc_share, note``. ``token_share``: share of all modelled tokens; ``doc_share``: share
    of documents with the word at least once.
    """
    vocabulary = set(vocabulary)
    freq: dict[str, int] = {}
    docfreq: dict[str, int] = {}
    n_tokens = 0
    for toks in token_lists:
        kept = [t for t in toks if t in vocabulary]
        n_tokens += len(kept)
        for t in kept:
            freq[t] = freq.get(t, 0) + 1
        for t in set(kept):
            docfreq[t] = docfreq.get(t, 0) + 1
    n_docs = max(len(token_lists), 1)
    rows = []
    for category, patterns in entries.items():
        for entry in patterns:
            words = seeds_expand([entry], vocabulary)
            if not words:
                note = ("multi-word entry: topic models see single words" if " " in entry
                        else "not in this language's modelled vocabulary")
                rows.append((category, entry, entry, False, 0, 0, note))
            for w in words:
                rows.append((category, entry, w, True, freq.get(w, 0), docfreq.get(w, 0), ""))
    table = pd.DataFrame(rows, columns=["category", "entry", "word", "in_vocabulary",
                                        "frequency", "doc_frequency", "note"])
    table.insert(6, "token_share", table["frequency"] / max(n_tokens, 1))
    table.insert(7, "doc_share", table["doc_frequency"] / n_docs)
    return table.sort_values(["category", "frequency", "word"], ascending=[True, False, True],
                             kind="mergesort").reset_index(drop=True)


def textstat_keyword_categories(keywords: pd.DataFrame, token_lists: list[list[str]]
                                ) -> pd.DataFrame:
    """One row per category of :func:`textstat_keywords`: ``category, entries,
    entries_in_vocabulary, seed_words, seed_tokens, doc_share`` (share of documents using
    at least one of the category's seed words), in the table's category order."""
    rows = []
    for category, g in keywords.groupby("category", sort=False):
        found = g[g["in_vocabulary"]].drop_duplicates("word")
        words = set(found["word"])
        docs = sum(1 for toks in token_lists if words & set(toks))
        rows.append((category, g["entry"].nunique(),
                     g.loc[g["in_vocabulary"], "entry"].nunique(), len(words),
                     int(found["frequency"].sum()), docs / max(len(token_lists), 1)))
    return pd.DataFrame(rows, columns=["category", "entries", "entries_in_vocabulary",
                                       "seed_words", "seed_tokens", "doc_share"])
