"""Tests of netinsight.dominators: dominator trees of tiny referral forests and nearest common ancestors."""

from __future__ import annotations

import numpy as np

from netinsight.dominators import dominators, meet
from netinsight.forest import build_forest
from netinsight.people import coded_tables_from_log
from tests.conftest import make_log


def test_a_diamond_is_dominated_by_its_top_only() -> None:
    # Ana -> Ben, Ana -> Cy, Ben -> Dee and Cy -> Dee: Dee's dominator is Ana, not Ben
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"],
        contact=["Ana", "Ben", "Cy", "Dee", "Dee"],
        introduced_by=["", "Ana", "Ana", "Ben", "Cy"],
    )
    forest = build_forest(*coded_tables_from_log(log))
    assert forest.parent.tolist() == [-1, 0, 0, 1]
    assert dominators(forest).tolist() == [-1, 0, 0, 0]


def test_cycle_nodes_get_no_dominator_and_empty_forest() -> None:
    log = make_log(date=["2026-01-05", "2026-01-06"], contact=["Ana", "Ben"], introduced_by=["Ben", "Ana"])
    assert dominators(build_forest(*coded_tables_from_log(log))).tolist() == [-3, -3]
    empty = make_log(date=["2026-01-05"], contact=[""])
    assert dominators(build_forest(*coded_tables_from_log(empty))).tolist() == []


def test_meet() -> None:
    tree = np.array([4, 0, 0, 1, 4])  # node 4 is the root (its own parent)
    depth = np.array([1, 2, 2, 3, 0])
    assert meet(np.array([3, 3, 1, 0]), np.array([2, 1, 1, 4]), tree, depth).tolist() == [0, 1, 1, 4]
