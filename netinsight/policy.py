"""Follow-up policies: when a thank-you note and a check-in are due, and whether they were on time.

A `FollowUpPolicy` says how soon a thank-you note is due (``strict`` 24 h, ``standard`` 48 h,
``relaxed`` 5 days, or any window in hours, calendar days or business days) and how soon a
check-in is due (30 days by default). Date-only values count in whole days: a note dated
the day after the interview is 24 h later, within the ``strict`` window. Business days are
Monday to Friday (no holidays), counted with `numpy.busday_count`: the business days *after*
the first date up to and including the second (Friday -> Monday is 1). The lags themselves
are `netinsight.lags`' (`lag_within`, `lag_arrays` and `lags_within` are reachable from here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.lags import as_datetimes, lag_arrays, lag_within, lags_within
from netinsight.outreach import business_day_after, business_day_offsets

__all__ = [
    "POLICIES",
    "FollowUpPolicy",
    "as_datetimes",
    "check_ins",
    "deadline",
    "due_days",
    "follow_up_rows",
    "lag_arrays",
    "lag_within",
    "lags_within",
]

_WINDOW: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|d|days?|bd|business\s*days?)\s*$", re.IGNORECASE)


def _parse_window(text: object, argument: str) -> tuple[float, str]:
    found = _WINDOW.match(str(text))
    if found is None:
        msg = (
            f"`{argument}` must be a window like '24h' (hours), '5d' (calendar days) or '3bd' (business days), "
            f"not {text!r}."
        )
        raise ValueError(msg)
    amount, unit = float(found[1]), found[2].lower()
    unit = "bd" if unit.startswith("b") else unit[0]
    if unit == "bd" and amount != int(amount):
        msg = f"`{argument}` in business days must be a whole number, not {text!r}."
        raise ValueError(msg)
    return amount, unit


@dataclass(frozen=True)
class FollowUpPolicy:
    """When a thank-you note and a check-in are on time.

    Parameters
    ----------
    thank_you
        The thank-you window: ``"24h"`` hours, ``"2d"`` calendar days or ``"1bd"``
        business days after the interview.
    check_in
        The check-in (follow-up) window, the same way (default ``"30d"``).
    name
        A label for tables and plots (default: the thank-you window).

    Examples
    --------
    >>> FollowUpPolicy.parse("standard")
    FollowUpPolicy(thank_you='48h', check_in='30d', name='standard')
    >>> FollowUpPolicy.parse("3bd").name, FollowUpPolicy("1.5d", check_in="10 business days").check_in
    ('3bd', '10bd')
    """

    thank_you: str = "48h"
    check_in: str = "30d"
    name: str = ""

    def __post_init__(self) -> None:
        for field in ("thank_you", "check_in"):
            amount, unit = _parse_window(getattr(self, field), field)
            object.__setattr__(self, field, f"{amount:g}{unit}")
        if not self.name:
            object.__setattr__(self, "name", self.thank_you)

    @classmethod
    def parse(cls, policy: str | FollowUpPolicy) -> FollowUpPolicy:
        """A policy from a preset name (`POLICIES`), a window (``"24h"``, ``"3bd"``), ``"24h/14d"``, or as is."""
        if isinstance(policy, FollowUpPolicy):
            return policy
        text = str(policy).strip()
        if text.lower() in POLICIES:
            return POLICIES[text.lower()]
        thank_you, _, check_in = text.partition("/")
        try:
            return cls(thank_you, check_in=check_in or "30d", name=text)
        except ValueError:
            msg = (
                f"`policy` must be one of {sorted(POLICIES)}, a thank-you window like '24h', '5d' or '3bd' "
                f"(optionally '/30d' for the check-in window), or a FollowUpPolicy; not {policy!r}."
            )
            raise ValueError(msg) from None

    def window(self, which: str) -> tuple[float, str]:
        """The (amount, unit) of ``"thank_you"`` or ``"check_in"``; unit ``"h"``, ``"d"`` or ``"bd"``."""
        return _parse_window(getattr(self, which), which)


#: The named policies: thank-you within 24 hours, 48 hours or 5 days; check-in within 30 days.
POLICIES: Final[dict[str, FollowUpPolicy]] = {
    "strict": FollowUpPolicy("24h", name="strict"),
    "standard": FollowUpPolicy("48h", name="standard"),
    "relaxed": FollowUpPolicy("5d", name="relaxed"),
}


def deadline(dates: pd.Series[Any], window: tuple[float, str]) -> pd.Series[Any]:
    """The day by which something is due, `window` after each date.

    Date-only values count in whole days (a 24 h window after 2 March is due on 3 March);
    a timed value is due on the day the window ends. Business-day windows count from the
    date (a weekend date from the Friday before), see `netinsight.outreach.business_day_after`.

    Parameters
    ----------
    dates
        The start of each window (e.g. interview dates). Not modified.
    window
        ``(amount, unit)`` as from `FollowUpPolicy.window`; unit ``"h"``, ``"d"`` or ``"bd"``.

    Returns
    -------
    pandas.Series
        The due day of each date (midnight), aligned with `dates`; missing where the date is.

    Examples
    --------
    >>> dates = pd.Series(pd.to_datetime(["2026-03-06", "2026-03-06 18:00"], format="ISO8601"))
    >>> deadline(dates, (48, "h")).dt.strftime("%a %d").tolist()
    ['Sun 08', 'Sun 08']
    >>> deadline(dates, (1, "bd")).dt.strftime("%a %d").tolist()
    ['Mon 09', 'Mon 09']
    """
    if window[1] == "bd":
        return business_day_after(dates, int(window[0]))
    values = dates.to_numpy()
    if values.dtype.kind != "M":
        values = dates.to_numpy(dtype="datetime64[ns]")
    return pd.Series(due_days(values, window), index=dates.index, name=dates.name)


def due_days(values: npt.NDArray[np.datetime64], window: tuple[float, str]) -> npt.NDArray[np.datetime64]:
    """`deadline` on a datetime64 array (for hour and day windows the unit of `values` is kept).

    Examples
    --------
    >>> due_days(np.array(["2026-03-06", "2026-03-06T18:00", "NaT"], dtype="datetime64[ns]"), (48, "h")).tolist()
    [1772928000000000000, 1772928000000000000, None]
    """
    days = values.astype("datetime64[D]")
    if window[1] == "bd":
        return business_day_offsets(days, int(window[0]))
    hours = window[0] * (24 if window[1] == "d" else 1)
    date_only = values == days
    whole = (days + np.timedelta64(int(hours // 24), "D")).astype(values.dtype)
    timed = (values + pd.Timedelta(hours=hours).to_timedelta64()).astype("datetime64[D]").astype(values.dtype)
    due: npt.NDArray[np.datetime64] = np.where(date_only, whole, timed)
    return due


def follow_up_rows(log: pd.DataFrame) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.datetime64]]:
    """The row (position) of every follow-up date of the log, and the dates, flat (``datetime64[ns]``).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 2, "contact": ["A", "B"],
    ...                              "follow_up_date": ["", "2026-03-20; 2026-04-01"]}))
    >>> rows, dates = follow_up_rows(log)
    >>> rows.tolist(), dates.astype("datetime64[D]").astype(str).tolist()
    ([1, 1], ['2026-03-20', '2026-04-01'])
    """
    lists = log["follow_up_date"].array.__arrow_array__()
    lists = lists.combine_chunks() if isinstance(lists, pa.ChunkedArray) else lists
    rows = pc.list_parent_indices(lists).to_numpy().astype(np.int64)
    values = pc.list_flatten(lists).to_numpy(zero_copy_only=False).astype("datetime64[ns]")
    return rows, values


def check_ins(
    dates: npt.NDArray[np.datetime64], log: pd.DataFrame, window: tuple[float, str], *, until: Any = None
) -> npt.NDArray[np.bool_]:
    """Whether each row has a follow-up on or after its interview and within `window`.

    Parameters
    ----------
    dates
        The interview dates of `log` (``datetime64[ns]``, one per row).
    log
        A log from `read_log` (its ``follow_up_date`` lists). Not modified.
    window
        ``(amount, unit)`` as from `FollowUpPolicy.window`.
    until
        When given (``datetime64``), only follow-ups up to it count.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 2, "contact": ["A", "B"],
    ...                              "follow_up_date": ["2026-03-01", "2026-03-20; 2026-04-01"]}))
    >>> check_ins(log["date"].to_numpy(), log, (30, "d")).tolist()
    [False, True]
    """
    rows, follow = follow_up_rows(log)
    if until is not None:
        kept = follow <= until
        rows, follow = rows[kept], follow[kept]
    lag, within = lag_arrays(dates[rows], follow, window)
    with np.errstate(invalid="ignore"):
        ok = within & (lag >= 0)
    out: npt.NDArray[np.bool_] = np.bincount(rows[ok], minlength=len(dates)) > 0
    return out
