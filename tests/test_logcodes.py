from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import netinsight as ni
from netinsight.logcodes import code_log
from netinsight.memo import bare
from tests.conftest import make_log


def test_code_log_by_hand_with_ids_across_owners() -> None:
    log = ni.read_log(
        pd.DataFrame(
            {
                "owner": ["s1", "s1", "s2"],
                "date": ["2026-01-05", "2026-01-09", "2026-01-10"],
                "contact": ["Ana Ruiz", "Ben Okafor", "Ana Ruiz"],
                "contact_id": ["ana@x.example", "", "ana@x.example"],
                "introduced_by": ["", "Ana Ruiz", ""],
            }
        )
    )
    coded = code_log(log)
    ids = coded.ids.to_pylist()
    person = [ids[p] for p in coded.person]
    assert person == ["id:ana@x.example", "s1/ben okafor", "id:ana@x.example"]
    assert [ids[i] if i >= 0 else None for i in coded.introducer] == [None, "id:ana@x.example", None]
    assert coded.owner_names[coded.owner].tolist() == ["s1", "s1", "s2"]


def test_bare_log_drops_attrs_without_copying_data() -> None:
    log = ni.read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]}))
    assert bare(log).attrs == {}
    assert "problems" in log.attrs


def test_text_codes_share_one_set_of_values() -> None:
    from netinsight.logcodes import merge_codes
    from netinsight.textcodes import encode_texts

    def text_codes(*columns: pd.Series) -> tuple[list[np.ndarray], pa.Array]:
        return merge_codes(encode_texts(columns))

    codes, values = text_codes(pd.Series(["a", "b", None], dtype="str"), pd.Series(["b", "c"], dtype="str"))
    assert [c.tolist() for c in codes] == [[0, 1, -1], [1, 2]]
    assert values.to_pylist() == ["a", "b", "c"]
    (single,), one = text_codes(pd.Series([], dtype="str"))
    assert (single.tolist(), one.to_pylist()) == ([], [])


def test_date_order_and_stable_order_match_a_stable_argsort() -> None:
    import numpy as np

    from netinsight.logcodes import date_order, stable_order

    dates = np.array(["2026-01-02", "NaT", "2026-01-01", "2026-01-02", "NaT"], dtype="datetime64[ns]")
    assert date_order(dates).tolist() == np.argsort(dates, kind="stable").tolist() == [2, 0, 3, 1, 4]
    wide = np.arange(70_000)[::-1] % 66_000  # more distinct keys than a radix pass takes
    assert stable_order(wide).tolist() == np.argsort(wide, kind="stable").tolist()
    assert date_order(np.zeros(0, dtype="datetime64[ns]")).tolist() == []


def test_column_codes_match_encode_text_and_take_kept_codes() -> None:
    from netinsight import memo
    from netinsight.logcodes import column_codes
    from netinsight.textcodes import TextCodes, encode_text

    log = make_log(date=["2026-01-05"] * 4, contact=["Ana", "", "Ben", "Ana"], company=["Acme", None, "Acme", "X"])
    for text, column in zip(column_codes(log, ["company", "contact"]), ["company", "contact"], strict=True):
        expected = encode_text(log[column])
        assert text.codes.tolist() == expected.codes.tolist()
        assert text.values.to_pylist() == expected.values.to_pylist()
    handed = TextCodes(np.array([1, -1, 0, 1]), pa.array(["Ben", "Ana"], pa.large_string()))
    memo.keep(log, "text:contact", handed)
    assert column_codes(log, ["company", "contact"])[1] is handed
    log.loc[1, "contact"] = "Cy"  # a changed log: the codes handed over are gone
    assert column_codes(log, ["contact"])[0].codes.tolist() == [0, 1, 2, 0]


def test_started_column_codes_take_kept_codes_and_encode_the_others() -> None:
    from netinsight import memo
    from netinsight.logcodes import start_column_codes
    from netinsight.textcodes import TextCodes

    log = make_log(date=["2026-01-05"] * 3, contact=["Ana", "Ben", "Ana"], role=["Analyst", None, "Analyst"])
    handed = TextCodes(np.array([0, 1, 0]), pa.array(["Ana", "Ben"], pa.large_string()))
    memo.keep(log, "text:contact", handed)
    collect = start_column_codes(log, ["role", "contact", "industry"])
    role, contact, industry = collect()
    assert contact is handed
    assert (role.codes.tolist(), role.values.to_pylist()) == ([0, -1, 0], ["Analyst"])
    assert (industry.codes.tolist(), industry.values.to_pylist()) == ([-1, -1, -1], [])


def test_codes_handed_over_by_validation_give_the_same_coding() -> None:
    from netinsight import memo

    columns = {
        "owner": ["me", "me", "you", "me", "you"],
        "date": ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"],
        "contact": ["Ana Ruiz", "", "ana ruiz", "Ben", "Cy"],
        "introduced_by": ["", "Ana Ruiz", "", "Dr. Ana Ruiz", "Ana Ruiz"],
        "contact_id": ["", "", "ana@x.example", "", ""],
    }
    expected = code_log(make_log(**columns))
    log = make_log(**columns)
    ni.validate_log(log, strict=False, today="2026-11-01")
    assert memo.kept(log, "text:contact") is not None
    got = code_log(log)
    for field in ("rows", "owner", "person", "introducer"):
        assert getattr(got, field).tolist() == getattr(expected, field).tolist()
    assert got.ids.to_pylist() == expected.ids.to_pylist()


def test_stable_order_of_small_codes_and_wide_keys() -> None:
    from netinsight.logcodes import stable_order

    for keys in (
        np.array([2, 0, 2, 1, 0]),
        np.array([65_535, 0, 65_535]),
        np.array([-1, 3, -1]),
        np.array([70_000, 5]),
    ):
        assert stable_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()


def test_codes_handed_over_are_tidy_and_give_the_same_coding() -> None:
    from netinsight import memo

    columns = {
        "owner": ["me", "me", "you", "me", "me"],
        "date": ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"],
        "contact": ["Ana", "Ben", "Ana", "", "Cy"],
        "contact_id": ["a@x", "", "a@x", "", "c@x"],
        "introduced_by": ["", "Ana", "", "", "ben"],
        "company": ["Acme", "", "Acme", "Initech", "Acme"],
    }
    plain = make_log(**columns)
    memo.clear()  # nothing handed over: every column encoded by the coding itself
    expected = code_log(plain)
    log = make_log(**columns)
    ni.validate_log(log, strict=False)  # hands over the contacts, introducers and companies as written
    for column in ("contact_id", "contact", "introduced_by", "company"):
        text = memo.kept(log, f"text:{column}")
        assert text is not None, column
        values = text.values.to_pylist()
        assert None not in values, column
        assert len(set(values)) == len(values), column
        assert text.codes.min() >= -1, column
        assert text.codes.max() < len(values), column
        assert text.decode().to_pylist() == [v or None for v in columns[column]], column
    got = code_log(log)
    for field in ("rows", "owner", "person", "introducer"):
        assert getattr(got, field).tolist() == getattr(expected, field).tolist()
    assert got.ids.to_pylist() == expected.ids.to_pylist() == ["id:a@x", "me/ben", "id:c@x"]
    people = ni.referral_chains(log)[["person", "company"]]
    memo.clear()
    assert people.equals(ni.referral_chains(make_log(**columns))[["person", "company"]])


def test_name_keys_handed_over_by_validate_log_give_the_same_coding() -> None:
    from netinsight import memo
    from netinsight.names import CONTACT_KEYS

    columns = {  # titles, case, a name that is only a title, introducers never met, a missing name
        "owner": ["me", "me", "me", "you", "you", "me", "you"],
        "date": ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-07", "2026-01-08", "2026-01-09", ""],
        "contact": ["Dr. Ana Ruiz", "ben OKAFOR", "Dr.", "ana ruiz", "Zoë  Li", "", "Cy"],
        "contact_id": ["", "", "", "", "z@x", "", ""],
        "introduced_by": ["", "Ana Ruiz, PhD", "Ben Okafor", "Mr. Ed Park", "", "Ed", "zoë li"],
    }
    memo.clear()
    expected = code_log(make_log(**columns))  # nothing handed over: the coding keys the names itself
    log = make_log(**columns)
    ni.validate_log(log, strict=False)
    (contact, introducer), keys = memo.kept(log, CONTACT_KEYS)
    assert keys.tolist() == ["ana ruiz", "ben okafor", "zoë li", "cy", "ed park", "ed"]
    assert contact.tolist() == [0, 1, -1, 0, 2, -1, 3]  # "Dr." keys to nothing; the empty name too
    assert introducer.tolist() == [-1, 0, 1, 4, -1, 5, 2]
    assert not contact.flags.writeable  # shared: read-only
    got = code_log(log)
    for field in ("rows", "owner", "person", "introducer", "introduced_only", "id_head", "id_tail", "by_date"):
        assert getattr(got, field).tolist() == getattr(expected, field).tolist(), field
    assert got.id_tails.to_pylist() == expected.id_tails.to_pylist()
    assert got.ids.to_pylist() == expected.ids.to_pylist()


def test_code_log_is_the_same_for_a_log_owner_by_owner_and_shuffled() -> None:
    rng = np.random.default_rng(0)
    n = 400
    owner = np.repeat([f"s{i}" for i in range(20)], n // 20)
    contact = rng.choice(["Ana", "Ben", "Cy", "Dee", "Eve"], n)
    intro = rng.choice(["", "Ana", "Ben", "Zed"], n)
    dates = pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 30, n), unit="D")
    frame = pd.DataFrame(
        {"owner": owner, "date": dates.strftime("%Y-%m-%d"), "contact": contact, "introduced_by": intro}
    )
    grouped = code_log(ni.read_log(frame))  # owner by owner: pairs numbered by a sort
    order = rng.permutation(n)
    shuffled = code_log(ni.read_log(frame.iloc[order].reset_index(drop=True)))  # by a hash table
    ids_grouped, ids_shuffled = grouped.ids.to_pylist(), shuffled.ids.to_pylist()
    row_of = np.argsort(order)
    assert [ids_grouped[p] for p in grouped.person] == [ids_shuffled[p] for p in shuffled.person[row_of]]
    intro_grouped = [ids_grouped[p] if p >= 0 else None for p in grouped.introducer]
    intro_shuffled = [ids_shuffled[p] if p >= 0 else None for p in shuffled.introducer[row_of]]
    assert intro_grouped == intro_shuffled
    zed = ids_grouped.index("s0/zed") if "s0/zed" in ids_grouped else None
    assert zed is None or grouped.introduced_only[zed]
    assert not grouped.introduced_only[grouped.person].any()


def test_ids_are_keyed_unless_read_log_handed_them_over_as_keys() -> None:
    from netinsight import memo

    log = make_log(date=["2026-01-05", "2026-01-06"], contact=["Ana", "Ana R"], contact_id=["ana@x", "bo@y"])
    assert memo.kept(log, "text:contact_id") is not None  # each id written as its own key
    assert code_log(log).ids.to_pylist() == ["id:ana@x", "id:bo@y"]
    log.loc[1, "contact_id"] = "MAILTO:Ana@X "  # changed after reading: nothing kept, the ids are keyed here
    assert memo.kept(log, "text:contact_id") is None
    coded = code_log(log)
    assert coded.ids.to_pylist() == ["id:ana@x"]
    assert coded.person.tolist() == [0, 0]


def test_kept_order_is_the_stable_order_of_the_kept_rows() -> None:
    from netinsight.logcodes import _kept_order, stable_order

    rng = np.random.default_rng(2)
    key = rng.integers(0, 5, 200)
    for keep in (np.arange(200), np.flatnonzero(rng.random(200) < 0.6), np.zeros(0, dtype=np.int64)):
        expected = np.argsort(key[keep], kind="stable")
        assert _kept_order(stable_order(key), keep, len(key)).tolist() == expected.tolist()
    # by hand: keys 3 1 3 0 1, rows 0 2 3 4 kept (keys 3 3 0 1): 0 first, then 1, then the two 3s in order
    assert _kept_order(stable_order(np.array([3, 1, 3, 0, 1])), np.array([0, 2, 3, 4]), 5).tolist() == [2, 3, 0, 1]


def test_code_log_on_threads_is_the_same_with_rows_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from netinsight import threads

    log = make_log(
        owner=["s1", "s1", "s2", "s1", "s2"],
        date=["2026-01-09", "2026-01-05", "2026-01-07", "", "2026-01-05"],
        contact=["Ana", "", "Ben", "Cy", "Ana"],
        introduced_by=["", "Ana", "Ana", "Ana", ""],
    )
    alone = code_log(log)
    monkeypatch.setattr(threads, "PARALLEL_ROWS", 0)  # the date order and the id parts on threads
    side_by_side = code_log(log)
    assert alone.rows.tolist() == [0, 2, 3, 4]  # the row without a contact is left out
    assert alone.by_date.tolist() == [3, 1, 0, 2]  # by hand: 01-05, 01-07, 01-09, no date last
    for field in ("rows", "owner", "person", "introducer", "by_date", "rank", "stamp", "id_head", "id_tail"):
        assert getattr(side_by_side, field).tolist() == getattr(alone, field).tolist(), field
    assert side_by_side.ids.to_pylist() == alone.ids.to_pylist() == ["s1/ana", "s2/ben", "s1/cy", "s2/ana"]
