from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from netinsight import csvarrow
from netinsight.csvarrow import arrow_read, header_and_body


def test_coded_columns_read_like_text_columns(tmp_path: Path) -> None:
    data = b"day,name,day2\n2026-01-05,Ana,day2\n,Ben,x\n2026-01-05,,x\n"
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    text = header_and_body(arrow_read(data, ",", 3))  # type: ignore[arg-type]
    for source in (data, path):
        coded = header_and_body(arrow_read(source, ",", 3, {0, 2}))  # type: ignore[arg-type]
        assert coded[0] == text[0] == ["day", "name", "day2"]
        for col in range(3):
            assert coded[1][col].astype(str).tolist() == text[1][col].tolist()
    body = coded[1]
    assert isinstance(body[0].dtype, pd.CategoricalDtype)
    assert list(body[0].cat.categories) == ["2026-01-05", ""]  # the header's text is not a category
    assert list(body[2].cat.categories) == ["day2", "x"]  # ... unless a row holds it
    assert str(body[1].dtype) == "str"


def test_header_only_and_unparsable_input() -> None:
    header, body = header_and_body(arrow_read(b"a;b\n", ";", 2, {1}))  # type: ignore[arg-type]
    assert header == ["a", "b"]
    assert len(body) == 0
    assert list(body[1].cat.categories) == []
    assert arrow_read(b"a;b\n1;2;3\n", ";", 2) is None
    assert arrow_read(b"a;b\n1;\xff\n", ";", 2) is None  # not UTF-8
    unchecked = arrow_read(b"a;b\n1;\xff\n", ";", 2, check_utf8=False)  # the caller checks the bytes
    assert unchecked is not None
    assert unchecked.column(1).chunk(0).buffers()[2].to_pybytes().endswith(b"\xff")  # taken as they are


def test_line_breaks_inside_quoted_values() -> None:
    _, body = header_and_body(arrow_read(b'a,b\n1,"x\ny"\n2,z\n', ",", 2, {0}))  # type: ignore[arg-type]
    assert body[1].tolist() == ["x\ny", "z"]
    assert body[0].astype(str).tolist() == ["1", "2"]


def test_coded_columns_of_many_blocks_read_like_text_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvarrow, "_BLOCK", 1 << 14)
    rows = [f"{i % 7 or ''},name {i % 1000},{'head' if i % 5000 == 0 else 'v' + str(i % 3)}" for i in range(20_000)]
    data = ("head,name,head\n" + "\n".join(rows) + "\n").encode()
    table = arrow_read(data, ",", 3, {0, 2})
    assert table is not None
    assert table.column(0).num_chunks > 1
    text = header_and_body(arrow_read(data, ",", 3))  # type: ignore[arg-type]
    coded = header_and_body(table)
    assert coded[0] == text[0] == ["head", "name", "head"]
    for col in (0, 2):
        assert coded[1][col].astype(str).tolist() == text[1][col].tolist()
    assert "head" not in list(coded[1][0].cat.categories)
    assert "head" in list(coded[1][2].cat.categories)
