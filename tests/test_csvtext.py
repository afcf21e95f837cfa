from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from netinsight import csvlines, csvtext, threads
from netinsight.csvtext import read_csv_bytes, read_csv_file, record_lines
from netinsight.problems import LogReadError
from netinsight.readers import read_csv_text, read_table

WriteFile = Callable[..., Path]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters(write_file: WriteFile, delimiter: str) -> None:
    text = delimiter.join(["Date", "Name", "Notes"]) + "\n" + delimiter.join(["2026-01-05", "Ana", "hi"]) + "\n"
    table = read_table(write_file("log.csv", text))
    assert table.frame.columns.tolist() == ["Date", "Name", "Notes"]
    assert table.frame.iloc[0].tolist() == ["2026-01-05", "Ana", "hi"]
    assert table.lines.tolist() == [2]


def test_utf8_bom_and_crlf(write_file: WriteFile) -> None:
    table = read_table(write_file("log.csv", "\ufeffDate,Name\r\n2026-01-05,Zoë\r\n"))
    assert table.frame.columns.tolist() == ["Date", "Name"]
    assert table.frame["Name"].tolist() == ["Zoë"]


def test_cp1252_fallback(write_file: WriteFile) -> None:
    table = read_table(write_file("log.csv", "Date;Name\n2026-01-05;José “Pepe”\n", encoding="cp1252"))
    assert table.frame["Name"].tolist() == ["José “Pepe”"]


def test_undecodable_file_is_a_clear_error(write_file: WriteFile) -> None:
    path = write_file("log.csv", b"Date,Name\n2026-01-05,\x81\x8d\x8f\n")
    with pytest.raises(LogReadError, match=r"log.csv:2: the file is neither UTF-8 nor Windows-1252"):
        read_table(path)


def test_quoted_commas_newlines_and_physical_lines(write_file: WriteFile) -> None:
    text = 'Date,Name,Notes\n2026-01-05,"Ruiz, Ana","line one\nline two"\n\n2026-01-06,Ben,"said ""hi"""\n'
    table = read_table(write_file("log.csv", text))
    assert table.frame["Name"].tolist() == ["Ruiz, Ana", "Ben"]
    assert table.frame["Notes"].tolist() == ["line one\nline two", 'said "hi"']
    assert table.lines.tolist() == [2, 5]


def test_blank_rows_are_skipped_and_counted(write_file: WriteFile) -> None:
    text = "\n\nDate,Name\n2026-01-05,Ana\n\n,\n  ,  \n2026-01-06,Ben\n"
    table = read_table(write_file("log.csv", text))
    assert table.frame["Name"].tolist() == ["Ana", "Ben"]
    assert table.lines.tolist() == [4, 8]
    (note,) = table.problems
    assert note.loc[0, "code"] == "blank_rows"
    assert note.loc[0, "value"] == "3"
    assert "line 5, 6, 7" in note.loc[0, "message"]


def test_duplicate_headers_are_rejected(write_file: WriteFile) -> None:
    path = write_file("log.csv", "Date,Name,name\n2026-01-05,Ana,Ana\n")
    with pytest.raises(LogReadError, match=r"log.csv:1: the header \['Name', 'name'\] appears more than once"):
        read_table(path)


def test_ragged_row_keeps_extra_values_and_reports(write_file: WriteFile) -> None:
    path = write_file("log.csv", "Date,Name\n2026-01-05,Ana\n2026-01-06,Ben,surprise\n")
    table = read_table(path)
    assert table.frame.columns.tolist() == ["Date", "Name", "column_3"]
    assert table.frame["column_3"].tolist() == ["", "surprise"]
    (problem,) = table.problems
    assert problem.loc[0, "code"] == "too_many_fields"
    assert problem.loc[0, "line"] == 3


def test_stray_quote_falls_back_and_keeps_lines(write_file: WriteFile) -> None:
    text = 'Date,Name,Notes\n2026-01-05,Ana,a 5" screen\n2026-01-06,Ben,ok\n'
    table = read_table(write_file("log.csv", text))
    assert table.frame["Notes"].tolist() == ['a 5" screen', "ok"]
    assert table.lines.tolist() == [2, 3]


def test_excel_sep_hint_line(write_file: WriteFile) -> None:
    table = read_table(write_file("log.csv", "sep=;\nDate;Name\n2026-01-05;Ana\n"))
    assert table.frame.columns.tolist() == ["Date", "Name"]
    assert table.lines.tolist() == [3]


def test_header_only_and_empty_files(write_file: WriteFile) -> None:
    table = read_table(write_file("head.csv", "Date,Name\n"))
    assert len(table.frame) == 0
    assert table.frame.columns.tolist() == ["Date", "Name"]
    with pytest.raises(LogReadError, match="the file is empty"):
        read_table(write_file("empty.csv", "\n \n"))


def test_read_csv_text_offsets_lines() -> None:
    table = read_csv_text("Date,Name\n2026-01-05,Ana\n", "x.csv", first_line=4)
    assert table.lines.tolist() == [5]


def test_read_csv_bytes_reads_utf8_as_is_and_decodes_the_rest() -> None:
    text = "sep=;\nDate;Name\n2026-01-05;José “Pepe”\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("cp1252")):
        table = read_csv_bytes(data, "x.csv")
        assert table.frame.to_dict("list") == {"Date": ["2026-01-05"], "Name": ["José “Pepe”"]}
        assert table.lines.tolist() == [3]
        assert table.header_line == 2


def test_read_csv_bytes_single_row_and_errors() -> None:
    table = read_csv_bytes(b"Date,Name\n2026-01-05,Ana", "x.csv")
    assert table.frame["Name"].tolist() == ["Ana"]
    assert table.lines.tolist() == [2]
    with pytest.raises(LogReadError, match=r"x\.csv: the file is empty"):
        read_csv_bytes(b"\r\n  \r\n", "x.csv")
    with pytest.raises(LogReadError, match=r"x\.csv: this is a zip or Excel file"):
        read_csv_bytes(b"PK\x03\x04rest", "x.csv")


def test_record_lines_by_hand() -> None:
    # header on 1; a record with a line break inside quotes on 2-3; an empty line 4; "\r" alone on 5; a record on 6
    starts, empty = record_lines(b'a,b\n1,"x\ny"\n\n\r\n2,z')
    assert starts.tolist() == [1, 2, 6]
    assert empty.tolist() == [4, 5]
    starts, empty = record_lines(b"a,b\n")
    assert (starts.tolist(), empty.tolist()) == ([1], [])
    starts, empty = record_lines(b"")
    assert (starts.tolist(), empty.tolist()) == ([], [])


@pytest.mark.parametrize(
    "data",
    [
        b"Date,Name\n2026-01-05,Ana\n2026-01-06,Ben\n",
        b"\xef\xbb\xbfDate;Name\r\n2026-01-05;Zo\xc3\xab\r\n\r\n2026-01-06;Ben\r\n",  # BOM, CRLF, one blank line
        b"Date,Name\n2026-01-05,Ana\n\n",  # one blank line at the end
        b"\n\nDate,Name\n2026-01-05,Ana\n",  # blank lines before the header
        b"sep=;\nDate;Name\n2026-01-05;Ana\n",
        b'Date,Notes\n2026-01-05,"two\nlines"\n2026-01-06,x',  # a line break in a value, no final line break
        b"Date,Name\n2026-01-05,Ana,extra\n2026-01-06,Ben\n",  # a ragged row
        b"Date,Name\n2026-01-05,Jos\xe9\n",  # Windows-1252
        b"Date,Name\n2026-01-05,Ana\r2026-01-06,Ben\n",  # a lone carriage return
        b"Date,Name\n",
        b"Date,Name",
    ],
)
def test_reading_a_file_gives_what_reading_its_bytes_gives(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    by_file, by_bytes = read_csv_file(path, "log.csv"), read_csv_bytes(data, "log.csv")
    assert by_file.frame.to_dict("list") == by_bytes.frame.to_dict("list")
    assert by_file.lines.tolist() == by_bytes.lines.tolist()
    assert by_file.header_line == by_bytes.header_line
    assert [p.to_dict("list") for p in by_file.problems] == [p.to_dict("list") for p in by_bytes.problems]


@pytest.mark.parametrize("piece", [1, 2, 3, 1 << 20])
def test_a_file_is_checked_for_utf8_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int) -> None:
    # Arrow takes the values as they are: the file's own pass over its bytes decides it is not UTF-8
    monkeypatch.setattr(csvlines, "_PIECE", piece)  # characters split between pieces
    monkeypatch.setattr(csvtext, "_CODE_BYTES", 0)  # coded columns too
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # the pass on its own thread, while Arrow parses
    utf8 = "Date,Name\n" + "2026-01-05,Zoë\n2026-01-06,José 😀\n" * 3
    for data, names in (
        (utf8.encode(), ["Zoë", "José 😀"] * 3),
        (utf8.encode()[:-1] + b"\n2026-01-07,Jos\xe9\n", None),  # Windows-1252 at the very end
    ):
        path = tmp_path / "log.csv"
        path.write_bytes(data)
        by_file = read_csv_file(path, "log.csv", encode=lambda headers: {"Name"})
        by_bytes = read_csv_bytes(data, "log.csv", encode=lambda headers: {"Name"})
        assert by_file.frame.astype(str).to_dict("list") == by_bytes.frame.astype(str).to_dict("list")
        assert by_file.lines.tolist() == by_bytes.lines.tolist()
        if names is not None:
            assert by_file.frame["Name"].astype(str).tolist() == names
        else:  # decoded as Windows-1252 throughout, as the bytes are
            assert by_file.frame["Name"].astype(str).tolist()[-1] == "José"
            assert by_file.frame["Name"].astype(str).tolist()[0] == "ZoÃ«"


def test_exactly_one_blank_line_is_located(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"Date,Name\n2026-01-05,Ana\n\n2026-01-06,Ben\n")
    table = read_csv_file(path, "log.csv")
    assert table.lines.tolist() == [2, 4]
    assert [p["message"].tolist() for p in table.problems] == [["1 blank row(s) skipped (line 3)"]]


def test_files_not_for_the_block_reader_are_errors_as_before(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(b"  \n\n")
    with pytest.raises(LogReadError, match=r"log.csv: the file is empty; it needs a header line"):
        read_csv_file(path, "log.csv")
    path.write_bytes(b"PK\x03\x04zip")
    with pytest.raises(LogReadError, match=r"log.csv: this is a zip or Excel file, not text"):
        read_csv_file(path, "log.csv")


def test_coded_columns_are_categoricals_of_the_same_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Date,Name\n2026-01-05,Ana\n,Ben\n\n  ,  \n2026-01-05,Cy\n"
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    as_text = csvtext.read_csv_file(path, "log.csv", encode=lambda headers: {"Date"})  # a small file: all text
    assert str(as_text.frame["Date"].dtype) == "str"
    monkeypatch.setattr(csvtext, "_CODE_BYTES", 0)
    for table in (
        csvtext.read_csv_file(path, "log.csv", encode=lambda headers: {"Date"}),
        csvtext.read_csv_bytes(data, "log.csv", encode=lambda headers: {"Date"}),
    ):
        assert isinstance(table.frame["Date"].dtype, pd.CategoricalDtype)
        assert (
            table.frame["Date"].astype(str).tolist()
            == as_text.frame["Date"].tolist()
            == ["2026-01-05", "", "2026-01-05"]
        )
        assert table.lines.tolist() == as_text.lines.tolist() == [2, 3, 6]
        assert table.frame["Name"].tolist() == ["Ana", "Ben", "Cy"]
