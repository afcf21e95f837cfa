from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.textclean import clean_distinct_text, clean_distinct_texts, clean_text, clean_text_rows, notes_text

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
