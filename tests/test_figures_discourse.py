"""The discourse plots: empty inputs draw a note, zero counts and small groups are marked."""

import numpy as np
import pandas as pd
import pytest

from digiwelfare.collocations import COLLOCATION_COLUMNS
from digiwelfare.figures import figure_write
from digiwelfare.figures_discourse import (
    plot_collocation_network,
    plot_dictionary_difference,
    plot_dictionary_rates,
    plot_dispersion,
    plot_keyness,
    plot_network,
)
from digiwelfare.keyness import KEYNESS_COLUMNS
from digiwelfare.networks import NETWORK_COLUMNS, textstat_network


def _texts(fig):
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts)


@pytest.mark.parametrize("make", [
    lambda: plot_keyness(pd.DataFrame(columns=KEYNESS_COLUMNS)),
    lambda: plot_collocation_network(pd.DataFrame(columns=COLLOCATION_COLUMNS)),
    lambda: plot_dictionary_rates(pd.DataFrame(columns=["group", "category", "rate"]), "Year"),
    lambda: plot_dictionary_difference(pd.DataFrame(columns=["category", "difference"])),
    lambda: plot_network(pd.DataFrame(columns=NETWORK_COLUMNS)),
    lambda: plot_dispersion(pd.DataFrame(columns=["term", "id", "year", "x", "doc_start"]),
                            ["trust"]),
])
def test_empty_inputs_draw_a_figure_with_a_note(make, tmp_path):
    fig = make()
    figure_write(fig, tmp_path / "empty.png")  # drawing must not fail either
    assert fig.axes[0].get_title() and _texts(fig)


def test_keyness_ranks_by_g2_and_marks_zero_counts_and_few_documents():
    table = pd.DataFrame({"term": ["solo", "big", "other"], "g2": [5.0, 50.0, 30.0],
                          "log_ratio": [9.0, 1.0, -2.0], "key_for": ["A", "A", "B"],
                          "zero_count": [True, False, False], "few_docs": [True, False, False],
                          "p_docs_bh": [0.5, 0.01, 0.01]})
    fig = plot_keyness(table, n=5, label_a="policy", label_b="research")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["big", "solo * °", "other"]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_width() == pytest.approx(9.0)
    legend = " ".join(t.get_text() for t in fig.legends[0].get_texts())
    assert "lower bound" in legend and "fewer than 3 documents" in legend and "°" in legend
    assert "policy / research" in ax.get_xlabel()


def test_dictionary_rates_leave_small_groups_without_an_interval():
    groups = pd.DataFrame({"group": ["x", "y"], "category": ["care", "care"],
                           "rate": [2.0, 3.0], "ci_low": [1.0, np.nan],
                           "ci_high": [4.0, np.nan], "few_docs": [False, True]})
    fig = plot_dictionary_rates(groups, "Document type")
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_xlim()[1] >= 4.0
    assert "too few documents" in " ".join(t.get_text() for t in fig.legends[0].get_texts())


def test_dispersion_names_terms_without_hits():
    positions = pd.DataFrame({"term": ["trust"], "id": ["d"], "year": [2020], "x": [0.5],
                              "doc_start": [0]})
    ax = plot_dispersion(positions, ["trust", "ai"]).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trust (1)", "ai (no hits)"]


def test_collocation_network_joins_nodes_through_a_shared_collocate():
    table = pd.DataFrame({"node": ["data", "data", "care"], "collocate": ["share", "store",
                                                                         "share"],
                          "log_dice": [10.0, 8.0, 12.0]})
    fig = plot_collocation_network(table, n=5)
    ax = fig.axes[0]
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["care", "data", "share", "store"]
    widths = ax.collections[0].get_linewidths()  # one edge per row, width from logDice
    assert len(widths) == 3 and min(widths) == pytest.approx(0.5) and max(widths) == 3.0
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["node", "collocate of several nodes", "collocate of one node"]
    assert "care, data" in ax.get_title()


def test_actor_network_draws_a_line_per_tie_and_states_the_pmi_range():
    edges = pd.DataFrame({"actor": ["nav", "nav", "municipality"],
                          "concept": ["control", "care", "care"], "pmi": [1.5, 0.25, -1.0]})
    fig = plot_network(edges)
    ax = fig.axes[0]
    assert len(ax.lines) == 3
    assert sorted(t.get_text() for t in ax.texts) == ["care", "control", "municipality", "nav"]
    assert "from -1.00 to 1.50" in ax.get_title()
    assert max(line.get_linewidth() for line in ax.lines) == pytest.approx(5.0)


def test_no_actor_found_gives_a_figure_that_says_so():
    # issue 14: a corpus where no actor occurs once crashed in the plot
    none = pd.DataFrame(columns=["id", "sentence", "category"])
    concepts = pd.DataFrame({"id": ["d1"], "sentence": [0], "category": ["care"]})
    edges = textstat_network(none, concepts, n_sentences=1)
    fig = plot_network(edges[edges["pmi"] > 0])
    assert "No actor and concept" in _texts(fig)


def test_dictionary_difference_holds_every_interval_and_marks_missing_ones():
    difference = pd.DataFrame({"category": ["care", "control", "data"],
                               "group_a": "policy_document", "group_b": "abstract",
                               "difference": [1.0, -2.0, 0.5],
                               "diff_low": [0.2, -4.5, np.nan],
                               "diff_high": [3.5, -0.5, np.nan]})
    fig = plot_dictionary_difference(difference)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    assert low <= -4.5 and high >= 3.5
    assert [t.get_text() for t in ax.get_yticklabels()] == ["care", "control", "data"]
    assert "Policy document − Abstract" in ax.get_xlabel()
    hollow = [line for line in ax.lines if line.get_markerfacecolor() == "none"]
    assert len(hollow) == 1 and list(hollow[0].get_xdata()) == [0.5]
