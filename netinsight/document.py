"""The report document model: titled tables, PNG figures and sections, rendered elsewhere (HTML, Excel).

Plain frozen dataclasses; nothing here renders, escapes or checks privacy. The cell helpers at the
end say what a cell *means* (missing, a list, a rate) so that every renderer agrees.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeGuard

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

__all__ = ["Figure", "Report", "Section", "Table", "chart", "figure_png", "headline_text"]

#: The eight bytes every PNG file starts with.
PNG_SIGNATURE: Final[bytes] = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True, eq=False)
class Table:
    """A titled table. Compared by identity (a DataFrame has no single truth value).

    Parameters
    ----------
    title
        Shown above the table; also the default Excel sheet name.
    frame
        The cells: numbers, text, marker strings such as ``"*"`` or ``"<5%"``, dates, lists.
        A named or non-integer index is shown as row labels. Never modified by a renderer.
    caption
        A line shown under the table.
    sheet
        The Excel sheet name (made valid and unique when written); None uses `title`.

    Examples
    --------
    >>> Table("Interviews by term", pd.DataFrame({"term": ["Fall"], "interviews": [12]})).frame.shape
    (1, 2)
    """

    title: str
    frame: pd.DataFrame
    caption: str = ""
    sheet: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.frame, pd.DataFrame):
            msg = f"`frame` of table {self.title!r} must be a pandas DataFrame, got {type(self.frame).__name__}."
            raise TypeError(msg)


@dataclass(frozen=True)
class Figure:
    """A chart as PNG bytes (see `figure_png`), with the alt text that describes it.

    Parameters
    ----------
    title
        Shown with the figure.
    png
        PNG file bytes.
    alt
        What the chart shows, for readers who cannot see it; must not be blank.
    caption
        A line shown under the figure.

    Examples
    --------
    >>> Figure("Reach", b"\\x89PNG\\r\\n\\x1a\\n...", alt="Bar chart of reach").alt
    'Bar chart of reach'
    >>> Figure("Reach", b"GIF89a", alt="x")
    Traceback (most recent call last):
    ...
    ValueError: `png` of figure 'Reach' is not PNG data: it must start with the PNG signature.
    """

    title: str
    png: bytes
    alt: str
    caption: str = ""

    def __post_init__(self) -> None:
        if not bytes(self.png).startswith(PNG_SIGNATURE):
            msg = f"`png` of figure {self.title!r} is not PNG data: it must start with the PNG signature."
            raise ValueError(msg)
        if not str(self.alt).strip():
            msg = f"`alt` of figure {self.title!r} is blank: describe what the chart shows."
            raise ValueError(msg)


@dataclass(frozen=True)
class Section:
    """A heading with paragraphs, then tables, then figures (in that order when rendered).

    Examples
    --------
    >>> Section("Activity", ("Interviews per term.",)).heading
    'Activity'
    """

    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Report:
    """A whole report: title, key figures shown as cards, sections, footer notes.

    Parameters
    ----------
    title, subtitle
        Shown at the top.
    sections
        The body, in order.
    headline
        ``(label, value)`` key figures shown as a row of cards at the top.
    notes
        Footer notes (e.g. the privacy note).

    Examples
    --------
    >>> t = Table("Terms", pd.DataFrame({"term": ["Fall"]}))
    >>> r = Report("Cohort 2026", (Section("A", tables=(t,)), Section("B")), headline=(("Students", "120"),))
    >>> [x.title for x in r.tables()]
    ['Terms']
    """

    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    headline: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    def tables(self) -> list[Table]:
        """Every table of every section, in order."""
        return [table for section in self.sections for table in section.tables]


def figure_png(fig: MplFigure, *, dpi: int = 110) -> bytes:
    """PNG bytes of a matplotlib figure; the same figure gives the same bytes (no version, no timestamp).

    The figure is not closed: closing it (``plt.close(fig)`` for a pyplot figure) is the caller's job.

    Parameters
    ----------
    fig
        The figure to draw.
    dpi
        Resolution, in dots per inch.

    Returns
    -------
    bytes
        A PNG file.

    Examples
    --------
    >>> from matplotlib.figure import Figure as MplFigure
    >>> fig = MplFigure(figsize=(2, 1))
    >>> _ = fig.add_subplot().plot([1, 2, 3])
    >>> png = figure_png(fig, dpi=50)
    >>> png.startswith(PNG_SIGNATURE), png == figure_png(fig, dpi=50)
    (True, True)
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def chart(plot: Callable[..., Axes], data: Any, title: str, alt: str, **options: Any) -> tuple[Figure]:
    """``plot(data, ax=None, **options)`` drawn on a new figure, as a one-figure tuple for a `Section`.

    Parameters
    ----------
    plot
        A netinsight plot function (it takes ``ax=None`` and returns the Axes).
    data
        What the plot draws (a log, a table).
    title, alt
        The figure's title and its text alternative.
    **options
        Passed on to `plot`.

    Returns
    -------
    tuple of Figure

    Examples
    --------
    >>> from matplotlib.figure import Figure as MplFigure
    >>> def bars(values, ax=None):
    ...     ax = ax if ax is not None else MplFigure(figsize=(2, 1)).add_subplot()
    ...     ax.bar(range(len(values)), values)
    ...     return ax
    >>> (fig,) = chart(bars, [3, 1], "Counts", "Bar chart of two counts")
    >>> fig.title, fig.png.startswith(PNG_SIGNATURE)
    ('Counts', True)
    """
    ax = plot(data, ax=None, **options)
    fig = ax.get_figure(root=True)
    if fig is None:  # pragma: no cover - a new Axes always has a figure
        msg = "the chart has no figure"
        raise ValueError(msg)
    return (Figure(title=title, png=figure_png(fig), alt=alt),)


def headline_text(value: Any, *, percent: bool = False) -> str:
    """A headline figure as text: a count with thousands separators, a rate as a percentage, "—" for none.

    Examples
    --------
    >>> headline_text(12345), headline_text(2.25), headline_text(0.5, percent=True), headline_text(None)
    ('12,345', '2.2', '50.0%', '—')
    >>> headline_text("<10")  # a figure published as a marker stays as it is
    '<10'
    """
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return "—"
    if isinstance(value, str):
        return value
    if percent:
        return f"{float(value):.1%}"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}"
    return f"{int(value):,}"


# --- cell helpers shared by the renderers (not public API) ---------------------------------------

#: Characters removed from every text: C0/C1 controls except tab, LF and CR (XML and HTML reject
#: them), lone surrogates (not encodable as UTF-8) and the XML non-characters U+FFFE, U+FFFF.
_UNSAFE_CHARS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_RATE_NAME: Final = re.compile(r"(?:^|[^a-z0-9])(?:rate|share)$")


def _clean_text(text: object) -> str:
    """``str(text)`` without the characters in `_UNSAFE_CHARS`."""
    return _UNSAFE_CHARS.sub("", str(text))


def _is_na(value: object) -> bool:
    """True for None, NaN, NA and NaT scalars (never for a list)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    return isinstance(value, np.datetime64 | np.timedelta64) and bool(np.isnat(value))


def _plain(value: object) -> Any:
    """A cell as the renderers see it: None when missing or an empty list, lists joined with ``"; "``."""
    if isinstance(value, list | tuple | np.ndarray | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        joined = "; ".join(str(item) for item in items if not _is_na(item))
        return joined or None
    if _is_na(value):
        return None
    return value


def _column_label(name: Hashable) -> str:
    """A column or index name as text; MultiIndex tuples joined with ``" / "``; None as ``""``."""
    if isinstance(name, tuple):
        return " / ".join(_column_label(part) for part in name if part is not None and str(part) != "")
    return "" if name is None else str(name)


def _is_number(value: object) -> TypeGuard[int | float | np.integer[Any] | np.floating[Any]]:
    """True for ints and floats (Python or NumPy), not for booleans."""
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool | np.bool_)


def _is_rate_column(name: Hashable, values: pd.Series[Any]) -> bool:
    """True when the name ends in ``rate`` or ``share`` and every number in it lies in 0..1."""
    last = name[-1] if isinstance(name, tuple) and name else name
    if not _RATE_NAME.search(str(last).strip().casefold()):
        return False
    present = values.dropna()
    if pd.api.types.is_numeric_dtype(present.dtype) and not pd.api.types.is_bool_dtype(present.dtype):
        return len(present) > 0 and bool(present.min() >= 0) and bool(present.max() <= 1)
    numbers = [v for v in present.tolist() if _is_number(v)]
    return bool(numbers) and all(0 <= v <= 1 for v in numbers)


def _shown_index(frame: pd.DataFrame) -> bool:
    """True when the index carries information: a level is named, or it is not a plain integer index."""
    index = frame.index
    if any(name is not None for name in index.names):
        return True
    return not (index.nlevels == 1 and pd.api.types.is_integer_dtype(index.dtype))
