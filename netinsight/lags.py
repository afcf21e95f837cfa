"""Lags between dates in days, and whether they fall within a follow-up window (hours, days or business days).

The follow-up policies (`netinsight.policy`) judge notes and check-ins by these lags.
Date-only values (midnight) count in whole days; with both times known the lag is exact.
Business days are Monday to Friday (no holidays), counted with `numpy.busday_count`. On
``datetime64[ns]`` arrays the lags are worked out with integer passes over the nanoseconds,
giving the same values as NumPy's date arithmetic. Limits: windows are ``(amount, unit)``
pairs with unit ``"h"``, ``"d"`` or ``"bd"`` (see `netinsight.policy.FollowUpPolicy.window`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.outreach import business_day_counts

__all__ = ["as_datetimes", "lag_arrays", "lag_within", "lags_within"]

_DAY: Final = np.timedelta64(1, "D")
_DAY_NS: Final = 86_400_000_000_000
_NAT: Final = np.iinfo(np.int64).min
_NS: Final = np.dtype("datetime64[ns]")


def lag_within(
    start: pd.Series[Any], end: pd.Series[Any], window: tuple[float, str]
) -> tuple[pd.Series[Any], pd.Series[Any]]:
    """The lag from `start` to `end` in days, and whether it is within `window`.

    Date-only values (midnight) count in whole days; with both times known the lag is
    exact. Business-day windows compare days. Missing `end` -> NaN lag, not within.

    Parameters
    ----------
    start, end
        The dates to measure between (e.g. interview and thank-you dates). Not modified.
    window
        ``(amount, unit)`` as from `FollowUpPolicy.window`; unit ``"h"``, ``"d"`` or ``"bd"``.

    Returns
    -------
    lag_days : pandas.Series
        Calendar days (fractional when both have a time).
    within : pandas.Series
        Boolean.

    Examples
    --------
    >>> start = pd.Series(pd.to_datetime(["2026-03-06", "2026-03-06 09:00", "2026-03-06"], format="ISO8601"))
    >>> end = pd.Series(pd.to_datetime(["2026-03-09", "2026-03-07 12:00", None], format="ISO8601"))
    >>> lag, within = lag_within(start, end, (48, "h"))
    >>> lag.round(3).tolist(), within.tolist()
    ([3.0, 1.125, nan], [False, True, False])
    """
    lag, within = lag_arrays(as_datetimes(start), as_datetimes(end), window)
    return pd.Series(lag, dtype=float), pd.Series(within)


def as_datetimes(values: Any) -> npt.NDArray[np.datetime64]:
    """`values` (a Series, array or scalar) as a ``datetime64[ns]`` array (NaT where missing)."""
    out: npt.NDArray[np.datetime64] = pd.Series(values).to_numpy(dtype="datetime64[ns]")
    return out


def lag_arrays(
    start: npt.NDArray[np.datetime64], end: npt.NDArray[np.datetime64] | np.datetime64, window: tuple[float, str]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """`lag_within` on ``datetime64[ns]`` arrays: the lag in days (NaN when either is missing), and within.

    `end` may be one ``datetime64`` for every start (say, today).

    Examples
    --------
    >>> start = np.array(["2026-03-06", "2026-03-06T09:00"], dtype="datetime64[ns]")
    >>> lag, within = lag_arrays(start, np.array(["2026-03-09", "NaT"], dtype="datetime64[ns]"), (1, "bd"))
    >>> lag.tolist(), within.tolist()
    ([3.0, nan], [True, False])
    """
    lag, (within,) = lags_within(start, end, [window])
    return lag, within


def lags_within(
    start: npt.NDArray[np.datetime64],
    end: npt.NDArray[np.datetime64] | np.datetime64,
    windows: Sequence[tuple[float, str]],
) -> tuple[npt.NDArray[np.float64], list[npt.NDArray[np.bool_]]]:
    """`lag_arrays` for several windows at once: the lag is worked out once.

    Examples
    --------
    >>> start = np.array(["2026-03-06", "2026-03-02"], dtype="datetime64[ns]")
    >>> lag, (two_days, week) = lags_within(start, np.datetime64("2026-03-08", "ns"), [(48, "h"), (7, "d")])
    >>> lag.tolist(), two_days.tolist(), week.tolist()
    ([2.0, 6.0], [True, False], [True, True])
    """
    fast = start.dtype == _NS and np.asarray(end).dtype == _NS
    if fast:
        lag = _lag_days(start.view(np.int64), np.asarray(end).view(np.int64))
    if not fast or any(unit == "bd" for _, unit in windows):
        if np.ndim(end) == 0:  # one end for every start (e.g. today)
            end = np.full(len(start), end, dtype=start.dtype)
        s0, e0 = start.astype("datetime64[D]"), end.astype("datetime64[D]")
        if not fast:
            date_only = (start == s0) | (end == e0)  # NaT compares unequal: a missing end is judged by the start
            lag = np.where(date_only, (e0 - s0) / _DAY, (end - start) / _DAY)
    out: list[npt.NDArray[np.bool_]] = []
    for amount, unit in windows:
        if unit == "bd":
            out.append(business_day_counts(s0, e0) <= amount)
        else:
            with np.errstate(invalid="ignore"):
                out.append(lag * 24 <= amount * (24 if unit == "d" else 1) + 1e-9)
    return lag, out


def _lag_days(start: npt.NDArray[np.int64], end: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """The lag of `lag_arrays` on nanoseconds (``datetime64[ns]`` viewed as integers, NaT the smallest), in
    integer passes: whole days when either end is a date (midnight), else exact."""
    start_day, end_day = np.floor_divide(start, _DAY_NS), np.floor_divide(end, _DAY_NS)
    lag: npt.NDArray[np.float64] = (end_day - start_day).astype(np.float64)
    end_is_date = end.ndim == 0 and end != _NAT and end == end_day * _DAY_NS  # one date for every start: whole days
    if not end_is_date:
        date_only = (start == start_day * _DAY_NS) | (end == end_day * _DAY_NS)
        if not date_only.all():  # a time at both ends: the exact lag
            lag = np.where(date_only, lag, (end - start).astype(np.float64) / _DAY_NS)
    missing = (start == _NAT) | (end == _NAT)
    if missing.any():
        lag = np.where(missing, np.nan, lag)
    return lag
