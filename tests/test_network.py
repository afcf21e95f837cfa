"""Tests of netinsight.network: a referral network from a log or a graph, one owner at a time."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.graph import graph_from_log
from netinsight.network import employer_key, network
from tests.conftest import make_log
from tests.network_logs import cohort_log, hand_log


def test_log_and_graph_give_the_same_network() -> None:
    log = cohort_log()
    from_log, from_graph = network(log), network(graph_from_log(log))
    pd.testing.assert_frame_equal(from_log.people, from_graph.people)
    assert from_log.ids.to_pylist() == from_graph.ids.to_pylist()
    assert from_log.codes("company").decode().to_pylist() == from_graph.codes("company").decode().to_pylist()
    assert from_log.column("interviews").tolist() == from_graph.column("interviews").tolist()
    assert from_log.owner_names() == ["s1", "s2"]


def test_one_owner_keeps_the_people_and_their_introductions() -> None:
    net = network(cohort_log(), "s2")
    assert set(net.introductions.owners[net.introductions.owner]) == {"s2"}
    assert len(net.ids) == len(network(cohort_log()).ids)


def test_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match=r"`owner` 's3' is not an owner of this network; owners: \['s1', 's2'\]"):
        network(cohort_log(), "s3")
    with pytest.raises(ValueError, match=r"`owner` 's11' is not an owner of this network; did you mean \['s1'"):
        network(cohort_log(), "s11")
    with pytest.raises(TypeError, match=r"expected a log \(with a 'contact' column\) or a graph"):
        network(pd.DataFrame({"x": [1]}))
    with pytest.raises(TypeError, match=r"expected a log \(DataFrame\) or a graph .*, not int"):
        network(3)  # type: ignore[arg-type]


def test_single_row_and_employer_key() -> None:
    net = network(make_log(date=["2026-01-05"], contact=["Ana"]))
    assert net.ids.to_pylist() == ["owner:me", "me/ana"]
    assert employer_key(pd.Series(["Acme Corp.", "ACME"])).tolist() == ["acme", "acme"]
    assert network(hand_log()).owner_names() == ["me"]
