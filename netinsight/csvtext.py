"""CSV as spreadsheets write it: encoding, delimiter, quoting, blank rows and physical lines.

Text is decoded as UTF-8 (with or without BOM), else Windows-1252. The delimiter (comma,
semicolon or tab) is found from the header line, or from Excel's ``sep=`` hint. pandas' C
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
    rows, lines = _parse_fast(text, delimiter)
    if rows is None:
        rows, lines = _parse_robust(text, delimiter)
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
    return drop_blank_rows(RawTable(body.reset_index(drop=True), line_nos, name, problems, header_line=int(lines[0])))


def _parse_fast(text: str, delimiter: str) -> tuple[pd.DataFrame | None, np.ndarray[Any, np.dtype[np.int64]]]:
    """Parse with pandas' C reader; locate records with a vectorised quote-parity scan."""
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    newlines = np.flatnonzero(data == 10)
    quotes = np.flatnonzero(data == 34)
    breaks = newlines[np.searchsorted(quotes, newlines) % 2 == 0]  # even number of quotes before: outside a field
    starts = np.concatenate([[1], np.searchsorted(newlines, breaks) + 2]).astype(np.int64)
    if len(breaks) and breaks[-1] == len(data) - 1:
        starts = starts[:-1]
    try:
        rows = pd.read_csv(
            io.BytesIO(data.tobytes()),
            encoding="utf-8",
            sep=delimiter,
            header=None,
            dtype=str,
            na_filter=False,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None, starts
    if len(rows) != len(starts):
        return None, starts
    return rows, starts


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
