"""Byte-level checks on Arrow text: which values hold some ASCII characters, without a regex.

An Arrow text array keeps all its characters in one buffer; NumPy scans that buffer at memory
speed, where a regex kernel walks value by value. The cleaning steps use these checks to run a
regex only on the few values it can change (often none). Limits: only ASCII characters (bytes
below 0x80, which never occur inside a UTF-8 multi-byte character) can be looked for;
`loose_space_rows` may pick values that need nothing (any value with a non-ASCII first or last
character), never misses one that does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import numpy as np
import pyarrow as pa

__all__ = ["loose_space_rows", "rows_with_bytes", "text_bytes"]

#: The first printable ASCII byte ("!"), and how many there are ("!" to "~").
_PRINTABLE: Final = (np.uint8(ord("!")), np.uint8(ord("~") - ord("!") + 1))


def text_bytes(
    array: pa.Array,
) -> tuple[np.ndarray[Any, np.dtype[np.uint8]], np.ndarray[Any, np.dtype[np.int64]]]:
    """The characters of a text array as one byte buffer, and where each value starts in it.

    Parameters
    ----------
    array
        An Arrow ``string`` or ``large_string`` array (not chunked); nulls hold no bytes.

    Returns
    -------
    data : numpy.ndarray
        The bytes of all values, in order (a view, not a copy).
    offsets : numpy.ndarray
        ``len(array) + 1`` positions into `data`: value i is ``data[offsets[i]:offsets[i + 1]]``.

    Examples
    --------
    >>> data, offsets = text_bytes(pa.array(["ab", None, "c"]).slice(1))
    >>> bytes(data), offsets.tolist()
    (b'c', [0, 0, 1])
    """
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    _, offset_buffer, data_buffer = array.buffers()
    offsets: np.ndarray[Any, np.dtype[np.int64]] = np.frombuffer(offset_buffer, dtype=width)[
        array.offset : array.offset + len(array) + 1
    ].astype(np.int64, copy=False)
    start = int(offsets[0]) if len(offsets) else 0
    end = int(offsets[-1]) if len(offsets) else 0
    data: np.ndarray[Any, np.dtype[np.uint8]] = (
        np.frombuffer(data_buffer, dtype=np.uint8)[start:end] if data_buffer is not None else np.zeros(0, np.uint8)
    )
    return data, offsets - start


def rows_with_bytes(array: pa.Array, characters: Iterable[str], *, pairs: Iterable[str] = ()) -> np.ndarray[Any, Any]:
    """Which values hold one of the ASCII `characters`, or one of the two-character `pairs`.

    Parameters
    ----------
    array
        An Arrow ``string`` or ``large_string`` array (not chunked).
    characters
        Single ASCII characters to look for.
    pairs
        Two-character ASCII strings to look for (e.g. two spaces).

    Returns
    -------
    numpy.ndarray
        One boolean per value (False for nulls).

    Examples
    --------
    >>> rows_with_bytes(pa.array(["a?b", "a  b", "a b", None, "#"]), "?#", pairs=["  "]).tolist()
    [True, True, False, False, True]
    """
    data, offsets = text_bytes(array)
    hit = np.zeros(len(data), dtype=bool)
    for character in characters:
        hit |= data == _ascii(character)
    rows = np.zeros(len(array), dtype=bool)
    rows[np.searchsorted(offsets, np.flatnonzero(hit), side="right") - 1] = True
    for pair in pairs:
        first, second = (_ascii(c) for c in pair)
        at = np.flatnonzero((data[:-1] == first) & (data[1:] == second))
        row = np.searchsorted(offsets, at, side="right") - 1
        rows[row[at + 1 < offsets[row + 1]]] = True  # not a pair across the end of a value
    return rows


def loose_space_rows(array: pa.Array, *, runs: bool = True) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which values trimming white space at their ends (and collapsing its `runs` inside) may change.

    A value is picked when its first or last byte is not printable ASCII (white space, a
    control character, or a byte of a non-ASCII character, which may be Unicode white space)
    and, with `runs`, when it holds a control character or two bytes of ASCII white space or
    control in a row. Every value those steps change is picked; a few others may be (say, a
    name ending in "é"). Empty values and nulls are not picked.

    Parameters
    ----------
    array
        An Arrow ``string`` or ``large_string`` array (not chunked).
    runs
        Also pick values with white space other than single spaces inside.

    Returns
    -------
    numpy.ndarray
        One boolean per value.

    Examples
    --------
    >>> loose_space_rows(pa.array([" a", "a b", "a  b", "a\\tb", "", None, "Zoë", "b\\u00a0"])).tolist()
    [True, False, True, True, False, False, True, True]
    >>> loose_space_rows(pa.array([" a", "a  b", "a\\tb"]), runs=False).tolist()
    [True, False, False]
    """
    data, offsets = text_bytes(array)
    if not len(data):
        return np.zeros(len(array), dtype=bool)
    starts, ends = offsets[:-1], offsets[1:]
    first = np.take(data, starts, mode="clip") - _PRINTABLE[0]  # bytes "!" to "~" become 0 to 93, the others more
    last = np.take(data, ends - 1, mode="clip") - _PRINTABLE[0]
    rows: np.ndarray[Any, np.dtype[np.bool_]] = (ends > starts) & ((first >= _PRINTABLE[1]) | (last >= _PRINTABLE[1]))
    if runs:  # two white spaces in a row, or a control character (tab, line break, ...; at the very end: `last`)
        space = data <= ord(" ")
        inside = space[:-1] & space[1:]
        inside |= data[:-1] < ord(" ")
        found = np.flatnonzero(inside)
        if len(found):
            rows[np.searchsorted(offsets, found, side="right") - 1] = True
    return rows


def _ascii(character: str) -> int:
    code = ord(character)
    if len(character) != 1 or code >= 0x80:
        msg = f"`characters` must be single ASCII characters, not {character!r}."
        raise ValueError(msg)
    return code
