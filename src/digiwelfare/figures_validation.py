"""Figures of validation by people: how often coders found the intruder in each topic, how
well each dictionary category finds what it claims to, and which topics of two languages
correspond. Same conventions as :mod:`digiwelfare.figures` (no pyplot, colour-blind-safe
colours, nothing saved here)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from digiwelfare.figures import OKABE_ITO, figure_styled, plot_empty
from digiwelfare.figures_intervals import errorbar_intervals
from digiwelfare.gibbs import window_size

KIND_LABELS = {"word": "Word intrusion", "wordset": "Word-set intrusion",
               "topic": "Topic intrusion"}


def sources_title(sources) -> str:
    """Whose answers a figure shows, for its title: coders, simulated coders, or both."""
    found = set(sources)
    if found == {"simulated"}:
        return "Simulated coders (a demonstration)"
    return "Coders" if "simulated" not in found else "Coders and simulated coders (see tables)"


def _interval(ax, x, low, high, y, color, label, marker="o"):
    errorbar_intervals(ax, x, y, low, high, fmt=marker, color=color, capsize=2, markersize=5,
                       label=label)


@figure_styled
def plot_model_precision(precision: pd.DataFrame, labels: dict[int, str], chance: dict[str, float],
                         title: str) -> Figure:
    """Model precision per topic (:func:`digiwelfare.intrusion.textstat_model_precision`),
    one colour per kind of task, with 95 % Wilson intervals, and each kind's chance level
    (one over the number of options) as a dashed line. ``title`` says whose answers these
    are (real or simulated coders)."""
    if precision.empty:
        return plot_empty(title, "No answers to score.")
    topics = sorted(precision["topic"].unique())
    kinds = [k for k in KIND_LABELS if k in set(precision["kind"])]
    fig = Figure(figsize=(7.5, 1.4 + 0.42 * len(topics)), layout="constrained")
    ax = fig.subplots()
    y_of = {t: i for i, t in enumerate(topics)}
    shift = np.linspace(-0.15, 0.15, len(kinds)) if len(kinds) > 1 else [0.0]
    for kind, dy, color, marker in zip(kinds, shift, OKABE_ITO, "osD", strict=False):
        d = precision[precision["kind"] == kind]
        y = d["topic"].map(y_of).to_numpy() + dy
        _interval(ax, d["precision"], d["ci_low"], d["ci_high"], y, color,
                  f"{KIND_LABELS[kind]} (95 % interval)", marker)
        if kind in chance:
            ax.axvline(chance[kind], color=color, linestyle="--", linewidth=1,
                       label=f"chance, {KIND_LABELS[kind].lower()}")
    ax.set_yticks(range(len(topics)), [labels.get(int(t), f"T{t}") for t in topics])
    ax.invert_yaxis()
    ax.set_xlim(-0.03, 1.03)  # precision and its interval lie in [0, 1]: nothing is cut
    ax.set(xlabel="Model precision: share of answers that found the intruder", ylabel="Topic",
           title=title)
    fig.legend(frameon=False, loc="outside lower center", ncol=2, fontsize=8)
    return fig


@figure_styled
def plot_dictionary_validity(validity: pd.DataFrame, title: str) -> Figure:
    """Precision, recall and F1 of each category
    (:func:`digiwelfare.coding.textstat_dictionary_validity`) with their intervals, one
    panel each; a category without an estimate is left blank in that panel."""
    if validity.empty:
        return plot_empty(title, "No coded sentences to score.")
    d = validity.sort_values("category")
    y = np.arange(len(d))
    fig = Figure(figsize=(9, 1.6 + 0.38 * len(d)), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    for ax, measure, color, name in zip(axes, ("precision", "recall", "f1"), OKABE_ITO,
                                        ("Precision", "Recall", "F1"), strict=False):
        ok = d[measure].notna().to_numpy()
        _interval(ax, d[measure][ok], d[f"{measure}_low"][ok], d[f"{measure}_high"][ok],
                  y[ok], color, None)
        ax.set_xlim(-0.03, 1.03)
        ax.set(xlabel=name, title=name)
        ax.grid(axis="x", color="#ddd", linewidth=0.6)
    axes[0].set_yticks(y, [c.replace("_", " ") for c in d["category"]])
    axes[0].invert_yaxis()
    axes[0].set_ylabel("Category")
    fig.suptitle(title)
    return fig


@figure_styled
def plot_topic_match(match: pd.DataFrame, route: str, title: str) -> Figure:
    """Heat map of one route of :func:`digiwelfare.crosslingual.textstat_topic_match`: rows
    the first language's topics, columns the second's, each cell the pair's value (written
    in it), the one-to-one matching outlined in black. Correlations use a diverging palette
    centred on 0 (ColorBrewer's PuOr), cosine similarities a sequential one (cividis); both
    read in grey and with the common colour-vision deficiencies."""
    d = match[match["route"] == route]
    if d.empty or d["value"].isna().all():
        return plot_empty(title, f"No values for the route '{route}'.")
    col_a, label_a, col_b, label_b = d.columns[1:5]
    wide = d.pivot(index=col_a, columns=col_b, values="value")
    names_a = d.drop_duplicates(col_a).set_index(col_a)[label_a]
    names_b = d.drop_duplicates(col_b).set_index(col_b)[label_b]
    n_a, n_b = wide.shape
    fig = Figure(figsize=(2.6 + 0.75 * n_b, 1.8 + 0.45 * n_a), layout="constrained")
    ax = fig.subplots()
    if route == "documents":
        image = ax.imshow(wide.to_numpy(), cmap="PuOr", vmin=-1, vmax=1, aspect="auto")
        bar_label = "Correlation of topic proportions (Pearson r)"
    else:
        image = ax.imshow(wide.to_numpy(), cmap="cividis", vmin=0, vmax=1, aspect="auto")
        bar_label = "Similarity of category profiles (cosine)"
    for i in range(n_a):
        for j in range(n_b):
            v = wide.iat[i, j]
            if np.isfinite(v):
                dark = (route == "documents" and abs(v) > 0.6) or (route != "documents" and v < 0.5)
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
    for row in d[d["matched"].astype(bool)].itertuples(index=False):
        i, j = wide.index.get_loc(getattr(row, col_a)), wide.columns.get_loc(getattr(row, col_b))
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black",
                               linewidth=2))
    ax.set_yticks(range(n_a), [names_a[k] for k in wide.index])
    ax.set_xticks(range(n_b), [names_b[k] for k in wide.columns], rotation=35, ha="right")
    lang_a, lang_b = col_a.split("_")[1], col_b.split("_")[1]
    ax.set(xlabel=f"Topics of the '{lang_b}' model", ylabel=f"Topics of the '{lang_a}' model",
           title=title)
    fig.colorbar(image, ax=ax, label=bar_label, shrink=0.9)
    return fig


@figure_styled
def plot_chain_trace(trace, title: str) -> Figure:
    """A sampler's log joint probability of words and topics per token after each sweep
    (:func:`digiwelfare.gibbs.loglik`), the two windows that
    :func:`digiwelfare.gibbs.chain_settled` compares last shaded."""
    if not trace:
        return plot_empty(title, "This model has no sampling chain (gensim's variational fit).")
    n = len(trace)
    fig = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = fig.subplots()
    ax.plot(np.arange(1, n + 1), trace, color=OKABE_ITO[0], linewidth=1.4)
    q = window_size(n)
    if q:
        for lo, hi, shade, name in ((n - 2 * q, n - q, "#ececec", "window before"),
                                    (n - q, n, "#c8c8c8", "last window")):
            ax.axvspan(lo + 0.5, hi + 0.5, color=shade, zorder=0,
                       label=f"{name} (sweeps {lo + 1}-{hi})")
        fig.legend(frameon=False, loc="outside lower center", ncol=2, fontsize=8)
    ax.set(xlabel="Sweep", ylabel="log p(w, z) per token (nats)", title=title)
    ax.grid(color="#ddd", linewidth=0.6)
    return fig
