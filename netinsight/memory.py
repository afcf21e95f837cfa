"""Memory policy of large work: how netinsight's calls allocate, and what they hand back.

On this kind of machine (a virtual machine with 2 cores) a page of memory touched for the
first time costs ~5-10 microseconds to fault in, so at 1M interviews the cost of the
pipeline was as much the kernel's as netinsight's. While a public function runs
(`large_work`, a decorator and a context manager):

- NumPy's transparent-huge-page advice (``madvise(MADV_HUGEPAGE)`` for every array of 4 MB
  or more) is off: zeroing 2 MB pages for short-lived arrays cost 1-2 s at 1M interviews.
- Arrow allocates from its jemalloc pool, which keeps freed memory for a second
  (``jemalloc_set_decay_ms(1000)``) instead of the default pool (mimalloc), which hands it
  back at once and faults it in again as huge pages (0.5-1 s at 1M, and ~100 MB more peak).
- The first call sets glibc's mmap / trim thresholds to 64 / 128 MB and its arenas to 2
  (`keep_freed_memory`), so freed NumPy arrays are reused instead of unmapped (~85k fewer page
  faults at 1M), also across the threads that build the chain table (one arena per thread
  cost ~120 MB of peak).

The NumPy advice and the Arrow pool are put back when the outermost call returns (thread-safe;
nested calls nest). `release_after` hands Arrow's unused memory back after large steps, so the
next step's peak does not stack on it. None of this changes a result.

Limits: the glibc settings stay for the life of the process (up to 128 MB freed at the
top of the heap is kept for reuse), and are left alone on other C libraries (musl, macOS,
Windows) and when ``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TRIM_THRESHOLD_``, ``MALLOC_ARENA_MAX``
or ``GLIBC_TUNABLES`` is set; Arrow's pool is left alone when ``ARROW_DEFAULT_MEMORY_POOL`` is set or Arrow has no
jemalloc, and NumPy's advice when ``NUMPY_MADVISE_HUGEPAGE`` is set; the switches are
process-wide, so other threads' arrays made while a netinsight call runs are allocated the
same way. ``malloc_trim`` was measured and dropped: ~1 s slower at 1M interviews, as the next
step faults the pages back in, for ~40 MB less peak.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import sys
import threading
from collections.abc import Callable
from contextlib import ContextDecorator
from typing import Final

import pyarrow as pa

__all__ = ["LARGE_ROWS", "keep_freed_memory", "large_work", "release_after", "release_memory"]

#: Steps on at least this many rows hand their freed memory back.
LARGE_ROWS: Final = 200_000


def release_memory() -> None:
    """Hand the memory Arrow's pool keeps unused back to the operating system.

    Examples
    --------
    >>> release_memory()
    """
    pa.default_memory_pool().release_unused()


def release_after(rows: int) -> None:
    """`release_memory` after a step on `rows` rows, when that is at least `LARGE_ROWS`.

    Examples
    --------
    >>> release_after(10)  # a small step: nothing to hand back
    """
    if rows >= LARGE_ROWS:
        release_memory()


#: glibc's ``mallopt`` parameters and the values set by `keep_freed_memory`.
_M_TRIM_THRESHOLD: Final = -1
_M_MMAP_THRESHOLD: Final = -3
_M_ARENA_MAX: Final = -8
_ARENAS: Final = 2
_MMAP_THRESHOLD: Final = 64 << 20
_TRIM_THRESHOLD: Final = 128 << 20
_USER_SETTINGS: Final = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES")


def keep_freed_memory() -> bool:
    """Set glibc's mmap and trim thresholds and its arena count so that freed arrays are reused; True if set.

    Nothing is done off Linux, on a C library other than glibc, or when the user tuned the
    allocator through the environment.

    Examples
    --------
    >>> keep_freed_memory() in (True, False)
    True
    """
    if not sys.platform.startswith("linux") or any(name in os.environ for name in _USER_SETTINGS):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018 -- glibc only
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    settings = ((_M_MMAP_THRESHOLD, _MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, _TRIM_THRESHOLD), (_M_ARENA_MAX, _ARENAS))
    done = [mallopt(param, value) for param, value in settings]  # every one, even after a failure
    return all(done)


#: How long Arrow's jemalloc pool keeps freed memory before handing it back, in milliseconds.
_DECAY_MS: Final = 1000


def _retaining_pool() -> pa.MemoryPool | None:
    """Arrow's jemalloc pool, keeping freed memory for `_DECAY_MS`; None if the user chose a pool or it is missing."""
    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:
        return None
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(_DECAY_MS)
    except (NotImplementedError, pa.ArrowException):
        return None
    return pool


def _numpy_advice_switch() -> Callable[[bool], bool] | None:
    """NumPy's runtime switch of the huge-page advice (sets it, returns the previous setting).

    None when NumPy has none, or the user chose with ``NUMPY_MADVISE_HUGEPAGE``.
    """
    if "NUMPY_MADVISE_HUGEPAGE" in os.environ:
        return None
    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            switch = getattr(importlib.import_module(module), "_set_madvise_hugepage", None)
        except ImportError:
            continue
        if callable(switch):
            return switch  # type: ignore[no-any-return]
    return None


class _Advice:
    """How many netinsight calls run under `large_work`, and the settings to put back after the last."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.before = True
        self.switch = _numpy_advice_switch()
        self.allocator_set = False
        self.pool = _retaining_pool()
        self.pool_before: pa.MemoryPool | None = None


_ADVICE: Final = _Advice()


class large_work(ContextDecorator):  # noqa: N801 -- used as a decorator and a context manager
    """netinsight's memory policy while the block (or the decorated function) runs (see the module).

    NumPy's huge-page advice is off and Arrow allocates from its jemalloc pool; the outermost
    block saves both settings and the last one to leave restores them, whichever thread they
    run on. The first block also calls `keep_freed_memory` (once per process).

    Examples
    --------
    >>> import numpy as np
    >>> @large_work()
    ... def total(n: int) -> float:
    ...     return float(np.ones(n).sum())
    >>> total(1_000_000)
    1000000.0
    >>> with large_work():
    ...     total(10)
    10.0
    """

    def __enter__(self) -> large_work:
        with _ADVICE.lock:
            if _ADVICE.active == 0 and _ADVICE.switch is not None:
                _ADVICE.before = _ADVICE.switch(False)
            if _ADVICE.active == 0 and _ADVICE.pool is not None:
                _ADVICE.pool_before = pa.default_memory_pool()
                pa.set_memory_pool(_ADVICE.pool)
            if not _ADVICE.allocator_set:
                _ADVICE.allocator_set = True
                keep_freed_memory()
            _ADVICE.active += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with _ADVICE.lock:
            _ADVICE.active -= 1
            if _ADVICE.active == 0 and _ADVICE.switch is not None:
                _ADVICE.switch(_ADVICE.before)
            if _ADVICE.active == 0 and _ADVICE.pool_before is not None:
                pa.set_memory_pool(_ADVICE.pool_before)
                _ADVICE.pool_before = None
