from __future__ import annotations

from netinsight.plots.common import category_colors, get_ax


def test_get_ax_creates_once_and_reuses() -> None:
    ax = get_ax(figsize=(3, 2))
    assert tuple(ax.figure.get_size_inches()) == (3, 2)
    assert get_ax(ax) is ax


def test_category_colors_are_stable_and_sorted() -> None:
    a = category_colors(["b", "a", "b"])
    b = category_colors(["a", "b"])
    assert a == b
    assert a["a"] != a["b"]
    assert a[None] == (0.75, 0.75, 0.75, 1.0)
