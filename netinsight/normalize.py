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
import pyarrow as pa
import pyarrow.compute as pc

from netinsight import dates as _dates
from netinsight.distinct import map_distinct
from netinsight.names import id_key
from netinsight.problems import make_problems
from netinsight.readers import RawTable
from netinsight.schema import (
    BOOLEAN_VALUES,
    CANONICAL_COLUMNS,
    CHANNEL_ALIASES,
    COLUMN_ALIASES,
    DATE_COLUMNS,
    OUTCOME_ALIASES,
    PROVENANCE_COLUMNS,
    REQUIRED_COLUMNS,
    SOURCE_ALIASES,
    canonical_header,
    header_key,
    vocabulary_table,
)

__all__ = ["LIST_OF_DATES", "LIST_OF_TEXT", "empty_log", "list_column", "normalize_table"]

#: The dtypes of the list columns.
LIST_OF_DATES: Final = pd.ArrowDtype(pa.list_(pa.timestamp("ns")))
LIST_OF_TEXT: Final = pd.ArrowDtype(pa.list_(pa.string()))

_TEXT_COLUMNS: Final = ("contact", "contact_id", "company", "role", "industry", "introduced_by", "program", "term")
_CATEGORY_COLUMNS: Final = ("owner", "sector", "source", "channel")
_VOCABULARIES: Final = {
    "channel": vocabulary_table(CHANNEL_ALIASES),
    "source": vocabulary_table(SOURCE_ALIASES),
}
_OUTCOMES: Final = vocabulary_table(OUTCOME_ALIASES)
_HOW_TO_WRITE_DATES: Final = "write it as YYYY-MM-DD (e.g. 2026-03-14)"


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
    mapping, unknown = _map_headers(list(frame.columns), file, raw.header_line, problems)
    n = len(frame)
    out: dict[str, Any] = {}
    for col in REQUIRED_COLUMNS:
        if col not in mapping:
            aliases = ", ".join(repr(a) for a in COLUMN_ALIASES[col][:6])
            problems.append(
                make_problems(
                    code="missing_column",
                    file=file,
                    line=raw.header_line,
                    column=col,
                    value="",
                    message=(
                        f"column {col!r} not in the log; columns found: {list(frame.columns)}; "
                        f"add it, or name an existing column one of {aliases}"
                    ),
                )
            )

    def text(col: str) -> pd.Series[Any]:
        if col not in mapping:
            return pd.Series(np.full(n, np.nan, dtype=object), dtype="str")
        return _clean_text(frame[mapping[col]])

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
        out[col] = _date_column(col, frame[mapping[col]] if col in mapping else None, n, dayfirst, problems, locate)
    out["follow_up_date"] = _follow_ups(
        frame[mapping["follow_up_date"]] if "follow_up_date" in mapping else None, n, dayfirst, problems, locate
    )
    out["outcome"] = _outcomes(text("outcome"), problems, locate)
    for col in _TEXT_COLUMNS:
        out[col] = text(col)
    out["contact_id"] = id_key(out["contact_id"])
    out["sector"] = _sectors(out["industry"], sectors)
    for col, table in _VOCABULARIES.items():
        out[col] = _vocabulary(col, text(col), table, problems, locate)
    out["questions_prepared"] = _booleans(text("questions_prepared"), problems, locate)
    out["duration_min"] = _numbers(
        "duration_min", text("duration_min"), problems, locate, unit=r"\s*(?:min|mins|minutes|m)\.?$"
    )
    out["class_year"] = _numbers(
        "class_year", text("class_year"), problems, locate, unit=r"^(?:class of|cohort)\s*"
    ).astype("Int64")
    out["notes"] = (
        _blank_to_na(frame[mapping["notes"]].astype("str").str.strip()) if "notes" in mapping else text("notes")
    )
    log = pd.DataFrame({col: _typed(col, out[col]) for col in CANONICAL_COLUMNS}, index=pd.RangeIndex(n))
    for header in unknown:
        log[header] = frame[header].to_numpy()
    log["source_file"] = pd.Categorical(files)
    log["source_line"] = pd.array(lines, dtype="Int64")
    log.attrs["headers"] = {file: mapping}
    return log, problems


def _map_headers(
    headers: list[str], file: str, header_line: int | None, problems: list[pd.DataFrame]
) -> tuple[dict[str, str], list[str]]:
    """Canonical column -> header; and the headers kept as they are."""
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    has_industry = any(canonical_header(h) == "industry" and h.strip().lower() != "sector" for h in headers)
    for header in headers:
        if header in PROVENANCE_COLUMNS or (header.strip().lower() == "sector" and has_industry):
            continue  # derived again from `industry`, and provenance is carried separately
        canonical = canonical_header(header)
        if canonical is None:
            unknown.append(header)
        elif canonical in mapping:
            problems.append(
                make_problems(
                    code="duplicate_column",
                    file=file,
                    line=header_line,
                    column=header,
                    value=header,
                    message=(
                        f"{mapping[canonical]!r} and {header!r} both stand for {canonical!r}; the first is "
                        f"used and {header!r} is kept as an extra column; rename or delete one of them"
                    ),
                )
            )
            unknown.append(header)
        else:
            mapping[canonical] = header
    return mapping, unknown


def _clean_text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Trim and collapse spaces; empty -> missing. "NA", "None", "NULL" stay text."""
    return _blank_to_na(_squeeze(values.astype("str")))


def _squeeze(values: pd.Series[Any]) -> pd.Series[Any]:
    """Collapse runs of white space and trim, with Arrow kernels (no Python per value)."""
    array = pa.array(values, type=pa.string(), from_pandas=True)
    squeezed = pc.utf8_trim_whitespace(pc.replace_substring_regex(array, pattern=r"\s+", replacement=" "))
    return pd.Series(squeezed.to_pandas(types_mapper=None), dtype="str")


def _blank_to_na(values: pd.Series[Any]) -> pd.Series[Any]:
    return values.where(values.ne("")).reset_index(drop=True)


def _date_column(
    col: str, values: pd.Series[Any] | None, n: int, dayfirst: bool | None, problems: list[pd.DataFrame], locate: Any
) -> pd.Series[Any]:
    if values is None:
        return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"))
    parsed, status = _dates.parse_dates(values.reset_index(drop=True), dayfirst=dayfirst)
    _report_dates(col, values, status, problems, locate)
    return parsed


def _report_dates(
    col: str, values: pd.Series[Any], status: np.ndarray[Any, Any], problems: list[pd.DataFrame], locate: Any
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
    """Split each cell on `pattern`; return the non-empty pieces and the row of each."""
    pieces = values.astype("str").str.split(pattern, regex=True).explode().astype("str").str.strip()
    keep = pieces.notna() & pieces.ne("")
    pieces = pieces[keep]
    return pieces.reset_index(drop=True), pieces.index.to_numpy(dtype=np.int64)


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


def _follow_ups(
    values: pd.Series[Any] | None, n: int, dayfirst: bool | None, problems: list[pd.DataFrame], locate: Any
) -> pd.Series[Any]:
    if values is None:
        return list_column(np.zeros(0, dtype=np.int64), pa.array([], pa.timestamp("ns")), n)
    values = values.reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    # ";" always separates; "," too, except the one before the year in "Mar 1, 2026"
    pieces, rows = _split_cells(values, r"[;|\n]|,(?!\s*\d{4}(?![-/.\d]))")
    parsed, status = _dates.parse_dates(pieces, dayfirst=dayfirst)
    for code in (_dates.BAD, _dates.AMBIGUOUS):
        hit = status == code
        if hit.any():
            _report_dates(
                "follow_up_date",
                pieces[hit],
                np.full(int(hit.sum()), code),
                problems,
                lambda col, mask, rows=rows[hit]: locate(col, rows[mask]),
            )
    ok = status == _dates.OK
    return list_column(rows[ok], pa.array(parsed.to_numpy()[ok], pa.timestamp("ns")), n)


def _outcomes(values: pd.Series[Any], problems: list[pd.DataFrame], locate: Any) -> pd.Series[Any]:
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


def _sectors(industry: pd.Series[Any], table: Mapping[str, str]) -> pd.Series[Any]:
    return pd.Series(map_distinct(industry, lambda u: u.map(lambda v: table.get(header_key(v), v))))


def _vocabulary(
    col: str, values: pd.Series[Any], table: Mapping[str, str], problems: list[pd.DataFrame], locate: Any
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


def _booleans(values: pd.Series[Any], problems: list[pd.DataFrame], locate: Any) -> pd.Series[Any]:
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


def _numbers(
    col: str, values: pd.Series[Any], problems: list[pd.DataFrame], locate: Any, *, unit: str
) -> pd.Series[Any]:
    cleaned = values.str.lower().str.replace(unit, "", regex=True).str.strip()
    numbers = pd.to_numeric(cleaned, errors="coerce")
    bad = (values.notna() & numbers.isna()).to_numpy()
    if bad.any():
        problems.append(
            make_problems(
                code="bad_number",
                value=values.to_numpy(dtype=object)[bad],
                message=f"cannot read this as a number; write digits only in {col!r} (e.g. 45)",
                **locate(col, bad),
            )
        )
    return numbers.astype("Float64")


def _typed(col: str, values: Any) -> Any:
    dtype = _dtype_of(col)
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    series = series.reset_index(drop=True)
    if dtype == "str":
        return series.astype("str")
    if isinstance(dtype, pd.ArrowDtype) or str(series.dtype) == str(dtype):
        return series
    return series.astype(dtype)
