"""Discourse statistics: keyness between two groups of documents, and concordances.

Every keyness table carries the counts it was computed from, so a reader can recompute
each row by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy.stats import chi2

#: Added to a zero frequency before the log ratio, so a word found in one group only gets
#: a finite effect size (Hardie 2014 suggests a small constant such as 0.5).
ZERO_ADJUSTMENT = 0.5


def g2_two_term(freq_a, freq_b, total_a, total_b):
    """Log-likelihood G2 of a term's frequencies in two corpora (Rayson & Garside 2000).

    Expected counts are ``E_i = total_i * (freq_a + freq_b) / (total_a + total_b)`` and
    ``G2 = 2 * sum(O_i * ln(O_i / E_i))``, the ``O_i = 0`` terms counting as zero.

    >>> round(float(g2_two_term(52, 57, 50_000, 75_000)), 2)
    2.65
    """
    fa, fb = np.asarray(freq_a, float), np.asarray(freq_b, float)
    ta, tb = np.asarray(total_a, float), np.asarray(total_b, float)
    ea = ta * (fa + fb) / (ta + tb)
    eb = tb * (fa + fb) / (ta + tb)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(fa > 0, fa * np.log(fa / ea), 0.0)
        part_b = np.where(fb > 0, fb * np.log(fb / eb), 0.0)
    return 2.0 * (part_a + part_b)


def log_ratio(freq_a, freq_b, total_a, total_b, zero: float = ZERO_ADJUSTMENT):
    """Hardie's (2014) log ratio: ``log2`` of the ratio of relative frequencies.

    A zero frequency is replaced by ``zero`` first. One unit means twice as frequent.

    >>> round(float(log_ratio(52, 57, 50_000, 75_000)), 2)
    0.45
    """
    fa = np.where(np.asarray(freq_a, float) == 0, zero, np.asarray(freq_a, float))
    fb = np.where(np.asarray(freq_b, float) == 0, zero, np.asarray(freq_b, float))
    return np.log2((fa / np.asarray(total_a, float)) / (fb / np.asarray(total_b, float)))


def textstat_keyness(tokens_a: Iterable[list[str]], tokens_b: Iterable[list[str]],
                     min_freq: int = 5) -> pd.DataFrame:
    """Keyness of every term between group A and group B of tokenised documents.

    Columns: ``term, freq_a, freq_b, total_a, total_b, g2, p_value, p_holm, log_ratio,
    key_for``. ``p_value`` is the chi-square (1 df) tail of G2; ``p_holm`` the same adjusted
    for testing every listed term (Holm 1979); ``key_for`` says which group
    uses the term relatively more. Terms with ``freq_a + freq_b < min_freq`` are left out.
    Rows are sorted by G2, strongest first, then by term.
    """
    count_a = Counter(t for doc in tokens_a for t in doc)
    count_b = Counter(t for doc in tokens_b for t in doc)
    total_a, total_b = sum(count_a.values()), sum(count_b.values())
    if total_a == 0 or total_b == 0:
        raise ValueError(f"keyness needs tokens in both groups (A has {total_a}, B has {total_b})")
    terms = sorted(t for t in set(count_a) | set(count_b) if count_a[t] + count_b[t] >= min_freq)
    table = pd.DataFrame({
        "term": terms,
        "freq_a": [count_a[t] for t in terms],
        "freq_b": [count_b[t] for t in terms],
    })
    table["total_a"], table["total_b"] = total_a, total_b
    table["g2"] = g2_two_term(table.freq_a, table.freq_b, total_a, total_b)
    table["p_value"] = chi2.sf(table["g2"], df=1)
    table["p_holm"] = p_adjust_holm(table["p_value"].to_numpy())
    table["log_ratio"] = log_ratio(table.freq_a, table.freq_b, total_a, total_b)
    table["key_for"] = np.where(table["log_ratio"] >= 0, "A", "B")
    return table.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def term_pattern(term: str) -> re.Pattern:
    """A pattern for one word form: case-insensitive, ``*`` standing for any letters.

    >>> bool(term_pattern("digital*").fullmatch("digitalisation"))
    True
    """
    parts = [re.escape(p) for p in term.lower().split("*")]
    return re.compile(r"[\w-]*".join(parts), re.IGNORECASE)


_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


def textstat_kwic(docs: pd.DataFrame, term: str, window: int = 6) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` in ``docs[text]`` with ``window`` words
    either side. Columns: ``id, position, left, node, right`` in document and word order.

    Matching ignores case and the punctuation around a word; ``*`` is a wildcard.
    """
    pattern = term_pattern(term)
    rows = []
    for doc in docs.sort_values("id").itertuples(index=False):
        words = _WORD.findall(doc.text)
        for i, word in enumerate(words):
            if pattern.fullmatch(_EDGE.sub("", word)):
                rows.append((doc.id, i, " ".join(words[max(0, i - window):i]), word,
                             " ".join(words[i + 1:i + 1 + window])))
    return pd.DataFrame(rows, columns=["id", "position", "left", "node", "right"])


def p_adjust_holm(p_values) -> np.ndarray:
    """Holm's (1979) step-down adjustment of p-values for multiple comparisons."""
    p = np.asarray(p_values, float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        adjusted[idx] = running
    return adjusted


