"""The people of a log as integer codes: owners, name keys of contacts and introducers, names as written.

Whole-log checks compare people by (owner, name key); coding every name once, as integers,
lets them work with NumPy and hash tables instead of strings. Owners are compared as text,
as `str` writes them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from netinsight.distinct import Distinct, distinct_columns
from netinsight.memo import freeze, keep
from netinsight.names import CONTACT_KEYS, name_codes

__all__ = ["People", "first_rows", "owner_codes", "people_codes"]


def owner_codes(owners: pd.Series[Any]) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, Any]]:
    """Each row's owner as a code, and the owner (as text) of each code; owners compared as text.

    Examples
    --------
    >>> codes, names = owner_codes(pd.Series(["S2", "S1", "S2"], dtype="category"))
    >>> names[codes].tolist()
    ['S2', 'S1', 'S2']
    """
    if isinstance(owners.dtype, pd.CategoricalDtype):
        codes = owners.cat.codes.to_numpy().astype(np.int64)
        names = np.asarray(owners.cat.categories.astype(str), dtype=object)
        if (codes >= 0).all() and len(set(names)) == len(names):
            return codes, names
    found, uniques = pd.factorize(owners.astype(str))
    return found.astype(np.int64), np.asarray(uniques, dtype=object)


class People(NamedTuple):
    """The people of a log as integer codes (see `people_codes`)."""

    owner: np.ndarray[Any, np.dtype[np.int64]]
    owner_names: np.ndarray[Any, Any]
    contact: np.ndarray[Any, np.dtype[np.intp]]
    introducer: np.ndarray[Any, np.dtype[np.intp]]
    keys: np.ndarray[Any, Any]
    written: Distinct
    introduced: Distinct


def people_codes(log: pd.DataFrame) -> People:
    """Owners, name keys of contacts and introducers (one code space) and contacts as written, as codes.

    Parameters
    ----------
    log
        A log from `netinsight.read_log`. Not modified.

    Returns
    -------
    People
        ``owner`` and ``owner_names`` (`owner_codes`), ``contact`` and ``introducer`` (name key
        codes, -1 where none) with ``keys`` (the key of each code), and ``written`` and
        ``introduced``: the contacts and introducers as written, as distinct values
        (`netinsight.distinct.distinct`).

    Examples
    --------
    >>> import netinsight as ni
    >>> people = people_codes(ni.read_log(pd.DataFrame({"date": ["2026-01-05"] * 2, "contact": ["Ana", "ana"],
    ...                                                 "introduced_by": ["", "Ana"]})))
    >>> people.contact.tolist(), people.introducer.tolist(), people.keys.tolist()
    ([0, 0], [-1, 0], ['ana'])
    """
    owner, owner_names = owner_codes(log["owner"])
    written, introducers = distinct_columns([log["contact"], log["introduced_by"]], rows=len(log))
    for column, part in (("contact", written), ("introduced_by", introducers)):
        text = part.text_codes()
        if text is not None:  # handed over to the network's coding (`netinsight.logcodes.column_codes`)
            keep(log, f"text:{column}", text)
    (contact, introducer), keys = name_codes(written, introducers)
    freeze(contact, introducer, keys)
    keep(log, CONTACT_KEYS, ([contact, introducer], keys))  # the network codes the same names
    return People(owner, owner_names, contact, introducer, keys, written, introducers)


def first_rows(
    values: np.ndarray[Any, Any],
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """Code each value by order of first appearance; return the codes and the first position of each code.

    Examples
    --------
    >>> codes, first = first_rows(np.array([7, 3, 7, 5, 3]))
    >>> codes.tolist(), first.tolist()
    ([0, 1, 0, 2, 1], [0, 1, 3])
    """
    codes = pd.factorize(values)[0].astype(np.int64)  # codes appear in increasing order
    seen_before = np.maximum.accumulate(np.concatenate([[-1], codes[:-1]])) if len(codes) else codes
    return codes, np.flatnonzero(codes > seen_before).astype(np.int64)
