from __future__ import annotations

import pandas as pd

from netinsight.headers import derived_sector_headers, map_headers, missing_columns
from netinsight.schema import COLUMN_ALIASES, HEADER_ALIASES


def test_map_headers_skips_and_reports_duplicates() -> None:
    problems: list[pd.DataFrame] = []
    mapping, unknown = map_headers(
        ["Date of interview", "Name", "Person", "Mood", "source_line"],
        HEADER_ALIASES,
        skip={"source_line"},
        file="log.csv",
        header_line=3,
        problems=problems,
    )
    assert mapping == {"date": "Date of interview", "contact": "Name"}
    assert unknown == ["Person", "Mood"]
    (problem,) = problems
    assert problem[["line", "column", "code"]].values.tolist() == [[3, "Person", "duplicate_column"]]


def test_missing_columns_names_found_headers_and_spellings() -> None:
    (problem,) = missing_columns(
        ["date", "contact"],
        {"contact": "Name"},
        ["Name"],
        COLUMN_ALIASES,
        what="the log",
        file="f.csv",
        header_line=1,
    )
    assert problem.loc[0, "column"] == "date"
    assert "columns found: ['Name']" in problem.loc[0, "message"]
    assert (
        missing_columns(
            ["contact"], {"contact": "Name"}, ["Name"], COLUMN_ALIASES, what="the log", file="f.csv", header_line=1
        )
        == []
    )


def test_derived_sector_headers() -> None:
    assert derived_sector_headers(["Industry", "sector"], HEADER_ALIASES) == {"sector"}
    assert derived_sector_headers(["Sector"], HEADER_ALIASES) == set()
