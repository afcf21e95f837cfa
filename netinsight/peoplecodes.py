"""The people table of a coded log, reduced from the log's rows with scatters instead of sorts or groupby.

`people_from_codes` gives one row per owner's root, person interviewed and introducer never
interviewed: first spelling, latest company, role and industry, first and last interview,
owners and outcomes. Each per-person reduction is one ``numpy.minimum.at`` /
``numpy.maximum.at`` over date ranks, and each text column one Arrow take. Used by
`netinsight.people`; the list columns come from `netinsight.peoplelists`. Limits: owners
are listed by their earliest introduction (ties by order of appearance in the log).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from netinsight.logcodes import CodedLog, column_codes, stable_order
from netinsight.peoplelists import outcome_lists, owner_lists
from netinsight.tables import ROOT_PREFIX, text_series, typed_people
from netinsight.textcodes import TextCodes, encode_text, large_text, str_series

__all__ = ["PeopleCodes", "people_from_codes", "take_text"]

IntArray = npt.NDArray[np.int64]
_LAST: Final = np.iinfo(np.int64).max


def take_text(column: pd.Series[Any], rows: IntArray) -> pa.Array:
    """The text of a column at `rows` (-1 gives missing) through its dictionary codes, as ``large_string``.

    Examples
    --------
    >>> take_text(pd.Series(["a", "b"], dtype="category"), np.array([1, -1, 0])).to_pylist()
    ['b', None, 'a']
    """
    return encode_text(column).take(rows)


def _distinct_text(column: pd.Series[Any]) -> list[str]:
    """The distinct non-missing values of a column as text (a categorical's used categories)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)))
        return [str(v) for v in pd.Index(column.cat.categories[used]).astype("str").unique()]
    return [str(v) for v in column.dropna().astype("str").unique()]


@dataclass(frozen=True)
class _Owners:
    """What the ``owners`` lists are made of (see `_owner_lists`)."""

    position: IntArray
    roots: IntArray
    person: IntArray
    owner: IntArray
    stamp: IntArray
    text: pa.Array


@dataclass(frozen=True)
class PeopleCodes:
    """The people table of a coded log as arrays: ids, text columns as codes, dates, counts and outcomes.

    `frame` builds the table itself (with the ``owners`` lists); the analyses read the arrays.
    """

    ids: pa.Array
    text: dict[str, TextCodes]
    first_interview: npt.NDArray[np.datetime64]
    last_interview: npt.NDArray[np.datetime64]
    interviews: IntArray
    outcomes: pd.Series[Any]
    source: str
    owners: _Owners

    def column(self, name: str) -> Any:
        """A column that is not text: a NumPy array (dates, counts) or the outcome lists.

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.column("interviews").tolist()
        [0, 1]
        """
        if name == "connected_on":
            return np.full(len(self.ids), np.datetime64("NaT"), dtype="datetime64[ns]")
        if name == "outcomes":
            return self.outcomes.array
        values: Any = getattr(self, name)
        return values

    def owner_lists(self) -> pd.Series[Any]:
        """The ``owners`` column: each row's owners, first first.

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.owner_lists().tolist()
        [['me'], ['me']]
        """
        o = self.owners
        return owner_lists(o.position, o.roots, o.person, o.owner, o.stamp, o.text, len(self.ids))

    def frame(self) -> pd.DataFrame:
        """The people table (`netinsight.people.people_table`).

        Examples
        --------
        >>> from netinsight import read_log
        >>> from netinsight.people import coded_network_from_log
        >>> people = coded_network_from_log(read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["A"]})))[0]
        >>> people.frame().index.tolist()
        ['owner:me', 'me/a']
        """
        frame: dict[str, Any] = {col: str_series(codes.decode()).array for col, codes in self.text.items()}
        frame["first_interview"] = self.first_interview
        frame["last_interview"] = self.last_interview
        frame["interviews"] = self.interviews
        people = pd.DataFrame(frame, index=pd.Index(text_series(self.ids), name="person"))
        people["owners"] = self.owner_lists().set_axis(people.index)
        people["outcomes"] = self.outcomes.set_axis(people.index)
        out = typed_people(people)
        out.attrs["source"] = self.source
        return out


def people_from_codes(
    log: pd.DataFrame,
    coded: CodedLog,
    g_owner: IntArray,
    g_dst: IntArray,
    g_stamp: IntArray,
    u_owner: IntArray,
    u_person: IntArray,
) -> tuple[PeopleCodes, IntArray, IntArray]:
    """The people table as arrays, the row of each person code in it, and the row of each owner's root.

    `g_owner`, `g_dst`, `g_stamp` are the introductions (owner, person, date stamp) and
    `u_owner`, `u_person` the introducers an owner never interviewed.

    Examples
    --------
    >>> from netinsight import read_log
    >>> from netinsight.logcodes import code_log
    >>> log = read_log(pd.DataFrame({"date": ["2026-01-05"], "contact": ["Ana"]}))
    >>> coded, none = code_log(log), np.zeros(0, dtype=np.int64)
    >>> people, position, root_row = people_from_codes(log, coded, coded.owner, coded.person, np.zeros(1), none, none)
    >>> people.ids.to_pylist(), position.tolist(), root_row.tolist()
    (['owner:me', 'me/ana'], [1], [0])
    """
    rows, person, order = coded.rows, coded.person, coded.by_date
    n_people, m = len(coded.ids), len(rows)
    owner_names = coded.owner_names
    rank = np.empty(m, dtype=np.int64)
    rank[order] = np.arange(m)
    dates = log["date"].to_numpy(dtype="datetime64[ns]")[rows]
    # each person's first row and last row with a value, by date rank (kept-row positions)
    first_rank = np.full(n_people, m, dtype=np.int64)
    np.minimum.at(first_rank, person, rank)
    is_contact = first_rank < m
    c_person = np.flatnonzero(is_contact)
    c_first = order[first_rank[c_person]] if len(c_person) else np.zeros(0, dtype=np.int64)
    sizes = np.bincount(person, minlength=n_people)[c_person].astype(np.int64)

    def last_valid(valid: npt.NDArray[np.bool_]) -> IntArray:
        """The kept-row position of each contact's last row where `valid` (in date order), -1 if none."""
        best = np.full(n_people, -1, dtype=np.int64)
        np.maximum.at(best, person[valid], rank[valid])
        at = best[c_person]
        return np.where(at >= 0, order[np.maximum(at, 0)] if m else at, -1).astype(np.int64)

    first_date = dates[c_first]
    last_at = last_valid(~np.isnat(dates))
    last_date = np.where(last_at >= 0, dates[np.maximum(last_at, 0)] if m else first_date, np.datetime64("NaT"))
    # introducers never interviewed: name as first written, their owner
    k_keep = ~is_contact[u_person]
    k_person, k_owner = u_person[k_keep], u_owner[k_keep]
    named = coded.introducer >= 0
    first_named = np.full(n_people, m, dtype=np.int64)
    np.minimum.at(first_named, coded.introducer[named], rank[named])
    k_name = order[first_named[k_person]] if len(k_person) else np.zeros(0, dtype=np.int64)
    # the body: contacts then unmet introducers, sorted by owner and first interview (missing last)
    root_order = np.argsort(owner_names.astype(str), kind="stable")
    owner_rank = np.empty(len(root_order), dtype=np.int64)
    owner_rank[root_order] = np.arange(len(root_order))
    n_c, n_u, n_roots = len(c_person), len(k_person), len(root_order)
    b_owner = np.concatenate([coded.owner[c_first], k_owner]).astype(np.int64)
    b_first = np.concatenate([first_date, np.full(n_u, np.datetime64("NaT"), dtype="datetime64[ns]")])
    b_stamp = b_first.view(np.int64).copy()
    b_stamp[np.isnat(b_first)] = _LAST
    by_stamp = stable_order(b_stamp)
    body = by_stamp[stable_order(owner_rank[b_owner][by_stamp])]
    b_person = np.concatenate([c_person, k_person])[body]
    none_c, none_u = np.full(n_c, -1, dtype=np.int64), np.full(n_u, -1, dtype=np.int64)
    none_r = np.full(n_roots, -1, dtype=np.int64)
    log_rows = np.append(rows, -1)  # kept-row position -1 -> no row

    def body_codes(source: TextCodes, at: IntArray) -> IntArray:
        """Codes of a log column at kept-row positions of the body (-1 missing), the roots -1 first."""
        return np.concatenate([none_r, np.append(source.codes, -1)[log_rows[at]]])

    owners_text = large_text(owner_names)
    names = coded.contact_name.values
    said = body_codes(coded.contact_name, np.concatenate([c_first, none_u])[body])
    written = body_codes(coded.intro_name, np.concatenate([none_c, k_name])[body])
    name = np.where(said >= 0, said, written)
    name[:n_roots] = len(names) + root_order
    text: dict[str, TextCodes] = {
        "name": TextCodes(name, pa.concat_arrays([names, owners_text])),
        "kind": TextCodes(
            np.concatenate([np.zeros(n_roots, np.int64), np.where(body < n_c, 1, 2)]),
            pa.array(["owner", "contact", "introducer"], pa.large_string()),
        ),
        "owner": TextCodes(np.concatenate([root_order, b_owner[body]]), owners_text),
    }
    attributes = ("company", "role", "industry", "sector")
    for col, source in zip(attributes, column_codes(log, attributes), strict=True):
        text[col] = TextCodes(
            body_codes(source, np.concatenate([last_valid(source.codes[rows] >= 0), none_u])[body]), source.values
        )
    root_names = owners_text.take(pa.array(root_order, pa.int64()))
    nat = np.full(n_roots + n_u, np.datetime64("NaT"), dtype="datetime64[ns]")
    ids = pa.concat_arrays(
        [
            pc.binary_join_element_wise(
                pa.scalar(ROOT_PREFIX, pa.large_string()), root_names, pa.scalar("", pa.large_string())
            ),
            coded.ids.cast(pa.large_string()).take(pa.array(b_person, pa.int64())),
        ]
    )
    n_rows = len(ids)
    position = np.full(n_people, -1, dtype=np.int64)
    position[b_person] = np.arange(n_roots, n_roots + len(b_person))
    row_position = np.full(len(log), -1, dtype=np.int64)
    row_position[rows] = position[person]
    owners = _Owners(
        position,
        root_order,
        np.concatenate([g_dst, u_person]).astype(np.int64),
        np.concatenate([g_owner, u_owner]).astype(np.int64),
        np.concatenate([g_stamp, np.full(len(u_person), _LAST)]).astype(np.int64),
        owners_text.cast(pa.string()),
    )
    people = PeopleCodes(
        ids=ids,
        text=text,
        first_interview=np.concatenate([nat[:n_roots], b_first[body]]),
        last_interview=np.concatenate([nat[:n_roots], np.concatenate([last_date, nat[:n_u]])[body]]),
        interviews=np.concatenate([np.zeros(n_roots, np.int64), np.concatenate([sizes, none_u * 0])[body]]),
        outcomes=outcome_lists(log, row_position, n_rows),
        source="; ".join(sorted(_distinct_text(log["source_file"]))) if "source_file" in log else "",
        owners=owners,
    )
    root_row = np.empty(n_roots, dtype=np.int64)
    root_row[root_order] = np.arange(n_roots)
    return people, position, root_row
