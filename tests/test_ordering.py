"""Tests of netinsight.ordering: row orders on packed keys, text ties, text ranks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.ordering import sort_order, text_rank


def test_sort_order_breaks_ties_on_text_and_through_lookup_rows() -> None:
    keys = [np.array([1, 0, 1, 1])]
    assert sort_order(keys, [pd.Series(["c", "z", "a", "b"])]).tolist() == [1, 2, 3, 0]
    table = pd.Series(["b", "a", None])  # looked up: rows 0 and 3 read "b", row 2 reads "a", row 1 a missing one
    assert sort_order(keys, [table], tie_rows=[np.array([0, 2, 1, 0])]).tolist() == [1, 2, 0, 3]


def test_sort_order_empty_and_single() -> None:
    assert sort_order([np.zeros(0, dtype=np.int64)]).tolist() == []
    assert sort_order([np.array([7])], [pd.Series(["x"])]).tolist() == [0]


def test_text_rank() -> None:
    assert text_rank(pd.Series(["b", "A", None, "a"]), str.casefold).tolist() == [1, 0, -1, 0]
    assert text_rank(pd.Series(["b", "A", "a"])).tolist() == [2, 0, 1]
    assert text_rank(pd.Series([], dtype="str")).tolist() == []
