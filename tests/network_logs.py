"""Hand-worked logs shared by the network tests (graph, people, chains, connectors, plots)."""

from __future__ import annotations

import pandas as pd

from tests.conftest import make_log


def hand_log() -> pd.DataFrame:
    """Ana (direct) -> Ben -> Cy; Carla (never interviewed) -> Dan; Eve introduced by Ana, later by Dan."""
    return make_log(
        date=["2026-01-05", "2026-01-09", "2026-01-12", "2026-01-20", "2026-01-25", "2026-02-01"],
        contact=["Ana Ruiz", "Ben Okafor", "Cy Tan", "Dan Wu", "Eve Li", "Eve Li"],
        company=["Acme", "Bluefin", "Bluefin", "Initech", "Acme", "Acme"],
        industry=["Tech", "Banking", "Banking", "Tech", "Tech", "Tech"],
        introduced_by=["", "Ana Ruiz", "Ben Okafor", "Carla Diaz", "Ana Ruiz", "Dan Wu"],
        outcome=["", "", "referral", "", "job lead", "referral"],
    )


def cohort_log() -> pd.DataFrame:
    """Two students share Ana (same contact_id); both were introduced by her to Dee (same id)."""
    return make_log(
        owner=["s1", "s1", "s1", "s2", "s2", "s2"],
        date=["2026-01-05", "2026-01-08", "2026-01-10", "2026-01-15", "2026-01-18", "2026-01-20"],
        contact=["Ana Ruiz", "Ben Okafor", "Dee Ma", "Ana Ruiz", "Cy Tan", "Dee Ma"],
        contact_id=["ana@acme.example", "", "dee@x.example", "ANA@acme.example", "", "dee@x.example"],
        company=["Acme", "Bluefin", "X", "Acme", "Initech", "X"],
        introduced_by=["", "Ana Ruiz", "Ana Ruiz", "", "Ana Ruiz", "Ana Ruiz"],
    )
