"""Period labels of dates ("2026-03" months, Monday-start weeks), formatted once per distinct period.

`period_labels` turns a column of dates into text labels the way ``Series.dt.strftime``
would, but formats each distinct month or week once and repeats the labels by integer
codes, so a million dates cost a few vectorised passes. Limits: only months and weeks
starting on Monday; time-zone-aware dates are labelled in their own wall-clock time.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd

__all__ = ["PERIOD_FORMATS", "period_labels"]

#: The periods `period_labels` knows and the ``strftime`` format of their labels.
PERIOD_FORMATS: Final[dict[str, str]] = {"month": "%Y-%m", "week": "%Y-%m-%d"}

_NAT: Final = np.iinfo(np.int64).min


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
    if period not in PERIOD_FORMATS:
        msg = f"`period` must be one of {list(PERIOD_FORMATS)}, not {period!r}."
        raise ValueError(msg)
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)  # wall-clock time, as strftime shows it
    values = dates.to_numpy()
    if period == "month":
        starts = values.astype("datetime64[M]").view(np.int64)
    else:  # 1970-01-01 was a Thursday: day + 3 counts days from a Monday
        days = values.astype("datetime64[D]").view(np.int64)
        starts = np.where(days == _NAT, _NAT, days - (days + 3) % 7)
    codes, uniques = pd.factorize(starts)
    unit = "datetime64[M]" if period == "month" else "datetime64[D]"
    firsts = pd.DatetimeIndex(uniques.astype(unit).astype("datetime64[s]"))
    text = firsts.strftime(PERIOD_FORMATS[period])
    if len(codes) == 0:
        return pd.Series(text, index=dates.index, name=dates.name)
    return pd.Series(text.take(codes), index=dates.index, name=dates.name)
