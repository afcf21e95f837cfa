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


def test_introductions_order_is_the_typed_order() -> None:
    import numpy as np

    from netinsight.people import coded_tables_from_log
    from netinsight.tables import introductions_order, typed_introductions
    from netinsight.textcodes import large_text

    for log in (hand_log(), cohort_log()):
        people, coded = coded_tables_from_log(log)
        frame = introductions_frame(people, coded)
        pd.testing.assert_frame_equal(typed_introductions(frame.iloc[::-1]), frame)
        order = introductions_order(large_text(people.index), coded)
        assert sorted(order.tolist()) == list(range(len(order)))
        assert people.index[coded.person[order]].tolist() == frame["person"].tolist()
    empty_people, empty_intros = tables_from_log(hand_log()[:0])
    empty = introductions_order(large_text(empty_people.index), code_introductions(empty_people, empty_intros))
    assert isinstance(empty, np.ndarray)
    assert empty.tolist() == []
