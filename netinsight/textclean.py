"""Cleaning text cells: trimmed, runs of white space as one space, empty as missing.

Row by row (`clean_text_rows`, `notes_text`: Arrow kernels over the column, the column's own
buffers kept when nothing changes) or on distinct values (`clean_distinct_text(s)`, several
columns in one pass). A regex runs only on the values a byte check (`netinsight.textbytes`)
finds it can change. "NA", "None", "NULL" stay text. Limits: runs of RE2's ``\\s`` (tab, line
feed, form feed, carriage return, space) are collapsed; Unicode white space is trimmed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.textbytes import rows_with_bytes

__all__ = ["clean_distinct_text", "clean_distinct_texts", "clean_text", "clean_text_rows", "notes_text"]

#: What the regex ``\s+`` -> " " can change: RE2's white space other than a space, or two spaces.
_SPACES: Final = ("\t\n\f\r", ["  "])


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


def _clean_rows(values: pd.Series[Any], *, squeeze: bool) -> pd.Series[Any]:
    """Trim each value (collapsing runs of white space first when `squeeze`); empty -> missing."""
    array = pa.array(values if values.dtype == "str" else values.astype("str"), from_pandas=True)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    out = []
    for chunk in chunks:
        text = _only_where(chunk, _SPACES, pattern=r"\s+", replacement=" ") if squeeze else chunk
        trimmed = pc.utf8_trim_whitespace(text)
        if pc.all(pc.equal(pc.binary_length(trimmed), pc.binary_length(text))).as_py() is False:
            text = trimmed  # some value had white space at an end (else the column's own buffers stay)
        blank = pc.equal(pc.binary_length(text), 0)
        if pc.any(blank).as_py():
            text = pc.if_else(blank, pa.scalar(None, text.type), text)
        out.append(text)
    joined = pa.chunked_array(out, type=out[0].type if out else pa.large_string())
    return pd.Series(pd.array(joined, dtype="str"), index=pd.RangeIndex(len(values)), name=values.name)


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
    arrays = [_arrow_text(v if v.dtype == "str" else v.astype("str")).cast(pa.large_string()) for v in columns]
    if not arrays:
        return []
    text = pa.concat_arrays(arrays) if len(arrays) > 1 else arrays[0]
    squeezed = pc.utf8_trim_whitespace(_only_where(text, _SPACES, pattern=r"\s+", replacement=" "))
    cleaned = pc.if_else(pc.equal(squeezed, ""), pa.scalar(None, squeezed.type), squeezed)
    starts = np.cumsum([0, *(len(a) for a in arrays)])
    return [pd.Series(cleaned.slice(a, b - a), dtype="str") for a, b in itertools.pairwise(starts.tolist())]


def _only_where(text: pa.Array, found: tuple[str, list[str]], *, pattern: str, replacement: str) -> pa.Array:
    """`pyarrow.compute.replace_substring_regex`, run only on the values holding the characters or pairs `found`.

    Examples
    --------
    >>> _only_where(pa.array(["a  b", "c", None]), _SPACES, pattern=r"\\s+", replacement=" ").to_pylist()
    ['a b', 'c', None]
    """
    rows = rows_with_bytes(text, found[0], pairs=found[1])
    if not rows.any():
        return text
    mask = pa.array(rows)
    return pc.replace_with_mask(
        text, mask, pc.replace_substring_regex(text.filter(mask), pattern=pattern, replacement=replacement)
    )


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
