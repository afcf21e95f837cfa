from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from netinsight.textbytes import loose_space_rows, rows_with_bytes, text_bytes


def test_text_bytes_of_slices_nulls_and_empty_arrays() -> None:
    for kind in (pa.string(), pa.large_string()):
        array = pa.array(["ab", None, "", "cde"], kind)
        data, offsets = text_bytes(array)
        assert (bytes(data), offsets.tolist()) == (b"abcde", [0, 2, 2, 2, 5])
        data, offsets = text_bytes(array.slice(2, 2))
        assert (bytes(data), offsets.tolist()) == (b"cde", [0, 0, 3])
        data, offsets = text_bytes(pa.array([], kind))
        assert (bytes(data), offsets.tolist()) == (b"", [0])
        data, offsets = text_bytes(pa.array([None, None], kind))
        assert (bytes(data), offsets.tolist()) == (b"", [0, 0, 0])


def test_rows_with_bytes_finds_characters_and_pairs_inside_values_only() -> None:
    array = pa.array(["a ", " b", "x  y", "", None, "  ", "é?", "t\tu"], pa.large_string())
    assert rows_with_bytes(array, "", pairs=["  "]).tolist() == [False, False, True, False, False, True, False, False]
    assert rows_with_bytes(array, "?\t").tolist() == [False, False, False, False, False, False, True, True]
    assert rows_with_bytes(array.slice(1, 2), "", pairs=["  "]).tolist() == [False, True]
    assert rows_with_bytes(pa.array([], pa.string()), "?", pairs=["  "]).tolist() == []


def test_only_ascii_characters_can_be_looked_for() -> None:
    with pytest.raises(ValueError, match=r"`characters` must be single ASCII characters, not 'é'\."):
        rows_with_bytes(pa.array(["é"]), "é")


def test_loose_space_rows_pick_every_value_trimming_or_collapsing_changes() -> None:
    clean = ["a", "a b", "", None, "~!"]
    loose_ends = [" a", "a ", "\u00a0a", "a\u3000", "é", "Zoë"]  # "é" and "Zoë" may be: a non-ASCII end
    loose_inside = ["a  b", "a\tb", "a\x0bb", "a\x1fb"]
    values = [*clean, *loose_ends, *loose_inside]
    array = pa.array(values, pa.large_string())
    picked = loose_space_rows(array)
    trimmed = pc.utf8_trim_whitespace(array).to_pylist()
    squeezed = pc.utf8_trim_whitespace(pc.replace_substring_regex(array, pattern=r"\s+", replacement=" ")).to_pylist()
    for value, pick, trim, squeeze in zip(values, picked.tolist(), trimmed, squeezed, strict=True):
        if trim != value or squeeze != value:
            assert pick, value
    assert [v for v, p in zip(values, picked.tolist(), strict=True) if p] == [*loose_ends, *loose_inside]
    edges = loose_space_rows(array, runs=False)
    assert [v for v, p in zip(values, edges.tolist(), strict=True) if p] == loose_ends
    assert loose_space_rows(array.slice(5, 2)).tolist() == [True, True]
    assert loose_space_rows(pa.array([], pa.string())).tolist() == []
    assert loose_space_rows(pa.array(["", None], pa.string())).tolist() == [False, False]
