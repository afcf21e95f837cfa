"""The referral graph: a NetworkX DiGraph built from the people and introductions tables, and back.

`graph_from_tables` and `graph_to_tables` are an inverse pair between the tables of
`netinsight.people` and a `networkx.DiGraph` (introducer -> person, one root per owner);
`graph_from_log` builds the graph of a log from its codes (no introductions table), with
node and edge attributes made column by column (`netinsight.graphrecords`) and the garbage
collector paused. `write_graph` (`netinsight.graphexport`) exports it for Gephi. The graph
is for exploring, drawing and exporting: no analysis needs it. Limits: cycles are kept in
the graph and reported by the analyses in `netinsight.chains`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.graphexport import write_graph
from netinsight.graphrecords import EdgeRows, collector_paused, edge_records, node_records
from netinsight.memory import large_work
from netinsight.ordering import sort_order, text_rank
from netinsight.people import coded_network_from_log, person_ids
from netinsight.tables import (
    INTRODUCTION_COLUMNS,
    LIST_COLUMNS,
    PEOPLE_COLUMNS,
    introductions_frame,
    text_lists,
    typed_introductions,
    typed_people,
)
from netinsight.textcodes import str_series, with_null

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "graph_from_log",
    "graph_from_tables",
    "graph_to_tables",
    "person_ids",  # kept here for the modules that import it from netinsight.graph
    "write_graph",  # from netinsight.graphexport, kept here for the modules that import it from netinsight.graph
]


@large_work()
def graph_from_log(
    log: pd.DataFrame, *, owner: str | None = None, connections: pd.DataFrame | None = None
) -> nx.DiGraph:
    """Build the referral graph of a log: introducer -> person, one root per owner.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    owner
        Keep only this owner's network (default: every owner).
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections`, added as
        first-degree people of their owner.

    Returns
    -------
    networkx.DiGraph
        See `graph_from_tables`.

    Raises
    ------
    ValueError
        When `owner` is not an owner of the log.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"],
    ...                              "contact": ["Ana Ruiz", "Ben Okafor"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> G = graph_from_log(log)
    >>> list(G.edges)
    [('owner:me', 'me/ana ruiz'), ('me/ana ruiz', 'me/ben okafor')]
    >>> G.graph["roots"]
    ['owner:me']
    """
    if owner is not None:
        owners = log["owner"].astype("str")
        if not owners.eq(owner).any():
            msg = f"`owner` {owner!r} is not an owner of the log; owners: {sorted(owners.unique().tolist())[:20]}"
            raise ValueError(msg)
        log = log[owners.eq(owner).to_numpy()]
    people, coded = coded_network_from_log(log)
    if connections is not None:
        from netinsight.connections import add_connections

        if owner is not None:
            connections = connections[connections["owner"].astype("str") == owner]
        table = people.frame()
        return graph_from_tables(*add_connections(table, introductions_frame(table, coded), connections))
    # the rows by date and owner, then as in introductions_table (person, introducer): text compared only on ties
    owner_rank = text_rank(pd.Series(coded.owners, dtype="str"))[coded.owner] if len(coded.owner) else coded.owner
    stamp = coded.date.view(np.int64).copy()
    stamp[np.isnat(coded.date)] = np.iinfo(np.int64).max
    ids = str_series(with_null(people.ids))  # the last entry, missing, for rows without an introducer
    ties = [coded.person, np.where(coded.introducer >= 0, coded.introducer, len(people.ids))]
    order = sort_order([stamp, owner_rank], [ids, ids], tie_rows=ties)
    rows = EdgeRows(coded.owners[coded.owner], coded.date, coded.count, coded.introducer, coded.person, order)
    kind = people.text["kind"]
    roots = np.flatnonzero(np.isin(kind.codes, np.flatnonzero(kind.values.to_numpy(zero_copy_only=False) == "owner")))
    meta = {
        "roots": people.ids.take(pa.array(roots, pa.int64())).to_pylist(),
        "owners": people.text["owner"].take(roots).to_pylist(),
        "source": people.source,
    }
    return _graph(node_records(people), rows, meta)


@large_work()
def graph_from_tables(people: pd.DataFrame, introductions: pd.DataFrame) -> nx.DiGraph:
    """Build the referral graph from its tables; the inverse of `graph_to_tables`.

    Nodes are the people table's index with its columns as attributes (missing values
    and empty lists left out). One edge per introducer and person; its ``owners``,
    ``dates`` and ``counts`` list the owners it serves (first first), and ``date``
    (earliest) and ``count`` (total) summarise them. ``G.graph`` holds ``roots`` (the
    owners' nodes), ``owners`` and ``source``.

    Parameters
    ----------
    people
        From `people_table` (or `graph_to_tables`). Not modified.
    introductions
        From `introductions_table` (or `graph_to_tables`). Not modified.

    Returns
    -------
    networkx.DiGraph

    Raises
    ------
    ValueError
        When a column is missing or an introduction names a person not in `people`.

    See Also
    --------
    graph_to_tables : the inverse.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana Ruiz"], "company": ["Acme"]}))
    >>> from netinsight.people import introductions_table, people_table
    >>> G = graph_from_tables(people_table(log), introductions_table(log))
    >>> G.nodes["me/ana ruiz"]["company"], G.edges["owner:me", "me/ana ruiz"]["owners"]
    ('Acme', ['me'])
    """
    _require(people, PEOPLE_COLUMNS, "people")
    _require(introductions, INTRODUCTION_COLUMNS, "introductions")
    ends = pd.concat([introductions["introducer"], introductions["person"]], ignore_index=True)
    labels = None
    if people.index.is_unique:
        at = pd.Index(people.index).get_indexer(ends)
        known = at >= 0
    else:  # several nodes with one id: edges name the id
        known = ends.isin(people.index).to_numpy()
        at, uniques = pd.factorize(ends)
        labels = [str(u) for u in uniques]
    if not known.all():
        missing = sorted(set(ends[~known]))[:10]
        msg = f"`introductions` names people not in `people`: {missing}; build both tables from one log"
        raise ValueError(msg)
    m = len(introductions)
    stamp = introductions["date"].to_numpy(dtype="datetime64[ns]").view(np.int64).copy()
    stamp[np.isnat(introductions["date"].to_numpy(dtype="datetime64[ns]"))] = np.iinfo(np.int64).max
    owner_rank = pd.factorize(introductions["owner"].astype("str"), sort=True)[0].astype(np.int64)
    rows = EdgeRows(
        introductions["owner"].astype("str").to_numpy(dtype=object),
        introductions["date"].to_numpy(dtype="datetime64[ns]"),
        introductions["count"].to_numpy(dtype=np.int64),
        at[:m].astype(np.int64),
        at[m:].astype(np.int64),
        np.lexsort((owner_rank, stamp)),
    )
    is_root = people["kind"] == "owner"
    meta = {
        "roots": people.index[is_root].tolist(),
        "owners": people.loc[is_root, "owner"].tolist(),
        "source": people.attrs.get("source", ""),
    }
    return _graph(node_records(people), rows, meta, labels)


def _graph(
    nodes: tuple[list[str], list[dict[str, Any]]],
    rows: EdgeRows,
    meta: dict[str, Any],
    labels: list[str] | None = None,
) -> nx.DiGraph:
    """The graph of node records and introductions rows (nodes first, then edges, the collector paused)."""
    import networkx as nx

    G = nx.DiGraph(**meta)
    ids, attrs = nodes
    with collector_paused():
        G.add_nodes_from(ids)
        nx.set_node_attributes(G, dict(zip(ids, attrs, strict=True)))
        G.add_edges_from(edge_records(rows, ids if labels is None else labels))
    return G


def _require(table: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        msg = f"`{name}` lacks the columns {missing}; columns in {name}: {list(table.columns)}"
        raise ValueError(msg)


@large_work()
def graph_to_tables(G: nx.DiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The people and introductions tables of a referral graph; the inverse of `graph_from_tables`.

    Parameters
    ----------
    G
        A graph from `graph_from_log` or `graph_from_tables`. Not modified.

    Returns
    -------
    people : pandas.DataFrame
        Indexed by ``person`` in node order, columns `PEOPLE_COLUMNS`.
    introductions : pandas.DataFrame
        Columns `INTRODUCTION_COLUMNS`, one row per edge and owner, sorted by owner,
        person, date and introducer.

    See Also
    --------
    graph_from_tables : the inverse.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"],
    ...                              "contact": ["Ana Ruiz", "Ben Okafor"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> from netinsight.people import introductions_table, people_table
    >>> people, intros = graph_to_tables(graph_from_log(log))
    >>> people.equals(people_table(log)) and intros.equals(introductions_table(log))
    True
    """
    nodes = list(G.nodes(data=True))
    people = pd.DataFrame(
        {col: [d.get(col) for _, d in nodes] for col in PEOPLE_COLUMNS},
        index=pd.Index([n for n, _ in nodes], name="person", dtype="str"),
    )
    for col in LIST_COLUMNS:
        people[col] = text_lists([list(v) if v else [] for v in people[col]], people.index)
    people = typed_people(people)
    people.attrs["source"] = G.graph.get("source", "")
    rows: dict[str, list[Any]] = {c: [] for c in INTRODUCTION_COLUMNS}
    for source, target, data in G.edges(data=True):
        owners = data.get("owners", [])
        rows["owner"].extend(owners)
        rows["introducer"].extend([source] * len(owners))
        rows["person"].extend([target] * len(owners))
        rows["date"].extend(data.get("dates", [None] * len(owners)))
        rows["count"].extend(data.get("counts", [0] * len(owners)))
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return people, typed_introductions(frame)
