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


def test_employer_codes_are_the_keys_of_the_spellings() -> None:
    from netinsight.employers import employer_codes

    log = pd.DataFrame({"company": ["Acme Corp.", None, "ACME Corporation", "Bluefin", "Inc.", "", "Acme Corp."]})
    codes = employer_codes(log)
    spellings, expected = pd.factorize(log["company"])
    assert codes.company.tolist() == spellings.tolist()
    assert codes.spellings.tolist() == list(expected)
    keys = normalize_employer(pd.Series(list(expected), dtype="str"))
    assert [codes.names[k] if k >= 0 else None for k in codes.key] == [k if pd.notna(k) else None for k in keys]
    row_keys = normalize_employer(log["company"])
    assert [codes.names[k] if k >= 0 else None for k in codes.row_keys()] == [
        k if pd.notna(k) else None for k in row_keys
    ]
    empty = employer_codes(log.iloc[:0])
    assert empty.row_keys().tolist() == []
    assert empty.names.tolist() == []


def test_employer_codes_the_same_from_the_codes_validation_kept() -> None:
    import netinsight as ni
    from netinsight import memo
    from netinsight.employers import employer_codes

    columns = {
        "date": ["2026-01-05"] * 5,
        "contact": ["Ana", "Ben", "Cy", "Dee", "Eve"],
        "company": ["Acme Corp.", "", "ACME Corporation", "Bluefin", "Acme Corp."],
    }
    log = ni.read_log(pd.DataFrame(columns))
    ni.validate_log(log, strict=False)
    assert memo.kept(log, "text:company") is not None
    kept = employer_codes(log)
    memo.clear()
    fresh = employer_codes(ni.read_log(pd.DataFrame(columns)))
    for codes in (kept, fresh):
        assert codes.company.tolist() == [0, -1, 1, 2, 0]
        assert codes.spellings.tolist() == ["Acme Corp.", "ACME Corporation", "Bluefin"]
        assert codes.names.tolist() == ["acme", "bluefin"]
        assert codes.row_keys().tolist() == [0, -1, 0, 1, 0]
