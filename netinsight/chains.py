"""Referral chains: how each person was reached, the chain to one person, every way into a company.

Every analysis takes a log or a graph built from it and returns a tidy DataFrame. A log is
coded once (`netinsight.network.network`) and never turned into a graph; a graph is turned
back into its tables. The chains come from the referral forest (`netinsight.forest`): each
person's earliest introducer is their parent, and depths, downstream counts and chains are
vectorised passes over it; the table is built once, in its final order
(`netinsight.chaintable`). Limits: a person whose earliest introducer lies on an
introduction cycle has no chain (depth missing) and is named in a `ReferralCycleWarning`;
`downstream` counts each person once, under their earliest introducer.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.chaintable import chains_table, employer_key, network, sorted_chains
from netinsight.memory import large_work
from netinsight.names import name_key
from netinsight.schema import header_key

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "UnknownPersonError",
    "paths_to",
    "referral_chains",
    "referral_path",
    "resolve_person",
]

IntArray = npt.NDArray[np.int64]


class UnknownPersonError(KeyError):
    """A person named in an argument is not in the network (the message names close matches)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@large_work()
def referral_chains(G_or_log: nx.DiGraph | pd.DataFrame, *, owner: str | None = None) -> pd.DataFrame:
    """How each person was reached: their chain of introductions from the owner.

    Parameters
    ----------
    G_or_log
        A log from `netinsight.read_log` or a graph from `netinsight.graph_from_log`
        (both give the same table). Not modified.
    owner
        Only this owner's network (default: every owner).

    Returns
    -------
    pandas.DataFrame
        One row per owner and person, sorted by owner, depth, date and name: ``owner,
        person`` (node id), ``name, kind`` (contact, introducer or connection), ``depth``
        (1 = reached directly; missing on a cycle), ``chain`` (names from the owner, a
        list) and ``chain_text`` ("me -> Ana Ruiz -> Ben Okafor"), ``introduced_by`` (name)
        and ``introducer`` (node id) of the earliest introduction, ``introduced_on``,
        ``introductions`` (how many people introduced them), ``company, role, industry,
        sector, interviews, first_interview, last_interview, connected_on, outcomes`` and
        ``downstream``: how many people were reached through them, directly or not.

    Warns
    -----
    ReferralCycleWarning
        Naming the people whose chain goes round in a circle.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan"],
    ...     "introduced_by": ["", "Ana Ruiz", "Ben Okafor"]}))
    >>> referral_chains(log)[["name", "depth", "chain_text", "downstream"]]
             name  depth                       chain_text  downstream
    0    Ana Ruiz      1                   me -> Ana Ruiz           2
    1  Ben Okafor      2     me -> Ana Ruiz -> Ben Okafor           1
    2      Cy Tan      3  me -> Ana Ruiz -> Ben Okafor -> Cy Tan           0
    """
    return sorted_chains(network(G_or_log, owner))


def resolve_person(table: pd.DataFrame, person: str, owner: str | None, argument: str = "person") -> int:
    """The row of a chains table that `person` (a node id or a name) names.

    Raises
    ------
    UnknownPersonError
        When nobody has that name or id (close matches named).
    ValueError
        When the name belongs to several people.
    """
    hit = np.flatnonzero(table["person"].to_numpy(dtype=object) == person)
    if not len(hit):
        key = name_key(pd.Series([person], dtype="str")).iloc[0]
        keys = name_key(table["name"]).to_numpy(dtype=object)
        hit = np.flatnonzero(keys == key)
    if not len(hit):
        names = sorted(set(table["name"].dropna().tolist()))
        close = difflib.get_close_matches(person, names, n=3, cutoff=0.6)
        if not close:
            by_key = {str(k): n for k, n in zip(name_key(pd.Series(names, dtype="str")), names, strict=True)}
            close = [by_key[k] for k in difflib.get_close_matches(str(key), list(by_key), n=3, cutoff=0.6)]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else "; check the spelling"
        where = f" in {owner!r}'s network" if owner is not None else ""
        msg = f"`{argument}` {person!r} is not anyone{where}{hint}"
        raise UnknownPersonError(msg)
    if len(hit) > 1:
        found = table.iloc[hit]
        if found["owner"].nunique() > 1:
            msg = f"`{argument}` {person!r} is in the networks of {sorted(found['owner'].unique())}; pass `owner`"
        else:
            msg = f"`{argument}` {person!r} names several people ({sorted(found['person'])}); pass the person id"
        raise ValueError(msg)
    return int(hit[0])


@large_work()
def referral_path(G_or_log: nx.DiGraph | pd.DataFrame, person: str, *, owner: str | None = None) -> pd.DataFrame:
    """The chain of introductions that led to one person, one row per step from the owner.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    person
        A name (compared like `netinsight.names.name_key`: case and titles do not
        matter) or a person id.
    owner
        Whose network to look in (needed when several owners met someone of that name).

    Returns
    -------
    pandas.DataFrame
        ``step`` (0 = the owner), ``owner, person, name, company, role, industry,
        sector, introduced_on`` (when this step was introduced) and ``introduced_by``.

    Raises
    ------
    UnknownPersonError
        When nobody has that name or id; the message names close matches.
    ValueError
        When the name is ambiguous, or the person's chain goes round in a circle.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...     "company": ["Acme", "Bluefin"], "introduced_by": ["", "Ana Ruiz"]}))
    >>> referral_path(log, "ben okafor")[["step", "name", "company"]]
       step        name  company
    0     0          me      NaN
    1     1    Ana Ruiz     Acme
    2     2  Ben Okafor  Bluefin
    >>> referral_path(log, "Ben Okafr")
    Traceback (most recent call last):
    ...
    netinsight.chains.UnknownPersonError: `person` 'Ben Okafr' is not anyone; did you mean 'Ben Okafor'?
    """
    net = network(G_or_log, owner)
    table, forest = chains_table(net)
    people = net.people
    k = resolve_person(table, person, owner)
    owner_k = str(forest.owners[forest.owner[k]])
    if forest.depth[k] < 0:
        msg = f"`person` {person!r} cannot be reached from {owner_k!r}: their introductions go round in a circle"
        raise ValueError(msg)
    steps = [k]
    while forest.parent[steps[-1]] >= 0:  # one chain: at most `depth` steps
        steps.append(int(forest.parent[steps[-1]]))
    rows = table.iloc[steps[::-1]].reset_index(drop=True)
    root = people.loc[[f"owner:{owner_k}"]] if f"owner:{owner_k}" in people.index else None
    head = pd.DataFrame(
        {
            "owner": [owner_k],
            "person": [root.index[0] if root is not None else f"owner:{owner_k}"],
            "name": [owner_k],
        }
    )
    out = pd.concat([head, rows], ignore_index=True)
    out.insert(0, "step", np.arange(len(out), dtype=np.int64))
    columns = ["step", "owner", "person", "name", "company", "role", "industry", "sector", "introduced_on"]
    out = out[[*columns, "introduced_by"]]
    for col in ("owner", "person", "name", "company", "role", "industry", "sector", "introduced_by"):
        out[col] = out[col].astype("str")
    out["introduced_on"] = out["introduced_on"].astype("datetime64[ns]")
    return out


@large_work()
def paths_to(
    G_or_log: nx.DiGraph | pd.DataFrame,
    *,
    company: str | None = None,
    industry: str | None = None,
    owner: str | None = None,
) -> pd.DataFrame:
    """Every way into a company or an industry: the people there and the chain to each.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    company
        An employer; compared without case, punctuation or legal suffixes ("Acme Corp." =
        "ACME").
    industry
        An industry as written or a sector ("Tech" and "Technology" both find the
        technology sector).
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        The rows of `referral_chains` for the people there, shortest chain first, then
        the most recently met (or connected) first.

    Raises
    ------
    ValueError
        Unless exactly one of `company` and `industry` is given.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-02-01"], "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan"],
    ...     "company": ["Acme", "Bluefin Capital LLC", "Bluefin Capital"],
    ...     "introduced_by": ["", "Ana Ruiz", ""]}))
    >>> paths_to(log, company="bluefin capital")[["name", "depth", "chain_text"]]
             name  depth                    chain_text
    0      Cy Tan      1                  me -> Cy Tan
    1  Ben Okafor      2  me -> Ana Ruiz -> Ben Okafor
    """
    if (company is None) == (industry is None):
        msg = f"pass `company` or `industry` (exactly one); got company={company!r}, industry={industry!r}"
        raise ValueError(msg)
    table = referral_chains(G_or_log, owner=owner)
    if company is not None:
        wanted = employer_key(pd.Series([company], dtype="str")).iloc[0]
        hit = employer_key(table["company"]).to_numpy(dtype=object) == wanted
    else:
        from netinsight.industries import sector_table

        key = header_key(str(industry))
        sector = sector_table().get(key, str(industry))
        hit = (
            table["industry"].map(header_key, na_action="ignore").eq(key)
            | table["sector"].map(header_key, na_action="ignore").eq(header_key(sector))
        ).to_numpy()
    found = table[hit]
    recent = found["last_interview"].fillna(found["connected_on"])
    order = np.lexsort(
        (
            pd.factorize(found["name"], sort=True)[0],
            -recent.to_numpy(dtype="datetime64[ns]").view(np.int64).astype(np.float64),
            found["depth"].to_numpy(dtype="float64", na_value=np.inf),
        )
    )
    out: pd.DataFrame = found.iloc[order].reset_index(drop=True)
    return out
