"""Tests of netinsight.tables: coded introductions round trip, typed tables."""

from __future__ import annotations

import pandas as pd

from netinsight.people import tables_from_log
from netinsight.tables import PEOPLE_COLUMNS, code_introductions, introductions_frame, typed_people
from tests.network_logs import cohort_log, hand_log


def test_code_introductions_and_introductions_frame_are_inverse() -> None:
    for log in (hand_log(), cohort_log()):
        people, intros = tables_from_log(log)
        coded = code_introductions(people, intros)
        pd.testing.assert_frame_equal(introductions_frame(people, coded), intros)
        assert coded.only("nobody").person.tolist() == []


def test_typed_people_adds_missing_columns() -> None:
    people = typed_people(pd.DataFrame({"name": ["Ana"]}, index=["me/ana"]))
    assert list(people.columns) == list(PEOPLE_COLUMNS)
    assert people.index.name == "person"
    assert list(people.loc["me/ana", "outcomes"]) == []
