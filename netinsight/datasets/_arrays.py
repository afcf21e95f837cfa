"""Array helpers every generator shares: string tables and look-ups, seeded choices, day numbers, dates.

Days are int64 days since 1970-01-01; in every look-up table an index of -1 gives a missing value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from pandas.api.extensions import ExtensionArray

from netinsight.datasets._vocabulary import _MONTHS

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]


def _strings(values: Sequence[str] | NDArray[np.str_]) -> ExtensionArray:
    return pd.array(list(values), dtype="str")


def _take(table: ExtensionArray, index: IntArray) -> pd.Series[str]:
    """Look `index` up in `table`; -1 gives a missing value."""
    return pd.Series(table.take(index, allow_fill=True), dtype="str")


def _hex(values: IntArray, width: int = 6) -> pd.Series[str]:
    """Lower-case hexadecimal, zero-padded to `width` digits."""
    digits = np.array(list("0123456789abcdef"))
    shifts = 4 * np.arange(width - 1, -1, -1)
    chars = np.ascontiguousarray(digits[(values[:, None] >> shifts) & 15])
    return pd.Series(chars.view(f"<U{width}").ravel(), dtype="str")


def _choice(rng: np.random.Generator, p: Sequence[float], size: int) -> IntArray:
    weights = np.asarray(p, dtype=np.float64)
    return rng.choice(weights.size, size, p=weights / weights.sum()).astype(np.int64)


def _floor(u: FloatArray, count: IntArray) -> IntArray:
    return np.minimum((u * count).astype(np.int64), np.maximum(count - 1, 0))


def _day_number(value: str | dt.date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def _window(start: str | dt.date, months: int) -> tuple[int, int]:
    """First and last day (days since 1970-01-01) of `months` months from `start`."""
    if months < 1:
        raise ValueError(f"months must be at least 1, got {months}")
    first = _day_number(start)
    end = pd.Timestamp(np.datetime64(first, "D")) + pd.DateOffset(months=months)
    return first, _day_number(end.date()) - 1


def _date_table(lo: int, hi: int) -> ExtensionArray:
    """Dates lo..hi written as ISO, ``3/14/2026``, ``14 Mar 2026`` and ``Mar 14, 2026`` (four blocks)."""
    days = np.arange(lo, hi + 1).astype("datetime64[D]")
    month_start = days.astype("datetime64[M]")
    year = pd.Series(days.astype("datetime64[Y]").astype(np.int64) + 1970).astype("str")
    month = month_start.astype(np.int64) % 12
    mon = pd.Series(np.array(_MONTHS)[month])
    dom = pd.Series((days - month_start).astype(np.int64) + 1).astype("str")
    iso = pd.Series(days.astype(str))
    us = pd.Series(month + 1).astype("str") + "/" + dom + "/" + year
    dmy = dom + " " + mon + " " + year
    mdy = mon + " " + dom + ", " + year
    return _strings(pd.concat([iso, us, dmy, mdy]).to_numpy(dtype=str))
