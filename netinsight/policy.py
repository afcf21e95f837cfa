"""Follow-up policies: when a thank-you note and a check-in are due, and whether they were on time.

A `FollowUpPolicy` says how soon a thank-you note is due (``strict`` 24 h, ``standard`` 48 h,
``relaxed`` 5 days, or any window in hours, calendar days or business days) and how soon a
check-in is due (30 days by default). Date-only values count in whole days: a note dated
the day after the interview is 24 h later, within the ``strict`` window. Business days are
Monday to Friday (no holidays), counted with `numpy.busday_count`: the business days *after*
the first date up to and including the second (Friday -> Monday is 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.outreach import business_day_after, business_days

__all__ = ["POLICIES", "FollowUpPolicy", "deadline", "lag_within"]

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
    amount, unit = window
    s = pd.Series(start).to_numpy(dtype="datetime64[ns]")
    e = pd.Series(end).to_numpy(dtype="datetime64[ns]")
    s0, e0 = s.astype("datetime64[D]"), e.astype("datetime64[D]")
    date_only = (s == s0) | (e == e0)  # NaT compares unequal: a missing end is judged by the start
    day = np.timedelta64(1, "D")
    lag = np.where(date_only, (e0 - s0) / day, (e - s) / day)
    if unit == "bd":
        within = np.asarray(business_days(pd.Series(s), pd.Series(e)) <= amount)
    else:
        with np.errstate(invalid="ignore"):
            within = lag * 24 <= amount * (24 if unit == "d" else 1) + 1e-9
    return pd.Series(lag, dtype=float), pd.Series(within).fillna(False).astype(bool)


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
    amount, unit = window
    if unit == "bd":
        return business_day_after(dates, int(amount))
    hours = amount * (24 if unit == "d" else 1)
    date_only = dates.eq(dates.dt.normalize())
    whole = dates.dt.normalize() + pd.Timedelta(days=int(hours // 24))
    due: pd.Series[Any] = whole.where(date_only, (dates + pd.Timedelta(hours=hours)).dt.normalize())
    return due
