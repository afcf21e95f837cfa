from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.dates import AMBIGUOUS, BAD, parse_dates
from netinsight.distinct import distinct
from netinsight.values import (
    LIST_OF_TEXT,
    date_column,
    date_problems,
    list_column,
)

from .conftest import make_log


def problems_of(log: pd.DataFrame) -> pd.DataFrame:
    problems: pd.DataFrame = log.attrs["problems"]
    return problems


def test_spaces_are_trimmed_and_collapsed_and_na_names_are_names() -> None:
    log = make_log(
        date=["2026-01-05"] * 4, contact=["  Ana   Ruiz ", "NA", "None", "NULL"], company=[" Acme  Corp ", "", " ", "x"]
    )
    assert log["contact"].tolist() == ["Ana Ruiz", "NA", "None", "NULL"]
    assert log["company"].isna().tolist() == [False, True, True, False]
    assert log["company"].iloc[0] == "Acme Corp"


def test_booleans() -> None:
    values = ["yes", "No", "Y", "n", "TRUE", "false", "1", "0", "x", "", "maybe"]
    log = make_log(date=["2026-01-05"] * len(values), contact=list("abcdefghijk"), questions_prepared=values)
    assert log["questions_prepared"].tolist()[:9] == [True, False, True, False, True, False, True, False, True]
    assert log["questions_prepared"].iloc[9:].isna().all()
    bad = problems_of(log)
    assert bad[["line", "code", "value"]].values.tolist() == [[11, "bad_boolean", "maybe"]]


def test_channel_vocabulary_and_unknown_values_kept() -> None:
    values = ["coffee", "Onsite", "in-person", "call", "Zoom", "Teams", "Google Meet", "carrier pigeon"]
    log = make_log(date=["2026-01-05"] * len(values), contact=list("abcdefgh"), channel=values)
    assert log["channel"].astype(object).tolist() == [
        "in_person",
        "in_person",
        "in_person",
        "phone",
        "video",
        "video",
        "video",
        "carrier pigeon",
    ]
    (row,) = problems_of(log).itertuples()
    assert (row.code, row.line, row.value) == ("unknown_value", 8, "carrier pigeon")
    assert "known values: ['in_person', 'phone', 'video']" in row.message


def test_source_vocabulary() -> None:
    log = make_log(
        date=["2026-01-05"] * 4,
        contact=list("abcd"),
        source=["Alumni database", "LinkedIn", "career fair", "Friend or family"],
    )
    assert log["source"].astype(object).tolist() == ["alumni", "linkedin", "event", "friend_family"]


def test_outcome_lists() -> None:
    log = make_log(
        date=["2026-01-05"] * 4,
        contact=list("abcd"),
        outcome=["Job lead; Referral", "mentor, offer", "", "referral and job lead"],
    )
    assert log["outcome"].tolist() == [["job_lead", "referral"], ["mentorship", "offer"], [], ["referral", "job_lead"]]


def test_follow_up_lists_with_commas_inside_dates() -> None:
    log = make_log(
        date=["2026-01-05"] * 4,
        contact=list("abcd"),
        follow_up_date=["2026-02-01; 2026-03-01", "Feb 1, 2026, Mar 1, 2026", "2026-02-01, 2026-03-01", ""],
    )
    expected = [pd.Timestamp("2026-02-01"), pd.Timestamp("2026-03-01")]
    assert [list(v) for v in log["follow_up_date"].tolist()] == [expected, expected, expected, []]


def test_bad_dates_in_follow_up_lists_are_located() -> None:
    log = make_log(date=["2026-01-05"] * 2, contact=["a", "b"], follow_up_date=["2026-02-01", "2026-02-01; later"])
    assert [len(v) for v in log["follow_up_date"]] == [1, 1]
    (row,) = problems_of(log).itertuples()
    assert (row.code, row.line, row.value, row.column) == ("bad_date", 2, "later", "follow_up_date")


def test_numbers() -> None:
    log = make_log(
        date=["2026-01-05"] * 4,
        contact=list("abcd"),
        duration_min=["45", "30 min", "", "half hour"],
        class_year=["2027", "Class of 2028", "", "soon"],
    )
    assert log["duration_min"].tolist()[:2] == [45.0, 30.0]
    assert log["class_year"].tolist()[:2] == [2027, 2028]
    codes = problems_of(log)[["line", "code"]].values.tolist()
    assert codes == [[4, "bad_number"], [4, "bad_number"]]


def test_list_column() -> None:
    column = list_column(np.array([1, 1]), pa.array(["a", "b"]), 3)
    assert column.tolist() == [[], ["a", "b"], []]
    assert str(column.dtype) == str(LIST_OF_TEXT)


def test_date_problems_report_bad_then_ambiguous_at_their_rows() -> None:
    found: list[pd.DataFrame] = []

    def locate(col: str, rows: np.ndarray) -> dict[str, object]:
        return {"file": "f.csv", "line": rows + 2, "column": col}

    date_problems(
        "When",
        np.array(["03/04/2026", "soon", "later"], dtype=object),
        np.array([AMBIGUOUS, BAD, BAD]),
        np.array([0, 4, 7]),
        found,
        locate,
    )
    assert [p["code"].tolist() for p in found] == [["bad_date", "bad_date"], ["ambiguous_date"]]
    assert found[0][["line", "value", "column"]].values.tolist() == [[6, "soon", "When"], [9, "later", "When"]]
    assert found[1]["line"].tolist() == [2]
    date_problems("When", np.array([], dtype=object), np.array([]), np.array([]), found, locate)
    assert len(found) == 2


def test_repeated_bad_values_are_reported_at_every_row() -> None:
    log = make_log(date=["soon", "2026-01-05", "soon"], contact=["a", "b", "c"], channel=["owl", "phone", "owl"])
    problems = problems_of(log)
    assert problems[["line", "code", "value"]].values.tolist() == [
        [1, "bad_date", "soon"],
        [1, "unknown_value", "owl"],
        [3, "bad_date", "soon"],
        [3, "unknown_value", "owl"],
    ]


def test_a_date_column_parsed_before_is_read_the_same() -> None:
    cells = distinct(pd.Series(["2026-03-14", "soon", "2026-03-14", ""], dtype="str"))
    locate = lambda col, rows: {"file": "f.csv", "line": np.asarray(rows) + 2, "column": col}  # noqa: E731
    found: list[pd.DataFrame] = []
    done: list[pd.DataFrame] = []
    read = date_column("date", cells, 4, None, found, locate)
    again = date_column("date", cells, 4, None, done, locate, done=parse_dates(cells.values))
    assert read.rows().tolist() == again.rows().tolist()
    assert [p.to_dict("list") for p in found] == [p.to_dict("list") for p in done]
