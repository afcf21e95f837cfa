from __future__ import annotations

import numpy as np
import pytest

from netinsight.sortcodes import run_starts, sorted_codes, sorted_firsts, sorted_order, sorted_unique


@pytest.mark.parametrize("high", [3, 1_000, 2**40, 2**62])  # the last is too wide to pack: a stable argsort
def test_sorted_order_is_a_stable_argsort(high: int) -> None:
    rng = np.random.default_rng(high % 97)
    values = rng.integers(-high, high, 2_000)
    before = values.copy()
    ordered, order = sorted_order(values)
    assert order.tolist() == np.argsort(values, kind="stable").tolist()
    assert ordered.tolist() == np.sort(values).tolist()
    assert values.tolist() == before.tolist()  # not modified without `overwrite`


def test_sorted_order_small_and_empty() -> None:
    assert [a.tolist() for a in sorted_order(np.array([], dtype=np.int64))] == [[], []]
    assert [a.tolist() for a in sorted_order(np.array([5]))] == [[5], [0]]
    assert [a.tolist() for a in sorted_order(np.array([2, 2, 2], dtype=np.int32))] == [[2, 2, 2], [0, 1, 2]]


def test_sorted_order_overwrite_sorts_in_the_callers_array() -> None:
    values = np.array([3, 1, 3, 0], dtype=np.int64)
    ordered, order = sorted_order(values, overwrite=True)
    assert (ordered.tolist(), order.tolist()) == ([0, 1, 3, 3], [3, 1, 0, 2])
    assert ordered is values
    frozen = np.array([3, 1], dtype=np.int64)
    frozen.flags.writeable = False
    assert sorted_order(frozen, overwrite=True)[0].tolist() == [1, 3]  # a read-only array is copied


def test_sorted_codes_is_a_sorted_factorize() -> None:
    rng = np.random.default_rng(0)
    values = rng.integers(-50, 50, 1_000)
    codes, uniques = sorted_codes(values)
    expected_uniques, expected_codes = np.unique(values, return_inverse=True)
    assert uniques.tolist() == expected_uniques.tolist()
    assert codes.tolist() == expected_codes.tolist()
    assert [a.tolist() for a in sorted_codes(np.array([], dtype=np.int64))] == [[], []]


def test_sorted_firsts_gives_the_first_position_of_each_value() -> None:
    values = np.array([4, 4, -1, 7, -1, 4])
    distinct, first = sorted_firsts(values)
    assert (distinct.tolist(), first.tolist()) == ([-1, 4, 7], [2, 0, 3])
    assert [a.tolist() for a in sorted_firsts(np.array([9]))] == [[9], [0]]


def test_run_starts_and_sorted_unique() -> None:
    assert run_starts(np.array([1, 1, 2, 2, 2, 5])).tolist() == [True, False, True, False, False, True]
    assert run_starts(np.array([], dtype=np.int64)).tolist() == []
    assert sorted_unique(np.array([3, -1, 3])).tolist() == [-1, 3]
    assert sorted_unique(np.array([], dtype=np.int64)).tolist() == []
