"""Work on distinct values only: map a vectorised function over the uniques, then spread back.

Logs repeat the same names, companies, industries and dates thousands of times; doing the
work once per distinct value is the cheapest way to normalise a million rows. `Distinct`
keeps a column as its distinct values and, per row, the position of its value, so a chain
of element-wise steps runs on the few distinct values and the rows are built once at the end.
Only element-wise work may run on the distinct values; anything that looks at several rows
at once (counts, "first seen") must run on the rows. `distinct_columns` hashes long text
columns side by side on every core (`netinsight.threads.map_threads`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.textcodes import TextCodes, dictionary_codes, present_codes
from netinsight.threads import in_background, map_threads

__all__ = ["Distinct", "distinct", "distinct_columns", "map_distinct", "start_distinct_columns"]

#: pandas' arrays of NumPy data with a mask of missing values.
_MASKED: Final = (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)


class Distinct(NamedTuple):
    """A column as its distinct values and, for each row, the position of its value.

    Attributes
    ----------
    values
        The values, one per position (a RangeIndex; duplicates and missing values allowed).
    codes
        For each row, the position of its value in `values` (never negative; any integer dtype,
        small ones for few values).
    """

    values: pd.Series[Any]
    codes: np.ndarray[Any, np.dtype[np.signedinteger[Any]]]

    def replace(self, values: pd.Series[Any] | np.ndarray[Any, Any]) -> Distinct:
        """The same rows with new values, one per position (the result of element-wise work).

        Examples
        --------
        >>> d = distinct(pd.Series(["b", "a", "b"]))
        >>> d.replace(d.values.str.upper()).rows().tolist()
        ['B', 'A', 'B']
        """
        series = values if isinstance(values, pd.Series) else pd.Series(values)
        plain = isinstance(series.index, pd.RangeIndex) and series.index.start == 0 and series.index.step == 1
        return Distinct(series if plain else series.reset_index(drop=True), self.codes)

    def text_codes(self) -> TextCodes | None:
        """The column as `netinsight.textcodes.TextCodes` as `encode_text` gives them, when its values are Arrow text.

        The values must be distinct (as `distinct` and `distinct_columns` give them): a missing
        value is dropped and its rows coded -1, without a hash of the values.

        Examples
        --------
        >>> d = distinct_columns([pd.Series(["b", None, "b"], dtype="str")], rows=3)[0]
        >>> t = d.text_codes()
        >>> t.codes.tolist(), t.values.to_pylist(), t.take(np.arange(3)).to_pylist()
        ([0, -1, 0], ['b'], ['b', None, 'b'])
        """
        values = self.values.array
        if not isinstance(values, pd.arrays.ArrowStringArray):
            return None
        return present_codes(self.codes, values)

    def rows(self) -> pd.Series[Any]:
        """The full column: each row's value, in the values' dtype, with a fresh RangeIndex.

        Categorical values keep only the categories some row uses.

        Examples
        --------
        >>> d = distinct(pd.Series(["b", None, "b"], dtype="str"))
        >>> d.rows().tolist(), str(d.rows().dtype)
        (['b', nan, 'b'], 'str')
        """
        values = self.values.array
        if isinstance(values, pd.Categorical):  # the rows' category codes, then only the categories some row uses
            codes = values.codes[self.codes]
            used = np.bincount(codes + 1, minlength=len(values.categories) + 1)[1:] > 0
            categories = values.categories
            if not used.all():
                codes = np.append(np.cumsum(used) - 1, -1)[codes]  # a missing value (-1) stays missing
                categories = categories[used]
            return pd.Series(
                pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories, ordered=values.ordered))
            )
        if isinstance(values, _MASKED):  # NumPy data and mask, each taken by NumPy (pandas' indexing checks are slower)
            mask = values.isna()
            kind = np.dtype(values.dtype.numpy_dtype)  # type: ignore[union-attr]
            data = values.to_numpy(dtype=kind, na_value=kind.type(0))
            return pd.Series(type(values)(data[self.codes], mask[self.codes]))
        if isinstance(self.values.dtype, np.dtype):  # NumPy data (naive datetimes, numbers, objects)
            return pd.Series(self.values.to_numpy()[self.codes], dtype=self.values.dtype)
        return pd.Series(values.take(self.codes), dtype=self.values.dtype)

    def at(self, mask: np.ndarray[Any, Any] | pd.Series[Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Spread a per-value boolean `mask` to the rows.

        Examples
        --------
        >>> d = distinct(pd.Series(["b", "a", "b"]))
        >>> d.at(d.values.eq("b")).tolist()
        [True, False, True]
        """
        flags = np.asarray(mask, dtype=bool)
        if not flags.any():  # no value picked: no row either (the usual case for problems)
            return np.zeros(len(self.codes), dtype=bool)
        picked: np.ndarray[Any, np.dtype[np.bool_]] = flags[self.codes]
        return picked


def distinct(values: pd.Series[Any]) -> Distinct:
    """Split a column into its distinct values and the code of each row.

    Arrow-backed text is hashed by Arrow; other columns by `pandas.factorize`. Missing
    values share one position holding a missing value of the column's dtype.

    Parameters
    ----------
    values
        Any column. Not modified.

    Returns
    -------
    Distinct

    Examples
    --------
    >>> d = distinct(pd.Series(["b", "a", None, "b"], dtype="str"))
    >>> d.values.tolist(), d.codes.tolist()
    (['b', 'a', nan], [0, 1, 2, 0])
    """
    if _arrow_text(values):
        dictionary, codes = _encode(pa.array(values, from_pandas=True))  # the column's own Arrow data
        return Distinct(pd.Series(dictionary, dtype=values.dtype), codes)
    found, uniques = pd.factorize(values)
    array = pd.Series(uniques, dtype=values.dtype).array
    if (found < 0).any():  # one more position, holding the dtype's missing value
        array = array.take(np.append(np.arange(len(array)), -1), allow_fill=True)
        found = np.where(found < 0, len(array) - 1, found)
    return Distinct(pd.Series(array, dtype=values.dtype), found)


def distinct_columns(columns: Sequence[pd.Series[Any]], *, rows: int) -> list[Distinct]:
    """`distinct` of each column; Arrow text columns of `rows` rows are hashed side by side on threads.

    Examples
    --------
    >>> [d.codes.tolist() for d in distinct_columns([pd.Series(["a", "b", "a"]), pd.Series([1, 1, 2])], rows=3)]
    [[0, 1, 0], [0, 0, 1]]
    """
    return _distinct_columns(columns, rows=rows, later=False)()


def start_distinct_columns(columns: Sequence[pd.Series[Any]], *, rows: int) -> Callable[[], list[Distinct]]:
    """`distinct_columns`, its hashing of Arrow text started on threads now; call the result to collect it.

    This thread may go on with other work meanwhile; the columns must not change until then.

    Examples
    --------
    >>> collect = start_distinct_columns([pd.Series(["a", "b", "a"])], rows=3)
    >>> [d.values.tolist() for d in collect()]
    [['a', 'b']]
    """
    return _distinct_columns(columns, rows=rows, later=True)


def _distinct_columns(columns: Sequence[pd.Series[Any]], *, rows: int, later: bool) -> Callable[[], list[Distinct]]:
    """The collector of `distinct_columns`; the hashing runs on a thread of its own only when `later`."""
    arrow = [i for i, column in enumerate(columns) if _arrow_text(column)]
    arrays = [pa.array(columns[i], from_pandas=True) for i in arrow]
    encoding = in_background(lambda: map_threads(_encode, arrays, rows=rows), rows=rows if arrays and later else 0)

    def collect() -> list[Distinct]:
        encoded = encoding.result()
        out = {
            i: Distinct(pd.Series(d, dtype=columns[i].dtype), codes)
            for i, (d, codes) in zip(arrow, encoded, strict=True)
        }
        return [out[i] if i in out else distinct(column) for i, column in enumerate(columns)]

    return collect


def _arrow_text(values: pd.Series[Any]) -> bool:
    return isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"


def _encode(array: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray[Any, Any]]:
    """Arrow only (safe on a thread): the distinct values, a null last when there are nulls, and each code."""
    dictionary, codes = dictionary_codes(array)  # the chunks as they are: no joined copy of the column
    if len(codes) and codes.min() < 0:
        dictionary = pa.concat_arrays([dictionary, pa.nulls(1, dictionary.type)])
        codes = np.where(codes < 0, len(dictionary) - 1, codes).astype(codes.dtype)
    return dictionary, codes


def map_distinct(values: pd.Series[Any], func: Callable[[pd.Series[Any]], Any]) -> np.ndarray[Any, Any]:
    """Apply `func` to the distinct non-missing values and return one result per value.

    Parameters
    ----------
    values
        Any column. Not modified.
    func
        Takes a Series of the distinct values (object dtype) and returns a sequence of the
        same length (vectorised: a Series, an array or a list).

    Returns
    -------
    numpy.ndarray
        Object array aligned with `values`; missing values give None.

    Examples
    --------
    >>> s = pd.Series(["b", "a", None, "b"])
    >>> map_distinct(s, lambda u: u.str.upper()).tolist()
    ['B', 'A', None, 'B']
    """
    codes, uniques = pd.factorize(values)
    out = np.full(len(codes), None, dtype=object)
    if len(uniques):
        mapped = np.asarray(func(pd.Series(np.asarray(uniques, dtype=object), dtype=object)), dtype=object)
        found = codes >= 0
        out[found] = mapped[codes[found]]
    return out
