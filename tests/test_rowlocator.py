"""Tests of netinsight.rowlocator: where rows of a log came from."""

from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.rowlocator import RowLocator


def test_row_locator_names_columns_as_each_file_does() -> None:
    log = pd.DataFrame(
        {
            "source_file": pd.Categorical(["a.csv", "b.csv", None]),
            "source_line": pd.array([2, 5, None], dtype="Int64"),
        }
    )
    log.attrs["headers"] = {"a.csv": {"date": "When"}}
    at = RowLocator(log)
    found = at(np.array([True, False, True]), "date")
    assert found["file"].tolist() == ["a.csv", "<log>"]
    assert found["line"].tolist() == [2, 3]
    assert found["column"] == ["When", "date"]
    assert at(np.array([1]), "")["column"] == ""
    assert at.files_of(np.array([2, 0])).tolist() == ["<log>", "a.csv"]
    assert at.file.tolist() == ["a.csv", "b.csv", "<log>"]


def test_row_locator_of_a_log_without_categorical_files_or_lines() -> None:
    log = pd.DataFrame({"source_file": ["a.csv", None, "a.csv"], "source_line": pd.array([None, None, 4], "Int64")})
    at = RowLocator(log)
    found = at(np.arange(3), "contact")
    assert found["file"].tolist() == ["a.csv", "<log>", "a.csv"]
    assert found["line"].tolist() == [1, 2, 4]  # no line: the row's position from 1
    assert found["column"] == ["contact", "contact", "contact"]
