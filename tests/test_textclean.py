from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.textclean import (
    clean_distinct_text,
    clean_distinct_texts,
    clean_text,
    clean_text_rows,
    empty_as_missing,
    notes_text,
)

TRICKY_TEXT = [
    "  Ana \t Ruiz ",
    "Ana Ruiz",
    " ",
    "",
    None,
    "a  b",
    "x\u00a0",
    "\u00a0y",
    "v\x0bw",
    "NA",
    "None",
    "Zoë\n Li",
    "é  è",
]


def test_row_by_row_and_batched_cleaning_give_what_clean_text_gives() -> None:
    values = pd.Series(TRICKY_TEXT, dtype="str")
    expected = clean_text(values).tolist()
    assert expected[:5] == ["Ana Ruiz", "Ana Ruiz", np.nan, np.nan, np.nan]
    assert clean_text_rows(values).tolist() == expected
    assert clean_text_rows(values.iloc[:1]).tolist() == expected[:1]
    assert clean_text_rows(values.iloc[:0]).tolist() == []
    assert (
        clean_text_rows(pd.Series(pa.chunked_array([TRICKY_TEXT[:3], TRICKY_TEXT[3:]]), dtype="str")).tolist()
        == expected
    )
    assert str(clean_text_rows(values).dtype) == "str"
    one, two, empty = clean_distinct_texts([values.iloc[:6], values.iloc[6:], values.iloc[:0]])
    assert [*one.tolist(), *two.tolist()] == [
        clean_distinct_text(values.iloc[i : i + 1]).iloc[0] for i in range(len(values))
    ]
    assert [*one.tolist(), *two.tolist()] == expected
    assert empty.tolist() == []
    assert clean_distinct_texts([]) == []


def test_notes_are_trimmed_row_by_row_as_before() -> None:
    values = pd.Series(TRICKY_TEXT, dtype="str")
    stripped = values.str.strip()
    assert notes_text(values).tolist() == stripped.where(stripped.ne("")).tolist()
    assert notes_text(values).tolist()[:3] == ["Ana \t Ruiz", "Ana Ruiz", np.nan]
    assert notes_text(values.iloc[:0]).tolist() == []


def _kernels(values: pd.Series, *, squeeze: bool) -> list[object]:
    """The cleaning as Arrow kernels on every value (what the byte checks may skip)."""
    text = pa.array(values, type=pa.large_string(), from_pandas=True)
    if squeeze:
        text = pc.replace_substring_regex(text, pattern=r"\s+", replacement=" ")
    text = pc.utf8_trim_whitespace(text)
    return [v if v else None for v in text.to_pylist()]


def test_row_cleaning_is_the_kernels_on_every_value_across_chunks_and_slices() -> None:
    tricky = [
        *TRICKY_TEXT,
        "\u3000wide\u3000",
        "end\u2003",
        "\x85nel",
        "a\x1cb",
        "\x1f",
        "ok",
        "x \ty",
        "é",
        "tab\t",
        "\r\n",
        "a\rb",
        "\x7fdel",
    ]
    chunks = [tricky[:5], [], tricky[5:9], ["", ""], [None], tricky[9:]]
    column = pd.Series(
        pd.array(pa.chunked_array([pa.array(c, pa.large_string()) for c in chunks], pa.large_string()), dtype="str")
    )
    sliced = column.iloc[3:].reset_index(drop=True)
    for values in (column, sliced, column.iloc[:1], column.iloc[:0]):
        assert [v if isinstance(v, str) else None for v in clean_text_rows(values)] == _kernels(values, squeeze=True)
        assert [v if isinstance(v, str) else None for v in notes_text(values)] == _kernels(values, squeeze=False)
    assert [v if isinstance(v, str) else None for v in clean_text_rows(pd.Series(tricky, dtype=object))] == _kernels(
        pd.Series(tricky, dtype=object), squeeze=True
    )


def test_clean_rows_share_the_characters_of_the_column() -> None:
    array = pa.array(["Ana Ruiz", "", "Ben"], pa.large_string())
    cleaned = pa.chunked_array(pa.array(clean_text_rows(pd.Series(pd.array(array, dtype="str"))).array))
    assert cleaned.to_pylist() == ["Ana Ruiz", None, "Ben"]
    assert cleaned.chunk(0).buffers()[2].address == array.buffers()[2].address


def test_empty_as_missing_changes_nothing_else() -> None:
    values = pd.Series(["", " a ", None, "b", ""], dtype="str")
    assert empty_as_missing(values).tolist() == [np.nan, " a ", np.nan, "b", np.nan]
    assert empty_as_missing(values.iloc[:0]).tolist() == []
    assert empty_as_missing(pd.Series(["", ""], dtype="str")).tolist() == [np.nan, np.nan]
    assert empty_as_missing(pd.Series(["x"], dtype="str")).tolist() == ["x"]
    assert str(empty_as_missing(values).dtype) == "str"


def test_clean_text_and_notes_text() -> None:
    cleaned = clean_text(pd.Series(["  a \t b ", "", None, "NULL"]))
    assert cleaned.iloc[0] == "a b"
    assert cleaned.iloc[1:3].isna().all()
    assert cleaned.iloc[3] == "NULL"
    assert notes_text(pd.Series([" line one\nline two ", " "])).iloc[0] == "line one\nline two"


def test_clean_distinct_text_value_by_value() -> None:
    cleaned = clean_distinct_text(pd.Series(["  a \t b ", "", None, "NULL"], dtype="str"))
    assert cleaned.iloc[0] == "a b"
    assert cleaned.iloc[1:3].isna().all()
    assert cleaned.iloc[3] == "NULL"
    assert str(cleaned.dtype) == "str"
    assert clean_distinct_text(pd.Series([], dtype=object)).tolist() == []
    assert clean_distinct_text(pd.Series([" x "], dtype=object)).tolist() == ["x"]
