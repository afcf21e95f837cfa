"""Checks on who is who: self-introductions, introduction cycles, unknown introducers, names.

People are compared by owner and name key (`netinsight.names`), as integer codes
(`netinsight.personcodes`): each distinct name is keyed once. Cycle detection peels the
introduction graph with vectorised passes (sources and sinks removed until none is left);
only the small remainder that lies on cycles is handed to NetworkX to name each cycle.
Near-duplicate names are searched with a blocked self-join (`netinsight.nearnames`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from netinsight.distinct import distinct
from netinsight.names import casefold
from netinsight.nearnames import near_duplicate_codes
from netinsight.personcodes import People, first_rows, people_codes, sorted_firsts, sorted_unique
from netinsight.problems import RowLocator, make_problems

__all__ = ["cyclic_edges", "introduction_problems", "name_problems"]


def _picked(values: pd.Series[Any], rows: Any) -> np.ndarray[Any, Any]:
    """The values at the rows picked by a mask or positions, as objects (without converting the whole column)."""
    positions = np.flatnonzero(rows) if np.asarray(rows).dtype == bool else np.asarray(rows)
    picked: np.ndarray[Any, Any] = values.iloc[positions].to_numpy(dtype=object)
    return picked


def introduction_problems(log: pd.DataFrame, at: RowLocator, *, people: People | None = None) -> list[pd.DataFrame]:
    """Self-introductions, cycles and introducers seen nowhere else, per owner by name key.

    `people` (from `people_codes`) saves keying the names again when several checks run.
    """
    return _introduction_problems(log, at, people_codes(log) if people is None else people)


def name_problems(log: pd.DataFrame, at: RowLocator, *, people: People | None = None) -> list[pd.DataFrame]:
    """Names written in several ways, and near-duplicate names at one company.

    `people` (from `people_codes`) saves keying the names again when several checks run.
    """
    return _name_problems(log, at, people_codes(log) if people is None else people)


def _introduction_problems(log: pd.DataFrame, at: RowLocator, people: People) -> list[pd.DataFrame]:
    owner, owner_names, contact, introducer, keys = people[:5]
    has_intro = introducer >= 0
    self_intro = has_intro & (introducer == contact)
    out = []
    if self_intro.any():
        out.append(
            make_problems(
                code="self_introduction",
                value=_picked(log["introduced_by"], self_intro),
                message="this person is written as their own introducer; write who introduced you, or leave it empty",
                **at(self_intro, "introduced_by"),
            )
        )
    edge = has_intro & ~self_intro
    # one integer per (owner, name key), no string joins; rows without a key share the id -1
    width = len(keys) + 1
    contact_id = np.where(contact >= 0, owner * width + contact, -1)
    introducer_id = np.where(introducer >= 0, owner * width + introducer, -1)
    # the people on an edge and everyone interviewed, numbered in one pass (a hash table, no sort)
    n_edges = int(edge.sum())
    contacts = np.concatenate([contact_id[edge], contact_id[~edge & (contact_id >= 0)]])
    node_of, nodes = pd.factorize(np.concatenate([introducer_id[edge], contacts]))
    src, dst = node_of[:n_edges], node_of[n_edges : 2 * n_edges]
    interviewed = np.zeros(len(nodes), dtype=bool)
    interviewed[node_of[n_edges:][contacts >= 0]] = True
    on_cycle = cyclic_edges(src, dst, len(nodes))
    if on_cycle.any():
        rows = np.flatnonzero(edge)[on_cycle]
        names = _picked(log["contact"], rows)
        intro = _picked(log["introduced_by"], rows)
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
        hints = _introducer_hints(owner, owner_names, contact, introducer, keys, unknown)
        lead = "this introducer was never interviewed and appears nowhere else in the log; "
        message = np.full(len(hints), lead + "fine if so, else check the spelling", dtype=object)
        hinted = np.flatnonzero(pd.notna(hints))
        message[hinted] = [f"{lead}did you mean {h!r}?" for h in hints[hinted]]
        out.append(
            make_problems(
                code="unknown_introducer",
                value=_picked(log["introduced_by"], unknown),
                message=message.tolist(),
                **at(unknown, "introduced_by"),
            )
        )
    return out


def _introducer_hints(
    owner: np.ndarray[Any, Any],
    owner_names: np.ndarray[Any, Any],
    contact: np.ndarray[Any, Any],
    introducer: np.ndarray[Any, Any],
    keys: np.ndarray[Any, Any],
    unknown: np.ndarray[Any, Any],
) -> np.ndarray[Any, Any]:
    """For each unknown introducer, the owner's contact whose name is nearly the same (or None)."""
    width = len(keys) + 1
    asked = owner[unknown] * width + introducer[unknown]
    asking = np.zeros(len(owner_names), dtype=bool)
    asking[owner[unknown]] = True  # only owners with an unknown introducer
    mine = asking[owner] & (contact >= 0)
    contacts = sorted_unique(owner[mine] * width + contact[mine])
    asked_once = sorted_unique(asked)
    both = np.concatenate([contacts, asked_once])
    is_asked = np.arange(len(both)) >= len(contacts)  # only pairs of an introducer and a contact give hints
    merged = np.argsort(both, kind="stable")  # two sorted runs: a merge, and the search needs no sort of its own
    both, is_asked = both[merged], is_asked[merged]
    pairs = near_duplicate_codes(both // width, both % width, keys, between=is_asked)
    if not len(pairs):
        return np.full(len(asked), None, dtype=object)
    pairs = pairs.assign(
        owner=owner_names[pairs["group"].to_numpy()],
        a_key=keys[pairs["a"].to_numpy()],
        b_key=keys[pairs["b"].to_numpy()],
    ).sort_values(["owner", "a_key", "b_key"], kind="stable")
    who = pairs["group"].to_numpy().astype(np.int64) * width
    a, b = pairs["a"].to_numpy().astype(np.int64), pairs["b"].to_numpy().astype(np.int64)
    known_a, known_b = np.isin(who + a, contacts), np.isin(who + b, contacts)
    best: dict[int, int] = {}
    for i in range(len(pairs)):  # per pair found (few), in the order of the pairs' text
        if known_b[i] and not known_a[i]:
            best.setdefault(int(who[i] + a[i]), int(b[i]))
        if known_a[i] and not known_b[i]:
            best.setdefault(int(who[i] + b[i]), int(a[i]))
    if not best:
        return np.full(len(asked), None, dtype=object)
    found = pd.Index(np.fromiter(best, dtype=np.int64)).get_indexer(asked)
    other = np.fromiter(best.values(), dtype=np.int64)
    hints = np.full(len(asked), None, dtype=object)
    hints[found >= 0] = keys[other[found[found >= 0]]]
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


def _name_problems(log: pd.DataFrame, at: RowLocator, people: People) -> list[pd.DataFrame]:
    owner, owner_names, key, _, keys, written_d = people
    width = len(keys) + 1
    shown = written_d.values.to_numpy(dtype=object)
    out = []
    # a person written in several ways has a key written in several ways somewhere: only those rows
    key_of_written = np.full(len(shown), -1, dtype=np.int64)
    key_of_written[written_d.codes] = key
    several_ways = np.bincount(key_of_written[key_of_written >= 0], minlength=len(keys)) > 1
    rows = np.flatnonzero(key >= 0)
    rows = rows[several_ways[key[rows]]]
    person, first_of_person = first_rows(owner[rows] * width + key[rows])
    written = written_d.codes[rows].astype(np.int64)
    first_written = written[first_of_person[person]]
    spelled = pd.unique(person * (len(shown) + 1) + written) // (len(shown) + 1)
    spellings = np.bincount(spelled, minlength=len(first_of_person))
    later = (spellings[person] > 1) & (written != first_written)
    if later.any():
        here, there = shown[written[later]], shown[first_written[later]]
        out.append(
            make_problems(
                code="name_variant",
                value=here,
                message=[
                    f"written {w!r} here and {f!r} elsewhere; counted as one person; write it the same way"
                    for w, f in zip(here, there, strict=True)
                ],
                **at(rows[later], "contact"),
            )
        )
    companies = distinct(log["company"])
    company_code, company_names = pd.factorize(casefold(companies.values))
    company = company_code[companies.codes]
    rows = np.flatnonzero((key >= 0) & (company >= 0))
    group, group_text = _company_groups(owner[rows], owner_names, company[rows], np.asarray(company_names, object))
    if len(group) and (int(group.max()) + 1) * width >= 2**62:  # keep (group, key) in 64 bits
        dense, uniques = pd.factorize(group)
        group, group_text = dense.astype(np.int64), _compose(group_text, np.asarray(uniques))
    triples, first_of_triple = sorted_firsts(group * width + key[rows])  # each (owner, company, key) once
    triple_group = triples // width
    several = _run_lengths(triple_group) > 1  # one name at a company: no pair
    dense_group, group_of_dense = pd.factorize(triple_group[several])
    pairs = near_duplicate_codes(dense_group, triples[several] % width, keys)
    if len(pairs):
        pairs["group"] = np.asarray(group_of_dense)[pairs["group"].to_numpy()]
        pairs = pairs.assign(
            group_text=group_text(pairs["group"].to_numpy()),
            a_key=keys[pairs["a"].to_numpy()],
            b_key=keys[pairs["b"].to_numpy()],
        ).sort_values(["group_text", "a_key", "b_key"], kind="stable")
        g = pairs["group"].to_numpy().astype(np.int64) * width
        row_a = rows[first_of_triple[np.searchsorted(triples, g + pairs["a"].to_numpy())]]
        row_b = rows[first_of_triple[np.searchsorted(triples, g + pairs["b"].to_numpy())]]
        later_row = np.maximum(row_a, row_b)
        name_a, name_b = shown[written_d.codes[row_a]], shown[written_d.codes[row_b]]
        here = np.where(later_row == row_b, name_b, name_a)
        other = np.where(later_row == row_b, name_a, name_b)
        out.append(
            make_problems(
                code="near_duplicate_name",
                value=here,
                message=[
                    f"probably the same person as {o!r} at the same company (similarity {r:.2f}); "
                    "write the name the same way, or add a contact_id to tell them apart"
                    for o, r in zip(other, pairs["ratio"], strict=True)
                ],
                **at(later_row, "contact"),
            )
        )
    return out


def _compose(text: Any, codes: np.ndarray[Any, Any]) -> Any:
    """`text` of the group codes that the given new codes stand for."""
    return lambda new: text(codes[new])


def _run_lengths(values: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.intp]]:
    """For sorted `values`, the length of the run of equal values each one is in."""
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.zeros(0, np.intp)
    lengths = np.diff(np.append(starts, len(values)))
    spread: np.ndarray[Any, np.dtype[np.intp]] = np.repeat(lengths, lengths)
    return spread


def _company_groups(
    owner: np.ndarray[Any, Any], owner_names: np.ndarray[Any, Any], company: np.ndarray[Any, Any], names: Any
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], Any]:
    """A code per group ``owner + "\x1f" + company`` (as text), and a function from codes to that text."""
    separator = any("\x1f" in str(v) for v in owner_names) or any("\x1f" in str(v) for v in names)
    if not separator:  # the text is one-to-one with (owner, company): the pair is the code
        per_owner = len(names) + 1

        def text(codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
            joined: np.ndarray[Any, Any] = owner_names[codes // per_owner] + "\x1f" + names[codes % per_owner]
            return joined

        return owner * per_owner + company, text
    pair, first = first_rows(owner * (len(names) + 1) + company)
    joined = owner_names[owner[first]] + "\x1f" + names[company[first]]
    merged, uniques = pd.factorize(joined)  # equal texts are one group, as text
    unique_text = np.asarray(uniques, dtype=object)
    return merged[pair].astype(np.int64), lambda codes: unique_text[codes]
