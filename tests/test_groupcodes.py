"""Group codes: text labels of keys, combined groups, unduplicated counts, medians and modes, against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.groupcodes import (
    NOT_RECORDED,
    distinct_pairs,
    group_codes,
    group_medians,
    group_modes,
    key_labels,
)


def _old_key_text(values: pd.Series) -> list[str]:
    """The text labels the cohort tables used before codes: astype string, strip, blank or missing -> not recorded."""
    text = values.astype("string").str.strip()
    return text.mask(text.eq("") | text.isna(), NOT_RECORDED).astype(object).tolist()


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(["B", " A", None, "A", "", "  ", "a"], dtype="str"),
        pd.Series(pd.Categorical(["x", None, "y", "x"], categories=["z", "y", "x"])),
        pd.Series([2027, None, 2028, 2027], dtype="Int64"),
        pd.Series([1.5, np.nan, 2.0]),
        pd.Series([], dtype="str"),
        pd.Series([None], dtype="str"),
    ],
)
def test_key_labels_are_the_old_text_labels(values: pd.Series) -> None:
    before = values.copy()
    codes, labels = key_labels(values)
    assert labels.tolist() == sorted(set(labels.tolist()))
    assert labels[codes].tolist() == _old_key_text(values)
    pd.testing.assert_series_equal(values, before)


def test_key_labels_merge_spellings_with_the_same_label() -> None:
    codes, labels = key_labels(pd.Series(["A ", "A", None, ""]))
    assert codes.tolist() == [1, 1, 0, 0]
    assert labels.tolist() == [NOT_RECORDED, "A"]


def test_group_codes_sort_like_groupby_on_text() -> None:
    frame = pd.DataFrame({"program": ["B", "A", "B", None, "A"], "year": [2028, 2028, 2027, 2027, 2028]})
    codes, labels = group_codes(frame, ["program", "year"])
    text = pd.DataFrame({k: _old_key_text(frame[k]) for k in frame.columns})
    expected = text.groupby(["program", "year"], sort=True).size().index.tolist()
    assert [tuple(r) for r in labels.values.tolist()] == expected
    assert labels.iloc[codes].values.tolist() == text.values.tolist()


def test_group_codes_without_keys_and_empty() -> None:
    codes, labels = group_codes(pd.DataFrame({"a": [1, 2]}), [])
    assert codes.tolist() == [0, 0]
    assert labels.shape == (1, 0)
    codes, labels = group_codes(pd.DataFrame({"a": pd.Series([], dtype="str")}), ["a"])
    assert (codes.tolist(), labels.shape) == ([], (0, 1))
    codes, labels = group_codes(pd.DataFrame({"a": ["x"]}), ["a"])
    assert (codes.tolist(), labels["a"].tolist()) == ([0], ["x"])


def test_distinct_pairs_and_medians_equal_pandas() -> None:
    rng = np.random.default_rng(7)
    for n, n_groups, spread in [(0, 1, 3), (1, 1, 3), (50, 3, 4), (400, 7, 40), (300, 2, 10**9)]:
        groups = rng.integers(0, n_groups, n)
        members = rng.integers(-1, 9, n)
        pair_groups, pair_members, rows = distinct_pairs(groups, members)
        sizes = pd.DataFrame({"g": groups, "m": members}).groupby(["g", "m"]).size()
        assert list(zip(pair_groups.tolist(), pair_members.tolist(), strict=True)) == sizes.index.tolist()
        assert rows.tolist() == sizes.tolist()
        for values in (rng.integers(0, spread, n).astype(float), rng.random(n) * spread):
            expected = pd.Series(values).groupby(groups).median().reindex(range(n_groups)).to_numpy()
            np.testing.assert_array_equal(group_medians(groups, values, n_groups), expected)


def test_group_medians_hand_worked() -> None:
    # even counts: the mean of the two middle values; a group without values: NaN
    out = group_medians(np.array([0, 0, 0, 0, 2]), np.array([4.0, 1.0, 3.0, 10.0, 7.0]), 3)
    assert out[0] == 3.5
    assert np.isnan(out[1])
    assert out[2] == 7.0
    assert np.isnan(group_medians(np.zeros(0, dtype=np.int64), np.zeros(0), 1)).all()


def test_group_modes_break_ties_by_rank() -> None:
    # group 0: members 1 and 2 both have 3 rows, 2 ranks first; group 1: nothing; group 2: member 0
    pairs = np.array([0, 0, 0, 2]), np.array([0, 1, 2, 0]), np.array([2, 3, 3, 1])
    assert group_modes(*pairs, np.array([0, 2, 1]), 3).tolist() == [2, -1, 0]
    assert group_modes(*pairs, np.array([0, 1, 2]), 3).tolist() == [1, -1, 0]
    empty = np.zeros(0, dtype=np.int64)
    assert group_modes(empty, empty, empty, empty, 0).tolist() == []


def test_labelled_codes_and_groups_are_key_labels_and_group_codes_of_factorized_keys() -> None:
    from netinsight.groupcodes import distinct_counts, labelled_codes, labelled_groups

    values = pd.Series(["B", " A", None, "A", "", "b", None], dtype="str")
    for codes, uniques in (pd.factorize(values), pd.factorize(values, sort=True, use_na_sentinel=False)):
        got, labels = labelled_codes(codes, uniques)
        expected, expected_labels = key_labels(values)
        assert got.tolist() == expected.tolist()
        assert labels.tolist() == expected_labels.tolist()
    frame = pd.DataFrame({"p": values, "y": [1, 1, 2, None, 2, 1, 1]})
    for keys in (["p"], ["p", "y"], []):
        codes, labels = labelled_groups([key_labels(frame[k]) for k in keys], keys, len(frame))
        expected, expected_labels = group_codes(frame, keys)
        assert codes.tolist() == expected.tolist()
        pd.testing.assert_frame_equal(labels, expected_labels)
    empty = labelled_groups([key_labels(frame["p"].iloc[:0])], ["p"], 0)
    assert len(empty[0]) == 0
    assert len(empty[1]) == 0
    # distinct members per group, missing member (-1) included, on the flag-table and the sorting paths
    rng = np.random.default_rng(3)
    for n_groups, width in ((5, 40), (600, 5000)):
        groups, members = rng.integers(0, n_groups, 3000), rng.integers(-1, width, 3000)
        expected_counts = np.bincount(distinct_pairs(groups, members)[0], minlength=n_groups)
        assert distinct_counts(groups, members, n_groups).tolist() == expected_counts.tolist()
    assert distinct_counts(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 2).tolist() == [0, 0]
