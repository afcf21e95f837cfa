from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.grouparrays import (
    dense_codes,
    distinct_per_group,
    group_codes,
    group_extremes,
    group_median_quantile,
    keyed_table,
    rate_array,
    value_codes,
)
from netinsight.groups import rate


def test_group_codes_follow_pandas_groupby_order() -> None:
    # categories in their own order, text as text, a missing key last, unused categories dropped
    frame = pd.DataFrame(
        {
            "cat": pd.Categorical(["b", "a", None, "b", "a"], categories=["b", "a", "z"]),
            "text": pd.Series(["y", None, "x", "x", None], dtype="str"),
        }
    )
    codes, keys = group_codes(frame)
    expected = frame.assign(v=1).groupby(["cat", "text"], observed=True, dropna=False, sort=True)["v"].size()
    assert keys["cat"].tolist()[:2] == ["b", "b"]
    pd.testing.assert_frame_equal(keys, expected.reset_index()[["cat", "text"]])
    assert codes.tolist() == [1, 2, 3, 0, 2]  # (b, x), (b, y), (a, nan), (nan, x)
    assert keys["cat"].dtype == frame["cat"].dtype


def test_group_codes_without_keys_and_on_an_empty_frame() -> None:
    codes, keys = group_codes(pd.DataFrame(index=range(3)))
    assert codes.tolist() == [0, 0, 0]
    assert keys.shape == (1, 0)
    codes, keys = group_codes(pd.DataFrame(index=range(0)))
    assert (len(codes), keys.shape) == (0, (0, 0))
    codes, keys = group_codes(pd.DataFrame({"k": pd.Series([], dtype="str")}))
    assert (len(codes), list(keys.columns), len(keys)) == (0, ["k"], 0)


def test_dense_codes() -> None:
    codes, used = dense_codes(np.array([9, 3, 9, 0]), 10)
    assert (codes.tolist(), used.tolist()) == ([2, 1, 2, 0], [0, 3, 9])
    codes, used = dense_codes(np.array([10**12, 5]), 10**13)  # too wide for a table: sorted unique
    assert (codes.tolist(), used.tolist()) == ([1, 0], [5, 10**12])


@pytest.mark.parametrize(("n_groups", "width"), [(3, 5), (4, 10_000)])
def test_distinct_per_group_matches_pandas(n_groups: int, width: int) -> None:
    rng = np.random.default_rng(n_groups)
    group = rng.integers(0, n_groups, 300)
    codes = rng.integers(-1, width, 300) % (width if width < 100 else 40)  # some repeats, some -1
    codes[::7] = -1
    distinct, repeated = distinct_per_group(group, codes, n_groups + 1)  # the last group is empty
    kept = pd.DataFrame({"g": group, "c": codes})[codes >= 0]
    sizes = kept.groupby(["g", "c"]).size()
    assert distinct.tolist() == sizes.groupby(level=0).size().reindex(range(n_groups + 1), fill_value=0).tolist()
    expected = (sizes > 1).groupby(level=0).sum().reindex(range(n_groups + 1), fill_value=0)
    assert repeated.tolist() == expected.tolist()


def test_distinct_per_group_by_hand() -> None:
    # group 0 meets 7 twice and 8 once; group 1 meets 7 once; missing (-1) is nobody
    distinct, repeated = distinct_per_group(np.array([0, 0, 0, 1, 1]), np.array([7, 7, 8, 7, -1]), 3)
    assert (distinct.tolist(), repeated.tolist()) == ([2, 1, 0], [1, 0, 0])
    distinct, repeated = distinct_per_group(np.array([0, 1, 1]), np.array([10**15, 10**15, 10**15]), 2)  # sparse
    assert (distinct.tolist(), repeated.tolist()) == ([1, 1], [0, 1])
    distinct, repeated = distinct_per_group(np.array([], dtype=np.int64), np.array([], dtype=np.int64), 1)
    assert (distinct.tolist(), repeated.tolist()) == ([0], [0])


def test_group_extremes_skip_missing_dates() -> None:
    days = np.array(["2026-03-02", "NaT", "2026-01-05", "NaT"], dtype="datetime64[ns]")
    low, high = group_extremes(np.array([0, 0, 0, 1]), days, 2)
    assert low.astype(str).tolist() == ["2026-01-05T00:00:00.000000000", "NaT"]
    assert high.astype(str).tolist() == ["2026-03-02T00:00:00.000000000", "NaT"]


@pytest.mark.parametrize(("n", "n_groups"), [(0, 1), (1, 1), (2, 2), (50, 3), (500, 200)])
def test_group_median_quantile_are_pandas_bit_for_bit(n: int, n_groups: int) -> None:
    rng = np.random.default_rng(n)
    group = rng.integers(0, n_groups, n)
    values = np.round(rng.random(n) * 10, 2) / 3
    values[rng.random(n) < 0.3] = np.nan
    median, q90 = group_median_quantile(group, values, n_groups, 0.9)
    grouped = pd.Series(values).groupby(group)
    assert np.array_equal(median, grouped.median().reindex(range(n_groups)).to_numpy(), equal_nan=True)
    assert np.array_equal(q90, grouped.quantile(0.9).reindex(range(n_groups)).to_numpy(), equal_nan=True)


def test_group_median_quantile_by_hand() -> None:
    # lags 0, 1, 2, 3 (and a missing one): median 1.5, 90th percentile 2.7
    median, q90 = group_median_quantile(np.zeros(5, dtype=np.int64), np.array([3.0, np.nan, 0.0, 2.0, 1.0]), 1, 0.9)
    assert (median.tolist(), q90.round(6).tolist()) == ([1.5], [2.7])


def test_value_codes() -> None:
    assert value_codes(pd.Series([2.0, np.nan, 2.0, 0.0])).tolist() == [2, -1, 2, 0]
    assert value_codes(pd.Series([-3, 5, -3])).tolist() == [0, 1, 0]  # not codes: factorized
    assert value_codes(pd.Series(["me\x1fana", None, "me\x1fana"], dtype="str")).tolist() == [0, -1, 0]
    assert value_codes(pd.Series([], dtype=float)).tolist() == []


def test_rate_array_is_rate() -> None:
    num, den = np.array([1, 0, 0, 2, 5]), np.array([3, 4, 0, 3, 7])
    pd.testing.assert_series_equal(pd.Series(rate_array(num, den)), rate(pd.Series(num), pd.Series(den)))
    assert rate_array(np.array([1]), np.array([0])).tolist() == [pd.NA]


def test_keyed_table() -> None:
    keys = pd.DataFrame({"program": pd.Series(["MBA", "MSc"], dtype="str", index=[5, 9])})
    out = keyed_table(keys, {"n": np.array([3, 4]), "policy": "standard"})
    assert out.to_dict("list") == {"program": ["MBA", "MSc"], "n": [3, 4], "policy": ["standard", "standard"]}
    assert out.index.equals(pd.RangeIndex(2))


def test_level_codes_are_group_codes_of_factorized_keys() -> None:
    from netinsight.grouparrays import level_codes

    frame = pd.DataFrame({"k": pd.Series(["b", None, "a", "b"], dtype="str"), "n": [2, 1, 1, None]})
    for columns in (["k"], ["k", "n"], ["n", "k"], []):
        levels = [pd.factorize(frame[c], sort=True, use_na_sentinel=False) for c in columns]
        codes, keys = level_codes(levels, columns, len(frame))
        expected, expected_keys = group_codes(frame[columns])
        assert codes.tolist() == expected.tolist()
        pd.testing.assert_frame_equal(keys, expected_keys)


def test_level_codes_leave_out_values_no_row_has() -> None:
    from netinsight.grouparrays import level_codes

    labels = np.array(["a", "b", "c"], dtype=object)  # "b" is no row's value
    codes, keys = level_codes([(np.array([2, 0, 2]), labels)], ["k"], 3)
    assert codes.tolist() == [1, 0, 1]
    assert keys["k"].tolist() == ["a", "c"]
    codes, keys = level_codes([(np.array([0, 1]), labels), (np.array([1, 1]), pd.Index([10, 20]))], ["k", "n"], 2)
    assert codes.tolist() == [0, 1]
    assert keys.to_dict("list") == {"k": ["a", "b"], "n": [20, 20]}
    codes, keys = level_codes([(np.zeros(0, dtype=np.int64), labels)], ["k"], 0)  # no rows: no groups
    assert codes.tolist() == []
    assert keys["k"].tolist() == []
