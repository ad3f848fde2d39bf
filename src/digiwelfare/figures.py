"""Figures for print: labelled axes, readable sizes, colour-blind-safe colours, and files
that are the same bytes on every run.

``plot_*`` functions return a :class:`matplotlib.figure.Figure` (made without pyplot, so
nothing is shown twice or kept in global state); :func:`figure_write` writes it. The house
style (:data:`STYLE`) applies inside every ``plot_*`` and every save through
:func:`figure_style`, so importing this module changes no global matplotlib setting.
"""

from __future__ import annotations

import functools
import io
import weakref
from pathlib import Path

import matplotlib
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from digiwelfare.figures_intervals import errorbar_intervals
from digiwelfare.files import file_write_atomic

#: Okabe & Ito's (2008) palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "svg.hashsalt": "digiwelfare",
    "figure.dpi": 100,
    "savefig.dpi": 200,
}


def figure_style():
    """The house style as a context, ``with figure_style(): ...``: ticks and labels made at
    drawing time get the same sizes as those made by the plot function."""
    return matplotlib.rc_context(STYLE)


def figure_styled(plot):
    """Run a ``plot_*`` function inside :func:`figure_style`."""
    @functools.wraps(plot)
    def styled(*args, **kwargs):
        with figure_style():
            return plot(*args, **kwargs)
    return styled


def _inline_in_jupyter() -> None:
    """In an IPython kernel, show a Figure a cell returns as the same PNG that
    :func:`figure_write` writes. papermill runs never import pyplot, so the inline backend is
    never switched on and an executed notebook would show ``<Figure size ...>`` text."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "display_formatter"):
        shell.display_formatter.formatters["image/png"].for_type(Figure, figure_png)
        # A figure written in a cell is shown from the bytes written (drawing a figure costs
        # as much as writing it); after the cell, a figure is drawn afresh when shown.
        shell.events.register("post_run_cell", lambda *_: _written.clear())
        global _shown_from_written
        _shown_from_written = True


#: PNG bytes that figure_write wrote in the running cell, by figure (see _inline_in_jupyter).
_written: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_shown_from_written = False


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes with no timestamp or version in them: the bytes
    :func:`figure_write` wrote for it in the running cell, if it did."""
    if fig in _written:
        return _written[fig]
    buffer = io.BytesIO()
    with figure_style():
        fig.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


_inline_in_jupyter()

DOC_TYPE_LABELS = {"project_report": "Project report", "policy_document": "Policy document",
                   "abstract": "Abstract", "event_programme": "Event programme",
                   "other": "Other", "": "Type missing"}


def figure_write(fig: Figure, path: str | Path) -> None:
    """Save ``fig`` as PNG (or SVG, by the suffix) with no timestamp or version in the file.
    Returns nothing, so a notebook cell that ends with it shows no machine-specific path."""
    path = Path(path)
    buffer = io.BytesIO()
    fmt = path.suffix.lstrip(".").lower()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    with figure_style():
        fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight")
    file_write_atomic(path, buffer.getvalue())
    if fmt == "png" and _shown_from_written:
        _written[fig] = buffer.getvalue()


@figure_styled
def plot_corpus_composition(corpus: pd.DataFrame) -> Figure:
    """Documents per year by document type (left) and per language by type (right).
    Documents without a year are counted in the title of the left panel, not dropped silently;
    a missing type is its own colour."""
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax_year, ax_lang = fig.subplots(1, 2, width_ratios=[2.2, 1])
    corpus = corpus.assign(doc_type=corpus["doc_type"].fillna("").astype(str),
                           language=corpus["language"].fillna("").replace("", "missing"))
    types = [t for t in DOC_TYPE_LABELS if t in set(corpus["doc_type"])]
    dated = corpus[corpus["year"].notna()]
    undated = len(corpus) - len(dated)
    if len(dated):
        years = np.arange(int(dated["year"].min()), int(dated["year"].max()) + 1)
        by_year = pd.crosstab(dated["year"].astype(int), dated["doc_type"]).reindex(
            index=years, columns=types, fill_value=0)
        bottom = np.zeros(len(years))
        for colour, doc_type in zip(OKABE_ITO, types, strict=False):
            ax_year.bar(years, by_year[doc_type], bottom=bottom, color=colour, width=0.8,
                        label=DOC_TYPE_LABELS[doc_type])
            bottom += by_year[doc_type].to_numpy()
        ax_year.set_xticks(years[:: max(1, len(years) // 14)])
        ax_year.legend(frameon=False, loc="upper left")
    else:
        ax_year.text(0.5, 0.5, "No document has a year", ha="center", va="center",
                     transform=ax_year.transAxes)
    note = f" ({undated} without a year, not shown)" if undated else ""
    ax_year.set(xlabel="Year", ylabel="Documents", title="Documents per year" + note)
    by_lang = pd.crosstab(corpus["language"], corpus["doc_type"]).reindex(columns=types,
                                                                          fill_value=0)
    left = np.zeros(len(by_lang))
    for colour, doc_type in zip(OKABE_ITO, types, strict=False):
        ax_lang.barh(by_lang.index, by_lang[doc_type], left=left, color=colour)
        left += by_lang[doc_type].to_numpy()
    ax_lang.set(xlabel="Documents", ylabel="Language tag", title="Documents per language")
    ax_lang.invert_yaxis()
    return fig


@figure_styled
def plot_topic_prevalence(prevalence: pd.DataFrame, labels: dict[int, str],
                          group_label: str = "Document type") -> Figure:
    """Heat map of mean topic proportion (rows: topics, columns: groups), values printed."""
    import seaborn as sns

    wide = prevalence.pivot(index="topic", columns="group", values="prevalence")
    wide.index = [labels.get(int(k), f"T{k}") for k in wide.index]
    wide.columns = [DOC_TYPE_LABELS.get(c, c) for c in wide.columns]
    fig = Figure(figsize=(2.2 + 1.6 * wide.shape[1], 0.9 + 0.42 * wide.shape[0]),
                 layout="constrained")
    ax = fig.subplots()
    sns.heatmap(wide, ax=ax, cmap="cividis", annot=True, fmt=".2f", linewidths=0.5,
                cbar_kws={"label": "Mean topic proportion"})
    ax.set(xlabel=group_label, ylabel="Topic (three most probable words)")
    ax.tick_params(axis="x", rotation=0)
    return fig


@figure_styled
def plot_empty(title: str, note: str, size: tuple[float, float] = (7.5, 2.2)) -> Figure:
    """A figure with only a title and a note saying why there is nothing to draw."""
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.subplots()
    ax.text(0.5, 0.5, note, ha="center", va="center", wrap=True, fontsize=10)
    ax.set_title(title)
    ax.axis("off")
    return fig


METRIC_LABELS = {"perplexity": "Held-out perplexity", "npmi": "Coherence NPMI",
                 "semantic_coherence": "Semantic coherence", "exclusivity": "Exclusivity",
                 "diversity": "Topic diversity", "stability": "Stability across seeds"}


@figure_styled
def plot_model_selection(selection: pd.DataFrame, choice: pd.DataFrame,
                         primary: str = "perplexity", chosen: int | None = None) -> Figure:
    """Each measure against K: the mean over seeds with its standard error (bars), each
    seed's value (small dots), the chosen K (dashed line), and, on the measure that chooses
    (``primary``), the band within one standard error of the best mean.

    ``selection`` is the table of :func:`digiwelfare.selection.topics_sweep`, ``choice``
    that of :func:`digiwelfare.selection.k_choose`; ``chosen`` defaults to its choice.
    """
    from digiwelfare.selection import METRIC_DIRECTIONS

    chosen = int(choice.loc[choice["chosen"], "k"].iloc[0]) if chosen is None else chosen
    metrics = [primary] + [m for m in METRIC_LABELS if m != primary and m in choice.columns]
    ncols = 3
    nrows = -(-len(metrics) // ncols)
    fig = Figure(figsize=(10, 3.1 * nrows + 0.3), layout="constrained")
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for ax, metric in zip(axes, metrics, strict=False):
        ax.scatter(selection["k"], selection[metric], s=10, color=OKABE_ITO[4], alpha=0.8,
                   label="one seed", zorder=2)
        ax.errorbar(choice["k"], choice[metric], yerr=choice[f"{metric}_se"].fillna(0),
                    color=OKABE_ITO[0], marker="o", markersize=5, capsize=3, linewidth=1.2,
                    label="mean ± 1 SE over seeds", zorder=3)
        ax.axvline(chosen, color=OKABE_ITO[5], linestyle="--", linewidth=1.2,
                   label=f"chosen K = {chosen}", zorder=1)
        better = "lower" if METRIC_DIRECTIONS[metric] < 0 else "higher"
        title = METRIC_LABELS.get(metric, metric)
        if metric == primary:
            best = choice.loc[choice["best"]].iloc[0]
            se = 0.0 if pd.isna(best[f"{metric}_se"]) else float(best[f"{metric}_se"])
            edge = best[metric] - METRIC_DIRECTIONS[metric] * se
            ax.axhspan(min(best[metric], edge), max(best[metric], edge), color=OKABE_ITO[1],
                       alpha=0.3, linewidth=0, label="within 1 SE of the best", zorder=0)
            title += " (chooses K)"
        ax.set(xlabel="Number of topics K", ylabel=f"{title.split(' (')[0]} ({better} is better)",
               title=title)
        ax.set_xticks(sorted(choice["k"].unique()))
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), frameon=False)
    for ax in axes[len(metrics):]:
        ax.set_visible(False)
    return fig


def _level_label(level: str) -> str:
    """A covariate level for a legend: document types by their names, others as written."""
    text = DOC_TYPE_LABELS.get(level, level.replace("_", " "))
    return text[:1].upper() + text[1:]


def _limits(low: pd.Series, high: pd.Series, floor: float | None = None) -> tuple[float, float]:
    """Axis limits that hold every interval, with a margin; never cut below ``floor``."""
    lo, hi = float(low.min()), float(high.max())
    pad = 0.06 * (hi - lo or 0.01)
    lo = lo - pad if floor is None else max(floor, lo - pad)
    return lo, hi + pad


@figure_styled
def plot_effects_time(effects: pd.DataFrame, labels: dict[int, str], year: str = "year",
                      ncols: int = 3) -> Figure:
    """Expected topic proportion by year, one panel per topic, with its 95 % interval band.

    The shared y axis runs from 0 to above the highest interval bound, so no band is cut."""
    data = effects[(effects["covariate"] == year) & (effects["kind"] == "prediction")].copy()
    if data.empty:
        return plot_empty("Effects over the years",
                          f"No effects of {year} were estimated in this corpus.")
    data["x"] = data["level"].astype(float).astype(int)
    topics = sorted(data["topic"].unique())
    ncols = min(ncols, int(np.ceil(np.sqrt(len(topics)))))  # four topics: two by two
    nrows = -(-len(topics) // ncols)
    fig = Figure(figsize=(3.4 * ncols, 2.5 * nrows + 0.5), layout="constrained")
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharex=True, sharey=True)).ravel()
    for ax, topic in zip(axes, topics, strict=False):
        d = data[data["topic"] == topic].sort_values("x")
        ax.fill_between(d["x"], d["ci_low"], d["ci_high"], color=OKABE_ITO[4], alpha=0.45,
                        linewidth=0, label="95 % interval")
        ax.plot(d["x"], d["estimate"], color=OKABE_ITO[0], linewidth=1.8,
                label="expected proportion")
        ax.set_title(labels.get(int(topic), f"T{topic}"), fontsize=9)
        ax.tick_params(labelbottom=True, labelleft=True)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes[0].set_ylim(*_limits(data["ci_low"], data["ci_high"], floor=0.0))
    axes[0].xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=6, integer=True))
    for ax in axes[len(topics):]:
        ax.set_visible(False)
    fig.supxlabel("Year")
    fig.supylabel("Expected topic proportion (95 % interval)")
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, frameon=False, loc="outside upper center", ncol=2)
    return fig


@figure_styled
def plot_effects_difference(effects: pd.DataFrame, labels: dict[int, str],
                            covariate: str = "doc_type",
                            contrasts: list[str] | None = None) -> Figure:
    """Contrasts in expected topic proportion between two levels of ``covariate`` (``a - b``
    rows of :func:`digiwelfare.effects.textstat_effects`), with 95 % intervals, one row per
    topic. ``contrasts`` picks which (by name, as ``"policy_document - project_report"``);
    by default those against the covariate's reference level, at most eight. The x axis holds
    every interval."""
    data = effects[(effects["covariate"] == covariate) & (effects["kind"] == "difference")]
    if contrasts is None:
        names = list(dict.fromkeys(data["level"]))
        refs = [n.split(" - ")[1] for n in names]
        contrasts = [n for n, r in zip(names, refs, strict=True) if r == refs[0]][:8] if names \
            else []
    data = data[data["level"].isin(contrasts)]
    if data.empty:
        return plot_empty("Contrasts", f"No contrasts of {covariate} were estimated in this "
                          "corpus.")
    topics = sorted(data["topic"].unique())
    per_topic = 0.3 + 0.12 * len(contrasts)  # inches: room for every contrast's bar
    fig = Figure(figsize=(7.5, 1.6 + per_topic * len(topics)), layout="constrained")
    ax = fig.subplots()
    spread = min(0.36, 0.1 * (len(contrasts) - 1))
    offsets = np.linspace(-spread, spread, len(contrasts)) if len(contrasts) > 1 else [0.0]
    markers = "osD^v<>P"
    for colour, marker, contrast, off in zip(OKABE_ITO, markers, contrasts, offsets,
                                             strict=False):
        d = data[data["level"] == contrast].set_index("topic").loc[topics]
        y = np.arange(len(topics)) + off
        errorbar_intervals(ax, d["estimate"], y, d["ci_low"], d["ci_high"],
                           fmt=marker, color=colour, capsize=2, markersize=4.5,
                           label=" − ".join(_level_label(p) for p in contrast.split(" - ")))
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(*_limits(pd.concat([data["ci_low"], pd.Series([0.0])]),
                         pd.concat([data["ci_high"], pd.Series([0.0])])))
    ax.set_yticks(np.arange(len(topics)), [labels.get(int(t), f"T{t}") for t in topics])
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set(xlabel="Difference in expected topic proportion (95 % interval)", ylabel="Topic")
    fig.legend(frameon=False, loc="outside upper center", ncol=min(len(contrasts), 2),
               title=f"{covariate.replace('_', ' ').capitalize()}: contrast")
    return fig


@figure_styled
def plot_keywords(keywords: pd.DataFrame, n: int = 10, columns: int = 3) -> Figure:
    """Before a guided fit: the ``n`` most frequent seed words of each category (occurrences
    per 1,000 modelled tokens, with the share of documents using each), from
    :func:`digiwelfare.keywords.textstat_keywords`. A panel's title counts the entries found
    in the vocabulary; a category none of whose words occur says so."""
    categories = list(dict.fromkeys(keywords["category"]))
    rows = max(1, -(-len(categories) // columns))
    fig = Figure(figsize=(3.6 * columns, 0.6 + rows * (0.3 * n + 0.9)), layout="constrained")
    axes = np.atleast_1d(fig.subplots(rows, columns, squeeze=False)).ravel()
    top = max(keywords["token_share"].max() * 1000, 1e-9)
    for ax, category in zip(axes, categories, strict=False):
        g = keywords[keywords["category"] == category]
        entries = g.groupby("entry", sort=False)["in_vocabulary"].any()
        shown = (g[g["in_vocabulary"]].drop_duplicates("word")
                 .sort_values(["frequency", "word"], ascending=[False, True]).head(n))
        y = np.arange(len(shown))
        ax.barh(y, shown["token_share"] * 1000, color=OKABE_ITO[0], height=0.7)
        for yi, (rate, share) in enumerate(zip(shown["token_share"] * 1000,
                                               shown["doc_share"], strict=True)):
            ax.text(rate + top * 0.02, yi, f"{share:.0%} docs", va="center", fontsize=8)
        ax.set_yticks(y, shown["word"])
        ax.set_ylim(n - 0.5, -0.5)  # the same bar height in every panel, most frequent on top
        ax.set_xlim(0, top * 1.45)
        ax.set_title(f"{category.replace('_', ' ')}: {int(entries.sum())} of {len(entries)} "
                     "entries in vocabulary", fontsize=10)
        ax.set_xlabel("Per 1,000 tokens")
        if shown.empty:
            ax.text(0.5, 0.5, "no seed word occurs", transform=ax.transAxes, ha="center")
    for ax in axes[len(categories):]:
        ax.axis("off")
    if not categories:
        fig.suptitle("No dictionary entries for this language")
    return fig


@figure_styled
def plot_guided_compare(compare: pd.DataFrame, pi_threshold: float) -> Figure:
    """Left: share of each seed list's tokens held by its keyword topic and by the unguided
    topic (same K) that holds most of them. Right: each keyword topic's estimated switch
    probability pi, with the retention threshold (from
    :func:`digiwelfare.guided_tables.textstat_guided_compare`)."""
    if compare.empty:
        return plot_empty("Keyword topics and unguided topics",
                          "No keyword topic to compare: no seed list has a word in the "
                          "vocabulary of this language.")
    names = [n.replace("_", " ") for n in compare["name"]]
    y = np.arange(len(names))
    fig = Figure(figsize=(9, 1.2 + 0.45 * len(names)), layout="constrained")
    ax, ax_pi = fig.subplots(1, 2, sharey=True, width_ratios=[1.4, 1])
    ax.barh(y - 0.2, compare["seed_capture_guided"], height=0.4, color=OKABE_ITO[0],
            label="keyword topic")
    ax.barh(y + 0.2, compare["seed_capture_unguided"], height=0.4, color=OKABE_ITO[1],
            label="closest unguided topic")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set(xlim=(0, 1), xlabel="Share of the seed words' tokens in the topic",
           ylabel="Seed list (dictionary category)")
    colours = [OKABE_ITO[2] if r else OKABE_ITO[7] for r in compare["retained"]]
    ax_pi.barh(y, compare["pi"], height=0.5, color=colours)
    ax_pi.axvline(pi_threshold, color=OKABE_ITO[5], linestyle="--", linewidth=1)
    ax_pi.set(xlim=(0, max(pi_threshold, float(compare["pi"].max())) * 1.15 + 0.02),
              xlabel=f"pi: share of the topic's tokens from its keywords\n"
                     f"(dashed: the retention threshold, {pi_threshold:g})")
    handles = [Patch(color=OKABE_ITO[0], label="keyword topic"),
               Patch(color=OKABE_ITO[1], label="closest unguided topic"),
               Patch(color=OKABE_ITO[2], label="retained keyword topic"),
               Patch(color=OKABE_ITO[7], label="not retained")]
    fig.legend(handles=handles, frameon=False, loc="outside upper center", ncol=4)
    return fig




@figure_styled
def plot_plan_recovery(correlations: pd.DataFrame, recovery: pd.DataFrame,
                       score_label: str = "Topic", labels: dict | None = None) -> Figure:
    """Heat map of the correlation of every planned theme (rows) with every score (columns:
    topics or dictionary categories), from :func:`digiwelfare.plan.textstat_plan_correlations`;
    rows in the order of the :func:`digiwelfare.plan.textstat_plan_recovery` table, matched
    scores first in the same order so the matches run down the diagonal, each match framed
    (thick for a recovered theme). Sequential, colour-blind-safe palette (cividis) over the
    full range of the values, each value printed."""
    import seaborn as sns
    from matplotlib.patches import Rectangle

    wide = correlations.pivot(index="theme", columns="score", values="correlation")
    matched = [s for s in recovery["score"] if s != ""]
    wide.columns = wide.columns.map(str)
    rest = [c for c in wide.columns if c not in matched]
    wide = wide.loc[recovery["theme"], matched + rest]
    names = labels or {}
    wide.columns = [names.get(c, c) for c in wide.columns]
    fig = Figure(figsize=(2.8 + 0.55 * wide.shape[1], 1.2 + 0.36 * wide.shape[0]),
                 layout="constrained")
    ax = fig.subplots()
    low = min(0.0, float(np.floor(10 * wide.min().min()) / 10))
    sns.heatmap(wide, ax=ax, cmap="cividis", vmin=low, vmax=1.0, annot=True, fmt=".2f",
                annot_kws={"fontsize": 7}, linewidths=0.4,
                cbar_kws={"label": "Correlation over documents (Pearson)"})
    for i, row in enumerate(recovery.itertuples()):
        if row.score != "":
            ax.add_patch(Rectangle((matched.index(row.score), i), 1, 1, fill=False,
                                   edgecolor="#D55E00", linewidth=3 if row.recovered else 1.2))
    ax.set(xlabel=f"{score_label} (matched one to one, framed; thick: recovered)",
           ylabel="Planned theme (design plan)")
    ax.tick_params(axis="x", rotation=90 if max(map(len, wide.columns)) > 3 else 0)
    return fig
