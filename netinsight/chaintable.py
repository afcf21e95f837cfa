"""The chains table: a referral network's forest as one row per person, each column built with one take.

`chain_forest` builds the forest of a `netinsight.network.Network` (`netinsight.forest`) with
each node's name as codes; `ChainForest.rows` builds any columns of `referral_chains` for any
nodes in any order; `chains_table` (forest order) and `sorted_chains` (the final order,
computed on the forest's arrays first) use it. Shared by `netinsight.chains`,
`netinsight.connectors`, `netinsight.bridges` and `netinsight.warmpaths`. Limits: a person
whose earliest introducer lies on an introduction cycle has no chain (depth missing) and is
named in a `ReferralCycleWarning`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.forest import Forest, chain_lists, forest_from_codes, subtree_sums
from netinsight.memo import derived, freeze
from netinsight.memory import release_after
from netinsight.network import Network, employer_key, network
from netinsight.ordering import sort_order, text_rank
from netinsight.pairs import index_pairs
from netinsight.people import log_network
from netinsight.textcodes import TextCodes, large_text, str_series, take_or_null
from netinsight.threads import map_threads

__all__ = [
    "CHAIN_COLUMNS",
    "ChainForest",
    "Network",
    "NodeNames",
    "ReferralCycleWarning",
    "chain_forest",
    "chains_table",
    "employer_key",
    "network",
    "order_chains",
    "row_depths",
    "sort_order",
    "sorted_chains",
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
_ATTRIBUTES: Final = CHAIN_COLUMNS[CHAIN_COLUMNS.index("company") : CHAIN_COLUMNS.index("downstream")]


class ReferralCycleWarning(UserWarning):
    """Some people cannot be reached from their owner: their introductions go round in a circle."""


@dataclass(frozen=True)
class NodeNames(TextCodes):
    """The name of each forest node as codes, and the people table's names as codes."""

    by_person: TextCodes


@dataclass(frozen=True)
class ChainForest:
    """A network's referral forest and what its rows are built from: node names (as codes) and people ids."""

    net: Network
    forest: Forest
    names: NodeNames
    ids: pa.Array

    def rows(self, nodes: IntArray, columns: Sequence[str] = CHAIN_COLUMNS) -> pd.DataFrame:
        """The chain table's `columns` for forest `nodes` (in that order), each built with one take.

        Examples
        --------
        >>> from netinsight import read_log
        >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana", "Ben"]}))
        >>> chain_forest(network(log)).rows(np.array([1, 0]), ["name", "chain_text"]).values.tolist()
        [['Ben', 'me -> Ben'], ['Ana', 'me -> Ana']]
        """
        return _chain_columns(self, nodes, columns)


def _forest(net: Network) -> ChainForest:
    return net.derived("chain_forest", _build_forest)


def _build_forest(net: Network) -> ChainForest:
    ids = net.ids
    kind = net.codes("kind")
    is_root = np.isin(kind.codes, np.flatnonzero(kind.values.to_numpy(zero_copy_only=False) == "owner"))
    forest = forest_from_codes(is_root, ids, net.introductions)
    by_person = net.codes("name")
    codes = by_person.codes[forest.person]
    missing = np.flatnonzero(codes < 0)  # the person id stands for a missing name
    values = pa.concat_arrays([by_person.values, ids.take(pa.array(forest.person[missing]))])
    codes = codes.copy()
    codes[missing] = len(by_person.values) + np.arange(len(missing))
    freeze(codes, *(value for value in vars(forest).values() if isinstance(value, np.ndarray)))
    release_after(len(codes))
    return ChainForest(net, forest, NodeNames(codes, values, by_person), ids)


def chain_forest(net: Network) -> ChainForest:
    """The referral forest of a network, ready to build chain rows (warns on cycles).

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> chain_forest(network(log)).rows(np.array([0]), ["name", "depth"]).values.tolist()
    [['Ana', 1]]
    """
    chains = _forest(net)
    _warn_unreachable(chains)
    return chains


def chains_table(net: Network, *, columns: Sequence[str] = CHAIN_COLUMNS) -> tuple[pd.DataFrame, Forest]:
    """The `referral_chains` table in forest node order (only `columns`), and the forest (warns on cycles).

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> chains_table(network(log))[0][["name", "depth", "chain_text"]].values.tolist()
    [['Ana', 1, 'me -> Ana']]
    """
    chains = _forest(net)
    _warn_unreachable(chains)
    nodes = np.arange(len(chains.forest.person), dtype=np.int64)
    return chains.rows(nodes, columns), chains.forest


def row_depths(log: pd.DataFrame) -> pd.arrays.IntegerArray:
    """The referral depth of each row's contact (1 = reached directly), NA without a chain (warns on cycles).

    A row's contact is its owner's forest node for that person (`netinsight.people.person_ids`);
    the depths are worked out once per log (`netinsight.memo`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09", "2026-01-10"],
    ...                              "contact": ["Ana", "Ben", ""], "introduced_by": ["", "Ana", ""]}))
    >>> row_depths(log).tolist()
    [1, 2, <NA>]
    """
    chains = _forest(network(log))
    _warn_unreachable(chains)
    depth = derived(log, "row_depths", _row_depths)
    out = pd.array(np.maximum(depth, 0), dtype="Int64")
    out[depth <= 0] = pd.NA
    return out


def _row_depths(log: pd.DataFrame) -> IntArray:
    """Each row's forest depth, -1 without a contact or a chain."""
    kept = log_network(log)
    forest = _forest(network(log)).forest
    nodes = forest.nodes if forest.nodes is not None else index_pairs(forest.owner, forest.person)[0]  # node k: pair k
    node = nodes.lookup(kept.owner, kept.position[kept.person])
    out = np.full(len(log), -1, dtype=np.int64)
    out[kept.rows] = np.where(node >= 0, forest.depth[np.maximum(node, 0)], -1)
    freeze(out)
    return out


def sorted_chains(net: Network) -> pd.DataFrame:
    """The `referral_chains` table, built once in its final order (`order_chains` of `chains_table`).

    The order is computed on the forest's arrays first, so no column is copied twice.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-09", "2026-01-05"], "contact": ["Ben", "Ana"]}))
    >>> sorted_chains(network(log))["name"].tolist()
    ['Ana', 'Ben']
    """
    chains = _forest(net)
    _warn_unreachable(chains)
    forest, names = chains.forest, chains.names
    dates = forest.introduced_on
    name_rank = np.append(text_rank(str_series(names.values), str.casefold), -1)
    keys = [
        text_rank(pd.Series(forest.owners, dtype="str"))[forest.owner] if len(forest.owner) else forest.owner,
        np.where(forest.depth > 0, forest.depth, np.inf).astype(np.float64),
        np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.view(np.int64)),
        name_rank[names.codes],
    ]
    order = sort_order(keys, [str_series(chains.ids)], tie_rows=[forest.person])
    table = chains.rows(order)
    release_after(len(table))
    return table


def _chain_columns(chains: ChainForest, nodes: IntArray, columns: Sequence[str]) -> pd.DataFrame:
    """The chain table's `columns` for forest `nodes`, each built with one take (text through its codes).

    The text columns (Arrow takes) and the number and date columns (NumPy takes) are worked out
    side by side on threads (`map_threads`); they become pandas columns on this thread.
    """
    net, forest, names, ids = chains.net, chains.forest, chains.names, chains.ids
    wanted = set(columns)
    person = forest.person[nodes]
    reached = forest.depth[nodes] > 0
    introducer = forest.introducer[nodes]
    texts: dict[str, Callable[[], pa.Array]] = {}
    if "owner" in wanted:
        owners = TextCodes(forest.owner, large_text(forest.owners))
        texts["owner"] = lambda: owners.take(nodes)
    if "person" in wanted:
        texts["person"] = lambda: ids.take(pa.array(person))
    if "name" in wanted:
        texts["name"] = lambda: names.take(nodes)
    if "introduced_by" in wanted:
        texts["introduced_by"] = lambda: names.by_person.take(introducer)
    if "introducer" in wanted:
        texts["introducer"] = lambda: take_or_null(ids, introducer)
    attributes = {col: net.codes(col) for col in ("kind", "company", "role", "industry", "sector") if col in wanted}
    for attribute, codes in attributes.items():
        texts[attribute] = partial(codes.take, person)
    columns_of: dict[str, Any] = {
        col: net.column(col)
        for col in ("interviews", "first_interview", "last_interview", "connected_on", "outcomes")
        if col in wanted
    }
    arrow_lists = {  # the outcome lists: an Arrow take too
        col: pa.array(values) for col, values in columns_of.items() if isinstance(values, pd.arrays.ArrowExtensionArray)
    }
    for col, values in arrow_lists.items():
        texts[col] = partial(values.take, pa.array(person))
    lists = wanted & {"chain", "chain_text"}
    jobs: list[Callable[[], dict[str, Any]]] = [partial(_chain_texts, forest, names, nodes, lists)] if lists else []
    half = (len(texts) + 1) // 2  # the chains are the largest job; the rest split in two
    for part in (list(texts)[:half], list(texts)[half:]):
        if part:
            jobs.append(partial(_run, {col: texts[col] for col in part}))
    jobs.append(partial(_numbers, forest, nodes, person, reached, columns_of, wanted))
    arrays: dict[str, Any] = {}
    for done in map_threads(_call, jobs, rows=len(nodes)):
        arrays.update(done)
    numbers = {col: array for col, array in arrays.items() if isinstance(array, np.ndarray)}
    list_columns = {"chain", *arrow_lists} & set(arrays)
    out: dict[str, Any] = {
        col: str_series(array) for col, array in arrays.items() if col not in {*numbers, *list_columns}
    }
    for col in list_columns:
        out[col] = pd.Series(pd.arrays.ArrowExtensionArray(arrays[col]))
    for col in ("depth", "downstream"):
        if col in numbers:
            out[col] = pd.arrays.IntegerArray(numbers[col], ~reached)
    if "introduced_on" in numbers:
        out["introduced_on"] = pd.Series(numbers["introduced_on"], dtype="datetime64[ns]")
    for col in ("introductions", *columns_of):
        if col in numbers:
            out[col] = numbers[col]
    for col, values in columns_of.items():
        if col not in out:  # neither NumPy nor Arrow (a graph's object lists): pandas, on this thread
            out[col] = values.take(person)
    # every column is a fresh array: the table takes them without a copy
    return pd.DataFrame({col: out[col] for col in columns}, index=pd.RangeIndex(len(nodes)), copy=False)


def _chain_texts(forest: Forest, names: NodeNames, nodes: IntArray, wanted: set[str]) -> dict[str, pa.Array]:
    """The ``chain`` lists and their ``chain_text`` (Arrow only: runs on a thread)."""
    chain = chain_lists(forest, names, nodes)
    out = {"chain": chain} if "chain" in wanted else {}
    if "chain_text" in wanted:
        out["chain_text"] = pc.binary_join(chain, " -> ")
    return out


def _numbers(
    forest: Forest,
    nodes: IntArray,
    person: IntArray,
    reached: npt.NDArray[np.bool_],
    columns: dict[str, Any],
    wanted: set[str],
) -> dict[str, Any]:
    """The chain table's number and date columns as NumPy arrays (NumPy only: runs on a thread)."""
    out: dict[str, Any] = {}
    if "depth" in wanted:
        out["depth"] = np.where(reached, forest.depth[nodes], 0)
    if "introduced_on" in wanted:
        out["introduced_on"] = forest.introduced_on[nodes]
    if "introductions" in wanted:
        out["introductions"] = forest.introductions[nodes]
    for col, values in columns.items():
        if isinstance(values, np.ndarray):
            out[col] = values[person]
    if "downstream" in wanted:
        below = subtree_sums(forest.parent, forest.depth)[nodes] - 1
        out["downstream"] = np.nan_to_num(below, nan=-1).astype(np.int64)
    return out


def _run(takes: dict[str, Callable[[], pa.Array]]) -> dict[str, pa.Array]:
    """Each take of `takes`, by column (Arrow only: runs on a thread)."""
    return {col: take() for col, take in takes.items()}


def _call(job: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    return job()


def _warn_unreachable(chains: ChainForest) -> None:
    forest, names, ids = chains.forest, chains.names, chains.ids
    lost = np.flatnonzero(forest.depth < 0)
    if not len(lost):
        return
    owners = forest.owners[forest.owner[lost]]
    lost_ids = ids.take(pa.array(forest.person[lost])).to_pylist()
    lost = lost[sorted(range(len(lost)), key=lambda i: (owners[i], lost_ids[i]))]
    lost_names = names.take(lost[:10]).to_pylist()
    shown = ", ".join(
        f"{name} ({forest.owners[forest.owner[k]]})" for name, k in zip(lost_names, lost[:10], strict=True)
    )
    more = f" and {len(lost) - 10} more" if len(lost) > 10 else ""
    msg = (
        f"{len(lost)} person(s) cannot be reached from their owner because their introductions go round "
        f"in a circle: {shown}{more}; their depth is left missing; run netinsight.validate_log to see the cycle"
    )
    warnings.warn(msg, ReferralCycleWarning, stacklevel=4)


def order_chains(table: pd.DataFrame) -> pd.DataFrame:
    """A chains table sorted by owner, depth (missing last), date of introduction, name and person id."""
    depth = table["depth"].to_numpy(dtype="float64", na_value=np.inf)
    dates = table["introduced_on"].to_numpy(dtype="datetime64[ns]")
    when = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.view(np.int64))
    keys = [text_rank(table["owner"]), depth, when, text_rank(table["name"], str.casefold)]
    return table.iloc[sort_order(keys, [table["person"]])].reset_index(drop=True)
