"""People in a log: person ids, and the log as people and introductions tables, on integer codes.

A person is identified by ``contact_id`` where given (the same across owners), else by the
owner and a normalised name (`netinsight.names.name_key`); introducers are matched to the
owner's contacts by name. The log is coded once (owners and people as integers, no per-row
strings) and both tables are built from the codes; the analyses keep the codes
(`coded_tables_from_log`). Limits: a person written as their own introducer gets no edge
(`netinsight.validate_log` reports it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.names import id_key, name_key
from netinsight.normalize import list_column
from netinsight.tables import (
    ROOT_PREFIX,
    CodedIntroductions,
    arrow_text,
    introductions_frame,
    text_series,
    typed_people,
)

__all__ = ["coded_tables_from_log", "introductions_table", "people_table", "person_ids", "tables_from_log"]

IntArray = npt.NDArray[np.int64]
_LAST = np.iinfo(np.int64).max


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


def tables_from_log(log: pd.DataFrame, *, connections: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    people, coded = coded_tables_from_log(log)
    intros = introductions_frame(people, coded)
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


def _factorize(values: pd.Series[Any]) -> tuple[IntArray, npt.NDArray[np.object_]]:
    """Codes (in order of first appearance, -1 missing) and the distinct values as text; categories kept."""
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(pd.Index(uniques).astype("str"), dtype=object)


def _code_log(log: pd.DataFrame) -> _Coded:
    """Person codes of a log's rows and introducers (see `person_ids`)."""
    log = _bare(log)
    n = len(log)
    owner_codes, owner_names = _factorize(log["owner"])
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
        if (int(pair.max()) + 1) * n_ids < 2**62:  # distinct (pair, id) as one integer each
            both = pd.unique(pair[with_id] * n_ids + ident[with_id])
            known_pair, known_id = both // n_ids, both % n_ids
        else:
            known = pd.DataFrame({"pair": pair[with_id], "id": ident[with_id]}).drop_duplicates()
            known_pair, known_id = known["pair"].to_numpy(), known["id"].to_numpy()
        single = ~pd.Series(known_pair).duplicated(keep=False).to_numpy()
        found = pd.Index(known_pair[single]).get_indexer(pair)
        adopt = (ident < 0) & (contact_key >= 0) & (found >= 0)
        ident = np.where(adopt, known_id[single][np.maximum(found, 0)], ident)
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
    out = text_series(coded.ids.take(pa.array(at, pa.int64(), mask=at < 0)))
    out.index = log.index
    return out.rename("person")


def coded_tables_from_log(log: pd.DataFrame) -> tuple[pd.DataFrame, CodedIntroductions]:
    """The people table and the introductions as positions in it, in one pass over the log's codes.

    `introductions_table` is ``netinsight.tables.introductions_frame`` of these; the
    analyses compute on the codes without building it.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.

    Returns
    -------
    people : pandas.DataFrame
        As `people_table`.
    introductions : netinsight.tables.CodedIntroductions

    Examples
    --------
    >>> import pandas as pd
    >>> from netinsight import read_log
    >>> people, coded = coded_tables_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]})))
    >>> people.index[coded.introducer].tolist(), people.index[coded.person].tolist()
    (['owner:me'], ['me/ana'])
    """
    log = _bare(log)
    coded = _code_log(log)
    rows, owner, person, introducer = coded.rows, coded.owner, coded.person, coded.introducer
    n_people = len(coded.ids)
    keep = introducer != person  # self-introductions get no edge (validate_log reports them)
    date = log["date"].to_numpy(dtype="datetime64[ns]")[rows]
    stamp = date.view(np.int64).copy()
    stamp[np.isnat(date)] = _LAST
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
    named = np.sort(pd.unique(g_owner[g_src >= 0] * n_people + g_src[g_src >= 0]))
    unmet = named[~pd.Index(named).isin(met)]
    u_owner, u_person = unmet // max(n_people, 1), unmet % max(n_people, 1)
    people, position, root_row = _people_from_codes(log, coded, g_owner, g_dst, g_stamp, u_owner, u_person)
    all_owner = np.concatenate([g_owner, u_owner])
    all_src = np.concatenate([g_src, np.full(len(unmet), -1)])
    all_stamp = np.concatenate([g_stamp, np.full(len(unmet), _LAST)])
    date_out = all_stamp.view("datetime64[ns]").copy()
    date_out[all_stamp == _LAST] = np.datetime64("NaT")
    intros = CodedIntroductions(
        owner=all_owner,
        owners=coded.owner_names,
        introducer=np.where(all_src >= 0, position[np.maximum(all_src, 0)], root_row[all_owner]),
        person=position[np.concatenate([g_dst, u_person])],
        date=date_out,
        count=np.concatenate([counts, np.zeros(len(unmet), dtype=np.int64)]),
    )
    return people, intros


def _people_from_codes(
    log: pd.DataFrame,
    coded: _Coded,
    g_owner: IntArray,
    g_dst: IntArray,
    g_stamp: IntArray,
    u_owner: IntArray,
    u_person: IntArray,
) -> tuple[pd.DataFrame, IntArray, IntArray]:
    """The people table, the row of each person code in it, and the row of each owner's root."""
    rows, person = coded.rows, coded.person
    n_people = len(coded.ids)
    owner_names = coded.owner_names
    log_dates = log["date"].to_numpy(dtype="datetime64[ns]")
    order = np.argsort(log_dates[rows], kind="stable")  # NaT last
    at = rows[order]
    who = person[order]
    # rows of each person together, in date order: first / last (non-missing) by reduceat
    by_person = np.argsort(who, kind="stable")
    sorted_who = who[by_person]
    starts = np.flatnonzero(np.r_[True, sorted_who[1:] != sorted_who[:-1]]) if len(who) else np.zeros(0, np.int64)
    c_person = sorted_who[starts]
    c_first = by_person[starts]  # position in date order of each person's first row
    n_rows = len(who)
    sizes = np.diff(np.append(starts, n_rows)).astype(np.int64)

    def last_valid(valid: npt.NDArray[np.bool_]) -> IntArray:
        """The log row of each person's last row where `valid` (in date order), -1 if none."""
        if not len(starts):
            return np.zeros(0, dtype=np.int64)
        marked = np.where(valid[by_person], np.arange(n_rows), -1)
        last = np.maximum.reduceat(marked, starts)
        return np.where(last >= 0, at[by_person[np.maximum(last, 0)]], -1).astype(np.int64)

    dates = log_dates[at]
    first_date = dates[c_first]
    last_row = last_valid(~np.isnat(dates))
    last_date = np.where(last_row >= 0, log_dates[np.maximum(last_row, 0)], np.datetime64("NaT"))
    # introducers never interviewed: name as first written, their owner
    c_mask = np.zeros(n_people, dtype=bool)
    c_mask[c_person] = True
    u_keep = ~c_mask[u_person]
    k_person, k_owner = u_person[u_keep], u_owner[u_keep]
    intro_sorted = coded.introducer[order]
    named = np.flatnonzero(intro_sorted >= 0)
    written, first_at = np.unique(intro_sorted[named], return_index=True)
    u_name_row = at[named[first_at[np.searchsorted(written, k_person)]]] if len(k_person) else np.zeros(0, np.int64)
    # the body: contacts then unmet introducers, sorted by owner and first interview (missing last)
    root_order = np.argsort(owner_names.astype(str), kind="stable")
    owner_rank = np.empty(len(root_order), dtype=np.int64)
    owner_rank[root_order] = np.arange(len(root_order))
    n_c, n_u = len(c_person), len(k_person)
    b_owner = np.concatenate([coded.owner[order][c_first], k_owner]).astype(np.int64)
    b_first = np.concatenate([first_date, np.full(n_u, np.datetime64("NaT"), dtype="datetime64[ns]")])
    b_stamp = b_first.view(np.int64).copy()
    b_stamp[np.isnat(b_first)] = _LAST
    body = np.lexsort((b_stamp, owner_rank[b_owner]))
    b_person = np.concatenate([c_person, k_person])[body]
    is_contact = body < n_c
    n_roots = len(root_order)
    none = np.full(n_roots, -1, dtype=np.int64)

    def text(column: str, body_rows: IntArray) -> pa.Array:
        """Column values at log rows (roots first, -1 missing)."""
        return _text_take(log[column], np.concatenate([none, body_rows]))

    first_row = at[c_first]
    contact_rows = np.concatenate([first_row, np.full(n_u, -1, dtype=np.int64)])[body]
    intro_rows = np.concatenate([np.full(n_c, -1, dtype=np.int64), u_name_row])[body]
    owners_text = pa.array(owner_names.tolist(), pa.string())
    root_names = owners_text.take(pa.array(root_order))
    name = pc.coalesce(
        pa.concat_arrays([root_names, _text_take(log["contact"], contact_rows)]),
        text("introduced_by", intro_rows),
    )
    cols: dict[str, Any] = {
        "name": name,
        "kind": pa.array(["owner", "contact", "introducer"], pa.string()).take(
            pa.array(np.concatenate([np.zeros(n_roots, np.int64), np.where(is_contact, 1, 2)]))
        ),
        "owner": owners_text.take(pa.array(np.concatenate([root_order, b_owner[body]]))),
    }
    for col in ("company", "role", "industry", "sector"):
        valid = log[col].notna().to_numpy()[at]
        cols[col] = text(col, np.concatenate([last_valid(valid), np.full(n_u, -1, dtype=np.int64)])[body])
    nat = np.full(n_roots + n_u, np.datetime64("NaT"), dtype="datetime64[ns]")
    first_all = np.concatenate([nat[:n_roots], b_first[body]])
    last_all = np.concatenate([nat[:n_roots], np.concatenate([last_date, nat[:n_u]])[body]])
    interviews = np.concatenate([np.zeros(n_roots, np.int64), np.concatenate([sizes, np.zeros(n_u, np.int64)])[body]])
    index = pa.concat_arrays(
        [pa.array([ROOT_PREFIX + o for o in owner_names[root_order]], pa.string()), coded.ids.take(pa.array(b_person))]
    )
    people_index = pd.Index(text_series(index), name="person")
    frame: dict[str, Any] = {col: text_series(values).array for col, values in cols.items()}
    frame["first_interview"] = first_all
    frame["last_interview"] = last_all
    frame["interviews"] = interviews
    people = pd.DataFrame(frame, index=people_index)
    position = np.full(n_people, -1, dtype=np.int64)
    position[b_person] = np.arange(n_roots, n_roots + len(b_person))
    # owners of each person, first first: from their introductions
    # owners of each person, first first: from their introductions (by date, then owner)
    p_person = np.concatenate([g_dst, u_person]).astype(np.int64)
    p_owner = np.concatenate([g_owner, u_owner]).astype(np.int64)
    p_stamp = np.concatenate([g_stamp, np.full(len(u_person), _LAST)])
    by_date = np.lexsort((p_owner, p_stamp))
    pair_key = p_person[by_date] * max(len(owner_names), 1) + p_owner[by_date]
    by_date = by_date[~pd.Series(pair_key).duplicated().to_numpy()]
    pos = np.concatenate([np.arange(n_roots), position[p_person[by_date]]])
    owner_code = np.concatenate([root_order, p_owner[by_date]])
    listed = pos >= 0
    pos, owner_code = pos[listed], owner_code[listed]
    by_pos = np.argsort(pos, kind="stable")
    people["owners"] = _list_series(pos[by_pos], owners_text.take(pa.array(owner_code[by_pos])), people.index)
    people["outcomes"] = _outcomes_by_position(log, coded, position, people.index)
    out = typed_people(people)
    out.attrs["source"] = "; ".join(sorted(_distinct_text(log["source_file"]))) if "source_file" in log else ""
    root_row = np.empty(len(root_order), dtype=np.int64)
    root_row[root_order] = np.arange(len(root_order))
    return out, position, root_row


def _text_take(column: pd.Series[Any], rows: IntArray) -> pa.Array:
    """The text of a log column at `rows` (-1 gives missing), with one Arrow take."""
    missing = rows < 0
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.int64)[np.maximum(rows, 0)]
        missing = missing | (codes < 0)
        values: pa.Array | pa.ChunkedArray = arrow_text(pd.Index(column.cat.categories).astype("str"))
        rows = codes
    else:
        values = pa.array(column.astype("str").array)
    out = pc.take(values, pa.array(np.where(missing, 0, rows).astype(np.int64), pa.int64(), mask=missing))
    if isinstance(out, pa.ChunkedArray):
        out = out.combine_chunks()
    return out.cast(pa.string())


def _decode(codes: pd.Series[Any], values: npt.NDArray[np.object_]) -> pd.Series[Any]:
    """Codes (float, NaN missing) back to their text."""
    c = codes.to_numpy(dtype=np.float64)
    missing = np.isnan(c)
    at = pa.array(np.where(missing, 0, c).astype(np.int64), pa.int64(), mask=missing)
    out = text_series(pa.array(values.tolist(), pa.string()).take(at))
    out.index = codes.index
    return out


def _distinct_text(column: pd.Series[Any]) -> list[str]:
    """The distinct non-missing values of a column as text (a categorical's used categories)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        used = np.unique(codes[codes >= 0])
        return [str(v) for v in pd.Index(column.cat.categories[used]).astype("str").unique()]
    return [str(v) for v in column.dropna().astype("str").unique()]


def _list_series(pos: IntArray, values: npt.NDArray[Any] | pa.Array, index: pd.Index[Any]) -> pd.Series[Any]:
    """A list column over `index` from flat values and their (ascending) positions."""
    flat = values if isinstance(values, pa.Array) else pa.array(values, pa.string())
    out = list_column(pos.astype(np.int64), flat, len(index))
    out.index = index
    return out


def _outcomes_by_position(log: pd.DataFrame, coded: _Coded, position: IntArray, index: pd.Index[Any]) -> pd.Series[Any]:
    """Every distinct outcome of each person's interviews, sorted."""
    array = pa.chunked_array(log["outcome"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    parents = pc.list_parent_indices(array).to_numpy().astype(np.int64)
    flat = pc.list_flatten(array).to_numpy(zero_copy_only=False)
    row_person = np.full(len(log), -1, dtype=np.int64)
    row_person[coded.rows] = position[coded.person]
    pos = row_person[parents]
    if pd.isna(flat).any():
        pairs = pd.DataFrame({"pos": pos, "outcome": flat})
        pairs = pairs[pairs["pos"] >= 0].drop_duplicates().sort_values(["pos", "outcome"], kind="stable")
        return _list_series(pairs["pos"].to_numpy(), pairs["outcome"].to_numpy(dtype=object), index)
    # distinct (position, outcome) pairs sorted by position and text, on integer codes
    codes, uniques = pd.factorize(flat, sort=True)
    n_codes = max(len(uniques), 1)
    key = np.unique(pos[pos >= 0].astype(np.int64) * n_codes + codes[pos >= 0])
    values = pa.array(np.asarray(uniques, dtype=object).tolist(), pa.string()).take(pa.array(key % n_codes))
    return _list_series(key // n_codes, values, index)
