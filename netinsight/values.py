"""Reading the values of one column: text, dates, lists, vocabularies, yes/no and numbers.

Each parser takes the raw cells of one column and returns the typed column; every value it
cannot read is reported through ``locate(column, rows)`` (file, line and header of those rows)
into a list of problem tables. The row is always kept. Work is vectorised with pandas and
Arrow kernels, on distinct values where values repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight import dates as _dates
from netinsight.distinct import map_distinct
from netinsight.problems import make_problems
from netinsight.schema import BOOLEAN_VALUES, OUTCOME_ALIASES, header_key, vocabulary_table

__all__ = [
    "LIST_OF_DATES",
    "LIST_OF_TEXT",
    "Locate",
    "booleans",
    "clean_text",
    "date_column",
    "derive_sectors",
    "follow_up_dates",
    "list_column",
    "notes_text",
    "numbers",
    "outcomes",
    "vocabulary",
]

#: The dtypes of the list columns.
LIST_OF_DATES: Final = pd.ArrowDtype(pa.list_(pa.timestamp("ns")))
LIST_OF_TEXT: Final = pd.ArrowDtype(pa.list_(pa.string()))

#: ``locate(column, rows)`` -> file, line and column of the rows (a mask or positions), for `make_problems`.
Locate = Callable[[str, Any], dict[str, Any]]

_OUTCOMES: Final = vocabulary_table(OUTCOME_ALIASES)
_HOW_TO_WRITE_DATES: Final = "write it as YYYY-MM-DD (e.g. 2026-03-14)"


def clean_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Trim and collapse spaces; empty -> missing. "NA", "None", "NULL" stay text."""
    return _blank_to_na(_squeeze(values.astype("str")))


def _arrow_text(values: pd.Series[Any]) -> pa.StringArray:
    """The column as one contiguous Arrow string array (missing values as nulls)."""
    array = pa.array(values, type=pa.string(), from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _squeeze(values: pd.Series[Any]) -> pd.Series[Any]:
    """Collapse runs of white space and trim: Arrow kernels on the distinct values only."""
    encoded = pc.dictionary_encode(_arrow_text(values))
    distinct = pc.utf8_trim_whitespace(pc.replace_substring_regex(encoded.dictionary, pattern=r"\s+", replacement=" "))
    return pd.Series(pc.take(distinct, encoded.indices).to_pandas(), dtype="str")


def notes_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Free text: trimmed at both ends (line breaks inside kept); empty -> missing."""
    return _blank_to_na(values.astype("str").str.strip())


def _blank_to_na(values: pd.Series[Any]) -> pd.Series[Any]:
    return values.where(values.ne("")).reset_index(drop=True)


def date_column(
    col: str, values: pd.Series[Any] | None, n: int, dayfirst: bool | None, problems: list[pd.DataFrame], locate: Locate
) -> pd.Series[Any]:
    if values is None:
        return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"))
    parsed, status = _dates.parse_dates(values.reset_index(drop=True), dayfirst=dayfirst)
    _report_dates(col, values, status, problems, locate)
    return parsed


def _report_dates(
    col: str, values: pd.Series[Any], status: np.ndarray[Any, Any], problems: list[pd.DataFrame], locate: Locate
) -> None:
    raw = values.to_numpy(dtype=object)
    bad = status == _dates.BAD
    if bad.any():
        problems.append(
            make_problems(
                code="bad_date",
                value=raw[bad],
                message=f"cannot read this as a date; {_HOW_TO_WRITE_DATES}",
                **locate(col, bad),
            )
        )
    ambiguous = status == _dates.AMBIGUOUS
    if ambiguous.any():
        problems.append(
            make_problems(
                code="ambiguous_date",
                value=raw[ambiguous],
                message=(
                    "this date reads both day-first and month-first; "
                    f"{_HOW_TO_WRITE_DATES}, or say which order the file uses (dayfirst=True/False, "
                    "--dayfirst / --monthfirst)"
                ),
                **locate(col, ambiguous),
            )
        )


def _split_cells(values: pd.Series[Any], pattern: str) -> tuple[pd.Series[Any], np.ndarray[Any, np.dtype[np.int64]]]:
    """Split each cell on the RE2 `pattern`; return the non-empty pieces and the row of each."""
    lists = pc.split_pattern_regex(_arrow_text(values.astype("str")), pattern=pattern)
    pieces = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    rows = pc.list_parent_indices(lists)
    keep = pc.not_equal(pieces, "")
    pieces, rows = pieces.filter(keep), rows.filter(keep)
    return pd.Series(pieces.to_pandas(), dtype="str"), rows.to_numpy().astype(np.int64)


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


def follow_up_dates(
    values: pd.Series[Any] | None, n: int, dayfirst: bool | None, problems: list[pd.DataFrame], locate: Locate
) -> pd.Series[Any]:
    if values is None:
        return list_column(np.zeros(0, dtype=np.int64), pa.array([], pa.timestamp("ns")), n)
    values = values.reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    # ";" and "," separate dates, but not the comma before the year in "Mar 1, 2026" / "1 Mar, 2026"
    text = _arrow_text(values.astype("str"))
    for pattern in (
        r"([A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?),(\s*\d{4})",
        r"(\d{1,2}[ -][A-Za-z]{3,9}\.?),(\s*\d{4})",
    ):
        text = pc.replace_substring_regex(text, pattern=pattern, replacement=r"\1\2")
    pieces, rows = _split_cells(pd.Series(text.to_pandas(), dtype="str"), r"[;,|\n]")
    parsed, status = _dates.parse_dates(pieces, dayfirst=dayfirst)
    for code in (_dates.BAD, _dates.AMBIGUOUS):
        hit = status == code
        if hit.any():
            hit_rows = rows[hit]

            def at_piece(col: str, mask: Any, hit_rows: np.ndarray[Any, Any] = hit_rows) -> dict[str, Any]:
                return locate(col, hit_rows[mask])

            _report_dates("follow_up_date", pieces[hit], np.full(int(hit.sum()), code), problems, at_piece)
    ok = status == _dates.OK
    return list_column(rows[ok], pa.array(parsed.to_numpy()[ok], pa.timestamp("ns")), n)


def outcomes(values: pd.Series[Any], problems: list[pd.DataFrame], locate: Locate) -> pd.Series[Any]:
    n = len(values)
    pieces, rows = _split_cells(values, r"[;,|/\n]|\band\b|&")
    known = pd.Series(map_distinct(pieces, lambda u: u.map(lambda v: _OUTCOMES.get(header_key(v)))), dtype=object)
    unknown = known.isna().to_numpy()
    if unknown.any():
        problems.append(
            make_problems(
                code="unknown_value",
                value=pieces[unknown].to_numpy(dtype=object),
                message=f"not a known outcome; kept as written; known outcomes: {list(OUTCOME_ALIASES)}",
                **locate("outcome", rows[unknown]),
            )
        )
    labels = known.fillna(pieces)
    return list_column(rows, pa.array(labels.to_numpy(dtype=object), pa.string()), n)


def derive_sectors(industry: pd.Series[Any], table: Mapping[str, str]) -> pd.Series[Any]:
    return pd.Series(map_distinct(industry, lambda u: u.map(lambda v: table.get(header_key(v), v))))


def vocabulary(
    col: str, values: pd.Series[Any], table: Mapping[str, str], problems: list[pd.DataFrame], locate: Locate
) -> pd.Series[Any]:
    known = map_distinct(values, lambda u: u.map(lambda v: table.get(header_key(v))))
    unknown = values.notna().to_numpy() & pd.isna(known)
    if unknown.any():
        problems.append(
            make_problems(
                code="unknown_value",
                value=values.to_numpy(dtype=object)[unknown],
                message=f"not a known {col}; kept as written; known values: {sorted(set(table.values()))}",
                **locate(col, unknown),
            )
        )
    return pd.Series(np.where(unknown, values.to_numpy(dtype=object), known))


def booleans(values: pd.Series[Any], problems: list[pd.DataFrame], locate: Locate) -> pd.Series[Any]:
    mapped = pd.Series(map_distinct(values, lambda u: u.map(lambda v: BOOLEAN_VALUES.get(header_key(v)))))
    bad = (values.notna() & mapped.isna()).to_numpy()
    if bad.any():
        problems.append(
            make_problems(
                code="bad_boolean",
                value=values.to_numpy(dtype=object)[bad],
                message="cannot read this as yes or no; write yes, no, y, n, true, false, 1, 0 or x",
                **locate("questions_prepared", bad),
            )
        )
    return mapped.astype("boolean")


def numbers(
    col: str, values: pd.Series[Any], problems: list[pd.DataFrame], locate: Locate, *, unit: str
) -> pd.Series[Any]:
    """Numbers, with an optional unit or prefix (regex `unit`) removed; others are reported."""

    def parse(uniques: pd.Series[Any]) -> Any:
        cleaned = uniques.astype(str).str.lower().str.replace(unit, "", regex=True).str.strip()
        return pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype=float)

    numbers = pd.Series(map_distinct(values, parse), dtype="Float64")
    bad = values.notna().to_numpy() & numbers.isna().to_numpy()
    if bad.any():
        problems.append(
            make_problems(
                code="bad_number",
                value=values.to_numpy(dtype=object)[bad],
                message=f"cannot read this as a number; write digits only in {col!r} (e.g. 45)",
                **locate(col, bad),
            )
        )
    return numbers
