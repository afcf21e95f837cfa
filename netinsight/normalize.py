"""From a raw table to the typed, normalised interview log.

Headers are mapped to canonical names (`netinsight.schema`), values are cleaned and typed
column by column with vectorised pandas work on distinct values, and every value that
cannot be read is reported with its file, line and column; the row itself is kept. Unknown
columns are kept untouched after the canonical ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.headers import derived_sector_headers, map_headers, missing_columns
from netinsight.names import id_key
from netinsight.problems import make_problems
from netinsight.readers import RawTable
from netinsight.schema import (
    CANONICAL_COLUMNS,
    CHANNEL_ALIASES,
    COLUMN_ALIASES,
    DATE_COLUMNS,
    HEADER_ALIASES,
    PROVENANCE_COLUMNS,
    REQUIRED_COLUMNS,
    SOURCE_ALIASES,
    vocabulary_table,
)
from netinsight.values import (
    LIST_OF_DATES,
    LIST_OF_TEXT,
    booleans,
    clean_text,
    date_column,
    derive_sectors,
    follow_up_dates,
    list_column,
    notes_text,
    numbers,
    outcomes,
    vocabulary,
)

__all__ = ["LIST_OF_DATES", "LIST_OF_TEXT", "empty_log", "list_column", "normalize_table"]

#: The dtypes of the list columns.

_TEXT_COLUMNS: Final = ("contact", "contact_id", "company", "role", "industry", "introduced_by", "program", "term")
_CATEGORY_COLUMNS: Final = ("owner", "sector", "source", "channel")
_VOCABULARIES: Final = {
    "channel": vocabulary_table(CHANNEL_ALIASES),
    "source": vocabulary_table(SOURCE_ALIASES),
}


def empty_log() -> pd.DataFrame:
    """Return a log with no rows and every canonical column typed.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> log = empty_log()
    >>> len(log), str(log["date"].dtype), str(log["outcome"].dtype)
    (0, 'datetime64[ns]', 'list<item: string>[pyarrow]')
    """
    columns: dict[str, pd.Series[Any]] = {}
    for col in (*CANONICAL_COLUMNS, *PROVENANCE_COLUMNS):
        columns[col] = pd.Series(dtype=_dtype_of(col))
    return pd.DataFrame(columns)


def _dtype_of(col: str) -> Any:
    if col in DATE_COLUMNS:
        return "datetime64[ns]"
    if col == "follow_up_date":
        return LIST_OF_DATES
    if col == "outcome":
        return LIST_OF_TEXT
    if col in _CATEGORY_COLUMNS or col == "source_file":
        return "category"
    if col == "questions_prepared":
        return "boolean"
    if col == "duration_min":
        return "Float64"
    if col in ("class_year", "source_line"):
        return "Int64"
    return "str"


def normalize_table(
    raw: RawTable,
    *,
    owner: str,
    dayfirst: bool | None = None,
    sectors: Mapping[str, str],
) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """Map headers, clean and type every value of one raw table.

    Parameters
    ----------
    raw
        A table from `netinsight.readers`.
    owner
        The owner of rows whose ``owner`` cell is empty or absent.
    dayfirst
        How to read numeric dates such as 03/04/2026 (see `netinsight.dates.parse_dates`).
    sectors
        Industry spelling key -> sector (see `netinsight.industries.sector_table`).

    Returns
    -------
    log : pandas.DataFrame
        Canonical columns, typed, then unknown columns untouched, then ``source_file``
        and ``source_line``. ``attrs["headers"]`` maps the file to {canonical column:
        header as written}.
    problems : list of pandas.DataFrame
        Everything that could not be read, located.
    """
    frame, file, lines = raw.frame, raw.file, raw.lines
    files = raw.files if raw.files is not None else np.full(len(frame), file, dtype=object)
    problems: list[pd.DataFrame] = list(raw.problems)
    headers = list(frame.columns)
    derived = derived_sector_headers(headers, HEADER_ALIASES) | set(PROVENANCE_COLUMNS)
    mapping, unknown = map_headers(
        headers, HEADER_ALIASES, skip=derived, file=file, header_line=raw.header_line, problems=problems
    )
    n = len(frame)
    out: dict[str, Any] = {}
    problems.extend(
        missing_columns(
            REQUIRED_COLUMNS, mapping, headers, COLUMN_ALIASES, what="the log", file=file, header_line=raw.header_line
        )
    )

    def text(col: str) -> pd.Series[Any]:
        if col not in mapping:
            return pd.Series(np.full(n, np.nan, dtype=object), dtype="str")
        return clean_text(frame[mapping[col]])

    def locate(col: str, rows: np.ndarray[Any, Any]) -> dict[str, Any]:
        """Where the rows picked by a boolean mask or positions are, for `make_problems`."""
        return {"file": files[rows], "line": lines[rows], "column": mapping.get(col, col)}

    owners = text("owner")
    if owners.isna().all():
        owners = pd.Series([owner] * n, dtype="str")
    else:
        missing_owner = owners.isna().to_numpy()
        owners = owners.fillna(owner)
        if missing_owner.any():
            problems.append(
                make_problems(
                    code="unknown_value",
                    value="",
                    message=f"no owner on this row; it is counted as {owner!r}; fill in whose log it is",
                    **locate("owner", missing_owner),
                )
            )
    out["owner"] = owners
    for col in DATE_COLUMNS:
        out[col] = date_column(col, frame[mapping[col]] if col in mapping else None, n, dayfirst, problems, locate)
    out["follow_up_date"] = follow_up_dates(
        frame[mapping["follow_up_date"]] if "follow_up_date" in mapping else None, n, dayfirst, problems, locate
    )
    out["outcome"] = outcomes(text("outcome"), problems, locate)
    for col in _TEXT_COLUMNS:
        out[col] = text(col)
    out["contact_id"] = id_key(out["contact_id"])
    out["sector"] = derive_sectors(out["industry"], sectors)
    for col, table in _VOCABULARIES.items():
        out[col] = vocabulary(col, text(col), table, problems, locate)
    out["questions_prepared"] = booleans(text("questions_prepared"), problems, locate)
    out["duration_min"] = numbers(
        "duration_min", text("duration_min"), problems, locate, unit=r"\s*(?:min|mins|minutes|m)\.?$"
    )
    out["class_year"] = numbers(
        "class_year", text("class_year"), problems, locate, unit=r"^(?:class of|cohort)\s*"
    ).astype("Int64")
    out["notes"] = notes_text(frame[mapping["notes"]]) if "notes" in mapping else text("notes")
    log = pd.DataFrame({col: _typed(col, out[col]) for col in CANONICAL_COLUMNS}, index=pd.RangeIndex(n))
    for header in unknown:
        log[header] = frame[header].to_numpy()
    log["source_file"] = pd.Categorical(files)
    log["source_line"] = pd.array(lines, dtype="Int64")
    log.attrs["headers"] = {file: mapping}
    return log, problems


def _typed(col: str, values: Any) -> Any:
    dtype = _dtype_of(col)
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    series = series.reset_index(drop=True)
    if dtype == "str":
        return series.astype("str")
    if isinstance(dtype, pd.ArrowDtype) or str(series.dtype) == str(dtype):
        return series
    return series.astype(dtype)
