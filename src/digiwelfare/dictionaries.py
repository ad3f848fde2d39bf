"""Dictionaries: categories of words matched on lemmas, their rates per 1,000 tokens with
honest intervals, their sentences, and where chosen terms occur."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from digiwelfare.bca import rates_difference_bca

#: A group with fewer documents than this gets no interval: a bootstrap over a handful of
#: documents cannot show how much documents vary.
MIN_DOCUMENTS = 10


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


def dictionary_read(path: str | Path) -> dict[str, dict[str, list[Entry]]]:
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
    """Every word of ``text`` as a lemma, in order, stop words kept, punctuation and digits
    dropped: the running text dictionaries and collocation spans are matched on."""
    from digiwelfare.tokens import text_lemmas

    return text_lemmas(text or "", language)


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
        start_of, starting = self._start, self._starting
        hits, after = [], 0  # after: the first position a hit has not consumed
        for i, lemma in enumerate(lemmas):
            if i < after:
                continue
            found = start_of.get(lemma)
            for category, entry in starting(lemma) if found is None else found:
                if entry.matches_at(lemmas, i):
                    hits.append((i, i + len(entry.parts), category, entry.text))
                    after = i + len(entry.parts)
                    break
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
        rows += [(doc.id, category, counts[category], len(lemmas)) for category in dictionary]
    table = pd.DataFrame(rows, columns=["id", "category", "hits", "tokens"])
    table["rate"] = 1000 * table["hits"] / table["tokens"].where(table["tokens"] > 0)
    return table


def meta_known(meta: pd.DataFrame, column: str) -> tuple[pd.DataFrame, int]:
    """Rows of ``meta`` whose ``column`` is known (not NA, not empty), and how many were not."""
    value = meta[column]
    missing = (value.isna() | (value.astype("string").str.strip() == "")).to_numpy()
    return meta[~missing], int(missing.sum())


def _joined(rates: pd.DataFrame, meta: pd.DataFrame, by: str) -> pd.DataFrame:
    known, dropped = meta_known(meta[["id", by]].drop_duplicates("id"), by)
    if dropped:
        print(f"{by}: {dropped} documents have no value and are left out")
    return rates.merge(known, on="id", how="inner")


def _rate_boot(hits: np.ndarray, tokens: np.ndarray, n_boot: int, rng) -> np.ndarray:
    idx = rng.integers(0, len(hits), size=(n_boot, len(hits)))
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1000 * hits[idx].sum(1) / tokens[idx].sum(1)


def textstat_dictionary_groups(rates: pd.DataFrame, meta: pd.DataFrame, by: str,
                               n_boot: int = 1000, seed: int = 1,
                               min_docs: int = MIN_DOCUMENTS) -> pd.DataFrame:
    """Rates per 1,000 tokens of each category in each group of ``by``, with 95 % intervals.

    The interval is a percentile bootstrap over documents (documents differ more than a
    Poisson count allows). A group with no hits at all gets the exact Poisson interval
    ``[0, -ln(0.025) * 1000 / tokens]`` instead of a bootstrap's [0, 0]; a group with fewer
    than ``min_docs`` documents gets none (``few_docs``), and so does a group whose documents
    hold no token (its rate is undefined, NaN). Documents without a ``by`` value
    are left out, and their number printed.

    Columns: ``group, category, documents, hits, tokens, rate, ci_low, ci_high, ci_method,
    few_docs``.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for (group, category), g in _joined(rates, meta, by).groupby([by, "category"], sort=True):
        hits, tokens = g["hits"].to_numpy(float), g["tokens"].to_numpy(float)
        rate = 1000 * hits.sum() / tokens.sum() if tokens.sum() > 0 else np.nan
        if len(g) < min_docs:
            low, high, method = np.nan, np.nan, f"none: fewer than {min_docs} documents"
        elif tokens.sum() == 0:  # no token to hold a hit: there is no rate to bound
            low, high, method = np.nan, np.nan, "none: no tokens"
        elif hits.sum() == 0:
            low, high, method = 0.0, -np.log(0.025) * 1000 / tokens.sum(), "exact Poisson"
        else:
            low, high = np.nanpercentile(_rate_boot(hits, tokens, n_boot, rng), [2.5, 97.5])
            method = "bootstrap over documents"
        rows.append((group, category, len(g), int(hits.sum()), int(tokens.sum()), rate, low,
                     high, method, len(g) < min_docs))
    return pd.DataFrame(rows, columns=["group", "category", "documents", "hits", "tokens",
                                       "rate", "ci_low", "ci_high", "ci_method", "few_docs"])


def textstat_dictionary_difference(rates: pd.DataFrame, meta: pd.DataFrame, by: str, level_a,
                                   level_b=None, n_boot: int = 2000, seed: int = 1,
                                   min_docs: int = MIN_DOCUMENTS) -> pd.DataFrame:
    """Difference and ratio of each category's rate between two groups of documents, with
    95 % bias-corrected and accelerated (BCa) bootstrap intervals (Efron 1987; Efron &
    Tibshirani 1993, ch. 14) that resample the documents of each group separately
    (:func:`digiwelfare.bca.rates_difference_bca`: ``scipy.stats.bootstrap``'s intervals, its
    jackknife in linear time; seeded, so the same inputs give the same interval).

    A rate is pooled (hits over tokens of the resampled documents). A percentile interval
    covered a true difference about 91.5 % of the time with 25 documents a group; BCa
    corrects its bias and skew. ``level_a``: the value of ``by`` for group A; ``level_b``:
    for group B, or ``None`` for every other document with a value. Columns: ``category,
    group_a, group_b, docs_a, docs_b, rate_a, rate_b, difference, diff_low, diff_high,
    ratio, ratio_low, ratio_high, few_docs, ci_method``. No interval is given, and
    ``ci_method`` says why, when either side has fewer than ``min_docs`` documents
    (``few_docs``), when neither side has a hit, or when every resample gives the same
    difference (a zero-width interval would claim a certainty documents cannot give); the
    ratio needs hits on both sides.
    """
    joined = _joined(rates, meta, by)
    value = joined[by].astype(str)
    in_a = value == str(level_a)
    in_b = ~in_a if level_b is None else value == str(level_b)
    label_b = "the rest" if level_b is None else str(level_b)
    rng = np.random.default_rng(seed)
    rows = []
    for category in sorted(joined["category"].unique()):
        of = joined["category"] == category
        a, b = joined[of & in_a], joined[of & in_b]
        ha, ta = a["hits"].to_numpy(float), a["tokens"].to_numpy(float)
        hb, tb = b["hits"].to_numpy(float), b["tokens"].to_numpy(float)
        ra = 1000 * ha.sum() / ta.sum() if ta.sum() > 0 else np.nan
        rb = 1000 * hb.sum() / tb.sum() if tb.sum() > 0 else np.nan
        few = min(len(a), len(b)) < min_docs
        diff_ci = ratio_ci = (np.nan, np.nan)
        if few:
            method = f"none: fewer than {min_docs} documents"
        elif ha.sum() + hb.sum() == 0:
            method = "none: no hits in either group"
        else:
            low, high = rates_difference_bca((ha, ta), (hb, tb), n_boot, rng)
            method = "BCa bootstrap over documents"
            if np.isnan([low[0], high[0]]).any() or low[0] == high[0]:
                method = "none: every resample gives the same difference"
            else:
                diff_ci = (low[0], high[0])
            if ha.sum() > 0 and hb.sum() > 0 and np.isfinite([low[1], high[1]]).all():
                ratio_ci = (np.exp(low[1]), np.exp(high[1]))
        rows.append((category, str(level_a), label_b, len(a), len(b), ra, rb, ra - rb,
                     *diff_ci, ra / rb if rb else np.nan, *ratio_ci, few, method))
    return pd.DataFrame(rows, columns=["category", "group_a", "group_b", "docs_a", "docs_b",
                                       "rate_a", "rate_b", "difference", "diff_low",
                                       "diff_high", "ratio", "ratio_low", "ratio_high",
                                       "few_docs", "ci_method"])


def dictionary_lines_sample(parts: pd.DataFrame, dictionary: dict, language: str,
                              n: int = 5, window: int = 8, seed: int = 1) -> pd.DataFrame:
    """A random sample (seeded) of ``n`` concordance lines per category, for validating a
    dictionary by reading: ``category, entry, id, left, node, right``."""
    from digiwelfare.tokens import text_tokenize

    matcher = Matcher(dictionary, language)
    lines = []
    for doc in parts.sort_values("id").itertuples(index=False):
        words = text_tokenize(doc.text or "")
        for start, end, category, entry in matcher.match(lemmas_all(doc.text, language)):
            lines.append((category, entry, doc.id, " ".join(words[max(0, start - window):start]),
                          " ".join(words[start:end]), " ".join(words[end:end + window])))
    table = pd.DataFrame(lines, columns=["category", "entry", "id", "left", "node", "right"])
    if table.empty:
        return table
    chosen = [i for _, g in table.groupby("category", sort=True)
              for i in g.sample(min(n, len(g)), random_state=seed).index]
    return table.loc[chosen].reset_index(drop=True)


def textstat_topic_dictionary(rates: pd.DataFrame, doc_topics: pd.DataFrame) -> pd.DataFrame:
    """Rate of each dictionary category per 1,000 tokens within each topic, documents
    weighted by their share of the topic: ``topic, category, rate, share``, where ``share``
    is the category's share of all category hits in that topic. Documents in both tables
    count; rows go by topic (in the order of the topic columns' names, sorted) and category.

    The weighted sums are two matrix products (topics x documents times documents x
    categories), never a table with a row for every document, topic and category (at 50,000
    documents, 20 topics and a dozen categories, twelve million rows).
    """
    topics = sorted(c for c in doc_topics.columns if c != "id")
    weights = doc_topics.drop_duplicates("id").set_index("id")[topics]
    common = weights.index.intersection(pd.Index(rates["id"].unique()), sort=False)
    if common.empty:
        return pd.DataFrame({"topic": pd.Series(dtype="int64"), "category": pd.Series(
            dtype=object), "rate": pd.Series(dtype=float), "share": pd.Series(dtype=float)})
    # one table of both counts, documents by (count, category); wide["hits"] is the first half
    wide = rates.pivot_table(index="id", columns="category", values=["hits", "tokens"],
                             aggfunc="sum", fill_value=0, sort=True)
    categories = list(wide["hits"].columns)
    w = weights.loc[common].to_numpy(dtype=float, na_value=0.0).T  # a missing weight adds 0
    w_hits = w @ wide["hits"].loc[common].to_numpy(dtype=float)
    w_tokens = w @ wide["tokens"].loc[common].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 1000 * w_hits / w_tokens
        share = w_hits / w_hits.sum(axis=1, keepdims=True)
    return pd.DataFrame({"topic": np.repeat([int(t) for t in topics], len(categories)),
                         "category": categories * len(topics), "rate": rate.ravel(),
                         "share": share.ravel()})


# --- sentences ----------------------------------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (English and Norwegian).
ABBREVIATIONS = ("e.g", "i.e", "etc", "cf", "vs", "dr", "prof", "no", "nr", "f.eks", "bl.a",
                 "ca", "jf", "mv", "osv", "dvs", "evt", "ifm", "st.meld", "meld", "prop", "mill",
                 "mrd", "kr", "nok", "pst", "p")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(«]?[A-ZÆØÅÄÖ0-9])")


def text_sentences(text: str) -> list[str]:
    """Sentences of a text: paragraphs split where ``.``, ``!`` or ``?`` is followed by a
    capital or digit, except after a known abbreviation (``f.eks.``, ``St.meld.``, ``e.g.``).

    >>> text_sentences("Se f.eks. St.meld. nr. 9 (2012–2013). Den kom! Ny setning.")
    ['Se f.eks. St.meld. nr. 9 (2012–2013).', 'Den kom!', 'Ny setning.']
    """
    out = []
    for para in re.split(r"\n\s*\n", text or ""):
        start = 0
        for m in _SENTENCE_END.finditer(para):
            before = para[start:m.start()].rsplit(None, 1)
            if before and before[-1].lower().rstrip(".") in ABBREVIATIONS:
                continue
            out.append(para[start:m.start()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return [s for s in out if s]


def sentences_lemmatize(parts: pd.DataFrame, language: str) -> pd.DataFrame:
    """Every sentence of every document part as lemmas: ``id, sentence, lemmas``. Made once
    and matched against several dictionaries (concepts, actors)."""
    rows = [(doc.id, i, lemmas_all(sentence, language))
            for doc in parts.sort_values("id").itertuples(index=False)
            for i, sentence in enumerate(text_sentences(doc.text))]
    return pd.DataFrame(rows, columns=["id", "sentence", "lemmas"])


def sentences_match(sentences: pd.DataFrame, dictionary: dict, language: str
                                 ) -> pd.DataFrame:
    """Which categories occur in which sentence of a :func:`sentences_lemmatize` table:
    ``id, sentence, category, hits`` (one row per sentence and category found)."""
    matcher = Matcher(dictionary, language)
    rows = []
    for row in sentences.itertuples(index=False):
        found = Counter(c for _, _, c, _ in matcher.match(list(row.lemmas)))
        rows += [(row.id, row.sentence, c, n) for c, n in sorted(found.items())]
    return pd.DataFrame(rows, columns=["id", "sentence", "category", "hits"])


def terms_locate(parts: pd.DataFrame, meta: pd.DataFrame, terms: list[str],
                        language: str) -> pd.DataFrame:
    """Positions of lemma ``terms`` across documents ordered by year then id: ``term, id,
    year, x, doc_start``. ``x`` is the document's rank plus the hit's relative position
    inside it (``i / n`` for the i-th of n lemmas, from 0), so document k spans [k, k + 1);
    ``doc_start`` is the rank of the first document of that year. Documents without a year
    are left out, and their number printed.
    """
    known, dropped = meta_known(meta[["id", "year"]].drop_duplicates("id"), "year")
    if dropped:
        print(f"dispersion: {dropped} documents have no year and are left out")
    docs = parts.merge(known, on="id").sort_values(["year", "id"], kind="stable")
    wanted = {t.lower() for t in terms}
    rows = []
    for rank, doc in enumerate(docs.itertuples(index=False)):
        lemmas = lemmas_all(doc.text, language)
        rows += [(lemma, doc.id, doc.year, rank + i / len(lemmas))
                 for i, lemma in enumerate(lemmas) if lemma in wanted]
    table = pd.DataFrame(rows, columns=["term", "id", "year", "x"])
    starts = pd.DataFrame({"year": docs["year"].to_numpy(), "doc_start": range(len(docs))})
    first = starts.groupby("year", as_index=False)["doc_start"].min()
    table = table.merge(first, on="year", how="left")
    table.attrs["n_documents"] = len(docs)
    table.attrs["year_starts"] = dict(zip(first["year"].tolist(), first["doc_start"].tolist(),
                                          strict=True))
    return table


def textstat_term_periods(positions: pd.DataFrame, parts: pd.DataFrame, meta: pd.DataFrame,
                          terms: list[str], period_from: int) -> pd.DataFrame:
    """How many documents use each term before ``period_from`` and from it on, from a
    :func:`terms_locate` table: ``term, period, documents, using, share, hits``
    (``documents``: parts with a year in the period; ``using``: those with at least one hit).
    Documents without a year are left out, as in :func:`terms_locate`."""
    known, _ = meta_known(meta[["id", "year"]].drop_duplicates("id"), "year")
    dated = known[known["id"].isin(parts["id"])]
    later, earlier = f"{period_from} and later", f"before {period_from}"
    period = pd.Series(np.where(dated["year"].astype(int) >= period_from, later, earlier),
                       index=dated["id"].to_numpy())
    rows = []
    for term in terms:
        hits = positions[positions["term"] == term]
        for label in (earlier, later):
            ids = set(period.index[period.to_numpy() == label])
            in_period = hits[hits["id"].isin(ids)]
            using = in_period["id"].nunique()
            rows.append((term, label, len(ids), using, using / len(ids) if ids else np.nan,
                         len(in_period)))
    return pd.DataFrame(rows, columns=["term", "period", "documents", "using", "share", "hits"])


def textstat_dictionary_highest(groups: pd.DataFrame) -> pd.DataFrame:
    """Categories one group clearly speaks most of, from a :func:`textstat_dictionary_groups`
    table: the group's 95 % interval lies above the rate of every other group with an
    interval. Columns ``category, group, rate, ci_low, next_group, next_rate``; groups with
    too few documents for an interval take no part."""
    rows = []
    # astype(bool): an empty table's column is of object dtype, and ~ on it is no mask
    for category, g in groups[~groups["few_docs"].astype(bool)].groupby("category", sort=True):
        g = g.sort_values(["rate", "group"], ascending=[False, True])
        if len(g) > 1 and g["ci_low"].iloc[0] > g["rate"].iloc[1]:
            top, second = g.iloc[0], g.iloc[1]
            rows.append((category, top["group"], top["rate"], top["ci_low"], second["group"],
                         second["rate"]))
    return pd.DataFrame(rows, columns=["category", "group", "rate", "ci_low", "next_group",
                                       "next_rate"])
