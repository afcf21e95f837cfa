from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.outreach import (
    business_day_after,
    business_day_counts,
    business_day_offsets,
    business_days,
    open_requests,
    outreach_status,
    response_classes,
)

from .conftest import make_log


@pytest.fixture
def outreach_log() -> pd.DataFrame:
    return make_log(
        date=["2026-03-20"] * 5,
        contact=["Ana", "Ben", "Cy", "Dee", "Eve"],
        outreach_date=["2026-03-06", "2026-03-06", "2026-03-02", "2026-03-12", ""],
        response_date=["2026-03-11", "2026-03-12", "2026-03-02", "", ""],
    )


def test_response_classes_by_hand(outreach_log: pd.DataFrame) -> None:
    out = response_classes(outreach_log)
    assert out.index.tolist() == [0, 1, 2, 3]  # Eve sent no request
    # Friday -> Wednesday across the weekend is 3 business days: a booster; Thursday is 4
    assert out["reply_business_days"].tolist() == [3, 4, 0, pd.NA]
    assert out["response_class"].astype(str).tolist() == ["booster", "obligate", "booster", "curmudgeon"]
    waiting = response_classes(outreach_log, today="2026-03-13")
    assert waiting["response_class"].astype(str).tolist()[3] == "waiting"  # 1 business day so far


def test_log_without_outreach_dates_says_what_is_missing() -> None:
    log = make_log(date=["2026-03-02"], contact=["Ana"])
    with pytest.raises(ValueError, match=r"response classes need the day each request was sent, but the log has no"):
        response_classes(log)
    with pytest.raises(ValueError, match=r"3B7 steps need the day each request was sent.*'Request sent'"):
        outreach_status(log, today="2026-03-03")


def test_outreach_status_by_hand() -> None:
    log = make_log(
        date=["2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01", "2026-03-10", "2026-04-01",
              "2026-04-01"],
        contact=["Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"],
        outreach_date=["2026-03-06", "2026-03-12", "2026-03-16", "2026-03-02", "2026-03-02", "2026-03-02",
                       "2026-03-14", "2026-03-20"],
        response_date=["", "", "", "2026-03-03", "2026-03-20", "", "", ""],
    )  # fmt: skip
    out = outreach_status(log, today="2026-03-17")
    assert out["contact"].tolist() == ["Eve", "Ana", "Ben", "Gus", "Cy"]
    assert out["business_days"].tolist() == [11, 7, 3, 2, 1]
    assert out["state"].astype(str).tolist() == ["follow_up", "follow_up", "second_contact", "waiting", "waiting"]
    days = out.set_index("contact")
    assert days.loc["Ana", "second_contact_due"] == pd.Timestamp("2026-03-11")
    assert days.loc["Ana", "follow_up_due"] == pd.Timestamp("2026-03-17")
    assert days.loc["Gus", "second_contact_due"] == pd.Timestamp("2026-03-18")  # sent on a Saturday


def test_outreach_status_today_must_be_a_date(outreach_log: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"`today` must be a date like '2026-07-01', not 'tomorrow'"):
        outreach_status(outreach_log, today="tomorrow")


def test_business_day_after_counts_a_weekend_from_the_friday_before() -> None:
    days = pd.Series(pd.to_datetime(["2026-03-06", "2026-03-07", "2026-03-08", None]), index=[3, 4, 5, 6])
    out = business_day_after(days, 1)
    assert out.index.tolist() == [3, 4, 5, 6]
    assert out.dt.strftime("%Y-%m-%d").tolist()[:3] == ["2026-03-09"] * 3
    assert pd.isna(out.iloc[3])
    assert len(business_day_after(pd.Series([], dtype="datetime64[ns]"), 3)) == 0


def test_array_helpers_agree_with_the_series_ones() -> None:
    start = pd.Series(pd.to_datetime(["2026-03-06", "2026-03-07", None, "2026-03-02"]))
    end = pd.Series(pd.to_datetime(["2026-03-09", "2026-03-16", "2026-03-09", None]))
    days = business_day_counts(start.to_numpy(dtype="datetime64[D]"), end.to_numpy(dtype="datetime64[D]"))
    np.testing.assert_array_equal(days, business_days(start, end))
    assert days[:2].tolist() == [1.0, 6.0]  # Fri -> Mon; Sat (counted from Fri) -> Mon a week later
    offsets = business_day_offsets(start.to_numpy(dtype="datetime64[D]"), 3)
    pd.testing.assert_series_equal(pd.Series(offsets), business_day_after(start, 3))


def test_open_requests_order_and_response_classes_keep_the_index() -> None:
    log = make_log(
        date=["2026-04-01", "2026-04-01", "2026-04-01", "2026-03-10"],
        contact=["Ana", "Ben", "Cy", "Dee"],
        outreach_date=["2026-03-12", "2026-03-06", "2026-03-12", "2026-03-02"],
        response_date=["", "", "2026-03-13", ""],
    )
    sent = log["outreach_date"].to_numpy()
    at, elapsed, state = open_requests(log, sent, pd.Timestamp("2026-03-17"))
    # Ben (7 business days: follow up) before Ana (3: second contact); Cy replied; Dee was interviewed
    assert (at.tolist(), elapsed.tolist(), state.tolist()) == ([1, 0], [7, 3], [0, 1])
    moved = log.set_axis([10, 11, 12, 13])
    out = response_classes(moved, today="2026-03-13")
    assert out.index.tolist() == [10, 11, 12, 13]
    assert out["response_class"].astype(str).tolist() == ["waiting", "curmudgeon", "booster", "curmudgeon"]
    assert out["reply_business_days"].isna().tolist() == [True, True, False, True]
