"""Publishing protected tables: markers, coded rates, the privacy note."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netinsight.privacy import SUPPRESSED, code_rates, privacy_note, publish


def one_way(n_groups: int) -> list[tuple[list[int], int]]:
    """Groups 0..n-1 add up to the total in row n."""
    return [(list(range(n_groups)), n_groups)]


# --- code_rates ------------------------------------------------------------------------------


def test_code_rates_codes_the_ends_and_keeps_the_rest() -> None:
    rates = pd.Series([0.0, 0.03, 0.05, 0.5, 0.95, 0.97, 1.0, np.nan], index=list("abcdefgh"), name="on_time")
    before = rates.copy()
    out = code_rates(rates)
    assert out.dtype == object
    assert out.name == "on_time"
    assert out.index.tolist() == list("abcdefgh")
    assert out.tolist()[:7] == ["<5%", "<5%", 0.05, 0.5, 0.95, ">95%", ">95%"]
    assert pd.isna(out["h"])
    pd.testing.assert_series_equal(rates, before)


def test_code_rates_other_bounds_and_nullable_floats() -> None:
    rates = pd.Series([0.08, 0.5, 0.925, None], dtype="Float64")
    out = code_rates(rates, low=0.1, high=0.9)
    assert out.tolist()[:3] == ["<10%", 0.5, ">90%"]
    assert pd.isna(out.iloc[3])
    assert code_rates(pd.Series([], dtype=float)).tolist() == []


def test_code_rates_errors() -> None:
    with pytest.raises(ValueError, match=r"`low` and `high` must satisfy 0 < low < high < 1; got low=0.5, high=0.2\."):
        code_rates(pd.Series([0.3]), low=0.5, high=0.2)
    with pytest.raises(ValueError, match=r"rates in 'r' must be numbers between 0 and 1; got dtype str\."):
        code_rates(pd.Series(["high"], name="r", dtype="str"))


# --- publish ----------------------------------------------------------------------------------


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "program": ["Art", "Bio", "Chem", "Total"],
            "students": [4, 25, 12, 41],
            "interviews": [9, 80, 30, 119],
            "on_time_rate": [0.5, 1.0, 0.02, 0.7],
        },
        index=[10, 11, 12, 13],
    )


def test_publish_hides_rows_codes_rates_and_keeps_keys(table: pd.DataFrame) -> None:
    table.attrs["source"] = "test"
    before = table.copy()
    out = publish(table, support="students", lines=one_way(3), min_cell=10, rates=["on_time_rate"], keep=["program"])
    assert out.values.tolist() == [
        ["Art", SUPPRESSED, SUPPRESSED, SUPPRESSED],
        ["Bio", 25, 80, ">95%"],
        ["Chem", SUPPRESSED, SUPPRESSED, SUPPRESSED],
        ["Total", 41, 119, 0.7],
    ]
    assert out.index.tolist() == [10, 11, 12, 13]
    assert out.columns.tolist() == table.columns.tolist()
    assert out["program"].dtype == table["program"].dtype
    assert (out[["students", "interviews", "on_time_rate"]].dtypes == np.dtype(object)).all()
    # Chem's 0.02 is hidden, not coded: only Bio's 1.0 counts.
    assert out.attrs == {"source": "test", "privacy": {"min_cell": 10, "suppressed": 2, "coded": 1}}
    pd.testing.assert_frame_equal(table, before)
    assert table.attrs == {"source": "test"}


def test_publish_without_lines_and_with_text_columns() -> None:
    table = pd.DataFrame({"stage": ["a", "b"], "students": [3, 30], "note": ["x", "y"]})
    out = publish(table, support="students", lines=[], min_cell=5)
    assert out.values.tolist() == [[SUPPRESSED] * 3, ["b", 30, "y"]]
    assert (out.dtypes == np.dtype(object)).all()


def test_publish_empty_and_single_row_tables() -> None:
    empty = pd.DataFrame({"program": pd.Series([], dtype="str"), "students": pd.Series([], dtype="int64")})
    out = publish(empty, support="students", lines=[], min_cell=10, keep=["program"])
    assert len(out) == 0
    assert out.attrs["privacy"] == {"min_cell": 10, "suppressed": 0, "coded": 0}
    total = pd.DataFrame({"program": ["Total"], "students": [12], "rate": [0.0]})
    out = publish(total, support="students", lines=one_way(0), min_cell=10, rates=["rate"], keep=["program"])
    assert out.values.tolist() == [["Total", 12, "<5%"]]


def test_publish_errors(table: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match=r"`support` column\(s\) \['n'\] not in table\. Columns in table: \['program'"):
        publish(table, support="n", lines=[], min_cell=10)
    with pytest.raises(KeyError, match=r"`rates` column\(s\) \['rate'\] not in table"):
        publish(table, support="students", lines=[], min_cell=10, rates=["rate"])
    with pytest.raises(ValueError, match=r"`rates` and `keep` share column\(s\) \['on_time_rate'\]"):
        publish(table, support="students", lines=[], min_cell=10, rates=["on_time_rate"], keep=["on_time_rate"])
    with pytest.raises(ValueError, match="`min_cell` must be an integer of at least 5"):
        publish(table, support="students", lines=[], min_cell=2)


# --- privacy_note -----------------------------------------------------------------------------


def test_privacy_note_wording() -> None:
    assert privacy_note(min_cell=10, suppressed=3, coded=2) == (
        "Rows resting on fewer than 10 students, and further rows where needed so that no hidden value can be "
        "worked out from the totals, are shown as * (3 rows here). "
        "Rates below 5% or above 95% are shown as <5% / >95% (2 values)."
    )
    one = privacy_note(min_cell=5, suppressed=1, coded=0, unit="people")
    assert one.startswith("Rows resting on fewer than 5 people, and further rows")
    assert one.endswith("(1 row here).")
    assert (
        privacy_note(min_cell=5, suppressed=0, coded=0)
        == "No row here rests on fewer than 5 students, so none is hidden."
    )
    assert privacy_note(min_cell=10, suppressed=0, coded=1).endswith("(1 value).")


def test_privacy_note_never_tells_primary_from_complementary() -> None:
    text = privacy_note(min_cell=10, suppressed=4, coded=1).lower()
    assert "primary" not in text
    assert "complementary" not in text


def test_privacy_note_errors() -> None:
    with pytest.raises(ValueError, match=r"`suppressed` must be a count \(an integer of 0 or more\); got -1\."):
        privacy_note(min_cell=10, suppressed=-1, coded=0)
    with pytest.raises(ValueError, match="`min_cell` must be an integer of at least 5"):
        privacy_note(min_cell=1, suppressed=0, coded=0)
