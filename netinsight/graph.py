"""The referral graph: people and introductions tables, and the NetworkX graph built from them.

A log becomes two tables: ``people`` (one row per node: each owner, each person met, each
introducer never interviewed, each LinkedIn connection) and ``introductions`` (one row per
owner and introduction, introducer -> person). `graph_from_tables` and `graph_to_tables`
are an inverse pair between these tables and a `networkx.DiGraph`. People are identified
by `person_ids`: ``contact_id`` where given (shared across owners), else the owner and a
normalised name. Introducers are matched to the owner's contacts by name. Limits: a
person written as their own introducer gets no edge (`netinsight.validate_log` reports
it); cycles are kept in the graph and reported by the analyses in `netinsight.chains`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.names import id_key, name_key
from netinsight.normalize import LIST_OF_TEXT, list_column

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "INTRODUCTION_COLUMNS",
    "PEOPLE_COLUMNS",
    "graph_from_log",
    "graph_from_tables",
    "graph_to_tables",
    "introductions_table",
    "people_table",
    "person_ids",
    "tables_from_log",
    "write_graph",
]

#: Columns of the people table (its index is ``person``, the node id).
PEOPLE_COLUMNS: Final[tuple[str, ...]] = (
    "name",
    "kind",
    "owner",
    "owners",
    "company",
    "role",
    "industry",
    "sector",
    "first_interview",
    "last_interview",
    "interviews",
    "outcomes",
    "connected_on",
)

#: Columns of the introductions table.
INTRODUCTION_COLUMNS: Final[tuple[str, ...]] = ("owner", "introducer", "person", "date", "count")

#: What a node is: the log's owner, a person interviewed, an introducer never
#: interviewed, or a LinkedIn connection never interviewed.
KINDS: Final[tuple[str, ...]] = ("owner", "contact", "introducer", "connection")

_TEXT: Final = ("name", "kind", "owner", "company", "role", "industry", "sector")
_DATES: Final = ("first_interview", "last_interview", "connected_on")
_LISTS: Final = ("owners", "outcomes")
_ROOT_PREFIX: Final = "owner:"

IntArray = npt.NDArray[np.int64]


def root_id(owner: str) -> str:
    """The node id of an owner's root ("owner:" and the owner)."""
    return _ROOT_PREFIX + owner


def introductions_table(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who introduced whom, per owner: one row per owner, introducer and person.

    A person reached directly is introduced by their owner's root (``"owner:<owner>"``);
    an introducer who was never interviewed is joined to the owner's root (no date).
    ``date`` is the first interview that names the introduction and ``count`` the number
    of interviews that do.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections`: those not
        interviewed join their owner's root, dated when connected.

    Returns
    -------
    pandas.DataFrame
        Columns `INTRODUCTION_COLUMNS`, sorted by owner, person, date and introducer.

    See Also
    --------
    people_table : the nodes.
    graph_from_tables : the graph of both tables.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-01-20"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "Dan Wu"],
    ...     "introduced_by": ["", "Ana Ruiz", "Carla Diaz"]}))
    >>> introductions_table(log)[["introducer", "person", "count"]]
          introducer         person  count
    0       owner:me    me/ana ruiz      1
    1    me/ana ruiz  me/ben okafor      1
    2       owner:me  me/carla diaz      0
    3  me/carla diaz      me/dan wu      1
    """
    return tables_from_log(log, connections=connections)[1]


def people_table(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Everyone in a log's referral graph: owners, people met, introducers, connections.

    Name is the first spelling met; company, role and industry the latest given; owners
    the owners who met (or were introduced to) the person, first first.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections from `netinsight.read_linkedin_connections` (added as kind
        ``"connection"`` unless interviewed; those interviewed get ``connected_on``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person`` (the node id, see `person_ids`), columns `PEOPLE_COLUMNS`;
        ``kind`` is one of ``owner, contact, introducer, connection``. Owners come
        first, then people by owner and first interview.

    See Also
    --------
    introductions_table : the edges.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-02-01"],
    ...     "contact": ["Ana Ruiz", "Ben Okafor", "ana ruiz"], "company": ["Acme", "Bluefin", "Initech"],
    ...     "introduced_by": ["", "Ana Ruiz", ""], "outcome": ["", "referral", "job lead"]}))
    >>> people_table(log)[["name", "kind", "company", "interviews"]]
                     name     kind  company  interviews
    person
    owner:me           me    owner      NaN           0
    me/ana ruiz  Ana Ruiz  contact  Initech           2
    me/ben okafor  Ben Okafor  contact  Bluefin           1
    """
    return tables_from_log(log, connections=connections)[0]


def tables_from_log(
    log: pd.DataFrame, *, connections: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`people_table` and `introductions_table` of a log in one pass.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.
    connections
        LinkedIn connections, as for `people_table`.

    Returns
    -------
    people : pandas.DataFrame
    introductions : pandas.DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> people, intros = tables_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> people.index.tolist(), len(intros)
    (['owner:me', 'me/ana'], 1)
    """
    people, intros = _tables_from_log(log)
    if connections is not None:
        from netinsight.linkedin import add_connections

        people, intros = add_connections(people, intros, connections)
    return people, intros


@dataclass(frozen=True)
class _Coded:
    """A log's people as integers: one code per person, built without per-row strings."""

    rows: IntArray  # positions in the log of the rows with a contact
    owner: IntArray  # owner code of each kept row
    owner_names: npt.NDArray[np.object_]
    person: IntArray  # person code of each kept row
    introducer: IntArray  # person code of each kept row's introducer, -1 when reached directly
    ids: pa.Array  # the node id of each person code (text)


def _with_blank(values: Any) -> pa.Array:
    """Text values and one "" after them, so that every take has a valid index."""
    return pa.array([*np.asarray(values, dtype=object).tolist(), ""], pa.string())


def _bare(log: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy without ``attrs`` (the log's problems table would be compared by every concat)."""
    out = log.copy(deep=False)
    out.attrs = {}
    return out


def _code_log(log: pd.DataFrame) -> _Coded:
    """Person codes of a log's rows and introducers (see `person_ids`)."""
    log = _bare(log)
    n = len(log)
    owner_codes, owner_names = pd.factorize(log["owner"].astype("str"))
    names = pd.concat([log["contact"], log["introduced_by"]], ignore_index=True).astype("str")
    name_codes, name_uniques = pd.factorize(names)
    key_of_unique, keys = pd.factorize(name_key(pd.Series(np.asarray(name_uniques, dtype=object), dtype="str")))
    key = np.where(name_codes >= 0, np.append(key_of_unique, -1)[name_codes], -1).astype(np.int64)
    contact_key, intro_key = key[:n], key[n:]
    id_codes, id_uniques = pd.factorize(log["contact_id"].astype("str"))
    idk_of_unique, id_keys = pd.factorize(id_key(pd.Series(np.asarray(id_uniques, dtype=object), dtype="str")))
    ident = np.where(id_codes >= 0, np.append(idk_of_unique, -1)[id_codes], -1).astype(np.int64)
    n_ids, n_keys = len(id_keys), max(len(keys), 1)
    owner64 = owner_codes.astype(np.int64)
    pair = owner64 * n_keys + contact_key  # (owner, name key)
    # a row without an id takes the id of the owner's only person of that name with one
    with_id = (ident >= 0) & (contact_key >= 0)
    if with_id.any():
        known = pd.DataFrame({"pair": pair[with_id], "id": ident[with_id]}).drop_duplicates()
        single = known[~known["pair"].duplicated(keep=False)]
        found = pd.Index(single["pair"].to_numpy()).get_indexer(pair)
        adopt = (ident < 0) & (contact_key >= 0) & (found >= 0)
        ident = np.where(adopt, single["id"].to_numpy()[np.maximum(found, 0)], ident)
    keep = np.flatnonzero(log["contact"].notna().to_numpy() & ((contact_key >= 0) | (ident >= 0)))
    person_key = np.where(ident >= 0, ident, n_ids + pair)[keep]
    # introducers: the owner's contact of that name met first, else a person of that name
    intro_pair = owner64[keep] * n_keys + intro_key[keep]
    order = np.argsort(log["date"].to_numpy()[keep], kind="stable")
    contacts = pd.DataFrame({"pair": pair[keep][order], "person": person_key[order]})
    contacts = contacts[contact_key[keep][order] >= 0].drop_duplicates("pair")
    found = pd.Index(contacts["pair"].to_numpy()).get_indexer(intro_pair)
    intro_person = np.where(found >= 0, contacts["person"].to_numpy()[np.maximum(found, 0)], n_ids + intro_pair)
    intro_person = np.where(intro_key[keep] >= 0, intro_person, -1)
    codes, uniques = pd.factorize(np.concatenate([person_key, intro_person[intro_person >= 0]]))
    person = codes[: len(keep)].astype(np.int64)
    introducer = np.full(len(keep), -1, dtype=np.int64)
    introducer[intro_person >= 0] = codes[len(keep) :]
    unique_keys = np.asarray(uniques, dtype=np.int64)
    is_id = unique_keys < n_ids
    name_part = np.maximum(unique_keys - n_ids, 0)
    by_id = _with_blank(id_keys).take(pa.array(np.where(is_id, unique_keys, n_ids)))
    owner_part = _with_blank(owner_names).take(pa.array(np.where(is_id, len(owner_names), name_part // n_keys)))
    key_part = _with_blank(keys).take(pa.array(np.where(is_id, len(keys), name_part % n_keys)))
    ids = pc.if_else(
        pa.array(is_id),
        pc.binary_join_element_wise("id:", by_id.cast(pa.string()), ""),
        pc.binary_join_element_wise(owner_part, key_part, "/"),
    )
    return _Coded(
        rows=keep.astype(np.int64),
        owner=owner64[keep],
        owner_names=np.asarray(owner_names, dtype=object),
        person=person,
        introducer=introducer,
        ids=ids,
    )


def person_ids(log: pd.DataFrame) -> pd.Series[Any]:
    """The person id of each row of a log: who was interviewed, as a node id.

    A row with a ``contact_id`` gets ``"id:"`` and its id key, the same for every owner, so
    one professional met by two students is one person. Other rows get the owner, ``"/"``
    and the name key (`netinsight.names.name_key`). A row without an id whose owner met
    exactly one person of that name with an id takes that id.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.

    Returns
    -------
    pandas.Series
        One id per row (missing where the contact is empty), aligned with the log's index.

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({
    ...     "date": ["2026-01-05", "2026-01-09", "2026-02-01", "2026-02-03"],
    ...     "contact": ["Dr. Ana Ruiz", "Ben Okafor", "ana ruiz", "Ben Okafor"],
    ...     "contact_id": ["", "ben@bluefin.example", "", ""]}))
    >>> person_ids(log).tolist()
    ['me/ana ruiz', 'id:ben@bluefin.example', 'me/ana ruiz', 'id:ben@bluefin.example']
    """
    coded = _code_log(log)
    at = np.full(len(log), -1, dtype=np.int64)
    at[coded.rows] = coded.person
    out = _text(coded.ids.take(pa.array(at, pa.int64(), mask=at < 0)))
    out.index = log.index
    return out.rename("person")


def _tables_from_log(log: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables in one pass over the log, on integer codes."""
    log = _bare(log)
    coded = _code_log(log)
    rows, owner, person, introducer = coded.rows, coded.owner, coded.person, coded.introducer
    n_people = len(coded.ids)
    ROOT = -1
    keep = introducer != person  # self-introductions get no edge (validate_log reports them)
    date = log["date"].to_numpy(dtype="datetime64[ns]")[rows]
    stamp = date.view(np.int64).copy()
    stamp[np.isnat(date)] = np.iinfo(np.int64).max
    e_owner, e_src, e_dst, e_stamp = owner[keep], introducer[keep], person[keep], stamp[keep]
    order = np.lexsort((e_stamp, e_src, e_dst, e_owner))
    e_owner, e_src, e_dst, e_stamp = e_owner[order], e_src[order], e_dst[order], e_stamp[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (e_owner[1:] != e_owner[:-1]) | (e_dst[1:] != e_dst[:-1]) | (e_src[1:] != e_src[:-1])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(order)))
    g_owner, g_src, g_dst, g_stamp = e_owner[starts], e_src[starts], e_dst[starts], e_stamp[starts]
    # introducers never interviewed by that owner: joined to the owner's root, undated
    met = pd.Index(owner * n_people + person)
    named = np.unique(g_owner[g_src >= 0] * n_people + g_src[g_src >= 0])
    unmet = named[~pd.Index(named).isin(met)]
    u_owner, u_person = unmet // max(n_people, 1), unmet % max(n_people, 1)
    all_owner = np.concatenate([g_owner, u_owner])
    all_src = np.concatenate([g_src, np.full(len(unmet), ROOT)])
    all_dst = np.concatenate([g_dst, u_person])
    all_stamp = np.concatenate([g_stamp, np.full(len(unmet), np.iinfo(np.int64).max)])
    all_count = np.concatenate([counts, np.zeros(len(unmet), dtype=np.int64)])
    owner_text = pa.array(coded.owner_names, pa.string())
    ids = coded.ids
    roots = pc.binary_join_element_wise(_ROOT_PREFIX, owner_text, "")
    date_out = all_stamp.view("datetime64[ns]").copy()
    date_out[all_stamp == np.iinfo(np.int64).max] = np.datetime64("NaT")
    intros = pd.DataFrame(
        {
            "owner": _text(owner_text.take(pa.array(all_owner))),
            "introducer": _text(
                pc.if_else(
                    pa.array(all_src < 0),
                    roots.take(pa.array(all_owner)),
                    ids.take(pa.array(np.maximum(all_src, 0))),
                )
                if len(all_src)
                else pa.array([], pa.string())
            ),
            "person": _text(ids.take(pa.array(all_dst))),
            "date": date_out,
            "count": all_count,
        }
    )
    intros = _typed_introductions(intros)
    people = _people_from_codes(log, coded, g_owner, g_dst, g_stamp, u_owner, u_person)
    return people, intros


def _text(array: pa.Array | pa.ChunkedArray) -> pd.Series[Any]:
    chunked = pa.chunked_array([array]) if isinstance(array, pa.Array) else array
    return pd.Series(pd.arrays.ArrowExtensionArray(chunked)).astype("str")


def text_lists(lists: list[list[str]], index: pd.Index[Any] | None = None) -> pd.Series[Any]:
    """A list-of-text column (the dtype of the log's ``outcome``) from Python lists."""
    array = pa.chunked_array([pa.array(lists, pa.list_(pa.string()))])
    return pd.Series(pd.arrays.ArrowExtensionArray(array), index=index)


def _people_from_codes(
    log: pd.DataFrame,
    coded: _Coded,
    g_owner: IntArray,
    g_dst: IntArray,
    g_stamp: IntArray,
    u_owner: IntArray,
    u_person: IntArray,
) -> pd.DataFrame:
    rows, person = coded.rows, coded.person
    n_people = len(coded.ids)
    order = np.argsort(log["date"].to_numpy(dtype="datetime64[ns]")[rows], kind="stable")
    at = rows[order]
    who = person[order]
    frame: dict[str, Any] = {"person": who, "date": log["date"].to_numpy(dtype="datetime64[ns]")[at]}
    uniques: dict[str, Any] = {}
    sources = {"name": "contact", "company": "company", "role": "role", "industry": "industry", "sector": "sector"}
    for col, source in sources.items():
        codes, values = pd.factorize(log[source].astype("str"))
        frame[col] = np.where(codes[at] >= 0, codes[at], np.nan)
        uniques[col] = np.asarray(values, dtype=object)
    frame["owner"] = coded.owner[order].astype(np.float64)
    uniques["owner"] = coded.owner_names
    grouped = pd.DataFrame(frame).groupby("person", sort=True)
    firsts = grouped[["name", "owner"]].first()
    lasts = grouped[["company", "role", "industry", "sector"]].last()
    dates = grouped["date"].agg(["min", "max", "size"])
    contacts = pd.DataFrame(index=firsts.index)
    for col in ("name", "owner"):
        contacts[col] = _decode(firsts[col], uniques[col])
    for col in ("company", "role", "industry", "sector"):
        contacts[col] = _decode(lasts[col], uniques[col])
    contacts["first_interview"] = dates["min"]
    contacts["last_interview"] = dates["max"]
    contacts["interviews"] = dates["size"].astype(np.int64)
    contacts["kind"] = "contact"
    # introducers never interviewed: name as first written, their owner
    intro_rows = np.flatnonzero(coded.introducer[order] >= 0)
    first_written = pd.DataFrame(
        {"person": coded.introducer[order][intro_rows], "row": at[intro_rows]}
    ).drop_duplicates("person").set_index("person")["row"]
    unmet = pd.DataFrame(
        {
            "name": log["introduced_by"].iloc[first_written.reindex(u_person).to_numpy()].to_numpy(dtype=object),
            "owner": coded.owner_names[u_owner],
            "kind": "introducer",
            "interviews": 0,
        },
        index=u_person,
    )
    unmet = unmet[~unmet.index.isin(contacts.index)]
    owner_names = coded.owner_names
    roots = pd.DataFrame({"name": owner_names, "owner": owner_names, "kind": "owner", "interviews": 0})
    body = pd.concat([contacts, unmet]) if len(unmet) else contacts
    body = body.sort_values(["owner", "first_interview"], kind="stable", na_position="last")
    # owners of each person, first first: from their introductions
    pairs = pd.DataFrame(
        {
            "person": np.concatenate([g_dst, u_person]),
            "owner": np.concatenate([g_owner, u_owner]),
            "stamp": np.concatenate([g_stamp, np.full(len(u_person), np.iinfo(np.int64).max)]),
        }
    ).sort_values(["stamp", "owner"], kind="stable").drop_duplicates(["person", "owner"])
    root_order = np.argsort(owner_names.astype(str), kind="stable")
    roots = roots.iloc[root_order]
    index = pa.concat_arrays(
        [
            pa.array([_ROOT_PREFIX + o for o in roots["owner"]], pa.string()),
            coded.ids.take(pa.array(body.index.to_numpy(dtype=np.int64))),
        ]
    )
    people = pd.concat([roots.reset_index(drop=True), body.reset_index(drop=True)], ignore_index=True)
    people.index = pd.Index(_text(index), name="person")
    position = np.full(n_people, -1, dtype=np.int64)
    position[body.index.to_numpy()] = np.arange(len(roots), len(people))
    owner_lists = pd.concat(
        [
            pd.DataFrame({"pos": np.arange(len(roots)), "owner": roots["owner"].to_numpy(dtype=object)}),
            pd.DataFrame(
                {"pos": position[pairs["person"].to_numpy()], "owner": owner_names[pairs["owner"].to_numpy()]}
            ),
        ]
    )
    owner_lists = owner_lists[owner_lists["pos"] >= 0].sort_values("pos", kind="stable")
    people["owners"] = _list_series(owner_lists["pos"].to_numpy(), owner_lists["owner"].to_numpy(), people.index)
    people["outcomes"] = _outcomes_by_position(log, coded, position, people.index)
    out = _typed_people(people)
    files = log["source_file"].dropna().astype("str").unique().tolist() if "source_file" in log else []
    out.attrs["source"] = "; ".join(sorted(files))
    return out


def _decode(codes: pd.Series[Any], values: npt.NDArray[np.object_]) -> pd.Series[Any]:
    """Codes (float, NaN missing) back to their text."""
    c = codes.to_numpy(dtype=np.float64)
    missing = np.isnan(c)
    at = pa.array(np.where(missing, 0, c).astype(np.int64), pa.int64(), mask=missing)
    out = _text(pa.array(values.tolist(), pa.string()).take(at))
    out.index = codes.index
    return out


def _list_series(pos: IntArray, values: npt.NDArray[Any], index: pd.Index[Any]) -> pd.Series[Any]:
    """A list column over `index` from flat values and their (ascending) positions."""
    out = list_column(pos.astype(np.int64), pa.array(values, pa.string()), len(index))
    out.index = index
    return out


def _outcomes_by_position(
    log: pd.DataFrame, coded: _Coded, position: IntArray, index: pd.Index[Any]
) -> pd.Series[Any]:
    """Every distinct outcome of each person's interviews, sorted."""
    array = pa.chunked_array(log["outcome"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    parents = pc.list_parent_indices(array).to_numpy().astype(np.int64)
    flat = pc.list_flatten(array).to_numpy(zero_copy_only=False)
    row_person = np.full(len(log), -1, dtype=np.int64)
    row_person[coded.rows] = position[coded.person]
    pos = row_person[parents]
    pairs = pd.DataFrame({"pos": pos, "outcome": flat})
    pairs = pairs[pairs["pos"] >= 0].drop_duplicates().sort_values(["pos", "outcome"], kind="stable")
    return _list_series(pairs["pos"].to_numpy(), pairs["outcome"].to_numpy(dtype=object), index)


def _typed_people(people: pd.DataFrame) -> pd.DataFrame:
    """The people table with every column of `PEOPLE_COLUMNS` in its dtype."""
    n = len(people)
    cols: dict[str, Any] = {}
    for col in PEOPLE_COLUMNS:
        values = people.get(col)
        if col in _TEXT:
            cols[col] = (values if values is not None else pd.Series(np.nan, index=people.index)).astype("str")
        elif col in _DATES:
            cols[col] = (
                values if values is not None else pd.Series(pd.NaT, index=people.index, dtype="datetime64[ns]")
            ).astype("datetime64[ns]")
        elif col in _LISTS:
            if values is None or values.isna().any():
                items = values.tolist() if values is not None else [None] * n
                values = text_lists([[] if _missing(v) else list(v) for v in items], people.index)  # type: ignore[arg-type]
            cols[col] = values.astype(LIST_OF_TEXT)
        else:
            cols[col] = (values if values is not None else pd.Series(0, index=people.index)).fillna(0).astype("int64")
    out = pd.DataFrame(cols, index=pd.Index(people.index.astype("str"), name="person"))
    return out


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _typed_introductions(intros: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "owner": intros["owner"].astype("str"),
            "introducer": intros["introducer"].astype("str"),
            "person": intros["person"].astype("str"),
            "date": intros["date"].astype("datetime64[ns]"),
            "count": intros["count"].astype("int64"),
        }
    )
    if len(out) > 1:
        table = pa.Table.from_pandas(out, preserve_index=False)
        keys = [(c, "ascending", "at_end") for c in ("owner", "person", "date", "introducer")]
        order = pc.sort_indices(table, sort_keys=keys).to_numpy()
        out = out.iloc[order]
    return out.reset_index(drop=True)


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
    people, intros = _tables_from_log(log)
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
            if col in _LISTS:
                columns[col] = [v if v else None for v in values.tolist()]
            elif col in _DATES:
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
    >>> people, intros = graph_to_tables(graph_from_log(log))
    >>> people.equals(people_table(log)) and intros.equals(introductions_table(log))
    True
    """
    nodes = list(G.nodes(data=True))
    people = pd.DataFrame(
        {col: [d.get(col) for _, d in nodes] for col in PEOPLE_COLUMNS},
        index=pd.Index([n for n, _ in nodes], name="person", dtype="str"),
    )
    for col in _LISTS:
        people[col] = text_lists([list(v) if v else [] for v in people[col]], people.index)
    people = _typed_people(people)
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
    return people, _typed_introductions(frame)


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
