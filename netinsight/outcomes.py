"""What the conversations lead to: the outcome funnel, and activity against a goal.

The funnel counts interviews, thank-you notes sent, check-ins (any follow-up recorded) and
each outcome (job lead, referral, mentorship, offer, and any of them). Every stage is a
share of the group's interviews, with both counts beside it, so groups of different sizes
compare fairly ("does a warm introduction convert better than a cold email?": group by
``source``). Limits: stages are not nested (an offer does not require a check-in), so each
rate is "of all interviews", not "of the stage before".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.groups import by_keys, check_period, group_frame, rate
from netinsight.schema import OUTCOMES

__all__ = ["FUNNEL_STAGES", "activity", "outcomes", "referral_depth", "stage_flags"]

#: The funnel's stages, in order.
FUNNEL_STAGES: Final[tuple[str, ...]] = ("interview", "thank_you", "check_in", *OUTCOMES, "any_outcome")


def stage_flags(log: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per funnel stage (`FUNNEL_STAGES`), one row per interview.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.

    Returns
    -------
    pandas.DataFrame
        Positions 0..n-1 (not the log's index): whether each interview reached each stage.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 2, "contact": ["A", "B"], "outcome": ["offer", ""]}))
    >>> stage_flags(log)[["interview", "offer", "any_outcome"]].values.tolist()
    [[True, True, True], [True, False, False]]
    """
    n = len(log)
    flags = pd.DataFrame(
        {
            "interview": np.ones(n, dtype=bool),
            "thank_you": log["thank_you_date"].notna().to_numpy(),
            "check_in": log["follow_up_date"].list.len().fillna(0).to_numpy() > 0,
        }
    )
    lengths = log["outcome"].list.len().fillna(0).to_numpy(dtype=np.int64)
    parents = np.repeat(np.arange(n), lengths)
    flat = log["outcome"].list.flatten().to_numpy(dtype=object)
    for name in OUTCOMES:
        flags[name] = np.bincount(parents[flat == name], minlength=n) > 0
    flags["any_outcome"] = flags[list(OUTCOMES)].any(axis=1)
    return flags


def referral_depth(log: pd.DataFrame, *, person: pd.Series[Any] | None = None) -> pd.Series[Any]:
    """The referral depth of each row's contact (1 = reached directly), aligned with the log.

    From `netinsight.chains.referral_chains`: the depth of the row's owner's chain to the
    row's person (`netinsight.graph.person_ids`); missing for a contact on an introduction
    cycle and for a row without a contact. Worked out once per log (`netinsight.memo`).

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    person
        Not needed any more (the rows' person ids are kept per log); accepted and ignored.

    Returns
    -------
    pandas.Series
        Int64, aligned with `log`.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana", "Ben"],
    ...                              "introduced_by": ["", "Ana"]}))
    >>> referral_depth(log).tolist()
    [1, 2]
    """
    from netinsight.chaintable import row_depths  # the chain computation is only needed here

    del person  # accepted for compatibility: the person ids are kept per log
    return pd.Series(row_depths(log), index=log.index, name="depth")


def _group_values(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], pd.DataFrame]:
    keys = by_keys(by)
    if "depth" in keys and "depth" not in log.columns:
        log = log.assign(depth=referral_depth(log))
    return group_frame(log, keys)


def outcomes(log: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """The funnel interview -> thank-you -> check-in -> outcomes, per group, with counts and rates.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        Column(s) to group by: ``source``, ``channel``, ``industry``, ``sector``,
        ``owner``, ``program``, ``"month"`` / ``"week"``, or ``"depth"``: the referral
        depth of the contact (1 = reached directly, 2 = introduced by someone reached
        directly ..., see `referral_depth`).

    Returns
    -------
    pandas.DataFrame
        Long format, one row per group and stage (`FUNNEL_STAGES`, in order): the `by`
        keys, ``stage``, ``count`` (interviews that reached the stage), ``base`` (the
        group's interviews) and ``rate`` (count / base; NA for an empty base).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 4, "contact": list("ABCD"),
    ...                              "thank_you_date": ["2026-03-02", "2026-03-03", "", ""],
    ...                              "outcome": ["referral; job lead", "", "offer", ""]}))
    >>> outcomes(log)[["stage", "count", "base", "rate"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['interview', 4, 4, 1.0], ['thank_you', 2, 4, 0.5], ['check_in', 0, 4, 0.0], ['job_lead', 1, 4, 0.25],
     ['referral', 1, 4, 0.25], ['mentorship', 0, 4, 0.0], ['offer', 1, 4, 0.25], ['any_outcome', 2, 4, 0.5]]
    """
    keys, kf = _group_values(log, by)
    flags = stage_flags(log)
    work = pd.concat([kf.reset_index(drop=True), flags], axis=1)
    if keys:
        sums = work.groupby(keys, observed=True, dropna=False)[list(FUNNEL_STAGES)].sum().reset_index()
    else:
        sums = pd.DataFrame([flags.sum().to_dict()])
    long = sums.melt(id_vars=keys, value_vars=list(FUNNEL_STAGES), var_name="stage", value_name="count")
    long["base"] = (
        long.groupby(keys, observed=True, dropna=False)["count"].transform("first") if keys else long["count"].iloc[0]
    )
    long["stage"] = pd.Categorical(long["stage"], categories=FUNNEL_STAGES, ordered=True)
    long = long.sort_values([*keys, "stage"], kind="stable").reset_index(drop=True)
    long["stage"] = long["stage"].astype(str)
    long[["count", "base"]] = long[["count", "base"]].astype("int64")
    long["rate"] = rate(long["count"], long["base"])
    return long


def activity(log: pd.DataFrame, *, freq: str = "W", goal: float | None = None) -> pd.DataFrame:
    """Interviews per week (or month, ...) from the first to the last, against a goal.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified. Several owners are counted together.
    freq
        A pandas period frequency: ``"W"`` weeks (Monday-Sunday), ``"M"`` months.
    goal
        Interviews wanted per period.

    Returns
    -------
    pandas.DataFrame
        One row per period (empty ones included): ``period`` (text), ``start``,
        ``interviews``, ``cumulative``, ``goal`` (NA without one) and ``met``
        (interviews >= goal; NA without a goal).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02", "2026-03-04", "2026-03-18"], "contact": list("ABC")}))
    >>> activity(log, goal=2)[["period", "interviews", "cumulative", "met"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['2026-03-02/2026-03-08', 2, 2, True], ['2026-03-09/2026-03-15', 0, 2, False],
     ['2026-03-16/2026-03-22', 1, 3, False]]
    """
    check_period(freq)
    if goal is not None and (not isinstance(goal, (int, float)) or goal < 0 or goal != goal):
        msg = f"`goal` must be a number of interviews of 0 or more per period, not {goal!r}."
        raise ValueError(msg)
    periods = log["date"].dropna().dt.to_period(freq)
    columns: dict[str, Any] = {"period": [], "start": [], "interviews": [], "cumulative": [], "goal": [], "met": []}
    if not len(periods):
        return pd.DataFrame(columns)
    full = pd.period_range(periods.min(), periods.max(), freq=periods.iloc[0].freq)
    counts = periods.value_counts().reindex(full, fill_value=0)
    out = pd.DataFrame(
        {
            "period": full.astype(str),
            "start": full.start_time,
            "interviews": counts.to_numpy(dtype=np.int64),
        }
    )
    out["cumulative"] = out["interviews"].cumsum()
    out["goal"] = pd.array([goal] * len(out), dtype="Float64")
    out["met"] = (out["interviews"] >= out["goal"]).astype("boolean")
    return out
