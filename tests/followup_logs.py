"""Hand-worked logs shared by the follow-up tests (rates, flags, to-do list)."""

from __future__ import annotations

import pandas as pd

from tests.conftest import make_log


def tricky_log() -> pd.DataFrame:
    """Ana three times (written two ways), a row without a program, a row without a contact, a timed interview."""
    return make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-05 10:00", "2026-03-09", "2026-03-10", "2026-03-10"],
        contact=["Ana", "ana", "Ben", "Ana", "Cy", ""],
        program=["MBA", "MBA", "", "MBA", "MSc", "MSc"],
        thank_you_date=["2026-03-03", "", "2026-03-06 09:00", "2026-03-09", "2026-03-20", ""],
        follow_up_date=["2026-03-20", "", "", "2026-03-08", "", "2026-03-12"],
    )
