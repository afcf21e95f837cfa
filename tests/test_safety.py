from __future__ import annotations

import pandas as pd

from netinsight.safety import neutralize_formulas


def test_formula_text_is_neutralised_numbers_untouched() -> None:
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+1", "-2 days", "@SUM(1)", "\tx", "\rx", "plain", None],
            "n": [-1, 2, 3, 4, 5, 6, 7, 8],
        }
    )
    before = frame.copy()
    out = neutralize_formulas(frame)
    assert out["text"].tolist()[:7] == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2 days",
        "'@SUM(1)",
        "'\tx",
        "'\rx",
        "plain",
    ]
    assert pd.isna(out["text"].iloc[7])
    assert out["n"].tolist() == frame["n"].tolist()
    pd.testing.assert_frame_equal(frame, before)


def test_headers_are_neutralised_too() -> None:
    assert neutralize_formulas(pd.DataFrame({"=cmd": [1]})).columns.tolist() == ["'=cmd"]
