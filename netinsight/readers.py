"""Raw tables from files: CSV, Excel, JSON / JSON Lines, Parquet and DataFrames.

A raw table keeps every cell as text (dates already typed by Excel or Parquet stay
datetimes), the headers exactly as written, and for every row the file and the physical
line it came from. Nothing is interpreted here; `netinsight.normalize` does that. CSV is
decoded as UTF-8 (with or without BOM), else cp1252, and its delimiter (comma, semicolon
or tab) is found from the header line. Blank rows are skipped and counted.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.problems import LogReadError, make_problems

__all__ = ["SUFFIXES", "RawTable", "frame_to_raw", "read_csv_text", "read_table"]

#: File endings `read_table` understands, by reader.
SUFFIXES: Final[dict[str, tuple[str, ...]]] = {
    "csv": (".csv", ".tsv", ".txt"),
    "excel": (".xlsx", ".xlsm"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "parquet": (".parquet", ".pq"),
}

_DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")


@dataclass
class RawTable:
    """Cells as found, headers as written, and where each row came from.

    Attributes
    ----------
    frame
        One column per header, cells as text ("" when empty) or datetimes.
    lines
        The 1-based physical line (CSV, JSON Lines), sheet row (Excel) or record
        number (JSON, Parquet, DataFrame) of each row.
    file
        The file name shown in messages.
    problems
        Problems found while reading (blank rows, ragged rows).
    files
        The file of each row, when rows come from several files (a log read before);
        None when every row comes from `file`.
    header_line
        The line of the header (CSV, Excel); None where headers have no line (JSON, ...).
    """

    frame: pd.DataFrame
    lines: np.ndarray[Any, np.dtype[np.int64]]
    file: str
    problems: list[pd.DataFrame] = field(default_factory=list)
    files: np.ndarray[Any, np.dtype[np.object_]] | None = None
    header_line: int | None = None


def read_table(path: str | Path, *, sheet: str | int | None = None, display_name: str | None = None) -> RawTable:
    """Read one file into a `RawTable`, choosing the reader from its ending.

    Parameters
    ----------
    path
        A .csv/.tsv/.txt, .xlsx/.xlsm, .json, .jsonl/.ndjson or .parquet file.
    sheet
        Excel only: the sheet name or 0-based position (default: the first sheet).
    display_name
        The file name used in messages (default: the path as given).

    Returns
    -------
    RawTable

    Raises
    ------
    LogReadError
        When the file is missing, of an unknown type, corrupt, undecodable, empty or has
        two columns with the same header.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = p.write_text("Date;Name\\n2026-01-05;Ana Ruiz\\n\\n2026-01-09;Ben Okafor\\n", encoding="utf-8")
    >>> t = read_table(p)
    >>> t.frame["Name"].tolist(), t.lines.tolist()
    (['Ana Ruiz', 'Ben Okafor'], [2, 4])
    """
    path = Path(path)
    name = display_name or str(path)
    if not path.is_file():
        msg = f"{name}: no such file; check the path."
        raise LogReadError(msg)
    suffix = path.suffix.lower()
    if suffix in SUFFIXES["csv"]:
        return read_csv_text(_decode(path.read_bytes(), name), name)
    if suffix in SUFFIXES["excel"]:
        return _read_excel(path, name, sheet)
    if suffix in SUFFIXES["json"] or suffix in SUFFIXES["jsonl"]:
        return _read_json(path, name, lines=suffix in SUFFIXES["jsonl"])
    if suffix in SUFFIXES["parquet"]:
        return _read_parquet(path, name)
    known = ", ".join(s for group in SUFFIXES.values() for s in group)
    msg = f"{name}: cannot read files ending in {suffix or '(nothing)'!r}; save it as one of {known}."
    raise LogReadError(msg)


def _decode(data: bytes, name: str) -> str:
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


def read_csv_text(text: str, name: str, *, first_line: int = 1) -> RawTable:
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
        msg = f"{name}: the file is empty; it needs a header line and at least the columns date and contact."
        raise LogReadError(msg)
    rows, lines = _parse_fast(text, delimiter)
    if rows is None:
        rows, lines = _parse_robust(text, delimiter)
    lines = lines + (first_line - 1)
    header = [str(h).strip() for h in rows.iloc[0]]
    body = rows.iloc[1:]
    line_nos = lines[1:]
    problems: list[pd.DataFrame] = []
    _check_headers(header, name, lines[0])
    header, body, ragged = _name_extra_columns(header, body)
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
    return _drop_blank_rows(RawTable(body.reset_index(drop=True), line_nos, name, problems, header_line=int(lines[0])))


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


def _check_headers(header: list[str], name: str, line: int) -> None:
    counts = Counter(h.casefold() for h in header if h)
    duplicates = sorted({h for h in header if counts[h.casefold()] > 1})
    if duplicates:
        msg = f"{name}:{line}: the header {duplicates} appears more than once; rename or delete the extra columns."
        raise LogReadError(msg)


def _name_extra_columns(
    header: list[str], body: pd.DataFrame
) -> tuple[list[str], pd.DataFrame, np.ndarray[Any, np.dtype[np.bool_]]]:
    """Name columns without a header ``column_N``, drop them when empty, flag ragged rows.

    A row is ragged when it has values beyond the last named header.
    """
    unnamed = [i for i, h in enumerate(header) if not h]
    if not unnamed:
        return header, body, np.zeros(len(body), dtype=bool)
    filled = body.iloc[:, unnamed].astype(str).apply(lambda s: s.str.strip().ne("")).to_numpy()
    keep = [i for i, h in enumerate(header) if h] + [i for k, i in enumerate(unnamed) if filled[:, k].any()]
    keep.sort()
    last_named = max((i for i, h in enumerate(header) if h), default=-1)
    beyond = [k for k, i in enumerate(unnamed) if i > last_named]
    ragged = filled[:, beyond].any(axis=1) if beyond else np.zeros(len(body), dtype=bool)
    return [header[i] or f"column_{i + 1}" for i in keep], body.iloc[:, keep], ragged


def _drop_blank_rows(table: RawTable) -> RawTable:
    frame = table.frame
    if frame.shape[1] == 0 or len(frame) == 0:
        return table
    text_cols = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object]
    blank = np.ones(len(frame), dtype=bool)
    for col in frame.columns:
        values = frame[col]
        if col in text_cols:
            blank &= (values.isna() | values.astype(str).str.strip().eq("")).to_numpy()
        else:
            blank &= values.isna().to_numpy()
    if not blank.any():
        return table
    lines = table.lines[blank]
    shown = ", ".join(str(n) for n in lines[:10]) + (", ..." if len(lines) > 10 else "")
    note = make_problems(
        code="blank_rows",
        file=table.file,
        line=int(lines[0]),
        value=int(blank.sum()),
        message=f"{int(blank.sum())} blank row(s) skipped (line {shown})",
    )
    keep = ~blank
    files = None if table.files is None else table.files[keep]
    return RawTable(
        frame[keep].reset_index(drop=True),
        table.lines[keep],
        table.file,
        [*table.problems, note],
        files,
        table.header_line,
    )


def _cell_text(value: object) -> object:
    """Excel / JSON cell -> text, keeping datetimes (already typed by the source)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(_cell_text(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):
        return pd.Timestamp(value)  # type: ignore[arg-type]
    return str(value)


def _read_excel(path: Path, name: str, sheet: str | int | None) -> RawTable:
    from openpyxl import load_workbook  # heavy: imported only when an Excel file is read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError) as exc:
        msg = f"{name}: not a readable .xlsx workbook ({exc}); open it in Excel and save it again as .xlsx."
        raise LogReadError(msg) from None
    try:
        names = book.sheetnames
        if sheet is None:
            ws = book.worksheets[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                msg = f"{name}: `sheet` {sheet} is out of range; the workbook has sheets {names}."
                raise LogReadError(msg)
            ws = book.worksheets[sheet]
        elif sheet in names:
            ws = book[sheet]
        else:
            msg = f"{name}: no sheet named {sheet!r}; the workbook has sheets {names}."
            raise LogReadError(msg)
        records = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    sheet_name = f"{name}[{ws.title}]" if len(names) > 1 else name
    first = next((i for i, r in enumerate(records) if any(str(v).strip() for v in r)), None)
    if first is None:
        msg = f"{sheet_name}: the sheet is empty; it needs a header row and at least the columns date and contact."
        raise LogReadError(msg)
    header = [str(h).strip() for h in records[first]]
    width = max(len(r) for r in records)
    header += [""] * (width - len(header))
    body = pd.DataFrame([r + [""] * (width - len(r)) for r in records[first + 1 :]], columns=range(width), dtype=object)
    lines = np.arange(first + 2, len(records) + 1, dtype=np.int64)
    _check_headers(header, sheet_name, first + 1)
    header, body, _ = _name_extra_columns(header, body)
    body.columns = pd.Index(header)
    return _drop_blank_rows(RawTable(body.reset_index(drop=True), lines, sheet_name, header_line=first + 1))


def _read_json(path: Path, name: str, *, lines: bool) -> RawTable:
    text = _decode(path.read_bytes(), name)
    records: list[dict[str, Any]] = []
    line_nos: list[int] = []
    blank: list[int] = []
    if lines:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                blank.append(number)
                continue
            record = _json_value(line, name, number)
            if not isinstance(record, dict):
                msg = f"{name}:{number}: each line must be one JSON object {{...}}, found {type(record).__name__}."
                raise LogReadError(msg)
            records.append(record)
            line_nos.append(number)
    else:
        data = _json_value(text, name, None)
        if isinstance(data, dict):
            lists = [v for v in data.values() if isinstance(v, list)]
            data = lists[0] if len(lists) == 1 else data
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            msg = f'{name}: expected a JSON array of records like [{{"date": ..., "contact": ...}}, ...].'
            raise LogReadError(msg)
        records = data
        line_nos = list(range(1, len(records) + 1))
    if not records:
        msg = f"{name}: the file holds no records; it needs at least the fields date and contact."
        raise LogReadError(msg)
    columns = list(dict.fromkeys(k for r in records for k in r))
    frame = pd.DataFrame(
        {str(c): [_cell_text(r.get(c)) for r in records] for c in columns},
        dtype=object,
    )
    table = RawTable(frame, np.asarray(line_nos, dtype=np.int64), name)
    if blank:
        table.problems.append(
            make_problems(
                code="blank_rows",
                file=name,
                line=blank[0],
                value=len(blank),
                message=f"{len(blank)} blank line(s) skipped",
            )
        )
    return _drop_blank_rows(table)


def _json_value(text: str, name: str, line: int | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{name}:{line if line is not None else exc.lineno}"
        msg = f"{where}: not valid JSON ({exc.msg}, column {exc.colno}); fix the syntax there."
        raise LogReadError(msg) from None


def _read_parquet(path: Path, name: str) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several unrelated types for corrupt files
        msg = f"{name}: not a readable Parquet file ({type(exc).__name__}: {exc})."
        raise LogReadError(msg) from None
    return frame_to_raw(frame, name)


def frame_to_raw(frame: pd.DataFrame, name: str) -> RawTable:
    """Turn an in-memory table into a `RawTable` (datetime columns stay datetimes).

    Parameters
    ----------
    frame
        Any DataFrame; it is not modified. Its row positions become the line numbers,
        unless it has ``source_file`` / ``source_line`` columns (a log read before).
    name
        The name shown in messages.

    Returns
    -------
    RawTable

    Examples
    --------
    >>> t = frame_to_raw(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"], "n": [3.0]}), "<df>")
    >>> t.frame.iloc[0].tolist(), t.lines.tolist()
    (['2026-01-05', 'Ana', '3'], [1])
    """
    if frame.columns.duplicated().any():
        dupes = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
        msg = f"{name}: the columns {dupes} appear more than once; rename or drop the extra columns."
        raise LogReadError(msg)
    columns: dict[str, pd.Series[Any]] = {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            columns[str(col)] = values.dt.tz_localize(None) if values.dt.tz is not None else values
        else:
            objects = values.astype(object)
            present = objects.notna().to_numpy()
            columns[str(col)] = objects.map(_cell_text, na_action="ignore").where(present, "")
    raw = pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))
    lines = np.arange(1, len(frame) + 1, dtype=np.int64)
    table = RawTable(raw, lines, name)
    if {"source_file", "source_line"} <= set(frame.columns):
        known = frame["source_line"].notna().to_numpy() & frame["source_file"].notna().to_numpy()
        table.lines = np.where(known, pd.to_numeric(frame["source_line"], errors="coerce").fillna(0), lines)
        table.files = np.where(known, frame["source_file"].astype(object), name).astype(object)
    return _drop_blank_rows(table)
