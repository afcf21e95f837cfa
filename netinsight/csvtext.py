"""CSV as spreadsheets write it: encoding, delimiter, quoting, blank rows and physical lines.

Text is decoded as UTF-8 (with or without BOM), else Windows-1252. The delimiter (comma,
semicolon or tab) is found from the header line, or from Excel's ``sep=`` hint. Arrow's CSV
reader parses the records (UTF-8 as it is; a file block by block, without holding its bytes,
while one pass over them checks they are UTF-8 and counts their lines); `netinsight.csvlines`
gives the physical line where each record starts. Ragged rows or stray quotes fall back to the
csv module, which needs the whole text.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.csvarrow import arrow_read, header_and_body
from netinsight.csvlines import file_pieces, one_record_per_line, record_lines, scan_lines
from netinsight.problems import LogReadError, make_problems
from netinsight.rawtable import RawTable, and_list, check_headers, drop_blank_rows, name_extra_columns
from netinsight.threads import in_background

__all__ = ["Encode", "decode_text", "read_csv_bytes", "read_csv_file", "read_csv_text", "record_lines"]

#: ``encode(headers)`` -> the headers whose columns to read as codes into their distinct values.
Encode = Callable[[Sequence[str]], Collection[str]]

_DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")
#: Files from this size on have the columns `encode` names read as codes (smaller ones all as text).
_CODE_BYTES: Final = 1 << 20
#: About the bytes of a log row written as CSV: a file's size over this is the rows it holds, roughly.
_ROW_BYTES: Final = 200
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


def read_csv_bytes(
    data: bytes, name: str, *, required: Sequence[str] = ("date", "contact"), encode: Encode | None = None
) -> RawTable:
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
    encode
        Given the headers, names those whose columns are read as categoricals of their text
        (Arrow codes them while parsing, so repeated cells cost no text); None reads all as text.

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
        table = _read_utf8(data.removeprefix(codecs.BOM_UTF8), name, first_line=1, required=required, encode=encode)
        if table is not None:
            return table
    return read_csv_text(decode_text(data, name), name, required=required, encode=encode)


def read_csv_file(
    path: Path, name: str, *, required: Sequence[str] = ("date", "contact"), encode: Encode | None = None
) -> RawTable:
    """Parse a CSV file; the same as `read_csv_bytes` of its bytes, without holding them all in memory.

    Arrow reads a UTF-8 file block by block. The whole file is read into memory only when
    Arrow cannot parse it as it is (another encoding, a ``sep=`` line, blank lines first,
    ragged rows), and its records are located only when some line does not hold exactly one.

    Parameters
    ----------
    path
        The file.
    name
        The file name used in messages.
    required
        The columns the caller needs, named in the message about an empty file.
    encode
        Given the headers, names those whose columns are read as categoricals (see `read_csv_bytes`).

    Returns
    -------
    RawTable

    Raises
    ------
    LogReadError
        When the file is not text, is empty, has no header or two columns share a header.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = p.write_bytes("\\ufeffname;city\\r\\nZoë;Köln\\r\\n\\r\\nAna;Lyon\\r\\n".encode())
    >>> t = read_csv_file(p, "log.csv")
    >>> t.frame.to_dict("list"), t.lines.tolist()
    ({'name': ['Zoë', 'Ana'], 'city': ['Köln', 'Lyon']}, [2, 4])
    """
    with path.open("rb") as file:
        first = file.read(1 << 16)
    try:
        head = _first_line(first.removeprefix(codecs.BOM_UTF8)).decode("utf-8")
    except UnicodeDecodeError:
        head = ""
    plain = head.strip()
    if first.startswith(b"PK\x03\x04") or not plain or head[0] in "\r\n" or plain.lower().startswith("sep="):
        return read_csv_bytes(path.read_bytes(), name, required=required, encode=encode)
    delimiter = max(_DELIMITERS, key=lambda d: (head.count(d), d == ","))
    names = [h.strip() for h in next(csv.reader([head], delimiter=delimiter))]
    size = path.stat().st_size
    wanted = _coded(encode, names, size)
    # a thread checks the bytes are UTF-8 and counts their line breaks (one pass) while Arrow parses them
    scan = in_background(lambda: scan_lines(file_pieces(path), utf8=True), rows=size // _ROW_BYTES)
    table = arrow_read(path, delimiter, len(names), {i for i, h in enumerate(names) if h in wanted}, check_utf8=False)
    lines = scan.result()
    if not lines.utf8 or table is None or table.num_columns != len(names) or not table.num_rows:
        return read_csv_bytes(path.read_bytes(), name, required=required, encode=encode)
    none = np.zeros(0, dtype=np.int64)
    header, body = header_and_body(table)
    if lines.one_record_per_line(table.num_rows):  # the header is row 0
        starts, skipped = np.arange(1, table.num_rows + 1, dtype=np.int64), none
    else:
        starts, skipped = record_lines(path.read_bytes())
        if len(starts) != table.num_rows:
            return read_csv_bytes(path.read_bytes(), name, required=required, encode=encode)
    return _raw_table(header, body, starts, skipped, name=name, first_line=1, delimiter=delimiter)


def read_csv_text(
    text: str,
    name: str,
    *,
    first_line: int = 1,
    required: Sequence[str] = ("date", "contact"),
    encode: Encode | None = None,
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
    encode
        Given the headers, names those whose columns are read as categoricals (see `read_csv_bytes`).

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
    table = _read_utf8(text.encode("utf-8"), name, first_line=first_line, required=required, encode=encode)
    if table is None:  # pragma: no cover - text encodes to valid UTF-8
        msg = f"{name}: the text cannot be encoded as UTF-8."
        raise LogReadError(msg)
    return table


def _read_utf8(
    data: bytes, name: str, *, first_line: int, required: Sequence[str], encode: Encode | None
) -> RawTable | None:
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
    parsed, lines, skipped = _parse_fast(data, head, delimiter, encode)
    if parsed is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        rows, lines = _parse_robust(text, delimiter)
        parsed = ([str(h) for h in rows.iloc[0]], rows.iloc[1:])
        skipped = np.zeros(0, dtype=np.int64)  # the csv module keeps empty lines as rows
    return _raw_table(*parsed, lines, skipped, name=name, first_line=first_line, delimiter=delimiter)


def _raw_table(
    header: list[str],
    body: pd.DataFrame,
    lines: np.ndarray[Any, np.dtype[np.int64]],
    skipped: np.ndarray[Any, np.dtype[np.int64]],
    *,
    name: str,
    first_line: int,
    delimiter: str,
) -> RawTable:
    """The raw table of the parsed header and rows; `lines`, the header's first, are counted from `first_line`."""
    lines = lines + (first_line - 1)
    header = [h.strip() for h in header]
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


def _coded(encode: Encode | None, names: list[str], size: int) -> set[str]:
    """The headers `encode` names, for a file of `size` bytes (none for small files: text is cheaper there)."""
    return set(encode(names)) if encode is not None and size >= _CODE_BYTES else set()


def _first_line(data: bytes) -> bytes:
    """The bytes before the first line break (all of them when there is none), without copying the rest."""
    end = data.find(b"\n")
    return data if end < 0 else data[:end]


def _parse_fast(
    data: bytes, head: str, delimiter: str, encode: Encode | None
) -> tuple[
    tuple[list[str], pd.DataFrame] | None, np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]
]:
    """Parse with Arrow's CSV reader; locate records with a vectorised quote-parity scan.

    Returns the header and the rows (None when the file needs the robust reader), the
    physical start line of each record (the header's first) and the empty lines the reader skipped.
    """
    names = [h.strip() for h in next(csv.reader([head], delimiter=delimiter))]
    columns = len(names)
    wanted = _coded(encode, names, len(data))
    table = arrow_read(data, delimiter, columns, {i for i, h in enumerate(names) if h in wanted})
    none = np.zeros(0, dtype=np.int64)
    if table is None or table.num_columns != columns or not table.num_rows:
        return None, none, none
    if one_record_per_line([data], table.num_rows):  # the usual file (the header is row 0): no scan needed
        starts, skipped = np.arange(1, table.num_rows + 1, dtype=np.int64), none
    else:
        starts, skipped = record_lines(data)
    if table.num_rows != len(starts):
        return None, none, none
    return header_and_body(table), starts, skipped


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
