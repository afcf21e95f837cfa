"""Shared test helpers: tiny logs built from literal columns, files written on the fly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import netinsight as ni


def make_log(**columns: list[Any]) -> pd.DataFrame:
    """A log read from literal columns, e.g. ``make_log(date=[...], contact=[...])``."""
    return ni.read_log(pd.DataFrame(columns))


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def write(name: str, content: str | bytes, *, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write
