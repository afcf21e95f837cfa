from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from netinsight.cells import follow_up_dates, outcomes, piece_rows
from netinsight.distinct import distinct


def locate(col: str, rows: Any) -> dict[str, Any]:
    rows = np.flatnonzero(rows) if np.asarray(rows).dtype == bool else np.asarray(rows)
    return {"file": "f.csv", "line": rows + 2, "column": col}


def test_piece_rows_by_hand() -> None:
    # cell 0 has pieces 0 and 1, cell 2 has piece 2; rows hold cells 2, 1, 0, 2
    rows, pieces = piece_rows(np.array([0, 0, 2]), np.array([2, 1, 0, 2]))
    assert rows.tolist() == [0, 2, 2, 3]
    assert pieces.tolist() == [2, 0, 1, 2]
    rows, pieces = piece_rows(np.array([], dtype=np.int64), np.array([0, 0]))
    assert (rows.tolist(), pieces.tolist()) == ([], [])
    rows, pieces = piece_rows(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert (rows.tolist(), pieces.tolist()) == ([], [])


def test_follow_up_dates_repeated_cells_report_every_row_in_order() -> None:
    found: list[pd.DataFrame] = []
    cells = distinct(pd.Series(["2026-02-01; soon; later", "", "2026-02-01; soon; later"], dtype="str"))
    out = follow_up_dates(cells, 3, None, found, locate).rows()
    assert [list(v) for v in out] == [[pd.Timestamp("2026-02-01")], [], [pd.Timestamp("2026-02-01")]]
    (bad,) = found
    assert bad[["line", "value"]].values.tolist() == [[2, "soon"], [2, "later"], [4, "soon"], [4, "later"]]


def test_follow_up_dates_without_a_column_and_empty() -> None:
    found: list[pd.DataFrame] = []
    assert follow_up_dates(None, 2, None, found, locate).rows().tolist() == [[], []]
    assert follow_up_dates(distinct(pd.Series([], dtype="str")), 0, None, found, locate).rows().tolist() == []
    assert found == []


def test_outcomes_keep_unknown_pieces_and_report_them() -> None:
    found: list[pd.DataFrame] = []
    cells = distinct(pd.Series(["Referral & cake", "offer", "Referral & cake"], dtype="str"))
    out = outcomes(cells, found, locate).rows()
    assert out.tolist() == [["referral", "cake"], ["offer"], ["referral", "cake"]]
    (unknown,) = found
    assert unknown[["line", "value", "column"]].values.tolist() == [[2, "cake", "outcome"], [4, "cake", "outcome"]]
