"""Tests of netinsight.layout: the tidy tree's properties, checked on positions (nothing drawn)."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from netinsight.layout import tidy_tree_layout


def random_tree(seed: int, n: int = 40) -> dict[int, list[int]]:
    rng = np.random.default_rng(seed)
    children: dict[int, list[int]] = {0: []}
    for node in range(1, n):
        parent = int(rng.integers(0, node))
        children.setdefault(parent, []).append(node)
        children[node] = []
    return children


def depths(children: dict[int, list[int]]) -> dict[int, int]:
    out = {0: 0}
    for parent in sorted(children):
        for kid in children[parent]:
            out[kid] = out[parent] + 1
    return out


@pytest.mark.parametrize("seed", range(8))
def test_generations_aligned_parents_centred_no_overlaps_no_crossings(seed: int) -> None:
    tree = random_tree(seed)
    pos = tidy_tree_layout(tree, root=0)
    depth = depths(tree)
    assert set(pos) == set(tree)
    for node, (_, y) in pos.items():
        assert y == -depth[node]
    for parent, kids in tree.items():
        if kids:
            xs = [pos[k][0] for k in kids]
            assert xs == sorted(xs)  # children keep their order, left to right
            assert pos[parent][0] == pytest.approx((xs[0] + xs[-1]) / 2)
    parent_of = {k: p for p, kids in tree.items() for k in kids}
    for level in set(depth.values()):
        row = sorted((pos[n][0], n) for n in tree if depth[n] == level)
        xs = [x for x, _ in row]
        assert all(b - a >= 1.0 - 1e-9 for a, b in itertools.pairwise(xs))  # no two nodes overlap
        if level:
            parent_xs = [pos[parent_of[n]][0] for _, n in row]
            assert parent_xs == sorted(parent_xs)  # edges between two generations never cross


def test_hand_worked_positions_and_determinism() -> None:
    tree = {"me": ["ana", "cy"], "ana": ["ben", "bo"]}
    pos = tidy_tree_layout(tree)
    assert pos == {"me": (1.25, 0.0), "ana": (0.5, -1.0), "ben": (0.0, -2.0), "bo": (1.0, -2.0), "cy": (2.0, -1.0)}
    assert tidy_tree_layout(tree) == pos
    assert tidy_tree_layout(tree, spacing=2.0)["cy"] == (4.0, -1.0)


def test_digraph_input_and_a_forest_side_by_side() -> None:
    G = nx.DiGraph([("a", "a1"), ("a", "a2"), ("b", "b1")])
    pos = tidy_tree_layout(G)
    assert pos["a"] == (0.5, 0.0)
    assert pos["b"] == (2.0, 0.0)
    assert max(pos[n][0] for n in ("a", "a1", "a2")) < min(pos[n][0] for n in ("b", "b1"))


def test_single_node_and_empty() -> None:
    assert tidy_tree_layout({"me": []}) == {"me": (0.0, 0.0)}
    assert tidy_tree_layout({}) == {}


def test_not_a_tree() -> None:
    with pytest.raises(ValueError, match=r"`G` is not a tree: 'c' has two parents, 'a' and 'b'"):
        tidy_tree_layout({"r": ["a", "b"], "a": ["c"], "b": ["c"]})
    with pytest.raises(ValueError, match=r"`G` has a cycle"):
        tidy_tree_layout({"a": ["b"], "b": ["a"]}, root="a")
