"""Tests of netinsight.graphrecords: attribute columns as Python objects, node and edge records."""

from __future__ import annotations

import gc

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from netinsight.graphrecords import EdgeRows, collector_paused, edge_records, node_records, object_values, text_objects
from netinsight.people import coded_network_from_log, people_table
from netinsight.textcodes import TextCodes
from tests.network_logs import cohort_log, hand_log


def _fail_while_paused() -> None:
    with collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")


def test_collector_paused_restores_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        _fail_while_paused()
    assert gc.isenabled()


def test_object_values_of_each_kind_of_column() -> None:
    assert object_values(pd.Series(["a", None], dtype="str")).tolist() == ["a", None]
    assert object_values(pd.Series([3, 4])).tolist() == [3, 4]
    dates = object_values(pd.Series(pd.to_datetime(["2026-01-05", None])))
    assert dates.tolist() == [pd.Timestamp("2026-01-05"), None]
    lists = pd.Series(pd.arrays.ArrowExtensionArray(pa.array([["x"], [], None], pa.list_(pa.string()))))
    assert object_values(lists).tolist() == [["x"], None, None]
    assert text_objects(TextCodes(np.array([0, -1]), pa.array(["z"]))).tolist() == ["z", None]


def test_node_records_of_the_table_and_of_its_arrays_agree() -> None:
    for log in (hand_log(), cohort_log()):
        arrays, _ = coded_network_from_log(log)
        ids, attrs = node_records(people_table(log))
        assert node_records(arrays) == (ids, attrs)
    ids, attrs = node_records(people_table(hand_log()))
    assert attrs[ids.index("me/carla diaz")] == {
        "name": "Carla Diaz",
        "kind": "introducer",
        "owner": "me",
        "owners": ["me"],
        "interviews": 0,
    }


def test_edge_records_list_owners_by_date_then_owner() -> None:
    rows = EdgeRows(
        owner=np.array(["s2", "s1", "s1"], dtype=object),
        date=np.array(["2026-01-09", "2026-01-09", "NaT"], dtype="datetime64[ns]"),
        count=np.array([1, 2, 0]),
        source=np.array([0, 0, 0]),
        target=np.array([1, 1, 2]),
        order=np.array([1, 0, 2]),  # by date (missing last), then owner
    )
    edges = edge_records(rows, ["id:ana", "id:ben", "s1/cy"])
    day = pd.Timestamp("2026-01-09")
    assert edges == [
        ("id:ana", "id:ben", {"owners": ["s1", "s2"], "dates": [day, day], "counts": [2, 1], "count": 3, "date": day}),
        ("id:ana", "s1/cy", {"owners": ["s1"], "dates": [None], "counts": [0], "count": 0}),
    ]
    empty = np.zeros(0, dtype=np.int64)
    none = EdgeRows(np.zeros(0, dtype=object), np.zeros(0, dtype="datetime64[ns]"), empty, empty, empty, empty)
    assert edge_records(none, []) == []
