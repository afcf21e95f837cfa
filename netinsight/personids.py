"""Person node ids as text: contact ids as id keys, and node ids joined from a few heads and tails.

A person's node id is ``id:`` and their id key, or their owner, ``/`` and their name key; an
owner's root is ``owner:`` and the owner (contact ids are keyed by
`netinsight.names.distinct_id_key_array`). `id_parts` describes each person's id as two integer
codes into a few texts, and `join_ids` joins them in one pass in the order they are needed. Used
by `netinsight.logcodes`. Limits: ids are Arrow ``large_string``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.tables import ROOT_PREFIX
from netinsight.textcodes import large_text, take_or_null

__all__ = ["id_parts", "join_ids"]

IntArray = npt.NDArray[np.int64]


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def id_parts(
    person_key: IntArray,
    n_ids: int,
    id_keys: pa.Array,
    pair_values: IntArray,
    n_keys: int,
    owner_names: npt.NDArray[np.object_] | pa.Array,
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
