"""Notebook 02's whole stage taken apart (issue #14): each of its steps timed alone on one
planted corpus, in one process, so the README can show which steps hold the stage under its
bar of 2,000,000 tokens a second (:func:`prepare_parts`, ``python -m digiwelfare.bench
--prepare-parts CORPUS``; :func:`prepare_parts_table` renders ``prepare_parts.json``).

The steps are notebook 02's reading of the corpus (:func:`digiwelfare.corpus.corpus_read`)
and then those of :func:`digiwelfare.tokentable.tokens_build`, in its order and through the
same functions, on one worker with the whole corpus as one partition: counting the lines
repeated across documents, cleaning each text, splitting each text by language, tokenising
each part, and the table (words counted, rows sorted, removed lines counted). Where
notebook 02 runs one lingua batch per partition of ``partition_docs`` documents, here the
language step runs one over the whole corpus, on every core. That batch is then timed
again by itself, with lingua's models already loaded, so its share is measured rather than
guessed (the models' loading falls in the language step only).
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

#: The tokens a second the issue asks of notebook 02's stage.
BAR = 2_000_000


def prepare_parts(folder: str | Path, with_table: bool = False):
    """Each step of notebook 02's stage timed on the planted corpus in ``folder``: ``steps``
    maps a step to its wall and CPU seconds and its tokens a second (the tokens the stage
    made, over the step's wall seconds); ``tokens`` and ``parts`` are what the stage made;
    ``paragraphs`` counts the detectable paragraphs, those settled before lingua and those
    left to it; the step ``lingua alone`` is that batch timed again by itself; ``cores`` and
    ``load_average`` are the machine's. With ``with_table``, ``(result, (table, debris))``,
    the second what :func:`digiwelfare.tokentable.tokens_build` returns with ``keep_text``
    and ``with_debris``."""
    from digiwelfare.bench import _timed
    from digiwelfare.corpus import corpus_read
    from digiwelfare.language import (
        corpus_detectable,
        corpus_language_parts,
        texts_lingua,
        texts_settled,
    )
    from digiwelfare.tokentable import (
        lines_repeated_in,
        parts_table,
        parts_tokens,
        tables_join,
        texts_clean,
    )

    steps = {}
    corpus, steps["reading"] = _timed(corpus_read, Path(folder))
    corpus = corpus[["id", "language", "text"]]  # what tokens_build hands its partitions
    repeated, steps["repeated lines"] = _timed(lines_repeated_in, [list(corpus["text"])])
    (cleaned, removed), steps["cleaning"] = _timed(texts_clean, corpus, repeated)
    parts, steps["languages"] = _timed(corpus_language_parts, cleaned)
    tokens, steps["tokens"] = _timed(parts_tokens, parts)
    joined, steps["table"] = _timed(
        lambda: tables_join([(parts_table(parts, tokens, True), removed)], True))
    detectable = corpus_detectable(cleaned["text"])
    settled, rest = texts_settled(detectable)
    _, steps["lingua alone"] = _timed(texts_lingua, [detectable[i] for i in rest])
    n_tokens = sum(map(len, tokens))
    for timing in steps.values():
        timing["tokens_per_s"] = round(n_tokens / max(timing["seconds"], 1e-9))
    result = {"corpus": str(folder), "documents": len(corpus), "parts": len(parts),
              "tokens": n_tokens,
              "paragraphs": {"detectable": len(detectable),
                             "settled_before_lingua": sum(c is not None for c in settled),
                             "lingua": len(rest)},
              "steps": steps, "cores": os.cpu_count(),
              "load_average": [round(x, 2) for x in os.getloadavg()]}
    return (result, joined) if with_table else result


def prepare_parts_table(result: dict) -> str:
    """The README's table of :func:`prepare_parts`'s result, a row a step (``lingua alone``
    listed under ``languages``, of which it is part, and not added to the sum), then what
    the corpus held, the time the bar leaves the whole stage against lingua's batch alone,
    and the steps that alone run under :data:`BAR`."""
    steps = result["steps"]
    summed = [name for name in steps if name != "lingua alone"]
    total = sum(steps[name]["seconds"] for name in summed)
    order = list(summed)
    order.insert(order.index("languages") + 1, "lingua alone")
    lines = ["| step (notebook 02, one worker) | wall seconds | CPU seconds | share of the "
             "wall time | tokens a second |", "|---|---:|---:|---:|---:|"]
    for name in order:
        t = steps[name]
        label = (f"of which lingua alone ({result['cores']} cores, models loaded)"
                 if name == "lingua alone" else name)
        lines.append(f"| {label} | {t['seconds']:.1f} | {t['cpu_seconds']:.1f} | "
                     f"{t['seconds'] / total:.0%} | {t['tokens_per_s']:,} |")
    lines.append(f"| all steps | {total:.1f} | "
                 f"{sum(steps[name]['cpu_seconds'] for name in summed):.1f} | | "
                 f"{round(result['tokens'] / max(total, 1e-9)):,} |")
    slow = [name for name in order if steps[name]["tokens_per_s"] < BAR]
    para, lingua = result["paragraphs"], steps["lingua alone"]
    load = ", ".join(f"{x:.2f}" for x in result["load_average"])
    return "\n".join(lines) + "\n\n" + textwrap.fill(
        f"`{result['corpus']}`: {result['documents']:,} documents, {result['tokens']:,} "
        f"tokens in {result['parts']:,} language parts; of its {para['detectable']:,} "
        f"detectable paragraphs, {para['settled_before_lingua']:,} were settled before lingua "
        f"(by their stop words or another language's signs) and lingua read "
        f"{para['lingua']:,}. At {BAR:,} tokens a second the whole stage would have "
        f"{result['tokens'] / BAR:.1f} s of wall time; lingua's batch alone took "
        f"{lingua['seconds']:.1f} s ({lingua['cpu_seconds']:.1f} CPU seconds) on this "
        f"machine's {result['cores']} cores (load average {load} at the end). Steps that "
        f"alone run under {BAR:,} tokens a second: {', '.join(slow) if slow else 'none'}.",
        width=92) + "\n"
