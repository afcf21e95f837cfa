"""Where rows of a log came from: the file, the line and the column as that file names it.

The validators report problems at rows picked by a boolean mask or positions;
`RowLocator` turns those into the ``file``, ``line`` and ``column`` arguments of
`netinsight.problems.make_problems`, from the log's ``source_file``, ``source_line`` and
``attrs["headers"]``, without a Python loop over the rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["RowLocator"]


class RowLocator:
    """Where rows of a log came from, as `make_problems` arguments.

    ``at(rows, column)`` gives the file, line and the column as that file names it
    (``log.attrs["headers"]``) of the rows picked by a boolean mask or positions.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`.

    Examples
    --------
    >>> log = pd.DataFrame({"source_file": pd.Categorical(["a.csv", "a.csv"]), "source_line": pd.array([2, 3])})
    >>> log.attrs["headers"] = {"a.csv": {"date": "When"}}
    >>> RowLocator(log)(np.array([False, True]), "date")
    {'file': array(['a.csv'], dtype=object), 'line': array([3]), 'column': ['When']}
    """

    def __init__(self, log: pd.DataFrame) -> None:
        files = log["source_file"]
        if isinstance(files.dtype, pd.CategoricalDtype):  # the file of a row: a code into few names
            self._file_codes = files.cat.codes.to_numpy()
            names = files.cat.categories.to_numpy(dtype=object)
        else:
            self._file_codes, found = pd.factorize(files.astype(object), use_na_sentinel=True)
            names = np.asarray(found, dtype=object)
        self._file_names = np.append(names, "<log>").astype(object)  # code -1 (no file) -> "<log>"
        self.line = log["source_line"].to_numpy(dtype="float64", na_value=np.nan)
        self.row_line = np.where(np.isnan(self.line), np.arange(1, len(log) + 1), self.line).astype(np.int64)
        self.headers: dict[str, dict[str, str]] = log.attrs.get("headers", {})

    @property
    def file(self) -> np.ndarray[Any, np.dtype[np.object_]]:
        """The file of every row ("<log>" where none is known)."""
        return self.files_of(slice(None))

    def files_of(self, rows: Any) -> np.ndarray[Any, np.dtype[np.object_]]:
        """The file of the rows picked by a boolean mask or positions."""
        picked: np.ndarray[Any, np.dtype[np.object_]] = self._file_names[self._file_codes[rows]]
        return picked

    def __call__(self, rows: Any, column: str) -> dict[str, Any]:
        """File, line and the column as the file names it, for the picked rows."""
        codes = self._file_codes[rows]
        files = self._file_names[codes]
        if not column:
            return {"file": files, "line": self.row_line[rows], "column": column}
        named = np.array([self.headers.get(f, {}).get(column, column) for f in self._file_names], dtype=object)
        return {"file": files, "line": self.row_line[rows], "column": list(named[codes])}
