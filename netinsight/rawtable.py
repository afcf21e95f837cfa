"""The raw table every reader produces, and the clean-ups all readers share.

A raw table keeps every cell as text (dates already typed by Excel or Parquet stay
datetimes), the headers exactly as written, and for every row the file and the physical
line it came from. Nothing is interpreted here; `netinsight.normalize` does that.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from netinsight.problems import LogReadError, make_problems

__all__ = ["RawTable", "and_list", "cell_text", "check_headers", "drop_blank_rows", "name_extra_columns"]


@dataclass
class RawTable:
    """Cells as found, headers as written, and where each row came from.

    Attributes
    ----------
    frame
        One column per header, cells as text ("" when empty) or datetimes; a CSV reader
        asked to may give text as a categorical (the same cells, each distinct text once).
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


def and_list(words: Sequence[str]) -> str:
    """Join words for a message: "a", "a and b", "a, b and c".

    Examples
    --------
    >>> and_list(["date"]), and_list(["date", "contact"]), and_list(["a", "b", "c"])
    ('date', 'date and contact', 'a, b and c')
    """
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_headers(header: list[str], name: str, line: int) -> None:
    """Raise `LogReadError` when two headers are the same (ignoring case)."""
    counts = Counter(h.casefold() for h in header if h)
    duplicates = sorted({h for h in header if counts[h.casefold()] > 1})
    if duplicates:
        msg = f"{name}:{line}: the header {duplicates} appears more than once; rename or delete the extra columns."
        raise LogReadError(msg)


def name_extra_columns(
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


def drop_blank_rows(table: RawTable, *, skipped: np.ndarray[Any, Any] | None = None) -> RawTable:
    """Drop rows whose cells are all empty or blank, and note how many and where.

    Parameters
    ----------
    table
        The table read so far.
    skipped
        Lines the parser already skipped as empty; they are counted in the same note.

    Returns
    -------
    RawTable
    """
    frame = table.frame
    already = np.zeros(0, dtype=np.int64) if skipped is None else np.asarray(skipped, dtype=np.int64)
    if (frame.shape[1] == 0 or len(frame) == 0) and not len(already):
        return table
    rows = np.arange(len(frame)) if frame.shape[1] else np.zeros(0, dtype=np.intp)
    for col in frame.columns:  # each column checks only the rows blank so far
        if not len(rows):
            break
        values = frame[col] if len(rows) == len(frame) else frame[col].iloc[rows]
        if isinstance(values.dtype, pd.CategoricalDtype):  # text coded by the reader: each distinct text once
            blank = values.cat.categories.to_series().astype(str).str.strip().eq("").to_numpy()
            rows = rows[np.append(blank, True)[values.cat.codes.to_numpy()]]  # code -1 (missing) is blank
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            rows = rows[(values.isna() | values.astype(str).str.strip().eq("")).to_numpy()]
        else:
            rows = rows[values.isna().to_numpy()]
    blank = np.zeros(len(frame), dtype=bool)
    blank[rows] = True
    if not blank.any() and not len(already):
        return table
    lines = np.sort(np.concatenate([table.lines[blank], already]))
    shown = ", ".join(str(n) for n in lines[:10]) + (", ..." if len(lines) > 10 else "")
    note = make_problems(
        code="blank_rows",
        file=table.file,
        line=int(lines[0]),
        value=len(lines),
        message=f"{len(lines)} blank row(s) skipped (line {shown})",
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


def cell_text(value: object) -> object:
    """Excel / JSON cell -> text, keeping datetimes (already typed by the source)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(cell_text(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):
        return pd.Timestamp(value)  # type: ignore[arg-type]
    return str(value)
