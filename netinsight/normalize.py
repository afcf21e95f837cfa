"""From a raw table to the typed, normalised interview log.

Headers are mapped to canonical names (`netinsight.schema`), values are cleaned and typed
column by column with vectorised Arrow and pandas work on distinct values (long text
columns hashed side by side on threads), and every value that cannot be read is reported
with its file, line and column, in a fixed order; the row itself is kept. Text that needs no
cleaning is the file's own column, not a copy (empty cells made missing by a validity bitmap
alone). Unknown columns are kept untouched after the canonical ones. The contact ids' codes
are handed over to the network's coding (`netinsight.memo.keep`) when their keys read as written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from netinsight.cells import follow_up_dates, outcomes
from netinsight.dates import parse_date_columns
from netinsight.distinct import Distinct, distinct_columns
from netinsight.headers import derived_sector_headers, map_headers, missing_columns
from netinsight.memo import keep
from netinsight.names import distinct_id_keys
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
from netinsight.textcodes import TextCodes, large_text, present_codes
from netinsight.values import (
    LIST_OF_DATES,
    LIST_OF_TEXT,
    booleans,
    clean_distinct_texts,
    clean_text_rows,
    date_column,
    derive_sectors,
    empty_as_missing,
    list_column,
    notes_text,
    numbers,
    vocabulary,
)

__all__ = ["LIST_OF_DATES", "LIST_OF_TEXT", "coded_headers", "empty_log", "list_column", "normalize_table"]

#: The dtypes of the list columns.

_TEXT_COLUMNS: Final = ("contact", "contact_id", "company", "role", "industry", "introduced_by", "program", "term")
_CATEGORY_COLUMNS: Final = ("owner", "sector", "source", "channel")
#: Text columns cleaned row by row: nothing but clean text is made of them.
_ROW_TEXT: Final = ("contact", "company", "role", "introduced_by", "program", "term")
_VOCABULARIES: Final = {
    "channel": vocabulary_table(CHANNEL_ALIASES),
    "source": vocabulary_table(SOURCE_ALIASES),
}
_NUMBER_UNITS: Final = {"duration_min": r"\s*(?:min|mins|minutes|m)\.?$", "class_year": r"^(?:class of|cohort)\s*"}
#: Columns read into types other than text: a reader may hand them over as codes (`coded_headers`).
_CODED: Final = (
    "owner",
    *DATE_COLUMNS,
    "follow_up_date",
    "outcome",
    *_VOCABULARIES,
    "questions_prepared",
    *_NUMBER_UNITS,
)
#: The order in which columns are read: their problems are listed in this order.
_READ_ORDER: Final = (
    "owner",
    *DATE_COLUMNS,
    "follow_up_date",
    "outcome",
    *_TEXT_COLUMNS,
    *_VOCABULARIES,
    "questions_prepared",
    *_NUMBER_UNITS,
    "notes",
)


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


def coded_headers(headers: Sequence[str]) -> Collection[str]:
    """The headers whose cells `normalize_table` reads into types other than text (dates, numbers, ...).

    A CSV reader can code these columns into their distinct values while parsing
    (``encode`` of `netinsight.readers.read_table`): only the distinct cells are read.

    Parameters
    ----------
    headers
        The headers of a file, as written.

    Returns
    -------
    set of str

    Examples
    --------
    >>> sorted(coded_headers(["Date of interview", "Name", "Channel", "Mood", "channel"]))
    ['Channel', 'Date of interview']
    """
    derived = derived_sector_headers(headers, HEADER_ALIASES) | set(PROVENANCE_COLUMNS)
    mapping, _ = map_headers(headers, HEADER_ALIASES, skip=derived, file="", header_line=None, problems=[])
    return {mapping[col] for col in _CODED if col in mapping}


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
    frame, file, lines, files = raw.frame, raw.file, raw.lines, raw.files
    problems: list[pd.DataFrame] = list(raw.problems)
    headers = list(frame.columns)
    derived = derived_sector_headers(headers, HEADER_ALIASES) | set(PROVENANCE_COLUMNS)
    mapping, unknown = map_headers(
        headers, HEADER_ALIASES, skip=derived, file=file, header_line=raw.header_line, problems=problems
    )
    n = len(frame)
    out: dict[str, Distinct | pd.Series[Any]] = {}
    problems.extend(
        missing_columns(
            REQUIRED_COLUMNS, mapping, headers, COLUMN_ALIASES, what="the log", file=file, header_line=raw.header_line
        )
    )

    # plain text columns are cleaned row by row (no hash of a million names); the others on their distinct values
    by_row = {col for col in _ROW_TEXT if col in mapping and _dtype_of_text(frame[mapping[col]]) == "str"}
    coded = [col for col in mapping if col != "notes" and col not in by_row]
    found = dict(zip(coded, _distinct_cells([frame[mapping[col]] for col in coded], n), strict=True))

    # the text of every column cleaned, and the dates of every date column parsed, each in one pass
    as_text = [col for col in found if col not in DATE_COLUMNS and col != "follow_up_date"]
    cleaned = dict(zip(as_text, clean_distinct_texts([found[col].values for col in as_text]), strict=True))
    as_dates = [col for col in DATE_COLUMNS if col in found]
    dated = dict(zip(as_dates, parse_date_columns([found[c].values for c in as_dates], dayfirst=dayfirst), strict=True))

    def cells(col: str) -> Distinct | None:
        """The column's cells as written, as distinct values (None when the file has no such column)."""
        return found.get(col)

    def text(col: str) -> Distinct:
        written = cells(col)
        if written is None:
            return Distinct(pd.Series([np.nan], dtype="str"), np.zeros(n, dtype=np.intp))
        return written.replace(cleaned[col])

    def locate(col: str, rows: np.ndarray[Any, Any]) -> dict[str, Any]:
        """Where the rows picked by a boolean mask or positions are, for `make_problems`."""
        at = lines[rows]
        where = files[rows] if files is not None else np.full(len(at), file, dtype=object)
        return {"file": where, "line": at, "column": mapping.get(col, col)}

    def read(col: str) -> tuple[dict[str, Distinct | pd.Series[Any]], list[pd.DataFrame]]:
        """Read one column (the sector with the industry): its values and its problems, in row order."""
        found_here: list[pd.DataFrame] = []
        if col == "owner":
            return {col: _owners(text(col), owner, n, found_here, locate)}, found_here
        if col in DATE_COLUMNS:
            return {col: date_column(col, cells(col), n, dayfirst, found_here, locate, done=dated.get(col))}, found_here
        if col == "follow_up_date":
            return {col: follow_up_dates(cells(col), n, dayfirst, found_here, locate)}, found_here
        if col == "outcome":
            return {col: outcomes(text(col), found_here, locate)}, found_here
        if col == "contact_id":
            ids = text(col)
            return {col: ids.replace(distinct_id_keys(ids.values))}, found_here
        if col == "industry":
            industry = text(col)
            return {col: industry, "sector": derive_sectors(industry, sectors)}, found_here
        if col in _VOCABULARIES:
            return {col: vocabulary(col, text(col), _VOCABULARIES[col], found_here, locate)}, found_here
        if col == "questions_prepared":
            return {col: booleans(text(col), found_here, locate)}, found_here
        if col in _NUMBER_UNITS:
            read_numbers = numbers(col, text(col), found_here, locate, unit=_NUMBER_UNITS[col])
            if col == "class_year":
                read_numbers = read_numbers.replace(read_numbers.values.astype("Int64"))
            return {col: read_numbers}, found_here
        if col == "notes" and col in mapping:
            return {col: notes_text(frame[mapping[col]])}, found_here
        if col in by_row:
            return {col: clean_text_rows(frame[mapping[col]])}, found_here
        return {col: text(col)}, found_here

    as_written: set[str] = set()

    def column(col: str) -> pd.Series[Any]:
        """The typed column; text that reads as written (empty cells aside) is the file's own column, not a copy."""
        typed = out[col]
        written = found.get(col) if _dtype_of(col) == "str" else None
        if written is not None and isinstance(typed, Distinct):
            same = _as_written(typed, written, frame[mapping[col]])
            if same is not None:
                as_written.add(col)
                return same
        return _typed(col, typed)

    for col in _READ_ORDER:  # problems in this order
        values, found_here = read(col)
        out.update(values)
        problems.extend(found_here)
    log = pd.DataFrame({col: column(col) for col in CANONICAL_COLUMNS}, index=pd.RangeIndex(n), copy=False)
    for header in unknown:  # text columns as they are; other cells (Excel, JSON) as objects, as before
        extra = frame[header]
        if isinstance(extra.dtype, pd.CategoricalDtype):  # text a reader coded: text again
            extra = extra.astype("str")
        log[header] = extra.reset_index(drop=True) if _dtype_of_text(extra) == "str" else extra.to_numpy()
    log["source_file"] = _file_column(raw.files, file, n)
    log["source_line"] = pd.array(lines, dtype="Int64")
    log.attrs["headers"] = {file: mapping}
    ids = out.get("contact_id")
    if "contact_id" in as_written and isinstance(ids, Distinct) and n:  # handed over to the network's coding
        keep(log, "text:contact_id", _id_codes(ids))
    return log, problems


def _distinct_cells(columns: list[pd.Series[Any]], n: int) -> list[Distinct]:
    """`distinct_columns` of the cells; categoricals (text a reader coded) already are distinct values."""
    plain = [i for i, cells in enumerate(columns) if not isinstance(cells.dtype, pd.CategoricalDtype)]
    done = dict(zip(plain, distinct_columns([columns[i] for i in plain], rows=n), strict=True))
    return [done[i] if i in done else _categories(cells) for i, cells in enumerate(columns)]


def _categories(cells: pd.Series[Any]) -> Distinct:
    """A categorical of text as distinct values: its categories (a missing value last, when a cell is missing)."""
    coded = cells.array
    codes = coded.codes  # type: ignore[attr-defined]  # int8 for up to 127 categories: no copy, little memory
    values = pd.Series(coded.categories.array, dtype="str")  # type: ignore[attr-defined]
    if (codes < 0).any():
        values = pd.concat([values, pd.Series([np.nan], dtype="str")], ignore_index=True)
        codes = np.where(codes < 0, len(values) - 1, codes).astype(np.int32)
    return Distinct(values, codes)


def _owners(
    owners: Distinct, owner: str, n: int, problems: list[pd.DataFrame], locate: Callable[[str, Any], dict[str, Any]]
) -> Distinct:
    """The owner of each row: `owner` where none is written (reported when some rows name one)."""
    if owners.values.isna().all():
        return Distinct(pd.Series([owner], dtype="str"), np.zeros(n, dtype=np.intp))
    missing_owner = owners.at(owners.values.isna().to_numpy())
    if missing_owner.any():
        problems.append(
            make_problems(
                code="unknown_value",
                value="",
                message=f"no owner on this row; it is counted as {owner!r}; fill in whose log it is",
                **locate("owner", missing_owner),
            )
        )
    return owners.replace(owners.values.fillna(owner))


def _as_written(typed: Distinct, written: Distinct, cells: pd.Series[Any]) -> pd.Series[Any] | None:
    """`cells` when a text column reads as they are written, empty ones missing (sharing their characters), else None.

    Examples
    --------
    >>> from netinsight.distinct import distinct
    >>> cells = pd.Series(["a", "", "a"], dtype="str")
    >>> written = distinct(cells)
    >>> _as_written(written.replace(pd.Series(["a", np.nan], dtype="str")), written, cells).tolist()
    ['a', nan, 'a']
    >>> _as_written(written.replace(pd.Series(["A", np.nan], dtype="str")), written, cells) is None
    True
    """
    if _dtype_of_text(cells) != "str" or str(typed.values.dtype) != "str" or typed.codes is not written.codes:
        return None
    mine, theirs = (large_text(v.array) for v in (typed.values, written.values))
    if mine.equals(theirs):
        return cells.reset_index(drop=True)
    blank = pc.fill_null(pc.equal(theirs, ""), True)  # empty or missing as written: must be missing
    same = pc.if_else(blank, pc.is_null(mine), pc.fill_null(pc.equal(mine, theirs), False))
    return empty_as_missing(cells) if pc.all(same).as_py() else None


def _id_codes(ids: Distinct) -> TextCodes:
    """The contact id keys as `netinsight.textcodes.encode_text` codes them, when their present values are distinct.

    They are when the keys read as the ids are written (`_as_written`): then the values, the file's
    distinct cells in order of first appearance, are kept in that order, the missing ones dropped.

    Examples
    --------
    >>> t = _id_codes(Distinct(pd.Series(["b", np.nan, "a"], dtype="str"), np.array([0, 1, 2, 0, 1])))
    >>> t.codes.tolist(), t.values.to_pylist()
    ([0, -1, 1, 0, -1], ['b', 'a'])
    """
    return present_codes(ids.codes, ids.values.array)


def _dtype_of_text(values: pd.Series[Any]) -> str:
    """The text "str" for pandas' default text dtype (Arrow, NaN for missing), else ""."""
    return "str" if isinstance(values.dtype, pd.StringDtype) and str(values.dtype) == "str" else ""


def _file_column(files: np.ndarray[Any, Any] | None, file: str, n: int) -> pd.Series[Any]:
    """The file of each row as a categorical (one category when every row comes from `file`)."""
    if files is not None or n == 0:
        return pd.Series(pd.Categorical(np.full(n, file, dtype=object) if files is None else files))
    one = pd.Categorical(np.array([file], dtype=object))
    return pd.Series(pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), dtype=one.dtype))


def _typed(col: str, values: Distinct | pd.Series[Any]) -> pd.Series[Any]:
    """The column in its log dtype: typed once per distinct value, then spread to the rows."""
    if isinstance(values, Distinct):
        return values.replace(_typed(col, values.values)).rows()
    dtype = _dtype_of(col)
    series = values.reset_index(drop=True)
    if dtype == "str":
        return series if series.dtype == "str" else series.astype("str")
    if isinstance(dtype, pd.ArrowDtype) or str(series.dtype) == str(dtype):
        return series
    return series.astype(dtype)
