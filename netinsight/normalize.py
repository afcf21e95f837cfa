"""From a raw table to the typed, normalised interview log.

Headers are mapped to canonical names (`netinsight.schema`), values are cleaned and typed
column by column with vectorised Arrow and pandas work on distinct values (long text
columns hashed side by side on threads), and every value that cannot be read is reported
with its file, line and column, in a fixed order; the row itself is kept. Text that needs no
cleaning is the file's own column, not a copy (empty cells made missing by a validity bitmap
alone; `netinsight.logcolumns` builds the columns). Unknown columns are kept untouched after
the canonical ones. The contact ids' codes are handed over to the network's coding
(`netinsight.memo.keep`) when their keys read as written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Final

import numpy as np
import pandas as pd

from netinsight.cells import follow_up_dates, outcomes
from netinsight.dates import parse_date_columns
from netinsight.distinct import Distinct
from netinsight.headers import derived_sector_headers, map_headers, missing_columns
from netinsight.logcolumns import (
    as_written,
    dtype_of,
    file_column,
    id_codes,
    is_text,
    start_distinct_cells,
    typed_column,
)
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
from netinsight.textclean import clean_distinct_texts, clean_text_rows, notes_text
from netinsight.values import (
    LIST_OF_DATES,
    LIST_OF_TEXT,
    booleans,
    date_column,
    derive_sectors,
    list_column,
    numbers,
    vocabulary,
)

__all__ = ["LIST_OF_DATES", "LIST_OF_TEXT", "coded_headers", "empty_log", "list_column", "normalize_table"]

#: The dtypes of the list columns.

_TEXT_COLUMNS: Final = ("contact", "contact_id", "company", "role", "industry", "introduced_by", "program", "term")
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
#: Columns read after the others, once their many distinct cells are hashed: they report no problems,
#: so reading them last leaves the problems in `_READ_ORDER`.
_READ_LAST: Final = ("contact_id",)
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
        columns[col] = pd.Series(dtype=dtype_of(col))
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
    by_row = {col for col in _ROW_TEXT if col in mapping and is_text(frame[mapping[col]])}
    coded = [col for col in mapping if col != "notes" and col not in by_row]
    # the text of the coded columns is hashed on threads while this one cleans the plain text columns and
    # reads the others; the contact ids (nearly one per row: the longest hash) are read last
    late = [col for col in coded if col in _READ_LAST]
    early = [col for col in coded if col not in late]
    hashing, hashing_late = (start_distinct_cells([frame[mapping[col]] for col in cols], n) for cols in (early, late))
    by_row_text: dict[str, pd.Series[Any]] = {col: clean_text_rows(frame[mapping[col]]) for col in by_row}
    if "notes" in mapping:
        by_row_text["notes"] = notes_text(frame[mapping["notes"]])
    found = dict(zip(early, hashing(), strict=True))

    # the text of every column cleaned (the late ones later), and the dates of every date column parsed, in one pass
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
        if col in by_row_text:
            return {col: by_row_text[col]}, found_here
        return {col: text(col)}, found_here

    read_as_written: set[str] = set()

    def column(col: str) -> pd.Series[Any]:
        """The typed column; text that reads as written (empty cells aside) is the file's own column, not a copy."""
        typed = out[col]
        written = found.get(col) if dtype_of(col) == "str" else None
        if written is not None and isinstance(typed, Distinct):
            same = as_written(typed, written, frame[mapping[col]])
            if same is not None:
                read_as_written.add(col)
                return same
        return typed_column(col, typed)

    def read_into_out(col: str) -> None:
        values, found_here = read(col)
        out.update(values)
        problems.extend(found_here)

    for col in _READ_ORDER:  # problems in this order
        if col not in late:
            read_into_out(col)
    typed = {col: column(col) for col in CANONICAL_COLUMNS if col not in late}
    found.update(zip(late, hashing_late(), strict=True))
    cleaned.update(zip(late, clean_distinct_texts([found[col].values for col in late]), strict=True))
    for col in late:  # they add no problems: their order is kept
        read_into_out(col)
    typed.update((col, column(col)) for col in late)
    log = pd.DataFrame({col: typed[col] for col in CANONICAL_COLUMNS}, index=pd.RangeIndex(n), copy=False)
    for header in unknown:  # text columns as they are; other cells (Excel, JSON) as objects, as before
        extra = frame[header]
        if isinstance(extra.dtype, pd.CategoricalDtype):  # text a reader coded: text again
            extra = extra.astype("str")
        log[header] = extra.reset_index(drop=True) if is_text(extra) else extra.to_numpy()
    log["source_file"] = file_column(raw.files, file, n)
    log["source_line"] = pd.array(lines, dtype="Int64")
    log.attrs["headers"] = {file: mapping}
    ids = out.get("contact_id")
    if "contact_id" in read_as_written and isinstance(ids, Distinct) and n:  # handed over to the network's coding
        keep(log, "text:contact_id", id_codes(ids))
    return log, problems


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
