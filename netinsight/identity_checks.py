"""Checks on who is who: self-introductions, introduction cycles, unknown introducers (names: `namechecks`).

People are compared by owner and name key (`netinsight.names`), as integer codes
(`netinsight.personcodes`): each distinct name is keyed once, and each (owner, key) is
numbered by one sort of integers (`netinsight.sortcodes`), no hash table. Cycle detection
peels the introduction graph with vectorised passes (sources and sinks removed until none
is left); only the small remainder that lies on cycles is handed to NetworkX to name each
cycle. Hints for unknown introducers come from a blocked self-join (`netinsight.nearnames`)
of each owner's unknown introducers with their contacts. `name_problems` lives in
`netinsight.namechecks` and is importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from netinsight.distinct import Distinct
from netinsight.namechecks import name_problems, start_name_problems
from netinsight.nearnames import near_duplicate_codes
from netinsight.personcodes import People, people_codes
from netinsight.problems import make_problems
from netinsight.rowlocator import RowLocator
from netinsight.sortcodes import sorted_codes
from netinsight.threads import in_background

__all__ = [
    "cyclic_edges",
    "introduction_problems",
    "name_problems",
    "start_introduction_problems",
    "start_name_problems",
]


def _picked(values: Distinct, rows: Any) -> np.ndarray[Any, Any]:
    """The values as written at the rows picked by a mask or positions, as objects (from their codes, no text taken)."""
    shown: np.ndarray[Any, Any] = values.values.to_numpy(dtype=object)[values.codes[rows]]
    return shown


def introduction_problems(log: pd.DataFrame, at: RowLocator, *, people: People | None = None) -> list[pd.DataFrame]:
    """Self-introductions, cycles and introducers seen nowhere else, per owner by name key.

    `people` (from `people_codes`) saves keying the names again when several checks run.
    """
    return _introduction_problems(at, people_codes(log) if people is None else people)


def start_introduction_problems(at: RowLocator, people: People) -> Callable[[], list[pd.DataFrame]]:
    """`introduction_problems`, its NumPy work started on a thread now; call the result to collect the problems.

    This thread may go on with other work meanwhile (the date checks of `netinsight.validate`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"], "introduced_by": ["Ana"]}))
    >>> [p["code"].tolist() for p in start_introduction_problems(RowLocator(log), people_codes(log))()]
    [['self_introduction']]
    """
    graph = in_background(lambda: _introduction_graph(people), rows=len(people.owner))
    return lambda: _introduction_problems(at, people, graph.result())


class _Graph(NamedTuple):
    """The introductions of a log between (owner, name key) nodes, peeled down to what may lie on cycles."""

    self_intro: np.ndarray[Any, np.dtype[np.bool_]]  # per row
    edge: np.ndarray[Any, np.dtype[np.bool_]]  # per row: an introduction by someone else
    nodes: _PersonNodes
    interviewed: np.ndarray[Any, np.dtype[np.bool_]]  # per node, and False for node `size` (no person)
    src: np.ndarray[Any, Any]  # per edge
    dst: np.ndarray[Any, Any]
    peeled: np.ndarray[Any, np.dtype[np.bool_]]  # per edge: left after peeling sources and sinks


def _introduction_graph(people: People) -> _Graph:
    """The graph of `_introduction_problems` (NumPy only: safe on a thread)."""
    owner, _, contact, introducer, keys = people[:5]
    has_intro = introducer >= 0
    self_intro = has_intro & (introducer == contact)
    edge = has_intro & ~self_intro
    nodes = _PersonNodes(owner, contact, introducer, len(keys) + 1)
    interviewed = np.zeros(nodes.size + 1, dtype=bool)  # node `size`: no person (a contact without a name key)
    interviewed[nodes.contact[nodes.contact >= 0]] = True
    src = nodes.introducer[edge]
    dst = nodes.contact[edge]
    dst[dst < 0] = nodes.size  # only introduced, never introduces: on no cycle
    return _Graph(self_intro, edge, nodes, interviewed, src, dst, _peeled(src, dst, nodes.size + 1))


def _introduction_problems(at: RowLocator, people: People, graph: _Graph | None = None) -> list[pd.DataFrame]:
    owner_names, keys = people.owner_names, people.keys
    self_intro, edge, nodes, interviewed, src, dst, peeled = _introduction_graph(people) if graph is None else graph
    out = []
    if self_intro.any():
        out.append(
            make_problems(
                code="self_introduction",
                value=_picked(people.introduced, self_intro),
                message="this person is written as their own introducer; write who introduced you, or leave it empty",
                **at(self_intro, "introduced_by"),
            )
        )
    on_cycle = _within_cycles(src, dst, peeled)
    if on_cycle.any():
        rows = np.flatnonzero(edge)[on_cycle]
        names = _picked(people.written, rows)
        intro = _picked(people.introduced, rows)
        cycle_text = _cycle_descriptions(src[on_cycle], dst[on_cycle], names, intro)
        out.append(
            make_problems(
                code="introduction_cycle",
                value=intro,
                message=[
                    f"introductions go round in a circle ({c}); one of these introducers is wrong" for c in cycle_text
                ],
                **at(rows, "introduced_by"),
            )
        )
    unknown = edge.copy()
    unknown[edge] = ~interviewed[src]
    if unknown.any():
        hints = _introducer_hints(nodes, interviewed[:-1], nodes.introducer[unknown], owner_names, keys)
        lead = "this introducer was never interviewed and appears nowhere else in the log; "
        message = np.full(len(hints), lead + "fine if so, else check the spelling", dtype=object)
        hinted = np.flatnonzero(pd.notna(hints))
        message[hinted] = [f"{lead}did you mean {h!r}?" for h in hints[hinted]]
        out.append(
            make_problems(
                code="unknown_introducer",
                value=_picked(people.introduced, unknown),
                message=message.tolist(),
                **at(unknown, "introduced_by"),
            )
        )
    return out


class _PersonNodes:
    """Each (owner, name key) of a contact or an introducer as a node, numbered in the order of (owner, key).

    ``contact`` and ``introducer`` give each row's node (-1 where the row has no key), ``owner``
    and ``key`` each node's; one sort of the rows' packed (owner, key) codes, no hash table.
    """

    def __init__(
        self, owner: np.ndarray[Any, Any], contact: np.ndarray[Any, Any], introducer: np.ndarray[Any, Any], width: int
    ) -> None:
        n = len(owner)
        every = bool((contact >= 0).all())  # usually every contact has a key: no rows to pick
        contacts = None if every else np.flatnonzero(contact >= 0)
        introducers = np.flatnonzero(introducer >= 0)
        n_contacts = n if contacts is None else len(contacts)
        packed = np.empty(n_contacts + len(introducers), dtype=np.int64)  # filled in place, no temporaries
        parts = ((packed[:n_contacts], contacts, contact), (packed[n_contacts:], introducers, introducer))
        for out, rows, person in parts:
            np.multiply(owner if rows is None else owner[rows], width, out=out)
            out += person if rows is None else person[rows]
        codes, self.values = sorted_codes(packed, overwrite=True)
        self.width, self.size = width, len(self.values)
        self.owner, self.key = self.values // width, self.values % width
        self.contact = codes[:n] if contacts is None else np.full(n, -1, dtype=np.int64)
        if contacts is not None:
            self.contact[contacts] = codes[:n_contacts]
        self.introducer = np.full(n, -1, dtype=np.int64)
        self.introducer[introducers] = codes[n_contacts:]

    def node_of(self, owner: np.ndarray[Any, Any], key: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The node of each (owner, key), which must be one."""
        found: np.ndarray[Any, Any] = np.searchsorted(self.values, owner * self.width + key)
        return found


def _introducer_hints(
    nodes: _PersonNodes,
    interviewed: np.ndarray[Any, Any],
    asked: np.ndarray[Any, Any],
    owner_names: np.ndarray[Any, Any],
    keys: np.ndarray[Any, Any],
) -> np.ndarray[Any, Any]:
    """For each unknown introducer (a node never interviewed), the owner's contact named nearly so, or None."""
    is_asked = np.zeros(nodes.size, dtype=bool)
    is_asked[asked] = True
    asking = np.zeros(len(owner_names), dtype=bool)
    asking[nodes.owner[asked]] = True  # only owners with an unknown introducer
    # the asked and the contacts of their owners, in (owner, key) order: only pairs of one of each give hints
    both = np.flatnonzero(is_asked | (interviewed & asking[nodes.owner]))
    pairs = near_duplicate_codes(nodes.owner[both], nodes.key[both], keys, between=is_asked[both])
    hints = np.full(len(asked), None, dtype=object)
    if not len(pairs):
        return hints
    group, a, b = (pairs[c].to_numpy().astype(np.int64) for c in ("group", "a", "b"))
    a_asked = is_asked[nodes.node_of(group, a)]  # else b is the one asked
    by_text = np.lexsort((keys[b], keys[a], owner_names[group]))  # the first pair in text order gives the hint
    node = nodes.node_of(group, np.where(a_asked, a, b))[by_text]
    hint = np.where(a_asked, b, a)[by_text]
    node, first = np.unique(node, return_index=True)
    hint_of = np.full(nodes.size, -1, dtype=np.int64)
    hint_of[node] = hint[first]
    found = hint_of[asked]
    hints[found >= 0] = keys[found[found >= 0]]
    return hints


def cyclic_edges(src: np.ndarray[Any, Any], dst: np.ndarray[Any, Any], n: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which edges lie on a cycle: peel sources and sinks until none is left.

    Parameters
    ----------
    src, dst
        The edges as integer node numbers (0 to n-1).
    n
        The number of nodes.

    Returns
    -------
    numpy.ndarray
        One boolean per edge.

    Examples
    --------
    >>> cyclic_edges(np.array([0, 1, 1, 2]), np.array([1, 0, 2, 3]), 4).tolist()
    [True, True, False, False]
    """
    return _within_cycles(src, dst, _peeled(src, dst, n))


def _peeled(src: np.ndarray[Any, Any], dst: np.ndarray[Any, Any], n: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The edges left after peeling sources and sinks until none is left (NumPy only: safe on a thread)."""
    alive = np.ones(len(src), dtype=bool)
    while alive.any():
        indeg = np.bincount(dst[alive], minlength=n)
        outdeg = np.bincount(src[alive], minlength=n)
        keep = alive & (indeg[src] > 0) & (outdeg[dst] > 0)
        if (keep == alive).all():
            break
        alive = keep
    return alive


def _within_cycles(
    src: np.ndarray[Any, Any], dst: np.ndarray[Any, Any], peeled: np.ndarray[Any, np.dtype[np.bool_]]
) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which edges lie on a cycle, of those left by `_peeled` (the remainder may hold paths between cycles)."""
    if not peeled.any():
        return peeled
    alive = peeled.copy()
    # keep only edges inside a strongly connected part
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_edges_from(zip(src[alive].tolist(), dst[alive].tolist(), strict=True))
    component = {}
    for k, nodes in enumerate(nx.strongly_connected_components(graph)):
        for node in nodes:
            component[node] = k
    inside = np.array([component[a] == component[b] for a, b in zip(src[alive], dst[alive], strict=True)])
    alive[np.flatnonzero(alive)[~inside]] = False
    return alive


def _cycle_descriptions(
    src: np.ndarray[Any, Any], dst: np.ndarray[Any, Any], names: np.ndarray[Any, Any], intro: np.ndarray[Any, Any]
) -> list[str]:
    """'A introduced B, B introduced A' for the cycle each edge (named `intro` -> `names`) belongs to."""
    import networkx as nx

    graph = nx.DiGraph()
    for a, b, name, by in zip(src.tolist(), dst.tolist(), names, intro, strict=True):
        graph.add_edge(a, b, text=f"{by} introduced {name}")
    label = {}
    for nodes in nx.strongly_connected_components(graph):
        sub = graph.subgraph(nodes)
        texts = sorted({d["text"] for _, _, d in sub.edges(data=True)})
        for node in nodes:
            label[node] = ", ".join(texts)
    return [label[a] for a in src.tolist()]
