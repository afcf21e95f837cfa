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


def test_first_codes_and_sorted_first_codes_are_factorize() -> None:
    import pandas as pd

    from netinsight.pairs import first_codes, sorted_first_codes

    rng = np.random.default_rng(0)
    cases = [np.zeros(0, dtype=np.int64), np.array([4]), np.array([2, 2, 2]), np.array([9, 1, 9, 0, 1, 5])]
    cases += [rng.integers(0, high, 500) for high in (1, 7, 1000)]
    cases += [
        np.sort(rng.integers(0, 50, 300)) * 1000 + rng.integers(0, 3, 300)
    ]  # sorted runs, as a log owner by owner
    for keys in cases:
        expected_codes, expected_uniques = pd.factorize(keys)
        for codes, uniques in (first_codes(keys, int(keys.max()) + 1 if len(keys) else 0), sorted_first_codes(keys)):
            assert codes.tolist() == expected_codes.tolist()
            assert uniques.tolist() == expected_uniques.tolist()
            assert codes.dtype == np.int64


def test_index_pairs_numbers_pairs_as_factorize_of_packed_keys() -> None:
    import pandas as pd

    rng = np.random.default_rng(1)
    for owners, people in ((1, 5), (3, 4), (20, 300)):
        owner, person = rng.integers(0, owners, 400), rng.integers(0, people, 400)
        index, codes = index_pairs(owner, person)
        expected, packed = pd.factorize(owner * people + person)
        assert codes.tolist() == expected.tolist()
        assert (index.owner * people + index.person).tolist() == np.asarray(packed).tolist()
