"""The chains table: a referral network (log or graph) and its forest as one row per person.

`network` codes a log or a graph once; `chains_table` turns its forest (`netinsight.forest`)
into the rows of `referral_chains`; `order_chains` and `sort_order` order them. Shared by
`netinsight.chains`, `netinsight.connectors` and `netinsight.linkedin`. Limits: a person
whose earliest introducer lies on an introduction cycle has no chain (depth missing) and is
named in a `ReferralCycleWarning`.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.employers import normalize_employer
from netinsight.forest import Forest, build_forest, chain_lists, subtree_sums
from netinsight.people import coded_tables_from_log
from netinsight.tables import CodedIntroductions, arrow_text, code_introductions, text_series

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CHAIN_COLUMNS",
    "Network",
    "ReferralCycleWarning",
    "chains_table",
    "employer_key",
    "network",
    "order_chains",
    "sort_order",
]

IntArray = npt.NDArray[np.int64]

#: The columns of `referral_chains`.
CHAIN_COLUMNS: Final[tuple[str, ...]] = (
    "owner",
    "person",
    "name",
    "kind",
    "depth",
    "chain",
    "chain_text",
    "introduced_by",
    "introducer",
    "introduced_on",
    "introductions",
    "company",
    "role",
    "industry",
    "sector",
    "interviews",
    "first_interview",
    "last_interview",
    "connected_on",
    "outcomes",
    "downstream",
)
_ATTRIBUTES: Final = (
    "company",
    "role",
    "industry",
    "sector",
    "interviews",
    "first_interview",
    "last_interview",
    "connected_on",
    "outcomes",
)


class ReferralCycleWarning(UserWarning):
    """Some people cannot be reached from their owner: their introductions go round in a circle."""


@dataclass(frozen=True)
class Network:
    """A referral network as the analyses use it: the people table and coded introductions."""

    people: pd.DataFrame
    introductions: CodedIntroductions


def network(G_or_log: nx.DiGraph | pd.DataFrame, owner: str | None = None) -> Network:
    """The people and coded introductions of a log or a graph, limited to one owner when asked.

    A log is coded directly (no graph, no introductions table); a graph goes through
    `netinsight.graph.graph_to_tables`.

    Raises
    ------
    TypeError
        When `G_or_log` is neither a log nor a graph.
    ValueError
        When `owner` is not an owner of the network (close matches named).

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> net = network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> net.people.index.tolist(), net.introductions.person.tolist()
    (['owner:me', 'me/ana'], [1])
    """
    if isinstance(G_or_log, pd.DataFrame):
        if "contact" not in G_or_log.columns:
            msg = f"expected a log (with a 'contact' column) or a graph; columns found: {list(G_or_log.columns)}"
            raise TypeError(msg)
        people, coded = coded_tables_from_log(G_or_log)
    elif hasattr(G_or_log, "nodes") and hasattr(G_or_log, "edges"):
        from netinsight.graph import graph_to_tables

        people, intros = graph_to_tables(G_or_log)
        coded = code_introductions(people, intros)
    else:
        msg = f"expected a log (DataFrame) or a graph from `graph_from_log`, not {type(G_or_log).__name__}"
        raise TypeError(msg)
    if owner is not None:
        owners = people.loc[people["kind"] == "owner", "owner"].tolist()
        if owner not in owners:
            close = difflib.get_close_matches(owner, owners, n=3)
            hint = f"; did you mean {close}?" if close else f"; owners: {sorted(owners)[:20]}"
            msg = f"`owner` {owner!r} is not an owner of this network{hint}"
            raise ValueError(msg)
        coded = coded.only(owner)
    return Network(people, coded)


def chains_table(net: Network) -> tuple[pd.DataFrame, Forest]:
    """The `referral_chains` table in forest node order, and the forest (warns on cycles).

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> chains_table(network(log))[0][["name", "depth", "chain_text"]].values.tolist()
    [['Ana', 1, 'me -> Ana']]
    """
    people = net.people
    forest = build_forest(people, net.introductions)
    attrs = people[["name", "kind", *_ATTRIBUTES]].iloc[forest.person].reset_index(drop=True)  # only the columns used
    ids = arrow_text(people.index)
    person = ids.take(pa.array(forest.person))
    names = pc.coalesce(arrow_text(attrs["name"]), person)
    _warn_unreachable(forest, names, person)
    chain = chain_lists(forest, names)
    introducer = pa.array(forest.introducer, pa.int64(), mask=forest.introducer < 0)
    depth = pd.array(np.where(forest.depth > 0, forest.depth, 0), dtype="Int64")
    depth[forest.depth < 0] = pd.NA
    downstream = pd.array(np.nan_to_num(subtree_sums(forest.parent, forest.depth) - 1, nan=-1), dtype="Int64")
    downstream[forest.depth < 0] = pd.NA
    table = pd.DataFrame(
        {
            "owner": text_series(pa.array(forest.owners.tolist(), pa.string()).take(pa.array(forest.owner))),
            "person": text_series(person),
            "name": text_series(names),
            "kind": attrs["kind"],
            "depth": depth,
            "chain": pd.Series(pd.arrays.ArrowExtensionArray(chain)),
            "chain_text": text_series(pc.binary_join(chain, " -> ")),
            "introduced_by": text_series(arrow_text(people["name"]).take(introducer)),
            "introducer": text_series(ids.take(introducer)),
            "introduced_on": pd.Series(forest.introduced_on, dtype="datetime64[ns]"),
            "introductions": forest.introductions,
            **{col: attrs[col] for col in _ATTRIBUTES},
            "downstream": downstream,
        }
    )
    return table, forest


def _warn_unreachable(forest: Forest, names: pa.Array, person: pa.Array) -> None:
    lost = np.flatnonzero(forest.depth < 0)
    if not len(lost):
        return
    owners = forest.owners[forest.owner[lost]]
    ids = person.take(pa.array(lost)).to_pylist()
    lost = lost[sorted(range(len(lost)), key=lambda i: (owners[i], ids[i]))]
    shown = ", ".join(f"{names[int(k)].as_py()} ({forest.owners[forest.owner[k]]})" for k in lost[:10])
    more = f" and {len(lost) - 10} more" if len(lost) > 10 else ""
    msg = (
        f"{len(lost)} person(s) cannot be reached from their owner because their introductions go round "
        f"in a circle: {shown}{more}; their depth is left missing; run netinsight.validate_log to see the cycle"
    )
    warnings.warn(msg, ReferralCycleWarning, stacklevel=4)


def sort_order(keys: Sequence[npt.NDArray[Any]], ties: Sequence[pd.Series[Any]] = ()) -> IntArray:
    """Row order by `keys` (first = primary, ascending), rows still tied ordered by the text `ties`.

    Only tied rows have their `ties` compared, so long text columns cost little.

    Examples
    --------
    >>> sort_order([np.array([2, 1, 1])], [pd.Series(["a", "c", "b"])]).tolist()
    [2, 1, 0]
    """
    order = _key_order(keys) if len(keys) else np.arange(len(ties[0]) if ties else 0)
    if not ties or len(order) < 2:
        return order.astype(np.int64)
    same = np.ones(len(order) - 1, dtype=bool)
    for key in keys:
        k = np.asarray(key)[order]
        same &= k[1:] == k[:-1]
    if not same.any():
        return order.astype(np.int64)
    tied = np.zeros(len(order), dtype=bool)
    tied[1:] |= same
    tied[:-1] |= same
    run = np.cumsum(np.concatenate([[True], ~same]))
    at = np.flatnonzero(tied)
    frame = pd.DataFrame({"run": run[at], **{f"t{i}": t.to_numpy(dtype=object)[order[at]] for i, t in enumerate(ties)}})
    frame = frame.sort_values(list(frame.columns), kind="stable")
    out = order.copy()
    out[at] = order[at][frame.index.to_numpy()]
    return out.astype(np.int64)


def _key_order(keys: Sequence[npt.NDArray[Any]]) -> IntArray:
    """The stable row order by `keys` (first = primary), as `numpy.lexsort` of the reversed keys.

    The keys are turned into dense integer ranks and packed into one integer when they fit,
    so one stable argsort replaces a lexsort pass per key.
    """
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    span = 1
    for key in keys:
        k = np.asarray(key)
        low, high = (int(k.min()), int(k.max())) if k.dtype.kind in "iu" and len(k) else (0, -1)
        if k.dtype.kind in "iu" and high - low < 2 * len(k):
            rank, size = (k - low).astype(np.int64), high - low + 1
        elif k.dtype.kind in "iuf" and not np.isnan(k).any():
            uniques, inverse = np.unique(k, return_inverse=True)
            rank, size = inverse.astype(np.int64).reshape(-1), max(len(uniques), 1)
        else:
            return np.lexsort(list(keys)[::-1]).astype(np.int64)
        span *= size
        if span >= 2**62:
            return np.lexsort(list(keys)[::-1]).astype(np.int64)
        packed = packed * size + rank
    return np.argsort(packed, kind="stable").astype(np.int64)


def _text_rank(values: pd.Series[Any], key: Any = None) -> IntArray:
    """Rank of each text value among the distinct values (after `key`), -1 missing."""
    codes, uniques = pd.factorize(values)
    keyed = pd.Series(np.asarray(uniques, dtype=object)).map(key) if key is not None else pd.Series(uniques)
    rank = pd.factorize(keyed, sort=True)[0]
    out = np.where(codes >= 0, rank[np.maximum(codes, 0)] if len(rank) else -1, -1)
    return out.astype(np.int64)


def order_chains(table: pd.DataFrame) -> pd.DataFrame:
    """A chains table sorted by owner, depth (missing last), date of introduction, name and person id."""
    depth = table["depth"].to_numpy(dtype="float64", na_value=np.inf)
    dates = table["introduced_on"].to_numpy(dtype="datetime64[ns]")
    when = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.view(np.int64))
    keys = [_text_rank(table["owner"]), depth, when, _text_rank(table["name"], str.casefold)]
    return table.iloc[sort_order(keys, [table["person"]])].reset_index(drop=True)


def employer_key(names: pd.Series[Any]) -> pd.Series[Any]:
    """Employer names as comparison keys (`netinsight.employers.normalize_employer`).

    Examples
    --------
    >>> employer_key(pd.Series(["Acme Corp.", None])).tolist()
    ['acme', nan]
    """
    return normalize_employer(names)
