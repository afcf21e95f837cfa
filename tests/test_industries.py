from __future__ import annotations

import pandas as pd

import netinsight as ni
from netinsight.industries import SECTOR_ALIASES, sector_table


def test_at_least_twenty_sectors_with_spellings() -> None:
    assert len(SECTOR_ALIASES) >= 20
    assert all(len(spellings) >= 2 for spellings in SECTOR_ALIASES.values())


def test_common_spellings() -> None:
    table = sector_table()
    for spelling in ("Tech", "IT", "Software"):
        assert table[ni.schema.header_key(spelling)] == "Technology"
    for spelling in ("Banking", "Finance", "Investment Banking"):
        assert table[ni.schema.header_key(spelling)] == "Finance"


def test_no_spelling_in_two_sectors() -> None:
    seen: dict[str, str] = {}
    for sector, spellings in SECTOR_ALIASES.items():
        for spelling in (sector, *spellings):
            key = ni.schema.header_key(spelling)
            assert seen.setdefault(key, sector) == sector, spelling


def test_read_log_maps_industry_keeps_original_and_unknown() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {"date": ["2026-01-05"] * 3, "contact": ["A", "B", "C"], "industry": ["  tech ", "Space mining", "BANKING"]}
        )
    )
    assert log["industry"].tolist() == ["tech", "Space mining", "BANKING"]
    assert log["sector"].astype(object).tolist() == ["Technology", "Space mining", "Finance"]


def test_user_can_extend_and_override() -> None:
    frame = pd.DataFrame({"date": ["2026-01-05"] * 2, "contact": ["A", "B"], "industry": ["Space mining", "Tech"]})
    log = ni.read_log(frame, sectors={"Space": ["space mining"], "Software": ["tech"]})
    assert log["sector"].astype(object).tolist() == ["Space", "Software"]


def test_user_can_replace_the_table() -> None:
    frame = pd.DataFrame({"date": ["2026-01-05"] * 2, "contact": ["A", "B"], "industry": ["Space mining", "Tech"]})
    log = ni.read_log(frame, sectors={"Space": ["space mining"]}, builtin_sectors=False)
    assert log["sector"].astype(object).tolist() == ["Space", "Tech"]
