from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from netinsight.names import (
    casefold,
    distinct_id_key_array,
    distinct_id_keys,
    id_key,
    name_codes,
    name_key,
    near_duplicate_pairs,
)


def test_name_key_ignores_case_titles_suffixes_punctuation() -> None:
    names = pd.Series(["Dr. Ana  Ruiz", "ana ruiz", "Prof Ben Okafor, PhD", "Ben Okafor Jr.", "  ", None, "NA"])
    assert name_key(names).tolist()[:4] == ["ana ruiz", "ana ruiz", "ben okafor", "ben okafor"]
    assert name_key(names).iloc[4:6].isna().all()
    assert name_key(names).iloc[6] == "na"


def test_name_key_keeps_accents_and_index() -> None:
    names = pd.Series(["Zoë Li", "Zoe Li"], index=[5, 9])
    keys = name_key(names)
    assert keys.tolist() == ["zoë li", "zoe li"]
    assert keys.index.tolist() == [5, 9]


def test_name_key_empty_series() -> None:
    assert name_key(pd.Series([], dtype="str")).tolist() == []


def test_id_key() -> None:
    ids = pd.Series(
        ["HTTPS://www.LinkedIn.com/in/Ana-Ruiz/", "linkedin.com/in/ana-ruiz?trk=1", "mailto:A@B.example", None]
    )
    keys = id_key(ids)
    assert keys.iloc[0] == keys.iloc[1] == "linkedin.com/in/ana-ruiz"
    assert keys.iloc[2] == "a@b.example"
    assert pd.isna(keys.iloc[3])


def test_near_duplicates() -> None:
    pairs = near_duplicate_pairs(pd.Series(["jon smith", "john smith", "jane smith", "ana ruiz", "ana ruíz"]))
    assert pairs[["a", "b"]].values.tolist() == [["ana ruiz", "ana ruíz"], ["john smith", "jon smith"]]
    assert pairs["ratio"].tolist() == [1.0, 0.947]
    assert near_duplicate_pairs(pd.Series(["ana ruiz", "ben okafor"])).empty
    assert near_duplicate_pairs(pd.Series([], dtype="str")).empty


def test_near_duplicates_only_within_groups() -> None:
    keys = pd.Series(["jon smith", "john smith", "john smith"])
    groups = pd.Series(["acme", "bluefin", "acme"])
    pairs = near_duplicate_pairs(keys, groups=groups)
    assert pairs.values.tolist() == [["acme", "john smith", "jon smith", 0.947]]


def test_casefold_matches_python_for_ascii_and_unicode() -> None:
    values = pd.Series(["MAILTO:Ana@X", "Straße", "ΣΑΣ", "", None], dtype="str")
    folded = casefold(values)
    assert folded.tolist()[:4] == [v.casefold() for v in values.iloc[:4]]
    assert pd.isna(folded.iloc[4])
    assert casefold(pd.Series([], dtype="str")).tolist() == []


def test_name_codes_share_one_code_space() -> None:
    (contact, introducer), keys = name_codes(
        pd.Series(["Ana Ruiz", "Ben", None]), pd.Series(["dr. ana ruiz", "", "Cy"])
    )
    assert keys.tolist() == ["ana ruiz", "ben", "cy"]
    assert contact.tolist() == [0, 1, -1]
    assert introducer.tolist() == [0, -1, 2]
    (empty,), no_keys = name_codes(pd.Series([], dtype="str"))
    assert empty.tolist() == []
    assert no_keys.tolist() == []


def test_distinct_id_keys_value_by_value() -> None:
    ids = pd.Series(["MAILTO:A@B.example", "https://www.x.example/in/a/?q=1", "http://y.example#top", "  ", None])
    keys = distinct_id_keys(ids)
    assert keys.tolist()[:3] == ["a@b.example", "x.example/in/a", "y.example"]
    assert keys.iloc[3:].isna().all()
    assert id_key(ids).tolist()[:3] == keys.tolist()[:3]


def _id_keys_by_regex(ids: pd.Series) -> pd.Series:
    """The key of each id the way it was computed before: every step on every value, a regex for the query."""
    keys = casefold(ids.astype("str").str.strip())
    for prefix in ("mailto:", "https://", "http://", "www."):
        keys = keys.where(~keys.str.startswith(prefix).fillna(False), keys.str.slice(len(prefix)))
    keys = keys.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/")
    return keys.where(keys.ne(""))


def test_id_keys_cut_queries_only_where_there_are_some() -> None:
    ids = pd.Series(
        [
            "MAILTO:Ana@X",
            "https://www.x.example/a/?b=1#c",
            "x/?y#z",
            "?",
            "#",
            "/",
            "",
            None,
            "Straße",
            "a#b?c",
            "www.",
        ],
        dtype="str",
    )
    assert distinct_id_keys(ids).tolist() == _id_keys_by_regex(ids).tolist()
    assert distinct_id_keys(ids).tolist()[:4] == ["ana@x", "x.example/a", "x", np.nan]
    assert distinct_id_keys(ids.iloc[:0]).tolist() == []
    assert distinct_id_keys(pd.Series(["Ana@X"], dtype="str")).tolist() == ["ana@x"]


def test_name_codes_key_each_text_once_in_order_of_first_appearance() -> None:
    contact = pd.Series(["Ben", "Ana Ruiz", None, "Ben"], dtype="str")
    introducer = pd.Series(["Dr. Ana Ruiz", "Cy", "Ben", None], dtype="str")
    (c, i), keys = name_codes(contact, introducer)
    assert keys.tolist() == ["ben", "ana ruiz", "cy"]
    assert (c.tolist(), i.tolist()) == ([0, 1, -1, 0], [1, 2, 0, -1])
    (c, i), keys = name_codes(pd.Series([1, "1", None], dtype=object), pd.Series(["1.0"], dtype=object))
    assert (c.tolist(), i.tolist(), keys.tolist()) == ([0, 0, -1], [1], ["1", "1 0"])


def test_distinct_id_key_array_agrees_with_id_key() -> None:
    ids = ["ana@x.example", " bo@y.example", "HTTPS://www.LinkedIn.com/in/cy/", "mailto:dee@z", "a?b", "e/", "", "é@x"]
    expected = [None if pd.isna(k) else k for k in _id_keys_by_regex(pd.Series(ids, dtype="str")).tolist()]
    assert distinct_id_key_array(pa.array(ids)).to_pylist() == expected
    plain = pa.array(["ana@x.example", "li.com/in/bo"], pa.large_string())
    assert distinct_id_key_array(plain) is plain  # nothing to change: the same array back


def test_distinct_id_key_array_byte_checks_on_tricky_ids() -> None:
    ids = [
        "a/",
        "/a",
        "www.x",
        "wwwx",
        "http:/x",
        "https://x",
        "mailto:",
        "x\t",
        "\x7fx",
        "x y",
        "#",
        "a?",
        "Ab",
        "a",
        None,
        "http://https://x",  # each prefix stripped once, in order: mailto:, https://, http://, www.
        "https://http://y",
        "mailto:www.z",
        "MAILTO:https://www.W/",
    ]
    expected = [None if pd.isna(k) else k for k in _id_keys_by_regex(pd.Series(ids, dtype="str")).tolist()]
    array = pa.array(["pad", *ids], pa.large_string()).slice(1)  # a slice: Arrow buffers with an offset
    assert distinct_id_key_array(array).to_pylist() == expected
    assert distinct_id_key_array(pa.array([], pa.large_string())).to_pylist() == []
