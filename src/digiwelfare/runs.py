"""Which languages get their own runs: those the corpus holds enough documents in, that the
compendium has stop words and lemmas for, and that have parameter files.

Standard library only, so that the Makefile can ask before the environment exists:
``python3 -m digiwelfare.runs languages CORPUS [PARAMS [MIN_DOCS]]`` prints them,
space-separated.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

#: Languages the analysis has stop words and lemmas for (Nynorsk is not Bokmål). Other codes
#: may stand in metadata; their text stays in the corpus and is listed as not modelled.
LANGUAGES = ("en", "nb", "nn", "da", "sv")
#: A language needs at least this many documents for runs of its own.
MIN_DOCS = 20


def languages_counted(corpus: str | Path) -> dict[str, int]:
    """Documents per language code of the ``language`` column (``en;nb`` counts for both)."""
    counts: dict[str, int] = {}
    path = Path(corpus) / "metadata.csv"
    if not path.is_file():
        return counts
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for code in {c.strip() for c in (row.get("language") or "").split(";") if c.strip()}:
                counts[code] = counts.get(code, 0) + 1
    return counts


def languages_supported(corpus: str | Path, params: str | Path | None = None,
                        min_docs: int = MIN_DOCS) -> list[str]:
    """The languages that get runs: in :data:`LANGUAGES`, with at least ``min_docs``
    documents, and (when ``params`` is given) with parameter files ``*__<code>.yaml``."""
    counts = languages_counted(corpus)
    return [code for code in LANGUAGES if counts.get(code, 0) >= min_docs
            and (params is None or any(Path(params).glob(f"*__{code}.yaml")))]


def language_left_out(code: str, counts: dict[str, int], params: str | Path | None = None,
                      min_docs: int = MIN_DOCS) -> str | None:
    """Why a language gets no runs (None when it does), in words for a report."""
    if code == "und":
        return ("language undetermined ('und'): a script no language detector here knows; "
                "no stop words or lemmas for it (analysed: " + ", ".join(LANGUAGES) + ")")
    if code not in LANGUAGES:
        return (f"no stop words or lemmas for language '{code}' here (analysed: "
                + ", ".join(LANGUAGES) + ")")
    if counts.get(code, 0) < min_docs:
        return (f"only {counts.get(code, 0)} document(s) in '{code}', fewer than {min_docs}, "
                "too few for a model of its own")
    if params is not None and not any(Path(params).glob(f"*__{code}.yaml")):
        return (f"no parameter files for '{code}' in {params}; copy the *__nb.yaml files to "
                f"*__{code}.yaml and edit them")
    return None


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "languages":
        print("usage: python3 -m digiwelfare.runs languages CORPUS [PARAMS [MIN_DOCS]]",
              file=sys.stderr)
        return 2
    min_docs = int(argv[3]) if len(argv) > 3 else MIN_DOCS
    print(" ".join(languages_supported(argv[1], argv[2] if len(argv) > 2 else None, min_docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
