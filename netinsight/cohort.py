"""Career-office cohort tables: what a cohort's networking achieves, by group, safe to publish.

`cohort_summary` (the figures by group) and `cohort_students` (the one student-level table)
are here; the breakdowns by industry, period, employer and outcome stage are
`netinsight.cohortbreakdowns`. Every table is privacy-protected by default (`netinsight.privacy.publish`): a row whose
figures rest on fewer than `min_cell` students is replaced by the marker ``*``, further rows
are hidden where a hidden value could otherwise be worked out from the published total, and
rates below 5 % or above 95 % are shown as ``"<5%"`` / ``">95%"``. Value columns therefore
hold numbers and marker strings (object dtype). Students are counted unduplicated (a student
counts once in each group they have interviews in, and once in the total); interviews are
totals. No table names a student or a professional; `cohort_students` is the one
student-level table, and it is pseudonymised with a keyed hash. The figures are counted on
integer codes kept per log (`netinsight.cohortfigures`), so the tables of one report share
the group codes, flags and depths they need.

Limits: protection covers each table and its own total row; it does not model differencing
across several tables built from overlapping groupings, nor bounds from non-negativity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from netinsight.cohortfigures import SUMMARY_RATES, summary_figures
from netinsight.followup import follow_up_arrays
from netinsight.groupcodes import NOT_RECORDED, distinct_pairs, group_codes, key_labels
from netinsight.groups import group_frame, log_group_labels, rate
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.outcomes import stage_arrays
from netinsight.policy import FollowUpPolicy
from netinsight.privacy import TOTAL, publish, total_lines, with_total
from netinsight.pseudonyms import pseudonymize
from netinsight.suppression import check_min_cell

__all__ = ["NOT_RECORDED", "cohort_students", "cohort_summary"]


def _codes(values: pd.Series[Any]) -> np.ndarray[Any, Any]:
    """Integer codes of `values` (equal values, equal codes; missing -> -1): students and people are
    counted on integers, which is much faster than on strings."""
    return pd.factorize(values)[0]


def _key_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Group key values as text, missing ones labelled `NOT_RECORDED`."""
    codes, labels = key_labels(values)
    return pd.Series(labels[codes], index=values.index, dtype=object)


@large_work()
def cohort_summary(
    log: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = ("program",),
    roster: pd.DataFrame | None = None,
    policy: str | FollowUpPolicy = "standard",
    min_cell: int = 10,
    today: object = None,
) -> pd.DataFrame:
    """One row per group of students, and a total row: activity, follow-up and outcomes, protected.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log` (one ``owner`` per student). Not modified.
    by
        Column(s) to group by: ``program``, ``class_year``, ``term``, ``"month"`` ...
    roster
        Optional, from `netinsight.read_roster`: every student of the cohort with their
        groups, so that the participation rate (students with at least one interview /
        students on the roster) can be given. Its columns must include the `by` keys.
    policy
        The follow-up policy for the on-time and check-in rates (see `follow_up_rates`).
    min_cell
        The smallest number of students a published figure may rest on (at least 5).
    today
        Passed to `follow_up_rates`: interviews whose windows are still open are not yet due.

    Returns
    -------
    pandas.DataFrame
        The `by` keys (text; the last row is ``"Total"``), ``students`` (unduplicated),
        [``roster_students``, ``participation_rate``,] ``interviews`` (total),
        ``interviews_per_student`` (median), ``industries_reached``, ``on_time_rate``,
        ``check_in_rate``, ``referral_rate`` and ``job_lead_rate`` (shares of interviews,
        as in `outcomes`), ``introduced_share`` (contacts reached through an introduction /
        contacts with a known depth) and ``median_chain_depth``. Suppressed cells are ``"*"``;
        ``attrs["privacy"]`` counts them (see `netinsight.privacy.publish`).

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> log = read_log(cohort_log(40, interviews_per_student=3, seed=1))
    >>> table = cohort_summary(log, by="class_year", min_cell=5)
    >>> table.columns[:4].tolist()
    ['class_year', 'students', 'interviews', 'interviews_per_student']
    >>> table.iloc[-1][["class_year", "students"]].tolist()
    ['Total', 40]
    """
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    min_cell = check_min_cell(min_cell)
    pol = FollowUpPolicy.parse(policy)
    keys, codes, labels = log_group_labels(log, by)
    if keys:
        measures, total = summary_figures(log, pol, today, codes, len(labels))
        table = with_total(pd.concat([labels, measures], axis=1), total, keys)
    else:
        table = summary_figures(log, pol, today, np.zeros(len(log), dtype=np.int64), 1)[1]
    if roster is not None:
        table = _participation(table, log, roster, keys)
    columns = [*keys, "students"]
    columns += ["roster_students", "participation_rate"] if roster is not None else []
    columns += [
        "interviews", "interviews_per_student", "industries_reached", "on_time_rate", "check_in_rate",
        "referral_rate", "job_lead_rate", "introduced_share", "median_chain_depth",
    ]  # fmt: skip
    table = table[columns]
    rates = [c for c in SUMMARY_RATES if c in table.columns]
    return publish(table, support="students", lines=total_lines(table), min_cell=min_cell, rates=rates, keep=keys)


def _participation(table: pd.DataFrame, log: pd.DataFrame, roster: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    missing = [k for k in keys if k not in roster.columns]
    if missing:
        msg = (
            f"the roster has no column(s) {missing} to group by; columns in the roster: {list(roster.columns)}. "
            "Add them to the roster or group by columns it has."
        )
        raise ValueError(msg)
    active = set(pd.Series(log["owner"].unique()).astype(str).str.casefold())
    students = roster.assign(
        **{k: _key_text(roster[k]) for k in keys},
        _active=roster["student"].astype(str).str.casefold().isin(active),
    )
    gk = keys or ["_all"]
    students = students.assign(_all=0)
    counts = students.groupby(gk, observed=True)["_active"].agg(["size", "sum"]).reset_index()
    counts = counts.rename(columns={"size": "roster_students", "sum": "roster_active"})
    total = pd.DataFrame({"roster_students": [len(students)], "roster_active": [int(students["_active"].sum())]})
    if keys:
        total = total.assign(**{k: (TOTAL if i == 0 else "") for i, k in enumerate(keys)})
        counts = pd.concat([counts, total], ignore_index=True)
        table = table.merge(counts, on=keys, how="outer", sort=False)
        table = pd.concat([table[table[keys[0]].ne(TOTAL)], table[table[keys[0]].eq(TOTAL)]], ignore_index=True)
    else:
        table = table.assign(roster_students=len(students), roster_active=int(students["_active"].sum()))
    table["students"] = table["students"].fillna(0).astype("int64")
    table["interviews"] = table["interviews"].fillna(0).astype("int64")
    table["roster_students"] = table["roster_students"].fillna(0).astype("int64")
    table["participation_rate"] = rate(table["roster_active"].fillna(0), table["roster_students"]).to_numpy()
    return table.drop(columns="roster_active")


@large_work()
def cohort_students(
    log: pd.DataFrame,
    *,
    key: bytes,
    by: str | Sequence[str] | None = ("program",),
    policy: str | FollowUpPolicy = "standard",
) -> pd.DataFrame:
    """One row per student (and group): their own figures, under a keyed pseudonym.

    For a career office's internal follow-up. Student identifiers are replaced with
    `netinsight.pseudonyms.pseudonymize` (HMAC-SHA256 with `key`, see
    `netinsight.pseudonyms.load_key`); no names of students or professionals appear. Not a
    publication table: it is not suppressed.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    key
        The pseudonymisation key (at least 16 bytes).
    by
        Group columns shown beside each student (a student with interviews in several
        terms has a row per term when `by` includes ``term``).
    policy
        The follow-up policy for the on-time and check-in rates.

    Returns
    -------
    pandas.DataFrame
        ``student`` (pseudonym), the `by` keys, ``interviews``, ``industries_reached``,
        ``on_time_rate``, ``check_in_rate``, ``referrals`` and ``job_leads`` (interviews that
        led to one), sorted by pseudonym.

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> table = cohort_students(read_log(cohort_log(3, interviews_per_student=2, seed=1)), key=b"k" * 16)
    >>> bool(table["student"].str.startswith("S-").all()), len(table)
    (True, 3)
    """
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    keys, frame = group_frame(log, by)
    pol = FollowUpPolicy.parse(policy)
    follow = follow_up_arrays(log, policy=pol)
    stages = stage_arrays(log)
    owners, distinct = pd.factorize(log["owner"], use_na_sentinel=False)
    owner_text, names = pd.factorize(pd.Series(distinct).astype(str), use_na_sentinel=False)
    codes, labels = group_codes(frame, keys)
    width = max(len(labels), 1)
    rows, kept = pd.factorize(owner_text[owners] * width + codes)  # one row per student and group
    n = len(kept)
    table = labels.iloc[kept % width].reset_index(drop=True)
    table.insert(0, "student", pseudonymize(pd.Series(np.asarray(names, dtype=object)[kept // width]), key=key))
    sector = _codes(log["sector"])
    has_sector = sector >= 0
    sums = {col: np.bincount(rows[flag], minlength=n) for col, flag in (
        ("thank_you_due", follow["thank_you_due"]), ("on_time", follow["on_time"]),
        ("check_in_due", follow["check_in_due"]), ("check_in", follow["check_in"]),
        ("referrals", stages["referral"]), ("job_leads", stages["job_lead"]),
    )}  # fmt: skip
    table["interviews"] = np.bincount(rows, minlength=n)
    table["industries_reached"] = np.bincount(distinct_pairs(rows[has_sector], sector[has_sector])[0], minlength=n)
    table["on_time_rate"] = rate(sums["on_time"], sums["thank_you_due"]).array
    table["check_in_rate"] = rate(sums["check_in"], sums["check_in_due"]).array
    table["referrals"] = sums["referrals"]
    table["job_leads"] = sums["job_leads"]
    return table.sort_values(["student", *keys], kind="stable").reset_index(drop=True)
