"""Follow-up discipline: thank-you and check-in rates under a policy, and the to-do list.

Notes and check-ins are judged against a `netinsight.policy.FollowUpPolicy` (see
`netinsight.policy` for how windows, hours and business days are counted). The to-do list
adds the 3B7 outreach steps of `netinsight.outreach.outreach_status`. Limits: the log is
the only record; a note or check-in not logged counts as not sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.groups import group_frame, person_key, rate
from netinsight.normalize import list_column
from netinsight.outreach import outreach_status, parse_today
from netinsight.policy import FollowUpPolicy, deadline, lag_within

__all__ = ["ACTIONS", "follow_up_flags", "follow_up_rates", "todo"]


def _check_ins(log: pd.DataFrame, window: tuple[float, str]) -> pd.Series[Any]:
    """Rows with a follow-up on or after the interview and within `window`."""
    follow = log["follow_up_date"]
    lengths = follow.list.len().fillna(0).to_numpy(dtype=np.int64)
    parents = np.repeat(np.arange(len(log)), lengths)
    flat = pd.Series(follow.list.flatten().to_numpy(dtype="datetime64[ns]"))
    dates = log["date"].reset_index(drop=True).iloc[parents].reset_index(drop=True)
    lag, within = lag_within(dates, flat, window)
    ok = (within & lag.ge(0)).to_numpy()
    return pd.Series(np.bincount(parents[ok], minlength=len(log)) > 0)


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
    pol = FollowUpPolicy.parse(policy)
    dates = log["date"]
    lag, on_time = lag_within(dates, log["thank_you_date"], pol.window("thank_you"))
    check_ins = _check_ins(log, pol.window("check_in"))
    flags = pd.DataFrame(
        {
            "thank_you_sent": log["thank_you_date"].notna().to_numpy(),
            "thank_you_due": np.ones(len(log), dtype=bool),
            "on_time": on_time.to_numpy(),
            "lag_days": lag.to_numpy(),
            "check_in_due": np.ones(len(log), dtype=bool),
            "check_in": check_ins.to_numpy(),
        }
    )
    if today is not None:
        now = pd.Series(parse_today(today), index=range(len(log)))
        flags["thank_you_due"] = flags["on_time"] | ~lag_within(dates, now, pol.window("thank_you"))[1].to_numpy()
        flags["check_in_due"] = flags["check_in"] | ~lag_within(dates, now, pol.window("check_in"))[1].to_numpy()
    flags["on_time"] &= flags["thank_you_due"]
    flags["check_in"] &= flags["check_in_due"]
    return flags


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
    keys, kf = group_frame(log, by)
    flags = follow_up_flags(log, policy=policy, today=today)
    pol = FollowUpPolicy.parse(policy)
    work = pd.concat([kf.reset_index(drop=True), flags.rename(columns={"thank_you_sent": "sent"})], axis=1)
    work["person"] = person_key(log).to_numpy()
    if not keys:
        work["_all"] = 0
    gk = keys or ["_all"]
    grouped = work.groupby(gk, observed=True, dropna=False)
    out = grouped.agg(
        interviews=("sent", "size"),
        thank_you_sent=("sent", "sum"),
        thank_you_due=("thank_you_due", "sum"),
        on_time=("on_time", "sum"),
        median_lag_days=("lag_days", "median"),
        check_in_due=("check_in_due", "sum"),
        check_ins=("check_in", "sum"),
    )
    out["p90_lag_days"] = grouped["lag_days"].quantile(0.9)
    people = work.groupby([*gk, "person"], observed=True, dropna=False).size()
    repeats = (people > 1).groupby(level=list(range(len(gk))), observed=True, dropna=False).agg(["size", "sum"])
    out["contacts"] = repeats["size"].to_numpy()
    out["repeat_contacts"] = repeats["sum"].to_numpy()
    out = out.reset_index()
    if not keys:
        out = out.drop(columns="_all")
        if not len(out):
            out = pd.DataFrame({c: [0] for c in out.columns}).assign(median_lag_days=np.nan, p90_lag_days=np.nan)
    out.insert(len(keys), "policy", pol.name)
    out["thank_you_rate"] = rate(out["thank_you_sent"], out["interviews"])
    out["on_time_rate"] = rate(out["on_time"], out["thank_you_due"])
    out["check_in_rate"] = rate(out["check_ins"], out["check_in_due"])
    out["repeat_rate"] = rate(out["repeat_contacts"], out["contacts"])
    for col in ("median_lag_days", "p90_lag_days"):
        out[col] = out[col].astype("Float64").round(2)
    columns = [
        "policy", "interviews", "thank_you_sent", "thank_you_rate", "thank_you_due", "on_time", "on_time_rate",
        "median_lag_days", "p90_lag_days", "check_in_due", "check_ins", "check_in_rate", "contacts",
        "repeat_contacts", "repeat_rate",
    ]  # fmt: skip
    counts = [c for c in columns if c not in ("policy",) and not c.endswith(("rate", "days"))]
    out[counts] = out[counts].astype("int64")
    return out[[*keys, *columns]]


#: The to-do actions, most pressing first on the same day.
ACTIONS: Final[tuple[str, ...]] = ("follow_up", "second_contact", "thank_you", "check_in")


def todo(
    log: pd.DataFrame,
    *,
    today: object,
    policy: str | FollowUpPolicy = "standard",
    ahead: int = 7,
) -> pd.DataFrame:
    """What to do next: missing thank-you notes, check-ins due, and 3B7 outreach steps.

    The log is read as it stood on `today`: events dated later count as not done yet.
    A thank-you note is listed for every interview held without one until its check-in
    falls due (then the check-in covers it); a check-in for every interview without a
    follow-up or a later conversation with the same person;
    3B7 steps come from `netinsight.outreach.outreach_status` (left out when the log
    has no outreach dates).

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    today
        The day the list is for (``"2026-07-01"``).
    policy
        The follow-up policy that sets when notes and check-ins are due.
    ahead
        Also list what falls due within this many days after `today`.

    Returns
    -------
    pandas.DataFrame
        Most urgent first: ``owner, due, days_overdue`` (negative: days left),
        ``action`` (one of ``thank_you``, ``check_in``, ``second_contact``,
        ``follow_up``), ``contact, company, detail`` (a sentence) and ``source_line``.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-06-26", "2026-05-04"], "contact": ["Ana", "Ben"],
    ...                              "thank_you_date": ["", "2026-05-04"]}))
    >>> t = todo(log, today="2026-07-01")
    >>> t.assign(due=t["due"].dt.strftime("%Y-%m-%d"))[["due", "days_overdue", "action", "contact"]].values.tolist()
    [['2026-06-03', 28, 'check_in', 'Ben'], ['2026-06-28', 3, 'thank_you', 'Ana']]
    """
    now = parse_today(today)
    pol = FollowUpPolicy.parse(policy)
    log = log.reset_index(drop=True)
    dates = log["date"]
    held = dates.notna() & dates.dt.normalize().le(now)
    noted = log["thank_you_date"].notna() & log["thank_you_date"].dt.normalize().le(now)
    check_in_due = deadline(dates, pol.window("check_in"))
    parts = [
        _item(log, held & ~noted & check_in_due.gt(now), deadline(dates, pol.window("thank_you")), "thank_you",
              "no thank-you note yet (policy " + pol.name + ")"),
    ]  # fmt: skip
    as_of = log.assign(follow_up_date=_before(log["follow_up_date"], now))
    checked = _check_ins(as_of, (float("inf"), "d"))
    person = person_key(log)
    order = np.lexsort((dates.to_numpy(), person.to_numpy()))
    following = pd.Series(dates.to_numpy()[order]).groupby(person.to_numpy()[order]).shift(-1)
    later_flags = np.zeros(len(log), dtype=bool)
    later_flags[order] = (following.notna() & following.le(now)).to_numpy()
    later = pd.Series(later_flags)
    parts.append(
        _item(log, held & ~checked & ~later, check_in_due, "check_in",
              "no check-in yet (window " + pol.check_in + ")")
    )  # fmt: skip
    if log["outreach_date"].notna().any():
        status = outreach_status(log, today=now)
        for state, due_col, text in (
            ("follow_up", "follow_up_due", "no reply after 7 business days: follow up with the same person"),
            ("second_contact", "second_contact_due", "no reply after 3 business days: write to a second person there"),
            ("waiting", "second_contact_due", "no reply yet: write to a second person there if none by then"),
        ):
            rows = status[status["state"] == state]
            parts.append(
                pd.DataFrame(
                    {
                        "owner": rows["owner"].astype("str"),
                        "due": rows[due_col],
                        "action": "second_contact" if state == "waiting" else state,
                        "contact": rows["contact"],
                        "company": rows["company"],
                        "detail": "request sent " + rows["outreach_date"].dt.strftime("%Y-%m-%d") + "; " + text,
                        "source_line": rows["source_line"],
                    }
                )
            )
    out = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
    out = out[out["due"].le(now + pd.Timedelta(days=ahead))]
    out.insert(2, "days_overdue", (now - out["due"]).dt.days.astype("int64"))
    out["_rank"] = out["action"].map({a: i for i, a in enumerate(ACTIONS)})
    out = out.sort_values(["due", "_rank", "owner", "contact"], kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


def _before(follow: pd.Series[Any], now: pd.Timestamp) -> pd.Series[Any]:
    """The list column with only the dates up to `now` (vectorised on the flat values)."""
    lengths = follow.list.len().fillna(0).to_numpy(dtype=np.int64)
    parents = np.repeat(np.arange(len(follow)), lengths)
    flat = follow.list.flatten().to_numpy(dtype="datetime64[ns]")
    keep = flat <= now.to_datetime64()
    return list_column(parents[keep], pa.array(flat[keep], pa.timestamp("ns")), len(follow))


def _item(log: pd.DataFrame, rows: pd.Series[Any], due: pd.Series[Any], action: str, text: str) -> pd.DataFrame:
    picked = log[rows.to_numpy()]
    return pd.DataFrame(
        {
            "owner": picked["owner"].astype("str"),
            "due": due[rows.to_numpy()],
            "action": action,
            "contact": picked["contact"],
            "company": picked["company"],
            "detail": "interviewed " + picked["date"].dt.strftime("%Y-%m-%d") + "; " + text,
            "source_line": picked["source_line"],
        }
    )
