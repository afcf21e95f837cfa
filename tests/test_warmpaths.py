"""Tests of netinsight.warmpaths: who to ask at each target employer."""

from __future__ import annotations

import pandas as pd
import pytest

from netinsight.warmpaths import warm_paths
from tests.conftest import make_log


def test_targets_in_order_and_one_row_for_nobody_there() -> None:
    log = make_log(
        date=["2026-01-05", "2026-01-09"],
        contact=["Ana Ruiz", "Ben Okafor"],
        company=["Acme Inc.", "Bluefin"],
        introduced_by=["", "Ana Ruiz"],
    )
    found = warm_paths(log, ["Bluefin", "Zenith", "ACME"])
    assert found["employer"].tolist() == ["Bluefin", "Zenith", "ACME"]
    assert found["chain_text"].tolist()[0] == "me -> Ana Ruiz -> Ben Okafor"
    assert pd.isna(found["person"].iloc[1])
    assert found["name"].iloc[2] == "Ana Ruiz"


def test_empty_targets_and_a_table_without_employer() -> None:
    log = make_log(date=["2026-01-05"], contact=["Ana"])
    assert len(warm_paths(log, [])) == 0
    with pytest.raises(ValueError, match=r"`targets` needs an 'employer' column; columns found: \['firm'\]"):
        warm_paths(log, pd.DataFrame({"firm": ["Acme"]}))
