from __future__ import annotations

import gc
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import netinsight as ni
from netinsight import memo
from netinsight.outcomes import referral_depth
from tests.conftest import make_log


def _log() -> pd.DataFrame:
    return make_log(
        date=["2026-01-05", "2026-01-09", "2026-01-20"],
        contact=["Ana Ruiz", "Ben Okafor", "Cy Tan"],
        company=["Acme", "Bluefin", None],
        introduced_by=["", "Ana Ruiz", "Ben Okafor"],
    )


def _counting() -> tuple[list[int], Callable[[pd.DataFrame], Any]]:
    calls: list[int] = []

    def contacts(frame: pd.DataFrame) -> list[Any]:
        calls.append(1)
        return frame.iloc[:, 2].tolist()

    return calls, contacts


def test_worked_out_once_and_shared_with_the_snapshot() -> None:
    log = _log()
    calls, contacts = _counting()
    assert memo.derived(log, "c", contacts) == ["Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert memo.derived(log, "c", contacts) == ["Ana Ruiz", "Ben Okafor", "Cy Tan"]
    # work handed the snapshot finds what was kept for the log
    assert memo.derived(memo.bare(log), "c", contacts) == ["Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert calls == [1]


def test_other_logs_and_names_are_kept_apart() -> None:
    calls, contacts = _counting()
    a, b = _log(), _log().iloc[:1]
    assert memo.derived(a, "c", contacts) != memo.derived(b, "c", contacts)
    memo.derived(a, "d", contacts)
    assert len(calls) == 3


CHANGES: dict[str, Callable[[pd.DataFrame], object]] = {
    "loc on text": lambda d: d.loc.__setitem__((0, "contact"), "Zed"),
    "loc on a date (else written in place)": lambda d: d.loc.__setitem__((0, "date"), pd.Timestamp("2020-01-01")),
    "iloc": lambda d: d.iloc.__setitem__((0, 2), "Zed"),
    "at": lambda d: d.at.__setitem__((1, "contact"), "Zed"),
    "a column replaced": lambda d: d.__setitem__("contact", d["contact"].str.upper()),
    "a column added": lambda d: d.__setitem__("extra", 1),
    "a column deleted": lambda d: d.__delitem__("company"),
    "a column inserted": lambda d: d.insert(0, "extra", 1),
    "columns renamed": lambda d: setattr(d, "columns", [f"x{i}" for i in range(d.shape[1])]),
    "index replaced": lambda d: setattr(d, "index", pd.RangeIndex(1, len(d) + 1)),
    "update": lambda d: d.update(pd.DataFrame({"contact": ["Zed"]}, index=[0])),
    "fillna in place": lambda d: d.fillna({"company": "Initech"}, inplace=True),  # noqa: PD002
    "rows dropped in place": lambda d: d.drop(index=[0], inplace=True),  # noqa: PD002
    "sorted in place": lambda d: d.sort_values("contact", ascending=False, inplace=True),  # noqa: PD002
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_log_is_worked_out_again(change: str) -> None:
    log = _log()
    calls, contacts = _counting()
    memo.derived(log, "c", contacts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas deprecates some inplace methods
        CHANGES[change](log)
    memo.derived(log, "c", contacts)
    assert calls == [1, 1]


def test_reading_does_not_count_as_a_change() -> None:
    log = _log()
    calls, contacts = _counting()
    memo.derived(log, "c", contacts)
    log.groupby("owner").size()
    log.assign(x=1)
    log.sort_values("date")
    log[log["contact"].notna()]
    log.to_numpy()
    memo.derived(log, "c", contacts)
    assert calls == [1]


def test_an_analysis_sees_a_change_made_in_place() -> None:
    log = _log()
    assert referral_depth(log).tolist() == [1, 2, 3]
    log.loc[2, "introduced_by"] = ""
    assert referral_depth(log).tolist() == [1, 2, 1]
    log.loc[0, "contact"] = ""
    assert ni.person_ids(log).isna().tolist() == [True, False, False]


def test_results_of_analyses_are_not_shared() -> None:
    log = _log()
    first = ni.person_ids(log)
    first.iloc[0] = "changed"
    assert ni.person_ids(log).iloc[0] == "me/ana ruiz"
    depth = referral_depth(log)
    depth.iloc[0] = 9
    assert referral_depth(log).tolist() == [1, 2, 3]


def test_bare_drops_attrs_and_shares_data() -> None:
    log = _log()
    log.attrs["problems"] = pd.DataFrame({"line": [2]})
    view = memo.bare(log)
    assert view.attrs == {}
    assert log.attrs["problems"]["line"].tolist() == [2]
    assert memo.bare(log) is view
    assert np.shares_memory(view["date"].to_numpy(), log["date"].to_numpy())
    plain = pd.DataFrame({"a": [1]})
    assert memo.bare(plain) is plain
    log.loc[0, "contact"] = "Zed"  # copy-on-write: the view keeps what it had, and a new view is made
    assert view.loc[0, "contact"] == "Ana Ruiz"
    assert memo.bare(log).loc[0, "contact"] == "Zed"


def test_entries_go_with_their_log_and_clear_forgets_all() -> None:
    log = _log()
    memo.derived(log, "c", _counting()[1])
    before = len(memo._ENTRIES)
    snapshot = id(memo.bare(log))
    del log
    gc.collect()
    assert len(memo._ENTRIES) == before - 2
    assert snapshot not in memo._ENTRIES
    other = _log()
    calls, contacts = _counting()
    memo.derived(other, "c", contacts)
    memo.clear()
    assert memo._ENTRIES == {}
    memo.derived(other, "c", contacts)
    assert calls == [1, 1]


def test_kept_arrays_are_read_only() -> None:
    from netinsight.logcodes import code_log

    coded = code_log(_log())
    with pytest.raises(ValueError, match="read-only"):
        coded.person[0] = 5
    empty = code_log(_log().iloc[:0])
    assert len(empty.person) == 0
    assert not empty.person.flags.writeable


def test_an_entry_left_under_the_same_id_is_replaced_and_goes_with_the_new_frame() -> None:
    old = _log()
    memo.derived(old, "c", _counting()[1])
    frame = _log()
    stale = memo._ENTRIES[id(old)]
    memo._ENTRIES[id(frame)] = memo._Entry(stale.snapshot, stale.parts, {"c": "stale"}, stale.finalizer)
    calls, contacts = _counting()
    assert memo.derived(frame, "c", contacts) == ["Ana Ruiz", "Ben Okafor", "Cy Tan"]
    assert calls == [1]
    key = id(frame)
    del frame
    gc.collect()
    assert key not in memo._ENTRIES
