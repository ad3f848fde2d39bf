"""Cleaning text: Unicode normalisation, white space, and the navigation and catalogue
debris that exported web pages carry ("Back to search", "Sist endret 14.02.2025", tag lists,
programme timetables, funding-scheme codes).

The debris rules are data (``digiwelfare/data/debris.yaml``): a pattern matched against a
whole line, applied only to short lines, so prose is never cut. Cleaning is idempotent, and
it is applied both when documents are imported and when tokens are prepared, so a corpus
that still carries debris (like the demo corpus, on purpose) is analysed without it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml


@dataclass(frozen=True)
class DebrisRule:
    name: str
    pattern: re.Pattern
    max_words: int


@lru_cache(maxsize=1)
def debris_rules() -> tuple[DebrisRule, ...]:
    """The rules of ``data/debris.yaml``, compiled."""
    text = resources.files("digiwelfare").joinpath("data/debris.yaml").read_text("utf-8")
    return tuple(DebrisRule(r["name"], re.compile(r["pattern"], re.IGNORECASE),
                            int(r["max_words"])) for r in yaml.safe_load(text))


def line_debris(line: str) -> str | None:
    """The name of the debris rule a line matches, or None if it is text."""
    stripped = line.strip()
    n = len(stripped.split())
    for rule in debris_rules():
        if n <= rule.max_words and rule.pattern.fullmatch(stripped):
            return rule.name
    return None


def text_normalize(text: str) -> str:
    """NFC, no control characters, one space between words, paragraphs kept
    (lines inside a paragraph keep their breaks; blank lines collapse to one)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_clean(text: str) -> tuple[str, list[str]]:
    """Normalised text without debris lines; also the names of the rules that removed lines.

    >>> text_clean("Back to search\\n\\nThe study followed 12 caseworkers.\\n\\nPrint")
    ('The study followed 12 caseworkers.', ['navigation back', 'share or print'])
    """
    kept, removed = [], []
    for line in text_normalize(text).split("\n"):
        name = line_debris(line) if line.strip() else None
        if name:
            removed.append(name)
        else:
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed


def corpus_clean(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus with every text cleaned by :func:`text_clean`."""
    return corpus.assign(text=[text_clean(t)[0] for t in corpus["text"]])


def textstat_debris(corpus: pd.DataFrame) -> pd.DataFrame:
    """Debris lines removed per document and rule: ``id, rule, lines`` (documents with none
    are left out)."""
    rows = [(doc.id, name) for doc in corpus.itertuples(index=False)
            for name in text_clean(doc.text)[1]]
    table = pd.DataFrame(rows, columns=["id", "rule"])
    return table.groupby(["id", "rule"]).size().rename("lines").reset_index()
