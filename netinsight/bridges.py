"""Bridges: the contacts who are the only way into a company or an industry, from the dominator tree.

Everyone at a company is reached only through a contact when that contact dominates them
all, that is, lies on the dominator-tree path above the nearest common dominator of the
people there. So each company (and each industry) of an owner needs one nearest common
ancestor, found by pairwise meets in vectorised rounds, and its bridges are that node and
the nodes above it. No per-person loop and no graph search. Limits: a company with anyone
on an introduction cycle has no bridge (that person has no way in at all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from netinsight.chaintable import ChainForest, chain_forest
from netinsight.dominators import dominators, meet
from netinsight.forest import depths
from netinsight.graphrecords import collector_paused
from netinsight.memory import large_work
from netinsight.network import network
from netinsight.nodekeys import name_rank, node_codes, ranked_rows
from netinsight.ordering import text_rank
from netinsight.textcodes import str_series

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["bridges", "group_meets"]

IntArray = npt.NDArray[np.int64]
_COLUMNS = ["rank", "owner", "person", "name", "company", "sector", "depth", "n_industries", "n_companies"]


def group_meets(tree: IntArray, depth: IntArray, nodes: IntArray, group: IntArray) -> tuple[IntArray, IntArray]:
    """The nearest common ancestor of each group's `nodes` in a tree (``tree[root] == root``, depth 0 there).

    Members are met pairwise, halving every group each round.

    Returns
    -------
    groups, ancestors : numpy.ndarray
        Each distinct group (ascending) and its nearest common ancestor.

    Examples
    --------
    >>> tree = np.array([4, 0, 0, 1, 4])  # 4 is the root; 1 and 2 under 0; 3 under 1
    >>> depth = np.array([1, 2, 2, 3, 0])
    >>> [a.tolist() for a in group_meets(tree, depth, np.array([3, 2, 1, 3]), np.array([7, 7, 9, 9]))]
    [[7, 9], [0, 1]]
    """
    order = np.lexsort((nodes, group))
    node, grp = nodes[order], group[order]
    while len(grp):
        start = np.r_[True, grp[1:] != grp[:-1]]
        if start.all():
            break
        place = np.arange(len(grp)) - np.flatnonzero(start)[np.cumsum(start) - 1]
        left = np.flatnonzero(place % 2 == 0)
        has_right = np.zeros(len(left), dtype=bool)
        right = left + 1
        has_right[right < len(grp)] = grp[right[right < len(grp)]] == grp[left[right < len(grp)]]
        met = node[left].copy()
        met[has_right] = meet(node[left[has_right]], node[right[has_right]], tree, depth)
        node, grp = met, grp[left]
    return grp, node


@large_work()
def bridges(G_or_log: nx.DiGraph | pd.DataFrame, *, owner: str | None = None) -> pd.DataFrame:
    """The contacts who are the only way into a company or an industry: lose them and it is gone.

    A contact is a bridge to a company when every way the owner reached everyone there
    passes through them (counting every introduction, not only the earliest): they work
    there alone, or all the people there were reached through them.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        One row per owner and bridge: ``rank, owner, person, name, company, sector,
        depth, n_industries, n_companies, industries, companies`` (lists of what only
        they lead to), ranked by industries, then companies, then name.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20", "2026-01-22"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan", "Di Lee"],
    ...     "company": ["Acme", "Bluefin", "Bluefin", "Acme"],
    ...     "industry": ["Tech", "Banking", "Banking", "Tech"], "introduced_by": ["", "Ana Ruiz", "Ana Ruiz", ""]}))
    >>> bridges(log)[["rank", "name", "n_industries", "industries", "companies"]]
       rank      name  n_industries industries companies
    0     1  Ana Ruiz             1  [Finance]  [Bluefin]
    """
    chains = chain_forest(network(G_or_log, owner))
    forest = chains.forest
    n = len(forest.person)
    dom = dominators(forest)
    reach = forest.depth > 0
    ddepth = depths(np.where(dom >= 0, dom, np.where(dom == -1, -1, -2)))
    tree = np.append(np.where(dom >= 0, dom, n), n)  # the owners' roots are one sentinel node, n
    tree_depth = np.append(np.where(reach, ddepth, 0), 0)
    parts = {
        what: _bridges_to(chains, dom, tree, tree_depth, column)
        for what, column in (("companies", "company"), ("industries", "sector"))
    }
    bridge = np.flatnonzero(np.bincount(np.concatenate([above for above, _, _ in parts.values()]), minlength=n))
    if not len(bridge):
        empty = chains.rows(np.zeros(0, dtype=np.int64), ["owner", "person", "name", "company", "sector", "depth"])
        for col in ("n_industries", "n_companies"):
            empty[col] = pd.Series(dtype=np.int64)
        for col in ("industries", "companies"):
            empty[col] = pd.Series(dtype=object)
        empty.insert(0, "rank", pd.Series(dtype=np.int64))
        return empty.reset_index(drop=True)
    lists = {}
    for what, (above, values, rank) in parts.items():
        by = np.lexsort((rank, above))  # each bridge's values in text order
        counts = np.bincount(np.searchsorted(bridge, above), minlength=len(bridge)).astype(np.int64)
        lists[what] = (counts, np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64), values[by].tolist())
    keys = [-lists["industries"][0], -lists["companies"][0], name_rank(chains)[bridge]]
    order = ranked_rows(chains, keys, bridge)
    out = chains.rows(bridge[order], ["owner", "person", "name", "company", "sector", "depth"])
    out["n_industries"] = lists["industries"][0][order]
    out["n_companies"] = lists["companies"][0][order]
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    for what in ("industries", "companies"):
        counts, starts, values = lists[what]
        column = np.empty(len(order), dtype=object)
        with collector_paused():  # a list per bridge: no collection while they are made
            column[:] = [values[a : a + k] for a, k in zip(starts[order].tolist(), counts[order].tolist(), strict=True)]
        out[what] = column
    return out[[*_COLUMNS, "industries", "companies"]]


def _bridges_to(
    chains: ChainForest, dom: IntArray, tree: IntArray, tree_depth: IntArray, column: str
) -> tuple[IntArray, npt.NDArray[np.object_], IntArray]:
    """Each bridge to each (owner, value) group of one column: the bridge, the value as written, its text rank."""
    forest = chains.forest
    n = len(forest.person)
    codes = node_codes(chains, column)
    members = np.flatnonzero(codes >= 0)
    group = forest.owner[members] * (int(codes.max()) + 2 if n else 1) + codes[members]
    reachable = tree_depth[members] > 0
    # a group with anyone out of reach has no bridge; the others meet at their nearest common dominator
    groups, top = group_meets(tree, tree_depth, members[reachable], group[reachable])
    out_of_reach = np.sort(group[~reachable])
    at = np.searchsorted(out_of_reach, groups)
    lost = out_of_reach[np.minimum(at, len(out_of_reach) - 1)] == groups if len(out_of_reach) else at < 0
    keep = ~lost & (top < n)
    groups, top = groups[keep], top[keep]
    # each group is shown by its first member (the smallest node), as written
    first = np.full(len(groups), n, dtype=np.int64)
    at = np.searchsorted(groups, group)
    inside = np.flatnonzero(at < len(groups))
    inside = inside[groups[at[inside]] == group[inside]]
    np.minimum.at(first, at[inside], members[inside])
    shown = chains.net.codes(column).take(forest.person[first]) if len(first) else pa.array([], pa.large_string())
    rank = text_rank(str_series(shown))
    # the bridges of a group: its top node and every dominator above it, generation by generation
    heads, aboves = [], []
    index, cur = np.arange(len(top)), top.copy()
    while len(cur):
        heads.append(index)
        aboves.append(cur)
        cur = dom[cur]
        index, cur = index[cur >= 0], cur[cur >= 0]
    index = np.concatenate(heads) if heads else np.zeros(0, dtype=np.int64)
    values = np.empty(len(shown), dtype=object)
    values[:] = shown.to_pylist()
    return np.concatenate(aboves) if aboves else np.zeros(0, dtype=np.int64), values[index], rank[index]
