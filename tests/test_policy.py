from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from netinsight.policy import POLICIES, FollowUpPolicy, deadline, due_days, lag_arrays, lag_within


def test_presets() -> None:
    assert FollowUpPolicy.parse("strict").thank_you == "24h"
    assert FollowUpPolicy.parse("Standard") == FollowUpPolicy("48h", name="standard")
    assert FollowUpPolicy.parse("relaxed").thank_you == "5d"
    assert FollowUpPolicy.parse("relaxed").check_in == "30d"
    assert set(POLICIES) == {"strict", "standard", "relaxed"}


@pytest.mark.parametrize(
    ("text", "thank_you", "check_in"),
    [("24h", "24h", "30d"), ("3bd", "3bd", "30d"), ("5 days", "5d", "30d"), ("36 hours/14d", "36h", "14d")],
)
def test_parse_windows(text: str, thank_you: str, check_in: str) -> None:
    policy = FollowUpPolicy.parse(text)
    assert (policy.thank_you, policy.check_in) == (thank_you, check_in)


def test_policy_is_frozen_and_custom() -> None:
    policy = FollowUpPolicy("2bd", check_in="10 business days", name="mine")
    assert policy.window("check_in") == (10.0, "bd")
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.thank_you = "1h"  # type: ignore[misc]


def test_bad_policies_are_explained() -> None:
    with pytest.raises(ValueError, match=r"`policy` must be one of \['relaxed', 'standard', 'strict'\].*not 'soon'"):
        FollowUpPolicy.parse("soon")
    with pytest.raises(ValueError, match=r"`thank_you` in business days must be a whole number, not '1.5bd'"):
        FollowUpPolicy("1.5bd")
    with pytest.raises(ValueError, match=r"`check_in` must be a window like '24h'.*not 'monthly'"):
        FollowUpPolicy(check_in="monthly")


def test_lag_within_counts_date_only_values_in_whole_days() -> None:
    start = pd.Series(
        pd.to_datetime(["2026-03-02 14:00", "2026-03-02 14:00", "2026-03-06", "2026-03-02"], format="ISO8601")
    )
    end = pd.Series(pd.to_datetime(["2026-03-03", "2026-03-03 16:00", "2026-03-09", None], format="ISO8601"))
    lag, within = lag_within(start, end, (24, "h"))
    assert lag.round(2).tolist()[:3] == [1.0, 1.08, 3.0]
    assert pd.isna(lag.iloc[3])
    assert within.tolist() == [True, False, False, False]
    assert lag_within(start, end, (1, "bd"))[1].tolist() == [True, True, True, False]  # Friday -> Monday is 1


def test_deadline_by_hand() -> None:
    dates = pd.Series(pd.to_datetime(["2026-03-06", "2026-03-06 18:00", None], format="ISO8601"), index=[4, 5, 6])
    assert deadline(dates, (2, "d")).index.tolist() == [4, 5, 6]
    assert deadline(dates, (2, "d")).dt.strftime("%Y-%m-%d").tolist()[:2] == ["2026-03-08", "2026-03-08"]
    assert deadline(dates, (12, "h")).dt.strftime("%Y-%m-%d").tolist()[:2] == ["2026-03-06", "2026-03-07"]
    assert deadline(dates, (3, "bd")).dt.strftime("%Y-%m-%d").tolist()[:2] == ["2026-03-11", "2026-03-11"]
    assert deadline(dates, (3, "bd")).isna().tolist() == [False, False, True]


@pytest.mark.parametrize("window", [(24, "h"), (36, "h"), (1.5, "d"), (30, "d"), (3, "bd"), (0, "bd")])
def test_array_versions_agree_with_the_series_ones(window: tuple[float, str]) -> None:
    dates = pd.Series(
        pd.to_datetime(["2026-03-06", "2026-03-06 18:00", None, "2026-03-07", "1969-12-31 23:00"], format="ISO8601")
    ).astype("datetime64[ns]")
    ends = pd.Series(
        pd.to_datetime(["2026-03-09", "2026-03-08 06:00", "2026-03-09", None, "1970-01-02"], format="ISO8601")
    ).astype("datetime64[ns]")
    expected = deadline(dates, window)
    np.testing.assert_array_equal(due_days(dates.to_numpy(), window), expected.to_numpy())
    lag, within = lag_arrays(dates.to_numpy(), ends.to_numpy(), window)
    old_lag, old_within = lag_within(dates, ends, window)
    np.testing.assert_array_equal(lag, old_lag.to_numpy())
    assert within.tolist() == old_within.tolist()


def test_deadline_by_hand_before_1970_and_missing() -> None:
    dates = pd.Series(pd.to_datetime(["1969-12-31 23:00", None]), name="date").astype("datetime64[ns]")
    out = deadline(dates, (2, "h"))
    assert out.name == "date"
    assert str(out.iloc[0]) == "1970-01-01 00:00:00"  # 1 a.m. on 1 January, that day
    assert pd.isna(out.iloc[1])
