"""The referral forest: each (owner, person) gets one parent, their earliest introducer, as integers.

Built from a people table and its coded introductions (`netinsight.tables.CodedIntroductions`),
the forest is a parent array (nodes numbered with `netinsight.pairs`, no hashing of every
pair); depths, subtree sums, chains and ancestors follow in vectorised passes, one per
generation, with no per-node search (dominators: `netinsight.dominators`). Limits: a node whose
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

from netinsight.pairs import PairIndex, index_pairs
from netinsight.tables import CodedIntroductions
from netinsight.textcodes import TextCodes, large_text

__all__ = [
    "Forest",
    "ancestor_pairs",
    "build_forest",
    "chain_lists",
    "depths",
    "forest_from_codes",
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
    node (source -1 = root, -2 = outside the network). ``nodes`` finds the node of an (owner,
    person) pair (`netinsight.pairs.PairIndex`: node k is pair k); None when the introductions
    name people outside the table.
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
    nodes: PairIndex | None = None


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
    return forest_from_codes((people["kind"] == "owner").to_numpy(), large_text(people.index), intros)


def forest_from_codes(is_root: npt.NDArray[np.bool_], ids: pa.Array, intros: CodedIntroductions) -> Forest:
    """`build_forest` from which people rows are owners' roots and the person ids (Arrow text).

    Examples
    --------
    >>> intros = CodedIntroductions(np.array([0, 0]), np.array(["me"], dtype=object), np.array([0, 1]),
    ...     np.array([1, 2]), np.array(["2026-01-05", "2026-01-09"], dtype="datetime64[ns]"), np.array([1, 1]))
    >>> f = forest_from_codes(np.array([True, False, False]), pa.array(["owner:me", "me/a", "me/b"]), intros)
    >>> f.parent.tolist(), f.depth.tolist(), f.introducer.tolist()
    ([-1, 0], [1, 2], [-1, 1])
    """
    m = len(intros.person)
    n_people = max(len(is_root), 1)
    from_root = (intros.introducer >= 0) & is_root[np.maximum(intros.introducer, 0)] if m else np.zeros(0, dtype=bool)
    edge_node, source, nodes = _edge_nodes(intros.owner, intros.person, intros.introducer, n_people)
    n = int(edge_node.max()) + 1 if m else 0
    source[from_root] = -1
    stamp = intros.date.view(np.int64).copy()
    stamp[np.isnat(intros.date)] = _LAST
    # first[k]: the earliest introduction of node k (ties: the first listed), one scatter of (date rank, index)
    rank = pd.factorize(stamp, sort=True)[0].astype(np.int64)
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, edge_node, rank * max(m, 1) + np.arange(m))
    first = first % max(m, 1)
    first = _break_ties(first, edge_node, stamp, intros.introducer, ids)
    parent = source[first]
    depth = depths(parent)
    return Forest(  # node k is pair k of `nodes`: its owner and person are the pair's
        owner=intros.owner[first] if nodes is None else nodes.owner,
        owners=intros.owners,
        person=intros.person[first] if nodes is None else nodes.person,
        parent=parent,
        depth=depth,
        introducer=np.where(from_root[first], -1, intros.introducer[first]),
        introduced_on=intros.date[first],
        introductions=np.bincount(edge_node[~from_root], minlength=n).astype(np.int64),
        edge_node=edge_node,
        edge_source=source,
        nodes=nodes,
    )


def _edge_nodes(
    owner: IntArray, person: IntArray, introducer: IntArray, n_people: int
) -> tuple[IntArray, IntArray, PairIndex | None]:
    """The node of each introduction's person and of its introducer (-2 outside the owner's network).

    With the pair index of the nodes (node k is pair k), None when some person is unknown.
    """
    if len(person) and (person.min() < 0 or introducer.max() >= n_people):  # unknown people: pack and hash
        m = len(person)
        intro_key = np.where(introducer >= 0, owner * n_people + introducer, -1)
        codes = pd.factorize(np.concatenate([owner * n_people + person, intro_key]))[0].astype(np.int64)
        source = codes[m:]
        source[(source >= int(codes[:m].max()) + 1) | (intro_key < 0)] = -2
        return codes[:m], source, None
    index, node = index_pairs(owner, person)
    source = index.lookup(owner, introducer)
    source[source < 0] = -2
    return node, source, index


def _break_ties(first: IntArray, node: IntArray, stamp: IntArray, introducer: IntArray, ids: pa.Array) -> IntArray:
    """Among introductions on a node's earliest date, pick the introducer whose id sorts first."""
    tied = np.flatnonzero(stamp == stamp[first[node]])
    tied = tied[tied != first[node[tied]]]
    if not len(tied):
        return first
    marked = np.zeros(len(first), dtype=bool)
    marked[node[tied]] = True
    candidates = np.flatnonzero(marked[node] & (stamp == stamp[first[node]]))
    named = np.asarray(ids.take(pa.array(np.maximum(introducer[candidates], 0))).to_pylist(), dtype=object)
    text = np.where(introducer[candidates] >= 0, named, "")
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
    few = len(depth) and int(depth.min()) >= -1 and int(depth.max()) < np.iinfo(np.int16).max
    order = np.argsort(depth.astype(np.int16) if few else depth, kind="stable")  # NumPy sorts int16 by radix
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


def chain_lists(forest: Forest, names: TextCodes, nodes: IntArray | None = None) -> pa.ListArray:
    """The chain of names from the owner of each of `nodes` (default all; null without a chain), built by generation.

    `names` holds one name per node (as codes); the chain starts with the owner's name.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> from netinsight.people import coded_tables_from_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana", "Ben"],
    ...                              "introduced_by": ["", "Ana"]}))
    >>> f = build_forest(*coded_tables_from_log(log))
    >>> chain_lists(f, TextCodes(np.array([0, 1]), pa.array(["Ana", "Ben"])), np.array([1, 0])).to_pylist()
    [['me', 'Ana', 'Ben'], ['me', 'Ana']]
    """
    rows = np.arange(len(forest.depth), dtype=np.int64) if nodes is None else nodes
    depth = forest.depth[rows]
    reach = depth > 0
    lengths = np.where(reach, depth + 1, 0)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    n_names = len(names.values)
    labels = pa.concat_arrays(
        [names.values.cast(pa.string()), pa.array([*forest.owners.tolist(), None], pa.string())]
    )  # the names, the owners, a null for a missing name
    label = np.where(names.codes >= 0, names.codes, n_names + len(forest.owners))
    values = np.zeros(int(offsets[-1]), dtype=np.int64)
    active = np.flatnonzero(reach)
    cur = rows[active]
    owner = forest.owner[cur]
    pos = offsets[active] + depth[active]
    while len(cur):
        values[pos] = label[cur]
        cur = forest.parent[cur]
        pos = pos - 1
        done = cur < 0
        values[pos[done]] = n_names + owner[done]
        keep = ~done
        cur, pos, owner = cur[keep], pos[keep], owner[keep]
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
