"""The referral forest: each (owner, person) gets one parent, their earliest introducer, as integers.

Built from a people table and its coded introductions (`netinsight.people.CodedIntroductions`),
the forest is a parent array; depths, subtree sums, chains, ancestors and dominators follow
in vectorised passes, one per generation, with no per-node search. Limits: a node whose
earliest introducer lies on an introduction cycle has no depth (-1); the number of passes
grows with the deepest chain, not with the number of people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from netinsight.tables import CodedIntroductions

__all__ = [
    "Forest",
    "ancestor_pairs",
    "build_forest",
    "chain_lists",
    "depths",
    "dominators",
    "levels",
    "subtree_sums",
]

IntArray = npt.NDArray[np.int64]
_LAST = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Forest:
    """One node per (owner, person), its earliest introducer as parent.

    ``parent`` is a node index, -1 for the owner's root and -2 for an introducer not in the
    owner's network; ``depth`` is 1 for people reached directly and -1 without a chain.
    ``person`` and ``introducer`` are rows of the people table (``introducer`` -1 when
    reached directly); ``edge_node`` / ``edge_source`` list every introduction as node ->
    node (source -1 = root, -2 = outside the network).
    """

    owner: IntArray
    owners: npt.NDArray[np.object_]
    person: IntArray
    parent: IntArray
    depth: IntArray
    introducer: IntArray
    introduced_on: npt.NDArray[np.datetime64]
    introductions: IntArray
    edge_node: IntArray
    edge_source: IntArray


def build_forest(people: pd.DataFrame, intros: CodedIntroductions) -> Forest:
    """The referral forest of a people table and its coded introductions.

    The earliest introduction of each node is its parent; undated introductions come
    last and equal dates go to the introducer whose id sorts first.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> from netinsight.people import coded_tables_from_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana", "Ben"],
    ...                              "introduced_by": ["", "Ana"]}))
    >>> f = build_forest(*coded_tables_from_log(log))
    >>> f.parent.tolist(), f.depth.tolist()
    ([-1, 0], [1, 2])
    """
    m = len(intros.person)
    n_people = max(len(people), 1)
    is_root = (people["kind"] == "owner").to_numpy()
    from_root = (intros.introducer >= 0) & is_root[np.maximum(intros.introducer, 0)] if m else np.zeros(0, dtype=bool)
    person_key = intros.owner * n_people + intros.person
    intro_key = np.where(intros.introducer >= 0, intros.owner * n_people + intros.introducer, -1)
    codes, _ = pd.factorize(np.concatenate([person_key, intro_key]))
    edge_node = codes[:m].astype(np.int64)
    n = int(edge_node.max()) + 1 if m else 0
    source = codes[m:].astype(np.int64)
    source[(source >= n) | (intro_key < 0)] = -2
    source[from_root] = -1
    stamp = intros.date.view(np.int64).copy()
    stamp[np.isnat(intros.date)] = _LAST
    order = np.lexsort((stamp, edge_node))
    first_mask = np.ones(m, dtype=bool)
    first_mask[1:] = edge_node[order][1:] != edge_node[order][:-1]
    first = order[first_mask]  # first[k]: the earliest introduction of node k
    first = _break_ties(first, edge_node, stamp, intros.introducer, people.index)
    parent = source[first]
    depth = depths(parent)
    return Forest(
        owner=intros.owner[first],
        owners=intros.owners,
        person=intros.person[first],
        parent=parent,
        depth=depth,
        introducer=np.where(from_root[first], -1, intros.introducer[first]),
        introduced_on=intros.date[first],
        introductions=np.bincount(edge_node[~from_root], minlength=n).astype(np.int64),
        edge_node=edge_node,
        edge_source=source,
    )


def _break_ties(first: IntArray, node: IntArray, stamp: IntArray, introducer: IntArray, ids: pd.Index[Any]) -> IntArray:
    """Among introductions on a node's earliest date, pick the introducer whose id sorts first."""
    tied = np.flatnonzero(stamp == stamp[first[node]])
    tied = tied[tied != first[node[tied]]]
    if not len(tied):
        return first
    nodes = np.unique(node[tied])
    candidates = np.flatnonzero(np.isin(node, nodes) & (stamp == stamp[first[node]]))
    text = np.where(introducer[candidates] >= 0, ids.to_numpy(dtype=object)[np.maximum(introducer[candidates], 0)], "")
    frame = pd.DataFrame({"node": node[candidates], "id": text, "edge": candidates})
    best = frame.sort_values(["node", "id"], kind="stable").drop_duplicates("node")
    out = first.copy()
    out[best["node"].to_numpy()] = best["edge"].to_numpy()
    return out


def depths(parent: IntArray) -> IntArray:
    """Depth of every node of a parent array (-1 root), generation by generation; -1 where none.

    Examples
    --------
    >>> depths(np.array([-1, 0, 1, 3, -2])).tolist()
    [1, 2, 3, -1, -1]
    """
    depth = np.full(len(parent), -1, dtype=np.int64)
    depth[parent == -1] = 1
    pending = np.flatnonzero(parent >= 0)
    while len(pending):
        above = depth[parent[pending]]
        ready = above > 0
        if not ready.any():
            break
        depth[pending[ready]] = above[ready] + 1
        pending = pending[~ready]
    return depth


def levels(depth: IntArray) -> list[IntArray]:
    """Node indices per depth 1, 2, ... (unreachable nodes left out).

    Examples
    --------
    >>> [level.tolist() for level in levels(np.array([1, 2, 1, -1]))]
    [[0, 2], [1]]
    """
    order = np.argsort(depth, kind="stable")
    sorted_depth = depth[order]
    top = int(sorted_depth[-1]) if len(sorted_depth) else 0
    bounds = np.searchsorted(sorted_depth, np.arange(1, top + 2))
    return [order[bounds[d - 1] : bounds[d]] for d in range(1, top + 1)]


def subtree_sums(parent: IntArray, depth: IntArray, weight: npt.NDArray[Any] | None = None) -> npt.NDArray[Any]:
    """Sum of `weight` (default 1) over each node's subtree, itself included; NaN where unreachable.

    Examples
    --------
    >>> subtree_sums(np.array([-1, 0, 1, 0]), np.array([1, 2, 3, 2])).tolist()
    [4.0, 2.0, 1.0, 1.0]
    """
    n = len(parent)
    size = np.ones(n, dtype=np.float64) if weight is None else weight.astype(np.float64).copy()
    for level in reversed(levels(depth)[1:]):
        size += np.bincount(parent[level], weights=size[level], minlength=n)
    size[depth < 0] = np.nan
    return size


def chain_lists(forest: Forest, names: pa.Array) -> pa.ListArray:
    """Each node's chain of names from the owner (null without a chain), built backwards by generation.

    `names` holds one name per node; the chain starts with the owner's name.
    """
    depth = forest.depth
    n = len(depth)
    reach = depth > 0
    lengths = np.where(reach, depth + 1, 0)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    labels = pa.concat_arrays([names.cast(pa.string()), pa.array(forest.owners.tolist(), pa.string())])
    values = np.zeros(int(offsets[-1]), dtype=np.int64)
    active = np.flatnonzero(reach)
    cur = active.copy()
    pos = offsets[active] + depth[active]
    while len(active):
        values[pos] = cur
        cur = forest.parent[cur]
        pos = pos - 1
        done = cur < 0
        values[pos[done]] = n + forest.owner[active[done]]
        keep = ~done
        active, cur, pos = active[keep], cur[keep], pos[keep]
    flat = labels.take(pa.array(values))
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), flat, mask=pa.array(~reach))


def ancestor_pairs(parent: IntArray, depth: IntArray, nodes: IntArray, *, self_too: bool) -> tuple[IntArray, IntArray]:
    """(node, ancestor) for every ancestor (not the root) of each of `nodes`, generation by generation.

    Examples
    --------
    >>> [a.tolist() for a in ancestor_pairs(np.array([-1, 0, 1]), np.array([1, 2, 3]), np.arange(3), self_too=False)]
    [[1, 2, 2], [0, 1, 0]]
    """
    heads: list[IntArray] = []
    tails: list[IntArray] = []
    nodes = nodes[depth[nodes] > 0]
    cur = nodes.copy() if self_too else parent[nodes]
    while True:
        keep = cur >= 0
        nodes, cur = nodes[keep], cur[keep]
        if not len(nodes):
            break
        heads.append(nodes)
        tails.append(cur)
        cur = parent[cur]
    if not heads:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(heads), np.concatenate(tails)


def dominators(forest: Forest) -> IntArray:
    """The immediate dominator of each reachable node: the person every way in passes through.

    Starts from the earliest-introducer forest (whose paths contain every dominator) and
    replaces each node's parent by the nearest common ancestor of all its introducers until
    nothing changes; -1 is the owner's root, -3 marks nodes without a chain.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> from netinsight.people import coded_tables_from_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"],
    ...     "contact": ["Ana", "Ben", "Cy", "Cy"], "introduced_by": ["", "Ana", "Ana", "Ben"]}))
    >>> dominators(build_forest(*coded_tables_from_log(log))).tolist()
    [-1, 0, 0]
    """
    n = len(forest.parent)
    reach = forest.depth > 0
    node, source = forest.edge_node, forest.edge_source
    ok = ((source == -1) | ((source >= 0) & reach[np.maximum(source, 0)])) & reach[node]
    ROOT = n  # the sentinel index for every owner's root
    pairs = np.unique(np.stack([node[ok], np.where(source[ok] == -1, ROOT, source[ok])]), axis=1)
    node, source = pairs[0], pairs[1]
    several = np.bincount(node, minlength=n) > 1
    multi = several[node]
    node, source = node[multi], source[multi]
    rank = np.arange(len(node)) - np.searchsorted(node, node)
    dom = np.append(np.where(forest.parent >= 0, forest.parent, ROOT), ROOT).astype(np.int64)
    dom[:n][~reach] = ROOT
    targets = np.unique(node)
    for _ in range(n + 1):  # converges in a few rounds; bounded for safety
        ddepth = depths(np.where(dom[:n] == ROOT, -1, dom[:n]))
        ddepth = np.append(np.where(reach, ddepth, 0), 0)
        meet = np.full(n + 1, -1, dtype=np.int64)
        first = rank == 0
        meet[node[first]] = source[first]
        for r in range(1, int(rank.max()) + 1 if len(rank) else 1):
            pick = rank == r
            who = node[pick]
            meet[who] = _meet(meet[who], source[pick], dom, ddepth)
        changed = meet[targets] != dom[targets]
        if not changed.any():
            break
        dom[targets] = meet[targets]
    out = np.where(dom[:n] == ROOT, -1, dom[:n])
    out[~reach] = -3
    return out


def _meet(a: IntArray, b: IntArray, dom: IntArray, ddepth: IntArray) -> IntArray:
    """Nearest common ancestor of each pair in the tree `dom` (root = its own parent)."""
    a, b = a.copy(), b.copy()
    while True:
        deeper = ddepth[a] > ddepth[b]
        if not deeper.any():
            break
        a[deeper] = dom[a[deeper]]
    while True:
        deeper = ddepth[b] > ddepth[a]
        if not deeper.any():
            break
        b[deeper] = dom[b[deeper]]
    while True:
        differ = a != b
        if not differ.any():
            break
        a[differ] = dom[a[differ]]
        b[differ] = dom[b[differ]]
    return a
