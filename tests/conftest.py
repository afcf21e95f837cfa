"""Shared test helpers: tiny logs built from literal columns, files written on the fly, coverage data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import netinsight as ni
from netinsight.targets import read_targets


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


@pytest.fixture
def log() -> pd.DataFrame:
    """Five interviews at four employers (test_coverage, test_reach); a module's own `log` overrides it."""
    return make_log(
        date=["2026-01-05", "2026-01-07", "2026-01-14", "2026-02-10", "2026-02-11"],
        contact=["Ana", "Ana", "Ben", "Cy", "Dee"],
        company=["Acme Corp.", "ACME Corporation", "Bluefin Capital", "Cobalt", ""],
        industry=["Tech", "Software", "Banking", "Consulting", ""],
    )


@pytest.fixture
def targets() -> pd.DataFrame:
    return read_targets(
        pd.DataFrame(
            {
                "employer": ["Acme", "Delta Health", "Bluefin Capital LLC", "Echo"],
                "industry": ["Tech", "Healthcare", "Banking", "Banking"],
            }
        )
    )


@pytest.fixture
def connections() -> pd.DataFrame:
    return pd.DataFrame({"name": ["P", "Q", "R"], "company": ["Echo Inc.", "Echo", "Zeta"]})
