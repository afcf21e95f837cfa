"""Text group labels as integer codes, with unduplicated counts, medians and modes: the cohort tables' engine.

Group keys are turned into text labels once per distinct value (`key_labels`, `group_codes`;
`labelled_codes` and `labelled_groups` for keys already factorized), rows carry integer group
codes in the sorted order of the labels, and counts, unduplicated counts (`distinct_pairs`,
`distinct_counts`), medians (`group_medians`, from `netinsight.groupmedians`) and most common
members (`group_modes`) are computed on those integers. So a cohort of a million interviews is
grouped in a few vectorised passes, and a log of a hundred in a few NumPy calls. Limits: group labels are text
(missing or blank keys are one group, `NOT_RECORDED`), sorted as Python sorts strings; the
helpers never skip missing values (drop them first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from netinsight.grouparrays import level_codes
from netinsight.groupmedians import group_medians, histogram_medians

__all__ = [
    "NOT_RECORDED",
    "distinct_counts",
    "distinct_pairs",
    "group_codes",
    "group_medians",
    "group_modes",
    "histogram_medians",
    "key_labels",
    "labelled_codes",
    "labelled_groups",
]

#: The label of a group whose key is missing in the log.
NOT_RECORDED: Final = "(not recorded)"

Codes = npt.NDArray[np.int64]


def key_labels(values: pd.Series[Any]) -> tuple[Codes, npt.NDArray[np.object_]]:
    """Integer codes of group-key values and the text label of each code, sorted.

    A value's label is its text (``astype("string")``) with spaces around it removed; missing
    and blank values are labelled `NOT_RECORDED`. Values with the same label share a code.
    Text is made once per distinct value.

    Parameters
    ----------
    values
        Group-key values of any dtype. Not modified.

    Returns
    -------
    codes : numpy.ndarray
        One code per value (int64, from 0), in the order of the sorted labels.
    labels : numpy.ndarray
        The distinct labels (object array of str), sorted; ``labels[codes]`` labels each value.

    Examples
    --------
    >>> codes, labels = key_labels(pd.Series(["B", " A", None, "A", ""]))
    >>> codes.tolist(), labels.tolist()
    ([2, 1, 0, 1, 0], ['(not recorded)', 'A', 'B'])
    """
    return labelled_codes(*pd.factorize(values))


def labelled_codes(codes: npt.NDArray[np.integer[Any]], uniques: Any) -> tuple[Codes, npt.NDArray[np.object_]]:
    """`key_labels` of values already factorized (as by `pandas.factorize`; code -1: missing).

    Parameters
    ----------
    codes
        The code of each value (-1 for a missing one). Not modified.
    uniques
        The value of each code (any dtype, missing values allowed).

    Returns
    -------
    codes, labels
        As `key_labels`.

    Examples
    --------
    >>> codes, labels = labelled_codes(np.array([0, 1, 2, -1]), pd.Index(["b ", "a", None]))
    >>> codes.tolist(), labels.tolist()
    ([2, 1, 0, 0], ['(not recorded)', 'a', 'b'])
    """
    text = pd.Series(uniques).astype("string").str.strip()
    labels = text.mask(text.eq("") | text.isna(), NOT_RECORDED).to_numpy(dtype=object)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(labels), codes)
        labels = np.append(labels, np.array([NOT_RECORDED], dtype=object))
    merged, distinct = pd.factorize(labels)  # values written differently, same label: one group
    order = np.argsort(distinct, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    code_rank = rank[merged]
    if np.array_equal(code_rank, np.arange(len(code_rank))):  # the values' codes are the labels' already
        return np.asarray(codes, dtype=np.int64), distinct[order]
    return code_rank[codes], distinct[order]


def group_codes(frame: pd.DataFrame, keys: Sequence[str]) -> tuple[Codes, pd.DataFrame]:
    """One integer code per row for the groups of `keys`, and the labels of each group, sorted.

    Groups are the combinations of key labels (see `key_labels`) found in `frame`, in the
    order of the labels (the first key first), as ``DataFrame.groupby(keys, sort=True)``
    orders text keys.

    Parameters
    ----------
    frame
        The key columns, one row per record. Not modified.
    keys
        The columns of `frame` to group by; none: every row is in group 0 (one group, no columns).

    Returns
    -------
    codes : numpy.ndarray
        The group of each row (int64, from 0).
    labels : pandas.DataFrame
        One row per group in code order, one column of labels (text) per key.

    Examples
    --------
    >>> frame = pd.DataFrame({"program": ["B", "A", "B", None], "year": [2027, 2028, 2027, 2027]})
    >>> codes, labels = group_codes(frame, ["program", "year"])
    >>> codes.tolist(), labels.values.tolist()
    ([2, 1, 2, 0], [['(not recorded)', '2027'], ['A', '2028'], ['B', '2027']])
    """
    return labelled_groups([key_labels(frame[k]) for k in keys], keys, len(frame))


def labelled_groups(
    levels: Sequence[tuple[Codes, npt.NDArray[np.object_]]], keys: Sequence[str], n: int
) -> tuple[Codes, pd.DataFrame]:
    """`group_codes` of keys already labelled: one `key_labels` result per key.

    Parameters
    ----------
    levels
        Per key: the code of each of the `n` rows and the sorted labels (from `key_labels`).
    keys
        The name of each key.
    n
        The number of rows.

    Returns
    -------
    codes, labels
        As `group_codes`.

    Examples
    --------
    >>> codes, labels = labelled_groups([key_labels(pd.Series(["b", "a", "b"]))], ["k"], 3)
    >>> codes.tolist(), labels["k"].tolist()
    ([1, 0, 1], ['a', 'b'])
    """
    return level_codes(levels, keys, n)  # the labels (object arrays) are taken as the groups' key values


def distinct_pairs(groups: Codes, members: Codes) -> tuple[Codes, Codes, Codes]:
    """The distinct (group, member) pairs with their number of rows, sorted by group then member.

    Parameters
    ----------
    groups
        The group code of each row (from 0).
    members
        The member code of each row (a student, a sector ...; from -1, e.g. `pandas.factorize`
        codes, where -1 is one more member).

    Returns
    -------
    pair_groups : numpy.ndarray
        The group of each distinct pair (int64), sorted; ``numpy.bincount`` of it counts
        members per group, unduplicated.
    pair_members : numpy.ndarray
        The member of each pair (int64).
    rows : numpy.ndarray
        The number of rows of each pair (int64).

    Examples
    --------
    >>> pair_groups, pair_members, rows = distinct_pairs(np.array([0, 0, 1, 0, 1]), np.array([5, 5, 5, 2, -1]))
    >>> pair_groups.tolist(), pair_members.tolist(), rows.tolist()
    ([0, 0, 1, 1], [2, 5, -1, 5], [1, 2, 1, 1])
    """
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shifted = np.asarray(members, dtype=np.int64) + 1
    width = int(shifted.max()) + 1
    pairs = np.asarray(groups, dtype=np.int64) * width + shifted
    size = (int(groups.max()) + 1) * width
    if size <= 2 * len(pairs) + 65536:
        counts = np.bincount(pairs, minlength=size)
        found = np.flatnonzero(counts)
        rows = counts[found]
    else:
        found, rows = np.unique(pairs, return_counts=True)
    return found // width, found % width - 1, rows.astype(np.int64)


def distinct_counts(groups: Codes, members: Codes, n_groups: int) -> Codes:
    """How many distinct members each of `n_groups` groups has: ``numpy.bincount`` of `distinct_pairs`' groups.

    Without the pairs' row counts, a (group, member) table of flags does where a table of counts
    would be too large.

    Examples
    --------
    >>> distinct_counts(np.array([0, 0, 1, 0, 1]), np.array([5, 5, 5, 2, -1]), 3).tolist()
    [2, 2, 0]
    """
    if len(groups) == 0:
        return np.zeros(n_groups, dtype=np.int64)
    shifted = np.asarray(members, dtype=np.int64) + 1
    width = int(shifted.max()) + 1
    size = n_groups * width
    if size > 32 * len(groups) + 65536:
        return np.bincount(distinct_pairs(groups, members)[0], minlength=n_groups)
    seen = np.zeros(size, dtype=bool)
    seen[np.asarray(groups, dtype=np.int64) * width + shifted] = True
    counts: Codes = np.count_nonzero(seen.reshape(n_groups, width), axis=1).astype(np.int64)
    return counts


def group_modes(pair_groups: Codes, pair_members: Codes, rows: Codes, member_rank: Codes, n_groups: int) -> Codes:
    """The most common member of each group (ties: the lowest `member_rank`), from `distinct_pairs`.

    Parameters
    ----------
    pair_groups, pair_members, rows
        Distinct (group, member) pairs and their numbers of rows (see `distinct_pairs`);
        members from 0.
    member_rank
        The rank of each member code in the order ties are broken by (e.g. of its text).
    n_groups
        The number of groups.

    Returns
    -------
    numpy.ndarray
        One member code per group (int64); -1 for a group without pairs.

    Examples
    --------
    >>> pairs = (np.array([0, 0, 0, 2]), np.array([0, 1, 2, 1]), np.array([2, 3, 3, 1]))
    >>> group_modes(*pairs, np.array([0, 2, 1]), 3).tolist()
    [2, -1, 1]
    """
    out = np.full(n_groups, -1, dtype=np.int64)
    order = np.lexsort((member_rank[pair_members], -rows, pair_groups))
    groups = pair_groups[order]
    first = np.ones(len(groups), dtype=bool)
    first[1:] = groups[1:] != groups[:-1]
    out[groups[first]] = pair_members[order][first]
    return out
