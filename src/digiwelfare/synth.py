"""Planted corpora: documents drawn from LDA's generative process (Blei, Ng & Jordan 2003),
with topic prevalence that depends on covariates, written in the corpus format.

Every topic, every document's mixture and every covariate effect is known, so a topic engine
or an effect estimate can be checked against the truth at any size. The words are
pseudo-words: word ``i`` has an English-looking and a Norwegian-looking spelling, and a
document written in ``nb`` uses the second. The model behind the documents:

- ``phi_k ~ Dirichlet(beta)`` over ``n_words`` words, for each of ``K`` topics;
- each document has a year (uniform over ``YEARS``), a ``doc_type`` (uniform over
  ``DOC_TYPES``) and a language (``nb`` with probability ``nb_share``);
- ``eta_dk = effect[doc_type, k] + slope_k * (year - mid) / half_range``, and
  ``theta_d ~ Dirichlet(K * alpha * softmax(eta_d))``: with no effects, a symmetric
  Dirichlet(alpha), so ``alpha`` keeps its usual meaning (the mixture's concentration);
- a length ``~ Poisson(doc_length)`` (at least 1), then for every token a topic from
  ``theta_d`` and a word from ``phi_z``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from digiwelfare.checks import ParameterError, int_check

YEARS = (2012, 2025)
DOC_TYPES = ("project_report", "policy_document", "abstract")
# Spelt so that each language's pseudo-words read as that language to a language detector
# (English "th", "sh", "ee", "-ng", "-ck"; Norwegian "æ", "ø", "kj", "-ene", "-sjon"): a planted
# document's paragraphs are then found in its own language, as a real document's are, and
# every planted token reaches the model of its language (tests/test_synth.py checks it).
_ONSETS = {"en": "b d f g h l m p r s t w th sh ch wh br cr pl st".split(),
           "nb": "b d f g h j k l m n p r s t v bj fj gj kj sk sm sn st sv".split()}
_VOWELS = {"en": "a e i o ea ee oo ou ai".split(), "nb": "a e i o u y æ ø å".split()}
_CODAS = {"en": "ng ck th nd st ll rt sh".split(),
          "nb": "en et ene ing het lig er sjon".split()}


def tokens_draw(rng: np.random.Generator, theta: np.ndarray, phi: np.ndarray,
                lengths) -> list[np.ndarray]:
    """Word indices of each document: a topic for every token from ``theta[d]``, then a word
    from ``phi[topic]``; per document first the topics, then the words.

    Draws the same numbers as ``rng.choice(K, size=n, p=theta[d])`` followed by ``n`` calls
    ``rng.choice(V, p=phi[z])`` (inverse CDF of one uniform each), only vectorised.
    """
    topic_cdf = np.cumsum(phi, axis=1)
    topic_cdf /= topic_cdf[:, -1:]
    docs = []
    for d, n in enumerate(lengths):
        cdf = np.cumsum(theta[d])
        cdf /= cdf[-1]
        z = cdf.searchsorted(rng.random(n), side="right")
        u = rng.random(n)
        words = np.empty(n, dtype=np.int64)
        for k in np.unique(z):
            at = z == k
            words[at] = topic_cdf[k].searchsorted(u[at], side="right")
        docs.append(words)
    return docs


def words_spell(n_words: int, language: str) -> list[str]:
    """``n_words`` distinct pseudo-words for ``language`` (``en`` or ``nb``), in a fixed
    order: two (three past the first tens of thousands) onset-vowel syllables, then an
    ending of the language."""
    onsets, vowels, codas = _ONSETS[language], _VOWELS[language], _CODAS[language]
    words = []
    for i in range(n_words):
        syllables, rest = [], i
        for _ in range(2 + (i >= (len(onsets) * len(vowels)) ** 2)):
            syllables.append(onsets[rest % len(onsets)] + vowels[(rest // len(onsets))
                                                                % len(vowels)])
            rest //= len(onsets) * len(vowels)
        coda = codas[i % len(codas)]
        if language == "en" and syllables[-1].endswith("ai") and coda == "ng":
            coda = "nk"  # "-aing" is a Norwegian word's "-a" and "-ing": the spellings part
        words.append("".join(syllables) + coda)
    if len(set(words)) != n_words:  # pragma: no cover - the spelling above is one to one
        raise AssertionError("pseudo-words are not distinct")
    return words


def corpus_synthesize(n_docs: int, n_topics: int, seed: int = 1, n_words: int = 3000,
                      doc_length: int = 150, alpha: float = 0.1, beta: float = 0.01,
                      effect_scale: float = 1.0, nb_share: float = 0.5) -> dict:
    """Draw a planted corpus; returns ``meta`` (DataFrame), ``docs`` (word indices per
    document), ``phi`` (K x V), ``theta`` (D x K), ``effects`` (tidy DataFrame: ``topic,
    covariate, level, coefficient`` on the softmax scale) and ``vocabulary`` (``index, en,
    nb``)."""
    int_check("docs", n_docs, 1, 10_000_000)
    int_check("topics", n_topics, 2, 1000)
    int_check("n_words", n_words, n_topics, 1_000_000)
    int_check("doc_length", doc_length, 1, 100_000)
    for name, value in (("alpha", alpha), ("beta", beta)):
        if not value > 0:
            raise ParameterError(name, value, "expected a positive number")
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, beta), size=n_topics)
    type_effect = rng.normal(0, effect_scale, size=(len(DOC_TYPES), n_topics))
    type_effect[0] = 0.0  # the first type is the reference
    slope = rng.normal(0, effect_scale, size=n_topics)
    years = rng.integers(YEARS[0], YEARS[1] + 1, size=n_docs)
    types = rng.integers(0, len(DOC_TYPES), size=n_docs)
    nb = rng.random(n_docs) < nb_share
    mid, half = (YEARS[0] + YEARS[1]) / 2, (YEARS[1] - YEARS[0]) / 2
    eta = type_effect[types] + np.outer((years - mid) / half, slope)
    share = np.exp(eta - eta.max(axis=1, keepdims=True))
    share /= share.sum(axis=1, keepdims=True)
    theta = np.vstack([rng.dirichlet(n_topics * alpha * s) for s in share])
    lengths = np.maximum(rng.poisson(doc_length, size=n_docs), 1)
    docs = tokens_draw(rng, theta, phi, lengths)
    width = len(str(n_docs))
    meta = pd.DataFrame({
        "id": [f"synth{d + 1:0{width}d}" for d in range(n_docs)],
        "title": [f"Planted document {d + 1}" for d in range(n_docs)],
        "doc_type": np.array(DOC_TYPES)[types], "language": np.where(nb, "nb", "en"),
        "year": years, "provenance": f"planted by digiwelfare synth (seed {seed})",
        "licence": "CC0-1.0"})
    effects = pd.DataFrame(
        [(k + 1, "doc_type", DOC_TYPES[t], type_effect[t, k])
         for t in range(1, len(DOC_TYPES)) for k in range(n_topics)]
        + [(k + 1, "year", f"per {half:g} years", slope[k]) for k in range(n_topics)],
        columns=["topic", "covariate", "level", "coefficient"])
    vocabulary = pd.DataFrame({"index": np.arange(n_words), "en": words_spell(n_words, "en"),
                               "nb": words_spell(n_words, "nb")})
    return {"meta": meta, "docs": docs, "phi": phi, "theta": theta, "effects": effects,
            "vocabulary": vocabulary,
            "settings": {"docs": n_docs, "topics": n_topics, "seed": seed, "n_words": n_words,
                         "doc_length": doc_length, "alpha": alpha, "beta": beta,
                         "effect_scale": effect_scale, "nb_share": nb_share}}


def corpus_write(planted: dict, folder: str | Path, line_words: int = 15) -> Path:
    """Write a planted corpus into ``folder`` in the corpus format (``metadata.csv``,
    ``texts/<id>.txt``) and its truth into ``folder/truth`` (``phi.npy``, ``theta.npy``,
    ``effects.csv``, ``vocabulary.csv``, ``settings.json``). Refuses a folder that already
    holds a ``metadata.csv``."""
    folder = Path(folder)
    if (folder / "metadata.csv").exists():
        raise FileExistsError(f"{folder}: already holds a corpus (metadata.csv); give an empty "
                              "or new folder")
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    (folder / "truth").mkdir(exist_ok=True)
    spell = {lang: np.array(planted["vocabulary"][lang]) for lang in ("en", "nb")}
    for doc_id, lang, words in zip(planted["meta"]["id"], planted["meta"]["language"],
                                   planted["docs"], strict=True):
        text = spell[lang][words]
        lines = [" ".join(text[i:i + line_words]) for i in range(0, len(text), line_words)]
        # paragraphs of about five lines, separated by one blank line (the corpus format)
        paragraphs = ["\n".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
        (folder / "texts" / f"{doc_id}.txt").write_text("\n\n".join(paragraphs) + "\n",
                                                        encoding="utf-8")
    planted["meta"].to_csv(folder / "metadata.csv", index=False)
    np.save(folder / "truth" / "phi.npy", planted["phi"])
    np.save(folder / "truth" / "theta.npy", planted["theta"])
    planted["effects"].to_csv(folder / "truth" / "effects.csv", index=False)
    planted["vocabulary"].to_csv(folder / "truth" / "vocabulary.csv", index=False)
    (folder / "truth" / "settings.json").write_text(
        json.dumps(planted["settings"], indent=1, sort_keys=True) + "\n")
    return folder
