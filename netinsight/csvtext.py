"""CSV as spreadsheets write it: encoding, delimiter, quoting, blank rows and physical lines.

Text is decoded as UTF-8 (with or without BOM), else Windows-1252. The delimiter (comma,
semicolon or tab) is found from the header line, or from Excel's ``sep=`` hint. Arrow's CSV
reader parses the records (UTF-8 bytes go to it as they are, checked by Arrow); a vectorised
quote-parity scan of the bytes, run beside the parse, gives the physical line where each
record starts. Ragged rows or stray quotes fall back to the csv module.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from netinsight.problems import LogReadError, make_problems
from netinsight.rawtable import RawTable, and_list, check_headers, drop_blank_rows, name_extra_columns

__all__ = ["decode_text", "read_csv_bytes", "read_csv_text", "record_lines"]

_DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")
#: Files from this size on are scanned for line breaks while Arrow parses them.
_PARALLEL_BYTES: Final = 1 << 22
#: A byte that is ASCII but not white space for `str.strip` (so the text is not blank).
_ASCII_TEXT: Final = re.compile(rb"[^\t\n\x0b\x0c\r\x1c-\x1f \x80-\xff]")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (BOM or not), else Windows-1252, else a clear `LogReadError`."""
    if data.startswith(b"PK\x03\x04"):
        msg = f"{name}: this is a zip or Excel file, not text; save it with the ending .xlsx or export it as CSV."
        raise LogReadError(msg)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            msg = (
                f"{name}:{line}: the file is neither UTF-8 nor Windows-1252 text (byte "
                f"{data[utf8_error.start]:#04x}); save it again as 'CSV UTF-8'."
            )
            raise LogReadError(msg) from None


def read_csv_bytes(data: bytes, name: str, *, required: Sequence[str] = ("date", "contact")) -> RawTable:
    """Parse a CSV file's bytes; the same as `read_csv_text` of `decode_text`, without decoding UTF-8.

    UTF-8 files go to Arrow's CSV reader as they are (Arrow checks the encoding); files in
    another encoding are decoded first.

    Parameters
    ----------
    data
        The file's bytes.
    name
        The file name used in messages.
    required
        The columns the caller needs, named in the message about an empty file.

    Returns
    -------
    RawTable

    Raises
    ------
    LogReadError
        When the file is not text, is empty, has no header or two columns share a header.

    Examples
    --------
    >>> t = read_csv_bytes("\\ufeffname;city\\r\\nZoë;Köln\\r\\n".encode(), "x.csv")
    >>> t.frame.to_dict("list"), t.lines.tolist()
    ({'name': ['Zoë'], 'city': ['Köln']}, [2])
    """
    if not data.startswith(b"PK\x03\x04"):
        table = _read_utf8(data.removeprefix(codecs.BOM_UTF8), name, first_line=1, required=required)
        if table is not None:
            return table
    return read_csv_text(decode_text(data, name), name, required=required)


def read_csv_text(
    text: str, name: str, *, first_line: int = 1, required: Sequence[str] = ("date", "contact")
) -> RawTable:
    """Parse CSV text whose first non-blank line is the header.

    Parameters
    ----------
    text
        The decoded text.
    name
        The file name used in messages.
    first_line
        The physical line number of the first line of `text` (for text cut from a
        longer file, like a LinkedIn export after its preamble).
    required
        The columns the caller needs, named in the message about an empty file.

    Returns
    -------
    RawTable

    Raises
    ------
    LogReadError
        When there is no header or two columns share a header.

    Examples
    --------
    >>> t = read_csv_text('name,notes\\nAna,"met at cafe, nice"\\n', "x.csv")
    >>> t.frame.to_dict("list"), t.lines.tolist()
    ({'name': ['Ana'], 'notes': ['met at cafe, nice']}, [2])
    """
    table = _read_utf8(text.encode("utf-8"), name, first_line=first_line, required=required)
    if table is None:  # pragma: no cover - text encodes to valid UTF-8
        msg = f"{name}: the text cannot be encoded as UTF-8."
        raise LogReadError(msg)
    return table


def _read_utf8(data: bytes, name: str, *, first_line: int, required: Sequence[str]) -> RawTable | None:
    """Parse UTF-8 bytes (no BOM); None when they are not UTF-8."""
    stripped = data.lstrip(b"\r\n")
    first_line += data.count(b"\n", 0, len(data) - len(stripped))
    data = stripped
    try:
        head_bytes = _first_line(data)
        head = head_bytes.decode("utf-8")
        if head.strip().lower().startswith("sep=") and len(head.strip()) == 5:
            delimiter = head.strip()[4]
            data, first_line = data[len(head_bytes) + 1 :], first_line + 1
            head = _first_line(data).decode("utf-8")
        else:
            delimiter = max(_DELIMITERS, key=lambda d: (head.count(d), d == ","))
        blank = _ASCII_TEXT.search(data) is None and not data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return None
    if blank:
        msg = f"{name}: the file is empty; it needs a header line and at least the columns {and_list(required)}."
        raise LogReadError(msg)
    rows, lines, skipped = _parse_fast(data, head, delimiter)
    if rows is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        rows, lines = _parse_robust(text, delimiter)
        skipped = np.zeros(0, dtype=np.int64)  # the csv module keeps empty lines as rows
    lines = lines + (first_line - 1)
    header = [str(h).strip() for h in rows.iloc[0]]
    body = rows.iloc[1:]
    line_nos = lines[1:]
    problems: list[pd.DataFrame] = []
    check_headers(header, name, lines[0])
    header, body, ragged = name_extra_columns(header, body)
    if ragged.any():
        problems.append(
            make_problems(
                code="too_many_fields",
                file=name,
                line=line_nos[ragged],
                value=[len(header)] * int(ragged.sum()),
                message=(
                    f"the row has more fields than the header; the extra values are kept in columns "
                    f"{[h for h in header if h.startswith('column_')]}; quote values that contain "
                    f"{delimiter!r} or add headers"
                ),
            )
        )
    body.columns = pd.Index(header)
    table = RawTable(body.reset_index(drop=True), line_nos, name, problems, header_line=int(lines[0]))
    return drop_blank_rows(table, skipped=skipped[skipped > lines[0] - first_line + 1] + (first_line - 1))


def _first_line(data: bytes) -> bytes:
    """The bytes before the first line break (all of them when there is none), without copying the rest."""
    end = data.find(b"\n")
    return data if end < 0 else data[:end]


def _parse_fast(
    data: bytes, head: str, delimiter: str
) -> tuple[pd.DataFrame | None, np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """Parse with Arrow's CSV reader; locate records with a vectorised quote-parity scan.

    Returns the rows (None when the file needs the robust reader), the physical start line
    of each row and the lines of the empty lines the reader skipped.
    """
    columns = len(next(csv.reader([head], delimiter=delimiter)))
    if len(data) >= _PARALLEL_BYTES:  # the line scan (NumPy) runs beside Arrow's parse
        with ThreadPoolExecutor(max_workers=1) as pool:
            scan = pool.submit(record_lines, data)
            table = _arrow_read(data, delimiter, columns)
            starts, skipped = scan.result()
    else:
        table = _arrow_read(data, delimiter, columns)
        starts, skipped = record_lines(data)
    none = np.zeros(0, dtype=np.int64)
    if table is None or table.num_columns != columns:
        return None, none, none
    if table.num_rows != len(starts):
        return None, none, none
    rows = pd.DataFrame({i: pd.array(table.column(i), dtype="str") for i in range(columns)})  # no copies
    return rows, starts, skipped


def _arrow_read(data: bytes, delimiter: str, columns: int) -> pa.Table | None:
    """Every field as text; None when Arrow cannot parse the file (ragged rows, bad UTF-8).

    Blocks are first split at every line break (parallel); when a quoted value holds a line
    break Arrow reports it, and the file is read again with line breaks allowed in values.
    """
    for newlines_in_values in (False, True):
        try:
            return pacsv.read_csv(
                pa.BufferReader(data),
                read_options=pacsv.ReadOptions(autogenerate_column_names=True),
                parse_options=pacsv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=newlines_in_values, ignore_empty_lines=True
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={f"f{i}": pa.large_string() for i in range(columns)},  # pandas' own text type
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
        except (pa.ArrowInvalid, ValueError):
            continue
    return None


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


def _parse_robust(text: str, delimiter: str) -> tuple[pd.DataFrame, np.ndarray[Any, np.dtype[np.int64]]]:
    """Parse with the csv module: slower, but handles ragged rows and stray quotes."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    starts: list[int] = []
    end = 0
    for record in reader:
        starts.append(end + 1)
        end = reader.line_num
        records.append(record)
    width = max(len(r) for r in records)
    padded = [r + [""] * (width - len(r)) for r in records]
    return pd.DataFrame(padded, dtype=str), np.asarray(starts, dtype=np.int64)


def _positions(raw: np.ndarray[Any, np.dtype[np.uint8]], byte: int) -> np.ndarray[Any, np.dtype[np.intp]]:
    """Where `byte` occurs in `raw`, scanned in blocks so that no file-sized mask is ever built."""
    block = 1 << 23
    found = [np.flatnonzero(raw[start : start + block] == byte) + start for start in range(0, len(raw), block)]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)
