"""Tests of netinsight.peoplecodes: the people table of a coded log, as arrays and as a table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.people import coded_network_from_log, people_table
from netinsight.peoplecodes import take_text
from tests.network_logs import cohort_log, hand_log


def test_take_text_plain_and_categorical() -> None:
    assert take_text(pd.Series(["a", "b"], dtype="str"), np.array([1, -1, 0])).to_pylist() == ["b", None, "a"]
    assert take_text(pd.Series(["x", None], dtype="category"), np.array([1, 0])).to_pylist() == [None, "x"]


def test_people_codes_frame_is_the_people_table() -> None:
    for log in (hand_log(), cohort_log()):
        people, _ = coded_network_from_log(log)
        pd.testing.assert_frame_equal(people.frame(), people_table(log))
        assert people.ids.to_pylist() == people_table(log).index.tolist()


def test_columns_and_owner_lists_of_a_shared_professional() -> None:
    people, _ = coded_network_from_log(cohort_log())
    ids = people.ids.to_pylist()
    owners = people.owner_lists().tolist()
    assert owners[ids.index("id:ana@acme.example")] == ["s1", "s2"]  # met by s1 first
    assert people.column("interviews")[ids.index("id:ana@acme.example")] == 2
    assert np.isnat(people.column("connected_on")).all()
    assert people.text["kind"].decode().to_pylist()[:2] == ["owner", "owner"]
