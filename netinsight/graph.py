"""The referral graph: a NetworkX DiGraph built from the people and introductions tables, and back.

`graph_from_tables` and `graph_to_tables` are an inverse pair between the tables of
`netinsight.people` and a `networkx.DiGraph` (introducer -> person, one root per owner);
`graph_from_log` builds the tables and the graph of a log, and `write_graph` exports it
for Gephi. The graph is for exploring, drawing and exporting: no analysis needs it.
Limits: cycles are kept in the graph and reported by the analyses in `netinsight.chains`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netinsight.people import coded_tables_from_log, person_ids
from netinsight.tables import (
    DATE_COLUMNS,
    INTRODUCTION_COLUMNS,
    LIST_COLUMNS,
    PEOPLE_COLUMNS,
    introductions_frame,
    text_lists,
    typed_introductions,
    typed_people,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "graph_from_log",
    "graph_from_tables",
    "graph_to_tables",
    "person_ids",  # kept here for the modules that import it from netinsight.graph
    "write_graph",
]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the garbage collector while many small objects are created."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    people, coded = coded_tables_from_log(log)
    intros = introductions_frame(people, coded)
    if connections is not None:
        from netinsight.linkedin import add_connections

        if owner is not None:
            connections = connections[connections["owner"].astype("str") == owner]
        people, intros = add_connections(people, intros, connections)
    return graph_from_tables(people, intros)


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
    import networkx as nx

    _require(people, PEOPLE_COLUMNS, "people")
    _require(introductions, INTRODUCTION_COLUMNS, "introductions")
    unknown = ~pd.concat([introductions["introducer"], introductions["person"]]).isin(people.index)
    if unknown.any():
        missing = sorted(set(pd.concat([introductions["introducer"], introductions["person"]])[unknown]))[:10]
        msg = f"`introductions` names people not in `people`: {missing}; build both tables from one log"
        raise ValueError(msg)
    nodes = _node_records(people)
    edges = _edge_records(introductions)
    roots = people.index[people["kind"] == "owner"].tolist()
    G = nx.DiGraph(
        roots=roots,
        owners=people.loc[people["kind"] == "owner", "owner"].tolist(),
        source=people.attrs.get("source", ""),
    )
    with _collector_paused():
        G.add_nodes_from(nodes)
        G.add_edges_from(edges)
    return G


def _require(table: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        msg = f"`{name}` lacks the columns {missing}; columns in {name}: {list(table.columns)}"
        raise ValueError(msg)


def _node_records(people: pd.DataFrame) -> list[tuple[str, dict[str, Any]]]:
    with _collector_paused():
        columns: dict[str, list[Any]] = {}
        for col in PEOPLE_COLUMNS:
            values = people[col]
            if col in LIST_COLUMNS:
                columns[col] = [v if v else None for v in values.tolist()]
            elif col in DATE_COLUMNS:
                columns[col] = [None if pd.isna(v) else pd.Timestamp(v) for v in values.tolist()]
            elif col == "interviews":
                columns[col] = values.astype("int64").tolist()
            else:
                columns[col] = values.astype(object).where(values.notna(), None).tolist()
        names = list(columns)
        records = []
        for node, *attrs in zip(people.index.tolist(), *columns.values(), strict=True):
            records.append((node, {k: v for k, v in zip(names, attrs, strict=True) if v is not None}))
    return records


def _edge_records(introductions: pd.DataFrame) -> list[tuple[str, str, dict[str, Any]]]:
    intros = introductions.sort_values(["date", "owner"], kind="stable", na_position="last")
    grouped = intros.groupby(["introducer", "person"], sort=False)
    table = grouped.agg(
        owners=("owner", list),
        dates=("date", list),
        counts=("count", list),
        date=("date", "min"),
        count=("count", "sum"),
    )
    records = []
    for (source, target), owners, dates, counts, date, count in zip(
        table.index.tolist(),
        table["owners"].tolist(),
        table["dates"].tolist(),
        table["counts"].tolist(),
        table["date"].tolist(),
        table["count"].tolist(),
        strict=True,
    ):
        attrs: dict[str, Any] = {
            "owners": owners,
            "dates": [None if pd.isna(d) else pd.Timestamp(d) for d in dates],
            "counts": [int(c) for c in counts],
            "count": int(count),
        }
        if not pd.isna(date):
            attrs["date"] = pd.Timestamp(date)
        records.append((source, target, attrs))
    return records


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


def write_graph(G: nx.DiGraph, path: str | Path) -> Path:
    """Write a referral graph for Gephi and other tools: GraphML or GEXF, by the file ending.

    These formats cannot store lists, dates or missing values: lists are written as text
    joined by ``"; "``, dates as ``YYYY-MM-DD``, and missing values are left out.

    Parameters
    ----------
    G
        A graph from `graph_from_log`. Not modified.
    path
        A file ending in ``.graphml`` or ``.gexf``.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        When the ending is neither.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib, networkx as nx
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana Ruiz"], "outcome": ["referral"]}))
    >>> p = write_graph(graph_from_log(log), pathlib.Path(tempfile.mkdtemp()) / "net.graphml")
    >>> nx.read_graphml(p).nodes["me/ana ruiz"]["outcomes"]
    'referral'
    """
    import networkx as nx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".graphml", ".gexf"):
        msg = f"`path` must end in .graphml or .gexf, not {path.name!r}"
        raise ValueError(msg)
    H = nx.DiGraph()
    H.graph.update({k: _plain(v) for k, v in G.graph.items() if _plain(v) is not None})
    with _collector_paused():
        H.add_nodes_from((n, _plain_attrs(d)) for n, d in G.nodes(data=True))
        H.add_edges_from((u, v, _plain_attrs(d)) for u, v, d in G.edges(data=True))
    if suffix == ".graphml":
        nx.write_graphml(H, path)
    else:
        nx.write_gexf(H, path)
    return path


def _plain_attrs(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        plain = _plain(value)
        if plain is not None:
            out[key] = plain
    return out


def _plain(value: Any) -> Any:
    """A value GraphML and GEXF can store (str, int, float, bool), or None."""
    if isinstance(value, (list, tuple)):
        items = [_plain(v) for v in value]
        return "; ".join("" if v is None else str(v) for v in items)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
