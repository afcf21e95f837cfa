from __future__ import annotations

import pandas as pd
import pytest

from netinsight.employers import match_employers, normalize_employer


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme Corp.", "ACME Corporation"),
        ("Acme, Inc", "acme"),
        ("Johnson & Johnson", "Johnson and Johnson"),
        ("Goldman Sachs & Co. LLC", "Goldman Sachs"),
        ("The Walt Disney Company", "Walt Disney"),
        ("A.T. Kearney", "AT Kearney"),
        ("Siemens AG", "SIEMENS"),
        ("Nestlé S.A.", "Nestle"),
        ("  Bluefin   Capital LLC ", "Bluefin Capital"),
        ("Ben & Jerry's", "Ben and Jerrys"),
    ],
)
def test_normalize_employer_equal(a: str, b: str) -> None:
    keys = normalize_employer([a, b])
    assert keys.iloc[0] == keys.iloc[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Acme", "Acme Labs"), ("Acme", "Acne"), ("BCG", "Boston Consulting Group"), ("Amazon", "Amazon.com")],
)
def test_normalize_employer_never_fuzzy(a: str, b: str) -> None:
    keys = normalize_employer([a, b])
    assert keys.iloc[0] != keys.iloc[1]


def test_normalize_employer_keeps_a_name_that_is_only_a_suffix_and_missing_values() -> None:
    keys = normalize_employer(pd.Series(["Company", None, ""], index=[5, 6, 7]))
    assert keys.index.tolist() == [5, 6, 7]
    assert keys.iloc[0] == "company"
    assert keys.iloc[1:].isna().all()


def test_match_employers_reports_how_each_target_matched() -> None:
    companies = pd.Series(["ACME Corporation", "Bluefin Capital", "Bluefin Capital LLC", None])
    before = companies.copy()
    m = match_employers(pd.Series(["Acme Corp.", "Bluefin Capital", "Zenith"], index=[10, 11, 12]), companies)
    assert m.index.tolist() == [10, 11, 12]
    assert m["match"].tolist() == ["normalised", "exact", "not found"]
    assert m["matched_as"].tolist()[:2] == ["ACME Corporation", "Bluefin Capital; Bluefin Capital LLC"]
    assert pd.isna(m["matched_as"].iloc[2])
    pd.testing.assert_series_equal(companies, before)


def test_match_employers_no_companies_at_all() -> None:
    m = match_employers(["Acme"], [])
    assert m["match"].tolist() == ["not found"]
