"""Large Arrow and NumPy work side by side on every core: Arrow and NumPy kernels release the GIL.

`map_threads` applies a function to several items at once (columns, chunks); `in_background`
starts one call on a thread while this thread goes on with work that does not need its
result, and `Background.result` collects it. Small work (fewer than `PARALLEL_ROWS` rows)
runs on this thread, in order: a thread costs more than it saves there.

Only Arrow or NumPy work may run on these threads: pandas is kept off them, because the
warnings filters it sets and restores are not thread-safe (its hash tables on NumPy integers,
``pandas.factorize`` of an int64 array, set none and may run there). An error on a thread is
raised where its result is collected.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Final, Generic, TypeVar

__all__ = ["PARALLEL_ROWS", "Background", "in_background", "map_threads"]

#: Work on fewer rows than this is done on this thread, item after item; on more rows, on threads.
PARALLEL_ROWS: Final = 50_000

_T = TypeVar("_T")
_R = TypeVar("_R")


def _cores() -> int:
    return os.cpu_count() or 1


def map_threads(func: Callable[[_T], _R], items: Iterable[_T], *, rows: int) -> list[_R]:
    """Apply `func` to each item (say, a column of `rows` rows), on threads when the work is large.

    `func` must do Arrow or NumPy work only (see the module). Items are worked on side by side
    on every core, as `pandas.read_csv` reads. Results come back in the order of `items`,
    whatever order the work finishes in; the first error is raised.

    Examples
    --------
    >>> import numpy as np
    >>> map_threads(lambda a: int(np.sum(a)), [np.arange(3), np.arange(4)], rows=3)
    [3, 6]
    """
    work = list(items)
    workers = min(len(work), _cores())
    if rows < PARALLEL_ROWS or workers < 2:
        return [func(item) for item in work]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, work))


class Background(Generic[_R]):
    """A call running on its own thread (or already done, for small work); `result` waits for it.

    Made by `in_background`.
    """

    def __init__(self, func: Callable[[], _R], *, rows: int) -> None:
        self._value: _R | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if rows < PARALLEL_ROWS or _cores() < 2:
            self._run(func)
        else:
            self._thread = threading.Thread(target=self._run, args=(func,), name="netinsight-background", daemon=True)
            self._thread.start()

    def _run(self, func: Callable[[], _R]) -> None:
        try:
            self._value = func()
        except BaseException as error:  # raised again by `result`, on the caller's thread
            self._error = error

    def result(self) -> _R:
        """The call's return value, once it has finished; its error, raised here, if it failed."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value] # set by `_run` when there was no error


def in_background(func: Callable[[], _R], *, rows: int) -> Background[_R]:
    """Start `func()` (Arrow or NumPy work on `rows` rows) on a thread; collect it with `Background.result`.

    This thread goes on meanwhile with work that does not need the result. On fewer than
    `PARALLEL_ROWS` rows, or on one core, `func` runs at once on this thread.

    Examples
    --------
    >>> import numpy as np
    >>> values = np.arange(5)
    >>> total = in_background(lambda: int(values.sum()), rows=len(values))
    >>> int(values.max()), total.result()
    (4, 10)
    """
    return Background(func, rows=rows)
