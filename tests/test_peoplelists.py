"""Tests of netinsight.peoplelists: list columns placed without sorting, owners and outcomes of people."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from netinsight.peoplelists import list_positions, outcome_lists, owner_lists
from tests.conftest import make_log


def test_list_positions_places_values_without_sorting() -> None:
    lists = list_positions(np.array([2, 0, 2, 2]), np.array([2, 0, 0, 1]), pa.array(["c", "a", "x", "y"]), 4)
    assert lists.tolist() == [["a"], [], ["x", "y", "c"], []]
    assert list_positions(np.zeros(0, np.int64), np.zeros(0, np.int64), pa.array([], pa.string()), 2).tolist() == [
        [],
        [],
    ]


def test_owner_lists_by_earliest_introduction_then_owner_code() -> None:
    # rows 0-2 are the roots of owners a, b, c; row 3 is person 0, introduced to owner b and a
    # on day 9 (a tie: owner code 0 first) and to c on day 3
    lists = owner_lists(
        np.array([3]),
        np.array([0, 1, 2]),
        np.array([0, 0, 0]),
        np.array([1, 0, 2]),
        np.array([9, 9, 3]),
        pa.array(["a", "b", "c"]),
        4,
    )
    assert lists.tolist() == [["a"], ["b"], ["c"], ["c", "a", "b"]]


def test_outcome_lists_distinct_and_sorted() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07"],
        contact=["A", "A", "B"],
        outcome=["referral; job lead", "referral", ""],
    )
    assert outcome_lists(log, np.array([0, 0, -1]), 2).tolist() == [["job_lead", "referral"], []]
    assert outcome_lists(log.iloc[:0], np.zeros(0, dtype=np.int64), 0).tolist() == []


def test_outcome_lists_the_same_with_a_flag_per_pair_and_with_a_sort() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"],
        contact=["A", "A", "B", "C"],
        outcome=["referral; job lead", "job lead", "", "offer"],
    )
    small = outcome_lists(log, np.array([1, 1, -1, 0]), 3).tolist()  # few rows: a flag per possible pair
    assert small == [["offer"], ["job_lead", "referral"], []]
    many = outcome_lists(log, np.array([1, 1, -1, 0]), 3_000_000)  # many rows, few outcomes: a sort
    assert many.iloc[:3].tolist() == small
    assert many.iloc[3:].map(len).sum() == 0


def test_outcome_lists_started_on_a_thread_any_text_and_missing_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from netinsight import threads
    from netinsight.peoplelists import start_outcome_lists

    texts = [["zoë", "Zeta", "apple"], ["Éclair", "zoë"], [], ["apple", "apple"]]
    log = pd.DataFrame({"outcome": pd.Series(texts, dtype=pd.ArrowDtype(pa.list_(pa.string())))})
    expected = [sorted({*texts[0], *texts[3]}), sorted(texts[1]), []]  # by hand: code point order, as `sorted`
    assert expected == [["Zeta", "apple", "zoë"], ["zoë", "Éclair"], []]
    positions = np.array([0, 1, -1, 0])
    assert outcome_lists(log, positions, 3).tolist() == expected
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # the lists made on a thread of their own
    assert start_outcome_lists(log, positions, 3)().tolist() == expected
    # a missing value inside a list (never from read_log) is kept, sorted last, on this thread
    holes = pd.DataFrame({"outcome": pd.Series([["b", None], ["a"]], dtype=pd.ArrowDtype(pa.list_(pa.string())))})
    assert start_outcome_lists(holes, np.array([0, 0]), 1)().tolist() == [["a", "b", None]]
