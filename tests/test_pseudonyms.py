from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from netinsight.pseudonyms import KEY_ENV, MissingKeyError, load_key, pseudonymize

KEY = b"0123456789abcdef"
OTHER_KEY = b"fedcba9876543210"


def expected(value: str, key: bytes = KEY) -> str:
    return "S-" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


# --- pseudonymize ----------------------------------------------------------------------------


def test_pseudonyms_are_the_keyed_hash_one_per_distinct_value() -> None:
    values = pd.Series(["ana", "ben", "ana", "cy"], index=[7, 8, 9, 10], name="owner")
    before = values.copy()
    out = pseudonymize(values, key=KEY)
    assert out.tolist() == [expected("ana"), expected("ben"), expected("ana"), expected("cy")]
    assert out.index.tolist() == [7, 8, 9, 10]
    assert out.name == "owner"
    assert pd.api.types.is_string_dtype(out)
    pd.testing.assert_series_equal(values, before)


def test_pseudonyms_are_stable_across_calls_and_tables() -> None:
    first = pseudonymize(pd.Series(["ana", "ben"]), key=KEY)
    second = pseudonymize(pd.Series(["ben", "dee", "ana"], dtype="str"), key=KEY)
    assert second.tolist() == [first[1], second[1], first[0]]


def test_different_keys_give_unrelated_pseudonyms() -> None:
    values = pd.Series(["ana", "ben", "cy"])
    mine, theirs = pseudonymize(values, key=KEY), pseudonymize(values, key=OTHER_KEY)
    assert not set(mine) & set(theirs)
    assert theirs.tolist() == [expected(v, OTHER_KEY) for v in values]


def test_missing_values_stay_missing() -> None:
    out = pseudonymize(pd.Series(["ana", None, "ana", float("nan")]), key=KEY)
    assert out.isna().tolist() == [False, True, False, True]
    assert out[0] == expected("ana")


def test_values_are_hashed_as_their_text() -> None:
    assert pseudonymize(pd.Series([1, 22]), key=KEY).tolist() == [expected("1"), expected("22")]
    assert pseudonymize(pd.Series([1, "1"], dtype=object), key=KEY).nunique() == 1


def test_prefix_and_length() -> None:
    out = pseudonymize(pd.Series(["ana"]), key=KEY, prefix="P", length=20)
    assert out[0] == "P" + hmac.new(KEY, b"ana", hashlib.sha256).hexdigest()[:20]


def test_empty_and_single_value() -> None:
    assert pseudonymize(pd.Series([], dtype="str"), key=KEY).tolist() == []
    assert pseudonymize(pd.Series(["ana"]), key=KEY).tolist() == [expected("ana")]


def test_pseudonymize_errors() -> None:
    with pytest.raises(ValueError, match=r"`key` holds a key of 5 bytes; a pseudonymisation key needs at least 16"):
        pseudonymize(pd.Series(["ana"]), key=b"short")
    with pytest.raises(TypeError, match=r"`key` must be bytes \(for example from `load_key`\); got str\."):
        pseudonymize(pd.Series(["ana"]), key="0123456789abcdef")  # type: ignore[arg-type]
    for bad in (0, 65, True):
        with pytest.raises(ValueError, match=r"`length` must be an integer from 1 to 64"):
            pseudonymize(pd.Series(["ana"]), key=KEY, length=bad)


def test_colliding_pseudonyms_are_refused() -> None:
    # 17 distinct values cannot get 17 different one-hex-character pseudonyms.
    with pytest.raises(ValueError, match=r"two distinct values get the same pseudonym with `length`=1"):
        pseudonymize(pd.Series([f"s{i}" for i in range(17)]), key=KEY, length=1)


# --- load_key --------------------------------------------------------------------------------


def test_key_from_the_environment_mapping_is_stripped() -> None:
    assert load_key(environ={KEY_ENV: "  correct horse battery staple\n"}) == b"correct horse battery staple"


def test_key_from_os_environ_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "x" * 20)
    assert load_key() == b"x" * 20
    monkeypatch.delenv(KEY_ENV)
    with pytest.raises(MissingKeyError):
        load_key()


def test_key_file_wins_over_the_environment(write_file: Callable[..., Path]) -> None:
    path = write_file("netinsight.key", b"\x00\xff" * 16 + b"\n")
    assert load_key(key_file=path, environ={KEY_ENV: "y" * 20}) == b"\x00\xff" * 16
    assert load_key(key_file=str(path), environ={}) == b"\x00\xff" * 16


def test_short_keys_are_refused_without_showing_them(write_file: Callable[..., Path]) -> None:
    with pytest.raises(ValueError, match=r"the environment variable NETINSIGHT_KEY holds a key of 8 bytes") as err:
        load_key(environ={KEY_ENV: "tooshort"})
    assert "tooshort" not in str(err.value)
    path = write_file("short.key", "secret1\n")
    with pytest.raises(ValueError, match=r"the key file '.*short\.key' holds a key of 7 bytes") as err:
        load_key(key_file=path)
    assert "secret1" not in str(err.value)
    assert not isinstance(err.value, MissingKeyError)


def test_unreadable_key_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(MissingKeyError, match=r"the key file '.*nope\.key' cannot be read \(No such file"):
        load_key(key_file=tmp_path / "nope.key", environ={KEY_ENV: "z" * 20})
    with pytest.raises(MissingKeyError, match=r"cannot be read"):
        load_key(key_file=tmp_path)


@pytest.mark.parametrize("environ", [{}, {KEY_ENV: ""}, {KEY_ENV: "  \n"}, {"OTHER": "z" * 20}])
def test_no_key_says_how_to_give_one(environ: dict[str, Any]) -> None:
    with pytest.raises(
        MissingKeyError,
        match=r"no pseudonymisation key was given; set the environment variable NETINSIGHT_KEY or pass a key file "
        r"\(--key-file\) holding at least 16 bytes\.",
    ):
        load_key(environ=environ)


def test_missing_key_error_is_a_value_error() -> None:
    assert issubclass(MissingKeyError, ValueError)
