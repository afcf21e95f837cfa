"""Tests of netinsight.connections: LinkedIn connections added to the people and introductions tables."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.connections import add_connections
from netinsight.people import introductions_table, people_table
from tests.conftest import make_log


def connections(**columns: list[object]) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    frame["connected_on"] = pd.to_datetime(frame["connected_on"])
    return frame


def test_matched_by_id_by_name_and_new() -> None:
    log = make_log(date=["2026-01-05", "2026-01-06"], contact=["Ana Ruiz", "Bo Li"], contact_id=["", "id-bo"])
    found = connections(
        owner=["me", "me", "me"],
        person=["id:id-bo", "id:li/ana", "id:li/cy"],
        name=["B. Li", "Ana Ruiz", "Cy Tan"],
        company=["X", "Acme", "Zeta"],
        position=["", "CTO", "Analyst"],
        connected_on=["2021-01-01", "2022-02-02", "2023-03-03"],
    )
    people, intros = add_connections(people_table(log), introductions_table(log), found)
    assert people.loc["id:id-bo", "connected_on"] == pd.Timestamp("2021-01-01")  # by id
    assert people.loc["me/ana ruiz", "connected_on"] == pd.Timestamp("2022-02-02")  # by name
    assert people.loc["id:li/cy", "kind"] == "connection"
    assert intros.loc[intros["person"] == "id:li/cy", "introducer"].tolist() == ["owner:me"]


def test_connections_of_an_unknown_owner() -> None:
    log = make_log(date=["2026-01-05"], contact=["Ana"])
    other = connections(owner=["zed"], person=["id:x"], name=["X"], company=[""], position=[""], connected_on=[None])
    with pytest.raises(ValueError, match=r"`connections` belong to \['zed'\], who own no log here"):
        add_connections(people_table(log), introductions_table(log), other)
