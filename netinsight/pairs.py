"""Distinct (owner, person) pairs as integers, numbered and looked up with per-person arrays.

Most people of a referral network belong to one owner, so a pair is known from the person
alone; only people with several owners (shared professionals) go through a hash table.
`index_pairs` numbers the distinct pairs in order of first appearance (as
``pandas.factorize`` of packed keys would) and `PairIndex.lookup` finds pairs; `first_codes`
numbers integer keys of a small range the same way, with a scatter instead of a hash table,
and `sorted_first_codes` keys that come nearly sorted (a log written owner by owner), by a sort.
Limits: owners, people and keys must be non-negative integer codes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.sortcodes import run_starts, sorted_order

__all__ = ["PairIndex", "first_codes", "grouped", "index_pairs", "sorted_first_codes"]

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class PairIndex:
    """Distinct (owner, person) pairs: ``owner`` and ``person`` of each pair code."""

    owner: IntArray
    person: IntArray
    only: IntArray  # per person: the code of their only pair, -1 when they have none or several
    shared: pd.Index  # packed keys (owner * len(only) + person) of the pairs of people with several owners
    shared_code: IntArray

    def lookup(self, owner: IntArray, person: IntArray) -> IntArray:
        """The code of each (owner, person) pair, -1 where it is not a pair (or `person` is negative).

        Examples
        --------
        >>> index, _ = index_pairs(np.array([0, 1, 0]), np.array([5, 5, 2]))
        >>> index.lookup(np.array([1, 0, 1, 0]), np.array([5, 2, 2, -1])).tolist()
        [1, 2, -1, -1]
        """
        n = len(self.only)
        known = (person >= 0) & (person < n)
        code = np.full(len(person), -1, dtype=np.int64)
        code[known] = self.only[person[known]]
        found = np.flatnonzero(code >= 0)
        code[found[self.owner[code[found]] != owner[found]]] = -1
        if len(self.shared):
            ask = np.flatnonzero(known & (code < 0))
            hit = self.shared.get_indexer(pd.Index(owner[ask] * n + person[ask]))
            code[ask[hit >= 0]] = self.shared_code[hit[hit >= 0]]
        return code


def index_pairs(owner: IntArray, person: IntArray) -> tuple[PairIndex, IntArray]:
    """The distinct (owner, person) pairs in order of first appearance, and the pair code of each row.

    Examples
    --------
    >>> index, codes = index_pairs(np.array([0, 1, 0, 0]), np.array([5, 5, 2, 5]))
    >>> codes.tolist(), index.owner.tolist(), index.person.tolist()
    ([0, 1, 2, 0], [0, 1, 0], [5, 5, 2])
    """
    m = len(person)
    n = int(person.max()) + 1 if m else 0
    low = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(n, -1, dtype=np.int64)
    first = np.full(n, m, dtype=np.int64)
    np.minimum.at(low, person, owner)
    np.maximum.at(high, person, owner)
    np.minimum.at(first, person, np.arange(m, dtype=np.int64))
    one = np.flatnonzero((high >= 0) & (low == high))  # people with a single owner: one pair each
    several = low[person] != high[person]
    rows = np.flatnonzero(several)
    keys, uniques = pd.factorize(owner[rows] * n + person[rows])
    shared_first = np.full(len(uniques), m, dtype=np.int64)
    np.minimum.at(shared_first, keys, rows)
    shared = np.asarray(uniques, dtype=np.int64)
    starts = np.concatenate([first[one], shared_first])  # distinct rows: ordered by a scatter, not a sort
    slot = np.full(m, -1, dtype=np.int64)
    slot[starts] = np.arange(len(starts))
    order = slot[slot >= 0]
    code_of = np.empty(len(starts), dtype=np.int64)
    code_of[order] = np.arange(len(starts))
    pair_owner = np.concatenate([low[one], shared // max(n, 1)])[order]
    pair_person = np.concatenate([one, shared % max(n, 1)])[order]
    only = np.full(n, -1, dtype=np.int64)
    only[one] = code_of[: len(one)]
    codes = only[person] if m else np.zeros(0, dtype=np.int64)
    codes[rows] = code_of[len(one) + keys]
    index = PairIndex(pair_owner, pair_person, only, pd.Index(shared), code_of[len(one) :])
    return index, codes.astype(np.int64)


def first_codes(keys: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """Keys in ``range(size)`` numbered in order of first appearance, and the key of each number.

    The same as ``pandas.factorize(keys)``, without a hash table: each key's first position
    is one scatter over an array of `size`, and the positions that are some key's first, in
    order, are the distinct keys in order of appearance (no sort). Worth it when `size` is not
    much larger than ``len(keys)``.

    Examples
    --------
    >>> codes, uniques = first_codes(np.array([7, 3, 7, 5, 3]), 8)
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 0, 2, 1], [7, 3, 5])
    """
    m = len(keys)
    small = np.int32 if m < np.iinfo(np.int32).max else np.int64  # half the bytes for the scatter
    first = np.full(size, m, dtype=small)
    np.minimum.at(first, keys, np.arange(m, dtype=small))
    is_first = np.zeros(m + 1, dtype=bool)
    is_first[first] = True
    uniques = keys[np.flatnonzero(is_first[:m])].astype(np.int64)
    code_of = np.empty(size, dtype=np.int64)
    code_of[uniques] = np.arange(len(uniques), dtype=np.int64)
    return code_of[keys], uniques


def grouped(codes: IntArray) -> bool:
    """Whether equal codes mostly sit together (a log written owner by owner): runs of eight rows or more on average.

    Keys packed with such codes first come in sorted runs, which a stable sort (timsort) merges
    faster than a hash table or a quicksort handles them.

    Examples
    --------
    >>> grouped(np.repeat([3, 1, 2], 8)), grouped(np.tile([3, 1, 2], 8))
    (True, False)
    """
    runs = np.count_nonzero(codes[1:] != codes[:-1]) + 1
    return bool(runs * 8 <= len(codes))


def sorted_first_codes(keys: IntArray) -> tuple[IntArray, IntArray]:
    """Integer keys numbered in order of first appearance, and the key of each number, by a stable sort.

    The same as ``pandas.factorize(keys)``. A stable sort of keys that come in sorted runs
    (pairs packed owner first, in a log written owner by owner) costs half of a hash table
    that does not fit in the cache; on shuffled keys it costs more: use it on runs only.

    Examples
    --------
    >>> codes, uniques = sorted_first_codes(np.array([7, 3, 7, 5, 3]))
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 0, 2, 1], [7, 3, 5])
    """
    m = len(keys)
    ordered, order = sorted_order(keys)
    starts = np.flatnonzero(run_starts(ordered))
    first = order[starts]  # stable: the first position of each key
    is_first = np.zeros(m, dtype=bool)
    is_first[first] = True
    code = np.cumsum(is_first, dtype=np.int64)[first] - 1
    codes = np.empty(m, dtype=np.int64)
    codes[order] = np.repeat(code, np.diff(np.append(starts, m)))
    uniques = np.empty(len(starts), dtype=np.int64)
    uniques[code] = ordered[starts]
    return codes, uniques
