"""Discourse statistics: keyness between two groups of documents, and concordances.

Every keyness table carries the counts it was computed from, so a reader can recompute
each row by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
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




# --- dictionaries -------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One dictionary entry: a sequence of lemma patterns (exact, or ``prefix*``)."""

    text: str
    parts: tuple[str, ...]

    def matches_at(self, lemmas: list[str], i: int) -> bool:
        if i + len(self.parts) > len(lemmas):
            return False
        for part, lemma in zip(self.parts, lemmas[i:i + len(self.parts)], strict=False):
            if part.endswith("*"):
                if not lemma.startswith(part[:-1]):
                    return False
            elif lemma != part:
                return False
        return True


def dictionary_load(path: str | Path) -> dict[str, dict[str, list[Entry]]]:
    """Read a YAML dictionary ``categories: {name: {en: [...], nb: [...]}}``.

    Returns ``{category: {language: [Entry, ...]}}``. A malformed file raises ValueError
    naming the file and the category.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ValueError(f"{path}: cannot be read as YAML ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
        raise ValueError(f"{path}: expected a mapping 'categories:' of category names")
    out: dict[str, dict[str, list[Entry]]] = {}
    for name, spec in data["categories"].items():
        if not isinstance(spec, dict):
            raise ValueError(f"{path}: category '{name}' must map languages to entry lists")
        out[name] = {}
        for lang, entries in spec.items():
            if lang == "description":
                continue
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise ValueError(f"{path}: category '{name}', language '{lang}': expected a "
                                 "list of words")
            out[name][lang] = [Entry(e, tuple(e.lower().split())) for e in entries if e.strip()]
    return out


def lemmas_all(text: str, language: str) -> list[str]:
    """Every word of ``text`` as a lemma, stop words kept (what dictionaries match on)."""
    from digiwelfare.tokens import text_tokenize, tokens_lemmatize

    return tokens_lemmatize(text_tokenize(text), language)


class Matcher:
    """A dictionary compiled for one language: finds every entry in a lemma sequence.

    At each position the longest entry wins and its words are consumed, so "sick leave" is
    one hit, not two. Which entries can start at a lemma is worked out once per word type.
    """

    def __init__(self, dictionary: dict, language: str):
        self.entries = sorted(((c, e) for c, langs in dictionary.items()
                               for e in langs.get(language, [])),
                              key=lambda ce: -len(ce[1].parts))
        self.exact: dict[str, list] = {}
        self.prefixed: list[tuple[str, tuple]] = []
        for c, e in self.entries:
            first = e.parts[0]
            if first.endswith("*"):
                self.prefixed.append((first[:-1], (c, e)))
            else:
                self.exact.setdefault(first, []).append((c, e))
        self._start: dict[str, list] = {}

    def _starting(self, lemma: str) -> list:
        found = self._start.get(lemma)
        if found is None:
            found = self.exact.get(lemma, []) + [ce for p, ce in self.prefixed
                                                  if lemma.startswith(p)]
            found.sort(key=lambda ce: -len(ce[1].parts))
            self._start[lemma] = found
        return found

    def match(self, lemmas: list[str]) -> list[tuple[int, int, str, str]]:
        """``(start, end, category, entry)`` for every hit."""
        hits, i = [], 0
        while i < len(lemmas):
            for category, entry in self._starting(lemmas[i]):
                if entry.matches_at(lemmas, i):
                    hits.append((i, i + len(entry.parts), category, entry.text))
                    i += len(entry.parts)
                    break
            else:
                i += 1
        return hits


def dictionary_match(lemmas: list[str], dictionary: dict, language: str
                     ) -> list[tuple[int, int, str, str]]:
    """Matches of ``dictionary`` in a lemma sequence: ``(start, end, category, entry)``."""
    return Matcher(dictionary, language).match(lemmas)


def textstat_dictionary(parts: pd.DataFrame, dictionary: dict, language: str) -> pd.DataFrame:
    """Hits of every category in every document part: ``id, category, hits, tokens,
    rate`` (hits per 1,000 tokens; all categories listed for every document, zeros too)."""
    rows = []
    matcher = Matcher(dictionary, language)
    for doc in parts.sort_values("id").itertuples(index=False):
        lemmas = lemmas_all(doc.text, language)
        counts = Counter(c for _, _, c, _ in matcher.match(lemmas))
        for category in dictionary:
            rows.append((doc.id, category, counts[category], len(lemmas)))
    table = pd.DataFrame(rows, columns=["id", "category", "hits", "tokens"])
    table["rate"] = 1000 * table["hits"] / table["tokens"].where(table["tokens"] > 0)
    return table


def textstat_dictionary_groups(rates: pd.DataFrame, meta: pd.DataFrame, by: str,
                               n_boot: int = 1000, seed: int = 1) -> pd.DataFrame:
    """Rates per 1,000 tokens of each category in each group of ``by``, with 95 % intervals
    from a bootstrap over documents (documents differ more than a Poisson count allows).

    Columns: ``group, category, documents, hits, tokens, rate, ci_low, ci_high``.
    """
    rng = np.random.default_rng(seed)
    joined = rates.merge(meta[["id", by]], on="id", how="left")
    rows = []
    for (group, category), g in joined.groupby([by, "category"], sort=True):
        hits, tokens = g["hits"].to_numpy(), g["tokens"].to_numpy()
        idx = rng.integers(0, len(g), size=(n_boot, len(g)))
        boot = 1000 * hits[idx].sum(axis=1) / np.maximum(tokens[idx].sum(axis=1), 1)
        rows.append((group, category, len(g), hits.sum(), tokens.sum(),
                     1000 * hits.sum() / max(tokens.sum(), 1), *np.percentile(boot, [2.5, 97.5])))
    return pd.DataFrame(rows, columns=["group", "category", "documents", "hits", "tokens",
                                       "rate", "ci_low", "ci_high"])
