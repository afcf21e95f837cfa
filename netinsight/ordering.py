"""Row orders for the network tables: several keys packed into one integer sort, text ties broken last.

`sort_order` orders rows like ``numpy.lexsort`` with the first key primary, packing the keys
into one integer when they fit so a single stable sort does the work; only rows still tied
have their text compared. `text_rank` turns text into integer ranks once per distinct
value. Limits: keys must be numeric (NaN sorts last through the ``numpy.lexsort`` fallback).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["sort_order", "text_rank"]

IntArray = npt.NDArray[np.int64]


def sort_order(
    keys: Sequence[npt.NDArray[Any]],
    ties: Sequence[pd.Series[Any]] = (),
    *,
    tie_rows: Sequence[IntArray] | None = None,
) -> IntArray:
    """Row order by `keys` (first = primary, ascending), rows still tied ordered by the text `ties`.

    Only tied rows have their `ties` compared, so long text columns cost little. With
    `tie_rows`, ``ties[j]`` is a lookup table: row ``i`` is compared on
    ``ties[j].iloc[tie_rows[j][i]]``.

    Examples
    --------
    >>> sort_order([np.array([2, 1, 1])], [pd.Series(["a", "c", "b"])]).tolist()
    [2, 1, 0]
    """
    order = _key_order(keys) if len(keys) else np.arange(len(ties[0]) if ties else 0, dtype=np.int64)
    if not ties or len(order) < 2:
        return order.astype(np.int64)
    same = np.ones(len(order) - 1, dtype=bool)
    for key in keys:
        k = np.asarray(key)[order]
        same &= k[1:] == k[:-1]
    if not same.any():
        return order.astype(np.int64)
    tied = np.zeros(len(order), dtype=bool)
    tied[1:] |= same
    tied[:-1] |= same
    run = np.cumsum(np.concatenate([[True], ~same]))
    at = np.flatnonzero(tied)
    rows = order[at]
    looked_up = [rows if tie_rows is None else tie_rows[i][rows] for i in range(len(ties))]
    frame = pd.DataFrame(
        {"run": run[at], **{f"t{i}": t.iloc[looked_up[i]].to_numpy(dtype=object) for i, t in enumerate(ties)}}
    )
    frame = frame.sort_values(list(frame.columns), kind="stable")
    out = order.copy()
    out[at] = rows[frame.index.to_numpy()]
    return out.astype(np.int64)


def _key_order(keys: Sequence[npt.NDArray[Any]]) -> IntArray:
    """The stable row order by `keys` (first = primary), as `numpy.lexsort` of the reversed keys.

    The keys are turned into dense integer ranks and packed into one integer when they fit,
    so one stable argsort replaces a lexsort pass per key.
    """
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    span = 1
    for key in keys:
        k = np.asarray(key)
        low, high = (int(k.min()), int(k.max())) if k.dtype.kind in "iu" and len(k) else (0, -1)
        if k.dtype.kind in "iu" and high - low < 2 * len(k):
            rank, size = (k - low).astype(np.int64), high - low + 1
        elif k.dtype.kind in "iuf" and not np.isnan(k).any():
            codes, uniques = pd.factorize(k, sort=True)
            rank, size = codes.astype(np.int64), max(len(uniques), 1)
        else:
            return np.lexsort(list(keys)[::-1]).astype(np.int64)
        span *= size
        if span >= 2**62:
            return np.lexsort(list(keys)[::-1]).astype(np.int64)
        packed = packed * size + rank
    return np.argsort(packed, kind="stable").astype(np.int64)


def text_rank(values: pd.Series[Any], key: Callable[[str], Any] | None = None) -> IntArray:
    """Rank of each text value among the distinct values (after `key`), -1 missing.

    Examples
    --------
    >>> text_rank(pd.Series(["b", "A", None, "a"]), str.casefold).tolist()
    [1, 0, -1, 0]
    """
    codes, uniques = pd.factorize(values)
    keyed = pd.Series(np.asarray(uniques, dtype=object)).map(key) if key is not None else pd.Series(uniques)
    rank = pd.factorize(keyed, sort=True)[0]
    out = np.where(codes >= 0, rank[np.maximum(codes, 0)] if len(rank) else -1, -1)
    return out.astype(np.int64)
