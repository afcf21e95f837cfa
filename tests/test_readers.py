from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from netinsight.problems import LogReadError
from netinsight.readers import frame_to_raw, read_table

WriteFile = Callable[..., Path]


def test_missing_and_unknown_files(write_file: WriteFile, tmp_path: Path) -> None:
    with pytest.raises(LogReadError, match="no such file"):
        read_table(tmp_path / "nope.csv")
    with pytest.raises(LogReadError, match=r"cannot read files ending in '\.docx'"):
        read_table(write_file("log.docx", "x"))
    with pytest.raises(LogReadError, match="this is a zip or Excel file"):
        read_table(write_file("log.csv", b"PK\x03\x04rest"))


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_excel_first_sheet_named_sheet_and_index(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "log.xlsx",
        {
            "Interviews": [
                ["Date", "Name", "Minutes"],
                [pd.Timestamp("2026-01-05 10:00").to_pydatetime(), "Ana", 30.0],
                [None, None, None],
                ["6 Jan 2026", "Ben", 45],
            ],
            "Other": [["Date", "Name"], ["2026-02-01", "Cy"]],
        },
    )
    first = read_table(path)
    assert first.file == f"{path}[Interviews]"
    assert first.frame["Date"].tolist() == [pd.Timestamp("2026-01-05 10:00"), "6 Jan 2026"]
    assert first.frame["Minutes"].tolist() == ["30", "45"]
    assert first.lines.tolist() == [2, 4]
    assert first.problems[0].loc[0, "code"] == "blank_rows"
    assert read_table(path, sheet="Other").frame["Name"].tolist() == ["Cy"]
    assert read_table(path, sheet=1).frame["Name"].tolist() == ["Cy"]
    with pytest.raises(LogReadError, match=r"no sheet named 'Nope'; the workbook has sheets \['Interviews', 'Other'\]"):
        read_table(path, sheet="Nope")
    with pytest.raises(LogReadError, match="`sheet` 5 is out of range"):
        read_table(path, sheet=5)


def test_excel_header_below_title_rows(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "log.xlsx", {"S": [[None], ["Date", "Name"], ["2026-01-05", "Ana"]]})
    table = read_table(path)
    assert table.frame["Name"].tolist() == ["Ana"]
    assert table.lines.tolist() == [3]


def test_corrupt_and_empty_excel(write_file: WriteFile, tmp_path: Path) -> None:
    with pytest.raises(LogReadError, match=r"not a readable \.xlsx workbook"):
        read_table(write_file("log.xlsx", b"not a zip"))
    with pytest.raises(LogReadError, match="the sheet is empty"):
        read_table(_workbook(tmp_path / "empty.xlsx", {"S": []}))


def test_json_records_wrapped_and_lines(write_file: WriteFile) -> None:
    records = '[{"date": "2026-01-05", "contact": "Ana", "outcome": ["referral", "job lead"], "n": 3.0, "ok": true}]'
    table = read_table(write_file("log.json", records))
    assert table.frame.iloc[0].tolist() == ["2026-01-05", "Ana", "referral; job lead", "3", "true"]
    wrapped = read_table(write_file("wrapped.json", '{"interviews": ' + records + "}"))
    assert wrapped.frame["contact"].tolist() == ["Ana"]
    lines = read_table(write_file("log.jsonl", '{"date": "2026-01-05", "contact": "Ana"}\n\n{"contact": "Ben"}\n'))
    assert lines.frame.to_dict("list") == {"date": ["2026-01-05", ""], "contact": ["Ana", "Ben"]}
    assert lines.lines.tolist() == [1, 3]
    assert lines.problems[0].loc[0, "code"] == "blank_rows"


def test_bad_json(write_file: WriteFile) -> None:
    with pytest.raises(LogReadError, match=r"log.jsonl:2: not valid JSON"):
        read_table(write_file("log.jsonl", '{"a": 1}\n{"a": \n'))
    with pytest.raises(LogReadError, match="expected a JSON array of records"):
        read_table(write_file("log.json", '"just text"'))
    with pytest.raises(LogReadError, match="each line must be one JSON object"):
        read_table(write_file("log.jsonl", "[1, 2]\n"))
    with pytest.raises(LogReadError, match="holds no records"):
        read_table(write_file("log.json", "[]"))


def test_parquet_and_corrupt_parquet(write_file: WriteFile, tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    pd.DataFrame({"date": pd.to_datetime(["2026-01-05"]), "contact": ["Ana"], "n": [2]}).to_parquet(path)
    table = read_table(path)
    assert table.frame["date"].tolist() == [pd.Timestamp("2026-01-05")]
    assert table.frame["n"].tolist() == ["2"]
    with pytest.raises(LogReadError, match="not a readable Parquet file"):
        read_table(write_file("bad.parquet", b"nope"))


def test_frame_to_raw_does_not_modify_and_uses_provenance() -> None:
    frame = pd.DataFrame(
        {
            "date": ["2026-01-05", None],
            "contact": ["Ana", "Ben"],
            "x": [1.5, None],
            "source_file": ["a.csv", "a.csv"],
            "source_line": [7, 9],
        }
    )
    before = frame.copy()
    table = frame_to_raw(frame, "<df>")
    pd.testing.assert_frame_equal(frame, before)
    assert table.frame["x"].tolist() == ["1.5", ""]
    assert table.lines.tolist() == [7, 9]
    with pytest.raises(LogReadError, match=r"the columns \['a'\] appear more than once"):
        frame_to_raw(pd.DataFrame([[1, 2]], columns=["a", "a"]), "<df>")
