"""Text columns as dictionary codes, so that taking rows in any order gathers integers, not strings.

A take of a million strings at scattered rows is bound by memory latency; the same take on
the column's integer codes, followed by a take from its few distinct values, costs a
fraction of it. `TextCodes` holds a column that way; `encode_text` builds it from a pandas
or Arrow column. Limits: a column with nearly all values distinct gains nothing (encoding
it costs a hash of every value); use a plain Arrow take for those.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.threads import in_background, map_threads

__all__ = [
    "TextCodes",
    "dictionary_codes",
    "encode_text",
    "encode_texts",
    "large_text",
    "present_codes",
    "start_encode_texts",
    "str_series",
    "take_or_null",
    "with_null",
]

IntArray = npt.NDArray[np.int64]


def large_text(values: Any) -> pa.Array:
    """Text (a pandas Series, Index or array, or Arrow) as one Arrow ``large_string`` array.

    Examples
    --------
    >>> str(large_text(pd.Series(["a", None])).type)
    'large_string'
    """
    if isinstance(values, pa.ChunkedArray):
        array = values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()
    elif isinstance(values, pa.Array):
        array = values
    else:
        return large_text(pa.array(pd.array(values, dtype="str")))
    return array if array.type == pa.large_string() else array.cast(pa.large_string())


def str_series(values: pa.Array | pa.ChunkedArray) -> pd.Series[Any]:
    """An Arrow text array as a pandas ``str`` Series (missing values NaN), without a copy of large strings.

    Examples
    --------
    >>> str_series(pa.array(["a", None])).tolist()
    ['a', nan]
    """
    chunked = pa.chunked_array([large_text(values)])
    dtype = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str"
    return pd.Series(pd.arrays.ArrowStringArray(chunked, dtype=dtype))  # type: ignore[call-arg]


@dataclass(frozen=True)
class TextCodes:
    """A text column as ``codes`` (one per row, -1 missing) into its distinct ``values``."""

    codes: IntArray
    values: pa.Array

    def take(self, rows: IntArray) -> pa.Array:
        """The text at `rows` (-1 gives missing), as ``large_string``.

        Missing values are null positions of the take (the values are not copied).

        Examples
        --------
        >>> encode_text(pd.Series(["b", "a", "b"])).take(np.array([2, -1, 1])).to_pylist()
        ['b', None, 'a']
        """
        at = self.codes[rows]
        return take_or_null(self.values, np.where(rows >= 0, at, -1))

    def decode(self) -> pa.Array:
        """The text of every row, as ``large_string``.

        Examples
        --------
        >>> TextCodes(np.array([1, -1]), pa.array(["a", "b"])).decode().to_pylist()
        ['b', None]
        """
        return take_or_null(self.values, self.codes)


def present_codes(codes: npt.NDArray[np.integer[Any]], values: Any) -> TextCodes:
    """Codes into distinct text `values` that may hold missing entries, as `encode_text` gives them.

    The missing entries are dropped from the values and the codes pointing at them become -1;
    the other values keep their order. No value is hashed: the values must already be distinct.

    Examples
    --------
    >>> t = present_codes(np.array([0, 1, 2, 0, 1]), pa.array(["b", None, "a"]))
    >>> t.codes.tolist(), t.values.to_pylist()
    ([0, -1, 1, 0, -1], ['b', 'a'])
    """
    text = large_text(values)
    if not text.null_count:
        return TextCodes(codes.astype(np.int64), text)
    last = len(text) - 1
    if text.null_count == 1 and not text[last].is_valid:  # the usual place of the missing value: no copy
        return TextCodes(np.where(codes == last, -1, codes).astype(np.int64), text.slice(0, last))
    present = pc.is_valid(text).to_numpy(zero_copy_only=False)
    position = np.where(present, np.cumsum(present) - 1, -1).astype(np.int64)
    return TextCodes(position[codes], text.filter(pa.array(present)))


def with_null(values: pa.Array) -> pa.Array:
    """Text values and one null after them (the target of missing positions).

    Examples
    --------
    >>> with_null(pa.array(["a"])).to_pylist()
    ['a', None]
    """
    return pa.concat_arrays([large_text(values), pa.nulls(1, pa.large_string())])


def take_or_null(values: pa.Array, at: IntArray) -> pa.Array:
    """``values`` at positions `at` as ``large_string``, null where `at` is negative (the values are not copied).

    Examples
    --------
    >>> take_or_null(pa.array(["a", "b"]), np.array([1, -1])).to_pylist()
    ['b', None]
    """
    at = np.asarray(at, dtype=np.int64)
    missing = at < 0
    indices = pa.array(np.where(missing, 0, at), mask=missing) if missing.any() else pa.array(at)
    return large_text(values).take(indices)


def encode_text(column: pd.Series[Any] | pa.Array | pa.ChunkedArray) -> TextCodes:
    """The dictionary codes of a text column (a categorical's own codes and categories).

    Examples
    --------
    >>> t = encode_text(pd.Series(["b", None, "b", "a"]))
    >>> t.codes.tolist(), t.values.to_pylist()
    ([0, -1, 0, 1], ['b', 'a'])
    """
    return encode_texts([column])[0]


def encode_texts(columns: Sequence[pd.Series[Any] | pa.Array | pa.ChunkedArray]) -> list[TextCodes]:
    """`encode_text` of several columns; the Arrow work of large ones runs side by side on threads.

    Examples
    --------
    >>> [t.codes.tolist() for t in encode_texts([pd.Series(["b", "a"]), pa.array(["c", None])])]
    [[0, 1], [0, -1]]
    """
    return _encode_texts(columns, later=False)()


def start_encode_texts(columns: Sequence[pd.Series[Any] | pa.Array | pa.ChunkedArray]) -> Callable[[], list[TextCodes]]:
    """`encode_texts`, its Arrow work on large columns started on a thread now; call the result to collect it.

    This thread may go on with other work meanwhile; the columns must not change until then.

    Examples
    --------
    >>> collect = start_encode_texts([pd.Series(["b", "a", "b"])])
    >>> [t.codes.tolist() for t in collect()]
    [[0, 1, 0]]
    """
    return _encode_texts(columns, later=True)


def _encode_texts(
    columns: Sequence[pd.Series[Any] | pa.Array | pa.ChunkedArray], *, later: bool
) -> Callable[[], list[TextCodes]]:
    """The collector of `encode_texts`; the Arrow work runs on a thread of its own only when `later`."""
    out: list[TextCodes | None] = []
    arrow: list[tuple[int, pa.Array | pa.ChunkedArray]] = []
    for column in columns:  # pandas stays on this thread
        if isinstance(column, pd.Series) and isinstance(column.dtype, pd.CategoricalDtype):
            codes = column.cat.codes.to_numpy().astype(np.int64)
            out.append(TextCodes(codes, large_text(pd.Index(column.cat.categories).astype("str"))))
            continue
        if isinstance(column, pd.Series):
            column = pa.array(column.astype("str").array)
        arrow.append((len(out), column))  # chunks as they are: `dictionary_codes` does not join them
        out.append(None)
    rows = max((len(array) for _, array in arrow), default=0)
    arrays = [array for _, array in arrow]
    encoding = in_background(lambda: map_threads(_dictionary_codes, arrays, rows=rows), rows=rows if later else 0)

    def collect() -> list[TextCodes]:
        for (at, _), text in zip(arrow, encoding.result(), strict=True):
            out[at] = text
        return [text for text in out if text is not None]

    return collect


def _dictionary_codes(text: pa.Array | pa.ChunkedArray) -> TextCodes:
    """Arrow's dictionary encoding of one text array as codes (-1 missing) and values (``large_string``)."""
    values, codes = dictionary_codes(text)
    return TextCodes(codes.astype(np.int64), large_text(values))


def dictionary_codes(text: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, npt.NDArray[np.int32]]:
    """Arrow's dictionary encoding of text, in chunks or not: the distinct values, and each position's code.

    Codes are -1 where the text is missing, numbered in order of first appearance. The chunks of
    a chunked array are encoded as they are (one hash table for all), not joined into one copy
    first. Arrow only: safe on a thread.

    Examples
    --------
    >>> values, codes = dictionary_codes(pa.chunked_array([["b", None], ["a", "b"]]))
    >>> values.to_pylist(), codes.tolist()
    (['b', 'a'], [0, -1, 1, 0])
    """
    encoded = pc.dictionary_encode(text)
    if not isinstance(encoded, pa.ChunkedArray):
        return encoded.dictionary, encoded.indices.fill_null(-1).to_numpy()
    chunks = encoded.chunks
    if not chunks:
        return pa.array([], text.type), np.zeros(0, dtype=np.int32)
    values = chunks[-1].dictionary  # one hash table for all chunks: each holds the same values (the same buffers)
    if any(_buffers(chunk.dictionary) != _buffers(values) for chunk in chunks):
        return dictionary_codes(text.combine_chunks())  # not so (another Arrow): encode one joined copy
    codes = np.concatenate([chunk.indices.fill_null(-1).to_numpy() for chunk in chunks])
    return values, codes


def _buffers(array: pa.Array) -> list[tuple[int, int] | None]:
    """Where an array's buffers are (address and size): the same for arrays sharing their data."""
    return [None if buffer is None else (buffer.address, buffer.size) for buffer in array.buffers()]
