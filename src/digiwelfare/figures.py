"""Figures for print: labelled axes, readable sizes, colour-blind-safe colours, and files
that are the same bytes on every run.

``plot_*`` functions return a :class:`matplotlib.figure.Figure` (made without pyplot, so
nothing is shown twice or kept in global state); :func:`figure_save` writes it.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from digiwelfare.config import file_write_atomic

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
matplotlib.rcParams.update(STYLE)

DOC_TYPE_LABELS = {"project_report": "Project report", "policy_document": "Policy document",
                   "abstract": "Abstract"}


def figure_save(fig: Figure, path: str | Path) -> None:
    """Save ``fig`` as PNG (or SVG, by the suffix) with no timestamp or version in the file.
    Returns nothing, so a notebook cell that ends with it shows no machine-specific path."""
    path = Path(path)
    buffer = io.BytesIO()
    fmt = path.suffix.lstrip(".").lower()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight")
    file_write_atomic(path, buffer.getvalue())


def plot_corpus_composition(corpus: pd.DataFrame) -> Figure:
    """Documents per year by document type (left) and per language by type (right)."""
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax_year, ax_lang = fig.subplots(1, 2, width_ratios=[2.2, 1])
    types = [t for t in DOC_TYPE_LABELS if t in set(corpus["doc_type"])]
    years = np.arange(corpus["year"].min(), corpus["year"].max() + 1)
    by_year = pd.crosstab(corpus["year"], corpus["doc_type"]).reindex(index=years, columns=types,
                                                                      fill_value=0)
    bottom = np.zeros(len(years))
    for colour, doc_type in zip(OKABE_ITO, types, strict=False):
        ax_year.bar(years, by_year[doc_type], bottom=bottom, color=colour, width=0.8,
                    label=DOC_TYPE_LABELS[doc_type])
        bottom += by_year[doc_type].to_numpy()
    ax_year.set(xlabel="Year", ylabel="Documents", title="Documents per year")
    ax_year.set_xticks(years[:: max(1, len(years) // 14)])
    ax_year.legend(frameon=False, loc="upper left")
    by_lang = pd.crosstab(corpus["language"], corpus["doc_type"]).reindex(columns=types,
                                                                          fill_value=0)
    left = np.zeros(len(by_lang))
    for colour, doc_type in zip(OKABE_ITO, types, strict=False):
        ax_lang.barh(by_lang.index, by_lang[doc_type], left=left, color=colour)
        left += by_lang[doc_type].to_numpy()
    ax_lang.set(xlabel="Documents", ylabel="Language tag", title="Documents per language")
    ax_lang.invert_yaxis()
    return fig


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


def plot_keyness(keyness: pd.DataFrame, n: int = 12, label_a: str = "A",
                 label_b: str = "B") -> Figure:
    """Diverging bars of the log ratio of the ``n`` strongest key terms (by G2) of each side."""
    top_a = keyness[keyness["key_for"] == "A"].head(n)
    top_b = keyness[keyness["key_for"] == "B"].head(n)
    shown = pd.concat([top_a, top_b]).sort_values("log_ratio")
    fig = Figure(figsize=(7.5, 0.8 + 0.27 * len(shown)), layout="constrained")
    ax = fig.subplots()
    colours = [OKABE_ITO[0] if s == "A" else OKABE_ITO[1] for s in shown["key_for"]]
    ax.barh(shown["term"], shown["log_ratio"], color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set(xlabel=f"Log ratio (log2 of relative frequency, {label_a} / {label_b})",
           ylabel="Term (lemma)",
           title=f"Key terms of {label_a} (blue) and {label_b} (orange), strongest {n} by G2")
    return fig


METRIC_LABELS = {"c_v": "Coherence c_v", "c_npmi": "Coherence NPMI", "u_mass": "Coherence UMass",
                 "diversity": "Topic diversity", "stability": "Stability across seeds",
                 "perplexity": "Held-out perplexity"}


def plot_model_selection(selection: pd.DataFrame, chosen: int | None = None) -> Figure:
    """Every metric against K: one point per seed, the mean as a line; the chosen K marked."""
    metrics = [m for m in METRIC_LABELS if m in selection.columns]
    fig = Figure(figsize=(10, 5.6), layout="constrained")
    axes = fig.subplots(2, 3).ravel()
    for ax, metric in zip(axes, metrics, strict=False):
        mean = selection.groupby("k")[metric].mean()
        ax.scatter(selection["k"], selection[metric], s=14, color=OKABE_ITO[4], alpha=0.9,
                   label="one seed", zorder=2)
        ax.plot(mean.index, mean.values, color=OKABE_ITO[0], marker="o", label="mean of seeds")
        if chosen is not None:
            ax.axvline(chosen, color=OKABE_ITO[5], linestyle="--", linewidth=1,
                       label=f"chosen K = {chosen}")
        ax.set(xlabel="Number of topics K", ylabel=METRIC_LABELS[metric],
               title=METRIC_LABELS[metric])
        ax.set_xticks(sorted(selection["k"].unique()))
    axes[0].legend(frameon=False, fontsize=8)
    for ax in axes[len(metrics):]:
        ax.set_visible(False)
    return fig


def _level_label(level: str) -> str:
    """A covariate level for a legend: document types by their names, others as written."""
    text = DOC_TYPE_LABELS.get(level, level.replace("_", " "))
    return text[:1].upper() + text[1:]


def _figure_empty(message: str) -> Figure:
    fig = Figure(figsize=(6, 1.2), layout="constrained")
    ax = fig.subplots()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True)
    ax.axis("off")
    return fig


def _limits(low: pd.Series, high: pd.Series, floor: float | None = None) -> tuple[float, float]:
    """Axis limits that hold every interval, with a margin; never cut below ``floor``."""
    lo, hi = float(low.min()), float(high.max())
    pad = 0.06 * (hi - lo or 0.01)
    lo = lo - pad if floor is None else max(floor, lo - pad)
    return lo, hi + pad


def plot_effects_time(effects: pd.DataFrame, labels: dict[int, str], year: str = "year",
                      ncols: int = 3) -> Figure:
    """Expected topic proportion by year, one panel per topic, with its 95 % interval band.

    The shared y axis runs from 0 to above the highest interval bound, so no band is cut."""
    data = effects[(effects["covariate"] == year) & (effects["kind"] == "prediction")].copy()
    if data.empty:
        return _figure_empty(f"No effects of {year} were estimated in this corpus.")
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
        return _figure_empty(f"No contrasts of {covariate} were estimated in this corpus.")
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
        ax.errorbar(d["estimate"], y, xerr=[d["estimate"] - d["ci_low"],
                                            d["ci_high"] - d["estimate"]],
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


def plot_seed_retention(guided: pd.DataFrame, unguided: pd.DataFrame) -> Figure:
    """Probability mass each seed list keeps in its guided topic and in the unguided topic
    closest to it, side by side."""
    names = list(guided["name"])
    y = np.arange(len(names))
    fig = Figure(figsize=(7, 0.9 + 0.42 * len(names)), layout="constrained")
    ax = fig.subplots()
    ax.barh(y - 0.2, guided["share_of_mass"], height=0.4, color=OKABE_ITO[0],
            label="guided topic")
    ax.barh(y + 0.2, unguided.set_index("name").loc[names, "share_of_mass"], height=0.4,
            color=OKABE_ITO[1], label="closest unguided topic")
    ax.set_yticks(y, [n.replace("_", " ") for n in names])
    ax.invert_yaxis()
    ax.set(xlabel="Probability mass on the seed words", ylabel="Seed list (dictionary category)")
    fig.legend(frameon=False, loc="outside upper center", ncol=2)
    return fig


def plot_collocation_network(collocations: pd.DataFrame, n: int = 10, seed: int = 1) -> Figure:
    """Node terms and their ``n`` strongest collocates (by logDice); a collocate shared by
    several node terms connects them. Edge width follows logDice."""
    import networkx as nx

    graph = nx.Graph()
    nodes = sorted(collocations["node"].unique())
    for node, g in collocations.groupby("node", sort=True):
        for row in g.head(n).itertuples():
            graph.add_edge(node, row.collocate, weight=row.log_dice)
    pos = nx.spring_layout(graph, seed=seed, k=1.2 / np.sqrt(max(len(graph), 1)),
                           weight="weight")
    fig = Figure(figsize=(8.5, 7), layout="constrained")
    ax = fig.subplots()
    weights = np.array([d["weight"] for _, _, d in graph.edges(data=True)])
    widths = 0.5 + 2.5 * (weights - weights.min()) / (np.ptp(weights) or 1)
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#999999")
    shared = [v for v in graph if v not in nodes and graph.degree(v) > 1]
    single = [v for v in graph if v not in nodes and graph.degree(v) == 1]
    for group, colour, size in ((nodes, OKABE_ITO[5], 900), (shared, OKABE_ITO[0], 300),
                                (single, OKABE_ITO[4], 200)):
        nx.draw_networkx_nodes(graph, pos, nodelist=group, ax=ax, node_color=colour,
                               node_size=size)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
    ax.set_title(f"Collocates of {', '.join(nodes)} (top {n} by logDice; dark blue: shared)")
    ax.axis("off")
    return fig


def plot_dictionary_rates(groups: pd.DataFrame, group_label: str) -> Figure:
    """Rate per 1,000 tokens of each dictionary category by group, with 95 % intervals."""
    categories = sorted(groups["category"].unique())
    levels = sorted(groups["group"].astype(str).unique())
    fig = Figure(figsize=(8, 1.0 + 0.42 * len(categories)), layout="constrained")
    ax = fig.subplots()
    offsets = np.linspace(-0.25, 0.25, len(levels)) if len(levels) > 1 else [0.0]
    for colour, level, off in zip(OKABE_ITO, levels, offsets, strict=False):
        d = groups[groups["group"].astype(str) == level].set_index("category").reindex(categories)
        y = np.arange(len(categories)) + off
        ax.errorbar(d["rate"], y, xerr=[d["rate"] - d["ci_low"], d["ci_high"] - d["rate"]],
                    fmt="o", color=colour, markersize=4, capsize=2,
                    label=DOC_TYPE_LABELS.get(level, level))
    ax.set_yticks(np.arange(len(categories)), [c.replace("_", " ") for c in categories])
    ax.invert_yaxis()
    ax.set(xlabel="Hits per 1,000 tokens (95 % bootstrap interval)", ylabel="Category")
    ax.legend(title=group_label, frameon=False, loc="lower right", fontsize=8)
    return fig


def plot_network(edges: pd.DataFrame, seed: int = 1) -> Figure:
    """The bipartite actor-concept network: actors on the left, concepts on the right,
    edge width by the number of sentences they share."""
    import networkx as nx

    graph = nx.Graph()
    actors = sorted(edges["actor"].unique())
    concepts = sorted(edges["concept"].unique())
    for row in edges.itertuples():
        graph.add_edge(("a", row.actor), ("c", row.concept), weight=row.weight)
    pos = {("a", a): (0.0, -i * (len(concepts) - 1) / max(len(actors) - 1, 1))
           for i, a in enumerate(actors)}
    pos |= {("c", c): (1.0, -i) for i, c in enumerate(concepts)}
    fig = Figure(figsize=(8, 0.8 + 0.45 * max(len(actors), len(concepts))), layout="constrained")
    ax = fig.subplots()
    w = edges["weight"].to_numpy(float)
    for row, width in zip(edges.itertuples(), 0.3 + 5 * w / w.max(), strict=True):
        (x0, y0), (x1, y1) = pos[("a", row.actor)], pos[("c", row.concept)]
        ax.plot([x0, x1], [y0, y1], color=OKABE_ITO[0], alpha=0.35, linewidth=width)
    for a in actors:
        x, y = pos[("a", a)]
        ax.text(x - 0.02, y, a.replace("_", " "), ha="right", va="center", fontsize=9)
    for c in concepts:
        x, y = pos[("c", c)]
        ax.text(x + 0.02, y, c.replace("_", " "), ha="left", va="center", fontsize=9)
    ax.scatter([0] * len(actors), [pos[("a", a)][1] for a in actors], color=OKABE_ITO[5], s=40,
               zorder=3, label="actor")
    ax.scatter([1] * len(concepts), [pos[("c", c)][1] for c in concepts], color=OKABE_ITO[2],
               s=40, zorder=3, label="concept")
    ax.set_xlim(-0.6, 1.6)
    ax.axis("off")
    ax.set_title("Actors and concepts in the same sentence (line width: sentences)")
    fig.legend(frameon=False, loc="outside lower center", ncol=2)
    return fig


def plot_dispersion(positions: pd.DataFrame, terms: list[str]) -> Figure:
    """Lexical dispersion: where each term occurs, documents ordered by year along x.

    ``positions`` has ``term, x`` (x: the document's rank by year plus the relative
    position of the hit inside it) and ``year_ticks`` are taken from its ``year`` column.
    """
    fig = Figure(figsize=(10, 0.9 + 0.45 * len(terms)), layout="constrained")
    ax = fig.subplots()
    for i, term in enumerate(terms):
        x = positions.loc[positions["term"] == term, "x"]
        ax.plot(x, np.full(len(x), i), "|", color=OKABE_ITO[0], markersize=12)
    ax.set_yticks(range(len(terms)), terms)
    ax.invert_yaxis()
    first = positions.drop_duplicates("year").sort_values("year")
    ticks = first[first["year"] % 2 == 0]
    ax.set_xticks(ticks["doc_start"], ticks["year"].astype(str))
    ax.set(xlabel="Documents in order of year (ticks: first document of the year)",
           ylabel="Term", title="Where the terms occur")
    return fig
