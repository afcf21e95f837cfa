"""Keys of referral-forest nodes for the connector analyses: employer and sector codes, owner and name ranks.

Each key is computed once per distinct value of a people column (`netinsight.network.Network`
keeps them as codes) and spread to the forest's nodes with one gather, so the analyses sort
and count integers. Used by `netinsight.connectors` and `netinsight.bridges`. Limits: names
rank as written (case matters), as the analyses have always ordered them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.chaintable import ChainForest
from netinsight.memo import freeze
from netinsight.network import Network, employer_key
from netinsight.ordering import sort_order, text_rank
from netinsight.textcodes import str_series

__all__ = ["name_rank", "node_codes", "ranked_rows"]

IntArray = npt.NDArray[np.int64]


def node_codes(chains: ChainForest, column: str) -> IntArray:
    """Integer codes of a people column at each forest node (equal text, equal code; -1 missing).

    ``company`` is compared as an employer (`employer_key`), other columns as written.

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.chaintable import chain_forest
    >>> from netinsight.network import network
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "contact": ["A", "B"],
    ...                              "company": ["Acme Corp.", "ACME"]}))
    >>> node_codes(chain_forest(network(log)), "company").tolist()
    [0, 0]
    """
    people = chains.net.derived(f"value_codes:{column}", lambda net: _people_codes(net, column))
    return people[chains.forest.person]


def _people_codes(net: Network, column: str) -> IntArray:
    """The codes of a people column for every people row (kept per network: several analyses ask)."""
    text = net.codes(column)
    values = str_series(text.values)
    keyed = employer_key(values) if column == "company" else values
    of_value = np.append(pd.factorize(keyed)[0], -1).astype(np.int64)
    out = of_value[np.where(text.codes >= 0, text.codes, len(text.values))]
    freeze(out)
    return out


def name_rank(chains: ChainForest) -> IntArray:
    """Each forest node's rank by name (as written; ties keep equal ranks).

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.chaintable import chain_forest
    >>> from netinsight.network import network
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "contact": ["Bo", "Al"]}))
    >>> name_rank(chain_forest(network(log))).tolist()
    [1, 0]
    """
    rank = np.append(text_rank(str_series(chains.names.values)), -1)
    return rank[chains.names.codes]


def ranked_rows(chains: ChainForest, keys: list[IntArray], nodes: IntArray) -> IntArray:
    """The order of forest `nodes` by `keys` (one value per node), ties by owner and then person id.

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.chaintable import chain_forest
    >>> from netinsight.network import network
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "contact": ["Bo", "Al"]}))
    >>> ranked_rows(chain_forest(network(log)), [np.zeros(2, dtype=np.int64)], np.arange(2)).tolist()
    [1, 0]
    """
    forest = chains.forest
    owner_rank = text_rank(pd.Series(forest.owners, dtype="str"))[forest.owner[nodes]] if len(nodes) else nodes
    return sort_order([*keys, owner_rank], [str_series(chains.ids)], tie_rows=[forest.person[nodes]])
