"""Connectors: who opened the most doors, reach by depth, and professionals shared by a cohort.

Each analysis takes a log or a graph built from it and returns a tidy DataFrame, computed on
the referral forest (`netinsight.forest`) with integer keys (`netinsight.nodekeys`): ancestor
pairs, bincounts and distinct pairs, no per-person loop and no graph search; text is built
only for the rows returned. `bridges` lives in `netinsight.bridges`. Limits: people on an
introduction cycle are left out of reach; shared connectors need ``contact_id`` (a shared
name is no proof of one person).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.bridges import bridges
from netinsight.chaintable import chain_forest
from netinsight.forest import ancestor_pairs
from netinsight.memory import large_work
from netinsight.network import network
from netinsight.nodekeys import name_rank, node_codes, ranked_rows
from netinsight.normalize import LIST_OF_TEXT
from netinsight.schema import OUTCOMES
from netinsight.textcodes import str_series

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "bridges",  # from netinsight.bridges
    "reach_by_depth",
    "shared_connectors",
    "top_connectors",
]

IntArray = npt.NDArray[np.int64]


def _distinct_count(group: IntArray, code: IntArray, size: int) -> IntArray:
    """For each group 0..size-1, how many distinct codes (>= 0) it has."""
    keep = code >= 0
    width = int(code.max()) + 1 if keep.any() else 1
    pairs = pd.unique(group[keep] * width + code[keep])
    return np.bincount(pairs // width, minlength=size).astype(np.int64)


def _outcome_flags(outcomes: pd.Series[Any]) -> dict[str, npt.NDArray[np.bool_]]:
    """For each outcome, which rows have it."""
    array = pa.chunked_array(pd.Series(outcomes).astype(LIST_OF_TEXT).array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    rows = pc.list_parent_indices(array).to_numpy().astype(np.int64)
    flat = pc.list_flatten(array).to_numpy(zero_copy_only=False)
    out = {}
    for outcome in OUTCOMES:
        flag = np.zeros(len(outcomes), dtype=bool)
        flag[rows[flat == outcome]] = True
        out[outcome] = flag
    return out


@large_work()
def top_connectors(
    G_or_log: nx.DiGraph | pd.DataFrame, *, n: int | None = 10, owner: str | None = None
) -> pd.DataFrame:
    """The people who opened the most doors: everyone reached through them, and what came of it.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    n
        How many to return (None for everyone who introduced someone).
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        ``rank, owner, person, name, company, sector, depth, introduced`` (people they
        introduced directly), ``downstream`` (everyone reached through them), ``companies``
        and ``industries`` (distinct companies and sectors of those people), and per
        outcome the number of those people it came from: ``job_leads, referrals,
        mentorships, offers``. Ranked by downstream, companies, leads and referrals.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20", "2026-01-21"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan", "Di Lee"], "company": ["A", "B", "C", "B"],
    ...     "introduced_by": ["", "Ana Ruiz", "Ben Okafor", "Ana Ruiz"], "outcome": ["", "", "referral", ""]}))
    >>> top_connectors(log)[["rank", "name", "introduced", "downstream", "companies", "referrals"]]
       rank        name  introduced  downstream  companies  referrals
    0     1    Ana Ruiz           2           3          2          1
    1     2  Ben Okafor           1           1          1          1
    """
    if n is not None and n < 0:
        msg = f"`n` must be 0 or more (or None for all), not {n}"
        raise ValueError(msg)
    chains = chain_forest(network(G_or_log, owner))
    forest = chains.forest
    size = len(forest.person)
    below, above = ancestor_pairs(forest.parent, forest.depth, np.flatnonzero(forest.depth > 0), self_too=False)
    counts = {
        "introduced": np.bincount(forest.parent[forest.parent >= 0], minlength=size).astype(np.int64),
        "downstream": np.bincount(above, minlength=size).astype(np.int64),
        "companies": _distinct_count(above, node_codes(chains, "company")[below], size),
        "industries": _distinct_count(above, node_codes(chains, "sector")[below], size),
    }
    flags = _outcome_flags(pd.Series(chains.net.column("outcomes")))
    for outcome in OUTCOMES:
        counts[f"{outcome}s"] = np.bincount(above[flags[outcome][forest.person][below]], minlength=size).astype(
            np.int64
        )
    found = np.flatnonzero(counts["downstream"] > 0)
    keys = [-counts[c][found] for c in ("downstream", "companies", "job_leads", "referrals")]
    top = found[ranked_rows(chains, [*keys, name_rank(chains)[found]], found)]
    if n is not None:
        top = top[:n]
    out = chains.rows(top, ["owner", "person", "name", "company", "sector", "depth"])
    for col, values in counts.items():
        out[col] = values[top]
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    return out


@large_work()
def reach_by_depth(G_or_log: nx.DiGraph | pd.DataFrame, *, owner: str | None = None) -> pd.DataFrame:
    """People, companies and industries reached at depth 1, 2 and 3+ of each owner's network.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        One row per owner and depth (``"1"``, ``"2"``, ``"3+"``, every one listed, zero
        when empty): ``people``, ``companies`` and ``industries`` (distinct sectors).
        People on an introduction cycle are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20"], "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan"],
    ...     "company": ["Acme", "Bluefin", "Bluefin"], "industry": ["Tech", "Banking", "Banking"],
    ...     "introduced_by": ["", "Ana Ruiz", ""]}))
    >>> reach_by_depth(log)
      owner depth  people  companies  industries
    0    me     1       2          2           2
    1    me     2       1          1           1
    2    me    3+       0          0           0
    """
    net = network(G_or_log, owner)
    chains = chain_forest(net)
    forest = chains.forest
    levels = ["1", "2", "3+"]
    owners = [owner] if owner is not None else sorted(net.owner_names())
    grid = pd.MultiIndex.from_product([owners, levels], names=["owner", "depth"])
    reached = forest.depth > 0
    owner_at = pd.Index(owners).get_indexer(pd.Index(forest.owners))
    group = owner_at[forest.owner[reached]] * 3 + np.minimum(forest.depth[reached], 3) - 1
    size = len(grid)
    keep = group >= 0
    return pd.DataFrame(
        {
            "owner": pd.Series(grid.get_level_values("owner"), dtype="str"),
            "depth": pd.Series(grid.get_level_values("depth"), dtype="str"),
            "people": _distinct_count(group[keep], forest.person[reached][keep], size),
            "companies": _distinct_count(group[keep], node_codes(chains, "company")[reached][keep], size),
            "industries": _distinct_count(group[keep], node_codes(chains, "sector")[reached][keep], size),
        }
    )


@large_work()
def shared_connectors(G_or_log: nx.DiGraph | pd.DataFrame, *, min_owners: int = 2) -> pd.DataFrame:
    """Professionals who introduced several owners (students) to someone.

    Only people known by ``contact_id`` count: a shared name is no proof of one person.

    Parameters
    ----------
    G_or_log
        A cohort log or a graph built from it. Not modified.
    min_owners
        How many owners they must have introduced.

    Returns
    -------
    pandas.DataFrame
        ``person, name, company, sector, owners`` (how many), ``introduced`` (people
        introduced, counted per owner) and ``owner_list``; most owners first.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "owner": ["s1", "s1", "s2", "s2"], "date": ["2026-01-05", "2026-01-09", "2026-01-06", "2026-01-10"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Ana Ruiz", "Cy Tan"],
    ...     "contact_id": ["ana@acme.example", "", "ana@acme.example", ""],
    ...     "introduced_by": ["", "Ana Ruiz", "", "Ana Ruiz"]}))
    >>> shared_connectors(log)[["name", "owners", "introduced", "owner_list"]]
           name  owners  introduced owner_list
    0  Ana Ruiz       2           2   [s1, s2]
    """
    net = network(G_or_log, None)
    ids, intros = net.ids, net.introductions
    is_id = pc.starts_with(ids, "id:").to_numpy(zero_copy_only=False)
    named = (intros.introducer >= 0) & is_id[np.maximum(intros.introducer, 0)]
    who, owner = intros.introducer[named], intros.owner[named]
    owner_names = pd.Series(intros.owners, dtype=object)
    owner_rank = pd.factorize(owner_names, sort=True)[0].astype(np.int64)
    n_people = len(ids)
    introduced = np.bincount(who, minlength=n_people)
    pairs = np.sort(pd.unique(who * max(len(owner_rank), 1) + owner_rank[owner])) if len(who) else np.zeros(0, np.int64)
    pair_who, pair_rank = pairs // max(len(owner_rank), 1), pairs % max(len(owner_rank), 1)
    n_owners = np.bincount(pair_who, minlength=n_people)
    chosen = np.flatnonzero((introduced > 0) & (n_owners >= min_owners))
    sorted_owners = owner_names.iloc[np.argsort(owner_rank)].to_numpy(dtype=object)
    ends = np.cumsum(n_owners)
    flat = sorted_owners[pair_rank]
    lists = [
        flat[end - k : end].tolist() for end, k in zip(ends[chosen].tolist(), n_owners[chosen].tolist(), strict=True)
    ]
    out = pd.DataFrame(
        {
            "person": str_series(ids.take(pa.array(chosen, pa.int64()))),
            "name": str_series(net.codes("name").take(chosen)),
            "company": str_series(net.codes("company").take(chosen)),
            "sector": str_series(net.codes("sector").take(chosen)),
            "owners": n_owners[chosen].astype(np.int64),
            "introduced": introduced[chosen].astype(np.int64),
            "owner_list": pd.Series(lists, dtype=object),
        }
    )
    for col in ("person", "name", "company", "sector"):
        out[col] = out[col].astype("str")
    out = out.sort_values("person", kind="stable").reset_index(drop=True)
    keys = [-out["owners"].to_numpy(), -out["introduced"].to_numpy(), pd.factorize(out["name"], sort=True)[0]]
    return out.iloc[np.lexsort(keys[::-1])].reset_index(drop=True)
