"""The columns of a normalised log: each column's dtype, and a column built from its distinct values.

`netinsight.normalize` reads every column of a raw table as distinct values
(`start_distinct_cells`, their text hashed on threads) and types them; this module turns them
into the log's columns. Text that reads as it is written
is the file's own column, not a copy (`as_written`); other columns are typed once per distinct
value and spread to the rows (`typed_column`). `id_codes` gives the contact ids' codes handed to
the network's coding, and `file_column` the ``source_file`` column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from netinsight.distinct import Distinct, start_distinct_columns
from netinsight.schema import DATE_COLUMNS
from netinsight.textclean import empty_as_missing
from netinsight.textcodes import TextCodes, large_text, present_codes
from netinsight.values import LIST_OF_DATES, LIST_OF_TEXT

__all__ = [
    "CATEGORY_COLUMNS",
    "as_written",
    "dtype_of",
    "file_column",
    "id_codes",
    "is_text",
    "start_distinct_cells",
    "typed_column",
]

#: The log columns kept as categoricals.
CATEGORY_COLUMNS: Final = ("owner", "sector", "source", "channel")


def dtype_of(col: str) -> Any:
    """The dtype of a log column (text, the default, is pandas' ``"str"``).

    Examples
    --------
    >>> [str(dtype_of(c)) for c in ("date", "owner", "duration_min", "contact")]
    ['datetime64[ns]', 'category', 'Float64', 'str']
    """
    if col in DATE_COLUMNS:
        return "datetime64[ns]"
    if col == "follow_up_date":
        return LIST_OF_DATES
    if col == "outcome":
        return LIST_OF_TEXT
    if col in CATEGORY_COLUMNS or col == "source_file":
        return "category"
    if col == "questions_prepared":
        return "boolean"
    if col == "duration_min":
        return "Float64"
    if col in ("class_year", "source_line"):
        return "Int64"
    return "str"


def is_text(values: pd.Series[Any]) -> bool:
    """Whether a column is pandas' default text (``"str"``: Arrow, NaN for missing).

    Examples
    --------
    >>> is_text(pd.Series(["a"], dtype="str")), is_text(pd.Series(["a"], dtype=object))
    (True, False)
    """
    return isinstance(values.dtype, pd.StringDtype) and str(values.dtype) == "str"


def start_distinct_cells(columns: list[pd.Series[Any]], n: int) -> Callable[[], list[Distinct]]:
    """The cells as distinct values, their text hashed on threads from now (`start_distinct_columns`); call to collect.

    Categoricals (text a reader coded) already are distinct: a categorical's categories are its
    distinct values, a missing value last when a cell is missing.

    Examples
    --------
    >>> coded = pd.Series(pd.Categorical(["b", None, "b"]))
    >>> collect = start_distinct_cells([coded, pd.Series(["x", "y", "x"])], 3)
    >>> [(d.values.tolist(), d.codes.tolist()) for d in collect()]
    [(['b', nan], [0, 1, 0]), (['x', 'y'], [0, 1, 0])]
    """
    plain = [i for i, cells in enumerate(columns) if not isinstance(cells.dtype, pd.CategoricalDtype)]
    hashing = start_distinct_columns([columns[i] for i in plain], rows=n)

    def collect() -> list[Distinct]:
        done = dict(zip(plain, hashing(), strict=True))
        return [done[i] if i in done else _categories(cells) for i, cells in enumerate(columns)]

    return collect


def _categories(cells: pd.Series[Any]) -> Distinct:
    """A categorical of text as distinct values: its categories (a missing value last, when a cell is missing)."""
    coded = cells.array
    codes = coded.codes  # type: ignore[attr-defined]  # int8 for up to 127 categories: no copy, little memory
    values = pd.Series(coded.categories.array, dtype="str")  # type: ignore[attr-defined]
    if (codes < 0).any():
        values = pd.concat([values, pd.Series([np.nan], dtype="str")], ignore_index=True)
        codes = np.where(codes < 0, len(values) - 1, codes).astype(np.int32)
    return Distinct(values, codes)


def as_written(typed: Distinct, written: Distinct, cells: pd.Series[Any]) -> pd.Series[Any] | None:
    """`cells` when a text column reads as they are written, empty ones missing (sharing their characters), else None.

    Examples
    --------
    >>> from netinsight.distinct import distinct
    >>> cells = pd.Series(["a", "", "a"], dtype="str")
    >>> written = distinct(cells)
    >>> as_written(written.replace(pd.Series(["a", np.nan], dtype="str")), written, cells).tolist()
    ['a', nan, 'a']
    >>> as_written(written.replace(pd.Series(["A", np.nan], dtype="str")), written, cells) is None
    True
    """
    if not is_text(cells) or str(typed.values.dtype) != "str" or typed.codes is not written.codes:
        return None
    mine, theirs = (large_text(v.array) for v in (typed.values, written.values))
    if mine.equals(theirs):
        return cells.reset_index(drop=True)
    blank = pc.fill_null(pc.equal(theirs, ""), True)  # empty or missing as written: must be missing
    same = pc.if_else(blank, pc.is_null(mine), pc.fill_null(pc.equal(mine, theirs), False))
    return empty_as_missing(cells) if pc.all(same).as_py() else None


def id_codes(ids: Distinct) -> TextCodes:
    """The contact id keys as `netinsight.textcodes.encode_text` codes them, when their present values are distinct.

    They are when the keys read as the ids are written (`as_written`): then the values, the file's
    distinct cells in order of first appearance, are kept in that order, the missing ones dropped.

    Examples
    --------
    >>> t = id_codes(Distinct(pd.Series(["b", np.nan, "a"], dtype="str"), np.array([0, 1, 2, 0, 1])))
    >>> t.codes.tolist(), t.values.to_pylist()
    ([0, -1, 1, 0, -1], ['b', 'a'])
    """
    return present_codes(ids.codes, ids.values.array)


def file_column(files: np.ndarray[Any, Any] | None, file: str, n: int) -> pd.Series[Any]:
    """The file of each of `n` rows as a categorical: `files` (one per row), else `file` for every row.

    Examples
    --------
    >>> file_column(None, "log.csv", 2).tolist(), file_column(np.array(["a", "b"]), "", 2).tolist()
    (['log.csv', 'log.csv'], ['a', 'b'])
    """
    if files is not None or n == 0:
        return pd.Series(pd.Categorical(np.full(n, file, dtype=object) if files is None else files))
    one = pd.Categorical(np.array([file], dtype=object))
    return pd.Series(pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), dtype=one.dtype))


def typed_column(col: str, values: Distinct | pd.Series[Any]) -> pd.Series[Any]:
    """The column in its log dtype (`dtype_of`): distinct values typed once, then spread to the rows.

    Examples
    --------
    >>> typed_column("class_year", Distinct(pd.Series([2027.0, None]), np.array([0, 0, 1]))).tolist()
    [2027, 2027, <NA>]
    """
    if isinstance(values, Distinct):
        return values.replace(typed_column(col, values.values)).rows()
    dtype = dtype_of(col)
    series = values.reset_index(drop=True)
    if dtype == "str":
        return series if series.dtype == "str" else series.astype("str")
    if isinstance(dtype, pd.ArrowDtype) or str(series.dtype) == str(dtype):
        return series
    return series.astype(dtype)
