"""Collocations: which words keep company with a node word, counted as AntConc counts them.

Spans are taken on the running text a reader sees: every word as a lemma, in order, stop
words kept, punctuation and digits dropped (:func:`digiwelfare.dictionaries.lemmas_all`).
A token inside the span of two node occurrences is counted once, and a node occurrence is
never its own collocate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

COLLOCATION_COLUMNS = ["node", "collocate", "freq", "freq_node", "freq_collocate", "window",
                       "n_tokens", "expected", "mi", "mi3", "t_score", "log_likelihood",
                       "log_dice"]


def collocation_measures(o, f_node, f_coll, window, n) -> dict[str, np.ndarray]:
    """Association measures of a node and a collocate seen ``o`` times in the node's spans.

    ``window`` is the number of token positions inside the spans (each counted once),
    ``f_coll`` the collocate's frequency and ``n`` the number of tokens, node occurrences
    left out of both. The 2 x 2 table is (in a span, elsewhere) x (collocate, other word):
    ``O11 = o, O12 = window - o, O21 = f_coll - o, O22 = n - window - f_coll + o``, so the
    expected count ``E = window * f_coll / n`` is right for any span width.

    MI = log2(O/E) (Church & Hanks 1990); MI3 = log2(O^3/E) (Oakes 1998); t = (O - E) /
    sqrt(O); log-likelihood G2 over the four cells (Dunning 1993), given the sign of O - E so
    that a pair seen less often than chance is negative; logDice = 14 + log2(2 O / (f_node
    + f_coll)) (Rychlý 2008).
    """
    o, fn, fc, w = (np.asarray(x, float) for x in (o, f_node, f_coll, window))
    n = float(n)
    obs = [o, w - o, fc - o, n - w - fc + o]
    exp = [w * fc / n, w * (n - fc) / n, (n - w) * fc / n, (n - w) * (n - fc) / n]
    g2 = np.zeros_like(o)
    with np.errstate(divide="ignore", invalid="ignore"):
        for ob, ex in zip(obs, exp, strict=True):
            g2 += np.where(ob > 0, ob * np.log(ob / ex), 0.0)
        e = exp[0]
        return {"expected": e, "mi": np.log2(o / e), "mi3": np.log2(o ** 3 / e),
                "t_score": (o - e) / np.sqrt(o),
                "log_likelihood": np.sign(o - e) * 2 * np.abs(g2),
                "log_dice": 14 + np.log2(2 * o / (fn + fc))}


def _node_starts(lemmas: list[str], node: tuple[str, ...]) -> list[int]:
    k = len(node)
    return [i for i in range(len(lemmas) - k + 1) if tuple(lemmas[i:i + k]) == node]


def textstat_collocations(docs: Iterable[list[str]], node: str, left: int = 4, right: int = 4,
                          min_freq: int = 3, exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Collocates of ``node`` (a lemma, or a phrase of lemmas separated by spaces) within
    ``left`` words before and ``right`` words after it, inside each document.

    ``docs`` are running lemmas (stop words kept). Columns: :data:`COLLOCATION_COLUMNS`,
    where ``freq`` counts span positions holding the collocate, ``window`` all span
    positions, ``expected`` the count chance would give (see :func:`collocation_measures`).
    Collocates seen fewer than ``min_freq`` times, and those in ``exclude`` (e.g. stop
    words, to shorten the table), are left out of the table but not of the counting.
    Sorted by logDice. A node found nowhere, or without collocates, gives an empty table
    with these columns and a printed note saying why.
    """
    target = tuple(node.lower().split())
    empty = pd.DataFrame(columns=COLLOCATION_COLUMNS)
    if not target:
        print("collocations: the node is empty; give a lemma such as 'data'")
        return empty
    together: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    node_freq = window = n = 0
    for doc in docs:
        doc = list(doc)
        starts = _node_starts(doc, target)
        in_node = {i + j for i in starts for j in range(len(target))}
        span = {p for i in starts
                for p in range(max(0, i - left), min(len(doc), i + len(target) + right))}
        span -= in_node
        node_freq += len(starts)
        window += len(span)
        n += len(doc) - len(in_node)
        for p, lemma in enumerate(doc):
            if p in span:
                together[lemma] += 1
            elif p not in in_node:
                outside[lemma] += 1
    if node_freq == 0:
        print(f"collocations: the node '{node}' occurs nowhere in these documents; "
              "choose a lemma that does (see the keyness table)")
        return empty
    excluded = set(exclude)
    rows = [(c, o) for c, o in sorted(together.items()) if o >= min_freq and c not in excluded]
    if not rows:
        print(f"collocations: '{node}' occurs {node_freq} times but no word occurs at least "
              f"{min_freq} times within its spans; lower min_freq or widen the span")
        return empty
    table = pd.DataFrame(rows, columns=["collocate", "freq"])
    table.insert(0, "node", node)
    table["freq_node"], table["window"], table["n_tokens"] = node_freq, window, n
    table["freq_collocate"] = [together[c] + outside[c] for c in table["collocate"]]
    for name, values in collocation_measures(table["freq"], node_freq, table["freq_collocate"],
                                             window, n).items():
        table[name] = values
    return table[COLLOCATION_COLUMNS].sort_values(
        ["log_dice", "collocate"], ascending=[False, True], kind="stable").reset_index(drop=True)
