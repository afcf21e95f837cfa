"""Follow-up and outcome plots: thank-you lag ECDF, rates by group, the funnel, activity.

Each function takes a log (and options), computes the table with the matching analysis
function, draws on `ax` (a new one when None) and returns it; nothing is shown or saved.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netinsight.followup import follow_up_rates
from netinsight.groups import by_keys
from netinsight.outcomes import activity, outcomes
from netinsight.plots.common import category_colors, get_ax
from netinsight.policy import FollowUpPolicy, lag_within

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_activity", "plot_follow_up_rates", "plot_funnel", "plot_thank_you_lag"]

#: More groups than this make a grouped bar chart unreadable: a warning says so.
MAX_GROUPS = 25


def plot_thank_you_lag(log: pd.DataFrame, *, policy: str | FollowUpPolicy = "standard", ax: Axes | None = None) -> Axes:
    """ECDF of the thank-you lag in days, with the policy's window as a vertical line.

    Notes never sent are left out of the curve and counted in the title.
    A business-day window is drawn at its length in days, labelled as business days.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    policy
        A preset, a window or a `FollowUpPolicy`.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 3, "contact": list("ABC"),
    ...                              "thank_you_date": ["2026-03-02", "2026-03-05", ""]}))
    >>> plot_thank_you_lag(log).get_title()
    'Thank-you lag (2 notes; 1 never sent)'
    """
    pol = FollowUpPolicy.parse(policy)
    lag, _ = lag_within(log["date"], log["thank_you_date"], pol.window("thank_you"))
    lags = np.sort(lag.dropna().to_numpy())
    ax = get_ax(ax)
    if len(lags):
        ax.step(np.concatenate([[lags[0]], lags]), np.arange(len(lags) + 1) / len(lags), where="post", label="notes")
    amount, unit = pol.window("thank_you")
    days = amount / 24 if unit == "h" else amount
    label = {"h": "hours", "d": "days", "bd": "business days"}[unit]
    ax.axvline(days, color="black", linestyle="--", label=f"policy {pol.name}: {amount:g} {label}")
    ax.set_xlabel("days from interview to thank-you note")
    ax.set_ylabel("share of notes sent")
    ax.set_ylim(0, 1.02)
    missing = int(log["thank_you_date"].isna().sum())
    ax.set_title(f"Thank-you lag ({len(lags)} notes; {missing} never sent)")
    ax.legend(loc="lower right")
    return ax


def plot_follow_up_rates(
    log: pd.DataFrame,
    *,
    by: str | Sequence[str] = "owner",
    policy: str | FollowUpPolicy = "standard",
    ax: Axes | None = None,
) -> Axes:
    """Grouped bars of thank-you, on-time and check-in rates per group, with group sizes.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        Column(s) to group by (see `follow_up_rates`).
    policy
        A preset, a window or a `FollowUpPolicy`.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"] * 2, "contact": ["A", "B"], "channel": ["zoom", "phone"],
    ...                              "thank_you_date": ["2026-03-02", ""]}))
    >>> len(plot_follow_up_rates(log, by="channel").patches)
    6
    """
    table = follow_up_rates(log, by=by, policy=policy)
    keys = by_keys(by)
    if len(table) > MAX_GROUPS:
        warnings.warn(
            f"{len(table)} groups make this chart hard to read; plot fewer (e.g. filter the log first).",
            UserWarning,
            stacklevel=2,
        )
    labels = table[keys].astype(str).agg(" / ".join, axis=1) + " (n=" + table["interviews"].astype(str) + ")"
    ax = get_ax(ax, figsize=(8.0, max(3.0, 0.6 * len(table) + 1.5)))
    y = np.arange(len(table))
    rates = ["thank_you_rate", "on_time_rate", "check_in_rate"]
    colors = category_colors(rates, palette="tab10")
    height = 0.8 / len(rates)
    for i, col in enumerate(rates):
        values = table[col].astype(float).fillna(0).to_numpy()
        ax.barh(y - i * height, values, height=height, color=colors[col], label=col.replace("_", " "))
    ax.set_yticks(y - height, labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of interviews (policy {FollowUpPolicy.parse(policy).name})")
    ax.set_title("Follow-up by " + ", ".join(keys))
    ax.legend(loc="lower right")
    return ax


def plot_funnel(log: pd.DataFrame, *, by: str | None = None, ax: Axes | None = None) -> Axes:
    """The outcome funnel: interviews reaching each stage (bars), or rates per group with `by`.

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    by
        One column to compare groups (``"source"``, ``"channel"`` ...); then bars show rates.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02"], "contact": ["A"], "outcome": ["referral"]}))
    >>> len(plot_funnel(log).patches)
    8
    """
    table = outcomes(log, by=by)
    ax = get_ax(ax)
    stages = list(dict.fromkeys(table["stage"]))
    y = np.arange(len(stages))[::-1]
    if by is None:
        ax.barh(y, table["count"], color="tab:blue")
        for yi, count, share in zip(y, table["count"], table["rate"], strict=True):
            text = f"{count}" + ("" if pd.isna(share) else f" ({share:.0%})")
            ax.annotate(text, (count, yi), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_xlabel("interviews")
        ax.margins(x=0.15)
    else:
        groups = list(dict.fromkeys(table[by].astype(str)))
        colors = category_colors(groups)
        height = 0.8 / max(len(groups), 1)
        for i, group in enumerate(groups):
            part = table[table[by].astype(str) == group]
            n = int(part["base"].iloc[0])
            ax.barh(y - i * height, part["rate"].astype(float).fillna(0), height=height, color=colors[group],
                    label=f"{group} (n={n})")  # fmt: skip
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of interviews")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_yticks(y, [s.replace("_", " ") for s in stages])
    ax.set_title("Outcome funnel" + (f" by {by}" if by else ""))
    return ax


def plot_activity(log: pd.DataFrame, *, freq: str = "W", goal: float | None = None, ax: Axes | None = None) -> Axes:
    """Interviews per period as bars, with the goal as a line (periods that met it darker).

    Parameters
    ----------
    log
        A log from `read_log`. Not modified.
    freq
        ``"W"`` weeks or ``"M"`` months.
    goal
        Interviews wanted per period.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-03-02", "2026-03-18"], "contact": ["A", "B"]}))
    >>> len(plot_activity(log, goal=1).patches)
    3
    """
    table = activity(log, freq=freq, goal=goal)
    ax = get_ax(ax)
    met = table["met"].fillna(False).to_numpy(dtype=bool)
    colors = np.where(met, "tab:green", "tab:blue")
    width = 5 if freq.upper().startswith("W") else 25
    ax.bar(table["start"], table["interviews"], width=width, align="edge", color=list(colors))
    if goal is not None:
        ax.axhline(goal, color="black", linestyle="--", label=f"goal: {goal:g} per period")
        ax.legend(loc="upper left")
    ax.set_ylabel("interviews")
    ax.set_title(f"Interviews per {'week' if freq.upper().startswith('W') else 'period'}")
    ax.tick_params(axis="x", labelrotation=30)
    return ax
