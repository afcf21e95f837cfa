"""Memory that Arrow's pool keeps after the large steps of a job, handed back to the system.

After a step on a million rows, Arrow's memory pool (mimalloc) keeps much of what the step
freed. `release_after` hands it back after large steps, so the next step's peak does not
stack on it. It changes no result. Limits: only Arrow's pool; what the C allocator keeps for
NumPy is left to it (``malloc_trim`` was measured: ~1 s slower at 1M interviews, as the next
step faults the pages back in, for ~40 MB less peak).
"""

from __future__ import annotations

from typing import Final

import pyarrow as pa

__all__ = ["LARGE_ROWS", "release_after", "release_memory"]

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
