"""Notebook 02's whole stage taken apart (issue #14): each of its steps timed alone on one
planted corpus, in one process, so the README can show which steps hold the stage under its
bar of 2,000,000 tokens a second (:func:`prepare_parts`, ``python -m digiwelfare.bench
--prepare-parts CORPUS``; :func:`prepare_parts_table` renders ``prepare_parts.json``).

The steps are those of :func:`digiwelfare.tokentable.tokens_build` in its order, on one
worker and the whole corpus as one partition: reading the texts and metadata, counting the
lines repeated across documents, cleaning each text, splitting each text by language, and
tokenising each part. The language step runs lingua on the paragraphs the stop words leave
undecided, in one batch on every core (as notebook 02 does); that batch is then timed again
alone, so its share is measured rather than guessed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

#: The tokens a second the issue asks of notebook 02's stage.
BAR = 2_000_000


def prepare_parts(folder: str | Path) -> dict:
    """Each step of notebook 02's stage timed on the planted corpus in ``folder``: ``steps``
    maps a step to its wall and CPU seconds and its tokens a second (the tokens the stage
    made, over the step's wall seconds); ``tokens`` and ``parts`` are what the stage made
    (the same as :func:`digiwelfare.tokentable.tokens_build`'s table on one worker);
    ``paragraphs`` counts the detectable paragraphs, those settled before lingua and those
    lingua read; the step ``lingua alone`` is that batch timed again by itself."""
    from digiwelfare.bench import _timed
    from digiwelfare.clean import lines_count, lines_repeated, text_clean
    from digiwelfare.corpus import corpus_read
    from digiwelfare.language import (
        CANDIDATES,
        _detector,
        corpus_detectable,
        corpus_language_parts,
        texts_settled,
    )
    from digiwelfare.runs import LANGUAGES
    from digiwelfare.tokens import tokens_from_text

    steps = {}
    corpus, steps["reading"] = _timed(corpus_read, Path(folder))
    texts = list(corpus["text"])
    repeated, steps["repeated lines"] = _timed(
        lambda: lines_repeated([], counts=lines_count(texts)))
    cleaned, steps["cleaning"] = _timed(lambda: [text_clean(t, repeated)[0] for t in texts])
    parts, steps["languages"] = _timed(corpus_language_parts, corpus.assign(text=cleaned))
    tokens, steps["tokens"] = _timed(
        lambda: [tokens_from_text(p.text, p.language) if p.language in LANGUAGES else []
                 for p in parts.itertuples(index=False)])
    detectable = corpus_detectable(cleaned)
    _, rest = texts_settled(detectable)
    detector = _detector(tuple(sorted(CANDIDATES)))
    _, steps["lingua alone"] = _timed(detector.detect_languages_in_parallel_of,
                                      [detectable[i] for i in rest])
    n_tokens = sum(map(len, tokens))
    for timing in steps.values():
        timing["tokens_per_s"] = round(n_tokens / max(timing["seconds"], 1e-9))
    return {"corpus": str(folder), "documents": len(corpus), "parts": len(parts),
            "tokens": n_tokens,
            "paragraphs": {"detectable": len(detectable),
                           "settled_before_lingua": len(detectable) - len(rest),
                           "lingua": len(rest)},
            "steps": steps}


def prepare_parts_table(result: dict) -> str:
    """The README's table of :func:`prepare_parts`'s result, a row a step (``lingua alone``
    marked as part of ``languages``, not added to the sum), then a sentence naming the
    steps that alone run under :data:`BAR`."""
    steps = result["steps"]
    total = sum(t["seconds"] for name, t in steps.items() if name != "lingua alone")
    lines = ["| step (notebook 02, one worker) | wall seconds | CPU seconds | share of the "
             "wall time | tokens a second |", "|---|---:|---:|---:|---:|"]
    order = [n for n in steps if n != "lingua alone"]
    order.insert(order.index("languages") + 1, "lingua alone")
    for name in order:
        t = steps[name]
        label = "of which lingua alone (both cores)" if name == "lingua alone" else name
        lines.append(f"| {label} | {t['seconds']:.1f} | {t['cpu_seconds']:.1f} | "
                     f"{t['seconds'] / total:.0%} | {t['tokens_per_s']:,} |")
    lines.append(f"| all steps | {total:.1f} | "
                 f"{sum(t['cpu_seconds'] for n, t in steps.items() if n != 'lingua alone'):.1f}"
                 f" | 100% | {round(result['tokens'] / max(total, 1e-9)):,} |")
    slow = [name for name, t in steps.items() if t["tokens_per_s"] < BAR]
    para = result["paragraphs"]
    return "\n".join(lines) + "\n\n" + textwrap.fill(
            f"`{result['corpus']}`: {result['documents']:,} documents, {result['tokens']:,} "
            f"tokens in {result['parts']:,} language parts; of its "
            f"{para['detectable']:,} detectable paragraphs, "
            f"{para['settled_before_lingua']:,} were settled before lingua (by their stop "
            f"words or another language's signs) and lingua read {para['lingua']:,}. "
            f"Steps that alone run under {BAR:,} tokens a second: "
            f"{', '.join(slow) if slow else 'none'}.", width=92) + "\n"
