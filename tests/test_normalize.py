from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netinsight as ni
from netinsight.memo import kept
from netinsight.normalize import coded_headers, empty_log
from netinsight.textcodes import encode_text

from .conftest import make_log


def problems_of(log: pd.DataFrame) -> pd.DataFrame:
    problems: pd.DataFrame = log.attrs["problems"]
    return problems


def test_columns_dtypes_and_order_match_empty_log() -> None:
    log = make_log(date=["2026-01-05"], contact=["Ana"], Mood=["good"])
    reference = empty_log()
    assert log.columns.tolist() == [*ni.schema.CANONICAL_COLUMNS, "Mood", "source_file", "source_line"]
    for col in reference.columns:
        assert str(log[col].dtype) == str(reference[col].dtype), col


def test_contact_ids_are_keys() -> None:
    log = make_log(
        date=["2026-01-05"] * 2,
        contact=["a", "b"],
        contact_id=["Ana@Acme.example ", "https://www.linkedin.com/in/ben/"],
    )
    assert log["contact_id"].tolist() == ["ana@acme.example", "linkedin.com/in/ben"]


def test_missing_required_columns_are_reported_with_aliases() -> None:
    log = ni.read_log(pd.DataFrame({"Person": ["Ana"], "Mood": ["ok"]}))
    (row,) = problems_of(log).itertuples()
    assert row.code == "missing_column"
    assert row.column == "date"
    assert "columns found: ['Person', 'Mood']" in row.message
    assert "'date of interview'" in row.message
    assert log["date"].isna().all()
    assert log["Mood"].tolist() == ["ok"]


def test_two_headers_for_one_column() -> None:
    log = ni.read_log(pd.DataFrame({"Date": ["2026-01-05"], "Name": ["Ana"], "Contact": ["Ben"]}))
    assert log["contact"].tolist() == ["Ana"]
    assert log["Contact"].tolist() == ["Ben"]
    (row,) = problems_of(log).itertuples()
    assert row.code == "duplicate_column"
    assert "'Name' and 'Contact' both stand for 'contact'" in row.message


def test_unknown_columns_are_kept_untouched() -> None:
    log = make_log(date=["2026-01-05"], contact=["Ana"], **{"  Weird header ": ["  spaced  "]})
    assert log["  Weird header "].tolist() == ["  spaced  "]


def test_owner_column_and_default_owner() -> None:
    log = ni.read_log(
        pd.DataFrame({"Student": ["S1", ""], "date": ["2026-01-05"] * 2, "contact": ["a", "b"]}), owner="unknown"
    )
    assert log["owner"].astype(object).tolist() == ["S1", "unknown"]
    (row,) = problems_of(log).itertuples()
    assert (row.code, row.line) == ("unknown_value", 2)
    assert make_log(date=["2026-01-05"], contact=["a"])["owner"].tolist() == ["me"]
    assert ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["a"]}), owner="kim")["owner"].tolist() == [
        "kim"
    ]


def test_sector_column_is_derived_again_when_industry_present() -> None:
    log = make_log(date=["2026-01-05"], contact=["a"], industry=["Banking"], sector=["whatever"])
    assert log["sector"].tolist() == ["Finance"]
    assert "whatever" not in log.columns


def test_sector_header_alone_means_industry() -> None:
    log = ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["a"], "Sector": ["Tech"]}))
    assert (log["industry"].iloc[0], log["sector"].iloc[0]) == ("Tech", "Technology")


def test_dates_are_typed_and_located() -> None:
    log = make_log(date=["2026-01-05", "03/04/2026", "nope"], contact=list("abc"))
    assert log["date"].iloc[0] == pd.Timestamp("2026-01-05")
    assert log["date"].iloc[1:].isna().all()
    problems = problems_of(log)
    assert problems[["line", "code", "value"]].values.tolist() == [
        [2, "ambiguous_date", "03/04/2026"],
        [3, "bad_date", "nope"],
    ]


@pytest.mark.parametrize("dayfirst", [True, False])
def test_dayfirst_is_passed_on(dayfirst: bool) -> None:
    log = ni.read_log(pd.DataFrame({"date": ["03/04/2026"], "contact": ["a"]}), dayfirst=dayfirst)
    assert log["date"].iloc[0] == (pd.Timestamp("2026-04-03") if dayfirst else pd.Timestamp("2026-03-04"))
    assert problems_of(log).empty


def test_coded_headers_are_the_typed_columns_as_the_file_names_them() -> None:
    headers = ["Owner", "Date of interview", "Name", "Introduced By", "Outcome", "Channel", "channel", "Sector", "Mood"]
    assert coded_headers(headers) == {"Owner", "Date of interview", "Outcome", "Channel"}
    assert coded_headers([]) == set()
    assert coded_headers(["notes", "company", "source_line"]) == set()


def test_text_read_as_written_keeps_its_cells_with_empty_ones_missing() -> None:
    log = make_log(
        date=["2026-01-05"] * 6,
        contact=["a", "b", "c", "d", "e", "f"],
        contact_id=["ana@x.example", "", "ana@x.example", None, " ", "ben@x.example"],
        industry=["Tech", "", "Tech", "Tech", None, "Tech"],
    )
    assert log["contact_id"].tolist() == ["ana@x.example", np.nan, "ana@x.example", np.nan, np.nan, "ben@x.example"]
    assert log["industry"].tolist() == ["Tech", np.nan, "Tech", "Tech", np.nan, "Tech"]
    keyed = make_log(
        date=["2026-01-05"] * 3, contact=["a", "b", "c"], contact_id=["Ana@X.example", "", "ana@x.example"]
    )
    assert keyed["contact_id"].tolist() == ["ana@x.example", np.nan, "ana@x.example"]
    blank = make_log(date=["2026-01-05"] * 2, contact=["a", "b"], contact_id=["", ""])
    assert blank["contact_id"].tolist() == [np.nan, np.nan]
    single = make_log(date=["2026-01-05"], contact=["a"], contact_id=["ana@x.example"])
    assert single["contact_id"].tolist() == ["ana@x.example"]
    for frame in (log, keyed, blank, single):
        assert str(frame["contact_id"].dtype) == "str"


def test_contact_id_codes_handed_over_are_those_encode_text_gives() -> None:
    ids = ["b@x.example", "", "a@x.example", "b@x.example", None, "", "c@x.example"]
    log = make_log(date=["2026-01-05"] * len(ids), contact=list("abcdefg"), contact_id=ids)
    handed = kept(log, "text:contact_id")
    expected = encode_text(log["contact_id"])
    assert handed.codes.tolist() == expected.codes.tolist() == [0, -1, 1, 0, -1, -1, 2]
    assert handed.values.to_pylist() == expected.values.to_pylist() == ["b@x.example", "a@x.example", "c@x.example"]
    assert handed.codes.dtype == expected.codes.dtype
    assert handed.values.type == expected.values.type
    keyed = make_log(date=["2026-01-05"] * 2, contact=["a", "b"], contact_id=["B@x.example", "b@x.example"])
    assert kept(keyed, "text:contact_id") is None  # keys not as written: the network's coding encodes them
    spaced = make_log(date=["2026-01-05"] * 2, contact=["a", "b"], contact_id=["b@x.example", " "])
    assert kept(spaced, "text:contact_id") is None
    assert kept(make_log(date=["2026-01-05"], contact=["a"]), "text:contact_id") is None


def test_contact_ids_report_no_problems_so_reading_them_last_keeps_the_order() -> None:
    from netinsight.normalize import _READ_LAST

    log = ni.read_log(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "bad date", "2026-01-07", "2026-01-08"],
                "contact": ["Ana", "Ben", "Cy", "Dee"],
                "contact_id": ["MAILTO:Ana@X.example", "   ", "https://www.li.example/in/cy/?x=1", "\u00e9@x.example"],
                "channel": ["Video", "by pigeon", "", "Phone"],
            }
        )
    )
    problems = log.attrs["problems"]
    assert set(_READ_LAST) == {"contact_id"}
    assert not problems["column"].isin(["contact_id"]).any()
    assert problems["column"].tolist() == ["date", "channel"]  # in the read order
    assert log["contact_id"].isna().tolist() == [False, True, False, False]
    assert log["contact_id"].tolist()[::2] == ["ana@x.example", "li.example/in/cy"]
