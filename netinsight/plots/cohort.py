"""Charts of published cohort tables (`netinsight.cohort`): only what the table publishes is drawn.

Each function takes a protected table, never the log, so a chart cannot show more than the
table it illustrates: suppressed cells (``"*"``) are left out and counted in the title, and a
coded rate (``"<5%"`` / ``">95%"``) is drawn at its bound with a hatched bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netinsight.plots.common import category_colors, get_ax
from netinsight.privacy import SUPPRESSED

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_cohort_activity", "plot_cohort_funnel", "plot_cohort_industries", "plot_cohort_rates"]

_CODED = {"<5%": 0.05, ">95%": 0.95}


def _rows(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The table without its total row."""
    return table[table[key].astype(str).ne("Total")]


def _numbers(values: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Values as floats (NaN where suppressed) and a mask of coded rates (drawn at their bound)."""
    coded = values.isin(list(_CODED)).to_numpy()
    numbers = pd.to_numeric(values.replace(_CODED), errors="coerce").to_numpy(dtype=float)
    return numbers, coded


def _labels(table: pd.DataFrame) -> tuple[str, list[str]]:
    """The group columns (those before ``students``) and one label per row, keys joined by " · "."""
    columns = table.columns.tolist()
    keys = columns[: columns.index("students")] if "students" in columns else columns[:1]
    text = table[keys].astype(str)
    labels = [" · ".join(v for v in row if v) for row in text.itertuples(index=False)]
    return ", ".join(str(k).replace("_", " ") for k in keys), labels


def _coded_note(coded: np.ndarray[Any, Any]) -> str:
    return " (hatched: coded <5% / >95%, drawn at the bound)" if coded.any() else ""


def _hidden_note(n: int) -> str:
    return f" ({n} hidden: fewer students than the threshold)" if n else ""


def plot_cohort_activity(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Interviews per period (bars) from `netinsight.cohort.cohort_activity`.

    Parameters
    ----------
    table
        From `cohort_activity`. Not modified.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> table = pd.DataFrame({"month": ["2026-01", "2026-02", "Total"], "students": [12, "*", "*"],
    ...                       "interviews": [30, "*", "*"], "interviews_per_student": [2.0, "*", "*"]})
    >>> plot_cohort_activity(table).get_title()
    'Interviews per month (1 hidden: fewer students than the threshold)'
    """
    ax = get_ax(ax, figsize=(9.0, 4.0))
    key = str(table.columns[0])
    rows = _rows(table, key)
    counts, _ = _numbers(rows["interviews"])
    labels = _labels(rows)[1]
    ax.bar(range(len(labels)), np.nan_to_num(counts), color="#4c72b0")
    ax.set_xticks(range(len(labels)), labels, rotation=45 if len(labels) > 6 else 0, ha="right")
    ax.set_ylabel("interviews")
    ax.set_title(f"Interviews per {key}{_hidden_note(int(np.isnan(counts).sum()))}")
    return ax


def plot_cohort_industries(table: pd.DataFrame, *, n: int = 15, ax: Axes | None = None) -> Axes:
    """Students reaching each industry (horizontal bars) from `netinsight.cohort.cohort_industries`.

    Parameters
    ----------
    table
        From `cohort_industries`. Not modified.
    n
        At most this many industries (the table's order: most students first).
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> table = pd.DataFrame({"industry": ["Finance", "Media", "Total"], "students": [14, "*", 20],
    ...                       "student_share": [0.7, "*", ">95%"], "interviews": [30, "*", 41]})
    >>> ax = plot_cohort_industries(table)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Finance']
    """
    ax = get_ax(ax, figsize=(8.0, 5.0))
    rows = _rows(table, "industry")
    students, _ = _numbers(rows["students"])
    shown = rows[~np.isnan(students)].head(n)
    values = students[~np.isnan(students)][:n]
    colors = category_colors(shown["industry"].tolist())
    ax.barh(range(len(shown)), values, color=[colors[v] for v in shown["industry"]])
    ax.set_yticks(range(len(shown)), shown["industry"].astype(str).tolist())
    ax.invert_yaxis()
    ax.set_xlabel("students who interviewed in the industry")
    ax.set_title(f"Industries reached{_hidden_note(int(np.isnan(students).sum()))}")
    return ax


def plot_cohort_rates(
    table: pd.DataFrame, *, rates: tuple[str, ...] = ("on_time_rate", "check_in_rate"), ax: Axes | None = None
) -> Axes:
    """Follow-up rates by group (grouped bars) from `netinsight.cohort.cohort_summary`.

    Parameters
    ----------
    table
        From `cohort_summary` (its first column is the group). Not modified.
    rates
        The rate columns to draw.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> table = pd.DataFrame({"program": ["Biology", "History", "Total"], "class_year": ["2027", "2027", ""],
    ...                       "students": [12, "*", 30], "on_time_rate": [0.5, "*", ">95%"],
    ...                       "check_in_rate": [0.25, "*", 0.3]})
    >>> ax = plot_cohort_rates(table)
    >>> ax.get_title(), [t.get_text() for t in ax.get_xticklabels()]
    ('Follow-up by program, class year (1 hidden: fewer students than the threshold)', ['Biology · 2027', 'Total'])
    """
    ax = get_ax(ax, figsize=(9.0, 4.5))
    group, labels = _labels(table)
    shown = ~(table[list(rates)] == SUPPRESSED).all(axis=1).to_numpy()
    width = 0.8 / max(len(rates), 1)
    positions = np.arange(int(shown.sum()))
    any_coded = np.zeros(0, dtype=bool)
    for i, col in enumerate(rates):
        values, coded = _numbers(table.loc[shown, col])
        bars = ax.bar(positions + (i - (len(rates) - 1) / 2) * width, np.nan_to_num(values), width, label=col)
        for bar, is_coded in zip(bars, coded, strict=True):
            if is_coded:
                bar.set_hatch("//")
        any_coded = np.concatenate([any_coded, coded])
    ax.set_xlabel(_coded_note(any_coded).strip(" ()"))
    names = [label for label, keep in zip(labels, shown, strict=True) if keep]
    ax.set_xticks(positions, names, rotation=30 if len(names) > 5 else 0, ha="right" if len(names) > 5 else "center")
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.legend([c.replace("_", " ") for c in rates], loc="upper right", fontsize="small")
    ax.set_title(f"Follow-up by {group}{_hidden_note(int((~shown).sum()))}")
    return ax


def plot_cohort_funnel(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The cohort's outcome funnel (share of interviews at each stage) from `netinsight.cohort.cohort_funnel`.

    Parameters
    ----------
    table
        From `cohort_funnel`. Not modified.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> table = pd.DataFrame({"stage": ["thank_you", "offer"], "students": [30, "*"], "interviews": [80, "*"],
    ...                       "rate": [0.8, "*"]})
    >>> [t.get_text() for t in plot_cohort_funnel(table).get_yticklabels()]
    ['thank you', 'offer']
    """
    ax = get_ax(ax, figsize=(8.0, 4.0))
    values, coded = _numbers(table["rate"])
    labels = table["stage"].astype(str).str.replace("_", " ").tolist()
    bars = ax.barh(range(len(labels)), np.nan_to_num(values), color="#55a868")
    for bar, is_coded in zip(bars, coded, strict=True):
        if is_coded:
            bar.set_hatch("//")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.set_xlabel(f"share of interviews{_coded_note(coded)}")
    ax.set_title(f"Outcome funnel{_hidden_note(int(np.isnan(values).sum()))}")
    return ax
