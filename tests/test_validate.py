from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import netinsight as ni

TODAY = "2026-06-01"


def frame(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns)


# code -> (input table, expected (line, column), message pattern)
CASES: dict[str, tuple[pd.DataFrame | str, tuple[int, str], str]] = {
    "missing_column": ("Name\nAna\n", (1, "date"), r"column 'date' not in the log; columns found: \['Name'\]"),
    "duplicate_column": (
        "date,Name,Contact\n2026-01-05,A,B\n",
        (1, "Contact"),
        r"'Name' and 'Contact' both stand for 'contact'",
    ),
    "bad_date": (
        frame(When=["2026-01-05", "tomorrow-ish"], contact=["A", "B"]),
        (2, "When"),
        r"cannot read this as a date; write it as YYYY-MM-DD",
    ),
    "ambiguous_date": (frame(date=["02/03/2026"], contact=["A"]), (1, "date"), r"reads both day-first and month-first"),
    "bad_number": (
        frame(date=["2026-01-05"], contact=["A"], Minutes=["an hour"]),
        (1, "Minutes"),
        r"cannot read this as a number",
    ),
    "bad_boolean": (
        frame(date=["2026-01-05"], contact=["A"], Prepared=["sort of"]),
        (1, "Prepared"),
        r"cannot read this as yes or no",
    ),
    "empty_contact": (
        frame(date=["2026-01-05", "2026-01-06"], Person=["A", " "]),
        (2, "Person"),
        r"no contact on this row; fill in who you spoke with",
    ),
    "thank_you_before_interview": (
        frame(date=["2026-01-05"], contact=["A"], thank_you_date=["2026-01-04"]),
        (1, "thank_you_date"),
        r"the thank-you note is dated before the interview",
    ),
    "follow_up_before_interview": (
        frame(date=["2026-01-05"], contact=["A"], follow_up_date=["2026-02-01; 2026-01-01"]),
        (1, "follow_up_date"),
        r"this follow-up is dated before the interview",
    ),
    "response_before_outreach": (
        frame(date=["2026-01-20"], contact=["A"], outreach_date=["2026-01-10"], response_date=["2026-01-09"]),
        (1, "response_date"),
        r"the reply is dated before the request",
    ),
    "interview_before_outreach": (
        frame(date=["2026-01-05"], contact=["A"], outreach_date=["2026-01-10"]),
        (1, "outreach_date"),
        r"the interview is dated before the request",
    ),
    "self_introduction": (
        frame(date=["2026-01-05"], contact=["Ana Ruiz"], introduced_by=["dr. ana ruiz"]),
        (1, "introduced_by"),
        r"written as their own introducer",
    ),
    "introduction_cycle": (
        frame(date=["2026-01-05", "2026-01-06", "2026-01-07"], contact=["A", "B", "C"], introduced_by=["C", "A", "B"]),
        (1, "introduced_by"),
        r"go round in a circle \(A introduced B, B introduced C, C introduced A\)",
    ),
    "near_duplicate_name": (
        frame(date=["2026-01-05", "2026-01-06"], contact=["Jon Smith", "John Smith"], company=["Acme", "ACME"]),
        (2, "contact"),
        r"probably the same person as 'Jon Smith' at the same company",
    ),
    "name_variant": (
        frame(date=["2026-01-05", "2026-01-06"], contact=["Dr. Ana Ruiz", "ana ruiz"]),
        (2, "contact"),
        r"written 'ana ruiz' here and 'Dr. Ana Ruiz' elsewhere; counted as one person",
    ),
    "future_date": (frame(date=["2026-06-02"], contact=["A"]), (1, "date"), r"after today \(2026-06-01\)"),
    "duplicate_row": (
        frame(date=["2026-01-05", "2026-01-05"], contact=["A", "A"]),
        (2, ""),
        r"repeats an earlier one exactly",
    ),
    "unknown_introducer": (
        frame(date=["2026-01-05", "2026-01-06"], contact=["John Smith", "B"], introduced_by=["", "Jon Smith"]),
        (2, "introduced_by"),
        r"never interviewed.*did you mean 'john smith'\?",
    ),
    "unknown_value": (
        frame(date=["2026-01-05"], contact=["A"], channel=["telepathy"]),
        (1, "channel"),
        r"not a known channel; kept as written",
    ),
    "blank_rows": ("date,contact\n2026-01-05,A\n,\n", (3, ""), r"1 blank row\(s\) skipped \(line 3\)"),
    "too_many_fields": ("date,contact\n2026-01-05,A,extra\n", (2, ""), r"more fields than the header"),
    "unreadable_file": ("FOLDER", (0, ""), r"not a readable \.xlsx workbook"),
}


def _log_for(case: pd.DataFrame | str, tmp_path: Path) -> pd.DataFrame:
    if isinstance(case, pd.DataFrame):
        return ni.read_log(case)
    if case == "FOLDER":
        (tmp_path / "f").mkdir()
        (tmp_path / "f" / "ok.csv").write_text("date,contact\n2026-01-05,A\n")
        (tmp_path / "f" / "bad.xlsx").write_bytes(b"junk")
        return ni.read_log(tmp_path / "f")
    path = tmp_path / "log.csv"
    path.write_text(case)
    return ni.read_log(path)


TARGET_LIST_CODES = {"empty_value", "duplicate_target", "duplicate_student"}  # in test_targets.py, test_roster.py


def test_every_code_has_a_case() -> None:
    assert set(CASES) | TARGET_LIST_CODES == set(ni.PROBLEM_CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_problem_code(code: str, tmp_path: Path) -> None:
    case, (line, column), pattern = CASES[code]
    log = _log_for(case, tmp_path)
    problems = ni.validate_log(log, strict=False, today=TODAY)
    found = problems[problems["code"] == code]
    assert len(found) == (3 if code == "introduction_cycle" else 1), problems.to_string()
    row = found.iloc[0]
    assert row["severity"] == ni.PROBLEM_CODES[code][0]
    if line:
        assert row["line"] == line
    if column:
        assert row["column"] == column
    import re

    assert re.search(pattern, row["message"]), row["message"]
    if row["severity"] == "error":
        with pytest.raises(ni.LogValidationError, match=pattern):
            ni.validate_log(log, today=TODAY)
    else:
        ni.validate_log(log, today=TODAY)  # warnings and notes never raise


def test_all_errors_are_listed_at_once() -> None:
    log = ni.read_log(
        frame(date=["soon", "2026-01-05", "2026-01-06"], contact=["A", "", "B"], introduced_by=["", "", "B"])
    )
    with pytest.raises(ni.LogValidationError) as info:
        ni.validate_log(log, today=TODAY)
    message = str(info.value)
    assert message.startswith("the log has 3 errors:")
    assert "<DataFrame>:1: date: error: cannot read this as a date" in message
    assert "<DataFrame>:2: contact: error: no contact on this row" in message
    assert "<DataFrame>:3: introduced_by: error: this person is written as their own introducer" in message
    assert info.value.problems["code"].tolist() == ["bad_date", "empty_contact", "self_introduction"]


def test_strict_false_returns_table_sorted_and_typed() -> None:
    log = ni.read_log(frame(date=["2026-01-05", "2026-07-01"], contact=["B", ""]))
    problems = ni.validate_log(log, strict=False, today=TODAY)
    assert problems.columns.tolist() == ["file", "line", "column", "value", "code", "severity", "message"]
    assert problems["line"].tolist() == [2, 2]
    assert problems["code"].tolist() == ["empty_contact", "future_date"]


def test_clean_log_and_empty_log_have_no_problems() -> None:
    clean = ni.read_log(
        frame(
            date=["2026-01-05", "2026-01-09"],
            contact=["Ana Ruiz", "Ben Okafor"],
            introduced_by=["", "Ana Ruiz"],
            thank_you_date=["2026-01-05", "2026-01-10"],
        )
    )
    assert ni.validate_log(clean, today=TODAY).empty
    empty = ni.read_log(frame(date=[], contact=[]))
    assert ni.validate_log(empty, today=TODAY).empty


def test_cycle_of_two_and_chain_leading_into_it() -> None:
    log = ni.read_log(
        frame(date=["2026-01-05", "2026-01-06", "2026-01-07"], contact=["A", "B", "C"], introduced_by=["B", "A", "A"])
    )
    problems = ni.validate_log(log, strict=False, today=TODAY)
    cycle = problems[problems["code"] == "introduction_cycle"]
    assert cycle["line"].tolist() == [1, 2]  # C hangs off the cycle but is not on it
    assert "A introduced B, B introduced A" in cycle["message"].iloc[0]


def test_owners_do_not_mix_in_introduction_checks() -> None:
    log = ni.read_log(
        frame(owner=["s1", "s2"], date=["2026-01-05", "2026-01-06"], contact=["A", "B"], introduced_by=["B", "A"])
    )
    problems = ni.validate_log(log, strict=False, today=TODAY)
    assert problems["code"].tolist() == ["unknown_introducer", "unknown_introducer"]


def test_path_input_and_input_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,contact\n2026-01-05,A\n2026-01-05,A\n")
    problems = ni.validate_log(path, strict=False, today=TODAY)
    assert problems["code"].tolist() == ["duplicate_row"]
    log = ni.read_log(path)
    before = log.copy()
    ni.validate_log(log, strict=False, today=TODAY)
    pd.testing.assert_frame_equal(log, before)


def test_same_day_thank_you_and_follow_up_are_fine() -> None:
    log = ni.read_log(
        frame(date=["2026-01-05 15:00"], contact=["A"], thank_you_date=["2026-01-05"], follow_up_date=["2026-01-05"])
    )
    assert ni.validate_log(log, today=TODAY).empty


def test_duplicate_rows_repeat_every_column_not_only_who_and_when() -> None:
    log = ni.read_log(
        frame(
            date=["2026-01-05", "2026-01-05", "2026-01-05", "2026-01-06"],
            contact=["Ana", "Ana", "Ana", "Ana"],
            notes=["x", "y", "x", "x"],
        )
    )
    problems = ni.validate_log(log, strict=False, today=TODAY)
    repeated = problems[problems["code"] == "duplicate_row"]
    assert repeated[["line", "value"]].values.tolist() == [[3, "same as line 1"]]


def test_dates_are_compared_by_day_also_before_1970_and_with_times() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["1969-12-31 23:00", "1969-12-31 10:00", "2026-03-02 09:00", "2026-03-02", ""],
                "contact": ["A", "B", "C", "D", "E"],
                "thank_you_date": ["1969-12-31 01:00", "1969-12-30 23:59", "2026-03-02 08:00", "", "2026-03-01"],
                "outreach_date": ["", "1969-12-31 11:00", "2026-03-03", "2026-03-01 23:59", ""],
                "response_date": ["", "1969-12-31 10:59", "2026-03-02 23:00", "2026-03-01", ""],
                "follow_up_date": ["1969-12-31 00:00", "1969-12-30", "", "2026-03-01 23:00; 2026-03-02", "2026-03-01"],
            }
        )
    )
    problems = ni.validate_log(log, strict=False, today="2026-03-02 12:00")
    found = problems.loc[problems["code"] != "bad_date", ["line", "code", "value"]].values.tolist()
    assert found == [  # line 1: a thank-you hours before the interview, the same day (in 1969) is fine
        [2, "follow_up_before_interview", "1969-12-30"],
        [2, "thank_you_before_interview", "1969-12-30"],
        [3, "response_before_outreach", "2026-03-02"],
        [3, "future_date", "2026-03-03"],
        [3, "interview_before_outreach", "2026-03-03"],
        [4, "follow_up_before_interview", "2026-03-01"],
    ]


def test_an_empty_contact_with_an_introducer_is_no_person() -> None:
    log = ni.read_log(
        pd.DataFrame({"date": ["2026-03-02"] * 3, "contact": ["", "Ana", "Ben"], "introduced_by": ["Ana", "Cy", ""]})
    )
    problems = ni.validate_log(log, strict=False, today="2026-06-01")
    assert problems[["line", "code", "value"]].values.tolist() == [
        [1, "empty_contact", ""],
        [2, "unknown_introducer", "Cy"],
    ]


def test_duplicate_rows_with_missing_dates_ties_and_one_row() -> None:
    log = ni.read_log(
        frame(
            date=["", "", "2026-01-05", "2026-01-05", "", "2026-01-05"],
            contact=["Ana", "Ana", "Ana", "ana", "Ana", "Ana"],
            notes=["x", "x", "x", "x", "y", "x"],
        )
    )
    problems = ni.validate_log(log, strict=False, today=TODAY)
    repeated = problems[problems["code"] == "duplicate_row"]
    assert repeated[["line", "value"]].values.tolist() == [[2, "same as line 1"], [6, "same as line 3"]]
    single = ni.read_log(frame(date=["2026-01-05"], contact=["Ana"]))
    assert ni.validate_log(single, today=TODAY).empty


def test_duplicate_rows_compare_list_cells_too() -> None:
    log = ni.read_log(
        frame(
            date=["2026-01-05"] * 4,
            contact=["Ana"] * 4,
            follow_up_date=["2026-01-09; 2026-01-10", "2026-01-09", "2026-01-09; 2026-01-10", ""],
            outcome=["offer", "offer", "offer", ""],
        )
    )
    problems = ni.validate_log(log, strict=False, today=TODAY)
    assert problems[["line", "code", "value"]].values.tolist() == [[3, "duplicate_row", "same as line 1"]]


def test_checks_on_threads_find_the_same_problems_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from netinsight import threads
    from netinsight.memo import clear

    log = ni.read_log(
        frame(
            owner=["s1", "s1", "s1", "s1", "s1", "s2", "s2", "s2"],
            date=[f"2026-01-0{d}" for d in (5, 6, 7, 8, 9, 5, 5)] + ["2026-07-01"],
            contact=["Ana Ruiz", "Ben Okafor", "Cy Tan", "Jon Smith", "John Smith", "Dee Ma", "Dee Ma", "Eve"],
            company=["Acme", "Acme", "Initech", "Globex", "GLOBEX", "X", "X", "Y"],
            introduced_by=["Ben Okafor", "Ana Ruiz", "Cy Tan", "Anna Ruiz", "", "", "", ""],
        )
    )
    # worked out by hand: A and B introduce each other (lines 1-2), C introduces themself (3), "Anna Ruiz"
    # was never interviewed (4, hint "ana ruiz"), Jon / John Smith at Globex (5), Dee Ma twice (7), a date
    # after today (8)
    expected = [
        (1, "introduction_cycle"),
        (2, "introduction_cycle"),
        (3, "self_introduction"),
        (4, "unknown_introducer"),
        (5, "near_duplicate_name"),
        (7, "duplicate_row"),
        (8, "future_date"),
    ]
    clear()
    alone = ni.validate_log(log, strict=False, today=TODAY)
    clear()
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # every check that may run on a thread does
    side_by_side = ni.validate_log(log, strict=False, today=TODAY)
    clear()
    pd.testing.assert_frame_equal(side_by_side, alone)
    assert sorted(zip(alone["line"], alone["code"], strict=True)) == expected
    assert "did you mean 'ana ruiz'?" in alone.loc[alone["code"] == "unknown_introducer", "message"].iloc[0]
