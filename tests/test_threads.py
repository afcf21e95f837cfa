from __future__ import annotations

import threading

import pytest

import netinsight.threads as threads
from netinsight.threads import PARALLEL_ROWS, in_background, map_threads


def test_map_threads_keeps_order_on_threads_and_raises() -> None:
    items = list(range(8))
    assert map_threads(lambda x: x * x, items, rows=PARALLEL_ROWS) == [x * x for x in items]
    assert map_threads(lambda x: x + 1, items, rows=1) == [x + 1 for x in items]
    assert map_threads(lambda x: x, [], rows=PARALLEL_ROWS) == []

    def fail(x: int) -> int:
        if x == 3:
            msg = "`x` must not be 3."
            raise ValueError(msg)
        return x

    with pytest.raises(ValueError, match="must not be 3"):
        map_threads(fail, items, rows=PARALLEL_ROWS)


def test_in_background_runs_large_work_on_another_thread_and_small_work_here() -> None:
    def where() -> str:
        return threading.current_thread().name

    here = threading.current_thread().name
    assert in_background(where, rows=PARALLEL_ROWS - 1).result() == here
    large = in_background(where, rows=PARALLEL_ROWS)
    assert large.result() == ("netinsight-background" if (threads.os.cpu_count() or 1) > 1 else here)
    assert large.result() == large.result()  # collected once, kept


def test_in_background_waits_for_the_work() -> None:
    started, release = threading.Event(), threading.Event()

    def slow() -> int:
        started.set()
        release.wait(5)
        return 7

    pending = in_background(slow, rows=PARALLEL_ROWS)
    assert started.wait(5)
    release.set()
    assert pending.result() == 7


@pytest.mark.parametrize("rows", [1, PARALLEL_ROWS])
def test_in_background_raises_the_error_where_the_result_is_collected(rows: int) -> None:
    def fail() -> int:
        msg = "the work failed"
        raise ValueError(msg)

    pending = in_background(fail, rows=rows)  # no error yet
    with pytest.raises(ValueError, match="the work failed"):
        pending.result()


def test_one_core_runs_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threads.os, "cpu_count", lambda: 1)
    here = threading.current_thread().name
    assert in_background(lambda: threading.current_thread().name, rows=PARALLEL_ROWS).result() == here
    assert map_threads(lambda _: threading.current_thread().name, [1, 2], rows=PARALLEL_ROWS) == [here, here]
