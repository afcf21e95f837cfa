"""Tests of netinsight.nodekeys: employer and sector codes, name ranks and ranked rows of forest nodes."""

from __future__ import annotations

import numpy as np

from netinsight.chaintable import chain_forest
from netinsight.network import network
from netinsight.nodekeys import name_rank, node_codes, ranked_rows
from tests.conftest import make_log


def test_keys_by_hand() -> None:
    log = make_log(
        owner=["s2", "s1", "s1"],
        date=["2026-01-05", "2026-01-06", "2026-01-07"],
        contact=["Bo", "Bo", "Al"],
        company=["ACME", "Acme Corp.", ""],
    )
    chains = chain_forest(network(log))
    ids = chains.ids.take(chains.forest.person).to_pylist()
    assert ids == ["s2/bo", "s1/bo", "s1/al"]
    company = node_codes(chains, "company")
    assert company[0] == company[1] >= 0  # one employer written two ways
    assert company[2] == -1
    assert name_rank(chains).tolist() == [1, 1, 0]
    # equal keys: by owner (s1 first), then person id
    order = ranked_rows(chains, [np.zeros(3, dtype=np.int64)], np.arange(3))
    assert [ids[k] for k in order] == ["s1/al", "s1/bo", "s2/bo"]
    assert ranked_rows(chains, [np.zeros(0, dtype=np.int64)], np.zeros(0, dtype=np.int64)).tolist() == []
