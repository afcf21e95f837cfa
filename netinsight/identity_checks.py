"""Checks on who is who: self-introductions, introduction cycles, unknown introducers, names.

People are compared by owner and name key (`netinsight.names`). Cycle detection peels the
introduction graph with vectorised passes (sources and sinks removed until none is left);
only the small remainder that lies on cycles is handed to NetworkX to name each cycle.
Near-duplicate names are searched with a blocked self-join (`near_duplicate_pairs`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from netinsight.names import name_key, near_duplicate_pairs
from netinsight.problems import RowLocator, make_problems

__all__ = ["cyclic_edges", "introduction_problems", "name_problems"]


def introduction_problems(log: pd.DataFrame, at: RowLocator) -> list[pd.DataFrame]:
    """Self-introductions, cycles and introducers seen nowhere else, per owner by name key."""
    owner = log["owner"].astype(str).to_numpy(dtype=object)
    contact = name_key(log["contact"]).to_numpy(dtype=object)
    introducer = name_key(log["introduced_by"]).to_numpy(dtype=object)
    has_intro = pd.notna(introducer)
    self_intro = has_intro & (introducer == contact)
    out = []
    if self_intro.any():
        out.append(
            make_problems(
                code="self_introduction",
                value=log["introduced_by"].to_numpy(dtype=object)[self_intro],
                message="this person is written as their own introducer; write who introduced you, or leave it empty",
                **at(self_intro, "introduced_by"),
            )
        )
    edge = has_intro & ~self_intro
    # one integer per (owner, name key): owners and names factorised together, no string joins
    owner_code = pd.factorize(owner)[0].astype(np.int64)
    name_codes, names_seen = pd.factorize(np.concatenate([contact, introducer]))
    contact_code, introducer_code = np.split(name_codes.astype(np.int64), 2)
    width = len(names_seen) + 1
    contact_id = np.where(contact_code >= 0, owner_code * width + contact_code, -1)
    introducer_id = np.where(introducer_code >= 0, owner_code * width + introducer_code, -1)
    ids, dense = np.unique(np.concatenate([contact_id, introducer_id]), return_inverse=True)
    dense_contact, dense_introducer = np.split(dense, 2)
    src, dst = dense_introducer[edge], dense_contact[edge]
    n_people = len(ids)
    on_cycle = cyclic_edges(src, dst, n_people)
    if on_cycle.any():
        rows = np.flatnonzero(edge)[on_cycle]
        names = log["contact"].to_numpy(dtype=object)
        intro = log["introduced_by"].to_numpy(dtype=object)
        cycle_text = _cycle_descriptions(src[on_cycle], dst[on_cycle], rows, names, intro)
        out.append(
            make_problems(
                code="introduction_cycle",
                value=intro[rows],
                message=[
                    f"introductions go round in a circle ({c}); one of these introducers is wrong" for c in cycle_text
                ],
                **at(rows, "introduced_by"),
            )
        )
    unknown = edge & ~np.isin(introducer_id, contact_id[contact_id >= 0])
    if unknown.any():
        hints = _introducer_hints(owner, contact, introducer, unknown)
        out.append(
            make_problems(
                code="unknown_introducer",
                value=log["introduced_by"].to_numpy(dtype=object)[unknown],
                message=[
                    "this introducer was never interviewed and appears nowhere else in the log; "
                    + (f"did you mean {h!r}?" if isinstance(h, str) else "fine if so, else check the spelling")
                    for h in hints
                ],
                **at(unknown, "introduced_by"),
            )
        )
    return out


def _introducer_hints(
    owner: np.ndarray[Any, Any], contact: np.ndarray[Any, Any], introducer: np.ndarray[Any, Any], unknown: Any
) -> np.ndarray[Any, Any]:
    """For each unknown introducer, the owner's contact whose name is nearly the same (or None)."""
    asked = pd.DataFrame({"owner": owner[unknown], "key": introducer[unknown], "kind": "introducer"})
    mine = pd.Series(owner).isin(asked["owner"].unique()).to_numpy()  # only owners with an unknown introducer
    contacts = pd.DataFrame({"owner": owner[mine], "key": contact[mine], "kind": "contact"}).dropna().drop_duplicates()
    both = pd.concat([contacts, asked.drop_duplicates()], ignore_index=True)
    pairs = near_duplicate_pairs(both["key"], groups=both["owner"])
    known = set(zip(contacts["owner"], contacts["key"], strict=True))
    best: dict[tuple[str, str], str] = {}
    for who, a, b in zip(pairs["group"], pairs["a"], pairs["b"], strict=True):
        for name, other in ((a, b), (b, a)):
            if (who, other) in known and (who, name) not in known:
                best.setdefault((who, name), other)
    return np.array([best.get((w, n)) for w, n in zip(asked["owner"], asked["key"], strict=True)], dtype=object)


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
    alive = np.ones(len(src), dtype=bool)
    while alive.any():
        indeg = np.bincount(dst[alive], minlength=n)
        outdeg = np.bincount(src[alive], minlength=n)
        keep = alive & (indeg[src] > 0) & (outdeg[dst] > 0)
        if (keep == alive).all():
            break
        alive = keep
    if not alive.any():
        return alive
    # The remainder may hold paths between cycles; keep only edges inside a strongly connected part.
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
    src: np.ndarray[Any, Any],
    dst: np.ndarray[Any, Any],
    rows: np.ndarray[Any, Any],
    names: np.ndarray[Any, Any],
    intro: np.ndarray[Any, Any],
) -> list[str]:
    """'A introduced B, B introduced A' for the cycle each edge belongs to."""
    import networkx as nx

    graph = nx.DiGraph()
    for a, b, row in zip(src.tolist(), dst.tolist(), rows.tolist(), strict=True):
        graph.add_edge(a, b, text=f"{intro[row]} introduced {names[row]}")
    label = {}
    for nodes in nx.strongly_connected_components(graph):
        sub = graph.subgraph(nodes)
        texts = sorted({d["text"] for _, _, d in sub.edges(data=True)})
        for node in nodes:
            label[node] = ", ".join(texts)
    return [label[a] for a in src.tolist()]


def name_problems(log: pd.DataFrame, at: RowLocator) -> list[pd.DataFrame]:
    """Names written in several ways, and near-duplicate names at one company."""
    owner = log["owner"].astype(str)
    written = log["contact"]
    key = name_key(written)
    frame = pd.DataFrame({"owner": owner, "key": key, "written": written, "company": log["company"].str.casefold()})
    frame = frame[frame["key"].notna()]
    out = []
    spellings = frame.groupby(["owner", "key"], sort=False)["written"].transform("nunique")
    variants = frame[spellings > 1]
    if len(variants):
        first = variants.groupby(["owner", "key"], sort=False)["written"].transform("first")
        later = variants["written"] != first
        rows = variants.index[later].to_numpy()
        out.append(
            make_problems(
                code="name_variant",
                value=variants.loc[later, "written"].to_numpy(dtype=object),
                message=[
                    f"written {w!r} here and {f!r} elsewhere; counted as one person; write it the same way"
                    for w, f in zip(variants.loc[later, "written"], first[later], strict=True)
                ],
                **at(rows, "contact"),
            )
        )
    distinct = frame[frame["company"].notna()].drop_duplicates(["owner", "company", "key"])
    group = distinct["owner"] + "\x1f" + distinct["company"]
    pairs = near_duplicate_pairs(distinct["key"], groups=group)
    if len(pairs):
        first_row = pd.Series(distinct.index.to_numpy(), index=pd.MultiIndex.from_arrays([group, distinct["key"]]))
        shown = pd.Series(distinct["written"].to_numpy(), index=first_row.index)
        row_a = first_row.loc[list(zip(pairs["group"], pairs["a"], strict=True))].to_numpy()
        row_b = first_row.loc[list(zip(pairs["group"], pairs["b"], strict=True))].to_numpy()
        later = np.maximum(row_a, row_b)
        name_a = shown.loc[list(zip(pairs["group"], pairs["a"], strict=True))].to_numpy()
        name_b = shown.loc[list(zip(pairs["group"], pairs["b"], strict=True))].to_numpy()
        here = np.where(later == row_b, name_b, name_a)
        other = np.where(later == row_b, name_a, name_b)
        out.append(
            make_problems(
                code="near_duplicate_name",
                value=here,
                message=[
                    f"probably the same person as {o!r} at the same company (similarity {r:.2f}); "
                    "write the name the same way, or add a contact_id to tell them apart"
                    for o, r in zip(other, pairs["ratio"], strict=True)
                ],
                **at(log.index.get_indexer(pd.Index(later)), "contact"),
            )
        )
    return out
