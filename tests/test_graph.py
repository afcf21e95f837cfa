"""Tests of netinsight.graph: the graph of a log, the graph <-> tables inverse pair, export."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from netinsight.graph import graph_from_log, graph_from_tables, graph_to_tables, person_ids, write_graph
from netinsight.people import tables_from_log
from netinsight.tables import PEOPLE_COLUMNS
from tests.conftest import make_log
from tests.network_logs import cohort_log, hand_log

__all__ = ["cohort_log", "hand_log"]  # imported from here by other test modules


def test_graph_from_log_hand_worked() -> None:
    G = graph_from_log(hand_log())
    assert isinstance(G, nx.DiGraph)
    assert G.graph["roots"] == ["owner:me"]
    assert G.graph["owners"] == ["me"]
    assert set(G.predecessors("me/eve li")) == {"me/ana ruiz", "me/dan wu"}
    assert G.has_edge("owner:me", "me/carla diaz")
    assert "company" not in G.nodes["me/carla diaz"]  # null attributes are left out
    assert G.nodes["me/ben okafor"]["company"] == "Bluefin"
    assert G.nodes["me/ben okafor"]["sector"] == "Finance"
    edge = G.edges["me/ana ruiz", "me/ben okafor"]
    assert edge == {
        "owners": ["me"],
        "dates": [pd.Timestamp("2026-01-09")],
        "counts": [1],
        "date": pd.Timestamp("2026-01-09"),
        "count": 1,
    }
    assert "date" not in G.edges["owner:me", "me/carla diaz"]


def test_cohort_shared_professional_is_one_node_and_edges_record_the_owners() -> None:
    G = graph_from_log(cohort_log())
    assert G.graph["roots"] == ["owner:s1", "owner:s2"]
    assert G.nodes["id:ana@acme.example"]["owners"] == ["s1", "s2"]
    assert set(G.predecessors("id:ana@acme.example")) == {"owner:s1", "owner:s2"}
    shared = G.edges["id:ana@acme.example", "id:dee@x.example"]
    assert shared["owners"] == ["s1", "s2"]
    assert shared["dates"] == [pd.Timestamp("2026-01-10"), pd.Timestamp("2026-01-20")]
    assert shared["count"] == 2
    assert G.number_of_nodes() == 2 + 4  # two roots, Ana, Ben, Cy, Dee


def test_graph_from_log_owner_keeps_one_network() -> None:
    G = graph_from_log(cohort_log(), owner="s2")
    assert G.graph["roots"] == ["owner:s2"]
    assert "s1/ben okafor" not in G
    with pytest.raises(ValueError, match=r"`owner` 's3' is not an owner of the log"):
        graph_from_log(cohort_log(), owner="s3")


@pytest.mark.parametrize("log", [hand_log(), cohort_log(), make_log(date=[], contact=[])])
def test_graph_from_tables_and_graph_to_tables_are_inverse(log: pd.DataFrame) -> None:
    people, intros = tables_from_log(log)
    again_people, again_intros = graph_to_tables(graph_from_tables(people, intros))
    pd.testing.assert_frame_equal(again_people, people)
    pd.testing.assert_frame_equal(again_intros, intros)
    G = graph_from_tables(people, intros)
    H = graph_from_tables(*graph_to_tables(G))
    assert nx.utils.graphs_equal(G, H)


def test_one_row_log() -> None:
    G = graph_from_log(make_log(date=["2026-01-05"], contact=["Ana Ruiz"]))
    assert list(G.edges) == [("owner:me", "me/ana ruiz")]


def test_empty_log_gives_empty_tables_and_graph() -> None:
    log = make_log(date=[], contact=[])
    people, intros = tables_from_log(log)
    assert (len(people), len(intros)) == (0, 0)
    assert list(people.columns) == list(PEOPLE_COLUMNS)
    G = graph_from_log(log)
    assert G.number_of_nodes() == 0


def test_graph_from_tables_reports_missing_columns_and_unknown_people() -> None:
    people, intros = tables_from_log(hand_log())
    with pytest.raises(ValueError, match=r"`people` lacks the columns \['kind'\]"):
        graph_from_tables(people.drop(columns=["kind"]), intros)
    with pytest.raises(ValueError, match=r"`introductions` names people not in `people`: \['me/cy tan'\]"):
        graph_from_tables(people.drop(index=["me/cy tan"]), intros)


def test_functions_do_not_mutate_their_inputs() -> None:
    log = hand_log()
    before = log.copy()
    people, intros = tables_from_log(log)
    person_ids(log)
    G = graph_from_log(log)
    p_before, i_before = people.copy(), intros.copy()
    graph_from_tables(people, intros)
    graph_to_tables(G)
    pd.testing.assert_frame_equal(log, before)
    pd.testing.assert_frame_equal(people, p_before)
    pd.testing.assert_frame_equal(intros, i_before)


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_write_graph_flattens_lists_and_dates(tmp_path, suffix: str) -> None:
    G = graph_from_log(hand_log())
    path = write_graph(G, tmp_path / f"net{suffix}")
    H = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["me/eve li"]["outcomes"] == "job_lead; referral"
    assert H.edges["me/ana ruiz", "me/ben okafor"]["date"] == "2026-01-09"
    assert G.nodes["me/eve li"]["outcomes"] == ["job_lead", "referral"]  # the graph itself is unchanged


def test_write_graph_rejects_other_endings(tmp_path) -> None:
    with pytest.raises(ValueError, match=r"`path` must end in .graphml or .gexf, not 'net.json'"):
        write_graph(graph_from_log(hand_log()), tmp_path / "net.json")
