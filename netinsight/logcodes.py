"""The log as integer codes: one code per person, by ``contact_id`` or by owner and name key.

`code_log` keys every distinct name and id once (never per row), then gives each row's
contact and introducer a person code with integer passes (dense pair codes, scatters and
bincounts, no per-row strings, no hash lookups of strings); node ids stay codes until
`CodedLog.node_ids` joins them (`netinsight.personids`). Used by `netinsight.people` and
`netinsight.peoplecodes`. Limits: the date order of the rows is stable, missing dates last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from netinsight.memo import bare, freeze, kept
from netinsight.names import CONTACT_KEYS, distinct_id_key_array, name_key
from netinsight.pairs import first_codes, grouped, sorted_first_codes
from netinsight.personids import id_parts, join_ids
from netinsight.tables import text_series
from netinsight.textcodes import TextCodes, encode_texts, large_text, start_encode_texts
from netinsight.threads import Background, in_background

__all__ = [
    "CodedLog",
    "code_log",
    "column_codes",
    "date_order",
    "merge_codes",
    "stable_order",
    "start_column_codes",
]

IntArray = npt.NDArray[np.int64]
_LAST: Final = np.iinfo(np.int64).max


@dataclass(frozen=True)
class CodedLog:
    """A log's people as integers: one code per person, built without per-row strings."""

    rows: IntArray  # positions in the log of the rows with a contact
    owner: IntArray  # owner code of each kept row
    owner_names: npt.NDArray[np.object_]
    owner_text: pa.Array  # `owner_names` as Arrow text (``large_string``)
    person: IntArray  # person code of each kept row
    introducer: IntArray  # person code of each kept row's introducer, -1 when reached directly
    introduced_only: npt.NDArray[np.bool_]  # per person code: only named as an introducer, never interviewed
    n_people: int  # the number of person codes
    id_parts: Background[tuple[IntArray, IntArray, pa.Array, pa.Array]]  # the node ids' parts, joined on a thread
    by_date: IntArray  # positions in `rows` in date order (stable, missing dates last)
    rank: IntArray  # each kept row's place in `by_date`
    stamp: IntArray  # each kept row's date in nanoseconds, missing dates as the largest int64
    contact_name: TextCodes  # the log's contact names as codes (one per log row)
    intro_name: TextCodes  # the log's introducer names as codes (one per log row)

    @property
    def id_head(self) -> IntArray:
        """Each person code's node id: a head (in `id_heads`) and a tail (in `id_tails`)."""
        return self.id_parts.result()[0]

    @property
    def id_tail(self) -> IntArray:
        """Each person code's tail of its node id (in `id_tails`)."""
        return self.id_parts.result()[1]

    @property
    def id_heads(self) -> pa.Array:
        """The heads of node ids: ``id:``, ``owner:``, then each owner and ``/``."""
        return self.id_parts.result()[2]

    @property
    def id_tails(self) -> pa.Array:
        """The tails of node ids: the id keys, the name keys, then the owners."""
        return self.id_parts.result()[3]

    @property
    def ids(self) -> pa.Array:
        """The node id of each person code (``large_string``)."""
        return self.node_ids(np.arange(self.n_people), np.zeros(0, dtype=np.int64))

    def node_ids(self, persons: IntArray, roots: IntArray) -> pa.Array:
        """The node ids of owners' roots (`roots`: owner codes), then of `persons` (person codes), in one join.

        A person is ``id:`` and their id key, or their owner, ``/`` and their name key; a
        root is ``owner:`` and the owner.
        """
        head = np.concatenate([np.ones(len(roots), dtype=np.int64), self.id_head[persons]])
        tail = np.concatenate([len(self.id_tails) - len(self.owner_names) + roots, self.id_tail[persons]])
        return join_ids(self.id_heads, head, self.id_tails, tail)


def _factorize(values: pd.Series[Any]) -> tuple[IntArray, npt.NDArray[np.object_]]:
    """Codes (in order of first appearance, -1 missing) and the distinct values as text; categories kept."""
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(pd.Index(uniques).astype("str"), dtype=object)


def column_codes(log: pd.DataFrame, columns: Sequence[str]) -> list[TextCodes]:
    """The dictionary codes of text columns of a log: those kept for it (`netinsight.memo`), else encoded.

    `netinsight.read_log` (contact ids) and `netinsight.validate_log` (contacts, introducers,
    companies) may hand over codes they made (as `encode_text` gives them: distinct values,
    missing as -1; see `netinsight.textcodes.present_codes`); the others are encoded together
    (`netinsight.textcodes.encode_texts`: large ones side by side on threads) and not kept
    (each is needed once, and a million codes take 8 MB).

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"] * 3, "contact": ["Ana", "", "Ana"]}))
    >>> [(t.codes.tolist(), t.values.to_pylist()) for t in column_codes(log, ["contact"])]
    [([0, -1, 0], ['Ana'])]
    """
    return start_column_codes(log, columns, later=False)()


def start_column_codes(
    log: pd.DataFrame, columns: Sequence[str], *, later: bool = True
) -> Callable[[], list[TextCodes]]:
    """`column_codes`, the encoding of large columns started on a thread now; call the result to collect it.

    This thread may go on with other work meanwhile; the log must not change until then.

    Examples
    --------
    >>> from netinsight import read_log
    >>> collect = start_column_codes(read_log(pd.DataFrame({"date": ["2026-01-05"], "role": ["Analyst"]})), ["role"])
    >>> [t.values.to_pylist() for t in collect()]
    [['Analyst']]
    """
    found: list[TextCodes | None] = [kept(log, f"text:{column}") for column in columns]
    frame = bare(log)
    todo = [frame[column] for column, text in zip(columns, found, strict=True) if text is None]
    encoding = start_encode_texts(todo) if later else lambda: encode_texts(todo)

    def collect() -> list[TextCodes]:
        encoded = iter(encoding())
        return [text if text is not None else next(encoded) for text in found]

    return collect


def merge_codes(parts: Sequence[TextCodes]) -> tuple[list[IntArray], pa.Array]:
    """Encoded columns (`netinsight.textcodes.encode_texts`) recoded into one shared array of distinct values.

    Codes are -1 for missing values; the few distinct values of the columns are merged, the
    columns themselves are not concatenated.

    Examples
    --------
    >>> codes, values = merge_codes(encode_texts([pd.Series(["a", "b", None]), pd.Series(["b", "c"])]))
    >>> [c.tolist() for c in codes], values.to_pylist()
    ([[0, 1, -1], [1, 2]], ['a', 'b', 'c'])
    """
    if len(parts) == 1:  # the distinct values of one column need no merge
        return [parts[0].codes], parts[0].values
    merged = pa.concat_arrays([large_text(part.values) for part in parts])
    at, values = pd.factorize(text_series(merged))
    codes = []
    start = 0
    for part in parts:
        remap = np.append(at[start : start + len(part.values)], -1).astype(np.int64)
        codes.append(remap[part.codes])
        start += len(part.values)
    return codes, large_text(values)


def date_order(dates: npt.NDArray[np.datetime64]) -> IntArray:
    """Positions in stable date order, missing dates last (as ``numpy.argsort(kind="stable")``).

    Dates are ranked once and the ranks sorted by radix when there are few distinct dates.

    Examples
    --------
    >>> date_order(np.array(["2026-01-02", "NaT", "2026-01-01", "2026-01-02"], dtype="datetime64[ns]")).tolist()
    [2, 0, 3, 1]
    """
    return stable_order(_stamps(dates))


def _stamps(dates: npt.NDArray[np.datetime64]) -> IntArray:
    """Dates as nanoseconds, missing dates as the largest int64 (a new array)."""
    ns = dates.astype("datetime64[ns]", copy=False)
    return np.where(np.isnat(ns), _LAST, ns.view(np.int64))


def _id_parts(
    person_key: IntArray,
    n_ids: int,
    id_keys: pa.Array,
    pair_values: IntArray,
    n_keys: int,
    owners: pa.Array,
    keys: pa.Array,
) -> tuple[IntArray, IntArray, pa.Array, pa.Array]:
    """`netinsight.personids.id_parts`, its codes made read-only (NumPy and Arrow only: safe on a thread)."""
    head, tail, heads, tails = id_parts(person_key, n_ids, id_keys, pair_values, n_keys, owners, keys)
    freeze(head, tail)
    return head, tail, heads, tails


def _kept_order(order: IntArray, keep: IntArray, n: int) -> IntArray:
    """The stable `order` of `n` rows restricted to the rows `keep` (increasing), as positions in `keep`.

    The stable order of a subset is the stable order of all rows with the others left out.
    """
    position = np.full(n, -1, dtype=np.int64)
    position[keep] = np.arange(len(keep))
    at = position[order]
    kept: IntArray = at[at >= 0]
    return kept


def stable_order(key: IntArray) -> IntArray:
    """Positions in stable order of integer keys (as ``numpy.argsort(kind="stable")``).

    Keys are ranked once; when there are at most 65,536 distinct keys the ranks are sorted
    by radix, which beats a merge sort on a million rows. Keys that already are small codes
    (from 0 to 65,535) are sorted by radix as they are.

    Examples
    --------
    >>> stable_order(np.array([3, 1, 3, 2])).tolist()
    [1, 3, 0, 2]
    """
    if len(key) and int(key.min()) >= 0 and int(key.max()) < 1 << 16:
        return np.argsort(key.astype(np.uint16), kind="stable").astype(np.int64, copy=False)
    rank, distinct = pd.factorize(key, sort=True)
    if len(distinct) <= 1 << 16:
        return np.argsort(rank.astype(np.uint16), kind="stable").astype(np.int64, copy=False)
    return np.argsort(key, kind="stable").astype(np.int64, copy=False)


def code_log(log: pd.DataFrame) -> CodedLog:
    """Person codes of a log's rows and introducers (see `netinsight.people.person_ids`).

    Not kept: `netinsight.people.log_network` keeps what the analyses need of it.

    A person is their id key where the row has one (or where the owner met exactly one
    person of that name with an id), else the owner and the name key. An introducer is
    the owner's contact of that name met first, else a person of that name.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana Ruiz", "Ben Okafor"],
    ...                              "introduced_by": ["", "ana ruiz"]}))
    >>> coded = code_log(log)
    >>> coded.person.tolist(), coded.introducer.tolist(), coded.ids.to_pylist()
    ([0, 1], [-1, 0], ['me/ana ruiz', 'me/ben okafor'])
    """
    log = bare(log)
    n = len(log)
    # every row's date order (NumPy) on a thread while the people are coded; kept rows are picked from it
    stamps = _stamps(log["date"].to_numpy(dtype="datetime64[ns]"))
    dates_in_order = in_background(lambda: stable_order(stamps), rows=n)
    owner, owner_names = _factorize(log["owner"])
    contact_text, intro_text, id_text = column_codes(log, ["contact", "introduced_by", "contact_id"])
    (contact_name, intro_name), names = merge_codes([contact_text, intro_text])
    handed = kept(log, CONTACT_KEYS)
    if handed is not None:  # validate_log keyed these names: the same keys, numbered in the same order
        (contact_key, intro_key), key_values = handed
        keys = pa.array(key_values, type=pa.large_string())
    else:
        key_of_name, keys_index = pd.factorize(name_key(text_series(names)))
        keys = large_text(keys_index)
        key_of_name = np.append(key_of_name, -1).astype(np.int64)
        contact_key, intro_key = key_of_name[contact_name], key_of_name[intro_name]
    id_codes, id_values = id_text.codes, id_text.values
    # read_log hands the ids over only when each is written as its own key (`logcolumns.id_codes`)
    id_keys = id_values if kept(log, "text:contact_id") is not None else distinct_id_key_array(id_values)
    if id_keys is id_values:  # every id is its own key: the distinct ids are the distinct keys
        id_of_value = np.arange(len(id_values), dtype=np.int64)
    else:
        id_of_value, id_keys_index = pd.factorize(text_series(id_keys))
        id_keys = large_text(id_keys_index)
    ident = np.append(id_of_value, -1).astype(np.int64)[id_codes]
    n_ids, n_keys = len(id_keys), max(len(keys), 1)
    # dense codes of (owner, name key): the contacts' pairs first, then pairs only introducers have
    has_key, has_intro = contact_key >= 0, intro_key >= 0
    packed = np.concatenate(
        [owner[has_key] * n_keys + contact_key[has_key], owner[has_intro] * n_keys + intro_key[has_intro]]
    )
    if grouped(owner):  # a log written owner by owner: the packed keys come in sorted runs
        pair_codes, pair_values = sorted_first_codes(packed)
    else:
        pair_codes, pair_values = pd.factorize(packed)
        pair_values = np.asarray(pair_values, dtype=np.int64)
    n_contact_pairs = int(pair_codes[: int(has_key.sum())].max()) + 1 if has_key.any() else 0
    pair = np.full(n, -1, dtype=np.int64)
    pair[has_key] = pair_codes[: int(has_key.sum())]
    intro_pair = np.full(n, -1, dtype=np.int64)
    intro_pair[has_intro] = pair_codes[int(has_key.sum()) :]
    # a row without an id takes the id of the owner's only person of that name with one
    without_id = np.zeros(n_contact_pairs, dtype=bool)
    without_id[pair[has_key & (ident < 0)]] = True
    with_id = (ident >= 0) & has_key
    with_id[with_id] = without_id[pair[with_id]]  # only names written both with and without an id matter
    if with_id.any():
        both = pd.unique(pair[with_id] * n_ids + ident[with_id])
        n_distinct = np.bincount(both // n_ids, minlength=n_contact_pairs)
        only_id = np.full(n_contact_pairs, -1, dtype=np.int64)
        only_id[both // n_ids] = both % n_ids
        only_id[n_distinct != 1] = -1
        adopted = np.where(has_key, only_id[np.maximum(pair, 0)], -1)
        ident = np.where((ident < 0) & (adopted >= 0), adopted, ident)
    keep = np.flatnonzero(log["contact"].notna().to_numpy() & (has_key | (ident >= 0)))
    every_row = len(keep) == n  # the usual log: no copies of whole columns to keep them all

    def kept_rows(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return values if every_row else values[keep]

    person_key = kept_rows(np.where(ident >= 0, ident, n_ids + pair))
    stamp = kept_rows(stamps)
    by_date = dates_in_order.result() if every_row else _kept_order(dates_in_order.result(), keep, n)
    # introducers: the owner's contact of that name met first, else a person of that name
    rank = np.empty(len(keep), dtype=np.int64)
    rank[by_date] = np.arange(len(keep))
    named = np.flatnonzero(kept_rows(has_key))
    first_rank = np.full(n_contact_pairs, len(keep), dtype=np.int64)
    np.minimum.at(first_rank, kept_rows(pair)[named], rank[named])
    first_person = np.full(n_contact_pairs + 1, -1, dtype=np.int64)
    first_person[:n_contact_pairs] = (
        person_key[by_date[np.minimum(first_rank, max(len(keep) - 1, 0))]] if len(keep) else -1
    )
    ip = kept_rows(intro_pair)
    met = (ip >= 0) & (ip < n_contact_pairs)
    intro_person = np.where(met, first_person[np.where(met, ip, n_contact_pairs)], n_ids + ip)
    intro_person = np.where(ip >= 0, intro_person, -1)
    codes, uniques = first_codes(
        np.concatenate([person_key, intro_person[intro_person >= 0]]), n_ids + len(pair_values)
    )
    person = codes[: len(keep)]
    introducer = np.full(len(keep), -1, dtype=np.int64)
    introducer[intro_person >= 0] = codes[len(keep) :]
    owners = large_text(owner_names)  # pandas: on this thread; the parts of the node ids (NumPy, Arrow) on another
    parts = in_background(lambda: _id_parts(uniques, n_ids, id_keys, pair_values, n_keys, owners, keys), rows=n)
    owner_names = np.asarray(owner_names, dtype=object)
    keep = keep.astype(np.int64)
    owner = kept_rows(owner)
    freeze(keep, owner, owner_names, person, introducer, by_date, rank, stamp, contact_name, intro_name)
    return CodedLog(
        rows=keep,
        owner=owner,
        owner_names=owner_names,
        owner_text=owners,
        person=person,
        introducer=introducer,
        introduced_only=uniques >= n_ids + n_contact_pairs,  # a name pair no contact row has
        n_people=len(uniques),
        id_parts=parts,
        by_date=by_date,
        rank=rank,
        stamp=stamp,
        contact_name=TextCodes(contact_name, names),
        intro_name=TextCodes(intro_name, names),
    )
