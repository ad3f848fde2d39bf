"""Does notebook 03's sample change the K it chooses? (``sample_docs``, issue #14.)

On a planted corpus large enough to be sampled, each language's K × seed sweep is fitted
twice with notebook 03's parameters, once on every document part and once on the sample,
and the rule's choice read off both (:func:`sample_check`). The README's table of it is
:func:`sample_check_table`. Fitting every part is the slow sweep the sample replaces, so
this is a benchmark (``python -m digiwelfare.bench --sample-check CORPUS RUN``), never a
test. A planted K inside the grid lets a pull of the sample towards fewer topics show, which
a planted K at the grid's top (the pipeline benchmark's 20) would hide.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from digiwelfare.config import ROOT
from digiwelfare.params import params_file_read


def _sweep_choice(bow, dictionary, ks, seeds, sample, sweeps, workers) -> pd.DataFrame:
    """One sweep and the rule's table: ``k, perplexity, perplexity_se, best, within_1se,
    chosen, documents``."""
    from digiwelfare.selection import PRIMARY, k_choose, topics_sweep

    selection = topics_sweep(bow, dictionary, ks, seeds, engine="anchor", sweeps=sweeps,
                             workers=workers, sample=sample)
    choice = k_choose(selection, primary=PRIMARY)
    columns = ["k", PRIMARY, f"{PRIMARY}_se", "best", "within_1se", "chosen"]
    return choice[columns].assign(documents=int(selection["documents"].iloc[0]))


def sample_check(corpus: Path, run: Path, languages=("en", "nb"), sample: int | None = None,
                 workers: int = 2) -> pd.DataFrame:
    """For each language of a pipeline run into ``run`` (notebook 02 done) on the planted
    ``corpus``, the rule's table of a sweep of every part and of a sweep of the sample:
    ``language, fitted (all | sample), parts, documents, planted_k, k, perplexity,
    perplexity_se, best, within_1se, chosen``. The grid, seeds, sweeps and ``sample_docs``
    are those of ``params/03_select_model__<language>.yaml`` (``sample`` overrides the
    last)."""
    from digiwelfare.config import paths_resolve
    from digiwelfare.products import bow_read

    planted = json.loads((Path(corpus) / "truth" / "settings.json").read_text("utf-8"))
    tables = []
    for language in languages:
        params, _ = params_file_read(ROOT / "params" / f"03_select_model__{language}.yaml")
        limit = params["sample_docs"] if sample is None else sample
        paths = paths_resolve(corpus, run, "03_select_model", language)
        _, dictionary, bow = bow_read(paths, language, token_lists=False)
        for fitted, size in (("all", None), ("sample", limit)):
            table = _sweep_choice(bow, dictionary, params["ks"], params["seeds"], size,
                                  params["sweeps"], workers)
            tables.append(table.assign(language=language, fitted=fitted, parts=len(bow),
                                       planted_k=int(planted["topics"])))
    order = ["language", "fitted", "parts", "documents", "planted_k", "k", "perplexity",
             "perplexity_se", "best", "within_1se", "chosen"]
    return pd.concat(tables, ignore_index=True)[order]


def sample_check_table(check: pd.DataFrame) -> str:
    """The README's table of a :func:`sample_check`: per language and sweep, the parts fitted,
    the best K, the K within one standard error of it and the K chosen; then a sentence per
    language comparing the two choices with the planted K."""
    lines = ["| language | fitted | document parts fitted (of all) | planted K | best K | "
             "K within one standard error of the best | K chosen |",
             "|---|---|---:|---:|---:|---|---:|"]
    chosen = {}
    for (language, fitted), group in check.groupby(["language", "fitted"], sort=True):
        row = group.iloc[0]
        best = int(group.loc[group["best"], "k"].iloc[0])
        band = ", ".join(str(int(k)) for k in group.loc[group["within_1se"], "k"])
        chosen[language, fitted] = int(group.loc[group["chosen"], "k"].iloc[0])
        lines.append(f"| {language} | {fitted} | {int(row['documents']):,} "
                     f"({int(row['parts']):,}) | {int(row['planted_k'])} | {best} | {band} | "
                     f"{chosen[language, fitted]} |")
    said = []
    for language, group in check.groupby("language", sort=True):
        planted, every = int(group["planted_k"].iloc[0]), chosen[language, "all"]
        sample = chosen[language, "sample"]
        said.append(f"In {language} the sample chose the K every part chose ({every}; "
                    f"{planted} were planted)." if sample == every else
                    f"In {language} the sample chose K = {sample} where every part chose "
                    f"K = {every} ({planted} were planted).")
    return "\n".join(lines) + "\n\n" + " ".join(said) + "\n"
