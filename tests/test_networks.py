"""Category co-occurrence and the actor-concept network, worked by hand."""

import math

import pandas as pd
import pytest

from digiwelfare.networks import (
    NETWORK_COLUMNS,
    network_projection,
    textstat_cooccurrence,
    textstat_network,
)


def _sentences(rows):
    return pd.DataFrame(rows, columns=["id", "sentence", "category"]).assign(hits=1)


ACTORS = _sentences([("a", 0, "managers"), ("a", 1, "caseworkers"), ("b", 0, "managers"),
                     ("b", 1, "managers"), ("b", 2, "users")])
CONCEPTS = _sentences([("a", 0, "control"), ("a", 0, "care"), ("a", 1, "control"),
                       ("b", 0, "control"), ("b", 2, "care"), ("b", 3, "care")])


def test_network_ties_carry_counts_and_pmi_by_hand():
    edges = textstat_network(ACTORS, CONCEPTS, n_sentences=8)
    assert list(edges.columns) == NETWORK_COLUMNS
    got = edges.set_index(["actor", "concept"])
    # managers in 3 of 8 sentences, control in 3, both in 2: lift 2 * 8 / 9
    mc = got.loc[("managers", "control")]
    assert (mc.both, mc.sentences_actor, mc.sentences_concept) == (2, 3, 3)
    assert mc.expected == pytest.approx(9 / 8) and mc.lift == pytest.approx(16 / 9)
    assert mc.pmi == pytest.approx(math.log2(16 / 9))
    # users in 1 sentence, care in 3, both in 1: lift 8 / 3
    assert got.loc[("users", "care"), "pmi"] == pytest.approx(math.log2(8 / 3))
    assert edges["pmi"].is_monotonic_decreasing


def test_projection_uses_the_same_measure():
    edges = textstat_network(ACTORS, CONCEPTS, n_sentences=8)
    actors = network_projection(edges, "actor")
    # caseworkers-control: lift 1 * 8 / (1 * 3) ; managers-control 16/9: both attracted
    row = actors.set_index(["source", "target"]).loc[("caseworkers", "managers")]
    assert row.weight == pytest.approx(min(math.log2(8 / 3), math.log2(16 / 9)))
    assert row.shared == 1
    concepts = network_projection(edges, "concept")
    # managers are drawn to control but not to care (lift 8/9): no concept pair is tied
    assert concepts.empty and list(concepts.columns) == ["source", "target", "weight", "shared"]
    with pytest.raises(ValueError, match="side"):
        network_projection(edges, "both")


def test_cooccurrence_lift_by_hand_and_empty_input():
    pairs = textstat_cooccurrence(CONCEPTS, n_sentences=4)
    assert pairs[["category_a", "category_b", "both", "sentences_a", "sentences_b"]
                 ].values.tolist() == [["care", "control", 1, 3, 3]]
    assert pairs["lift"].iloc[0] == pytest.approx(1 * 4 / 9)
    empty = textstat_cooccurrence(CONCEPTS.iloc[:0], n_sentences=4)
    assert empty.empty and "lift" in empty.columns
    none = textstat_network(ACTORS.iloc[:0], CONCEPTS, n_sentences=8)
    assert none.empty and list(none.columns) == NETWORK_COLUMNS
