from __future__ import annotations

import sys
import threading

import pandas as pd
import pyarrow as pa
import pytest

import netinsight
import netinsight as ni
import netinsight.chains
import netinsight.chaintable
from netinsight import memory

#: The public functions whose work grows with the log: each runs under `memory.large_work`.
HEAVY = {
    "activity",
    "bridges",
    "cohort_activity",
    "cohort_employers",
    "cohort_funnel",
    "cohort_industries",
    "cohort_report",
    "cohort_students",
    "cohort_summary",
    "concentration",
    "coverage_over_time",
    "follow_up_rates",
    "graph_from_log",
    "graph_from_tables",
    "graph_to_tables",
    "industry_coverage",
    "introductions_table",
    "outcomes",
    "outreach_status",
    "paths_to",
    "people_table",
    "person_ids",
    "personal_report",
    "publish",
    "reach_by_depth",
    "read_log",
    "referral_chains",
    "referral_path",
    "response_classes",
    "shared_connectors",
    "summarize_log",
    "tables_from_log",
    "tally",
    "target_status",
    "todo",
    "top_connectors",
    "top_target_coverage",
    "validate_log",
    "warm_paths",
    "write_log",
}


def test_release_after_releases_only_after_large_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "release_memory", lambda: calls.append(1))
    memory.release_after(memory.LARGE_ROWS - 1)
    assert calls == []
    memory.release_after(memory.LARGE_ROWS)
    assert calls == [1]


def test_release_memory_on_this_machine() -> None:
    memory.release_memory()
    memory.release_memory()  # nothing left to release: still fine


class _Switch:
    """A stand-in for NumPy's huge-page switch that records every setting."""

    def __init__(self, state: bool = True) -> None:
        self.state = state
        self.calls: list[bool] = []

    def __call__(self, enabled: bool) -> bool:
        before, self.state = self.state, enabled
        self.calls.append(enabled)
        return before


@pytest.fixture
def switch(monkeypatch: pytest.MonkeyPatch) -> _Switch:
    fake = _Switch()
    monkeypatch.setattr(memory._ADVICE, "switch", fake)
    return fake


def test_large_work_switches_off_and_restores(switch: _Switch) -> None:
    with memory.large_work():
        assert switch.state is False
        with memory.large_work():  # nested: nothing more to do
            assert switch.state is False
        assert switch.state is False
    assert switch.state is True
    assert switch.calls == [False, True]


def test_large_work_puts_back_what_was_there(switch: _Switch) -> None:
    switch.state = False  # the user had switched it off: stays off
    with memory.large_work():
        pass
    assert switch.state is False


def test_large_work_restores_after_an_error(switch: _Switch) -> None:
    with pytest.raises(ZeroDivisionError), memory.large_work():
        1 / 0  # noqa: B018
    assert switch.state is True
    assert memory._ADVICE.active == 0


def test_large_work_as_a_decorator_keeps_the_function(switch: _Switch) -> None:
    @memory.large_work()
    def seen(x: int) -> tuple[int, bool]:
        """Doc."""
        return x, switch.state

    assert seen(3) == (3, False)
    assert seen.__doc__ == "Doc."
    assert switch.state is True


def test_large_work_across_threads_restores_after_the_last(switch: _Switch) -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with memory.large_work():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with memory.large_work():
            second_in.set()
            first_out.wait(5)
            assert switch.state is False  # the first thread left: still off for this one

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert switch.state is True
    assert switch.calls == [False, True]


def test_large_work_without_a_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory._ADVICE, "switch", None)
    with memory.large_work():
        pass
    assert memory._ADVICE.active == 0


def test_numpy_switch_is_found_and_used() -> None:
    real = memory._ADVICE.switch
    assert real is not None  # NumPy 2 has it
    original = real(True)
    try:
        with memory.large_work():
            assert real(False) is False  # off inside
        assert real(True) is True  # back on after
    finally:
        real(original)


def test_public_functions_run_large_work(switch: _Switch) -> None:
    seen: list[bool] = []
    log = ni.read_log(pd.DataFrame({"date": ["2026-01-05", "2026-01-09"], "contact": ["Ana", "Ben"]}))
    original = netinsight.chaintable.sorted_chains

    def spy(*args: object, **kwargs: object) -> pd.DataFrame:
        seen.append(switch.state)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(netinsight.chains, "sorted_chains", spy)
        ni.referral_chains(log)
    assert seen == [False]
    assert switch.state is True


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_public_functions_are_wrapped(name: str) -> None:
    assert getattr(getattr(ni, name), "__wrapped__", None) is not None, f"{name} is not under large_work"


def test_keep_freed_memory_sets_glibc_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    assert memory.keep_freed_memory() is True  # this machine: Linux with glibc


@pytest.mark.parametrize(
    "name", ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES"]
)
def test_keep_freed_memory_leaves_the_users_settings(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "1")
    assert memory.keep_freed_memory() is False


def test_keep_freed_memory_only_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert memory.keep_freed_memory() is False


def test_the_first_block_keeps_freed_memory_once(monkeypatch: pytest.MonkeyPatch, switch: _Switch) -> None:
    calls: list[int] = []

    def record() -> bool:
        calls.append(1)
        return True

    monkeypatch.setattr(memory, "keep_freed_memory", record)
    monkeypatch.setattr(memory._ADVICE, "allocator_set", False)
    with memory.large_work():
        pass
    with memory.large_work():
        pass
    assert calls == [1]


def test_arrow_allocates_from_jemalloc_inside_and_the_pool_is_put_back() -> None:
    if memory._ADVICE.pool is None:
        pytest.skip("this Arrow has no jemalloc pool, or the user chose one")
    before = pa.default_memory_pool().backend_name
    with memory.large_work():
        assert pa.default_memory_pool().backend_name == "jemalloc"
        with memory.large_work():
            assert pa.default_memory_pool().backend_name == "jemalloc"
        assert pa.array(["a", "b"]).to_pylist() == ["a", "b"]
    assert pa.default_memory_pool().backend_name == before


def test_retaining_pool_leaves_the_users_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    assert memory._retaining_pool() is None


def test_numpy_advice_leaves_the_users_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    assert memory._numpy_advice_switch() is None
