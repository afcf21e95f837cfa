"""What the analyses derive from a log (its person codes, its network), worked out once per log.

Several analyses of one log need the same groundwork: every row's person, the referral
network, its forest. `derived` keeps each piece with the log it came from and hands it back
for as long as the log is alive and unchanged; `bare` gives the log without ``attrs`` (pandas
deep-copies ``attrs`` into the result of every operation, and a log's ``attrs`` hold its
problems table).

A change to the log is noticed without reading its values. The entry holds a shallow copy
of the log, so under pandas' copy-on-write any later write to the log (``log.loc[...] = ``,
``log[col] = ``, an ``inplace=True`` method) copies the block it writes to instead of writing
in place; and it holds the objects the log was made of (column labels, index, block arrays).
A log that is no longer made of those objects has changed, and its entry is dropped.

Limits: this reads pandas internals (``DataFrame._mgr.blocks``); when they are not there,
nothing is kept and everything is worked out each time. A changed log keeps its old blocks
alive until its next analysis. Cached results are shared: callers treat them as read-only
(the NumPy arrays among them are made read-only by `freeze`).
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import pandas as pd

__all__ = ["bare", "clear", "derived", "freeze", "keep", "kept"]

T = TypeVar("T")


@dataclass
class _Entry:
    """A log's shallow copy (without ``attrs``), what the log was made of, and the results kept."""

    snapshot: pd.DataFrame
    parts: tuple[Any, ...]
    results: dict[str, Any] = field(default_factory=dict)
    finalizer: weakref.finalize[Any, Any] | None = None  # drops the entry with its frame (None: a snapshot's)


_ENTRIES: dict[int, _Entry] = {}


def _parts(log: pd.DataFrame) -> tuple[Any, ...] | None:
    """The objects `log` is made of, or None when pandas does not show them."""
    try:
        blocks = log._mgr.blocks
        return (log.columns, log.index, *(block.values for block in blocks))
    except AttributeError:  # pragma: no cover - another pandas layout: keep nothing
        return None


def _entry(log: pd.DataFrame) -> _Entry | None:
    """The entry of `log`, made anew when `log` has changed (None when nothing can be kept).

    The snapshot gets an entry too, sharing the results, so that work on it (what `derived`
    hands to `compute`) finds what was kept for the log; it goes with the log's entry.
    """
    parts = _parts(log)
    if parts is None:  # pragma: no cover - see _parts
        return None
    key = id(log)
    entry = _ENTRIES.get(key)
    if entry is not None and len(entry.parts) == len(parts) and all(map(operator.is_, entry.parts, parts)):
        return entry
    finalizer = entry.finalizer if entry is not None else None
    if entry is not None:
        _forget(key)
    if finalizer is None or not finalizer.alive or finalizer.peek()[0] is not log:  # type: ignore[index]
        finalizer = weakref.finalize(log, _forget, key)  # an entry left by another frame of the same id
    snapshot = _without_attrs(log)
    snapshot_parts = _parts(snapshot)
    assert snapshot_parts is not None  # made like `log`
    entry = _Entry(snapshot, parts, finalizer=finalizer)
    _ENTRIES[key] = entry
    _ENTRIES[id(snapshot)] = _Entry(snapshot, snapshot_parts, entry.results)
    return entry


def _forget(key: int) -> None:
    """Drop the entry kept under `key`, and its snapshot's."""
    entry = _ENTRIES.pop(key, None)
    if entry is not None and entry.snapshot is not None:
        alias = _ENTRIES.get(id(entry.snapshot))
        if alias is not None and alias is not entry and alias.results is entry.results:
            del _ENTRIES[id(entry.snapshot)]


def _without_attrs(log: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy of `log` without ``attrs`` (copy-on-write: a later write to either copies)."""
    return pd.DataFrame(log, copy=False)


def derived(log: pd.DataFrame, name: str, compute: Callable[[pd.DataFrame], T]) -> T:
    """``compute(log)``, worked out once while `log` is alive and unchanged.

    `compute` gets the log without ``attrs`` (`bare`). Results are shared between callers:
    never modify one (NumPy arrays can be protected with `freeze`).

    Parameters
    ----------
    log
        A log (any DataFrame). Not modified.
    name
        What `compute` works out: one name per kind of result.
    compute
        The work, a function of the log alone.

    Returns
    -------
    object
        What `compute` returned for this log, the first time or since the log last changed.

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana", "Ben"]})
    >>> calls = []
    >>> def count(frame):
    ...     calls.append(1)
    ...     return frame["contact"].nunique()
    >>> derived(log, "contacts", count), derived(log, "contacts", count), len(calls)
    (2, 2, 1)
    >>> log.loc[1, "contact"] = "Ana"
    >>> derived(log, "contacts", count), len(calls)
    (1, 2)
    """
    entry = _entry(log)
    if entry is None:  # pragma: no cover - see _parts
        return compute(log)
    if name not in entry.results:
        entry.results[name] = compute(entry.snapshot)
    result: T = entry.results[name]
    return result


def kept(log: pd.DataFrame, name: str) -> Any:
    """What `derived` keeps for `log` under `name`, or None when nothing is kept (yet, or any more).

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana"]})
    >>> kept(log, "contacts") is None, derived(log, "contacts", len), kept(log, "contacts")
    (True, 1, 1)
    """
    entry = _entry(log)
    return None if entry is None else entry.results.get(name)


def keep(log: pd.DataFrame, name: str, value: object) -> None:
    """Keep `value` as what ``derived(log, name, ...)`` would work out (for work done on the way, say while reading).

    `value` must be exactly what the computation would give for `log` as it is now.

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana"]})
    >>> keep(log, "contacts", 1)
    >>> derived(log, "contacts", lambda frame: 1 / 0)
    1
    """
    entry = _entry(log)
    if entry is not None:
        entry.results[name] = value


def bare(log: pd.DataFrame) -> pd.DataFrame:
    """`log` without ``attrs``, the same object for as long as `log` is unchanged.

    The analyses work on it: pandas copies ``attrs`` (deeply) into every result, and a
    log's ``attrs`` hold its problems table. It shares the log's data; do not modify it.

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana"]})
    >>> log.attrs["problems"] = pd.DataFrame({"line": [3]})
    >>> bare(log).attrs, bare(log) is bare(log), bare(log)["contact"].tolist()
    ({}, True, ['Ana'])
    """
    if not log.attrs:
        return log
    entry = _entry(log)
    if entry is None:  # pragma: no cover - see _parts
        return _without_attrs(log)
    return entry.snapshot


def clear() -> None:
    """Forget everything kept (benchmarks call it to time work from scratch).

    Examples
    --------
    >>> clear()
    """
    _ENTRIES.clear()


def freeze(*arrays: np.ndarray[Any, Any]) -> None:
    """Make NumPy arrays read-only, so that a shared result cannot be changed by mistake.

    Examples
    --------
    >>> a = np.arange(3)
    >>> freeze(a)
    >>> a.flags.writeable
    False
    """
    for array in arrays:
        array.flags.writeable = False
