from __future__ import annotations

import pandas as pd
import pytest

from netinsight.groups import by_keys, check_period, group_frame, person_key, rate

from .conftest import make_log


def test_by_keys() -> None:
    assert by_keys("owner") == ["owner"]
    assert by_keys(("owner", "month")) == ["owner", "month"]
    assert by_keys(None) == []
    assert by_keys([]) == []


def test_group_frame_derives_month_and_week_from_the_date() -> None:
    # Sunday 11 Jan belongs to the week of Monday 5 Jan
    log = make_log(date=["2026-01-05", "2026-01-11", "2026-02-02"], contact=["A", "B", "C"], channel=["video"] * 3)
    before = log.copy()
    keys, frame = group_frame(log, ["channel", "month", "week"])
    assert keys == ["channel", "month", "week"]
    assert frame.index.equals(log.index)
    assert frame["month"].tolist() == ["2026-01", "2026-01", "2026-02"]
    assert frame["week"].tolist() == ["2026-01-05", "2026-01-05", "2026-02-02"]
    assert frame["channel"].astype(str).tolist() == ["video"] * 3
    pd.testing.assert_frame_equal(log, before)


def test_group_frame_without_by_and_on_an_empty_log() -> None:
    keys, frame = group_frame(make_log(date=["2026-01-05"], contact=["A"]), None)
    assert (keys, frame.shape) == ([], (1, 0))
    keys, frame = group_frame(make_log(date=[], contact=[]), "month")
    assert (keys, len(frame)) == (["month"], 0)


def test_group_frame_names_an_unknown_column() -> None:
    log = make_log(date=["2026-01-05"], contact=["A"])
    with pytest.raises(KeyError, match=r"`by` column\(s\) \['cohort'\] not in log. Columns in log: \['owner'"):
        group_frame(log, ["month", "cohort"])


def test_person_key_is_scoped_to_the_owner() -> None:
    log = make_log(owner=["me", "me", "you"], date=["2026-03-02"] * 3, contact=["Ana Ruiz", "dr. ana ruiz", "Ana Ruiz"])
    keys = person_key(log)
    assert keys.index.equals(log.index)
    assert keys.iloc[0] == keys.iloc[1]
    assert keys.iloc[0] != keys.iloc[2]


def test_rate_is_missing_for_a_zero_denominator() -> None:
    out = rate(pd.Series([2, 0, 0], index=[7, 8, 9]), pd.Series([3, 5, 0], index=[7, 8, 9]))
    assert out.index.tolist() == [7, 8, 9]
    assert out.iloc[:2].tolist() == [0.667, 0.0]  # a real 0 %
    assert pd.isna(out.iloc[2])  # 0 of 0: missing, not 0 %
    assert str(out.dtype) == "Float64"
    assert len(rate(pd.Series([], dtype="int64"), pd.Series([], dtype="int64"))) == 0


def test_check_period() -> None:
    for freq in ("W", "M", "D"):
        check_period(freq)
    with pytest.raises(ValueError, match=r"`freq` must be a period frequency such as 'W'.*not 'fortnight'"):
        check_period("fortnight")


def _tricky_log() -> pd.DataFrame:
    # missing, blank and space-padded programs (blank and padded text get the same label), a missing date
    return make_log(
        owner=["s1", "s1", "s2", "s3", "s3", "s4"],
        date=["2026-01-07", "2026-02-12", "", "2026-01-31", "2026-03-01", "2025-12-31"],
        contact=["Ana", "Ben", "Cy", "Di", "Ed", "Flo"],
        program=["Law", " Law", None, "", "Art", "Law"],
    )


@pytest.mark.parametrize("by", ["program", "month", "week", ["program", "month"], ["week", "owner"], None])
def test_log_group_codes_and_labels_equal_those_of_the_group_frame(by: object) -> None:
    from netinsight.grouparrays import group_codes
    from netinsight.groupcodes import group_codes as label_codes
    from netinsight.groups import key_codes, log_group_codes, log_group_labels

    for log in (_tricky_log(), _tricky_log().iloc[:1], _tricky_log().iloc[:0]):
        keys, frame = group_frame(log, by)
        codes, table = group_codes(frame)
        got_keys, got_codes, got_table = log_group_codes(log, by)
        assert got_keys == keys
        assert got_codes.tolist() == codes.tolist()
        pd.testing.assert_frame_equal(got_table, table)
        codes, labels = label_codes(frame, keys)
        _, got_codes, got_labels = log_group_labels(log, by)
        assert got_codes.tolist() == codes.tolist()
        pd.testing.assert_frame_equal(got_labels, labels)
        for key in keys:
            expected = pd.factorize(frame[key], sort=True, use_na_sentinel=False)
            got = key_codes(log, key)
            assert got[0].tolist() == expected[0].tolist()
            assert got[1].equals(expected[1])


def test_group_codes_kept_per_log_follow_a_changed_log() -> None:
    from netinsight.groups import log_group_codes

    log = _tricky_log()
    before = log_group_codes(log, "program")[2]["program"].tolist()
    log.loc[0, "program"] = "Zoo"  # the log changes: its codes are worked out again
    after = log_group_codes(log, "program")[2]["program"].tolist()
    assert "Zoo" not in before
    assert after[:3] == [*before[:2], "Zoo"]
    with pytest.raises(KeyError, match=r"`by` column\(s\) \['nope'\] not in log"):
        log_group_codes(log, "nope")
