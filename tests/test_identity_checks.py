from __future__ import annotations

import numpy as np
import pandas as pd

import netinsight as ni
from netinsight.identity_checks import cyclic_edges, introduction_problems, name_problems
from netinsight.problems import RowLocator


def test_cyclic_edges_by_hand() -> None:
    # 0 <-> 1 is a cycle; 1 -> 2 -> 3 hangs off it; 3 -> 4 -> 3 is a second cycle reached through the path
    src = np.array([0, 1, 1, 2, 3, 4])
    dst = np.array([1, 0, 2, 3, 4, 3])
    assert cyclic_edges(src, dst, 5).tolist() == [True, True, False, False, True, True]
    assert not cyclic_edges(np.array([0, 1]), np.array([1, 2]), 3).any()
    assert cyclic_edges(np.array([], dtype=int), np.array([], dtype=int), 0).tolist() == []


def test_introduction_and_name_problems_directly() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "2026-01-06", "2026-01-07"],
                "contact": ["Jon Smith", "John Smith", "Ana Ruiz"],
                "company": ["Acme", "Acme", "Acme"],
                "introduced_by": ["", "", "Ana Ruiz"],
            }
        )
    )
    at = RowLocator(log)
    intro = pd.concat(introduction_problems(log, at))
    assert intro["code"].tolist() == ["self_introduction"]
    names = pd.concat(name_problems(log, at))
    assert names[["line", "code", "value"]].values.tolist() == [[2, "near_duplicate_name", "John Smith"]]
