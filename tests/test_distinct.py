from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.distinct import Distinct, distinct, distinct_columns, map_distinct, start_distinct_columns
from netinsight.threads import PARALLEL_ROWS


def test_map_distinct_calls_once_per_distinct_value_and_keeps_missing() -> None:
    calls: list[list[object]] = []

    def upper(uniques: pd.Series) -> pd.Series:
        calls.append(uniques.tolist())
        return uniques.str.upper()

    values = pd.Series(["b", "a", None, "b", "a"], index=[9, 8, 7, 6, 5])
    assert map_distinct(values, upper).tolist() == ["B", "A", None, "B", "A"]
    assert calls == [["b", "a"]]


def test_map_distinct_all_missing_or_empty() -> None:
    assert map_distinct(pd.Series([None, None]), lambda u: u).tolist() == [None, None]
    assert map_distinct(pd.Series([], dtype=object), lambda u: u).tolist() == []


def test_distinct_values_and_codes_keep_the_dtype() -> None:
    d = distinct(pd.Series(["b", "a", None, "b"], dtype="str"))
    assert d.values.tolist()[:2] == ["b", "a"]
    assert d.values.isna().tolist() == [False, False, True]
    assert d.codes.tolist() == [0, 1, 2, 0]
    assert str(d.values.dtype) == "str"
    objects = distinct(pd.Series(["x", pd.Timestamp("2026-01-05"), "x"], dtype=object))
    assert objects.values.tolist() == ["x", pd.Timestamp("2026-01-05")]
    assert objects.codes.tolist() == [0, 1, 0]
    assert str(objects.values.dtype) == "object"


def test_distinct_empty_and_single_row() -> None:
    empty = distinct(pd.Series([], dtype="str"))
    assert len(empty.values) == 0
    assert empty.rows().tolist() == []
    one = distinct(pd.Series(["a"], dtype="str"))
    assert one.rows().tolist() == ["a"]


def test_replace_rows_and_at() -> None:
    d = distinct(pd.Series(["b", "a", "b"], dtype="str", index=[7, 8, 9]))
    upper = d.replace(d.values.str.upper())
    assert upper.rows().tolist() == ["B", "A", "B"]
    assert upper.rows().index.tolist() == [0, 1, 2]
    assert d.at(d.values.eq("b")).tolist() == [True, False, True]
    dates = d.replace(pd.Series(pd.to_datetime(["2026-01-05", "2026-01-06"])))
    assert str(dates.rows().dtype) == "datetime64[us]"


def test_rows_keep_only_the_categories_in_use() -> None:
    d = Distinct(pd.Series(["me", "you"], dtype="category"), np.array([1, 1]))
    assert d.rows().cat.categories.tolist() == ["you"]
    nobody = Distinct(pd.Series(["me"], dtype="category"), np.zeros(0, dtype=np.intp))
    assert nobody.rows().cat.categories.tolist() == []


def test_distinct_columns_match_distinct_on_threads_or_not() -> None:
    columns = [
        pd.Series(["b", "a", None, "b"], dtype="str"),
        pd.Series(["x", pd.Timestamp("2026-01-05"), "x", "x"], dtype=object),
        pd.Series(["c", "c", "c", "c"], dtype="str"),
    ]
    for rows in (len(columns[0]), PARALLEL_ROWS):
        found = distinct_columns(columns, rows=rows)
        for column, d in zip(columns, found, strict=True):
            expected = distinct(column)
            assert d.codes.tolist() == expected.codes.tolist()
            pd.testing.assert_series_equal(d.values, expected.values)
    assert distinct_columns([], rows=PARALLEL_ROWS) == []


def test_rows_of_numpy_masked_and_categorical_values_as_a_take_gives() -> None:
    codes = np.array([2, 0, 2, 1], dtype=np.int8)
    for values in (
        pd.Series(pd.to_datetime(["2026-01-05 00:00", None, "1969-12-31 23:00"])),
        pd.Series([1, None, 3], dtype="Int64"),
        pd.Series([1.5, None, 3.0], dtype="Float64"),
        pd.Series([True, None, False], dtype="boolean"),
        pd.Series(["b", None, "a"], dtype="str"),
        pd.Series([1.0, np.nan, 2.0]),
        pd.Series(["x", None, "y"], dtype="category"),
        pd.Series(pd.Categorical(["x", "y", "z"], categories=["z", "y", "x"], ordered=True)),
    ):
        rows = Distinct(values, codes).rows()
        expected = pd.Series(values.array.take(codes.astype(np.intp)), dtype=values.dtype)
        if isinstance(values.dtype, pd.CategoricalDtype):
            expected = expected.cat.remove_unused_categories()
        pd.testing.assert_series_equal(rows, expected)
    assert Distinct(pd.Series(["x"], dtype="category"), np.zeros(0, np.intp)).rows().tolist() == []
    only = Distinct(pd.Series(["x", "y"], dtype="category"), np.array([1, 1])).rows()
    assert list(only.cat.categories) == ["y"]


def test_at_without_any_picked_value_picks_no_row() -> None:
    d = distinct(pd.Series(["b", "a", "b"], dtype="str"))
    assert d.at(np.zeros(2, dtype=bool)).tolist() == [False, False, False]
    assert d.at(pd.Series([False, True])).tolist() == [False, True, False]
    empty = distinct(pd.Series([], dtype="str"))
    assert empty.at(np.zeros(0, dtype=bool)).tolist() == []


def test_start_distinct_columns_collects_what_distinct_columns_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import netinsight.threads as threads

    columns = [pd.Series(["b", None, "b"], dtype="str"), pd.Series([2, 1, 2])]
    expected = distinct_columns(columns, rows=3)
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # hashed on threads
    collect = start_distinct_columns(columns, rows=3)
    for got, want in zip(collect(), expected, strict=True):
        assert got.codes.tolist() == want.codes.tolist()
        pd.testing.assert_series_equal(got.values, want.values)
    assert start_distinct_columns([], rows=3)() == []
