"""Tests of netinsight.textcodes: text columns as dictionary codes and the takes built on them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.textcodes import TextCodes, encode_text, large_text, str_series, take_or_null, with_null


def test_large_text_and_str_series_round_trip() -> None:
    text = large_text(pd.Series(["a", None, "b"], dtype="str"))
    assert text.type == pa.large_string()
    assert large_text(text) is text  # already large: no copy
    out = str_series(pa.array(["a", None]))
    assert str(out.dtype) == "str"
    assert out.tolist() == ["a", np.nan]


def test_encode_text_plain_categorical_and_empty() -> None:
    plain = encode_text(pd.Series(["b", None, "b", "a"], dtype="str"))
    assert (plain.codes.tolist(), plain.values.to_pylist()) == ([0, -1, 0, 1], ["b", "a"])
    category = encode_text(pd.Series(["x", None, "y"], dtype="category"))
    assert (category.codes.tolist(), category.values.to_pylist()) == ([0, -1, 1], ["x", "y"])
    empty = encode_text(pd.Series([], dtype="str"))
    assert (empty.codes.tolist(), empty.values.to_pylist()) == ([], [])


def test_take_and_decode_missing_rows_and_codes() -> None:
    codes = TextCodes(np.array([1, -1, 0]), pa.array(["a", "b"]))
    assert codes.take(np.array([0, -1, 1, 2])).to_pylist() == ["b", None, None, "a"]
    assert codes.decode().to_pylist() == ["b", None, "a"]
    assert codes.take(np.zeros(0, dtype=np.int64)).to_pylist() == []


def test_with_null_and_take_or_null() -> None:
    assert with_null(pa.array([], pa.string())).to_pylist() == [None]
    assert take_or_null(pa.array(["a", "b"]), np.array([-1, 1, 0])).to_pylist() == [None, "b", "a"]
