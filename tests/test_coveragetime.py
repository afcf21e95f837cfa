from __future__ import annotations

import pandas as pd

from netinsight import coverage
from netinsight.coveragetime import coverage_over_time

from .conftest import make_log


def test_coverage_over_time_is_also_reachable_from_coverage() -> None:
    assert coverage.coverage_over_time is coverage_over_time


def test_coverage_over_time_monthly_by_hand_and_empty() -> None:
    log = make_log(
        date=["2026-01-05", "2026-03-02", "2026-03-09"],
        contact=["A", "B", "C"],
        company=["Acme", "Acme Inc.", "Bluefin"],
        industry=["Tech", "Software", "Banking"],
    )
    out = coverage_over_time(log, freq="M")
    # Acme twice is one employer; February has no interview but keeps the totals so far
    assert out[["period", "interviews", "industries", "employers"]].values.tolist() == [
        ["2026-01", 1, 1, 1],
        ["2026-02", 0, 1, 1],
        ["2026-03", 2, 2, 2],
    ]
    assert len(coverage_over_time(make_log(date=[], contact=[]))) == 0
    assert isinstance(out["start"].iloc[0], pd.Timestamp)
