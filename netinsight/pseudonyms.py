"""Keyed pseudonyms for student identifiers (HMAC-SHA256 with a secret key) and loading that key.

The same key gives the same pseudonym for the same identifier in every run, so tables made on
different days can be joined; without the key a pseudonym can be neither reversed nor
recomputed by trying likely identifiers. Limits: whoever holds the key can recompute the
pseudonym of any identifier they can guess; identifiers are hashed as written (``"s01"``,
``"S01"`` and the number ``1.0`` all differ: normalise them first); a pseudonym truncated to
`length` hex characters could collide, which is checked and refused.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

__all__ = ["KEY_ENV", "MIN_KEY_BYTES", "MissingKeyError", "load_key", "pseudonymize"]

#: The environment variable holding the pseudonymisation key.
KEY_ENV: Final = "NETINSIGHT_KEY"
#: The shortest key accepted, in bytes.
MIN_KEY_BYTES: Final = 16


class MissingKeyError(ValueError):
    """No pseudonymisation key could be found: set NETINSIGHT_KEY or pass a key file (--key-file)."""


def _check_key(key: bytes, source: str) -> None:
    if not isinstance(key, bytes):
        msg = f"{source} must be bytes (for example from `load_key`); got {type(key).__name__}."
        raise TypeError(msg)
    if len(key) < MIN_KEY_BYTES:
        msg = f"{source} holds a key of {len(key)} bytes; a pseudonymisation key needs at least {MIN_KEY_BYTES} bytes."
        raise ValueError(msg)


def load_key(*, key_file: str | Path | None = None, environ: Mapping[str, str] | None = None) -> bytes:
    """The pseudonymisation key: from `key_file` if given, else from the environment variable ``NETINSIGHT_KEY``.

    Surrounding whitespace (a final newline) is stripped. The key is never shown in a message.

    Parameters
    ----------
    key_file
        A file holding the key; it wins over the environment.
    environ
        Where to look for ``NETINSIGHT_KEY``; `os.environ` (read at call time) when None. An
        empty value counts as not set.

    Returns
    -------
    bytes
        The key, at least 16 bytes long.

    Raises
    ------
    MissingKeyError
        No key is set, or the key file cannot be read.
    ValueError
        The key is shorter than 16 bytes.

    Examples
    --------
    >>> load_key(environ={"NETINSIGHT_KEY": "correct horse battery staple\\n"})
    b'correct horse battery staple'
    """
    if key_file is not None:
        path = Path(key_file)
        try:
            key = path.read_bytes().strip()
        except OSError as err:
            msg = (
                f"the key file '{path}' cannot be read ({err.strerror or type(err).__name__}); "
                f"pass a readable key file (--key-file) or set {KEY_ENV}."
            )
            raise MissingKeyError(msg) from err
        _check_key(key, f"the key file '{path}'")
        return key
    text = (os.environ if environ is None else environ).get(KEY_ENV, "").strip()
    if not text:
        msg = (
            f"no pseudonymisation key was given; set the environment variable {KEY_ENV} or pass a key file "
            f"(--key-file) holding at least {MIN_KEY_BYTES} bytes."
        )
        raise MissingKeyError(msg)
    key = text.encode("utf-8")
    _check_key(key, f"the environment variable {KEY_ENV}")
    return key


def pseudonymize(values: pd.Series[Any], *, key: bytes, prefix: str = "S-", length: int = 12) -> pd.Series[Any]:
    """Replace each identifier with `prefix` plus the first `length` hex characters of HMAC-SHA256(`key`, identifier).

    Each distinct value is hashed once (as its UTF-8 text) and spread back to its rows: the same
    identifier always gets the same pseudonym under the same key; different keys give unrelated ones.

    Parameters
    ----------
    values
        Identifiers (student ids or names); missing values stay missing. Not modified.
    key
        The secret key, at least 16 bytes (see `load_key`).
    prefix
        Put before every pseudonym.
    length
        Hex characters kept, 1 to 64; if two distinct identifiers would get the same
        pseudonym, ValueError asks for a longer one.

    Returns
    -------
    pandas.Series
        String dtype, same index and name as `values`.

    Examples
    --------
    >>> pseudonymize(pd.Series(["ana", "ben", "ana", None]), key=b"0123456789abcdef").tolist()
    ['S-450ce8d3009f', 'S-7ecf6974e2e1', 'S-450ce8d3009f', nan]
    """
    _check_key(key, "`key`")
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 64:
        msg = f"`length` must be an integer from 1 to 64 (hex characters of SHA-256); got {length!r}."
        raise ValueError(msg)
    codes, uniques = pd.factorize(values)
    texts = [str(u) for u in uniques]
    digest = {t: hmac.new(key, t.encode("utf-8"), hashlib.sha256).hexdigest()[:length] for t in set(texts)}
    if len(set(digest.values())) < len(digest):
        msg = f"two distinct values get the same pseudonym with `length`={length}; use a longer `length`."
        raise ValueError(msg)
    names = np.array([*(prefix + digest[t] for t in texts), None], dtype=object)
    return pd.Series(names[codes], index=values.index, name=values.name, dtype="str")
