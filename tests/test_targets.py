from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from netinsight.problems import LogReadError, ValidationError
from netinsight.targets import read_targets

WriteFile = Callable[..., Path]


def test_read_targets_aliases_scores_and_rank_from_scores(write_file: WriteFile) -> None:
    path = write_file(
        "targets.csv",
        "Company,Sector,Motivation,Posting,Alumni\n"
        "Bluefin Capital,Banking,3,1,no\n"
        "Acme Corp.,Tech,5,2,yes\n"
        "Cobalt,Consulting,5,3,0\n"
        "Delta,Tech,,,\n",
    )
    t = read_targets(path)
    assert t["employer"].tolist() == ["Cobalt", "Acme Corp.", "Bluefin Capital", "Delta"]
    assert t["rank"].tolist() == [1, 2, 3, 4]
    assert t["sector"].tolist() == ["Consulting", "Technology", "Finance", "Technology"]
    assert t["advocacy"].tolist()[:3] == [0.0, 1.0, 0.0]
    assert pd.isna(t["motivation"].iloc[3])
    assert t["source_line"].tolist() == [4, 3, 2, 5]
    assert t["key"].tolist() == ["cobalt", "acme", "bluefin capital", "delta"]


def test_read_targets_given_rank_and_file_order() -> None:
    frame = pd.DataFrame({"Employer": ["B", "A", "C"], "Industry": ["Tech"] * 3, "Priority": [2, 1, 3]})
    before = frame.copy()
    t = read_targets(frame)
    assert t["employer"].tolist() == ["A", "B", "C"]
    pd.testing.assert_frame_equal(frame, before)
    plain = read_targets(pd.DataFrame({"employer": ["B", "A"], "industry": ["Tech", "Tech"]}))
    assert plain["employer"].tolist() == ["B", "A"]
    assert plain["rank"].tolist() == [1, 2]


def test_read_targets_reads_its_own_output_again() -> None:
    t = read_targets(pd.DataFrame({"employer": ["B", "A"], "industry": ["Tech", "Banking"], "rank": [2, 1]}))
    again = read_targets(t)
    assert again[["rank", "employer", "sector"]].equals(t[["rank", "employer", "sector"]])


def test_read_targets_lists_every_error_with_its_line(write_file: WriteFile) -> None:
    path = write_file(
        "targets.csv",
        "Company,Sector,Motivation,Advocacy\nAcme Corp.,Tech,5,yes\n,Banking,x,\nACME Corporation,,3,maybe\n",
    )
    with pytest.raises(ValidationError, match=r"the target list has 5 errors") as info:
        read_targets(path)
    text = str(info.value)
    assert "targets.csv:3: Company: error: no employer on this row" in text
    assert "targets.csv:3: Motivation: error: cannot read this motivation; write a number of 0 or more" in text
    assert "targets.csv:4: Sector: error: no industry on this row" in text
    assert "targets.csv:4: Company: error: the same employer as line 2; keep one of them [duplicate_target]" in text
    assert "targets.csv:4: Advocacy: error: cannot read this advocacy" in text
    assert set(info.value.problems["code"]) == {"empty_value", "bad_number", "duplicate_target"}


def test_read_targets_missing_columns() -> None:
    with pytest.raises(ValidationError, match=r"column 'employer' not in the target list; columns found: \['Who'"):
        read_targets(pd.DataFrame({"Who": ["Acme"], "Where": ["x"]}))


def test_read_targets_bad_rank() -> None:
    frame = pd.DataFrame({"employer": ["A", "B", "C"], "industry": ["x"] * 3, "rank": ["1", "0", ""]})
    with pytest.raises(ValidationError, match=r"the target list has 2 errors") as info:
        read_targets(frame)
    assert "cannot read this rank; write a whole number from 1" in str(info.value)
    assert "no rank on this row" in str(info.value)


def test_read_targets_empty_file_names_the_target_columns(write_file: WriteFile) -> None:
    with pytest.raises(LogReadError, match=r"at least the columns employer and industry"):
        read_targets(write_file("targets.csv", ""))


def test_read_targets_header_only_is_an_empty_list(write_file: WriteFile) -> None:
    t = read_targets(write_file("targets.csv", "employer,industry\n"))
    assert len(t) == 0
    assert list(t.columns)[:4] == ["rank", "employer", "industry", "sector"]
