"""Tests of netinsight.logcolumns: each column's dtype and columns built from distinct values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from netinsight.distinct import Distinct, distinct
from netinsight.logcolumns import (
    as_written,
    dtype_of,
    file_column,
    id_codes,
    is_text,
    start_distinct_cells,
    typed_column,
)
from netinsight.normalize import empty_log


def test_dtype_of_every_canonical_column_is_the_empty_logs() -> None:
    log = empty_log()
    for col in log.columns:
        assert str(log[col].dtype) == str(dtype_of(col)), col
    assert dtype_of("an unknown column") == "str"


def test_is_text_only_for_pandas_default_text() -> None:
    assert is_text(pd.Series(["a", None], dtype="str"))
    assert not is_text(pd.Series(["a"], dtype="string"))  # pandas' other text dtype (NA for missing)
    assert not is_text(pd.Series(["a"], dtype=object))
    assert not is_text(pd.Series(pd.Categorical(["a"])))


def test_distinct_cells_of_categoricals_and_text_with_missing_and_empty() -> None:
    coded = pd.Series(pd.Categorical(["b", None, "b", "a"], categories=["b", "a"]))
    text = pd.Series(["x", None, "x", ""], dtype="str")
    (c, t) = start_distinct_cells([coded, text], 4)()
    assert (c.values.tolist(), c.codes.tolist()) == (["b", "a", np.nan], [0, 2, 0, 1])
    assert (t.values.tolist(), t.codes.tolist()) == (["x", "", np.nan], [0, 2, 0, 1])
    assert [d.rows().tolist() for d in start_distinct_cells([coded.iloc[:0], text.iloc[:0]], 0)()] == [[], []]
    full = start_distinct_cells([pd.Series(pd.Categorical(["b", "a"]))], 2)()[0]
    assert (full.values.tolist(), full.codes.tolist()) == (["a", "b"], [1, 0])  # no missing value added


def test_as_written_only_when_every_cell_reads_as_written() -> None:
    cells = pd.Series(["Ana", "", None, "Ana", " Bo"], dtype="str")
    written = distinct(cells)
    assert written.values.tolist() == ["Ana", "", " Bo", np.nan]  # the missing value last
    blank_missing = written.replace(pd.Series(["Ana", np.nan, " Bo", np.nan], dtype="str"))
    assert as_written(blank_missing, written, cells).tolist() == ["Ana", np.nan, np.nan, "Ana", " Bo"]
    trimmed = written.replace(pd.Series(["Ana", np.nan, "Bo", np.nan], dtype="str"))
    assert as_written(trimmed, written, cells) is None  # " Bo" is not read as written
    other_codes = Distinct(written.values, written.codes.copy())
    assert as_written(other_codes, written, cells) is None  # not the same rows: not comparable
    assert as_written(written, written, cells.astype(object)) is None  # not pandas' text


def test_id_codes_drop_the_missing_id() -> None:
    ids = Distinct(pd.Series(["a@x", np.nan, "b@y"], dtype="str"), np.array([0, 1, 2, 2, 1]))
    codes = id_codes(ids)
    assert (codes.codes.tolist(), codes.values.to_pylist()) == ([0, -1, 1, 1, -1], ["a@x", "b@y"])
    assert codes.decode().to_pylist() == ["a@x", None, "b@y", "b@y", None]


def test_file_column_one_file_or_one_per_row() -> None:
    one = file_column(None, "log.csv", 3)
    assert (one.tolist(), list(one.cat.categories)) == (["log.csv"] * 3, ["log.csv"])
    many = file_column(np.array(["a.csv", "b.csv", "a.csv"], dtype=object), "", 3)
    assert (many.tolist(), list(many.cat.categories)) == (["a.csv", "b.csv", "a.csv"], ["a.csv", "b.csv"])
    assert file_column(None, "log.csv", 0).tolist() == []


def test_typed_column_from_distinct_values_and_from_rows() -> None:
    years = typed_column("class_year", Distinct(pd.Series([2027.0, np.nan]), np.array([1, 0, 0])))
    assert (str(years.dtype), years.tolist()) == ("Int64", [pd.NA, 2027, 2027])
    text = typed_column("company", pd.Series(["Acme", None], index=[5, 6], dtype=object))
    assert (str(text.dtype), text.index.tolist(), text.tolist()) == ("str", [0, 1], ["Acme", np.nan])
    assert typed_column("company", pd.Series(["Acme"], dtype="str")).tolist() == ["Acme"]
    owners = typed_column("owner", Distinct(pd.Series(["me", "you"], dtype="str"), np.array([1, 1, 0])))
    assert (str(owners.dtype), owners.tolist()) == ("category", ["you", "you", "me"])
