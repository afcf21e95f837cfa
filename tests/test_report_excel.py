from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook

from netinsight.document import Report, Section, Table
from netinsight.report_excel import write_excel
from netinsight.safety import FORMULA_PREFIXES
from tests.test_document import HOSTILE, hostile_report

BAD_SHEET_CHARS = set("[]:*?/\\")


def roundtrip(report: Report, tmp_path: Path) -> Any:
    return load_workbook(write_excel(report, tmp_path / "report.xlsx"))


def one_table(frame: pd.DataFrame, title: str = "t") -> Report:
    return Report("r", (Section("s", tables=(Table(title, frame),)),))


def values(sheet: Any) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def neutralised(text: str) -> str:
    """The expected cell text: a leading apostrophe before a formula start; XML reads CR back as LF."""
    return ("'" + text if text.startswith(FORMULA_PREFIXES) else text).replace("\r", "\n")


def test_hostile_report_has_no_formula_and_no_formula_text(tmp_path: Path) -> None:
    wb = roundtrip(hostile_report(), tmp_path)
    for sheet in wb:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_PREFIXES), (sheet.title, cell.coordinate, cell.value)
                    assert cell.data_type == "s"
    cells = wb[wb.sheetnames[1]]
    assert [c.value for c in cells["A"]] == ["text"] + [neutralised(shown) for _, shown in HOSTILE]
    assert [c.value for c in cells["B"]][1:] == list(range(len(HOSTILE)))
    assert [c.value for c in cells["C"]][-2:] == [0.25, "<5%"]
    assert cells["C2"].number_format == "0.0%"
    assert cells["B3"].number_format == "#,##0"
    wide = wb[wb.sheetnames[4]]
    assert [c.value for c in wide[1]] == [neutralised(shown) for _, shown in HOSTILE]
    indexed = wb[wb.sheetnames[5]]
    assert indexed["A1"].value == neutralised(HOSTILE[1][1])
    assert indexed["A24"].value == "N" * 300
    assert indexed.freeze_panes == "B2"
    about = values(wb["About"])
    assert about[0][0] == HOSTILE[0][1]
    assert about[1][0] == neutralised(HOSTILE[1][1])
    expected = [neutralised(shown) for _, shown in HOSTILE]
    assert about[3][0] == "Key figures"
    assert [row[:2] for row in about[4 : 4 + len(HOSTILE)]] == [[text, text] for text in expected]
    assert [row[0] for row in about[-len(HOSTILE) :]] == expected


def test_sheet_names_are_valid_and_unique(tmp_path: Path) -> None:
    titles = [
        "Summary",
        "summary",
        "a/b:c*d?e[f]g\\h",
        "'quoted'",
        "x" * 40,
        "History",
        "About",
        "",
        "=SUM(1)",
        "Summary",
        "x" * 40,
        "\U0001f600" * 20,
    ]
    tables = (*(Table(t, pd.DataFrame({"n": [1]})) for t in titles), Table("ignored", pd.DataFrame(), sheet="Own"))
    wb = roundtrip(Report("r", (Section("s", tables=tables),)), tmp_path)
    assert wb.sheetnames == [
        "About",
        "Summary",
        "summary (2)",
        "a b c d e f g h",
        "quoted",
        "x" * 31,
        "History (2)",
        "About (2)",
        "Table 8",
        "SUM(1)",
        "Summary (3)",
        "x" * 27 + " (2)",
        "\U0001f600" * 15,
        "Own",
    ]


def test_hostile_sheet_names_are_valid(tmp_path: Path) -> None:
    names = roundtrip(hostile_report(), tmp_path).sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
        assert not set(name) & BAD_SHEET_CHARS
        assert not name.startswith(("'", *FORMULA_PREFIXES))
        assert not name.endswith("'")


def test_cells_keep_their_types(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "term": ["Fall", None, "#N/A"],
            "students": pd.array([1234, None, 0], dtype="Int64"),
            "reply_rate": [0.4567, "<5%", math.nan],
            "hours": [2.5, 3.0, None],
            "pct_rate": [45.0, 50.0, 55.5],
            "when": pd.to_datetime(["2026-01-05", "2026-01-06 14:30", None], format="ISO8601"),
            "day": [dt.date(2026, 1, 5), None, None],
            "tags": [["a", "b"], [], None],
            "ok": [True, False, None],
        }
    )
    sheet = roundtrip(one_table(frame), tmp_path)["t"]
    assert values(sheet) == [
        list(frame.columns),
        ["Fall", 1234, 0.4567, 2.5, 45, dt.datetime(2026, 1, 5), dt.datetime(2026, 1, 5), "a; b", True],
        [None, None, "<5%", 3, 50, dt.datetime(2026, 1, 6, 14, 30), None, None, False],
        ["#N/A", 0, None, None, 55.5, None, None, None, None],
    ]
    assert sheet["A4"].data_type == "s"  # not an error cell
    formats = [c.number_format for c in sheet[2]]
    assert formats == [
        "General",
        "#,##0",
        "0.0%",
        "#,##0.00",
        "#,##0.00",
        "yyyy-mm-dd",
        "yyyy-mm-dd",
        "General",
        "General",
    ]
    assert sheet["F3"].number_format == "yyyy-mm-dd hh:mm"
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert (widths["A"], widths["F"]) == (8, 18)


def test_zero_rows_single_row_and_no_sections(tmp_path: Path) -> None:
    sheet = roundtrip(one_table(pd.DataFrame({"n": [], "rate": []})), tmp_path)["t"]
    assert values(sheet) == [["n", "rate"]]
    sheet = roundtrip(one_table(pd.DataFrame({"n": [7]})), tmp_path)["t"]
    assert values(sheet) == [["n"], [7]]
    wb = roundtrip(Report("Only", (), subtitle="-sub", headline=(("Students", "12"),), notes=("note",)), tmp_path)
    assert wb.sheetnames == ["About"]
    assert values(wb["About"]) == [
        ["Only", None],
        ["'-sub", None],
        [None, None],
        ["Key figures", None],
        ["Students", "12"],
        [None, None],
        ["Notes", None],
        ["note", None],
    ]


def test_about_lists_the_tables(tmp_path: Path) -> None:
    tables = (Table("By term", pd.DataFrame({"n": [1, 2]}), caption="cap", sheet="Terms"), Table("x", pd.DataFrame()))
    about = values(roundtrip(Report("R", (Section("S", tables=tables),)), tmp_path)["About"])
    assert about == [
        ["R", None, None, None, None],
        [None, None, None, None, None],
        ["Tables", None, None, None, None],
        ["Sheet", "Title", "Section", "Rows", "Caption"],
        ["Terms", "By term", "S", 2, "cap"],
        ["x", "x", "S", 0, None],
    ]


def test_same_report_same_bytes(tmp_path: Path) -> None:
    report = hostile_report()
    first = write_excel(report, tmp_path / "a.xlsx")
    second = write_excel(report, str(tmp_path / "b.xlsx"))
    assert first == tmp_path / "a.xlsx"
    assert isinstance(second, Path)
    assert first.read_bytes() == second.read_bytes()
    props = load_workbook(first).properties
    assert props.created == props.modified == dt.datetime(1980, 1, 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_not_a_report_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"`report` must be a netinsight Report, got list\."):
        write_excel([], tmp_path / "x.xlsx")  # type: ignore[arg-type]
    assert not (tmp_path / "x.xlsx").exists()
