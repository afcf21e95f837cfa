"""Medians and quantiles per group: the histogram path for whole numbers equals pandas and the sorting path."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.groupmedians import group_median_quantile, group_medians, histogram_medians


@pytest.mark.parametrize("dtype", ["int64", "float64"])
@pytest.mark.parametrize("n_groups", [1, 4, 300])
def test_group_medians_of_whole_numbers_equal_pandas(dtype: str, n_groups: int) -> None:
    rng = np.random.default_rng(n_groups)
    groups = rng.integers(0, n_groups, 2000)
    values = rng.integers(-5, 40, 2000).astype(dtype)  # negative and repeated values, ties in the middle
    expected = pd.Series(values, dtype=float).groupby(groups).median().reindex(range(n_groups))
    np.testing.assert_array_equal(group_medians(groups, values, n_groups), expected.to_numpy())


def test_group_medians_of_an_empty_group_and_a_single_value() -> None:
    assert np.isnan(group_medians(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 1)).all()
    assert group_medians(np.array([1]), np.array([7]), 2).tolist()[1] == 7.0


def test_histogram_medians_by_hand() -> None:
    hist = np.array([[0, 2, 1], [0, 1, 1], [0, 0, 0], [5, 0, 0]])
    medians = histogram_medians(hist)
    assert medians[[0, 1, 3]].tolist() == [1.0, 1.5, 0.0]
    assert np.isnan(medians[2])


@pytest.mark.parametrize("n_groups", [1, 3, 100])
def test_median_quantile_of_whole_days_are_pandas_bit_for_bit(n_groups: int) -> None:
    # lags in whole days with missing ones: the histogram path
    rng = np.random.default_rng(n_groups)
    group = rng.integers(0, n_groups, 5000)
    values = rng.integers(-3, 60, 5000).astype(float)
    values[rng.random(5000) < 0.2] = np.nan
    median, q90 = group_median_quantile(group, values, n_groups + 1, 0.9)  # the last group has no values
    frame = pd.Series(values).groupby(group)
    np.testing.assert_array_equal(median, frame.median().reindex(range(n_groups + 1)).to_numpy())
    np.testing.assert_array_equal(q90, frame.quantile(0.9).reindex(range(n_groups + 1)).to_numpy())
    fractional = values + 0.5  # not whole numbers: the sorting path gives the same
    m2, q2 = group_median_quantile(group, fractional, n_groups + 1, 0.9)
    np.testing.assert_array_equal(m2, median + 0.5)
    np.testing.assert_allclose(q2, q90 + 0.5)


def test_median_quantile_of_nothing() -> None:
    median, quantile = group_median_quantile(np.zeros(2, dtype=np.int64), np.array([np.nan, np.nan]), 1, 0.9)
    assert np.isnan(median).all()
    assert np.isnan(quantile).all()
