from __future__ import annotations

from pathlib import Path

import pytest

from netinsight import csvlines
from netinsight.csvlines import file_blocks, one_record_per_line, record_lines


@pytest.mark.parametrize(
    ("data", "records", "expected"),
    [
        (b"a,b\n1,2\n", 2, True),
        (b"a,b\r\n1,2\r\n", 2, True),
        (b"a,b\n1,2", 2, True),  # no line break after the last record
        (b"a,b\n", 1, True),
        (b"", 0, True),  # nothing: no line
        (b"a,b\n\n1,2\n", 2, False),  # an empty line
        (b"a,b\n1,2\n\n", 2, False),  # an empty line at the end
        (b"a,b\r\n\r\n1,2\r\n", 2, False),
        (b'a,b\n1,"x\ny"\n', 2, False),  # a line break inside a value
        (b"a,b\n1,2\r3,4\n", 2, False),  # a lone carriage return
        (b"a,b\n1,2\n", 3, False),
    ],
)
def test_one_record_per_line_agrees_with_record_lines(data: bytes, records: int, expected: bool) -> None:
    assert one_record_per_line([data], records) is expected
    if expected:  # then record k is on line k, as the full scan finds
        starts, empty = record_lines(data)
        assert starts.tolist() == list(range(1, records + 1))
        assert empty.tolist() == []


def test_blocks_split_anywhere_give_the_same_answer() -> None:
    data = b"a,b\r\n1,2\r\n3,4\r\n"
    for cut in range(len(data) + 1):
        assert one_record_per_line([data[:cut], data[cut:]], 3)
    lone = b"a,b\r\n1,2\r3,4\r\n"
    for cut in range(len(lone) + 1):
        assert not one_record_per_line([lone[:cut], lone[cut:]], 3)


def test_file_blocks_read_a_file_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b\n1,2\n3,4\n")
    monkeypatch.setattr(csvlines, "_BLOCK", 5)
    assert list(file_blocks(path)) == [b"a,b\n1", b",2\n3,", b"4\n"]
    assert one_record_per_line(file_blocks(path), 3)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert list(file_blocks(empty)) == []


def test_line_feeds_are_counted_across_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"a,b\n1,2\n\n3,4\n5,6"
    for piece in (1, 2, 3, 5, 1 << 20):
        monkeypatch.setattr(csvlines, "_PIECE", piece)
        assert csvlines._count_newlines(data) == data.count(b"\n")
        assert csvlines._count_newlines(b"") == 0
        assert one_record_per_line([data[:7], data[7:]], 4) is False
        assert one_record_per_line([b"a,b\n1,2\n3,4\n"], 3) is True


def test_file_pieces_are_read_into_one_buffer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.csv"
    data = b"a,b\r\n1,2\r\n3,4\r\n"
    path.write_bytes(data)
    for piece in (1, 4, 5, 1 << 20):
        monkeypatch.setattr(csvlines, "_PIECE", piece)
        assert b"".join(bytes(p) for p in csvlines.file_pieces(path)) == data
        assert one_record_per_line(csvlines.file_pieces(path), 3)
    lone = tmp_path / "lone.csv"
    lone.write_bytes(b"a,b\r\n1,2\r3,4\r\n")
    monkeypatch.setattr(csvlines, "_PIECE", 5)
    assert not one_record_per_line(csvlines.file_pieces(lone), 3)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert list(csvlines.file_pieces(empty)) == []


def test_scan_lines_checks_utf8_across_blocks_split_anywhere() -> None:
    good = "Date,Name\r\n2026-01-05,Zoë\r\n2026-01-06,José 😀\r".encode()
    bad = [
        b"Date,Name\n2026-01-05,Jos\xe9\n",  # Windows-1252
        b"Date,Name\n2026-01-05,Zo\xc3",  # a character cut off at the end
        b"Date,Name\n2026-01-05,\xc3x\xab\n",  # the rest of a character after another byte
        b"\xff",
    ]
    for cut in range(len(good) + 1):
        scanned = csvlines.scan_lines([good[:cut], good[cut:]], utf8=True)
        assert scanned == csvlines.LineScan(lines=3, lone_returns=1, utf8=True)
        assert csvlines.scan_lines([good[:cut], good[cut:]]).utf8 is None  # not checked
    for data in bad:
        for cut in range(len(data) + 1):
            assert csvlines.scan_lines([data[:cut], data[cut:]], utf8=True).utf8 is False
    assert csvlines.scan_lines([], utf8=True) == csvlines.LineScan(lines=0, lone_returns=0, utf8=True)


def test_file_pieces_are_checked_for_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("a,b\n1,ë\n".encode() * 3)
    for piece in (1, 2, 3, 1 << 20):
        monkeypatch.setattr(csvlines, "_PIECE", piece)
        assert csvlines.scan_lines(csvlines.file_pieces(path), utf8=True) == (6, 0, True)
    path.write_bytes(b"a,b\n1,\xeb\n")
    assert csvlines.scan_lines(csvlines.file_pieces(path), utf8=True) == (2, 0, False)
