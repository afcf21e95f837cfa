from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from matplotlib.figure import Figure as MplFigure

from netinsight.document import (
    PNG_SIGNATURE,
    Figure,
    Report,
    Section,
    Table,
    _clean_text,
    _column_label,
    _is_rate_column,
    _plain,
    _shown_index,
    figure_png,
)

# (text put in the report, the text a reader must see). Controls, DEL, C1 and lone surrogates are dropped.
HOSTILE: list[tuple[str, str]] = [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ('"><img src=x onerror=alert(1)>', '"><img src=x onerror=alert(1)>'),
    ('=HYPERLINK("http://evil.example","x")', '=HYPERLINK("http://evil.example","x")'),
    ("@SUM(1)", "@SUM(1)"),
    ("+1", "+1"),
    ("-2", "-2"),
    ("\t=1", "\t=1"),
    ("\r=1", "\r=1"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("https://evil.example/x.png", "https://evil.example/x.png"),
    ("//evil.example/y", "//evil.example/y"),
    ("</style><style>*{display:none}</style>", "</style><style>*{display:none}</style>"),
    ("&amp; &lt;b&gt;", "&amp; &lt;b&gt;"),
    ("#N/A", "#N/A"),
    ("'quoted'", "'quoted'"),
    ("abc\u202edef\u202c ghi", "abc\u202edef\u202c ghi"),
    ("a\u200db", "a\u200db"),
    ("\u0301e\u0301\u0308 combining", "\u0301e\u0301\u0308 combining"),
    ("\U0001f469\u200d\U0001f4bb coder \U0001f600", "\U0001f469\u200d\U0001f4bb coder \U0001f600"),
    ("nul\x00here", "nulhere"),
    ("bell\x07 esc\x1b del\x7f c1\x85 ff\x0c", "bell esc del c1 ff"),
    ("lone \ud800 surrogate", "lone  surrogate"),
    ("N" * 300, "N" * 300),
]


@functools.cache
def tiny_png() -> bytes:
    fig = MplFigure(figsize=(1, 1))
    fig.add_subplot().plot([0, 1])
    return figure_png(fig, dpi=20)


def hostile_report() -> Report:
    """Every text slot of a report filled with hostile strings."""
    raws = [raw for raw, _ in HOSTILE]
    n = len(raws)
    text = pd.Index(raws, dtype=object)  # object: arrow strings cannot hold a lone surrogate
    cells = pd.DataFrame({"text": text, "n": range(n), "reply_rate": [0.25] * (n - 1) + ["<5%"]})
    wide = pd.DataFrame([list(range(n))], columns=text)
    indexed = pd.DataFrame({"v": [1.5] * n}, index=text.rename(raws[1]))
    tables = (
        *(Table(raw, cells, caption=raw, sheet=raw) for raw in raws[:3]),
        Table("wide", wide, caption="columns named by hostile strings"),
        Table("indexed", indexed),
    )
    figures = tuple(Figure(raw, tiny_png(), alt=raw, caption=raw) for raw in raws)
    sections = tuple(Section(raw, paragraphs=(raw,)) for raw in raws)
    return Report(
        raws[0],
        (*sections, Section("Tables and figures", tables=tables, figures=figures)),
        subtitle=raws[1],
        headline=tuple((raw, raw) for raw in raws),
        notes=tuple(raws),
    )


def test_report_lists_every_table_in_order() -> None:
    a, b, c = (Table(t, pd.DataFrame({"x": [1]})) for t in "abc")
    report = Report("r", (Section("one", tables=(a, b)), Section("empty"), Section("two", tables=(c,))))
    assert [t.title for t in report.tables()] == ["a", "b", "c"]
    assert Report("r", ()).tables() == []


def test_table_is_compared_by_identity_and_checks_its_frame() -> None:
    frame = pd.DataFrame({"x": [1]})
    table = Table("t", frame)
    assert table == table
    assert table != Table("t", frame)
    with pytest.raises(TypeError, match=r"`frame` of table 't' must be a pandas DataFrame, got list\."):
        Table("t", [1, 2])  # type: ignore[arg-type]


def test_figure_needs_png_bytes_and_alt_text() -> None:
    with pytest.raises(ValueError, match=r"`png` of figure 'f' is not PNG data"):
        Figure("f", b"<svg/>", alt="chart")
    with pytest.raises(ValueError, match=r"`alt` of figure 'f' is blank"):
        Figure("f", tiny_png(), alt="  ")


def test_figure_png_is_deterministic_and_leaves_the_figure_open() -> None:
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2, 1.5))
    try:
        fig.add_subplot().bar(["a", "b"], [3, 1])
        first, second = figure_png(fig), figure_png(fig)
        assert first.startswith(PNG_SIGNATURE)
        assert first == second
        assert b"Matplotlib" not in first  # no Software metadata
        assert plt.fignum_exists(fig.number)
        assert figure_png(fig, dpi=50) != first
    finally:
        plt.close(fig)


def test_plain_cells() -> None:
    lists = pd.Series([["a", "b"], None, []], dtype=pd.ArrowDtype(pa.list_(pa.string()))).astype(object)
    assert [_plain(v) for v in lists] == ["a; b", None, None]
    assert _plain(["x", None, 2]) == "x; 2"
    assert _plain({"b", "a"}) == "a; b"
    assert [_plain(v) for v in (None, math.nan, pd.NA, pd.NaT, np.datetime64("NaT"))] == [None] * 5
    assert [_plain(v) for v in ("*", 0, 1.5, False)] == ["*", 0, 1.5, False]


def test_rate_columns_need_the_name_and_values_in_0_1() -> None:
    rates = pd.Series([0.0, 0.5, None, 1.0])
    assert _is_rate_column("reply_rate", rates)
    assert _is_rate_column("Industry share", rates)
    assert _is_rate_column(("outcomes", "rate"), rates)
    assert _is_rate_column("rate", pd.Series([0.2, "<5%", "*"], dtype=object))
    assert not _is_rate_column("corporate", rates)
    assert not _is_rate_column("reply_rate", pd.Series([45.0, 50.0]))
    assert not _is_rate_column("reply_rate", pd.Series(["*"]))
    assert not _is_rate_column("reply_rate", pd.Series([], dtype=float))


def test_text_cleaning_labels_and_index() -> None:
    assert [_clean_text(raw) for raw, _ in HOSTILE] == [shown for _, shown in HOSTILE]
    assert _clean_text(12) == "12"
    assert [_column_label(c) for c in ("a", 3, None, ("x", "y"), ("x", ""))] == ["a", "3", "", "x / y", "x"]
    frame = pd.DataFrame({"x": [1, 2]})
    assert not _shown_index(frame)
    assert _shown_index(frame.set_index("x"))
    assert not _shown_index(frame.iloc[1:])
    assert not _shown_index(frame[frame["x"] > 1])
    assert _shown_index(pd.DataFrame({"x": [1]}, index=["a"]))
    assert _shown_index(frame.rename_axis("row"))
    assert not _shown_index(frame.iloc[:0])


def test_headline_text_of_counts_rates_markers_and_gaps() -> None:
    import numpy as np

    from netinsight.document import headline_text

    assert [headline_text(v) for v in (0, 1234567, 3.0, np.int64(12), 2.25)] == ["0", "1,234,567", "3", "12", "2.2"]
    assert [headline_text(v) for v in (None, float("nan"), pd.NA, "<10")] == ["—", "—", "—", "<10"]
    assert [headline_text(v, percent=True) for v in (0.5, 1, 0.12345)] == ["50.0%", "100.0%", "12.3%"]
