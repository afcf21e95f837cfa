"""Cohort breakdowns by industry, period, employer and outcome stage: hand-worked figures and suppression."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.cohortbreakdowns import cohort_activity, cohort_employers, cohort_funnel, cohort_industries
from netinsight.privacy import SUPPRESSED
from tests.cohort_logs import small_cohort, tricky_cohort


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return small_cohort()


def test_industries_hand_worked(log: pd.DataFrame) -> None:
    table = cohort_industries(log, min_cell=5)
    assert table.values.tolist() == [
        ["Media", 7, 0.538, 7], ["Finance", 6, 0.462, 6], ["Technology", 6, 0.462, 6], ["Total", 13, ">95%", 19],
    ]  # fmt: skip
    hidden = cohort_industries(log, min_cell=7)
    assert hidden["students"].tolist() == [7, SUPPRESSED, SUPPRESSED, 13]


def test_activity_by_month_and_term(log: pd.DataFrame) -> None:
    table = cohort_activity(log, min_cell=5)
    assert table.values.tolist() == [["2026-01", 13, 13, 1.0], ["2026-02", 6, 6, 1.0], ["Total", 13, 19, 1.0]]
    by_program = cohort_activity(log, by="program", min_cell=5)
    assert by_program["program"].tolist() == ["A", "B", "C", "Total"]


def test_funnel_hand_worked(log: pd.DataFrame) -> None:
    table = cohort_funnel(log, min_cell=5).set_index("stage")
    assert table.loc["thank_you"].tolist() == [6, 6, 0.316]
    assert table.loc["referral"].tolist() == [5, 5, 0.263]
    assert table.loc["offer"].tolist() == [SUPPRESSED] * 3  # nobody: rests on 0 students


def test_employers_lists_only_those_reached_by_enough_students(log: pd.DataFrame) -> None:
    table = cohort_employers(log, min_cell=7)
    assert table.values.tolist() == [["Acme Inc.", "Media", 13, 13]]
    assert table.attrs["privacy"]["left_out"] == 1
    assert cohort_employers(log, min_cell=5)["employer"].tolist() == ["Acme Inc.", "Bluefin"]


def test_tricky_cohort_activity_industries_and_employer_ties() -> None:
    log = tricky_cohort()
    assert cohort_activity(log, min_cell=5).values.tolist() == [
        ["2026-01", 10, 15, 1.5], ["2026-02", 5, 10, 2.0], ["Total", 15, 25, 2.0],
    ]  # fmt: skip
    assert cohort_activity(log, by="week", min_cell=5)["week"].tolist() == [
        "2026-01-05", "2026-01-19", "2026-02-02", "Total",
    ]  # fmt: skip
    assert cohort_industries(log, min_cell=5).values.tolist() == [
        ["Media", 10, 0.667, 10], ["Finance", 5, 0.333, 10], ["(not recorded)", 5, 0.333, 5], ["Total", 15, ">95%", 25],
    ]  # fmt: skip
    # ties: both spellings have 10 interviews ("ACME Corporation" sorts first), Finance and Media 10 each at Acme
    employers = cohort_employers(log, min_cell=5)
    assert employers[["employer", "students", "interviews"]].values.tolist() == [
        ["ACME Corporation", 15, 20], ["Bluefin", 5, 5],
    ]  # fmt: skip
    assert employers["industry"].iloc[0] == "Finance"
    assert pd.isna(employers["industry"].iloc[1])
