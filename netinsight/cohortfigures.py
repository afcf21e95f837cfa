"""The figures behind the cohort summary, on integer codes: students, interviews, sectors, follow-up, depths.

`netinsight.cohort` publishes protected tables; the counting lives here. Students, sectors,
follow-up and outcome flags, people and referral depths are coded once per log
(`netinsight.memo`) and every figure is a bincount, a histogram or a scatter on those codes;
the total row is derived from the same passes as the groups. Limits: a contact's referral
depth is taken as the same on all their rows (one forest node per person of a student, see
`netinsight.chaintable.row_depths`); the figures are not protected (see `netinsight.privacy`).
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.chaintable import row_depths
from netinsight.followup import follow_up_arrays
from netinsight.groupcodes import distinct_pairs, group_medians, histogram_medians
from netinsight.groupflags import flag_counts
from netinsight.groups import key_codes, rate
from netinsight.memo import derived, freeze
from netinsight.outcomes import stage_arrays
from netinsight.people import person_codes
from netinsight.policy import FollowUpPolicy

__all__ = ["SUMMARY_RATES", "sector_codes", "student_codes", "student_figures", "summary_figures"]

Arrays = dict[str, np.ndarray[Any, Any]]
IntArray = npt.NDArray[np.int64]

#: The summary's rates, in the order of its columns.
SUMMARY_RATES: Final = (
    "participation_rate",
    "on_time_rate",
    "check_in_rate",
    "referral_rate",
    "job_lead_rate",
    "introduced_share",
)
_FLAGS: Final = ("thank_you_due", "on_time", "check_in_due", "check_in", "referral", "job_lead")


def student_codes(log: pd.DataFrame) -> IntArray:
    """Each row's student (``owner``) as an integer (-1 without one), once per log; read-only.

    Equal owners, equal codes; the numbers themselves mean nothing (they count students).

    Examples
    --------
    >>> log = pd.DataFrame({"owner": pd.Categorical(["b", "a", None, "b"])})
    >>> student_codes(log).tolist()
    [1, 0, -1, 1]
    """
    return derived(log, "owner_codes", _owner_codes)  # type: ignore[no-any-return]


def _owner_codes(log: pd.DataFrame) -> IntArray:
    owner = log["owner"]
    if isinstance(owner.dtype, pd.CategoricalDtype):  # the categories are distinct values: their codes will do
        codes = owner.cat.codes.to_numpy().astype(np.int64)
    else:
        codes = pd.factorize(owner)[0].astype(np.int64)
    freeze(codes)
    return codes


def sector_codes(log: pd.DataFrame) -> tuple[IntArray, int, npt.NDArray[np.object_]]:
    """Each row's sector code (missing: the last code), the number of known sectors and their values.

    Examples
    --------
    >>> codes, known, sectors = sector_codes(pd.DataFrame({"sector": ["Media", None, "Arts"]}))
    >>> codes.tolist(), known, sectors.tolist()
    ([1, 2, 0], 2, ['Arts', 'Media'])
    """
    codes, uniques = key_codes(log, "sector")
    known = len(uniques) - int(len(uniques) > 0 and bool(pd.isna(uniques[-1])))
    return codes, known, np.asarray(uniques[:known], dtype=object)


def student_figures(groups: IntArray, n_groups: int, student: IntArray) -> tuple[Arrays, Arrays]:
    """Students (unduplicated), interviews and interviews per student (median) for each of `n_groups` groups,
    and for all of them together (the total). A missing student (-1) is one more student.

    Examples
    --------
    >>> by_group, total = student_figures(np.array([0, 0, 1, 1]), 2, np.array([0, 0, 0, 1]))
    >>> {k: v.tolist() for k, v in by_group.items()}
    {'students': [1, 2], 'interviews': [2, 2], 'interviews_per_student': [2.0, 1.0]}
    >>> {k: v.tolist() for k, v in total.items()}
    {'students': [2], 'interviews': [4], 'interviews_per_student': [2.0]}
    """
    pair_groups, _, rows = distinct_pairs(groups, student)
    per_student = np.bincount(student + 1)  # each student's interviews (a missing owner: one more student)
    per_student = per_student[per_student > 0]
    by_group = {
        "students": np.bincount(pair_groups, minlength=n_groups),
        "interviews": np.bincount(groups, minlength=n_groups),
        "interviews_per_student": group_medians(pair_groups, rows, n_groups),
    }
    total = {
        "students": np.array([len(per_student)]),
        "interviews": np.array([len(groups)]),
        "interviews_per_student": group_medians(np.zeros(len(per_student), dtype=np.int64), per_student, 1),
    }
    return by_group, total


def _contacts(log: pd.DataFrame, groups: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """The distinct (group, contact) pairs of the contacts of known depth: (group, depth) per pair, and the depth
    of each distinct contact (for the total).

    A contact's depth is the same on all their rows (one forest node per person of an owner).
    """
    person = person_codes(log)  # the same person of the same student, -1 without a contact
    depth = row_depths(log).to_numpy(dtype=np.int64, na_value=0)
    known = (person >= 0) & (depth > 0)
    people, group = person, groups
    if not known.all():
        people, group, depth = person[known], groups[known], depth[known]
    width = int(people.max(initial=-1)) + 1
    depth_of = np.zeros(width, dtype=np.int64)
    depth_of[people] = depth
    home = np.full(width, -1, dtype=np.int64)  # one group of each contact (whichever write wins)
    home[people] = group
    present = np.flatnonzero(home >= 0)
    away = group != home[people]  # rows of a contact in another group than its home: few
    if away.any():
        away_groups, away_people, _ = distinct_pairs(group[away], people[away])
        pair_groups = np.concatenate([home[present], away_groups])
        pair_people = np.concatenate([present, away_people])
    else:
        pair_groups, pair_people = home[present], present
    return pair_groups, depth_of[pair_people], depth_of[present]


def summary_figures(
    log: pd.DataFrame, pol: FollowUpPolicy, today: object, groups: IntArray, n_groups: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`netinsight.cohort.cohort_summary`'s figures for each of `n_groups` groups (`groups`: the group of each
    interview), and in all (one row), before protection.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"owner": ["s1", "s1", "s2"], "date": ["2026-01-05"] * 3,
    ...                              "contact": ["Ana", "Ben", "Ana"], "introduced_by": ["", "Ana", ""]}))
    >>> by_group, total = summary_figures(log, FollowUpPolicy.parse("standard"), None, np.array([0, 0, 1]), 2)
    >>> by_group[["students", "interviews", "introduced_share", "median_chain_depth"]].values.tolist()
    [[1.0, 2.0, 0.5, 1.5], [1.0, 1.0, 0.0, 1.0]]
    >>> total[["students", "interviews", "median_chain_depth"]].values.tolist()
    [[2.0, 3.0, 1.0]]
    """
    student = student_codes(log)
    out, total = student_figures(groups, n_groups, student)
    sector, n_sectors, _ = sector_codes(log)
    width = max(n_sectors + 1, 1)
    reached = (np.bincount(groups * width + sector, minlength=n_groups * width).reshape(n_groups, width) > 0)[
        :, :n_sectors
    ]  # the last code: no sector
    out["industries_reached"] = reached.sum(axis=1)
    total["industries_reached"] = np.array([int(reached.any(axis=0).sum())])
    follow = follow_up_arrays(log, policy=pol, today=today)
    stages = stage_arrays(log)
    flags = [follow[c] for c in _FLAGS[:4]] + [stages[c] for c in _FLAGS[4:]]
    counts = dict(zip(_FLAGS, flag_counts(groups, flags, n_groups), strict=True))
    contact_groups, depth, depth_all = _contacts(log, groups)
    width = int(depth_all.max(initial=1)) + 1
    depths = np.bincount(contact_groups * width + depth, minlength=n_groups * width).reshape(n_groups, width)
    for measures, n, flag_count, hist in (
        (out, n_groups, counts, depths),  # contacts of known depth by group and depth
        (total, 1, {c: v.sum(keepdims=True) for c, v in counts.items()}, np.bincount(depth_all, minlength=width)[None]),
    ):
        pairs = [
            (flag_count["on_time"], flag_count["thank_you_due"]),
            (flag_count["check_in"], flag_count["check_in_due"]),
            (flag_count["referral"], measures["interviews"]),
            (flag_count["job_lead"], measures["interviews"]),
            (hist[:, 2:].sum(axis=1), hist.sum(axis=1)),  # introduced (depth 2 or more) / known
        ]  # one `rate` call for all five rates
        rates = rate(np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])).to_numpy()
        for i, col in enumerate(SUMMARY_RATES[1:]):
            measures[col] = rates[i * n : (i + 1) * n]
        measures["median_chain_depth"] = histogram_medians(hist)
    return pd.DataFrame(out), pd.DataFrame(total)
