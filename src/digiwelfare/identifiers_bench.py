"""A generated benchmark for :class:`digiwelfare.identifiers.Masker`, on the cases of
:func:`digiwelfare.identifiers_cases.bench_cases` (valid identifiers in every writing,
invalid look-alikes, ordinary numbers and phrases).

:func:`textstat_masking` masks each case and reports, per group and kind, how many were
masked: a valid case counts as masked only when exactly its identifier became one
placeholder and the rest of the text is unchanged; an invalid or ordinary case counts as
masked (damaged) when anything in it changed. :func:`textstat_masking_speed` measures
throughput on generated prose.

Reproduce the published rates::

    python -c "from digiwelfare.identifiers_bench import textstat_masking as t; \\
print(t(seed=1, n=500).to_string())"
"""

from __future__ import annotations

import re
import time

import pandas as pd

from digiwelfare.identifiers import Masker
from digiwelfare.identifiers_cases import GROUPS, bench_cases

_PLACEHOLDER = r"\[[a-z_]+-[0-9a-f]{8}\]"


def _expected(text: str) -> str:
    """A pattern for ``text`` masked: marked identifiers become placeholders."""
    parts = re.split(r"⟦[^⟧]*⟧", text)
    return _PLACEHOLDER.join(re.escape(p) for p in parts)


def _masked(row, out: str) -> tuple[bool, bool]:
    """(masked, with the right kind)."""
    if row.group != "valid":
        return out != row.text, False
    found = re.fullmatch(_expected(row.before) + f"(?P<ph>{_PLACEHOLDER})"
                         + _expected(row.after), out, flags=re.DOTALL)
    if found is None:
        return False, False
    return True, found.group("ph").startswith(f"[{row.kind.split(' ')[0]}-")


def textstat_masking(seed: int = 0, n: int = 300, by: tuple[str, ...] = ("group", "kind"),
                     cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Masking rates on :func:`bench_cases` (or on ``cases``).

    One row per ``by`` combination (in the order valid, invalid, ordinary, then by name;
    ``by=("group", "kind", "writing")`` shows each writing): ``cases``, ``masked`` (valid:
    exactly the identifier became one placeholder; invalid and ordinary: anything
    changed), ``rate`` (masked / cases) and, for valid identifiers, ``kind_right`` (the
    placeholder names the right kind). Names are masked only in the rows of kind
    ``name`` and ``phrase, ...``, as with ``import --mask-names``.
    """
    cases = bench_cases(seed, n) if cases is None else cases
    plain, named = Masker(b"bench"), Masker(b"bench", names=True)
    outs, right = [], []
    for row in cases.itertuples(index=False):
        masker = named if row.kind == "name" or row.kind.startswith("phrase") else plain
        masked, kind_right = _masked(row, masker.mask(row.text))
        outs.append(masked)
        right.append(kind_right)
    table = cases.assign(masked=outs, kind_right=right).groupby(list(by), sort=False).agg(
        cases=("masked", "size"), masked=("masked", "sum"), kind_right=("kind_right", "sum"))
    table["rate"] = table["masked"] / table["cases"]
    table = table.reset_index()
    table["order"] = table["group"].map(GROUPS.index) if "group" in by else 0
    table = table.sort_values(["order", *by], kind="stable", ignore_index=True)
    return table[[*by, "cases", "masked", "rate", "kind_right"]]


def textstat_masking_speed(megabytes: float = 2.0, seed: int = 0,
                           names: bool = False) -> pd.DataFrame:
    """Throughput of :meth:`Masker.mask` on about ``megabytes`` of generated Norwegian and
    English prose with one identifier or number-like string in every sentence or two, as
    one text and as paragraphs of about 1,000 characters. Columns: ``text``,
    ``megabytes``, ``seconds``, ``mb_per_s``, ``masked``. Timings vary between runs."""
    if not megabytes > 0:
        raise ValueError(f"textstat_masking_speed: megabytes is {megabytes}; give the size "
                         "of prose to mask, such as 2")
    cases = bench_cases(seed, 50)
    filler = ("Saksbehandlerne beskrev hvordan det nye systemet endret rutinene og bruken av "
              "faglig skjønn. Caseworkers described how the dashboards changed their work. ")
    pieces = [filler + t for t in cases.text]
    paragraphs, size, i = [], 0, 0
    while size < megabytes * 1e6:
        para = " ".join(pieces[(i + k) % len(pieces)] for k in range(4))
        paragraphs.append(para)
        size += len(para.encode())
        i += 4
    rows = []
    for label, texts in (("one text", ["\n\n".join(paragraphs)]), ("paragraphs", paragraphs)):
        masker = Masker(b"speed", names=names)
        start = time.perf_counter()
        for text in texts:
            masker.mask(text)
        seconds = time.perf_counter() - start
        rows.append({"text": label, "megabytes": size / 1e6, "seconds": seconds,
                     "mb_per_s": size / 1e6 / seconds, "masked": sum(masker.counts.values())})
    return pd.DataFrame(rows)
