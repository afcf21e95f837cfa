from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.problems import LogReadError
from netinsight.rawtable import RawTable, cell_text, check_headers, drop_blank_rows, name_extra_columns


def test_cell_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(True) == "true"
    assert cell_text(3.0) == "3"
    assert cell_text(3.5) == "3.5"
    assert cell_text(["a", 2.0]) == "a; 2"
    assert cell_text({"k": "v"}) == '{"k": "v"}'
    assert cell_text(pd.Timestamp("2026-01-05").to_pydatetime()) == pd.Timestamp("2026-01-05")


def test_check_headers_ignores_case() -> None:
    check_headers(["a", "b", ""], "f.csv", 1)
    with pytest.raises(LogReadError, match=r"f.csv:3: the header \['Date', 'date'\] appears more than once"):
        check_headers(["Date", "date"], "f.csv", 3)


def test_name_extra_columns() -> None:
    body = pd.DataFrame([["1", "", "x"], ["2", "", ""]])
    header, kept, ragged = name_extra_columns(["a", "", ""], body)
    assert header == ["a", "column_3"]
    assert kept.shape == (2, 2)
    assert ragged.tolist() == [True, False]


def test_drop_blank_rows_keeps_files_and_lines() -> None:
    table = RawTable(
        pd.DataFrame({"a": ["x", " ", "y"], "b": ["", "", "z"]}),
        np.array([2, 3, 4]),
        "f.csv",
        files=np.array(["f.csv", "g.csv", "h.csv"], dtype=object),
        header_line=1,
    )
    out = drop_blank_rows(table)
    assert out.lines.tolist() == [2, 4]
    assert out.files is not None
    assert out.files.tolist() == ["f.csv", "h.csv"]
    assert out.header_line == 1
    assert out.problems[0].loc[0, "message"] == "1 blank row(s) skipped (line 3)"


def test_blank_rows_of_categorical_columns() -> None:
    frame = pd.DataFrame(
        {
            "a": pd.Categorical(["x", " ", "", None, "y"]),
            "b": pd.Series(["", "  ", "", "", "z"], dtype="str"),
        }
    )
    table = drop_blank_rows(RawTable(frame, np.arange(2, 7), "f.csv"))
    assert table.frame["a"].astype(str).tolist() == ["x", "y"]
    assert table.lines.tolist() == [2, 6]
    assert [p["message"].tolist() for p in table.problems] == [["3 blank row(s) skipped (line 3, 4, 5)"]]
    empty = RawTable(pd.DataFrame({"a": pd.Categorical([])}), np.zeros(0, np.int64), "f.csv")
    assert len(drop_blank_rows(empty).frame) == 0
