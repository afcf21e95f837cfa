"""Rosters: header aliases, text groups, every problem located, files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import netinsight as ni


def test_headers_are_recognised_and_values_cleaned() -> None:
    roster = ni.read_roster(
        pd.DataFrame({"Student ID": [" S1 ", "S2"], "Major": ["History", ""], "Graduation year": [2027, 2028]})
    )
    assert roster[["student", "program", "class_year"]].astype(object).where(roster.notna(), None).values.tolist() == [
        ["S1", "History", "2027"],
        ["S2", None, "2028"],
    ]
    assert roster["source_line"].tolist() == [1, 2]


def test_unknown_columns_are_kept() -> None:
    roster = ni.read_roster(pd.DataFrame({"student": ["S1"], "Advisor": ["Dr. Who"]}))
    assert roster["Advisor"].tolist() == ["Dr. Who"]


def test_every_problem_is_reported_at_once(write_file: Callable[..., Path]) -> None:
    path = write_file("roster.csv", "Student,Program\nS1,History\n,Biology\ns1,Biology\nS2,Biology\n")
    with pytest.raises(ni.ValidationError) as info:
        ni.read_roster(path)
    text = str(info.value)
    assert text.splitlines()[0] == "the roster has 2 errors:"
    assert f"{path}:3: Student: error: no student on this row; fill it in or delete the row [empty_value]" in text
    assert f"{path}:4: Student: error: the same student as line 2; keep one of them [duplicate_student]" in text
    assert set(info.value.problems["code"]) == {"empty_value", "duplicate_student"}


def test_missing_student_column(write_file: Callable[..., Path]) -> None:
    path = write_file("roster.csv", "Program\nHistory\n")
    with pytest.raises(ni.ValidationError, match="column 'student' not in the roster"):
        ni.read_roster(path)


def test_empty_roster() -> None:
    roster = ni.read_roster(pd.DataFrame({"student": pd.Series([], dtype=str)}))
    assert roster.empty
    assert "student" in roster.columns


def test_single_row_and_not_mutated() -> None:
    frame = pd.DataFrame({"owner": ["S1"], "term": ["Fall 2025"]})
    before = frame.copy()
    roster = ni.read_roster(frame)
    assert roster[["student", "term"]].values.tolist() == [["S1", "Fall 2025"]]
    pd.testing.assert_frame_equal(frame, before)
