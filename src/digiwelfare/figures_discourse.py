"""Figures of the discourse notebooks (08-10): key terms, collocation and actor networks,
dictionary rates and their differences, lexical dispersion. Same conventions as
:mod:`digiwelfare.figures`: each returns a Figure and never saves it; an empty input gives a
figure that says why there is nothing to draw.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from digiwelfare.figures import DOC_TYPE_LABELS, OKABE_ITO, figure_styled, plot_empty
from digiwelfare.figures_intervals import errorbar_intervals


@figure_styled
def plot_keyness(keyness: pd.DataFrame, n: int = 12, label_a: str = "A",
                 label_b: str = "B") -> Figure:
    """Bars of the log ratio of the ``n`` strongest key terms of each side, ranked by G2 (which
    a zero count cannot inflate), strongest at the top of each side. A hatched, hollow bar
    marks a term with no hits in one group: its length is set by the 0.5 put in place of the
    zero, so the true ratio is larger still. ``*`` marks a term whose hits on its own side
    come from fewer than three documents (``few_docs``), ``°`` one whose documents do not
    differ by the document-level test (``p_docs_bh`` of 0.05 or more)."""
    label_a, label_b = DOC_TYPE_LABELS.get(label_a, label_a), DOC_TYPE_LABELS.get(label_b, label_b)
    title = f"Key terms of {label_a} and {label_b}"
    if keyness.empty:
        return plot_empty(title, "No term is frequent enough to compare; lower min_freq.")
    rank = (keyness.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
            if "g2" in keyness else keyness)
    shown = pd.concat([rank[rank["key_for"] == "A"].head(n), rank[rank["key_for"] == "B"].head(n)])
    zero = shown.get("zero_count", pd.Series(False, index=shown.index)).to_numpy(bool)
    few = shown.get("few_docs", pd.Series(False, index=shown.index)).to_numpy(bool)
    by_docs = shown.get("p_docs_bh", pd.Series(0.0, index=shown.index)).to_numpy(float)
    not_docs = ~(by_docs < 0.05)  # NaN (no test possible) counts as not shown
    fig = Figure(figsize=(7.5, 1.3 + 0.27 * len(shown)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(shown))
    colours = np.where(shown["key_for"] == "A", OKABE_ITO[0], OKABE_ITO[1])
    for fill, hatch in ((True, None), (False, "///")):
        keep = ~zero if fill else zero
        ax.barh(y[keep], shown["log_ratio"].to_numpy()[keep], color=colours[keep] if fill else
                "none", edgecolor=colours[keep], hatch=hatch, linewidth=1.0)
    ax.set_yticks(y, [t + (" *" if f else "") + (" °" if d else "")
                      for t, f, d in zip(shown["term"], few, not_docs, strict=True)])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    from matplotlib.patches import Patch
    handles = [Patch(color=OKABE_ITO[0], label=f"key for {label_a}"),
               Patch(color=OKABE_ITO[1], label=f"key for {label_b}")]
    if zero.any():
        handles.append(Patch(facecolor="none", edgecolor="#555555", hatch="///",
                             label="no hits in the other group (0.5 used: a lower bound)"))
    if few.any():
        handles.append(Patch(color="none", label="* in fewer than 3 documents of its group"))
    if not_docs.any():
        handles.append(Patch(color="none", label="° documents do not differ (p_docs_bh ≥ 0.05)"))
    fig.legend(handles=handles, frameon=False, loc="outside lower center", ncol=2, fontsize=8)
    ax.set(xlabel=f"Log ratio (log2 of relative frequency, {label_a} / {label_b})",
           ylabel="Term (lemma), ranked by G2 within each side",
           title=f"{title}: strongest {n} of each by G2")
    return fig


@figure_styled
def plot_collocation_network(collocations: pd.DataFrame, n: int = 10, seed: int = 1) -> Figure:
    """Node terms and their ``n`` strongest collocates (by logDice); a collocate shared by
    several node terms connects them. Edge width follows logDice."""
    import networkx as nx

    title = "Collocates by logDice"
    if collocations.empty:
        return plot_empty(title, "No node has collocates here: choose nodes that occur "
                                 "(see the keyness table) or lower min_collocation.")
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
    for group, colour, size, label in ((nodes, OKABE_ITO[5], 900, "node"),
                                       (shared, OKABE_ITO[0], 300, "collocate of several nodes"),
                                       (single, OKABE_ITO[4], 200, "collocate of one node")):
        if group:
            nx.draw_networkx_nodes(graph, pos, nodelist=group, ax=ax, node_color=colour,
                                   node_size=size, label=label)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
    ax.set_title(f"Collocates of {', '.join(nodes)} (top {n} by logDice; line width: logDice)")
    ax.legend(frameon=False, loc="lower left", fontsize=8, markerscale=0.5)
    ax.axis("off")
    return fig


@figure_styled
def plot_dictionary_rates(groups: pd.DataFrame, group_label: str) -> Figure:
    """Rate per 1,000 tokens of each dictionary category by group, with 95 % intervals; a
    group with too few documents for an interval (``few_docs``) is a hollow point without
    one."""
    title = f"Dictionary categories by {group_label.lower()}"
    if groups.empty:
        return plot_empty(title, "No document has a value to group by.")
    categories = sorted(groups["category"].unique())
    levels = sorted(groups["group"].astype(str).unique())
    fig = Figure(figsize=(8, 1.3 + 0.42 * len(categories)), layout="constrained")
    ax = fig.subplots()
    offsets = np.linspace(-0.3, 0.3, len(levels)) if len(levels) > 1 else [0.0]
    colours = OKABE_ITO * (len(levels) // len(OKABE_ITO) + 1)
    for colour, level, off in zip(colours, levels, offsets, strict=False):
        d = groups[groups["group"].astype(str) == level].set_index("category").reindex(categories)
        y = np.arange(len(categories)) + off
        few = d.get("few_docs", pd.Series(False, index=d.index)).fillna(False).to_numpy(bool)
        errorbar_intervals(ax, d["rate"][~few], y[~few], d["ci_low"][~few],
                           d["ci_high"][~few], fmt="o", color=colour, markersize=4, capsize=2,
                           label=DOC_TYPE_LABELS.get(level, level))
        if few.any():
            ax.plot(d["rate"][few], y[few], "o", markerfacecolor="none", color=colour,
                    markersize=5)
    if "few_docs" in groups and groups["few_docs"].any():
        ax.plot([], [], "o", markerfacecolor="none", color="#555555",
                label="too few documents: no interval")
    ax.set_yticks(np.arange(len(categories)), [c.replace("_", " ") for c in categories])
    ax.invert_yaxis()
    top = np.nanmax(np.r_[groups["rate"].to_numpy(float), groups["ci_high"].to_numpy(float), 1.0])
    ax.set_xlim(-0.03 * top, 1.05 * top)  # rates cannot be negative; the margin shows caps at 0
    ax.set(xlabel="Hits per 1,000 tokens (95 % interval)", ylabel="Category", title=title)
    fig.legend(title=group_label, frameon=False, loc="outside lower center",
              ncol=min(len(levels) + 1, 4), fontsize=8)
    return fig


@figure_styled
def plot_dictionary_difference(difference: pd.DataFrame) -> Figure:
    """Difference in rate per 1,000 tokens between two groups for each category
    (:func:`digiwelfare.dictionaries.textstat_dictionary_difference`), with its 95 %
    bootstrap interval; categories without an interval are hollow points."""
    if difference.empty:
        return plot_empty("Difference in dictionary rates", "No category to compare.")
    d = difference.sort_values("category")
    a, b = d["group_a"].iloc[0], d["group_b"].iloc[0]
    labels = (DOC_TYPE_LABELS.get(a, a), DOC_TYPE_LABELS.get(b, b))
    y = np.arange(len(d))
    ok = d["diff_low"].notna().to_numpy()
    fig = Figure(figsize=(7.5, 1.3 + 0.4 * len(d)), layout="constrained")
    ax = fig.subplots()
    errorbar_intervals(ax, d["difference"][ok], y[ok], d["diff_low"][ok], d["diff_high"][ok],
                       fmt="o", color=OKABE_ITO[0], capsize=2, markersize=4,
                       label="95 % interval")
    if (~ok).any():
        ax.plot(d["difference"][~ok], y[~ok], "o", markerfacecolor="none", color=OKABE_ITO[5],
                label="too few documents: no interval")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [c.replace("_", " ") for c in d["category"]])
    ax.invert_yaxis()
    ax.set(xlabel=f"Difference in hits per 1,000 tokens, {labels[0]} − {labels[1]}",
           ylabel="Category", title=f"{labels[0]} against {labels[1]}")
    fig.legend(frameon=False, loc="outside lower center", ncol=2, fontsize=8)
    return fig


@figure_styled
def plot_network(edges: pd.DataFrame) -> Figure:
    """The bipartite actor-concept network: actors on the left, concepts on the right, a line
    for each tie shown, its width following PMI (how much more often the two share a
    sentence than their frequencies predict). The layout is fixed: no random seed."""
    title = "Actors and concepts that share sentences more often than chance"
    if edges.empty:
        return plot_empty(title, "No actor and concept share enough sentences; lower "
                                 "min_sentences or add entries to the dictionaries.")
    actors = sorted(edges["actor"].unique())
    concepts = sorted(edges["concept"].unique())
    pos = {("a", a): (0.0, -i * (len(concepts) - 1) / max(len(actors) - 1, 1))
           for i, a in enumerate(actors)}
    pos |= {("c", c): (1.0, -i) for i, c in enumerate(concepts)}
    if len(concepts) == 1:
        pos |= {("a", a): (0.0, -i) for i, a in enumerate(actors)}
    fig = Figure(figsize=(8, 1.2 + 0.45 * max(len(actors), len(concepts))), layout="constrained")
    ax = fig.subplots()
    w = edges["pmi"].clip(lower=0).to_numpy(float)
    for row, width in zip(edges.itertuples(), 0.5 + 4.5 * w / (w.max() or 1), strict=True):
        (x0, y0), (x1, y1) = pos[("a", row.actor)], pos[("c", row.concept)]
        ax.plot([x0, x1], [y0, y1], color=OKABE_ITO[0], alpha=0.45, linewidth=width)
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
    pmi = edges["pmi"].to_numpy(float)  # the range shown is the data's, not the clipped widths
    ax.set_title(f"{title}\n(line width: PMI, from {pmi.min():.2f} to {pmi.max():.2f}"
                 + ("; below 0 drawn thinnest)" if pmi.min() < 0 else ")"))
    fig.legend(frameon=False, loc="outside lower center", ncol=2)
    return fig


@figure_styled
def plot_dispersion(positions: pd.DataFrame, terms: list[str]) -> Figure:
    """Lexical dispersion: where each term occurs, documents ordered by year along x.

    ``positions`` is a :func:`digiwelfare.dictionaries.terms_locate` table: ``term,
    year, x, doc_start`` (x: the document's rank by year plus the hit's relative position in
    it); ticks mark the first document of a year. A term with no hits says so in its label.
    """
    title = "Where the terms occur"
    if not terms:
        return plot_empty(title, "No terms were given.")
    fig = Figure(figsize=(10, 1.2 + 0.45 * len(terms)), layout="constrained")
    ax = fig.subplots()
    counts = positions["term"].value_counts()
    for i, term in enumerate(terms):
        x = positions.loc[positions["term"] == term, "x"]
        ax.plot(x, np.full(len(x), i), "|", color=OKABE_ITO[0], markersize=12)
    ax.set_yticks(range(len(terms)), [f"{t} ({counts.get(t, 0)})" if counts.get(t, 0)
                                      else f"{t} (no hits)" for t in terms])
    ax.set_ylim(len(terms) - 0.5, -0.5)
    starts = positions.attrs.get("year_starts") or dict(
        positions.drop_duplicates("year")[["year", "doc_start"]].itertuples(index=False))
    years = sorted(starts)
    step = max(1, -(-len(years) // 12))
    ax.set_xticks([starts[y] for y in years[::step]], [str(y) for y in years[::step]])
    n_docs = positions.attrs.get("n_documents")
    if n_docs:
        ax.set_xlim(0, n_docs)
    ax.set(xlabel="Documents in order of year (ticks: first document of the year)",
           ylabel="Term (hits)", title=title)
    if positions.empty:
        ax.text(0.5, 0.5, "None of these terms occurs in these documents.",
                transform=ax.transAxes, ha="center", va="center")
    return fig
