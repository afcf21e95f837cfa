from __future__ import annotations

import numpy as np
import pandas as pd

import netinsight as ni
from netinsight.identity_checks import cyclic_edges, introduction_problems, name_problems
from netinsight.rowlocator import RowLocator


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


def _problems(**columns: list[str]) -> list[list[object]]:
    log = ni.read_log(pd.DataFrame(columns))
    problems = ni.validate_log(log, strict=False, today="2026-06-01")
    return problems[["line", "code", "value"]].values.tolist()


def test_introducer_hint_is_the_first_near_name_in_text_order_per_owner() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "owner": ["me", "me", "me", "you", "you"],
                "date": ["2026-01-05"] * 5,
                "contact": ["Jonn Smith", "Jon Smith", "Ben Li", "Jon Smith", "Cy Ng"],
                "introduced_by": ["", "", "John Smith", "", "John Smith"],
            }
        )
    )
    problems = ni.validate_log(log, strict=False, today="2026-06-01")
    assert problems["line"].tolist() == [3, 5]
    assert problems["message"].str.endswith("did you mean 'jon smith'?").all()  # "jon smith" < "jonn smith"


def test_contact_without_a_name_key_is_on_no_cycle() -> None:
    found = _problems(date=["2026-01-05"] * 4, contact=["Dr.", "A", "B", ""], introduced_by=["A", "B", "A", "B"])
    assert found == [[2, "introduction_cycle", "B"], [3, "introduction_cycle", "A"], [4, "empty_contact", ""]]


def test_near_duplicates_by_accent_only_within_owner_and_folded_company() -> None:
    found = _problems(
        owner=["s2", "s1", "s2", "s1", "s2"],
        date=["2026-01-05"] * 5,
        contact=["Zoë Li", "Zoe Li", "Zoe Li", "Zoë Li", "Ana Ruiz"],
        company=["ACME", "Acme", "acme", "Globex", "Acme"],
    )
    assert found == [[3, "near_duplicate_name", "Zoe Li"]]
