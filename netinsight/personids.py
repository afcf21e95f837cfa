"""Person node ids as text: contact ids as id keys, and node ids joined from a few heads and tails.

A person's node id is ``id:`` and their id key, or their owner, ``/`` and their name key; an
owner's root is ``owner:`` and the owner. `distinct_id_keys` keys the distinct contact ids,
checking their bytes to call `netinsight.names.id_key` only for the few it changes;
`id_parts` describes each person's id as two integer codes into a few texts, and `join_ids`
joins them in one pass in the order they are needed. Used by `netinsight.logcodes`. Limits:
ids are Arrow ``large_string``.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.names import id_key
from netinsight.tables import ROOT_PREFIX, text_series
from netinsight.textcodes import large_text, take_or_null

__all__ = ["distinct_id_keys", "id_parts", "join_ids"]

IntArray = npt.NDArray[np.int64]
#: Ids that `netinsight.names.id_key` leaves as they are: non-empty ASCII without capitals, ``?``
#: or ``#``, without a space or control character at either end, a trailing slash, or one of these
#: prefixes (`_plain_ids` checks the bytes).
_CHANGED_PREFIXES: Final = ("mailto:", "http://", "https://", "www.")
_EDGE_BYTES: Final = np.array([*range(0x21), 0x7F], dtype=np.uint8)


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def distinct_id_keys(ids: pa.Array) -> pa.Array:
    """`netinsight.names.id_key` of distinct ids, calling it only for ids it would change.

    Examples
    --------
    >>> distinct_id_keys(pa.array(["ana@x.example", "MAILTO:Bo@y.example", " ", "li.com/in/cy/"])).to_pylist()
    ['ana@x.example', 'bo@y.example', None, 'li.com/in/cy']
    """
    ids = large_text(ids)
    plain = _plain_ids(ids)
    if plain.all():
        return ids
    changed = np.flatnonzero(~plain)
    keys = id_key(text_series(ids.take(pa.array(changed))))
    at = np.full(len(ids), -1, dtype=np.int64)
    at[changed] = np.arange(len(changed))
    fixed = large_text(keys.array).take(pa.array(np.maximum(at, 0)))
    return pc.if_else(pa.array(at >= 0), fixed, ids)


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


def id_parts(
    person_key: IntArray,
    n_ids: int,
    id_keys: pa.Array,
    pair_values: IntArray,
    n_keys: int,
    owner_names: npt.NDArray[np.object_],
    keys: pa.Array,
) -> tuple[IntArray, IntArray, pa.Array, pa.Array]:
    """The head and tail of each person key's node id (``id:<id key>``, else ``<owner>/<name key>``), and their texts.

    Only the few distinct heads and tails are text; `join_ids` joins them once, in the order
    the people table needs (`netinsight.logcodes.CodedLog.node_ids`).

    Examples
    --------
    >>> head, tail, heads, tails = id_parts(np.array([1, 0]), 1, pa.array(["a@x"]), np.array([2]), 5,
    ...                                      np.array(["me"], dtype=object), pa.array(["ana", "ben", "cy"]))
    >>> join_ids(heads, head, tails, tail).to_pylist()
    ['me/cy', 'id:a@x']
    """
    is_id = person_key < n_ids
    pair = np.append(pair_values, 0)[np.where(is_id, len(pair_values), person_key - n_ids)]
    head = np.where(is_id, 0, 2 + pair // n_keys)
    tail = np.where(is_id, person_key, n_ids + pair % n_keys)
    owners = large_text(owner_names)
    heads = pa.concat_arrays(
        [
            pa.array(["id:", ROOT_PREFIX], pa.large_string()),
            pc.binary_join_element_wise(owners, _large("/"), _large("")),
        ]
    )
    return head, tail, heads, pa.concat_arrays([large_text(id_keys), large_text(keys), owners])


def join_ids(heads: pa.Array, head: IntArray, tails: pa.Array, tail: IntArray) -> pa.Array:
    """``heads[head] + tails[tail]`` at each position (negative positions give missing), as ``large_string``.

    Examples
    --------
    >>> join_ids(pa.array(["id:", "me/"]), np.array([1, 0]), pa.array(["a@x", "ana"]), np.array([1, 0])).to_pylist()
    ['me/ana', 'id:a@x']
    """
    return pc.binary_join_element_wise(take_or_null(heads, head), take_or_null(tails, tail), _large(""))
