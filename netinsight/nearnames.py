"""Near-duplicate names: pairs of distinct name keys in one group that are probably one person.

Only names that share a group and their first word, last word or accent-free form are
compared (a self-join on integer codes, within sorted runs), cheap bounds on the similarity
ratio discard most candidates, and `difflib.SequenceMatcher` scores the rest. A group with
many names sharing a word costs the square of their number, as any pairwise comparison does.
"""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.sortcodes import run_starts, sorted_order

__all__ = ["near_duplicate_codes", "near_duplicate_pairs", "pairs_within_runs"]


def near_duplicate_pairs(
    keys: pd.Series[Any], *, groups: pd.Series[Any] | None = None, cutoff: float = 0.85
) -> pd.DataFrame:
    """Pairs of distinct names within a group that are probably one person.

    Two keys are near-duplicates when they are equal without accents ("zoë li" / "zoe li"),
    or when their similarity ratio (`difflib.SequenceMatcher`) is at least `cutoff` and
    their last words match or nearly match ("jon smith" / "john smith"). Only names that
    share a group and their first word, last word or accent-free form are compared (a
    vectorised self-join), so a cohort's many groups cost little.

    Parameters
    ----------
    keys
        Name keys (see `netinsight.names.name_key`); missing keys are ignored.
    groups
        The group of each key (e.g. owner and company); None compares all keys.
    cutoff
        The similarity ratio from which two names are reported.

    Returns
    -------
    pandas.DataFrame
        ``group, a, b, ratio``: each pair once with ``a < b``, sorted.

    Examples
    --------
    >>> near_duplicate_pairs(pd.Series(["jon smith", "john smith", "ana ruiz", "zoë li", "zoe li"]))
    ... # doctest: +NORMALIZE_WHITESPACE
       group           a          b  ratio
    0      0  john smith  jon smith  0.947
    1      0      zoe li     zoë li  1.000
    """
    columns = ["group", "a", "b", "ratio"]
    present = keys.notna().to_numpy()
    group_values = np.zeros(int(present.sum()), dtype=np.int64) if groups is None else groups.to_numpy()[present]
    group_code, group_names = pd.factorize(group_values)
    key_code, key_names = pd.factorize(keys.to_numpy(dtype=object)[present])
    names = np.asarray(key_names, dtype=object)
    found = near_duplicate_codes(group_code, key_code, names, cutoff=cutoff)
    if not len(found):
        return pd.DataFrame({c: pd.Series(dtype=float if c == "ratio" else object) for c in columns})
    out = pd.DataFrame(
        {
            "group": np.asarray(group_names, dtype=object)[found["group"].to_numpy()],
            "a": names[found["a"].to_numpy()],
            "b": names[found["b"].to_numpy()],
            "ratio": found["ratio"].to_numpy(),
        }
    )
    return out.sort_values(["group", "a", "b"], kind="stable").reset_index(drop=True)[columns]


def near_duplicate_codes(
    groups: np.ndarray[Any, Any],
    keys: np.ndarray[Any, Any],
    names: np.ndarray[Any, Any],
    *,
    cutoff: float = 0.85,
    between: np.ndarray[Any, Any] | None = None,
) -> pd.DataFrame:
    """`near_duplicate_pairs` on integer codes: the pairs found, unsorted.

    Parameters
    ----------
    groups
        The group code of each key (0 or more; rows may repeat).
    keys
        The key code of each row, a position in `names`.
    names
        The key text of each code (str, none missing).
    cutoff
        The similarity ratio from which two names are reported.
    between
        One flag per row (the same for repeated rows); when given, only pairs of a flagged
        and an unflagged key are searched.

    Returns
    -------
    pandas.DataFrame
        ``group, a, b, ratio`` as codes, each pair once with ``names[a] < names[b]``.

    Examples
    --------
    >>> near_duplicate_codes(np.array([0, 0, 1]), np.array([0, 1, 1]), np.array(["jon li", "john li"], dtype=object))
       group  a  b  ratio
    0      0  1  0  0.923
    """
    columns = ["group", "a", "b", "ratio"]
    width = len(names) + 1
    code = np.asarray(groups, dtype=np.int64) * width + np.asarray(keys, dtype=np.int64)
    ascending = not len(code) or bool((code[1:] >= code[:-1]).all())  # callers often pass them sorted
    ordered, order = (code, None) if ascending else sorted_order(code, overwrite=True)  # groups are runs
    once = run_starts(ordered)  # each (group, key) once
    combined = ordered if once.all() else ordered[once]
    flag = np.zeros(len(combined), dtype=bool)
    if between is not None:
        flag = np.asarray(between, dtype=bool)[once if order is None else order[once]]
    group_of, key_of = combined // width, combined % width
    starts = np.flatnonzero(run_starts(group_of))
    sizes = np.diff(np.append(starts, len(combined)))
    if (sizes == 1).any():  # a group of one name has no pair
        several = np.repeat(sizes > 1, sizes)
        group_of, key_of, flag = group_of[several], key_of[several], flag[several]
    used = np.flatnonzero(np.bincount(key_of, minlength=len(names)) > 0)  # only the names still in play
    local = np.zeros(len(names), dtype=np.int64)
    local[used] = np.arange(len(used))
    key_of, names = local[key_of], names[used]
    words = _Words(names)
    found = [np.zeros((0, 3), dtype=np.int64)]
    for block in (words.folded, words.first, words.last):  # names compared only within a shared block
        shared = np.bincount(block + 1)[block + 1] > 1  # names whose block holds another name: only they can pair
        if shared.all():
            g, x, y = pairs_within_runs(group_of, block[key_of], key_of, flags=flag if between is not None else None)
        else:
            rows = np.flatnonzero(shared[key_of])
            flags = flag[rows] if between is not None else None
            g, x, y = pairs_within_runs(group_of[rows], block[key_of[rows]], key_of[rows], flags=flags)
        found.append(np.stack([g, np.minimum(x, y), np.maximum(x, y)], axis=1))
    candidates = _unique_rows(np.concatenate(found), len(names))
    g, x, y = candidates[:, 0], candidates[:, 1], candidates[:, 2]
    keep = words.plausible(x, y)
    g, x, y = g[keep], x[keep], y[keep]
    swap = names[x] > names[y]
    a, b = np.where(swap, y, x), np.where(swap, x, y)
    same = words.folded[a] == words.folded[b]
    ratio = np.full(len(a), np.nan)
    ratio[same] = 1.0
    # ratio <= 2 min(len) / (len + len), difflib's real_quick_ratio: most pairs need no SequenceMatcher
    for i in np.flatnonzero(~same & (_quick_bound(words.length[a], words.length[b]) >= cutoff)):
        first, second = names[a[i]], names[b[i]]
        last_a, last_b = first.split()[-1], second.split()[-1]
        if len(last_a) + len(last_b) and 2.0 * min(len(last_a), len(last_b)) / (len(last_a) + len(last_b)) < 0.8:
            continue
        score = difflib.SequenceMatcher(None, first, second).ratio()
        lasts = difflib.SequenceMatcher(None, last_a, last_b).ratio()
        ratio[i] = round(score, 3) if score >= cutoff and lasts >= 0.8 else np.nan
    hit = ~np.isnan(ratio)
    if not hit.any():
        return pd.DataFrame({c: np.zeros(0, dtype=float if c == "ratio" else np.int64) for c in columns})
    return pd.DataFrame({"group": g[hit], "a": used[a[hit]], "b": used[b[hit]], "ratio": ratio[hit]})


def _unique_rows(rows: np.ndarray[Any, Any], width: int) -> np.ndarray[Any, Any]:
    """The distinct (group, key, key) rows, as one sorted integer each when that fits in 64 bits."""
    if not len(rows) or int(rows[:, 0].max()) + 1 >= 2**62 // (width + 1) ** 2:
        unique: np.ndarray[Any, Any] = np.unique(rows, axis=0)
        return unique
    packed = np.sort((rows[:, 0] * (width + 1) + rows[:, 1]) * (width + 1) + rows[:, 2])
    packed = packed[np.r_[True, packed[1:] != packed[:-1]]]
    return np.stack([packed // (width + 1) ** 2, packed // (width + 1) % (width + 1), packed % (width + 1)], axis=1)


def _quick_bound(m: np.ndarray[Any, Any], n: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """difflib's ``real_quick_ratio`` for strings of lengths `m` and `n` (an upper bound of ``ratio``)."""
    total = (m + n).astype(float)
    bound: np.ndarray[Any, Any] = np.divide(2.0 * np.minimum(m, n), total, out=np.ones(len(m)), where=total > 0)
    return bound


def pairs_within_runs(
    groups: np.ndarray[Any, Any],
    blocks: np.ndarray[Any, Any],
    items: np.ndarray[Any, Any],
    *,
    flags: np.ndarray[Any, Any] | None = None,
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Every pair of items that share a group and a block (a self-join by sorting, not hashing).

    Parameters
    ----------
    groups, blocks, items
        One entry per item occurrence (non-negative integers); (group, block, item) rows
        should be distinct.
    flags
        When given, only pairs of a flagged and an unflagged item.

    Returns
    -------
    group, first, second : numpy.ndarray
        One entry per pair, each unordered pair once.

    Examples
    --------
    >>> g, x, y = pairs_within_runs(np.array([0, 0, 0, 1]), np.array([5, 5, 5, 5]), np.array([1, 2, 3, 4]))
    >>> g.tolist(), x.tolist(), y.tolist()
    ([0, 0, 0], [1, 1, 2], [2, 3, 3])
    """
    run_code = np.multiply(groups, int(blocks.max(initial=0)) + 2, dtype=np.int64)  # in place: one array
    run_code += blocks
    run_code += 1
    picked = None
    if flags is not None:  # only runs holding a flagged item can give a pair: the others are not sorted (a hash lookup)
        flags = np.asarray(flags, dtype=bool)
        picked = np.flatnonzero(pd.Series(run_code, copy=False).isin(run_code[flags]).to_numpy())
        run_code, flags = run_code[picked], flags[picked]
    run, order = sorted_order(run_code, overwrite=True)
    starts = np.flatnonzero(run_starts(run))
    sizes = np.diff(np.append(starts, len(run)))
    keep = np.repeat(sizes > 1, sizes)
    if flags is not None and keep.any():  # runs holding both kinds of item
        flagged = np.add.reduceat(np.asarray(flags, dtype=np.int64)[order], starts)
        keep &= np.repeat((flagged > 0) & (flagged < sizes), sizes)
    run, order = run[keep], order[keep]
    at = order if picked is None else picked[order]
    g, k = np.asarray(groups)[at], np.asarray(items)[at]
    starts = np.flatnonzero(run_starts(run))
    ends = np.append(starts[1:], len(run)) if len(run) else starts
    run_end = np.repeat(ends, ends - starts)
    partners = run_end - np.arange(len(run)) - 1  # later items in the same run
    left = np.repeat(np.arange(len(run)), partners)
    right = left + 1 + (np.arange(len(left)) - np.repeat(np.cumsum(partners) - partners, partners))
    if flags is not None:
        f = flags[order]
        mixed = f[left] != f[right]
        left, right = left[mixed], right[mixed]
    return g[left], k[left], k[right]


class _Words:
    """Per distinct key: codes of its accent-free form, first and last word, their initials and lengths."""

    def __init__(self, names: np.ndarray[Any, Any]) -> None:
        text = pa.array(names, type=pa.string())
        first = pc.struct_field(pc.extract_regex(text, r"^(?P<w>\S+)"), [0])
        last = pc.struct_field(pc.extract_regex(text, r"(?P<w>\S+)$"), [0])
        ascii_only = pc.string_is_ascii(text).to_numpy(zero_copy_only=False)
        folded = names.copy()
        folded[~ascii_only] = [_fold(v) for v in names[~ascii_only]]  # only the few non-ASCII keys
        self.folded = pd.factorize(folded)[0]
        self.first, self.last = (_codes(w) for w in (first, last))
        self.initials = [_codes(pc.utf8_slice_codeunits(w, 0, 1)) for w in (first, last)]
        self.lengths = [pc.utf8_length(w).to_numpy(zero_copy_only=False) for w in (first, last)]
        self.length = pc.utf8_length(text).to_numpy()  # code points, as Python's len

    def plausible(self, a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Cheap filter before `difflib`: each word pair starts alike and differs little in length."""
        keep = self.folded[a] == self.folded[b]
        alike = np.ones(len(a), dtype=bool)
        for initial, length in zip(self.initials, self.lengths, strict=True):
            alike &= (initial[a] == initial[b]) & (np.abs(length[a] - length[b]) <= 2)
        plausible: np.ndarray[Any, np.dtype[np.bool_]] = keep | alike
        return plausible


def _codes(values: pa.Array) -> np.ndarray[Any, Any]:
    """Integer code of each value (equal values, equal codes; missing values share code -1)."""
    indices = pc.dictionary_encode(values).indices
    codes: np.ndarray[Any, Any] = pc.fill_null(indices, -1).to_numpy()
    return codes


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
