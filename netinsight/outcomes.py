"""What the conversations lead to: the outcome funnel, and activity against a goal.

The funnel counts interviews, thank-you notes sent, check-ins (any follow-up recorded) and
each outcome (job lead, referral, mentorship, offer, and any of them). Every stage is a
share of the group's interviews, with both counts beside it, so groups of different sizes
compare fairly ("does a warm introduction convert better than a cold email?": group by
``source``). The stages of each interview are worked out once per log (`stage_arrays`).
Limits: stages are not nested (an offer does not require a check-in), so each
rate is "of all interviews", not "of the stage before".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.grouparrays import group_codes, keyed_table, rate_array
from netinsight.groups import by_keys, check_period, group_frame
from netinsight.memo import bare, derived, freeze
from netinsight.memory import large_work
from netinsight.schema import OUTCOMES

__all__ = ["FUNNEL_STAGES", "activity", "outcomes", "referral_depth", "stage_arrays", "stage_flags"]

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
    return pd.DataFrame(stage_arrays(log))


def stage_arrays(log: pd.DataFrame) -> dict[str, npt.NDArray[np.bool_]]:
    """`stage_flags` as NumPy arrays, one per stage: worked out once per log (`netinsight.memo`), read-only.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 2, "contact": ["A", "B"], "outcome": ["offer", ""]}))
    >>> stage_arrays(log)["offer"].tolist()
    [True, False]
    """
    return derived(log, "stage_flags", _stage_arrays)  # type: ignore[no-any-return]


def _stage_arrays(log: pd.DataFrame) -> dict[str, npt.NDArray[np.bool_]]:
    """`stage_flags` as NumPy arrays, one per stage (read-only)."""
    n = len(log)
    follow = _arrow(log["follow_up_date"])
    flags = {
        "interview": np.ones(n, dtype=bool),
        "thank_you": ~np.isnat(log["thank_you_date"].to_numpy(dtype="datetime64[ns]")),
        "check_in": pc.fill_null(pc.list_value_length(follow), 0).to_numpy() > 0,
    }
    lists = _arrow(log["outcome"])
    parents = pc.list_parent_indices(lists).to_numpy()
    which = pc.fill_null(pc.index_in(pc.list_flatten(lists), value_set=pa.array(OUTCOMES)), -1).to_numpy()
    named = which >= 0  # each listed outcome's position in OUTCOMES
    reached = np.zeros((n, len(OUTCOMES)), dtype=bool)
    reached.reshape(-1)[parents[named] * len(OUTCOMES) + which[named]] = True
    for i, name in enumerate(OUTCOMES):
        flags[name] = np.ascontiguousarray(reached[:, i])
    flags["any_outcome"] = np.logical_or.reduce([flags[name] for name in OUTCOMES])
    freeze(*flags.values())
    return flags


def _arrow(column: pd.Series[Any]) -> Any:
    """An Arrow-backed column as one Arrow array."""
    array = column.array.__arrow_array__()
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


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


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    keys, kf = _group_values(log, by)
    flags = stage_arrays(log)
    group, key_table = group_codes(kf)
    if not keys and not len(key_table):  # an empty log still gives its one row per stage
        key_table = pd.DataFrame(index=range(1))
    n, stages = len(key_table), len(FUNNEL_STAGES)
    counts = np.stack([np.bincount(group[flags[stage]], minlength=n) for stage in FUNNEL_STAGES], axis=1).reshape(-1)
    base = np.repeat(counts[::stages] if n else counts, stages)
    return keyed_table(
        key_table.take(np.repeat(np.arange(n), stages)),
        {
            "stage": pd.array(np.tile(np.array(FUNNEL_STAGES, dtype=object), n), dtype="str"),
            "count": counts.astype(np.int64),
            "base": base.astype(np.int64),
            "rate": rate_array(counts, base),
        },
    )


@large_work()
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
    log = bare(log)  # without attrs, which pandas would deep-copy into every intermediate result
    check_period(freq)
    if goal is not None and (not isinstance(goal, (int, float)) or goal < 0 or goal != goal):
        msg = f"`goal` must be a number of interviews of 0 or more per period, not {goal!r}."
        raise ValueError(msg)
    dates = log["date"].to_numpy()
    dates = dates[~np.isnat(dates)]
    columns: dict[str, Any] = {"period": [], "start": [], "interviews": [], "cumulative": [], "goal": [], "met": []}
    if not len(dates):
        return pd.DataFrame(columns)
    distinct, times = np.unique(dates, return_counts=True)  # periods are worked out per distinct date
    periods = pd.DatetimeIndex(distinct).to_period(freq)
    first, step = int(periods.asi8.min()), getattr(periods.freq, "n", 1)  # a multiple ("2W") steps over ordinals
    interviews = np.bincount(periods.asi8 - first, weights=times).astype(np.int64)[::step]
    full = pd.period_range(start=periods.min(), periods=len(interviews), freq=periods.freq)
    met = interviews >= (goal if goal is not None else 0)
    unset = np.full(len(full), goal is None)
    return pd.DataFrame(
        {
            "period": full.astype(str),
            "start": full.start_time,
            "interviews": interviews,
            "cumulative": np.cumsum(interviews),
            "goal": pd.arrays.FloatingArray(np.full(len(full), goal or 0.0, dtype=float), unset),
            "met": pd.arrays.BooleanArray(met, unset),
        }
    )
