from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.nearnames import near_duplicate_codes, near_duplicate_pairs, pairs_within_runs


def test_pairs_within_runs_by_hand() -> None:
    groups = np.array([0, 0, 0, 0, 1])
    blocks = np.array([5, 5, 7, 5, 5])
    items = np.array([1, 2, 3, 4, 5])
    g, x, y = pairs_within_runs(groups, blocks, items)
    assert sorted(zip(g.tolist(), x.tolist(), y.tolist(), strict=True)) == [(0, 1, 2), (0, 1, 4), (0, 2, 4)]
    g, x, y = pairs_within_runs(groups, blocks, items, flags=np.array([True, False, False, False, False]))
    assert sorted(zip(x.tolist(), y.tolist(), strict=True)) == [(1, 2), (1, 4)]
    g, x, y = pairs_within_runs(np.array([], dtype=int), np.array([], dtype=int), np.array([], dtype=int))
    assert len(g) == len(x) == len(y) == 0


def test_near_duplicate_codes_orient_pairs_by_text() -> None:
    names = np.array(["jon smith", "john smith", "zoë li", "zoe li", "ana ruiz"], dtype=object)
    found = near_duplicate_codes(np.zeros(5, dtype=int), np.arange(5), names)
    pairs = sorted((names[a], names[b], r) for a, b, r in zip(found["a"], found["b"], found["ratio"], strict=True))
    assert pairs == [("john smith", "jon smith", 0.947), ("zoe li", "zoë li", 1.0)]
    assert near_duplicate_codes(np.array([0]), np.array([0]), names[:1]).empty


def test_near_duplicate_codes_between_two_kinds_only() -> None:
    names = np.array(["jon smith", "john smith", "jonn smith"], dtype=object)
    between = np.array([True, False, False])  # only pairs of key 0 with another
    found = near_duplicate_codes(np.zeros(3, dtype=int), np.arange(3), names, between=between)
    assert sorted(zip(found["a"], found["b"], strict=True)) == [(0, 2), (1, 0)]  # "jon smith" < "jonn smith"


def test_near_duplicate_pairs_single_key_and_missing() -> None:
    assert near_duplicate_pairs(pd.Series(["ana ruiz"])).empty
    assert near_duplicate_pairs(pd.Series([None, "ana ruiz", None])).empty


def test_sorted_or_shuffled_codes_find_the_same_pairs() -> None:
    names = np.array(["jon smith", "john smith", "ana ruiz", "zoe li", "zoë li", "ana ruis"], dtype=object)
    groups = np.array([0, 0, 0, 1, 1, 1, 2])
    keys = np.array([0, 1, 2, 3, 4, 2, 5])
    order = np.lexsort((keys, groups))
    shuffled = np.array([6, 3, 0, 5, 1, 4, 2])

    def found(g: np.ndarray, k: np.ndarray) -> list[tuple[int, int, int, float]]:
        pairs = near_duplicate_codes(g, k, names)
        return sorted(zip(pairs["group"], pairs["a"], pairs["b"], pairs["ratio"], strict=True))

    assert found(groups[order], keys[order]) == found(groups[shuffled], keys[shuffled])
    assert len(found(groups, keys)) == 2


def test_pairs_within_runs_matches_every_pair_by_hand() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = int(rng.integers(0, 30))
        groups, blocks = rng.integers(0, 3, n), rng.integers(-1, 3, n)  # -1: a block like any other
        items = rng.permutation(n)
        flags = rng.random(n) < 0.3
        for use_flags in (False, True):
            g, x, y = pairs_within_runs(groups, blocks, items, flags=flags if use_flags else None)
            found = sorted((int(a), min(int(b), int(c)), max(int(b), int(c))) for a, b, c in zip(g, x, y, strict=True))
            expected = sorted(
                (int(groups[i]), min(int(items[i]), int(items[j])), max(int(items[i]), int(items[j])))
                for i in range(n)
                for j in range(i + 1, n)
                if groups[i] == groups[j] and blocks[i] == blocks[j] and (not use_flags or flags[i] != flags[j])
            )
            assert found == expected


def test_near_duplicate_codes_names_sharing_only_their_accent_free_form() -> None:
    names = np.array(["zoë", "zoe", "ana"], dtype=object)  # no first or last word in common: only the folded block
    found = near_duplicate_codes(np.array([0, 0, 0, 1]), np.array([0, 1, 2, 0]), names)
    assert found[["group", "a", "b", "ratio"]].values.tolist() == [[0, 1, 0, 1.0]]
    found = near_duplicate_codes(np.zeros(3, dtype=int), np.arange(3), names, between=np.array([True, False, True]))
    assert found[["a", "b"]].values.tolist() == [[1, 0]]
