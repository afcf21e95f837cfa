from __future__ import annotations

import pandas as pd

from netinsight.distinct import map_distinct


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
