from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netinsight as ni
from netinsight.chaintable import chains_table, network, order_chains, sort_order


def test_sort_order_matches_lexsort_on_packed_keys() -> None:
    rng = np.random.default_rng(7)
    n = 5_000
    owner = rng.integers(-1, 30, n)
    depth = rng.choice([1.0, 2.0, 3.0, np.inf], n)
    when = np.where(rng.random(n) < 0.1, np.iinfo(np.int64).max, rng.integers(0, 10**17, n))
    name = rng.integers(-1, 40, n)
    for keys in ([owner, depth, when, name], [owner, rng.integers(0, 2**62, n)], [depth]):
        assert sort_order(keys).tolist() == np.lexsort(keys[::-1]).tolist()


def test_chains_table_and_order_by_hand() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "2026-01-09", "2026-01-20"],
                "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan"],
                "introduced_by": ["", "Ana Ruiz", "Ben Okafor"],
            }
        )
    )
    table, _forest = chains_table(network(log))
    ordered = order_chains(table)
    assert ordered["name"].tolist() == ["Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert ordered["depth"].tolist() == [1, 2, 3]
    assert ordered["downstream"].tolist() == [2, 1, 0]
    assert ordered["chain_text"].iloc[-1] == "me -> Ana Ruiz -> Ben Okafor -> Cy Tan"


def test_sorted_chains_is_order_chains_of_chains_table() -> None:
    from netinsight.chaintable import sorted_chains
    from tests.network_logs import cohort_log, hand_log

    for log in (hand_log(), cohort_log()):
        net = network(log)
        pd.testing.assert_frame_equal(sorted_chains(net), order_chains(chains_table(net)[0]))


def test_chain_forest_rows_in_any_order_and_subset() -> None:
    from netinsight.chaintable import chain_forest
    from tests.network_logs import hand_log

    chains = chain_forest(network(hand_log()))
    table = chains_table(network(hand_log()))[0]
    rows = chains.rows(np.array([2, 0]), ["depth", "name"])
    assert list(rows.columns) == ["depth", "name"]
    assert rows.values.tolist() == table.iloc[[2, 0]][["depth", "name"]].values.tolist()
    assert len(chains.rows(np.zeros(0, dtype=np.int64))) == 0


def _depths_by_join(log: pd.DataFrame) -> list[object]:
    """The depth of each row joined from the chains table by (owner, person id): what `row_depths` replaces."""
    table, _ = chains_table(network(log), columns=("owner", "person", "depth"))
    known = pd.Index(table["owner"].astype("str") + "\x1f" + table["person"].astype("str"))
    rows = log["owner"].astype("str").reset_index(drop=True) + "\x1f" + ni.person_ids(log).reset_index(drop=True)
    at = known.get_indexer(pd.Index(rows))
    return list(table["depth"].astype("Int64").array.take(at, allow_fill=True))


def test_row_depths_match_the_chains_table_on_odd_logs() -> None:
    import warnings

    from netinsight.chaintable import ReferralCycleWarning, row_depths
    from tests.conftest import make_log
    from tests.network_logs import cohort_log, hand_log

    cycle = make_log(
        owner=["me", "me", "me", "you", "me", "me"],
        date=["2026-01-05", "2026-01-06", "", "2026-01-07", "2026-01-08", "2026-01-09"],
        contact=["Ana", "Ben", "Cy", "Ana", "", "Dee"],
        introduced_by=["Ben", "Ana", "", "", "Ana", "Dee"],  # a cycle, a row without contact, a self-introduction
    )
    samples = [ni.read_log(path) for path in ("data/sample_log.csv", "data/cohort_log.csv")]
    for log in [hand_log(), cohort_log(), cycle, cycle.iloc[:0], cycle.iloc[[2]], *samples]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReferralCycleWarning)
            expected = _depths_by_join(log)
            got = list(row_depths(log))
        assert [None if pd.isna(x) else int(x) for x in got] == [None if pd.isna(x) else int(x) for x in expected]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReferralCycleWarning)
        assert [None if pd.isna(x) else x for x in row_depths(cycle)] == [None, None, 1, 1, None, None]


def test_chain_table_on_threads_and_from_a_graph_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import netinsight.threads as threads
    from netinsight.chaintable import sorted_chains
    from netinsight.datasets import cohort_log as cohort
    from netinsight.memo import clear
    from tests.network_logs import cohort_log, hand_log

    for log in (hand_log(), cohort_log(), ni.read_log(cohort(10, interviews_per_student=8, seed=2))):
        clear()
        alone = sorted_chains(network(log))
        assert alone["outcomes"].map(list).tolist() == ni.referral_chains(log)["outcomes"].map(list).tolist()
        from_graph = sorted_chains(network(ni.graph_from_log(log)))
        assert from_graph["outcomes"].map(list).tolist() == alone["outcomes"].map(list).tolist()
        with monkeypatch.context() as patch:
            patch.setattr(threads, "PARALLEL_ROWS", 0)  # every column built on a thread
            clear()
            pd.testing.assert_frame_equal(sorted_chains(network(log)), alone)
    clear()
