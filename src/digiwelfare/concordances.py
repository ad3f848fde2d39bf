"""Concordances (keyword in context), AntConc-style, and their HTML rendering."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")
SORTS = (None, "left1", "left2", "left3", "right1", "right2", "right3")


def term_pattern(term: str) -> re.Pattern:
    """A pattern for one word form: case-insensitive, ``*`` standing for any letters.

    >>> bool(term_pattern("digital*").fullmatch("digitalisation"))
    True
    """
    parts = [re.escape(p) for p in term.lower().split("*")]
    return re.compile(r"[\w-]*".join(parts), re.IGNORECASE)


def _lemma_is(lemma: str, language: str):
    from digiwelfare.tokens import word_lemmatize

    # A bare word that is only punctuation ("–", "§") is empty once stripped: simplemma
    # refuses an empty string, and such a word is no lemma anyway.
    return lambda w: bool(w) and word_lemmatize(w.lower(), language) == lemma


def _fullmatch(pattern: re.Pattern):
    return lambda w: bool(w) and pattern.fullmatch(w) is not None


def _matchers(query: str, match: str, language: str | None) -> list:
    """One test per word of the query, each taking a bare word and saying if it matches."""
    if not query or not query.strip():
        raise ValueError("query is empty: give a word, a phrase, a lemma or a pattern")
    if match == "regex":
        return [_fullmatch(re.compile(query, re.IGNORECASE))]
    if match == "lemma":
        if language is None:
            raise ValueError("a lemma concordance needs the language of its documents")
        return [_lemma_is(p.lower(), language) for p in query.split()]
    if match != "word":
        raise ValueError(f"match = {match!r}: expected word, lemma or regex")
    return [_fullmatch(term_pattern(p)) for p in query.split()]


def concordance_build(docs: pd.DataFrame, query: str, language: str | None = None,
                         window: int = 6, match: str = "word", sort: str | None = None,
                         meta: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword in context for a word form (``*`` wildcard), a phrase of several words, a
    lemma (``match="lemma"``, needs ``language``) or a regular expression (``match="regex"``,
    matched against single words, punctuation at their edges stripped).

    Columns: ``id, position, left, node, right`` plus the ``meta`` columns beside each line.
    ``sort`` is ``None`` (document order), ``"left1"``..``"left3"`` or ``"right1"``..``"right3"``:
    by the n-th word left or right of the node, as AntConc sorts.
    """
    if sort not in SORTS:
        raise ValueError(f"sort = {sort!r}: expected one of {', '.join(map(str, SORTS))}")
    # a word's bare form and each test's answer depend on the word alone: worked out once a
    # word type, so a corpus costs a look-up a word
    tests = [cache(m) for m in _matchers(query, match, language)]
    bare_of = cache(lambda w: _EDGE.sub("", w))
    rows = []
    for doc in docs.sort_values("id").itertuples(index=False):
        words = _WORD.findall(doc.text or "")
        bare = list(map(bare_of, words))
        last = len(words) - len(tests)  # the last position a whole query fits at
        starts = [i for i, ok in enumerate(map(tests[0], bare)) if ok and i <= last]
        for i in starts:
            if all(t(bare[i + j]) for j, t in enumerate(tests[1:], 1)):
                k = i + len(tests)
                rows.append((doc.id, i, " ".join(words[max(0, i - window):i]),
                             " ".join(words[i:k]), " ".join(words[k:k + window])))
    table = pd.DataFrame(rows, columns=["id", "position", "left", "node", "right"])
    if sort:
        side, nth = sort[:-1], int(sort[-1])

        def key(text: str) -> str:
            ws = text.lower().split()
            if len(ws) < nth:
                return ""
            return ws[-nth] if side == "left" else ws[nth - 1]
        table = table.assign(_k=table[side].map(key)).sort_values(
            ["_k", "id", "position"], kind="stable").drop(columns="_k").reset_index(drop=True)
    if meta is not None:
        table = table.merge(meta, on="id", how="left")
    return table
