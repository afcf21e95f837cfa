"""Memory policy of large jobs: Arrow's unused pool handed back, and NumPy's huge-page advice off.

After a step on a million rows, Arrow's memory pool (mimalloc) keeps much of what the step
freed. `release_after` hands it back after large steps, so the next step's peak does not
stack on it.

NumPy asks the kernel for transparent huge pages (``madvise(MADV_HUGEPAGE)``) for every array
of 4 MB or more. netinsight's work at scale makes and drops many short-lived arrays of that
size, and on a kernel whose huge-page defragmentation is ``madvise`` each of them costs
kernel time to fault in: measured at 1M interviews, 1-2 s of the pipeline's ~9 s.
`without_huge_pages` switches the advice off while netinsight's public functions run and
puts it back when the outermost one returns (thread-safe; nested calls nest).

The C allocator (glibc) hands every array above a moving threshold (at most 32 MB) back to
the system when it is freed, and trims its heap above 2x that; on a virtual machine every
page of the next array then faults in again (measured: ~250k page faults in the pipeline at
1M interviews). The first netinsight call sets glibc's ``M_MMAP_THRESHOLD`` to 64 MB and
``M_TRIM_THRESHOLD`` to 128 MB (`keep_freed_memory`), so freed arrays are reused (~85k fewer
faults, peak unchanged). None of this changes a result.

Limits: the glibc thresholds stay set for the life of the process (up to 128 MB freed at
the top of the heap is kept for reuse instead of returned); they are left alone on other C
libraries (musl, macOS, Windows) and when ``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TRIM_THRESHOLD_``
or ``GLIBC_TUNABLES`` is set. Only Arrow's pool is released (``malloc_trim`` was measured: ~1 s slower at 1M
interviews, as the next step faults the pages back in, for ~40 MB less peak); the huge-page
advice is NumPy's process-wide switch (``NUMPY_MADVISE_HUGEPAGE``), so other threads'
NumPy arrays made while a netinsight call runs get plain pages too; where NumPy has no such
switch, nothing is changed.
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

__all__ = ["LARGE_ROWS", "keep_freed_memory", "release_after", "release_memory", "without_huge_pages"]

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
_MMAP_THRESHOLD: Final = 64 << 20
_TRIM_THRESHOLD: Final = 128 << 20
_USER_SETTINGS: Final = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")


def keep_freed_memory() -> bool:
    """Set glibc's mmap and trim thresholds so that freed large arrays are reused; True if set.

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
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)) & bool(mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def _numpy_advice_switch() -> Callable[[bool], bool] | None:
    """NumPy's runtime switch of the huge-page advice (sets it, returns the previous setting), if it has one."""
    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            switch = getattr(importlib.import_module(module), "_set_madvise_hugepage", None)
        except ImportError:
            continue
        if callable(switch):
            return switch  # type: ignore[no-any-return]
    return None


class _Advice:
    """How many netinsight calls run with the advice off, and the setting to put back after the last."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = 0
        self.before = True
        self.switch = _numpy_advice_switch()
        self.allocator_set = False


_ADVICE: Final = _Advice()


class without_huge_pages(ContextDecorator):  # noqa: N801 -- used as a decorator and a context manager
    """NumPy's huge-page advice off while the block (or the decorated function) runs, then put back.

    The outermost block saves the setting and the last one to leave restores it, whichever
    thread they run on. The first block also calls `keep_freed_memory` (once per process).

    Examples
    --------
    >>> import numpy as np
    >>> @without_huge_pages()
    ... def total(n: int) -> float:
    ...     return float(np.ones(n).sum())
    >>> total(1_000_000)
    1000000.0
    >>> with without_huge_pages():
    ...     total(10)
    10.0
    """

    def __enter__(self) -> without_huge_pages:
        with _ADVICE.lock:
            if _ADVICE.active == 0 and _ADVICE.switch is not None:
                _ADVICE.before = _ADVICE.switch(False)
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
