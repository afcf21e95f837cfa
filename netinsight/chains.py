"""Referral chains: how each person was reached, who opened the most doors, who is the only way in.

Every analysis takes a log or a graph built from it and returns a tidy DataFrame. The work
is done on the introductions table: each (owner, person) gets one parent, their earliest
introducer (the owner's root for people reached directly), and depths, downstream counts
and chains follow from this integer parent array in a few vectorised passes, one per
generation. No NetworkX search is run. Limits: a person whose earliest introducer lies on
an introduction cycle has no chain (depth missing) and is named in a `ReferralCycleWarning`;
`downstream` counts each person once, under their earliest introducer.
"""

from __future__ import annotations

import difflib
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.graph import graph_to_tables, tables_from_log
from netinsight.names import name_key
from netinsight.normalize import LIST_OF_TEXT
from netinsight.schema import OUTCOMES, header_key

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ReferralCycleWarning",
    "UnknownPersonError",
    "bridges",
    "paths_to",
    "reach_by_depth",
    "referral_chains",
    "referral_path",
    "shared_connectors",
    "top_connectors",
]

IntArray = npt.NDArray[np.int64]

#: The columns of `referral_chains`.
CHAIN_COLUMNS: Final[tuple[str, ...]] = (
    "owner",
    "person",
    "name",
    "kind",
    "depth",
    "chain",
    "chain_text",
    "introduced_by",
    "introducer",
    "introduced_on",
    "introductions",
    "company",
    "role",
    "industry",
    "sector",
    "interviews",
    "first_interview",
    "last_interview",
    "connected_on",
    "outcomes",
    "downstream",
)


class ReferralCycleWarning(UserWarning):
    """Some people cannot be reached from their owner: their introductions go round in a circle."""


class UnknownPersonError(KeyError):
    """A person named in an argument is not in the network (the message names close matches)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class _Forest:
    """The referral forest: one node per (owner, person), its earliest introducer as parent."""

    owner: npt.NDArray[np.object_]
    person: npt.NDArray[np.object_]
    parent: IntArray  # node index, -1 for the owner's root, -2 for an introducer not in the owner's network
    depth: IntArray  # 1 = reached directly; -1 = no chain (cycle)
    introducer: npt.NDArray[np.object_]
    introduced_on: npt.NDArray[np.datetime64]
    introductions: IntArray  # number of introducers (not counting the owner)
    edges: pd.DataFrame  # every introduction as node -> node (source -1 = root)


def _tables(G_or_log: nx.DiGraph | pd.DataFrame, owner: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """People and introductions of a log or a graph, limited to one owner when asked."""
    if isinstance(G_or_log, pd.DataFrame):
        if "contact" not in G_or_log.columns:
            msg = f"expected a log (with a 'contact' column) or a graph; columns found: {list(G_or_log.columns)}"
            raise TypeError(msg)
        people, intros = tables_from_log(G_or_log)
    elif hasattr(G_or_log, "nodes") and hasattr(G_or_log, "edges"):
        people, intros = graph_to_tables(G_or_log)
    else:
        msg = f"expected a log (DataFrame) or a graph from `graph_from_log`, not {type(G_or_log).__name__}"
        raise TypeError(msg)
    if owner is not None:
        owners = people.loc[people["kind"] == "owner", "owner"].tolist()
        if owner not in owners:
            close = difflib.get_close_matches(owner, owners, n=3)
            hint = f"; did you mean {close}?" if close else f"; owners: {sorted(owners)[:20]}"
            msg = f"`owner` {owner!r} is not an owner of this network{hint}"
            raise ValueError(msg)
        intros = intros[intros["owner"].to_numpy(dtype=object) == owner].reset_index(drop=True)
    return people, intros


def _build_forest(people: pd.DataFrame, intros: pd.DataFrame) -> _Forest:
    m = len(intros)
    owner_codes, _ = pd.factorize(intros["owner"])
    ids = pd.concat([intros["person"], intros["introducer"]], ignore_index=True)
    id_codes, id_uniques = pd.factorize(ids)
    width = max(len(id_uniques), 1)
    key = owner_codes.astype(np.int64) * width + id_codes[:m]
    edge_node, node_keys = pd.factorize(key)
    edge_node = edge_node.astype(np.int64)
    roots = set(people.index[people["kind"] == "owner"])
    from_root = intros["introducer"].isin(roots).to_numpy()
    source = pd.Index(node_keys).get_indexer(owner_codes.astype(np.int64) * width + id_codes[m:]).astype(np.int64)
    source[source < 0] = -2
    source[from_root] = -1
    n = len(node_keys)
    dates = intros["date"].to_numpy(dtype="datetime64[ns]")
    stamp = dates.view(np.int64).copy()
    stamp[np.isnat(dates)] = np.iinfo(np.int64).max
    order = np.lexsort((np.arange(m), stamp, edge_node))
    first_mask = np.ones(m, dtype=bool)
    first_mask[1:] = edge_node[order][1:] != edge_node[order][:-1]
    first = order[first_mask]  # first[k]: the earliest introduction of node k
    parent = source[first]
    depth = _depths(parent)
    return _Forest(
        owner=intros["owner"].to_numpy(dtype=object)[first],
        person=intros["person"].to_numpy(dtype=object)[first],
        parent=parent,
        depth=depth,
        introducer=np.where(from_root[first], np.array(None), intros["introducer"].to_numpy(dtype=object)[first]),
        introduced_on=dates[first],
        introductions=np.bincount(edge_node[~from_root], minlength=n).astype(np.int64),
        edges=pd.DataFrame({"node": edge_node, "source": source}),
    )


def _depths(parent: IntArray) -> IntArray:
    """Depth of every node of a parent array (-1 root), generation by generation; -1 where none."""
    depth = np.full(len(parent), -1, dtype=np.int64)
    depth[parent == -1] = 1
    pending = np.flatnonzero(parent >= 0)
    while len(pending):
        above = depth[parent[pending]]
        ready = above > 0
        if not ready.any():
            break
        depth[pending[ready]] = above[ready] + 1
        pending = pending[~ready]
    return depth


def _levels(depth: IntArray) -> list[IntArray]:
    """Node indices per depth 1, 2, ... (unreachable nodes left out)."""
    order = np.argsort(depth, kind="stable")
    sorted_depth = depth[order]
    top = int(sorted_depth[-1]) if len(sorted_depth) else 0
    bounds = np.searchsorted(sorted_depth, np.arange(1, top + 2))
    return [order[bounds[d - 1] : bounds[d]] for d in range(1, top + 1)]


def _subtree_sizes(parent: IntArray, depth: IntArray, weight: npt.NDArray[Any] | None = None) -> npt.NDArray[Any]:
    """Sum of `weight` (default 1) over each node's subtree, itself included; NaN where unreachable."""
    n = len(parent)
    size = np.ones(n, dtype=np.float64) if weight is None else weight.astype(np.float64).copy()
    for level in reversed(_levels(depth)[1:]):
        size += np.bincount(parent[level], weights=size[level], minlength=n)
    size[depth < 0] = np.nan
    return size


def _chains(forest: _Forest, names: npt.NDArray[np.object_]) -> pa.ListArray:
    """Each node's chain of names from the owner, built backwards one generation at a time."""
    depth = forest.depth
    n = len(depth)
    reach = depth > 0
    lengths = np.where(reach, depth + 1, 0)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    owner_codes, owner_names = pd.factorize(pd.Series(forest.owner, dtype=object))
    labels = np.concatenate([names, np.asarray(owner_names, dtype=object)])
    values = np.zeros(int(offsets[-1]), dtype=np.int64)
    active = np.flatnonzero(reach)
    cur = active.copy()
    pos = offsets[active] + depth[active]
    while len(active):
        values[pos] = cur
        cur = forest.parent[cur]
        pos = pos - 1
        done = cur < 0
        values[pos[done]] = n + owner_codes[active[done]]
        keep = ~done
        active, cur, pos = active[keep], cur[keep], pos[keep]
    flat = pa.array(labels, pa.string()).take(pa.array(values))
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), flat, mask=pa.array(~reach))


def _warn_unreachable(forest: _Forest, names: npt.NDArray[np.object_]) -> None:
    lost = np.flatnonzero(forest.depth < 0)
    if not len(lost):
        return
    shown = ", ".join(f"{names[k]} ({forest.owner[k]})" for k in lost[:10])
    more = f" and {len(lost) - 10} more" if len(lost) > 10 else ""
    msg = (
        f"{len(lost)} person(s) cannot be reached from their owner because their introductions go round "
        f"in a circle: {shown}{more}; their depth is left missing; run netinsight.validate_log to see the cycle"
    )
    warnings.warn(msg, ReferralCycleWarning, stacklevel=3)


def _compute(G_or_log: nx.DiGraph | pd.DataFrame, owner: str | None) -> tuple[pd.DataFrame, _Forest, pd.DataFrame]:
    """The chains table (node order), its forest, and the people table."""
    return _compute_tables(*_tables(G_or_log, owner))


def _compute_tables(people: pd.DataFrame, intros: pd.DataFrame) -> tuple[pd.DataFrame, _Forest, pd.DataFrame]:
    """`_compute` on tables."""
    forest = _build_forest(people, intros)
    at = people.index.get_indexer(pd.Index(forest.person, dtype=object))
    attrs = people.iloc[at].reset_index(drop=True) if len(at) else people.iloc[:0].reset_index(drop=True)
    names = attrs["name"].astype(object).where(attrs["name"].notna(), pd.Series(forest.person)).to_numpy(dtype=object)
    _warn_unreachable(forest, names)
    chain = _chains(forest, names)
    introducer_at = people.index.get_indexer(pd.Index(forest.introducer, dtype=object))
    people_names = people["name"].to_numpy(dtype=object)
    introduced_by = np.where(introducer_at >= 0, people_names[np.maximum(introducer_at, 0)], np.array(None))
    depth = pd.array(np.where(forest.depth > 0, forest.depth, 0), dtype="Int64")
    depth[forest.depth < 0] = pd.NA
    downstream = pd.array(np.nan_to_num(_subtree_sizes(forest.parent, forest.depth) - 1, nan=-1), dtype="Int64")
    downstream[forest.depth < 0] = pd.NA
    table = pd.DataFrame(
        {
            "owner": pd.Series(forest.owner, dtype="str"),
            "person": pd.Series(forest.person, dtype="str"),
            "name": pd.Series(names, dtype="str"),
            "kind": attrs["kind"],
            "depth": depth,
            "chain": pd.Series(pd.arrays.ArrowExtensionArray(chain)),
            "chain_text": pd.Series(pc.binary_join(chain, " -> ").to_pandas(), dtype="str"),
            "introduced_by": pd.Series(introduced_by, dtype="str"),
            "introducer": pd.Series(forest.introducer, dtype="str"),
            "introduced_on": pd.Series(forest.introduced_on, dtype="datetime64[ns]"),
            "introductions": forest.introductions,
            **{
                col: attrs[col]
                for col in (
                    "company",
                    "role",
                    "industry",
                    "sector",
                    "interviews",
                    "first_interview",
                    "last_interview",
                    "connected_on",
                    "outcomes",
                )
            },
            "downstream": downstream,
        }
    )
    return table, forest, people


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """By owner, depth (missing last), date of introduction and name."""
    owner_rank = pd.factorize(table["owner"], sort=True)[0]
    depth = table["depth"].to_numpy(dtype="float64", na_value=np.inf)
    dates = table["introduced_on"].to_numpy(dtype="datetime64[ns]")
    when = np.where(np.isnat(dates), np.iinfo(np.int64).max, dates.view(np.int64))
    name_rank = pd.factorize(table["name"].str.casefold(), sort=True)[0]
    order = np.lexsort((name_rank, when, depth, owner_rank))
    return table.iloc[order].reset_index(drop=True)


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
    table, _, _ = _compute(G_or_log, owner)
    return _ordered(table)


def _resolve(table: pd.DataFrame, person: str, owner: str | None, argument: str = "person") -> int:
    """The row of `table` that `person` (a node id or a name) names."""
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
    table, forest, people = _compute(G_or_log, owner)
    k = _resolve(table, person, owner)
    if forest.depth[k] < 0:
        who = forest.owner[k]
        msg = f"`person` {person!r} cannot be reached from {who!r}: their introductions go round in a circle"
        raise ValueError(msg)
    steps = [k]
    while forest.parent[steps[-1]] >= 0:  # one chain: at most `depth` steps
        steps.append(int(forest.parent[steps[-1]]))
    rows = table.iloc[steps[::-1]].reset_index(drop=True)
    root = people.loc[[f"owner:{forest.owner[k]}"]] if f"owner:{forest.owner[k]}" in people.index else None
    head = pd.DataFrame(
        {
            "owner": [forest.owner[k]],
            "person": [root.index[0] if root is not None else f"owner:{forest.owner[k]}"],
            "name": [forest.owner[k]],
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


def _employer_key(names: pd.Series[Any]) -> pd.Series[Any]:
    """Employer names as comparison keys (case, accents, punctuation and legal suffixes dropped)."""
    from netinsight.employers import normalize_employer

    return normalize_employer(names)


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
        wanted = _employer_key(pd.Series([company], dtype="str")).iloc[0]
        hit = _employer_key(table["company"]).to_numpy(dtype=object) == wanted
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


def _ancestor_pairs(parent: IntArray, depth: IntArray, nodes: IntArray, *, self_too: bool) -> tuple[IntArray, IntArray]:
    """(node, ancestor) for every ancestor (not the root) of each of `nodes`, generation by generation."""
    heads: list[IntArray] = []
    tails: list[IntArray] = []
    nodes = nodes[depth[nodes] > 0]
    cur = nodes.copy() if self_too else parent[nodes]
    while True:
        keep = cur >= 0
        nodes, cur = nodes[keep], cur[keep]
        if not len(nodes):
            break
        heads.append(nodes)
        tails.append(cur)
        cur = parent[cur]
    if not heads:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(heads), np.concatenate(tails)


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
    table, forest, _ = _compute(G_or_log, owner)
    size = len(table)
    reach = np.flatnonzero(forest.depth > 0)
    below, above = _ancestor_pairs(forest.parent, forest.depth, reach, self_too=False)
    direct = np.bincount(forest.parent[forest.parent >= 0], minlength=size)
    company_code = pd.factorize(_employer_key(table["company"]))[0]
    sector_code = pd.factorize(table["sector"])[0]
    out = table[["owner", "person", "name", "company", "sector", "depth"]].copy()
    out["introduced"] = direct.astype(np.int64)
    out["downstream"] = np.bincount(above, minlength=size).astype(np.int64)
    for col, codes in (("companies", company_code), ("industries", sector_code)):
        pairs = pd.DataFrame({"above": above, "code": codes[below]})
        pairs = pairs[pairs["code"] >= 0].drop_duplicates()
        out[col] = np.bincount(pairs["above"].to_numpy(), minlength=size).astype(np.int64)
    flags = _outcome_flags(table["outcomes"])
    for outcome in OUTCOMES:
        out[f"{outcome}s"] = np.bincount(above[flags[outcome][below]], minlength=size).astype(np.int64)
    out = out[out["downstream"] > 0]
    order = np.lexsort(
        (
            pd.factorize(out["name"], sort=True)[0],
            -out["referrals"].to_numpy(),
            -out["job_leads"].to_numpy(),
            -out["companies"].to_numpy(),
            -out["downstream"].to_numpy(),
        )
    )
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
    table, _, people = _compute(G_or_log, owner)
    levels = ["1", "2", "3+"]
    owners = [owner] if owner is not None else sorted(people.loc[people["kind"] == "owner", "owner"].tolist())
    reached = table[table["depth"].notna()]
    depth = reached["depth"].to_numpy(dtype=np.int64)
    frame = pd.DataFrame(
        {
            "owner": reached["owner"].to_numpy(dtype=object),
            "depth": np.where(depth >= 3, "3+", depth.astype(str)),
            "person": reached["person"].to_numpy(dtype=object),
            "company": _employer_key(reached["company"]).to_numpy(dtype=object),
            "sector": reached["sector"].to_numpy(dtype=object),
        }
    )
    counts = frame.groupby(["owner", "depth"]).agg(
        people=("person", "nunique"), companies=("company", "nunique"), industries=("sector", "nunique")
    )
    grid = pd.MultiIndex.from_product([owners, levels], names=["owner", "depth"])
    out = counts.reindex(grid, fill_value=0).astype(np.int64).reset_index()
    out["owner"] = out["owner"].astype("str")
    out["depth"] = out["depth"].astype("str")
    return out


def _dominators(forest: _Forest) -> IntArray:
    """The immediate dominator of each reachable node: the person every way in passes through.

    Starts from the earliest-introducer forest (whose paths contain every dominator) and
    replaces each node's parent by the nearest common ancestor of all its introducers until
    nothing changes; -1 is the owner's root, -3 marks nodes without a chain.
    """
    n = len(forest.parent)
    reach = forest.depth > 0
    edges = forest.edges
    ok_source = (edges["source"].to_numpy() == -1) | (
        (edges["source"].to_numpy() >= 0) & reach[np.maximum(edges["source"].to_numpy(), 0)]
    )
    edges = edges[ok_source & reach[edges["node"].to_numpy()]].drop_duplicates()
    node = edges["node"].to_numpy()
    source = edges["source"].to_numpy()
    ROOT = n  # the sentinel index for every owner's root
    source = np.where(source == -1, ROOT, source)
    several = np.bincount(node, minlength=n) > 1
    multi = several[node]
    node, source = node[multi], source[multi]
    order = np.argsort(node, kind="stable")
    node, source = node[order], source[order]
    rank = np.arange(len(node)) - np.searchsorted(node, node)
    dom = np.append(np.where(forest.parent >= 0, forest.parent, ROOT), ROOT).astype(np.int64)
    dom[:n][~reach] = ROOT
    targets = np.unique(node)
    for _ in range(n + 1):  # converges in a few rounds; bounded for safety
        ddepth = _depths(np.where(dom[:n] == ROOT, -1, dom[:n]))
        ddepth = np.append(np.where(reach, ddepth, 0), 0)
        meet = np.full(n + 1, -1, dtype=np.int64)
        first = rank == 0
        meet[node[first]] = source[first]
        for r in range(1, int(rank.max()) + 1 if len(rank) else 1):
            pick = rank == r
            who = node[pick]
            meet[who] = _meet(meet[who], source[pick], dom, ddepth)
        changed = meet[targets] != dom[targets]
        if not changed.any():
            break
        dom[targets] = meet[targets]
    out = np.where(dom[:n] == ROOT, -1, dom[:n])
    out[~reach] = -3
    return out


def _meet(a: IntArray, b: IntArray, dom: IntArray, ddepth: IntArray) -> IntArray:
    """Nearest common ancestor of each pair in the tree `dom` (root = its own parent)."""
    a, b = a.copy(), b.copy()
    while True:
        deeper = ddepth[a] > ddepth[b]
        if not deeper.any():
            break
        a[deeper] = dom[a[deeper]]
    while True:
        deeper = ddepth[b] > ddepth[a]
        if not deeper.any():
            break
        b[deeper] = dom[b[deeper]]
    while True:
        differ = a != b
        if not differ.any():
            break
        a[differ] = dom[a[differ]]
        b[differ] = dom[b[differ]]
    return a


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
    table, forest, _ = _compute(G_or_log, owner)
    dom = _dominators(forest)
    reach = np.flatnonzero(forest.depth > 0)
    ddepth = _depths(np.where(dom >= 0, dom, np.where(dom == -1, -1, -2)))
    members, above = _ancestor_pairs(dom, ddepth, reach, self_too=True)
    owner_code = pd.factorize(table["owner"])[0]
    parts = []
    for col, label in (("companies", "company"), ("industries", "sector")):
        values = _employer_key(table["company"]) if col == "companies" else table["sector"].astype(object)
        codes = pd.factorize(values)[0]
        shown = table[label].to_numpy(dtype=object)
        group = owner_code.astype(np.int64) * (int(codes.max()) + 2 if len(codes) else 1) + codes
        has = codes >= 0
        sizes = pd.Series(group[has]).value_counts()
        pairs = pd.DataFrame({"group": group[members], "above": above, "member": members})
        pairs = pairs[has[members]]
        counts = pairs.groupby(["group", "above"], sort=False).size().rename("n").reset_index()
        counts = counts[counts["n"].to_numpy() == sizes.reindex(counts["group"]).to_numpy()]
        first_member = pairs.drop_duplicates("group").set_index("group")["member"]
        counts["value"] = shown[first_member.reindex(counts["group"]).to_numpy()]
        counts["what"] = col
        parts.append(counts[["above", "what", "value"]])
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
    lists = found.sort_values("value").groupby(["above", "what"], sort=False)["value"].agg(list).unstack("what")
    lists = lists.reindex(columns=["industries", "companies"])
    out = table.iloc[lists.index.to_numpy()][["owner", "person", "name", "company", "sector", "depth"]]
    out = out.reset_index(drop=True)
    for col in ("industries", "companies"):
        items = [v if isinstance(v, list) else [] for v in lists[col].tolist()]
        out[f"n_{col}"] = np.array([len(v) for v in items], dtype=np.int64)
        out[col] = items
    order = np.lexsort(
        (pd.factorize(out["name"], sort=True)[0], -out["n_companies"].to_numpy(), -out["n_industries"].to_numpy())
    )
    out = out.iloc[order].reset_index(drop=True)
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
    people, intros = _tables(G_or_log, None)
    named = intros[intros["introducer"].str.startswith("id:").to_numpy()]
    grouped = named.groupby("introducer", sort=True)
    out = pd.DataFrame(
        {
            "owners": grouped["owner"].nunique(),
            "introduced": grouped.size(),
            "owner_list": grouped["owner"].agg(lambda s: sorted(set(s))),
        }
    )
    out = out[out["owners"] >= min_owners]
    attrs = people.reindex(out.index)
    out.insert(0, "sector", attrs["sector"])
    out.insert(0, "company", attrs["company"])
    out.insert(0, "name", attrs["name"])
    out = out.rename_axis("person").reset_index()
    order = np.lexsort(
        (pd.factorize(out["name"], sort=True)[0], -out["introduced"].to_numpy(), -out["owners"].to_numpy())
    )
    out = out.iloc[order].reset_index(drop=True)
    out["owners"] = out["owners"].astype(np.int64)
    out["introduced"] = out["introduced"].astype(np.int64)
    return out
