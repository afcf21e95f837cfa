from __future__ import annotations

import pandas as pd

from netinsight import followup
from netinsight.todolist import todo

from .conftest import make_log
from .followup_logs import tricky_log


def test_todo_is_also_reachable_from_followup() -> None:
    assert followup.todo is todo
    assert followup.ACTIONS == ("follow_up", "second_contact", "thank_you", "check_in")


# ----------------------------------------------------------- tricky logs (NumPy paths vs the pandas semantics)


def test_todo_on_a_tricky_log_by_hand() -> None:
    out = todo(tricky_log(), today="2026-03-25", ahead=0)
    # 'ana' (2 March, no note) and the row without a contact (10 March) owe notes; the check-ins fall due later
    assert out["contact"].iloc[0] == "ana"
    assert pd.isna(out["contact"].iloc[1])
    assert out["action"].tolist() == ["thank_you", "thank_you"]
    assert out["days_overdue"].tolist() == [21, 13]
    assert out["detail"].tolist() == [
        "interviewed 2026-03-02; no thank-you note yet (policy standard)",
        "interviewed 2026-03-10; no thank-you note yet (policy standard)",
    ]
    later = todo(tricky_log(), today="2026-04-20", ahead=0)
    # 'ana' of 2 March met Ana again on 9 March; Ana's follow-up of 8 March is before that interview;
    # Ben's timed interview is due 30 days later, on 4 April; the row without a contact followed up
    assert later[["contact", "action"]].values.tolist() == [
        ["Ben", "check_in"],
        ["Ana", "check_in"],
        ["Cy", "check_in"],
    ]
    assert later["due"].dt.strftime("%m-%d").tolist() == ["04-04", "04-08", "04-09"]


def test_todo_same_person_twice_on_one_day_and_follow_ups_after_today() -> None:
    log = make_log(
        date=["2026-06-01", "2026-06-01", "2026-06-02 15:00"],
        contact=["Ana", "Ana", "Ben"],
        thank_you_date=["2026-06-01", "2026-06-01", "2026-06-02"],
        follow_up_date=["", "", "2026-07-01 10:00"],
    )
    out = todo(log, today="2026-07-01")
    # the first Ana row is covered by the second (same day, log order); the second has no later meeting;
    # Ben's follow-up at 10:00 on 1 July counts as not yet done on 1 July (the log is read as of midnight)
    assert out[["contact", "action", "days_overdue"]].values.tolist() == [
        ["Ana", "check_in", 0],
        ["Ben", "check_in", -1],
    ]
    assert len(todo(log.iloc[:1], today="2026-07-01")) == 1
