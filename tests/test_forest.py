"""Tests of netinsight.forest: the parent-array passes on tiny literal forests, including the empty one."""

from __future__ import annotations

import numpy as np

from netinsight.forest import ancestor_pairs, depths, levels, subtree_sums


def test_depths_stop_on_a_cycle_and_an_outside_parent() -> None:
    parent = np.array([-1, 0, 3, 2, -2, 1])
    assert depths(parent).tolist() == [1, 2, -1, -1, -1, 3]


def test_levels_and_subtree_sums() -> None:
    parent = np.array([-1, 0, 0, 1, -1])
    depth = depths(parent)
    assert [lv.tolist() for lv in levels(depth)] == [[0, 4], [1, 2], [3]]
    assert subtree_sums(parent, depth).tolist() == [4.0, 2.0, 1.0, 1.0, 1.0]
    assert subtree_sums(parent, depth, np.array([0, 1, 0, 5, 2])).tolist() == [6.0, 6.0, 0.0, 5.0, 2.0]


def test_ancestor_pairs_with_and_without_self() -> None:
    parent, depth = np.array([-1, 0, 1]), np.array([1, 2, 3])
    below, above = ancestor_pairs(parent, depth, np.arange(3), self_too=True)
    assert sorted(zip(below.tolist(), above.tolist(), strict=True)) == [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]


def test_empty_forest() -> None:
    empty = np.zeros(0, dtype=np.int64)
    assert depths(empty).tolist() == []
    assert levels(empty) == []
    assert [a.tolist() for a in ancestor_pairs(empty, empty, empty, self_too=False)] == [[], []]


def test_forest_from_codes_and_chain_lists_of_chosen_nodes() -> None:
    import pyarrow as pa

    from netinsight.forest import chain_lists, forest_from_codes
    from netinsight.tables import CodedIntroductions
    from netinsight.textcodes import TextCodes

    # me -> a (2026-01-05) -> b (2026-01-09); b also by nobody known (introducer -1) later
    intros = CodedIntroductions(
        np.array([0, 0, 0]),
        np.array(["me"], dtype=object),
        np.array([0, 1, -1]),
        np.array([1, 2, 2]),
        np.array(["2026-01-05", "2026-01-09", "NaT"], dtype="datetime64[ns]"),
        np.array([1, 1, 0]),
    )
    forest = forest_from_codes(np.array([True, False, False]), pa.array(["owner:me", "me/a", "me/b"]), intros)
    assert (forest.parent.tolist(), forest.depth.tolist(), forest.introductions.tolist()) == ([-1, 0], [1, 2], [0, 2])
    names = TextCodes(np.array([0, 1]), pa.array(["A", "B"]))
    assert chain_lists(forest, names, np.array([1, 0])).to_pylist() == [["me", "A", "B"], ["me", "A"]]
    assert chain_lists(forest, names, np.zeros(0, dtype=np.int64)).to_pylist() == []


def test_forest_nodes_find_each_owner_and_person_pair() -> None:
    import pyarrow as pa

    from netinsight.forest import forest_from_codes
    from netinsight.tables import CodedIntroductions

    # two owners (rows 0 and 3 are their roots); person 2 is in both networks: two nodes
    intros = CodedIntroductions(
        np.array([0, 0, 1, 1]),
        np.array(["me", "you"], dtype=object),
        np.array([0, 1, 3, 3]),
        np.array([1, 2, 2, 4]),
        np.array(["2026-01-05", "2026-01-09", "2026-01-06", "2026-01-07"], dtype="datetime64[ns]"),
        np.array([1, 1, 1, 1]),
    )
    ids = pa.array(["owner:me", "me/a", "id:b", "owner:you", "you/c"])
    forest = forest_from_codes(np.array([True, False, False, True, False]), ids, intros)
    assert (forest.owner.tolist(), forest.person.tolist()) == ([0, 0, 1, 1], [1, 2, 2, 4])
    assert forest.nodes is not None
    found = forest.nodes.lookup(np.array([0, 1, 1, 0, 1]), np.array([2, 2, 4, 4, 1]))
    assert found.tolist() == [1, 2, 3, -1, -1]  # (me, c) and (you, a) are not pairs
    assert forest.depth[found[:3]].tolist() == [2, 1, 1]
    # introductions naming people outside the table: no pair index
    outside = CodedIntroductions(
        np.array([0]), np.array(["me"], dtype=object), np.array([0]), np.array([-1]),
        np.array(["2026-01-05"], dtype="datetime64[ns]"), np.array([1]),
    )  # fmt: skip
    assert forest_from_codes(np.array([True]), pa.array(["owner:me"]), outside).nodes is None


def test_a_tie_on_the_earliest_date_goes_to_the_introducer_whose_id_sorts_first() -> None:
    import pyarrow as pa

    from netinsight.forest import forest_from_codes
    from netinsight.tables import CodedIntroductions

    ids = pa.array(["owner:me", "me/zoë", "me/ben", "me/Émile", "me/zed", "me/cy", "me/dee"], pa.large_string())
    # cy: by zoë (listed first) and ben on the same day, by zed earlier -> zed; dee: by zoë, Émile, zed on one day
    # -> zed ("z" sorts before "É" by code point, as Python compares str); Émile: by ben, then by zoë on one day
    intros = CodedIntroductions(
        np.zeros(10, dtype=np.int64),
        np.array(["me"], dtype=object),
        np.array([0, 0, 0, 0, 1, 2, 4, 1, 3, 4]),
        np.array([1, 2, 4, 3, 5, 5, 5, 6, 6, 6]),
        np.array(["2026-01-01"] * 4 + ["2026-01-09"] * 2 + ["2026-01-08"] + ["2026-01-10"] * 3, "datetime64[ns]"),
        np.ones(10, dtype=np.int64),
    )
    forest = forest_from_codes(np.array([True] + [False] * 6), ids, intros)
    introducer_of = dict(zip(forest.person.tolist(), forest.introducer.tolist(), strict=True))
    assert introducer_of == {1: -1, 2: -1, 4: -1, 3: -1, 5: 4, 6: 4}
    # only a tie on the earliest date counts: zoë and ben tie for cy on a later day than zed's
    intros_tied = CodedIntroductions(
        np.zeros(6, dtype=np.int64),
        np.array(["me"], dtype=object),
        np.array([0, 0, 0, 1, 2, 3]),
        np.array([1, 2, 3, 5, 5, 5]),
        np.array(["2026-01-01"] * 3 + ["2026-01-09"] * 3, "datetime64[ns]"),
        np.ones(6, dtype=np.int64),
    )
    tied = forest_from_codes(np.array([True] + [False] * 6), ids, intros_tied)
    assert dict(zip(tied.person.tolist(), tied.introducer.tolist(), strict=True))[5] == 2  # me/ben < me/zoë, me/Émile


def test_levels_of_shallow_and_very_deep_forests() -> None:
    shallow = np.array([2, -1, 1, 2, 1, 3, 2])
    assert [level.tolist() for level in levels(shallow)] == [[2, 4], [0, 3, 6], [5]]
    deep = np.concatenate([np.arange(1, 40_001), [-1, 1]])  # one chain of 40,000 introductions: int64 depths
    found = levels(deep)
    assert len(found) == 40_000
    assert found[0].tolist() == [0, 40_001]
    assert found[-1].tolist() == [39_999]
    assert levels(np.zeros(0, dtype=np.int64)) == []
