"""Tests of netinsight.connectors on hand-worked logs: top connectors, reach by depth, bridges, shared connectors."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.connectors import bridges, reach_by_depth, shared_connectors, top_connectors
from tests.conftest import make_log
from tests.network_logs import hand_log


def by_name(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("name")


def test_top_connectors_hand_worked() -> None:
    top = top_connectors(hand_log())
    assert top["name"].tolist() == ["Ana Ruiz", "Ben Okafor", "Carla Diaz"]
    assert top["rank"].tolist() == [1, 2, 3]
    ana = top.iloc[0]
    assert (ana["introduced"], ana["downstream"], ana["companies"], ana["industries"]) == (2, 3, 2, 2)
    assert (ana["referrals"], ana["job_leads"]) == (2, 1)  # referrals: Cy and Eve; job lead: Eve
    assert top_connectors(hand_log(), n=1)["name"].tolist() == ["Ana Ruiz"]
    with pytest.raises(ValueError, match=r"`n` must be 0 or more"):
        top_connectors(hand_log(), n=-1)


def test_reach_by_depth_hand_worked() -> None:
    reach = reach_by_depth(hand_log())
    assert reach["depth"].tolist() == ["1", "2", "3+"]
    assert reach[["people", "companies", "industries"]].values.tolist() == [[2, 1, 1], [3, 3, 2], [1, 1, 1]]


def test_bridges_hand_worked() -> None:
    found = bridges(hand_log())
    assert found["name"].tolist() == ["Ana Ruiz", "Ben Okafor", "Carla Diaz", "Dan Wu"]
    t = by_name(found)
    assert t.loc["Ana Ruiz", "industries"] == ["Finance"]
    assert t.loc["Ana Ruiz", "companies"] == ["Bluefin"]  # not Acme: Eve was also introduced by Dan
    assert t.loc["Carla Diaz", "companies"] == ["Initech"]


def test_bridges_count_every_introduction() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07"],
        contact=["Ana Ruiz", "Eve Li", "Fay Wong"],
        company=["Acme", "Acme", "Other"],
        introduced_by=["", "Ana Ruiz", ""],
    )
    assert by_name(bridges(log)).loc["Ana Ruiz", "companies"] == ["Acme"]
    log2 = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"],
        contact=["Ana Ruiz", "Eve Li", "Fay Wong", "Eve Li"],
        company=["Acme", "Acme", "Other", "Acme"],
        introduced_by=["", "Ana Ruiz", "", "Fay Wong"],
    )
    assert "Ana Ruiz" not in set(bridges(log2)["name"])  # Fay is a second way to Eve


def test_names_alone_never_make_a_shared_connector() -> None:
    log = make_log(
        owner=["s1", "s1", "s2", "s2"],
        date=["2026-01-05", "2026-01-06", "2026-01-05", "2026-01-06"],
        contact=["Ana Ruiz", "Ben", "Ana Ruiz", "Cy"],
        introduced_by=["", "Ana Ruiz", "", "Ana Ruiz"],
    )
    assert shared_connectors(log).empty
