"""The cohort summary's figures against a plain pandas reference, on a messy cohort (before protection)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netinsight as ni
from netinsight.cohortfigures import sector_codes, student_codes, student_figures, summary_figures
from netinsight.datasets import cohort_log
from netinsight.followup import follow_up_flags
from netinsight.groups import log_group_labels, rate
from netinsight.memo import clear
from netinsight.outcomes import referral_depth, stage_flags
from netinsight.people import person_codes
from netinsight.policy import FollowUpPolicy


def _messy_cohort() -> pd.DataFrame:
    """A generated cohort with missing owners, programs and sectors, and students (with their contacts) in two
    programs: the contact pairs that are not at their first group."""
    log = cohort_log(60, interviews_per_student=6, seed=4)
    rng = np.random.default_rng(4)
    pick = rng.random(len(log))
    log.loc[pick < 0.05, "program"] = None
    log.loc[(pick > 0.2) & (pick < 0.25), "sector"] = None
    log.loc[(pick > 0.4) & (pick < 0.42), "owner"] = None
    moved = log["owner"].isin(["S00003", "S00007"]) & (np.arange(len(log)) % 2 == 0)
    log.loc[moved, "program"] = "Elsewhere"
    return ni.read_log(log)


def _reference(log: pd.DataFrame, group: pd.Series, today: object) -> pd.DataFrame:
    """The figures the old code worked out, with pandas: per group, then the total as one more group."""
    follow = follow_up_flags(log, today=today)
    stages = stage_flags(log)
    frame = pd.DataFrame(
        {
            "group": group.to_numpy(),
            "student": pd.factorize(log["owner"])[0],
            "sector": log["sector"].to_numpy(),
            "person": person_codes(log),
            "depth": referral_depth(log).to_numpy(dtype=float, na_value=np.nan),
            **{c: follow[c].to_numpy() for c in ("thank_you_due", "on_time", "check_in_due", "check_in")},
            **{c: stages[c].to_numpy() for c in ("referral", "job_lead")},
        }
    )
    rows = []
    for _, part in frame.groupby("group", sort=True):
        per_student = part.groupby("student").size()
        contacts = part[(part["person"] >= 0) & part["depth"].notna()].drop_duplicates("person")  # first rows
        sums = part.sum(numeric_only=True)
        rows.append(
            {
                "students": len(per_student),
                "interviews": len(part),
                "interviews_per_student": float(per_student.median()),
                "industries_reached": part["sector"].nunique(),
                "on_time_rate": rate([sums["on_time"]], [sums["thank_you_due"]]).iloc[0],
                "check_in_rate": rate([sums["check_in"]], [sums["check_in_due"]]).iloc[0],
                "referral_rate": rate([sums["referral"]], [len(part)]).iloc[0],
                "job_lead_rate": rate([sums["job_lead"]], [len(part)]).iloc[0],
                "introduced_share": rate([(contacts["depth"] >= 2).sum()], [len(contacts)]).iloc[0],
                "median_chain_depth": contacts["depth"].median(),
            }
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("today", [None, "2025-12-01"])
def test_summary_figures_equal_the_pandas_reference_by_group_and_in_all(today: object) -> None:
    log = _messy_cohort()
    _, codes, labels = log_group_labels(log, "program")
    by_group, total = summary_figures(log, FollowUpPolicy.parse("standard"), today, codes, len(labels))
    expected = _reference(log, pd.Series(codes), today)
    columns = list(expected.columns)
    pd.testing.assert_frame_equal(by_group[columns].astype(float), expected.astype(float))
    expected_total = _reference(log, pd.Series(np.zeros(len(log), dtype=np.int64)), today)
    pd.testing.assert_frame_equal(total[columns].astype(float), expected_total.astype(float))
    clear()  # nothing kept: the same figures
    again, _ = summary_figures(log, FollowUpPolicy.parse("standard"), today, codes, len(labels))
    pd.testing.assert_frame_equal(again, by_group)


def test_figures_of_an_empty_and_a_one_row_log() -> None:
    for log in (_messy_cohort().iloc[:0], _messy_cohort().iloc[:1]):
        n = len(log)
        by_group, total = summary_figures(log, FollowUpPolicy.parse("strict"), None, np.zeros(n, np.int64), 1)
        assert total["students"].tolist() == [n]
        assert total["interviews"].tolist() == [n]
        assert by_group["students"].tolist() == [n]


def test_student_and_sector_codes() -> None:
    log = _messy_cohort()
    student = student_codes(log)
    assert student.tolist() == pd.factorize(log["owner"])[0].tolist() or (
        pd.factorize(student)[0].tolist() == pd.factorize(log["owner"])[0].tolist()
    )
    assert not student.flags.writeable
    codes, known, sectors = sector_codes(log)
    assert sectors[codes[codes < known]].tolist() == log["sector"][codes < known].astype(str).tolist()
    assert log["sector"][codes == known].isna().all()
    by_group, total = student_figures(np.array([0, 1, 1]), 3, np.array([-1, -1, 4]))
    assert by_group["students"].tolist() == [1, 2, 0]
    assert total["students"].tolist() == [2]
