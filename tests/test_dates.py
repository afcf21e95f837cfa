from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.dates import AMBIGUOUS, BAD, EMPTY, OK, parse_date_columns, parse_dates, years_out_of_range


def one(text: object, **kw: object) -> tuple[pd.Timestamp, int]:
    dates, status = parse_dates(pd.Series([text], dtype=object), **kw)  # type: ignore[arg-type]
    return dates.iloc[0], int(status[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14", "2026-03-14 00:00"),
        ("2026-3-4", "2026-03-04 00:00"),
        ("2026/03/14", "2026-03-14 00:00"),
        ("2026-03-14 14:30", "2026-03-14 14:30"),
        ("2026-03-14T14:30:15", "2026-03-14 14:30:15"),
        ("2026-03-14T14:30:15.250", "2026-03-14 14:30:15"),
        ("3/14/2026", "2026-03-14 00:00"),
        ("03/14/2026 2:30 PM", "2026-03-14 14:30"),
        ("3/14/26", "2026-03-14 00:00"),
        ("14/3/2026", "2026-03-14 00:00"),
        ("14.03.2026", "2026-03-14 00:00"),
        ("4/4/2026", "2026-04-04 00:00"),
        ("14 Mar 2026", "2026-03-14 00:00"),
        ("14 March 2026 9:05", "2026-03-14 09:05"),
        ("14-Mar-2026", "2026-03-14 00:00"),
        ("Mar 14, 2026", "2026-03-14 00:00"),
        ("March 14th, 2026", "2026-03-14 00:00"),
        ("Sept 1 2026", "2026-09-01 00:00"),
        ("Mar 14, 2026 12:15 am", "2026-03-14 00:15"),
        ("46095", "2026-03-14 00:00"),
        ("46095.5", "2026-03-14 12:00"),
        ("  2026-03-14  ", "2026-03-14 00:00"),
    ],
)
def test_accepted_formats(text: str, expected: str) -> None:
    stamp, status = one(text)
    assert status == OK
    assert stamp == pd.Timestamp(expected)


@pytest.mark.parametrize("text", ["03/04/2026", "1/2/2026", "12.11.2026", "05-06-26"])
def test_ambiguous_dates_are_reported_not_guessed(text: str) -> None:
    stamp, status = one(text)
    assert status == AMBIGUOUS
    assert pd.isna(stamp)


def test_dayfirst_resolves_ambiguity() -> None:
    assert one("03/04/2026", dayfirst=True) == (pd.Timestamp("2026-04-03"), OK)
    assert one("03/04/2026", dayfirst=False) == (pd.Timestamp("2026-03-04"), OK)
    # an explicit order also applies to dates that would be unambiguous the other way
    assert one("13/04/2026", dayfirst=False)[1] == BAD


@pytest.mark.parametrize(
    "text",
    [
        "soon",
        "2026-02-30",
        "31/31/2026",
        "Smarch 3, 2026",
        "2026-03-14 25:00",
        "13:00 PM 3/14/2026",
        "2026",
        "2026-03-14+01:00",
        "3/14/2026 13:00 PM",
        "99999999",
    ],
)
def test_bad_dates(text: str) -> None:
    stamp, status = one(text)
    assert status == BAD
    assert pd.isna(stamp)


def test_empty_values() -> None:
    dates, status = parse_dates(pd.Series(["", "  ", None, np.nan], dtype=object))
    assert status.tolist() == [EMPTY] * 4
    assert dates.isna().all()


def test_datetimes_pass_through_and_mixed_excel_cells() -> None:
    typed = pd.Series(pd.to_datetime(["2026-03-14 10:00", None]))
    dates, status = parse_dates(typed)
    assert dates.iloc[0] == pd.Timestamp("2026-03-14 10:00")
    assert status.tolist() == [OK, EMPTY]
    mixed = pd.Series([pd.Timestamp("2026-03-14"), "15 Mar 2026", "", "nope"], dtype=object)
    dates, status = parse_dates(mixed)
    assert dates.iloc[:2].tolist() == [pd.Timestamp("2026-03-14"), pd.Timestamp("2026-03-15")]
    assert status.tolist() == [OK, OK, EMPTY, BAD]


def test_index_and_dtype_kept_input_not_modified() -> None:
    values = pd.Series(["2026-03-14", "x"], index=[10, 20], name="date")
    before = values.copy()
    dates, _ = parse_dates(values)
    assert dates.index.tolist() == [10, 20]
    assert dates.name == "date"
    assert str(dates.dtype) == "datetime64[ns]"
    pd.testing.assert_series_equal(values, before)


def test_repeated_values_parse_once_and_map_back() -> None:
    values = pd.Series(["3/14/2026", "03/04/2026"] * 1000)
    dates, status = parse_dates(values)
    assert (status[::2] == OK).all()
    assert (status[1::2] == AMBIGUOUS).all()
    assert (dates.iloc[::2] == pd.Timestamp("2026-03-14")).all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-30", BAD),  # read by the ISO fast path only if it prints back the same
        ("2024-02-29", OK),
        ("2026-13-01", BAD),
        ("1699-12-31", OK),  # outside the fast path's years, read by the general patterns
        ("2026-00-10", BAD),
        ("2026-03-14x", BAD),
    ],
)
def test_iso_days_are_checked_day_by_day(text: str, expected: int) -> None:
    assert one(text)[1] == expected


def test_iso_days_mixed_with_other_forms_give_the_same_days() -> None:
    dates, status = parse_dates(pd.Series(["2026-03-14", " 2026-03-14 ", "14 Mar 2026", "2026-02-30", ""]))
    assert status.tolist() == [OK, OK, OK, BAD, EMPTY]
    assert dates.iloc[:3].tolist() == [pd.Timestamp("2026-03-14")] * 3


def test_years_outside_the_timestamp_range_are_bad_dates_not_wrong_dates() -> None:
    parsed, status = parse_dates(pd.Series(["1600-01-01", "2300-01-01", "1678-01-01", "2261-12-31", "2026-01-05"]))
    assert status.tolist() == [BAD, BAD, OK, OK, OK]
    assert parsed.isna().tolist() == [True, True, False, False, False]
    assert parsed.iloc[2] == pd.Timestamp("1678-01-01")


def test_years_out_of_range_tells_a_far_year_from_text_that_is_no_date() -> None:
    values = pd.Series(["1600-01-01", "2300-12-31", "1600-02-29", "1700-02-29", "03/14/1500", "soon", "", "2026-01-05"])
    assert years_out_of_range(values).tolist() == [True, True, True, False, True, False, False, False]
    assert years_out_of_range(pd.Series([], dtype=object)).tolist() == []
    assert years_out_of_range(pd.Series([None, "1600-01-01"], dtype=object)).tolist() == [False, True]


def test_a_date_in_a_year_out_of_range_is_reported_as_such() -> None:
    from netinsight import read_log

    log = read_log(pd.DataFrame({"date": ["1600-01-01", "soon", "2026-01-05"], "contact": ["Ana", "Ben", "Cy"]}))
    problems = log.attrs["problems"]
    assert problems["code"].tolist() == ["bad_date", "bad_date"]
    assert problems["message"].tolist() == [
        "the year is out of the supported range (1678-2261); check the year",
        "cannot read this as a date; write it as YYYY-MM-DD (e.g. 2026-03-14)",
    ]
    assert log["date"].isna().tolist() == [True, True, False]


def test_date_columns_parsed_together_as_each_alone() -> None:
    columns = [
        pd.Series(["2026-03-14", "03/04/2026", "soon", ""], dtype="str"),
        pd.Series(["14 Mar 2026", None], dtype=object, index=[5, 7], name="x"),
        pd.Series(pd.to_datetime(["2026-01-05 10:00", None])),  # typed by Excel: kept
        pd.Series([], dtype="str"),
    ]
    together = parse_date_columns(columns, dayfirst=None)
    for column, (dates, status) in zip(columns, together, strict=True):
        alone, alone_status = parse_dates(column)
        pd.testing.assert_series_equal(dates, alone)
        assert status.tolist() == alone_status.tolist()
    assert parse_date_columns([]) == []
    ((dates, status),) = parse_date_columns([columns[0]], dayfirst=True)
    assert dates.iloc[1] == pd.Timestamp("2026-04-03")
