"""Add LinkedIn connections to the people and introductions tables, matched by profile URL, else by name.

A connection whose profile URL is a person's id, or whose name is the name of one of the
owner's people, is that person (they get ``connected_on``); the others are new people of
kind ``"connection"`` joined to the owner's root on the day connected. Re-exported by
`netinsight.linkedin`. Limits: a connection matched by name is assumed to be the contact of
that name (add the profile URL as ``contact_id`` in the log to be certain).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.names import name_key
from netinsight.tables import text_lists, typed_introductions, typed_people

__all__ = ["add_connections"]


def add_connections(
    people: pd.DataFrame, introductions: pd.DataFrame, connections: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add LinkedIn connections to a people and an introductions table.

    A connection whose profile URL is a person's id, or whose name is the name of one of
    the owner's people, is that person (they get ``connected_on``); the others are new
    people of kind ``"connection"`` joined to the owner's root on the day connected.

    Parameters
    ----------
    people, introductions
        From `netinsight.people_table` and `netinsight.introductions_table`. Not modified.
    connections
        From `read_linkedin_connections`. Not modified.

    Returns
    -------
    people : pandas.DataFrame
    introductions : pandas.DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> from netinsight.people import introductions_table, people_table
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana Ruiz"]}))
    >>> c = pd.DataFrame({"owner": ["me", "me"], "person": ["id:li/ana", "id:li/bo"], "name": ["Ana Ruiz", "Bo Li"],
    ...                   "company": ["Acme", "Bluefin"], "position": ["CTO", "Analyst"],
    ...                   "connected_on": pd.to_datetime(["2021-03-12", "2024-01-01"])})
    >>> people, intros = add_connections(people_table(log), introductions_table(log), c)
    >>> people[["name", "kind", "company", "connected_on"]]
                   name        kind  company connected_on
    person
    owner:me         me       owner      NaN          NaT
    me/ana ruiz  Ana Ruiz     contact      NaN   2021-03-12
    id:li/bo        Bo Li  connection  Bluefin   2024-01-01
    """
    conn = connections.reset_index(drop=True)
    roots = people[people["kind"] == "owner"]
    missing_owners = sorted(set(conn["owner"].astype(str)) - set(roots["owner"]))
    if missing_owners:
        msg = f"`connections` belong to {missing_owners}, who own no log here; pass `owner` when reading them"
        raise ValueError(msg)
    ids = people.index.to_numpy(dtype=object)
    by_id = pd.Index(ids).get_indexer(conn["person"].astype(object))
    # by name: among the owner's people (their id says the owner, or they serve the owner)
    owners = pa.chunked_array(people["owners"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    pairs = pd.DataFrame(
        {
            "owner": pc.list_flatten(owners).to_numpy(zero_copy_only=False),
            "pos": pc.list_parent_indices(owners).to_numpy().astype(np.int64),
        }
    )
    pairs["key"] = name_key(people["name"]).to_numpy(dtype=object)[pairs["pos"].to_numpy()]
    pairs = pairs[(people["kind"].to_numpy(dtype=object)[pairs["pos"].to_numpy()] != "owner")]
    pairs = pairs.dropna().drop_duplicates(["owner", "key"])
    lookup = pd.Series(pairs["pos"].to_numpy(), index=pd.MultiIndex.from_frame(pairs[["owner", "key"]]))
    keys = pd.MultiIndex.from_arrays([conn["owner"].astype(str), name_key(conn["name"])])
    by_name = lookup.reindex(keys).fillna(-1).to_numpy(dtype=np.int64) if len(lookup) else np.full(len(conn), -1)
    match = np.where(by_id >= 0, by_id, by_name)
    people = people.copy()
    connected = people["connected_on"].to_numpy(dtype="datetime64[ns]").copy()
    hit = match >= 0
    when = conn["connected_on"].to_numpy(dtype="datetime64[ns]")
    connected[match[hit]] = when[hit]
    people["connected_on"] = connected
    new = conn[~hit].drop_duplicates("person")
    new = new[~new["person"].isin(people.index)]
    added = pd.DataFrame(
        {
            "name": new["name"].to_numpy(dtype=object),
            "kind": "connection",
            "owner": new["owner"].astype(str).to_numpy(dtype=object),
            "owners": text_lists([[o] for o in new["owner"].astype(str)]).to_numpy(),
            "company": new["company"].to_numpy(dtype=object),
            "role": new["position"].to_numpy(dtype=object),
            "interviews": 0,
            "outcomes": text_lists([[] for _ in range(len(new))]).to_numpy(),
            "connected_on": new["connected_on"].to_numpy(dtype="datetime64[ns]"),
        },
        index=pd.Index(new["person"].to_numpy(dtype=object), name="person"),
    )
    people = typed_people(pd.concat([people, added]) if len(added) else people)
    people.attrs["source"] = "; ".join(filter(None, [str(people.attrs.get("source", "")), "LinkedIn"]))
    edges = pd.DataFrame(
        {
            "owner": new["owner"].astype(str).to_numpy(dtype=object),
            "introducer": ("owner:" + new["owner"].astype(str)).to_numpy(dtype=object),
            "person": new["person"].to_numpy(dtype=object),
            "date": new["connected_on"].to_numpy(dtype="datetime64[ns]"),
            "count": 0,
        }
    )
    intros = typed_introductions(pd.concat([introductions, edges], ignore_index=True))
    return people, intros
