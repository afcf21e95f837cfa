"""Referral-chain pictures: the tidy tree of a network, and one chain as a strip for a slide.

Both take a log or a graph, draw on ``ax`` (a new Axes when None) and return it; nothing
is shown or saved. Limits: the tree follows each person's earliest introduction (other
introductions are not drawn), and people on an introduction cycle are left out (a
`netinsight.chaintable.ReferralCycleWarning` names them).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from netinsight.chains import referral_chains, referral_path
from netinsight.layout import tidy_tree_layout
from netinsight.plots.common import category_colors, get_ax

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["plot_referral_chains", "plot_referral_path"]

_COLOR_BY: Final[dict[str, str]] = {
    "industry": "sector",
    "sector": "sector",
    "company": "company",
    "kind": "kind",
    "depth": "depth",
}
_SEP: Final = "\x1f"
_HIGHLIGHT: Final = "#d62728"
_LEGEND_MAX: Final = 12


def _keep_top(
    chains: pd.DataFrame, keys: pd.Series[Any], parents: pd.Series[Any], forced: set[str], budget: int
) -> np.ndarray[Any, Any]:
    """Which rows to draw: generation by generation, biggest branches first, forced rows always."""
    kept = np.zeros(len(chains), dtype=bool)
    drawn = set(parents[chains["depth"].to_numpy() == 1])  # the roots
    depth = chains["depth"].to_numpy(dtype=np.int64)
    downstream = chains["downstream"].to_numpy(dtype=np.int64)
    force = keys.isin(forced).to_numpy()
    left = budget
    for d in range(1, int(depth.max()) + 1 if len(depth) else 1):
        candidates = np.flatnonzero((depth == d) & parents.isin(drawn).to_numpy())
        if not len(candidates):
            break
        order = np.lexsort((candidates, -downstream[candidates], ~force[candidates]))
        chosen = candidates[order]
        take = chosen[force[chosen] | (np.arange(len(chosen)) < max(left, 0))]
        kept[take] = True
        left -= len(take)
        drawn |= set(keys.iloc[take])
    return kept


def plot_referral_chains(
    G: nx.DiGraph | pd.DataFrame,
    *,
    owner: str | None = None,
    highlight: str | None = None,
    color_by: str | None = "industry",
    max_nodes: int = 150,
    ax: Axes | None = None,
) -> Axes:
    """Draw the referral tree: the owner at the root, one generation per column, children under their introducer.

    Parameters
    ----------
    G
        A graph from `netinsight.graph_from_log`, or the log itself. Not modified.
    owner
        Whose network to draw (default: every owner, one tree under the other).
    highlight
        A person (name or id) whose chain is drawn on top in red.
    color_by
        Colour people by ``"industry"`` (the normalised sector), ``"company"``, ``"kind"``,
        ``"depth"``, or None for one colour. A legend names the colours.
    max_nodes
        Above this many people, warn and draw only the biggest branches, with a "+N more"
        marker where people were left out.
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        When `color_by` is not one of the choices.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "industry": ["Tech", "Banking"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> ax = plot_referral_chains(log, highlight="Ben Okafor")
    >>> sorted(t.get_text() for t in ax.texts)
    ['Ana Ruiz', 'Ben Okafor', 'me']
    """
    if color_by is not None and color_by not in _COLOR_BY:
        msg = f"`color_by` must be one of {sorted(_COLOR_BY)} or None, not {color_by!r}"
        raise ValueError(msg)
    chains = referral_chains(G, owner=owner)
    chains = chains[chains["depth"].notna()].reset_index(drop=True)
    owners = sorted(chains["owner"].unique().tolist()) if owner is None else [owner]
    keys = chains["owner"] + _SEP + chains["person"]
    parents = chains["owner"] + _SEP + chains["introducer"].fillna("")
    forced: set[str] = set()
    if highlight is not None:
        path = referral_path(G, highlight, owner=owner)
        forced = set(path["owner"] + _SEP + path["person"])
    hidden = 0
    if len(chains) > max_nodes:
        kept = _keep_top(chains, keys, parents, forced, max_nodes)
        hidden = int((~kept).sum())
        warnings.warn(
            f"{len(chains)} people are too many to draw readably; drawing the {int(kept.sum())} in the biggest "
            f"branches and marking {hidden} as '+N more' (raise `max_nodes` or pick an `owner` to see more)",
            UserWarning,
            stacklevel=2,
        )
    else:
        kept = np.ones(len(chains), dtype=bool)
    children: dict[str, list[str]] = {o + _SEP: [] for o in owners}
    label: dict[str, str] = {o + _SEP: o for o in owners}
    for key, parent, name in zip(keys[kept], parents[kept], chains.loc[kept, "name"], strict=True):
        children.setdefault(parent, []).append(key)
        label[key] = str(name)
    markers: dict[str, int] = {}
    if hidden:
        drawn_parent = parents.isin(set(keys[kept]) | set(children)).to_numpy()
        omitted = ~kept & drawn_parent
        sizes = chains.loc[omitted, "downstream"].astype(np.int64) + 1
        for parent, count in sizes.groupby(parents[omitted].to_numpy()).sum().items():  # a few markers
            marker = f"{parent}{_SEP}+more"
            children.setdefault(str(parent), []).append(marker)
            markers[marker] = int(count)
    pos = tidy_tree_layout(children, root=[o + _SEP for o in owners])
    n_leaves = max(1, sum(1 for k in pos if not children.get(str(k))))
    ax = get_ax(ax, figsize=(10.0, max(4.0, 0.22 * n_leaves)))
    xy = {str(k): (-y, -x) for k, (x, y) in pos.items()}  # generations left to right, siblings top to bottom
    _draw_edges(ax, children, xy, "#9a9a9a", 1.0, 1)
    values, colors, legend_title = _colors(chains[kept], color_by)
    people_keys = list(keys[kept])
    px = np.array([xy[k][0] for k in people_keys])
    py = np.array([xy[k][1] for k in people_keys])
    ax.scatter(px, py, s=36, c=[colors[v] for v in values], edgecolors="white", linewidths=0.6, zorder=3)
    roots = [o + _SEP for o in owners]
    ax.scatter([xy[r][0] for r in roots], [xy[r][1] for r in roots], s=70, c="black", marker="s", zorder=3)
    figure = ax.get_figure(root=True)
    height_in = float(figure.get_size_inches()[1]) if figure is not None else 5.0
    height_pt = height_in * ax.get_position().height * 72
    size = float(np.clip(0.7 * height_pt / (n_leaves + 1), 4, 10))
    for key in [*roots, *people_keys]:  # labels above the node, clear of the edges
        x, y = xy[key]
        weight = "bold" if key in roots else "normal"
        ax.text(x - 0.03, y + 0.12, label[key], fontsize=size, va="bottom", ha="left", fontweight=weight, zorder=4)
    for marker, count in markers.items():
        x, y = xy[marker]
        ax.text(x + 0.03, y, f"+{count} more", fontsize=size, va="center", ha="left", color="#555555", style="italic")
    if forced:
        path_keys = [k for k in xy if k in forced or k in roots]
        path_children = {p: [k for k in kids if k in forced] for p, kids in children.items() if p in path_keys}
        _draw_edges(ax, path_children, xy, _HIGHLIGHT, 2.6, 5)
        hx = [xy[k][0] for k in forced if k in xy]
        hy = [xy[k][1] for k in forced if k in xy]
        ax.scatter(hx, hy, s=80, facecolors="none", edgecolors=_HIGHLIGHT, linewidths=2.0, zorder=6)
    if color_by is not None:
        _legend(ax, values, colors, legend_title)
    depth_max = int(chains.loc[kept, "depth"].max()) if kept.any() else 0
    ax.set_xlim(-0.3, depth_max + 1.2)
    ax.set_ylim(min((y for _, y in xy.values()), default=0) - 0.8, 1.0)
    ax.set_axis_off()
    who = owner if owner is not None else ", ".join(owners[:3]) + (" ..." if len(owners) > 3 else "")
    ax.set_title(f"Referral chains of {who}" if who else "Referral chains")
    return ax


def _draw_edges(
    ax: Axes, children: dict[str, list[str]], xy: dict[str, tuple[float, float]], color: str, width: float, z: int
) -> None:
    """Elbow lines from each parent to its children (they cannot cross in a tidy tree)."""
    from matplotlib.collections import LineCollection

    segments = []
    for parent, kids in children.items():
        if parent not in xy:
            continue
        x0, y0 = xy[parent]
        for kid in kids:
            x1, y1 = xy[kid]
            mid = x0 + 0.5 * (x1 - x0)
            segments.append([(x0, y0), (mid, y0), (mid, y1), (x1, y1)])
    if segments:
        ax.add_collection(LineCollection(segments, colors=color, linewidths=width, zorder=z))


def _colors(chains: pd.DataFrame, color_by: str | None) -> tuple[list[Any], dict[Any, Any], str]:
    if color_by is None:
        return [None] * len(chains), {None: (0.3, 0.45, 0.7, 1.0)}, ""
    column = _COLOR_BY[color_by]
    raw = chains[column]
    values = [None if pd.isna(v) else (int(v) if column == "depth" else str(v)) for v in raw]
    return values, category_colors(values), "industry" if column == "sector" else column


def _legend(ax: Axes, values: list[Any], colors: dict[Any, Any], title: str) -> None:
    from matplotlib.lines import Line2D

    counts = pd.Series([v for v in values if v is not None], dtype=object).value_counts()
    shown = sorted(counts.index[:_LEGEND_MAX].tolist(), key=str)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=6, color=colors[v], label=str(v)) for v in shown]
    if len(counts) > _LEGEND_MAX:
        handles.append(Line2D([], [], linestyle="", label=f"+{len(counts) - _LEGEND_MAX} more"))
    if any(v is None for v in values):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=6, color=colors[None], label="unknown"))
    if handles:
        ax.legend(
            handles=handles,
            title=title,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=7,
            title_fontsize=8,
            frameon=False,
        )


def plot_referral_path(
    G: nx.DiGraph | pd.DataFrame, person: str, *, owner: str | None = None, ax: Axes | None = None
) -> Axes:
    """Draw one chain of introductions as a strip: each name with company and date under it.

    Parameters
    ----------
    G
        A graph from `netinsight.graph_from_log`, or the log itself. Not modified.
    person
        Whose chain (a name or a person id; see `netinsight.referral_path`).
    owner
        Whose network (needed when several owners met someone of that name).
    ax
        The Axes to draw on (default: a new, wide figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "company": ["Acme", "Bluefin"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> ax = plot_referral_path(log, "Ben Okafor")
    >>> [t.get_text() for t in ax.texts][:3]
    ['me', 'Ana Ruiz', 'Acme\\nmet 2026-01-05']
    """
    path = referral_path(G, person, owner=owner)
    n = len(path)
    ax = get_ax(ax, figsize=(max(6.0, 2.4 * n), 2.4))
    for step, row in enumerate(path.itertuples(index=False)):  # one chain: a handful of steps
        last = step == n - 1
        face = "#fde3e3" if last else ("#222222" if step == 0 else "#e8eef7")
        ax.text(
            step,
            0.15,
            str(row.name),
            ha="center",
            va="center",
            fontsize=11,
            fontweight="bold",
            color="white" if step == 0 else "black",
            bbox={"boxstyle": "round,pad=0.5", "facecolor": face, "edgecolor": _HIGHLIGHT if last else "#8a9bb5"},
            zorder=3,
        )
        if step:
            company = str(row.company) if isinstance(row.company, str) else ""
            met = f"met {row.introduced_on:%Y-%m-%d}" if isinstance(row.introduced_on, pd.Timestamp) else ""
            ax.text(step, -0.35, "\n".join(p for p in (company, met) if p), ha="center", va="top", fontsize=8.5)
            ax.annotate(
                "",
                xy=(step - 0.32, 0.15),
                xytext=(step - 0.68, 0.15),
                arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 1.4},
            )
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(-1.1, 0.7)
    ax.set_axis_off()
    ax.set_title(f"How {path['owner'].iloc[0]} reached {path['name'].iloc[-1]}", fontsize=11)
    return ax
