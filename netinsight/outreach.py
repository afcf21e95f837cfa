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
import numpy.typing as npt
import pandas as pd

from netinsight.memo import bare
from netinsight.memory import large_work

__all__ = [
    "RESPONSE_CLASSES",
    "business_day_after",
    "business_day_counts",
    "business_day_offsets",
    "business_days",
    "open_requests",
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
_OUT_COLUMNS: Final = ("owner", "contact", "company", "outreach_date", "response_date", "source_line")


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
    return business_day_counts(a, b)


def business_day_counts(start: npt.NDArray[np.datetime64], end: npt.NDArray[np.datetime64]) -> npt.NDArray[np.float64]:
    """`business_days` on two ``datetime64[D]`` arrays of the same length (NaN where either is NaT).

    Examples
    --------
    >>> business_day_counts(np.array(["2026-03-06", "NaT"], dtype="datetime64[D]"),
    ...                     np.array(["2026-03-09", "2026-03-09"], dtype="datetime64[D]")).tolist()
    [1.0, nan]
    """
    both = ~(np.isnat(start) | np.isnat(end))
    if both.all():
        return np.busday_count(start + _DAY, end + _DAY).astype(np.float64)
    out = np.full(len(start), np.nan)
    out[both] = np.busday_count(start[both] + _DAY, end[both] + _DAY)
    return out


def business_day_offsets(days: npt.NDArray[np.datetime64], n: int) -> npt.NDArray[np.datetime64]:
    """`business_day_after` on a ``datetime64[D]`` array, as ``datetime64[ns]``.

    Examples
    --------
    >>> business_day_offsets(np.array(["2026-03-07", "NaT"], dtype="datetime64[D]"), 3).astype(str).tolist()
    ['2026-03-11T00:00:00.000000000', 'NaT']
    """
    known = ~np.isnat(days)
    out = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[D]")
    out[known] = np.busday_offset(days[known], n, roll="backward")
    return out.astype("datetime64[ns]")


def business_day_after(days: pd.Series[Any], n: int) -> pd.Series[Any]:
    """The `n`-th business day after each date (a weekend date counts from the Friday before).

    Examples
    --------
    >>> business_day_after(pd.Series(pd.to_datetime(["2026-03-06", "2026-03-07", None])), 3).tolist()
    [Timestamp('2026-03-11 00:00:00'), Timestamp('2026-03-11 00:00:00'), NaT]
    """
    return pd.Series(business_day_offsets(days.to_numpy(dtype="datetime64[D]"), n), index=days.index)


def _require_outreach(log: pd.DataFrame, what: str) -> npt.NDArray[np.datetime64]:
    """The ``outreach_date`` values (``datetime64[ns]``), or a clear error when there are none."""
    sent = log["outreach_date"].to_numpy(dtype="datetime64[ns]") if "outreach_date" in log.columns else None
    if sent is None or np.isnat(sent).all():
        msg = (
            f"{what} need the day each request was sent, but the log has no `outreach_date` values; "
            "add a column such as 'Outreach date', 'Request sent' or 'Date contacted'."
        )
        raise ValueError(msg)
    return sent


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    sent_all = _require_outreach(log, "response classes")
    at = np.flatnonzero(~np.isnat(sent_all))
    sent = sent_all[at].astype("datetime64[D]")
    replied = log["response_date"].to_numpy(dtype="datetime64[ns]")[at]
    days = business_day_counts(sent, replied.astype("datetime64[D]"))
    unanswered = np.isnat(replied)
    label = np.where(unanswered, 2, np.where(days <= _SECOND, 0, 1))  # codes into RESPONSE_CLASSES
    if today is not None:
        now = np.full(len(at), parse_today(today).to_datetime64(), dtype="datetime64[D]")
        label[unanswered & (business_day_counts(sent, now) < _SECOND)] = 3
    taken = {c: log[c].array.take(at) for c in _OUT_COLUMNS}
    return pd.DataFrame(
        {
            **{c: taken[c] for c in _OUT_COLUMNS[:5]},
            "reply_business_days": pd.arrays.IntegerArray(np.nan_to_num(days).astype(np.int64), unanswered),
            "response_class": pd.Categorical.from_codes(label, dtype=pd.CategoricalDtype(list(RESPONSE_CLASSES))),
            "source_line": taken["source_line"],
        },
        index=log.index[at],
    )


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    sent_all = _require_outreach(log, "3B7 steps")
    at, elapsed, state = open_requests(log, sent_all, parse_today(today))
    sent_days = sent_all[at].astype("datetime64[D]")
    return pd.DataFrame(
        {
            **{c: log[c].array.take(at) for c in ("owner", "contact", "company", "outreach_date")},
            "business_days": elapsed,
            "state": pd.Categorical.from_codes(state, dtype=pd.CategoricalDtype(list(OUTREACH_STATES), ordered=True)),
            "second_contact_due": business_day_offsets(sent_days, _SECOND),
            "follow_up_due": business_day_offsets(sent_days, _FOLLOW),
            "source_line": log["source_line"].array.take(at),
        }
    )


def open_requests(
    log: pd.DataFrame, sent: npt.NDArray[np.datetime64], now: pd.Timestamp
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The rows (positions) of the requests open on `now` in `outreach_status` order, business days since, state.

    `sent` is the log's ``outreach_date`` as ``datetime64[ns]``; the state is a code into
    `OUTREACH_STATES`. See `outreach_status`.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-04-01", "2026-04-01"], "contact": ["Ana", "Ben"],
    ...                              "outreach_date": ["2026-03-12", "2026-03-06"]}))
    >>> sent = log["outreach_date"].to_numpy()
    >>> [a.tolist() for a in open_requests(log, sent, pd.Timestamp("2026-03-17"))]
    [[1, 0], [7, 3], [0, 1]]
    """
    day = now.to_datetime64().astype("datetime64[D]")
    sent_days = sent.astype("datetime64[D]")
    replied = log["response_date"].to_numpy(dtype="datetime64[D]")
    held = log["date"].to_numpy(dtype="datetime64[D]")
    at = np.flatnonzero((sent_days <= day) & (np.isnat(replied) | (replied > day)) & ~(held <= day))
    elapsed = business_day_counts(sent_days[at], np.full(len(at), day)).astype(np.int64)
    state = np.where(elapsed >= _FOLLOW, 0, np.where(elapsed >= _SECOND, 1, 2))
    order = np.lexsort((sent[at], state))
    return at[order], elapsed[order], state[order].astype(np.int64)
