"""Coverage plots: interviews per industry with target markers, and reach over time.

Each function takes a log (and options), computes the table with the matching analysis
function, draws on `ax` (a new one when None) and returns it; nothing is shown or saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from netinsight.coverage import coverage_over_time, industry_coverage
from netinsight.plots.common import category_colors, get_ax
from netinsight.targets import Targets

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_coverage", "plot_coverage_over_time"]


def plot_coverage(
    log: pd.DataFrame,
    *,
    targets: Targets | None = None,
    connections: pd.DataFrame | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of interviews per industry; target industries marked with their reach.

    Target industries carry a diamond and a label "reached r/n" (target employers
    reached of those listed); target industries without interviews appear as empty bars.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    targets
        A target list (see `read_targets`).
    connections
        Contacts with a ``company`` column, for "reachable" (see `industry_coverage`).
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "contact": ["A", "B"],
    ...                              "industry": ["Tech", "Banking"]}))
    >>> len(plot_coverage(log).patches)
    2
    """
    table = industry_coverage(log, targets=targets, connections=connections).iloc[::-1].reset_index(drop=True)
    ax = get_ax(ax, figsize=(8.0, max(3.0, 0.35 * len(table) + 1.5)))
    colors = category_colors(list(table["industry"]))
    ax.barh(table["industry"], table["interviews"], color=[colors[i] for i in table["industry"]])
    if targets is not None and len(table):
        marked = table[table["target"]]
        ax.scatter(marked["interviews"], marked["industry"], marker="D", color="black", zorder=3, label="target")
        for industry, x, reached, total in zip(
            marked["industry"], marked["interviews"], marked["reached"], marked["target_employers"], strict=True
        ):
            ax.annotate(f"reached {reached}/{total}", (x, industry), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=8)  # fmt: skip
        ax.legend(loc="lower right")
    ax.set_xlabel("interviews")
    ax.set_title("Interviews per industry" + (" (targets marked)" if targets is not None else ""))
    ax.margins(x=0.25)
    return ax


def plot_coverage_over_time(
    log: pd.DataFrame, *, targets: Targets | None = None, freq: str = "W", ax: Axes | None = None
) -> Axes:
    """Step lines of industries and employers reached so far (and target employers, with targets).

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    targets
        A target list (see `read_targets`).
    freq
        ``"W"`` weeks, ``"M"`` months (see `coverage_over_time`).
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-02-06"], "contact": ["A", "B"],
    ...                              "company": ["Acme", "Bluefin"], "industry": ["Tech", "Banking"]}))
    >>> [line.get_label() for line in plot_coverage_over_time(log).get_lines()]
    ['industries', 'employers']
    """
    table = coverage_over_time(log, targets=targets, freq=freq)
    ax = get_ax(ax)
    columns = ["industries", "employers"] + (["target_employers_reached"] if targets is not None else [])
    for col in columns:
        ax.step(table["start"], table[col], where="post", label=col.replace("_", " "))
    if targets is not None and len(table):
        ax.axhline(int(table["target_employers"].iloc[0]), color="grey", linestyle=":", label="target employers")
    ax.set_ylabel("reached so far")
    ax.set_title("Coverage over time")
    ax.legend(loc="upper left")
    return ax
