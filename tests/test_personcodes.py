from __future__ import annotations

import numpy as np
import pandas as pd

import netinsight as ni
from netinsight.personcodes import first_rows, owner_codes, people_codes


def test_owner_codes_compare_owners_as_text() -> None:
    codes, names = owner_codes(pd.Series(["S2", "S1", "S2"], dtype="category"))
    assert names[codes].tolist() == ["S2", "S1", "S2"]
    codes, names = owner_codes(pd.Series([1, "1", 2], dtype=object))  # 1 and "1" are one owner, as text
    assert codes[0] == codes[1] != codes[2]
    codes, names = owner_codes(pd.Series([], dtype="category"))
    assert codes.tolist() == []


def test_first_rows_by_hand() -> None:
    codes, first = first_rows(np.array([7, 3, 7, 5, 3]))
    assert codes.tolist() == [0, 1, 0, 2, 1]
    assert first.tolist() == [0, 1, 3]
    codes, first = first_rows(np.array([], dtype=np.int64))
    assert (codes.tolist(), first.tolist()) == ([], [])


def test_people_codes() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "2026-01-06", "2026-01-07"],
                "contact": ["Ana Ruiz", "ana ruiz", ""],
                "introduced_by": ["", "Dr. Ana Ruiz", "Ben"],
            }
        )
    )
    people = people_codes(log)
    assert people.keys[people.contact[:2]].tolist() == ["ana ruiz", "ana ruiz"]
    assert people.contact[2] == -1
    assert people.introducer[0] == -1
    assert people.keys[people.introducer[1:]].tolist() == ["ana ruiz", "ben"]
    assert people.owner_names[people.owner].tolist() == ["me"] * 3
    assert people.written.rows().tolist()[:2] == ["Ana Ruiz", "ana ruiz"]
