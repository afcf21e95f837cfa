"""Reading the values of one column: text, dates, vocabularies, yes/no and numbers.

Each parser takes one column as its distinct values (`netinsight.distinct.Distinct`), reads
each distinct value once and returns the typed values for the same rows; every value it
cannot read is reported through ``locate(column, rows)`` (file, line and header of those
rows) into a list of problem tables, one problem per row, in row order. The row is always
kept. Work is vectorised with pandas and Arrow kernels. Lists in one cell (follow-up dates,
outcomes) are read in `netinsight.cells`; text cleaning lives in `netinsight.textclean`
(its functions are also importable from here).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight import dates as _dates
from netinsight.distinct import Distinct, map_distinct
from netinsight.problems import make_problems
from netinsight.schema import BOOLEAN_VALUES, header_key

__all__ = [
    "LIST_OF_DATES",
    "LIST_OF_TEXT",
    "Locate",
    "booleans",
    "date_column",
    "date_problems",
    "derive_sectors",
    "list_column",
    "numbers",
    "vocabulary",
]

#: The dtypes of the list columns.
LIST_OF_DATES: Final = pd.ArrowDtype(pa.list_(pa.timestamp("ns")))
LIST_OF_TEXT: Final = pd.ArrowDtype(pa.list_(pa.string()))

#: ``locate(column, rows)`` -> file, line and column of the rows (a mask or positions), for `make_problems`.
Locate = Callable[[str, Any], dict[str, Any]]

_HOW_TO_WRITE_DATES: Final = "write it as YYYY-MM-DD (e.g. 2026-03-14)"
_YEAR_OUT_OF_RANGE: Final = (
    f"the year is out of the supported range ({_dates.YEARS[0]}-{_dates.YEARS[1]}); check the year"
)


def list_column(rows: np.ndarray[Any, np.dtype[np.int64]], values: pa.Array, n: int) -> pd.Series[Any]:
    """Build an Arrow list column of `n` rows from flat values and the row of each.

    Parameters
    ----------
    rows
        The row (0 to n-1) of each value, in ascending order.
    values
        The flat values.
    n
        The number of rows; rows without values get an empty list.

    Returns
    -------
    pandas.Series

    Examples
    --------
    >>> list_column(np.array([0, 0, 2]), pa.array(["a", "b", "c"]), 3).tolist()
    [['a', 'b'], [], ['c']]
    """
    counts = np.bincount(rows, minlength=n) if len(rows) else np.zeros(n, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    array = pa.ListArray.from_arrays(pa.array(offsets), values)
    return pd.Series(pd.arrays.ArrowExtensionArray(array))


def date_column(
    col: str,
    values: Distinct | None,
    n: int,
    dayfirst: bool | None,
    problems: list[pd.DataFrame],
    locate: Locate,
    *,
    done: tuple[pd.Series[Any], np.ndarray[Any, Any]] | None = None,
) -> Distinct:
    """Read a date column (`n` rows; None when the file has none); report bad and ambiguous dates.

    `done` is `netinsight.dates.parse_dates` of the values, when already done (for several columns at once).
    """
    if values is None:
        return Distinct(pd.Series(np.full(1, np.datetime64("NaT"), dtype="datetime64[ns]")), np.zeros(n, np.intp))
    parsed, status = done if done is not None else _dates.parse_dates(values.values, dayfirst=dayfirst)
    flagged = values.at((status == _dates.BAD) | (status == _dates.AMBIGUOUS))
    if flagged.any():
        rows = np.flatnonzero(flagged)
        found = values.values.to_numpy(dtype=object)[values.codes[rows]]
        date_problems(col, found, status[values.codes[rows]], rows, problems, locate)
    return values.replace(parsed)


def date_problems(
    col: str,
    found: np.ndarray[Any, Any],
    status: np.ndarray[Any, Any],
    rows: np.ndarray[Any, Any],
    problems: list[pd.DataFrame],
    locate: Locate,
) -> None:
    """Report the bad, then the ambiguous dates: `found[i]`, read with `status[i]`, is on row `rows[i]`.

    Examples
    --------
    >>> found: list[pd.DataFrame] = []
    >>> date_problems("date", np.array(["soon", "03/04/2026"], dtype=object), np.array([_dates.BAD, _dates.AMBIGUOUS]),
    ...               np.array([4, 9]), found, lambda col, rows: {"file": "f.csv", "line": rows + 2, "column": col})
    >>> [p[["code", "line"]].values.tolist() for p in found]
    [[['bad_date', 6]], [['ambiguous_date', 11]]]
    >>> found = []
    >>> date_problems("date", np.array(["1600-01-01"], dtype=object), np.array([_dates.BAD]), np.array([0]), found,
    ...               lambda col, rows: {"file": "f.csv", "line": rows + 2, "column": col})
    >>> found[0]["message"].iloc[0]
    'the year is out of the supported range (1678-2261); check the year'
    """
    bad = status == _dates.BAD
    if bad.any():
        far = _dates.years_out_of_range(pd.Series(found[bad], dtype=object))
        problems.append(
            make_problems(
                code="bad_date",
                value=found[bad],
                message=np.where(
                    far, _YEAR_OUT_OF_RANGE, f"cannot read this as a date; {_HOW_TO_WRITE_DATES}"
                ).tolist(),
                **locate(col, rows[bad]),
            )
        )
    ambiguous = status == _dates.AMBIGUOUS
    if ambiguous.any():
        problems.append(
            make_problems(
                code="ambiguous_date",
                value=found[ambiguous],
                message=(
                    "this date reads both day-first and month-first; "
                    f"{_HOW_TO_WRITE_DATES}, or say which order the file uses (dayfirst=True/False, "
                    "--dayfirst / --monthfirst)"
                ),
                **locate(col, rows[ambiguous]),
            )
        )


def _report(
    values: Distinct,
    wrong: np.ndarray[Any, Any],
    problems: list[pd.DataFrame],
    locate: Locate,
    *,
    col: str,
    code: str,
    message: str,
) -> None:
    """Report the rows whose value is `wrong` (one flag per distinct value), with the value as written."""
    rows = values.at(wrong)
    if rows.any():
        written = values.values.to_numpy(dtype=object)[values.codes[rows]]
        problems.append(make_problems(code=code, value=written, message=message, **locate(col, rows)))


def derive_sectors(industry: Distinct, table: Mapping[str, str]) -> Distinct:
    """The sector of each industry as written (`table`: industry key -> sector), else the industry itself."""
    return industry.replace(map_distinct(industry.values, lambda u: u.map(lambda v: table.get(header_key(v), v))))


def vocabulary(
    col: str, values: Distinct, table: Mapping[str, str], problems: list[pd.DataFrame], locate: Locate
) -> Distinct:
    """Map each value to its canonical name (`table`: spelling key -> name); keep and report unknown ones."""
    written = values.values
    known = map_distinct(written, lambda u: u.map(lambda v: table.get(header_key(v))))
    unknown = written.notna().to_numpy() & pd.isna(known)
    message = f"not a known {col}; kept as written; known values: {sorted(set(table.values()))}"
    _report(values, unknown, problems, locate, col=col, code="unknown_value", message=message)
    return values.replace(np.where(unknown, written.to_numpy(dtype=object), known))


def booleans(values: Distinct, problems: list[pd.DataFrame], locate: Locate) -> Distinct:
    """Read yes/no values (`netinsight.schema.BOOLEAN_VALUES`); report the others."""
    written = values.values
    mapped = pd.Series(map_distinct(written, lambda u: u.map(lambda v: BOOLEAN_VALUES.get(header_key(v)))))
    bad = (written.notna() & mapped.isna()).to_numpy()
    message = "cannot read this as yes or no; write yes, no, y, n, true, false, 1, 0 or x"
    _report(values, bad, problems, locate, col="questions_prepared", code="bad_boolean", message=message)
    return values.replace(mapped.astype("boolean"))


def numbers(col: str, values: Distinct, problems: list[pd.DataFrame], locate: Locate, *, unit: str) -> Distinct:
    """Numbers, with an optional unit or prefix (regex `unit`) removed; others are reported."""

    def parse(uniques: pd.Series[Any]) -> Any:
        cleaned = uniques.astype(str).str.lower().str.replace(unit, "", regex=True).str.strip()
        return pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype=float)

    written = values.values
    read = pd.Series(map_distinct(written, parse), dtype="Float64")
    bad = written.notna().to_numpy() & read.isna().to_numpy()
    message = f"cannot read this as a number; write digits only in {col!r} (e.g. 45)"
    _report(values, bad, problems, locate, col=col, code="bad_number", message=message)
    return values.replace(read)
