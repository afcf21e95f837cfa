"""Warm paths: who to ask for an introduction at each target employer, and the chain to them.

`warm_paths` matches the people of a referral network (and LinkedIn connections, added as
first-degree people) to target employers on `netinsight.employers.normalize_employer` keys
and lists the chain to each, from the chains table built in its final order. Re-exported by
`netinsight.linkedin`. Limits: employers are matched on exact keys, not fuzzily.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netinsight.connections import add_connections
from netinsight.memory import large_work
from netinsight.normalize import LIST_OF_TEXT
from netinsight.tables import code_introductions, introductions_frame

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["warm_paths"]


def _targets_frame(targets: pd.DataFrame | pd.Series[Any] | list[str] | str | Path) -> pd.DataFrame:
    if isinstance(targets, (str, Path)):
        from netinsight.targets import read_targets

        return read_targets(targets)
    if isinstance(targets, pd.DataFrame):
        if "employer" not in targets.columns:
            msg = f"`targets` needs an 'employer' column; columns found: {list(targets.columns)}"
            raise ValueError(msg)
        return targets.reset_index(drop=True)
    return pd.DataFrame({"employer": pd.Series(list(targets), dtype="str")})


@large_work()
def warm_paths(
    G_or_log: nx.DiGraph | pd.DataFrame,
    targets: pd.DataFrame | pd.Series[Any] | list[str] | str | Path,
    *,
    connections: pd.DataFrame | None = None,
    owner: str | None = None,
) -> pd.DataFrame:
    """Who to ask for an introduction at each target employer, and the chain to them.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it (with or without connections). Not modified.
    targets
        Target employers: a table with an ``employer`` column (e.g. from
        `netinsight.read_targets`), a file to read with it, or a list of names. Matched
        on `netinsight.employers.normalize_employer` keys.
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections`, added as first-degree people.
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        One row per target and person working there, in target order, then contacts met
        before connections only, shortest chain and most recent first: ``employer``, the
        target's other columns, ``owner, person, name, kind, company, role, depth,
        chain_text, chain, last_interview, connected_on``. A target nobody works at has
        one row with ``person`` missing.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "company": ["Acme", "Bluefin Capital LLC"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> warm_paths(log, ["Bluefin Capital", "Zenith"])[["employer", "name", "chain_text"]]
              employer        name                    chain_text
    0  Bluefin Capital  Ben Okafor  me -> Ana Ruiz -> Ben Okafor
    1           Zenith         NaN                           NaN
    """
    from netinsight.chaintable import sorted_chains
    from netinsight.network import Network, employer_key, network

    table = _targets_frame(targets)
    net = network(G_or_log, owner)
    if connections is not None:
        if owner is not None:
            connections = connections[connections["owner"].astype(str) == owner]
        people, intros = add_connections(net.people, introductions_frame(net.people, net.introductions), connections)
        net = Network(people, code_introductions(people, intros))
    chains = sorted_chains(net)
    keys = employer_key(table["employer"]).to_numpy(dtype=object)
    company = employer_key(chains["company"]).to_numpy(dtype=object)
    order = pd.Series(np.arange(len(keys)), index=keys)
    order = order[~order.index.duplicated()]
    target_pos = pd.Index(order.index).get_indexer(company)
    hit = np.flatnonzero(target_pos >= 0)
    found = chains.iloc[hit].reset_index(drop=True)
    found.insert(0, "_target", order.to_numpy()[target_pos[hit]])
    never_met = (found["interviews"] == 0).to_numpy()
    recent = found["last_interview"].fillna(found["connected_on"]).to_numpy(dtype="datetime64[ns]")
    sort = np.lexsort(
        (
            -recent.view(np.int64).astype(np.float64),
            found["depth"].to_numpy(dtype="float64", na_value=np.inf),
            never_met,
            found["_target"].to_numpy(),
        )
    )
    found = found.iloc[sort]
    missing = np.setdiff1d(np.arange(len(table)), found["_target"].to_numpy())
    rows = pd.concat([found, pd.DataFrame({"_target": missing})], ignore_index=True)
    rows = rows.sort_values("_target", kind="stable").reset_index(drop=True)
    columns = ["owner", "person", "name", "kind", "company", "role", "depth", "chain_text", "chain"]
    columns += ["last_interview", "connected_on"]
    extra = [c for c in table.columns if c not in ("source_file", "source_line", "key") and c not in columns]
    left = table[extra].iloc[rows["_target"].to_numpy()].reset_index(drop=True)
    right = rows[columns].reset_index(drop=True)
    out = pd.concat([left, right], axis=1)
    for col in ("owner", "person", "name", "kind", "company", "role", "chain_text"):
        out[col] = out[col].astype("str")
    out["chain"] = out["chain"].astype(LIST_OF_TEXT) if len(out) else pd.Series(dtype=LIST_OF_TEXT)
    return out
