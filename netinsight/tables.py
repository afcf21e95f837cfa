"""The people and introductions tables: their columns and dtypes, and introductions as integer codes.

Every network function passes these two tables around: ``people`` (one row per node,
indexed by the person id) and ``introductions`` (one row per owner, introducer and person).
`CodedIntroductions` holds the introductions as positions in the people table, the form the
analyses compute on; `code_introductions` and `introductions_frame` convert between the two.
Limits: an introduction naming someone not in the people table gets introducer -1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.normalize import LIST_OF_TEXT
from netinsight.textcodes import large_text, str_series, take_or_null

__all__ = [
    "DATE_COLUMNS",
    "INTRODUCTION_COLUMNS",
    "KINDS",
    "LIST_COLUMNS",
    "PEOPLE_COLUMNS",
    "ROOT_PREFIX",
    "TEXT_COLUMNS",
    "CodedIntroductions",
    "arrow_text",
    "code_introductions",
    "introductions_frame",
    "introductions_order",
    "root_id",
    "text_lists",
    "text_series",
    "typed_introductions",
    "typed_people",
]

#: Columns of the people table (its index is ``person``, the node id).
PEOPLE_COLUMNS: Final[tuple[str, ...]] = (
    "name",
    "kind",
    "owner",
    "owners",
    "company",
    "role",
    "industry",
    "sector",
    "first_interview",
    "last_interview",
    "interviews",
    "outcomes",
    "connected_on",
)

#: Columns of the introductions table.
INTRODUCTION_COLUMNS: Final[tuple[str, ...]] = ("owner", "introducer", "person", "date", "count")

#: What a node is: the log's owner, a person interviewed, an introducer never
#: interviewed, or a LinkedIn connection never interviewed.
KINDS: Final[tuple[str, ...]] = ("owner", "contact", "introducer", "connection")

#: The start of an owner's root node id.
ROOT_PREFIX: Final = "owner:"

#: Text, date and list columns of the people table (the others are counts).
TEXT_COLUMNS: Final[tuple[str, ...]] = ("name", "kind", "owner", "company", "role", "industry", "sector")
DATE_COLUMNS: Final[tuple[str, ...]] = ("first_interview", "last_interview", "connected_on")
LIST_COLUMNS: Final[tuple[str, ...]] = ("owners", "outcomes")

IntArray = npt.NDArray[np.int64]


def root_id(owner: str) -> str:
    """The node id of an owner's root ("owner:" and the owner).

    Examples
    --------
    >>> root_id("me")
    'owner:me'
    """
    return ROOT_PREFIX + owner


@dataclass(frozen=True)
class CodedIntroductions:
    """An introductions table as integers: one entry per owner, introducer and person.

    ``owner`` indexes ``owners`` (the owner names); ``introducer`` and ``person`` are row
    positions in the people table (``introducer`` -1 when not in it); ``date`` is NaT when
    undated.
    """

    owner: IntArray
    owners: npt.NDArray[np.object_]
    introducer: IntArray
    person: IntArray
    date: npt.NDArray[np.datetime64]
    count: IntArray

    def only(self, owner: str) -> CodedIntroductions:
        """The introductions of one owner (an owner with none gives none)."""
        hit = np.flatnonzero(self.owners == owner)
        keep = self.owner == (hit[0] if len(hit) else -1)
        return CodedIntroductions(
            self.owner[keep], self.owners, self.introducer[keep], self.person[keep], self.date[keep], self.count[keep]
        )


def code_introductions(people: pd.DataFrame, introductions: pd.DataFrame) -> CodedIntroductions:
    """An introductions table as positions in its people table; the inverse of `introductions_frame`.

    Examples
    --------
    >>> people = pd.DataFrame({"name": ["me", "Ana"]}, index=pd.Index(["owner:me", "me/ana"], name="person"))
    >>> intros = pd.DataFrame({"owner": ["me"], "introducer": ["owner:me"], "person": ["me/ana"],
    ...                        "date": pd.to_datetime(["2026-01-05"]), "count": [1]})
    >>> coded = code_introductions(people, intros)
    >>> coded.introducer.tolist(), coded.person.tolist()
    ([0], [1])
    """
    owner, owners = pd.factorize(introductions["owner"].astype("str"))
    index = pd.Index(people.index)
    return CodedIntroductions(
        owner=owner.astype(np.int64),
        owners=np.asarray(owners, dtype=object),
        introducer=index.get_indexer(introductions["introducer"]).astype(np.int64),
        person=index.get_indexer(introductions["person"]).astype(np.int64),
        date=introductions["date"].to_numpy(dtype="datetime64[ns]"),
        count=introductions["count"].to_numpy(dtype=np.int64),
    )


def introductions_frame(people: pd.DataFrame, coded: CodedIntroductions) -> pd.DataFrame:
    """The introductions table of coded introductions; the inverse of `code_introductions`.

    Returns
    -------
    pandas.DataFrame
        Columns `INTRODUCTION_COLUMNS`, sorted by owner, person, date and introducer.

    Examples
    --------
    >>> people = pd.DataFrame({"name": ["me", "Ana"]}, index=pd.Index(["owner:me", "me/ana"], name="person"))
    >>> coded = CodedIntroductions(np.array([0]), np.array(["me"], dtype=object), np.array([0]), np.array([1]),
    ...                            np.array(["2026-01-05"], dtype="datetime64[ns]"), np.array([1]))
    >>> introductions_frame(people, coded)[["introducer", "person"]].values.tolist()
    [['owner:me', 'me/ana']]
    """
    ids = large_text(people.index)
    order = introductions_order(ids, coded)
    frame = pd.DataFrame(
        {
            "owner": str_series(large_text(coded.owners).take(pa.array(coded.owner[order]))),
            "introducer": str_series(take_or_null(ids, coded.introducer[order])),
            "person": str_series(ids.take(pa.array(coded.person[order]))),
            "date": pd.Series(coded.date[order], dtype="datetime64[ns]"),
            "count": pd.Series(coded.count[order], dtype="int64"),
        }
    )
    return frame


def introductions_order(ids: pa.Array, coded: CodedIntroductions) -> IntArray:
    """The order of `typed_introductions` (owner, person, date, introducer; missing last) on codes.

    The people ids are sorted once; the rows are then ordered on integer ranks.

    Examples
    --------
    >>> coded = CodedIntroductions(np.array([0, 0]), np.array(["me"], dtype=object), np.array([0, 0]),
    ...     np.array([2, 1]), np.array(["2026-01-05", "NaT"], dtype="datetime64[ns]"), np.array([1, 0]))
    >>> introductions_order(pa.array(["owner:me", "me/b", "me/a"]), coded).tolist()
    [0, 1]
    """
    rank = np.empty(len(ids), dtype=np.int64)
    rank[pc.sort_indices(ids).to_numpy()] = np.arange(len(ids))
    owner_rank = pd.factorize(pd.Series(coded.owners, dtype="str"), sort=True)[0].astype(np.int64)
    stamp = coded.date.view(np.int64).copy()
    stamp[np.isnat(coded.date)] = np.iinfo(np.int64).max
    introducer = np.where(coded.introducer >= 0, rank[np.maximum(coded.introducer, 0)] if len(rank) else 0, len(ids))
    person = np.where(coded.person >= 0, rank[np.maximum(coded.person, 0)] if len(rank) else 0, len(ids))
    owner = owner_rank[coded.owner] if len(coded.owner) else coded.owner
    return np.lexsort((introducer, stamp, person, owner)).astype(np.int64)


def text_series(array: pa.Array | pa.ChunkedArray) -> pd.Series[Any]:
    """An Arrow text array as a pandas ``str`` Series.

    Examples
    --------
    >>> text_series(pa.array(["a", None])).tolist()
    ['a', nan]
    """
    chunked = pa.chunked_array([array]) if isinstance(array, pa.Array) else array
    return pd.Series(pd.arrays.ArrowExtensionArray(chunked)).astype("str")


def text_lists(lists: list[list[str]], index: pd.Index[Any] | None = None) -> pd.Series[Any]:
    """A list-of-text column (the dtype of the log's ``outcome``) from Python lists.

    Examples
    --------
    >>> text_lists([["a"], []]).tolist()
    [['a'], []]
    """
    array = pa.chunked_array([pa.array(lists, pa.list_(pa.string()))])
    return pd.Series(pd.arrays.ArrowExtensionArray(array), index=index)


def typed_people(people: pd.DataFrame) -> pd.DataFrame:
    """The people table with every column of `PEOPLE_COLUMNS` in its dtype (missing columns added empty).

    Examples
    --------
    >>> typed_people(pd.DataFrame({"name": ["Ana"]}, index=["me/ana"])).dtypes["interviews"]
    dtype('int64')
    """
    n = len(people)
    cols: dict[str, Any] = {}
    for col in PEOPLE_COLUMNS:
        values = people.get(col)
        if col in TEXT_COLUMNS:
            cols[col] = (values if values is not None else pd.Series(np.nan, index=people.index)).astype("str")
        elif col in DATE_COLUMNS:
            cols[col] = (
                values if values is not None else pd.Series(pd.NaT, index=people.index, dtype="datetime64[ns]")
            ).astype("datetime64[ns]")
        elif col in LIST_COLUMNS:
            if values is None or values.isna().any():
                items = values.tolist() if values is not None else [None] * n
                values = text_lists([[] if _missing(v) else list(v) for v in items], people.index)  # type: ignore[arg-type]
            cols[col] = values.astype(LIST_OF_TEXT)
        else:
            cols[col] = (values if values is not None else pd.Series(0, index=people.index)).fillna(0).astype("int64")
    return pd.DataFrame(cols, index=pd.Index(people.index.astype("str"), name="person"))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def typed_introductions(intros: pd.DataFrame) -> pd.DataFrame:
    """The introductions table in its dtypes, sorted by owner, person, date (missing last) and introducer.

    Examples
    --------
    >>> t = typed_introductions(pd.DataFrame({"owner": ["me", "me"], "introducer": ["owner:me", "owner:me"],
    ...     "person": ["me/b", "me/a"], "date": [None, None], "count": [0, 0]}))
    >>> t["person"].tolist()
    ['me/a', 'me/b']
    """
    out = pd.DataFrame(
        {
            "owner": intros["owner"].astype("str"),
            "introducer": intros["introducer"].astype("str"),
            "person": intros["person"].astype("str"),
            "date": intros["date"].astype("datetime64[ns]"),
            "count": intros["count"].astype("int64"),
        }
    )
    if len(out) > 1:
        table = pa.Table.from_pandas(out, preserve_index=False)
        keys = [(c, "ascending", "at_end") for c in ("owner", "person", "date", "introducer")]
        order = pc.sort_indices(table, sort_keys=keys).to_numpy()
        out = out.iloc[order]
    return out.reset_index(drop=True)


def arrow_text(values: pd.Series[Any] | pd.Index[Any]) -> pa.Array:
    """A text column or index as one Arrow string array (no per-value Python objects for Arrow-backed text).

    Examples
    --------
    >>> arrow_text(pd.Index(["a", "b"], dtype="str")).to_pylist()
    ['a', 'b']
    """
    array = pa.array(pd.Series(values).astype("str").array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array.cast(pa.string())
