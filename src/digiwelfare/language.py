"""Per-paragraph language: a document tagged ``en;nb`` is split into its English and
Norwegian parts, so that each language's analysis sees only its own text.

Detection uses lingua (a PyPI package with its models inside; nothing is downloaded),
restricted to the languages the document is tagged with, which makes a two-way choice
between, say, English and Bokmål far more reliable than open detection.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

#: Paragraphs shorter than this (in words) are too short to detect; they join a neighbour.
MIN_WORDS = 5


@lru_cache(maxsize=16)
def _detector(codes: tuple[str, ...]):
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    if len(langs) == 1:  # lingua needs two candidates; a lone one is the answer anyway
        langs.append(Language.DANISH if langs[0] != Language.DANISH else Language.SWEDISH)
    return LanguageDetectorBuilder.from_languages(*langs).build()


def language_detect(text: str, candidates: tuple[str, ...] = ("en", "nb", "nn", "da", "sv")) -> str:
    """Return the ISO 639-1 code of the most likely of ``candidates`` for ``text``.

    >>> language_detect("Tjenestene ble utviklet sammen med brukerne.", ("en", "nb"))
    'nb'
    """
    found = _detector(tuple(sorted(candidates))).detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else candidates[0]


def paragraphs_split(text: str) -> list[str]:
    """Paragraphs of a text: blocks separated by one or more blank lines, stripped."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def text_language_guess(text: str, candidates: tuple[str, ...] = ("en", "nb", "nn", "da", "sv")
                        ) -> str:
    """The language of most of ``text``'s words, judged paragraph by paragraph.

    More robust than one judgement of the whole text: a detector's answer on a long text can
    tip on a few forms (a Bokmål text read as Nynorsk), while a majority of paragraphs cannot.
    """
    votes: dict[str, int] = {}
    for para in paragraphs_split(text) or [text]:
        n = len(para.split())
        if n >= MIN_WORDS or len(votes) == 0:
            code = language_detect(para, candidates)
            votes[code] = votes.get(code, 0) + n
    return max(sorted(votes), key=votes.__getitem__)


def text_language_tag(text: str, candidates: tuple[str, ...] = ("en", "nb", "da", "sv"),
                      min_share: float = 0.15) -> str:
    """A metadata language tag for ``text``: each language holding at least ``min_share`` of
    the words of its detectable paragraphs, in reading order (``en``, ``nb``, ``en;nb``).

    Nynorsk is not among the default candidates: the detector reads some formal Bokmål as
    Nynorsk, and a wrong ``nn`` would keep a Bokmål text out of the Norwegian analysis.
    """
    words: dict[str, int] = {}
    for para in paragraphs_split(text):
        n = len(para.split())
        if n >= MIN_WORDS:
            code = language_detect(para, candidates)
            words[code] = words.get(code, 0) + n
    if not words:
        return text_language_guess(text, candidates)
    total = sum(words.values())
    return ";".join(code for code, n in words.items() if n >= min_share * total)


def text_languages_split(text: str, tag: str) -> dict[str, str]:
    """Split ``text`` by language into ``{code: text}`` following its metadata ``tag``.

    A single-language tag returns the whole text. For a tag such as ``en;nb`` each
    paragraph is assigned to the more likely of the tagged languages; paragraphs under
    :data:`MIN_WORDS` words (headings, navigation lines) go with the paragraph before them,
    or the one after at the start. Languages with no paragraph are left out; nothing is dropped.
    """
    codes = tuple(tag.split(";"))
    if len(codes) == 1:
        return {codes[0]: text.strip()}
    paragraphs = paragraphs_split(text)
    labels: list[str | None] = [
        language_detect(p, codes) if len(p.split()) >= MIN_WORDS else None for p in paragraphs
    ]
    known = [lab for lab in labels if lab]
    fallback = known[0] if known else codes[0]
    last = None
    for i, lab in enumerate(labels):
        if lab is None:
            labels[i] = last or fallback
        else:
            last = lab
    parts: dict[str, list[str]] = {}
    for para, lab in zip(paragraphs, labels, strict=True):
        parts.setdefault(lab, []).append(para)
    return {code: "\n\n".join(parts[code]) for code in codes if code in parts}


def corpus_language_parts(corpus: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """One row per document and language part: ``id, language, text`` (sorted by language, id).

    With ``language`` given, only the parts in that language.
    """
    rows = [(doc.id, code, part)
            for doc in corpus.itertuples(index=False)
            for code, part in text_languages_split(doc.text, doc.language).items()
            if language is None or code == language]
    table = pd.DataFrame(rows, columns=["id", "language", "text"])
    return table.sort_values(["language", "id"], kind="stable").reset_index(drop=True)
