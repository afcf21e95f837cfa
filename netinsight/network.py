"""A referral network as the analyses use it: the people table, coded introductions and text codes.

`network` codes a log directly (`netinsight.people.coded_network_from_log`: no graph, no
introductions table) or turns a graph back into its tables, and limits it to one owner
when asked. Shared by `netinsight.chaintable`, `netinsight.connectors`, `netinsight.bridges`
and `netinsight.warmpaths`. Limits: a graph's text columns are encoded when first used.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.employers import normalize_employer
from netinsight.memo import derived
from netinsight.people import coded_network_from_log
from netinsight.peoplecodes import PeopleCodes
from netinsight.tables import CodedIntroductions, code_introductions
from netinsight.textcodes import TextCodes, encode_text, large_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Network", "employer_key", "network"]

T = TypeVar("T")


@dataclass(frozen=True)
class Network:
    """A referral network as the analyses use it: the people (a table, or its arrays) and coded introductions.

    A log's people come as arrays (`netinsight.peoplecodes.PeopleCodes`): the analyses read
    ids, text codes and columns from them, and ``people`` builds the table only when asked.
    """

    tables: pd.DataFrame | PeopleCodes
    introductions: CodedIntroductions
    kept: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, name: str, compute: Callable[[Network], T]) -> T:
        """``compute(self)``, worked out once per network (a network does not change).

        Examples
        --------
        >>> from netinsight import read_log
        >>> net = network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
        >>> net.derived("size", lambda n: len(n.ids)), net.kept
        (2, {'size': 2})
        """
        if name not in self.kept:
            self.kept[name] = compute(self)
        result: T = self.kept[name]
        return result

    @cached_property
    def people(self) -> pd.DataFrame:
        """The people table."""
        return self.tables if isinstance(self.tables, pd.DataFrame) else self.tables.frame()

    @cached_property
    def ids(self) -> pa.Array:
        """The person id of each people row (Arrow ``large_string``)."""
        return large_text(self.tables.index) if isinstance(self.tables, pd.DataFrame) else self.tables.ids

    def codes(self, column: str) -> TextCodes:
        """A text column of the people table as codes.

        Examples
        --------
        >>> from netinsight import read_log
        >>> net = network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
        >>> net.codes("kind").decode().to_pylist(), net.ids.to_pylist()
        (['owner', 'contact'], ['owner:me', 'me/ana'])
        """
        if isinstance(self.tables, pd.DataFrame):
            return encode_text(self.tables[column])
        return self.tables.text[column]

    def column(self, column: str) -> Any:
        """A column that is not text (dates, counts, lists): an array with a ``take``.

        Examples
        --------
        >>> from netinsight import read_log
        >>> net = network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
        >>> net.column("interviews").tolist()
        [0, 1]
        """
        if isinstance(self.tables, pd.DataFrame):
            return self.tables[column].array
        return self.tables.column(column)

    def owner_names(self) -> list[str]:
        """The owners (their roots' ``owner``), in people order.

        Examples
        --------
        >>> from netinsight import read_log
        >>> network(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))).owner_names()
        ['me']
        """
        kind = self.codes("kind")
        is_owner = np.flatnonzero(kind.values.to_numpy(zero_copy_only=False) == "owner")
        roots = np.flatnonzero(np.isin(kind.codes, is_owner))
        return [str(owner) for owner in self.codes("owner").take(roots).to_pylist()]


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
        net = derived(G_or_log, "network", _log_network)  # worked out once per log (`netinsight.memo`)
    elif hasattr(G_or_log, "nodes") and hasattr(G_or_log, "edges"):
        from netinsight.graph import graph_to_tables

        table, intros = graph_to_tables(G_or_log)
        net = Network(table, code_introductions(table, intros))
    else:
        msg = f"expected a log (DataFrame) or a graph from `graph_from_log`, not {type(G_or_log).__name__}"
        raise TypeError(msg)
    if owner is not None:
        owners = net.owner_names()
        if owner not in owners:
            close = difflib.get_close_matches(owner, owners, n=3)
            hint = f"; did you mean {close}?" if close else f"; owners: {sorted(owners)[:20]}"
            msg = f"`owner` {owner!r} is not an owner of this network{hint}"
            raise ValueError(msg)
        net = Network(net.tables, net.introductions.only(owner))
    return net


def employer_key(names: pd.Series[Any]) -> pd.Series[Any]:
    """Employer names as comparison keys (`netinsight.employers.normalize_employer`).

    Examples
    --------
    >>> employer_key(pd.Series(["Acme Corp.", None])).tolist()
    ['acme', nan]
    """
    return normalize_employer(names)


def _log_network(log: pd.DataFrame) -> Network:
    return Network(*coded_network_from_log(log))
