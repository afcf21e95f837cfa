"""Career-office cohort tables: what a cohort's networking achieves, by group, safe to publish.

Every table here is privacy-protected by default (`netinsight.privacy.publish`): a row whose
figures rest on fewer than `min_cell` students is replaced by the marker ``*``, further rows
are hidden where a hidden value could otherwise be worked out from the published total, and
rates below 5 % or above 95 % are shown as ``"<5%"`` / ``">95%"``. Value columns therefore
hold numbers and marker strings (object dtype). Students are counted unduplicated (a student
counts once in each group they have interviews in, and once in the total); interviews are
totals. No table names a student or a professional; `cohort_students` is the one
student-level table, and it is pseudonymised with a keyed hash.

Limits: protection covers each table and its own total row; it does not model differencing
across several tables built from overlapping groupings, nor bounds from non-negativity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.employers import normalize_employer
from netinsight.followup import follow_up_flags, follow_up_rates
from netinsight.groups import group_frame, rate
from netinsight.outcomes import FUNNEL_STAGES, outcomes, referral_depth, stage_flags
from netinsight.people import person_ids
from netinsight.policy import FollowUpPolicy
from netinsight.privacy import publish
from netinsight.pseudonyms import pseudonymize
from netinsight.suppression import check_min_cell

__all__ = [
    "NOT_RECORDED",
    "TOTAL",
    "cohort_activity",
    "cohort_employers",
    "cohort_funnel",
    "cohort_industries",
    "cohort_students",
    "cohort_summary",
]

#: The label of the total row (in the first key column).
TOTAL: Final = "Total"
#: The label of a group whose key is missing in the log.
NOT_RECORDED: Final = "(not recorded)"

_SUMMARY_RATES: Final = (
    "participation_rate",
    "on_time_rate",
    "check_in_rate",
    "referral_rate",
    "job_lead_rate",
    "introduced_share",
)


def _codes(values: pd.Series[Any]) -> np.ndarray[Any, Any]:
    """Integer codes of `values` (equal values, equal codes; missing -> -1): students and people are
    counted on integers, which is much faster than on strings."""
    return pd.factorize(values)[0]


def _key_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Group key values as text, missing ones labelled `NOT_RECORDED`."""
    text = values.astype("string").str.strip()
    return text.mask(text.eq("") | text.isna(), NOT_RECORDED).astype(object)


def _grouped_log(log: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[list[str], pd.DataFrame]:
    """The `by` keys and the log with those keys as text columns (derived periods included)."""
    keys, frame = group_frame(log, by)
    return keys, log.assign(**{k: _key_text(frame[k]) for k in keys})


def _with_total(groups: pd.DataFrame, total: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Groups then one total row; `lines` for `publish` are all groups -> the total."""
    total = total.assign(**{k: (TOTAL if i == 0 else "") for i, k in enumerate(keys)})
    return pd.concat([groups, total[groups.columns]], ignore_index=True)


def _lines(table: pd.DataFrame) -> list[tuple[list[int], int]]:
    """The groups (every row but the last) add up to the total (the last row)."""
    return [(list(range(len(table) - 1)), len(table) - 1)] if len(table) > 1 else []


def _per_group(work: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Students, interviews and interviews per student for each group of `work` (one row per interview)."""
    gk = keys or ["_all"]
    frame = work.assign(_all=0) if not keys else work
    per_student = frame.groupby([*gk, "student"], observed=True, sort=False).size().rename("n").reset_index()
    grouped = per_student.groupby(gk, observed=True, sort=True)["n"]
    out = pd.DataFrame({"students": grouped.size(), "interviews": grouped.sum()})
    out["interviews_per_student"] = grouped.median().astype(float)
    if not keys and out.empty:  # the total of nothing is a row of zeros
        out = pd.DataFrame({"students": [0], "interviews": [0], "interviews_per_student": [np.nan]})
    return out.reset_index(drop=not keys).drop(columns=["_all"], errors="ignore")


def _interviews(
    log: pd.DataFrame, glog: pd.DataFrame, keys: list[str], policy: FollowUpPolicy, today: object
) -> pd.DataFrame:
    """One row per interview: the group keys, student, person, sector, depth and the follow-up and outcome flags."""
    ids = person_ids(log)
    follow = follow_up_flags(log, policy=policy, today=today)
    stages = stage_flags(log)
    work = pd.DataFrame({k: glog[k].to_numpy(dtype=object) for k in keys})
    work["student"] = _codes(log["owner"])
    person = _codes(ids).astype(np.float64)
    person[person < 0] = np.nan  # no contact: no person
    work["person"] = work["student"] * (len(log) + 1.0) + person
    sector = _codes(log["sector"]).astype(np.float64)
    sector[sector < 0] = np.nan  # nunique leaves missing sectors out
    work["sector"] = sector
    work["depth"] = referral_depth(log, person=ids).to_numpy(dtype=float, na_value=np.nan)
    for col in ("thank_you_due", "on_time", "check_in_due", "check_in"):
        work[col] = follow[col].to_numpy()
    for col in ("referral", "job_lead"):
        work[col] = stages[col].to_numpy()
    return work


def _summary_measures(work: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The summary's figures for each group of `work` (one row per interview), or one total row without keys."""
    gk = keys or ["_all"]
    frame = work.assign(_all=0) if not keys else work
    out = _per_group(work, keys)
    sums = frame.groupby(gk, observed=True, sort=True).agg(
        industries_reached=("sector", "nunique"),
        thank_you_due=("thank_you_due", "sum"),
        on_time=("on_time", "sum"),
        check_in_due=("check_in_due", "sum"),
        check_in=("check_in", "sum"),
        referral=("referral", "sum"),
        job_lead=("job_lead", "sum"),
    )
    contacts = frame.dropna(subset=["person", "depth"]).drop_duplicates([*gk, "person"])
    depth = contacts.assign(introduced=contacts["depth"] >= 2).groupby(gk, observed=True, sort=True)
    found = depth.agg(introduced=("introduced", "sum"), known=("depth", "size"), median_depth=("depth", "median"))
    out = out.assign(_all=0) if not keys else out
    out = out.merge(sums.reset_index(), on=gk, how="left").merge(found.reset_index(), on=gk, how="left")
    counts = ["industries_reached", "thank_you_due", "on_time", "check_in_due", "check_in", "referral", "job_lead"]
    out[[*counts, "introduced", "known"]] = out[[*counts, "introduced", "known"]].fillna(0).astype("int64")
    out["on_time_rate"] = rate(out["on_time"], out["thank_you_due"]).to_numpy()
    out["check_in_rate"] = rate(out["check_in"], out["check_in_due"]).to_numpy()
    out["referral_rate"] = rate(out["referral"], out["interviews"]).to_numpy()
    out["job_lead_rate"] = rate(out["job_lead"], out["interviews"]).to_numpy()
    out["introduced_share"] = rate(out["introduced"], out["known"]).to_numpy()
    out["median_chain_depth"] = out["median_depth"].astype(float)
    return out.drop(columns=["_all", *counts[1:], "introduced", "known", "median_depth"], errors="ignore")


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
    min_cell = check_min_cell(min_cell)
    pol = FollowUpPolicy.parse(policy)
    keys, glog = _grouped_log(log, by)
    work = _interviews(log, glog, keys, pol, today)
    groups = _summary_measures(work, keys) if keys else None
    total = _summary_measures(work, [])
    table = total.assign(**dict.fromkeys(keys[:1], TOTAL)) if groups is None else _with_total(groups, total, keys)
    if roster is not None:
        table = _participation(table, glog, roster, keys)
    columns = [*keys, "students"]
    columns += ["roster_students", "participation_rate"] if roster is not None else []
    columns += [
        "interviews", "interviews_per_student", "industries_reached", "on_time_rate", "check_in_rate",
        "referral_rate", "job_lead_rate", "introduced_share", "median_chain_depth",
    ]  # fmt: skip
    table = table[columns]
    rates = [c for c in _SUMMARY_RATES if c in table.columns]
    return publish(table, support="students", lines=_lines(table), min_cell=min_cell, rates=rates, keep=keys)


def _participation(table: pd.DataFrame, glog: pd.DataFrame, roster: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    missing = [k for k in keys if k not in roster.columns]
    if missing:
        msg = (
            f"the roster has no column(s) {missing} to group by; columns in the roster: {list(roster.columns)}. "
            "Add them to the roster or group by columns it has."
        )
        raise ValueError(msg)
    active = set(glog["owner"].astype(str).str.casefold())
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


def cohort_industries(log: pd.DataFrame, *, min_cell: int = 10) -> pd.DataFrame:
    """Students reaching each industry (normalised sector), with a total row, protected.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    min_cell
        The smallest number of students a published row may rest on (at least 5).

    Returns
    -------
    pandas.DataFrame
        ``industry`` (interviews without one are ``"(not recorded)"``), ``students``
        (who interviewed in it), ``student_share`` (of the cohort's students) and
        ``interviews``; most students first, then the ``"Total"`` row. Suppressed
        cells are ``"*"`` (see `cohort_summary`).

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> table = cohort_industries(read_log(cohort_log(40, interviews_per_student=3, seed=1)), min_cell=5)
    >>> table.columns.tolist(), table.iloc[-1]["industry"]
    (['industry', 'students', 'student_share', 'interviews'], 'Total')
    """
    min_cell = check_min_cell(min_cell)
    work = pd.DataFrame({"industry": _key_text(log["sector"]), "student": _codes(log["owner"])})
    groups = _per_group(work, ["industry"]).drop(columns="interviews_per_student")
    groups = groups.sort_values(["students", "interviews", "industry"], ascending=[False, False, True], kind="stable")
    total = _per_group(work, []).drop(columns="interviews_per_student")
    table = _with_total(groups, total, ["industry"])
    cohort = int(total["students"].iloc[0]) if len(total) else 0
    table.insert(2, "student_share", rate(table["students"], pd.Series(cohort, index=table.index)).to_numpy())
    return publish(
        table, support="students", lines=_lines(table), min_cell=min_cell, rates=["student_share"], keep=["industry"]
    )


def cohort_activity(log: pd.DataFrame, *, by: str = "month", min_cell: int = 10) -> pd.DataFrame:
    """Activity over time: students active and interviews per month (or term, week), protected.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    by
        ``"month"`` (default), ``"week"``, ``"term"`` or another log column.
    min_cell
        The smallest number of students a published row may rest on (at least 5).

    Returns
    -------
    pandas.DataFrame
        The `by` column, ``students`` (with at least one interview in the period),
        ``interviews`` and ``interviews_per_student`` (median over those students), in
        order of time (a period's first interview), then the ``"Total"`` row.

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> table = cohort_activity(read_log(cohort_log(40, interviews_per_student=3, seed=1)), by="term", min_cell=5)
    >>> table.columns.tolist()
    ['term', 'students', 'interviews', 'interviews_per_student']
    """
    min_cell = check_min_cell(min_cell)
    keys, glog = _grouped_log(log, by)
    work = pd.DataFrame({k: glog[k].to_numpy(dtype=object) for k in keys})
    work["student"] = _codes(glog["owner"])
    groups = _per_group(work, keys)
    first = pd.Series(log["date"].to_numpy()).groupby(work[keys[0]].to_numpy()).min()
    groups = groups.assign(_first=groups[keys[0]].map(first)).sort_values(["_first", keys[0]], kind="stable")
    table = _with_total(groups.drop(columns="_first"), _per_group(work, []), keys)
    return publish(table, support="students", lines=_lines(table), min_cell=min_cell, keep=keys)


def cohort_employers(log: pd.DataFrame, *, n: int = 20, min_cell: int = 10) -> pd.DataFrame:
    """The employers the most students reached, listing only those reached by `min_cell` students or more.

    Employers are compared with `netinsight.employers.normalize_employer` and shown in
    their most common spelling. No total row: a student reaches several employers.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    n
        At most this many employers.
    min_cell
        An employer reached by fewer students is not listed (at least 5).

    Returns
    -------
    pandas.DataFrame
        ``employer``, ``industry`` (most common sector), ``students`` and ``interviews``,
        most students first. ``attrs["privacy"]`` says how many employers were left out.

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> cohort_employers(read_log(cohort_log(40, interviews_per_student=3, seed=1)), min_cell=5).columns.tolist()
    ['employer', 'industry', 'students', 'interviews']
    """
    min_cell = check_min_cell(min_cell)
    work = pd.DataFrame(
        {
            "key": normalize_employer(log["company"]).to_numpy(dtype=object),
            "employer": log["company"].to_numpy(dtype=object),
            "industry": log["sector"].astype(object).to_numpy(),
            "student": _codes(log["owner"]),
        }
    ).dropna(subset=["key"])
    grouped = work.groupby("key", sort=True)
    table = pd.DataFrame({"students": grouped["student"].nunique(), "interviews": grouped.size()})
    table.insert(0, "industry", _modes(work["key"], work["industry"]).reindex(table.index))
    table.insert(0, "employer", _modes(work["key"], work["employer"]).reindex(table.index))
    listed = table[table["students"] >= min_cell]
    listed = listed.sort_values(["students", "interviews", "employer"], ascending=[False, False, True], kind="stable")
    out = listed.head(n).reset_index(drop=True)
    out.attrs["privacy"] = {"min_cell": min_cell, "suppressed": 0, "coded": 0, "left_out": len(table) - len(listed)}
    return out


def _modes(keys: pd.Series[Any], values: pd.Series[Any]) -> pd.Series[Any]:
    """The most common value per key (ties: the first in sorted order), missing values ignored."""
    pairs = pd.DataFrame({"key": keys.to_numpy(dtype=object), "value": values.to_numpy(dtype=object)}).dropna()
    counts = pairs.groupby(["key", "value"], sort=False).size().rename("n").reset_index()
    counts = counts.sort_values(["key", "n", "value"], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("key").set_index("key")["value"]


def cohort_funnel(log: pd.DataFrame, *, min_cell: int = 10) -> pd.DataFrame:
    """The cohort's outcome funnel (thank-you, check-in, job lead, referral, ...), protected.

    Parameters
    ----------
    log
        A cohort log from `netinsight.read_log`. Not modified.
    min_cell
        A stage reached by fewer students is suppressed (at least 5).

    Returns
    -------
    pandas.DataFrame
        One row per stage of `netinsight.outcomes.FUNNEL_STAGES` after ``interview``:
        ``stage``, ``students`` (with at least one interview at the stage),
        ``interviews`` (at the stage) and ``rate`` (of all interviews, as in `outcomes`).

    Examples
    --------
    >>> from netinsight.datasets import cohort_log
    >>> from netinsight import read_log
    >>> cohort_funnel(read_log(cohort_log(40, interviews_per_student=3, seed=1)), min_cell=5)["stage"].tolist()
    ['thank_you', 'check_in', 'job_lead', 'referral', 'mentorship', 'offer', 'any_outcome']
    """
    min_cell = check_min_cell(min_cell)
    flags = stage_flags(log)
    owner = _codes(log["owner"])
    stages = [s for s in FUNNEL_STAGES if s != "interview"]
    students = [len(np.unique(owner[flags[s].to_numpy()])) for s in stages]
    table = pd.DataFrame(
        {
            "stage": stages,
            "students": students,
            "interviews": [int(flags[s].sum()) for s in stages],
        }
    )
    table["rate"] = rate(table["interviews"], pd.Series(len(log), index=table.index)).to_numpy()
    return publish(table, support="students", lines=[], min_cell=min_cell, rates=["rate"], keep=["stage"])


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
    keys, glog = _grouped_log(log, by)
    gk = ["owner", *keys]
    glog = glog.assign(owner=glog["owner"].astype(str))
    follow = follow_up_rates(glog, policy=policy, by=gk)[[*gk, "interviews", "on_time_rate", "check_in_rate"]]
    funnel = outcomes(glog, by=gk)
    counts = funnel[funnel["stage"].isin(["referral", "job_lead"])].pivot_table(
        index=gk, columns="stage", values="count", aggfunc="first", observed=True
    )
    sectors = glog.assign(sector=glog["sector"].astype(object)).groupby(gk, observed=True)["sector"].nunique()
    table = follow.merge(sectors.rename("industries_reached").reset_index(), on=gk, how="left")
    if len(counts):
        table = table.merge(counts.reset_index(), on=gk, how="left")
    table = table.rename(columns={"referral": "referrals", "job_lead": "job_leads"})
    for col in ("referrals", "job_leads"):
        table[col] = table.get(col, pd.Series(0, index=table.index)).fillna(0).astype("int64")
    table.insert(0, "student", pseudonymize(table["owner"], key=key))
    columns = ["student", *keys, "interviews", "industries_reached", "on_time_rate", "check_in_rate"]
    out = table[[*columns, "referrals", "job_leads"]].sort_values(["student", *keys], kind="stable")
    return out.reset_index(drop=True)
