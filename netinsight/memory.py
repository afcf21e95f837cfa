"""Freed memory handed back to the operating system after the large steps of a job.

After a step on a million rows, the C allocator (glibc) and Arrow's memory pool keep much of
what the step freed, and the next step's peak stacks on top of it. `release_memory` hands it
back: Arrow's ``release_unused`` and glibc's ``malloc_trim(0)`` (as Dask's workers do). It
changes no result. Limits: ``malloc_trim`` exists on glibc only (elsewhere only Arrow's pool
is released); a call takes ~10-30 ms, so the steps call `release_after` with their row count
and only large steps release.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from typing import Final

import pyarrow as pa

__all__ = ["LARGE_ROWS", "release_after", "release_memory"]

#: Steps on at least this many rows hand their freed memory back.
LARGE_ROWS: Final = 200_000


@functools.cache
def _malloc_trim() -> ctypes._NamedFuncPointer | None:
    """glibc's ``malloc_trim``, or None on another C library."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return None


def release_memory() -> None:
    """Hand the memory freed so far back to the operating system (Arrow's pool, then glibc's heaps).

    Examples
    --------
    >>> release_memory()
    """
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_after(rows: int) -> None:
    """`release_memory` after a step on `rows` rows, when that is at least `LARGE_ROWS`.

    Examples
    --------
    >>> release_after(10)  # a small step: nothing to hand back
    """
    if rows >= LARGE_ROWS:
        release_memory()
