"""Lags in days and windows: the integer passes give what NumPy's date arithmetic gives, NaT and times included."""

from __future__ import annotations

import numpy as np
import pytest

from netinsight.lags import lag_arrays, lags_within
from netinsight.outreach import business_day_counts

_DAY = np.timedelta64(1, "D")
_DAY_NS = 86_400_000_000_000


def _old_lag_arrays(start: np.ndarray, end: np.ndarray, window: tuple[float, str]) -> tuple[np.ndarray, np.ndarray]:
    """The lags as they were worked out before, with datetime64 arithmetic (the reference)."""
    amount, unit = window
    s0, e0 = start.astype("datetime64[D]"), end.astype("datetime64[D]")
    date_only = (start == s0) | (end == e0)
    lag = np.where(date_only, (e0 - s0) / _DAY, (end - start) / _DAY)
    if unit == "bd":
        return lag, business_day_counts(s0, e0) <= amount
    with np.errstate(invalid="ignore"):
        return lag, lag * 24 <= amount * (24 if unit == "d" else 1) + 1e-9


def _dates(seed: int, n: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    # dates before and after 1970, half of them with a time, lags of -10 to 40 days, 5 % NaT at either end
    rng = np.random.default_rng(seed)
    start = rng.integers(-30000, 30000, n) * _DAY_NS + np.where(rng.random(n) < 0.5, rng.integers(0, _DAY_NS, n), 0)
    end = start + rng.integers(-10, 40, n) * _DAY_NS
    end += np.where(rng.random(n) < 0.5, rng.integers(-_DAY_NS, _DAY_NS, n), 0)
    start[rng.random(n) < 0.05] = np.iinfo(np.int64).min
    end[rng.random(n) < 0.05] = np.iinfo(np.int64).min
    return start.view("datetime64[ns]"), end.view("datetime64[ns]")


@pytest.mark.parametrize("window", [(48, "h"), (24, "h"), (1.5, "d"), (30, "d"), (3, "bd")])
def test_lags_equal_the_datetime_arithmetic_bit_for_bit(window: tuple[float, str]) -> None:
    start, end = _dates(1)
    expected_lag, expected_within = _old_lag_arrays(start, end, window)
    lag, within = lag_arrays(start, end, window)
    np.testing.assert_array_equal(lag, expected_lag)
    assert np.array_equal(np.signbit(lag), np.signbit(expected_lag))
    np.testing.assert_array_equal(within, expected_within)
    for today in (np.datetime64("2026-11-01", "ns"), np.datetime64("1969-07-20T20:17", "ns")):  # one end for all
        expected_lag, expected_within = _old_lag_arrays(start, np.full(len(start), today), window)
        lag, within = lag_arrays(start, today, window)
        np.testing.assert_array_equal(lag, expected_lag)
        np.testing.assert_array_equal(within, expected_within)


def test_several_windows_share_one_lag() -> None:
    start, end = _dates(2, 500)
    windows = [(48, "h"), (3, "bd"), (30, "d")]
    lag, withins = lags_within(start, end, windows)
    for window, within in zip(windows, withins, strict=True):
        np.testing.assert_array_equal(within, lag_arrays(start, end, window)[1])
    np.testing.assert_array_equal(lag, lag_arrays(start, end, windows[0])[0])


def test_lags_of_empty_and_single_dates_and_other_units() -> None:
    empty = np.zeros(0, dtype="datetime64[ns]")
    assert lag_arrays(empty, empty, (48, "h"))[0].shape == (0,)
    one = np.array(["2026-03-06T09:00"], dtype="datetime64[ns]")
    assert lag_arrays(one, np.array(["2026-03-07T21:00"], dtype="datetime64[ns]"), (36, "h"))[1].tolist() == [True]
    seconds = np.array(["2026-03-06T09:00"], dtype="datetime64[s]")  # another unit: the datetime arithmetic
    assert lag_arrays(seconds, np.array(["2026-03-08"], dtype="datetime64[s]"), (2, "d"))[0].tolist() == [2.0]
