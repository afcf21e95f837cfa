"""Cleaning text cells: trimmed, runs of white space as one space, empty as missing.

Row by row (`clean_text_rows`, `notes_text`, `empty_as_missing`: Arrow kernels only on the values a
byte check finds they may change, the column's own characters kept for the others, empty values
made missing by a new validity bitmap) or on distinct values (`clean_distinct_text(s)`, several
columns in one pass). A regex runs only on the values a byte check (`netinsight.textbytes`)
finds it can change. "NA", "None", "NULL" stay text. Limits: runs of RE2's ``\\s`` (tab, line
feed, form feed, carriage return, space) are collapsed; Unicode white space is trimmed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.textbytes import loose_space_rows, text_bytes
from netinsight.textcodes import large_text

__all__ = [
    "clean_distinct_text",
    "clean_distinct_texts",
    "clean_text",
    "clean_text_rows",
    "empty_as_missing",
    "notes_text",
]


def clean_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Trim and collapse spaces; empty -> missing. "NA", "None", "NULL" stay text."""
    return _blank_to_na(_squeeze(values.astype("str")))


def clean_text_rows(values: pd.Series[Any]) -> pd.Series[Any]:
    """`clean_text` of a text column row by row, without hashing it: Arrow kernels, a regex only where needed.

    Cheaper than working on the distinct values when those are many or the column is clean;
    values that need no cleaning keep the column's own buffers.

    Examples
    --------
    >>> clean_text_rows(pd.Series(["  Ana \\t Ruiz ", " ", "Ben", None], dtype="str")).tolist()
    ['Ana Ruiz', nan, 'Ben', nan]
    """
    return _clean_rows(values, squeeze=True)


def empty_as_missing(values: pd.Series[Any]) -> pd.Series[Any]:
    """A text column with its empty values missing, nothing else changed; it shares the column's characters.

    Examples
    --------
    >>> empty_as_missing(pd.Series(["", " a ", None], dtype="str")).tolist()
    [nan, ' a ', nan]
    """
    return _clean_rows(values, squeeze=None)


def _clean_rows(values: pd.Series[Any], *, squeeze: bool | None) -> pd.Series[Any]:
    """Trim each value (collapsing runs of white space first when `squeeze`; None: neither); empty -> missing."""
    array = pa.array(values if values.dtype == "str" else values.astype("str"), from_pandas=True)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    out = [_clean_chunk(chunk, squeeze=squeeze) for chunk in chunks]
    joined = pa.chunked_array(out, type=out[0].type if out else pa.large_string())
    return pd.Series(pd.array(joined, dtype="str"), index=pd.RangeIndex(len(values)), name=values.name)


def _clean_chunk(chunk: pa.Array, *, squeeze: bool | None) -> pa.Array:
    """`_clean_rows` of one Arrow text array: the kernels run only on the values a byte check picks.

    Values that need no cleaning keep the array's own buffers; empty ones become nulls by a new
    validity bitmap alone.
    """
    _, offsets = text_bytes(chunk)
    blank = offsets[1:] == offsets[:-1]
    if chunk.null_count:
        blank |= ~chunk.is_valid().to_numpy(zero_copy_only=False)
    text = _blank_to_null(chunk, blank)
    if squeeze is None:
        return text
    picked = loose_space_rows(chunk, runs=squeeze)
    if not picked.any():
        return text
    mask = pa.array(picked)
    loose = chunk.filter(mask)
    if squeeze:
        loose = pc.replace_substring_regex(loose, pattern=r"\s+", replacement=" ")
    loose = pc.utf8_trim_whitespace(loose)
    loose = pc.if_else(pc.equal(pc.binary_length(loose), 0), pa.scalar(None, loose.type), loose)
    return pc.replace_with_mask(text, mask, loose)


def _blank_to_null(chunk: pa.Array, blank: np.ndarray[Any, np.dtype[np.bool_]]) -> pa.Array:
    """The text array with nulls where `blank`, sharing its offsets and characters (only a validity bitmap is new).

    Examples
    --------
    >>> _blank_to_null(pa.array(["x", "", "yz", ""]).slice(1), np.array([True, False, True])).to_pylist()
    [None, 'yz', None]
    """
    if not blank.any():
        return chunk
    _, offsets, data = chunk.buffers()
    if data is None:  # no characters at all: every value is blank
        return pa.nulls(len(chunk), chunk.type)
    width = 8 if pa.types.is_large_string(chunk.type) else 4
    offsets = offsets.slice(chunk.offset * width, (len(chunk) + 1) * width)
    validity = pa.py_buffer(np.packbits(~blank, bitorder="little"))
    return pa.Array.from_buffers(chunk.type, len(chunk), [validity, offsets, data], null_count=int(blank.sum()))


def clean_distinct_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """`clean_text` value by value, without looking for repeats (for values that are already distinct).

    Examples
    --------
    >>> clean_distinct_text(pd.Series(["  Ana \t Ruiz ", " ", None])).tolist()
    ['Ana Ruiz', nan, nan]
    """
    return clean_distinct_texts([values])[0]


def clean_distinct_texts(columns: Sequence[pd.Series[Any]]) -> list[pd.Series[Any]]:
    """`clean_distinct_text` of several columns, in one pass of Arrow kernels over all their values.

    Examples
    --------
    >>> [s.tolist() for s in clean_distinct_texts([pd.Series([" a  b"]), pd.Series(["", "c"])])]
    [['a b'], [nan, 'c']]
    """
    arrays = [large_text(v if v.dtype == "str" else v.astype("str")) for v in columns]
    if not arrays:
        return []
    cleaned = _clean_chunk(pa.concat_arrays(arrays) if len(arrays) > 1 else arrays[0], squeeze=True)
    starts = np.cumsum([0, *(len(a) for a in arrays)])
    return [pd.Series(cleaned.slice(a, b - a), dtype="str") for a, b in itertools.pairwise(starts.tolist())]


def _arrow_text(values: pd.Series[Any]) -> pa.StringArray:
    """The column as one contiguous Arrow string array (missing values as nulls)."""
    array = pa.array(values, type=pa.string(), from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _squeeze(values: pd.Series[Any]) -> pd.Series[Any]:
    """Collapse runs of white space and trim: Arrow kernels on the distinct values only."""
    encoded = pc.dictionary_encode(_arrow_text(values))
    distinct = pc.utf8_trim_whitespace(pc.replace_substring_regex(encoded.dictionary, pattern=r"\s+", replacement=" "))
    return pd.Series(pc.take(distinct, encoded.indices), dtype="str")


def notes_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Free text: trimmed at both ends (line breaks inside kept); empty -> missing.

    Examples
    --------
    >>> notes_text(pd.Series([" two\\n lines ", " ", None])).tolist()
    ['two\\n lines', nan, nan]
    """
    return _clean_rows(values, squeeze=False)


def _blank_to_na(values: pd.Series[Any]) -> pd.Series[Any]:
    return values.where(values.ne("")).reset_index(drop=True)
