"""Medians and quantiles per group on integer group codes, bit for bit as pandas, without sorting when it can.

`group_medians` (the middle value, or the mean of the two middle values) and
`group_median_quantile` (with a linearly interpolated quantile, as pandas' groupby
``median`` and ``quantile``) select each group's order statistics. Whole numbers in a small
range (counts, depths, lags in days) are read from a histogram per group (`histogram_medians`)
instead of a sort. Limits: values must be numbers; `group_medians` does not skip missing
values (drop them first), `group_median_quantile` skips NaN.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["group_median_quantile", "group_medians", "histogram_medians"]

Codes = npt.NDArray[np.int64]
IntArray = Codes
FloatArray = npt.NDArray[np.float64]


def group_medians(groups: Codes, values: npt.NDArray[Any], n_groups: int) -> npt.NDArray[np.float64]:
    """The median of `values` in each group (missing for a group without values).

    As ``Series.groupby(groups).median()``: the middle value, or the mean of the two middle
    values, in float64.

    Parameters
    ----------
    groups
        The group code of each value (0 to ``n_groups - 1``).
    values
        Numbers without missing values.
    n_groups
        The number of groups.

    Returns
    -------
    numpy.ndarray
        ``n_groups`` medians (float64; NaN where a group has no value).

    Examples
    --------
    >>> group_medians(np.array([0, 1, 0, 0, 1]), np.array([3, 1, 1, 2, 4]), 3).tolist()
    [2.0, 2.5, nan]
    """
    whole = np.asarray(values)
    if whole.dtype.kind in "iu" and len(whole):  # counts, depths: a histogram per group, without a float copy
        smallest, largest = int(whole.min()), int(whole.max())
        if (largest - smallest + 1) * n_groups <= 2 * len(whole) + 65536:
            return _histogram_medians(groups, whole - smallest, largest - smallest + 1, n_groups) + smallest
    numbers = np.asarray(values, dtype=np.float64)
    sizes = np.bincount(groups, minlength=n_groups)
    out = np.full(n_groups, np.nan)
    has = sizes > 0
    if not has.any():
        return out
    lo_rank, hi_rank = ((sizes - 1) // 2)[has], (sizes // 2)[has]
    low = float(numbers.min())
    span = float(numbers.max()) - low + 1
    if span * n_groups <= 2 * len(numbers) + 65536 and np.array_equal(numbers, np.floor(numbers)):
        # small whole numbers (counts, depths): the k-th value from a histogram per group, no sort
        width = int(span)
        hist = np.bincount(groups * width + (numbers - low).astype(np.int64), minlength=n_groups * width)
        cum = hist.reshape(n_groups, width)[has].cumsum(axis=1)
        first = low + (cum <= lo_rank[:, None]).sum(axis=1)
        second = low + (cum <= hi_rank[:, None]).sum(axis=1)
    else:
        ordered = numbers[np.lexsort((numbers, groups))]
        starts = (np.cumsum(sizes) - sizes)[has]
        first, second = ordered[starts + lo_rank], ordered[starts + hi_rank]
    out[has] = (first + second) / 2
    return out


def _histogram_medians(groups: Codes, offsets: npt.NDArray[Any], width: int, n_groups: int) -> npt.NDArray[np.float64]:
    """`group_medians` of whole numbers ``0 .. width - 1`` (`offsets`), from a histogram per group."""
    key = offsets if n_groups == 1 else groups * width + offsets
    return histogram_medians(np.bincount(key, minlength=n_groups * width).reshape(n_groups, width))


def histogram_medians(hist: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.float64]:
    """The median of each row of a histogram: ``hist[g, v]`` values ``v`` in group ``g`` (NaN for an empty row).

    As `group_medians` of the values the histogram counts.

    Examples
    --------
    >>> histogram_medians(np.array([[0, 2, 1], [0, 1, 1], [0, 0, 0]])).tolist()
    [1.0, 1.5, nan]
    """
    sizes = hist.sum(axis=1)
    out = np.full(len(hist), np.nan)
    has = sizes > 0
    lo_rank, hi_rank = ((sizes - 1) // 2)[has], (sizes // 2)[has]
    cum = hist[has].cumsum(axis=1)
    first = (cum <= lo_rank[:, None]).sum(axis=1)
    second = (cum <= hi_rank[:, None]).sum(axis=1)
    out[has] = (first + second) / 2
    return out


def group_median_quantile(
    group: IntArray, values: FloatArray, n_groups: int, q: float
) -> tuple[FloatArray, FloatArray]:
    """Each group's median and `q` quantile of its non-NaN values (NaN for a group without any).

    Bit for bit as pandas' groupby ``median`` (the mean of the two middle values) and
    ``quantile(q)`` (linear interpolation). With few groups each group's order statistics are
    selected (`numpy.partition`), with many the values are sorted once.

    Examples
    --------
    >>> median, q90 = group_median_quantile(np.array([1, 0, 1, 1, 1]), np.array([3.0, 2.0, np.nan, 1.0, 0.0]), 3, 0.9)
    >>> median.tolist(), q90.round(3).tolist()
    ([2.0, 1.0, nan], [2.0, 2.6, nan])
    """
    known = ~np.isnan(values)
    v, g = (values, group) if known.all() else (values[known], group[known])
    count = np.bincount(g, minlength=n_groups).astype(np.int64)
    start = np.cumsum(count) - count
    low = np.floor(q * np.maximum(count - 1, 0)).astype(np.int64)
    wanted = np.stack([np.maximum(count - 1, 0) // 2, count // 2, low, np.minimum(low + 1, np.maximum(count - 1, 0))])
    if len(v):
        span = float(v.max()) - float(v.min()) + 1
        if span * n_groups <= 2 * len(v) + 65536 and np.array_equal(v, np.floor(v)):
            median, quantile = _whole_median_quantile(g, v, n_groups, q, count, wanted)
            return median, quantile
    small = np.int16 if n_groups < 2**15 else np.int64  # 16-bit keys sort by radix
    if n_groups > 64:
        order = np.argsort(v, kind="stable")
        arranged = v[order[np.argsort(g[order].astype(small), kind="stable")]]
    else:
        arranged = v[np.argsort(g.astype(small), kind="stable")] if n_groups > 1 else v.copy()
        for k in np.flatnonzero(count):
            part = arranged[start[k] : start[k] + count[k]]
            part.partition(np.unique(wanted[:, k]))  # the order statistics in place, in the copy
    last = max(len(arranged) - 1, 0)
    picked = arranged if len(arranged) else np.zeros(1)
    return _median_quantile([picked[np.minimum(start + w, last)] for w in wanted], count, q)


def _whole_median_quantile(
    group: IntArray, values: FloatArray, n_groups: int, q: float, count: IntArray, wanted: IntArray
) -> tuple[FloatArray, FloatArray]:
    """`group_median_quantile` of whole numbers with a small range: the order statistics from a histogram per group."""
    low = float(values.min())
    width = int(float(values.max()) - low) + 1
    offsets = (values - low).astype(np.int64)
    hist = np.bincount(offsets if n_groups == 1 else group * width + offsets, minlength=n_groups * width)
    cum = hist.reshape(n_groups, width).cumsum(axis=1)
    at = [low + (cum <= w[:, None]).sum(axis=1) for w in wanted]  # the w-th smallest value of each group
    return _median_quantile(at, count, q)


def _median_quantile(at: list[FloatArray], count: IntArray, q: float) -> tuple[FloatArray, FloatArray]:
    """The median and `q` quantile of each group from its order statistics `at` (see `group_median_quantile`)."""
    has = count > 0
    median = np.where(has, (at[0] + at[1]) / 2, np.nan)
    frac = (q * np.maximum(count - 1, 0).astype(np.float64)) % 1
    quantile = np.where(has, np.where(frac == 0, at[2], at[2] + (at[3] - at[2]) * frac), np.nan)
    return median, quantile
