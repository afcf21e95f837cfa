"""Flags counted per group in one pass: the same counts as one bincount per flag, on every path."""

from __future__ import annotations

import numpy as np
import pytest

from netinsight.groupflags import flag_counts, flags_present


@pytest.mark.parametrize(("n", "n_groups", "n_flags"), [(1000, 3, 6), (1000, 900, 7), (300, 5, 9), (50, 4, 0)])
def test_flags_counted_in_one_pass_equal_one_bincount_per_flag(n: int, n_groups: int, n_flags: int) -> None:
    # few groups: the packed path; many groups or 9 flags (16-bit packing): the per-flag path and the wide one
    rng = np.random.default_rng(n_groups + n_flags)
    group = rng.integers(0, n_groups, n)
    flags = [rng.random(n) < p for p in np.linspace(0.05, 0.95, n_flags)]
    expected = [np.bincount(group[f], minlength=n_groups) for f in flags]
    assert flag_counts(group, flags, n_groups).tolist() == [e.tolist() for e in expected]
    assert flags_present(group, flags, n_groups).tolist() == [(e > 0).tolist() for e in expected]


def test_flags_of_an_empty_log_and_of_groups_without_rows() -> None:
    empty = np.zeros(0, dtype=np.int64)
    assert flag_counts(empty, [np.zeros(0, dtype=bool)], 2).tolist() == [[0, 0]]
    assert flags_present(empty, [np.zeros(0, dtype=bool)], 0).shape == (1, 0)
    one = [np.array([True]), np.array([False])]
    assert flag_counts(np.array([1]), one, 3).tolist() == [[0, 1, 0], [0, 0, 0]]
    assert flags_present(np.array([1]), one, 3).tolist() == [[False, True, False], [False, False, False]]
