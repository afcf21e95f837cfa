"""Tests of netinsight.bridges: nearest common dominators of groups, and bridges on tiny logs."""

from __future__ import annotations

import numpy as np

from netinsight.bridges import bridges, group_meets
from tests.conftest import make_log


def test_group_meets_by_hand() -> None:
    tree = np.array([4, 0, 0, 1, 4])  # 4 is the root; 1 and 2 under 0; 3 under 1
    depth = np.array([1, 2, 2, 3, 0])
    groups, tops = group_meets(tree, depth, np.array([3, 2, 1, 3, 4]), np.array([7, 7, 9, 9, 5]))
    assert (groups.tolist(), tops.tolist()) == ([5, 7, 9], [4, 0, 1])
    empty = np.zeros(0, dtype=np.int64)
    assert [a.tolist() for a in group_meets(tree, depth, empty, empty)] == [[], []]


def test_one_way_into_a_company_and_none_at_all() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-09", "2026-01-20"],
        contact=["Ana Ruiz", "Ben Okafor", "Cy Tan"],
        company=["Acme", "Bluefin", "Bluefin"],
        industry=["Tech", "Banking", "Banking"],
        introduced_by=["", "Ana Ruiz", "Ben Okafor"],
    )
    found = bridges(log)
    assert found["name"].tolist() == ["Ana Ruiz", "Ben Okafor"]
    assert found.iloc[0][["n_industries", "n_companies"]].tolist() == [2, 2]
    assert found.iloc[0]["companies"] == ["Acme", "Bluefin"]
    assert found.iloc[1]["companies"] == ["Bluefin"]
    none = bridges(make_log(date=["2026-01-05"], contact=["Ana"]))
    assert len(none) == 0
    assert list(none.columns)[-2:] == ["industries", "companies"]
