"""CSV as spreadsheets write it: encoding, delimiter, quoting, blank rows and physical lines.

Text is decoded as UTF-8 (with or without BOM), else Windows-1252. The delimiter (comma,
semicolon or tab) is found from the header line, or from Excel's ``sep=`` hint. Arrow's CSV
reader parses the records; a vectorised quote-parity scan of the bytes gives the physical
line where each record starts. Ragged rows or stray quotes fall back to the csv module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from netinsight.problems import LogReadError, make_problems
from netinsight.rawtable import RawTable, and_list, check_headers, drop_blank_rows, name_extra_columns

__all__ = ["decode_text", "read_csv_text"]

_DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")


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
    stripped = text.lstrip("\r\n")
    first_line += text[: len(text) - len(stripped)].count("\n")
    text = stripped
    head, _, rest = text.partition("\n")
    if head.strip().lower().startswith("sep=") and len(head.strip()) == 5:
        delimiter = head.strip()[4]
        text, first_line = rest, first_line + 1
        head = text.partition("\n")[0]
    else:
        delimiter = max(_DELIMITERS, key=lambda d: (head.count(d), d == ","))
    if not text.strip():
        msg = f"{name}: the file is empty; it needs a header line and at least the columns {and_list(required)}."
        raise LogReadError(msg)
    rows, lines, skipped = _parse_fast(text.encode("utf-8"), delimiter)
    if rows is None:
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


def _parse_fast(
    data: bytes, delimiter: str
) -> tuple[pd.DataFrame | None, np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """Parse with Arrow's CSV reader; locate records with a vectorised quote-parity scan.

    Returns the rows (None when the file needs the robust reader), the physical start line
    of each row and the lines of the empty lines the reader skipped.
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(raw == 10)
    quotes = np.flatnonzero(raw == 34)
    breaks = newlines[np.searchsorted(quotes, newlines) % 2 == 0]  # even number of quotes before: outside a field
    seg_start = np.concatenate([[0], breaks + 1]).astype(np.int64)
    seg_end = np.concatenate([breaks, [len(raw)]]).astype(np.int64)
    length = seg_end - seg_start
    carriage_only = (length == 1) & (raw[np.minimum(seg_start, max(len(raw) - 1, 0))] == 13)
    empty = (length == 0) | carriage_only
    line = (np.searchsorted(newlines, seg_start) + 1).astype(np.int64)
    final = np.zeros(len(empty), dtype=bool)
    final[-1] = True  # the nothing after a last line break is not a blank line
    skipped = line[empty & ~final]
    starts = line[~empty]
    columns = len(
        next(csv.reader([data[: data.find(b"\n") if b"\n" in data else len(data)].decode()], delimiter=delimiter))
    )
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(columns)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, ValueError):
        return None, starts, skipped
    if table.num_rows != len(starts) or table.num_columns != columns:
        return None, starts, skipped
    rows = table.to_pandas()
    rows.columns = pd.RangeIndex(columns)
    return rows, starts, skipped


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
