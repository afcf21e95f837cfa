"""Export a referral graph for Gephi and other tools: GraphML or GEXF, with plain attribute values.

These formats cannot store lists, dates or missing values: `write_graph` writes lists as
text joined by ``"; "``, dates as ``YYYY-MM-DD`` and leaves missing values out. Re-exported
by `netinsight.graph`. Limits: a copy of the graph with plain values is built in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netinsight.graphrecords import collector_paused

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["write_graph"]


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
    >>> from netinsight.graph import graph_from_log
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
    with collector_paused():
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
