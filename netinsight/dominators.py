"""Dominators of a referral forest: the person every way into someone passes through.

`dominators` starts from the earliest-introducer forest (`netinsight.forest`), whose paths
contain every dominator, and replaces each node's parent by the nearest common ancestor
(`meet`) of all its introducers until nothing changes, in vectorised rounds. Used by
`netinsight.bridges`. Limits: nodes without a chain (on a cycle) get no dominator.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.forest import Forest, depths

__all__ = ["dominators", "meet"]

IntArray = npt.NDArray[np.int64]


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
    >>> from netinsight.forest import build_forest
    >>> dominators(build_forest(*coded_tables_from_log(log))).tolist()
    [-1, 0, 0]
    """
    n = len(forest.parent)
    reach = forest.depth > 0
    node, source = forest.edge_node, forest.edge_source
    ok = ((source == -1) | ((source >= 0) & reach[np.maximum(source, 0)])) & reach[node]
    ROOT = n  # the sentinel index for every owner's root
    pairs = np.sort(pd.unique(node[ok] * (n + 1) + np.where(source[ok] == -1, ROOT, source[ok])))
    node, source = pairs // (n + 1), pairs % (n + 1)
    several = np.bincount(node, minlength=n) > 1
    multi = several[node]
    node, source = node[multi], source[multi]
    rank = np.arange(len(node)) - np.searchsorted(node, node)
    dom = np.append(np.where(forest.parent >= 0, forest.parent, ROOT), ROOT).astype(np.int64)
    dom[:n][~reach] = ROOT
    targets = node[np.r_[True, node[1:] != node[:-1]]] if len(node) else node  # `node` is sorted
    for _ in range(n + 1):  # converges in a few rounds; bounded for safety
        ddepth = depths(np.where(dom[:n] == ROOT, -1, dom[:n]))
        ddepth = np.append(np.where(reach, ddepth, 0), 0)
        met = np.full(n + 1, -1, dtype=np.int64)
        first = rank == 0
        met[node[first]] = source[first]
        for r in range(1, int(rank.max()) + 1 if len(rank) else 1):
            pick = rank == r
            who = node[pick]
            met[who] = meet(met[who], source[pick], dom, ddepth)
        changed = met[targets] != dom[targets]
        if not changed.any():
            break
        dom[targets] = met[targets]
    out = np.where(dom[:n] == ROOT, -1, dom[:n])
    out[~reach] = -3
    return out


def meet(a: IntArray, b: IntArray, dom: IntArray, ddepth: IntArray) -> IntArray:
    """Nearest common ancestor of each pair in the tree `dom` (root = its own parent, depth 0).

    Examples
    --------
    >>> meet(np.array([3, 2]), np.array([2, 3]), np.array([4, 0, 0, 1, 4]), np.array([1, 2, 2, 3, 0])).tolist()
    [0, 0]
    """
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
