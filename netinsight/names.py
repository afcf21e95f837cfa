"""Who is who: comparison keys for people's names and ids, and near-duplicate names.

People are identified by ``contact_id`` where given, else by a name key that ignores case,
spacing, punctuation and titles ("Dr. Ana Ruiz" = "ana ruiz"). Accents are kept in the key
("Zoë" and "Zoe" stay two people) but such pairs are reported as near-duplicates; nothing is
merged on a guess. Keys are computed once per distinct name; `name_codes` gives them as
integer codes for whole-column work. Ids are keyed once per distinct id, and only the ids the key
would change (found on their bytes) go through its steps (`distinct_id_key_array`). The
near-duplicate search lives in `netinsight.nearnames`.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.distinct import Distinct, distinct
from netinsight.nearnames import near_duplicate_pairs
from netinsight.textbytes import rows_with_bytes
from netinsight.textcodes import large_text, str_series

__all__ = [
    "casefold",
    "distinct_id_key_array",
    "distinct_id_keys",
    "id_key",
    "name_codes",
    "name_key",
    "near_duplicate_pairs",
]

_TITLES: Final = r"^(?:(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev)\b\.?\s*)+"
_SUFFIXES: Final = r"(?:,?\s+(?:jr|sr|phd|ph d|md|mba|esq|ii|iii|iv)\.?)+$"
#: Regex steps (RE2, run by Arrow) from a lower-cased name to its key.
_KEY_STEPS: Final = (
    (r"[\s\x{00a0}]+", " "),
    (r"^ +| +$", ""),
    (_TITLES, ""),
    (_SUFFIXES, ""),
    (r"[.,;:\"()]+", " "),
    (r" +", " "),
)

#: Ids that `netinsight.names.id_key` leaves as they are: non-empty ASCII without capitals, ``?``
#: or ``#``, without a space or control character at either end, a trailing slash, or one of these
#: prefixes (`_plain_ids` checks the bytes).
_CHANGED_PREFIXES: Final = ("mailto:", "http://", "https://", "www.")
_EDGE_BYTES: Final = np.array([*range(0x21), 0x7F], dtype=np.uint8)


def _keys_of(values: pd.Series[Any]) -> pa.Array:
    """The name key of each value (null for missing values and for names that are only titles or spaces)."""
    present = values.notna().to_numpy()
    text = pa.array(values[present].astype(str).to_numpy(dtype=object), type=pa.string())
    text = pc.utf8_lower(text)
    for pattern, replacement in _KEY_STEPS:
        text = pc.replace_substring_regex(text, pattern=pattern, replacement=replacement)
    text = pc.utf8_trim_whitespace(text)
    keys = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    if present.all():
        return keys
    position = pa.array(np.cumsum(present) - 1, mask=~present)
    return pc.take(keys, position)


def name_key(names: pd.Series[Any]) -> pd.Series[Any]:
    """Return the comparison key of each name (missing stays missing).

    Parameters
    ----------
    names
        Names as written. Not modified.

    Returns
    -------
    pandas.Series
        Lower-case keys without titles, suffixes, dots, commas or extra spaces.

    Examples
    --------
    >>> name_key(pd.Series(["Dr. Ana  Ruiz", "ana ruiz", "Ben Okafor, PhD", "Zoë O'Neil", None])).tolist()
    ['ana ruiz', 'ana ruiz', 'ben okafor', "zoë o'neil", nan]
    """
    names_d = distinct(names)
    keys = pc.take(_keys_of(names_d.values).cast(pa.large_string()), pa.array(names_d.codes))  # pandas' text type
    return pd.Series(keys, index=names.index, dtype="str", name=names.name)


#: Under this name (`netinsight.memo.keep`) `name_codes` of a log's ``contact`` and ``introduced_by`` columns is
#: kept when worked out (by `netinsight.validate_log`), for the network's coding of the same names.
CONTACT_KEYS: Final = "name_codes:contact,introduced_by"


def name_codes(
    *columns: pd.Series[Any] | Distinct,
) -> tuple[list[np.ndarray[Any, np.dtype[np.intp]]], np.ndarray[Any, np.dtype[np.object_]]]:
    """Name keys of several columns as integer codes into one list of keys.

    Parameters
    ----------
    *columns
        Names as written (e.g. ``contact`` and ``introduced_by``), as columns or as their
        distinct values (`netinsight.distinct.distinct`). Not modified.

    Returns
    -------
    codes : list of numpy.ndarray
        For each column, the code of each row's key; -1 where there is no key.
    keys : numpy.ndarray
        The keys, one per code (object array of str).

    Examples
    --------
    >>> codes, keys = name_codes(pd.Series(["Ana Ruiz", "Ben"]), pd.Series(["", "Dr. ana ruiz"]))
    >>> [c.tolist() for c in codes], keys.tolist()
    ([[0, 1], [-1, 0]], ['ana ruiz', 'ben'])
    """
    parts = [column if isinstance(column, Distinct) else distinct(column) for column in columns]
    values = pd.concat([part.values for part in parts], ignore_index=True) if parts else pd.Series([], dtype="str")
    # keyed in one pass, each text once (the columns share most names); other values keyed as they are
    texts = distinct(values) if len(parts) > 1 and isinstance(values.dtype, pd.StringDtype) else None
    keys = _keys_of(values if texts is None else texts.values)
    encoded = pc.dictionary_encode(keys)  # keys numbered as they first appear: `texts` keeps that order
    code_of = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.intp)
    code_of = code_of if texts is None else code_of[texts.codes]
    out = []
    start = 0
    for part in parts:
        out.append(code_of[start : start + len(part.values)][part.codes])
        start += len(part.values)
    return out, np.asarray(encoded.dictionary.to_pylist(), dtype=object)


def casefold(values: pd.Series[Any]) -> pd.Series[Any]:
    """`str.casefold` of each text value: Arrow's lower case for ASCII text, Python for the rest.

    Examples
    --------
    >>> casefold(pd.Series(["MAILTO:Ana@X", "Straße", None], dtype="str")).tolist()
    ['mailto:ana@x', 'strasse', nan]
    """
    text = values.astype("str")
    array = pa.array(text, type=pa.string(), from_pandas=True)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    ascii_only = pc.fill_null(pc.string_is_ascii(array), True).to_numpy(zero_copy_only=False)
    folded = pc.ascii_lower(array)
    if not ascii_only.all():
        other = pd.Series(text.to_numpy(dtype=object)[~ascii_only], dtype=object).map(str.casefold, na_action="ignore")
        position = np.cumsum(~ascii_only) - 1
        unicode = pc.take(
            pa.array(other.to_numpy(dtype=object), pa.string(), from_pandas=True), pa.array(position, mask=ascii_only)
        )
        folded = pc.if_else(pa.array(ascii_only), folded, unicode)
    return pd.Series(folded, index=values.index, dtype="str", name=values.name)


def id_key(ids: pd.Series[Any]) -> pd.Series[Any]:
    """Return the comparison key of each contact id (an email, a profile URL, any code).

    Case, surrounding spaces, ``mailto:``, the URL scheme, ``www.``, query strings and a
    trailing slash are ignored.

    Parameters
    ----------
    ids
        Ids as written. Not modified.

    Returns
    -------
    pandas.Series

    Examples
    --------
    >>> id_key(pd.Series(["https://www.linkedin.com/in/ana-ruiz/?trk=x", "MAILTO:Ana@X.example ", ""])).tolist()
    ['linkedin.com/in/ana-ruiz', 'ana@x.example', nan]
    """
    ids_d = distinct(ids)
    keys = distinct_id_keys(ids_d.values)
    return pd.Series(keys.array.take(ids_d.codes), index=ids.index, name=ids.name)


def distinct_id_keys(ids: pd.Series[Any]) -> pd.Series[Any]:
    """`id_key` value by value, without looking for repeats (for ids that are already distinct).

    Only the ids the key would change are worked on (`distinct_id_key_array`).

    Examples
    --------
    >>> distinct_id_keys(pd.Series(["WWW.X.example/a/", "http://x.example/b#c", None])).tolist()
    ['x.example/a', 'x.example/b', nan]
    """
    keys = distinct_id_key_array(large_text(ids.astype("str").array))
    return pd.Series(keys, index=ids.index, dtype="str", name=ids.name)


def distinct_id_key_array(ids: pa.Array) -> pa.Array:
    """`distinct_id_keys` of Arrow text, as ``large_string``: the same array back when no id changes.

    The ids are checked on their bytes first (`_plain_ids`); the steps of the key run only on
    the few ids they would change.

    Examples
    --------
    >>> distinct_id_key_array(pa.array(["ana@x.example", "MAILTO:Bo@y.example", " ", "li.com/in/cy/"])).to_pylist()
    ['ana@x.example', 'bo@y.example', None, 'li.com/in/cy']
    """
    ids = large_text(ids)
    plain = _plain_ids(ids)
    if plain.all():
        return ids
    changed = np.flatnonzero(~plain)
    keys = _id_keys_of(ids.take(pa.array(changed)))
    at = np.full(len(ids), -1, dtype=np.int64)
    at[changed] = np.arange(len(changed))
    fixed = keys.take(pa.array(np.maximum(at, 0)))
    return pc.if_else(pa.array(at >= 0), fixed, ids)


def _id_keys_of(ids: pa.Array) -> pa.Array:
    """The key of each id (``large_string``), every step on every value."""
    array = pa.array(casefold(str_series(ids).str.strip()), type=pa.large_string(), from_pandas=True)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    for prefix in ("mailto:", "https://", "http://", "www."):  # in order: ^mailto:, ^https?://, ^www\.
        starts = pc.fill_null(pc.starts_with(array, prefix), False)
        if pc.any(starts).as_py():
            array = pc.if_else(starts, pc.utf8_slice_codeunits(array, len(prefix)), array)
    query = rows_with_bytes(array, "?#")  # only those values can hold a query string or a fragment
    if query.any():
        mask = pa.array(query)
        cut = pc.replace_substring_regex(array.filter(mask), pattern=r"[?#].*$", replacement="")
        array = pc.replace_with_mask(array, mask, cut)
    array = pc.utf8_rtrim(array, characters="/")
    return pc.if_else(pc.equal(array, ""), pa.scalar(None, array.type), array)


def _plain_ids(ids: pa.Array) -> npt.NDArray[np.bool_]:
    """Which ids (``large_string``) `netinsight.names.id_key` leaves as they are, from their bytes.

    Comparisons over Arrow's data buffer (no regular expression over the text), then a look
    at each id's first and last byte and its prefix.
    """
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=bool)
    _, offsets_buffer, data_buffer = ids.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[ids.offset : ids.offset + n + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else np.zeros(0, dtype=np.uint8)
    data = data[offsets[0] : offsets[-1]]
    changing = np.subtract(data, ord("A"), dtype=np.uint8) < 26  # a capital
    changing |= data == ord("?")
    changing |= data == ord("#")
    changing |= data >= 0x80  # not ASCII
    start, end = offsets[:-1], offsets[1:]
    plain = end > start
    if ids.null_count:
        plain &= ids.is_valid().to_numpy(zero_copy_only=False)
    plain[np.searchsorted(offsets, np.flatnonzero(changing) + offsets[0], side="right") - 1] = False
    filled = np.flatnonzero(plain)
    first, last = data[start[filled] - offsets[0]], data[end[filled] - 1 - offsets[0]]
    plain[filled] = ~np.isin(first, _EDGE_BYTES) & ~np.isin(last, _EDGE_BYTES) & (last != ord("/"))
    for prefix in _CHANGED_PREFIXES:
        plain &= ~pc.starts_with(ids, prefix).fill_null(False).to_numpy(zero_copy_only=False)
    return plain
