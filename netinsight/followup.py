"""Follow-up discipline: thank-you and check-in rates under a policy, and the to-do list.

Notes and check-ins are judged against a `netinsight.policy.FollowUpPolicy` (see
`netinsight.policy` for how windows, hours and business days are counted). The to-do list
(`todo`, with the 3B7 outreach steps of `netinsight.outreach.outreach_status`) lives in
`netinsight.todolist` and is reachable from here. What was sent and when is worked out once
per log and policy (`follow_up_arrays`, `netinsight.memo`) and shared by the tables that
count it. Limits: the log is the only record; a note or check-in not logged counts as not sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.grouparrays import distinct_per_group, group_median_quantile, keyed_table, rate_array
from netinsight.groupflags import flag_counts
from netinsight.groups import log_group_codes
from netinsight.memo import bare, derived, freeze
from netinsight.memory import large_work
from netinsight.outreach import parse_today
from netinsight.people import person_codes
from netinsight.policy import FollowUpPolicy, check_ins, lag_arrays, lags_within
from netinsight.todolist import ACTIONS, todo

Flags = dict[str, npt.NDArray[Any]]

__all__ = ["ACTIONS", "follow_up_arrays", "follow_up_flags", "follow_up_rates", "todo"]


def follow_up_arrays(log: pd.DataFrame, *, policy: str | FollowUpPolicy = "standard", today: object = None) -> Flags:
    """`follow_up_flags` as NumPy arrays (read-only: shared), for analyses that count them their own way.

    What does not depend on `today` (lags, notes on time, check-ins made) is worked out
    once per log and policy (`netinsight.memo`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"], "contact": ["Ana"], "thank_you_date": ["2026-03-03"]}))
    >>> follow_up_arrays(log)["on_time"].tolist()
    [True]
    """
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    pol = FollowUpPolicy.parse(policy)
    made = derived(log, f"follow_up:{pol.thank_you}/{pol.check_in}", lambda frame: _made(frame, pol))
    if today is None:
        due = np.ones(len(log), dtype=bool)
        freeze(due)
        return {**made, "thank_you_due": due, "check_in_due": due}
    dates = log["date"].to_numpy(dtype="datetime64[ns]")
    now = parse_today(today).to_datetime64().astype("datetime64[ns]")
    _, (note_window, check_in_window) = lags_within(dates, now, [pol.window("thank_you"), pol.window("check_in")])
    thank_you_due = made["on_time"] | ~note_window
    check_in_due = made["check_in"] | ~check_in_window
    out = {
        **made,
        "thank_you_due": thank_you_due,
        "on_time": made["on_time"] & thank_you_due,
        "check_in_due": check_in_due,
        "check_in": made["check_in"] & check_in_due,
    }
    freeze(*out.values())
    return out


def _made(log: pd.DataFrame, pol: FollowUpPolicy) -> Flags:
    """What was sent and when, whatever the day: note sent, its lag, on time; check-in made in the window."""
    dates = log["date"].to_numpy(dtype="datetime64[ns]")
    noted = log["thank_you_date"].to_numpy(dtype="datetime64[ns]")
    lag, on_time = lag_arrays(dates, noted, pol.window("thank_you"))
    out = {
        "thank_you_sent": ~np.isnat(noted),
        "on_time": on_time,
        "lag_days": lag,
        "check_in": check_ins(dates, log, pol.window("check_in")),
    }
    freeze(*out.values())
    return out


def follow_up_flags(
    log: pd.DataFrame, *, policy: str | FollowUpPolicy = "standard", today: object = None
) -> pd.DataFrame:
    """Per interview: thank-you sent, due, on time and its lag; check-in due and made, under a policy.

    The flags behind `follow_up_rates` (which adds them up per group), for callers that group
    them their own way.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    policy
        A preset, a window or a `FollowUpPolicy` (see `follow_up_rates`).
    today
        When given, an interview whose window is still open on `today` is not yet due.

    Returns
    -------
    pandas.DataFrame
        Positions 0..n-1: ``thank_you_sent``, ``thank_you_due``, ``on_time`` (sent within
        the window, and due), ``lag_days`` (calendar days to the note, NaN when none),
        ``check_in_due`` and ``check_in`` (a follow-up within the check-in window, and due).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02", "2026-03-02"], "contact": ["Ana", "Ben"],
    ...                              "thank_you_date": ["2026-03-03", ""]}))
    >>> follow_up_flags(log)[["thank_you_sent", "on_time", "lag_days"]].values.tolist()
    [[True, True, 1.0], [False, False, nan]]
    """
    flags = follow_up_arrays(log, policy=policy, today=today)
    columns = ("thank_you_sent", "thank_you_due", "on_time", "lag_days", "check_in_due", "check_in")
    return pd.DataFrame({c: flags[c] for c in columns})


@large_work()
def follow_up_rates(
    log: pd.DataFrame,
    *,
    policy: str | FollowUpPolicy = "standard",
    by: str | Sequence[str] | None = None,
    today: object = None,
) -> pd.DataFrame:
    """Thank-you and check-in discipline per group, under a policy.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    policy
        A preset (``"strict"``, ``"standard"``, ``"relaxed"``), a window (``"24h"``,
        ``"3bd"``, ``"5d"``, ``"24h/14d"``) or a `FollowUpPolicy`.
    by
        Column(s) to group by: owner, industry, channel, source, program, ... or
        ``"month"`` / ``"week"`` (of the interview).
    today
        When given, interviews whose window is still open on `today` (no note yet, but
        not late either) are left out of the on-time and check-in denominators.

    Returns
    -------
    pandas.DataFrame
        The `by` keys, ``policy``, ``interviews``, ``thank_you_sent``,
        ``thank_you_rate`` (sent / interviews), ``thank_you_due``, ``on_time``,
        ``on_time_rate`` (on_time / thank_you_due), ``median_lag_days`` and
        ``p90_lag_days`` (of the notes sent, calendar days), ``check_in_due``,
        ``check_ins`` (a follow-up within the check-in window), ``check_in_rate``,
        ``contacts`` (distinct people), ``repeat_contacts`` (met more than once) and
        ``repeat_rate``. Rates are NA when their denominator is 0.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02", "2026-03-02", "2026-03-04"],
    ...                              "contact": ["Ana", "Ben", "Ana"],
    ...                              "thank_you_date": ["2026-03-03", "2026-03-06", ""]}))
    >>> r = follow_up_rates(log, policy="strict")
    >>> r[["interviews", "thank_you_sent", "on_time", "on_time_rate", "median_lag_days"]].values.tolist()
    [[3, 2, 1, 0.333, 2.5]]
    """
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    pol = FollowUpPolicy.parse(policy)
    flags = follow_up_arrays(log, policy=pol, today=today)
    keys, group, out = log_group_codes(log, by)
    if not keys and not len(out):
        out = pd.DataFrame(index=range(1))  # an empty log still gives its one row of zeros
    n = len(out)
    person = person_codes(log)
    person = np.where(person < 0, person.max() + 1 if len(person) else 0, person)  # no person: one more "person"
    contacts, repeats = distinct_per_group(group, person, n)
    names = ("thank_you_sent", "thank_you_due", "on_time", "check_in_due", "check_ins")
    flagged = flag_counts(group, [flags[f] for f in ("thank_you_sent", "thank_you_due", "on_time", "check_in_due",
                                                     "check_in")], n)  # fmt: skip
    counts = dict(zip(names, flagged, strict=True))
    interviews = np.bincount(group, minlength=n).astype(np.int64)
    median, p90 = group_median_quantile(group, flags["lag_days"], n, 0.9)
    return keyed_table(
        out,
        {
            "policy": pol.name,
            "interviews": interviews,
            "thank_you_sent": counts["thank_you_sent"],
            "thank_you_rate": rate_array(counts["thank_you_sent"], interviews),
            "thank_you_due": counts["thank_you_due"],
            "on_time": counts["on_time"],
            "on_time_rate": rate_array(counts["on_time"], counts["thank_you_due"]),
            "median_lag_days": _round2(median),
            "p90_lag_days": _round2(p90),
            "check_in_due": counts["check_in_due"],
            "check_ins": counts["check_ins"],
            "check_in_rate": rate_array(counts["check_ins"], counts["check_in_due"]),
            "contacts": contacts,
            "repeat_contacts": repeats,
            "repeat_rate": rate_array(repeats, contacts),
        },
    )


def _round2(values: npt.NDArray[np.float64]) -> pd.arrays.FloatingArray:
    """Float64 (NA for NaN) rounded to 2 decimals."""
    missing = np.isnan(values)
    return pd.arrays.FloatingArray(np.round(np.where(missing, 0.0, values), 2), missing)
