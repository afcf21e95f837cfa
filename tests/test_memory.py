from __future__ import annotations

import pytest

from netinsight import memory


def test_release_after_releases_only_after_large_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "release_memory", lambda: calls.append(1))
    memory.release_after(memory.LARGE_ROWS - 1)
    assert calls == []
    memory.release_after(memory.LARGE_ROWS)
    assert calls == [1]


def test_release_memory_without_glibc_still_releases_arrows_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    memory.release_memory()  # no error: only Arrow's pool is released


def test_release_memory_on_this_machine() -> None:
    memory.release_memory()
    memory.release_memory()  # the C library is looked up once
