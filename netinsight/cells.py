"""Cells that hold several values: follow-up dates and outcomes, read into Arrow list columns.

A cell is split on separators (``;``, ``,``, ``|``, line breaks; outcomes also on ``/``,
"and", ``&``), each piece is read once per distinct cell, and every piece that cannot be
read is reported at its row, pieces of one row in the order written.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight import dates as _dates
from netinsight.distinct import Distinct, map_distinct
from netinsight.problems import make_problems
from netinsight.schema import OUTCOME_ALIASES, header_key, vocabulary_table
from netinsight.values import Locate, date_problems, list_column

__all__ = ["follow_up_dates", "outcomes", "piece_rows"]

_OUTCOMES: Final = vocabulary_table(OUTCOME_ALIASES)


def _split_cells(values: pd.Series[Any], pattern: str) -> tuple[pd.Series[Any], np.ndarray[Any, np.dtype[np.int64]]]:
    """Split each cell on the RE2 `pattern`; return the non-empty pieces and the row of each."""
    array = pa.array(values.astype("str"), type=pa.string(), from_pandas=True)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    lists = pc.split_pattern_regex(array, pattern=pattern)
    pieces = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    rows = pc.list_parent_indices(lists)
    keep = pc.not_equal(pieces, "")
    pieces, rows = pieces.filter(keep), rows.filter(keep)
    return pd.Series(pieces.to_pandas(), dtype="str"), rows.to_numpy().astype(np.int64)


def piece_rows(
    owner: np.ndarray[Any, Any], codes: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, np.dtype[np.intp]], np.ndarray[Any, np.dtype[np.intp]]]:
    """Spread pieces of distinct cells to the rows holding those cells, in row order.

    Parameters
    ----------
    owner
        For each piece, the distinct cell it comes from (ascending).
    codes
        For each row, its distinct cell.

    Returns
    -------
    rows : numpy.ndarray
        The row of each spread piece (ascending; a row repeats once per piece).
    pieces : numpy.ndarray
        The piece (a position in `owner`) at each of those rows, in the order written.

    Examples
    --------
    >>> rows, pieces = piece_rows(np.array([0, 0, 2]), np.array([2, 1, 0, 2]))
    >>> rows.tolist(), pieces.tolist()
    ([0, 2, 2, 3], [2, 0, 1, 2])
    """
    n_cells = int(codes.max()) + 1 if len(codes) else 0
    counts = np.bincount(owner, minlength=n_cells).astype(np.intp) if len(owner) else np.zeros(n_cells, np.intp)
    first = np.cumsum(counts) - counts
    per_row = counts[codes]
    rows = np.repeat(np.arange(len(codes), dtype=np.intp), per_row)
    within = np.arange(len(rows), dtype=np.intp) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    return rows, first[codes[rows]] + within


def follow_up_dates(
    values: Distinct | None, n: int, dayfirst: bool | None, problems: list[pd.DataFrame], locate: Locate
) -> Distinct:
    """Read cells of several dates into a list of dates per row; report the pieces that are not dates."""
    if values is None:
        return Distinct(
            list_column(np.zeros(0, dtype=np.int64), pa.array([], pa.timestamp("ns")), 1), np.zeros(n, np.intp)
        )
    cells = values.values
    if pd.api.types.is_datetime64_any_dtype(cells):
        cells = cells.dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    # ";" and "," separate dates, but not the comma before the year in "Mar 1, 2026" / "1 Mar, 2026"
    text = pa.array(cells.astype("str"), type=pa.string(), from_pandas=True)
    text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
    for pattern in (
        r"([A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?),(\s*\d{4})",
        r"(\d{1,2}[ -][A-Za-z]{3,9}\.?),(\s*\d{4})",
    ):
        text = pc.replace_substring_regex(text, pattern=pattern, replacement=r"\1\2")
    pieces, cell_of = _split_cells(pd.Series(text.to_pandas(), dtype="str"), r"[;,|\n]")
    parsed, status = _dates.parse_dates(pieces, dayfirst=dayfirst)
    flagged = (status == _dates.BAD) | (status == _dates.AMBIGUOUS)
    if flagged.any():
        rows, at = piece_rows(cell_of[flagged], values.codes)
        found = pieces.to_numpy(dtype=object)[flagged][at]
        date_problems("follow_up_date", found, status[flagged][at], rows, problems, locate)
    ok = status == _dates.OK
    return Distinct(
        list_column(cell_of[ok], pa.array(parsed.to_numpy()[ok], pa.timestamp("ns")), len(cells)), values.codes
    )


def outcomes(values: Distinct, problems: list[pd.DataFrame], locate: Locate) -> Distinct:
    """Read cells of several outcomes into a list of canonical outcomes; unknown ones are kept and reported."""
    cells = values.values
    pieces, cell_of = _split_cells(cells, r"[;,|/\n]|\band\b|&")
    known = pd.Series(map_distinct(pieces, lambda u: u.map(lambda v: _OUTCOMES.get(header_key(v)))), dtype=object)
    unknown = known.isna().to_numpy()
    if unknown.any():
        rows, at = piece_rows(cell_of[unknown], values.codes)
        problems.append(
            make_problems(
                code="unknown_value",
                value=pieces.to_numpy(dtype=object)[unknown][at],
                message=f"not a known outcome; kept as written; known outcomes: {list(OUTCOME_ALIASES)}",
                **locate("outcome", rows),
            )
        )
    labels = known.fillna(pieces)
    return Distinct(
        list_column(cell_of, pa.array(labels.to_numpy(dtype=object), pa.string()), len(cells)), values.codes
    )
