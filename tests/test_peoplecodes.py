"""Tests of netinsight.peoplecodes: the people table of a coded log, as arrays and as a table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

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


def test_latest_values_skip_missing_values_with_ties_and_missing_dates() -> None:
    import warnings

    import netinsight as ni

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the missing dates are reported, not the point here
        log = ni.read_log(
            pd.DataFrame(
                {
                    "owner": ["me", "me", "me", "me", "me", "you"],
                    "date": ["2026-01-05", "", "2026-01-09", "2026-01-09", "2026-01-09", ""],
                    "contact": ["Ana", "ana", "Ana", "Ben", "Ben", "Dee"],
                    "company": ["Acme", "", "Initech", "Bluefin", "", ""],
                    "role": ["Eng", "PM", "", "Analyst", "Lead", ""],
                    "introduced_by": ["", "", "", "Ana", "Cy", ""],
                }
            )
        )
    people = people_table(log)
    assert people.index.tolist() == ["owner:me", "owner:you", "me/ana", "me/ben", "me/cy", "you/dee"]
    assert people["kind"].tolist() == ["owner", "owner", "contact", "contact", "introducer", "contact"]
    # Ana: the undated row comes last, so its role is the latest; its missing company is skipped
    # Ben: two rows on one day, in log order; Dee: never dated
    assert people["company"].fillna("-").tolist()[2:] == ["Initech", "Bluefin", "-", "-"]
    assert people["role"].fillna("-").tolist()[2:] == ["PM", "Lead", "-", "-"]
    first, last = (
        people[c].dt.strftime("%Y-%m-%d").fillna("NaT").tolist() for c in ("first_interview", "last_interview")
    )
    assert first[2:] == ["2026-01-05", "2026-01-09", "NaT", "NaT"]
    assert last[2:] == ["2026-01-09", "2026-01-09", "NaT", "NaT"]
    assert people["interviews"].tolist() == [0, 0, 3, 2, 0, 1]
    coded, _ = coded_network_from_log(log)
    pd.testing.assert_frame_equal(coded.frame(), people)


def test_people_of_a_single_row_and_of_a_log_without_contacts() -> None:
    import netinsight as ni

    one = people_table(ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    assert one.index.tolist() == ["owner:me", "me/ana"]
    assert one["interviews"].tolist() == [0, 1]
    assert one["first_interview"].dt.strftime("%Y-%m-%d").fillna("NaT").tolist() == ["NaT", "2026-01-05"]
    none = people_table(ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": [""]})))
    assert none.index.tolist() == ["owner:me"]
    assert none["kind"].tolist() == ["owner"]


def test_attribute_codes_started_before_the_coding_give_the_same_people(monkeypatch: pytest.MonkeyPatch) -> None:
    from netinsight import threads
    from netinsight.logcodes import code_log
    from netinsight.peoplecodes import ATTRIBUTES, people_from_codes, start_attribute_codes

    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # the encoding runs on a thread of its own
    log = cohort_log()
    coded = code_log(log)
    none = np.zeros(0, dtype=np.int64)
    args = (log, coded, coded.owner, coded.person, coded.stamp, none, none)
    started, position, roots = people_from_codes(*args, attributes=start_attribute_codes(log))
    here, position_here, roots_here = people_from_codes(*args)
    assert position.tolist() == position_here.tolist()
    assert roots.tolist() == roots_here.tolist()
    for col in ATTRIBUTES:
        assert started.text[col].codes.tolist() == here.text[col].codes.tolist()
        assert started.text[col].values.to_pylist() == here.text[col].values.to_pylist()
    assert started.text["company"].values.to_pylist() == ["Acme", "Bluefin", "X", "Initech"]  # by hand
    pd.testing.assert_frame_equal(started.frame(), here.frame())
