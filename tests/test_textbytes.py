from __future__ import annotations

import pyarrow as pa
import pytest

from netinsight.textbytes import rows_with_bytes, text_bytes


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
