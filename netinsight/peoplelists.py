"""List columns of the people table: each person's owners and outcomes, placed without sorting.

A list column is built from flat values and the row and place of each (`list_positions`):
offsets from a bincount, one scatter, one take. `owner_lists` sorts only the people with
several owners; `outcome_lists` works on integer codes of the distinct outcomes. Used by
`netinsight.peoplecodes`. Limits: lists hold text (Arrow ``list<string>``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.threads import in_background

__all__ = ["list_positions", "outcome_lists", "owner_lists", "start_outcome_lists"]

IntArray = npt.NDArray[np.int64]


def list_positions(pos: IntArray, rank: IntArray, values: pa.Array, n: int) -> pd.Series[Any]:
    """A list column of `n` rows: value ``k`` goes to row ``pos[k]`` at place ``rank[k]`` in its list.

    Places within a row must be ``0, 1, ...``; no sort is needed.

    Examples
    --------
    >>> list_positions(np.array([2, 0, 2]), np.array([1, 0, 0]), pa.array(["b", "a", "c"]), 3).tolist()
    [['a'], [], ['c', 'b']]
    """
    counts = np.bincount(pos, minlength=n) if len(pos) else np.zeros(n, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    slot = np.empty(len(pos), dtype=np.int64)
    slot[offsets[pos] + rank] = np.arange(len(pos))
    return _list_series(offsets, values.take(pa.array(slot)))


def _list_series(offsets: IntArray, values: pa.Array) -> pd.Series[Any]:
    """A list-of-text Series from list offsets and the flat values."""
    array = pa.ListArray.from_arrays(pa.array(offsets.astype(np.int32)), values.cast(pa.string()))
    return pd.Series(pd.arrays.ArrowExtensionArray(array))


def owner_lists(
    people_position: IntArray,
    roots: IntArray,
    person: IntArray,
    owner: IntArray,
    stamp: IntArray,
    owners_text: pa.Array,
    n: int,
) -> pd.Series[Any]:
    """Each row's owners: roots their own owner, people the owners who met or were introduced to them, first first.

    `people_position` is each person's row, `roots` the owner of each root row; `person`,
    `owner`, `stamp` list the introductions. Most people have one owner (the smallest and
    largest owner code agree); only the others are sorted, by earliest introduction and
    then owner code.

    Examples
    --------
    >>> owner_lists(np.array([1, 2]), np.array([0]), np.array([0, 1, 1]), np.array([0, 1, 0]),
    ...             np.array([5, 9, 7]), pa.array(["me", "you"]), 3).tolist()
    [['me'], ['me'], ['me', 'you']]
    """
    n_people = len(people_position)
    low = np.full(n_people, np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(n_people, -1, dtype=np.int64)
    np.minimum.at(low, person, owner)
    np.maximum.at(high, person, owner)
    single = np.flatnonzero((high >= 0) & (low == high))
    several = low[person] != high[person]
    m_person, m_owner, m_stamp = person[several], owner[several], stamp[several]
    o = np.lexsort((m_owner, m_stamp, m_person))
    m_person, m_owner = m_person[o], m_owner[o]
    width = int(owner.max()) + 1 if len(owner) else 1
    keep = ~pd.Series(m_person * width + m_owner).duplicated().to_numpy()
    m_person, m_owner = m_person[keep], m_owner[keep]
    m_rank = np.arange(len(m_person)) - np.searchsorted(m_person, m_person)
    pos = np.concatenate([np.arange(len(roots)), people_position[single], people_position[m_person]])
    owner_code = np.concatenate([roots, low[single], m_owner])
    place = np.concatenate([np.zeros(len(roots) + len(single), dtype=np.int64), m_rank])
    listed = pos >= 0
    return list_positions(pos[listed], place[listed], owners_text.take(pa.array(owner_code[listed])), n)


def outcome_lists(log: pd.DataFrame, row_position: IntArray, n: int) -> pd.Series[Any]:
    """Every distinct outcome of each row's interviews, sorted; `row_position` is each log row's row, -1 none.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-06"], "contact": ["A", "A"],
    ...                              "outcome": ["referral", "job lead; referral"]}))
    >>> outcome_lists(log, np.array([1, 1]), 2).tolist()
    [[], ['job_lead', 'referral']]
    """
    return start_outcome_lists(log, row_position, n, later=False)()


def start_outcome_lists(
    log: pd.DataFrame, row_position: IntArray, n: int, *, later: bool = True
) -> Callable[[], pd.Series[Any]]:
    """`outcome_lists`, its Arrow and NumPy work started on a thread now; call the result to collect the column.

    This thread may go on with other work meanwhile (the people's text columns); the log must not
    change until then.

    Examples
    --------
    >>> from netinsight import read_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"], "outcome": ["mentor"]}))
    >>> start_outcome_lists(log, np.array([0]), 1)().tolist()
    [['mentorship']]
    """
    array = pa.chunked_array(log["outcome"].array._pa_array).combine_chunks()  # type: ignore[attr-defined]
    if pc.list_flatten(array).null_count:  # a missing value inside a list (not from read_log): pandas, here
        done = _outcome_lists_with_nulls(array, row_position, n)
        return lambda: done
    lists = in_background(lambda: _outcome_offsets(array, row_position, n), rows=len(row_position) if later else 0)
    return lambda: _list_series(*lists.result())


def _outcome_offsets(array: pa.ListArray, row_position: IntArray, n: int) -> tuple[IntArray, pa.Array]:
    """The list offsets and flat values of `outcome_lists` (Arrow and NumPy only: safe on a thread).

    Distinct (position, outcome) pairs sorted by position and text, on integer codes.
    """
    pos = row_position[pc.list_parent_indices(array).to_numpy().astype(np.int64)]
    encoded = pc.dictionary_encode(pc.list_flatten(array))
    dictionary = encoded.dictionary.cast(pa.string())
    by_text = pc.array_sort_indices(dictionary).to_numpy().astype(np.int64)
    rank = np.empty(len(by_text), dtype=np.int64)
    rank[by_text] = np.arange(len(by_text))
    codes = rank[encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)]
    n_codes = max(len(by_text), 1)
    used = pos >= 0
    key = pos[used] * n_codes + codes[used]
    if n * n_codes <= 8 * len(key) + (1 << 20):  # a flag per possible pair: distinct and sorted without a sort
        present = np.zeros(n * n_codes, dtype=bool)
        present[key] = True
        key = np.flatnonzero(present)
    else:
        key = np.unique(key)
    values = dictionary.take(pa.array(by_text[key % n_codes]))
    return np.concatenate([[0], np.cumsum(np.bincount(key // n_codes, minlength=n))]), values


def _outcome_lists_with_nulls(array: pa.ListArray, row_position: IntArray, n: int) -> pd.Series[Any]:
    """`outcome_lists` of lists holding missing values (pandas: on the caller's thread)."""
    pos = row_position[pc.list_parent_indices(array).to_numpy().astype(np.int64)]
    values = pc.list_flatten(array).to_numpy(zero_copy_only=False)
    pairs = pd.DataFrame({"pos": pos, "outcome": values})
    pairs = pairs[pairs["pos"] >= 0].drop_duplicates().sort_values(["pos", "outcome"], kind="stable")
    counts = np.bincount(pairs["pos"].to_numpy(dtype=np.int64), minlength=n)
    flat_values = pa.array(pairs["outcome"].to_numpy(dtype=object), pa.string(), from_pandas=True)  # NaN: missing
    return _list_series(np.concatenate([[0], np.cumsum(counts)]), flat_values)
