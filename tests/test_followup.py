from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.followup import follow_up_rates, todo

from .conftest import make_log
from .followup_logs import tricky_log

# --------------------------------------------------------------------------- rates


@pytest.fixture
def log() -> pd.DataFrame:
    # Mon 2 March 2026; Dee's interview is on a Friday and her note on the Monday after.
    return make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-02", "2026-03-06", "2026-03-03"],
        contact=["Ana", "Ben", "Cy", "Dee", "Eve"],
        channel=["video", "video", "phone", "phone", "phone"],
        thank_you_date=["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-09", ""],
        follow_up_date=["2026-03-20", "2026-04-15", "2026-03-10; 2026-05-01", "", ""],
    )


@pytest.mark.parametrize(
    ("policy", "on_time"),
    [("strict", 2), ("standard", 3), ("relaxed", 4), ("1bd", 3), ("0bd", 1), ("72h", 4)],
)
def test_on_time_by_hand(log: pd.DataFrame, policy: str, on_time: int) -> None:
    # lags in days: Ana 0 (same day), Ben 1 (= 24 h), Cy 2, Dee 3 (1 business day), Eve none
    out = follow_up_rates(log, policy=policy).iloc[0]
    assert out["interviews"] == 5
    assert out["thank_you_sent"] == 4
    assert out["thank_you_rate"] == 0.8
    assert out["thank_you_due"] == 5
    assert out["on_time"] == on_time
    assert out["on_time_rate"] == round(on_time / 5, 3)


def test_lag_statistics_and_check_ins_by_hand(log: pd.DataFrame) -> None:
    before = log.copy()
    out = follow_up_rates(log).iloc[0]
    assert out["policy"] == "standard"
    assert out["median_lag_days"] == 1.5  # lags 0, 1, 2, 3
    assert out["p90_lag_days"] == 2.7
    # Ana 18 days, Cy 8 days: within 30 days; Ben 44 days: too late; Dee, Eve: none
    assert (out["check_in_due"], out["check_ins"], out["check_in_rate"]) == (5, 2, 0.4)
    assert follow_up_rates(log, policy="48h/60d").iloc[0]["check_ins"] == 3
    pd.testing.assert_frame_equal(log, before)


def test_times_are_exact_but_date_only_counts_whole_days() -> None:
    timed = make_log(date=["2026-03-02 14:00"], contact=["Ana"], thank_you_date=["2026-03-03 16:00"])
    assert follow_up_rates(timed, policy="strict").iloc[0]["on_time"] == 0  # 26 hours
    assert follow_up_rates(timed, policy="strict").iloc[0]["median_lag_days"] == 1.08
    next_day = make_log(date=["2026-03-02 14:00"], contact=["Ana"], thank_you_date=["2026-03-03"])
    assert follow_up_rates(next_day, policy="strict").iloc[0]["on_time"] == 1  # the next day is within 24 h


def test_by_group_with_no_thank_you_at_all(log: pd.DataFrame) -> None:
    out = follow_up_rates(log, by="channel", policy="strict").set_index("channel")
    assert out.loc["video", ["interviews", "thank_you_sent", "on_time", "on_time_rate"]].tolist() == [2, 2, 2, 1.0]
    assert out.loc["phone", ["interviews", "thank_you_sent", "on_time"]].tolist() == [3, 2, 0]
    nobody = make_log(date=["2026-03-02", "2026-03-03"], contact=["Ana", "Ben"])
    row = follow_up_rates(nobody).iloc[0]
    assert (row["thank_you_sent"], row["thank_you_rate"], row["on_time_rate"]) == (0, 0.0, 0.0)  # a real 0 %
    assert pd.isna(row["median_lag_days"])
    assert pd.isna(row["p90_lag_days"])


def test_unused_category_gives_no_row(log: pd.DataFrame) -> None:
    wider = log.assign(channel=log["channel"].cat.add_categories(["in_person"]))
    assert follow_up_rates(wider, by="channel")["channel"].tolist() == ["phone", "video"]


def test_open_windows_leave_the_denominator_when_today_is_given() -> None:
    log = make_log(
        date=["2026-06-29", "2026-06-25", "2026-06-30"],
        contact=["A", "B", "C"],
        thank_you_date=["", "", "2026-06-30"],
    )
    out = follow_up_rates(log, today="2026-07-01").iloc[0]
    assert out["thank_you_rate"] == 0.333
    assert (out["thank_you_due"], out["on_time"], out["on_time_rate"]) == (2, 1, 0.5)  # A still has time
    assert out["check_in_due"] == 0
    assert pd.isna(out["check_in_rate"])  # nothing due yet: missing, not 0 %


def test_repeat_conversations_by_hand() -> None:
    log = make_log(
        owner=["me", "me", "me", "you"],
        date=["2026-03-02", "2026-04-02", "2026-03-05", "2026-03-05"],
        contact=["Ana Ruiz", "dr. ana ruiz", "Ben", "Ana Ruiz"],
    )
    out = follow_up_rates(log, by="owner").set_index("owner")
    assert out.loc["me", ["contacts", "repeat_contacts", "repeat_rate"]].tolist() == [2, 1, 0.5]
    assert out.loc["you", ["contacts", "repeat_contacts", "repeat_rate"]].tolist() == [1, 0, 0.0]


def test_by_month(log: pd.DataFrame) -> None:
    out = follow_up_rates(log, by="month")
    assert out[["month", "interviews"]].values.tolist() == [["2026-03", 5]]


def test_empty_and_one_row_logs() -> None:
    empty = make_log(date=[], contact=[])
    row = follow_up_rates(empty).iloc[0]
    assert row["interviews"] == 0
    assert pd.isna(row["thank_you_rate"])
    assert pd.isna(row["on_time_rate"])
    assert len(follow_up_rates(empty, by="owner")) == 0
    one = make_log(date=["2026-03-02"], contact=["Ana"], thank_you_date=["2026-03-02"])
    assert follow_up_rates(one).iloc[0][["on_time", "on_time_rate", "median_lag_days"]].tolist() == [1, 1.0, 0.0]


# --------------------------------------------------------------------------- to-do


def test_todo_by_hand() -> None:
    log = make_log(
        date=["2026-06-30", "2026-06-26", "2026-05-01", "2026-05-15", "2026-05-20", "2026-06-25", "2026-06-05",
              "2026-07-15"],
        contact=["A", "B", "C", "D", "Eve", "Eve", "G", "H"],
        company=["Acme", "", "", "", "", "", "", "Hexa"],
        thank_you_date=["", "2026-06-27", "2026-05-02", "", "2026-05-20", "2026-06-25", "2026-06-05", ""],
        follow_up_date=["", "", "2026-05-20", "", "", "", "2026-07-05", ""],
        outreach_date=["", "", "", "", "", "", "", "2026-06-22"],
    )  # fmt: skip
    before = log.copy()
    out = todo(log, today="2026-07-01")
    assert out[["contact", "action", "days_overdue"]].values.tolist() == [
        ["D", "check_in", 17],  # 30 days after 15 May; its thank-you is covered by the check-in now
        ["H", "follow_up", 0],  # sent Mon 22 June, 7 business days on Wed 1 July
        ["A", "thank_you", -1],  # 48 h after 30 June
        ["G", "check_in", -4],  # the follow-up of 5 July has not happened yet on 1 July
    ]
    assert out["due"].dt.strftime("%Y-%m-%d").tolist() == ["2026-06-14", "2026-07-01", "2026-07-02", "2026-07-05"]
    assert out["detail"].iloc[2] == "interviewed 2026-06-30; no thank-you note yet (policy standard)"
    assert out["company"].iloc[1] == "Hexa"
    strict = todo(log, today="2026-07-01", policy="strict").set_index("contact")
    assert strict.loc["A", "days_overdue"] == 0
    pd.testing.assert_frame_equal(log, before)


def test_todo_without_outreach_and_when_all_is_done() -> None:
    done = make_log(date=["2026-06-01"], contact=["A"], thank_you_date=["2026-06-01"], follow_up_date=["2026-06-20"])
    out = todo(done, today="2026-07-01")
    assert len(out) == 0
    assert out.columns.tolist() == [
        "owner", "due", "days_overdue", "action", "contact", "company", "detail", "source_line",
    ]  # fmt: skip
    assert len(todo(make_log(date=[], contact=[]), today="2026-07-01")) == 0


# ----------------------------------------------------------- tricky logs (NumPy paths vs the pandas semantics)


def test_rates_by_group_with_a_missing_key_repeats_and_no_contact_by_hand() -> None:
    out = follow_up_rates(tricky_log(), by="program", policy="strict")
    assert out["program"].tolist()[:2] == ["MBA", "MSc"]
    assert pd.isna(out["program"].iloc[2])  # the missing program is a group of its own, last
    columns = ["interviews", "thank_you_sent", "on_time", "check_ins", "contacts", "repeat_contacts"]
    # MBA: lags 1 and 0 days; Ana's follow-up of 8 March is before her interview of 9 March
    # MSc: the row without a contact still counts as one contact (as pandas' dropna=False group)
    assert out[columns].values.tolist() == [[3, 2, 2, 1, 1, 1], [2, 1, 0, 1, 2, 0], [1, 1, 1, 0, 1, 0]]
    assert out["median_lag_days"].tolist() == [0.5, 10.0, 0.96]  # 23 hours for Ben
    assert out["p90_lag_days"].tolist() == [0.9, 10.0, 0.96]
    assert out["repeat_rate"].tolist() == [1.0, 0.0, 0.0]


def test_rates_of_an_empty_and_a_one_row_log() -> None:
    empty = follow_up_rates(make_log(date=[], contact=[]))
    assert empty[["interviews", "thank_you_sent", "contacts"]].values.tolist() == [[0, 0, 0]]
    assert pd.isna(empty["thank_you_rate"].iloc[0])
    assert pd.isna(empty["median_lag_days"].iloc[0])
    assert len(follow_up_rates(make_log(date=[], contact=[]), by="channel")) == 0
    one = follow_up_rates(make_log(date=["2026-03-02"], contact=["Ana"], thank_you_date=["2026-03-04"]))
    assert one[["interviews", "on_time", "median_lag_days", "p90_lag_days", "contacts"]].values.tolist() == [
        [1, 1, 2.0, 2.0, 1]
    ]


def test_follow_up_arrays_are_the_flags_and_do_not_depend_on_what_is_kept() -> None:
    from netinsight.followup import follow_up_arrays, follow_up_flags
    from netinsight.memo import clear

    log = make_log(
        date=["2026-03-02", "2026-03-02 09:00", "", "2026-03-30"],
        contact=["Ana", "Ben", "Cy", "Di"],
        thank_you_date=["2026-03-03", "2026-03-04 10:00", "2026-03-01", ""],
        follow_up_date=["2026-03-20", "", "2026-04-01", "2026-04-02"],
    )
    for today in (None, "2026-03-03", "2026-04-15"):
        for policy in ("strict", "3bd", "24h/14d"):
            flags = follow_up_flags(log, policy=policy, today=today)
            arrays = follow_up_arrays(log, policy=policy, today=today)
            for column in flags.columns:
                np.testing.assert_array_equal(arrays[column], flags[column].to_numpy())
                assert not arrays[column].flags.writeable
            clear()
            pd.testing.assert_frame_equal(follow_up_flags(log, policy=policy, today=today), flags)
