from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.coverage import concentration, coverage_over_time, industry_coverage
from netinsight.reach import target_status
from netinsight.targets import read_targets

from .conftest import make_log


def test_industry_coverage_by_hand(log: pd.DataFrame) -> None:
    before = log.copy()
    out = industry_coverage(log)
    assert out["industry"].tolist() == ["Technology", "(none)", "Consulting", "Finance"]
    assert out["interviews"].tolist() == [2, 1, 1, 1]
    assert out["contacts"].tolist() == [1, 1, 1, 1]
    assert out["companies"].tolist() == [1, 0, 1, 1]  # "Acme Corp." = "ACME Corporation"
    assert out["all_interviews"].tolist() == [5, 5, 5, 5]
    assert out["share"].tolist() == [0.4, 0.2, 0.2, 0.2]
    assert out.loc[0, "first_date"] == pd.Timestamp("2026-01-05")
    assert out.loc[0, "last_date"] == pd.Timestamp("2026-01-07")
    pd.testing.assert_frame_equal(log, before)


def test_industry_coverage_with_targets_by_hand(
    log: pd.DataFrame, targets: pd.DataFrame, connections: pd.DataFrame
) -> None:
    out = industry_coverage(log, targets=targets, connections=connections).set_index("industry")
    assert out.index.tolist() == ["Technology", "(none)", "Consulting", "Finance", "Healthcare"]
    assert out["target"].tolist() == [True, False, False, True, True]
    assert out["target_employers"].tolist() == [1, 0, 0, 2, 1]
    assert out["reached"].tolist() == [1, 0, 0, 1, 0]
    assert out["reachable"].tolist() == [0, 0, 0, 1, 0]
    assert out["untouched"].tolist() == [0, 0, 0, 0, 1]
    assert out.loc["Technology", "reached_rate"] == 1.0
    assert out.loc["Finance", "reached_rate"] == 0.5
    assert out.loc["Healthcare", "reached_rate"] == 0.0  # a real 0 %: one target, none reached
    assert pd.isna(out.loc["Consulting", "reached_rate"])  # no target there: no rate, not 0 %
    assert out.loc["Healthcare", "interviews"] == 0
    assert out.loc["Healthcare", "share"] == 0.0


def test_industry_coverage_target_list_with_no_match(log: pd.DataFrame) -> None:
    targets = read_targets(pd.DataFrame({"employer": ["Zenith"], "industry": ["Energy"]}))
    cov = industry_coverage(log, targets=targets).set_index("industry")
    assert cov.loc["Energy", ["interviews", "target_employers", "untouched"]].tolist() == [0, 1, 1]


def test_by_owner_judges_each_owner_on_their_own_interviews() -> None:
    log = make_log(
        owner=["A", "B"], date=["2026-01-05", "2026-01-06"], contact=["Ana", "Ben"],
        company=["Acme", "Bluefin"], industry=["Tech", "Banking"],
    )  # fmt: skip
    targets = read_targets(pd.DataFrame({"employer": ["Acme", "Bluefin"], "industry": ["Tech", "Banking"]}))
    connections = pd.DataFrame({"owner": ["A"], "company": ["Bluefin"]})
    out = target_status(log, targets, by="owner", connections=connections)
    assert out[["owner", "employer", "status"]].astype(str).values.tolist() == [
        ["A", "Acme", "reached"],
        ["A", "Bluefin", "reachable"],
        ["B", "Acme", "untouched"],
        ["B", "Bluefin", "reached"],
    ]
    cov = industry_coverage(log, targets=targets, by="owner")
    a = cov[cov["owner"] == "A"].set_index("industry")
    assert a.loc["Technology", "share"] == 1.0
    assert a.loc["Finance", ["interviews", "untouched", "reached_rate"]].tolist() == [0, 1, 0.0]


def test_by_month_is_derived_from_the_date(log: pd.DataFrame) -> None:
    out = industry_coverage(log, by="month")
    assert out[["month", "industry", "interviews", "share"]].values.tolist() == [
        ["2026-01", "Technology", 2, 0.667],
        ["2026-01", "Finance", 1, 0.333],
        ["2026-02", "(none)", 1, 0.5],
        ["2026-02", "Consulting", 1, 0.5],
    ]


def test_unknown_by_column_is_named(log: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match=r"`by` column\(s\) \['cohort'\] not in log. Columns in log: \['owner'"):
        industry_coverage(log, by="cohort")


def test_empty_log(targets: pd.DataFrame) -> None:
    empty = make_log(date=[], contact=[])
    assert len(industry_coverage(empty)) == 0
    cov = industry_coverage(empty, targets=targets)
    assert cov["interviews"].sum() == 0
    assert cov["share"].isna().all()  # 0 of 0 interviews: missing, not 0 %
    conc = concentration(empty).iloc[0]
    assert conc["interviews"] == 0
    assert pd.isna(conc["evenness"])
    assert pd.isna(conc["top_share"])
    assert len(coverage_over_time(empty)) == 0
    assert "target_employers" in coverage_over_time(empty, targets=targets).columns


def test_one_row_log() -> None:
    one = make_log(date=["2026-03-02"], contact=["Ana"], company=["Acme"], industry=["Banking"])
    out = industry_coverage(one)
    assert out[["industry", "interviews", "share"]].values.tolist() == [["Finance", 1, 1.0]]
    conc = concentration(one).iloc[0]
    assert (conc["industries"], conc["top_share"], conc["hhi"], conc["evenness"]) == (1, 1.0, 1.0, 0.0)


def test_concentration_by_hand() -> None:
    log = make_log(
        owner=["even", "even", "banker", "banker", "banker"],
        date=["2026-01-05"] * 5,
        contact=list("ABCDE"),
        industry=["Tech", "Banking", "Banking", "Banking", "Bank"],
    )
    out = concentration(log, by="owner").set_index("owner")
    assert out.loc["even", ["industries", "top_share", "hhi", "evenness"]].tolist() == [2, 0.5, 0.5, 1.0]
    assert out.loc["even", "top_industry"] == "Finance"  # a tie: alphabetically first
    assert out.loc["banker", ["industries", "top_interviews", "top_share", "evenness"]].tolist() == [1, 3, 1.0, 0.0]


def test_coverage_over_time_weekly_by_hand(log: pd.DataFrame, targets: pd.DataFrame) -> None:
    out = coverage_over_time(log, targets=targets)
    assert out["start"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09",
    ]  # fmt: skip
    assert out["interviews"].tolist() == [2, 1, 0, 0, 0, 2]
    assert out["industries"].tolist() == [1, 2, 2, 2, 2, 3]
    assert out["employers"].tolist() == [1, 2, 2, 2, 2, 3]
    assert out["target_employers_reached"].tolist() == [1, 2, 2, 2, 2, 2]
    assert out["target_employers"].tolist() == [4] * 6
    assert out["target_reached_rate"].tolist() == [0.25, 0.5, 0.5, 0.5, 0.5, 0.5]
    assert out["target_industries_reached"].tolist() == [1, 2, 2, 2, 2, 2]
    assert out["target_industries"].tolist() == [3] * 6
    assert out["period"].iloc[0] == "2026-01-05/2026-01-11"


def test_coverage_over_time_bad_freq(log: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"`freq` must be a period frequency such as 'W'.*not 'fortnight'"):
        coverage_over_time(log, freq="fortnight")


def tricky_log() -> pd.DataFrame:
    # Acme written two ways, a row without program, industry or company, a row without a contact
    return make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-05 10:00", "2026-03-09", "2026-03-10", "2026-03-10"],
        contact=["Ana", "ana", "Ben", "Ana", "Cy", ""],
        company=["Acme", "ACME Inc.", "", "Acme", "Bluefin", "Zed"],
        industry=["Tech", "Software", "", "Tech", "Banking", "Banking"],
        program=["MBA", "MBA", "", "MBA", "MSc", "MSc"],
    )


def test_coverage_and_concentration_on_a_tricky_log_by_hand() -> None:
    out = industry_coverage(tricky_log(), by="program")
    assert out["industry"].tolist() == ["Technology", "Finance", "(none)"]
    assert pd.isna(out["program"].iloc[2])  # the missing program is a group of its own, last
    # MBA: Ana three times is one contact, Acme two ways one company; MSc: the row without a contact is nobody
    assert out[["interviews", "contacts", "companies", "all_interviews"]].values.tolist() == [
        [3, 1, 1, 3],
        [2, 1, 2, 2],
        [1, 1, 0, 1],
    ]
    assert out["first_date"].dt.strftime("%d %H:%M").tolist() == ["02 00:00", "10 00:00", "05 10:00"]
    conc = concentration(tricky_log(), by="program")  # the group without an industry has no row
    assert conc[["program", "interviews", "industries", "top_industry", "hhi", "evenness"]].values.tolist() == [
        ["MBA", 3, 1, "Technology", 1.0, 0.0],
        ["MSc", 2, 1, "Finance", 1.0, 0.0],
    ]


def test_concentration_tie_takes_the_first_name_and_sums_shares_like_pandas() -> None:
    log = make_log(
        date=["2026-01-05"] * 7, contact=list("ABCDEFG"), industry=["Tech"] * 3 + ["Banking"] * 3 + ["Legal"]
    )
    out = concentration(log).iloc[0]
    assert (out["top_industry"], out["top_interviews"]) == ("Finance", 3)  # a tie with Technology: alphabetically
    shares = pd.Series([3, 3, 1]) / 7  # pandas sums the sorted squares and entropies in this order
    assert out["hhi"] == round((shares**2).sum(), 3)
    assert out["evenness"] == round(float((-shares * np.log(shares)).sum() / np.log(3)), 3)


def test_grouping_by_industry_is_refused() -> None:
    log = make_log(date=["2026-01-05"], contact=["A"], industry=["Tech"])
    with pytest.raises(ValueError, match="`by` cannot name 'industry'"):
        industry_coverage(log, by="industry")
    with pytest.raises(ValueError, match="`by` cannot name 'industry'"):
        concentration(log, by=["owner", "industry"])
