"""Cohort tables: hand-worked figures on a small cohort, suppression, rosters, pseudonyms, properties."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netinsight as ni
from netinsight.cohort import cohort_students, cohort_summary
from netinsight.cohortbreakdowns import cohort_activity, cohort_employers, cohort_funnel, cohort_industries
from netinsight.privacy import SUPPRESSED
from netinsight.suppression import determined_rows
from tests.cohort_logs import small_cohort, tricky_cohort

KEY = b"0123456789abcdef-test-key"


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return small_cohort()


def test_summary_hand_worked_figures(log: pd.DataFrame) -> None:
    table = cohort_summary(log, min_cell=5)
    assert table["program"].tolist() == ["A", "B", "C", "Total"]
    a = table.iloc[0].to_dict()
    assert a == {
        "program": "A", "students": 6, "interviews": 12, "interviews_per_student": 2.0, "industries_reached": 2,
        "on_time_rate": 0.5, "check_in_rate": "<5%", "referral_rate": 0.417, "job_lead_rate": "<5%",
        "introduced_share": 0.5, "median_chain_depth": 1.5,
    }  # fmt: skip
    total = table.iloc[-1].to_dict()
    assert total == {
        "program": "Total", "students": 13, "interviews": 19, "interviews_per_student": 1.0,
        "industries_reached": 3, "on_time_rate": 0.316, "check_in_rate": "<5%", "referral_rate": 0.263,
        "job_lead_rate": "<5%", "introduced_share": 0.316, "median_chain_depth": 1.0,
    }  # fmt: skip


def test_summary_small_group_and_its_complement_are_hidden(log: pd.DataFrame) -> None:
    # C has 2 students (< 5): hidden; B (5 students) is hidden too, or C = total - A - B could be worked out.
    table = cohort_summary(log, min_cell=5)
    for row in (1, 2):
        values = table.iloc[row].drop("program")
        assert (values == SUPPRESSED).all()
    assert table.attrs["privacy"]["suppressed"] == 2
    assert not determined_rows(table["students"].eq(SUPPRESSED).to_numpy(), [([0, 1, 2], 3)]).any()


def test_summary_with_everything_small_hides_everything(log: pd.DataFrame) -> None:
    table = cohort_summary(log, min_cell=20)
    assert (table.drop(columns="program") == SUPPRESSED).all().all()


def test_summary_by_two_keys_has_one_total_row(log: pd.DataFrame) -> None:
    table = cohort_summary(log, by=["program", "class_year"], min_cell=5)
    assert table[["program", "class_year"]].values.tolist() == [
        ["A", "2027"], ["B", "2028"], ["C", "2028"], ["Total", ""],
    ]  # fmt: skip


def test_summary_by_month_derives_the_period(log: pd.DataFrame) -> None:
    table = cohort_summary(log, by="month", min_cell=5)
    assert table[["month", "students", "interviews"]].values.tolist() == [
        ["2026-01", 13, 13], ["2026-02", 6, 6], ["Total", 13, 19],
    ]  # fmt: skip


def test_summary_with_roster_gives_participation(log: pd.DataFrame) -> None:
    roster = ni.read_roster(
        pd.DataFrame(
            {
                "Student ID": [*(f"a{i}" for i in range(1, 9)), *(f"B{i}" for i in range(1, 6)), "C1", "C2"],
                "Major": ["A"] * 8 + ["B"] * 5 + ["C"] * 2,
            }
        )
    )
    table = cohort_summary(log, roster=roster, min_cell=5)
    assert table.columns[:4].tolist() == ["program", "students", "roster_students", "participation_rate"]
    assert table.iloc[0][["students", "roster_students", "participation_rate"]].tolist() == [6, 8, 0.75]
    assert table.iloc[-1][["students", "roster_students", "participation_rate"]].tolist() == [13, 15, 0.867]


def test_summary_roster_without_the_group_column_is_an_error(log: pd.DataFrame) -> None:
    roster = ni.read_roster(pd.DataFrame({"student": ["A1"]}))
    with pytest.raises(ValueError, match=r"the roster has no column\(s\) \['program'\]"):
        cohort_summary(log, roster=roster)


def test_summary_roster_group_without_interviews_is_a_row(log: pd.DataFrame) -> None:
    roster = ni.read_roster(pd.DataFrame({"student": ["A1", "Z1"], "program": ["A", "Z"]}))
    table = cohort_summary(log, roster=roster, min_cell=5)
    assert "Z" in table["program"].tolist()
    assert table.set_index("program").loc["Z", "students"] == SUPPRESSED


def test_min_cell_below_five_is_refused(log: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="`min_cell` must be"):
        cohort_summary(log, min_cell=3)


def test_students_are_pseudonymised(log: pd.DataFrame) -> None:
    table = cohort_students(log, key=KEY)
    assert len(table) == 13
    assert not table["student"].isin(log["owner"].astype(str)).any()
    assert table["student"].str.match(r"^S-[0-9a-f]{12}$").all()
    a1 = ni.pseudonymize(pd.Series(["A1"]), key=KEY).iloc[0]
    row = table.set_index("student").loc[a1]
    assert row[["program", "interviews", "industries_reached", "referrals", "job_leads"]].tolist() == ["A", 2, 2, 1, 0]
    assert row["on_time_rate"] == 0.5


def test_inputs_are_not_mutated(log: pd.DataFrame) -> None:
    before = log.copy()
    cohort_summary(log, by=["program", "month"], min_cell=5)
    cohort_industries(log, min_cell=5)
    pd.testing.assert_frame_equal(log, before)


def test_empty_log() -> None:
    empty = ni.read_log(pd.DataFrame({"date": [], "contact": []}))
    table = cohort_summary(empty, min_cell=5)
    assert table["program"].tolist() == ["Total"]
    assert table["students"].tolist() == [SUPPRESSED]
    assert cohort_employers(empty, min_cell=5).empty


@st.composite
def cohorts(draw: Any) -> tuple[pd.DataFrame, int]:
    n_students = draw(st.integers(1, 40))
    programs = draw(st.lists(st.sampled_from(["P", "Q", "R", "S", "T"]), min_size=n_students, max_size=n_students))
    counts = draw(st.lists(st.integers(1, 3), min_size=n_students, max_size=n_students))
    industries = draw(st.lists(st.sampled_from(["Finance", "Media", "Health"]), min_size=3, max_size=3))
    rows = [
        {"owner": f"S{s}", "program": programs[s], "date": f"2026-0{1 + k}-05", "contact": f"C{s}-{k}"}
        | {"industry": industries[(s + k) % 3]}
        for s in range(n_students)
        for k in range(counts[s])
    ]
    return ni.read_log(pd.DataFrame(rows)), draw(st.integers(5, 12))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_property_no_published_row_rests_on_too_few_students_and_nothing_can_be_solved(
    case: tuple[pd.DataFrame, int],
) -> None:
    log, min_cell = case
    owners = log["owner"].astype(str)
    for table, key, truth in (
        (cohort_summary(log, min_cell=min_cell), "program", owners.groupby(log["program"].to_numpy()).nunique()),
        (cohort_industries(log, min_cell=min_cell), "industry", owners.groupby(log["sector"].astype(str)).nunique()),
        (cohort_activity(log, min_cell=min_cell), "month", owners.groupby(log["date"].dt.strftime("%Y-%m")).nunique()),
    ):
        truth = pd.concat([truth, pd.Series({"Total": owners.nunique()})])
        published = table["students"].ne(SUPPRESSED).to_numpy()
        for label, students in zip(table[key], table["students"], strict=True):
            assert students == SUPPRESSED or students == truth[label] >= min_cell
        lines = [(list(range(len(table) - 1)), len(table) - 1)]
        assert not determined_rows(~published, lines).any()
        hidden_members = ~published[:-1]
        if hidden_members.any() and published[-1]:
            assert hidden_members.sum() >= 2
            assert np.asarray(truth[table[key][:-1][hidden_members]]).sum() >= min_cell


def test_tricky_cohort_summary_groups_missing_keys_and_takes_medians() -> None:
    table = cohort_summary(tricky_cohort(), min_cell=5)
    assert table.values.tolist() == [
        ["(not recorded)", 5, 10, 2.0, 1, "<5%", "<5%", "<5%", "<5%", "<5%", 1.0],
        ["A", 5, 10, 2.0, 1, "<5%", "<5%", "<5%", "<5%", 0.5, 1.5],
        ["B", 5, 5, 1.0, 1, "<5%", "<5%", "<5%", "<5%", "<5%", 1.0],
        ["Total", 15, 25, 2.0, 2, "<5%", "<5%", "<5%", "<5%", 0.2, 1.0],
    ]
    by_month = cohort_summary(tricky_cohort(), by="month", min_cell=5)
    columns = ["month", "students", "interviews", "interviews_per_student", "introduced_share"]
    assert by_month[columns].values.tolist() == [
        ["2026-01", 10, 15, 1.5, 0.333], ["2026-02", 5, 10, 2.0, "<5%"], ["Total", 15, 25, 2.0, 0.2],
    ]  # fmt: skip


def test_tricky_cohort_students_per_group() -> None:
    table = cohort_students(tricky_cohort(), key=KEY)
    y1 = ni.pseudonymize(pd.Series(["Y1"]), key=KEY).iloc[0]
    row = table.set_index("student").loc[y1]
    assert row[["program", "interviews", "industries_reached", "referrals"]].tolist() == ["(not recorded)", 2, 1, 0]
    assert table["program"].value_counts().to_dict() == {"(not recorded)": 5, "A": 5, "B": 5}


def test_empty_and_single_row_logs_through_every_table() -> None:
    empty = ni.read_log(pd.DataFrame({"date": [], "contact": []}))
    assert cohort_activity(empty, min_cell=5).values.tolist() == [["Total", SUPPRESSED, SUPPRESSED, SUPPRESSED]]
    assert cohort_industries(empty, min_cell=5).values.tolist() == [["Total", SUPPRESSED, SUPPRESSED, SUPPRESSED]]
    assert cohort_funnel(empty, min_cell=5)["students"].tolist() == [SUPPRESSED] * 7
    students = cohort_students(empty, key=KEY)
    assert students.empty
    assert students.columns.tolist()[:3] == ["student", "program", "interviews"]
    one = ni.read_log(pd.DataFrame({"date": ["2026-03-04"], "contact": ["Al"], "company": ["Acme"]}))
    assert cohort_summary(one, min_cell=5)["program"].tolist() == ["(not recorded)", "Total"]
    assert cohort_activity(one, min_cell=5)["month"].tolist() == ["2026-03", "Total"]
    assert cohort_employers(one, min_cell=5).empty
    assert len(cohort_students(one, key=KEY)) == 1
