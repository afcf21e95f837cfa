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


def test_release_memory_on_this_machine() -> None:
    memory.release_memory()
    memory.release_memory()  # nothing left to release: still fine
