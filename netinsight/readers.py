"""Raw tables from files: CSV, Excel, JSON / JSON Lines, Parquet and DataFrames.

`read_table` chooses the reader from the file's ending and returns a `RawTable` (cells as
text, headers as written, the line of every row); CSV itself lives in `netinsight.csvtext`.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.csvtext import Encode, decode_text, read_csv_file, read_csv_text
from netinsight.problems import LogReadError, make_problems
from netinsight.rawtable import RawTable, and_list, cell_text, check_headers, drop_blank_rows, name_extra_columns

__all__ = ["SUFFIXES", "RawTable", "frame_to_raw", "read_csv_text", "read_table"]

#: File endings `read_table` understands, by reader.
SUFFIXES: Final[dict[str, tuple[str, ...]]] = {
    "csv": (".csv", ".tsv", ".txt"),
    "excel": (".xlsx", ".xlsm"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "parquet": (".parquet", ".pq"),
}


def read_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    display_name: str | None = None,
    required: Sequence[str] = ("date", "contact"),
    encode: Encode | None = None,
) -> RawTable:
    """Read one file into a `RawTable`, choosing the reader from its ending.

    Parameters
    ----------
    path
        A .csv/.tsv/.txt, .xlsx/.xlsm, .json, .jsonl/.ndjson or .parquet file.
    sheet
        Excel only: the sheet name or 0-based position (default: the first sheet).
    display_name
        The file name used in messages (default: the path as given).
    required
        The columns the caller needs, named in the message about an empty file.
    encode
        CSV only: given the headers, names those whose columns are read as categoricals of
        their text (see `netinsight.csvtext.read_csv_bytes`); None reads all as text.

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
        return read_csv_file(path, name, required=required, encode=encode)
    if suffix in SUFFIXES["excel"]:
        return _read_excel(path, name, sheet, required)
    if suffix in SUFFIXES["json"] or suffix in SUFFIXES["jsonl"]:
        return _read_json(path, name, lines=suffix in SUFFIXES["jsonl"], required=required)
    if suffix in SUFFIXES["parquet"]:
        return _read_parquet(path, name)
    known = ", ".join(s for group in SUFFIXES.values() for s in group)
    msg = f"{name}: cannot read files ending in {suffix or '(nothing)'!r}; save it as one of {known}."
    raise LogReadError(msg)


def _read_excel(path: Path, name: str, sheet: str | int | None, required: Sequence[str]) -> RawTable:
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
        records = [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    sheet_name = f"{name}[{ws.title}]" if len(names) > 1 else name
    first = next((i for i, r in enumerate(records) if any(str(v).strip() for v in r)), None)
    if first is None:
        msg = f"{sheet_name}: the sheet is empty; it needs a header row and at least the columns {and_list(required)}."
        raise LogReadError(msg)
    header = [str(h).strip() for h in records[first]]
    width = max(len(r) for r in records)
    header += [""] * (width - len(header))
    body = pd.DataFrame([r + [""] * (width - len(r)) for r in records[first + 1 :]], columns=range(width), dtype=object)
    lines = np.arange(first + 2, len(records) + 1, dtype=np.int64)
    check_headers(header, sheet_name, first + 1)
    header, body, _ = name_extra_columns(header, body)
    body.columns = pd.Index(header)
    return drop_blank_rows(RawTable(body.reset_index(drop=True), lines, sheet_name, header_line=first + 1))


def _read_json(path: Path, name: str, *, lines: bool, required: Sequence[str]) -> RawTable:
    text = decode_text(path.read_bytes(), name)
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
        msg = f"{name}: the file holds no records; it needs at least the fields {and_list(required)}."
        raise LogReadError(msg)
    columns = list(dict.fromkeys(k for r in records for k in r))
    frame = pd.DataFrame(
        {str(c): [cell_text(r.get(c)) for r in records] for c in columns},
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
    return drop_blank_rows(table)


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
    frame = pd.DataFrame(frame)  # the same columns without attrs: pandas deep-copies attrs at every column taken
    columns: dict[str, pd.Series[Any]] = {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            columns[str(col)] = values.dt.tz_localize(None) if values.dt.tz is not None else values
        else:
            objects = values.astype(object)
            present = objects.notna().to_numpy()
            columns[str(col)] = objects.map(cell_text, na_action="ignore").where(present, "")
    raw = pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))
    lines = np.arange(1, len(frame) + 1, dtype=np.int64)
    table = RawTable(raw, lines, name)
    if {"source_file", "source_line"} <= set(frame.columns):
        known = frame["source_line"].notna().to_numpy() & frame["source_file"].notna().to_numpy()
        table.lines = np.where(known, pd.to_numeric(frame["source_line"], errors="coerce").fillna(0), lines)
        table.files = np.where(known, frame["source_file"].astype(object), name).astype(object)
    return drop_blank_rows(table)
