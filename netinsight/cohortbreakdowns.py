"""Cohort breakdowns: students and interviews by industry, period, employer and outcome stage, protected.

Like `netinsight.cohort` (which holds the summary by group and the student-level table), every
table is privacy-protected by `netinsight.privacy.publish`, counts students unduplicated and names
no student or professional. The figures are counted on integer codes kept per log
(`netinsight.cohortfigures`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from netinsight.cohortfigures import sector_codes, student_codes, student_figures
from netinsight.employers import employer_codes
from netinsight.groupcodes import distinct_counts, distinct_pairs, group_modes
from netinsight.groupflags import flags_present
from netinsight.groups import log_group_labels, rate
from netinsight.memo import bare
from netinsight.memory import large_work
from netinsight.outcomes import FUNNEL_STAGES, stage_arrays
from netinsight.privacy import publish, total_lines, with_total
from netinsight.suppression import check_min_cell

__all__ = ["cohort_activity", "cohort_employers", "cohort_funnel", "cohort_industries"]


@large_work()
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
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    min_cell = check_min_cell(min_cell)
    _, codes, sectors = log_group_labels(log, "sector")
    labels = sectors["sector"].to_numpy()
    student = student_codes(log)
    pair_groups, _, _ = distinct_pairs(codes, student)
    students = np.bincount(pair_groups, minlength=len(labels))
    interviews = np.bincount(codes, minlength=len(labels))
    order = np.lexsort((np.arange(len(labels)), -interviews, -students))  # most students, ties by name
    groups = pd.DataFrame({"industry": labels[order], "students": students[order], "interviews": interviews[order]})
    cohort = int(np.count_nonzero(np.bincount(student + 1)))  # a missing owner: one more student
    total = pd.DataFrame({"students": [cohort], "interviews": [len(log)]})
    table = with_total(groups, total, ["industry"])
    table.insert(2, "student_share", rate(table["students"], pd.Series(cohort, index=table.index)).to_numpy())
    return publish(
        table,
        support="students",
        lines=total_lines(table),
        min_cell=min_cell,
        rates=["student_share"],
        keep=["industry"],
    )


@large_work()
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
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    min_cell = check_min_cell(min_cell)
    keys, codes, labels = log_group_labels(log, by)
    by_group, total_figures = student_figures(codes, len(labels), student_codes(log))
    groups = pd.concat([labels, pd.DataFrame(by_group)], axis=1)
    # in order of time: a period's first interview (periods without dates last), then by name
    dates = log["date"].dt.tz_convert(None) if isinstance(log["date"].dtype, pd.DatetimeTZDtype) else log["date"]
    days = dates.to_numpy().view(np.int64)
    last = np.iinfo(np.int64).max
    first = np.full(len(labels), last, dtype=np.int64)
    np.minimum.at(first, codes, np.where(days == np.iinfo(np.int64).min, last, days))
    if len(keys) > 1:  # the first key's period
        first = pd.Series(first).groupby(labels[keys[0]].to_numpy()).transform("min").to_numpy()
    groups = groups.iloc[np.argsort(first, kind="stable")]
    total = pd.DataFrame(total_figures)
    table = with_total(groups, total, keys)
    return publish(table, support="students", lines=total_lines(table), min_cell=min_cell, keep=keys)


@large_work()
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
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    min_cell = check_min_cell(min_cell)
    coded = employer_codes(log)  # each row's spelling, each spelling's key
    company, spelling, key_codes, names = coded.company, coded.spellings, coded.key, coded.names
    name_rank = _ranks(names)
    spelling_key = np.where(key_codes >= 0, name_rank[key_codes], -1) if len(key_codes) else key_codes
    row_key = np.append(spelling_key, -1)[company]  # no company or an empty key: not an employer
    rows = row_key >= 0
    every_row = bool(rows.all())
    n_keys = len(names)
    student = student_codes(log)
    counts = np.bincount(company + 1, minlength=len(spelling) + 1)[1:]
    kept = np.flatnonzero(spelling_key >= 0)  # the most common spelling, ties: the first in sorted order
    employer = group_modes(spelling_key[kept], kept, counts[kept], _ranks(spelling), n_keys)
    sector, n_sectors, sector_text = sector_codes(log)
    width = n_sectors + 1  # the last sector code: none
    by_sector = np.bincount((row_key + 1) * width + sector, minlength=(n_keys + 1) * width)
    by_sector = by_sector.reshape(n_keys + 1, width)[1:, :n_sectors]  # employers (not "no employer") x sectors
    found = np.flatnonzero(by_sector)  # the distinct (employer, sector) pairs, as `distinct_pairs` gives them
    pairs = (found // max(n_sectors, 1), found % max(n_sectors, 1), by_sector.reshape(-1)[found])
    industry = group_modes(*pairs, _ranks(sector_text), n_keys)
    table = pd.DataFrame(
        {
            "employer": spelling[employer],
            "industry": np.append(sector_text, np.nan)[industry],
            "students": distinct_counts(*((row_key, student) if every_row else (row_key[rows], student[rows])), n_keys),
            "interviews": np.bincount(row_key + 1, minlength=n_keys + 1)[1:],
        }
    )
    listed = table[table["students"] >= min_cell]
    listed = listed.sort_values(["students", "interviews", "employer"], ascending=[False, False, True], kind="stable")
    out = listed.head(n).reset_index(drop=True)
    out.attrs["privacy"] = {"min_cell": min_cell, "suppressed": 0, "coded": 0, "left_out": len(table) - len(listed)}
    return out


def _ranks(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The rank of each of the distinct `values` in sorted order (as Python sorts them)."""
    rank = np.empty(len(values), dtype=np.int64)
    rank[np.argsort(values, kind="stable")] = np.arange(len(values))
    return rank


@large_work()
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
    log = bare(log)  # pandas would deep-copy the log's attrs into every intermediate result
    min_cell = check_min_cell(min_cell)
    flags = stage_arrays(log)
    owner = student_codes(log) + 1  # a missing owner: one more student
    stages = [s for s in FUNNEL_STAGES if s != "interview"]
    reached = flags_present(owner, [flags[s] for s in stages], int(owner.max(initial=0)) + 1)
    students = [int(n) for n in reached.sum(axis=1)]
    table = pd.DataFrame(
        {
            "stage": stages,
            "students": students,
            "interviews": [int(np.count_nonzero(flags[s])) for s in stages],
        }
    )
    table["rate"] = rate(table["interviews"], pd.Series(len(log), index=table.index)).to_numpy()
    return publish(table, support="students", lines=[], min_cell=min_cell, rates=["rate"], keep=["stage"])
