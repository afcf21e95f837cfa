"""Physical lines of CSV records: the line where each record starts, found by counting or scanning bytes.

In the usual file every line holds one record, which counting line breaks proves without
locating any (`one_record_per_line`, also on a file read in blocks). Otherwise a vectorised
quote-parity scan locates every record (`record_lines`); it assumes quotes are balanced
(ragged or stray quotes are left to the csv module).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final, NamedTuple

import numpy as np

__all__ = ["LineScan", "file_blocks", "file_pieces", "one_record_per_line", "record_lines", "scan_lines"]

#: The size of the blocks a file is counted in.
_BLOCK: Final = 1 << 24
#: The size of the pieces of a block whose line feeds NumPy counts at once (they stay in cache).
_PIECE: Final = 1 << 20
#: The bytes decoded at once when checking for UTF-8 (`scan_lines`).
_DECODE: Final = 1 << 16


def file_blocks(path: Path) -> Iterator[bytes]:
    """The bytes of a file, block after block (never the whole file at once).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes(b"a,b\\n1,2\\n")
    >>> list(file_blocks(p))
    [b'a,b\\n1,2\\n']
    """
    with path.open("rb") as file:
        while block := file.read(_BLOCK):
            yield block


def file_pieces(path: Path) -> Iterator[bytearray]:
    """The bytes of a file, piece after piece, read into one buffer: a piece is valid until the next is read.

    Cheaper than `file_blocks` for a pass over the bytes (no new block to allocate, the piece in cache).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes(b"a,b\\n1,2\\n")
    >>> [bytes(piece) for piece in file_pieces(p)]
    [b'a,b\\n1,2\\n']
    """
    buffer = bytearray(_PIECE)
    with path.open("rb", buffering=0) as file:
        while size := file.readinto(buffer):
            yield buffer if size == len(buffer) else buffer[:size]


class LineScan(NamedTuple):
    """What one pass over CSV bytes found (`scan_lines`)."""

    #: The number of lines (a last line without a line break counts; no bytes at all, no line).
    lines: int
    #: Carriage returns without a line feed after them (old Mac line breaks, or stray ones).
    lone_returns: int
    #: Whether the bytes are UTF-8 text; None when not checked.
    utf8: bool | None

    def one_record_per_line(self, records: int) -> bool:
        """Whether each line holds one of the `records` (header included): see the function `one_record_per_line`.

        Examples
        --------
        >>> LineScan(lines=2, lone_returns=0, utf8=None).one_record_per_line(2)
        True
        """
        return self.lines == records and not self.lone_returns


def scan_lines(blocks: Iterable[bytes | bytearray], *, utf8: bool = False) -> LineScan:
    """Count the line breaks of CSV bytes, and check they are UTF-8 (`utf8`), in one pass.

    Checking here, a piece at a time while it is in cache, costs less than a parser's check of
    every value (Arrow's ``check_utf8``).

    Parameters
    ----------
    blocks
        The CSV bytes, in one or more consecutive blocks (see `file_blocks`, `file_pieces`); a
        character may be split between two blocks.
    utf8
        Whether to check that the bytes are UTF-8.

    Returns
    -------
    LineScan

    Examples
    --------
    >>> scan_lines([b"a,b\\r\\n1,\\xc3", b"\\xa9\\r"], utf8=True)
    LineScan(lines=2, lone_returns=1, utf8=True)
    >>> scan_lines([b"a,b\\n1,\\xe9\\n"], utf8=True).utf8, scan_lines([b"a,\\xc3"], utf8=True).utf8
    (False, False)
    """
    newlines = returns = pairs = 0
    last = b""
    decoder = codecs.getincrementaldecoder("utf-8")() if utf8 else None
    valid: bool | None = True if utf8 else None
    for block in blocks:
        if not block:
            continue
        newlines += _count_newlines(block)
        if b"\r" in block:
            returns += block.count(b"\r")
            pairs += block.count(b"\r\n")
        pairs += last == b"\r" and block.startswith(b"\n")  # a pair split between two blocks
        last = bytes(block[-1:])  # a copy: a piece of `file_pieces` is overwritten by the next
        if valid and decoder is not None:
            valid = _decodes(decoder, block)
    if valid and decoder is not None:
        valid = _decodes(decoder, b"", final=True)  # a character cut off at the end
    lines = newlines + (0 if last in (b"\n", b"") else 1)  # no bytes at all: no line
    return LineScan(lines, returns - pairs, valid)


def _decodes(decoder: codecs.IncrementalDecoder, block: bytes | bytearray, *, final: bool = False) -> bool:
    """Whether `block` decodes after what `decoder` has decoded so far (the text is dropped).

    Decoded a slice of `_DECODE` bytes at a time: the text of each slice reuses the memory of
    the last one (a text as large as a piece would be fresh memory again and again on a thread).
    """
    view = memoryview(block)
    try:
        for start in range(0, len(view), _DECODE):
            decoder.decode(view[start : start + _DECODE])
        decoder.decode(b"", final)
    except UnicodeDecodeError:
        return False
    return True


def one_record_per_line(blocks: Iterable[bytes | bytearray], records: int) -> bool:
    """Whether each line holds one of the `records` (header included), found by counting line breaks.

    Then there are no empty lines, no line breaks inside values and no lone carriage returns,
    and record k is on line k: counting bytes is cheaper than locating every record.

    Parameters
    ----------
    blocks
        The CSV bytes, in one or more consecutive blocks (see `file_blocks`, `file_pieces`).
    records
        The number of records a parser found, header included.

    Returns
    -------
    bool

    Examples
    --------
    >>> one_record_per_line([b"a,b\\r\\n1,2\\r\\n"], 2), one_record_per_line([b"a,b\\r", b"\\n1,2"], 2)
    (True, True)
    >>> one_record_per_line([b"a,b\\n\\n1,2\\n"], 2), one_record_per_line([b"a,b\\n1,2\\r3,4\\n"], 2)
    (False, False)
    """
    return scan_lines(blocks).one_record_per_line(records)


def _count_newlines(block: bytes | bytearray) -> int:
    """The number of line feeds in `block`: NumPy compares a piece at a time, in cache (`bytes.count` is slower).

    Examples
    --------
    >>> _count_newlines(b"a\\nb\\n\\n"), _count_newlines(b"")
    (3, 0)
    """
    raw = np.frombuffer(block, dtype=np.uint8)
    found = np.empty(min(len(raw), _PIECE), dtype=bool)
    count = 0
    for start in range(0, len(raw), _PIECE):
        piece = raw[start : start + _PIECE]
        count += int(np.count_nonzero(np.equal(piece, 10, out=found[: len(piece)])))
    return count


def record_lines(
    data: bytes,
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """The physical line where each CSV record starts, and the empty lines between records.

    A line break ends a record unless an odd number of quotes comes before it (it is then
    inside a quoted value). Lines are numbered from 1; a line that is empty or holds only a
    carriage return is empty; nothing after a last line break is not a line.

    Parameters
    ----------
    data
        The CSV bytes (UTF-8 or any ASCII-compatible encoding).

    Returns
    -------
    starts : numpy.ndarray
        The line of each record, header included.
    empty : numpy.ndarray
        The empty lines.

    Examples
    --------
    >>> starts, empty = record_lines(b'a,b\\n1,"x\\ny"\\n\\r\\n2,z\\n')
    >>> starts.tolist(), empty.tolist()
    ([1, 2, 5], [4])
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    newlines, quotes = (_positions(raw, byte) for byte in (10, 34))
    inside = np.searchsorted(quotes, newlines) % 2 == 1 if len(quotes) else np.zeros(len(newlines), dtype=bool)
    breaks = newlines[~inside] if inside.any() else newlines
    seg_start = np.concatenate([[0], breaks + 1]).astype(np.int64)
    length = np.concatenate([breaks, [len(raw)]]).astype(np.int64) - seg_start
    first_byte = raw[np.minimum(seg_start, len(raw) - 1)] if len(raw) else np.zeros(len(seg_start), dtype=np.uint8)
    carriage_only = (length == 1) & (first_byte == 13)
    empty = (length == 0) | carriage_only
    if inside.any():
        line = (np.searchsorted(newlines, seg_start) + 1).astype(np.int64)
    else:  # every line break ends a record: segment k starts on line k + 1
        line = np.arange(1, len(seg_start) + 1, dtype=np.int64)
    final = np.zeros(len(empty), dtype=bool)
    final[-1] = True  # the nothing after a last line break is not a blank line
    return line[~empty], line[empty & ~final]


def _positions(raw: np.ndarray[Any, np.dtype[np.uint8]], byte: int) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Where `byte` occurs in `raw`, scanned in blocks so that no file-sized mask is ever built."""
    block = 1 << 23
    found = [np.flatnonzero(raw[start : start + block] == byte) + start for start in range(0, len(raw), block)]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)
