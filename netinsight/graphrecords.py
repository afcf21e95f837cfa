"""Node and edge records for a NetworkX graph, built column by column from the people and introductions tables.

Each attribute column becomes a Python object array once (text and dates through their few
distinct values, so equal values share one object); the per-node and per-edge dicts are
then made by one comprehension per pattern of present attributes, with the garbage
collector paused. Used by `netinsight.graph`. Limits: building a million Python dicts is
the cost that remains; NetworkX needs them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.peoplecodes import PeopleCodes
from netinsight.tables import PEOPLE_COLUMNS
from netinsight.textcodes import TextCodes, encode_text, large_text

__all__ = ["EdgeRows", "collector_paused", "edge_records", "node_records", "object_values", "text_objects"]

ObjectArray = npt.NDArray[np.object_]
IntArray = npt.NDArray[np.int64]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector while many small objects are created (restored in ``finally``).

    Examples
    --------
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def object_values(values: pd.Series[Any]) -> ObjectArray:
    """A column as Python objects, None where missing: text as ``str``, dates as ``Timestamp``, lists as ``list``.

    Text and dates are converted once per distinct value; an empty list counts as missing.

    Examples
    --------
    >>> object_values(pd.Series(["a", None, "a"], dtype="str")).tolist()
    ['a', None, 'a']
    >>> object_values(pd.Series(pd.to_datetime(["2026-01-05", None]))).tolist()
    [Timestamp('2026-01-05 00:00:00'), None]
    """
    return _objects(values)[0]


def _objects(values: pd.Series[Any]) -> tuple[ObjectArray, npt.NDArray[np.bool_]]:
    """`object_values` and where they are not None."""
    n = len(values)
    if isinstance(values.dtype, pd.ArrowDtype) and pa.types.is_list(values.dtype.pyarrow_dtype):
        array = pa.chunked_array(values.array._pa_array).combine_chunks()  # type: ignore[attr-defined]
        out = np.empty(n, dtype=object)
        out[:] = array.to_pylist()
        full = pc.fill_null(pc.list_value_length(array), 0).to_numpy(zero_copy_only=False) > 0
        out[~full] = None
        return out, full
    if values.dtype.kind == "M":
        dates = values.to_numpy(dtype="datetime64[ns]")
        codes, distinct = pd.factorize(dates)
        stamps = np.empty(len(distinct) + 1, dtype=object)
        stamps[:-1] = [pd.Timestamp(d) for d in np.asarray(distinct, dtype="datetime64[ns]")]
        stamps[-1] = None
        return stamps[np.where(codes >= 0, codes, len(distinct))], codes >= 0
    if values.dtype.kind in "iu":
        out = np.empty(n, dtype=object)
        out[:] = values.to_numpy().tolist()
        return out, np.ones(n, dtype=bool)
    text = encode_text(values)
    return text_objects(text), text.codes >= 0


def text_objects(text: TextCodes) -> ObjectArray:
    """Text codes as Python ``str`` objects (one per distinct value, shared), None where missing.

    Examples
    --------
    >>> text_objects(TextCodes(np.array([1, -1, 1]), pa.array(["a", "b"]))).tolist()
    ['b', None, 'b']
    """
    words = np.empty(len(text.values) + 1, dtype=object)
    words[:-1] = large_text(text.values).to_pylist()
    words[-1] = None
    return words[np.where(text.codes >= 0, text.codes, len(text.values))]


def _records(keys: list[str], columns: list[ObjectArray], present: list[npt.NDArray[np.bool_]]) -> list[Any]:
    """One dict per row of the attributes present, keys in the order given (one comprehension per pattern)."""
    n = len(columns[0]) if columns else 0
    pattern = np.zeros(n, dtype=np.int64)
    for bit, has in enumerate(present):
        pattern |= has.astype(np.int64) << bit
    out = np.empty(n, dtype=object)
    inverse, patterns = pd.factorize(pattern)
    for k, bits in enumerate(np.asarray(patterns).tolist()):
        rows = np.flatnonzero(inverse == k)
        use = [bit for bit in range(len(keys)) if bits >> bit & 1]
        names = [keys[bit] for bit in use]
        values = zip(*(columns[bit][rows].tolist() for bit in use), strict=True)
        holder = np.empty(len(rows), dtype=object)
        holder[:] = list(map(dict, map(zip, repeat(names), values))) if use else [{} for _ in range(len(rows))]
        out[rows] = holder
    return out.tolist()


def node_records(people: pd.DataFrame | PeopleCodes) -> tuple[list[str], list[dict[str, Any]]]:
    """The node ids of a people table (or its arrays) and the attributes of each, missing values left out.

    Examples
    --------
    >>> people = pd.DataFrame({"name": ["Ana"], "interviews": [1]}, index=["me/ana"])
    >>> from netinsight.tables import typed_people
    >>> node_records(typed_people(people))
    (['me/ana'], [{'name': 'Ana', 'interviews': 1}])
    """
    keys = list(PEOPLE_COLUMNS)
    with collector_paused():
        if isinstance(people, pd.DataFrame):
            ids = people.index.tolist()
            found = [_objects(people[col]) for col in keys]
        else:
            ids = people.ids.to_pylist()
            found = []
            for col in keys:
                if col in people.text:
                    found.append((text_objects(people.text[col]), people.text[col].codes >= 0))
                elif col == "owners":
                    found.append(_objects(people.owner_lists()))
                else:
                    found.append(_objects(pd.Series(people.column(col))))
        return ids, _records(keys, [objects for objects, _ in found], [has for _, has in found])


@dataclass(frozen=True)
class EdgeRows:
    """Introductions as arrays, one per owner and edge, in the order their attributes list them.

    ``source`` and ``target`` are positions in the node ids; ``order`` lists the rows by
    date (missing last) and owner; the edges come in order of their first row there.
    """

    owner: ObjectArray
    date: npt.NDArray[np.datetime64]
    count: IntArray
    source: IntArray
    target: IntArray
    order: IntArray


def edge_records(rows: EdgeRows, ids: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """``(introducer, person, attributes)`` per edge: ``owners, dates, counts`` of its rows, ``count`` and ``date``.

    Examples
    --------
    >>> rows = EdgeRows(np.array(["me"], dtype=object), np.array(["2026-01-05"], dtype="datetime64[ns]"),
    ...                 np.array([1]), np.array([0]), np.array([1]), np.array([0]))
    >>> [(u, v, list(d)) for u, v, d in edge_records(rows, ["owner:me", "me/ana"])]
    [('owner:me', 'me/ana', ['owners', 'dates', 'counts', 'count', 'date'])]
    """
    if not len(rows.order):
        return []
    width = len(ids) + 1
    code, _ = pd.factorize((rows.source * width + rows.target)[rows.order])  # edges by their first row
    by_edge = rows.order[np.argsort(code, kind="stable")]
    sizes = np.bincount(code)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    first = by_edge[starts]
    node = np.empty(len(ids), dtype=object)
    node[:] = ids
    with collector_paused():
        stamps = object_values(pd.Series(rows.date))
        owners, dates = rows.owner[by_edge].tolist(), stamps[by_edge].tolist()
        counts = rows.count[by_edge].tolist()
        total = np.add.reduceat(rows.count[by_edge], starts).tolist()
        earliest_row = _earliest(rows.date, by_edge, starts, sizes)
        earliest, dated = stamps[earliest_row], ~np.isnat(rows.date[earliest_row])
        attrs = np.empty(len(sizes), dtype=object)
        one = sizes == 1
        for when in (True, False):  # one owner (most edges), dated or not
            pick = np.flatnonzero(one & (dated == when))
            at = starts[pick].tolist()
            made = np.empty(len(pick), dtype=object)
            if when:
                made[:] = [
                    {
                        "owners": [owners[i]],
                        "dates": [dates[i]],
                        "counts": [counts[i]],
                        "count": counts[i],
                        "date": dates[i],
                    }
                    for i in at
                ]
            else:
                made[:] = [
                    {"owners": [owners[i]], "dates": [dates[i]], "counts": [counts[i]], "count": counts[i]} for i in at
                ]
            attrs[pick] = made
        for k in np.flatnonzero(~one).tolist():  # edges serving several owners list them all
            s, e = int(starts[k]), int(starts[k] + sizes[k])
            record = {"owners": owners[s:e], "dates": dates[s:e], "counts": counts[s:e], "count": total[k]}
            if dated[k]:
                record["date"] = earliest[k]
            attrs[k] = record
        return list(
            zip(node[rows.source[first]].tolist(), node[rows.target[first]].tolist(), attrs.tolist(), strict=True)
        )


def _earliest(date: npt.NDArray[np.datetime64], by_edge: IntArray, starts: IntArray, sizes: IntArray) -> IntArray:
    """The row of each edge's earliest dated introduction (its first row when none is dated)."""
    stamps = date.view(np.int64).copy()
    stamps[np.isnat(date)] = np.iinfo(np.int64).max
    stamps = stamps[by_edge]
    low = np.minimum.reduceat(stamps, starts)
    pos = np.arange(len(by_edge)) - np.repeat(starts, sizes)
    hit = np.where(stamps == np.repeat(low, sizes), pos, np.iinfo(np.int64).max)
    return by_edge[starts + np.minimum.reduceat(hit, starts)]
