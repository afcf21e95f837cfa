"""Boolean flags counted per group in one pass: how many rows of each group have each flag, and whether any does.

The analyses count several flags per group (notes on time, check-ins, referrals ... per
program; funnel stages per student). Counting each flag with ``numpy.bincount(group[flag])``
reads the rows once per flag; `flag_counts` and `flags_present` pack the flags of a row into
one small integer and read the rows once. Limits: beyond 16 flags, or when groups times
flag combinations would make a large table, each flag is counted on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["flag_counts", "flags_present"]

IntArray = npt.NDArray[np.int64]


def _flag_bits(flags: Sequence[npt.NDArray[np.bool_]], n: int) -> npt.NDArray[np.integer[Any]]:
    """The flags of each row packed into one small integer (flag i is bit i)."""
    bits: npt.NDArray[np.integer[Any]] = np.zeros(n, dtype=np.uint8 if len(flags) <= 8 else np.uint16)
    for i, flag in enumerate(flags):
        np.bitwise_or(bits, np.asarray(flag, dtype=bool).view(np.uint8).astype(bits.dtype, copy=False) << i, out=bits)
    return bits


def _has_bit(n_flags: int) -> npt.NDArray[np.bool_]:
    """For each flag, which packed values (see `_flag_bits`) have it: shape (flags, 2**flags)."""
    values = np.arange(1 << n_flags)
    return ((values[None, :] >> np.arange(n_flags)[:, None]) & 1).astype(bool)


def flag_counts(group: IntArray, flags: Sequence[npt.NDArray[np.bool_]], n_groups: int) -> IntArray:
    """How many rows of each group have each flag: ``np.bincount(group[flag])`` for every flag, in one pass.

    The flags are packed into one small integer per row and the (group, flags) combinations
    counted once; with many groups each flag is counted on its own.

    Examples
    --------
    >>> flags = [np.array([True, False, True]), np.array([False, False, True])]
    >>> flag_counts(np.array([0, 1, 1]), flags, 3).tolist()
    [[1, 1, 0], [0, 1, 0]]
    """
    k = len(flags)
    width = 1 << k
    if not k or n_groups * width > 4 * len(group) + 4096:
        counts = [np.bincount(group[np.asarray(flag, dtype=bool)], minlength=n_groups) for flag in flags]
        return np.array(counts, dtype=np.int64).reshape(k, n_groups)
    combos = np.bincount(group * width + _flag_bits(flags, len(group)), minlength=n_groups * width)
    out: IntArray = combos.reshape(n_groups, width) @ _has_bit(k).T.astype(np.int64)
    return np.ascontiguousarray(out.T)


def flags_present(group: IntArray, flags: Sequence[npt.NDArray[np.bool_]], n_groups: int) -> npt.NDArray[np.bool_]:
    """Whether each group has at least one row with each flag (shape: flags x groups), in one pass.

    Examples
    --------
    >>> flags = [np.array([True, False, True]), np.array([False, False, True])]
    >>> flags_present(np.array([0, 1, 1]), flags, 3).tolist()
    [[True, True, False], [False, True, False]]
    """
    k = len(flags)
    width = 1 << k
    if not k or n_groups * width > 16 * len(group) + 65536:
        return np.array([np.bincount(group[flag], minlength=n_groups) > 0 for flag in flags]).reshape(k, n_groups)
    seen = np.zeros(n_groups * width, dtype=bool)
    seen[group * width + _flag_bits(flags, len(group))] = True
    found = np.flatnonzero(seen)  # the distinct (group, flags) combinations, by group
    groups, bits = found >> k, found & (width - 1)
    starts = np.flatnonzero(np.diff(groups, prepend=-1))
    any_bits = np.bitwise_or.reduceat(bits, starts) if len(starts) else bits  # each group's flags, together
    out = np.zeros((k, n_groups), dtype=bool)
    out[:, groups[starts]] = (any_bits[None, :] >> np.arange(k)[:, None]) & 1 == 1
    return out
