"""Tests of netinsight.forest: the parent-array passes on tiny literal forests, including the empty one."""

from __future__ import annotations

import numpy as np

from netinsight.forest import ancestor_pairs, depths, levels, subtree_sums


def test_depths_stop_on_a_cycle_and_an_outside_parent() -> None:
    parent = np.array([-1, 0, 3, 2, -2, 1])
    assert depths(parent).tolist() == [1, 2, -1, -1, -1, 3]


def test_levels_and_subtree_sums() -> None:
    parent = np.array([-1, 0, 0, 1, -1])
    depth = depths(parent)
    assert [lv.tolist() for lv in levels(depth)] == [[0, 4], [1, 2], [3]]
    assert subtree_sums(parent, depth).tolist() == [4.0, 2.0, 1.0, 1.0, 1.0]
    assert subtree_sums(parent, depth, np.array([0, 1, 0, 5, 2])).tolist() == [6.0, 6.0, 0.0, 5.0, 2.0]


def test_ancestor_pairs_with_and_without_self() -> None:
    parent, depth = np.array([-1, 0, 1]), np.array([1, 2, 3])
    below, above = ancestor_pairs(parent, depth, np.arange(3), self_too=True)
    assert sorted(zip(below.tolist(), above.tolist(), strict=True)) == [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]


def test_empty_forest() -> None:
    empty = np.zeros(0, dtype=np.int64)
    assert depths(empty).tolist() == []
    assert levels(empty) == []
    assert [a.tolist() for a in ancestor_pairs(empty, empty, empty, self_too=False)] == [[], []]
