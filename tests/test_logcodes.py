from __future__ import annotations

import pandas as pd

import netinsight as ni
from netinsight.logcodes import bare_log, code_log


def test_code_log_by_hand_with_ids_across_owners() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "owner": ["s1", "s1", "s2"],
                "date": ["2026-01-05", "2026-01-09", "2026-01-10"],
                "contact": ["Ana Ruiz", "Ben Okafor", "Ana Ruiz"],
                "contact_id": ["ana@x.example", "", "ana@x.example"],
                "introduced_by": ["", "Ana Ruiz", ""],
            }
        )
    )
    coded = code_log(log)
    ids = coded.ids.to_pylist()
    person = [ids[p] for p in coded.person]
    assert person == ["id:ana@x.example", "s1/ben okafor", "id:ana@x.example"]
    assert [ids[i] if i >= 0 else None for i in coded.introducer] == [None, "id:ana@x.example", None]
    assert coded.owner_names[coded.owner].tolist() == ["s1", "s1", "s2"]


def test_bare_log_drops_attrs_without_copying_data() -> None:
    log = ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]}))
    bare = bare_log(log)
    assert bare.attrs == {}
    assert "problems" in log.attrs
