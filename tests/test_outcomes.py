from __future__ import annotations

import pandas as pd
import pytest

from netinsight.outcomes import FUNNEL_STAGES, activity, outcomes, referral_depth

from .conftest import make_log


@pytest.fixture
def log() -> pd.DataFrame:
    return make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"],
        contact=["A", "B", "C", "D", "E"],
        source=["introduction", "introduction", "cold email", "cold email", "cold email"],
        thank_you_date=["2026-03-02", "", "2026-03-03", "", ""],
        follow_up_date=["2026-03-20", "", "", "", "2026-03-30"],
        outcome=["referral; job lead", "mentorship", "", "", "offer, referral"],
    )


def test_funnel_by_hand(log: pd.DataFrame) -> None:
    before = log.copy()
    out = outcomes(log)
    assert out["stage"].tolist() == list(FUNNEL_STAGES)
    assert out["count"].tolist() == [5, 2, 2, 1, 2, 1, 1, 3]
    assert out["base"].tolist() == [5] * 8
    assert out["rate"].tolist() == [1.0, 0.4, 0.4, 0.2, 0.4, 0.2, 0.2, 0.6]
    pd.testing.assert_frame_equal(log, before)


def test_warm_introductions_against_cold_emails_by_hand(log: pd.DataFrame) -> None:
    out = outcomes(log, by="source").set_index(["source", "stage"])
    warm, cold = out.loc["introduction"], out.loc["cold_email"]
    assert warm["count"].tolist() == [2, 1, 1, 1, 1, 1, 0, 2]
    assert warm["rate"].tolist() == [1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.0, 1.0]
    assert cold["count"].tolist() == [3, 1, 1, 0, 1, 0, 1, 1]
    assert cold["base"].tolist() == [3] * 8
    assert cold["rate"].tolist() == [1.0, 0.333, 0.333, 0.0, 0.333, 0.0, 0.333, 0.333]


def test_unknown_outcomes_are_not_counted_as_outcomes() -> None:
    log = make_log(date=["2026-03-02"], contact=["A"], outcome=["coffee chat"])
    out = outcomes(log).set_index("stage")
    assert out.loc["any_outcome", "count"] == 0


def test_empty_log_and_empty_groups() -> None:
    empty = make_log(date=[], contact=[])
    out = outcomes(empty)
    assert out["count"].tolist() == [0] * 8
    assert out["rate"].isna().all()  # nothing to convert: missing, never 0 %
    assert len(outcomes(empty, by="channel")) == 0


def test_one_row_log() -> None:
    one = make_log(date=["2026-03-02"], contact=["A"], outcome=["offer"])
    out = outcomes(one).set_index("stage")
    assert out.loc["offer", ["count", "base", "rate"]].tolist() == [1, 1, 1.0]
    assert out.loc["referral", "rate"] == 0.0


def test_by_referral_depth_by_hand() -> None:
    log = make_log(
        date=["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-20"],
        contact=["Ana", "Ben", "Cy", "Dee"],
        introduced_by=["", "Ana", "Ben", ""],
        outcome=["referral", "job lead", "", ""],
    )
    before = log.copy()
    assert referral_depth(log).tolist() == [1, 2, 3, 1]
    out = outcomes(log, by="depth")
    anything = out[out["stage"] == "any_outcome"]
    assert anything[["depth", "count", "base", "rate"]].values.tolist() == [
        [1, 1, 2, 0.5],
        [2, 1, 1, 1.0],
        [3, 0, 1, 0.0],
    ]
    pd.testing.assert_frame_equal(log, before)


def test_activity_weekly_against_a_goal_by_hand() -> None:
    log = make_log(date=["2026-03-02", "2026-03-04", "2026-03-18"], contact=["A", "B", "C"])
    out = activity(log, goal=2)
    assert out["start"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-02", "2026-03-09", "2026-03-16"]
    assert out["interviews"].tolist() == [2, 0, 1]
    assert out["cumulative"].tolist() == [2, 2, 3]
    assert out["met"].tolist() == [True, False, False]
    monthly = activity(log, freq="M")
    assert monthly[["period", "interviews"]].values.tolist() == [["2026-03", 3]]
    assert monthly["goal"].isna().all()
    assert monthly["met"].isna().all()


def test_activity_edges() -> None:
    assert len(activity(make_log(date=[], contact=[]))) == 0
    one = activity(make_log(date=["2026-03-02"], contact=["A"]), goal=1)
    assert one[["interviews", "met"]].values.tolist() == [[1, True]]
    with pytest.raises(ValueError, match=r"`goal` must be a number of interviews of 0 or more per period, not -1"):
        activity(make_log(date=["2026-03-02"], contact=["A"]), goal=-1)
    with pytest.raises(ValueError, match=r"`freq` must be a period frequency"):
        activity(make_log(date=["2026-03-02"], contact=["A"]), freq="sometimes")


def test_funnel_with_a_missing_key_and_activity_per_distinct_date_by_hand() -> None:
    log = make_log(
        date=["2026-03-02", "2026-03-02 15:00", "2026-03-18", "2026-03-30"],
        contact=["A", "B", "C", "D"],
        program=["MBA", "", "MBA", "MBA"],
        thank_you_date=["2026-03-02", "", "", "2026-03-31"],
        follow_up_date=["2026-03-20; 2026-04-01", "", "", ""],
        outcome=["referral; offer", "job lead", "", ""],
    )
    out = outcomes(log, by="program")
    assert out["program"].iloc[0] == "MBA"
    assert out["program"].iloc[len(FUNNEL_STAGES) :].isna().all()  # the missing program: a group of its own, last
    mba = out.iloc[: len(FUNNEL_STAGES)].set_index("stage")
    assert mba["count"].tolist() == [3, 2, 1, 0, 1, 0, 1, 1]
    assert (mba["base"] == 3).all()
    assert out.iloc[len(FUNNEL_STAGES) :]["count"].tolist() == [1, 0, 0, 1, 0, 0, 0, 1]
    weeks = activity(log, freq="W")
    assert weeks[["period", "interviews", "cumulative"]].values.tolist() == [
        ["2026-03-02/2026-03-08", 2, 2],  # two interviews on 2 March, one timed
        ["2026-03-09/2026-03-15", 0, 2],
        ["2026-03-16/2026-03-22", 1, 3],
        ["2026-03-23/2026-03-29", 0, 3],
        ["2026-03-30/2026-04-05", 1, 4],
    ]
    # a multiple steps like pandas.period_range: interviews in the weeks it skips are not shown
    two = activity(log, freq="2W")
    assert two["start"].dt.strftime("%m-%d").tolist() == ["03-02", "03-16", "03-30"]
    assert two["interviews"].tolist() == [2, 1, 1]


def test_stage_arrays_match_outcomes_as_before_with_unknown_missing_and_repeated_ones() -> None:
    import numpy as np
    import pyarrow.compute as pc

    from netinsight.outcomes import _arrow, stage_arrays
    from netinsight.schema import OUTCOMES

    log = make_log(
        date=["2026-03-02"] * 5,
        contact=list("ABCDE"),
        outcome=["offer; offer", "", "something else", "referral; job lead; mentorship", None],
    )
    flags = stage_arrays(log)
    lists = _arrow(log["outcome"])
    parents = pc.list_parent_indices(lists).to_numpy()
    for name in OUTCOMES:  # the old way: one string comparison per outcome
        hit = pc.fill_null(pc.equal(pc.list_flatten(lists), name), False).to_numpy(zero_copy_only=False)
        assert flags[name].tolist() == (np.bincount(parents[hit], minlength=len(log)) > 0).tolist()
    assert flags["any_outcome"].tolist() == [True, False, False, True, False]
    assert not flags["offer"].flags.writeable  # shared per log: read-only
    assert stage_arrays(log.iloc[:0])["offer"].tolist() == []
