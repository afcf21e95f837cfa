"""Group keys as integer codes, and per-group counts, extremes and quantiles with NumPy, for the analyses' tables.

`group_codes` numbers the groups of a key frame in the order ``DataFrame.groupby(sort=True,
dropna=False, observed=True)`` gives them (a missing key is a group of its own, last), so an
analysis can aggregate with `numpy.bincount` and friends and only build the small final
table with pandas (`level_codes` does the same for keys already factorized). The other helpers
take those codes (`group_median_quantile` is `netinsight.groupmedians`'; flags are counted by
`netinsight.groupflags`). Limits: keys are compared as pandas compares them (categories in
their category order, text as text); codes are ``int64``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.groupmedians import group_median_quantile

__all__ = [
    "dense_codes",
    "distinct_per_group",
    "group_codes",
    "group_extremes",
    "group_median_quantile",
    "keyed_table",
    "level_codes",
    "rate_array",
    "value_codes",
]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def dense_codes(combined: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """Codes in 0..size-1 renumbered 0..k-1 in sorted order, and the k values used.

    Examples
    --------
    >>> [a.tolist() for a in dense_codes(np.array([7, 2, 7]), 10)]
    [[1, 0, 1], [2, 7]]
    """
    if size <= 4 * len(combined) + 4096:
        present = np.zeros(size, dtype=bool)
        present[combined] = True
        remap = np.cumsum(present) - 1
        return remap[combined], np.flatnonzero(present)
    used, inverse = np.unique(combined, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), used.astype(np.int64)


def group_codes(frame: pd.DataFrame) -> tuple[IntArray, pd.DataFrame]:
    """Each row's group as an integer code, and the table of the groups' keys.

    Parameters
    ----------
    frame
        One column per key, one row per row of the data (e.g. from `netinsight.groups.group_frame`).
        Not modified. Without columns every row is in one group.

    Returns
    -------
    codes : numpy.ndarray
        ``int64``, the group of each row, 0..G-1.
    keys : pandas.DataFrame
        G rows, the key values of each group (their dtypes kept), in the order of
        ``frame.groupby(list(frame.columns), sort=True, dropna=False, observed=True)``;
        without columns, one row (none for an empty frame) and no columns.

    Examples
    --------
    >>> frame = pd.DataFrame({"k": pd.Series(["b", None, "a", "b"], dtype="str")})
    >>> codes, keys = group_codes(frame)
    >>> codes.tolist(), keys["k"].tolist()
    ([1, 2, 0, 1], ['a', 'b', nan])
    """
    levels = [pd.factorize(frame[col], sort=True, use_na_sentinel=False) for col in frame.columns]
    return level_codes(levels, list(frame.columns), len(frame))


def level_codes(
    levels: Sequence[tuple[npt.NDArray[np.integer[Any]], pd.Index[Any] | npt.NDArray[Any]]],
    columns: Sequence[str],
    n: int,
) -> tuple[IntArray, pd.DataFrame]:
    """`group_codes` of keys already factorized: one ``(codes, uniques)`` per key, as from
    ``pandas.factorize(values, sort=True, use_na_sentinel=False)``.

    Parameters
    ----------
    levels
        Per key: the code of each of the `n` rows, and the key value of each code (sorted, a
        missing value last; values no row has are left out of the groups). Not modified.
    columns
        The name of each key.
    n
        The number of rows.

    Returns
    -------
    codes, keys
        As `group_codes`.

    Examples
    --------
    >>> codes, keys = level_codes([pd.factorize(pd.Series(["b", "a", "b"]), sort=True)], ["k"], 3)
    >>> codes.tolist(), keys["k"].tolist()
    ([1, 0, 1], ['a', 'b'])
    """
    columns = list(columns)
    if not columns:
        return np.zeros(n, dtype=np.int64), pd.DataFrame(index=range(1 if n else 0))
    combined = np.zeros(n, dtype=np.int64)
    size = 1
    kept: list[Any] = []  # each key's values (pandas Index or NumPy array), or a `_GroupLevels`
    for codes, uniques in levels:
        if size * max(len(uniques), 1) >= 2**62:  # keep the mixed-radix code in int64
            combined, used = dense_codes(combined, size)
            size = len(used)
            kept = [_GroupLevels(kept, used)]
        combined = combined * len(uniques) + codes if kept else codes.astype(np.int64, copy=False)
        size *= len(uniques)
        kept.append(uniques)
    if len(kept) == 1 and not isinstance(kept[0], _GroupLevels) and _every_code_used(combined, size):
        group, used = combined, np.arange(size, dtype=np.int64)  # one key, every value used: its codes are the groups
    else:
        group, used = dense_codes(combined, max(size, 1))
    return group, pd.DataFrame(_decode(kept, columns, used), index=range(len(used)))


def _every_code_used(codes: IntArray, size: int) -> bool:
    """Whether each of the codes 0..size-1 occurs in `codes`."""
    return len(codes) >= size and bool(np.count_nonzero(np.bincount(codes, minlength=size)) == size)


class _GroupLevels:
    """Several levels already compacted into one code (only for keys with astronomically many combinations)."""

    def __init__(self, levels: list[Any], used: IntArray) -> None:
        self.levels, self.used = levels, used

    def __len__(self) -> int:
        return len(self.used)


def _decode(levels: list[Any], columns: list[str], used: IntArray) -> dict[str, Any]:
    out: dict[str, Any] = {}
    rest = used
    names = list(columns)
    for level in reversed(levels):
        rest, code = np.divmod(rest, max(len(level), 1))
        if isinstance(level, _GroupLevels):
            k = len(level.levels)
            out.update(_decode(level.levels, names[-k:], level.used[code]))
            names = names[:-k]
        else:
            out[names.pop()] = level.take(code)
    return {c: out[c] for c in columns}


def distinct_per_group(group: IntArray, codes: IntArray, n_groups: int) -> tuple[IntArray, IntArray]:
    """How many distinct codes each group holds, and how many of them occur more than once in it.

    Negative codes (missing values) are left out.

    Examples
    --------
    >>> distinct, repeated = distinct_per_group(np.array([0, 0, 0, 1]), np.array([5, 5, -1, 5]), 3)
    >>> distinct.tolist(), repeated.tolist()
    ([1, 1, 0], [1, 0, 0])
    """
    keep = codes >= 0
    if not keep.all():
        group, codes = group[keep], codes[keep]
    if not len(codes):
        return np.zeros(n_groups, dtype=np.int64), np.zeros(n_groups, dtype=np.int64)
    width = int(codes.max()) + 1
    if width > 2 * len(codes) + 4096:  # sparse codes (e.g. pairs of codes): renumber them first
        codes = pd.factorize(codes)[0].astype(np.int64)
        width = int(codes.max()) + 1
    if n_groups * width <= len(codes) // 4 + 4096:  # a small table of counts
        counts = np.bincount(group * width + codes, minlength=n_groups * width).reshape(n_groups, width)
        return (counts > 0).sum(axis=1).astype(np.int64), (counts > 1).sum(axis=1).astype(np.int64)
    # Most codes (people) sit in one group: count the pairs with one group per code by bincount,
    # and hash only the rows of a code in another group.
    home = np.full(width, -1, dtype=np.int64)
    home[codes] = group  # one of each code's groups (whichever write wins)
    at_home = group == home[codes]
    everyone_home = bool(at_home.all())
    per_code = np.bincount(codes if everyone_home else codes[at_home], minlength=width)
    present = per_code > 0
    distinct = np.bincount(home[present], minlength=n_groups)
    repeated = np.bincount(home[per_code > 1], minlength=n_groups)
    away = ~at_home
    if not everyone_home:
        pair_codes, uniques = pd.factorize(group[away] * width + codes[away])
        owner = uniques // width
        distinct += np.bincount(owner, minlength=n_groups)
        repeated += np.bincount(owner[np.bincount(pair_codes) > 1], minlength=n_groups)
    return distinct.astype(np.int64), repeated.astype(np.int64)


def group_extremes(
    group: IntArray, values: npt.NDArray[Any], n_groups: int
) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    """The smallest and largest value of each group, skipping NaT (NaT for a group without values).

    Examples
    --------
    >>> days = np.array(["2026-01-05", "NaT", "2026-01-02"], dtype="datetime64[ns]")
    >>> low, high = group_extremes(np.array([0, 0, 0]), days, 2)
    >>> low.astype(str).tolist(), high.astype(str).tolist()
    (['2026-01-02T00:00:00.000000000', 'NaT'], ['2026-01-05T00:00:00.000000000', 'NaT'])
    """
    ints = values.view(np.int64)
    nat = np.iinfo(np.int64).min
    known = ints != nat
    low = np.full(n_groups, np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(n_groups, nat, dtype=np.int64)
    np.minimum.at(low, group[known], ints[known])
    np.maximum.at(high, group[known], ints[known])
    low[low == np.iinfo(np.int64).max] = nat
    return low.view(values.dtype), high.view(values.dtype)


def value_codes(values: pd.Series[Any]) -> IntArray:
    """Integer codes of `values`: equal values get equal codes, missing ones -1.

    Non-negative whole numbers (e.g. `netinsight.groups.person_key`) are their own codes;
    anything else is factorized.

    Examples
    --------
    >>> value_codes(pd.Series([3.0, np.nan, 0.0])).tolist(), value_codes(pd.Series(["b", None, "b"])).tolist()
    ([3, -1, 0], [0, -1, 0])
    """
    array = values.to_numpy()
    if array.dtype.kind in "iuf":
        known = ~np.isnan(array) if array.dtype.kind == "f" else np.ones(len(array), dtype=bool)
        ints = np.where(known, array, -1).astype(np.int64)
        if (ints[known] >= 0).all() and (array[known] == ints[known]).all():
            return ints
    return pd.factorize(values)[0].astype(np.int64)


def rate_array(numerator: npt.NDArray[Any], denominator: npt.NDArray[Any]) -> pd.arrays.FloatingArray:
    """`netinsight.groups.rate` on arrays: numerator / denominator rounded to 3 decimals, NA where it is 0.

    Examples
    --------
    >>> rate_array(np.array([1, 0, 0]), np.array([3, 4, 0])).tolist()
    [0.333, 0.0, <NA>]
    """
    num = np.asarray(numerator, dtype=np.float64)
    den = np.asarray(denominator, dtype=np.float64)
    empty = ~(den > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.round(num / np.where(empty, 1.0, den), 3)
    return pd.arrays.FloatingArray(np.where(empty, 0.0, values), empty)


def keyed_table(keys: pd.DataFrame, columns: dict[str, Any]) -> pd.DataFrame:
    """One DataFrame of the key table (from `group_codes`) followed by `columns` (arrays or scalars), built at once.

    Examples
    --------
    >>> keyed_table(pd.DataFrame({"k": ["a", "b"]}), {"n": np.array([2, 1]), "name": "x"}).values.tolist()
    [['a', 2, 'x'], ['b', 1, 'x']]
    """
    data = {c: keys[c].array for c in keys.columns}
    data.update(columns)
    return pd.DataFrame(data, index=pd.RangeIndex(len(keys)))
