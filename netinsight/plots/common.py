"""What every plot shares: getting an Axes, and a stable colour for each category."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["category_colors", "get_ax"]


def get_ax(ax: Axes | None = None, *, figsize: tuple[float, float] = (8.0, 5.0)) -> Axes:
    """Return `ax`, or a new Axes on a new figure when it is None (never shown).

    Parameters
    ----------
    ax
        An Axes to draw on.
    figsize
        The size of a new figure, in inches.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = get_ax()
    >>> get_ax(ax) is ax
    True
    """
    if ax is not None:
        return ax
    from matplotlib.figure import Figure  # lazily: matplotlib is heavy

    fig = Figure(figsize=figsize, layout="constrained")
    return fig.add_subplot()


def category_colors(values: Sequence[Any], *, palette: str = "tab20") -> dict[Any, Any]:
    """A fixed colour per distinct value, in sorted order, so colours do not change between runs.

    Parameters
    ----------
    values
        The categories (duplicates and missing values allowed; missing is grey).
    palette
        A matplotlib qualitative colormap name.

    Returns
    -------
    dict
        Value -> RGBA tuple.

    Examples
    --------
    >>> colors = category_colors(["Finance", "Technology", "Finance", None])
    >>> sorted(k for k in colors if k is not None), colors[None]
    (['Finance', 'Technology'], (0.75, 0.75, 0.75, 1.0))
    """
    from matplotlib import colormaps

    cmap = colormaps[palette]
    distinct = sorted({v for v in values if v is not None and v == v}, key=str)
    out: dict[Any, Any] = {v: cmap(i % cmap.N) for i, v in enumerate(distinct)}
    out[None] = (0.75, 0.75, 0.75, 1.0)
    return out
