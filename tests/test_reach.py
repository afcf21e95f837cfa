from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from netinsight.reach import target_status, top_target_coverage
from netinsight.targets import read_targets

from .conftest import make_log


def test_target_status_by_hand(log: pd.DataFrame, targets: pd.DataFrame, connections: pd.DataFrame) -> None:
    before_targets, before_conn = targets.copy(), connections.copy()
    out = target_status(log, targets, connections=connections)
    assert out["employer"].tolist() == ["Acme", "Delta Health", "Bluefin Capital LLC", "Echo"]
    assert out["status"].tolist() == ["reached", "untouched", "reached", "reachable"]
    assert out["interviews"].tolist() == [2, 0, 1, 0]
    assert out["contacts"].tolist() == [1, 0, 1, 0]
    assert out["connections"].tolist() == [0, 0, 0, 2]
    assert out["match"].tolist() == ["normalised", "not found", "normalised", "exact"]
    assert out["matched_as"].tolist()[0] == "ACME Corporation; Acme Corp."
    assert out["matched_as"].tolist()[3] == "Echo; Echo Inc."
    pd.testing.assert_frame_equal(targets, before_targets)
    pd.testing.assert_frame_equal(connections, before_conn)


def test_without_connections_nothing_is_only_reachable(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    out = target_status(log, targets)
    assert out["status"].tolist() == ["reached", "untouched", "reached", "untouched"]


def test_target_list_with_no_match(log: pd.DataFrame) -> None:
    targets = read_targets(pd.DataFrame({"employer": ["Zenith"], "industry": ["Energy"]}))
    status = target_status(log, targets)
    assert status["status"].tolist() == ["untouched"]
    assert status["match"].tolist() == ["not found"]
    top = top_target_coverage(log, targets, top=5)
    assert top[["top", "targets", "reached", "untouched", "reached_rate"]].values.tolist() == [[5, 1, 0, 1, 0.0]]


def test_top_target_coverage_by_hand(log: pd.DataFrame, targets: pd.DataFrame, connections: pd.DataFrame) -> None:
    out = top_target_coverage(log, targets, top=[1, 2, 10], connections=connections)
    assert out["top"].tolist() == [1, 2, 10]
    assert out["targets"].tolist() == [1, 2, 4]
    assert out["reached"].tolist() == [1, 1, 2]
    assert out["reachable"].tolist() == [0, 0, 1]
    assert out["untouched"].tolist() == [0, 1, 1]
    assert out["reached_rate"].tolist() == [1.0, 0.5, 0.5]
    assert out["network_rate"].tolist() == [1.0, 0.5, 0.75]


def test_top_target_coverage_rejects_bad_top(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"`top` must be a whole number of 1 or more"):
        top_target_coverage(log, targets, top=0)


def test_connections_without_company_column(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    with pytest.raises(TypeError, match=r"`connections` must be a DataFrame with a 'company' column.*\['name'\]"):
        target_status(log, targets, connections=pd.DataFrame({"name": ["P"]}))


def test_empty_log(targets: pd.DataFrame) -> None:
    empty = make_log(date=[], contact=[])
    status = target_status(empty, targets)
    assert status["status"].tolist() == ["untouched"] * 4


def test_targets_can_be_a_path(log: pd.DataFrame, write_file: Callable[..., Path]) -> None:
    path = write_file("t.csv", "Employer,Industry\nAcme,Tech\n")
    assert target_status(log, path)["status"].tolist() == ["reached"]
