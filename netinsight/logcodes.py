"""The log as integer codes, and the people table built from those codes.

`code_log` gives every person of a log one integer (by ``contact_id``, else owner and
name key) without per-row strings; `people_from_codes` reduces the log's rows to one row
per person with sorted reductions (no groupby). Used by `netinsight.people`.
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
    arrow_text,
    text_series,
    typed_people,
)

__all__ = ["CodedLog", "bare_log", "code_log", "people_from_codes"]

IntArray = npt.NDArray[np.int64]
_LAST = np.iinfo(np.int64).max


@dataclass(frozen=True)
class CodedLog:
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


def bare_log(log: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy without ``attrs`` (the log's problems table would be compared by every concat)."""
    out = log.copy(deep=False)
    out.attrs = {}
    return out


def _factorize(values: pd.Series[Any]) -> tuple[IntArray, npt.NDArray[np.object_]]:
    """Codes (in order of first appearance, -1 missing) and the distinct values as text; categories kept."""
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(pd.Index(uniques).astype("str"), dtype=object)


def code_log(log: pd.DataFrame) -> CodedLog:
    """Person codes of a log's rows and introducers (see `netinsight.people.person_ids`).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "introduced_by": ["", "ana ruiz"]}))
    >>> coded = code_log(log)
    >>> coded.person.tolist(), coded.introducer.tolist(), coded.ids.to_pylist()
    ([0, 1], [-1, 0], ['me/ana ruiz', 'me/ben okafor'])
    """
    log = bare_log(log)
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
    return CodedLog(
        rows=keep.astype(np.int64),
        owner=owner64[keep],
        owner_names=np.asarray(owner_names, dtype=object),
        person=person,
        introducer=introducer,
        ids=ids,
    )


def people_from_codes(
    log: pd.DataFrame,
    coded: CodedLog,
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


def _outcomes_by_position(
    log: pd.DataFrame, coded: CodedLog, position: IntArray, index: pd.Index[Any]
) -> pd.Series[Any]:
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
