"""Connectors: who opened the most doors, reach by depth, bridges, and professionals shared by a cohort.

Each analysis takes a log or a graph built from it and returns a tidy DataFrame, computed on
the referral forest (`netinsight.forest`) with integer keys: ancestor pairs, bincounts and
distinct pairs, no per-person loop and no graph search. Limits: people on an introduction
cycle are left out of reach and bridges; shared connectors need ``contact_id`` (a shared
name is no proof of one person).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.chaintable import chains_table, employer_key, network, sort_order
from netinsight.forest import ancestor_pairs, depths, dominators
from netinsight.normalize import LIST_OF_TEXT
from netinsight.schema import OUTCOMES
from netinsight.tables import arrow_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["bridges", "reach_by_depth", "shared_connectors", "top_connectors"]

IntArray = npt.NDArray[np.int64]


def _codes(values: pd.Series[Any]) -> IntArray:
    """Integer codes of values (-1 missing)."""
    return pd.factorize(values)[0].astype(np.int64)


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
    table, forest = chains_table(network(G_or_log, owner))
    size = len(table)
    reach = np.flatnonzero(forest.depth > 0)
    below, above = ancestor_pairs(forest.parent, forest.depth, reach, self_too=False)
    direct = np.bincount(forest.parent[forest.parent >= 0], minlength=size)
    out = table[["owner", "person", "name", "company", "sector", "depth"]].copy()
    out["introduced"] = direct.astype(np.int64)
    out["downstream"] = np.bincount(above, minlength=size).astype(np.int64)
    out["companies"] = _distinct_count(above, _codes(employer_key(table["company"]))[below], size)
    out["industries"] = _distinct_count(above, _codes(table["sector"])[below], size)
    flags = _outcome_flags(table["outcomes"])
    for outcome in OUTCOMES:
        out[f"{outcome}s"] = np.bincount(above[flags[outcome][below]], minlength=size).astype(np.int64)
    out = out[out["downstream"] > 0]
    keys = [-out[c].to_numpy() for c in ("downstream", "companies", "job_leads", "referrals")]
    order = sort_order([*keys, pd.factorize(out["name"], sort=True)[0]], [out["owner"], out["person"]])
    out = out.iloc[order].reset_index(drop=True)
    if n is not None:
        out = out.head(n)
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    return out


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
    table, forest = chains_table(net)
    people = net.people
    levels = ["1", "2", "3+"]
    owners = [owner] if owner is not None else sorted(people.loc[people["kind"] == "owner", "owner"].tolist())
    grid = pd.MultiIndex.from_product([owners, levels], names=["owner", "depth"])
    reached = forest.depth > 0
    owner_at = pd.Index(owners).get_indexer(pd.Index(forest.owners))
    group = owner_at[forest.owner[reached]] * 3 + np.minimum(forest.depth[reached], 3) - 1
    size = len(grid)
    keep = group >= 0
    out = pd.DataFrame(
        {
            "owner": pd.Series(grid.get_level_values("owner"), dtype="str"),
            "depth": pd.Series(grid.get_level_values("depth"), dtype="str"),
            "people": _distinct_count(group[keep], forest.person[reached][keep], size),
            "companies": _distinct_count(group[keep], _codes(employer_key(table["company"]))[reached][keep], size),
            "industries": _distinct_count(group[keep], _codes(table["sector"])[reached][keep], size),
        }
    )
    return out


def bridges(G_or_log: nx.DiGraph | pd.DataFrame, *, owner: str | None = None) -> pd.DataFrame:
    """The contacts who are the only way into a company or an industry: lose them and it is gone.

    A contact is a bridge to a company when every way the owner reached everyone there
    passes through them (counting every introduction, not only the earliest): they work
    there alone, or all the people there were reached through them.

    Parameters
    ----------
    G_or_log
        A log or a graph built from it. Not modified.
    owner
        Only this owner's network.

    Returns
    -------
    pandas.DataFrame
        One row per owner and bridge: ``rank, owner, person, name, company, sector,
        depth, n_industries, n_companies, industries, companies`` (lists of what only
        they lead to), ranked by industries, then companies, then name.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20", "2026-01-22"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Cy Tan", "Di Lee"],
    ...     "company": ["Acme", "Bluefin", "Bluefin", "Acme"],
    ...     "industry": ["Tech", "Banking", "Banking", "Tech"], "introduced_by": ["", "Ana Ruiz", "Ana Ruiz", ""]}))
    >>> bridges(log)[["rank", "name", "n_industries", "industries", "companies"]]
       rank      name  n_industries industries companies
    0     1  Ana Ruiz             1  [Finance]  [Bluefin]
    """
    table, forest = chains_table(network(G_or_log, owner))
    dom = dominators(forest)
    reach = np.flatnonzero(forest.depth > 0)
    ddepth = depths(np.where(dom >= 0, dom, np.where(dom == -1, -1, -2)))
    members, above = ancestor_pairs(dom, ddepth, reach, self_too=True)
    parts = []
    for col, label in (("companies", "company"), ("industries", "sector")):
        values = employer_key(table["company"]) if col == "companies" else table["sector"]
        codes = _codes(values)
        width = int(codes.max()) + 2 if len(codes) else 1
        group = forest.owner * width + codes
        has = codes >= 0
        group_size = pd.Series(group[has]).value_counts()
        pick = has[members]
        pair = pd.Series(group[members][pick] * (len(table) + 1) + above[pick])
        counts = pair.value_counts(sort=False)
        pair_group, pair_above = counts.index.to_numpy() // (len(table) + 1), counts.index.to_numpy() % (len(table) + 1)
        whole = counts.to_numpy() == group_size.reindex(pair_group).to_numpy()
        first_member = pd.Series(members[pick], index=group[members][pick])
        first_member = first_member[~first_member.index.duplicated()]
        shown = table[label].to_numpy(dtype=object)
        parts.append(
            pd.DataFrame(
                {
                    "above": pair_above[whole],
                    "what": col,
                    "value": shown[first_member.reindex(pair_group[whole]).to_numpy()],
                }
            )
        )
    found = pd.concat(parts, ignore_index=True)
    columns = ["rank", "owner", "person", "name", "company", "sector", "depth", "n_industries", "n_companies"]
    if not len(found):
        empty = table.iloc[:0][["owner", "person", "name", "company", "sector", "depth"]].copy()
        for col in ("n_industries", "n_companies"):
            empty[col] = pd.Series(dtype=np.int64)
        for col in ("industries", "companies"):
            empty[col] = pd.Series(dtype=object)
        empty.insert(0, "rank", pd.Series(dtype=np.int64))
        return empty.reset_index(drop=True)
    found = found.sort_values(["above", "what", "value"], kind="stable")
    bridge = np.unique(found["above"].to_numpy())
    out = table.iloc[bridge][["owner", "person", "name", "company", "sector", "depth"]].reset_index(drop=True)
    for col in ("industries", "companies"):
        part = found[found["what"].to_numpy() == col]
        at = np.searchsorted(bridge, part["above"].to_numpy())
        n_values = np.bincount(at, minlength=len(bridge))
        values = part["value"].tolist()
        ends = np.cumsum(n_values).tolist()
        items = [values[end - k : end] for end, k in zip(ends, n_values.tolist(), strict=True)]
        out[f"n_{col}"] = n_values.astype(np.int64)
        out[col] = items
    keys = [-out["n_industries"].to_numpy(), -out["n_companies"].to_numpy(), pd.factorize(out["name"], sort=True)[0]]
    out = out.iloc[sort_order(keys, [out["owner"], out["person"]])].reset_index(drop=True)
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    result: pd.DataFrame = out[[*columns, "industries", "companies"]]
    return result


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
    people, intros = net.people, net.introductions
    is_id = pc.starts_with(arrow_text(people.index), "id:").to_numpy(zero_copy_only=False)
    named = (intros.introducer >= 0) & is_id[np.maximum(intros.introducer, 0)]
    who, owner = intros.introducer[named], intros.owner[named]
    owner_names = pd.Series(intros.owners, dtype=object)
    owner_rank = pd.factorize(owner_names, sort=True)[0].astype(np.int64)
    n_people = len(people)
    introduced = np.bincount(who, minlength=n_people)
    pairs = np.unique(who * max(len(owner_rank), 1) + owner_rank[owner]) if len(who) else np.zeros(0, np.int64)
    pair_who, pair_rank = pairs // max(len(owner_rank), 1), pairs % max(len(owner_rank), 1)
    n_owners = np.bincount(pair_who, minlength=n_people)
    chosen = np.flatnonzero((introduced > 0) & (n_owners >= min_owners))
    sorted_owners = owner_names.iloc[np.argsort(owner_rank)].to_numpy(dtype=object)
    lists = np.split(sorted_owners[pair_rank], np.cumsum(n_owners)[:-1])
    attrs = people.iloc[chosen]
    out = pd.DataFrame(
        {
            "person": people.index[chosen],
            "name": attrs["name"].to_numpy(),
            "company": attrs["company"].to_numpy(),
            "sector": attrs["sector"].to_numpy(),
            "owners": n_owners[chosen].astype(np.int64),
            "introduced": introduced[chosen].astype(np.int64),
            "owner_list": pd.Series([lists[k].tolist() for k in chosen], dtype=object),
        }
    )
    for col in ("person", "name", "company", "sector"):
        out[col] = out[col].astype("str")
    out = out.sort_values("person", kind="stable").reset_index(drop=True)
    keys = [-out["owners"].to_numpy(), -out["introduced"].to_numpy(), pd.factorize(out["name"], sort=True)[0]]
    return out.iloc[np.lexsort(keys[::-1])].reset_index(drop=True)
