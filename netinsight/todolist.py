"""The to-do list: missing thank-you notes, check-ins due and 3B7 outreach steps, most urgent first.

Notes and check-ins fall due under a `netinsight.policy.FollowUpPolicy`; the outreach steps
are those of `netinsight.outreach.outreach_status`. The list is built on NumPy arrays of row
positions and only the final table is a DataFrame. Limits: the log is the only record (a note,
check-in or reply not logged counts as not done), read as it stood on `today`.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from netinsight.grouparrays import IntArray, value_codes
from netinsight.groups import person_key
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.outreach import OUTREACH_STATES, business_day_offsets, open_requests, parse_today
from netinsight.policy import FollowUpPolicy, check_ins, due_days
from netinsight.textcodes import str_series

__all__ = ["ACTIONS", "todo"]


#: The to-do actions, most pressing first on the same day.
ACTIONS: Final[tuple[str, ...]] = ("follow_up", "second_contact", "thank_you", "check_in")


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    now = parse_today(today)
    pol = FollowUpPolicy.parse(policy)
    day = now.to_datetime64().astype("datetime64[D]")
    dates = log["date"].to_numpy(dtype="datetime64[ns]")
    held = dates.astype("datetime64[D]") <= day  # NaT compares False
    noted = log["thank_you_date"].to_numpy(dtype="datetime64[D]") <= day
    check_in_due = due_days(dates, pol.window("check_in"))
    checked = check_ins(dates, log, (float("inf"), "d"), until=now.to_datetime64())
    rows = [np.flatnonzero(held & ~noted & (check_in_due > now.to_datetime64()))]
    rows.append(np.flatnonzero(held & ~checked & ~_met_again(log, dates, now.to_datetime64())))
    due = [due_days(dates[rows[0]], pol.window("thank_you")), check_in_due[rows[1]]]
    kinds = [np.zeros(len(rows[0]), dtype=np.int64), np.ones(len(rows[1]), dtype=np.int64)]
    started = [dates[rows[0]], dates[rows[1]]]
    sent = log["outreach_date"].to_numpy(dtype="datetime64[ns]")
    if not np.isnat(sent).all():
        at, _, state = open_requests(log, sent, now)
        rows.append(at)
        sent_days = sent[at].astype("datetime64[D]")
        due.append(np.where(state == 0, business_day_offsets(sent_days, 7), business_day_offsets(sent_days, 3)))
        kinds.append(state + 2)
        started.append(sent[at])
    return _todo_table(log, rows, due, kinds, started, now, ahead, pol)


def _met_again(log: pd.DataFrame, dates: npt.NDArray[np.datetime64], now: Any) -> npt.NDArray[np.bool_]:
    """Rows whose person has a next interview (in date order, ties in log order) held by `now`."""
    person = value_codes(person_key(log))
    order = np.lexsort((dates, person))
    p, d = person[order], dates[order]
    again = np.zeros(len(p), dtype=bool)
    again[:-1] = (p[1:] == p[:-1]) & (p[:-1] >= 0) & (d[1:] <= now)
    out = np.empty(len(p), dtype=bool)
    out[order] = again
    return out


#: Per kind of to-do row (thank-you, check-in, then the `OUTREACH_STATES`): its action in `ACTIONS`.
_ACTION_OF_KIND: Final = np.array([ACTIONS.index(a) for a in ("thank_you", "check_in", "follow_up", "second_contact",
                                                              "second_contact")])  # fmt: skip


def _todo_table(
    log: pd.DataFrame,
    rows: list[npt.NDArray[np.int64]],
    due: list[npt.NDArray[np.datetime64]],
    kinds: list[npt.NDArray[np.int64]],
    started: list[npt.NDArray[np.datetime64]],
    now: pd.Timestamp,
    ahead: int,
    pol: FollowUpPolicy,
) -> pd.DataFrame:
    """The to-do table from the rows of each part, most urgent first."""
    at: IntArray = np.concatenate(rows)
    when: npt.NDArray[np.datetime64] = np.concatenate(due)
    kind: IntArray = np.concatenate(kinds)
    start: npt.NDArray[np.datetime64] = np.concatenate(started)
    keep = when <= (now + pd.Timedelta(days=ahead)).to_datetime64()
    at, when, kind, start = at[keep], when[keep], kind[keep], start[keep]
    owner = log["owner"].array.take(at).astype("str")
    contact = log["contact"].array.take(at)
    action = _ACTION_OF_KIND[kind]
    order = np.lexsort((_sort_codes(contact), _sort_codes(owner), action, when))
    at, when, kind, start, action = at[order], when[order], kind[order], start[order], action[order]
    texts = (
        f"no thank-you note yet (policy {pol.name})",
        f"no check-in yet (window {pol.check_in})",
        *(f"{_OUTREACH_TEXT[state]}" for state in OUTREACH_STATES),
    )
    day: IntArray = start.astype("datetime64[D]").astype(np.int64)
    first = int(day.min()) if len(day) else 0
    pairs, labels_at = np.unique(kind * (1 << 32) + (day - first), return_inverse=True)  # per distinct (kind, day)
    labels = [
        ("interviewed " if k < 2 else "request sent ") + str(np.datetime64(int(d) + first, "D")) + "; " + texts[k]
        for k, d in zip(pairs >> 32, pairs & ((1 << 32) - 1), strict=True)
    ]
    return pd.DataFrame(
        {
            "owner": owner.take(order),
            "due": when,
            "days_overdue": (np.full(len(when), now.to_datetime64()) - when) // np.timedelta64(1, "D"),
            "action": str_series(pa.array(ACTIONS, pa.string()).take(pa.array(action))).array,
            "contact": contact.take(order),
            "company": log["company"].array.take(at),
            "detail": str_series(pa.array(labels, pa.string()).take(pa.array(labels_at.reshape(-1)))).array,
            "source_line": log["source_line"].array.take(at),
        }
    )


def _sort_codes(values: Any) -> npt.NDArray[np.int64]:
    """Codes that sort as `values` do, missing last."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes).astype(np.int64)


_OUTREACH_TEXT: Final = {
    "follow_up": "no reply after 7 business days: follow up with the same person",
    "second_contact": "no reply after 3 business days: write to a second person there",
    "waiting": "no reply yet: write to a second person there if none by then",
}
