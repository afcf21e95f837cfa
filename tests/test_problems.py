from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.problems import (
    PROBLEM_COLUMNS,
    LogValidationError,
    ValidationError,
    concat_problems,
    format_problems,
    make_problems,
)


def test_make_problems_broadcasts_and_types() -> None:
    p = make_problems(code="bad_date", file="a.csv", line=[2, 3], column="date", value=["x", "y"], message="fix")
    assert p.columns.tolist() == list(PROBLEM_COLUMNS)
    assert p["file"].tolist() == ["a.csv", "a.csv"]
    assert str(p["line"].dtype) == "Int64"
    assert p["severity"].tolist() == ["error", "error"]


def test_make_problems_rejects_unknown_code_and_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="`code` must be one of"):
        make_problems(code="nope", file="a", message="m")
    with pytest.raises(ValueError, match=r"one value per problem \(3\), got 2"):
        make_problems(code="bad_date", file="a", line=[1, 2], value=["a", "b", "c"], message="m")


def test_long_values_are_cut() -> None:
    p = make_problems(code="bad_date", file="a", value="x" * 500, message="m")
    assert len(str(p.loc[0, "value"])) == 200


def test_concat_sorts_by_file_line_severity() -> None:
    a = make_problems(code="future_date", file="b.csv", line=1, message="w")
    b = make_problems(code="bad_date", file="a.csv", line=5, message="e")
    c = make_problems(code="empty_contact", file="a.csv", line=5, message="e2")
    d = make_problems(code="duplicate_row", file="a.csv", line=5, message="w2")
    out = concat_problems([a, b, c, d])
    assert out["code"].tolist() == ["bad_date", "empty_contact", "duplicate_row", "future_date"]
    assert concat_problems([]).empty


def test_format_and_error_message() -> None:
    p = concat_problems(
        [
            make_problems(code="bad_date", file="a.csv", line=5, column="When", value="x", message="fix it"),
            make_problems(code="future_date", file="a.csv", line=6, column="When", value="x", message="look"),
            make_problems(code="unreadable_file", file="b.xlsx", value="b.xlsx", message="corrupt"),
        ]
    )
    assert format_problems(p) == [
        "a.csv:5: When: error: fix it [bad_date]",
        "a.csv:6: When: warning: look [future_date]",
        "b.xlsx: error: corrupt [unreadable_file]",
    ]
    error = LogValidationError(p)
    assert isinstance(error, ValidationError)
    assert isinstance(error, ValueError)
    assert str(error).splitlines()[0] == "the log has 2 errors:"
    assert "future_date" not in str(error)
    pd.testing.assert_frame_equal(error.problems, p)


def test_value_texts_cut_long_text_only_and_keep_missing() -> None:
    long = "x" * 250
    p = make_problems(code="bad_date", file="f", line=[1, 2, 3], column="date", value=[long, None, "ok"], message="m")
    assert p["value"].tolist()[0] == "x" * 197 + "..."
    assert pd.isna(p["value"].iloc[1])
    assert p["value"].iloc[2] == "ok"
    assert p["value"].dtype == object
    numbers = make_problems(code="bad_number", file="f", line=[1, 2], column="n", value=[12, None], message="m")
    assert numbers["value"].tolist()[0] == "12.0"
    assert pd.isna(numbers["value"].iloc[1])


def test_concat_sorts_files_as_text_then_severity_then_code() -> None:
    parts = [
        make_problems(code="future_date", file=["b", "a"], line=[1, 1], message="m"),
        make_problems(code="bad_date", file=["b", "a"], line=[1, 1], message="m"),
        make_problems(code="empty_contact", file="a", line=1, message="m"),
    ]
    out = concat_problems(parts)
    assert out[["file", "code"]].values.tolist() == [
        ["a", "bad_date"],
        ["a", "empty_contact"],
        ["a", "future_date"],
        ["b", "bad_date"],
        ["b", "future_date"],
    ]


def test_repeated_keys_report_every_later_row_with_the_first_line() -> None:
    from netinsight.problems import repeated_keys

    key = pd.Series(["ana", "bo", "ana", None, None, "bo", "ana"])
    shown = np.array(["Ana", "Bo", "ANA", "", "", "bo ", "ana"], dtype=object)
    lines = np.array([2, 3, 5, 6, 7, 9, 12])
    (found,) = repeated_keys(key, shown, lines, what="student", code="duplicate_student", file="r.csv", column="ID")
    assert found["line"].tolist() == [5, 9, 12]
    assert found["value"].tolist() == ["ANA", "bo ", "ana"]
    assert found["message"].tolist() == [
        "the same student as line 2; keep one of them",
        "the same student as line 3; keep one of them",
        "the same student as line 2; keep one of them",
    ]
    assert set(found["code"]) == {"duplicate_student"}
    assert set(found["file"]) == {"r.csv"}
    assert set(found["column"]) == {"ID"}
    assert repeated_keys(key.iloc[:2], shown[:2], lines[:2], what="x", code="c", file="f", column="k") == []
    missing = pd.Series([None, None], dtype=object)
    assert repeated_keys(missing, shown[:2], lines[:2], what="x", code="c", file="f", column="k") == []
