"""Tests of netinsight.pairs: (owner, person) pairs numbered in order of appearance, and lookups."""

from __future__ import annotations

import numpy as np

from netinsight.pairs import index_pairs


def test_pairs_by_hand_with_a_person_of_two_owners() -> None:
    # person 5 belongs to owners 0 and 1; person 2 to owner 0 only
    index, codes = index_pairs(np.array([0, 1, 0, 0, 1]), np.array([5, 5, 2, 5, 5]))
    assert codes.tolist() == [0, 1, 2, 0, 1]
    assert list(zip(index.owner.tolist(), index.person.tolist(), strict=True)) == [(0, 5), (1, 5), (0, 2)]
    asked = index.lookup(np.array([1, 0, 1, 0, 0]), np.array([5, 2, 2, -1, 9]))
    assert asked.tolist() == [1, 2, -1, -1, -1]  # (1, 2) is no pair; -1 and 9 are nobody


def test_single_and_empty() -> None:
    index, codes = index_pairs(np.array([3]), np.array([0]))
    assert codes.tolist() == [0]
    assert index.lookup(np.array([3, 2]), np.array([0, 0])).tolist() == [0, -1]
    empty = np.zeros(0, dtype=np.int64)
    index, codes = index_pairs(empty, empty)
    assert codes.tolist() == []
    assert index.lookup(np.array([0]), np.array([0])).tolist() == [-1]
