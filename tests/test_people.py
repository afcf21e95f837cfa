"""Tests of netinsight.people: person ids and the people and introductions tables of a log."""

from __future__ import annotations

import pandas as pd
import pytest

import netinsight.threads as threads
from netinsight import read_log
from netinsight.datasets import cohort_log as cohort
from netinsight.people import introductions_table, people_table, person_ids
from netinsight.tables import INTRODUCTION_COLUMNS, PEOPLE_COLUMNS
from tests.conftest import make_log
from tests.network_logs import cohort_log, hand_log


def test_person_ids_use_contact_id_across_owners_and_name_keys_within_an_owner() -> None:
    log = cohort_log()
    ids = person_ids(log)
    assert ids.tolist() == [
        "id:ana@acme.example",
        "s1/ben okafor",
        "id:dee@x.example",
        "id:ana@acme.example",
        "s2/cy tan",
        "id:dee@x.example",
    ]
    assert ids.index.equals(log.index)


def test_person_ids_adopt_the_only_id_of_a_name_and_keep_missing_contacts_missing() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07"],
        contact=["Ana Ruiz", "dr. ana ruiz", ""],
        contact_id=["https://www.linkedin.com/in/ana/", "", ""],
    )
    ids = person_ids(log)
    assert ids.iloc[:2].tolist() == ["id:linkedin.com/in/ana", "id:linkedin.com/in/ana"]
    assert pd.isna(ids.iloc[2])


def test_people_table_hand_worked() -> None:
    people = people_table(hand_log())
    assert list(people.columns) == list(PEOPLE_COLUMNS)
    assert people.index.tolist() == [
        "owner:me",
        "me/ana ruiz",
        "me/ben okafor",
        "me/cy tan",
        "me/dan wu",
        "me/eve li",
        "me/carla diaz",
    ]
    assert people["kind"].tolist() == ["owner", "contact", "contact", "contact", "contact", "contact", "introducer"]
    eve = people.loc["me/eve li"]
    assert (eve["interviews"], eve["first_interview"], eve["last_interview"]) == (
        2,
        pd.Timestamp("2026-01-25"),
        pd.Timestamp("2026-02-01"),
    )
    assert list(eve["outcomes"]) == ["job_lead", "referral"]
    assert people.loc["me/carla diaz", "name"] == "Carla Diaz"
    assert pd.isna(people.loc["me/carla diaz", "company"])
    assert list(people.loc["me/ana ruiz", "owners"]) == ["me"]


def test_introductions_table_keeps_both_introducers_and_joins_an_unmet_introducer_to_the_owner() -> None:
    intros = introductions_table(hand_log())
    assert list(intros.columns) == list(INTRODUCTION_COLUMNS)
    edges = {(i, p): (d, c) for i, p, d, c in intros[["introducer", "person", "date", "count"]].itertuples(index=False)}
    assert edges[("me/ana ruiz", "me/eve li")] == (pd.Timestamp("2026-01-25"), 1)
    assert edges[("me/dan wu", "me/eve li")] == (pd.Timestamp("2026-02-01"), 1)
    assert edges[("owner:me", "me/ana ruiz")] == (pd.Timestamp("2026-01-05"), 1)
    carla = edges[("owner:me", "me/carla diaz")]
    assert pd.isna(carla[0])
    assert carla[1] == 0
    assert edges[("me/carla diaz", "me/dan wu")] == (pd.Timestamp("2026-01-20"), 1)
    assert len(intros) == 7


def test_self_introduction_gets_no_edge() -> None:
    log = make_log(date=["2026-01-05"], contact=["Ana Ruiz"], introduced_by=["ana ruiz"])
    assert introductions_table(log)["introducer"].tolist() == []
    assert people_table(log).index.tolist() == ["owner:me", "me/ana ruiz"]


def test_coded_network_from_log_is_the_people_table_as_arrays() -> None:
    from netinsight.people import coded_network_from_log, coded_tables_from_log

    people, coded = coded_network_from_log(hand_log())
    table, same = coded_tables_from_log(hand_log())
    pd.testing.assert_frame_equal(people.frame(), table)
    assert coded.person.tolist() == same.person.tolist()
    assert people.text["name"].decode().to_pylist() == table["name"].tolist()
    empty, intros = coded_network_from_log(make_log(date=["2026-01-05"], contact=[""]))
    assert (empty.ids.to_pylist(), len(intros.person)) == (["owner:me"], 0)  # the owner's root only


@pytest.mark.parametrize("log", [hand_log(), cohort_log(), read_log(cohort(12, interviews_per_student=9, seed=4))])
def test_log_network_on_threads_is_the_same_as_on_one(log: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    from netinsight.memo import clear
    from netinsight.people import log_network

    clear()
    alone = log_network(log)
    clear()
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # every step that may run on a thread does
    side_by_side = log_network(log)
    clear()
    pd.testing.assert_frame_equal(side_by_side.people.frame(), alone.people.frame())
    for field in ("position", "rows", "owner", "person", "pair"):
        assert getattr(side_by_side, field).tolist() == getattr(alone, field).tolist(), field
    for field in ("owner", "introducer", "person", "count"):
        assert getattr(side_by_side.introductions, field).tolist() == getattr(alone.introductions, field).tolist()
