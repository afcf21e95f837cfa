from __future__ import annotations

import pandas as pd
import pytest

import netinsight as ni

from .conftest import make_log


def test_summary_by_hand() -> None:
    log = make_log(
        owner=["s1", "s1", "s1", "s2"],
        date=["2026-01-05", "2026-02-10", "2026-02-11", "2026-03-01"],
        contact=["Ana Ruiz", "dr. ana ruiz", "Ben Okafor", "Ana Ruiz"],
        company=["Acme", "ACME", "Bluefin", "Acme"],
        industry=["Tech", "Software", "Banking", ""],
        program=["Econ", "Econ", "Econ", "Bio"],
    )
    whole = ni.summarize_log(log)
    assert whole.to_dict("records") == [
        {
            "owners": 2,
            "interviews": 4,
            "contacts": 3,
            "companies": 2,
            "industries": 2,
            "first_date": pd.Timestamp("2026-01-05"),
            "last_date": pd.Timestamp("2026-03-01"),
        }
    ]
    by = ni.summarize_log(log, by="program")
    assert by["program"].tolist() == ["Bio", "Econ"]
    assert by["interviews"].tolist() == [1, 3]
    assert by["contacts"].tolist() == [1, 2]


def test_summary_contact_ids_tell_people_apart() -> None:
    log = make_log(
        date=["2026-01-05"] * 2, contact=["Ana Ruiz", "Ana Ruiz"], contact_id=["ana@a.example", "ana@b.example"]
    )
    assert ni.summarize_log(log)["contacts"].iloc[0] == 2


def test_summary_of_empty_log_and_bad_by() -> None:
    empty = make_log(date=[], contact=[])
    row = ni.summarize_log(empty).iloc[0]
    assert (row["owners"], row["interviews"]) == (0, 0)
    assert pd.isna(row["first_date"])
    with pytest.raises(KeyError, match=r"`by` column\(s\) \['nope'\] not in log"):
        ni.summarize_log(empty, by="nope")


def test_tally_values_lists_and_periods() -> None:
    log = make_log(
        date=["2026-01-05", "2026-03-02", "2026-03-09", "2026-03-10"],
        contact=list("abcd"),
        channel=["Zoom", "coffee", "Teams", ""],
        outcome=["referral; job lead", "referral", "", ""],
    )
    assert ni.tally(log, "channel").values.tolist() == [["video", 2, 0.5], ["(none)", 1, 0.25], ["in_person", 1, 0.25]]
    assert ni.tally(log, "outcome").values.tolist() == [["(none)", 2, 0.5], ["referral", 2, 0.5], ["job_lead", 1, 0.25]]
    monthly = ni.tally(log, "date", freq="M")
    assert monthly.values.tolist() == [["2026-01", 1, 0.25], ["2026-02", 0, 0.0], ["2026-03", 3, 0.75]]


def test_tally_errors_and_empty() -> None:
    log = make_log(date=[], contact=[])
    assert ni.tally(log, "channel").empty
    with pytest.raises(KeyError, match="column 'x' not in log"):
        ni.tally(log, "x")
    with pytest.raises(TypeError, match="`freq` needs a date column"):
        ni.tally(log, "contact", freq="M")


def test_summary_on_a_tricky_log_by_hand() -> None:
    log = make_log(
        date=["2026-03-02", "2026-03-02", "2026-03-05 10:00", "2026-03-09", "2026-03-10", "2026-03-10"],
        contact=["Ana", "ana", "Ben", "Dr. Ana", "Cy", ""],
        contact_id=["", "", "", "", "cy@x.example", "CY@x.example"],
        company=["Acme", "ACME", "", "Acme Inc.", "Bluefin", "Zed"],
        industry=["Tech", "Software", "", "Tech", "Banking", "Banking"],
        program=["MBA", "MBA", "", "MBA", "MSc", "MSc"],
    )
    out = ni.summarize_log(log, by="program")
    assert out["program"].tolist()[:2] == ["MBA", "MSc"]
    assert pd.isna(out["program"].iloc[2])  # the missing program is a group of its own, last
    # MBA: one Ana, companies compared without case only ("acme", "acme inc."); MSc: one id written two ways
    assert out[["owners", "interviews", "contacts", "companies", "industries"]].values.tolist() == [
        [1, 3, 1, 2, 1],
        [1, 2, 1, 2, 1],
        [1, 1, 1, 0, 0],
    ]
    assert out["last_date"].dt.strftime("%d %H:%M").tolist() == ["09 00:00", "10 00:00", "05 10:00"]
    one = ni.summarize_log(log.iloc[:1]).iloc[0].to_dict()
    assert [one[k] for k in ("owners", "interviews", "contacts", "companies", "industries")] == [1, 1, 1, 1, 1]
