"""Tests of netinsight.chains on hand-worked logs: chains, depths, downstream counts, connectors, bridges."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import netinsight as ni
from netinsight.chains import UnknownPersonError, paths_to, referral_chains, referral_path
from netinsight.chaintable import ReferralCycleWarning
from netinsight.connectors import bridges, reach_by_depth, shared_connectors, top_connectors
from netinsight.graph import graph_from_log
from tests.conftest import make_log
from tests.network_logs import cohort_log, hand_log


def by_name(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("name")


def test_referral_chains_hand_worked() -> None:
    chains = referral_chains(hand_log())
    assert chains["name"].tolist() == ["Ana Ruiz", "Carla Diaz", "Ben Okafor", "Dan Wu", "Eve Li", "Cy Tan"]
    # by depth, then date of introduction (Carla, never met, has none: last of her generation)
    t = by_name(chains)
    assert t["depth"].tolist() == [1, 1, 2, 2, 2, 3]
    assert t.loc["Cy Tan", "chain_text"] == "me -> Ana Ruiz -> Ben Okafor -> Cy Tan"
    assert list(t.loc["Cy Tan", "chain"]) == ["me", "Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert t["downstream"].to_dict() == {
        "Ana Ruiz": 3,  # Ben, Cy and Eve (Eve's chain follows her earliest introducer)
        "Carla Diaz": 1,
        "Ben Okafor": 1,
        "Dan Wu": 0,
        "Eve Li": 0,
        "Cy Tan": 0,
    }
    assert t.loc["Ben Okafor", "introduced_by"] == "Ana Ruiz"
    assert t.loc["Ben Okafor", "introduced_on"] == pd.Timestamp("2026-01-09")
    assert pd.isna(t.loc["Ana Ruiz", "introduced_by"])
    assert t.loc["Ana Ruiz", "introduced_on"] == pd.Timestamp("2026-01-05")
    assert (t.loc["Ben Okafor", "company"], t.loc["Ben Okafor", "sector"]) == ("Bluefin", "Finance")
    assert t.loc["Ana Ruiz", "owner"] == "me"


def test_two_introducers_both_counted_and_the_earliest_defines_the_chain() -> None:
    eve = by_name(referral_chains(hand_log())).loc["Eve Li"]
    assert eve["introductions"] == 2
    assert eve["introduced_by"] == "Ana Ruiz"
    assert eve["chain_text"] == "me -> Ana Ruiz -> Eve Li"


def test_introducer_never_interviewed_hangs_off_the_owner() -> None:
    t = by_name(referral_chains(hand_log()))
    assert (t.loc["Carla Diaz", "kind"], t.loc["Carla Diaz", "depth"], t.loc["Carla Diaz", "interviews"]) == (
        "introducer",
        1,
        0,
    )
    assert t.loc["Dan Wu", "chain_text"] == "me -> Carla Diaz -> Dan Wu"


def test_log_and_graph_give_the_same_answers() -> None:
    log = hand_log()
    G = graph_from_log(log)
    for analysis in (referral_chains, top_connectors, reach_by_depth, bridges, shared_connectors):
        pd.testing.assert_frame_equal(analysis(log), analysis(G))
    pd.testing.assert_frame_equal(paths_to(log, company="Bluefin"), paths_to(G, company="Bluefin"))
    pd.testing.assert_frame_equal(referral_path(log, "Cy Tan"), referral_path(G, "Cy Tan"))


def test_cycle_is_reported_and_never_loops() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"],
        contact=["Ana Ruiz", "Ben Okafor", "Cy Tan", "Dee Ma"],
        introduced_by=["Ben Okafor", "Ana Ruiz", "", "Ana Ruiz"],
    )
    with pytest.warns(ReferralCycleWarning, match=r"3 person\(s\) cannot be reached .*Ana Ruiz \(me\), Ben Okafor"):
        chains = referral_chains(log)
    t = by_name(chains)
    assert t.loc["Cy Tan", "depth"] == 1
    assert t[["depth", "downstream", "chain_text"]].loc[["Ana Ruiz", "Ben Okafor", "Dee Ma"]].isna().all().all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReferralCycleWarning)
        with pytest.raises(ValueError, match=r"cannot be reached from 'me'"):
            referral_path(log, "Dee Ma")
        assert reach_by_depth(log)["people"].tolist() == [1, 0, 0]
        assert bridges(log)["name"].tolist() == []


def test_referral_path_hand_worked() -> None:
    path = referral_path(hand_log(), "cy tan")
    assert path["step"].tolist() == [0, 1, 2, 3]
    assert path["name"].tolist() == ["me", "Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert path["company"].tolist()[1:] == ["Acme", "Bluefin", "Bluefin"]
    assert path["introduced_by"].tolist()[2:] == ["Ana Ruiz", "Ben Okafor"]
    assert referral_path(hand_log(), "me/cy tan").equals(path)


def test_unknown_name_names_close_matches() -> None:
    with pytest.raises(UnknownPersonError, match=r"`person` 'Ben Okafr' is not anyone; did you mean 'Ben Okafor'\?"):
        referral_path(hand_log(), "Ben Okafr")
    with pytest.raises(UnknownPersonError, match=r"'Zed' is not anyone; check the spelling"):
        referral_path(hand_log(), "Zed")


def test_name_met_by_two_owners_needs_the_owner() -> None:
    with pytest.raises(ValueError, match=r"is in the networks of \['s1', 's2'\]; pass `owner`"):
        referral_path(cohort_log(), "Ana Ruiz")
    assert referral_path(cohort_log(), "Dee Ma", owner="s2")["name"].tolist() == ["s2", "Ana Ruiz", "Dee Ma"]


def test_paths_to_company_and_industry() -> None:
    found = paths_to(hand_log(), company="BLUEFIN Inc.")
    assert found["name"].tolist() == ["Ben Okafor", "Cy Tan"]
    assert found["chain_text"].tolist()[0] == "me -> Ana Ruiz -> Ben Okafor"
    tech = paths_to(hand_log(), industry="technology")
    assert tech["name"].tolist() == ["Ana Ruiz", "Eve Li", "Dan Wu"]  # shortest, then most recent first
    with pytest.raises(ValueError, match=r"pass `company` or `industry` \(exactly one\)"):
        paths_to(hand_log())


def test_cohort_chains_are_per_owner_and_shared_connectors() -> None:
    chains = referral_chains(cohort_log())
    assert chains[["owner", "name", "depth", "downstream"]].values.tolist() == [
        ["s1", "Ana Ruiz", 1, 2],
        ["s1", "Ben Okafor", 2, 0],
        ["s1", "Dee Ma", 2, 0],
        ["s2", "Ana Ruiz", 1, 2],
        ["s2", "Cy Tan", 2, 0],
        ["s2", "Dee Ma", 2, 0],
    ]
    assert chains["chain_text"].tolist()[4] == "s2 -> Ana Ruiz -> Cy Tan"
    shared = shared_connectors(cohort_log())
    assert shared[["name", "owners", "introduced"]].values.tolist() == [["Ana Ruiz", 2, 4]]
    assert shared["owner_list"].tolist() == [["s1", "s2"]]
    assert referral_chains(cohort_log(), owner="s1")["owner"].unique().tolist() == ["s1"]
    with pytest.raises(ValueError, match=r"`owner` 's9' is not an owner of this network"):
        referral_chains(cohort_log(), owner="s9")


def test_empty_and_one_row_logs() -> None:
    empty = make_log(date=[], contact=[])
    assert referral_chains(empty).empty
    assert list(referral_chains(empty).columns)[:3] == ["owner", "person", "name"]
    assert top_connectors(empty).empty
    assert bridges(empty).empty
    assert reach_by_depth(empty).empty
    one = referral_chains(make_log(date=["2026-01-05"], contact=["Ana Ruiz"]))
    assert one[["chain_text", "depth", "downstream"]].values.tolist() == [["me -> Ana Ruiz", 1, 0]]
    assert top_connectors(make_log(date=["2026-01-05"], contact=["Ana Ruiz"])).empty


def test_analyses_do_not_mutate_their_inputs() -> None:
    log = hand_log()
    before = log.copy()
    G = graph_from_log(log)
    nodes, edges = dict(G.nodes(data=True)), list(G.edges(data=True))
    for source in (log, G):
        referral_chains(source)
        top_connectors(source)
        bridges(source)
        reach_by_depth(source)
        paths_to(source, company="Acme")
    pd.testing.assert_frame_equal(log, before)
    assert dict(G.nodes(data=True)) == nodes
    assert list(G.edges(data=True)) == edges


def test_wrong_input_type() -> None:
    with pytest.raises(TypeError, match=r"expected a log \(DataFrame\) or a graph"):
        referral_chains([1, 2])  # type: ignore[arg-type]


def test_log_and_graph_agree_on_a_generated_cohort() -> None:
    from netinsight.datasets import cohort_log as generated_cohort

    log = ni.read_log(generated_cohort(2000, interviews_per_student=6, seed=4))
    G = graph_from_log(log)
    pd.testing.assert_frame_equal(referral_chains(log), referral_chains(G))
