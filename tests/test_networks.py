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


def test_counts_stay_integers_and_ties_sort_by_name():
    # Two actors with the same pattern (each in sentence a/0 with control, 2 of 4 sentences
    # with control): the same PMI, so they sort by name; one actor with two concepts of the
    # same PMI sorts them by name too.
    actors = _sentences([("a", 0, "zeta"), ("a", 0, "alpha"), ("a", 1, "beta")])
    concepts = _sentences([("a", 0, "control"), ("a", 2, "control"), ("a", 1, "risk"),
                           ("a", 1, "care"), ("a", 3, "risk"), ("a", 3, "care")])
    edges = textstat_network(actors, concepts, n_sentences=4)
    # alpha/zeta-control: 1 * 4 / (1 * 2) = 2 (pmi 1); beta-care, beta-risk: the same
    assert edges[["actor", "concept"]].values.tolist() == [
        ["alpha", "control"], ["beta", "care"], ["beta", "risk"], ["zeta", "control"]]
    assert edges["pmi"].tolist() == pytest.approx([1.0] * 4)
    assert edges["n_sentences"].tolist() == [4] * 4
    for column in ("both", "sentences_actor", "sentences_concept"):
        assert pd.api.types.is_integer_dtype(edges[column]), column
    pairs = textstat_cooccurrence(concepts, n_sentences=4)
    assert pairs["n_sentences"].tolist() == [4]  # care-risk, in 2 of 4 sentences each: lift 2
    assert pairs["lift"].tolist() == pytest.approx([2.0])
    empty = textstat_cooccurrence(concepts.iloc[:0], n_sentences=4)
    assert empty["lift"].dtype == float and empty["pmi"].dtype == float


def test_projection_by_hand():
    # Actors w, x, y, z and concepts c1, c2, with PMIs given. z-c1 has PMI 0 exactly (as
    # often as chance): not an attraction, left out. Through c1: x-y min(1, 0.5) = 0.5;
    # through c2: x-y min(2, 3) = 2, and every pair with w or z 0.25. So x-y weighs 2.5
    # (2 shared concepts); the five pairs at 0.25 sort by source, then target.
    edges = pd.DataFrame([("x", "c1", 2, 1.0), ("y", "c1", 2, 0.5), ("z", "c1", 5, 0.0),
                          ("x", "c2", 1, 2.0), ("y", "c2", 1, 3.0), ("z", "c2", 3, 0.25),
                          ("w", "c2", 3, 0.25)], columns=["actor", "concept", "both", "pmi"])
    got = network_projection(edges, "actor")
    assert got[["source", "target", "shared"]].values.tolist() == [
        ["x", "y", 2], ["w", "x", 1], ["w", "y", 1], ["w", "z", 1], ["x", "z", 1],
        ["y", "z", 1]]
    assert got["weight"].tolist() == pytest.approx([2.5] + [0.25] * 5)
    # at least 2 sentences: only c1's ties and z-c2, w-c2 remain
    two = network_projection(edges, "actor", min_both=2)
    assert two[["source", "target"]].values.tolist() == [["x", "y"], ["w", "z"]]
    assert two["weight"].tolist() == pytest.approx([0.5, 0.25])
