"""Tests of netinsight.textcodes: text columns as dictionary codes and the takes built on them."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from netinsight.textcodes import (
    TextCodes,
    dictionary_codes,
    encode_text,
    encode_texts,
    large_text,
    present_codes,
    start_encode_texts,
    str_series,
    take_or_null,
    with_null,
)


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


def test_dictionary_codes_of_chunks_as_of_one_array(monkeypatch: pytest.MonkeyPatch) -> None:
    import netinsight.textcodes as textcodes

    rng = np.random.default_rng(0)
    values = rng.choice(["b", "a", None, "c", "dd"], 1_000).tolist()
    cuts = [0, 0, 3, 400, 400, 999, 1_000]  # empty chunks too
    chunked = pa.chunked_array([pa.array(values[a:b], pa.large_string()) for a, b in itertools.pairwise(cuts)])
    whole = pa.array(values, pa.large_string())
    expected_values, expected_codes = dictionary_codes(whole)
    got_values, got_codes = dictionary_codes(chunked)
    first_seen = list(dict.fromkeys(v for v in values if v is not None))
    assert got_values.to_pylist() == expected_values.to_pylist() == first_seen
    assert got_codes.tolist() == expected_codes.tolist()
    assert [None if c < 0 else expected_values[c].as_py() for c in got_codes] == values
    # chunks whose values were not shared (another Arrow): one joined copy is encoded instead
    seen = iter(range(1_000_000))
    monkeypatch.setattr(textcodes, "_buffers", lambda array: next(seen))
    again_values, again_codes = dictionary_codes(chunked)
    assert (again_values.to_pylist(), again_codes.tolist()) == (expected_values.to_pylist(), expected_codes.tolist())
    monkeypatch.undo()
    none_values, none_codes = dictionary_codes(pa.chunked_array([], pa.large_string()))
    assert (none_values.to_pylist(), none_codes.tolist()) == ([], [])
    small = encode_texts([pa.chunked_array([["x", None], ["y", "x"]])])[0]  # Arrow ``string``: values as large
    assert (small.codes.tolist(), str(small.values.type)) == ([0, -1, 1, 0], "large_string")


def test_present_codes_drop_the_missing_value_wherever_it_is() -> None:
    codes = np.array([0, 2, 1, 2, 0], dtype=np.int32)
    for values, expected_codes, expected_values in (
        (["b", "a", None], [0, -1, 1, -1, 0], ["b", "a"]),  # missing last: a slice of the values
        (["b", None, "a"], [0, 1, -1, 1, 0], ["b", "a"]),
        ([None, "b", "a"], [-1, 1, 0, 1, -1], ["b", "a"]),
        (["b", "a", "c"], [0, 2, 1, 2, 0], ["b", "a", "c"]),
    ):
        text = present_codes(codes, pa.array(values))
        assert (text.codes.tolist(), text.values.to_pylist()) == (expected_codes, expected_values)
        assert text.decode().to_pylist() == [values[c] for c in codes]
    only_missing = present_codes(np.array([0, 0]), pa.array([None], pa.string()))
    assert (only_missing.codes.tolist(), only_missing.values.to_pylist()) == ([-1, -1], [])
    empty = present_codes(np.zeros(0, dtype=np.int64), pa.array([], pa.string()))
    assert (empty.codes.tolist(), empty.values.to_pylist()) == ([], [])


def test_started_encodings_are_collected_like_encode_texts_small_and_on_a_thread() -> None:
    from netinsight.threads import PARALLEL_ROWS

    rng = np.random.default_rng(1)
    for rows in (5, PARALLEL_ROWS):  # at once, and on a thread of its own
        words = rng.choice(["b", "a", None, "c"], rows).tolist()
        columns = [
            pd.Series(words, dtype="str"),
            pd.Series(words, dtype="category"),
            pa.chunked_array([words[:3], words[3:]], pa.large_string()),
        ]
        collect = start_encode_texts(columns)
        got, expected = collect(), encode_texts(columns)
        assert [(t.codes.tolist(), t.values.to_pylist()) for t in got] == [
            (t.codes.tolist(), t.values.to_pylist()) for t in expected
        ]
        assert [(t.codes.tolist(), t.values.to_pylist()) for t in collect()] == [  # collected again: the same
            (t.codes.tolist(), t.values.to_pylist()) for t in expected
        ]
    assert start_encode_texts([])() == []
