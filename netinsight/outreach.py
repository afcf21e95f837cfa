"""The 3B7 outreach routine: reply classes and the state of open requests.

3B7: with no reply 3 business days after a request, write to a second person at the same
employer; with none after 7, follow up with the first. Contacts who reply within 3 business
days are *boosters*, later repliers *obligates*, non-repliers *curmudgeons*. Business days
are Monday to Friday (no holidays), counted after the request up to and including the reply
(a request on Friday answered on Monday took 1). Both functions need ``outreach_date``;
without any, they say so.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd

__all__ = [
    "RESPONSE_CLASSES",
    "business_day_after",
    "business_days",
    "outreach_status",
    "parse_today",
    "response_classes",
]

#: Reply classes: booster (<= 3 business days), obligate (later), curmudgeon (no reply), waiting.
RESPONSE_CLASSES: Final[tuple[str, ...]] = ("booster", "obligate", "curmudgeon", "waiting")

#: 3B7 states of an open request, most pressing first.
OUTREACH_STATES: Final[tuple[str, ...]] = ("follow_up", "second_contact", "waiting")

_SECOND: Final = 3
_FOLLOW: Final = 7
_DAY: Final = np.timedelta64(1, "D")


def parse_today(today: object) -> pd.Timestamp:
    """`today` as a day (midnight), with a clear error.

    Examples
    --------
    >>> parse_today("2026-07-01 15:00")
    Timestamp('2026-07-01 00:00:00')
    """
    stamp: Any
    try:
        stamp = pd.Timestamp(today)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        stamp = None
    if stamp is None or pd.isna(stamp):
        msg = f"`today` must be a date like '2026-07-01', not {today!r}."
        raise ValueError(msg)
    day: pd.Timestamp = stamp.normalize()
    return day


def business_days(start: Any, end: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Business days after `start` up to and including `end` (NaN where either is missing).

    Examples
    --------
    >>> business_days(pd.Series(pd.to_datetime(["2026-03-06", "2026-03-02"])),
    ...               pd.Series(pd.to_datetime(["2026-03-09", None]))).tolist()
    [1.0, nan]
    """
    a = pd.Series(start).to_numpy(dtype="datetime64[D]")
    b = pd.Series(end).to_numpy(dtype="datetime64[D]")
    both = ~(np.isnat(a) | np.isnat(b))
    out = np.full(len(a), np.nan)
    out[both] = np.busday_count(a[both] + _DAY, b[both] + _DAY)
    return out


def business_day_after(days: pd.Series[Any], n: int) -> pd.Series[Any]:
    """The `n`-th business day after each date (a weekend date counts from the Friday before).

    Examples
    --------
    >>> business_day_after(pd.Series(pd.to_datetime(["2026-03-06", "2026-03-07", None])), 3).tolist()
    [Timestamp('2026-03-11 00:00:00'), Timestamp('2026-03-11 00:00:00'), NaT]
    """
    values = days.to_numpy(dtype="datetime64[D]")
    known = ~np.isnat(values)
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[D]")
    out[known] = np.busday_offset(values[known], n, roll="backward")
    return pd.Series(out.astype("datetime64[ns]"), index=days.index)


def _require_outreach(log: pd.DataFrame, what: str) -> None:
    if "outreach_date" not in log.columns or not log["outreach_date"].notna().any():
        msg = (
            f"{what} need the day each request was sent, but the log has no `outreach_date` values; "
            "add a column such as 'Outreach date', 'Request sent' or 'Date contacted'."
        )
        raise ValueError(msg)


def response_classes(log: pd.DataFrame, *, today: object = None) -> pd.DataFrame:
    """Reply latency in business days and class for every request with an outreach date.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    today
        When given, requests still unanswered fewer than 3 business days after they
        were sent are ``waiting`` rather than curmudgeons.

    Returns
    -------
    pandas.DataFrame
        One row per log row with an ``outreach_date`` (the log's index): ``owner,
        contact, company, outreach_date, response_date, reply_business_days`` (Int64,
        NA without a reply), ``response_class`` (one of `RESPONSE_CLASSES`) and
        ``source_line``.

    Raises
    ------
    ValueError
        When the log has no outreach dates at all.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-20"] * 3, "contact": ["Ana", "Ben", "Cy"],
    ...                              "outreach_date": ["2026-03-06", "2026-03-02", "2026-03-02"],
    ...                              "response_date": ["2026-03-11", "2026-03-06", ""]}))
    >>> response_classes(log)[["contact", "reply_business_days", "response_class"]].values.tolist()
    [['Ana', 3, 'booster'], ['Ben', 4, 'obligate'], ['Cy', <NA>, 'curmudgeon']]
    """
    _require_outreach(log, "response classes")
    rows = log[log["outreach_date"].notna()]
    sent, reply = rows["outreach_date"], rows["response_date"]
    latency = pd.Series(business_days(sent, reply), index=rows.index).astype("Int64")
    label = np.where(reply.isna(), "curmudgeon", np.where(latency.fillna(0) <= _SECOND, "booster", "obligate"))
    if today is not None:
        young = reply.isna() & (business_days(sent, pd.Series(parse_today(today), index=rows.index)) < _SECOND)
        label = np.where(young, "waiting", label)
    out = rows[["owner", "contact", "company", "outreach_date", "response_date"]].copy()
    out["reply_business_days"] = latency
    out["response_class"] = pd.Categorical(label, categories=RESPONSE_CLASSES)
    out["source_line"] = rows["source_line"]
    return out


def outreach_status(log: pd.DataFrame, *, today: object) -> pd.DataFrame:
    """The 3B7 state of every request still open on `today`.

    A request is open when it was sent on or before `today`, no reply is recorded by
    then, and the conversation has not taken place by then (the log is read as it stood
    on `today`, so a past `today` replays the routine).

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    today
        The day to judge on (``"2026-07-01"``).

    Returns
    -------
    pandas.DataFrame
        Most pressing first: ``owner, contact, company, outreach_date,
        business_days`` (since the request), ``state`` (``follow_up`` from 7 business
        days, ``second_contact`` from 3, else ``waiting``), ``second_contact_due``,
        ``follow_up_due`` and ``source_line``.

    Raises
    ------
    ValueError
        When the log has no outreach dates at all.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-04-01", "2026-04-01"], "contact": ["Ana", "Ben"],
    ...                              "outreach_date": ["2026-03-06", "2026-03-12"]}))
    >>> outreach_status(log, today="2026-03-17")[["contact", "business_days", "state"]].values.tolist()
    [['Ana', 7, 'follow_up'], ['Ben', 3, 'second_contact']]
    """
    _require_outreach(log, "3B7 steps")
    now = parse_today(today)
    sent, reply, held = log["outreach_date"], log["response_date"], log["date"]
    is_open = (
        sent.dt.normalize().le(now)
        & (reply.isna() | reply.dt.normalize().gt(now))
        & ~held.dt.normalize().le(now).fillna(False)
    )
    rows = log[is_open.to_numpy()]
    elapsed = business_days(rows["outreach_date"], pd.Series(now, index=rows.index)).astype(np.int64)
    state = np.where(elapsed >= _FOLLOW, "follow_up", np.where(elapsed >= _SECOND, "second_contact", "waiting"))
    out = rows[["owner", "contact", "company", "outreach_date"]].copy()
    out["business_days"] = elapsed
    out["state"] = pd.Categorical(state, categories=OUTREACH_STATES, ordered=True)
    out["second_contact_due"] = business_day_after(rows["outreach_date"], _SECOND)
    out["follow_up_due"] = business_day_after(rows["outreach_date"], _FOLLOW)
    out["source_line"] = rows["source_line"]
    result: pd.DataFrame = out.sort_values(["state", "outreach_date"], kind="stable").reset_index(drop=True)
    return result
