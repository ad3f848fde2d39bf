"""The validation figures: labelled axes, intervals drawn whole inside the axes, the
matching outlined, empty inputs drawn as a note, the same PNG bytes twice."""

import numpy as np
import pandas as pd
import pytest

from digiwelfare.figures import figure_png, figure_write
from digiwelfare.figures_validation import (
    plot_dictionary_validity,
    plot_model_precision,
    plot_topic_match,
    sources_title,
)


def precision_table():
    rows = []
    for kind in ("word", "wordset"):
        for t in (1, 2, 3):
            p = 0.2 * t
            rows.append(("s", kind, "en", t, 10, 2, int(10 * p), p, max(p - 0.25, 0.0),
                         min(p + 0.3, 1.0)))
    return pd.DataFrame(rows, columns=["task_set", "kind", "language", "topic", "answers",
                                       "coders", "right", "precision", "ci_low", "ci_high"])


def segments(ax):
    """x-extents of the error bars drawn on ``ax``."""
    return [seg[:, 0] for coll in ax.collections for seg in coll.get_segments()]


def test_precision_figure_has_every_interval_inside_its_axis():
    table = precision_table()
    table.loc[0, ["ci_low", "ci_high"]] = [0.0, 1.0]
    fig = plot_model_precision(table, {1: "T1 a", 2: "T2 b", 3: "T3 c"},
                               {"word": 1 / 6, "wordset": 1 / 4}, "Simulated coders")
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    spans = segments(ax)
    assert len(spans) >= 6
    assert all(low < s.min() and s.max() < high for s in spans)
    assert ax.get_xlabel() and ax.get_ylabel() == "Topic"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["T1 a", "T2 b", "T3 c"]
    legend = " ".join(t.get_text() for t in fig.legends[0].get_texts())
    assert "Word intrusion" in legend and "chance" in legend
    assert figure_png(fig) == figure_png(plot_model_precision(
        table, {1: "T1 a", 2: "T2 b", 3: "T3 c"}, {"word": 1 / 6, "wordset": 1 / 4},
        "Simulated coders"))


def test_validity_figure_draws_three_panels_and_skips_missing_recall(tmp_path):
    table = pd.DataFrame({"category": ["care", "control"], "precision": [0.8, 0.5],
                          "precision_low": [0.5, 0.2], "precision_high": [0.95, 0.8],
                          "recall": [0.3, np.nan], "recall_low": [0.1, np.nan],
                          "recall_high": [0.6, np.nan], "f1": [0.44, np.nan],
                          "f1_low": [0.2, np.nan], "f1_high": [0.7, np.nan]})
    fig = plot_dictionary_validity(table, "Simulated coders")
    assert [ax.get_xlabel() for ax in fig.axes] == ["Precision", "Recall", "F1"]
    assert len(segments(fig.axes[0])) == 2 and len(segments(fig.axes[1])) == 1
    figure_write(fig, tmp_path / "v.png")


def test_heat_map_outlines_the_matching_and_writes_values():
    match = pd.DataFrame({"route": "documents", "topic_en": [1, 1, 2, 2],
                          "label_en": ["E1", "E1", "E2", "E2"], "topic_nb": [1, 2, 1, 2],
                          "label_nb": ["N1", "N2", "N1", "N2"], "value": [0.1, 0.9, 0.7, -0.2],
                          "matched": [False, True, True, False]})
    fig = plot_topic_match(match, "documents", "English and Norwegian topics")
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["-0.20", "0.10", "0.70", "0.90"]
    outlined = [(p.get_x() + 0.5, p.get_y() + 0.5) for p in ax.patches]
    assert sorted(outlined) == [(0.0, 1.0), (1.0, 0.0)]  # (column, row): 1-2 and 2-1
    assert "'nb' model" in ax.get_xlabel() and "'en' model" in ax.get_ylabel()
    assert fig.axes[1].get_ylabel().startswith("Correlation")


@pytest.mark.parametrize("make", [
    lambda: plot_model_precision(precision_table().iloc[:0], {}, {}, "x"),
    lambda: plot_dictionary_validity(pd.DataFrame(columns=["category"]), "x"),
    lambda: plot_topic_match(pd.DataFrame(columns=["route", "topic_en", "label_en", "topic_nb",
                                                   "label_nb", "value", "matched"]),
                             "documents", "x"),
])
def test_empty_inputs_draw_a_note(make, tmp_path):
    fig = make()
    figure_write(fig, tmp_path / "e.png")
    assert fig.axes[0].texts


def test_titles_say_whose_answers_they_show():
    assert sources_title(["simulated", "simulated"]).startswith("Simulated coders")
    assert sources_title(["coders"]) == "Coders"
    assert "simulated" in sources_title(["coders", "simulated"])


def test_an_estimate_on_its_bound_up_to_rounding_is_drawn_and_an_interval_never_clipped():
    """statsmodels' Wilson bound at k = n is 0.9999999999999999 while the share is 1.0: the
    figure is drawn (matplotlib refuses a negative arm), with an arm of 0 there; an interval
    that leaves its estimate outside by more than rounding is drawn whole, low to high."""
    from digiwelfare.figures_intervals import errorbar_intervals

    table = pd.DataFrame({"category": ["care"], "precision": [1.0], "precision_low": [0.65],
                          "precision_high": [0.9999999999999999], "recall": [1.0],
                          "recall_low": [0.1], "recall_high": [0.9999999999999998],
                          "f1": [1.0], "f1_low": [0.2], "f1_high": [1.0]})
    fig = plot_dictionary_validity(table, "Coders")
    assert np.allclose(segments(fig.axes[0])[0], [0.65, 1.0])
    fig = plot_empty_axes()
    ax = fig.axes[0]
    errorbar_intervals(ax, [0.5, 0.9], [0, 1], [0.1, 0.2], [0.8, 0.6], fmt="o")
    spans = sorted((s.min(), s.max()) for s in segments(ax))
    assert any(np.allclose(s, (0.2, 0.6)) for s in spans)  # the interval beside its estimate
    assert any(np.allclose(s, (0.1, 0.8)) for s in spans)


def plot_empty_axes():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.subplots()
    return fig
