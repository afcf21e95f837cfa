"""Period labels: months and Monday weeks, missing dates, time zones, and the strftime they replace."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.periods import PERIOD_FORMATS, period_labels


def _dates(*values: str | None) -> pd.Series:
    return pd.Series(pd.to_datetime(list(values), format="mixed"), index=range(10, 10 + len(values)), name="date")


def test_month_and_week_labels_hand_worked() -> None:
    # Monday 5 Jan .. Sunday 11 Jan 2026 is one week; 1 Mar 2026 is a Sunday (week of Mon 23 Feb)
    dates = _dates("2026-01-05", "2026-01-11 23:59", "2026-01-12", None, "2026-03-01", "2025-12-31")
    assert period_labels(dates, "month").tolist()[:3] == ["2026-01", "2026-01", "2026-01"]
    assert period_labels(dates, "month").iloc[4:].tolist() == ["2026-03", "2025-12"]
    weeks = period_labels(dates, "week")
    assert weeks.tolist()[:3] == ["2026-01-05", "2026-01-05", "2026-01-12"]
    assert weeks.iloc[4:].tolist() == ["2026-02-23", "2025-12-29"]
    assert pd.isna(weeks.iloc[3])
    assert weeks.index.equals(dates.index)


def test_labels_equal_strftime_on_many_dates() -> None:
    # the old code path: strftime per row; every weekday, month ends, leap days, dates before 1970
    dates = pd.Series(pd.date_range("1968-02-20", "2030-03-05", freq="29h")).sample(frac=1.0, random_state=1)
    dates = pd.concat([dates, pd.Series([pd.NaT])])
    assert period_labels(dates, "month").equals(dates.dt.strftime("%Y-%m"))
    monday = dates.dt.normalize() - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    assert period_labels(dates, "week").equals(monday.dt.strftime("%Y-%m-%d"))


def test_other_units_and_time_zones_are_labelled_in_wall_clock_time() -> None:
    seconds = _dates("2026-02-01 23:30", "2026-02-02").astype("datetime64[s]")
    assert period_labels(seconds, "week").tolist() == ["2026-01-26", "2026-02-02"]
    aware = _dates("2026-02-01 23:30").dt.tz_localize("America/New_York")
    assert period_labels(aware, "month").tolist() == ["2026-02"]
    assert period_labels(aware, "week").tolist() == ["2026-01-26"]


def test_empty_and_single_date() -> None:
    empty = period_labels(pd.Series([], dtype="datetime64[ns]"), "week")
    assert len(empty) == 0
    assert empty.dtype == pd.Series([], dtype="datetime64[ns]").dt.strftime("%Y").dtype
    assert period_labels(_dates("2026-07-04"), "month").tolist() == ["2026-07"]
    assert period_labels(_dates(None), "month").isna().all()


def test_unknown_period_is_refused() -> None:
    assert set(PERIOD_FORMATS) == {"month", "week"}
    with pytest.raises(ValueError, match=r"`period` must be one of \['month', 'week'\], not 'year'"):
        period_labels(_dates("2026-01-05"), "year")


def test_period_codes_are_the_sorted_codes_of_the_labels() -> None:
    # the old path: factorize the labels; codes in time order, a missing date last, every code used
    from netinsight.periods import period_codes

    dates = pd.Series(pd.date_range("1968-02-20", "2030-03-05", freq="53h")).sample(frac=1.0, random_state=2)
    dates = pd.concat([dates, pd.Series([pd.NaT, pd.NaT])], ignore_index=True)
    for period in ("month", "week"):
        codes, labels = period_codes(dates, period)
        old_codes, old_labels = pd.factorize(period_labels(dates, period), sort=True, use_na_sentinel=False)
        assert codes.tolist() == old_codes.tolist()
        assert labels.equals(old_labels)
        assert labels.dtype == old_labels.dtype
    for tricky in (_dates(None), _dates("2026-07-04"), pd.Series([], dtype="datetime64[ns]")):
        codes, labels = period_codes(tricky, "month")
        old_codes, old_labels = pd.factorize(period_labels(tricky, "month"), sort=True, use_na_sentinel=False)
        assert codes.tolist() == old_codes.tolist()
        assert labels.tolist() == old_labels.tolist()
