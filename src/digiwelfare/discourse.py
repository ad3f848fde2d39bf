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


def chi2_two_term(freq_a, freq_b, total_a, total_b):
    """Pearson's chi-square of the 2 x 2 table (term, other words) x (A, B), without Yates's
    continuity correction."""
    a, b = np.asarray(freq_a, float), np.asarray(freq_b, float)
    c, d = np.asarray(total_a, float) - a, np.asarray(total_b, float) - b
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        return n * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))


def pct_diff(freq_a, freq_b, total_a, total_b, zero: float = ZERO_ADJUSTMENT):
    """%DIFF (Gabrielatos & Marchi 2012): how much more frequent, in per cent, the term is
    in A than in B, relative frequencies compared; a zero in B is replaced by ``zero``."""
    fb = np.where(np.asarray(freq_b, float) == 0, zero, np.asarray(freq_b, float))
    nf_a = np.asarray(freq_a, float) / np.asarray(total_a, float)
    nf_b = fb / np.asarray(total_b, float)
    return 100 * (nf_a - nf_b) / nf_b


def p_adjust_bh(p_values) -> np.ndarray:
    """Benjamini & Hochberg's (1995) false-discovery-rate adjustment."""
    p = np.asarray(p_values, float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def textstat_keyness(tokens_a: Iterable[list[str]], tokens_b: Iterable[list[str]],
                     min_freq: int = 5) -> pd.DataFrame:
    """Keyness of every term between group A and group B of tokenised documents.

    Columns: ``term, freq_a, freq_b, total_a, total_b, g2, p_value, p_holm, p_bh, chi2,
    log_ratio, pct_diff, key_for``. ``p_value`` is the chi-square (1 df) tail of G2;
    ``p_holm`` adjusts it for testing every listed term (Holm 1979, family-wise), ``p_bh``
    likewise for the false discovery rate (Benjamini & Hochberg 1995); ``chi2`` is Pearson's
    without Yates's correction; ``key_for`` says which group
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
    table["p_bh"] = p_adjust_bh(table["p_value"].to_numpy())
    table["chi2"] = chi2_two_term(table.freq_a, table.freq_b, total_a, total_b)
    table["log_ratio"] = log_ratio(table.freq_a, table.freq_b, total_a, total_b)
    table["pct_diff"] = pct_diff(table.freq_a, table.freq_b, total_a, total_b)
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


# --- sentences, collocations, concordances ------------------------------------------------

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
    for para in re.split(r"\n\s*\n", text):
        start = 0
        for m in _SENTENCE_END.finditer(para):
            before = para[start:m.start()].rsplit(None, 1)[-1].lower().rstrip(".")
            if before in ABBREVIATIONS:
                continue
            out.append(para[start:m.start()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return [s for s in out if s]


def collocation_measures(o, f_node, f_coll, n, span: int = 1) -> dict[str, np.ndarray]:
    """Association measures of a node and a collocate seen together ``o`` times within a
    span of ``span`` positions, with corpus frequencies ``f_node``, ``f_coll`` in ``n`` tokens.

    Expected co-occurrence ``E = f_node * f_coll * span / n``. MI = log2(O/E) (Church & Hanks
    1990); MI3 = log2(O^3/E) (Oakes 1998); t = (O - E)/sqrt(O); log-likelihood G2 over the
    2 x 2 table (Dunning 1993); logDice = 14 + log2(2 O / (f_node + f_coll)) (Rychlý 2008).
    With ``span = 1`` (the word right after the node) these equal NLTK's bigram measures.
    """
    o, fn, fc = (np.asarray(x, float) for x in (o, f_node, f_coll))
    e = fn * fc * span / n
    o11, o12, o21 = o, fn * span - o, fc - o
    o22 = n - o11 - o12 - o21
    rows, cols = np.array([o11 + o12, o21 + o22]), np.array([o11 + o21, o12 + o22])
    total = rows.sum(axis=0)
    g2 = np.zeros_like(o)
    for obs, r, c in ((o11, 0, 0), (o12, 0, 1), (o21, 1, 0), (o22, 1, 1)):
        exp = rows[r] * cols[c] / total
        with np.errstate(divide="ignore", invalid="ignore"):
            g2 += np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    with np.errstate(divide="ignore"):
        return {"mi": np.log2(o / e), "mi3": np.log2(o ** 3 / e), "t_score": (o - e) / np.sqrt(o),
                "log_likelihood": 2 * g2, "log_dice": 14 + np.log2(2 * o / (fn + fc))}


def _phrase_positions(lemmas: list[str], node: tuple[str, ...]) -> list[int]:
    n = len(node)
    return [i for i in range(len(lemmas) - n + 1) if tuple(lemmas[i:i + n]) == node]


def textstat_collocations(docs: Iterable[list[str]], node: str, left: int = 4, right: int = 4,
                          min_freq: int = 3, stopwords: frozenset[str] = frozenset()
                          ) -> pd.DataFrame:
    """Collocates of ``node`` (a lemma, or a phrase of lemmas separated by spaces) within
    ``left`` words before and ``right`` words after it, inside each document.

    Columns: ``node, collocate, freq, freq_node, freq_collocate, n_tokens, span, mi, mi3,
    t_score, log_likelihood, log_dice``, sorted by logDice. Collocates seen fewer than
    ``min_freq`` times in the span, and ``stopwords``, are left out.
    """
    docs = [list(d) for d in docs]
    target = tuple(node.lower().split())
    unigrams = Counter(w for d in docs for w in d)
    n = sum(unigrams.values())
    together: Counter[str] = Counter()
    node_freq = 0
    for d in docs:
        for i in _phrase_positions(d, target):
            node_freq += 1
            window = d[max(0, i - left):i] + d[i + len(target):i + len(target) + right]
            together.update(w for w in window if w not in stopwords)
    span = left + right
    rows = [(c, o) for c, o in together.items() if o >= min_freq]
    columns = ["node", "collocate", "freq", "freq_node", "freq_collocate", "n_tokens", "span",
               "mi", "mi3", "t_score", "log_likelihood", "log_dice"]
    if not rows or node_freq == 0:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows, columns=["collocate", "freq"])
    table.insert(0, "node", node)
    table["freq_node"], table["n_tokens"], table["span"] = node_freq, n, span
    table["freq_collocate"] = table["collocate"].map(unigrams)
    for name, values in collocation_measures(table.freq, table.freq_node, table.freq_collocate,
                                             n, span).items():
        table[name] = values
    return table[columns].sort_values(["log_dice", "collocate"], ascending=[False, True],
                                      kind="stable").reset_index(drop=True)


def textstat_concordance(docs: pd.DataFrame, query: str, language: str | None = None,
                         window: int = 6, match: str = "word", sort: str | None = None,
                         meta: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword in context, AntConc-style, for a word form (``*`` wildcard), a phrase of
    several words, a lemma (``match="lemma"``, needs ``language``) or a regular expression
    (``match="regex"``, matched against single words).

    Columns: ``id, position, left, node, right`` plus the ``meta`` columns beside each line.
    ``sort`` is ``None`` (document order), ``"left1"``..``"left3"`` or ``"right1"``..``"right3"``:
    by the n-th word left or right of the node, as AntConc sorts.
    """
    from digiwelfare.tokens import word_lemmatize

    parts = [p for p in query.split()] if match != "regex" else [query]
    if match == "regex":
        patterns = [re.compile(query, re.IGNORECASE)]
    elif match == "lemma":
        if language is None:
            raise ValueError("a lemma concordance needs the language of its documents")
        patterns = [p.lower() for p in parts]
    else:
        patterns = [term_pattern(p) for p in parts]
    rows = []
    for doc in docs.sort_values("id").itertuples(index=False):
        words = _WORD.findall(doc.text)
        bare = [_EDGE.sub("", w) for w in words]
        for i in range(len(words) - len(patterns) + 1):
            ok = True
            for j, pat in enumerate(patterns):
                w = bare[i + j]
                if match == "lemma":
                    ok = word_lemmatize(w.lower(), language) == pat
                else:
                    ok = bool(pat.fullmatch(w))
                if not ok:
                    break
            if ok:
                k = i + len(patterns)
                rows.append((doc.id, i, " ".join(words[max(0, i - window):i]),
                             " ".join(words[i:k]), " ".join(words[k:k + window])))
    table = pd.DataFrame(rows, columns=["id", "position", "left", "node", "right"])
    if sort:
        side, nth = sort[:-1], int(sort[-1])
        def key(text: str) -> str:
            ws = text.lower().split()
            if side == "left":
                return ws[-nth] if len(ws) >= nth else ""
            return ws[nth - 1] if len(ws) >= nth else ""
        table = table.assign(_k=table[side].map(key)).sort_values(
            ["_k", "id", "position"], kind="stable").drop(columns="_k").reset_index(drop=True)
    if meta is not None:
        table = table.merge(meta, on="id", how="left")
    return table


def concordance_html(table: pd.DataFrame, extra: Iterable[str] = ()) -> str:
    """An HTML table of a concordance with the node in bold; all document text is escaped,
    so markup or script inside a document shows as text and never runs."""
    from html import escape

    extra = list(extra)
    head = "".join(f"<th>{escape(c)}</th>" for c in ["id", *extra, "left", "node", "right"])
    body = []
    for row in table.itertuples(index=False):
        cells = [escape(str(row.id))] + [escape(str(getattr(row, c))) for c in extra]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                    + f'<td style="text-align:right">{escape(row.left)}</td>'
                    + f"<td><b>{escape(row.node)}</b></td><td>{escape(row.right)}</td></tr>")
    return ('<table class="concordance"><thead><tr>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


# --- dictionaries in sentences, and networks ----------------------------------------------

def sentences_lemmatize(parts: pd.DataFrame, language: str) -> pd.DataFrame:
    """Every sentence of every document part as lemmas: ``id, sentence, lemmas``. Made once
    and matched against several dictionaries (concepts, actors)."""
    rows = [(doc.id, i, lemmas_all(sentence, language))
            for doc in parts.sort_values("id").itertuples(index=False)
            for i, sentence in enumerate(text_sentences(doc.text))]
    return pd.DataFrame(rows, columns=["id", "sentence", "lemmas"])


def textstat_sentence_categories(sentences: pd.DataFrame, dictionary: dict, language: str
                                 ) -> pd.DataFrame:
    """Which categories occur in which sentence of a :func:`sentences_lemmatize` table:
    ``id, sentence, category, hits`` (one row per sentence and category found)."""
    matcher = Matcher(dictionary, language)
    rows = []
    for row in sentences.itertuples(index=False):
        found = Counter(c for _, _, c, _ in matcher.match(list(row.lemmas)))
        rows += [(row.id, row.sentence, c, n) for c, n in sorted(found.items())]
    return pd.DataFrame(rows, columns=["id", "sentence", "category", "hits"])


def textstat_cooccurrence(sentence_categories: pd.DataFrame, n_sentences: int) -> pd.DataFrame:
    """Pairs of categories in the same sentence: ``category_a, category_b, both, only_a_total,
    only_b_total, n_sentences, lift`` where ``lift = both * n / (a * b)`` (1: as often as
    chance would have it)."""
    sets = sentence_categories.groupby(["id", "sentence"])["category"].apply(frozenset)
    single = Counter(c for s in sets for c in s)
    pairs = Counter((a, b) for s in sets for a in sorted(s) for b in sorted(s) if a < b)
    rows = [(a, b, n, single[a], single[b], n_sentences, n * n_sentences / (single[a] * single[b]))
            for (a, b), n in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["category_a", "category_b", "both", "sentences_a",
                                       "sentences_b", "n_sentences", "lift"])


def textstat_dictionary_lines(parts: pd.DataFrame, dictionary: dict, language: str,
                              n: int = 5, window: int = 8, seed: int = 1) -> pd.DataFrame:
    """A random sample (seeded) of ``n`` concordance lines per category, for validating a
    dictionary by reading: ``category, entry, id, left, node, right``."""
    from digiwelfare.tokens import text_tokenize

    matcher = Matcher(dictionary, language)
    lines = []
    for doc in parts.sort_values("id").itertuples(index=False):
        words = text_tokenize(doc.text)
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
    is the category's share of all category hits in that topic."""
    long = doc_topics.melt(id_vars="id", var_name="topic", value_name="weight")
    joined = rates.merge(long, on="id")
    joined["w_hits"] = joined["hits"] * joined["weight"]
    joined["w_tokens"] = joined["tokens"] * joined["weight"]
    table = joined.groupby(["topic", "category"], sort=True)[["w_hits", "w_tokens"]].sum()
    table["rate"] = 1000 * table["w_hits"] / table["w_tokens"]
    table["share"] = table["w_hits"] / table.groupby(level="topic")["w_hits"].transform("sum")
    table = table.reset_index()[["topic", "category", "rate", "share"]]
    table["topic"] = table["topic"].astype(int)
    return table


def textstat_network(actor_sentences: pd.DataFrame, concept_sentences: pd.DataFrame
                     ) -> pd.DataFrame:
    """The weighted bipartite actor-concept network: ``actor, concept, weight`` where weight
    counts the sentences in which both occur."""
    a = actor_sentences[["id", "sentence", "category"]].rename(columns={"category": "actor"})
    c = concept_sentences[["id", "sentence", "category"]].rename(columns={"category": "concept"})
    edges = a.merge(c, on=["id", "sentence"]).groupby(["actor", "concept"]).size()
    return edges.rename("weight").reset_index().sort_values(
        ["weight", "actor", "concept"], ascending=[False, True, True]).reset_index(drop=True)


def network_projection(edges: pd.DataFrame, side: str) -> pd.DataFrame:
    """One-mode projection of the bipartite network onto ``side`` (``actor`` or ``concept``):
    two nodes are tied by the sum over shared neighbours of the smaller of their two edge
    weights. Columns ``source, target, weight, shared``."""
    other = "concept" if side == "actor" else "actor"
    merged = edges.merge(edges, on=other, suffixes=("_1", "_2"))
    merged = merged[merged[f"{side}_1"] < merged[f"{side}_2"]]
    merged["w"] = merged[["weight_1", "weight_2"]].min(axis=1)
    table = merged.groupby([f"{side}_1", f"{side}_2"]).agg(weight=("w", "sum"),
                                                          shared=(other, "nunique"))
    table = table.reset_index().rename(columns={f"{side}_1": "source", f"{side}_2": "target"})
    return table.sort_values(["weight", "source", "target"], ascending=[False, True, True]
                             ).reset_index(drop=True)


def textstat_dispersion(parts: pd.DataFrame, meta: pd.DataFrame, terms: list[str],
                        language: str) -> pd.DataFrame:
    """Positions of lemma ``terms`` across documents ordered by year then id: ``term, id,
    year, x, doc_start`` where ``x`` is the document's rank plus the hit's relative position
    inside it."""
    docs = parts.merge(meta[["id", "year"]], on="id").sort_values(["year", "id"])
    wanted = {t.lower() for t in terms}
    rows = []
    for rank, doc in enumerate(docs.itertuples(index=False)):
        lemmas = lemmas_all(doc.text, language)
        for i, lemma in enumerate(lemmas):
            if lemma in wanted:
                rows.append((lemma, doc.id, doc.year, rank + i / max(len(lemmas), 1), rank))
    table = pd.DataFrame(rows, columns=["term", "id", "year", "x", "doc_start"])
    starts = pd.DataFrame({"year": docs["year"].to_numpy(), "doc_start": range(len(docs))})
    first = starts.groupby("year", as_index=False)["doc_start"].min()
    return table.drop(columns="doc_start").merge(first, on="year", how="left")
