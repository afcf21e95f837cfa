"""Period labels of dates ("2026-03" months, Monday-start weeks), formatted once per distinct period.

`period_labels` turns a column of dates into text labels the way ``Series.dt.strftime``
would, but formats each distinct month or week once and repeats the labels by integer
codes, so a million dates cost a few vectorised passes; `period_codes` gives those codes
(in time order) and the labels without making the per-row text. Limits: only months and
weeks starting on Monday; time-zone-aware dates are labelled in their own wall-clock time.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["PERIOD_FORMATS", "period_codes", "period_labels"]

#: The periods `period_labels` knows and the ``strftime`` format of their labels.
PERIOD_FORMATS: Final[dict[str, str]] = {"month": "%Y-%m", "week": "%Y-%m-%d"}

_NAT: Final = np.iinfo(np.int64).min
_DAY_NS: Final = 86_400_000_000_000


def period_labels(dates: pd.Series[Any], period: str) -> pd.Series[Any]:
    """The label of each date's period: ``"2026-03"`` for a month, the Monday ``"2026-03-02"`` for a week.

    Parameters
    ----------
    dates
        Dates or times (datetime64 values). Not modified.
    period
        ``"month"`` or ``"week"`` (weeks start on Monday).

    Returns
    -------
    pandas.Series
        Text labels (string dtype) aligned with `dates`; a missing date has a missing label.

    Raises
    ------
    ValueError
        When `period` is neither ``"month"`` nor ``"week"``.

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2026-01-07 09:00", "2026-01-11 18:30", None, "2026-02-02 12:00"]))
    >>> period_labels(dates, "month").tolist()
    ['2026-01', '2026-01', nan, '2026-02']
    >>> period_labels(dates, "week").tolist()
    ['2026-01-05', '2026-01-05', nan, '2026-02-02']
    """
    codes, labels = period_codes(dates, period)
    return pd.Series(labels.take(codes), index=dates.index, name=dates.name)


def period_codes(dates: pd.Series[Any], period: str) -> tuple[npt.NDArray[np.int64], pd.Index[Any]]:
    """Each date's period as a code, in time order, and the label of each code (`period_labels` without the rows' text).

    Months and weeks are worked out per distinct day (a table over the span of days), so no
    calendar arithmetic runs per date.

    Parameters
    ----------
    dates
        Dates or times (datetime64 values). Not modified.
    period
        ``"month"`` or ``"week"`` (weeks start on Monday).

    Returns
    -------
    codes : numpy.ndarray
        One code per date (int64, from 0), in the order of the periods; a missing date has
        the last code.
    labels : pandas.Index
        The label of each code (text, as `period_labels`); missing (the last) when a date is.

    Raises
    ------
    ValueError
        When `period` is neither ``"month"`` nor ``"week"``.

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2026-02-07", None, "2026-01-11 18:30", "2026-02-02"], format="mixed"))
    >>> codes, labels = period_codes(dates, "month")
    >>> codes.tolist(), labels.tolist()
    ([1, 2, 0, 1], ['2026-01', '2026-02', nan])
    """
    if period not in PERIOD_FORMATS:
        msg = f"`period` must be one of {list(PERIOD_FORMATS)}, not {period!r}."
        raise ValueError(msg)
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)  # wall-clock time, as strftime shows it
    values = dates.to_numpy()
    if values.dtype != np.dtype("datetime64[ns]"):
        values = values.astype("datetime64[ns]")
    ints = values.view(np.int64)
    missing = ints == _NAT
    days = np.floor_divide(ints, _DAY_NS)
    known = days[~missing] if missing.any() else days
    first = int(known.min()) if len(known) else 0
    span = int(known.max()) - first + 1 if len(known) else 1
    table = np.arange(first, first + span, dtype=np.int64)  # every day from the first to the last
    if period == "month":
        starts = table.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").view(np.int64)
    else:  # 1970-01-01 was a Thursday: day + 3 counts days from a Monday
        starts = table - (table + 3) % 7
    offset = days - first
    if missing.any():
        offset[missing] = 0
    present = np.zeros(span, dtype=bool)
    present[offset[~missing] if missing.any() else offset] = True
    periods, dense = np.unique(starts[present], return_inverse=True)  # a few hundred distinct periods
    code_of_day = np.zeros(span, dtype=np.int64)
    code_of_day[present] = dense.reshape(-1)
    codes = code_of_day[offset]
    firsts = pd.DatetimeIndex(periods.astype("datetime64[D]").astype("datetime64[s]"))
    labels = pd.Index(firsts.strftime(PERIOD_FORMATS[period]))
    if missing.any():
        codes[missing] = len(labels)
        labels = labels.append(pd.Index(pd.array([None], dtype=labels.dtype)))
    return codes, labels
