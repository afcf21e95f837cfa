"""Tests of netinsight.graphexport: GraphML and GEXF files with plain attribute values."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from netinsight.graph import graph_from_log
from netinsight.graphexport import write_graph
from tests.network_logs import hand_log


def test_gexf_has_plain_values(tmp_path: Path) -> None:
    path = write_graph(graph_from_log(hand_log()), tmp_path / "net.GEXF")
    H = nx.read_gexf(path)
    assert H.nodes["me/eve li"]["outcomes"] == "job_lead; referral"
    assert H.nodes["me/eve li"]["first_interview"] == "2026-01-25"


def test_empty_graph_and_bad_ending(tmp_path: Path) -> None:
    path = write_graph(nx.DiGraph(), tmp_path / "empty.graphml")
    assert nx.read_graphml(path).number_of_nodes() == 0
    with pytest.raises(ValueError, match=r"`path` must end in \.graphml or \.gexf, not 'net\.csv'"):
        write_graph(nx.DiGraph(), tmp_path / "net.csv")
